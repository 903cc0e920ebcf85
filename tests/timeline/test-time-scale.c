/* test-time-scale.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "model/atlas-date.h"
#include "timeline/atlas-time-bins.h"
#include "timeline/atlas-time-scale.h"

/* The timeline's maths without a display: scale, ticks, lanes and bins, each
 * against an independent brute-force answer. */

static const double label_px[ATLAS_N_TIME_UNITS] = { 14.0, 62.0, 30.0 };

static void
test_day_x_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 1000; i++)
    {
      AtlasTimeScale scale;
      double start = g_rand_double_range (rand, -3e8, 3e8);
      double span = exp (g_rand_double_range (rand, log (3.0), log (1e8)));
      double width = g_rand_double_range (rand, 50, 3000);
      double ulp = fabs (start) * 1e-15;
      double day, x;

      atlas_time_scale_init (&scale, start, start + span, width);
      g_assert_cmpfloat_with_epsilon (scale.start, start, fabs (start) * 1e-12 + 1e-9);
      g_assert_cmpfloat_with_epsilon (atlas_time_scale_get_span (&scale), span, span * 1e-9 + ulp);

      day = g_rand_double_range (rand, start, start + span);
      x = atlas_time_scale_day_to_x (&scale, day);
      g_assert_cmpfloat (x, >=, -1e-6 - ulp / scale.days_per_px);
      g_assert_cmpfloat (x, <=, width + 1e-6 + ulp / scale.days_per_px);
      g_assert_cmpfloat_with_epsilon (atlas_time_scale_x_to_day (&scale, x), day,
                                      span * 1e-9 + 1e-6 + ulp);

      /* Far from 1970 a day number has fewer bits left for fractions of a
       * pixel: allow for the rounding of the day itself. */
      x = g_rand_double_range (rand, 0, width);
      g_assert_cmpfloat_with_epsilon (
          atlas_time_scale_day_to_x (&scale, atlas_time_scale_x_to_day (&scale, x)), x,
          1e-6 + ulp / scale.days_per_px);
    }
}

static void
test_zoom_keeps_anchor (void)
{
  AtlasTimeScale scale;
  double before, after;

  atlas_time_scale_init (&scale, atlas_date_from_civil (2019, 1, 1),
                         atlas_date_from_civil (2022, 1, 1), 1000);
  before = atlas_time_scale_x_to_day (&scale, 300);
  atlas_time_scale_zoom (&scale, 4.0, 300);
  after = atlas_time_scale_x_to_day (&scale, 300);
  g_assert_cmpfloat_with_epsilon (before, after, 1e-6);
  g_assert_cmpfloat_with_epsilon (
      atlas_time_scale_get_span (&scale),
      (atlas_date_from_civil (2022, 1, 1) - atlas_date_from_civil (2019, 1, 1)) / 4.0, 1e-6);

  /* Zooming far in stops at the smallest span. */
  atlas_time_scale_zoom (&scale, 1e9, 500);
  g_assert_cmpfloat_with_epsilon (atlas_time_scale_get_span (&scale),
                                  ATLAS_TIME_SCALE_MIN_SPAN_DAYS, 1e-9);

  /* Panning right by a width shows the time before. */
  before = scale.start;
  atlas_time_scale_pan (&scale, scale.width);
  g_assert_cmpfloat_with_epsilon (scale.start, before - ATLAS_TIME_SCALE_MIN_SPAN_DAYS, 1e-9);

  atlas_time_scale_fit (&scale, 100, 200, 10);
  g_assert_cmpfloat_with_epsilon (atlas_time_scale_day_to_x (&scale, 100), 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (atlas_time_scale_day_to_x (&scale, 200), scale.width - 10, 1e-9);
}

static gboolean
is_tick_of (AtlasTimeStep step,
            gint32        day)
{
  return atlas_time_step_floor (step, day) == day;
}

static void
check_ticks (const AtlasTimeScale *scale,
             AtlasTimeStep         step,
             double                min_px,
             gboolean              labelled)
{
  gint32 ticks[4096];
  guint n = atlas_time_scale_list_ticks (scale, step, ticks, G_N_ELEMENTS (ticks));
  guint in_view = 0;

  g_assert_cmpuint (n, <, G_N_ELEMENTS (ticks));
  for (guint i = 0; i < n; i++)
    {
      gint64 year;
      guint month, mday;
      double x = atlas_time_scale_day_to_x (scale, ticks[i]);

      /* Calendar-aligned: months on the 1st, years on 1 January of a multiple. */
      atlas_date_to_civil (ticks[i], &year, &month, &mday);
      if (step.unit == ATLAS_TIME_UNIT_MONTH)
        {
          g_assert_cmpuint (mday, ==, 1);
          g_assert_cmpuint ((month - 1) % step.count, ==, 0);
        }
      else if (step.unit == ATLAS_TIME_UNIT_YEAR)
        {
          g_assert_cmpuint (mday, ==, 1);
          g_assert_cmpuint (month, ==, 1);
          g_assert_cmpint (((year % step.count) + step.count) % step.count, ==, 0);
        }
      g_assert_true (is_tick_of (step, ticks[i]));

      if (x >= 0 && x <= scale->width)
        in_view++;
      if (i == 0)
        {
          /* The first tick is the last one at or before the left edge. */
          g_assert_cmpfloat (x, <=, 0.5);
          continue;
        }
      /* Distinct, increasing, and far enough apart for their labels. */
      g_assert_cmpint (ticks[i], >, ticks[i - 1]);
      g_assert_cmpfloat (x - atlas_time_scale_day_to_x (scale, ticks[i - 1]), >=, min_px - 1e-6);
    }
  if (labelled)
    {
      /* Not too sparse either: something is labelled at every zoom. */
      g_assert_cmpuint (in_view, >=, 1);
      g_assert_cmpuint (n, >=, 2);
    }
}

/* From 50 years across down to 3 days across, in small zoom steps and at
 * starts in different eras. */
static void
test_ticks_every_zoom (void)
{
  const double starts[] = {
    atlas_date_from_civil (2019, 3, 17) + 0.3,
    atlas_date_from_civil (1969, 12, 30),
    atlas_date_from_civil (-500, 7, 1),
    atlas_date_from_civil (2000, 2, 27),
  };
  const double widths[] = { 400, 1000, 1440 };

  for (guint s = 0; s < G_N_ELEMENTS (starts); s++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        double span = 50 * 365.2425;
        guint levels = 0;
        AtlasTimeStep previous = { ATLAS_N_TIME_UNITS, 0 };

        while (span >= 3.0)
          {
            AtlasTimeScale scale;
            AtlasTickChoice choice;
            double need;

            atlas_time_scale_init (&scale, starts[s], starts[s] + span, widths[w]);
            atlas_time_scale_choose_ticks (&scale, label_px, &choice);
            need = MAX (label_px[choice.major.unit] + ATLAS_TIME_SCALE_LABEL_PAD,
                        ATLAS_TIME_SCALE_MIN_MAJOR_PX);

            check_ticks (&scale, choice.major, need, TRUE);
            if (choice.has_minor)
              {
                gint32 ticks[512];
                guint n = atlas_time_scale_list_ticks (&scale, choice.major, ticks,
                                                       G_N_ELEMENTS (ticks));

                check_ticks (&scale, choice.minor, ATLAS_TIME_SCALE_MIN_MINOR_PX, FALSE);
                g_assert_true (atlas_time_step_divides (choice.minor, choice.major));
                /* Every labelled tick is also an unlabelled one: no near misses. */
                for (guint i = 0; i < n; i++)
                  g_assert_true (is_tick_of (choice.minor, ticks[i]));
              }

            /* Zooming in never makes the step coarser. */
            if (previous.unit != ATLAS_N_TIME_UNITS)
              g_assert_cmpfloat (atlas_time_step_get_days (choice.major), <=,
                                 atlas_time_step_get_days (previous) + 1e-9);
            previous = choice.major;
            span /= 1.08;
            levels++;
          }

        g_assert_cmpuint (levels, >, 100);
        /* At 3 days across, days are ticked one by one. */
        g_assert_cmpint (previous.unit, ==, ATLAS_TIME_UNIT_DAY);
        g_assert_cmpuint (previous.count, ==, 1);
      }

  /* At 50 years across, decades (or 5 years) are ticked. */
  {
    AtlasTimeScale scale;
    AtlasTickChoice choice;

    atlas_time_scale_init (&scale, starts[0], starts[0] + 50 * 365.2425, 1000);
    atlas_time_scale_choose_ticks (&scale, label_px, &choice);
    g_assert_cmpint (choice.major.unit, ==, ATLAS_TIME_UNIT_YEAR);
    g_assert_cmpuint (choice.major.count, >=, 2);
    g_assert_cmpuint (choice.major.count, <=, 10);
    g_assert_false (choice.has_context);
  }
}

static void
test_ticks_extremes (void)
{
  AtlasTimeScale scale;
  AtlasTickChoice choice;

  /* The widest possible view still gets a few distinct ticks. */
  atlas_time_scale_init (&scale, ATLAS_TIME_SCALE_MIN_DAY, ATLAS_TIME_SCALE_MAX_DAY, 1000);
  atlas_time_scale_choose_ticks (&scale, label_px, &choice);
  check_ticks (&scale, choice.major, label_px[ATLAS_TIME_UNIT_YEAR], TRUE);
}

static void
test_step_add (void)
{
  AtlasTimeStep month = { ATLAS_TIME_UNIT_MONTH, 1 };
  AtlasTimeStep year = { ATLAS_TIME_UNIT_YEAR, 1 };
  AtlasTimeStep week = { ATLAS_TIME_UNIT_DAY, 7 };

  g_assert_cmpint (atlas_time_step_add (month, atlas_date_from_civil (2020, 1, 31), 1), ==,
                   atlas_date_from_civil (2020, 2, 29));
  g_assert_cmpint (atlas_time_step_add (month, atlas_date_from_civil (2020, 1, 15), -1), ==,
                   atlas_date_from_civil (2019, 12, 15));
  g_assert_cmpint (atlas_time_step_add (month, atlas_date_from_civil (2020, 1, 15), 14), ==,
                   atlas_date_from_civil (2021, 3, 15));
  g_assert_cmpint (atlas_time_step_add (year, atlas_date_from_civil (2020, 2, 29), 1), ==,
                   atlas_date_from_civil (2021, 2, 28));
  g_assert_cmpint (atlas_time_step_add (week, 100, -2), ==, 86);

  /* Weeks start on Mondays; 5 January 1970 was one. */
  g_assert_cmpint (atlas_time_step_floor (week, atlas_date_from_civil (2020, 6, 5)), ==,
                   atlas_date_from_civil (2020, 6, 1));
  g_assert_cmpint (atlas_time_step_floor ((AtlasTimeStep) { ATLAS_TIME_UNIT_YEAR, 10 },
                                          atlas_date_from_civil (-5, 6, 1)), ==,
                   atlas_date_from_civil (-10, 1, 1));
  g_assert_cmpint (atlas_time_step_floor ((AtlasTimeStep) { ATLAS_TIME_UNIT_MONTH, 3 },
                                          atlas_date_from_civil (2021, 6, 30)), ==,
                   atlas_date_from_civil (2021, 4, 1));

  g_assert_cmpint (atlas_time_step_round (month, atlas_date_from_civil (2021, 4, 10)), ==,
                   atlas_date_from_civil (2021, 4, 1));
  g_assert_cmpint (atlas_time_step_round (month, atlas_date_from_civil (2021, 4, 20)), ==,
                   atlas_date_from_civil (2021, 5, 1));
}

static guint
brute_force_max_overlap (const double *x0,
                         const double *x1,
                         guint         n,
                         double        gap)
{
  guint best = 0;

  /* The most items covering one point, each item taken as [x0, x1 + gap). */
  for (guint i = 0; i < n; i++)
    {
      guint count = 0;

      for (guint j = 0; j < n; j++)
        {
          if (x0[j] <= x0[i] && x0[i] < x1[j] + gap)
            count++;
        }
      best = MAX (best, count);
    }
  return best;
}

static void
test_lanes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint round = 0; round < 200; round++)
    {
      guint n = g_rand_int_range (rand, 1, 300);
      g_autofree double *x0 = g_new (double, n);
      g_autofree double *x1 = g_new (double, n);
      g_autofree guint *lanes = g_new (guint, n);
      double gap = 2.0;
      guint n_lanes, expected;

      for (guint i = 0; i < n; i++)
        x0[i] = g_rand_double_range (rand, 0, 1000);
      /* Sorted by left edge, as the timeline sorts its glyphs. */
      for (guint i = 1; i < n; i++)
        for (guint j = i; j > 0 && x0[j - 1] > x0[j]; j--)
          {
            double t = x0[j];

            x0[j] = x0[j - 1];
            x0[j - 1] = t;
          }
      for (guint i = 0; i < n; i++)
        x1[i] = x0[i] + (g_rand_boolean (rand) ? 8.0 : g_rand_double_range (rand, 8, 120));

      n_lanes = atlas_lanes_pack (x0, x1, n, gap, G_MAXUINT16, lanes);
      expected = brute_force_max_overlap (x0, x1, n, gap);
      /* Optimal: no more lanes than items overlapping at one point. */
      g_assert_cmpuint (n_lanes, ==, expected);

      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpuint (lanes[i], <, n_lanes);
          for (guint j = 0; j < i; j++)
            {
              if (lanes[j] == lanes[i])
                g_assert_cmpfloat (x1[j] + gap, <=, x0[i]);
            }
        }

      if (expected > 1)
        g_assert_cmpuint (atlas_lanes_pack (x0, x1, n, gap, expected - 1, lanes), ==,
                          ATLAS_LANES_OVERFLOW);
    }

  g_assert_cmpuint (atlas_lanes_pack (NULL, NULL, 0, 2.0, 4, NULL), ==, 0);
}

typedef struct
{
  gint32 start;
  gint32 end;
  guint group;
} Interval;

static double
brute_force_mass (const Interval *events,
                  guint           n,
                  guint           group,
                  double          d0,
                  double          d1)
{
  double mass = 0;

  for (guint i = 0; i < n; i++)
    {
      double overlap;

      if (events[i].group != group)
        continue;
      overlap = MIN (events[i].end, d1) - MAX (events[i].start, d0);
      if (overlap > 0)
        mass += overlap / (events[i].end - events[i].start);
    }
  return mass;
}

static Interval *
random_events (GRand  *rand,
               guint   n,
               gint32  first,
               gint32  end,
               guint   n_groups)
{
  Interval *events = g_new (Interval, n);

  for (guint i = 0; i < n; i++)
    {
      AtlasPrecision precision = g_rand_int_range (rand, ATLAS_PRECISION_YEAR,
                                                   ATLAS_PRECISION_DAY + 1);
      gint32 day = g_rand_int_range (rand, first, end - 400);

      /* A date at one of the three precisions covers its day, month or year. */
      events[i].start = atlas_date_floor (day, precision);
      events[i].end = atlas_date_interval_end (events[i].start, precision);
      if (events[i].start < first)
        {
          events[i].start = atlas_date_floor (day, ATLAS_PRECISION_DAY);
          events[i].end = events[i].start + 1;
        }
      events[i].group = g_rand_int_range (rand, 0, n_groups);
    }
  return events;
}

static void
test_bins_against_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1234);
  gint32 first = atlas_date_from_civil (2018, 1, 1);
  gint32 end = atlas_date_from_civil (2023, 1, 1);
  guint n = 3000, n_groups = 5;
  g_autofree Interval *events = random_events (rand, n, first, end, n_groups);
  g_autoptr(AtlasTimeBins) bins = atlas_time_bins_new (first, end, n_groups, 1u << 20);

  for (guint i = 0; i < n; i++)
    atlas_time_bins_add (bins, events[i].group, events[i].start, events[i].end);
  atlas_time_bins_seal (bins);
  g_assert_cmpuint (atlas_time_bins_get_cell_days (bins), ==, 1);

  for (guint g = 0; g < n_groups; g++)
    {
      guint count = 0;

      for (guint i = 0; i < n; i++)
        count += events[i].group == g;
      g_assert_cmpfloat_with_epsilon (atlas_time_bins_get_total (bins, g), count, 1e-6);
    }

  /* Random spans with fractional edges, as pixel bins have. */
  for (guint q = 0; q < 2000; q++)
    {
      guint g = g_rand_int_range (rand, 0, n_groups);
      double d0 = g_rand_double_range (rand, first - 30, end + 30);
      double d1 = d0 + exp (g_rand_double_range (rand, log (0.2), log (800)));

      g_assert_cmpfloat_with_epsilon (atlas_time_bins_mass (bins, g, d0, d1),
                                      brute_force_mass (events, n, g, d0, d1), 1e-6);
    }
}

static void
test_bins_coarse_cells (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);
  gint32 first = atlas_date_from_civil (1900, 1, 1);
  gint32 end = atlas_date_from_civil (2100, 1, 1);
  guint n = 2000;
  g_autofree Interval *events = random_events (rand, n, first, end, 2);
  /* Too few cells for one per day: cells of several days. */
  g_autoptr(AtlasTimeBins) bins = atlas_time_bins_new (first, end, 2, 4096);
  guint w;

  for (guint i = 0; i < n; i++)
    atlas_time_bins_add (bins, events[i].group, events[i].start, events[i].end);
  atlas_time_bins_seal (bins);
  w = atlas_time_bins_get_cell_days (bins);
  g_assert_cmpuint (w, >, 1);

  /* Exact on cell boundaries; monotonic everywhere. */
  for (guint q = 0; q < 500; q++)
    {
      guint g = g_rand_int_range (rand, 0, 2);
      gint32 c0 = g_rand_int_range (rand, 0, (end - first) / w);
      gint32 c1 = g_rand_int_range (rand, c0, (end - first) / w + 1);
      double d0 = first + (double) c0 * w, d1 = first + (double) c1 * w;

      g_assert_cmpfloat_with_epsilon (atlas_time_bins_mass (bins, g, d0, d1),
                                      brute_force_mass (events, n, g, d0, d1), 1e-6);
    }
  for (double d = first - 10; d < end + 10; d += 37.3)
    g_assert_cmpfloat (atlas_time_bins_mass_before (bins, 0, d), <=,
                       atlas_time_bins_mass_before (bins, 0, d + 37.3) + 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/scale/round-trip", test_day_x_round_trip);
  g_test_add_func ("/timeline/scale/zoom", test_zoom_keeps_anchor);
  g_test_add_func ("/timeline/ticks/every-zoom", test_ticks_every_zoom);
  g_test_add_func ("/timeline/ticks/extremes", test_ticks_extremes);
  g_test_add_func ("/timeline/ticks/step-add", test_step_add);
  g_test_add_func ("/timeline/lanes", test_lanes);
  g_test_add_func ("/timeline/bins/brute-force", test_bins_against_brute_force);
  g_test_add_func ("/timeline/bins/coarse-cells", test_bins_coarse_cells);

  return g_test_run ();
}
