/* atlas-json-scan.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "atlas-report.h"

G_BEGIN_DECLS

#define ATLAS_JSON_MAX_DEPTH 64
#define ATLAS_JSON_MAX_STRING (1024 * 1024)

typedef void (*AtlasProgressFunc) (double   fraction,
                                   gpointer user_data);

typedef struct
{
  gsize start;            /* where the JSON begins: 3 after a byte-order mark */
  guint n_lines;
  gboolean root_is_object;
  GPtrArray *top_arrays;  /* names of the top-level members whose value is an array, in order */
  GPtrArray *top_keys;    /* every top-level member name, in order */
} AtlasJsonScan;

gboolean atlas_json_scan       (const char        *data,
                                gsize              length,
                                AtlasJsonScan     *scan,
                                AtlasReport       *report,
                                GCancellable      *cancellable,
                                AtlasProgressFunc  progress,
                                gpointer           progress_data);
void     atlas_json_scan_clear (AtlasJsonScan     *scan);

G_END_DECLS
