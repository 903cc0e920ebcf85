/* atlas-map-controls.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The buttons floating over the map: zoom, show all, zoom to the selection,
 * the legend, the base-map menu and the district colours (a toggle whose state
 * is the controls' "choropleth" property, which the view binds to its layer).
 * Their layout is ui/atlas-map-controls.ui. They only activate the map view's
 * "map.*" actions, which they find by walking up to the view, so that keyboard
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
on_choropleth_button_toggled_cb (AtlasMapControls *self)
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

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_MAP_CONTROLS);
  /* The groups of buttons are not bound to fields. */
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
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);

  g_type_ensure (ATLAS_TYPE_MAP_LEGEND);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/atlas-map-controls.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasMapControls, legend);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapControls, choropleth_button);
  gtk_widget_class_bind_template_callback (widget_class, on_choropleth_button_toggled_cb);
}

static void
atlas_map_controls_init (AtlasMapControls *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->choropleth_button),
                               GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
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
