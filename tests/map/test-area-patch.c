/* test-area-patch.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The area layer draws again only the outlines that changed when the playhead
 * or the filter moves: the patched image must be the one a full drawing gives.
 *
 * A layer is drawn, then its counts or its visible places change a little;
 * its next frame is compared pixel by pixel with the first frame of a fresh
 * layer given the same state, and its debug output tells what it drew: a
 * patch, everything, or no outline at all.
 *
 * On a generated dataset with some 750 zoned places, the many-outlines way of
 * drawing is used, where outlines do not fade with the playhead: a step of it
 * draws no outline, hiding places patches. With the choropleth on, the fills
 * (an image of their own) follow the step. Zoomed in (fewer outlines, drawn in
 * detail), a step of the playhead patches the outlines that fade.
 *
 * On a larger one (some 3,000 zoned places), hiding a quarter of them draws the
 * whole image afresh on a worker thread: the next frame still shows the
 * previous image, and once the worker is done the frame is the fresh layer's.
 * The worker starts as soon as the change is made, before the window's next
 * frame; and a layer's first image, with no previous one to show, is drawn on a
 * worker too.
 */

#include "config.h"

#include <string.h>

#include "io/atlas-loader.h"
#include "map/atlas-area-layer-private.h"
#include "map/atlas-map-projection.h"
#include "model/atlas-filter.h"
#include "model/atlas-playhead.h"
#include "test-wait.h"

#define WIDTH 1000
#define HEIGHT 700

static const char *dataset_path;
static const char *large_dataset_path;
static guint n_patches;
static guint n_full;   /* drawings of every outline that replaced a patch */
static guint n_worker; /* drawings of every outline done on a worker thread */
static guint n_early;  /* of those, started before the frame */

static GLogWriterOutput
count_patches (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (strcmp (fields[i].key, "MESSAGE") != 0 || fields[i].length >= 0)
        continue;
      n_patches += g_str_has_prefix (fields[i].value, "Patching ");
      n_full += g_str_has_prefix (fields[i].value, "Drawing every outline again");
      n_worker += g_str_has_prefix (fields[i].value, "AtlasAreaLayer: image drawn on a worker thread");
      n_early += g_str_has_prefix (fields[i].value, "The outlines are drawn again on a worker, ahead of the frame");
    }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

typedef struct
{
  AtlasDataset *dataset;
  ShumateViewport *viewport;
  AtlasFilter *filter;
  AtlasPlayhead *playhead;
} Fixture;

/* The fixture on the dataset at @path; zoomed in on its first zoned place when
 * @zoom is not 0. */
static void
set_up (Fixture    *fixture,
        const char *path,
        guint       zoom)
{
  double x0, y0, x1, y1, nx0, ny0, nx1, ny1, lon, lat;
  gint32 first, end;

    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &error);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(AtlasReport) report = atlas_report_new ();

      g_assert_no_error (error);
      bytes = g_mapped_file_get_bytes (file);
      fixture->dataset = atlas_loader_load_bytes (bytes, report, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  fixture->viewport = shumate_viewport_new ();
  shumate_viewport_set_max_zoom_level (fixture->viewport, 20);
  g_assert_true (atlas_dataset_get_bounds (fixture->dataset, &x0, &y0, &x1, &y1));
  atlas_mercator_from_lon_lat (x0, y1, &nx0, &ny0);
  atlas_mercator_from_lon_lat (x1, y0, &nx1, &ny1);
  atlas_mercator_to_lon_lat ((nx0 + nx1) / 2, (ny0 + ny1) / 2, &lon, &lat);
  shumate_viewport_set_zoom_level (fixture->viewport,
                                   atlas_map_zoom_for_bounds (x0, y0, x1, y1, WIDTH, HEIGHT, 256, 20));
  shumate_location_set_location (SHUMATE_LOCATION (fixture->viewport), lat, lon);
  if (zoom != 0)
    {
      /* Zoomed in on the first zoned place: a few dozen outlines, drawn in
       * detail. */
      for (guint l = 0; l < atlas_dataset_get_n_locations (fixture->dataset); l++)
        {
          const AtlasLocation *loc = atlas_dataset_get_location (fixture->dataset, l);

          if (loc->geometry == ATLAS_NONE)
            continue;
          shumate_location_set_location (SHUMATE_LOCATION (fixture->viewport), loc->lat, loc->lon);
          shumate_viewport_set_zoom_level (fixture->viewport, zoom);
          break;
        }
    }

  fixture->filter = atlas_filter_new ();
  atlas_filter_set_dataset (fixture->filter, fixture->dataset);
  fixture->playhead = atlas_playhead_new (fixture->filter);
  atlas_playhead_set_mode (fixture->playhead, ATLAS_PLAYHEAD_CUMULATIVE);
  g_assert_true (atlas_dataset_get_date_range (fixture->dataset, &first, &end));
  atlas_playhead_set_day (fixture->playhead, first + (end - first) / 2);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  set_up (fixture, dataset_path, GPOINTER_TO_UINT (data));
}

static void
fixture_set_up_large (Fixture       *fixture,
                      gconstpointer  data)
{
  set_up (fixture, large_dataset_path, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->playhead);
  g_clear_object (&fixture->filter);
  g_clear_object (&fixture->viewport);
  g_clear_object (&fixture->dataset);
}

/* The layer's state from the fixture: the playhead's counts, and every place
 * shown but those in @hidden. */
static void
apply_state (Fixture        *fixture,
             AtlasAreaLayer *layer,
             GtkBitset      *hidden)
{
  guint n;
  const guint32 *counts = atlas_playhead_get_location_counts (fixture->playhead, &n);

  g_autoptr(GtkBitset) visible = gtk_bitset_new_range (0, atlas_dataset_get_n_locations (fixture->dataset));

  gtk_bitset_difference (visible, hidden);
  atlas_area_layer_set_visible (layer, visible, TRUE, NULL);
  atlas_area_layer_set_counts (layer, counts, n);
}

/* A layer in a window of its own, so that it has a size, in the state from
 * the fixture from its first frame on. */
static AtlasAreaLayer *
new_layer (Fixture    *fixture,
           gboolean    choropleth,
           GtkBitset  *hidden,
           GtkWindow **window)
{
  AtlasAreaLayer *layer = atlas_area_layer_new (fixture->viewport);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  atlas_area_layer_set_dataset (layer, fixture->dataset);
  atlas_area_layer_set_choropleth (layer, choropleth);
  apply_state (fixture, layer, hidden);
  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, WIDTH, HEIGHT);
  gtk_window_set_child (*window, GTK_WIDGET (layer));
  gtk_window_present (*window);
  while (gtk_widget_get_width (GTK_WIDGET (layer)) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (layer)), >, 0);
  return layer;
}

/* One frame of the layer, as pixels (cairo's ARGB32 order); transparent
 * where it draws nothing. */
static GBytes *
render (AtlasAreaLayer *layer)
{
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  guchar *pixels;

  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  GTK_WIDGET_GET_CLASS (layer)->snapshot (GTK_WIDGET (layer), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      /* Nothing drawn yet: a first image on its way from a worker. */
      gsk_renderer_unrealize (renderer);
      return g_bytes_new_take (g_malloc0 ((gsize) WIDTH * HEIGHT * 4), (gsize) WIDTH * HEIGHT * 4);
    }
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
  gsk_render_node_unref (node);
  gsk_renderer_unrealize (renderer);
  pixels = g_malloc ((gsize) WIDTH * HEIGHT * 4);
  gdk_texture_download (texture, pixels, WIDTH * 4);
  return g_bytes_new_take (pixels, (gsize) WIDTH * HEIGHT * 4);
}

static gboolean
not_rendering (gpointer data)
{
  return !ATLAS_AREA_LAYER (data)->cache.rendering;
}

/* The layer's frame once a worker it has drawing is done. */
static GBytes *
render_settled (AtlasAreaLayer *layer)
{
  for (;;)
    {
      g_autoptr(GBytes) pixels = render (layer);

      if (!layer->cache.rendering)
        return g_steal_pointer (&pixels);
      atlas_test_wait_until (not_rendering, layer, 30, "the worker thread to draw the outlines");
    }
}

static guint
count_differences (GBytes *a,
                   GBytes *b)
{
  const guint32 *pa = g_bytes_get_data (a, NULL);
  const guint32 *pb = g_bytes_get_data (b, NULL);
  guint n = 0, worst = 0;   /* pixels that differ, and by how much at most */

  for (gsize i = 0; i < (gsize) WIDTH * HEIGHT; i++)
    {
      if (pa[i] == pb[i])
        continue;
      n++;
      for (int shift = 0; shift < 32; shift += 8)
        worst = MAX (worst, (guint) ABS ((int) (pa[i] >> shift & 0xff) - (int) (pb[i] >> shift & 0xff)));
    }
  g_test_message ("differences: %u pixels, at most %u", n, worst);
  return n;
}

static void
destroy_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef enum { NOTHING, PATCH } Drawn;

/* Draws a layer, changes its state by @change, draws it again (as @drawn
 * says), and compares that with a fresh layer in the new state. */
static void
check_patch (Fixture   *fixture,
             gboolean   choropleth,
             void     (*change) (Fixture *fixture, GtkBitset *hidden),
             Drawn      drawn,
             guint      min_changed)
{
  g_autoptr(GtkBitset) hidden = gtk_bitset_new_empty ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) patched = NULL;
  g_autoptr(GBytes) fresh = NULL;
  GtkWindow *window, *fresh_window;
  AtlasAreaLayer *layer = new_layer (fixture, choropleth, hidden, &window);
  AtlasAreaLayer *fresh_layer;
  guint patches, fulls, changed, n_districts = atlas_dataset_get_n_districts (fixture->dataset);
  g_autofree guint *classes = g_new0 (guint, MAX (n_districts, 1));
  guint classes_changed = 0;

  before = render (layer);
  for (guint d = 0; d < n_districts; d++)
    classes[d] = atlas_area_layer_get_district_class (layer, d, NULL);
  change (fixture, hidden);
  apply_state (fixture, layer, hidden);
  patches = n_patches;
  fulls = n_full;
  patched = render (layer);
  g_assert_cmpuint (n_patches, ==, patches + (drawn == PATCH));
  g_assert_cmpuint (n_full, ==, fulls);
  for (guint d = 0; d < n_districts; d++)
    classes_changed += classes[d] != atlas_area_layer_get_district_class (layer, d, NULL);
  /* With the choropleth on, the step also changes some districts' fills. */
  if (choropleth)
    g_assert_cmpuint (classes_changed, >, 0);
  destroy_window (window);

  patches = n_patches;
  fresh_layer = new_layer (fixture, choropleth, hidden, &fresh_window);
  fresh = render (fresh_layer);
  g_assert_cmpuint (n_patches, ==, patches);
  destroy_window (fresh_window);

  changed = count_differences (before, fresh);
  g_test_message ("%u pixels changed", changed);
  g_assert_cmpuint (changed, >=, min_changed);
  g_assert_cmpuint (count_differences (patched, fresh), ==, 0);
}

/* The playhead a year on: places whose first event comes in that year are
 * no longer faded. */
static void
step_playhead (Fixture   *fixture,
               GtkBitset *hidden)
{
  atlas_playhead_set_day (fixture->playhead, atlas_playhead_get_day (fixture->playhead) + 365);
}

/* Three zoned places hidden, as a filter would. */
static void
hide_places (Fixture   *fixture,
             GtkBitset *hidden)
{
  guint n = 0;

  for (guint l = 0; l < atlas_dataset_get_n_locations (fixture->dataset) && n < 3; l++)
    {
      if (atlas_dataset_get_location (fixture->dataset, l)->geometry != ATLAS_NONE)
        {
          gtk_bitset_add (hidden, l);
          n++;
        }
    }
  g_assert_cmpuint (n, ==, 3);
}

static void
test_playhead (Fixture       *fixture,
               gconstpointer  data)
{
  check_patch (fixture, FALSE, step_playhead, NOTHING, 0);
}

static void
test_hidden (Fixture       *fixture,
             gconstpointer  data)
{
  check_patch (fixture, FALSE, hide_places, PATCH, 20);
}

/* The playhead five years on: districts with outlines change class. */
static void
step_years (Fixture   *fixture,
            GtkBitset *hidden)
{
  atlas_playhead_set_day (fixture->playhead, atlas_playhead_get_day (fixture->playhead) + 5 * 365);
}

static void
test_choropleth (Fixture       *fixture,
                 gconstpointer  data)
{
  check_patch (fixture, TRUE, step_years, NOTHING, 100);
}

static void
test_fading (Fixture       *fixture,
             gconstpointer  data)
{
  check_patch (fixture, FALSE, step_years, PATCH, 20);
}

static gboolean
worker_done (gpointer data)
{
  return n_worker > GPOINTER_TO_UINT (data);
}

/* One zoned place in four hidden, as a search would: too many changes to
 * patch, and too many outlines left to draw in a frame. */
static void
test_worker (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GtkBitset) hidden = gtk_bitset_new_empty ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) waiting = NULL;
  g_autoptr(GBytes) swapped = NULL;
  g_autoptr(GBytes) fresh = NULL;
  GtkWindow *window, *fresh_window;
  AtlasAreaLayer *layer = new_layer (fixture, FALSE, hidden, &window);
  AtlasAreaLayer *fresh_layer;
  guint workers = n_worker, fulls = n_full, n = 0;

  /* Thousands of outlines: the first image is drawn on a worker as well. */
  before = render_settled (layer);
  g_assert_cmpuint (n_worker, ==, workers + 1);
  workers = n_worker;

  for (guint l = 0; l < atlas_dataset_get_n_locations (fixture->dataset); l++)
    {
      if (atlas_dataset_get_location (fixture->dataset, l)->geometry != ATLAS_NONE && n++ % 4 == 0)
        gtk_bitset_add (hidden, l);
    }
  g_assert_cmpuint (n, >=, 2000);
  apply_state (fixture, layer, hidden);

  /* The frame right after the change shows the previous image. */
  waiting = render (layer);
  g_assert_cmpuint (n_full, ==, fulls + 1);
  g_assert_cmpuint (count_differences (waiting, before), ==, 0);

  atlas_test_wait_until (worker_done, GUINT_TO_POINTER (workers), 30,
                         "the worker thread to draw the outlines");
  swapped = render (layer);
  g_assert_cmpuint (n_worker, ==, workers + 1);
  destroy_window (window);

  fresh_layer = new_layer (fixture, FALSE, hidden, &fresh_window);
  fresh = render_settled (fresh_layer);
  destroy_window (fresh_window);

  g_assert_cmpuint (count_differences (before, fresh), >, 1000);
  g_assert_cmpuint (count_differences (swapped, fresh), ==, 0);
}

typedef struct
{
  guint paints;
  guint early;
} Watch;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Watch         *watch)
{
  watch->paints++;
}

static gboolean
painted_or_started (gpointer data)
{
  Watch *watch = data;

  return watch->paints > 0 || n_early > watch->early;
}

/* The same change in a window: the worker starts before the window's next
 * frame, so that it draws while the rest of the window takes the change in
 * (a filter change reaches every view, then the frame paints them all). */
static void
test_worker_early (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GtkBitset) hidden = gtk_bitset_new_empty ();
  g_autoptr(GBytes) before = NULL;
  GtkWindow *window;
  AtlasAreaLayer *layer = new_layer (fixture, FALSE, hidden, &window);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  Watch watch = { 0, 0 };
  guint n = 0;
  gulong handler;

  before = render_settled (layer);
  for (guint l = 0; l < atlas_dataset_get_n_locations (fixture->dataset); l++)
    {
      if (atlas_dataset_get_location (fixture->dataset, l)->geometry != ATLAS_NONE && n++ % 4 == 0)
        gtk_bitset_add (hidden, l);
    }

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &watch);
  watch.early = n_early;
  apply_state (fixture, layer, hidden);
  atlas_test_wait_until (painted_or_started, &watch, 30, "the worker to start, or a frame");
  g_assert_cmpuint (n_early, ==, watch.early + 1);
  g_assert_cmpuint (watch.paints, ==, 0);
  g_assert_true (layer->cache.rendering);
  g_signal_handler_disconnect (clock, handler);

  atlas_test_wait_until (not_rendering, layer, 30, "the worker thread to draw the outlines");
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (count_patches, NULL, NULL);

  dataset_path = g_getenv ("AREA_TEST_DATASET");
  g_assert_nonnull (dataset_path);
  large_dataset_path = g_getenv ("AREA_TEST_LARGE_DATASET");
  g_assert_nonnull (large_dataset_path);

  g_test_add ("/map/area-patch/playhead", Fixture, NULL, fixture_set_up, test_playhead,
              fixture_tear_down);
  g_test_add ("/map/area-patch/hidden", Fixture, NULL, fixture_set_up, test_hidden,
              fixture_tear_down);
  g_test_add ("/map/area-patch/choropleth", Fixture, NULL, fixture_set_up, test_choropleth,
              fixture_tear_down);
  g_test_add ("/map/area-patch/fading", Fixture, GUINT_TO_POINTER (10), fixture_set_up,
              test_fading, fixture_tear_down);
  g_test_add ("/map/area-patch/worker", Fixture, NULL, fixture_set_up_large, test_worker,
              fixture_tear_down);
  g_test_add ("/map/area-patch/worker-early", Fixture, NULL, fixture_set_up_large, test_worker_early,
              fixture_tear_down);

  return g_test_run ();
}
