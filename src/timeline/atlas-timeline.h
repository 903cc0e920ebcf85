/* atlas-timeline.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/atlas-filter.h"
#include "model/atlas-playhead.h"
#include "model/atlas-selection.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TIMELINE (atlas_timeline_get_type ())

G_DECLARE_FINAL_TYPE (AtlasTimeline, atlas_timeline, ATLAS, TIMELINE, GtkWidget)

GtkWidget *atlas_timeline_new        (void);
void       atlas_timeline_set_models (AtlasTimeline  *self,
                                      AtlasFilter    *filter,
                                      AtlasSelection *selection,
                                      AtlasPlayhead  *playhead);

G_END_DECLS
