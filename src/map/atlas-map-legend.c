/* atlas-map-legend.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The map's legend, in a popover: the marker shape of each kind of place in the
 * dataset, the colour of each sector, and what size, fading and clusters mean.
 * Symbols are drawn with the same code as the map, so they cannot disagree.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-map-legend.h"
#include "atlas-map-style.h"
#include "model/atlas-locale.h"

struct _AtlasMapLegend
{
  GtkPopover parent_instance;

  GtkWidget *box;
};

G_DEFINE_FINAL_TYPE (AtlasMapLegend, atlas_map_legend, GTK_TYPE_POPOVER)

typedef enum
{
  SYMBOL_KIND,
  SYMBOL_SECTOR,
  SYMBOL_IDLE,
  SYMBOL_CLUSTER,
  SYMBOL_APPROXIMATE,
} SymbolType;

typedef struct
{
  SymbolType type;
  guint kind;
  guint32 color;
} Symbol;

static void
draw_symbol_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  const Symbol *symbol = user_data;
  GtkWidget *widget = GTK_WIDGET (area);
  const AtlasMapPalette *palette = atlas_map_palette_get (atlas_map_widget_is_dark (widget));
  GdkRGBA fg;
  guint32 text;
  double x = width / 2.0, y = height / 2.0;
  const double dashes[] = { 4.0, 2.5 };

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  text = ((guint32) (fg.red * 255) << 16) | ((guint32) (fg.green * 255) << 8) |
         (guint32) (fg.blue * 255);

  switch (symbol->type)
    {
    case SYMBOL_KIND:
      atlas_map_draw_marker (cr, symbol->kind, x, y, 6.0, text, palette->marker_outline, 0.85);
      break;
    case SYMBOL_SECTOR:
      atlas_map_draw_marker (cr, ATLAS_N_KINDS, x, y, 6.0, symbol->color, palette->marker_outline,
                             1.0);
      break;
    case SYMBOL_IDLE:
      atlas_map_draw_marker (cr, ATLAS_N_KINDS, x, y, ATLAS_MAP_RADIUS_IDLE, text,
                             palette->marker_outline, 0.5);
      break;
    case SYMBOL_CLUSTER:
      cairo_arc (cr, x, y, 8.0, 0, 2 * G_PI);
      atlas_map_set_source_rgb (cr, text, 0.85);
      cairo_set_line_width (cr, 3.0);
      cairo_stroke (cr);
      break;
    case SYMBOL_APPROXIMATE:
    default:
      cairo_rectangle (cr, x - 8, y - 6, 16, 12);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_set_line_width (cr, 1.5);
      atlas_map_set_source_rgb (cr, text, 0.85);
      cairo_stroke (cr);
      break;
    }
}

static void
add_row (AtlasMapLegend *self,
         GtkWidget      *grid,
         int             row,
         Symbol          symbol,
         const char     *text)
{
  GtkWidget *area = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 22);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 22);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_symbol_cb,
                                  g_memdup2 (&symbol, sizeof symbol), g_free);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_grid_attach (GTK_GRID (grid), area, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), label, 1, row, 1, 1);
}

static GtkWidget *
add_section (AtlasMapLegend *self,
             const char     *title)
{
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *grid = gtk_grid_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_box_append (GTK_BOX (self->box), heading);
  gtk_box_append (GTK_BOX (self->box), grid);
  return grid;
}

/**
 * atlas_map_legend_set_dataset:
 * @self: a legend
 * @dataset: (nullable): the dataset on the map
 *
 * Lists the kinds of place the dataset has (all of them without a dataset) and
 * its sectors.
 */
void
atlas_map_legend_set_dataset (AtlasMapLegend *self,
                              AtlasDataset   *dataset)
{
  GtkWidget *child, *grid;
  int row = 0;

  g_return_if_fail (ATLAS_IS_MAP_LEGEND (self));

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);

  grid = add_section (self, _("Kinds of Place"));
  for (guint k = 0; k < ATLAS_N_KINDS; k++)
    {
      Symbol symbol = { SYMBOL_KIND, k, 0 };
      GtkBitset *places = dataset != NULL ? atlas_dataset_get_kind_locations (dataset, k) : NULL;

      if (places != NULL && gtk_bitset_is_empty (places))
        continue;
      add_row (self, grid, row++, symbol, atlas_kind_get_label (k));
    }

  if (dataset != NULL && atlas_dataset_get_n_sectors (dataset) > 0)
    {
      grid = add_section (self, _("Sectors"));
      row = 0;
      for (guint s = 0; s < atlas_dataset_get_n_sectors (dataset); s++)
        {
          const AtlasSector *sector = atlas_dataset_get_sector (dataset, s);
          Symbol symbol = { SYMBOL_SECTOR, 0, sector->color };

          add_row (self, grid, row++, symbol, atlas_localized (sector->name, sector->name_zh));
        }
    }

  grid = add_section (self, _("Reading the Map"));
  row = 0;
  add_row (self, grid, row++, (Symbol) { SYMBOL_KIND, ATLAS_N_KINDS, 0 },
           _("Larger markers have more events in the time window"));
  add_row (self, grid, row++, (Symbol) { SYMBOL_IDLE, 0, 0 },
           _("Small, faded: no event in the time window"));
  add_row (self, grid, row++, (Symbol) { SYMBOL_CLUSTER, 0, 0 },
           _("A number: places grouped; click to zoom in"));
  add_row (self, grid, row++, (Symbol) { SYMBOL_APPROXIMATE, 0, 0 },
           _("Dashed outline: approximate boundary or route"));
}

static void
atlas_map_legend_class_init (AtlasMapLegendClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/atlas-map-legend.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasMapLegend, box);
}

static void
atlas_map_legend_init (AtlasMapLegend *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  atlas_map_legend_set_dataset (self, NULL);
}

/**
 * atlas_map_legend_new:
 *
 * Returns: (transfer floating): a new legend popover
 */
GtkWidget *
atlas_map_legend_new (void)
{
  return g_object_new (ATLAS_TYPE_MAP_LEGEND, NULL);
}
