/* atlas-basemap.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Reader of the offline base map (format CYBASE01, data/basemap/README.md):
 * features (borders, rivers, lakes, areas) as parts of normalized Web Mercator
 * points, and labels. The file is bundled, but it is read as untrusted input all
 * the same: every count is checked against the bytes that are left before
 * anything is allocated, strings must be UTF-8, coordinates must be finite and
 * inside the world, and trailing bytes are an error.
 */

#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "atlas-basemap.h"
#include "model/atlas-error.h"

#define MAGIC "CYBASE01"
#define MAGIC_LENGTH 8

struct _AtlasBasemap
{
  gatomicrefcount ref_count;
  GArray *features;   /* AtlasBasemapFeature */
  GArray *parts;      /* AtlasBasemapPart */
  GArray *points;     /* float x, y pairs */
  GArray *labels;     /* AtlasBasemapLabel */
  GStringChunk *strings;
};

typedef struct
{
  const guint8 *data;
  gsize length;
  gsize offset;
  GError **error;
} Reader;

static gboolean
fail (Reader     *reader,
      const char *what)
{
  g_set_error (reader->error, ATLAS_ERROR, ATLAS_ERROR_INVALID,
               "Base map: %s at byte %" G_GSIZE_FORMAT, what, reader->offset);
  return FALSE;
}

static gsize
remaining (Reader *reader)
{
  return reader->length - reader->offset;
}

static gboolean
read_bytes (Reader  *reader,
            gpointer out,
            gsize    n)
{
  if (remaining (reader) < n)
    return fail (reader, "unexpected end of data");
  memcpy (out, reader->data + reader->offset, n);
  reader->offset += n;
  return TRUE;
}

static gboolean
read_u8 (Reader *reader,
         guint8 *out)
{
  return read_bytes (reader, out, 1);
}

static gboolean
read_u16 (Reader  *reader,
          guint16 *out)
{
  guint16 v;

  if (!read_bytes (reader, &v, sizeof v))
    return FALSE;
  *out = GUINT16_FROM_LE (v);
  return TRUE;
}

static gboolean
read_u32 (Reader  *reader,
          guint32 *out)
{
  guint32 v;

  if (!read_bytes (reader, &v, sizeof v))
    return FALSE;
  *out = GUINT32_FROM_LE (v);
  return TRUE;
}

static gboolean
read_coordinate (Reader *reader,
                 float  *out)
{
  union { guint32 u; float f; } v;

  if (!read_u32 (reader, &v.u))
    return FALSE;
  if (!isfinite (v.f) || v.f < 0.0f || v.f > 1.0f)
    return fail (reader, "coordinate outside the world");
  *out = v.f;
  return TRUE;
}

static gboolean
read_string (Reader       *reader,
             GStringChunk *strings,
             const char  **out)
{
  guint16 n;
  const char *text;

  if (!read_u16 (reader, &n))
    return FALSE;
  if (remaining (reader) < n)
    return fail (reader, "string longer than the data");

  text = (const char *) reader->data + reader->offset;
  if (!g_utf8_validate_len (text, n, NULL))
    return fail (reader, "string is not UTF-8");

  *out = g_string_chunk_insert_len (strings, text, n);
  reader->offset += n;
  return TRUE;
}

/* Smallest encodings, to bound counts by the bytes left before allocating. */
#define MIN_FEATURE_BYTES (4 + 2 + 2 + 4)
#define MIN_PART_BYTES 4
#define POINT_BYTES 8
#define MIN_LABEL_BYTES (4 + 4 + 1 + 1 + 2 + 2)

static gboolean
read_part (Reader              *reader,
           AtlasBasemap        *self,
           AtlasBasemapFeature *feature)
{
  AtlasBasemapPart part = { 0 };
  guint32 n_points;

  if (!read_u32 (reader, &n_points))
    return FALSE;
  if (n_points > remaining (reader) / POINT_BYTES)
    return fail (reader, "more points than the data holds");

  part.first_point = self->points->len / 2;
  part.n_points = n_points;
  part.min_x = part.min_y = G_MAXFLOAT;
  part.max_x = part.max_y = -G_MAXFLOAT;

  for (guint32 i = 0; i < n_points; i++)
    {
      float xy[2];

      if (!read_coordinate (reader, &xy[0]) || !read_coordinate (reader, &xy[1]))
        return FALSE;
      g_array_append_vals (self->points, xy, 2);
      part.min_x = MIN (part.min_x, xy[0]);
      part.min_y = MIN (part.min_y, xy[1]);
      part.max_x = MAX (part.max_x, xy[0]);
      part.max_y = MAX (part.max_y, xy[1]);
    }

  if (n_points > 0)
    {
      feature->min_x = MIN (feature->min_x, part.min_x);
      feature->min_y = MIN (feature->min_y, part.min_y);
      feature->max_x = MAX (feature->max_x, part.max_x);
      feature->max_y = MAX (feature->max_y, part.max_y);
    }
  g_array_append_val (self->parts, part);
  return TRUE;
}

static gboolean
read_feature (Reader       *reader,
              AtlasBasemap *self)
{
  AtlasBasemapFeature feature = { 0 };
  guint32 n_parts;

  if (!read_u8 (reader, &feature.kind) ||
      !read_u8 (reader, &feature.min_zoom) ||
      !read_u8 (reader, &feature.max_zoom) ||
      !read_u8 (reader, &feature.width_class))
    return FALSE;
  if (feature.kind < ATLAS_BASEMAP_COAST || feature.kind > ATLAS_BASEMAP_DISTRICT_AREA)
    return fail (reader, "unknown feature kind");
  if (feature.width_class > 3)
    return fail (reader, "unknown width class");
  if (!read_string (reader, self->strings, &feature.name) ||
      !read_string (reader, self->strings, &feature.name_zh) ||
      !read_u32 (reader, &n_parts))
    return FALSE;
  if (n_parts > remaining (reader) / MIN_PART_BYTES)
    return fail (reader, "more parts than the data holds");

  feature.first_part = self->parts->len;
  feature.n_parts = n_parts;
  feature.min_x = feature.min_y = G_MAXFLOAT;
  feature.max_x = feature.max_y = -G_MAXFLOAT;
  for (guint32 i = 0; i < n_parts; i++)
    {
      if (!read_part (reader, self, &feature))
        return FALSE;
    }

  g_array_append_val (self->features, feature);
  return TRUE;
}

static gboolean
read_label (Reader       *reader,
            AtlasBasemap *self)
{
  AtlasBasemapLabel label = { 0 };

  if (!read_coordinate (reader, &label.x) ||
      !read_coordinate (reader, &label.y) ||
      !read_u8 (reader, &label.kind) ||
      !read_u8 (reader, &label.min_zoom))
    return FALSE;
  if (label.kind < ATLAS_BASEMAP_LABEL_CAPITAL || label.kind > ATLAS_BASEMAP_LABEL_OTHER)
    return fail (reader, "unknown label kind");
  if (!read_string (reader, self->strings, &label.name) ||
      !read_string (reader, self->strings, &label.name_zh))
    return FALSE;

  g_array_append_val (self->labels, label);
  return TRUE;
}

/* Turns a river's name along the river: the direction of the finest version of
 * the named river near the label, averaged over a few segments so that a bend
 * right under the label does not tip it over. Kept between -90° and 90° so that
 * names never read upside down. */
static void
orient_river_label (AtlasBasemap      *self,
                    AtlasBasemapLabel *label)
{
  double best_d2 = G_MAXDOUBLE, dx = 0, dy = 0;

  for (guint f = 0; f < self->features->len; f++)
    {
      const AtlasBasemapFeature *feature = &g_array_index (self->features, AtlasBasemapFeature, f);

      if (feature->kind != ATLAS_BASEMAP_RIVER || feature->max_zoom != 255 ||
          *feature->name == '\0' || strcmp (feature->name, label->name) != 0)
        continue;

      for (guint p = 0; p < feature->n_parts; p++)
        {
          const AtlasBasemapPart *part = atlas_basemap_get_part (self, feature->first_part + p);
          const float *pts = atlas_basemap_get_points (self, part);

          for (guint i = 0; i < part->n_points; i++)
            {
              double ex = pts[2 * i] - label->x, ey = pts[2 * i + 1] - label->y;
              double d2 = ex * ex + ey * ey;
              guint a, b;

              if (d2 >= best_d2 || part->n_points < 2)
                continue;

              a = i >= 3 ? i - 3 : 0;
              b = MIN (i + 3, part->n_points - 1);
              best_d2 = d2;
              dx = pts[2 * b] - pts[2 * a];
              dy = pts[2 * b + 1] - pts[2 * a + 1];
            }
        }
    }

  if (dx == 0 && dy == 0)
    return;
  if (dx < 0)
    {
      dx = -dx;
      dy = -dy;
    }
  label->angle = atan2 (dy, dx);
}

/**
 * atlas_basemap_new_from_bytes:
 * @bytes: the contents of a CYBASE01 file
 * @error: return location for an #ATLAS_ERROR_INVALID error
 *
 * Returns: (transfer full) (nullable): the base map, or %NULL if @bytes is not a
 *   valid one
 */
AtlasBasemap *
atlas_basemap_new_from_bytes (GBytes  *bytes,
                              GError **error)
{
  g_autoptr(AtlasBasemap) self = NULL;
  Reader reader = { 0 };
  guint32 n_features, n_labels;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader.data = g_bytes_get_data (bytes, &reader.length);
  reader.error = error;

  self = g_new0 (AtlasBasemap, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->features = g_array_new (FALSE, FALSE, sizeof (AtlasBasemapFeature));
  self->parts = g_array_new (FALSE, FALSE, sizeof (AtlasBasemapPart));
  self->points = g_array_new (FALSE, FALSE, sizeof (float));
  self->labels = g_array_new (FALSE, FALSE, sizeof (AtlasBasemapLabel));
  self->strings = g_string_chunk_new (4096);

  if (reader.length < MAGIC_LENGTH || memcmp (reader.data, MAGIC, MAGIC_LENGTH) != 0)
    {
      fail (&reader, "not a CYBASE01 file");
      return NULL;
    }
  reader.offset = MAGIC_LENGTH;

  if (!read_u32 (&reader, &n_features))
    return NULL;
  if (n_features > remaining (&reader) / MIN_FEATURE_BYTES)
    {
      fail (&reader, "more features than the data holds");
      return NULL;
    }
  for (guint32 i = 0; i < n_features; i++)
    {
      if (!read_feature (&reader, self))
        return NULL;
    }

  if (!read_u32 (&reader, &n_labels))
    return NULL;
  if (n_labels > remaining (&reader) / MIN_LABEL_BYTES)
    {
      fail (&reader, "more labels than the data holds");
      return NULL;
    }
  for (guint32 i = 0; i < n_labels; i++)
    {
      if (!read_label (&reader, self))
        return NULL;
    }

  if (remaining (&reader) != 0)
    {
      fail (&reader, "trailing bytes");
      return NULL;
    }

  for (guint i = 0; i < self->labels->len; i++)
    {
      AtlasBasemapLabel *label = &g_array_index (self->labels, AtlasBasemapLabel, i);

      if (label->kind == ATLAS_BASEMAP_LABEL_RIVER)
        orient_river_label (self, label);
    }

  return g_steal_pointer (&self);
}

/**
 * atlas_basemap_get_default:
 *
 * Loads the base map bundled in the application's resources, once.
 *
 * Returns: (transfer none) (nullable): the bundled base map, or %NULL if it is
 *   missing or damaged (a broken build; a warning says why)
 */
AtlasBasemap *
atlas_basemap_get_default (void)
{
  static AtlasBasemap *basemap;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (ATLAS_BASEMAP_RESOURCE,
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

      if (bytes != NULL)
        basemap = atlas_basemap_new_from_bytes (bytes, &error);
      if (basemap == NULL)
        g_warning ("The offline base map could not be loaded: %s", error->message);

      g_once_init_leave (&initialized, 1);
    }

  return basemap;
}

AtlasBasemap *
atlas_basemap_ref (AtlasBasemap *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
atlas_basemap_unref (AtlasBasemap *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->features);
  g_array_unref (self->parts);
  g_array_unref (self->points);
  g_array_unref (self->labels);
  g_string_chunk_free (self->strings);
  g_free (self);
}

guint
atlas_basemap_get_n_features (AtlasBasemap *self)
{
  return self->features->len;
}

const AtlasBasemapFeature *
atlas_basemap_get_feature (AtlasBasemap *self,
                           guint         index)
{
  g_return_val_if_fail (index < self->features->len, NULL);

  return &g_array_index (self->features, AtlasBasemapFeature, index);
}

const AtlasBasemapPart *
atlas_basemap_get_part (AtlasBasemap *self,
                        guint         index)
{
  g_return_val_if_fail (index < self->parts->len, NULL);

  return &g_array_index (self->parts, AtlasBasemapPart, index);
}

/**
 * atlas_basemap_get_points:
 * @self: a base map
 * @part: one of its parts
 *
 * Returns: (array): the part's points as x, y pairs
 */
const float *
atlas_basemap_get_points (AtlasBasemap           *self,
                          const AtlasBasemapPart *part)
{
  return &g_array_index (self->points, float, 2 * (gsize) part->first_point);
}

guint
atlas_basemap_get_n_labels (AtlasBasemap *self)
{
  return self->labels->len;
}

const AtlasBasemapLabel *
atlas_basemap_get_label (AtlasBasemap *self,
                         guint         index)
{
  g_return_val_if_fail (index < self->labels->len, NULL);

  return &g_array_index (self->labels, AtlasBasemapLabel, index);
}

/**
 * atlas_basemap_feature_at_zoom:
 * @feature: a feature
 * @zoom: an integer zoom level
 *
 * Features come in versions simplified for ranges of zoom levels.
 *
 * Returns: whether @feature is the version to draw at @zoom
 */
gboolean
atlas_basemap_feature_at_zoom (const AtlasBasemapFeature *feature,
                               int                        zoom)
{
  return zoom >= feature->min_zoom && (feature->max_zoom == 255 || zoom <= feature->max_zoom);
}
