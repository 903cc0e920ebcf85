/* atlas-gif-writer.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-gif-writer.h"

/*
 * An animated GIF (GIF89a), written frame by frame as the frames come, in
 * constant memory: the frame shown before (as RGB), the palette indices of the
 * frame being encoded and a small output buffer.
 *
 * Each frame after the first is written as the rectangle that changed, with
 * the pixels that did not change transparent: in a playback most of the map
 * stays as it is, and LZW packs the runs of the transparent index into almost
 * nothing.
 *
 * The palette. A GIF has at most 256 colours a frame. The first frame gets a
 * global palette by median cut over its colours, weighted by how many pixels
 * have them; each later frame a local palette, by the same median cut over the
 * pixels that changed only. A fixed 6×7×6 cube would be the simplest and
 * would keep indices from frame to frame, but the playback is a dark map with
 * translucent fills: the cube has five levels below mid-grey and would dither
 * nearly every pixel. A palette from the first frame alone was tried and
 * dithered the district fills that appear later. Chosen from exactly the
 * pixels being written, a palette rarely needs dithering at all (the changed
 * area of a frame seldom has more than 255 colours) and costs 768 bytes a
 * frame. The last index is kept for transparency.
 *
 * Frames are compressed with GIF's variable-length LZW (9 to 12 bit codes, a
 * clear code when the table is full); the NETSCAPE2.0 extension makes the
 * animation loop forever, and each frame's graphic control extension carries
 * its delay in hundredths of a second.
 */

#define N_COLOURS 256
#define TRANSPARENT (N_COLOURS - 1)
#define N_ADAPTIVE TRANSPARENT

#define CACHE_BITS 16
#define LZW_MAX_CODE 4096
#define LZW_HASH_SIZE 8192
#define OUT_BUFFER 32768

/* A pixel closer than this (squared distance) to a palette colour is not dithered. */
#define NEAR_ENOUGH (3 * 3 * 3)
/* How much of the error so far the dither's next choice makes up, in percent. */
#define DITHER_CARRY 75
#define BRIGHTNESS(c) (299 * (c)[0] + 587 * (c)[1] + 114 * (c)[2])

struct _AtlasGifWriter
{
  GOutputStream *stream;
  int width;
  int height;
  AtlasGifDither dither;

  guint8 palette[N_COLOURS][3];
  guint n_palette;
  guint32 *cache_keys;          /* RGB | CACHE_VALID: its nearest palette index */
  guint8 *cache_indices;

  guint32 *shown;               /* the RGB the viewer shows now */
  guint8 *indices;              /* the rectangle being encoded */
  int x0, y0, x1, y1;           /* that rectangle */
  guint64 n_frames;

  guint8 *out;                  /* bytes not yet written to the stream */
  gsize out_len;
  GError *error;                /* the first write error */
};

#define CACHE_VALID 0x1000000u

/* ------------------------------------------------------------------ output */

static void
flush_out (AtlasGifWriter *self)
{
  if (self->out_len > 0 && self->error == NULL)
    g_output_stream_write_all (self->stream, self->out, self->out_len, NULL, NULL, &self->error);
  self->out_len = 0;
}

static void
put_bytes (AtlasGifWriter *self,
           const void     *bytes,
           gsize           length)
{
  if (self->out_len + length > OUT_BUFFER)
    flush_out (self);
  memcpy (self->out + self->out_len, bytes, length);
  self->out_len += length;
}

static void
put_byte (AtlasGifWriter *self,
          guint8          byte)
{
  put_bytes (self, &byte, 1);
}

static void
put_u16 (AtlasGifWriter *self,
         guint           value)
{
  guint8 bytes[2] = { value & 0xff, (value >> 8) & 0xff };

  put_bytes (self, bytes, 2);
}

/* --------------------------------------------------------------- palette */

typedef struct
{
  guint8 key[3];                /* 5 bits a channel */
  guint32 count;
  guint64 sum[3];
} Bin;

typedef struct
{
  guint start, end;             /* bins[start..end) */
  guint64 count;
  int axis;
  int range;
} Box;

static void
measure_box (Box *box,
             Bin *bins)
{
  int lo[3] = { 31, 31, 31 }, hi[3] = { 0, 0, 0 };

  box->count = 0;
  for (guint i = box->start; i < box->end; i++)
    {
      box->count += bins[i].count;
      for (int c = 0; c < 3; c++)
        {
          lo[c] = MIN (lo[c], bins[i].key[c]);
          hi[c] = MAX (hi[c], bins[i].key[c]);
        }
    }
  box->axis = 0;
  for (int c = 1; c < 3; c++)
    if (hi[c] - lo[c] > hi[box->axis] - lo[box->axis])
      box->axis = c;
  box->range = hi[box->axis] - lo[box->axis];
}

static int
compare_bins (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  int axis = GPOINTER_TO_INT (user_data);

  return ((const Bin *) a)->key[axis] - ((const Bin *) b)->key[axis];
}

/* The box most worth splitting: wide and well populated. */
static int
widest_box (Box  *boxes,
            guint n_boxes)
{
  double best = 0;
  int found = -1;

  for (guint i = 0; i < n_boxes; i++)
    {
      double score = boxes[i].range * sqrt ((double) boxes[i].count);

      if (boxes[i].range > 0 && score > best)
        {
          best = score;
          found = (int) i;
        }
    }
  return found;
}

static void
split_box (Box  *box,
           Box  *other,
           Bin  *bins)
{
  guint64 half = box->count / 2, seen = 0;
  guint cut = box->start + 1;

  g_qsort_with_data (bins + box->start, box->end - box->start, sizeof (Bin), compare_bins,
                     GINT_TO_POINTER (box->axis));
  for (guint i = box->start; i < box->end - 1; i++)
    {
      seen += bins[i].count;
      cut = i + 1;
      if (seen >= half)
        break;
    }
  *other = (Box) { .start = cut, .end = box->end };
  box->end = cut;
  measure_box (box, bins);
  measure_box (other, bins);
}

/* Is the pixel one to write: in the first frame all are, later those that changed. */
static inline gboolean
is_new (AtlasGifWriter *self,
        guint32         rgb,
        int             x,
        int             y)
{
  return self->n_frames == 0 || self->shown[(gsize) y * self->width + x] != rgb;
}

static guint
collect_bins (AtlasGifWriter *self,
              const guint8   *data,
              int             stride,
              Bin           **bins_out)
{
  g_autofree Bin *hist = g_new0 (Bin, 1 << 15);
  Bin *bins;
  guint n = 0;

  for (int y = self->y0; y < self->y1; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      for (int x = self->x0; x < self->x1; x++)
        {
          guint32 rgb = row[x] & 0xffffff;
          guint r = rgb >> 16, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
          Bin *bin;

          if (!is_new (self, rgb, x, y))
            continue;
          bin = &hist[((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3)];
          bin->count++;
          bin->sum[0] += r;
          bin->sum[1] += g;
          bin->sum[2] += b;
        }
    }
  bins = g_new (Bin, 1 << 15);
  for (guint i = 0; i < 1 << 15; i++)
    if (hist[i].count > 0)
      {
        bins[n] = hist[i];
        bins[n].key[0] = i >> 10;
        bins[n].key[1] = (i >> 5) & 31;
        bins[n].key[2] = i & 31;
        n++;
      }
  *bins_out = bins;
  return n;
}

/* A palette for the pixels to write, by median cut; the cache of nearest
 * colours starts anew with it. */
static void
choose_palette (AtlasGifWriter *self,
                const guint8   *data,
                int             stride)
{
  g_autofree Bin *bins = NULL;
  Box boxes[N_ADAPTIVE];
  guint n_boxes = 1;
  guint n_bins = collect_bins (self, data, stride, &bins);

  boxes[0] = (Box) { .start = 0, .end = n_bins };
  measure_box (&boxes[0], bins);
  while (n_boxes < N_ADAPTIVE)
    {
      int widest = widest_box (boxes, n_boxes);

      if (widest < 0)
        break;
      split_box (&boxes[widest], &boxes[n_boxes], bins);
      n_boxes++;
    }

  memset (self->palette, 0, sizeof self->palette);
  self->n_palette = n_boxes;
  for (guint i = 0; i < n_boxes; i++)
    {
      guint64 sum[3] = { 0, 0, 0 };

      for (guint b = boxes[i].start; b < boxes[i].end; b++)
        for (int c = 0; c < 3; c++)
          sum[c] += bins[b].sum[c];
      for (int c = 0; c < 3; c++)
        self->palette[i][c] = (guint8) ((sum[c] + boxes[i].count / 2) / MAX (boxes[i].count, 1));
    }
  memset (self->cache_keys, 0, sizeof (guint32) << CACHE_BITS);
}

static guint
colour_distance (const guint8 *colour,
                 guint         r,
                 guint         g,
                 guint         b)
{
  int dr = (int) colour[0] - (int) r, dg = (int) colour[1] - (int) g, db = (int) colour[2] - (int) b;

  return (guint) (dr * dr + dg * dg + db * db);
}

static guint8
nearest (AtlasGifWriter *self,
         guint32         rgb)
{
  guint slot = ((rgb * 2654435761u) >> (32 - CACHE_BITS));
  guint r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
  guint best = G_MAXUINT;
  guint8 found = 0;

  if (self->cache_keys[slot] == (rgb | CACHE_VALID))
    return self->cache_indices[slot];
  for (guint i = 0; i < self->n_palette; i++)
    {
      guint distance = colour_distance (self->palette[i], r, g, b);

      if (distance < best)
        {
          best = distance;
          found = (guint8) i;
        }
    }
  self->cache_keys[slot] = rgb | CACHE_VALID;
  self->cache_indices[slot] = found;
  return found;
}

static const guint8 bayer4[4][4] = {
  { 0, 8, 2, 10 }, { 12, 4, 14, 6 }, { 3, 11, 1, 9 }, { 15, 7, 13, 5 },
};

/* The index of a pixel far from every palette colour, dithered: sixteen
 * palette colours whose mean comes close to the pixel's are found by carrying
 * each one's error into the next choice (pattern dithering, after Thomas
 * Knoll), sorted by brightness, and the 4×4 Bayer pattern picks one of them
 * at each place. */
static guint8
dither_pixel (AtlasGifWriter *self,
              guint32         rgb,
              int             x,
              int             y)
{
  int goal[3] = { rgb >> 16, (rgb >> 8) & 0xff, rgb & 0xff };
  int error[3] = { 0, 0, 0 };
  guint8 candidates[16];
  int brightness[16];

  for (guint i = 0; i < 16; i++)
    {
      int attempt[3];
      guint8 index;
      int j;

      for (int c = 0; c < 3; c++)
        attempt[c] = CLAMP (goal[c] + error[c] * DITHER_CARRY / 100, 0, 255);
      index = nearest (self, ((guint32) attempt[0] << 16) | ((guint32) attempt[1] << 8) | (guint32) attempt[2]);
      for (int c = 0; c < 3; c++)
        error[c] += goal[c] - self->palette[index][c];
      /* Kept sorted by brightness as they come. */
      for (j = (int) i; j > 0 && brightness[j - 1] > BRIGHTNESS (self->palette[index]); j--)
        {
          candidates[j] = candidates[j - 1];
          brightness[j] = brightness[j - 1];
        }
      candidates[j] = index;
      brightness[j] = BRIGHTNESS (self->palette[index]);
    }
  return candidates[bayer4[y & 3][x & 3]];
}

/* The rectangle's palette indices, and what the viewer shows after it. */
static void
map_frame (AtlasGifWriter *self,
           const guint8   *data,
           int             stride)
{
  guint8 *out = self->indices;

  for (int y = self->y0; y < self->y1; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);
      guint32 *shown = self->shown + (gsize) y * self->width;

      for (int x = self->x0; x < self->x1; x++, out++)
        {
          guint32 rgb = row[x] & 0xffffff;
          guint distance;

          if (!is_new (self, rgb, x, y))
            {
              *out = TRANSPARENT;
              continue;
            }
          shown[x] = rgb;
          *out = nearest (self, rgb);
          if (self->dither == ATLAS_GIF_DITHER_NONE)
            continue;
          distance = colour_distance (self->palette[*out], rgb >> 16, (rgb >> 8) & 0xff, rgb & 0xff);
          if (distance > NEAR_ENOUGH)
            *out = dither_pixel (self, rgb, x, y);
        }
    }
}

/* ------------------------------------------------------------------- LZW */

typedef struct
{
  AtlasGifWriter *writer;
  guint32 keys[LZW_HASH_SIZE];  /* (prefix << 8 | byte) + 1, 0 when empty */
  guint16 codes[LZW_HASH_SIZE];
  guint next_code;
  guint code_size;
  guint32 bits;
  guint n_bits;
  guint8 block[256];
  guint block_len;
} Lzw;

enum { MIN_CODE_SIZE = 8, CLEAR_CODE = 1 << MIN_CODE_SIZE, END_CODE = CLEAR_CODE + 1 };

/* Bytes go out in sub-blocks of at most 255, each after its length. */
static void
lzw_put_byte (Lzw    *lzw,
              guint8  byte)
{
  lzw->block[1 + lzw->block_len++] = byte;
  if (lzw->block_len == 255)
    {
      lzw->block[0] = 255;
      put_bytes (lzw->writer, lzw->block, 256);
      lzw->block_len = 0;
    }
}

/* Codes are packed least significant bit first. */
static void
lzw_put_code (Lzw  *lzw,
              guint code)
{
  lzw->bits |= (guint32) code << lzw->n_bits;
  lzw->n_bits += lzw->code_size;
  while (lzw->n_bits >= 8)
    {
      lzw_put_byte (lzw, lzw->bits & 0xff);
      lzw->bits >>= 8;
      lzw->n_bits -= 8;
    }
}

static void
lzw_reset (Lzw *lzw)
{
  memset (lzw->keys, 0, sizeof lzw->keys);
  lzw->next_code = END_CODE + 1;
  lzw->code_size = MIN_CODE_SIZE + 1;
}

/* Returns the slot of (prefix, byte): where its code is, or where it goes. */
static guint
lzw_find (Lzw    *lzw,
          guint32 key)
{
  guint slot = (key * 2654435761u) >> (32 - 13);

  while (lzw->keys[slot] != 0 && lzw->keys[slot] != key)
    slot = (slot + 1) & (LZW_HASH_SIZE - 1);
  return slot;
}

/* Compresses the indices in rows of @width from @pixels, @stride apart. */
static void
lzw_encode (AtlasGifWriter *self,
            const guint8   *pixels,
            int             width,
            int             height,
            gsize           stride)
{
  g_autofree Lzw *lzw = g_new0 (Lzw, 1);
  guint prefix = pixels[0];
  gboolean first = TRUE;

  lzw->writer = self;
  put_byte (self, MIN_CODE_SIZE);
  lzw_reset (lzw);
  lzw_put_code (lzw, CLEAR_CODE);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint byte = pixels[(gsize) y * stride + x];
        guint32 key;
        guint slot;

        if (first)
          {
            first = FALSE;
            continue;
          }
        key = ((prefix << 8) | byte) + 1;
        slot = lzw_find (lzw, key);
        if (lzw->keys[slot] == key)
          {
            prefix = lzw->codes[slot];
            continue;
          }
        lzw_put_code (lzw, prefix);
        lzw->keys[slot] = key;
        lzw->codes[slot] = (guint16) lzw->next_code++;
        /* The decoder adds its entry one code later: it widens its codes
         * once its table passes the current width. */
        if (lzw->next_code > (1u << lzw->code_size) && lzw->code_size < 12)
          lzw->code_size++;
        if (lzw->next_code == LZW_MAX_CODE)
          {
            lzw_put_code (lzw, CLEAR_CODE);
            lzw_reset (lzw);
          }
        prefix = byte;
      }
  lzw_put_code (lzw, prefix);
  /* The decoder adds an entry for that last code too. */
  if (lzw->next_code > END_CODE + 1 && lzw->next_code == (1u << lzw->code_size) && lzw->code_size < 12)
    lzw->code_size++;
  lzw_put_code (lzw, END_CODE);
  if (lzw->n_bits > 0)
    lzw_put_byte (lzw, lzw->bits & 0xff);
  if (lzw->block_len > 0)
    {
      lzw->block[0] = (guint8) lzw->block_len;
      put_bytes (self, lzw->block, lzw->block_len + 1);
    }
  put_byte (self, 0);
}

/* ---------------------------------------------------------------- frames */

/**
 * atlas_gif_writer_new:
 * @stream: where the GIF goes; the writer does not close it
 * @width: frame width in pixels, 1 to 65535
 * @height: frame height in pixels, 1 to 65535
 * @dither: how colours between palette colours are shown
 *
 * Returns: (transfer full): a writer; the file's header is written with the
 *   first frame, whose colours choose the global palette
 */
AtlasGifWriter *
atlas_gif_writer_new (GOutputStream  *stream,
                      int             width,
                      int             height,
                      AtlasGifDither  dither)
{
  AtlasGifWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);
  g_return_val_if_fail (width > 0 && width <= 65535 && height > 0 && height <= 65535, NULL);

  self = g_new0 (AtlasGifWriter, 1);
  self->stream = g_object_ref (stream);
  self->width = width;
  self->height = height;
  self->dither = dither;
  self->cache_keys = g_new0 (guint32, 1 << CACHE_BITS);
  self->cache_indices = g_new0 (guint8, 1 << CACHE_BITS);
  self->shown = g_new0 (guint32, (gsize) width * height);
  self->indices = g_new0 (guint8, (gsize) width * height);
  self->out = g_malloc (OUT_BUFFER);
  return self;
}

static void
write_header (AtlasGifWriter *self)
{
  static const guint8 loop[] = {
    0x21, 0xff, 11, 'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0',
    3, 1, 0, 0,                 /* loop count 0: forever */
    0,
  };

  put_bytes (self, "GIF89a", 6);
  put_u16 (self, self->width);
  put_u16 (self, self->height);
  /* A global colour table of 256 entries, 8 bits a primary. */
  put_byte (self, 0x80 | (7 << 4) | 7);
  put_byte (self, 0);           /* background colour */
  put_byte (self, 0);           /* square pixels */
  put_bytes (self, self->palette, sizeof self->palette);
  put_bytes (self, loop, sizeof loop);
}

/* The smallest rectangle holding every pixel that changed, or the whole frame
 * for the first; a single (transparent) pixel when none changed. */
static void
find_rectangle (AtlasGifWriter *self,
                const guint8   *data,
                int             stride)
{
  self->x0 = self->width;
  self->y0 = self->height;
  self->x1 = self->y1 = 0;
  for (int y = 0; y < self->height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);
      int left = 0, right = self->width;

      while (left < right && !is_new (self, row[left] & 0xffffff, left, y))
        left++;
      if (left == right)
        continue;
      while (!is_new (self, row[right - 1] & 0xffffff, right - 1, y))
        right--;
      self->x0 = MIN (self->x0, left);
      self->x1 = MAX (self->x1, right);
      self->y0 = MIN (self->y0, y);
      self->y1 = y + 1;
    }
  if (self->x1 == 0)
    {
      self->x0 = self->y0 = 0;
      self->x1 = self->y1 = 1;
    }
}

static void
write_image (AtlasGifWriter *self,
             guint           delay)
{
  gboolean later = self->n_frames > 0;

  /* Graphic control extension: leave the frame in place, its delay, and
   * whether the last index is transparent. */
  put_bytes (self, (const guint8[]) { 0x21, 0xf9, 4, (1 << 2) | (later ? 1 : 0) }, 4);
  put_u16 (self, MIN (delay, 65535));
  put_bytes (self, (const guint8[]) { TRANSPARENT, 0 }, 2);

  put_byte (self, 0x2c);
  put_u16 (self, self->x0);
  put_u16 (self, self->y0);
  put_u16 (self, self->x1 - self->x0);
  put_u16 (self, self->y1 - self->y0);
  if (later)
    {
      /* A local colour table of 256 entries; not interlaced. */
      put_byte (self, 0x80 | 7);
      put_bytes (self, self->palette, sizeof self->palette);
    }
  else
    put_byte (self, 0);         /* the global colour table; not interlaced */
  lzw_encode (self, self->indices, self->x1 - self->x0, self->y1 - self->y0, self->x1 - self->x0);
}

/**
 * atlas_gif_writer_add_frame:
 * @self: a writer
 * @frame: an RGB24 or ARGB32 image surface of the writer's size; alpha is ignored
 * @delay: how long the frame shows, in hundredths of a second
 *
 * Encodes and writes one frame.
 *
 * Returns: %TRUE, or %FALSE when the stream could not be written
 */
gboolean
atlas_gif_writer_add_frame (AtlasGifWriter   *self,
                            cairo_surface_t  *frame,
                            guint             delay,
                            GError          **error)
{
  const guint8 *data;
  int stride;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (cairo_image_surface_get_width (frame) == self->width &&
                        cairo_image_surface_get_height (frame) == self->height, FALSE);
  g_return_val_if_fail (cairo_image_surface_get_format (frame) == CAIRO_FORMAT_ARGB32 ||
                        cairo_image_surface_get_format (frame) == CAIRO_FORMAT_RGB24, FALSE);

  cairo_surface_flush (frame);
  data = cairo_image_surface_get_data (frame);
  stride = cairo_image_surface_get_stride (frame);
  find_rectangle (self, data, stride);
  choose_palette (self, data, stride);
  if (self->n_frames == 0)
    write_header (self);
  map_frame (self, data, stride);
  write_image (self, delay);
  self->n_frames++;
  flush_out (self);
  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }
  return TRUE;
}

/**
 * atlas_gif_writer_finish:
 * @self: a writer with at least one frame
 *
 * Ends the GIF and writes what is left in the buffer. The stream stays open.
 *
 * Returns: %TRUE, or %FALSE when the stream could not be written
 */
gboolean
atlas_gif_writer_finish (AtlasGifWriter  *self,
                         GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->n_frames > 0, FALSE);

  /* The trailer, twice: GStreamer's libav GIF demuxer (FFmpeg 5.1, Debian
   * 12) at times reads one byte past a trailer that ends the file and then
   * spins there for ever; every decoder stops at the first one. */
  put_bytes (self, "\x3b\x3b", 2);
  flush_out (self);
  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }
  return g_output_stream_flush (self->stream, NULL, error);
}

void
atlas_gif_writer_free (AtlasGifWriter *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->stream);
  g_free (self->cache_keys);
  g_free (self->cache_indices);
  g_free (self->shown);
  g_free (self->indices);
  g_free (self->out);
  g_clear_error (&self->error);
  g_free (self);
}

/**
 * atlas_gif_frame_delay:
 * @frame: a frame number, from 0
 * @fps: frames per second
 *
 * GIF delays are whole hundredths of a second. At a frame rate that does not
 * divide 100 the rounding is spread over the frames (at 30 fps: 3, 3, 4, 3, 3,
 * 4…), so that the first n frames last n / @fps seconds to the hundredth.
 *
 * Returns: the delay of @frame in hundredths of a second
 */
guint
atlas_gif_frame_delay (guint64 frame,
                       guint   fps)
{
  g_return_val_if_fail (fps > 0, 0);
  return (guint) (((frame + 1) * 100 + fps / 2) / fps - (frame * 100 + fps / 2) / fps);
}
