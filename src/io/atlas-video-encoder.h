/* atlas-video-encoder.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_VIDEO_ENCODER (atlas_video_encoder_get_type ())

G_DECLARE_FINAL_TYPE (AtlasVideoEncoder, atlas_video_encoder, ATLAS, VIDEO_ENCODER, GObject)

AtlasVideoEncoder *atlas_video_encoder_new          (GFile              *file,
                                                     int                 width,
                                                     int                 height,
                                                     int                 fps,
                                                     GError            **error);
gboolean           atlas_video_encoder_push         (AtlasVideoEncoder  *self,
                                                     cairo_surface_t    *frame,
                                                     GError            **error);
gboolean           atlas_video_encoder_finish       (AtlasVideoEncoder  *self,
                                                     GError            **error);
void               atlas_video_encoder_finish_async (AtlasVideoEncoder  *self,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
gboolean           atlas_video_encoder_finish_finish (AtlasVideoEncoder *self,
                                                     GAsyncResult       *result,
                                                     GError            **error);
void               atlas_video_encoder_abort        (AtlasVideoEncoder  *self);

G_END_DECLS
