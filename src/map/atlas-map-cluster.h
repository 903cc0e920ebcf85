/* atlas-map-cluster.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A group of places drawn as one counted marker, or a single place (count 1). */
typedef struct
{
  double x;      /* centroid of the members, in widget pixels */
  double y;
  guint count;
  guint first;   /* members are AtlasMapClustering.members[first .. first + count) */
} AtlasMapCluster;

typedef struct
{
  AtlasMapCluster *groups;
  guint n_groups;
  guint *members;   /* place ids, grouped */
  guint n_members;
  guint n_clusters; /* groups with count > 1 */

  /* scratch, kept between frames */
  guint *cell_of;
  guint *cell_start;
  guint capacity;
  guint cell_capacity;
  guint group_capacity;
} AtlasMapClustering;

/* What to cluster: the places on screen, in widget pixels, and the grid. */
typedef struct
{
  const guint *ids;        /* place ids */
  const float *xs;         /* widget x of each place */
  const float *ys;         /* widget y of each place */
  guint n;                 /* places, all within margin of the widget */
  double width;            /* widget size */
  double height;
  double margin;           /* how far outside the widget places may lie */
  double cell_size;        /* the grid's cell size in pixels */
  double origin_x;         /* world pixel of the widget's top left corner */
  double origin_y;
  guint min_cluster_size;  /* groups with fewer places keep them as single places */
} AtlasMapClusterInput;

void atlas_map_clustering_init    (AtlasMapClustering *self);
void atlas_map_clustering_clear   (AtlasMapClustering *self);
void atlas_map_clustering_compute (AtlasMapClustering         *self,
                                   const AtlasMapClusterInput *in);

G_END_DECLS
