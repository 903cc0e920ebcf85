/* atlas-text-sort.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "atlas-text-sort.h"

/*
 * Sorting many items by a text, for the event list's columns. A comparison sort
 * of a million titles reads two scattered strings per comparison, twenty
 * million times (measured: 3.1 s for titles, 1.8 s for place names, on the
 * million-event benchmark, with the window frozen). Here each text is read into
 * a key of its first eight bytes, folded as the comparison folds them, and the
 * keys are sorted by radix; items whose keys are equal are sorted again by their
 * next eight bytes, and so on, until the groups are small enough to compare in
 * full.
 */

typedef struct
{
  guint64 key;
  const char *text;
  guint32 item;
} Entry;

/* No text sorts after every text: no UTF-8 text has a byte 0xFF. */
#define NO_TEXT G_MAXUINT64

/* How many items ahead the keys' texts are asked for. */
#define PREFETCH_AHEAD 8

/**
 * atlas_text_compare:
 * @a: (nullable): a text
 * @b: (nullable): another
 *
 * The order of the list's text columns: ASCII letters without regard to case,
 * then byte by byte; no text last.
 *
 * Returns: negative, zero or positive as @a sorts before, with or after @b
 */
int
atlas_text_compare (const char *a,
                    const char *b)
{
  int result;

  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  result = g_ascii_strcasecmp (a, b);
  return result != 0 ? result : strcmp (a, b);
}

/* Groups of at most this many items with equal keys are compared in full. */
#define SMALL_GROUP 32

/* Eight bytes from `offset` on, ASCII letters lowered, big-endian, zeros after
 * the end: keys compare as the texts do under g_ascii_strcasecmp() (which
 * compares unsigned bytes, and puts a text before the longer ones it begins).
 * The caller knows the text is at least `offset` bytes long. */
static guint64
chunk_key (const char *text,
           gsize       offset)
{
  guint64 key = 0;
  gboolean ended = FALSE;

  if (text == NULL)
    return NO_TEXT;
  for (guint i = 0; i < 8; i++)
    {
      guchar c = ended ? 0 : (guchar) text[offset + i];

      ended |= c == 0;
      key = (key << 8) | (guchar) g_ascii_tolower (c);
    }
  return key;
}

/* A stable least-significant-digit radix sort by key: sixteen bits a pass for
 * many items, eight for fewer, where the table of counts would cost more than
 * the items; passes where every key has the same digit are skipped. Returns
 * whichever of the two buffers holds the result. */
static Entry *
radix_sort (Entry *entries,
            Entry *scratch,
            guint  n)
{
  guint bits = n >= 65536 ? 16 : 8;
  guint n_digits = 1u << bits;
  guint64 mask = n_digits - 1;
  g_autofree guint *counts = g_new (guint, n_digits);

  for (guint shift = 0; shift < 64 && n > 1; shift += bits)
    {
      guint offset = 0;
      Entry *swap;

      memset (counts, 0, sizeof (guint) * n_digits);
      for (guint i = 0; i < n; i++)
        counts[(entries[i].key >> shift) & mask]++;
      if (counts[(entries[0].key >> shift) & mask] == n)
        continue;

      for (guint d = 0; d < n_digits; d++)
        {
          guint count = counts[d];

          counts[d] = offset;
          offset += count;
        }
      for (guint i = 0; i < n; i++)
        scratch[counts[(entries[i].key >> shift) & mask]++] = entries[i];

      swap = entries;
      entries = scratch;
      scratch = swap;
    }
  return entries;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = a;
  const Entry *eb = b;
  int result = atlas_text_compare (ea->text, eb->text);

  if (result != 0)
    return result;
  return ea->item < eb->item ? -1 : ea->item > eb->item;
}

typedef struct
{
  guint start;
  guint n;
  gsize offset;   /* the texts of the group agree on their bytes before offset + 8 */
} Group;

/* Pushes the runs of equal keys among entries[start, start + n). */
static void
push_runs (GArray      *stack,
           const Entry *entries,
           guint        start,
           guint        n,
           gsize        offset)
{
  for (guint i = start; i < start + n;)
    {
      guint end = i + 1;

      while (end < start + n && entries[end].key == entries[i].key)
        end++;
      if (end - i > 1)
        {
          Group group = { i, end - i, offset };

          g_array_append_val (stack, group);
        }
      i = end;
    }
}

/*
 * Sorts each run of entries with equal keys by the rest of their texts. A group
 * is compared in full when it is small, when its texts have ended (they are
 * then equal but for case; often equal, and then already in order) or when it
 * has no texts; otherwise it is sorted by its next eight bytes and its runs are
 * taken in turn. The groups wait on a stack of their own, not the call stack:
 * texts of a megabyte that agree to their last byte go 131,072 keys deep.
 */
static void
sort_runs (Entry *entries,
           Entry *scratch,
           guint  n_items)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Group));

  push_runs (stack, entries, 0, n_items, 0);
  while (stack->len > 0)
    {
      Group group = g_array_index (stack, Group, stack->len - 1);
      Entry *first = entries + group.start;
      gsize offset = group.offset + 8;
      Entry *sorted;

      g_array_set_size (stack, stack->len - 1);

      if (first->key == NO_TEXT)
        continue;  /* no texts: in order of index already */

      if ((first->key & 0xff) == 0)
        {
          guint same = 1;

          while (same < group.n && strcmp (first[same].text, first->text) == 0)
            same++;
          if (same < group.n)
            qsort (first, group.n, sizeof (Entry), compare_entries);
          continue;
        }

      if (group.n <= SMALL_GROUP)
        {
          qsort (first, group.n, sizeof (Entry), compare_entries);
          continue;
        }

      for (guint i = 0; i < group.n; i++)
        {
          if (i + PREFETCH_AHEAD < group.n)
            __builtin_prefetch (first[i + PREFETCH_AHEAD].text + offset);
          first[i].key = chunk_key (first[i].text, offset);
        }
      sorted = radix_sort (first, scratch + group.start, group.n);
      if (sorted != first)
        memcpy (first, sorted, sizeof (Entry) * group.n);
      push_runs (stack, entries, group.start, group.n, offset);
    }
}

/* The items sorted by text, then by index; the caller frees *to_free. */
static Entry *
sort_entries (guint          n_items,
              AtlasTextFunc  text,
              gpointer       data,
              Entry        **to_free)
{
  Entry *entries = g_new (Entry, MAX (n_items, 1));
  g_autofree Entry *scratch = g_new (Entry, MAX (n_items, 1));
  Entry *sorted;

  for (guint i = 0; i < n_items; i++)
    {
      if (i + PREFETCH_AHEAD < n_items)
        {
          const char *ahead = text (data, i + PREFETCH_AHEAD);

          if (ahead != NULL)
            __builtin_prefetch (ahead);
        }
      entries[i].text = text (data, i);
      entries[i].key = chunk_key (entries[i].text, 0);
      entries[i].item = i;
    }

  sorted = radix_sort (entries, scratch, n_items);
  if (sorted == scratch)
    {
      /* Keep the result, free the other. */
      scratch = entries;
      entries = sorted;
    }

  sort_runs (entries, scratch, n_items);

  *to_free = entries;
  return entries;
}

/**
 * atlas_text_sort:
 * @n_items: how many items
 * @text: gives each item's text
 * @data: for @text
 *
 * Returns: (transfer full): the items 0 to @n_items − 1 in the order of
 *   atlas_text_compare(), items with equal texts by index
 */
guint32 *
atlas_text_sort (guint          n_items,
                 AtlasTextFunc  text,
                 gpointer       data)
{
  g_autofree Entry *entries = NULL;
  guint32 *order = g_new (guint32, MAX (n_items, 1));
  const Entry *sorted = sort_entries (n_items, text, data, &entries);

  for (guint i = 0; i < n_items; i++)
    order[i] = sorted[i].item;
  return order;
}

/**
 * atlas_text_ranks:
 * @n_items: how many items
 * @text: gives each item's text
 * @data: for @text
 * @n_ranks: (out): receives the number of different ranks
 *
 * Returns: (transfer full): for each item, the rank of its text in the order of
 *   atlas_text_compare(): 0 for the first text; items with equal texts (no text
 *   being one) share a rank
 */
guint32 *
atlas_text_ranks (guint          n_items,
                  AtlasTextFunc  text,
                  gpointer       data,
                  guint         *n_ranks)
{
  g_autofree Entry *entries = NULL;
  guint32 *ranks = g_new (guint32, MAX (n_items, 1));
  const Entry *sorted = sort_entries (n_items, text, data, &entries);
  guint rank = 0;

  for (guint i = 0; i < n_items; i++)
    {
      if (i > 0 &&
          (sorted[i].key != sorted[i - 1].key ||
           atlas_text_compare (sorted[i - 1].text, sorted[i].text) != 0))
        rank++;
      ranks[sorted[i].item] = rank;
    }
  *n_ranks = n_items > 0 ? rank + 1 : 0;
  return ranks;
}
