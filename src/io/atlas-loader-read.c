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

/**
 * element_begin:
 * @section: the kind of element
 * @node: the element
 * @path: its place in the file
 * @index: its index in the file's array
 * @position: its index in the dataset's array, once added
 * @fields: (nullable): the fields read the same way everywhere, into @record
 *
 * Starts reading an element and reads @fields; e->ok says whether they were
 * all valid.
 *
 * Returns: %FALSE, with the error reported, when @node is not an object
 */
gboolean
element_begin (Element         *e,
               Loader          *loader,
               Section          section,
               const AtlasJson *node,
               const Path      *path,
               guint            index,
               guint            position,
               const Field     *fields,
               gpointer         record)
{
  *e = (Element) { loader, section, path, index, position, mark_set (loader), { 0 }, TRUE };
  if (!begin_element (loader, node, path, &e->r))
    return FALSE;
  if (fields != NULL)
    e->ok = read_fields (&e->r, fields, record);
  return TRUE;
}

/**
 * element_finish:
 * @id: (nullable): the element's id as read, %NULL when it had none
 *
 * Ends reading an element the same way for every kind: its id is kept (stored
 * for the many events, interned for the rest) and registered, a duplicate
 * being one more problem; an element with problems takes back what it added
 * to the dataset's shared arrays.
 *
 * Returns: (nullable): the kept id, to add the element with; %NULL when the
 *   element is not to be added
 */
const char *
element_finish (Element    *e,
                const char *id)
{
  AtlasDataset *ds = e->loader->dataset;
  const char *stored = NULL;

  if (id != NULL)
    {
      stored = e->section == SECTION_EVENTS ? atlas_dataset_store (ds, id) : atlas_dataset_intern (ds, id);
      e->ok &= add_id (e->loader, e->section, id, stored, e->ok ? e->position : ATLAS_FAILED, e->index, e->path);
    }
  if (!e->ok || id == NULL)
    {
      roll_back (e->loader, &e->mark);
      return NULL;
    }
  return stored;
}

/* A reference to another element by its id, under @key; one that cannot be
 * resolved once its section has been read is a problem of this element. */
static guint32
element_resolve (Element    *e,
                 const char *key,
                 Target      target,
                 const char *id)
{
  Path p = PATH_KEY (e->path, key);
  guint32 value = resolve (e->loader, target, id, e->position, e->index, -1, &p);

  if (value == ATLAS_NONE && e->loader->done[target_section (target)])
    e->ok = FALSE;
  return value;
}

/* The optional "geometry"; present but unreadable is a problem. */
static guint32
element_read_geometry (Element  *e,
                       gboolean  allow_lines)
{
  guint32 geometry = read_geometry (&e->r, allow_lines);
  const AtlasJson *node = atlas_json_member (e->r.object, "geometry");

  if (geometry == ATLAS_NONE && node != NULL && !atlas_json_is_null (node))
    e->ok = FALSE;
  return geometry;
}

static void
read_source (Loader          *loader,
             const AtlasJson *node,
             const Path      *path,
             guint            index)
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
  Element e;

  if (!element_begin (&e, loader, SECTION_SOURCES, node, path, index, ds->sources->len, fields, &f))
    return;

  warn_unknown_keys (&e.r, known);

  if (f.url != NULL && g_ascii_strncasecmp (f.url, "http://", 7) != 0 &&
      g_ascii_strncasecmp (f.url, "https://", 8) != 0)
    {
      Path p = PATH_KEY (path, "url");

      loader_error (loader, &p, _("only http and https addresses are allowed, found “%s”"), f.url);
      e.ok = FALSE;
    }

  source.id = element_finish (&e, f.id);
  if (source.id == NULL)
    return;
  source.title = atlas_dataset_intern (ds, f.title);
  source.publisher = atlas_dataset_intern (ds, f.publisher);
  source.author = atlas_dataset_intern (ds, f.author);
  source.url = atlas_dataset_intern (ds, f.url);
  source.note = atlas_dataset_store (ds, f.note);
  source.date = f.date.start;
  source.date_precision = f.date.precision;
  g_array_append_val (ds->sources, source);
}

static void
read_sector (Loader          *loader,
             const AtlasJson *node,
             const Path      *path,
             guint            index)
{
  static const char * const known[] = { "id", "name", "name_zh", "color", NULL };
  static const Field fields[] = {
    FIELD (FIELD_ID, NameFields, id), FIELD (FIELD_REQUIRED, NameFields, name),
    FIELD (FIELD_STRING, NameFields, name_zh), FIELD (FIELD_REQUIRED, NameFields, color), { NULL },
  };
  AtlasDataset *ds = loader->dataset;
  AtlasSector sector = { 0 };
  NameFields f = { 0 };
  Element e;

  if (!element_begin (&e, loader, SECTION_SECTORS, node, path, index, ds->sectors->len, fields, &f))
    return;

  warn_unknown_keys (&e.r, known);
  e.ok &= loader_check_color (loader, path, f.color, &sector.color);

  sector.id = element_finish (&e, f.id);
  if (sector.id == NULL)
    return;
  sector.name = atlas_dataset_intern (ds, f.name);
  sector.name_zh = atlas_dataset_intern (ds, f.name_zh);
  g_array_append_val (ds->sectors, sector);
}

static void
read_district (Loader          *loader,
               const AtlasJson *node,
               const Path      *path,
               guint            index)
{
  static const char * const known[] = {
    "id", "name", "name_zh", "geometry", "approximate", "description", NULL
  };
  static const Field fields[] = {
    FIELD (FIELD_ID, NameFields, id), FIELD (FIELD_REQUIRED, NameFields, name),
    FIELD (FIELD_STRING, NameFields, name_zh), FIELD (FIELD_STRING, NameFields, description),
    FIELD (FIELD_BOOLEAN, NameFields, approximate), { NULL },
  };
  AtlasDataset *ds = loader->dataset;
  AtlasDistrict district = { 0 };
  NameFields f = { 0 };
  Element e;

  if (!element_begin (&e, loader, SECTION_DISTRICTS, node, path, index, ds->districts->len, fields, &f))
    return;

  district.geometry = element_read_geometry (&e, FALSE);
  warn_unknown_keys (&e.r, known);

  district.id = element_finish (&e, f.id);
  if (district.id == NULL)
    return;
  district.name = atlas_dataset_intern (ds, f.name);
  district.name_zh = atlas_dataset_intern (ds, f.name_zh);
  district.description = atlas_dataset_store (ds, f.description);
  district.approximate = f.approximate;
  g_array_append_val (ds->districts, district);
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

/* A place's "point", which it must have. */
static gboolean
read_point (Element    *e,
            AtlasPoint *point)
{
  const AtlasJson *node = take_member (&e->r, "point");
  Path p = PATH_KEY (e->path, "point");

  if (node != NULL)
    return read_position (e->loader, node, &p, point);
  report_missing (&e->r, "point");
  return FALSE;
}

static void
read_location (Loader          *loader,
               const AtlasJson *node,
               const Path      *path,
               guint            index)
{
  static const char * const known[] = {
    "id", "name", "name_zh", "kind", "district", "sectors", "point", "geometry",
    "approximate", "description", "description_zh", "facts", "note", NULL
  };
  static const Field fields[] = {
    FIELD (FIELD_ID, LocationFields, id), FIELD (FIELD_REQUIRED, LocationFields, name),
    FIELD (FIELD_STRING, LocationFields, name_zh), FIELD (FIELD_REQUIRED, LocationFields, kind),
    FIELD (FIELD_STRING, LocationFields, district), FIELD (FIELD_STRING, LocationFields, description),
    FIELD (FIELD_STRING, LocationFields, description_zh), FIELD (FIELD_STRING, LocationFields, note),
    FIELD (FIELD_BOOLEAN, LocationFields, approximate), { NULL },
  };
  AtlasDataset *ds = loader->dataset;
  AtlasLocation loc = { 0 };
  LocationFields f = { 0 };
  AtlasPoint pt = { 0 };
  Element e;

  if (!element_begin (&e, loader, SECTION_LOCATIONS, node, path, index, ds->locations->len, fields, &f))
    return;

  if (f.kind != NULL)
    e.ok &= read_kind (loader, f.kind, path, &loc.kind);
  e.ok &= read_point (&e, &pt);
  e.ok &= read_id_list (&e.r, "sectors", TARGET_LOCATION_SECTOR, index, FALSE, TRUE,
                        &loc.sectors, &loc.n_sectors);
  e.ok &= read_facts (&e.r, &loc.facts, &loc.n_facts);
  loc.geometry = element_read_geometry (&e, TRUE);
  loc.district = ATLAS_NONE;
  if (f.district != NULL)
    loc.district = element_resolve (&e, "district", TARGET_LOCATION_DISTRICT, f.district);
  warn_unknown_keys (&e.r, known);

  loc.id = element_finish (&e, f.id);
  if (loc.id == NULL)
    return;
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
read_event (Loader          *loader,
            const AtlasJson *node,
            const Path      *path,
            guint            index)
{
  static const char * const known[] = {
    "id", "date", "end", "title", "title_zh", "location", "sectors", "description",
    "description_zh", "source", "note", NULL
  };
  static const Field fields[] = {
    FIELD (FIELD_ID, EventFields, id), FIELD (FIELD_REQUIRED_DATE, EventFields, date),
    FIELD (FIELD_DATE, EventFields, end), FIELD (FIELD_REQUIRED, EventFields, title),
    FIELD (FIELD_STRING, EventFields, title_zh), FIELD (FIELD_STRING, EventFields, description),
    FIELD (FIELD_STRING, EventFields, description_zh), FIELD (FIELD_STRING, EventFields, note),
    FIELD (FIELD_REQUIRED, EventFields, source), { NULL },
  };
  AtlasDataset *ds = loader->dataset;
  AtlasEvent ev = { 0 };
  EventFields f = { 0 };
  gint32 end;
  Element e;

  if (!element_begin (&e, loader, SECTION_EVENTS, node, path, index, ds->events->len, fields, &f))
    return;

  if (f.date.present && f.end.present && f.end.start < f.date.start)
    {
      Path p = PATH_KEY (path, "end");
      const char *end_text = atlas_json_string_member (e.r.object, "end");
      const char *date_text = atlas_json_string_member (e.r.object, "date");

      /* Translators: %1$s is the end date, %2$s the start date, as written in the file */
      loader_error (loader, &p, _("“%1$s” is before the event's date “%2$s”"), end_text, date_text);
      e.ok = FALSE;
    }

  /* Lists go straight into dataset->indices; a failed event takes them back. They
   * are read even when another field failed, so that every problem is reported. */
  e.ok &= read_id_list (&e.r, "location", TARGET_EVENT_LOCATION, index, TRUE, FALSE,
                        &ev.locations, &ev.n_locations);
  e.ok &= read_id_list (&e.r, "sectors", TARGET_EVENT_SECTOR, index, FALSE, TRUE,
                        &ev.sectors, &ev.n_sectors);
  if (f.source != NULL)
    ev.source = element_resolve (&e, "source", TARGET_EVENT_SOURCE, f.source);
  ev.id = element_finish (&e, f.id);
  warn_unknown_keys (&e.r, known);
  if (ev.id == NULL)
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
