/* test-import.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "model/atlas-dataset-private.h"
#include "model/atlas-error.h"
#include "io/atlas-import.h"
#include "io/atlas-import-dates.h"
#include "test-wait.h"

/* Dates as people type them ------------------------------------------------ */

static void
assert_date (const char     *text,
             const char     *iso,
             AtlasPrecision  precision)
{
  gint32 start = 0, end = 0;
  AtlasPrecision p = 0;
  g_autofree char *got = NULL;

  g_assert_cmpint (atlas_import_parse_date (text, &start, &end, &p), ==, ATLAS_IMPORT_DATE_OK);
  got = atlas_date_to_iso (start, p);
  g_assert_cmpstr (got, ==, iso);
  g_assert_cmpint (p, ==, precision);
  g_assert_cmpint (end, ==, atlas_date_interval_end (start, p));
}

static void
test_dates (void)
{
  gint32 s, e;
  AtlasPrecision p;

  assert_date ("2020-06-05", "2020-06-05", ATLAS_PRECISION_DAY);
  assert_date ("5 June 2020", "2020-06-05", ATLAS_PRECISION_DAY);
  assert_date ("June 5, 2020", "2020-06-05", ATLAS_PRECISION_DAY);
  assert_date ("June 2020", "2020-06", ATLAS_PRECISION_MONTH);
  assert_date ("Jun 2020", "2020-06", ATLAS_PRECISION_MONTH);
  assert_date ("sept 2020", "2020-09", ATLAS_PRECISION_MONTH);
  assert_date ("2020", "2020", ATLAS_PRECISION_YEAR);
  assert_date ("2020/06/05", "2020-06-05", ATLAS_PRECISION_DAY);
  assert_date ("2020/06", "2020-06", ATLAS_PRECISION_MONTH);
  assert_date (" 2020年6月5日 ", "2020-06-05", ATLAS_PRECISION_DAY);
  assert_date ("2020年6月", "2020-06", ATLAS_PRECISION_MONTH);
  assert_date ("2020年", "2020", ATLAS_PRECISION_YEAR);
  assert_date ("2020-06-05T10:00:00Z", "2020-06-05", ATLAS_PRECISION_DAY);
  assert_date ("2020/06/05 10:00:00+00", "2020-06-05", ATLAS_PRECISION_DAY);
  assert_date ("25/12/2020", "2020-12-25", ATLAS_PRECISION_DAY);
  assert_date ("12/25/2020", "2020-12-25", ATLAS_PRECISION_DAY);

  g_assert_cmpint (atlas_import_parse_date ("06/05/2020", &s, &e, &p), ==, ATLAS_IMPORT_DATE_AMBIGUOUS);
  g_assert_cmpint (atlas_import_parse_date ("1.2.2020", &s, &e, &p), ==, ATLAS_IMPORT_DATE_AMBIGUOUS);
  g_assert_cmpint (atlas_import_parse_date ("soon", &s, &e, &p), ==, ATLAS_IMPORT_DATE_INVALID);
  g_assert_cmpint (atlas_import_parse_date ("31 June 2020", &s, &e, &p), ==, ATLAS_IMPORT_DATE_INVALID);
  g_assert_cmpint (atlas_import_parse_date ("2020-13", &s, &e, &p), ==, ATLAS_IMPORT_DATE_INVALID);
  g_assert_cmpint (atlas_import_parse_date ("  ", &s, &e, &p), ==, ATLAS_IMPORT_DATE_EMPTY);

  g_assert_cmpint (atlas_import_date_parts ("2019", "", NULL, &s, &e, &p), ==, ATLAS_IMPORT_DATE_OK);
  g_assert_cmpint (p, ==, ATLAS_PRECISION_YEAR);
  g_assert_cmpint (atlas_import_date_parts ("2019", "11", NULL, &s, &e, &p), ==, ATLAS_IMPORT_DATE_OK);
  g_assert_cmpint (p, ==, ATLAS_PRECISION_MONTH);
  g_assert_cmpint (atlas_import_date_parts ("2019", "Nov", "3", &s, &e, &p), ==, ATLAS_IMPORT_DATE_OK);
  g_assert_cmpint (p, ==, ATLAS_PRECISION_DAY);
  g_assert_cmpint (s, ==, atlas_date_from_civil (2019, 11, 3));
  g_assert_cmpint (atlas_import_date_parts ("2019", "13", NULL, &s, &e, &p), ==, ATLAS_IMPORT_DATE_INVALID);
  g_assert_cmpint (atlas_import_date_parts ("", NULL, NULL, &s, &e, &p), ==, ATLAS_IMPORT_DATE_EMPTY);
}

/* Columns ------------------------------------------------------------------ */

static void
test_columns (void)
{
  const char *english[] = { "\xef\xbb\xbfTitle", "Start Date", "end_date", "LAT", "lng", "Location", "Group" };
  const char *chinese[] = { "标题", "日期", "结束日期", "纬度", "经度", "地点", "类别", "区县", "描述", "来源" };
  const char *timeline[] = { "Year", "Month", "Day", "End Year", "End Month", "End Day", "Headline", "Text", "Group",
                             "Name", "Latitude", "Longitude" };
  const char *unknown[] = { "Quand", "Où", "X", "Y" };
  AtlasImportMapping m, again;
  g_autofree char *text = NULL;

  atlas_import_mapping_recognise (&m, english, G_N_ELEMENTS (english));
  g_assert_cmpint (m.fields[ATLAS_COLUMN_TITLE], ==, 0);
  g_assert_cmpint (m.fields[ATLAS_COLUMN_DATE], ==, 1);
  g_assert_cmpint (m.fields[ATLAS_COLUMN_END], ==, 2);
  g_assert_cmpint (m.fields[ATLAS_COLUMN_LATITUDE], ==, 3);
  g_assert_cmpint (m.fields[ATLAS_COLUMN_LONGITUDE], ==, 4);
  g_assert_cmpint (m.fields[ATLAS_COLUMN_PLACE], ==, 5);
  g_assert_cmpint (m.fields[ATLAS_COLUMN_SECTOR], ==, 6);
  g_assert_true (atlas_import_mapping_is_usable (&m, FALSE));

  atlas_import_mapping_recognise (&m, chinese, G_N_ELEMENTS (chinese));
  for (guint c = ATLAS_COLUMN_TITLE; c <= ATLAS_COLUMN_SOURCE; c++)
    g_assert_cmpint (m.fields[c], ==, (int) c);

  atlas_import_mapping_recognise (&m, timeline, G_N_ELEMENTS (timeline));
  g_assert_cmpint (m.fields[ATLAS_COLUMN_YEAR], ==, 0);
  g_assert_cmpint (m.fields[ATLAS_COLUMN_END_DAY], ==, 5);
  g_assert_cmpint (m.fields[ATLAS_COLUMN_TITLE], ==, 6);
  g_assert_cmpint (m.fields[ATLAS_COLUMN_DESCRIPTION], ==, 7);
  g_assert_cmpint (m.fields[ATLAS_COLUMN_SECTOR], ==, 8);
  g_assert_cmpint (m.fields[ATLAS_COLUMN_PLACE], ==, 9);
  g_assert_cmpint (m.fields[ATLAS_COLUMN_DATE], ==, -1);
  g_assert_true (atlas_import_mapping_is_usable (&m, FALSE));

  atlas_import_mapping_recognise (&m, unknown, G_N_ELEMENTS (unknown));
  g_assert_false (atlas_import_mapping_is_usable (&m, FALSE));
  m.fields[ATLAS_COLUMN_DATE] = 0;
  m.fields[ATLAS_COLUMN_LONGITUDE] = 2;
  m.fields[ATLAS_COLUMN_LATITUDE] = 3;
  text = atlas_import_mapping_to_string (&m, unknown, G_N_ELEMENTS (unknown));
  g_assert_true (atlas_import_mapping_from_string (&again, text, unknown, G_N_ELEMENTS (unknown)));
  g_assert_cmpmem (&m, sizeof m, &again, sizeof again);
  /* A remembered mapping of columns the file no longer has is not used. */
  g_assert_false (atlas_import_mapping_from_string (&again, text, english, G_N_ELEMENTS (english)));
}

static void
test_quote (void)
{
  g_autofree char *a = atlas_import_quote ("a\x1b[31mb\nc");
  g_autofree char *b = atlas_import_quote ("bad \xff byte");
  const char *names[] = { "one\ttab", "two", NULL };
  g_auto(GStrv) all = atlas_import_quote_all (names, -1);
  g_auto(GStrv) first = atlas_import_quote_all (names, 1);

  g_assert_cmpstr (a, ==, "a\\u001b[31mb\\u000ac");
  g_assert_cmpstr (b, ==, "bad \\xff byte");
  g_assert_cmpuint (g_strv_length (all), ==, 2);
  g_assert_cmpstr (all[0], ==, "one\\u0009tab");
  g_assert_cmpstr (all[1], ==, "two");
  g_assert_cmpuint (g_strv_length (first), ==, 1);
  g_assert_cmpstr (first[0], ==, "one\\u0009tab");
}

/* Files -------------------------------------------------------------------- */

static AtlasDataset *
import (const char   *name,
        AtlasReport **report_out,
        GError      **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "import", name, NULL);
  g_autoptr(AtlasReport) report = atlas_report_new ();
  AtlasDataset *dataset = atlas_import_load (path, NULL, report, NULL, NULL, NULL, error);

  if (report_out != NULL)
    *report_out = g_steal_pointer (&report);
  return dataset;
}

static guint
find_event (AtlasDataset *ds,
            const char   *title)
{
  for (guint e = 0; e < atlas_dataset_get_n_events (ds); e++)
    {
      if (g_strcmp0 (atlas_dataset_get_event (ds, e)->title, title) == 0)
        return e;
    }
  g_error ("no event “%s”", title);
}

static void
assert_event (AtlasDataset   *ds,
              const char     *title,
              const char     *date,
              const char     *end)
{
  guint e = find_event (ds, title);
  const AtlasEvent *ev = atlas_dataset_get_event (ds, e);
  g_autofree char *start = atlas_date_to_iso (atlas_dataset_get_event_start (ds, e), ev->precision);
  g_autofree char *last = NULL;

  g_assert_cmpstr (start, ==, date);
  if (end == NULL)
    {
      g_assert_false (ev->has_end);
      return;
    }
  g_assert_true (ev->has_end);
  last = atlas_date_to_iso (atlas_date_floor (atlas_dataset_get_event_end (ds, e) - 1, ev->end_precision),
                            ev->end_precision);
  g_assert_cmpstr (last, ==, end);
}

static const char *
place_of (AtlasDataset *ds,
          const char   *title)
{
  guint n;
  const guint32 *places = atlas_dataset_event_locations (ds, find_event (ds, title), &n);

  g_assert_cmpuint (n, ==, 1);
  return atlas_dataset_get_location (ds, places[0])->id;
}

static void
test_spreadsheet (void)
{
  g_autoptr(AtlasReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) ds = import ("spreadsheet-bom-crlf.csv", &report, &error);
  g_autofree char *first = NULL, *second = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_dataset_get_n_events (ds), ==, 6);
  assert_event (ds, "Port opens, phase one", "2020-06-05", NULL);
  assert_event (ds, "Expo", "2021-06-05", "2021-06-07");
  assert_event (ds, "中欧班列 新线路", "2019-06", NULL);
  assert_event (ds, "Park founded", "2018-06", NULL);
  assert_event (ds, "Plan approved", "2017", NULL);
  assert_event (ds, "Bridge", "2020-06-05", NULL);
  g_assert_cmpstr (atlas_dataset_get_event (ds, find_event (ds, "Expo"))->description, ==,
                   "A fair, with \"quotes\"");

  /* Rows at the same place share one location. */
  g_assert_cmpstr (place_of (ds, "Port opens, phase one"), ==, place_of (ds, "中欧班列 新线路"));
  g_assert_cmpstr (place_of (ds, "Park founded"), ==, place_of (ds, "Plan approved"));
  g_assert_cmpuint (atlas_dataset_get_n_locations (ds), ==, 4);

  /* The ambiguous and the unreadable date, by row and column, never guessed. */
  g_assert_cmpuint (atlas_report_get_n_errors (report), ==, 2);
  first = atlas_report_format_problem (atlas_report_get_problem (report, 0));
  second = atlas_report_format_problem (atlas_report_get_problem (report, 1));
  g_assert_cmpstr (first, ==, "row 8, column “Date”: “06/05/2020” could be day first or month first; "
                              "write it as 2020-05-06 or 2020-06-05");
  g_assert_cmpstr (second, ==, "row 9, column “Date”: “soon” is not a date; "
                               "write it as 2020-06-05, 5 June 2020, June 2020 or 2020");
}

typedef struct
{
  AtlasDataset *dataset;
  AtlasTestProgress progress;
} AsyncImport;

static void
on_imported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncImport *import = user_data;
  g_autoptr(AtlasReport) report = NULL;
  g_autoptr(GError) error = NULL;

  import->dataset = atlas_import_load_finish (result, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_report_get_n_errors (report), ==, 2);
}

static gboolean
is_imported (gpointer user_data)
{
  return ((AsyncImport *) user_data)->dataset != NULL;
}

/* On a worker thread, with its progress carried to the main context as the
 * loader's is: up to the whole, however quickly the file is read. */
static void
test_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "import", "spreadsheet-bom-crlf.csv",
                                                 NULL);
  AsyncImport import = { NULL, { 0 } };

  atlas_import_load_async (path, NULL, NULL, atlas_test_count_progress, &import.progress, NULL, on_imported_cb,
                           &import);
  atlas_test_wait_until (is_imported, &import, 60, "the file imported on a worker thread");

  g_assert_cmpuint (atlas_dataset_get_n_events (import.dataset), ==, 6);
  g_test_message ("%u progress reports, the last %.3f", import.progress.calls, import.progress.last);
  g_assert_cmpuint (import.progress.calls, >=, 1);
  g_assert_cmpfloat (import.progress.last, ==, 1.0);
  g_object_unref (import.dataset);
}

static void
test_timelinejs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) ds = import ("timelinejs.csv", NULL, &error);

  g_assert_no_error (error);
  assert_event (ds, "Liangjiang expands", "2016-04-12", NULL);
  assert_event (ds, "Science City plan", "2019", "2020-06");
  assert_event (ds, "Expo opens", "2021-11", NULL);
  g_assert_cmpstr (place_of (ds, "Liangjiang expands"), ==, place_of (ds, "Expo opens"));
  g_assert_cmpuint (atlas_dataset_get_n_sectors (ds), ==, 3);
}

static void
test_chinese_tsv (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) ds = import ("chinese.tsv", NULL, &error);
  const AtlasLocation *airport;

  g_assert_no_error (error);
  assert_event (ds, "成都天府国际机场投运", "2021-06-27", NULL);
  assert_event (ds, "西部科学城挂牌", "2020", NULL);
  airport = atlas_dataset_get_location (ds, atlas_dataset_find_location (ds, place_of (ds, "成都天府国际机场投运")));
  g_assert_cmpstr (airport->name, ==, "天府国际机场");
  g_assert_cmpfloat_with_epsilon (airport->lat, 30.31, 1e-9);
  g_assert_cmpuint (airport->district, !=, ATLAS_NONE);
  g_assert_cmpstr (atlas_dataset_get_district (ds, airport->district)->name, ==, "简阳");
}

static void
test_kml (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) ds = import ("google-earth.kml", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_dataset_get_n_events (ds), ==, 3);
  /* A month stays a month, a year a year. */
  assert_event (ds, "Guoyuan Port", "2021-04", NULL);
  assert_event (ds, "Expo season", "2020", "2021-04-05");
  assert_event (ds, "Site visit", "2020-06-05", NULL);
}

static void
test_gpx (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasReport) report = NULL;
  g_autoptr(AtlasDataset) ds = import ("phone.gpx", &report, &error);

  g_assert_no_error (error);
  /* The waypoint and the three track points, each with its time. */
  g_assert_cmpuint (atlas_dataset_get_n_events (ds), ==, 4);
  assert_event (ds, "Jiefangbei", "2023-10-03", NULL);
  g_assert_cmpuint (atlas_report_get_n_errors (report) + atlas_report_get_n_warnings (report), ==, 0);
}

static void
test_unmapped (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "import", "unmapped.csv", NULL);
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(AtlasReport) report2 = atlas_report_new ();
  g_autoptr(AtlasReport) report3 = atlas_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) ds = NULL;
  g_autoptr(AtlasImportPreview) preview = NULL;
  AtlasImportOptions options = { 0 };

  ds = atlas_import_load (path, NULL, report, NULL, NULL, NULL, &error);
  g_assert_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_UNMAPPED);
  g_assert_null (ds);
  g_clear_error (&error);

  preview = atlas_import_preview (path, NULL, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->names->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (preview->names, 1), ==, "Où");
  g_assert_cmpuint (preview->rows->len, ==, 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (preview->rows, 0))[4], ==, "Opening");

  options.mapping_text = "date=Quand\nplace=Où\nlongitude=X\nlatitude=Y\ntitle=Quoi\n";
  ds = atlas_import_load (path, &options, report2, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_event (ds, "Founding", "2021-01-01", NULL);
  g_clear_object (&ds);

  /* A layer chosen in the window and gone since: the window asks again. */
  options.layer = "gone";
  options.one_layer = TRUE;
  ds = atlas_import_load (path, &options, report3, NULL, NULL, NULL, &error);
  g_assert_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_UNMAPPED);
  g_assert_null (ds);
}

static void
test_unreadable (void)
{
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.gpkg", NULL);
  g_autoptr(AtlasDataset) ds = NULL;

  g_assert_true (g_file_set_contents (path, "not a database", -1, NULL));
  ds = atlas_import_load (path, NULL, report, NULL, NULL, NULL, &error);
  g_assert_error (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE);
  g_unlink (path);
  g_rmdir (dir);
}

/* The database dialog's fields become a connection string; its password is
 * never in what is shown. */
static void
test_connection (void)
{
  g_autofree char *built = atlas_import_connection_build ("PG:host=db", NULL, "5433", "my atlas", "me", "s3'cr\\et");
  g_autofree char *described = atlas_import_connection_describe (built);
  g_autofree char *hidden = NULL;
  g_autofree char *reason = NULL;

  g_assert_cmpstr (built, ==, "PG:host=db port='5433' dbname='my atlas' user='me' password='s3\\'cr\\\\et' "
                   "connect_timeout='10'");
  g_assert_cmpstr (described, ==, "database “my atlas” on db");
  hidden = atlas_import_hide_password ("FATAL: password s3'cr\\et is wrong", built);
  g_assert_null (strstr (hidden, "s3'cr"));
  reason = atlas_import_connection_error ("PQconnectdb failed.\nconnection to server at \"db\" failed: FATAL:  "
                                          "password authentication failed for s3'cr\\et", built);
  g_assert_cmpstr (reason, ==, "FATAL:  password authentication failed for ••••••");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/dates", test_dates);
  g_test_add_func ("/import/columns", test_columns);
  g_test_add_func ("/import/quote", test_quote);
  g_test_add_func ("/import/spreadsheet", test_spreadsheet);
  g_test_add_func ("/import/timelinejs", test_timelinejs);
  g_test_add_func ("/import/async", test_async);
  g_test_add_func ("/import/chinese-tsv", test_chinese_tsv);
  g_test_add_func ("/import/kml", test_kml);
  g_test_add_func ("/import/gpx", test_gpx);
  g_test_add_func ("/import/unmapped", test_unmapped);
  g_test_add_func ("/import/unreadable", test_unreadable);
  g_test_add_func ("/import/connection", test_connection);

  return g_test_run ();
}
