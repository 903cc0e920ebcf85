/* atlas-date.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Dates are counted in days since 1970-01-01 in the proleptic Gregorian calendar
 * (day 0 is 1 January 1970, day -1 is 31 December 1969). Years are astronomical:
 * year 0 is 1 BC, as in ISO 8601.
 */

typedef enum
{
  ATLAS_PRECISION_YEAR = 1,
  ATLAS_PRECISION_MONTH = 2,
  ATLAS_PRECISION_DAY = 3,
} AtlasPrecision;

#define ATLAS_DATE_MIN_YEAR (-999999)
#define ATLAS_DATE_MAX_YEAR 999999

gint32    atlas_date_from_civil      (gint64          year,
                                      guint           month,
                                      guint           day);
void      atlas_date_to_civil        (gint32          days,
                                      gint64         *year,
                                      guint          *month,
                                      guint          *day);
guint     atlas_date_days_in_month   (gint64          year,
                                      guint           month);
gboolean  atlas_date_parse           (const char     *text,
                                      gint32         *start,
                                      gint32         *end,
                                      AtlasPrecision *precision,
                                      char          **reason);
gint32    atlas_date_interval_end    (gint32          start,
                                      AtlasPrecision  precision);
gint32    atlas_date_floor           (gint32          days,
                                      AtlasPrecision  precision);
char     *atlas_date_to_iso          (gint32          days,
                                      AtlasPrecision  precision);
char     *atlas_date_format          (gint32          days,
                                      AtlasPrecision  precision);
char     *atlas_date_format_range    (gint32          start,
                                      AtlasPrecision  start_precision,
                                      gint32          end,
                                      AtlasPrecision  end_precision);
const char *atlas_date_month_name    (guint           month);

G_END_DECLS
