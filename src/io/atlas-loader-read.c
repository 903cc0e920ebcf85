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

static void
read_source (Loader     *loader,
             const AtlasJson *node,
             const Path *path,
             guint       index)
{
  static const char * const known[] = {
    "id", "title", "publisher", "author", "date", "url", "note", NULL
  };
  AtlasDataset *ds = loader->dataset;
  AtlasSource source = { 0 };
  const char *id, *title, *publisher, *author, *url, *note;
  gint32 start, end;
  AtlasPrecision precision;
  gboolean ok = TRUE, has_date;
  Reader r;

  if (!begin_element (loader, node, path, &r))
    return;

  ok &= read_id (&r, &id);
  ok &= read_string (&r, "title", TRUE, &title);
  ok &= read_string (&r, "publisher", TRUE, &publisher);
  ok &= read_string (&r, "author", FALSE, &author);
  ok &= read_date (&r, "date", TRUE, &has_date, &start, &end, &precision);
  ok &= read_string (&r, "url", FALSE, &url);
  ok &= read_string (&r, "note", FALSE, &note);
  warn_unknown_keys (&r, known);

  if (url != NULL && g_ascii_strncasecmp (url, "http://", 7) != 0 &&
      g_ascii_strncasecmp (url, "https://", 8) != 0)
    {
      Path p = PATH_KEY (path, "url");

      loader_error (loader, &p, _("only http and https addresses are allowed, found “%s”"), url);
      ok = FALSE;
    }
  if (id == NULL)
    return;

  source.id = atlas_dataset_intern (ds, id);
  source.title = atlas_dataset_intern (ds, title);
  source.publisher = atlas_dataset_intern (ds, publisher);
  source.author = atlas_dataset_intern (ds, author);
  source.url = atlas_dataset_intern (ds, url);
  source.note = atlas_dataset_store (ds, note);
  source.date = start;
  source.date_precision = precision;
  if (add_id (loader, SECTION_SOURCES, id, source.id, ok ? ds->sources->len : ATLAS_FAILED, index, path) && ok)
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
  AtlasSector sector = { 0 };
  const char *id, *name, *name_zh, *color;
  gboolean ok = TRUE;
  Reader r;

  if (!begin_element (loader, node, path, &r))
    return;

  ok &= read_id (&r, &id);
  ok &= read_string (&r, "name", TRUE, &name);
  ok &= read_string (&r, "name_zh", FALSE, &name_zh);
  ok &= read_string (&r, "color", TRUE, &color);
  warn_unknown_keys (&r, known);

  ok &= loader_check_color (loader, path, color, &sector.color);
  if (id == NULL)
    return;

  sector.id = atlas_dataset_intern (ds, id);
  sector.name = atlas_dataset_intern (ds, name);
  sector.name_zh = atlas_dataset_intern (ds, name_zh);
  if (add_id (loader, SECTION_SECTORS, id, sector.id, ok ? ds->sectors->len : ATLAS_FAILED, index, path) && ok)
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
  AtlasDistrict district = { 0 };
  const char *id, *name, *name_zh, *description;
  gboolean ok = TRUE;
  guint32 geometry;
  Reader r;

  if (!begin_element (loader, node, path, &r))
    return;

  ok &= read_id (&r, &id);
  ok &= read_string (&r, "name", TRUE, &name);
  ok &= read_string (&r, "name_zh", FALSE, &name_zh);
  ok &= read_string (&r, "description", FALSE, &description);
  ok &= read_boolean (&r, "approximate", &district.approximate);
  geometry = read_geometry (&r, FALSE);
  if (geometry == ATLAS_NONE && (atlas_json_member (r.object, "geometry") != NULL) &&
      !atlas_json_is_null (atlas_json_member (r.object, "geometry")))
    ok = FALSE;
  warn_unknown_keys (&r, known);
  if (id == NULL)
    return;

  district.id = atlas_dataset_intern (ds, id);
  district.name = atlas_dataset_intern (ds, name);
  district.name_zh = atlas_dataset_intern (ds, name_zh);
  district.description = atlas_dataset_store (ds, description);
  district.geometry = geometry;
  if (add_id (loader, SECTION_DISTRICTS, id, district.id, ok ? ds->districts->len : ATLAS_FAILED, index, path) && ok)
    g_array_append_val (ds->districts, district);
}

static gboolean
read_facts (Reader  *r,
            guint32 *offset,
            guint16 *count)
{
  static const char * const known[] = { "label", "value", "label_zh", "value_zh", NULL };
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
      AtlasFact fact;
      const char *label, *value, *label_zh, *value_zh;
      gboolean fact_ok = TRUE;
      Reader f;

      if (!begin_element (loader, atlas_json_element (array, i), &fact_path, &f))
        {
          ok = FALSE;
          continue;
        }
      fact_ok &= read_string (&f, "label", TRUE, &label);
      fact_ok &= read_string (&f, "value", TRUE, &value);
      fact_ok &= read_string (&f, "label_zh", FALSE, &label_zh);
      fact_ok &= read_string (&f, "value_zh", FALSE, &value_zh);
      warn_unknown_keys (&f, known);
      if (!fact_ok)
        {
          ok = FALSE;
          continue;
        }

      fact.label = atlas_dataset_intern (ds, label);
      fact.value = atlas_dataset_intern (ds, value);
      fact.label_zh = atlas_dataset_intern (ds, label_zh);
      fact.value_zh = atlas_dataset_intern (ds, value_zh);
      g_array_append_val (ds->facts, fact);
      (*count)++;
    }
  return ok;
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
  AtlasLocation loc = { 0 };
  const char *id, *name, *name_zh, *kind, *district, *description, *description_zh, *note;
  gboolean ok = TRUE, approximate;
  guint32 position = ds->locations->len;
  guint indices_before = ds->indices->len;
  guint facts_before = ds->facts->len;
  guint geometries_before = ds->geometries->len;
  guint pending_before = loader->pending->len;
  const AtlasJson *point;
  AtlasPoint pt = { 0 };
  Reader r;

  if (!begin_element (loader, node, path, &r))
    return;

  ok &= read_id (&r, &id);
  ok &= read_string (&r, "name", TRUE, &name);
  ok &= read_string (&r, "name_zh", FALSE, &name_zh);
  ok &= read_string (&r, "kind", TRUE, &kind);
  ok &= read_string (&r, "district", FALSE, &district);
  ok &= read_string (&r, "description", FALSE, &description);
  ok &= read_string (&r, "description_zh", FALSE, &description_zh);
  ok &= read_string (&r, "note", FALSE, &note);
  ok &= read_boolean (&r, "approximate", &approximate);

  if (kind != NULL)
    {
      AtlasKind k;

      if (atlas_kind_from_string (kind, &k))
        loc.kind = k;
      else
        {
          Path p = PATH_KEY (path, "kind");
          const char *names[ATLAS_N_KINDS];
          g_autofree char *guess = NULL;

          for (guint i = 0; i < ATLAS_N_KINDS; i++)
            names[i] = atlas_kind_to_string (i);
          guess = closest_id (loader, kind, names, ATLAS_N_KINDS);
          if (guess != NULL)
            loader_error (loader, &p, _("unknown kind “%s” (did you mean “%s”?)"), kind, guess);
          else
            loader_error (loader, &p, _("unknown kind “%s” (see the list of kinds in docs/dataset-format.md)"),
                          kind);
          ok = FALSE;
        }
    }

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
  if (district != NULL)
    {
      Path p = PATH_KEY (path, "district");

      loc.district = resolve (loader, TARGET_LOCATION_DISTRICT, district, position, index, -1, &p);
      if (loc.district == ATLAS_NONE && loader->done[SECTION_DISTRICTS])
        ok = FALSE;
    }

  warn_unknown_keys (&r, known);

  if (id != NULL)
    {
      loc.id = atlas_dataset_intern (ds, id);
      ok &= add_id (loader, SECTION_LOCATIONS, id, loc.id, ok ? position : ATLAS_FAILED, index, path);
    }

  if (!ok)
    {
      /* Take back what this element added, and the references it left pending. */
      g_array_set_size (ds->indices, indices_before);
      g_array_set_size (ds->facts, facts_before);
      if (ds->geometries->len > geometries_before)
        {
          const AtlasGeometry *g = &g_array_index (ds->geometries, AtlasGeometry, geometries_before);
          const AtlasRing *ring = &g_array_index (ds->rings, AtlasRing, g->first_ring);

          g_array_set_size (ds->points, ring->first_point);
          g_array_set_size (ds->rings, g->first_ring);
          g_array_set_size (ds->geometries, geometries_before);
        }
      g_array_set_size (loader->pending, pending_before);
      return;
    }

  loc.name = atlas_dataset_store (ds, name);
  loc.name_zh = atlas_dataset_store (ds, name_zh);
  loc.description = atlas_dataset_store (ds, description);
  loc.description_zh = atlas_dataset_store (ds, description_zh);
  loc.note = atlas_dataset_store (ds, note);
  loc.lon = pt.lon;
  loc.lat = pt.lat;
  loc.approximate = approximate;
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
  AtlasEvent ev = { 0 };
  const char *id, *title, *title_zh, *description, *description_zh, *note, *source;
  gint32 start = 0, start_end = 0, end_start = 0, end = 0;
  AtlasPrecision precision = ATLAS_PRECISION_DAY, end_precision = ATLAS_PRECISION_DAY;
  gboolean ok = TRUE, has_date, has_end;
  guint32 position = ds->events->len;
  Reader r;

  if (!begin_element (loader, node, path, &r))
    return;

  ok &= read_id (&r, &id);
  ok &= read_date (&r, "date", TRUE, &has_date, &start, &start_end, &precision);
  ok &= read_date (&r, "end", FALSE, &has_end, &end_start, &end, &end_precision);
  ok &= read_string (&r, "title", TRUE, &title);
  ok &= read_string (&r, "title_zh", FALSE, &title_zh);
  ok &= read_string (&r, "description", FALSE, &description);
  ok &= read_string (&r, "description_zh", FALSE, &description_zh);
  ok &= read_string (&r, "note", FALSE, &note);
  ok &= read_string (&r, "source", TRUE, &source);

  if (has_date && has_end && end_start < start)
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
    guint indices_before = ds->indices->len;
    guint pending_before = loader->pending->len;

    ok &= read_id_list (&r, "location", TARGET_EVENT_LOCATION, index, TRUE, FALSE,
                        &ev.locations, &ev.n_locations);
    ok &= read_id_list (&r, "sectors", TARGET_EVENT_SECTOR, index, FALSE, TRUE,
                        &ev.sectors, &ev.n_sectors);
    if (source != NULL)
      {
        Path p = PATH_KEY (path, "source");

        ev.source = resolve (loader, TARGET_EVENT_SOURCE, source, position, index, -1, &p);
        if (ev.source == ATLAS_NONE && loader->done[SECTION_SOURCES])
          ok = FALSE;
      }
    if (id != NULL)
      {
        const char *stored = atlas_dataset_store (ds, id);

        ev.id = stored;
        ok &= add_id (loader, SECTION_EVENTS, id, stored, position, index, path);
      }
    if (!ok)
      {
        g_array_set_size (ds->indices, indices_before);
        g_array_set_size (loader->pending, pending_before);
      }
  }

  warn_unknown_keys (&r, known);
  if (!ok)
    return;

  ev.title = atlas_dataset_store (ds, title);
  ev.title_zh = atlas_dataset_store (ds, title_zh);
  ev.description = atlas_dataset_store (ds, description);
  ev.description_zh = atlas_dataset_store (ds, description_zh);
  ev.note = atlas_dataset_store (ds, note);
  ev.precision = precision;
  ev.has_end = has_end;
  ev.end_precision = has_end ? end_precision : precision;
  if (!has_end)
    end = start_end;

  g_array_append_val (ds->events, ev);
  g_array_append_val (ds->starts, start);
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
