/* atlas-map-tooltip.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-area-layer.h"
#include "atlas-place-layer.h"

G_BEGIN_DECLS

char *atlas_map_tooltip_markup (AtlasDataset    *dataset,
                                AtlasPlaceLayer *places,
                                AtlasAreaLayer  *areas,
                                gboolean         time_window,
                                double           x,
                                double           y);

G_END_DECLS
