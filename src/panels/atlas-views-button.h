/* atlas-views-button.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_VIEWS_BUTTON (atlas_views_button_get_type ())

G_DECLARE_FINAL_TYPE (AtlasViewsButton, atlas_views_button, ATLAS, VIEWS_BUTTON, GtkWidget)

void      atlas_views_button_set_settings (AtlasViewsButton *self,
                                           GSettings        *settings);
gboolean  atlas_views_button_save         (AtlasViewsButton *self,
                                           const char       *name);
gboolean  atlas_views_button_restore      (AtlasViewsButton *self,
                                           const char       *name);
gboolean  atlas_views_button_delete       (AtlasViewsButton *self,
                                           const char       *name);
gboolean  atlas_views_button_rename       (AtlasViewsButton *self,
                                           const char       *name,
                                           const char       *new_name);
char    **atlas_views_button_list         (AtlasViewsButton *self);

G_END_DECLS
