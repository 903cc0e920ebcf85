/* test-export.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "atlas-application.h"
#include "io/atlas-export.h"
#include "model/atlas-error.h"
#include "model/atlas-filter.h"
#include "io/atlas-loader.h"

/* GeoJSON import, the exports, and the round trip: export → import gives the same
 * events. */

static AtlasDataset *
load_bundled (void)
{
  g_autoptr(GFile) file = atlas_application_get_bundled_dataset ();
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_loader_load_file (file, report, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static AtlasDataset *
load_bytes (GBytes       *bytes,
            AtlasReport **report_out)
{
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_loader_load_bytes (bytes, report, NULL, NULL, NULL, &error);

  if (report_out != NULL)
    *report_out = g_steal_pointer (&report);
  else
    g_assert_no_error (error);
  return dataset;
}

static void
test_import_geojson (void)
{
  const char *json =
    "{\"type\":\"FeatureCollection\",\"name\":\"Ports\",\"features\":["
    "{\"type\":\"Feature\",\"id\":\"f1\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[106.77,29.62]},"
    " \"properties\":{\"name\":\"Guoyuan Port\",\"title\":\"Route opened\",\"date\":\"2021-04\",\"sector\":\"Logistics\",\"district\":\"Yubei\"}},"
    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[104.6,28.8]},"
    " \"properties\":{\"name\":\"Yibin Port\",\"date\":\"2020\",\"end\":\"2021\",\"sectors\":[\"Logistics\",\"Transport\"]}},"
    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[104.6,28.8]},"
    " \"properties\":{\"name\":\"Yibin Port\",\"title\":\"Second\",\"start\":\"2020-06-01\"}},"
    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[106,30],[106.5,29.8]]},"
    " \"properties\":{\"name\":\"A route\"}}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(AtlasDataset) dataset = load_bytes (bytes, NULL);
  guint port = atlas_dataset_find_event (dataset, "f1");
  const AtlasEvent *ev;
  guint n;
  const guint32 *list;

  g_assert_cmpstr (atlas_dataset_get_title (dataset), ==, "Ports");
  /* Two features at Yibin Port share one place. */
  g_assert_cmpuint (atlas_dataset_get_n_locations (dataset), ==, 3);
  g_assert_cmpuint (atlas_dataset_get_n_events (dataset), ==, 3);
  g_assert_cmpuint (atlas_dataset_get_n_sectors (dataset), ==, 2);
  g_assert_cmpuint (atlas_dataset_get_n_districts (dataset), ==, 1);

  g_assert_cmpuint (port, !=, ATLAS_NONE);
  ev = atlas_dataset_get_event (dataset, port);
  g_assert_cmpstr (ev->title, ==, "Route opened");
  g_assert_cmpint (ev->precision, ==, ATLAS_PRECISION_MONTH);
  list = atlas_dataset_event_locations (dataset, port, &n);
  g_assert_cmpstr (atlas_dataset_get_location (dataset, list[0])->name, ==, "Guoyuan Port");
  g_assert_cmpuint (atlas_dataset_get_location (dataset, list[0])->district, ==, 0);

  for (guint l = 0; l < atlas_dataset_get_n_locations (dataset); l++)
    {
      const AtlasLocation *loc = atlas_dataset_get_location (dataset, l);

      if (strcmp (loc->name, "A route") == 0)
        {
          g_assert_cmpint (loc->kind, ==, ATLAS_KIND_ROUTE);
          g_assert_cmpuint (loc->geometry, !=, ATLAS_NONE);
          g_assert_cmpuint (loc->n_events, ==, 0);
        }
    }
}

static void
test_import_problems (void)
{
  const char *json =
    "{\"type\":\"FeatureCollection\",\"features\":["
    "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"name\":\"Nowhere\",\"date\":\"2020-13\"}},"
    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[200,10]},\"properties\":{}}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(AtlasReport) report = NULL;
  g_autoptr(AtlasDataset) dataset = load_bytes (bytes, &report);
  g_autofree char *text = atlas_report_format_summary (report, 10);

  g_assert_null (dataset);
  g_assert_cmpstr (text, ==,
                   "features[0].geometry: a feature needs a geometry to be placed on the map\n"
                   "features[0].properties.date: “2020-13” is not a valid date (month 13)\n"
                   "features[1].geometry.coordinates[0]: longitude 200 is out of range (−180 to 180)\n"
                   "features[1].properties: a feature needs a “name” or a “title”");
}

/* "start" is another name for "date", read when the date gave none, and
 * "sector" for "sectors", read when there is no "sectors" at all. */
static void
test_import_aliases (void)
{
  const char *json =
    "{\"type\":\"FeatureCollection\",\"features\":["
    "{\"type\":\"Feature\",\"id\":\"f1\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[106,29]},"
    " \"properties\":{\"name\":\"A\",\"date\":null,\"start\":\"2020-06\",\"sectors\":[],\"sector\":\"Ports\"}},"
    "{\"type\":\"Feature\",\"id\":\"f2\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[106,29]},"
    " \"properties\":{\"name\":\"B\",\"date\":\"2021\",\"start\":\"nonsense\",\"sector\":\"Cars\"}}]}";
  const char *bad =
    "{\"type\":\"FeatureCollection\",\"features\":["
    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[106,29]},"
    " \"properties\":{\"name\":\"A\",\"date\":\"2020-13\",\"start\":1}}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GBytes) bad_bytes = g_bytes_new_static (bad, strlen (bad));
  g_autoptr(AtlasDataset) dataset = load_bytes (bytes, NULL);
  g_autoptr(AtlasDataset) failed = NULL;
  g_autoptr(AtlasReport) report = NULL;
  g_autofree char *text = NULL;
  guint f1 = atlas_dataset_find_event (dataset, "f1");
  guint f2 = atlas_dataset_find_event (dataset, "f2");
  guint n;

  g_assert_cmpuint (f1, !=, ATLAS_NONE);
  g_assert_cmpint (atlas_dataset_get_event (dataset, f1)->precision, ==, ATLAS_PRECISION_MONTH);
  atlas_dataset_event_sectors (dataset, f1, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (f2, !=, ATLAS_NONE);
  g_assert_cmpint (atlas_dataset_get_event (dataset, f2)->precision, ==, ATLAS_PRECISION_YEAR);
  atlas_dataset_event_sectors (dataset, f2, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (atlas_dataset_get_n_sectors (dataset), ==, 1);

  /* A date that is no date is not an answer: "start" is read, and reported too. */
  failed = load_bytes (bad_bytes, &report);
  text = atlas_report_format_summary (report, 10);
  g_assert_null (failed);
  g_assert_cmpstr (text, ==,
                   "features[0].properties.date: “2020-13” is not a valid date (month 13)\n"
                   "features[0].properties.start: expected a string, found a number");
}

/* Export the bundled dataset's events, import them again: same events. */
static void
test_geojson_round_trip (void)
{
  g_autoptr(AtlasDataset) dataset = load_bundled ();
  guint n = atlas_dataset_get_n_events (dataset);
  g_autoptr(GtkBitset) all = gtk_bitset_new_range (0, n);
  g_autoptr(GBytes) bytes = atlas_export_geojson (dataset, all);
  g_autoptr(AtlasDataset) again = load_bytes (bytes, NULL);

  g_assert_cmpuint (atlas_dataset_get_n_events (again), ==, n);
  for (guint e = 0; e < n; e++)
    {
      const AtlasEvent *ev = atlas_dataset_get_event (dataset, e);
      guint other = atlas_dataset_find_event (again, ev->id);
      const AtlasEvent *copy;
      guint n_a, n_b;
      const guint32 *sa, *sb, *la, *lb;

      g_assert_cmpuint (other, !=, ATLAS_NONE);
      copy = atlas_dataset_get_event (again, other);
      g_assert_cmpstr (copy->title, ==, ev->title);
      g_assert_cmpstr (copy->title_zh, ==, ev->title_zh);
      g_assert_cmpstr (copy->description, ==, ev->description);
      g_assert_cmpint (copy->precision, ==, ev->precision);
      g_assert_cmpint (copy->has_end, ==, ev->has_end);
      g_assert_cmpint (atlas_dataset_get_event_start (again, other), ==, atlas_dataset_get_event_start (dataset, e));
      g_assert_cmpint (atlas_dataset_get_event_end (again, other), ==, atlas_dataset_get_event_end (dataset, e));

      sa = atlas_dataset_event_sectors (dataset, e, &n_a);
      sb = atlas_dataset_event_sectors (again, other, &n_b);
      g_assert_cmpuint (n_a, ==, n_b);
      for (guint i = 0; i < n_a; i++)
        g_assert_cmpstr (atlas_dataset_get_sector (dataset, sa[i])->id, ==, atlas_dataset_get_sector (again, sb[i])->id);

      la = atlas_dataset_event_locations (dataset, e, &n_a);
      lb = atlas_dataset_event_locations (again, other, &n_b);
      g_assert_cmpstr (atlas_dataset_get_location (dataset, la[0])->name, ==,
                       atlas_dataset_get_location (again, lb[0])->name);
      g_assert_cmpfloat_with_epsilon (atlas_dataset_get_location (dataset, la[0])->lon,
                                      atlas_dataset_get_location (again, lb[0])->lon, 1e-9);
    }
}

static char **
csv_split_rows (const char *text)
{
  /* Good enough for the test: rows end with CRLF outside quotes. */
  GPtrArray *rows = g_ptr_array_new ();
  GString *row = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      if (!quoted && p[0] == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (rows, g_strdup (row->str));
          g_string_truncate (row, 0);
          p++;
          continue;
        }
      g_string_append_c (row, *p);
    }
  g_string_free (row, TRUE);
  g_ptr_array_add (rows, NULL);
  return (char **) g_ptr_array_free (rows, FALSE);
}

/* The visible events of the filter as CSV, and its rows. */
static char **
export_csv_rows (AtlasFilter  *filter,
                 char        **text_out)
{
  g_autoptr(GBytes) bytes = atlas_export_csv (atlas_filter_get_dataset (filter), atlas_filter_get_events (filter));
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  *text_out = g_strndup (data, length);
  return csv_split_rows (*text_out);
}

static void
test_csv (void)
{
  g_autoptr(AtlasDataset) dataset = load_bundled ();
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_auto(GStrv) rows = NULL;
  g_autofree char *text = NULL;

  atlas_filter_set_dataset (filter, dataset);
  atlas_filter_set_value (filter, ATLAS_FACET_SECTOR, atlas_dataset_find_sector (dataset, "biomedicine"), TRUE);
  rows = export_csv_rows (filter, &text);

  g_assert_true (g_str_has_prefix (rows[0], "id,date,end,title,"));
  g_assert_cmpuint (g_strv_length (rows), ==, gtk_bitset_get_size (atlas_filter_get_events (filter)) + 1);
  g_assert_nonnull (strstr (text, "EVAHEART"));
  /* Fields with commas are quoted. */
  for (guint i = 1; rows[i] != NULL; i++)
    g_assert_true (g_utf8_validate (rows[i], -1, NULL));
}

/* Text a spreadsheet would run as a formula is exported as text (OWASP's advice
 * on CSV injection: a leading ' in a quoted cell), and coordinates with the
 * fewest digits that read back exactly. */
static void
test_csv_safe (void)
{
  static const struct {
    const char *title;
    const char *cell;
  } titles[] = {
    { "=HYPERLINK(\\\"http://example.com\\\",\\\"x\\\")", "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\"" },
    { "+1+cmd", "\"'+1+cmd\"" },
    { "-2+3", "\"'-2+3\"" },
    { "@SUM(A1)", "\"'@SUM(A1)\"" },
    { "\\tTab", "\"'\tTab\"" },
    { "\\rReturn", "\"'\rReturn\"" },
    { "Plain, with a comma", "\"Plain, with a comma\"" },
    { "a=b", "a=b" },
  };
  GString *events = g_string_new (NULL);
  g_autofree char *json = NULL;
  g_autoptr(GBytes) input = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_auto(GStrv) rows = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_string_append_printf (events, "%s{\"id\":\"e%u\",\"date\":\"2020-01-%02u\",\"title\":\"%s\","
                            "\"location\":\"p\",\"sectors\":[\"s\"],\"source\":\"n\"}",
                            i ? "," : "", i, i + 1, titles[i].title);
  json = g_strdup_printf ("{\"atlas\":1,\"title\":\"T\","
                          "\"sources\":[{\"id\":\"n\",\"title\":\"-news\",\"publisher\":\"P\",\"date\":\"2020\"}],"
                          "\"sectors\":[{\"id\":\"s\",\"name\":\"S\",\"color\":\"#1c71d8\"}],"
                          "\"locations\":[{\"id\":\"p\",\"name\":\"=Place\",\"kind\":\"port\",\"sectors\":[],"
                          "\"point\":[-106.1,29.6]}],\"events\":[%s]}", events->str);
  g_string_free (events, TRUE);
  input = g_bytes_new (json, strlen (json));
  dataset = load_bytes (input, NULL);
  atlas_filter_set_dataset (filter, dataset);
  rows = export_csv_rows (filter, &text);

  g_assert_cmpuint (g_strv_length (rows), ==, G_N_ELEMENTS (titles) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u,", i);
      g_autofree char *expected = g_strdup_printf (",%s,", titles[i].cell);
      const char *row = NULL;

      for (guint r = 1; rows[r] != NULL && row == NULL; r++)
        {
          if (g_str_has_prefix (rows[r], id))
            row = rows[r];
        }
      g_assert_nonnull (row);
      if (strstr (row, expected) == NULL)
        g_error ("row %s lacks the cell %s", row, expected);
      /* The place and the source are neutralised too; a negative coordinate
       * is a number, written as such and as short as it reads back. */
      g_assert_nonnull (strstr (row, ",\"'=Place\",p,-106.1,29.6,s,,\"'-news\","));
    }
}

static void
test_write (void)
{
  g_autofree char *dir = g_dir_make_tmp ("atlas-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "events.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) first = g_bytes_new_static ("first", 5);
  g_autoptr(GBytes) second = g_bytes_new_static ("second", 6);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  g_assert_true (atlas_export_write (file, first, FALSE, &error));
  g_assert_no_error (error);

  /* Never silently over an existing file. */
  g_assert_false (atlas_export_write (file, second, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "first");
  g_clear_pointer (&contents, g_free);

  g_assert_true (atlas_export_write (file, second, TRUE, &error));
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "second");

  /* No temporary file is left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/import-geojson", test_import_geojson);
  g_test_add_func ("/export/import-problems", test_import_problems);
  g_test_add_func ("/export/import-aliases", test_import_aliases);
  g_test_add_func ("/export/geojson-round-trip", test_geojson_round_trip);
  g_test_add_func ("/export/csv", test_csv);
  g_test_add_func ("/export/csv-safe", test_csv_safe);
  g_test_add_func ("/export/write", test_write);

  return g_test_run ();
}
