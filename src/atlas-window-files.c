/* atlas-window-files.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-window-private.h"
#include "io/atlas-loader.h"
#include "io/atlas-import.h"
#include "atlas-import-dialog.h"
#include "atlas-database-dialog.h"

/*
 * The window's files: opening (on a worker thread, with progress and a Cancel
 * button), reloading when the file changes on disk, and recent files. Exports
 * are in atlas-window-exports.c.
 * Whatever happens, the dataset on screen stays until a new one has loaded
 * without errors.
 */

#define RELOAD_DELAY_MS 300
#define MAX_RECENT 8

/* @name: what is loading, for the person (a file's name, a database's), or
 * %NULL when nothing is */
static void
set_loading (AtlasWindow *self,
             GFile       *file,
             const char  *name,
             gboolean     reload)
{
  g_set_object (&self->loading_file, file);
  g_free (self->loading_name);
  self->loading_name = g_strdup (name);
  self->loading_is_reload = name != NULL && reload;
  gtk_revealer_set_reveal_child (self->progress_revealer, name != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", name != NULL);

  if (name != NULL)
    {
      g_autofree char *label = g_strdup_printf (reload ? _("Reloading “%s”…") : _("Opening “%s”…"), name);

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

/* How long the person waited for the dataset: logged once per window, for bug
 * reports and for the start-up benchmark, which reads it from the Atlas-app
 * debug output. */
static void
on_frame_clock_after_paint_cb (GdkFrameClock *clock,
                               AtlasWindow   *self)
{
  double ms = (g_get_monotonic_time () - atlas_application_get_start_time ()) / 1000.0;

  g_signal_handlers_disconnect_by_func (clock, on_frame_clock_after_paint_cb, self);
  g_debug ("first frame with the dataset: %.1f ms after start", ms);
}

static void
maybe_report_first_frame (AtlasWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->reported_first_frame || clock == NULL)
    return;

  self->reported_first_frame = TRUE;
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_frame_clock_after_paint_cb), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
keep_report (AtlasWindow *self,
             AtlasReport *report,
             const char  *name)
{
  g_set_object (&self->last_report, report);
  g_free (self->last_report_name);
  self->last_report_name = g_strdup (name);
}

static void
report_failure (AtlasWindow *self,
                const char  *name,
                gboolean     reload,
                AtlasReport *report,
                GError      *error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean has_problems = report != NULL && atlas_report_get_n_kept (report) > 0;

  if (reload)
    /* Translators: %1$s is a file name, %2$s why it cannot be opened */
    g_string_append_printf (text, _("“%1$s” changed on disk and cannot be opened now: %2$s. "
                                    "What is on screen is from before the change."), name, error->message);
  else if (self->dataset != NULL)
    /* Translators: %1$s is a file name, %2$s why it cannot be opened */
    g_string_append_printf (text, _("Could not open “%1$s”: %2$s. The dataset on screen was kept."),
                            name, error->message);
  else
    /* Translators: %1$s is a file name, %2$s why it cannot be opened */
    g_string_append_printf (text, _("Could not open “%1$s”: %2$s."), name, error->message);

  if (has_problems)
    {
      g_autofree char *first = atlas_report_format_summary (report, 3);

      g_string_append_c (text, '\n');
      g_string_append (text, first);
    }

  keep_report (self, report, name);
  atlas_window_show_message (self, text->str, has_problems);
}

static void
add_to_recent (AtlasWindow *self,
               GFile       *file)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = { 0 };
  static const char *groups[] = { "chengyu-atlas", NULL };

  if (file == NULL || atlas_window_is_bundled (file) || !g_file_is_native (file))
    return;

  uri = g_file_get_uri (file);
  data.mime_type = (char *) "application/json";
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "chengyu-atlas %u";
  data.groups = (char **) groups;
  gtk_recent_manager_add_full (self->recent, uri, &data);
}

/* Tables whose columns were mapped by hand ---------------------------------- */

static char *
remembered_mapping (AtlasWindow *self,
                    GFile       *file)
{
  g_autoptr(GVariant) mappings = NULL;
  const char *text = NULL;

  if (self->settings == NULL)
    return NULL;
  mappings = g_settings_get_value (self->settings, "import-mappings");
  if (!g_variant_lookup (mappings, g_file_peek_path (file), "&s", &text))
    return NULL;
  return g_strdup (text);
}

static void
remember_mapping (AtlasWindow *self,
                  GFile       *file,
                  const char  *text)
{
  g_autoptr(GVariant) old = NULL;
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  GVariantIter iter;
  const char *key, *value;

  if (self->settings == NULL)
    return;
  old = g_settings_get_value (self->settings, "import-mappings");
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    {
      if (g_strcmp0 (key, g_file_peek_path (file)) != 0)
        g_variant_builder_add (&builder, "{ss}", key, value);
    }
  g_variant_builder_add (&builder, "{ss}", g_file_peek_path (file), text);
  g_settings_set_value (self->settings, "import-mappings", g_variant_builder_end (&builder));
}

static void
on_import_mapped_cb (AtlasImportDialog *dialog,
                     const char        *text,
                     AtlasWindow       *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");
  const char *connection = g_object_get_data (G_OBJECT (dialog), "connection");

  /* A database's mapping is not remembered: its key would hold the password. */
  if (file == NULL)
    {
      atlas_window_open_database (self, connection, g_object_get_data (G_OBJECT (dialog), "layer"), NULL, text);
      return;
    }
  remember_mapping (self, file, text);
  atlas_window_open (self, file);
}

/* Shows the import dialog for a source whose columns were not recognised, or
 * which has several layers: the layer remembered or named first. */
static gboolean
ask_mapping (AtlasWindow *self,
             GFile       *file,
             const char  *connection,
             const char  *layer,
             AtlasReport *report)
{
  const char *path = file != NULL ? g_file_peek_path (file) : connection;
  g_autofree char *mapping = file != NULL ? remembered_mapping (self, file) : NULL;
  g_autofree char *remembered = atlas_import_mapping_get_layer (mapping);
  g_auto(GStrv) layers = NULL;
  AtlasImportPreview *preview;
  AtlasImportDialog *dialog;

  if (path == NULL)
    return FALSE;
  if (file != NULL)
    layers = atlas_import_list_layers (path, NULL);
  preview = atlas_import_preview (path, layer != NULL ? layer : remembered, 5, NULL);
  if (preview == NULL && remembered != NULL)
    preview = atlas_import_preview (path, NULL, 5, NULL);
  if (preview == NULL)
    return FALSE;
  dialog = atlas_import_dialog_new (GTK_WINDOW (self), path, (const char * const *) layers, preview, report);
  if (file != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  else
    {
      g_object_set_data_full (G_OBJECT (dialog), "connection", g_strdup (connection), g_free);
      g_object_set_data_full (G_OBJECT (dialog), "layer", g_strdup (layer), g_free);
    }
  g_signal_connect_object (dialog, "mapped", G_CALLBACK (on_import_mapped_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  /* Never leave the window empty while the dialog is open. */
  if (self->dataset == NULL)
    {
      g_autoptr(GFile) bundled = atlas_application_get_bundled_dataset ();

      atlas_window_open (self, bundled);
    }
  return TRUE;
}

static gboolean
needs_choice (GError *error)
{
  return g_error_matches (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_UNMAPPED) ||
         g_error_matches (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_SEVERAL_LAYERS);
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
  g_autofree char *name = NULL;
  g_autofree char *connection = NULL;
  g_autofree char *layer = NULL;
  gboolean reload, playing;

  if (g_task_get_source_tag (G_TASK (result)) == atlas_import_load_async)
    dataset = atlas_import_load_finish (result, &report, &error);
  else
    dataset = atlas_loader_load_finish (result, &report, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  reload = self->loading_is_reload;
  file = g_steal_pointer (&self->loading_file);
  name = g_strdup (self->loading_name);
  connection = g_steal_pointer (&self->loading_connection);
  layer = g_steal_pointer (&self->loading_layer);
  g_debug ("%s finished: %s, %u errors, %u warnings", reload ? "reload" : "load",
           dataset != NULL ? "a dataset" : "no dataset",
           report != NULL ? atlas_report_get_n_errors (report) : 0,
           report != NULL ? atlas_report_get_n_warnings (report) : 0);
  set_loading (self, NULL, NULL, FALSE);
  g_clear_object (&self->load_cancellable);

  if (dataset == NULL && needs_choice (error) && (file != NULL || layer != NULL) &&
      ask_mapping (self, file, connection, layer, report))
    return;

  if (dataset == NULL)
    {
      g_clear_pointer (&self->pending_state, g_variant_unref);
      report_failure (self, name, reload, report, error);

      /* Never leave the window empty: fall back to the bundled dataset. */
      if (self->dataset == NULL && !atlas_window_is_bundled (file))
        {
          g_autoptr(GFile) bundled = atlas_application_get_bundled_dataset ();

          atlas_window_open (self, bundled);
          self->keep_message = TRUE;
        }
      return;
    }

  /* A reload is the same file, changed: a playback goes on through it (a
   * new dataset stops the playback). */
  playing = reload && atlas_playhead_get_playing (self->playhead);
  g_free (self->source_name);
  self->source_name = file == NULL ? g_strdup (name) : NULL;
  atlas_window_apply_dataset (self, dataset, file);
  if (playing)
    atlas_playhead_set_playing (self->playhead, TRUE);
  add_to_recent (self, file);
  maybe_report_first_frame (self);

  if (atlas_report_get_n_errors (report) > 0 || atlas_report_get_n_warnings (report) > 0)
    {
      /* An import keeps the rows it could read and says which it left out. */
      guint n_errors = atlas_report_get_n_errors (report);
      guint n = n_errors > 0 ? n_errors : atlas_report_get_n_warnings (report);
      g_autofree char *first = atlas_report_format_summary (report, 3);
      g_autofree char *text =
        g_strdup_printf (n_errors > 0 ? g_dngettext (GETTEXT_PACKAGE, "The file opened with %u row left out:\n%s",
                                                     "The file opened with %u rows left out:\n%s", n)
                                      : g_dngettext (GETTEXT_PACKAGE, "The dataset opened with %u warning:\n%s",
                                                     "The dataset opened with %u warnings:\n%s", n),
                         n, first);

      keep_report (self, report, name);
      atlas_window_show_message (self, text, TRUE);
    }
  else if (self->keep_message)
    self->keep_message = FALSE;
  else
    {
      g_clear_object (&self->last_report);
      atlas_window_hide_message (self);
      if (reload)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Reloaded the changed file")));
    }
}

static void
begin_load (AtlasWindow *self,
            GFile       *file,
            const char  *name,
            gboolean     reload)
{
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->loading_connection, g_free);
  g_clear_pointer (&self->loading_layer, g_free);

  self->load_cancellable = g_cancellable_new ();
  set_loading (self, file, name, reload);
}

static void
start_load (AtlasWindow *self,
            GFile       *file,
            gboolean     reload)
{
  g_autofree char *name = atlas_window_display_name (file);

  begin_load (self, file, name, reload);
  if (g_file_peek_path (file) != NULL && atlas_import_is_foreign (g_file_peek_path (file)))
    {
      g_autofree char *mapping = remembered_mapping (self, file);
      /* In the window, a file with several layers asks which to read. */
      AtlasImportOptions options = { .mapping_text = mapping, .one_layer = TRUE };

      atlas_import_load_async (g_file_peek_path (file), &options, self->load_cancellable, on_load_progress, self,
                               NULL, on_load_finished_cb, g_object_ref (self));
      return;
    }
  atlas_loader_load_async (file, self->load_cancellable, on_load_progress, self, NULL,
                           on_load_finished_cb, g_object_ref (self));
}

/**
 * atlas_window_open:
 * @self: a window
 * @file: a dataset (or GeoJSON) file
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

  g_clear_pointer (&self->pending_state, g_variant_unref);
  start_load (self, file, FALSE);
}

/**
 * atlas_window_open_database:
 * @self: a window
 * @connection: a `PG:` connection string, perhaps with a password
 * @layer: (nullable): the table to read
 * @sql: (nullable): or the query whose rows to read
 * @mapping_text: (nullable): which column holds what, when not recognised
 *
 * Imports a table or a query's rows on a worker thread, as atlas_window_open()
 * does a file. The connection string is never shown or remembered.
 */
void
atlas_window_open_database (AtlasWindow *self,
                            const char  *connection,
                            const char  *layer,
                            const char  *sql,
                            const char  *mapping_text)
{
  g_autofree char *database = atlas_import_connection_describe (connection);
  g_autofree char *quoted = atlas_import_quote (layer);
  g_autofree char *name = NULL;
  AtlasImportOptions options = { .layer = layer, .sql = sql, .mapping_text = mapping_text };

  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (connection != NULL);

  /* Translators: %1$s is a table's name, %2$s its database */
  name = sql != NULL ? g_strdup (database) : g_strdup_printf (_("“%1$s” in %2$s"), quoted, database);
  g_clear_pointer (&self->pending_state, g_variant_unref);
  begin_load (self, NULL, name, FALSE);
  self->loading_connection = g_strdup (connection);
  self->loading_layer = sql != NULL ? NULL : g_strdup (layer);
  atlas_import_load_async (connection, &options, self->load_cancellable, on_load_progress, self, NULL,
                           on_load_finished_cb, g_object_ref (self));
}

/**
 * atlas_window_reload:
 * @self: a window
 *
 * Loads the file on screen again, keeping the filters, the selection, the time
 * and the map position where their ids still exist.
 */
void
atlas_window_reload (AtlasWindow *self)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));

  if (self->file == NULL)
    return;

  g_clear_pointer (&self->pending_state, g_variant_unref);
  self->pending_state = g_variant_ref_sink (atlas_window_capture_state (self, ATLAS_VIEW_STATE_ALL));
  start_load (self, self->file, TRUE);
}

/**
 * atlas_window_open_initial:
 * @self: a window
 *
 * Opens the dataset of the last session with the view it had, or the bundled
 * dataset. If the last dataset cannot be opened any more, the bundled one opens
 * with a message saying so.
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
  if (self->settings != NULL)
    self->pending_state = g_settings_get_value (self->settings, "last-state");
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  AtlasWindow *self = user_data;

  self->reload_timeout_id = 0;
  atlas_window_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_monitor_changed_cb (GFileMonitor      *monitor,
                       GFile             *file,
                       GFile             *other,
                       GFileMonitorEvent  event,
                       AtlasWindow       *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
      /* Editors write in several steps; reload once they are done. */
      g_clear_handle_id (&self->reload_timeout_id, g_source_remove);
      self->reload_timeout_id = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
      break;

    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      g_clear_handle_id (&self->reload_timeout_id, g_source_remove);
      {
        g_autofree char *name = atlas_window_display_name (self->file);
        g_autofree char *text = g_strdup_printf (_("“%s” was deleted or moved. What is on screen stays until you open another file."),
                                                 name);

        atlas_window_show_message (self, text, FALSE);
      }
      break;

    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

/**
 * atlas_window_watch_file:
 * @self: a window
 *
 * Watches the file on screen, to reload it when it changes.
 */
void
atlas_window_watch_file (AtlasWindow *self)
{
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_func (self->monitor, on_monitor_changed_cb, self);
  g_clear_object (&self->monitor);

  if (self->file == NULL || !g_file_is_native (self->file))
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_monitor_changed_cb), self, 0);
}

/* A file chooser for @self, modal, in the folder of the file on screen. */
GtkFileChooserNative *
atlas_window_new_chooser (AtlasWindow          *self,
                          const char           *title,
                          GtkFileChooserAction  action,
                          const char           *accept)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept,
                                                              _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (self->file != NULL && !atlas_window_is_bundled (self->file))
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), parent, NULL);
    }
  return dialog;
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

/* Everything GDAL reads for us. */
static void
add_import_filter (GtkFileChooser *chooser)
{
  static const char * const suffixes[] = {
    "csv", "tsv", "xlsx", "ods", "kml", "kmz", "gpx", "gpkg", "shp", "fgb", "geojsonl", "geojsons",
  };
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) supported = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets and geodata (CSV, XLSX, ODS, KML, GPX, GeoPackage …)"));
  gtk_file_filter_set_name (supported, _("Everything Chengyu Atlas opens"));
  gtk_file_filter_add_suffix (supported, "json");
  gtk_file_filter_add_suffix (supported, "geojson");
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gtk_file_filter_add_suffix (filter, suffixes[i]);
      gtk_file_filter_add_suffix (supported, suffixes[i]);
    }
  gtk_file_chooser_add_filter (chooser, supported);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  GtkFileChooserNative *dialog = atlas_window_new_chooser (self, _("Open Dataset"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (json, _("Datasets (JSON, GeoJSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_mime_type (json, "application/geo+json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_add_suffix (json, "geojson");
  add_import_filter (GTK_FILE_CHOOSER (dialog));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), json);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_database_open_cb (AtlasDatabaseDialog *dialog,
                     const char          *connection,
                     const char          *table,
                     const char          *sql,
                     AtlasWindow         *self)
{
  atlas_window_open_database (self, connection, table, sql, NULL);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AtlasDatabaseDialog *dialog = atlas_database_dialog_new (GTK_WINDOW (widget));

  g_signal_connect_object (dialog, "open", G_CALLBACK (on_database_open_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  atlas_window_open (ATLAS_WINDOW (widget), file);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  atlas_window_reload (ATLAS_WINDOW (widget));
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
  g_clear_pointer (&self->pending_state, g_variant_unref);
  set_loading (self, NULL, NULL, FALSE);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Opening was cancelled")));

  if (self->dataset == NULL)
    {
      g_autoptr(GFile) bundled = atlas_application_get_bundled_dataset ();

      atlas_window_open (self, bundled);
    }
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
  {
    guint n_errors = atlas_report_get_n_errors (self->last_report);
    guint n_warnings = atlas_report_get_n_warnings (self->last_report);
    g_autofree char *errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", n_errors),
                                               n_errors);
    g_autofree char *warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                                              n_warnings), n_warnings);

    /* Translators: e.g. "3 errors and 1 warning, each with its place in the file." */
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("%1$s and %2$s, each with its place in the file."),
                                    errors, warnings);
  }
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
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problems"), -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 520);
  gtk_widget_add_css_class (scrolled, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Recent files ------------------------------------------------------------------ */

static void
update_recent_menu (AtlasWindow *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent);
  const char *app = g_get_application_name ();
  guint shown = 0;

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l != NULL && shown < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GMenuItem) item = NULL;

      if (app == NULL || !gtk_recent_info_has_application (info, app) || !gtk_recent_info_exists (info))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
      shown++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

void
atlas_window_files_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL, open_bundled_action);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_action);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-database", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
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

void
atlas_window_files_init (AtlasWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", FALSE);

  self->recent = g_object_ref (gtk_recent_manager_get_default ());
  g_signal_connect_object (self->recent, "changed", G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
}

void
atlas_window_files_dispose (AtlasWindow *self)
{
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->loading_file);
  g_clear_pointer (&self->loading_name, g_free);
  g_clear_pointer (&self->loading_connection, g_free);
  g_clear_pointer (&self->loading_layer, g_free);
  g_clear_pointer (&self->source_name, g_free);
  g_clear_pointer (&self->pending_state, g_variant_unref);
  g_clear_object (&self->last_report);
  g_clear_pointer (&self->last_report_name, g_free);
  g_clear_handle_id (&self->reload_timeout_id, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_func (self->monitor, on_monitor_changed_cb, self);
  g_clear_object (&self->monitor);
  g_clear_object (&self->recent);
}
