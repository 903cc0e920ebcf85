/* test-gif-writer.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "io/atlas-gif-writer.h"

/*
 * The GIF writer: small synthetic frames encoded to a real file and decoded
 * back with gdk-pixbuf's own GIF loader, frame by frame, compared with what
 * went in (within the palette's error), with their delays and their number.
 */

typedef void (*PaintFunc) (guint32 *pixels, int width, int height, int stride, guint frame);

/* A gradient, a flat dark block, a white bar and a red square that moves. */
static void
paint_map_like (guint32 *pixels,
                int      width,
                int      height,
                int      stride,
                guint    frame)
{
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 colour = ((guint32) (x * 255 / width) << 16) | ((guint32) (y * 255 / height) << 8) | 0x80;

        if (x < width / 3)
          colour = 0x2a2c2e;
        if (y >= height - 4)
          colour = 0xffffff;
        /* Frames 2 and 3 are the same: a frame where nothing changes. */
        if (x >= 4 + 6 * (int) MIN (frame, 2) && x < 14 + 6 * (int) MIN (frame, 2) && y >= 8 && y < 18)
          colour = 0xd02020;
        if (frame == 4 && y < height / 2)
          colour = 0x3060c0;
        pixels[y * (stride / 4) + x] = 0xff000000 | colour;
      }
}

/* A smooth ramp of 65536 colours: far more than a palette holds. */
static void
paint_ramp (guint32 *pixels,
            int      width,
            int      height,
            int      stride,
            guint    frame)
{
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      pixels[y * (stride / 4) + x] = 0xff000000 | ((guint32) x << 16) | ((guint32) y << 8) |
                                     (guint32) (255 - (x * y) / 256);
}

/* Random pixels from a few colours: long LZW tables, cleared when full. */
static void
paint_noise (guint32 *pixels,
             int      width,
             int      height,
             int      stride,
             guint    frame)
{
  static const guint32 colours[] = {
    0x000000, 0xffffff, 0xff0000, 0x00ff00, 0x0000ff, 0x808080, 0xffff00, 0x00ffff,
    0xff00ff, 0x404040, 0xc0c0c0, 0x804000, 0x008040, 0x400080, 0xe08020, 0x20e080,
  };
  GRand *rand = g_rand_new_with_seed (frame + 1);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      pixels[y * (stride / 4) + x] = 0xff000000 | colours[g_rand_int_range (rand, 0, G_N_ELEMENTS (colours))];
  g_rand_free (rand);
}

static cairo_surface_t *
make_frame (PaintFunc paint,
            int       width,
            int       height,
            guint     frame)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);

  cairo_surface_flush (surface);
  paint ((guint32 *) cairo_image_surface_get_data (surface), width, height,
         cairo_image_surface_get_stride (surface), frame);
  cairo_surface_mark_dirty (surface);
  return surface;
}

static char *
write_gif (PaintFunc      paint,
           int            width,
           int            height,
           guint          n_frames,
           guint          fps,
           AtlasGifDither dither)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileIOStream) io = NULL;
  g_autoptr(GFile) file = g_file_new_tmp ("atlas-gif-XXXXXX.gif", &io, &error);
  g_autoptr(AtlasGifWriter) writer = NULL;
  GOutputStream *stream;

  g_assert_no_error (error);
  stream = g_io_stream_get_output_stream (G_IO_STREAM (io));
  writer = atlas_gif_writer_new (stream, width, height, dither);
  for (guint i = 0; i < n_frames; i++)
    {
      cairo_surface_t *frame = make_frame (paint, width, height, i);

      g_assert_true (atlas_gif_writer_add_frame (writer, frame, atlas_gif_frame_delay (i, fps), &error));
      g_assert_no_error (error);
      cairo_surface_destroy (frame);
    }
  g_assert_true (atlas_gif_writer_finish (writer, &error));
  g_assert_no_error (error);
  g_assert_true (g_io_stream_close (G_IO_STREAM (io), NULL, &error));
  return g_file_get_path (file);
}

typedef struct
{
  int max_error;                /* largest difference in one channel */
  double mean_error;            /* mean difference of a channel */
  double mean_block_error;      /* mean difference of a channel, over 4×4 blocks */
} Difference;

static Difference
compare (GdkPixbuf       *decoded,
         cairo_surface_t *expected)
{
  const guint8 *got = gdk_pixbuf_read_pixels (decoded);
  int got_stride = gdk_pixbuf_get_rowstride (decoded), channels = gdk_pixbuf_get_n_channels (decoded);
  const guint8 *want = cairo_image_surface_get_data (expected);
  int want_stride = cairo_image_surface_get_stride (expected);
  int width = gdk_pixbuf_get_width (decoded), height = gdk_pixbuf_get_height (decoded);
  Difference d = { 0, 0, 0 };
  guint64 sum = 0, block_sum = 0;

  for (int by = 0; by + 4 <= height; by += 4)
    for (int bx = 0; bx + 4 <= width; bx += 4)
      for (int c = 0; c < 3; c++)
        {
          int block = 0;

          for (int y = by; y < by + 4; y++)
            for (int x = bx; x < bx + 4; x++)
              {
                guint32 pixel = ((const guint32 *) (want + y * want_stride))[x];
                int a = got[y * got_stride + x * channels + c];
                int b = (pixel >> (16 - 8 * c)) & 0xff;

                d.max_error = MAX (d.max_error, ABS (a - b));
                sum += ABS (a - b);
                block += a - b;
              }
          block_sum += ABS (block) / 16;
        }
  d.mean_error = (double) sum / ((width / 4) * (height / 4) * 16 * 3);
  d.mean_block_error = (double) block_sum / ((width / 4) * (height / 4) * 3);
  return d;
}

/* Decodes @path and checks every frame, its delay, and that the animation
 * loops back to the first frame after @n_frames. */
static void
check_gif (const char     *path,
           PaintFunc       paint,
           int             width,
           int             height,
           guint           n_frames,
           guint           fps,
           const Difference *allowed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbufAnimation) animation = gdk_pixbuf_animation_new_from_file (path, &error);
  g_autoptr(GdkPixbufAnimationIter) iter = NULL;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GTimeVal now = { 0, 0 };
  G_GNUC_END_IGNORE_DEPRECATIONS
  guint total = 0;

  g_assert_no_error (error);
  g_assert_false (gdk_pixbuf_animation_is_static_image (animation));
  g_assert_cmpint (gdk_pixbuf_animation_get_width (animation), ==, width);
  g_assert_cmpint (gdk_pixbuf_animation_get_height (animation), ==, height);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  iter = gdk_pixbuf_animation_get_iter (animation, &now);
  for (guint i = 0; i <= n_frames; i++)
    {
      cairo_surface_t *expected = make_frame (paint, width, height, i % n_frames);
      Difference d = compare (gdk_pixbuf_animation_iter_get_pixbuf (iter), expected);
      int delay = gdk_pixbuf_animation_iter_get_delay_time (iter);

      g_test_message ("frame %u: max %d, mean %.2f, mean of blocks %.2f, delay %d ms",
                      i, d.max_error, d.mean_error, d.mean_block_error, delay);
      g_assert_cmpint (d.max_error, <=, allowed->max_error);
      g_assert_cmpfloat (d.mean_error, <=, allowed->mean_error);
      g_assert_cmpfloat (d.mean_block_error, <=, allowed->mean_block_error);
      cairo_surface_destroy (expected);
      if (i < n_frames)
        {
          g_assert_cmpint (delay, ==, 10 * (int) atlas_gif_frame_delay (i, fps));
          total += delay;
        }
      g_time_val_add (&now, delay * 1000);
      gdk_pixbuf_animation_iter_advance (iter, &now);
    }
  G_GNUC_END_IGNORE_DEPRECATIONS
  /* n frames at fps frames a second, to the hundredth. */
  g_assert_cmpint (total, ==, 10 * ((n_frames * 100 + fps / 2) / fps));
}

static void
round_trip (PaintFunc         paint,
            int               width,
            int               height,
            guint             n_frames,
            guint             fps,
            AtlasGifDither    dither,
            const Difference *allowed)
{
  g_autofree char *path = write_gif (paint, width, height, n_frames, fps, dither);

  check_gif (path, paint, width, height, n_frames, fps, allowed);
  g_unlink (path);
}

static void
test_frames (void)
{
  /* Odd sizes, 4 frames at 30 fps: delays of 3 and 4 hundredths. The
   * palette comes from the first frame, so every colour is close. */
  const Difference allowed = { 16, 2.0, 1.0 };
  g_autofree char *path = write_gif (paint_map_like, 67, 45, 4, 30, ATLAS_GIF_DITHER_NONE);
  g_autofree char *contents = NULL;
  gsize length;

  check_gif (path, paint_map_like, 67, 45, 4, 30, &allowed);

  /* It says it loops forever. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, 6, "GIF89a", 6);
  /* After the header, the screen descriptor and a 256-colour table. */
  g_assert_cmpuint (length, >, 6 + 7 + 768 + 19);
  g_assert_cmpmem (contents + 6 + 7 + 768, 19, "\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00", 19);
  g_assert_cmpint (contents[length - 1], ==, 0x3b);
  g_unlink (path);
}

static void
test_later_colours (void)
{
  /* A colour first seen in the fifth frame is as close: each frame has its own palette. */
  const Difference allowed = { 16, 2.0, 1.0 };

  round_trip (paint_map_like, 64, 48, 5, 10, ATLAS_GIF_DITHER_NONE, &allowed);
}

static void
test_dither (void)
{
  /* More colours than a palette holds: dithered pixels stray further from
   * their colour, but over 4×4 blocks come closer than the nearest colour's. */
  const Difference plain = { 24, 4.0, 3.0 };
  const Difference dithered = { 40, 6.0, 1.0 };

  round_trip (paint_ramp, 256, 256, 2, 10, ATLAS_GIF_DITHER_NONE, &plain);
  round_trip (paint_ramp, 256, 256, 2, 10, ATLAS_GIF_DITHER_ORDERED, &dithered);
}

static void
test_lzw_tables (void)
{
  /* Sixteen colours, exact; 200×150 random pixels fill the 4096-entry table many times. */
  const Difference exact = { 0, 0, 0 };

  round_trip (paint_noise, 200, 150, 3, 7, ATLAS_GIF_DITHER_NONE, &exact);
}

static void
test_delays (void)
{
  for (guint fps = 1; fps <= 50; fps++)
    {
      guint total = 0;

      for (guint frame = 0; frame < fps * 3; frame++)
        {
          guint delay = atlas_gif_frame_delay (frame, fps);

          /* Players show shorter delays as a tenth of a second. */
          g_assert_cmpuint (delay, >=, 2);
          total += delay;
          g_assert_cmpuint (total, ==, ((frame + 1) * 100 + fps / 2) / fps);
        }
      g_assert_cmpuint (total, ==, 300);
    }
  g_assert_cmpuint (atlas_gif_frame_delay (0, 30), ==, 3);
  g_assert_cmpuint (atlas_gif_frame_delay (1, 30), ==, 4);
}

static void
test_write_error (void)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new (g_malloc (100), 100, NULL, g_free);
  g_autoptr(AtlasGifWriter) writer = atlas_gif_writer_new (stream, 64, 48, ATLAS_GIF_DITHER_NONE);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *frame = make_frame (paint_noise, 64, 48, 0);

  g_assert_false (atlas_gif_writer_add_frame (writer, frame, 10, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  cairo_surface_destroy (frame);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gif-writer/frames", test_frames);
  g_test_add_func ("/gif-writer/later-colours", test_later_colours);
  g_test_add_func ("/gif-writer/dither", test_dither);
  g_test_add_func ("/gif-writer/lzw-tables", test_lzw_tables);
  g_test_add_func ("/gif-writer/delays", test_delays);
  g_test_add_func ("/gif-writer/write-error", test_write_error);

  return g_test_run ();
}
