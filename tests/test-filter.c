/* test-filter.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "model/atlas-filter.h"
#include "io/atlas-loader.h"
#include "model/atlas-playhead.h"
#include "model/atlas-search.h"
#include "model/atlas-selection.h"
#include "model/atlas-tally.h"
#include "panels/atlas-event-item.h"
#include "panels/atlas-event-model.h"

/*
 * The filter's bitset algebra against a brute-force reference that reads every
 * event's fields directly, on random datasets: every combination of facets, text
 * and date window, the live counts, the places, and the playhead's counts.
 */

static const char *words[] = {
  "port", "Port", "science", "Café", "café", "港", "果园港", "innovation", "ÉCOLE", "bonded",
  "zone", "长江", "park", "chip", "Chóngqìng", "lake",
};

static char *
random_text (GRand *rand)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 1, 4);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  return g_string_free (text, FALSE);
}

static char *
random_date (GRand *rand)
{
  int year = g_rand_int_range (rand, 1995, 2026);
  int month = g_rand_int_range (rand, 1, 13);
  int day = g_rand_int_range (rand, 1, 29);

  switch (g_rand_int_range (rand, 0, 3))
    {
    case 0:
      return g_strdup_printf ("%04d", year);
    case 1:
      return g_strdup_printf ("%04d-%02d", year, month);
    default:
      return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
    }
}

static AtlasDataset *
random_dataset_full (guint32 seed,
                     guint   n_locations,
                     guint   n_events,
                     guint   n_districts)
{
  static const char *kinds[] = { "port", "zone", "park", "institute", "company", "city" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GString) json = g_string_new ("{\"atlas\":1,\"title\":\"Random\",");
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset;

  g_string_append (json, "\"sources\":[{\"id\":\"s\",\"title\":\"S\",\"publisher\":\"P\",\"date\":\"2020\"}],");
  g_string_append (json, "\"sectors\":[");
  for (guint i = 0; i < 5; i++)
    g_string_append_printf (json, "%s{\"id\":\"sec%u\",\"name\":\"Sector %u\",\"color\":\"#%06x\"}",
                            i ? "," : "", i, i, g_rand_int (rand) & 0xffffff);
  g_string_append (json, "],\"districts\":[");
  for (guint i = 0; i < n_districts; i++)
    g_string_append_printf (json, "%s{\"id\":\"d%u\",\"name\":\"District %u\"}", i ? "," : "", i, i);
  g_string_append (json, "],\"locations\":[");
  for (guint i = 0; i < n_locations; i++)
    {
      g_autofree char *name = random_text (rand);
      g_autofree char *description = random_text (rand);
      guint n_sectors = g_rand_int_range (rand, 0, 3);

      g_string_append_printf (json, "%s{\"id\":\"l%u\",\"name\":\"%s\",\"kind\":\"%s\",\"sectors\":[",
                              i ? "," : "", i, name, kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))]);
      for (guint s = 0; s < n_sectors; s++)
        g_string_append_printf (json, "%s\"sec%u\"", s ? "," : "", s * 2 + g_rand_int_range (rand, 0, 2));
      g_string_append_printf (json, "],\"point\":[%f,%f],\"description\":\"%s\"",
                              g_rand_double_range (rand, 102, 110), g_rand_double_range (rand, 27, 33),
                              description);
      if (g_rand_int_range (rand, 0, 4) > 0)
        g_string_append_printf (json, ",\"district\":\"d%d\"", g_rand_int_range (rand, 0, n_districts));
      g_string_append (json, "}");
    }
  g_string_append (json, "],\"events\":[");
  for (guint i = 0; i < n_events; i++)
    {
      g_autofree char *date = random_date (rand);
      g_autofree char *title = random_text (rand);
      guint n_locs = g_rand_int_range (rand, 1, 3);
      guint n_sectors = g_rand_int_range (rand, 0, 3);

      g_string_append_printf (json, "%s{\"id\":\"e%u\",\"date\":\"%s\",\"title\":\"%s\",\"location\":[",
                              i ? "," : "", i, date, title);
      for (guint l = 0; l < n_locs; l++)
        /* Locations in the last tenth have no events. */
        g_string_append_printf (json, "%s\"l%u\"", l ? "," : "",
                                l * (n_locations / 2) + g_rand_int_range (rand, 0, n_locations * 9 / 20));
      g_string_append (json, "],\"sectors\":[");
      for (guint s = 0; s < n_sectors; s++)
        g_string_append_printf (json, "%s\"sec%u\"", s ? "," : "", s * 2 + g_rand_int_range (rand, 0, 2));
      g_string_append (json, "],\"source\":\"s\"");
      /* A few events last, some for years. */
      if (g_rand_int_range (rand, 0, 8) == 0)
        g_string_append_printf (json, ",\"end\":\"%d\"", 2026 + g_rand_int_range (rand, 0, 3));
      g_string_append (json, "}");
    }
  g_string_append (json, "]}");

  bytes = g_bytes_new (json->str, json->len);
  dataset = atlas_loader_load_bytes (bytes, report, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return dataset;
}

static AtlasDataset *
random_dataset (guint32 seed,
                guint   n_locations,
                guint   n_events)
{
  return random_dataset_full (seed, n_locations, n_events, 4);
}

/* Enough districts for the filter to count them by a pass over the events. */
#define MANY_DISTRICTS 40

typedef struct
{
  guint8 active[ATLAS_N_FACETS][MANY_DISTRICTS + 8];
  char *text;
  gboolean has_range;
  gint32 start, end;
} State;

static gboolean
contains_normalized (const char *haystack,
                     const char *query)
{
  g_autofree char *normalized = NULL;

  if (haystack == NULL)
    return FALSE;
  normalized = atlas_search_normalize (haystack);
  return strstr (normalized, query) != NULL;
}

static gboolean
location_text_matches (AtlasDataset *dataset,
                       guint         l,
                       const char   *query,
                       gboolean      names_only)
{
  const AtlasLocation *loc = atlas_dataset_get_location (dataset, l);

  return contains_normalized (loc->name, query) || contains_normalized (loc->name_zh, query) ||
         (!names_only && (contains_normalized (loc->description, query) ||
                          contains_normalized (loc->description_zh, query)));
}

static gboolean
facet_matches_event (AtlasDataset *dataset,
                     const State  *state,
                     AtlasFacet    facet,
                     guint         e,
                     gint          only_value)
{
  guint n_values = facet == ATLAS_FACET_SECTOR ? atlas_dataset_get_n_sectors (dataset) :
                   facet == ATLAS_FACET_DISTRICT ? atlas_dataset_get_n_districts (dataset) : ATLAS_N_KINDS;
  gboolean any_active = FALSE;
  guint n;
  const guint32 *list;

  for (guint v = 0; v < n_values; v++)
    any_active |= state->active[facet][v];
  if (only_value < 0 && !any_active)
    return TRUE;

  if (facet == ATLAS_FACET_SECTOR)
    {
      list = atlas_dataset_event_sectors (dataset, e, &n);
      for (guint i = 0; i < n; i++)
        if (only_value >= 0 ? list[i] == (guint) only_value : state->active[facet][list[i]])
          return TRUE;
      return FALSE;
    }

  list = atlas_dataset_event_locations (dataset, e, &n);
  for (guint i = 0; i < n; i++)
    {
      const AtlasLocation *loc = atlas_dataset_get_location (dataset, list[i]);
      guint value = facet == ATLAS_FACET_DISTRICT ? loc->district : loc->kind;

      if (value == ATLAS_NONE)
        continue;
      if (only_value >= 0 ? value == (guint) only_value : state->active[facet][value])
        return TRUE;
    }
  return FALSE;
}

/* Whether an event matches everything but (optionally) one facet. */
static gboolean
brute_event (AtlasDataset *dataset,
             const State  *state,
             const char   *query,
             guint         e,
             int           skip_facet)
{
  const AtlasEvent *ev = atlas_dataset_get_event (dataset, e);

  if (state->has_range && !(atlas_dataset_get_event_start (dataset, e) < state->end &&
                            atlas_dataset_get_event_end (dataset, e) > state->start))
    return FALSE;

  for (int f = 0; f < ATLAS_N_FACETS; f++)
    if (f != skip_facet && !facet_matches_event (dataset, state, f, e, -1))
      return FALSE;

  if (query != NULL)
    {
      gboolean match = contains_normalized (ev->title, query) || contains_normalized (ev->title_zh, query) ||
                       contains_normalized (ev->description, query) ||
                       contains_normalized (ev->description_zh, query);
      guint n;
      const guint32 *list = atlas_dataset_event_locations (dataset, e, &n);

      for (guint i = 0; i < n && !match; i++)
        match = location_text_matches (dataset, list[i], query, TRUE);
      if (!match)
        return FALSE;
    }
  return TRUE;
}

static gboolean
any_filter (AtlasDataset *dataset,
            const State  *state)
{
  for (guint f = 0; f < ATLAS_N_FACETS; f++)
    for (guint v = 0; v < MANY_DISTRICTS + 8; v++)
      if (state->active[f][v])
        return TRUE;
  return state->has_range || state->text != NULL;
}

static void
check_state (AtlasDataset *dataset,
             AtlasFilter  *filter,
             const State  *state)
{
  guint n_events = atlas_dataset_get_n_events (dataset);
  guint n_locations = atlas_dataset_get_n_locations (dataset);
  g_autofree char *query = state->text != NULL ? atlas_search_normalize (state->text) : NULL;
  g_autofree guint8 *place_visible = g_new0 (guint8, n_locations);
  GtkBitset *events = atlas_filter_get_events (filter);
  GtkBitset *locations = atlas_filter_get_locations (filter);

  for (guint e = 0; e < n_events; e++)
    {
      gboolean expected = brute_event (dataset, state, query, e, -1);

      if (expected != gtk_bitset_contains (events, e))
        g_error ("event %u: expected %s", e, expected ? "visible" : "hidden");
      if (expected)
        {
          guint n;
          const guint32 *list = atlas_dataset_event_locations (dataset, e, &n);

          for (guint i = 0; i < n; i++)
            place_visible[list[i]] = 1;
        }
    }

  for (guint l = 0; l < n_locations; l++)
    {
      const AtlasLocation *loc = atlas_dataset_get_location (dataset, l);
      gboolean expected = place_visible[l] || !any_filter (dataset, state);

      if (!expected && loc->n_events == 0 && !state->has_range)
        {
          gboolean match = query == NULL || location_text_matches (dataset, l, query, FALSE);
          guint n;
          const guint32 *sectors = atlas_dataset_location_sectors (dataset, l, &n);
          gboolean any_sector = FALSE, sector_match = FALSE;

          for (guint v = 0; v < atlas_dataset_get_n_sectors (dataset); v++)
            any_sector |= state->active[ATLAS_FACET_SECTOR][v];
          for (guint i = 0; i < n; i++)
            sector_match |= state->active[ATLAS_FACET_SECTOR][sectors[i]];
          match &= !any_sector || sector_match;
          {
            gboolean any_district = FALSE, any_kind = FALSE;

            for (guint v = 0; v < atlas_dataset_get_n_districts (dataset); v++)
              any_district |= state->active[ATLAS_FACET_DISTRICT][v];
            for (guint v = 0; v < ATLAS_N_KINDS; v++)
              any_kind |= state->active[ATLAS_FACET_KIND][v];
            match &= !any_district || (loc->district != ATLAS_NONE && state->active[ATLAS_FACET_DISTRICT][loc->district]);
            match &= !any_kind || state->active[ATLAS_FACET_KIND][loc->kind];
          }
          expected = match;
        }

      if (expected != gtk_bitset_contains (locations, l))
        g_error ("place %u (%s, %u events): expected %s", l, loc->name, loc->n_events,
                 expected ? "visible" : "hidden");
    }

  /* Live counts: with only that value of its facet ticked, everything else as is. */
  for (AtlasFacet f = 0; f < ATLAS_N_FACETS; f++)
    for (guint v = 0; v < atlas_filter_get_n_values (filter, f); v++)
      {
        guint expected = 0;

        for (guint e = 0; e < n_events; e++)
          if (brute_event (dataset, state, query, e, f) && facet_matches_event (dataset, state, f, e, v))
            expected++;
        g_assert_cmpuint (atlas_filter_get_value_count (filter, f, v), ==, expected);
      }
}

static void
random_state (GRand       *rand,
              AtlasDataset *dataset,
              State       *state)
{
  memset (state->active, 0, sizeof state->active);
  g_clear_pointer (&state->text, g_free);

  /* Each facet constrained half of the time, by about a third of its values. */
  for (AtlasFacet f = 0; f < ATLAS_N_FACETS; f++)
    {
      guint n = f == ATLAS_FACET_SECTOR ? atlas_dataset_get_n_sectors (dataset) :
                f == ATLAS_FACET_DISTRICT ? atlas_dataset_get_n_districts (dataset) : ATLAS_N_KINDS;

      if (g_rand_boolean (rand))
        continue;
      for (guint v = 0; v < n; v++)
        state->active[f][v] = g_rand_int_range (rand, 0, 3) == 0;
    }
  if (g_rand_int_range (rand, 0, 3) == 0)
    state->text = g_strdup (words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
  state->has_range = g_rand_int_range (rand, 0, 2) == 0;
  if (state->has_range)
    {
      state->start = atlas_date_from_civil (g_rand_int_range (rand, 1994, 2028), g_rand_int_range (rand, 1, 13), 1);
      state->end = state->start + g_rand_int_range (rand, 1, 4000);
    }
}

static void
apply_state (AtlasFilter *filter,
             const State *state)
{
  atlas_filter_freeze (filter);
  for (AtlasFacet f = 0; f < ATLAS_N_FACETS; f++)
    for (guint v = 0; v < atlas_filter_get_n_values (filter, f); v++)
      atlas_filter_set_value (filter, f, v, state->active[f][v]);
  atlas_filter_set_text (filter, state->text);
  if (state->has_range)
    atlas_filter_set_date_range (filter, state->start, state->end);
  else
    atlas_filter_clear_date_range (filter);
  atlas_filter_thaw (filter);
}

static void
test_against_brute_force (void)
{
  for (guint32 seed = 1; seed <= 6; seed++)
    {
      g_autoptr(AtlasDataset) dataset = random_dataset_full (seed, 60, 400, seed > 3 ? MANY_DISTRICTS : 4);
      g_autoptr(AtlasFilter) filter = atlas_filter_new ();
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed * 7919);
      State state = { { { 0 } } };

      atlas_filter_set_dataset (filter, dataset);
      g_assert_cmpuint (atlas_dataset_get_n_events (dataset), ==, 400);
      check_state (dataset, filter, &state);
      for (guint round = 0; round < 25; round++)
        {
          random_state (rand, dataset, &state);
          apply_state (filter, &state);
          check_state (dataset, filter, &state);
          g_test_message ("seed %u round %u: %u events, %u places visible", seed, round,
                          (guint) gtk_bitset_get_size (atlas_filter_get_events (filter)),
                          (guint) gtk_bitset_get_size (atlas_filter_get_locations (filter)));
        }
      g_clear_pointer (&state.text, g_free);
    }
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *mirror)
{
  g_assert_cmpuint (position + removed, <=, *mirror);
  *mirror = *mirror - removed + added;
}

/* The event list's rows stand for positions and are kept over a filter change:
 * every row a list holds must show the event now at its position, the length
 * announced must be the model's, and the model's events must be the visible ones
 * in date order. */
static void
test_event_model_rows (void)
{
  for (guint32 seed = 1; seed <= 4; seed++)
    {
      g_autoptr(AtlasDataset) dataset = random_dataset_full (seed, 60, 400, seed > 2 ? MANY_DISTRICTS : 4);
      g_autoptr(AtlasFilter) filter = atlas_filter_new ();
      g_autoptr(AtlasEventModel) model = NULL;
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed * 104729);
      State state = { { { 0 } } };
      guint mirror;

      atlas_filter_set_dataset (filter, dataset);
      model = atlas_event_model_new (filter);
      mirror = g_list_model_get_n_items (G_LIST_MODEL (model));
      g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &mirror);

      for (guint round = 0; round < 25; round++)
        {
          GtkBitset *visible;
          GtkBitsetIter iter;
          guint n, event, position = 0;

          /* Hold the first rows, as a list showing them does. */
          g_ptr_array_set_size (rows, 0);
          n = g_list_model_get_n_items (G_LIST_MODEL (model));
          for (guint p = 0; p < MIN (n, 30); p++)
            g_ptr_array_add (rows, g_list_model_get_item (G_LIST_MODEL (model), p));

          random_state (rand, dataset, &state);
          apply_state (filter, &state);

          n = g_list_model_get_n_items (G_LIST_MODEL (model));
          g_assert_cmpuint (mirror, ==, n);
          visible = atlas_filter_get_events (filter);
          g_assert_cmpuint (n, ==, gtk_bitset_get_size (visible));
          for (gboolean ok = gtk_bitset_iter_init_first (&iter, visible, &event); ok;
               ok = gtk_bitset_iter_next (&iter, &event))
            g_assert_cmpuint (atlas_event_model_get_event (model, position++), ==, event);
          for (guint p = 0; p < MIN (n, rows->len); p++)
            {
              g_autoptr(AtlasEventItem) again = g_list_model_get_item (G_LIST_MODEL (model), p);

              g_assert_cmpuint (atlas_event_item_get_event (rows->pdata[p]), ==,
                                atlas_event_model_get_event (model, p));
              g_assert_cmpuint (atlas_event_item_get_event (again), ==,
                                atlas_event_model_get_event (model, p));
            }
        }
      g_clear_pointer (&state.text, g_free);
    }
}

/* A large index is searched on two threads (the events' texts on one, the
 * places and their events on the other); small ones on one. Both ways find
 * the same, for short queries that match most events and long ones that
 * match a few. */
static void
test_search_threads (void)
{
  static const char *queries[] = { "a", "o", "port", "zone park", "e", "xyz" };
  g_autoptr(AtlasDataset) dataset = random_dataset (11, 300, 3000);
  g_autoptr(AtlasSearchIndex) index = atlas_search_index_new (dataset, NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *query = atlas_search_normalize (queries[q]);
      g_autoptr(GtkBitset) events_one = gtk_bitset_new_empty ();
      g_autoptr(GtkBitset) places_one = gtk_bitset_new_empty ();
      g_autoptr(GtkBitset) events_two = gtk_bitset_new_range (0, 10);
      g_autoptr(GtkBitset) places_two = gtk_bitset_new_range (0, 10);

      atlas_search_index_match_with (index, query, ATLAS_SEARCH_THREADS_ONE, events_one, places_one);
      atlas_search_index_match_with (index, query, ATLAS_SEARCH_THREADS_TWO, events_two, places_two);
      g_test_message ("“%s”: %u events, %u places", queries[q], (guint) gtk_bitset_get_size (events_one),
                      (guint) gtk_bitset_get_size (places_one));
      g_assert_true (gtk_bitset_equals (events_one, events_two));
      g_assert_true (gtk_bitset_equals (places_one, places_two));
      if (q < 2)
        g_assert_cmpuint (gtk_bitset_get_size (events_one), >, 1500);
    }
}

/* Finding an event's row, by binary search in date order (either way) and by
 * a scan in the others: the row shows the event, and a hidden event has none. */
static void
test_event_model_find (void)
{
  for (guint32 seed = 1; seed <= 3; seed++)
    {
      g_autoptr(AtlasDataset) dataset = random_dataset_full (seed, 40, 300, 4);
      g_autoptr(AtlasFilter) filter = atlas_filter_new ();
      g_autoptr(AtlasEventModel) model = NULL;
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed * 7919);
      State state = { { { 0 } } };

      atlas_filter_set_dataset (filter, dataset);
      model = atlas_event_model_new (filter);
      random_state (rand, dataset, &state);
      apply_state (filter, &state);
      for (guint sort = 0; sort < 4; sort++)
        {
          atlas_event_model_set_sort (model, sort < 2 ? ATLAS_EVENT_SORT_DATE : ATLAS_EVENT_SORT_TITLE,
                                      sort % 2 == 1);
          for (guint e = 0; e < atlas_dataset_get_n_events (dataset); e++)
            {
              guint position = atlas_event_model_find (model, e);

              if (!gtk_bitset_contains (atlas_filter_get_events (filter), e))
                g_assert_cmpuint (position, ==, GTK_INVALID_LIST_POSITION);
              else
                g_assert_cmpuint (atlas_event_model_get_event (model, position), ==, e);
            }
        }
      g_clear_pointer (&state.text, g_free);
    }
}

static void
on_changed_count (gpointer  object,
                  guint    *count)
{
  (*count)++;
}

/* One "changed" per change, one for a frozen batch, none for no change. */
/* The date index every view shares: the binary search on start days, and the
 * list of the few events longer than the band a date window scans. */
static void
test_date_index (void)
{
  for (guint32 seed = 1; seed <= 3; seed++)
    {
      g_autoptr(AtlasDataset) dataset = random_dataset (seed, 30, 300);
      const gint32 *starts = atlas_dataset_get_starts (dataset);
      const gint32 *ends = atlas_dataset_get_ends (dataset);
      guint n = atlas_dataset_get_n_events (dataset);
      const gint64 extremes[] = { G_MININT64, (gint64) G_MININT32 - 1, G_MININT32,
                                  (gint64) G_MAXINT32 + 1, G_MAXINT64 };
      const guint32 *long_events;
      guint n_long, n_brute = 0;

      for (gint64 day = starts[0] - 3; day <= ends[n - 1] + 3; day += 7)
        {
          guint expected = 0;

          while (expected < n && starts[expected] < day)
            expected++;
          g_assert_cmpuint (atlas_dataset_find_start (dataset, day), ==, expected);
        }
      g_assert_cmpuint (atlas_dataset_find_start (dataset, extremes[0]), ==, 0);
      g_assert_cmpuint (atlas_dataset_find_start (dataset, extremes[1]), ==, 0);
      g_assert_cmpuint (atlas_dataset_find_start (dataset, extremes[2]), ==, 0);
      g_assert_cmpuint (atlas_dataset_find_start (dataset, extremes[3]), ==, n);
      g_assert_cmpuint (atlas_dataset_find_start (dataset, extremes[4]), ==, n);

      long_events = atlas_dataset_get_long_events (dataset, &n_long);
      for (guint e = 0; e < n; e++)
        {
          if ((gint64) ends[e] - starts[e] <= ATLAS_BAND_DAYS)
            continue;
          g_assert_cmpuint (n_brute, <, n_long);
          g_assert_cmpuint (long_events[n_brute], ==, e);
          n_brute++;
        }
      g_assert_cmpuint (n_long, ==, n_brute);
      g_assert_cmpuint (n_long, >, 0);  /* the random datasets have some */
    }
}

static void
test_changed_signal (void)
{
  g_autoptr(AtlasDataset) dataset = random_dataset (42, 20, 50);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  guint count = 0;

  atlas_filter_set_dataset (filter, dataset);
  g_signal_connect (filter, "changed", G_CALLBACK (on_changed_count), &count);

  atlas_filter_set_value (filter, ATLAS_FACET_SECTOR, 1, TRUE);
  g_assert_cmpuint (count, ==, 1);
  atlas_filter_set_value (filter, ATLAS_FACET_SECTOR, 1, TRUE);
  g_assert_cmpuint (count, ==, 1);
  atlas_filter_set_all_values (filter, ATLAS_FACET_DISTRICT, TRUE);
  g_assert_cmpuint (count, ==, 2);
  g_assert_true (atlas_filter_is_active (filter));
  atlas_filter_clear (filter);
  g_assert_cmpuint (count, ==, 3);
  g_assert_false (atlas_filter_is_active (filter));
  atlas_filter_set_text (filter, "   ");
  g_assert_cmpuint (count, ==, 3);
  g_assert_false (atlas_filter_is_active (filter));
}

/* The playhead's per-place counts and active events against a direct count. */
static void
check_playhead (AtlasDataset  *dataset,
                AtlasFilter   *filter,
                AtlasPlayhead *playhead)
{
  guint n_locations = atlas_dataset_get_n_locations (dataset);
  g_autofree guint32 *expected = g_new0 (guint32, n_locations);
  gboolean cumulative = atlas_playhead_get_mode (playhead) == ATLAS_PLAYHEAD_CUMULATIVE;
  gint32 day = atlas_playhead_get_day (playhead), start, end;
  guint n, n_active = 0;
  const guint32 *counts;

  atlas_playhead_get_window (playhead, &start, &end);
  for (guint e = 0; e < atlas_dataset_get_n_events (dataset); e++)
    {
      gboolean active = atlas_filter_event_visible (filter, e) &&
                        (cumulative ? atlas_dataset_get_event_start (dataset, e) <= day
                                    : atlas_dataset_get_event_start (dataset, e) < end &&
                                      atlas_dataset_get_event_end (dataset, e) > start);
      const guint32 *list = atlas_dataset_event_locations (dataset, e, &n);

      g_assert_cmpint (active, ==, atlas_playhead_event_active (playhead, e));
      if (!active)
        continue;
      n_active++;
      for (guint i = 0; i < n; i++)
        expected[list[i]]++;
    }

  counts = atlas_playhead_get_location_counts (playhead, &n);
  g_assert_cmpuint (n, ==, n_locations);
  for (guint l = 0; l < n_locations; l++)
    g_assert_cmpuint (counts[l], ==, expected[l]);
  g_assert_cmpuint (atlas_playhead_get_n_active_events (playhead), ==, n_active);
}

/* The counts kept for a filter that lets everything through: a box ticked and
 * unticked, again and again, while the playhead stays or moves. */
static void
test_playhead_unfiltered (void)
{
  g_autoptr(AtlasDataset) dataset = random_dataset (7, 40, 300);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(AtlasPlayhead) playhead = atlas_playhead_new (filter);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  atlas_filter_set_dataset (filter, dataset);
  for (guint round = 0; round < 60; round++)
    {
      if (round % 3 == 0)
        atlas_playhead_set_day (playhead, atlas_date_from_civil (g_rand_int_range (rand, 1994, 2030), 1, 1));
      atlas_filter_set_value (filter, ATLAS_FACET_SECTOR, 2, !atlas_filter_get_value (filter, ATLAS_FACET_SECTOR, 2));
      check_playhead (dataset, filter, playhead);
    }
}

/* The playhead's per-place counts against a direct count, in both modes, as it
 * moves forwards and backwards. */
static void
test_playhead_counts (void)
{
  g_autoptr(AtlasDataset) dataset = random_dataset (99, 40, 300);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(AtlasPlayhead) playhead = atlas_playhead_new (filter);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  atlas_filter_set_dataset (filter, dataset);
  atlas_filter_set_value (filter, ATLAS_FACET_SECTOR, 2, TRUE);

  for (guint round = 0; round < 60; round++)
    {
      gint32 day = atlas_date_from_civil (g_rand_int_range (rand, 1994, 2030), 1, 1) + g_rand_int_range (rand, 0, 365);

      if (round == 30)
        atlas_playhead_set_mode (playhead, ATLAS_PLAYHEAD_WINDOW);
      atlas_playhead_set_day (playhead, day);
      check_playhead (dataset, filter, playhead);
    }
}

/* The selection refers to indices of one dataset and follows it. */
/* The filter counts a facet by a pass over the events or by intersections,
 * whichever it expects to be cheaper; the test datasets are too small for it to
 * choose intersections, so both are checked here against a direct count, on
 * random sets of events. */
static void
test_count_methods (void)
{
  for (guint32 seed = 1; seed <= 4; seed++)
    {
      g_autoptr(AtlasDataset) dataset = random_dataset_full (seed, 60, 400, seed > 2 ? MANY_DISTRICTS : 4);
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed * 104729);
      guint n_events = atlas_dataset_get_n_events (dataset);
      State state = { { { 0 } } };

      for (guint round = 0; round < 10; round++)
        {
          g_autoptr(GtkBitset) others = gtk_bitset_new_empty ();
          guint density = g_rand_int_range (rand, 1, 10);

          for (guint e = 0; e < n_events; e++)
            if (g_rand_int_range (rand, 0, 10) < (gint) density)
              gtk_bitset_add (others, e);

          for (AtlasFacet f = 0; f < ATLAS_N_FACETS; f++)
            {
              guint n_values = atlas_facet_size (dataset, f);
              g_autofree guint *by_pass = g_new0 (guint, n_values);
              g_autofree guint *by_intersection = g_new0 (guint, n_values);

              atlas_count_facet (dataset, f, others, ATLAS_COUNT_BY_PASS, by_pass);
              atlas_count_facet (dataset, f, others, ATLAS_COUNT_BY_INTERSECTION, by_intersection);
              for (guint v = 0; v < n_values; v++)
                {
                  guint expected = 0;

                  for (guint e = 0; e < n_events; e++)
                    expected += gtk_bitset_contains (others, e) &&
                                facet_matches_event (dataset, &state, f, e, v);
                  g_assert_cmpuint (by_pass[v], ==, expected);
                  g_assert_cmpuint (by_intersection[v], ==, expected);
                }
            }
        }
    }
}

/* Folding for search: a reference built from GLib's functions, and fixed cases. */
static char *
reference_fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  GString *out = g_string_new (NULL);

  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    if (g_unichar_type (g_utf8_get_char (p)) != G_UNICODE_NON_SPACING_MARK)
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static void
test_normalize (void)
{
  static const struct { const char *text, *expected; } cases[] = {
    { "Guoyuan Port", "guoyuan port" },
    { "Chóngqìng", "chongqing" },
    { "ÉCOLE", "ecole" },
    { "果园港", "果园港" },
    { "Guoyuan 果园港 PORT", "guoyuan 果园港 port" },
    { "ＡＢＣ１２", "abc12" },
    { "ﬁnance", "finance" },
    { "两江新区\u3000Liangjiang", "两江新区 liangjiang" },
    { "㐀䶵一鿿", "㐀䶵一鿿" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strcompress (cases[i].text);
      g_autofree char *normalized = atlas_search_normalize (text);
      g_autofree char *reference = reference_fold (text);

      g_assert_cmpstr (normalized, ==, cases[i].expected);
      g_assert_cmpstr (normalized, ==, reference);
    }

  /* Every word of the random datasets, and a run of code points around the fast
   * path's edges: U+3000 to U+A0FF, and Latin with accents. */
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autofree char *normalized = atlas_search_normalize (words[i]);
      g_autofree char *reference = reference_fold (words[i]);

      g_assert_cmpstr (normalized, ==, reference);
    }
  for (gunichar c = 0x20; c < 0xA100; c = c == 0x24F ? 0x3000 : c + 1)
    {
      char text[8] = { 0 };
      g_autofree char *normalized = NULL;
      g_autofree char *reference = NULL;

      g_unichar_to_utf8 (c, text);
      normalized = atlas_search_normalize (text);
      reference = reference_fold (text);
      g_assert_cmpstr (normalized, ==, reference);
    }
}

static void
test_selection (void)
{
  g_autoptr(AtlasDataset) dataset = random_dataset (7, 10, 20);
  g_autoptr(AtlasSelection) selection = atlas_selection_new ();
  guint n;
  const guint32 *list;

  atlas_selection_set_dataset (selection, dataset);
  g_assert_true (atlas_selection_is_empty (selection));

  atlas_selection_select_location (selection, 3);
  g_assert_cmpuint (atlas_selection_get_location (selection), ==, 3);
  g_assert_cmpuint (atlas_selection_get_event (selection), ==, ATLAS_NONE);

  list = atlas_dataset_event_locations (dataset, 5, &n);
  atlas_selection_select_event (selection, 5);
  g_assert_cmpuint (atlas_selection_get_event (selection), ==, 5);
  g_assert_cmpuint (atlas_selection_get_location (selection), ==, list[0]);

  atlas_selection_select_district (selection, 1);
  g_assert_cmpuint (atlas_selection_get_district (selection), ==, 1);
  g_assert_cmpuint (atlas_selection_get_event (selection), ==, ATLAS_NONE);
  g_assert_cmpuint (atlas_selection_get_location (selection), ==, ATLAS_NONE);

  atlas_selection_set_dataset (selection, NULL);
  g_assert_true (atlas_selection_is_empty (selection));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/filter/against-brute-force", test_against_brute_force);
  g_test_add_func ("/filter/count-methods", test_count_methods);
  g_test_add_func ("/filter/normalize", test_normalize);
  g_test_add_func ("/filter/search-threads", test_search_threads);
  g_test_add_func ("/filter/date-index", test_date_index);
  g_test_add_func ("/filter/changed-signal", test_changed_signal);
  g_test_add_func ("/filter/playhead-counts", test_playhead_counts);
  g_test_add_func ("/filter/playhead-unfiltered", test_playhead_unfiltered);
  g_test_add_func ("/filter/selection", test_selection);
  g_test_add_func ("/filter/event-model-rows", test_event_model_rows);
  g_test_add_func ("/filter/event-model-find", test_event_model_find);

  return g_test_run ();
}
