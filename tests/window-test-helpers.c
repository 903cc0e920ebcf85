/* window-test-helpers.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "atlas-application.h"
#include "test-wait.h"
#include "window-test-helpers.h"

/*
 * What every test of the whole window does: open a dataset and wait for it,
 * and close the window and check that nothing kept it alive.
 */

/* Runs what is pending now, but not for ever: while an animation runs (a
 * playing timeline asks for every frame, and a frame under Xvfb on a busy
 * machine can take half a second), something is always pending. So it stops
 * after 2 s of it; what a test needs after that, it waits for by name. */
static void
drain (void)
{
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (g_main_context_pending (NULL) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
is_loaded (gpointer window)
{
  return !atlas_window_is_loading (window);
}

/**
 * atlas_test_wait_for_load:
 *
 * Runs the main loop until @window has finished loading, failing the test if
 * that takes more than 30 s, then until nothing is pending.
 */
void
atlas_test_wait_for_load (AtlasWindow *window)
{
  drain ();
  atlas_test_wait_until (is_loaded, window, 30, "the window to finish loading its dataset");
  drain ();
}

/**
 * atlas_test_open_window:
 * @file: (nullable): the dataset, or %NULL for the bundled one
 *
 * Returns: (transfer none): a new window, shown, with @file loaded (or its
 *   error shown)
 */
AtlasWindow *
atlas_test_open_window (GFile *file)
{
  AtlasWindow *window = atlas_window_new (NULL);
  g_autoptr(GFile) bundled = atlas_application_get_bundled_dataset ();

  gtk_window_present (GTK_WINDOW (window));
  atlas_window_open (window, file != NULL ? file : bundled);
  atlas_test_wait_for_load (window);
  return window;
}

static gboolean
is_cleared (gpointer pointer)
{
  return *(gpointer *) pointer == NULL;
}

/**
 * atlas_test_wait_for_finalize:
 * @pointer: a weak pointer to an object (g_object_add_weak_pointer())
 * @what: what is waited for, for the message of a failure
 *
 * Runs the main loop until the object is finalized, failing the test after
 * 10 s.
 */
void
atlas_test_wait_for_finalize (gpointer    pointer,
                              const char *what)
{
  atlas_test_wait_until (is_cleared, pointer, 10, what);
}

/* @window is the weak pointer, cleared when the window is finalized. */
static void
wait_for_finalize (AtlasWindow **window)
{
  atlas_test_wait_for_finalize (window, "the closed window to be finalized (something keeps it alive)");
}

/**
 * atlas_test_close_window:
 *
 * Closes @window as its close button does, so that it saves its state, and
 * checks that it is finalized.
 */
void
atlas_test_close_window (AtlasWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  wait_for_finalize (&window);
}

/**
 * atlas_test_destroy_window:
 *
 * Destroys @window without asking it, and checks that it is finalized.
 */
void
atlas_test_destroy_window (AtlasWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_finalize (&window);
}

typedef struct
{
  ShumateViewport *viewport;
  double zoom, latitude, longitude;
  guint still_frames;
} Stillness;

static gboolean
on_stillness_tick (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       data)
{
  Stillness *stillness = data;
  double zoom = shumate_viewport_get_zoom_level (stillness->viewport);
  double latitude = shumate_location_get_latitude (SHUMATE_LOCATION (stillness->viewport));
  double longitude = shumate_location_get_longitude (SHUMATE_LOCATION (stillness->viewport));

  if (zoom == stillness->zoom && latitude == stillness->latitude && longitude == stillness->longitude)
    stillness->still_frames++;
  else
    stillness->still_frames = 0;
  stillness->zoom = zoom;
  stillness->latitude = latitude;
  stillness->longitude = longitude;
  return G_SOURCE_CONTINUE;
}

static gboolean
is_still (gpointer data)
{
  return ((Stillness *) data)->still_frames >= 5;
}

/**
 * atlas_test_wait_until_still:
 * @map: the #ShumateMap
 *
 * Runs the main loop until the map's view has not moved for five frames
 * (its animations have ended), failing the test after 20 s.
 */
void
atlas_test_wait_until_still (ShumateMap *map)
{
  Stillness stillness = { shumate_map_get_viewport (map), -1, -1000, -1000, 0 };
  guint id = gtk_widget_add_tick_callback (GTK_WIDGET (map), on_stillness_tick, &stillness, NULL);

  atlas_test_wait_until (is_still, &stillness, 20, "the map to stop moving (five frames alike)");
  gtk_widget_remove_tick_callback (GTK_WIDGET (map), id);
}

static gboolean
on_frame_counted (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  ((guint *) data)[0]++;
  return G_SOURCE_CONTINUE;
}

static gboolean
frames_done (gpointer data)
{
  guint *frames = data;

  return frames[0] >= frames[1];
}

/**
 * atlas_test_wait_frames:
 *
 * Runs the main loop through @n frames of @widget's frame clock, failing the
 * test after 10 s.
 */
void
atlas_test_wait_frames (GtkWidget *widget,
                        guint      n)
{
  guint frames[2] = { 0, n };
  guint id = gtk_widget_add_tick_callback (widget, on_frame_counted, frames, NULL);

  atlas_test_wait_until (frames_done, frames, 10, "frames to be drawn");
  gtk_widget_remove_tick_callback (widget, id);
}

gboolean
atlas_test_init_in_chinese (int    *argc,
                            char ***argv)
{
  /* gtk_test_init() sets the C locale; these tests need the user's. */
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CHENGYU_ATLAS_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  if (!g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "zh_CN"))
    {
      g_printerr ("zh_CN.UTF-8 is not available: %s\n", setlocale (LC_MESSAGES, NULL));
      return FALSE;
    }
  return TRUE;
}
