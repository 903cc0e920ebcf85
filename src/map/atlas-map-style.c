/* atlas-map-style.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The map's cartography in one place: palettes for light and dark mode, the
 * marker shape of each kind of place, marker sizes and label rules, so that the
 * layers, the legend and the tests agree.
 */

#include "config.h"

#include <math.h>

#include "atlas-map-style.h"

static const AtlasMapPalette light_palette = {
  .dark = FALSE,
  .background = 0xf0ede6,
  .province = { 0xf8f3e3, 0xf6eae6 },
  .water = 0x4d8fd1,
  .water_outline = 0x3d7cc0,
  .national_border = 0x7b5c8e,
  .province_border = 0x8e7a9e,
  .prefecture_border = 0xa596b2,
  .district_border = 0xbab0c2,
  .text = 0x2e2a33,
  .text_minor = 0x5e5866,
  .water_text = 0x2a65a8,
  .halo = 0xffffff,
  .marker_outline = 0xffffff,
  .no_sector = 0x77767b,
  .selection = 0x1c71d8,
  .area = 0x8a6fa8,
  .cluster_fill = 0xffffff,
};

static const AtlasMapPalette dark_palette = {
  .dark = TRUE,
  .background = 0x222325,
  .province = { 0x2b2a27, 0x2d2729 },
  .water = 0x3b78b8,
  .water_outline = 0x4a88c8,
  .national_border = 0xb49cc6,
  .province_border = 0x9c8aab,
  .prefecture_border = 0x7b7088,
  .district_border = 0x5e5766,
  .text = 0xeeeaf2,
  .text_minor = 0xbdb6c4,
  .water_text = 0x8dbdf0,
  .halo = 0x1c1c1e,
  .marker_outline = 0xf6f5f4,
  .no_sector = 0x9a9996,
  .selection = 0x78aeed,
  .area = 0xb39ad1,
  .cluster_fill = 0x303034,
};

const AtlasMapPalette *
atlas_map_palette_get (gboolean dark)
{
  return dark ? &dark_palette : &light_palette;
}

/**
 * atlas_map_widget_is_dark:
 * @widget: a widget
 *
 * Returns: whether @widget is drawn with light text on a dark background, so
 *   the map follows the style (libadwaita's dark mode, a high-contrast theme)
 *   without depending on AdwStyleManager
 */
gboolean
atlas_map_widget_is_dark (GtkWidget *widget)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA color;

  gtk_style_context_get_color (context, &color);
  return 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue > 0.5;
}

void
atlas_map_set_source_rgb (cairo_t *cr,
                          guint32  rgb,
                          double   alpha)
{
  cairo_set_source_rgba (cr,
                         ((rgb >> 16) & 0xff) / 255.0,
                         ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0,
                         alpha);
}

/**
 * atlas_map_marker_radius:
 * @count: the place's events in the time window
 * @max_count: the largest count of any place
 *
 * Area grows with the count, so the radius with its square root.
 *
 * Returns: the radius of the marker in pixels
 */
double
atlas_map_marker_radius (guint count,
                         guint max_count)
{
  if (count == 0 || max_count == 0)
    return ATLAS_MAP_RADIUS_IDLE;

  return ATLAS_MAP_RADIUS_MIN +
         (ATLAS_MAP_RADIUS_MAX - ATLAS_MAP_RADIUS_MIN) *
         sqrt ((double) MIN (count, max_count) / max_count);
}

static void
polygon (cairo_t *cr,
         double   x,
         double   y,
         double   radius,
         guint    sides,
         double   start)
{
  for (guint i = 0; i < sides; i++)
    {
      double a = start + 2 * G_PI * i / sides;

      cairo_line_to (cr, x + radius * cos (a), y + radius * sin (a));
    }
  cairo_close_path (cr);
}

static void
star (cairo_t *cr,
      double   x,
      double   y,
      double   outer,
      double   inner,
      guint    points)
{
  for (guint i = 0; i < 2 * points; i++)
    {
      double a = -G_PI / 2 + G_PI * i / points;
      double r = i % 2 == 0 ? outer : inner;

      cairo_line_to (cr, x + r * cos (a), y + r * sin (a));
    }
  cairo_close_path (cr);
}

static void
rounded_square (cairo_t *cr,
                double   x,
                double   y,
                double   half,
                double   corner)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + half - corner, y - half + corner, corner, -G_PI / 2, 0);
  cairo_arc (cr, x + half - corner, y + half - corner, corner, 0, G_PI / 2);
  cairo_arc (cr, x - half + corner, y + half - corner, corner, G_PI / 2, G_PI);
  cairo_arc (cr, x - half + corner, y - half + corner, corner, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/**
 * atlas_map_shape_path:
 * @cr: a cairo context
 * @kind: the kind of place
 * @x: centre x
 * @y: centre y
 * @radius: the marker's radius
 *
 * Adds the outline of @kind's marker to the current path. Shapes are scaled so
 * that they look the same size: a triangle reaches further than a circle.
 */
void
atlas_map_shape_path (cairo_t   *cr,
                      AtlasKind  kind,
                      double     x,
                      double     y,
                      double     radius)
{
  cairo_new_sub_path (cr);

  switch (kind)
    {
    case ATLAS_KIND_NEW_AREA:
      star (cr, x, y, radius * 1.3, radius * 0.58, 5);
      break;
    case ATLAS_KIND_ZONE:
      polygon (cr, x, y, radius * 1.08, 6, 0);
      break;
    case ATLAS_KIND_PARK:
      {
        /* A trefoil: three overlapping discs, filled as one. */
        double r = radius * 0.55;

        for (int i = 0; i < 3; i++)
          {
            double a = -G_PI / 2 + i * 2 * G_PI / 3;

            cairo_new_sub_path (cr);
            cairo_arc (cr, x + radius * 0.5 * cos (a), y + radius * 0.5 * sin (a), r, 0, 2 * G_PI);
            cairo_close_path (cr);
          }
      }
      break;
    case ATLAS_KIND_PORT:
      polygon (cr, x, y + radius * 0.15, radius * 1.25, 3, G_PI / 2);
      break;
    case ATLAS_KIND_SCIENCE_CITY:
      star (cr, x, y, radius * 1.3, radius * 0.5, 4);
      break;
    case ATLAS_KIND_DISTRICT:
      {
        /* A frame: an administrative area, hollow to tell it from a company. */
        double outer = radius * 0.95, inner = radius * 0.42;

        rounded_square (cr, x, y, outer, radius * 0.25);
        cairo_new_sub_path (cr);
        cairo_move_to (cr, x - inner, y - inner);
        cairo_line_to (cr, x - inner, y + inner);
        cairo_line_to (cr, x + inner, y + inner);
        cairo_line_to (cr, x + inner, y - inner);
        cairo_close_path (cr);
      }
      break;
    case ATLAS_KIND_HI_TECH_ZONE:
      polygon (cr, x, y + radius * 0.05, radius * 1.12, 5, -G_PI / 2);
      break;
    case ATLAS_KIND_INSTITUTE:
      polygon (cr, x, y - radius * 0.15, radius * 1.25, 3, -G_PI / 2);
      break;
    case ATLAS_KIND_COMPANY:
      cairo_rectangle (cr, x - radius * 0.86, y - radius * 0.86, radius * 1.72, radius * 1.72);
      break;
    case ATLAS_KIND_VENUE:
      polygon (cr, x, y, radius * 1.22, 4, 0);
      break;
    case ATLAS_KIND_CITY:
      cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
      cairo_close_path (cr);
      cairo_new_sub_path (cr);
      /* A ring: the inner circle runs the other way and leaves a hole. */
      cairo_arc_negative (cr, x, y, radius * 0.42, 2 * G_PI, 0);
      cairo_close_path (cr);
      break;
    case ATLAS_KIND_ROUTE:
      {
        double a = radius * 0.38, b = radius * 1.02;

        cairo_move_to (cr, x - a, y - b);
        cairo_line_to (cr, x + a, y - b);
        cairo_line_to (cr, x + a, y - a);
        cairo_line_to (cr, x + b, y - a);
        cairo_line_to (cr, x + b, y + a);
        cairo_line_to (cr, x + a, y + a);
        cairo_line_to (cr, x + a, y + b);
        cairo_line_to (cr, x - a, y + b);
        cairo_line_to (cr, x - a, y + a);
        cairo_line_to (cr, x - b, y + a);
        cairo_line_to (cr, x - b, y - a);
        cairo_line_to (cr, x - a, y - a);
        cairo_close_path (cr);
      }
      break;
    case ATLAS_N_KINDS:
    default:
      cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
      cairo_close_path (cr);
      break;
    }
}

/**
 * atlas_map_draw_marker:
 * @cr: a cairo context
 * @kind: the kind of place
 * @x: centre x
 * @y: centre y
 * @radius: the marker's radius
 * @fill: fill colour, 0xRRGGBB
 * @outline: outline colour, 0xRRGGBB
 * @alpha: opacity of the whole marker
 *
 * Draws a marker: the shape of @kind filled with its sector colour, with a thin
 * light outline that separates it from the map and from its neighbours.
 */
void
atlas_map_draw_marker (cairo_t   *cr,
                       AtlasKind  kind,
                       double     x,
                       double     y,
                       double     radius,
                       guint32    fill,
                       guint32    outline,
                       double     alpha)
{
  cairo_save (cr);
  /* Non-zero winding: overlapping parts (the park's trefoil) fill as one, and
   * holes (the city's ring, the district's frame) are drawn the other way. */
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_new_path (cr);
  atlas_map_shape_path (cr, kind, x, y, radius);
  atlas_map_set_source_rgb (cr, outline, alpha);
  cairo_set_line_width (cr, radius < 5 ? 1.5 : 2.5);
  cairo_stroke_preserve (cr);
  atlas_map_set_source_rgb (cr, fill, alpha);
  cairo_fill (cr);
  cairo_restore (cr);
}

/**
 * atlas_map_draw_text:
 * @cr: a cairo context
 * @layout: the text
 * @x: left edge
 * @y: top edge
 * @color: text colour, 0xRRGGBB
 * @halo: colour of the halo around the glyphs, 0xRRGGBB
 *
 * Draws text with a halo, the usual cartographic way to keep labels legible
 * over rivers, borders and markers.
 */
void
atlas_map_draw_text (cairo_t     *cr,
                     PangoLayout *layout,
                     double       x,
                     double       y,
                     guint32      color,
                     guint32      halo)
{
  /* The halo is the text drawn around itself; glyphs come from cairo's glyph
   * cache, where stroking their outlines would rasterize paths every time. */
  static const double offsets[][2] = {
    { -1.5, 0 }, { 1.5, 0 }, { 0, -1.5 }, { 0, 1.5 },
    { -1.1, -1.1 }, { 1.1, -1.1 }, { -1.1, 1.1 }, { 1.1, 1.1 },
  };

  cairo_save (cr);
  atlas_map_set_source_rgb (cr, halo, 0.85);
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      cairo_move_to (cr, x + offsets[i][0], y + offsets[i][1]);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_move_to (cr, x, y);
  atlas_map_set_source_rgb (cr, color, 1.0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/**
 * atlas_map_append_focus_ring:
 * @widget: a focusable part of the map
 * @snapshot: where to draw
 *
 * Outlines @widget in the selection colour, for keyboard focus.
 */
void
atlas_map_append_focus_ring (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  guint32 rgb = atlas_map_palette_get (atlas_map_widget_is_dark (widget))->selection;
  GdkRGBA color = {
    ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0, 0.8
  };
  const GdkRGBA colors[4] = { color, color, color, color };
  const float widths[4] = { 2, 2, 2, 2 };
  GskRoundedRect outline;

  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT (1, 1, gtk_widget_get_width (widget) - 2,
                                                        gtk_widget_get_height (widget) - 2),
                                   0);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

/**
 * atlas_map_kind_label_zoom:
 * @kind: a kind of place
 *
 * Returns: the zoom level from which places of @kind get a label: large areas
 *   and cities first, single companies only when zoomed in on a city
 */
int
atlas_map_kind_label_zoom (AtlasKind kind)
{
  switch (kind)
    {
    case ATLAS_KIND_NEW_AREA:
    case ATLAS_KIND_SCIENCE_CITY:
    case ATLAS_KIND_CITY:
      return 8;
    case ATLAS_KIND_DISTRICT:
    case ATLAS_KIND_HI_TECH_ZONE:
    case ATLAS_KIND_PORT:
      return 10;
    case ATLAS_KIND_ZONE:
    case ATLAS_KIND_PARK:
    case ATLAS_KIND_ROUTE:
      return 11;
    case ATLAS_KIND_INSTITUTE:
    case ATLAS_KIND_COMPANY:
    case ATLAS_KIND_VENUE:
    case ATLAS_N_KINDS:
    default:
      return 12;
    }
}

/**
 * atlas_map_kind_rank:
 * @kind: a kind of place
 *
 * Returns: the priority of @kind's labels, lower first
 */
int
atlas_map_kind_rank (AtlasKind kind)
{
  return atlas_map_kind_label_zoom (kind);
}
