/* atlas-map-view-tiles-private.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

/* The map view's raster tiles: which server they come from and whether their
 * layer is on the map. */
typedef struct _AtlasMapTiles AtlasMapTiles;

AtlasMapTiles *atlas_map_tiles_new      (ShumateMap     *map,
                                         ShumateLicense *license,
                                         ShumateLayer   *below);
void           atlas_map_tiles_free     (AtlasMapTiles  *self);
void           atlas_map_tiles_show     (AtlasMapTiles  *self,
                                         gboolean        show);
gboolean       atlas_map_tiles_is_shown (AtlasMapTiles  *self);
const char    *atlas_map_tiles_get_url  (AtlasMapTiles  *self);
gboolean       atlas_map_tiles_set_url  (AtlasMapTiles  *self,
                                         const char     *url);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasMapTiles, atlas_map_tiles_free)

G_END_DECLS
