/* atlas-filter.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "atlas-dataset-private.h"
#include "atlas-filter.h"
#include "atlas-model-class.h"
#include "atlas-search.h"
#include "atlas-tally.h"

/*
 * The one filter state of the app. It turns the user's choices into the sets of
 * visible events and places with bitset algebra on the dataset's precomputed
 * sets, binary search on the sorted dates and one pass of the search index — never
 * a scan of every event's fields — and emits one "changed" signal.
 *
 * Semantics: within a facet (sectors, districts, kinds) the ticked values are
 * alternatives (OR); nothing ticked means no constraint. Facets, the text and the
 * date range combine with AND. An event is in a district or of a kind when one of
 * its places is. A place is visible when one of its visible events is, or, having
 * no events at all, when it matches the facets and the text itself and no date
 * range is set. With no filter at all every place is visible.
 */

struct _AtlasFilter
{
  GObject parent_instance;

  AtlasDataset *dataset;

  guint8 *active[ATLAS_N_FACETS];
  guint n_values[ATLAS_N_FACETS];
  guint n_active[ATLAS_N_FACETS];
  guint *counts[ATLAS_N_FACETS];

  char *text;
  char *query;
  AtlasSearchIndex *search;
  GThread *search_thread;          /* builds the index after a dataset arrives */
  GCancellable *search_cancellable;
  GtkBitset *text_events;
  GtkBitset *text_locations;

  gboolean has_range;
  gint32 range_start;
  gint32 range_end;
  GtkBitset *date_events;

  GtkBitset *events;
  guint32 *event_array;       /* the same events in order, made when first asked for */
  guint n_event_array;
  gboolean event_array_valid;
  GtkBitset *locations;
  GtkBitset *eventless_locations;
  AtlasTally tally;

  guint freeze_count;
  gboolean dirty;
};

G_DEFINE_FINAL_TYPE (AtlasFilter, atlas_filter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_TEXT,
  PROP_HAS_DATE_RANGE,
  PROP_DATE_START,
  PROP_DATE_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static guint changed_signal;

static void recompute (AtlasFilter *self);

typedef struct
{
  AtlasDataset *dataset;
  GCancellable *cancellable;
} IndexJob;

static gpointer
build_search_index (gpointer data)
{
  IndexJob *job = data;
  AtlasSearchIndex *index = atlas_search_index_new (job->dataset, job->cancellable);

  g_object_unref (job->dataset);
  g_object_unref (job->cancellable);
  g_free (job);
  return index;
}

/* The search index of a million events takes most of a second to build: build it
 * on a thread as soon as the dataset arrives, so the first search does not wait. */
static void
start_search_index (AtlasFilter *self)
{
  IndexJob *job = g_new (IndexJob, 1);

  self->search_cancellable = g_cancellable_new ();
  job->dataset = g_object_ref (self->dataset);
  job->cancellable = g_object_ref (self->search_cancellable);
  self->search_thread = g_thread_new ("atlas-search-index", build_search_index, job);
}

static AtlasSearchIndex *
get_search_index (AtlasFilter *self)
{
  if (self->search == NULL && self->search_thread != NULL)
    self->search = g_thread_join (g_steal_pointer (&self->search_thread));
  if (self->search == NULL)
    self->search = atlas_search_index_new (self->dataset, NULL);
  return self->search;
}

static void
clear_state (AtlasFilter *self)
{
  for (guint f = 0; f < ATLAS_N_FACETS; f++)
    {
      g_clear_pointer (&self->active[f], g_free);
      g_clear_pointer (&self->counts[f], g_free);
      self->n_values[f] = 0;
      self->n_active[f] = 0;
    }
  if (self->search_thread != NULL)
    {
      g_cancellable_cancel (self->search_cancellable);
      self->search = g_thread_join (g_steal_pointer (&self->search_thread));
    }
  g_clear_object (&self->search_cancellable);
  g_clear_pointer (&self->search, atlas_search_index_free);
  g_clear_pointer (&self->text_events, gtk_bitset_unref);
  g_clear_pointer (&self->text_locations, gtk_bitset_unref);
  g_clear_pointer (&self->date_events, gtk_bitset_unref);
  g_clear_pointer (&self->events, gtk_bitset_unref);
  g_clear_pointer (&self->event_array, g_free);
  self->event_array_valid = FALSE;
  g_clear_pointer (&self->locations, gtk_bitset_unref);
  g_clear_pointer (&self->eventless_locations, gtk_bitset_unref);
  atlas_tally_clear (&self->tally);
}

static void
atlas_filter_finalize (GObject *object)
{
  AtlasFilter *self = (AtlasFilter *) object;

  clear_state (self);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (atlas_filter_parent_class)->finalize (object);
}

/* The date range, [date-start, date-end) in days, for views to observe; set it
 * with atlas_filter_set_date_range(). Its fields read 0 while there is none. */
static const AtlasProperty property_table[N_PROPS] = {
  [PROP_DATASET] = ATLAS_PROPERTY_OBJECT ("dataset", atlas_dataset_get_type,
                                          AtlasFilter, dataset, atlas_filter_set_dataset),
  [PROP_TEXT] = ATLAS_PROPERTY_STRING ("text", "", AtlasFilter, text, atlas_filter_set_text),
  [PROP_HAS_DATE_RANGE] = ATLAS_PROPERTY_BOOLEAN ("has-date-range", FALSE, AtlasFilter, has_range, NULL),
  [PROP_DATE_START] = ATLAS_PROPERTY_INT ("date-start", G_MININT32, G_MAXINT32, 0,
                                          AtlasFilter, range_start, NULL),
  [PROP_DATE_END] = ATLAS_PROPERTY_INT ("date-end", G_MININT32, G_MAXINT32, 0,
                                        AtlasFilter, range_end, NULL),
};

static void
atlas_filter_class_init (AtlasFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_filter_finalize;

  /**
   * AtlasFilter::changed:
   *
   * Emitted once after the visible sets and counts have been recomputed.
   */
  changed_signal = atlas_model_class_install (object_class, property_table, properties, N_PROPS);
}

static void
atlas_filter_init (AtlasFilter *self)
{
  self->text = g_strdup ("");
  self->events = gtk_bitset_new_empty ();
  self->locations = gtk_bitset_new_empty ();
}

AtlasFilter *
atlas_filter_new (void)
{
  return g_object_new (ATLAS_TYPE_FILTER, NULL);
}

AtlasDataset *
atlas_filter_get_dataset (AtlasFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), NULL);

  return self->dataset;
}

static GtkBitset *
facet_locations (AtlasDataset *dataset,
                 AtlasFacet    facet,
                 guint         value)
{
  switch (facet)
    {
    case ATLAS_FACET_SECTOR:
      return atlas_dataset_get_sector_locations (dataset, value);
    case ATLAS_FACET_DISTRICT:
      return atlas_dataset_get_district_locations (dataset, value);
    case ATLAS_FACET_KIND:
    case ATLAS_N_FACETS:
    default:
      return atlas_dataset_get_kind_locations (dataset, value);
    }
}

/**
 * atlas_filter_set_dataset:
 * @self: a filter
 * @dataset: (nullable): the dataset to filter
 *
 * Changes the dataset and clears every filter. Callers restoring filters after a
 * reload set them again (inside atlas_filter_freeze()) afterwards.
 */
void
atlas_filter_set_dataset (AtlasFilter  *self,
                          AtlasDataset *dataset)
{
  g_return_if_fail (ATLAS_IS_FILTER (self));
  g_return_if_fail (!dataset || ATLAS_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;

  clear_state (self);
  g_set_object (&self->dataset, dataset);
  g_free (self->text);
  self->text = g_strdup ("");
  g_clear_pointer (&self->query, g_free);
  self->has_range = FALSE;
  self->range_start = self->range_end = 0;

  self->events = gtk_bitset_new_empty ();
  self->locations = gtk_bitset_new_empty ();

  if (dataset != NULL)
    {
      guint n_locations = atlas_dataset_get_n_locations (dataset);

      for (guint f = 0; f < ATLAS_N_FACETS; f++)
        {
          self->n_values[f] = atlas_facet_size (dataset, f);
          self->active[f] = g_new0 (guint8, MAX (self->n_values[f], 1));
          self->counts[f] = g_new0 (guint, MAX (self->n_values[f], 1));
        }

      self->eventless_locations = gtk_bitset_new_empty ();
      for (guint l = 0; l < n_locations; l++)
        {
          if (atlas_dataset_get_location (dataset, l)->n_events == 0)
            gtk_bitset_add (self->eventless_locations, l);
        }
      atlas_tally_init (&self->tally, dataset);
      start_search_index (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_DATE_RANGE]);
  recompute (self);
}

static void
changed (AtlasFilter *self)
{
  if (self->freeze_count > 0)
    {
      self->dirty = TRUE;
      return;
    }
  recompute (self);
}

/**
 * atlas_filter_freeze:
 * @self: a filter
 *
 * Holds back recomputing until atlas_filter_thaw(), so several changes (restoring
 * saved filters, "select all") cost one recomputation and one signal.
 */
void
atlas_filter_freeze (AtlasFilter *self)
{
  g_return_if_fail (ATLAS_IS_FILTER (self));

  self->freeze_count++;
}

void
atlas_filter_thaw (AtlasFilter *self)
{
  g_return_if_fail (ATLAS_IS_FILTER (self));
  g_return_if_fail (self->freeze_count > 0);

  if (--self->freeze_count == 0 && self->dirty)
    recompute (self);
}

guint
atlas_filter_get_n_values (AtlasFilter *self,
                           AtlasFacet   facet)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), 0);
  g_return_val_if_fail (facet < ATLAS_N_FACETS, 0);

  return self->n_values[facet];
}

gboolean
atlas_filter_get_value (AtlasFilter *self,
                        AtlasFacet   facet,
                        guint        value)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), FALSE);
  g_return_val_if_fail (facet < ATLAS_N_FACETS, FALSE);
  g_return_val_if_fail (value < self->n_values[facet], FALSE);

  return self->active[facet][value];
}

void
atlas_filter_set_value (AtlasFilter *self,
                        AtlasFacet   facet,
                        guint        value,
                        gboolean     active)
{
  g_return_if_fail (ATLAS_IS_FILTER (self));
  g_return_if_fail (facet < ATLAS_N_FACETS);
  g_return_if_fail (value < self->n_values[facet]);

  active = !!active;
  if (self->active[facet][value] == active)
    return;

  self->active[facet][value] = active;
  self->n_active[facet] += active ? 1 : -1;
  changed (self);
}

void
atlas_filter_set_all_values (AtlasFilter *self,
                             AtlasFacet   facet,
                             gboolean     active)
{
  g_return_if_fail (ATLAS_IS_FILTER (self));
  g_return_if_fail (facet < ATLAS_N_FACETS);

  atlas_filter_freeze (self);
  for (guint v = 0; v < self->n_values[facet]; v++)
    atlas_filter_set_value (self, facet, v, active);
  atlas_filter_thaw (self);
}

guint
atlas_filter_get_n_active_values (AtlasFilter *self,
                                  AtlasFacet   facet)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), 0);
  g_return_val_if_fail (facet < ATLAS_N_FACETS, 0);

  return self->n_active[facet];
}

/**
 * atlas_filter_get_value_count:
 * @self: a filter
 * @facet: a facet
 * @value: one of its values
 *
 * Returns: how many events would be visible with @value ticked as the only value
 *   of @facet, every other filter as it is: the live count shown beside a toggle
 */
guint
atlas_filter_get_value_count (AtlasFilter *self,
                              AtlasFacet   facet,
                              guint        value)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), 0);
  g_return_val_if_fail (facet < ATLAS_N_FACETS, 0);
  g_return_val_if_fail (value < self->n_values[facet], 0);

  return self->counts[facet][value];
}

const char *
atlas_filter_get_text (AtlasFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), NULL);

  return self->text;
}

/**
 * atlas_filter_set_text:
 * @self: a filter
 * @text: (nullable): words to look for in names, titles and descriptions, in any
 *   case and with or without accents; empty for none
 */
void
atlas_filter_set_text (AtlasFilter *self,
                       const char  *text)
{
  g_autofree char *query = NULL;

  g_return_if_fail (ATLAS_IS_FILTER (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);

  {
    g_autofree char *stripped = g_strstrip (g_strdup (text));

    query = *stripped != '\0' ? atlas_search_normalize (stripped) : NULL;
  }
  if (query != NULL && *query == '\0')
    g_clear_pointer (&query, g_free);
  if (g_strcmp0 (query, self->query) == 0)
    return;

  g_free (self->query);
  self->query = g_steal_pointer (&query);
  g_clear_pointer (&self->text_events, gtk_bitset_unref);
  g_clear_pointer (&self->text_locations, gtk_bitset_unref);

  if (self->query != NULL && self->dataset != NULL)
    {
      self->text_events = gtk_bitset_new_empty ();
      self->text_locations = gtk_bitset_new_empty ();
      atlas_search_index_match (get_search_index (self), self->query, self->text_events, self->text_locations);
    }
  changed (self);
}

gboolean
atlas_filter_get_date_range (AtlasFilter *self,
                             gint32      *start,
                             gint32      *end)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), FALSE);

  if (self->has_range)
    {
      if (start != NULL)
        *start = self->range_start;
      if (end != NULL)
        *end = self->range_end;
    }
  return self->has_range;
}

/**
 * atlas_events_in_window:
 * @dataset: a dataset
 * @start: first day of the window
 * @end: day after the window
 * @out: (out caller-allocates): receives the events overlapping [@start, @end)
 *
 * Events are sorted by start, so those starting inside the window are one range
 * found by binary search; those starting before it can only be among the events
 * of the ATLAS_BAND_DAYS before it, or among the few longer ones.
 */
void
atlas_events_in_window (AtlasDataset *dataset,
                        gint32        start,
                        gint32        end,
                        GtkBitset    *out)
{
  const gint32 *ends = atlas_dataset_get_ends (dataset);
  const guint32 *long_events;
  guint band, first, last, n_long;

  gtk_bitset_remove_all (out);
  if (end <= start || atlas_dataset_get_n_events (dataset) == 0)
    return;

  band = atlas_dataset_find_start (dataset, (gint64) start - ATLAS_BAND_DAYS);
  first = atlas_dataset_find_start (dataset, start);
  last = atlas_dataset_find_start (dataset, end);

  for (guint i = band; i < first; i++)
    {
      if (ends[i] > start)
        gtk_bitset_add (out, i);
    }
  long_events = atlas_dataset_get_long_events (dataset, &n_long);
  for (guint i = 0; i < n_long; i++)
    {
      guint e = long_events[i];

      if (e >= band)
        break;
      if (ends[e] > start)
        gtk_bitset_add (out, e);
    }
  if (last > first)
    gtk_bitset_add_range (out, first, last - first);
}

/**
 * atlas_filter_set_date_range:
 * @self: a filter
 * @start: first day
 * @end: the day after the last day
 *
 * Keeps the events that overlap [@start, @end), so an event known only to the
 * month stays when the range covers part of that month.
 */
static void
notify_date_range (AtlasFilter *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_DATE_RANGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_START]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_END]);
}

void
atlas_filter_set_date_range (AtlasFilter *self,
                             gint32       start,
                             gint32       end)
{
  g_return_if_fail (ATLAS_IS_FILTER (self));
  g_return_if_fail (start < end);

  if (self->has_range && self->range_start == start && self->range_end == end)
    return;

  self->has_range = TRUE;
  self->range_start = start;
  self->range_end = end;
  if (self->dataset != NULL)
    {
      if (self->date_events == NULL)
        self->date_events = gtk_bitset_new_empty ();
      atlas_events_in_window (self->dataset, start, end, self->date_events);
    }
  changed (self);
  notify_date_range (self);
}

void
atlas_filter_clear_date_range (AtlasFilter *self)
{
  g_return_if_fail (ATLAS_IS_FILTER (self));

  if (!self->has_range)
    return;

  self->has_range = FALSE;
  self->range_start = self->range_end = 0;
  g_clear_pointer (&self->date_events, gtk_bitset_unref);
  changed (self);
  notify_date_range (self);
}

/**
 * atlas_filter_clear:
 * @self: a filter
 *
 * Unticks every facet value and clears the text and the date range.
 */
void
atlas_filter_clear (AtlasFilter *self)
{
  g_return_if_fail (ATLAS_IS_FILTER (self));

  atlas_filter_freeze (self);
  for (guint f = 0; f < ATLAS_N_FACETS; f++)
    atlas_filter_set_all_values (self, f, FALSE);
  atlas_filter_set_text (self, NULL);
  atlas_filter_clear_date_range (self);
  atlas_filter_thaw (self);
}

gboolean
atlas_filter_is_active (AtlasFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), FALSE);

  for (guint f = 0; f < ATLAS_N_FACETS; f++)
    {
      if (self->n_active[f] > 0)
        return TRUE;
    }
  return self->query != NULL || self->has_range;
}

/* The events of the active values of one facet, or NULL for no constraint. */
static GtkBitset *
facet_union (AtlasFilter *self,
             AtlasFacet   facet,
             gboolean     locations)
{
  GtkBitset *set;

  if (self->n_active[facet] == 0)
    return NULL;

  set = gtk_bitset_new_empty ();
  for (guint v = 0; v < self->n_values[facet]; v++)
    {
      if (self->active[facet][v])
        gtk_bitset_union (set, locations ? facet_locations (self->dataset, facet, v)
                                         : atlas_facet_events (self->dataset, facet, v));
    }
  return set;
}

/* Everything except the constraint of one facet (skip), for its live counts;
 * with skip -1, the visible events. */
static GtkBitset *
events_without (AtlasFilter *self,
                GtkBitset   *facet_sets[ATLAS_N_FACETS],
                int          skip)
{
  guint n_events = atlas_dataset_get_n_events (self->dataset);
  GtkBitset *set;

  if (self->date_events != NULL)
    set = gtk_bitset_copy (self->date_events);
  else
    set = gtk_bitset_new_range (0, n_events);

  if (self->text_events != NULL)
    gtk_bitset_intersect (set, self->text_events);
  for (int f = 0; f < ATLAS_N_FACETS; f++)
    {
      if (f != skip && facet_sets[f] != NULL)
        gtk_bitset_intersect (set, facet_sets[f]);
    }
  return set;
}

/* The places of the visible events, from the tally, and the places without
 * events that match. */
static void
compute_locations (AtlasFilter *self)
{
  guint n_locations = atlas_dataset_get_n_locations (self->dataset);

  if (!atlas_filter_is_active (self))
    {
      gtk_bitset_add_range (self->locations, 0, n_locations);
      return;
    }

  atlas_tally_locations (&self->tally, self->locations);

  if (!self->has_range && !gtk_bitset_is_empty (self->eventless_locations))
    {
      g_autoptr(GtkBitset) eventless = gtk_bitset_copy (self->eventless_locations);

      for (guint f = 0; f < ATLAS_N_FACETS; f++)
        {
          g_autoptr(GtkBitset) set = facet_union (self, f, TRUE);

          if (set != NULL)
            gtk_bitset_intersect (eventless, set);
        }
      if (self->text_locations != NULL)
        gtk_bitset_intersect (eventless, self->text_locations);
      gtk_bitset_union (self->locations, eventless);
    }
}

static void
recompute (AtlasFilter *self)
{
  GtkBitset *facet_sets[ATLAS_N_FACETS] = { NULL, };
  gboolean active;

  self->dirty = FALSE;
  gtk_bitset_remove_all (self->events);
  self->event_array_valid = FALSE;
  gtk_bitset_remove_all (self->locations);

  if (self->dataset == NULL)
    {
      g_signal_emit (self, changed_signal, 0);
      return;
    }

  for (guint f = 0; f < ATLAS_N_FACETS; f++)
    facet_sets[f] = facet_union (self, f, FALSE);

  /* The visible events: those every filter lets through. */
  {
    g_autoptr(GtkBitset) all = events_without (self, facet_sets, -1);

    gtk_bitset_union (self->events, all);
  }

  active = atlas_filter_is_active (self);
  if (active)
    {
      guint n;
      const guint32 *events = atlas_filter_get_event_array (self, &n);

      atlas_tally_events (&self->tally, events, n);
    }

  /* The live count of a value: the events matching every other filter and that
   * value. For a facet nothing is ticked in, the other filters let through the
   * visible events; its counts are those of the visible events, and for the
   * facets of places they come from the tally. */
  for (guint f = 0; f < ATLAS_N_FACETS; f++)
    {
      if (facet_sets[f] == NULL && active && f != ATLAS_FACET_SECTOR)
        {
          atlas_tally_place_facet (&self->tally, f, self->counts[f]);
        }
      else if (facet_sets[f] == NULL)
        {
          atlas_count_facet (self->dataset, f, self->events, ATLAS_COUNT_CHEAPEST,
                             self->counts[f]);
        }
      else
        {
          g_autoptr(GtkBitset) others = events_without (self, facet_sets, f);

          atlas_count_facet (self->dataset, f, others, ATLAS_COUNT_CHEAPEST, self->counts[f]);
        }
    }

  compute_locations (self);

  for (guint f = 0; f < ATLAS_N_FACETS; f++)
    g_clear_pointer (&facet_sets[f], gtk_bitset_unref);

  g_debug ("filter changed: %u events and %u places visible",
           (guint) gtk_bitset_get_size (self->events), (guint) gtk_bitset_get_size (self->locations));
  g_signal_emit (self, changed_signal, 0);
}

/**
 * atlas_filter_get_events:
 * @self: a filter
 *
 * Returns: (transfer none): the visible events; do not modify
 */
GtkBitset *
atlas_filter_get_events (AtlasFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), NULL);

  return self->events;
}

/**
 * atlas_filter_get_event_array:
 * @self: a filter
 * @n_events: (out): the number of visible events
 *
 * The visible events as an array, in order. The views that read every visible
 * event after a change (the tallies, the playhead's counts, the list in date
 * order, the timeline's bins) read this one array, made at the first call after
 * the change, rather than each walking the set: a step of GtkBitset's iterator
 * costs several times as much as reading an array.
 *
 * Returns: (transfer none) (array length=n_events): the visible events; valid
 *   until the filter changes
 */
const guint32 *
atlas_filter_get_event_array (AtlasFilter *self,
                              guint       *n_events)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), NULL);
  g_return_val_if_fail (n_events != NULL, NULL);

  if (!self->event_array_valid)
    {
      guint n = (guint) gtk_bitset_get_size (self->events), i = 0, event;
      GtkBitsetIter iter;

      self->event_array = g_renew (guint32, self->event_array, MAX (n, 1));
      for (gboolean ok = gtk_bitset_iter_init_first (&iter, self->events, &event); ok;
           ok = gtk_bitset_iter_next (&iter, &event))
        self->event_array[i++] = event;
      self->n_event_array = n;
      self->event_array_valid = TRUE;
    }
  *n_events = self->n_event_array;
  return self->event_array;
}

/**
 * atlas_filter_get_locations:
 * @self: a filter
 *
 * Returns: (transfer none): the visible places; do not modify
 */
GtkBitset *
atlas_filter_get_locations (AtlasFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), NULL);

  return self->locations;
}

gboolean
atlas_filter_event_visible (AtlasFilter *self,
                            guint        event)
{
  return gtk_bitset_contains (self->events, event);
}

gboolean
atlas_filter_location_visible (AtlasFilter *self,
                               guint        location)
{
  return gtk_bitset_contains (self->locations, location);
}
