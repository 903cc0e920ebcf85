/* atlas-application.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_APPLICATION (atlas_application_get_type ())

G_DECLARE_FINAL_TYPE (AtlasApplication, atlas_application, ATLAS, APPLICATION, AdwApplication)

AtlasApplication *atlas_application_new          (void);
GFile            *atlas_application_get_bundled_dataset (void);
void              atlas_application_mark_start   (void);
gint64            atlas_application_get_start_time (void);
int               atlas_validate_files           (char       **paths,
                                                  FILE        *out,
                                                  FILE        *err);

G_END_DECLS
