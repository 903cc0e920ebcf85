/* atlas-write-dataset.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/atlas-dataset.h"

G_BEGIN_DECLS

GBytes *atlas_write_dataset     (AtlasDataset  *dataset);
void    atlas_write_event_dates (AtlasDataset  *dataset,
                                 guint          event,
                                 char         **date,
                                 char         **end);

G_END_DECLS
