/* atlas-load-task.h
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

/* Reads a dataset from @data on the worker thread, its problems into @report. */
typedef AtlasDataset *(*AtlasLoadFunc) (gpointer            data,
                                        AtlasReport        *report,
                                        GCancellable       *cancellable,
                                        AtlasProgressFunc   progress,
                                        gpointer            progress_data,
                                        GError            **error);

void          atlas_load_task_run    (gpointer             source_tag,
                                      AtlasLoadFunc        load,
                                      gpointer             data,
                                      GDestroyNotify       data_free,
                                      GCancellable        *cancellable,
                                      AtlasProgressFunc    progress,
                                      gpointer             progress_data,
                                      GDestroyNotify       progress_data_destroy,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
AtlasDataset *atlas_load_task_finish (GAsyncResult        *result,
                                      gpointer             source_tag,
                                      AtlasReport        **report,
                                      GError             **error);

G_END_DECLS
