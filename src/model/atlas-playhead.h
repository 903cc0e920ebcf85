/* atlas-playhead.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-filter.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_PLAYHEAD_CUMULATIVE,
  ATLAS_PLAYHEAD_WINDOW,
} AtlasPlayheadMode;

#define ATLAS_TYPE_PLAYHEAD (atlas_playhead_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPlayhead, atlas_playhead, ATLAS, PLAYHEAD, GObject)

AtlasPlayhead    *atlas_playhead_new                 (AtlasFilter       *filter);
AtlasFilter      *atlas_playhead_get_filter          (AtlasPlayhead     *self);
gint32            atlas_playhead_get_day             (AtlasPlayhead     *self);
void              atlas_playhead_set_day             (AtlasPlayhead     *self,
                                                      gint32             day);
AtlasPlayheadMode atlas_playhead_get_mode            (AtlasPlayhead     *self);
void              atlas_playhead_set_mode            (AtlasPlayhead     *self,
                                                      AtlasPlayheadMode  mode);
guint             atlas_playhead_get_window_days     (AtlasPlayhead     *self);
void              atlas_playhead_set_window_days     (AtlasPlayhead     *self,
                                                      guint              days);
gboolean          atlas_playhead_get_playing         (AtlasPlayhead     *self);
void              atlas_playhead_set_playing         (AtlasPlayhead     *self,
                                                      gboolean           playing);
double            atlas_playhead_get_speed           (AtlasPlayhead     *self);
void              atlas_playhead_set_speed           (AtlasPlayhead     *self,
                                                      double             speed);
gboolean          atlas_playhead_get_loop            (AtlasPlayhead     *self);
void              atlas_playhead_set_loop            (AtlasPlayhead     *self,
                                                      gboolean           loop);
void              atlas_playhead_get_window          (AtlasPlayhead     *self,
                                                      gint32            *start,
                                                      gint32            *end);
gboolean          atlas_playhead_event_active        (AtlasPlayhead     *self,
                                                      guint              event);
const guint32    *atlas_playhead_get_location_counts (AtlasPlayhead     *self,
                                                      guint             *n);
guint             atlas_playhead_get_max_count       (AtlasPlayhead     *self);
guint             atlas_playhead_get_n_active_events (AtlasPlayhead     *self);
guint             atlas_playhead_get_n_active_places (AtlasPlayhead     *self);
gboolean          atlas_playhead_is_partial          (AtlasPlayhead     *self);
void              atlas_playhead_reset               (AtlasPlayhead     *self);

G_END_DECLS
