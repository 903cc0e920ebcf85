/* atlas-time-scale.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "model/atlas-date.h"

#include "atlas-time-scale.h"

/*
 * Ticks follow the calendar, not a decimal grid of days: a month tick sits on the
 * first of the month whatever its length, so labels always name a real unit.
 * Steps of several days are anchored on Mondays (day 4 was Monday 5 January
 * 1970), steps of months on January, steps of years on multiples of the count.
 */

#define MONDAY_ANCHOR 4
#define MAX_YEAR 1000000
#define DAYS_PER_YEAR 365.2425
#define DAYS_PER_MONTH (DAYS_PER_YEAR / 12.0)

static const AtlasTimeStep candidates[] = {
  { ATLAS_TIME_UNIT_DAY, 1 },
  { ATLAS_TIME_UNIT_DAY, 2 },
  { ATLAS_TIME_UNIT_DAY, 7 },
  { ATLAS_TIME_UNIT_DAY, 14 },
  { ATLAS_TIME_UNIT_MONTH, 1 },
  { ATLAS_TIME_UNIT_MONTH, 2 },
  { ATLAS_TIME_UNIT_MONTH, 3 },
  { ATLAS_TIME_UNIT_MONTH, 6 },
  { ATLAS_TIME_UNIT_YEAR, 1 },
  { ATLAS_TIME_UNIT_YEAR, 2 },
  { ATLAS_TIME_UNIT_YEAR, 5 },
  { ATLAS_TIME_UNIT_YEAR, 10 },
  { ATLAS_TIME_UNIT_YEAR, 20 },
  { ATLAS_TIME_UNIT_YEAR, 50 },
  { ATLAS_TIME_UNIT_YEAR, 100 },
  { ATLAS_TIME_UNIT_YEAR, 200 },
  { ATLAS_TIME_UNIT_YEAR, 500 },
  { ATLAS_TIME_UNIT_YEAR, 1000 },
  { ATLAS_TIME_UNIT_YEAR, 2000 },
  { ATLAS_TIME_UNIT_YEAR, 5000 },
  { ATLAS_TIME_UNIT_YEAR, 10000 },
  { ATLAS_TIME_UNIT_YEAR, 20000 },
  { ATLAS_TIME_UNIT_YEAR, 50000 },
  { ATLAS_TIME_UNIT_YEAR, 100000 },
  { ATLAS_TIME_UNIT_YEAR, 200000 },
  { ATLAS_TIME_UNIT_YEAR, 500000 },
};

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

static gint32
clamp_day (gint64 day)
{
  return (gint32) CLAMP (day, (gint64) ATLAS_TIME_SCALE_MIN_DAY, (gint64) ATLAS_TIME_SCALE_MAX_DAY);
}

static gint32
from_month_index (gint64 index,
                  guint  day)
{
  gint64 year = floor_div (index, 12);
  guint month = (guint) (index - year * 12) + 1;

  year = CLAMP (year, -MAX_YEAR, MAX_YEAR);
  return atlas_date_from_civil (year, month, MIN (day, atlas_date_days_in_month (year, month)));
}

/* Keeps the view inside the representable days and its span within limits. */
static void
clamp_scale (AtlasTimeScale *scale)
{
  double span, center;

  if (!(scale->width >= 1.0))
    scale->width = 1.0;
  if (!(scale->days_per_px > 0.0) || !isfinite (scale->days_per_px))
    scale->days_per_px = 1.0;
  if (!isfinite (scale->start))
    scale->start = 0.0;

  span = CLAMP (scale->width * scale->days_per_px, ATLAS_TIME_SCALE_MIN_SPAN_DAYS,
                ATLAS_TIME_SCALE_MAX_DAY - ATLAS_TIME_SCALE_MIN_DAY);
  center = scale->start + scale->width * scale->days_per_px / 2.0;
  center = CLAMP (center, ATLAS_TIME_SCALE_MIN_DAY, ATLAS_TIME_SCALE_MAX_DAY);
  scale->days_per_px = span / scale->width;
  scale->start = center - span / 2.0;
}

/**
 * atlas_time_scale_init:
 * @scale: a scale
 * @start: the day at the left edge
 * @end: the day at the right edge
 * @width: the width in pixels
 *
 * Sets up a scale showing [@start, @end) across @width pixels.
 */
void
atlas_time_scale_init (AtlasTimeScale *scale,
                       double          start,
                       double          end,
                       double          width)
{
  scale->width = MAX (width, 1.0);
  scale->start = start;
  scale->days_per_px = (end - start) / scale->width;
  clamp_scale (scale);
}

double
atlas_time_scale_day_to_x (const AtlasTimeScale *scale,
                           double                day)
{
  return (day - scale->start) / scale->days_per_px;
}

double
atlas_time_scale_x_to_day (const AtlasTimeScale *scale,
                           double                x)
{
  return scale->start + x * scale->days_per_px;
}

double
atlas_time_scale_get_end (const AtlasTimeScale *scale)
{
  return scale->start + scale->width * scale->days_per_px;
}

double
atlas_time_scale_get_span (const AtlasTimeScale *scale)
{
  return scale->width * scale->days_per_px;
}

/**
 * atlas_time_scale_set_width:
 * @scale: a scale
 * @width: the new width in pixels
 *
 * Keeps the day at the left edge and the zoom level, so that resizing the
 * window reveals more time rather than stretching it.
 */
void
atlas_time_scale_set_width (AtlasTimeScale *scale,
                            double          width)
{
  scale->width = MAX (width, 1.0);
  clamp_scale (scale);
}

/**
 * atlas_time_scale_zoom:
 * @scale: a scale
 * @factor: how much to magnify: 2 shows half the time, 0.5 twice as much
 * @anchor_x: the pixel that keeps its day (the pointer, the playhead)
 */
void
atlas_time_scale_zoom (AtlasTimeScale *scale,
                       double          factor,
                       double          anchor_x)
{
  double anchor_day = atlas_time_scale_x_to_day (scale, anchor_x);
  double span;

  if (!(factor > 0.0) || !isfinite (factor))
    return;

  span = CLAMP (atlas_time_scale_get_span (scale) / factor, ATLAS_TIME_SCALE_MIN_SPAN_DAYS,
                ATLAS_TIME_SCALE_MAX_DAY - ATLAS_TIME_SCALE_MIN_DAY);
  scale->days_per_px = span / scale->width;
  scale->start = anchor_day - anchor_x * scale->days_per_px;
  clamp_scale (scale);
}

/**
 * atlas_time_scale_pan:
 * @scale: a scale
 * @dx: how far to move the content, in pixels; positive shows earlier days
 */
void
atlas_time_scale_pan (AtlasTimeScale *scale,
                      double          dx)
{
  scale->start -= dx * scale->days_per_px;
  clamp_scale (scale);
}

/**
 * atlas_time_scale_fit:
 * @scale: a scale
 * @first_day: the first day to show
 * @end_day: the day after the last day to show
 * @margin_px: room to leave on either side
 */
void
atlas_time_scale_fit (AtlasTimeScale *scale,
                      double          first_day,
                      double          end_day,
                      double          margin_px)
{
  double span = end_day - first_day;
  double usable = MAX (scale->width - 2.0 * margin_px, 1.0);

  if (span < ATLAS_TIME_SCALE_MIN_SPAN_DAYS)
    {
      double center = (first_day + end_day) / 2.0;

      first_day = center - ATLAS_TIME_SCALE_MIN_SPAN_DAYS / 2.0;
      span = ATLAS_TIME_SCALE_MIN_SPAN_DAYS;
    }

  scale->days_per_px = span / usable;
  scale->start = first_day - MIN (margin_px, scale->width / 2.0) * scale->days_per_px;
  clamp_scale (scale);
}

guint
atlas_time_step_get_n_candidates (void)
{
  return G_N_ELEMENTS (candidates);
}

AtlasTimeStep
atlas_time_step_get_candidate (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (candidates), candidates[0]);

  return candidates[index];
}

/**
 * atlas_time_step_floor:
 * @step: a step
 * @day: a day
 *
 * Returns: the last tick of @step on or before @day
 */
gint32
atlas_time_step_floor (AtlasTimeStep step,
                       gint32        day)
{
  gint64 year;
  guint month;

  switch (step.unit)
    {
    case ATLAS_TIME_UNIT_DAY:
      return clamp_day (MONDAY_ANCHOR +
                        floor_div ((gint64) day - MONDAY_ANCHOR, step.count) * step.count);

    case ATLAS_TIME_UNIT_MONTH:
      atlas_date_to_civil (day, &year, &month, NULL);
      return from_month_index (floor_div (year * 12 + month - 1, step.count) * step.count, 1);

    case ATLAS_TIME_UNIT_YEAR:
    case ATLAS_N_TIME_UNITS:
    default:
      atlas_date_to_civil (day, &year, NULL, NULL);
      year = CLAMP (floor_div (year, step.count) * step.count, -MAX_YEAR, MAX_YEAR);
      return atlas_date_from_civil (year, 1, 1);
    }
}

/**
 * atlas_time_step_next:
 * @step: a step
 * @tick: a tick of @step
 *
 * Returns: the tick after @tick
 */
gint32
atlas_time_step_next (AtlasTimeStep step,
                      gint32        tick)
{
  return atlas_time_step_add (step, tick, 1);
}

/**
 * atlas_time_step_round:
 * @step: a step
 * @day: a (fractional) day
 *
 * Returns: the tick of @step nearest to @day, for snapping a brush
 */
gint32
atlas_time_step_round (AtlasTimeStep step,
                       double        day)
{
  gint32 before, after;

  day = CLAMP (day, ATLAS_TIME_SCALE_MIN_DAY, ATLAS_TIME_SCALE_MAX_DAY);
  before = atlas_time_step_floor (step, (gint32) floor (day));
  after = atlas_time_step_next (step, before);
  return (day - before <= after - day) ? before : after;
}

/**
 * atlas_time_step_add:
 * @step: a step
 * @day: a day
 * @n: how many steps to move, negative for earlier
 *
 * Moves by whole calendar units: a month after 31 January is 28 or 29 February.
 *
 * Returns: the day @n steps from @day
 */
gint32
atlas_time_step_add (AtlasTimeStep step,
                     gint32        day,
                     int           n)
{
  gint64 year;
  guint month, mday;
  gint64 delta = (gint64) n * step.count;

  switch (step.unit)
    {
    case ATLAS_TIME_UNIT_DAY:
      return clamp_day ((gint64) day + delta);

    case ATLAS_TIME_UNIT_MONTH:
      atlas_date_to_civil (day, &year, &month, &mday);
      return from_month_index (year * 12 + month - 1 + delta, mday);

    case ATLAS_TIME_UNIT_YEAR:
    case ATLAS_N_TIME_UNITS:
    default:
      atlas_date_to_civil (day, &year, &month, &mday);
      year = CLAMP (year + delta, -MAX_YEAR, MAX_YEAR);
      return atlas_date_from_civil (year, month,
                                    MIN (mday, atlas_date_days_in_month (year, month)));
    }
}

/* The typical length of a step, for choosing one. */
double
atlas_time_step_get_days (AtlasTimeStep step)
{
  switch (step.unit)
    {
    case ATLAS_TIME_UNIT_DAY:
      return step.count;
    case ATLAS_TIME_UNIT_MONTH:
      return step.count * DAYS_PER_MONTH;
    case ATLAS_TIME_UNIT_YEAR:
    case ATLAS_N_TIME_UNITS:
    default:
      return step.count * DAYS_PER_YEAR;
    }
}

/* The shortest gap between two ticks of a step: February, or an aligned pair
 * of months starting with it. Labels must fit in this gap, not the typical one. */
double
atlas_time_step_get_min_days (AtlasTimeStep step)
{
  switch (step.unit)
    {
    case ATLAS_TIME_UNIT_DAY:
      return step.count;
    case ATLAS_TIME_UNIT_MONTH:
      switch (step.count)
        {
        case 1:
          return 28;
        case 2:
          return 59;
        case 3:
          return 90;
        case 6:
          return 181;
        default:
          return step.count * 28;
        }
    case ATLAS_TIME_UNIT_YEAR:
    case ATLAS_N_TIME_UNITS:
    default:
      return step.count * 365.0;
    }
}

/**
 * atlas_time_step_divides:
 * @minor: a finer step
 * @major: a coarser step
 *
 * Returns: whether every tick of @major is also a tick of @minor, so that
 *   unlabelled ticks never fall just beside a labelled one
 */
gboolean
atlas_time_step_divides (AtlasTimeStep minor,
                         AtlasTimeStep major)
{
  if (minor.unit == major.unit)
    return major.count % minor.count == 0;
  if (minor.unit > major.unit)
    return FALSE;
  if (minor.unit == ATLAS_TIME_UNIT_DAY)
    return minor.count == 1;
  /* months into years */
  return 12 % minor.count == 0;
}

gboolean
atlas_time_step_equal (AtlasTimeStep a,
                       AtlasTimeStep b)
{
  return a.unit == b.unit && a.count == b.count;
}

/**
 * atlas_time_scale_choose_ticks:
 * @scale: a scale
 * @label_px: the width of the widest label of each unit, in pixels
 * @choice: (out): the steps to draw
 *
 * Picks the finest step whose shortest gap holds its widest label, so labels
 * never overlap, and the finest unlabelled step that divides it and stays
 * legible.
 */
void
atlas_time_scale_choose_ticks (const AtlasTimeScale *scale,
                               const double          label_px[ATLAS_N_TIME_UNITS],
                               AtlasTickChoice      *choice)
{
  guint n = G_N_ELEMENTS (candidates);
  guint major = n - 1;

  for (guint i = 0; i < n; i++)
    {
      double gap = atlas_time_step_get_min_days (candidates[i]) / scale->days_per_px;
      double need = MAX (label_px[candidates[i].unit] + ATLAS_TIME_SCALE_LABEL_PAD,
                         ATLAS_TIME_SCALE_MIN_MAJOR_PX);

      if (gap >= need)
        {
          major = i;
          break;
        }
    }

  choice->major = candidates[major];
  choice->has_minor = FALSE;
  choice->minor = candidates[major];
  for (guint i = 0; i < major; i++)
    {
      if (atlas_time_step_divides (candidates[i], candidates[major]) &&
          atlas_time_step_get_min_days (candidates[i]) / scale->days_per_px >=
              ATLAS_TIME_SCALE_MIN_MINOR_PX)
        {
          choice->minor = candidates[i];
          choice->has_minor = TRUE;
          break;
        }
    }

  switch (choice->major.unit)
    {
    case ATLAS_TIME_UNIT_DAY:
      choice->has_context = TRUE;
      choice->context = (AtlasTimeStep) { ATLAS_TIME_UNIT_MONTH, 1 };
      choice->page = (AtlasTimeStep) { ATLAS_TIME_UNIT_MONTH, 1 };
      break;
    case ATLAS_TIME_UNIT_MONTH:
      choice->has_context = TRUE;
      choice->context = (AtlasTimeStep) { ATLAS_TIME_UNIT_YEAR, 1 };
      choice->page = (AtlasTimeStep) { ATLAS_TIME_UNIT_YEAR, 1 };
      break;
    case ATLAS_TIME_UNIT_YEAR:
    case ATLAS_N_TIME_UNITS:
    default:
      choice->has_context = FALSE;
      choice->context = choice->major;
      choice->page = (AtlasTimeStep) { ATLAS_TIME_UNIT_YEAR,
                                       MIN (choice->major.count * 10, MAX_YEAR) };
      break;
    }
}

/**
 * atlas_time_scale_list_ticks:
 * @scale: a scale
 * @step: a step
 * @ticks: (out caller-allocates) (array length=max_ticks): receives the ticks
 * @max_ticks: room in @ticks
 *
 * Lists the ticks of @step from the last one at or before the left edge (so a
 * label that began off-screen can stay pinned) to the right edge.
 *
 * Returns: the number of ticks written
 */
guint
atlas_time_scale_list_ticks (const AtlasTimeScale *scale,
                             AtlasTimeStep         step,
                             gint32               *ticks,
                             guint                 max_ticks)
{
  double end = atlas_time_scale_get_end (scale);
  gint32 tick = atlas_time_step_floor (step, (gint32) floor (CLAMP (scale->start,
                                                                   ATLAS_TIME_SCALE_MIN_DAY,
                                                                   ATLAS_TIME_SCALE_MAX_DAY)));
  guint n = 0;

  while (n < max_ticks && tick <= end)
    {
      gint32 next = atlas_time_step_next (step, tick);

      ticks[n++] = tick;
      if (next <= tick)
        break;
      tick = next;
    }
  return n;
}

/**
 * atlas_lanes_pack:
 * @x0: (array length=n): left edges, in increasing order
 * @x1: (array length=n): right edges
 * @n: the number of items
 * @gap: the space to keep between two items in a lane
 * @max_lanes: give up beyond this many lanes
 * @lanes: (out caller-allocates) (array length=n): receives each item's lane
 *
 * Puts each item in the lowest lane where it fits. With the items sorted by
 * their left edge this greedy packing is optimal: it uses as many lanes as the
 * largest number of items that overlap at one point.
 *
 * Returns: the number of lanes used, or %ATLAS_LANES_OVERFLOW when more than
 *   @max_lanes would be needed
 */
guint
atlas_lanes_pack (const double *x0,
                  const double *x1,
                  guint         n,
                  double        gap,
                  guint         max_lanes,
                  guint        *lanes)
{
  g_autofree double *ends = NULL;
  guint n_lanes = 0;

  if (n == 0)
    return 0;

  ends = g_new (double, MIN (max_lanes, n) + 1);
  for (guint i = 0; i < n; i++)
    {
      guint lane;

      for (lane = 0; lane < n_lanes; lane++)
        {
          if (ends[lane] + gap <= x0[i])
            break;
        }
      if (lane == n_lanes)
        {
          if (n_lanes == max_lanes)
            return ATLAS_LANES_OVERFLOW;
          n_lanes++;
        }
      ends[lane] = x1[i];
      lanes[i] = lane;
    }
  return n_lanes;
}
