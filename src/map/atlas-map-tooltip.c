/* atlas-map-tooltip.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What the map says about the point under the pointer: a place's name, kind
 * and events, a cluster's size, a district's name. What is hit is decided by
 * the layers' own hit tests, so the tooltip always names what a click there
 * would select.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-map-tooltip.h"
#include "model/atlas-locale.h"

static char *
place_markup (AtlasDataset    *dataset,
              AtlasPlaceLayer *places,
              guint            location,
              gboolean         time_window)
{
  const AtlasLocation *loc = atlas_dataset_get_location (dataset, location);
  guint count = atlas_place_layer_get_count (places, location);
  g_autofree char *events = NULL;

  if (time_window)
    events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event in the time window",
                                           "%u events in the time window", count), count);
  else
    events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", count), count);

  return g_markup_printf_escaped ("<b>%s</b>\n%s · %s", atlas_localized (loc->name, loc->name_zh),
                                  atlas_kind_get_label (loc->kind), events);
}

/**
 * atlas_map_tooltip_markup:
 * @dataset: the dataset on the map
 * @places: the map's place layer
 * @areas: the map's area layer
 * @time_window: whether places are sized by the events in a time window
 * @x: x in the map's coordinates
 * @y: y in the map's coordinates
 *
 * Returns: (transfer full) (nullable): Pango markup describing what is at
 *   (@x, @y), or %NULL if nothing is
 */
char *
atlas_map_tooltip_markup (AtlasDataset    *dataset,
                          AtlasPlaceLayer *places,
                          AtlasAreaLayer  *areas,
                          gboolean         time_window,
                          double           x,
                          double           y)
{
  AtlasPlacePick place;
  AtlasAreaPick area;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  if (atlas_place_layer_pick (places, x, y, &place))
    {
      g_autofree char *count = NULL;

      if (place.kind == ATLAS_PLACE_PICK_PLACE)
        return place_markup (dataset, places, place.place, time_window);

      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u place", "%u places", place.count),
                               place.count);
      return g_markup_printf_escaped ("<b>%s</b>\n%s", count, _("Click to zoom in"));
    }

  if (atlas_area_layer_pick (areas, x, y, &area))
    {
      const AtlasDistrict *district;

      if (area.kind == ATLAS_AREA_PICK_LOCATION)
        return place_markup (dataset, places, area.index, time_window);

      district = atlas_dataset_get_district (dataset, area.index);
      return g_markup_printf_escaped ("<b>%s</b>\n%s",
                                      atlas_localized (district->name, district->name_zh),
                                      _("District"));
    }

  return NULL;
}
