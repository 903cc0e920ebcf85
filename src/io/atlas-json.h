/* atlas-json.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <string.h>

#include "atlas-report.h"

G_BEGIN_DECLS

#define ATLAS_JSON_MAX_DEPTH 64
#define ATLAS_JSON_MAX_STRING (1024 * 1024)

typedef void (*AtlasProgressFunc) (double   fraction,
                                   gpointer user_data);

/* How often an asynchronous load or import reports its progress to the main
 * context: each report moves a progress bar, and each move costs the window a
 * frame. With GTK's GL renderer on a software rasterizer a frame of the whole
 * window takes tens of milliseconds of CPU, which hundreds of reports a second
 * took from the load itself; five a second keep the bar moving. */
#define ATLAS_PROGRESS_INTERVAL_MS 200

typedef enum
{
  ATLAS_JSON_NULL,
  ATLAS_JSON_BOOLEAN,
  ATLAS_JSON_NUMBER,
  ATLAS_JSON_STRING,
  ATLAS_JSON_ARRAY,
  ATLAS_JSON_OBJECT,
} AtlasJsonType;

/* One JSON value, read-only. Arrays and objects hold their items in order; an
 * object's items carry their member names. Values live in an arena that the
 * streaming parser reuses for the next element: a reader must copy what it
 * keeps. */
typedef struct _AtlasJson AtlasJson;
struct _AtlasJson
{
  const char *key;        /* member name, for an item of an object */
  guint32 key_length;
  guint32 size;           /* items of an array or object, bytes of a string */
  guint8 type;            /* AtlasJsonType */
  gboolean boolean;
  double number;
  const char *string;     /* NUL-terminated */
  const AtlasJson *items;
};

/*
 * Called for each element of an array that is a member of the top-level object,
 * as soon as the element has been read, with the member's name and the
 * element's index. The element is valid only during the call.
 */
typedef void (*AtlasJsonElementFunc) (const char      *member,
                                      const AtlasJson *element,
                                      guint            index,
                                      gpointer         user_data);

typedef struct _AtlasJsonDocument AtlasJsonDocument;

AtlasJsonDocument *atlas_json_stream          (const char           *data,
                                               gsize                 length,
                                               AtlasReport          *report,
                                               GCancellable         *cancellable,
                                               AtlasProgressFunc     progress,
                                               gpointer              progress_data,
                                               AtlasJsonElementFunc  element_func,
                                               gpointer              element_data);
const AtlasJson   *atlas_json_document_root   (AtlasJsonDocument    *document);
void               atlas_json_document_free   (AtlasJsonDocument    *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasJsonDocument, atlas_json_document_free)

static inline gboolean
atlas_json_is_type (const AtlasJson *value,
                    AtlasJsonType    type)
{
  return value != NULL && value->type == type;
}

#define atlas_json_is_null(v) atlas_json_is_type ((v), ATLAS_JSON_NULL)
#define atlas_json_is_boolean(v) atlas_json_is_type ((v), ATLAS_JSON_BOOLEAN)
#define atlas_json_is_number(v) atlas_json_is_type ((v), ATLAS_JSON_NUMBER)
#define atlas_json_is_string(v) atlas_json_is_type ((v), ATLAS_JSON_STRING)
#define atlas_json_is_array(v) atlas_json_is_type ((v), ATLAS_JSON_ARRAY)
#define atlas_json_is_object(v) atlas_json_is_type ((v), ATLAS_JSON_OBJECT)

static inline guint
atlas_json_size (const AtlasJson *value)
{
  return value->size;
}

static inline const AtlasJson *
atlas_json_element (const AtlasJson *array,
                    guint            index)
{
  return &array->items[index];
}

/* The member named key, or NULL; with duplicate names, the last one, as most
 * JSON readers do. */
static inline const AtlasJson *
atlas_json_member (const AtlasJson *object,
                   const char      *key)
{
  gsize length = strlen (key);

  for (guint i = object->size; i > 0; i--)
    {
      const AtlasJson *item = &object->items[i - 1];

      if (item->key_length == length && item->key[0] == key[0] && memcmp (item->key, key, length) == 0)
        return item;
    }
  return NULL;
}

static inline const char *
atlas_json_string_member (const AtlasJson *object,
                          const char      *key)
{
  const AtlasJson *member = atlas_json_member (object, key);

  return atlas_json_is_string (member) ? member->string : NULL;
}

const AtlasJson *atlas_json_empty_object  (void);
char            *atlas_json_format_number (double value,
                                           char   buffer[G_ASCII_DTOSTR_BUF_SIZE]);

G_END_DECLS
