/* test-map-labels.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The labels of the map, on the bundled dataset: the offline base map and the
 * place layer in one ShumateMap, the base map placing its names after the
 * places. Drawn at the view fitted to the dataset (as the window first shows
 * it), at the start-up zoom and closer in, with nothing, Luzhou Port or each
 * place in turn selected, the boxes placed in the frame (read back from both
 * layers) say that
 *
 *  - every marker and cluster drawn is there, at least as large as drawn;
 *  - no label overlaps another label, a marker or a cluster: the selected
 *    place's name and a town's name never overprint each other, and the
 *    Chongqing cluster does not cover "Chongqing";
 *  - the prefecture cities between Chengdu and Chongqing are named both at the
 *    start-up zoom 7 and at the fitted 6.84.
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "map-test-helpers.h"
#include "map/atlas-basemap-layer-private.h"
#include "map/atlas-map-camera.h"
#include "map/atlas-map-style.h"
#include "map/atlas-place-layer-private.h"

/* The map's size in the default window while the dataset loads. */
#define WIDTH 668
#define HEIGHT 445

static const char * const heart[] = { "Deyang", "Suining", "Leshan", "Zigong", "Neijiang",
                                      "Meishan" };

typedef struct
{
  GtkWidget *window;
  ShumateMap *map;
  ShumateViewport *viewport;
  AtlasBasemapLayer *basemap;
  AtlasPlaceLayer *places;
  AtlasDataset *dataset;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dataset = map_test_load_bundled ();
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), WIDTH, HEIGHT);
  fixture->map = shumate_map_new ();
  fixture->viewport = shumate_map_get_viewport (fixture->map);
  shumate_viewport_set_max_zoom_level (fixture->viewport, ATLAS_MAP_MAX_ZOOM);

  fixture->basemap = atlas_basemap_layer_new (fixture->viewport, atlas_basemap_get_default ());
  fixture->places = atlas_place_layer_new (fixture->viewport);
  shumate_map_add_layer (fixture->map, SHUMATE_LAYER (fixture->basemap));
  shumate_map_add_layer (fixture->map, SHUMATE_LAYER (fixture->places));
  atlas_basemap_layer_set_place_layer (fixture->basemap, fixture->places);
  atlas_place_layer_set_dataset (fixture->places, fixture->dataset);
  atlas_basemap_layer_set_covering_dataset (fixture->basemap, fixture->dataset);

  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->map));
  gtk_window_present (GTK_WINDOW (fixture->window));
  while (gtk_widget_get_width (GTK_WIDGET (fixture->places)) != WIDTH ||
         gtk_widget_get_height (GTK_WIDGET (fixture->places)) != HEIGHT)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (fixture->dataset);
}

/* Draws the base map for the current view, which places every label of the
 * frame, and returns what was placed: the place layer's markers, clusters and
 * names, and the base map's names. */
static GArray *
draw_frame (Fixture *fixture)
{
  GtkWidget *layer = GTK_WIDGET (fixture->basemap);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GArray *all = g_array_new (FALSE, FALSE, sizeof (AtlasLabelBox));
  const AtlasLabelPlacer *placers[2];
  const AtlasLabelBox *boxes;
  guint n;

  GTK_WIDGET_GET_CLASS (layer)->snapshot (layer, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  placers[0] = atlas_place_layer_get_label_placer (fixture->places);
  placers[1] = atlas_basemap_layer_get_label_placer (fixture->basemap);
  g_assert_nonnull (placers[1]);
  boxes = atlas_label_placer_get_boxes (placers[0], &n);
  g_array_append_vals (all, boxes, n);
  boxes = atlas_label_placer_get_boxes (placers[1], &n);
  for (guint i = 0; i < n; i++)
    {
      if (boxes[i].kind == ATLAS_LABEL_CITY || boxes[i].kind == ATLAS_LABEL_NAME)
        g_array_append_val (all, boxes[i]);
    }
  return all;
}

static gboolean
has_box (GArray         *boxes,
         AtlasLabelKind  kind,
         guint           id)
{
  for (guint i = 0; i < boxes->len; i++)
    {
      if (g_array_index (boxes, AtlasLabelBox, i).kind == kind &&
          g_array_index (boxes, AtlasLabelBox, i).id == id)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_label (const AtlasLabelBox *box)
{
  return box->kind == ATLAS_LABEL_SELECTED || box->kind == ATLAS_LABEL_PLACE ||
         box->kind == ATLAS_LABEL_CITY || box->kind == ATLAS_LABEL_NAME;
}

static gboolean
overlap (const AtlasLabelBox *a,
         const AtlasLabelBox *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static const char *
box_name (Fixture             *fixture,
          const AtlasLabelBox *box)
{
  static const char * const kinds[] = { "controls", "marker", "cluster", "selected label",
                                        "place label", "town", "name" };
  static char text[200];
  const char *name;

  if (box->kind == ATLAS_LABEL_CITY || box->kind == ATLAS_LABEL_NAME)
    name = atlas_basemap_get_label (atlas_basemap_get_default (), box->id)->name;
  else if (box->kind == ATLAS_LABEL_OBSTACLE)
    name = "";
  else
    name = atlas_dataset_get_location (fixture->dataset, box->id)->name;
  g_snprintf (text, sizeof text, "%s “%s” (%.0f, %.0f)–(%.0f, %.0f)", kinds[box->kind], name,
              box->x0, box->y0, box->x1, box->y1);
  return text;
}

/* Every marker and cluster the place layer draws is in the frame's boxes, as
 * large as drawn at least, and no label overlaps any other box. */
static void
check_frame (Fixture    *fixture,
             const char *view)
{
  g_autoptr(GArray) all = draw_frame (fixture);
  guint n_boxes = all->len, n_clusters = 0, n_labels = 0;
  const AtlasLabelBox *boxes = (const AtlasLabelBox *) all->data;
  guint selected = fixture->places->selected;

  for (guint place = 0; place < atlas_dataset_get_n_locations (fixture->dataset); place++)
    {
      double x, y, r;

      if (!atlas_place_layer_get_position (fixture->places, place, &x, &y))
        continue;
      /* The marker's shape reaches 1.3 radii (star points), the ring of the
       * selection 1.35 radii and 5 pixels, outlines aside. */
      r = atlas_place_layer_radius_of (fixture->places, place);
      r = place == selected ? r * 1.35 + 5 : r * 1.3;
      g_assert_true (has_box (all, ATLAS_LABEL_MARKER, place));
      for (guint i = 0; i < n_boxes; i++)
        {
          if (boxes[i].kind == ATLAS_LABEL_MARKER && boxes[i].id == place)
            {
              g_assert_cmpfloat (boxes[i].x0, <=, x - r);
              g_assert_cmpfloat (boxes[i].x1, >=, x + r);
              g_assert_cmpfloat (boxes[i].y0, <=, y - r);
              g_assert_cmpfloat (boxes[i].y1, >=, y + r);
            }
        }
    }

  for (guint i = 0; i < n_boxes; i++)
    {
      n_clusters += boxes[i].kind == ATLAS_LABEL_CLUSTER;
      if (!is_label (&boxes[i]))
        continue;
      n_labels++;
      for (guint j = 0; j < n_boxes; j++)
        {
          g_autofree char *first = NULL;

          if (j == i || !overlap (&boxes[i], &boxes[j]))
            continue;
          first = g_strdup (box_name (fixture, &boxes[i]));
          g_error ("%s: %s overlaps %s", view, first, box_name (fixture, &boxes[j]));
        }
    }
  g_assert_cmpuint (n_clusters, ==, atlas_place_layer_get_n_clusters (fixture->places));
  g_test_message ("%s: %u boxes, %u labels, %u clusters", view, n_boxes, n_labels, n_clusters);
  g_assert_cmpuint (n_labels, >, 0);
}

static guint
find_place (Fixture    *fixture,
            const char *name)
{
  for (guint i = 0; i < atlas_dataset_get_n_locations (fixture->dataset); i++)
    {
      if (g_strcmp0 (atlas_dataset_get_location (fixture->dataset, i)->name, name) == 0)
        return i;
    }
  g_assert_not_reached ();
}

/* Whether the base map named @name (a town) in the last frame. */
static gboolean
town_named (Fixture    *fixture,
            const char *name)
{
  const AtlasLabelPlacer *placer = atlas_basemap_layer_get_label_placer (fixture->basemap);
  guint n_boxes;
  const AtlasLabelBox *boxes = atlas_label_placer_get_boxes (placer, &n_boxes);

  for (guint i = 0; i < n_boxes; i++)
    {
      if (boxes[i].kind == ATLAS_LABEL_CITY &&
          g_strcmp0 (atlas_basemap_get_label (atlas_basemap_get_default (), boxes[i].id)->name,
                     name) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
fit (Fixture *fixture)
{
  AtlasMapBounds bounds;

  g_assert_true (atlas_dataset_get_bounds (fixture->dataset, &bounds.min_lon, &bounds.min_lat,
                                           &bounds.max_lon, &bounds.max_lat));
  atlas_map_camera_go_to_bounds (fixture->map, &bounds, ATLAS_MAP_MIN_ZOOM, 14, FALSE);
}

static void
test_fitted (Fixture       *fixture,
             gconstpointer  data)
{
  guint luzhou_port = find_place (fixture, "Luzhou Port");

  fit (fixture);
  g_assert_cmpfloat (fabs (shumate_viewport_get_zoom_level (fixture->viewport) - 6.84), <, 0.01);
  check_frame (fixture, "fitted");
  for (guint i = 0; i < G_N_ELEMENTS (heart); i++)
    g_assert_true (town_named (fixture, heart[i]));
  /* Its dot lies under the Chongqing cluster: the name goes beside it. */
  g_assert_true (town_named (fixture, "Chongqing"));

  atlas_place_layer_set_selected (fixture->places, luzhou_port);
  check_frame (fixture, "fitted, Luzhou Port selected");
  g_assert_true (atlas_label_placer_has (atlas_place_layer_get_label_placer (fixture->places),
                                         ATLAS_LABEL_SELECTED, luzhou_port));

  /* The start-up view, before the dataset's fit: the same names. */
  atlas_place_layer_set_selected (fixture->places, ATLAS_NONE);
  shumate_viewport_set_zoom_level (fixture->viewport, 7);
  check_frame (fixture, "zoom 7");
  for (guint i = 0; i < G_N_ELEMENTS (heart); i++)
    g_assert_true (town_named (fixture, heart[i]));
}

/* Closer in, where places carry names and clusters break up, with every place
 * selected in turn. */
static void
test_every_selection (Fixture       *fixture,
                      gconstpointer  data)
{
  const struct { double lat, lon, zoom; } views[] = {
    { 29.56, 106.55, 8 }, { 29.6, 106.5, 10 }, { 29.6, 106.45, 11.5 }, { 30.66, 104.07, 10 },
    { 28.9, 105.44, 9 }, { 29.6, 106.5, 13 },
  };
  guint n = atlas_dataset_get_n_locations (fixture->dataset);

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autofree char *view = g_strdup_printf ("%.2f N %.2f E zoom %.1f", views[v].lat,
                                               views[v].lon, views[v].zoom);

      shumate_viewport_set_zoom_level (fixture->viewport, views[v].zoom);
      shumate_location_set_location (SHUMATE_LOCATION (fixture->viewport), views[v].lat,
                                     views[v].lon);
      for (guint place = 0; place <= n; place++)
        {
          g_autofree char *what = g_strdup_printf ("%s, %s selected", view,
                                                   place < n ? atlas_dataset_get_location (
                                                     fixture->dataset, place)->name : "nothing");

          atlas_place_layer_set_selected (fixture->places, place < n ? place : ATLAS_NONE);
          check_frame (fixture, what);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/map/labels/fitted", Fixture, NULL, fixture_set_up, test_fitted,
              fixture_tear_down);
  g_test_add ("/map/labels/every-selection", Fixture, NULL, fixture_set_up, test_every_selection,
              fixture_tear_down);

  return g_test_run ();
}
