/* atlas-sector-chips.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SECTOR_CHIPS (atlas_sector_chips_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSectorChips, atlas_sector_chips, ATLAS, SECTOR_CHIPS, GtkWidget)

GtkWidget *atlas_sector_chips_new (void);
void       atlas_sector_chips_set (AtlasSectorChips *self,
                                   AtlasDataset     *dataset,
                                   const guint32    *sectors,
                                   guint             n_sectors);

G_END_DECLS
