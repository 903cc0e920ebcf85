/* test-spatial-grid.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The spatial grid against a brute-force search over the same points, with
 * random points (uniform, clustered, on one spot), random queries and random
 * per-point radii, including points that are skipped.
 */

#include "config.h"

#include <math.h>

#include "map/atlas-spatial-grid.h"

typedef struct
{
  double *xs;
  double *ys;
  double *radii;    /* negative: skipped */
  guint n;
} Points;

static double
radius_cb (guint    index,
           gpointer user_data)
{
  Points *points = user_data;

  return points->radii[index];
}

static guint
brute_nearest (Points *points,
               double  x,
               double  y,
               double  max_radius)
{
  guint best = ATLAS_SPATIAL_GRID_NONE;
  double best_d2 = G_MAXDOUBLE;

  for (guint i = 0; i < points->n; i++)
    {
      double dx = points->xs[i] - x, dy = points->ys[i] - y;
      double d2 = dx * dx + dy * dy;
      double r = MIN (points->radii[i], max_radius);

      if (!isfinite (points->xs[i]) || r < 0 || d2 > r * r)
        continue;
      if (d2 < best_d2)
        {
          best = i;
          best_d2 = d2;
        }
    }
  return best;
}

static void
fill_points (Points *points,
             GRand  *rand,
             guint   n,
             int     layout)
{
  points->n = n;
  points->xs = g_new (double, MAX (n, 1));
  points->ys = g_new (double, MAX (n, 1));
  points->radii = g_new (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      switch (layout)
        {
        case 0: /* uniform over a box like a region of China */
          points->xs[i] = g_rand_double_range (rand, 0.77, 0.81);
          points->ys[i] = g_rand_double_range (rand, 0.39, 0.43);
          break;
        case 1: /* a few dense blobs */
          {
            double cx = 0.78 + 0.01 * (i % 3), cy = 0.40 + 0.007 * (i % 5);

            points->xs[i] = cx + g_rand_double_range (rand, -1, 1) * 1e-4 * (1 + i % 7);
            points->ys[i] = cy + g_rand_double_range (rand, -1, 1) * 1e-4 * (1 + i % 7);
          }
          break;
        default: /* everything on one spot, and a few broken points */
          points->xs[i] = i % 17 == 5 ? NAN : 0.8;
          points->ys[i] = 0.41;
          break;
        }
      points->radii[i] = i % 11 == 3 ? -1.0 : g_rand_double_range (rand, 0, 4e-4);
    }
}

static void
clear_points (Points *points)
{
  g_free (points->xs);
  g_free (points->ys);
  g_free (points->radii);
}

static void
test_against_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260401);
  const guint sizes[] = { 0, 1, 2, 7, 100, 3000 };

  for (int layout = 0; layout < 3; layout++)
    {
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          Points points;
          g_autoptr(AtlasSpatialGrid) grid = NULL;

          fill_points (&points, rand, sizes[s], layout);
          grid = atlas_spatial_grid_new (points.xs, points.ys, points.n);
          g_assert_cmpuint (atlas_spatial_grid_get_n_points (grid), ==, points.n);

          for (guint q = 0; q < 2000; q++)
            {
              /* Queries near points (the interesting case) and anywhere. */
              double x, y, max_radius = g_rand_double_range (rand, 0, q % 4 == 0 ? 0.05 : 5e-4);
              double distance;
              guint expected, found;

              if (points.n > 0 && q % 2 == 0)
                {
                  guint i = g_rand_int_range (rand, 0, points.n);

                  x = (isfinite (points.xs[i]) ? points.xs[i] : 0.8) +
                      g_rand_double_range (rand, -3e-4, 3e-4);
                  y = points.ys[i] + g_rand_double_range (rand, -3e-4, 3e-4);
                }
              else
                {
                  x = g_rand_double_range (rand, 0.76, 0.82);
                  y = g_rand_double_range (rand, 0.38, 0.44);
                }

              expected = brute_nearest (&points, x, y, max_radius);
              found = atlas_spatial_grid_nearest (grid, x, y, max_radius, radius_cb, &points,
                                                  &distance);
              g_assert_cmpuint (found, ==, expected);
              if (found != ATLAS_SPATIAL_GRID_NONE)
                g_assert_cmpfloat_with_epsilon (distance, hypot (points.xs[found] - x,
                                                                 points.ys[found] - y), 1e-12);
              else
                g_assert_cmpfloat (distance, ==, G_MAXDOUBLE);
            }

          clear_points (&points);
        }
    }
}

typedef struct
{
  guint8 *seen;
  guint count;
  guint stop_after;
} BoxData;

static gboolean
box_cb (guint    index,
        gpointer user_data)
{
  BoxData *data = user_data;

  g_assert_false (data->seen[index]);
  data->seen[index] = TRUE;
  data->count++;
  return data->count != data->stop_after;
}

static void
test_box (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  Points points;
  g_autoptr(AtlasSpatialGrid) grid = NULL;

  fill_points (&points, rand, 5000, 0);
  grid = atlas_spatial_grid_new (points.xs, points.ys, points.n);

  for (guint q = 0; q < 200; q++)
    {
      double x0 = g_rand_double_range (rand, 0.76, 0.82);
      double y0 = g_rand_double_range (rand, 0.38, 0.44);
      double x1 = x0 + g_rand_double_range (rand, 0, 0.02);
      double y1 = y0 + g_rand_double_range (rand, 0, 0.02);
      g_autofree guint8 *seen = g_new0 (guint8, points.n);
      BoxData data = { seen, 0, 0 };
      guint expected = 0;

      g_assert_true (atlas_spatial_grid_foreach_in_box (grid, x0, y0, x1, y1, box_cb, &data));
      for (guint i = 0; i < points.n; i++)
        {
          gboolean inside = points.xs[i] >= x0 && points.xs[i] <= x1 &&
                            points.ys[i] >= y0 && points.ys[i] <= y1;

          g_assert_cmpint (seen[i], ==, inside);
          expected += inside;
        }
      g_assert_cmpuint (data.count, ==, expected);
    }

  /* Stopping early is reported. */
  {
    g_autofree guint8 *seen = g_new0 (guint8, points.n);
    BoxData data = { seen, 0, 10 };

    g_assert_false (atlas_spatial_grid_foreach_in_box (grid, 0, 0, 1, 1, box_cb, &data));
    g_assert_cmpuint (data.count, ==, 10);
  }

  clear_points (&points);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/spatial-grid/brute-force", test_against_brute_force);
  g_test_add_func ("/map/spatial-grid/box", test_box);

  return g_test_run ();
}
