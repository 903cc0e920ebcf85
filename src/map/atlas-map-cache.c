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
 * been still for a moment. A layer whose drawing reads only what it can copy
 * may have the image drawn afresh on a worker thread
 * (atlas_map_cache_render_apart()), and paint its previous one meanwhile.
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
/* How far around a patched rectangle it is drawn, so that its edges are drawn
 * as in the whole image. */
#define PATCH_MARGIN 16

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
  g_clear_pointer (&self->image.surface, cairo_surface_destroy);
  /* An image a worker is drawing for the content dropped is dropped too. */
  self->generation++;
}

void
atlas_map_cache_clear (AtlasMapCache *self)
{
  atlas_map_cache_invalidate (self);
  g_clear_handle_id (&self->refine_id, g_source_remove);
}

/* The zoom has been still for a moment: the scaled image is drawn afresh. It
 * is kept until then, for a layer that draws on a worker thread to show. */
static gboolean
refine_cb (gpointer user_data)
{
  AtlasMapCache *self = user_data;

  self->refine_id = 0;
  self->blurry = TRUE;
  gtk_widget_queue_draw (self->widget);
  return G_SOURCE_REMOVE;
}

/**
 * atlas_map_cache_plan:
 * @self: a cache
 * @view: the layer's projection for this frame, not rotated
 * @stamp: what the owner's content looks like, as for atlas_map_cache_update()
 * @image: (out caller-allocates): the image to draw for @view
 *
 * Where an image drawn afresh for @view stands and how large it is; draw it
 * with atlas_map_image_draw(), on any thread, and hand it to
 * atlas_map_cache_install().
 */
void
atlas_map_cache_plan (AtlasMapCache            *self,
                      const AtlasMapProjection *view,
                      guint                     stamp,
                      AtlasMapImage            *image)
{
  int width = (int) ceil (view->width) + 2 * CACHE_MARGIN;
  int height = (int) ceil (view->height) + 2 * CACHE_MARGIN;

  memset (image, 0, sizeof *image);
  image->x = floor (view->origin_x - view->width / 2 - CACHE_MARGIN);
  image->y = floor (view->origin_y - view->height / 2 - CACHE_MARGIN);
  image->width = width;
  image->height = height;
  image->zoom = view->zoom;
  image->scale = gtk_widget_get_scale_factor (self->widget);
  image->stamp = stamp;
  image->projection = *view;
  image->projection.width = width;
  image->projection.height = height;
  image->projection.origin_x = image->x + width / 2.0;
  image->projection.origin_y = image->y + height / 2.0;
}

/**
 * atlas_map_image_draw:
 * @image: a planned image
 * @draw: draws the content; on the calling thread
 * @user_data: data for @draw
 *
 * Draws @image's surface. Touches no widget: a worker thread may call it.
 */
void
atlas_map_image_draw (AtlasMapImage         *image,
                      AtlasMapCacheDrawFunc  draw,
                      gpointer               user_data)
{
  cairo_t *cr;

  g_clear_pointer (&image->surface, cairo_surface_destroy);
  image->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, image->width * image->scale,
                                               image->height * image->scale);
  cairo_surface_set_device_scale (image->surface, image->scale, image->scale);
  cr = cairo_create (image->surface);
  draw (cr, &image->projection, user_data);
  cairo_destroy (cr);
}

/**
 * atlas_map_cache_install:
 * @self: a cache
 * @image: a drawn image; its surface now belongs to the cache
 *
 * Makes @image what the layer paints.
 */
void
atlas_map_cache_install (AtlasMapCache *self,
                         AtlasMapImage *image)
{
  atlas_map_cache_invalidate (self);
  self->image = *image;
  image->surface = NULL;
  self->blurry = FALSE;
  self->generation++;
}

static void
render (AtlasMapCache            *self,
        const AtlasMapProjection *view,
        guint                     stamp,
        AtlasMapCacheDrawFunc     draw,
        gpointer                  user_data)
{
  AtlasMapImage image;

  atlas_map_cache_plan (self, view, stamp, &image);
  atlas_map_image_draw (&image, draw, user_data);
  atlas_map_cache_install (self, &image);
}

/* Where the image's top left corner falls in the widget, and how much it is
 * scaled, for @projection. */
static void
placement (AtlasMapCache            *self,
           const AtlasMapProjection *projection,
           double                   *x,
           double                   *y,
           double                   *factor)
{
  *factor = self->image.surface != NULL ? exp2 (projection->zoom - self->image.zoom) : 1.0;
  *x = self->image.x * *factor - (projection->origin_x - projection->width / 2);
  *y = self->image.y * *factor - (projection->origin_y - projection->height / 2);
}

/**
 * atlas_map_cache_fits:
 * @self: a cache
 * @projection: the layer's projection for this frame, not rotated
 * @stamp: as for atlas_map_cache_update()
 *
 * Returns: whether the image can be painted for this frame as it is: it has
 *   this stamp, and covers the view at about this zoom
 */
gboolean
atlas_map_cache_fits (AtlasMapCache            *self,
                      const AtlasMapProjection *projection,
                      guint                     stamp)
{
  double x, y, factor;

  placement (self, projection, &x, &y, &factor);
  return self->image.surface != NULL && !self->blurry &&
         self->image.scale == gtk_widget_get_scale_factor (self->widget) && self->image.stamp == stamp &&
         fabs (projection->zoom - self->image.zoom) < 1.0 && x <= 0 && y <= 0 &&
         x + self->image.width * factor >= projection->width &&
         y + self->image.height * factor >= projection->height;
}

/**
 * atlas_map_cache_update:
 * @self: a cache
 * @projection: the layer's projection for this frame, not rotated
 * @stamp: a value that changes whenever the content does (a version, the
 *   style); a different stamp draws afresh
 * @draw: draws the content
 * @user_data: data for @draw
 *
 * Makes the image fit to be painted for this frame: draws it afresh unless it
 * covers the view at about this zoom with this stamp.
 */
void
atlas_map_cache_update (AtlasMapCache            *self,
                        const AtlasMapProjection *projection,
                        guint                     stamp,
                        AtlasMapCacheDrawFunc     draw,
                        gpointer                  user_data)
{
  if (!atlas_map_cache_fits (self, projection, stamp))
    render (self, projection, stamp, draw, user_data);
  else if (projection->zoom != self->image.zoom)
    {
      g_clear_handle_id (&self->refine_id, g_source_remove);
      self->refine_id = g_timeout_add (REFINE_DELAY_MS, refine_cb, self);
    }
}

/**
 * atlas_map_cache_paint:
 * @self: a cache, updated for this frame
 * @cr: where the layer draws, in widget coordinates
 * @projection: the layer's projection for this frame
 * @surface: the image, or another the size of the image that goes with it
 *
 * Paints @surface where the image stands in this frame.
 */
void
atlas_map_cache_paint (AtlasMapCache            *self,
                       cairo_t                  *cr,
                       const AtlasMapProjection *projection,
                       cairo_surface_t          *surface)
{
  int scale = self->image.scale;
  double x, y, factor;

  g_return_if_fail (self->image.surface != NULL);

  placement (self, projection, &x, &y, &factor);
  if (factor == 1.0)
    {
      /* Whole device pixels: the copy is exact, never resampled. */
      x = round (x * scale) / scale;
      y = round (y * scale) / scale;
    }

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, factor, factor);
  cairo_set_source_surface (cr, surface, 0, 0);
  if (factor != 1.0)
    cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  cairo_paint (cr);
  cairo_restore (cr);
}

typedef struct
{
  AtlasMapCache *cache;       /* the widget's, which the task keeps alive */
  AtlasMapImage image;
  guint generation;           /* of the cache when the drawing began */
  AtlasMapCacheDrawFunc draw;
  AtlasMapCacheDoneFunc done;
  gpointer data;
  GDestroyNotify data_free;
  gint64 draw_us;             /* how long the worker drew */
} Apart;

static void
apart_free (Apart *apart)
{
  if (apart->data_free != NULL)
    apart->data_free (apart->data);
  g_clear_pointer (&apart->image.surface, cairo_surface_destroy);
  g_free (apart);
}

static void
apart_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Apart *apart = task_data;
  gint64 start = g_get_monotonic_time ();

  atlas_map_image_draw (&apart->image, apart->draw, apart->data);
  apart->draw_us = g_get_monotonic_time () - start;
  g_task_return_boolean (task, TRUE);
}

static void
apart_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Apart *apart = g_task_get_task_data (G_TASK (result));
  AtlasMapCache *self = apart->cache;

  self->rendering = FALSE;
  if (gtk_widget_in_destruction (GTK_WIDGET (object)))
    return;
  if (apart->generation != self->generation)
    {
      /* Drawn afresh on the main thread since, or dropped: a frame that
       * wanted another drawing meanwhile could not start it. */
      gtk_widget_queue_draw (self->widget);
      return;
    }
  if (apart->done != NULL && !apart->done (apart->data))
    return;
  g_debug ("%s: image drawn on a worker thread in %.1f ms", G_OBJECT_TYPE_NAME (object),
           apart->draw_us / 1000.0);
  atlas_map_cache_install (self, &apart->image);
  gtk_widget_queue_draw (self->widget);
}

/**
 * atlas_map_cache_render_apart:
 * @self: a cache
 * @projection: the layer's projection for this frame, not rotated
 * @stamp: as for atlas_map_cache_update()
 * @draw: draws the content, on a worker thread: it may read only @data
 * @done: (nullable): called on the main thread when the image is drawn, unless
 *   the image was drawn afresh or dropped meanwhile; the image is installed
 *   when it returns %TRUE
 * @data: (transfer full): for @draw and @done, a copy of what they read
 * @data_free: frees @data, once the drawing is over
 *
 * Has a worker thread draw the image afresh for @projection, unless one is
 * drawing already (then @data is freed at once). Meanwhile, the layer paints
 * its previous image; the next frame after the new one is installed tells
 * whether that one still fits.
 */
void
atlas_map_cache_render_apart (AtlasMapCache            *self,
                              const AtlasMapProjection *projection,
                              guint                     stamp,
                              AtlasMapCacheDrawFunc     draw,
                              AtlasMapCacheDoneFunc     done,
                              gpointer                  data,
                              GDestroyNotify            data_free)
{
  g_autoptr(GTask) task = NULL;
  Apart *apart;

  if (self->rendering)
    {
      if (data_free != NULL)
        data_free (data);
      return;
    }

  apart = g_new0 (Apart, 1);
  apart->cache = self;
  atlas_map_cache_plan (self, projection, stamp, &apart->image);
  apart->generation = self->generation;
  apart->draw = draw;
  apart->done = done;
  apart->data = data;
  apart->data_free = data_free;

  self->rendering = TRUE;
  task = g_task_new (self->widget, NULL, apart_done_cb, NULL);
  g_task_set_source_tag (task, atlas_map_cache_render_apart);
  g_task_set_task_data (task, apart, (GDestroyNotify) apart_free);
  g_task_run_in_thread (task, apart_thread);
}

/* How far the zoom may have moved for the previous image, scaled, to stand in
 * while a new one is drawn: at most four times larger or smaller. */
#define WAIT_MAX_ZOOM_STEP 2.0

/**
 * atlas_map_cache_can_wait:
 * @self: a cache
 * @projection: the layer's projection for this frame
 *
 * Returns: whether there is an image that can stand in for this frame while
 *   a new one is drawn apart
 */
gboolean
atlas_map_cache_can_wait (AtlasMapCache            *self,
                          const AtlasMapProjection *projection)
{
  return self->image.surface != NULL && self->image.scale == gtk_widget_get_scale_factor (self->widget) &&
         fabs (projection->zoom - self->image.zoom) <= WAIT_MAX_ZOOM_STEP;
}

/**
 * atlas_map_cache_draw:
 * @self: a cache
 * @cr: where the layer draws, in widget coordinates
 * @projection: the layer's projection for this frame
 * @stamp: as for atlas_map_cache_update()
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
  if (projection->rotation != 0)
    {
      cairo_save (cr);
      draw (cr, projection, user_data);
      cairo_restore (cr);
      return;
    }

  atlas_map_cache_update (self, projection, stamp, draw, user_data);
  atlas_map_cache_paint (self, cr, projection, self->image.surface);
}

/**
 * atlas_map_cache_get_projection:
 * @self: a cache
 * @projection: (out caller-allocates): the projection the image is drawn
 *   with: its own size, zoom and position
 *
 * Returns: whether there is an image
 */
gboolean
atlas_map_cache_get_projection (AtlasMapCache      *self,
                                AtlasMapProjection *projection)
{
  if (self->image.surface == NULL)
    return FALSE;
  *projection = self->image.projection;
  return TRUE;
}

/**
 * atlas_map_cache_merge_rects:
 * @rects: (element-type cairo_rectangle_int_t): rectangles
 *
 * Merges rectangles that meet into their bounding box until none meet, so
 * that a crowd of small changes (in a city, say) is patched once, not once per
 * change.
 *
 * Returns: the area they cover now
 */
double
atlas_map_cache_merge_rects (GArray *rects)
{
  gboolean merged = TRUE;
  double area = 0;

  while (merged)
    {
      merged = FALSE;
      for (guint i = 0; i < rects->len; i++)
        {
          cairo_rectangle_int_t *a = &g_array_index (rects, cairo_rectangle_int_t, i);

          for (guint j = rects->len; j-- > i + 1;)
            {
              cairo_rectangle_int_t *b = &g_array_index (rects, cairo_rectangle_int_t, j);
              int x1 = MAX (a->x + a->width, b->x + b->width);
              int y1 = MAX (a->y + a->height, b->y + b->height);

              if (!atlas_map_rects_meet (a, b))
                continue;
              a->x = MIN (a->x, b->x);
              a->y = MIN (a->y, b->y);
              a->width = x1 - a->x;
              a->height = y1 - a->y;
              g_array_remove_index_fast (rects, j);
              merged = TRUE;
            }
        }
    }
  for (guint i = 0; i < rects->len; i++)
    {
      const cairo_rectangle_int_t *r = &g_array_index (rects, cairo_rectangle_int_t, i);

      area += (double) r->width * r->height;
    }
  return area;
}

/**
 * atlas_map_cache_patch:
 * @self: a cache
 * @rects: (array length=n_rects): the parts of the image to draw again, in its
 *   (logical) pixels, apart from each other
 * @n_rects: their number
 * @draw: draws the content, clipped to @region
 * @user_data: data for @draw
 *
 * Draws part of the image again, when a few things in it have changed, on a
 * copy of it (the frames that show the old image keep it). @draw is called
 * for each rectangle, with the image's projection, on an image
 * that covers the rectangle and a margin: it may skip what lies outside the
 * clip extents.
 *
 * Returns: whether there was an image to patch
 */
gboolean
atlas_map_cache_patch (AtlasMapCache               *self,
                       const cairo_rectangle_int_t *rects,
                       guint                        n_rects,
                       AtlasMapCacheDrawFunc        draw,
                       gpointer                     user_data)
{
  cairo_surface_t *copy;
  cairo_t *cr;

  if (self->image.surface == NULL)
    return FALSE;

  copy = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, self->image.width * self->image.scale,
                                     self->image.height * self->image.scale);
  cairo_surface_set_device_scale (copy, self->image.scale, self->image.scale);
  cr = cairo_create (copy);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, self->image.surface, 0, 0);
  cairo_paint (cr);

  /* One rectangle at a time, each drawn whole on an image of its own a margin
   * larger, then copied in: clipped drawing samples the edges of shapes a
   * little otherwise than unclipped drawing does, and a patch must match the
   * whole drawing to the pixel. */
  for (guint i = 0; i < n_rects; i++)
    {
      cairo_rectangle_int_t rect = rects[i];
      cairo_surface_t *part;
      cairo_t *part_cr;

      part = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                         (rect.width + 2 * PATCH_MARGIN) * self->image.scale,
                                         (rect.height + 2 * PATCH_MARGIN) * self->image.scale);
      cairo_surface_set_device_scale (part, self->image.scale, self->image.scale);
      cairo_surface_set_device_offset (part, (PATCH_MARGIN - rect.x) * self->image.scale,
                                       (PATCH_MARGIN - rect.y) * self->image.scale);
      part_cr = cairo_create (part);
      draw (part_cr, &self->image.projection, user_data);
      cairo_destroy (part_cr);

      cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
      cairo_set_source_surface (cr, part, 0, 0);
      cairo_fill (cr);
      cairo_surface_destroy (part);
    }
  cairo_destroy (cr);

  cairo_surface_destroy (self->image.surface);
  self->image.surface = copy;
  return TRUE;
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
