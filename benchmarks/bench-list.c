/* bench-list.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-private.h"
#include "model/atlas-filter.h"
#include "panels/atlas-event-model.h"

/*
 * The event list's model (AtlasEventModel, the GListModel the GtkColumnView
 * reads): what it costs to show its first page of rows with every event visible,
 * after a filter change, and after a click on a column header. The list itself
 * asks for the rows it shows; a page here is the first 50, as a tall window
 * shows.
 */

#define PAGE 50

/* A click in the filter sidebar costs the filter's recomputation plus the list's
 * rebuild; the list's part is held to the same goal. */
#define LIST_GOAL_MS 5.0

typedef struct
{
  AtlasFilter *filter;
  AtlasEventModel *model;
  guint n_created;
  double changed_at;    /* when the filter's "changed" reached the list */
  double rebuilt_at;    /* when the list's handler was done */
} ListRun;

static void
first_page (AtlasEventModel *model)
{
  guint n = MIN (PAGE, g_list_model_get_n_items (G_LIST_MODEL (model)));

  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
}

/* A new model on a filter that lets everything through, and its first page. */
static void
open_list (gpointer data)
{
  ListRun *run = data;
  g_autoptr(AtlasEventModel) model = atlas_event_model_new (run->filter);

  first_page (model);
  run->n_created = atlas_event_model_get_n_created (model);
}

/* Handlers of the filter's "changed" run in the order they were connected: one
 * before the model's and one after it time the model's rebuild alone (the
 * filter's own share is the filter part's). */
static void
on_changed_before (AtlasFilter *filter,
                   ListRun     *run)
{
  run->changed_at = bench_now_ms ();
}

static void
on_changed_after (AtlasFilter *filter,
                  ListRun     *run)
{
  run->rebuilt_at = bench_now_ms ();
}

/* The first click on a column header sorts every event by that column, once per
 * dataset; later clicks reuse it. Each sample is a new model, so each pays it. */
typedef struct
{
  ListRun *run;
  AtlasEventSort key;
} SortRun;

static void
sort_first_time (gpointer data)
{
  SortRun *sort = data;
  g_autoptr(AtlasEventModel) model = atlas_event_model_new (sort->run->filter);

  atlas_event_model_set_sort (model, sort->key, FALSE);
  first_page (model);
}

static void
sort_again (gpointer data)
{
  SortRun *sort = data;
  gboolean descending;

  atlas_event_model_get_sort (sort->run->model, &descending);
  atlas_event_model_set_sort (sort->run->model, sort->key, !descending);
  first_page (sort->run->model);
}

void
bench_list (Bench              *bench,
            const BenchDataset *data)
{
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  guint repeats = bench_repeats (bench, 10);
  g_autofree double *samples = g_new (double, repeats);
  ListRun run = { .filter = filter };
  SortRun title = { &run, ATLAS_EVENT_SORT_TITLE };
  SortRun place = { &run, ATLAS_EVENT_SORT_PLACE };
  guint sector;
  double created;

  bench_goal (bench, "list: rebuild after a filter change", BENCH_GOAL_BELOW, LIST_GOAL_MS);

  atlas_filter_set_dataset (filter, data->dataset);
  sector = bench_largest_value (data->dataset, ATLAS_FACET_SECTOR);

  bench_measure (bench, "list: open, first page, everything visible", data->label, repeats,
                 open_list, &run);
  created = run.n_created;
  bench_record (bench, "list: row objects made for the first page", data->label, &created, 1,
                "rows");

  /* Ticking and unticking the largest sector: the list rebuilt (a third, then
   * all, of the events), then its first page. */
  g_signal_connect (filter, "changed", G_CALLBACK (on_changed_before), &run);
  run.model = atlas_event_model_new (filter);
  g_signal_connect (filter, "changed", G_CALLBACK (on_changed_after), &run);
  for (guint i = 0; i <= repeats; i++)
    {
      double page_start;

      atlas_filter_set_value (filter, ATLAS_FACET_SECTOR, sector, i % 2 == 0);
      page_start = bench_now_ms ();
      first_page (run.model);
      if (i > 0)  /* the first one warms up */
        samples[i - 1] = run.rebuilt_at - run.changed_at + bench_now_ms () - page_start;
    }
  atlas_filter_set_value (filter, ATLAS_FACET_SECTOR, sector, FALSE);
  bench_record (bench, "list: rebuild after a filter change", data->label, samples, repeats, "ms");

  bench_measure (bench, "list: sort by title, first time", data->label,
                 bench_repeats (bench, 3), sort_first_time, &title);
  bench_measure (bench, "list: sort by place, first time", data->label,
                 bench_repeats (bench, 3), sort_first_time, &place);
  atlas_event_model_set_sort (run.model, ATLAS_EVENT_SORT_TITLE, FALSE);
  bench_measure (bench, "list: sort by title again", data->label, repeats, sort_again, &title);

  g_signal_handlers_disconnect_by_data (filter, &run);
  g_clear_object (&run.model);
}
