/* atlas-import-kml.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "atlas-gdal.h"
#include "atlas-import-private.h"

/*
 * KML's TimeStamp and TimeSpan as they are written. GDAL's KML drivers read them
 * into date-time fields, which turns "2021-04" into 1 April 2021 and drops a
 * bare year: the month or the year the author wrote would be lost. So the
 * document (inside a KMZ too, through GDAL's /vsizip/) is read once more here
 * for the placemarks' names and times, and each feature takes the times of the
 * next placemark of its name, in document order.
 */

typedef struct
{
  GHashTable *by_name;   /* name → GQueue of KmlTimes */
  KmlTimes *current;     /* inside a Placemark */
  const char *element;   /* the element whose text is wanted, or NULL */
  GString *text;
  guint depth_in_placemark;
} Scan;

static void
kml_times_free (KmlTimes *times)
{
  g_free (times->name);
  g_free (times->when);
  g_free (times->begin);
  g_free (times->end);
  g_free (times);
}

static void
queue_free (GQueue *queue)
{
  g_queue_free_full (queue, (GDestroyNotify) kml_times_free);
}

static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

static void
on_start (GMarkupParseContext  *context,
          const char           *element,
          const char          **names,
          const char          **values,
          gpointer              user_data,
          GError              **error)
{
  Scan *scan = user_data;
  const char *name = local_name (element);

  if (strcmp (name, "Placemark") == 0 && scan->current == NULL)
    {
      scan->current = g_new0 (KmlTimes, 1);
      scan->depth_in_placemark = 0;
    }
  if (scan->current == NULL)
    return;
  scan->depth_in_placemark++;
  if ((strcmp (name, "name") == 0 && scan->depth_in_placemark == 2) ||
      strcmp (name, "when") == 0 || strcmp (name, "begin") == 0 || strcmp (name, "end") == 0)
    {
      scan->element = name;
      g_string_truncate (scan->text, 0);
    }
}

static void
take_text (Scan       *scan,
           const char *name)
{
  char **slot = NULL;

  if (strcmp (name, "name") == 0)
    slot = &scan->current->name;
  else if (strcmp (name, "when") == 0)
    slot = &scan->current->when;
  else if (strcmp (name, "begin") == 0)
    slot = &scan->current->begin;
  else if (strcmp (name, "end") == 0)
    slot = &scan->current->end;
  if (slot != NULL && *slot == NULL)
    *slot = g_strstrip (g_strdup (scan->text->str));
}

static void
on_end (GMarkupParseContext  *context,
        const char           *element,
        gpointer              user_data,
        GError              **error)
{
  Scan *scan = user_data;
  const char *name = local_name (element);

  if (scan->current == NULL)
    return;
  if (scan->element != NULL && strcmp (name, scan->element) == 0)
    {
      take_text (scan, name);
      scan->element = NULL;
    }
  if (--scan->depth_in_placemark == 0)
    {
      KmlTimes *times = g_steal_pointer (&scan->current);
      GQueue *queue = g_hash_table_lookup (scan->by_name, times->name != NULL ? times->name : "");

      if (queue == NULL)
        {
          queue = g_queue_new ();
          g_hash_table_insert (scan->by_name, g_strdup (times->name != NULL ? times->name : ""), queue);
        }
      g_queue_push_tail (queue, times);
    }
}

static void
on_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  Scan *scan = user_data;

  if (scan->element != NULL)
    g_string_append_len (scan->text, text, length);
}

/* The document itself, or for a KMZ the first .kml file in it. */
static char *
document_path (const char *path)
{
  g_autofree char *zip = NULL;
  char **entries;
  char *found = NULL;

  if (!g_str_has_suffix (path, ".kmz") && !g_str_has_suffix (path, ".KMZ"))
    return g_strdup (path);
  zip = g_strconcat ("/vsizip/", path, NULL);
  entries = VSIReadDirRecursive (zip);
  for (guint i = 0; entries != NULL && entries[i] != NULL && found == NULL; i++)
    {
      if (g_str_has_suffix (entries[i], ".kml"))
        found = g_strconcat (zip, "/", entries[i], NULL);
    }
  CSLDestroy (entries);
  return found;
}

/**
 * kml_times_read:
 * @path: a KML or KMZ file
 *
 * Returns: (transfer full) (nullable): the placemarks' times by name
 */
GHashTable *
kml_times_read (const char *path)
{
  static const GMarkupParser parser = { on_start, on_end, on_text, NULL, NULL };
  g_autofree char *doc = document_path (path);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  Scan scan = { 0 };
  VSILFILE *fp;
  char buffer[65536];
  size_t n;

  if (doc == NULL || (fp = VSIFOpenL (doc, "rb")) == NULL)
    return NULL;

  scan.by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) queue_free);
  scan.text = text;
  context = g_markup_parse_context_new (&parser, 0, &scan, NULL);
  while ((n = VSIFReadL (buffer, 1, sizeof buffer, fp)) > 0)
    {
      if (!g_markup_parse_context_parse (context, buffer, (gssize) n, NULL))
        break;
    }
  VSIFCloseL (fp);
  if (scan.current != NULL)
    kml_times_free (scan.current);
  return scan.by_name;
}

/**
 * kml_times_take:
 * @name: (nullable): a feature's name
 *
 * Returns: (nullable): the times of the next placemark so named; owned by @times
 */
const KmlTimes *
kml_times_take (GHashTable *times,
                const char *name)
{
  GQueue *queue = times != NULL ? g_hash_table_lookup (times, name != NULL ? name : "") : NULL;
  KmlTimes *first;

  if (queue == NULL || g_queue_is_empty (queue))
    return NULL;
  /* Kept until the table goes: the caller borrows the strings. */
  first = g_queue_pop_head (queue);
  g_queue_push_tail (queue, first);
  return first;
}
