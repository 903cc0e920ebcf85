/* atlas-error.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "atlas-error.h"

G_DEFINE_QUARK (atlas-error-quark, atlas_error)
