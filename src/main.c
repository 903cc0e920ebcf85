/* main.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "atlas-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtlasApplication) app = NULL;
  const char *localedir = g_getenv ("CHENGYU_ATLAS_LOCALEDIR");

  atlas_application_mark_start ();

  setlocale (LC_ALL, "");
  /* An uninstalled build (meson devenv, the tests) finds its translations here. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = atlas_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
