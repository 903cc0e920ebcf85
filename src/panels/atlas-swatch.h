/* atlas-swatch.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_SWATCH (atlas_swatch_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSwatch, atlas_swatch, ATLAS, SWATCH, GtkWidget)

GtkWidget *atlas_swatch_new (guint32 rgb);

G_END_DECLS
