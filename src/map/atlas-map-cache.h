/* atlas-map-cache.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-map-projection.h"

G_BEGIN_DECLS

/* Draws a layer's content for @projection (whose size may exceed the widget). */
typedef void (*AtlasMapCacheDrawFunc) (cairo_t                  *cr,
                                       const AtlasMapProjection *projection,
                                       gpointer                  user_data);

/* An image of a layer for a view: where it stands and what it shows, planned,
 * then drawn, perhaps on a worker thread, and installed in its cache. */
typedef struct
{
  double x;                   /* world pixel of its top left corner */
  double y;
  int width;                  /* in widget pixels */
  int height;
  double zoom;
  int scale;
  guint stamp;                /* what the owner's content looked like */
  AtlasMapProjection projection;   /* the image's own */
  cairo_surface_t *surface;   /* once drawn */
} AtlasMapImage;

/* A layer's drawing kept as an image a margin larger than the view: a frame
 * copies part of it, so panning draws nothing until the view leaves it. */
typedef struct
{
  GtkWidget *widget;          /* the layer, not referenced */
  AtlasMapImage image;        /* no surface: none yet, or dropped */
  guint generation;           /* changes whenever the image is drawn afresh or dropped */
  guint refine_id;
  gboolean blurry;            /* scaled, and the zoom has been still since: draw afresh */
  gboolean rendering;         /* a worker thread draws the next image */
} AtlasMapCache;

/* Whether the image a worker drew for @data is to be shown; main thread. */
typedef gboolean (*AtlasMapCacheDoneFunc) (gpointer data);

/* Whether two rectangles overlap or touch. */
static inline gboolean
atlas_map_rects_meet (const cairo_rectangle_int_t *a,
                      const cairo_rectangle_int_t *b)
{
  return a->x <= b->x + b->width && b->x <= a->x + a->width &&
         a->y <= b->y + b->height && b->y <= a->y + a->height;
}

void atlas_map_cache_init       (AtlasMapCache            *self,
                                 GtkWidget                *widget);
void atlas_map_cache_clear      (AtlasMapCache            *self);
void atlas_map_cache_invalidate (AtlasMapCache            *self);
gboolean atlas_map_cache_fits   (AtlasMapCache            *self,
                                 const AtlasMapProjection *projection,
                                 guint                     stamp);
void atlas_map_cache_plan       (AtlasMapCache            *self,
                                 const AtlasMapProjection *view,
                                 guint                     stamp,
                                 AtlasMapImage            *image);
void atlas_map_image_draw       (AtlasMapImage            *image,
                                 AtlasMapCacheDrawFunc     draw,
                                 gpointer                  user_data);
void atlas_map_cache_install    (AtlasMapCache            *self,
                                 AtlasMapImage            *image);
void atlas_map_cache_render_apart (AtlasMapCache          *self,
                                 const AtlasMapProjection *projection,
                                 guint                     stamp,
                                 AtlasMapCacheDrawFunc     draw,
                                 AtlasMapCacheDoneFunc     done,
                                 gpointer                  data,
                                 GDestroyNotify            data_free);
gboolean atlas_map_cache_can_wait (AtlasMapCache          *self,
                                 const AtlasMapProjection *projection);
void atlas_map_cache_update     (AtlasMapCache            *self,
                                 const AtlasMapProjection *projection,
                                 guint                     stamp,
                                 AtlasMapCacheDrawFunc     draw,
                                 gpointer                  user_data);
void atlas_map_cache_paint      (AtlasMapCache            *self,
                                 cairo_t                  *cr,
                                 const AtlasMapProjection *projection,
                                 cairo_surface_t          *surface);
gboolean atlas_map_cache_get_projection (AtlasMapCache    *self,
                                 AtlasMapProjection       *projection);
double   atlas_map_cache_merge_rects (GArray              *rects);
gboolean atlas_map_cache_patch  (AtlasMapCache            *self,
                                 const cairo_rectangle_int_t *rects,
                                 guint                     n_rects,
                                 AtlasMapCacheDrawFunc     draw,
                                 gpointer                  user_data);
void atlas_map_cache_draw       (AtlasMapCache            *self,
                                 cairo_t                  *cr,
                                 const AtlasMapProjection *projection,
                                 guint                     stamp,
                                 AtlasMapCacheDrawFunc     draw,
                                 gpointer                  user_data);
void atlas_map_cache_snapshot   (AtlasMapCache            *self,
                                 GtkSnapshot              *snapshot,
                                 const AtlasMapProjection *projection,
                                 guint                     stamp,
                                 AtlasMapCacheDrawFunc     draw,
                                 gpointer                  user_data);

G_END_DECLS
