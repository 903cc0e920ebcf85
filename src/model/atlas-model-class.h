/* atlas-model-class.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What the model objects (filter, playhead, selection) have in common: their
 * properties as a table indexed by property id, beside their GParamSpecs (the
 * field get_property reads, and the public setter set_property calls, NULL for
 * a read-only property), and one "changed" signal. The field and the setter's
 * argument have the property's type: int (or an enum), guint, gboolean,
 * double, const char * or an object. */
typedef struct
{
  gsize offset;
  GCallback setter;
} AtlasProperty;

#define ATLAS_PROPERTY(type_, member_, setter_) { G_STRUCT_OFFSET (type_, member_), G_CALLBACK (setter_) }

guint atlas_model_class_install (GObjectClass        *object_class,
                                 const AtlasProperty *table,
                                 GParamSpec         **pspecs,
                                 guint                n_props);

G_END_DECLS
