/* atlas-playhead.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "atlas-bisect.h"
#include "atlas-playhead.h"
#include "atlas-model-class.h"
#include "atlas-tally.h"

/*
 * The moment the map shows. In cumulative mode the map shows everything that has
 * happened by the playhead's day; in window mode, what happens within a window of
 * days around it. For each place this keeps the number of visible events in that
 * time, which the map draws as the size of the place.
 *
 * Moving the playhead in cumulative mode only visits the events between the old
 * and the new day (events are sorted by start); window mode finds the window by
 * binary search. Neither scans every event.
 */

struct _AtlasPlayhead
{
  GObject parent_instance;

  AtlasFilter *filter;
  AtlasDataset *dataset;

  gint32 day;
  AtlasPlayheadMode mode;
  guint window_days;
  gboolean playing;
  double speed;
  gboolean loop;

  guint32 *counts;
  guint n_counts;
  guint max_count;
  guint n_active;
  guint n_active_places;
  guint cumulative_end;     /* cumulative mode: events [0, cumulative_end) have started */
  GtkBitset *window_events; /* window mode: the events overlapping the window */
  GArray *more_places;      /* guint32: scratch, events with more than one place */

  /* Cumulative mode with nothing filtered out: the counts up to all_end, kept
   * for when the filter lets everything through again (a search cleared, a
   * box unticked), so that a million events are not counted again. */
  guint32 *all_counts;
  guint all_end;
  guint all_active;
};

G_DEFINE_FINAL_TYPE (AtlasPlayhead, atlas_playhead, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DAY,
  PROP_MODE,
  PROP_WINDOW_DAYS,
  PROP_PLAYING,
  PROP_SPEED,
  PROP_LOOP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static guint changed_signal;

static void
window_bounds (AtlasPlayhead *self,
               gint32        *start,
               gint32        *end)
{
  gint64 half = self->window_days / 2;

  *start = (gint32) CLAMP ((gint64) self->day - half, G_MININT32, G_MAXINT32);
  *end = (gint32) CLAMP ((gint64) *start + MAX (self->window_days, 1), G_MININT32, G_MAXINT32);
}

/* Counts or uncounts the events of `events` from `from` up to `to` at their
 * places. The maximum is kept by the caller (update_max), not per event. */
static void
add_events (AtlasPlayhead *self,
            GtkBitset     *events,
            guint          from,
            guint          to,
            int            delta)
{
  const guint32 *first = atlas_dataset_get_first_locations (self->dataset);
  GtkBitsetIter iter;
  guint e;

  g_array_set_size (self->more_places, 0);
  for (gboolean ok = gtk_bitset_iter_init_at (&iter, events, from, &e); ok && e < to;
       ok = gtk_bitset_iter_next (&iter, &e))
    {
      self->n_active += delta;
      if (G_LIKELY (!(first[e] & ATLAS_MORE_PLACES)))
        self->counts[first[e]] += delta;
      else
        g_array_append_val (self->more_places, e);
    }
  atlas_count_event_places (self->dataset, (const guint32 *) self->more_places->data,
                            self->more_places->len, delta, self->counts, NULL, NULL);
}

static gboolean
event_before (gconstpointer events,
              guint         i,
              gconstpointer event)
{
  return ((const guint32 *) events)[i] < *(const guint *) event;
}

/* The first of the @n sorted @events at or after @event. */
static guint
lower_bound (const guint32 *events,
             guint          n,
             guint          event)
{
  return atlas_bisect (events, n, &event, event_before);
}

/* As add_events(), for the filter's visible events, read from its array. */
static void
add_visible_events (AtlasPlayhead *self,
                    guint          from,
                    guint          to,
                    int            delta)
{
  const guint32 *first = atlas_dataset_get_first_locations (self->dataset);
  guint n;
  const guint32 *events = atlas_filter_get_event_array (self->filter, &n);
  guint start = lower_bound (events, n, from);
  guint end = MAX (start, lower_bound (events, n, to));

  g_array_set_size (self->more_places, 0);
  for (guint i = start; i < end; i++)
    {
      guint32 e = events[i];

      if (G_LIKELY (!(first[e] & ATLAS_MORE_PLACES)))
        self->counts[first[e]] += delta;
      else
        g_array_append_val (self->more_places, e);
    }
  self->n_active += delta * (int) (end - start);
  atlas_count_event_places (self->dataset, (const guint32 *) self->more_places->data,
                            self->more_places->len, delta, self->counts, NULL, NULL);
}

static void
update_max (AtlasPlayhead *self)
{
  self->max_count = 0;
  self->n_active_places = 0;
  for (guint i = 0; i < self->n_counts; i++)
    {
      self->max_count = MAX (self->max_count, self->counts[i]);
      self->n_active_places += self->counts[i] > 0;
    }
}

static void
recount (AtlasPlayhead *self)
{
  GtkBitset *visible;

  memset (self->counts, 0, sizeof (guint32) * self->n_counts);
  self->max_count = 0;
  self->n_active = 0;
  self->n_active_places = 0;
  g_clear_pointer (&self->window_events, gtk_bitset_unref);

  if (self->dataset == NULL)
    return;

  visible = atlas_filter_get_events (self->filter);

  if (self->mode == ATLAS_PLAYHEAD_CUMULATIVE)
    {
      gboolean everything = gtk_bitset_get_size (visible) == atlas_dataset_get_n_events (self->dataset);

      self->cumulative_end = atlas_dataset_find_start (self->dataset, (gint64) self->day + 1);
      if (everything && self->all_counts != NULL && self->all_end == self->cumulative_end)
        {
          memcpy (self->counts, self->all_counts, sizeof (guint32) * self->n_counts);
          self->n_active = self->all_active;
        }
      else
        {
          add_visible_events (self, 0, self->cumulative_end, 1);
        }
      if (everything)
        {
          if (self->all_counts == NULL)
            self->all_counts = g_new (guint32, MAX (self->n_counts, 1));
          memcpy (self->all_counts, self->counts, sizeof (guint32) * self->n_counts);
          self->all_end = self->cumulative_end;
          self->all_active = self->n_active;
        }
    }
  else
    {
      gint32 start, end;

      window_bounds (self, &start, &end);
      self->window_events = gtk_bitset_new_empty ();
      atlas_events_in_window (self->dataset, start, end, self->window_events);
      gtk_bitset_intersect (self->window_events, visible);
      add_events (self, self->window_events, 0, G_MAXUINT, 1);
    }
  update_max (self);
}

static void
emit_changed (AtlasPlayhead *self)
{
  g_signal_emit (self, changed_signal, 0);
}

static void
on_filter_changed_cb (AtlasPlayhead *self,
                      AtlasFilter   *filter)
{
  AtlasDataset *dataset = atlas_filter_get_dataset (filter);

  if (dataset != self->dataset)
    {
      g_set_object (&self->dataset, dataset);
      g_clear_pointer (&self->counts, g_free);
      g_clear_pointer (&self->all_counts, g_free);
      self->n_counts = dataset != NULL ? atlas_dataset_get_n_locations (dataset) : 0;
      self->counts = g_new0 (guint32, MAX (self->n_counts, 1));
      atlas_playhead_reset (self);
      return;
    }

  recount (self);
  emit_changed (self);
}

static void
atlas_playhead_dispose (GObject *object)
{
  AtlasPlayhead *self = (AtlasPlayhead *) object;

  g_clear_object (&self->filter);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (atlas_playhead_parent_class)->dispose (object);
}

static void
atlas_playhead_finalize (GObject *object)
{
  AtlasPlayhead *self = (AtlasPlayhead *) object;

  g_clear_pointer (&self->counts, g_free);
  g_clear_pointer (&self->all_counts, g_free);
  g_clear_pointer (&self->window_events, gtk_bitset_unref);
  g_clear_pointer (&self->more_places, g_array_unref);

  G_OBJECT_CLASS (atlas_playhead_parent_class)->finalize (object);
}

static const AtlasProperty property_table[N_PROPS] = {
  [PROP_DAY] = ATLAS_PROPERTY_INT ("day", G_MININT32, G_MAXINT32, 0, AtlasPlayhead, day, atlas_playhead_set_day),
  [PROP_MODE] = ATLAS_PROPERTY_INT ("mode", ATLAS_PLAYHEAD_CUMULATIVE, ATLAS_PLAYHEAD_WINDOW,
                                    ATLAS_PLAYHEAD_CUMULATIVE, AtlasPlayhead, mode, atlas_playhead_set_mode),
  [PROP_WINDOW_DAYS] = ATLAS_PROPERTY_UINT ("window-days", 1, 365 * 100, 365,
                                            AtlasPlayhead, window_days, atlas_playhead_set_window_days),
  [PROP_PLAYING] = ATLAS_PROPERTY_BOOLEAN ("playing", FALSE, AtlasPlayhead, playing, atlas_playhead_set_playing),
  [PROP_SPEED] = ATLAS_PROPERTY_DOUBLE ("speed", 0.125, 64.0, 1.0, AtlasPlayhead, speed, atlas_playhead_set_speed),
  [PROP_LOOP] = ATLAS_PROPERTY_BOOLEAN ("loop", FALSE, AtlasPlayhead, loop, atlas_playhead_set_loop),
};

static void
atlas_playhead_class_init (AtlasPlayheadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_playhead_dispose;
  object_class->finalize = atlas_playhead_finalize;

  /**
   * AtlasPlayhead::changed:
   *
   * Emitted once after the day, the mode, the window or the filter changed what
   * is active.
   */
  changed_signal = atlas_model_class_install (object_class, property_table, properties, N_PROPS);
}

static void
atlas_playhead_init (AtlasPlayhead *self)
{
  self->mode = ATLAS_PLAYHEAD_CUMULATIVE;
  self->window_days = 365;
  self->speed = 1.0;
  self->counts = g_new0 (guint32, 1);
  self->more_places = g_array_new (FALSE, FALSE, sizeof (guint32));
}

/**
 * atlas_playhead_new:
 * @filter: the filter whose visible events the playhead counts
 *
 * Returns: (transfer full): a playhead
 */
AtlasPlayhead *
atlas_playhead_new (AtlasFilter *filter)
{
  AtlasPlayhead *self;

  g_return_val_if_fail (ATLAS_IS_FILTER (filter), NULL);

  self = g_object_new (ATLAS_TYPE_PLAYHEAD, NULL);
  self->filter = g_object_ref (filter);
  g_signal_connect_object (filter, "changed", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  on_filter_changed_cb (self, filter);
  return self;
}

AtlasFilter *
atlas_playhead_get_filter (AtlasPlayhead *self)
{
  g_return_val_if_fail (ATLAS_IS_PLAYHEAD (self), NULL);

  return self->filter;
}

/**
 * atlas_playhead_reset:
 * @self: a playhead
 *
 * Puts the playhead on the last day of the dataset, so that in cumulative mode
 * the map shows everything.
 */
void
atlas_playhead_reset (AtlasPlayhead *self)
{
  gint32 first, end;

  g_return_if_fail (ATLAS_IS_PLAYHEAD (self));

  if (self->dataset != NULL && atlas_dataset_get_date_range (self->dataset, &first, &end))
    self->day = end - 1;
  else
    self->day = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
  recount (self);
  emit_changed (self);
}

gint32
atlas_playhead_get_day (AtlasPlayhead *self)
{
  g_return_val_if_fail (ATLAS_IS_PLAYHEAD (self), 0);

  return self->day;
}

void
atlas_playhead_set_day (AtlasPlayhead *self,
                        gint32         day)
{
  g_return_if_fail (ATLAS_IS_PLAYHEAD (self));

  if (self->day == day)
    return;

  self->day = day;

  if (self->mode == ATLAS_PLAYHEAD_CUMULATIVE && self->dataset != NULL)
    {
      guint end = atlas_dataset_find_start (self->dataset, (gint64) day + 1);

      /* Only the visible events between the old and the new day. */
      if (end > self->cumulative_end)
        {
          add_visible_events (self, self->cumulative_end, end, 1);
          update_max (self);
        }
      else if (end < self->cumulative_end)
        {
          add_visible_events (self, end, self->cumulative_end, -1);
          update_max (self);
        }
      self->cumulative_end = end;
    }
  else
    recount (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
  emit_changed (self);
}

AtlasPlayheadMode
atlas_playhead_get_mode (AtlasPlayhead *self)
{
  g_return_val_if_fail (ATLAS_IS_PLAYHEAD (self), ATLAS_PLAYHEAD_CUMULATIVE);

  return self->mode;
}

void
atlas_playhead_set_mode (AtlasPlayhead     *self,
                         AtlasPlayheadMode  mode)
{
  g_return_if_fail (ATLAS_IS_PLAYHEAD (self));
  g_return_if_fail (mode == ATLAS_PLAYHEAD_CUMULATIVE || mode == ATLAS_PLAYHEAD_WINDOW);

  if (self->mode == mode)
    return;

  self->mode = mode;
  recount (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
  emit_changed (self);
}

guint
atlas_playhead_get_window_days (AtlasPlayhead *self)
{
  g_return_val_if_fail (ATLAS_IS_PLAYHEAD (self), 0);

  return self->window_days;
}

void
atlas_playhead_set_window_days (AtlasPlayhead *self,
                                guint          days)
{
  g_return_if_fail (ATLAS_IS_PLAYHEAD (self));

  days = CLAMP (days, 1, 365 * 100);
  if (self->window_days == days)
    return;

  self->window_days = days;
  if (self->mode == ATLAS_PLAYHEAD_WINDOW)
    recount (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINDOW_DAYS]);
  emit_changed (self);
}

gboolean
atlas_playhead_get_playing (AtlasPlayhead *self)
{
  g_return_val_if_fail (ATLAS_IS_PLAYHEAD (self), FALSE);

  return self->playing;
}

/**
 * atlas_playhead_set_playing:
 * @self: a playhead
 * @playing: whether the playhead should advance by itself
 *
 * Only records the wish: the timeline advances the day from its frame clock while
 * this is set.
 */
void
atlas_playhead_set_playing (AtlasPlayhead *self,
                            gboolean       playing)
{
  g_return_if_fail (ATLAS_IS_PLAYHEAD (self));

  playing = !!playing;
  if (self->playing == playing)
    return;

  self->playing = playing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

double
atlas_playhead_get_speed (AtlasPlayhead *self)
{
  g_return_val_if_fail (ATLAS_IS_PLAYHEAD (self), 1.0);

  return self->speed;
}

void
atlas_playhead_set_speed (AtlasPlayhead *self,
                          double         speed)
{
  g_return_if_fail (ATLAS_IS_PLAYHEAD (self));

  speed = CLAMP (speed, 0.125, 64.0);
  if (self->speed == speed)
    return;

  self->speed = speed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEED]);
}

gboolean
atlas_playhead_get_loop (AtlasPlayhead *self)
{
  g_return_val_if_fail (ATLAS_IS_PLAYHEAD (self), FALSE);

  return self->loop;
}

void
atlas_playhead_set_loop (AtlasPlayhead *self,
                         gboolean       loop)
{
  g_return_if_fail (ATLAS_IS_PLAYHEAD (self));

  loop = !!loop;
  if (self->loop == loop)
    return;

  self->loop = loop;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOP]);
}

/**
 * atlas_playhead_get_window:
 * @self: a playhead
 * @start: (out): first day of the active time
 * @end: (out): the day after it
 *
 * In cumulative mode the active time starts at %G_MININT32.
 */
void
atlas_playhead_get_window (AtlasPlayhead *self,
                           gint32        *start,
                           gint32        *end)
{
  g_return_if_fail (ATLAS_IS_PLAYHEAD (self));

  if (self->mode == ATLAS_PLAYHEAD_WINDOW)
    window_bounds (self, start, end);
  else
    {
      *start = G_MININT32;
      *end = self->day == G_MAXINT32 ? G_MAXINT32 : self->day + 1;
    }
}

/**
 * atlas_playhead_event_active:
 * @self: a playhead
 * @event: an event
 *
 * Returns: whether @event is visible and falls in the active time
 */
gboolean
atlas_playhead_event_active (AtlasPlayhead *self,
                             guint          event)
{
  g_return_val_if_fail (ATLAS_IS_PLAYHEAD (self), FALSE);

  if (self->mode == ATLAS_PLAYHEAD_WINDOW)
    return self->window_events != NULL && gtk_bitset_contains (self->window_events, event);
  return event < self->cumulative_end && atlas_filter_event_visible (self->filter, event);
}

/**
 * atlas_playhead_get_location_counts:
 * @self: a playhead
 * @n: (out): the number of locations
 *
 * Returns: (array length=n): for each place, its visible events in the active time
 */
const guint32 *
atlas_playhead_get_location_counts (AtlasPlayhead *self,
                                    guint         *n)
{
  g_return_val_if_fail (ATLAS_IS_PLAYHEAD (self), NULL);

  *n = self->n_counts;
  return self->counts;
}

guint
atlas_playhead_get_max_count (AtlasPlayhead *self)
{
  g_return_val_if_fail (ATLAS_IS_PLAYHEAD (self), 0);

  return self->max_count;
}

guint
atlas_playhead_get_n_active_events (AtlasPlayhead *self)
{
  g_return_val_if_fail (ATLAS_IS_PLAYHEAD (self), 0);

  return self->n_active;
}

/**
 * atlas_playhead_get_n_active_places:
 * @self: a playhead
 *
 * Returns: how many places have at least one active event
 */
guint
atlas_playhead_get_n_active_places (AtlasPlayhead *self)
{
  g_return_val_if_fail (ATLAS_IS_PLAYHEAD (self), 0);

  return self->n_active_places;
}

/**
 * atlas_playhead_is_partial:
 * @self: a playhead
 *
 * Whether the playhead leaves some visible events out: before the last one in
 * cumulative mode, or a window that does not hold them all. The map fades what
 * is left out, so counts then say what is active.
 *
 * Returns: %TRUE when some visible events are not active
 */
gboolean
atlas_playhead_is_partial (AtlasPlayhead *self)
{
  g_return_val_if_fail (ATLAS_IS_PLAYHEAD (self), FALSE);

  if (self->dataset == NULL || atlas_filter_get_dataset (self->filter) != self->dataset)
    return FALSE;
  return self->n_active < gtk_bitset_get_size (atlas_filter_get_events (self->filter));
}
