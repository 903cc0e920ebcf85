/* atlas-import-table.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-import-table.h"

/*
 * Recognising a table's columns by their names, in English and Chinese, as people
 * and TimelineJS's spreadsheet template name them. Names are compared without
 * case, spaces, underscores or hyphens ("Start Date" = "start_date" = "startdate").
 * When two columns could hold the same thing, the one earlier in the list below
 * wins (a "Headline" column is the title even when there is a "Name" column too,
 * and "Name" then names the place).
 */

#define LAYER_KEY "layer="

typedef struct
{
  const char *name;
  AtlasColumn column;
} Alias;

static const Alias aliases[] = {
  { "title", ATLAS_COLUMN_TITLE }, { "headline", ATLAS_COLUMN_TITLE }, { "标题", ATLAS_COLUMN_TITLE },
  { "event", ATLAS_COLUMN_TITLE }, { "事件", ATLAS_COLUMN_TITLE },
  { "date", ATLAS_COLUMN_DATE }, { "startdate", ATLAS_COLUMN_DATE }, { "start", ATLAS_COLUMN_DATE },
  { "日期", ATLAS_COLUMN_DATE }, { "开始日期", ATLAS_COLUMN_DATE }, { "when", ATLAS_COLUMN_DATE },
  { "timestamp", ATLAS_COLUMN_DATE }, { "time", ATLAS_COLUMN_DATE }, { "begin", ATLAS_COLUMN_DATE },
  { "时间", ATLAS_COLUMN_DATE },
  { "enddate", ATLAS_COLUMN_END }, { "end", ATLAS_COLUMN_END }, { "结束日期", ATLAS_COLUMN_END },
  { "latitude", ATLAS_COLUMN_LATITUDE }, { "lat", ATLAS_COLUMN_LATITUDE }, { "纬度", ATLAS_COLUMN_LATITUDE },
  { "longitude", ATLAS_COLUMN_LONGITUDE }, { "lon", ATLAS_COLUMN_LONGITUDE },
  { "lng", ATLAS_COLUMN_LONGITUDE }, { "long", ATLAS_COLUMN_LONGITUDE }, { "经度", ATLAS_COLUMN_LONGITUDE },
  { "place", ATLAS_COLUMN_PLACE }, { "location", ATLAS_COLUMN_PLACE }, { "地点", ATLAS_COLUMN_PLACE },
  { "placename", ATLAS_COLUMN_PLACE }, { "位置", ATLAS_COLUMN_PLACE },
  { "sector", ATLAS_COLUMN_SECTOR }, { "category", ATLAS_COLUMN_SECTOR }, { "group", ATLAS_COLUMN_SECTOR },
  { "类别", ATLAS_COLUMN_SECTOR }, { "行业", ATLAS_COLUMN_SECTOR },
  { "district", ATLAS_COLUMN_DISTRICT }, { "区县", ATLAS_COLUMN_DISTRICT }, { "county", ATLAS_COLUMN_DISTRICT },
  { "description", ATLAS_COLUMN_DESCRIPTION }, { "text", ATLAS_COLUMN_DESCRIPTION },
  { "描述", ATLAS_COLUMN_DESCRIPTION }, { "desc", ATLAS_COLUMN_DESCRIPTION },
  { "source", ATLAS_COLUMN_SOURCE }, { "url", ATLAS_COLUMN_SOURCE }, { "来源", ATLAS_COLUMN_SOURCE },
  { "link", ATLAS_COLUMN_SOURCE },
  { "year", ATLAS_COLUMN_YEAR }, { "month", ATLAS_COLUMN_MONTH }, { "day", ATLAS_COLUMN_DAY },
  { "endyear", ATLAS_COLUMN_END_YEAR }, { "endmonth", ATLAS_COLUMN_END_MONTH },
  { "endday", ATLAS_COLUMN_END_DAY },
  /* Weakest last: a "Name" names the place when there is a title, else both. */
  { "name", ATLAS_COLUMN_PLACE }, { "名称", ATLAS_COLUMN_PLACE },
};

static const struct
{
  const char *key;
  const char *label;
} columns[ATLAS_N_COLUMNS] = {
  [ATLAS_COLUMN_TITLE] = { "title", N_("Title") },
  [ATLAS_COLUMN_DATE] = { "date", N_("Date") },
  [ATLAS_COLUMN_END] = { "end", N_("End date") },
  [ATLAS_COLUMN_LATITUDE] = { "latitude", N_("Latitude") },
  [ATLAS_COLUMN_LONGITUDE] = { "longitude", N_("Longitude") },
  [ATLAS_COLUMN_PLACE] = { "place", N_("Place name") },
  [ATLAS_COLUMN_SECTOR] = { "sector", N_("Sector") },
  [ATLAS_COLUMN_DISTRICT] = { "district", N_("District") },
  [ATLAS_COLUMN_DESCRIPTION] = { "description", N_("Description") },
  [ATLAS_COLUMN_SOURCE] = { "source", N_("Source") },
  [ATLAS_COLUMN_YEAR] = { "year", N_("Year") },
  [ATLAS_COLUMN_MONTH] = { "month", N_("Month") },
  [ATLAS_COLUMN_DAY] = { "day", N_("Day") },
  [ATLAS_COLUMN_END_YEAR] = { "end-year", N_("End year") },
  [ATLAS_COLUMN_END_MONTH] = { "end-month", N_("End month") },
  [ATLAS_COLUMN_END_DAY] = { "end-day", N_("End day") },
};

const char *
atlas_column_get_key (AtlasColumn column)
{
  g_return_val_if_fail (column < ATLAS_N_COLUMNS, NULL);
  return columns[column].key;
}

const char *
atlas_column_get_label (AtlasColumn column)
{
  g_return_val_if_fail (column < ATLAS_N_COLUMNS, NULL);
  return _(columns[column].label);
}

void
atlas_import_mapping_clear (AtlasImportMapping *mapping)
{
  for (guint i = 0; i < ATLAS_N_COLUMNS; i++)
    mapping->fields[i] = -1;
}

static char *
normalise (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);
  GString *out = g_string_new (NULL);

  /* A byte-order mark left at the start of the first column's name is dropped. */
  for (const char *p = lower; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '_' || *p == '-' || *p == '\t')
        continue;
      if (strncmp (p, "\xef\xbb\xbf", 3) == 0)
        {
          p += 2;
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/**
 * atlas_import_mapping_recognise:
 * @names: the names of a layer's fields, in order
 *
 * Fills @mapping with the fields whose names say what they hold.
 */
void
atlas_import_mapping_recognise (AtlasImportMapping *mapping,
                                const char * const *names,
                                guint               n_names)
{
  guint best[ATLAS_N_COLUMNS];
  g_autofree char **normal = g_new0 (char *, n_names + 1);

  atlas_import_mapping_clear (mapping);
  for (guint c = 0; c < ATLAS_N_COLUMNS; c++)
    best[c] = G_N_ELEMENTS (aliases);
  for (guint f = 0; f < n_names; f++)
    normal[f] = normalise (names[f] != NULL ? names[f] : "");

  for (guint f = 0; f < n_names; f++)
    {
      for (guint a = 0; a < G_N_ELEMENTS (aliases); a++)
        {
          AtlasColumn c = aliases[a].column;

          if (strcmp (normal[f], aliases[a].name) != 0 || a >= best[c])
            continue;
          best[c] = a;
          mapping->fields[c] = (int) f;
        }
    }
  g_strfreev (g_steal_pointer (&normal));
}

/**
 * atlas_import_mapping_is_usable:
 * @has_geometry: whether the layer's features have their own geometry
 *
 * Returns: whether a table mapped so can be read: it needs a date (or a year) and,
 *   unless its features have a geometry, a latitude and a longitude
 */
gboolean
atlas_import_mapping_is_usable (const AtlasImportMapping *mapping,
                                gboolean                  has_geometry)
{
  const int *f = mapping->fields;
  gboolean dated = f[ATLAS_COLUMN_DATE] >= 0 || f[ATLAS_COLUMN_YEAR] >= 0;
  gboolean placed = has_geometry || (f[ATLAS_COLUMN_LATITUDE] >= 0 && f[ATLAS_COLUMN_LONGITUDE] >= 0);

  return dated && placed;
}

/**
 * atlas_import_mapping_to_string:
 *
 * Returns: (transfer full): the mapping as `key=field name` lines, to be remembered
 */
char *
atlas_import_mapping_to_string (const AtlasImportMapping *mapping,
                                const char * const       *names,
                                guint                     n_names)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < ATLAS_N_COLUMNS; c++)
    {
      int f = mapping->fields[c];

      if (f >= 0 && (guint) f < n_names)
        g_string_append_printf (out, "%s=%s\n", columns[c].key, names[f]);
    }
  return g_string_free (out, FALSE);
}

/**
 * atlas_import_mapping_from_string:
 *
 * Reads a mapping remembered with atlas_import_mapping_to_string() for a table
 * with the fields @names.
 *
 * Returns: %FALSE when a remembered field is not in the table any more
 */
gboolean
atlas_import_mapping_from_string (AtlasImportMapping *mapping,
                                  const char         *text,
                                  const char * const *names,
                                  guint               n_names)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  atlas_import_mapping_clear (mapping);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *eq = strchr (lines[i], '=');
      gboolean found = FALSE;

      /* The layer chosen is remembered with the mapping; it is no column. */
      if (eq == NULL || g_str_has_prefix (lines[i], LAYER_KEY))
        continue;
      for (guint c = 0; c < ATLAS_N_COLUMNS && !found; c++)
        {
          if (strncmp (lines[i], columns[c].key, eq - lines[i]) != 0 || columns[c].key[eq - lines[i]] != '\0')
            continue;
          for (guint f = 0; f < n_names && !found; f++)
            {
              if (g_strcmp0 (names[f], eq + 1) == 0)
                {
                  mapping->fields[c] = (int) f;
                  found = TRUE;
                }
            }
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/**
 * atlas_import_mapping_get_layer:
 * @text: a remembered mapping, with a `layer=NAME` line when a layer was chosen
 *
 * Returns: (transfer full) (nullable): the layer chosen, if any
 */
char *
atlas_import_mapping_get_layer (const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return NULL;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], LAYER_KEY) && lines[i][strlen (LAYER_KEY)] != '\0')
        return g_strdup (lines[i] + strlen (LAYER_KEY));
    }
  return NULL;
}

/**
 * atlas_import_quote:
 * @text: (nullable): text from a file
 *
 * Returns: (transfer full): @text safe to show anywhere: control characters as
 *   `\u001b`, bytes that are not UTF-8 as `\xff`, and cut after 80 characters
 */
char *
atlas_import_quote (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text != NULL ? text : "";
  guint n = 0;

  while (*p != '\0' && n < 80)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p++);
        }
      else
        {
          if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_unichar (out, c);
          p = g_utf8_next_char (p);
        }
      n++;
    }
  if (*p != '\0')
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/**
 * atlas_import_quote_all:
 * @texts: names from a file: tables, layers, columns
 * @n_texts: how many, or -1 when @texts ends with %NULL
 *
 * Returns: (transfer full): each of @texts as atlas_import_quote() makes it safe
 *   to show, in a %NULL-terminated array, as a list to choose from is built
 */
GStrv
atlas_import_quote_all (const char * const *texts,
                        gssize              n_texts)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv quoted;

  for (gsize i = 0; n_texts < 0 ? texts[i] != NULL : i < (gsize) n_texts; i++)
    {
      g_autofree char *text = atlas_import_quote (texts[i]);

      g_strv_builder_add (builder, text);
    }
  quoted = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return quoted;
}
