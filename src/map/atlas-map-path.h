/* atlas-map-path.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "atlas-map-projection.h"

G_BEGIN_DECLS

/* Appends lines in normalized coordinates to a cairo path in widget pixels,
 * dropping what cannot show: points closer than half a pixel to the previous one,
 * and the inside of runs of points that all lie beyond the same edge of the
 * (grown) widget. Dropping those keeps both strokes and fills exact inside the
 * widget, since the straight line that replaces such a run stays beyond that
 * edge. */
typedef struct
{
  cairo_t *cr;
  const AtlasMapProjection *projection;
  double x0, y0, x1, y1;   /* the widget grown by a margin */
} AtlasMapPath;

void atlas_map_path_init        (AtlasMapPath             *self,
                                 cairo_t                  *cr,
                                 const AtlasMapProjection *projection,
                                 double                    margin);
void atlas_map_path_add_floats  (AtlasMapPath             *self,
                                 const float              *xy,
                                 guint                     n_points,
                                 gboolean                  close);
void atlas_map_path_add_lon_lat (AtlasMapPath             *self,
                                 const double             *lon_lat,
                                 guint                     n_points,
                                 gboolean                  close);

G_END_DECLS
