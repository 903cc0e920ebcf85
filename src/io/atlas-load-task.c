/* atlas-load-task.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-load-task.h"

/*
 * A dataset read on a worker thread, for the asynchronous load and the
 * asynchronous import alike: the problems go into a report the caller gets with
 * the dataset, and the progress is relayed to the caller's main context.
 */

/* Carries progress from the worker thread to the main context the relay was made
 * in, at most once per ATLAS_PROGRESS_INTERVAL_MS (and the whole at the end), and
 * never after the work has finished or been cancelled. */
typedef struct
{
  GMainContext *context;
  GCancellable *cancellable;
  AtlasProgressFunc func;
  gpointer data;
  GDestroyNotify destroy;
  gint64 last_report;  /* worker thread only */
  gboolean finished;   /* main context only */
} Relay;

typedef struct
{
  Relay *relay;
  double fraction;
} RelayCall;

static void
relay_free (Relay *self)
{
  if (self->destroy != NULL)
    self->destroy (self->data);
  g_clear_object (&self->cancellable);
  g_main_context_unref (self->context);
}

static Relay *
relay_new (GCancellable      *cancellable,
           AtlasProgressFunc  func,
           gpointer           data,
           GDestroyNotify     destroy)
{
  Relay *self = g_atomic_rc_box_new0 (Relay);

  self->context = g_main_context_ref_thread_default ();
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->func = func;
  self->data = data;
  self->destroy = destroy;
  self->last_report = G_MININT64 / 2;
  return self;
}

static void
relay_unref (Relay *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) relay_free);
}

static gboolean
relay_dispatch (gpointer user_data)
{
  RelayCall *call = user_data;
  Relay *self = call->relay;

  if (!self->finished && !g_cancellable_is_cancelled (self->cancellable) && self->func != NULL)
    self->func (call->fraction, self->data);
  return G_SOURCE_REMOVE;
}

static void
relay_call_free (gpointer user_data)
{
  RelayCall *call = user_data;

  relay_unref (call->relay);
  g_free (call);
}

/* The worker thread's AtlasProgressFunc. */
static void
relay_progress (double   fraction,
                gpointer relay)
{
  Relay *self = relay;
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

typedef struct
{
  AtlasLoadFunc load;
  gpointer data;
  GDestroyNotify data_free;
  AtlasReport *report;
  Relay *relay;
} LoadTask;

static void
load_task_free (LoadTask *self)
{
  if (self->data_free != NULL)
    self->data_free (self->data);
  g_clear_object (&self->report);
  relay_unref (self->relay);
  g_free (self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadTask *self = task_data;
  GError *error = NULL;
  AtlasDataset *dataset;

  dataset = self->load (self->data, self->report, cancellable, relay_progress, self->relay, &error);
  if (dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

/**
 * atlas_load_task_run:
 * @source_tag: the asynchronous function this runs for
 * @load: reads the dataset, on a worker thread
 * @data: (transfer full): what @load reads from, freed with @data_free
 * @progress: (nullable): called in the caller's main context with the fraction
 *   done; not after the task is cancelled or finished
 *
 * Runs @load on a worker thread; the callback gets the result for
 * atlas_load_task_finish().
 */
void
atlas_load_task_run (gpointer             source_tag,
                     AtlasLoadFunc        load,
                     gpointer             data,
                     GDestroyNotify       data_free,
                     GCancellable        *cancellable,
                     AtlasProgressFunc    progress,
                     gpointer             progress_data,
                     GDestroyNotify       progress_data_destroy,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadTask *self = g_new0 (LoadTask, 1);

  self->load = load;
  self->data = data;
  self->data_free = data_free;
  self->report = atlas_report_new ();
  self->relay = relay_new (cancellable, progress, progress_data, progress_data_destroy);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, self, (GDestroyNotify) load_task_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, load_thread);
}

/**
 * atlas_load_task_finish:
 * @result: the result given to the callback
 * @source_tag: the one given to atlas_load_task_run()
 * @report: (out) (optional): every problem found, also when the load failed
 *
 * Returns: (transfer full) (nullable): the dataset
 */
AtlasDataset *
atlas_load_task_finish (GAsyncResult  *result,
                        gpointer       source_tag,
                        AtlasReport  **report,
                        GError       **error)
{
  LoadTask *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  self = g_task_get_task_data (G_TASK (result));
  self->relay->finished = TRUE;
  if (report != NULL)
    *report = g_object_ref (self->report);
  return g_task_propagate_pointer (G_TASK (result), error);
}
