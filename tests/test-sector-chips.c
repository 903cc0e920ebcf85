/* test-sector-chips.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "io/atlas-loader.h"
#include "io/atlas-report.h"
#include "panels/atlas-sector-chips.h"
#include "window-test-helpers.h"

/*
 * Sector chips lay out each name once per font and share it: chips showing the
 * same sectors measure what the names need, in their own font, and say the
 * names to a screen reader.
 */

#define PAD_X 6  /* CHIP_PAD_X */
#define GAP 4    /* CHIP_GAP */

static AtlasDataset *
load_sectors (void)
{
  static const char json[] =
    "{\"atlas\":1,\"title\":\"Chips\","
    "\"sources\":[{\"id\":\"s\",\"title\":\"S\",\"publisher\":\"P\",\"date\":\"2020\"}],"
    "\"sectors\":[{\"id\":\"a\",\"name\":\"Logistics and ports\",\"color\":\"#1c71d8\"},"
    "{\"id\":\"b\",\"name\":\"Biomedicine\",\"color\":\"#f6d32d\"}],"
    "\"districts\":[{\"id\":\"d\",\"name\":\"District\"}],"
    "\"locations\":[{\"id\":\"l\",\"name\":\"Place\",\"kind\":\"port\",\"district\":\"d\",\"sectors\":[\"a\"],\"point\":[106.5,29.5]}],"
    "\"events\":[{\"id\":\"e\",\"date\":\"2021\",\"title\":\"Event\",\"location\":[\"l\"],"
    "\"sectors\":[\"a\",\"b\"],\"source\":\"s\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_loader_load_bytes (bytes, report, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

/* What @names need side by side in @widget's font, laid out afresh. */
static int
expected_width (GtkWidget          *widget,
                const char * const *names)
{
  int width = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, names[i]);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      width += w + 2 * PAD_X + (i > 0 ? GAP : 0);
    }
  return width;
}

static int
natural_width (GtkWidget *widget)
{
  int natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static void
test_chips (void)
{
  static const guint32 both[] = { 0, 1 }, reversed[] = { 1, 0 };
  static const char * const names[] = { "Logistics and ports", "Biomedicine", NULL };
  g_autoptr(AtlasDataset) dataset = load_sectors ();
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *small = atlas_sector_chips_new ();
  GtkWidget *same = atlas_sector_chips_new ();
  GtkWidget *big = atlas_sector_chips_new ();
  g_autofree char *problem = NULL;
  int width;

  gtk_css_provider_load_from_data (css, "sectorchips.big { font-size: 30px; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_widget_add_css_class (big, "big");
  gtk_box_append (GTK_BOX (box), small);
  gtk_box_append (GTK_BOX (box), same);
  gtk_box_append (GTK_BOX (box), big);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  atlas_test_wait_frames (window, 1);

  atlas_sector_chips_set (ATLAS_SECTOR_CHIPS (small), dataset, both, 2);
  atlas_sector_chips_set (ATLAS_SECTOR_CHIPS (same), dataset, reversed, 2);
  atlas_sector_chips_set (ATLAS_SECTOR_CHIPS (big), dataset, both, 2);

  width = natural_width (small);
  g_assert_cmpint (width, ==, expected_width (small, names));
  g_assert_cmpint (natural_width (same), ==, width);
  /* Another font, another layout. */
  g_assert_cmpint (natural_width (big), ==, expected_width (big, names));
  g_assert_cmpint (natural_width (big), >, width + 20);

  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (same), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "Biomedicine, Logistics and ports");
  g_assert_cmpstr (problem, ==, NULL);

  /* No sectors: nothing to measure. */
  atlas_sector_chips_set (ATLAS_SECTOR_CHIPS (same), dataset, NULL, 0);
  g_assert_cmpint (natural_width (same), ==, 0);
  atlas_test_wait_frames (window, 1);

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/sector-chips/widths", test_chips);

  return g_test_run ();
}
