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
 * keeps the cached image, atlas-area-draw.c draws shapes, atlas-area-render.c
 * draws the whole image (on a worker thread when it is large), atlas-area-pick.c
 * finds what a click hits. */

/* Above this many places with outlines on screen, they are drawn plainly. */
#define DENSE_SHAPES 400
/* How far a shape's drawing may reach beyond its box: the widest stroke, the
 * casing of a selected route, and antialiasing. */
#define SHAPE_MARGIN 8

typedef struct
{
  guint geometry;
  gboolean is_district;
  guint owner;                /* district or location index */
  gboolean approximate;
  gboolean is_line;
  double min_x, min_y, max_x, max_y;   /* normalized box */
} Shape;

/* What drawing the outlines reads: the layer's own, or a copy of it that a
 * worker thread draws from (atlas-area-render.c). */
typedef struct
{
  AtlasDataset *dataset;
  GArray *shapes;             /* Shape: districts first, then places by area, largest first */
  guint8 *location_visible;
  guint8 *district_in_filter;
  guint32 *counts;
  gboolean choropleth;
  guint8 *district_class;     /* 0 for none, else 1 to ATLAS_AREA_N_CLASSES */
  gboolean fills_apart;       /* the choropleth's fills come from the layer's fill image */
  gboolean drawing_dark;
  gboolean image_dense;       /* whether the image's places are drawn the dense way */
  gboolean patching;          /* drawing part of the image again */
} AtlasAreaState;

struct _AtlasAreaLayer
{
  ShumateLayer parent_instance;

  AtlasAreaState state;
  guint selected_location;
  guint selected_district;

  guint32 *district_counts;   /* choropleth: visible events at each district's places */
  guint class_bounds[ATLAS_AREA_N_CLASSES];   /* the least count of each class */

  AtlasMapCache cache;
  guint version;              /* of what the cache shows */
  guint8 *drawn;              /* by shape: its look in the cache, as atlas_area_shape_look() */
  gboolean changed;           /* the counts or the filter changed since the last frame */
  guint early_id;             /* brings the image up to the change before the frame */
  AtlasAreaFill fill;
  guint serial;               /* changes with the dataset: a drawing of another is dropped */
};

gboolean atlas_area_location_faded (const AtlasAreaState  *self,
                                    guint                  location);
void     atlas_area_draw_shape     (const AtlasAreaState  *self,
                                    cairo_t               *cr,
                                    AtlasMapPath          *path,
                                    const AtlasMapPalette *palette,
                                    const Shape           *shape,
                                    gboolean               selected);
void     atlas_area_draw_dense     (const AtlasAreaState  *self,
                                    cairo_t               *cr,
                                    AtlasMapPath          *path,
                                    const AtlasMapPalette *palette,
                                    GPtrArray             *shapes);

guint8   atlas_area_shape_look     (const AtlasAreaState     *state,
                                    const Shape              *shape);
void     atlas_area_shape_rect     (const AtlasMapProjection *projection,
                                    const Shape              *shape,
                                    cairo_rectangle_int_t    *rect);
gboolean atlas_area_shape_wanted   (const AtlasMapProjection *projection,
                                    const Shape              *shape,
                                    const double             *bounds,
                                    const double             *clip);
void     atlas_area_draw_areas     (cairo_t                  *cr,
                                    const AtlasMapProjection *projection,
                                    gpointer                  state);
void     atlas_area_draw_whole     (cairo_t                  *cr,
                                    const AtlasMapProjection *projection,
                                    AtlasAreaState           *state,
                                    guint8                   *looks);
gboolean atlas_area_render_wanted  (AtlasAreaLayer           *self,
                                    const AtlasMapProjection *projection);
void     atlas_area_render_start   (AtlasAreaLayer           *self,
                                    const AtlasMapProjection *projection,
                                    guint                     stamp);

G_END_DECLS
