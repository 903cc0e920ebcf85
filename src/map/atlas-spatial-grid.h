/* atlas-spatial-grid.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ATLAS_SPATIAL_GRID_NONE G_MAXUINT

typedef struct _AtlasSpatialGrid AtlasSpatialGrid;

/* The hit radius of point @index in the grid's units, or a negative number to
 * skip the point (hidden by a filter, drawn inside a cluster, …). */
typedef double (*AtlasSpatialGridRadiusFunc) (guint    index,
                                              gpointer user_data);

/* Called for each point in a box; return FALSE to stop. */
typedef gboolean (*AtlasSpatialGridFunc)     (guint    index,
                                              gpointer user_data);

AtlasSpatialGrid *atlas_spatial_grid_new        (const double               *xs,
                                                 const double               *ys,
                                                 guint                       n_points);
void              atlas_spatial_grid_free       (AtlasSpatialGrid           *self);
guint             atlas_spatial_grid_get_n_points (AtlasSpatialGrid         *self);
guint             atlas_spatial_grid_nearest    (AtlasSpatialGrid           *self,
                                                 double                      x,
                                                 double                      y,
                                                 double                      max_radius,
                                                 AtlasSpatialGridRadiusFunc  radius_func,
                                                 gpointer                    user_data,
                                                 double                     *distance);
gboolean          atlas_spatial_grid_foreach_in_box (AtlasSpatialGrid       *self,
                                                 double                      min_x,
                                                 double                      min_y,
                                                 double                      max_x,
                                                 double                      max_y,
                                                 AtlasSpatialGridFunc        func,
                                                 gpointer                    user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSpatialGrid, atlas_spatial_grid_free)

G_END_DECLS
