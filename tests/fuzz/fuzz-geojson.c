/* fuzz-geojson.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "io/atlas-loader.h"

/*
 * libFuzzer target for the GeoJSON import: the input is the inside of a
 * FeatureCollection's "features" array, so that every input, however mangled,
 * is read as GeoJSON rather than turned away as not a dataset. Seeds are in
 * tests/fuzz/geojson/.
 */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

#define HEAD "{\"type\":\"FeatureCollection\",\"features\":["
#define TAIL "]}"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GByteArray) text = g_byte_array_sized_new (size + strlen (HEAD) + strlen (TAIL));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  /* A critical is a bug found, as in the tests. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  g_byte_array_append (text, (const guint8 *) HEAD, strlen (HEAD));
  g_byte_array_append (text, data, size);
  g_byte_array_append (text, (const guint8 *) TAIL, strlen (TAIL));
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&text));

  dataset = atlas_loader_load_bytes (bytes, report, NULL, NULL, NULL, &error);

  /* Every failure says why, and every message is safe to print. */
  if (dataset == NULL)
    g_assert_true (error != NULL && atlas_report_get_n_errors (report) > 0);
  for (guint i = 0; i < atlas_report_get_n_kept (report); i++)
    {
      const AtlasProblem *problem = atlas_report_get_problem (report, i);

      for (const char *p = problem->message; *p != '\0'; p++)
        g_assert_true ((guchar) *p >= 0x20 && *p != 0x7F);
    }

  /* What was imported is whole: every event has a place. */
  for (guint i = 0; dataset != NULL && i < atlas_dataset_get_n_events (dataset); i++)
    {
      guint n;

      atlas_dataset_event_locations (dataset, i, &n);
      g_assert_cmpuint (n, >, 0);
    }

  return 0;
}
