/* atlas-window.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "model/atlas-locale.h"
#include "atlas-window.h"
#include "map/atlas-map-view.h"
#include "model/atlas-error.h"
#include "model/atlas-loader.h"
#include "panels/atlas-details-panel.h"
#include "panels/atlas-event-list.h"
#include "panels/atlas-filter-sidebar.h"
#include "timeline/atlas-timeline.h"

struct _AtlasWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkRevealer *progress_revealer;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GtkButton *banner_details_button;
  AdwFlap *flap;
  GtkPaned *vertical_paned;
  GtkPaned *horizontal_paned;
  AtlasFilterSidebar *sidebar;
  AtlasMapView *map_view;
  AtlasDetailsPanel *details;
  AtlasTimeline *timeline;
  AtlasEventList *event_list;

  GSettings *settings;

  AtlasDataset *dataset;
  GFile *file;
  AtlasFilter *filter;
  AtlasSelection *selection;
  AtlasPlayhead *playhead;

  GCancellable *load_cancellable;
  GFile *loading_file;
  AtlasReport *last_report;
  char *last_report_name;
};

G_DEFINE_FINAL_TYPE (AtlasWindow, atlas_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SHOW_SIDEBAR,
  PROP_SHOW_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_bundled (GFile *file)
{
  g_autoptr(GFile) bundled = atlas_application_get_bundled_dataset ();

  return file != NULL && g_file_equal (file, bundled);
}

static char *
display_name (GFile *file)
{
  if (is_bundled (file))
    return g_strdup (_("Bundled dataset"));
  return g_file_get_basename (file);
}

static void
show_banner (AtlasWindow *self,
             const char  *text,
             gboolean     has_details)
{
  /* Dataset text is shown as text: the label does not parse markup. */
  gtk_label_set_text (self->banner_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_details_button), has_details);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static void
hide_banner (AtlasWindow *self)
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

  title = atlas_localized (atlas_dataset_get_title (self->dataset),
                           atlas_dataset_get_title_zh (self->dataset));
  name = display_name (self->file);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
set_loading (AtlasWindow *self,
             GFile       *file)
{
  g_set_object (&self->loading_file, file);
  gtk_revealer_set_reveal_child (self->progress_revealer, file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", file != NULL);

  if (file != NULL)
    {
      g_autofree char *name = display_name (file);
      g_autofree char *label = g_strdup_printf (_("Opening “%s”…"), name);

      gtk_label_set_text (self->progress_label, label);
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
    }
}

static void
on_load_progress (double   fraction,
                  gpointer user_data)
{
  AtlasWindow *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
apply_dataset (AtlasWindow  *self,
               AtlasDataset *dataset,
               GFile        *file)
{
  g_set_object (&self->dataset, dataset);
  g_set_object (&self->file, file);

  atlas_selection_set_dataset (self->selection, dataset);
  atlas_filter_set_dataset (self->filter, dataset);
  update_title (self);

  if (self->settings != NULL)
    {
      g_autofree char *uri = is_bundled (file) ? g_strdup ("") : g_file_get_uri (file);

      g_settings_set_string (self->settings, "last-dataset", uri);
    }
}

/* For the start-up benchmark: with CHENGYU_ATLAS_BENCH_STARTUP set, report the time
 * from the start of main() to the first frame drawn with the dataset, and quit. */
static void
on_frame_clock_after_paint_cb (GdkFrameClock *clock,
                               AtlasWindow   *self)
{
  double ms = (g_get_monotonic_time () - atlas_application_get_start_time ()) / 1000.0;

  g_signal_handlers_disconnect_by_func (clock, on_frame_clock_after_paint_cb, self);
  g_print ("first-frame-ms: %.1f\n", ms);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
maybe_report_first_frame (AtlasWindow *self)
{
  GdkFrameClock *clock;

  if (g_getenv ("CHENGYU_ATLAS_BENCH_STARTUP") == NULL)
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    return;
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_frame_clock_after_paint_cb), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
keep_report (AtlasWindow *self,
             AtlasReport *report,
             GFile       *file)
{
  g_set_object (&self->last_report, report);
  g_free (self->last_report_name);
  self->last_report_name = display_name (file);
}

static void
report_failure (AtlasWindow *self,
                GFile       *file,
                AtlasReport *report,
                GError      *error)
{
  g_autofree char *name = display_name (file);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean has_problems = report != NULL && atlas_report_get_n_kept (report) > 0;

  g_string_append_printf (text, _("Could not open “%s”: %s."), name, error->message);
  if (self->dataset != NULL)
    g_string_append_printf (text, " %s", _("The dataset on screen was kept."));

  if (has_problems)
    {
      g_autofree char *first = atlas_report_format_summary (report, 3);

      g_string_append_c (text, '\n');
      g_string_append (text, first);
    }

  keep_report (self, report, file);
  show_banner (self, text->str, has_problems);
}

static void
on_load_finished_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AtlasWindow) self = user_data;
  g_autoptr(AtlasReport) report = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  dataset = atlas_loader_load_finish (result, &report, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  file = g_steal_pointer (&self->loading_file);
  set_loading (self, NULL);
  g_clear_object (&self->load_cancellable);

  if (dataset == NULL)
    {
      report_failure (self, file, report, error);

      /* Never leave the window empty: fall back to the bundled dataset. */
      if (self->dataset == NULL && !is_bundled (file))
        {
          g_autoptr(GFile) bundled = atlas_application_get_bundled_dataset ();

          atlas_window_open (self, bundled);
        }
      return;
    }

  apply_dataset (self, dataset, file);
  maybe_report_first_frame (self);

  if (atlas_report_get_n_warnings (report) > 0)
    {
      guint n = atlas_report_get_n_warnings (report);
      g_autofree char *first = atlas_report_format_summary (report, 3);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "The dataset opened with %u warning:\n%s",
                                                            "The dataset opened with %u warnings:\n%s", n),
                                               n, first);

      keep_report (self, report, file);
      show_banner (self, text, TRUE);
    }
  else
    {
      g_clear_object (&self->last_report);
      hide_banner (self);
    }
}

/**
 * atlas_window_open:
 * @self: a window
 * @file: a dataset file
 *
 * Loads @file on a worker thread, showing progress; the dataset on screen stays
 * until the new one has loaded without errors.
 */
void
atlas_window_open (AtlasWindow *self,
                   GFile       *file)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  self->load_cancellable = g_cancellable_new ();
  set_loading (self, file);
  atlas_loader_load_async (file, self->load_cancellable, on_load_progress, self, NULL,
                           on_load_finished_cb, g_object_ref (self));
}

/**
 * atlas_window_open_initial:
 * @self: a window
 *
 * Opens the dataset of the last session, or the bundled one.
 */
void
atlas_window_open_initial (AtlasWindow *self)
{
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (ATLAS_IS_WINDOW (self));

  if (self->settings != NULL)
    uri = g_settings_get_string (self->settings, "last-dataset");

  if (uri != NULL && *uri != '\0')
    file = g_file_new_for_uri (uri);
  else
    file = atlas_application_get_bundled_dataset ();

  atlas_window_open (self, file);
}

static void
on_open_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     AtlasWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        atlas_window_open (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Open Dataset"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));

  gtk_file_filter_set_name (json, _("Datasets (JSON, GeoJSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_mime_type (json, "application/geo+json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_add_suffix (json, "geojson");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), json);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);

  if (self->file != NULL && !is_bundled (self->file))
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), parent, NULL);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_bundled_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(GFile) bundled = atlas_application_get_bundled_dataset ();

  atlas_window_open (ATLAS_WINDOW (widget), bundled);
}

static void
cancel_load_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  if (self->load_cancellable == NULL)
    return;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  set_loading (self, NULL);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Opening was cancelled")));

  if (self->dataset == NULL)
    {
      g_autoptr(GFile) bundled = atlas_application_get_bundled_dataset ();

      atlas_window_open (self, bundled);
    }
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
  hide_banner (ATLAS_WINDOW (widget));
}

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autofree char *all = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog, *scrolled, *view;
  GtkTextBuffer *buffer;

  if (self->last_report == NULL)
    return;

  all = atlas_report_format_summary (self->last_report, ATLAS_REPORT_MAX_KEPT);
  heading = g_strdup_printf (_("Problems in “%s”"), self->last_report_name);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%u errors and %u warnings, each with its place in the file."),
                                  atlas_report_get_n_errors (self->last_report),
                                  atlas_report_get_n_warnings (self->last_report));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  buffer = gtk_text_buffer_new (NULL);
  gtk_text_buffer_set_text (buffer, all, -1);
  view = gtk_text_view_new_with_buffer (buffer);
  g_object_unref (buffer);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problems"), -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 520);
  gtk_widget_add_css_class (scrolled, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            AtlasWindow   *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  atlas_window_open (self, files->data);
  g_slist_free (files);
  return TRUE;
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
  g_settings_set_boolean (self->settings, "show-sidebar", adw_flap_get_reveal_flap (self->flap));
  g_settings_set_boolean (self->settings, "show-details",
                          gtk_widget_get_visible (GTK_WIDGET (self->details)));
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

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_WINDOW);

  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->loading_file);
  g_clear_object (&self->playhead);
  g_clear_object (&self->filter);
  g_clear_object (&self->selection);
  g_clear_object (&self->dataset);
  g_clear_object (&self->file);
  g_clear_object (&self->last_report);
  g_clear_pointer (&self->last_report_name, g_free);
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
      g_value_set_boolean (value, self->details != NULL && gtk_widget_get_visible (GTK_WIDGET (self->details)));
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
        {
          adw_flap_set_reveal_flap (self->flap, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SHOW_DETAILS:
      if (self->details != NULL && gtk_widget_get_visible (GTK_WIDGET (self->details)) != g_value_get_boolean (value))
        {
          gtk_widget_set_visible (GTK_WIDGET (self->details), g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
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
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, horizontal_paned);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, details);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, event_list);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL, open_bundled_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-banner", NULL, dismiss_banner_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
  gtk_widget_class_install_property_action (widget_class, "win.show-details", "show-details");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.show-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
atlas_window_init (AtlasWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = atlas_selection_new ();
  self->filter = atlas_filter_new ();
  self->playhead = atlas_playhead_new (self->filter);

  atlas_filter_sidebar_set_models (self->sidebar, self->filter, self->selection);
  atlas_map_view_set_models (self->map_view, self->filter, self->selection, self->playhead);
  atlas_details_panel_set_models (self->details, self->filter, self->selection, self->playhead);
  atlas_timeline_set_models (self->timeline, self->filter, self->selection, self->playhead);
  atlas_event_list_set_models (self->event_list, self->filter, self->selection);

  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (on_flap_reveal_notify_cb), self,
                           G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", FALSE);

  /* Without the schema installed (a test, a build tree) the window still works;
   * it just does not remember anything. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      int width, height;

      self->settings = g_settings_new (APP_ID);
      g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      adw_flap_set_reveal_flap (self->flap, g_settings_get_boolean (self->settings, "show-sidebar"));
      gtk_widget_set_visible (GTK_WIDGET (self->details), g_settings_get_boolean (self->settings, "show-details"));
    }
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

  return self->loading_file != NULL;
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
