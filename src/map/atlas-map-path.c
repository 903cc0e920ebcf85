/* atlas-map-path.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-map-path.h"

#define MIN_STEP 0.5

enum { LEFT = 1, RIGHT = 2, ABOVE = 4, BELOW = 8 };

void
atlas_map_path_init (AtlasMapPath             *self,
                     cairo_t                  *cr,
                     const AtlasMapProjection *projection,
                     double                    margin)
{
  self->cr = cr;
  self->projection = projection;
  self->x0 = -margin;
  self->y0 = -margin;
  self->x1 = projection->width + margin;
  self->y1 = projection->height + margin;
}

static inline guint
outcode (const AtlasMapPath *self,
         double              x,
         double              y)
{
  return (x < self->x0 ? LEFT : 0) | (x > self->x1 ? RIGHT : 0) |
         (y < self->y0 ? ABOVE : 0) | (y > self->y1 ? BELOW : 0);
}

typedef struct
{
  AtlasMapPath *path;
  gboolean started;
  double last_x, last_y;      /* last point emitted */
  guint run_code;             /* edges every point of the current run is beyond */
  gboolean pending;           /* a run's latest point not emitted yet */
  double pending_x, pending_y;
} Builder;

static void
emit (Builder *b,
      double   x,
      double   y)
{
  if (!b->started)
    cairo_move_to (b->path->cr, x, y);
  else
    cairo_line_to (b->path->cr, x, y);
  b->started = TRUE;
  b->last_x = x;
  b->last_y = y;
}

static void
add_point (Builder *b,
           double   x,
           double   y,
           gboolean last)
{
  guint code = outcode (b->path, x, y);

  if (b->started && code != 0 && (b->run_code & code) != 0)
    {
      /* Still beyond the same edge: only the run's ends matter. */
      b->run_code &= code;
      b->pending = TRUE;
      b->pending_x = x;
      b->pending_y = y;
      if (last)
        emit (b, x, y);
      return;
    }

  if (b->pending)
    {
      emit (b, b->pending_x, b->pending_y);
      b->pending = FALSE;
    }

  b->run_code = code;
  if (!b->started || last || code != 0 ||
      ABS (x - b->last_x) >= MIN_STEP || ABS (y - b->last_y) >= MIN_STEP)
    emit (b, x, y);
}

/* Reads point @i of an array as normalized Mercator x, y. */
typedef void (*ReadPoint) (gconstpointer  points,
                           guint          i,
                           double        *nx,
                           double        *ny);

static void
read_float (gconstpointer  points,
            guint          i,
            double        *nx,
            double        *ny)
{
  const float *xy = points;

  *nx = xy[2 * i];
  *ny = xy[2 * i + 1];
}

static void
read_lon_lat (gconstpointer  points,
              guint          i,
              double        *nx,
              double        *ny)
{
  const double *lon_lat = points;

  atlas_mercator_from_lon_lat (lon_lat[2 * i], lon_lat[2 * i + 1], nx, ny);
}

static inline void
add_points (AtlasMapPath  *self,
            gconstpointer  points,
            ReadPoint      read,
            guint          n_points,
            gboolean       close)
{
  Builder b = { self, FALSE, 0, 0, 0, FALSE, 0, 0 };

  for (guint i = 0; i < n_points; i++)
    {
      double nx, ny, x, y;

      read (points, i, &nx, &ny);
      atlas_map_projection_to_widget (self->projection, nx, ny, &x, &y);
      add_point (&b, x, y, i + 1 == n_points);
    }
  if (close && b.started)
    cairo_close_path (self->cr);
}

/**
 * atlas_map_path_add_floats:
 * @self: a path builder
 * @xy: (array): n_points normalized x, y pairs
 * @n_points: the number of points
 * @close: whether to close the path (a ring of a polygon)
 */
void
atlas_map_path_add_floats (AtlasMapPath *self,
                           const float  *xy,
                           guint         n_points,
                           gboolean      close)
{
  add_points (self, xy, read_float, n_points, close);
}

/**
 * atlas_map_path_add_lon_lat:
 * @self: a path builder
 * @lon_lat: (array): n_points longitude, latitude pairs
 * @n_points: the number of points
 * @close: whether to close the path (a ring of a polygon)
 */
void
atlas_map_path_add_lon_lat (AtlasMapPath *self,
                            const double *lon_lat,
                            guint         n_points,
                            gboolean      close)
{
  add_points (self, lon_lat, read_lon_lat, n_points, close);
}
