/* atlas-report.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-report.h"

struct _AtlasReport
{
  GObject parent_instance;

  GArray *problems;
  guint n_errors;
  guint n_warnings;
  guint n_locations;
  guint n_events;
};

G_DEFINE_FINAL_TYPE (AtlasReport, atlas_report, G_TYPE_OBJECT)

static void
clear_problem (gpointer data)
{
  AtlasProblem *problem = data;

  g_clear_pointer (&problem->path, g_free);
  g_clear_pointer (&problem->message, g_free);
}

static void
atlas_report_finalize (GObject *object)
{
  AtlasReport *self = (AtlasReport *) object;

  g_clear_pointer (&self->problems, g_array_unref);

  G_OBJECT_CLASS (atlas_report_parent_class)->finalize (object);
}

static void
atlas_report_class_init (AtlasReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_report_finalize;
}

static void
atlas_report_init (AtlasReport *self)
{
  self->problems = g_array_new (FALSE, TRUE, sizeof (AtlasProblem));
  g_array_set_clear_func (self->problems, clear_problem);
}

AtlasReport *
atlas_report_new (void)
{
  return g_object_new (ATLAS_TYPE_REPORT, NULL);
}

static gboolean
needs_escape (gunichar c)
{
  /* C0 and C1 controls and DEL drive terminals (ESC starts a sequence that can
   * retitle or clear one; U+009B is a one-character CSI); the bidirectional
   * overrides and isolates reorder what is shown around them. */
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

/**
 * atlas_report_escape:
 * @text: text that may come from a file
 *
 * Makes text safe to print on a terminal or to show: control characters and
 * bidirectional overrides become `\u001b` and the like, bytes that are not
 * UTF-8 become `\xFF`. Everything else, Chinese included, is kept. Text that
 * has been escaped is unchanged by escaping it again.
 *
 * Returns: (transfer full): the escaped text
 */
char *
atlas_report_escape (const char *text)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  for (p = text; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || (guchar) *p >= 0x7F)
        break;
    }
  if (*p == '\0')
    return g_strdup (text);

  out = g_string_sized_new (strlen (text) + 16);
  g_string_append_len (out, text, p - text);
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }
      if (needs_escape (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

/* Every problem goes through here, so no message that quotes a file reaches a
 * terminal, a label or a log unescaped. */
static void
add_take (AtlasReport   *self,
          AtlasSeverity  severity,
          const char    *path,
          char          *message)
{
  AtlasProblem problem;

  if (severity == ATLAS_SEVERITY_ERROR)
    self->n_errors++;
  else
    self->n_warnings++;

  if (self->problems->len >= ATLAS_REPORT_MAX_KEPT)
    {
      g_free (message);
      return;
    }

  problem.severity = severity;
  problem.path = path != NULL ? atlas_report_escape (path) : NULL;
  problem.message = atlas_report_escape (message);
  g_free (message);
  g_array_append_val (self->problems, problem);
}

/**
 * atlas_report_add:
 * @self: a report
 * @severity: error or warning
 * @path: (nullable): where in the file, e.g. `events[12].date` or `line 3, column 5`
 * @format: the message, printf-style
 *
 * Adds one problem.
 */
void
atlas_report_add (AtlasReport   *self,
                  AtlasSeverity  severity,
                  const char    *path,
                  const char    *format,
                  ...)
{
  va_list args;

  g_return_if_fail (ATLAS_IS_REPORT (self));

  va_start (args, format);
  add_take (self, severity, path, g_strdup_vprintf (format, args));
  va_end (args);
}

void
atlas_report_add_literal (AtlasReport   *self,
                          AtlasSeverity  severity,
                          const char    *path,
                          const char    *message)
{
  g_return_if_fail (ATLAS_IS_REPORT (self));

  add_take (self, severity, path, g_strdup (message));
}

guint
atlas_report_get_n_errors (AtlasReport *self)
{
  g_return_val_if_fail (ATLAS_IS_REPORT (self), 0);

  return self->n_errors;
}

guint
atlas_report_get_n_warnings (AtlasReport *self)
{
  g_return_val_if_fail (ATLAS_IS_REPORT (self), 0);

  return self->n_warnings;
}

/**
 * atlas_report_get_n_kept:
 * @self: a report
 *
 * Returns: how many problems are kept with their text (at most
 *   %ATLAS_REPORT_MAX_KEPT; errors and warnings in the order found)
 */
guint
atlas_report_get_n_kept (AtlasReport *self)
{
  g_return_val_if_fail (ATLAS_IS_REPORT (self), 0);

  return self->problems->len;
}

const AtlasProblem *
atlas_report_get_problem (AtlasReport *self,
                          guint        index)
{
  g_return_val_if_fail (ATLAS_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->problems->len, NULL);

  return &g_array_index (self->problems, AtlasProblem, index);
}

/**
 * atlas_report_format_problem:
 * @problem: a problem
 *
 * Returns: (transfer full): `PATH: message`, with "warning: " before the message of
 *   a warning
 */
char *
atlas_report_format_problem (const AtlasProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->severity == ATLAS_SEVERITY_WARNING)
    {
      if (problem->path != NULL && *problem->path != '\0')
        /* Translators: %1$s is a place in a file, %2$s the warning */
        return g_strdup_printf (_("%1$s: warning: %2$s"), problem->path, problem->message);
      /* Translators: %s is the warning */
      return g_strdup_printf (_("warning: %s"), problem->message);
    }

  if (problem->path != NULL && *problem->path != '\0')
    return g_strdup_printf ("%s: %s", problem->path, problem->message);
  return g_strdup (problem->message);
}

/**
 * atlas_report_format_summary:
 * @self: a report
 * @max_lines: how many problems to list at most
 *
 * Returns: (transfer full): the first @max_lines problems, one per line, errors
 *   first, and a last line saying how many more there are
 */
char *
atlas_report_format_summary (AtlasReport *self,
                             guint        max_lines)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = 0;
  guint total;

  g_return_val_if_fail (ATLAS_IS_REPORT (self), NULL);

  for (guint pass = 0; pass < 2; pass++)
    {
      AtlasSeverity wanted = pass == 0 ? ATLAS_SEVERITY_ERROR : ATLAS_SEVERITY_WARNING;

      for (guint i = 0; i < self->problems->len && shown < max_lines; i++)
        {
          const AtlasProblem *problem = &g_array_index (self->problems, AtlasProblem, i);
          g_autofree char *line = NULL;

          if (problem->severity != wanted)
            continue;

          line = atlas_report_format_problem (problem);
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, line);
          shown++;
        }
    }

  total = self->n_errors + self->n_warnings;
  if (total > shown)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "… and %u more problem",
                                           "… and %u more problems", total - shown),
                              total - shown);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * atlas_report_set_counts:
 * @self: a report
 * @n_locations: the places read without errors
 * @n_events: the events read without errors
 */
void
atlas_report_set_counts (AtlasReport *self,
                         guint        n_locations,
                         guint        n_events)
{
  g_return_if_fail (ATLAS_IS_REPORT (self));

  self->n_locations = n_locations;
  self->n_events = n_events;
}

guint
atlas_report_get_n_locations (AtlasReport *self)
{
  g_return_val_if_fail (ATLAS_IS_REPORT (self), 0);

  return self->n_locations;
}

guint
atlas_report_get_n_events (AtlasReport *self)
{
  g_return_val_if_fail (ATLAS_IS_REPORT (self), 0);

  return self->n_events;
}

/**
 * atlas_report_merge:
 * @self: a report
 * @other: another report
 *
 * Adds the problems of @other to @self, kept and counted alike.
 */
void
atlas_report_merge (AtlasReport *self,
                    AtlasReport *other)
{
  g_return_if_fail (ATLAS_IS_REPORT (self));
  g_return_if_fail (ATLAS_IS_REPORT (other));

  for (guint i = 0; i < other->problems->len; i++)
    {
      const AtlasProblem *problem = &g_array_index (other->problems, AtlasProblem, i);

      atlas_report_add_literal (self, problem->severity, problem->path, problem->message);
    }
  /* Problems beyond what was kept are only counted. */
  self->n_errors += other->n_errors;
  self->n_warnings += other->n_warnings;
  for (guint i = 0; i < other->problems->len; i++)
    {
      if (g_array_index (other->problems, AtlasProblem, i).severity == ATLAS_SEVERITY_ERROR)
        self->n_errors--;
      else
        self->n_warnings--;
    }
}
