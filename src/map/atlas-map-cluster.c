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

/**
 * atlas_map_clustering_compute:
 * @self: the clustering to fill (its previous groups are dropped)
 * @ids: (array length=n): place ids
 * @xs: (array length=n): widget x of each place
 * @ys: (array length=n): widget y of each place
 * @n: the number of places, all within @margin of the widget
 * @width: widget width
 * @height: widget height
 * @margin: how far outside the widget places may lie
 * @cell_size: the grid's cell size in pixels
 * @origin_x: world pixel x of the widget's left edge
 * @origin_y: world pixel y of the widget's top edge
 * @min_cluster_size: groups with fewer places keep them as single places
 *
 * Groups the places by grid cell, then joins neighbouring cells whose centres
 * are closer than 0.7 × @cell_size (so that a dense spot on a cell corner does
 * not become four touching clusters; the cells of evenly spread places, about
 * a cell apart, stay apart). Every place ends up in exactly one group, so the
 * counts of the groups add up to @n.
 */
void
atlas_map_clustering_compute (AtlasMapClustering *self,
                              const guint        *ids,
                              const float        *xs,
                              const float        *ys,
                              guint               n,
                              double              width,
                              double              height,
                              double              margin,
                              double              cell_size,
                              double              origin_x,
                              double              origin_y,
                              guint               min_cluster_size)
{
  double base_x = floor ((origin_x - margin) / cell_size);
  double base_y = floor ((origin_y - margin) / cell_size);
  guint columns = (guint) ceil ((width + 2 * margin) / cell_size) + 2;
  guint rows = (guint) ceil ((height + 2 * margin) / cell_size) + 2;
  guint n_cells = columns * rows;
  double join = 0.7 * cell_size;
  g_autofree guint *fill = NULL;
  g_autofree guint *by_cell = NULL;
  g_autofree guint *parent = NULL;
  g_autofree guint *total = NULL;
  g_autofree float *cx = NULL;
  g_autofree float *cy = NULL;
  g_autofree double *sum_x = NULL;
  g_autofree double *sum_y = NULL;
  g_autofree guint *slot = NULL;
  g_autofree guint *order = NULL;
  guint k = 0, n_roots = 0;

  self->n_groups = 0;
  self->n_clusters = 0;
  self->n_members = n;
  min_cluster_size = MAX (min_cluster_size, 2);

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

  /* 1. Counting sort of the places by cell. */
  for (guint i = 0; i < n; i++)
    {
      double c = floor ((xs[i] + origin_x) / cell_size) - base_x;
      double r = floor ((ys[i] + origin_y) / cell_size) - base_y;
      guint column = (guint) CLAMP (c, 0.0, (double) columns - 1);
      guint row = (guint) CLAMP (r, 0.0, (double) rows - 1);

      self->cell_of[i] = row * columns + column;
      self->cell_start[self->cell_of[i] + 1]++;
    }
  for (guint c = 0; c < n_cells; c++)
    self->cell_start[c + 1] += self->cell_start[c];

  fill = g_memdup2 (self->cell_start, sizeof (guint) * (n_cells + 1));
  by_cell = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    by_cell[fill[self->cell_of[i]]++] = i;

  /* 2. Centre of each cell, and joins between close neighbours (union-find
   * over cells; each neighbour pair is looked at once). */
  parent = g_new (guint, n_cells);
  cx = g_new0 (float, n_cells);
  cy = g_new0 (float, n_cells);
  for (guint c = 0; c < n_cells; c++)
    {
      guint count = self->cell_start[c + 1] - self->cell_start[c];
      double sx = 0, sy = 0;

      parent[c] = c;
      for (guint m = self->cell_start[c]; m < self->cell_start[c + 1]; m++)
        {
          sx += xs[by_cell[m]];
          sy += ys[by_cell[m]];
        }
      if (count > 0)
        {
          cx[c] = sx / count;
          cy[c] = sy / count;
        }
    }
  for (guint r = 0; r < rows; r++)
    {
      for (guint c = 0; c < columns; c++)
        {
          static const int neighbours[4][2] = { { 1, 0 }, { -1, 1 }, { 0, 1 }, { 1, 1 } };
          guint a = r * columns + c;

          if (self->cell_start[a + 1] == self->cell_start[a])
            continue;
          for (guint e = 0; e < G_N_ELEMENTS (neighbours); e++)
            {
              int nc = (int) c + neighbours[e][0], nr = (int) r + neighbours[e][1];
              guint b;

              if (nc < 0 || nc >= (int) columns || nr >= (int) rows)
                continue;
              b = nr * columns + nc;
              if (self->cell_start[b + 1] == self->cell_start[b] ||
                  hypot (cx[a] - cx[b], cy[a] - cy[b]) >= join)
                continue;
              parent[find_root (parent, a)] = find_root (parent, b);
            }
        }
    }

  /* 3. Slots for the members of each joined group, in the order of the group's
   * first cell, so that drawing order does not change between frames. */
  total = g_new0 (guint, n_cells);
  sum_x = g_new0 (double, n_cells);
  sum_y = g_new0 (double, n_cells);
  slot = g_new (guint, n_cells);
  order = g_new (guint, n_cells);
  for (guint c = 0; c < n_cells; c++)
    {
      guint root = find_root (parent, c);
      guint count = self->cell_start[c + 1] - self->cell_start[c];

      total[root] += count;
      sum_x[root] += (double) cx[c] * count;
      sum_y[root] += (double) cy[c] * count;
      slot[c] = G_MAXUINT;
    }
  for (guint c = 0; c < n_cells; c++)
    {
      guint root = find_root (parent, c);

      if (self->cell_start[c + 1] == self->cell_start[c])
        continue;
      if (slot[root] == G_MAXUINT)
        {
          order[n_roots++] = root;
          slot[root] = k;
          k += total[root];
        }
      for (guint m = self->cell_start[c]; m < self->cell_start[c + 1]; m++)
        self->members[slot[root]++] = by_cell[m];
    }

  /* 4. A group large enough is a cluster; the places of the others stand alone. */
  k = 0;
  for (guint g = 0; g < n_roots; g++)
    {
      guint root = order[g];
      guint count = total[root];

      if (count >= min_cluster_size)
        {
          AtlasMapCluster *group = add_group (self);

          group->x = sum_x[root] / count;
          group->y = sum_y[root] / count;
          group->count = count;
          group->first = k;
          self->n_clusters++;
        }
      else
        {
          for (guint m = k; m < k + count; m++)
            {
              AtlasMapCluster *group = add_group (self);

              group->x = xs[self->members[m]];
              group->y = ys[self->members[m]];
              group->count = 1;
              group->first = m;
            }
        }
      k += count;
    }

  /* members[] held positions into ids/xs/ys; make them place ids. */
  for (guint m = 0; m < n; m++)
    self->members[m] = ids[self->members[m]];
}
