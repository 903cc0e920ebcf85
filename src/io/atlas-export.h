/* atlas-export.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/atlas-dataset.h"

G_BEGIN_DECLS

GBytes   *atlas_export_geojson      (AtlasDataset  *dataset,
                                     GtkBitset     *events);
GBytes   *atlas_export_csv          (AtlasDataset  *dataset,
                                     GtkBitset     *events);
GBytes   *atlas_export_png          (GtkWidget    **widgets,
                                     guint          n_widgets,
                                     GError       **error);
gboolean  atlas_export_write        (GFile         *file,
                                     GBytes        *contents,
                                     gboolean       overwrite,
                                     GError       **error);

G_END_DECLS
