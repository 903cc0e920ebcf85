/* atlas-place-layer-private.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-label-placer.h"
#include "atlas-map-cluster.h"
#include "atlas-map-projection.h"
#include "atlas-place-layer.h"
#include "atlas-spatial-grid.h"

G_BEGIN_DECLS

/* At this zoom and closer every place is drawn on its own. */
#define CLUSTER_MAX_ZOOM 15.0
#define CLUSTER_CELL 56.0
#define CLUSTER_MIN_SIZE 3
#define CULL_MARGIN 40.0

struct _AtlasPlaceLayer
{
  ShumateLayer parent_instance;

  AtlasDataset *dataset;
  guint n_places;
  double *xs;                 /* normalized Web Mercator of each place */
  double *ys;
  guint32 *colors;            /* first sector's colour */
  AtlasSpatialGrid *grid;

  guint8 *visible;            /* per place; all visible without a filter */
  guint n_visible;
  guint32 *counts;            /* events in the time window, or NULL for all events */
  guint max_count;
  guint selected;
  GArray *also_selected;      /* guint: the selected event's other places, ringed too */
  guint n_ringed;             /* places the last frame drew with a selection ring */
  gboolean clustering;

  /* The layout of the current frame. */
  gboolean layout_valid;
  AtlasMapProjection projection;
  guint *ids;
  float *sx;
  float *sy;
  guint n_on_screen;
  guint capacity;
  AtlasMapClustering clusters;
  guint8 *clustered;          /* per place: inside a cluster in this layout */

  /* The labels of that layout, placed in one placer the base map goes on with. */
  gboolean labels_valid;
  AtlasLabelPlacer *placer;
  GArray *labels;             /* AtlasPlaceLabel */

  GHashTable *sprites;        /* sprite key → cairo_surface_t */
  gboolean sprites_dark;
  int sprites_scale;
  GHashTable *layouts;        /* place → PangoLayout of its label */
  PangoLayout *count_layout;
  GtkWidget *label_obstacle;  /* weak: the controls over the map */
};

/* A place drawn on its own marker in this frame. */
typedef struct
{
  guint place;
  float x, y;
  float radius;
} AtlasPlaceSingle;

/* A place's name as placed in this frame: its top left corner. */
typedef struct
{
  guint place;
  float x, y;
} AtlasPlaceLabel;

void   atlas_place_layer_ensure_layout (AtlasPlaceLayer *self);
void   atlas_place_layer_ensure_labels (AtlasPlaceLayer *self);
const AtlasLabelPlacer *
       atlas_place_layer_get_label_placer (AtlasPlaceLayer *self);
guint  atlas_place_layer_count_of      (AtlasPlaceLayer *self,
                                        guint            place);
double atlas_place_layer_radius_of     (AtlasPlaceLayer *self,
                                        guint            place);
double atlas_place_layer_cluster_radius (guint           count);
void   atlas_place_layer_draw          (AtlasPlaceLayer *self,
                                        GtkSnapshot     *snapshot);

G_END_DECLS
