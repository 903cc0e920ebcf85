/* atlas-json-errors.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-json-private.h"

/*
 * The JSON reader's messages: the first problem of a file, by line and column
 * (in characters, as editors count them), in words a dataset author understands.
 */

static guint
column_of (Scanner      *s,
           const guchar *at)
{
  guint column = 1;

  /* Columns count characters, not bytes, as editors do. */
  for (const guchar *q = s->line_start; q < at; q++)
    {
      if ((*q & 0xC0) != 0x80)
        column++;
    }
  return column;
}

void
atlas_json_fail_at (Scanner      *s,
         const guchar *at,
         const char   *format,
         ...)
{
  g_autofree char *message = NULL;
  g_autofree char *where = NULL;
  va_list args;

  if (s->failed)
    return;
  s->failed = TRUE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: a position in a file */
  where = g_strdup_printf (_("line %u, column %u"), s->line, column_of (s, at));
  atlas_report_add_literal (s->report, ATLAS_SEVERITY_ERROR, where, message);
}

/* Describes the character at p for a message: 'x', '字' or byte 0xFF. */
char *
atlas_json_describe_char (const guchar *p,
               const guchar *end)
{
  guint n = utf8_sequence_length (p, end);

  if (n == 1 && g_ascii_isprint (*p))
    return g_strdup_printf ("'%c'", *p);
  if (n > 1)
    return g_strdup_printf ("'%.*s'", (int) n, (const char *) p);
  return g_strdup_printf (_("byte 0x%02X"), *p);
}

void
atlas_json_fail_unexpected (Scanner    *s,
                 const char *expected)
{
  g_autofree char *what = NULL;

  if (s->p >= s->end)
    {
      atlas_json_fail_at (s, s->p, _("the file ends too early: %s; is it truncated?"), expected);
      return;
    }

  if (*s->p == 0)
    {
      atlas_json_fail_at (s, s->p, _("a NUL byte (0x00) is not allowed in JSON"));
      return;
    }
  if (*s->p >= 0x80 && utf8_sequence_length (s->p, s->end) == 0)
    {
      atlas_json_fail_at (s, s->p, _("invalid UTF-8 (byte 0x%02X): a dataset must be UTF-8 text"), *s->p);
      return;
    }
  if (*s->p == '/' && s->p + 1 < s->end && (s->p[1] == '/' || s->p[1] == '*'))
    {
      atlas_json_fail_at (s, s->p, _("comments are not allowed in JSON"));
      return;
    }

  what = atlas_json_describe_char (s->p, s->end);
  /* Translators: %1$s is a character, %2$s what was expected instead */
  atlas_json_fail_at (s, s->p, _("unexpected %1$s: %2$s"), what, expected);
}

const char *
atlas_json_describe_top_level (guchar c)
{
  switch (c)
    {
    case '[':
      return _("an array");
    case '"':
      return _("a string");
    case 't':
    case 'f':
      return _("true or false");
    case 'n':
      return _("null");
    default:
      return _("a number");
    }
}

/* The name of the encoding of a file of UTF-16 or UTF-32 text, from its
 * byte-order mark or, without one, from where the NUL bytes of its first
 * characters fall (JSON starts with two ASCII characters, as RFC 4627 notes);
 * NULL for anything else. UTF-32 is looked for first: its little-endian mark
 * starts with UTF-16's. */
const char *
atlas_json_wide_encoding (const guchar *p,
                          gsize         length)
{
  static const struct {
    const char *mark;
    const char *pattern;  /* N: a NUL byte, x: any other */
    const char *name;
  } encodings[] = {
    { "\x00\x00\xFE\xFF", "NNNx", "UTF-32BE" },
    { "\xFF\xFE\x00\x00", "xNNN", "UTF-32LE" },
    { "\xFE\xFF", "NxNx", "UTF-16BE" },
    { "\xFF\xFE", "xNxN", "UTF-16LE" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      gsize n = i < 2 ? 4 : 2;

      if (length >= n && memcmp (p, encodings[i].mark, n) == 0)
        return encodings[i].name;
    }

  if (length < 4)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      gboolean match = TRUE;

      for (guint j = 0; j < 4 && match; j++)
        match = (p[j] == 0) == (encodings[i].pattern[j] == 'N');
      if (match)
        return encodings[i].name;
    }
  return NULL;
}
