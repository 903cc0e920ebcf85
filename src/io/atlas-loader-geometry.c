/* atlas-loader-geometry.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-loader-private.h"

/* GeoJSON geometries: Polygon, MultiPolygon, LineString, MultiLineString. */

/* Geometry ------------------------------------------------------------------ */

gboolean
read_position (Loader     *loader,
               const AtlasJson *node,
               const Path *path,
               AtlasPoint *point)
{
  const AtlasJson *array = node;
  guint n;
  double value[2];

  if (!expect_array (loader, node, path, _("a position [longitude, latitude]")))
    return FALSE;
  n = atlas_json_size (array);
  if (n < 2 || n > 3)
    {
      loader_error (loader, path,
                    g_dngettext (GETTEXT_PACKAGE, "expected a position [longitude, latitude], found %u number",
                                 "expected a position [longitude, latitude], found %u numbers", n), n);
      return FALSE;
    }

  for (guint i = 0; i < 2; i++)
    {
      const AtlasJson *item = atlas_json_element (array, i);
      Path item_path = PATH_INDEX (path, i);
      const char *what = i == 0 ? _("longitude") : _("latitude");
      double limit = i == 0 ? 180.0 : 90.0;

      if (!is_number (item))
        {
          /* Translators: %1$s is "longitude" or "latitude", %2$s a type */
          loader_error (loader, &item_path, _("the %1$s must be a number, found %2$s"), what,
                        node_type_name (item));
          return FALSE;
        }
      value[i] = (item)->number;
      if (!isfinite (value[i]))
        {
          loader_error (loader, &item_path, _("the %s is not a finite number"), what);
          return FALSE;
        }
      if (value[i] < -limit || value[i] > limit)
        {
          char text[G_ASCII_DTOSTR_BUF_SIZE];

          /* Every digit, so that 180.0000001 is not shown as 180. */
          atlas_json_format_number (value[i], text);
          /* Translators: %1$s is "longitude" or "latitude", %2$s its value, %3$g the limit */
          loader_error (loader, &item_path, _("%1$s %2$s is out of range (−%3$g to %3$g)"), what,
                        text, limit);
          return FALSE;
        }
    }

  point->lon = value[0];
  point->lat = value[1];
  return TRUE;
}

static const char *
geometry_type_name (AtlasGeometryType type)
{
  switch (type)
    {
    case ATLAS_GEOMETRY_POLYGON:
      return "Polygon";
    case ATLAS_GEOMETRY_MULTI_POLYGON:
      return "MultiPolygon";
    case ATLAS_GEOMETRY_LINE_STRING:
      return "LineString";
    case ATLAS_GEOMETRY_MULTI_LINE_STRING:
    default:
      return "MultiLineString";
    }
}

/* Reads one ring or line; appends its points and an AtlasRing. */
static gboolean
read_ring (Loader        *loader,
           const AtlasJson *node,
           const Path    *path,
           gboolean       closed,
           guint32        part,
           gboolean       is_hole,
           AtlasGeometry *geometry)
{
  AtlasDataset *ds = loader->dataset;
  guint first = ds->points->len;
  guint min_points = closed ? 4 : 2;
  const AtlasJson *array = node;
  AtlasRing ring;
  guint n;

  if (!expect_array (loader, node, path, _("an array of positions")))
    return FALSE;
  n = atlas_json_size (array);
  if (n > 0 && is_number (atlas_json_element (array, 0)))
    {
      /* A position where a list of them belongs: the coordinates lack a level
       * of brackets, e.g. a Polygon's given for a MultiPolygon. */
      /* Translators: %s is a GeoJSON geometry type, e.g. MultiPolygon */
      loader_error (loader, path, _("expected an array of positions, found a number: "
                                    "the coordinates of a %s are nested one level too shallow"),
                    geometry_type_name (geometry->type));
      return FALSE;
    }
  if (n < min_points)
    {
      if (closed)
        loader_error (loader, path, _("a polygon ring needs at least 4 positions, found %u"), n);
      else
        loader_error (loader, path, _("a line needs at least 2 positions, found %u"), n);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      Path item_path = PATH_INDEX (path, i);
      AtlasPoint point;

      if (!read_position (loader, atlas_json_element (array, i), &item_path, &point))
        {
          g_array_set_size (ds->points, first);
          return FALSE;
        }
      g_array_append_val (ds->points, point);
      geometry->min_lon = MIN (geometry->min_lon, point.lon);
      geometry->min_lat = MIN (geometry->min_lat, point.lat);
      geometry->max_lon = MAX (geometry->max_lon, point.lon);
      geometry->max_lat = MAX (geometry->max_lat, point.lat);
    }

  if (closed)
    {
      const AtlasPoint *a = &g_array_index (ds->points, AtlasPoint, first);
      const AtlasPoint *b = &g_array_index (ds->points, AtlasPoint, ds->points->len - 1);

      if (a->lon != b->lon || a->lat != b->lat)
        {
          loader_error (loader, path, _("the ring is not closed: its last position must repeat its first"));
          g_array_set_size (ds->points, first);
          return FALSE;
        }
    }

  ring.first_point = first;
  ring.n_points = n;
  ring.part = part;
  ring.is_hole = is_hole;
  g_array_append_val (ds->rings, ring);
  geometry->n_rings++;
  return TRUE;
}

/* The members of a non-empty array, each read in turn: the rings of the
 * polygon numbered @polygon, or for -1 the polygons or lines of a multi
 * geometry. */
static gboolean
read_parts (Loader          *loader,
            const AtlasJson *array,
            const Path      *path,
            gint             polygon,
            AtlasGeometry   *geometry)
{
  guint n;

  if (polygon >= 0 && !expect_array (loader, array, path, _("an array of rings")))
    return FALSE;
  n = atlas_json_size (array);
  if (n == 0)
    {
      loader_error (loader, path, "%s", polygon >= 0 ? _("a polygon needs at least one ring")
                                                     : _("must hold at least one part"));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      Path item_path = PATH_INDEX (path, i);
      const AtlasJson *item = atlas_json_element (array, i);
      gboolean ok;

      if (polygon >= 0)
        ok = read_ring (loader, item, &item_path, TRUE, (guint32) polygon, i > 0, geometry);
      else if (geometry->type == ATLAS_GEOMETRY_MULTI_POLYGON)
        ok = read_parts (loader, item, &item_path, (gint) i, geometry);
      else
        ok = read_ring (loader, item, &item_path, FALSE, i, FALSE, geometry);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* The coordinates of a geometry of a known type, appended as rings and points. */
static gboolean
read_coordinates (Loader          *loader,
                  const AtlasJson *coords,
                  const Path      *coords_path,
                  AtlasGeometry   *geometry)
{
  switch (geometry->type)
    {
    case ATLAS_GEOMETRY_POLYGON:
      return read_parts (loader, coords, coords_path, 0, geometry);

    case ATLAS_GEOMETRY_LINE_STRING:
      return read_ring (loader, coords, coords_path, FALSE, 0, FALSE, geometry);

    case ATLAS_GEOMETRY_MULTI_POLYGON:
    case ATLAS_GEOMETRY_MULTI_LINE_STRING:
    default:
      return read_parts (loader, coords, coords_path, -1, geometry);
    }
}

guint32
read_geometry (Reader   *r,
               gboolean  allow_lines)
{
  Loader *loader = r->loader;
  AtlasDataset *ds = loader->dataset;
  static const char * const known[] = { "type", "coordinates", "bbox", NULL };
  const AtlasJson *node = take_member (r, "geometry");
  Path path = PATH_KEY (r->path, "geometry");
  Path coords_path = PATH_KEY (&path, "coordinates");
  Reader g = { loader, NULL, &path, 0 };
  AtlasGeometry geometry = {
    .first_ring = ds->rings->len,
    .min_lon = G_MAXDOUBLE, .min_lat = G_MAXDOUBLE,
    .max_lon = -G_MAXDOUBLE, .max_lat = -G_MAXDOUBLE,
  };
  guint first_point = ds->points->len;
  const char *type;
  const AtlasJson *coords;
  gboolean ok;

  if (node == NULL || atlas_json_is_null (node))
    return ATLAS_NONE;
  if (!atlas_json_is_object (node))
    {
      report_type (r, "geometry", _("a GeoJSON geometry object"), node);
      return ATLAS_NONE;
    }

  g.object = node;
  if (!read_string (&g, "type", TRUE, &type))
    return ATLAS_NONE;
  coords = take_member (&g, "coordinates");
  take_member (&g, "bbox");
  warn_unknown_keys (&g, known);

  if (strcmp (type, "Polygon") == 0)
    geometry.type = ATLAS_GEOMETRY_POLYGON;
  else if (strcmp (type, "MultiPolygon") == 0)
    geometry.type = ATLAS_GEOMETRY_MULTI_POLYGON;
  else if (allow_lines && strcmp (type, "LineString") == 0)
    geometry.type = ATLAS_GEOMETRY_LINE_STRING;
  else if (allow_lines && strcmp (type, "MultiLineString") == 0)
    geometry.type = ATLAS_GEOMETRY_MULTI_LINE_STRING;
  else
    {
      Path type_path = PATH_KEY (&path, "type");

      if (allow_lines)
        loader_error (loader, &type_path,
                      _("“%s” is not allowed here (expected Polygon, MultiPolygon, LineString or MultiLineString)"),
                      type);
      else
        loader_error (loader, &type_path, _("“%s” is not allowed here (expected Polygon or MultiPolygon)"),
                      type);
      return ATLAS_NONE;
    }

  if (coords == NULL)
    {
      report_missing (&g, "coordinates");
      return ATLAS_NONE;
    }
  if (!atlas_json_is_array (coords))
    {
      report_type (&g, "coordinates", _("an array"), coords);
      return ATLAS_NONE;
    }

  ok = read_coordinates (loader, coords, &coords_path, &geometry);
  if (!ok)
    {
      g_array_set_size (ds->rings, geometry.first_ring);
      g_array_set_size (ds->points, first_point);
      return ATLAS_NONE;
    }

  g_array_append_val (ds->geometries, geometry);
  return ds->geometries->len - 1;
}
