/* atlas-place-layer-draw.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Drawing of AtlasPlaceLayer (see atlas-place-layer.c for the frame's steps):
 * marker sprites, cluster markers, the selection and labels.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-label-placer.h"
#include "atlas-map-style.h"
#include "atlas-place-layer-private.h"
#include "model/atlas-locale.h"

#define MAX_LABELS 160
/* Above this many single markers, they are drawn into an image of their own. */
#define DIRECT_THRESHOLD 1000

/* Sprites ---------------------------------------------------------------- */

static guint64
sprite_key (AtlasKind kind,
            guint32   color,
            double    radius,
            gboolean  faded)
{
  guint64 r = (guint64) lround (radius * 4);

  return ((guint64) kind << 40) | ((guint64) faded << 39) | (r << 24) | (color & 0xffffff);
}

static cairo_surface_t *
get_sprite (AtlasPlaceLayer       *self,
            const AtlasMapPalette *palette,
            AtlasKind              kind,
            guint32                color,
            double                 radius,
            gboolean               faded,
            double                *half)
{
  guint64 key = sprite_key (kind, color, radius, faded);
  cairo_surface_t *sprite = g_hash_table_lookup (self->sprites, &key);
  int size = (int) ceil (2 * (radius * 1.35 + 2));
  int scale = self->sprites_scale;

  *half = size / 2.0;
  if (sprite == NULL)
    {
      cairo_t *cr;

      sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size * scale, size * scale);
      cairo_surface_set_device_scale (sprite, scale, scale);
      cr = cairo_create (sprite);
      atlas_map_draw_marker (cr, kind, *half, *half, radius, color, palette->marker_outline,
                             faded ? 0.5 : 1.0);
      cairo_destroy (cr);
      g_hash_table_insert (self->sprites, g_memdup2 (&key, sizeof key), sprite);
    }
  return sprite;
}

/* Drawing ---------------------------------------------------------------- */

/* Large markers first, so that small ones stay visible on top: a counting sort
 * on the radius (in the quarter pixels sprites are made for), which keeps the
 * order of equal ones and costs O(n) for 100,000 markers. */
static void
sort_singles (GArray *singles)
{
  guint n_buckets = (guint) lround (ATLAS_MAP_RADIUS_MAX * 4) + 2;
  g_autofree guint *start = g_new0 (guint, n_buckets + 1);
  g_autofree AtlasPlaceSingle *sorted = NULL;

  if (singles->len < 2)
    return;

  for (guint i = 0; i < singles->len; i++)
    {
      guint q = MIN ((guint) lround (g_array_index (singles, AtlasPlaceSingle, i).radius * 4),
                     n_buckets - 1);

      start[n_buckets - 1 - q + 1]++;
    }
  for (guint b = 0; b < n_buckets; b++)
    start[b + 1] += start[b];

  sorted = g_new (AtlasPlaceSingle, singles->len);
  for (guint i = 0; i < singles->len; i++)
    {
      const AtlasPlaceSingle *single = &g_array_index (singles, AtlasPlaceSingle, i);
      guint q = MIN ((guint) lround (single->radius * 4), n_buckets - 1);

      sorted[start[n_buckets - 1 - q]++] = *single;
    }
  memcpy (singles->data, sorted, sizeof (AtlasPlaceSingle) * singles->len);
}

static void
blit_singles (AtlasPlaceLayer       *self,
              cairo_t               *cr,
              const AtlasMapPalette *palette,
              GArray                *singles)
{
  double scale = self->sprites_scale;

  for (guint i = 0; i < singles->len; i++)
    {
      const AtlasPlaceSingle *s = &g_array_index (singles, AtlasPlaceSingle, i);
      const AtlasLocation *loc = atlas_dataset_get_location (self->dataset, s->place);
      double half, x, y;
      gboolean idle = atlas_place_layer_count_of (self, s->place) == 0;
      cairo_surface_t *sprite = get_sprite (self, palette, loc->kind, self->colors[s->place],
                                            s->radius, idle, &half);

      /* Whole device pixels: copying a sprite is then a plain blit. */
      x = round ((s->x - half) * scale) / scale;
      y = round ((s->y - half) * scale) / scale;
      cairo_set_source_surface (cr, sprite, x, y);
      cairo_rectangle (cr, x, y, 2 * half, 2 * half);
      cairo_fill (cr);
    }
}

static void
draw_singles (AtlasPlaceLayer       *self,
              cairo_t               *cr,
              const AtlasMapPalette *palette,
              GArray                *singles)
{
  cairo_surface_t *surface;
  cairo_t *direct;
  int scale = self->sprites_scale;

  sort_singles (singles);
  if (singles->len <= DIRECT_THRESHOLD)
    {
      blit_singles (self, cr, palette, singles);
      return;
    }

  /* Many markers (clustering off, or very dense places at street level) are
   * copied straight into an image: recording each copy in the node and
   * replaying it costs three times as much. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (self->projection.width) * scale,
                                        (int) ceil (self->projection.height) * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  direct = cairo_create (surface);
  blit_singles (self, direct, palette, singles);
  cairo_destroy (direct);

  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_surface_destroy (surface);
}

static void
draw_cluster (AtlasPlaceLayer       *self,
              cairo_t               *cr,
              const AtlasMapPalette *palette,
              const AtlasMapCluster *group,
              guint                 *sector_counts)
{
  guint n_sectors = atlas_dataset_get_n_sectors (self->dataset);
  double radius = atlas_place_layer_cluster_radius (group->count);
  double angle = -G_PI / 2;
  gboolean any_active = FALSE;
  guint n_active = 0;
  g_autofree char *text = NULL;
  int tw, th;

  memset (sector_counts, 0, sizeof (guint) * (n_sectors + 1));
  for (guint k = 0; k < group->count; k++)
    {
      guint place = self->clusters.members[group->first + k];
      guint n;
      const guint32 *sectors = atlas_dataset_location_sectors (self->dataset, place, &n);

      sector_counts[n > 0 ? sectors[0] : n_sectors]++;
      n_active += atlas_place_layer_count_of (self, place) > 0;
    }
  any_active = n_active > 0;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, group->x, group->y, radius + 1.5, 0, 2 * G_PI);
  atlas_map_set_source_rgb (cr, palette->marker_outline, any_active ? 0.9 : 0.6);
  cairo_fill (cr);

  /* A ring split by the sectors of the members, so a cluster still tells
   * which industries are there. */
  cairo_set_line_width (cr, 4.5);
  for (guint s = 0; s <= n_sectors; s++)
    {
      double sweep;

      if (sector_counts[s] == 0)
        continue;
      sweep = 2 * G_PI * sector_counts[s] / group->count;
      cairo_new_path (cr);
      cairo_arc (cr, group->x, group->y, radius - 2.25, angle, angle + sweep);
      atlas_map_set_source_rgb (cr,
                                s < n_sectors ? atlas_dataset_get_sector (self->dataset, s)->color
                                              : palette->no_sector,
                                any_active ? 1.0 : 0.55);
      cairo_stroke (cr);
      angle += sweep;
    }

  cairo_new_path (cr);
  cairo_arc (cr, group->x, group->y, radius - 4.5, 0, 2 * G_PI);
  atlas_map_set_source_rgb (cr, palette->cluster_fill, 0.95);
  cairo_fill (cr);

  /* The number says what the map shows: with the playhead before the end, the
   * places where something has happened by then (the others are faded). */
  text = g_strdup_printf ("%u", self->counts != NULL ? n_active : group->count);
  pango_layout_set_text (self->count_layout, text, -1);
  pango_layout_get_pixel_size (self->count_layout, &tw, &th);
  cairo_move_to (cr, group->x - tw / 2.0, group->y - th / 2.0);
  atlas_map_set_source_rgb (cr, palette->text, any_active ? 1.0 : 0.7);
  pango_cairo_show_layout (cr, self->count_layout);
  cairo_restore (cr);
}

static void
draw_selection (AtlasPlaceLayer        *self,
                cairo_t                *cr,
                const AtlasMapPalette  *palette,
                const AtlasPlaceSingle *s)
{
  const AtlasLocation *loc = atlas_dataset_get_location (self->dataset, s->place);

  cairo_new_path (cr);
  cairo_arc (cr, s->x, s->y, s->radius * 1.35 + 5, 0, 2 * G_PI);
  atlas_map_set_source_rgb (cr, palette->selection, 0.25);
  cairo_fill_preserve (cr);
  atlas_map_set_source_rgb (cr, palette->selection, 1.0);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
  atlas_map_draw_marker (cr, loc->kind, s->x, s->y, MAX (s->radius, ATLAS_MAP_RADIUS_MIN),
                         self->colors[s->place], palette->marker_outline, 1.0);
}

/* The other places of the selected event, ringed where they are even when a
 * cluster holds them. Returns how many were on screen. */
static guint
draw_also_selected (AtlasPlaceLayer       *self,
                    cairo_t               *cr,
                    const AtlasMapPalette *palette)
{
  guint n = 0;

  for (guint i = 0; i < self->also_selected->len; i++)
    {
      AtlasPlaceSingle s;
      double x, y;

      s.place = g_array_index (self->also_selected, guint, i);
      if (!self->visible[s.place])
        continue;
      atlas_map_projection_to_widget (&self->projection, self->xs[s.place], self->ys[s.place], &x, &y);
      if (x < 0 || y < 0 || x > self->projection.width || y > self->projection.height)
        continue;
      s.x = x;
      s.y = y;
      s.radius = atlas_place_layer_radius_of (self, s.place);
      draw_selection (self, cr, palette, &s);
      n++;
    }
  return n;
}

static PangoLayout *
get_label_layout (AtlasPlaceLayer *self,
                  guint            place)
{
  const AtlasLocation *loc = atlas_dataset_get_location (self->dataset, place);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, GUINT_TO_POINTER (place));

  if (layout == NULL)
    {
      PangoFontDescription *font;

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                               atlas_localized (loc->name, loc->name_zh));
      font = pango_font_description_copy (
        pango_context_get_font_description (pango_layout_get_context (layout)));
      pango_font_description_set_absolute_size (font, 11.5 * PANGO_SCALE);
      /* The places labelled first (areas, cities, districts) stand out. */
      pango_font_description_set_weight (font, atlas_map_kind_rank (loc->kind) <= 10
                                                 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_SEMIBOLD);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      g_hash_table_insert (self->layouts, GUINT_TO_POINTER (place), layout);
    }
  return layout;
}

/* Labels ----------------------------------------------------------------- */

/* How far a marker's shape reaches from its centre: the points of stars and
 * triangles, and half the outline. */
static double
marker_extent (double radius)
{
  return radius * 1.3 + 1.5;
}

/* The selection ring around the selected marker, outline included. */
static double
selection_extent (double radius)
{
  return radius * 1.35 + 5 + 1.25;
}

/* The places drawn on their own marker in this layout; the selected one, if
 * on screen, is last and copied to @selected. */
static GArray *
collect_singles (AtlasPlaceLayer  *self,
                 AtlasPlaceSingle *selected)
{
  GArray *singles = g_array_sized_new (FALSE, FALSE, sizeof (AtlasPlaceSingle),
                                       self->clusters.n_groups + 1);

  selected->place = ATLAS_NONE;
  for (guint g = 0; g < self->clusters.n_groups; g++)
    {
      const AtlasMapCluster *group = &self->clusters.groups[g];
      AtlasPlaceSingle s;

      if (group->count > 1)
        continue;
      s.place = self->clusters.members[group->first];
      s.x = group->x;
      s.y = group->y;
      s.radius = atlas_place_layer_radius_of (self, s.place);
      g_array_append_val (singles, s);
    }
  /* The selected place was kept out of the clustering; it is the last one. */
  if (self->selected != ATLAS_NONE && self->n_on_screen > 0 &&
      self->ids[self->n_on_screen - 1] == self->selected)
    {
      selected->place = self->selected;
      selected->x = self->sx[self->n_on_screen - 1];
      selected->y = self->sy[self->n_on_screen - 1];
      selected->radius = atlas_place_layer_radius_of (self, self->selected);
      g_array_append_val (singles, *selected);
    }
  return singles;
}

typedef struct
{
  const AtlasPlaceSingle *single;
  int rank;
  guint count;
} LabelCandidate;

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  const LabelCandidate *la = a, *lb = b;

  if (la->rank != lb->rank)
    return la->rank < lb->rank ? -1 : 1;
  if (la->count != lb->count)
    return la->count > lb->count ? -1 : 1;
  return la->single->place < lb->single->place ? -1 : (la->single->place > lb->single->place);
}

/* Files what labels must not cover: the controls over the map, every marker
 * (the selected one with its ring) and every cluster. */
static void
add_obstacles (AtlasPlaceLayer *self,
               GArray          *singles,
               guint            selected)
{
  graphene_rect_t obstacle;

  if (self->label_obstacle != NULL &&
      gtk_widget_compute_bounds (self->label_obstacle, GTK_WIDGET (self), &obstacle))
    atlas_label_placer_add (self->placer, ATLAS_LABEL_OBSTACLE, 0, &obstacle);

  for (guint i = 0; i < singles->len; i++)
    {
      const AtlasPlaceSingle *s = &g_array_index (singles, AtlasPlaceSingle, i);
      double r = s->place == selected ? selection_extent (s->radius) : marker_extent (s->radius);
      graphene_rect_t box = GRAPHENE_RECT_INIT (s->x - r, s->y - r, 2 * r, 2 * r);

      atlas_label_placer_add (self->placer, ATLAS_LABEL_MARKER, s->place, &box);
    }
  /* The other places of a selected event are ringed, clustered or not. */
  for (guint i = 0; i < self->also_selected->len; i++)
    {
      guint place = g_array_index (self->also_selected, guint, i);
      double x, y, r = selection_extent (atlas_place_layer_radius_of (self, place));
      graphene_rect_t box;

      if (!self->visible[place])
        continue;
      atlas_map_projection_to_widget (&self->projection, self->xs[place], self->ys[place], &x, &y);
      graphene_rect_init (&box, x - r, y - r, 2 * r, 2 * r);
      atlas_label_placer_add (self->placer, ATLAS_LABEL_MARKER, place, &box);
    }
  for (guint g = 0; g < self->clusters.n_groups; g++)
    {
      const AtlasMapCluster *group = &self->clusters.groups[g];
      double r = atlas_place_layer_cluster_radius (group->count) + 1.5;
      graphene_rect_t box = GRAPHENE_RECT_INIT (group->x - r, group->y - r, 2 * r, 2 * r);

      if (group->count > 1)
        atlas_label_placer_add (self->placer, ATLAS_LABEL_CLUSTER,
                                self->clusters.members[group->first], &box);
    }
}

/* Right of the marker, else left, below, above; or no label. */
static void
place_label (AtlasPlaceLayer        *self,
             const AtlasPlaceSingle *s,
             AtlasLabelKind          kind)
{
  PangoLayout *layout = get_label_layout (self, s->place);
  double gap = (kind == ATLAS_LABEL_SELECTED ? selection_extent (s->radius)
                                             : marker_extent (s->radius)) + 2;
  int tw, th;

  pango_layout_get_pixel_size (layout, &tw, &th);
  {
    const double positions[4][2] = {
      { s->x + gap, s->y - th / 2.0 },
      { s->x - gap - tw, s->y - th / 2.0 },
      { s->x - tw / 2.0, s->y + gap },
      { s->x - tw / 2.0, s->y - gap - th },
    };

    for (guint p = 0; p < G_N_ELEMENTS (positions); p++)
      {
        AtlasPlaceLabel label = { s->place, positions[p][0], positions[p][1] };
        graphene_rect_t box = GRAPHENE_RECT_INIT (label.x, label.y, tw, th);

        if (!atlas_label_placer_try_add (self->placer, kind, s->place, &box))
          continue;
        g_array_append_val (self->labels, label);
        break;
      }
  }
}

/**
 * atlas_place_layer_ensure_labels:
 * @self: a layer
 *
 * Places the labels of the current layout, unless that was done already: the
 * selected place's first, then those of the important places, around their
 * markers and clear of every marker, cluster and the map's controls.
 */
void
atlas_place_layer_ensure_labels (AtlasPlaceLayer *self)
{
  g_autoptr(GArray) singles = NULL;
  g_autoptr(GArray) candidates = NULL;
  AtlasPlaceSingle selected;
  double zoom;

  atlas_place_layer_ensure_layout (self);
  if (self->labels_valid && self->placer != NULL)
    return;

  self->labels_valid = TRUE;
  g_clear_pointer (&self->placer, atlas_label_placer_free);
  self->placer = atlas_label_placer_new (self->projection.width, self->projection.height);
  g_array_set_size (self->labels, 0);
  singles = collect_singles (self, &selected);
  add_obstacles (self, singles, selected.place);
  if (singles->len == 0)
    return;

  zoom = self->projection.zoom;
  candidates = g_array_new (FALSE, FALSE, sizeof (LabelCandidate));
  for (guint i = 0; i < singles->len; i++)
    {
      const AtlasPlaceSingle *s = &g_array_index (singles, AtlasPlaceSingle, i);
      const AtlasLocation *loc = atlas_dataset_get_location (self->dataset, s->place);
      LabelCandidate candidate = {
        s, atlas_map_kind_rank (loc->kind), atlas_place_layer_count_of (self, s->place)
      };

      if (s->place == selected.place)
        candidate.rank = -1;
      else if (zoom < atlas_map_kind_label_zoom (loc->kind) || candidate.count == 0)
        continue;
      g_array_append_val (candidates, candidate);
    }
  g_array_sort (candidates, compare_labels);

  for (guint i = 0; i < MIN (candidates->len, MAX_LABELS); i++)
    {
      const AtlasPlaceSingle *s = g_array_index (candidates, LabelCandidate, i).single;

      place_label (self, s, s->place == selected.place ? ATLAS_LABEL_SELECTED : ATLAS_LABEL_PLACE);
    }
}

/**
 * atlas_place_layer_get_label_placer:
 * @self: a layer
 *
 * Returns: (transfer none): the placer of the current frame, holding the
 *   controls, markers, clusters and place labels; names drawn under the places
 *   (the base map's) are placed on a copy of it
 */
const AtlasLabelPlacer *
atlas_place_layer_get_label_placer (AtlasPlaceLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE_LAYER (self), NULL);

  atlas_place_layer_ensure_labels (self);
  return self->placer;
}

static void
draw_labels (AtlasPlaceLayer       *self,
             cairo_t               *cr,
             const AtlasMapPalette *palette)
{
  for (guint i = 0; i < self->labels->len; i++)
    {
      const AtlasPlaceLabel *label = &g_array_index (self->labels, AtlasPlaceLabel, i);

      atlas_map_draw_text (cr, get_label_layout (self, label->place), label->x, label->y,
                           label->place == self->selected ? palette->selection : palette->text,
                           palette->halo);
    }
}

/**
 * atlas_place_layer_draw:
 * @self: a layer
 * @snapshot: where to draw
 *
 * Draws the current layout: single places, clusters, the selection and labels.
 */
void
atlas_place_layer_draw (AtlasPlaceLayer *self,
                        GtkSnapshot     *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  const AtlasMapPalette *palette;
  g_autoptr(GArray) singles = NULL;
  g_autofree guint *sector_counts = NULL;
  gboolean dark;
  int scale;
  AtlasPlaceSingle selected;
  cairo_t *cr;

  if (self->dataset == NULL || width <= 0 || height <= 0)
    return;

  atlas_place_layer_ensure_labels (self);
  self->n_ringed = 0;
  if (self->n_on_screen == 0)
    return;

  dark = atlas_map_widget_is_dark (widget);
  scale = gtk_widget_get_scale_factor (widget);
  if (dark != self->sprites_dark || scale != self->sprites_scale)
    {
      g_hash_table_remove_all (self->sprites);
      self->sprites_dark = dark;
      self->sprites_scale = scale;
    }
  palette = atlas_map_palette_get (dark);

  singles = collect_singles (self, &selected);
  if (selected.place != ATLAS_NONE)
    g_array_set_size (singles, singles->len - 1);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_singles (self, cr, palette, singles);

  sector_counts = g_new (guint, atlas_dataset_get_n_sectors (self->dataset) + 1);
  for (guint g = 0; g < self->clusters.n_groups; g++)
    {
      if (self->clusters.groups[g].count > 1)
        draw_cluster (self, cr, palette, &self->clusters.groups[g], sector_counts);
    }

  self->n_ringed = draw_also_selected (self, cr, palette);
  if (selected.place != ATLAS_NONE)
    {
      draw_selection (self, cr, palette, &selected);
      self->n_ringed++;
    }
  draw_labels (self, cr, palette);
  cairo_destroy (cr);
}
