/* atlas-export-geopackage.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "model/atlas-error.h"
#include "atlas-export-geopackage.h"
#include "atlas-gdal.h"
#include "atlas-write-dataset.h"

/*
 * The visible events as a GeoPackage, for QGIS and the other GIS tools: one
 * point feature an event, at its first place, with its dates at the precision
 * they have. GDAL writes into a temporary folder; the caller writes the bytes
 * where the user chose, as it does for the other exports.
 */

static const char * const fields[] = { "id", "title", "date", "end", "place", "sector", "description" };

static gboolean
write_event (OGRLayerH     layer,
             AtlasDataset *ds,
             guint         e)
{
  const AtlasEvent *ev = atlas_dataset_get_event (ds, e);
  guint n_places, n_sectors;
  const guint32 *places = atlas_dataset_event_locations (ds, e, &n_places);
  const guint32 *sectors = atlas_dataset_event_sectors (ds, e, &n_sectors);
  const AtlasLocation *loc = atlas_dataset_get_location (ds, places[0]);
  g_autofree char *date = NULL;
  g_autofree char *end = NULL;
  OGRFeatureH feature = OGR_F_Create (OGR_L_GetLayerDefn (layer));
  OGRGeometryH point = OGR_G_CreateGeometry (wkbPoint);
  const char *values[G_N_ELEMENTS (fields)];
  gboolean ok;

  atlas_write_event_dates (ds, e, &date, &end);
  values[0] = ev->id;
  values[1] = ev->title;
  values[2] = date;
  values[3] = end;
  values[4] = loc->name;
  values[5] = n_sectors > 0 ? atlas_dataset_get_sector (ds, sectors[0])->name : NULL;
  values[6] = ev->description;
  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      if (values[f] != NULL)
        OGR_F_SetFieldString (feature, (int) f, values[f]);
    }
  OGR_G_SetPoint_2D (point, 0, loc->lon, loc->lat);
  OGR_F_SetGeometryDirectly (feature, point);
  ok = OGR_L_CreateFeature (layer, feature) == OGRERR_NONE;
  OGR_F_Destroy (feature);
  return ok;
}

static gboolean
write_layer (GDALDatasetH  gpkg,
             AtlasDataset *ds,
             GtkBitset    *events)
{
  OGRSpatialReferenceH wgs84 = OSRNewSpatialReference (NULL);
  OGRLayerH layer;
  GtkBitsetIter iter;
  gboolean ok = TRUE;
  guint e;

  OSRImportFromEPSG (wgs84, 4326);
  layer = GDALDatasetCreateLayer (gpkg, "events", wgs84, wkbPoint, NULL);
  OSRDestroySpatialReference (wgs84);
  if (layer == NULL)
    return FALSE;
  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      OGRFieldDefnH defn = OGR_Fld_Create (fields[f], OFTString);

      if (OGR_L_CreateField (layer, defn, TRUE) != OGRERR_NONE)
        ok = FALSE;
      OGR_Fld_Destroy (defn);
    }

  GDALDatasetStartTransaction (gpkg, FALSE);
  for (gboolean more = gtk_bitset_iter_init_first (&iter, events, &e); more;
       more = gtk_bitset_iter_next (&iter, &e))
    ok &= write_event (layer, ds, e);
  return GDALDatasetCommitTransaction (gpkg) == OGRERR_NONE && ok;
}

/**
 * atlas_export_geopackage:
 * @dataset: a dataset
 * @events: the events to export
 *
 * Returns: (transfer full) (nullable): a GeoPackage file's bytes
 */
GBytes *
atlas_export_geopackage (AtlasDataset  *dataset,
                         GtkBitset     *events,
                         GError       **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  GDALDatasetH gpkg;
  gsize length;
  gboolean ok;

  if (!atlas_gdal_load (error))
    return NULL;
  dir = g_dir_make_tmp ("atlas-export-XXXXXX", error);
  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "events.gpkg", NULL);

  gpkg = GDALCreate (GDALGetDriverByName ("GPKG"), path, 0, 0, 0, GDT_Unknown, NULL);
  ok = gpkg != NULL && write_layer (gpkg, dataset, events);
  if (gpkg != NULL)
    GDALClose (gpkg);
  if (!ok)
    {
      g_autofree char *detail = g_strdup (CPLGetLastErrorMsg ());

      g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_FAILED, _("GDAL could not write the GeoPackage: %s"), detail);
    }
  else
    ok = g_file_get_contents (path, &contents, &length, error);

  g_unlink (path);
  g_rmdir (dir);
  if (!ok)
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}
