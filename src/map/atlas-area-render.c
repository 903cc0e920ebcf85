/* atlas-area-render.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Drawing the area layer's whole image, and doing it on a worker thread.
 *
 * At a million events, thousands of outlines are on screen, and drawing them
 * all takes longer than several frames (a search or a date range that changes
 * most of them; a zoom). Then the layer keeps showing its previous image,
 * scaled if the zoom changed, and a worker thread draws the new one from a copy
 * of what the drawing reads (AtlasAreaState); the image is swapped in when it is
 * done, and the frame after it patches whatever changed meanwhile. A few
 * outlines are drawn on the main thread, in the frame, as before.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-area-layer-private.h"
#include "atlas-map-path.h"
#include "atlas-map-style.h"

/* From this many shapes in view on, the whole image is drawn on a worker. */
#define RENDER_APART_SHAPES 2000

/* What a shape looks like in the image: for a place, whether it is shown and
 * whether faded; for a district, whether a filter keeps it (its choropleth
 * fill is not in the image when the fills are apart). */
guint8
atlas_area_shape_look (const AtlasAreaState *state,
                       const Shape          *shape)
{
  if (shape->is_district)
    return 1 | state->district_in_filter[shape->owner] << 1 |
           (state->fills_apart || !state->choropleth ? 0 : state->district_class[shape->owner] << 2);
  if (!state->location_visible[shape->owner])
    return 0;
  if (state->image_dense)
    return 1;   /* drawn plainly: they do not fade */
  return 1 | atlas_area_location_faded (state, shape->owner) << 1;
}

/* Every shape's look, after a drawing of the whole image (which tells whether
 * it is dense). */
static void
record_looks (const AtlasAreaState *state,
              guint8               *looks)
{
  for (guint i = 0; i < state->shapes->len; i++)
    looks[i] = atlas_area_shape_look (state, &g_array_index (state->shapes, Shape, i));
}

/* The pixels a shape may touch, in the projection's widget. */
void
atlas_area_shape_rect (const AtlasMapProjection *projection,
                       const Shape              *shape,
                       cairo_rectangle_int_t    *rect)
{
  double x0, y0, x1, y1;

  atlas_map_projection_to_widget (projection, shape->min_x, shape->min_y, &x0, &y0);
  atlas_map_projection_to_widget (projection, shape->max_x, shape->max_y, &x1, &y1);
  rect->x = (int) floor (MIN (x0, x1)) - SHAPE_MARGIN;
  rect->y = (int) floor (MIN (y0, y1)) - SHAPE_MARGIN;
  rect->width = (int) ceil (MAX (x0, x1)) + SHAPE_MARGIN - rect->x;
  rect->height = (int) ceil (MAX (y0, y1)) + SHAPE_MARGIN - rect->y;
}

/* Whether a shape is in view: within @bounds (normalized), and when @clip
 * is given, in that rectangle of the widget. */
gboolean
atlas_area_shape_wanted (const AtlasMapProjection *projection,
                         const Shape              *shape,
                         const double             *bounds,
                         const double             *clip)
{
  cairo_rectangle_int_t rect;

  if (shape->max_x < bounds[0] || shape->min_x > bounds[2] ||
      shape->max_y < bounds[1] || shape->min_y > bounds[3])
    return FALSE;
  if (clip == NULL)
    return TRUE;
  atlas_area_shape_rect (projection, shape, &rect);
  return rect.x < clip[2] && rect.x + rect.width > clip[0] &&
         rect.y < clip[3] && rect.y + rect.height > clip[1];
}

/**
 * atlas_area_draw_areas:
 * @state: (type AtlasAreaState): what to draw; a whole drawing (not a patch)
 *   records in it whether the places are drawn the dense way
 *
 * Draws everything but the emphasis of the selection, for the image. An
 * AtlasMapCacheDrawFunc; it touches no widget.
 */
void
atlas_area_draw_areas (cairo_t                  *cr,
                       const AtlasMapProjection *projection,
                       gpointer                  state)
{
  AtlasAreaState *self = state;
  const AtlasMapPalette *palette = atlas_map_palette_get (self->drawing_dark);
  g_autoptr(GPtrArray) places = g_ptr_array_new ();
  AtlasMapPath path;
  double bounds[4], clip[4];

  atlas_map_projection_get_bounds (projection, SHAPE_MARGIN, &bounds[0], &bounds[1],
                                   &bounds[2], &bounds[3]);
  cairo_clip_extents (cr, &clip[0], &clip[1], &clip[2], &clip[3]);
  atlas_map_path_init (&path, cr, projection, 16);

  for (guint i = 0; i < self->shapes->len; i++)
    {
      const Shape *shape = &g_array_index (self->shapes, Shape, i);

      if (!atlas_area_shape_wanted (projection, shape, bounds, self->patching ? clip : NULL))
        continue;
      if (shape->is_district)
        atlas_area_draw_shape (self, cr, &path, palette, shape, FALSE);
      else if (self->location_visible[shape->owner])
        g_ptr_array_add (places, (gpointer) shape);
    }

  /* A patch draws its few places the way the rest of the image has them. */
  if (!self->patching)
    self->image_dense = places->len > DENSE_SHAPES;
  if (self->image_dense)
    {
      atlas_area_draw_dense (self, cr, &path, palette, places);
    }
  else
    {
      for (guint i = 0; i < places->len; i++)
        atlas_area_draw_shape (self, cr, &path, palette, g_ptr_array_index (places, i), FALSE);
    }
}

/**
 * atlas_area_draw_whole:
 * @state: what to draw
 * @looks: (out caller-allocates): every shape's look in the drawing
 *
 * Draws the whole image, and records how each shape looks in it.
 */
void
atlas_area_draw_whole (cairo_t                  *cr,
                       const AtlasMapProjection *projection,
                       AtlasAreaState           *state,
                       guint8                   *looks)
{
  atlas_area_draw_areas (cr, projection, state);
  record_looks (state, looks);
}

/**
 * atlas_area_render_wanted:
 * @self: a layer
 * @projection: the frame's projection, not rotated
 *
 * Returns: whether the whole image, drawn afresh for @projection, is better
 *   drawn on a worker: it has many shapes to draw, and there is an image to
 *   show meanwhile, or none at all
 */
gboolean
atlas_area_render_wanted (AtlasAreaLayer           *self,
                          const AtlasMapProjection *projection)
{
  double bounds[4];
  guint n = 0;

  /* With no image yet (a dataset just opened), the outlines show when the
   * worker is done, over a map already on screen. */
  if (self->cache.image.surface != NULL && !atlas_map_cache_can_wait (&self->cache, projection))
    return FALSE;

  atlas_map_projection_get_bounds (projection, SHAPE_MARGIN, &bounds[0], &bounds[1],
                                   &bounds[2], &bounds[3]);
  for (guint i = 0; i < self->state.shapes->len && n < RENDER_APART_SHAPES; i++)
    {
      const Shape *shape = &g_array_index (self->state.shapes, Shape, i);

      n += (shape->is_district || self->state.location_visible[shape->owner]) &&
           atlas_area_shape_wanted (projection, shape, bounds, NULL);
    }
  return n >= RENDER_APART_SHAPES;
}

typedef struct
{
  AtlasAreaLayer *layer;      /* kept alive by the drawing's task */
  AtlasAreaState state;       /* a copy, its arrays the job's own */
  guint8 *looks;
  guint serial;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->state.dataset);
  g_clear_pointer (&job->state.shapes, g_array_unref);
  g_free (job->state.location_visible);
  g_free (job->state.district_in_filter);
  g_free (job->state.counts);
  g_free (job->state.district_class);
  g_free (job->looks);
  g_free (job);
}

/* A copy of what drawing reads, for the worker: the main thread goes on
 * changing the layer's own. */
static void
copy_state (AtlasAreaState       *copy,
            const AtlasAreaState *state)
{
  guint n_locations = atlas_dataset_get_n_locations (state->dataset);
  guint n_districts = atlas_dataset_get_n_districts (state->dataset);

  *copy = *state;
  copy->dataset = g_object_ref (state->dataset);
  copy->shapes = g_array_copy (state->shapes);
  copy->location_visible = g_memdup2 (state->location_visible, MAX (n_locations, 1));
  copy->district_in_filter = g_memdup2 (state->district_in_filter, MAX (n_districts, 1));
  copy->counts = state->counts != NULL ? g_memdup2 (state->counts, sizeof (guint32) * MAX (n_locations, 1))
                                       : NULL;
  copy->district_class = g_memdup2 (state->district_class, MAX (n_districts, 1));
  copy->patching = FALSE;
}

/* On the worker thread. */
static void
draw_job (cairo_t                  *cr,
          const AtlasMapProjection *projection,
          gpointer                  data)
{
  Job *job = data;

  job->looks = g_new (guint8, MAX (job->state.shapes->len, 1));
  atlas_area_draw_whole (cr, projection, &job->state, job->looks);
}

/* Back on the main thread, before the image is shown. */
static gboolean
job_done (gpointer data)
{
  Job *job = data;
  AtlasAreaLayer *self = job->layer;

  if (job->serial != self->serial || self->state.dataset == NULL)
    return FALSE;   /* drawn for a dataset the layer no longer has */

  memcpy (self->drawn, job->looks, MAX (job->state.shapes->len, 1));
  self->state.image_dense = job->state.image_dense;
  /* What changed while the worker drew is patched in the next frame. */
  self->changed = TRUE;
  return TRUE;
}

/**
 * atlas_area_render_start:
 * @self: a layer
 * @projection: the frame's projection, not rotated
 * @stamp: the stamp of the layer's content now
 *
 * Has a worker draw the whole image afresh for @projection, unless one is
 * drawing already (when it is done, the next frame sees whether its image
 * still fits).
 */
void
atlas_area_render_start (AtlasAreaLayer           *self,
                         const AtlasMapProjection *projection,
                         guint                     stamp)
{
  Job *job;

  if (self->cache.rendering)
    return;

  job = g_new0 (Job, 1);
  job->layer = self;
  copy_state (&job->state, &self->state);
  job->serial = self->serial;
  atlas_map_cache_render_apart (&self->cache, projection, stamp, draw_job, job_done, job,
                                (GDestroyNotify) job_free);
}
