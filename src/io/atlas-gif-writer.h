/* atlas-gif-writer.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * AtlasGifDither:
 * @ATLAS_GIF_DITHER_NONE: each pixel takes the nearest palette colour
 * @ATLAS_GIF_DITHER_ORDERED: colours far from every palette colour are made
 *   of several, laid out in a 4×4 Bayer pattern fixed in place (so still areas
 *   stay still); for frames with more colours than a palette holds
 */
typedef enum
{
  ATLAS_GIF_DITHER_NONE,
  ATLAS_GIF_DITHER_ORDERED,
} AtlasGifDither;

typedef struct _AtlasGifWriter AtlasGifWriter;

AtlasGifWriter *atlas_gif_writer_new       (GOutputStream   *stream,
                                            int              width,
                                            int              height,
                                            AtlasGifDither   dither);
gboolean        atlas_gif_writer_add_frame (AtlasGifWriter  *self,
                                            cairo_surface_t *frame,
                                            guint            delay,
                                            GError         **error);
gboolean        atlas_gif_writer_finish    (AtlasGifWriter  *self,
                                            GError         **error);
void            atlas_gif_writer_free      (AtlasGifWriter  *self);
guint           atlas_gif_frame_delay      (guint64          frame,
                                            guint            fps);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasGifWriter, atlas_gif_writer_free)

G_END_DECLS
