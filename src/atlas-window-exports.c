/* atlas-window-exports.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-video-dialog.h"
#include "atlas-window-private.h"
#include "io/atlas-export.h"
#include "io/atlas-export-geopackage.h"

/*
 * The window's exports: the visible events as GeoJSON, CSV or GeoPackage, the
 * map and the timeline as a PNG, and the playback as a video (its own dialog).
 */

typedef enum
{
  EXPORT_GEOJSON,
  EXPORT_CSV,
  EXPORT_PNG,
  EXPORT_GEOPACKAGE,
} ExportKind;

static void
export_to (AtlasWindow *self,
           ExportKind   kind,
           GFile       *file)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;
  guint n = (guint) gtk_bitset_get_size (atlas_filter_get_events (self->filter));

  if (kind == EXPORT_PNG)
    {
      GtkWidget *widgets[] = { GTK_WIDGET (self->map_view), GTK_WIDGET (self->timeline) };

      bytes = atlas_export_png (widgets, G_N_ELEMENTS (widgets), &error);
    }
  else if (kind == EXPORT_CSV)
    bytes = atlas_export_csv (self->dataset, atlas_filter_get_events (self->filter));
  else if (kind == EXPORT_GEOPACKAGE)
    bytes = atlas_export_geopackage (self->dataset, atlas_filter_get_events (self->filter), &error);
  else
    bytes = atlas_export_geojson (self->dataset, atlas_filter_get_events (self->filter));

  /* The file chooser has asked before replacing a file. */
  if (bytes == NULL || !atlas_export_write (file, bytes, TRUE, &error))
    {
      text = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);
      atlas_window_show_message (self, text, FALSE);
      return;
    }

  if (kind == EXPORT_PNG)
    text = g_strdup_printf (_("Saved the map and the timeline to “%s”"), name);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u event to “%s”", "Exported %u events to “%s”", n),
                            n, name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       AtlasWindow     *self)
{
  ExportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        export_to (self, kind, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  ExportKind kind = g_str_equal (format, "csv") ? EXPORT_CSV : g_str_equal (format, "png") ? EXPORT_PNG
                   : g_str_equal (format, "gpkg") ? EXPORT_GEOPACKAGE : EXPORT_GEOJSON;
  const char *suffixes[] = { "geojson", "csv", "png", "gpkg" };
  const char *suffix = suffixes[kind];
  const char *titles[] = { N_("Export Events as GeoJSON"), N_("Export Events as CSV"), N_("Save the View as PNG"),
                           N_("Export Events as GeoPackage") };
  GtkFileChooserNative *dialog;
  g_autofree char *suggested = NULL;

  if (self->dataset == NULL)
    return;

  dialog = atlas_window_new_chooser (self, _(titles[kind]), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  suggested = g_strdup_printf ("%s.%s", kind == EXPORT_PNG ? _("atlas-view") : _("atlas-events"), suffix);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  g_object_set_data (G_OBJECT (dialog), "kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_video_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  if (self->dataset != NULL)
    gtk_window_present (GTK_WINDOW (atlas_video_dialog_new (GTK_WINDOW (self), self->filter, self->playhead)));
}

void
atlas_window_exports_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.export-video", NULL, export_video_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", "s", "geojson");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export", "s", "csv");
}
