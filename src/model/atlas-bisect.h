/* atlas-bisect.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether element @i of @values sorts before @key. */
typedef gboolean (*AtlasBeforeFunc) (gconstpointer values,
                                     guint         i,
                                     gconstpointer key);

/* The binary search the dataset, the timeline and the event list share: for
 * @values of which elements [0, k) sort before @key and [k, n) do not, returns
 * k, where @key is or would be inserted. Inline, so that @before is too. */
static inline guint
atlas_bisect (gconstpointer   values,
              guint           n,
              gconstpointer   key,
              AtlasBeforeFunc before)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (before (values, mid, key))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

G_END_DECLS
