/* bench-e2e.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <shumate/shumate.h>
#include <stdio.h>

#include "atlas-window-private.h"
#include "atlas-renderer.h"
#include "bench-private.h"
#include "model/atlas-date.h"

/*
 * End to end: what the user waits for, in a real AtlasWindow. The window opens
 * the generated file as the app does (a load on a worker thread, then the views),
 * and each interaction is driven through the widget or model the user's input
 * reaches: the sidebar's facet rows and search entry (their own "activate" and
 * "search-changed" handlers run), the list's selection model, the map's viewport,
 * the filter's date range and the playhead (what a brush and a drag on the
 * timeline set), the selection (what a click on a place sets).
 *
 * Each sample runs from just before the input is handed to GTK to the end of the
 * last frame (GdkFrameClock::after-paint) before the window goes quiet, that is
 * before SETTLE_MS pass without a frame: so work a view defers to an idle or a
 * worker is counted until its result is on screen. A playhead drag is timed per
 * frame instead: one step, then the first frame after it.
 *
 * The longest main-loop stall during a load is the longest gap between two
 * dispatches of a 1 ms timeout on the main context, from atlas_window_open() to
 * the window settling with the dataset on screen.
 */

#define SETTLE_MS 150
#define DEADLINE_MS 60000
#define TICK_MS 1

typedef struct
{
  AtlasWindow *window;
  gulong paint_handler;
  GdkFrameClock *clock;
  gint64 last_paint;     /* µs, monotonic */
  guint n_paints;

  /* The stall watch */
  guint tick_id;
  gint64 last_tick;
  gint64 max_gap;

  gint64 open_deadline_ms;  /* for the file being opened: see open_deadline_ms() */
} E2e;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   E2e           *e)
{
  e->last_paint = g_get_monotonic_time ();
  e->n_paints++;
  if (g_getenv ("BENCH_E2E_DEBUG") != NULL)
    g_printerr ("paint %" G_GINT64_FORMAT "\n", e->last_paint / 1000);
}

static void
on_phase_cb (GdkFrameClock *clock,
             const char    *phase)
{
  g_printerr ("%s %" G_GINT64_FORMAT "\n", phase, g_get_monotonic_time () / 1000);
}

static gboolean
on_tick_cb (gpointer user_data)
{
  E2e *e = user_data;
  gint64 now = g_get_monotonic_time ();

  if (e->last_tick != 0 && now - e->last_tick > e->max_gap)
    e->max_gap = now - e->last_tick;
  e->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
watch_clock (E2e *e)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (e->window));

  if (clock == e->clock)
    return;
  if (e->clock != NULL)
    g_signal_handler_disconnect (e->clock, e->paint_handler);
  e->clock = clock;
  e->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), e);
  if (g_getenv ("BENCH_E2E_DEBUG") != NULL)
    {
      g_signal_connect (clock, "layout", G_CALLBACK (on_phase_cb), (gpointer) "layout");
      g_signal_connect (clock, "paint", G_CALLBACK (on_phase_cb), (gpointer) "paint");
    }
}

/* Runs the main loop until the window has painted at least once since @start (µs),
 * and since @done (if given) became TRUE, and then SETTLE_MS passed without a
 * frame; returns the milliseconds from @start to the end of the last frame, or -1. */
static double
wait_settled (E2e      *e,
              gint64    start,
              gboolean (*done) (E2e *e))
{
  guint first = e->n_paints;
  gint64 deadline = start + (done != NULL ? e->open_deadline_ms : DEADLINE_MS) * 1000;
  guint wake = g_timeout_add (5, wake_cb, NULL);
  double result = -1;

  while (g_get_monotonic_time () < deadline)
    {
      gint64 now;

      g_main_context_iteration (NULL, TRUE);
      watch_clock (e);
      now = g_get_monotonic_time ();
      if (done != NULL)
        {
          /* Settled counts from a frame after @done holds: the iteration in
           * which it came to hold (a dataset landing) ends before its frame,
           * and before the tick that times the stall it caused. */
          if (!done (e))
            continue;
          if (g_getenv ("BENCH_E2E_DEBUG") != NULL)
            g_printerr ("landed %" G_GINT64_FORMAT "\n", now / 1000);
          done = NULL;
          first = e->n_paints;
          continue;
        }
      if (e->n_paints > first && now - e->last_paint >= SETTLE_MS * 1000)
        {
          result = (e->last_paint - start) / 1000.0;
          break;
        }
    }
  g_source_remove (wake);
  return result;
}

/* One frame: the first after-paint after @start. */
static double
wait_frame (E2e    *e,
            gint64  start)
{
  guint first = e->n_paints;
  gint64 deadline = start + DEADLINE_MS * 1000;

  while (e->n_paints == first && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return e->n_paints > first ? (e->last_paint - start) / 1000.0 : -1;
}

static gboolean
loaded (E2e *e)
{
  return !atlas_window_is_loading (e->window) && atlas_window_get_dataset (e->window) != NULL;
}

/* The check buttons of the sidebar, in order: sectors, districts, kinds. */
static void
collect_checks (GtkWidget *widget,
                GPtrArray *checks)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_CHECK_BUTTON (child))
        g_ptr_array_add (checks, child);
      else
        collect_checks (child, checks);
    }
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Interactions --------------------------------------------------------------- */

typedef struct _Interaction Interaction;
typedef void (*Step) (E2e *e, Interaction *it, guint i);

struct _Interaction
{
  const char *task;
  Step step;
  gboolean per_frame;     /* time the first frame, not the settled one */
  gboolean settle_after;  /* … then let an animation it started finish */
  /* What the steps use */
  GtkCheckButton *check;
  GtkEditable *entry;
  GtkSelectionModel *list;
  ShumateViewport *viewport;
  guint n_events, n_locations;
  double lat, lon, zoom;
};

/* Nothing changes: the window is drawn again as it is. Under Xvfb GTK's GL
 * renderer redraws the whole window each frame (no buffer age), so this is the
 * floor under every interaction: what a frame costs before any view's work. */
static void
step_redraw (E2e *e, Interaction *it, guint i)
{
  gtk_widget_queue_draw (GTK_WIDGET (e->window));
}

/* A click on a facet's row: the row is what takes the click and the keyboard
 * (its check box only shows the state), and activating it flips the value in
 * the filter. The check box follows the filter. */
static void
activate_row (Interaction *it,
              gboolean     active)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (it->check), GTK_TYPE_LIST_BOX_ROW);

  if (gtk_check_button_get_active (it->check) != active)
    gtk_widget_activate (row);
  if (gtk_check_button_get_active (it->check) != active)
    g_error ("activating the row of “%s” did not change the filter",
             gtk_widget_get_name (GTK_WIDGET (it->check)));
}

static void
step_check_on (E2e *e, Interaction *it, guint i)
{
  activate_row (it, TRUE);
}

static void
step_check_off (E2e *e, Interaction *it, guint i)
{
  activate_row (it, FALSE);
}

/* One character typed, then taken back: "p", "", "p", … The clock starts when
 * the entry emits search-changed (after GtkSearchEntry's own typing delay). */
static void
step_search (E2e *e, Interaction *it, guint i)
{
  gtk_editable_set_text (it->entry, i % 2 == 0 ? "p" : "");
  g_signal_emit_by_name (it->entry, "search-changed");
}

static void
step_date_range (E2e *e, Interaction *it, guint i)
{
  AtlasFilter *filter = atlas_window_get_filter (e->window);

  if (i % 2 == 0)
    atlas_filter_set_date_range (filter, atlas_date_from_civil (2000, 1, 1),
                                 atlas_date_from_civil (2010, 1, 1));
  else
    atlas_filter_set_date_range (filter, atlas_date_from_civil (2005, 7, 1),
                                 atlas_date_from_civil (2020, 1, 1));
}

/* A drag across the timeline: a month a frame from 2010 on. */
static void
step_playhead (E2e *e, Interaction *it, guint i)
{
  atlas_playhead_set_day (atlas_window_get_playhead (e->window),
                          atlas_date_from_civil (2010, 1, 1) + 30 * (gint32) i);
}

static void
step_pan (E2e *e, Interaction *it, guint i)
{
  /* A fifth of a degree east, then back. */
  shumate_location_set_location (SHUMATE_LOCATION (it->viewport), it->lat,
                                 it->lon + (i % 2 == 0 ? 0.2 : 0.0));
}

static void
step_zoom (E2e *e, Interaction *it, guint i)
{
  shumate_viewport_set_zoom_level (it->viewport, it->zoom + (i % 2 == 0 ? 1 : 0));
}

static void
step_list_select (E2e *e, Interaction *it, guint i)
{
  gtk_selection_model_select_item (it->list, (i * 7919) % MIN (50, MAX (1, it->n_events)), TRUE);
}

static void
step_place_details (E2e *e, Interaction *it, guint i)
{
  atlas_selection_select_location (atlas_window_get_selection (e->window),
                                   (i * 104729u) % it->n_locations);
}

/* One input and its wait: the milliseconds to its frame, or -1. */
static double
sample_once (E2e         *e,
             Interaction *it,
             guint        i)
{
  gint64 start = g_get_monotonic_time ();
  gboolean debug = g_getenv ("BENCH_E2E_DEBUG") != NULL;
  double ms;

  if (debug)
    g_printerr ("%s start %" G_GINT64_FORMAT "\n", it->task, start / 1000);
  it->step (e, it, i);
  if (debug)
    g_printerr ("returned %" G_GINT64_FORMAT "\n", g_get_monotonic_time () / 1000);
  ms = it->per_frame ? wait_frame (e, start) : wait_settled (e, start, NULL);
  if (it->settle_after)
    wait_settled (e, g_get_monotonic_time (), NULL);
  return ms;
}

/* Runs @n_its interactions in turn, `repeats` rounds after one warm-up: an on/off
 * pair puts the view back for the next round. */
static void
run_rounds (Bench              *bench,
            const BenchDataset *data,
            E2e                *e,
            Interaction        *its,
            guint               n_its,
            guint               repeats)
{
  g_autofree double *samples = g_new (double, n_its * repeats);
  guint n[2] = { 0, 0 };

  g_assert (n_its <= 2);
  for (guint i = 0; i <= repeats; i++)
    {
      for (guint k = 0; k < n_its; k++)
        {
          double ms = sample_once (e, &its[k], i);

          if (i > 0 && ms >= 0)
            samples[k * repeats + n[k]++] = ms;
        }
    }
  for (guint k = 0; k < n_its; k++)
    {
      if (n[k] > 0)
        bench_record (bench, its[k].task, data->label, samples + k * repeats, n[k], "ms");
      if (n[k] < repeats)
        bench_note (bench, "%s %s: %u of %u inputs painted no frame", its[k].task, data->label,
                    repeats - n[k], repeats);
    }
}

static void
run_interaction (Bench              *bench,
                 const BenchDataset *data,
                 E2e                *e,
                 Interaction        *it,
                 guint               repeats)
{
  run_rounds (bench, data, e, it, 1, repeats);
}

static void
run_interactions (Bench              *bench,
                  const BenchDataset *data,
                  E2e                *e)
{
  AtlasWindow *w = e->window;
  AtlasDataset *dataset = atlas_window_get_dataset (w);
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  guint sector = bench_largest_value (dataset, ATLAS_FACET_SECTOR);
  guint district = bench_largest_value (dataset, ATLAS_FACET_DISTRICT);
  guint n_sectors = atlas_dataset_get_n_sectors (dataset);
  GtkWidget *shumate = find_widget (GTK_WIDGET (w->map_view), SHUMATE_TYPE_MAP);
  guint repeats = bench_repeats (bench, 9);
  Interaction base = { 0 };

  {
    Interaction it = base;

    it.task = "window: redraw with nothing changed (a frame)", it.step = step_redraw, it.per_frame = TRUE;
    run_interaction (bench, data, e, &it, repeats);
  }

  collect_checks (GTK_WIDGET (w->sidebar), checks);
  base.entry = GTK_EDITABLE (find_widget (GTK_WIDGET (w->sidebar), GTK_TYPE_SEARCH_ENTRY));
  base.list = gtk_column_view_get_model (atlas_event_list_get_column_view (w->event_list));
  base.viewport = shumate != NULL ? shumate_map_get_viewport (SHUMATE_MAP (shumate)) : NULL;
  base.n_events = atlas_dataset_get_n_events (dataset);
  base.n_locations = atlas_dataset_get_n_locations (dataset);

  if (checks->len > n_sectors + district)
    {
      Interaction pair[2] = { base, base };

      pair[0].check = pair[1].check = checks->pdata[sector];
      pair[0].step = step_check_on, pair[0].task = "window: tick a sector";
      pair[1].step = step_check_off, pair[1].task = "window: untick a sector";
      run_rounds (bench, data, e, pair, 2, repeats);

      pair[0].check = pair[1].check = checks->pdata[n_sectors + district];
      pair[0].task = "window: tick a district";
      pair[1].task = "window: untick a district";
      run_rounds (bench, data, e, pair, 2, repeats);
    }
  else
    bench_note (bench, "window %s: the sidebar has %u check buttons, too few", data->label,
                checks->len);

  {
    Interaction it = base;

    it.task = "window: type a character of a search", it.step = step_search;
    run_interaction (bench, data, e, &it, repeats);
    it.task = "window: set a date range", it.step = step_date_range;
    run_interaction (bench, data, e, &it, repeats);
    atlas_filter_clear_date_range (atlas_window_get_filter (w));
    wait_settled (e, g_get_monotonic_time (), NULL);

    it.task = "window: drag the playhead (a frame)", it.step = step_playhead, it.per_frame = TRUE;
    run_interaction (bench, data, e, &it, MAX (repeats, 30));
    it.per_frame = FALSE;
    atlas_playhead_reset (atlas_window_get_playhead (w));
    wait_settled (e, g_get_monotonic_time (), NULL);

    if (it.viewport != NULL)
      {
        it.lat = shumate_location_get_latitude (SHUMATE_LOCATION (it.viewport));
        it.lon = shumate_location_get_longitude (SHUMATE_LOCATION (it.viewport));
        it.zoom = shumate_viewport_get_zoom_level (it.viewport);
        it.task = "window: pan the map a step", it.step = step_pan;
        run_interaction (bench, data, e, &it, repeats);
        it.task = "window: zoom the map a step", it.step = step_zoom;
        run_interaction (bench, data, e, &it, repeats);
      }
    /* A selection starts the map's flight to it; the first frame shows the
     * selection (list row, details, highlight), the flight follows. */
    it.per_frame = it.settle_after = TRUE;
    it.task = "window: select an event in the list", it.step = step_list_select;
    run_interaction (bench, data, e, &it, repeats);
    it.task = "window: open a place's details", it.step = step_place_details;
    run_interaction (bench, data, e, &it, repeats);
  }
}

/* Opening -------------------------------------------------------------------- */

/* Each is held to the goal: at most 100 ms from input to screen. */
static const char *interaction_tasks[] = {
  "window: tick a sector", "window: untick a sector",
  "window: tick a district", "window: untick a district",
  "window: type a character of a search", "window: set a date range",
  "window: drag the playhead (a frame)", "window: pan the map a step",
  "window: zoom the map a step", "window: select an event in the list",
  "window: open a place's details",
};

static const char *
renderer_name (AtlasWindow *window)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  return renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none";
}

static void
use_offline_base_map (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.chengyu.Atlas");

  /* No tile server is reachable here; the offline base map is what is drawn. */
  g_settings_set_enum (settings, "base-map", 1);
  g_settings_set_string (settings, "last-dataset", "");
}

/* How long an open may take before it counts as failed: a minute for each
 * 256 MiB of the file. The 1M-event file (217 MB) opens in seconds on a quiet
 * machine, but the 10M one (2.2 GB) loads ten times as long, and a busy machine
 * has made a load fifteen times slower. */
static gint64
open_deadline_ms (const char *path)
{
  GStatBuf st;
  gint64 parts = 1;

  if (g_stat (path, &st) == 0)
    parts = (gint64) (st.st_size >> 28) + 1;
  return DEADLINE_MS * parts;
}

/* Opens @path in a new window; fills in the time to the new window's settled
 * first frame, and from there the time to the settled frame with the dataset
 * and the longest stall. Without @first_frame_ms the file is opened at once,
 * as the app does, and the times run from the window's creation. */
static AtlasWindow *
open_window (E2e        *e,
             const char *path,
             double     *first_frame_ms,
             double     *open_ms,
             double     *stall_ms)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 start = g_get_monotonic_time ();

  e->window = atlas_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (e->window), 1400, 860);
  gtk_window_present (GTK_WINDOW (e->window));
  watch_clock (e);
  /* The new window's first frame (realizing, styling and laying out every
   * widget; the GL renderer's shaders) is start-up, timed on its own; the open
   * and its stalls are timed from a window on screen. */
  if (first_frame_ms != NULL)
    {
      *first_frame_ms = wait_settled (e, start, NULL);
      start = g_get_monotonic_time ();
    }
  e->last_tick = 0;
  e->max_gap = 0;
  e->open_deadline_ms = open_deadline_ms (path);
  e->tick_id = g_timeout_add (TICK_MS, on_tick_cb, e);
  atlas_window_open (e->window, file);
  *open_ms = wait_settled (e, start, loaded);
  g_clear_handle_id (&e->tick_id, g_source_remove);
  *stall_ms = e->max_gap / 1000.0;
  return e->window;
}

/* In a fresh process, as the app starts: GTK's start-up, the window, the load
 * and the settled frame; and the process's peak memory. */
static void
run_fresh (Bench              *bench,
           const BenchDataset *data)
{
  const char *argv[] = { bench_self_path (), "--child", "window", data->path, NULL };
  guint repeats = bench_repeats (bench, 3);
  g_autofree double *times = g_new (double, repeats);
  g_autofree double *peaks = g_new (double, repeats);

  for (guint i = 0; i < repeats; i++)
    {
      g_autoptr(GError) error = NULL;
      BenchChild child = { 0 };

      if (!bench_run_child (argv, &child, &error))
        {
          bench_note (bench, "window %s: the fresh process failed: %s", data->label, error->message);
          return;
        }
      times[i] = child.elapsed_ms;
      peaks[i] = child.peak_kb / 1024.0;
    }
  bench_record (bench, "window: launch to usable, fresh process", data->label, times, repeats, "ms");
  bench_record (bench, "window: peak memory, fresh process", data->label, peaks, repeats, "MiB");
  bench_ratio (bench, "window: launch / load, fresh process", data->label,
               "window: launch to usable, fresh process", "load, fresh process", 1.3);
  bench_ratio (bench, "window: peak memory / load peak memory", data->label,
               "window: peak memory, fresh process", "load peak memory", 1.3);
}

static void
close_window (E2e *e)
{
  if (e->clock != NULL)
    g_signal_handler_disconnect (e->clock, e->paint_handler);
  e->clock = NULL;
  gtk_window_destroy (GTK_WINDOW (e->window));
  e->window = NULL;
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

void
bench_e2e (Bench              *bench,
           const BenchDataset *data)
{
  guint repeats = bench_repeats (bench, 3);
  g_autofree double *firsts = g_new (double, repeats);
  g_autofree double *opens = g_new (double, repeats);
  g_autofree double *stalls = g_new (double, repeats);
  E2e e = { 0 };

  if (!gtk_is_initialized ())
    {
      bench_note (bench, "window %s: skipped, there is no display", data->label);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (interaction_tasks); i++)
    bench_goal (bench, interaction_tasks[i], BENCH_GOAL_AT_MOST, 100);
  bench_goal (bench, "window: longest main-loop stall while opening", BENCH_GOAL_AT_MOST, 50);
  use_offline_base_map ();

  /* Opening, `repeats` times after a warm-up; the last window stays for the
   * interactions. */
  for (guint i = 0; i <= repeats; i++)
    {
      double first_ms, open_ms, stall_ms;

      open_window (&e, data->path, &first_ms, &open_ms, &stall_ms);
      if (i > 0)
        {
          firsts[i - 1] = first_ms;
          opens[i - 1] = open_ms;
          stalls[i - 1] = stall_ms;
        }
      if (i < repeats)
        close_window (&e);
    }
  bench_record (bench, "window: a new window's first frame", data->label, firsts, repeats, "ms");
  bench_record (bench, "window: open to the settled frame", data->label, opens, repeats, "ms");
  bench_record (bench, "window: longest main-loop stall while opening", data->label, stalls,
                repeats, "ms");
  bench_note (bench, "window %s: renderer %s, 1400×860", data->label, renderer_name (e.window));

  run_interactions (bench, data, &e);
  close_window (&e);
  run_fresh (bench, data);
}

/* The hidden `atlas-bench --child window FILE`: the app's peak memory with the
 * file open in a window and settled. */
int
bench_e2e_child_main (const char *path)
{
  double start = bench_now_ms ();
  E2e e = { 0 };
  double open_ms, stall_ms;

  if (!gtk_init_check ())
    {
      g_printerr ("--child window: cannot open the display\n");
      return 2;
    }
  adw_init ();
  atlas_renderer_choose (gdk_display_get_default ());
  use_offline_base_map ();
  open_window (&e, path, NULL, &open_ms, &stall_ms);
  bench_print_child_result (bench_now_ms () - start);
  return 0;
}
