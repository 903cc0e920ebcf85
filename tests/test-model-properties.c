/* test-model-properties.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The model objects' GObject properties (filter, playhead, selection), made
 * from each class's table of properties: their types, ranges and defaults, and
 * values set and read back through GObject, on the bundled dataset.
 */

#include "config.h"

#include "model/atlas-filter.h"
#include "model/atlas-playhead.h"
#include "model/atlas-selection.h"
#include "map/map-test-helpers.h"

/* The model objects' properties, made from their tables: each one's type,
 * whether it can be set, its range and default, and a value set through
 * GObject read back. */
static void
check_property (gpointer    object,
                const char *name,
                GType       type,
                gboolean    writable,
                double      minimum,
                double      maximum,
                double      default_value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_nonnull (pspec);
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (pspec) == type);
  g_assert_cmpint (pspec->flags, ==, writable ? flags | G_PARAM_WRITABLE : flags);
  g_value_init (&value, type);
  g_param_value_set_default (pspec, &value);
  if (type == G_TYPE_INT)
    {
      g_assert_cmpint (G_PARAM_SPEC_INT (pspec)->minimum, ==, minimum);
      g_assert_cmpint (G_PARAM_SPEC_INT (pspec)->maximum, ==, maximum);
      g_assert_cmpint (g_value_get_int (&value), ==, default_value);
    }
  else if (type == G_TYPE_UINT)
    {
      g_assert_cmpuint (G_PARAM_SPEC_UINT (pspec)->minimum, ==, minimum);
      g_assert_cmpuint (G_PARAM_SPEC_UINT (pspec)->maximum, ==, maximum);
      g_assert_cmpuint (g_value_get_uint (&value), ==, default_value);
    }
  else if (type == G_TYPE_DOUBLE)
    {
      g_assert_cmpfloat (G_PARAM_SPEC_DOUBLE (pspec)->minimum, ==, minimum);
      g_assert_cmpfloat (G_PARAM_SPEC_DOUBLE (pspec)->maximum, ==, maximum);
      g_assert_cmpfloat (g_value_get_double (&value), ==, default_value);
    }
  else if (type == G_TYPE_BOOLEAN)
    g_assert_cmpint (g_value_get_boolean (&value), ==, default_value);
}

static void
test_properties (void)
{
  g_autoptr(AtlasDataset) dataset = map_test_load_bundled ();
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(AtlasPlayhead) playhead = atlas_playhead_new (filter);
  g_autoptr(AtlasSelection) selection = atlas_selection_new ();
  g_autoptr(AtlasDataset) read_dataset = NULL;
  g_autofree char *text = NULL;
  int day, mode, start;
  guint window_days, location;
  gboolean playing, loop, has_range;
  double speed;

  check_property (filter, "dataset", ATLAS_TYPE_DATASET, TRUE, 0, 0, 0);
  check_property (filter, "text", G_TYPE_STRING, TRUE, 0, 0, 0);
  check_property (filter, "has-date-range", G_TYPE_BOOLEAN, FALSE, 0, 0, FALSE);
  check_property (filter, "date-start", G_TYPE_INT, FALSE, G_MININT32, G_MAXINT32, 0);
  check_property (filter, "date-end", G_TYPE_INT, FALSE, G_MININT32, G_MAXINT32, 0);
  g_assert_cmpstr (g_value_get_string (g_param_spec_get_default_value (
                     g_object_class_find_property (G_OBJECT_GET_CLASS (filter), "text"))), ==, "");
  check_property (playhead, "day", G_TYPE_INT, TRUE, G_MININT32, G_MAXINT32, 0);
  check_property (playhead, "mode", G_TYPE_INT, TRUE, ATLAS_PLAYHEAD_CUMULATIVE, ATLAS_PLAYHEAD_WINDOW,
                  ATLAS_PLAYHEAD_CUMULATIVE);
  check_property (playhead, "window-days", G_TYPE_UINT, TRUE, 1, 36500, 365);
  check_property (playhead, "playing", G_TYPE_BOOLEAN, TRUE, 0, 0, FALSE);
  check_property (playhead, "speed", G_TYPE_DOUBLE, TRUE, 0.125, 64.0, 1.0);
  check_property (playhead, "loop", G_TYPE_BOOLEAN, TRUE, 0, 0, FALSE);
  check_property (selection, "dataset", ATLAS_TYPE_DATASET, TRUE, 0, 0, 0);
  check_property (selection, "location", G_TYPE_UINT, FALSE, 0, G_MAXUINT, G_MAXUINT);
  check_property (selection, "event", G_TYPE_UINT, FALSE, 0, G_MAXUINT, G_MAXUINT);
  check_property (selection, "district", G_TYPE_UINT, FALSE, 0, G_MAXUINT, G_MAXUINT);
  check_property (selection, "origin", G_TYPE_INT, FALSE, ATLAS_ORIGIN_OTHER, ATLAS_ORIGIN_SIDEBAR,
                  ATLAS_ORIGIN_OTHER);

  g_object_set (filter, "dataset", dataset, "text", "a", NULL);
  atlas_filter_set_date_range (filter, -5, 9);
  g_object_get (filter, "dataset", &read_dataset, "text", &text, "has-date-range", &has_range,
                "date-start", &start, NULL);
  g_assert_true (read_dataset == dataset);
  g_assert_cmpstr (text, ==, "a");
  g_assert_true (has_range);
  g_assert_cmpint (start, ==, -5);

  g_object_set (playhead, "day", -3, "mode", ATLAS_PLAYHEAD_WINDOW, "window-days", 30, "playing", TRUE,
                "speed", 4.0, "loop", TRUE, NULL);
  g_object_get (playhead, "day", &day, "mode", &mode, "window-days", &window_days, "playing", &playing,
                "speed", &speed, "loop", &loop, NULL);
  g_assert_cmpint (day, ==, -3);
  g_assert_cmpint (mode, ==, ATLAS_PLAYHEAD_WINDOW);
  g_assert_cmpuint (window_days, ==, 30);
  g_assert_true (playing);
  g_assert_cmpfloat (speed, ==, 4.0);
  g_assert_true (loop);

  g_object_set (selection, "dataset", dataset, NULL);
  atlas_selection_select_location (selection, 3);
  g_object_get (selection, "location", &location, NULL);
  g_assert_cmpuint (location, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/properties", test_properties);

  return g_test_run ();
}
