/* atlas-loader-geojson.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-import-private.h"
#include "atlas-loader-private.h"

/*
 * Opening a plain GeoJSON FeatureCollection, as people export from QGIS, geojson.io
 * or a spreadsheet: every feature becomes a place (features with the same place
 * name at the same position share one), and a feature with a date also becomes an
 * event there. Recognised properties:
 *
 *   date or start, end            partial ISO dates, as in the dataset format
 *   title, name, place            the event's title and the place's name
 *   title_zh, name_zh, place_zh   their Chinese forms
 *   sector or sectors             a sector name or a list of them
 *   district, kind, description, description_zh
 *
 * Sectors and districts are made as features name them. Everything else is kept
 * out of the way: unknown properties are not warned about, because GeoJSON files
 * carry whatever their tools put in them.
 */

static const guint32 palette[] = {
  0x1c71d8, 0xc01c28, 0x26a269, 0xe5a50a, 0x813d9c, 0xc64600, 0x865e3c, 0x2190a4,
  0xe01b8a, 0x5e5c64, 0x98c13d, 0x3a5bc7,
};

void
loader_begin_geojson (Loader *loader)
{
  AtlasDataset *ds = loader->dataset;
  AtlasSource source = { 0 };

  loader->geojson = TRUE;
  loader->geojson_places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* One source for every event: the file itself. */
  source.id = atlas_dataset_intern (ds, "geojson");
  source.title = atlas_dataset_intern (ds, _("Imported GeoJSON features"));
  source.publisher = atlas_dataset_intern (ds, _("GeoJSON file"));
  source.date = G_MININT32;   /* see loader_finish_geojson() */
  source.date_precision = ATLAS_PRECISION_DAY;
  g_array_append_val (ds->sources, source);
  g_hash_table_insert (ds->source_ids, (gpointer) source.id, GUINT_TO_POINTER (1));
}

/* A sector or district named by a feature, made on first use. */
static guint32
named_value (Loader     *loader,
             Section     section,
             const char *name)
{
  return importer_named (loader->dataset, section == SECTION_SECTORS, name, palette, G_N_ELEMENTS (palette));
}

/**
 * read_sector_names:
 * @key: "sectors" or "sector"
 * @offset: (out): where the sectors start in dataset->indices
 * @count: (out): how many
 *
 * Reads the sectors of a feature, made on first use: "sector": "Ports" or
 * "sectors": ["Ports", "Cars"].
 *
 * Returns: %FALSE, with the problem reported, for anything but a name or a list of them
 */
gboolean
read_sector_names (Reader     *r,
                   const char *key,
                   guint32    *offset,
                   guint16    *count)
{
  Loader *loader = r->loader;
  GArray *indices = loader->dataset->indices;
  const AtlasJson *node = take_member (r, key);

  *offset = indices->len;
  *count = 0;
  if (node == NULL || atlas_json_is_null (node))
    return TRUE;

  if (is_string (node))
    {
      guint32 value = named_value (loader, SECTION_SECTORS, (node)->string);

      g_array_append_val (indices, value);
      *count = 1;
      return TRUE;
    }

  if (atlas_json_is_array (node))
    {
      const AtlasJson *array = node;
      guint n = MIN (atlas_json_size (array), MAX_LIST);

      for (guint i = 0; i < n; i++)
        {
          const AtlasJson *item = atlas_json_element (array, i);
          guint32 value;
          gboolean repeated = FALSE;

          if (!is_string (item))
            {
              report_type (r, key, _("a sector name or a list of them"), node);
              g_array_set_size (indices, *offset);
              *count = 0;
              return FALSE;
            }
          value = named_value (loader, SECTION_SECTORS, (item)->string);
          for (guint j = *offset; j < indices->len; j++)
            repeated |= g_array_index (indices, guint32, j) == value;
          if (!repeated)
            {
              g_array_append_val (indices, value);
              (*count)++;
            }
        }
      return TRUE;
    }

  report_type (r, key, _("a sector name or a list of them"), node);
  return FALSE;
}

/* Where a feature is: its point, or for a line or an area the middle of its box,
 * with the shape kept as the place's geometry. */
static gboolean
read_feature_geometry (Reader     *r,
                       AtlasPoint *point,
                       guint32    *geometry)
{
  Loader *loader = r->loader;
  const AtlasJson *node = atlas_json_member (r->object, "geometry");
  Path path = PATH_KEY (r->path, "geometry");
  Path coords_path = PATH_KEY (&path, "coordinates");
  const AtlasJson *object;
  const char *type;
  const AtlasJson *coords;

  *geometry = ATLAS_NONE;
  if (node == NULL || atlas_json_is_null (node))
    {
      loader_error (loader, &path, _("a feature needs a geometry to be placed on the map"));
      take_member (r, "geometry");
      return FALSE;
    }
  if (!atlas_json_is_object (node))
    {
      take_member (r, "geometry");
      report_type (r, "geometry", _("a GeoJSON geometry object"), node);
      return FALSE;
    }

  object = node;
  type = (atlas_json_member (object, "type") != NULL) && is_string (atlas_json_member (object, "type")) ?
         atlas_json_string_member (object, "type") : "";
  coords = atlas_json_member (object, "coordinates");

  if (strcmp (type, "Point") == 0 || strcmp (type, "MultiPoint") == 0)
    {
      take_member (r, "geometry");
      if (coords == NULL || !atlas_json_is_array (coords))
        {
          loader_error (loader, &coords_path, _("expected the coordinates of a point"));
          return FALSE;
        }
      if (strcmp (type, "MultiPoint") == 0)
        {
          Path first = PATH_INDEX (&coords_path, 0);

          if (atlas_json_size (coords) == 0)
            {
              loader_error (loader, &coords_path, _("a MultiPoint needs at least one position"));
              return FALSE;
            }
          return read_position (loader, atlas_json_element (coords, 0), &first, point);
        }
      return read_position (loader, coords, &coords_path, point);
    }

  *geometry = read_geometry (r, TRUE);
  if (*geometry == ATLAS_NONE)
    return FALSE;
  {
    const AtlasGeometry *g = &g_array_index (loader->dataset->geometries, AtlasGeometry, *geometry);

    point->lon = (g->min_lon + g->max_lon) / 2;
    point->lat = (g->min_lat + g->max_lat) / 2;
  }
  return TRUE;
}

static char *
feature_id (const AtlasJson *feature,
            guint       index)
{
  const AtlasJson *id = atlas_json_member (feature, "id");

  if (id != NULL && is_string (id) && *(id)->string != '\0')
    return g_strdup ((id)->string);
  if (id != NULL && is_number (id))
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) (id)->number);
  return g_strdup_printf ("feature-%u", index);
}

/* What a feature's properties say. */
typedef struct
{
  const char *title, *title_zh, *name, *name_zh, *place, *place_zh;
  const char *district, *kind, *description, *description_zh;
  DateValue date, end;
  guint32 sectors_offset;
  guint16 n_sectors;
} Feature;

#define FEATURE_STRING(key) FIELD (#key, FIELD_STRING, 0, Feature, key)

static const Field feature_fields[] = {
  FEATURE_STRING (title), FEATURE_STRING (title_zh), FEATURE_STRING (name), FEATURE_STRING (name_zh),
  FEATURE_STRING (place), FEATURE_STRING (place_zh), FEATURE_STRING (district), FEATURE_STRING (kind),
  FEATURE_STRING (description), FEATURE_STRING (description_zh),
  FIELD ("date", FIELD_DATE, 0, Feature, date),
  FIELD ("start", FIELD_DATE, FIELD_OR_PREVIOUS, Feature, date),
  FIELD ("end", FIELD_DATE, 0, Feature, end),
  FIELD_LIST ("sectors", FIELD_SECTOR_NAMES, 0, 0, Feature, sectors_offset, n_sectors),
  FIELD_LIST ("sector", FIELD_SECTOR_NAMES, FIELD_OR_PREVIOUS, 0, Feature, sectors_offset, n_sectors),
  { NULL },
};

/* The feature's place: one made before with the same name at the same
 * position, or a new one, which holds the description of an undated feature. */
static guint32
place_for (Loader        *loader,
           const Feature *f,
           AtlasPoint     point,
           guint32        geometry)
{
  AtlasDataset *ds = loader->dataset;
  g_autofree char *key = g_strdup_printf ("%s\x1f%.7f\x1f%.7f", f->place, point.lon, point.lat);
  gpointer value;
  AtlasLocation loc = { 0 };
  AtlasKind kind;
  guint32 index;

  if (geometry == ATLAS_NONE && g_hash_table_lookup_extended (loader->geojson_places, key, NULL, &value))
    return GPOINTER_TO_UINT (value) - 1;

  loc.name = atlas_dataset_store (ds, f->place);
  loc.name_zh = atlas_dataset_store (ds, f->place_zh);
  if (!f->date.present)
    {
      loc.description = atlas_dataset_store (ds, f->description);
      loc.description_zh = atlas_dataset_store (ds, f->description_zh);
    }
  loc.lon = point.lon;
  loc.lat = point.lat;
  loc.geometry = geometry;
  /* A kind the feature names wins over its shape's; an unknown one was dropped. */
  loc.kind = f->kind != NULL && atlas_kind_from_string (f->kind, &kind) ? kind : importer_shape_kind (ds, geometry);
  loc.district = named_value (loader, SECTION_DISTRICTS, f->district);
  /* The place shares the feature's list of sectors with its event. */
  loc.sectors = f->sectors_offset;
  loc.n_sectors = f->n_sectors;
  index = importer_add_location (ds, &loc);
  g_hash_table_insert (loader->geojson_places, g_steal_pointer (&key), GUINT_TO_POINTER (index + 1));
  return index;
}

/* Reads the properties; the place's name falls back on the name, then the
 * title, and the title on the name, then the place. */
static gboolean
read_properties (Reader  *props,
                 Feature *f)
{
  Loader *loader = props->loader;
  gboolean ok = read_fields (props, feature_fields, f);

  if (f->kind != NULL)
    {
      AtlasKind k;

      if (!atlas_kind_from_string (f->kind, &k))
        {
          Path p = PATH_KEY (props->path, "kind");

          loader_warning (loader, &p, _("unknown kind “%s”; the place is shown as a venue"), f->kind);
          f->kind = NULL;
        }
    }
  if (f->end.present && !f->date.present)
    {
      Path p = PATH_KEY (props->path, "end");

      loader_error (loader, &p, _("an end without a date or start"));
      ok = FALSE;
    }
  if (f->date.present && f->end.present && f->end.start < f->date.start)
    {
      Path p = PATH_KEY (props->path, "end");

      loader_error (loader, &p, _("the end is before the date"));
      ok = FALSE;
    }
  if (f->place == NULL)
    f->place = f->name != NULL ? f->name : f->title;
  if (f->place_zh == NULL)
    f->place_zh = f->name_zh;
  if (f->title == NULL)
    f->title = f->name != NULL ? f->name : f->place;
  if (f->place == NULL)
    {
      loader_error (loader, props->path, _("a feature needs a “name” or a “title”"));
      ok = FALSE;
    }
  return ok;
}

/* A dated feature is also an event at its place. */
static void
add_feature_event (Reader        *feature,
                   const Feature *f,
                   guint32        location)
{
  AtlasDataset *ds = feature->loader->dataset;
  g_autofree char *id = feature_id (feature->object, feature->index);
  AtlasEvent ev = { 0 };

  ev.id = atlas_dataset_store (ds, id);
  if (!add_id (feature->loader, SECTION_EVENTS, id, ev.id, ds->events->len, feature->index, feature->path))
    return;
  ev.title = atlas_dataset_store (ds, f->title);
  ev.title_zh = atlas_dataset_store (ds, f->title_zh);
  ev.description = atlas_dataset_store (ds, f->description);
  ev.description_zh = atlas_dataset_store (ds, f->description_zh);
  ev.locations = atlas_dataset_add_indices (ds, &location, 1);
  ev.n_locations = 1;
  ev.sectors = f->sectors_offset;
  ev.n_sectors = f->n_sectors;
  ev.source = 0;
  loader_add_event (ds, &ev, &f->date, &f->end);
}

/**
 * loader_read_feature:
 * @node: one element of "features"
 * @index: its index
 *
 * Reads one GeoJSON feature into a place and, when it has a date, an event.
 */
void
loader_read_feature (Loader   *loader,
                     const AtlasJson *node,
                     guint     index)
{
  AtlasDataset *ds = loader->dataset;
  Path base = PATH_KEY (NULL, "features");
  Path path = PATH_INDEX (&base, index);
  Path props_path = PATH_KEY (&path, "properties");
  Reader feature, props;
  const AtlasJson *props_node;
  Feature f = { .sectors_offset = ds->indices->len };
  gboolean ok = TRUE;
  AtlasPoint point = { 0 };
  guint32 geometry, location;

  loader->n_features++;
  if (!begin_element (loader, node, &path, &feature))
    return;
  feature.index = index;

  ok &= read_feature_geometry (&feature, &point, &geometry);

  props_node = atlas_json_member (feature.object, "properties");
  if (props_node != NULL && !atlas_json_is_null (props_node) && !atlas_json_is_object (props_node))
    {
      report_type (&feature, "properties", _("an object"), props_node);
      return;
    }
  if (props_node == NULL || atlas_json_is_null (props_node))
    props_node = atlas_json_empty_object ();

  props.loader = loader;
  props.object = props_node;
  props.path = &props_path;
  props.n_known = 0;

  ok &= read_properties (&props, &f);
  if (!ok)
    {
      g_array_set_size (ds->indices, f.sectors_offset);
      return;
    }

  location = place_for (loader, &f, point, geometry);
  if (f.date.present)
    add_feature_event (&feature, &f, location);
}

/**
 * loader_finish_geojson:
 * @root: the FeatureCollection
 *
 * Checks the collection itself and names the dataset.
 */
void
loader_finish_geojson (Loader     *loader,
                       const AtlasJson *root)
{
  AtlasDataset *ds = loader->dataset;
  const AtlasJson *type = atlas_json_member (root, "type");
  const AtlasJson *name = atlas_json_member (root, "name");

  if (type == NULL || !is_string (type) || strcmp ((type)->string, "FeatureCollection") != 0)
    loader_error (loader, NULL, _("a GeoJSON file must hold a FeatureCollection"));
  if (loader->n_features == 0)
    loader_error (loader, NULL, _("the FeatureCollection has no features"));

  ds->title = g_strdup (name != NULL && is_string (name) ? (name)->string : _("GeoJSON features"));

  /* The source is dated to the last event it gives. */
  importer_date_sources (ds);
}
