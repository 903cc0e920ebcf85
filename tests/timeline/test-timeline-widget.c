/* test-timeline-widget.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "atlas-coordinator.h"
#include "io/atlas-loader.h"
#include "timeline/atlas-timeline-canvas-private.h"
#include "timeline/atlas-timeline-private.h"
#include "window-test-helpers.h"

/* The timeline widget in a window under Xvfb, on the bundled dataset: hit
 * testing, the keys, the brush, scrubbing, playback and linking, each through
 * the same code the gestures and shortcuts run. */

typedef struct
{
  AtlasDataset *dataset;
  AtlasFilter *filter;
  AtlasSelection *selection;
  AtlasPlayhead *playhead;
  AtlasCoordinator *coordinator;
  GtkWindow *window;
  AtlasTimeline *timeline;
  AtlasTimelineCanvas *canvas;
} Fixture;

/* @path is relative to tests/. */
static AtlasDataset *
load_dataset (const char *path)
{
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *filename = g_test_build_filename (G_TEST_DIST, path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (filename);
  AtlasDataset *dataset = atlas_loader_load_file (file, report, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

typedef struct
{
  AtlasPlayhead *playhead;
  gint32 from;
} Advance;

static gboolean
playhead_moved_on (gpointer data)
{
  Advance *advance = data;

  return atlas_playhead_get_day (advance->playhead) > advance->from;
}

/* Runs the main loop until the canvas has been laid out and drawn. */
static void
settle (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline &&
         (gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) < 100 ||
          g_main_context_pending (NULL)))
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->canvas)), >=, 100);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dataset = load_dataset ("../data/chengdu-chongqing.atlas.json");
  fixture->filter = atlas_filter_new ();
  fixture->selection = atlas_selection_new ();
  fixture->playhead = atlas_playhead_new (fixture->filter);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1200, 160);
  fixture->timeline = ATLAS_TIMELINE (atlas_timeline_new ());
  fixture->canvas = atlas_timeline_get_canvas (fixture->timeline);
  atlas_timeline_set_models (fixture->timeline, fixture->filter, fixture->selection,
                             fixture->playhead);
  /* As the window does: the timeline's intents reach the models through a coordinator. */
  fixture->coordinator = atlas_coordinator_new (fixture->filter, fixture->selection, fixture->playhead);
  atlas_coordinator_watch (fixture->coordinator, ATLAS_INTENT_SOURCE (fixture->timeline));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->timeline));
  gtk_window_present (fixture->window);

  /* As the window does it: the dataset arrives after the models are set. */
  atlas_selection_set_dataset (fixture->selection, fixture->dataset);
  atlas_filter_set_dataset (fixture->filter, fixture->dataset);
  settle (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  AtlasTimeline *timeline = fixture->timeline;
  AtlasTimelineCanvas *canvas = fixture->canvas;

  g_object_add_weak_pointer (G_OBJECT (timeline), (gpointer *) &timeline);
  g_object_add_weak_pointer (G_OBJECT (canvas), (gpointer *) &canvas);
  gtk_window_destroy (fixture->window);
  atlas_test_wait_for_finalize (&timeline, "the timeline to be finalized with its window");
  atlas_test_wait_for_finalize (&canvas, "the timeline's canvas to be finalized with its window");
  /* The timeline and its canvas go with their window: nothing keeps them. */
  g_assert_null (timeline);
  g_assert_null (canvas);

  /* And they let go of the models. */
  g_assert_finalize_object (fixture->coordinator);
  g_assert_finalize_object (fixture->playhead);
  g_assert_finalize_object (fixture->selection);
  g_assert_finalize_object (fixture->filter);
  g_assert_finalize_object (fixture->dataset);
}

static double
day_x (Fixture *fixture,
       double   day)
{
  return atlas_time_scale_day_to_x (atlas_timeline_canvas_get_scale (fixture->canvas), day);
}

static double
events_y (Fixture *fixture)
{
  return (ATLAS_TIMELINE_BRUSH_HEIGHT + atlas_timeline_canvas_get_axis_y (fixture->canvas)) / 2.0;
}

static void
click (Fixture        *fixture,
       double          x,
       double          y,
       GdkModifierType state,
       guint32         time_ms)
{
  atlas_timeline_canvas_pointer_press (fixture->canvas, x, y, state, time_ms);
  atlas_timeline_canvas_pointer_release (fixture->canvas, x, y);
}

static void
drag (Fixture        *fixture,
      double          x0,
      double          y0,
      double          x1,
      double          y1,
      GdkModifierType state)
{
  atlas_timeline_canvas_pointer_press (fixture->canvas, x0, y0, state, 1000);
  for (guint i = 1; i <= 10; i++)
    atlas_timeline_canvas_pointer_motion (fixture->canvas, x0 + (x1 - x0) * i / 10.0,
                                          y0 + (y1 - y0) * i / 10.0);
  atlas_timeline_canvas_pointer_release (fixture->canvas, x1, y1);
}

/* Finds the shortcut the canvas has for a key and runs its action, as GTK does
 * when the key is pressed with the canvas focused. */
static void
press_key (Fixture        *fixture,
           guint           keyval,
           GdkModifierType mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->canvas));
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, mods);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                           GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                           GTK_WIDGET (fixture->canvas), NULL));
              return;
            }
        }
    }
  g_error ("no shortcut for %s", gtk_accelerator_name (keyval, mods));
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  gint32 first, end, day = atlas_date_from_civil (2020, 6, 5);
  g_autofree char *expected = NULL;

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (fixture->canvas)));
  gtk_test_accessible_assert_role (fixture->canvas, GTK_ACCESSIBLE_ROLE_SLIDER);

  g_assert_true (atlas_dataset_get_date_range (fixture->dataset, &first, &end));
  atlas_playhead_set_day (fixture->playhead, day);
  gtk_test_accessible_assert_property (fixture->canvas, GTK_ACCESSIBLE_PROPERTY_VALUE_MIN,
                                       (double) first);
  gtk_test_accessible_assert_property (fixture->canvas, GTK_ACCESSIBLE_PROPERTY_VALUE_MAX,
                                       (double) end - 1);
  gtk_test_accessible_assert_property (fixture->canvas, GTK_ACCESSIBLE_PROPERTY_VALUE_NOW,
                                       (double) day);
  expected = g_strdup_printf ("Playhead 5 June 2020, %u events in range",
                              atlas_playhead_get_n_active_events (fixture->playhead));
  g_assert_cmpuint (atlas_playhead_get_n_active_events (fixture->playhead), >, 1);
  gtk_test_accessible_assert_property (fixture->canvas, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                       expected);
  /* GTK 4.8 passes no value to AT-SPI: the name carries the date and count. */
  g_free (expected);
  expected = g_strdup_printf ("Timeline, Playhead 5 June 2020, %u events in range",
                              atlas_playhead_get_n_active_events (fixture->playhead));
  gtk_test_accessible_assert_property (fixture->canvas, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
}

/* Every visible event's glyph is found under its own pixels, and a click there
 * selects it; empty space and ghosts give nothing. */
static void
test_hit_testing (Fixture       *fixture,
                  gconstpointer  data)
{
  guint n = atlas_dataset_get_n_events (fixture->dataset), found = 0, ghost = ATLAS_NONE;
  graphene_rect_t area;
  gint32 day;

  g_assert_false (atlas_timeline_canvas_is_dense (fixture->canvas));
  for (guint e = 0; e < n; e++)
    {
      double cx, cy;

      if (!atlas_timeline_canvas_get_event_area (fixture->canvas, e, &area))
        continue;
      cx = area.origin.x + area.size.width / 2.0;
      cy = area.origin.y + area.size.height / 2.0;
      g_assert_cmpuint (atlas_timeline_canvas_event_at (fixture->canvas, cx, cy), ==, e);
      found++;
    }
  /* Every event of the bundled dataset has a glyph at the fitted zoom. */
  g_assert_cmpuint (found, ==, n);

  g_assert_cmpuint (atlas_timeline_canvas_event_at (fixture->canvas, 2, events_y (fixture)), ==,
                    ATLAS_NONE);
  g_assert_cmpuint (atlas_timeline_canvas_event_at (fixture->canvas, day_x (fixture, 20000), 4), ==,
                    ATLAS_NONE);

  /* A click on a glyph selects its event and leaves the playhead where it was. */
  g_assert_true (atlas_timeline_canvas_get_event_area (fixture->canvas, 20, &area));
  day = atlas_playhead_get_day (fixture->playhead);
  click (fixture, area.origin.x + area.size.width / 2.0, area.origin.y + area.size.height / 2.0, 0,
         100);
  g_assert_cmpuint (atlas_selection_get_event (fixture->selection), ==, 20);
  g_assert_cmpint (atlas_playhead_get_day (fixture->playhead), ==, day);

  /* Hidden events stay as ghosts but cannot be picked, as on the map. */
  atlas_filter_set_text (fixture->filter, "port");
  for (guint e = 0; e < n && ghost == ATLAS_NONE; e++)
    {
      if (!atlas_filter_event_visible (fixture->filter, e))
        ghost = e;
    }
  g_assert_cmpuint (ghost, !=, ATLAS_NONE);
  g_assert_true (atlas_timeline_canvas_get_event_area (fixture->canvas, ghost, &area));
  g_assert_cmpuint (atlas_timeline_canvas_event_at (fixture->canvas,
                                                    area.origin.x + area.size.width / 2.0,
                                                    area.origin.y + area.size.height / 2.0),
                    ==, ATLAS_NONE);
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  gint32 first, end, day = atlas_date_from_civil (2020, 6, 5);
  AtlasTickChoice ticks;
  double span;

  g_assert_true (atlas_dataset_get_date_range (fixture->dataset, &first, &end));
  atlas_playhead_set_day (fixture->playhead, day);
  atlas_timeline_canvas_get_ticks (fixture->canvas, &ticks);

  press_key (fixture, GDK_KEY_Right, 0);
  g_assert_cmpint (atlas_playhead_get_day (fixture->playhead), ==,
                   atlas_time_step_add (ticks.major, day, 1));
  press_key (fixture, GDK_KEY_Left, 0);
  g_assert_cmpint (atlas_playhead_get_day (fixture->playhead), ==, day);
  press_key (fixture, GDK_KEY_Page_Up, 0);
  g_assert_cmpint (atlas_playhead_get_day (fixture->playhead), ==,
                   atlas_time_step_add (ticks.page, day, 1));
  press_key (fixture, GDK_KEY_Page_Down, 0);
  g_assert_cmpint (atlas_playhead_get_day (fixture->playhead), ==, day);

  press_key (fixture, GDK_KEY_Home, 0);
  g_assert_cmpint (atlas_playhead_get_day (fixture->playhead), ==, first);
  press_key (fixture, GDK_KEY_End, 0);
  g_assert_cmpint (atlas_playhead_get_day (fixture->playhead), ==, end - 1);

  /* + and − change the scale; zoomed in far enough, the step is a day. */
  span = atlas_time_scale_get_span (atlas_timeline_canvas_get_scale (fixture->canvas));
  press_key (fixture, GDK_KEY_plus, 0);
  g_assert_cmpfloat (atlas_time_scale_get_span (atlas_timeline_canvas_get_scale (fixture->canvas)),
                     <, span * 0.9);
  press_key (fixture, GDK_KEY_minus, 0);
  g_assert_cmpfloat_with_epsilon (
      atlas_time_scale_get_span (atlas_timeline_canvas_get_scale (fixture->canvas)), span,
      span * 1e-9);
  atlas_playhead_set_day (fixture->playhead, day);
  for (guint i = 0; i < 12; i++)
    press_key (fixture, GDK_KEY_equal, 0);
  atlas_timeline_canvas_get_ticks (fixture->canvas, &ticks);
  g_assert_cmpint (ticks.major.unit, ==, ATLAS_TIME_UNIT_DAY);
  press_key (fixture, GDK_KEY_Right, 0);
  g_assert_cmpint (atlas_playhead_get_day (fixture->playhead), ==,
                   day + (gint32) ticks.major.count);
  /* Zooming kept the playhead in view. */
  g_assert_cmpfloat (day_x (fixture, day), >=, 0);
  g_assert_cmpfloat (day_x (fixture, day), <=, gtk_widget_get_width (GTK_WIDGET (fixture->canvas)));
  press_key (fixture, GDK_KEY_0, 0);
  g_assert_cmpfloat_with_epsilon (
      atlas_time_scale_get_span (atlas_timeline_canvas_get_scale (fixture->canvas)), span,
      span * 1e-9);

  /* Space plays and pauses. */
  g_assert_false (atlas_playhead_get_playing (fixture->playhead));
  press_key (fixture, GDK_KEY_space, 0);
  g_assert_true (atlas_playhead_get_playing (fixture->playhead));
  press_key (fixture, GDK_KEY_space, 0);
  g_assert_false (atlas_playhead_get_playing (fixture->playhead));

  /* [ and ] put the range's ends at the playhead; Escape clears it. */
  atlas_playhead_set_day (fixture->playhead, day);
  press_key (fixture, GDK_KEY_bracketleft, 0);
  atlas_playhead_set_day (fixture->playhead, day + 30);
  press_key (fixture, GDK_KEY_bracketright, 0);
  {
    gint32 start, stop;

    g_assert_true (atlas_filter_get_date_range (fixture->filter, &start, &stop));
    g_assert_cmpint (start, ==, day);
    g_assert_cmpint (stop, ==, day + 31);
  }
  press_key (fixture, GDK_KEY_Escape, 0);
  g_assert_false (atlas_filter_get_date_range (fixture->filter, NULL, NULL));
}

static void
assert_range (Fixture *fixture,
              gint32   start,
              gint32   end)
{
  gint32 s, e;

  g_assert_true (atlas_filter_get_date_range (fixture->filter, &s, &e));
  g_assert_cmpint (s, ==, start);
  g_assert_cmpint (e, ==, end);
  g_assert_true (fixture->canvas->has_brush);
  g_assert_cmpint (fixture->canvas->brush_start, ==, start);
  g_assert_cmpint (fixture->canvas->brush_end, ==, end);
}

static void
test_brush (Fixture       *fixture,
            gconstpointer  data)
{
  gint32 april = atlas_date_from_civil (2021, 4, 1);
  gint32 may = atlas_date_from_civil (2021, 5, 1);
  gint32 june = atlas_date_from_civil (2021, 6, 1);
  double y = events_y (fixture);
  gint32 s, e, length;
  double strip = ATLAS_TIMELINE_BRUSH_HEIGHT / 2.0;

  /* Shift-drag over the events draws a range, snapped to the months ticked. */
  drag (fixture, day_x (fixture, april + 2), y, day_x (fixture, may - 1), y, GDK_SHIFT_MASK);
  assert_range (fixture, april, may);

  /* A plain drag in the strip along the top draws one too. */
  drag (fixture, day_x (fixture, may + 10), strip, day_x (fixture, june + 10), strip, 0);
  assert_range (fixture, may, june);

  /* Dragging inside it moves it, keeping its length. */
  length = june - may;
  drag (fixture, day_x (fixture, may + 15), strip, day_x (fixture, may + 15 + 61), strip, 0);
  g_assert_true (atlas_filter_get_date_range (fixture->filter, &s, &e));
  g_assert_cmpint (e - s, ==, length);
  g_assert_cmpint (s, ==, atlas_date_from_civil (2021, 7, 1));

  /* Its right edge resizes it. */
  drag (fixture, day_x (fixture, e), strip, day_x (fixture, atlas_date_from_civil (2021, 9, 1)),
        strip, 0);
  assert_range (fixture, s, atlas_date_from_civil (2021, 9, 1));

  /* Only events overlapping the range stay visible. */
  for (guint ev = 0; ev < atlas_dataset_get_n_events (fixture->dataset); ev++)
    {
      gboolean overlaps = atlas_dataset_get_event_start (fixture->dataset, ev) <
                              atlas_date_from_civil (2021, 9, 1) &&
                          atlas_dataset_get_event_end (fixture->dataset, ev) > s;

      g_assert_cmpint (atlas_filter_event_visible (fixture->filter, ev), ==, overlaps);
    }

  /* A double click outside clears it. */
  click (fixture, day_x (fixture, atlas_date_from_civil (2019, 6, 1)), y, 0, 5000);
  g_assert_true (atlas_filter_get_date_range (fixture->filter, NULL, NULL));
  click (fixture, day_x (fixture, atlas_date_from_civil (2019, 6, 1)), y, 0, 5100);
  g_assert_false (atlas_filter_get_date_range (fixture->filter, NULL, NULL));
  g_assert_false (fixture->canvas->has_brush);

  /* The range set elsewhere (the sidebar) shows on the timeline. */
  atlas_filter_set_date_range (fixture->filter, april, may);
  assert_range (fixture, april, may);
  atlas_filter_clear_date_range (fixture->filter);
  g_assert_false (fixture->canvas->has_brush);
}

/* Click without moving sets the playhead; a drag on empty space pans; a drag
 * on the dates scrubs. */
static void
test_pointer (Fixture       *fixture,
              gconstpointer  data)
{
  const AtlasTimeScale *scale = atlas_timeline_canvas_get_scale (fixture->canvas);
  /* Outside the bundled dataset's period, whose strip at the top brushes on a click. */
  double x = day_x (fixture, atlas_date_from_civil (2019, 10, 10) + 0.5);
  double axis = atlas_timeline_canvas_get_axis_y (fixture->canvas) + 10;
  double y = ATLAS_TIMELINE_BRUSH_HEIGHT + 4;
  double start = scale->start, dpp = scale->days_per_px;
  gint32 day;

  g_assert_cmpuint (atlas_timeline_canvas_event_at (fixture->canvas, x, y), ==, ATLAS_NONE);
  click (fixture, x, y, 0, 100);
  g_assert_cmpint (atlas_playhead_get_day (fixture->playhead), ==,
                   atlas_date_from_civil (2019, 10, 10));

  day = atlas_playhead_get_day (fixture->playhead);
  drag (fixture, x + 50, y, x + 150, y, 0);
  g_assert_cmpint (atlas_playhead_get_day (fixture->playhead), ==, day);
  g_assert_cmpfloat_with_epsilon (scale->start, start - 100 * dpp, 1e-6);

  x = day_x (fixture, atlas_date_from_civil (2020, 8, 1) + 0.5);
  atlas_timeline_canvas_pointer_press (fixture->canvas, x, axis, 0, 200);
  g_assert_cmpint (atlas_playhead_get_day (fixture->playhead), ==,
                   atlas_date_from_civil (2020, 8, 1));
  x = day_x (fixture, atlas_date_from_civil (2020, 9, 1) + 0.5);
  atlas_timeline_canvas_pointer_motion (fixture->canvas, x, axis);
  g_assert_cmpint (atlas_playhead_get_day (fixture->playhead), ==,
                   atlas_date_from_civil (2020, 9, 1));
  atlas_timeline_canvas_pointer_release (fixture->canvas, x, axis);
  g_assert_cmpint (atlas_playhead_get_day (fixture->playhead), ==,
                   atlas_date_from_civil (2020, 9, 1));
}

static void
test_playback (Fixture       *fixture,
               gconstpointer  data)
{
  gint32 first, end, day;
  double span = atlas_time_scale_get_span (atlas_timeline_canvas_get_scale (fixture->canvas));

  g_assert_true (atlas_dataset_get_date_range (fixture->dataset, &first, &end));

  /* Playing from the end starts over at the first day. */
  atlas_playhead_set_day (fixture->playhead, end - 1);
  atlas_playhead_set_speed (fixture->playhead, 2.0);
  atlas_playhead_set_playing (fixture->playhead, TRUE);
  g_assert_cmpint (atlas_playhead_get_day (fixture->playhead), ==, first);

  /* One second at 2× covers a tenth of the visible time. */
  atlas_timeline_advance (fixture->timeline, 1.0);
  day = atlas_playhead_get_day (fixture->playhead);
  g_assert_cmpint (abs (day - (first + (gint32) (span / 10.0))), <=, 1);

  /* Without looping it stops on the last day. */
  atlas_timeline_advance (fixture->timeline, 30.0);
  g_assert_cmpint (atlas_playhead_get_day (fixture->playhead), ==, end - 1);
  g_assert_false (atlas_playhead_get_playing (fixture->playhead));

  /* Looping, it wraps round. */
  atlas_playhead_set_loop (fixture->playhead, TRUE);
  atlas_playhead_set_playing (fixture->playhead, TRUE);
  atlas_timeline_advance (fixture->timeline, 30.0);
  g_assert_true (atlas_playhead_get_playing (fixture->playhead));
  g_assert_cmpint (atlas_playhead_get_day (fixture->playhead), ==, first);

  /* The frame clock drives it for real. */
  {
    Advance advance = { fixture->playhead, first };

    atlas_test_wait_until (playhead_moved_on, &advance, 10, "the frame clock to move the playhead");
  }

  /* Stopped, it stays through the next frames. */
  atlas_playhead_set_playing (fixture->playhead, FALSE);
  day = atlas_playhead_get_day (fixture->playhead);
  atlas_test_wait_frames (GTK_WIDGET (fixture->timeline), 5);
  g_assert_cmpint (atlas_playhead_get_day (fixture->playhead), ==, day);
}

/* The selection, from anywhere, is highlighted; a selected event brings the
 * playhead and the view to it. */
static void
test_selection (Fixture       *fixture,
                gconstpointer  data)
{
  guint n, location = atlas_dataset_event_locations (fixture->dataset, 5, &n)[0];
  const guint32 *events;
  gint32 start = atlas_dataset_get_event_start (fixture->dataset, 30), day;
  double x;

  /* Far out of view first. */
  atlas_timeline_canvas_zoom_at (fixture->canvas, 40, 0);
  g_assert_cmpfloat (day_x (fixture, start), >,
                     gtk_widget_get_width (GTK_WIDGET (fixture->canvas)));

  /* Selecting scrolls the event into view but never moves the playhead. */
  day = atlas_playhead_get_day (fixture->playhead);
  atlas_selection_select_event (fixture->selection, 30);
  g_assert_cmpint (atlas_playhead_get_day (fixture->playhead), ==, day);
  x = day_x (fixture, start);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (x, <=, gtk_widget_get_width (GTK_WIDGET (fixture->canvas)));
  g_assert_true (gtk_bitset_contains (fixture->canvas->highlight, 30));
  g_assert_cmpuint (gtk_bitset_get_size (fixture->canvas->highlight), ==, 1);

  atlas_selection_select_location (fixture->selection, location);
  events = atlas_dataset_location_events (fixture->dataset, location, &n);
  g_assert_cmpuint (gtk_bitset_get_size (fixture->canvas->highlight), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (gtk_bitset_contains (fixture->canvas->highlight, events[i]));

  atlas_selection_clear (fixture->selection);
  g_assert_true (gtk_bitset_is_empty (fixture->canvas->highlight));
}

/* Zoomed far out the bundled events no longer fit as glyphs: a histogram. */
static void
test_dense (Fixture       *fixture,
            gconstpointer  data)
{
  atlas_timeline_canvas_zoom (fixture->canvas, 1.0 / 40.0);
  g_assert_true (atlas_timeline_canvas_is_dense (fixture->canvas));
  g_assert_cmpuint (atlas_timeline_canvas_event_at (fixture->canvas, 600, events_y (fixture)), ==,
                    ATLAS_NONE);
  atlas_timeline_canvas_fit (fixture->canvas);
  g_assert_false (atlas_timeline_canvas_is_dense (fixture->canvas));
}

/* Another dataset replaces the first: the view fits its dates. */
static void
test_new_dataset (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(AtlasDataset) other = load_dataset ("data/two-ports.atlas.json");
  gint32 first, end;
  double x0, x1;

  atlas_timeline_canvas_zoom (fixture->canvas, 7);
  atlas_selection_set_dataset (fixture->selection, other);
  atlas_filter_set_dataset (fixture->filter, other);
  settle (fixture);

  g_assert_true (atlas_dataset_get_date_range (other, &first, &end));
  x0 = day_x (fixture, first);
  x1 = day_x (fixture, end);
  g_assert_cmpfloat (x0, >=, 0);
  g_assert_cmpfloat (x1, <=, gtk_widget_get_width (GTK_WIDGET (fixture->canvas)));
  g_assert_cmpfloat (x1 - x0, >, gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) * 0.8);
  g_assert_cmpuint (atlas_timeline_canvas_event_at (fixture->canvas, -10, -10), ==, ATLAS_NONE);

  /* Back to the first, so the tear-down finds it in use. */
  atlas_selection_set_dataset (fixture->selection, fixture->dataset);
  atlas_filter_set_dataset (fixture->filter, fixture->dataset);
  settle (fixture);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/timeline/widget/accessible", test_accessible);
  ADD ("/timeline/widget/hit-testing", test_hit_testing);
  ADD ("/timeline/widget/keyboard", test_keyboard);
  ADD ("/timeline/widget/brush", test_brush);
  ADD ("/timeline/widget/pointer", test_pointer);
  ADD ("/timeline/widget/playback", test_playback);
  ADD ("/timeline/widget/selection", test_selection);
  ADD ("/timeline/widget/dense", test_dense);
  ADD ("/timeline/widget/new-dataset", test_new_dataset);

  return g_test_run ();
}
