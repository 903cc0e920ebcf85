/* atlas-search.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include <string.h>

#include "atlas-search.h"

/*
 * Text search that ignores case and accents ("chongqing" finds "Chóngqìng",
 * "港" finds "果园港"). Every searchable text is normalized once into one of three
 * blobs (event texts, place names, place descriptions), entities separated by NUL
 * and fields by 0x01, so a query is one memmem() pass over each blob rather than a
 * call per string.
 */

typedef struct
{
  GString *text;
  GArray *offsets;   /* gsize: where each entity's text starts; one extra at the end */
} Blob;

struct _AtlasSearchIndex
{
  AtlasDataset *dataset;
  Blob events;
  Blob names;
  Blob descriptions;
};

/*
 * Appends text that folding leaves as it is but for ASCII case: ASCII, and the
 * CJK ideographs U+4000 to U+9FFF (three bytes in UTF-8, led by 0xE4 to 0xE9),
 * which have no case, no decomposition and no marks. Nearly every name and
 * title is such text; this is one pass over it, where the general way takes a
 * fold, a normalization and a pass per character. Returns FALSE, having added
 * nothing, for any other text.
 */
static gboolean
append_simple (GString    *out,
               const char *text)
{
  const guchar *p = (const guchar *) text;
  gsize start = out->len;
  gsize length = strlen (text);
  char *d;

  g_string_set_size (out, start + length);
  d = out->str + start;
  for (gsize i = 0; i < length;)
    {
      guchar c = p[i];

      if (c < 0x80)
        {
          d[i++] = (char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
      else if (c >= 0xE4 && c <= 0xE9 && i + 2 < length)
        {
          d[i] = (char) c;
          d[i + 1] = (char) p[i + 1];
          d[i + 2] = (char) p[i + 2];
          i += 3;
        }
      else
        {
          g_string_truncate (out, start);
          return FALSE;
        }
    }
  return TRUE;
}

static void
append_normalized (GString    *out,
                   const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;

  if (text == NULL)
    return;

  if (append_simple (out, text))
    return;

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return;

  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }
}

/**
 * atlas_search_normalize:
 * @text: any text
 *
 * Returns: (transfer full): @text folded for searching: lower case, compatibility
 *   forms decomposed, accents removed
 */
char *
atlas_search_normalize (const char *text)
{
  GString *out = g_string_new (NULL);

  append_normalized (out, text);
  return g_string_free (out, FALSE);
}

static void
blob_init (Blob  *blob,
           gsize  reserve)
{
  blob->text = g_string_sized_new (reserve);
  blob->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
}

static void
blob_begin (Blob *blob)
{
  gsize offset = blob->text->len;

  g_array_append_val (blob->offsets, offset);
}

static void
blob_field (Blob       *blob,
            const char *text)
{
  if (text == NULL)
    return;
  append_normalized (blob->text, text);
  g_string_append_c (blob->text, '\x01');
}

static void
blob_end (Blob *blob)
{
  g_string_append_c (blob->text, '\0');
}

static void
blob_finish (Blob *blob)
{
  blob_begin (blob);
}

static void
blob_clear (Blob *blob)
{
  if (blob->text != NULL)
    g_string_free (blob->text, TRUE);
  g_clear_pointer (&blob->offsets, g_array_unref);
}

/* atlas_search_index_new() looks at its cancellable every 4096 entities: a new
 * dataset replacing one whose index is being built waits for that (about a
 * millisecond), not for the rest of the build. */
#define CANCEL_CHECK_MASK 0xfff

/* How many events ahead atlas_search_index_new() asks for their texts. */
#define PREFETCH_AHEAD 8

/**
 * atlas_search_index_new:
 * @dataset: a sealed dataset
 * @cancellable: (nullable): to stop building early, from another thread
 *
 * Builds the index; it only reads @dataset, so it may run on any thread.
 *
 * Returns: (transfer full) (nullable): the index, or %NULL when cancelled
 */
AtlasSearchIndex *
atlas_search_index_new (AtlasDataset *dataset,
                        GCancellable *cancellable)
{
  AtlasSearchIndex *index = g_new0 (AtlasSearchIndex, 1);
  guint n_events = atlas_dataset_get_n_events (dataset);
  guint n_locations = atlas_dataset_get_n_locations (dataset);

  index->dataset = g_object_ref (dataset);
  blob_init (&index->events, (gsize) n_events * 64);
  blob_init (&index->names, (gsize) n_locations * 24);
  blob_init (&index->descriptions, (gsize) n_locations * 64);

  for (guint i = 0; i < n_events; i++)
    {
      const AtlasEvent *ev = atlas_dataset_get_event (dataset, i);

      if ((i & CANCEL_CHECK_MASK) == 0 && g_cancellable_is_cancelled (cancellable))
        {
          atlas_search_index_free (index);
          return NULL;
        }

      /* The texts are stored in file order and read here in date order: ask for
       * those of the events ahead while this one is folded. */
      if (i + PREFETCH_AHEAD < n_events)
        {
          const AtlasEvent *ahead = atlas_dataset_get_event (dataset, i + PREFETCH_AHEAD);

          __builtin_prefetch (ahead->title);
          if (ahead->title_zh != NULL)
            __builtin_prefetch (ahead->title_zh);
        }

      blob_begin (&index->events);
      blob_field (&index->events, ev->title);
      blob_field (&index->events, ev->title_zh);
      blob_field (&index->events, ev->description);
      blob_field (&index->events, ev->description_zh);
      blob_end (&index->events);
    }
  blob_finish (&index->events);

  for (guint i = 0; i < n_locations; i++)
    {
      const AtlasLocation *loc = atlas_dataset_get_location (dataset, i);

      if ((i & CANCEL_CHECK_MASK) == 0 && g_cancellable_is_cancelled (cancellable))
        {
          atlas_search_index_free (index);
          return NULL;
        }

      blob_begin (&index->names);
      blob_field (&index->names, loc->name);
      blob_field (&index->names, loc->name_zh);
      blob_end (&index->names);

      blob_begin (&index->descriptions);
      blob_field (&index->descriptions, loc->description);
      blob_field (&index->descriptions, loc->description_zh);
      blob_end (&index->descriptions);
    }
  blob_finish (&index->names);
  blob_finish (&index->descriptions);

  return index;
}

void
atlas_search_index_free (AtlasSearchIndex *index)
{
  if (index == NULL)
    return;

  blob_clear (&index->events);
  blob_clear (&index->names);
  blob_clear (&index->descriptions);
  g_clear_object (&index->dataset);
  g_free (index);
}

/* The entity holding byte @offset of the blob: the last with offsets[i] <= @offset,
 * searched from @from on (which must hold an offset at or before it). Hits come
 * in order and close together, so the search gallops forward from the last one
 * before it halves. */
static guint
entity_at (const Blob *blob,
           guint       from,
           gsize       offset)
{
  const gsize *offsets = (const gsize *) blob->offsets->data;
  guint n = blob->offsets->len - 1;
  guint lo = from, hi, step = 1;

  while (lo + step < n && offsets[lo + step] <= offset)
    {
      lo += step;
      step *= 2;
    }
  hi = MIN (lo + step, n);
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (offsets[mid] <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* Finds the entities of blob[first, last) holding the query. A short query
 * matches long runs of neighbours, which go into the set a run at a time. */
static void
blob_match_range (const Blob *blob,
                  guint       first,
                  guint       last,
                  const char *query,
                  gsize       query_length,
                  GtkBitset  *out)
{
  const char *start = blob->text->str;
  const char *p = start + g_array_index (blob->offsets, gsize, first);
  const char *end = start + g_array_index (blob->offsets, gsize, last);
  guint entity = first, run_start = first, run_end = first;

  while (p < end)
    {
      const char *hit = memmem (p, end - p, query, query_length);

      if (hit == NULL)
        break;

      entity = entity_at (blob, entity, hit - start);
      if (entity != run_end)
        {
          gtk_bitset_add_range (out, run_start, run_end - run_start);
          run_start = entity;
        }
      run_end = ++entity;
      p = start + g_array_index (blob->offsets, gsize, entity);
    }
  gtk_bitset_add_range (out, run_start, run_end - run_start);
}

/* From this size of the events' texts on, a search uses two threads (when
 * there are two cores): each is one linear read of memory. */
#define PARALLEL_BYTES (16 * 1024 * 1024)

/* Adds to @events those at the places in @named. A few places add their
 * events one by one; when they hold many (a short query names most places),
 * every event is read in order and they go into the set a run at a time. */
static void
add_named_events (AtlasDataset *dataset,
                  GtkBitset    *named,
                  GtkBitset    *events)
{
  guint n_events = atlas_dataset_get_n_events (dataset);
  const guint32 *first = atlas_dataset_get_first_locations (dataset);
  g_autofree guint8 *is_named = NULL;
  guint64 n_listed = 0;
  guint location, run_start = 0, run_end = 0;
  GtkBitsetIter iter;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, named, &location); ok;
       ok = gtk_bitset_iter_next (&iter, &location))
    {
      guint n;

      atlas_dataset_location_events (dataset, location, &n);
      n_listed += n;
    }

  if (n_listed < n_events / 16)
    {
      for (gboolean ok = gtk_bitset_iter_init_first (&iter, named, &location); ok;
           ok = gtk_bitset_iter_next (&iter, &location))
        {
          guint n;
          const guint32 *list = atlas_dataset_location_events (dataset, location, &n);

          for (guint i = 0; i < n; i++)
            gtk_bitset_add (events, list[i]);
        }
      return;
    }

  is_named = g_malloc0 (MAX (atlas_dataset_get_n_locations (dataset), 1));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, named, &location); ok;
       ok = gtk_bitset_iter_next (&iter, &location))
    is_named[location] = TRUE;

  for (guint e = 0; e < n_events; e++)
    {
      gboolean hit;

      /* Most events are at one place, which the first-place array says in
       * order, without reading the event's list. */
      if (G_LIKELY (!(first[e] & ATLAS_MORE_PLACES)))
        {
          hit = is_named[first[e]];
        }
      else
        {
          guint n;
          const guint32 *places = atlas_dataset_event_locations (dataset, e, &n);

          hit = FALSE;
          for (guint i = 0; i < n && !hit; i++)
            hit = is_named[places[i]];
        }
      if (!hit)
        continue;
      if (e != run_end)
        {
          gtk_bitset_add_range (events, run_start, run_end - run_start);
          run_start = e;
        }
      run_end = e + 1;
    }
  gtk_bitset_add_range (events, run_start, run_end - run_start);
}

typedef struct
{
  AtlasSearchIndex *index;
  const char *query;
  gsize query_length;
  GtkBitset *locations;       /* out */
  GtkBitset *named_events;    /* out: the events at the places named */
} PlaceMatch;

static guint
blob_n_entities (const Blob *blob)
{
  return blob->offsets->len - 1;
}

/* What a query finds through places: the places whose name or description
 * holds it, and the events at the places it names. */
static gpointer
match_places (gpointer data)
{
  PlaceMatch *match = data;
  AtlasSearchIndex *index = match->index;
  g_autoptr(GtkBitset) named = gtk_bitset_new_empty ();

  blob_match_range (&index->names, 0, blob_n_entities (&index->names), match->query,
                    match->query_length, named);
  blob_match_range (&index->descriptions, 0, blob_n_entities (&index->descriptions), match->query,
                    match->query_length, match->locations);
  gtk_bitset_union (match->locations, named);
  add_named_events (index->dataset, named, match->named_events);
  return NULL;
}

/**
 * atlas_search_index_match:
 * @normalized_query: a query from atlas_search_normalize(), not empty
 * @events: (out caller-allocates): receives the matching events: those whose title
 *   or description matches, and those at a place whose name matches
 * @locations: (out caller-allocates): receives the places whose name or
 *   description matches
 *
 * A large index is searched on two threads: this one reads the events' texts
 * while another finds the places and their events.
 */
void
atlas_search_index_match (AtlasSearchIndex *index,
                          const char       *normalized_query,
                          GtkBitset        *events,
                          GtkBitset        *locations)
{
  atlas_search_index_match_with (index, normalized_query, ATLAS_SEARCH_THREADS_AUTO, events,
                                 locations);
}

/**
 * atlas_search_index_match_with:
 * @threads: how many threads to use
 *
 * As atlas_search_index_match(), on as many threads as @threads says; the
 * result is the same either way.
 */
void
atlas_search_index_match_with (AtlasSearchIndex   *index,
                               const char         *normalized_query,
                               AtlasSearchThreads  threads,
                               GtkBitset          *events,
                               GtkBitset          *locations)
{
  gsize length = strlen (normalized_query);
  PlaceMatch match = { index, normalized_query, length, locations, NULL };
  GThread *thread;

  g_return_if_fail (length > 0);

  gtk_bitset_remove_all (events);
  gtk_bitset_remove_all (locations);

  if (threads == ATLAS_SEARCH_THREADS_AUTO)
    threads = index->events.text->len >= PARALLEL_BYTES && g_get_num_processors () > 1
              ? ATLAS_SEARCH_THREADS_TWO : ATLAS_SEARCH_THREADS_ONE;

  if (threads == ATLAS_SEARCH_THREADS_ONE)
    {
      blob_match_range (&index->events, 0, blob_n_entities (&index->events), normalized_query,
                        length, events);
      match.named_events = events;
      match_places (&match);
      return;
    }

  match.named_events = gtk_bitset_new_empty ();
  thread = g_thread_new ("atlas-search", match_places, &match);
  blob_match_range (&index->events, 0, blob_n_entities (&index->events), normalized_query, length,
                    events);
  g_thread_join (thread);
  gtk_bitset_union (events, match.named_events);
  gtk_bitset_unref (match.named_events);
}
