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

void atlas_map_clustering_init    (AtlasMapClustering *self);
void atlas_map_clustering_clear   (AtlasMapClustering *self);
void atlas_map_clustering_compute (AtlasMapClustering *self,
                                   const guint        *ids,
                                   const float        *xs,
                                   const float        *ys,
                                   guint               n,
                                   double              width,
                                   double              height,
                                   double              margin,
                                   double              cell_size,
                                   double              origin_x,
                                   double              origin_y,
                                   guint               min_cluster_size);

G_END_DECLS
