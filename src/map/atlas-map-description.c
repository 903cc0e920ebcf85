/* atlas-map-description.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The map view's description, which a screen reader hears: how many places it
 * shows, how many have events by the playhead's day, and what is selected.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-map-description-private.h"
#include "model/atlas-date.h"
#include "model/atlas-locale.h"

/* What is selected, for the map's description: a screen reader hears it, and
 * an event at several places says how many are ringed. */
static char *
describe_selection (AtlasDataset   *dataset,
                    AtlasSelection *selection)
{
  guint event, location, district;

  if (selection == NULL || dataset == NULL || atlas_selection_get_dataset (selection) != dataset)
    return NULL;
  event = atlas_selection_get_event (selection);
  location = atlas_selection_get_location (selection);
  district = atlas_selection_get_district (selection);
  if (event != ATLAS_NONE)
    {
      const AtlasEvent *e = atlas_dataset_get_event (dataset, event);
      const char *title = atlas_localized (e->title, e->title_zh);

      /* Translators: the map's description of a selected event, e.g. "selected: Port alliance, at 3 places" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "selected: %1$s, at %2$u place",
                                           "selected: %1$s, at %2$u places", e->n_locations),
                              title, (guint) e->n_locations);
    }
  if (location != ATLAS_NONE)
    {
      const AtlasLocation *loc = atlas_dataset_get_location (dataset, location);

      /* Translators: the map's description of a selected place or district */
      return g_strdup_printf (_("selected: %s"), atlas_localized (loc->name, loc->name_zh));
    }
  if (district != ATLAS_NONE)
    {
      const AtlasDistrict *d = atlas_dataset_get_district (dataset, district);

      return g_strdup_printf (_("selected: %s"), atlas_localized (d->name, d->name_zh));
    }
  return NULL;
}

/**
 * atlas_map_describe:
 * @dataset: (nullable): the dataset on the map
 * @selection: (nullable): the selection
 * @playhead: (nullable): the playhead
 * @shown: how many places the map shows
 *
 * Returns: (transfer full): the map's description for assistive technologies:
 *   what it shows, and what is selected
 */
char *
atlas_map_describe (AtlasDataset   *dataset,
                    AtlasSelection *selection,
                    AtlasPlayhead  *playhead,
                    guint           shown)
{
  g_autofree char *shown_text = NULL;
  g_autofree char *selected = NULL;
  guint total = dataset != NULL ? atlas_dataset_get_n_locations (dataset) : 0;

  /* With the playhead before the end, the places drawn bright are those where
   * something has happened by then; the rest are faded. */
  if (playhead != NULL && atlas_playhead_is_partial (playhead))
    {
      g_autofree char *day = atlas_date_format (atlas_playhead_get_day (playhead), ATLAS_PRECISION_DAY);

      shown_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%1$u of %2$u place shown, %3$u with events by %4$s",
                                                 "%1$u of %2$u places shown, %3$u with events by %4$s",
                                                 total),
                                    shown, total, atlas_playhead_get_n_active_places (playhead), day);
    }
  else
    shown_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u of %u place shown",
                                               "%u of %u places shown", total),
                                  shown, total);
  selected = describe_selection (dataset, selection);
  if (selected != NULL)
    {
      /* Translators: the map's description: what it shows; what is selected */
      g_autofree char *both = g_strdup_printf (_("%1$s; %2$s"), shown_text, selected);

      g_free (shown_text);
      shown_text = g_steal_pointer (&both);
    }
  return g_steal_pointer (&shown_text);
}
