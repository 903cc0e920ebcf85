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
  gboolean ok = TRUE, has_start, has_end;
  Reader r;

  if (!begin_element (loader, node, path, &r))
    return;

  ok &= read_id (&r, &id);
  ok &= read_string (&r, "name", TRUE, &name);
  ok &= read_string (&r, "name_zh", FALSE, &name_zh);
  ok &= read_date (&r, "start", TRUE, &has_start, &start, &start_end, &start_precision);
  ok &= read_date (&r, "end", TRUE, &has_end, &end_start, &end, &end_precision);
  ok &= read_string (&r, "color", FALSE, &color);
  warn_unknown_keys (&r, known);

  if (ok && has_start && has_end && end <= start)
    {
      Path p = PATH_KEY (path, "end");

      /* Translators: %1$s is the end date, %2$s the start date, as written in the file */
      loader_error (loader, &p, _("“%1$s” is before the period's start “%2$s”"),
                    atlas_json_string_member (r.object, "end"), atlas_json_string_member (r.object, "start"));
      ok = FALSE;
    }
  period.color = period_palette[ds->periods->len % G_N_ELEMENTS (period_palette)];
  ok &= loader_check_color (loader, path, color, &period.color);
  if (id == NULL)
    return;

  period.id = atlas_dataset_intern (ds, id);
  period.name = atlas_dataset_intern (ds, name);
  period.name_zh = atlas_dataset_intern (ds, name_zh);
  period.start = start;
  period.end = end;
  period.start_precision = start_precision;
  period.end_precision = end_precision;
  if (add_id (loader, SECTION_PERIODS, id, period.id, ok ? ds->periods->len : ATLAS_FAILED, index, path) && ok)
    g_array_append_val (ds->periods, period);
}
