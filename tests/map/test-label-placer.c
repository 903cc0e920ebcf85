/* test-label-placer.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The label placer on its own: a label is kept only where it overlaps nothing
 * placed before and lies inside the area; obstacles are kept regardless; a
 * copy goes on without changing the original; every box keeps its kind and id
 * and the first one under a point is found. Then random labels against a
 * brute-force check: the grid never lets two placed labels overlap, and never
 * refuses a free box.
 */

#include "config.h"

#include "map/atlas-label-placer.h"

#define BOX(x, y, width, height) (&GRAPHENE_RECT_INIT ((x), (y), (width), (height)))

static void
test_basics (void)
{
  g_autoptr(AtlasLabelPlacer) placer = atlas_label_placer_new (300, 200);
  g_autoptr(AtlasLabelPlacer) copy = NULL;
  const AtlasLabelBox *boxes, *found;
  guint n;

  atlas_label_placer_add (placer, ATLAS_LABEL_CLUSTER, 7, BOX (100, 100, 40, 40));
  /* Obstacles may overlap anything, and stick out of the area. */
  atlas_label_placer_add (placer, ATLAS_LABEL_MARKER, 3, BOX (120, 120, 30, 30));
  atlas_label_placer_add (placer, ATLAS_LABEL_MARKER, 4, BOX (-10, -10, 20, 20));
  /* Wholly outside: not kept. */
  atlas_label_placer_add (placer, ATLAS_LABEL_MARKER, 5, BOX (400, 10, 20, 20));

  g_assert_false (atlas_label_placer_try_add (placer, ATLAS_LABEL_PLACE, 1, BOX (130, 90, 50, 14)));
  g_assert_false (atlas_label_placer_try_add (placer, ATLAS_LABEL_PLACE, 1, BOX (0, 5, 50, 14)));
  g_assert_false (atlas_label_placer_try_add (placer, ATLAS_LABEL_PLACE, 1, BOX (280, 5, 50, 14)));
  g_assert_true (atlas_label_placer_try_add (placer, ATLAS_LABEL_PLACE, 1, BOX (150, 60, 50, 14)));
  /* Edges that touch do not overlap. */
  g_assert_true (atlas_label_placer_try_add (placer, ATLAS_LABEL_CITY, 9, BOX (150, 74, 50, 14)));
  g_assert_false (atlas_label_placer_is_free (placer, BOX (160, 70, 10, 10)));

  found = atlas_label_placer_find (placer, BOX (125, 125, 2, 2));
  g_assert_nonnull (found);
  g_assert_cmpint (found->kind, ==, ATLAS_LABEL_CLUSTER);
  g_assert_cmpuint (found->id, ==, 7);
  g_assert_null (atlas_label_placer_find (placer, BOX (250, 150, 10, 10)));

  boxes = atlas_label_placer_get_boxes (placer, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpint (boxes[3].kind, ==, ATLAS_LABEL_PLACE);
  g_assert_cmpuint (boxes[3].id, ==, 1);
  g_assert_cmpfloat (boxes[3].x0, ==, 150);
  g_assert_cmpfloat (boxes[3].y1, ==, 74);
  g_assert_true (atlas_label_placer_has (placer, ATLAS_LABEL_CITY, 9));
  g_assert_false (atlas_label_placer_has (placer, ATLAS_LABEL_CITY, 1));

  copy = atlas_label_placer_copy (placer);
  g_assert_true (atlas_label_placer_try_add (copy, ATLAS_LABEL_NAME, 2, BOX (10, 150, 60, 14)));
  g_assert_false (atlas_label_placer_is_free (copy, BOX (20, 155, 5, 5)));
  g_assert_true (atlas_label_placer_is_free (placer, BOX (20, 155, 5, 5)));
  atlas_label_placer_get_boxes (copy, &n);
  g_assert_cmpuint (n, ==, 6);
  atlas_label_placer_get_boxes (placer, &n);
  g_assert_cmpuint (n, ==, 5);
}

static gboolean
overlap (const AtlasLabelBox *a,
         const AtlasLabelBox *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  g_autoptr(AtlasLabelPlacer) placer = atlas_label_placer_new (800, 600);
  const AtlasLabelBox *boxes;
  guint n, placed = 0;

  for (guint i = 0; i < 2000; i++)
    {
      double x = g_rand_double_range (rand, -20, 800), y = g_rand_double_range (rand, -20, 600);
      double w = g_rand_double_range (rand, 4, 120), h = g_rand_double_range (rand, 4, 30);
      AtlasLabelBox box = { x, y, x + w, y + h, ATLAS_LABEL_PLACE, i };
      gboolean free = x >= 0 && y >= 0 && x + w <= 800 && y + h <= 600;

      boxes = atlas_label_placer_get_boxes (placer, &n);
      for (guint k = 0; free && k < n; k++)
        free = !overlap (&box, &boxes[k]);
      g_assert_cmpint (atlas_label_placer_try_add (placer, ATLAS_LABEL_PLACE, i, BOX (x, y, w, h)),
                       ==, free);
      placed += free;
    }
  g_test_message ("%u of 2000 random labels placed", placed);
  g_assert_cmpuint (placed, >, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/label-placer/basics", test_basics);
  g_test_add_func ("/map/label-placer/random", test_random);

  return g_test_run ();
}
