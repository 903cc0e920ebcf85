/* atlas-video-export.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/atlas-filter.h"
#include "model/atlas-playhead.h"

G_BEGIN_DECLS

/**
 * AtlasVideoOptions:
 * @start: the first day shown
 * @end: the day after the last day shown
 * @duration: length of the video in seconds
 * @fps: frames per second
 * @width: frame width in pixels
 * @height: frame height in pixels
 * @choropleth: whether districts are coloured by their events
 */
typedef struct
{
  gint32 start;
  gint32 end;
  double duration;
  int fps;
  int width;
  int height;
  gboolean choropleth;
} AtlasVideoOptions;

#define ATLAS_VIDEO_DEFAULT_WIDTH 1280
#define ATLAS_VIDEO_DEFAULT_HEIGHT 720
#define ATLAS_VIDEO_DEFAULT_FPS 25
#define ATLAS_VIDEO_DEFAULT_DURATION 10.0
/* A GIF compresses far less than a video codec, and players scale it badly:
 * smaller and fewer frames by default (the bundled dataset's ten seconds make
 * about 250 kB). */
#define ATLAS_VIDEO_GIF_DEFAULT_WIDTH 640
#define ATLAS_VIDEO_GIF_DEFAULT_HEIGHT 360
#define ATLAS_VIDEO_GIF_DEFAULT_FPS 10

#define ATLAS_TYPE_VIDEO_EXPORT (atlas_video_export_get_type ())

G_DECLARE_FINAL_TYPE (AtlasVideoExport, atlas_video_export, ATLAS, VIDEO_EXPORT, GObject)

void              atlas_video_options_init         (AtlasVideoOptions  *options,
                                                    AtlasFilter        *filter);
void              atlas_video_options_set_format_defaults (AtlasVideoOptions *options,
                                                    const char         *filename);
gboolean          atlas_video_options_check        (const AtlasVideoOptions *options,
                                                    GError            **error);
AtlasVideoExport *atlas_video_export_new           (AtlasFilter        *filter,
                                                    AtlasPlayhead      *playhead,
                                                    GFile              *file,
                                                    const AtlasVideoOptions *options,
                                                    GError            **error);
guint             atlas_video_export_get_n_frames  (AtlasVideoExport   *self);
gint32            atlas_video_export_frame_day     (AtlasVideoExport   *self,
                                                    guint               frame);
double            atlas_video_export_get_progress  (AtlasVideoExport   *self);
gboolean          atlas_video_export_run           (AtlasVideoExport   *self,
                                                    GError            **error);
void              atlas_video_export_run_async     (AtlasVideoExport   *self,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
gboolean          atlas_video_export_run_finish    (AtlasVideoExport   *self,
                                                    GAsyncResult       *result,
                                                    GError            **error);

G_END_DECLS
