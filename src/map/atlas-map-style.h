/* atlas-map-style.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/atlas-dataset.h"

G_BEGIN_DECLS

/* Colours of one map style, as 0xRRGGBB. Light and dark styles share the sector
 * colours of the dataset, which are mid-tones that read on both. */
typedef struct
{
  gboolean dark;
  guint32 background;      /* land outside the provinces of the base map */
  guint32 province[2];     /* tints of Sichuan and Chongqing, alternating */
  guint32 water;
  guint32 water_outline;
  guint32 national_border;
  guint32 province_border;
  guint32 prefecture_border;
  guint32 district_border;
  guint32 text;
  guint32 text_minor;
  guint32 water_text;
  guint32 halo;
  guint32 marker_outline;
  guint32 no_sector;       /* places without a sector */
  guint32 selection;
  guint32 area;            /* districts of the dataset */
  guint32 cluster_fill;
} AtlasMapPalette;

/* Marker radii in pixels. */
#define ATLAS_MAP_RADIUS_IDLE 3.5    /* no event in the time window */
#define ATLAS_MAP_RADIUS_MIN 5.5
#define ATLAS_MAP_RADIUS_MAX 13.0
#define ATLAS_MAP_HIT_RADIUS 8.0

const AtlasMapPalette *atlas_map_palette_get            (gboolean       dark);
gboolean               atlas_map_widget_is_dark         (GtkWidget     *widget);

void                   atlas_map_set_source_rgb         (cairo_t       *cr,
                                                         guint32        rgb,
                                                         double         alpha);
double                 atlas_map_marker_radius          (guint          count,
                                                         guint          max_count);
void                   atlas_map_shape_path             (cairo_t       *cr,
                                                         AtlasKind      kind,
                                                         double         x,
                                                         double         y,
                                                         double         radius);
void                   atlas_map_draw_marker            (cairo_t       *cr,
                                                         AtlasKind      kind,
                                                         double         x,
                                                         double         y,
                                                         double         radius,
                                                         guint32        fill,
                                                         guint32        outline,
                                                         double         alpha);
void                   atlas_map_draw_text              (cairo_t       *cr,
                                                         PangoLayout   *layout,
                                                         double         x,
                                                         double         y,
                                                         guint32        color,
                                                         guint32        halo);
void                   atlas_map_append_focus_ring      (GtkWidget     *widget,
                                                         GtkSnapshot   *snapshot);
int                    atlas_map_kind_label_zoom        (AtlasKind      kind);
int                    atlas_map_kind_rank              (AtlasKind      kind);

G_END_DECLS
