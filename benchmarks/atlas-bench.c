/* atlas-bench.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "atlas-renderer.h"
#include "bench-private.h"
#include "io/atlas-loader.h"

/*
 * atlas-bench: the one benchmark program. For each dataset size it generates
 * (once, cached) a synthetic dataset with generate-dataset.py, loads it, and runs
 * the parts (bench-load.c, bench-filter.c, bench-map.c, bench-timeline.c); then it
 * measures the app's start-up on the bundled dataset, and prints one table.
 */

#define STARTUP_TIMEOUT_MS 20000
#define STARTUP_EXIT_WAIT_MS 5000

typedef struct
{
  const char *label;
  guint n_events;
  guint n_locations;
} Size;

static const Size known_sizes[] = {
  { "1k", 1000, 100 },
  { "10k", 10000, 1000 },
  { "100k", 100000, 10000 },
  { "1M", 1000000, 100000 },
  { "10M", 10000000, 1000000 },   /* only when asked for: --sizes 10M */
};

typedef void (*BenchPart) (Bench *bench, const BenchDataset *data);

static const struct {
  const char *name;
  BenchPart func;
} parts[] = {
  { "load", bench_load },
  { "import", bench_import },
  { "filter", bench_filter },
  { "list", bench_list },
#ifdef HAVE_BENCH_MAP
  { "map", bench_map },
#endif
#ifdef HAVE_BENCH_TIMELINE
  { "timeline", bench_timeline },
#endif
  { "window", bench_e2e },
};

static gboolean
list_contains (char       **list,
               const char  *name)
{
  return list == NULL || g_strv_contains ((const char * const *) list, name);
}

static gboolean
any_dataset_part (char **part_names)
{
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (list_contains (part_names, parts[i].name))
        return TRUE;
    }
  return FALSE;
}

/* The generator's checksum names the cached files, so that a changed generator
 * never leaves stale datasets behind a benchmark. */
static char *
generator_tag (void)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autofree char *sum = NULL;

  if (!g_file_get_contents (BENCH_GENERATOR, &contents, &length, NULL))
    return g_strdup ("unknown");
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  return g_strndup (sum, 8);
}

static char *
ensure_dataset (const char  *data_dir,
                const Size  *size,
                guint        seed,
                gboolean     date_order,
                GError     **error)
{
  g_autofree char *tag = generator_tag ();
  g_autofree char *name = g_strdup_printf ("atlas-%s-seed%u%s-%s.json", size->label, seed,
                                           date_order ? "-dated" : "", tag);
  g_autofree char *path = g_build_filename (data_dir, name, NULL);
  g_autofree char *events = g_strdup_printf ("%u", size->n_events);
  g_autofree char *locations = g_strdup_printf ("%u", size->n_locations);
  g_autofree char *seed_text = g_strdup_printf ("%u", seed);
  const char *argv[] = { BENCH_PYTHON, BENCH_GENERATOR, "--events", events,
                         "--locations", locations, "--seed", seed_text, "--out", path,
                         date_order ? "--date-order" : NULL, NULL };
  int status;
  double start;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&path);

  if (g_mkdir_with_parents (data_dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Cannot create %s: %s", data_dir, g_strerror (saved));
      return NULL;
    }

  g_printerr ("Generating the %s dataset in %s (first use) …\n", size->label, path);
  start = bench_now_ms ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                     NULL, NULL, &status, error) ||
      !g_spawn_check_wait_status (status, error))
    return NULL;
  g_printerr ("  done in %.1f s\n", (bench_now_ms () - start) / 1000);
  return g_steal_pointer (&path);
}

static AtlasDataset *
load_dataset (const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasReport) report = atlas_report_new ();
  AtlasDataset *dataset;

  dataset = atlas_loader_load_file (file, report, NULL, NULL, NULL, error);
  if (dataset != NULL && atlas_report_get_n_warnings (report) > 0)
    {
      g_autofree char *summary = atlas_report_format_summary (report, 5);

      g_printerr ("%s has warnings:\n%s\n", path, summary);
    }
  else if (dataset == NULL && atlas_report_get_n_errors (report) > 0)
    {
      g_autofree char *summary = atlas_report_format_summary (report, 5);

      g_printerr ("%s\n", summary);
    }
  return dataset;
}

static void
run_size (Bench       *bench,
          const Size  *size,
          const char  *data_dir,
          guint        seed,
          gboolean     date_order,
          char       **part_names)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ensure_dataset (data_dir, size, seed, date_order, &error);
  g_autoptr(AtlasDataset) dataset = NULL;
  BenchDataset data = { 0 };
  GStatBuf st;
  double start;

  if (path == NULL)
    {
      bench_note (bench, "%s: skipped, the dataset could not be generated: %s", size->label,
                  error->message);
      return;
    }

  g_printerr ("%s: loading %s …\n", size->label, path);
  start = bench_now_ms ();
  dataset = load_dataset (path, &error);
  if (dataset == NULL)
    {
      bench_note (bench, "%s: skipped, %s does not load: %s", size->label, path, error->message);
      return;
    }
  g_printerr ("%s: loaded in %.0f ms\n", size->label, bench_now_ms () - start);

  data.label = size->label;
  data.path = path;
  data.file_size = g_stat (path, &st) == 0 ? (guint64) st.st_size : 0;
  data.n_events = atlas_dataset_get_n_events (dataset);
  data.n_locations = atlas_dataset_get_n_locations (dataset);
  data.dataset = dataset;

  bench_begin_size (bench, size->label, data.n_events);
  {
    double mb = data.file_size / 1e6;

    bench_record (bench, "file size", size->label, &mb, 1, "MB");
  }

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (!list_contains (part_names, parts[i].name))
        continue;
      g_printerr ("%s: %s …\n", size->label, parts[i].name);
      parts[i].func (bench, &data);
    }
}

/* Start-up ------------------------------------------------------------------- */

static gboolean
wait_child (GPid    pid,
            double  timeout_ms,
            int    *status)
{
  double deadline = bench_now_ms () + timeout_ms;

  while (bench_now_ms () < deadline)
    {
      pid_t done = waitpid (pid, status, WNOHANG);

      if (done == pid)
        return TRUE;
      if (done < 0 && errno != EINTR)
        return TRUE;
      g_usleep (5000);
    }
  return FALSE;
}

static void
stop_child (GPid pid)
{
  int status;

  kill (pid, SIGTERM);
  if (!wait_child (pid, 2000, &status))
    {
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
    }
}

/* What the app logs when the first frame with the dataset is drawn. */
#define FIRST_FRAME "first frame with the dataset:"

/* Runs the app once; returns FALSE with a reason when it logged no first-frame line. */
static gboolean
run_app_once (const char  *renderer,
              double      *app_ms,
              double      *wall_ms,
              char       **reason)
{
  const char *argv[] = { BENCH_APP, NULL };
  g_auto(GStrv) envp = bench_child_environ ();
  g_autoptr(GString) output = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  double start, deadline;
  GPid pid;
  int out_fd, status = 0;
  const char *line;

  /* The app logs its start-up time in its debug output. */
  envp = g_environ_setenv (envp, "G_MESSAGES_DEBUG", "Atlas-app", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_SCHEMA_DIR", BENCH_BUILD_ROOT "/data", FALSE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", FALSE);
  if (renderer != NULL)
    envp = g_environ_setenv (envp, "GSK_RENDERER", renderer, TRUE);

  start = bench_now_ms ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, envp,
                                 G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    {
      *reason = g_strdup_printf ("cannot start %s: %s", BENCH_APP, error->message);
      return FALSE;
    }

  deadline = start + STARTUP_TIMEOUT_MS;
  line = NULL;
  while (line == NULL)
    {
      struct pollfd pfd = { out_fd, POLLIN, 0 };
      double left = deadline - bench_now_ms ();
      char buffer[4096];
      ssize_t n;

      if (left <= 0)
        break;
      if (poll (&pfd, 1, (int) left + 1) <= 0)
        continue;
      n = read (out_fd, buffer, sizeof buffer);
      if (n <= 0)
        break;  /* the app closed its output, or exited */
      g_string_append_len (output, buffer, n);
      line = strstr (output->str, FIRST_FRAME);
      if (line != NULL && strchr (line, '\n') == NULL)
        line = NULL;  /* wait for the whole line */
    }
  *wall_ms = bench_now_ms () - start;
  close (out_fd);

  if (line == NULL)
    {
      /* End of output before the deadline: the app is exiting, or has. */
      gboolean exited = bench_now_ms () < deadline &&
                        wait_child (pid, STARTUP_EXIT_WAIT_MS, &status);

      if (!exited)
        stop_child (pid);
      g_spawn_close_pid (pid);
      if (!exited)
        *reason = g_strdup_printf ("the app logged no “" FIRST_FRAME "” line within %d s "
                                   "(it logs one with G_MESSAGES_DEBUG=Atlas-app)",
                                   STARTUP_TIMEOUT_MS / 1000);
      else if (WIFSIGNALED (status))
        *reason = g_strdup_printf ("the app was killed by signal %d (%s) before its first frame; "
                                   "its messages are above", WTERMSIG (status),
                                   g_strsignal (WTERMSIG (status)));
      else
        *reason = g_strdup_printf ("the app exited with status %d without logging "
                                   "“" FIRST_FRAME "”; its messages are above",
                                   WEXITSTATUS (status));
      return FALSE;
    }

  *app_ms = g_ascii_strtod (line + strlen (FIRST_FRAME), NULL);
  /* The app stays open: close it. */
  stop_child (pid);
  g_spawn_close_pid (pid);
  return TRUE;
}

/* Records the app's own figure and the parent's; FALSE when the app gave none. */
static gboolean
measure_startup (Bench      *bench,
                 guint       repeats,
                 const char *renderer,
                 const char *task,
                 const char *wall_task)
{
  g_autofree double *app = g_new (double, repeats);
  g_autofree double *wall = g_new (double, repeats);

  /* One run first to warm caches (fonts, icons, the page cache). */
  for (guint i = 0; i <= repeats; i++)
    {
      g_autofree char *reason = NULL;
      double app_ms = 0, wall_ms = 0;

      if (!run_app_once (renderer, &app_ms, &wall_ms, &reason))
        {
          bench_note (bench, "%s: skipped, %s", task, reason);
          return FALSE;
        }
      if (i > 0)
        {
          app[i - 1] = app_ms;
          wall[i - 1] = wall_ms;
        }
    }
  bench_record (bench, task, "bundled", app, repeats, "ms");
  if (wall_task != NULL)
    bench_record (bench, wall_task, "bundled", wall, repeats, "ms");
  return TRUE;
}

static void
bench_startup (Bench *bench,
               guint  repeats)
{
  const char *task = "start-up to first frame (app's clock)";
  const char *wall_task = "start-up to first frame (spawn to line)";
  const char *gl_task = "start-up to first frame, GL renderer (app's clock)";

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      bench_note (bench, "start-up: skipped, there is no display; run under "
                  "dbus-run-session -- xvfb-run -a -s '-screen 0 1440x900x24'");
      return;
    }

  bench_goal (bench, task, BENCH_GOAL_AT_MOST, 400);
  bench_goal (bench, wall_task, BENCH_GOAL_AT_MOST, 400);
  g_printerr ("start-up …\n");

  /* As the user gets it (on a software GL, such as Mesa's llvmpipe under Xvfb,
   * the app draws with cairo: src/atlas-renderer.c), then with GTK's GL renderer
   * forced, for comparison. */
  if (measure_startup (bench, repeats, NULL, task, wall_task))
    measure_startup (bench, repeats, "gl", gl_task, NULL);
}

/* Main ----------------------------------------------------------------------- */

static void
measure_baseline (Bench *bench)
{
  const char *argv[] = { bench_self_path (), "--child", "none", "-", NULL };
  g_autoptr(GError) error = NULL;
  BenchChild child = { 0 };
  double mib;

  if (!bench_run_child (argv, &child, &error))
    {
      bench_note (bench, "baseline: the child failed: %s", error->message);
      return;
    }
  mib = child.peak_kb / 1024.0;
  bench_record (bench, "child process baseline peak memory", "—", &mib, 1, "MiB");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sizes_text = NULL;
  g_autofree char *parts_text = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *child = NULL;
  g_autofree char *command = NULL;
  g_auto(GStrv) sizes = NULL;
  g_auto(GStrv) part_names = NULL;
  gboolean quick = FALSE;
  gboolean date_order = FALSE;
  int seed = 1;
  Bench *bench;
  GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_text,
      "Dataset sizes to run, of 1k,10k,100k,1M,10M (default: 1k to 1M)", "LIST" },
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Fewer repeats", NULL },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "Also write the table as JSON", "FILE" },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir,
      "Where generated datasets are cached (default: " BENCH_DATA_DIR ")", "DIR" },
    { "parts", 0, 0, G_OPTION_ARG_STRING, &parts_text,
      "Parts to run, of load,import,filter,list,map,timeline,window,startup (default: all built)", "LIST" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the generated datasets (default: 1)", "N" },
    { "date-order", 0, 0, G_OPTION_ARG_NONE, &date_order,
      "Datasets with their events written in date order", NULL },
    { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child, NULL, NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  command = g_strjoinv (" ", argv);

  context = g_option_context_new ("— measure Chengyu Atlas at 1k to 1M events");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  /* A child measures one thing and reports; nothing else runs in it. */
  if (child != NULL)
    {
      if (argc != 2)
        {
          g_printerr ("--child MODE FILE\n");
          return 2;
        }
      if (g_str_equal (child, "window"))
        return bench_e2e_child_main (argv[1]);
      return bench_child_main (child, argv[1]);
    }

  sizes = g_strsplit (sizes_text != NULL ? sizes_text : "1k,10k,100k,1M", ",", -1);
  part_names = parts_text != NULL ? g_strsplit (parts_text, ",", -1) : NULL;
  for (guint i = 0; sizes[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (guint s = 0; s < G_N_ELEMENTS (known_sizes); s++)
        known |= g_str_equal (sizes[i], known_sizes[s].label);
      if (!known)
        {
          g_printerr ("Unknown size “%s”: use 1k, 10k, 100k, 1M or 10M\n", sizes[i]);
          return 2;
        }
    }

  bench = bench_new (quick);

  /* Parts that draw need GTK; without a display they skip themselves. GTK is not
   * even tried without one: gtk_init_check() counts as initialization when it
   * fails, so gtk_is_initialized() would then say TRUE. */
  g_setenv ("GSETTINGS_SCHEMA_DIR", BENCH_BUILD_ROOT "/data", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    {
      if (gtk_init_check ())
        {
          adw_init ();
          /* As the app's start-up does: windows draw with cairo on a software GL. */
          bench_keep_user_renderer ();
          atlas_renderer_choose (gdk_display_get_default ());
        }
      else
        bench_note (bench, "GTK could not open the display; the map and timeline parts "
                    "may fail");
    }

  measure_baseline (bench);

  /* Smallest first, in the order of known_sizes whatever the order given; and only
   * when a part that needs a dataset runs. */
  for (guint s = 0; s < G_N_ELEMENTS (known_sizes) && any_dataset_part (part_names); s++)
    {
      if (g_strv_contains ((const char * const *) sizes, known_sizes[s].label))
        run_size (bench, &known_sizes[s], data_dir != NULL ? data_dir : BENCH_DATA_DIR,
                  (guint) seed, date_order, part_names);
    }

  if (list_contains (part_names, "startup"))
    bench_startup (bench, quick ? 3 : 7);

  printf ("\natlas-bench (%s, %u cores)\n\n", quick ? "quick" : "full", g_get_num_processors ());
  bench_print_table (bench, stdout);

  if (json_path != NULL)
    {
      if (!bench_write_json (bench, json_path, command, &error))
        {
          g_printerr ("Cannot write %s: %s\n", json_path, error->message);
          bench_free (bench);
          return 1;
        }
      printf ("\nWrote %s\n", json_path);
    }

  bench_free (bench);
  return 0;
}
