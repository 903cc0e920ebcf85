/* atlas-map-view-tiles.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The map view's OpenStreetMap base map: a ShumateMapLayer of raster tiles,
 * downloaded (and cached) and drawn right above the offline base map, which
 * shows through wherever a tile is missing. Offline, the layer is removed, so
 * nothing is downloaded at all.
 *
 * The tiles come from openstreetmap.org or from a server of the user's
 * choosing (the `tile-url` setting). Either source is the viewport's reference
 * even while no tile is shown: the map's gestures need one.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-map-view-tiles-private.h"
#include "atlas-map-view.h"

struct _AtlasMapTiles
{
  ShumateMap *map;                      /* not owned, nor is the license */
  ShumateLicense *license;
  ShumateLayer *below;                  /* the tile layer goes right above it */
  ShumateMapSourceRegistry *registry;
  ShumateMapSource *source;             /* the registry's, or custom */
  ShumateMapSource *custom;             /* owned: a tile server of the user's choosing */
  char *url;
  ShumateMapLayer *layer;               /* the map's, while shown */
};

static void
set_source (AtlasMapTiles    *self,
            ShumateMapSource *source)
{
  self->source = source;
  shumate_viewport_set_reference_map_source (shumate_map_get_viewport (self->map), source);
}

/**
 * atlas_map_tiles_new:
 * @map: the view's map
 * @license: where the tiles' attribution goes while they are shown
 * @below: the layer the tiles are drawn over
 *
 * Returns: (transfer full): tiles from openstreetmap.org, not shown yet
 */
AtlasMapTiles *
atlas_map_tiles_new (ShumateMap     *map,
                     ShumateLicense *license,
                     ShumateLayer   *below)
{
  AtlasMapTiles *self = g_new0 (AtlasMapTiles, 1);

  self->map = map;
  self->license = license;
  self->below = below;
  self->registry = shumate_map_source_registry_new_with_defaults ();
  set_source (self, shumate_map_source_registry_get_by_id (self->registry,
                                                           SHUMATE_MAP_SOURCE_OSM_MAPNIK));
  return self;
}

/* The map owns the layer and goes with its widget: this leaves them alone. */
void
atlas_map_tiles_free (AtlasMapTiles *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->registry);
  g_clear_object (&self->custom);
  g_free (self->url);
  g_free (self);
}

/**
 * atlas_map_tiles_show:
 * @self: the tiles
 * @show: whether the tile layer is on the map
 *
 * Adds the tile layer and its attribution, or removes both.
 */
void
atlas_map_tiles_show (AtlasMapTiles *self,
                      gboolean       show)
{
  if (show && self->layer == NULL)
    {
      self->layer = shumate_map_layer_new (self->source, shumate_map_get_viewport (self->map));
      shumate_map_insert_layer_above (self->map, SHUMATE_LAYER (self->layer), self->below);
      shumate_license_append_map_source (self->license, self->source);
    }
  else if (!show && self->layer != NULL)
    {
      shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->layer));
      self->layer = NULL;
      shumate_license_remove_map_source (self->license, self->source);
    }
}

gboolean
atlas_map_tiles_is_shown (AtlasMapTiles *self)
{
  return self->layer != NULL;
}

/**
 * atlas_map_tiles_get_url:
 * @self: the tiles
 *
 * Returns: the tile server's address, empty for openstreetmap.org
 */
const char *
atlas_map_tiles_get_url (AtlasMapTiles *self)
{
  return self->url != NULL ? self->url : "";
}

/**
 * atlas_map_tiles_set_url:
 * @self: the tiles
 * @url: (nullable): a raster tile server's address with `{z}`, `{x}` and `{y}`,
 *   e.g. an organisation's own; %NULL or empty for openstreetmap.org
 *
 * Takes the tiles from another server; if they are shown, the layer is
 * replaced by one of the new server's.
 *
 * Returns: whether the address changed
 */
gboolean
atlas_map_tiles_set_url (AtlasMapTiles *self,
                         const char    *url)
{
  gboolean showing = self->layer != NULL;

  if (url != NULL && *url == '\0')
    url = NULL;
  if (g_strcmp0 (url, self->url) == 0)
    return FALSE;

  atlas_map_tiles_show (self, FALSE);
  g_free (self->url);
  self->url = g_strdup (url);
  g_clear_object (&self->custom);
  if (url != NULL)
    self->custom = SHUMATE_MAP_SOURCE (
      shumate_raster_renderer_new_full_from_url ("chengyu-atlas-custom", _("Custom tiles"),
                                                 _("Map data © OpenStreetMap contributors"),
                                                 "https://www.openstreetmap.org/copyright",
                                                 0, 19, 256, SHUMATE_MAP_PROJECTION_MERCATOR, url));
  set_source (self, self->custom != NULL
                    ? self->custom
                    : shumate_map_source_registry_get_by_id (self->registry,
                                                             SHUMATE_MAP_SOURCE_OSM_MAPNIK));
  atlas_map_tiles_show (self, showing);
  g_debug ("tile server: %s", url != NULL ? "custom" : "openstreetmap.org");
  return TRUE;
}

/* Which base map the view shows, as a GType for its property and settings. */
GType
atlas_base_map_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { ATLAS_BASE_MAP_OPENSTREETMAP, "ATLAS_BASE_MAP_OPENSTREETMAP", "openstreetmap" },
        { ATLAS_BASE_MAP_OFFLINE, "ATLAS_BASE_MAP_OFFLINE", "offline" },
        { 0, NULL, NULL },
      };
      GType id = g_enum_register_static (g_intern_static_string ("AtlasBaseMap"), values);

      g_once_init_leave (&type_id, id);
    }

  return type_id;
}
