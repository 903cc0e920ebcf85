/* atlas-dataset.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-bisect.h"
#include "atlas-dataset-private.h"

G_DEFINE_FINAL_TYPE (AtlasDataset, atlas_dataset, G_TYPE_OBJECT)

static const struct {
  const char *id;
  const char *label;
  const char *plural;
} kinds[ATLAS_N_KINDS] = {
  [ATLAS_KIND_NEW_AREA] = { "new-area", N_("New area"), N_("New areas") },
  [ATLAS_KIND_ZONE] = { "zone", N_("Zone"), N_("Zones") },
  [ATLAS_KIND_PARK] = { "park", N_("Park"), N_("Parks") },
  [ATLAS_KIND_PORT] = { "port", N_("Port"), N_("Ports") },
  [ATLAS_KIND_SCIENCE_CITY] = { "science-city", N_("Science city"), N_("Science cities") },
  [ATLAS_KIND_DISTRICT] = { "district", N_("District"), N_("Districts") },
  [ATLAS_KIND_HI_TECH_ZONE] = { "hi-tech-zone", N_("Hi-tech zone"), N_("Hi-tech zones") },
  [ATLAS_KIND_INSTITUTE] = { "institute", N_("Institute"), N_("Institutes") },
  [ATLAS_KIND_COMPANY] = { "company", N_("Company"), N_("Companies") },
  [ATLAS_KIND_VENUE] = { "venue", N_("Venue"), N_("Venues") },
  [ATLAS_KIND_CITY] = { "city", N_("City"), N_("Cities") },
  [ATLAS_KIND_ROUTE] = { "route", N_("Route"), N_("Routes") },
};

const char *
atlas_kind_to_string (AtlasKind kind)
{
  g_return_val_if_fail (kind < ATLAS_N_KINDS, NULL);

  return kinds[kind].id;
}

gboolean
atlas_kind_from_string (const char *text,
                        AtlasKind  *kind)
{
  for (guint i = 0; i < ATLAS_N_KINDS; i++)
    {
      if (g_strcmp0 (text, kinds[i].id) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
atlas_kind_get_label (AtlasKind kind)
{
  g_return_val_if_fail (kind < ATLAS_N_KINDS, NULL);

  return _(kinds[kind].label);
}

const char *
atlas_kind_get_plural_label (AtlasKind kind)
{
  g_return_val_if_fail (kind < ATLAS_N_KINDS, NULL);

  return _(kinds[kind].plural);
}

static void
free_bitsets (GtkBitset ***sets,
              guint        n)
{
  if (*sets == NULL)
    return;
  for (guint i = 0; i < n; i++)
    g_clear_pointer (&(*sets)[i], gtk_bitset_unref);
  g_clear_pointer (sets, g_free);
}

static void
atlas_dataset_finalize (GObject *object)
{
  AtlasDataset *self = (AtlasDataset *) object;
  guint n_sectors = self->sectors->len;
  guint n_districts = self->districts->len;

  free_bitsets (&self->sector_events, n_sectors);
  free_bitsets (&self->sector_locations, n_sectors);
  free_bitsets (&self->district_events, n_districts);
  free_bitsets (&self->district_locations, n_districts);
  for (guint i = 0; i < ATLAS_N_KINDS; i++)
    {
      g_clear_pointer (&self->kind_events[i], gtk_bitset_unref);
      g_clear_pointer (&self->kind_locations[i], gtk_bitset_unref);
    }

  g_clear_pointer (&self->event_colors, g_free);
  g_clear_pointer (&self->first_locations, g_free);
  g_clear_pointer (&self->location_starts, g_free);
  g_clear_pointer (&self->sector_starts, g_free);
  g_clear_pointer (&self->location_districts, g_free);
  g_clear_pointer (&self->location_kinds, g_free);
  g_clear_pointer (&self->long_events, g_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->title_zh, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->license, g_free);
  g_clear_pointer (&self->sources, g_array_unref);
  g_clear_pointer (&self->sectors, g_array_unref);
  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_pointer (&self->districts, g_array_unref);
  g_clear_pointer (&self->locations, g_array_unref);
  g_clear_pointer (&self->events, g_array_unref);
  g_clear_pointer (&self->starts, g_array_unref);
  g_clear_pointer (&self->ends, g_array_unref);
  g_clear_pointer (&self->indices, g_array_unref);
  g_clear_pointer (&self->facts, g_array_unref);
  g_clear_pointer (&self->geometries, g_array_unref);
  g_clear_pointer (&self->rings, g_array_unref);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->source_ids, g_hash_table_unref);
  g_clear_pointer (&self->sector_ids, g_hash_table_unref);
  g_clear_pointer (&self->district_ids, g_hash_table_unref);
  g_clear_pointer (&self->location_ids, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (atlas_dataset_parent_class)->finalize (object);
}

static void
atlas_dataset_class_init (AtlasDatasetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_dataset_finalize;
}

static void
atlas_dataset_init (AtlasDataset *self)
{
  self->strings = g_string_chunk_new (64 * 1024);
  self->sources = g_array_new (FALSE, TRUE, sizeof (AtlasSource));
  self->sectors = g_array_new (FALSE, TRUE, sizeof (AtlasSector));
  self->districts = g_array_new (FALSE, TRUE, sizeof (AtlasDistrict));
  self->locations = g_array_new (FALSE, TRUE, sizeof (AtlasLocation));
  self->events = g_array_new (FALSE, TRUE, sizeof (AtlasEvent));
  self->starts = g_array_new (FALSE, FALSE, sizeof (gint32));
  self->ends = g_array_new (FALSE, FALSE, sizeof (gint32));
  self->indices = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->facts = g_array_new (FALSE, TRUE, sizeof (AtlasFact));
  self->geometries = g_array_new (FALSE, TRUE, sizeof (AtlasGeometry));
  self->rings = g_array_new (FALSE, TRUE, sizeof (AtlasRing));
  self->points = g_array_new (FALSE, FALSE, sizeof (AtlasPoint));
  self->periods = g_array_new (FALSE, TRUE, sizeof (AtlasPeriod));
  self->source_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->sector_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->district_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->location_ids = g_hash_table_new (g_str_hash, g_str_equal);
}

AtlasDataset *
atlas_dataset_new (void)
{
  return g_object_new (ATLAS_TYPE_DATASET, NULL);
}

/* Short strings that repeat (ids, names) are stored once. */
const char *
atlas_dataset_intern (AtlasDataset *self,
                      const char   *text)
{
  if (text == NULL)
    return NULL;
  return g_string_chunk_insert_const (self->strings, text);
}

/* Long strings that rarely repeat (descriptions) are stored without a lookup. */
const char *
atlas_dataset_store (AtlasDataset *self,
                     const char   *text)
{
  if (text == NULL)
    return NULL;
  return g_string_chunk_insert (self->strings, text);
}

guint32
atlas_dataset_add_indices (AtlasDataset  *self,
                           const guint32 *values,
                           guint          n)
{
  guint32 offset = self->indices->len;

  if (n > 0)
    g_array_append_vals (self->indices, values, n);
  return offset;
}

const char *
atlas_dataset_get_title (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return self->title;
}

const char *
atlas_dataset_get_title_zh (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return self->title_zh;
}

const char *
atlas_dataset_get_description (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return self->description;
}

const char *
atlas_dataset_get_license (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return self->license;
}

guint
atlas_dataset_get_n_sources (AtlasDataset *self)
{
  return self->sources->len;
}

guint
atlas_dataset_get_n_periods (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), 0);
  return self->periods->len;
}

/**
 * atlas_dataset_get_period:
 * @index: from 0 to atlas_dataset_get_n_periods() - 1
 *
 * Returns: (transfer none): the period, in the order of the file
 */
const AtlasPeriod *
atlas_dataset_get_period (AtlasDataset *self,
                          guint         index)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->periods->len, NULL);
  return &g_array_index (self->periods, AtlasPeriod, index);
}

guint
atlas_dataset_get_n_sectors (AtlasDataset *self)
{
  return self->sectors->len;
}

guint
atlas_dataset_get_n_districts (AtlasDataset *self)
{
  return self->districts->len;
}

guint
atlas_dataset_get_n_locations (AtlasDataset *self)
{
  return self->locations->len;
}

guint
atlas_dataset_get_n_events (AtlasDataset *self)
{
  return self->events->len;
}

const AtlasSource *
atlas_dataset_get_source (AtlasDataset *self,
                          guint         index)
{
  g_return_val_if_fail (index < self->sources->len, NULL);

  return &g_array_index (self->sources, AtlasSource, index);
}

const AtlasSector *
atlas_dataset_get_sector (AtlasDataset *self,
                          guint         index)
{
  g_return_val_if_fail (index < self->sectors->len, NULL);

  return &g_array_index (self->sectors, AtlasSector, index);
}

const AtlasDistrict *
atlas_dataset_get_district (AtlasDataset *self,
                            guint         index)
{
  g_return_val_if_fail (index < self->districts->len, NULL);

  return &g_array_index (self->districts, AtlasDistrict, index);
}

const AtlasLocation *
atlas_dataset_get_location (AtlasDataset *self,
                            guint         index)
{
  g_return_val_if_fail (index < self->locations->len, NULL);

  return &g_array_index (self->locations, AtlasLocation, index);
}

const AtlasEvent *
atlas_dataset_get_event (AtlasDataset *self,
                         guint         index)
{
  g_return_val_if_fail (index < self->events->len, NULL);

  return &g_array_index (self->events, AtlasEvent, index);
}

const AtlasGeometry *
atlas_dataset_get_geometry (AtlasDataset *self,
                            guint         index)
{
  g_return_val_if_fail (index < self->geometries->len, NULL);

  return &g_array_index (self->geometries, AtlasGeometry, index);
}

const AtlasRing *
atlas_dataset_get_ring (AtlasDataset *self,
                        guint         index)
{
  g_return_val_if_fail (index < self->rings->len, NULL);

  return &g_array_index (self->rings, AtlasRing, index);
}

const AtlasPoint *
atlas_dataset_get_points (AtlasDataset    *self,
                          const AtlasRing *ring)
{
  return &g_array_index (self->points, AtlasPoint, ring->first_point);
}

const gint32 *
atlas_dataset_get_starts (AtlasDataset *self)
{
  return (const gint32 *) self->starts->data;
}

const gint32 *
atlas_dataset_get_ends (AtlasDataset *self)
{
  return (const gint32 *) self->ends->data;
}

gint32
atlas_dataset_get_event_start (AtlasDataset *self,
                               guint         event)
{
  g_return_val_if_fail (event < self->starts->len, 0);

  return g_array_index (self->starts, gint32, event);
}

gint32
atlas_dataset_get_event_end (AtlasDataset *self,
                             guint         event)
{
  g_return_val_if_fail (event < self->ends->len, 0);

  return g_array_index (self->ends, gint32, event);
}

/**
 * atlas_dataset_get_event_color:
 * @self: a dataset
 * @event: an event
 *
 * Returns: the colour of the event's first sector as 0xRRGGBB (grey without one)
 */
guint32
atlas_dataset_get_event_color (AtlasDataset *self,
                               guint         event)
{
  g_return_val_if_fail (event < self->events->len, 0);

  return self->event_colors[event];
}

static gboolean
start_before (gconstpointer starts,
              guint         i,
              gconstpointer day)
{
  return ((const gint32 *) starts)[i] < *(const gint64 *) day;
}

/**
 * atlas_dataset_find_start:
 * @self: a dataset
 * @day: a day
 *
 * Events are sorted by start day: this is a binary search on them.
 *
 * Returns: the index of the first event starting on or after @day, or the
 *   number of events if none does
 */
guint
atlas_dataset_find_start (AtlasDataset *self,
                          gint64        day)
{
  return atlas_bisect (self->starts->data, self->starts->len, &day, start_before);
}

/**
 * atlas_dataset_get_long_events:
 * @self: a dataset
 * @n: (out): the number of events returned
 *
 * Every other event is at most %ATLAS_BAND_DAYS long, so the events that
 * overlap a date window are those starting in it, those starting at most
 * %ATLAS_BAND_DAYS before it that still last into it, and some of these.
 *
 * Returns: (array length=n): the events longer than %ATLAS_BAND_DAYS, in
 *   ascending order
 */
const guint32 *
atlas_dataset_get_long_events (AtlasDataset *self,
                               guint        *n)
{
  *n = self->long_events->len;
  return (const guint32 *) self->long_events->data;
}

/**
 * atlas_dataset_get_date_range:
 * @self: a dataset
 * @first_day: (out): the first day any event covers
 * @end_day: (out): the day after the last day any event covers
 *
 * Returns: %FALSE if the dataset has no events
 */
gboolean
atlas_dataset_get_date_range (AtlasDataset *self,
                              gint32       *first_day,
                              gint32       *end_day)
{
  guint n = self->events->len;
  gint32 last = G_MININT32;

  if (n == 0)
    return FALSE;

  /* Events are sorted by start, but a long early event may end last. The longest
   * event bounds how far back we must look. */
  for (guint i = n; i > 0; i--)
    {
      gint32 start = g_array_index (self->starts, gint32, i - 1);

      last = MAX (last, g_array_index (self->ends, gint32, i - 1));
      if ((gint64) start + self->max_duration <= last)
        break;
    }

  *first_day = g_array_index (self->starts, gint32, 0);
  *end_day = last;
  return TRUE;
}

/**
 * atlas_dataset_get_bounds:
 * @self: a dataset
 *
 * The box around every location's point and geometry.
 *
 * Returns: %FALSE if the dataset has no locations
 */
gboolean
atlas_dataset_get_bounds (AtlasDataset *self,
                          double       *min_lon,
                          double       *min_lat,
                          double       *max_lon,
                          double       *max_lat)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  if (self->locations->len == 0)
    return FALSE;

  for (guint i = 0; i < self->locations->len; i++)
    {
      const AtlasLocation *loc = &g_array_index (self->locations, AtlasLocation, i);

      x0 = MIN (x0, loc->lon);
      y0 = MIN (y0, loc->lat);
      x1 = MAX (x1, loc->lon);
      y1 = MAX (y1, loc->lat);
      if (loc->geometry != ATLAS_NONE)
        {
          const AtlasGeometry *g = &g_array_index (self->geometries, AtlasGeometry, loc->geometry);

          x0 = MIN (x0, g->min_lon);
          y0 = MIN (y0, g->min_lat);
          x1 = MAX (x1, g->max_lon);
          y1 = MAX (y1, g->max_lat);
        }
    }

  *min_lon = x0;
  *min_lat = y0;
  *max_lon = x1;
  *max_lat = y1;
  return TRUE;
}

/* A sealed dataset reads the bounds of event lists from flat arrays, without
 * touching the event's record: loops over many events stay in cache. */
const guint32 *
atlas_dataset_event_locations (AtlasDataset *self,
                               guint         event,
                               guint        *n)
{
  const guint32 *starts = self->location_starts;

  *n = starts[event + 1] - starts[event];
  return (const guint32 *) self->indices->data + starts[event];
}

const guint32 *
atlas_dataset_event_sectors (AtlasDataset *self,
                             guint         event,
                             guint        *n)
{
  const guint32 *starts = self->sector_starts;

  *n = starts[event + 1] - starts[event];
  return (const guint32 *) self->indices->data + starts[event];
}

const guint32 *
atlas_dataset_location_sectors (AtlasDataset *self,
                                guint         location,
                                guint        *n)
{
  const AtlasLocation *loc = &g_array_index (self->locations, AtlasLocation, location);

  *n = loc->n_sectors;
  return &g_array_index (self->indices, guint32, loc->sectors);
}

const guint32 *
atlas_dataset_location_events (AtlasDataset *self,
                               guint         location,
                               guint        *n)
{
  const AtlasLocation *loc = &g_array_index (self->locations, AtlasLocation, location);

  *n = loc->n_events;
  return &g_array_index (self->indices, guint32, loc->events);
}

const AtlasFact *
atlas_dataset_location_facts (AtlasDataset *self,
                              guint         location,
                              guint        *n)
{
  const AtlasLocation *loc = &g_array_index (self->locations, AtlasLocation, location);

  *n = loc->n_facts;
  if (loc->n_facts == 0)
    return NULL;
  return &g_array_index (self->facts, AtlasFact, loc->facts);
}

/* The bitsets below belong to the dataset: callers must not change them. */

GtkBitset *
atlas_dataset_get_sector_events (AtlasDataset *self,
                                 guint         sector)
{
  g_return_val_if_fail (sector < self->sectors->len, NULL);

  return self->sector_events[sector];
}

GtkBitset *
atlas_dataset_get_district_events (AtlasDataset *self,
                                   guint         district)
{
  g_return_val_if_fail (district < self->districts->len, NULL);

  return self->district_events[district];
}

GtkBitset *
atlas_dataset_get_kind_events (AtlasDataset *self,
                               AtlasKind     kind)
{
  g_return_val_if_fail (kind < ATLAS_N_KINDS, NULL);

  return self->kind_events[kind];
}

GtkBitset *
atlas_dataset_get_sector_locations (AtlasDataset *self,
                                    guint         sector)
{
  g_return_val_if_fail (sector < self->sectors->len, NULL);

  return self->sector_locations[sector];
}

GtkBitset *
atlas_dataset_get_district_locations (AtlasDataset *self,
                                      guint         district)
{
  g_return_val_if_fail (district < self->districts->len, NULL);

  return self->district_locations[district];
}

GtkBitset *
atlas_dataset_get_kind_locations (AtlasDataset *self,
                                  AtlasKind     kind)
{
  g_return_val_if_fail (kind < ATLAS_N_KINDS, NULL);

  return self->kind_locations[kind];
}

static guint
find_in (GHashTable *ids,
         const char *id)
{
  gpointer value;

  if (id == NULL || !g_hash_table_lookup_extended (ids, id, NULL, &value))
    return ATLAS_NONE;
  return GPOINTER_TO_UINT (value) - 1;
}

guint
atlas_dataset_find_source (AtlasDataset *self,
                           const char   *id)
{
  return find_in (self->source_ids, id);
}

guint
atlas_dataset_find_sector (AtlasDataset *self,
                           const char   *id)
{
  return find_in (self->sector_ids, id);
}

guint
atlas_dataset_find_district (AtlasDataset *self,
                             const char   *id)
{
  return find_in (self->district_ids, id);
}

guint
atlas_dataset_find_location (AtlasDataset *self,
                             const char   *id)
{
  return find_in (self->location_ids, id);
}

/**
 * atlas_dataset_find_event:
 * @self: a dataset
 * @id: an event id
 *
 * Finds an event by id with a scan; events have no id index, because a million
 * ids would cost more memory than the rare lookup (restoring a selection) saves.
 *
 * Returns: the event's index, or %ATLAS_NONE
 */
guint
atlas_dataset_find_event (AtlasDataset *self,
                          const char   *id)
{
  if (id == NULL)
    return ATLAS_NONE;

  for (guint i = 0; i < self->events->len; i++)
    {
      if (strcmp (g_array_index (self->events, AtlasEvent, i).id, id) == 0)
        return i;
    }
  return ATLAS_NONE;
}

/**
 * atlas_dataset_get_first_locations:
 * @self: a dataset
 *
 * Returns: for every event, its first place, with %ATLAS_MORE_PLACES set when it
 *   has others (see atlas_dataset_event_locations()): one flat array, for loops
 *   over many events that would otherwise read every event's record
 */
const guint32 *
atlas_dataset_get_first_locations (AtlasDataset *self)
{
  return self->first_locations;
}
