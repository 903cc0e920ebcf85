/* atlas-time-bins.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "atlas-time-bins.h"

/*
 * Time is cut into cells of a whole number of days (one day unless the dataset
 * spans so long that the table would grow past max_cells). While events are
 * added, a cell receives directly the part of an event that covers it partly,
 * and a difference array records runs of cells an event covers wholly, so adding
 * a year-long event costs O(1), not O(365). Sealing turns both into cumulative
 * masses at cell boundaries; inside a cell the mass grows linearly, which is
 * exact for one-day cells since each event's mass is spread evenly over its days.
 */

struct _AtlasTimeBins
{
  gint64 first;
  guint cell_days;
  guint n_cells;
  guint n_groups;
  gboolean sealed;
  double *cumulative;  /* n_groups × (n_cells + 1): mass before each cell boundary */
  double *runs;        /* while adding: difference array of whole-cell masses */
};

/**
 * atlas_time_bins_new:
 * @first_day: the first day events may cover
 * @end_day: the day after the last
 * @n_groups: how many groups (stacked colours) to count separately
 * @max_cells: the most cells to keep over all groups, bounding memory
 *
 * Returns: (transfer full): empty bins; add events, then seal them
 */
AtlasTimeBins *
atlas_time_bins_new (gint32 first_day,
                     gint32 end_day,
                     guint  n_groups,
                     gsize  max_cells)
{
  AtlasTimeBins *self = g_new0 (AtlasTimeBins, 1);
  gint64 span = MAX ((gint64) end_day - first_day, 1);
  gsize per_group;

  n_groups = MAX (n_groups, 1);
  per_group = MAX (max_cells / n_groups, 16);

  self->first = first_day;
  self->n_groups = n_groups;
  self->cell_days = (guint) MAX ((span + per_group - 1) / per_group, 1);
  self->n_cells = (guint) ((span + self->cell_days - 1) / self->cell_days);
  self->cumulative = g_new0 (double, (gsize) n_groups * (self->n_cells + 1));
  self->runs = g_new0 (double, (gsize) n_groups * (self->n_cells + 1));
  return self;
}

void
atlas_time_bins_free (AtlasTimeBins *self)
{
  if (self == NULL)
    return;

  g_free (self->cumulative);
  g_free (self->runs);
  g_free (self);
}

/**
 * atlas_time_bins_add:
 * @self: unsealed bins
 * @group: the group the event counts in
 * @start: the first day the event may have happened on
 * @end: the day after the last
 *
 * Adds one event, its mass spread evenly over [@start, @end). Days outside the
 * range the bins were made for are dropped.
 */
void
atlas_time_bins_add (AtlasTimeBins *self,
                     guint          group,
                     gint32         start,
                     gint32         end)
{
  gint64 limit = (gint64) self->n_cells * self->cell_days;
  gint64 a, b, w = self->cell_days;
  double density;
  double *direct, *runs;
  gint64 ca, cb;

  g_return_if_fail (!self->sealed);
  g_return_if_fail (group < self->n_groups);

  if (end <= start)
    end = start + 1;
  density = 1.0 / ((double) end - start);
  a = MAX ((gint64) start - self->first, 0);
  b = MIN ((gint64) end - self->first, limit);
  if (b <= a)
    return;

  direct = self->cumulative + (gsize) group * (self->n_cells + 1);
  runs = self->runs + (gsize) group * (self->n_cells + 1);
  ca = a / w;
  cb = (b - 1) / w;
  if (ca == cb)
    {
      direct[ca] += density * (double) (b - a);
      return;
    }
  direct[ca] += density * (double) ((ca + 1) * w - a);
  direct[cb] += density * (double) (b - cb * w);
  if (cb > ca + 1)
    {
      runs[ca + 1] += density * (double) w;
      runs[cb] -= density * (double) w;
    }
}

/**
 * atlas_time_bins_seal:
 * @self: bins
 *
 * Computes the prefix sums; no events can be added afterwards.
 */
void
atlas_time_bins_seal (AtlasTimeBins *self)
{
  if (self->sealed)
    return;

  for (guint g = 0; g < self->n_groups; g++)
    {
      double *row = self->cumulative + (gsize) g * (self->n_cells + 1);
      const double *runs = self->runs + (gsize) g * (self->n_cells + 1);
      double run = 0.0, sum = 0.0;

      /* row[c] holds the direct mass of cell c; rewrite it in place into the
       * mass before boundary c. */
      for (guint c = 0; c < self->n_cells; c++)
        {
          double cell;

          run += runs[c];
          cell = row[c] + run;
          row[c] = sum;
          sum += cell;
        }
      row[self->n_cells] = sum;
    }
  g_clear_pointer (&self->runs, g_free);
  self->sealed = TRUE;
}

guint
atlas_time_bins_get_n_groups (const AtlasTimeBins *self)
{
  return self->n_groups;
}

guint
atlas_time_bins_get_cell_days (const AtlasTimeBins *self)
{
  return self->cell_days;
}

double
atlas_time_bins_get_total (const AtlasTimeBins *self,
                           guint                group)
{
  g_return_val_if_fail (self->sealed, 0.0);
  g_return_val_if_fail (group < self->n_groups, 0.0);

  return self->cumulative[(gsize) group * (self->n_cells + 1) + self->n_cells];
}

/**
 * atlas_time_bins_mass_before:
 * @self: sealed bins
 * @group: a group
 * @day: a (fractional) day
 *
 * Returns: the mass of @group's events before @day
 */
double
atlas_time_bins_mass_before (const AtlasTimeBins *self,
                             guint                group,
                             double               day)
{
  const double *row;
  double t, f;
  guint c;

  g_return_val_if_fail (self->sealed, 0.0);
  g_return_val_if_fail (group < self->n_groups, 0.0);

  row = self->cumulative + (gsize) group * (self->n_cells + 1);
  t = (day - (double) self->first) / self->cell_days;
  if (!(t > 0.0))
    return 0.0;
  if (t >= self->n_cells)
    return row[self->n_cells];

  c = (guint) t;
  f = t - c;
  return row[c] + f * (row[c + 1] - row[c]);
}

/**
 * atlas_time_bins_mass:
 * @self: sealed bins
 * @group: a group
 * @start: first (fractional) day of a span
 * @end: end of the span
 *
 * Returns: the mass of @group's events in [@start, @end)
 */
double
atlas_time_bins_mass (const AtlasTimeBins *self,
                      guint                group,
                      double               start,
                      double               end)
{
  double m = atlas_time_bins_mass_before (self, group, end) -
             atlas_time_bins_mass_before (self, group, start);

  /* Rounding may leave a tiny negative in an empty span. */
  return MAX (m, 0.0);
}
