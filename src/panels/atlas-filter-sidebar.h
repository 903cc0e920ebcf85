/* atlas-filter-sidebar.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/atlas-filter.h"
#include "model/atlas-playhead.h"
#include "model/atlas-selection.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_FILTER_SIDEBAR (atlas_filter_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (AtlasFilterSidebar, atlas_filter_sidebar, ATLAS, FILTER_SIDEBAR, GtkWidget)

void atlas_filter_sidebar_set_models   (AtlasFilterSidebar *self,
                                        AtlasFilter        *filter,
                                        AtlasSelection     *selection);
void atlas_filter_sidebar_set_playhead (AtlasFilterSidebar *self,
                                        AtlasPlayhead      *playhead);
void atlas_filter_sidebar_focus_search (AtlasFilterSidebar *self);

G_END_DECLS
