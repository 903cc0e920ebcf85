/* atlas-map-description-private.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/atlas-dataset.h"
#include "model/atlas-playhead.h"
#include "model/atlas-selection.h"

G_BEGIN_DECLS

char *atlas_map_describe (AtlasDataset   *dataset,
                          AtlasSelection *selection,
                          AtlasPlayhead  *playhead,
                          guint           shown);

G_END_DECLS
