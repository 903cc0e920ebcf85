/* test-window.c
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

#include "atlas-application.h"
#include "atlas-window-private.h"
#include "window-test-helpers.h"

static void
test_opens_bundled (void)
{
  AtlasWindow *window = atlas_test_open_window (NULL);
  AtlasDataset *dataset = atlas_window_get_dataset (window);

  g_assert_nonnull (dataset);
  g_assert_cmpuint (atlas_dataset_get_n_events (dataset), >, 30);
  g_assert_cmpuint (atlas_dataset_get_n_locations (dataset), >, 50);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, atlas_dataset_get_title (dataset));
  g_assert_null (atlas_window_get_message (window));

  /* Nothing filtered yet: every event and place is visible. */
  g_assert_cmpuint (gtk_bitset_get_size (atlas_filter_get_events (atlas_window_get_filter (window))), ==,
                    atlas_dataset_get_n_events (dataset));
  g_assert_cmpuint (gtk_bitset_get_size (atlas_filter_get_locations (atlas_window_get_filter (window))), ==,
                    atlas_dataset_get_n_locations (dataset));

  atlas_test_destroy_window (window);
}

/* A broken file is reported in the window, and the dataset on screen stays. */
static void
test_broken_file_keeps_dataset (void)
{
  AtlasWindow *window = atlas_test_open_window (NULL);
  AtlasDataset *before = atlas_window_get_dataset (window);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *message;
  int fd;

  fd = g_file_open_tmp ("broken-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, "{\"atlas\": 1, \"title\": \"Broken\", \"sources\": [], \"sectors\": [],"
                       " \"locations\": [], \"events\": [{\"id\": \"e\", \"date\": \"2020-13-01\"}]}", -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  atlas_window_open (window, file);
  atlas_test_wait_for_load (window);

  g_assert_true (atlas_window_get_dataset (window) == before);
  message = atlas_window_get_message (window);
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "Could not open “"));
  g_assert_nonnull (strstr (message, "The dataset on screen was kept."));
  g_assert_nonnull (strstr (message, "events[0].date: “2020-13-01” is not a valid date (month 13)"));
  g_assert_cmpuint (atlas_report_get_n_errors (atlas_window_get_last_report (window)), ==, 5);

  /* A missing file too. */
  {
    g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/dataset.json");

    atlas_window_open (window, missing);
    atlas_test_wait_for_load (window);
    g_assert_true (atlas_window_get_dataset (window) == before);
    g_assert_cmpstr (atlas_window_get_message (window), ==,
                     "Could not open “dataset.json”: No such file or directory. The dataset on screen was kept.");
  }

  g_unlink (path);
  atlas_test_destroy_window (window);
}

/* Opening another file while one loads replaces the first load. */
static void
test_open_during_load (void)
{
  AtlasWindow *window = atlas_window_new (NULL);
  g_autoptr(GFile) bundled = atlas_application_get_bundled_dataset ();
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/dataset.json");

  gtk_window_present (GTK_WINDOW (window));
  atlas_window_open (window, missing);
  atlas_window_open (window, bundled);
  atlas_test_wait_for_load (window);
  g_assert_nonnull (atlas_window_get_dataset (window));
  g_assert_null (atlas_window_get_message (window));

  atlas_test_destroy_window (window);
}

static gboolean
is_loaded (gpointer window)
{
  return !atlas_window_is_loading (window);
}

/* Closing the window while it loads must neither crash nor leak: the window
 * and the dataset loaded for it are both finalized. */
static void
test_close_during_load (void)
{
  AtlasWindow *window = atlas_window_new (NULL);
  g_autoptr(GFile) bundled = atlas_application_get_bundled_dataset ();
  AtlasDataset *dataset;

  gtk_window_present (GTK_WINDOW (window));
  atlas_window_open (window, bundled);
  g_assert_true (atlas_window_is_loading (window));

  /* Held only to read the dataset the load leaves behind. */
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  atlas_test_wait_until (is_loaded, window, 30, "the load of the closed window to finish");
  dataset = atlas_window_get_dataset (window);
  g_assert_nonnull (dataset);
  g_object_add_weak_pointer (G_OBJECT (dataset), (gpointer *) &dataset);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_unref (window);

  atlas_test_wait_for_finalize (&window, "the window closed during its load to be finalized");
  atlas_test_wait_for_finalize (&dataset, "the dataset loaded for the closed window to be finalized");
}

typedef struct
{
  AtlasEventModel *model;
  gboolean landed;
  guint rows_at_landing;
} Landing;

/* After every view's own handler: the filter's first change with the dataset
 * is where the dataset lands. */
static void
on_filter_changed_cb (AtlasFilter *filter,
                      Landing     *landing)
{
  if (landing->landed || atlas_filter_get_dataset (filter) == NULL)
    return;
  landing->landed = TRUE;
  landing->rows_at_landing = atlas_event_model_get_n_created (landing->model);
}

static gboolean
rows_made (gpointer model)
{
  return atlas_event_model_get_n_created (model) > 0;
}

/* A dataset lands in steps, so that none holds the window long: the views
 * take it in, and the event list makes the rows on screen in a main loop
 * iteration of its own. */
static void
test_landing_in_steps (void)
{
  AtlasWindow *window = atlas_window_new (NULL);
  g_autoptr(GFile) bundled = atlas_application_get_bundled_dataset ();
  AtlasFilter *filter = atlas_window_get_filter (window);
  Landing landing = { atlas_event_list_get_model (window->event_list), FALSE, 0 };
  GtkSelectionModel *rows = gtk_column_view_get_model (atlas_event_list_get_column_view (window->event_list));
  gulong handler;

  handler = g_signal_connect_after (filter, "changed", G_CALLBACK (on_filter_changed_cb), &landing);
  gtk_window_present (GTK_WINDOW (window));
  atlas_window_open (window, bundled);
  atlas_test_wait_for_load (window);
  g_signal_handler_disconnect (filter, handler);

  g_assert_true (landing.landed);
  g_assert_cmpuint (landing.rows_at_landing, ==, 0);
  atlas_test_wait_until (rows_made, landing.model, 20, "the event list to make its rows");
  g_assert_true (gtk_column_view_get_model (atlas_event_list_get_column_view (window->event_list)) == rows);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==,
                    atlas_dataset_get_n_events (atlas_window_get_dataset (window)));

  atlas_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/opens-bundled", test_opens_bundled);
  g_test_add_func ("/window/broken-file-keeps-dataset", test_broken_file_keeps_dataset);
  g_test_add_func ("/window/open-during-load", test_open_during_load);
  g_test_add_func ("/window/close-during-load", test_close_during_load);
  g_test_add_func ("/window/landing-in-steps", test_landing_in_steps);

  return g_test_run ();
}
