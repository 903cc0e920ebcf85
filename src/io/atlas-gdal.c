/* atlas-gdal.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#define ATLAS_GDAL_NO_REDIRECT
#include "atlas-gdal.h"
#include "model/atlas-error.h"

#define ATLAS_GDAL_DEFINE(name) __typeof__ (name) *atlas_gdal_##name;
ATLAS_GDAL_SYMBOLS (ATLAS_GDAL_DEFINE)
#undef ATLAS_GDAL_DEFINE

static GModule *module;
static char *load_error;

static gboolean
find (const char *name,
      gpointer   *slot)
{
  if (g_module_symbol (module, name, slot) && *slot != NULL)
    return TRUE;
  load_error = g_strdup_printf (_("the GDAL library has no function %s"), name);
  return FALSE;
}

static void
load_once (void)
{
  module = g_module_open (GDAL_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      load_error = g_strdup_printf (_("the GDAL library (%s) is not installed"), GDAL_SONAME);
      return;
    }
#define ATLAS_GDAL_FIND(name) if (!find (#name, (gpointer *) &atlas_gdal_##name)) return;
  ATLAS_GDAL_SYMBOLS (ATLAS_GDAL_FIND)
#undef ATLAS_GDAL_FIND

  atlas_gdal_GDALAllRegister ();
  /* Messages go through our report, never to the terminal. */
  atlas_gdal_CPLSetErrorHandler (atlas_gdal_CPLQuietErrorHandler);
}

/**
 * atlas_gdal_load:
 *
 * Opens GDAL once, from any thread.
 *
 * Returns: whether GDAL's functions can be called
 */
gboolean
atlas_gdal_load (GError **error)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      load_once ();
      g_once_init_leave (&once, 1);
    }
  if (load_error != NULL)
    {
      g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE, _("Foreign formats cannot be read: %s"), load_error);
      return FALSE;
    }
  return TRUE;
}
