/* atlas-timeline-canvas.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "atlas-timeline-canvas-private.h"
#include "model/atlas-bisect.h"

/*
 * The drawing part of the timeline: events over an axis, the playhead, the date
 * brush. It reads the dataset, the filter's visible set, the selection and the
 * playhead, and writes only the selection, the filter's date range and the
 * playhead's day; everything else on screen follows those models.
 *
 * A frame never visits every event. Glyphs are laid out only when binary search
 * on the sorted start days shows that few events can be in view; otherwise the
 * events are drawn as a histogram from prefix sums (AtlasTimeBins), built once
 * per dataset and once per filter change.
 */

/* Bounds on the memory of the prefix sums, in cells. */
#define MAX_VISIBLE_CELLS (1u << 21)
#define MAX_ALL_CELLS (1u << 20)

static void
atlas_timeline_canvas_intent_source_init (AtlasIntentSourceInterface *iface)
{
}

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasTimelineCanvas, atlas_timeline_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ATLAS_TYPE_INTENT_SOURCE,
                                                      atlas_timeline_canvas_intent_source_init))

void
atlas_timeline_canvas_invalidate_layout (AtlasTimelineCanvas *self)
{
  self->layout_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The user moved the view: it no longer follows the window's width. */
void
atlas_timeline_canvas_view_changed (AtlasTimelineCanvas *self)
{
  self->fitted = FALSE;
  atlas_timeline_canvas_invalidate_layout (self);
}

double
atlas_timeline_canvas_area_top (AtlasTimelineCanvas *self)
{
  return ATLAS_TIMELINE_BRUSH_HEIGHT + 2.0;
}

double
atlas_timeline_canvas_area_bottom (AtlasTimelineCanvas *self)
{
  return MAX (gtk_widget_get_height (GTK_WIDGET (self)) - ATLAS_TIMELINE_AXIS_HEIGHT - 3.0,
              atlas_timeline_canvas_area_top (self) + 1.0);
}

double
atlas_timeline_canvas_get_axis_y (AtlasTimelineCanvas *self)
{
  return MAX (gtk_widget_get_height (GTK_WIDGET (self)) - ATLAS_TIMELINE_AXIS_HEIGHT,
              atlas_timeline_canvas_area_top (self));
}

double
atlas_timeline_canvas_lane_y (AtlasTimelineCanvas *self,
                              guint                lane)
{
  return atlas_timeline_canvas_area_bottom (self) - self->lane_pitch * (lane + 0.5);
}

static void
update_accessible (AtlasTimelineCanvas *self)
{
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  gint32 day;
  guint n;

  if (self->playhead == NULL)
    return;

  day = atlas_playhead_get_day (self->playhead);
  n = atlas_playhead_get_n_active_events (self->playhead);
  date = atlas_date_format (day, ATLAS_PRECISION_DAY);
  /* Translators: what a screen reader says about the timeline: %1$s is a date,
   * %2$u how many events the map shows at that moment */
  text = g_strdup_printf (ngettext ("Playhead %1$s, %2$u event in range",
                                    "Playhead %1$s, %2$u events in range", n), date, n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, (double) self->first_day,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX,
                                  (double) MAX (self->end_day - 1, self->first_day),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) day,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
  /* GTK 4.8 does not pass a custom widget's value to AT-SPI, but it does pass
   * its name, and a screen reader speaks the focused widget's new name: the
   * name carries the date and the count. */
  /* Translators: the timeline's accessible name, %s is e.g. "Playhead 25 April 2020, 12 events in range" */
  name = g_strdup_printf (_("Timeline, %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
drop_visible_bins (AtlasTimelineCanvas *self)
{
  if (self->visible_bins != self->unfiltered_bins)
    atlas_time_bins_free (self->visible_bins);
  self->visible_bins = NULL;
}

static void
clear_caches (AtlasTimelineCanvas *self)
{
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->group_colors, g_free);
  g_clear_pointer (&self->event_groups, g_free);
  g_clear_pointer (&self->start_ends, g_free);
  g_clear_pointer (&self->all_bins, atlas_time_bins_free);
  drop_visible_bins (self);
  g_clear_pointer (&self->unfiltered_bins, atlas_time_bins_free);
  self->has_dates = FALSE;
  self->first_day = 0;
  self->end_day = 1;
  self->n_groups = 1;
  self->layout_valid = FALSE;
  if (self->glyphs != NULL)
    g_array_set_size (self->glyphs, 0);
}

typedef struct
{
  guint32 color;
  guint16 group;
} GroupKey;

static int
compare_group_keys (const void *a,
                    const void *b)
{
  guint32 ca = ((const GroupKey *) a)->color, cb = ((const GroupKey *) b)->color;

  return ca < cb ? -1 : ca > cb;
}

static gboolean
group_before (gconstpointer by_color,
              guint         i,
              gconstpointer color)
{
  return ((const GroupKey *) by_color)[i].color < *(const guint32 *) color;
}

/* The group of @color; the last group (grey) for a colour of none. */
static guint16
find_group (const GroupKey *by_color,
            guint           n,
            guint32         color)
{
  guint lo = atlas_bisect (by_color, n, &color, group_before);

  return lo < n && by_color[lo].color == color ? by_color[lo].group : (guint16) (n - 1);
}

/* The groups of the colours met so far, by a hash of the colour. */
#define SEEN_BITS 8

/* One pass over the dataset, so that rebuilding the histogram after a filter
 * change reads two plain arrays in order instead of each event's record: the
 * colour group of each event (sectors that share a colour stack as one) and the
 * end of the days its start may fall on (its start date at its precision). */
static void
index_events (AtlasTimelineCanvas *self)
{
  AtlasDataset *dataset = self->dataset;
  guint n_sectors = atlas_dataset_get_n_sectors (dataset);
  guint n = atlas_dataset_get_n_events (dataset);
  const gint32 *starts = atlas_dataset_get_starts (dataset);
  const gint32 *ends = atlas_dataset_get_ends (dataset);
  g_autoptr(GHashTable) groups = g_hash_table_new (NULL, NULL);
  g_autofree GroupKey *by_color = NULL;
  GroupKey seen[1 << SEEN_BITS];

  self->group_colors = g_new (guint32, MIN (n_sectors + 1, G_MAXUINT16));
  self->n_groups = 0;
  for (guint s = 0; s <= n_sectors; s++)
    {
      /* Events without a sector are grey, as the dataset colours them. */
      guint32 color = s < n_sectors ? atlas_dataset_get_sector (dataset, s)->color : 0x77767b;

      if (self->n_groups == G_MAXUINT16 || g_hash_table_contains (groups, GUINT_TO_POINTER (color)))
        continue;
      g_hash_table_insert (groups, GUINT_TO_POINTER (color), GUINT_TO_POINTER (self->n_groups + 1));
      self->group_colors[self->n_groups++] = color;
    }

  /* The groups by colour, for a binary search per colour: events come in date
   * order, so their colours change at nearly every one. A GHashTable lookup
   * per event took longer than the rest of this, and so did a binary search
   * per event (its branches go either way at random); a table of the colours
   * met, by a multiplicative hash, answers each event with one load. */
  by_color = g_new (GroupKey, MAX (self->n_groups, 1));
  for (guint g = 0; g < self->n_groups; g++)
    by_color[g] = (GroupKey) { self->group_colors[g], g };
  qsort (by_color, self->n_groups, sizeof (GroupKey), compare_group_keys);
  for (guint i = 0; i < G_N_ELEMENTS (seen); i++)
    seen[i].color = G_MAXUINT32;   /* no colour: colours are 24-bit */

  self->event_groups = g_new (guint16, MAX (n, 1));
  self->start_ends = g_new (gint32, MAX (n, 1));
  for (guint e = 0; e < n; e++)
    {
      const AtlasEvent *ev = atlas_dataset_get_event (dataset, e);
      guint32 color = atlas_dataset_get_event_color (dataset, e);
      GroupKey *slot = &seen[(color * 2654435761u) >> (32 - SEEN_BITS)];

      if (G_UNLIKELY (slot->color != color))
        *slot = (GroupKey) { color, find_group (by_color, self->n_groups, color) };
      self->event_groups[e] = slot->group;
      self->start_ends[e] = ev->has_end ? atlas_date_interval_end (starts[e], ev->precision)
                                        : ends[e];
    }
}

/* A new dataset: everything measured on the old one goes, and the view fits
 * the new one's dates. */
static void
reset_dataset (AtlasTimelineCanvas *self)
{
  AtlasDataset *dataset = self->filter != NULL ? atlas_filter_get_dataset (self->filter) : NULL;

  clear_caches (self);
  gtk_bitset_remove_all (self->highlight);
  self->selected_event = ATLAS_NONE;
  self->drag = ATLAS_DRAG_NONE;

  if (dataset == NULL)
    return;

  self->dataset = g_object_ref (dataset);
  index_events (self);

  self->has_dates = atlas_dataset_get_date_range (dataset, &self->first_day, &self->end_day);
  atlas_timeline_canvas_fit (self);
}

/* With @events NULL every event counts, in one group: the ghosts behind the
 * visible histogram. */
static AtlasTimeBins *
build_bins (AtlasTimelineCanvas *self,
            const guint32       *events,
            guint                n_events,
            guint                n_groups,
            gsize                max_cells)
{
  AtlasTimeBins *bins = atlas_time_bins_new (self->first_day, self->end_day, n_groups, max_cells);
  const gint32 *starts = atlas_dataset_get_starts (self->dataset);

  if (events == NULL)
    {
      guint n = atlas_dataset_get_n_events (self->dataset);

      for (guint e = 0; e < n; e++)
        atlas_time_bins_add (bins, 0, starts[e], self->start_ends[e]);
    }
  else
    {
      for (guint i = 0; i < n_events; i++)
        {
          guint32 e = events[i];

          atlas_time_bins_add (bins, self->event_groups[e], starts[e], self->start_ends[e]);
        }
    }

  atlas_time_bins_seal (bins);
  return bins;
}

/* The filter's dataset may have changed before our handler ran (the playhead,
 * connected earlier, reacts first): catch up whenever asked. */
static void
ensure_dataset (AtlasTimelineCanvas *self)
{
  if (self->filter != NULL && atlas_filter_get_dataset (self->filter) != self->dataset)
    reset_dataset (self);
}

void
atlas_timeline_canvas_ensure_caches (AtlasTimelineCanvas *self)
{
  ensure_dataset (self);
  if (self->dataset == NULL || !self->has_dates)
    return;

  if (self->all_bins == NULL)
    self->all_bins = build_bins (self, NULL, 0, 1, MAX_ALL_CELLS);
  if (self->visible_bins == NULL)
    {
      guint n_all = atlas_dataset_get_n_events (self->dataset), n;
      const guint32 *events;

      /* With nothing filtered out (a search cleared, a box unticked) the bins
       * are the same every time: kept, not counted again. */
      if (self->unfiltered_bins != NULL &&
          gtk_bitset_get_size (atlas_filter_get_events (self->filter)) == n_all)
        {
          self->visible_bins = self->unfiltered_bins;
          return;
        }
      events = atlas_filter_get_event_array (self->filter, &n);
      self->visible_bins = build_bins (self, events, n, self->n_groups, MAX_VISIBLE_CELLS);
      if (n == n_all)
        self->unfiltered_bins = self->visible_bins;
    }
}

static void
sync_brush_from_filter (AtlasTimelineCanvas *self)
{
  gint32 start, end;
  gboolean has;

  if (self->drag >= ATLAS_DRAG_BRUSH_NEW)
    return;

  has = atlas_filter_get_date_range (self->filter, &start, &end);
  if (has == self->has_brush && (!has || (start == self->brush_start && end == self->brush_end)))
    return;
  self->has_brush = has;
  if (has)
    {
      self->brush_start = start;
      self->brush_end = end;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* How to use the timeline, and the dataset's periods with their dates. */
static void
update_description (AtlasTimelineCanvas *self)
{
  g_autofree char *periods = atlas_timeline_describe_periods (self->filter != NULL ? atlas_filter_get_dataset (self->filter)
                                                                                   : NULL);
  g_autofree char *text = g_strdup_printf ("%s%s%s", _("Arrow keys move the playhead, Page Up and Page Down by "
                                                       "more, plus and minus zoom, Space plays"),
                                           periods != NULL ? ". " : "", periods != NULL ? periods : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
on_filter_dataset_notify_cb (AtlasTimelineCanvas *self)
{
  reset_dataset (self);
  update_description (self);
  update_accessible (self);
  atlas_timeline_canvas_invalidate_layout (self);
}

static void
on_filter_changed_cb (AtlasTimelineCanvas *self)
{
  ensure_dataset (self);
  drop_visible_bins (self);
  sync_brush_from_filter (self);
  update_accessible (self);
  atlas_timeline_canvas_invalidate_layout (self);
}

static void
on_playhead_changed_cb (AtlasTimelineCanvas *self)
{
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_selection_changed_cb (AtlasTimelineCanvas *self)
{
  AtlasDataset *dataset = atlas_selection_get_dataset (self->selection);
  guint event = atlas_selection_get_event (self->selection);
  guint location = atlas_selection_get_location (self->selection);
  guint district = atlas_selection_get_district (self->selection);

  gtk_bitset_remove_all (self->highlight);
  self->selected_event = ATLAS_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (dataset == NULL || dataset != self->dataset)
    return;

  if (event != ATLAS_NONE && event < atlas_dataset_get_n_events (dataset))
    {
      gint32 start = atlas_dataset_get_starts (dataset)[event];

      /* Selecting shows the event but never moves the playhead: what the map
       * shows at this moment stays as it is. */
      self->selected_event = event;
      gtk_bitset_add (self->highlight, event);
      atlas_timeline_canvas_show_day (self, start, FALSE);
    }
  else if (location != ATLAS_NONE && location < atlas_dataset_get_n_locations (dataset))
    {
      guint n;
      const guint32 *events = atlas_dataset_location_events (dataset, location, &n);

      for (guint i = 0; i < n; i++)
        gtk_bitset_add (self->highlight, events[i]);
    }
  else if (district != ATLAS_NONE && district < atlas_dataset_get_n_districts (dataset))
    gtk_bitset_union (self->highlight, atlas_dataset_get_district_events (dataset, district));
}

void
atlas_timeline_canvas_set_models (AtlasTimelineCanvas *self,
                                  AtlasFilter         *filter,
                                  AtlasSelection      *selection,
                                  AtlasPlayhead       *playhead)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_CANVAS (self));
  g_return_if_fail (self->filter == NULL);

  self->filter = g_object_ref (filter);
  self->selection = g_object_ref (selection);
  self->playhead = g_object_ref (playhead);

  g_signal_connect_object (filter, "notify::dataset", G_CALLBACK (on_filter_dataset_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (filter, "changed", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "changed", G_CALLBACK (on_selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (playhead, "changed", G_CALLBACK (on_playhead_changed_cb), self,
                           G_CONNECT_SWAPPED);

  reset_dataset (self);
  sync_brush_from_filter (self);
  update_accessible (self);
  atlas_timeline_canvas_invalidate_layout (self);
}

const AtlasTimeScale *
atlas_timeline_canvas_get_scale (AtlasTimelineCanvas *self)
{
  return &self->scale;
}

void
atlas_timeline_canvas_get_ticks (AtlasTimelineCanvas *self,
                                 AtlasTickChoice     *choice)
{
  atlas_timeline_canvas_measure_labels (self);
  atlas_time_scale_choose_ticks (&self->scale, self->label_px, choice);
}

gboolean
atlas_timeline_canvas_get_date_range (AtlasTimelineCanvas *self,
                                      gint32              *first_day,
                                      gint32              *end_day)
{
  ensure_dataset (self);
  *first_day = self->first_day;
  *end_day = self->end_day;
  return self->dataset != NULL && self->has_dates;
}

void
atlas_timeline_canvas_zoom_at (AtlasTimelineCanvas *self,
                               double               factor,
                               double               anchor_x)
{
  atlas_time_scale_zoom (&self->scale, factor, anchor_x);
  atlas_timeline_canvas_view_changed (self);
}

/* Zooms around the playhead when it is in view, so keyboard zooming keeps the
 * moment the user is looking at; around the centre otherwise. */
void
atlas_timeline_canvas_zoom (AtlasTimelineCanvas *self,
                            double               factor)
{
  double anchor = self->scale.width / 2.0;

  if (self->playhead != NULL)
    {
      double x = atlas_time_scale_day_to_x (&self->scale,
                                            atlas_playhead_get_day (self->playhead) + 0.5);

      if (x >= 0 && x <= self->scale.width)
        anchor = x;
    }
  atlas_timeline_canvas_zoom_at (self, factor, anchor);
}

void
atlas_timeline_canvas_pan (AtlasTimelineCanvas *self,
                           double               fraction)
{
  atlas_time_scale_pan (&self->scale, fraction * self->scale.width);
  atlas_timeline_canvas_view_changed (self);
}

static void
fit_width (AtlasTimelineCanvas *self,
           double               width)
{
  ensure_dataset (self);
  self->scale.width = MAX (width, 1);
  if (self->dataset != NULL && self->has_dates)
    atlas_time_scale_fit (&self->scale, self->first_day, self->end_day, MIN (24.0, width / 8.0));
  else
    atlas_time_scale_init (&self->scale, atlas_date_from_civil (2019, 1, 1),
                           atlas_date_from_civil (2022, 1, 1), self->scale.width);
  self->fitted = TRUE;
  atlas_timeline_canvas_invalidate_layout (self);
}

void
atlas_timeline_canvas_fit (AtlasTimelineCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  fit_width (self, width > 0 ? width : self->scale.width);
}

/**
 * atlas_timeline_canvas_show_day:
 * @self: a canvas
 * @day: a day to bring into view
 * @follow: page the view as a playhead moving forward would (the day lands near
 *   the left edge), rather than centring it
 */
void
atlas_timeline_canvas_show_day (AtlasTimelineCanvas *self,
                                gint32               day,
                                gboolean             follow)
{
  double x = atlas_time_scale_day_to_x (&self->scale, day + 0.5);
  double w = self->scale.width;

  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return;
  if (follow)
    {
      if (x > w - 4.0)
        atlas_time_scale_pan (&self->scale, 0.1 * w - x);
      else if (x < 4.0)
        atlas_time_scale_pan (&self->scale, 0.9 * w - x);
      else
        return;
    }
  else
    {
      if (x >= 0.05 * w && x <= 0.95 * w)
        return;
      atlas_time_scale_pan (&self->scale, 0.5 * w - x);
    }
  atlas_timeline_canvas_view_changed (self);
}

void
atlas_timeline_canvas_set_range (AtlasTimelineCanvas *self,
                                 gint32               start,
                                 gint32               end)
{
  if (self->filter == NULL || end <= start)
    return;
  self->has_brush = TRUE;
  self->brush_start = start;
  self->brush_end = end;
  atlas_intent_emit_range (self, ATLAS_INTENT_SET_DATE_RANGE, start, end, ATLAS_ORIGIN_TIMELINE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
atlas_timeline_canvas_clear_range (AtlasTimelineCanvas *self)
{
  self->has_brush = FALSE;
  if (self->filter != NULL)
    atlas_intent_emit_range (self, ATLAS_INTENT_CLEAR_DATE_RANGE, 0, 0, ATLAS_ORIGIN_TIMELINE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
atlas_timeline_canvas_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  AtlasTimelineCanvas *self = ATLAS_TIMELINE_CANVAS (widget);

  /* A view showing all dates keeps doing so as the window resizes; one the
   * user zoomed keeps its scale and shows more or less time. */
  if (self->fitted && width > 0 && width != self->scale.width)
    fit_width (self, width);
  else if (width != self->scale.width)
    atlas_time_scale_set_width (&self->scale, width);
  self->layout_valid = FALSE;
}

static void
atlas_timeline_canvas_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  /* Narrow is allowed (the window may be 360 px wide, the controls take most
   * of that); the view just shows less time, or a histogram. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 60;
      *natural = 600;
    }
  else
    {
      *minimum = (int) (ATLAS_TIMELINE_BRUSH_HEIGHT + ATLAS_TIMELINE_AXIS_HEIGHT + 24);
      *natural = *minimum + 40;
    }
}

static void
atlas_timeline_canvas_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  atlas_timeline_canvas_render (ATLAS_TIMELINE_CANVAS (widget), snapshot);
}

static void
atlas_timeline_canvas_dispose (GObject *object)
{
  AtlasTimelineCanvas *self = (AtlasTimelineCanvas *) object;

  clear_caches (self);
  g_clear_object (&self->filter);
  g_clear_object (&self->selection);
  g_clear_object (&self->playhead);

  G_OBJECT_CLASS (atlas_timeline_canvas_parent_class)->dispose (object);
}

static void
atlas_timeline_canvas_finalize (GObject *object)
{
  AtlasTimelineCanvas *self = (AtlasTimelineCanvas *) object;

  g_clear_pointer (&self->glyphs, g_array_unref);
  g_clear_pointer (&self->highlight, gtk_bitset_unref);

  G_OBJECT_CLASS (atlas_timeline_canvas_parent_class)->finalize (object);
}

static void
atlas_timeline_canvas_class_init (AtlasTimelineCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; GdkModifierType mods; const char *action; } keys[] = {
    { GDK_KEY_Left, 0, "timeline.step-back" },
    { GDK_KEY_KP_Left, 0, "timeline.step-back" },
    { GDK_KEY_Right, 0, "timeline.step-forward" },
    { GDK_KEY_KP_Right, 0, "timeline.step-forward" },
    { GDK_KEY_Page_Down, 0, "timeline.page-back" },
    { GDK_KEY_KP_Page_Down, 0, "timeline.page-back" },
    { GDK_KEY_Page_Up, 0, "timeline.page-forward" },
    { GDK_KEY_KP_Page_Up, 0, "timeline.page-forward" },
    { GDK_KEY_Home, 0, "timeline.first" },
    { GDK_KEY_KP_Home, 0, "timeline.first" },
    { GDK_KEY_End, 0, "timeline.last" },
    { GDK_KEY_KP_End, 0, "timeline.last" },
    { GDK_KEY_plus, 0, "timeline.zoom-in" },
    { GDK_KEY_equal, 0, "timeline.zoom-in" },
    { GDK_KEY_KP_Add, 0, "timeline.zoom-in" },
    { GDK_KEY_minus, 0, "timeline.zoom-out" },
    { GDK_KEY_KP_Subtract, 0, "timeline.zoom-out" },
    { GDK_KEY_0, 0, "timeline.fit" },
    { GDK_KEY_KP_0, 0, "timeline.fit" },
    { GDK_KEY_Left, GDK_CONTROL_MASK, "timeline.pan-back" },
    { GDK_KEY_Right, GDK_CONTROL_MASK, "timeline.pan-forward" },
    { GDK_KEY_space, 0, "timeline.play" },
    { GDK_KEY_KP_Space, 0, "timeline.play" },
    { GDK_KEY_bracketleft, 0, "timeline.range-start" },
    { GDK_KEY_bracketright, 0, "timeline.range-end" },
    { GDK_KEY_Escape, 0, "timeline.clear-range" },
  };

  object_class->dispose = atlas_timeline_canvas_dispose;
  object_class->finalize = atlas_timeline_canvas_finalize;

  widget_class->measure = atlas_timeline_canvas_measure;
  widget_class->size_allocate = atlas_timeline_canvas_size_allocate;
  widget_class->snapshot = atlas_timeline_canvas_snapshot;
  widget_class->query_tooltip = atlas_timeline_canvas_query_tooltip;

  /* The actions live on AtlasTimeline, so the toolbar shares them; the keys
   * act only while the canvas has the focus, leaving arrows to move the focus
   * around the toolbar. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].key, keys[i].mods, keys[i].action,
                                         NULL);

  gtk_widget_class_set_css_name (widget_class, "timeline-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
atlas_timeline_canvas_init (AtlasTimelineCanvas *self)
{
  self->glyphs = g_array_new (FALSE, FALSE, sizeof (AtlasGlyph));
  self->highlight = gtk_bitset_new_empty ();
  self->selected_event = ATLAS_NONE;
  self->n_groups = 1;
  self->end_day = 1;
  self->fitted = TRUE;
  atlas_time_scale_init (&self->scale, 0, 365, 600);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  atlas_timeline_canvas_init_input (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);
  update_description (self);
}

GtkWidget *
atlas_timeline_canvas_new (void)
{
  return g_object_new (ATLAS_TYPE_TIMELINE_CANVAS, NULL);
}
