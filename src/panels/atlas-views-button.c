/* atlas-views-button.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-views-button.h"
#include "atlas-widgets.h"

/*
 * Named views: a person saves what is on screen (filters, time window, map
 * position) under a name and comes back to it later. The views live in the
 * GSettings key "views"; what a view holds is up to the window, which answers the
 * "capture-view" signal with a state and applies one on "apply-view".
 */

struct _AtlasViewsButton
{
  GtkWidget parent_instance;

  GtkMenuButton *menu_button;
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

/* Returns the views with name left out, and with (name, state) added at the end
 * when state is given: one rule for saving, replacing and deleting. */
static GVariant *
views_with (AtlasViewsButton *self,
            const char       *name,
            GVariant         *state)
{
  g_autoptr(GVariant) views = read_views (self);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sa{sv}}"));
  g_variant_iter_init (&iter, views);
  while (g_variant_iter_next (&iter, "{&s@a{sv}}", &key, &value))
    {
      if (g_strcmp0 (key, name) != 0)
        g_variant_builder_add (&builder, "{s@a{sv}}", key, value);
      g_variant_unref (value);
    }
  if (state != NULL)
    g_variant_builder_add (&builder, "{s@a{sv}}", name, state);
  return g_variant_builder_end (&builder);
}

static void rebuild (AtlasViewsButton *self);

static void
on_restore_clicked_cb (GtkButton        *button,
                       AtlasViewsButton *self)
{
  atlas_views_button_restore (self, g_object_get_data (G_OBJECT (button), "name"));
  gtk_menu_button_popdown (self->menu_button);
}

static void
on_delete_clicked_cb (GtkButton        *button,
                      AtlasViewsButton *self)
{
  atlas_views_button_delete (self, g_object_get_data (G_OBJECT (button), "name"));
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
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *restore = gtk_button_new_with_label (name);
      GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *restore_label = g_strdup_printf (_("Show View “%s”"), name);
      g_autofree char *delete_label = g_strdup_printf (_("Delete View “%s”"), name);

      gtk_widget_set_hexpand (restore, TRUE);
      gtk_widget_add_css_class (restore, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (restore))), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (restore))), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (restore, restore_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (restore), GTK_ACCESSIBLE_PROPERTY_LABEL, restore_label, -1);
      g_object_set_data_full (G_OBJECT (restore), "name", g_strdup (name), g_free);
      g_signal_connect_object (restore, "clicked", G_CALLBACK (on_restore_clicked_cb), self, 0);

      gtk_widget_add_css_class (delete, "flat");
      gtk_widget_set_tooltip_text (delete, delete_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
      g_object_set_data_full (G_OBJECT (delete), "name", g_strdup (name), g_free);
      g_signal_connect_object (delete, "clicked", G_CALLBACK (on_delete_clicked_cb), self, 0);

      gtk_box_append (GTK_BOX (row), restore);
      gtk_box_append (GTK_BOX (row), delete);
      gtk_list_box_append (self->list, row);
    }
}

static void
on_save_cb (AtlasViewsButton *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));

  if (*name == '\0')
    return;
  if (atlas_views_button_save (self, name))
    gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
}

static void
on_name_changed_cb (AtlasViewsButton *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), *name != '\0');
}

static void
atlas_views_button_dispose (GObject *object)
{
  AtlasViewsButton *self = (AtlasViewsButton *) object;

  if (self->menu_button != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->menu_button));
  self->menu_button = NULL;
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
}

static void
atlas_views_button_init (AtlasViewsButton *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (_("Saved Views"));
  GtkWidget *placeholder = gtk_label_new (_("No saved views yet"));
  GtkWidget *save_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->menu_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->menu_button, "user-bookmarks-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), _("Saved Views"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Saved Views"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->menu_button), GTK_WIDGET (self));

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_placeholder (self->list, placeholder);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Saved Views"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);

  self->name_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->name_entry, _("Name of this view"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->name_entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name of This View"), -1);
  g_signal_connect_object (self->name_entry, "activate", G_CALLBACK (on_save_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_entry, "changed", G_CALLBACK (on_name_changed_cb), self, G_CONNECT_SWAPPED);

  self->save_button = GTK_BUTTON (atlas_mnemonic_button_new (_("_Save")));
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button),
                               _("Save the filters, the time window and the map position under this name"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  g_signal_connect_object (self->save_button, "clicked", G_CALLBACK (on_save_cb), self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (save_row), GTK_WIDGET (self->name_entry));
  gtk_box_append (GTK_BOX (save_row), GTK_WIDGET (self->save_button));
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), save_row);
  gtk_widget_set_size_request (box, 300, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (self->menu_button, popover);
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

  write_views (self, views_with (self, name, state));
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

  write_views (self, views_with (self, name, NULL));
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
