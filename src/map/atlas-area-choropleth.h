/* atlas-area-choropleth.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/atlas-dataset.h"
#include "atlas-area-layer.h"
#include "atlas-map-cache.h"
#include "atlas-map-path.h"

G_BEGIN_DECLS

/* The districts' fills as an image aligned with the area layer's cached
 * image, so that new colours cost one pass over its pixels instead of drawing
 * every outline again. */
typedef struct
{
  cairo_surface_t *ids;       /* RGB24: 1 + the district at each pixel, 0 where none */
  cairo_surface_t *surface;   /* ARGB32: the fills; a new one for each change */
  guint generation;           /* of the cache image the ids were drawn for */
  guint32 *colors;            /* premultiplied, by id, as the surface shows them */
  cairo_rectangle_int_t *boxes;   /* by id: where its pixels are in the ids */
  guint n_colors;
} AtlasAreaFill;

void     atlas_area_choose_class_bounds (guint                  max_count,
                                         guint                 *bounds);
char    *atlas_area_describe_class      (const guint           *bounds,
                                         guint                  klass);
guint32  atlas_area_district_fill       (guint                  klass,
                                         gboolean               faded,
                                         gboolean               dark);
void     atlas_area_set_district_source (cairo_t               *cr,
                                         guint                  klass,
                                         gboolean               faded,
                                         gboolean               dark);
void     atlas_area_draw_legend         (GtkWidget             *widget,
                                         GtkSnapshot           *snapshot,
                                         double                 height,
                                         gboolean               dark,
                                         const guint           *bounds);

typedef void (*AtlasRingFunc) (const AtlasPoint *points,
                               guint             n_points,
                               gpointer          data);

void     atlas_area_foreach_ring        (AtlasDataset          *dataset,
                                         guint                  geometry,
                                         AtlasRingFunc          func,
                                         gpointer               data);
void     atlas_area_add_geometry_path   (AtlasMapPath          *path,
                                         AtlasDataset          *dataset,
                                         guint                  geometry,
                                         gboolean               close);

void     atlas_area_fill_clear          (AtlasAreaFill         *self);
cairo_surface_t *
         atlas_area_fill_update         (AtlasAreaFill         *self,
                                         AtlasMapCache         *cache,
                                         AtlasDataset          *dataset,
                                         GArray                *districts,
                                         const guint32         *colors);

G_END_DECLS
