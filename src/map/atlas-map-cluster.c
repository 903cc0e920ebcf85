/* atlas-map-cluster.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Grid clustering in projected pixels. The grid is anchored to the world, not to
 * the widget (a cell is [k·size, (k+1)·size) in world pixels), so panning moves
 * clusters with the map instead of reshuffling them every frame; zooming in
 * spreads the same places over more cells, so clusters split.
 *
 * The places handed in are the ones on screen (plus a margin), so a counting sort
 * over the cells of the visible area groups them in O(n + cells) with no hashing:
 * 100,000 places cost a few milliseconds.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-map-cluster.h"

void
atlas_map_clustering_init (AtlasMapClustering *self)
{
  memset (self, 0, sizeof *self);
}

void
atlas_map_clustering_clear (AtlasMapClustering *self)
{
  g_clear_pointer (&self->groups, g_free);
  g_clear_pointer (&self->members, g_free);
  g_clear_pointer (&self->cell_of, g_free);
  g_clear_pointer (&self->cell_start, g_free);
  atlas_map_clustering_init (self);
}

static AtlasMapCluster *
add_group (AtlasMapClustering *self)
{
  if (self->n_groups == self->group_capacity)
    {
      self->group_capacity = MAX (64, self->group_capacity * 2);
      self->groups = g_renew (AtlasMapCluster, self->groups, self->group_capacity);
    }
  return &self->groups[self->n_groups++];
}

static guint
find_root (guint *parent,
           guint  cell)
{
  while (parent[cell] != cell)
    {
      parent[cell] = parent[parent[cell]];
      cell = parent[cell];
    }
  return cell;
}

/* The grid of one computation, and what each step leaves for the next. */
typedef struct
{
  const AtlasMapClusterInput *in;
  double base_x;        /* world cell of the grid's first column and row */
  double base_y;
  guint columns;
  guint rows;
  guint n_cells;
  guint *by_cell;       /* positions into the input, sorted by cell */
  guint *parent;        /* union-find over cells */
  float *cx;            /* centre of each cell's places */
  float *cy;
  guint *total;         /* per root cell: places in its joined group */
  double *sum_x;
  double *sum_y;
  guint *order;         /* root cells, in the order of their first cell */
  guint n_roots;
} Grid;

static void
grid_init (Grid                       *grid,
           const AtlasMapClusterInput *in)
{
  memset (grid, 0, sizeof *grid);
  grid->in = in;
  grid->base_x = floor ((in->origin_x - in->margin) / in->cell_size);
  grid->base_y = floor ((in->origin_y - in->margin) / in->cell_size);
  grid->columns = (guint) ceil ((in->width + 2 * in->margin) / in->cell_size) + 2;
  grid->rows = (guint) ceil ((in->height + 2 * in->margin) / in->cell_size) + 2;
  grid->n_cells = grid->columns * grid->rows;
}

static void
grid_clear (Grid *grid)
{
  g_free (grid->by_cell);
  g_free (grid->parent);
  g_free (grid->cx);
  g_free (grid->cy);
  g_free (grid->total);
  g_free (grid->sum_x);
  g_free (grid->sum_y);
  g_free (grid->order);
}

static void
reserve (AtlasMapClustering *self,
         guint               n,
         guint               n_cells)
{
  if (n > self->capacity)
    {
      self->capacity = MAX (n, self->capacity * 2);
      self->members = g_renew (guint, self->members, self->capacity);
      self->cell_of = g_renew (guint, self->cell_of, self->capacity);
    }
  if (n_cells + 1 > self->cell_capacity)
    {
      self->cell_capacity = n_cells + 1;
      self->cell_start = g_renew (guint, self->cell_start, self->cell_capacity);
    }
  memset (self->cell_start, 0, sizeof (guint) * (n_cells + 1));
}

/* 1. Counting sort of the places by cell. */
static void
sort_by_cell (AtlasMapClustering *self,
              Grid               *grid)
{
  const AtlasMapClusterInput *in = grid->in;
  g_autofree guint *fill = NULL;

  for (guint i = 0; i < in->n; i++)
    {
      double c = floor ((in->xs[i] + in->origin_x) / in->cell_size) - grid->base_x;
      double r = floor ((in->ys[i] + in->origin_y) / in->cell_size) - grid->base_y;
      guint column = (guint) CLAMP (c, 0.0, (double) grid->columns - 1);
      guint row = (guint) CLAMP (r, 0.0, (double) grid->rows - 1);

      self->cell_of[i] = row * grid->columns + column;
      self->cell_start[self->cell_of[i] + 1]++;
    }
  for (guint c = 0; c < grid->n_cells; c++)
    self->cell_start[c + 1] += self->cell_start[c];

  fill = g_memdup2 (self->cell_start, sizeof (guint) * (grid->n_cells + 1));
  grid->by_cell = g_new (guint, MAX (in->n, 1));
  for (guint i = 0; i < in->n; i++)
    grid->by_cell[fill[self->cell_of[i]]++] = i;
}

static gboolean
cell_empty (AtlasMapClustering *self,
            guint               cell)
{
  return self->cell_start[cell + 1] == self->cell_start[cell];
}

/* 2a. The centre of each cell's places. */
static void
find_cell_centres (AtlasMapClustering *self,
                   Grid               *grid)
{
  grid->parent = g_new (guint, grid->n_cells);
  grid->cx = g_new0 (float, grid->n_cells);
  grid->cy = g_new0 (float, grid->n_cells);
  for (guint c = 0; c < grid->n_cells; c++)
    {
      guint count = self->cell_start[c + 1] - self->cell_start[c];
      double sx = 0, sy = 0;

      grid->parent[c] = c;
      for (guint m = self->cell_start[c]; m < self->cell_start[c + 1]; m++)
        {
          sx += grid->in->xs[grid->by_cell[m]];
          sy += grid->in->ys[grid->by_cell[m]];
        }
      if (count > 0)
        {
          grid->cx[c] = sx / count;
          grid->cy[c] = sy / count;
        }
    }
}

/* 2b. Joins between close neighbours (union-find over cells; each neighbour
 * pair is looked at once). */
static void
join_close_cells (AtlasMapClustering *self,
                  Grid               *grid)
{
  static const int neighbours[4][2] = { { 1, 0 }, { -1, 1 }, { 0, 1 }, { 1, 1 } };
  double join = 0.7 * grid->in->cell_size;

  for (guint r = 0; r < grid->rows; r++)
    {
      for (guint c = 0; c < grid->columns; c++)
        {
          guint a = r * grid->columns + c;

          if (cell_empty (self, a))
            continue;
          for (guint e = 0; e < G_N_ELEMENTS (neighbours); e++)
            {
              int nc = (int) c + neighbours[e][0], nr = (int) r + neighbours[e][1];
              guint b;

              if (nc < 0 || nc >= (int) grid->columns || nr >= (int) grid->rows)
                continue;
              b = nr * grid->columns + nc;
              if (cell_empty (self, b) || hypot (grid->cx[a] - grid->cx[b], grid->cy[a] - grid->cy[b]) >= join)
                continue;
              grid->parent[find_root (grid->parent, a)] = find_root (grid->parent, b);
            }
        }
    }
}

/* 3. Slots for the members of each joined group, in the order of the group's
 * first cell, so that drawing order does not change between frames. */
static void
gather_groups (AtlasMapClustering *self,
               Grid               *grid)
{
  g_autofree guint *slot = g_new (guint, grid->n_cells);
  guint k = 0;

  grid->total = g_new0 (guint, grid->n_cells);
  grid->sum_x = g_new0 (double, grid->n_cells);
  grid->sum_y = g_new0 (double, grid->n_cells);
  grid->order = g_new (guint, grid->n_cells);
  for (guint c = 0; c < grid->n_cells; c++)
    {
      guint root = find_root (grid->parent, c);
      guint count = self->cell_start[c + 1] - self->cell_start[c];

      grid->total[root] += count;
      grid->sum_x[root] += (double) grid->cx[c] * count;
      grid->sum_y[root] += (double) grid->cy[c] * count;
      slot[c] = G_MAXUINT;
    }
  for (guint c = 0; c < grid->n_cells; c++)
    {
      guint root = find_root (grid->parent, c);

      if (cell_empty (self, c))
        continue;
      if (slot[root] == G_MAXUINT)
        {
          grid->order[grid->n_roots++] = root;
          slot[root] = k;
          k += grid->total[root];
        }
      for (guint m = self->cell_start[c]; m < self->cell_start[c + 1]; m++)
        self->members[slot[root]++] = grid->by_cell[m];
    }
}

/* 4. A group large enough is a cluster; the places of the others stand alone. */
static void
emit_groups (AtlasMapClustering *self,
             Grid               *grid,
             guint               min_cluster_size)
{
  const AtlasMapClusterInput *in = grid->in;
  guint k = 0;

  for (guint g = 0; g < grid->n_roots; g++)
    {
      guint root = grid->order[g];
      guint count = grid->total[root];

      if (count >= min_cluster_size)
        {
          AtlasMapCluster *group = add_group (self);

          group->x = grid->sum_x[root] / count;
          group->y = grid->sum_y[root] / count;
          group->count = count;
          group->first = k;
          self->n_clusters++;
        }
      else
        {
          for (guint m = k; m < k + count; m++)
            {
              AtlasMapCluster *group = add_group (self);

              group->x = in->xs[self->members[m]];
              group->y = in->ys[self->members[m]];
              group->count = 1;
              group->first = m;
            }
        }
      k += count;
    }
}

/**
 * atlas_map_clustering_compute:
 * @self: the clustering to fill (its previous groups are dropped)
 * @in: the places on screen (all within @in->margin of the widget), the
 *   widget's size and world origin, the cell size and the smallest cluster
 *
 * Groups the places by grid cell, then joins neighbouring cells whose centres
 * are closer than 0.7 × the cell size (so that a dense spot on a cell corner
 * does not become four touching clusters; the cells of evenly spread places,
 * about a cell apart, stay apart). Groups with fewer than
 * @in->min_cluster_size places keep them as single places. Every place ends up
 * in exactly one group, so the counts of the groups add up to @in->n.
 */
void
atlas_map_clustering_compute (AtlasMapClustering         *self,
                              const AtlasMapClusterInput *in)
{
  Grid grid;

  grid_init (&grid, in);
  self->n_groups = 0;
  self->n_clusters = 0;
  self->n_members = in->n;
  reserve (self, in->n, grid.n_cells);

  sort_by_cell (self, &grid);
  find_cell_centres (self, &grid);
  join_close_cells (self, &grid);
  gather_groups (self, &grid);
  emit_groups (self, &grid, MAX (in->min_cluster_size, 2));

  /* members[] held positions into the input; make them place ids. */
  for (guint m = 0; m < in->n; m++)
    self->members[m] = in->ids[self->members[m]];
  grid_clear (&grid);
}
