/* atlas-time-scale.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The maths of the timeline, with no widget and no display, so that tests can
 * drive it: the mapping between days and pixels, the calendar steps the axis is
 * ticked in (from days to hundreds of millennia), and lane packing of glyphs.
 */

/* How far the view may be zoomed: at least a couple of days across, at most the
 * whole range of years a dataset may hold. */
#define ATLAS_TIME_SCALE_MIN_SPAN_DAYS 2.0
#define ATLAS_TIME_SCALE_MIN_DAY (-366000000.0)
#define ATLAS_TIME_SCALE_MAX_DAY (366000000.0)

typedef struct
{
  double start;        /* the day (fractional) at x = 0 */
  double days_per_px;
  double width;        /* in pixels */
} AtlasTimeScale;

void     atlas_time_scale_init        (AtlasTimeScale       *scale,
                                       double                start,
                                       double                end,
                                       double                width);
double   atlas_time_scale_day_to_x    (const AtlasTimeScale *scale,
                                       double                day);
double   atlas_time_scale_x_to_day    (const AtlasTimeScale *scale,
                                       double                x);
double   atlas_time_scale_get_end     (const AtlasTimeScale *scale);
double   atlas_time_scale_get_span    (const AtlasTimeScale *scale);
void     atlas_time_scale_set_width   (AtlasTimeScale       *scale,
                                       double                width);
void     atlas_time_scale_zoom        (AtlasTimeScale       *scale,
                                       double                factor,
                                       double                anchor_x);
void     atlas_time_scale_pan         (AtlasTimeScale       *scale,
                                       double                dx);
void     atlas_time_scale_fit         (AtlasTimeScale       *scale,
                                       double                first_day,
                                       double                end_day,
                                       double                margin_px);

typedef enum
{
  ATLAS_TIME_UNIT_DAY,
  ATLAS_TIME_UNIT_MONTH,
  ATLAS_TIME_UNIT_YEAR,
  ATLAS_N_TIME_UNITS
} AtlasTimeUnit;

typedef struct
{
  AtlasTimeUnit unit;
  guint count;
} AtlasTimeStep;

guint    atlas_time_step_get_n_candidates (void);
AtlasTimeStep atlas_time_step_get_candidate (guint             index);
gint32   atlas_time_step_floor        (AtlasTimeStep         step,
                                       gint32                day);
gint32   atlas_time_step_next         (AtlasTimeStep         step,
                                       gint32                tick);
gint32   atlas_time_step_round        (AtlasTimeStep         step,
                                       double                day);
gint32   atlas_time_step_add          (AtlasTimeStep         step,
                                       gint32                day,
                                       int                   n);
double   atlas_time_step_get_days     (AtlasTimeStep         step);
double   atlas_time_step_get_min_days (AtlasTimeStep         step);
gboolean atlas_time_step_divides      (AtlasTimeStep         minor,
                                       AtlasTimeStep         major);
gboolean atlas_time_step_equal        (AtlasTimeStep         a,
                                       AtlasTimeStep         b);

/* The steps the axis uses at one zoom level. */
typedef struct
{
  AtlasTimeStep major;    /* labelled ticks; also the keyboard step */
  AtlasTimeStep minor;    /* unlabelled ticks between them */
  gboolean has_minor;
  AtlasTimeStep context;  /* a second row of labels ("June 2020" over days) */
  gboolean has_context;
  AtlasTimeStep page;     /* Page Up / Page Down */
} AtlasTickChoice;

/* Gaps the axis keeps around labels and between unlabelled ticks, in pixels. */
#define ATLAS_TIME_SCALE_LABEL_PAD 8.0
#define ATLAS_TIME_SCALE_MIN_MAJOR_PX 36.0
#define ATLAS_TIME_SCALE_MIN_MINOR_PX 5.0

void     atlas_time_scale_choose_ticks (const AtlasTimeScale *scale,
                                        const double          label_px[ATLAS_N_TIME_UNITS],
                                        AtlasTickChoice      *choice);
guint    atlas_time_scale_list_ticks  (const AtlasTimeScale *scale,
                                       AtlasTimeStep         step,
                                       gint32               *ticks,
                                       guint                 max_ticks);

/* Lane packing: items sorted by x0 go into the lowest lane that is free. */
#define ATLAS_LANES_OVERFLOW G_MAXUINT

guint    atlas_lanes_pack             (const double         *x0,
                                       const double         *x1,
                                       guint                 n,
                                       double                gap,
                                       guint                 max_lanes,
                                       guint                *lanes);

G_END_DECLS
