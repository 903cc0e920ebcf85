/* atlas-window.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "atlas-application.h"
#include "model/atlas-dataset.h"
#include "model/atlas-filter.h"
#include "model/atlas-playhead.h"
#include "io/atlas-report.h"
#include "model/atlas-selection.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_WINDOW (atlas_window_get_type ())

G_DECLARE_FINAL_TYPE (AtlasWindow, atlas_window, ATLAS, WINDOW, AdwApplicationWindow)

AtlasWindow    *atlas_window_new            (AtlasApplication *application);
void            atlas_window_open           (AtlasWindow      *self,
                                             GFile            *file);
void            atlas_window_open_initial   (AtlasWindow      *self);
void            atlas_window_reload         (AtlasWindow      *self);
AtlasDataset   *atlas_window_get_dataset    (AtlasWindow      *self);
GFile          *atlas_window_get_file       (AtlasWindow      *self);
AtlasFilter    *atlas_window_get_filter     (AtlasWindow      *self);
AtlasSelection *atlas_window_get_selection  (AtlasWindow      *self);
AtlasPlayhead  *atlas_window_get_playhead   (AtlasWindow      *self);
AtlasReport    *atlas_window_get_last_report (AtlasWindow     *self);
gboolean        atlas_window_is_loading     (AtlasWindow      *self);
const char     *atlas_window_get_message    (AtlasWindow      *self);

G_END_DECLS
