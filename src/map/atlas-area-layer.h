/* atlas-area-layer.h
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
  ATLAS_AREA_PICK_NONE,
  ATLAS_AREA_PICK_LOCATION,   /* a zoned place or a route */
  ATLAS_AREA_PICK_DISTRICT,
} AtlasAreaPickKind;

typedef struct
{
  AtlasAreaPickKind kind;
  guint index;
} AtlasAreaPick;

/* Classes of the district choropleth. */
#define ATLAS_AREA_N_CLASSES 5

#define ATLAS_TYPE_AREA_LAYER (atlas_area_layer_get_type ())

G_DECLARE_FINAL_TYPE (AtlasAreaLayer, atlas_area_layer, ATLAS, AREA_LAYER, ShumateLayer)

AtlasAreaLayer *atlas_area_layer_new               (ShumateViewport *viewport);
void            atlas_area_layer_set_dataset       (AtlasAreaLayer  *self,
                                                    AtlasDataset    *dataset);
void            atlas_area_layer_set_visible       (AtlasAreaLayer  *self,
                                                    GtkBitset       *locations,
                                                    gboolean         filtered,
                                                    GtkBitset       *districts);
void            atlas_area_layer_set_counts        (AtlasAreaLayer  *self,
                                                    const guint32   *counts,
                                                    guint            n_counts);
void            atlas_area_layer_set_selection     (AtlasAreaLayer  *self,
                                                    guint            location,
                                                    guint            district);
gboolean        atlas_area_layer_get_choropleth    (AtlasAreaLayer  *self);
void            atlas_area_layer_set_choropleth    (AtlasAreaLayer  *self,
                                                    gboolean         choropleth);
guint           atlas_area_layer_get_district_class (AtlasAreaLayer *self,
                                                    guint            district,
                                                    guint           *count);
void            atlas_area_layer_get_class_bounds  (AtlasAreaLayer  *self,
                                                    guint           *bounds);
char           *atlas_area_layer_describe_class    (AtlasAreaLayer  *self,
                                                    guint            klass);
gboolean        atlas_area_layer_pick              (AtlasAreaLayer  *self,
                                                    double           x,
                                                    double           y,
                                                    AtlasAreaPick   *pick);

G_END_DECLS
