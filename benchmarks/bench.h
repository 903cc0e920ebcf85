/* bench.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "model/atlas-dataset.h"

G_BEGIN_DECLS

/*
 * The one benchmark program (atlas-bench) is made of parts, one per area of the
 * app, each in its own file: bench-load.c, bench-filter.c, bench-list.c, bench-map.c,
 * bench-timeline.c, … A part measures with bench_measure() or records a value it
 * measured itself with bench_record(); the program prints one table (and JSON with
 * --json FILE) of median and spread per task and dataset size.
 *
 * Times are wall-clock milliseconds from CLOCK_MONOTONIC (bench_now_ms()). Compare ratios
 * within one run, never absolute numbers across machines.
 */

typedef struct _Bench Bench;

typedef void (*BenchFunc) (gpointer data);

/* Runs func once to warm up, then `repeats` times, and records the median and the
 * spread (min–max) in milliseconds under (task, size). */
void     bench_measure     (Bench      *bench,
                            const char *task,
                            const char *size,
                            guint       repeats,
                            BenchFunc   func,
                            gpointer    data);

/* Records samples the part took itself (e.g. frame times from a frame clock). */
void     bench_record      (Bench        *bench,
                            const char   *task,
                            const char   *size,
                            const double *samples,
                            guint         n_samples,
                            const char   *unit);

/* Records a ratio between two recorded tasks of the same size, with its goal:
 * e.g. bench_ratio (b, "load / json-glib parse", "1M", "load", "json-glib parse", 0.6). */
void     bench_ratio       (Bench      *bench,
                            const char *task,
                            const char *size,
                            const char *numerator_task,
                            const char *denominator_task,
                            double      goal);

/* The number of repeats to use: fewer for the big sizes, set by --quick. */
guint    bench_repeats     (Bench      *bench,
                            guint       wanted);

double   bench_now_ms      (void);

/* One dataset size of the run: the generated file and the dataset loaded from it
 * (loaded once by the program; parts must not modify it). */
typedef struct
{
  const char *label;        /* "1k", "10k", "100k", "1M" */
  const char *path;         /* the generated JSON file */
  guint64 file_size;
  guint n_events;
  guint n_locations;
  AtlasDataset *dataset;
} BenchDataset;

/* The parts, each in bench-<part>.c. */
void     bench_load        (Bench              *bench,
                            const BenchDataset *data);
void     bench_import      (Bench              *bench,
                            const BenchDataset *data);
void     bench_filter      (Bench              *bench,
                            const BenchDataset *data);
void     bench_list        (Bench              *bench,
                            const BenchDataset *data);
void     bench_map         (Bench              *bench,
                            const BenchDataset *data);
void     bench_timeline    (Bench              *bench,
                            const BenchDataset *data);
void     bench_e2e         (Bench              *bench,
                            const BenchDataset *data);

G_END_DECLS
