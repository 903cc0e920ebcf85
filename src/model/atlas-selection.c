/* atlas-selection.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-model-class.h"
#include "atlas-selection.h"

/*
 * The one selection every view shares. A view writes to it when the user picks
 * something and redraws when it changes; views never talk to each other.
 *
 * Selecting an event also selects its (first) location, so the map can highlight
 * where it happened; selecting a location or a district clears the rest.
 *
 * Views do not write it: they emit intents (atlas-intent.h), and the window's
 * AtlasCoordinator selects, saying which view the person acted in (the origin),
 * so that a view can tell its own pick from one made elsewhere.
 */

struct _AtlasSelection
{
  GObject parent_instance;

  AtlasDataset *dataset;
  guint location;
  guint event;
  guint district;
  AtlasOrigin origin;
};

G_DEFINE_FINAL_TYPE (AtlasSelection, atlas_selection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_LOCATION,
  PROP_EVENT,
  PROP_DISTRICT,
  PROP_ORIGIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static guint changed_signal;

static void
atlas_selection_dispose (GObject *object)
{
  AtlasSelection *self = (AtlasSelection *) object;

  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (atlas_selection_parent_class)->dispose (object);
}

/* Only the dataset is set through its property; the rest through the
 * atlas_selection_select_*() functions. The indices are ATLAS_NONE (G_MAXUINT)
 * when nothing of that kind is selected; the origin is an AtlasOrigin, the
 * view the person picked the current selection in. */
static const AtlasProperty property_table[N_PROPS] = {
  [PROP_DATASET] = ATLAS_PROPERTY_OBJECT ("dataset", atlas_dataset_get_type,
                                          AtlasSelection, dataset, atlas_selection_set_dataset),
  [PROP_LOCATION] = ATLAS_PROPERTY_UINT ("location", 0, G_MAXUINT, G_MAXUINT, AtlasSelection, location, NULL),
  [PROP_EVENT] = ATLAS_PROPERTY_UINT ("event", 0, G_MAXUINT, G_MAXUINT, AtlasSelection, event, NULL),
  [PROP_DISTRICT] = ATLAS_PROPERTY_UINT ("district", 0, G_MAXUINT, G_MAXUINT, AtlasSelection, district, NULL),
  [PROP_ORIGIN] = ATLAS_PROPERTY_INT ("origin", ATLAS_ORIGIN_OTHER, ATLAS_ORIGIN_SIDEBAR, ATLAS_ORIGIN_OTHER,
                                      AtlasSelection, origin, NULL),
};

static void
atlas_selection_class_init (AtlasSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_selection_dispose;

  /**
   * AtlasSelection::changed:
   *
   * Emitted once after any change of the selected location, event or district.
   */
  changed_signal = atlas_model_class_install (object_class, property_table, properties, N_PROPS);
}

static void
atlas_selection_init (AtlasSelection *self)
{
  self->location = ATLAS_NONE;
  self->event = ATLAS_NONE;
  self->district = ATLAS_NONE;
}

AtlasSelection *
atlas_selection_new (void)
{
  return g_object_new (ATLAS_TYPE_SELECTION, NULL);
}

AtlasDataset *
atlas_selection_get_dataset (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), NULL);

  return self->dataset;
}

static void
set (AtlasSelection *self,
     guint           location,
     guint           event,
     guint           district,
     AtlasOrigin     origin)
{
  GObject *object = G_OBJECT (self);

  if (self->location == location && self->event == event && self->district == district)
    return;

  g_object_freeze_notify (object);
  if (self->location != location)
    g_object_notify_by_pspec (object, properties[PROP_LOCATION]);
  if (self->event != event)
    g_object_notify_by_pspec (object, properties[PROP_EVENT]);
  if (self->district != district)
    g_object_notify_by_pspec (object, properties[PROP_DISTRICT]);
  if (self->origin != origin)
    g_object_notify_by_pspec (object, properties[PROP_ORIGIN]);
  self->location = location;
  self->event = event;
  self->district = district;
  self->origin = origin;
  g_debug ("selection changed: place %d, event %d, district %d, picked in view %d",
           (int) location, (int) event, (int) district, origin);
  g_signal_emit (self, changed_signal, 0);
  g_object_thaw_notify (object);
}

/**
 * atlas_selection_set_dataset:
 * @self: a selection
 * @dataset: (nullable): the dataset indices refer to
 *
 * Changes the dataset and clears the selection; to keep a selection across a
 * reload, select again by id afterwards.
 */
void
atlas_selection_set_dataset (AtlasSelection *self,
                             AtlasDataset   *dataset)
{
  g_return_if_fail (ATLAS_IS_SELECTION (self));
  g_return_if_fail (!dataset || ATLAS_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  set (self, ATLAS_NONE, ATLAS_NONE, ATLAS_NONE, ATLAS_ORIGIN_OTHER);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

guint
atlas_selection_get_location (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), ATLAS_NONE);

  return self->location;
}

guint
atlas_selection_get_event (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), ATLAS_NONE);

  return self->event;
}

guint
atlas_selection_get_district (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), ATLAS_NONE);

  return self->district;
}

/* The place an event selection shows: the one the person came from when the
 * event happened there too, else the event's first. */
static guint
event_location (AtlasSelection *self,
                guint           event)
{
  guint n;
  const guint32 *locations = atlas_dataset_event_locations (self->dataset, event, &n);
  guint location = n > 0 ? locations[0] : ATLAS_NONE;

  for (guint i = 0; i < n; i++)
    {
      if (locations[i] == self->location)
        location = self->location;
    }
  return location;
}

/**
 * atlas_selection_select:
 * @self: a selection
 * @kind: %ATLAS_INTENT_SELECT_PLACE, _DISTRICT, _EVENT or %ATLAS_INTENT_CLEAR_SELECTION
 * @index: the place, district or event
 * @origin: the view the person picked it in
 *
 * Selects one thing, clearing the rest (an event keeps its place), and emits
 * #AtlasSelection::changed once if anything changed.
 */
void
atlas_selection_select (AtlasSelection  *self,
                        AtlasIntentKind  kind,
                        guint            index,
                        AtlasOrigin      origin)
{
  g_return_if_fail (ATLAS_IS_SELECTION (self));

  switch (kind)
    {
    case ATLAS_INTENT_SELECT_PLACE:
      g_return_if_fail (index == ATLAS_NONE ||
                        (self->dataset && index < atlas_dataset_get_n_locations (self->dataset)));
      set (self, index, ATLAS_NONE, ATLAS_NONE, origin);
      break;
    case ATLAS_INTENT_SELECT_EVENT:
      g_return_if_fail (index == ATLAS_NONE ||
                        (self->dataset && index < atlas_dataset_get_n_events (self->dataset)));
      set (self, index != ATLAS_NONE ? event_location (self, index) : ATLAS_NONE, index, ATLAS_NONE, origin);
      break;
    case ATLAS_INTENT_SELECT_DISTRICT:
      g_return_if_fail (index == ATLAS_NONE ||
                        (self->dataset && index < atlas_dataset_get_n_districts (self->dataset)));
      set (self, ATLAS_NONE, ATLAS_NONE, index, origin);
      break;
    case ATLAS_INTENT_CLEAR_SELECTION:
      set (self, ATLAS_NONE, ATLAS_NONE, ATLAS_NONE, origin);
      break;
    default:
      g_return_if_reached ();
    }
}

void
atlas_selection_select_location (AtlasSelection *self,
                                 guint           location)
{
  atlas_selection_select (self, ATLAS_INTENT_SELECT_PLACE, location, ATLAS_ORIGIN_OTHER);
}

void
atlas_selection_select_event (AtlasSelection *self,
                              guint           event)
{
  atlas_selection_select (self, ATLAS_INTENT_SELECT_EVENT, event, ATLAS_ORIGIN_OTHER);
}

void
atlas_selection_select_district (AtlasSelection *self,
                                 guint           district)
{
  atlas_selection_select (self, ATLAS_INTENT_SELECT_DISTRICT, district, ATLAS_ORIGIN_OTHER);
}

void
atlas_selection_clear (AtlasSelection *self)
{
  atlas_selection_select (self, ATLAS_INTENT_CLEAR_SELECTION, ATLAS_NONE, ATLAS_ORIGIN_OTHER);
}

AtlasOrigin
atlas_selection_get_origin (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), ATLAS_ORIGIN_OTHER);

  return self->origin;
}

gboolean
atlas_selection_is_empty (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), TRUE);

  return self->location == ATLAS_NONE && self->event == ATLAS_NONE && self->district == ATLAS_NONE;
}
