/* atlas-map-controls.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_MAP_CONTROLS (atlas_map_controls_get_type ())

G_DECLARE_FINAL_TYPE (AtlasMapControls, atlas_map_controls, ATLAS, MAP_CONTROLS, GtkWidget)

GtkWidget *atlas_map_controls_new         (void);
void       atlas_map_controls_set_dataset (AtlasMapControls *self,
                                           AtlasDataset     *dataset);
gboolean   atlas_map_controls_get_choropleth (AtlasMapControls *self);
void       atlas_map_controls_set_choropleth (AtlasMapControls *self,
                                              gboolean          choropleth);

G_END_DECLS
