/* test-wait.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "test-wait.h"

/*
 * Waits on conditions with a deadline, for tests that run the main loop: a
 * test never sleeps for a fixed time, and a wait that runs out says what it
 * waited for.
 */

/**
 * atlas_test_slowdown:
 *
 * Returns: how many times longer than usual the tests may take: 1, or
 *   $ATLAS_TEST_SLOWDOWN (set for the sanitizer build)
 */
double
atlas_test_slowdown (void)
{
  const char *value = g_getenv ("ATLAS_TEST_SLOWDOWN");
  double slowdown = value != NULL ? g_ascii_strtod (value, NULL) : 1.0;

  return slowdown >= 1.0 ? slowdown : 1.0;
}

static gboolean
on_wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
atlas_test_wait_until_at (const char         *file,
                          int                 line,
                          const char         *func,
                          AtlasTestCondition  condition,
                          gpointer            data,
                          double              seconds,
                          const char         *what)
{
  double limit = seconds * atlas_test_slowdown ();
  gint64 deadline = g_get_monotonic_time () + (gint64) (limit * G_USEC_PER_SEC);
  /* Blocking iterations, woken at least every 10 ms to check the deadline. */
  guint wake_up = g_timeout_add (10, on_wake_up, NULL);
  gboolean met;

  while (!(met = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake_up);

  if (!met)
    {
      g_autofree char *message = g_strdup_printf ("timed out after %.1f s waiting for %s", limit, what);

      g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
    }
}

/**
 * atlas_test_count_progress:
 * @progress: an #AtlasTestProgress, zeroed before the work starts
 *
 * An AtlasProgressFunc that counts the reports, and fails the test unless they
 * come in order and never beyond 1.
 */
void
atlas_test_count_progress (double   fraction,
                           gpointer progress)
{
  AtlasTestProgress *counted = progress;

  g_assert_cmpfloat (fraction, >=, counted->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  counted->calls++;
  counted->last = fraction;
}
