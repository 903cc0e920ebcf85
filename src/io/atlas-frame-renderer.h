/* atlas-frame-renderer.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gtk/gtk.h>

#include "model/atlas-filter.h"
#include "model/atlas-playhead.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_FRAME_RENDERER (atlas_frame_renderer_get_type ())

G_DECLARE_FINAL_TYPE (AtlasFrameRenderer, atlas_frame_renderer, ATLAS, FRAME_RENDERER, GObject)

AtlasFrameRenderer *atlas_frame_renderer_new          (AtlasFilter        *filter,
                                                       int                 width,
                                                       int                 height);
AtlasPlayhead      *atlas_frame_renderer_get_playhead (AtlasFrameRenderer *self);
void                atlas_frame_renderer_set_choropleth (AtlasFrameRenderer *self,
                                                       gboolean            choropleth);
void                atlas_frame_renderer_set_range    (AtlasFrameRenderer *self,
                                                       gint32              start,
                                                       gint32              end);
cairo_surface_t    *atlas_frame_renderer_render       (AtlasFrameRenderer *self,
                                                       gint32              day);

G_END_DECLS
