/* atlas-intent.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-intent.h"

/*
 * The vocabulary of what a person asks for in a view: select this place, this
 * event, this district; clear the selection; filter to these dates; move the
 * playhead there. Views emit intents and never write the shared models
 * themselves; AtlasCoordinator (src/atlas-coordinator.c) decides what each one
 * changes.
 */

AtlasIntent *
atlas_intent_copy (const AtlasIntent *intent)
{
  return g_memdup2 (intent, sizeof *intent);
}

void
atlas_intent_free (AtlasIntent *intent)
{
  g_free (intent);
}

G_DEFINE_BOXED_TYPE (AtlasIntent, atlas_intent, atlas_intent_copy, atlas_intent_free)

G_DEFINE_INTERFACE (AtlasIntentSource, atlas_intent_source, G_TYPE_OBJECT)

enum {
  INTENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
atlas_intent_source_default_init (AtlasIntentSourceInterface *iface)
{
  /**
   * AtlasIntentSource::intent:
   * @source: the view
   * @intent: what the person asked for
   *
   * Emitted when a person acts in the view.
   */
  signals[INTENT] =
    g_signal_new ("intent",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  ATLAS_TYPE_INTENT | G_SIGNAL_TYPE_STATIC_SCOPE);
}

void
atlas_intent_source_emit (AtlasIntentSource *source,
                          const AtlasIntent *intent)
{
  g_return_if_fail (ATLAS_IS_INTENT_SOURCE (source));
  g_return_if_fail (intent != NULL);

  g_signal_emit (source, signals[INTENT], 0, intent);
}

void
atlas_intent_emit_select (gpointer        source,
                          AtlasIntentKind kind,
                          guint           index,
                          AtlasOrigin     origin)
{
  AtlasIntent intent = { .kind = kind, .origin = origin, .index = index };

  atlas_intent_source_emit (source, &intent);
}

void
atlas_intent_emit_range (gpointer        source,
                         AtlasIntentKind kind,
                         gint32          start,
                         gint32          end,
                         AtlasOrigin     origin)
{
  AtlasIntent intent = { .kind = kind, .origin = origin, .start = start, .end = end };

  atlas_intent_source_emit (source, &intent);
}
