/* atlas-map-view.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The map: a ShumateMap with, bottom to top, the offline base map, the
 * OpenStreetMap tile layer (when that base map is chosen), the areas and routes
 * of the dataset, and its places; on top, the map's controls, scale and
 * attribution.
 *
 * Like every view it only reads the models and writes the selection: the
 * filter's dataset and visible sets, the playhead's counts and the selection
 * are pushed into the layers, and clicks, Enter and Escape change the
 * selection.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-area-layer.h"
#include "atlas-basemap-layer.h"
#include "atlas-map-camera.h"
#include "atlas-map-controls.h"
#include "atlas-map-description-private.h"
#include "atlas-map-style.h"
#include "atlas-map-tooltip.h"
#include "atlas-map-view-private.h"
#include "atlas-map-view-tiles-private.h"
#include "atlas-place-layer.h"

/* Fitting never zooms closer than this: a dataset of one place shows a city. */
#define MAX_FIT_ZOOM 14.0

struct _AtlasMapView
{
  GtkWidget parent_instance;

  GtkWidget *overlay;
  ShumateMap *map;
  ShumateViewport *viewport;
  AtlasBasemapLayer *basemap_layer;
  AtlasMapTiles *tiles;
  AtlasAreaLayer *area_layer;
  AtlasPlaceLayer *place_layer;
  ShumateLicense *license;
  ShumateScale *scale;
  AtlasMapControls *controls;

  AtlasFilter *filter;
  AtlasSelection *selection;
  AtlasPlayhead *playhead;
  AtlasDataset *dataset;

  AtlasBaseMap base_map;
  guint fit_tick_id;
  double press_x;              /* where the primary button went down */
  double press_y;
};

static void atlas_map_view_intent_source_init (AtlasIntentSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasMapView, atlas_map_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ATLAS_TYPE_INTENT_SOURCE,
                                                      atlas_map_view_intent_source_init))

static void
atlas_map_view_intent_source_init (AtlasIntentSourceInterface *iface)
{
}

enum {
  PROP_0,
  PROP_BASE_MAP,
  PROP_TILE_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Moving the map ---------------------------------------------------------- */

/**
 * atlas_map_view_zoom_to_fit:
 * @self: a map view
 * @animate: whether to animate the change
 *
 * Shows every place of the dataset. Before the map has a size, this waits for
 * its first frame.
 */
void
atlas_map_view_zoom_to_fit (AtlasMapView *self,
                            gboolean      animate)
{
  AtlasMapBounds bounds;

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (self->dataset == NULL ||
      !atlas_dataset_get_bounds (self->dataset, &bounds.min_lon, &bounds.min_lat,
                                 &bounds.max_lon, &bounds.max_lat))
    return;

  atlas_map_camera_go_to_bounds (self->map, &bounds, ATLAS_MAP_MIN_ZOOM, MAX_FIT_ZOOM, animate);
}

static gboolean
fit_tick_cb (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (widget);

  /* Ticks come before layout: the first one of a new window has no size yet. */
  if (gtk_widget_get_width (GTK_WIDGET (self->map)) <= 0)
    return G_SOURCE_CONTINUE;

  self->fit_tick_id = 0;
  atlas_map_view_zoom_to_fit (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
queue_fit (AtlasMapView *self)
{
  if (gtk_widget_get_width (GTK_WIDGET (self->map)) > 0)
    {
      atlas_map_view_zoom_to_fit (self, FALSE);
      return;
    }
  if (self->fit_tick_id == 0)
    self->fit_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), fit_tick_cb, NULL, NULL);
}

static void
zoom_to_selection (AtlasMapView *self,
                   gboolean      animate)
{
  guint location, district;

  if (self->selection == NULL || self->dataset == NULL)
    return;

  location = atlas_selection_get_location (self->selection);
  district = atlas_selection_get_district (self->selection);

  if (location != ATLAS_NONE)
    {
      const AtlasLocation *loc = atlas_dataset_get_location (self->dataset, location);
      double zoom = shumate_viewport_get_zoom_level (self->viewport);

      if (loc->geometry != ATLAS_NONE)
        atlas_map_camera_go_to_geometry (self->map,
                                         atlas_dataset_get_geometry (self->dataset, loc->geometry),
                                         15, animate);
      else
        atlas_map_camera_go_to (self->map, loc->lon, loc->lat, MAX (zoom, 14), animate);
    }
  else if (district != ATLAS_NONE &&
           atlas_dataset_get_district (self->dataset, district)->geometry != ATLAS_NONE)
    {
      guint geometry = atlas_dataset_get_district (self->dataset, district)->geometry;

      atlas_map_camera_go_to_geometry (self->map,
                                       atlas_dataset_get_geometry (self->dataset, geometry),
                                       14, animate);
    }
}

/* Models ------------------------------------------------------------------ */

static void
update_description (AtlasMapView *self)
{
  g_autofree char *text = atlas_map_describe (self->dataset, self->selection, self->playhead,
                                              atlas_place_layer_get_n_visible (self->place_layer));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text, -1);
}

static void
update_visible (AtlasMapView *self)
{
  g_autoptr(GtkBitset) districts = NULL;

  if (self->dataset == NULL || self->filter == NULL)
    return;

  /* The districts the district filter keeps, when it keeps only some. */
  if (atlas_filter_get_n_active_values (self->filter, ATLAS_FACET_DISTRICT) > 0)
    {
      districts = gtk_bitset_new_empty ();
      for (guint d = 0; d < atlas_dataset_get_n_districts (self->dataset); d++)
        {
          if (atlas_filter_get_value (self->filter, ATLAS_FACET_DISTRICT, d))
            gtk_bitset_add (districts, d);
        }
    }

  atlas_place_layer_set_visible (self->place_layer, atlas_filter_get_locations (self->filter));
  atlas_area_layer_set_visible (self->area_layer, atlas_filter_get_locations (self->filter),
                                atlas_filter_is_active (self->filter), districts);
  update_description (self);
}

static void
update_counts (AtlasMapView *self)
{
  const guint32 *counts = NULL;
  guint n = 0, max = 0;

  if (self->dataset == NULL)
    return;

  /* Right after a new dataset the playhead may still count the old one. */
  if (self->playhead != NULL && atlas_playhead_get_filter (self->playhead) != NULL &&
      atlas_filter_get_dataset (atlas_playhead_get_filter (self->playhead)) == self->dataset)
    {
      counts = atlas_playhead_get_location_counts (self->playhead, &n);
      max = atlas_playhead_get_max_count (self->playhead);
    }
  if (n != atlas_dataset_get_n_locations (self->dataset))
    counts = NULL;

  atlas_place_layer_set_counts (self->place_layer, counts, n, max);
  atlas_area_layer_set_counts (self->area_layer, counts, n);
}

static void
update_selection (AtlasMapView *self)
{
  guint location = ATLAS_NONE, district = ATLAS_NONE, event = ATLAS_NONE;
  const guint32 *event_places = NULL;
  guint n_event_places = 0;

  if (self->selection != NULL && self->dataset != NULL &&
      atlas_selection_get_dataset (self->selection) == self->dataset)
    {
      location = atlas_selection_get_location (self->selection);
      district = atlas_selection_get_district (self->selection);
      event = atlas_selection_get_event (self->selection);
    }
  /* An event at several places rings every one of them. */
  if (event != ATLAS_NONE)
    event_places = atlas_dataset_event_locations (self->dataset, event, &n_event_places);

  atlas_place_layer_set_selected (self->place_layer, location);
  atlas_place_layer_set_also_selected (self->place_layer, event_places, n_event_places);
  atlas_area_layer_set_selection (self->area_layer, location, district);
  /* A district without an outline has nothing to zoom to. */
  if (district != ATLAS_NONE &&
      atlas_dataset_get_district (self->dataset, district)->geometry == ATLAS_NONE)
    district = ATLAS_NONE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-selection",
                                 location != ATLAS_NONE || district != ATLAS_NONE);
}

static void
on_filter_dataset_notify_cb (AtlasMapView *self)
{
  AtlasDataset *dataset = atlas_filter_get_dataset (self->filter);

  if (!g_set_object (&self->dataset, dataset))
    return;

  atlas_place_layer_set_dataset (self->place_layer, dataset);
  atlas_area_layer_set_dataset (self->area_layer, dataset);
  atlas_map_controls_set_dataset (self->controls, dataset);
  atlas_basemap_layer_set_covering_dataset (self->basemap_layer, dataset);
  update_visible (self);
  update_counts (self);
  update_selection (self);
  update_description (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-fit", dataset != NULL);
  queue_fit (self);
}

static void
on_filter_changed_cb (AtlasMapView *self)
{
  update_visible (self);
}

static void
on_playhead_changed_cb (AtlasMapView *self)
{
  update_counts (self);
  update_description (self);
}

static void
on_selection_changed_cb (AtlasMapView *self)
{
  guint location, event;

  update_selection (self);
  update_description (self);
  /* What the person picked on the map is where they are looking already. */
  if (atlas_selection_get_origin (self->selection) == ATLAS_ORIGIN_MAP ||
      self->dataset == NULL || atlas_selection_get_dataset (self->selection) != self->dataset)
    return;

  /* Selected elsewhere (the event list, the timeline): make sure it shows; an
   * event at several places, all of them. */
  location = atlas_selection_get_location (self->selection);
  event = atlas_selection_get_event (self->selection);
  if (event != ATLAS_NONE && atlas_dataset_get_event (self->dataset, event)->n_locations > 1)
    {
      guint n;
      const guint32 *places = atlas_dataset_event_locations (self->dataset, event, &n);
      g_autofree double *lons = g_new (double, n);
      g_autofree double *lats = g_new (double, n);

      for (guint i = 0; i < n; i++)
        {
          const AtlasLocation *loc = atlas_dataset_get_location (self->dataset, places[i]);

          lons[i] = loc->lon;
          lats[i] = loc->lat;
        }
      atlas_map_camera_reveal_all (self->map, lons, lats, n);
    }
  else if (location != ATLAS_NONE)
    {
      const AtlasLocation *loc = atlas_dataset_get_location (self->dataset, location);

      atlas_map_camera_reveal (self->map, loc->lon, loc->lat);
    }
}

/**
 * atlas_map_view_set_models:
 * @self: a map view
 * @filter: the filter, which also holds the dataset
 * @selection: the shared selection
 * @playhead: (nullable): the playhead whose counts size the markers
 *
 * Connects the view to the models; call once.
 */
void
atlas_map_view_set_models (AtlasMapView   *self,
                           AtlasFilter    *filter,
                           AtlasSelection *selection,
                           AtlasPlayhead  *playhead)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));
  g_return_if_fail (ATLAS_IS_FILTER (filter));
  g_return_if_fail (ATLAS_IS_SELECTION (selection));
  g_return_if_fail (playhead == NULL || ATLAS_IS_PLAYHEAD (playhead));
  g_return_if_fail (self->filter == NULL);

  self->filter = g_object_ref (filter);
  self->selection = g_object_ref (selection);
  self->playhead = playhead != NULL ? g_object_ref (playhead) : NULL;

  g_signal_connect_object (filter, "notify::dataset", G_CALLBACK (on_filter_dataset_notify_cb),
                           self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (filter, "changed", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "changed", G_CALLBACK (on_selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (playhead != NULL)
    g_signal_connect_object (playhead, "changed", G_CALLBACK (on_playhead_changed_cb), self,
                             G_CONNECT_SWAPPED);

  on_filter_dataset_notify_cb (self);
  update_selection (self);
}

/* Pointer ------------------------------------------------------------------ */

static void
select_location (AtlasMapView *self,
                 guint         location)
{
  atlas_intent_emit_select (self, ATLAS_INTENT_SELECT_PLACE, location, ATLAS_ORIGIN_MAP);
}

static void
select_district (AtlasMapView *self,
                 guint         district)
{
  atlas_intent_emit_select (self, ATLAS_INTENT_SELECT_DISTRICT, district, ATLAS_ORIGIN_MAP);
}

static void
clear_selection (AtlasMapView *self)
{
  atlas_intent_emit_select (self, ATLAS_INTENT_CLEAR_SELECTION, ATLAS_NONE, ATLAS_ORIGIN_MAP);
}

/**
 * atlas_map_view_click:
 * @self: a map view
 * @x: x in the map's coordinates
 * @y: y in the map's coordinates
 *
 * Does what a click there does: zooms into a cluster, selects a place, a route,
 * a zoned place or a district, or clears the selection on empty map.
 */
void
atlas_map_view_click (AtlasMapView *self,
                      double        x,
                      double        y)
{
  AtlasPlacePick place;
  AtlasAreaPick area;

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (self->selection == NULL || self->dataset == NULL)
    return;

  if (atlas_place_layer_pick (self->place_layer, x, y, &place))
    {
      if (place.kind == ATLAS_PLACE_PICK_CLUSTER)
        {
          double zoom = shumate_viewport_get_zoom_level (self->viewport);
          AtlasMapBounds bounds = { place.min_lon, place.min_lat, place.max_lon, place.max_lat };

          /* At least two levels closer, so that the cluster surely splits. */
          atlas_map_camera_go_to_bounds (self->map, &bounds, zoom + 2, ATLAS_MAP_MAX_ZOOM - 1,
                                         TRUE);
        }
      else
        {
          select_location (self, place.place);
        }
      return;
    }

  if (atlas_area_layer_pick (self->area_layer, x, y, &area))
    {
      if (area.kind == ATLAS_AREA_PICK_LOCATION)
        select_location (self, area.index);
      else
        select_district (self, area.index);
      return;
    }

  clear_selection (self);
}

static void
on_map_click_pressed_cb (AtlasMapView    *self,
                     int              n_press,
                     double           x,
                     double           y,
                     GtkGestureClick *gesture)
{
  self->press_x = x;
  self->press_y = y;
}

/* A press, a move beyond the drag threshold and a release pan the map (the
 * map's own drag gesture does that); only a press and release in place click. */
static gboolean
moved_beyond_threshold (AtlasMapView *self,
                        double        x,
                        double        y)
{
  int threshold = 8;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-dnd-drag-threshold", &threshold, NULL);
  return hypot (x - self->press_x, y - self->press_y) > threshold;
}

static void
on_map_click_released_cb (AtlasMapView    *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  /* The second click of a double click is the map's zoom. */
  if (n_press != 1 || moved_beyond_threshold (self, x, y))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  atlas_map_view_click (self, x, y);
}

static void
on_map_motion_cb (AtlasMapView             *self,
              double                    x,
              double                    y,
              GtkEventControllerMotion *motion)
{
  AtlasPlacePick pick;

  gboolean on_place = atlas_place_layer_pick (self->place_layer, x, y, &pick);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->map), on_place ? "pointer" : "grab");
}

static gboolean
on_map_query_tooltip_cb (AtlasMapView *self,
                     int           x,
                     int           y,
                     gboolean      keyboard_mode,
                     GtkTooltip   *tooltip)
{
  g_autofree char *markup = NULL;

  if (keyboard_mode || self->dataset == NULL)
    return FALSE;

  markup = atlas_map_tooltip_markup (self->dataset, self->place_layer, self->area_layer,
                                     self->playhead != NULL, x, y);
  if (markup == NULL)
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* Keyboard and actions ------------------------------------------------------ */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  atlas_map_camera_zoom_by (ATLAS_MAP_VIEW (widget)->map, 1);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  atlas_map_camera_zoom_by (ATLAS_MAP_VIEW (widget)->map, -1);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  atlas_map_view_zoom_to_fit (ATLAS_MAP_VIEW (widget), TRUE);
}

static void
zoom_selection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  zoom_to_selection (ATLAS_MAP_VIEW (widget), TRUE);
}

/* Arrows, Enter and Escape belong to the map only while it has the focus
 * itself; on one of its buttons they keep their usual meaning. */
static gboolean
pan_cb (GtkWidget *widget,
        GVariant  *args,
        gpointer   user_data)
{
  double dx, dy;

  if (!gtk_widget_is_focus (widget))
    return FALSE;

  g_variant_get (args, "(dd)", &dx, &dy);
  atlas_map_camera_pan (ATLAS_MAP_VIEW (widget)->map, dx, dy);
  return TRUE;
}

static gboolean
activate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (widget);
  double width = gtk_widget_get_width (GTK_WIDGET (self->map));
  double height = gtk_widget_get_height (GTK_WIDGET (self->map));
  guint place;

  if (!gtk_widget_is_focus (widget) || self->selection == NULL)
    return FALSE;

  place = atlas_place_layer_nearest (self->place_layer, width / 2, height / 2,
                                     hypot (width, height) / 2);
  if (place != ATLAS_NONE)
    select_location (self, place);
  return TRUE;
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (widget);

  if (!gtk_widget_is_focus (widget) || self->selection == NULL ||
      atlas_selection_is_empty (self->selection))
    return FALSE;

  clear_selection (self);
  return TRUE;
}

/* Base map ------------------------------------------------------------------ */

AtlasBaseMap
atlas_map_view_get_base_map (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), ATLAS_BASE_MAP_OPENSTREETMAP);

  return self->base_map;
}

/**
 * atlas_map_view_set_base_map:
 * @self: a map view
 * @base_map: what to show under the places
 *
 * With OpenStreetMap, tiles are downloaded (and cached) and drawn over the
 * offline base map, which shows through wherever a tile is missing. Offline,
 * the tile layer is removed, so nothing is downloaded at all.
 */
void
atlas_map_view_set_base_map (AtlasMapView *self,
                             AtlasBaseMap  base_map)
{
  gboolean tiles = base_map == ATLAS_BASE_MAP_OPENSTREETMAP;

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));
  g_return_if_fail (base_map == ATLAS_BASE_MAP_OPENSTREETMAP || base_map == ATLAS_BASE_MAP_OFFLINE);

  if (self->base_map == base_map && atlas_map_tiles_is_shown (self->tiles) == tiles)
    return;

  self->base_map = base_map;
  atlas_map_tiles_show (self->tiles, tiles);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_MAP]);
}

const char *
atlas_map_view_get_tile_url (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);

  return atlas_map_tiles_get_url (self->tiles);
}

/**
 * atlas_map_view_set_tile_url:
 * @self: a map view
 * @url: (nullable): a raster tile server's address with `{z}`, `{x}` and `{y}`,
 *   e.g. an organisation's own; %NULL or empty for openstreetmap.org
 *
 * Where the OpenStreetMap base map's tiles come from (the `tile-url` setting).
 */
void
atlas_map_view_set_tile_url (AtlasMapView *self,
                             const char   *url)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (atlas_map_tiles_set_url (self->tiles, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TILE_URL]);
}

/* Widget -------------------------------------------------------------------- */

static void
atlas_map_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  GTK_WIDGET_CLASS (atlas_map_view_parent_class)->snapshot (widget, snapshot);

  /* The map has no style of its own to show keyboard focus: draw a ring. */
  if (gtk_widget_has_visible_focus (widget) && gtk_widget_is_focus (widget))
    atlas_map_append_focus_ring (widget, snapshot);
}

static void
atlas_map_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_BASE_MAP:
      g_value_set_enum (value, self->base_map);
      break;
    case PROP_TILE_URL:
      g_value_set_string (value, atlas_map_view_get_tile_url (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_map_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_BASE_MAP:
      atlas_map_view_set_base_map (self, g_value_get_enum (value));
      break;
    case PROP_TILE_URL:
      atlas_map_view_set_tile_url (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_map_view_dispose (GObject *object)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (object);

  if (self->fit_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fit_tick_id);
      self->fit_tick_id = 0;
    }

  /* The layers go with the map; they are not referenced separately. */
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_MAP_VIEW);
  self->basemap_layer = NULL;
  self->area_layer = NULL;
  self->place_layer = NULL;

  g_clear_object (&self->viewport);
  g_clear_pointer (&self->tiles, atlas_map_tiles_free);
  g_clear_object (&self->filter);
  g_clear_object (&self->selection);
  g_clear_object (&self->playhead);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (atlas_map_view_parent_class)->dispose (object);
}

static void
atlas_map_view_class_init (AtlasMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_map_view_dispose;
  object_class->get_property = atlas_map_view_get_property;
  object_class->set_property = atlas_map_view_set_property;
  widget_class->snapshot = atlas_map_view_snapshot;

  /**
   * AtlasMapView:base-map:
   *
   * What the map shows under the places.
   */
  properties[PROP_BASE_MAP] =
    g_param_spec_enum ("base-map", NULL, NULL,
                       ATLAS_TYPE_BASE_MAP, ATLAS_BASE_MAP_OPENSTREETMAP,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Empty for openstreetmap.org. */
  properties[PROP_TILE_URL] =
    g_param_spec_string ("tile-url", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-selection", NULL, zoom_selection_action);
  gtk_widget_class_install_property_action (widget_class, "map.base-map", "base-map");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, pan_cb, "(dd)", -0.25, 0.0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, pan_cb, "(dd)", 0.25, 0.0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, pan_cb, "(dd)", 0.0, -0.25);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, pan_cb, "(dd)", 0.0, 0.25);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Left, 0, pan_cb, "(dd)", -0.25, 0.0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Right, 0, pan_cb, "(dd)", 0.25, 0.0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Up, 0, pan_cb, "(dd)", 0.0, -0.25);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Down, 0, pan_cb, "(dd)", 0.0, 0.25);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "atlas-map");

  g_type_ensure (SHUMATE_TYPE_MAP);
  g_type_ensure (SHUMATE_TYPE_SCALE);
  g_type_ensure (SHUMATE_TYPE_LICENSE);
  g_type_ensure (ATLAS_TYPE_MAP_CONTROLS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/atlas-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, overlay);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, map);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, scale);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, license);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapView, controls);
  gtk_widget_class_bind_template_callback (widget_class, on_map_click_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_map_click_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_map_motion_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_map_query_tooltip_cb);
}

static void
atlas_map_view_init (AtlasMapView *self)
{
  self->base_map = ATLAS_BASE_MAP_OFFLINE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->viewport = g_object_ref (shumate_map_get_viewport (self->map));
  self->basemap_layer = atlas_basemap_layer_new (self->viewport, atlas_basemap_get_default ());
  self->tiles = atlas_map_tiles_new (self->map, self->license, SHUMATE_LAYER (self->basemap_layer));
  shumate_viewport_set_min_zoom_level (self->viewport, ATLAS_MAP_MIN_ZOOM);
  shumate_viewport_set_max_zoom_level (self->viewport, ATLAS_MAP_MAX_ZOOM);
  shumate_viewport_set_zoom_level (self->viewport, 7);
  shumate_location_set_location (SHUMATE_LOCATION (self->viewport), 30.2, 105.3);
  shumate_scale_set_viewport (self->scale, self->viewport);

  self->area_layer = atlas_area_layer_new (self->viewport);
  self->place_layer = atlas_place_layer_new (self->viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->basemap_layer));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->area_layer));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->place_layer));
  atlas_place_layer_set_label_obstacle (self->place_layer, GTK_WIDGET (self->controls));
  g_object_bind_property (self->controls, "choropleth", self->area_layer, "choropleth", G_BINDING_DEFAULT);
  atlas_basemap_layer_set_place_layer (self->basemap_layer, self->place_layer);

  update_description (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-fit", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-selection", FALSE);

  atlas_map_view_set_base_map (self, ATLAS_BASE_MAP_OPENSTREETMAP);
}

ShumateMap *
atlas_map_view_get_map (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);

  return self->map;
}

AtlasPlaceLayer *
atlas_map_view_get_place_layer (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);

  return self->place_layer;
}

AtlasAreaLayer *
atlas_map_view_get_area_layer (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);

  return self->area_layer;
}

gboolean
atlas_map_view_has_tile_layer (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), FALSE);

  return atlas_map_tiles_is_shown (self->tiles);
}
