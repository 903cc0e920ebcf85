/* atlas-import-dates.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "atlas-import-dates.h"

/*
 * Dates as people type them in spreadsheets, each kept at the precision written:
 *
 *   2020-06-05, 2020/06/05, 2020.06.05   day       2020-06, 2020/06   month
 *   5 June 2020, June 5, 2020, 5 Jun 2020   day    June 2020, Jun 2020   month
 *   2020                                 year      2020年6月5日, 2020年6月, 2020年
 *   2020-06-05T10:00:00Z, 2020/06/05 10:00:00+00 (a time is dropped: days are the unit)
 *
 * Day, month and year written with numbers only in another order (06/05/2020) are
 * read only when one of the first two numbers is above 12; otherwise the date is
 * ambiguous and reported, never guessed.
 */

static const char * const months[] = {
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
};

typedef struct
{
  gint64 numbers[3];
  guint n_numbers;
  guint digits[3];
  guint month;        /* from a name, 1–12, or 0 */
  char separator;     /* between numbers: '-', '/', '.' or 0 */
  gboolean cjk;       /* 年, 月, 日 */
  gboolean bad;
} Tokens;

static guint
month_from_name (const char *word,
                 gsize       length)
{
  g_autofree char *lower = g_ascii_strdown (word, length);

  if (length < 3)
    return 0;
  if (length == 4 && strcmp (lower, "sept") == 0)
    return 9;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      if (strncmp (months[i], lower, length) == 0 && (length == 3 || length == strlen (months[i])))
        return i + 1;
    }
  return 0;
}

/* A time after a full date: "T10:00", " 10:00:00+00", "T10:00:00.000Z". */
static gboolean
is_time (const char *p)
{
  if (*p != 'T' && *p != ' ')
    return FALSE;
  p++;
  return g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && p[2] == ':';
}

static void
add_number (Tokens     *t,
            const char **p)
{
  gint64 value = 0;
  guint digits = 0;

  while (g_ascii_isdigit (**p))
    {
      if (digits < 9)
        value = value * 10 + (**p - '0');
      digits++;
      (*p)++;
    }
  if (t->n_numbers == 3)
    {
      t->bad = TRUE;
      return;
    }
  t->digits[t->n_numbers] = digits;
  t->numbers[t->n_numbers++] = value;
}

static gboolean
take_separator (Tokens      *t,
                const char **p)
{
  static const char *cjk[] = { "年", "月", "日" };
  char c = **p;

  for (guint i = 0; i < G_N_ELEMENTS (cjk); i++)
    {
      if (strncmp (*p, cjk[i], strlen (cjk[i])) == 0)
        {
          t->cjk = TRUE;
          *p += strlen (cjk[i]);
          return TRUE;
        }
    }
  if (c == '-' || c == '/' || c == '.')
    {
      if (t->separator != 0 && t->separator != c)
        t->bad = TRUE;
      t->separator = c;
      (*p)++;
      return TRUE;
    }
  if (c == ' ' || c == ',')
    {
      (*p)++;
      return TRUE;
    }
  return FALSE;
}

static void
tokenize (const char *text,
          Tokens     *t)
{
  const char *p = text;

  while (*p != '\0' && !t->bad)
    {
      if (t->n_numbers == 3 && is_time (p))
        return;
      if (g_ascii_isdigit (*p))
        add_number (t, &p);
      else if (g_ascii_isalpha (*p))
        {
          const char *word = p;

          while (g_ascii_isalpha (*p))
            p++;
          if (t->month != 0 || (t->month = month_from_name (word, p - word)) == 0)
            t->bad = TRUE;
          if (*p == '.')
            p++;
        }
      else if (!take_separator (t, &p))
        t->bad = TRUE;
    }
}

static gboolean
finish (gint64          year,
        gint64          month,
        gint64          day,
        AtlasPrecision  precision,
        gint32         *start,
        gint32         *end,
        AtlasPrecision *out)
{
  if (year < 1 || year > 9999)
    return FALSE;
  if (precision >= ATLAS_PRECISION_MONTH && (month < 1 || month > 12))
    return FALSE;
  if (precision == ATLAS_PRECISION_DAY && (day < 1 || day > atlas_date_days_in_month (year, (guint) month)))
    return FALSE;
  *start = atlas_date_from_civil (year, precision >= ATLAS_PRECISION_MONTH ? (guint) month : 1,
                                  precision == ATLAS_PRECISION_DAY ? (guint) day : 1);
  *end = atlas_date_interval_end (*start, precision);
  *out = precision;
  return TRUE;
}

/* Numbers only: year first (ISO, 2020/06/05, 年月日) or year last (d/m/y or m/d/y). */
static AtlasImportDate
from_numbers (const Tokens   *t,
              gint32         *start,
              gint32         *end,
              AtlasPrecision *precision)
{
  const gint64 *n = t->numbers;
  AtlasPrecision p = (AtlasPrecision) t->n_numbers;
  gboolean ok;

  if (t->digits[0] == 4)
    ok = finish (n[0], n[1], n[2], p, start, end, precision);
  else if (t->n_numbers == 3 && t->digits[2] == 4 && !t->cjk)
    {
      if (n[0] <= 12 && n[1] <= 12 && n[0] != n[1])
        return ATLAS_IMPORT_DATE_AMBIGUOUS;
      if (n[0] > 12)
        ok = finish (n[2], n[1], n[0], p, start, end, precision);
      else
        ok = finish (n[2], n[0], n[1], p, start, end, precision);
    }
  else if (t->n_numbers == 2 && t->digits[1] == 4 && !t->cjk)
    ok = finish (n[1], n[0], 1, ATLAS_PRECISION_MONTH, start, end, precision);
  else
    ok = FALSE;

  return ok ? ATLAS_IMPORT_DATE_OK : ATLAS_IMPORT_DATE_INVALID;
}

/* A month name with a year, and perhaps a day: 5 June 2020, June 5, 2020, Jun 2020. */
static AtlasImportDate
from_month_name (const Tokens   *t,
                 gint32         *start,
                 gint32         *end,
                 AtlasPrecision *precision)
{
  const gint64 *n = t->numbers;
  gboolean ok = FALSE;

  if (t->n_numbers == 1 && t->digits[0] == 4)
    ok = finish (n[0], t->month, 1, ATLAS_PRECISION_MONTH, start, end, precision);
  else if (t->n_numbers == 2 && t->digits[1] == 4 && t->digits[0] <= 2)
    ok = finish (n[1], t->month, n[0], ATLAS_PRECISION_DAY, start, end, precision);
  else if (t->n_numbers == 2 && t->digits[0] == 4 && t->digits[1] <= 2)
    ok = finish (n[0], t->month, n[1], ATLAS_PRECISION_DAY, start, end, precision);

  return ok ? ATLAS_IMPORT_DATE_OK : ATLAS_IMPORT_DATE_INVALID;
}

/**
 * atlas_import_parse_date:
 * @text: a date as typed in a spreadsheet or written by a GIS
 *
 * Returns: whether @text is a date; %ATLAS_IMPORT_DATE_AMBIGUOUS for numbers
 *   whose day and month could be either way round
 */
AtlasImportDate
atlas_import_parse_date (const char     *text,
                         gint32         *start,
                         gint32         *end,
                         AtlasPrecision *precision)
{
  Tokens t = { 0 };
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*trimmed == '\0')
    return ATLAS_IMPORT_DATE_EMPTY;
  if (atlas_date_parse (trimmed, start, end, precision, NULL))
    return ATLAS_IMPORT_DATE_OK;

  tokenize (trimmed, &t);
  if (t.bad || t.n_numbers == 0)
    return ATLAS_IMPORT_DATE_INVALID;
  if (t.month != 0)
    return from_month_name (&t, start, end, precision);
  return from_numbers (&t, start, end, precision);
}

static gboolean
read_part (const char *text,
           gint64     *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *rest;
  double number;

  if (*trimmed == '\0')
    return FALSE;
  number = g_ascii_strtod (trimmed, &rest);
  if (*rest != '\0' || number != (gint64) number)
    {
      *value = -1;
      return TRUE;
    }
  *value = (gint64) number;
  return TRUE;
}

/**
 * atlas_import_date_parts:
 * @year: the text of a Year column
 * @month: (nullable): of a Month column, a number or a month name
 * @day: (nullable): of a Day column
 *
 * Reads a date split over columns, as in TimelineJS's spreadsheet template.
 */
AtlasImportDate
atlas_import_date_parts (const char     *year,
                         const char     *month,
                         const char     *day,
                         gint32         *start,
                         gint32         *end,
                         AtlasPrecision *precision)
{
  gint64 y, m = 1, d = 1;
  AtlasPrecision p = ATLAS_PRECISION_YEAR;

  if (!read_part (year, &y))
    return (month != NULL && *month != '\0') ? ATLAS_IMPORT_DATE_INVALID : ATLAS_IMPORT_DATE_EMPTY;
  if (read_part (month, &m))
    {
      if (m < 0)
        m = month_from_name (month, strlen (month));
      p = ATLAS_PRECISION_MONTH;
      if (read_part (day, &d))
        p = ATLAS_PRECISION_DAY;
    }
  else if (day != NULL && *day != '\0')
    return ATLAS_IMPORT_DATE_INVALID;

  return finish (y, m, d, p, start, end, precision) ? ATLAS_IMPORT_DATE_OK : ATLAS_IMPORT_DATE_INVALID;
}
