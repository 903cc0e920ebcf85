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

/**
 * loader_read_period:
 * @node: one element of "periods"
 * @path: its place in the file
 * @index: its index in "periods"
 *
 * Reads and checks one period; a valid one is added to the dataset.
 */
void
loader_read_period (Loader          *loader,
                    const AtlasJson *node,
                    const Path      *path,
                    guint            index)
{
  static const char * const known[] = { "id", "name", "name_zh", "start", "end", "color", NULL };
  AtlasDataset *ds = loader->dataset;
  AtlasPeriod period = { 0 };
  const char *id, *name, *name_zh, *color;
  gint32 start, start_end, end_start, end;
  AtlasPrecision start_precision, end_precision;
  gboolean has_start, has_end;
  Element e;

  if (!element_begin (&e, loader, SECTION_PERIODS, node, path, index, ds->periods->len, NULL, NULL))
    return;

  e.ok &= read_id (&e.r, &id);
  e.ok &= read_string (&e.r, "name", TRUE, &name);
  e.ok &= read_string (&e.r, "name_zh", FALSE, &name_zh);
  e.ok &= read_date (&e.r, "start", TRUE, &has_start, &start, &start_end, &start_precision);
  e.ok &= read_date (&e.r, "end", TRUE, &has_end, &end_start, &end, &end_precision);
  e.ok &= read_string (&e.r, "color", FALSE, &color);
  warn_unknown_keys (&e.r, known);

  if (e.ok && has_start && has_end && end <= start)
    {
      Path p = PATH_KEY (path, "end");

      /* Translators: %1$s is the end date, %2$s the start date, as written in the file */
      loader_error (loader, &p, _("“%1$s” is before the period's start “%2$s”"),
                    atlas_json_string_member (e.r.object, "end"), atlas_json_string_member (e.r.object, "start"));
      e.ok = FALSE;
    }
  period.color = period_palette[ds->periods->len % G_N_ELEMENTS (period_palette)];
  e.ok &= loader_check_color (loader, path, color, &period.color);

  period.id = element_finish (&e, id);
  if (period.id == NULL)
    return;
  period.name = atlas_dataset_intern (ds, name);
  period.name_zh = atlas_dataset_intern (ds, name_zh);
  period.start = start;
  period.end = end;
  period.start_precision = start_precision;
  period.end_precision = end_precision;
  g_array_append_val (ds->periods, period);
}
