/* atlas-video-dialog.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "model/atlas-filter.h"
#include "model/atlas-playhead.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_VIDEO_DIALOG (atlas_video_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AtlasVideoDialog, atlas_video_dialog, ATLAS, VIDEO_DIALOG, AdwWindow)

AtlasVideoDialog *atlas_video_dialog_new        (GtkWindow        *parent,
                                                 AtlasFilter      *filter,
                                                 AtlasPlayhead    *playhead);
void              atlas_video_dialog_export_to  (AtlasVideoDialog *self,
                                                 GFile            *file);
gboolean          atlas_video_dialog_get_busy   (AtlasVideoDialog *self);
const char       *atlas_video_dialog_get_status (AtlasVideoDialog *self);

G_END_DECLS
