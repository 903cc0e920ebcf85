/* atlas-import-private.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/atlas-dataset-private.h"
#include "atlas-import-table.h"
#include "atlas-json.h"
#include "atlas-report.h"

G_BEGIN_DECLS

/* One row or feature, as text, ready to become a place and an event. */
typedef struct
{
  const char *text[ATLAS_N_COLUMNS];  /* NULL when the column is absent or empty */
  gboolean has_point;
  AtlasPoint point;
  guint32 geometry;                   /* or ATLAS_NONE */
  const char *date_text;              /* overrides ATLAS_COLUMN_DATE (KML) */
  const char *end_text;               /* overrides ATLAS_COLUMN_END (KML) */
  const char *field_names[ATLAS_N_COLUMNS]; /* for messages */
  const char *fallback_title;         /* "waypoints 3", when nothing names the row */
} ImportRow;

typedef struct
{
  AtlasDataset *dataset;
  AtlasReport *report;
  GCancellable *cancellable;
  GHashTable *places_by_name;   /* name → location index + 1 */
  GHashTable *places_by_point;  /* point_key() → location index + 1 */
  GHashTable *sources;      /* text → source index + 1 */
  const char *file_title;   /* the default source's title */
  const char *publisher;
  gboolean tables;          /* rows of a spreadsheet: "row 12, column “date”" */
  const char *layer;        /* named in messages when the file has several */
  guint n_rows;             /* rows seen, for messages */
  guint n_skipped;          /* rows that lost data */
} Importer;

void     importer_init          (Importer       *im,
                                 AtlasDataset   *dataset,
                                 AtlasReport    *report);
void     importer_clear         (Importer       *im);
char    *importer_where         (Importer       *im,
                                 guint64         row,
                                 const char     *field);
void     importer_add_row       (Importer       *im,
                                 const ImportRow *row,
                                 guint64         index);
void     importer_date_sources  (AtlasDataset   *ds);
guint32  importer_named         (AtlasDataset   *ds,
                                 gboolean        sector,
                                 const char     *name,
                                 const guint32  *palette,
                                 guint           n_colors);
AtlasKind importer_shape_kind   (AtlasDataset   *ds,
                                 guint32         geometry);
guint32  importer_add_location  (AtlasDataset   *ds,
                                 AtlasLocation  *loc);

/* KML's TimeStamp and TimeSpan as written, per placemark in document order. */
typedef struct
{
  char *name;
  char *when;
  char *begin;
  char *end;
} KmlTimes;

GHashTable *kml_times_read       (const char     *path);
const KmlTimes *kml_times_take   (GHashTable     *times,
                                  const char     *name);

G_END_DECLS
