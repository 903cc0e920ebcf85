/* atlas-window.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <shumate/shumate.h>

#include "atlas-window-private.h"
#include "map/atlas-map-view-private.h"
#include "model/atlas-locale.h"

/*
 * The main window: the filter sidebar, the map with the details panel beside it,
 * the timeline and the event list below. The sidebar and the details panel are
 * AdwFlaps: in a window too narrow for them beside the map they fold, hide, and
 * come back over the map when asked for (the details panel also when something
 * is selected).
 * It owns the one filter, selection and playhead the views share, and the
 * coordinator that decides what the views' intents change (atlas-coordinator.c),
 * and remembers what was on screen. Opening, reloading and exporting files is in
 * atlas-window-files.c.
 */

G_DEFINE_FINAL_TYPE (AtlasWindow, atlas_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SHOW_SIDEBAR,
  PROP_SHOW_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
atlas_window_is_bundled (GFile *file)
{
  g_autoptr(GFile) bundled = atlas_application_get_bundled_dataset ();

  return file != NULL && g_file_equal (file, bundled);
}

char *
atlas_window_display_name (GFile *file)
{
  if (file == NULL)
    return g_strdup (_("Untitled"));
  if (atlas_window_is_bundled (file))
    return g_strdup (_("Bundled dataset"));
  return g_file_get_basename (file);
}

void
atlas_window_show_message (AtlasWindow *self,
                           const char  *text,
                           gboolean     has_details)
{
  /* Dataset text is shown as text: the label does not parse markup. */
  gtk_label_set_text (self->banner_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_details_button), has_details);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

void
atlas_window_hide_message (AtlasWindow *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

static void
update_title (AtlasWindow *self)
{
  g_autofree char *name = NULL;
  const char *title;

  if (self->dataset == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Chengyu Atlas"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Chengyu Atlas"));
      return;
    }

  title = atlas_localized (atlas_dataset_get_title (self->dataset), atlas_dataset_get_title_zh (self->dataset));
  name = self->file == NULL && self->source_name != NULL ? g_strdup (self->source_name)
                                                           : atlas_window_display_name (self->file);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/**
 * atlas_window_capture_state:
 * @self: a window
 * @flags: which parts
 *
 * Returns: (transfer floating): the view state, with the map's centre and zoom
 */
GVariant *
atlas_window_capture_state (AtlasWindow         *self,
                            AtlasViewStateFlags  flags)
{
  g_autoptr(GVariant) state = atlas_view_state_capture (self->filter, self->selection, self->playhead, flags);
  ShumateViewport *viewport = shumate_map_get_viewport (atlas_map_view_get_map (self->map_view));
  GVariantDict dict;

  g_variant_ref_sink (state);
  g_variant_dict_init (&dict, state);
  g_variant_dict_insert (&dict, "map", "(ddd)",
                         shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                         shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                         shumate_viewport_get_zoom_level (viewport));
  return g_variant_dict_end (&dict);
}

void
atlas_window_apply_state (AtlasWindow         *self,
                          GVariant            *state,
                          AtlasViewStateFlags  flags)
{
  double latitude, longitude, zoom;

  if (state == NULL || !g_variant_is_of_type (state, G_VARIANT_TYPE_VARDICT))
    return;

  atlas_view_state_apply (state, self->filter, self->selection, self->playhead, flags);

  if (g_variant_lookup (state, "map", "(ddd)", &latitude, &longitude, &zoom) &&
      latitude >= -85 && latitude <= 85 && longitude >= -180 && longitude <= 180 && zoom >= 0 && zoom <= 20)
    {
      ShumateMap *map = atlas_map_view_get_map (self->map_view);

      shumate_viewport_set_zoom_level (shumate_map_get_viewport (map), zoom);
      shumate_map_center_on (map, latitude, longitude);
    }
}

/**
 * atlas_window_apply_dataset:
 * @self: a window
 * @dataset: a dataset that loaded without errors
 * @file: where it came from
 *
 * Puts @dataset on screen, restoring what state was waiting for it.
 */
void
atlas_window_apply_dataset (AtlasWindow  *self,
                            AtlasDataset *dataset,
                            GFile        *file)
{
  g_autoptr(GVariant) state = g_steal_pointer (&self->pending_state);

  g_set_object (&self->dataset, dataset);
  g_set_object (&self->file, file);
  g_debug ("dataset on screen: %u places, %u events, %u sectors, %u districts",
           atlas_dataset_get_n_locations (dataset), atlas_dataset_get_n_events (dataset),
           atlas_dataset_get_n_sectors (dataset), atlas_dataset_get_n_districts (dataset));

  atlas_selection_set_dataset (self->selection, dataset);
  atlas_filter_set_dataset (self->filter, dataset);
  update_title (self);

  if (state != NULL)
    atlas_window_apply_state (self, state, ATLAS_VIEW_STATE_ALL);

  if (self->settings != NULL && file != NULL)
    {
      g_autofree char *uri = atlas_window_is_bundled (file) ? g_strdup ("") : g_file_get_uri (file);

      g_settings_set_string (self->settings, "last-dataset", uri);
    }
  atlas_window_watch_file (self);
}

static GVariant *
on_views_capture_view_cb (AtlasViewsButton *button,
                          AtlasWindow      *self)
{
  return g_variant_ref_sink (atlas_window_capture_state (self, ATLAS_VIEW_STATE_FILTERS | ATLAS_VIEW_STATE_TIME));
}

static void
on_views_apply_view_cb (AtlasViewsButton *button,
                        GVariant         *state,
                        AtlasWindow      *self)
{
  atlas_window_apply_state (self, state, ATLAS_VIEW_STATE_FILTERS | ATLAS_VIEW_STATE_TIME);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, TRUE);
  atlas_filter_sidebar_focus_search (self->sidebar);
}

static void
dismiss_banner_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  atlas_window_hide_message (ATLAS_WINDOW (widget));
}

static void
save_window_state (AtlasWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  /* A folded panel was hidden by the fold, not by the person: keep their choice. */
  if (!adw_flap_get_folded (self->flap))
    g_settings_set_boolean (self->settings, "show-sidebar", adw_flap_get_reveal_flap (self->flap));
  if (!adw_flap_get_folded (self->details_flap))
    g_settings_set_boolean (self->settings, "show-details", adw_flap_get_reveal_flap (self->details_flap));
  if (self->dataset != NULL)
    g_settings_set_value (self->settings, "last-state", atlas_window_capture_state (self, ATLAS_VIEW_STATE_ALL));
  g_settings_apply (self->settings);
}

static gboolean
atlas_window_close_request (GtkWindow *window)
{
  AtlasWindow *self = ATLAS_WINDOW (window);

  save_window_state (self);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);

  return GTK_WINDOW_CLASS (atlas_window_parent_class)->close_request (window);
}

static void
atlas_window_dispose (GObject *object)
{
  AtlasWindow *self = (AtlasWindow *) object;

  atlas_window_files_dispose (self);
  atlas_window_panes_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_WINDOW);

  g_clear_object (&self->coordinator);
  g_clear_object (&self->playhead);
  g_clear_object (&self->filter);
  g_clear_object (&self->selection);
  g_clear_object (&self->dataset);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (atlas_window_parent_class)->dispose (object);
}

static void
atlas_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  switch (prop_id)
    {
    /* The actions bound to these properties may ask after dispose. */
    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->flap != NULL && adw_flap_get_reveal_flap (self->flap));
      break;
    case PROP_SHOW_DETAILS:
      g_value_set_boolean (value, self->details_flap != NULL && adw_flap_get_reveal_flap (self->details_flap));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR:
      if (self->flap != NULL && adw_flap_get_reveal_flap (self->flap) != g_value_get_boolean (value))
        adw_flap_set_reveal_flap (self->flap, g_value_get_boolean (value));
      break;
    case PROP_SHOW_DETAILS:
      if (self->details_flap != NULL && adw_flap_get_reveal_flap (self->details_flap) != g_value_get_boolean (value))
        adw_flap_set_reveal_flap (self->details_flap, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_flap_reveal_notify_cb (AtlasWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
}

static void
on_details_reveal_notify_cb (AtlasWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DETAILS]);
}

/* In a narrow window the details panel is folded away: bring it over the map
 * when something is selected, as it is what the person asked to see. */
static void
on_selection_changed_cb (AtlasWindow *self)
{
  if (adw_flap_get_folded (self->details_flap) && !atlas_selection_is_empty (self->selection))
    adw_flap_set_reveal_flap (self->details_flap, TRUE);
}

static void
atlas_window_class_init (AtlasWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = atlas_window_dispose;
  object_class->get_property = atlas_window_get_property;
  object_class->set_property = atlas_window_set_property;
  window_class->close_request = atlas_window_close_request;

  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_DETAILS] =
    g_param_spec_boolean ("show-details", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATLAS_TYPE_FILTER_SIDEBAR);
  g_type_ensure (ATLAS_TYPE_MAP_VIEW);
  g_type_ensure (ATLAS_TYPE_DETAILS_PANEL);
  g_type_ensure (ATLAS_TYPE_TIMELINE);
  g_type_ensure (ATLAS_TYPE_EVENT_LIST);
  g_type_ensure (ATLAS_TYPE_VIEWS_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, banner_details_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, vertical_paned);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, details_flap);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, details);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, event_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, views_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, recent_menu);

  gtk_widget_class_install_action (widget_class, "win.dismiss-banner", NULL, dismiss_banner_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
  gtk_widget_class_install_property_action (widget_class, "win.show-details", "show-details");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.show-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);

  atlas_window_files_class_init (widget_class);
  atlas_window_exports_class_init (widget_class);
  atlas_window_panes_class_init (widget_class);
}

static GSettings *
app_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Without the schema (a build tree without devenv) the window still works; it
   * just does not remember anything. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL ? g_settings_new (APP_ID) : NULL;
}

static void
atlas_window_init (AtlasWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = atlas_selection_new ();
  self->filter = atlas_filter_new ();
  self->playhead = atlas_playhead_new (self->filter);

  atlas_filter_sidebar_set_models (self->sidebar, self->filter, self->selection);
  atlas_filter_sidebar_set_playhead (self->sidebar, self->playhead);
  atlas_map_view_set_models (self->map_view, self->filter, self->selection, self->playhead);
  atlas_details_panel_set_models (self->details, self->filter, self->selection, self->playhead);
  atlas_timeline_set_models (self->timeline, self->filter, self->selection, self->playhead);
  atlas_event_list_set_models (self->event_list, self->filter, self->selection);

  /* The views only read the models; what a person does in them reaches the
   * models through the coordinator's rules. */
  self->coordinator = atlas_coordinator_new (self->filter, self->selection, self->playhead);
  atlas_coordinator_watch (self->coordinator, ATLAS_INTENT_SOURCE (self->map_view));
  atlas_coordinator_watch (self->coordinator, ATLAS_INTENT_SOURCE (self->timeline));
  atlas_coordinator_watch (self->coordinator, ATLAS_INTENT_SOURCE (self->event_list));
  atlas_coordinator_watch (self->coordinator, ATLAS_INTENT_SOURCE (self->details));

  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (on_flap_reveal_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->details_flap, "notify::reveal-flap", G_CALLBACK (on_details_reveal_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "changed", G_CALLBACK (on_selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->views_button, "capture-view", G_CALLBACK (on_views_capture_view_cb), self, 0);
  g_signal_connect_object (self->views_button, "apply-view", G_CALLBACK (on_views_apply_view_cb), self, 0);

  self->settings = app_settings ();
  if (self->settings != NULL)
    {
      int width, height;

      g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 294));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      adw_flap_set_reveal_flap (self->flap, g_settings_get_boolean (self->settings, "show-sidebar"));
      adw_flap_set_reveal_flap (self->details_flap, g_settings_get_boolean (self->settings, "show-details"));
      g_settings_bind (self->settings, "tile-url", self->map_view, "tile-url", G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "base-map", self->map_view, "base-map", G_SETTINGS_BIND_DEFAULT);
    }
  atlas_views_button_set_settings (self->views_button, self->settings);
  atlas_window_panes_init (self);

  atlas_window_files_init (self);
}

AtlasWindow *
atlas_window_new (AtlasApplication *application)
{
  return g_object_new (ATLAS_TYPE_WINDOW, "application", application, NULL);
}

AtlasDataset *
atlas_window_get_dataset (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->dataset;
}

GFile *
atlas_window_get_file (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->file;
}

AtlasFilter *
atlas_window_get_filter (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->filter;
}

AtlasSelection *
atlas_window_get_selection (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->selection;
}

AtlasPlayhead *
atlas_window_get_playhead (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->playhead;
}

/**
 * atlas_window_get_last_report:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the problems of the last failed load, or
 *   the warnings of the last successful one
 */
AtlasReport *
atlas_window_get_last_report (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->last_report;
}

gboolean
atlas_window_is_loading (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);

  return self->loading_name != NULL;
}

/**
 * atlas_window_get_message:
 * @self: a window
 *
 * Returns: (nullable): the text of the message bar when it is shown
 */
const char *
atlas_window_get_message (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->banner_revealer))
    return NULL;
  return gtk_label_get_text (self->banner_label);
}
