/* atlas-area-draw.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * How the area layer draws one shape (a district, a zoned place, a route), and
 * many small ones at once.
 */

#include "config.h"

#include <math.h>

#include "atlas-area-layer-private.h"
#include "atlas-map-path.h"
#include "atlas-map-style.h"

gboolean
atlas_area_location_faded (const AtlasAreaState *self,
                           guint                 location)
{
  return self->counts != NULL && self->counts[location] == 0;
}

static guint32
shape_color (const AtlasAreaState  *self,
             const AtlasMapPalette *palette,
             const Shape           *shape)
{
  guint n;
  const guint32 *sectors = atlas_dataset_location_sectors (self->dataset, shape->owner, &n);

  return n > 0 ? atlas_dataset_get_sector (self->dataset, sectors[0])->color : palette->no_sector;
}

void
atlas_area_draw_shape (const AtlasAreaState  *self,
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
      faded = !selected && atlas_area_location_faded (self, shape->owner);
      color = shape_color (self, palette, shape);
    }

  cairo_new_path (cr);
  atlas_area_add_geometry_path (path, self->dataset, shape->geometry, !shape->is_line);

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
  if (shape->is_district && selected)
    atlas_map_set_source_rgb (cr, color, 0.12);
  else if (shape->is_district)
    atlas_area_set_district_source (cr, self->choropleth ? self->district_class[shape->owner] : 0,
                                    faded, self->drawing_dark);
  else
    atlas_map_set_source_rgb (cr, color, selected ? 0.16 : faded ? 0.06 : 0.16);
  if (!shape->is_district || selected || !self->fills_apart)
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
 * default antialiasing and 74 ms with the fast one.
 *
 * Nor do they fade with the playhead (their places' markers above them do):
 * at this zoom they crowd in the cities, where every step of the playhead
 * changed a few and drawing the crowd again cost 60 ms a step at 1M.
 *
 * An outline at most DOT_MAX_PX across is a dot there, and is drawn as one: a
 * square of its stroke's colour as wide as its stroke would cover. Cairo fills
 * a path of squares as boxes, without the stroker, which spent most of the
 * drawing on the thousands of outlines a pixel or two across that a zoomed-out
 * view of the generated 1M dataset has. */
#define DOT_MAX_PX 2.5

/* The square that stands for @shape, if it is that small. */
static gboolean
add_dot (const AtlasMapProjection *projection,
         cairo_t                  *cr,
         const Shape              *shape,
         double                    line_width)
{
  double x0, y0, x1, y1, side;

  atlas_map_projection_to_widget (projection, shape->min_x, shape->min_y, &x0, &y0);
  atlas_map_projection_to_widget (projection, shape->max_x, shape->max_y, &x1, &y1);
  side = MAX (fabs (x1 - x0), fabs (y1 - y0));
  if (side > DOT_MAX_PX)
    return FALSE;
  side += line_width;
  cairo_rectangle (cr, (x0 + x1 - side) / 2, (y0 + y1 - side) / 2, side, side);
  return TRUE;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  guint32 ga = *(const guint32 *) a, gb = *(const guint32 *) b;

  return ga < gb ? -1 : ga > gb;
}

void
atlas_area_draw_dense (const AtlasAreaState  *self,
                       cairo_t               *cr,
                       AtlasMapPath          *path,
                       const AtlasMapPalette *palette,
                       GPtrArray             *shapes)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (NULL, NULL, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree gboolean *is_dot = g_new (gboolean, MAX (shapes->len, 1));
  guint n_dots;

  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);

  for (guint i = 0; i < shapes->len; i++)
    {
      const Shape *shape = g_ptr_array_index (shapes, i);
      /* Colour, then whether a line. */
      guint32 group = shape_color (self, palette, shape) | ((guint32) shape->is_line << 25);
      GPtrArray *members = g_hash_table_lookup (groups, GUINT_TO_POINTER (group));

      if (members == NULL)
        {
          members = g_ptr_array_new ();
          g_hash_table_insert (groups, GUINT_TO_POINTER (group), members);
          g_array_append_val (keys, group);
        }
      g_ptr_array_add (members, (gpointer) shape);
    }

  /* Areas first, lines over them, as in the detailed drawing; the groups in
   * a fixed order, so that a patch of the image draws as the whole did. */
  g_array_sort (keys, compare_groups);
  for (int lines = 0; lines <= 1; lines++)
    {
      for (guint k = 0; k < keys->len; k++)
        {
          guint32 group = g_array_index (keys, guint32, k);
          GPtrArray *members = g_hash_table_lookup (groups, GUINT_TO_POINTER (group));
          double line_width = lines ? 2.5 : 1.5;
          double alpha = lines ? 1.0 : 0.85;

          if ((int) ((group >> 25) & 1) != lines)
            continue;

          /* The dots first, in a path of their own … */
          cairo_new_path (cr);
          n_dots = 0;
          for (guint i = 0; i < members->len; i++)
            {
              const Shape *shape = g_ptr_array_index (members, i);

              is_dot[i] = add_dot (path->projection, cr, shape, line_width);
              n_dots += is_dot[i];
            }
          if (n_dots > 0)
            {
              atlas_map_set_source_rgb (cr, group & 0xffffff, alpha);
              cairo_fill (cr);
            }
          if (n_dots == members->len)
            continue;

          /* … then the outlines. */
          cairo_new_path (cr);
          for (guint i = 0; i < members->len; i++)
            {
              const Shape *shape = g_ptr_array_index (members, i);

              if (!is_dot[i])
                atlas_area_add_geometry_path (path, self->dataset, shape->geometry, !shape->is_line);
            }

          cairo_set_line_width (cr, line_width);
          if (lines)
            {
              /* Round caps and joins are too small to tell apart here,
               * and the stroker spends most on them. */
              cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
              cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
              atlas_map_set_source_rgb (cr, group & 0xffffff, alpha);
              cairo_stroke (cr);
            }
          else
            {
              cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
              atlas_map_set_source_rgb (cr, group & 0xffffff, 0.16);
              cairo_fill_preserve (cr);
              atlas_map_set_source_rgb (cr, group & 0xffffff, alpha);
              cairo_stroke (cr);
            }
        }
    }
  cairo_restore (cr);
}
