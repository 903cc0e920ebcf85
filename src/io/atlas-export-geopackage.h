/* atlas-export-geopackage.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/atlas-dataset.h"

G_BEGIN_DECLS

GBytes *atlas_export_geopackage (AtlasDataset  *dataset,
                                 GtkBitset     *events,
                                 GError       **error);

G_END_DECLS
