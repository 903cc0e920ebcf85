/* atlas-timeline-render.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "model/atlas-locale.h"

#include "atlas-timeline-canvas-private.h"

/*
 * Drawing the canvas. Colours come from the style (the text colour for the
 * axis, the accent for the playhead and the brush) so they follow light and dark
 * styles; events keep their sector colours, which the dataset chose to read on
 * both.
 */

/* Histogram bars are this wide, unless a day is wider. */
#define BIN_PX 3.0
/* Highlight markers drawn at most in a dense view. */
#define MAX_MARKERS 2000
/* Opacity of ghosts (events the filter hides) relative to visible events. */
#define GHOST_ALPHA 0.22

typedef struct
{
  GdkRGBA fg;
  GdkRGBA accent;
  GdkRGBA accent_fg;
  PangoLayout *layout;
  double width;
  double height;
  double axis_y;
  double top;
  double bottom;
} Frame;

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

static GdkRGBA
rgb (guint32 color,
     double  alpha)
{
  return (GdkRGBA) { ((color >> 16) & 0xff) / 255.0, ((color >> 8) & 0xff) / 255.0,
                     (color & 0xff) / 255.0, alpha };
}

char *
atlas_timeline_format_tick (AtlasTimeStep step,
                            gint32        day)
{
  gint64 year;
  guint month, mday;

  atlas_date_to_civil (day, &year, &month, &mday);
  switch (step.unit)
    {
    case ATLAS_TIME_UNIT_DAY:
      /* Translators: a tick on the timeline's axis: the day of the month */
      return g_strdup_printf (C_("timeline tick", "%u"), mday);
    case ATLAS_TIME_UNIT_MONTH:
      return g_strdup (atlas_date_month_name (month));
    case ATLAS_TIME_UNIT_YEAR:
    case ATLAS_N_TIME_UNITS:
    default:
      return atlas_date_format (day, ATLAS_PRECISION_YEAR);
    }
}

char *
atlas_timeline_format_context (AtlasTimeStep step,
                               gint32        day)
{
  return atlas_date_format (day, step.unit == ATLAS_TIME_UNIT_MONTH ? ATLAS_PRECISION_MONTH
                                                                    : ATLAS_PRECISION_YEAR);
}

/* A brush or filter range [start, end) as people say it, last day included. */
char *
atlas_timeline_format_range (gint32 start,
                             gint32 end)
{
  if (end - start <= 1)
    return atlas_date_format (start, ATLAS_PRECISION_DAY);
  return atlas_date_format_range (start, ATLAS_PRECISION_DAY, end - 1, ATLAS_PRECISION_DAY);
}

static PangoLayout *
create_label_layout (GtkWidget *widget)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static double
text_width (PangoLayout *layout,
            const char  *text)
{
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.width;
}

/* The widest day, month and year label, so the axis can choose steps whose
 * labels never overlap. Measured again when the font or the language changes. */
void
atlas_timeline_canvas_measure_labels (AtlasTimelineCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const PangoFontDescription *desc = pango_context_get_font_description (
      gtk_widget_get_pango_context (widget));
  guint hash = desc != NULL ? pango_font_description_hash (desc) : 1;
  gboolean chinese = atlas_locale_is_chinese ();
  g_autoptr(PangoLayout) layout = NULL;
  double year_px = 0;
  gint64 years[2];

  /* Years far from ours need more digits (or an era) than "2020". */
  atlas_date_to_civil ((gint32) CLAMP (self->scale.start, G_MININT32, G_MAXINT32), &years[0], NULL,
                       NULL);
  atlas_date_to_civil (
      (gint32) CLAMP (atlas_time_scale_get_end (&self->scale), G_MININT32, G_MAXINT32), &years[1],
      NULL, NULL);

  if (hash != self->label_font_hash || chinese != self->label_chinese || self->label_px[0] <= 0 ||
      years[0] < 1000 || years[1] > 9999)
    {
      layout = create_label_layout (widget);
      self->label_font_hash = hash;
      self->label_chinese = chinese;
      for (guint d = 28; d <= 31; d++)
        {
          g_autofree char *text = atlas_timeline_format_tick (
              (AtlasTimeStep) { ATLAS_TIME_UNIT_DAY, 1 }, atlas_date_from_civil (2000, 1, d));

          self->label_px[ATLAS_TIME_UNIT_DAY] = MAX (self->label_px[ATLAS_TIME_UNIT_DAY],
                                                     text_width (layout, text));
        }
      self->label_px[ATLAS_TIME_UNIT_MONTH] = 0;
      for (guint m = 1; m <= 12; m++)
        self->label_px[ATLAS_TIME_UNIT_MONTH] = MAX (
            self->label_px[ATLAS_TIME_UNIT_MONTH], text_width (layout, atlas_date_month_name (m)));
      for (guint i = 0; i < 3; i++)
        {
          gint64 year = i < 2 ? CLAMP (years[i], -999999, 999999) : 2000;
          g_autofree char *text = atlas_date_format (atlas_date_from_civil (year, 1, 1),
                                                     ATLAS_PRECISION_YEAR);

          year_px = MAX (year_px, text_width (layout, text));
        }
      self->label_px[ATLAS_TIME_UNIT_YEAR] = year_px;
    }
}

static void
draw_text (GtkSnapshot   *snapshot,
           Frame         *frame,
           const char    *text,
           double         x,
           double         y,
           const GdkRGBA *color)
{
  pango_layout_set_text (frame->layout, text, -1);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, frame->layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
fill_rect (GtkSnapshot   *snapshot,
           const GdkRGBA *color,
           double         x,
           double         y,
           double         w,
           double         h)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
}

static void
fill_rounded (GtkSnapshot   *snapshot,
              const GdkRGBA *color,
              double         x,
              double         y,
              double         w,
              double         h,
              double         radius)
{
  GskRoundedRect rect;

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, w, h), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
  gtk_snapshot_pop (snapshot);
}

static void
stroke_rounded (GtkSnapshot   *snapshot,
                const GdkRGBA *color,
                double         x,
                double         y,
                double         w,
                double         h,
                double         radius,
                double         line)
{
  GskRoundedRect rect;
  const float widths[4] = { line, line, line, line };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, w, h), radius);
  gtk_snapshot_append_border (snapshot, &rect, widths, colors);
}

/* The histogram: per bin, the ghost mass of every event behind the stacked
 * visible mass per sector. Bins are aligned on absolute days so bars keep still
 * while panning. Cost: O(bins × sectors), whatever the number of events. */
static void
draw_histogram (AtlasTimelineCanvas *self,
                GtkSnapshot         *snapshot,
                Frame               *frame)
{
  const AtlasTimeScale *scale = &self->scale;
  double bin_days = MAX (BIN_PX * scale->days_per_px, 1.0);
  gint64 k0 = (gint64) floor (scale->start / bin_days);
  gint64 k1 = (gint64) ceil (atlas_time_scale_get_end (scale) / bin_days);
  guint n_bins = (guint) MAX (k1 - k0, 1);
  guint n_groups = atlas_time_bins_get_n_groups (self->visible_bins);
  double area = frame->bottom - frame->top;
  double max_mass = 0, unit, bar_w;
  g_autofree double *edges = g_new (double, n_bins + 1);
  g_autofree double *all = g_new (double, n_bins);
  g_autofree double *tops = g_new (double, n_bins);
  cairo_t *cr;

  for (guint b = 0; b <= n_bins; b++)
    edges[b] = atlas_time_bins_mass_before (self->all_bins, 0, (k0 + b) * bin_days);
  for (guint b = 0; b < n_bins; b++)
    {
      all[b] = MAX (edges[b + 1] - edges[b], 0.0);
      max_mass = MAX (max_mass, all[b]);
      tops[b] = frame->bottom;
    }
  if (max_mass <= 0)
    return;

  unit = area / max_mass;
  bar_w = MAX (bin_days / scale->days_per_px - 1.0, 1.0);
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, frame->top, frame->width, area));

  /* Ghosts: every event, filtered or not, as a faint outline of the whole. */
  gdk_cairo_set_source_rgba (cr,
                             &(GdkRGBA) { frame->fg.red, frame->fg.green, frame->fg.blue, 0.10 });
  for (guint b = 0; b < n_bins; b++)
    {
      double h = all[b] * unit;

      if (h >= 0.25)
        cairo_rectangle (cr, atlas_time_scale_day_to_x (scale, (k0 + b) * bin_days),
                         frame->bottom - h, bar_w, h);
    }
  cairo_fill (cr);

  for (guint g = 0; g < n_groups; g++)
    {
      GdkRGBA color = rgb (self->group_colors[g], 0.9);
      gboolean any = FALSE;

      if (atlas_time_bins_get_total (self->visible_bins, g) <= 0)
        continue;
      for (guint b = 0; b <= n_bins; b++)
        edges[b] = atlas_time_bins_mass_before (self->visible_bins, g, (k0 + b) * bin_days);
      for (guint b = 0; b < n_bins; b++)
        {
          double h = (edges[b + 1] - edges[b]) * unit;

          if (h < 0.05)
            continue;
          tops[b] -= h;
          cairo_rectangle (cr, atlas_time_scale_day_to_x (scale, (k0 + b) * bin_days), tops[b],
                           bar_w, h);
          any = TRUE;
        }
      if (any)
        {
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_fill (cr);
        }
    }
  cairo_destroy (cr);
}

/* In a dense view the selection's events are marked along the top of the
 * events; they are few, and only those in view are visited. */
static void
draw_markers (AtlasTimelineCanvas *self,
              GtkSnapshot         *snapshot,
              Frame               *frame)
{
  const gint32 *starts = atlas_dataset_get_starts (self->dataset);
  const gint32 *ends = atlas_dataset_get_ends (self->dataset);
  double view_end = atlas_time_scale_get_end (&self->scale);
  GdkRGBA color = with_alpha (&frame->fg, 0.9);
  GtkBitsetIter iter;
  guint e, drawn = 0;

  if (gtk_bitset_is_empty (self->highlight))
    return;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, self->highlight, &e);
       ok && drawn < MAX_MARKERS; ok = gtk_bitset_iter_next (&iter, &e))
    {
      double x0, x1;

      if (starts[e] > view_end)
        break;
      if (ends[e] < self->scale.start)
        continue;
      x0 = atlas_time_scale_day_to_x (&self->scale, starts[e]);
      x1 = MAX (atlas_time_scale_day_to_x (&self->scale, ends[e]), x0 + 3.0);
      fill_rounded (snapshot, &color, x0, frame->top, x1 - x0, 4.0, 2.0);
      drawn++;
    }
}

static void
draw_glyph (AtlasTimelineCanvas *self,
            GtkSnapshot         *snapshot,
            Frame               *frame,
            const AtlasGlyph    *glyph,
            double               alpha)
{
  const AtlasEvent *ev = atlas_dataset_get_event (self->dataset, glyph->event);
  guint32 color = atlas_dataset_get_event_color (self->dataset, glyph->event);
  double cy = atlas_timeline_canvas_lane_y (self, glyph->lane);
  double h = CLAMP (self->lane_pitch - 2.0, 3.0, 10.0);
  double x0 = glyph->x0, w = glyph->x1 - glyph->x0;
  double edge = 0.12 * alpha, full = 0.9 * alpha;
  GskColorStop stops[4];
  GskRoundedRect rect;
  guint n_stops = 0;

  if (glyph->kind == ATLAS_GLYPH_POINT)
    {
      double d = CLAMP (self->lane_pitch - 1.0, 4.0, 2.0 * ATLAS_TIMELINE_POINT_RADIUS + 1.0);
      GdkRGBA c = rgb (color, full);

      fill_rounded (snapshot, &c, x0 + w / 2.0 - d / 2.0, cy - d / 2.0, d, d, d / 2.0);
      return;
    }

  if (glyph->kind == ATLAS_GLYPH_SPAN)
    {
      /* Known only to the month or year: solid in the middle, fading towards
       * both ends, so it reads as "some time in this span". */
      stops[0] = (GskColorStop) { 0.0f, rgb (color, edge) };
      stops[1] = (GskColorStop) { 0.3f, rgb (color, full) };
      stops[2] = (GskColorStop) { 0.7f, rgb (color, full) };
      stops[3] = (GskColorStop) { 1.0f, rgb (color, edge) };
      n_stops = 4;
    }
  else
    {
      /* A range is solid, except that an end known only to the month or year
       * fades over that month or year. */
      gint32 start = atlas_dataset_get_starts (self->dataset)[glyph->event];
      gint32 end = atlas_dataset_get_ends (self->dataset)[glyph->event];
      double fl = 0, fr = 1;

      if (ev->precision < ATLAS_PRECISION_DAY && w > 0)
        {
          double xs = atlas_time_scale_day_to_x (&self->scale,
                                                 atlas_date_interval_end (start, ev->precision));

          fl = (xs - x0) / w;
        }
      if (ev->end_precision < ATLAS_PRECISION_DAY && w > 0)
        {
          double xe = atlas_time_scale_day_to_x (&self->scale,
                                                 atlas_date_floor (end - 1, ev->end_precision));

          fr = (xe - x0) / w;
        }
      fl = CLAMP (fl, 0.0, 1.0);
      fr = CLAMP (fr, fl, 1.0);
      stops[n_stops++] = (GskColorStop) { 0.0f, rgb (color, fl > 0 ? edge : full) };
      stops[n_stops++] = (GskColorStop) { (float) fl, rgb (color, full) };
      stops[n_stops++] = (GskColorStop) { (float) fr, rgb (color, full) };
      stops[n_stops++] = (GskColorStop) { 1.0f, rgb (color, fr < 1 ? edge : full) };
      h = MAX (h * 0.7, 3.0);
    }

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x0, cy - h / 2.0, w, h), h / 2.0);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_linear_gradient (snapshot, &rect.bounds, &GRAPHENE_POINT_INIT (x0, cy),
                                       &GRAPHENE_POINT_INIT (x0 + w, cy), stops, n_stops);
  gtk_snapshot_pop (snapshot);
}

static void
draw_glyphs (AtlasTimelineCanvas *self,
             GtkSnapshot         *snapshot,
             Frame               *frame)
{
  gboolean any_highlight = !gtk_bitset_is_empty (self->highlight);

  /* Ghosts first, then visible events, then the selection on top. */
  for (guint pass = 0; pass < 3; pass++)
    {
      for (guint i = 0; i < self->glyphs->len; i++)
        {
          const AtlasGlyph *glyph = &g_array_index (self->glyphs, AtlasGlyph, i);
          gboolean lit = any_highlight && gtk_bitset_contains (self->highlight, glyph->event);

          if (pass == 0 && !glyph->visible)
            draw_glyph (self, snapshot, frame, glyph, GHOST_ALPHA);
          else if (pass == 1 && glyph->visible && !lit)
            draw_glyph (self, snapshot, frame, glyph, any_highlight ? 0.55 : 1.0);
          else if (pass == 2 && lit)
            {
              double cy = atlas_timeline_canvas_lane_y (self, glyph->lane);
              double h = CLAMP (self->lane_pitch - 1.0, 5.0, 11.0) + 3.0;

              GdkRGBA ring = with_alpha (&frame->fg, glyph->visible ? 0.8 : 0.3);

              draw_glyph (self, snapshot, frame, glyph, glyph->visible ? 1.0 : GHOST_ALPHA);
              stroke_rounded (snapshot, &ring, glyph->x0 - 1.5, cy - h / 2.0,
                              glyph->x1 - glyph->x0 + 3.0, h, h / 2.0,
                              glyph->event == self->selected_event ? 2.0 : 1.0);
            }
        }
    }
}

static void
draw_axis (AtlasTimelineCanvas *self,
           GtkSnapshot         *snapshot,
           Frame               *frame)
{
  const AtlasTimeScale *scale = &self->scale;
  guint max_ticks = (guint) (frame->width / ATLAS_TIME_SCALE_MIN_MINOR_PX) + 4;
  g_autofree gint32 *ticks = g_new (gint32, max_ticks);
  GdkRGBA line = with_alpha (&frame->fg, 0.3);
  GdkRGBA major = with_alpha (&frame->fg, 0.55);
  GdkRGBA grid = with_alpha (&frame->fg, 0.07);
  GdkRGBA label = with_alpha (&frame->fg, 0.85);
  GdkRGBA context = with_alpha (&frame->fg, 0.6);
  AtlasTickChoice choice;
  double last_end = -G_MAXDOUBLE;
  guint n;

  atlas_timeline_canvas_get_ticks (self, &choice);
  fill_rect (snapshot, &line, 0, frame->axis_y, frame->width, 1);

  if (choice.has_minor)
    {
      n = atlas_time_scale_list_ticks (scale, choice.minor, ticks, max_ticks);
      for (guint i = 0; i < n; i++)
        fill_rect (snapshot, &line, round (atlas_time_scale_day_to_x (scale, ticks[i])),
                   frame->axis_y, 1, 3);
    }

  n = atlas_time_scale_list_ticks (scale, choice.major, ticks, max_ticks);
  for (guint i = 0; i < n; i++)
    {
      double x = round (atlas_time_scale_day_to_x (scale, ticks[i]));
      g_autofree char *text = NULL;
      double w;

      fill_rect (snapshot, &grid, x, frame->top, 1, frame->axis_y - frame->top);
      fill_rect (snapshot, &major, x, frame->axis_y, 1, 6);
      if (x < 0)
        continue;
      text = atlas_timeline_format_tick (choice.major, ticks[i]);
      w = text_width (frame->layout, text);
      /* The step was chosen so labels fit; this only guards odd fonts. */
      if (x + 3 < last_end + 4 || x + 3 + w > frame->width)
        continue;
      draw_text (snapshot, frame, text, x + 3, frame->axis_y + 3, &label);
      last_end = x + 3 + w;
    }

  if (!choice.has_context)
    return;

  /* Context labels ("June 2020") stick to the left edge until the next one
   * pushes them out, so the month or year in view is always named. */
  n = atlas_time_scale_list_ticks (scale, choice.context, ticks, max_ticks);
  last_end = -G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    {
      double x = round (atlas_time_scale_day_to_x (scale, ticks[i]));
      double next_x = i + 1 < n ? atlas_time_scale_day_to_x (scale, ticks[i + 1]) : G_MAXDOUBLE;
      g_autofree char *text = atlas_timeline_format_context (choice.context, ticks[i]);
      double w = text_width (frame->layout, text);
      double tx = MIN (MAX (x + 3, 3), next_x - 6 - w);

      if (x >= 0)
        fill_rect (snapshot, &major, x, frame->axis_y, 1, ATLAS_TIMELINE_AXIS_HEIGHT);
      /* A label pushed out by the next one goes rather than show cut. */
      if (tx < 0 || tx < last_end + 6 || tx + w > frame->width)
        continue;
      draw_text (snapshot, frame, text, tx, frame->axis_y + 17, &context);
      last_end = tx + w;
    }
}

static void
draw_time_state (AtlasTimelineCanvas *self,
                 GtkSnapshot         *snapshot,
                 Frame               *frame)
{
  gint32 start, end;
  double x0, x1;

  if (self->playhead == NULL)
    return;

  atlas_playhead_get_window (self->playhead, &start, &end);
  if (atlas_playhead_get_mode (self->playhead) == ATLAS_PLAYHEAD_WINDOW)
    {
      GdkRGBA band = with_alpha (&frame->accent, 0.14);
      GdkRGBA edge = with_alpha (&frame->accent, 0.45);

      x0 = CLAMP (atlas_time_scale_day_to_x (&self->scale, start), -1, frame->width + 1);
      x1 = CLAMP (atlas_time_scale_day_to_x (&self->scale, end), -1, frame->width + 1);
      fill_rect (snapshot, &band, x0, frame->top, x1 - x0, frame->axis_y - frame->top);
      fill_rect (snapshot, &edge, x0, frame->top, 1, frame->axis_y - frame->top);
      fill_rect (snapshot, &edge, x1 - 1, frame->top, 1, frame->axis_y - frame->top);
    }
  else
    {
      /* What lies after the playhead is not on the map yet: veil it. */
      GdkRGBA veil = with_alpha (&frame->fg, 0.05);

      x0 = MAX (atlas_time_scale_day_to_x (&self->scale, end), 0);
      if (x0 < frame->width)
        fill_rect (snapshot, &veil, x0, frame->top, frame->width - x0, frame->axis_y - frame->top);
    }
}

static void
draw_brush (AtlasTimelineCanvas *self,
            GtkSnapshot         *snapshot,
            Frame               *frame)
{
  GdkRGBA track = with_alpha (&frame->fg, 0.06);
  GdkRGBA bar = with_alpha (&frame->accent, 0.4);
  GdkRGBA handle = with_alpha (&frame->accent, 0.9);
  GdkRGBA overlay = with_alpha (&frame->accent, 0.07);
  GdkRGBA edge = with_alpha (&frame->accent, 0.55);
  g_autofree char *text = NULL;
  double x0, x1, w, tx, h = ATLAS_TIMELINE_BRUSH_HEIGHT;

  fill_rounded (snapshot, &track, 1, 2, frame->width - 2, h - 4, 3);
  if (!self->has_brush)
    {
      GdkRGBA hint = with_alpha (&frame->fg, 0.45);

      draw_text (snapshot, frame, _("Drag here or shift-drag to filter dates"), 8, 0, &hint);
      return;
    }

  x0 = CLAMP (atlas_time_scale_day_to_x (&self->scale, self->brush_start), -4, frame->width + 4);
  x1 = CLAMP (atlas_time_scale_day_to_x (&self->scale, self->brush_end), -4, frame->width + 4);
  fill_rect (snapshot, &overlay, x0, h, x1 - x0, frame->axis_y - h);
  fill_rect (snapshot, &edge, x0, h, 1, frame->axis_y - h);
  fill_rect (snapshot, &edge, x1 - 1, h, 1, frame->axis_y - h);
  fill_rounded (snapshot, &bar, x0, 1, MAX (x1 - x0, 2), h - 2, 3);
  fill_rounded (snapshot, &handle, x0 - 1, 1, 3, h - 2, 1.5);
  fill_rounded (snapshot, &handle, x1 - 2, 1, 3, h - 2, 1.5);

  text = atlas_timeline_format_range (self->brush_start, self->brush_end);
  w = text_width (frame->layout, text);
  if (w + 12 <= x1 - x0)
    tx = (x0 + x1 - w) / 2.0;
  else if (x1 + 6 + w <= frame->width)
    tx = x1 + 6;
  else
    tx = MAX (x0 - 6 - w, 2);
  draw_text (snapshot, frame, text, tx, 0, &frame->fg);
}

static void
draw_playhead (AtlasTimelineCanvas *self,
               GtkSnapshot         *snapshot,
               Frame               *frame)
{
  gint32 day;
  double x, w, px;
  g_autofree char *text = NULL;

  if (self->playhead == NULL)
    return;

  day = atlas_playhead_get_day (self->playhead);
  x = atlas_time_scale_day_to_x (&self->scale, day + 0.5);
  if (x < -2 || x > frame->width + 2)
    return;

  fill_rect (snapshot, &frame->accent, round (x) - 1, ATLAS_TIMELINE_BRUSH_HEIGHT,
             2, frame->axis_y - ATLAS_TIMELINE_BRUSH_HEIGHT);
  fill_rounded (snapshot, &frame->accent, round (x) - 4, ATLAS_TIMELINE_BRUSH_HEIGHT - 2, 8, 8, 4);

  /* The handle: the date on a pill over the tick labels. */
  text = atlas_date_format (day, ATLAS_PRECISION_DAY);
  w = text_width (frame->layout, text) + 12;
  px = CLAMP (x - w / 2.0, 0, MAX (frame->width - w, 0));
  fill_rounded (snapshot, &frame->accent, px, frame->axis_y + 1, w, 16, 8);
  draw_text (snapshot, frame, text, px + 6, frame->axis_y + 1.5, &frame->accent_fg);
}

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              GdkRGBA         *color,
              const char      *fallback)
{
  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

void
atlas_timeline_canvas_render (AtlasTimelineCanvas *self,
                              GtkSnapshot         *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  g_autoptr(PangoLayout) layout = create_label_layout (widget);
  Frame frame;

  frame.layout = layout;
  frame.width = gtk_widget_get_width (widget);
  frame.height = gtk_widget_get_height (widget);
  frame.axis_y = atlas_timeline_canvas_get_axis_y (self);
  frame.top = atlas_timeline_canvas_area_top (self);
  frame.bottom = atlas_timeline_canvas_area_bottom (self);
  gtk_style_context_get_color (context, &frame.fg);
  lookup_color (context, "accent_bg_color", &frame.accent, "#3584e4");
  lookup_color (context, "accent_fg_color", &frame.accent_fg, "#ffffff");

  if (frame.width <= 0 || frame.height <= 0)
    return;

  atlas_timeline_canvas_measure_labels (self);
  atlas_timeline_canvas_ensure_layout (self);

  if (self->dataset == NULL || !self->has_dates)
    {
      GdkRGBA dim = with_alpha (&frame.fg, 0.55);
      const char *text = self->dataset == NULL ? _("No dataset open") : _("No dated events");
      double w = text_width (layout, text);

      draw_text (snapshot, &frame, text, (frame.width - w) / 2.0, frame.height / 2.0 - 8, &dim);
      return;
    }

  draw_time_state (self, snapshot, &frame);
  atlas_timeline_canvas_draw_periods (self, snapshot);
  if (self->dense)
    {
      draw_histogram (self, snapshot, &frame);
      draw_markers (self, snapshot, &frame);
    }
  else
    draw_glyphs (self, snapshot, &frame);
  draw_axis (self, snapshot, &frame);
  draw_brush (self, snapshot, &frame);
  draw_playhead (self, snapshot, &frame);

  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA ring = with_alpha (&frame.accent, 0.5);

      stroke_rounded (snapshot, &ring, 1, 1, frame.width - 2, frame.height - 2, 6, 2);
    }
}
