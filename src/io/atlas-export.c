/* atlas-export.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "atlas-export.h"
#include "atlas-json.h"
#include "atlas-write-dataset.h"
#include "model/atlas-error.h"

/*
 * Taking results out: the visible events as GeoJSON (one Feature per event, which
 * the app opens again) or as CSV, and what is on screen as a PNG. Files are
 * written to a temporary file that is renamed over the target, so a crash or a
 * full disk never leaves half a file, and an existing file is replaced only when
 * the user has agreed to it.
 */

static void
add_ids (JsonBuilder   *builder,
         const char    *member,
         AtlasDataset  *dataset,
         const guint32 *list,
         guint          n,
         gboolean       sectors)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    json_builder_add_string_value (builder, sectors ? atlas_dataset_get_sector (dataset, list[i])->id
                                                    : atlas_dataset_get_location (dataset, list[i])->id);
  json_builder_end_array (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_position (JsonBuilder         *builder,
              const AtlasLocation *loc)
{
  json_builder_begin_array (builder);
  json_builder_add_double_value (builder, loc->lon);
  json_builder_add_double_value (builder, loc->lat);
  json_builder_end_array (builder);
}

/* What both exports write of one event, looked up once. */
typedef struct
{
  const AtlasEvent *ev;
  const guint32 *locations;
  guint n_locations;
  const guint32 *sectors;
  guint n_sectors;
  const AtlasLocation *first;  /* the event's first place */
  char *date;                  /* ISO 8601, at the event's precision */
  char *end;                   /* the last day, at its precision; NULL without an end */
  const char *district;        /* the first place's district id, or NULL */
  const char *source;          /* the source's title, or NULL */
} ExportRow;

static void
export_row_init (ExportRow    *row,
                 AtlasDataset *dataset,
                 guint         event)
{
  const AtlasEvent *ev = atlas_dataset_get_event (dataset, event);

  row->ev = ev;
  row->locations = atlas_dataset_event_locations (dataset, event, &row->n_locations);
  row->sectors = atlas_dataset_event_sectors (dataset, event, &row->n_sectors);
  row->first = atlas_dataset_get_location (dataset, row->locations[0]);
  atlas_write_event_dates (dataset, event, &row->date, &row->end);
  row->district = row->first->district != ATLAS_NONE ? atlas_dataset_get_district (dataset, row->first->district)->id
                                                     : NULL;
  row->source = ev->source != ATLAS_NONE ? atlas_dataset_get_source (dataset, ev->source)->title : NULL;
}

static void
export_row_clear (ExportRow *row)
{
  g_clear_pointer (&row->date, g_free);
  g_clear_pointer (&row->end, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportRow, export_row_clear)

/* One event as a GeoJSON Feature. */
static void
add_feature (JsonBuilder     *builder,
             AtlasDataset    *dataset,
             const ExportRow *row)
{
  const AtlasEvent *ev = row->ev;

  json_builder_begin_object (builder);
  add_string (builder, "type", "Feature");
  add_string (builder, "id", ev->id);

  json_builder_set_member_name (builder, "geometry");
  json_builder_begin_object (builder);
  add_string (builder, "type", row->n_locations == 1 ? "Point" : "MultiPoint");
  json_builder_set_member_name (builder, "coordinates");
  if (row->n_locations == 1)
    add_position (builder, row->first);
  else
    {
      json_builder_begin_array (builder);
      for (guint i = 0; i < row->n_locations; i++)
        add_position (builder, atlas_dataset_get_location (dataset, row->locations[i]));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "properties");
  json_builder_begin_object (builder);
  add_string (builder, "title", ev->title);
  add_string (builder, "title_zh", ev->title_zh);
  add_string (builder, "date", row->date);
  add_string (builder, "end", row->end);
  add_string (builder, "place", row->first->name);
  add_string (builder, "place_zh", row->first->name_zh);
  add_string (builder, "kind", atlas_kind_to_string (row->first->kind));
  add_string (builder, "district", row->district);
  add_ids (builder, "sectors", dataset, row->sectors, row->n_sectors, TRUE);
  add_ids (builder, "locations", dataset, row->locations, row->n_locations, FALSE);
  add_string (builder, "description", ev->description);
  add_string (builder, "description_zh", ev->description_zh);
  add_string (builder, "source", row->source);
  json_builder_end_object (builder);

  json_builder_end_object (builder);
}

/**
 * atlas_export_geojson:
 * @dataset: a dataset
 * @events: the events to export, usually the visible ones
 *
 * Returns: (transfer full): a GeoJSON FeatureCollection with one Feature per
 *   event: a Point at its place (a MultiPoint for several places) and the
 *   event's fields as properties, in the form the GeoJSON import reads
 */
GBytes *
atlas_export_geojson (AtlasDataset *dataset,
                      GtkBitset    *events)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GtkBitsetIter iter;
  guint event;
  char *text;
  gsize length;

  json_builder_begin_object (builder);
  add_string (builder, "type", "FeatureCollection");
  add_string (builder, "name", atlas_dataset_get_title (dataset));
  json_builder_set_member_name (builder, "features");
  json_builder_begin_array (builder);

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, events, &event); ok;
       ok = gtk_bitset_iter_next (&iter, &event))
    {
      g_auto(ExportRow) row = { 0 };

      export_row_init (&row, dataset, event);
      add_feature (builder, dataset, &row);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

/* A cell a spreadsheet would read as a formula: OWASP's list of first
 * characters (CSV injection). */
static gboolean
is_formula (const char *value)
{
  return value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;
}

/* One cell: quoted when it holds a separator, a quote or a line break (RFC
 * 4180); text from the dataset that a spreadsheet would run as a formula gets
 * a leading ' so that it is shown as the text it is. Numbers the export writes
 * itself (coordinates) are written as they are. */
static void
append_csv_field (GString    *out,
                  const char *value,
                  gboolean    is_text,
                  gboolean    last)
{
  if (value != NULL)
    {
      gboolean neutralise = is_text && is_formula (value);
      gboolean quote = neutralise || strpbrk (value, ",\"\r\n\t") != NULL;

      if (quote)
        g_string_append_c (out, '"');
      if (neutralise)
        g_string_append_c (out, '\'');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      if (quote)
        g_string_append_c (out, '"');
    }
  g_string_append (out, last ? "\r\n" : ",");
}

/* One event as a row of the CSV export. */
static void
append_csv_row (GString         *out,
                AtlasDataset    *dataset,
                const ExportRow *row)
{
  const AtlasEvent *ev = row->ev;
  g_autoptr(GString) places = g_string_new (NULL);
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(GString) sector_ids = g_string_new (NULL);
  char lon[G_ASCII_DTOSTR_BUF_SIZE], lat[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < row->n_locations; i++)
    {
      const AtlasLocation *loc = atlas_dataset_get_location (dataset, row->locations[i]);

      g_string_append_printf (places, "%s%s", i ? "; " : "", loc->name);
      g_string_append_printf (ids, "%s%s", i ? ";" : "", loc->id);
    }
  for (guint i = 0; i < row->n_sectors; i++)
    g_string_append_printf (sector_ids, "%s%s", i ? ";" : "", atlas_dataset_get_sector (dataset, row->sectors[i])->id);
  atlas_json_format_number (row->first->lon, lon);
  atlas_json_format_number (row->first->lat, lat);

  append_csv_field (out, ev->id, TRUE, FALSE);
  append_csv_field (out, row->date, TRUE, FALSE);
  append_csv_field (out, row->end, TRUE, FALSE);
  append_csv_field (out, ev->title, TRUE, FALSE);
  append_csv_field (out, ev->title_zh, TRUE, FALSE);
  append_csv_field (out, places->str, TRUE, FALSE);
  append_csv_field (out, ids->str, TRUE, FALSE);
  append_csv_field (out, lon, FALSE, FALSE);
  append_csv_field (out, lat, FALSE, FALSE);
  append_csv_field (out, sector_ids->str, TRUE, FALSE);
  append_csv_field (out, row->district, TRUE, FALSE);
  append_csv_field (out, row->source, TRUE, FALSE);
  append_csv_field (out, ev->description, TRUE, TRUE);
}

/**
 * atlas_export_csv:
 * @dataset: a dataset
 * @events: the events to export
 *
 * Returns: (transfer full): the events as RFC 4180 CSV, one row each
 */
GBytes *
atlas_export_csv (AtlasDataset *dataset,
                  GtkBitset    *events)
{
  GString *out = g_string_new ("id,date,end,title,title_zh,places,location_ids,longitude,latitude,"
                               "sectors,district,source,description\r\n");
  GtkBitsetIter iter;
  guint event;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, events, &event); ok;
       ok = gtk_bitset_iter_next (&iter, &event))
    {
      g_auto(ExportRow) row = { 0 };

      export_row_init (&row, dataset, event);
      append_csv_row (out, dataset, &row);
    }

  return g_string_free_to_bytes (out);
}

/**
 * atlas_export_png:
 * @widgets: (array length=n_widgets): realized widgets of one window, e.g. the
 *   map and the timeline
 *
 * Renders the widgets as they are on screen, one below the other, with the
 * renderer of their window.
 *
 * Returns: (transfer full) (nullable): PNG data
 */
GBytes *
atlas_export_png (GtkWidget **widgets,
                  guint       n_widgets,
                  GError    **error)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkNative *native = NULL;
  GdkRGBA background = { 1, 1, 1, 1 };
  int width = 0, height = 0;

  /* Widgets draw on the window's background, which a widget's own rendering does
   * not include: paint it first, in the current style (light or dark). */
  if (n_widgets > 0)
    {
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      GtkStyleContext *context = gtk_widget_get_style_context (widgets[0]);

      if (!gtk_style_context_lookup_color (context, "window_bg_color", &background))
        background = (GdkRGBA) { 1, 1, 1, 1 };
      G_GNUC_END_IGNORE_DEPRECATIONS
    }
  for (guint i = 0; i < n_widgets; i++)
    {
      if (gtk_widget_get_mapped (widgets[i]))
        {
          width = MAX (width, gtk_widget_get_width (widgets[i]));
          height += gtk_widget_get_height (widgets[i]);
        }
    }
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  width = height = 0;

  for (guint i = 0; i < n_widgets; i++)
    {
      g_autoptr(GdkPaintable) paintable = NULL;
      int w = gtk_widget_get_width (widgets[i]);
      int h = gtk_widget_get_height (widgets[i]);

      if (!gtk_widget_get_mapped (widgets[i]) || w <= 0 || h <= 0)
        continue;
      native = gtk_widget_get_native (widgets[i]);
      paintable = gtk_widget_paintable_new (widgets[i]);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, height));
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
      gtk_snapshot_restore (snapshot);
      width = MAX (width, w);
      height += h;
    }

  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (native == NULL || node == NULL || width == 0)
    {
      g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_FAILED, _("There is nothing on screen to export"));
      return NULL;
    }

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (native), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  return gdk_texture_save_to_png_bytes (texture);
}

/**
 * atlas_export_write:
 * @file: where to write
 * @contents: what
 * @overwrite: whether an existing file may be replaced (the user agreed)
 *
 * Writes atomically: a temporary file next to @file, renamed over it.
 *
 * Returns: %TRUE on success
 */
gboolean
atlas_export_write (GFile     *file,
                    GBytes    *contents,
                    gboolean   overwrite,
                    GError   **error)
{
  g_autofree char *path = g_file_get_path (file);
  gsize length;
  const char *data = g_bytes_get_data (contents, &length);
  g_autoptr(GError) local_error = NULL;

  if (!overwrite && g_file_query_exists (file, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                           _("A file with this name exists already; choose another name"));
      return FALSE;
    }

  if (path != NULL)
    {
      if (!g_file_set_contents_full (path, data != NULL ? data : "", length,
                                     G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                     0644, &local_error))
        {
          g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_FAILED, local_error->message);
          return FALSE;
        }
      return TRUE;
    }

  /* Not a local file: GIO's replace also writes aside and renames when it can. */
  return g_file_replace_contents (file, data != NULL ? data : "", length, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}
