/* atlas-details-panel.h
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

#define ATLAS_TYPE_DETAILS_PANEL (atlas_details_panel_get_type ())

G_DECLARE_FINAL_TYPE (AtlasDetailsPanel, atlas_details_panel, ATLAS, DETAILS_PANEL, GtkWidget)

void atlas_details_panel_set_models (AtlasDetailsPanel *self, AtlasFilter *filter, AtlasSelection *selection, AtlasPlayhead *playhead);

G_END_DECLS
