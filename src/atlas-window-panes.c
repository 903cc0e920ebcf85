/* atlas-window-panes.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-window-private.h"

/*
 * The window's panes as a keyboard and a small screen see them. F6 and Shift+F6
 * move the focus from pane to pane (sidebar, map, timeline, event list,
 * details), as in other GNOME apps; a pane hidden or with nothing to focus is
 * passed over. Below FOLD_WIDTH the sidebar folds, as the details panel does, so
 * the timeline and the list keep most of the width. The split between the map
 * and the timeline is remembered.
 */

/* 300 for the sidebar and at least 460 for the map, timeline and list. */
#define FOLD_WIDTH 760

static gboolean
focus_is_within (GtkWidget *focus,
                 GtkWidget *pane)
{
  return focus != NULL && (focus == pane || gtk_widget_is_ancestor (focus, pane));
}

static void
cycle_panes (AtlasWindow *self,
             int          step)
{
  GtkWidget *panes[] = {
    GTK_WIDGET (self->sidebar), GTK_WIDGET (self->map_view), GTK_WIDGET (self->timeline),
    GTK_WIDGET (self->event_list), GTK_WIDGET (self->details),
  };
  const int n = G_N_ELEMENTS (panes);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int current = step > 0 ? -1 : 0;

  for (int i = 0; i < n; i++)
    if (focus_is_within (focus, panes[i]))
      current = i;

  for (int k = 1; k <= n; k++)
    {
      GtkWidget *pane = panes[(current + k * step + 2 * n) % n];

      if (gtk_widget_get_mapped (pane) && gtk_widget_child_focus (pane, GTK_DIR_TAB_FORWARD))
        return;
    }
}

static void
next_pane_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cycle_panes (ATLAS_WINDOW (widget), 1);
}

static void
previous_pane_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  cycle_panes (ATLAS_WINDOW (widget), -1);
}

void
atlas_window_panes_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.next-pane", NULL, next_pane_action);
  gtk_widget_class_install_action (widget_class, "win.previous-pane", NULL, previous_pane_action);
}

/* F6 is GtkPaned's own key (to its other child): the window takes it first. */
static void
add_pane_shortcuts (AtlasWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F6, 0),
                                                          gtk_named_action_new ("win.next-pane")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F6, GDK_SHIFT_MASK),
                                                          gtk_named_action_new ("win.previous-pane")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* The height of the timeline and list is what is remembered: GtkPaned keeps it
 * as the window grows and shrinks (only the map resizes). It can only be set
 * once the paned has its first height. */
static gboolean
restore_split_idle_cb (gpointer data)
{
  AtlasWindow *self = data;
  int height = gtk_widget_get_height (GTK_WIDGET (self->vertical_paned));

  self->split_idle_id = 0;
  if (height <= 0)
    return G_SOURCE_REMOVE;
  self->split_restored = TRUE;
  gtk_paned_set_position (self->vertical_paned,
                          MAX (0, height - g_settings_get_int (self->settings, "timeline-height")));
  return G_SOURCE_REMOVE;
}

static void
on_paned_position_notify_cb (AtlasWindow *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self->vertical_paned));
  int bottom = height - gtk_paned_get_position (self->vertical_paned);

  if (self->split_restored && height > 0 && bottom != g_settings_get_int (self->settings, "timeline-height"))
    g_settings_set_int (self->settings, "timeline-height", bottom);
}

static void
on_surface_layout_cb (AtlasWindow *self,
                      int          width,
                      int          height)
{
  AdwFlapFoldPolicy policy = width < FOLD_WIDTH ? ADW_FLAP_FOLD_POLICY_ALWAYS : ADW_FLAP_FOLD_POLICY_AUTO;

  if (adw_flap_get_fold_policy (self->flap) != policy)
    adw_flap_set_fold_policy (self->flap, policy);
  if (self->settings != NULL && !self->split_restored && self->split_idle_id == 0)
    self->split_idle_id = g_idle_add (restore_split_idle_cb, self);
}

static void
on_window_realize_cb (AtlasWindow *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));

  g_signal_connect_object (surface, "layout", G_CALLBACK (on_surface_layout_cb), self, G_CONNECT_SWAPPED);
}

void
atlas_window_panes_init (AtlasWindow *self)
{
  add_pane_shortcuts (self);
  g_signal_connect (self, "realize", G_CALLBACK (on_window_realize_cb), NULL);
  if (self->settings != NULL)
    g_signal_connect_object (self->vertical_paned, "notify::position", G_CALLBACK (on_paned_position_notify_cb),
                             self, G_CONNECT_SWAPPED);
}

/**
 * atlas_window_panes_dispose:
 *
 * Stops what the panes were waiting for.
 */
void
atlas_window_panes_dispose (AtlasWindow *self)
{
  g_clear_handle_id (&self->split_idle_id, g_source_remove);
}
