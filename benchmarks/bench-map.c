/* bench-map.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <shumate/shumate.h>

#include "bench-private.h"
#include "map/atlas-area-layer-private.h"
#include "map/atlas-basemap-layer.h"
#include "map/atlas-map-projection.h"
#include "map/atlas-place-layer.h"
#include "model/atlas-playhead.h"

/*
 * What a map frame costs. A frame is a layer's own snapshot rendered to a
 * texture by the Cairo renderer realized without a surface, in a 1280 × 800
 * window fitted to every place of the dataset (so all are on screen); the view
 * is panned a pixel between frames and the layer allocated again, so places
 * are projected, culled, clustered and drawn anew each frame.
 *
 *  - "place layer frame" is the frame the app draws: dense places clustered.
 *  - "place layer frame, every marker" turns clustering off, so each place is
 *    a marker of its own: the worst case, and the one compared with
 *    ShumateMarkerLayer, one ShumateMarker widget (an icon) per place, at up to
 *    10,000 places.
 *  - "click" is a thousand hit tests, as clicks and tooltips do them.
 *  - "area layer" draws the outlines of zoned places and routes; a frame while
 *    panning copies its cached image, "redraw" pans beyond it every frame (and
 *    draws the strip it uncovers). "whole image" draws every outline in view
 *    afresh, as a filter change that touches thousands has a worker do.
 *  - "offline base map frame" is the bundled vector base map (the same at
 *    every size; measured once) at the overview and at a city's zoom, while
 *    panning: mostly a copy of its cached image. "redraw" pans beyond the
 *    cache every frame, so the map is drawn from the vectors each time.
 */

#define WIDTH 1280
#define HEIGHT 800
#define FRAME_GOAL_MS 16.0
#define MARKER_COMPARISON_PLACES 10000
#define RATIO_GOAL 0.2
#define CLICKS_PER_SAMPLE 1000

typedef struct
{
  GtkWindow *window;
  ShumateViewport *viewport;
  GtkWidget *layer;
  GskRenderer *renderer;
  guint frame;
  double pan;          /* pixels panned back and forth between frames */
  GRand *rand;
} MapRun;

static void
render_frame (gpointer data)
{
  MapRun *run = data;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  GdkTexture *texture;
  double lat = shumate_location_get_latitude (SHUMATE_LOCATION (run->viewport));
  double lon = shumate_location_get_longitude (SHUMATE_LOCATION (run->viewport));
  double step = run->pan * 360.0 / (256.0 * exp2 (shumate_viewport_get_zoom_level (run->viewport)));

  /* A pan back and forth (a pixel, unless said otherwise), and the layer laid
   * out again as a frame would: markers are positioned anew. */
  shumate_location_set_location (SHUMATE_LOCATION (run->viewport), lat,
                                 lon + (run->frame++ % 2 ? step : -step));
  gtk_widget_allocate (run->layer, WIDTH, HEIGHT, -1, NULL);

  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (run->layer)->snapshot (run->layer, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (run->renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
  g_object_unref (texture);
  gsk_render_node_unref (node);
}

/* What the area layer's worker draws after a filter change: every outline in
 * view, into an image of the layer's size. */
static void
draw_area_image (gpointer data)
{
  MapRun *run = data;
  AtlasAreaLayer *layer = ATLAS_AREA_LAYER (run->layer);
  AtlasMapProjection projection;
  g_autofree guint8 *looks = g_new (guint8, layer->state.shapes->len + 1);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  atlas_map_projection_init_from_viewport (&projection, run->viewport, WIDTH, HEIGHT);
  atlas_area_draw_whole (cr, &projection, &layer->state, looks);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
click (gpointer data)
{
  MapRun *run = data;
  AtlasPlacePick pick;

  for (guint i = 0; i < CLICKS_PER_SAMPLE; i++)
    {
      double x = g_rand_double_range (run->rand, 0, WIDTH);
      double y = g_rand_double_range (run->rand, 0, HEIGHT);

      atlas_place_layer_pick (ATLAS_PLACE_LAYER (run->layer), x, y, &pick);
    }
}

static gboolean
run_start (MapRun    *run,
           GtkWidget *layer)
{
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  run->layer = layer;
  run->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (run->window, WIDTH, HEIGHT);
  gtk_window_set_child (run->window, layer);
  gtk_window_present (run->window);
  while (g_get_monotonic_time () < deadline && gtk_widget_get_width (layer) == 0)
    g_main_context_iteration (NULL, FALSE);

  run->renderer = gsk_cairo_renderer_new ();
  return gsk_renderer_realize (run->renderer, NULL, &error) && gtk_widget_get_width (layer) > 0;
}

static void
run_stop (MapRun *run)
{
  GtkWidget *layer = run->layer;

  g_object_add_weak_pointer (G_OBJECT (layer), (gpointer *) &layer);
  gtk_window_destroy (run->window);
  for (guint i = 0; i < 1000 && layer != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  if (run->renderer != NULL && gsk_renderer_is_realized (run->renderer))
    gsk_renderer_unrealize (run->renderer);
  g_clear_object (&run->renderer);
  g_clear_object (&run->viewport);
  g_clear_pointer (&run->rand, g_rand_free);
}

/* A viewport with OpenStreetMap's tiling as reference, as in the app (marker
 * layers need one to place their markers); nothing is downloaded. */
static ShumateViewport *
new_viewport (void)
{
  static ShumateMapSourceRegistry *registry;
  ShumateViewport *viewport = shumate_viewport_new ();
  ShumateMapSource *osm;

  if (registry == NULL)
    registry = shumate_map_source_registry_new_with_defaults ();
  osm = shumate_map_source_registry_get_by_id (registry, SHUMATE_MAP_SOURCE_OSM_MAPNIK);
  shumate_viewport_set_reference_map_source (viewport, osm);
  shumate_viewport_set_max_zoom_level (viewport, 20);
  return viewport;
}

static ShumateViewport *
fitted_viewport (AtlasDataset *dataset)
{
  ShumateViewport *viewport = new_viewport ();
  double x0, y0, x1, y1, nx0, ny0, nx1, ny1, lon, lat;

  if (atlas_dataset_get_bounds (dataset, &x0, &y0, &x1, &y1))
    {
      atlas_mercator_from_lon_lat (x0, y1, &nx0, &ny0);
      atlas_mercator_from_lon_lat (x1, y0, &nx1, &ny1);
      atlas_mercator_to_lon_lat ((nx0 + nx1) / 2, (ny0 + ny1) / 2, &lon, &lat);
      double zoom = atlas_map_zoom_for_bounds (x0, y0, x1, y1, WIDTH, HEIGHT, 256, 20);

      shumate_viewport_set_zoom_level (viewport, zoom);
      shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
    }
  return viewport;
}

static void
bench_place_layer (Bench              *bench,
                   const BenchDataset *data)
{
  guint repeats = bench_repeats (bench, 31);
  MapRun run = { 0 };
  AtlasPlaceLayer *layer;

  run.viewport = fitted_viewport (data->dataset);
  run.pan = 1;
  run.rand = g_rand_new_with_seed (1);
  layer = atlas_place_layer_new (run.viewport);
  atlas_place_layer_set_dataset (layer, data->dataset);
  if (!run_start (&run, GTK_WIDGET (layer)))
    {
      bench_note (bench, "map %s: skipped, the layer could not be drawn", data->label);
      run_stop (&run);
      return;
    }

  bench_measure (bench, "map: place layer frame", data->label, repeats, render_frame, &run);
  bench_note (bench, "map %s: %u places at zoom %.1f, %u clusters", data->label,
              data->n_locations, shumate_viewport_get_zoom_level (run.viewport),
              atlas_place_layer_get_n_clusters (layer));
  bench_measure (bench, "map: click, 1000 hit tests", data->label, bench_repeats (bench, 15), click,
                 &run);

  atlas_place_layer_set_clustering (layer, FALSE);
  bench_measure (bench, "map: place layer frame, every marker", data->label,
                 bench_repeats (bench, 15), render_frame, &run);

  run_stop (&run);
}

/* The outlines of zoned places and routes, fitted like the places: a frame
 * while panning (from the layer's cached image) and a full redraw. */
static void
bench_area_layer (Bench              *bench,
                  const BenchDataset *data)
{
  MapRun run = { 0 };
  AtlasAreaLayer *layer;

  run.viewport = fitted_viewport (data->dataset);
  run.pan = 1;
  layer = atlas_area_layer_new (run.viewport);
  atlas_area_layer_set_dataset (layer, data->dataset);
  if (run_start (&run, GTK_WIDGET (layer)))
    {
      bench_measure (bench, "map: area layer frame", data->label, bench_repeats (bench, 15),
                     render_frame, &run);
      run.pan = 600;
      bench_measure (bench, "map: area layer redraw", data->label, bench_repeats (bench, 9),
                     render_frame, &run);
      bench_measure (bench, "map: area layer, whole image", data->label, bench_repeats (bench, 9),
                     draw_area_image, &run);
    }
  run_stop (&run);
}

typedef struct
{
  MapRun map;
  AtlasPlayhead *playhead;
  gint32 day;
  gint32 first;
  gint32 end;
} ChoroplethRun;

/* A week's step of the playhead as the map takes it: the new counts into the
 * area layer, which sums them per district for its colours. */
static void
choropleth_step (gpointer data)
{
  ChoroplethRun *run = data;
  guint n;
  const guint32 *counts;

  run->day += 7;
  if (run->day >= run->end)
    run->day = run->first;
  atlas_playhead_set_day (run->playhead, run->day);
  counts = atlas_playhead_get_location_counts (run->playhead, &n);
  atlas_area_layer_set_counts (ATLAS_AREA_LAYER (run->map.layer), counts, n);
}

static void
choropleth_step_and_draw (gpointer data)
{
  ChoroplethRun *run = data;

  choropleth_step (run);
  render_frame (&run->map);
}

/* The district choropleth following the playhead: the counts alone, and the
 * counts with the frame they cause. */
static void
bench_choropleth (Bench              *bench,
                  const BenchDataset *data)
{
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(AtlasPlayhead) playhead = NULL;
  ChoroplethRun run = { 0 };
  AtlasAreaLayer *layer;

  atlas_filter_set_dataset (filter, data->dataset);
  playhead = atlas_playhead_new (filter);
  run.playhead = playhead;
  if (!atlas_dataset_get_date_range (data->dataset, &run.first, &run.end))
    return;
  run.day = run.first;
  run.map.viewport = fitted_viewport (data->dataset);
  layer = atlas_area_layer_new (run.map.viewport);
  atlas_area_layer_set_dataset (layer, data->dataset);
  atlas_area_layer_set_choropleth (layer, TRUE);
  if (run_start (&run.map, GTK_WIDGET (layer)))
    {
      bench_measure (bench, "map: choropleth, playhead step a week", data->label, bench_repeats (bench, 15),
                     choropleth_step, &run);
      bench_measure (bench, "map: choropleth, playhead step and frame", data->label, bench_repeats (bench, 9),
                     choropleth_step_and_draw, &run);
    }
  run_stop (&run.map);
}

/* The same places two ways, at up to 10,000: the place layer drawing each one,
 * and a ShumateMarkerLayer with one marker widget each. */
static void
bench_marker_comparison (Bench              *bench,
                         const BenchDataset *data)
{
  guint n = MIN (data->n_locations, MARKER_COMPARISON_PLACES);
  g_autoptr(GtkBitset) subset = gtk_bitset_new_range (0, n);
  guint repeats = bench_repeats (bench, n > 1000 ? 7 : 15);
  MapRun places = { 0 }, markers = { 0 };
  AtlasPlaceLayer *place_layer;
  ShumateMarkerLayer *marker_layer;

  places.viewport = fitted_viewport (data->dataset);
  places.pan = markers.pan = 1;
  place_layer = atlas_place_layer_new (places.viewport);
  atlas_place_layer_set_dataset (place_layer, data->dataset);
  atlas_place_layer_set_visible (place_layer, subset);
  atlas_place_layer_set_clustering (place_layer, FALSE);
  if (run_start (&places, GTK_WIDGET (place_layer)))
    bench_measure (bench, "map: place layer frame, ≤10k places, every marker", data->label,
                   repeats, render_frame, &places);
  run_stop (&places);

  markers.viewport = fitted_viewport (data->dataset);
  marker_layer = shumate_marker_layer_new (markers.viewport);
  for (guint i = 0; i < n; i++)
    {
      const AtlasLocation *loc = atlas_dataset_get_location (data->dataset, i);
      ShumateMarker *marker = shumate_marker_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("mark-location-symbolic");

      shumate_marker_set_child (marker, icon);
      shumate_location_set_location (SHUMATE_LOCATION (marker), loc->lat, loc->lon);
      shumate_marker_layer_add_marker (marker_layer, marker);
    }
  if (run_start (&markers, GTK_WIDGET (marker_layer)))
    bench_measure (bench, "map: ShumateMarkerLayer frame, ≤10k markers", data->label, repeats,
                   render_frame, &markers);
  run_stop (&markers);

  /* The goal is for 10,000 places; with a hundred, fixed costs dominate. */
  bench_ratio (bench, "map: place layer / ShumateMarkerLayer", data->label,
               "map: place layer frame, ≤10k places, every marker",
               "map: ShumateMarkerLayer frame, ≤10k markers",
               n >= MARKER_COMPARISON_PLACES ? RATIO_GOAL : 0);
  bench_note (bench, "map %s: layer against marker widgets at %u places", data->label, n);
}

static void
bench_basemap (Bench              *bench,
               const BenchDataset *data)
{
  const double zooms[] = { 7, 12 };
  MapRun run = { 0 };
  GtkWidget *layer;

  run.viewport = new_viewport ();
  shumate_location_set_location (SHUMATE_LOCATION (run.viewport), 30.2, 105.3);
  layer = GTK_WIDGET (atlas_basemap_layer_new (run.viewport, atlas_basemap_get_default ()));
  if (!run_start (&run, layer))
    {
      run_stop (&run);
      return;
    }

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      g_autofree char *task = g_strdup_printf ("map: offline base map frame, zoom %.0f", zooms[z]);

      shumate_viewport_set_zoom_level (run.viewport, zooms[z]);
      if (zooms[z] >= 12)
        shumate_location_set_location (SHUMATE_LOCATION (run.viewport), 29.56, 106.55);
      run.pan = 1;
      bench_measure (bench, task, data->label, bench_repeats (bench, 15), render_frame, &run);
      bench_goal (bench, task, BENCH_GOAL_BELOW, FRAME_GOAL_MS);

      /* Panned further than the cached margin: everything is drawn again. */
      g_free (task);
      task = g_strdup_printf ("map: offline base map redraw, zoom %.0f", zooms[z]);
      run.pan = 600;
      bench_measure (bench, task, data->label, bench_repeats (bench, 9), render_frame, &run);
    }
  run_stop (&run);
}

void
bench_map (Bench              *bench,
           const BenchDataset *data)
{
  static gboolean basemap_done;

  if (!gtk_is_initialized ())
    {
      bench_note (bench, "map %s: skipped, there is no display; run under xvfb-run", data->label);
      return;
    }

  bench_place_layer (bench, data);
  bench_area_layer (bench, data);
  bench_choropleth (bench, data);
  bench_marker_comparison (bench, data);
  if (!basemap_done)
    {
      bench_basemap (bench, data);
      basemap_done = TRUE;
    }

  bench_goal (bench, "map: place layer frame", BENCH_GOAL_BELOW, FRAME_GOAL_MS);
  bench_goal (bench, "map: choropleth, playhead step a week", BENCH_GOAL_BELOW, FRAME_GOAL_MS);
}
