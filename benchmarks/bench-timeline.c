/* bench-timeline.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "bench-private.h"
#include "timeline/atlas-timeline-canvas.h"
#include "timeline/atlas-timeline-private.h"

/*
 * What a timeline frame and a playhead move cost. A frame is the canvas's own
 * snapshot (the node GTK would get from it) rendered to a texture by the Cairo
 * renderer realized without a surface, at about 1000 pixels across; the view is
 * panned a pixel between frames so no layout is reused. A playhead move is
 * set_day on the playhead plus everything the timeline does in response.
 *
 * The frame should not grow with the number of events (prefix sums make the
 * histogram O(width)), and neither should a move: the reference row "scan every
 * event" shows what visiting each event once would cost.
 */

#define FRAME_GOAL_MS 8.0
#define CANVAS_WIDTH 1000
#define MOVES_PER_SAMPLE 1000

typedef struct
{
  AtlasFilter *filter;
  AtlasSelection *selection;
  AtlasPlayhead *playhead;
  GtkWindow *window;
  AtlasTimeline *timeline;
  AtlasTimelineCanvas *canvas;
  GskRenderer *renderer;
  AtlasDataset *dataset;
  guint frame;
  gint32 first_day;
  gint32 end_day;
  gint32 day;
  guint64 checksum;
} TimelineRun;

static void
render_frame (gpointer data)
{
  TimelineRun *run = data;
  GtkWidget *canvas = GTK_WIDGET (run->canvas);
  int w = gtk_widget_get_width (canvas), h = gtk_widget_get_height (canvas);
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  GdkTexture *texture;

  /* A pixel of pan back and forth: the glyph layout is recomputed each time. */
  atlas_timeline_canvas_pan (run->canvas, (run->frame++ % 2 ? 1.0 : -1.0) / MAX (w, 1));

  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (canvas)->snapshot (canvas, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (run->renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_object_unref (texture);
  gsk_render_node_unref (node);
}

static void
toggle_sector_and_render (gpointer data)
{
  TimelineRun *run = data;

  /* A filter change: the visible prefix sums are rebuilt for the next frame. */
  atlas_filter_set_value (run->filter, ATLAS_FACET_SECTOR, 0,
                          !atlas_filter_get_value (run->filter, ATLAS_FACET_SECTOR, 0));
  render_frame (run);
}

static void
scan_all_events (gpointer data)
{
  TimelineRun *run = data;
  const gint32 *starts = atlas_dataset_get_starts (run->dataset);
  guint n = atlas_dataset_get_n_events (run->dataset);
  guint64 sum = 0;

  for (guint e = 0; e < n; e++)
    sum += (guint32) starts[e] ^ atlas_dataset_get_event_color (run->dataset, e);
  run->checksum += sum;
}

/* A day at a time, as playback moves it, bouncing within the dataset's dates. */
static void
move_playhead (TimelineRun *run,
               guint        n)
{
  for (guint i = 0; i < n; i++)
    {
      run->day++;
      if (run->day >= run->end_day)
        run->day = run->first_day;
      atlas_playhead_set_day (run->playhead, run->day);
    }
}

static void
record_moves (Bench              *bench,
              const BenchDataset *data,
              TimelineRun        *run,
              const char         *task)
{
  guint repeats = bench_repeats (bench, 15);
  g_autofree double *samples = g_new (double, repeats);

  move_playhead (run, MOVES_PER_SAMPLE);
  for (guint r = 0; r < repeats; r++)
    {
      double start = bench_now_ms ();

      move_playhead (run, MOVES_PER_SAMPLE);
      samples[r] = (bench_now_ms () - start) / MOVES_PER_SAMPLE;
    }
  bench_record (bench, task, data->label, samples, repeats, "ms");
}

static gboolean
wait_for_allocation (TimelineRun *run)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline &&
         (gtk_widget_get_width (GTK_WIDGET (run->canvas)) < CANVAS_WIDTH / 2 ||
          g_main_context_pending (NULL)))
    g_main_context_iteration (NULL, FALSE);
  return gtk_widget_get_width (GTK_WIDGET (run->canvas)) >= CANVAS_WIDTH / 2;
}

void
bench_timeline (Bench              *bench,
                const BenchDataset *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *frame_zoomed = NULL;
  TimelineRun run = { 0 };
  AtlasTimeline *timeline;
  guint repeats = bench_repeats (bench, 31);

  if (!gtk_is_initialized ())
    {
      bench_note (bench, "timeline %s: skipped, there is no display; run under xvfb-run",
                  data->label);
      return;
    }
  if (!atlas_dataset_get_date_range (data->dataset, &run.first_day, &run.end_day))
    return;

  run.dataset = data->dataset;
  run.filter = atlas_filter_new ();
  run.selection = atlas_selection_new ();
  run.playhead = atlas_playhead_new (run.filter);
  run.window = GTK_WINDOW (gtk_window_new ());
  run.timeline = ATLAS_TIMELINE (atlas_timeline_new ());
  run.canvas = atlas_timeline_get_canvas (run.timeline);
  atlas_timeline_set_models (run.timeline, run.filter, run.selection, run.playhead);
  gtk_window_set_child (run.window, GTK_WIDGET (run.timeline));
  /* The canvas gets the width left of the controls column. */
  gtk_widget_set_size_request (GTK_WIDGET (run.canvas), CANVAS_WIDTH, 120);
  gtk_window_present (run.window);
  atlas_selection_set_dataset (run.selection, data->dataset);
  atlas_filter_set_dataset (run.filter, data->dataset);

  run.renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (run.renderer, NULL, &error) || !wait_for_allocation (&run))
    {
      bench_note (bench, "timeline %s: skipped, %s", data->label,
                  error != NULL ? error->message : "the canvas was never allocated");
      goto out;
    }

  /* All dates in view: the whole dataset as a histogram (or glyphs if few). */
  atlas_timeline_canvas_fit (run.canvas);
  bench_measure (bench, "timeline: frame, all dates", data->label, repeats, render_frame, &run);
  bench_note (bench, "timeline %s: frames %d×%d px, %s with all dates in view", data->label,
              gtk_widget_get_width (GTK_WIDGET (run.canvas)),
              gtk_widget_get_height (GTK_WIDGET (run.canvas)),
              atlas_timeline_canvas_is_dense (run.canvas) ? "a histogram" : "glyphs");

  /* Zoomed in to a thousandth of the dates: glyphs where they fit. */
  atlas_timeline_canvas_zoom (run.canvas, 1000.0);
  bench_measure (bench, "timeline: frame, zoomed ×1000", data->label, repeats, render_frame, &run);
  frame_zoomed = g_strdup (atlas_timeline_canvas_is_dense (run.canvas) ? "a histogram" : "glyphs");
  bench_note (bench, "timeline %s: %s zoomed ×1000", data->label, frame_zoomed);
  atlas_timeline_canvas_fit (run.canvas);

  /* A filter change costs one rebuild of the prefix sums, O(visible events). */
  bench_measure (bench, "timeline: frame after a filter change", data->label,
                 bench_repeats (bench, 9), toggle_sector_and_render, &run);
  atlas_filter_set_value (run.filter, ATLAS_FACET_SECTOR, 0, FALSE);

  /* Playhead moves, cumulative then window, against one scan of every event. */
  run.day = run.first_day;
  atlas_playhead_set_mode (run.playhead, ATLAS_PLAYHEAD_CUMULATIVE);
  record_moves (bench, data, &run, "timeline: playhead move, cumulative");
  atlas_playhead_set_mode (run.playhead, ATLAS_PLAYHEAD_WINDOW);
  atlas_playhead_set_window_days (run.playhead, 30);
  record_moves (bench, data, &run, "timeline: playhead move, 30-day window");
  bench_measure (bench, "timeline: scan every event (reference)", data->label,
                 bench_repeats (bench, 9), scan_all_events, &run);
  /* Below 100k events a scan is itself a matter of microseconds. */
  if (data->n_events >= 100000)
    bench_ratio (bench, "timeline: move / scan", data->label, "timeline: playhead move, cumulative",
                 "timeline: scan every event (reference)", 0.05);

  bench_goal (bench, "timeline: frame, all dates", BENCH_GOAL_BELOW, FRAME_GOAL_MS);
  bench_goal (bench, "timeline: frame, zoomed ×1000", BENCH_GOAL_BELOW, FRAME_GOAL_MS);

out:
  timeline = run.timeline;
  g_object_add_weak_pointer (G_OBJECT (timeline), (gpointer *) &timeline);
  gtk_window_destroy (run.window);
  for (guint i = 0; i < 100 && timeline != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  if (run.renderer != NULL && gsk_renderer_is_realized (run.renderer))
    gsk_renderer_unrealize (run.renderer);
  g_clear_object (&run.renderer);
  g_clear_object (&run.playhead);
  g_clear_object (&run.selection);
  g_clear_object (&run.filter);
}
