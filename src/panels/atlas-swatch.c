/* atlas-swatch.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-swatch.h"

/* A round patch of a dataset colour, beside a sector's name. Dataset colours are
 * not known to CSS, so it draws itself. */

#define SWATCH_SIZE 12

struct _AtlasSwatch
{
  GtkWidget parent_instance;

  GdkRGBA color;
};

G_DEFINE_FINAL_TYPE (AtlasSwatch, atlas_swatch, GTK_TYPE_WIDGET)

static void
atlas_swatch_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = *natural = SWATCH_SIZE;
}

static void
atlas_swatch_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  AtlasSwatch *self = ATLAS_SWATCH (widget);
  float x = (gtk_widget_get_width (widget) - SWATCH_SIZE) / 2.0f;
  float y = (gtk_widget_get_height (widget) - SWATCH_SIZE) / 2.0f;
  GskRoundedRect rect;
  GdkRGBA border = { 0, 0, 0, 0.25f };
  float widths[4] = { 1, 1, 1, 1 };
  GdkRGBA borders[4] = { border, border, border, border };

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, SWATCH_SIZE, SWATCH_SIZE), SWATCH_SIZE / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, &self->color, &rect.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &rect, widths, borders);
}

static void
atlas_swatch_class_init (AtlasSwatchClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = atlas_swatch_measure;
  widget_class->snapshot = atlas_swatch_snapshot;
  gtk_widget_class_set_css_name (widget_class, "swatch");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
atlas_swatch_init (AtlasSwatch *self)
{
}

GtkWidget *
atlas_swatch_new (guint32 rgb)
{
  AtlasSwatch *self = g_object_new (ATLAS_TYPE_SWATCH, NULL);

  self->color.red = ((rgb >> 16) & 0xff) / 255.0f;
  self->color.green = ((rgb >> 8) & 0xff) / 255.0f;
  self->color.blue = (rgb & 0xff) / 255.0f;
  self->color.alpha = 1.0f;
  return GTK_WIDGET (self);
}
