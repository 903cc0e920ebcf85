/* atlas-coordinator.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-coordinator.h"

/*
 * The one place that decides what a person's action changes. Views turn input
 * into intents (src/model/atlas-intent.h) and emit them; the coordinator writes
 * the shared models (the filter's date range, the selection, the playhead); the
 * views observe the models and redraw. No view writes a model another view
 * reads, and no view talks to another, so there is no loop to guard.
 *
 * The rules, one row per action: what changes in the models, and how each view
 * follows ("–": nothing changes). docs/ARCHITECTURE.md has the same table.
 *
 * | action (where)                            | selection        | date range   | playhead    | map                                                   | timeline                      | event list                                  | details     |
 * |-------------------------------------------|------------------|--------------|-------------|-------------------------------------------------------|-------------------------------|---------------------------------------------|-------------|
 * | click a place (map, details link)         | the place        | –            | –           | rings it; moves if picked elsewhere and off-screen    | highlights its events         | selects its visible events' rows, scrolls   | the place   |
 * | click a district or zone outline (map)    | the district     | –            | –           | rings it                                              | highlights its events         | no row selected                             | district    |
 * | click a cluster (map)                     | –                | –            | –           | zooms in until it splits (camera only, no intent)     | –                             | –                                           | –           |
 * | press, drag, release (map)                | –                | –            | –           | pans (camera only, no intent)                         | –                             | –                                           | –           |
 * | click empty map, Escape (map)             | cleared          | –            | –           | no ring                                               | no highlight                  | no row selected                             | empty       |
 * | pick an event (row, glyph, details link)  | event, its place | –            | never moves | rings all its places; brings them into view if picked elsewhere | scrolls to show it  | selects its row, scrolls to it              | the event   |
 * | drag in the brush strip, type dates       | –                | [start, end) | –           | shows what the filter keeps                           | draws the brush               | lists what the filter keeps                 | follows     |
 * | clear the brush                           | –                | cleared      | –           | as above                                              | as above                      | as above                                    | follows     |
 * | click/drag the axis, arrows, playback     | –                | –            | the day     | fades what has not happened; counts say "N of M events by DATE" | moves the playhead  | –                                           | –           |
 *
 * Selecting never moves the playhead and never changes the filter: what is on
 * the map stays on the map.
 */

struct _AtlasCoordinator
{
  GObject parent_instance;

  AtlasFilter *filter;
  AtlasSelection *selection;
  AtlasPlayhead *playhead;
};

G_DEFINE_FINAL_TYPE (AtlasCoordinator, atlas_coordinator, G_TYPE_OBJECT)

static void
atlas_coordinator_dispose (GObject *object)
{
  AtlasCoordinator *self = (AtlasCoordinator *) object;

  g_clear_object (&self->filter);
  g_clear_object (&self->selection);
  g_clear_object (&self->playhead);

  G_OBJECT_CLASS (atlas_coordinator_parent_class)->dispose (object);
}

static void
atlas_coordinator_class_init (AtlasCoordinatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_coordinator_dispose;
}

static void
atlas_coordinator_init (AtlasCoordinator *self)
{
}

/**
 * atlas_coordinator_new:
 * @filter: the filter
 * @selection: the shared selection
 * @playhead: (nullable): the playhead
 *
 * Returns: (transfer full): a coordinator that writes these models
 */
AtlasCoordinator *
atlas_coordinator_new (AtlasFilter    *filter,
                       AtlasSelection *selection,
                       AtlasPlayhead  *playhead)
{
  AtlasCoordinator *self;

  g_return_val_if_fail (ATLAS_IS_FILTER (filter), NULL);
  g_return_val_if_fail (ATLAS_IS_SELECTION (selection), NULL);
  g_return_val_if_fail (playhead == NULL || ATLAS_IS_PLAYHEAD (playhead), NULL);

  self = g_object_new (ATLAS_TYPE_COORDINATOR, NULL);
  self->filter = g_object_ref (filter);
  self->selection = g_object_ref (selection);
  self->playhead = playhead != NULL ? g_object_ref (playhead) : NULL;
  return self;
}

static void
on_intent_cb (AtlasIntentSource *source,
              const AtlasIntent *intent,
              AtlasCoordinator  *self)
{
  atlas_coordinator_handle (self, intent);
}

/**
 * atlas_coordinator_watch:
 * @self: a coordinator
 * @source: a view that emits intents
 *
 * Handles every intent @source emits, for as long as both live.
 */
void
atlas_coordinator_watch (AtlasCoordinator  *self,
                         AtlasIntentSource *source)
{
  g_return_if_fail (ATLAS_IS_COORDINATOR (self));
  g_return_if_fail (ATLAS_IS_INTENT_SOURCE (source));

  g_signal_connect_object (source, "intent", G_CALLBACK (on_intent_cb), self, 0);
}

/* An index from a view that drew an older dataset is dropped, not trusted. */
static gboolean
index_valid (AtlasCoordinator  *self,
             const AtlasIntent *intent)
{
  AtlasDataset *dataset = atlas_selection_get_dataset (self->selection);

  if (dataset == NULL)
    return FALSE;
  switch (intent->kind)
    {
    case ATLAS_INTENT_SELECT_PLACE:
      return intent->index < atlas_dataset_get_n_locations (dataset);
    case ATLAS_INTENT_SELECT_DISTRICT:
      return intent->index < atlas_dataset_get_n_districts (dataset);
    case ATLAS_INTENT_SELECT_EVENT:
      return intent->index < atlas_dataset_get_n_events (dataset);
    default:
      return TRUE;
    }
}

/**
 * atlas_coordinator_handle:
 * @self: a coordinator
 * @intent: what the person asked for
 *
 * Applies the rules in the table at the top of this file.
 */
void
atlas_coordinator_handle (AtlasCoordinator  *self,
                          const AtlasIntent *intent)
{
  g_return_if_fail (ATLAS_IS_COORDINATOR (self));
  g_return_if_fail (intent != NULL);

  g_debug ("intent %d from view %d: index %d, days %d to %d", intent->kind, intent->origin,
           (int) intent->index, intent->start, intent->end);
  switch (intent->kind)
    {
    case ATLAS_INTENT_SELECT_PLACE:
    case ATLAS_INTENT_SELECT_DISTRICT:
    case ATLAS_INTENT_SELECT_EVENT:
      if (index_valid (self, intent))
        atlas_selection_select (self->selection, intent->kind, intent->index, intent->origin);
      break;
    case ATLAS_INTENT_CLEAR_SELECTION:
      atlas_selection_select (self->selection, intent->kind, ATLAS_NONE, intent->origin);
      break;
    case ATLAS_INTENT_SET_DATE_RANGE:
      if (intent->start < intent->end)
        atlas_filter_set_date_range (self->filter, intent->start, intent->end);
      break;
    case ATLAS_INTENT_CLEAR_DATE_RANGE:
      atlas_filter_clear_date_range (self->filter);
      break;
    case ATLAS_INTENT_SEEK:
      if (self->playhead != NULL)
        atlas_playhead_set_day (self->playhead, intent->start);
      break;
    default:
      g_warn_if_reached ();
    }
}
