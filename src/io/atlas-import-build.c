/* atlas-import-build.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "atlas-import-dates.h"
#include "atlas-import-private.h"

/*
 * Turning imported rows into the app's own dataset: every dated row an event at a
 * place. Rows at the same place (the same place name, or the same coordinates)
 * share one location; sectors, districts and sources are made as rows name them.
 * A row with a problem is reported by row (or feature) and column and left out;
 * the other rows are kept.
 */

static const guint32 palette[] = {
  0x3584e4, 0xe01b24, 0x33d17a, 0xf6d32d, 0x9141ac, 0xff7800, 0x986a44, 0x2190a4,
  0xc061cb, 0x77767b, 0x8ff0a4, 0x1a5fb4,
};

void
importer_init (Importer     *im,
               AtlasDataset *dataset,
               AtlasReport  *report)
{
  memset (im, 0, sizeof *im);
  im->dataset = dataset;
  im->report = report;
  im->places_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im->places_by_point = g_hash_table_new (g_direct_hash, g_direct_equal);
  im->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
importer_clear (Importer *im)
{
  g_clear_pointer (&im->places_by_name, g_hash_table_unref);
  g_clear_pointer (&im->places_by_point, g_hash_table_unref);
  g_clear_pointer (&im->sources, g_hash_table_unref);
}

/**
 * importer_where:
 * @row: the row's index among the layer's features, from 0
 * @field: (nullable): the field
 *
 * Returns: (transfer full): where a problem is, as a person looking at the file
 *   counts: a spreadsheet's rows from 1 with the header as row 1
 */
char *
importer_where (Importer   *im,
                guint64     row,
                const char *field)
{
  g_autofree char *quoted = field != NULL ? atlas_import_quote (field) : NULL;
  g_autofree char *place = NULL;

  if (im->tables)
    place = g_strdup_printf (_("row %llu"), (unsigned long long) row + 2);
  else
    place = g_strdup_printf (_("feature %llu"), (unsigned long long) row + 1);
  if (im->layer != NULL)
    {
      g_autofree char *layer = atlas_import_quote (im->layer);
      char *with_layer = g_strdup_printf (_("layer “%s”, %s"), layer, place);

      g_free (place);
      place = with_layer;
    }
  if (quoted == NULL)
    return g_steal_pointer (&place);
  if (im->tables)
    return g_strdup_printf (_("%s, column “%s”"), place, quoted);
  return g_strdup_printf (_("%s, field “%s”"), place, quoted);
}

static void
row_error (Importer        *im,
           const ImportRow *row,
           guint64          index,
           AtlasColumn      column,
           const char      *message)
{
  g_autofree char *where = importer_where (im, index, column < ATLAS_N_COLUMNS ? row->field_names[column] : NULL);

  atlas_report_add_literal (im->report, ATLAS_SEVERITY_ERROR, where, message);
}

static void
report_bad_date (Importer        *im,
                 const ImportRow *row,
                 guint64          index,
                 AtlasColumn      column,
                 const char      *text,
                 AtlasImportDate  result)
{
  g_autofree char *quoted = atlas_import_quote (text);
  g_autofree char *message = NULL;
  int a = 0, b = 0, y = 0;

  if (result == ATLAS_IMPORT_DATE_AMBIGUOUS && sscanf (text, " %d%*[/.-]%d%*[/.-]%d", &a, &b, &y) == 3)
    /* Translators: %1$s is the date as written; the others make the two ISO dates it could be */
    message = g_strdup_printf (_("“%1$s” could be day first or month first; write it as %2$04d-%3$02d-%4$02d or %2$04d-%4$02d-%3$02d"),
                               quoted, y, b, a);
  else
    message = g_strdup_printf (_("“%s” is not a date; write it as 2020-06-05, 5 June 2020, June 2020 or 2020"),
                               quoted);
  row_error (im, row, index, column, message);
}

static AtlasImportDate
read_one_date (Importer        *im,
               const ImportRow *row,
               guint64          index,
               gboolean         is_end,
               gint32          *start,
               gint32          *end,
               AtlasPrecision  *precision)
{
  AtlasColumn column = is_end ? ATLAS_COLUMN_END : ATLAS_COLUMN_DATE;
  const char *text = is_end ? row->end_text : row->date_text;
  AtlasImportDate result;

  if (text == NULL)
    text = row->text[column];
  if (text != NULL)
    result = atlas_import_parse_date (text, start, end, precision);
  else
    {
      AtlasColumn y = is_end ? ATLAS_COLUMN_END_YEAR : ATLAS_COLUMN_YEAR;

      column = y;
      text = row->text[y];
      result = atlas_import_date_parts (row->text[y], row->text[y + 1], row->text[y + 2], start, end, precision);
    }
  if (result == ATLAS_IMPORT_DATE_INVALID || result == ATLAS_IMPORT_DATE_AMBIGUOUS)
    report_bad_date (im, row, index, column, text != NULL ? text : "", result);
  return result;
}

static gboolean
read_coordinate (Importer        *im,
                 const ImportRow *row,
                 guint64          index,
                 AtlasColumn      column,
                 double           limit,
                 double          *value)
{
  const char *text = row->text[column];
  char *rest = NULL;
  g_autofree char *message = NULL;
  g_autofree char *quoted = NULL;

  *value = g_ascii_strtod (text, &rest);
  if (rest != text && *rest == '\0' && *value >= -limit && *value <= limit)
    return TRUE;

  quoted = atlas_import_quote (text);
  if (column == ATLAS_COLUMN_LATITUDE)
    message = g_strdup_printf (_("“%s” is not a latitude in degrees between -90 and 90"), quoted);
  else
    message = g_strdup_printf (_("“%s” is not a longitude in degrees between -180 and 180"), quoted);
  row_error (im, row, index, column, message);
  return FALSE;
}

/**
 * importer_named:
 * @sector: a sector, or else a district
 * @name: (nullable): its name, which is also its id
 * @colors: the colours new sectors take in turn
 *
 * A sector or a district named by a row or a feature, made on first use.
 *
 * Returns: its index, or %ATLAS_NONE for no name
 */
guint32
importer_named (AtlasDataset  *ds,
                gboolean       sector,
                const char    *name,
                const guint32 *colors,
                guint          n_colors)
{
  GHashTable *ids = sector ? ds->sector_ids : ds->district_ids;
  GArray *array = sector ? ds->sectors : ds->districts;
  gpointer value;

  if (name == NULL)
    return ATLAS_NONE;
  if (g_hash_table_lookup_extended (ids, name, NULL, &value))
    return GPOINTER_TO_UINT (value) - 1;

  if (sector)
    {
      AtlasSector s = { 0 };

      s.id = s.name = atlas_dataset_intern (ds, name);
      s.color = colors[array->len % n_colors];
      g_array_append_val (array, s);
      g_hash_table_insert (ids, (gpointer) s.id, GUINT_TO_POINTER (array->len));
    }
  else
    {
      AtlasDistrict d = { 0 };

      d.id = d.name = atlas_dataset_intern (ds, name);
      d.geometry = ATLAS_NONE;
      g_array_append_val (array, d);
      g_hash_table_insert (ids, (gpointer) d.id, GUINT_TO_POINTER (array->len));
    }
  return array->len - 1;
}

static guint32
named (Importer   *im,
       gboolean    sector,
       const char *name)
{
  return importer_named (im->dataset, sector, name, palette, G_N_ELEMENTS (palette));
}

/**
 * importer_shape_kind:
 * @geometry: a place's geometry, or %ATLAS_NONE
 *
 * Returns: the kind of an imported place that says none: a route for a line,
 *   a zone for an area, a venue for a point
 */
AtlasKind
importer_shape_kind (AtlasDataset *ds,
                     guint32       geometry)
{
  AtlasGeometryType type;

  if (geometry == ATLAS_NONE)
    return ATLAS_KIND_VENUE;
  type = g_array_index (ds->geometries, AtlasGeometry, geometry).type;
  return type >= ATLAS_GEOMETRY_LINE_STRING ? ATLAS_KIND_ROUTE : ATLAS_KIND_ZONE;
}

/**
 * importer_add_location:
 * @loc: a place without an id
 *
 * Adds an imported place as "place-N".
 *
 * Returns: its index
 */
guint32
importer_add_location (AtlasDataset  *ds,
                       AtlasLocation *loc)
{
  char id[32];

  g_snprintf (id, sizeof id, "place-%u", ds->locations->len + 1);
  loc->id = atlas_dataset_intern (ds, id);
  loc->facts = ds->facts->len;
  g_array_append_val (ds->locations, *loc);
  g_hash_table_insert (ds->location_ids, (gpointer) loc->id, GUINT_TO_POINTER (ds->locations->len));
  return ds->locations->len - 1;
}

static guint32
source_for (Importer   *im,
            const char *text)
{
  AtlasDataset *ds = im->dataset;
  gpointer value;
  AtlasSource source = { 0 };
  char id[32];

  if (text == NULL)
    text = "";
  if (g_hash_table_lookup_extended (im->sources, text, NULL, &value))
    return GPOINTER_TO_UINT (value) - 1;

  g_snprintf (id, sizeof id, "source-%u", ds->sources->len + 1);
  source.id = atlas_dataset_intern (ds, id);
  source.title = atlas_dataset_intern (ds, *text != '\0' ? text : im->file_title);
  source.publisher = atlas_dataset_intern (ds, im->publisher);
  if (g_str_has_prefix (text, "http://") || g_str_has_prefix (text, "https://"))
    source.url = source.title;
  source.date = G_MININT32;
  source.date_precision = ATLAS_PRECISION_DAY;
  g_array_append_val (ds->sources, source);
  g_hash_table_insert (ds->source_ids, (gpointer) source.id, GUINT_TO_POINTER (ds->sources->len));
  g_hash_table_insert (im->sources, g_strdup (text), GUINT_TO_POINTER (ds->sources->len));
  return ds->sources->len - 1;
}

/* A point to a millionth of a degree (about 10 cm), as one 64-bit key: rows
 * whose coordinates are written alike are at the same place. */
static gpointer
point_key (AtlasPoint point)
{
  guint64 lon = (guint64) (gint64) ((point.lon + 180.0) * 1e6 + 0.5);
  guint64 lat = (guint64) (gint64) ((point.lat + 90.0) * 1e6 + 0.5);

  return (gpointer) (guintptr) ((lon << 32) | lat);
}

static guint32
find_place (Importer   *im,
            const char *name,
            gboolean    has_point,
            AtlasPoint  point)
{
  gpointer value;

  if (name != NULL && g_hash_table_lookup_extended (im->places_by_name, name, NULL, &value))
    return GPOINTER_TO_UINT (value) - 1;
  if (has_point && g_hash_table_lookup_extended (im->places_by_point, point_key (point), NULL, &value))
    return GPOINTER_TO_UINT (value) - 1;
  return ATLAS_NONE;
}

static guint32
add_place (Importer        *im,
           const ImportRow *row,
           const char      *name,
           AtlasPoint       point,
           guint32          sector)
{
  AtlasDataset *ds = im->dataset;
  AtlasLocation loc = { 0 };
  guint32 index;

  loc.name = atlas_dataset_intern (ds, name);
  loc.lon = point.lon;
  loc.lat = point.lat;
  loc.geometry = row->geometry;
  loc.kind = importer_shape_kind (ds, row->geometry);
  loc.district = named (im, FALSE, row->text[ATLAS_COLUMN_DISTRICT]);
  loc.sectors = atlas_dataset_add_indices (ds, &sector, sector != ATLAS_NONE ? 1 : 0);
  loc.n_sectors = sector != ATLAS_NONE ? 1 : 0;
  index = importer_add_location (ds, &loc);

  if (row->text[ATLAS_COLUMN_PLACE] != NULL)
    g_hash_table_insert (im->places_by_name, g_strdup (name), GUINT_TO_POINTER (index + 1));
  if (row->geometry == ATLAS_NONE)
    g_hash_table_insert (im->places_by_point, point_key (point), GUINT_TO_POINTER (index + 1));
  return index;
}

/* Where the row is: its coordinates, its geometry, or a place named before. */
static gboolean
row_place (Importer        *im,
           const ImportRow *row,
           guint64          index,
           const char      *name,
           guint32          sector,
           guint32         *location)
{
  AtlasPoint point = row->point;
  gboolean has_point = row->has_point;
  gboolean ok = TRUE;

  if (!has_point && (row->text[ATLAS_COLUMN_LATITUDE] != NULL || row->text[ATLAS_COLUMN_LONGITUDE] != NULL))
    {
      if (row->text[ATLAS_COLUMN_LATITUDE] == NULL || row->text[ATLAS_COLUMN_LONGITUDE] == NULL)
        {
          AtlasColumn missing = row->text[ATLAS_COLUMN_LATITUDE] == NULL ? ATLAS_COLUMN_LATITUDE
                                                                         : ATLAS_COLUMN_LONGITUDE;

          row_error (im, row, index, missing, _("a latitude needs a longitude, and a longitude a latitude"));
          return FALSE;
        }
      ok &= read_coordinate (im, row, index, ATLAS_COLUMN_LATITUDE, 90, &point.lat);
      ok &= read_coordinate (im, row, index, ATLAS_COLUMN_LONGITUDE, 180, &point.lon);
      if (!ok)
        return FALSE;
      has_point = TRUE;
    }

  *location = row->geometry == ATLAS_NONE ? find_place (im, row->text[ATLAS_COLUMN_PLACE], has_point, point)
                                          : ATLAS_NONE;
  if (*location != ATLAS_NONE)
    return TRUE;
  if (!has_point && row->geometry == ATLAS_NONE)
    {
      row_error (im, row, index, ATLAS_N_COLUMNS,
                 _("no latitude and longitude, and no place named so in an earlier row"));
      return FALSE;
    }
  *location = add_place (im, row, name, point, sector);
  return TRUE;
}

static gboolean
row_dates (Importer        *im,
           const ImportRow *row,
           guint64          index,
           AtlasEvent      *ev,
           gint32          *start,
           gint32          *end)
{
  gint32 end_start = 0, end_end = 0;
  AtlasPrecision precision = ATLAS_PRECISION_DAY, end_precision = ATLAS_PRECISION_DAY;
  AtlasImportDate result;

  result = read_one_date (im, row, index, FALSE, start, end, &precision);
  if (result == ATLAS_IMPORT_DATE_EMPTY)
    {
      g_autofree char *where = importer_where (im, index, row->field_names[ATLAS_COLUMN_DATE]);

      atlas_report_add_literal (im->report, ATLAS_SEVERITY_WARNING, where,
                                _("no date; the row is not shown as an event"));
      return FALSE;
    }
  if (result != ATLAS_IMPORT_DATE_OK)
    return FALSE;

  ev->precision = ev->end_precision = precision;
  result = read_one_date (im, row, index, TRUE, &end_start, &end_end, &end_precision);
  if (result == ATLAS_IMPORT_DATE_EMPTY)
    return TRUE;
  if (result != ATLAS_IMPORT_DATE_OK)
    return FALSE;
  if (end_start < *start)
    {
      row_error (im, row, index, row->text[ATLAS_COLUMN_END] != NULL || row->end_text != NULL
                                 ? ATLAS_COLUMN_END : ATLAS_COLUMN_END_YEAR,
                 _("the end is before the date"));
      return FALSE;
    }
  ev->has_end = TRUE;
  ev->end_precision = end_precision;
  *end = end_end;
  return TRUE;
}

/**
 * importer_add_row:
 * @row: one row or feature
 * @index: its index in its layer, from 0
 *
 * Adds the row's event and, when it is somewhere new, its place.
 */
void
importer_add_row (Importer        *im,
                  const ImportRow *row,
                  guint64          index)
{
  AtlasDataset *ds = im->dataset;
  AtlasEvent ev = { 0 };
  gint32 start = 0, end = 0;
  const char *title = row->text[ATLAS_COLUMN_TITLE];
  const char *place = row->text[ATLAS_COLUMN_PLACE];
  guint32 location, sector;
  char id[48];

  im->n_rows++;
  if (title == NULL)
    title = place != NULL ? place : row->fallback_title;
  if (place == NULL)
    place = title;

  if (!row_dates (im, row, index, &ev, &start, &end))
    {
      im->n_skipped++;
      return;
    }
  sector = named (im, TRUE, row->text[ATLAS_COLUMN_SECTOR]);
  if (!row_place (im, row, index, place, sector, &location))
    {
      im->n_skipped++;
      return;
    }

  g_snprintf (id, sizeof id, "event-%u", ds->events->len + 1);
  ev.id = atlas_dataset_intern (ds, id);
  ev.title = atlas_dataset_store (ds, title);
  ev.description = atlas_dataset_store (ds, row->text[ATLAS_COLUMN_DESCRIPTION]);
  ev.locations = atlas_dataset_add_indices (ds, &location, 1);
  ev.n_locations = 1;
  ev.sectors = atlas_dataset_add_indices (ds, &sector, sector != ATLAS_NONE ? 1 : 0);
  ev.n_sectors = sector != ATLAS_NONE ? 1 : 0;
  ev.source = source_for (im, row->text[ATLAS_COLUMN_SOURCE]);
  g_array_append_val (ds->events, ev);
  g_array_append_val (ds->starts, start);
  g_array_append_val (ds->ends, end);
}

/**
 * importer_date_sources:
 *
 * Dates each source, made with the date %G_MININT32, to the last event it
 * gives; one that gives none to 1970.
 */
void
importer_date_sources (AtlasDataset *ds)
{
  for (guint e = 0; e < ds->events->len; e++)
    {
      AtlasSource *source = &g_array_index (ds->sources, AtlasSource,
                                            g_array_index (ds->events, AtlasEvent, e).source);

      source->date = MAX (source->date, g_array_index (ds->starts, gint32, e));
    }
  for (guint s = 0; s < ds->sources->len; s++)
    {
      AtlasSource *source = &g_array_index (ds->sources, AtlasSource, s);

      if (source->date == G_MININT32)
        {
          source->date = 0;
          source->date_precision = ATLAS_PRECISION_YEAR;
        }
    }
}
