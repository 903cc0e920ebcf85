/* bench-load.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "bench-private.h"
#include "io/atlas-loader.h"

/*
 * Loading a file, against the two obvious ways of reading the same JSON:
 * json-glib building its whole tree (what the loader must beat, since it uses
 * json-glib's parser underneath) and Python's json.load.
 *
 * Times are taken in this process (warm page cache, as when a file is opened a
 * second time). Peak memory is taken in a fresh child process for each run: the
 * benchmark runs itself again with --child, and the child reports its own VmHWM.
 */

#define PYTHON_LOAD \
  "import json, sys, time\n" \
  "start = time.perf_counter()\n" \
  "data = json.load(open(sys.argv[1], encoding='utf-8'))\n" \
  "elapsed = (time.perf_counter() - start) * 1000\n" \
  "peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0].split()[1]\n" \
  "print('elapsed-ms: %.3f' % elapsed)\n" \
  "print('peak-kb: %s' % peak)\n"

/* Each returns what it built, to be freed after the clock stops: freeing a
 * million-node tree is not part of reading it. */
static gpointer
load_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset;

  dataset = atlas_loader_load_file (file, report, NULL, NULL, NULL, &error);
  if (dataset == NULL)
    g_error ("Loading %s failed: %s", path, error->message);
  return dataset;
}

static gpointer
parse_file (const char *path)
{
  JsonParser *parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_file (parser, path, &error))
    g_error ("json-glib could not parse %s: %s", path, error->message);
  return parser;
}

/* Loads and parses in turn, so that both see the same machine: on a shared one
 * the load of other processes drifts, and a ratio of two runs taken minutes apart
 * would measure the drift. The clock stops before the result is freed. */
static void
measure_reads (Bench              *bench,
               const BenchDataset *data,
               guint               repeats)
{
  g_autofree double *loads = g_new (double, repeats);
  g_autofree double *parses = g_new (double, repeats);

  for (guint i = 0; i <= repeats; i++)
    {
      double start = bench_now_ms ();
      gpointer result = load_file (data->path);
      double load_ms = bench_now_ms () - start;

      g_object_unref (result);
      start = bench_now_ms ();
      result = parse_file (data->path);
      if (i > 0)  /* the first round warms up */
        {
          loads[i - 1] = load_ms;
          parses[i - 1] = bench_now_ms () - start;
        }
      g_object_unref (result);
    }
  bench_record (bench, "load", data->label, loads, repeats, "ms");
  bench_record (bench, "json-glib parse", data->label, parses, repeats, "ms");
}

int
bench_child_main (const char *mode,
                  const char *path)
{
  double start = bench_now_ms ();

  /* What was built stays alive until the process exits, after the report. */
  if (g_strcmp0 (mode, "load") == 0)
    load_file (path);
  else if (g_strcmp0 (mode, "parse") == 0)
    parse_file (path);
  else if (g_strcmp0 (mode, "none") != 0)
    {
      g_printerr ("--child: unknown mode “%s” (load, parse or none)\n", mode);
      return 2;
    }
  bench_print_child_result (bench_now_ms () - start);
  return 0;
}

typedef struct
{
  const char * const *argv;
  const char *time_task;   /* or NULL */
  const char *peak_task;
  double *times;
  double *peaks;
  gboolean failed;
} Child;

/* Runs each kind of child in turn, `repeats` rounds; records each one's own
 * timing and its peak. */
static void
run_children (Bench              *bench,
              const BenchDataset *data,
              Child              *children,
              guint               n_children,
              guint               repeats)
{
  for (guint c = 0; c < n_children; c++)
    {
      children[c].times = g_new (double, repeats);
      children[c].peaks = g_new (double, repeats);
    }

  for (guint i = 0; i < repeats; i++)
    {
      for (guint c = 0; c < n_children; c++)
        {
          g_autoptr(GError) error = NULL;
          BenchChild child = { 0 };

          if (children[c].failed)
            continue;
          if (!bench_run_child (children[c].argv, &child, &error))
            {
              bench_note (bench, "%s (%s): skipped, the child failed: %s", children[c].peak_task,
                          data->label, error->message);
              children[c].failed = TRUE;
              continue;
            }
          children[c].times[i] = child.elapsed_ms;
          children[c].peaks[i] = child.peak_kb / 1024.0;
        }
    }

  for (guint c = 0; c < n_children; c++)
    {
      if (!children[c].failed)
        {
          if (children[c].time_task != NULL)
            bench_record (bench, children[c].time_task, data->label, children[c].times, repeats,
                          "ms");
          bench_record (bench, children[c].peak_task, data->label, children[c].peaks, repeats,
                        "MiB");
        }
      g_free (children[c].times);
      g_free (children[c].peaks);
    }
}

void
bench_load (Bench              *bench,
            const BenchDataset *data)
{
  const char *load_argv[] = { bench_self_path (), "--child", "load", data->path, NULL };
  const char *parse_argv[] = { bench_self_path (), "--child", "parse", data->path, NULL };
  const char *python_argv[] = { BENCH_PYTHON, "-c", PYTHON_LOAD, data->path, NULL };
  Child children[] = {
    { load_argv, "load, fresh process", "load peak memory" },
    { parse_argv, NULL, "json-glib parse peak memory" },
    { python_argv, "python json.load", "python json.load peak memory" },
  };

  /* Above a million events json-glib's tree (2.1 GB at 1M) and Python's objects
   * would not fit beside the dataset in 24 GB: only the load itself is measured. */
  if (data->n_events > 1000000)
    {
      bench_note (bench, "load %s: json-glib and Python not run (their memory grows "
                  "ten times per size: 2.1 and 1.4 GB at 1M)", data->label);
      run_children (bench, data, children, 1, bench_repeats (bench, 5));
      return;
    }

  measure_reads (bench, data, bench_repeats (bench, 10));
  bench_ratio (bench, "load / json-glib parse", data->label, "load", "json-glib parse", 0.6);

  run_children (bench, data, children, G_N_ELEMENTS (children), bench_repeats (bench, 5));
  bench_ratio (bench, "load / json-glib peak memory", data->label,
               "load peak memory", "json-glib parse peak memory", 0.25);
  bench_ratio (bench, "load / python json.load", data->label,
               "load, fresh process", "python json.load", 1.0);
  bench_ratio (bench, "load / python peak memory", data->label,
               "load peak memory", "python json.load peak memory", 1.0);
}
