/* atlas-import-connection.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-import.h"

/*
 * PostgreSQL connection strings for OGR's PG driver: `PG:` and libpq's
 * `key=value` pairs, a value quoted with '…' when it holds spaces. Built from
 * what a person types in the database dialog; described for titles and
 * messages without the password, which is never shown or logged.
 */

#define CONNECT_TIMEOUT_S "10"
#define HIDDEN "••••••"

typedef struct
{
  char *key;
  char *value;
} Pair;

static void
pair_free (Pair *pair)
{
  g_free (pair->key);
  g_free (pair->value);
  g_free (pair);
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  return p;
}

/* libpq's rules: a value is a word, or '…' with \' and \\ inside. */
static const char *
read_value (const char *p,
            GString    *value)
{
  if (*p != '\'')
    {
      while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
        g_string_append_c (value, *p++);
      return p;
    }
  for (p++; *p != '\0' && *p != '\''; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      g_string_append_c (value, *p);
    }
  return *p == '\'' ? p + 1 : p;
}

static GPtrArray *
parse_pairs (const char *connection)
{
  GPtrArray *pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) pair_free);
  const char *p = connection;

  if (g_str_has_prefix (p, "PG:"))
    p += 3;
  for (p = skip_spaces (p); *p != '\0'; p = skip_spaces (p))
    {
      const char *start = p;
      GString *value = g_string_new (NULL);
      Pair *pair;

      while (*p != '\0' && *p != '=' && *p != ' ' && *p != '\t')
        p++;
      pair = g_new0 (Pair, 1);
      pair->key = g_strndup (start, p - start);
      p = skip_spaces (p);
      if (*p == '=')
        p = read_value (skip_spaces (p + 1), value);
      pair->value = g_string_free (value, FALSE);
      g_ptr_array_add (pairs, pair);
    }
  return pairs;
}

static const char *
lookup (GPtrArray  *pairs,
        const char *key)
{
  const char *found = NULL;

  /* As in libpq, the last one counts. */
  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *pair = g_ptr_array_index (pairs, i);

      if (strcmp (pair->key, key) == 0)
        found = pair->value;
    }
  return found;
}

static void
append_pair (GString    *out,
             const char *key,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (out->len > 3)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, "%s='", key);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

/**
 * atlas_import_connection_build:
 * @connection: (nullable): a connection string as typed, with or without `PG:`
 * @host: (nullable): and the fields of the dialog, each added when not empty
 *
 * Returns: (transfer full): a `PG:` connection string for GDAL, which gives up
 *   connecting after 10 s unless told otherwise
 */
char *
atlas_import_connection_build (const char *connection,
                               const char *host,
                               const char *port,
                               const char *dbname,
                               const char *user,
                               const char *password)
{
  g_autofree char *typed = g_strstrip (g_strdup (connection != NULL ? connection : ""));
  GString *out = g_string_new ("PG:");
  g_autoptr(GPtrArray) pairs = NULL;

  g_string_append (out, g_str_has_prefix (typed, "PG:") ? typed + 3 : typed);
  append_pair (out, "host", host);
  append_pair (out, "port", port);
  append_pair (out, "dbname", dbname);
  append_pair (out, "user", user);
  append_pair (out, "password", password);
  pairs = parse_pairs (out->str);
  if (lookup (pairs, "connect_timeout") == NULL)
    append_pair (out, "connect_timeout", CONNECT_TIMEOUT_S);
  return g_string_free (out, FALSE);
}

/**
 * atlas_import_connection_describe:
 * @connection: a `PG:` connection string
 *
 * Returns: (transfer full): the database and its server, for titles and
 *   messages; never the password
 */
char *
atlas_import_connection_describe (const char *connection)
{
  g_autoptr(GPtrArray) pairs = parse_pairs (connection);
  const char *dbname = lookup (pairs, "dbname");
  const char *host = lookup (pairs, "host");
  g_autofree char *quoted_db = atlas_import_quote (dbname);
  g_autofree char *quoted_host = atlas_import_quote (host);

  if (dbname == NULL || *dbname == '\0')
    return g_strdup (_("PostgreSQL database"));
  if (host == NULL || *host == '\0')
    /* Translators: %s is a database's name */
    return g_strdup_printf (_("database “%s”"), quoted_db);
  /* Translators: %1$s is a database's name, %2$s its server */
  return g_strdup_printf (_("database “%1$s” on %2$s"), quoted_db, quoted_host);
}

/**
 * atlas_import_hide_password:
 * @text: (nullable): a message, from GDAL or libpq
 * @connection: (nullable): the connection string it is about
 *
 * Returns: (transfer full): @text with the password of @connection, wherever it
 *   appears, replaced
 */
char *
atlas_import_hide_password (const char *text,
                            const char *connection)
{
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GString) out = g_string_new (text != NULL ? text : "");

  if (connection == NULL)
    return g_string_free (g_steal_pointer (&out), FALSE);
  pairs = parse_pairs (connection);
  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *pair = g_ptr_array_index (pairs, i);

      if (strcmp (pair->key, "password") == 0 && *pair->value != '\0')
        g_string_replace (out, pair->value, HIDDEN, 0);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * atlas_import_connection_error:
 * @message: (nullable): why GDAL could not connect, from libpq
 * @connection: the connection string
 *
 * Returns: (transfer full): the reason, safe to show: libpq's own words from
 *   the last "failed:" on (`FATAL:  database "x" does not exist`), escaped and
 *   without the password
 */
char *
atlas_import_connection_error (const char *message,
                               const char *connection)
{
  g_autofree char *hidden = atlas_import_hide_password (message, connection);
  const char *reason = hidden;
  const char *failed;

  /* GDAL's own "PQconnectdb failed." line says nothing more. */
  if (g_str_has_prefix (reason, "PQconnectdb failed."))
    reason = skip_spaces (reason + strlen ("PQconnectdb failed."));
  /* libpq names the server, then the reason: the reason matters most. */
  failed = g_strrstr (reason, "failed: ");
  if (failed != NULL && failed[strlen ("failed: ")] != '\0')
    reason = failed + strlen ("failed: ");
  g_strdelimit ((char *) reason, "\r\n\t", ' ');
  return atlas_import_quote (g_strstrip ((char *) reason));
}
