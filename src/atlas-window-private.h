/* atlas-window-private.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-coordinator.h"
#include "atlas-view-state.h"
#include "atlas-window.h"
#include "map/atlas-map-view.h"
#include "panels/atlas-details-panel.h"
#include "panels/atlas-event-list.h"
#include "panels/atlas-filter-sidebar.h"
#include "panels/atlas-views-button.h"
#include "timeline/atlas-timeline.h"

G_BEGIN_DECLS

struct _AtlasWindow
{
  AdwApplicationWindow parent_instance;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkRevealer *progress_revealer;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GtkButton *banner_details_button;
  AdwFlap *flap;
  GtkPaned *vertical_paned;
  AdwFlap *details_flap;
  AtlasFilterSidebar *sidebar;
  AtlasMapView *map_view;
  AtlasDetailsPanel *details;
  AtlasTimeline *timeline;
  AtlasEventList *event_list;
  AtlasViewsButton *views_button;
  GMenu *recent_menu;

  GSettings *settings;

  /* What is on screen */
  AtlasDataset *dataset;
  GFile *file;
  AtlasFilter *filter;
  AtlasSelection *selection;
  AtlasPlayhead *playhead;
  AtlasCoordinator *coordinator;  /* decides what the views' intents change */

  /* Loading */
  GCancellable *load_cancellable;
  GFile *loading_file;
  char *loading_name;            /* what is loading, for the person; NULL when nothing is */
  char *loading_connection;      /* a database loading: its connection, password included */
  char *loading_layer;           /* ... and its table */
  char *source_name;             /* what is on screen when it is no file (a database table) */
  gboolean loading_is_reload;
  GVariant *pending_state;       /* applied when the file loading now has opened */
  gboolean keep_message;         /* the bundled dataset opens after a failure: keep saying why */
  gboolean reported_first_frame; /* the start-up time is logged once */
  AtlasReport *last_report;
  char *last_report_name;

  /* Watching the file on screen */
  GFileMonitor *monitor;
  guint reload_timeout_id;
  GtkRecentManager *recent;

  /* The split between the map and the timeline (atlas-window-panes.c) */
  guint split_idle_id;
  gboolean split_restored;
};

gboolean  atlas_window_is_bundled        (GFile               *file);
char     *atlas_window_display_name      (GFile               *file);
void      atlas_window_show_message      (AtlasWindow         *self,
                                          const char          *text,
                                          gboolean             has_details);
void      atlas_window_panes_class_init  (GtkWidgetClass      *widget_class);
void      atlas_window_panes_init        (AtlasWindow         *self);
void      atlas_window_panes_dispose     (AtlasWindow         *self);
void      atlas_window_hide_message      (AtlasWindow         *self);
void      atlas_window_apply_dataset     (AtlasWindow         *self,
                                          AtlasDataset        *dataset,
                                          GFile               *file);
GVariant *atlas_window_capture_state     (AtlasWindow         *self,
                                          AtlasViewStateFlags  flags);
void      atlas_window_apply_state       (AtlasWindow         *self,
                                          GVariant            *state,
                                          AtlasViewStateFlags  flags);

void      atlas_window_files_class_init  (GtkWidgetClass      *widget_class);
void      atlas_window_exports_class_init (GtkWidgetClass     *widget_class);
GtkFileChooserNative *
          atlas_window_new_chooser       (AtlasWindow         *self,
                                          const char          *title,
                                          GtkFileChooserAction action,
                                          const char          *accept);
void      atlas_window_files_init        (AtlasWindow         *self);
void      atlas_window_files_dispose     (AtlasWindow         *self);
void      atlas_window_watch_file        (AtlasWindow         *self);
void      atlas_window_open_database     (AtlasWindow         *self,
                                          const char          *connection,
                                          const char          *layer,
                                          const char          *sql,
                                          const char          *mapping_text);

G_END_DECLS
