/* atlas-import-dates.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/atlas-date.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_IMPORT_DATE_OK,
  ATLAS_IMPORT_DATE_EMPTY,
  ATLAS_IMPORT_DATE_INVALID,
  ATLAS_IMPORT_DATE_AMBIGUOUS,
} AtlasImportDate;

AtlasImportDate atlas_import_parse_date  (const char     *text,
                                          gint32         *start,
                                          gint32         *end,
                                          AtlasPrecision *precision);
AtlasImportDate atlas_import_date_parts  (const char     *year,
                                          const char     *month,
                                          const char     *day,
                                          gint32         *start,
                                          gint32         *end,
                                          AtlasPrecision *precision);

G_END_DECLS
