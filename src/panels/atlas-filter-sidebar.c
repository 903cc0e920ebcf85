/* atlas-filter-sidebar.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-filter-sidebar.h"
#include "atlas-swatch.h"
#include "model/atlas-date.h"
#include "model/atlas-locale.h"

/*
 * The filters: a search entry, the date range (the timeline's brush, editable as
 * dates), and one group of toggles per facet — sectors, districts, kinds of place —
 * each toggle with its live count: how many events would be visible with that
 * value ticked, given the other filters. Everything here only writes to the
 * AtlasFilter and redraws from it.
 */

typedef struct
{
  AtlasFacet facet;
  guint value;
  GtkCheckButton *check;
  GtkInscription *count;   /* not a label: a new count redraws, it does not relayout */
  guint shown_count;        /* what the row shows, G_MAXUINT before the first count */
  gboolean shown_active;
  GtkWidget *row;
  char *name;
} Toggle;

struct _AtlasFilterSidebar
{
  GtkWidget parent_instance;

  /* Template children */
  GtkWidget *scrolled;
  GtkSearchEntry *search_entry;
  GtkLabel *summary;
  GtkButton *clear_button;
  GtkEntry *from_entry;
  GtkEntry *to_entry;
  GtkLabel *from_message;
  GtkLabel *to_message;
  GtkButton *clear_dates_button;
  GtkWidget *groups[ATLAS_N_FACETS];
  GtkListBox *lists[ATLAS_N_FACETS];
  GtkWidget *all_buttons[ATLAS_N_FACETS];
  GtkWidget *none_buttons[ATLAS_N_FACETS];

  GArray *toggles;  /* Toggle */
  /* Of each facet, the values from next_value to end_value still want a row
   * (see FIRST_ROWS); n_rows is how many its list has. */
  guint next_value[ATLAS_N_FACETS];
  guint end_value[ATLAS_N_FACETS];
  guint n_rows[ATLAS_N_FACETS];
  guint add_rows_tick;  /* waits for the first frame after the landing */
  guint add_rows_id;

  AtlasFilter *filter;
  AtlasSelection *selection;
  AtlasPlayhead *playhead;
  AtlasDataset *dataset;
};

G_DEFINE_FINAL_TYPE (AtlasFilterSidebar, atlas_filter_sidebar, GTK_TYPE_WIDGET)

/* Making a row (its check button, label, count, tooltip and accessible object,
 * putting it on screen, styling and measuring it in the next frame) costs a
 * fraction of a millisecond, and a dataset can have hundreds of districts: made
 * all at once, they stalled the window as the dataset landed.
 *
 * So the rows of each facet made at once are more than a tall window shows, and
 * its last row. Once the first frame after the landing has begun, a low-priority
 * idle makes the others, in order, inserted before the last row, for at most
 * ADD_ROWS_BUDGET_US at a time: between frames, each of which lays out only the
 * rows made since the one before. (Made before the next frame instead, they all
 * cost that frame, which took longer than the landing had saved.) The last row
 * is there from the start so that no row on screen changes place in the list
 * (:first-child, :last-child): its style would change, and a boxed list's rows
 * animate such a change, which kept frames coming for 150 ms after each batch. */
#define FIRST_ROWS 24
#define ADD_ROWS_BUDGET_US 6000

static void
clear_toggle (gpointer data)
{
  Toggle *toggle = data;

  g_clear_pointer (&toggle->name, g_free);
}

static void
update_toggle (AtlasFilterSidebar *self,
               Toggle             *toggle)
{
  guint count = atlas_filter_get_value_count (self->filter, toggle->facet, toggle->value);
  gboolean active = atlas_filter_get_value (self->filter, toggle->facet, toggle->value);
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;

  /* Hundreds of rows: touch only those whose figures changed. */
  if (count == toggle->shown_count && active == toggle->shown_active)
    return;
  toggle->shown_count = count;
  toggle->shown_active = active;
  text = g_strdup_printf ("%u", count);
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u event", "%s, %u events", count),
                           toggle->name, count);

  gtk_inscription_set_text (toggle->count, text);
  gtk_check_button_set_active (toggle->check, active);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle->check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* The row is what takes the focus: it is named and checked as its box is. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle->row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (toggle->row), GTK_ACCESSIBLE_STATE_CHECKED,
                               active ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
  /* A value no event would match is dimmed, but stays clickable. */
  gtk_widget_set_opacity (toggle->row, count > 0 || active ? 1.0 : 0.55);
}

/* The rows still to be made show the filter as it is when they are made. */
static void
update_counts (AtlasFilterSidebar *self)
{
  for (guint i = 0; i < self->toggles->len; i++)
    update_toggle (self, &g_array_index (self->toggles, Toggle, i));
}

/* "by 25 April 2020", "from 1 March 2020 to 31 May 2020": when the playhead
 * leaves visible events out, the moment the counts are for. */
static char *
describe_moment (AtlasPlayhead *playhead)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gint32 start, end;

  if (atlas_playhead_get_mode (playhead) == ATLAS_PLAYHEAD_CUMULATIVE)
    {
      g_autofree char *day = atlas_date_format (atlas_playhead_get_day (playhead), ATLAS_PRECISION_DAY);

      /* Translators: the moment counts are for, e.g. "by 25 April 2020" */
      return g_strdup_printf (_("by %s"), day);
    }
  atlas_playhead_get_window (playhead, &start, &end);
  from = atlas_date_format (start, ATLAS_PRECISION_DAY);
  to = atlas_date_format (end - 1, ATLAS_PRECISION_DAY);
  /* Translators: the playhead's window counts are for, e.g. "from 1 March 2020 to 31 May 2020" */
  return g_strdup_printf (_("from %1$s to %2$s"), from, to);
}

/* The numbers say what the map draws: with the playhead before the end, the
 * events and places that have happened by then ("12 of 39 events by 25 April
 * 2020, 8 places"). */
static void
update_summary (AtlasFilterSidebar *self)
{
  guint n_events = self->dataset != NULL ? atlas_dataset_get_n_events (self->dataset) : 0;
  guint visible_events = (guint) gtk_bitset_get_size (atlas_filter_get_events (self->filter));
  guint visible_places = (guint) gtk_bitset_get_size (atlas_filter_get_locations (self->filter));
  gboolean partial = self->playhead != NULL && atlas_playhead_is_partial (self->playhead);
  g_autofree char *events = NULL;
  g_autofree char *places = NULL;
  g_autofree char *text = NULL;

  if (partial)
    {
      g_autofree char *moment = describe_moment (self->playhead);

      visible_events = atlas_playhead_get_n_active_events (self->playhead);
      visible_places = atlas_playhead_get_n_active_places (self->playhead);
      /* Translators: e.g. "12 of 39 events by 25 April 2020" */
      events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u event %3$s",
                                             "%1$u of %2$u events %3$s", n_events),
                                visible_events, n_events, moment);
    }
  else
    events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u event", "%u of %u events", n_events),
                              visible_events, n_events);
  places = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u place", "%u places", visible_places),
                            visible_places);
  /* Translators: the filter summary, e.g. "42 of 57 events, 18 places" */
  text = g_strdup_printf (_("%1$s, %2$s"), events, places);
  gtk_label_set_text (self->summary, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), atlas_filter_is_active (self->filter));
}

static GtkLabel *
message_of (AtlasFilterSidebar *self,
            GtkEntry           *entry)
{
  return entry == self->from_entry ? self->from_message : self->to_message;
}

/* Says what is wrong with a date field under it, in its tooltip and to a screen
 * reader; a NULL problem clears all three. */
static void
set_entry_problem (AtlasFilterSidebar *self,
                   GtkEntry           *entry,
                   const char         *problem)
{
  GtkLabel *message = message_of (self, entry);
  const char *hint = _("A year, a month or a day: 2020, 2020-06 or 2020-06-05");

  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_label_set_text (message, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (message), problem != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), problem != NULL ? problem : hint);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  problem != NULL ? problem : hint, -1);
}

static void
set_entry_date (AtlasFilterSidebar *self,
                GtkEntry           *entry,
                gint32              day,
                gboolean            set)
{
  g_autofree char *text = set ? atlas_date_to_iso (day, ATLAS_PRECISION_DAY) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  set_entry_problem (self, entry, NULL);
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
update_dates (AtlasFilterSidebar *self)
{
  gint32 start = 0, end = 0;
  gboolean set = atlas_filter_get_date_range (self->filter, &start, &end);

  /* Do not overwrite what the user is typing. */
  if (!has_focus_within (GTK_WIDGET (self->from_entry)))
    set_entry_date (self, self->from_entry, start, set);
  if (!has_focus_within (GTK_WIDGET (self->to_entry)))
    set_entry_date (self, self->to_entry, end - 1, set);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_dates_button), set);
}

static void on_search_entry_search_changed_cb (GtkSearchEntry     *entry,
                                               AtlasFilterSidebar *self);

static void
on_filter_changed_cb (AtlasFilterSidebar *self,
                      AtlasFilter        *filter)
{
  update_counts (self);
  update_summary (self);
  update_dates (self);
  /* The entry shows the filter's text (a saved view, Clear), unless the person
   * is typing in it. Setting it is not the person's input: GtkSearchEntry
   * reports the emptied entry at once, in the middle of the change, so its
   * handler is blocked meanwhile (and the text copied, as the filter owns it). */
  if (!has_focus_within (GTK_WIDGET (self->search_entry)) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), atlas_filter_get_text (filter)) != 0)
    {
      g_autofree char *text = g_strdup (atlas_filter_get_text (filter));

      g_signal_handlers_block_by_func (self->search_entry, on_search_entry_search_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
      g_signal_handlers_unblock_by_func (self->search_entry, on_search_entry_search_changed_cb, self);
    }
}

/* A row is one Tab stop: the row takes the focus and the click, and activating
 * it (Space, Enter or a click) flips its box, which only shows the state. */
static void
on_facet_list_row_activated_cb (GtkListBox         *list,
                                GtkListBoxRow      *row,
                                AtlasFilterSidebar *self)
{
  for (guint i = 0; i < self->toggles->len; i++)
    {
      Toggle *toggle = &g_array_index (self->toggles, Toggle, i);

      if (toggle->row == GTK_WIDGET (row))
        {
          atlas_filter_set_value (self->filter, toggle->facet, toggle->value,
                                  !atlas_filter_get_value (self->filter, toggle->facet, toggle->value));
          return;
        }
    }
}

static AtlasFacet
facet_of_button (AtlasFilterSidebar *self,
                 GtkButton          *button)
{
  for (AtlasFacet f = 0; f < ATLAS_N_FACETS; f++)
    if (GTK_WIDGET (button) == self->all_buttons[f] || GTK_WIDGET (button) == self->none_buttons[f])
      return f;
  g_return_val_if_reached (ATLAS_FACET_SECTOR);
}

static void
on_all_button_clicked_cb (GtkButton          *button,
                          AtlasFilterSidebar *self)
{
  atlas_filter_set_all_values (self->filter, facet_of_button (self, button), TRUE);
}

static void
on_none_button_clicked_cb (GtkButton          *button,
                           AtlasFilterSidebar *self)
{
  atlas_filter_set_all_values (self->filter, facet_of_button (self, button), FALSE);
}

static guint
count_digits (AtlasFilterSidebar *self)
{
  guint n = self->dataset != NULL ? atlas_dataset_get_n_events (self->dataset) : 0;
  guint digits = 1;

  for (; n >= 10; n /= 10)
    digits++;
  return digits;
}

static void
add_toggle (AtlasFilterSidebar *self,
            AtlasFacet          facet,
            guint               value,
            const char         *name,
            const char         *other_name,
            gboolean            has_color,
            guint32             color,
            int                 position)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *count = gtk_inscription_new (NULL);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *row = gtk_list_box_row_new ();
  Toggle toggle;

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  if (other_name != NULL)
    gtk_widget_set_tooltip_text (label, other_name);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  /* Room for the largest count, measured once: the dataset's number of events. */
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (count), count_digits (self));
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (count), count_digits (self));
  gtk_inscription_set_xalign (GTK_INSCRIPTION (count), 1.0f);

  if (has_color)
    gtk_box_append (GTK_BOX (box), atlas_swatch_new (color));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
  gtk_widget_set_margin_start (check, 6);
  gtk_widget_set_margin_end (check, 6);
  gtk_widget_set_can_focus (check, FALSE);
  gtk_widget_set_can_target (check, FALSE);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), check);
  gtk_list_box_insert (self->lists[facet], row, position);
  self->n_rows[facet]++;

  toggle.facet = facet;
  toggle.value = value;
  toggle.check = GTK_CHECK_BUTTON (check);
  toggle.count = GTK_INSCRIPTION (count);
  toggle.shown_count = G_MAXUINT;
  toggle.shown_active = FALSE;
  toggle.row = row;
  toggle.name = g_strdup (name);
  g_array_append_val (self->toggles, toggle);
}

/* Only the kinds the dataset has get a row. */
static gboolean
has_row (AtlasFilterSidebar *self,
         AtlasFacet          f,
         guint               v)
{
  return f != ATLAS_FACET_KIND || !gtk_bitset_is_empty (atlas_dataset_get_kind_locations (self->dataset, v));
}

/* Makes the row of value @v of facet @f at @position in its list (-1: last). */
static void
add_value_toggle (AtlasFilterSidebar *self,
                  AtlasFacet          f,
                  guint               v,
                  int                 position)
{
  if (f == ATLAS_FACET_SECTOR)
    {
      const AtlasSector *sector = atlas_dataset_get_sector (self->dataset, v);

      add_toggle (self, f, v, atlas_localized (sector->name, sector->name_zh),
                  atlas_localized_other (sector->name, sector->name_zh), TRUE, sector->color, position);
    }
  else if (f == ATLAS_FACET_DISTRICT)
    {
      const AtlasDistrict *district = atlas_dataset_get_district (self->dataset, v);

      add_toggle (self, f, v, atlas_localized (district->name, district->name_zh),
                  atlas_localized_other (district->name, district->name_zh), FALSE, 0, position);
    }
  else
    add_toggle (self, f, v, atlas_kind_get_plural_label (v), NULL, FALSE, 0, position);
}

/* Makes the next rows of facet @f, in order: at most @max_rows, and after the
 * first one none once @deadline (µs, monotonic; 0 for none) has passed. They go
 * before the facet's last row if it is made. Returns whether rows remain. */
static gboolean
add_rows (AtlasFilterSidebar *self,
          AtlasFacet          f,
          guint               max_rows,
          gint64              deadline)
{
  gboolean has_last = self->end_value[f] < atlas_filter_get_n_values (self->filter, f);
  guint first = self->toggles->len;

  while (self->next_value[f] < self->end_value[f] && self->toggles->len - first < max_rows &&
         (deadline == 0 || self->toggles->len == first || g_get_monotonic_time () < deadline))
    {
      guint v = self->next_value[f]++;

      if (has_row (self, f, v))
        add_value_toggle (self, f, v, has_last ? (int) self->n_rows[f] - 1 : -1);
    }
  return self->next_value[f] < self->end_value[f];
}

/* The new rows (from @first in the toggles) show the filter's counts and ticks
 * as they are now: those made later show them as they are then. */
static void
update_new_toggles (AtlasFilterSidebar *self,
                    guint               first)
{
  for (guint i = first; i < self->toggles->len; i++)
    update_toggle (self, &g_array_index (self->toggles, Toggle, i));
}

static gboolean
add_rows_idle_cb (gpointer user_data)
{
  AtlasFilterSidebar *self = user_data;
  gint64 deadline = g_get_monotonic_time () + ADD_ROWS_BUDGET_US;
  guint first = self->toggles->len;
  gboolean more = FALSE;

  for (AtlasFacet f = 0; f < ATLAS_N_FACETS; f++)
    if (self->next_value[f] < self->end_value[f])
      more = add_rows (self, f, G_MAXUINT, deadline) || more;
  update_new_toggles (self, first);
  if (more)
    return G_SOURCE_CONTINUE;
  self->add_rows_id = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
start_adding_rows_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  AtlasFilterSidebar *self = ATLAS_FILTER_SIDEBAR (widget);

  self->add_rows_tick = 0;
  self->add_rows_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, add_rows_idle_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
stop_adding_rows (AtlasFilterSidebar *self)
{
  if (self->add_rows_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->add_rows_tick);
  self->add_rows_tick = 0;
  g_clear_handle_id (&self->add_rows_id, g_source_remove);
}

/* Makes the first rows of facet @f and, if more remain, its last one; returns
 * whether rows remain to be made, and whether the facet has any in @any. */
static gboolean
add_first_rows (AtlasFilterSidebar *self,
                AtlasFacet          f,
                gboolean           *any)
{
  guint n = atlas_filter_get_n_values (self->filter, f);

  self->next_value[f] = 0;
  self->end_value[f] = n;
  self->n_rows[f] = 0;
  if (!add_rows (self, f, FIRST_ROWS, 0))
    {
      *any = self->n_rows[f] > 0;
      return FALSE;
    }
  /* The last value with a row, if another one than those left has any */
  while (self->end_value[f] > self->next_value[f] && !has_row (self, f, self->end_value[f] - 1))
    self->end_value[f]--;
  if (self->end_value[f] > self->next_value[f])
    add_value_toggle (self, f, --self->end_value[f], -1);
  *any = self->n_rows[f] > 0;
  return self->next_value[f] < self->end_value[f];
}

static void
rebuild_groups (AtlasFilterSidebar *self)
{
  gboolean more = FALSE;

  /* The rows of a dataset that has gone are not made. */
  stop_adding_rows (self);
  g_array_set_size (self->toggles, 0);
  for (AtlasFacet f = 0; f < ATLAS_N_FACETS; f++)
    {
      GtkWidget *child;
      gboolean any = FALSE;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lists[f]))) != NULL)
        gtk_list_box_remove (self->lists[f], child);
      self->next_value[f] = self->end_value[f] = self->n_rows[f] = 0;
      if (self->dataset != NULL)
        more = add_first_rows (self, f, &any) || more;
      gtk_widget_set_visible (self->groups[f], any);
    }
  update_new_toggles (self, 0);
  /* The rows wait for the sidebar to be on screen. */
  if (more)
    self->add_rows_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), start_adding_rows_cb, NULL, NULL);
}

static void
on_filter_dataset_notify_cb (AtlasFilterSidebar *self,
                             GParamSpec         *pspec,
                             AtlasFilter        *filter)
{
  g_set_object (&self->dataset, atlas_filter_get_dataset (filter));
  rebuild_groups (self);
  on_filter_changed_cb (self, filter);
}

static void
on_search_entry_search_changed_cb (GtkSearchEntry     *entry,
                                   AtlasFilterSidebar *self)
{
  if (self->filter == NULL)
    return;

  atlas_filter_set_text (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Reads a partial date typed by the user: a year, a month or a day. */
static gboolean
read_entry_date (AtlasFilterSidebar *self,
                 GtkEntry           *entry,
                 gboolean            is_end,
                 gboolean           *empty,
                 gint32             *day)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *reason = NULL;
  gint32 start, end;

  *empty = *stripped == '\0';
  if (*empty)
    {
      set_entry_problem (self, entry, NULL);
      return TRUE;
    }

  if (!atlas_date_parse (stripped, &start, &end, NULL, &reason))
    {
      g_autofree char *problem = g_strdup_printf (_("Not a date: %s"), reason);

      set_entry_problem (self, entry, problem);
      return FALSE;
    }

  set_entry_problem (self, entry, NULL);
  /* "2020" as an end means the end of 2020. */
  *day = is_end ? end : start;
  return TRUE;
}

static void
apply_dates (AtlasFilterSidebar *self)
{
  gboolean from_empty, to_empty, from_ok, to_ok;
  gint32 from = 0, to = 0;
  gint32 first = 0, last = 1;

  if (self->dataset == NULL)
    return;
  /* Each field is checked on its own, so both say what is wrong at once. */
  from_ok = read_entry_date (self, self->from_entry, FALSE, &from_empty, &from);
  to_ok = read_entry_date (self, self->to_entry, TRUE, &to_empty, &to);
  if (!from_ok || !to_ok)
    return;

  if (from_empty && to_empty)
    {
      atlas_filter_clear_date_range (self->filter);
      return;
    }

  atlas_dataset_get_date_range (self->dataset, &first, &last);
  if (from_empty)
    from = MIN (first, to - 1);
  if (to_empty)
    to = MAX (last, from + 1);
  if (to <= from)
    {
      set_entry_problem (self, self->to_entry, _("The end must not be before the start"));
      return;
    }

  atlas_filter_set_date_range (self->filter, from, to);
}

static void
on_date_entry_activate_cb (GtkEntry           *entry,
                           AtlasFilterSidebar *self)
{
  apply_dates (self);
}

static gboolean
select_all_idle_cb (gpointer data)
{
  GtkEditable *editable = data;

  if (gtk_widget_get_root (GTK_WIDGET (editable)) != NULL)
    gtk_editable_select_region (editable, 0, -1);
  return G_SOURCE_REMOVE;
}

/* A click into a filled date field selects its text, so typing replaces it. The
 * click places the cursor after the focus arrives, hence the idle, which runs
 * before the keys that follow the click. */
static void
on_date_focus_enter_cb (GtkEventControllerFocus *controller,
                        AtlasFilterSidebar      *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  g_idle_add_full (G_PRIORITY_HIGH, select_all_idle_cb, g_object_ref (entry), g_object_unref);
}

static void
on_date_focus_leave_cb (GtkEventControllerFocus *controller,
                        AtlasFilterSidebar      *self)
{
  apply_dates (self);
}

static void
clear_dates_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AtlasFilterSidebar *self = ATLAS_FILTER_SIDEBAR (widget);

  if (self->filter != NULL)
    atlas_filter_clear_date_range (self->filter);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AtlasFilterSidebar *self = ATLAS_FILTER_SIDEBAR (widget);

  if (self->filter != NULL)
    atlas_filter_clear (self->filter);
}

static void
atlas_filter_sidebar_dispose (GObject *object)
{
  AtlasFilterSidebar *self = (AtlasFilterSidebar *) object;

  stop_adding_rows (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_FILTER_SIDEBAR);
  g_clear_object (&self->filter);
  g_clear_object (&self->selection);
  g_clear_object (&self->playhead);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (atlas_filter_sidebar_parent_class)->dispose (object);
}

static void
atlas_filter_sidebar_finalize (GObject *object)
{
  AtlasFilterSidebar *self = (AtlasFilterSidebar *) object;

  g_clear_pointer (&self->toggles, g_array_unref);

  G_OBJECT_CLASS (atlas_filter_sidebar_parent_class)->finalize (object);
}

#define BIND_FACET(name, member, facet) \
  gtk_widget_class_bind_template_child_full (widget_class, name, FALSE, \
                                             G_STRUCT_OFFSET (AtlasFilterSidebar, member[facet]))

static void
atlas_filter_sidebar_class_init (AtlasFilterSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *facet_ids[ATLAS_N_FACETS][4] = {
    { "sectors_group", "sectors_list", "sectors_all_button", "sectors_none_button" },
    { "districts_group", "districts_list", "districts_all_button", "districts_none_button" },
    { "kinds_group", "kinds_list", "kinds_all_button", "kinds_none_button" },
  };

  object_class->dispose = atlas_filter_sidebar_dispose;
  object_class->finalize = atlas_filter_sidebar_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "filtersidebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-filter-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, scrolled);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, summary);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, clear_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, from_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, to_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, from_message);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, to_message);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, clear_dates_button);
  for (AtlasFacet f = 0; f < ATLAS_N_FACETS; f++)
    {
      BIND_FACET (facet_ids[f][0], groups, f);
      BIND_FACET (facet_ids[f][1], lists, f);
      BIND_FACET (facet_ids[f][2], all_buttons, f);
      BIND_FACET (facet_ids[f][3], none_buttons, f);
    }
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_focus_enter_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_all_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_none_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_facet_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "sidebar.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "sidebar.clear-dates", NULL, clear_dates_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "sidebar.clear", NULL);
}

static void
atlas_filter_sidebar_init (AtlasFilterSidebar *self)
{
  self->toggles = g_array_new (FALSE, TRUE, sizeof (Toggle));
  g_array_set_clear_func (self->toggles, clear_toggle);

  gtk_widget_init_template (GTK_WIDGET (self));
  set_entry_problem (self, self->from_entry, NULL);
  set_entry_problem (self, self->to_entry, NULL);
}

void
atlas_filter_sidebar_set_models (AtlasFilterSidebar *self,
                                 AtlasFilter        *filter,
                                 AtlasSelection     *selection)
{
  g_return_if_fail (ATLAS_IS_FILTER_SIDEBAR (self));
  g_return_if_fail (ATLAS_IS_FILTER (filter));
  g_return_if_fail (self->filter == NULL);

  self->filter = g_object_ref (filter);
  self->selection = g_object_ref (selection);
  g_signal_connect_object (filter, "changed", G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (filter, "notify::dataset", G_CALLBACK (on_filter_dataset_notify_cb), self,
                           G_CONNECT_SWAPPED);
  on_filter_dataset_notify_cb (self, NULL, filter);
}

/**
 * atlas_filter_sidebar_set_playhead:
 * @self: a sidebar
 * @playhead: the playhead whose moment the summary counts
 *
 * The summary then counts what the map shows at the playhead, and follows it.
 */
void
atlas_filter_sidebar_set_playhead (AtlasFilterSidebar *self,
                                   AtlasPlayhead      *playhead)
{
  g_return_if_fail (ATLAS_IS_FILTER_SIDEBAR (self));
  g_return_if_fail (ATLAS_IS_PLAYHEAD (playhead));
  g_return_if_fail (self->playhead == NULL && self->filter != NULL);

  self->playhead = g_object_ref (playhead);
  /* The playhead recounts after each filter change and then says so. */
  g_signal_connect_object (playhead, "changed", G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  update_summary (self);
}

/**
 * atlas_filter_sidebar_focus_search:
 * @self: a sidebar
 *
 * Moves the keyboard focus to the search entry (Ctrl+F).
 */
void
atlas_filter_sidebar_focus_search (AtlasFilterSidebar *self)
{
  g_return_if_fail (ATLAS_IS_FILTER_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
