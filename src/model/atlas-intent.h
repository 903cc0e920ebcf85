/* atlas-intent.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Which view a person acted in. */
typedef enum
{
  ATLAS_ORIGIN_OTHER,
  ATLAS_ORIGIN_MAP,
  ATLAS_ORIGIN_TIMELINE,
  ATLAS_ORIGIN_LIST,
  ATLAS_ORIGIN_DETAILS,
  ATLAS_ORIGIN_SIDEBAR,
} AtlasOrigin;

/* What a person asked for. What it changes is the coordinator's decision. */
typedef enum
{
  ATLAS_INTENT_SELECT_PLACE,
  ATLAS_INTENT_SELECT_DISTRICT,
  ATLAS_INTENT_SELECT_EVENT,
  ATLAS_INTENT_CLEAR_SELECTION,
  ATLAS_INTENT_SET_DATE_RANGE,
  ATLAS_INTENT_CLEAR_DATE_RANGE,
  ATLAS_INTENT_SEEK,
} AtlasIntentKind;

typedef struct
{
  AtlasIntentKind kind;
  AtlasOrigin origin;
  guint index;   /* the place, district or event */
  gint32 start;  /* SET_DATE_RANGE: [start, end) in days; SEEK: the day in start */
  gint32 end;
} AtlasIntent;

#define ATLAS_TYPE_INTENT (atlas_intent_get_type ())
GType        atlas_intent_get_type (void) G_GNUC_CONST;
AtlasIntent *atlas_intent_copy     (const AtlasIntent *intent);
void         atlas_intent_free     (AtlasIntent       *intent);

/* Views that turn input into intents implement this interface; its one signal,
 * AtlasIntentSource::intent, carries them to the coordinator. */
#define ATLAS_TYPE_INTENT_SOURCE (atlas_intent_source_get_type ())
G_DECLARE_INTERFACE (AtlasIntentSource, atlas_intent_source, ATLAS, INTENT_SOURCE, GObject)

struct _AtlasIntentSourceInterface
{
  GTypeInterface parent_iface;
};

void atlas_intent_source_emit  (AtlasIntentSource *source,
                                const AtlasIntent *intent);
void atlas_intent_emit_select  (gpointer           source,
                                AtlasIntentKind    kind,
                                guint              index,
                                AtlasOrigin        origin);
void atlas_intent_emit_range   (gpointer           source,
                                AtlasIntentKind    kind,
                                gint32             start,
                                gint32             end,
                                AtlasOrigin        origin);

G_END_DECLS
