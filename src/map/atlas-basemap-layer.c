/* atlas-basemap-layer.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The offline base map: province tints, lakes, rivers, boundaries and place
 * names from the bundled vector data, drawn under the tile layer. With no
 * network every tile fails and this is the map; online, tiles cover it.
 *
 * Each feature comes in versions simplified for ranges of zoom levels; only the
 * version for the current zoom is drawn, parts outside the widget are skipped by
 * their boxes, and AtlasMapPath drops what is off screen or under half a pixel.
 * Even so a whole-region view takes tens of milliseconds to draw, so the
 * result is kept as an image a margin larger than the view (AtlasMapCache).
 *
 * Names are not in that image: AtlasBasemapLabels places and draws them each
 * frame over it, clear of the place layer's markers and names.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "atlas-basemap-labels-private.h"
#include "atlas-basemap-layer-private.h"
#include "atlas-map-cache.h"
#include "atlas-map-path.h"
#include "atlas-map-style.h"
#include "atlas-place-layer-private.h"

struct _AtlasBasemapLayer
{
  ShumateLayer parent_instance;

  AtlasBasemap *basemap;
  AtlasBasemapLabels *labels; /* NULL without a base map */

  /* The base map around the view, drawn once and copied while panning. */
  AtlasMapCache cache;
  gboolean drawing_dark;

  AtlasPlaceLayer *places;    /* weak */
  char *description;
};

G_DEFINE_FINAL_TYPE (AtlasBasemapLayer, atlas_basemap_layer, SHUMATE_TYPE_LAYER)

/* Widths in pixels grow with the zoom level, between a value at zoom 5 and one
 * at zoom 14, so lines stay thin on the overview and visible close up. */
static double
zoom_width (double zoom,
            double at_5,
            double at_14)
{
  double t = CLAMP ((zoom - 5.0) / 9.0, 0.0, 1.0);

  return at_5 + (at_14 - at_5) * t;
}

static gboolean
part_visible (const AtlasBasemapPart *part,
              double                  x0,
              double                  y0,
              double                  x1,
              double                  y1)
{
  return part->n_points > 0 && part->max_x >= x0 && part->min_x <= x1 &&
         part->max_y >= y0 && part->min_y <= y1;
}

typedef struct
{
  cairo_t *cr;
  AtlasMapProjection projection;
  AtlasMapPath path;
  int zoom;
  double x0, y0, x1, y1;      /* visible normalized box */
  const AtlasMapPalette *palette;
} Frame;

/* Adds the parts of every feature of @kind (and, for rivers, @width_class) that
 * are to be drawn at this zoom to the current path. */
static guint
add_features (AtlasBasemap      *basemap,
              Frame             *frame,
              AtlasBasemapKind   kind,
              int                width_class,
              gboolean           close)
{
  guint n_added = 0;

  for (guint f = 0; f < atlas_basemap_get_n_features (basemap); f++)
    {
      const AtlasBasemapFeature *feature = atlas_basemap_get_feature (basemap, f);

      if (feature->kind != kind || !atlas_basemap_feature_at_zoom (feature, frame->zoom))
        continue;
      if (width_class >= 0 && feature->width_class != width_class)
        continue;
      if (feature->max_x < frame->x0 || feature->min_x > frame->x1 ||
          feature->max_y < frame->y0 || feature->min_y > frame->y1)
        continue;

      for (guint p = 0; p < feature->n_parts; p++)
        {
          const AtlasBasemapPart *part = atlas_basemap_get_part (basemap,
                                                                 feature->first_part + p);

          if (!part_visible (part, frame->x0, frame->y0, frame->x1, frame->y1))
            continue;
          atlas_map_path_add_floats (&frame->path, atlas_basemap_get_points (basemap, part),
                                     part->n_points, close);
          n_added++;
        }
    }

  return n_added;
}

static void
stroke_features (AtlasBasemap      *basemap,
                 Frame             *frame,
                 AtlasBasemapKind   kind,
                 int                width_class,
                 guint32            color,
                 double             alpha,
                 double             width,
                 const double      *dashes,
                 int                n_dashes)
{
  cairo_new_path (frame->cr);
  if (add_features (basemap, frame, kind, width_class, FALSE) == 0)
    return;

  atlas_map_set_source_rgb (frame->cr, color, alpha);
  cairo_set_line_width (frame->cr, width);
  cairo_set_dash (frame->cr, dashes, n_dashes, 0);
  cairo_stroke (frame->cr);
  cairo_set_dash (frame->cr, NULL, 0, 0);
}

static void
draw_areas (AtlasBasemap      *basemap,
            Frame             *frame)
{
  guint province = 0;

  /* Each province its own tint, so the two at the heart of the map stand out
   * from their neighbours (which have no area and keep the background). */
  for (guint f = 0; f < atlas_basemap_get_n_features (basemap); f++)
    {
      const AtlasBasemapFeature *feature = atlas_basemap_get_feature (basemap, f);

      if (feature->kind != ATLAS_BASEMAP_PROVINCE_AREA ||
          !atlas_basemap_feature_at_zoom (feature, frame->zoom))
        continue;

      cairo_new_path (frame->cr);
      for (guint p = 0; p < feature->n_parts; p++)
        {
          const AtlasBasemapPart *part = atlas_basemap_get_part (basemap,
                                                                 feature->first_part + p);

          if (part_visible (part, frame->x0, frame->y0, frame->x1, frame->y1))
            atlas_map_path_add_floats (&frame->path, atlas_basemap_get_points (basemap, part),
                                       part->n_points, TRUE);
        }
      atlas_map_set_source_rgb (frame->cr, frame->palette->province[province++ % 2], 1.0);
      cairo_fill (frame->cr);
    }

  cairo_new_path (frame->cr);
  if (add_features (basemap, frame, ATLAS_BASEMAP_LAKE, -1, TRUE) > 0)
    {
      atlas_map_set_source_rgb (frame->cr, frame->palette->water, 0.75);
      cairo_fill_preserve (frame->cr);
      atlas_map_set_source_rgb (frame->cr, frame->palette->water_outline, 1.0);
      cairo_set_line_width (frame->cr, 0.8);
      cairo_stroke (frame->cr);
    }
}

static void
draw_rivers (AtlasBasemap      *basemap,
             Frame             *frame)
{
  double zoom = frame->projection.zoom;
  double main_width = zoom_width (zoom, 1.6, 7.0);
  /* Relative widths of width classes 0 (brooks) to 3 (the Yangtze and the
   * large tributaries). */
  static const double factor[] = { 0.28, 0.42, 0.62, 1.0 };
  static const double minimum[] = { 0.5, 0.7, 0.9, 1.4 };

  cairo_set_line_cap (frame->cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (frame->cr, CAIRO_LINE_JOIN_ROUND);
  for (int w = 0; w <= 3; w++)
    stroke_features (basemap, frame, ATLAS_BASEMAP_RIVER, w, frame->palette->water, w == 0 ? 0.7 : 1.0,
                     MAX (main_width * factor[w], minimum[w]), NULL, 0);
  cairo_set_line_cap (frame->cr, CAIRO_LINE_CAP_BUTT);
}

/* A province's or the nation's boundary, the higher ones on the map. */
typedef struct
{
  AtlasBasemapKind kind;
  guint32 color;
  double width;
  double plain_alpha;     /* zoomed out, drawn plain */
  double band_alpha;      /* closer, the faint band under the dashes */
  const double *dashes;
  int n_dashes;
} Boundary;

/* Zoomed out, dashes on detailed boundaries turn to noise: draw them plain.
 * Closer, a wide faint band under the dashes, as on printed maps. */
static void
stroke_boundary (AtlasBasemap      *basemap,
                 Frame             *frame,
                 const Boundary    *boundary)
{
  if (frame->projection.zoom < 7)
    {
      stroke_features (basemap, frame, boundary->kind, -1, boundary->color, boundary->plain_alpha,
                       boundary->width * 0.8, NULL, 0);
      return;
    }
  stroke_features (basemap, frame, boundary->kind, -1, boundary->color, boundary->band_alpha,
                   boundary->width * 3.5, NULL, 0);
  stroke_features (basemap, frame, boundary->kind, -1, boundary->color, 1.0, boundary->width,
                   boundary->dashes, boundary->n_dashes);
}

static void
draw_borders (AtlasBasemap      *basemap,
              Frame             *frame)
{
  const AtlasMapPalette *palette = frame->palette;
  double zoom = frame->projection.zoom;
  double district = zoom_width (zoom, 0.7, 1.3);
  double prefecture = zoom_width (zoom, 0.9, 1.8);
  double province = zoom_width (zoom, 1.4, 2.8);
  const double district_dash[] = { 1.0, 2.6 };
  const double prefecture_dash[] = { 5.0, 3.0 };
  static const double province_dash[] = { 8.0, 3.0, 2.0, 3.0 };
  static const double national_dash[] = { 10.0, 3.0, 2.0, 3.0, 2.0, 3.0 };
  const Boundary boundaries[] = {
    { ATLAS_BASEMAP_PROVINCE_BORDER, palette->province_border, province, 0.9, 0.16,
      province_dash, G_N_ELEMENTS (province_dash) },
    { ATLAS_BASEMAP_NATIONAL_BORDER, palette->national_border, zoom_width (zoom, 1.8, 3.4), 1.0,
      0.18, national_dash, G_N_ELEMENTS (national_dash) },
  };

  /* Bevel joins: round ones on thousands of border vertices cost more than
   * everything else together, and look no different on thin lines. */
  cairo_set_line_join (frame->cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_cap (frame->cr, CAIRO_LINE_CAP_ROUND);
  stroke_features (basemap, frame, ATLAS_BASEMAP_DISTRICT_BORDER, -1, palette->district_border, 1.0,
                   district, district_dash, G_N_ELEMENTS (district_dash));
  cairo_set_line_cap (frame->cr, CAIRO_LINE_CAP_BUTT);
  stroke_features (basemap, frame, ATLAS_BASEMAP_PREFECTURE_BORDER, -1, palette->prefecture_border,
                   1.0, prefecture, prefecture_dash, G_N_ELEMENTS (prefecture_dash));
  for (guint i = 0; i < G_N_ELEMENTS (boundaries); i++)
    stroke_boundary (basemap, frame, &boundaries[i]);
  stroke_features (basemap, frame, ATLAS_BASEMAP_COAST, -1, palette->water_outline, 1.0, province,
                   NULL, 0);
}

/* Draws the whole base map for @projection, background included. */
static void
draw_map (AtlasBasemap             *basemap,
          cairo_t                  *cr,
          const AtlasMapProjection *projection,
          const AtlasMapPalette    *palette)
{
  Frame frame = { 0 };

  frame.cr = cr;
  frame.projection = *projection;
  frame.palette = palette;
  atlas_map_set_source_rgb (cr, palette->background, 1.0);
  cairo_paint (cr);

  if (basemap == NULL)
    return;

  /* Versions are made for whole zoom levels; between two, the coarser one. */
  frame.zoom = (int) floor (frame.projection.zoom + 1e-6);
  atlas_map_projection_get_bounds (&frame.projection, 16, &frame.x0, &frame.y0, &frame.x1,
                                   &frame.y1);
  atlas_map_path_init (&frame.path, cr, &frame.projection, 16);

  draw_areas (basemap, &frame);
  draw_rivers (basemap, &frame);
  draw_borders (basemap, &frame);
}

/* What the base map's image is drawn from, in a frame or on a worker thread:
 * the base map itself is immutable. */
typedef struct
{
  AtlasBasemap *basemap;
  gboolean dark;
} Drawing;

static Drawing *
drawing_new (AtlasBasemapLayer *self)
{
  Drawing *drawing = g_new (Drawing, 1);

  drawing->basemap = atlas_basemap_ref (self->basemap);
  drawing->dark = self->drawing_dark;
  return drawing;
}

static void
drawing_free (Drawing *drawing)
{
  atlas_basemap_unref (drawing->basemap);
  g_free (drawing);
}

static void
draw_map_cb (cairo_t                  *cr,
             const AtlasMapProjection *projection,
             gpointer                  user_data)
{
  Drawing *drawing = user_data;

  draw_map (drawing->basemap, cr, projection, atlas_map_palette_get (drawing->dark));
}

/* Tells assistive technologies which names the map shows. */
static void
update_description (AtlasBasemapLayer *self)
{
  g_autofree char *description = atlas_basemap_labels_describe (self->labels);

  if (g_strcmp0 (description, self->description) == 0)
    return;

  g_free (self->description);
  self->description = g_steal_pointer (&description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
}

/* Places and draws the names, over the map drawn so far. */
static void
draw_labels (AtlasBasemapLayer        *self,
             cairo_t                  *cr,
             const AtlasMapProjection *projection)
{
  const AtlasLabelPlacer *taken = NULL;

  if (self->places != NULL)
    taken = atlas_place_layer_get_label_placer (self->places);
  atlas_basemap_labels_draw (self->labels, cr, projection, self->drawing_dark, taken);
  update_description (self);
}

static void
atlas_basemap_layer_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  AtlasBasemapLayer *self = ATLAS_BASEMAP_LAYER (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  AtlasMapProjection projection;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  self->drawing_dark = atlas_map_widget_is_dark (widget);
  atlas_map_projection_init_from_viewport (&projection,
                                           shumate_layer_get_viewport (SHUMATE_LAYER (self)),
                                           width, height);
  /* The names go in the same cairo node as the map: renderers draw a second
   * node the size of the map into an image of its own, every frame. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->basemap != NULL && projection.rotation == 0 &&
      !atlas_map_cache_fits (&self->cache, &projection, self->drawing_dark) &&
      atlas_map_cache_can_wait (&self->cache, &projection))
    {
      /* Drawn afresh on a worker; the previous image, scaled if need be,
       * shows until then. */
      atlas_map_cache_render_apart (&self->cache, &projection, self->drawing_dark, draw_map_cb,
                                    NULL, drawing_new (self), (GDestroyNotify) drawing_free);
      atlas_map_cache_paint (&self->cache, cr, &projection, self->cache.image.surface);
    }
  else
    {
      Drawing drawing = { self->basemap, self->drawing_dark };

      atlas_map_cache_draw (&self->cache, cr, &projection, self->drawing_dark, draw_map_cb, &drawing);
    }
  if (self->labels != NULL)
    draw_labels (self, cr, &projection);
  cairo_destroy (cr);
}

static void
atlas_basemap_layer_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  AtlasBasemapLayer *self = ATLAS_BASEMAP_LAYER (widget);

  GTK_WIDGET_CLASS (atlas_basemap_layer_parent_class)->css_changed (widget, change);

  /* Fonts or colours may have changed. */
  if (self->labels != NULL)
    atlas_basemap_labels_forget_sprites (self->labels);
  atlas_map_cache_invalidate (&self->cache);
  gtk_widget_queue_draw (widget);
}

/* The viewport moved, or the place layer's labels changed: names go elsewhere. */
static void
on_viewport_notify_cb (AtlasBasemapLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
atlas_basemap_layer_constructed (GObject *object)
{
  AtlasBasemapLayer *self = ATLAS_BASEMAP_LAYER (object);

  G_OBJECT_CLASS (atlas_basemap_layer_parent_class)->constructed (object);

  /* ShumateLayer does not redraw when the viewport moves. */
  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (on_viewport_notify_cb), self, G_CONNECT_SWAPPED);
}

static void
atlas_basemap_layer_dispose (GObject *object)
{
  AtlasBasemapLayer *self = ATLAS_BASEMAP_LAYER (object);

  atlas_map_cache_clear (&self->cache);
  g_clear_pointer (&self->labels, atlas_basemap_labels_free);
  g_clear_pointer (&self->basemap, atlas_basemap_unref);
  g_clear_pointer (&self->description, g_free);
  g_clear_weak_pointer (&self->places);

  G_OBJECT_CLASS (atlas_basemap_layer_parent_class)->dispose (object);
}

static void
atlas_basemap_layer_class_init (AtlasBasemapLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_basemap_layer_constructed;
  object_class->dispose = atlas_basemap_layer_dispose;
  widget_class->snapshot = atlas_basemap_layer_snapshot;
  widget_class->css_changed = atlas_basemap_layer_css_changed;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
atlas_basemap_layer_init (AtlasBasemapLayer *self)
{
  atlas_map_cache_init (&self->cache, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Base map"), -1);
}

/**
 * atlas_basemap_layer_new:
 * @viewport: the map's viewport
 * @basemap: (nullable): the base map to draw; %NULL draws the background only
 *
 * Returns: (transfer floating): a new layer
 */
AtlasBasemapLayer *
atlas_basemap_layer_new (ShumateViewport *viewport,
                         AtlasBasemap    *basemap)
{
  AtlasBasemapLayer *self;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  self = g_object_new (ATLAS_TYPE_BASEMAP_LAYER, "viewport", viewport, NULL);
  if (basemap != NULL)
    {
      self->basemap = atlas_basemap_ref (basemap);
      self->labels = atlas_basemap_labels_new (GTK_WIDGET (self), basemap);
    }
  return self;
}

/**
 * atlas_basemap_layer_set_covering_dataset:
 * @self: a layer
 * @dataset: (nullable): the dataset whose places are drawn over the base map
 *
 * Where the place layer labels a place of the dataset, the base map leaves
 * out its own label with the same name (English or Chinese), such as a city's.
 */
void
atlas_basemap_layer_set_covering_dataset (AtlasBasemapLayer *self,
                                          AtlasDataset      *dataset)
{
  g_return_if_fail (ATLAS_IS_BASEMAP_LAYER (self));
  g_return_if_fail (dataset == NULL || ATLAS_IS_DATASET (dataset));

  if (self->labels != NULL)
    atlas_basemap_labels_set_dataset (self->labels, dataset);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_basemap_layer_set_place_layer:
 * @self: a layer
 * @places: (nullable): the layer of places drawn over the base map
 *
 * The base map's names are placed clear of the markers, clusters and names of
 * @places, and give way to them.
 */
void
atlas_basemap_layer_set_place_layer (AtlasBasemapLayer *self,
                                     AtlasPlaceLayer   *places)
{
  g_return_if_fail (ATLAS_IS_BASEMAP_LAYER (self));
  g_return_if_fail (places == NULL || ATLAS_IS_PLACE_LAYER (places));

  if (self->places == places)
    return;

  if (self->places != NULL)
    g_signal_handlers_disconnect_by_func (self->places, on_viewport_notify_cb, self);
  g_set_weak_pointer (&self->places, places);
  if (places != NULL)
    g_signal_connect_object (places, "labels-changed", G_CALLBACK (on_viewport_notify_cb), self,
                             G_CONNECT_SWAPPED);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* For tests: the boxes placed in the last frame, the place layer's included. */
const AtlasLabelPlacer *
atlas_basemap_layer_get_label_placer (AtlasBasemapLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP_LAYER (self), NULL);

  return self->labels != NULL ? atlas_basemap_labels_get_placer (self->labels) : NULL;
}

/**
 * atlas_basemap_layer_get_dark:
 * @self: a layer
 *
 * Returns: whether the layer draws its dark style
 */
gboolean
atlas_basemap_layer_get_dark (AtlasBasemapLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP_LAYER (self), FALSE);

  return atlas_map_widget_is_dark (GTK_WIDGET (self));
}
