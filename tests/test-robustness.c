/* test-robustness.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "atlas-window-private.h"
#include "map/atlas-map-view-private.h"
#include "io/atlas-loader.h"
#include "window-test-helpers.h"

/*
 * Nothing a file, a tile server or the window manager does costs the user what is
 * on screen or freezes the window: tile servers that refuse or never answer,
 * reloading during playback, tiny and huge windows, hostile text, files too large.
 */

typedef struct
{
  gint64 last;
  gint64 longest;
} Ticks;

static gboolean
on_tick (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();

  if (ticks->last != 0)
    ticks->longest = MAX (ticks->longest, now - ticks->last);
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop for a while, zooming and panning the map so that it asks
 * for tiles, and returns the longest time the loop did not turn, in ms. */
static double
exercise_map (AtlasWindow *window,
              guint        ms)
{
  Ticks ticks = { 0 };
  guint id = g_timeout_add (20, on_tick, &ticks);
  gint64 end = g_get_monotonic_time () + ms * 1000;
  ShumateViewport *viewport = shumate_map_get_viewport (atlas_map_view_get_map (window->map_view));
  guint step = 0;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      if (++step % 2000 == 0)
        {
          shumate_viewport_set_zoom_level (viewport, 6 + (step / 2000) % 8);
          shumate_location_set_location (SHUMATE_LOCATION (viewport), 29 + (step / 2000) % 3 * 0.3, 106);
        }
      g_usleep (500);
    }
  g_source_remove (id);
  return ticks.longest / 1000.0;
}

static void
on_incoming_hold (GSocketService     *service,
                  GSocketConnection  *connection,
                  GObject            *source,
                  GPtrArray          *held)
{
  /* Accept, read nothing, answer nothing: a server that hangs. */
  g_ptr_array_add (held, g_object_ref (connection));
}

static void
test_tile_servers (void)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  AtlasWindow *window;
  guint16 port;
  double longest;

  /* A closed port: connections are refused at once. */
  {
    g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, &error);
    g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
    g_autoptr(GSocketAddress) bound = NULL;

    g_assert_no_error (error);
    g_socket_bind (socket, any, TRUE, &error);
    g_assert_no_error (error);
    bound = g_socket_get_local_address (socket, &error);
    port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
    g_socket_close (socket, NULL);
  }
  url = g_strdup_printf ("http://127.0.0.1:%u/#Z#/#X#/#Y#.png", port);
  window = atlas_test_open_window (NULL);
  atlas_map_view_set_tile_url (window->map_view, url);
  atlas_map_view_set_base_map (window->map_view, ATLAS_BASE_MAP_OPENSTREETMAP);
  longest = exercise_map (window, 2000);
  g_test_message ("closed port: the main loop waited at most %.0f ms", longest);
  g_assert_cmpfloat (longest, <, 1000);
  g_assert_nonnull (atlas_window_get_dataset (window));
  atlas_test_destroy_window (window);

  /* A server that accepts and never answers. */
  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (on_incoming_hold), held);
  g_socket_service_start (service);
  g_free (url);
  url = g_strdup_printf ("http://127.0.0.1:%u/#Z#/#X#/#Y#.png", port);
  window = atlas_test_open_window (NULL);
  atlas_map_view_set_tile_url (window->map_view, url);
  atlas_map_view_set_base_map (window->map_view, ATLAS_BASE_MAP_OPENSTREETMAP);
  longest = exercise_map (window, 3000);
  g_test_message ("silent server: %u connections held, the main loop waited at most %.0f ms", held->len, longest);
  g_assert_cmpuint (held->len, >, 0);
  g_assert_cmpfloat (longest, <, 1000);
  atlas_test_destroy_window (window);

  g_socket_service_stop (service);
}

static char *
write_dataset (const char *title)
{
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  int fd = g_file_open_tmp ("robust-XXXXXX.json", &path, &error);

  g_assert_no_error (error);
  close (fd);
  json = g_strdup_printf ("{\"atlas\":1,\"title\":\"%s\",\"sources\":[{\"id\":\"s\",\"title\":\"%s\",\"publisher\":\"P\","
                          "\"date\":\"2020\"}],\"sectors\":[{\"id\":\"x\",\"name\":\"%s\",\"color\":\"#c01c28\"}],"
                          "\"locations\":[{\"id\":\"p\",\"name\":\"%s\",\"kind\":\"port\",\"sectors\":[\"x\"],"
                          "\"point\":[106.5,29.5]}],\"events\":[{\"id\":\"e1\",\"date\":\"2019\",\"title\":\"%s\","
                          "\"location\":\"p\",\"sectors\":[\"x\"],\"source\":\"s\",\"description\":\"%s\"},"
                          "{\"id\":\"e2\",\"date\":\"2021-04\",\"title\":\"Later\",\"location\":\"p\",\"sectors\":[],"
                          "\"source\":\"s\"}]}", title, title, title, title, title, title);
  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* A file that changes while the time plays: the new data replaces the old, the
 * playback goes on, nothing is lost when the new version is broken. */
static void
test_reload_during_playback (void)
{
  g_autofree char *path = write_dataset ("First");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AtlasWindow *window = atlas_test_open_window (file);
  AtlasPlayhead *playhead = atlas_window_get_playhead (window);
  AtlasDataset *before;
  gint64 end;

  atlas_playhead_set_day (playhead, atlas_date_from_civil (2019, 1, 1));
  atlas_playhead_set_playing (playhead, TRUE);
  for (end = g_get_monotonic_time () + 300000; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);

  g_file_set_contents (path, "{\"atlas\":1,\"title\":\"Second\",\"sources\":[{\"id\":\"s\",\"title\":\"S\",\"publisher\":\"P\","
                       "\"date\":\"2020\"}],\"sectors\":[],\"locations\":[{\"id\":\"p\",\"name\":\"P\",\"kind\":\"port\","
                       "\"sectors\":[],\"point\":[106.5,29.5]}],\"events\":[{\"id\":\"e1\",\"date\":\"2020\",\"title\":\"T\","
                       "\"location\":\"p\",\"sectors\":[],\"source\":\"s\"}]}", -1, NULL);
  atlas_window_reload (window);
  atlas_test_wait_for_load (window);
  g_assert_cmpstr (atlas_dataset_get_title (atlas_window_get_dataset (window)), ==, "Second");
  /* The time window survives the reload (the day may have moved on since). */
  g_assert_cmpint (atlas_playhead_get_day (playhead), >=, atlas_date_from_civil (2019, 1, 1));

  /* Broken now: the data on screen stays, with a message. */
  before = atlas_window_get_dataset (window);
  g_file_set_contents (path, "{\"atlas\":1,", -1, NULL);
  atlas_window_reload (window);
  atlas_test_wait_for_load (window);
  g_assert_true (atlas_window_get_dataset (window) == before);
  g_assert_nonnull (strstr (atlas_window_get_message (window), "changed on disk and cannot be opened now"));

  atlas_playhead_set_playing (playhead, FALSE);
  atlas_test_destroy_window (window);
  g_unlink (path);
}

static gboolean
find_label_text (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label_text (child, text))
      return TRUE;
  return FALSE;
}

/* Markup and format directives in a dataset are shown as the text they are. */
static void
test_hostile_text (void)
{
  const char *title = "<b>bold</b> &amp; <span foreground='red'>%s %n %x</span>";
  g_autofree char *escaped = g_strescape (title, NULL);
  g_autofree char *path = write_dataset (escaped);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AtlasWindow *window = atlas_test_open_window (file);
  AtlasDataset *dataset = atlas_window_get_dataset (window);

  g_assert_nonnull (dataset);
  g_assert_cmpstr (atlas_dataset_get_title (dataset), ==, title);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);

  atlas_selection_select_event (atlas_window_get_selection (window), atlas_dataset_find_event (dataset, "e1"));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (find_label_text (GTK_WIDGET (window->details), title));

  atlas_test_destroy_window (window);
  g_unlink (path);
}

/* The smallest window the app allows, then a very large one. */
static void
resize_and_wait (AtlasWindow *window,
                 int          width,
                 int          height)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  for (gint64 end = g_get_monotonic_time () + 300000; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
}

/* No size loses the dataset; a narrow window folds both panels away and gives
 * the map the whole width, and a selection brings the details back over it. */
static void
test_window_sizes (void)
{
  AtlasWindow *window = atlas_test_open_window (NULL);
  const int sizes[][2] = { { 1, 1 }, { 500, 400 }, { 3800, 2400 }, { 1280, 820 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      resize_and_wait (window, sizes[i][0], sizes[i][1]);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, 360);
      g_assert_nonnull (atlas_window_get_dataset (window));
    }

  /* Wide: both panels beside the map. */
  g_assert_false (adw_flap_get_folded (window->flap));
  g_assert_false (adw_flap_get_folded (window->details_flap));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->details)));

  /* As narrow as GNOME asks apps to go, with GNOME's window buttons (only a
   * close button; Xvfb's default adds two more). */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  resize_and_wait (window, 360, 600);
  /* (The window's own width leaves out the frame of client-side decorations.) */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  g_assert_true (adw_flap_get_folded (window->flap));
  g_assert_true (adw_flap_get_folded (window->details_flap));
  g_assert_false (adw_flap_get_reveal_flap (window->flap));
  g_assert_false (adw_flap_get_reveal_flap (window->details_flap));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->map_view)), ==,
                   gtk_widget_get_width (GTK_WIDGET (window->vertical_paned)));

  atlas_selection_select_location (window->selection, 0);
  g_assert_true (adw_flap_get_reveal_flap (window->details_flap));

  /* Wide again: the panels come back beside the map. */
  resize_and_wait (window, 1280, 820);
  g_assert_false (adw_flap_get_folded (window->details_flap));
  g_assert_true (adw_flap_get_reveal_flap (window->flap));
  g_assert_true (adw_flap_get_reveal_flap (window->details_flap));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->map_view)), <, 1280 - 2 * 300);

  atlas_test_destroy_window (window);
}

/* Files beyond the limits are refused before reading, and the view stays. */
static void
test_too_large (void)
{
  AtlasWindow *window = atlas_test_open_window (NULL);
  AtlasDataset *before = atlas_window_get_dataset (window);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int fd = g_file_open_tmp ("huge-XXXXXX.json", &path, &error);

  g_assert_no_error (error);
  /* A sparse file: 3 GB long, no disk used. */
  g_assert_cmpint (ftruncate (fd, (goffset) 3 * 1024 * 1024 * 1024), ==, 0);
  close (fd);
  file = g_file_new_for_path (path);

  atlas_window_open (window, file);
  atlas_test_wait_for_load (window);
  g_assert_true (atlas_window_get_dataset (window) == before);
  g_assert_nonnull (strstr (atlas_window_get_message (window), "more than the limit of 2 GB"));
  g_unlink (path);

  /* More memory than the machine has free. */
  g_setenv ("CHENGYU_ATLAS_AVAILABLE_MEMORY", "1000", TRUE);
  g_free (path);
  path = write_dataset ("Small");
  g_clear_object (&file);
  file = g_file_new_for_path (path);
  atlas_window_open (window, file);
  atlas_test_wait_for_load (window);
  g_unsetenv ("CHENGYU_ATLAS_AVAILABLE_MEMORY");
  g_assert_true (atlas_window_get_dataset (window) == before);
  g_assert_nonnull (strstr (atlas_window_get_message (window), "more than is free"));
  g_unlink (path);

  atlas_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/robustness/tile-servers", test_tile_servers);
  g_test_add_func ("/robustness/reload-during-playback", test_reload_during_playback);
  g_test_add_func ("/robustness/hostile-text", test_hostile_text);
  g_test_add_func ("/robustness/window-sizes", test_window_sizes);
  g_test_add_func ("/robustness/too-large", test_too_large);

  return g_test_run ();
}
