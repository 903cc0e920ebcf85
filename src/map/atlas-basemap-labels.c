/* atlas-basemap-labels.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The names of the offline base map: towns with their dots, rivers along their
 * course, districts and other names. They are not in the base map's cached
 * image: they are placed each frame, after the place layer has placed its
 * markers, clusters and names, on a copy of its label placer, so a town's name
 * never hides under a marker or a cluster and gives way to a place's name.
 *
 * Names compete in order of importance (capitals first, towns last). A label
 * shows from half a zoom level before its own level: whether a view fitted to
 * a dataset lands at zoom 6.9 or 7.1 must not decide whether a dozen city
 * names are there. Each name is drawn once, with its halo, into an image of
 * its own (a sprite) that frames only copy.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "atlas-basemap-labels-private.h"
#include "atlas-map-style.h"
#include "model/atlas-locale.h"

struct _AtlasBasemapLabels
{
  GtkWidget *widget;          /* not owned: whose fonts and scale the names take */
  AtlasBasemap *basemap;
  PangoLayout **layouts;      /* per label, made on first use */
  const char **layout_texts;  /* the text each layout was made for */
  cairo_surface_t **sprites;  /* per label: its name and halo, drawn once */
  float *sprite_angles;       /* the angle each sprite is turned by */
  cairo_surface_t *dots[2];   /* a capital's dot, another town's */
  gboolean sprites_dark;
  int sprites_scale;

  GHashTable *names;          /* a name → 1 + the first of its slots (label × 2 + language) */
  guint *next_slot;           /* by slot: 1 + the next slot of the same name, or 0 */
  guint *covering;            /* by slot: 1 + a place of the dataset of that name, or 0 */
  AtlasLabelPlacer *placer;   /* of the last frame */
  GArray *placed;             /* guint: the labels drawn in the last frame */
};

typedef struct
{
  cairo_t *cr;
  AtlasMapProjection projection;
  double x0, y0, x1, y1;      /* visible normalized box */
  const AtlasMapPalette *palette;
} Frame;

/* The labels by name, English and Chinese: a dataset's place names are looked
 * up there, rather than the base map's names among the dataset's (at 100,000
 * places that took tens of milliseconds as a dataset landed). */
static void
index_names (AtlasBasemapLabels *self,
             guint               n)
{
  self->names = g_hash_table_new (g_str_hash, g_str_equal);
  self->next_slot = g_new0 (guint, MAX (2 * n, 1));
  self->covering = g_new0 (guint, MAX (2 * n, 1));
  for (guint slot = 0; slot < 2 * n; slot++)
    {
      const AtlasBasemapLabel *label = atlas_basemap_get_label (self->basemap, slot / 2);
      const char *name = slot % 2 == 0 ? label->name : label->name_zh;

      if (*name == '\0')
        continue;
      self->next_slot[slot] = GPOINTER_TO_UINT (g_hash_table_lookup (self->names, name));
      g_hash_table_insert (self->names, (gpointer) name, GUINT_TO_POINTER (slot + 1));
    }
}

/**
 * atlas_basemap_labels_new:
 * @widget: the layer the names are drawn for
 * @basemap: the base map whose names these are
 *
 * Returns: (transfer full): the names, none placed yet
 */
AtlasBasemapLabels *
atlas_basemap_labels_new (GtkWidget    *widget,
                          AtlasBasemap *basemap)
{
  AtlasBasemapLabels *self = g_new0 (AtlasBasemapLabels, 1);
  guint n = atlas_basemap_get_n_labels (basemap);

  self->widget = widget;
  self->basemap = atlas_basemap_ref (basemap);
  self->layouts = g_new0 (PangoLayout *, MAX (n, 1));
  self->layout_texts = g_new0 (const char *, MAX (n, 1));
  self->sprites = g_new0 (cairo_surface_t *, MAX (n, 1));
  self->sprite_angles = g_new0 (float, MAX (n, 1));
  index_names (self, n);
  self->placed = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}

/**
 * atlas_basemap_labels_forget_sprites:
 * @self: the names
 *
 * Drops the names' layouts and images, to be made again with new fonts,
 * colours or scale.
 */
void
atlas_basemap_labels_forget_sprites (AtlasBasemapLabels *self)
{
  guint n = atlas_basemap_get_n_labels (self->basemap);

  for (guint i = 0; i < n; i++)
    {
      g_clear_object (&self->layouts[i]);
      g_clear_pointer (&self->sprites[i], cairo_surface_destroy);
    }
  g_clear_pointer (&self->dots[0], cairo_surface_destroy);
  g_clear_pointer (&self->dots[1], cairo_surface_destroy);
}

void
atlas_basemap_labels_free (AtlasBasemapLabels *self)
{
  if (self == NULL)
    return;

  atlas_basemap_labels_forget_sprites (self);
  g_free (self->layouts);
  g_free (self->layout_texts);
  g_free (self->sprites);
  g_free (self->sprite_angles);
  atlas_basemap_unref (self->basemap);
  g_hash_table_unref (self->names);
  g_free (self->next_slot);
  g_free (self->covering);
  g_clear_pointer (&self->placer, atlas_label_placer_free);
  g_array_unref (self->placed);
  g_free (self);
}

/**
 * atlas_basemap_labels_set_dataset:
 * @self: the names
 * @dataset: (nullable): the dataset whose places are drawn over the base map
 *
 * Where the place layer labels a place of the dataset, the base map leaves
 * out its own label with the same name (English or Chinese), such as a city's.
 */
void
atlas_basemap_labels_set_dataset (AtlasBasemapLabels *self,
                                  AtlasDataset       *dataset)
{
  memset (self->covering, 0, sizeof (guint) * MAX (2 * atlas_basemap_get_n_labels (self->basemap), 1));
  for (guint i = 0; dataset != NULL && i < atlas_dataset_get_n_locations (dataset); i++)
    {
      const AtlasLocation *loc = atlas_dataset_get_location (dataset, i);
      const char *texts[] = { loc->name, loc->name_zh };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          guint slot = texts[t] != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->names, texts[t])) : 0;

          /* The first place of that name labels each label of that name. */
          for (; slot != 0; slot = self->next_slot[slot - 1])
            {
              if (self->covering[slot - 1] == 0)
                self->covering[slot - 1] = i + 1;
            }
        }
    }
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
get_layout (AtlasBasemapLabels      *self,
            guint                    index,
            const AtlasBasemapLabel *label)
{
  const char *text = atlas_localized (label->name, label->name_zh);
  PangoFontDescription *font;
  PangoLayout *layout;

  if (self->layouts[index] != NULL && self->layout_texts[index] == text)
    return self->layouts[index];

  layout = gtk_widget_create_pango_layout (self->widget, text);
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
get_sprite (AtlasBasemapLabels *self,
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
get_dot (AtlasBasemapLabels    *self,
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
draw_town (AtlasBasemapLabels      *self,
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
draw_label (AtlasBasemapLabels      *self,
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
label_covered (AtlasBasemapLabels     *self,
               const AtlasLabelPlacer *placer,
               guint                   index)
{
  for (guint slot = 2 * index; slot < 2 * index + 2; slot++)
    {
      guint place = self->covering[slot];

      if (place != 0 && (atlas_label_placer_has (placer, ATLAS_LABEL_PLACE, place - 1) ||
                         atlas_label_placer_has (placer, ATLAS_LABEL_SELECTED, place - 1)))
        return TRUE;
    }
  return FALSE;
}

/**
 * atlas_basemap_labels_describe:
 * @self: the names
 *
 * Returns: (transfer full): which names the last frame showed, as a reader
 *   sees them, for assistive technologies
 */
char *
atlas_basemap_labels_describe (AtlasBasemapLabels *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

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
  return g_strdup_printf (_("Names on the map: %s"), names->str);
}

/* Places and draws the names in view, on the frame's placer. */
static void
draw_labels (AtlasBasemapLabels *self,
             Frame              *frame)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint n = atlas_basemap_get_n_labels (self->basemap);
  /* From half a level before the label's level, where the view is nearer to it. */
  int zoom = (int) floor (frame->projection.zoom + 0.5);

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
      if (label_covered (self, self->placer, i))
        continue;
      g_array_append_val (candidates, candidate);
    }
  g_array_sort (candidates, compare_candidates);

  for (guint k = 0; k < candidates->len; k++)
    {
      guint i = g_array_index (candidates, Candidate, k).index;

      draw_label (self, frame, self->placer, i, atlas_basemap_get_label (self->basemap, i));
    }
}

/**
 * atlas_basemap_labels_draw:
 * @self: the names
 * @cr: where to draw, over the base map
 * @projection: the view
 * @dark: whether the map is drawn in its dark style
 * @taken: (nullable): the place layer's placer, with its markers, clusters
 *   and names; it is copied, not changed
 *
 * Places and draws the names in view.
 */
void
atlas_basemap_labels_draw (AtlasBasemapLabels       *self,
                           cairo_t                  *cr,
                           const AtlasMapProjection *projection,
                           gboolean                  dark,
                           const AtlasLabelPlacer   *taken)
{
  Frame frame = { cr, *projection, 0, 0, 0, 0, atlas_map_palette_get (dark) };
  int scale = gtk_widget_get_scale_factor (self->widget);

  if (self->sprites_dark != dark || self->sprites_scale != scale)
    {
      atlas_basemap_labels_forget_sprites (self);
      self->sprites_dark = dark;
      self->sprites_scale = scale;
    }
  atlas_map_projection_get_bounds (&frame.projection, 16, &frame.x0, &frame.y0, &frame.x1,
                                   &frame.y1);

  g_clear_pointer (&self->placer, atlas_label_placer_free);
  if (taken != NULL)
    self->placer = atlas_label_placer_copy (taken);
  else
    self->placer = atlas_label_placer_new (projection->width, projection->height);
  draw_labels (self, &frame);
}

/**
 * atlas_basemap_labels_get_placer:
 * @self: the names
 *
 * Returns: (nullable): the boxes placed in the last frame, the place layer's
 *   included
 */
const AtlasLabelPlacer *
atlas_basemap_labels_get_placer (AtlasBasemapLabels *self)
{
  return self->placer;
}
