/* atlas-area-pick.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What a click on the area layer hits: a route within a few pixels, else the
 * smallest zoned place around the point, else a district.
 */

#include "config.h"

#include <math.h>

#include "atlas-area-layer-private.h"
#include "atlas-map-projection.h"

/* How close to a route a click must be, in pixels. */
#define LINE_HIT_DISTANCE 6.0

typedef void (*SegmentFunc) (double   ax,
                             double   ay,
                             double   bx,
                             double   by,
                             gpointer data);

typedef struct
{
  SegmentFunc func;
  gpointer data;
} Segments;

static void
ring_segments_cb (const AtlasPoint *points,
                  guint             n_points,
                  gpointer          data)
{
  Segments *segments = data;
  double ax = 0, ay = 0;

  for (guint i = 0; i < n_points; i++)
    {
      double bx, by;

      atlas_mercator_from_lon_lat (points[i].lon, points[i].lat, &bx, &by);
      if (i > 0)
        segments->func (ax, ay, bx, by, segments->data);
      ax = bx;
      ay = by;
    }
}

/* Calls @func with each segment of each ring of a geometry, in normalized
 * coordinates. */
static void
foreach_segment (AtlasDataset *dataset,
                 guint         geometry,
                 SegmentFunc   func,
                 gpointer      data)
{
  Segments segments = { func, data };

  atlas_area_foreach_ring (dataset, geometry, ring_segments_cb, &segments);
}

typedef struct
{
  double x, y;
  gboolean inside;
} Crossing;

static void
cross_cb (double   ax,
          double   ay,
          double   bx,
          double   by,
          gpointer data)
{
  Crossing *c = data;

  if ((ay > c->y) != (by > c->y) && c->x < ax + (c->y - ay) * (bx - ax) / (by - ay))
    c->inside = !c->inside;
}

/* Even-odd point in polygon over every ring of a geometry, in normalized
 * coordinates: holes take care of themselves. */
static gboolean
geometry_contains (AtlasAreaLayer *self,
                   guint           geometry,
                   double          x,
                   double          y)
{
  Crossing c = { x, y, FALSE };

  foreach_segment (self->state.dataset, geometry, cross_cb, &c);
  return c.inside;
}

typedef struct
{
  const AtlasMapProjection *projection;
  double x, y;                /* widget pixels */
  double best;
} Nearest;

static void
nearest_cb (double   ax,
            double   ay,
            double   bx,
            double   by,
            gpointer data)
{
  Nearest *n = data;
  double dx, dy, length2, t;

  atlas_map_projection_to_widget (n->projection, ax, ay, &ax, &ay);
  atlas_map_projection_to_widget (n->projection, bx, by, &bx, &by);
  dx = bx - ax;
  dy = by - ay;
  length2 = dx * dx + dy * dy;
  t = length2 > 0 ? CLAMP (((n->x - ax) * dx + (n->y - ay) * dy) / length2, 0.0, 1.0) : 0.0;
  n->best = MIN (n->best, hypot (ax + t * dx - n->x, ay + t * dy - n->y));
}

/* How far a route passes from a point of the widget, in pixels. */
static double
line_distance (AtlasAreaLayer           *self,
               const AtlasMapProjection *projection,
               guint                     geometry,
               double                    x,
               double                    y)
{
  Nearest n = { projection, x, y, G_MAXDOUBLE };

  foreach_segment (self->state.dataset, geometry, nearest_cb, &n);
  return n.best;
}

/**
 * atlas_area_layer_pick:
 * @self: a layer
 * @x: widget x
 * @y: widget y
 * @pick: (out caller-allocates): what is there
 *
 * Finds what a click at (@x, @y) hits: a visible route within a few pixels,
 * else the smallest visible zoned place around the point, else a district.
 *
 * Returns: whether something was hit
 */
gboolean
atlas_area_layer_pick (AtlasAreaLayer *self,
                       double          x,
                       double          y,
                       AtlasAreaPick  *pick)
{
  AtlasMapProjection projection;
  double nx, ny;

  g_return_val_if_fail (ATLAS_IS_AREA_LAYER (self), FALSE);
  g_return_val_if_fail (pick != NULL, FALSE);

  pick->kind = ATLAS_AREA_PICK_NONE;
  pick->index = ATLAS_NONE;
  if (self->state.dataset == NULL)
    return FALSE;

  atlas_map_projection_init_from_viewport (&projection,
                                           shumate_layer_get_viewport (SHUMATE_LAYER (self)),
                                           gtk_widget_get_width (GTK_WIDGET (self)),
                                           gtk_widget_get_height (GTK_WIDGET (self)));
  atlas_map_projection_from_widget (&projection, x, y, &nx, &ny);

  /* Shapes are sorted districts, places largest first, then lines: walking
   * backwards meets lines, then the smallest places, then districts. */
  for (guint i = self->state.shapes->len; i-- > 0;)
    {
      const Shape *shape = &g_array_index (self->state.shapes, Shape, i);
      gboolean hit;
      double slack = atlas_map_projection_pixels_to_world (&projection,
                                                           shape->is_line ? LINE_HIT_DISTANCE : 0);

      if (!shape->is_district && !self->state.location_visible[shape->owner])
        continue;
      if (nx < shape->min_x - slack || nx > shape->max_x + slack ||
          ny < shape->min_y - slack || ny > shape->max_y + slack)
        continue;

      if (shape->is_line)
        hit = line_distance (self, &projection, shape->geometry, x, y) <= LINE_HIT_DISTANCE;
      else
        hit = geometry_contains (self, shape->geometry, nx, ny);
      if (hit)
        {
          pick->kind = shape->is_district ? ATLAS_AREA_PICK_DISTRICT : ATLAS_AREA_PICK_LOCATION;
          pick->index = shape->owner;
          return TRUE;
        }
    }

  return FALSE;
}
