/* atlas-convert.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "model/atlas-error.h"
#include "atlas-convert.h"
#include "atlas-import.h"
#include "atlas-write-dataset.h"

/**
 * atlas_report_print_problems:
 * @name: the file, as the user named it
 * @err: where each problem goes, as `FILE: PATH: message`
 */
void
atlas_report_print_problems (AtlasReport *report,
                             const char  *name,
                             FILE        *err)
{
  guint total = atlas_report_get_n_errors (report) + atlas_report_get_n_warnings (report);

  for (guint p = 0; p < atlas_report_get_n_kept (report); p++)
    {
      g_autofree char *line = atlas_report_format_problem (atlas_report_get_problem (report, p));

      fprintf (err, "%s: %s\n", name, line);
    }
  if (atlas_report_get_n_kept (report) < total)
    {
      guint more = total - atlas_report_get_n_kept (report);

      fprintf (err, "%s: ", name);
      fprintf (err, g_dngettext (GETTEXT_PACKAGE, "… and %u more problem not listed",
                                 "… and %u more problems not listed", more), more);
      fputc ('\n', err);
    }
}

/**
 * atlas_convert_file:
 * @input: any file the app opens, or a `PG:` connection string
 * @output: where the dataset goes, in the app's own JSON format
 * @layer: (nullable): read only this layer or table
 * @sql: (nullable): read what this query returns
 *
 * Returns: 0 when every row was converted; 1 when rows were left out, with the
 *   problems on @err (what could be read is written); 2 when @input could not be
 *   read or @output not written
 */
int
atlas_convert_file (const char *input,
                    const char *output,
                    const char *layer,
                    const char *sql,
                    FILE       *err)
{
  AtlasImportOptions options = { layer, sql, NULL, NULL };
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  dataset = atlas_import_load (input, &options, report, NULL, NULL, NULL, &error);
  atlas_report_print_problems (report, input, err);
  if (dataset == NULL)
    {
      fprintf (err, "%s: %s\n", input, error->message);
      return g_error_matches (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE) ? 2 : 1;
    }

  bytes = atlas_write_dataset (dataset);
  if (!g_file_set_contents (output, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error))
    {
      fprintf (err, "%s: %s\n", output, error->message);
      return 2;
    }
  fflush (err);
  return atlas_report_get_n_errors (report) > 0 ? 1 : 0;
}
