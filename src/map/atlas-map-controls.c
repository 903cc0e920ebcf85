/* atlas-map-controls.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The buttons floating over the map: zoom, show all, zoom to the selection,
 * the legend, the base-map menu and the district colours (a toggle whose state
 * is the controls' "choropleth" property, which the view binds to its layer). They only activate the map view's "map.*"
 * actions, which they find by walking up to the view, so that keyboard
 * shortcuts and buttons share one implementation and one enabled state.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-map-controls.h"
#include "atlas-map-legend.h"

struct _AtlasMapControls
{
  GtkWidget parent_instance;

  AtlasMapLegend *legend;
  GtkToggleButton *choropleth_button;
};

G_DEFINE_FINAL_TYPE (AtlasMapControls, atlas_map_controls, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHOROPLETH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Every control gets a tooltip and the same text as its accessible name: the
 * buttons show icons only. */
static void
describe (GtkWidget  *widget,
          const char *label)
{
  gtk_widget_set_tooltip_text (widget, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_add_css_class (widget, "osd");
}

static GtkWidget *
make_button (const char *icon_name,
             const char *label,
             const char *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  describe (button, label);
  return button;
}

static GtkWidget *
make_menu_button (const char *icon_name,
                  const char *label)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), icon_name);
  describe (button, label);
  return button;
}

static void
add_group (AtlasMapControls *self,
           GtkWidget        *first,
           GtkWidget        *second)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (box, "linked");
  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);
  gtk_widget_set_parent (box, GTK_WIDGET (self));
}

/**
 * atlas_map_controls_set_dataset:
 * @self: the controls
 * @dataset: (nullable): the dataset on the map, for the legend
 */
void
atlas_map_controls_set_dataset (AtlasMapControls *self,
                                AtlasDataset     *dataset)
{
  g_return_if_fail (ATLAS_IS_MAP_CONTROLS (self));

  atlas_map_legend_set_dataset (self->legend, dataset);
}

gboolean
atlas_map_controls_get_choropleth (AtlasMapControls *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_CONTROLS (self), FALSE);
  return gtk_toggle_button_get_active (self->choropleth_button);
}

/**
 * atlas_map_controls_set_choropleth:
 * @self: the controls
 * @choropleth: whether the districts are coloured by their events
 */
void
atlas_map_controls_set_choropleth (AtlasMapControls *self,
                                   gboolean          choropleth)
{
  g_return_if_fail (ATLAS_IS_MAP_CONTROLS (self));
  gtk_toggle_button_set_active (self->choropleth_button, choropleth);
}

static void
on_choropleth_toggled_cb (AtlasMapControls *self)
{
  gboolean active = gtk_toggle_button_get_active (self->choropleth_button);

  gtk_accessible_update_state (GTK_ACCESSIBLE (self->choropleth_button), GTK_ACCESSIBLE_STATE_PRESSED,
                               active ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOROPLETH]);
}

static void
atlas_map_controls_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CHOROPLETH:
      g_value_set_boolean (value, atlas_map_controls_get_choropleth (ATLAS_MAP_CONTROLS (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_map_controls_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CHOROPLETH:
      atlas_map_controls_set_choropleth (ATLAS_MAP_CONTROLS (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_map_controls_dispose (GObject *object)
{
  AtlasMapControls *self = ATLAS_MAP_CONTROLS (object);
  GtkWidget *child;

  /* The legend belongs to its menu button. */
  self->legend = NULL;
  self->choropleth_button = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (atlas_map_controls_parent_class)->dispose (object);
}

static void
atlas_map_controls_class_init (AtlasMapControlsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_map_controls_dispose;
  object_class->get_property = atlas_map_controls_get_property;
  object_class->set_property = atlas_map_controls_set_property;

  /**
   * AtlasMapControls:choropleth:
   *
   * Whether the "Colour Districts by Events" toggle is on.
   */
  properties[PROP_CHOROPLETH] = g_param_spec_boolean ("choropleth", NULL, NULL, FALSE,
                                                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                      G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
atlas_map_controls_init (AtlasMapControls *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *legend_button, *base_map_button;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);

  g_menu_append (section, _("_OpenStreetMap"), "map.base-map::openstreetmap");
  g_menu_append (section, _("Offline _Only"), "map.base-map::offline");
  g_menu_append_section (menu, _("Base Map"), G_MENU_MODEL (section));

  legend_button = make_menu_button ("view-list-bullet-symbolic", _("Legend"));
  self->legend = ATLAS_MAP_LEGEND (atlas_map_legend_new ());
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (legend_button), GTK_WIDGET (self->legend));

  base_map_button = make_menu_button ("image-x-generic-symbolic", _("Base Map"));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (base_map_button), G_MENU_MODEL (menu));

  add_group (self,
             make_button ("zoom-in-symbolic", _("Zoom In"), "map.zoom-in"),
             make_button ("zoom-out-symbolic", _("Zoom Out"), "map.zoom-out"));
  add_group (self,
             make_button ("zoom-fit-best-symbolic", _("Show All Places"), "map.zoom-fit"),
             make_button ("find-location-symbolic", _("Zoom to Selection"), "map.zoom-selection"));
  add_group (self, legend_button, base_map_button);

  self->choropleth_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->choropleth_button), "color-select-symbolic");
  describe (GTK_WIDGET (self->choropleth_button), _("Colour Districts by Events"));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->choropleth_button), GTK_ACCESSIBLE_STATE_PRESSED,
                               GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
  g_signal_connect_object (self->choropleth_button, "toggled", G_CALLBACK (on_choropleth_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_parent (GTK_WIDGET (self->choropleth_button), GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Map Controls"), -1);
}

/**
 * atlas_map_controls_new:
 *
 * Returns: (transfer floating): new map controls
 */
GtkWidget *
atlas_map_controls_new (void)
{
  return g_object_new (ATLAS_TYPE_MAP_CONTROLS, NULL);
}
