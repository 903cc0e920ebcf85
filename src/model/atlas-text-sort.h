/* atlas-text-sort.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The text of item `item`, or NULL for none. */
typedef const char *(*AtlasTextFunc) (gpointer data,
                                      guint    item);

int      atlas_text_compare (const char    *a,
                             const char    *b);
guint32 *atlas_text_sort    (guint          n_items,
                             AtlasTextFunc  text,
                             gpointer       data);
guint32 *atlas_text_ranks   (guint          n_items,
                             AtlasTextFunc  text,
                             gpointer       data,
                             guint         *n_ranks);

G_END_DECLS
