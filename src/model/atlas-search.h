/* atlas-search.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

typedef struct _AtlasSearchIndex AtlasSearchIndex;

char             *atlas_search_normalize   (const char       *text);
AtlasSearchIndex *atlas_search_index_new   (AtlasDataset     *dataset,
                                            GCancellable     *cancellable);
void              atlas_search_index_free  (AtlasSearchIndex *index);
void              atlas_search_index_match (AtlasSearchIndex *index,
                                            const char       *normalized_query,
                                            GtkBitset        *events,
                                            GtkBitset        *locations);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSearchIndex, atlas_search_index_free)

G_END_DECLS
