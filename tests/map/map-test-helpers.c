/* map-test-helpers.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the map's widget tests share. */

#include "config.h"

#include "io/atlas-loader.h"
#include "map-test-helpers.h"

#define BUNDLED_DATASET "/io/github/chengyu/Atlas/data/chengdu-chongqing.atlas.json"

/* The bundled dataset, from the resources; the test fails if it does not load. */
AtlasDataset *
map_test_load_bundled (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (BUNDLED_DATASET, 0, NULL);
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset;

  g_assert_nonnull (bytes);
  dataset = atlas_loader_load_bytes (bytes, report, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}
