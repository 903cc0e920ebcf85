/* test-map-cluster.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Grid clustering as the place layer runs it: project places at a zoom, keep
 * those on screen, group them. Every place is in exactly one group, clusters
 * respect the minimum size, and they split as the zoom grows.
 */

#include "config.h"

#include <math.h>

#include "map/atlas-map-cluster.h"
#include "map/atlas-map-projection.h"

#define WIDTH 1000.0
#define HEIGHT 700.0
#define MARGIN 40.0
#define CELL 56.0
#define MIN_SIZE 3

typedef struct
{
  guint n;
  double *lon;
  double *lat;
} Places;

/* Towns of a region: a few dense cities with many places each, and scattered
 * single places around them. */
static void
make_places (Places *places,
             guint   n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  const double cities[][2] = {
    { 106.55, 29.57 }, { 104.07, 30.66 }, { 105.44, 28.87 }, { 106.08, 30.79 }
  };

  places->n = n;
  places->lon = g_new (double, n);
  places->lat = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      if (i % 5 == 4)
        {
          places->lon[i] = g_rand_double_range (rand, 103.5, 107.5);
          places->lat[i] = g_rand_double_range (rand, 28.5, 31.5);
        }
      else
        {
          const double *c = cities[i % G_N_ELEMENTS (cities)];
          double r = 0.25 * pow (g_rand_double (rand), 2);
          double a = g_rand_double_range (rand, 0, 2 * G_PI);

          places->lon[i] = c[0] + r * cos (a);
          places->lat[i] = c[1] + r * sin (a);
        }
    }
}

/* The places of Chongqing: within 0.26° of its centre. */
static void
make_city (Places       *city,
           const Places *places)
{
  city->n = 0;
  city->lon = g_new (double, places->n);
  city->lat = g_new (double, places->n);
  for (guint i = 0; i < places->n; i++)
    {
      if (hypot (places->lon[i] - 106.55, places->lat[i] - 29.57) < 0.26)
        {
          city->lon[city->n] = places->lon[i];
          city->lat[city->n] = places->lat[i];
          city->n++;
        }
    }
}

typedef struct
{
  AtlasMapClustering clustering;
  guint *ids;
  float *xs;
  float *ys;
  guint n_on_screen;
} Frame;

static void
cluster_at (Frame        *frame,
            const Places *places,
            double        lon,
            double        lat,
            double        zoom)
{
  AtlasMapProjection p;

  atlas_map_projection_init (&p, lon, lat, zoom, 256, 0, WIDTH, HEIGHT);
  frame->n_on_screen = 0;
  for (guint i = 0; i < places->n; i++)
    {
      double nx, ny, x, y;

      atlas_mercator_from_lon_lat (places->lon[i], places->lat[i], &nx, &ny);
      atlas_map_projection_to_widget (&p, nx, ny, &x, &y);
      if (x < -MARGIN || y < -MARGIN || x > WIDTH + MARGIN || y > HEIGHT + MARGIN)
        continue;
      frame->ids[frame->n_on_screen] = i;
      frame->xs[frame->n_on_screen] = x;
      frame->ys[frame->n_on_screen] = y;
      frame->n_on_screen++;
    }

  atlas_map_clustering_compute (&frame->clustering, &(AtlasMapClusterInput) {
                                  .ids = frame->ids, .xs = frame->xs, .ys = frame->ys,
                                  .n = frame->n_on_screen, .width = WIDTH, .height = HEIGHT,
                                  .margin = MARGIN, .cell_size = CELL,
                                  .origin_x = p.origin_x - WIDTH / 2, .origin_y = p.origin_y - HEIGHT / 2,
                                  .min_cluster_size = MIN_SIZE,
                                });
}

/* Every place on screen in exactly one group; counts add up; clusters are
 * large enough; a cluster's centre is the mean of its members. */
static void
check_partition (Frame        *frame,
                 const Places *places)
{
  g_autofree guint8 *seen = g_new0 (guint8, places->n);
  guint total = 0, clusters = 0;

  g_assert_cmpuint (frame->clustering.n_members, ==, frame->n_on_screen);
  for (guint g = 0; g < frame->clustering.n_groups; g++)
    {
      const AtlasMapCluster *group = &frame->clustering.groups[g];
      double sx = 0, sy = 0;

      g_assert_cmpuint (group->count, >, 0);
      g_assert_cmpuint (group->first + group->count, <=, frame->clustering.n_members);
      if (group->count > 1)
        {
          g_assert_cmpuint (group->count, >=, MIN_SIZE);
          clusters++;
        }
      for (guint k = 0; k < group->count; k++)
        {
          guint id = frame->clustering.members[group->first + k];

          g_assert_cmpuint (id, <, places->n);
          g_assert_false (seen[id]);
          seen[id] = TRUE;

          for (guint j = 0; j < frame->n_on_screen; j++)
            {
              if (frame->ids[j] == id)
                {
                  sx += frame->xs[j];
                  sy += frame->ys[j];
                }
            }
        }
      g_assert_cmpfloat_with_epsilon (group->x, sx / group->count, 1e-3);
      g_assert_cmpfloat_with_epsilon (group->y, sy / group->count, 1e-3);
      total += group->count;
    }

  g_assert_cmpuint (total, ==, frame->n_on_screen);
  g_assert_cmpuint (clusters, ==, frame->clustering.n_clusters);
}

static void
frame_init (Frame *frame,
            guint  n)
{
  atlas_map_clustering_init (&frame->clustering);
  frame->ids = g_new (guint, n);
  frame->xs = g_new (float, n);
  frame->ys = g_new (float, n);
}

static void
frame_clear (Frame *frame)
{
  atlas_map_clustering_clear (&frame->clustering);
  g_free (frame->ids);
  g_free (frame->xs);
  g_free (frame->ys);
}

static void
test_counts_and_split (void)
{
  Places places, city;
  Frame frame;
  guint previous_groups = 0;

  make_places (&places, 2000);
  frame_init (&frame, places.n);

  /* The places of one city, all on screen from zoom 6 to 10: one cluster at
   * first, never fewer groups at the next zoom, and many in the end, as
   * clusters split. */
  make_city (&city, &places);
  g_assert_cmpuint (city.n, >, 300);

  for (double zoom = 6; zoom <= 10; zoom += 1)
    {
      cluster_at (&frame, &city, 106.55, 29.57, zoom);
      check_partition (&frame, &city);
      g_assert_cmpuint (frame.n_on_screen, ==, city.n);
      if (zoom == 6)
        g_assert_cmpuint (frame.clustering.n_groups, ==, 1);
      g_assert_cmpuint (frame.clustering.n_groups, >=, previous_groups);
      previous_groups = frame.clustering.n_groups;
    }
  g_assert_cmpuint (previous_groups, >, 20);

  /* All places, zooming into Chongqing further: every frame a partition of
   * what is on screen. */
  for (double zoom = 6; zoom <= 19; zoom += 1)
    {
      cluster_at (&frame, &places, 106.55, 29.57, zoom);
      check_partition (&frame, &places);
    }
  g_assert_cmpuint (frame.n_on_screen, >, 0);

  /* With no minimum size that can be reached (how the layer turns clustering
   * off from zoom 15 on), every place stands alone. */
  atlas_map_clustering_compute (&frame.clustering, &(AtlasMapClusterInput) {
                                  .ids = frame.ids, .xs = frame.xs, .ys = frame.ys, .n = frame.n_on_screen,
                                  .width = WIDTH, .height = HEIGHT, .margin = MARGIN, .cell_size = CELL,
                                  .min_cluster_size = G_MAXUINT,
                                });
  g_assert_cmpuint (frame.clustering.n_clusters, ==, 0);
  g_assert_cmpuint (frame.clustering.n_groups, ==, frame.n_on_screen);

  /* Zoomed out, the dense cities are clusters holding most places. */
  cluster_at (&frame, &places, 105.5, 30.0, 7);
  g_assert_cmpuint (frame.n_on_screen, ==, places.n);
  g_assert_cmpuint (frame.clustering.n_clusters, >=, 4);
  g_assert_cmpuint (frame.clustering.n_groups, <, places.n / 4);

  frame_clear (&frame);
  g_free (places.lon);
  g_free (places.lat);
  g_free (city.lon);
  g_free (city.lat);
}

/* Clusters split: the members of one cluster at zoom z + 2 all come from the
 * same cluster at zoom z (the cells at z + 2 nest in the cells at z, and a
 * place alone at z stays alone). */
static void
test_nesting (void)
{
  Places all, places;
  Frame coarse, fine;
  g_autofree guint *coarse_group = NULL;

  make_places (&all, 1500);
  make_city (&places, &all);
  frame_init (&coarse, places.n);
  frame_init (&fine, places.n);
  coarse_group = g_new (guint, places.n);

  cluster_at (&coarse, &places, 106.55, 29.57, 8);
  cluster_at (&fine, &places, 106.55, 29.57, 10);
  check_partition (&coarse, &places);
  check_partition (&fine, &places);
  g_assert_cmpuint (coarse.n_on_screen, ==, places.n);
  g_assert_cmpuint (fine.n_on_screen, ==, places.n);
  g_assert_cmpuint (fine.clustering.n_groups, >, coarse.clustering.n_groups);

  for (guint i = 0; i < places.n; i++)
    coarse_group[i] = G_MAXUINT;
  for (guint g = 0; g < coarse.clustering.n_groups; g++)
    {
      for (guint k = 0; k < coarse.clustering.groups[g].count; k++)
        coarse_group[coarse.clustering.members[coarse.clustering.groups[g].first + k]] = g;
    }

  /* Most fine clusters lie within one coarse cluster; joins across cell
   * borders allow a few exceptions. */
  {
    guint nested = 0;

    for (guint g = 0; g < fine.clustering.n_groups; g++)
      {
        const AtlasMapCluster *group = &fine.clustering.groups[g];
        guint first = coarse_group[fine.clustering.members[group->first]];
        gboolean same = TRUE;

        if (group->count < 2)
          continue;
        for (guint k = 1; k < group->count; k++)
          same &= coarse_group[fine.clustering.members[group->first + k]] == first;
        nested += same;
      }
    g_assert_cmpuint (nested * 10, >=, fine.clustering.n_clusters * 8);
  }

  frame_clear (&coarse);
  frame_clear (&fine);
  g_free (places.lon);
  g_free (places.lat);
  g_free (all.lon);
  g_free (all.lat);
}

/* Panning by a whole number of cells keeps every group: the grid is anchored
 * to the world, not to the widget. */
static void
test_pan_stability (void)
{
  Places places;
  Frame a, b;
  AtlasMapProjection p;
  double nx, ny, lon, lat;

  make_places (&places, 800);
  frame_init (&a, places.n);
  frame_init (&b, places.n);

  /* At zoom 7 all places fit on screen before and after the pan. */
  cluster_at (&a, &places, 105.5, 30.0, 7);
  atlas_map_projection_init (&p, 105.5, 30.0, 7, 256, 0, WIDTH, HEIGHT);
  atlas_map_projection_from_widget (&p, WIDTH / 2 + 3 * CELL, HEIGHT / 2 - 2 * CELL, &nx, &ny);
  atlas_mercator_to_lon_lat (nx, ny, &lon, &lat);
  cluster_at (&b, &places, lon, lat, 7);

  g_assert_cmpuint (a.n_on_screen, ==, places.n);
  g_assert_cmpuint (b.n_on_screen, ==, places.n);
  g_assert_cmpuint (a.clustering.n_clusters, >, 0);
  g_assert_cmpuint (a.clustering.n_groups, ==, b.clustering.n_groups);
  for (guint g = 0; g < a.clustering.n_groups; g++)
    {
      g_assert_cmpuint (a.clustering.groups[g].count, ==, b.clustering.groups[g].count);
      g_assert_cmpfloat_with_epsilon (a.clustering.groups[g].x - 3 * CELL, b.clustering.groups[g].x,
                                      1e-2);
      g_assert_cmpfloat_with_epsilon (a.clustering.groups[g].y + 2 * CELL, b.clustering.groups[g].y,
                                      1e-2);
    }

  frame_clear (&a);
  frame_clear (&b);
  g_free (places.lon);
  g_free (places.lat);
}

static void
test_empty (void)
{
  AtlasMapClustering clustering;

  atlas_map_clustering_init (&clustering);
  atlas_map_clustering_compute (&clustering, &(AtlasMapClusterInput) {
                                  .width = WIDTH, .height = HEIGHT, .margin = MARGIN, .cell_size = CELL,
                                  .min_cluster_size = MIN_SIZE,
                                });
  g_assert_cmpuint (clustering.n_groups, ==, 0);
  g_assert_cmpuint (clustering.n_clusters, ==, 0);
  atlas_map_clustering_clear (&clustering);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/cluster/counts-and-split", test_counts_and_split);
  g_test_add_func ("/map/cluster/nesting", test_nesting);
  g_test_add_func ("/map/cluster/pan-stability", test_pan_stability);
  g_test_add_func ("/map/cluster/empty", test_empty);

  return g_test_run ();
}
