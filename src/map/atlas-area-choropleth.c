/* atlas-area-choropleth.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The district choropleth of the area layer: its classes, its legend and its
 * fills.
 *
 * The fills follow the playhead, so they change many times a second while it
 * plays, and a large dataset has thousands of outlines on screen that do not
 * change with them. So the fills are not drawn with the outlines: each time the
 * layer's cached image is drawn afresh, the districts are drawn once more into
 * an image of ids (1 + the district, without antialiasing, the largest first
 * so that small districts stay on top); new colours are then one pass over its
 * pixels, looking each id's colour up. The outlines stroked over the fills hide
 * their unsmoothed edges.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-area-choropleth.h"
#include "atlas-map-style.h"

#include <glib/gi18n.h>

/* Light to dark (ColorBrewer YlOrRd), legible under the place markers. */
static const guint32 class_colors[ATLAS_AREA_N_CLASSES] = {
  0xfed976, 0xfeb24c, 0xfd8d3c, 0xf03b20, 0xbd0026
};
#define CLASS_ALPHA 0.55

/* The classes' least counts: 1, 2, 5, 10, 20 while the largest count is small,
 * spread over the 1-2-5 ladder up to it when it is large. They change only when
 * the largest count passes a step, so colours hold still while playing. */
void
atlas_area_choose_class_bounds (guint  max_count,
                                guint *bounds)
{
  guint ladder[30];
  guint n = 0, top = 0;

  for (guint64 decade = 1; n + 3 <= G_N_ELEMENTS (ladder) && decade <= G_MAXUINT32; decade *= 10)
    {
      ladder[n++] = (guint) decade;
      ladder[n++] = (guint) MIN (decade * 2, G_MAXUINT32);
      ladder[n++] = (guint) MIN (decade * 5, G_MAXUINT32);
    }
  while (top + 1 < n && ladder[top + 1] <= max_count)
    top++;
  top = MAX (top, ATLAS_AREA_N_CLASSES - 1);
  for (guint k = 0; k < ATLAS_AREA_N_CLASSES; k++)
    bounds[k] = ladder[(top * k + (ATLAS_AREA_N_CLASSES - 1) / 2) / (ATLAS_AREA_N_CLASSES - 1)];
}

/**
 * atlas_area_describe_class:
 * @bounds: the least count of each class
 * @klass: a class, from 1 to %ATLAS_AREA_N_CLASSES
 *
 * Returns: (transfer full): the counts the class covers, e.g. “5–9” or “20 or more”
 */
char *
atlas_area_describe_class (const guint *bounds,
                           guint        klass)
{
  guint low, high;

  g_return_val_if_fail (klass >= 1 && klass <= ATLAS_AREA_N_CLASSES, NULL);

  low = bounds[klass - 1];
  if (klass == ATLAS_AREA_N_CLASSES)
    /* Translators: a class of the district colours: this many events or more */
    return g_strdup_printf (_("%u or more"), low);
  high = bounds[klass] - 1;
  if (high == low)
    return g_strdup_printf ("%u", low);
  /* Translators: a class of the district colours: from this many events to that many */
  return g_strdup_printf (_("%u–%u"), low, high);
}

/* Alphas of a district's fill without a class: one a filter keeps, one it
 * leaves out. */
#define DISTRICT_ALPHA 0.06
#define DISTRICT_FADED_ALPHA 0.015

/**
 * atlas_area_district_fill:
 * @klass: the district's class, 0 for none
 * @faded: whether a filter leaves the district out
 * @dark: whether the map is dark
 *
 * Returns: the district's fill, premultiplied ARGB as in a cairo image
 */
guint32
atlas_area_district_fill (guint    klass,
                          gboolean faded,
                          gboolean dark)
{
  guint32 rgb = klass > 0 ? class_colors[klass - 1] : atlas_map_palette_get (dark)->area;
  double opacity = klass > 0 ? CLASS_ALPHA : faded ? DISTRICT_FADED_ALPHA : DISTRICT_ALPHA;
  guint alpha = (guint) (opacity * 255 + 0.5);
  guint32 argb = (guint32) alpha << 24;

  for (int shift = 0; shift <= 16; shift += 8)
    argb |= (((rgb >> shift) & 0xff) * alpha + 127) / 255 << shift;
  return argb;
}

/* The same fill as a cairo source, for drawing without the image of ids. */
void
atlas_area_set_district_source (cairo_t  *cr,
                                guint     klass,
                                gboolean  faded,
                                gboolean  dark)
{
  if (klass > 0)
    atlas_map_set_source_rgb (cr, class_colors[klass - 1], CLASS_ALPHA);
  else
    atlas_map_set_source_rgb (cr, atlas_map_palette_get (dark)->area,
                              faded ? DISTRICT_FADED_ALPHA : DISTRICT_ALPHA);
}

/* The legend of the classes, in the bottom left corner. */
void
atlas_area_draw_legend (GtkWidget   *widget,
                        GtkSnapshot *snapshot,
                        double       height,
                        gboolean     dark,
                        const guint *bounds)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, _("Events per district"));
  const AtlasMapPalette *palette = atlas_map_palette_get (dark);
  double x = 12, y, w = 150, h = 24 + 18 * ATLAS_AREA_N_CLASSES;
  cairo_t *cr;

  y = height - h - 44;   /* above the scale */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, y, w, h));
  atlas_map_set_source_rgb (cr, palette->halo, 0.88);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
  atlas_map_set_source_rgb (cr, palette->text, 1);
  cairo_move_to (cr, x + 8, y + 4);
  pango_cairo_show_layout (cr, layout);
  for (guint k = 1; k <= ATLAS_AREA_N_CLASSES; k++)
    {
      g_autofree char *text = atlas_area_describe_class (bounds, k);
      double row = y + 6 + 18 * k;

      atlas_map_set_source_rgb (cr, class_colors[k - 1], 0.85);
      cairo_rectangle (cr, x + 8, row + 2, 22, 13);
      cairo_fill (cr);
      pango_layout_set_text (layout, text, -1);
      atlas_map_set_source_rgb (cr, palette->text, 1);
      cairo_move_to (cr, x + 38, row);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_destroy (cr);
}

/**
 * atlas_area_foreach_ring:
 * @dataset: a dataset
 * @geometry: one of its geometries
 * @func: called with each ring's (or line's) points
 * @data: data for @func
 */
void
atlas_area_foreach_ring (AtlasDataset  *dataset,
                         guint          geometry,
                         AtlasRingFunc  func,
                         gpointer       data)
{
  const AtlasGeometry *g = atlas_dataset_get_geometry (dataset, geometry);

  for (guint r = 0; r < g->n_rings; r++)
    {
      const AtlasRing *ring = atlas_dataset_get_ring (dataset, g->first_ring + r);

      func (atlas_dataset_get_points (dataset, ring), ring->n_points, data);
    }
}

typedef struct
{
  AtlasMapPath *path;
  gboolean close;
} PathRings;

static void
add_ring_cb (const AtlasPoint *points,
             guint             n_points,
             gpointer          data)
{
  PathRings *rings = data;

  /* AtlasPoint is two doubles, lon then lat. */
  atlas_map_path_add_lon_lat (rings->path, (const double *) points, n_points, rings->close);
}

/* Every ring of a geometry into the path. */
void
atlas_area_add_geometry_path (AtlasMapPath *path,
                              AtlasDataset *dataset,
                              guint         geometry,
                              gboolean      close)
{
  PathRings rings = { path, close };

  atlas_area_foreach_ring (dataset, geometry, add_ring_cb, &rings);
}

void
atlas_area_fill_clear (AtlasAreaFill *self)
{
  g_clear_pointer (&self->ids, cairo_surface_destroy);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_pointer (&self->colors, g_free);
  g_clear_pointer (&self->boxes, g_free);
  self->n_colors = 0;
}

/* Where the district @id's path lies in the image of ids, in its pixels. */
static void
set_box (AtlasAreaFill *self,
         cairo_t       *cr,
         guint          id)
{
  int width = cairo_image_surface_get_width (self->ids);
  int height = cairo_image_surface_get_height (self->ids);
  double x0, y0, x1, y1, scale_x, scale_y;
  int left, top, right, bottom;

  cairo_fill_extents (cr, &x0, &y0, &x1, &y1);
  cairo_surface_get_device_scale (self->ids, &scale_x, &scale_y);
  left = CLAMP ((int) floor (x0 * scale_x), 0, width);
  top = CLAMP ((int) floor (y0 * scale_y), 0, height);
  right = CLAMP ((int) ceil (x1 * scale_x), 0, width);
  bottom = CLAMP ((int) ceil (y1 * scale_y), 0, height);
  self->boxes[id] = (cairo_rectangle_int_t) { left, top, right - left, bottom - top };
}

/* The districts' ids for the cache's image. An id is written as a colour of
 * whole steps (k / 255 for each byte), which cairo and pixman store exactly. */
static void
draw_ids (AtlasAreaFill *self,
          AtlasMapCache *cache,
          AtlasDataset  *dataset,
          const guint   *districts,
          guint          n_districts)
{
  AtlasMapProjection projection;
  AtlasMapPath path;
  cairo_t *cr;

  atlas_map_cache_get_projection (cache, &projection);
  g_clear_pointer (&self->ids, cairo_surface_destroy);
  self->ids = cairo_image_surface_create (CAIRO_FORMAT_RGB24, cache->image.width * cache->image.scale,
                                          cache->image.height * cache->image.scale);
  cairo_surface_set_device_scale (self->ids, cache->image.scale, cache->image.scale);
  self->generation = cache->generation;
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_free (self->boxes);
  self->boxes = g_new0 (cairo_rectangle_int_t, atlas_dataset_get_n_districts (dataset) + 1);

  cr = cairo_create (self->ids);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  atlas_map_path_init (&path, cr, &projection, 16);
  for (guint i = 0; i < n_districts; i++)
    {
      guint id = districts[i] + 1;

      cairo_new_path (cr);
      atlas_area_add_geometry_path (&path, dataset,
                                    atlas_dataset_get_district (dataset, districts[i])->geometry,
                                    TRUE);
      cairo_set_source_rgb (cr, (id >> 16 & 0xff) / 255.0, (id >> 8 & 0xff) / 255.0,
                            (id & 0xff) / 255.0);
      set_box (self, cr, id);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (self->ids);
}

/* Sets the pixels of @box whose id is @only (or any, for 0) to their colour. */
static void
paint_box (AtlasAreaFill               *self,
           const cairo_rectangle_int_t *box,
           guint32                      only)
{
  int id_stride = cairo_image_surface_get_stride (self->ids);
  int stride = cairo_image_surface_get_stride (self->surface);
  const guint8 *ids = cairo_image_surface_get_data (self->ids);
  guint8 *out = cairo_image_surface_get_data (self->surface);

  for (int y = box->y; y < box->y + box->height; y++)
    {
      const guint32 *in_row = (const guint32 *) (ids + (gsize) y * id_stride);
      guint32 *out_row = (guint32 *) (out + (gsize) y * stride);

      for (int x = box->x; x < box->x + box->width; x++)
        {
          guint32 id = in_row[x] & 0xffffff;

          if (only == 0)
            out_row[x] = id < self->n_colors ? self->colors[id] : 0;
          else if (id == only)
            out_row[x] = self->colors[id];
        }
    }
}

/* A new image of the fills: painted whole, or, when few districts changed
 * colour, the previous one copied and those districts painted again. */
static void
paint_colors (AtlasAreaFill *self,
              const guint32 *previous)
{
  int width = cairo_image_surface_get_width (self->ids);
  int height = cairo_image_surface_get_height (self->ids);
  cairo_surface_t *old = self->surface;
  double scale_x, scale_y, area = 0;

  for (guint id = 1; previous != NULL && id < self->n_colors; id++)
    {
      if (previous[id] != self->colors[id])
        area += (double) self->boxes[id].width * self->boxes[id].height;
    }

  self->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_surface_get_device_scale (self->ids, &scale_x, &scale_y);
  cairo_surface_set_device_scale (self->surface, scale_x, scale_y);
  cairo_surface_flush (self->surface);

  if (previous == NULL || old == NULL || area > 0.5 * width * height)
    {
      paint_box (self, &(cairo_rectangle_int_t) { 0, 0, width, height }, 0);
    }
  else
    {
      cairo_surface_flush (old);
      memcpy (cairo_image_surface_get_data (self->surface), cairo_image_surface_get_data (old),
              (gsize) cairo_image_surface_get_stride (old) * height);
      for (guint id = 1; id < self->n_colors; id++)
        {
          if (previous[id] != self->colors[id])
            paint_box (self, &self->boxes[id], id);
        }
    }
  cairo_surface_mark_dirty (self->surface);
  g_clear_pointer (&old, cairo_surface_destroy);
}

/**
 * atlas_area_fill_update:
 * @self: the fills
 * @cache: the area layer's cache, updated for this frame
 * @dataset: the dataset
 * @districts: (element-type guint): the districts with an outline, in the
 *   order to draw them
 * @colors: each district's fill, premultiplied ARGB, one for each district of
 *   the dataset
 *
 * Returns: (transfer none): the fills, aligned with the cache's image
 */
cairo_surface_t *
atlas_area_fill_update (AtlasAreaFill *self,
                        AtlasMapCache *cache,
                        AtlasDataset  *dataset,
                        GArray        *districts,
                        const guint32 *colors)
{
  guint n = atlas_dataset_get_n_districts (dataset) + 1;
  g_autofree guint32 *previous = NULL;

  if (self->ids == NULL || self->generation != cache->generation)
    draw_ids (self, cache, dataset, (const guint *) districts->data, districts->len);

  if (self->surface != NULL && self->n_colors == n &&
      memcmp (self->colors + 1, colors, sizeof (guint32) * (n - 1)) == 0)
    return self->surface;

  previous = self->surface != NULL && self->n_colors == n ? g_steal_pointer (&self->colors) : NULL;
  g_free (self->colors);
  self->colors = g_new (guint32, n);
  self->n_colors = n;
  self->colors[0] = 0;
  memcpy (self->colors + 1, colors, sizeof (guint32) * (n - 1));
  paint_colors (self, previous);
  return self->surface;
}
