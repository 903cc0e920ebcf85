/* atlas-map-view.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/atlas-filter.h"
#include "model/atlas-playhead.h"
#include "model/atlas-selection.h"

G_BEGIN_DECLS

/**
 * AtlasBaseMap:
 * @ATLAS_BASE_MAP_OPENSTREETMAP: OpenStreetMap tiles over the offline base map
 * @ATLAS_BASE_MAP_OFFLINE: the offline base map only
 *
 * What the map shows under the places. The nicks ("openstreetmap", "offline")
 * match the GSettings key `base-map`.
 */
typedef enum
{
  ATLAS_BASE_MAP_OPENSTREETMAP,
  ATLAS_BASE_MAP_OFFLINE,
} AtlasBaseMap;

#define ATLAS_TYPE_BASE_MAP (atlas_base_map_get_type ())
GType atlas_base_map_get_type (void) G_GNUC_CONST;

#define ATLAS_TYPE_MAP_VIEW (atlas_map_view_get_type ())

G_DECLARE_FINAL_TYPE (AtlasMapView, atlas_map_view, ATLAS, MAP_VIEW, GtkWidget)

void         atlas_map_view_set_models   (AtlasMapView   *self,
                                          AtlasFilter    *filter,
                                          AtlasSelection *selection,
                                          AtlasPlayhead  *playhead);
AtlasBaseMap atlas_map_view_get_base_map (AtlasMapView   *self);
void         atlas_map_view_set_base_map (AtlasMapView   *self,
                                          AtlasBaseMap    base_map);
const char  *atlas_map_view_get_tile_url (AtlasMapView   *self);
void         atlas_map_view_set_tile_url (AtlasMapView   *self,
                                          const char     *url);
void         atlas_map_view_zoom_to_fit  (AtlasMapView   *self,
                                          gboolean        animate);

G_END_DECLS
