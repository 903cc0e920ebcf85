/* atlas-area-layer.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Areas and routes of the dataset in one layer: district outlines, the outlines
 * of zoned places (new areas, zones, science cities) and route lines, drawn in
 * one snapshot() under the places. Outlines marked approximate are dashed, so a
 * hand-drawn boundary never passes for a surveyed one.
 *
 * Geometries are projected to normalized Web Mercator once per dataset; a frame
 * skips those whose box is off screen.
 *
 * As a choropleth, each district is filled by the number of visible events at
 * its places in the playhead's time (up to it, or within its window), in five
 * classes on a 1-2-5 ladder. The counts come from the per-place counts the
 * playhead keeps anyway, so a change costs one pass over the places, never one
 * over the events.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-area-layer.h"
#include "atlas-map-cache.h"
#include "atlas-map-path.h"
#include "atlas-map-projection.h"
#include "atlas-map-style.h"

#include <glib/gi18n.h>

/* How close to a route a click must be, in pixels. */
#define LINE_HIT_DISTANCE 6.0
/* Above this many places with outlines on screen, they are drawn plainly. */
#define DENSE_SHAPES 400

typedef struct
{
  guint geometry;
  gboolean is_district;
  guint owner;                /* district or location index */
  gboolean approximate;
  gboolean is_line;
  double min_x, min_y, max_x, max_y;   /* normalized box */
} Shape;

struct _AtlasAreaLayer
{
  ShumateLayer parent_instance;

  AtlasDataset *dataset;
  GArray *shapes;             /* Shape: districts first, then places by area, largest first */
  guint8 *location_visible;
  guint8 *district_in_filter;
  guint32 *counts;
  guint selected_location;
  guint selected_district;

  gboolean choropleth;
  guint32 *district_counts;   /* choropleth: visible events at each district's places */
  guint8 *district_class;     /* 0 for none, else 1 to ATLAS_AREA_N_CLASSES */
  guint class_bounds[ATLAS_AREA_N_CLASSES];   /* the least count of each class */

  AtlasMapCache cache;
  guint version;              /* of what the cache shows */
  gboolean drawing_dark;
};

G_DEFINE_FINAL_TYPE (AtlasAreaLayer, atlas_area_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_CHOROPLETH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Light to dark (ColorBrewer YlOrRd), legible under the place markers. */
static const guint32 class_colors[ATLAS_AREA_N_CLASSES] = {
  0xfed976, 0xfeb24c, 0xfd8d3c, 0xf03b20, 0xbd0026
};
#define CLASS_ALPHA 0.55

/* The classes' least counts: 1, 2, 5, 10, 20 while the largest count is small,
 * spread over the 1-2-5 ladder up to it when it is large. They change only when
 * the largest count passes a step, so colours hold still while playing. */
static void
choose_class_bounds (guint  max_count,
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

static void
update_choropleth (AtlasAreaLayer *self)
{
  guint n_districts, n_locations, max_count = 0;

  if (!self->choropleth || self->dataset == NULL)
    return;

  n_districts = atlas_dataset_get_n_districts (self->dataset);
  n_locations = atlas_dataset_get_n_locations (self->dataset);
  memset (self->district_counts, 0, sizeof (guint32) * MAX (n_districts, 1));
  for (guint l = 0; l < n_locations && self->counts != NULL; l++)
    {
      guint district = atlas_dataset_get_location (self->dataset, l)->district;

      if (self->location_visible[l] && district < n_districts)
        self->district_counts[district] += self->counts[l];
    }
  for (guint d = 0; d < n_districts; d++)
    max_count = MAX (max_count, self->district_counts[d]);

  choose_class_bounds (max_count, self->class_bounds);
  for (guint d = 0; d < n_districts; d++)
    {
      guint k = 0;

      while (k < ATLAS_AREA_N_CLASSES && self->district_counts[d] >= self->class_bounds[k])
        k++;
      self->district_class[d] = self->district_in_filter[d] ? k : 0;
    }
}

/**
 * atlas_area_layer_describe_class:
 * @self: a layer
 * @klass: a class, from 1 to %ATLAS_AREA_N_CLASSES
 *
 * Returns: (transfer full): the counts the class covers, e.g. “5–9” or “20 or more”
 */
char *
atlas_area_layer_describe_class (AtlasAreaLayer *self,
                                 guint           klass)
{
  guint low, high;

  g_return_val_if_fail (ATLAS_IS_AREA_LAYER (self), NULL);
  g_return_val_if_fail (klass >= 1 && klass <= ATLAS_AREA_N_CLASSES, NULL);

  low = self->class_bounds[klass - 1];
  if (klass == ATLAS_AREA_N_CLASSES)
    /* Translators: a class of the district colours: this many events or more */
    return g_strdup_printf (_("%u or more"), low);
  high = self->class_bounds[klass] - 1;
  if (high == low)
    return g_strdup_printf ("%u", low);
  /* Translators: a class of the district colours: from this many events to that many */
  return g_strdup_printf (_("%u–%u"), low, high);
}

/* The legend of the classes, in the bottom left corner. */
static void
draw_legend (AtlasAreaLayer *self,
             GtkSnapshot    *snapshot,
             double          height)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), _("Events per district"));
  const AtlasMapPalette *palette = atlas_map_palette_get (self->drawing_dark);
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
      g_autofree char *text = atlas_area_layer_describe_class (self, k);
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

static int
compare_shapes (gconstpointer a,
                gconstpointer b)
{
  const Shape *sa = a, *sb = b;
  double area_a = (sa->max_x - sa->min_x) * (sa->max_y - sa->min_y);
  double area_b = (sb->max_x - sb->min_x) * (sb->max_y - sb->min_y);

  if (sa->is_district != sb->is_district)
    return sa->is_district ? -1 : 1;
  if (sa->is_line != sb->is_line)
    return sa->is_line ? 1 : -1;
  if (area_a != area_b)
    return area_a > area_b ? -1 : 1;
  return sa->owner < sb->owner ? -1 : (sa->owner > sb->owner);
}

static void
add_shape (AtlasAreaLayer *self,
           guint           geometry,
           gboolean        is_district,
           guint           owner,
           gboolean        approximate)
{
  const AtlasGeometry *g = atlas_dataset_get_geometry (self->dataset, geometry);
  Shape shape = { geometry, is_district, owner, approximate };

  shape.is_line = g->type == ATLAS_GEOMETRY_LINE_STRING ||
                  g->type == ATLAS_GEOMETRY_MULTI_LINE_STRING;
  atlas_mercator_from_lon_lat (g->min_lon, g->max_lat, &shape.min_x, &shape.min_y);
  atlas_mercator_from_lon_lat (g->max_lon, g->min_lat, &shape.max_x, &shape.max_y);
  g_array_append_val (self->shapes, shape);
}

static gboolean
location_faded (AtlasAreaLayer *self,
                guint           location)
{
  return self->counts != NULL && self->counts[location] == 0;
}

static void
add_geometry_path (AtlasAreaLayer *self,
                   AtlasMapPath   *path,
                   const Shape    *shape)
{
  const AtlasGeometry *g = atlas_dataset_get_geometry (self->dataset, shape->geometry);

  for (guint r = 0; r < g->n_rings; r++)
    {
      const AtlasRing *ring = atlas_dataset_get_ring (self->dataset, g->first_ring + r);
      const AtlasPoint *points = atlas_dataset_get_points (self->dataset, ring);

      /* AtlasPoint is two doubles, lon then lat. */
      atlas_map_path_add_lon_lat (path, (const double *) points, ring->n_points, !shape->is_line);
    }
}

static guint32
shape_color (AtlasAreaLayer        *self,
             const AtlasMapPalette *palette,
             const Shape           *shape)
{
  guint n;
  const guint32 *sectors = atlas_dataset_location_sectors (self->dataset, shape->owner, &n);

  return n > 0 ? atlas_dataset_get_sector (self->dataset, sectors[0])->color : palette->no_sector;
}

static void
draw_shape (AtlasAreaLayer        *self,
            cairo_t               *cr,
            AtlasMapPath          *path,
            const AtlasMapPalette *palette,
            const Shape           *shape,
            gboolean               selected)
{
  const double dashes[] = { 7.0, 4.0 };
  gboolean faded;
  guint32 color;

  if (shape->is_district)
    {
      faded = !self->district_in_filter[shape->owner];
      color = selected ? palette->selection : palette->area;
    }
  else
    {
      faded = !selected && location_faded (self, shape->owner);
      color = shape_color (self, palette, shape);
    }

  cairo_new_path (cr);
  add_geometry_path (self, path, shape);

  if (shape->is_line)
    {
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      if (selected)
        {
          atlas_map_set_source_rgb (cr, palette->selection, 0.35);
          cairo_set_line_width (cr, 11.0);
          cairo_stroke_preserve (cr);
        }
      /* A light casing under the line keeps it apart from rivers and borders. */
      atlas_map_set_source_rgb (cr, palette->marker_outline, faded ? 0.4 : 0.85);
      cairo_set_line_width (cr, selected ? 7.5 : 6.0);
      cairo_stroke_preserve (cr);
      if (shape->approximate)
        cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      atlas_map_set_source_rgb (cr, color, faded ? 0.45 : 1.0);
      cairo_set_line_width (cr, selected ? 4.5 : 3.5);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      return;
    }

  /* A selected area is drawn over its plain self (from the cache): its fill
   * adds to the plain one. */
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  if (shape->is_district && self->choropleth && self->district_class[shape->owner] > 0 && !selected)
    atlas_map_set_source_rgb (cr, class_colors[self->district_class[shape->owner] - 1], CLASS_ALPHA);
  else if (shape->is_district)
    atlas_map_set_source_rgb (cr, color, selected ? 0.12 : faded ? 0.015 : 0.06);
  else
    atlas_map_set_source_rgb (cr, color, selected ? 0.16 : faded ? 0.06 : 0.16);
  cairo_fill_preserve (cr);

  if (shape->approximate)
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  if (selected)
    cairo_set_line_width (cr, 3.0);
  else
    cairo_set_line_width (cr, shape->is_district ? 1.5 : 2.0);
  atlas_map_set_source_rgb (cr, color, selected ? 1.0 : faded ? 0.3 : 0.85);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* Many places with outlines on screen (a large dataset zoomed out): they are
 * small there, so they are drawn plainly, in one path per colour, and cairo
 * fills and strokes a few dozen paths instead of thousands, with its faster,
 * coarser antialiasing (CAIRO_ANTIALIAS_FAST), which cannot be told apart on
 * outlines a few pixels across. Measured with atlas-bench --parts map at 1M
 * events (about 6,100 outlines on screen), a full redraw took 184 ms with the
 * default antialiasing and 74 ms with the fast one. */
static void
draw_dense (AtlasAreaLayer        *self,
            cairo_t               *cr,
            AtlasMapPath          *path,
            const AtlasMapPalette *palette,
            GPtrArray             *shapes)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (NULL, NULL, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);

  for (guint i = 0; i < shapes->len; i++)
    {
      const Shape *shape = g_ptr_array_index (shapes, i);
      /* Colour, then whether faded, then whether a line. */
      guint32 group = shape_color (self, palette, shape) |
                      ((guint32) location_faded (self, shape->owner) << 24) |
                      ((guint32) shape->is_line << 25);
      GPtrArray *members = g_hash_table_lookup (groups, GUINT_TO_POINTER (group));

      if (members == NULL)
        {
          members = g_ptr_array_new ();
          g_hash_table_insert (groups, GUINT_TO_POINTER (group), members);
        }
      g_ptr_array_add (members, (gpointer) shape);
    }

  /* Areas first, lines over them, as in the detailed drawing. */
  for (int lines = 0; lines <= 1; lines++)
    {
      g_hash_table_iter_init (&iter, groups);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          guint32 group = GPOINTER_TO_UINT (key);
          GPtrArray *members = value;
          gboolean faded = (group >> 24) & 1;

          if ((int) ((group >> 25) & 1) != lines)
            continue;

          cairo_new_path (cr);
          for (guint i = 0; i < members->len; i++)
            add_geometry_path (self, path, g_ptr_array_index (members, i));

          if (lines)
            {
              cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
              cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
              cairo_set_line_width (cr, 2.5);
              atlas_map_set_source_rgb (cr, group & 0xffffff, faded ? 0.45 : 1.0);
              cairo_stroke (cr);
            }
          else
            {
              cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
              atlas_map_set_source_rgb (cr, group & 0xffffff, faded ? 0.06 : 0.16);
              cairo_fill_preserve (cr);
              cairo_set_line_width (cr, 1.5);
              atlas_map_set_source_rgb (cr, group & 0xffffff, faded ? 0.3 : 0.85);
              cairo_stroke (cr);
            }
        }
    }
  cairo_restore (cr);
}

static gboolean
is_selected (AtlasAreaLayer *self,
             const Shape    *shape)
{
  if (shape->is_district)
    return shape->owner == self->selected_district;
  return shape->owner == self->selected_location && self->location_visible[shape->owner];
}

/* Everything but the emphasis of the selection, for the cache. */
static void
draw_areas_cb (cairo_t                  *cr,
               const AtlasMapProjection *projection,
               gpointer                  user_data)
{
  AtlasAreaLayer *self = user_data;
  const AtlasMapPalette *palette = atlas_map_palette_get (self->drawing_dark);
  g_autoptr(GPtrArray) places = g_ptr_array_new ();
  AtlasMapPath path;
  double x0, y0, x1, y1;

  atlas_map_projection_get_bounds (projection, 8, &x0, &y0, &x1, &y1);
  atlas_map_path_init (&path, cr, projection, 16);

  for (guint i = 0; i < self->shapes->len; i++)
    {
      const Shape *shape = &g_array_index (self->shapes, Shape, i);

      if (shape->max_x < x0 || shape->min_x > x1 || shape->max_y < y0 || shape->min_y > y1)
        continue;
      if (shape->is_district)
        draw_shape (self, cr, &path, palette, shape, FALSE);
      else if (self->location_visible[shape->owner])
        g_ptr_array_add (places, (gpointer) shape);
    }

  if (places->len > DENSE_SHAPES)
    {
      draw_dense (self, cr, &path, palette, places);
    }
  else
    {
      for (guint i = 0; i < places->len; i++)
        draw_shape (self, cr, &path, palette, g_ptr_array_index (places, i), FALSE);
    }
}

/* The areas come from a cache (thousands of outlines take long to draw, and
 * change only with the data, the filter or the time window); the selected one
 * is emphasised on top, so that a click does not draw everything again. */
static void
atlas_area_layer_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  AtlasAreaLayer *self = ATLAS_AREA_LAYER (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  AtlasMapProjection projection;

  if (self->dataset == NULL || self->shapes->len == 0 || width <= 0 || height <= 0)
    return;

  self->drawing_dark = atlas_map_widget_is_dark (widget);
  atlas_map_projection_init_from_viewport (&projection,
                                           shumate_layer_get_viewport (SHUMATE_LAYER (self)),
                                           width, height);
  atlas_map_cache_snapshot (&self->cache, snapshot, &projection,
                            self->version * 2 + self->drawing_dark, draw_areas_cb, self);

  for (guint i = 0; i < self->shapes->len; i++)
    {
      const Shape *shape = &g_array_index (self->shapes, Shape, i);
      const AtlasMapPalette *palette = atlas_map_palette_get (self->drawing_dark);
      AtlasMapPath path;
      cairo_t *cr;

      if (!is_selected (self, shape))
        continue;

      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      atlas_map_path_init (&path, cr, &projection, 16);
      draw_shape (self, cr, &path, palette, shape, TRUE);
      cairo_destroy (cr);
    }

  if (self->choropleth)
    draw_legend (self, snapshot, height);
}

/* Even-odd point in polygon over every ring of a geometry, in normalized
 * coordinates: holes take care of themselves. */
static gboolean
geometry_contains (AtlasAreaLayer *self,
                   guint           geometry,
                   double          x,
                   double          y)
{
  const AtlasGeometry *g = atlas_dataset_get_geometry (self->dataset, geometry);
  gboolean inside = FALSE;

  for (guint r = 0; r < g->n_rings; r++)
    {
      const AtlasRing *ring = atlas_dataset_get_ring (self->dataset, g->first_ring + r);
      const AtlasPoint *points = atlas_dataset_get_points (self->dataset, ring);
      double px = 0, py = 0;

      for (guint i = 0; i < ring->n_points; i++)
        {
          double qx, qy;

          atlas_mercator_from_lon_lat (points[i].lon, points[i].lat, &qx, &qy);
          if (i > 0 && (py > y) != (qy > y) && x < px + (y - py) * (qx - px) / (qy - py))
            inside = !inside;
          px = qx;
          py = qy;
        }
    }
  return inside;
}

static double
segment_distance (double px,
                  double py,
                  double ax,
                  double ay,
                  double bx,
                  double by)
{
  double dx = bx - ax, dy = by - ay;
  double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? CLAMP (((px - ax) * dx + (py - ay) * dy) / length2, 0.0, 1.0) : 0.0;

  return hypot (ax + t * dx - px, ay + t * dy - py);
}

static double
line_distance (AtlasAreaLayer           *self,
               const AtlasMapProjection *projection,
               guint                     geometry,
               double                    x,
               double                    y)
{
  const AtlasGeometry *g = atlas_dataset_get_geometry (self->dataset, geometry);
  double best = G_MAXDOUBLE;

  for (guint r = 0; r < g->n_rings; r++)
    {
      const AtlasRing *ring = atlas_dataset_get_ring (self->dataset, g->first_ring + r);
      const AtlasPoint *points = atlas_dataset_get_points (self->dataset, ring);
      double ax = 0, ay = 0;

      for (guint i = 0; i < ring->n_points; i++)
        {
          double nx, ny, bx, by;

          atlas_mercator_from_lon_lat (points[i].lon, points[i].lat, &nx, &ny);
          atlas_map_projection_to_widget (projection, nx, ny, &bx, &by);
          if (i > 0)
            best = MIN (best, segment_distance (x, y, ax, ay, bx, by));
          ax = bx;
          ay = by;
        }
    }
  return best;
}

/**
 * atlas_area_layer_pick:
 * @self: a layer
 * @x: widget x
 * @y: widget y
 * @pick: (out caller-allocates): what is there
 *
 * Finds what a click at (@x, @y) hits: a visible route within a few pixels,
 * else the smallest visible zoned place around the point, else a district.
 *
 * Returns: whether something was hit
 */
gboolean
atlas_area_layer_pick (AtlasAreaLayer *self,
                       double          x,
                       double          y,
                       AtlasAreaPick  *pick)
{
  AtlasMapProjection projection;
  double nx, ny;

  g_return_val_if_fail (ATLAS_IS_AREA_LAYER (self), FALSE);
  g_return_val_if_fail (pick != NULL, FALSE);

  pick->kind = ATLAS_AREA_PICK_NONE;
  pick->index = ATLAS_NONE;
  if (self->dataset == NULL)
    return FALSE;

  atlas_map_projection_init_from_viewport (&projection,
                                           shumate_layer_get_viewport (SHUMATE_LAYER (self)),
                                           gtk_widget_get_width (GTK_WIDGET (self)),
                                           gtk_widget_get_height (GTK_WIDGET (self)));
  atlas_map_projection_from_widget (&projection, x, y, &nx, &ny);

  /* Shapes are sorted districts, places largest first, then lines: walking
   * backwards meets lines, then the smallest places, then districts. */
  for (guint i = self->shapes->len; i-- > 0;)
    {
      const Shape *shape = &g_array_index (self->shapes, Shape, i);
      gboolean hit;
      double slack = atlas_map_projection_pixels_to_world (&projection,
                                                           shape->is_line ? LINE_HIT_DISTANCE : 0);

      if (!shape->is_district && !self->location_visible[shape->owner])
        continue;
      if (nx < shape->min_x - slack || nx > shape->max_x + slack ||
          ny < shape->min_y - slack || ny > shape->max_y + slack)
        continue;

      if (shape->is_line)
        hit = line_distance (self, &projection, shape->geometry, x, y) <= LINE_HIT_DISTANCE;
      else
        hit = geometry_contains (self, shape->geometry, nx, ny);
      if (hit)
        {
          pick->kind = shape->is_district ? ATLAS_AREA_PICK_DISTRICT : ATLAS_AREA_PICK_LOCATION;
          pick->index = shape->owner;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * atlas_area_layer_set_dataset:
 * @self: a layer
 * @dataset: (nullable): the dataset whose districts and geometries to draw
 */
void
atlas_area_layer_set_dataset (AtlasAreaLayer *self,
                              AtlasDataset   *dataset)
{
  g_return_if_fail (ATLAS_IS_AREA_LAYER (self));

  if (!g_set_object (&self->dataset, dataset))
    return;

  g_array_set_size (self->shapes, 0);
  g_clear_pointer (&self->location_visible, g_free);
  g_clear_pointer (&self->district_in_filter, g_free);
  g_clear_pointer (&self->counts, g_free);
  g_clear_pointer (&self->district_counts, g_free);
  g_clear_pointer (&self->district_class, g_free);
  self->selected_location = self->selected_district = ATLAS_NONE;

  if (dataset != NULL)
    {
      guint n_districts = atlas_dataset_get_n_districts (dataset);
      guint n_locations = atlas_dataset_get_n_locations (dataset);

      self->location_visible = g_malloc (MAX (n_locations, 1));
      self->district_in_filter = g_malloc (MAX (n_districts, 1));
      memset (self->location_visible, 1, MAX (n_locations, 1));
      memset (self->district_in_filter, 1, MAX (n_districts, 1));
      self->district_counts = g_new0 (guint32, MAX (n_districts, 1));
      self->district_class = g_new0 (guint8, MAX (n_districts, 1));

      for (guint d = 0; d < n_districts; d++)
        {
          const AtlasDistrict *district = atlas_dataset_get_district (dataset, d);

          if (district->geometry != ATLAS_NONE)
            add_shape (self, district->geometry, TRUE, d, district->approximate);
        }
      for (guint l = 0; l < n_locations; l++)
        {
          const AtlasLocation *loc = atlas_dataset_get_location (dataset, l);

          if (loc->geometry != ATLAS_NONE)
            add_shape (self, loc->geometry, FALSE, l, loc->approximate);
        }
      g_array_sort (self->shapes, compare_shapes);
      update_choropleth (self);
    }

  self->version++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_area_layer_set_visible:
 * @self: a layer
 * @locations: (nullable): the places whose geometries to draw, %NULL for all
 * @filtered: whether a filter is active
 * @districts: (nullable): the districts a district filter keeps, %NULL if
 *   there is no district filter
 *
 * Districts fade when the district filter leaves them out, or when a filter
 * leaves none of their places.
 */
void
atlas_area_layer_set_visible (AtlasAreaLayer *self,
                              GtkBitset      *locations,
                              gboolean        filtered,
                              GtkBitset      *districts)
{
  guint n_locations, n_districts;

  g_return_if_fail (ATLAS_IS_AREA_LAYER (self));

  if (self->dataset == NULL)
    return;

  n_locations = atlas_dataset_get_n_locations (self->dataset);
  n_districts = atlas_dataset_get_n_districts (self->dataset);
  memset (self->district_in_filter, !filtered, MAX (n_districts, 1));
  for (guint l = 0; l < n_locations; l++)
    {
      guint district = atlas_dataset_get_location (self->dataset, l)->district;

      self->location_visible[l] = locations == NULL || gtk_bitset_contains (locations, l);
      if (self->location_visible[l] && district < n_districts)
        self->district_in_filter[district] = TRUE;
    }
  for (guint d = 0; districts != NULL && d < n_districts; d++)
    {
      if (!gtk_bitset_contains (districts, d))
        self->district_in_filter[d] = FALSE;
    }
  update_choropleth (self);

  self->version++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_area_layer_set_counts:
 * @self: a layer
 * @counts: (nullable) (array length=n_counts): events per place in the time
 *   window; places with none are drawn faded
 * @n_counts: the number of counts; ignored unless it is the number of places
 */
void
atlas_area_layer_set_counts (AtlasAreaLayer *self,
                             const guint32  *counts,
                             guint           n_counts)
{
  g_return_if_fail (ATLAS_IS_AREA_LAYER (self));

  g_clear_pointer (&self->counts, g_free);
  if (self->dataset != NULL && counts != NULL &&
      n_counts == atlas_dataset_get_n_locations (self->dataset))
    self->counts = g_memdup2 (counts, sizeof (guint32) * MAX (n_counts, 1));
  update_choropleth (self);

  self->version++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
atlas_area_layer_set_selection (AtlasAreaLayer *self,
                                guint           location,
                                guint           district)
{
  g_return_if_fail (ATLAS_IS_AREA_LAYER (self));

  if (self->selected_location == location && self->selected_district == district)
    return;

  self->selected_location = location;
  self->selected_district = district;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
atlas_area_layer_get_choropleth (AtlasAreaLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_AREA_LAYER (self), FALSE);
  return self->choropleth;
}

/**
 * atlas_area_layer_set_choropleth:
 * @self: a layer
 * @choropleth: whether to fill districts by their number of events
 */
void
atlas_area_layer_set_choropleth (AtlasAreaLayer *self,
                                 gboolean        choropleth)
{
  g_return_if_fail (ATLAS_IS_AREA_LAYER (self));

  choropleth = !!choropleth;
  if (self->choropleth == choropleth)
    return;
  self->choropleth = choropleth;
  update_choropleth (self);
  self->version++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOROPLETH]);
}

/**
 * atlas_area_layer_get_district_count:
 *
 * Returns: the visible events at the district's places in the playhead's time,
 *   as the choropleth counts them (0 when it is off)
 */
guint
atlas_area_layer_get_district_count (AtlasAreaLayer *self,
                                     guint           district)
{
  g_return_val_if_fail (ATLAS_IS_AREA_LAYER (self), 0);
  g_return_val_if_fail (self->dataset != NULL && district < atlas_dataset_get_n_districts (self->dataset), 0);
  return self->choropleth ? self->district_counts[district] : 0;
}

/**
 * atlas_area_layer_get_district_class:
 *
 * Returns: the district's class in the choropleth: 0 for none (no events, left
 *   out by a filter, or the choropleth off), else 1 to %ATLAS_AREA_N_CLASSES
 */
guint
atlas_area_layer_get_district_class (AtlasAreaLayer *self,
                                     guint           district)
{
  g_return_val_if_fail (ATLAS_IS_AREA_LAYER (self), 0);
  g_return_val_if_fail (self->dataset != NULL && district < atlas_dataset_get_n_districts (self->dataset), 0);
  return self->choropleth ? self->district_class[district] : 0;
}

/**
 * atlas_area_layer_get_class_bounds:
 * @bounds: (out caller-allocates) (array fixed-size=5): the least count of each class
 */
void
atlas_area_layer_get_class_bounds (AtlasAreaLayer *self,
                                   guint          *bounds)
{
  g_return_if_fail (ATLAS_IS_AREA_LAYER (self));
  memcpy (bounds, self->class_bounds, sizeof self->class_bounds);
}

static void
atlas_area_layer_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasAreaLayer *self = ATLAS_AREA_LAYER (object);

  switch (prop_id)
    {
    case PROP_CHOROPLETH:
      g_value_set_boolean (value, self->choropleth);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_area_layer_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AtlasAreaLayer *self = ATLAS_AREA_LAYER (object);

  switch (prop_id)
    {
    case PROP_CHOROPLETH:
      atlas_area_layer_set_choropleth (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_viewport_notify_cb (AtlasAreaLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
atlas_area_layer_constructed (GObject *object)
{
  AtlasAreaLayer *self = ATLAS_AREA_LAYER (object);

  G_OBJECT_CLASS (atlas_area_layer_parent_class)->constructed (object);

  /* ShumateLayer does not redraw when the viewport moves. */
  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (on_viewport_notify_cb), self, G_CONNECT_SWAPPED);
}

static void
atlas_area_layer_dispose (GObject *object)
{
  AtlasAreaLayer *self = ATLAS_AREA_LAYER (object);

  atlas_map_cache_clear (&self->cache);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->shapes, g_array_unref);
  g_clear_pointer (&self->location_visible, g_free);
  g_clear_pointer (&self->district_in_filter, g_free);
  g_clear_pointer (&self->counts, g_free);
  g_clear_pointer (&self->district_counts, g_free);
  g_clear_pointer (&self->district_class, g_free);

  G_OBJECT_CLASS (atlas_area_layer_parent_class)->dispose (object);
}

static void
atlas_area_layer_class_init (AtlasAreaLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_area_layer_constructed;
  object_class->dispose = atlas_area_layer_dispose;
  object_class->get_property = atlas_area_layer_get_property;
  object_class->set_property = atlas_area_layer_set_property;
  widget_class->snapshot = atlas_area_layer_snapshot;

  /**
   * AtlasAreaLayer:choropleth:
   *
   * Whether districts are filled by their number of visible events in the
   * playhead's time.
   */
  properties[PROP_CHOROPLETH] = g_param_spec_boolean ("choropleth", NULL, NULL, FALSE,
                                                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                      G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_area_layer_init (AtlasAreaLayer *self)
{
  self->shapes = g_array_new (FALSE, FALSE, sizeof (Shape));
  atlas_map_cache_init (&self->cache, GTK_WIDGET (self));
  self->selected_location = ATLAS_NONE;
  self->selected_district = ATLAS_NONE;
  choose_class_bounds (0, self->class_bounds);
}

/**
 * atlas_area_layer_new:
 * @viewport: the map's viewport
 *
 * Returns: (transfer floating): a new layer
 */
AtlasAreaLayer *
atlas_area_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (ATLAS_TYPE_AREA_LAYER, "viewport", viewport, NULL);
}
