/* atlas-spatial-grid.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A uniform grid over a set of points, for "which place is under the pointer"
 * without looking at every place. The cell size is chosen from the points' box so
 * that a cell holds about two points on average; points are stored sorted by cell
 * (a counting sort), so a cell is a slice of one array and the grid costs two
 * integers per point plus one per cell.
 *
 * Queries at any zoom level use the same grid: a search radius of 8 pixels is a
 * larger normalized distance when zoomed out, and the query just visits more
 * cells. The number of cells is bounded by the number of points, so even a radius
 * covering everything costs O(cells) and not O(points × queries).
 */

#include "config.h"

#include <math.h>

#include "atlas-spatial-grid.h"

#define POINTS_PER_CELL 2.0
#define MAX_CELLS_PER_SIDE 4096

struct _AtlasSpatialGrid
{
  double *xs;
  double *ys;
  guint n_points;

  double min_x, min_y;
  double cell_size;
  guint n_columns, n_rows;
  guint *cell_start;   /* n_columns * n_rows + 1 offsets into order */
  guint *order;        /* point indices sorted by cell, by index within a cell */
};

static inline guint
column_of (AtlasSpatialGrid *self,
           double            x)
{
  double c = floor ((x - self->min_x) / self->cell_size);

  return (guint) CLAMP (c, 0.0, (double) self->n_columns - 1);
}

static inline guint
row_of (AtlasSpatialGrid *self,
        double            y)
{
  double r = floor ((y - self->min_y) / self->cell_size);

  return (guint) CLAMP (r, 0.0, (double) self->n_rows - 1);
}

/**
 * atlas_spatial_grid_new:
 * @xs: (array length=n_points): x coordinates
 * @ys: (array length=n_points): y coordinates
 * @n_points: the number of points
 *
 * Builds a grid over copies of the coordinates. Non-finite coordinates are
 * kept out of the grid and are never found.
 *
 * Returns: (transfer full): a new grid
 */
AtlasSpatialGrid *
atlas_spatial_grid_new (const double *xs,
                        const double *ys,
                        guint         n_points)
{
  AtlasSpatialGrid *self = g_new0 (AtlasSpatialGrid, 1);
  double max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  double span, cells_wanted;
  guint n_cells, n_finite = 0;
  guint *cell_of;

  self->n_points = n_points;
  self->xs = g_new (double, MAX (n_points, 1));
  self->ys = g_new (double, MAX (n_points, 1));
  self->min_x = self->min_y = G_MAXDOUBLE;

  for (guint i = 0; i < n_points; i++)
    {
      self->xs[i] = xs[i];
      self->ys[i] = ys[i];
      if (!isfinite (xs[i]) || !isfinite (ys[i]))
        continue;
      n_finite++;
      self->min_x = MIN (self->min_x, xs[i]);
      self->min_y = MIN (self->min_y, ys[i]);
      max_x = MAX (max_x, xs[i]);
      max_y = MAX (max_y, ys[i]);
    }

  if (n_finite == 0)
    {
      self->min_x = self->min_y = 0.0;
      max_x = max_y = 1.0;
    }

  /* Square cells sized so that the box holds about n / POINTS_PER_CELL cells. */
  span = MAX (max_x - self->min_x, max_y - self->min_y);
  span = MAX (span, 1e-12);
  cells_wanted = MAX (1.0, n_finite / POINTS_PER_CELL);
  self->cell_size = MAX (sqrt ((max_x - self->min_x) * (max_y - self->min_y) / cells_wanted),
                         span / MAX_CELLS_PER_SIDE);
  self->n_columns = CLAMP ((guint) floor ((max_x - self->min_x) / self->cell_size) + 1, 1,
                           MAX_CELLS_PER_SIDE);
  self->n_rows = CLAMP ((guint) floor ((max_y - self->min_y) / self->cell_size) + 1, 1,
                        MAX_CELLS_PER_SIDE);

  n_cells = self->n_columns * self->n_rows;
  self->cell_start = g_new0 (guint, n_cells + 1);
  self->order = g_new (guint, MAX (n_finite, 1));
  cell_of = g_new (guint, MAX (n_points, 1));

  for (guint i = 0; i < n_points; i++)
    {
      if (!isfinite (xs[i]) || !isfinite (ys[i]))
        {
          cell_of[i] = G_MAXUINT;
          continue;
        }
      cell_of[i] = row_of (self, ys[i]) * self->n_columns + column_of (self, xs[i]);
      self->cell_start[cell_of[i] + 1]++;
    }
  for (guint c = 0; c < n_cells; c++)
    self->cell_start[c + 1] += self->cell_start[c];

  {
    g_autofree guint *fill = g_memdup2 (self->cell_start, sizeof (guint) * n_cells);

    for (guint i = 0; i < n_points; i++)
      {
        if (cell_of[i] != G_MAXUINT)
          self->order[fill[cell_of[i]]++] = i;
      }
  }

  g_free (cell_of);
  return self;
}

void
atlas_spatial_grid_free (AtlasSpatialGrid *self)
{
  if (self == NULL)
    return;

  g_free (self->xs);
  g_free (self->ys);
  g_free (self->cell_start);
  g_free (self->order);
  g_free (self);
}

guint
atlas_spatial_grid_get_n_points (AtlasSpatialGrid *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_points;
}

static gboolean
box_to_cells (AtlasSpatialGrid *self,
              double            min_x,
              double            min_y,
              double            max_x,
              double            max_y,
              guint            *c0,
              guint            *r0,
              guint            *c1,
              guint            *r1)
{
  double grid_max_x = self->min_x + self->n_columns * self->cell_size;
  double grid_max_y = self->min_y + self->n_rows * self->cell_size;

  if (self->n_points == 0 || max_x < self->min_x || max_y < self->min_y ||
      min_x > grid_max_x || min_y > grid_max_y)
    return FALSE;

  *c0 = column_of (self, min_x);
  *c1 = column_of (self, max_x);
  *r0 = row_of (self, min_y);
  *r1 = row_of (self, max_y);
  return TRUE;
}

/**
 * atlas_spatial_grid_nearest:
 * @self: a grid
 * @x: x of the query
 * @y: y of the query
 * @max_radius: no point farther than this is found
 * @radius_func: (nullable): each point's own radius (at most @max_radius), or
 *   %NULL for @max_radius everywhere
 * @user_data: data for @radius_func
 * @distance: (out) (optional): the distance to the point found
 *
 * Finds the point nearest to (@x, @y) among those within their radius of it.
 * Of points at the same distance the one with the lowest index wins, so the
 * answer never depends on the grid's layout.
 *
 * Returns: the index of that point, or %ATLAS_SPATIAL_GRID_NONE
 */
guint
atlas_spatial_grid_nearest (AtlasSpatialGrid           *self,
                            double                      x,
                            double                      y,
                            double                      max_radius,
                            AtlasSpatialGridRadiusFunc  radius_func,
                            gpointer                    user_data,
                            double                     *distance)
{
  guint c0, r0, c1, r1;
  guint best = ATLAS_SPATIAL_GRID_NONE;
  double best_d2 = G_MAXDOUBLE;

  g_return_val_if_fail (self != NULL, ATLAS_SPATIAL_GRID_NONE);

  if (max_radius >= 0 &&
      box_to_cells (self, x - max_radius, y - max_radius, x + max_radius, y + max_radius,
                    &c0, &r0, &c1, &r1))
    {
      for (guint r = r0; r <= r1; r++)
        {
          for (guint c = c0; c <= c1; c++)
            {
              guint cell = r * self->n_columns + c;

              for (guint k = self->cell_start[cell]; k < self->cell_start[cell + 1]; k++)
                {
                  guint i = self->order[k];
                  double dx = self->xs[i] - x;
                  double dy = self->ys[i] - y;
                  double d2 = dx * dx + dy * dy;
                  double radius;

                  if (d2 > best_d2 || (d2 == best_d2 && i > best))
                    continue;

                  radius = radius_func != NULL ? MIN (radius_func (i, user_data),
                                                      max_radius) : max_radius;
                  if (radius < 0 || d2 > radius * radius)
                    continue;

                  best = i;
                  best_d2 = d2;
                }
            }
        }
    }

  if (distance != NULL)
    *distance = best != ATLAS_SPATIAL_GRID_NONE ? sqrt (best_d2) : G_MAXDOUBLE;
  return best;
}

/**
 * atlas_spatial_grid_foreach_in_box:
 * @self: a grid
 * @min_x: west edge
 * @min_y: north edge
 * @max_x: east edge
 * @max_y: south edge
 * @func: called for each point inside the box (edges included)
 * @user_data: data for @func
 *
 * Visits the points in a box, in no particular order.
 *
 * Returns: %FALSE if @func stopped the iteration
 */
gboolean
atlas_spatial_grid_foreach_in_box (AtlasSpatialGrid     *self,
                                   double                min_x,
                                   double                min_y,
                                   double                max_x,
                                   double                max_y,
                                   AtlasSpatialGridFunc  func,
                                   gpointer              user_data)
{
  guint c0, r0, c1, r1;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!box_to_cells (self, min_x, min_y, max_x, max_y, &c0, &r0, &c1, &r1))
    return TRUE;

  for (guint r = r0; r <= r1; r++)
    {
      for (guint c = c0; c <= c1; c++)
        {
          guint cell = r * self->n_columns + c;

          for (guint k = self->cell_start[cell]; k < self->cell_start[cell + 1]; k++)
            {
              guint i = self->order[k];

              if (self->xs[i] < min_x || self->xs[i] > max_x ||
                  self->ys[i] < min_y || self->ys[i] > max_y)
                continue;
              if (!func (i, user_data))
                return FALSE;
            }
        }
    }

  return TRUE;
}
