/* atlas-map-cache.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Layers whose content takes long to draw (the offline base map; thousands of
 * outlines of a large dataset) but changes rarely draw it into an image that
 * reaches CACHE_MARGIN pixels beyond each edge of the view, and copy the part
 * in view each frame. While the zoom changes (an animation, a pinch), the image
 * is scaled if it still covers the view, and drawn afresh once the zoom has
 * been still for a moment.
 *
 * The image is painted by a cairo node: renderers copy it without converting
 * pixels, which a texture node would do every frame. The node keeps its own
 * reference to the surface, which is never drawn on again: a new drawing is a
 * new surface.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-map-cache.h"

#define CACHE_MARGIN 256
#define REFINE_DELAY_MS 150

void
atlas_map_cache_init (AtlasMapCache *self,
                      GtkWidget     *widget)
{
  memset (self, 0, sizeof *self);
  self->widget = widget;
}

/**
 * atlas_map_cache_invalidate:
 * @self: a cache
 *
 * Drops the image: the next frame draws afresh. For changes the stamp does not
 * tell (fonts, for instance).
 */
void
atlas_map_cache_invalidate (AtlasMapCache *self)
{
  g_clear_pointer (&self->surface, cairo_surface_destroy);
}

void
atlas_map_cache_clear (AtlasMapCache *self)
{
  atlas_map_cache_invalidate (self);
  g_clear_handle_id (&self->refine_id, g_source_remove);
}

static gboolean
refine_cb (gpointer user_data)
{
  AtlasMapCache *self = user_data;

  self->refine_id = 0;
  atlas_map_cache_invalidate (self);
  gtk_widget_queue_draw (self->widget);
  return G_SOURCE_REMOVE;
}

static void
render (AtlasMapCache            *self,
        const AtlasMapProjection *view,
        int                       scale,
        guint                     stamp,
        AtlasMapCacheDrawFunc     draw,
        gpointer                  user_data)
{
  AtlasMapProjection projection = *view;
  int width = (int) ceil (view->width) + 2 * CACHE_MARGIN;
  int height = (int) ceil (view->height) + 2 * CACHE_MARGIN;
  cairo_t *cr;

  self->x = floor (view->origin_x - view->width / 2 - CACHE_MARGIN);
  self->y = floor (view->origin_y - view->height / 2 - CACHE_MARGIN);
  self->width = width;
  self->height = height;
  self->zoom = view->zoom;
  self->scale = scale;
  self->stamp = stamp;

  projection.width = width;
  projection.height = height;
  projection.origin_x = self->x + width / 2.0;
  projection.origin_y = self->y + height / 2.0;

  atlas_map_cache_invalidate (self);
  self->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (self->surface, scale, scale);
  cr = cairo_create (self->surface);
  draw (cr, &projection, user_data);
  cairo_destroy (cr);
}

/**
 * atlas_map_cache_draw:
 * @self: a cache
 * @cr: where the layer draws, in widget coordinates
 * @projection: the layer's projection for this frame
 * @stamp: a value that changes whenever the content does (a version, the
 *   style); a different stamp draws afresh
 * @draw: draws the content
 * @user_data: data for @draw
 *
 * Draws the layer's content for this frame, from the image when it can. A
 * rotated map is drawn directly: rotation is rare.
 */
void
atlas_map_cache_draw (AtlasMapCache            *self,
                      cairo_t                  *cr,
                      const AtlasMapProjection *projection,
                      guint                     stamp,
                      AtlasMapCacheDrawFunc     draw,
                      gpointer                  user_data)
{
  double width = projection->width, height = projection->height;
  double view_x = projection->origin_x - width / 2;
  double view_y = projection->origin_y - height / 2;
  int scale = gtk_widget_get_scale_factor (self->widget);
  double factor = self->surface != NULL ? exp2 (projection->zoom - self->zoom) : 1.0;
  double x = self->x * factor - view_x;
  double y = self->y * factor - view_y;
  gboolean usable;

  cairo_save (cr);
  if (projection->rotation != 0)
    {
      draw (cr, projection, user_data);
      cairo_restore (cr);
      return;
    }

  usable = self->surface != NULL && self->scale == scale && self->stamp == stamp &&
           fabs (projection->zoom - self->zoom) < 1.0 && x <= 0 && y <= 0 &&
           x + self->width * factor >= width && y + self->height * factor >= height;

  if (usable && projection->zoom != self->zoom)
    {
      g_clear_handle_id (&self->refine_id, g_source_remove);
      self->refine_id = g_timeout_add (REFINE_DELAY_MS, refine_cb, self);
    }
  else if (!usable)
    {
      render (self, projection, scale, stamp, draw, user_data);
      factor = 1.0;
      x = self->x - view_x;
      y = self->y - view_y;
    }

  if (factor == 1.0)
    {
      /* Whole device pixels: the copy is exact, never resampled. */
      x = round (x * scale) / scale;
      y = round (y * scale) / scale;
    }

  cairo_translate (cr, x, y);
  cairo_scale (cr, factor, factor);
  cairo_set_source_surface (cr, self->surface, 0, 0);
  if (factor != 1.0)
    cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  cairo_paint (cr);
  cairo_restore (cr);
}

/**
 * atlas_map_cache_snapshot:
 * @self: a cache
 * @snapshot: where the layer draws
 * @projection: the layer's projection for this frame
 * @stamp: as for atlas_map_cache_draw()
 * @draw: draws the content
 * @user_data: data for @draw
 *
 * Appends the layer's content for this frame, from the image when it can.
 */
void
atlas_map_cache_snapshot (AtlasMapCache            *self,
                          GtkSnapshot              *snapshot,
                          const AtlasMapProjection *projection,
                          guint                     stamp,
                          AtlasMapCacheDrawFunc     draw,
                          gpointer                  user_data)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                           &GRAPHENE_RECT_INIT (0, 0, projection->width,
                                                                projection->height));

  atlas_map_cache_draw (self, cr, projection, stamp, draw, user_data);
  cairo_destroy (cr);
}
