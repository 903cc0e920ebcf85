/* atlas-import-geometry.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-import-geometry.h"

/*
 * An OGR geometry, in WGS84, as the dataset keeps it: a point where the place is
 * drawn, and for lines and areas their shape too.
 */

static void
add_ring (AtlasDataset  *ds,
          AtlasGeometry *g,
          OGRGeometryH   line,
          guint32        part,
          gboolean       is_hole)
{
  AtlasRing ring = { ds->points->len, 0, part, is_hole };
  int n = OGR_G_GetPointCount (line);

  for (int i = 0; i < n; i++)
    {
      AtlasPoint p = { OGR_G_GetX (line, i), OGR_G_GetY (line, i) };

      g_array_append_val (ds->points, p);
      g->min_lon = MIN (g->min_lon, p.lon);
      g->max_lon = MAX (g->max_lon, p.lon);
      g->min_lat = MIN (g->min_lat, p.lat);
      g->max_lat = MAX (g->max_lat, p.lat);
    }
  ring.n_points = (guint32) n;
  g_array_append_val (ds->rings, ring);
  g->n_rings++;
}

static void
add_polygon (AtlasDataset  *ds,
             AtlasGeometry *g,
             OGRGeometryH   polygon,
             guint32        part)
{
  int n = OGR_G_GetGeometryCount (polygon);

  for (int r = 0; r < n; r++)
    add_ring (ds, g, OGR_G_GetGeometryRef (polygon, r), part, r > 0);
}

/* Lines and areas become a geometry of the dataset; anything else does not. */
static guint32
add_shape (AtlasDataset *ds,
           OGRGeometryH  geometry)
{
  OGRwkbGeometryType type = wkbFlatten (OGR_G_GetGeometryType (geometry));
  AtlasGeometry g = { 0, ds->rings->len, 0, G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  int n = OGR_G_GetGeometryCount (geometry);

  switch ((int) type)
    {
    case wkbLineString:
      g.type = ATLAS_GEOMETRY_LINE_STRING;
      if (OGR_G_GetPointCount (geometry) < 2)
        return ATLAS_NONE;
      add_ring (ds, &g, geometry, 0, FALSE);
      break;
    case wkbMultiLineString:
      g.type = ATLAS_GEOMETRY_MULTI_LINE_STRING;
      for (int i = 0; i < n; i++)
        {
          if (OGR_G_GetPointCount (OGR_G_GetGeometryRef (geometry, i)) >= 2)
            add_ring (ds, &g, OGR_G_GetGeometryRef (geometry, i), (guint32) i, FALSE);
        }
      break;
    case wkbPolygon:
      g.type = ATLAS_GEOMETRY_POLYGON;
      add_polygon (ds, &g, geometry, 0);
      break;
    case wkbMultiPolygon:
      g.type = ATLAS_GEOMETRY_MULTI_POLYGON;
      for (int i = 0; i < n; i++)
        add_polygon (ds, &g, OGR_G_GetGeometryRef (geometry, i), (guint32) i);
      break;
    default:
      return ATLAS_NONE;
    }
  if (g.n_rings == 0)
    return ATLAS_NONE;
  g_array_append_val (ds->geometries, g);
  return ds->geometries->len - 1;
}

/**
 * atlas_import_geometry:
 * @geometry: (nullable): a feature's geometry, already in WGS84 longitude, latitude
 * @point: (out): where the place is drawn
 * @shape: (out): its line or area in @ds, or %ATLAS_NONE
 *
 * Returns: whether the geometry places the feature
 */
gboolean
atlas_import_geometry (AtlasDataset *ds,
                       OGRGeometryH  geometry,
                       AtlasPoint   *point,
                       guint32      *shape)
{
  OGRwkbGeometryType type;
  OGREnvelope box;

  *shape = ATLAS_NONE;
  if (geometry == NULL || OGR_G_IsEmpty (geometry))
    return FALSE;

  type = wkbFlatten (OGR_G_GetGeometryType (geometry));
  if (type == wkbMultiPoint)
    {
      geometry = OGR_G_GetGeometryRef (geometry, 0);
      type = wkbPoint;
    }
  if (type == wkbPoint)
    {
      point->lon = OGR_G_GetX (geometry, 0);
      point->lat = OGR_G_GetY (geometry, 0);
    }
  else
    {
      OGR_G_GetEnvelope (geometry, &box);
      point->lon = (box.MinX + box.MaxX) / 2;
      point->lat = (box.MinY + box.MaxY) / 2;
      *shape = add_shape (ds, geometry);
    }
  return point->lon >= -180 && point->lon <= 180 && point->lat >= -90 && point->lat <= 90;
}
