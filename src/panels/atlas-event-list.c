/* atlas-event-list.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-event-item.h"
#include "atlas-event-list.h"
#include "atlas-event-sorter.h"
#include "atlas-sector-chips.h"

/*
 * The visible events as a sortable table: date (at its precision), title, places,
 * sectors. Picking a row asks for the event to be selected everywhere (an intent
 * for the coordinator); the list itself only shows the shared selection: the
 * selected event's row, or the rows of every visible event at the selected place,
 * selected and scrolled to. Rows come from AtlasEventModel, which makes them only
 * for the rows on screen.
 *
 * There is no guard against loops: when the rows selected are the rows the
 * shared selection stands for, a change of the row selection asks for nothing.
 */

struct _AtlasEventList
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkScrolledWindow *scrolled;
  GtkColumnView *column_view;
  GtkMultiSelection *rows;
  AtlasEventModel *model;

  AtlasFilter *filter;
  AtlasSelection *selection;
  guint attach_id;          /* puts the rows back in the table after a new dataset */
};

static void
atlas_event_list_intent_source_init (AtlasIntentSourceInterface *iface)
{
}

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasEventList, atlas_event_list, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ATLAS_TYPE_INTENT_SOURCE,
                                                      atlas_event_list_intent_source_init))

/* A place with more events than this has its first ones selected in the list. */
#define MAX_PLACE_ROWS 2000

typedef enum
{
  COLUMN_DATE,
  COLUMN_TITLE,
  COLUMN_PLACE,
  COLUMN_SECTORS,
} Column;

/* The cells are GtkInscriptions, not GtkLabels: an inscription's size does not
 * depend on its text, so a filter change that puts other events in the visible
 * rows changes texts without measuring them again. With labels, that measuring
 * (Pango shaping every new text, twice) was half of the main thread's work for
 * a search or a date range, and more than the drawing.
 *
 * A cell's tooltip is its whole text, for when it is ellipsized. It is read when
 * GTK asks for it: setting it on every bind made a filter change's rebinding of
 * the visible rows twice as slow. */
static gboolean
on_label_query_tooltip_cb (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard,
                           GtkTooltip *tooltip,
                           gpointer    user_data)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_label_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 0.0f);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), 24);
  if (GPOINTER_TO_INT (user_data) == COLUMN_DATE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (on_label_query_tooltip_cb), NULL);
  gtk_list_item_set_child (item, label);
}

static void
show_label (GtkListItem *item,
            gpointer     user_data)
{
  AtlasEventItem *event = gtk_list_item_get_item (item);
  GtkInscription *label = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  g_autofree char *owned = NULL;
  const char *text;

  switch (GPOINTER_TO_INT (user_data))
    {
    case COLUMN_DATE:
      text = owned = atlas_event_item_dup_date (event);
      break;
    case COLUMN_PLACE:
      text = owned = atlas_event_item_dup_places (event);
      break;
    case COLUMN_TITLE:
    default:
      text = atlas_event_item_get_title (event);
      break;
    }

  gtk_inscription_set_text (label, text);
  /* A label's accessible name is its text; an inscription's is not set for it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* A row stands for a position: when a filter change puts another event there, the
 * cell shows it (see atlas-event-item.c). */
static void
follow_row (GtkListItem *item,
            GCallback    show,
            gpointer     user_data)
{
  gulong id = g_signal_connect_object (gtk_list_item_get_item (item), "notify::event", show, item,
                                       G_CONNECT_SWAPPED);

  g_object_set_data (G_OBJECT (item), "atlas-row-handler", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data (G_OBJECT (item), "atlas-column", user_data);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gulong id = (gulong) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "atlas-row-handler"));
  gpointer row = gtk_list_item_get_item (item);

  if (id != 0 && row != NULL)
    g_signal_handler_disconnect (row, id);
  g_object_set_data (G_OBJECT (item), "atlas-row-handler", NULL);
}

static void
on_label_row_notify_cb (GtkListItem *item)
{
  show_label (item, g_object_get_data (G_OBJECT (item), "atlas-column"));
}

static void
on_label_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  show_label (item, user_data);
  follow_row (item, G_CALLBACK (on_label_row_notify_cb), user_data);
}

static void
on_chips_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  gtk_list_item_set_child (item, atlas_sector_chips_new ());
}

static void
show_chips (GtkListItem *item)
{
  AtlasEventItem *event = gtk_list_item_get_item (item);
  AtlasDataset *dataset = atlas_event_item_get_dataset (event);
  guint n;
  const guint32 *sectors = atlas_dataset_event_sectors (dataset, atlas_event_item_get_event (event), &n);

  atlas_sector_chips_set (ATLAS_SECTOR_CHIPS (gtk_list_item_get_child (item)), dataset, sectors, n);
}

static void
on_chips_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  show_chips (item);
  follow_row (item, G_CALLBACK (show_chips), NULL);
}

static void
add_column (AtlasEventList *self,
            const char     *title,
            Column          column,
            AtlasEventSort  key,
            int             fixed_width,
            gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  g_autoptr(GtkSorter) sorter = atlas_event_sorter_new (key);

  if (column == COLUMN_SECTORS)
    {
      g_signal_connect (factory, "setup", G_CALLBACK (on_chips_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (on_chips_bind_cb), NULL);
    }
  else
    {
      g_signal_connect (factory, "setup", G_CALLBACK (on_label_setup_cb), GINT_TO_POINTER (column));
      g_signal_connect (factory, "bind", G_CALLBACK (on_label_bind_cb), GINT_TO_POINTER (column));
    }
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), NULL);

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

/* GTK 4.8 has no gtk_column_view_scroll_to(); its list view has an action. */
static void
scroll_to (AtlasEventList *self,
           guint           position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
          return;
        }
    }
}

static void
add_row (AtlasEventList *self,
         GtkBitset      *rows,
         guint           event)
{
  guint position = atlas_event_model_find (self->model, event);

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_bitset_add (rows, position);
}

/* The rows the shared selection stands for: the selected event's, or those of
 * the selected place's visible events. */
static GtkBitset *
rows_for_selection (AtlasEventList *self)
{
  GtkBitset *rows = gtk_bitset_new_empty ();
  AtlasDataset *dataset = atlas_selection_get_dataset (self->selection);
  guint event = atlas_selection_get_event (self->selection);
  guint location = atlas_selection_get_location (self->selection);

  if (dataset == NULL || dataset != atlas_filter_get_dataset (self->filter))
    return rows;

  if (event != ATLAS_NONE)
    add_row (self, rows, event);
  else if (location != ATLAS_NONE)
    {
      guint n;
      const guint32 *events = atlas_dataset_location_events (dataset, location, &n);

      for (guint i = 0; i < MIN (n, MAX_PLACE_ROWS); i++)
        add_row (self, rows, events[i]);
    }
  return rows;
}

static void
show_selection (AtlasEventList *self)
{
  g_autoptr(GtkBitset) rows = rows_for_selection (self);
  g_autoptr(GtkBitset) all = gtk_bitset_new_range (0, g_list_model_get_n_items (G_LIST_MODEL (self->model)));
  g_autoptr(GtkBitset) current = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->rows));

  if (!gtk_bitset_equals (rows, current))
    gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->rows), rows, all);
  /* The table scrolls when its rows are back (attach_rows_cb()). */
  if (!gtk_bitset_is_empty (rows) && self->attach_id == 0)
    scroll_to (self, gtk_bitset_get_minimum (rows));
}

static void
on_selection_changed_cb (AtlasEventList *self,
                         AtlasSelection *selection)
{
  show_selection (self);
}

/* The person picked rows (click, keyboard): ask for the first picked event,
 * unless the rows already are what the shared selection stands for. */
static void
on_rows_selection_changed_cb (AtlasEventList    *self,
                              guint              position,
                              guint              n_items,
                              GtkSelectionModel *model)
{
  g_autoptr(GtkBitset) picked = gtk_selection_model_get_selection (model);
  g_autoptr(GtkBitset) shown = rows_for_selection (self);
  guint event;

  if (gtk_bitset_equals (picked, shown))
    return;
  if (gtk_bitset_is_empty (picked))
    {
      atlas_intent_emit_select (self, ATLAS_INTENT_CLEAR_SELECTION, ATLAS_NONE, ATLAS_ORIGIN_LIST);
      return;
    }
  event = atlas_event_model_get_event (self->model, gtk_bitset_get_minimum (picked));
  if (event != ATLAS_NONE)
    atlas_intent_emit_select (self, ATLAS_INTENT_SELECT_EVENT, event, ATLAS_ORIGIN_LIST);
}

static void
on_model_items_changed_cb (AtlasEventList *self,
                           guint           position,
                           guint           removed,
                           guint           added,
                           GListModel     *model)
{
  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (model) > 0 ? "list" : "empty");
  if (self->selection != NULL)
    show_selection (self);
}

static void
on_sorter_changed_cb (AtlasEventList *self,
                      GtkSorterChange change,
                      GtkSorter      *sorter)
{
  AtlasEventSort key = ATLAS_EVENT_SORT_DATE;
  gboolean descending = FALSE;

  if (self->model == NULL)
    return;

  atlas_event_sorter_read_column (sorter, &key, &descending);
  atlas_event_model_set_sort (self->model, key, descending);
  show_selection (self);
}

static gboolean
attach_rows_cb (gpointer data)
{
  AtlasEventList *self = data;

  self->attach_id = 0;
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->rows));
  show_selection (self);
  return G_SOURCE_REMOVE;
}

/* A new dataset: its rows come into the table in a main loop iteration of their
 * own, after every view has taken the dataset in. Making the rows on screen
 * (some two hundred widgets, each with its own Pango context) was two fifths of
 * the main thread's work when a 1M-event dataset landed; apart, no one step of
 * the landing holds the window as long. The model follows the filter as ever:
 * only the table waits. */
static void
on_filter_dataset_notify_cb (AtlasEventList *self)
{
  if (self->attach_id != 0)
    return;
  gtk_column_view_set_model (self->column_view, NULL);
  self->attach_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, attach_rows_cb, self, NULL);
}

/* After the model's own handler (connected first): rows keep their positions over
 * a filter change, so the selected event is looked for again. */
static void
on_filter_changed_cb (AtlasEventList *self)
{
  on_model_items_changed_cb (self, 0, 0, 0, G_LIST_MODEL (self->model));
}

static void
atlas_event_list_dispose (GObject *object)
{
  AtlasEventList *self = (AtlasEventList *) object;

  g_clear_handle_id (&self->attach_id, g_source_remove);
  if (self->stack != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->stack));
  self->stack = NULL;
  g_clear_object (&self->rows);
  g_clear_object (&self->model);
  g_clear_object (&self->filter);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (atlas_event_list_parent_class)->dispose (object);
}

static void
atlas_event_list_class_init (AtlasEventListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_event_list_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "eventlist");
}

static void
atlas_event_list_init (AtlasEventList *self)
{
  GtkWidget *empty;

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (self->column_view, FALSE);
  gtk_column_view_set_reorderable (self->column_view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Events"), -1);
  add_column (self, _("Date"), COLUMN_DATE, ATLAS_EVENT_SORT_DATE, 170, FALSE);
  add_column (self, _("Title"), COLUMN_TITLE, ATLAS_EVENT_SORT_TITLE, -1, TRUE);
  add_column (self, C_("event list column", "Place"), COLUMN_PLACE, ATLAS_EVENT_SORT_PLACE, 220, FALSE);
  add_column (self, _("Sectors"), COLUMN_SECTORS, ATLAS_EVENT_SORT_SECTOR, 220, FALSE);

  self->scrolled = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_child (self->scrolled, GTK_WIDGET (self->column_view));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->scrolled), "list");

  empty = gtk_label_new (_("No events match the filters"));
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_stack_add_named (self->stack, empty, "empty");

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

void
atlas_event_list_set_models (AtlasEventList *self,
                             AtlasFilter    *filter,
                             AtlasSelection *selection)
{
  g_return_if_fail (ATLAS_IS_EVENT_LIST (self));
  g_return_if_fail (ATLAS_IS_FILTER (filter));
  g_return_if_fail (ATLAS_IS_SELECTION (selection));
  g_return_if_fail (self->filter == NULL);

  self->filter = g_object_ref (filter);
  self->selection = g_object_ref (selection);
  self->model = atlas_event_model_new (filter);

  self->rows = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->rows));

  g_signal_connect_object (self->rows, "selection-changed", G_CALLBACK (on_rows_selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_model_items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (selection, "changed", G_CALLBACK (on_selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (filter, "changed", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (filter, "notify::dataset", G_CALLBACK (on_filter_dataset_notify_cb), self,
                           G_CONNECT_SWAPPED);
  on_model_items_changed_cb (self, 0, 0, 0, G_LIST_MODEL (self->model));
}

AtlasEventModel *
atlas_event_list_get_model (AtlasEventList *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_LIST (self), NULL);

  return self->model;
}

GtkColumnView *
atlas_event_list_get_column_view (AtlasEventList *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_LIST (self), NULL);

  return self->column_view;
}
