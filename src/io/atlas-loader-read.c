/* atlas-loader-read.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-loader-private.h"

/* Reads one element of a top-level array into the dataset, checking every field and
 * reporting every problem with its path. */

/* Elements ------------------------------------------------------------------ */

static gboolean
parse_color (const char *text,
             guint32    *color)
{
  guint32 value = 0;

  if (text[0] != '#' || strlen (text) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (text[i]))
        return FALSE;
      value = value << 4 | (guint32) g_ascii_xdigit_value (text[i]);
    }
  *color = value;
  return TRUE;
}

/**
 * loader_check_color:
 * @path: the element whose "color" @color is
 * @color: (nullable): the text, or %NULL when the key is absent
 * @value: (out): the colour as 0xRRGGBB, set only when @color is valid
 *
 * Returns: %FALSE, with the error reported, for a colour not in the form #rrggbb
 */
gboolean
loader_check_color (Loader     *loader,
                    const Path *path,
                    const char *color,
                    guint32    *value)
{
  Path p = PATH_KEY (path, "color");

  if (color == NULL || parse_color (color, value))
    return TRUE;
  loader_error (loader, &p, _("“%s” is not a colour in the form #rrggbb"), color);
  return FALSE;
}

/* The fields of the elements, as read from the file. */
typedef struct
{
  const char *id, *title, *publisher, *author, *url, *note;
  DateValue date;
} SourceFields;

/* Sectors and districts. */
typedef struct
{
  const char *id, *name, *name_zh, *color, *description;
  gboolean approximate;
} NameFields;

typedef struct
{
  const char *id, *name, *name_zh, *kind, *district, *description, *description_zh, *note;
  gboolean approximate;
} LocationFields;

typedef struct
{
  const char *id;
  DateValue date, end;
  const char *title, *title_zh, *description, *description_zh, *note, *source;
} EventFields;

static void
read_source (Loader     *loader,
             const AtlasJson *node,
             const Path *path,
             guint       index)
{
  static const char * const known[] = {
    "id", "title", "publisher", "author", "date", "url", "note", NULL
  };
  static const Field fields[] = {
    FIELD (FIELD_ID, SourceFields, id), FIELD (FIELD_REQUIRED, SourceFields, title),
    FIELD (FIELD_REQUIRED, SourceFields, publisher), FIELD (FIELD_STRING, SourceFields, author),
    FIELD (FIELD_REQUIRED_DATE, SourceFields, date), FIELD (FIELD_STRING, SourceFields, url),
    FIELD (FIELD_STRING, SourceFields, note), { NULL },
  };
  AtlasDataset *ds = loader->dataset;
  AtlasSource source = { 0 };
  SourceFields f = { 0 };
  gboolean ok;
  Reader r;

  if (!begin_element (loader, node, path, &r))
    return;

  ok = read_fields (&r, fields, &f);
  warn_unknown_keys (&r, known);

  if (f.url != NULL && g_ascii_strncasecmp (f.url, "http://", 7) != 0 &&
      g_ascii_strncasecmp (f.url, "https://", 8) != 0)
    {
      Path p = PATH_KEY (path, "url");

      loader_error (loader, &p, _("only http and https addresses are allowed, found “%s”"), f.url);
      ok = FALSE;
    }
  if (f.id == NULL)
    return;

  source.id = atlas_dataset_intern (ds, f.id);
  source.title = atlas_dataset_intern (ds, f.title);
  source.publisher = atlas_dataset_intern (ds, f.publisher);
  source.author = atlas_dataset_intern (ds, f.author);
  source.url = atlas_dataset_intern (ds, f.url);
  source.note = atlas_dataset_store (ds, f.note);
  source.date = f.date.start;
  source.date_precision = f.date.precision;
  if (add_id (loader, SECTION_SOURCES, f.id, source.id, ok ? ds->sources->len : ATLAS_FAILED, index, path) && ok)
    g_array_append_val (ds->sources, source);
}

static void
read_sector (Loader     *loader,
             const AtlasJson *node,
             const Path *path,
             guint       index)
{
  static const char * const known[] = { "id", "name", "name_zh", "color", NULL };
  AtlasDataset *ds = loader->dataset;
  static const Field fields[] = {
    FIELD (FIELD_ID, NameFields, id), FIELD (FIELD_REQUIRED, NameFields, name),
    FIELD (FIELD_STRING, NameFields, name_zh), FIELD (FIELD_REQUIRED, NameFields, color), { NULL },
  };
  AtlasSector sector = { 0 };
  NameFields f = { 0 };
  gboolean ok;
  Reader r;

  if (!begin_element (loader, node, path, &r))
    return;

  ok = read_fields (&r, fields, &f);
  warn_unknown_keys (&r, known);

  ok &= loader_check_color (loader, path, f.color, &sector.color);
  if (f.id == NULL)
    return;

  sector.id = atlas_dataset_intern (ds, f.id);
  sector.name = atlas_dataset_intern (ds, f.name);
  sector.name_zh = atlas_dataset_intern (ds, f.name_zh);
  if (add_id (loader, SECTION_SECTORS, f.id, sector.id, ok ? ds->sectors->len : ATLAS_FAILED, index, path) && ok)
    g_array_append_val (ds->sectors, sector);
}

static void
read_district (Loader     *loader,
               const AtlasJson *node,
               const Path *path,
               guint       index)
{
  static const char * const known[] = {
    "id", "name", "name_zh", "geometry", "approximate", "description", NULL
  };
  AtlasDataset *ds = loader->dataset;
  static const Field fields[] = {
    FIELD (FIELD_ID, NameFields, id), FIELD (FIELD_REQUIRED, NameFields, name),
    FIELD (FIELD_STRING, NameFields, name_zh), FIELD (FIELD_STRING, NameFields, description),
    FIELD (FIELD_BOOLEAN, NameFields, approximate), { NULL },
  };
  AtlasDistrict district = { 0 };
  NameFields f = { 0 };
  gboolean ok;
  guint32 geometry;
  Reader r;

  if (!begin_element (loader, node, path, &r))
    return;

  ok = read_fields (&r, fields, &f);
  district.approximate = f.approximate;
  geometry = read_geometry (&r, FALSE);
  if (geometry == ATLAS_NONE && (atlas_json_member (r.object, "geometry") != NULL) &&
      !atlas_json_is_null (atlas_json_member (r.object, "geometry")))
    ok = FALSE;
  warn_unknown_keys (&r, known);
  if (f.id == NULL)
    return;

  district.id = atlas_dataset_intern (ds, f.id);
  district.name = atlas_dataset_intern (ds, f.name);
  district.name_zh = atlas_dataset_intern (ds, f.name_zh);
  district.description = atlas_dataset_store (ds, f.description);
  district.geometry = geometry;
  if (add_id (loader, SECTION_DISTRICTS, f.id, district.id, ok ? ds->districts->len : ATLAS_FAILED, index, path) && ok)
    g_array_append_val (ds->districts, district);
}

static gboolean
read_facts (Reader  *r,
            guint32 *offset,
            guint16 *count)
{
  static const char * const known[] = { "label", "value", "label_zh", "value_zh", NULL };
  static const Field fields[] = {
    FIELD (FIELD_REQUIRED, AtlasFact, label), FIELD (FIELD_REQUIRED, AtlasFact, value),
    FIELD (FIELD_STRING, AtlasFact, label_zh), FIELD (FIELD_STRING, AtlasFact, value_zh), { NULL },
  };
  Loader *loader = r->loader;
  AtlasDataset *ds = loader->dataset;
  const AtlasJson *node = take_member (r, "facts");
  Path facts_path = PATH_KEY (r->path, "facts");
  gboolean ok = TRUE;
  const AtlasJson *array;
  guint n;

  *offset = ds->facts->len;
  *count = 0;
  if (node == NULL || atlas_json_is_null (node))
    return TRUE;
  if (!atlas_json_is_array (node))
    {
      report_type (r, "facts", _("an array of facts"), node);
      return FALSE;
    }

  array = node;
  n = MIN (atlas_json_size (array), MAX_LIST);
  for (guint i = 0; i < n; i++)
    {
      Path fact_path = PATH_INDEX (&facts_path, i);
      AtlasFact fact = { 0 };
      gboolean fact_ok;
      Reader f;

      if (!begin_element (loader, atlas_json_element (array, i), &fact_path, &f))
        {
          ok = FALSE;
          continue;
        }
      fact_ok = read_fields (&f, fields, &fact);
      warn_unknown_keys (&f, known);
      if (!fact_ok)
        {
          ok = FALSE;
          continue;
        }

      /* Read pointing into the file's text: kept as interned strings. */
      fact.label = atlas_dataset_intern (ds, fact.label);
      fact.value = atlas_dataset_intern (ds, fact.value);
      fact.label_zh = atlas_dataset_intern (ds, fact.label_zh);
      fact.value_zh = atlas_dataset_intern (ds, fact.value_zh);
      g_array_append_val (ds->facts, fact);
      (*count)++;
    }
  return ok;
}

/* What an element adds to the dataset's shared arrays, so that an element
 * that turns out to have problems takes it back with the references it left
 * pending. */
typedef struct
{
  guint indices;
  guint facts;
  guint geometries;
  guint pending;
} Mark;

static Mark
mark_set (Loader *loader)
{
  AtlasDataset *ds = loader->dataset;

  return (Mark) { ds->indices->len, ds->facts->len, ds->geometries->len, loader->pending->len };
}

static void
roll_back (Loader     *loader,
           const Mark *mark)
{
  AtlasDataset *ds = loader->dataset;

  g_array_set_size (ds->indices, mark->indices);
  g_array_set_size (ds->facts, mark->facts);
  if (ds->geometries->len > mark->geometries)
    {
      const AtlasGeometry *g = &g_array_index (ds->geometries, AtlasGeometry, mark->geometries);
      const AtlasRing *ring = &g_array_index (ds->rings, AtlasRing, g->first_ring);

      g_array_set_size (ds->points, ring->first_point);
      g_array_set_size (ds->rings, g->first_ring);
      g_array_set_size (ds->geometries, mark->geometries);
    }
  g_array_set_size (loader->pending, mark->pending);
}

/* A place's kind, from the fixed vocabulary, with a guess when it is misspelt. */
static gboolean
read_kind (Loader     *loader,
           const char *kind,
           const Path *path,
           guint8     *out)
{
  Path p = PATH_KEY (path, "kind");
  const char *names[ATLAS_N_KINDS];
  g_autofree char *guess = NULL;
  AtlasKind k;

  if (atlas_kind_from_string (kind, &k))
    {
      *out = k;
      return TRUE;
    }

  for (guint i = 0; i < ATLAS_N_KINDS; i++)
    names[i] = atlas_kind_to_string (i);
  guess = closest_id (loader, kind, names, ATLAS_N_KINDS);
  if (guess != NULL)
    loader_error (loader, &p, _("unknown kind “%s” (did you mean “%s”?)"), kind, guess);
  else
    loader_error (loader, &p, _("unknown kind “%s” (see the list of kinds in docs/dataset-format.md)"), kind);
  return FALSE;
}

static void
read_location (Loader     *loader,
               const AtlasJson *node,
               const Path *path,
               guint       index)
{
  static const char * const known[] = {
    "id", "name", "name_zh", "kind", "district", "sectors", "point", "geometry",
    "approximate", "description", "description_zh", "facts", "note", NULL
  };
  AtlasDataset *ds = loader->dataset;
  static const Field fields[] = {
    FIELD (FIELD_ID, LocationFields, id), FIELD (FIELD_REQUIRED, LocationFields, name),
    FIELD (FIELD_STRING, LocationFields, name_zh), FIELD (FIELD_REQUIRED, LocationFields, kind),
    FIELD (FIELD_STRING, LocationFields, district), FIELD (FIELD_STRING, LocationFields, description),
    FIELD (FIELD_STRING, LocationFields, description_zh), FIELD (FIELD_STRING, LocationFields, note),
    FIELD (FIELD_BOOLEAN, LocationFields, approximate), { NULL },
  };
  AtlasLocation loc = { 0 };
  LocationFields f = { 0 };
  gboolean ok;
  guint32 position = ds->locations->len;
  Mark mark = mark_set (loader);
  const AtlasJson *point;
  AtlasPoint pt = { 0 };
  Reader r;

  if (!begin_element (loader, node, path, &r))
    return;

  ok = read_fields (&r, fields, &f);
  if (f.kind != NULL)
    ok &= read_kind (loader, f.kind, path, &loc.kind);

  point = take_member (&r, "point");
  if (point == NULL)
    {
      report_missing (&r, "point");
      ok = FALSE;
    }
  else
    {
      Path p = PATH_KEY (path, "point");

      ok &= read_position (loader, point, &p, &pt);
    }

  ok &= read_id_list (&r, "sectors", TARGET_LOCATION_SECTOR, index, FALSE, TRUE,
                      &loc.sectors, &loc.n_sectors);
  ok &= read_facts (&r, &loc.facts, &loc.n_facts);

  loc.geometry = read_geometry (&r, TRUE);
  if (loc.geometry == ATLAS_NONE && (atlas_json_member (r.object, "geometry") != NULL) &&
      !atlas_json_is_null (atlas_json_member (r.object, "geometry")))
    ok = FALSE;

  loc.district = ATLAS_NONE;
  if (f.district != NULL)
    {
      Path p = PATH_KEY (path, "district");

      loc.district = resolve (loader, TARGET_LOCATION_DISTRICT, f.district, position, index, -1, &p);
      if (loc.district == ATLAS_NONE && loader->done[SECTION_DISTRICTS])
        ok = FALSE;
    }

  warn_unknown_keys (&r, known);

  if (f.id != NULL)
    {
      loc.id = atlas_dataset_intern (ds, f.id);
      ok &= add_id (loader, SECTION_LOCATIONS, f.id, loc.id, ok ? position : ATLAS_FAILED, index, path);
    }

  if (!ok)
    {
      roll_back (loader, &mark);
      return;
    }

  loc.name = atlas_dataset_store (ds, f.name);
  loc.name_zh = atlas_dataset_store (ds, f.name_zh);
  loc.description = atlas_dataset_store (ds, f.description);
  loc.description_zh = atlas_dataset_store (ds, f.description_zh);
  loc.note = atlas_dataset_store (ds, f.note);
  loc.lon = pt.lon;
  loc.lat = pt.lat;
  loc.approximate = f.approximate;
  g_array_append_val (ds->locations, loc);
}

static void
read_event (Loader     *loader,
            const AtlasJson *node,
            const Path *path,
            guint       index)
{
  static const char * const known[] = {
    "id", "date", "end", "title", "title_zh", "location", "sectors", "description",
    "description_zh", "source", "note", NULL
  };
  AtlasDataset *ds = loader->dataset;
  static const Field fields[] = {
    FIELD (FIELD_ID, EventFields, id), FIELD (FIELD_REQUIRED_DATE, EventFields, date),
    FIELD (FIELD_DATE, EventFields, end), FIELD (FIELD_REQUIRED, EventFields, title),
    FIELD (FIELD_STRING, EventFields, title_zh), FIELD (FIELD_STRING, EventFields, description),
    FIELD (FIELD_STRING, EventFields, description_zh), FIELD (FIELD_STRING, EventFields, note),
    FIELD (FIELD_REQUIRED, EventFields, source), { NULL },
  };
  AtlasEvent ev = { 0 };
  EventFields f = { 0 };
  gint32 end;
  gboolean ok;
  guint32 position = ds->events->len;
  Reader r;

  if (!begin_element (loader, node, path, &r))
    return;

  ok = read_fields (&r, fields, &f);

  if (f.date.present && f.end.present && f.end.start < f.date.start)
    {
      Path p = PATH_KEY (path, "end");
      const char *end_text = atlas_json_string_member (r.object, "end");
      const char *date_text = atlas_json_string_member (r.object, "date");

      /* Translators: %1$s is the end date, %2$s the start date, as written in the file */
      loader_error (loader, &p, _("“%1$s” is before the event's date “%2$s”"), end_text, date_text);
      ok = FALSE;
    }

  /* Lists go straight into dataset->indices; a failed event takes them back. They
   * are read even when another field failed, so that every problem is reported. */
  {
    Mark mark = mark_set (loader);

    ok &= read_id_list (&r, "location", TARGET_EVENT_LOCATION, index, TRUE, FALSE,
                        &ev.locations, &ev.n_locations);
    ok &= read_id_list (&r, "sectors", TARGET_EVENT_SECTOR, index, FALSE, TRUE,
                        &ev.sectors, &ev.n_sectors);
    if (f.source != NULL)
      {
        Path p = PATH_KEY (path, "source");

        ev.source = resolve (loader, TARGET_EVENT_SOURCE, f.source, position, index, -1, &p);
        if (ev.source == ATLAS_NONE && loader->done[SECTION_SOURCES])
          ok = FALSE;
      }
    if (f.id != NULL)
      {
        const char *stored = atlas_dataset_store (ds, f.id);

        ev.id = stored;
        ok &= add_id (loader, SECTION_EVENTS, f.id, stored, position, index, path);
      }
    if (!ok)
      roll_back (loader, &mark);
  }

  warn_unknown_keys (&r, known);
  if (!ok)
    return;

  ev.title = atlas_dataset_store (ds, f.title);
  ev.title_zh = atlas_dataset_store (ds, f.title_zh);
  ev.description = atlas_dataset_store (ds, f.description);
  ev.description_zh = atlas_dataset_store (ds, f.description_zh);
  ev.note = atlas_dataset_store (ds, f.note);
  ev.precision = f.date.precision;
  ev.has_end = f.end.present;
  ev.end_precision = f.end.present ? f.end.precision : f.date.precision;
  end = f.end.present ? f.end.end : f.date.end;

  g_array_append_val (ds->events, ev);
  g_array_append_val (ds->starts, f.date.start);
  g_array_append_val (ds->ends, end);
}

/**
 * loader_read_element:
 * @section: which top-level array @node came from
 * @node: one element of it
 * @index: its index in that array
 *
 * Reads and checks one element; a valid one is added to the dataset.
 */
void
loader_read_element (Loader   *loader,
                     Section   section,
                     const AtlasJson *node,
                     guint     index)
{
  Path base = PATH_KEY (NULL, section_name (section));
  Path path = PATH_INDEX (&base, index);

  if (index >= ATLAS_MAX_ITEMS)
    {
      if (index == ATLAS_MAX_ITEMS)
        loader_error (loader, &path, _("more than %u elements; the rest are not read"), ATLAS_MAX_ITEMS);
      return;
    }

  switch (section)
    {
    case SECTION_SOURCES:
      read_source (loader, node, &path, index);
      break;
    case SECTION_SECTORS:
      read_sector (loader, node, &path, index);
      break;
    case SECTION_DISTRICTS:
      read_district (loader, node, &path, index);
      break;
    case SECTION_LOCATIONS:
      read_location (loader, node, &path, index);
      break;
    case SECTION_EVENTS:
      read_event (loader, node, &path, index);
      break;
    case SECTION_FEATURES:
      loader_read_feature (loader, node, index);
      break;
    case SECTION_PERIODS:
      loader_read_period (loader, node, &path, index);
      break;
    case SECTION_IGNORED:
    default:
      break;
    }
}
