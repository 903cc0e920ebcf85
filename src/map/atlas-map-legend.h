/* atlas-map-legend.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_MAP_LEGEND (atlas_map_legend_get_type ())

G_DECLARE_FINAL_TYPE (AtlasMapLegend, atlas_map_legend, ATLAS, MAP_LEGEND, GtkPopover)

GtkWidget *atlas_map_legend_new         (void);
void       atlas_map_legend_set_dataset (AtlasMapLegend *self,
                                         AtlasDataset   *dataset);

G_END_DECLS
