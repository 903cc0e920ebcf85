/* atlas-import-dialog.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-import-dialog.h"
#include "panels/atlas-widgets.h"

/*
 * Asks which column of a table holds what, when their names say nothing the
 * importer recognises: one choice per kind of column, the first rows of the
 * table to choose from, and the problems found. A source with several layers
 * (a GeoPackage's tables, a workbook's sheets) also asks which layer: choosing
 * one shows its columns and rows. "mapped" gives the mapping as text
 * (atlas_import_mapping_to_string(), with a `layer=` line for the layer chosen),
 * to be remembered for the file.
 */

#define PREVIEW_ROWS 5

struct _AtlasImportDialog
{
  AdwWindow parent_instance;

  GtkLabel *problems_label;
  AdwPreferencesGroup *layer_group;
  AdwComboRow *layer_row;
  AdwPreferencesGroup *mapping_group;
  GtkGrid *preview_grid;
  GtkButton *import_button;

  char *path;
  GStrv layers;             /* (nullable) when there are several to choose from */
  AtlasImportPreview *preview;
  AdwComboRow *rows[ATLAS_N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (AtlasImportDialog, atlas_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_MAPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
read_mapping (AtlasImportDialog  *self,
              AtlasImportMapping *mapping)
{
  atlas_import_mapping_clear (mapping);
  for (guint c = 0; c < ATLAS_N_COLUMNS; c++)
    {
      guint selected = adw_combo_row_get_selected (self->rows[c]);

      /* The first choice is "None". */
      if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
        mapping->fields[c] = (int) selected - 1;
    }
}

static void
describe_rows (AtlasImportDialog *self)
{
  for (guint c = 0; c < ATLAS_N_COLUMNS; c++)
    atlas_combo_row_describe (self->rows[c]);
}

static void
on_row_selected_cb (AtlasImportDialog *self)
{
  AtlasImportMapping mapping;

  describe_rows (self);
  read_mapping (self, &mapping);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            atlas_import_mapping_is_usable (&mapping, self->preview->has_geometry));
}

static void
on_import_button_clicked_cb (AtlasImportDialog *self)
{
  AtlasImportMapping mapping;
  g_autofree char *columns = NULL;
  g_autofree char *text = NULL;

  read_mapping (self, &mapping);
  columns = atlas_import_mapping_to_string (&mapping, (const char * const *) self->preview->names->pdata,
                                            self->preview->names->len);
  if (self->layers != NULL)
    text = g_strdup_printf ("layer=%s\n%s", self->preview->layer, columns);
  else
    text = g_steal_pointer (&columns);
  g_signal_emit (self, signals[SIGNAL_MAPPED], 0, text);
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_rows (AtlasImportDialog *self)
{
  AtlasImportPreview *preview = self->preview;
  const char * const *names = (const char * const *) preview->names->pdata;
  g_auto(GStrv) quoted = atlas_import_quote_all (names, preview->names->len);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  AtlasImportMapping guess;

  atlas_import_mapping_recognise (&guess, names, preview->names->len);
  gtk_string_list_append (choices, _("None"));
  gtk_string_list_splice (choices, 1, 0, (const char * const *) quoted);

  for (guint c = 0; c < ATLAS_N_COLUMNS; c++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), atlas_column_get_label (c));
      adw_combo_row_set_model (row, G_LIST_MODEL (choices));
      adw_combo_row_set_selected (row, (guint) (guess.fields[c] + 1));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_row_selected_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->mapping_group, GTK_WIDGET (row));
      self->rows[c] = row;
    }
}

static void
clear_preview (AtlasImportDialog *self)
{
  GtkWidget *child;

  for (guint c = 0; c < ATLAS_N_COLUMNS; c++)
    {
      if (self->rows[c] != NULL)
        adw_preferences_group_remove (self->mapping_group, GTK_WIDGET (self->rows[c]));
      self->rows[c] = NULL;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
}

static void
add_preview (AtlasImportDialog *self)
{
  AtlasImportPreview *preview = self->preview;

  for (guint f = 0; f < preview->names->len; f++)
    {
      g_autofree char *quoted = atlas_import_quote (g_ptr_array_index (preview->names, f));
      GtkWidget *label = gtk_label_new (quoted);

      gtk_widget_add_css_class (label, "heading");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_grid_attach (self->preview_grid, label, (int) f, 0, 1, 1);
    }
  for (guint r = 0; r < preview->rows->len && r < PREVIEW_ROWS; r++)
    {
      char **cells = g_ptr_array_index (preview->rows, r);

      for (guint f = 0; cells[f] != NULL; f++)
        {
          /* The cells were escaped when read; they are never markup. */
          GtkWidget *label = gtk_label_new (cells[f]);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_grid_attach (self->preview_grid, label, (int) f, (int) r + 1, 1, 1);
        }
    }
}

static void
atlas_import_dialog_dispose (GObject *object)
{
  AtlasImportDialog *self = ATLAS_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_IMPORT_DIALOG);
  g_clear_pointer (&self->preview, atlas_import_preview_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->layers, g_strfreev);

  G_OBJECT_CLASS (atlas_import_dialog_parent_class)->dispose (object);
}

static void
atlas_import_dialog_class_init (AtlasImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_import_dialog_dispose;

  /**
   * AtlasImportDialog::mapped:
   * @mapping: the chosen mapping, from atlas_import_mapping_to_string()
   */
  signals[SIGNAL_MAPPED] = g_signal_new ("mapped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                         NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, problems_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, layer_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, layer_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, import_button);
  gtk_widget_class_bind_template_callback (widget_class, on_import_button_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atlas_import_dialog_init (AtlasImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
show_preview (AtlasImportDialog  *self,
              AtlasImportPreview *preview)
{
  clear_preview (self);
  g_clear_pointer (&self->preview, atlas_import_preview_free);
  self->preview = preview;
  add_rows (self);
  add_preview (self);
  on_row_selected_cb (self);
}

/* Another layer chosen: its columns and first rows. */
static void
on_layer_selected_cb (AtlasImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->layer_row);
  g_autoptr(GError) error = NULL;
  AtlasImportPreview *preview;

  atlas_combo_row_describe (self->layer_row);
  if (selected == GTK_INVALID_LIST_POSITION || g_strcmp0 (self->layers[selected], self->preview->layer) == 0)
    return;
  preview = atlas_import_preview (self->path, self->layers[selected], PREVIEW_ROWS, &error);
  if (preview == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Layer “%s” cannot be shown: %s"),
                                               self->layers[selected], error->message);

      gtk_label_set_text (self->problems_label, text);
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      return;
    }
  gtk_label_set_text (self->problems_label, "");
  show_preview (self, preview);
}

static void
add_layers (AtlasImportDialog *self)
{
  g_auto(GStrv) quoted = atlas_import_quote_all ((const char * const *) self->layers, -1);
  g_autoptr(GtkStringList) choices = gtk_string_list_new ((const char * const *) quoted);
  guint selected = 0;

  for (guint i = 0; self->layers[i] != NULL; i++)
    {
      if (g_strcmp0 (self->layers[i], self->preview->layer) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->layer_row, G_LIST_MODEL (choices));
  adw_combo_row_set_selected (self->layer_row, selected);
  atlas_combo_row_describe (self->layer_row);
  gtk_widget_set_visible (GTK_WIDGET (self->layer_group), TRUE);
  g_signal_connect_object (self->layer_row, "notify::selected", G_CALLBACK (on_layer_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * atlas_import_dialog_new:
 * @path: the file or connection the preview is of
 * @layers: (nullable): its layers, when there are several to choose from
 * @preview: (transfer full): the table's columns and first rows
 * @report: (nullable): the problems found so far
 */
AtlasImportDialog *
atlas_import_dialog_new (GtkWindow          *parent,
                         const char         *path,
                         const char * const *layers,
                         AtlasImportPreview *preview,
                         AtlasReport        *report)
{
  AtlasImportDialog *self = g_object_new (ATLAS_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);

  self->path = g_strdup (path);
  if (layers != NULL && g_strv_length ((char **) layers) > 1)
    self->layers = g_strdupv ((char **) layers);
  if (report != NULL)
    {
      g_autofree char *summary = atlas_report_format_summary (report, 5);

      gtk_label_set_text (self->problems_label, summary);
    }
  show_preview (self, preview);
  if (self->layers != NULL)
    add_layers (self);
  return self;
}
