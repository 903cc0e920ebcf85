/* atlas-event-sorter.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "atlas-event-item.h"
#include "atlas-event-sorter.h"
#include "model/atlas-locale.h"

/*
 * The sorter of one column of the event list. The list does not sort with
 * GtkSortListModel (that would make every row an object); AtlasEventModel sorts
 * itself. What the list needs from the column view is which column the user
 * sorted by, and in which direction. GTK 4.8 has no API for that (it came in 4.10),
 * so atlas_event_sorter_read_column() asks the column view's sorter to compare two
 * probe objects: the column view consults its primary column's sorter first,
 * which recognises the probes, notes itself and answers "smaller"; the column view
 * inverts that answer when the order is descending.
 */

struct _AtlasEventSorter
{
  GtkSorter parent_instance;

  AtlasEventSort key;
};

G_DEFINE_FINAL_TYPE (AtlasEventSorter, atlas_event_sorter, GTK_TYPE_SORTER)

static GObject *probe_first;
static GObject *probe_second;
static AtlasEventSorter *probed;

static const char *
item_text (gpointer       item,
           AtlasEventSort key)
{
  AtlasEventItem *event_item = item;
  AtlasDataset *dataset = atlas_event_item_get_dataset (event_item);
  guint event = atlas_event_item_get_event (event_item);
  guint n;

  switch (key)
    {
    case ATLAS_EVENT_SORT_TITLE:
      return atlas_event_item_get_title (event_item);
    case ATLAS_EVENT_SORT_PLACE:
      {
        const guint32 *list = atlas_dataset_event_locations (dataset, event, &n);
        const AtlasLocation *loc = n > 0 ? atlas_dataset_get_location (dataset, list[0]) : NULL;

        return loc != NULL ? atlas_localized (loc->name, loc->name_zh) : "";
      }
    case ATLAS_EVENT_SORT_SECTOR:
      {
        const guint32 *list = atlas_dataset_event_sectors (dataset, event, &n);
        const AtlasSector *sector = n > 0 ? atlas_dataset_get_sector (dataset, list[0]) : NULL;

        return sector != NULL ? atlas_localized (sector->name, sector->name_zh) : "";
      }
    case ATLAS_EVENT_SORT_DATE:
    case ATLAS_N_EVENT_SORTS:
    default:
      return "";
    }
}

static GtkOrdering
atlas_event_sorter_compare (GtkSorter *sorter,
                            gpointer   item1,
                            gpointer   item2)
{
  AtlasEventSorter *self = ATLAS_EVENT_SORTER (sorter);
  guint a, b;
  int result = 0;

  if (item1 == (gpointer) probe_first && item2 == (gpointer) probe_second)
    {
      probed = self;
      return GTK_ORDERING_SMALLER;
    }

  if (!ATLAS_IS_EVENT_ITEM (item1) || !ATLAS_IS_EVENT_ITEM (item2))
    return GTK_ORDERING_EQUAL;

  if (self->key != ATLAS_EVENT_SORT_DATE)
    result = g_ascii_strcasecmp (item_text (item1, self->key), item_text (item2, self->key));
  if (result == 0)
    {
      /* Event indices are in date order. */
      a = atlas_event_item_get_event (item1);
      b = atlas_event_item_get_event (item2);
      result = a < b ? -1 : a > b;
    }
  return gtk_ordering_from_cmpfunc (result);
}

static GtkSorterOrder
atlas_event_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_TOTAL;
}

static void
atlas_event_sorter_class_init (AtlasEventSorterClass *klass)
{
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  sorter_class->compare = atlas_event_sorter_compare;
  sorter_class->get_order = atlas_event_sorter_get_order;
}

static void
atlas_event_sorter_init (AtlasEventSorter *self)
{
}

GtkSorter *
atlas_event_sorter_new (AtlasEventSort key)
{
  AtlasEventSorter *self = g_object_new (ATLAS_TYPE_EVENT_SORTER, NULL);

  self->key = key;
  return GTK_SORTER (self);
}

/**
 * atlas_event_sorter_read_column:
 * @column_view_sorter: the sorter of a column view whose columns have
 *   #AtlasEventSorter sorters
 * @key: (out): the key of the column the view is sorted by
 * @descending: (out): whether it is sorted in descending order
 *
 * Returns: %FALSE when the view is not sorted by any column
 */
gboolean
atlas_event_sorter_read_column (GtkSorter      *column_view_sorter,
                                AtlasEventSort *key,
                                gboolean       *descending)
{
  GtkOrdering order;

  if (probe_first == NULL)
    {
      probe_first = g_object_new (G_TYPE_OBJECT, NULL);
      probe_second = g_object_new (G_TYPE_OBJECT, NULL);
    }

  probed = NULL;
  order = gtk_sorter_compare (column_view_sorter, probe_first, probe_second);
  if (probed == NULL)
    return FALSE;

  *key = probed->key;
  *descending = order == GTK_ORDERING_LARGER;
  probed = NULL;
  return TRUE;
}
