/* test-linked-views.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "atlas-window-private.h"
#include "io/atlas-loader.h"
#include "panels/atlas-event-item.h"
#include "window-test-helpers.h"

/*
 * The views of a window follow one filter and one selection: the list, the
 * sidebar's counts, the map and the timeline agree; the state comes back after a
 * restart; saved views restore; the event list makes rows lazily.
 */

/* A new window on the bundled dataset, or on what the settings say (the start
 * of the app). */
static AtlasWindow *
open_window (gboolean initial)
{
  AtlasWindow *window;

  if (!initial)
    return atlas_test_open_window (NULL);

  window = atlas_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  atlas_window_open_initial (window);
  atlas_test_wait_for_load (window);
  return window;
}

static void
test_biomedicine (void)
{
  AtlasWindow *window = open_window (FALSE);
  AtlasDataset *dataset = atlas_window_get_dataset (window);
  AtlasFilter *filter = atlas_window_get_filter (window);
  GListModel *list = G_LIST_MODEL (atlas_event_list_get_model (window->event_list));
  guint sector = atlas_dataset_find_sector (dataset, "biomedicine");
  guint n_visible;
  gboolean found = FALSE;

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, atlas_dataset_get_n_events (dataset));

  atlas_filter_set_value (filter, ATLAS_FACET_SECTOR, sector, TRUE);
  n_visible = (guint) gtk_bitset_get_size (atlas_filter_get_events (filter));

  /* The list, the count beside the toggle and the filter agree. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_visible);
  g_assert_cmpuint (atlas_filter_get_value_count (filter, ATLAS_FACET_SECTOR, sector), ==, n_visible);
  for (guint i = 0; i < n_visible; i++)
    {
      g_autoptr(AtlasEventItem) item = g_list_model_get_item (list, i);

      if (strstr (atlas_event_item_get_title (item), "EVAHEART") != NULL)
        {
          guint n;
          const guint32 *places = atlas_dataset_event_locations (dataset, atlas_event_item_get_event (item), &n);

          found = TRUE;
          g_assert_true (atlas_filter_location_visible (filter, places[0]));
          /* The playhead, which sizes places on the map, counts it. */
          g_assert_cmpuint (atlas_playhead_get_location_counts (atlas_window_get_playhead (window), &n)[places[0]],
                            >, 0);
        }
    }
  g_assert_true (found);

  atlas_test_close_window (window);
}

static void
test_search_ports (void)
{
  AtlasWindow *window = open_window (FALSE);
  AtlasDataset *dataset = atlas_window_get_dataset (window);
  AtlasFilter *filter = atlas_window_get_filter (window);
  const char *ports[] = { "guoyuan-port", "yibin-port", "luzhou-port" };

  atlas_filter_set_text (filter, "港");
  for (guint i = 0; i < G_N_ELEMENTS (ports); i++)
    {
      guint location = atlas_dataset_find_location (dataset, ports[i]);

      g_test_message ("%s", ports[i]);
      g_assert_cmpuint (location, !=, ATLAS_NONE);
      g_assert_true (atlas_filter_location_visible (filter, location));
    }
  g_assert_cmpuint (gtk_bitset_get_size (atlas_filter_get_locations (filter)), <,
                    atlas_dataset_get_n_locations (dataset));

  /* Case and accents do not matter. */
  atlas_filter_set_text (filter, "GUOYUAN");
  g_assert_true (atlas_filter_location_visible (filter, atlas_dataset_find_location (dataset, "guoyuan-port")));

  atlas_test_close_window (window);
}

/* Selecting in the list selects everywhere; selecting elsewhere selects in the list. */
static void
test_selection_follows (void)
{
  AtlasWindow *window = open_window (FALSE);
  AtlasSelection *selection = atlas_window_get_selection (window);
  GtkSelectionModel *model = gtk_column_view_get_model (atlas_event_list_get_column_view (window->event_list));
  AtlasEventModel *events = atlas_event_list_get_model (window->event_list);
  guint event;

  gtk_selection_model_select_item (model, 5, TRUE);
  event = atlas_event_model_get_event (events, 5);
  g_assert_cmpuint (atlas_selection_get_event (selection), ==, event);

  atlas_selection_select_event (selection, atlas_event_model_get_event (events, 9));
  g_assert_true (gtk_selection_model_is_selected (model, 9));

  /* The selection survives a filter change that keeps the event visible. */
  atlas_filter_set_text (atlas_window_get_filter (window),
                         atlas_dataset_get_event (atlas_window_get_dataset (window),
                                                  atlas_event_model_get_event (events, 9))->title);
  g_assert_cmpuint (atlas_selection_get_event (selection), ==, atlas_event_model_get_event (events, 0));
  g_assert_true (gtk_selection_model_is_selected (model, 0));

  atlas_test_close_window (window);
}

/* Closing saves the view; the next start brings it back. */
static void
test_restart_restores (void)
{
  AtlasWindow *window = open_window (TRUE);
  AtlasDataset *dataset = atlas_window_get_dataset (window);
  guint sector = atlas_dataset_find_sector (dataset, "logistics");
  guint place = atlas_dataset_find_location (dataset, "guoyuan-port");
  gint32 start = atlas_date_from_civil (2020, 1, 1), end = atlas_date_from_civil (2021, 1, 1);
  gint32 day = atlas_date_from_civil (2020, 6, 5);
  gint32 got_start, got_end;

  atlas_filter_set_value (atlas_window_get_filter (window), ATLAS_FACET_SECTOR, sector, TRUE);
  atlas_filter_set_date_range (atlas_window_get_filter (window), start, end);
  atlas_playhead_set_mode (atlas_window_get_playhead (window), ATLAS_PLAYHEAD_WINDOW);
  atlas_playhead_set_day (atlas_window_get_playhead (window), day);
  atlas_selection_select_location (atlas_window_get_selection (window), place);
  atlas_test_close_window (window);

  window = open_window (TRUE);
  dataset = atlas_window_get_dataset (window);
  g_assert_true (atlas_filter_get_value (atlas_window_get_filter (window), ATLAS_FACET_SECTOR,
                                         atlas_dataset_find_sector (dataset, "logistics")));
  g_assert_cmpuint (atlas_filter_get_n_active_values (atlas_window_get_filter (window), ATLAS_FACET_SECTOR), ==, 1);
  g_assert_true (atlas_filter_get_date_range (atlas_window_get_filter (window), &got_start, &got_end));
  g_assert_cmpint (got_start, ==, start);
  g_assert_cmpint (got_end, ==, end);
  g_assert_cmpint (atlas_playhead_get_mode (atlas_window_get_playhead (window)), ==, ATLAS_PLAYHEAD_WINDOW);
  g_assert_cmpint (atlas_playhead_get_day (atlas_window_get_playhead (window)), ==, day);
  g_assert_cmpuint (atlas_selection_get_location (atlas_window_get_selection (window)), ==,
                    atlas_dataset_find_location (dataset, "guoyuan-port"));

  /* Clean up for the other tests. */
  atlas_filter_clear (atlas_window_get_filter (window));
  atlas_selection_clear (atlas_window_get_selection (window));
  atlas_test_close_window (window);
}

static void
test_saved_views (void)
{
  AtlasWindow *window = open_window (FALSE);
  AtlasFilter *filter = atlas_window_get_filter (window);
  AtlasDataset *dataset = atlas_window_get_dataset (window);
  guint district = atlas_dataset_find_district (dataset, "beibei");
  g_auto(GStrv) names = NULL;

  atlas_filter_set_value (filter, ATLAS_FACET_DISTRICT, district, TRUE);
  atlas_filter_set_text (filter, "science");
  g_assert_true (atlas_views_button_save (window->views_button, "Beibei science"));

  atlas_filter_clear (filter);
  g_assert_false (atlas_filter_is_active (filter));

  g_assert_true (atlas_views_button_restore (window->views_button, "Beibei science"));
  g_assert_true (atlas_filter_get_value (filter, ATLAS_FACET_DISTRICT, district));
  g_assert_cmpstr (atlas_filter_get_text (filter), ==, "science");

  names = atlas_views_button_list (window->views_button);
  g_assert_cmpstrv (names, ((const char *[]) { "Beibei science", NULL }));
  g_assert_true (atlas_views_button_delete (window->views_button, "Beibei science"));
  g_assert_false (atlas_views_button_restore (window->views_button, "Beibei science"));

  atlas_filter_clear (filter);
  atlas_test_close_window (window);
}

/* A corrupted saved state costs nothing but itself. */
static void
test_corrupted_state (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AtlasWindow *window;
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "sectors", g_variant_new_int32 (7));
  g_variant_builder_add (&builder, "{sv}", "date-range", g_variant_new ("(ii)", 100, 50));
  g_variant_builder_add (&builder, "{sv}", "playhead-day", g_variant_new_string ("soon"));
  g_variant_builder_add (&builder, "{sv}", "map", g_variant_new ("(ddd)", 1e300, -500.0, 99.0));
  g_variant_builder_add (&builder, "{sv}", "selection", g_variant_new ("(sss)", "no-such-place", "", ""));
  g_settings_set_value (settings, "last-state", g_variant_builder_end (&builder));
  g_settings_set_string (settings, "last-dataset", "");

  window = open_window (TRUE);
  g_assert_nonnull (atlas_window_get_dataset (window));
  g_assert_false (atlas_filter_is_active (atlas_window_get_filter (window)));
  g_assert_true (atlas_selection_is_empty (atlas_window_get_selection (window)));
  atlas_test_close_window (window);

  /* A last dataset that is gone: the bundled one opens, with a message. */
  g_settings_set_string (settings, "last-dataset", "file:///nonexistent/gone.json");
  window = open_window (TRUE);
  atlas_test_wait_for_load (window);
  g_assert_nonnull (atlas_window_get_dataset (window));
  g_assert_true (atlas_window_is_bundled (atlas_window_get_file (window)));
  g_assert_nonnull (atlas_window_get_message (window));
  g_assert_nonnull (strstr (atlas_window_get_message (window), "gone.json"));
  atlas_test_close_window (window);
}

static gboolean
rows_made (gpointer model)
{
  return atlas_event_model_get_n_created (model) > 0;
}

/* A big list makes rows only for what is on screen. */
static void
test_lazy_rows (void)
{
  GString *json = g_string_new ("{\"atlas\":1,\"title\":\"Many\",\"sources\":[{\"id\":\"s\",\"title\":\"S\","
                                "\"publisher\":\"P\",\"date\":\"2020\"}],\"sectors\":[],\"locations\":[{\"id\":\"p\","
                                "\"name\":\"P\",\"kind\":\"city\",\"sectors\":[],\"point\":[106,29]}],\"events\":[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  AtlasWindow *window = atlas_window_new (NULL);
  AtlasEventModel *model = atlas_event_list_get_model (window->event_list);
  const guint n = 200000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\":\"e%u\",\"date\":\"%04u\",\"title\":\"Event %u\",\"location\":\"p\","
                            "\"sectors\":[],\"source\":\"s\"}", i ? "," : "", i, 1900 + i % 120, i);
  g_string_append (json, "]}");
  bytes = g_string_free_to_bytes (json);
  dataset = atlas_loader_load_bytes (bytes, report, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  gtk_window_present (GTK_WINDOW (window));
  atlas_window_apply_dataset (window, dataset, NULL);
  atlas_test_wait_until (rows_made, model, 20, "the event list to make its first rows");
  atlas_test_wait_frames (GTK_WIDGET (window), 3);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  g_test_message ("%u rows made for %u events", atlas_event_model_get_n_created (model), n);
  g_assert_cmpuint (atlas_event_model_get_n_created (model), <, 1000);

  /* Sorting by title does not make rows either. */
  atlas_event_model_set_sort (model, ATLAS_EVENT_SORT_TITLE, TRUE);
  atlas_test_wait_frames (GTK_WIDGET (window), 3);
  g_assert_cmpuint (atlas_event_model_get_n_created (model), <, 2000);
  {
    g_autoptr(AtlasEventItem) first = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_cmpstr (atlas_event_item_get_title (first), ==, "Event 99999");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/linked/biomedicine", test_biomedicine);
  g_test_add_func ("/linked/search-ports", test_search_ports);
  g_test_add_func ("/linked/selection-follows", test_selection_follows);
  g_test_add_func ("/linked/restart-restores", test_restart_restores);
  g_test_add_func ("/linked/saved-views", test_saved_views);
  g_test_add_func ("/linked/corrupted-state", test_corrupted_state);
  g_test_add_func ("/linked/lazy-rows", test_lazy_rows);

  return g_test_run ();
}
