/* atlas-dataset-private.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-dataset.h"

G_BEGIN_DECLS

/* The loader fills these arrays, then calls atlas_dataset_seal(); after that the
 * dataset never changes and may be read from any thread. */
struct _AtlasDataset
{
  GObject parent_instance;

  char *title;
  char *title_zh;
  char *description;
  char *license;

  GStringChunk *strings;

  GArray *sources;      /* AtlasSource */
  GArray *sectors;      /* AtlasSector */
  GArray *districts;    /* AtlasDistrict */
  GArray *locations;    /* AtlasLocation */
  GArray *events;       /* AtlasEvent */
  GArray *starts;       /* gint32, per event */
  GArray *ends;         /* gint32, per event: the day after the event */
  GArray *indices;      /* guint32: the lists AtlasLocation and AtlasEvent point into */
  GArray *facts;        /* AtlasFact */
  GArray *geometries;   /* AtlasGeometry */
  GArray *rings;        /* AtlasRing */
  GArray *points;       /* AtlasPoint */
  GArray *periods;      /* AtlasPeriod, in file order */

  GHashTable *source_ids;    /* id → index + 1 */
  GHashTable *sector_ids;
  GHashTable *district_ids;
  GHashTable *location_ids;

  GtkBitset **sector_events;
  GtkBitset **district_events;
  GtkBitset *kind_events[ATLAS_N_KINDS];
  GtkBitset **sector_locations;
  GtkBitset **district_locations;
  GtkBitset *kind_locations[ATLAS_N_KINDS];

  guint32 *event_colors;
  guint32 *first_locations;     /* per event */
  guint32 *location_starts;     /* per event, and one more: its places in indices */
  guint32 *sector_starts;       /* per event, and one more: its sectors in indices */
  guint32 *location_districts;  /* per location */
  guint8 *location_kinds;       /* per location */
  GArray *long_events;  /* guint32: events longer than ATLAS_BAND_DAYS, in date order */
  guint max_duration;   /* days, of the longest event */
  gboolean sealed;
};

AtlasDataset *atlas_dataset_new                (void);
const char   *atlas_dataset_intern             (AtlasDataset *self,
                                                const char   *text);
const char   *atlas_dataset_store              (AtlasDataset *self,
                                                const char   *text);
guint32       atlas_dataset_add_indices        (AtlasDataset  *self,
                                                const guint32 *values,
                                                guint          n);
void          atlas_dataset_seal               (AtlasDataset *self);

G_END_DECLS
