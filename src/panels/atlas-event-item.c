/* atlas-event-item.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-event-item.h"
#include "model/atlas-locale.h"

/* One row of the event list. Rows are made only for the rows a list shows on
 * screen, by AtlasEventModel, and hold no more than the event's index. A row
 * stands for a position in the list: when a filter change puts another event
 * there, the model sets it and the row notifies "event", so the list rebinds
 * its cells instead of making new ones. */

struct _AtlasEventItem
{
  GObject parent_instance;

  AtlasDataset *dataset;
  guint event;
};

G_DEFINE_FINAL_TYPE (AtlasEventItem, atlas_event_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EVENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_event_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasEventItem *self = ATLAS_EVENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      g_value_set_uint (value, self->event);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_event_item_dispose (GObject *object)
{
  AtlasEventItem *self = (AtlasEventItem *) object;

  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (atlas_event_item_parent_class)->dispose (object);
}

static void
atlas_event_item_class_init (AtlasEventItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_event_item_dispose;
  object_class->get_property = atlas_event_item_get_property;

  properties[PROP_EVENT] =
    g_param_spec_uint ("event", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_event_item_init (AtlasEventItem *self)
{
}

AtlasEventItem *
atlas_event_item_new (AtlasDataset *dataset,
                      guint         event)
{
  AtlasEventItem *self = g_object_new (ATLAS_TYPE_EVENT_ITEM, NULL);

  self->dataset = g_object_ref (dataset);
  self->event = event;
  return self;
}

AtlasDataset *
atlas_event_item_get_dataset (AtlasEventItem *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_ITEM (self), NULL);

  return self->dataset;
}

guint
atlas_event_item_get_event (AtlasEventItem *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_ITEM (self), ATLAS_NONE);

  return self->event;
}

/**
 * atlas_event_item_set_event:
 * @self: a row
 * @event: the event now at the row's position
 *
 * Notifies "event" when it changes.
 */
void
atlas_event_item_set_event (AtlasEventItem *self,
                            guint           event)
{
  g_return_if_fail (ATLAS_IS_EVENT_ITEM (self));

  if (self->event == event)
    return;
  self->event = event;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

/**
 * atlas_event_format_date:
 * @dataset: a dataset
 * @event: one of its events
 *
 * Returns: (transfer full): the event's date at its precision ("June 2020"), or
 *   its span for an event with an end
 */
char *
atlas_event_format_date (AtlasDataset *dataset,
                         guint         event)
{
  const AtlasEvent *ev = atlas_dataset_get_event (dataset, event);
  gint32 start = atlas_dataset_get_event_start (dataset, event);

  if (ev->has_end)
    {
      gint32 end = atlas_dataset_get_event_end (dataset, event);

      return atlas_date_format_range (start, ev->precision,
                                      atlas_date_floor (end - 1, ev->end_precision), ev->end_precision);
    }
  return atlas_date_format (start, ev->precision);
}

/**
 * atlas_event_format_places:
 * @dataset: a dataset
 * @event: one of its events
 *
 * Returns: (transfer full): the names of the event's places, comma-separated
 */
char *
atlas_event_format_places (AtlasDataset *dataset,
                           guint         event)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n;
  const guint32 *locations = atlas_dataset_event_locations (dataset, event, &n);

  for (guint i = 0; i < n; i++)
    {
      const AtlasLocation *loc = atlas_dataset_get_location (dataset, locations[i]);

      if (i > 0)
        /* Translators: separates the names of places */
        g_string_append (text, _(", "));
      g_string_append (text, atlas_localized (loc->name, loc->name_zh));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
atlas_event_item_dup_date (AtlasEventItem *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_ITEM (self), NULL);

  return atlas_event_format_date (self->dataset, self->event);
}

const char *
atlas_event_item_get_title (AtlasEventItem *self)
{
  const AtlasEvent *ev;

  g_return_val_if_fail (ATLAS_IS_EVENT_ITEM (self), NULL);

  ev = atlas_dataset_get_event (self->dataset, self->event);
  return atlas_localized (ev->title, ev->title_zh);
}

char *
atlas_event_item_dup_places (AtlasEventItem *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_ITEM (self), NULL);

  return atlas_event_format_places (self->dataset, self->event);
}
