/* atlas-timeline-canvas-private.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-time-bins.h"
#include "atlas-timeline-canvas.h"

G_BEGIN_DECLS

/* Vertical layout of the canvas, top to bottom: the brush strip, the events,
 * the axis with a row of tick labels and a row of context labels. */
#define ATLAS_TIMELINE_BRUSH_HEIGHT 16.0
#define ATLAS_TIMELINE_AXIS_HEIGHT 34.0

/* Glyph sizes: half the width of a point, and the pitch of the lanes. */
#define ATLAS_TIMELINE_POINT_RADIUS 4.0
#define ATLAS_TIMELINE_GLYPH_GAP 2.0
#define ATLAS_TIMELINE_MIN_PITCH 5.0
#define ATLAS_TIMELINE_MAX_PITCH 13.0

typedef enum
{
  ATLAS_GLYPH_POINT,  /* a day */
  ATLAS_GLYPH_SPAN,   /* a month or a year, with soft ends */
  ATLAS_GLYPH_RANGE,  /* from a start to an end */
} AtlasGlyphKind;

typedef struct
{
  guint32 event;
  guint16 lane;
  guint8 kind;       /* AtlasGlyphKind */
  guint8 visible;    /* passes the filter; the others are drawn as ghosts */
  double x0, x1;     /* horizontal extent in pixels */
} AtlasGlyph;

/* The brush modes come last: "drag >= ATLAS_DRAG_BRUSH_NEW" means a brush drag. */
typedef enum
{
  ATLAS_DRAG_NONE,
  ATLAS_DRAG_PENDING,       /* pressed on the events: a click or a pan */
  ATLAS_DRAG_PAN,
  ATLAS_DRAG_SCRUB,
  ATLAS_DRAG_BRUSH_NEW,
  ATLAS_DRAG_BRUSH_MOVE,
  ATLAS_DRAG_BRUSH_START,
  ATLAS_DRAG_BRUSH_END,
} AtlasDragMode;

struct _AtlasTimelineCanvas
{
  GtkWidget parent_instance;

  AtlasFilter *filter;
  AtlasSelection *selection;
  AtlasPlayhead *playhead;

  /* What the caches below were built for. */
  AtlasDataset *dataset;
  gboolean has_dates;
  gint32 first_day;
  gint32 end_day;
  guint n_groups;
  guint32 *group_colors;     /* 0xRRGGBB per group: the sectors' colours, then grey */
  guint16 *event_groups;     /* per event: its group */
  gint32 *start_ends;        /* per event: the end of the days its start may be on */
  AtlasTimeBins *all_bins;   /* every event, one group: the ghosts */
  AtlasTimeBins *visible_bins;   /* may be unfiltered_bins */
  AtlasTimeBins *unfiltered_bins;   /* every event by group, once nothing was filtered out */

  AtlasTimeScale scale;
  gboolean fitted;           /* showing all dates until the user zooms or pans */

  /* Glyph layout for the current scale and size, or dense. */
  gboolean layout_valid;
  gboolean dense;
  GArray *glyphs;            /* AtlasGlyph */
  guint n_lanes;
  double lane_pitch;

  GtkBitset *highlight;      /* events of the selection */
  guint selected_event;

  gboolean has_brush;
  gint32 brush_start;
  gint32 brush_end;

  AtlasDragMode drag;
  gboolean moved;
  double press_x, press_y;
  double last_x;
  double pointer_x;          /* for zooming around the pointer, or -1 */
  gint32 drag_brush_start;
  gint32 drag_brush_end;
  double drag_anchor_day;
  guint32 last_click_time;
  double last_click_x, last_click_y;
  double zoom_begin_span;
  double zoom_last_scale;

  /* Widest tick label of each unit, measured once per font. */
  double label_px[ATLAS_N_TIME_UNITS];
  guint label_font_hash;
  gboolean label_chinese;
};

void     atlas_timeline_canvas_invalidate_layout (AtlasTimelineCanvas *self);
void     atlas_timeline_canvas_view_changed   (AtlasTimelineCanvas *self);
double   atlas_timeline_canvas_area_top       (AtlasTimelineCanvas *self);
double   atlas_timeline_canvas_area_bottom    (AtlasTimelineCanvas *self);
void     atlas_timeline_canvas_ensure_caches  (AtlasTimelineCanvas *self);
void     atlas_timeline_canvas_ensure_layout  (AtlasTimelineCanvas *self);
void     atlas_timeline_canvas_measure_labels (AtlasTimelineCanvas *self);
double   atlas_timeline_canvas_lane_y         (AtlasTimelineCanvas *self,
                                               guint                lane);
char    *atlas_timeline_format_tick           (AtlasTimeStep        step,
                                               gint32               day);
char    *atlas_timeline_format_context        (AtlasTimeStep        step,
                                               gint32               day);
char    *atlas_timeline_format_range          (gint32               start,
                                               gint32               end);
void     atlas_timeline_canvas_init_input     (AtlasTimelineCanvas *self);
gboolean atlas_timeline_canvas_query_tooltip  (GtkWidget           *widget,
                                               int                  x,
                                               int                  y,
                                               gboolean             keyboard,
                                               GtkTooltip          *tooltip);
void     atlas_timeline_canvas_render         (AtlasTimelineCanvas *self,
                                               GtkSnapshot         *snapshot);
void     atlas_timeline_canvas_draw_periods   (AtlasTimelineCanvas *self,
                                               GtkSnapshot         *snapshot);
guint    atlas_timeline_canvas_period_at      (AtlasTimelineCanvas *self,
                                               double               x,
                                               double               y);
char    *atlas_timeline_describe_periods      (AtlasDataset        *dataset);

G_END_DECLS
