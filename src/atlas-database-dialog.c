/* atlas-database-dialog.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-database-dialog.h"
#include "io/atlas-import.h"
#include "panels/atlas-widgets.h"

/*
 * Opening a PostgreSQL/PostGIS database: a connection string or its fields,
 * Connect (the tables are listed on a worker thread, so an unreachable server
 * never freezes the window), then a table or an SQL query. "open" gives the
 * connection string, the table and the query; the window imports them as it
 * does a file. A connection that fails says why here, with its password hidden,
 * and the dataset on screen is not touched.
 */

struct _AtlasDatabaseDialog
{
  AdwWindow parent_instance;

  AdwEntryRow *connection_row;
  AdwEntryRow *host_row;
  AdwEntryRow *port_row;
  AdwEntryRow *dbname_row;
  AdwEntryRow *user_row;
  AdwEntryRow *password_row;
  GtkButton *connect_button;
  GtkSpinner *spinner;
  GtkLabel *status_label;
  AdwPreferencesGroup *source_group;
  AdwComboRow *table_row;
  AdwEntryRow *sql_row;
  GtkButton *open_button;

  char *connection;         /* the one the tables were listed from */
  GStrv tables;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (AtlasDatabaseDialog, atlas_database_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_OPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
typed_connection (AtlasDatabaseDialog *self)
{
  return atlas_import_connection_build (gtk_editable_get_text (GTK_EDITABLE (self->connection_row)),
                                        gtk_editable_get_text (GTK_EDITABLE (self->host_row)),
                                        gtk_editable_get_text (GTK_EDITABLE (self->port_row)),
                                        gtk_editable_get_text (GTK_EDITABLE (self->dbname_row)),
                                        gtk_editable_get_text (GTK_EDITABLE (self->user_row)),
                                        gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
}

static void
set_status (AtlasDatabaseDialog *self,
            const char          *text,
            gboolean             busy)
{
  gtk_label_set_text (self->status_label, text);
  /* Connect stays available: pressed again, it starts over. (Made insensitive
   * in its own click, GTK 4.8 loses count of the window's pressed widgets.) */
  gtk_spinner_set_spinning (self->spinner, busy);
}

/* What was listed belongs to the connection it was listed from. */
static void
forget_tables (AtlasDatabaseDialog *self)
{
  g_clear_pointer (&self->connection, g_free);
  g_clear_pointer (&self->tables, g_strfreev);
  adw_combo_row_set_model (self->table_row, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->table_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), FALSE);
}

static void
on_connection_changed_cb (AtlasDatabaseDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->connection != NULL)
    set_status (self, "", FALSE);
  forget_tables (self);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GStrv tables = atlas_import_list_layers (task_data, &error);

  if (tables == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, tables, (GDestroyNotify) g_strfreev);
}

static void
show_tables (AtlasDatabaseDialog *self)
{
  g_auto(GStrv) quoted = atlas_import_quote_all ((const char * const *) self->tables, -1);
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char * const *) quoted);
  guint n = g_strv_length (self->tables);
  g_autofree char *text = NULL;

  adw_combo_row_set_model (self->table_row, G_LIST_MODEL (names));
  gtk_widget_set_sensitive (GTK_WIDGET (self->table_row), n > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), TRUE);
  if (n == 0)
    text = g_strdup (_("Connected. The database has no tables: type an SQL query."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Connected: %u table.", "Connected: %u tables.", n), n);
  set_status (self, text, FALSE);
}

static void
on_listed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AtlasDatabaseDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *connection = g_strdup (g_task_get_task_data (G_TASK (result)));
  GStrv tables = g_task_propagate_pointer (G_TASK (result), &error);

  /* Stale: the connection was changed, or Connect pressed again, meanwhile. */
  if (self->cancellable == NULL || g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      g_clear_pointer (&tables, g_strfreev);
      return;
    }
  g_clear_object (&self->cancellable);
  if (tables == NULL)
    {
      /* The message was made without the password (atlas_import_list_layers). */
      g_autofree char *text = g_strdup_printf (_("Could not connect: %s"), error->message);

      set_status (self, text, FALSE);
      return;
    }
  self->connection = g_steal_pointer (&connection);
  self->tables = tables;
  show_tables (self);
}

static void
on_connect_button_clicked_cb (AtlasDatabaseDialog *self)
{
  g_autoptr(GTask) task = NULL;

  on_connection_changed_cb (self);
  self->cancellable = g_cancellable_new ();
  set_status (self, _("Connecting…"), TRUE);
  task = g_task_new (NULL, self->cancellable, on_listed_cb, g_object_ref (self));
  g_task_set_task_data (task, typed_connection (self), g_free);
  g_task_run_in_thread (task, list_thread);
}

static void
on_open_button_clicked_cb (AtlasDatabaseDialog *self)
{
  g_autofree char *sql = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->sql_row))));
  guint selected = adw_combo_row_get_selected (self->table_row);
  const char *table = NULL;

  if (self->connection == NULL)
    return;
  if (*sql == '\0' && self->tables != NULL && selected < g_strv_length (self->tables))
    table = self->tables[selected];
  if (*sql == '\0' && table == NULL)
    {
      set_status (self, _("Choose a table or type an SQL query."), FALSE);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_OPEN], 0, self->connection, table, *sql != '\0' ? sql : NULL);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_table_selected_cb (AtlasDatabaseDialog *self)
{
  atlas_combo_row_describe (self->table_row);
}

static void
atlas_database_dialog_dispose (GObject *object)
{
  AtlasDatabaseDialog *self = ATLAS_DATABASE_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->connection, g_free);
  g_clear_pointer (&self->tables, g_strfreev);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_DATABASE_DIALOG);

  G_OBJECT_CLASS (atlas_database_dialog_parent_class)->dispose (object);
}

static void
atlas_database_dialog_class_init (AtlasDatabaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_database_dialog_dispose;

  /**
   * AtlasDatabaseDialog::open:
   * @connection: a `PG:` connection string, password included
   * @table: (nullable): the table chosen
   * @sql: (nullable): or the query typed
   */
  signals[SIGNAL_OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                       NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-database-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasDatabaseDialog, connection_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasDatabaseDialog, host_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasDatabaseDialog, port_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasDatabaseDialog, dbname_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasDatabaseDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasDatabaseDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasDatabaseDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasDatabaseDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AtlasDatabaseDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasDatabaseDialog, source_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasDatabaseDialog, table_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasDatabaseDialog, sql_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasDatabaseDialog, open_button);
  gtk_widget_class_bind_template_callback (widget_class, on_connection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_connect_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_button_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atlas_database_dialog_init (AtlasDatabaseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->table_row, "notify::selected", G_CALLBACK (on_table_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

AtlasDatabaseDialog *
atlas_database_dialog_new (GtkWindow *parent)
{
  return g_object_new (ATLAS_TYPE_DATABASE_DIALOG, "transient-for", parent, NULL);
}
