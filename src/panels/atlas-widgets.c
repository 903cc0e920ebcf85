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
