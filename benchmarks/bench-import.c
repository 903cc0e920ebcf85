/* bench-import.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-private.h"
#include "io/atlas-import.h"
#include "io/atlas-loader.h"
#include "io/atlas-write-dataset.h"

/*
 * Importing a spreadsheet against loading the same events as a dataset: the
 * generated dataset is written once as a CSV (one row an event, with its first
 * place's name and coordinates, its first sector and its dates), then the CSV is
 * imported through GDAL and the JSON loaded, in turn. Goal: the import takes at
 * most twice as long.
 */

static void
put_field (GString    *out,
           const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append (out, "\",");
}

static char *
write_csv (const BenchDataset *data)
{
  AtlasDataset *ds = data->dataset;
  char *path = g_strconcat (data->path, ".csv", NULL);
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;
  out = g_string_new ("title,date,end,place,sector,latitude,longitude\n");
  for (guint e = 0; e < atlas_dataset_get_n_events (ds); e++)
    {
      const AtlasEvent *ev = atlas_dataset_get_event (ds, e);
      guint n;
      const guint32 *places = atlas_dataset_event_locations (ds, e, &n);
      const guint32 *sectors = atlas_dataset_event_sectors (ds, e, &n);
      const AtlasLocation *loc = atlas_dataset_get_location (ds, places[0]);
      g_autofree char *date = NULL;
      g_autofree char *end = NULL;
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

      atlas_write_event_dates (ds, e, &date, &end);
      put_field (out, ev->title);
      put_field (out, date);
      put_field (out, end);
      put_field (out, loc->name);
      put_field (out, n > 0 ? atlas_dataset_get_sector (ds, sectors[0])->name : NULL);
      g_string_append_printf (out, "%s,%s\n", g_ascii_dtostr (lat, sizeof lat, loc->lat),
                              g_ascii_dtostr (lon, sizeof lon, loc->lon));
    }
  if (!g_file_set_contents (path, out->str, (gssize) out->len, &error))
    g_error ("Could not write %s: %s", path, error->message);
  return path;
}

static AtlasDataset *
import_file (const char *path)
{
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_import_load (path, NULL, report, NULL, NULL, NULL, &error);

  if (dataset == NULL)
    g_error ("Importing %s failed: %s", path, error->message);
  return dataset;
}

static AtlasDataset *
load_json (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_loader_load_file (file, report, NULL, NULL, NULL, &error);

  if (dataset == NULL)
    g_error ("Loading %s failed: %s", path, error->message);
  return dataset;
}

void
bench_import (Bench              *bench,
              const BenchDataset *data)
{
  g_autofree char *csv = write_csv (data);
  guint repeats = bench_repeats (bench, 5);
  g_autofree double *imports = g_new (double, repeats);
  g_autofree double *loads = g_new (double, repeats);

  /* In turn, so that both see the same machine; the first round warms up. */
  for (guint i = 0; i <= repeats; i++)
    {
      double start = bench_now_ms ();
      AtlasDataset *dataset = import_file (csv);
      double import_ms = bench_now_ms () - start;

      g_object_unref (dataset);
      start = bench_now_ms ();
      dataset = load_json (data->path);
      if (i > 0)
        {
          imports[i - 1] = import_ms;
          loads[i - 1] = bench_now_ms () - start;
        }
      g_object_unref (dataset);
    }
  bench_record (bench, "import csv", data->label, imports, repeats, "ms");
  bench_record (bench, "load same json", data->label, loads, repeats, "ms");
  bench_ratio (bench, "import csv / load json", data->label, "import csv", "load same json", 2.0);
}
