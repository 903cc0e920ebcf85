/* atlas-timeline-private.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-timeline.h"
#include "atlas-timeline-canvas.h"

G_BEGIN_DECLS

/* One second of playback at 1× carries the playhead across this fraction of the
 * visible time: the whole view in 20 seconds. */
#define ATLAS_TIMELINE_PLAY_SECONDS 20.0

AtlasTimelineCanvas *atlas_timeline_get_canvas (AtlasTimeline *self);
void                 atlas_timeline_advance    (AtlasTimeline *self,
                                                double         seconds);

G_END_DECLS
