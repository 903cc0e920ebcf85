/* atlas-loader.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/atlas-dataset.h"
#include "atlas-json.h"
#include "atlas-report.h"

G_BEGIN_DECLS

/* Documented in docs/dataset-format.md ("Limits").
 *
 * A file is at most 4 GiB less one byte, so that every count the loader keeps in
 * 32 bits is bounded by the file's bytes and cannot wrap (atlas-loader.c checks
 * these at compile time): the JSON reader's line and column numbers (one per
 * byte at most), the index of an element in a top-level array and the items of
 * an array (two bytes each at least, `0,`), and the offsets into the dataset's
 * list of indices, which gets at most two entries per four bytes (`"a",` in an
 * event's `location`, which also enters the place's list of events). Positions
 * in the file are pointers and lengths are gsize. The 10,000,000-event benchmark
 * dataset is 2.2 GB and its load peaks at 4.6 GiB (2.3 times the file), so a
 * file at the limit needs about 9 GiB. */
#define ATLAS_MAX_FILE_SIZE ((guint64) G_MAXUINT32)
#define ATLAS_MAX_ITEMS 16777215u
#define ATLAS_MAX_ID_LENGTH 256

AtlasDataset *atlas_loader_load_bytes   (GBytes             *bytes,
                                         AtlasReport        *report,
                                         GCancellable       *cancellable,
                                         AtlasProgressFunc   progress,
                                         gpointer            progress_data,
                                         GError            **error);
AtlasDataset *atlas_loader_load_file    (GFile              *file,
                                         AtlasReport        *report,
                                         GCancellable       *cancellable,
                                         AtlasProgressFunc   progress,
                                         gpointer            progress_data,
                                         GError            **error);
void          atlas_loader_load_async   (GFile              *file,
                                         GCancellable       *cancellable,
                                         AtlasProgressFunc   progress,
                                         gpointer            progress_data,
                                         GDestroyNotify      progress_data_destroy,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data);
AtlasDataset *atlas_loader_load_finish  (GAsyncResult       *result,
                                         AtlasReport       **report,
                                         GError            **error);
guint64       atlas_loader_estimate_memory (guint64          file_size);

G_END_DECLS
