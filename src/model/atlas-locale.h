/* atlas-locale.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean    atlas_locale_is_chinese  (void);
void        atlas_locale_set_chinese (gboolean    chinese);
const char *atlas_localized          (const char *text,
                                      const char *text_zh);
const char *atlas_localized_other    (const char *text,
                                      const char *text_zh);

G_END_DECLS
