/* atlas-place-layer.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "model/atlas-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_PLACE_PICK_NONE,
  ATLAS_PLACE_PICK_PLACE,
  ATLAS_PLACE_PICK_CLUSTER,
} AtlasPlacePickKind;

typedef struct
{
  AtlasPlacePickKind kind;
  guint place;          /* the place, or a cluster's first member */
  guint count;          /* places in the cluster; 1 for a place */
  double x, y;          /* where it is drawn, in widget pixels */
  double min_lon, min_lat, max_lon, max_lat;   /* box of a cluster's members */
} AtlasPlacePick;

#define ATLAS_TYPE_PLACE_LAYER (atlas_place_layer_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPlaceLayer, atlas_place_layer, ATLAS, PLACE_LAYER, ShumateLayer)

AtlasPlaceLayer *atlas_place_layer_new            (ShumateViewport *viewport);
void             atlas_place_layer_set_dataset    (AtlasPlaceLayer *self,
                                                   AtlasDataset    *dataset);
void             atlas_place_layer_set_visible    (AtlasPlaceLayer *self,
                                                   GtkBitset       *visible);
void             atlas_place_layer_set_counts     (AtlasPlaceLayer *self,
                                                   const guint32   *counts,
                                                   guint            n_counts,
                                                   guint            max_count);
void             atlas_place_layer_set_selected   (AtlasPlaceLayer *self,
                                                   guint            location);
void             atlas_place_layer_set_also_selected (AtlasPlaceLayer *self,
                                                   const guint32   *locations,
                                                   guint            n_locations);
guint            atlas_place_layer_get_n_ringed   (AtlasPlaceLayer *self);
gboolean         atlas_place_layer_get_clustering (AtlasPlaceLayer *self);
void             atlas_place_layer_set_clustering (AtlasPlaceLayer *self,
                                                   gboolean         clustering);
void             atlas_place_layer_set_label_obstacle (AtlasPlaceLayer *self,
                                                   GtkWidget       *obstacle);
guint            atlas_place_layer_get_n_visible  (AtlasPlaceLayer *self);
guint            atlas_place_layer_get_count      (AtlasPlaceLayer *self,
                                                   guint            location);
gboolean         atlas_place_layer_pick           (AtlasPlaceLayer *self,
                                                   double           x,
                                                   double           y,
                                                   AtlasPlacePick  *pick);
guint            atlas_place_layer_nearest        (AtlasPlaceLayer *self,
                                                   double           x,
                                                   double           y,
                                                   double           max_distance);
guint            atlas_place_layer_get_n_clusters (AtlasPlaceLayer *self);
gboolean         atlas_place_layer_get_position   (AtlasPlaceLayer *self,
                                                   guint            location,
                                                   double          *x,
                                                   double          *y);

G_END_DECLS
