/* atlas-import.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "atlas-import.h"
#include "atlas-load-task.h"

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

/* What to import, copied for the worker thread. */
typedef struct
{
  char *path;
  char *layer;
  char *sql;
  char *mapping_text;
  gboolean one_layer;
} ImportRequest;

static void
import_request_free (ImportRequest *request)
{
  g_free (request->path);
  g_free (request->layer);
  g_free (request->sql);
  g_free (request->mapping_text);
  g_free (request);
}

static AtlasDataset *
import_request_load (gpointer            data,
                     AtlasReport        *report,
                     GCancellable       *cancellable,
                     AtlasProgressFunc   progress,
                     gpointer            progress_data,
                     GError            **error)
{
  ImportRequest *request = data;
  g_autofree char *chosen = atlas_import_mapping_get_layer (request->mapping_text);
  AtlasImportOptions options = { request->layer, request->sql, NULL, request->mapping_text, request->one_layer };

  /* A layer chosen for this file before is read again without asking. */
  if (options.layer == NULL && options.sql == NULL)
    options.layer = chosen;
  return atlas_import_load (request->path, &options, report, cancellable, progress, progress_data, error);
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
  ImportRequest *request = g_new0 (ImportRequest, 1);

  request->path = g_strdup (path);
  if (options != NULL)
    {
      request->layer = g_strdup (options->layer);
      request->sql = g_strdup (options->sql);
      request->mapping_text = g_strdup (options->mapping_text);
      request->one_layer = options->one_layer;
    }
  atlas_load_task_run (atlas_import_load_async, import_request_load, request,
                       (GDestroyNotify) import_request_free, cancellable, progress, progress_data,
                       progress_data_destroy, callback, user_data);
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
  return atlas_load_task_finish (result, atlas_import_load_async, report, error);
}
