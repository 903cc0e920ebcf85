/* atlas-event-model.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "atlas-event-item.h"
#include "atlas-event-model.h"
#include "model/atlas-bisect.h"
#include "model/atlas-locale.h"
#include "model/atlas-text-sort.h"

/*
 * The list of visible events as a GListModel. It keeps only an array of event
 * indices in display order and makes a row object when the list asks for one, so
 * a million visible events cost four megabytes, not a million objects.
 *
 * It sorts itself: GtkSortListModel would need every item as an object. Sorting by
 * date is the events' own order; the other orders are computed once per dataset
 * (the first time they are asked for) as a permutation of all events, without a
 * comparison sort of the events (see atlas-text-sort.c and order_by_first()),
 * and a filter change then only picks the visible events out of it.
 *
 * A row object stands for a position (see atlas-event-item.c). While a list holds
 * rows, a filter change sets the events of the rows still in range and announces
 * only the change in length: GTK 4.8's list views would otherwise destroy and make
 * again every visible row's widgets on each change, which cost more than all the
 * rest of a filter change together (benchmarks/README.md). A new dataset still
 * replaces every row.
 */

struct _AtlasEventModel
{
  GObject parent_instance;

  AtlasFilter *filter;
  AtlasDataset *dataset;

  AtlasEventSort key;
  gboolean descending;

  guint32 *order;
  guint n_items;

  guint32 *by_key[ATLAS_N_EVENT_SORTS];  /* all events sorted by a key, computed on demand */
  guint8 *visible;                        /* scratch: one byte per event */
  guint n_created;
  GHashTable *rows;                       /* position → AtlasEventItem alive (weak) */
};

static void atlas_event_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasEventModel, atlas_event_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, atlas_event_model_list_model_init))

static GType
atlas_event_model_get_item_type (GListModel *model)
{
  return ATLAS_TYPE_EVENT_ITEM;
}

static guint
atlas_event_model_get_n_items (GListModel *model)
{
  return ATLAS_EVENT_MODEL (model)->n_items;
}

static void
on_row_finalized_cb (gpointer  data,
                     GObject  *where_the_object_was)
{
  AtlasEventModel *self = data;
  GHashTableIter iter;
  gpointer row;

  /* The position is not readable from a finalized object: look for it. */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      if (row == (gpointer) where_the_object_was)
        {
          g_hash_table_iter_remove (&iter);
          return;
        }
    }
}

/* Forgets the rows alive: a new dataset gets new rows. */
static void
forget_rows (AtlasEventModel *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      g_object_weak_unref (row, on_row_finalized_cb, self);
      g_hash_table_iter_remove (&iter);
    }
}

static gpointer
atlas_event_model_get_item (GListModel *model,
                            guint       position)
{
  AtlasEventModel *self = ATLAS_EVENT_MODEL (model);

  AtlasEventItem *item;

  if (position >= self->n_items)
    return NULL;

  item = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));
  if (item != NULL)
    return g_object_ref (item);

  self->n_created++;
  item = atlas_event_item_new (self->dataset, self->order[position]);
  g_object_set_data (G_OBJECT (item), "atlas-position", GUINT_TO_POINTER (position));
  g_object_weak_ref (G_OBJECT (item), on_row_finalized_cb, self);
  g_hash_table_insert (self->rows, GUINT_TO_POINTER (position), item);
  return item;
}

static void
atlas_event_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_event_model_get_item_type;
  iface->get_n_items = atlas_event_model_get_n_items;
  iface->get_item = atlas_event_model_get_item;
}

static void
clear_orders (AtlasEventModel *self)
{
  for (guint k = 0; k < ATLAS_N_EVENT_SORTS; k++)
    g_clear_pointer (&self->by_key[k], g_free);
  g_clear_pointer (&self->visible, g_free);
}

static void
atlas_event_model_dispose (GObject *object)
{
  AtlasEventModel *self = (AtlasEventModel *) object;

  forget_rows (self);
  g_clear_object (&self->filter);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (atlas_event_model_parent_class)->dispose (object);
}

static void
atlas_event_model_finalize (GObject *object)
{
  AtlasEventModel *self = (AtlasEventModel *) object;

  clear_orders (self);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_event_model_parent_class)->finalize (object);
}

static void
atlas_event_model_class_init (AtlasEventModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_event_model_dispose;
  object_class->finalize = atlas_event_model_finalize;
}

static void
atlas_event_model_init (AtlasEventModel *self)
{
  self->key = ATLAS_EVENT_SORT_DATE;
  self->rows = g_hash_table_new (NULL, NULL);
}

static const char *
event_title (gpointer data,
             guint    event)
{
  const AtlasEvent *ev = atlas_dataset_get_event (data, event);

  return atlas_localized (ev->title, ev->title_zh);
}

static const char *
location_name (gpointer data,
               guint    location)
{
  const AtlasLocation *loc = atlas_dataset_get_location (data, location);

  return atlas_localized (loc->name, loc->name_zh);
}

static const char *
sector_name (gpointer data,
             guint    sector)
{
  const AtlasSector *sec = atlas_dataset_get_sector (data, sector);

  return atlas_localized (sec->name, sec->name_zh);
}

/*
 * Every event in the order of its first place's or first sector's name, then by
 * date (event indices are in date order); events without one last. The names
 * are ranked once, then the events are put in order by a counting sort on their
 * rank, which keeps date order among equal names.
 */
static guint32 *
order_by_first (AtlasDataset   *dataset,
                AtlasEventSort  key)
{
  guint n_events = atlas_dataset_get_n_events (dataset);
  gboolean by_place = key == ATLAS_EVENT_SORT_PLACE;
  guint n_values = by_place ? atlas_dataset_get_n_locations (dataset) : atlas_dataset_get_n_sectors (dataset);
  guint n_ranks;
  g_autofree guint32 *ranks = atlas_text_ranks (n_values, by_place ? location_name : sector_name,
                                                dataset, &n_ranks);
  g_autofree guint32 *bucket = g_new (guint32, MAX (n_events, 1));
  g_autofree guint *starts = g_new0 (guint, n_ranks + 2);
  guint32 *order = g_new (guint32, MAX (n_events, 1));

  /* Bucket n_ranks: no place, or no sector. */
  for (guint e = 0; e < n_events; e++)
    {
      guint n;
      const guint32 *list = by_place ? atlas_dataset_event_locations (dataset, e, &n)
                                     : atlas_dataset_event_sectors (dataset, e, &n);

      bucket[e] = n > 0 ? ranks[list[0]] : n_ranks;
      starts[bucket[e] + 1]++;
    }
  for (guint r = 1; r <= n_ranks + 1; r++)
    starts[r] += starts[r - 1];
  for (guint e = 0; e < n_events; e++)
    order[starts[bucket[e]]++] = e;
  return order;
}

static const guint32 *
ensure_order (AtlasEventModel *self,
              AtlasEventSort   key)
{
  if (self->by_key[key] != NULL)
    return self->by_key[key];

  if (key == ATLAS_EVENT_SORT_TITLE)
    self->by_key[key] = atlas_text_sort (atlas_dataset_get_n_events (self->dataset), event_title,
                                         self->dataset);
  else
    self->by_key[key] = order_by_first (self->dataset, key);
  return self->by_key[key];
}

/* The same dataset: the rows alive take their new events, and only the change
 * in length is announced. */
static void
announce_in_place (AtlasEventModel *self,
                   guint            old_n)
{
  GHashTableIter iter;
  gpointer key, row;
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);

  /* Rows notify after the walk: a handler may ask for rows, adding to the table. */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &row))
    {
      guint position = GPOINTER_TO_UINT (key);

      if (position < self->n_items &&
          atlas_event_item_get_event (row) != self->order[position])
        g_ptr_array_add (changed, g_object_ref (row));
    }
  for (guint i = 0; i < changed->len; i++)
    {
      AtlasEventItem *item = changed->pdata[i];
      guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (item), "atlas-position"));

      atlas_event_item_set_event (item, self->order[position]);
    }

  if (self->n_items < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), self->n_items, old_n - self->n_items, 0);
  else if (self->n_items > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, self->n_items - old_n);
}

static void
rebuild (AtlasEventModel *self,
         gboolean         dataset_changed)
{
  guint old_n = self->n_items;

  g_clear_pointer (&self->order, g_free);
  self->n_items = 0;

  if (self->dataset != NULL)
    {
      guint i = 0;
      const guint32 *visible = atlas_filter_get_event_array (self->filter, &self->n_items);

      self->order = g_new (guint32, MAX (self->n_items, 1));

      if (self->key == ATLAS_EVENT_SORT_DATE)
        {
          memcpy (self->order, visible, sizeof (guint32) * self->n_items);
        }
      else
        {
          guint n_events = atlas_dataset_get_n_events (self->dataset);
          const guint32 *by_key = ensure_order (self, self->key);

          /* Mark the visible events, then read them off in key order: two linear
           * passes rather than a sort per filter change. */
          if (self->visible == NULL)
            self->visible = g_new (guint8, MAX (n_events, 1));
          memset (self->visible, 0, n_events);
          for (guint v = 0; v < self->n_items; v++)
            self->visible[visible[v]] = 1;
          for (guint k = 0; k < n_events; k++)
            {
              if (self->visible[by_key[k]])
                self->order[i++] = by_key[k];
            }
        }

      if (self->descending)
        {
          for (guint a = 0, b = self->n_items; a + 1 < b; a++, b--)
            {
              guint32 tmp = self->order[a];

              self->order[a] = self->order[b - 1];
              self->order[b - 1] = tmp;
            }
        }
    }

  if (!dataset_changed)
    {
      announce_in_place (self, old_n);
      return;
    }

  /* Two signals, not one: GTK's list views look for the rows they show among the
   * added items when items are removed and added at once, which would make every
   * row of a million-row list an object. */
  forget_rows (self);
  if (old_n > 0)
    {
      guint new_n = self->n_items;

      /* While the removal is announced, the list is empty. */
      self->n_items = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
      self->n_items = new_n;
    }
  if (self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items);
}

static void
on_filter_changed_cb (AtlasEventModel *self,
                      AtlasFilter     *filter)
{
  AtlasDataset *dataset = atlas_filter_get_dataset (filter);

  gboolean dataset_changed = dataset != self->dataset;

  if (dataset_changed)
    {
      clear_orders (self);
      g_set_object (&self->dataset, dataset);
    }
  rebuild (self, dataset_changed);
}

/**
 * atlas_event_model_new:
 * @filter: the filter whose visible events the model lists
 *
 * Returns: (transfer full): a list model of #AtlasEventItem, in date order
 */
AtlasEventModel *
atlas_event_model_new (AtlasFilter *filter)
{
  AtlasEventModel *self;

  g_return_val_if_fail (ATLAS_IS_FILTER (filter), NULL);

  self = g_object_new (ATLAS_TYPE_EVENT_MODEL, NULL);
  self->filter = g_object_ref (filter);
  g_signal_connect_object (filter, "changed", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  on_filter_changed_cb (self, filter);
  return self;
}

void
atlas_event_model_set_sort (AtlasEventModel *self,
                            AtlasEventSort   key,
                            gboolean         descending)
{
  g_return_if_fail (ATLAS_IS_EVENT_MODEL (self));
  g_return_if_fail (key < ATLAS_N_EVENT_SORTS);

  if (self->key == key && self->descending == !!descending)
    return;

  self->key = key;
  self->descending = !!descending;
  rebuild (self, FALSE);
}

AtlasEventSort
atlas_event_model_get_sort (AtlasEventModel *self,
                            gboolean        *descending)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_MODEL (self), ATLAS_EVENT_SORT_DATE);

  if (descending != NULL)
    *descending = self->descending;
  return self->key;
}

guint
atlas_event_model_get_event (AtlasEventModel *self,
                             guint            position)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_MODEL (self), ATLAS_NONE);

  return position < self->n_items ? self->order[position] : ATLAS_NONE;
}

/* Whether the i-th event in ascending date order comes before @event, with
 * the order kept descending or not. */
static gboolean
date_order_before (gconstpointer model,
                   guint         i,
                   gconstpointer event)
{
  const AtlasEventModel *self = model;

  return self->order[self->descending ? self->n_items - 1 - i : i] < *(const guint *) event;
}

/**
 * atlas_event_model_find:
 * @self: a model
 * @event: an event
 *
 * Returns: the position of @event in the list, or %GTK_INVALID_LIST_POSITION
 */
guint
atlas_event_model_find (AtlasEventModel *self,
                        guint            event)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_MODEL (self), GTK_INVALID_LIST_POSITION);

  if (self->key == ATLAS_EVENT_SORT_DATE)
    {
      /* In date order the array is sorted by index: binary search. */
      guint lo = atlas_bisect (self, self->n_items, &event, date_order_before);

      if (lo < self->n_items)
        {
          guint position = self->descending ? self->n_items - 1 - lo : lo;

          if (self->order[position] == event)
            return position;
        }
      return GTK_INVALID_LIST_POSITION;
    }

  for (guint i = 0; i < self->n_items; i++)
    {
      if (self->order[i] == event)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/**
 * atlas_event_model_get_n_created:
 * @self: a model
 *
 * Returns: how many row objects the model has made so far, for tests and the
 *   benchmark to show that rows are made lazily
 */
guint
atlas_event_model_get_n_created (AtlasEventModel *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_MODEL (self), 0);

  return self->n_created;
}
