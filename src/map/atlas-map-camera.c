/* atlas-map-camera.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Moving a ShumateMap: going to a place or a box, revealing a place that was
 * selected elsewhere, panning and zooming by steps. Animated when the map is on
 * screen (and animations are enabled), immediate otherwise, so that tests and
 * a window that is not shown yet get the final position at once.
 */

#include "config.h"

#include <math.h>

#include "atlas-map-camera.h"
#include "atlas-map-projection.h"

#define FIT_PADDING 48.0
#define ZOOM_ANIMATION_MS 250
/* Below this zoom a revealed place would be a dot in a country: zoom in. */
#define REVEAL_MIN_ZOOM 8.0
#define REVEAL_ZOOM 11.0
/* A revealed place this close to an edge (as a fraction of the size) is
 * brought to the middle. */
#define REVEAL_EDGE 0.12

static ShumateViewport *
viewport_of (ShumateMap *map)
{
  return shumate_map_get_viewport (map);
}

/**
 * atlas_map_camera_go_to:
 * @map: a map
 * @lon: longitude of the new centre
 * @lat: latitude of the new centre
 * @zoom: the new zoom level, clamped to the map's range
 * @animate: whether to animate (only done while the map is mapped)
 */
void
atlas_map_camera_go_to (ShumateMap *map,
                        double      lon,
                        double      lat,
                        double      zoom,
                        gboolean    animate)
{
  zoom = CLAMP (zoom, ATLAS_MAP_MIN_ZOOM, ATLAS_MAP_MAX_ZOOM);
  lat = CLAMP (lat, SHUMATE_MIN_LATITUDE, SHUMATE_MAX_LATITUDE);
  lon = CLAMP (lon, SHUMATE_MIN_LONGITUDE, SHUMATE_MAX_LONGITUDE);

  if (animate && gtk_widget_get_mapped (GTK_WIDGET (map)))
    {
      shumate_map_go_to_full (map, lat, lon, zoom);
    }
  else
    {
      shumate_map_stop_go_to (map);
      shumate_viewport_set_zoom_level (viewport_of (map), zoom);
      shumate_map_center_on (map, lat, lon);
    }
}

/**
 * atlas_map_camera_go_to_bounds:
 * @map: a map
 * @bounds: the box to show
 * @min_zoom: zoom at least this far in
 * @max_zoom: zoom at most this far in
 * @animate: whether to animate
 *
 * Shows a box of the world as large as fits, with a margin.
 */
void
atlas_map_camera_go_to_bounds (ShumateMap           *map,
                               const AtlasMapBounds *bounds,
                               double                min_zoom,
                               double                max_zoom,
                               gboolean              animate)
{
  double width = gtk_widget_get_width (GTK_WIDGET (map));
  double height = gtk_widget_get_height (GTK_WIDGET (map));
  double x0, y0, x1, y1, lon, lat, zoom;

  zoom = atlas_map_zoom_for_bounds (bounds->min_lon, bounds->min_lat, bounds->max_lon,
                                    bounds->max_lat, width, height, 256, FIT_PADDING);

  /* The middle of the box in Mercator, which is not the middle in degrees. */
  atlas_mercator_from_lon_lat (bounds->min_lon, bounds->max_lat, &x0, &y0);
  atlas_mercator_from_lon_lat (bounds->max_lon, bounds->min_lat, &x1, &y1);
  atlas_mercator_to_lon_lat ((x0 + x1) / 2, (y0 + y1) / 2, &lon, &lat);

  atlas_map_camera_go_to (map, lon, lat, CLAMP (zoom, min_zoom, max_zoom), animate);
}

/**
 * atlas_map_camera_go_to_geometry:
 * @map: a map
 * @geometry: a geometry of the dataset
 * @max_zoom: zoom at most this far in
 * @animate: whether to animate
 *
 * Shows the whole of an area or a route.
 */
void
atlas_map_camera_go_to_geometry (ShumateMap          *map,
                                 const AtlasGeometry *geometry,
                                 double               max_zoom,
                                 gboolean             animate)
{
  AtlasMapBounds bounds = {
    geometry->min_lon, geometry->min_lat, geometry->max_lon, geometry->max_lat
  };

  atlas_map_camera_go_to_bounds (map, &bounds, ATLAS_MAP_MIN_ZOOM, max_zoom, animate);
}

/**
 * atlas_map_camera_reveal:
 * @map: a map
 * @lon: longitude of a place
 * @lat: its latitude
 *
 * Makes sure a place is well on screen: pans (animated) if it is off screen or
 * near an edge, and zooms in as well if the map shows a whole country. A place
 * already in view stays where it is, so the map does not jump for nothing.
 */
void
atlas_map_camera_reveal (ShumateMap *map,
                         double      lon,
                         double      lat)
{
  ShumateViewport *viewport = viewport_of (map);
  double width = gtk_widget_get_width (GTK_WIDGET (map));
  double height = gtk_widget_get_height (GTK_WIDGET (map));
  double zoom = shumate_viewport_get_zoom_level (viewport);
  AtlasMapProjection projection;
  double nx, ny, x, y;

  if (width <= 0 || height <= 0)
    return;

  atlas_map_projection_init_from_viewport (&projection, viewport, width, height);
  atlas_mercator_from_lon_lat (lon, lat, &nx, &ny);
  atlas_map_projection_to_widget (&projection, nx, ny, &x, &y);

  if (zoom < REVEAL_MIN_ZOOM)
    {
      atlas_map_camera_go_to (map, lon, lat, REVEAL_ZOOM, TRUE);
    }
  else if (x < width * REVEAL_EDGE || x > width * (1 - REVEAL_EDGE) ||
           y < height * REVEAL_EDGE || y > height * (1 - REVEAL_EDGE))
    {
      /* The zoom is fine: only pan, animated. */
      if (gtk_widget_get_mapped (GTK_WIDGET (map)))
        shumate_map_go_to (map, CLAMP (lat, SHUMATE_MIN_LATITUDE, SHUMATE_MAX_LATITUDE),
                           CLAMP (lon, SHUMATE_MIN_LONGITUDE, SHUMATE_MAX_LONGITUDE));
      else
        atlas_map_camera_go_to (map, lon, lat, zoom, FALSE);
    }
}

/**
 * atlas_map_camera_reveal_all:
 * @map: a map
 * @lons: (array length=n): longitudes
 * @lats: (array length=n): latitudes
 * @n: how many points
 *
 * Makes every point show, away from the edges: nothing moves when they all do
 * already; otherwise the map fits them, zooming in no closer than a single
 * place's reveal would.
 */
void
atlas_map_camera_reveal_all (ShumateMap   *map,
                             const double *lons,
                             const double *lats,
                             guint         n)
{
  ShumateViewport *viewport = viewport_of (map);
  double width = gtk_widget_get_width (GTK_WIDGET (map));
  double height = gtk_widget_get_height (GTK_WIDGET (map));
  AtlasMapBounds bounds = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  gboolean all_shown = TRUE;
  AtlasMapProjection projection;

  if (n == 0 || width <= 0 || height <= 0)
    return;

  atlas_map_projection_init_from_viewport (&projection, viewport, width, height);
  for (guint i = 0; i < n; i++)
    {
      double nx, ny, x, y;

      atlas_mercator_from_lon_lat (lons[i], lats[i], &nx, &ny);
      atlas_map_projection_to_widget (&projection, nx, ny, &x, &y);
      all_shown &= x >= width * REVEAL_EDGE && x <= width * (1 - REVEAL_EDGE) &&
                   y >= height * REVEAL_EDGE && y <= height * (1 - REVEAL_EDGE);
      bounds.min_lon = MIN (bounds.min_lon, lons[i]);
      bounds.max_lon = MAX (bounds.max_lon, lons[i]);
      bounds.min_lat = MIN (bounds.min_lat, lats[i]);
      bounds.max_lat = MAX (bounds.max_lat, lats[i]);
    }
  if (!all_shown)
    atlas_map_camera_go_to_bounds (map, &bounds, ATLAS_MAP_MIN_ZOOM, REVEAL_ZOOM,
                                   gtk_widget_get_mapped (GTK_WIDGET (map)));
}

/**
 * atlas_map_camera_pan:
 * @map: a map
 * @dx: horizontal step, as a fraction of the width
 * @dy: vertical step, as a fraction of the height
 */
void
atlas_map_camera_pan (ShumateMap *map,
                      double      dx,
                      double      dy)
{
  double width = gtk_widget_get_width (GTK_WIDGET (map));
  double height = gtk_widget_get_height (GTK_WIDGET (map));
  AtlasMapProjection projection;
  double nx, ny, lon, lat;

  if (width <= 0 || height <= 0)
    return;

  atlas_map_projection_init_from_viewport (&projection, viewport_of (map), width, height);
  atlas_map_projection_from_widget (&projection, width / 2 + dx * width, height / 2 + dy * height,
                                    &nx, &ny);
  atlas_mercator_to_lon_lat (CLAMP (nx, 0.0, 1.0), CLAMP (ny, 0.0, 1.0), &lon, &lat);
  shumate_map_stop_go_to (map);
  shumate_map_center_on (map, CLAMP (lat, SHUMATE_MIN_LATITUDE, SHUMATE_MAX_LATITUDE),
                         CLAMP (lon, SHUMATE_MIN_LONGITUDE, SHUMATE_MAX_LONGITUDE));
}

/**
 * atlas_map_camera_zoom_by:
 * @map: a map
 * @delta: whole zoom levels to add (negative to zoom out)
 *
 * Zooms around the centre, to whole levels, where raster tiles are sharp.
 */
void
atlas_map_camera_zoom_by (ShumateMap *map,
                          double      delta)
{
  ShumateViewport *viewport = viewport_of (map);
  double zoom = CLAMP (round (shumate_viewport_get_zoom_level (viewport)) + delta,
                       ATLAS_MAP_MIN_ZOOM, ATLAS_MAP_MAX_ZOOM);
  double lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  double lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  guint duration = gtk_widget_get_mapped (GTK_WIDGET (map)) ? ZOOM_ANIMATION_MS : 0;

  shumate_map_go_to_full_with_duration (map, lat, lon, zoom, duration);
}
