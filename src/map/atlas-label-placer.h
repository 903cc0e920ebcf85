/* atlas-label-placer.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <graphene.h>

G_BEGIN_DECLS

/* What a box on the map is, in the order labels give way: a label is only
 * placed where no box placed before it lies. */
typedef enum
{
  ATLAS_LABEL_OBSTACLE,       /* controls over the map */
  ATLAS_LABEL_MARKER,         /* a place's marker (id: the place) */
  ATLAS_LABEL_CLUSTER,        /* a cluster's disc (id: its first place) */
  ATLAS_LABEL_SELECTED,       /* the selected place's name (id: the place) */
  ATLAS_LABEL_PLACE,          /* a place's name (id: the place) */
  ATLAS_LABEL_CITY,           /* a base-map town, dot and name (id: the label) */
  ATLAS_LABEL_NAME,           /* another base-map name: river, district… (id: the label) */
} AtlasLabelKind;

typedef struct
{
  float x0, y0, x1, y1;
  guint8 kind;                /* AtlasLabelKind */
  guint id;
} AtlasLabelBox;

typedef struct _AtlasLabelPlacer AtlasLabelPlacer;

AtlasLabelPlacer    *atlas_label_placer_new       (double                  width,
                                                   double                  height);
AtlasLabelPlacer    *atlas_label_placer_copy      (const AtlasLabelPlacer *self);
void                 atlas_label_placer_free      (AtlasLabelPlacer       *self);
const AtlasLabelBox *atlas_label_placer_find      (const AtlasLabelPlacer *self,
                                                   const graphene_rect_t  *rect);
gboolean             atlas_label_placer_is_free   (const AtlasLabelPlacer *self,
                                                   const graphene_rect_t  *rect);
void                 atlas_label_placer_add       (AtlasLabelPlacer       *self,
                                                   AtlasLabelKind          kind,
                                                   guint                   id,
                                                   const graphene_rect_t  *rect);
gboolean             atlas_label_placer_try_add   (AtlasLabelPlacer       *self,
                                                   AtlasLabelKind          kind,
                                                   guint                   id,
                                                   const graphene_rect_t  *rect);
const AtlasLabelBox *atlas_label_placer_get_boxes (const AtlasLabelPlacer *self,
                                                   guint                  *n_boxes);
gboolean             atlas_label_placer_has       (const AtlasLabelPlacer *self,
                                                   AtlasLabelKind          kind,
                                                   guint                   id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasLabelPlacer, atlas_label_placer_free)

G_END_DECLS
