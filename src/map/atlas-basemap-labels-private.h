/* atlas-basemap-labels-private.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-basemap.h"
#include "atlas-label-placer.h"
#include "atlas-map-projection.h"
#include "model/atlas-dataset.h"

G_BEGIN_DECLS

/* The base-map layer's names: where each goes, and drawing it. */
typedef struct _AtlasBasemapLabels AtlasBasemapLabels;

AtlasBasemapLabels     *atlas_basemap_labels_new            (GtkWidget                *widget,
                                                             AtlasBasemap             *basemap);
void                    atlas_basemap_labels_free           (AtlasBasemapLabels       *self);
void                    atlas_basemap_labels_forget_sprites (AtlasBasemapLabels       *self);
void                    atlas_basemap_labels_set_dataset    (AtlasBasemapLabels       *self,
                                                             AtlasDataset             *dataset);
void                    atlas_basemap_labels_draw           (AtlasBasemapLabels       *self,
                                                             cairo_t                  *cr,
                                                             const AtlasMapProjection *projection,
                                                             gboolean                  dark,
                                                             const AtlasLabelPlacer   *taken);
const AtlasLabelPlacer *atlas_basemap_labels_get_placer     (AtlasBasemapLabels       *self);
char                   *atlas_basemap_labels_describe       (AtlasBasemapLabels       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasBasemapLabels, atlas_basemap_labels_free)

G_END_DECLS
