/* test-chinese-glyphs.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "atlas-application.h"
#include "atlas-window-private.h"
#include "model/atlas-selection.h"
#include "window-test-helpers.h"

/*
 * In a zh_CN.UTF-8 locale, the Chinese the window draws has glyphs: every label on
 * screen, the zh_CN interface and the details panel's 泸州港 among them, is laid out
 * by Pango without a single unknown glyph (a hex box).  A font with Chinese
 * coverage (fonts-noto-cjk, which build-aux/quickstart installs) is what makes it so.
 *
 * With ATLAS_TEST_EXPECT_BOXES=1, as the suite runs it a second time with a
 * fontconfig configuration that holds no Chinese font, the test checks the opposite:
 * that the same measure does see the boxes, so it cannot pass on a machine where
 * Chinese would not render.
 */

#define PLACE_ZH "泸州港"

typedef struct
{
  guint n_chinese;        /* labels holding Chinese text */
  guint n_with_boxes;     /* of those, labels with unknown glyphs */
  guint place_boxes;      /* unknown glyphs in the label showing PLACE_ZH, or G_MAXUINT */
  GString *missing;
} GlyphCount;

static gboolean
has_chinese (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
        return TRUE;
    }
  return FALSE;
}

static void
count_layout (PangoLayout *layout,
              GlyphCount  *count)
{
  const char *text = pango_layout_get_text (layout);
  int unknown;

  if (text == NULL || !has_chinese (text))
    return;

  unknown = pango_layout_get_unknown_glyphs_count (layout);
  count->n_chinese++;
  if (unknown > 0)
    {
      count->n_with_boxes++;
      g_string_append_printf (count->missing, "  %d box(es) in “%s”\n", unknown, text);
    }
  if (strstr (text, PLACE_ZH) != NULL)
    count->place_boxes = (guint) unknown;
}

static void
count_widget (GtkWidget  *widget,
              GlyphCount *count)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    count_layout (gtk_label_get_layout (GTK_LABEL (widget)), count);
  /* The event list's cells: laid out with the cell's own fonts, as it draws. */
  if (GTK_IS_INSCRIPTION (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)) != NULL)
    {
      g_autoptr(PangoLayout) layout =
        gtk_widget_create_pango_layout (widget, gtk_inscription_get_text (GTK_INSCRIPTION (widget)));

      count_layout (layout, count);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_widget (child, count);
}

static void
count_glyphs (AtlasWindow *window,
              GlyphCount  *count)
{
  count->n_chinese = count->n_with_boxes = 0;
  count->place_boxes = G_MAXUINT;
  g_string_truncate (count->missing, 0);
  count_widget (GTK_WIDGET (window), count);
}

static void
test_chinese_has_glyphs (void)
{
  AtlasWindow *window = atlas_test_open_window (NULL);
  AtlasDataset *dataset = atlas_window_get_dataset (window);
  guint place = atlas_dataset_find_location (dataset, "luzhou-port");
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GlyphCount count = { 0, 0, G_MAXUINT, g_string_new (NULL) };

  g_assert_cmpuint (place, !=, ATLAS_NONE);
  g_assert_cmpstr (atlas_dataset_get_location (dataset, place)->name_zh, ==, PLACE_ZH);
  atlas_selection_select_location (atlas_window_get_selection (window), place);

  /* The details panel shows the place once the selection has reached it. */
  do
    {
      g_main_context_iteration (NULL, FALSE);
      count_glyphs (window, &count);
    }
  while (count.place_boxes == G_MAXUINT && g_get_monotonic_time () < deadline);

  g_test_message ("%u labels hold Chinese text, %u of them with unknown glyphs\n%s",
                  count.n_chinese, count.n_with_boxes, count.missing->str);
  g_assert_cmpuint (count.place_boxes, !=, G_MAXUINT);
  g_assert_cmpuint (count.n_chinese, >=, 10);

  if (g_strcmp0 (g_getenv ("ATLAS_TEST_EXPECT_BOXES"), "1") == 0)
    {
      /* No Chinese font: the measure must see the boxes. */
      g_assert_cmpuint (count.place_boxes, >, 0);
      g_assert_cmpuint (count.n_with_boxes, ==, count.n_chinese);
    }
  else
    {
      if (count.n_with_boxes > 0)
        g_printerr ("Chinese drawn as boxes (is a font with Chinese coverage, such as "
                    "fonts-noto-cjk, installed?):\n%s", count.missing->str);
      g_assert_cmpuint (count.place_boxes, ==, 0);
      g_assert_cmpuint (count.n_with_boxes, ==, 0);
    }

  g_string_free (count.missing, TRUE);
  atlas_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!atlas_test_init_in_chinese (&argc, &argv))
    return 1;

  g_test_add_func ("/chinese/rendered-strings-have-glyphs", test_chinese_has_glyphs);

  return g_test_run ();
}
