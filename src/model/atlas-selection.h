/* atlas-selection.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-dataset.h"
#include "atlas-intent.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SELECTION (atlas_selection_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSelection, atlas_selection, ATLAS, SELECTION, GObject)

AtlasSelection *atlas_selection_new              (void);
AtlasDataset   *atlas_selection_get_dataset      (AtlasSelection *self);
void            atlas_selection_set_dataset      (AtlasSelection *self,
                                                  AtlasDataset   *dataset);
guint           atlas_selection_get_location     (AtlasSelection *self);
guint           atlas_selection_get_event        (AtlasSelection *self);
guint           atlas_selection_get_district     (AtlasSelection *self);
void            atlas_selection_select_location  (AtlasSelection *self,
                                                  guint           location);
void            atlas_selection_select_event     (AtlasSelection *self,
                                                  guint           event);
void            atlas_selection_select_district  (AtlasSelection *self,
                                                  guint           district);
void            atlas_selection_clear            (AtlasSelection *self);
void            atlas_selection_select           (AtlasSelection  *self,
                                                  AtlasIntentKind  kind,
                                                  guint            index,
                                                  AtlasOrigin      origin);
AtlasOrigin     atlas_selection_get_origin       (AtlasSelection *self);
gboolean        atlas_selection_is_empty         (AtlasSelection *self);

G_END_DECLS
