/* test-timeline-periods.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "atlas-coordinator.h"
#include "io/atlas-loader.h"
#include "timeline/atlas-timeline-canvas-private.h"
#include "timeline/atlas-timeline-private.h"

/* A dataset's periods on the timeline, in a window under Xvfb: overlapping ones
 * on strips one below the other, a click on a strip brushes its days, and the
 * list with dates is in the timeline's accessible description. The dataset
 * (tests/data/periods.atlas.json) has three periods: a five-year plan
 * (2021–2025), the economic circle (3 January 2020 to October 2021), which
 * overlaps it, and spring 2021 (March to May), which overlaps both. */

#define STRIP_HEIGHT 15.0

static void
settle (AtlasTimelineCanvas *canvas)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline &&
         (gtk_widget_get_width (GTK_WIDGET (canvas)) < 100 || g_main_context_pending (NULL)))
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), >=, 100);
}

static guint
find_period (AtlasDataset *dataset,
             const char   *id)
{
  for (guint i = 0; i < atlas_dataset_get_n_periods (dataset); i++)
    if (g_str_equal (atlas_dataset_get_period (dataset, i)->id, id))
      return i;
  g_assert_not_reached ();
}

/* The middle of the visible part of a period, on the given strip. */
static void
strip_point (AtlasTimelineCanvas *canvas,
             const AtlasPeriod   *period,
             guint                strip,
             double              *x,
             double              *y)
{
  const AtlasTimeScale *scale = atlas_timeline_canvas_get_scale (canvas);
  double x0 = MAX (atlas_time_scale_day_to_x (scale, period->start), 0);
  double x1 = MIN (atlas_time_scale_day_to_x (scale, period->end), gtk_widget_get_width (GTK_WIDGET (canvas)));

  *x = (x0 + x1) / 2;
  *y = atlas_timeline_canvas_area_top (canvas) + strip * STRIP_HEIGHT + STRIP_HEIGHT / 2;
}

static void
click (AtlasTimelineCanvas *canvas,
       double               x,
       double               y)
{
  atlas_timeline_canvas_pointer_press (canvas, x, y, 0, 1000);
  atlas_timeline_canvas_pointer_release (canvas, x, y);
}

static void
test_periods (void)
{
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *filename = g_test_build_filename (G_TEST_DIST, "data", "periods.atlas.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (filename);
  AtlasDataset *dataset = atlas_loader_load_file (file, report, NULL, NULL, NULL, &error);
  AtlasFilter *filter = atlas_filter_new ();
  AtlasSelection *selection = atlas_selection_new ();
  AtlasPlayhead *playhead = atlas_playhead_new (filter);
  AtlasCoordinator *coordinator = atlas_coordinator_new (filter, selection, playhead);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  AtlasTimeline *timeline = ATLAS_TIMELINE (atlas_timeline_new ());
  AtlasTimelineCanvas *canvas = atlas_timeline_get_canvas (timeline);
  g_autofree char *described = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *mismatch = NULL;
  const AtlasPeriod *plan, *circle, *spring;
  gint32 start, end;
  double x, y;

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_dataset_get_n_periods (dataset), ==, 3);
  plan = atlas_dataset_get_period (dataset, find_period (dataset, "plan-14"));
  circle = atlas_dataset_get_period (dataset, find_period (dataset, "circle"));
  spring = atlas_dataset_get_period (dataset, find_period (dataset, "spring"));
  /* Ends are inclusive: "2025" runs to the last day of 2025. */
  g_assert_cmpint (plan->start, ==, atlas_date_from_civil (2021, 1, 1));
  g_assert_cmpint (plan->end, ==, atlas_date_from_civil (2026, 1, 1));
  g_assert_cmpint (circle->start, ==, atlas_date_from_civil (2020, 1, 3));
  g_assert_cmpint (circle->end, ==, atlas_date_from_civil (2021, 11, 1));
  g_assert_cmpuint (plan->color, ==, 0xf6d32d);

  gtk_window_set_default_size (window, 1200, 200);
  atlas_timeline_set_models (timeline, filter, selection, playhead);
  /* As the window does: the timeline's intents reach the models through a coordinator. */
  atlas_coordinator_watch (coordinator, ATLAS_INTENT_SOURCE (timeline));
  gtk_window_set_child (window, GTK_WIDGET (timeline));
  gtk_window_present (window);
  atlas_selection_set_dataset (selection, dataset);
  atlas_filter_set_dataset (filter, dataset);
  settle (canvas);

  /* The circle starts first: strip 0; the plan starts during it: strip 1; spring
   * during both: strip 2. */
  strip_point (canvas, circle, 0, &x, &y);
  g_assert_cmpuint (atlas_timeline_canvas_period_at (canvas, x, y), ==, find_period (dataset, "circle"));
  strip_point (canvas, plan, 1, &x, &y);
  g_assert_cmpuint (atlas_timeline_canvas_period_at (canvas, x, y), ==, find_period (dataset, "plan-14"));
  strip_point (canvas, spring, 2, &x, &y);
  g_assert_cmpuint (atlas_timeline_canvas_period_at (canvas, x, y), ==, find_period (dataset, "spring"));

  /* A click on spring's strip brushes spring. */
  g_assert_false (atlas_filter_get_date_range (filter, &start, &end));
  click (canvas, x, y);
  g_assert_true (atlas_filter_get_date_range (filter, &start, &end));
  g_assert_cmpint (start, ==, spring->start);
  g_assert_cmpint (end, ==, spring->end);
  /* And on the plan's, the plan. */
  strip_point (canvas, plan, 1, &x, &y);
  click (canvas, x, y);
  g_assert_true (atlas_filter_get_date_range (filter, &start, &end));
  g_assert_cmpint (start, ==, plan->start);
  g_assert_cmpint (end, ==, plan->end);

  /* Below the strips, a click moves the playhead and leaves the brush. */
  click (canvas, x, atlas_timeline_canvas_area_top (canvas) + 4 * STRIP_HEIGHT);
  g_assert_true (atlas_filter_get_date_range (filter, &start, &end));
  g_assert_cmpint (start, ==, plan->start);

  /* Screen readers hear the periods with their dates. */
  described = atlas_timeline_describe_periods (dataset);
  g_assert_nonnull (strstr (described, "14th Five-Year Plan, 2021 – 2025"));
  g_assert_nonnull (strstr (described, "Spring 2021, March 2021 – May 2021"));
  expected = g_strdup_printf ("Arrow keys move the playhead, Page Up and Page Down by more, plus and minus zoom, "
                              "Space plays. %s", described);
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                 expected);
  g_assert_null (mismatch);

  gtk_window_destroy (window);
  g_object_unref (coordinator);
  g_object_unref (playhead);
  g_object_unref (selection);
  g_object_unref (filter);
  g_object_unref (dataset);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/timeline/periods", test_periods);

  return g_test_run ();
}
