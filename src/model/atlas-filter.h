/* atlas-filter.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_FACET_SECTOR,
  ATLAS_FACET_DISTRICT,
  ATLAS_FACET_KIND,
  ATLAS_N_FACETS
} AtlasFacet;

#define ATLAS_TYPE_FILTER (atlas_filter_get_type ())

G_DECLARE_FINAL_TYPE (AtlasFilter, atlas_filter, ATLAS, FILTER, GObject)

AtlasFilter  *atlas_filter_new                (void);
AtlasDataset *atlas_filter_get_dataset        (AtlasFilter  *self);
void          atlas_filter_set_dataset        (AtlasFilter  *self,
                                               AtlasDataset *dataset);

guint         atlas_filter_get_n_values       (AtlasFilter  *self,
                                               AtlasFacet    facet);
gboolean      atlas_filter_get_value          (AtlasFilter  *self,
                                               AtlasFacet    facet,
                                               guint         value);
void          atlas_filter_set_value          (AtlasFilter  *self,
                                               AtlasFacet    facet,
                                               guint         value,
                                               gboolean      active);
void          atlas_filter_set_all_values     (AtlasFilter  *self,
                                               AtlasFacet    facet,
                                               gboolean      active);
guint         atlas_filter_get_n_active_values (AtlasFilter *self,
                                               AtlasFacet    facet);
guint         atlas_filter_get_value_count    (AtlasFilter  *self,
                                               AtlasFacet    facet,
                                               guint         value);

const char   *atlas_filter_get_text           (AtlasFilter  *self);
void          atlas_filter_set_text           (AtlasFilter  *self,
                                               const char   *text);

gboolean      atlas_filter_get_date_range     (AtlasFilter  *self,
                                               gint32       *start,
                                               gint32       *end);
void          atlas_filter_set_date_range     (AtlasFilter  *self,
                                               gint32        start,
                                               gint32        end);
void          atlas_filter_clear_date_range   (AtlasFilter  *self);

void          atlas_filter_clear              (AtlasFilter  *self);
gboolean      atlas_filter_is_active          (AtlasFilter  *self);
void          atlas_filter_freeze             (AtlasFilter  *self);
void          atlas_filter_thaw               (AtlasFilter  *self);

GtkBitset    *atlas_filter_get_events         (AtlasFilter  *self);
const guint32 *atlas_filter_get_event_array   (AtlasFilter  *self,
                                               guint        *n_events);
GtkBitset    *atlas_filter_get_locations      (AtlasFilter  *self);
gboolean      atlas_filter_event_visible      (AtlasFilter  *self,
                                               guint         event);
gboolean      atlas_filter_location_visible   (AtlasFilter  *self,
                                               guint         location);

void          atlas_events_in_window          (AtlasDataset *dataset,
                                               gint32        start,
                                               gint32        end,
                                               GtkBitset    *out);

G_END_DECLS
