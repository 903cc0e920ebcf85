/* atlas-import.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "atlas-import.h"
#include "atlas-progress-relay.h"

/*
 * Opening any file: the app's own JSON and GeoJSON through the loader, everything
 * else (spreadsheets, KML, GPX, GeoPackage, Shapefile, FlatGeobuf, GeoJSONSeq, a
 * PostGIS connection string) through GDAL/OGR. Both build the same dataset and
 * report problems the same way. atlas_import_load() is with the GDAL import.
 */

static const char * const json_suffixes[] = { ".json", ".geojson", NULL };

/**
 * atlas_import_is_foreign:
 * @path: a file name or a GDAL connection string
 *
 * Returns: whether the file is read through GDAL rather than the JSON loader
 */
gboolean
atlas_import_is_foreign (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_prefix (path, "PG:"))
    return TRUE;
  for (guint i = 0; json_suffixes[i] != NULL; i++)
    {
      if (g_str_has_suffix (lower, json_suffixes[i]))
        return FALSE;
    }
  /* Anything with a name GDAL knows, and nothing else: a file without a
   * suffix is tried as a dataset, whose messages are the clearest. */
  return strrchr (lower, '.') != NULL;
}

/* Asynchronous import ------------------------------------------------------- */

typedef struct
{
  char *path;
  char *layer;
  char *sql;
  char *mapping_text;
  gboolean one_layer;
  AtlasReport *report;
  AtlasProgressRelay *relay;
} ImportData;

static void
import_data_free (ImportData *data)
{
  atlas_progress_relay_unref (data->relay);
  g_clear_object (&data->report);
  g_free (data->path);
  g_free (data->layer);
  g_free (data->sql);
  g_free (data->mapping_text);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autofree char *chosen = atlas_import_mapping_get_layer (data->mapping_text);
  AtlasImportOptions options = { data->layer, data->sql, NULL, data->mapping_text, data->one_layer };
  GError *error = NULL;
  AtlasDataset *dataset;

  /* A layer chosen for this file before is read again without asking. */
  if (options.layer == NULL && options.sql == NULL)
    options.layer = chosen;
  dataset = atlas_import_load (data->path, &options, data->report, cancellable, atlas_progress_relay_report,
                               data->relay, &error);
  if (dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

/**
 * atlas_import_load_async:
 * @path: a file, or a GDAL connection string
 * @options: (nullable): which layer, query or remembered mapping (its
 *   `mapping_text` may name the layer chosen); copied
 * @progress: (nullable): called in the caller's main context with the fraction done
 *
 * Opens any supported file on a worker thread; cancelling ends it with
 * %G_IO_ERROR_CANCELLED.
 */
void
atlas_import_load_async (const char               *path,
                         const AtlasImportOptions *options,
                         GCancellable             *cancellable,
                         AtlasProgressFunc         progress,
                         gpointer                  progress_data,
                         GDestroyNotify            progress_data_destroy,
                         GAsyncReadyCallback       callback,
                         gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data = g_new0 (ImportData, 1);

  data->path = g_strdup (path);
  if (options != NULL)
    {
      data->layer = g_strdup (options->layer);
      data->sql = g_strdup (options->sql);
      data->mapping_text = g_strdup (options->mapping_text);
      data->one_layer = options->one_layer;
    }
  data->report = atlas_report_new ();
  data->relay = atlas_progress_relay_new (cancellable, progress, progress_data, progress_data_destroy);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_import_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * atlas_import_load_finish:
 * @report: (out) (optional): every problem found, also when the import failed
 *
 * Returns: (transfer full) (nullable): the dataset
 */
AtlasDataset *
atlas_import_load_finish (GAsyncResult  *result,
                          AtlasReport  **report,
                          GError       **error)
{
  ImportData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  data = g_task_get_task_data (G_TASK (result));
  atlas_progress_relay_finish (data->relay);
  if (report != NULL)
    *report = g_object_ref (data->report);
  return g_task_propagate_pointer (G_TASK (result), error);
}
