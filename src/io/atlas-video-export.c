/* atlas-video-export.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-frame-renderer.h"
#include "atlas-video-encoder.h"
#include "atlas-video-export.h"
#include "model/atlas-error.h"

/*
 * The playback as a video: the playhead walks from the first day of the range to
 * the last in equal steps, one frame each, drawn offscreen and handed to the
 * encoder. In the app the frames are drawn one per idle cycle, so the window
 * stays responsive and the export can be cancelled between any two frames; the
 * command line draws them in a loop.
 */

struct _AtlasVideoExport
{
  GObject parent_instance;

  AtlasVideoOptions options;
  AtlasFrameRenderer *renderer;
  AtlasVideoEncoder *encoder;
  guint n_frames;
  guint frame;
  GTask *task;
  guint idle_id;
};

enum {
  PROP_0,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasVideoExport, atlas_video_export, G_TYPE_OBJECT)

/**
 * atlas_video_options_init:
 * @options: options to fill
 * @filter: (nullable): the filter whose brush (date window) gives the range
 *
 * The defaults: the brush, else every date of the dataset; ten seconds at 25
 * frames a second; 1280×720.
 */
void
atlas_video_options_init (AtlasVideoOptions *options,
                          AtlasFilter       *filter)
{
  AtlasDataset *dataset = filter != NULL ? atlas_filter_get_dataset (filter) : NULL;

  *options = (AtlasVideoOptions) {
    .start = 0, .end = 1,
    .duration = ATLAS_VIDEO_DEFAULT_DURATION,
    .fps = ATLAS_VIDEO_DEFAULT_FPS,
    .width = ATLAS_VIDEO_DEFAULT_WIDTH,
    .height = ATLAS_VIDEO_DEFAULT_HEIGHT,
  };
  if (filter != NULL && atlas_filter_get_date_range (filter, &options->start, &options->end))
    return;
  if (dataset != NULL)
    atlas_dataset_get_date_range (dataset, &options->start, &options->end);
}

/**
 * atlas_video_options_set_format_defaults:
 * @options: options
 * @filename: the video's name, whose extension is its format
 *
 * Sets the size and frame rate to the format's defaults: 640×360 at 10 frames
 * a second for a GIF, 1280×720 at 25 for the others.
 */
void
atlas_video_options_set_format_defaults (AtlasVideoOptions *options,
                                         const char        *filename)
{
  g_autofree char *lower = g_utf8_strdown (filename, -1);
  gboolean gif = g_str_has_suffix (lower, ".gif");

  options->width = gif ? ATLAS_VIDEO_GIF_DEFAULT_WIDTH : ATLAS_VIDEO_DEFAULT_WIDTH;
  options->height = gif ? ATLAS_VIDEO_GIF_DEFAULT_HEIGHT : ATLAS_VIDEO_DEFAULT_HEIGHT;
  options->fps = gif ? ATLAS_VIDEO_GIF_DEFAULT_FPS : ATLAS_VIDEO_DEFAULT_FPS;
}

/**
 * atlas_video_options_check:
 *
 * Returns: whether the options make a video; if not, @error says which is wrong
 */
gboolean
atlas_video_options_check (const AtlasVideoOptions  *options,
                           GError                  **error)
{
  if (options->width < 64 || options->height < 64 || options->width > 7680 || options->height > 4320 ||
      options->width % 2 != 0 || options->height % 2 != 0)
    {
      g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_FAILED,
                   _("The video size %d×%d cannot be used: give even numbers from 64×64 to 7680×4320"),
                   options->width, options->height);
      return FALSE;
    }
  if (options->fps < 1 || options->fps > 60)
    {
      g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_FAILED,
                   _("The frame rate %d cannot be used: give 1 to 60 frames a second"), options->fps);
      return FALSE;
    }
  if (!(options->duration >= 0.5 && options->duration <= 3600))
    {
      g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_FAILED,
                           _("The video must last from half a second to an hour"));
      return FALSE;
    }
  if (options->end <= options->start)
    {
      g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_FAILED,
                           _("The time range of the video ends before it starts"));
      return FALSE;
    }
  return TRUE;
}

/**
 * atlas_video_export_new:
 * @filter: a filter with a dataset; the video shows its visible events. Keep it
 *   unchanged while the export runs (the app hands in a copy)
 * @playhead: (nullable): the app's playhead, whose mode (cumulative or a moving
 *   window) the video follows
 * @file: the video file; its extension chooses the format
 * @options: checked options
 *
 * Returns: (transfer full) (nullable): an export ready to run, or %NULL when
 *   the encoder cannot start
 */
AtlasVideoExport *
atlas_video_export_new (AtlasFilter              *filter,
                        AtlasPlayhead            *playhead,
                        GFile                    *file,
                        const AtlasVideoOptions  *options,
                        GError                  **error)
{
  g_autoptr(AtlasVideoExport) self = NULL;
  AtlasPlayhead *frames_playhead;

  g_return_val_if_fail (ATLAS_IS_FILTER (filter), NULL);
  g_return_val_if_fail (atlas_filter_get_dataset (filter) != NULL, NULL);

  if (!atlas_video_options_check (options, error))
    return NULL;

  self = g_object_new (ATLAS_TYPE_VIDEO_EXPORT, NULL);
  self->options = *options;
  self->n_frames = MAX (1, (guint) (options->duration * options->fps + 0.5));
  self->encoder = atlas_video_encoder_new (file, options->width, options->height, options->fps, error);
  if (self->encoder == NULL)
    return NULL;

  self->renderer = atlas_frame_renderer_new (filter, options->width, options->height);
  atlas_frame_renderer_set_range (self->renderer, options->start, options->end);
  atlas_frame_renderer_set_choropleth (self->renderer, options->choropleth);
  frames_playhead = atlas_frame_renderer_get_playhead (self->renderer);
  if (playhead != NULL)
    {
      atlas_playhead_set_mode (frames_playhead, atlas_playhead_get_mode (playhead));
      atlas_playhead_set_window_days (frames_playhead, atlas_playhead_get_window_days (playhead));
    }
  return g_steal_pointer (&self);
}

guint
atlas_video_export_get_n_frames (AtlasVideoExport *self)
{
  g_return_val_if_fail (ATLAS_IS_VIDEO_EXPORT (self), 0);
  return self->n_frames;
}

/**
 * atlas_video_export_frame_day:
 * @frame: a frame number
 *
 * Returns: the day the playhead stands at in @frame: the first day of the range
 *   in the first frame, the last day in the last
 */
gint32
atlas_video_export_frame_day (AtlasVideoExport *self,
                              guint             frame)
{
  gint32 last = self->options.end - 1;

  if (self->n_frames <= 1)
    return last;
  return self->options.start +
         (gint32) ((double) (last - self->options.start) * MIN (frame, self->n_frames - 1) /
                   (self->n_frames - 1) + 0.5);
}

double
atlas_video_export_get_progress (AtlasVideoExport *self)
{
  g_return_val_if_fail (ATLAS_IS_VIDEO_EXPORT (self), 0);
  return (double) self->frame / self->n_frames;
}

static gboolean
push_next_frame (AtlasVideoExport  *self,
                 GError           **error)
{
  cairo_surface_t *surface;
  gboolean ok;

  surface = atlas_frame_renderer_render (self->renderer, atlas_video_export_frame_day (self, self->frame));
  ok = atlas_video_encoder_push (self->encoder, surface, error);
  cairo_surface_destroy (surface);
  self->frame++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  return ok;
}

/**
 * atlas_video_export_run:
 * @self: an export
 *
 * Draws and encodes every frame, then writes the file, blocking.
 *
 * Returns: %TRUE when the video is written
 */
gboolean
atlas_video_export_run (AtlasVideoExport  *self,
                        GError           **error)
{
  g_return_val_if_fail (ATLAS_IS_VIDEO_EXPORT (self), FALSE);

  while (self->frame < self->n_frames)
    {
      if (!push_next_frame (self, error))
        {
          atlas_video_encoder_abort (self->encoder);
          return FALSE;
        }
    }
  return atlas_video_encoder_finish (self->encoder, error);
}

static void
on_finished_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (atlas_video_encoder_finish_finish (ATLAS_VIDEO_ENCODER (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
frame_idle_cb (gpointer user_data)
{
  AtlasVideoExport *self = user_data;
  GTask *task = self->task;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task) ||
      (self->frame < self->n_frames && !push_next_frame (self, &error)))
    {
      if (error != NULL)
        g_task_return_error (task, error);
      atlas_video_encoder_abort (self->encoder);
      self->idle_id = 0;
      g_clear_object (&self->task);
      return G_SOURCE_REMOVE;
    }
  if (self->frame < self->n_frames)
    return G_SOURCE_CONTINUE;

  self->idle_id = 0;
  self->task = NULL;
  atlas_video_encoder_finish_async (self->encoder, NULL, on_finished_cb, task);
  return G_SOURCE_REMOVE;
}

/**
 * atlas_video_export_run_async:
 * @self: an export
 * @cancellable: (nullable): cancels between frames; the target file is untouched
 *
 * Draws one frame per idle cycle of the main loop, notifying #AtlasVideoExport:progress.
 */
void
atlas_video_export_run_async (AtlasVideoExport    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (ATLAS_IS_VIDEO_EXPORT (self));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, atlas_video_export_run_async);
  self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, frame_idle_cb, self, NULL);
}

gboolean
atlas_video_export_run_finish (AtlasVideoExport  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
atlas_video_export_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AtlasVideoExport *self = ATLAS_VIDEO_EXPORT (object);

  switch (prop_id)
    {
    case PROP_PROGRESS:
      g_value_set_double (value, atlas_video_export_get_progress (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_video_export_dispose (GObject *object)
{
  AtlasVideoExport *self = ATLAS_VIDEO_EXPORT (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_object (&self->task);
  g_clear_object (&self->renderer);
  g_clear_object (&self->encoder);

  G_OBJECT_CLASS (atlas_video_export_parent_class)->dispose (object);
}

static void
atlas_video_export_class_init (AtlasVideoExportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = atlas_video_export_get_property;
  object_class->dispose = atlas_video_export_dispose;

  /**
   * AtlasVideoExport:progress:
   *
   * The share of frames drawn, from 0 to 1.
   */
  properties[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, 0, 1, 0,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                   G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_video_export_init (AtlasVideoExport *self)
{
}
