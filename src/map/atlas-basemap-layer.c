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
 * Names are not in that image: they are placed each frame, after the place
 * layer has placed its markers, clusters and names, on a copy of its label
 * placer — so a town's name never hides under a marker or a cluster and gives
 * way to a place's name. A label shows from half a zoom level before its own
 * level: whether a view fitted to a dataset lands at zoom 6.9 or 7.1 must not
 * decide whether a dozen city names are there.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "atlas-basemap-layer-private.h"
#include "atlas-map-cache.h"
#include "atlas-map-path.h"
#include "atlas-map-style.h"
#include "atlas-place-layer-private.h"
#include "model/atlas-locale.h"


struct _AtlasBasemapLayer
{
  ShumateLayer parent_instance;

  AtlasBasemap *basemap;
  PangoLayout **layouts;      /* per label, made on first use */
  const char **layout_texts;  /* the text each layout was made for */
  cairo_surface_t **sprites;  /* per label: its name and halo, drawn once */
  float *sprite_angles;       /* the angle each sprite is turned by */
  cairo_surface_t *dots[2];   /* a capital's dot, another town's */
  gboolean sprites_dark;
  int sprites_scale;

  /* The base map around the view, drawn once and copied while panning. */
  AtlasMapCache cache;
  gboolean drawing_dark;

  GHashTable *covered_names;  /* name → place of the dataset + 1 */
  AtlasPlaceLayer *places;    /* weak */
  AtlasLabelPlacer *placer;   /* of the last frame */
  GArray *placed;             /* guint: the labels drawn in the last frame */
  char *description;
};

G_DEFINE_FINAL_TYPE (AtlasBasemapLayer, atlas_basemap_layer, SHUMATE_TYPE_LAYER)

static void
clear_layouts (AtlasBasemapLayer *self)
{
  guint n = self->basemap != NULL ? atlas_basemap_get_n_labels (self->basemap) : 0;

  for (guint i = 0; self->layouts != NULL && i < n; i++)
    {
      g_clear_object (&self->layouts[i]);
      g_clear_pointer (&self->sprites[i], cairo_surface_destroy);
    }
  g_clear_pointer (&self->dots[0], cairo_surface_destroy);
  g_clear_pointer (&self->dots[1], cairo_surface_destroy);
}

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
add_features (AtlasBasemapLayer *self,
              Frame             *frame,
              AtlasBasemapKind   kind,
              int                width_class,
              gboolean           close)
{
  guint n_added = 0;

  for (guint f = 0; f < atlas_basemap_get_n_features (self->basemap); f++)
    {
      const AtlasBasemapFeature *feature = atlas_basemap_get_feature (self->basemap, f);

      if (feature->kind != kind || !atlas_basemap_feature_at_zoom (feature, frame->zoom))
        continue;
      if (width_class >= 0 && feature->width_class != width_class)
        continue;
      if (feature->max_x < frame->x0 || feature->min_x > frame->x1 ||
          feature->max_y < frame->y0 || feature->min_y > frame->y1)
        continue;

      for (guint p = 0; p < feature->n_parts; p++)
        {
          const AtlasBasemapPart *part = atlas_basemap_get_part (self->basemap,
                                                                 feature->first_part + p);

          if (!part_visible (part, frame->x0, frame->y0, frame->x1, frame->y1))
            continue;
          atlas_map_path_add_floats (&frame->path, atlas_basemap_get_points (self->basemap, part),
                                     part->n_points, close);
          n_added++;
        }
    }

  return n_added;
}

static void
stroke_features (AtlasBasemapLayer *self,
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
  if (add_features (self, frame, kind, width_class, FALSE) == 0)
    return;

  atlas_map_set_source_rgb (frame->cr, color, alpha);
  cairo_set_line_width (frame->cr, width);
  cairo_set_dash (frame->cr, dashes, n_dashes, 0);
  cairo_stroke (frame->cr);
  cairo_set_dash (frame->cr, NULL, 0, 0);
}

static void
draw_areas (AtlasBasemapLayer *self,
            Frame             *frame)
{
  guint province = 0;

  /* Each province its own tint, so the two at the heart of the map stand out
   * from their neighbours (which have no area and keep the background). */
  for (guint f = 0; f < atlas_basemap_get_n_features (self->basemap); f++)
    {
      const AtlasBasemapFeature *feature = atlas_basemap_get_feature (self->basemap, f);

      if (feature->kind != ATLAS_BASEMAP_PROVINCE_AREA ||
          !atlas_basemap_feature_at_zoom (feature, frame->zoom))
        continue;

      cairo_new_path (frame->cr);
      for (guint p = 0; p < feature->n_parts; p++)
        {
          const AtlasBasemapPart *part = atlas_basemap_get_part (self->basemap,
                                                                 feature->first_part + p);

          if (part_visible (part, frame->x0, frame->y0, frame->x1, frame->y1))
            atlas_map_path_add_floats (&frame->path, atlas_basemap_get_points (self->basemap, part),
                                       part->n_points, TRUE);
        }
      atlas_map_set_source_rgb (frame->cr, frame->palette->province[province++ % 2], 1.0);
      cairo_fill (frame->cr);
    }

  cairo_new_path (frame->cr);
  if (add_features (self, frame, ATLAS_BASEMAP_LAKE, -1, TRUE) > 0)
    {
      atlas_map_set_source_rgb (frame->cr, frame->palette->water, 0.75);
      cairo_fill_preserve (frame->cr);
      atlas_map_set_source_rgb (frame->cr, frame->palette->water_outline, 1.0);
      cairo_set_line_width (frame->cr, 0.8);
      cairo_stroke (frame->cr);
    }
}

static void
draw_rivers (AtlasBasemapLayer *self,
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
    stroke_features (self, frame, ATLAS_BASEMAP_RIVER, w, frame->palette->water, w == 0 ? 0.7 : 1.0,
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
stroke_boundary (AtlasBasemapLayer *self,
                 Frame             *frame,
                 const Boundary    *boundary)
{
  if (frame->projection.zoom < 7)
    {
      stroke_features (self, frame, boundary->kind, -1, boundary->color, boundary->plain_alpha,
                       boundary->width * 0.8, NULL, 0);
      return;
    }
  stroke_features (self, frame, boundary->kind, -1, boundary->color, boundary->band_alpha,
                   boundary->width * 3.5, NULL, 0);
  stroke_features (self, frame, boundary->kind, -1, boundary->color, 1.0, boundary->width,
                   boundary->dashes, boundary->n_dashes);
}

static void
draw_borders (AtlasBasemapLayer *self,
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
  stroke_features (self, frame, ATLAS_BASEMAP_DISTRICT_BORDER, -1, palette->district_border, 1.0,
                   district, district_dash, G_N_ELEMENTS (district_dash));
  cairo_set_line_cap (frame->cr, CAIRO_LINE_CAP_BUTT);
  stroke_features (self, frame, ATLAS_BASEMAP_PREFECTURE_BORDER, -1, palette->prefecture_border,
                   1.0, prefecture, prefecture_dash, G_N_ELEMENTS (prefecture_dash));
  for (guint i = 0; i < G_N_ELEMENTS (boundaries); i++)
    stroke_boundary (self, frame, &boundaries[i]);
  stroke_features (self, frame, ATLAS_BASEMAP_COAST, -1, palette->water_outline, 1.0, province,
                   NULL, 0);
}

/* Lower comes first when labels compete for space. */
static int
label_priority (guint8 kind)
{
  switch (kind)
    {
    case ATLAS_BASEMAP_LABEL_CAPITAL: return 0;
    case ATLAS_BASEMAP_LABEL_PREFECTURE: return 1;
    case ATLAS_BASEMAP_LABEL_RIVER: return 2;
    case ATLAS_BASEMAP_LABEL_DISTRICT: return 3;
    case ATLAS_BASEMAP_LABEL_OTHER: return 4;
    case ATLAS_BASEMAP_LABEL_TOWN:
    default: return 5;
    }
}

static PangoLayout *
get_layout (AtlasBasemapLayer       *self,
            guint                    index,
            const AtlasBasemapLabel *label)
{
  const char *text = atlas_localized (label->name, label->name_zh);
  PangoFontDescription *font;
  PangoLayout *layout;

  if (self->layouts[index] != NULL && self->layout_texts[index] == text)
    return self->layouts[index];

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  font = pango_font_description_copy (
    pango_context_get_font_description (pango_layout_get_context (layout)));
  switch (label->kind)
    {
    case ATLAS_BASEMAP_LABEL_CAPITAL:
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_font_description_set_absolute_size (font, 14.5 * PANGO_SCALE);
      break;
    case ATLAS_BASEMAP_LABEL_PREFECTURE:
      pango_font_description_set_weight (font, PANGO_WEIGHT_SEMIBOLD);
      pango_font_description_set_absolute_size (font, 12.5 * PANGO_SCALE);
      break;
    case ATLAS_BASEMAP_LABEL_RIVER:
    case ATLAS_BASEMAP_LABEL_OTHER:
      pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
      pango_font_description_set_absolute_size (font, 11.0 * PANGO_SCALE);
      break;
    case ATLAS_BASEMAP_LABEL_DISTRICT:
    case ATLAS_BASEMAP_LABEL_TOWN:
    default:
      pango_font_description_set_absolute_size (font, 11.0 * PANGO_SCALE);
      break;
    }
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  g_clear_object (&self->layouts[index]);
  g_clear_pointer (&self->sprites[index], cairo_surface_destroy);
  self->layouts[index] = layout;
  self->layout_texts[index] = text;
  return layout;
}

/* Room around a name for its halo. */
#define SPRITE_PAD 2

/* A name with its halo, turned by @angle, drawn once into an image of its own
 * that frames only copy: drawing the text and its halo costs nine passes over
 * the glyphs, far too much for every name in every frame. */
static cairo_surface_t *
get_sprite (AtlasBasemapLayer *self,
            guint              index,
            PangoLayout       *layout,
            double             angle,
            guint32            color,
            guint32            halo)
{
  int scale = self->sprites_scale;
  double c = fabs (cos (angle)), s = fabs (sin (angle));
  int tw, th, width, height;
  cairo_surface_t *sprite;
  cairo_t *cr;

  if (self->sprites[index] != NULL && self->sprite_angles[index] == (float) angle)
    return self->sprites[index];

  pango_layout_get_pixel_size (layout, &tw, &th);
  width = (int) ceil (tw * c + th * s) + 2 * SPRITE_PAD;
  height = (int) ceil (tw * s + th * c) + 2 * SPRITE_PAD;
  sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (sprite, scale, scale);
  cr = cairo_create (sprite);
  cairo_translate (cr, width / 2.0, height / 2.0);
  cairo_rotate (cr, angle);
  atlas_map_draw_text (cr, layout, -tw / 2.0, -th / 2.0, color, halo);
  cairo_destroy (cr);

  g_clear_pointer (&self->sprites[index], cairo_surface_destroy);
  self->sprites[index] = sprite;
  self->sprite_angles[index] = angle;
  return sprite;
}

/* A town's dot: a ring, and in a capital's a point. Stroking circles costs
 * more than copying them, many times over. */
static cairo_surface_t *
get_dot (AtlasBasemapLayer     *self,
         gboolean               capital,
         const AtlasMapPalette *palette)
{
  double dot = capital ? 4.0 : 3.0;
  int scale = self->sprites_scale, size = (int) ceil (2 * dot) + 2 * SPRITE_PAD;
  cairo_t *cr;

  if (self->dots[capital] != NULL)
    return self->dots[capital];

  self->dots[capital] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size * scale,
                                                    size * scale);
  cairo_surface_set_device_scale (self->dots[capital], scale, scale);
  cr = cairo_create (self->dots[capital]);
  cairo_arc (cr, size / 2.0, size / 2.0, dot, 0, 2 * G_PI);
  atlas_map_set_source_rgb (cr, palette->halo, 1.0);
  cairo_fill_preserve (cr);
  atlas_map_set_source_rgb (cr, palette->text, 1.0);
  cairo_set_line_width (cr, capital ? 2.0 : 1.5);
  cairo_stroke (cr);
  if (capital)
    {
      cairo_arc (cr, size / 2.0, size / 2.0, 1.6, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  return self->dots[capital];
}

/* Copies a sprite centred on (@x, @y), on whole device pixels. */
static void
blit_sprite (cairo_t         *cr,
             cairo_surface_t *sprite,
             int              scale,
             double           x,
             double           y)
{
  double width = cairo_image_surface_get_width (sprite) / (double) scale;
  double height = cairo_image_surface_get_height (sprite) / (double) scale;

  x = round ((x - width / 2) * scale) / scale;
  y = round ((y - height / 2) * scale) / scale;
  cairo_set_source_surface (cr, sprite, x, y);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

typedef struct
{
  guint index;
  int priority;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->priority != cb->priority)
    return ca->priority < cb->priority ? -1 : 1;
  return ca->index < cb->index ? -1 : (ca->index > cb->index);
}

/* Finds where a town's name goes: right of its dot, else left, above, below,
 * the box holding the dot. A dot under a marker or a cluster (a place of the
 * dataset in that town) is left out, and the name goes around what covers it.
 * (@lx, @ly) is the top left corner of the text. */
static gboolean
place_town (AtlasLabelPlacer *placer,
            guint             index,
            double            x,
            double            y,
            double            dot,
            int               tw,
            int               th,
            double           *lx,
            double           *ly,
            gboolean         *with_dot)
{
  graphene_rect_t dot_box = GRAPHENE_RECT_INIT (x - dot, y - dot, 2 * dot, 2 * dot);
  const AtlasLabelBox *cover = atlas_label_placer_find (placer, &dot_box);
  double x0, y0, x1, y1;      /* what the name goes around */
  double positions[4][2];

  *with_dot = cover == NULL || (cover->kind != ATLAS_LABEL_MARKER &&
                                cover->kind != ATLAS_LABEL_CLUSTER);
  x0 = *with_dot ? x - dot : cover->x0;
  y0 = *with_dot ? y - dot : cover->y0;
  x1 = *with_dot ? x + dot : cover->x1;
  y1 = *with_dot ? y + dot : cover->y1;
  positions[0][0] = x1 + 3;
  positions[0][1] = y - th / 2.0;
  positions[1][0] = x0 - 3 - tw;
  positions[1][1] = y - th / 2.0;
  positions[2][0] = x - tw / 2.0;
  positions[2][1] = y0 - 1 - th;
  positions[3][0] = x - tw / 2.0;
  positions[3][1] = y1 + 1;

  for (guint p = 0; p < G_N_ELEMENTS (positions); p++)
    {
      /* The box holds the text, and the dot if it is drawn. */
      double bx0 = positions[p][0], by0 = positions[p][1];
      double bx1 = bx0 + tw, by1 = by0 + th;
      graphene_rect_t box;

      if (*with_dot)
        {
          bx0 = MIN (bx0, x0);
          by0 = MIN (by0, y0);
          bx1 = MAX (bx1, x1);
          by1 = MAX (by1, y1);
        }
      graphene_rect_init (&box, bx0, by0, bx1 - bx0, by1 - by0);
      if (atlas_label_placer_try_add (placer, ATLAS_LABEL_CITY, index, &box))
        {
          *lx = positions[p][0];
          *ly = positions[p][1];
          return TRUE;
        }
    }
  return FALSE;
}

static void
draw_town (AtlasBasemapLayer       *self,
           Frame                   *frame,
           AtlasLabelPlacer        *placer,
           guint                    index,
           const AtlasBasemapLabel *label,
           double                   x,
           double                   y)
{
  const AtlasMapPalette *palette = frame->palette;
  PangoLayout *layout = get_layout (self, index, label);
  double dot = label->kind == ATLAS_BASEMAP_LABEL_CAPITAL ? 4.0 : 3.0;
  double lx, ly;
  gboolean with_dot;
  int tw, th;

  pango_layout_get_pixel_size (layout, &tw, &th);
  if (!place_town (placer, index, x, y, dot, tw, th, &lx, &ly, &with_dot))
    return;
  g_array_append_val (self->placed, index);

  if (with_dot)
    blit_sprite (frame->cr, get_dot (self, label->kind == ATLAS_BASEMAP_LABEL_CAPITAL, palette),
                 self->sprites_scale, x, y);
  blit_sprite (frame->cr, get_sprite (self, index, layout, 0, palette->text, palette->halo),
               self->sprites_scale, lx + tw / 2.0, ly + th / 2.0);
}

static void
draw_label (AtlasBasemapLayer       *self,
            Frame                   *frame,
            AtlasLabelPlacer        *placer,
            guint                    index,
            const AtlasBasemapLabel *label)
{
  const AtlasMapPalette *palette = frame->palette;
  PangoLayout *layout;
  double x, y, angle, c, s, bw, bh;
  graphene_rect_t box;
  int tw, th;
  guint32 color;

  atlas_map_projection_to_widget (&frame->projection, label->x, label->y, &x, &y);
  if (label->kind == ATLAS_BASEMAP_LABEL_CAPITAL || label->kind == ATLAS_BASEMAP_LABEL_PREFECTURE ||
      label->kind == ATLAS_BASEMAP_LABEL_TOWN)
    {
      draw_town (self, frame, placer, index, label, x, y);
      return;
    }

  layout = get_layout (self, index, label);
  pango_layout_get_pixel_size (layout, &tw, &th);
  angle = label->kind == ATLAS_BASEMAP_LABEL_RIVER ? label->angle + frame->projection.rotation
                                                  : 0.0;
  /* The screen box of the (possibly turned) text. */
  c = fabs (cos (angle));
  s = fabs (sin (angle));
  bw = tw * c + th * s;
  bh = tw * s + th * c;
  graphene_rect_init (&box, x - bw / 2, y - bh / 2, bw, bh);
  if (!atlas_label_placer_try_add (placer, ATLAS_LABEL_NAME, index, &box))
    return;
  g_array_append_val (self->placed, index);

  color = label->kind == ATLAS_BASEMAP_LABEL_RIVER ? palette->water_text : palette->text_minor;
  blit_sprite (frame->cr, get_sprite (self, index, layout, angle, color, palette->halo),
               self->sprites_scale, x, y);
}

/* Whether a place of the dataset with this name is labelled in this frame: its
 * label then replaces the base map's (Chengdu written twice, a pixel apart,
 * reads badly). */
static gboolean
label_covered (AtlasBasemapLayer       *self,
               const AtlasLabelPlacer  *placer,
               const AtlasBasemapLabel *label)
{
  const char *names[] = { label->name, label->name_zh };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      guint place;

      if (*names[i] == '\0')
        continue;
      place = GPOINTER_TO_UINT (g_hash_table_lookup (self->covered_names, names[i]));
      if (place != 0 && (atlas_label_placer_has (placer, ATLAS_LABEL_PLACE, place - 1) ||
                         atlas_label_placer_has (placer, ATLAS_LABEL_SELECTED, place - 1)))
        return TRUE;
    }
  return FALSE;
}

/* Tells assistive technologies which names the map shows, as a reader sees them. */
static void
update_description (AtlasBasemapLayer *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *description = NULL;

  for (guint k = 0; k < self->placed->len; k++)
    {
      const AtlasBasemapLabel *label = atlas_basemap_get_label (self->basemap,
                                                                g_array_index (self->placed,
                                                                               guint, k));

      if (k > 0)
        /* Translators: between the names of places in a list */
        g_string_append (names, _(", "));
      g_string_append (names, atlas_localized (label->name, label->name_zh));
    }

  /* Translators: the names the offline base map shows */
  description = g_strdup_printf (_("Names on the map: %s"), names->str);
  if (g_strcmp0 (description, self->description) == 0)
    return;

  g_free (self->description);
  self->description = g_steal_pointer (&description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
}

/* Places and draws the names in view, on a copy of the place layer's placer. */
static void
draw_labels (AtlasBasemapLayer *self,
             Frame             *frame)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint n = atlas_basemap_get_n_labels (self->basemap);
  /* From half a level before the label's level, where the view is nearer to it. */
  int zoom = (int) floor (frame->projection.zoom + 0.5);

  g_clear_pointer (&self->placer, atlas_label_placer_free);
  if (self->places != NULL)
    self->placer = atlas_label_placer_copy (atlas_place_layer_get_label_placer (self->places));
  else
    self->placer = atlas_label_placer_new (frame->projection.width, frame->projection.height);
  g_array_set_size (self->placed, 0);

  for (guint i = 0; i < n; i++)
    {
      const AtlasBasemapLabel *label = atlas_basemap_get_label (self->basemap, i);
      Candidate candidate = { i, label_priority (label->kind) };

      if (label->min_zoom > zoom || *atlas_localized (label->name, label->name_zh) == '\0')
        continue;
      if (label->x < frame->x0 || label->x > frame->x1 ||
          label->y < frame->y0 || label->y > frame->y1)
        continue;
      if (label_covered (self, self->placer, label))
        continue;
      g_array_append_val (candidates, candidate);
    }
  g_array_sort (candidates, compare_candidates);

  for (guint k = 0; k < candidates->len; k++)
    {
      guint i = g_array_index (candidates, Candidate, k).index;

      draw_label (self, frame, self->placer, i, atlas_basemap_get_label (self->basemap, i));
    }
  update_description (self);
}

/* Draws the whole base map for @projection, background included. */
static void
draw_map (AtlasBasemapLayer        *self,
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

  if (self->basemap == NULL)
    return;

  /* Versions are made for whole zoom levels; between two, the coarser one. */
  frame.zoom = (int) floor (frame.projection.zoom + 1e-6);
  atlas_map_projection_get_bounds (&frame.projection, 16, &frame.x0, &frame.y0, &frame.x1,
                                   &frame.y1);
  atlas_map_path_init (&frame.path, cr, &frame.projection, 16);

  draw_areas (self, &frame);
  draw_rivers (self, &frame);
  draw_borders (self, &frame);
}

static void
draw_map_cb (cairo_t                  *cr,
             const AtlasMapProjection *projection,
             gpointer                  user_data)
{
  AtlasBasemapLayer *self = user_data;

  draw_map (self, cr, projection, atlas_map_palette_get (self->drawing_dark));
}

/* Places and draws the names, over the map drawn so far. */
static void
draw_labels_in_frame (AtlasBasemapLayer *self,
                      Frame             *frame)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (self->sprites_dark != self->drawing_dark ||
      self->sprites_scale != gtk_widget_get_scale_factor (widget))
    {
      clear_layouts (self);
      self->sprites_dark = self->drawing_dark;
      self->sprites_scale = gtk_widget_get_scale_factor (widget);
    }
  frame->palette = atlas_map_palette_get (self->drawing_dark);
  atlas_map_projection_get_bounds (&frame->projection, 16, &frame->x0, &frame->y0, &frame->x1,
                                   &frame->y1);
  draw_labels (self, frame);
}

static void
atlas_basemap_layer_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  AtlasBasemapLayer *self = ATLAS_BASEMAP_LAYER (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  Frame frame = { 0 };

  if (width <= 0 || height <= 0)
    return;

  self->drawing_dark = atlas_map_widget_is_dark (widget);
  atlas_map_projection_init_from_viewport (&frame.projection,
                                           shumate_layer_get_viewport (SHUMATE_LAYER (self)),
                                           width, height);
  /* The names go in the same cairo node as the map: renderers draw a second
   * node the size of the map into an image of its own, every frame. */
  frame.cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  atlas_map_cache_draw (&self->cache, frame.cr, &frame.projection, self->drawing_dark,
                        draw_map_cb, self);
  if (self->basemap != NULL)
    draw_labels_in_frame (self, &frame);
  cairo_destroy (frame.cr);
}

static void
atlas_basemap_layer_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  AtlasBasemapLayer *self = ATLAS_BASEMAP_LAYER (widget);

  GTK_WIDGET_CLASS (atlas_basemap_layer_parent_class)->css_changed (widget, change);

  /* Fonts or colours may have changed. */
  clear_layouts (self);
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

  clear_layouts (self);
  atlas_map_cache_clear (&self->cache);
  g_clear_pointer (&self->layouts, g_free);
  g_clear_pointer (&self->layout_texts, g_free);
  g_clear_pointer (&self->sprites, g_free);
  g_clear_pointer (&self->sprite_angles, g_free);
  g_clear_pointer (&self->basemap, atlas_basemap_unref);
  g_clear_pointer (&self->covered_names, g_hash_table_unref);
  g_clear_pointer (&self->placer, atlas_label_placer_free);
  g_clear_pointer (&self->placed, g_array_unref);
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
  self->covered_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->placed = g_array_new (FALSE, FALSE, sizeof (guint));
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
      guint n = atlas_basemap_get_n_labels (basemap);

      self->basemap = atlas_basemap_ref (basemap);
      self->layouts = g_new0 (PangoLayout *, MAX (n, 1));
      self->layout_texts = g_new0 (const char *, MAX (n, 1));
      self->sprites = g_new0 (cairo_surface_t *, MAX (n, 1));
      self->sprite_angles = g_new0 (float, MAX (n, 1));
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

  g_hash_table_remove_all (self->covered_names);
  for (guint i = 0; dataset != NULL && i < atlas_dataset_get_n_locations (dataset); i++)
    {
      const AtlasLocation *loc = atlas_dataset_get_location (dataset, i);
      const char *texts[] = { loc->name, loc->name_zh };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          if (texts[t] != NULL && *texts[t] != '\0' &&
              !g_hash_table_contains (self->covered_names, texts[t]))
            g_hash_table_insert (self->covered_names, g_strdup (texts[t]), GUINT_TO_POINTER (i + 1));
        }
    }

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

  return self->placer;
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
