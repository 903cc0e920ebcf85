/* test-basemap-render.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The offline base map rendered offscreen with GTK's cairo renderer at zoom 5
 * and 12 around Chongqing, in light and dark style: the Yangtze is drawn in
 * river blue where the data puts it at Chongqing (about 106.58° E, 29.56° N),
 * and land and background have their colours elsewhere. A step of the zoom
 * shows the previous image, scaled, until a worker thread has drawn the new
 * one, which is then what a fresh layer draws. The renderings are saved as PNG
 * in the test's build directory.
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "map/atlas-basemap-layer.h"
#include "map/atlas-map-projection.h"
#include "map/atlas-map-style.h"
#include "test-wait.h"

#define WIDTH 640
#define HEIGHT 480
#define CHONGQING_LON 106.58
#define CHONGQING_LAT 29.56

static guint n_worker;   /* images of the base map drawn on a worker thread */

static GLogWriterOutput
count_workers (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (strcmp (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
        n_worker += g_str_has_prefix (fields[i].value, "AtlasBasemapLayer: image drawn on a worker thread");
    }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

typedef struct
{
  guint8 *pixels;   /* B, G, R, A, premultiplied (cairo's ARGB32 in memory) */
  gsize stride;
  int width, height;
} Image;

static void
image_clear (Image *image)
{
  g_clear_pointer (&image->pixels, g_free);
}

static guint32
pixel_at (const Image *image,
          int          x,
          int          y)
{
  const guint8 *p = image->pixels + y * image->stride + 4 * x;

  g_assert_cmpint (p[3], ==, 255);
  return ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

static double
color_distance (guint32 a,
                guint32 b)
{
  int dr = (int) ((a >> 16) & 0xff) - (int) ((b >> 16) & 0xff);
  int dg = (int) ((a >> 8) & 0xff) - (int) ((b >> 8) & 0xff);
  int db = (int) (a & 0xff) - (int) (b & 0xff);

  return sqrt (dr * dr + dg * dg + db * db);
}

static gboolean
has_size (gpointer layer)
{
  return gtk_widget_get_width (layer) == WIDTH && gtk_widget_get_height (layer) == HEIGHT;
}

static gboolean
is_dark (gpointer data)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* Renders @layer's snapshot with a cairo renderer realized without a surface,
 * as the benchmark does, and keeps the pixels. */
static void
render (GtkWidget  *layer,
        const char *name,
        Image      *image)
{
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);

  GTK_WIDGET_GET_CLASS (layer)->snapshot (layer, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
  gsk_renderer_unrealize (renderer);

  path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  image->width = gdk_texture_get_width (texture);
  image->height = gdk_texture_get_height (texture);
  image->stride = 4 * image->width;
  image->pixels = g_malloc (image->stride * image->height);
  gdk_texture_download (texture, image->pixels, image->stride);
  g_assert_cmpint (image->width, ==, WIDTH);
  g_assert_cmpint (image->height, ==, HEIGHT);
}

/* The points of the Yangtze version drawn at @zoom, in widget pixels: all of
 * them in @points, and the one nearest to Chongqing's point. */
static void
yangtze_points (const AtlasMapProjection *projection,
                int                       zoom,
                GArray                   *points,
                double                   *nearest_km)
{
  AtlasBasemap *basemap = atlas_basemap_get_default ();
  double cx, cy;

  *nearest_km = G_MAXDOUBLE;
  atlas_mercator_from_lon_lat (CHONGQING_LON, CHONGQING_LAT, &cx, &cy);
  for (guint f = 0; f < atlas_basemap_get_n_features (basemap); f++)
    {
      const AtlasBasemapFeature *feature = atlas_basemap_get_feature (basemap, f);

      if (g_strcmp0 (feature->name,
                     "Yangtze River") != 0 || !atlas_basemap_feature_at_zoom (feature, zoom))
        continue;
      for (guint p = 0; p < feature->n_parts; p++)
        {
          const AtlasBasemapPart *part = atlas_basemap_get_part (basemap, feature->first_part + p);
          const float *xy = atlas_basemap_get_points (basemap, part);

          for (guint i = 0; i < part->n_points; i++)
            {
              /* Normalized units to kilometres at this latitude. */
              double km = hypot (xy[2 * i] - cx,
                                 xy[2 * i + 1] - cy) * 40075.0 * cos (CHONGQING_LAT * G_PI / 180);
              graphene_point_t point;
              double x, y;

              atlas_map_projection_to_widget (projection, xy[2 * i], xy[2 * i + 1], &x, &y);
              point.x = x;
              point.y = y;
              g_array_append_val (points, point);
              *nearest_km = MIN (*nearest_km, km);
            }
        }
    }
}

/* The colour closest to @color among the pixels within @radius of (x, y). */
static double
best_match_near (const Image *image,
                 double       x,
                 double       y,
                 int          radius,
                 guint32      color)
{
  double best = G_MAXDOUBLE;

  for (int dy = -radius; dy <= radius; dy++)
    {
      for (int dx = -radius; dx <= radius; dx++)
        {
          int px = (int) floor (x) + dx, py = (int) floor (y) + dy;

          if (px < 0 || py < 0 || px >= image->width || py >= image->height ||
              dx * dx + dy * dy > radius * radius)
            continue;
          best = MIN (best, color_distance (pixel_at (image, px, py), color));
        }
    }
  return best;
}

static double
fraction_near (const Image *image,
               guint32      color,
               double       tolerance)
{
  guint n = 0;

  for (int y = 0; y < image->height; y++)
    for (int x = 0; x < image->width; x++)
      n += color_distance (pixel_at (image, x, y), color) <= tolerance;
  return n / (double) (image->width * image->height);
}

static void
check_zoom (GtkWidget       *layer,
            ShumateViewport *viewport,
            int              zoom,
            gboolean         dark)
{
  const AtlasMapPalette *palette = atlas_map_palette_get (dark);
  g_autofree char *name = g_strdup_printf ("basemap-z%d-%s.png", zoom, dark ? "dark" : "light");
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
  AtlasMapProjection projection;
  Image image = { 0 };
  double nx, ny, cx, cy, nearest_km;
  guint near = 0, blue = 0;

  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), CHONGQING_LAT, CHONGQING_LON);
  g_assert_cmpint (atlas_basemap_layer_get_dark (ATLAS_BASEMAP_LAYER (layer)), ==, dark);
  render (layer, name, &image);

  atlas_map_projection_init (&projection, CHONGQING_LON, CHONGQING_LAT, zoom, 256, 0, WIDTH,
                             HEIGHT);

  /* The data puts the Yangtze within a kilometre or so of the point... */
  yangtze_points (&projection, zoom, points, &nearest_km);
  g_assert_cmpfloat (nearest_km, <, 1.5);

  /* ...and it is drawn there in river blue: at the river's points around
   * Chongqing (those under the city's label excepted), and close up right by
   * the point itself. */
  atlas_mercator_from_lon_lat (CHONGQING_LON, CHONGQING_LAT, &nx, &ny);
  atlas_map_projection_to_widget (&projection, nx, ny, &cx, &cy);
  for (guint i = 0; i < points->len; i++)
    {
      const graphene_point_t *point = &g_array_index (points, graphene_point_t, i);

      if (hypot (point->x - cx, point->y - cy) > (zoom >= 12 ? 200 : 40) ||
          point->x < 2 || point->y < 2 || point->x > WIDTH - 3 || point->y > HEIGHT - 3)
        continue;
      near++;
      blue += best_match_near (&image, point->x, point->y, 1, palette->water) < 45;
    }
  g_test_message ("zoom %d: %u of %u points of the Yangtze near Chongqing drawn blue", zoom, blue,
                  near);
  g_assert_cmpuint (near, >=, 3);
  g_assert_cmpuint (blue * 10, >=, near * 7);
  if (zoom >= 12)
    g_assert_cmpfloat (best_match_near (&image, cx, cy, 30, palette->water), <, 45);

  if (zoom == 5)
    {
      /* Zoomed out, the corners lie beyond the data: plain background. */
      g_assert_cmpuint (pixel_at (&image, 2, 2), ==, palette->background);
      g_assert_cmpuint (pixel_at (&image, WIDTH - 3, HEIGHT - 3), ==, palette->background);
      g_assert_cmpfloat (fraction_near (&image, palette->background, 1), >, 0.3);
      /* Sichuan and Chongqing are tinted. */
      g_assert_cmpfloat (fraction_near (&image, palette->province[0], 1) +
                         fraction_near (&image, palette->province[1], 1), >, 0.02);
    }
  else
    {
      /* Close up, most of the picture is Chongqing's land, not water. */
      double land = fraction_near (&image, palette->province[0], 1) +
                    fraction_near (&image, palette->province[1], 1);

      g_assert_cmpfloat (land, >, 0.5);
      g_assert_cmpfloat (fraction_near (&image, palette->water, 30), <, 0.2);
      g_assert_cmpfloat (fraction_near (&image, palette->water, 30), >, 0.005);
    }

  image_clear (&image);
}

static void
test_render (void)
{
  g_autoptr(ShumateViewport) viewport = shumate_viewport_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *layer;

  shumate_viewport_set_max_zoom_level (viewport, 20);
  layer = GTK_WIDGET (atlas_basemap_layer_new (viewport, atlas_basemap_get_default ()));
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), layer);
  gtk_window_present (GTK_WINDOW (window));
  atlas_test_wait_until (has_size, layer, 20, "the base map layer to be laid out");

  check_zoom (layer, viewport, 5, FALSE);
  check_zoom (layer, viewport, 12, FALSE);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  atlas_test_wait_until (is_dark, NULL, 10, "the dark style to apply");
  check_zoom (layer, viewport, 5, TRUE);
  check_zoom (layer, viewport, 12, TRUE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
worker_done (gpointer data)
{
  return n_worker > GPOINTER_TO_UINT (data);
}

static guint
count_differences (const Image *a,
                   const Image *b)
{
  guint n = 0;

  for (int y = 0; y < HEIGHT; y++)
    n += memcmp (a->pixels + y * a->stride, b->pixels + y * b->stride, 4 * WIDTH) != 0;
  return n;
}

/* A layer in a window of its own, at Chongqing and @zoom, laid out and drawn
 * once. */
static GtkWidget *
new_layer (ShumateViewport *viewport,
           int              zoom,
           GtkWindow      **window)
{
  GtkWidget *layer = GTK_WIDGET (atlas_basemap_layer_new (viewport, atlas_basemap_get_default ()));
  Image first = { 0 };

  shumate_viewport_set_max_zoom_level (viewport, 20);
  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), CHONGQING_LAT, CHONGQING_LON);
  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, WIDTH, HEIGHT);
  gtk_window_set_child (*window, layer);
  gtk_window_present (*window);
  atlas_test_wait_until (has_size, layer, 20, "the base map layer to be laid out");
  render (layer, "basemap-step-first.png", &first);
  image_clear (&first);
  return layer;
}

/* A step of the zoom: the next frame shows the previous image, scaled, while
 * a worker thread draws the new one; then the frame is a fresh layer's. */
static void
test_zoom_step (void)
{
  g_autoptr(ShumateViewport) viewport = shumate_viewport_new ();
  g_autoptr(ShumateViewport) fresh_viewport = shumate_viewport_new ();
  GtkWindow *window, *fresh_window;
  GtkWidget *layer = new_layer (viewport, 9, &window);
  GtkWidget *fresh_layer;
  Image waiting = { 0 }, swapped = { 0 }, fresh = { 0 };
  guint workers = n_worker;

  shumate_viewport_set_zoom_level (viewport, 10);
  render (layer, "basemap-step-waiting.png", &waiting);
  g_assert_cmpuint (n_worker, ==, workers);
  atlas_test_wait_until (worker_done, GUINT_TO_POINTER (workers), 20,
                         "the worker thread to draw the base map");
  render (layer, "basemap-step-swapped.png", &swapped);

  fresh_layer = new_layer (fresh_viewport, 10, &fresh_window);
  render (fresh_layer, "basemap-step-fresh.png", &fresh);
  g_assert_cmpuint (n_worker, ==, workers + 1);

  /* The scaled image is blurred: rows differ from a drawing at zoom 10. */
  g_assert_cmpuint (count_differences (&waiting, &fresh), >, HEIGHT / 2);
  g_assert_cmpuint (count_differences (&swapped, &fresh), ==, 0);

  image_clear (&waiting);
  image_clear (&swapped);
  image_clear (&fresh);
  gtk_window_destroy (fresh_window);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_log_set_writer_func (count_workers, NULL, NULL);

  g_test_add_func ("/map/basemap/render", test_render);
  g_test_add_func ("/map/basemap/zoom-step", test_zoom_step);

  return g_test_run ();
}
