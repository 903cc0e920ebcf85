/* atlas-import-geometry.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/atlas-dataset-private.h"
#include "atlas-gdal.h"

G_BEGIN_DECLS

gboolean atlas_import_geometry (AtlasDataset *ds,
                                OGRGeometryH  geometry,
                                AtlasPoint   *point,
                                guint32      *shape);

G_END_DECLS
