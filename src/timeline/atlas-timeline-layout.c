/* atlas-timeline-layout.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "atlas-timeline-canvas-private.h"
#include "model/atlas-bisect.h"

/*
 * Glyph layout and hit testing for the canvas. Only the events that can be in
 * view are visited: binary search on the sorted start days bounds them, and when
 * they are too many for the width the view is drawn as a histogram instead.
 */

/* Start days are whole: the first event starting at or after @day is the
 * first one starting at or after ceil (@day). */
static guint
find_start (AtlasDataset *dataset,
            double        day)
{
  return atlas_dataset_find_start (dataset, (gint64) CLAMP (ceil (day), G_MININT32,
                                                            (double) G_MAXINT32 + 1));
}

static gboolean
event_before (gconstpointer events,
              guint         i,
              gconstpointer event)
{
  return ((const guint32 *) events)[i] < *(const guint *) event;
}

static int
compare_glyphs (gconstpointer a,
                gconstpointer b)
{
  const AtlasGlyph *ga = a, *gb = b;

  if (ga->x0 != gb->x0)
    return ga->x0 < gb->x0 ? -1 : 1;
  return ga->event < gb->event ? -1 : ga->event > gb->event;
}

static void
add_glyph (AtlasTimelineCanvas *self,
           guint                event,
           GtkBitset           *visible)
{
  const AtlasEvent *ev = atlas_dataset_get_event (self->dataset, event);
  double start = atlas_dataset_get_starts (self->dataset)[event];
  double end = atlas_dataset_get_ends (self->dataset)[event];
  double r = ATLAS_TIMELINE_POINT_RADIUS;
  AtlasGlyph glyph = { event, 0, 0, gtk_bitset_contains (visible, event), 0, 0 };

  if (ev->has_end)
    glyph.kind = ATLAS_GLYPH_RANGE;
  else if (ev->precision == ATLAS_PRECISION_DAY)
    glyph.kind = ATLAS_GLYPH_POINT;
  else
    glyph.kind = ATLAS_GLYPH_SPAN;

  if (glyph.kind == ATLAS_GLYPH_POINT)
    {
      double cx = atlas_time_scale_day_to_x (&self->scale, start + 0.5);

      glyph.x0 = cx - r;
      glyph.x1 = cx + r;
    }
  else
    {
      glyph.x0 = atlas_time_scale_day_to_x (&self->scale, start);
      glyph.x1 = atlas_time_scale_day_to_x (&self->scale, end);
      if (glyph.x1 - glyph.x0 < 2 * r)
        {
          double cx = (glyph.x0 + glyph.x1) / 2.0;

          glyph.x0 = cx - r;
          glyph.x1 = cx + r;
        }
    }

  if (glyph.x1 < -r || glyph.x0 > self->scale.width + r)
    return;
  g_array_append_val (self->glyphs, glyph);
}

/* Lays out glyphs in lanes when few enough events can be in view; otherwise
 * marks the view dense. Costs O(log n) to decide and O(k log k) for k glyphs,
 * k bounded by the width. */
void
atlas_timeline_canvas_ensure_layout (AtlasTimelineCanvas *self)
{
  const guint32 *long_events;
  GtkBitset *visible;
  guint lo, hi, n_long, long_lo, max_lanes, limit, n_glyphs;
  double margin, area_h;
  g_autofree double *x0 = NULL;
  g_autofree double *x1 = NULL;
  g_autofree guint *lanes = NULL;

  atlas_timeline_canvas_ensure_caches (self);
  if (self->layout_valid)
    return;

  self->layout_valid = TRUE;
  self->dense = FALSE;
  self->n_lanes = 0;
  self->lane_pitch = ATLAS_TIMELINE_MAX_PITCH;
  g_array_set_size (self->glyphs, 0);
  if (self->dataset == NULL || !self->has_dates)
    return;

  visible = atlas_filter_get_events (self->filter);
  margin = (ATLAS_TIMELINE_POINT_RADIUS + ATLAS_TIMELINE_GLYPH_GAP) * self->scale.days_per_px;
  lo = find_start (self->dataset, self->scale.start - margin - ATLAS_BAND_DAYS);
  hi = find_start (self->dataset, atlas_time_scale_get_end (&self->scale) + margin);
  long_events = atlas_dataset_get_long_events (self->dataset, &n_long);
  long_lo = atlas_bisect (long_events, n_long, &lo, event_before);
  limit = MAX (64, (guint) (self->scale.width * 1.5));
  if ((hi - lo) + long_lo > limit)
    {
      self->dense = TRUE;
      return;
    }

  for (guint i = 0; i < long_lo; i++)
    add_glyph (self, long_events[i], visible);
  for (guint e = lo; e < hi; e++)
    add_glyph (self, e, visible);
  g_array_sort (self->glyphs, compare_glyphs);

  n_glyphs = self->glyphs->len;
  if (n_glyphs == 0)
    return;

  area_h = atlas_timeline_canvas_area_bottom (self) - atlas_timeline_canvas_area_top (self);
  max_lanes = MAX ((guint) (area_h / ATLAS_TIMELINE_MIN_PITCH), 1);
  x0 = g_new (double, n_glyphs);
  x1 = g_new (double, n_glyphs);
  lanes = g_new (guint, n_glyphs);
  for (guint i = 0; i < n_glyphs; i++)
    {
      const AtlasGlyph *glyph = &g_array_index (self->glyphs, AtlasGlyph, i);

      x0[i] = glyph->x0;
      x1[i] = glyph->x1;
    }

  self->n_lanes = atlas_lanes_pack (x0, x1, n_glyphs, ATLAS_TIMELINE_GLYPH_GAP, max_lanes, lanes);
  if (self->n_lanes == ATLAS_LANES_OVERFLOW)
    {
      self->n_lanes = 0;
      self->dense = TRUE;
      g_array_set_size (self->glyphs, 0);
      return;
    }

  for (guint i = 0; i < n_glyphs; i++)
    g_array_index (self->glyphs, AtlasGlyph, i).lane = (guint16) lanes[i];
  self->lane_pitch = MIN (ATLAS_TIMELINE_MAX_PITCH, area_h / MAX (self->n_lanes, 1));
}

static gboolean
glyph_contains (AtlasTimelineCanvas *self,
                const AtlasGlyph    *glyph,
                double               x,
                double               y)
{
  double cy = atlas_timeline_canvas_lane_y (self, glyph->lane);
  double half = MAX (self->lane_pitch / 2.0, 3.0);

  return x >= glyph->x0 - 1.0 && x <= glyph->x1 + 1.0 && y >= cy - half && y <= cy + half;
}

/**
 * atlas_timeline_canvas_event_at:
 * @self: a canvas
 * @x: a pixel
 * @y: a pixel
 *
 * Returns: the visible event whose glyph is under (@x, @y), or %ATLAS_NONE;
 *   ghosts of filtered-out events cannot be picked, as on the map
 */
guint
atlas_timeline_canvas_event_at (AtlasTimelineCanvas *self,
                                double               x,
                                double               y)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_CANVAS (self), ATLAS_NONE);

  atlas_timeline_canvas_ensure_layout (self);
  if (self->dense)
    return ATLAS_NONE;

  /* Later glyphs are drawn on top; the topmost wins. */
  for (guint i = self->glyphs->len; i > 0; i--)
    {
      const AtlasGlyph *glyph = &g_array_index (self->glyphs, AtlasGlyph, i - 1);

      if (glyph->visible && glyph_contains (self, glyph, x, y))
        return glyph->event;
    }
  return ATLAS_NONE;
}

/**
 * atlas_timeline_canvas_get_event_area:
 * @self: a canvas
 * @event: an event
 * @area: (out): where its glyph is drawn
 *
 * Returns: %FALSE if the event has no glyph in view
 */
gboolean
atlas_timeline_canvas_get_event_area (AtlasTimelineCanvas *self,
                                      guint                event,
                                      graphene_rect_t     *area)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_CANVAS (self), FALSE);

  atlas_timeline_canvas_ensure_layout (self);
  for (guint i = 0; i < self->glyphs->len; i++)
    {
      const AtlasGlyph *glyph = &g_array_index (self->glyphs, AtlasGlyph, i);
      double cy;

      if (glyph->event != event)
        continue;
      cy = atlas_timeline_canvas_lane_y (self, glyph->lane);
      graphene_rect_init (area, glyph->x0, cy - self->lane_pitch / 2.0,
                          glyph->x1 - glyph->x0, self->lane_pitch);
      return TRUE;
    }
  return FALSE;
}

gboolean
atlas_timeline_canvas_is_dense (AtlasTimelineCanvas *self)
{
  atlas_timeline_canvas_ensure_layout (self);
  return self->dense;
}

