/* atlas-time-bins.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Prefix sums of events over time, one row per group (a sector colour), so the
 * number of events in any span of days is two lookups: drawing a histogram costs
 * O(bins × groups) however many events there are.
 *
 * Each event adds a mass of 1 spread evenly over the days it may have happened
 * on: one day, or the whole month or year of a date known only that far. The
 * histogram thereby shows uncertainty as a spread rather than a spike on the
 * first of the month.
 */

typedef struct _AtlasTimeBins AtlasTimeBins;

AtlasTimeBins *atlas_time_bins_new          (gint32               first_day,
                                             gint32               end_day,
                                             guint                n_groups,
                                             gsize                max_cells);
void           atlas_time_bins_free         (AtlasTimeBins       *self);
void           atlas_time_bins_add          (AtlasTimeBins       *self,
                                             guint                group,
                                             gint32               start,
                                             gint32               end);
void           atlas_time_bins_seal         (AtlasTimeBins       *self);
guint          atlas_time_bins_get_n_groups (const AtlasTimeBins *self);
guint          atlas_time_bins_get_cell_days (const AtlasTimeBins *self);
double         atlas_time_bins_get_total    (const AtlasTimeBins *self,
                                             guint                group);
double         atlas_time_bins_mass_before  (const AtlasTimeBins *self,
                                             guint                group,
                                             double               day);
double         atlas_time_bins_mass         (const AtlasTimeBins *self,
                                             guint                group,
                                             double               start,
                                             double               end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasTimeBins, atlas_time_bins_free)

G_END_DECLS
