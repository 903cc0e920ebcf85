/* map-test-helpers.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/atlas-dataset.h"

G_BEGIN_DECLS

AtlasDataset *map_test_load_bundled (void);

G_END_DECLS
