/* test-date.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model/atlas-date.h"

static void
test_civil_known (void)
{
  gint64 y;
  guint m, d;

  g_assert_cmpint (atlas_date_from_civil (1970, 1, 1), ==, 0);
  g_assert_cmpint (atlas_date_from_civil (1969, 12, 31), ==, -1);
  g_assert_cmpint (atlas_date_from_civil (2000, 3, 1), ==, 11017);
  g_assert_cmpint (atlas_date_from_civil (2020, 6, 5), ==, 18418);
  g_assert_cmpint (atlas_date_from_civil (0, 1, 1), ==, -719528);

  atlas_date_to_civil (18418, &y, &m, &d);
  g_assert_cmpint (y, ==, 2020);
  g_assert_cmpuint (m, ==, 6);
  g_assert_cmpuint (d, ==, 5);

  atlas_date_to_civil (-719529, &y, &m, &d);
  g_assert_cmpint (y, ==, -1);
  g_assert_cmpuint (m, ==, 12);
  g_assert_cmpuint (d, ==, 31);
}

/* Every day for 6,000 years around the common era converts back to itself, and
 * consecutive days are consecutive dates. */
static void
test_civil_round_trip (void)
{
  gint32 first = atlas_date_from_civil (-3000, 1, 1);
  gint32 last = atlas_date_from_civil (3000, 12, 31);
  gint64 prev_y = -3001;
  guint prev_m = 12, prev_d = 31;

  for (gint32 day = first; day <= last; day++)
    {
      gint64 y;
      guint m, d;

      atlas_date_to_civil (day, &y, &m, &d);
      g_assert_cmpint (atlas_date_from_civil (y, m, d), ==, day);
      g_assert_cmpuint (d, >=, 1);
      g_assert_cmpuint (d, <=, atlas_date_days_in_month (y, m));

      if (d == 1)
        g_assert_true ((m == 1 && prev_m == 12 && y == prev_y + 1) || (m == prev_m + 1 && y == prev_y));
      else
        g_assert_true (d == prev_d + 1 && m == prev_m && y == prev_y);

      prev_y = y, prev_m = m, prev_d = d;
    }
}

static void
test_days_in_month (void)
{
  g_assert_cmpuint (atlas_date_days_in_month (2021, 2), ==, 28);
  g_assert_cmpuint (atlas_date_days_in_month (2020, 2), ==, 29);
  g_assert_cmpuint (atlas_date_days_in_month (1900, 2), ==, 28);
  g_assert_cmpuint (atlas_date_days_in_month (2000, 2), ==, 29);
  g_assert_cmpuint (atlas_date_days_in_month (0, 2), ==, 29);
  g_assert_cmpuint (atlas_date_days_in_month (-4, 2), ==, 29);
  g_assert_cmpuint (atlas_date_days_in_month (2021, 4), ==, 30);
  g_assert_cmpuint (atlas_date_days_in_month (2021, 12), ==, 31);
}

static void
test_parse_valid (void)
{
  const struct {
    const char *text;
    gint64 y;
    guint m, d;
    AtlasPrecision precision;
    gint32 length;
  } cases[] = {
    { "2020", 2020, 1, 1, ATLAS_PRECISION_YEAR, 366 },
    { "2021", 2021, 1, 1, ATLAS_PRECISION_YEAR, 365 },
    { "2020-06", 2020, 6, 1, ATLAS_PRECISION_MONTH, 30 },
    { "2020-02", 2020, 2, 1, ATLAS_PRECISION_MONTH, 29 },
    { "2020-12", 2020, 12, 1, ATLAS_PRECISION_MONTH, 31 },
    { "2020-06-05", 2020, 6, 5, ATLAS_PRECISION_DAY, 1 },
    { "2020-02-29", 2020, 2, 29, ATLAS_PRECISION_DAY, 1 },
    { "0000", 0, 1, 1, ATLAS_PRECISION_YEAR, 366 },
    { "-0221", -221, 1, 1, ATLAS_PRECISION_YEAR, 365 },
    { "-0044-03-15", -44, 3, 15, ATLAS_PRECISION_DAY, 1 },
    { "12021", 12021, 1, 1, ATLAS_PRECISION_YEAR, 365 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint32 start, end;
      AtlasPrecision precision;
      g_autofree char *reason = NULL;

      g_test_message ("%s", cases[i].text);
      g_assert_true (atlas_date_parse (cases[i].text, &start, &end, &precision, &reason));
      g_assert_null (reason);
      g_assert_cmpint (start, ==, atlas_date_from_civil (cases[i].y, cases[i].m, cases[i].d));
      g_assert_cmpint (end - start, ==, cases[i].length);
      g_assert_cmpint (precision, ==, cases[i].precision);
    }
}

static void
test_parse_invalid (void)
{
  const struct {
    const char *text;
    const char *reason;
  } cases[] = {
    { "2021-02-29", "February 2021 has 28 days" },
    { "2020-13-01", "month 13" },
    { "2020-00", "month 0" },
    { "2020-06-00", "day 0" },
    { "2020-04-31", "April 2020 has 30 days" },
    { "June 2020", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "20", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "2020-6-5", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "2020-06-05T10:00", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "2020/06/05", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "-", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "1234567", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { " 2020", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *reason = NULL;

      g_test_message ("%s", cases[i].text);
      g_assert_false (atlas_date_parse (cases[i].text, NULL, NULL, NULL, &reason));
      g_assert_cmpstr (reason, ==, cases[i].reason);
    }
}

static void
test_floor_and_end (void)
{
  gint32 day = atlas_date_from_civil (2020, 6, 5);

  g_assert_cmpint (atlas_date_floor (day, ATLAS_PRECISION_YEAR), ==, atlas_date_from_civil (2020, 1, 1));
  g_assert_cmpint (atlas_date_floor (day, ATLAS_PRECISION_MONTH), ==, atlas_date_from_civil (2020, 6, 1));
  g_assert_cmpint (atlas_date_floor (day, ATLAS_PRECISION_DAY), ==, day);
  g_assert_cmpint (atlas_date_interval_end (atlas_date_from_civil (2020, 12, 1), ATLAS_PRECISION_MONTH), ==,
                   atlas_date_from_civil (2021, 1, 1));
  g_assert_cmpint (atlas_date_interval_end (atlas_date_from_civil (-1, 1, 1), ATLAS_PRECISION_YEAR), ==,
                   atlas_date_from_civil (0, 1, 1));
}

static void
test_format (void)
{
  const struct {
    gint64 y;
    guint m, d;
    AtlasPrecision precision;
    const char *iso;
    const char *text;
  } cases[] = {
    { 2020, 6, 5, ATLAS_PRECISION_DAY, "2020-06-05", "5 June 2020" },
    { 2020, 6, 1, ATLAS_PRECISION_MONTH, "2020-06", "June 2020" },
    { 2020, 1, 1, ATLAS_PRECISION_YEAR, "2020", "2020" },
    { -221, 1, 1, ATLAS_PRECISION_YEAR, "-0221", "222 BC" },
    { 0, 3, 1, ATLAS_PRECISION_MONTH, "0000-03", "March 1 BC" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint32 day = atlas_date_from_civil (cases[i].y, cases[i].m, cases[i].d);
      g_autofree char *iso = atlas_date_to_iso (day, cases[i].precision);
      g_autofree char *text = atlas_date_format (day, cases[i].precision);
      gint32 start;
      AtlasPrecision precision;

      g_assert_cmpstr (iso, ==, cases[i].iso);
      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_true (atlas_date_parse (iso, &start, NULL, &precision, NULL));
      g_assert_cmpint (start, ==, day);
      g_assert_cmpint (precision, ==, cases[i].precision);
    }

  {
    g_autofree char *range = atlas_date_format_range (atlas_date_from_civil (2020, 4, 30), ATLAS_PRECISION_DAY,
                                                      atlas_date_from_civil (2021, 12, 31), ATLAS_PRECISION_DAY);

    g_assert_cmpstr (range, ==, "30 April 2020 – 31 December 2021");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/civil/known", test_civil_known);
  g_test_add_func ("/date/civil/round-trip", test_civil_round_trip);
  g_test_add_func ("/date/days-in-month", test_days_in_month);
  g_test_add_func ("/date/parse/valid", test_parse_valid);
  g_test_add_func ("/date/parse/invalid", test_parse_invalid);
  g_test_add_func ("/date/floor-and-end", test_floor_and_end);
  g_test_add_func ("/date/format", test_format);

  return g_test_run ();
}
