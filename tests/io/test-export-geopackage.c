/* test-export-geopackage.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "model/atlas-dataset-private.h"
#include "io/atlas-export-geopackage.h"
#include "io/atlas-import.h"
#include "io/atlas-loader.h"

/* The bundled dataset, filtered to its even events, exported as a GeoPackage and
 * opened again: the same titles, dates at their precision, and places. */
static void
test_round_trip (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "chengdu-chongqing.atlas.json",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(AtlasReport) report2 = atlas_report_new ();
  g_autoptr(AtlasDataset) ds = atlas_loader_load_file (file, report, NULL, NULL, NULL, NULL);
  g_autoptr(AtlasDataset) back = NULL;
  g_autoptr(GtkBitset) events = gtk_bitset_new_empty ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-gpkg-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "events.gpkg", NULL);

  g_assert_nonnull (ds);
  for (guint e = 0; e < atlas_dataset_get_n_events (ds); e += 2)
    gtk_bitset_add (events, e);

  bytes = atlas_export_geopackage (ds, events, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (out, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));

  back = atlas_import_load (out, NULL, report2, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_dataset_get_n_events (back), ==, gtk_bitset_get_size (events));
  g_assert_cmpuint (atlas_report_get_n_errors (report2), ==, 0);
  for (guint i = 0; i < atlas_dataset_get_n_events (back); i++)
    {
      /* Both are sorted by date; titles and dates line up one for one. */
      guint e = gtk_bitset_get_nth (events, i);
      const AtlasEvent *a = atlas_dataset_get_event (ds, e);
      const AtlasEvent *b = atlas_dataset_get_event (back, i);

      g_assert_cmpint (atlas_dataset_get_event_start (ds, e), ==, atlas_dataset_get_event_start (back, i));
      g_assert_cmpint (atlas_dataset_get_event_end (ds, e), ==, atlas_dataset_get_event_end (back, i));
      g_assert_cmpint (a->precision, ==, b->precision);
      if (atlas_dataset_get_event_start (ds, e) != atlas_dataset_get_event_start (ds, MIN (e + 2, atlas_dataset_get_n_events (ds) - 1)))
        g_assert_cmpstr (a->title, ==, b->title);
    }
  g_unlink (out);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/geopackage", test_round_trip);
  return g_test_run ();
}
