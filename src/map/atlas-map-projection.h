/* atlas-map-projection.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

/*
 * Web Mercator as libshumate draws it, without a widget: places are stored in
 * normalized coordinates (the whole world is [0, 1] × [0, 1], y grows south), and
 * a projection turns them into widget pixels for one viewport state. Layers
 * compute one projection per frame instead of asking the viewport per point.
 */

typedef struct
{
  double zoom;
  double world_size;   /* pixels across the whole world at this zoom */
  double origin_x;     /* world pixel at the widget's centre */
  double origin_y;
  double width;
  double height;
  double rotation;     /* radians, clockwise on screen as in ShumateViewport */
  double cos_r;
  double sin_r;
} AtlasMapProjection;

void     atlas_mercator_from_lon_lat          (double                    lon,
                                               double                    lat,
                                               double                   *x,
                                               double                   *y);
void     atlas_mercator_to_lon_lat            (double                    x,
                                               double                    y,
                                               double                   *lon,
                                               double                   *lat);

void     atlas_map_projection_init            (AtlasMapProjection       *self,
                                               double                    lon,
                                               double                    lat,
                                               double                    zoom,
                                               double                    tile_size,
                                               double                    rotation,
                                               double                    width,
                                               double                    height);
void     atlas_map_projection_init_from_viewport (AtlasMapProjection    *self,
                                               ShumateViewport          *viewport,
                                               double                    width,
                                               double                    height);
void     atlas_map_projection_to_widget       (const AtlasMapProjection *self,
                                               double                    x,
                                               double                    y,
                                               double                   *widget_x,
                                               double                   *widget_y);
void     atlas_map_projection_from_widget     (const AtlasMapProjection *self,
                                               double                    widget_x,
                                               double                    widget_y,
                                               double                   *x,
                                               double                   *y);
void     atlas_map_projection_get_bounds      (const AtlasMapProjection *self,
                                               double                    margin,
                                               double                   *min_x,
                                               double                   *min_y,
                                               double                   *max_x,
                                               double                   *max_y);
double   atlas_map_projection_pixels_to_world (const AtlasMapProjection *self,
                                               double                    pixels);
double   atlas_map_zoom_for_bounds            (double                    min_lon,
                                               double                    min_lat,
                                               double                    max_lon,
                                               double                    max_lat,
                                               double                    width,
                                               double                    height,
                                               double                    tile_size,
                                               double                    padding);

G_END_DECLS
