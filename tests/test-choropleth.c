/* test-choropleth.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The district choropleth of a window on the bundled dataset: the map control
 * "Colour Districts by Events" turns it on; each district's count is the number
 * of visible events at its places up to the playhead (worked out here from the
 * events themselves), it follows the playhead and the filters, and the fills
 * show on screen (warm pixels counted on a screenshot of the map, saved as
 * choropleth.png in the test's build directory).
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "atlas-application.h"
#include "atlas-window-private.h"
#include "io/atlas-export.h"
#include "map/atlas-map-controls.h"
#include "map/atlas-map-view-private.h"
#include "window-test-helpers.h"

/* The first widget of @type under @widget, with @tooltip if that is not NULL. */
static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *tooltip)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (tooltip == NULL || g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Visible events that started by @day, at each district's places. */
static guint *
expected_counts (AtlasWindow *window,
                 gint32       day)
{
  AtlasDataset *dataset = window->dataset;
  guint n_districts = atlas_dataset_get_n_districts (dataset);
  guint *counts = g_new0 (guint, MAX (n_districts, 1));
  GtkBitsetIter iter;
  guint event;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, atlas_filter_get_events (window->filter), &event); ok;
       ok = gtk_bitset_iter_next (&iter, &event))
    {
      guint n;
      const guint32 *locations = atlas_dataset_event_locations (dataset, event, &n);

      if (atlas_dataset_get_event_start (dataset, event) > day)
        continue;
      for (guint i = 0; i < n; i++)
        {
          gboolean seen = FALSE;
          guint district = atlas_dataset_get_location (dataset, locations[i])->district;

          for (guint j = 0; j < i; j++)
            seen |= locations[j] == locations[i];
          if (!seen && district < n_districts)
            counts[district]++;
        }
    }
  return counts;
}

/* Checks the layer against the events; returns the total count. */
static guint
check_counts (AtlasWindow    *window,
              AtlasAreaLayer *layer)
{
  gint32 day = atlas_playhead_get_day (window->playhead);
  g_autofree guint *expected = expected_counts (window, day);
  guint bounds[ATLAS_AREA_N_CLASSES], total = 0;

  atlas_area_layer_get_class_bounds (layer, bounds);
  for (guint d = 0; d < atlas_dataset_get_n_districts (window->dataset); d++)
    {
      guint count;
      guint klass = atlas_area_layer_get_district_class (layer, d, &count);

      g_assert_cmpuint (count, ==, expected[d]);
      if (count == 0 || (!atlas_filter_get_value (window->filter, ATLAS_FACET_DISTRICT, d) &&
                         atlas_filter_get_n_active_values (window->filter, ATLAS_FACET_DISTRICT) > 0))
        g_assert_cmpuint (klass, ==, 0);
      else
        {
          g_assert_cmpuint (klass, >=, 1);
          g_assert_cmpuint (count, >=, bounds[MAX (klass, 1) - 1]);
          if (klass < ATLAS_AREA_N_CLASSES)
            g_assert_cmpuint (count, <, bounds[klass]);
        }
      total += count;
    }
  return total;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   guint         *painted)
{
  (*painted)++;
}

/* Waits until the window has painted a few frames since now. */
static void
wait_for_frames (AtlasWindow *window,
                 guint        n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint painted = 0;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  while (painted < n && g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (GTK_WIDGET (window));
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, id);
  g_assert_cmpuint (painted, >=, n);
}

/* Pixels of the map in the choropleth's yellow to red, which the offline base
 * map does not use for areas. */
static guint
count_warm_pixels (AtlasWindow *window,
                   const char  *save_as)
{
  GtkWidget *widgets[] = { GTK_WIDGET (window->map_view) };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  int width, height;
  guint warm = 0;

  wait_for_frames (window, 3);
  png = atlas_export_png (widgets, 1, &error);
  g_assert_no_error (error);
  if (save_as != NULL)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_BUILT, save_as, NULL);

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
    }
  texture = gdk_texture_new_from_bytes (png, &error);
  g_assert_no_error (error);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);
  for (int i = 0; i < width * height; i++)
    {
      /* Cairo order in memory: B, G, R, A. */
      int b = pixels[i * 4], g = pixels[i * 4 + 1], r = pixels[i * 4 + 2];

      warm += r > 200 && r - b > 90 && g > 40;
    }
  return warm;
}

/* Activates the toggle as a click or the keyboard does (the button shows itself
 * pressed for a moment first) and waits for the layer to follow. */
static void
toggle_and_wait (GtkWidget      *toggle,
                 AtlasAreaLayer *layer)
{
  gboolean was = atlas_area_layer_get_choropleth (layer);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_widget_activate (toggle);
  while (atlas_area_layer_get_choropleth (layer) == was && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (atlas_area_layer_get_choropleth (layer) != was);
}

static void
test_choropleth (void)
{
  AtlasWindow *window = atlas_window_new (NULL);
  g_autoptr(GFile) bundled = atlas_application_get_bundled_dataset ();
  AtlasAreaLayer *layer = atlas_map_view_get_area_layer (window->map_view);
  GtkWidget *controls = find_descendant (GTK_WIDGET (window->map_view), ATLAS_TYPE_MAP_CONTROLS, NULL);
  /* Its accessible name is its tooltip. */
  GtkWidget *toggle = find_descendant (controls, GTK_TYPE_TOGGLE_BUTTON, "Colour Districts by Events");
  gint32 first, end;
  guint total_end, total_start, warm_off, warm_end, warm_start;

  g_assert_nonnull (toggle);
  /* The offline map only: no tiles arrive while the screenshots are taken. */
  atlas_map_view_set_base_map (window->map_view, ATLAS_BASE_MAP_OFFLINE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  gtk_window_present (GTK_WINDOW (window));
  atlas_window_open (window, bundled);
  atlas_test_wait_for_load (window);
  wait_for_frames (window, 5);
  g_assert_true (atlas_dataset_get_date_range (window->dataset, &first, &end));

  atlas_playhead_set_mode (window->playhead, ATLAS_PLAYHEAD_CUMULATIVE);
  atlas_playhead_set_day (window->playhead, end - 1);
  warm_off = count_warm_pixels (window, NULL);
  g_assert_false (atlas_area_layer_get_choropleth (layer));
  for (guint d = 0; d < atlas_dataset_get_n_districts (window->dataset); d++)
    g_assert_cmpuint (atlas_area_layer_get_district_class (layer, d, NULL), ==, 0);

  /* On, through the control, as a click does it. */
  toggle_and_wait (toggle, layer);
  total_end = check_counts (window, layer);
  g_assert_cmpuint (total_end, >, 0);
  warm_end = count_warm_pixels (window, "choropleth.png");

  /* Back to the first day: fewer events, smaller counts, fewer fills. */
  atlas_playhead_set_day (window->playhead, first);
  total_start = check_counts (window, layer);
  g_assert_cmpuint (total_start, <, total_end);
  warm_start = count_warm_pixels (window, NULL);
  g_test_message ("warm pixels: off %u, first day %u, last day %u", warm_off, warm_start, warm_end);
  g_assert_cmpuint (warm_end, >, warm_off + 2000);
  g_assert_cmpuint (warm_end, >, warm_start + 1000);

  /* A filter on one sector: only its events count. */
  atlas_playhead_set_day (window->playhead, end - 1);
  atlas_filter_set_value (window->filter, ATLAS_FACET_SECTOR, 0, TRUE);
  g_assert_cmpuint (check_counts (window, layer), <, total_end);
  /* And on one district: the others have no class. */
  atlas_filter_clear (window->filter);
  atlas_filter_set_value (window->filter, ATLAS_FACET_DISTRICT, 0, TRUE);
  check_counts (window, layer);
  for (guint d = 1; d < atlas_dataset_get_n_districts (window->dataset); d++)
    g_assert_cmpuint (atlas_area_layer_get_district_class (layer, d, NULL), ==, 0);

  toggle_and_wait (toggle, layer);
  atlas_test_close_window (window);
}

static void
test_class_bounds (void)
{
  ShumateViewport *viewport = shumate_viewport_new ();
  AtlasAreaLayer *layer = g_object_ref_sink (atlas_area_layer_new (viewport));
  guint bounds[ATLAS_AREA_N_CLASSES];
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  /* Small counts: 1, 2–4, 5–9, 10–19, 20 or more. */
  atlas_area_layer_get_class_bounds (layer, bounds);
  g_assert_cmpuint (bounds[0], ==, 1);
  g_assert_cmpuint (bounds[1], ==, 2);
  g_assert_cmpuint (bounds[4], ==, 20);
  first = atlas_area_layer_describe_class (layer, 1);
  last = atlas_area_layer_describe_class (layer, ATLAS_AREA_N_CLASSES);
  g_assert_cmpstr (first, ==, "1");
  g_assert_cmpstr (last, ==, "20 or more");

  g_object_unref (layer);
  g_object_unref (viewport);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/choropleth/class-bounds", test_class_bounds);
  g_test_add_func ("/choropleth/window", test_choropleth);

  return g_test_run ();
}
