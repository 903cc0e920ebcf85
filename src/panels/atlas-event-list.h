/* atlas-event-list.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-event-model.h"
#include "model/atlas-filter.h"
#include "model/atlas-selection.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EVENT_LIST (atlas_event_list_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEventList, atlas_event_list, ATLAS, EVENT_LIST, GtkWidget)

void             atlas_event_list_set_models      (AtlasEventList *self,
                                                   AtlasFilter    *filter,
                                                   AtlasSelection *selection);
AtlasEventModel *atlas_event_list_get_model       (AtlasEventList *self);
GtkColumnView   *atlas_event_list_get_column_view (AtlasEventList *self);

G_END_DECLS
