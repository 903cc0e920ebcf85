/* atlas-write-dataset.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-write-dataset.h"

/*
 * A whole dataset in the app's own JSON format (docs/dataset-format.md), as
 * `--convert` writes it: one element a line, so that a million events stream out
 * without building a tree.
 */

static void
put_string (GString    *out,
            const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
put_member (GString    *out,
            const char *key,
            const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, ",\"%s\":", key);
  put_string (out, value);
}

/* Coordinates to the tenth of a millimetre, and never with a decimal comma. */
static void
put_point (GString   *out,
           AtlasPoint p)
{
  char lon[G_ASCII_DTOSTR_BUF_SIZE], lat[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, "[%s,%s]", g_ascii_formatd (lon, sizeof lon, "%.10g", p.lon),
                          g_ascii_formatd (lat, sizeof lat, "%.10g", p.lat));
}

static void
put_date (GString       *out,
          const char    *key,
          gint32         day,
          AtlasPrecision precision)
{
  g_autofree char *iso = atlas_date_to_iso (day, precision);

  put_member (out, key, iso);
}

/**
 * atlas_write_event_dates:
 * @date: (out) (transfer full): the event's date, as written in a dataset
 * @end: (out) (transfer full) (nullable): its end, or %NULL
 *
 * An event's dates as partial ISO dates at their precision.
 */
void
atlas_write_event_dates (AtlasDataset  *dataset,
                         guint          event,
                         char         **date,
                         char         **end)
{
  const AtlasEvent *ev = atlas_dataset_get_event (dataset, event);
  gint32 last = atlas_dataset_get_event_end (dataset, event) - 1;

  *date = atlas_date_to_iso (atlas_dataset_get_event_start (dataset, event), ev->precision);
  *end = ev->has_end ? atlas_date_to_iso (atlas_date_floor (last, ev->end_precision), ev->end_precision) : NULL;
}

/* A member that lists sectors or places by their ids. */
static void
put_ids (GString       *out,
         const char    *key,
         AtlasDataset  *ds,
         const guint32 *list,
         guint          n,
         gboolean       sectors)
{
  g_string_append_printf (out, ",\"%s\":[", key);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      put_string (out, sectors ? atlas_dataset_get_sector (ds, list[i])->id
                               : atlas_dataset_get_location (ds, list[i])->id);
    }
  g_string_append_c (out, ']');
}

static void
put_geometry (GString      *out,
              AtlasDataset *ds,
              guint32       index)
{
  static const char * const types[] = { "Polygon", "MultiPolygon", "LineString", "MultiLineString" };
  const AtlasGeometry *g = atlas_dataset_get_geometry (ds, index);
  gboolean multi = g->type == ATLAS_GEOMETRY_MULTI_POLYGON || g->type == ATLAS_GEOMETRY_MULTI_LINE_STRING;
  gboolean polygon = g->type == ATLAS_GEOMETRY_POLYGON || g->type == ATLAS_GEOMETRY_MULTI_POLYGON;
  guint32 part = G_MAXUINT32;

  g_string_append_printf (out, ",\"geometry\":{\"type\":\"%s\",\"coordinates\":", types[g->type]);
  if (multi || polygon)
    g_string_append_c (out, '[');
  for (guint r = 0; r < g->n_rings; r++)
    {
      const AtlasRing *ring = atlas_dataset_get_ring (ds, g->first_ring + r);
      const AtlasPoint *points = atlas_dataset_get_points (ds, ring);

      if (multi && polygon && ring->part != part)
        g_string_append (out, r > 0 ? "],[" : "[");
      else if (r > 0)
        g_string_append_c (out, ',');
      part = ring->part;
      g_string_append_c (out, '[');
      for (guint i = 0; i < ring->n_points; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          put_point (out, points[i]);
        }
      g_string_append_c (out, ']');
    }
  if (multi && polygon)
    g_string_append_c (out, ']');
  if (multi || polygon)
    g_string_append_c (out, ']');
  g_string_append_c (out, '}');
}

/* Writes the members of the @i-th element, its id first. */
typedef void (*PutElement) (GString      *out,
                            AtlasDataset *ds,
                            guint         i);

/* One of the dataset's arrays, an element a line. */
static void
put_array (GString      *out,
           AtlasDataset *ds,
           const char   *key,
           guint         n,
           PutElement    put_element)
{
  g_string_append_printf (out, ",\n\"%s\":[", key);
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, i > 0 ? ",\n{\"id\":" : "\n{\"id\":");
      put_element (out, ds, i);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static void
put_source (GString      *out,
            AtlasDataset *ds,
            guint         i)
{
  const AtlasSource *s = atlas_dataset_get_source (ds, i);

  put_string (out, s->id);
  put_member (out, "title", s->title);
  put_member (out, "publisher", s->publisher);
  put_member (out, "url", s->url);
  put_date (out, "date", s->date, s->date_precision);
}

static void
put_sector (GString      *out,
            AtlasDataset *ds,
            guint         i)
{
  const AtlasSector *s = atlas_dataset_get_sector (ds, i);

  put_string (out, s->id);
  put_member (out, "name", s->name);
  g_string_append_printf (out, ",\"color\":\"#%06x\"", s->color);
}

static void
put_district (GString      *out,
              AtlasDataset *ds,
              guint         i)
{
  const AtlasDistrict *d = atlas_dataset_get_district (ds, i);

  put_string (out, d->id);
  put_member (out, "name", d->name);
}

static void
put_location (GString      *out,
              AtlasDataset *ds,
              guint         i)
{
  const AtlasLocation *loc = atlas_dataset_get_location (ds, i);
  const guint32 *sectors;
  guint n;

  put_string (out, loc->id);
  put_member (out, "name", loc->name);
  put_member (out, "kind", atlas_kind_to_string (loc->kind));
  if (loc->district != ATLAS_NONE)
    put_member (out, "district", atlas_dataset_get_district (ds, loc->district)->id);
  sectors = atlas_dataset_location_sectors (ds, i, &n);
  put_ids (out, "sectors", ds, sectors, n, TRUE);
  g_string_append (out, ",\"point\":");
  put_point (out, (AtlasPoint) { loc->lon, loc->lat });
  if (loc->geometry != ATLAS_NONE)
    put_geometry (out, ds, loc->geometry);
  put_member (out, "description", loc->description);
}

static void
put_event (GString      *out,
           AtlasDataset *ds,
           guint         i)
{
  const AtlasEvent *ev = atlas_dataset_get_event (ds, i);
  const guint32 *list;
  g_autofree char *date = NULL;
  g_autofree char *end = NULL;
  guint n;

  atlas_write_event_dates (ds, i, &date, &end);
  put_string (out, ev->id);
  put_member (out, "date", date);
  put_member (out, "end", end);
  put_member (out, "title", ev->title);
  list = atlas_dataset_event_locations (ds, i, &n);
  put_ids (out, "location", ds, list, n, FALSE);
  list = atlas_dataset_event_sectors (ds, i, &n);
  put_ids (out, "sectors", ds, list, n, TRUE);
  put_member (out, "description", ev->description);
  put_member (out, "source", atlas_dataset_get_source (ds, ev->source)->id);
}

/**
 * atlas_write_dataset:
 * @dataset: a dataset
 *
 * Returns: (transfer full): @dataset in the app's own format, which opens again
 *   to the same places and events
 */
GBytes *
atlas_write_dataset (AtlasDataset *dataset)
{
  GString *out = g_string_new ("{\"atlas\":1,\"title\":");

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  put_string (out, atlas_dataset_get_title (dataset) != NULL ? atlas_dataset_get_title (dataset) : "");
  put_member (out, "description", atlas_dataset_get_description (dataset));
  put_array (out, dataset, "sources", atlas_dataset_get_n_sources (dataset), put_source);
  put_array (out, dataset, "sectors", atlas_dataset_get_n_sectors (dataset), put_sector);
  put_array (out, dataset, "districts", atlas_dataset_get_n_districts (dataset), put_district);
  put_array (out, dataset, "locations", atlas_dataset_get_n_locations (dataset), put_location);
  put_array (out, dataset, "events", atlas_dataset_get_n_events (dataset), put_event);
  g_string_append (out, "}\n");
  return g_string_free_to_bytes (out);
}
