/* bench-filter.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-private.h"
#include "model/atlas-filter.h"
#include "model/atlas-playhead.h"

/*
 * What a click in the filter sidebar or a drag of the playhead costs once a
 * dataset is loaded: each sample is one change of AtlasFilter (which recomputes
 * the visible sets and the live counts and emits "changed") or one set_day of
 * AtlasPlayhead. The values chosen are the expensive ones: the sector and the
 * district with the most events.
 */

#define FACET_GOAL_MS 5.0
#define SEARCH_GOAL_MS 50.0

typedef struct
{
  AtlasFilter *filter;
  AtlasPlayhead *playhead;
  guint step;
  gint32 day;
  gint32 days[2];
} FilterRun;

static void
alternate_range (gpointer data)
{
  FilterRun *run = data;

  /* Two overlapping decades: the range changes at both ends every time. */
  run->step++;
  if (run->step % 2 == 0)
    atlas_filter_set_date_range (run->filter, atlas_date_from_civil (2000, 1, 1),
                                 atlas_date_from_civil (2010, 1, 1));
  else
    atlas_filter_set_date_range (run->filter, atlas_date_from_civil (2005, 6, 1),
                                 atlas_date_from_civil (2020, 1, 1));
}

static void
step_playhead (gpointer data)
{
  FilterRun *run = data;

  /* A week a step, as playback at a moderate speed moves it. */
  run->day += 7;
  atlas_playhead_set_day (run->playhead, run->day);
}

static void
seek_playhead (gpointer data)
{
  FilterRun *run = data;

  /* Dragging the playhead across thirty years and back. */
  run->step++;
  atlas_playhead_set_day (run->playhead, run->days[run->step % 2]);
}

/* The sector or district with the most events. */
guint
bench_largest_value (AtlasDataset *dataset,
                     AtlasFacet    facet)
{
  guint n = facet == ATLAS_FACET_SECTOR ? atlas_dataset_get_n_sectors (dataset)
                                        : atlas_dataset_get_n_districts (dataset);
  guint best = 0;
  guint64 best_size = 0;

  for (guint v = 0; v < n; v++)
    {
      GtkBitset *set = facet == ATLAS_FACET_SECTOR ? atlas_dataset_get_sector_events (dataset, v)
                                                   : atlas_dataset_get_district_events (dataset, v);
      guint64 size = gtk_bitset_get_size (set);

      if (size > best_size)
        {
          best = v;
          best_size = size;
        }
    }
  return best;
}

/* Measures two changes that undo each other (on, then off) as two rows: their
 * costs differ, and a median over both would hide which one is slow. */
typedef void (*ChangeFunc) (AtlasFilter *filter, gconstpointer value, gboolean first);

static void
measure_pair (Bench              *bench,
              const BenchDataset *data,
              AtlasFilter        *filter,
              guint               repeats,
              ChangeFunc          change,
              gconstpointer       value,
              const char         *first_task,
              const char         *second_task)
{
  g_autofree double *first = g_new (double, repeats);
  g_autofree double *second = g_new (double, repeats);

  for (guint i = 0; i <= repeats; i++)
    {
      double start = bench_now_ms ();
      double middle;

      change (filter, value, TRUE);
      middle = bench_now_ms ();
      change (filter, value, FALSE);
      if (i > 0)  /* the first pair warms up */
        {
          first[i - 1] = middle - start;
          second[i - 1] = bench_now_ms () - middle;
        }
    }
  bench_record (bench, first_task, data->label, first, repeats, "ms");
  bench_record (bench, second_task, data->label, second, repeats, "ms");
}

static void
change_sector (AtlasFilter   *filter,
               gconstpointer  value,
               gboolean       first)
{
  atlas_filter_set_value (filter, ATLAS_FACET_SECTOR, GPOINTER_TO_UINT (value), first);
}

static void
change_district (AtlasFilter   *filter,
                 gconstpointer  value,
                 gboolean       first)
{
  atlas_filter_set_value (filter, ATLAS_FACET_DISTRICT, GPOINTER_TO_UINT (value), first);
}

static void
change_text (AtlasFilter   *filter,
             gconstpointer  value,
             gboolean       first)
{
  const char * const *texts = value;

  atlas_filter_set_text (filter, texts[first ? 0 : 1]);
}

/* The first search of a filter builds the search index: a new filter each time. */
static void
measure_first_search (Bench              *bench,
                      const BenchDataset *data,
                      guint               repeats)
{
  g_autofree double *samples = g_new (double, repeats);

  for (guint i = 0; i <= repeats; i++)
    {
      g_autoptr(AtlasFilter) filter = atlas_filter_new ();
      double start;

      atlas_filter_set_dataset (filter, data->dataset);
      start = bench_now_ms ();
      atlas_filter_set_text (filter, "drone");
      if (i > 0)  /* the first run warms up */
        samples[i - 1] = bench_now_ms () - start;
    }
  bench_record (bench, "filter: first text search (index build)", data->label, samples, repeats,
                "ms");
}

static void
attach_dataset (gpointer data)
{
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();

  atlas_filter_set_dataset (filter, data);
}

void
bench_filter (Bench              *bench,
              const BenchDataset *data)
{
  static const char * const texts[] = { "drone", "数据中心" };
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(AtlasFilter) playhead_filter = atlas_filter_new ();
  g_autoptr(AtlasPlayhead) playhead = NULL;
  guint repeats = bench_repeats (bench, 20);
  FilterRun run = { .filter = filter };

  bench_goal (bench, "filter: sector on", BENCH_GOAL_BELOW, FACET_GOAL_MS);
  bench_goal (bench, "filter: sector off", BENCH_GOAL_BELOW, FACET_GOAL_MS);
  bench_goal (bench, "filter: district on", BENCH_GOAL_BELOW, FACET_GOAL_MS);
  bench_goal (bench, "filter: district off", BENCH_GOAL_BELOW, FACET_GOAL_MS);
  bench_goal (bench, "filter: set date range", BENCH_GOAL_BELOW, FACET_GOAL_MS);
  bench_goal (bench, "filter: first text search (index build)", BENCH_GOAL_BELOW, SEARCH_GOAL_MS);
  bench_goal (bench, "filter: text search, English", BENCH_GOAL_BELOW, SEARCH_GOAL_MS);
  bench_goal (bench, "filter: text search, Chinese", BENCH_GOAL_BELOW, SEARCH_GOAL_MS);
  bench_goal (bench, "playhead: step a week (cumulative)", BENCH_GOAL_BELOW, FACET_GOAL_MS);
  bench_goal (bench, "playhead: seek 30 years (cumulative)", BENCH_GOAL_BELOW, FACET_GOAL_MS);
  bench_goal (bench, "playhead: step a week (window)", BENCH_GOAL_BELOW, FACET_GOAL_MS);

  bench_measure (bench, "filter: attach dataset", data->label, bench_repeats (bench, 10),
                 attach_dataset, data->dataset);

  atlas_filter_set_dataset (filter, data->dataset);

  /* A new dataset's search index is built on a thread of its own; a search
   * waits for it. Wait here, so that the figures below are not taken while that
   * thread takes one of the cores (the wait itself is the "first text search"
   * row). */
  atlas_filter_set_text (filter, "drone");
  atlas_filter_clear (filter);

  if (atlas_dataset_get_n_sectors (data->dataset) > 0)
    measure_pair (bench, data, filter, repeats, change_sector,
                  GUINT_TO_POINTER (bench_largest_value (data->dataset, ATLAS_FACET_SECTOR)),
                  "filter: sector on", "filter: sector off");
  if (atlas_dataset_get_n_districts (data->dataset) > 0)
    measure_pair (bench, data, filter, repeats, change_district,
                  GUINT_TO_POINTER (bench_largest_value (data->dataset, ATLAS_FACET_DISTRICT)),
                  "filter: district on", "filter: district off");

  bench_measure (bench, "filter: set date range", data->label, repeats, alternate_range, &run);
  atlas_filter_clear (filter);

  measure_first_search (bench, data, bench_repeats (bench, 5));

  /* An English word and Chinese words, in turn, on a filter whose index exists. */
  atlas_filter_set_text (filter, "robot");
  measure_pair (bench, data, filter, repeats, change_text, texts,
                "filter: text search, English", "filter: text search, Chinese");
  atlas_filter_clear (filter);

  /* The playhead has its own filter, with nothing filtered out. */
  atlas_filter_set_dataset (playhead_filter, data->dataset);
  playhead = atlas_playhead_new (playhead_filter);
  run.playhead = playhead;

  run.day = atlas_date_from_civil (2015, 1, 1);
  atlas_playhead_set_day (playhead, run.day);
  bench_measure (bench, "playhead: step a week (cumulative)", data->label, repeats,
                 step_playhead, &run);

  run.days[0] = atlas_date_from_civil (1990, 1, 1);
  run.days[1] = atlas_date_from_civil (2020, 1, 1);
  bench_measure (bench, "playhead: seek 30 years (cumulative)", data->label,
                 bench_repeats (bench, 10), seek_playhead, &run);

  atlas_playhead_set_mode (playhead, ATLAS_PLAYHEAD_WINDOW);
  atlas_playhead_set_window_days (playhead, 365);
  run.day = atlas_date_from_civil (2015, 1, 1);
  atlas_playhead_set_day (playhead, run.day);
  bench_measure (bench, "playhead: step a week (window)", data->label, repeats,
                 step_playhead, &run);
}
