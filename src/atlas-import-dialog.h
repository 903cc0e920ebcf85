/* atlas-import-dialog.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "io/atlas-import.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_IMPORT_DIALOG (atlas_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AtlasImportDialog, atlas_import_dialog, ATLAS, IMPORT_DIALOG, AdwWindow)

AtlasImportDialog *atlas_import_dialog_new (GtkWindow          *parent,
                                            const char         *path,
                                            const char * const *layers,
                                            AtlasImportPreview *preview,
                                            AtlasReport        *report);

G_END_DECLS
