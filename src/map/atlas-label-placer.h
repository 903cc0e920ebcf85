/* atlas-label-placer.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AtlasLabelPlacer AtlasLabelPlacer;

AtlasLabelPlacer *atlas_label_placer_new          (double            width,
                                                   double            height);
void              atlas_label_placer_free         (AtlasLabelPlacer *self);
gboolean          atlas_label_placer_is_free      (AtlasLabelPlacer *self,
                                                   double            x,
                                                   double            y,
                                                   double            width,
                                                   double            height);
void              atlas_label_placer_add          (AtlasLabelPlacer *self,
                                                   double            x,
                                                   double            y,
                                                   double            width,
                                                   double            height);
gboolean          atlas_label_placer_try_add      (AtlasLabelPlacer *self,
                                                   double            x,
                                                   double            y,
                                                   double            width,
                                                   double            height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasLabelPlacer, atlas_label_placer_free)

G_END_DECLS
