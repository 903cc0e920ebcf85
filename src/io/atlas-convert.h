/* atlas-convert.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include "atlas-report.h"

G_BEGIN_DECLS

void atlas_report_print_problems (AtlasReport *report,
                                  const char  *name,
                                  FILE        *err);
int  atlas_convert_file          (const char  *input,
                                  const char  *output,
                                  const char  *layer,
                                  const char  *sql,
                                  FILE        *err);

G_END_DECLS
