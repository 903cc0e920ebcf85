/* atlas-sector-chips.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-sector-chips.h"
#include "model/atlas-locale.h"

/* Sectors as small coloured chips, drawn in one snapshot: a list row may show
 * several, and a widget per chip would cost more than the row itself. */

#define CHIP_PAD_X 6
#define CHIP_PAD_Y 1
#define CHIP_GAP 4

typedef struct
{
  PangoLayout *layout;  /* shared: see find_text() */
  GdkRGBA color;
  int width;
} Chip;

/* Laying out a name (shaping it) was most of what the chips of a row cost, and a
 * list shows the same few sectors on all its rows: each name is laid out once
 * for each font, and its layout shared by the chips that show it. */
typedef struct
{
  PangoLayout *layout;
  int width;
  int height;
} Text;

#define MAX_TEXTS 512

static GHashTable *texts;  /* "font key\nname" → Text */

struct _AtlasSectorChips
{
  GtkWidget parent_instance;

  GArray *chips;
  int text_height;
  char *names;     /* the tooltip, read when GTK asks for it */
};

G_DEFINE_FINAL_TYPE (AtlasSectorChips, atlas_sector_chips, GTK_TYPE_WIDGET)

static void
free_text (gpointer data)
{
  Text *text = data;

  g_object_unref (text->layout);
  g_free (text);
}

/* What, besides the text, decides how a layout made in @context looks. */
static char *
font_key (PangoContext *context)
{
  g_autofree char *font = pango_font_description_to_string (pango_context_get_font_description (context));
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);

  return g_strdup_printf ("%s|%g|%lu|%d|%s", font, pango_cairo_context_get_resolution (context),
                          options != NULL ? cairo_font_options_hash (options) : 0ul,
                          (int) pango_context_get_base_dir (context),
                          pango_language_to_string (pango_context_get_language (context)));
}

/* @name laid out in @self's font, made the first time it is asked for. */
static Text *
find_text (AtlasSectorChips *self,
           const char       *font,
           const char       *name)
{
  g_autofree char *key = g_strconcat (font, "\n", name, NULL);
  Text *text;

  if (texts == NULL)
    texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_text);
  text = g_hash_table_lookup (texts, key);
  if (text != NULL)
    return text;

  /* Other datasets' names, or other fonts: start again rather than grow. */
  if (g_hash_table_size (texts) >= MAX_TEXTS)
    g_hash_table_remove_all (texts);
  text = g_new0 (Text, 1);
  text->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), name);
  pango_layout_get_pixel_size (text->layout, &text->width, &text->height);
  g_hash_table_insert (texts, g_steal_pointer (&key), text);
  return text;
}

static void
clear_chip (gpointer data)
{
  Chip *chip = data;

  g_clear_object (&chip->layout);
}

static void
atlas_sector_chips_finalize (GObject *object)
{
  AtlasSectorChips *self = (AtlasSectorChips *) object;

  g_clear_pointer (&self->chips, g_array_unref);
  g_clear_pointer (&self->names, g_free);

  G_OBJECT_CLASS (atlas_sector_chips_parent_class)->finalize (object);
}

static void
atlas_sector_chips_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  AtlasSectorChips *self = ATLAS_SECTOR_CHIPS (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int width = 0;

      for (guint i = 0; i < self->chips->len; i++)
        width += g_array_index (self->chips, Chip, i).width + (i > 0 ? CHIP_GAP : 0);
      *minimum = MIN (width, 24);
      *natural = width;
    }
  else
    {
      *minimum = *natural = self->chips->len > 0 ? self->text_height + 2 * CHIP_PAD_Y : 0;
    }
}

static void
atlas_sector_chips_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  AtlasSectorChips *self = ATLAS_SECTOR_CHIPS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int chip_height = self->text_height + 2 * CHIP_PAD_Y;
  float x = 0;
  float y = MAX (0, (height - chip_height) / 2);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  for (guint i = 0; i < self->chips->len && x < width; i++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, i);
      GskRoundedRect rect;
      GdkRGBA text;
      double luminance = 0.2126 * chip->color.red + 0.7152 * chip->color.green + 0.0722 * chip->color.blue;

      gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, chip->width, chip_height),
                                       chip_height / 2.0f);
      gtk_snapshot_push_rounded_clip (snapshot, &rect);
      gtk_snapshot_append_color (snapshot, &chip->color, &rect.bounds);
      gtk_snapshot_pop (snapshot);

      /* Dark text on light colours, white on dark ones. */
      text = luminance > 0.55 ? (GdkRGBA) { 0, 0, 0, 0.85 } : (GdkRGBA) { 1, 1, 1, 1 };
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + CHIP_PAD_X, y + CHIP_PAD_Y));
      gtk_snapshot_append_layout (snapshot, chip->layout, &text);
      gtk_snapshot_restore (snapshot);

      x += chip->width + CHIP_GAP;
    }
  gtk_snapshot_pop (snapshot);
}

static gboolean
atlas_sector_chips_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard,
                                  GtkTooltip *tooltip)
{
  AtlasSectorChips *self = ATLAS_SECTOR_CHIPS (widget);

  if (self->names == NULL || *self->names == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->names);
  return TRUE;
}

static void
atlas_sector_chips_class_init (AtlasSectorChipsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = atlas_sector_chips_finalize;
  widget_class->measure = atlas_sector_chips_measure;
  widget_class->snapshot = atlas_sector_chips_snapshot;
  widget_class->query_tooltip = atlas_sector_chips_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "sectorchips");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
atlas_sector_chips_init (AtlasSectorChips *self)
{
  self->chips = g_array_new (FALSE, TRUE, sizeof (Chip));
  g_array_set_clear_func (self->chips, clear_chip);
}

GtkWidget *
atlas_sector_chips_new (void)
{
  return g_object_new (ATLAS_TYPE_SECTOR_CHIPS, NULL);
}

/**
 * atlas_sector_chips_set:
 * @self: chips
 * @dataset: (nullable): the dataset the sectors belong to
 * @sectors: (array length=n_sectors): sector indices
 *
 * Shows these sectors; their names are also the widget's accessible label.
 */
void
atlas_sector_chips_set (AtlasSectorChips *self,
                        AtlasDataset     *dataset,
                        const guint32    *sectors,
                        guint             n_sectors)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *font = NULL;

  g_return_if_fail (ATLAS_IS_SECTOR_CHIPS (self));

  g_array_set_size (self->chips, 0);
  self->text_height = 0;

  for (guint i = 0; dataset != NULL && i < n_sectors; i++)
    {
      const AtlasSector *sector = atlas_dataset_get_sector (dataset, sectors[i]);
      const char *name = atlas_localized (sector->name, sector->name_zh);
      Text *text;
      Chip chip;

      if (font == NULL)
        font = font_key (gtk_widget_get_pango_context (GTK_WIDGET (self)));
      text = find_text (self, font, name);
      chip.layout = g_object_ref (text->layout);
      chip.color.red = ((sector->color >> 16) & 0xff) / 255.0f;
      chip.color.green = ((sector->color >> 8) & 0xff) / 255.0f;
      chip.color.blue = (sector->color & 0xff) / 255.0f;
      chip.color.alpha = 1.0f;
      chip.width = text->width + 2 * CHIP_PAD_X;
      self->text_height = MAX (self->text_height, text->height);
      g_array_append_val (self->chips, chip);

      if (names->len > 0)
        g_string_append (names, _(", "));
      g_string_append (names, name);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, names->str, -1);
  g_free (self->names);
  self->names = g_string_free (g_steal_pointer (&names), FALSE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), *self->names != '\0');
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
