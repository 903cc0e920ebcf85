/* window-test-helpers.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "atlas-window.h"
#include "test-wait.h"

G_BEGIN_DECLS

void         atlas_test_wait_for_load  (AtlasWindow *window);
AtlasWindow *atlas_test_open_window    (GFile       *file);
void         atlas_test_close_window   (AtlasWindow *window);
void         atlas_test_destroy_window (AtlasWindow *window);
void         atlas_test_wait_for_finalize (gpointer    pointer,
                                           const char *what);
void         atlas_test_wait_until_still  (ShumateMap  *map);
void         atlas_test_wait_frames       (GtkWidget   *widget,
                                           guint        n);
gboolean     atlas_test_init_in_chinese (int         *argc,
                                         char      ***argv);

G_END_DECLS
