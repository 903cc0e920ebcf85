/* atlas-view-state.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/atlas-filter.h"
#include "model/atlas-playhead.h"
#include "model/atlas-selection.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_VIEW_STATE_FILTERS = 1 << 0,
  ATLAS_VIEW_STATE_TIME = 1 << 1,
  ATLAS_VIEW_STATE_SELECTION = 1 << 2,
  ATLAS_VIEW_STATE_ALL = 0x7,
} AtlasViewStateFlags;

GVariant *atlas_view_state_capture (AtlasFilter         *filter,
                                    AtlasSelection      *selection,
                                    AtlasPlayhead       *playhead,
                                    AtlasViewStateFlags  flags);
void      atlas_view_state_apply   (GVariant            *state,
                                    AtlasFilter         *filter,
                                    AtlasSelection      *selection,
                                    AtlasPlayhead       *playhead,
                                    AtlasViewStateFlags  flags);

G_END_DECLS
