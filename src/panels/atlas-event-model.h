/* atlas-event-model.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/atlas-filter.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_EVENT_SORT_DATE,
  ATLAS_EVENT_SORT_TITLE,
  ATLAS_EVENT_SORT_PLACE,
  ATLAS_EVENT_SORT_SECTOR,
  ATLAS_N_EVENT_SORTS
} AtlasEventSort;

#define ATLAS_TYPE_EVENT_MODEL (atlas_event_model_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEventModel, atlas_event_model, ATLAS, EVENT_MODEL, GObject)

AtlasEventModel *atlas_event_model_new             (AtlasFilter     *filter);
void             atlas_event_model_set_sort        (AtlasEventModel *self,
                                                    AtlasEventSort   key,
                                                    gboolean         descending);
AtlasEventSort   atlas_event_model_get_sort        (AtlasEventModel *self,
                                                    gboolean        *descending);
guint            atlas_event_model_get_event       (AtlasEventModel *self,
                                                    guint            position);
guint            atlas_event_model_find            (AtlasEventModel *self,
                                                    guint            event);
guint            atlas_event_model_get_n_created   (AtlasEventModel *self);

G_END_DECLS
