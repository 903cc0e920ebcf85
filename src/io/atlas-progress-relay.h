/* atlas-progress-relay.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "atlas-json.h"

G_BEGIN_DECLS

typedef struct _AtlasProgressRelay AtlasProgressRelay;

AtlasProgressRelay *atlas_progress_relay_new    (GCancellable       *cancellable,
                                                 AtlasProgressFunc   func,
                                                 gpointer            data,
                                                 GDestroyNotify      destroy);
void                atlas_progress_relay_report (double              fraction,
                                                 gpointer            relay);
void                atlas_progress_relay_finish (AtlasProgressRelay *self);
void                atlas_progress_relay_unref  (AtlasProgressRelay *self);

G_END_DECLS
