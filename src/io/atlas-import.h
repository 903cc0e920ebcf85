/* atlas-import.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/atlas-dataset.h"
#include "atlas-import-table.h"
#include "atlas-json.h"
#include "atlas-report.h"

G_BEGIN_DECLS

#define ATLAS_IMPORT_ERROR (atlas_import_error_quark ())

/**
 * AtlasImportError:
 * @ATLAS_IMPORT_ERROR_UNMAPPED: no layer's columns say which holds the date and the
 *   place; atlas_import_preview() shows them so that a person can map them
 */
typedef enum
{
  ATLAS_IMPORT_ERROR_UNMAPPED,
  ATLAS_IMPORT_ERROR_SEVERAL_LAYERS,
} AtlasImportError;

typedef struct
{
  const char *layer;                  /* (nullable) read only this layer or table */
  const char *sql;                    /* (nullable) read what this query returns */
  const AtlasImportMapping *mapping;  /* (nullable) instead of recognising columns */
  const char *mapping_text;           /* (nullable) a remembered mapping, by field names,
                                         and the layer chosen (a `layer=` line) */
  gboolean one_layer;                 /* several layers with rows: ask, do not read all */
} AtlasImportOptions;

/* The first rows of a table, for the mapping dialog. */
typedef struct
{
  char *layer;
  GPtrArray *names;     /* char * */
  GPtrArray *rows;      /* GStrv, as many as names */
  gboolean has_geometry;
} AtlasImportPreview;

GQuark        atlas_import_error_quark   (void);
gboolean      atlas_import_is_foreign    (const char               *path);
AtlasDataset *atlas_import_load          (const char               *path,
                                          const AtlasImportOptions *options,
                                          AtlasReport              *report,
                                          GCancellable             *cancellable,
                                          AtlasProgressFunc         progress,
                                          gpointer                  progress_data,
                                          GError                  **error);
void          atlas_import_load_async    (const char               *path,
                                          const AtlasImportOptions *options,
                                          GCancellable             *cancellable,
                                          AtlasProgressFunc         progress,
                                          gpointer                  progress_data,
                                          GDestroyNotify            progress_data_destroy,
                                          GAsyncReadyCallback       callback,
                                          gpointer                  user_data);
AtlasDataset *atlas_import_load_finish   (GAsyncResult             *result,
                                          AtlasReport             **report,
                                          GError                  **error);
AtlasImportPreview *atlas_import_preview (const char               *path,
                                          const char               *layer,
                                          guint                     n_rows,
                                          GError                  **error);
void          atlas_import_preview_free  (AtlasImportPreview       *preview);
GStrv         atlas_import_list_layers   (const char               *path,
                                          GError                  **error);
char         *atlas_import_connection_build (const char            *connection,
                                          const char               *host,
                                          const char               *port,
                                          const char               *dbname,
                                          const char               *user,
                                          const char               *password);
char         *atlas_import_connection_describe (const char         *connection);
char         *atlas_import_connection_error (const char          *message,
                                          const char               *connection);
char         *atlas_import_hide_password (const char               *text,
                                          const char               *connection);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasImportPreview, atlas_import_preview_free)

G_END_DECLS
