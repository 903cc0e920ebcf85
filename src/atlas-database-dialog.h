/* atlas-database-dialog.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_DATABASE_DIALOG (atlas_database_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AtlasDatabaseDialog, atlas_database_dialog, ATLAS, DATABASE_DIALOG, AdwWindow)

AtlasDatabaseDialog *atlas_database_dialog_new (GtkWindow *parent);

G_END_DECLS
