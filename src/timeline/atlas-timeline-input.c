/* atlas-timeline-input.c
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
 * Pointer input of the canvas. One scheme, told in the tooltip: a click moves
 * the playhead (or selects the event under it); a drag on the events pans; a
 * press or drag on the dates scrubs; shift-drag, or a drag in the strip along the
 * top, draws a date range, which the strip lets move and resize by its edges;
 * scrolling and pinching zoom around the pointer.
 *
 * Press, motion and release are plain functions the gestures call, so tests can
 * drive exactly the same code without synthesizing events.
 */

/* Pointer travel, in pixels, before a press becomes a drag. */
#define DRAG_THRESHOLD 4.0
/* How close to a brush edge grabs it, in pixels. */
#define EDGE_GRAB 6.0
/* The whole scheme, as the tooltip tells it away from any event. */
#define USAGE \
  N_("Click to move the playhead or select an event; drag the dates to scrub.\n" \
     "Drag to pan; scroll, pinch or press + and − to zoom.\n" \
     "Shift-drag, or drag along the top strip, to filter a date range; " \
     "in the strip, drag the range to move it or its edges to resize it. " \
     "Double-click outside it or press Escape to clear it.")
/* The brush follows the pointer into the filter live up to this many events;
 * beyond, on release only, since each change recomputes the visible sets. */
#define LIVE_BRUSH_EVENTS 200000

static void
set_playhead_at (AtlasTimelineCanvas *self,
                 double               x)
{
  double day = floor (atlas_time_scale_x_to_day (&self->scale, x));

  if (self->playhead == NULL || self->dataset == NULL || !self->has_dates)
    return;
  day = CLAMP (day, self->first_day, self->end_day - 1);
  atlas_intent_emit_range (self, ATLAS_INTENT_SEEK, (gint32) day, (gint32) day + 1, ATLAS_ORIGIN_TIMELINE);
}

/* Brush edges snap to the finer ticks on screen: months when months are
 * ticked, days when days are. */
static gint32
snap_day (AtlasTimelineCanvas *self,
          double               x)
{
  AtlasTickChoice ticks;

  atlas_timeline_canvas_get_ticks (self, &ticks);
  return atlas_time_step_round (ticks.has_minor ? ticks.minor : ticks.major,
                                atlas_time_scale_x_to_day (&self->scale, x));
}

static void
update_brush (AtlasTimelineCanvas *self,
              gint32               start,
              gint32               end)
{
  if (end <= start)
    return;
  self->has_brush = TRUE;
  self->brush_start = start;
  self->brush_end = end;
  if (self->dataset != NULL && atlas_dataset_get_n_events (self->dataset) <= LIVE_BRUSH_EVENTS)
    atlas_intent_emit_range (self, ATLAS_INTENT_SET_DATE_RANGE, start, end, ATLAS_ORIGIN_TIMELINE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
in_brush (AtlasTimelineCanvas *self,
          double               x)
{
  return self->has_brush &&
         x >= atlas_time_scale_day_to_x (&self->scale, self->brush_start) &&
         x <= atlas_time_scale_day_to_x (&self->scale, self->brush_end);
}

static AtlasDragMode
mode_at (AtlasTimelineCanvas *self,
         double               x,
         double               y,
         GdkModifierType      state)
{
  double axis_y = atlas_timeline_canvas_get_axis_y (self);

  if (state & GDK_SHIFT_MASK)
    return ATLAS_DRAG_BRUSH_NEW;
  if (y < ATLAS_TIMELINE_BRUSH_HEIGHT)
    {
      if (self->has_brush)
        {
          double bx0 = atlas_time_scale_day_to_x (&self->scale, self->brush_start);
          double bx1 = atlas_time_scale_day_to_x (&self->scale, self->brush_end);

          if (fabs (x - bx0) <= EDGE_GRAB && fabs (x - bx0) <= fabs (x - bx1))
            return ATLAS_DRAG_BRUSH_START;
          if (fabs (x - bx1) <= EDGE_GRAB)
            return ATLAS_DRAG_BRUSH_END;
          if (x > bx0 && x < bx1)
            return ATLAS_DRAG_BRUSH_MOVE;
        }
      return ATLAS_DRAG_BRUSH_NEW;
    }
  if (y >= axis_y)
    return ATLAS_DRAG_SCRUB;
  if (self->playhead != NULL &&
      fabs (x - atlas_time_scale_day_to_x (&self->scale,
                                           atlas_playhead_get_day (self->playhead) + 0.5)) <= 4.0)
    return ATLAS_DRAG_SCRUB;
  return ATLAS_DRAG_PENDING;
}

void
atlas_timeline_canvas_pointer_press (AtlasTimelineCanvas *self,
                                     double               x,
                                     double               y,
                                     GdkModifierType      state,
                                     guint32              time_ms)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  int double_time = 400, double_distance = 5;

  g_object_get (settings, "gtk-double-click-time", &double_time,
                "gtk-double-click-distance", &double_distance, NULL);

  self->press_x = self->last_x = x;
  self->press_y = y;
  self->moved = FALSE;

  /* A double click outside the brush clears it. */
  if (self->last_click_time != 0 && time_ms - self->last_click_time <= (guint32) double_time &&
      fabs (x - self->last_click_x) <= double_distance &&
      fabs (y - self->last_click_y) <= double_distance &&
      self->has_brush && !in_brush (self, x))
    {
      self->last_click_time = 0;
      self->drag = ATLAS_DRAG_NONE;
      atlas_timeline_canvas_clear_range (self);
      return;
    }
  self->last_click_time = time_ms;
  self->last_click_x = x;
  self->last_click_y = y;

  self->drag = mode_at (self, x, y, state);
  self->drag_brush_start = self->brush_start;
  self->drag_brush_end = self->brush_end;
  self->drag_anchor_day = atlas_time_scale_x_to_day (&self->scale, x);
  if (self->drag == ATLAS_DRAG_SCRUB)
    set_playhead_at (self, x);
}

void
atlas_timeline_canvas_pointer_motion (AtlasTimelineCanvas *self,
                                      double               x,
                                      double               y)
{
  double dx = x - self->last_x;

  if (self->drag == ATLAS_DRAG_NONE)
    return;
  if (!self->moved && fabs (x - self->press_x) < DRAG_THRESHOLD &&
      fabs (y - self->press_y) < DRAG_THRESHOLD)
    return;
  if (!self->moved)
    {
      self->moved = TRUE;
      self->last_click_time = 0;
      dx = x - self->press_x;
    }
  self->last_x = x;

  switch (self->drag)
    {
    case ATLAS_DRAG_PENDING:
      self->drag = ATLAS_DRAG_PAN;
      G_GNUC_FALLTHROUGH;
    case ATLAS_DRAG_PAN:
      atlas_time_scale_pan (&self->scale, dx);
      atlas_timeline_canvas_view_changed (self);
      break;

    case ATLAS_DRAG_SCRUB:
      set_playhead_at (self, x);
      break;

    case ATLAS_DRAG_BRUSH_NEW:
      {
        gint32 a = snap_day (self, self->press_x);
        gint32 b = snap_day (self, x);

        if (a == b)
          break;
        update_brush (self, MIN (a, b), MAX (a, b));
      }
      break;

    case ATLAS_DRAG_BRUSH_MOVE:
      {
        gint32 length = self->drag_brush_end - self->drag_brush_start;
        double delta = atlas_time_scale_x_to_day (&self->scale, x) - self->drag_anchor_day;
        gint32 start = snap_day (self, atlas_time_scale_day_to_x (&self->scale,
                                                                  self->drag_brush_start + delta));

        update_brush (self, start, start + length);
      }
      break;

    case ATLAS_DRAG_BRUSH_START:
      update_brush (self, MIN (snap_day (self, x), self->brush_end - 1), self->brush_end);
      break;

    case ATLAS_DRAG_BRUSH_END:
      update_brush (self, self->brush_start, MAX (snap_day (self, x), self->brush_start + 1));
      break;

    case ATLAS_DRAG_NONE:
    default:
      break;
    }
}

void
atlas_timeline_canvas_pointer_release (AtlasTimelineCanvas *self,
                                       double               x,
                                       double               y)
{
  AtlasDragMode drag = self->drag;

  atlas_timeline_canvas_pointer_motion (self, x, y);
  self->drag = ATLAS_DRAG_NONE;

  if (!self->moved && (drag == ATLAS_DRAG_PENDING || drag == ATLAS_DRAG_BRUSH_NEW ||
                       drag == ATLAS_DRAG_BRUSH_MOVE))
    {
      guint event = atlas_timeline_canvas_event_at (self, x, y);
      guint period = atlas_timeline_canvas_period_at (self, x, y);

      if (event != ATLAS_NONE)
        atlas_intent_emit_select (self, ATLAS_INTENT_SELECT_EVENT, event, ATLAS_ORIGIN_TIMELINE);
      else if (period != ATLAS_NONE)
        atlas_timeline_canvas_set_range (self, atlas_dataset_get_period (self->dataset, period)->start,
                                         atlas_dataset_get_period (self->dataset, period)->end);
      else
        set_playhead_at (self, x);
    }
  else if (self->moved && drag >= ATLAS_DRAG_BRUSH_NEW && self->has_brush)
    atlas_intent_emit_range (self, ATLAS_INTENT_SET_DATE_RANGE, self->brush_start, self->brush_end,
                             ATLAS_ORIGIN_TIMELINE);
}

static void
on_drag_begin_cb (AtlasTimelineCanvas *self,
                  double               x,
                  double               y,
                  GtkGestureDrag      *gesture)
{
  GtkEventController *controller = GTK_EVENT_CONTROLLER (gesture);

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  atlas_timeline_canvas_pointer_press (self, x, y,
                                       gtk_event_controller_get_current_event_state (controller),
                                       gtk_event_controller_get_current_event_time (controller));
}

static void
on_drag_update_cb (AtlasTimelineCanvas *self,
                   double               dx,
                   double               dy,
                   GtkGestureDrag      *gesture)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  atlas_timeline_canvas_pointer_motion (self, x + dx, y + dy);
}

static void
on_drag_end_cb (AtlasTimelineCanvas *self,
                double               dx,
                double               dy,
                GtkGestureDrag      *gesture)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  atlas_timeline_canvas_pointer_release (self, x + dx, y + dy);
}

static void
on_drag_cancel_cb (AtlasTimelineCanvas *self)
{
  /* A pinch took over: neither a click nor a finished brush, so the brush goes
   * back to the filter's range. */
  self->drag = ATLAS_DRAG_NONE;
  if (self->filter != NULL)
    self->has_brush = atlas_filter_get_date_range (self->filter, &self->brush_start,
                                                   &self->brush_end);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_scroll_cb (AtlasTimelineCanvas      *self,
              double                    dx,
              double                    dy,
              GtkEventControllerScroll *controller)
{
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  double x = self->pointer_x >= 0 ? self->pointer_x : self->scale.width / 2.0;

  if (fabs (dx) > fabs (dy))
    atlas_time_scale_pan (&self->scale, -dx * (wheel ? 48.0 : 1.0));
  else
    atlas_time_scale_zoom (&self->scale, pow (1.2, -dy / (wheel ? 1.0 : 20.0)), x);
  atlas_timeline_canvas_view_changed (self);
  return GDK_EVENT_STOP;
}

static void
on_zoom_begin_cb (AtlasTimelineCanvas *self)
{
  self->zoom_begin_span = atlas_time_scale_get_span (&self->scale);
}

static void
on_zoom_scale_changed_cb (AtlasTimelineCanvas *self,
                          double               scale,
                          GtkGestureZoom      *gesture)
{
  double x, y, target_span;

  if (!(scale > 0.0) || !gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  /* The gesture's scale is relative to its start; the canvas zooms by steps. */
  target_span = self->zoom_begin_span / scale;
  atlas_timeline_canvas_zoom_at (self, atlas_time_scale_get_span (&self->scale) / target_span, x);
}

static void
on_motion_cb (AtlasTimelineCanvas *self,
              double               x,
              double               y)
{
  const char *cursor = NULL;

  self->pointer_x = x;
  if (self->drag == ATLAS_DRAG_PAN)
    cursor = "grabbing";
  else
    {
      switch (mode_at (self, x, y, 0))
        {
        case ATLAS_DRAG_BRUSH_START:
        case ATLAS_DRAG_BRUSH_END:
        case ATLAS_DRAG_SCRUB:
          cursor = "ew-resize";
          break;
        case ATLAS_DRAG_BRUSH_MOVE:
          cursor = "move";
          break;
        case ATLAS_DRAG_BRUSH_NEW:
          cursor = "crosshair";
          break;
        case ATLAS_DRAG_PENDING:
          cursor = atlas_timeline_canvas_event_at (self, x, y) != ATLAS_NONE ? "pointer" : NULL;
          break;
        case ATLAS_DRAG_NONE:
        case ATLAS_DRAG_PAN:
        default:
          break;
        }
    }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static void
on_motion_leave_cb (AtlasTimelineCanvas *self)
{
  self->pointer_x = -1;
}

gboolean
atlas_timeline_canvas_query_tooltip (GtkWidget  *widget,
                                     int         x,
                                     int         y,
                                     gboolean    keyboard,
                                     GtkTooltip *tooltip)
{
  AtlasTimelineCanvas *self = ATLAS_TIMELINE_CANVAS (widget);
  guint event = keyboard ? self->selected_event : atlas_timeline_canvas_event_at (self, x, y);

  if (event != ATLAS_NONE && self->dataset != NULL &&
      event < atlas_dataset_get_n_events (self->dataset))
    {
      const AtlasEvent *ev = atlas_dataset_get_event (self->dataset, event);
      gint32 start = atlas_dataset_get_starts (self->dataset)[event];
      g_autofree char *date = NULL;
      g_autofree char *text = NULL;

      if (ev->has_end)
        date = atlas_date_format_range (
            start, ev->precision,
            atlas_date_floor (atlas_dataset_get_ends (self->dataset)[event] - 1, ev->end_precision),
            ev->end_precision);
      else
        date = atlas_date_format (start, ev->precision);
      text = g_strdup_printf ("%s\n%s", atlas_localized (ev->title, ev->title_zh), date);
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }

  gtk_tooltip_set_text (tooltip, _(USAGE));
  return TRUE;
}

void
atlas_timeline_canvas_init_input (AtlasTimelineCanvas *self)
{
  GtkGesture *drag, *zoom;
  GtkEventController *scroll, *motion;

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "cancel", G_CALLBACK (on_drag_cancel_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect_object (zoom, "begin", G_CALLBACK (on_zoom_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (on_scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_motion_leave_cb), self,
                           G_CONNECT_SWAPPED);
  self->pointer_x = -1;
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}
