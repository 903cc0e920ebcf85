/* atlas-tally.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "atlas-dataset-private.h"
#include "atlas-tally.h"

/*
 * The two costs of a filter change that grow with the number of visible events:
 * which places they are at, and the live counts of the facets. One pass over
 * the visible events counts them per place; the counts of districts and kinds,
 * which are properties of places, then follow from the places alone. Sectors
 * belong to events, and a facet the user has ticked counts a different set of
 * events (all the others let through): those are counted by bitset
 * intersections, or a pass of their own when that is cheaper.
 */

/**
 * atlas_facet_events:
 * @dataset: a sealed dataset
 * @facet: a facet
 * @value: one of its values
 *
 * Returns: (transfer none): the events with @value
 */
GtkBitset *
atlas_facet_events (AtlasDataset *dataset,
                    AtlasFacet    facet,
                    guint         value)
{
  switch (facet)
    {
    case ATLAS_FACET_SECTOR:
      return atlas_dataset_get_sector_events (dataset, value);
    case ATLAS_FACET_DISTRICT:
      return atlas_dataset_get_district_events (dataset, value);
    case ATLAS_FACET_KIND:
    case ATLAS_N_FACETS:
    default:
      return atlas_dataset_get_kind_events (dataset, value);
    }
}

/**
 * atlas_facet_size:
 * @dataset: a sealed dataset
 * @facet: a facet
 *
 * Returns: the number of values of @facet in @dataset
 */
guint
atlas_facet_size (AtlasDataset *dataset,
                  AtlasFacet    facet)
{
  switch (facet)
    {
    case ATLAS_FACET_SECTOR:
      return atlas_dataset_get_n_sectors (dataset);
    case ATLAS_FACET_DISTRICT:
      return atlas_dataset_get_n_districts (dataset);
    case ATLAS_FACET_KIND:
    case ATLAS_N_FACETS:
    default:
      return ATLAS_N_KINDS;
    }
}

void
atlas_tally_init (AtlasTally   *tally,
                  AtlasDataset *dataset)
{
  memset (tally, 0, sizeof *tally);
  tally->dataset = dataset;
  tally->place_counts = g_new0 (guint32, MAX (atlas_dataset_get_n_locations (dataset), 1));
  tally->district_surplus = g_new0 (guint, MAX (atlas_dataset_get_n_districts (dataset), 1));
  tally->more_places = g_array_new (FALSE, FALSE, sizeof (guint32));
}

void
atlas_tally_clear (AtlasTally *tally)
{
  g_clear_pointer (&tally->place_counts, g_free);
  g_clear_pointer (&tally->district_surplus, g_free);
  g_clear_pointer (&tally->more_places, g_array_unref);
  tally->dataset = NULL;
}

/* How many events ahead atlas_count_event_places() asks for their lists. */
#define PREFETCH_AHEAD 16

/**
 * atlas_count_event_places:
 * @dataset: a sealed dataset
 * @events: (array length=n_events): events, in ascending order; meant for those
 *   with more than one place (see %ATLAS_MORE_PLACES)
 * @n_events: the number of @events
 * @delta: added to the count of every place of every event
 * @place_counts: per place, the counts to change
 * @district_surplus: (nullable): per district, incremented for every place of an
 *   event after the first of that event in that district
 * @kind_surplus: (nullable): likewise per kind
 *
 * Events with more places are sparse among the others, so each of their lists
 * would be a cache miss when read in a pass over all events. Callers gather them
 * and pass them here, where the lists of the events ahead are fetched while the
 * current one is counted (measured on the million-event benchmark: 75 to 120 ns
 * an event in the main pass, about 15 here).
 *
 * With the surplus counts, an event with two places in one district can be
 * counted once for that district: sum the counts of the district's places and
 * take off its surplus. Likewise for kinds.
 */
void
atlas_count_event_places (AtlasDataset  *dataset,
                          const guint32 *events,
                          guint          n_events,
                          gint           delta,
                          guint32       *place_counts,
                          guint         *district_surplus,
                          guint         *kind_surplus)
{
  const guint32 *starts = dataset->location_starts;
  const guint32 *lists = (const guint32 *) dataset->indices->data;
  const guint32 *districts = dataset->location_districts;
  const guint8 *kinds = dataset->location_kinds;

  for (guint i = 0; i < n_events; i++)
    {
      guint32 start, end;

      if (i + PREFETCH_AHEAD < n_events)
        __builtin_prefetch (&starts[events[i + PREFETCH_AHEAD]]);
      if (i + PREFETCH_AHEAD / 2 < n_events)
        __builtin_prefetch (&lists[starts[events[i + PREFETCH_AHEAD / 2]]]);

      start = starts[events[i]];
      end = starts[events[i] + 1];
      for (guint32 j = start; j < end; j++)
        {
          guint32 place = lists[j];
          gboolean same_district = FALSE;
          gboolean same_kind = FALSE;

          place_counts[place] += (guint32) delta;
          if (district_surplus == NULL && kind_surplus == NULL)
            continue;
          for (guint32 k = start; k < j; k++)
            {
              same_district |= districts[lists[k]] == districts[place];
              same_kind |= kinds[lists[k]] == kinds[place];
            }
          if (district_surplus != NULL && same_district && districts[place] != ATLAS_NONE)
            district_surplus[districts[place]]++;
          if (kind_surplus != NULL && same_kind)
            kind_surplus[kinds[place]]++;
        }
    }
}

/**
 * atlas_tally_events:
 * @tally: a tally
 * @events: (array length=n_events): the visible events
 * @n_events: their number
 *
 * Counts @events at their places, for atlas_tally_place_facet() and
 * atlas_tally_locations().
 */
void
atlas_tally_events (AtlasTally    *tally,
                    const guint32 *events,
                    guint          n_events)
{
  AtlasDataset *ds = tally->dataset;
  const guint32 *first = ds->first_locations;

  memset (tally->place_counts, 0, sizeof (guint32) * atlas_dataset_get_n_locations (ds));
  memset (tally->district_surplus, 0, sizeof (guint) * atlas_dataset_get_n_districts (ds));
  memset (tally->kind_surplus, 0, sizeof tally->kind_surplus);
  g_array_set_size (tally->more_places, 0);

  for (guint i = 0; i < n_events; i++)
    {
      guint32 event = events[i];

      if (G_LIKELY (!(first[event] & ATLAS_MORE_PLACES)))
        tally->place_counts[first[event]]++;
      else
        g_array_append_val (tally->more_places, event);
    }
  atlas_count_event_places (ds, (const guint32 *) tally->more_places->data,
                            tally->more_places->len, 1, tally->place_counts,
                            tally->district_surplus, tally->kind_surplus);
}

/**
 * atlas_tally_place_facet:
 * @tally: a tally of the visible events
 * @facet: %ATLAS_FACET_DISTRICT or %ATLAS_FACET_KIND
 * @counts: (out caller-allocates): per value, the visible events with it
 */
void
atlas_tally_place_facet (AtlasTally *tally,
                         AtlasFacet  facet,
                         guint      *counts)
{
  AtlasDataset *ds = tally->dataset;
  guint n_locations = atlas_dataset_get_n_locations (ds);
  guint n_values = atlas_facet_size (ds, facet);
  const guint *surplus = facet == ATLAS_FACET_DISTRICT ? tally->district_surplus
                                                       : tally->kind_surplus;

  g_return_if_fail (facet == ATLAS_FACET_DISTRICT || facet == ATLAS_FACET_KIND);

  memset (counts, 0, sizeof (guint) * n_values);
  for (guint l = 0; l < n_locations; l++)
    {
      guint32 value;

      if (tally->place_counts[l] == 0)
        continue;
      value = facet == ATLAS_FACET_DISTRICT ? ds->location_districts[l] : ds->location_kinds[l];
      if (value != ATLAS_NONE)
        counts[value] += tally->place_counts[l];
    }
  for (guint v = 0; v < n_values; v++)
    counts[v] -= surplus[v];
}

/**
 * atlas_tally_locations:
 * @tally: a tally of the visible events
 * @locations: receives the places with visible events
 */
void
atlas_tally_locations (AtlasTally *tally,
                       GtkBitset  *locations)
{
  guint n_locations = atlas_dataset_get_n_locations (tally->dataset);

  /* In order and in runs: appends of ranges are the cheap case for a bitset. */
  for (guint l = 0; l < n_locations; l++)
    {
      guint run;

      if (tally->place_counts[l] == 0)
        continue;
      for (run = l + 1; run < n_locations && tally->place_counts[run] != 0; run++)
        ;
      gtk_bitset_add_range (locations, l, run - l);
      l = run;
    }
}

/*
 * Rough costs of the two ways to count a facet over any set, in nanoseconds on
 * the million-event benchmark: one step of a bitset iterator with its lookups,
 * and one element of a bitset intersection (the smaller set is copied and
 * intersected with the larger), plus the fixed cost of a copy.
 */
#define ITERATE_NS 16
#define INTERSECT_NS 2
#define INTERSECT_FIXED_NS 2000

/* One pass over `others`, for a facet with many values and few events to count. */
static void
count_by_pass (AtlasDataset *ds,
               AtlasFacet    facet,
               GtkBitset    *others,
               guint        *counts)
{
  guint n_values = atlas_facet_size (ds, facet);
  const guint32 *first = ds->first_locations;
  g_autofree guint32 *last = g_new0 (guint32, MAX (n_values, 1));
  GtkBitsetIter iter;
  guint event;

  /* last[v] is the last event (plus one) counted for v: an event whose places
   * share a district counts once. */
  memset (counts, 0, sizeof (guint) * n_values);
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, others, &event); ok;
       ok = gtk_bitset_iter_next (&iter, &event))
    {
      guint n;
      const guint32 *list;

      /* The common case, one place, from the flat arrays. */
      if (facet != ATLAS_FACET_SECTOR && !(first[event] & ATLAS_MORE_PLACES))
        {
          guint32 value = facet == ATLAS_FACET_DISTRICT ? ds->location_districts[first[event]]
                                                        : ds->location_kinds[first[event]];

          if (value != ATLAS_NONE)
            counts[value]++;
          continue;
        }

      list = facet == ATLAS_FACET_SECTOR ? atlas_dataset_event_sectors (ds, event, &n)
                                         : atlas_dataset_event_locations (ds, event, &n);
      for (guint i = 0; i < n; i++)
        {
          guint32 value = facet == ATLAS_FACET_SECTOR ? list[i] :
                          facet == ATLAS_FACET_DISTRICT ? ds->location_districts[list[i]] :
                          ds->location_kinds[list[i]];

          if (value != ATLAS_NONE && last[value] != event + 1)
            {
              last[value] = event + 1;
              counts[value]++;
            }
        }
    }
}

/**
 * atlas_count_facet:
 * @dataset: a sealed dataset
 * @facet: a facet
 * @others: the events to count: those every other filter lets through
 * @method: how to count; %ATLAS_COUNT_CHEAPEST but in tests
 * @counts: (out caller-allocates): per value of @facet, the events of @others
 *   with it
 *
 * The cheapest way is one of three: nothing else filters, so the counts are the
 * values' sizes; an intersection per value, when the values are few or small;
 * or one pass over @others.
 */
void
atlas_count_facet (AtlasDataset     *dataset,
                   AtlasFacet        facet,
                   GtkBitset        *others,
                   AtlasCountMethod  method,
                   guint            *counts)
{
  guint n_values = atlas_facet_size (dataset, facet);
  guint64 n_others = gtk_bitset_get_size (others);

  if (method == ATLAS_COUNT_CHEAPEST)
    {
      guint64 intersect_cost = 0;

      if (n_others == atlas_dataset_get_n_events (dataset))
        {
          for (guint v = 0; v < n_values; v++)
            counts[v] = (guint) gtk_bitset_get_size (atlas_facet_events (dataset, facet, v));
          return;
        }

      for (guint v = 0; v < n_values; v++)
        {
          guint64 size = gtk_bitset_get_size (atlas_facet_events (dataset, facet, v));

          intersect_cost += MIN (size, n_others) * INTERSECT_NS + INTERSECT_FIXED_NS;
        }
      method = intersect_cost > n_others * ITERATE_NS ? ATLAS_COUNT_BY_PASS
                                                      : ATLAS_COUNT_BY_INTERSECTION;
    }

  if (method == ATLAS_COUNT_BY_PASS)
    {
      count_by_pass (dataset, facet, others, counts);
      return;
    }

  for (guint v = 0; v < n_values; v++)
    {
      GtkBitset *values = atlas_facet_events (dataset, facet, v);
      gboolean smaller = gtk_bitset_get_size (values) < n_others;
      g_autoptr(GtkBitset) set = gtk_bitset_copy (smaller ? values : others);

      gtk_bitset_intersect (set, smaller ? others : values);
      counts[v] = (guint) gtk_bitset_get_size (set);
    }
}
