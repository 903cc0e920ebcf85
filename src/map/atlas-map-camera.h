/* atlas-map-camera.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "model/atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_MAP_MIN_ZOOM 3.0
#define ATLAS_MAP_MAX_ZOOM 17.0

/* A box of the world, in degrees. */
typedef struct
{
  double min_lon, min_lat;    /* south-west corner */
  double max_lon, max_lat;    /* north-east corner */
} AtlasMapBounds;

void atlas_map_camera_go_to        (ShumateMap *map,
                                    double      lon,
                                    double      lat,
                                    double      zoom,
                                    gboolean    animate);
void atlas_map_camera_go_to_bounds (ShumateMap           *map,
                                    const AtlasMapBounds *bounds,
                                    double                min_zoom,
                                    double                max_zoom,
                                    gboolean              animate);
void atlas_map_camera_go_to_geometry (ShumateMap          *map,
                                      const AtlasGeometry *geometry,
                                      double               max_zoom,
                                      gboolean             animate);
void atlas_map_camera_reveal_all   (ShumateMap   *map,
                                    const double *lons,
                                    const double *lats,
                                    guint         n);
void atlas_map_camera_reveal       (ShumateMap *map,
                                    double      lon,
                                    double      lat);
void atlas_map_camera_pan          (ShumateMap *map,
                                    double      dx,
                                    double      dy);
void atlas_map_camera_zoom_by      (ShumateMap *map,
                                    double      delta);

G_END_DECLS
