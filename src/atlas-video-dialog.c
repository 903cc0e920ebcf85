/* atlas-video-dialog.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-video-dialog.h"
#include "atlas-view-state.h"
#include "io/atlas-video-export.h"
#include "model/atlas-date.h"
#include "model/atlas-error.h"
#include "panels/atlas-widgets.h"

/*
 * Export Video: the options of a video of the playback (format, dates, length,
 * frame rate, size), then a file chooser, then progress with a cancel button.
 * The video shows the filters as they were when the dialog opened: it works on
 * its own copy of them, so the window can be used while the frames are drawn.
 */

struct _AtlasVideoDialog
{
  AdwWindow parent_instance;

  AdwComboRow *format_row;
  AdwEntryRow *from_row;
  AdwEntryRow *to_row;
  GtkSpinButton *duration_spin;
  GtkSpinButton *fps_spin;
  AdwComboRow *size_row;
  GtkSwitch *choropleth_switch;
  AdwPreferencesGroup *options_group;
  AdwPreferencesGroup *progress_group;
  GtkProgressBar *progress_bar;
  GtkLabel *status_label;
  GtkWidget *cancel_button;

  AtlasFilter *filter;          /* a copy of the window's */
  AtlasPlayhead *playhead;      /* the window's: its mode */
  GStrv extensions;             /* per format row */
  char *extension;              /* of the format whose defaults are shown */
  AtlasVideoOptions options;
  AtlasVideoExport *export;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (AtlasVideoDialog, atlas_video_dialog, ADW_TYPE_WINDOW)

static const struct
{
  int width, height;
} sizes[] = { { 1280, 720 }, { 1920, 1080 }, { 854, 480 }, { 640, 360 } };

static void
set_status (AtlasVideoDialog *self,
            const char       *text)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress_group), TRUE);
  gtk_label_set_text (self->status_label, text);
  /* Screen readers hear the outcome without moving to it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text, -1);
}

static void
set_busy (AtlasVideoDialog *self,
          gboolean          busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->options_group), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "video.export", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "video.cancel", busy);
  gtk_widget_set_visible (self->cancel_button, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy || self->export != NULL);
}

static gboolean
read_date (AdwEntryRow  *row,
           gboolean      is_end,
           gint32       *day,
           GError      **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *reason = NULL;
  AtlasPrecision precision;
  gint32 start, end;

  if (!atlas_date_parse (text, &start, &end, &precision, &reason))
    {
      g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_FAILED, "%s: %s",
                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), reason);
      return FALSE;
    }
  *day = is_end ? end : start;
  return TRUE;
}

static gboolean
read_options (AtlasVideoDialog   *self,
              AtlasVideoOptions  *options,
              GError            **error)
{
  guint size = MIN (adw_combo_row_get_selected (self->size_row), G_N_ELEMENTS (sizes) - 1);

  *options = self->options;
  if (!read_date (self->from_row, FALSE, &options->start, error) ||
      !read_date (self->to_row, TRUE, &options->end, error))
    return FALSE;
  options->duration = gtk_spin_button_get_value (self->duration_spin);
  options->fps = gtk_spin_button_get_value_as_int (self->fps_spin);
  options->width = sizes[size].width;
  options->height = sizes[size].height;
  options->choropleth = gtk_switch_get_active (self->choropleth_switch);
  return atlas_video_options_check (options, error);
}

static void
on_progress_cb (AtlasVideoDialog *self)
{
  guint n = atlas_video_export_get_n_frames (self->export);
  guint frame = (guint) (atlas_video_export_get_progress (self->export) * n + 0.5);
  g_autofree char *text = g_strdup_printf (_("Frame %u of %u"), frame, n);

  gtk_progress_bar_set_fraction (self->progress_bar, atlas_video_export_get_progress (self->export));
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AtlasVideoDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file = g_object_get_data (source, "file");
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;

  if (atlas_video_export_run_finish (ATLAS_VIDEO_EXPORT (source), result, &error))
    text = g_strdup_printf (_("Saved the video to “%s”"), name);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    text = g_strdup (_("Export cancelled; no file was written"));
  else
    text = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  set_status (self, text);
}

/**
 * atlas_video_dialog_export_to:
 * @self: the dialog
 * @file: the video to write (the chooser has asked before replacing a file)
 *
 * Starts the export with the options in the dialog.
 */
void
atlas_video_dialog_export_to (AtlasVideoDialog *self,
                              GFile            *file)
{
  g_autoptr(GError) error = NULL;
  AtlasVideoOptions options;

  g_return_if_fail (ATLAS_IS_VIDEO_DIALOG (self));
  g_return_if_fail (self->cancellable == NULL);

  g_clear_object (&self->export);
  if (read_options (self, &options, &error))
    self->export = atlas_video_export_new (self->filter, self->playhead, file, &options, &error);
  if (self->export == NULL)
    {
      set_busy (self, FALSE);
      set_status (self, error->message);
      return;
    }

  g_object_set_data_full (G_OBJECT (self->export), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (self->export, "notify::progress", G_CALLBACK (on_progress_cb), self,
                           G_CONNECT_SWAPPED);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  on_progress_cb (self);
  set_status (self, _("Drawing and encoding the frames…"));
  atlas_video_export_run_async (self->export, self->cancellable, on_export_done_cb, g_object_ref (self));
}

static void
on_chooser_response_cb (GtkNativeDialog  *chooser,
                        int               response,
                        AtlasVideoDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        atlas_video_dialog_export_to (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtlasVideoDialog *self = ATLAS_VIDEO_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;
  AtlasVideoOptions options;
  guint format = adw_combo_row_get_selected (self->format_row);

  if (!read_options (self, &options, &error))
    {
      set_status (self, error->message);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Export Video"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  suggested = g_strconcat (_("atlas-playback"),
                           self->extensions[MIN (format, g_strv_length (self->extensions) - 1)], NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtlasVideoDialog *self = ATLAS_VIDEO_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static guint
find_size (int width,
           int height)
{
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (sizes[i].width == width && sizes[i].height == height)
      return i;
  return 0;
}

/* A GIF is smaller and slower by default: where the size and frame rate are
 * still the last format's defaults, they become the new format's. */
static void
on_format_selected_cb (AtlasVideoDialog *self)
{
  guint format = adw_combo_row_get_selected (self->format_row);
  const char *extension = self->extensions[MIN (format, g_strv_length (self->extensions) - 1)];
  AtlasVideoOptions before, after;

  if (g_strcmp0 (extension, self->extension) == 0)
    return;
  atlas_video_options_set_format_defaults (&before, self->extension);
  atlas_video_options_set_format_defaults (&after, extension);
  if (adw_combo_row_get_selected (self->size_row) == find_size (before.width, before.height))
    adw_combo_row_set_selected (self->size_row, find_size (after.width, after.height));
  if (gtk_spin_button_get_value_as_int (self->fps_spin) == before.fps)
    gtk_spin_button_set_value (self->fps_spin, after.fps);
  g_free (self->extension);
  self->extension = g_strdup (extension);
}

static void
fill_formats (AtlasVideoDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) extensions = g_strv_builder_new ();

  gtk_string_list_append (names, _("WebM (VP8)"));
  g_strv_builder_add (extensions, ".webm");
  gtk_string_list_append (names, _("MP4 (H.264)"));
  g_strv_builder_add (extensions, ".mp4");
  /* Written by the app's own encoder: no GStreamer plugin needed. */
  gtk_string_list_append (names, _("Animated GIF"));
  g_strv_builder_add (extensions, ".gif");
  self->extensions = g_strv_builder_end (extensions);
  self->extension = g_strdup (".webm");
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (names));
  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (on_format_selected_cb), self,
                           G_CONNECT_SWAPPED);
  atlas_combo_row_keep_described (self->format_row);
  atlas_combo_row_keep_described (self->size_row);
}

/**
 * atlas_video_dialog_new:
 * @parent: the window
 * @filter: the window's filter: the video shows what it shows now
 * @playhead: the window's playhead: the video follows its mode
 *
 * Returns: (transfer none): a new dialog, not yet shown
 */
AtlasVideoDialog *
atlas_video_dialog_new (GtkWindow     *parent,
                        AtlasFilter   *filter,
                        AtlasPlayhead *playhead)
{
  AtlasVideoDialog *self;
  g_autoptr(GVariant) state = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (ATLAS_IS_FILTER (filter), NULL);
  g_return_val_if_fail (atlas_filter_get_dataset (filter) != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_VIDEO_DIALOG, "transient-for", parent, NULL);
  self->filter = atlas_filter_new ();
  atlas_filter_set_dataset (self->filter, atlas_filter_get_dataset (filter));
  state = g_variant_ref_sink (atlas_view_state_capture (filter, NULL, NULL, ATLAS_VIEW_STATE_FILTERS));
  atlas_view_state_apply (state, self->filter, NULL, NULL, ATLAS_VIEW_STATE_FILTERS);
  self->playhead = playhead != NULL ? g_object_ref (playhead) : NULL;

  atlas_video_options_init (&self->options, filter);
  from = atlas_date_to_iso (self->options.start, ATLAS_PRECISION_DAY);
  to = atlas_date_to_iso (self->options.end - 1, ATLAS_PRECISION_DAY);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
  return self;
}

gboolean
atlas_video_dialog_get_busy (AtlasVideoDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_VIDEO_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

/**
 * atlas_video_dialog_get_status:
 *
 * Returns: what the dialog says about the export: under way, done, or why not
 */
const char *
atlas_video_dialog_get_status (AtlasVideoDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_VIDEO_DIALOG (self), NULL);
  return gtk_label_get_text (self->status_label);
}

static void
atlas_video_dialog_dispose (GObject *object)
{
  AtlasVideoDialog *self = ATLAS_VIDEO_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->export);
  g_clear_object (&self->filter);
  g_clear_object (&self->playhead);
  g_clear_pointer (&self->extensions, g_strfreev);
  g_clear_pointer (&self->extension, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_VIDEO_DIALOG);
  G_OBJECT_CLASS (atlas_video_dialog_parent_class)->dispose (object);
}

static void
atlas_video_dialog_class_init (AtlasVideoDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_video_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-video-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasVideoDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasVideoDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasVideoDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasVideoDialog, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, AtlasVideoDialog, fps_spin);
  gtk_widget_class_bind_template_child (widget_class, AtlasVideoDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasVideoDialog, choropleth_switch);
  gtk_widget_class_bind_template_child (widget_class, AtlasVideoDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasVideoDialog, progress_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasVideoDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasVideoDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasVideoDialog, cancel_button);

  gtk_widget_class_install_action (widget_class, "video.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "video.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atlas_video_dialog_init (AtlasVideoDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_formats (self);
  set_busy (self, FALSE);
}
