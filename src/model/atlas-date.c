/* atlas-date.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-date.h"

/* Days from civil and back follow the era arithmetic of the proleptic Gregorian
 * calendar (400-year eras of 146097 days); it is exact for every year we accept
 * and needs no tables. */

gint32
atlas_date_from_civil (gint64 year,
                       guint  month,
                       guint  day)
{
  gint64 y = year - (month <= 2 ? 1 : 0);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 mp = (month + 9) % 12;
  gint64 doy = (153 * mp + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return (gint32) (era * 146097 + doe - 719468);
}

void
atlas_date_to_civil (gint32  days,
                     gint64 *year,
                     guint  *month,
                     guint  *day)
{
  gint64 z = (gint64) days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  guint d = (guint) (doy - (153 * mp + 2) / 5 + 1);
  guint m = (guint) (mp < 10 ? mp + 3 : mp - 9);

  if (year != NULL)
    *year = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (month != NULL)
    *month = m;
  if (day != NULL)
    *day = d;
}

static gboolean
is_leap_year (gint64 year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

guint
atlas_date_days_in_month (gint64 year,
                          guint  month)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  if (month == 2 && is_leap_year (year))
    return 29;
  return days[month - 1];
}

static char *format_year (gint64 year);

static gboolean
read_digits (const char **p,
             guint        min_digits,
             guint        max_digits,
             gint64      *value)
{
  const char *s = *p;
  gint64 v = 0;
  guint n = 0;

  while (g_ascii_isdigit (s[n]) && n < max_digits)
    {
      v = v * 10 + (s[n] - '0');
      n++;
    }
  if (n < min_digits || g_ascii_isdigit (s[n]))
    return FALSE;

  *p = s + n;
  *value = v;
  return TRUE;
}

/**
 * atlas_date_parse:
 * @text: a partial ISO 8601 date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * @start: (out): the first day the date covers
 * @end: (out): the day after the last day it covers
 * @precision: (out): how precise the date is
 * @reason: (out) (optional): why the text is not a date, for a message
 *
 * Returns: %TRUE if @text is a valid date
 */
gboolean
atlas_date_parse (const char     *text,
                  gint32         *start,
                  gint32         *end,
                  AtlasPrecision *precision,
                  char          **reason)
{
  const char *p = text;
  gboolean negative = FALSE;
  gint64 year, month = 1, day = 1;
  AtlasPrecision prec = ATLAS_PRECISION_YEAR;

  g_return_val_if_fail (text != NULL, FALSE);

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  if (!read_digits (&p, 4, 6, &year))
    goto malformed;
  if (negative)
    year = -year;

  if (*p == '-')
    {
      p++;
      if (!read_digits (&p, 2, 2, &month))
        goto malformed;
      prec = ATLAS_PRECISION_MONTH;

      if (*p == '-')
        {
          p++;
          if (!read_digits (&p, 2, 2, &day))
            goto malformed;
          prec = ATLAS_PRECISION_DAY;
        }
    }

  if (*p != '\0')
    goto malformed;

  if (month < 1 || month > 12)
    {
      if (reason != NULL)
        *reason = g_strdup_printf (_("month %d"), (int) month);
      return FALSE;
    }

  if (day < 1 || day > atlas_date_days_in_month (year, (guint) month))
    {
      if (reason != NULL)
        {
          if (day < 1)
            *reason = g_strdup_printf (_("day %d"), (int) day);
          else
            {
              g_autofree char *year_text = format_year (year);

              /* Translators: %1$s is a month name, %2$s a year, %3$d a number of days */
              *reason = g_strdup_printf (_("%1$s %2$s has %3$d days"),
                                         atlas_date_month_name ((guint) month), year_text,
                                         (int) atlas_date_days_in_month (year, (guint) month));
            }
        }
      return FALSE;
    }

  if (start != NULL)
    *start = atlas_date_from_civil (year, (guint) month, (guint) day);
  if (end != NULL)
    *end = atlas_date_interval_end (atlas_date_from_civil (year, (guint) month, (guint) day),
                                    prec);
  if (precision != NULL)
    *precision = prec;
  return TRUE;

malformed:
  if (reason != NULL)
    *reason = g_strdup (_("expected YYYY, YYYY-MM or YYYY-MM-DD"));
  return FALSE;
}

/**
 * atlas_date_floor:
 * @days: a day
 * @precision: a precision
 *
 * Returns: the first day of the year, month or day containing @days
 */
gint32
atlas_date_floor (gint32         days,
                  AtlasPrecision precision)
{
  gint64 y;
  guint m, d;

  atlas_date_to_civil (days, &y, &m, &d);
  switch (precision)
    {
    case ATLAS_PRECISION_YEAR:
      return atlas_date_from_civil (y, 1, 1);
    case ATLAS_PRECISION_MONTH:
      return atlas_date_from_civil (y, m, 1);
    case ATLAS_PRECISION_DAY:
    default:
      return days;
    }
}

/**
 * atlas_date_interval_end:
 * @start: the first day of a year, month or day
 * @precision: which of the three @start begins
 *
 * Returns: the first day after that year, month or day
 */
gint32
atlas_date_interval_end (gint32         start,
                         AtlasPrecision precision)
{
  gint64 y;
  guint m, d;

  atlas_date_to_civil (start, &y, &m, &d);
  switch (precision)
    {
    case ATLAS_PRECISION_YEAR:
      return atlas_date_from_civil (y + 1, 1, 1);
    case ATLAS_PRECISION_MONTH:
      return m == 12 ? atlas_date_from_civil (y + 1, 1, 1) : atlas_date_from_civil (y, m + 1, 1);
    case ATLAS_PRECISION_DAY:
    default:
      return start + 1;
    }
}

char *
atlas_date_to_iso (gint32         days,
                   AtlasPrecision precision)
{
  gint64 y;
  guint m, d;
  const char *sign;

  atlas_date_to_civil (days, &y, &m, &d);
  sign = y < 0 ? "-" : "";
  if (y < 0)
    y = -y;

  switch (precision)
    {
    case ATLAS_PRECISION_YEAR:
      return g_strdup_printf ("%s%04" G_GINT64_FORMAT, sign, y);
    case ATLAS_PRECISION_MONTH:
      return g_strdup_printf ("%s%04" G_GINT64_FORMAT "-%02u", sign, y, m);
    case ATLAS_PRECISION_DAY:
    default:
      return g_strdup_printf ("%s%04" G_GINT64_FORMAT "-%02u-%02u", sign, y, m, d);
    }
}

const char *
atlas_date_month_name (guint month)
{
  static const char *names[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
    NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
    NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };

  g_return_val_if_fail (month >= 1 && month <= 12, "");

  return g_dpgettext2 (GETTEXT_PACKAGE, "month", names[month - 1]);
}

static char *
format_year (gint64 year)
{
  g_autofree char *bc = NULL;

  if (year > 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, year);

  bc = g_strdup_printf ("%" G_GINT64_FORMAT, 1 - year);
  /* Translators: a year before the common era, e.g. "222 BC" */
  return g_strdup_printf (_("%s BC"), bc);
}

/**
 * atlas_date_format:
 * @days: the first day of the date
 * @precision: its precision
 *
 * Formats a date for people, at its precision and in the user's language:
 * "2020", "June 2020", "5 June 2020".
 *
 * Returns: (transfer full): the text
 */
char *
atlas_date_format (gint32         days,
                   AtlasPrecision precision)
{
  g_autofree char *year = NULL;
  gint64 y;
  guint m, d;

  atlas_date_to_civil (days, &y, &m, &d);
  year = format_year (y);

  switch (precision)
    {
    case ATLAS_PRECISION_YEAR:
      /* Translators: a date known to the year; %s is the year */
      return g_strdup_printf (C_("date", "%s"), year);
    case ATLAS_PRECISION_MONTH:
      /* Translators: a date known to the month: %1$s month name, %2$s year */
      return g_strdup_printf (_("%1$s %2$s"), atlas_date_month_name (m), year);
    case ATLAS_PRECISION_DAY:
    default:
      /* Translators: a full date: %1$d day of the month, %2$s month name, %3$s year */
      return g_strdup_printf (_("%1$d %2$s %3$s"), (int) d, atlas_date_month_name (m), year);
    }
}

/**
 * atlas_date_format_range:
 * @start: first day of the start date
 * @start_precision: its precision
 * @end: first day of the end date (not the day after it)
 * @end_precision: its precision
 *
 * Returns: (transfer full): "June 2020 – 2021" and the like
 */
char *
atlas_date_format_range (gint32         start,
                         AtlasPrecision start_precision,
                         gint32         end,
                         AtlasPrecision end_precision)
{
  g_autofree char *a = atlas_date_format (start, start_precision);
  g_autofree char *b = atlas_date_format (end, end_precision);

  /* Translators: a span of time between two dates */
  return g_strdup_printf (_("%1$s – %2$s"), a, b);
}
