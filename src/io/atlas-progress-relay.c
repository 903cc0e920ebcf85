/* atlas-progress-relay.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-progress-relay.h"

/*
 * Carries progress from a worker thread to the main context the relay was made
 * in, at most once per ATLAS_PROGRESS_INTERVAL_MS (and the whole at the end), and
 * never after the work has finished or been cancelled. The asynchronous load and
 * the asynchronous import both report through one.
 */

struct _AtlasProgressRelay
{
  GMainContext *context;
  GCancellable *cancellable;
  AtlasProgressFunc func;
  gpointer data;
  GDestroyNotify destroy;
  gint64 last_report;  /* worker thread only */
  gboolean finished;   /* main context only */
};

typedef struct
{
  AtlasProgressRelay *relay;
  double fraction;
} RelayCall;

static void
relay_free (AtlasProgressRelay *self)
{
  if (self->destroy != NULL)
    self->destroy (self->data);
  g_clear_object (&self->cancellable);
  g_main_context_unref (self->context);
}

/**
 * atlas_progress_relay_new:
 * @cancellable: (nullable): once cancelled, @func is not called again
 * @func: (nullable): called in the thread-default main context of the caller
 * @destroy: (nullable): frees @data when the last reference is dropped
 *
 * Returns: (transfer full): a relay, to be passed as the progress data of work
 *   done on another thread
 */
AtlasProgressRelay *
atlas_progress_relay_new (GCancellable      *cancellable,
                          AtlasProgressFunc  func,
                          gpointer           data,
                          GDestroyNotify     destroy)
{
  AtlasProgressRelay *self = g_atomic_rc_box_new0 (AtlasProgressRelay);

  self->context = g_main_context_ref_thread_default ();
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->func = func;
  self->data = data;
  self->destroy = destroy;
  self->last_report = G_MININT64 / 2;
  return self;
}

void
atlas_progress_relay_unref (AtlasProgressRelay *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) relay_free);
}

static gboolean
relay_dispatch (gpointer user_data)
{
  RelayCall *call = user_data;
  AtlasProgressRelay *self = call->relay;

  if (!self->finished && !g_cancellable_is_cancelled (self->cancellable) && self->func != NULL)
    self->func (call->fraction, self->data);
  return G_SOURCE_REMOVE;
}

static void
relay_call_free (gpointer user_data)
{
  RelayCall *call = user_data;

  atlas_progress_relay_unref (call->relay);
  g_free (call);
}

/**
 * atlas_progress_relay_report:
 * @relay: an #AtlasProgressRelay
 *
 * An #AtlasProgressFunc for the worker thread.
 */
void
atlas_progress_relay_report (double   fraction,
                             gpointer relay)
{
  AtlasProgressRelay *self = relay;
  gint64 now = g_get_monotonic_time ();
  RelayCall *call;

  if (now - self->last_report < ATLAS_PROGRESS_INTERVAL_MS * 1000 && fraction < 1.0)
    return;
  self->last_report = now;

  call = g_new (RelayCall, 1);
  call->relay = g_atomic_rc_box_acquire (self);
  call->fraction = fraction;
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, relay_dispatch, call,
                              relay_call_free);
}

/**
 * atlas_progress_relay_finish:
 *
 * In the main context, once the work has ended: reports still on their way are
 * dropped.
 */
void
atlas_progress_relay_finish (AtlasProgressRelay *self)
{
  self->finished = TRUE;
}
