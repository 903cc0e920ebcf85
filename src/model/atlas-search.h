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

/* How many threads a match uses: by the index's size, or one or two. */
typedef enum
{
  ATLAS_SEARCH_THREADS_AUTO,
  ATLAS_SEARCH_THREADS_ONE,
  ATLAS_SEARCH_THREADS_TWO,
} AtlasSearchThreads;

char             *atlas_search_normalize   (const char       *text);
AtlasSearchIndex *atlas_search_index_new   (AtlasDataset     *dataset,
                                            GCancellable     *cancellable);
void              atlas_search_index_free  (AtlasSearchIndex *index);
void              atlas_search_index_match (AtlasSearchIndex *index,
                                            const char       *normalized_query,
                                            GtkBitset        *events,
                                            GtkBitset        *locations);
void              atlas_search_index_match_with (AtlasSearchIndex   *index,
                                                 const char         *normalized_query,
                                                 AtlasSearchThreads  threads,
                                                 GtkBitset          *events,
                                                 GtkBitset          *locations);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSearchIndex, atlas_search_index_free)

G_END_DECLS
