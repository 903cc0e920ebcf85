/* atlas-map-view-private.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "atlas-area-layer.h"
#include "atlas-map-view.h"
#include "atlas-place-layer.h"

G_BEGIN_DECLS

/* For tests: the parts of the view. */
ShumateMap      *atlas_map_view_get_map         (AtlasMapView *self);
AtlasPlaceLayer *atlas_map_view_get_place_layer (AtlasMapView *self);
AtlasAreaLayer  *atlas_map_view_get_area_layer  (AtlasMapView *self);
gboolean         atlas_map_view_has_tile_layer  (AtlasMapView *self);
void             atlas_map_view_click           (AtlasMapView *self,
                                                 double        x,
                                                 double        y);

G_END_DECLS
