/* atlas-renderer.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <epoxy/gl.h>
#include <string.h>

#include "atlas-renderer.h"

/*
 * Which of GTK's renderers draws the windows.
 *
 * GTK 4.8 draws with OpenGL wherever it can create a context, and on a machine
 * without a GPU that context is Mesa's software rasterizer (llvmpipe). There, the GL
 * renderer is the slowest way to draw: every frame's pixels are shaded on the CPU
 * in JIT-compiled shaders, and each layer of the map is uploaded as a texture first.
 * In the benchmark's window part on this project's 2-core machine under Xvfb,
 * with cairo a pan took 31 ms against GL's 85 at 1k events, and a sector tick
 * 106 ms against 228 at 1M (see benchmarks/README.md). So when there is no GPU
 * to draw with, or the GL driver is a software one, the windows draw with cairo.
 * A person's own GSK_RENDERER always wins.
 */

static const char *const software_drivers[] = { "llvmpipe", "softpipe", "Software Rasterizer", "SWR" };

static gboolean
is_software (const char *renderer)
{
  for (guint i = 0; i < G_N_ELEMENTS (software_drivers); i++)
    if (strstr (renderer, software_drivers[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Whether the kernel offers a GPU to draw with: a DRM render node, or NVIDIA's
 * own device. Without one, Mesa can only rasterize on the CPU; asking it (a GL
 * context made only to read its name) would cost a start-up some 200 ms of
 * loading LLVM for nothing. */
static gboolean
has_gpu_device (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/dev/dri", 0, NULL);
  const char *name;

  if (g_file_test ("/dev/nvidia0", G_FILE_TEST_EXISTS))
    return TRUE;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "renderD"))
        return TRUE;
    }
  return FALSE;
}

/* The GL driver's name, or NULL when @display can make no GL context. */
static char *
gl_renderer_name (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  char *result;

  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_debug ("no GL context: %s", error != NULL ? error->message : "unknown reason");
      return NULL;
    }
  gdk_gl_context_make_current (context);
  name = (const char *) glGetString (GL_RENDERER);
  result = g_strdup (name != NULL ? name : "");
  gdk_gl_context_clear_current ();
  return result;
}

/**
 * atlas_renderer_choose:
 * @display: the display the windows will open on
 *
 * Picks GTK's cairo renderer for the windows when OpenGL on @display is a
 * software rasterizer (there is no GPU device, or the GL driver says it is one)
 * and the person has not chosen a renderer with `GSK_RENDERER`. Call it once, before the first window is realized: GTK reads
 * `GSK_RENDERER` when it makes its first renderer.
 *
 * Returns: the renderer chosen ("cairo"), or NULL when GTK chooses as usual
 */
const char *
atlas_renderer_choose (GdkDisplay *display)
{
  g_autofree char *gl = NULL;

  if (display == NULL || g_getenv ("GSK_RENDERER") != NULL)
    return NULL;

  if (!has_gpu_device ())
    {
      g_debug ("No GPU device: drawing with cairo");
    }
  else
    {
      gl = gl_renderer_name (display);
      if (gl == NULL || !is_software (gl))
        {
          g_debug ("GL driver %s: GTK chooses the renderer", gl != NULL ? gl : "(none)");
          return NULL;
        }
      /* Xvfb, for one, gives software GL on a machine with a GPU. */
      g_debug ("GL driver %s draws on the CPU: drawing with cairo instead", gl);
    }
  /* GTK has not made a renderer yet, and reads this when it makes the first. */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  return "cairo";
}
