/* atlas-coordinator.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/atlas-filter.h"
#include "model/atlas-intent.h"
#include "model/atlas-playhead.h"
#include "model/atlas-selection.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_COORDINATOR (atlas_coordinator_get_type ())

G_DECLARE_FINAL_TYPE (AtlasCoordinator, atlas_coordinator, ATLAS, COORDINATOR, GObject)

AtlasCoordinator *atlas_coordinator_new    (AtlasFilter       *filter,
                                            AtlasSelection    *selection,
                                            AtlasPlayhead     *playhead);
void              atlas_coordinator_watch  (AtlasCoordinator  *self,
                                            AtlasIntentSource *source);
void              atlas_coordinator_handle (AtlasCoordinator  *self,
                                            const AtlasIntent *intent);

G_END_DECLS
