/* atlas-area-layer-private.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-area-choropleth.h"
#include "atlas-area-layer.h"
#include "atlas-map-cache.h"
#include "atlas-map-path.h"
#include "atlas-map-style.h"

G_BEGIN_DECLS

/* What the layer's files share: atlas-area-layer.c follows the models and
 * keeps the cached image, atlas-area-draw.c draws shapes, atlas-area-pick.c
 * finds what a click hits. */

typedef struct
{
  guint geometry;
  gboolean is_district;
  guint owner;                /* district or location index */
  gboolean approximate;
  gboolean is_line;
  double min_x, min_y, max_x, max_y;   /* normalized box */
} Shape;

struct _AtlasAreaLayer
{
  ShumateLayer parent_instance;

  AtlasDataset *dataset;
  GArray *shapes;             /* Shape: districts first, then places by area, largest first */
  guint8 *location_visible;
  guint8 *district_in_filter;
  guint32 *counts;
  guint selected_location;
  guint selected_district;

  gboolean choropleth;
  guint32 *district_counts;   /* choropleth: visible events at each district's places */
  guint8 *district_class;     /* 0 for none, else 1 to ATLAS_AREA_N_CLASSES */
  guint class_bounds[ATLAS_AREA_N_CLASSES];   /* the least count of each class */

  AtlasMapCache cache;
  guint version;              /* of what the cache shows */
  guint8 *drawn;              /* by shape: its look in the cache, as shape_look() */
  gboolean changed;           /* the counts or the filter changed since the last frame */
  gboolean patching;          /* drawing part of the cache again */
  gboolean image_dense;       /* whether the cache's places are drawn the dense way */
  gboolean fills_apart;       /* the choropleth's fills come from self->fill */
  AtlasAreaFill fill;
  gboolean drawing_dark;
};

gboolean atlas_area_location_faded (AtlasAreaLayer        *self,
                                    guint                  location);
void     atlas_area_draw_shape     (AtlasAreaLayer        *self,
                                    cairo_t               *cr,
                                    AtlasMapPath          *path,
                                    const AtlasMapPalette *palette,
                                    const Shape           *shape,
                                    gboolean               selected);
void     atlas_area_draw_dense     (AtlasAreaLayer        *self,
                                    cairo_t               *cr,
                                    AtlasMapPath          *path,
                                    const AtlasMapPalette *palette,
                                    GPtrArray             *shapes);

G_END_DECLS
