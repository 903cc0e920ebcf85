/* atlas-loader-fields.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-loader-private.h"

/* Reading the fields of one element: types, ids, dates, and the messages that say
 * what is wrong where. */

static const char *section_names[N_SECTIONS] = {
  "sources", "sectors", "districts", "locations", "events", "features", "periods",
};

const char *
section_name (Section section)
{
  return section < N_SECTIONS ? section_names[section] : "";
}

static void
path_append (GString    *out,
             const Path *path)
{
  if (path == NULL)
    return;

  path_append (out, path->parent);
  if (path->key != NULL)
    {
      if (out->len > 0)
        g_string_append_c (out, '.');
      g_string_append (out, path->key);
    }
  else
    g_string_append_printf (out, "[%" G_GINT64_FORMAT "]", path->index);
}

char *
path_format (const Path *path)
{
  GString *out = g_string_new (NULL);

  path_append (out, path);
  return g_string_free (out, FALSE);
}

/**
 * loader_report:
 * @severity: an error (the load fails) or a warning
 * @path: where in the file
 *
 * Adds a problem to the loader's report; loader_error() and loader_warning()
 * say which kind.
 */
void
loader_report (Loader        *loader,
               AtlasSeverity  severity,
               const Path    *path,
               const char    *format,
               ...)
{
  g_autofree char *where = path_format (path);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  atlas_report_add_literal (loader->report, severity, where, message);
}

const char *
node_type_name (const AtlasJson *node)
{
  if (node == NULL || atlas_json_is_null (node))
    return _("null");
  if (atlas_json_is_object (node))
    return _("an object");
  if (atlas_json_is_array (node))
    return _("an array");

  if (atlas_json_is_string (node))
    return _("a string");
  if (atlas_json_is_boolean (node))
    return _("true or false");
  return _("a number");
}

/* Edit distance with a cut-off: gives up (returns limit + 1) once every path is
 * longer than limit, so comparing against many ids stays cheap. */
static guint
bounded_distance (const char *a,
                  const char *b,
                  guint       limit)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = NULL;

  if ((la > lb ? la - lb : lb - la) > limit)
    return limit + 1;

  row = g_new (guint, lb + 1);
  for (gsize j = 0; j <= lb; j++)
    row[j] = (guint) j;

  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];
      guint best = row[0] = (guint) i;

      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint value = MIN (MIN (above + 1, row[j - 1] + 1), diagonal + cost);

          row[j] = value;
          diagonal = above;
          best = MIN (best, value);
        }
      if (best > limit)
        return limit + 1;
    }
  return row[lb];
}

/**
 * closest_id:
 * @id: an id that matched nothing
 * @candidates: the ids it could have meant
 *
 * Returns: (nullable): the candidate within a few edits of @id, for "did you mean"
 */
char *
closest_id (Loader             *loader,
            const char         *id,
            const char * const *candidates,
            guint               n_candidates)
{
  guint limit = MAX (2, (guint) strlen (id) / 3);
  const char *best = NULL;
  guint best_distance = limit + 1;

  if (loader->suggestions_left == 0)
    return NULL;
  loader->suggestions_left--;

  for (guint i = 0; i < n_candidates; i++)
    {
      guint d = bounded_distance (id, candidates[i], MIN (limit, best_distance));

      if (d < best_distance)
        {
          best_distance = d;
          best = candidates[i];
        }
    }
  return g_strdup (best);
}

/* Reading fields ------------------------------------------------------------ */

const AtlasJson *
take_member (Reader     *r,
             const char *key)
{
  const AtlasJson *node = atlas_json_member (r->object, key);

  if (node != NULL)
    r->n_known++;
  return node;
}

void
warn_unknown_keys (Reader             *r,
                   const char * const *known)
{
  if (atlas_json_size (r->object) == r->n_known)
    return;

  for (guint m = 0; m < atlas_json_size (r->object); m++)
    {
      const char *name = atlas_json_element (r->object, m)->key;
      gboolean found = FALSE;

      for (guint i = 0; known[i] != NULL && !found; i++)
        found = strcmp (known[i], name) == 0;
      if (!found)
        {
          Path p = PATH_KEY (r->path, name);
          g_autofree char *guess = closest_id (r->loader, name, known, g_strv_length ((char **) known));

          if (guess != NULL)
            loader_warning (r->loader, &p, _("unknown key, ignored (did you mean “%s”?)"), guess);
          else
            loader_warning (r->loader, &p, _("unknown key, ignored"));
        }
    }
}

/* The same for the keys of a table. */
void
warn_unknown_fields (Reader      *r,
                     const Field *fields)
{
  const char *known[32];
  guint n = 0;

  if (atlas_json_size (r->object) == r->n_known)
    return;
  for (const Field *field = fields; field->key != NULL; field++)
    {
      g_assert (n < G_N_ELEMENTS (known) - 1);
      known[n++] = field->key;
    }
  known[n] = NULL;
  warn_unknown_keys (r, known);
}

gboolean
is_string (const AtlasJson *node)
{
  return atlas_json_is_string (node);
}

gboolean
is_number (const AtlasJson *node)
{
  return atlas_json_is_number (node);
}

void
report_missing (Reader     *r,
                const char *key)
{
  loader_error (r->loader, r->path, _("the required key “%s” is missing"), key);
}

static void
report_expected (Loader          *loader,
                 const Path      *path,
                 const char      *expected,
                 const AtlasJson *node)
{
  /* Translators: %1$s is the expected type, %2$s the type found, e.g. "a string" */
  loader_error (loader, path, _("expected %1$s, found %2$s"), expected, node_type_name (node));
}

/**
 * expect_array:
 * @expected: what was expected, e.g. "an array of rings"
 *
 * Returns: whether @node is an array; %FALSE, with the error reported, when not
 */
gboolean
expect_array (Loader          *loader,
              const AtlasJson *node,
              const Path      *path,
              const char      *expected)
{
  if (atlas_json_is_array (node))
    return TRUE;
  report_expected (loader, path, expected, node);
  return FALSE;
}

void
report_type (Reader     *r,
             const char *key,
             const char *expected,
             const AtlasJson *node)
{
  Path p = PATH_KEY (r->path, key);

  report_expected (r->loader, &p, expected, node);
}

/* Returns FALSE (and reports) when a required string is missing or a string is of
 * the wrong type. A missing or null optional string gives NULL. */
gboolean
read_string (Reader      *r,
             const char  *key,
             gboolean     required,
             const char **out)
{
  const AtlasJson *node = take_member (r, key);

  *out = NULL;
  if (node == NULL || (atlas_json_is_null (node) && !required))
    {
      if (required)
        report_missing (r, key);
      return !required;
    }
  if (!is_string (node))
    {
      report_type (r, key, _("a string"), node);
      return FALSE;
    }

  *out = (node)->string;
  if (required && **out == '\0')
    {
      Path p = PATH_KEY (r->path, key);

      loader_error (r->loader, &p, _("must not be empty"));
      return FALSE;
    }
  return TRUE;
}

gboolean
read_id (Reader      *r,
         const char **out)
{
  if (!read_string (r, "id", TRUE, out))
    return FALSE;

  if (strlen (*out) > ATLAS_MAX_ID_LENGTH)
    {
      Path p = PATH_KEY (r->path, "id");

      loader_error (r->loader, &p, _("an id may be at most %d bytes long"), ATLAS_MAX_ID_LENGTH);
      return FALSE;
    }
  return TRUE;
}

gboolean
read_boolean (Reader     *r,
              const char *key,
              gboolean   *out)
{
  const AtlasJson *node = take_member (r, key);

  *out = FALSE;
  if (node == NULL || atlas_json_is_null (node))
    return TRUE;
  if (!atlas_json_is_boolean (node))
    {
      report_type (r, key, _("true or false"), node);
      return FALSE;
    }
  *out = (node)->boolean;
  return TRUE;
}

gboolean
read_date (Reader     *r,
           const char *key,
           gboolean    required,
           DateValue  *out)
{
  const char *text;
  g_autofree char *reason = NULL;

  out->present = FALSE;
  if (!read_string (r, key, required, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!atlas_date_parse (text, &out->start, &out->end, &out->precision, &reason))
    {
      Path p = PATH_KEY (r->path, key);

      /* Translators: %1$s is the text found, %2$s why it is not a date */
      loader_error (r->loader, &p, _("“%1$s” is not a valid date (%2$s)"), text, reason);
      return FALSE;
    }
  out->present = TRUE;
  return TRUE;
}

/* The last of two equal keys would win silently, hiding the first: an error, as
 * at the top level. Elements have a few keys, so comparing each pair is cheap;
 * the objects they hold (a geometry, facts) are checked the same way. */
static gboolean
seen_before (const AtlasJson *object,
             guint            i,
             GHashTable      *seen)
{
  const AtlasJson *item = atlas_json_element (object, i);

  if (seen != NULL)
    return !g_hash_table_add (seen, (gpointer) item->key);

  for (guint j = 0; j < i; j++)
    {
      const AtlasJson *earlier = atlas_json_element (object, j);

      if (earlier->key_length == item->key_length && memcmp (earlier->key, item->key, item->key_length) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
report_duplicate_keys (Loader          *loader,
                       const AtlasJson *object,
                       const Path      *path)
{
  g_autoptr(GHashTable) seen = NULL;

  /* Few keys: compare each pair; many (a hostile file): a set. */
  if (atlas_json_size (object) > 16)
    seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < atlas_json_size (object); i++)
    {
      const AtlasJson *item = atlas_json_element (object, i);

      if (seen_before (object, i, seen))
        loader_error (loader, path, _("the key “%s” appears more than once"), item->key);
      if (atlas_json_is_object (item))
        {
          Path item_path = PATH_KEY (path, item->key);

          report_duplicate_keys (loader, item, &item_path);
        }
    }
}

gboolean
begin_element (Loader     *loader,
               const AtlasJson *node,
               const Path *path,
               Reader     *r)
{
  if (!atlas_json_is_object (node))
    {
      loader_error (loader, path, _("expected an object, found %s"), node_type_name (node));
      return FALSE;
    }
  *r = (Reader) { loader, node, path, 0, 0, 0 };
  /* Reported, but the element is read on, so that what refers to it resolves
   * and the one message says what is wrong. */
  report_duplicate_keys (loader, node, path);
  return TRUE;
}
