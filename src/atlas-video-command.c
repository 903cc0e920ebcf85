/* atlas-video-command.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "atlas-application.h"
#include "atlas-video-command.h"
#include "io/atlas-loader.h"
#include "io/atlas-video-export.h"
#include "model/atlas-date.h"
#include "model/atlas-error.h"

/*
 * chengyu-atlas --export-video OUT [DATASET]: the playback of a dataset (the
 * bundled one by default) as a video, with no window. Drawing needs a display
 * connection, which may be a virtual one (xvfb-run); nothing is shown on it.
 */

typedef struct
{
  char *output;
  char *from;
  char *to;
  char *size;
  double duration;
  double speed;
  int fps;
  gboolean choropleth;
  char **files;
} CommandArgs;

static void
command_args_clear (CommandArgs *args)
{
  g_free (args->output);
  g_free (args->from);
  g_free (args->to);
  g_free (args->size);
  g_strfreev (args->files);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CommandArgs, command_args_clear)

/**
 * atlas_video_command_wanted:
 * @argv: the command line
 *
 * Returns: whether it asks for --export-video
 */
gboolean
atlas_video_command_wanted (char **argv)
{
  for (guint i = 1; argv[i] != NULL; i++)
    {
      if (g_strcmp0 (argv[i], "--") == 0)
        break;
      if (g_strcmp0 (argv[i], "--export-video") == 0 || g_str_has_prefix (argv[i], "--export-video="))
        return TRUE;
    }
  return FALSE;
}

static gboolean
parse_args (char        **argv,
            CommandArgs  *args,
            GError      **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) copy = g_strdupv (argv);
  const GOptionEntry entries[] = {
    { "export-video", 0, 0, G_OPTION_ARG_FILENAME, &args->output,
      N_("Write the playback as a video (.webm, .mp4 or .gif), without opening a window"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &args->from, N_("First date of the video (default: every date)"),
      N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &args->to, N_("Last date of the video"), N_("DATE") },
    { "duration", 0, 0, G_OPTION_ARG_DOUBLE, &args->duration, N_("Length of the video in seconds (default: 10)"),
      N_("SECONDS") },
    { "speed", 0, 0, G_OPTION_ARG_DOUBLE, &args->speed, N_("Days of the timeline per second of video, instead of "
                                                          "--duration"), N_("DAYS") },
    { "fps", 0, 0, G_OPTION_ARG_INT, &args->fps, N_("Frames per second (default: 25; 10 for a GIF)"), N_("N") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &args->size, N_("Frame size (default: 1280x720; 640x360 for a GIF)"), N_("WIDTHxHEIGHT") },
    { "choropleth", 0, 0, G_OPTION_ARG_NONE, &args->choropleth, N_("Colour the districts by their events"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args->files, NULL, N_("[DATASET]") },
    { NULL }
  };

  context = g_option_context_new (_("[DATASET]"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return g_option_context_parse_strv (context, &copy, error);
}

static gboolean
parse_date (const char  *text,
            gboolean     is_end,
            gint32      *day,
            GError     **error)
{
  g_autofree char *reason = NULL;
  AtlasPrecision precision;
  gint32 start, end;

  if (!atlas_date_parse (text, &start, &end, &precision, &reason))
    {
      g_autofree char *shown = g_strescape (text, NULL);

      g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_FAILED,
                   /* Translators: %1$s is the date as given, %2$s why it is wrong */
                   _("The date “%1$s” cannot be used: %2$s"), shown, reason);
      return FALSE;
    }
  *day = is_end ? end : start;
  return TRUE;
}

static gboolean
options_from_args (CommandArgs        *args,
                   AtlasFilter        *filter,
                   AtlasVideoOptions  *options,
                   GError            **error)
{
  atlas_video_options_init (options, filter);
  atlas_video_options_set_format_defaults (options, args->output);
  if (args->from != NULL && !parse_date (args->from, FALSE, &options->start, error))
    return FALSE;
  if (args->to != NULL && !parse_date (args->to, TRUE, &options->end, error))
    return FALSE;
  if (args->size != NULL)
    {
      char *end = NULL;

      options->width = (int) g_ascii_strtoll (args->size, &end, 10);
      if (end == NULL || (*end != 'x' && *end != 'X'))
        options->width = -1;
      else
        options->height = (int) g_ascii_strtoll (end + 1, &end, 10);
      if (options->width <= 0 || *end != '\0')
        {
          g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_FAILED,
                               _("Give the size as WIDTHxHEIGHT, for example 1280x720"));
          return FALSE;
        }
    }
  options->choropleth = args->choropleth;
  if (args->fps != 0)
    options->fps = args->fps;
  if (args->duration != 0)
    options->duration = args->duration;
  if (args->speed != 0)
    options->duration = args->speed > 0 ? (options->end - options->start) / args->speed : -1;
  return atlas_video_options_check (options, error);
}

static AtlasDataset *
load_dataset (CommandArgs  *args,
              const char  **name,
              GError      **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(AtlasReport) report = atlas_report_new ();

  if (args->files != NULL && args->files[0] != NULL && args->files[1] != NULL)
    {
      g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_FAILED, _("--export-video takes one dataset"));
      return NULL;
    }
  if (args->files != NULL && args->files[0] != NULL)
    {
      *name = args->files[0];
      file = g_file_new_for_commandline_arg (args->files[0]);
    }
  else
    file = atlas_application_get_bundled_dataset ();
  return atlas_loader_load_file (file, report, NULL, NULL, NULL, error);
}

static void
on_progress_cb (AtlasVideoExport *export,
                GParamSpec       *pspec,
                gpointer          user_data)
{
  guint *last = user_data;
  guint percent = (guint) (atlas_video_export_get_progress (export) * 100);

  if (percent / 10 != *last / 10)
    {
      /* Translators: progress of --export-video on the terminal */
      g_printerr (_("Drawing frames: %u%%"), percent);
      g_printerr ("\n");
      *last = percent;
    }
}

static int
fail (const char *name,
      GError     *error)
{
  fprintf (stderr, "%s: %s\n", name, error->message);
  return 1;
}

/**
 * atlas_video_command_run:
 * @argv: the command line, with --export-video
 *
 * Returns: the exit status: 0 when the video is written, 1 when it is not, 2
 *   for a command line that cannot be understood
 */
int
atlas_video_command_run (char **argv)
{
  g_auto(CommandArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasFilter) filter = NULL;
  g_autoptr(AtlasVideoExport) export = NULL;
  g_autoptr(GFile) output = NULL;
  const char *name = _("bundled dataset");
  AtlasVideoOptions options;
  guint last = 0;

  if (!parse_args (argv, &args, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (!gtk_init_check ())
    {
      g_printerr ("%s\n", _("--export-video draws with GTK and needs a display; on a machine without one, "
                            "run it under xvfb-run"));
      return 1;
    }
  adw_init ();

  dataset = load_dataset (&args, &name, &error);
  if (dataset == NULL)
    return fail (name, error);
  filter = atlas_filter_new ();
  atlas_filter_set_dataset (filter, dataset);
  if (!options_from_args (&args, filter, &options, &error))
    return fail (args.output, error);

  output = g_file_new_for_commandline_arg (args.output);
  export = atlas_video_export_new (filter, NULL, output, &options, &error);
  if (export == NULL)
    return fail (args.output, error);
  g_signal_connect (export, "notify::progress", G_CALLBACK (on_progress_cb), &last);
  if (!atlas_video_export_run (export, &error))
    return fail (args.output, error);
  return 0;
}
