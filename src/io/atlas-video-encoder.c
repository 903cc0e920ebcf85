/* atlas-video-encoder.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>

#include "atlas-gif-writer.h"
#include "atlas-video-encoder.h"
#include "model/atlas-error.h"

/*
 * Frames in, a video file out: appsrc → videoconvert → encoder → muxer → filesink,
 * with the format chosen by the file's extension. GStreamer on Debian 12 has no
 * GIF encoder, so GIFs go through the app's own writer (atlas-gif-writer.c)
 * instead of a pipeline. Either writes to a temporary file next to the target,
 * renamed over it only once the file is complete, so a cancelled or failed
 * export never leaves half a video behind and never destroys the file that was
 * there.
 */

/* How long the muxer may take to finish the file after the last frame. */
#define FINISH_TIMEOUT (120 * GST_SECOND)

struct _AtlasVideoEncoder
{
  GObject parent_instance;

  GstElement *pipeline;
  GstElement *source;
  AtlasGifWriter *gif;
  GOutputStream *gif_stream;
  char *path;
  char *temp_path;
  int width;
  int height;
  int fps;
  guint64 n_frames;
  gboolean finished;
};

G_DEFINE_FINAL_TYPE (AtlasVideoEncoder, atlas_video_encoder, G_TYPE_OBJECT)

typedef struct
{
  const char *extension;
  const char *description;
  const char *encoder;        /* after videoconvert, with its settings; NULL for our GIF writer */
  const char *key_property;   /* the encoder's keyframe distance, in frames */
  const char *muxer;          /* before filesink, or NULL */
  const char *elements[2];    /* what the chain needs, to say what is missing */
  const char *package;
} AtlasVideoFormat;

/* vp8enc's realtime deadline and x264enc's veryfast preset keep encoding close to
 * the speed frames are drawn at on a small machine; the bitrates suit a map,
 * mostly flat colour with fine lines and text. I420 and the main profile are what
 * every common player decodes. */
static const AtlasVideoFormat formats[] = {
  { ".webm", "WebM (VP8)",
    "video/x-raw,format=I420 ! vp8enc deadline=1 cpu-used=4 target-bitrate=3000000 threads=2",
    "keyframe-max-dist", "webmmux",
    { "vp8enc", "webmmux" }, "gstreamer1.0-plugins-good" },
  { ".mp4", "MP4 (H.264)",
    "video/x-raw,format=I420 ! x264enc speed-preset=veryfast bitrate=3000 threads=2",
    "key-int-max", "video/x-h264,profile=main ! mp4mux faststart=true",
    { "x264enc", "mp4mux" }, "gstreamer1.0-plugins-ugly and gstreamer1.0-plugins-good" },
  { ".gif", "GIF", NULL, NULL, NULL, { NULL, NULL }, NULL },
};

static const AtlasVideoFormat *
find_format (const char  *filename,
             GError     **error)
{
  g_autofree char *lower = g_utf8_strdown (filename, -1);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const AtlasVideoFormat *format = &formats[i];

      if (!g_str_has_suffix (lower, format->extension))
        continue;
      for (guint e = 0; e < G_N_ELEMENTS (format->elements) && format->elements[e] != NULL; e++)
        {
          g_autoptr(GstElementFactory) factory = gst_element_factory_find (format->elements[e]);

          if (factory == NULL)
            {
              g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_FAILED,
                           /* Translators: %1$s is a format (GIF), %2$s a GStreamer element,
                            * %3$s the package that has it */
                           _("%1$s videos cannot be written here: the GStreamer element “%2$s” is missing "
                             "(it comes with %3$s). Choose .webm or .mp4 instead."),
                           format->description, format->elements[e], format->package);
              return NULL;
            }
        }
      return format;
    }

  g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_FAILED,
                       _("The video’s name must end in .webm, .mp4 or .gif, which chooses its format"));
  return NULL;
}

static gboolean
bus_error (AtlasVideoEncoder  *self,
           GstClockTime        timeout,
           GstMessageType      until,
           GError            **error)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (self->pipeline);
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GError) gst_error = NULL;
  g_autofree char *debug = NULL;

  message = gst_bus_timed_pop_filtered (bus, timeout, GST_MESSAGE_ERROR | until);
  if (message == NULL)
    {
      if (until == 0)
        return FALSE;
      g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_FAILED,
                           _("The video encoder did not finish in time"));
      return TRUE;
    }
  if (GST_MESSAGE_TYPE (message) != GST_MESSAGE_ERROR)
    return FALSE;

  gst_message_parse_error (message, &gst_error, &debug);
  g_debug ("Video encoder: %s", debug != NULL ? debug : "");
  g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_FAILED,
               /* Translators: %s is GStreamer's own message */
               _("The video encoder failed: %s"), gst_error->message);
  return TRUE;
}

static char *
make_temp_path (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  char *temp_path = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (temp_path, O_RDWR, 0644);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_FAILED,
                   /* Translators: %1$s is a folder, %2$s the system's reason */
                   _("Cannot write a video in “%1$s”: %2$s"), dir, g_strerror (saved));
      g_free (temp_path);
      return NULL;
    }
  close (fd);
  return temp_path;
}

static gboolean
build_pipeline (AtlasVideoEncoder       *self,
                const AtlasVideoFormat  *format,
                GError                 **error)
{
  g_autoptr(GString) description = g_string_new ("appsrc name=source ! videoconvert ! ");
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstCaps) caps = NULL;

  g_string_append (description, format->encoder);
  /* A keyframe every two seconds, so a player can seek. */
  if (format->key_property != NULL)
    g_string_append_printf (description, " %s=%d", format->key_property, self->fps * 2);
  if (format->muxer != NULL)
    g_string_append_printf (description, " ! %s", format->muxer);
  g_string_append (description, " ! filesink name=sink");

  self->pipeline = gst_parse_launch_full (description->str, NULL, GST_PARSE_FLAG_FATAL_ERRORS, &parse_error);
  if (self->pipeline == NULL)
    {
      g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_FAILED, _("The video encoder failed: %s"),
                   parse_error->message);
      return FALSE;
    }
  gst_object_ref_sink (self->pipeline);
  self->source = gst_bin_get_by_name (GST_BIN (self->pipeline), "source");
  sink = gst_bin_get_by_name (GST_BIN (self->pipeline), "sink");
  g_object_set (sink, "location", self->temp_path, NULL);

  /* Cairo's ARGB32 is BGRA in memory on little-endian machines, BGRx when opaque. */
  caps = gst_caps_new_simple ("video/x-raw",
                              "format", G_TYPE_STRING, G_BYTE_ORDER == G_LITTLE_ENDIAN ? "BGRx" : "xRGB",
                              "width", G_TYPE_INT, self->width,
                              "height", G_TYPE_INT, self->height,
                              "framerate", GST_TYPE_FRACTION, self->fps, 1,
                              "pixel-aspect-ratio", GST_TYPE_FRACTION, 1, 1,
                              NULL);
  /* A few frames queued at most: pushing blocks while the encoder catches up. */
  g_object_set (self->source,
                "caps", caps,
                "format", GST_FORMAT_TIME,
                "block", TRUE,
                "max-bytes", (guint64) self->width * self->height * 4 * 4,
                NULL);

  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      if (!bus_error (self, 0, 0, error))
        g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_FAILED,
                             _("The video encoder could not start"));
      return FALSE;
    }
  return TRUE;
}

/* GIF delays are whole hundredths of a second, and players show a delay under
 * two hundredths as a tenth of a second: 50 frames a second at most. */
#define GIF_MAX_FPS 50

static gboolean
open_gif (AtlasVideoEncoder  *self,
          GError            **error)
{
  g_autoptr(GFile) temp = g_file_new_for_path (self->temp_path);
  g_autoptr(GError) open_error = NULL;

  if (self->fps > GIF_MAX_FPS)
    {
      g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_FAILED,
                   _("The frame rate %d cannot be used for a GIF: it plays at most %d frames a second"),
                   self->fps, GIF_MAX_FPS);
      return FALSE;
    }
  self->gif_stream = G_OUTPUT_STREAM (g_file_append_to (temp, G_FILE_CREATE_NONE, NULL, &open_error));
  if (self->gif_stream == NULL)
    {
      g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_FAILED, _("Cannot write “%1$s”: %2$s"), self->temp_path,
                   open_error->message);
      return FALSE;
    }
  /* Ordered dithering, for a frame with more colours than a palette holds:
   * its pattern is fixed in place, so what does not move stays still. It
   * costs under 1% in size on the bundled dataset. */
  self->gif = atlas_gif_writer_new (self->gif_stream, self->width, self->height, ATLAS_GIF_DITHER_ORDERED);
  return TRUE;
}

/**
 * atlas_video_encoder_new:
 * @file: the video to write; its extension chooses the format
 * @width: frame width in pixels (even)
 * @height: frame height in pixels (even)
 * @fps: frames per second
 *
 * Returns: (transfer full) (nullable): an encoder ready for frames
 */
AtlasVideoEncoder *
atlas_video_encoder_new (GFile   *file,
                         int      width,
                         int      height,
                         int      fps,
                         GError **error)
{
  g_autoptr(AtlasVideoEncoder) self = NULL;
  g_autofree char *path = g_file_get_path (file);
  const AtlasVideoFormat *format;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (width > 0 && height > 0 && fps > 0, NULL);

  gst_init (NULL, NULL);
  if (path == NULL)
    {
      g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_FAILED,
                           _("Videos can only be written to a folder on this computer"));
      return NULL;
    }
  format = find_format (path, error);
  if (format == NULL)
    return NULL;

  self = g_object_new (ATLAS_TYPE_VIDEO_ENCODER, NULL);
  self->path = g_steal_pointer (&path);
  self->width = width;
  self->height = height;
  self->fps = fps;
  self->temp_path = make_temp_path (self->path, error);
  if (self->temp_path == NULL)
    return NULL;
  if (format->encoder == NULL ? !open_gif (self, error) : !build_pipeline (self, format, error))
    {
      atlas_video_encoder_abort (self);
      return NULL;
    }
  return g_steal_pointer (&self);
}

static gboolean
push_gif (AtlasVideoEncoder  *self,
          cairo_surface_t    *frame,
          GError            **error)
{
  g_autoptr(GError) write_error = NULL;

  if (!atlas_gif_writer_add_frame (self->gif, frame, atlas_gif_frame_delay (self->n_frames, self->fps),
                                   &write_error))
    {
      g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_FAILED, _("Cannot write “%1$s”: %2$s"), self->path,
                   write_error->message);
      return FALSE;
    }
  self->n_frames++;
  return TRUE;
}

/**
 * atlas_video_encoder_push:
 * @self: an encoder
 * @frame: an opaque ARGB32 image surface of the encoder's size
 *
 * Adds one frame. Blocks while the encoder is a few frames behind.
 *
 * Returns: %TRUE, or %FALSE when the encoder failed
 */
gboolean
atlas_video_encoder_push (AtlasVideoEncoder  *self,
                          cairo_surface_t    *frame,
                          GError            **error)
{
  int stride = cairo_image_surface_get_stride (frame);
  gsize row = (gsize) self->width * 4;
  GstBuffer *buffer;
  GstMapInfo map;
  GstFlowReturn ret;

  g_return_val_if_fail (ATLAS_IS_VIDEO_ENCODER (self), FALSE);
  g_return_val_if_fail (!self->finished, FALSE);
  g_return_val_if_fail (cairo_image_surface_get_width (frame) == self->width &&
                        cairo_image_surface_get_height (frame) == self->height, FALSE);

  if (self->gif != NULL)
    return push_gif (self, frame, error);

  cairo_surface_flush (frame);
  buffer = gst_buffer_new_allocate (NULL, row * self->height, NULL);
  gst_buffer_map (buffer, &map, GST_MAP_WRITE);
  for (int y = 0; y < self->height; y++)
    memcpy (map.data + y * row, cairo_image_surface_get_data (frame) + (gsize) y * stride, row);
  gst_buffer_unmap (buffer, &map);

  GST_BUFFER_PTS (buffer) = gst_util_uint64_scale (self->n_frames, GST_SECOND, self->fps);
  GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale (self->n_frames + 1, GST_SECOND, self->fps) -
                                 GST_BUFFER_PTS (buffer);
  self->n_frames++;

  ret = gst_app_src_push_buffer (GST_APP_SRC (self->source), buffer);
  if (bus_error (self, 0, 0, error))
    return FALSE;
  if (ret != GST_FLOW_OK)
    {
      g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_FAILED, _("The video encoder failed: %s"),
                   gst_flow_get_name (ret));
      return FALSE;
    }
  return TRUE;
}

static gboolean
finish_pipeline (AtlasVideoEncoder  *self,
                 GError            **error)
{
  gst_app_src_end_of_stream (GST_APP_SRC (self->source));
  if (bus_error (self, FINISH_TIMEOUT, GST_MESSAGE_EOS, error))
    return FALSE;
  gst_element_set_state (self->pipeline, GST_STATE_NULL);
  return TRUE;
}

static gboolean
finish_gif (AtlasVideoEncoder  *self,
            GError            **error)
{
  g_autoptr(GError) write_error = NULL;

  if (!atlas_gif_writer_finish (self->gif, &write_error) ||
      !g_output_stream_close (self->gif_stream, NULL, &write_error))
    {
      g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_FAILED, _("Cannot write “%1$s”: %2$s"), self->path,
                   write_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * atlas_video_encoder_finish:
 * @self: an encoder
 *
 * Ends the stream, waits for the muxer to complete the file and puts it in
 * place. On failure the temporary file is removed and the target is untouched.
 *
 * Returns: %TRUE when the video is written
 */
gboolean
atlas_video_encoder_finish (AtlasVideoEncoder  *self,
                            GError            **error)
{
  g_return_val_if_fail (ATLAS_IS_VIDEO_ENCODER (self), FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  self->finished = TRUE;
  if (self->n_frames == 0)
    {
      g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_FAILED, _("The video has no frames"));
      atlas_video_encoder_abort (self);
      return FALSE;
    }
  if (!(self->gif != NULL ? finish_gif (self, error) : finish_pipeline (self, error)))
    {
      atlas_video_encoder_abort (self);
      return FALSE;
    }

  if (g_rename (self->temp_path, self->path) != 0)
    {
      int saved = errno;

      g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_FAILED,
                   /* Translators: %1$s is a file, %2$s the system's reason */
                   _("Cannot write “%1$s”: %2$s"), self->path, g_strerror (saved));
      atlas_video_encoder_abort (self);
      return FALSE;
    }
  g_clear_pointer (&self->temp_path, g_free);
  return TRUE;
}

static void
finish_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (atlas_video_encoder_finish (source_object, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * atlas_video_encoder_finish_async:
 *
 * Like atlas_video_encoder_finish(), waiting in a worker thread.
 */
void
atlas_video_encoder_finish_async (AtlasVideoEncoder   *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, atlas_video_encoder_finish_async);
  g_task_run_in_thread (task, finish_thread);
}

gboolean
atlas_video_encoder_finish_finish (AtlasVideoEncoder  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * atlas_video_encoder_abort:
 * @self: an encoder
 *
 * Stops encoding and removes the partial file; the target is untouched.
 */
void
atlas_video_encoder_abort (AtlasVideoEncoder *self)
{
  g_return_if_fail (ATLAS_IS_VIDEO_ENCODER (self));

  self->finished = TRUE;
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  if (self->gif_stream != NULL && !g_output_stream_is_closed (self->gif_stream))
    g_output_stream_close (self->gif_stream, NULL, NULL);
  if (self->temp_path != NULL)
    g_unlink (self->temp_path);
  g_clear_pointer (&self->temp_path, g_free);
}

static void
atlas_video_encoder_finalize (GObject *object)
{
  AtlasVideoEncoder *self = ATLAS_VIDEO_ENCODER (object);

  if (self->temp_path != NULL)
    atlas_video_encoder_abort (self);
  g_clear_object (&self->source);
  g_clear_object (&self->pipeline);
  g_clear_pointer (&self->gif, atlas_gif_writer_free);
  g_clear_object (&self->gif_stream);
  g_free (self->path);

  G_OBJECT_CLASS (atlas_video_encoder_parent_class)->finalize (object);
}

static void
atlas_video_encoder_class_init (AtlasVideoEncoderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_video_encoder_finalize;
}

static void
atlas_video_encoder_init (AtlasVideoEncoder *self)
{
}
