/* atlas-error.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ATLAS_ERROR (atlas_error_quark ())

/**
 * AtlasError:
 * @ATLAS_ERROR_UNREADABLE: the file could not be read at all (missing, a directory,
 *   no permission, too large for the machine)
 * @ATLAS_ERROR_INVALID: the file was read but is not a valid dataset
 * @ATLAS_ERROR_FAILED: any other failure (for example writing an export)
 */
typedef enum
{
  ATLAS_ERROR_UNREADABLE,
  ATLAS_ERROR_INVALID,
  ATLAS_ERROR_FAILED,
} AtlasError;

GQuark atlas_error_quark (void);

G_END_DECLS
