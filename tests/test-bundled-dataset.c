/* test-bundled-dataset.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "atlas-application.h"
#include "model/atlas-filter.h"
#include "io/atlas-loader.h"

/* The dataset a person sees first: it must be valid, complete and in the region. */

static AtlasDataset *dataset;
static AtlasReport *report;

static void
test_valid_without_warnings (void)
{
  g_autofree char *problems = atlas_report_format_summary (report, 50);

  g_assert_cmpstr (problems, ==, "");
  g_assert_cmpuint (atlas_report_get_n_errors (report), ==, 0);
  g_assert_cmpuint (atlas_report_get_n_warnings (report), ==, 0);
  g_assert_nonnull (dataset);
}

static void
test_references (void)
{
  guint n_events = atlas_dataset_get_n_events (dataset);

  g_assert_cmpuint (atlas_dataset_get_n_sources (dataset), ==, 5);
  /* Every article has its address, which the details panel links to, and its day. */
  for (guint s = 0; s < atlas_dataset_get_n_sources (dataset); s++)
    {
      const AtlasSource *source = atlas_dataset_get_source (dataset, s);

      g_assert_true (g_str_has_prefix (source->url, "https://www.ichongqing.info/"));
      g_assert_cmpint (source->date_precision, ==, ATLAS_PRECISION_DAY);
    }
  for (guint e = 0; e < n_events; e++)
    {
      const AtlasEvent *ev = atlas_dataset_get_event (dataset, e);
      guint n;
      const guint32 *list = atlas_dataset_event_locations (dataset, e, &n);

      g_assert_cmpuint (n, >, 0);
      for (guint i = 0; i < n; i++)
        g_assert_cmpuint (list[i], <, atlas_dataset_get_n_locations (dataset));
      list = atlas_dataset_event_sectors (dataset, e, &n);
      g_assert_cmpuint (n, >, 0);
      for (guint i = 0; i < n; i++)
        g_assert_cmpuint (list[i], <, atlas_dataset_get_n_sectors (dataset));
      g_assert_cmpuint (ev->source, <, atlas_dataset_get_n_sources (dataset));
      g_assert_nonnull (ev->title_zh);
      g_assert_nonnull (ev->description);
    }
}

static void
test_in_region (void)
{
  for (guint l = 0; l < atlas_dataset_get_n_locations (dataset); l++)
    {
      const AtlasLocation *loc = atlas_dataset_get_location (dataset, l);

      g_test_message ("%s", loc->id);
      g_assert_cmpfloat (loc->lat, >=, 27.0);
      g_assert_cmpfloat (loc->lat, <=, 33.0);
      g_assert_cmpfloat (loc->lon, >=, 102.0);
      g_assert_cmpfloat (loc->lon, <=, 110.0);
      g_assert_nonnull (loc->name_zh);
      if (loc->geometry != ATLAS_NONE)
        {
          const AtlasGeometry *g = atlas_dataset_get_geometry (dataset, loc->geometry);

          g_assert_cmpfloat (g->min_lat, >=, 27.0);
          g_assert_cmpfloat (g->max_lat, <=, 33.0);
          g_assert_cmpfloat (g->min_lon, >=, 102.0);
          g_assert_cmpfloat (g->max_lon, <=, 110.0);
        }
    }
}

/* Places placed at their platform are spread around it, so no two share a point. */
static void
test_distinct_points (void)
{
  guint n = atlas_dataset_get_n_locations (dataset);

  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        const AtlasLocation *la = atlas_dataset_get_location (dataset, a);
        const AtlasLocation *lb = atlas_dataset_get_location (dataset, b);

        if (la->lon == lb->lon && la->lat == lb->lat)
          g_error ("%s and %s share a point", la->id, lb->id);
      }
}

static void
test_districts_have_outlines (void)
{
  const char *science_city[] = { "beibei", "shapingba", "bishan", "jiulongpo", "jiangjin" };

  for (guint i = 0; i < G_N_ELEMENTS (science_city); i++)
    {
      guint d = atlas_dataset_find_district (dataset, science_city[i]);
      const AtlasDistrict *district;

      g_test_message ("%s", science_city[i]);
      g_assert_cmpuint (d, !=, ATLAS_NONE);
      district = atlas_dataset_get_district (dataset, d);
      g_assert_cmpuint (district->geometry, !=, ATLAS_NONE);
      g_assert_false (district->approximate);
    }
}

/* "Only biomedicine" leaves EVAHEART I and its place. */
static void
test_biomedicine (void)
{
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  guint sector = atlas_dataset_find_sector (dataset, "biomedicine");
  GtkBitsetIter iter;
  guint event;
  gboolean found = FALSE;

  g_assert_cmpuint (sector, !=, ATLAS_NONE);
  atlas_filter_set_dataset (filter, dataset);
  atlas_filter_set_value (filter, ATLAS_FACET_SECTOR, sector, TRUE);

  g_assert_cmpuint (gtk_bitset_get_size (atlas_filter_get_events (filter)), >=, 1);
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, atlas_filter_get_events (filter), &event); ok;
       ok = gtk_bitset_iter_next (&iter, &event))
    {
      const AtlasEvent *ev = atlas_dataset_get_event (dataset, event);

      if (strstr (ev->title, "EVAHEART") != NULL)
        {
          guint n;
          const guint32 *locs = atlas_dataset_event_locations (dataset, event, &n);

          found = TRUE;
          for (guint i = 0; i < n; i++)
            g_assert_true (atlas_filter_location_visible (filter, locs[i]));
        }
    }
  g_assert_true (found);
  g_assert_cmpuint (atlas_filter_get_value_count (filter, ATLAS_FACET_SECTOR, sector), ==,
                    gtk_bitset_get_size (atlas_filter_get_events (filter)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = atlas_application_get_bundled_dataset ();
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  report = atlas_report_new ();
  dataset = atlas_loader_load_file (file, report, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/bundled/valid-without-warnings", test_valid_without_warnings);
  g_test_add_func ("/bundled/references", test_references);
  g_test_add_func ("/bundled/in-region", test_in_region);
  g_test_add_func ("/bundled/distinct-points", test_distinct_points);
  g_test_add_func ("/bundled/districts-have-outlines", test_districts_have_outlines);
  g_test_add_func ("/bundled/biomedicine", test_biomedicine);

  status = g_test_run ();
  g_clear_object (&dataset);
  g_clear_object (&report);
  return status;
}
