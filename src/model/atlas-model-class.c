/* atlas-model-class.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-model-class.h"

/*
 * get_property and set_property for the model objects, from one table each, so
 * that adding a property is one row rather than a case in two switches (the
 * table hangs on the type that installed the properties), and their "changed"
 * signal.
 */

static GQuark
table_quark (void)
{
  return g_quark_from_static_string ("atlas-property-table");
}

static const AtlasProperty *
lookup (GParamSpec *pspec)
{
  const AtlasProperty *table = g_type_get_qdata (pspec->owner_type, table_quark ());

  return &table[pspec->param_id];
}

static void
get_property (GObject    *object,
              guint       prop_id,
              GValue     *value,
              GParamSpec *pspec)
{
  gconstpointer field = G_STRUCT_MEMBER_P (object, lookup (pspec)->offset);

  switch (G_TYPE_FUNDAMENTAL (G_PARAM_SPEC_VALUE_TYPE (pspec)))
    {
    case G_TYPE_INT:
      g_value_set_int (value, *(const int *) field);
      break;
    case G_TYPE_UINT:
      g_value_set_uint (value, *(const guint *) field);
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, *(const gboolean *) field);
      break;
    case G_TYPE_DOUBLE:
      g_value_set_double (value, *(const double *) field);
      break;
    case G_TYPE_STRING:
      g_value_set_string (value, *(const char * const *) field);
      break;
    case G_TYPE_OBJECT:
      g_value_set_object (value, *(const gpointer *) field);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_property (GObject      *object,
              guint         prop_id,
              const GValue *value,
              GParamSpec   *pspec)
{
  GCallback setter = lookup (pspec)->setter;

  if (setter == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  /* The setters take the object and the value: called through the type of
   * their argument, as GLib's marshallers call a signal's handlers. */
  switch (G_TYPE_FUNDAMENTAL (G_PARAM_SPEC_VALUE_TYPE (pspec)))
    {
    case G_TYPE_INT:
      ((void (*) (gpointer, int)) setter) (object, g_value_get_int (value));
      break;
    case G_TYPE_UINT:
      ((void (*) (gpointer, guint)) setter) (object, g_value_get_uint (value));
      break;
    case G_TYPE_BOOLEAN:
      ((void (*) (gpointer, gboolean)) setter) (object, g_value_get_boolean (value));
      break;
    case G_TYPE_DOUBLE:
      ((void (*) (gpointer, double)) setter) (object, g_value_get_double (value));
      break;
    case G_TYPE_STRING:
      ((void (*) (gpointer, const char *)) setter) (object, g_value_get_string (value));
      break;
    case G_TYPE_OBJECT:
      ((void (*) (gpointer, gpointer)) setter) (object, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
param_spec (const AtlasProperty *row)
{
  GParamFlags flags = (row->setter != NULL ? G_PARAM_READWRITE : G_PARAM_READABLE) |
                      G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  switch (row->type)
    {
    case G_TYPE_INT:
      return g_param_spec_int (row->name, NULL, NULL, (int) row->minimum, (int) row->maximum,
                               (int) row->default_value, flags);
    case G_TYPE_UINT:
      return g_param_spec_uint (row->name, NULL, NULL, (guint) row->minimum, (guint) row->maximum,
                                (guint) row->default_value, flags);
    case G_TYPE_BOOLEAN:
      return g_param_spec_boolean (row->name, NULL, NULL, row->default_value != 0, flags);
    case G_TYPE_DOUBLE:
      return g_param_spec_double (row->name, NULL, NULL, row->minimum, row->maximum, row->default_value,
                                  flags);
    case G_TYPE_STRING:
      return g_param_spec_string (row->name, NULL, NULL, row->default_string, flags);
    case G_TYPE_OBJECT:
      return g_param_spec_object (row->name, NULL, NULL, row->object_type (), flags);
    default:
      g_assert_not_reached ();
    }
}

/**
 * atlas_model_class_install:
 * @table: (array length=n_props): the properties, indexed by property id,
 *   element 0 unused; kept, so static
 * @pspecs: (array length=n_props) (out caller-allocates): filled with the
 *   properties' GParamSpecs, for g_object_notify_by_pspec()
 *
 * Installs the properties of @table on @object_class, with get_property and
 * set_property that go by @table, and a "changed" signal without arguments.
 *
 * Returns: the "changed" signal's id
 */
guint
atlas_model_class_install (GObjectClass        *object_class,
                           const AtlasProperty *table,
                           GParamSpec         **pspecs,
                           guint                n_props)
{
  pspecs[0] = NULL;
  for (guint i = 1; i < n_props; i++)
    pspecs[i] = param_spec (&table[i]);

  object_class->get_property = get_property;
  object_class->set_property = set_property;
  g_type_set_qdata (G_OBJECT_CLASS_TYPE (object_class), table_quark (), (gpointer) table);
  g_object_class_install_properties (object_class, n_props, pspecs);

  return g_signal_new ("changed",
                       G_OBJECT_CLASS_TYPE (object_class),
                       G_SIGNAL_RUN_LAST,
                       0, NULL, NULL, NULL,
                       G_TYPE_NONE, 0);
}
