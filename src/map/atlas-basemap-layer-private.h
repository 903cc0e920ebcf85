/* atlas-basemap-layer-private.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-basemap-layer.h"
#include "atlas-label-placer.h"

G_BEGIN_DECLS

const AtlasLabelPlacer *atlas_basemap_layer_get_label_placer (AtlasBasemapLayer *self);

G_END_DECLS
