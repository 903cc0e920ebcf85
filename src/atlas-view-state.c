/* atlas-view-state.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "atlas-view-state.h"

/*
 * What a person has on screen, as a GVariant dictionary (a{sv}) that outlives
 * the dataset: filters by id rather than by index, the date range and the
 * playhead as day numbers, the selection by id. It is what the app remembers
 * between sessions, what a saved view holds, and what survives a reload of a
 * changed file. Applying ignores what no longer exists (an id gone from the
 * dataset) and any entry of the wrong type, and keeps every number within
 * bounds (days near the dataset's dates, a finite speed, a search text of sane
 * length), so a stale, corrupted or tampered value never costs more than itself.
 */

static GVariant *
facet_ids (AtlasFilter *filter,
           AtlasFacet   facet)
{
  AtlasDataset *dataset = atlas_filter_get_dataset (filter);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_STRING_ARRAY);
  for (guint v = 0; dataset != NULL && v < atlas_filter_get_n_values (filter, facet); v++)
    {
      if (!atlas_filter_get_value (filter, facet, v))
        continue;
      switch (facet)
        {
        case ATLAS_FACET_SECTOR:
          g_variant_builder_add (&builder, "s", atlas_dataset_get_sector (dataset, v)->id);
          break;
        case ATLAS_FACET_DISTRICT:
          g_variant_builder_add (&builder, "s", atlas_dataset_get_district (dataset, v)->id);
          break;
        case ATLAS_FACET_KIND:
        case ATLAS_N_FACETS:
        default:
          g_variant_builder_add (&builder, "s", atlas_kind_to_string (v));
          break;
        }
    }
  return g_variant_builder_end (&builder);
}

/**
 * atlas_view_state_capture:
 * @flags: which parts to capture
 *
 * Returns: (transfer floating): the state as a{sv}
 */
GVariant *
atlas_view_state_capture (AtlasFilter         *filter,
                          AtlasSelection      *selection,
                          AtlasPlayhead       *playhead,
                          AtlasViewStateFlags  flags)
{
  AtlasDataset *dataset = atlas_filter_get_dataset (filter);
  GVariantDict dict;
  gint32 start, end;

  g_variant_dict_init (&dict, NULL);

  if (flags & ATLAS_VIEW_STATE_FILTERS)
    {
      g_variant_dict_insert_value (&dict, "sectors", facet_ids (filter, ATLAS_FACET_SECTOR));
      g_variant_dict_insert_value (&dict, "districts", facet_ids (filter, ATLAS_FACET_DISTRICT));
      g_variant_dict_insert_value (&dict, "kinds", facet_ids (filter, ATLAS_FACET_KIND));
      g_variant_dict_insert (&dict, "text", "s", atlas_filter_get_text (filter));
      if (atlas_filter_get_date_range (filter, &start, &end))
        g_variant_dict_insert (&dict, "date-range", "(ii)", start, end);
    }

  if (flags & ATLAS_VIEW_STATE_TIME)
    {
      g_variant_dict_insert (&dict, "playhead-day", "i", atlas_playhead_get_day (playhead));
      g_variant_dict_insert (&dict, "playhead-mode", "s",
                             atlas_playhead_get_mode (playhead) == ATLAS_PLAYHEAD_WINDOW ? "window" : "cumulative");
      g_variant_dict_insert (&dict, "window-days", "u", atlas_playhead_get_window_days (playhead));
      g_variant_dict_insert (&dict, "speed", "d", atlas_playhead_get_speed (playhead));
      g_variant_dict_insert (&dict, "loop", "b", atlas_playhead_get_loop (playhead));
    }

  if ((flags & ATLAS_VIEW_STATE_SELECTION) && dataset != NULL)
    {
      guint location = atlas_selection_get_location (selection);
      guint event = atlas_selection_get_event (selection);
      guint district = atlas_selection_get_district (selection);

      g_variant_dict_insert (&dict, "selection", "(sss)",
                             location != ATLAS_NONE ? atlas_dataset_get_location (dataset, location)->id : "",
                             event != ATLAS_NONE ? atlas_dataset_get_event (dataset, event)->id : "",
                             district != ATLAS_NONE ? atlas_dataset_get_district (dataset, district)->id : "");
    }

  return g_variant_dict_end (&dict);
}

static void
apply_facet (GVariantDict *dict,
             const char   *key,
             AtlasFilter  *filter,
             AtlasFacet    facet)
{
  AtlasDataset *dataset = atlas_filter_get_dataset (filter);
  g_autoptr(GVariantIter) iter = NULL;
  const char *id;

  atlas_filter_set_all_values (filter, facet, FALSE);
  if (!g_variant_dict_lookup (dict, key, "as", &iter))
    return;

  while (g_variant_iter_next (iter, "&s", &id))
    {
      guint value = ATLAS_NONE;
      AtlasKind kind;

      switch (facet)
        {
        case ATLAS_FACET_SECTOR:
          value = atlas_dataset_find_sector (dataset, id);
          break;
        case ATLAS_FACET_DISTRICT:
          value = atlas_dataset_find_district (dataset, id);
          break;
        case ATLAS_FACET_KIND:
        case ATLAS_N_FACETS:
        default:
          if (atlas_kind_from_string (id, &kind))
            value = kind;
          break;
        }
      if (value != ATLAS_NONE)
        atlas_filter_set_value (filter, facet, value, TRUE);
    }
}

/* Restored days are kept within the dataset's dates and as much again on
 * either side (at least a year), as far as the timeline lets a person brush or
 * scrub: a stored state can hold anything, and a range of millions of years
 * would be honoured to the last day otherwise. */
static void
day_bounds (AtlasDataset *dataset,
            gint32       *low,
            gint32       *high)
{
  gint32 first, end;
  gint64 margin;

  if (!atlas_dataset_get_date_range (dataset, &first, &end) || first >= end)
    {
      /* No dates: 1900 to 2100. */
      first = -25567;
      end = 47482;
    }
  margin = MAX ((gint64) end - first, 366);
  *low = (gint32) MAX ((gint64) first - margin, G_MININT32 / 2);
  *high = (gint32) MIN ((gint64) end + margin, G_MAXINT32 / 2);
}

/* At most this many characters of restored search text. */
#define MAX_TEXT 1000

static void
apply_filters (GVariantDict *dict,
               AtlasFilter  *filter)
{
  AtlasDataset *dataset = atlas_filter_get_dataset (filter);
  const char *text;
  gint32 start, end, low, high;

  day_bounds (dataset, &low, &high);
  atlas_filter_freeze (filter);
  apply_facet (dict, "sectors", filter, ATLAS_FACET_SECTOR);
  apply_facet (dict, "districts", filter, ATLAS_FACET_DISTRICT);
  apply_facet (dict, "kinds", filter, ATLAS_FACET_KIND);
  /* GVariant text (a keyfile's) is parsed without checking its strings. */
  if (!g_variant_dict_lookup (dict, "text", "&s", &text) || !g_utf8_validate (text, -1, NULL))
    atlas_filter_set_text (filter, NULL);
  else if (g_utf8_strlen (text, 4 * (MAX_TEXT + 1)) > MAX_TEXT)
    {
      g_autofree char *shorter = g_utf8_substring (text, 0, MAX_TEXT);

      atlas_filter_set_text (filter, shorter);
    }
  else
    atlas_filter_set_text (filter, text);

  if (g_variant_dict_lookup (dict, "date-range", "(ii)", &start, &end) && start < end &&
      end > low && start < high)
    atlas_filter_set_date_range (filter, MAX (start, low), MIN (end, high));
  else
    atlas_filter_clear_date_range (filter);
  atlas_filter_thaw (filter);
}

static void
apply_time (GVariantDict  *dict,
            AtlasDataset  *dataset,
            AtlasPlayhead *playhead)
{
  const char *mode;
  gint32 day, low, high;
  guint window_days;
  double speed;
  gboolean loop;

  day_bounds (dataset, &low, &high);
  if (g_variant_dict_lookup (dict, "playhead-mode", "&s", &mode))
    atlas_playhead_set_mode (playhead, g_strcmp0 (mode, "window") == 0 ? ATLAS_PLAYHEAD_WINDOW
                                                                         : ATLAS_PLAYHEAD_CUMULATIVE);
  /* The playhead clamps window and speed itself, but NaN passes any clamp. */
  if (g_variant_dict_lookup (dict, "window-days", "u", &window_days))
    atlas_playhead_set_window_days (playhead, MIN (window_days, (guint) (high - low)));
  if (g_variant_dict_lookup (dict, "speed", "d", &speed) && isfinite (speed))
    atlas_playhead_set_speed (playhead, speed);
  if (g_variant_dict_lookup (dict, "loop", "b", &loop))
    atlas_playhead_set_loop (playhead, loop);
  if (g_variant_dict_lookup (dict, "playhead-day", "i", &day))
    atlas_playhead_set_day (playhead, CLAMP (day, low, high));
}

/**
 * atlas_view_state_apply:
 * @state: a state from atlas_view_state_capture(), maybe from an older session
 * @flags: which parts to apply
 *
 * Restores what of @state still applies to the filter's current dataset.
 */
void
atlas_view_state_apply (GVariant            *state,
                        AtlasFilter         *filter,
                        AtlasSelection      *selection,
                        AtlasPlayhead       *playhead,
                        AtlasViewStateFlags  flags)
{
  AtlasDataset *dataset = atlas_filter_get_dataset (filter);
  GVariantDict dict;

  if (dataset == NULL || state == NULL || !g_variant_is_of_type (state, G_VARIANT_TYPE_VARDICT))
    return;

  g_variant_dict_init (&dict, state);

  if (flags & ATLAS_VIEW_STATE_FILTERS)
    apply_filters (&dict, filter);
  if (flags & ATLAS_VIEW_STATE_TIME)
    apply_time (&dict, dataset, playhead);

  if (flags & ATLAS_VIEW_STATE_SELECTION)
    {
      const char *location, *event, *district;

      if (g_variant_dict_lookup (&dict, "selection", "(&s&s&s)", &location, &event, &district))
        {
          guint index;

          if (*event != '\0' && (index = atlas_dataset_find_event (dataset, event)) != ATLAS_NONE)
            atlas_selection_select_event (selection, index);
          else if (*location != '\0' && (index = atlas_dataset_find_location (dataset, location)) != ATLAS_NONE)
            atlas_selection_select_location (selection, index);
          else if (*district != '\0' && (index = atlas_dataset_find_district (dataset, district)) != ATLAS_NONE)
            atlas_selection_select_district (selection, index);
          else
            atlas_selection_clear (selection);
        }
    }

  g_variant_dict_clear (&dict);
}
