/* test-video-dialog.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "atlas-video-dialog.h"
#include "window-test-helpers.h"

/*
 * The Export Video dialog of a window on the bundled dataset: it opens from the
 * window's action, writes a real WebM file with progress, and a cancelled export
 * leaves the file that was there untouched and no temporary file behind. Its
 * Animated GIF choice writes a GIF, smaller and slower by default.
 */

static AtlasVideoDialog *
open_dialog (AtlasWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-video", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ATLAS_IS_VIDEO_DIALOG (item))
        return ATLAS_VIDEO_DIALOG (item);
    }
  g_assert_not_reached ();
}

static void
set_small (AtlasVideoDialog *dialog)
{
  GtkWidget *spin = NULL;

  /* 640×360, one second at ten frames a second: quick to encode. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                           ATLAS_TYPE_VIDEO_DIALOG,
                                                                           "size_row")), 3);
  spin = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), ATLAS_TYPE_VIDEO_DIALOG, "duration_spin"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 1);
  spin = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), ATLAS_TYPE_VIDEO_DIALOG, "fps_spin"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 10);
}

static void
wait_until_done (AtlasVideoDialog *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (atlas_video_dialog_get_busy (dialog) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (atlas_video_dialog_get_busy (dialog));
}

static guint
count_hidden_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (handle)) != NULL)
    n += name[0] == '.';
  return n;
}

/* Cancelled after a few frames: the file there before is untouched, and no
 * temporary file is left in @dir. */
static void
export_and_cancel (AtlasVideoDialog *dialog,
                   const char       *dir,
                   const char       *name)
{
  g_autofree char *kept_path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) kept = g_file_new_for_path (kept_path);
  g_autofree char *contents = NULL;
  gint64 deadline;

  g_assert_true (g_file_set_contents (kept_path, "keep me", -1, NULL));
  atlas_video_dialog_export_to (dialog, kept);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!g_str_has_prefix (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (
           gtk_widget_get_template_child (GTK_WIDGET (dialog), ATLAS_TYPE_VIDEO_DIALOG, "progress_bar"))),
           "Frame 3") && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "video.cancel", NULL));
  wait_until_done (dialog);
  g_assert_nonnull (strstr (atlas_video_dialog_get_status (dialog), "cancelled"));
  g_assert_true (g_file_get_contents (kept_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  g_assert_cmpuint (count_hidden_files (dir), ==, 0);
  g_unlink (kept_path);
}

static void
test_export_and_cancel (void)
{
  AtlasWindow *window = atlas_test_open_window (NULL);
  AtlasVideoDialog *dialog = open_dialog (window);
  g_autofree char *dir = g_dir_make_tmp ("atlas-video-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "playback.webm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  gsize length;

  set_small (dialog);
  atlas_video_dialog_export_to (dialog, file);
  g_assert_true (atlas_video_dialog_get_busy (dialog));
  wait_until_done (dialog);
  g_assert_nonnull (strstr (atlas_video_dialog_get_status (dialog), "Saved the video"));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* A Matroska (WebM) file starts with the EBML magic number. */
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 4, "\x1a\x45\xdf\xa3", 4);
  export_and_cancel (dialog, dir, "kept.webm");

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  for (guint i = 0; i < 500 && dialog != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (dialog);
  atlas_test_close_window (window);

  g_unlink (path);
  g_rmdir (dir);
}

static GtkWidget *
child (AtlasVideoDialog *dialog,
       const char       *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), ATLAS_TYPE_VIDEO_DIALOG, name));
}

static void
test_gif (void)
{
  AtlasWindow *window = atlas_test_open_window (NULL);
  AtlasVideoDialog *dialog = open_dialog (window);
  AdwComboRow *format_row = ADW_COMBO_ROW (child (dialog, "format_row"));
  AdwComboRow *size_row = ADW_COMBO_ROW (child (dialog, "size_row"));
  GtkSpinButton *fps_spin = GTK_SPIN_BUTTON (child (dialog, "fps_spin"));
  GtkSpinButton *duration_spin = GTK_SPIN_BUTTON (child (dialog, "duration_spin"));
  GListModel *formats = adw_combo_row_get_model (format_row);
  g_autofree char *dir = g_dir_make_tmp ("atlas-video-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "playback.gif", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GdkPixbufAnimation) animation = NULL;
  g_autoptr(GError) error = NULL;
  guint gif = G_MAXUINT;

  /* Offered, and choosing it makes the defaults a GIF's: 640×360 at 10 fps. */
  for (guint i = 0; i < g_list_model_get_n_items (formats); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (formats), i), "Animated GIF") == 0)
      gif = i;
  g_assert_cmpuint (gif, <, g_list_model_get_n_items (formats));
  g_assert_cmpuint (adw_combo_row_get_selected (size_row), ==, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (fps_spin), ==, 25);
  adw_combo_row_set_selected (format_row, gif);
  g_assert_cmpuint (adw_combo_row_get_selected (size_row), ==, 3);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (fps_spin), ==, 10);
  /* Back to WebM and to its defaults; a rate the user chose stays. */
  adw_combo_row_set_selected (format_row, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (size_row), ==, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (fps_spin), ==, 25);
  gtk_spin_button_set_value (fps_spin, 12);
  adw_combo_row_set_selected (format_row, gif);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (fps_spin), ==, 12);

  gtk_spin_button_set_value (duration_spin, 1);
  atlas_video_dialog_export_to (dialog, file);
  wait_until_done (dialog);
  g_assert_nonnull (strstr (atlas_video_dialog_get_status (dialog), "Saved the video"));
  animation = gdk_pixbuf_animation_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_false (gdk_pixbuf_animation_is_static_image (animation));
  g_assert_cmpint (gdk_pixbuf_animation_get_width (animation), ==, 640);
  g_assert_cmpint (gdk_pixbuf_animation_get_height (animation), ==, 360);
  g_assert_cmpuint (count_hidden_files (dir), ==, 0);
  export_and_cancel (dialog, dir, "kept.gif");

  gtk_window_destroy (GTK_WINDOW (dialog));
  atlas_test_close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/video-dialog/export-and-cancel", test_export_and_cancel);
  g_test_add_func ("/video-dialog/gif", test_gif);

  return g_test_run ();
}
