/* atlas-basemap.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Feature kinds of the CYBASE01 format (data/basemap/README.md). */
typedef enum
{
  ATLAS_BASEMAP_COAST = 1,
  ATLAS_BASEMAP_NATIONAL_BORDER = 2,
  ATLAS_BASEMAP_PROVINCE_BORDER = 3,
  ATLAS_BASEMAP_PREFECTURE_BORDER = 4,
  ATLAS_BASEMAP_DISTRICT_BORDER = 5,
  ATLAS_BASEMAP_RIVER = 6,
  ATLAS_BASEMAP_LAKE = 7,
  ATLAS_BASEMAP_PROVINCE_AREA = 8,
  ATLAS_BASEMAP_DISTRICT_AREA = 9,
} AtlasBasemapKind;

typedef enum
{
  ATLAS_BASEMAP_LABEL_CAPITAL = 1,
  ATLAS_BASEMAP_LABEL_PREFECTURE = 2,
  ATLAS_BASEMAP_LABEL_DISTRICT = 3,
  ATLAS_BASEMAP_LABEL_TOWN = 4,
  ATLAS_BASEMAP_LABEL_RIVER = 5,
  ATLAS_BASEMAP_LABEL_OTHER = 6,
} AtlasBasemapLabelKind;

typedef struct
{
  guint32 first_point;
  guint32 n_points;
  float min_x, min_y, max_x, max_y;
} AtlasBasemapPart;

typedef struct
{
  guint8 kind;          /* AtlasBasemapKind */
  guint8 min_zoom;
  guint8 max_zoom;      /* 255: no upper limit */
  guint8 width_class;   /* 0 (smallest) to 3 */
  const char *name;
  const char *name_zh;
  guint32 first_part;
  guint32 n_parts;
  float min_x, min_y, max_x, max_y;
} AtlasBasemapFeature;

typedef struct
{
  float x;
  float y;
  float angle;          /* radians; rivers' names follow their river */
  guint8 kind;          /* AtlasBasemapLabelKind */
  guint8 min_zoom;
  const char *name;
  const char *name_zh;
} AtlasBasemapLabel;

typedef struct _AtlasBasemap AtlasBasemap;

#define ATLAS_BASEMAP_RESOURCE "/io/github/chengyu/Atlas/data/basemap.bin"

AtlasBasemap              *atlas_basemap_new_from_bytes  (GBytes       *bytes,
                                                          GError      **error);
AtlasBasemap              *atlas_basemap_get_default     (void);
AtlasBasemap              *atlas_basemap_ref             (AtlasBasemap *self);
void                       atlas_basemap_unref           (AtlasBasemap *self);

guint                      atlas_basemap_get_n_features  (AtlasBasemap *self);
const AtlasBasemapFeature *atlas_basemap_get_feature     (AtlasBasemap *self,
                                                          guint         index);
const AtlasBasemapPart    *atlas_basemap_get_part        (AtlasBasemap *self,
                                                          guint         index);
const float               *atlas_basemap_get_points      (AtlasBasemap *self,
                                                          const AtlasBasemapPart *part);
guint                      atlas_basemap_get_n_labels    (AtlasBasemap *self);
const AtlasBasemapLabel   *atlas_basemap_get_label       (AtlasBasemap *self,
                                                          guint         index);
gboolean                   atlas_basemap_feature_at_zoom (const AtlasBasemapFeature *feature,
                                                          int           zoom);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasBasemap, atlas_basemap_unref)

G_END_DECLS
