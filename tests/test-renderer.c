/* test-renderer.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <epoxy/gl.h>
#include <string.h>

#include "atlas-application.h"
#include "test-wait.h"

/*
 * Which renderer the app's windows draw with. On a software GL driver (Mesa's
 * llvmpipe, as under Xvfb) the app's start-up picks GTK's cairo renderer, which
 * answers input several times sooner there; a GSK_RENDERER of the person's own
 * wins. GTK reads GSK_RENDERER once per process, so each case runs in a
 * subprocess of its own, with a real AtlasApplication started as the app is.
 */

static char *
gl_driver (void)
{
  g_autoptr(GdkGLContext) context = NULL;
  char *name;

  context = gdk_display_create_gl_context (gdk_display_get_default (), NULL);
  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return NULL;
  gdk_gl_context_make_current (context);
  name = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();
  return name;
}

static gboolean
is_realized (gpointer window)
{
  return gtk_native_get_renderer (GTK_NATIVE (window)) != NULL;
}

/* Starts the app as `chengyu-atlas` does (its start-up runs), opens a window
 * of it and returns the type name of the window's renderer. */
static const char *
renderer_of_app_window (void)
{
  AtlasApplication *app = atlas_application_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window;

  /* Not the one instance on the bus: other tests may run the app beside us. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = gtk_application_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  atlas_test_wait_until (is_realized, window, 20, "the window to be realized");
  return G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window)));
}

static void
test_software_gl_draws_with_cairo (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *driver = NULL;
      const char *renderer;

      g_unsetenv ("GSK_RENDERER");
      renderer = renderer_of_app_window ();
      driver = gl_driver ();
      g_test_message ("GL driver %s, renderer %s", driver != NULL ? driver : "(none)", renderer);
      if (driver == NULL || strstr (driver, "llvmpipe") == NULL)
        {
          g_test_skip ("This display's GL is not Mesa's llvmpipe");
          return;
        }
      g_assert_cmpstr (renderer, ==, "GskCairoRenderer");
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_own_choice_wins (void)
{
  if (g_test_subprocess ())
    {
      const char *renderer;

      g_setenv ("GSK_RENDERER", "gl", TRUE);
      renderer = renderer_of_app_window ();
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
      if (g_strcmp0 (renderer, "GskCairoRenderer") == 0)
        {
          g_test_skip ("This display has no GL at all");
          return;
        }
      g_assert_cmpstr (renderer, ==, "GskGLRenderer");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/renderer/software-gl-draws-with-cairo", test_software_gl_draws_with_cairo);
  g_test_add_func ("/renderer/own-choice-wins", test_own_choice_wins);

  return g_test_run ();
}
