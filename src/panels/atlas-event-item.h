/* atlas-event-item.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EVENT_ITEM (atlas_event_item_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEventItem, atlas_event_item, ATLAS, EVENT_ITEM, GObject)

AtlasEventItem *atlas_event_item_new           (AtlasDataset   *dataset,
                                                guint           event);
AtlasDataset   *atlas_event_item_get_dataset   (AtlasEventItem *self);
guint           atlas_event_item_get_event     (AtlasEventItem *self);
void            atlas_event_item_set_event     (AtlasEventItem *self,
                                                guint           event);
char           *atlas_event_item_dup_date      (AtlasEventItem *self);
const char     *atlas_event_item_get_title     (AtlasEventItem *self);
char           *atlas_event_item_dup_places    (AtlasEventItem *self);
char           *atlas_event_format_date        (AtlasDataset   *dataset,
                                                guint           event);
char           *atlas_event_format_places      (AtlasDataset   *dataset,
                                                guint           event);

G_END_DECLS
