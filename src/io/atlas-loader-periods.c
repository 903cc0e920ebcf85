/* atlas-loader-periods.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-loader-private.h"

/*
 * The optional "periods" array: named spans of time (an era, a plan's years)
 * drawn as bands behind the timeline. Each has an id, a name, an optional
 * Chinese name, a start and an end as partial dates (the end is inclusive: a
 * period from "2020" to "2021" lasts two years) and an optional colour.
 */

/* Used for periods without a colour, in turn: soft tints a label reads on. */
static const guint32 period_palette[] = { 0x99c1f1, 0xf9f06b, 0x8ff0a4, 0xffbe6f, 0xdc8add, 0xcdab8f };

typedef struct
{
  AtlasPeriod period;
  DateValue start;
  DateValue end;
  const char *color;
} PeriodRecord;

static const Field period_fields[] = {
  FIELD ("id", FIELD_ID, FIELD_REQUIRED, PeriodRecord, period.id),
  FIELD ("name", FIELD_STRING, FIELD_REQUIRED | FIELD_INTERN, PeriodRecord, period.name),
  FIELD ("name_zh", FIELD_STRING, FIELD_INTERN, PeriodRecord, period.name_zh),
  FIELD ("start", FIELD_DATE, FIELD_REQUIRED, PeriodRecord, start),
  FIELD ("end", FIELD_DATE, FIELD_REQUIRED, PeriodRecord, end),
  FIELD ("color", FIELD_STRING, 0, PeriodRecord, color),
  { NULL },
};

static void
check_period (Element  *e,
              gpointer  record)
{
  PeriodRecord *rec = record;
  AtlasPeriod *period = &rec->period;
  guint n_periods = e->loader->dataset->periods->len;

  if (e->ok && rec->start.present && rec->end.present && rec->end.end <= rec->start.start)
    {
      Path p = PATH_KEY (e->path, "end");

      /* Translators: %1$s is the end date, %2$s the start date, as written in the file */
      loader_error (e->loader, &p, _("“%1$s” is before the period's start “%2$s”"),
                    atlas_json_string_member (e->r.object, "end"), atlas_json_string_member (e->r.object, "start"));
      e->ok = FALSE;
    }
  period->color = period_palette[n_periods % G_N_ELEMENTS (period_palette)];
  e->ok &= loader_check_color (e->loader, e->path, rec->color, &period->color);

  period->start = rec->start.start;
  period->end = rec->end.end;
  period->start_precision = rec->start.precision;
  period->end_precision = rec->end.precision;
}

/* One element of "periods". */
const SectionReader loader_period_reader = { period_fields, sizeof (PeriodRecord), check_period, NULL };
