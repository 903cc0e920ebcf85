/* fuzz-view-state.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-view-state.h"
#include "io/atlas-loader.h"

/*
 * libFuzzer target for restoring a view state from settings: the input is read
 * as a serialised a{sv}, as GSettings stores "last-state" and each saved view,
 * or, when it starts with '{', as GVariant text, as a hand-edited keyfile holds
 * it. Whatever it holds, restoring it must not crash, and what it restores
 * stays within bounds. Seeds are in tests/fuzz/view-state/.
 */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static AtlasDataset *dataset;

static AtlasDataset *
load_dataset (void)
{
  const char *json =
    "{\"atlas\":1,\"title\":\"T\",\"sources\":[{\"id\":\"n\",\"title\":\"T\",\"publisher\":\"P\",\"date\":\"2020\"}],"
    "\"sectors\":[{\"id\":\"s\",\"name\":\"S\",\"color\":\"#1c71d8\"}],"
    "\"districts\":[{\"id\":\"d\",\"name\":\"D\"}],"
    "\"locations\":[{\"id\":\"p\",\"name\":\"P\",\"kind\":\"port\",\"district\":\"d\",\"sectors\":[\"s\"],\"point\":[106,29]}],"
    "\"events\":[{\"id\":\"a\",\"date\":\"2019-03\",\"title\":\"A\",\"location\":\"p\",\"sectors\":[\"s\"],\"source\":\"n\"},"
    "{\"id\":\"b\",\"date\":\"2021-06-05\",\"title\":\"B\",\"location\":\"p\",\"sectors\":[\"s\"],\"source\":\"n\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(AtlasReport) report = atlas_report_new ();

  return atlas_loader_load_bytes (bytes, report, NULL, NULL, NULL, NULL);
}

static GVariant *
read_state (const guint8 *data,
            size_t        size)
{
  if (size > 0 && data[0] == '{')
    {
      g_autofree char *text = g_strndup ((const char *) data, size);

      /* A keyfile is UTF-8 (GKeyFile refuses other lines), and GLib's parser
       * is not meant for anything else. */
      if (!g_utf8_validate (text, -1, NULL))
        return NULL;
      return g_variant_parse (G_VARIANT_TYPE_VARDICT, text, NULL, NULL, NULL);
    }
  {
    gpointer copy = g_memdup2 (data, size);

    /* The notify is given its user data, the copy, to free. */
    return g_variant_ref_sink (g_variant_new_from_data (G_VARIANT_TYPE_VARDICT, copy, size, FALSE, g_free, copy));
  }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GVariant) state = NULL;
  g_autoptr(AtlasFilter) filter = NULL;
  g_autoptr(AtlasSelection) selection = NULL;
  g_autoptr(AtlasPlayhead) playhead = NULL;
  gint32 first, end, start, stop;
  gint64 margin;

  if (dataset == NULL)
    {
      /* A critical is a bug found, as in the tests. */
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      dataset = load_dataset ();
    }
  g_assert_nonnull (dataset);

  state = read_state (data, size);
  if (state == NULL)
    return 0;

  filter = atlas_filter_new ();
  atlas_filter_set_dataset (filter, dataset);
  selection = atlas_selection_new ();
  atlas_selection_set_dataset (selection, dataset);
  playhead = atlas_playhead_new (filter);
  atlas_view_state_apply (state, filter, selection, playhead, ATLAS_VIEW_STATE_ALL);

  atlas_dataset_get_date_range (dataset, &first, &end);
  margin = MAX ((gint64) end - first, 366);
  if (atlas_filter_get_date_range (filter, &start, &stop))
    {
      g_assert_cmpint (start, <, stop);
      g_assert_cmpint (start, >=, first - margin);
      g_assert_cmpint (stop, <=, end + margin);
    }
  if (g_variant_lookup (state, "playhead-day", "i", &start))
    {
      g_assert_cmpint (atlas_playhead_get_day (playhead), >=, first - margin);
      g_assert_cmpint (atlas_playhead_get_day (playhead), <=, end + margin);
    }
  g_assert_true (isfinite (atlas_playhead_get_speed (playhead)));
  if (atlas_filter_get_text (filter) != NULL)
    g_assert_cmpuint (g_utf8_strlen (atlas_filter_get_text (filter), -1), <=, 1000);

  /* And it captures again. */
  g_variant_unref (g_variant_ref_sink (atlas_view_state_capture (filter, selection, playhead, ATLAS_VIEW_STATE_ALL)));
  return 0;
}
