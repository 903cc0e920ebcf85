/* atlas-basemap-layer.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "atlas-basemap.h"
#include "atlas-place-layer.h"
#include "model/atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_BASEMAP_LAYER (atlas_basemap_layer_get_type ())

G_DECLARE_FINAL_TYPE (AtlasBasemapLayer, atlas_basemap_layer, ATLAS, BASEMAP_LAYER, ShumateLayer)

AtlasBasemapLayer *atlas_basemap_layer_new         (ShumateViewport   *viewport,
                                                    AtlasBasemap      *basemap);
gboolean           atlas_basemap_layer_get_dark    (AtlasBasemapLayer *self);
void               atlas_basemap_layer_set_covering_dataset (AtlasBasemapLayer *self,
                                                    AtlasDataset      *dataset);
void               atlas_basemap_layer_set_place_layer (AtlasBasemapLayer *self,
                                                    AtlasPlaceLayer   *places);

G_END_DECLS
