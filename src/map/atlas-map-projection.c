/* atlas-map-projection.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "atlas-map-projection.h"

/* libshumate clamps latitudes to this too; beyond it Web Mercator diverges. */
#define MAX_LATITUDE 85.0511287798

/**
 * atlas_mercator_from_lon_lat:
 * @lon: longitude in degrees
 * @lat: latitude in degrees
 * @x: (out): normalized x in [0, 1], growing east
 * @y: (out): normalized y in [0, 1], growing south
 *
 * Projects WGS84 degrees with Web Mercator, as OpenStreetMap tiles and the
 * bundled base map are.
 */
void
atlas_mercator_from_lon_lat (double  lon,
                             double  lat,
                             double *x,
                             double *y)
{
  double s;

  lat = CLAMP (lat, -MAX_LATITUDE, MAX_LATITUDE);
  s = sin (lat * G_PI / 180.0);
  *x = (lon + 180.0) / 360.0;
  *y = 0.5 - log ((1.0 + s) / (1.0 - s)) / (4.0 * G_PI);
}

/**
 * atlas_mercator_to_lon_lat:
 * @x: normalized x
 * @y: normalized y
 * @lon: (out): longitude in degrees
 * @lat: (out): latitude in degrees
 *
 * The inverse of atlas_mercator_from_lon_lat().
 */
void
atlas_mercator_to_lon_lat (double  x,
                           double  y,
                           double *lon,
                           double *lat)
{
  *lon = x * 360.0 - 180.0;
  *lat = 180.0 / G_PI * atan (sinh (G_PI * (1.0 - 2.0 * y)));
}

/**
 * atlas_map_projection_init:
 * @self: a projection to fill
 * @lon: longitude of the widget's centre
 * @lat: latitude of the widget's centre
 * @zoom: the (fractional) zoom level
 * @tile_size: pixels per tile, 256 for OpenStreetMap
 * @rotation: the viewport's rotation in radians
 * @width: widget width
 * @height: widget height
 *
 * Sets up the same mapping as shumate_viewport_location_to_widget_coords().
 */
void
atlas_map_projection_init (AtlasMapProjection *self,
                           double              lon,
                           double              lat,
                           double              zoom,
                           double              tile_size,
                           double              rotation,
                           double              width,
                           double              height)
{
  double cx, cy;

  atlas_mercator_from_lon_lat (lon, lat, &cx, &cy);
  self->zoom = zoom;
  self->world_size = tile_size * exp2 (zoom);
  self->origin_x = cx * self->world_size;
  self->origin_y = cy * self->world_size;
  self->width = width;
  self->height = height;
  self->rotation = rotation;
  self->cos_r = cos (rotation);
  self->sin_r = sin (rotation);
}

/**
 * atlas_map_projection_init_from_viewport:
 * @self: a projection to fill
 * @viewport: the viewport of the layer
 * @width: the layer's width
 * @height: the layer's height
 *
 * Takes the centre, zoom, rotation and tile size from @viewport.
 */
void
atlas_map_projection_init_from_viewport (AtlasMapProjection *self,
                                         ShumateViewport    *viewport,
                                         double              width,
                                         double              height)
{
  ShumateMapSource *source = shumate_viewport_get_reference_map_source (viewport);
  double tile_size = source != NULL ? shumate_map_source_get_tile_size (source) : 256.0;

  atlas_map_projection_init (self,
                             shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                             shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                             shumate_viewport_get_zoom_level (viewport),
                             tile_size,
                             shumate_viewport_get_rotation (viewport),
                             width, height);
}

/**
 * atlas_map_projection_to_widget:
 * @self: a projection
 * @x: normalized x
 * @y: normalized y
 * @widget_x: (out): x in widget pixels
 * @widget_y: (out): y in widget pixels
 */
void
atlas_map_projection_to_widget (const AtlasMapProjection *self,
                                double                    x,
                                double                    y,
                                double                   *widget_x,
                                double                   *widget_y)
{
  double dx = x * self->world_size - self->origin_x;
  double dy = y * self->world_size - self->origin_y;

  *widget_x = self->cos_r * dx - self->sin_r * dy + self->width / 2.0;
  *widget_y = self->sin_r * dx + self->cos_r * dy + self->height / 2.0;
}

/**
 * atlas_map_projection_from_widget:
 * @self: a projection
 * @widget_x: x in widget pixels
 * @widget_y: y in widget pixels
 * @x: (out): normalized x
 * @y: (out): normalized y
 */
void
atlas_map_projection_from_widget (const AtlasMapProjection *self,
                                  double                    widget_x,
                                  double                    widget_y,
                                  double                   *x,
                                  double                   *y)
{
  double dx = widget_x - self->width / 2.0;
  double dy = widget_y - self->height / 2.0;

  *x = (self->cos_r * dx + self->sin_r * dy + self->origin_x) / self->world_size;
  *y = (-self->sin_r * dx + self->cos_r * dy + self->origin_y) / self->world_size;
}

/**
 * atlas_map_projection_get_bounds:
 * @self: a projection
 * @margin: pixels to add on every side
 * @min_x: (out): smallest normalized x on screen
 * @min_y: (out): smallest normalized y on screen
 * @max_x: (out): largest normalized x on screen
 * @max_y: (out): largest normalized y on screen
 *
 * The normalized box holding the whole widget (rotated, if the map is), grown by
 * @margin pixels: what a layer needs to draw.
 */
void
atlas_map_projection_get_bounds (const AtlasMapProjection *self,
                                 double                    margin,
                                 double                   *min_x,
                                 double                   *min_y,
                                 double                   *max_x,
                                 double                   *max_y)
{
  const double corners[4][2] = {
    { -margin, -margin },
    { self->width + margin, -margin },
    { -margin, self->height + margin },
    { self->width + margin, self->height + margin },
  };

  *min_x = *min_y = G_MAXDOUBLE;
  *max_x = *max_y = -G_MAXDOUBLE;
  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    {
      double x, y;

      atlas_map_projection_from_widget (self, corners[i][0], corners[i][1], &x, &y);
      *min_x = MIN (*min_x, x);
      *min_y = MIN (*min_y, y);
      *max_x = MAX (*max_x, x);
      *max_y = MAX (*max_y, y);
    }
}

/**
 * atlas_map_projection_pixels_to_world:
 * @self: a projection
 * @pixels: a distance on screen
 *
 * Returns: the same distance in normalized units
 */
double
atlas_map_projection_pixels_to_world (const AtlasMapProjection *self,
                                      double                    pixels)
{
  return pixels / self->world_size;
}

/**
 * atlas_map_zoom_for_bounds:
 * @min_lon: west edge
 * @min_lat: south edge
 * @max_lon: east edge
 * @max_lat: north edge
 * @width: widget width
 * @height: widget height
 * @tile_size: pixels per tile
 * @padding: pixels to keep free on every side
 *
 * Returns: the largest zoom level at which the box fits the widget
 */
double
atlas_map_zoom_for_bounds (double min_lon,
                           double min_lat,
                           double max_lon,
                           double max_lat,
                           double width,
                           double height,
                           double tile_size,
                           double padding)
{
  double x0, y0, x1, y1, span_x, span_y, zoom_x, zoom_y;

  atlas_mercator_from_lon_lat (min_lon, max_lat, &x0, &y0);
  atlas_mercator_from_lon_lat (max_lon, min_lat, &x1, &y1);

  /* A single point (or a degenerate box) has no extent to fit: a city's scale. */
  span_x = MAX (x1 - x0, 1e-7);
  span_y = MAX (y1 - y0, 1e-7);
  width = MAX (width - 2 * padding, 1.0);
  height = MAX (height - 2 * padding, 1.0);

  zoom_x = log2 (width / (span_x * tile_size));
  zoom_y = log2 (height / (span_y * tile_size));
  return MIN (zoom_x, zoom_y);
}
