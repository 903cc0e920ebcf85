/* test-file-rewrites.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "window-test-helpers.h"

/*
 * The file on screen rewritten again and again while the app reloads it: in
 * place (truncated, then written in pieces, as cp and many editors do) and by
 * rename (as careful editors do). Each rewrite lands while a load is reading
 * the file. The app must stay alive, never show a half-written version, and end
 * showing the last version written, picked up by its own file watcher.
 */

#define N_REWRITES 200

/* A dataset of a couple of megabytes, so that a load takes a while. */
static char *
dataset_text (const char *title)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "{\"atlas\":1,\"title\":\"%s\",\"sources\":[{\"id\":\"s\",\"title\":\"S\","
                          "\"publisher\":\"P\",\"date\":\"2020\"}],\"sectors\":[{\"id\":\"x\",\"name\":\"X\","
                          "\"color\":\"#c01c28\"}],\"locations\":[{\"id\":\"p\",\"name\":\"P\",\"kind\":\"port\","
                          "\"sectors\":[\"x\"],\"point\":[106.5,29.5]}],\"events\":[", title);
  for (guint i = 0; i < 15000; i++)
    g_string_append_printf (text, "%s{\"id\":\"e%u\",\"date\":\"20%02u-%02u\",\"title\":\"%s, event %u\","
                            "\"location\":\"p\",\"sectors\":[\"x\"],\"source\":\"s\"}",
                            i ? "," : "", i, i % 30, i % 12 + 1, title, i);
  g_string_append (text, "]}\n");
  return g_string_free (text, FALSE);
}

/* Truncates the file, then writes it in pieces with pauses between. */
static void
rewrite_in_place (const char *path,
                  const char *text)
{
  gsize length = strlen (text);
  int fd = g_open (path, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);

  g_assert_cmpint (fd, >=, 0);
  for (gsize done = 0; done < length;)
    {
      gssize n = write (fd, text + done, MIN (length - done, 256 * 1024));

      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      done += (gsize) n;
      /* A slow writer, on purpose: the app must meet the file half written. */
      g_usleep (200);
    }
  g_assert_cmpint (close (fd), ==, 0);
}

static void
rewrite_by_rename (const char *path,
                   const char *text)
{
  g_autoptr(GError) error = NULL;

  /* A temporary file beside it, renamed over it. */
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static gboolean
span_over_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms: a random instant inside a reload, on purpose
 * (what is awaited is any moment of the load, not a condition). The loop
 * blocks until something is due, the end of the span included. */
static void
spin (guint ms)
{
  gboolean over = FALSE;

  g_timeout_add (ms, span_over_cb, &over);
  while (!over)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
is_version (AtlasDataset *dataset,
            const char   *prefix)
{
  return dataset != NULL && g_str_has_prefix (atlas_dataset_get_title (dataset), prefix);
}

static gboolean
shows_final (gpointer window)
{
  return is_version (atlas_window_get_dataset (window), "Final") && !atlas_window_is_loading (window);
}

static void
test_rewrites_during_reloads (void)
{
  g_autofree char *dir = g_dir_make_tmp ("atlas-rewrites-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "changing.atlas.json", NULL);
  g_autofree char *first = dataset_text ("Version 0");
  g_autofree char *last = dataset_text ("Final");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AtlasWindow *window;

  rewrite_by_rename (path, first);
  window = atlas_test_open_window (file);
  g_assert_true (is_version (atlas_window_get_dataset (window), "Version 0"));

  for (guint i = 1; i <= N_REWRITES; i++)
    {
      g_autofree char *title = g_strdup_printf ("Version %u", i);
      g_autofree char *text = dataset_text (title);

      atlas_window_reload (window);
      /* Somewhere inside the load: it is reading or checking the file. */
      spin (g_test_rand_int_range (0, 12));
      if (i % 2 == 1)
        rewrite_in_place (path, text);
      else
        rewrite_by_rename (path, text);

      /* Whatever is on screen is a whole version, never a mixture. */
      g_assert_true (is_version (atlas_window_get_dataset (window), "Version "));
    }

  /* The last version, written whole: the watcher reloads it on its own. */
  rewrite_by_rename (path, last);
  atlas_test_wait_until (shows_final, window, 60, "the window to reload the final version by itself");
  g_assert_cmpuint (atlas_dataset_get_n_events (atlas_window_get_dataset (window)), ==, 15000);

  atlas_test_destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/file-rewrites/during-reloads", test_rewrites_during_reloads);

  return g_test_run ();
}
