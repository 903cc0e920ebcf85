/* atlas-event-sorter.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-event-model.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EVENT_SORTER (atlas_event_sorter_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEventSorter, atlas_event_sorter, ATLAS, EVENT_SORTER, GtkSorter)

GtkSorter *atlas_event_sorter_new         (AtlasEventSort  key);
gboolean   atlas_event_sorter_read_column (GtkSorter      *column_view_sorter,
                                           AtlasEventSort *key,
                                           gboolean       *descending);

G_END_DECLS
