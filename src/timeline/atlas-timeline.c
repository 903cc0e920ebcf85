/* atlas-timeline.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-timeline.h"

/* The region the timeline will fill; for now it only names itself. */

struct _AtlasTimeline
{
  GtkWidget parent_instance;

  GtkWidget *label;
};

G_DEFINE_FINAL_TYPE (AtlasTimeline, atlas_timeline, GTK_TYPE_WIDGET)

static void
atlas_timeline_dispose (GObject *object)
{
  AtlasTimeline *self = (AtlasTimeline *) object;

  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (atlas_timeline_parent_class)->dispose (object);
}

static void
atlas_timeline_class_init (AtlasTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_timeline_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_timeline_init (AtlasTimeline *self)
{
  self->label = gtk_label_new (_("Timeline"));
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

void
atlas_timeline_set_models (AtlasTimeline *self,
                          AtlasFilter    *filter,
                          AtlasSelection *selection,
                          AtlasPlayhead  *playhead)
{
}
