/* atlas-tally.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-dataset.h"
#include "atlas-filter.h"

G_BEGIN_DECLS

/*
 * Counting for AtlasFilter and AtlasPlayhead: how many visible events each place
 * has, and the live counts of a facet. Internal to the model; not thread-safe.
 */
typedef struct
{
  AtlasDataset *dataset;          /* not owned */
  guint32 *place_counts;          /* per place: visible events there */
  guint *district_surplus;        /* per district: events counted more than once */
  guint kind_surplus[ATLAS_N_KINDS];
  GArray *more_places;            /* guint32: scratch, events with more places */
} AtlasTally;

void atlas_tally_init          (AtlasTally   *tally,
                                AtlasDataset *dataset);
void atlas_tally_clear         (AtlasTally   *tally);
void atlas_tally_events        (AtlasTally    *tally,
                                const guint32 *events,
                                guint          n_events);
void atlas_tally_place_facet   (AtlasTally   *tally,
                                AtlasFacet    facet,
                                guint        *counts);
void atlas_tally_locations     (AtlasTally   *tally,
                                GtkBitset    *locations);

GtkBitset *atlas_facet_events  (AtlasDataset *dataset,
                                AtlasFacet    facet,
                                guint         value);
guint      atlas_facet_size    (AtlasDataset *dataset,
                                AtlasFacet    facet);

void atlas_count_event_places  (AtlasDataset  *dataset,
                                const guint32 *events,
                                guint          n_events,
                                gint           delta,
                                guint32       *place_counts,
                                guint         *district_surplus,
                                guint         *kind_surplus);

typedef enum
{
  ATLAS_COUNT_CHEAPEST,
  ATLAS_COUNT_BY_PASS,
  ATLAS_COUNT_BY_INTERSECTION,
} AtlasCountMethod;

void atlas_count_facet         (AtlasDataset     *dataset,
                                AtlasFacet        facet,
                                GtkBitset        *others,
                                AtlasCountMethod  method,
                                guint            *counts);

G_END_DECLS
