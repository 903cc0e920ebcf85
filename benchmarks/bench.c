/* bench.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>

#include "bench-private.h"

/*
 * The harness: collects samples per (task, size), reduces them to a median and a
 * spread, holds the goals, and prints one table and the same as JSON.
 */

typedef struct
{
  char *task;
  char *size;
  char *unit;
  GArray *samples;     /* double, sorted */
  double median;
  double min;
  double max;
  BenchGoalKind goal_kind;   /* for ratios; other rows take theirs from goals */
  double goal;
} BenchRow;

typedef struct
{
  BenchGoalKind kind;
  double value;
} BenchGoal;

struct _Bench
{
  GPtrArray *rows;      /* BenchRow */
  GPtrArray *notes;     /* char * */
  GPtrArray *sizes;     /* char *, in the order they were run */
  GPtrArray *tasks;     /* char *, in the order they first appeared */
  GHashTable *goals;    /* task → BenchGoal */
  gboolean quick;
  guint n_events;
  char *size;
};

static void
bench_row_free (gpointer data)
{
  BenchRow *row = data;

  g_free (row->task);
  g_free (row->size);
  g_free (row->unit);
  g_array_unref (row->samples);
  g_free (row);
}

Bench *
bench_new (gboolean quick)
{
  Bench *bench = g_new0 (Bench, 1);

  bench->rows = g_ptr_array_new_with_free_func (bench_row_free);
  bench->notes = g_ptr_array_new_with_free_func (g_free);
  bench->sizes = g_ptr_array_new_with_free_func (g_free);
  bench->tasks = g_ptr_array_new_with_free_func (g_free);
  bench->goals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  bench->quick = quick;
  return bench;
}

void
bench_free (Bench *bench)
{
  g_ptr_array_unref (bench->rows);
  g_ptr_array_unref (bench->notes);
  g_ptr_array_unref (bench->sizes);
  g_ptr_array_unref (bench->tasks);
  g_hash_table_unref (bench->goals);
  g_free (bench->size);
  g_free (bench);
}

static guint
index_of (GPtrArray  *strings,
          const char *text)
{
  for (guint i = 0; i < strings->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (strings, i), text))
        return i;
    }
  g_ptr_array_add (strings, g_strdup (text));
  return strings->len - 1;
}

void
bench_begin_size (Bench      *bench,
                  const char *label,
                  guint       n_events)
{
  g_free (bench->size);
  bench->size = g_strdup (label);
  bench->n_events = n_events;
  index_of (bench->sizes, label);
}

double
bench_now_ms (void)
{
  struct timespec now;

  /* The clock g_get_monotonic_time() reads, without its rounding to microseconds:
   * a playhead step costs less than one. */
  clock_gettime (CLOCK_MONOTONIC, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

guint
bench_repeats (Bench *bench,
               guint  wanted)
{
  guint repeats = wanted;

  if (bench->quick)
    repeats = MAX (2, wanted / 3);
  if (bench->n_events >= 1000000)
    repeats = MIN (repeats, bench->quick ? 2 : 3);
  else if (bench->n_events >= 100000)
    repeats = MIN (repeats, bench->quick ? 3 : 7);
  return MAX (repeats, 1);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static BenchRow *
add_row (Bench        *bench,
         const char   *task,
         const char   *size,
         const double *samples,
         guint         n_samples,
         const char   *unit)
{
  BenchRow *row = g_new0 (BenchRow, 1);
  const double *s;
  guint n;

  row->task = g_strdup (task);
  row->size = g_strdup (size);
  row->unit = g_strdup (unit);
  row->samples = g_array_sized_new (FALSE, FALSE, sizeof (double), n_samples);
  g_array_append_vals (row->samples, samples, n_samples);
  g_array_sort (row->samples, compare_doubles);

  s = (const double *) row->samples->data;
  n = row->samples->len;
  row->min = s[0];
  row->max = s[n - 1];
  row->median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;

  index_of (bench->tasks, task);
  index_of (bench->sizes, size);
  g_ptr_array_add (bench->rows, row);
  return row;
}

void
bench_record (Bench        *bench,
              const char   *task,
              const char   *size,
              const double *samples,
              guint         n_samples,
              const char   *unit)
{
  g_return_if_fail (bench != NULL && task != NULL && size != NULL);

  if (n_samples == 0)
    {
      bench_note (bench, "%s (%s): no samples", task, size);
      return;
    }
  add_row (bench, task, size, samples, n_samples, unit != NULL ? unit : "ms");
}

void
bench_measure (Bench      *bench,
               const char *task,
               const char *size,
               guint       repeats,
               BenchFunc   func,
               gpointer    data)
{
  g_autofree double *samples = g_new (double, MAX (repeats, 1));

  g_return_if_fail (bench != NULL && func != NULL);

  repeats = MAX (repeats, 1);
  func (data);
  for (guint i = 0; i < repeats; i++)
    {
      double start = bench_now_ms ();

      func (data);
      samples[i] = bench_now_ms () - start;
    }
  bench_record (bench, task, size, samples, repeats, "ms");
}

static BenchRow *
find_row (Bench      *bench,
          const char *task,
          const char *size)
{
  for (guint i = 0; i < bench->rows->len; i++)
    {
      BenchRow *row = g_ptr_array_index (bench->rows, i);

      if (g_str_equal (row->task, task) && g_str_equal (row->size, size))
        return row;
    }
  return NULL;
}

void
bench_ratio (Bench      *bench,
             const char *task,
             const char *size,
             const char *numerator_task,
             const char *denominator_task,
             double      goal)
{
  BenchRow *num = find_row (bench, numerator_task, size);
  BenchRow *den = find_row (bench, denominator_task, size);
  BenchRow *row;
  double ratio;

  if (num == NULL || den == NULL || den->median <= 0 || den->min <= 0)
    {
      bench_note (bench, "%s (%s): not computed, “%s” or “%s” is missing", task, size,
                  numerator_task, denominator_task);
      return;
    }

  ratio = num->median / den->median;
  row = add_row (bench, task, size, &ratio, 1, "×");
  /* The spread of a ratio: its extremes over the two spreads. */
  row->min = num->min / den->max;
  row->max = num->max / den->min;
  row->goal_kind = goal > 0 ? BENCH_GOAL_AT_MOST : BENCH_GOAL_NONE;
  row->goal = goal;
}

void
bench_goal (Bench         *bench,
            const char    *task,
            BenchGoalKind  kind,
            double         value)
{
  BenchGoal *goal = g_new (BenchGoal, 1);

  goal->kind = kind;
  goal->value = value;
  g_hash_table_replace (bench->goals, g_strdup (task), goal);
}

void
bench_note (Bench      *bench,
            const char *format,
            ...)
{
  va_list args;
  char *text;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  /* Say it at once as well: a skipped row is news while the run goes on. */
  g_printerr ("note: %s\n", text);
  g_ptr_array_add (bench->notes, text);
}

/* The table ------------------------------------------------------------------ */

static BenchGoal
row_goal (Bench    *bench,
          BenchRow *row)
{
  BenchGoal goal = { row->goal_kind, row->goal };
  BenchGoal *task_goal;

  if (goal.kind == BENCH_GOAL_NONE && (task_goal = g_hash_table_lookup (bench->goals, row->task)))
    goal = *task_goal;
  return goal;
}

static char *
format_value (double      value,
              const char *unit)
{
  double magnitude = fabs (value);

  if (g_str_equal (unit, "×"))
    return magnitude >= 0.1 || magnitude == 0 ? g_strdup_printf ("%.2f", value)
                                              : g_strdup_printf ("%.2g", value);
  if (magnitude >= 100)
    return g_strdup_printf ("%.0f", value);
  if (magnitude >= 10)
    return g_strdup_printf ("%.1f", value);
  if (magnitude >= 1)
    return g_strdup_printf ("%.2f", value);
  if (magnitude >= 0.01 || magnitude == 0)
    return g_strdup_printf ("%.3f", value);
  return g_strdup_printf ("%.5f", value);
}

static char *
format_goal (BenchGoal   goal,
             const char *unit)
{
  char value[G_ASCII_DTOSTR_BUF_SIZE];

  if (goal.kind == BENCH_GOAL_NONE)
    return g_strdup ("");
  g_ascii_formatd (value, sizeof value, "%g", goal.value);
  return g_strdup_printf ("%s %s%s%s", goal.kind == BENCH_GOAL_BELOW ? "<" : "≤", value,
                          g_str_equal (unit, "×") ? "" : " ", unit);
}

static gboolean
goal_met (BenchGoal goal,
          double    value)
{
  return goal.kind == BENCH_GOAL_BELOW ? value < goal.value : value <= goal.value;
}

static char *
format_verdict (BenchGoal goal,
                double    value)
{
  double ratio = value / goal.value;

  if (goal.kind == BENCH_GOAL_NONE)
    return g_strdup ("");
  if (goal_met (goal, value))
    return g_strdup ("met");
  if (ratio < 10)
    return g_strdup_printf ("MISSED %.2f× goal", ratio);
  return g_strdup_printf ("MISSED %.0f× goal", ratio);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  Bench *bench = user_data;
  const BenchRow *x = *(const BenchRow * const *) a;
  const BenchRow *y = *(const BenchRow * const *) b;
  int by_task = (int) index_of (bench->tasks, x->task) - (int) index_of (bench->tasks, y->task);

  if (by_task != 0)
    return by_task;
  return (int) index_of (bench->sizes, x->size) - (int) index_of (bench->sizes, y->size);
}

static GPtrArray *
sorted_rows (Bench *bench)
{
  GPtrArray *rows = g_ptr_array_copy (bench->rows, NULL, NULL);

  /* The copy borrows the rows: it must not free them. */
  g_ptr_array_set_free_func (rows, NULL);
  g_ptr_array_sort_with_data (rows, compare_rows, bench);
  return rows;
}

/* The growth of a task's median from the previous (ten times smaller) size:
 * about 10 for linear cost, about 1 for flat. */
static char *
format_growth (GPtrArray *rows,
               guint      i)
{
  BenchRow *row = g_ptr_array_index (rows, i);
  BenchRow *previous;

  if (i == 0 || g_str_equal (row->unit, "×"))
    return g_strdup ("");
  previous = g_ptr_array_index (rows, i - 1);
  if (!g_str_equal (previous->task, row->task) || previous->median <= 0)
    return g_strdup ("");
  return g_strdup_printf ("×%.1f", row->median / previous->median);
}

static void
print_cell (FILE       *out,
            const char *text,
            int         width,
            gboolean    right)
{
  /* Pad by characters, not bytes: "≤", "×" and "–" are several bytes. */
  int pad = width - (int) g_utf8_strlen (text, -1);

  if (right)
    fprintf (out, "%*s%s", MAX (pad, 0), "", text);
  else
    fprintf (out, "%s%*s", text, MAX (pad, 0), "");
}

enum { COL_TASK, COL_SIZE, COL_MEDIAN, COL_SPREAD, COL_N, COL_UNIT, COL_GOAL, COL_VERDICT,
       COL_GROWTH, N_COLS };

void
bench_print_table (Bench *bench,
                   FILE  *out)
{
  static const char * const headers[N_COLS] = {
    "task", "size", "median", "spread (min–max)", "n", "unit", "goal", "verdict", "growth",
  };
  static const gboolean right[N_COLS] = { 0, 0, 1, 1, 1, 0, 0, 0, 1 };
  g_autoptr(GPtrArray) rows = sorted_rows (bench);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  int widths[N_COLS];

  for (guint c = 0; c < N_COLS; c++)
    widths[c] = g_utf8_strlen (headers[c], -1);

  for (guint i = 0; i < rows->len; i++)
    {
      BenchRow *row = g_ptr_array_index (rows, i);
      BenchGoal goal = row_goal (bench, row);
      g_autofree char *min = format_value (row->min, row->unit);
      g_autofree char *max = format_value (row->max, row->unit);
      char *text[N_COLS] = {
        g_strdup (row->task),
        g_strdup (row->size),
        format_value (row->median, row->unit),
        row->samples->len > 1 || g_str_equal (row->unit, "×")
          ? g_strdup_printf ("%s–%s", min, max) : g_strdup (""),
        g_strdup_printf ("%u", row->samples->len),
        g_strdup (row->unit),
        format_goal (goal, row->unit),
        format_verdict (goal, row->median),
        format_growth (rows, i),
      };

      for (guint c = 0; c < N_COLS; c++)
        {
          widths[c] = MAX (widths[c], (int) g_utf8_strlen (text[c], -1));
          g_ptr_array_add (cells, text[c]);
        }
    }

  for (guint c = 0; c < N_COLS; c++)
    {
      print_cell (out, headers[c], widths[c], right[c]);
      fputs (c + 1 < N_COLS ? "  " : "\n", out);
    }
  for (guint c = 0; c < N_COLS; c++)
    {
      for (int w = 0; w < widths[c]; w++)
        fputs ("-", out);
      fputs (c + 1 < N_COLS ? "  " : "\n", out);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      for (guint c = 0; c < N_COLS; c++)
        {
          print_cell (out, g_ptr_array_index (cells, i * N_COLS + c), widths[c], right[c]);
          fputs (c + 1 < N_COLS ? "  " : "\n", out);
        }
    }

  if (bench->notes->len > 0)
    fputs ("\nNotes:\n", out);
  for (guint i = 0; i < bench->notes->len; i++)
    fprintf (out, "  - %s\n", (const char *) g_ptr_array_index (bench->notes, i));
}

/* JSON ---------------------------------------------------------------------- */

static char *
cpu_model (void)
{
  g_autofree char *cpuinfo = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    return g_strdup ("unknown");
  line = strstr (cpuinfo, "model name");
  if (line == NULL || (line = strchr (line, ':')) == NULL)
    return g_strdup ("unknown");
  return g_strstrip (g_strndup (line + 1, strcspn (line + 1, "\n")));
}

static char *
os_name (void)
{
  g_autofree char *name = g_get_os_info (G_OS_INFO_KEY_PRETTY_NAME);

  return g_strdup (name != NULL ? name : "unknown");
}

gboolean
bench_write_json (Bench       *bench,
                  const char  *path,
                  const char  *command,
                  GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) rows = sorted_rows (bench);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format_iso8601 (now);
  g_autofree char *cpu = cpu_model ();
  g_autofree char *os = os_name ();
  struct utsname uts;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "atlas-bench/1");
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  json_builder_set_member_name (builder, "command");
  json_builder_add_string_value (builder, command);
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);

  json_builder_set_member_name (builder, "machine");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cpu");
  json_builder_add_string_value (builder, cpu);
  json_builder_set_member_name (builder, "cores");
  json_builder_add_int_value (builder, g_get_num_processors ());
  json_builder_set_member_name (builder, "os");
  json_builder_add_string_value (builder, os);
  json_builder_set_member_name (builder, "kernel");
  json_builder_add_string_value (builder, uname (&uts) == 0 ? uts.release : "unknown");
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      BenchRow *row = g_ptr_array_index (rows, i);
      BenchGoal goal = row_goal (bench, row);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "task");
      json_builder_add_string_value (builder, row->task);
      json_builder_set_member_name (builder, "size");
      json_builder_add_string_value (builder, row->size);
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, row->unit);
      json_builder_set_member_name (builder, "median");
      json_builder_add_double_value (builder, row->median);
      json_builder_set_member_name (builder, "min");
      json_builder_add_double_value (builder, row->min);
      json_builder_set_member_name (builder, "max");
      json_builder_add_double_value (builder, row->max);
      json_builder_set_member_name (builder, "samples");
      json_builder_begin_array (builder);
      for (guint s = 0; s < row->samples->len; s++)
        json_builder_add_double_value (builder, g_array_index (row->samples, double, s));
      json_builder_end_array (builder);
      if (goal.kind != BENCH_GOAL_NONE)
        {
          json_builder_set_member_name (builder, "goal");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "op");
          json_builder_add_string_value (builder, goal.kind == BENCH_GOAL_BELOW ? "<" : "<=");
          json_builder_set_member_name (builder, "value");
          json_builder_add_double_value (builder, goal.value);
          json_builder_end_object (builder);
          json_builder_set_member_name (builder, "met");
          json_builder_add_boolean_value (builder, goal_met (goal, row->median));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < bench->notes->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (bench->notes, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_file (generator, path, error);
}

/* Child processes ------------------------------------------------------------ */

guint64
bench_read_peak_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

void
bench_print_child_result (double elapsed_ms)
{
  printf ("elapsed-ms: %.3f\npeak-kb: %" G_GUINT64_FORMAT "\n", elapsed_ms, bench_read_peak_kb ());
  fflush (stdout);
}

static gboolean
read_field (const char *output,
            const char *key,
            double     *value)
{
  const char *p = strstr (output, key);
  char *end;

  if (p == NULL)
    return FALSE;
  p += strlen (key);
  *value = g_ascii_strtod (p, &end);
  return end != p;
}

/* GSK_RENDERER as the person running the benchmark had it, before the
 * benchmark made its own choice (atlas_renderer_choose()), for the processes it
 * starts: each chooses as the app does. */
static char *user_renderer;

void
bench_keep_user_renderer (void)
{
  g_free (user_renderer);
  user_renderer = g_strdup (g_getenv ("GSK_RENDERER"));
}

char **
bench_child_environ (void)
{
  char **envp = g_get_environ ();

  if (user_renderer != NULL)
    return g_environ_setenv (envp, "GSK_RENDERER", user_renderer, TRUE);
  return g_environ_unsetenv (envp, "GSK_RENDERER");
}

gboolean
bench_run_child (const char * const *argv,
                 BenchChild         *result,
                 GError            **error)
{
  g_autofree char *output = NULL;
  g_auto(GStrv) envp = bench_child_environ ();
  double start, peak;
  int status;

  start = bench_now_ms ();
  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_LEAVE_DESCRIPTORS_OPEN,
                     NULL, NULL, &output, NULL, &status, error))
    return FALSE;
  result->wall_ms = bench_now_ms () - start;

  if (!g_spawn_check_wait_status (status, error))
    return FALSE;
  if (!read_field (output, "elapsed-ms:", &result->elapsed_ms) ||
      !read_field (output, "peak-kb:", &peak))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s printed no elapsed-ms/peak-kb lines", argv[0]);
      return FALSE;
    }
  result->peak_kb = (guint64) peak;
  return TRUE;
}

const char *
bench_self_path (void)
{
  static char *path;

  if (path == NULL)
    {
      path = g_file_read_link ("/proc/self/exe", NULL);
      if (path == NULL)
        path = g_strdup ("atlas-bench");
    }
  return path;
}
