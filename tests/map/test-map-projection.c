/* test-map-projection.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Web Mercator, widget projection, and hit testing as the place layer does it:
 * pixel → normalized coordinates → nearest place on the spatial grid within the
 * hit radius, at several zoom levels.
 */

#include "config.h"

#include <math.h>

#include "map/atlas-map-projection.h"
#include "map/atlas-map-style.h"
#include "map/atlas-spatial-grid.h"

static void
test_mercator (void)
{
  double x, y, lon, lat;

  atlas_mercator_from_lon_lat (0, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 0.5, 1e-12);

  atlas_mercator_from_lon_lat (-180, 85.0511287798, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 0.0, 1e-9);

  /* Chongqing lies in OpenStreetMap tile 13/6521/3391, and agrees with the
   * usual formula, (1 - ln (tan φ + sec φ) / π) / 2. */
  atlas_mercator_from_lon_lat (106.58, 29.56, &x, &y);
  g_assert_cmpint ((int) floor (x * 8192), ==, 6521);
  g_assert_cmpint ((int) floor (y * 8192), ==, 3391);
  lat = 29.56 * G_PI / 180;
  g_assert_cmpfloat_with_epsilon (y, (1 - log (tan (lat) + 1 / cos (lat)) / G_PI) / 2, 1e-12);

  atlas_mercator_to_lon_lat (x, y, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, 106.58, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, 29.56, 1e-9);

  /* Latitudes beyond Web Mercator's limit are clamped, not infinite. */
  atlas_mercator_from_lon_lat (10, 90, &x, &y);
  g_assert_true (isfinite (y));
  g_assert_cmpfloat (y, >=, 0.0);
}

static void
test_widget_round_trip (void)
{
  const double rotations[] = { 0.0, 0.3, -1.2, G_PI };

  for (guint r = 0; r < G_N_ELEMENTS (rotations); r++)
    {
      AtlasMapProjection p;
      double cx, cy, wx, wy, nx, ny;

      atlas_map_projection_init (&p, 106.5, 29.6, 9.5, 256, rotations[r], 800, 600);

      /* The centre of the viewport is the centre of the widget. */
      atlas_mercator_from_lon_lat (106.5, 29.6, &cx, &cy);
      atlas_map_projection_to_widget (&p, cx, cy, &wx, &wy);
      g_assert_cmpfloat_with_epsilon (wx, 400, 1e-6);
      g_assert_cmpfloat_with_epsilon (wy, 300, 1e-6);

      for (int i = 0; i < 20; i++)
        {
          double x = 37.0 * i, y = 600 - 29.0 * i;

          atlas_map_projection_from_widget (&p, x, y, &nx, &ny);
          atlas_map_projection_to_widget (&p, nx, ny, &wx, &wy);
          g_assert_cmpfloat_with_epsilon (wx, x, 1e-6);
          g_assert_cmpfloat_with_epsilon (wy, y, 1e-6);
        }
    }
}

static void
test_scale (void)
{
  AtlasMapProjection p;
  double x0, y0, x1, y1, ax, ay, bx, by;

  /* At zoom 10 the world is 256 × 1024 pixels wide. */
  atlas_map_projection_init (&p, 0, 0, 10, 256, 0, 100, 100);
  g_assert_cmpfloat_with_epsilon (p.world_size, 262144, 1e-6);
  atlas_mercator_from_lon_lat (0, 0, &x0, &y0);
  atlas_mercator_from_lon_lat (360.0 / 1024, 0, &x1, &y1);
  atlas_map_projection_to_widget (&p, x0, y0, &ax, &ay);
  atlas_map_projection_to_widget (&p, x1, y1, &bx, &by);
  g_assert_cmpfloat_with_epsilon (bx - ax, 256, 1e-6);
  g_assert_cmpfloat_with_epsilon (atlas_map_projection_pixels_to_world (&p, 262144), 1.0, 1e-12);
}

static void
test_bounds (void)
{
  AtlasMapProjection p;
  double min_x, min_y, max_x, max_y, zoom, x0, y0, x1, y1, ax, ay, bx, by;

  atlas_map_projection_init (&p, 106, 30, 8, 256, 0, 400, 200);
  atlas_map_projection_get_bounds (&p, 10, &min_x, &min_y, &max_x, &max_y);
  g_assert_cmpfloat_with_epsilon ((max_x - min_x) * p.world_size, 420, 1e-6);
  g_assert_cmpfloat_with_epsilon ((max_y - min_y) * p.world_size, 220, 1e-6);

  /* A box fitted with a padding touches the padding on one side, stays inside
   * it on the other. */
  zoom = atlas_map_zoom_for_bounds (103.9, 29.4, 106.7, 30.8, 800, 600, 256, 40);
  atlas_mercator_from_lon_lat (103.9, 30.8, &x0, &y0);
  atlas_mercator_from_lon_lat (106.7, 29.4, &x1, &y1);
  atlas_mercator_to_lon_lat ((x0 + x1) / 2, (y0 + y1) / 2, &ax, &ay);
  atlas_map_projection_init (&p, ax, ay, zoom, 256, 0, 800, 600);
  atlas_map_projection_to_widget (&p, x0, y0, &ax, &ay);
  atlas_map_projection_to_widget (&p, x1, y1, &bx, &by);
  g_assert_cmpfloat_with_epsilon (MIN (ax, ay > 40 ? ax : ay), 40, 1e-6);
  g_assert_cmpfloat (ax, >=, 40 - 1e-6);
  g_assert_cmpfloat (ay, >=, 40 - 1e-6);
  g_assert_cmpfloat (bx, <=, 760 + 1e-6);
  g_assert_cmpfloat (by, <=, 560 + 1e-6);

  /* A single point does not zoom in forever. */
  zoom = atlas_map_zoom_for_bounds (106, 30, 106, 30, 800, 600, 256, 40);
  g_assert_true (isfinite (zoom));
}

/* Hit testing ------------------------------------------------------------- */

typedef struct
{
  double xs[8];
  double ys[8];
  guint n;
  AtlasMapProjection projection;
  double hit_radius;     /* pixels */
} Scene;

static double
radius_cb (guint    index,
           gpointer user_data)
{
  Scene *scene = user_data;

  return atlas_map_projection_pixels_to_world (&scene->projection, scene->hit_radius);
}

/* Which place a click at widget (x, y) hits, the way AtlasPlaceLayer asks. */
static guint
hit (Scene            *scene,
     AtlasSpatialGrid *grid,
     double            x,
     double            y)
{
  double nx, ny;

  atlas_map_projection_from_widget (&scene->projection, x, y, &nx, &ny);
  return atlas_spatial_grid_nearest (grid, nx, ny,
                                     atlas_map_projection_pixels_to_world (&scene->projection, 20),
                                     radius_cb, scene, NULL);
}

static void
place_at (Scene  *scene,
          double  lon,
          double  lat)
{
  atlas_mercator_from_lon_lat (lon, lat, &scene->xs[scene->n], &scene->ys[scene->n]);
  scene->n++;
}

static void
test_hit (void)
{
  const double zooms[] = { 5, 10, 15 };
  Scene scene = { .n = 0, .hit_radius = ATLAS_MAP_HIT_RADIUS };
  g_autoptr(AtlasSpatialGrid) grid = NULL;

  place_at (&scene, 106.58, 29.56);   /* 0: Chongqing */
  place_at (&scene, 104.07, 30.67);   /* 1: Chengdu */
  place_at (&scene, 106.58, 29.56);   /* 2: at the same point as 0 */
  place_at (&scene, 106.60, 29.56);   /* 3: east of 0 */
  grid = atlas_spatial_grid_new (scene.xs, scene.ys, scene.n);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      double x0, y0, x1, y1, x3, y3;

      atlas_map_projection_init (&scene.projection, 105.5, 30.0, zooms[z], 256, 0, 1000, 800);
      atlas_map_projection_to_widget (&scene.projection, scene.xs[0], scene.ys[0], &x0, &y0);
      atlas_map_projection_to_widget (&scene.projection, scene.xs[1], scene.ys[1], &x1, &y1);
      atlas_map_projection_to_widget (&scene.projection, scene.xs[3], scene.ys[3], &x3, &y3);

      /* On a place, and just inside and outside the radius. Chengdu is alone at
       * every zoom. */
      g_assert_cmpuint (hit (&scene, grid, x1, y1), ==, 1);
      g_assert_cmpuint (hit (&scene, grid, x1 + 7.9, y1), ==, 1);
      g_assert_cmpuint (hit (&scene, grid, x1, y1 - 7.9), ==, 1);
      g_assert_cmpuint (hit (&scene, grid, x1 + 5.6, y1 + 5.6), ==, 1);
      g_assert_cmpuint (hit (&scene, grid, x1 + 8.1, y1), ==, ATLAS_SPATIAL_GRID_NONE);
      g_assert_cmpuint (hit (&scene, grid, x1 - 5.8, y1 - 5.8), ==, ATLAS_SPATIAL_GRID_NONE);

      /* Empty map. */
      g_assert_cmpuint (hit (&scene, grid, (x0 + x1) / 2, (y0 + y1) / 2 - 40), ==,
                        ATLAS_SPATIAL_GRID_NONE);

      /* Two places on one point: a tie, won by the first. */
      g_assert_cmpuint (hit (&scene, grid, x0, y0), ==, 0);
      g_assert_cmpuint (hit (&scene, grid, x0 - 3, y0 + 2), ==, 0);

      /* Place 3 is 2 km east of 0: 0.06 px away at zoom 5, 15 px at 10, 470 px
       * at 15. A click right on it finds it, the nearer centre, at every zoom. */
      g_assert_cmpuint (hit (&scene, grid, x3, y3), ==, 3);
      g_assert_cmpfloat (x3 - x0, >, 0.0);
    }
}

/* Two places exactly as far from the click: the one with the lower index wins,
 * however the grid files them. Coordinates are powers of two, so the distances
 * are exactly equal. */
static void
test_hit_tie (void)
{
  Scene scene = { .n = 3, .hit_radius = ATLAS_MAP_HIT_RADIUS };
  g_autoptr(AtlasSpatialGrid) grid = NULL;
  const double d = 1.0 / (1 << 22);

  scene.xs[0] = 0.5 + d;
  scene.ys[0] = 0.5;
  scene.xs[1] = 0.5 - d;
  scene.ys[1] = 0.5;
  scene.xs[2] = 0.5;
  scene.ys[2] = 0.5 + 4 * d;
  grid = atlas_spatial_grid_new (scene.xs, scene.ys, scene.n);

  /* At zoom 12 the world is 2^20 px: the two are 0.25 px from the centre. */
  atlas_map_projection_init (&scene.projection, 0, 0, 12, 256, 0, 640, 480);
  g_assert_cmpuint (hit (&scene, grid, 320, 480 / 2.0), ==, 0);
  g_assert_cmpuint (hit (&scene, grid, 320 - 0.25, 240), ==, 1);
  g_assert_cmpuint (hit (&scene, grid, 320, 241), ==, 2);

  /* Swapped indices, same answer: it is the index, not the position. */
  scene.xs[0] = 0.5 - d;
  scene.xs[1] = 0.5 + d;
  atlas_spatial_grid_free (g_steal_pointer (&grid));
  grid = atlas_spatial_grid_new (scene.xs, scene.ys, scene.n);
  g_assert_cmpuint (hit (&scene, grid, 320, 240), ==, 0);
}

static void
test_marker_radius (void)
{
  g_assert_cmpfloat (atlas_map_marker_radius (0, 10), ==, ATLAS_MAP_RADIUS_IDLE);
  g_assert_cmpfloat (atlas_map_marker_radius (0, 0), ==, ATLAS_MAP_RADIUS_IDLE);
  g_assert_cmpfloat_with_epsilon (atlas_map_marker_radius (10, 10), ATLAS_MAP_RADIUS_MAX, 1e-9);
  g_assert_cmpfloat (atlas_map_marker_radius (1, 10), >=, ATLAS_MAP_RADIUS_MIN);
  g_assert_cmpfloat (atlas_map_marker_radius (1, 10), <, atlas_map_marker_radius (2, 10));
  /* The marker's area, not its radius, grows with the count. */
  g_assert_cmpfloat_with_epsilon (atlas_map_marker_radius (4, 16) - ATLAS_MAP_RADIUS_MIN,
                                  (ATLAS_MAP_RADIUS_MAX - ATLAS_MAP_RADIUS_MIN) / 2, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/projection/mercator", test_mercator);
  g_test_add_func ("/map/projection/widget-round-trip", test_widget_round_trip);
  g_test_add_func ("/map/projection/scale", test_scale);
  g_test_add_func ("/map/projection/bounds", test_bounds);
  g_test_add_func ("/map/projection/hit", test_hit);
  g_test_add_func ("/map/projection/hit-tie", test_hit_tie);
  g_test_add_func ("/map/projection/marker-radius", test_marker_radius);

  return g_test_run ();
}
