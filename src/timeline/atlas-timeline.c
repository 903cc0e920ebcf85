/* atlas-timeline.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-timeline-canvas-private.h"
#include "atlas-timeline-private.h"

/*
 * The timeline view: a column of controls beside the canvas. It owns the actions (the
 * toolbar's buttons and the canvas's keys both use them) and drives playback:
 * the playhead is pure state, and this widget moves its day from the frame
 * clock while it is playing. The map and the counts follow because they listen
 * to the playhead, not to this widget.
 *
 * Playback speed: at 1× the playhead crosses the visible time in
 * ATLAS_TIMELINE_PLAY_SECONDS (20 s), so the pace on screen is the same at any
 * zoom; 2× takes 10 s. The view pages along when the playhead leaves it.
 * Playback runs over the date filter's range when there is one, else over the
 * dataset's dates.
 */

struct _AtlasTimeline
{
  GtkWidget parent_instance;

  GtkWidget *toolbar;
  AtlasTimelineCanvas *canvas;
  GtkWidget *play_button;
  GtkDropDown *speed_dropdown;
  GtkToggleButton *loop_button;
  GtkDropDown *mode_dropdown;
  GtkDropDown *window_dropdown;
  GtkWidget *clear_button;
  GtkWidget *separator;

  AtlasFilter *filter;
  AtlasSelection *selection;
  AtlasPlayhead *playhead;

  guint tick_id;
  gint64 last_frame_time;
  double play_pos;
};

static void
atlas_timeline_intent_source_init (AtlasIntentSourceInterface *iface)
{
}

/* The timeline speaks for its canvas: one source for the coordinator to watch. */
G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasTimeline, atlas_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ATLAS_TYPE_INTENT_SOURCE,
                                                      atlas_timeline_intent_source_init))

static const double speeds[] = { 0.5, 1.0, 2.0, 4.0, 8.0 };
static const guint window_lengths[] = { 7, 30, 91, 182, 365, 730, 1826 };

#define ZOOM_STEP 1.5

static gboolean
get_play_bounds (AtlasTimeline *self,
                 gint32        *first,
                 gint32        *end)
{
  if (self->filter != NULL && atlas_filter_get_date_range (self->filter, first, end))
    return TRUE;
  return atlas_timeline_canvas_get_date_range (self->canvas, first, end);
}

static void
move_playhead (AtlasTimeline *self,
               gint64         day)
{
  gint32 first, end;

  if (self->playhead == NULL || !atlas_timeline_canvas_get_date_range (self->canvas, &first, &end))
    return;
  day = CLAMP (day, first, (gint64) end - 1);
  atlas_intent_emit_range (self, ATLAS_INTENT_SEEK, (gint32) day, (gint32) day + 1, ATLAS_ORIGIN_TIMELINE);
  atlas_timeline_canvas_show_day (self->canvas, (gint32) day, TRUE);
}

/**
 * atlas_timeline_advance:
 * @self: a timeline
 * @seconds: time elapsed since the last frame
 *
 * Moves a playing playhead on by what @seconds of playback cover, stopping at
 * the end or wrapping round when looping.
 */
void
atlas_timeline_advance (AtlasTimeline *self,
                        double         seconds)
{
  gint32 first, end, day;
  double rate;

  if (self->playhead == NULL || !get_play_bounds (self, &first, &end))
    return;

  /* The user may have scrubbed since the last frame: start from there. */
  day = atlas_playhead_get_day (self->playhead);
  if ((gint32) floor (self->play_pos) != day)
    self->play_pos = day;

  rate = atlas_time_scale_get_span (atlas_timeline_canvas_get_scale (self->canvas)) /
         ATLAS_TIMELINE_PLAY_SECONDS * atlas_playhead_get_speed (self->playhead);
  self->play_pos = MAX (self->play_pos + seconds * rate, first);
  if (self->play_pos >= end)
    {
      if (atlas_playhead_get_loop (self->playhead))
        self->play_pos = first;
      else
        {
          self->play_pos = end - 1;
          move_playhead (self, end - 1);
          atlas_playhead_set_playing (self->playhead, FALSE);
          return;
        }
    }
  move_playhead (self, (gint64) floor (self->play_pos));
}

static gboolean
on_frame_tick_cb (GtkWidget     *widget,
                  GdkFrameClock *frame_clock,
                  gpointer       user_data)
{
  AtlasTimeline *self = ATLAS_TIMELINE (widget);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);

  if (self->playhead == NULL || !atlas_playhead_get_playing (self->playhead))
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  /* Frame-clock deltas, capped so a stalled frame does not leap ahead. */
  if (self->last_frame_time != 0)
    atlas_timeline_advance (self,
                            MIN ((now - self->last_frame_time) / (double) G_USEC_PER_SEC, 0.25));
  self->last_frame_time = now;

  if (!atlas_playhead_get_playing (self->playhead))
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
update_play_button (AtlasTimeline *self)
{
  gboolean playing = self->playhead != NULL && atlas_playhead_get_playing (self->playhead);
  const char *icon = playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic";

  gtk_button_set_icon_name (GTK_BUTTON (self->play_button), icon);
  gtk_widget_set_tooltip_text (self->play_button, playing ? _("Pause (Space)") : _("Play (Space)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, playing ? _("Pause") : _("Play"),
                                  -1);
}

static void
on_playhead_playing_notify_cb (AtlasTimeline *self)
{
  gboolean playing = atlas_playhead_get_playing (self->playhead);

  update_play_button (self);
  if (playing)
    {
      gint32 first, end, day = atlas_playhead_get_day (self->playhead);

      /* Playing from the end (where a new dataset puts the playhead) starts over. */
      if (get_play_bounds (self, &first, &end) && (day >= end - 1 || day < first))
        move_playhead (self, first);
      self->play_pos = atlas_playhead_get_day (self->playhead);
      if (self->tick_id == 0)
        {
          self->last_frame_time = 0;
          self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_frame_tick_cb, NULL,
                                                        NULL);
        }
    }
  else if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

static guint
nearest_index (const double *values,
               guint         n,
               double        value)
{
  guint best = 0;

  for (guint i = 1; i < n; i++)
    {
      if (fabs (log (values[i] / value)) < fabs (log (values[best] / value)))
        best = i;
    }
  return best;
}

static void
sync_controls (AtlasTimeline *self)
{
  double lengths[G_N_ELEMENTS (window_lengths)];
  guint speed, length;
  gboolean window;

  if (self->playhead == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (window_lengths); i++)
    lengths[i] = window_lengths[i];
  speed = nearest_index (speeds, G_N_ELEMENTS (speeds), atlas_playhead_get_speed (self->playhead));
  length = nearest_index (lengths, G_N_ELEMENTS (lengths),
                          MAX (atlas_playhead_get_window_days (self->playhead), 1));
  window = atlas_playhead_get_mode (self->playhead) == ATLAS_PLAYHEAD_WINDOW;

  /* Setting a dropdown to what it shows emits nothing, so no loop back. */
  if (gtk_drop_down_get_selected (self->speed_dropdown) != speed)
    gtk_drop_down_set_selected (self->speed_dropdown, speed);
  if (gtk_drop_down_get_selected (self->window_dropdown) != length)
    gtk_drop_down_set_selected (self->window_dropdown, length);
  if (gtk_drop_down_get_selected (self->mode_dropdown) != (guint) window)
    gtk_drop_down_set_selected (self->mode_dropdown, window);
  if (gtk_toggle_button_get_active (self->loop_button) != atlas_playhead_get_loop (self->playhead))
    gtk_toggle_button_set_active (self->loop_button, atlas_playhead_get_loop (self->playhead));
  gtk_widget_set_sensitive (GTK_WIDGET (self->window_dropdown), window);
}

static void
update_range (AtlasTimeline *self)
{
  gint32 start, end;
  gboolean has_range = self->filter != NULL &&
                       atlas_filter_get_date_range (self->filter, &start, &end);
  gboolean has_dates = atlas_timeline_canvas_get_date_range (self->canvas, &(gint32) { 0 },
                                                             &(gint32) { 0 });

  /* The canvas shows the range on the brush; the button's tooltip repeats it. */
  if (has_range)
    {
      g_autofree char *range = atlas_timeline_format_range (start, end);
      /* Translators: %s is a range of dates, "1 April 2021 – 30 April 2021" */
      g_autofree char *tooltip = g_strdup_printf (_("Clear the date filter, %s (Escape)"), range);

      gtk_widget_set_tooltip_text (self->clear_button, tooltip);
    }
  else
    gtk_widget_set_tooltip_text (self->clear_button, _("Clear the date filter (Escape)"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.clear-range", has_range);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.range-start", has_dates);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.range-end", has_dates);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.play", has_dates);
}

static void
on_filter_changed_cb (AtlasTimeline *self)
{
  update_range (self);
}

static void
on_playhead_notify_cb (AtlasTimeline *self)
{
  sync_controls (self);
}

static void
on_filter_dataset_notify_cb (AtlasTimeline *self)
{
  if (self->playhead != NULL)
    atlas_playhead_set_playing (self->playhead, FALSE);
  update_range (self);
}

static void
on_speed_selected_notify_cb (AtlasTimeline *self)
{
  guint i = gtk_drop_down_get_selected (self->speed_dropdown);

  if (self->playhead != NULL && i < G_N_ELEMENTS (speeds))
    atlas_playhead_set_speed (self->playhead, speeds[i]);
}

static void
on_loop_active_notify_cb (AtlasTimeline *self)
{
  if (self->playhead != NULL)
    atlas_playhead_set_loop (self->playhead, gtk_toggle_button_get_active (self->loop_button));
}

static void
on_mode_selected_notify_cb (AtlasTimeline *self)
{
  if (self->playhead != NULL)
    atlas_playhead_set_mode (self->playhead, gtk_drop_down_get_selected (self->mode_dropdown) == 1
                                             ? ATLAS_PLAYHEAD_WINDOW : ATLAS_PLAYHEAD_CUMULATIVE);
}

static void
on_window_selected_notify_cb (AtlasTimeline *self)
{
  guint i = gtk_drop_down_get_selected (self->window_dropdown);

  if (self->playhead != NULL && i < G_N_ELEMENTS (window_lengths))
    atlas_playhead_set_window_days (self->playhead, window_lengths[i]);
}

static void
step_playhead (AtlasTimeline *self,
               int            n,
               gboolean       page)
{
  AtlasTickChoice ticks;

  if (self->playhead == NULL)
    return;
  atlas_timeline_canvas_get_ticks (self->canvas, &ticks);
  move_playhead (self, atlas_time_step_add (page ? ticks.page : ticks.major,
                                            atlas_playhead_get_day (self->playhead), n));
}

static void
timeline_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AtlasTimeline *self = ATLAS_TIMELINE (widget);
  const char *name = action_name + strlen ("timeline.");
  gint32 first = 0, end = 0, start, stop;
  gboolean has_dates = atlas_timeline_canvas_get_date_range (self->canvas, &first, &end);
  gint32 day = self->playhead != NULL ? atlas_playhead_get_day (self->playhead) : 0;

  if (g_str_equal (name, "play"))
    {
      if (self->playhead != NULL && has_dates)
        atlas_playhead_set_playing (self->playhead, !atlas_playhead_get_playing (self->playhead));
    }
  else if (g_str_equal (name, "step-back"))
    step_playhead (self, -1, FALSE);
  else if (g_str_equal (name, "step-forward"))
    step_playhead (self, 1, FALSE);
  else if (g_str_equal (name, "page-back"))
    step_playhead (self, -1, TRUE);
  else if (g_str_equal (name, "page-forward"))
    step_playhead (self, 1, TRUE);
  else if (g_str_equal (name, "first"))
    move_playhead (self, first);
  else if (g_str_equal (name, "last"))
    move_playhead (self, (gint64) end - 1);
  else if (g_str_equal (name, "zoom-in"))
    atlas_timeline_canvas_zoom (self->canvas, ZOOM_STEP);
  else if (g_str_equal (name, "zoom-out"))
    atlas_timeline_canvas_zoom (self->canvas, 1.0 / ZOOM_STEP);
  else if (g_str_equal (name, "fit"))
    atlas_timeline_canvas_fit (self->canvas);
  else if (g_str_equal (name, "pan-back"))
    atlas_timeline_canvas_pan (self->canvas, 0.25);
  else if (g_str_equal (name, "pan-forward"))
    atlas_timeline_canvas_pan (self->canvas, -0.25);
  else if (g_str_equal (name, "clear-range"))
    atlas_timeline_canvas_clear_range (self->canvas);
  else if (g_str_equal (name, "range-start") && has_dates)
    {
      /* "[" and "]" set the range's edges at the playhead: the keyboard's brush. */
      if (!atlas_filter_get_date_range (self->filter, &start, &stop) || stop <= day)
        stop = MAX (end, day + 1);
      atlas_timeline_canvas_set_range (self->canvas, day, stop);
    }
  else if (g_str_equal (name, "range-end") && has_dates)
    {
      if (!atlas_filter_get_date_range (self->filter, &start, &stop) || start > day)
        start = MIN (first, day);
      atlas_timeline_canvas_set_range (self->canvas, start, day + 1);
    }
}

static GtkWidget *
tool_button (const char *icon_name,
             const char *action_name,
             const char *tooltip,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return button;
}

static GtkDropDown *
tool_dropdown (const char * const *items,
               const char         *tooltip,
               const char         *label)
{
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (items);

  gtk_widget_set_tooltip_text (dropdown, tooltip);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  /* GTK 4.8's drop-down is a toggle button inside: name it too, or a screen
   * reader meets an unnamed button. */
  for (GtkWidget *child = gtk_widget_get_first_child (dropdown); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  return GTK_DROP_DOWN (dropdown);
}

static GtkBox *
toolbar_row (GtkBox *toolbar)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_box_append (toolbar, row);
  return GTK_BOX (row);
}

/* The controls stand in a column beside the canvas rather than in a row above
 * it: the timeline is short, and every pixel of height is a lane of events. */
static void
build_toolbar (AtlasTimeline *self)
{
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
  const char *speed_items[] = { _("0.5×"), _("1×"), _("2×"), _("4×"), _("8×"), NULL };
  const char *mode_items[] = { _("Cumulative"), _("Window"), NULL };
  const char *window_items[] = { _("1 week"), _("1 month"), _("3 months"), _("6 months"),
                                 _("1 year"), _("2 years"), _("5 years"), NULL };
  GtkBox *row;
  GtkWidget *spacer;

  self->toolbar = GTK_WIDGET (box);
  /* The dropdowns fill their rows; that must not widen the column. */
  gtk_widget_set_hexpand (self->toolbar, FALSE);
  gtk_widget_set_valign (self->toolbar, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (self->toolbar, 6);
  gtk_widget_set_margin_end (self->toolbar, 6);
  gtk_widget_set_margin_top (self->toolbar, 4);
  gtk_widget_set_margin_bottom (self->toolbar, 4);

  row = toolbar_row (box);
  self->play_button = tool_button ("media-playback-start-symbolic", "timeline.play",
                                   _("Play (Space)"), _("Play"));
  gtk_box_append (row, self->play_button);
  self->speed_dropdown = tool_dropdown (speed_items,
                                        _("Playback speed: at 1× the playhead crosses the visible "
                                          "time in 20 seconds"),
                                        _("Playback Speed"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->speed_dropdown), TRUE);
  gtk_box_append (row, GTK_WIDGET (self->speed_dropdown));
  self->loop_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->loop_button), "media-playlist-repeat-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->loop_button), _("Loop: start again at the end"));
  gtk_widget_add_css_class (GTK_WIDGET (self->loop_button), "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->loop_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Loop Playback"), -1);
  gtk_box_append (row, GTK_WIDGET (self->loop_button));

  row = toolbar_row (box);
  self->mode_dropdown = tool_dropdown (mode_items,
                                       _("The map shows everything up to the playhead "
                                         "(cumulative), or only a window of time around it"),
                                       _("Playhead Mode"));
  gtk_box_append (row, GTK_WIDGET (self->mode_dropdown));
  self->window_dropdown = tool_dropdown (
      window_items, _("Length of the window around the playhead"), _("Window Length"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->window_dropdown), TRUE);
  gtk_box_append (row, GTK_WIDGET (self->window_dropdown));

  row = toolbar_row (box);
  gtk_box_append (row, tool_button ("zoom-out-symbolic", "timeline.zoom-out", _("Zoom Out (−)"),
                                    _("Zoom Out")));
  gtk_box_append (row, tool_button ("zoom-in-symbolic", "timeline.zoom-in", _("Zoom In (+)"),
                                    _("Zoom In")));
  gtk_box_append (row, tool_button ("zoom-fit-best-symbolic", "timeline.fit",
                                    _("Show All Dates (0)"), _("Show All Dates")));
  spacer = gtk_label_new (NULL);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (row, spacer);
  self->clear_button = tool_button ("edit-clear-symbolic", "timeline.clear-range",
                                    _("Clear the date filter (Escape)"), _("Clear Date Filter"));
  gtk_box_append (row, self->clear_button);

  g_signal_connect_object (self->speed_dropdown, "notify::selected",
                           G_CALLBACK (on_speed_selected_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->loop_button, "notify::active",
                           G_CALLBACK (on_loop_active_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mode_dropdown, "notify::selected",
                           G_CALLBACK (on_mode_selected_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->window_dropdown, "notify::selected",
                           G_CALLBACK (on_window_selected_notify_cb), self, G_CONNECT_SWAPPED);
}

static void
atlas_timeline_dispose (GObject *object)
{
  AtlasTimeline *self = (AtlasTimeline *) object;

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_clear_pointer (&self->toolbar, gtk_widget_unparent);
  g_clear_pointer (&self->separator, gtk_widget_unparent);
  if (self->canvas != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->canvas));
      self->canvas = NULL;
    }
  g_clear_object (&self->filter);
  g_clear_object (&self->selection);
  g_clear_object (&self->playhead);

  G_OBJECT_CLASS (atlas_timeline_parent_class)->dispose (object);
}

static void
atlas_timeline_class_init (AtlasTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *actions[] = {
    "timeline.play", "timeline.step-back", "timeline.step-forward", "timeline.page-back",
    "timeline.page-forward", "timeline.first", "timeline.last", "timeline.zoom-in",
    "timeline.zoom-out", "timeline.fit", "timeline.pan-back", "timeline.pan-forward",
    "timeline.clear-range", "timeline.range-start", "timeline.range-end",
  };

  object_class->dispose = atlas_timeline_dispose;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, timeline_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timeline");
}

static void
atlas_timeline_init (AtlasTimeline *self)
{

  build_toolbar (self);
  gtk_widget_set_parent (self->toolbar, GTK_WIDGET (self));
  self->separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_parent (self->separator, GTK_WIDGET (self));

  self->canvas = ATLAS_TIMELINE_CANVAS (atlas_timeline_canvas_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->canvas), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->canvas), GTK_WIDGET (self));

  update_range (self);
}

GtkWidget *
atlas_timeline_new (void)
{
  return g_object_new (ATLAS_TYPE_TIMELINE, NULL);
}

/**
 * atlas_timeline_set_models:
 * @self: a timeline
 * @filter: the app's filter, whose date range the brush edits
 * @selection: the shared selection
 * @playhead: the playhead this timeline moves and plays
 *
 * Connects the timeline to the models; call once.
 */
void
atlas_timeline_set_models (AtlasTimeline  *self,
                           AtlasFilter    *filter,
                           AtlasSelection *selection,
                           AtlasPlayhead  *playhead)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));
  g_return_if_fail (ATLAS_IS_FILTER (filter));
  g_return_if_fail (ATLAS_IS_SELECTION (selection));
  g_return_if_fail (ATLAS_IS_PLAYHEAD (playhead));
  g_return_if_fail (self->filter == NULL);

  self->filter = g_object_ref (filter);
  self->selection = g_object_ref (selection);
  self->playhead = g_object_ref (playhead);

  atlas_timeline_canvas_set_models (self->canvas, filter, selection, playhead);
  g_signal_connect_object (self->canvas, "intent", G_CALLBACK (atlas_intent_source_emit), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (filter, "notify::dataset", G_CALLBACK (on_filter_dataset_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (filter, "changed", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (playhead, "notify::playing", G_CALLBACK (on_playhead_playing_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (playhead, "notify::speed", G_CALLBACK (on_playhead_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (playhead, "notify::loop", G_CALLBACK (on_playhead_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (playhead, "notify::mode", G_CALLBACK (on_playhead_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (playhead, "notify::window-days", G_CALLBACK (on_playhead_notify_cb),
                           self, G_CONNECT_SWAPPED);

  sync_controls (self);
  update_range (self);
  update_play_button (self);
  if (atlas_playhead_get_playing (playhead))
    on_playhead_playing_notify_cb (self);
}

AtlasTimelineCanvas *
atlas_timeline_get_canvas (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), NULL);

  return self->canvas;
}
