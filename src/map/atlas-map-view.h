/* atlas-map-view.h
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

#define ATLAS_TYPE_MAP_VIEW (atlas_map_view_get_type ())

G_DECLARE_FINAL_TYPE (AtlasMapView, atlas_map_view, ATLAS, MAP_VIEW, GtkWidget)

void atlas_map_view_set_models (AtlasMapView      *self,
                               AtlasFilter    *filter,
                               AtlasSelection *selection,
                               AtlasPlayhead  *playhead);

G_END_DECLS
