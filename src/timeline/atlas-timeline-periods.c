/* atlas-timeline-periods.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-timeline-canvas-private.h"
#include "model/atlas-locale.h"

/*
 * The dataset's named periods, drawn behind the events: a faint band over the
 * period's days and a labelled strip at the top of the event area. Periods that
 * overlap go on strips one below the other. A click on a strip brushes the
 * period's days; the list of periods with their dates is part of the timeline's
 * accessible description.
 */

#define STRIP_HEIGHT 15.0
#define MAX_STRIPS 4

/* Puts each period on the first strip free at its start, in start order.
 * Returns the number of strips; @strips gets each period's strip. */
static guint
assign_strips (AtlasDataset *dataset,
               guint        *strips)
{
  guint n = atlas_dataset_get_n_periods (dataset), n_strips = 0;
  gint32 strip_end[MAX_STRIPS];

  for (guint placed = 0; placed < n; placed++)
    {
      guint best = G_MAXUINT;

      /* The earliest period not yet placed; there are few periods. */
      for (guint i = 0; i < n; i++)
        {
          if (strips[i] != G_MAXUINT)
            continue;
          if (best == G_MAXUINT ||
              atlas_dataset_get_period (dataset, i)->start < atlas_dataset_get_period (dataset, best)->start)
            best = i;
        }
      strips[best] = MAX_STRIPS - 1;
      for (guint s = 0; s < MAX_STRIPS; s++)
        {
          if (s >= n_strips || strip_end[s] <= atlas_dataset_get_period (dataset, best)->start)
            {
              strips[best] = s;
              break;
            }
        }
      strip_end[strips[best]] = atlas_dataset_get_period (dataset, best)->end;
      n_strips = MAX (n_strips, strips[best] + 1);
    }
  return n_strips;
}

static guint *
new_strips (AtlasDataset *dataset)
{
  guint n = atlas_dataset_get_n_periods (dataset);
  guint *strips = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    strips[i] = G_MAXUINT;
  assign_strips (dataset, strips);
  return strips;
}

static gboolean
period_box (AtlasTimelineCanvas *self,
            const AtlasPeriod   *period,
            guint                strip,
            graphene_rect_t     *box)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double x0 = MAX (atlas_time_scale_day_to_x (&self->scale, period->start), 0);
  double x1 = MIN (atlas_time_scale_day_to_x (&self->scale, period->end), width);

  if (x1 <= x0)
    return FALSE;
  graphene_rect_init (box, x0, atlas_timeline_canvas_area_top (self) + strip * STRIP_HEIGHT,
                      MAX (x1 - x0, 2), STRIP_HEIGHT - 1);
  return TRUE;
}

/**
 * atlas_timeline_canvas_draw_periods:
 *
 * Draws the periods behind the events.
 */
void
atlas_timeline_canvas_draw_periods (AtlasTimelineCanvas *self,
                                    GtkSnapshot         *snapshot)
{
  g_autofree guint *strips = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double top = atlas_timeline_canvas_area_top (self);
  double bottom = atlas_timeline_canvas_area_bottom (self);

  if (self->dataset == NULL || atlas_dataset_get_n_periods (self->dataset) == 0)
    return;

  strips = new_strips (self->dataset);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  {
    g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 8");

    pango_layout_set_font_description (layout, font);
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  }

  for (guint i = 0; i < atlas_dataset_get_n_periods (self->dataset); i++)
    {
      const AtlasPeriod *period = atlas_dataset_get_period (self->dataset, i);
      GdkRGBA color = { ((period->color >> 16) & 0xff) / 255.0, ((period->color >> 8) & 0xff) / 255.0,
                        (period->color & 0xff) / 255.0, 0.14 };
      GdkRGBA text = { 0.14, 0.12, 0.19, 1 };
      graphene_rect_t box;

      if (!period_box (self, period, strips[i], &box))
        continue;
      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (box.origin.x, top, box.size.width,
                                                                        bottom - top));
      color.alpha = 0.75;
      gtk_snapshot_append_color (snapshot, &color, &box);

      pango_layout_set_text (layout, atlas_localized (period->name, period->name_zh), -1);
      pango_layout_set_width (layout, (int) MAX (box.size.width - 6, 1) * PANGO_SCALE);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_push_clip (snapshot, &box);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (box.origin.x + 3, box.origin.y));
      gtk_snapshot_append_layout (snapshot, layout, &text);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_restore (snapshot);
    }
}

/**
 * atlas_timeline_canvas_period_at:
 * @x: widget x
 * @y: widget y
 *
 * Returns: the period whose strip is at (@x, @y), or %ATLAS_NONE
 */
guint
atlas_timeline_canvas_period_at (AtlasTimelineCanvas *self,
                                 double               x,
                                 double               y)
{
  g_autofree guint *strips = NULL;

  if (self->dataset == NULL || atlas_dataset_get_n_periods (self->dataset) == 0)
    return ATLAS_NONE;

  strips = new_strips (self->dataset);
  for (guint i = 0; i < atlas_dataset_get_n_periods (self->dataset); i++)
    {
      graphene_rect_t box;

      if (period_box (self, atlas_dataset_get_period (self->dataset, i), strips[i], &box) &&
          graphene_rect_contains_point (&box, &GRAPHENE_POINT_INIT (x, y)))
        return i;
    }
  return ATLAS_NONE;
}

/**
 * atlas_timeline_describe_periods:
 * @dataset: (nullable): a dataset
 *
 * Returns: (transfer full) (nullable): the periods with their dates, for a
 *   screen reader, or %NULL when there are none
 */
char *
atlas_timeline_describe_periods (AtlasDataset *dataset)
{
  g_autoptr(GString) text = NULL;

  if (dataset == NULL || atlas_dataset_get_n_periods (dataset) == 0)
    return NULL;

  /* Translators: starts the list of a dataset's periods, read by a screen reader */
  text = g_string_new (_("Periods, click one to select its dates:"));
  for (guint i = 0; i < atlas_dataset_get_n_periods (dataset); i++)
    {
      const AtlasPeriod *period = atlas_dataset_get_period (dataset, i);
      gint32 last = atlas_date_floor (period->end - 1, period->end_precision);
      g_autofree char *dates = atlas_date_format_range (period->start, period->start_precision,
                                                        last, period->end_precision);

      g_string_append_printf (text, "%s %s, %s", i == 0 ? "" : ";",
                              atlas_localized (period->name, period->name_zh), dates);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
