/* atlas-filter-sidebar.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-filter-sidebar.h"
#include "atlas-widgets.h"
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
  GtkLabel *count;
  GtkWidget *row;
  char *name;
} Toggle;

struct _AtlasFilterSidebar
{
  GtkWidget parent_instance;

  GtkWidget *scrolled;
  GtkSearchEntry *search_entry;
  GtkLabel *summary;
  GtkButton *clear_button;
  GtkEntry *from_entry;
  GtkEntry *to_entry;
  GtkButton *clear_dates_button;
  GtkBox *groups_box;
  GtkWidget *groups[ATLAS_N_FACETS];
  GtkListBox *lists[ATLAS_N_FACETS];

  GArray *toggles;  /* Toggle */

  AtlasFilter *filter;
  AtlasSelection *selection;
  AtlasPlayhead *playhead;
  AtlasDataset *dataset;
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (AtlasFilterSidebar, atlas_filter_sidebar, GTK_TYPE_WIDGET)

static const char *facet_titles[ATLAS_N_FACETS] = {
  N_("Sectors"), N_("Districts"), N_("Kinds of Place"),
};

static void
clear_toggle (gpointer data)
{
  Toggle *toggle = data;

  g_clear_pointer (&toggle->name, g_free);
}

static void
update_counts (AtlasFilterSidebar *self)
{
  for (guint i = 0; i < self->toggles->len; i++)
    {
      Toggle *toggle = &g_array_index (self->toggles, Toggle, i);
      guint count = atlas_filter_get_value_count (self->filter, toggle->facet, toggle->value);
      gboolean active = atlas_filter_get_value (self->filter, toggle->facet, toggle->value);
      g_autofree char *text = g_strdup_printf ("%u", count);
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u event", "%s, %u events",
                                                             count),
                                                toggle->name, count);

      gtk_label_set_text (toggle->count, text);
      gtk_check_button_set_active (toggle->check, active);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle->check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      /* A value no event would match is dimmed, but stays clickable. */
      gtk_widget_set_opacity (toggle->row, count > 0 || active ? 1.0 : 0.55);
    }
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

static void
set_entry_date (GtkEntry *entry,
                gint32    day,
                gboolean  set)
{
  g_autofree char *text = set ? atlas_date_to_iso (day, ATLAS_PRECISION_DAY) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
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
    set_entry_date (self->from_entry, start, set);
  if (!has_focus_within (GTK_WIDGET (self->to_entry)))
    set_entry_date (self->to_entry, end - 1, set);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_dates_button), set);
}

static void
on_filter_changed_cb (AtlasFilterSidebar *self,
                      AtlasFilter        *filter)
{
  self->syncing = TRUE;
  update_counts (self);
  update_summary (self);
  update_dates (self);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), atlas_filter_get_text (filter)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), atlas_filter_get_text (filter));
  self->syncing = FALSE;
}

static void
on_toggle_toggled_cb (GtkCheckButton     *check,
                      AtlasFilterSidebar *self)
{
  if (self->syncing)
    return;

  for (guint i = 0; i < self->toggles->len; i++)
    {
      Toggle *toggle = &g_array_index (self->toggles, Toggle, i);

      if (toggle->check == check)
        {
          atlas_filter_set_value (self->filter, toggle->facet, toggle->value,
                                  gtk_check_button_get_active (check));
          return;
        }
    }
}

static void
on_all_clicked_cb (GtkButton          *button,
                   AtlasFilterSidebar *self)
{
  AtlasFacet facet = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "facet"));

  atlas_filter_set_all_values (self->filter, facet, TRUE);
}

static void
on_none_clicked_cb (GtkButton          *button,
                    AtlasFilterSidebar *self)
{
  AtlasFacet facet = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "facet"));

  atlas_filter_set_all_values (self->filter, facet, FALSE);
}

static void
add_toggle (AtlasFilterSidebar *self,
            AtlasFacet          facet,
            guint               value,
            const char         *name,
            const char         *other_name,
            gboolean            has_color,
            guint32             color)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *row;
  Toggle toggle;

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  if (other_name != NULL)
    gtk_widget_set_tooltip_text (label, other_name);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");

  if (has_color)
    gtk_box_append (GTK_BOX (box), atlas_swatch_new (color));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
  gtk_widget_set_margin_start (check, 6);
  gtk_widget_set_margin_end (check, 6);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_toggle_toggled_cb), self, 0);

  gtk_list_box_append (self->lists[facet], check);
  row = gtk_widget_get_parent (check);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  toggle.facet = facet;
  toggle.value = value;
  toggle.check = GTK_CHECK_BUTTON (check);
  toggle.count = GTK_LABEL (count);
  toggle.row = row;
  toggle.name = g_strdup (name);
  g_array_append_val (self->toggles, toggle);
}

static GtkWidget *
make_group (AtlasFilterSidebar *self,
            AtlasFacet          facet)
{
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_(facet_titles[facet]));
  GtkWidget *all = gtk_button_new_with_label (_("All"));
  GtkWidget *none = gtk_button_new_with_label (_("None"));
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *all_label = g_strdup_printf (_("Tick All %s"), _(facet_titles[facet]));
  g_autofree char *none_label = g_strdup_printf (_("Untick All %s"), _(facet_titles[facet]));

  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  for (GtkWidget *button = all; button != NULL; button = button == all ? none : NULL)
    {
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "small-button");
      g_object_set_data (G_OBJECT (button), "facet", GUINT_TO_POINTER (facet));
    }
  gtk_widget_set_tooltip_text (all, all_label);
  gtk_widget_set_tooltip_text (none, _("No constraint: every value matches"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (all), GTK_ACCESSIBLE_PROPERTY_LABEL, all_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (none), GTK_ACCESSIBLE_PROPERTY_LABEL, none_label, -1);
  g_signal_connect_object (all, "clicked", G_CALLBACK (on_all_clicked_cb), self, 0);
  g_signal_connect_object (none, "clicked", G_CALLBACK (on_none_clicked_cb), self, 0);

  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), all);
  gtk_box_append (GTK_BOX (header), none);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _(facet_titles[facet]), -1);
  self->lists[facet] = GTK_LIST_BOX (list);

  gtk_box_append (GTK_BOX (group), header);
  gtk_box_append (GTK_BOX (group), list);
  return group;
}

static void
rebuild_groups (AtlasFilterSidebar *self)
{
  g_array_set_size (self->toggles, 0);
  for (guint f = 0; f < ATLAS_N_FACETS; f++)
    {
      if (self->groups[f] != NULL)
        gtk_box_remove (self->groups_box, self->groups[f]);
      self->groups[f] = NULL;
      self->lists[f] = NULL;
    }

  if (self->dataset == NULL)
    return;

  for (AtlasFacet f = 0; f < ATLAS_N_FACETS; f++)
    {
      guint n = atlas_filter_get_n_values (self->filter, f);
      gboolean any = FALSE;

      self->groups[f] = make_group (self, f);
      for (guint v = 0; v < n; v++)
        {
          switch (f)
            {
            case ATLAS_FACET_SECTOR:
              {
                const AtlasSector *sector = atlas_dataset_get_sector (self->dataset, v);

                add_toggle (self, f, v, atlas_localized (sector->name, sector->name_zh),
                            atlas_localized_other (sector->name, sector->name_zh), TRUE, sector->color);
                any = TRUE;
              }
              break;
            case ATLAS_FACET_DISTRICT:
              {
                const AtlasDistrict *district = atlas_dataset_get_district (self->dataset, v);

                add_toggle (self, f, v, atlas_localized (district->name, district->name_zh),
                            atlas_localized_other (district->name, district->name_zh), FALSE, 0);
                any = TRUE;
              }
              break;
            case ATLAS_FACET_KIND:
            case ATLAS_N_FACETS:
            default:
              /* Only the kinds the dataset has. */
              if (!gtk_bitset_is_empty (atlas_dataset_get_kind_locations (self->dataset, v)))
                {
                  add_toggle (self, f, v, atlas_kind_get_plural_label (v), NULL, FALSE, 0);
                  any = TRUE;
                }
              break;
            }
        }

      gtk_box_append (self->groups_box, self->groups[f]);
      gtk_widget_set_visible (self->groups[f], any);
    }
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
on_search_changed_cb (GtkSearchEntry     *entry,
                      AtlasFilterSidebar *self)
{
  if (self->syncing || self->filter == NULL)
    return;

  atlas_filter_set_text (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Reads a partial date typed by the user: a year, a month or a day. */
static gboolean
read_entry_date (GtkEntry *entry,
                 gboolean  is_end,
                 gboolean *empty,
                 gint32   *day)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *reason = NULL;
  gint32 start, end;

  *empty = *stripped == '\0';
  if (*empty)
    return TRUE;

  if (!atlas_date_parse (stripped, &start, &end, NULL, &reason))
    {
      g_autofree char *tooltip = g_strdup_printf (_("Not a date: %s"), reason);

      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), tooltip);
      return FALSE;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), _("A year, a month or a day: 2020, 2020-06 or 2020-06-05"));
  /* "2020" as an end means the end of 2020. */
  *day = is_end ? end : start;
  return TRUE;
}

static void
apply_dates (AtlasFilterSidebar *self)
{
  gboolean from_empty, to_empty;
  gint32 from = 0, to = 0;
  gint32 first = 0, last = 1;

  if (self->dataset == NULL)
    return;
  if (!read_entry_date (self->from_entry, FALSE, &from_empty, &from) ||
      !read_entry_date (self->to_entry, TRUE, &to_empty, &to))
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
      gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->to_entry), _("The end must not be before the start"));
      return;
    }

  atlas_filter_set_date_range (self->filter, from, to);
}

static void
on_date_activate_cb (GtkEntry           *entry,
                     AtlasFilterSidebar *self)
{
  apply_dates (self);
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

static GtkEntry *
make_date_entry (AtlasFilterSidebar *self,
                 const char         *placeholder,
                 const char         *accessible)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_tooltip_text (entry, _("A year, a month or a day: 2020, 2020-06 or 2020-06-05"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_date_activate_cb), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_date_focus_leave_cb), self, 0);
  gtk_widget_add_controller (entry, focus);
  return GTK_ENTRY (entry);
}

static void
atlas_filter_sidebar_dispose (GObject *object)
{
  AtlasFilterSidebar *self = (AtlasFilterSidebar *) object;

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
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

static void
atlas_filter_sidebar_class_init (AtlasFilterSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_filter_sidebar_dispose;
  object_class->finalize = atlas_filter_sidebar_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "filtersidebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "sidebar.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "sidebar.clear-dates", NULL, clear_dates_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "sidebar.clear", NULL);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
atlas_filter_sidebar_init (AtlasFilterSidebar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *summary_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dates = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *dates_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dates_header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dash = gtk_label_new ("–");
  GtkWidget *dates_title = heading (_("Dates"));

  self->toggles = g_array_new (FALSE, TRUE, sizeof (Toggle));
  g_array_set_clear_func (self->toggles, clear_toggle);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filters"), -1);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), box);

  /* Search and summary. */
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Search places and events"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search places and events"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->search_entry),
                               _("Names, titles and descriptions, in English or Chinese (Ctrl+F)"));
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self, 0);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0.0f);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");

  self->clear_button = GTK_BUTTON (atlas_mnemonic_button_new (_("_Clear Filters")));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->clear_button), "sidebar.clear");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->clear_button), _("Show everything again (Escape)"));
  gtk_widget_add_css_class (GTK_WIDGET (self->clear_button), "flat");

  gtk_box_append (GTK_BOX (summary_row), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (summary_row), GTK_WIDGET (self->clear_button));
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (top), summary_row);
  gtk_box_append (GTK_BOX (box), top);

  /* The date range. */
  gtk_widget_set_hexpand (dates_title, TRUE);
  self->clear_dates_button = GTK_BUTTON (gtk_button_new_with_label (_("Any Date")));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->clear_dates_button), "sidebar.clear-dates");
  gtk_widget_add_css_class (GTK_WIDGET (self->clear_dates_button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->clear_dates_button), "small-button");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->clear_dates_button), _("Clear the date range"));
  gtk_box_append (GTK_BOX (dates_header), dates_title);
  gtk_box_append (GTK_BOX (dates_header), GTK_WIDGET (self->clear_dates_button));

  self->from_entry = make_date_entry (self, _("From"), _("From Date"));
  self->to_entry = make_date_entry (self, _("To"), _("To Date"));
  gtk_box_append (GTK_BOX (dates_row), GTK_WIDGET (self->from_entry));
  gtk_box_append (GTK_BOX (dates_row), dash);
  gtk_box_append (GTK_BOX (dates_row), GTK_WIDGET (self->to_entry));
  gtk_box_append (GTK_BOX (dates), dates_header);
  gtk_box_append (GTK_BOX (dates), dates_row);
  gtk_box_append (GTK_BOX (box), dates);

  /* The facets, made when a dataset arrives. */
  self->groups_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->groups_box));
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
