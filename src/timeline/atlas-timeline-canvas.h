/* atlas-timeline-canvas.h
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

#include "atlas-time-scale.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TIMELINE_CANVAS (atlas_timeline_canvas_get_type ())

G_DECLARE_FINAL_TYPE (AtlasTimelineCanvas, atlas_timeline_canvas, ATLAS, TIMELINE_CANVAS, GtkWidget)

GtkWidget            *atlas_timeline_canvas_new             (void);
void                  atlas_timeline_canvas_set_models      (AtlasTimelineCanvas *self,
                                                             AtlasFilter         *filter,
                                                             AtlasSelection      *selection,
                                                             AtlasPlayhead       *playhead);
const AtlasTimeScale *atlas_timeline_canvas_get_scale       (AtlasTimelineCanvas *self);
void                  atlas_timeline_canvas_get_ticks       (AtlasTimelineCanvas *self,
                                                             AtlasTickChoice     *choice);
gboolean              atlas_timeline_canvas_get_date_range  (AtlasTimelineCanvas *self,
                                                             gint32              *first_day,
                                                             gint32              *end_day);
void                  atlas_timeline_canvas_zoom            (AtlasTimelineCanvas *self,
                                                             double               factor);
void                  atlas_timeline_canvas_zoom_at         (AtlasTimelineCanvas *self,
                                                             double               factor,
                                                             double               anchor_x);
void                  atlas_timeline_canvas_pan             (AtlasTimelineCanvas *self,
                                                             double               fraction);
void                  atlas_timeline_canvas_fit             (AtlasTimelineCanvas *self);
void                  atlas_timeline_canvas_show_day        (AtlasTimelineCanvas *self,
                                                             gint32               day,
                                                             gboolean             follow);
void                  atlas_timeline_canvas_set_range       (AtlasTimelineCanvas *self,
                                                             gint32               start,
                                                             gint32               end);
void                  atlas_timeline_canvas_clear_range     (AtlasTimelineCanvas *self);
guint                 atlas_timeline_canvas_event_at        (AtlasTimelineCanvas *self,
                                                             double               x,
                                                             double               y);
gboolean              atlas_timeline_canvas_get_event_area  (AtlasTimelineCanvas *self,
                                                             guint                event,
                                                             graphene_rect_t     *area);
gboolean              atlas_timeline_canvas_is_dense        (AtlasTimelineCanvas *self);
double                atlas_timeline_canvas_get_axis_y      (AtlasTimelineCanvas *self);

/* Pointer input as the gestures deliver it, in widget coordinates. */
void                  atlas_timeline_canvas_pointer_press   (AtlasTimelineCanvas *self,
                                                             double               x,
                                                             double               y,
                                                             GdkModifierType      state,
                                                             guint32              time_ms);
void                  atlas_timeline_canvas_pointer_motion  (AtlasTimelineCanvas *self,
                                                             double               x,
                                                             double               y);
void                  atlas_timeline_canvas_pointer_release (AtlasTimelineCanvas *self,
                                                             double               x,
                                                             double               y);

G_END_DECLS
