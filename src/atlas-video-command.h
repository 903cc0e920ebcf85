/* atlas-video-command.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean atlas_video_command_wanted (char **argv);
int      atlas_video_command_run    (char **argv);

G_END_DECLS
