/* atlas-views-button.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-views-button.h"

/*
 * Named views: a person saves what is on screen (filters, time window, map
 * position) under a name and comes back to it later. The views live in the
 * GSettings key "views"; what a view holds is up to the window, which answers the
 * "capture-view" signal with a state and applies one on "apply-view".
 */

struct _AtlasViewsButton
{
  GtkWidget parent_instance;

  /* Template children */
  GtkMenuButton *menu_button;
  GtkPopover *popover;
  GtkListBox *list;
  GtkEntry *name_entry;
  GtkButton *save_button;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (AtlasViewsButton, atlas_views_button, GTK_TYPE_WIDGET)

enum {
  CAPTURE_VIEW,
  APPLY_VIEW,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GVariant *
read_views (AtlasViewsButton *self)
{
  if (self->settings == NULL)
    return g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("{sa{sv}}"), NULL, 0));
  return g_settings_get_value (self->settings, "views");
}

static void
write_views (AtlasViewsButton *self,
             GVariant         *views)
{
  if (self->settings != NULL)
    g_settings_set_value (self->settings, "views", views);
}

/* Returns the views with name left out, and with (new_name, state) added where
 * name was (or at the end) when state is given: one rule for saving, replacing,
 * renaming and deleting. A view already called new_name is replaced. */
static GVariant *
views_with (AtlasViewsButton *self,
            const char       *name,
            const char       *new_name,
            GVariant         *state)
{
  g_autoptr(GVariant) views = read_views (self);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  GVariant *value;
  gboolean added = FALSE;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sa{sv}}"));
  g_variant_iter_init (&iter, views);
  while (g_variant_iter_next (&iter, "{&s@a{sv}}", &key, &value))
    {
      if (g_strcmp0 (key, name) == 0 && state != NULL)
        {
          g_variant_builder_add (&builder, "{s@a{sv}}", new_name, state);
          added = TRUE;
        }
      else if (g_strcmp0 (key, name) != 0 && g_strcmp0 (key, new_name) != 0)
        g_variant_builder_add (&builder, "{s@a{sv}}", key, value);
      g_variant_unref (value);
    }
  if (state != NULL && !added)
    g_variant_builder_add (&builder, "{s@a{sv}}", new_name, state);
  return g_variant_builder_end (&builder);
}

static char *
entry_name (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static const char *
row_name (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "name") : NULL;
}

static void
on_restore_clicked_cb (GtkButton        *button,
                       AtlasViewsButton *self)
{
  atlas_views_button_restore (self, row_name (GTK_WIDGET (button)));
  gtk_menu_button_popdown (self->menu_button);
}

static void
on_delete_clicked_cb (GtkButton        *button,
                      AtlasViewsButton *self)
{
  atlas_views_button_delete (self, row_name (GTK_WIDGET (button)));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

/* Rename turns the row's name into an entry; Enter there keeps the new name. */
static void
on_rename_clicked_cb (GtkButton        *button,
                      AtlasViewsButton *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  GtkStack *stack = GTK_STACK (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
  GtkWidget *entry = gtk_stack_get_child_by_name (stack, "edit");

  gtk_stack_set_visible_child (stack, entry);
  gtk_widget_grab_focus (entry);
}

static void
on_rename_activate_cb (GtkEntry         *entry,
                       AtlasViewsButton *self)
{
  g_autofree char *name = entry_name (entry);
  g_autofree char *old_name = g_strdup (row_name (GTK_WIDGET (entry)));

  if (*name != '\0')
    atlas_views_button_rename (self, old_name, name);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static GtkWidget *
row_button (const char *icon_name,
            const char *label,
            GCallback   callback,
            gpointer    self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static GtkWidget *
make_row (AtlasViewsButton *self,
          const char       *name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *restore = gtk_button_new_with_label (name);
  GtkWidget *entry = gtk_entry_new ();
  GtkLabel *restore_child = GTK_LABEL (gtk_button_get_child (GTK_BUTTON (restore)));
  g_autofree char *restore_label = g_strdup_printf (_("Show View “%s”"), name);
  g_autofree char *rename_label = g_strdup_printf (_("Rename View “%s”"), name);
  g_autofree char *delete_label = g_strdup_printf (_("Delete View “%s”"), name);

  gtk_widget_set_hexpand (restore, TRUE);
  gtk_widget_add_css_class (restore, "flat");
  gtk_label_set_xalign (restore_child, 0.0f);
  gtk_label_set_ellipsize (restore_child, PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (restore, restore_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (restore), GTK_ACCESSIBLE_PROPERTY_LABEL, restore_label, -1);
  g_signal_connect_object (restore, "clicked", G_CALLBACK (on_restore_clicked_cb), self, 0);

  gtk_box_append (GTK_BOX (box), restore);
  gtk_box_append (GTK_BOX (box), row_button ("document-edit-symbolic", rename_label,
                                             G_CALLBACK (on_rename_clicked_cb), self));
  gtk_box_append (GTK_BOX (box), row_button ("user-trash-symbolic", delete_label,
                                             G_CALLBACK (on_delete_clicked_cb), self));

  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, rename_label, -1);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_rename_activate_cb), self, 0);

  gtk_stack_add_named (GTK_STACK (stack), box, "show");
  gtk_stack_add_named (GTK_STACK (stack), entry, "edit");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), stack);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "name", g_strdup (name), g_free);
  return row;
}

static void
rebuild (AtlasViewsButton *self)
{
  g_autoptr(GVariant) views = read_views (self);
  GVariantIter iter;
  const char *name;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  g_variant_iter_init (&iter, views);
  while (g_variant_iter_next (&iter, "{&sa{sv}}", &name, NULL))
    gtk_list_box_append (self->list, make_row (self, name));
}

static void
save_from_entry (AtlasViewsButton *self)
{
  g_autofree char *name = entry_name (self->name_entry);

  if (*name == '\0')
    return;
  if (atlas_views_button_save (self, name))
    gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
}

static void
on_name_entry_activate_cb (GtkEntry         *entry,
                           AtlasViewsButton *self)
{
  save_from_entry (self);
}

static void
on_save_button_clicked_cb (GtkButton        *button,
                           AtlasViewsButton *self)
{
  save_from_entry (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static void
on_name_entry_changed_cb (GtkEditable      *entry,
                          AtlasViewsButton *self)
{
  g_autofree char *name = entry_name (self->name_entry);

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), *name != '\0');
}

/* Typing goes to the name: the popover opens with the focus in its entry. */
static void
on_popover_show_cb (GtkPopover       *popover,
                    AtlasViewsButton *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

/* A rename left half-typed is dropped. */
static void
on_popover_closed_cb (GtkPopover       *popover,
                      AtlasViewsButton *self)
{
  rebuild (self);
}

static void
atlas_views_button_dispose (GObject *object)
{
  AtlasViewsButton *self = (AtlasViewsButton *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_VIEWS_BUTTON);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (atlas_views_button_parent_class)->dispose (object);
}

static void
atlas_views_button_class_init (AtlasViewsButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_views_button_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /**
   * AtlasViewsButton::capture-view:
   *
   * Asks for the state to save, an a{sv}.
   */
  signals[CAPTURE_VIEW] =
    g_signal_new ("capture-view",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_VARIANT, 0);

  /**
   * AtlasViewsButton::apply-view:
   * @state: an a{sv} saved earlier
   *
   * Asks for a saved state to be shown.
   */
  signals[APPLY_VIEW] =
    g_signal_new ("apply-view",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_VARIANT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-views-button.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasViewsButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasViewsButton, popover);
  gtk_widget_class_bind_template_child (widget_class, AtlasViewsButton, list);
  gtk_widget_class_bind_template_child (widget_class, AtlasViewsButton, name_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasViewsButton, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_closed_cb);
}

static void
atlas_views_button_init (AtlasViewsButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
on_settings_views_changed_cb (AtlasViewsButton *self)
{
  rebuild (self);
}

void
atlas_views_button_set_settings (AtlasViewsButton *self,
                                 GSettings        *settings)
{
  g_return_if_fail (ATLAS_IS_VIEWS_BUTTON (self));

  if (!g_set_object (&self->settings, settings))
    return;
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::views", G_CALLBACK (on_settings_views_changed_cb), self,
                             G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self), settings != NULL);
  rebuild (self);
}

/**
 * atlas_views_button_save:
 * @name: the view's name; a view of that name is replaced
 *
 * Returns: %TRUE when a state was captured and saved
 */
gboolean
atlas_views_button_save (AtlasViewsButton *self,
                         const char       *name)
{
  g_autoptr(GVariant) state = NULL;

  g_return_val_if_fail (ATLAS_IS_VIEWS_BUTTON (self), FALSE);

  g_signal_emit (self, signals[CAPTURE_VIEW], 0, &state);
  if (state == NULL || !g_variant_is_of_type (state, G_VARIANT_TYPE_VARDICT))
    return FALSE;

  write_views (self, views_with (self, name, name, state));
  rebuild (self);
  return TRUE;
}

gboolean
atlas_views_button_restore (AtlasViewsButton *self,
                            const char       *name)
{
  g_autoptr(GVariant) views = NULL;
  g_autoptr(GVariant) state = NULL;

  g_return_val_if_fail (ATLAS_IS_VIEWS_BUTTON (self), FALSE);

  views = read_views (self);
  if (!g_variant_lookup (views, name, "@a{sv}", &state))
    return FALSE;

  g_signal_emit (self, signals[APPLY_VIEW], 0, state);
  return TRUE;
}

gboolean
atlas_views_button_delete (AtlasViewsButton *self,
                           const char       *name)
{
  g_autoptr(GVariant) views = NULL;

  g_return_val_if_fail (ATLAS_IS_VIEWS_BUTTON (self), FALSE);

  views = read_views (self);
  if (!g_variant_lookup (views, name, "@a{sv}", NULL))
    return FALSE;

  write_views (self, views_with (self, name, NULL, NULL));
  rebuild (self);
  return TRUE;
}

/**
 * atlas_views_button_rename:
 * @name: a saved view's name
 * @new_name: its new name; a view of that name is replaced
 *
 * Returns: %TRUE when a view called @name was renamed
 */
gboolean
atlas_views_button_rename (AtlasViewsButton *self,
                           const char       *name,
                           const char       *new_name)
{
  g_autoptr(GVariant) views = NULL;
  g_autoptr(GVariant) state = NULL;

  g_return_val_if_fail (ATLAS_IS_VIEWS_BUTTON (self), FALSE);
  g_return_val_if_fail (new_name != NULL && *new_name != '\0', FALSE);

  views = read_views (self);
  if (!g_variant_lookup (views, name, "@a{sv}", &state))
    return FALSE;

  write_views (self, views_with (self, name, new_name, state));
  rebuild (self);
  return TRUE;
}

/**
 * atlas_views_button_list:
 *
 * Returns: (transfer full): the names of the saved views, in the order saved
 */
char **
atlas_views_button_list (AtlasViewsButton *self)
{
  g_autoptr(GVariant) views = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GVariantIter iter;
  const char *name;

  g_return_val_if_fail (ATLAS_IS_VIEWS_BUTTON (self), NULL);

  views = read_views (self);
  g_variant_iter_init (&iter, views);
  while (g_variant_iter_next (&iter, "{&sa{sv}}", &name, NULL))
    g_strv_builder_add (builder, name);
  return g_strv_builder_end (builder);
}
