/* fuzz-import-csv.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "io/atlas-gdal.h"
#include "io/atlas-import.h"
#include "model/atlas-filter.h"

/*
 * The spreadsheet import's fuzz target: any bytes, as a CSV file held in GDAL's
 * memory file system, through GDAL's CSV reader, the column recognition, the
 * date parser and the dataset builder. Whatever comes in, the import either
 * fails with a reason or gives a dataset that can be filtered; every problem
 * it reports is text safe to print.
 */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
check_problems (AtlasReport *report)
{
  for (guint p = 0; p < atlas_report_get_n_kept (report); p++)
    {
      g_autofree char *line = atlas_report_format_problem (atlas_report_get_problem (report, p));

      g_assert_true (g_utf8_validate (line, -1, NULL));
      for (const char *c = line; *c != '\0'; c++)
        g_assert_true ((guchar) *c >= 0x20);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char path[] = "/vsimem/fuzz.csv";
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  if (!atlas_gdal_load (NULL))
    return 0;
  VSIFCloseL (VSIFileFromMemBuffer (path, (GByte *) data, (vsi_l_offset) size, FALSE));
  dataset = atlas_import_load (path, NULL, report, NULL, NULL, NULL, &error);
  VSIUnlink (path);

  g_assert_true (dataset != NULL || error != NULL);
  check_problems (report);
  if (dataset != NULL)
    {
      g_autoptr(AtlasFilter) filter = atlas_filter_new ();

      atlas_filter_set_dataset (filter, dataset);
      atlas_filter_set_text (filter, "a");
      atlas_filter_clear (filter);
    }
  return 0;
}
