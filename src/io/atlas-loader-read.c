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
 * reporting every problem with its path: one reader, driven by each section's
 * table of fields. */

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

/* A place's kind, from the fixed vocabulary, with a guess when it is misspelt. */
static gboolean
read_kind (Reader     *r,
           const char *key,
           gboolean    required,
           guint8     *out)
{
  Path p = PATH_KEY (r->path, key);
  const char *kind;
  const char *names[ATLAS_N_KINDS];
  g_autofree char *guess = NULL;
  gboolean ok = read_string (r, key, required, &kind);
  AtlasKind k;

  /* An empty kind is also an unknown one. */
  if (kind == NULL)
    return ok;
  if (atlas_kind_from_string (kind, &k))
    {
      *out = k;
      return ok;
    }

  for (guint i = 0; i < ATLAS_N_KINDS; i++)
    names[i] = atlas_kind_to_string (i);
  guess = closest_id (r->loader, kind, names, ATLAS_N_KINDS);
  if (guess != NULL)
    loader_error (r->loader, &p, _("unknown kind “%s” (did you mean “%s”?)"), kind, guess);
  else
    loader_error (r->loader, &p, _("unknown kind “%s” (see the list of kinds in docs/dataset-format.md)"), kind);
  return FALSE;
}

/* A position, which an element must have when it is required. */
static gboolean
read_point (Reader     *r,
            const char *key,
            gboolean    required,
            AtlasPoint *point)
{
  const AtlasJson *node = take_member (r, key);
  Path p = PATH_KEY (r->path, key);

  if (node != NULL)
    return read_position (r->loader, node, &p, point);
  if (required)
    report_missing (r, key);
  return !required;
}

/* The optional geometry; present but unreadable is a problem. */
static gboolean
read_element_geometry (Reader      *r,
                       const Field *field,
                       guint32     *out)
{
  const AtlasJson *node = atlas_json_member (r->object, field->key);

  *out = read_geometry (r, (field->flags & FIELD_LINES) != 0);
  return *out != ATLAS_NONE || node == NULL || atlas_json_is_null (node);
}

/* A reference to another element by its id, read as text; one that cannot be
 * resolved once its section has been read is a problem of this element. */
static gboolean
resolve_reference (Reader      *r,
                   const Field *field,
                   const char  *id,
                   guint32     *out)
{
  Path p = PATH_KEY (r->path, field->key);

  *out = ATLAS_NONE;
  if (id == NULL)
    return TRUE;
  *out = resolve (r->loader, field->target, id, r->position, r->index, -1, &p);
  return *out != ATLAS_NONE || !r->loader->done[target_section (field->target)];
}

static gboolean read_facts (Reader     *r,
                            const char *key,
                            guint32    *offset,
                            guint16    *count);

/* Keeps a string read from the file's text in the dataset, as its field says. */
static void
keep_string (Reader      *r,
             const Field *field,
             const char **text)
{
  if (field->flags & FIELD_INTERN)
    *text = atlas_dataset_intern (r->loader->dataset, *text);
  else if (field->flags & FIELD_STORE)
    *text = atlas_dataset_store (r->loader->dataset, *text);
}

static gboolean
read_field (Reader      *r,
            const Field *field,
            gpointer     record)
{
  gpointer out = G_STRUCT_MEMBER_P (record, field->offset);
  guint16 *count = G_STRUCT_MEMBER_P (record, field->count_offset);
  gboolean required = (field->flags & FIELD_REQUIRED) != 0;
  gboolean ok;

  switch ((FieldType) field->type)
    {
    case FIELD_ID:
      return read_id (r, out);
    case FIELD_STRING:
      ok = read_string (r, field->key, required, out);
      keep_string (r, field, out);
      return ok;
    case FIELD_DATE:
      return read_date (r, field->key, required, out);
    case FIELD_BOOLEAN:
      return read_boolean (r, field->key, out);
    case FIELD_KIND:
      return read_kind (r, field->key, required, out);
    case FIELD_POINT:
      return read_point (r, field->key, required, out);
    case FIELD_GEOMETRY:
      return read_element_geometry (r, field, out);
    case FIELD_FACTS:
      return read_facts (r, field->key, out, count);
    case FIELD_REFERENCES:
      return read_id_list (r, field, out, count);
    case FIELD_SECTOR_NAMES:
      return read_sector_names (r, field->key, out, count);
    case FIELD_REFERENCE:   /* read as text, resolved by read_fields() */
    default:
      g_assert_not_reached ();
    }
}

/* Whether a field gave a value, so that a FIELD_OR_PREVIOUS after it is not
 * read: a list given, even empty, is one; a date that is null or not a date is
 * not. */
static gboolean
field_has_value (Reader      *r,
                 const Field *field,
                 gpointer     record)
{
  gpointer out = G_STRUCT_MEMBER_P (record, field->offset);

  switch ((FieldType) field->type)
    {
    case FIELD_DATE:
      return ((DateValue *) out)->present;
    case FIELD_FACTS:
    case FIELD_REFERENCES:
    case FIELD_SECTOR_NAMES:
      return atlas_json_member (r->object, field->key) != NULL;
    case FIELD_ID:
    case FIELD_STRING:
      return *(const char **) out != NULL;
    case FIELD_BOOLEAN:
    case FIELD_KIND:
    case FIELD_POINT:
    case FIELD_GEOMETRY:
    case FIELD_REFERENCE:
    default:
      return TRUE;
    }
}

/**
 * read_fields:
 * @fields: the table, ending with a %NULL key
 * @record: where the table's offsets point
 *
 * Reads each field of the table, in its order, into @record; references are
 * resolved last, once the element's own fields are read.
 *
 * Returns: %FALSE, with every problem reported, when one is missing or wrong
 */
gboolean
read_fields (Reader      *r,
             const Field *fields,
             gpointer     record)
{
  const char *ids[32] = { NULL };
  gboolean ok = TRUE;
  guint i;

  for (i = 0; fields[i].key != NULL; i++)
    {
      g_assert (i < G_N_ELEMENTS (ids));
      if ((fields[i].flags & FIELD_OR_PREVIOUS) && field_has_value (r, &fields[i - 1], record))
        continue;
      if (fields[i].type == FIELD_REFERENCE)
        ok &= read_string (r, fields[i].key, (fields[i].flags & FIELD_REQUIRED) != 0, &ids[i]);
      else
        ok &= read_field (r, &fields[i], record);
    }
  for (i = 0; fields[i].key != NULL; i++)
    {
      if (fields[i].type == FIELD_REFERENCE)
        ok &= resolve_reference (r, &fields[i], ids[i], G_STRUCT_MEMBER_P (record, fields[i].offset));
    }
  return ok;
}

static gboolean
read_facts (Reader     *r,
            const char *key,
            guint32    *offset,
            guint16    *count)
{
  static const Field fields[] = {
    FIELD ("label", FIELD_STRING, FIELD_REQUIRED | FIELD_INTERN, AtlasFact, label),
    FIELD ("value", FIELD_STRING, FIELD_REQUIRED | FIELD_INTERN, AtlasFact, value),
    FIELD ("label_zh", FIELD_STRING, FIELD_INTERN, AtlasFact, label_zh),
    FIELD ("value_zh", FIELD_STRING, FIELD_INTERN, AtlasFact, value_zh),
    { NULL },
  };
  Loader *loader = r->loader;
  AtlasDataset *ds = loader->dataset;
  const AtlasJson *node = take_member (r, key);
  Path facts_path = PATH_KEY (r->path, key);
  gboolean ok = TRUE;
  guint n;

  *offset = ds->facts->len;
  *count = 0;
  if (node == NULL || atlas_json_is_null (node))
    return TRUE;
  if (!atlas_json_is_array (node))
    {
      report_type (r, key, _("an array of facts"), node);
      return FALSE;
    }

  n = MIN (atlas_json_size (node), MAX_LIST);
  for (guint i = 0; i < n; i++)
    {
      Path fact_path = PATH_INDEX (&facts_path, i);
      AtlasFact fact = { 0 };
      gboolean fact_ok;
      Reader f;

      if (!begin_element (loader, atlas_json_element (node, i), &fact_path, &f))
        {
          ok = FALSE;
          continue;
        }
      fact_ok = read_fields (&f, fields, &fact);
      warn_unknown_fields (&f, fields);
      ok &= fact_ok;
      if (fact_ok)
        {
          g_array_append_val (ds->facts, fact);
          (*count)++;
        }
    }
  return ok;
}

/* Elements ------------------------------------------------------------------ */

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

/* Ends reading an element the same way for every kind: its id is kept (stored
 * for the many events, interned for the rest) and registered, a duplicate
 * being one more problem; an element with problems takes back what it added
 * to the dataset's shared arrays. Returns whether the element is added. */
static gboolean
element_finish (Element     *e,
                const char **id)
{
  AtlasDataset *ds = e->loader->dataset;
  const char *stored;

  if (*id == NULL)
    {
      roll_back (e->loader, &e->mark);
      return FALSE;
    }
  stored = e->section == SECTION_EVENTS ? atlas_dataset_store (ds, *id) : atlas_dataset_intern (ds, *id);
  e->ok &= add_id (e->loader, e->section, *id, stored, e->ok ? e->r.position : ATLAS_FAILED, e->r.index,
                   e->path);
  if (!e->ok)
    {
      roll_back (e->loader, &e->mark);
      return FALSE;
    }
  *id = stored;
  return TRUE;
}

static GArray *
section_array (AtlasDataset *ds,
               Section       section)
{
  GArray *arrays[] = {
    ds->sources, ds->sectors, ds->districts, ds->locations, ds->events, NULL, ds->periods,
  };

  return arrays[section];
}

/* Reads an element with its section's table, checks what the table cannot, and
 * adds it to the dataset when it has no problem. */
static void
read_element (Loader              *loader,
              const SectionReader *reader,
              Section              section,
              const AtlasJson     *node,
              const Path          *path,
              guint                index)
{
  GArray *array = section_array (loader->dataset, section);
  gpointer record = g_alloca0 (reader->record_size);
  Element e = { loader, section, path, mark_set (loader), { 0 }, TRUE };

  if (!begin_element (loader, node, path, &e.r))
    return;
  e.r.index = index;
  e.r.position = array->len;
  e.ok = read_fields (&e.r, reader->fields, record);
  warn_unknown_fields (&e.r, reader->fields);
  if (reader->check != NULL)
    reader->check (&e, record);
  if (!element_finish (&e, record))
    return;
  if (reader->add != NULL)
    reader->add (loader->dataset, record);
  else
    g_array_append_vals (array, record, 1);
}

/* The sections ---------------------------------------------------------------- */

typedef struct
{
  AtlasSource source;
  DateValue date;
} SourceRecord;

static const Field source_fields[] = {
  FIELD ("id", FIELD_ID, FIELD_REQUIRED, SourceRecord, source.id),
  FIELD ("title", FIELD_STRING, FIELD_REQUIRED | FIELD_INTERN, SourceRecord, source.title),
  FIELD ("publisher", FIELD_STRING, FIELD_REQUIRED | FIELD_INTERN, SourceRecord, source.publisher),
  FIELD ("author", FIELD_STRING, FIELD_INTERN, SourceRecord, source.author),
  FIELD ("date", FIELD_DATE, FIELD_REQUIRED, SourceRecord, date),
  FIELD ("url", FIELD_STRING, FIELD_INTERN, SourceRecord, source.url),
  FIELD ("note", FIELD_STRING, FIELD_STORE, SourceRecord, source.note),
  { NULL },
};

static void
check_source (Element  *e,
              gpointer  record)
{
  SourceRecord *rec = record;
  const char *url = rec->source.url;

  if (url != NULL && g_ascii_strncasecmp (url, "http://", 7) != 0 && g_ascii_strncasecmp (url, "https://", 8) != 0)
    {
      Path p = PATH_KEY (e->path, "url");

      loader_error (e->loader, &p, _("only http and https addresses are allowed, found “%s”"), url);
      e->ok = FALSE;
    }
  rec->source.date = rec->date.start;
  rec->source.date_precision = rec->date.precision;
}

typedef struct
{
  AtlasSector sector;
  const char *color;
} SectorRecord;

static const Field sector_fields[] = {
  FIELD ("id", FIELD_ID, FIELD_REQUIRED, SectorRecord, sector.id),
  FIELD ("name", FIELD_STRING, FIELD_REQUIRED | FIELD_INTERN, SectorRecord, sector.name),
  FIELD ("name_zh", FIELD_STRING, FIELD_INTERN, SectorRecord, sector.name_zh),
  FIELD ("color", FIELD_STRING, FIELD_REQUIRED, SectorRecord, color),
  { NULL },
};

static void
check_sector (Element  *e,
              gpointer  record)
{
  SectorRecord *rec = record;

  e->ok &= loader_check_color (e->loader, e->path, rec->color, &rec->sector.color);
}

static const Field district_fields[] = {
  FIELD ("id", FIELD_ID, FIELD_REQUIRED, AtlasDistrict, id),
  FIELD ("name", FIELD_STRING, FIELD_REQUIRED | FIELD_INTERN, AtlasDistrict, name),
  FIELD ("name_zh", FIELD_STRING, FIELD_INTERN, AtlasDistrict, name_zh),
  FIELD ("description", FIELD_STRING, FIELD_STORE, AtlasDistrict, description),
  FIELD ("approximate", FIELD_BOOLEAN, 0, AtlasDistrict, approximate),
  FIELD ("geometry", FIELD_GEOMETRY, 0, AtlasDistrict, geometry),
  { NULL },
};

typedef struct
{
  AtlasLocation loc;
  AtlasPoint point;
  gboolean approximate;
} LocationRecord;

static const Field location_fields[] = {
  FIELD ("id", FIELD_ID, FIELD_REQUIRED, LocationRecord, loc.id),
  FIELD ("name", FIELD_STRING, FIELD_REQUIRED | FIELD_STORE, LocationRecord, loc.name),
  FIELD ("name_zh", FIELD_STRING, FIELD_STORE, LocationRecord, loc.name_zh),
  FIELD ("kind", FIELD_KIND, FIELD_REQUIRED, LocationRecord, loc.kind),
  { "district", FIELD_REFERENCE, 0, TARGET_LOCATION_DISTRICT, G_STRUCT_OFFSET (LocationRecord, loc.district), 0 },
  FIELD ("description", FIELD_STRING, FIELD_STORE, LocationRecord, loc.description),
  FIELD ("description_zh", FIELD_STRING, FIELD_STORE, LocationRecord, loc.description_zh),
  FIELD ("note", FIELD_STRING, FIELD_STORE, LocationRecord, loc.note),
  FIELD ("approximate", FIELD_BOOLEAN, 0, LocationRecord, approximate),
  FIELD ("point", FIELD_POINT, FIELD_REQUIRED, LocationRecord, point),
  FIELD_LIST ("sectors", FIELD_REFERENCES, FIELD_REQUIRED, TARGET_LOCATION_SECTOR, LocationRecord, loc.sectors,
              loc.n_sectors),
  FIELD_LIST ("facts", FIELD_FACTS, 0, 0, LocationRecord, loc.facts, loc.n_facts),
  FIELD ("geometry", FIELD_GEOMETRY, FIELD_LINES, LocationRecord, loc.geometry),
  { NULL },
};

static void
check_location (Element  *e,
                gpointer  record)
{
  LocationRecord *rec = record;

  rec->loc.lon = rec->point.lon;
  rec->loc.lat = rec->point.lat;
  rec->loc.approximate = rec->approximate;
}

typedef struct
{
  AtlasEvent ev;
  DateValue date;
  DateValue end;
} EventRecord;

static const Field event_fields[] = {
  FIELD ("id", FIELD_ID, FIELD_REQUIRED, EventRecord, ev.id),
  FIELD ("date", FIELD_DATE, FIELD_REQUIRED, EventRecord, date),
  FIELD ("end", FIELD_DATE, 0, EventRecord, end),
  FIELD ("title", FIELD_STRING, FIELD_REQUIRED | FIELD_STORE, EventRecord, ev.title),
  FIELD ("title_zh", FIELD_STRING, FIELD_STORE, EventRecord, ev.title_zh),
  FIELD ("description", FIELD_STRING, FIELD_STORE, EventRecord, ev.description),
  FIELD ("description_zh", FIELD_STRING, FIELD_STORE, EventRecord, ev.description_zh),
  FIELD ("note", FIELD_STRING, FIELD_STORE, EventRecord, ev.note),
  { "source", FIELD_REFERENCE, FIELD_REQUIRED, TARGET_EVENT_SOURCE, G_STRUCT_OFFSET (EventRecord, ev.source), 0 },
  /* Lists go straight into dataset->indices; a failed event takes them back. */
  FIELD_LIST ("location", FIELD_REFERENCES, FIELD_REQUIRED | FIELD_SINGLE | FIELD_NOT_EMPTY, TARGET_EVENT_LOCATION,
              EventRecord, ev.locations, ev.n_locations),
  FIELD_LIST ("sectors", FIELD_REFERENCES, FIELD_REQUIRED, TARGET_EVENT_SECTOR, EventRecord, ev.sectors,
              ev.n_sectors),
  { NULL },
};

static void
check_event (Element  *e,
             gpointer  record)
{
  EventRecord *rec = record;

  if (rec->date.present && rec->end.present && rec->end.start < rec->date.start)
    {
      Path p = PATH_KEY (e->path, "end");
      const char *end_text = atlas_json_string_member (e->r.object, "end");
      const char *date_text = atlas_json_string_member (e->r.object, "date");

      /* Translators: %1$s is the end date, %2$s the start date, as written in the file */
      loader_error (e->loader, &p, _("“%1$s” is before the event's date “%2$s”"), end_text, date_text);
      e->ok = FALSE;
    }
}

/**
 * loader_add_event:
 * @ev: the event, but for its dates
 * @date: its date
 * @end: its end, when it has one
 *
 * Adds an event with its dates: it lasts to the end of @end, or of its @date
 * when it has no end.
 */
void
loader_add_event (AtlasDataset    *ds,
                  AtlasEvent      *ev,
                  const DateValue *date,
                  const DateValue *end)
{
  gint32 last = end->present ? end->end : date->end;

  ev->precision = date->precision;
  ev->has_end = end->present;
  ev->end_precision = end->present ? end->precision : date->precision;
  g_array_append_val (ds->events, *ev);
  g_array_append_val (ds->starts, date->start);
  g_array_append_val (ds->ends, last);
}

static void
add_event (AtlasDataset *ds,
           gpointer      record)
{
  EventRecord *rec = record;

  loader_add_event (ds, &rec->ev, &rec->date, &rec->end);
}

static const SectionReader source_reader = { source_fields, sizeof (SourceRecord), check_source, NULL };
static const SectionReader sector_reader = { sector_fields, sizeof (SectorRecord), check_sector, NULL };
static const SectionReader district_reader = { district_fields, sizeof (AtlasDistrict), NULL, NULL };
static const SectionReader location_reader = { location_fields, sizeof (LocationRecord), check_location, NULL };
static const SectionReader event_reader = { event_fields, sizeof (EventRecord), check_event, add_event };

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
  static const SectionReader *readers[N_SECTIONS] = {
    &source_reader, &sector_reader, &district_reader, &location_reader, &event_reader, NULL,
    &loader_period_reader,
  };
  Path base = PATH_KEY (NULL, section_name (section));
  Path path = PATH_INDEX (&base, index);

  if (index >= ATLAS_MAX_ITEMS)
    {
      if (index == ATLAS_MAX_ITEMS)
        loader_error (loader, &path, _("more than %u elements; the rest are not read"), ATLAS_MAX_ITEMS);
      return;
    }

  if (section == SECTION_FEATURES)
    loader_read_feature (loader, node, index);
  else if (section < N_SECTIONS)
    read_element (loader, readers[section], section, node, &path, index);
}
