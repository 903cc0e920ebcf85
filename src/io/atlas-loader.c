/* atlas-loader.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <string.h>

#include "model/atlas-error.h"
#include "atlas-json.h"
#include "atlas-loader-private.h"
#include "atlas-load-task.h"

/*
 * Loading runs in two steps:
 *
 *  1. atlas_json_stream() reads the bytes once, strictly, and hands each element
 *     of the top-level arrays to loader_read_element() as soon as it is read,
 *     which checks it and adds it to the compact dataset; the element's JSON is
 *     then forgotten, so the JSON of a whole file never exists in memory;
 *  2. references between arrays that came in the wrong order are resolved, and
 *     the dataset is sealed (sorted, indexed).
 *
 * Problems found while reading are kept aside until the file turns out to be
 * well-formed JSON: for a file with a syntax error, that error is the one
 * message worth reading.
 *
 * Progress: reading is the first 95 %, sealing the rest.
 */

#define READ_SHARE 0.95

/* What the file-size limit guarantees (see ATLAS_MAX_FILE_SIZE): the JSON
 * reader's line and column numbers and array indices fit in a guint, and the
 * offsets into the dataset's list of indices, at most one per two bytes of the
 * file, stay below ATLAS_NONE. Raising the limit past these means widening them
 * first. */
G_STATIC_ASSERT (ATLAS_MAX_FILE_SIZE <= G_MAXUINT);
G_STATIC_ASSERT (ATLAS_MAX_FILE_SIZE / 2 < ATLAS_NONE);

typedef struct
{
  Loader loader;
  AtlasReport *report;
  gboolean seen_atlas;
  Section last_section;
  AtlasProgressFunc progress;
  gpointer progress_data;
} Load;

static Section
section_for_key (const char *key)
{
  for (Section s = 0; s < N_SECTIONS; s++)
    {
      if (strcmp (key, section_name (s)) == 0)
        return s;
    }
  return SECTION_IGNORED;
}

static void
on_element (const char      *member,
            const AtlasJson *element,
            guint            index,
            gpointer         user_data)
{
  Load *load = user_data;
  Section section = section_for_key (member);

  if (g_cancellable_is_cancelled (load->loader.cancellable))
    return;

  /* The first element of "features" in a file that is not (so far) a dataset
   * makes it a GeoJSON FeatureCollection. */
  if (section == SECTION_FEATURES && index == 0 && !load->loader.geojson && !load->seen_atlas &&
      load->loader.dataset->events->len == 0 && load->loader.dataset->locations->len == 0)
    loader_begin_geojson (&load->loader);

  /* A dataset has no "features"; a GeoJSON file has nothing else. */
  if ((section == SECTION_FEATURES) != load->loader.geojson)
    section = SECTION_IGNORED;

  /* Arrays are read whole: when another one starts, the last is complete, and
   * a reference into it that does not resolve now never will. */
  if (section != load->last_section && load->last_section < N_SECTIONS)
    load->loader.done[load->last_section] = TRUE;
  load->last_section = section;

  loader_read_element (&load->loader, section, element, index);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Load *load = user_data;

  load->progress (READ_SHARE * fraction, load->progress_data);
}

static void
read_root (Loader          *loader,
           const AtlasJson *root)
{
  static const char * const known[] = {
    "atlas", "title", "title_zh", "description", "license",
    "sources", "sectors", "districts", "locations", "events", "periods", NULL
  };
  static const struct {
    const char *key;
    gboolean required;
  } arrays[] = {
    { "sources", TRUE }, { "sectors", TRUE }, { "districts", FALSE },
    { "locations", TRUE }, { "events", TRUE }, { "periods", FALSE },
  };
  AtlasDataset *ds = loader->dataset;
  Reader r = { loader, root, NULL, 0 };
  const char *title, *title_zh, *description, *license;
  const AtlasJson *version;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < atlas_json_size (root); i++)
    {
      const char *key = atlas_json_element (root, i)->key;

      if (!g_hash_table_add (seen, (gpointer) key))
        loader_error (loader, NULL, _("the key “%s” appears more than once at the top level"), key);
    }

  version = take_member (&r, "atlas");
  if (version == NULL)
    loader_error (loader, NULL, _("the required key “atlas” is missing; a dataset starts with \"atlas\": 1"));
  else if (!atlas_json_is_number (version))
    report_type (&r, "atlas", _("the number 1"), version);
  else if (version->number != 1.0)
    {
      Path p = PATH_KEY (NULL, "atlas");

      loader_error (loader, &p, _("unsupported format version %g (this version of Chengyu Atlas reads version 1)"),
                    version->number);
    }

  read_string (&r, "title", TRUE, &title);
  read_string (&r, "title_zh", FALSE, &title_zh);
  read_string (&r, "description", FALSE, &description);
  read_string (&r, "license", FALSE, &license);
  ds->title = g_strdup (title);
  ds->title_zh = g_strdup (title_zh);
  ds->description = g_strdup (description);
  ds->license = g_strdup (license);

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    {
      const AtlasJson *node = take_member (&r, arrays[i].key);

      if (node == NULL && arrays[i].required)
        report_missing (&r, arrays[i].key);
      else if (node != NULL && !atlas_json_is_array (node))
        report_type (&r, arrays[i].key, _("an array"), node);
    }

  warn_unknown_keys (&r, known);
}

static AtlasDataset *
load_data (const char         *data,
           gsize               length,
           AtlasReport        *report,
           GCancellable       *cancellable,
           AtlasProgressFunc   progress,
           gpointer            progress_data,
           GError            **error)
{
  g_autoptr(AtlasDataset) dataset = atlas_dataset_new ();
  g_autoptr(AtlasReport) problems = atlas_report_new ();
  g_autoptr(AtlasJsonDocument) document = NULL;
  Load load = { 0 };

  load.loader.dataset = dataset;
  load.loader.report = problems;
  load.loader.cancellable = cancellable;
  load.loader.pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  load.loader.pending_ids = g_string_chunk_new (4096);
  load.loader.event_ids = id_set_new ();
  load.loader.suggestions_left = 100;
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      load.loader.file_index[i] = g_array_new (FALSE, FALSE, sizeof (guint32));
      load.loader.failed_ids[i] = g_hash_table_new (g_str_hash, g_str_equal);
    }
  load.report = report;
  load.last_section = SECTION_IGNORED;
  load.progress = progress;
  load.progress_data = progress_data;
  /* Whether the file is a dataset: "atlas" usually comes first. */
  load.seen_atlas = length > 0 && g_strstr_len (data, MIN (length, 4096), "\"atlas\"") != NULL;

  document = atlas_json_stream (data, length, report, cancellable, progress != NULL ? on_progress : NULL, &load,
                                on_element, &load);

  if (document != NULL && !g_cancellable_is_cancelled (cancellable))
    {
      const AtlasJson *root = atlas_json_document_root (document);

      /* Problems found while reading count only for well-formed JSON. */
      atlas_report_merge (report, problems);
      load.loader.report = report;

      if (load.loader.geojson)
        loader_finish_geojson (&load.loader, root);
      else
        {
          read_root (&load.loader, root);
          loader_resolve_pending (&load.loader);
        }
    }

  atlas_report_set_counts (report, dataset->locations->len, dataset->events->len);

  g_clear_pointer (&load.loader.event_ids, id_set_free);
  g_clear_pointer (&load.loader.geojson_places, g_hash_table_unref);
  g_clear_pointer (&load.loader.pending, g_array_unref);
  g_clear_pointer (&load.loader.pending_ids, g_string_chunk_free);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      g_clear_pointer (&load.loader.file_index[i], g_array_unref);
      g_clear_pointer (&load.loader.failed_ids[i], g_hash_table_unref);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (document == NULL)
    {
      g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_INVALID, _("The file is not valid JSON"));
      return NULL;
    }

  if (atlas_report_get_n_errors (report) > 0)
    {
      guint n = atlas_report_get_n_errors (report);

      g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "The dataset has %u error", "The dataset has %u errors", n),
                   n);
      return NULL;
    }

  atlas_dataset_seal (dataset);
  if (progress != NULL)
    progress (1.0, progress_data);

  return g_steal_pointer (&dataset);
}

/**
 * atlas_loader_load_bytes:
 * @bytes: the contents of a dataset file
 * @report: receives every problem found, errors and warnings
 *
 * Loads a dataset from memory, synchronously.
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL with @error set
 *   (%ATLAS_ERROR_INVALID with the details in @report, or %G_IO_ERROR_CANCELLED)
 */
AtlasDataset *
atlas_loader_load_bytes (GBytes             *bytes,
                         AtlasReport        *report,
                         GCancellable       *cancellable,
                         AtlasProgressFunc   progress,
                         gpointer            progress_data,
                         GError            **error)
{
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (ATLAS_IS_REPORT (report), NULL);

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";
  return load_data (data, length, report, cancellable, progress, progress_data, error);
}

/**
 * atlas_loader_estimate_memory:
 * @file_size: the size of a dataset file in bytes
 *
 * Returns: a generous estimate of the memory loading the file needs: the file's
 *   bytes read into memory and the compact dataset built from it
 */
guint64
atlas_loader_estimate_memory (guint64 file_size)
{
  return file_size + file_size + file_size / 2;
}

/* Set by tests, through atlas_loader_set_available_memory(); 0 reads the machine. */
static gsize available_override;

/**
 * atlas_loader_set_available_memory:
 * @bytes: the memory to pretend is free, or 0 for what the machine says
 *
 * For tests of a file too large for the memory left.
 */
void
atlas_loader_set_available_memory (guint64 bytes)
{
  g_atomic_pointer_set (&available_override, (gsize) bytes);
}

static guint64
available_memory (void)
{
  g_autofree char *meminfo = NULL;
  const char *line;
  guint64 override = (gsize) g_atomic_pointer_get (&available_override);

  if (override != 0)
    return override;

  if (!g_file_get_contents ("/proc/meminfo", &meminfo, NULL, NULL))
    return G_MAXUINT64;
  line = strstr (meminfo, "MemAvailable:");
  if (line == NULL)
    return G_MAXUINT64;
  return g_ascii_strtoull (line + strlen ("MemAvailable:"), NULL, 10) * 1024;
}

/* A large file's buffer in 2 MiB pages where the system allows it: the read
 * then takes one page fault per 2 MiB instead of one per 4 KiB, which keeps
 * reading into memory of our own as fast as reading through a map. */
static void
ask_for_huge_pages (char  *buffer,
                    gsize  size)
{
#ifdef MADV_HUGEPAGE
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  guintptr start = ((guintptr) buffer + page - 1) & ~(guintptr) (page - 1);
  guintptr end = ((guintptr) buffer + size) & ~(guintptr) (page - 1);

  if (size >= 4 * 1024 * 1024 && end > start)
    madvise ((void *) start, end - start, MADV_HUGEPAGE);
#endif
}

/* Reads the whole of fd into memory the loader owns, until the end of the file
 * rather than to the size fstat() gave: a file that shrinks while it is read ends
 * early (and reads as truncated JSON), one that grows is read as it is now, and a
 * /proc-like file that says it is empty gives what it holds. The file is never
 * mapped: a mapped file that another process truncates kills the reader with
 * SIGBUS. */
/* Refuses a file over the size limit, of the given size or (0) of a size that
 * grew past the limit while it was read. Sizes are in GiB, as the limit is: a
 * size that rounds to the limit's text ("4.0 GiB") is given in bytes as well. */
static void
set_too_large (GError  **error,
               guint64   size)
{
  g_autofree char *limit = g_format_size_full (ATLAS_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *text = NULL;

  if (size == 0)
    {
      g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE,
                   _("The file is more than the limit of %s for a dataset"), limit);
      return;
    }

  text = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  if (strcmp (text, limit) == 0)
    {
      g_free (text);
      text = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);
    }
  g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE,
               _("The file is %s, more than the limit of %s for a dataset"), text, limit);
}

/* Reads the whole of fd into memory the loader owns, until the end of the file
 * rather than to the size fstat() gave: a file that shrinks while it is read ends
 * early (and reads as truncated JSON), one that grows is read as it is now, and a
 * /proc-like file that says it is empty gives what it holds. The file is never
 * mapped: a mapped file that another process truncates kills the reader with
 * SIGBUS. */
static GBytes *
read_all (int            fd,
          guint64        size_hint,
          GCancellable  *cancellable,
          GError       **error)
{
  /* One byte more than a file may hold, to see that a growing one is too large;
   * computed in 64 bits, so that it never wraps where gsize has 32. */
  const guint64 max_capacity = MIN (ATLAS_MAX_FILE_SIZE + 1, (guint64) G_MAXSIZE);
  gsize capacity = (gsize) MIN (size_hint + 1, max_capacity);
  gsize length = 0;
  char *buffer = g_try_malloc (capacity);

  if (buffer == NULL)
    {
      g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE, g_strerror (ENOMEM));
      return NULL;
    }
  ask_for_huge_pages (buffer, capacity);

  for (;;)
    {
      gssize n;

      if (length == capacity)
        {
          char *bigger;
          gsize bigger_capacity;

          if (capacity >= max_capacity)
            {
              g_free (buffer);
              set_too_large (error, 0);
              return NULL;
            }
          bigger_capacity = (gsize) MIN (MAX ((guint64) capacity * 2, 65536), max_capacity);
          bigger = g_try_realloc (buffer, bigger_capacity);
          if (bigger == NULL)
            {
              g_free (buffer);
              g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE, g_strerror (ENOMEM));
              return NULL;
            }
          buffer = bigger;
          capacity = bigger_capacity;
        }

      n = read (fd, buffer + length, MIN (capacity - length, (gsize) G_MAXSSIZE));
      if (n == 0)
        break;
      if (n < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          g_free (buffer);
          g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE, g_strerror (saved));
          return NULL;
        }
      length += (gsize) n;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_free (buffer);
          return NULL;
        }
    }

  return g_bytes_new_take (buffer, length);
}

static gboolean
check_size (const GStatBuf  *st,
            GError         **error)
{
  guint64 size = (guint64) st->st_size;

  if (S_ISDIR (st->st_mode))
    g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE,
                         _("This is a folder; choose a dataset file (.json) inside it"));
  else if (!S_ISREG (st->st_mode))
    g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE, _("This is not a regular file"));
  else if (size > ATLAS_MAX_FILE_SIZE)
    set_too_large (error, size);
  else if (atlas_loader_estimate_memory (size) > available_memory ())
    {
      g_autofree char *text = g_format_size (size);
      g_autofree char *need = g_format_size (atlas_loader_estimate_memory (size));

      g_set_error (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE,
                   _("Opening this %s file would need about %s of memory, more than is free; close other programs and try again"),
                   text, need);
    }
  else
    return TRUE;
  return FALSE;
}

static GBytes *
read_file (GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  const char *path = g_file_peek_path (file);
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes = NULL;
  GStatBuf st;
  int fd;

  /* Messages say what is wrong, not which file: callers name the file. */
  if (path == NULL)
    {
      bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
      if (bytes == NULL)
        g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE, local_error->message);
      return bytes;
    }

  /* Opening does not block, so a FIFO or a device is refused instead of waited
   * on; reading a regular file then blocks as usual. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_set_error_literal (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE, g_strerror (saved));
      return NULL;
    }

  if (check_size (&st, error))
    bytes = read_all (fd, (guint64) st.st_size, cancellable, error);
  close (fd);
  return bytes;
}

/**
 * atlas_loader_load_file:
 * @file: a dataset file
 * @report: receives every problem found
 *
 * Loads a dataset synchronously. Errors: %ATLAS_ERROR_UNREADABLE when the file
 * cannot be read at all, %ATLAS_ERROR_INVALID when it is not a valid dataset (the
 * details are in @report).
 *
 * Returns: (transfer full) (nullable): the dataset
 */
AtlasDataset *
atlas_loader_load_file (GFile              *file,
                        AtlasReport        *report,
                        GCancellable       *cancellable,
                        AtlasProgressFunc   progress,
                        gpointer            progress_data,
                        GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (ATLAS_IS_REPORT (report), NULL);

  bytes = read_file (file, cancellable, error);
  if (bytes == NULL)
    return NULL;

  return atlas_loader_load_bytes (bytes, report, cancellable, progress, progress_data, error);
}

/* Asynchronous loading ------------------------------------------------------ */

static AtlasDataset *
load_file (gpointer            file,
           AtlasReport        *report,
           GCancellable       *cancellable,
           AtlasProgressFunc   progress,
           gpointer            progress_data,
           GError            **error)
{
  return atlas_loader_load_file (file, report, cancellable, progress, progress_data, error);
}

/**
 * atlas_loader_load_async:
 * @file: a dataset file
 * @progress: (nullable): called in the caller's main context with the fraction done
 *
 * Loads a dataset on a worker thread. Cancelling @cancellable makes the load end
 * with %G_IO_ERROR_CANCELLED as soon as the current step allows; @progress is not
 * called after that.
 */
void
atlas_loader_load_async (GFile              *file,
                         GCancellable       *cancellable,
                         AtlasProgressFunc   progress,
                         gpointer            progress_data,
                         GDestroyNotify      progress_data_destroy,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  g_return_if_fail (G_IS_FILE (file));

  atlas_load_task_run (atlas_loader_load_async, load_file, g_object_ref (file), g_object_unref, cancellable,
                       progress, progress_data, progress_data_destroy, callback, user_data);
}

/**
 * atlas_loader_load_finish:
 * @result: the result given to the callback
 * @report: (out) (optional): every problem found, also when loading failed
 *
 * Returns: (transfer full) (nullable): the dataset
 */
AtlasDataset *
atlas_loader_load_finish (GAsyncResult  *result,
                          AtlasReport  **report,
                          GError       **error)
{
  return atlas_load_task_finish (result, atlas_loader_load_async, report, error);
}
