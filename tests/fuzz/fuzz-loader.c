/* fuzz-loader.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model/atlas-filter.h"
#include "io/atlas-loader.h"

/*
 * libFuzzer target for the whole path from bytes to a dataset: the syntax scan,
 * json-glib, every check of the loader (datasets and GeoJSON), sealing, and a
 * filter over the result. Built with -Dfuzzing=true and clang; see
 * tests/fuzz/README.md.
 */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = atlas_loader_load_bytes (bytes, report, NULL, NULL, NULL, &error);

  /* Every failure says why. */
  if (dataset == NULL)
    g_assert_true (error != NULL && atlas_report_get_n_errors (report) > 0);

  /* A dataset that loads can be filtered and searched. */
  if (dataset != NULL)
    {
      g_autoptr(AtlasFilter) filter = atlas_filter_new ();
      gint32 first, end;

      atlas_filter_set_dataset (filter, dataset);
      if (atlas_filter_get_n_values (filter, ATLAS_FACET_SECTOR) > 0)
        atlas_filter_set_value (filter, ATLAS_FACET_SECTOR, 0, TRUE);
      atlas_filter_set_text (filter, "a");
      if (atlas_dataset_get_date_range (dataset, &first, &end) && first < end)
        atlas_filter_set_date_range (filter, first, first + (end - first) / 2 + 1);
      atlas_filter_clear (filter);
    }

  return 0;
}
