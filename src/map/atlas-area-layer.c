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
 *
 * The outlines are drawn into a cached image (AtlasMapCache). When the counts
 * or the filter change, only the shapes whose look changed (shown or not,
 * faded or not) are drawn again, in the part of the image they cover; the
 * choropleth's fills are an image of their own (atlas-area-choropleth.c). An
 * image of thousands of outlines drawn afresh is drawn on a worker thread while
 * the previous one stays on screen (atlas-area-render.c).
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-area-layer-private.h"
#include "atlas-map-cache.h"
#include "atlas-map-path.h"
#include "atlas-map-projection.h"
#include "atlas-map-style.h"

#include <glib/gi18n.h>

/* A change of more shapes than this, or of more than this share of the
 * image's area, draws the whole image afresh rather than patching it. */
#define PATCH_MAX_SHAPES 256
#define PATCH_MAX_AREA 0.4
/* Nor one that needs more than this many rectangles. */
#define PATCH_MAX_RECTS 64

G_DEFINE_FINAL_TYPE (AtlasAreaLayer, atlas_area_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_CHOROPLETH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_choropleth (AtlasAreaLayer *self)
{
  guint n_districts, n_locations, max_count = 0;

  if (!self->state.choropleth || self->state.dataset == NULL)
    return;

  n_districts = atlas_dataset_get_n_districts (self->state.dataset);
  n_locations = atlas_dataset_get_n_locations (self->state.dataset);
  memset (self->district_counts, 0, sizeof (guint32) * MAX (n_districts, 1));
  for (guint l = 0; l < n_locations && self->state.counts != NULL; l++)
    {
      guint district = atlas_dataset_get_location (self->state.dataset, l)->district;

      if (self->state.location_visible[l] && district < n_districts)
        self->district_counts[district] += self->state.counts[l];
    }
  for (guint d = 0; d < n_districts; d++)
    max_count = MAX (max_count, self->district_counts[d]);

  atlas_area_choose_class_bounds (max_count, self->class_bounds);
  for (guint d = 0; d < n_districts; d++)
    {
      guint k = 0;

      while (k < ATLAS_AREA_N_CLASSES && self->district_counts[d] >= self->class_bounds[k])
        k++;
      self->state.district_class[d] = self->state.district_in_filter[d] ? k : 0;
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
  g_return_val_if_fail (ATLAS_IS_AREA_LAYER (self), NULL);

  return atlas_area_describe_class (self->class_bounds, klass);
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
  const AtlasGeometry *g = atlas_dataset_get_geometry (self->state.dataset, geometry);
  Shape shape = { geometry, is_district, owner, approximate };

  shape.is_line = g->type == ATLAS_GEOMETRY_LINE_STRING ||
                  g->type == ATLAS_GEOMETRY_MULTI_LINE_STRING;
  atlas_mercator_from_lon_lat (g->min_lon, g->max_lat, &shape.min_x, &shape.min_y);
  atlas_mercator_from_lon_lat (g->max_lon, g->min_lat, &shape.max_x, &shape.max_y);
  g_array_append_val (self->state.shapes, shape);
}

static gboolean
is_selected (AtlasAreaLayer *self,
             const Shape    *shape)
{
  if (shape->is_district)
    return shape->owner == self->selected_district;
  return shape->owner == self->selected_location && self->state.location_visible[shape->owner];
}

/* A drawing of the whole cache: every shape's look is what it draws. */
static void
render_areas_cb (cairo_t                  *cr,
                 const AtlasMapProjection *projection,
                 gpointer                  user_data)
{
  AtlasAreaLayer *self = user_data;

  atlas_area_draw_whole (cr, projection, &self->state, self->drawn);
}

/* How many shapes a patch of @rects would draw: the shapes shown in each.
 * Where changes crowd (a city at a low zoom), drawing them again costs more
 * than drawing everything once. */
static guint
count_patch_draws (AtlasAreaLayer           *self,
                   const AtlasMapProjection *projection,
                   const double             *bounds,
                   GArray                   *rects)
{
  guint n = 0;

  for (guint i = 0; i < self->state.shapes->len && rects->len <= PATCH_MAX_RECTS; i++)
    {
      const Shape *shape = &g_array_index (self->state.shapes, Shape, i);
      cairo_rectangle_int_t rect;

      if (!shape->is_district && !self->state.location_visible[shape->owner])
        continue;
      if (!atlas_area_shape_wanted (projection, shape, bounds, NULL))
        continue;
      atlas_area_shape_rect (projection, shape, &rect);
      for (guint r = 0; r < rects->len; r++)
        n += atlas_map_rects_meet (&rect, &g_array_index (rects, cairo_rectangle_int_t, r));
    }
  return rects->len <= PATCH_MAX_RECTS ? n : G_MAXUINT;
}

/* The counts or the filter changed: draws again, in the cache, the shapes
 * whose look changed and what lies under and over them, or, when that is
 * much, has the whole image drawn afresh. */
static void
patch_changes (AtlasAreaLayer *self)
{
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_int_t));
  AtlasMapProjection projection;
  double bounds[4], area = 1;
  guint n_changed = 0, n_places = 0, n_shown = 0, n_draws = G_MAXUINT;

  if (!atlas_map_cache_get_projection (&self->cache, &projection))
    return;   /* the next frame draws afresh anyway */

  atlas_map_projection_get_bounds (&projection, SHAPE_MARGIN, &bounds[0], &bounds[1],
                                   &bounds[2], &bounds[3]);
  for (guint i = 0; i < self->state.shapes->len; i++)
    {
      const Shape *shape = &g_array_index (self->state.shapes, Shape, i);
      guint8 look = atlas_area_shape_look (&self->state, shape);
      cairo_rectangle_int_t rect;

      if (!atlas_area_shape_wanted (&projection, shape, bounds, NULL))
        continue;
      n_places += !shape->is_district && self->state.location_visible[shape->owner];
      n_shown += shape->is_district || self->state.location_visible[shape->owner];
      if (look == self->drawn[i])
        continue;
      self->drawn[i] = look;
      if (++n_changed > PATCH_MAX_SHAPES)
        continue;   /* drawn afresh: where no longer matters */
      atlas_area_shape_rect (&projection, shape, &rect);
      g_array_append_val (rects, rect);
    }

  /* Merging is quadratic in the rectangles: many changes are drawn afresh
   * before it. */
  if (n_changed <= PATCH_MAX_SHAPES && (n_places > DENSE_SHAPES) == self->state.image_dense)
    {
      area = atlas_map_cache_merge_rects (rects) / (projection.width * projection.height);
      n_draws = count_patch_draws (self, &projection, bounds, rects);
    }
  if (n_changed > PATCH_MAX_SHAPES || (n_places > DENSE_SHAPES) != self->state.image_dense ||
      area > PATCH_MAX_AREA || n_draws > n_shown / 2)
    {
      g_debug ("Drawing every outline again: %u changed, over %.0f %% of the image, "
               "%u of %u shapes to draw", n_changed, 100 * area, n_draws, n_shown);
      self->version++;
    }
  else if (n_changed > 0)
    {
      g_debug ("Patching %u changed outlines in %u rectangles", n_changed, rects->len);
      self->state.patching = TRUE;
      atlas_map_cache_patch (&self->cache, (const cairo_rectangle_int_t *) rects->data, rects->len,
                             atlas_area_draw_areas, &self->state);
      self->state.patching = FALSE;
    }
}

/* The choropleth's fills, for the cache's image as it is now. */
static cairo_surface_t *
update_fill (AtlasAreaLayer *self)
{
  guint n_districts = atlas_dataset_get_n_districts (self->state.dataset);
  g_autofree guint32 *colors = g_new (guint32, MAX (n_districts, 1));
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint d = 0; d < n_districts; d++)
    colors[d] = atlas_area_district_fill (self->state.district_class[d], !self->state.district_in_filter[d],
                                          self->state.drawing_dark);
  for (guint i = 0; i < self->state.shapes->len; i++)
    {
      const Shape *shape = &g_array_index (self->state.shapes, Shape, i);

      if (!shape->is_district)
        break;   /* districts come first */
      if (!shape->is_line)
        g_array_append_val (order, shape->owner);
    }
  return atlas_area_fill_update (&self->fill, &self->cache, self->state.dataset, order, colors);
}

/* Brings the cached image up to what the layer shows now, as far as it can
 * ahead of painting: patches the shapes that changed, or has a worker draw the
 * whole image afresh when it is large. Returns TRUE when a worker draws it
 * (then the previous image stays on screen meanwhile). */
static gboolean
update_image (AtlasAreaLayer           *self,
              const AtlasMapProjection *projection)
{
  guint stamp;

  self->state.fills_apart = self->state.choropleth && projection->rotation == 0;
  if (projection->rotation != 0)
    {
      /* Drawn directly, which records the looks (and the density) of this
       * drawing, not of the cached image: it is drawn afresh when the map
       * turns back. */
      self->version++;
    }
  else if (self->changed)
    {
      patch_changes (self);
    }
  self->changed = FALSE;

  stamp = self->version * 2 + self->state.drawing_dark;
  if (self->state.fills_apart || projection->rotation != 0 ||
      atlas_map_cache_fits (&self->cache, projection, stamp) ||
      !atlas_area_render_wanted (self, projection))
    return FALSE;

  atlas_area_render_start (self, projection, stamp);
  return TRUE;
}

/* The filter or the counts changed: a change that has the whole image drawn
 * again on a worker starts it now, before the frame, so that it draws while
 * the other views take the change in and paint theirs. */
static gboolean
update_early_cb (gpointer data)
{
  AtlasAreaLayer *self = data;
  GtkWidget *widget = GTK_WIDGET (self);
  AtlasMapProjection projection;
  gboolean was_drawing = self->cache.rendering;

  self->early_id = 0;
  if (self->state.dataset == NULL || self->state.shapes->len == 0 || !gtk_widget_get_mapped (widget) ||
      gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0)
    return G_SOURCE_REMOVE;

  atlas_map_projection_init_from_viewport (&projection,
                                           shumate_layer_get_viewport (SHUMATE_LAYER (self)),
                                           gtk_widget_get_width (widget),
                                           gtk_widget_get_height (widget));
  if (projection.rotation == 0 && update_image (self, &projection) && !was_drawing)
    g_debug ("The outlines are drawn again on a worker, ahead of the frame");
  return G_SOURCE_REMOVE;
}

static void
changed (AtlasAreaLayer *self)
{
  self->changed = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* Before the frame clock's layout and paint (GDK_PRIORITY_REDRAW). */
  if (self->early_id == 0)
    self->early_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_early_cb, self, NULL);
}

/* The areas, from the cache when the map is not rotated. */
static void
snapshot_areas (AtlasAreaLayer           *self,
                GtkSnapshot              *snapshot,
                const AtlasMapProjection *projection)
{
  guint stamp;
  cairo_t *cr;

  if (update_image (self, projection))
    {
      /* Many outlines: the previous image, if any, stays on screen while a
       * worker draws the new one. */
      if (self->cache.image.surface == NULL)
        return;
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, projection->width,
                                                                     projection->height));
      atlas_map_cache_paint (&self->cache, cr, projection, self->cache.image.surface);
      cairo_destroy (cr);
      return;
    }

  stamp = self->version * 2 + self->state.drawing_dark;
  if (!self->state.fills_apart)
    {
      atlas_map_cache_snapshot (&self->cache, snapshot, projection, stamp, render_areas_cb, self);
      return;
    }

  atlas_map_cache_update (&self->cache, projection, stamp, render_areas_cb, self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, projection->width,
                                                                 projection->height));
  atlas_map_cache_paint (&self->cache, cr, projection, update_fill (self));
  atlas_map_cache_paint (&self->cache, cr, projection, self->cache.image.surface);
  cairo_destroy (cr);
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

  if (self->state.dataset == NULL || self->state.shapes->len == 0 || width <= 0 || height <= 0)
    return;

  self->state.drawing_dark = atlas_map_widget_is_dark (widget);
  atlas_map_projection_init_from_viewport (&projection,
                                           shumate_layer_get_viewport (SHUMATE_LAYER (self)),
                                           width, height);
  snapshot_areas (self, snapshot, &projection);

  for (guint i = 0; i < self->state.shapes->len; i++)
    {
      const Shape *shape = &g_array_index (self->state.shapes, Shape, i);
      const AtlasMapPalette *palette = atlas_map_palette_get (self->state.drawing_dark);
      AtlasMapPath path;
      cairo_t *cr;

      if (!is_selected (self, shape))
        continue;

      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      atlas_map_path_init (&path, cr, &projection, 16);
      atlas_area_draw_shape (&self->state, cr, &path, palette, shape, TRUE);
      cairo_destroy (cr);
    }

  if (self->state.choropleth)
    atlas_area_draw_legend (widget, snapshot, height, self->state.drawing_dark, self->class_bounds);
}

/* Forgets what the layer knows of its dataset's places and districts. */
static void
clear_state (AtlasAreaLayer *self)
{
  g_clear_pointer (&self->state.location_visible, g_free);
  g_clear_pointer (&self->state.district_in_filter, g_free);
  g_clear_pointer (&self->state.counts, g_free);
  g_clear_pointer (&self->district_counts, g_free);
  g_clear_pointer (&self->state.district_class, g_free);
  g_clear_pointer (&self->drawn, g_free);
  atlas_area_fill_clear (&self->fill);
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

  if (!g_set_object (&self->state.dataset, dataset))
    return;

  g_array_set_size (self->state.shapes, 0);
  clear_state (self);
  self->serial++;
  self->selected_location = self->selected_district = ATLAS_NONE;

  if (dataset != NULL)
    {
      guint n_districts = atlas_dataset_get_n_districts (dataset);
      guint n_locations = atlas_dataset_get_n_locations (dataset);

      self->state.location_visible = g_malloc (MAX (n_locations, 1));
      self->state.district_in_filter = g_malloc (MAX (n_districts, 1));
      memset (self->state.location_visible, 1, MAX (n_locations, 1));
      memset (self->state.district_in_filter, 1, MAX (n_districts, 1));
      self->district_counts = g_new0 (guint32, MAX (n_districts, 1));
      self->state.district_class = g_new0 (guint8, MAX (n_districts, 1));

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
      g_array_sort (self->state.shapes, compare_shapes);
      self->drawn = g_new0 (guint8, MAX (self->state.shapes->len, 1));
      update_choropleth (self);
    }

  /* Another dataset's outlines never stand in for this one's. */
  atlas_map_cache_invalidate (&self->cache);
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

  if (self->state.dataset == NULL)
    return;

  n_locations = atlas_dataset_get_n_locations (self->state.dataset);
  n_districts = atlas_dataset_get_n_districts (self->state.dataset);
  memset (self->state.district_in_filter, !filtered, MAX (n_districts, 1));
  for (guint l = 0; l < n_locations; l++)
    {
      guint district = atlas_dataset_get_location (self->state.dataset, l)->district;

      self->state.location_visible[l] = locations == NULL || gtk_bitset_contains (locations, l);
      if (self->state.location_visible[l] && district < n_districts)
        self->state.district_in_filter[district] = TRUE;
    }
  for (guint d = 0; districts != NULL && d < n_districts; d++)
    {
      if (!gtk_bitset_contains (districts, d))
        self->state.district_in_filter[d] = FALSE;
    }
  update_choropleth (self);
  changed (self);
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

  g_clear_pointer (&self->state.counts, g_free);
  if (self->state.dataset != NULL && counts != NULL &&
      n_counts == atlas_dataset_get_n_locations (self->state.dataset))
    self->state.counts = g_memdup2 (counts, sizeof (guint32) * MAX (n_counts, 1));
  update_choropleth (self);
  changed (self);
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
  return self->state.choropleth;
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
  if (self->state.choropleth == choropleth)
    return;
  self->state.choropleth = choropleth;
  update_choropleth (self);
  self->version++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOROPLETH]);
}

/**
 * atlas_area_layer_get_district_class:
 * @self: a layer
 * @district: a district of its dataset
 * @count: (out) (optional): the visible events at the district's places in
 *   the playhead's time, as the choropleth counts them (0 when it is off)
 *
 * Returns: the district's class in the choropleth: 0 for none (no events, left
 *   out by a filter, or the choropleth off), else 1 to %ATLAS_AREA_N_CLASSES
 */
guint
atlas_area_layer_get_district_class (AtlasAreaLayer *self,
                                     guint           district,
                                     guint          *count)
{
  g_return_val_if_fail (ATLAS_IS_AREA_LAYER (self), 0);
  g_return_val_if_fail (self->state.dataset != NULL && district < atlas_dataset_get_n_districts (self->state.dataset), 0);
  if (count != NULL)
    *count = self->state.choropleth ? self->district_counts[district] : 0;
  return self->state.choropleth ? self->state.district_class[district] : 0;
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
      g_value_set_boolean (value, self->state.choropleth);
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

  g_clear_handle_id (&self->early_id, g_source_remove);
  atlas_map_cache_clear (&self->cache);
  g_clear_object (&self->state.dataset);
  g_clear_pointer (&self->state.shapes, g_array_unref);
  clear_state (self);

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
  self->state.shapes = g_array_new (FALSE, FALSE, sizeof (Shape));
  atlas_map_cache_init (&self->cache, GTK_WIDGET (self));
  self->selected_location = ATLAS_NONE;
  self->selected_district = ATLAS_NONE;
  atlas_area_choose_class_bounds (0, self->class_bounds);
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
