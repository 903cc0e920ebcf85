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

/* Documented in docs/dataset-format.md ("Limits"). */
#define ATLAS_MAX_FILE_SIZE (G_GUINT64_CONSTANT (2) * 1024 * 1024 * 1024)
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
