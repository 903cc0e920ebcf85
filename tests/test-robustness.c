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
#include "io/atlas-loader-private.h"
#include "test-wait.h"
#include "window-test-helpers.h"

/*
 * Nothing a file, a tile server or the window manager does costs the user what is
 * on screen or freezes the window: tile servers that refuse or never answer,
 * reloading during playback, tiny and huge windows, hostile text, files too large.
 */

/* A tile server on the loopback that counts requests, and answers each at
 * once with 404 or holds it open and never answers. Its connections are
 * served on threads of their own: the app's HTTP client runs on this
 * thread's main loop. */
typedef struct
{
  GSocketService *service;
  guint16 port;
  gboolean answer;
  GCancellable *cancellable;  /* ends the reads of connections still open */
  GMutex lock;
  guint requests;
  char *url;            /* its tile URL template */
  char *first_request;  /* the first request for a tile */
  GPtrArray *held;
} TileServer;

static gboolean
on_tile_request (GThreadedSocketService *service,
                 GSocketConnection      *connection,
                 GObject                *source,
                 TileServer             *server)
{
  GInputStream *input = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  g_autoptr(GDataInputStream) lines = g_data_input_stream_new (input);
  g_autofree char *line = NULL;

  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (lines), FALSE);
  line = g_data_input_stream_read_line (lines, NULL, server->cancellable, NULL);
  g_mutex_lock (&server->lock);
  if (line != NULL)
    {
      server->requests++;
      /* (Not every request is for a tile: the HTTP client may ask for "/".) */
      if (server->first_request == NULL &&
          g_regex_match_simple ("^GET /[0-9]+/[0-9]+/[0-9]+\\.png HTTP/1\\.[01]$", g_strchomp (line), 0, 0))
        server->first_request = g_strdup (line);
    }
  if (!server->answer)
    g_ptr_array_add (server->held, g_object_ref (connection));
  g_mutex_unlock (&server->lock);

  if (server->answer)
    {
      const char *reply = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

      g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                                 reply, strlen (reply), NULL, NULL, NULL);
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
    }
  return TRUE;
}

static void
tile_server_start (TileServer *server,
                   gboolean    answer)
{
  g_autoptr(GError) error = NULL;

  memset (server, 0, sizeof *server);
  g_mutex_init (&server->lock);
  server->answer = answer;
  server->held = g_ptr_array_new_with_free_func (g_object_unref);
  server->cancellable = g_cancellable_new ();
  server->service = g_threaded_socket_service_new (8);
  server->port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (server->service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (server->service, "run", G_CALLBACK (on_tile_request), server);
  g_socket_service_start (server->service);
  server->url = g_strdup_printf ("http://127.0.0.1:%u/{z}/{x}/{y}.png", server->port);
}

static void
tile_server_stop (TileServer *server)
{
  g_socket_service_stop (server->service);
  g_socket_listener_close (G_SOCKET_LISTENER (server->service));
  g_cancellable_cancel (server->cancellable);
  g_mutex_lock (&server->lock);
  for (guint i = 0; i < server->held->len; i++)
    g_io_stream_close (g_ptr_array_index (server->held, i), NULL, NULL);
  g_mutex_unlock (&server->lock);
  g_clear_object (&server->service);
  g_clear_object (&server->cancellable);
  g_clear_pointer (&server->held, g_ptr_array_unref);
  g_clear_pointer (&server->first_request, g_free);
  g_clear_pointer (&server->url, g_free);
}

/* True once a request for a tile, in the URL's pattern, has arrived. */
static gboolean
tile_requested (TileServer *server)
{
  gboolean requested;

  g_mutex_lock (&server->lock);
  requested = server->first_request != NULL;
  g_mutex_unlock (&server->lock);
  return requested;
}

typedef struct
{
  ShumateViewport *viewport;
  TileServer *server;   /* (nullable) */
  guint ticks;
  gint64 last;
  gint64 longest;
} Exercise;

/* Every 20 ms (or as soon as the main loop turns again): how long since the
 * last turn, and a new zoom and centre, so that the map asks for new tiles. */
static gboolean
on_exercise_tick (gpointer data)
{
  Exercise *exercise = data;
  gint64 now = g_get_monotonic_time ();
  guint step = ++exercise->ticks;

  if (exercise->last != 0)
    exercise->longest = MAX (exercise->longest, now - exercise->last);
  exercise->last = now;
  shumate_viewport_set_zoom_level (exercise->viewport, 6 + step % 8);
  shumate_location_set_location (SHUMATE_LOCATION (exercise->viewport), 29 + step % 3 * 0.3, 106);
  return G_SOURCE_CONTINUE;
}

static gboolean
exercise_done (gpointer data)
{
  Exercise *exercise = data;

  return exercise->ticks >= 20 && (exercise->server == NULL || tile_requested (exercise->server));
}

/* Zooms and pans the map through 20 views (and, with @server, until that
 * has been asked for a tile), and returns the longest time the main loop
 * did not turn, in ms. */
static double
exercise_map (AtlasWindow *window,
              TileServer  *server)
{
  Exercise exercise = {
    .viewport = shumate_map_get_viewport (atlas_map_view_get_map (window->map_view)),
    .server = server,
  };
  guint id = g_timeout_add (20, on_exercise_tick, &exercise);

  atlas_test_wait_until (exercise_done, &exercise, 30,
                         server != NULL ? "20 views of the map and a tile requested from the test's server"
                                        : "20 views of the map");
  g_source_remove (id);
  return exercise.longest / 1000.0;
}

/* The longest the main loop may stall while tiles fail, in ms: a connection
 * waited for on the main thread would block it for the HTTP client's timeout,
 * tens of seconds; a map redraw on a busy machine takes up to about 1.3 s. */
#define MAX_STALL_MS (3000 * atlas_test_slowdown ())

static void
test_tile_servers (void)
{
  /* The suite's memory backend: the window's own settings read the same keys. */
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  TileServer server;
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
  url = g_strdup_printf ("http://127.0.0.1:%u/{z}/{x}/{y}.png", port);
  g_settings_set_string (settings, "tile-url", url);
  window = atlas_test_open_window (NULL);
  atlas_map_view_set_base_map (window->map_view, ATLAS_BASE_MAP_OPENSTREETMAP);
  longest = exercise_map (window, NULL);
  g_test_message ("closed port: the main loop waited at most %.0f ms", longest);
  g_assert_cmpfloat (longest, <, MAX_STALL_MS);
  g_assert_nonnull (atlas_window_get_dataset (window));
  atlas_test_destroy_window (window);

  /* A server that refuses every tile at once, then one that accepts and
   * never answers: both are asked for tiles, and neither freezes the map. */
  for (guint silent = 0; silent < 2; silent++)
    {
      tile_server_start (&server, !silent);
      g_settings_set_string (settings, "tile-url", server.url);
      window = atlas_test_open_window (NULL);
      atlas_map_view_set_base_map (window->map_view, ATLAS_BASE_MAP_OPENSTREETMAP);
      longest = exercise_map (window, &server);
      g_test_message ("%s server: %u requests (the first for a tile “%s”), the main loop waited at most %.0f ms",
                      silent ? "silent" : "refusing", server.requests, server.first_request, longest);
      g_assert_cmpfloat (longest, <, MAX_STALL_MS);
      g_assert_nonnull (atlas_window_get_dataset (window));
      /* The map asked the tile server of the setting, not openstreetmap.org. */
      g_assert_cmpuint (server.requests, >, 0);
      atlas_test_destroy_window (window);
      tile_server_stop (&server);
    }
  g_settings_reset (settings, "tile-url");
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

typedef struct
{
  AtlasPlayhead *playhead;
  gint32 from;
} Advance;

static gboolean
playhead_moved_on (gpointer data)
{
  Advance *advance = data;

  return atlas_playhead_get_day (advance->playhead) != advance->from;
}

/* Fails unless the playhead is playing and moves on from where it is now
 * (forwards, or back to the start when it loops). */
static void
assert_playing_on (AtlasPlayhead *playhead,
                   const char    *what)
{
  Advance advance = { playhead, atlas_playhead_get_day (playhead) };

  if (!atlas_playhead_get_playing (playhead))
    g_error ("the playhead stopped playing, before %s", what);
  atlas_test_wait_until (playhead_moved_on, &advance, 10, what);
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

  /* Looping, so that it never stops at the end however slow the machine. */
  atlas_playhead_set_loop (playhead, TRUE);
  atlas_playhead_set_day (playhead, atlas_date_from_civil (2019, 1, 1));
  atlas_playhead_set_playing (playhead, TRUE);
  assert_playing_on (playhead, "the playhead to advance while playing");

  g_file_set_contents (path, "{\"atlas\":1,\"title\":\"Second\",\"sources\":[{\"id\":\"s\",\"title\":\"S\",\"publisher\":\"P\","
                       "\"date\":\"2020\"}],\"sectors\":[],\"locations\":[{\"id\":\"p\",\"name\":\"P\",\"kind\":\"port\","
                       "\"sectors\":[],\"point\":[106.5,29.5]}],\"events\":[{\"id\":\"e1\",\"date\":\"2019\",\"title\":\"T\","
                       "\"location\":\"p\",\"sectors\":[],\"source\":\"s\"},{\"id\":\"e2\",\"date\":\"2021-04\","
                       "\"title\":\"U\",\"location\":\"p\",\"sectors\":[],\"source\":\"s\"}]}", -1, NULL);
  atlas_window_reload (window);
  atlas_test_wait_for_load (window);
  g_assert_cmpstr (atlas_dataset_get_title (atlas_window_get_dataset (window)), ==, "Second");
  /* The time window survives the reload (the day may have moved on since),
   * and the playback goes on from there. */
  g_assert_cmpint (atlas_playhead_get_day (playhead), >=, atlas_date_from_civil (2019, 1, 1));
  assert_playing_on (playhead, "the playhead to go on advancing after the reload");

  /* Broken now: the data on screen stays, with a message, and still plays. */
  before = atlas_window_get_dataset (window);
  g_file_set_contents (path, "{\"atlas\":1,", -1, NULL);
  atlas_window_reload (window);
  atlas_test_wait_for_load (window);
  g_assert_true (atlas_window_get_dataset (window) == before);
  g_assert_nonnull (strstr (atlas_window_get_message (window), "changed on disk and cannot be opened now"));
  assert_playing_on (playhead, "the playhead to go on advancing after a failed reload");

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

static const char *hostile_title = "<b>bold</b> &amp; <span foreground='red'>%s %n %x</span>";

static gboolean
details_show_title (gpointer window)
{
  return find_label_text (GTK_WIDGET (((AtlasWindow *) window)->details), hostile_title);
}

/* Markup and format directives in a dataset are shown as the text they are. */
static void
test_hostile_text (void)
{
  const char *title = hostile_title;
  g_autofree char *escaped = g_strescape (title, NULL);
  g_autofree char *path = write_dataset (escaped);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AtlasWindow *window = atlas_test_open_window (file);
  AtlasDataset *dataset = atlas_window_get_dataset (window);

  g_assert_nonnull (dataset);
  g_assert_cmpstr (atlas_dataset_get_title (dataset), ==, title);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);

  atlas_selection_select_event (atlas_window_get_selection (window), atlas_dataset_find_event (dataset, "e1"));
  atlas_test_wait_until (details_show_title, window, 10, "the details panel to show the title as plain text");

  atlas_test_destroy_window (window);
  g_unlink (path);
}

typedef struct
{
  GtkWidget *window;
  int width;
  int height;
} Size;

/* True once the window is as wide as asked (its surface, frame of
 * client-side decorations included); asked for less than its minimum, once
 * it has shrunk to that minimum (under 500 px); asked for more than the
 * screen (1440 px under the suite's Xvfb), once it is wider than the screen
 * less a margin. Heights follow the widths' layout and are left out. */
static gboolean
has_size (gpointer data)
{
  Size *size = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (size->window));
  int width = surface != NULL ? gdk_surface_get_width (surface) : 0;

  if (size->width > 1400)
    return width > 1400;
  return size->width >= 500 ? width == size->width : width > 0 && width <= 500;
}

static void
resize_and_wait (AtlasWindow *window,
                 int          width,
                 int          height)
{
  Size size = { GTK_WIDGET (window), width, height };
  g_autofree char *what = g_strdup_printf ("the window to take the size %d×%d (or its minimum)", width, height);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  atlas_test_wait_until (has_size, &size, 10, what);
}

static gboolean
map_has_whole_width (gpointer data)
{
  AtlasWindow *window = data;

  return gtk_widget_get_width (GTK_WIDGET (window->map_view)) ==
         gtk_widget_get_width (GTK_WIDGET (window->vertical_paned));
}

/* (Each panel is at least 300 px wide.) */
static gboolean
map_between_panels (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (((AtlasWindow *) data)->map_view)) < 1280 - 2 * 300;
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
  /* (The folding animates: the map takes the whole width at its end.) */
  atlas_test_wait_until (map_has_whole_width, window, 10, "the map to take the whole width of a narrow window");

  atlas_selection_select_location (window->selection, 0);
  g_assert_true (adw_flap_get_reveal_flap (window->details_flap));

  /* Wide again: the panels come back beside the map. */
  resize_and_wait (window, 1280, 820);
  g_assert_false (adw_flap_get_folded (window->details_flap));
  g_assert_true (adw_flap_get_reveal_flap (window->flap));
  g_assert_true (adw_flap_get_reveal_flap (window->details_flap));
  atlas_test_wait_until (map_between_panels, window, 10, "the map to narrow between the two panels again");

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
  /* A sparse file: 5 GiB long, over the limit of 4 GiB, no disk used. */
  g_assert_cmpint (ftruncate (fd, (goffset) 5 * 1024 * 1024 * 1024), ==, 0);
  close (fd);
  file = g_file_new_for_path (path);

  atlas_window_open (window, file);
  atlas_test_wait_for_load (window);
  g_assert_true (atlas_window_get_dataset (window) == before);
  g_assert_nonnull (strstr (atlas_window_get_message (window), "more than the limit of 4.0\xc2\xa0GiB"));
  g_unlink (path);

  /* More memory than the machine has free. */
  atlas_loader_set_available_memory (1000);
  g_free (path);
  path = write_dataset ("Small");
  g_clear_object (&file);
  file = g_file_new_for_path (path);
  atlas_window_open (window, file);
  atlas_test_wait_for_load (window);
  atlas_loader_set_available_memory (0);
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
