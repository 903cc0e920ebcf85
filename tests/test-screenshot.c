/* test-screenshot.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "atlas-application.h"
#include "io/atlas-export.h"
#include "atlas-window-private.h"
#include "map/atlas-map-view-private.h"
#include "window-test-helpers.h"

/*
 * The whole window on the bundled dataset, offline, with Guoyuan Port selected,
 * rendered to window.png in the test's build folder (the README's screenshot is
 * made this way). It checks what a person would notice first: that the map, the
 * timeline, the list and the details all show something.
 */

static gboolean
details_shown (gpointer window)
{
  GtkWidget *details = GTK_WIDGET (((AtlasWindow *) window)->details);

  return gtk_widget_get_mapped (details) && gtk_widget_get_width (details) > 0;
}

/* The mean brightness (0–255) of a region. */
static double
brightness (GdkPixbuf *pixbuf,
            int        x0,
            int        y0,
            int        width,
            int        height)
{
  const guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  double sum = 0;
  guint n = 0;

  for (int y = y0; y < y0 + height; y++)
    for (int x = x0; x < x0 + width; x++)
      {
        const guint8 *p = pixels + y * stride + x * channels;

        sum += (p[0] + p[1] + p[2]) / 3.0;
        n++;
      }
  return sum / MAX (n, 1);
}

/* How many distinct colours (quantized) a region of the picture has. */
static guint
colourfulness (GdkPixbuf *pixbuf,
               int        x0,
               int        y0,
               int        width,
               int        height)
{
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  const guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);

  for (int y = y0; y < y0 + height; y += 2)
    for (int x = x0; x < x0 + width; x += 2)
      {
        const guint8 *p = pixels + y * stride + x * channels;
        guint key = (p[0] >> 4) << 8 | (p[1] >> 4) << 4 | (p[2] >> 4);

        g_hash_table_add (colours, GUINT_TO_POINTER (key + 1));
      }
  return g_hash_table_size (colours);
}

static void
test_window_screenshot (void)
{
  AtlasWindow *window = atlas_window_new (NULL);
  g_autoptr(GFile) bundled = atlas_application_get_bundled_dataset ();
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "window.png", NULL);
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  GtkWidget *widgets[1] = { content };
  graphene_rect_t bounds;
  int map_x, map_y, list_y, details_x;

  atlas_map_view_set_base_map (window->map_view, ATLAS_BASE_MAP_OFFLINE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  gtk_window_present (GTK_WINDOW (window));
  atlas_window_open (window, bundled);
  atlas_test_wait_for_load (window);
  atlas_test_wait_until_still (atlas_map_view_get_map (window->map_view));

  atlas_selection_select_location (atlas_window_get_selection (window),
                                   atlas_dataset_find_location (atlas_window_get_dataset (window), "guoyuan-port"));
  atlas_test_wait_until (details_shown, window, 10, "the details panel to show the selected port");
  atlas_test_wait_until_still (atlas_map_view_get_map (window->map_view));

  png = atlas_export_png (widgets, 1, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
  g_test_message ("wrote %s", path);

  stream = g_memory_input_stream_new_from_bytes (png);
  pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, gtk_widget_get_width (content));

  /* The map is a map (rivers, boundaries, areas, places), not a flat colour. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (window->map_view), content, &bounds));
  map_x = (int) bounds.origin.x;
  map_y = (int) bounds.origin.y;
  g_assert_cmpuint (colourfulness (pixbuf, map_x + 20, map_y + 20, (int) bounds.size.width - 120,
                                   (int) bounds.size.height - 60), >, 40);

  /* The details show the selected port: text on the panel. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (window->details), content, &bounds));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->details)));
  details_x = (int) bounds.origin.x;
  g_assert_cmpuint (colourfulness (pixbuf, details_x + 10, (int) bounds.origin.y + 10, (int) bounds.size.width - 20,
                                   MIN (200, (int) bounds.size.height - 20)), >, 4);

  /* The timeline draws events in sector colours. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (window->timeline), content, &bounds));
  g_assert_cmpuint (colourfulness (pixbuf, (int) bounds.origin.x, (int) bounds.origin.y, (int) bounds.size.width,
                                   (int) bounds.size.height), >, 20);

  /* In the light style, panels are light: the export paints the window's
   * background under the widgets. */
  g_assert_cmpfloat (brightness (pixbuf, (int) bounds.origin.x, (int) bounds.origin.y, (int) bounds.size.width,
                                 (int) bounds.size.height), >, 160);

  /* The list has rows. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (window->event_list), content, &bounds));
  list_y = (int) bounds.origin.y;
  g_assert_cmpuint (colourfulness (pixbuf, (int) bounds.origin.x, list_y, (int) bounds.size.width,
                                   MIN (100, (int) bounds.size.height)), >, 8);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/screenshot/window", test_window_screenshot);

  return g_test_run ();
}
