/* test-wait.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef gboolean (*AtlasTestCondition) (gpointer data);

/* Runs the default main context until @condition (called with @data) returns
 * TRUE. After @seconds (times $ATLAS_TEST_SLOWDOWN) the test fails with
 * "timed out after N s waiting for @what", at the caller's file and line. */
#define atlas_test_wait_until(condition, data, seconds, what) \
  atlas_test_wait_until_at (__FILE__, __LINE__, G_STRFUNC, (condition), (data), (seconds), (what))

void   atlas_test_wait_until_at (const char         *file,
                                 int                 line,
                                 const char         *func,
                                 AtlasTestCondition  condition,
                                 gpointer            data,
                                 double              seconds,
                                 const char         *what);
double atlas_test_slowdown      (void);

/* What an asynchronous load or import has reported of its progress. */
typedef struct
{
  guint calls;
  double last;
} AtlasTestProgress;

void   atlas_test_count_progress (double              fraction,
                                  gpointer            progress);

G_END_DECLS
