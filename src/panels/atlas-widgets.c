/* atlas-widgets.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-widgets.h"

/**
 * atlas_mnemonic_button_new:
 * @text: the label, with an underscore before its mnemonic
 *
 * A button whose label has a mnemonic. GTK 4.8 names a button made with
 * gtk_button_new_with_mnemonic() for assistive technology by its raw label and
 * its text together ("_Save Save"); a button holding a mnemonic label is named by
 * the text alone, as a screen reader should read it.
 *
 * Returns: (transfer floating): the button
 */
GtkWidget *
atlas_mnemonic_button_new (const char *text)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
  gtk_button_set_child (GTK_BUTTON (button), label);
  return button;
}

/**
 * atlas_combo_row_describe:
 * @row: a combo row whose model holds strings
 *
 * AdwComboRow 1.2 does not say its value to assistive technologies: the chosen
 * item goes into the row's accessible description, where a screen reader reads
 * it after the row's title.
 */
void
atlas_combo_row_describe (AdwComboRow *row)
{
  gpointer item = adw_combo_row_get_selected_item (row);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : "", -1);
}

/**
 * atlas_combo_row_keep_described:
 * @row: a combo row whose model holds strings
 *
 * Describes @row now and whenever its choice changes.
 */
void
atlas_combo_row_keep_described (AdwComboRow *row)
{
  atlas_combo_row_describe (row);
  g_signal_connect (row, "notify::selected", G_CALLBACK (atlas_combo_row_describe), NULL);
}
