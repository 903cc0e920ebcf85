/* test-chinese.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "atlas-application.h"
#include "atlas-window-private.h"
#include "panels/atlas-event-item.h"
#include "window-test-helpers.h"

/*
 * In a Chinese locale (zh_CN.UTF-8, made for the test with localedef), the app's
 * own strings are Chinese, dates read as Chinese dates, and the dataset's
 * name_zh / title_zh are shown.
 */

static void
test_chinese (void)
{
  AtlasWindow *window = atlas_window_new (NULL);
  g_autoptr(GFile) bundled = atlas_application_get_bundled_dataset ();
  g_autoptr(AtlasEventItem) item = NULL;
  g_autofree char *day = NULL;
  g_autofree char *month = NULL;
  g_autofree char *range = NULL;
  AtlasDataset *dataset;
  guint event;

  /* The app's strings. */
  g_assert_cmpstr (_("Nothing Selected"), !=, "Nothing Selected");
  g_assert_cmpstr (_("Search places and events"), !=, "Search places and events");

  /* Dates at their precision. */
  day = atlas_date_format (atlas_date_from_civil (2020, 6, 5), ATLAS_PRECISION_DAY);
  month = atlas_date_format (atlas_date_from_civil (2020, 6, 1), ATLAS_PRECISION_MONTH);
  range = atlas_date_format_range (atlas_date_from_civil (2019, 12, 1), ATLAS_PRECISION_MONTH,
                                   atlas_date_from_civil (2020, 6, 1), ATLAS_PRECISION_MONTH);
  g_assert_cmpstr (day, ==, "2020年6月5日");
  g_assert_cmpstr (month, ==, "2020年6月");
  g_assert_cmpstr (range, ==, "2019年12月至2020年6月");

  /* The dataset's Chinese names. */
  gtk_window_present (GTK_WINDOW (window));
  atlas_window_open (window, bundled);
  atlas_test_wait_for_load (window);
  dataset = atlas_window_get_dataset (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, atlas_dataset_get_title_zh (dataset));

  item = g_list_model_get_item (G_LIST_MODEL (atlas_event_list_get_model (window->event_list)), 0);
  event = atlas_event_item_get_event (item);
  g_assert_cmpstr (atlas_event_item_get_title (item), ==, atlas_dataset_get_event (dataset, event)->title_zh);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!atlas_test_init_in_chinese (&argc, &argv))
    return 1;

  g_test_add_func ("/chinese/strings-dates-and-names", test_chinese);

  return g_test_run ();
}
