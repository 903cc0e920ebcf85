/* atlas-import-table.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a column of a table holds. */
typedef enum
{
  ATLAS_COLUMN_TITLE,
  ATLAS_COLUMN_DATE,
  ATLAS_COLUMN_END,
  ATLAS_COLUMN_LATITUDE,
  ATLAS_COLUMN_LONGITUDE,
  ATLAS_COLUMN_PLACE,
  ATLAS_COLUMN_SECTOR,
  ATLAS_COLUMN_DISTRICT,
  ATLAS_COLUMN_DESCRIPTION,
  ATLAS_COLUMN_SOURCE,
  ATLAS_COLUMN_YEAR,
  ATLAS_COLUMN_MONTH,
  ATLAS_COLUMN_DAY,
  ATLAS_COLUMN_END_YEAR,
  ATLAS_COLUMN_END_MONTH,
  ATLAS_COLUMN_END_DAY,
  ATLAS_N_COLUMNS
} AtlasColumn;

/* Which field of a layer holds each AtlasColumn, or -1. */
typedef struct
{
  int fields[ATLAS_N_COLUMNS];
} AtlasImportMapping;

const char *atlas_column_get_key        (AtlasColumn               column);
const char *atlas_column_get_label      (AtlasColumn               column);
void        atlas_import_mapping_clear  (AtlasImportMapping       *mapping);
void        atlas_import_mapping_recognise (AtlasImportMapping    *mapping,
                                         const char * const       *names,
                                         guint                     n_names);
gboolean    atlas_import_mapping_is_usable (const AtlasImportMapping *mapping,
                                         gboolean                  has_geometry);
char       *atlas_import_mapping_to_string (const AtlasImportMapping *mapping,
                                         const char * const       *names,
                                         guint                     n_names);
gboolean    atlas_import_mapping_from_string (AtlasImportMapping  *mapping,
                                         const char               *text,
                                         const char * const       *names,
                                         guint                     n_names);
char       *atlas_import_mapping_get_layer (const char           *text);
char       *atlas_import_quote          (const char               *text);
GStrv       atlas_import_quote_all      (const char * const       *texts,
                                         gssize                    n_texts);

G_END_DECLS
