/* atlas-map-view.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-map-view.h"

/* The region the map will fill; for now it only names itself. */

struct _AtlasMapView
{
  GtkWidget parent_instance;

  GtkWidget *label;
};

G_DEFINE_FINAL_TYPE (AtlasMapView, atlas_map_view, GTK_TYPE_WIDGET)

static void
atlas_map_view_dispose (GObject *object)
{
  AtlasMapView *self = (AtlasMapView *) object;

  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (atlas_map_view_parent_class)->dispose (object);
}

static void
atlas_map_view_class_init (AtlasMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_map_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_map_view_init (AtlasMapView *self)
{
  self->label = gtk_label_new (_("Map"));
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

void
atlas_map_view_set_models (AtlasMapView *self,
                          AtlasFilter    *filter,
                          AtlasSelection *selection,
                          AtlasPlayhead  *playhead)
{
}
