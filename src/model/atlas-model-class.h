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
 * properties as a table indexed by property id, one row a property: its name,
 * type, range and default (from which its GParamSpec is made), the field
 * get_property reads, and the public setter set_property calls (NULL for a
 * read-only property, which is then not writable either); and one "changed"
 * signal. The field and the setter's argument have the property's type: int
 * (or an enum), guint, gboolean, double, const char * or an object. */
typedef struct
{
  const char *name;
  GType type;                   /* fundamental: G_TYPE_INT, G_TYPE_UINT, ... */
  GType (*object_type) (void);  /* G_TYPE_OBJECT: the objects' class */
  double minimum;               /* G_TYPE_INT, G_TYPE_UINT, G_TYPE_DOUBLE */
  double maximum;
  double default_value;         /* numbers and booleans */
  const char *default_string;   /* G_TYPE_STRING */
  gsize offset;
  GCallback setter;
} AtlasProperty;

#define ATLAS_PROPERTY_FIELD(type_, member_, setter_) \
  G_STRUCT_OFFSET (type_, member_), G_CALLBACK (setter_)
#define ATLAS_PROPERTY_INT(name_, min_, max_, default_, type_, member_, setter_) \
  { name_, G_TYPE_INT, NULL, min_, max_, default_, NULL, ATLAS_PROPERTY_FIELD (type_, member_, setter_) }
#define ATLAS_PROPERTY_UINT(name_, min_, max_, default_, type_, member_, setter_) \
  { name_, G_TYPE_UINT, NULL, min_, max_, default_, NULL, ATLAS_PROPERTY_FIELD (type_, member_, setter_) }
#define ATLAS_PROPERTY_DOUBLE(name_, min_, max_, default_, type_, member_, setter_) \
  { name_, G_TYPE_DOUBLE, NULL, min_, max_, default_, NULL, ATLAS_PROPERTY_FIELD (type_, member_, setter_) }
#define ATLAS_PROPERTY_BOOLEAN(name_, default_, type_, member_, setter_) \
  { name_, G_TYPE_BOOLEAN, NULL, 0, 0, default_, NULL, ATLAS_PROPERTY_FIELD (type_, member_, setter_) }
#define ATLAS_PROPERTY_STRING(name_, default_, type_, member_, setter_) \
  { name_, G_TYPE_STRING, NULL, 0, 0, 0, default_, ATLAS_PROPERTY_FIELD (type_, member_, setter_) }
#define ATLAS_PROPERTY_OBJECT(name_, get_type_, type_, member_, setter_) \
  { name_, G_TYPE_OBJECT, get_type_, 0, 0, 0, NULL, ATLAS_PROPERTY_FIELD (type_, member_, setter_) }

guint atlas_model_class_install (GObjectClass        *object_class,
                                 const AtlasProperty *table,
                                 GParamSpec         **pspecs,
                                 guint                n_props);

G_END_DECLS
