/* atlas-widgets.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *atlas_mnemonic_button_new     (const char  *text);
void       atlas_combo_row_describe      (AdwComboRow *row);
void       atlas_combo_row_keep_described (AdwComboRow *row);

G_END_DECLS
