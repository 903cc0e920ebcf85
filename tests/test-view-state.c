/* test-view-state.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "atlas-view-state.h"
#include "io/atlas-loader.h"

/* A view state restored from settings is kept within bounds, whatever the
 * settings hold: a tampered or corrupted state sets no date filter of millions
 * of years, no endless search text, no speed that is not a number. */

typedef struct
{
  AtlasDataset *dataset;
  AtlasFilter *filter;
  AtlasSelection *selection;
  AtlasPlayhead *playhead;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "two-ports.atlas.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(GError) error = NULL;

  f->dataset = atlas_loader_load_file (file, report, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  f->filter = atlas_filter_new ();
  atlas_filter_set_dataset (f->filter, f->dataset);
  f->selection = atlas_selection_new ();
  atlas_selection_set_dataset (f->selection, f->dataset);
  f->playhead = atlas_playhead_new (f->filter);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->playhead);
  g_clear_object (&f->selection);
  g_clear_object (&f->filter);
  g_clear_object (&f->dataset);
}

/* Within the dataset's dates and as much again on either side, or a year. */
static void
assert_near_dataset (AtlasDataset *dataset,
                     gint64        day)
{
  gint32 first, end;
  gint64 margin;

  g_assert_true (atlas_dataset_get_date_range (dataset, &first, &end));
  margin = MAX ((gint64) end - first, 366);
  g_assert_cmpint (day, >=, first - margin);
  g_assert_cmpint (day, <=, end + margin);
}

static void
test_tampered (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GVariant) state = NULL;
  GVariantDict dict;
  gint32 start, end;

  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "港");

  g_variant_dict_init (&dict, NULL);
  /* About ±5.8 million years, as a tampered state held. */
  g_variant_dict_insert (&dict, "date-range", "(ii)", G_MININT32, G_MAXINT32);
  g_variant_dict_insert (&dict, "text", "s", text->str);
  g_variant_dict_insert (&dict, "playhead-day", "i", G_MAXINT32);
  g_variant_dict_insert (&dict, "playhead-mode", "s", "window");
  g_variant_dict_insert (&dict, "window-days", "u", G_MAXUINT32);
  g_variant_dict_insert (&dict, "speed", "d", NAN);
  state = g_variant_ref_sink (g_variant_dict_end (&dict));

  atlas_view_state_apply (state, f->filter, f->selection, f->playhead, ATLAS_VIEW_STATE_ALL);

  g_assert_true (atlas_filter_get_date_range (f->filter, &start, &end));
  assert_near_dataset (f->dataset, start);
  assert_near_dataset (f->dataset, end);
  g_assert_cmpint (start, <, end);
  assert_near_dataset (f->dataset, atlas_playhead_get_day (f->playhead));
  g_assert_true (isfinite (atlas_playhead_get_speed (f->playhead)));
  g_assert_cmpuint (g_utf8_strlen (atlas_filter_get_text (f->filter), -1), <=, 1000);
}

/* A range wholly outside the bounds means nothing here: no date filter. */
static void
test_far_range (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GVariant) state = NULL;
  GVariantDict dict;
  gint32 start, end;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "date-range", "(ii)", G_MAXINT32 - 10, G_MAXINT32);
  state = g_variant_ref_sink (g_variant_dict_end (&dict));
  atlas_view_state_apply (state, f->filter, f->selection, f->playhead, ATLAS_VIEW_STATE_FILTERS);
  g_assert_false (atlas_filter_get_date_range (f->filter, &start, &end));
}

/* What the app captured is restored as it was. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GVariant) state = NULL;
  gint32 first, end, start, stop;

  g_assert_true (atlas_dataset_get_date_range (f->dataset, &first, &end));
  atlas_filter_set_date_range (f->filter, first - 30, end + 30);
  atlas_filter_set_text (f->filter, "port");
  atlas_playhead_set_speed (f->playhead, 2.0);
  state = g_variant_ref_sink (atlas_view_state_capture (f->filter, f->selection, f->playhead, ATLAS_VIEW_STATE_ALL));

  atlas_filter_clear (f->filter);
  atlas_view_state_apply (state, f->filter, f->selection, f->playhead, ATLAS_VIEW_STATE_ALL);
  g_assert_true (atlas_filter_get_date_range (f->filter, &start, &stop));
  g_assert_cmpint (start, ==, first - 30);
  g_assert_cmpint (stop, ==, end + 30);
  g_assert_cmpstr (atlas_filter_get_text (f->filter), ==, "port");
  g_assert_cmpfloat (atlas_playhead_get_speed (f->playhead), ==, 2.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/view-state/tampered", Fixture, NULL, fixture_set_up, test_tampered, fixture_tear_down);
  g_test_add ("/view-state/far-range", Fixture, NULL, fixture_set_up, test_far_range, fixture_tear_down);
  g_test_add ("/view-state/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);

  return g_test_run ();
}
