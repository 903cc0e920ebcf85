/* test-timeline-screenshot.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "io/atlas-loader.h"
#include "timeline/atlas-timeline-canvas-private.h"
#include "timeline/atlas-timeline-private.h"
#include "window-test-helpers.h"

/* Renders the timeline on the bundled dataset to a PNG in the build directory
 * (timeline-light.png, timeline-dark.png) and checks what is on it: the sector
 * colours of the events' glyphs, and labels under the axis that stand out from
 * the background in both styles. */

#define WIDTH 1200
#define HEIGHT 150

typedef struct
{
  guchar *pixels;
  gsize stride;
  int width;
  int height;
} Image;

static void
image_clear (Image *image)
{
  g_clear_pointer (&image->pixels, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Image, image_clear)

static void
pixel (const Image *image,
       int          x,
       int          y,
       int          rgb[3])
{
  /* GDK_MEMORY_DEFAULT is B8G8R8A8 premultiplied; the window is opaque. */
  const guchar *p = image->pixels + y * image->stride + x * 4;

  rgb[0] = p[2];
  rgb[1] = p[1];
  rgb[2] = p[0];
}

static double
luminance (const int rgb[3])
{
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

static gboolean
is_laid_out (gpointer widget)
{
  return gtk_widget_get_width (widget) >= WIDTH / 2 && gtk_widget_get_mapped (widget);
}

/* Waits until @widget is shown and laid out at about its window's width,
 * and has been through two more frames (a change of style applies at the
 * next one). */
static void
wait_for_frames (GtkWidget *widget)
{
  atlas_test_wait_until (is_laid_out, widget, 20, "the timeline to be laid out");
  atlas_test_wait_frames (widget, 2);
}

/* Draws the timeline as GTK would, with the Cairo renderer, to a PNG. */
static void
render (GtkWindow  *window,
        const char *name,
        Image      *image)
{
  GtkWidget *timeline = gtk_window_get_child (window);
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  GdkRGBA background;
  int w = gtk_widget_get_width (timeline), h = gtk_widget_get_height (timeline);

  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);

  /* The window's background, then the timeline as GTK draws it. */
  gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (window)),
                                  "window_bg_color", &background);
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, w, h));
  for (GtkWidget *child = gtk_widget_get_first_child (timeline); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (timeline, child, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gsk_renderer_unrealize (renderer);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);

  image->width = gdk_texture_get_width (texture);
  image->height = gdk_texture_get_height (texture);
  image->stride = image->width * 4;
  image->pixels = g_malloc (image->stride * image->height);
  gdk_texture_download (texture, image->pixels, image->stride);
}

/* Counts the pixels of the canvas near a colour: glyphs drawn at 0.9 opacity
 * over the background stay within a few steps of their sector's colour. */
static guint
count_colour (const Image           *image,
              const graphene_rect_t *area,
              guint32                colour)
{
  int want[3] = { (colour >> 16) & 0xff, (colour >> 8) & 0xff, colour & 0xff };
  guint n = 0;

  for (int y = area->origin.y; y < area->origin.y + area->size.height; y++)
    for (int x = area->origin.x; x < area->origin.x + area->size.width; x++)
      {
        int rgb[3];

        pixel (image, x, y, rgb);
        if (abs (rgb[0] - want[0]) <= 28 && abs (rgb[1] - want[1]) <= 28 &&
            abs (rgb[2] - want[2]) <= 28)
          n++;
      }
  return n;
}

static void
check_image (const Image         *image,
             AtlasTimeline       *timeline,
             AtlasDataset        *dataset,
             gboolean             dark)
{
  AtlasTimelineCanvas *canvas = atlas_timeline_get_canvas (timeline);
  graphene_rect_t bounds, events, labels;
  g_autoptr(GHashTable) expected = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;
  double bg_lum, ink = 0, playhead_x;
  guint n_ink = 0, n_colours = 0;
  int bg[3];

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (canvas), GTK_WIDGET (timeline), &bounds));
  g_assert_cmpint (image->width, >=, bounds.origin.x + bounds.size.width);
  g_assert_cmpint (image->height, >=, bounds.origin.y + bounds.size.height);

  playhead_x = bounds.origin.x +
               atlas_time_scale_day_to_x (atlas_timeline_canvas_get_scale (canvas),
                                          atlas_playhead_get_day (canvas->playhead) + 0.5);
  graphene_rect_init (&events, bounds.origin.x, bounds.origin.y + ATLAS_TIMELINE_BRUSH_HEIGHT,
                      bounds.size.width,
                      atlas_timeline_canvas_get_axis_y (canvas) - ATLAS_TIMELINE_BRUSH_HEIGHT);
  graphene_rect_init (&labels, bounds.origin.x,
                      bounds.origin.y + atlas_timeline_canvas_get_axis_y (canvas) + 2,
                      bounds.size.width, ATLAS_TIMELINE_AXIS_HEIGHT - 4);

  /* Every sector with a one-day event (drawn as a solid dot) shows its colour. */
  for (guint e = 0; e < atlas_dataset_get_n_events (dataset); e++)
    {
      const AtlasEvent *ev = atlas_dataset_get_event (dataset, e);

      if (ev->precision == ATLAS_PRECISION_DAY && !ev->has_end)
        g_hash_table_add (expected, GUINT_TO_POINTER (atlas_dataset_get_event_color (dataset, e)));
    }
  g_assert_cmpuint (g_hash_table_size (expected), >=, 4);
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint32 colour = GPOINTER_TO_UINT (key);
      guint n = count_colour (image, &events, colour);

      g_test_message ("#%06x: %u pixels", colour, n);
      g_assert_cmpuint (n, >=, 8);
      n_colours++;
    }

  /* The axis labels: dark ink on light, light ink on dark, in both rows (tick
   * labels, then months or years), away from the playhead's date pill. */
  pixel (image, bounds.origin.x + 2,
         bounds.origin.y + atlas_timeline_canvas_get_axis_y (canvas) - 10, bg);
  bg_lum = luminance (bg);
  g_assert_true (dark ? bg_lum < 100 : bg_lum > 180);
  for (guint row = 0; row < 2; row++)
    {
      int top = labels.origin.y + (row == 0 ? 5 : 15);

      n_ink = 0;
      ink = 0;
      for (int y = top; y < top + 12; y++)
        for (int x = labels.origin.x; x < playhead_x - 100; x++)
          {
            int rgb[3];
            double l;

            pixel (image, x, y, rgb);
            l = luminance (rgb);
            if (fabs (l - bg_lum) > 60)
              {
                n_ink++;
                ink += l;
              }
          }
      g_test_message ("%u ink pixels in row %u under the axis", n_ink, row);
      g_assert_cmpuint (n_ink, >=, 100);
      /* Text contrasts with its background in the right direction. */
      if (dark)
        g_assert_cmpfloat (ink / n_ink, >, bg_lum);
      else
        g_assert_cmpfloat (ink / n_ink, <, bg_lum);
    }
}

static void
test_screenshot (void)
{
  g_autofree char *filename = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                     "chengdu-chongqing.atlas.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (filename);
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_loader_load_file (file, report, NULL, NULL, NULL, &error);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(AtlasSelection) selection = atlas_selection_new ();
  g_autoptr(AtlasPlayhead) playhead = atlas_playhead_new (filter);
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_auto(Image) light = { 0 };
  g_auto(Image) dark = { 0 };
  GtkWindow *window;
  AtlasTimeline *timeline;

  g_assert_no_error (error);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, WIDTH, HEIGHT);
  timeline = ATLAS_TIMELINE (atlas_timeline_new ());
  g_object_add_weak_pointer (G_OBJECT (timeline), (gpointer *) &timeline);
  atlas_timeline_set_models (timeline, filter, selection, playhead);
  gtk_window_set_child (window, GTK_WIDGET (timeline));
  atlas_selection_set_dataset (selection, dataset);
  atlas_filter_set_dataset (filter, dataset);
  gtk_window_present (window);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for_frames (GTK_WIDGET (timeline));
  render (window, "timeline-light.png", &light);
  check_image (&light, timeline, dataset, FALSE);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_frames (GTK_WIDGET (timeline));
  render (window, "timeline-dark.png", &dark);
  check_image (&dark, timeline, dataset, TRUE);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (window);
  atlas_test_wait_for_finalize (&timeline, "the timeline to be finalized with its window");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/timeline/screenshot", test_screenshot);

  return g_test_run ();
}
