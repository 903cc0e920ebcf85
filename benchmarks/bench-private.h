/* bench-private.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bench.h"
#include "model/atlas-filter.h"

G_BEGIN_DECLS

/*
 * What the program (atlas-bench.c) and the harness (bench.c) share beyond the
 * parts' API in bench.h. Parts may use bench_goal() and bench_note() too.
 */

typedef enum
{
  BENCH_GOAL_NONE,
  BENCH_GOAL_BELOW,     /* median < value */
  BENCH_GOAL_AT_MOST,   /* median ≤ value */
} BenchGoalKind;

/* Every size of @task is held to the goal; shown in the table with a verdict. */
void     bench_goal        (Bench         *bench,
                            const char    *task,
                            BenchGoalKind  kind,
                            double         value);

/* A line printed under the table, e.g. why a row was skipped. */
void     bench_note        (Bench         *bench,
                            const char    *format,
                            ...) G_GNUC_PRINTF (2, 3);

/* The sector or district with the most events (from bench-filter.c). */
guint    bench_largest_value (AtlasDataset *dataset,
                              AtlasFacet    facet);

Bench   *bench_new         (gboolean       quick);
void     bench_free        (Bench         *bench);
void     bench_begin_size  (Bench         *bench,
                            const char    *label,
                            guint          n_events);
void     bench_print_table (Bench         *bench,
                            FILE          *out);
gboolean bench_write_json  (Bench         *bench,
                            const char    *path,
                            const char    *command,
                            GError       **error);

/* What a child process reports: its own timing of the work, and the high-water
 * mark of its resident memory (VmHWM, which starts afresh at exec, unlike
 * ru_maxrss, which keeps the forking parent's peak). */
typedef struct
{
  double elapsed_ms;
  double wall_ms;      /* spawn to exit, seen by the parent */
  guint64 peak_kb;
} BenchChild;

void     bench_keep_user_renderer (void);
char   **bench_child_environ (void);
gboolean bench_run_child   (const char * const *argv,
                            BenchChild         *result,
                            GError            **error);
guint64  bench_read_peak_kb (void);
void     bench_print_child_result (double elapsed_ms);

const char *bench_self_path (void);

/* The body of the hidden `atlas-bench --child load|parse|none FILE`, in
 * bench-load.c. Returns the exit status. */
int      bench_child_main  (const char    *mode,
                            const char    *path);

/* The body of the hidden `atlas-bench --child window FILE`, in bench-e2e.c. */
int      bench_e2e_child_main (const char *path);

G_END_DECLS
