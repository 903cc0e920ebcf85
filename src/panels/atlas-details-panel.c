/* atlas-details-panel.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-details-panel.h"
#include "atlas-widgets.h"
#include "atlas-event-item.h"
#include "atlas-sector-chips.h"
#include "model/atlas-locale.h"

/*
 * What is selected, in full: a place with its names, kind, district, sectors,
 * facts, description and events; an event with its date, places, sectors,
 * description and source; a district with "filter to this district". Names of
 * events and places are buttons that select them. Text from the dataset is set as
 * plain text, never parsed as markup.
 */

#define MAX_LISTED_EVENTS 200

struct _AtlasDetailsPanel
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkWidget *status;
  GtkScrolledWindow *scrolled;
  GtkBox *content;

  AtlasFilter *filter;
  AtlasSelection *selection;
  AtlasPlayhead *playhead;
};

static void
atlas_details_panel_intent_source_init (AtlasIntentSourceInterface *iface)
{
}

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasDetailsPanel, atlas_details_panel, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ATLAS_TYPE_INTENT_SOURCE,
                                                      atlas_details_panel_intent_source_init))

static GtkWidget *
add_label (AtlasDetailsPanel *self,
           const char        *text,
           const char        *css_class)
{
  GtkWidget *label;

  if (text == NULL || *text == '\0')
    return NULL;

  label = gtk_label_new (NULL);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (self->content, label);
  return label;
}

static void
add_heading (AtlasDetailsPanel *self,
             const char        *text)
{
  GtkWidget *label = add_label (self, text, "heading");

  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_margin_top (label, 12);
}

static void
add_chips (AtlasDetailsPanel *self,
           AtlasDataset      *dataset,
           const guint32     *sectors,
           guint              n)
{
  GtkWidget *chips;

  if (n == 0)
    return;
  chips = atlas_sector_chips_new ();
  gtk_widget_set_halign (chips, GTK_ALIGN_START);
  atlas_sector_chips_set (ATLAS_SECTOR_CHIPS (chips), dataset, sectors, n);
  gtk_box_append (self->content, chips);
}

static void
on_select_event_clicked_cb (GtkButton         *button,
                            AtlasDetailsPanel *self)
{
  guint event = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "event"));

  atlas_intent_emit_select (self, ATLAS_INTENT_SELECT_EVENT, event, ATLAS_ORIGIN_DETAILS);
}

static void
on_select_location_clicked_cb (GtkButton         *button,
                               AtlasDetailsPanel *self)
{
  guint location = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "location"));

  atlas_intent_emit_select (self, ATLAS_INTENT_SELECT_PLACE, location, ATLAS_ORIGIN_DETAILS);
}

static GtkWidget *
link_button (const char *text,
             const char *subtitle)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), label);
  if (subtitle != NULL)
    {
      GtkWidget *sub = gtk_label_new (NULL);

      gtk_label_set_text (GTK_LABEL (sub), subtitle);
      gtk_label_set_xalign (GTK_LABEL (sub), 0.0f);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "caption");
      gtk_box_append (GTK_BOX (box), sub);
    }
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return button;
}

static void
add_event_button (AtlasDetailsPanel *self,
                  AtlasDataset      *dataset,
                  guint              event)
{
  const AtlasEvent *ev = atlas_dataset_get_event (dataset, event);
  g_autofree char *date = atlas_event_format_date (dataset, event);
  GtkWidget *button = link_button (atlas_localized (ev->title, ev->title_zh), date);

  g_object_set_data (G_OBJECT (button), "event", GUINT_TO_POINTER (event));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_select_event_clicked_cb), self, 0);
  if (!atlas_filter_event_visible (self->filter, event))
    gtk_widget_set_tooltip_text (button, _("Hidden by the filters"));
  gtk_box_append (self->content, button);
}

static void
add_location_button (AtlasDetailsPanel *self,
                     AtlasDataset      *dataset,
                     guint              location)
{
  const AtlasLocation *loc = atlas_dataset_get_location (dataset, location);
  GtkWidget *button = link_button (atlas_localized (loc->name, loc->name_zh), atlas_kind_get_label (loc->kind));

  g_object_set_data (G_OBJECT (button), "location", GUINT_TO_POINTER (location));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_select_location_clicked_cb), self, 0);
  gtk_box_append (self->content, button);
}

/* Returns whether the keyboard focus was on the content, which it leaves: a
 * destroyed widget must not keep the window's focus (a link in the panel that
 * was just activated is destroyed with the rest). */
static gboolean
clear_content (AtlasDetailsPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->content));
  GtkWidget *child;

  if (had_focus)
    gtk_root_set_focus (root, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
  return had_focus;
}

static void
show_location (AtlasDetailsPanel *self,
               AtlasDataset      *dataset,
               guint              location)
{
  const AtlasLocation *loc = atlas_dataset_get_location (dataset, location);
  g_autofree char *kind_line = NULL;
  guint n;
  const guint32 *list;
  const AtlasFact *facts;

  if (loc->district != ATLAS_NONE)
    {
      const AtlasDistrict *district = atlas_dataset_get_district (dataset, loc->district);

      /* Translators: a kind of place and the district it is in, e.g. "Port · Yubei District" */
      kind_line = g_strdup_printf (_("%1$s · %2$s"), atlas_kind_get_label (loc->kind),
                                   atlas_localized (district->name, district->name_zh));
    }
  else
    kind_line = g_strdup (atlas_kind_get_label (loc->kind));

  add_label (self, kind_line, "dim-label");
  add_label (self, atlas_localized (loc->name, loc->name_zh), "title-2");
  add_label (self, atlas_localized_other (loc->name, loc->name_zh), "dim-label");
  list = atlas_dataset_location_sectors (dataset, location, &n);
  add_chips (self, dataset, list, n);
  add_label (self, atlas_localized (loc->description, loc->description_zh), NULL);
  add_label (self, loc->note, "dim-label");

  facts = atlas_dataset_location_facts (dataset, location, &n);
  if (n > 0)
    {
      GtkWidget *grid = gtk_grid_new ();

      add_heading (self, _("Facts"));
      gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
      gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
      for (guint i = 0; i < n; i++)
        {
          GtkWidget *label = gtk_label_new (NULL);
          GtkWidget *value = gtk_label_new (NULL);

          gtk_label_set_text (GTK_LABEL (label), atlas_localized (facts[i].label, facts[i].label_zh));
          gtk_label_set_text (GTK_LABEL (value), atlas_localized (facts[i].value, facts[i].value_zh));
          gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
          gtk_label_set_yalign (GTK_LABEL (label), 0.0f);
          gtk_label_set_xalign (GTK_LABEL (value), 0.0f);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap (GTK_LABEL (value), TRUE);
          gtk_label_set_selectable (GTK_LABEL (value), TRUE);
          gtk_widget_set_hexpand (value, TRUE);
          gtk_widget_add_css_class (label, "dim-label");
          gtk_grid_attach (GTK_GRID (grid), label, 0, i, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), value, 1, i, 1, 1);
        }
      gtk_box_append (self->content, grid);
    }

  list = atlas_dataset_location_events (dataset, location, &n);
  if (n > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Event Here",
                                                             "%u Events Here", n), n);

      add_heading (self, title);
      for (guint i = 0; i < MIN (n, MAX_LISTED_EVENTS); i++)
        add_event_button (self, dataset, list[i]);
      if (n > MAX_LISTED_EVENTS)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more, in the event list",
                                                                "… and %u more, in the event list",
                                                                n - MAX_LISTED_EVENTS),
                                                   n - MAX_LISTED_EVENTS);

          add_label (self, more, "dim-label");
        }
    }
}

static void
on_open_source_clicked_cb (GtkButton         *button,
                           AtlasDetailsPanel *self)
{
  const char *url = g_object_get_data (G_OBJECT (button), "url");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* The loader accepts only http and https; check again before handing it on. */
  if (url == NULL || (g_ascii_strncasecmp (url, "https://", 8) != 0 && g_ascii_strncasecmp (url, "http://", 7) != 0))
    return;
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

static void
show_event (AtlasDetailsPanel *self,
            AtlasDataset      *dataset,
            guint              event)
{
  const AtlasEvent *ev = atlas_dataset_get_event (dataset, event);
  g_autofree char *date = atlas_event_format_date (dataset, event);
  guint n;
  const guint32 *list;

  add_label (self, date, "dim-label");
  add_label (self, atlas_localized (ev->title, ev->title_zh), "title-2");
  add_label (self, atlas_localized_other (ev->title, ev->title_zh), "dim-label");
  list = atlas_dataset_event_sectors (dataset, event, &n);
  add_chips (self, dataset, list, n);
  add_label (self, atlas_localized (ev->description, ev->description_zh), NULL);
  add_label (self, ev->note, "dim-label");

  list = atlas_dataset_event_locations (dataset, event, &n);
  add_heading (self, g_dngettext (GETTEXT_PACKAGE, "Place", "Places", n));
  for (guint i = 0; i < n; i++)
    add_location_button (self, dataset, list[i]);

  if (ev->source != ATLAS_NONE && ev->source < atlas_dataset_get_n_sources (dataset))
    {
      const AtlasSource *source = atlas_dataset_get_source (dataset, ev->source);
      g_autofree char *source_date = atlas_date_format (source->date, source->date_precision);
      g_autofree char *byline = NULL;

      if (source->author != NULL)
        /* Translators: publisher, author and date of a source */
        byline = g_strdup_printf (_("%1$s, %2$s, %3$s"), source->publisher, source->author, source_date);
      else
        /* Translators: publisher and date of a source */
        byline = g_strdup_printf (_("%1$s, %2$s"), source->publisher, source_date);

      add_heading (self, _("Source"));
      add_label (self, source->title, NULL);
      add_label (self, byline, "dim-label");
      add_label (self, source->note, "dim-label");
      if (source->url != NULL)
        {
          GtkWidget *button = atlas_mnemonic_button_new (_("_Open Article"));

          gtk_widget_set_halign (button, GTK_ALIGN_START);
          gtk_widget_set_tooltip_text (button, source->url);
          g_object_set_data_full (G_OBJECT (button), "url", g_strdup (source->url), g_free);
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_open_source_clicked_cb), self, 0);
          gtk_box_append (self->content, button);
        }
    }
}

static void
on_filter_district_clicked_cb (GtkButton         *button,
                               AtlasDetailsPanel *self)
{
  guint district = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "district"));

  atlas_filter_freeze (self->filter);
  atlas_filter_set_all_values (self->filter, ATLAS_FACET_DISTRICT, FALSE);
  atlas_filter_set_value (self->filter, ATLAS_FACET_DISTRICT, district, TRUE);
  atlas_filter_thaw (self->filter);
}

static void
on_all_districts_clicked_cb (GtkButton         *button,
                             AtlasDetailsPanel *self)
{
  atlas_filter_set_all_values (self->filter, ATLAS_FACET_DISTRICT, FALSE);
}

static void
show_district (AtlasDetailsPanel *self,
               AtlasDataset      *dataset,
               guint              district)
{
  const AtlasDistrict *d = atlas_dataset_get_district (dataset, district);
  guint n_places = (guint) gtk_bitset_get_size (atlas_dataset_get_district_locations (dataset, district));
  guint n_events = (guint) gtk_bitset_get_size (atlas_dataset_get_district_events (dataset, district));
  g_autofree char *places = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u place", "%u places", n_places),
                                             n_places);
  g_autofree char *events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n_events),
                                             n_events);
  g_autofree char *counts = g_strdup_printf (_("%1$s, %2$s"), places, events);
  gboolean only_this = atlas_filter_get_n_active_values (self->filter, ATLAS_FACET_DISTRICT) == 1 &&
                       atlas_filter_get_value (self->filter, ATLAS_FACET_DISTRICT, district);
  GtkWidget *button;

  add_label (self, d->approximate ? _("District (approximate outline)") : _("District"), "dim-label");
  add_label (self, atlas_localized (d->name, d->name_zh), "title-2");
  add_label (self, atlas_localized_other (d->name, d->name_zh), "dim-label");
  add_label (self, counts, NULL);
  add_label (self, d->description, NULL);

  if (only_this)
    {
      button = atlas_mnemonic_button_new (_("Show _All Districts"));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_all_districts_clicked_cb), self, 0);
    }
  else
    {
      button = atlas_mnemonic_button_new (_("_Filter to This District"));
      gtk_widget_add_css_class (button, "suggested-action");
      g_object_set_data (G_OBJECT (button), "district", GUINT_TO_POINTER (district));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_filter_district_clicked_cb), self, 0);
    }
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 12);
  gtk_box_append (self->content, button);
}

static void
update (AtlasDetailsPanel *self)
{
  AtlasDataset *dataset = atlas_selection_get_dataset (self->selection);
  guint event = atlas_selection_get_event (self->selection);
  guint location = atlas_selection_get_location (self->selection);
  guint district = atlas_selection_get_district (self->selection);
  gboolean had_focus = clear_content (self);

  if (dataset == NULL || atlas_selection_is_empty (self->selection))
    {
      gtk_stack_set_visible_child (self->stack, self->status);
      return;
    }

  if (event != ATLAS_NONE)
    show_event (self, dataset, event);
  else if (location != ATLAS_NONE)
    show_location (self, dataset, location);
  else
    show_district (self, dataset, district);

  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->scrolled));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
  /* A keyboard user who followed a link stays in the panel. */
  if (had_focus)
    gtk_widget_child_focus (GTK_WIDGET (self->content), GTK_DIR_TAB_FORWARD);
}

static void
on_selection_changed_cb (AtlasDetailsPanel *self)
{
  update (self);
}

static void
on_filter_changed_cb (AtlasDetailsPanel *self)
{
  /* The district page's button depends on the filter. */
  if (atlas_selection_get_district (self->selection) != ATLAS_NONE)
    update (self);
}

static void
atlas_details_panel_dispose (GObject *object)
{
  AtlasDetailsPanel *self = (AtlasDetailsPanel *) object;

  if (self->stack != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->stack));
  self->stack = NULL;
  g_clear_object (&self->filter);
  g_clear_object (&self->selection);
  g_clear_object (&self->playhead);

  G_OBJECT_CLASS (atlas_details_panel_parent_class)->dispose (object);
}

static void
atlas_details_panel_class_init (AtlasDetailsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_details_panel_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "detailspanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_details_panel_init (AtlasDetailsPanel *self)
{
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Details"), -1);

  self->status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->status), "find-location-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->status), _("Nothing Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->status),
                                   _("Click a place on the map, or an event on the timeline or in the list."));
  gtk_widget_add_css_class (self->status, "compact");
  gtk_stack_add_named (self->stack, self->status, "empty");

  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_widget_set_margin_start (GTK_WIDGET (self->content), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->content), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (self->content), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->content), 18);
  self->scrolled = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scrolled, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (self->scrolled, GTK_WIDGET (self->content));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->scrolled), "details");
}

void
atlas_details_panel_set_models (AtlasDetailsPanel *self,
                                AtlasFilter       *filter,
                                AtlasSelection    *selection,
                                AtlasPlayhead     *playhead)
{
  g_return_if_fail (ATLAS_IS_DETAILS_PANEL (self));
  g_return_if_fail (self->filter == NULL);

  self->filter = g_object_ref (filter);
  self->selection = g_object_ref (selection);
  self->playhead = g_object_ref (playhead);
  g_signal_connect_object (selection, "changed", G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (filter, "changed", G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
  update (self);
}
