/* test-basemap.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The offline base map's reader: the bundled file holds what the map needs, and
 * damaged files (truncated, lying counts, bad strings, bad coordinates) are
 * refused with an error, never read out of bounds.
 */

#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "map/atlas-basemap.h"
#include "model/atlas-error.h"

static void
test_bundled (void)
{
  AtlasBasemap *basemap = atlas_basemap_get_default ();
  guint kinds[10] = { 0 };
  gboolean yangtze = FALSE, chongqing = FALSE;

  g_assert_nonnull (basemap);
  g_assert_true (basemap == atlas_basemap_get_default ());

  for (guint f = 0; f < atlas_basemap_get_n_features (basemap); f++)
    {
      const AtlasBasemapFeature *feature = atlas_basemap_get_feature (basemap, f);

      g_assert_cmpuint (feature->kind, <=, 9);
      kinds[feature->kind]++;
      for (guint p = 0; p < feature->n_parts; p++)
        {
          const AtlasBasemapPart *part = atlas_basemap_get_part (basemap, feature->first_part + p);
          const float *points = atlas_basemap_get_points (basemap, part);

          for (guint i = 0; i < part->n_points; i++)
            {
              g_assert_cmpfloat (points[2 * i], >=, part->min_x);
              g_assert_cmpfloat (points[2 * i], <=, part->max_x);
              g_assert_cmpfloat (points[2 * i + 1], >=, part->min_y);
              g_assert_cmpfloat (points[2 * i + 1], <=, part->max_y);
            }
        }

      if (feature->kind == ATLAS_BASEMAP_RIVER && g_strcmp0 (feature->name, "Yangtze River") == 0)
        {
          yangtze = TRUE;
          g_assert_cmpstr (feature->name_zh, ==, "长江");
          g_assert_cmpuint (feature->width_class, ==, 3);
        }
    }

  /* Rivers, borders of every level, lakes and the two provinces. */
  for (guint k = ATLAS_BASEMAP_NATIONAL_BORDER; k <= ATLAS_BASEMAP_PROVINCE_AREA; k++)
    g_assert_cmpuint (kinds[k], >, 0);
  g_assert_true (yangtze);

  for (guint l = 0; l < atlas_basemap_get_n_labels (basemap); l++)
    {
      const AtlasBasemapLabel *label = atlas_basemap_get_label (basemap, l);

      g_assert_true (isfinite (label->angle));
      g_assert_cmpfloat (fabs (label->angle), <=, G_PI / 2 + 1e-6);
      if (label->kind == ATLAS_BASEMAP_LABEL_CAPITAL && g_strcmp0 (label->name, "Chongqing") == 0)
        chongqing = TRUE;
    }
  g_assert_true (chongqing);
}

static void
test_zoom_versions (void)
{
  AtlasBasemapFeature feature = { .min_zoom = 7, .max_zoom = 8 };

  g_assert_false (atlas_basemap_feature_at_zoom (&feature, 6));
  g_assert_true (atlas_basemap_feature_at_zoom (&feature, 7));
  g_assert_true (atlas_basemap_feature_at_zoom (&feature, 8));
  g_assert_false (atlas_basemap_feature_at_zoom (&feature, 9));
  feature.max_zoom = 255;
  g_assert_true (atlas_basemap_feature_at_zoom (&feature, 20));
}

/* A small valid file, built by hand: one river of two points, one label. */
static GByteArray *
small_file (void)
{
  GByteArray *data = g_byte_array_new ();
  const guint8 header[] = { 'C', 'Y', 'B', 'A', 'S', 'E', '0', '1', 1, 0, 0, 0 };
  const guint8 feature[] = { 6, 5, 255, 3, 3, 0, 'Y', 'a', 'n', 0, 0, 1, 0, 0, 0, 2, 0, 0, 0 };
  const float points[] = { 0.79f, 0.41f, 0.80f, 0.42f };
  const guint8 labels[] = { 1, 0, 0, 0 };
  const float label_xy[] = { 0.795f, 0.415f };
  const guint8 label_rest[] = {
    5, 6, 3, 0, 'Y', 'a', 'n', 6, 0, 0xe9, 0x95, 0xbf, 0xe6, 0xb1, 0x9f
  };

  g_byte_array_append (data, header, sizeof header);
  g_byte_array_append (data, feature, sizeof feature);
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      guint32 le;

      memcpy (&le, &points[i], 4);
      le = GUINT32_TO_LE (le);
      g_byte_array_append (data, (const guint8 *) &le, 4);
    }
  g_byte_array_append (data, labels, sizeof labels);
  for (guint i = 0; i < G_N_ELEMENTS (label_xy); i++)
    {
      guint32 le;

      memcpy (&le, &label_xy[i], 4);
      le = GUINT32_TO_LE (le);
      g_byte_array_append (data, (const guint8 *) &le, 4);
    }
  g_byte_array_append (data, label_rest, sizeof label_rest);
  return data;
}

static AtlasBasemap *
parse (const guint8 *data,
       gsize         length,
       GError      **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);

  return atlas_basemap_new_from_bytes (bytes, error);
}

static void
expect_invalid (const guint8 *data,
                gsize         length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasBasemap) basemap = parse (data, length, &error);

  g_assert_null (basemap);
  g_assert_error (error, ATLAS_ERROR, ATLAS_ERROR_INVALID);
}

static void
test_small (void)
{
  g_autoptr(GByteArray) data = small_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasBasemap) basemap = parse (data->data, data->len, &error);
  const AtlasBasemapLabel *label;

  g_assert_no_error (error);
  g_assert_nonnull (basemap);
  g_assert_cmpuint (atlas_basemap_get_n_features (basemap), ==, 1);
  g_assert_cmpstr (atlas_basemap_get_feature (basemap, 0)->name, ==, "Yan");
  g_assert_cmpuint (atlas_basemap_get_part (basemap, 0)->n_points, ==, 2);
  g_assert_cmpuint (atlas_basemap_get_n_labels (basemap), ==, 1);
  label = atlas_basemap_get_label (basemap, 0);
  g_assert_cmpstr (label->name_zh, ==, "长江");
  /* The river runs down to the right at 45° in normalized units: its label
   * follows it. */
  g_assert_cmpfloat_with_epsilon (label->angle, G_PI / 4, 1e-3);
}

static void
test_truncated (void)
{
  g_autoptr(GByteArray) data = small_file ();

  /* Every prefix of a valid file is invalid, and so is a trailing byte. */
  for (guint n = 0; n < data->len; n++)
    expect_invalid (data->data, n);
  g_byte_array_append (data, (const guint8 *) "", 1);
  expect_invalid (data->data, data->len);
}

static void
test_damaged (void)
{
  g_autoptr(GByteArray) data = small_file ();
  g_autoptr(GByteArray) copy = NULL;
  const float nan_value = NAN, outside = 1.5f;

  /* Wrong magic. */
  copy = g_byte_array_sized_new (data->len);
  g_byte_array_append (copy, data->data, data->len);
  copy->data[7] = '2';
  expect_invalid (copy->data, copy->len);

  /* Counts far larger than the file: refused before allocating. */
  g_byte_array_set_size (copy, 0);
  g_byte_array_append (copy, data->data, data->len);
  memset (copy->data + 8, 0xff, 4);
  expect_invalid (copy->data, copy->len);

  g_byte_array_set_size (copy, 0);
  g_byte_array_append (copy, data->data, data->len);
  memset (copy->data + 12 + 11, 0xff, 4);     /* n_parts */
  expect_invalid (copy->data, copy->len);

  g_byte_array_set_size (copy, 0);
  g_byte_array_append (copy, data->data, data->len);
  memset (copy->data + 12 + 15, 0xff, 4);     /* n_points */
  expect_invalid (copy->data, copy->len);

  /* A string length running past the end. */
  g_byte_array_set_size (copy, 0);
  g_byte_array_append (copy, data->data, data->len);
  copy->data[12 + 4] = 0xff;
  expect_invalid (copy->data, copy->len);

  /* A string that is not UTF-8. */
  g_byte_array_set_size (copy, 0);
  g_byte_array_append (copy, data->data, data->len);
  copy->data[12 + 6] = 0xc3;
  expect_invalid (copy->data, copy->len);

  /* A coordinate that is not a number, or outside the world. */
  g_byte_array_set_size (copy, 0);
  g_byte_array_append (copy, data->data, data->len);
  memcpy (copy->data + 12 + 19, &nan_value, 4);
  expect_invalid (copy->data, copy->len);
  memcpy (copy->data + 12 + 19, &outside, 4);
  expect_invalid (copy->data, copy->len);

  /* An unknown feature kind or width class. */
  g_byte_array_set_size (copy, 0);
  g_byte_array_append (copy, data->data, data->len);
  copy->data[12] = 10;
  expect_invalid (copy->data, copy->len);
  copy->data[12] = 6;
  copy->data[15] = 4;
  expect_invalid (copy->data, copy->len);
}

static void
test_bundled_truncated (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (ATLAS_BASEMAP_RESOURCE, 0, NULL);
  gsize length;
  const guint8 *data;

  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &length);
  for (gsize n = 0; n < length; n += length / 97 + 1)
    expect_invalid (data, n);
  expect_invalid (data, length - 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/basemap/bundled", test_bundled);
  g_test_add_func ("/map/basemap/zoom-versions", test_zoom_versions);
  g_test_add_func ("/map/basemap/small", test_small);
  g_test_add_func ("/map/basemap/truncated", test_truncated);
  g_test_add_func ("/map/basemap/damaged", test_damaged);
  g_test_add_func ("/map/basemap/bundled-truncated", test_bundled_truncated);

  return g_test_run ();
}
