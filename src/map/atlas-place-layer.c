/* atlas-place-layer.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Every place of the dataset in one layer, drawn in one snapshot() with cairo —
 * no widget per place. A frame:
 *
 *  1. asks the spatial grid for the places in the visible box (so a zoomed-in
 *     view of a large dataset does not look at every place) and keeps the ones
 *     the filter shows;
 *  2. below CLUSTER_MAX_ZOOM, groups them by a world-anchored screen grid, and
 *     cells with many places become one counted marker with a ring of sector
 *     colours;
 *  3. draws the remaining places as sprites: each marker look (shape of the
 *     kind, sector colour, size from the events in the time window) is rendered
 *     once and then only copied, which is what keeps 10,000 markers cheap;
 *  4. places labels of the important places greedily, avoiding markers; the
 *     base map goes on with the same placer, so its names keep clear of
 *     markers and of the places' names (see atlas-label-placer.c).
 *
 * The same layout (cached until the viewport, the size or the data change) is
 * used for hit tests, so a click finds what is on screen.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-map-style.h"
#include "atlas-place-layer-private.h"

G_DEFINE_FINAL_TYPE (AtlasPlaceLayer, atlas_place_layer, SHUMATE_TYPE_LAYER)

enum {
  LABELS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Labels must be placed afresh, and the base map's with them. */
static void
invalidate_labels (AtlasPlaceLayer *self)
{
  self->labels_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[LABELS_CHANGED], 0);
}

static void
invalidate (AtlasPlaceLayer *self)
{
  self->layout_valid = FALSE;
  invalidate_labels (self);
}

/* The events that size a place's marker: in the time window, or all of them. */
guint
atlas_place_layer_count_of (AtlasPlaceLayer *self,
                            guint            place)
{
  if (self->counts != NULL)
    return self->counts[place];
  return atlas_dataset_get_location (self->dataset, place)->n_events;
}

double
atlas_place_layer_radius_of (AtlasPlaceLayer *self,
                             guint            place)
{
  return atlas_map_marker_radius (atlas_place_layer_count_of (self, place), self->max_count);
}

/* Clusters grow slowly: ten times the places, four pixels more. */
double
atlas_place_layer_cluster_radius (guint count)
{
  return 13.0 + 4.0 * log10 (MAX (count, 1));
}

static gboolean
collect_cb (guint    place,
            gpointer user_data)
{
  AtlasPlaceLayer *self = user_data;
  double x, y;

  if (!self->visible[place])
    return TRUE;

  atlas_map_projection_to_widget (&self->projection, self->xs[place], self->ys[place], &x, &y);
  if (x < -CULL_MARGIN || y < -CULL_MARGIN ||
      x > self->projection.width + CULL_MARGIN || y > self->projection.height + CULL_MARGIN)
    return TRUE;

  self->ids[self->n_on_screen] = place;
  self->sx[self->n_on_screen] = x;
  self->sy[self->n_on_screen] = y;
  self->n_on_screen++;
  return TRUE;
}

/* Projects, culls and clusters the places for the current viewport and size,
 * unless that was done already. */
void
atlas_place_layer_ensure_layout (AtlasPlaceLayer *self)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double min_x, min_y, max_x, max_y;
  guint n_cluster_input;

  if (self->layout_valid && self->projection.width == width && self->projection.height == height)
    return;

  atlas_map_projection_init_from_viewport (&self->projection, viewport, width, height);
  self->layout_valid = TRUE;
  self->labels_valid = FALSE;

  for (guint g = 0; g < self->clusters.n_groups; g++)
    {
      const AtlasMapCluster *group = &self->clusters.groups[g];

      for (guint k = 0; group->count > 1 && k < group->count; k++)
        self->clustered[self->clusters.members[group->first + k]] = FALSE;
    }
  self->clusters.n_groups = 0;
  self->n_on_screen = 0;

  if (self->dataset == NULL || width <= 0 || height <= 0)
    return;

  atlas_map_projection_get_bounds (&self->projection, CULL_MARGIN, &min_x, &min_y, &max_x, &max_y);
  atlas_spatial_grid_foreach_in_box (self->grid, min_x, min_y, max_x, max_y, collect_cb, self);

  /* The selected place is always drawn on its own, highlighted: keep it out. */
  n_cluster_input = self->n_on_screen;
  for (guint i = 0; i < n_cluster_input; i++)
    {
      if (self->ids[i] == self->selected)
        {
          guint last = --n_cluster_input;
          guint id = self->ids[i];
          float x = self->sx[i], y = self->sy[i];

          self->ids[i] = self->ids[last];
          self->sx[i] = self->sx[last];
          self->sy[i] = self->sy[last];
          self->ids[last] = id;
          self->sx[last] = x;
          self->sy[last] = y;
          break;
        }
    }

  atlas_map_clustering_compute (&self->clusters, &(AtlasMapClusterInput) {
                                  .ids = self->ids, .xs = self->sx, .ys = self->sy, .n = n_cluster_input,
                                  .width = width, .height = height, .margin = CULL_MARGIN,
                                  .cell_size = CLUSTER_CELL,
                                  .origin_x = self->projection.origin_x - width / 2,
                                  .origin_y = self->projection.origin_y - height / 2,
                                  .min_cluster_size = self->clustering && self->projection.zoom < CLUSTER_MAX_ZOOM
                                                        ? CLUSTER_MIN_SIZE : G_MAXUINT,
                                });

  for (guint g = 0; g < self->clusters.n_groups; g++)
    {
      const AtlasMapCluster *group = &self->clusters.groups[g];

      for (guint k = 0; group->count > 1 && k < group->count; k++)
        self->clustered[self->clusters.members[group->first + k]] = TRUE;
    }
}

/* Hit testing ------------------------------------------------------------ */

static double
hit_radius_cb (guint    place,
               gpointer user_data)
{
  AtlasPlaceLayer *self = user_data;
  double radius;

  if (!self->visible[place] || self->clustered[place])
    return -1;

  radius = MAX (ATLAS_MAP_HIT_RADIUS, atlas_place_layer_radius_of (self, place) + 2);
  return atlas_map_projection_pixels_to_world (&self->projection, radius);
}

/**
 * atlas_place_layer_pick:
 * @self: a layer
 * @x: widget x
 * @y: widget y
 * @pick: (out caller-allocates): what is there
 *
 * Finds what a click at (@x, @y) hits: a cluster whose disc contains the point,
 * else the nearest place within its hit radius (8 pixels, or its marker and a
 * little more for large markers). Places inside clusters and places the filter
 * hides are never hit.
 *
 * Returns: whether something was hit
 */
gboolean
atlas_place_layer_pick (AtlasPlaceLayer *self,
                        double           x,
                        double           y,
                        AtlasPlacePick  *pick)
{
  double nx, ny, max_radius;
  guint place;

  g_return_val_if_fail (ATLAS_IS_PLACE_LAYER (self), FALSE);
  g_return_val_if_fail (pick != NULL, FALSE);

  memset (pick, 0, sizeof *pick);
  pick->kind = ATLAS_PLACE_PICK_NONE;
  pick->place = ATLAS_NONE;

  if (self->dataset == NULL)
    return FALSE;
  atlas_place_layer_ensure_layout (self);

  for (guint g = 0; g < self->clusters.n_groups; g++)
    {
      const AtlasMapCluster *group = &self->clusters.groups[g];
      double r = atlas_place_layer_cluster_radius (group->count);

      if (group->count < 2 || hypot (group->x - x, group->y - y) > r)
        continue;

      pick->kind = ATLAS_PLACE_PICK_CLUSTER;
      pick->place = self->clusters.members[group->first];
      pick->count = group->count;
      pick->x = group->x;
      pick->y = group->y;
      pick->min_lon = pick->min_lat = G_MAXDOUBLE;
      pick->max_lon = pick->max_lat = -G_MAXDOUBLE;
      for (guint k = 0; k < group->count; k++)
        {
          guint member = self->clusters.members[group->first + k];
          const AtlasLocation *loc = atlas_dataset_get_location (self->dataset, member);

          pick->min_lon = MIN (pick->min_lon, loc->lon);
          pick->min_lat = MIN (pick->min_lat, loc->lat);
          pick->max_lon = MAX (pick->max_lon, loc->lon);
          pick->max_lat = MAX (pick->max_lat, loc->lat);
        }
      return TRUE;
    }

  atlas_map_projection_from_widget (&self->projection, x, y, &nx, &ny);
  max_radius = MAX (ATLAS_MAP_HIT_RADIUS, ATLAS_MAP_RADIUS_MAX + 2);
  max_radius = atlas_map_projection_pixels_to_world (&self->projection, max_radius);
  place = atlas_spatial_grid_nearest (self->grid, nx, ny, max_radius, hit_radius_cb, self, NULL);
  if (place == ATLAS_SPATIAL_GRID_NONE)
    return FALSE;

  pick->kind = ATLAS_PLACE_PICK_PLACE;
  pick->place = place;
  pick->count = 1;
  atlas_map_projection_to_widget (&self->projection, self->xs[place], self->ys[place], &pick->x,
                                  &pick->y);
  pick->min_lon = pick->max_lon = atlas_dataset_get_location (self->dataset, place)->lon;
  pick->min_lat = pick->max_lat = atlas_dataset_get_location (self->dataset, place)->lat;
  return TRUE;
}

static double
visible_radius_cb (guint    place,
                   gpointer user_data)
{
  AtlasPlaceLayer *self = user_data;

  return self->visible[place] ? G_MAXDOUBLE : -1;
}

/**
 * atlas_place_layer_nearest:
 * @self: a layer
 * @x: widget x
 * @y: widget y
 * @max_distance: in pixels
 *
 * Returns: the visible place nearest to (@x, @y), clustered or not, within
 *   @max_distance pixels; or %ATLAS_NONE
 */
guint
atlas_place_layer_nearest (AtlasPlaceLayer *self,
                           double           x,
                           double           y,
                           double           max_distance)
{
  double nx, ny;
  guint place;

  g_return_val_if_fail (ATLAS_IS_PLACE_LAYER (self), ATLAS_NONE);

  if (self->dataset == NULL)
    return ATLAS_NONE;
  atlas_place_layer_ensure_layout (self);

  atlas_map_projection_from_widget (&self->projection, x, y, &nx, &ny);
  max_distance = atlas_map_projection_pixels_to_world (&self->projection, max_distance);
  place = atlas_spatial_grid_nearest (self->grid, nx, ny, max_distance, visible_radius_cb, self,
                                      NULL);
  return place == ATLAS_SPATIAL_GRID_NONE ? ATLAS_NONE : place;
}

/**
 * atlas_place_layer_get_position:
 * @self: a layer
 * @location: a place
 * @x: (out): widget x of its marker
 * @y: (out): widget y of its marker
 *
 * Returns: whether @location is drawn on its own marker (visible, on screen and
 *   not inside a cluster)
 */
gboolean
atlas_place_layer_get_position (AtlasPlaceLayer *self,
                                guint            location,
                                double          *x,
                                double          *y)
{
  g_return_val_if_fail (ATLAS_IS_PLACE_LAYER (self), FALSE);

  if (self->dataset == NULL || location >= self->n_places)
    return FALSE;
  atlas_place_layer_ensure_layout (self);

  atlas_map_projection_to_widget (&self->projection, self->xs[location], self->ys[location], x, y);
  return self->visible[location] && !self->clustered[location] &&
         *x >= 0 && *y >= 0 && *x < self->projection.width && *y < self->projection.height;
}

guint
atlas_place_layer_get_n_clusters (AtlasPlaceLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE_LAYER (self), 0);

  atlas_place_layer_ensure_layout (self);
  return self->clusters.n_clusters;
}

/* Model ------------------------------------------------------------------ */

static void
clear_dataset (AtlasPlaceLayer *self)
{
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->xs, g_free);
  g_clear_pointer (&self->ys, g_free);
  g_clear_pointer (&self->colors, g_free);
  g_clear_pointer (&self->visible, g_free);
  g_clear_pointer (&self->clustered, g_free);
  g_clear_pointer (&self->counts, g_free);
  g_clear_pointer (&self->grid, atlas_spatial_grid_free);
  g_clear_pointer (&self->ids, g_free);
  g_clear_pointer (&self->sx, g_free);
  g_clear_pointer (&self->sy, g_free);
  atlas_map_clustering_clear (&self->clusters);
  if (self->layouts != NULL)
    g_hash_table_remove_all (self->layouts);
  self->n_places = 0;
  self->n_visible = 0;
  self->n_on_screen = 0;
  self->max_count = 0;
  self->selected = ATLAS_NONE;
}

/**
 * atlas_place_layer_set_dataset:
 * @self: a layer
 * @dataset: (nullable): the dataset whose places to draw
 *
 * Indexes the places; until atlas_place_layer_set_visible() and
 * atlas_place_layer_set_counts() say otherwise, all are visible and sized by
 * all their events.
 */
void
atlas_place_layer_set_dataset (AtlasPlaceLayer *self,
                               AtlasDataset    *dataset)
{
  g_return_if_fail (ATLAS_IS_PLACE_LAYER (self));
  g_return_if_fail (dataset == NULL || ATLAS_IS_DATASET (dataset));

  if (dataset == self->dataset)
    return;

  clear_dataset (self);
  if (dataset != NULL)
    {
      guint n = atlas_dataset_get_n_locations (dataset);

      self->dataset = g_object_ref (dataset);
      self->n_places = n;
      self->xs = g_new (double, MAX (n, 1));
      self->ys = g_new (double, MAX (n, 1));
      self->colors = g_new (guint32, MAX (n, 1));
      self->visible = g_new (guint8, MAX (n, 1));
      self->clustered = g_new0 (guint8, MAX (n, 1));
      self->ids = g_new (guint, MAX (n, 1));
      self->sx = g_new (float, MAX (n, 1));
      self->sy = g_new (float, MAX (n, 1));
      memset (self->visible, 1, MAX (n, 1));
      self->n_visible = n;

      for (guint i = 0; i < n; i++)
        {
          const AtlasLocation *loc = atlas_dataset_get_location (dataset, i);
          guint n_sectors;
          const guint32 *sectors = atlas_dataset_location_sectors (dataset, i, &n_sectors);

          atlas_mercator_from_lon_lat (loc->lon, loc->lat, &self->xs[i], &self->ys[i]);
          self->colors[i] = n_sectors > 0 ? atlas_dataset_get_sector (dataset, sectors[0])->color
                                          : atlas_map_palette_get (FALSE)->no_sector;
          self->max_count = MAX (self->max_count, loc->n_events);
        }
      self->grid = atlas_spatial_grid_new (self->xs, self->ys, n);
    }

  invalidate (self);
}

/**
 * atlas_place_layer_set_visible:
 * @self: a layer
 * @visible: (nullable): the places to draw, or %NULL for all
 */
void
atlas_place_layer_set_visible (AtlasPlaceLayer *self,
                               GtkBitset       *visible)
{
  g_return_if_fail (ATLAS_IS_PLACE_LAYER (self));

  if (self->dataset == NULL)
    return;

  if (visible == NULL)
    {
      memset (self->visible, 1, MAX (self->n_places, 1));
      self->n_visible = self->n_places;
    }
  else
    {
      GtkBitsetIter iter;
      guint place;

      memset (self->visible, 0, MAX (self->n_places, 1));
      self->n_visible = 0;
      for (gboolean ok = gtk_bitset_iter_init_first (&iter, visible, &place);
           ok && place < self->n_places;
           ok = gtk_bitset_iter_next (&iter, &place))
        {
          self->visible[place] = TRUE;
          self->n_visible++;
        }
    }

  invalidate (self);
}

/**
 * atlas_place_layer_set_counts:
 * @self: a layer
 * @counts: (nullable) (array length=n_counts): events per place in the time
 *   window, or %NULL to size places by all their events
 * @n_counts: the number of counts; ignored unless it is the number of places
 * @max_count: the largest count
 */
void
atlas_place_layer_set_counts (AtlasPlaceLayer *self,
                              const guint32   *counts,
                              guint            n_counts,
                              guint            max_count)
{
  g_return_if_fail (ATLAS_IS_PLACE_LAYER (self));

  if (self->dataset == NULL)
    return;

  g_clear_pointer (&self->counts, g_free);
  if (counts != NULL && n_counts == self->n_places)
    {
      self->counts = g_memdup2 (counts, sizeof (guint32) * MAX (n_counts, 1));
      self->max_count = max_count;
    }
  else
    {
      self->max_count = 0;
      for (guint i = 0; i < self->n_places; i++)
        self->max_count = MAX (self->max_count,
                               atlas_dataset_get_location (self->dataset, i)->n_events);
    }

  invalidate (self);
}

void
atlas_place_layer_set_selected (AtlasPlaceLayer *self,
                                guint            location)
{
  g_return_if_fail (ATLAS_IS_PLACE_LAYER (self));

  if (location >= self->n_places)
    location = ATLAS_NONE;
  if (self->selected == location)
    return;

  self->selected = location;
  invalidate (self);
}

/**
 * atlas_place_layer_set_also_selected:
 * @self: a place layer
 * @locations: (array length=n_locations): the other places of the selected event
 * @n_locations: how many
 *
 * Rings these places too, so that an event at several places shows all of them.
 */
void
atlas_place_layer_set_also_selected (AtlasPlaceLayer *self,
                                     const guint32   *locations,
                                     guint            n_locations)
{
  g_return_if_fail (ATLAS_IS_PLACE_LAYER (self));

  g_array_set_size (self->also_selected, 0);
  for (guint i = 0; i < n_locations; i++)
    {
      guint location = locations[i];

      if (location < self->n_places && location != self->selected)
        g_array_append_val (self->also_selected, location);
    }
  invalidate_labels (self);
}

/**
 * atlas_place_layer_get_n_ringed:
 * @self: a place layer
 *
 * Returns: how many places the last frame drew with a selection ring
 */
guint
atlas_place_layer_get_n_ringed (AtlasPlaceLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE_LAYER (self), 0);

  return self->n_ringed;
}

gboolean
atlas_place_layer_get_clustering (AtlasPlaceLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE_LAYER (self), FALSE);

  return self->clustering;
}

/**
 * atlas_place_layer_set_clustering:
 * @self: a layer
 * @clustering: whether dense places below zoom 15 become counted clusters
 */
void
atlas_place_layer_set_clustering (AtlasPlaceLayer *self,
                                  gboolean         clustering)
{
  g_return_if_fail (ATLAS_IS_PLACE_LAYER (self));

  clustering = !!clustering;
  if (self->clustering == clustering)
    return;

  self->clustering = clustering;
  invalidate (self);
}

/**
 * atlas_place_layer_set_label_obstacle:
 * @self: a layer
 * @obstacle: (nullable): a widget over the map, such as its buttons
 *
 * Labels are kept out from under @obstacle, where they could not be read.
 */
void
atlas_place_layer_set_label_obstacle (AtlasPlaceLayer *self,
                                      GtkWidget       *obstacle)
{
  g_return_if_fail (ATLAS_IS_PLACE_LAYER (self));
  g_return_if_fail (obstacle == NULL || GTK_IS_WIDGET (obstacle));

  g_set_weak_pointer (&self->label_obstacle, obstacle);
  invalidate_labels (self);
}

guint
atlas_place_layer_get_n_visible (AtlasPlaceLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE_LAYER (self), 0);

  return self->n_visible;
}

/**
 * atlas_place_layer_get_count:
 * @self: a layer
 * @location: a place
 *
 * Returns: the events that size @location's marker
 */
guint
atlas_place_layer_get_count (AtlasPlaceLayer *self,
                             guint            location)
{
  g_return_val_if_fail (ATLAS_IS_PLACE_LAYER (self), 0);
  g_return_val_if_fail (location < self->n_places, 0);

  return atlas_place_layer_count_of (self, location);
}

/* GObject ---------------------------------------------------------------- */

static void
on_viewport_notify_cb (AtlasPlaceLayer *self)
{
  invalidate (self);
}

static void
atlas_place_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  atlas_place_layer_draw (ATLAS_PLACE_LAYER (widget), snapshot);
}

static void
atlas_place_layer_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  invalidate (ATLAS_PLACE_LAYER (widget));
}

static void
atlas_place_layer_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  AtlasPlaceLayer *self = ATLAS_PLACE_LAYER (widget);
  PangoFontDescription *font;

  GTK_WIDGET_CLASS (atlas_place_layer_parent_class)->css_changed (widget, change);

  g_hash_table_remove_all (self->layouts);
  g_hash_table_remove_all (self->sprites);
  g_clear_object (&self->count_layout);
  self->count_layout = gtk_widget_create_pango_layout (widget, NULL);
  font = pango_font_description_copy (
    pango_context_get_font_description (pango_layout_get_context (self->count_layout)));
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_absolute_size (font, 11.5 * PANGO_SCALE);
  pango_layout_set_font_description (self->count_layout, font);
  pango_font_description_free (font);
  invalidate_labels (self);
}

static void
atlas_place_layer_constructed (GObject *object)
{
  AtlasPlaceLayer *self = ATLAS_PLACE_LAYER (object);

  G_OBJECT_CLASS (atlas_place_layer_parent_class)->constructed (object);

  /* ShumateLayer does not redraw when the viewport moves. */
  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (on_viewport_notify_cb), self, G_CONNECT_SWAPPED);
}

static void
atlas_place_layer_dispose (GObject *object)
{
  AtlasPlaceLayer *self = ATLAS_PLACE_LAYER (object);

  clear_dataset (self);
  g_clear_pointer (&self->sprites, g_hash_table_unref);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_object (&self->count_layout);
  g_clear_weak_pointer (&self->label_obstacle);
  g_clear_pointer (&self->placer, atlas_label_placer_free);
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_pointer (&self->also_selected, g_array_unref);

  G_OBJECT_CLASS (atlas_place_layer_parent_class)->dispose (object);
}

static void
atlas_place_layer_class_init (AtlasPlaceLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_place_layer_constructed;
  object_class->dispose = atlas_place_layer_dispose;
  widget_class->snapshot = atlas_place_layer_snapshot;
  widget_class->size_allocate = atlas_place_layer_size_allocate;
  widget_class->css_changed = atlas_place_layer_css_changed;

  /**
   * AtlasPlaceLayer::labels-changed:
   * @self: the layer
   *
   * The labels are to be placed afresh (the view, the places or their counts,
   * the selection or the fonts changed): names placed around them, such as
   * the base map's, must be placed again too.
   */
  signals[LABELS_CHANGED] = g_signal_new ("labels-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
atlas_place_layer_init (AtlasPlaceLayer *self)
{
  self->selected = ATLAS_NONE;
  self->also_selected = g_array_new (FALSE, FALSE, sizeof (guint));
  self->clustering = TRUE;
  self->sprites_scale = 1;
  atlas_map_clustering_init (&self->clusters);
  self->sprites = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) cairo_surface_destroy);
  self->layouts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->count_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  self->labels = g_array_new (FALSE, FALSE, sizeof (AtlasPlaceLabel));
}

/**
 * atlas_place_layer_new:
 * @viewport: the map's viewport
 *
 * Returns: (transfer floating): a new layer
 */
AtlasPlaceLayer *
atlas_place_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (ATLAS_TYPE_PLACE_LAYER, "viewport", viewport, NULL);
}
