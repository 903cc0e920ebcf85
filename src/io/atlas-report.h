/* atlas-report.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ATLAS_SEVERITY_WARNING,
  ATLAS_SEVERITY_ERROR,
} AtlasSeverity;

typedef struct
{
  AtlasSeverity severity;
  char *path;
  char *message;
} AtlasProblem;

/* At most this many problems are kept with their text; the rest are only counted. */
#define ATLAS_REPORT_MAX_KEPT 10000

#define ATLAS_TYPE_REPORT (atlas_report_get_type ())

G_DECLARE_FINAL_TYPE (AtlasReport, atlas_report, ATLAS, REPORT, GObject)

AtlasReport        *atlas_report_new             (void);
void                atlas_report_add             (AtlasReport   *self,
                                                  AtlasSeverity  severity,
                                                  const char    *path,
                                                  const char    *format,
                                                  ...) G_GNUC_PRINTF (4, 5);
void                atlas_report_add_literal     (AtlasReport   *self,
                                                  AtlasSeverity  severity,
                                                  const char    *path,
                                                  const char    *message);
guint               atlas_report_get_n_errors    (AtlasReport   *self);
guint               atlas_report_get_n_warnings  (AtlasReport   *self);
guint               atlas_report_get_n_kept      (AtlasReport   *self);
const AtlasProblem *atlas_report_get_problem     (AtlasReport   *self,
                                                  guint          index);
char               *atlas_report_format_problem  (const AtlasProblem *problem);
char               *atlas_report_format_summary  (AtlasReport   *self,
                                                  guint          max_lines);
void                atlas_report_merge           (AtlasReport   *self,
                                                  AtlasReport   *other);
void                atlas_report_set_counts      (AtlasReport   *self,
                                                  guint          n_locations,
                                                  guint          n_events);
guint               atlas_report_get_n_locations (AtlasReport   *self);
guint               atlas_report_get_n_events    (AtlasReport   *self);
char               *atlas_report_escape          (const char    *text);

G_END_DECLS
