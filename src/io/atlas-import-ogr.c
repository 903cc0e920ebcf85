/* atlas-import-ogr.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-gdal.h"

#include "model/atlas-error.h"
#include "atlas-import.h"
#include "atlas-import-geometry.h"
#include "atlas-import-private.h"
#include "atlas-loader.h"

/*
 * Reading any vector source GDAL/OGR opens — spreadsheets (CSV, TSV, XLSX, ODS),
 * KML/KMZ, GPX, GeoJSON, GeoPackage, Shapefile, FlatGeobuf, PostGIS — layer by
 * layer, feature by feature, into the importer. Each layer's fields are
 * recognised by name (atlas-import-table.c) unless the caller maps them; a layer
 * with no date is left out, with a warning when it has features.
 */

typedef struct
{
  Importer im;
  GDALDatasetH gdal;
  const char *path;         /* or connection string, password included */
  const AtlasImportOptions *options;
  GHashTable *kml;          /* placemark times, for KML and KMZ */
  AtlasProgressFunc progress;
  gpointer progress_data;
  guint64 total, done;
  guint n_layers, layers_done;
  guint n_usable, n_unmapped;
  gboolean gpx;
} OgrImport;

G_DEFINE_QUARK (atlas-import-error-quark, atlas_import_error)

static GDALDatasetH
open_source (const char  *path,
             GError     **error)
{
  /* A database's tables without a geometry column hold events too (with a
   * latitude and a longitude). */
  const char *options[] = { "EMPTY_STRING_AS_NULL=YES", "LIST_ALL_TABLES=YES", NULL };
  GDALDatasetH gdal;

  if (!g_str_has_prefix (path, "PG:"))
    options[1] = NULL;

  if (!atlas_gdal_load (error))
    return NULL;
  /* A sheet written as text only has no types to tell its header by, and a
   * table to import always has one. GDAL 3.6 reads this as a configuration
   * option only, and when a sheet is first read, so it stays set. */
  CPLSetThreadLocalConfigOption ("OGR_XLSX_HEADERS", "FORCE");
  CPLSetThreadLocalConfigOption ("OGR_ODS_HEADERS", "FORCE");
  CPLErrorReset ();
  gdal = GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, NULL, options, NULL);
  if (gdal == NULL && g_str_has_prefix (path, "PG:"))
    {
      g_autofree char *detail = atlas_import_connection_error (CPLGetLastErrorMsg (), path);

      g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE, _("The database cannot be opened: %s"), detail);
    }
  else if (gdal == NULL)
    {
      g_autofree char *detail = atlas_import_quote (CPLGetLastErrorMsg ());

      if (*detail != '\0')
        g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE, _("This file cannot be read as geodata: %s"),
                     detail);
      else
        g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE,
                             _("This is not a format Chengyu Atlas can open"));
    }
  return gdal;
}

static char **
field_names (OGRFeatureDefnH defn)
{
  int n = OGR_FD_GetFieldCount (defn);
  char **names = g_new0 (char *, n + 1);

  for (int i = 0; i < n; i++)
    names[i] = g_strdup (OGR_Fld_GetNameRef (OGR_FD_GetFieldDefn (defn, i)));
  return names;
}

/* A field's text, trimmed, or NULL; dates from typed fields as ISO dates. */
static char *
field_text (OGRFeatureH feature,
            int         field)
{
  OGRFieldType type;
  char *text;

  if (field < 0 || !OGR_F_IsFieldSetAndNotNull (feature, field))
    return NULL;
  type = OGR_Fld_GetType (OGR_F_GetFieldDefnRef (feature, field));
  if (type == OFTDate || type == OFTDateTime)
    {
      int y, m, d, h, mi, tz;
      float s;

      if (!OGR_F_GetFieldAsDateTimeEx (feature, field, &y, &m, &d, &h, &mi, &s, &tz))
        return NULL;
      return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
    }
  text = g_strstrip (g_strdup (OGR_F_GetFieldAsString (feature, field)));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static OGRCoordinateTransformationH
to_wgs84 (OGRLayerH layer)
{
  OGRSpatialReferenceH source = OGR_L_GetSpatialRef (layer);
  OGRSpatialReferenceH target;
  OGRCoordinateTransformationH transform = NULL;

  if (source == NULL)
    return NULL;
  target = OSRNewSpatialReference (NULL);
  OSRImportFromEPSG (target, 4326);
  OSRSetAxisMappingStrategy (target, OAMS_TRADITIONAL_GIS_ORDER);
  if (!OSRIsSame (source, target))
    transform = OCTNewCoordinateTransformation (source, target);
  OSRDestroySpatialReference (target);
  return transform;
}

static void
fill_geometry (OgrImport                   *imp,
               OGRFeatureH                  feature,
               OGRCoordinateTransformationH transform,
               ImportRow                   *row)
{
  OGRGeometryH geometry = OGR_F_GetGeometryRef (feature);

  row->geometry = ATLAS_NONE;
  if (geometry == NULL)
    return;
  if (transform != NULL)
    {
      geometry = OGR_G_Clone (geometry);
      if (OGR_G_Transform (geometry, transform) != OGRERR_NONE)
        {
          OGR_G_DestroyGeometry (geometry);
          return;
        }
    }
  row->has_point = atlas_import_geometry (imp->im.dataset, geometry, &row->point, &row->geometry);
  if (transform != NULL)
    OGR_G_DestroyGeometry (geometry);
}

static void
read_feature (OgrImport                   *imp,
              OGRFeatureH                  feature,
              const AtlasImportMapping    *mapping,
              char                       **names,
              OGRCoordinateTransformationH transform,
              const char                  *layer_name,
              guint64                      index)
{
  ImportRow row = { 0 };
  char *texts[ATLAS_N_COLUMNS] = { 0 };
  g_autofree char *fallback = NULL;
  const KmlTimes *times = NULL;

  for (guint c = 0; c < ATLAS_N_COLUMNS; c++)
    {
      int f = mapping->fields[c];

      row.text[c] = texts[c] = field_text (feature, f);
      row.field_names[c] = f >= 0 ? names[f] : NULL;
    }
  fill_geometry (imp, feature, transform, &row);

  if (imp->kml != NULL)
    times = kml_times_take (imp->kml, row.text[ATLAS_COLUMN_PLACE] != NULL ? row.text[ATLAS_COLUMN_PLACE]
                                                                           : row.text[ATLAS_COLUMN_TITLE]);
  if (times != NULL)
    {
      row.date_text = times->when != NULL ? times->when : times->begin;
      row.end_text = times->when != NULL ? NULL : times->end;
      if (row.date_text == NULL && row.end_text != NULL)
        row.date_text = row.end_text;
    }

  if (row.text[ATLAS_COLUMN_TITLE] == NULL && row.text[ATLAS_COLUMN_PLACE] == NULL)
    row.fallback_title = fallback = g_strdup_printf ("%s %" G_GUINT64_FORMAT, layer_name, index + 1);
  importer_add_row (&imp->im, &row, index);
  for (guint c = 0; c < ATLAS_N_COLUMNS; c++)
    g_free (texts[c]);
}

static void
report_progress (OgrImport *imp)
{
  double fraction;

  if (imp->progress == NULL)
    return;
  if (imp->total > 0)
    fraction = (double) MIN (imp->done, imp->total) / (double) imp->total;
  else
    fraction = imp->n_layers > 0 ? (double) imp->layers_done / imp->n_layers : 0;
  imp->progress (0.95 * fraction, imp->progress_data);
}

/* Which fields hold what: the caller's mapping, or the fields' names. */
static gboolean
layer_mapping (OgrImport          *imp,
               OGRLayerH           layer,
               char              **names,
               AtlasImportMapping *mapping)
{
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn (layer);
  gboolean has_geometry = OGR_FD_GetGeomType (defn) != wkbNone;

  if (imp->options != NULL && imp->options->mapping != NULL)
    *mapping = *imp->options->mapping;
  else if (imp->options == NULL || imp->options->mapping_text == NULL ||
           !atlas_import_mapping_from_string (mapping, imp->options->mapping_text,
                                              (const char * const *) names, g_strv_length (names)))
    atlas_import_mapping_recognise (mapping, (const char * const *) names, g_strv_length (names));

  /* KML's times come from the document itself. */
  if (imp->kml != NULL && mapping->fields[ATLAS_COLUMN_DATE] < 0)
    return has_geometry;
  return atlas_import_mapping_is_usable (mapping, has_geometry);
}

static void
read_layer (OgrImport *imp,
            OGRLayerH  layer)
{
  g_auto(GStrv) names = field_names (OGR_L_GetLayerDefn (layer));
  const char *layer_name = OGR_L_GetName (layer);
  AtlasImportMapping mapping;
  OGRCoordinateTransformationH transform;
  OGRFeatureH feature;
  guint64 index = 0;

  if (!layer_mapping (imp, layer, names, &mapping))
    {
      if (OGR_L_TestCapability (layer, OLCFastFeatureCount) && OGR_L_GetFeatureCount (layer, FALSE) == 0)
        return;
      imp->n_unmapped++;
      /* A GPX file's routes and tracks are read through their points. */
      if (imp->n_layers > 1 && !imp->gpx)
        {
          g_autofree char *quoted = atlas_import_quote (layer_name);

          atlas_report_add (imp->im.report, ATLAS_SEVERITY_WARNING, NULL,
                            _("layer “%s” has no column with a date and none with a place (or its columns’ names are not recognised); it is left out"),
                            quoted);
        }
      return;
    }
  imp->n_usable++;

  transform = to_wgs84 (layer);
  OGR_L_ResetReading (layer);
  while ((feature = OGR_L_GetNextFeature (layer)) != NULL)
    {
      read_feature (imp, feature, &mapping, names, transform, layer_name, index++);
      OGR_F_Destroy (feature);
      imp->done++;
      if ((index & 4095) == 0)
        {
          if (g_cancellable_is_cancelled (imp->im.cancellable))
            break;
          report_progress (imp);
        }
    }
  if (transform != NULL)
    OCTDestroyCoordinateTransformation (transform);
}

static void
read_layers (OgrImport *imp)
{
  const AtlasImportOptions *options = imp->options;
  OGRLayerH layer;

  if (options != NULL && options->sql != NULL)
    {
      layer = GDALDatasetExecuteSQL (imp->gdal, options->sql, NULL, NULL);
      if (layer == NULL)
        {
          /* libpq's messages may quote the connection; its password stays hidden. */
      g_autofree char *hidden = atlas_import_hide_password (CPLGetLastErrorMsg (), imp->path);
      g_autofree char *detail = atlas_import_quote (hidden);

          atlas_report_add (imp->im.report, ATLAS_SEVERITY_ERROR, NULL, _("the query failed: %s"), detail);
          return;
        }
      imp->n_layers = 1;
      read_layer (imp, layer);
      GDALDatasetReleaseResultSet (imp->gdal, layer);
      return;
    }

  if (options != NULL && options->layer != NULL)
    {
      g_autofree char *quoted = atlas_import_quote (options->layer);

      layer = GDALDatasetGetLayerByName (imp->gdal, options->layer);
      if (layer == NULL)
        {
          atlas_report_add (imp->im.report, ATLAS_SEVERITY_ERROR, NULL, _("there is no layer “%s”"), quoted);
          /* A layer chosen in the window and gone since: ask again. */
          if (options->one_layer)
            imp->n_unmapped++;
        }
      else
        read_layer (imp, layer);
      return;
    }

  imp->n_layers = (guint) GDALDatasetGetLayerCount (imp->gdal);
  /* Counting the rows of a CSV means reading it twice: its progress goes by
   * layers instead (a CSV has one). */
  for (guint i = 0; i < imp->n_layers; i++)
    {
      OGRLayerH counted = GDALDatasetGetLayer (imp->gdal, (int) i);
      GIntBig n = OGR_L_TestCapability (counted, OLCFastFeatureCount) ? OGR_L_GetFeatureCount (counted, FALSE) : -1;

      if (n > 0)
        imp->total += (guint64) n;
    }
  for (guint i = 0; i < imp->n_layers && !g_cancellable_is_cancelled (imp->im.cancellable); i++)
    {
      layer = GDALDatasetGetLayer (imp->gdal, (int) i);
      imp->im.layer = imp->n_layers > 1 ? OGR_L_GetName (layer) : NULL;
      read_layer (imp, layer);
      imp->layers_done++;
      report_progress (imp);
    }
}

/* Layers with rows, where a file keeps several kinds of thing apart (a
 * GeoPackage's tables, a workbook's sheets). A GPX file's waypoints and tracks,
 * and a KML's folders, are read together. */
static guint
count_layers_with_rows (OgrImport *imp)
{
  guint n = 0;

  if (imp->gpx || imp->kml != NULL)
    return 1;
  for (int i = 0; i < GDALDatasetGetLayerCount (imp->gdal); i++)
    {
      if (OGR_L_GetFeatureCount (GDALDatasetGetLayer (imp->gdal, i), TRUE) != 0)
        n++;
    }
  return n;
}

static gboolean
must_choose_layer (OgrImport  *imp,
                   GError    **error)
{
  const AtlasImportOptions *options = imp->options;
  guint n;

  if (options == NULL || !options->one_layer || options->layer != NULL || options->sql != NULL)
    return FALSE;
  n = count_layers_with_rows (imp);
  if (n < 2)
    return FALSE;
  atlas_report_add (imp->im.report, ATLAS_SEVERITY_WARNING, NULL,
                    g_dngettext (GETTEXT_PACKAGE, "this file has %u layer with rows; choose which to read",
                                 "this file has %u layers with rows; choose which to read", n), n);
  g_set_error_literal (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_SEVERAL_LAYERS,
                       _("This file has several layers"));
  return TRUE;
}

static gboolean
is_table_driver (const char *driver)
{
  return strcmp (driver, "CSV") == 0 || strcmp (driver, "XLSX") == 0 || strcmp (driver, "ODS") == 0;
}

static gboolean
check_result (OgrImport  *imp,
              GError    **error)
{
  AtlasDataset *ds = imp->im.dataset;

  if (g_cancellable_set_error_if_cancelled (imp->im.cancellable, error))
    return FALSE;
  if (imp->n_usable == 0 && imp->n_unmapped > 0)
    {
      atlas_report_add_literal (imp->im.report, ATLAS_SEVERITY_ERROR, NULL,
                                _("no column is recognised as the date, or none as the place; map the columns to read the rows"));
      g_set_error_literal (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_UNMAPPED,
                           _("The columns of this file are not recognised"));
      return FALSE;
    }
  if (ds->events->len == 0)
    {
      if (atlas_report_get_n_errors (imp->im.report) == 0)
        atlas_report_add_literal (imp->im.report, ATLAS_SEVERITY_ERROR, NULL, _("there is no dated row or feature"));
      g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_INVALID, _("Nothing in this file has a date and a place"));
      return FALSE;
    }
  return TRUE;
}

/**
 * atlas_import_load:
 * @path: a file, or a GDAL connection string such as `PG:dbname=atlas`
 * @options: (nullable): for a foreign format, which layer, query or mapping
 * @report: receives the problems, by path in a dataset, by row or feature and
 *   column in a foreign format
 *
 * Opens any supported file synchronously: the app's own JSON and GeoJSON through
 * the loader, a foreign format through GDAL/OGR, whose rows with problems are
 * reported and left out; the dataset holds the others.
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL when the source could
 *   not be read (%ATLAS_ERROR_UNREADABLE), has problems or no dated rows
 *   (%ATLAS_ERROR_INVALID) or needs its columns mapped (%ATLAS_IMPORT_ERROR_UNMAPPED)
 */
AtlasDataset *
atlas_import_load (const char               *path,
                   const AtlasImportOptions *options,
                   AtlasReport              *report,
                   GCancellable             *cancellable,
                   AtlasProgressFunc         progress,
                   gpointer                  progress_data,
                   GError                  **error)
{
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autofree char *title = NULL;
  OgrImport imp = { 0 };
  const char *driver;
  gboolean ok;

  if (!atlas_import_is_foreign (path))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      return atlas_loader_load_file (file, report, cancellable, progress, progress_data, error);
    }

  imp.gdal = open_source (path, error);
  if (imp.gdal == NULL)
    return NULL;

  dataset = atlas_dataset_new ();
  driver = GDALGetDriverShortName (GDALGetDatasetDriver (imp.gdal));
  if (!g_str_has_prefix (path, "PG:"))
    title = g_path_get_basename (path);
  else if (options != NULL && options->layer != NULL && options->sql == NULL)
    title = atlas_import_quote (options->layer);
  else
    title = g_strdup (_("PostGIS query"));
  importer_init (&imp.im, dataset, report);
  imp.im.cancellable = cancellable;
  imp.im.tables = is_table_driver (driver);
  imp.im.file_title = title;
  imp.im.publisher = GDALGetDriverLongName (GDALGetDatasetDriver (imp.gdal));
  imp.options = options;
  imp.path = path;
  imp.progress = progress;
  imp.progress_data = progress_data;
  imp.gpx = strcmp (driver, "GPX") == 0;
  if (strcmp (driver, "LIBKML") == 0 || strcmp (driver, "KML") == 0)
    imp.kml = kml_times_read (path);

  if (must_choose_layer (&imp, error))
    {
      importer_clear (&imp.im);
      g_clear_pointer (&imp.kml, g_hash_table_unref);
      GDALClose (imp.gdal);
      return NULL;
    }
  read_layers (&imp);
  importer_date_sources (dataset);
  dataset->title = g_strdup (title);
  atlas_report_set_counts (report, dataset->locations->len, dataset->events->len);

  ok = check_result (&imp, error);
  importer_clear (&imp.im);
  g_clear_pointer (&imp.kml, g_hash_table_unref);
  GDALClose (imp.gdal);
  if (!ok)
    return NULL;

  atlas_dataset_seal (dataset);
  if (progress != NULL)
    progress (1.0, progress_data);
  return g_steal_pointer (&dataset);
}

static void
preview_rows (AtlasImportPreview *preview,
              OGRLayerH           layer,
              guint               n_rows)
{
  OGRFeatureH feature;
  guint n_fields = preview->names->len;

  OGR_L_ResetReading (layer);
  while (preview->rows->len < n_rows && (feature = OGR_L_GetNextFeature (layer)) != NULL)
    {
      char **row = g_new0 (char *, n_fields + 1);

      for (guint f = 0; f < n_fields; f++)
        {
          g_autofree char *text = field_text (feature, (int) f);

          row[f] = atlas_import_quote (text);
        }
      g_ptr_array_add (preview->rows, row);
      OGR_F_Destroy (feature);
    }
}

/**
 * atlas_import_preview:
 * @path: a file GDAL opens, or a connection string
 * @layer: (nullable): the layer to show, or the first with features
 * @n_rows: how many rows to read
 *
 * Returns: (transfer full) (nullable): the field names and first rows of the
 *   layer, its text escaped for display
 */
AtlasImportPreview *
atlas_import_preview (const char  *path,
                      const char  *layer_name,
                      guint        n_rows,
                      GError     **error)
{
  GDALDatasetH gdal = open_source (path, error);
  AtlasImportPreview *preview;
  OGRLayerH layer = NULL;

  if (gdal == NULL)
    return NULL;
  if (layer_name != NULL)
    layer = GDALDatasetGetLayerByName (gdal, layer_name);
  for (int i = 0; i < GDALDatasetGetLayerCount (gdal) && layer == NULL && layer_name == NULL; i++)
    {
      if (OGR_L_GetFeatureCount (GDALDatasetGetLayer (gdal, i), TRUE) != 0)
        layer = GDALDatasetGetLayer (gdal, i);
    }
  if (layer == NULL)
    {
      g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_INVALID, _("The file has no rows"));
      GDALClose (gdal);
      return NULL;
    }

  preview = g_new0 (AtlasImportPreview, 1);
  preview->layer = g_strdup (OGR_L_GetName (layer));
  preview->names = g_ptr_array_new_with_free_func (g_free);
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  preview->has_geometry = OGR_FD_GetGeomType (OGR_L_GetLayerDefn (layer)) != wkbNone;
  {
    g_auto(GStrv) names = field_names (OGR_L_GetLayerDefn (layer));

    for (guint i = 0; names[i] != NULL; i++)
      g_ptr_array_add (preview->names, g_strdup (names[i]));
  }
  preview_rows (preview, layer, n_rows);
  GDALClose (gdal);
  return preview;
}

void
atlas_import_preview_free (AtlasImportPreview *preview)
{
  g_free (preview->layer);
  g_ptr_array_unref (preview->names);
  g_ptr_array_unref (preview->rows);
  g_free (preview);
}

/**
 * atlas_import_list_layers:
 * @path: a file GDAL opens, or a connection string
 *
 * Returns: (transfer full): the names of the source's layers (a database's
 *   tables), in its order, or %NULL with @error set
 */
GStrv
atlas_import_list_layers (const char  *path,
                          GError     **error)
{
  GDALDatasetH gdal = open_source (path, error);
  g_autoptr(GStrvBuilder) names = NULL;

  if (gdal == NULL)
    return NULL;
  names = g_strv_builder_new ();
  for (int i = 0; i < GDALDatasetGetLayerCount (gdal); i++)
    g_strv_builder_add (names, OGR_L_GetName (GDALDatasetGetLayer (gdal, i)));
  GDALClose (gdal);
  return g_strv_builder_end (names);
}
