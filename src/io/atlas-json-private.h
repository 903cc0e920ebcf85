/* atlas-json-private.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-json.h"

G_BEGIN_DECLS

/* Bump allocation for the values of one element; reset between elements. */
typedef struct
{
  GPtrArray *blocks;
  guint8 *next;
  gsize left;
  gsize block_size;
} Arena;

typedef struct
{
  const guchar *base;
  const guchar *p;
  const guchar *end;
  const guchar *line_start;
  guint line;
  AtlasReport *report;
  Arena *arena;               /* where values being read go */
  Arena element_arena;
  Arena *root_arena;
  GArray *stack[ATLAS_JSON_MAX_DEPTH + 2]; /* items of the arrays and objects being read */
  GString *text;              /* a string being decoded */
  AtlasJsonElementFunc element_func;
  gpointer element_data;
  GCancellable *cancellable;
  AtlasProgressFunc progress;
  gpointer progress_data;
  const guchar *next_check;
  gboolean failed;
} Scanner;

/* Length of the valid UTF-8 sequence at p, or 0. */
static inline guint
utf8_sequence_length (const guchar *p,
                      const guchar *end)
{
  guchar c = p[0];
  guint n;
  guchar lo = 0x80, hi = 0xBF;

  if (c < 0x80)
    return 1;
  else if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c >= 0xE0 && c <= 0xEF)
    {
      n = 3;
      if (c == 0xE0)
        lo = 0xA0;
      else if (c == 0xED)
        hi = 0x9F;
    }
  else if (c >= 0xF0 && c <= 0xF4)
    {
      n = 4;
      if (c == 0xF0)
        lo = 0x90;
      else if (c == 0xF4)
        hi = 0x8F;
    }
  else
    return 0;

  if ((gsize) (end - p) < n)
    return 0;
  if (p[1] < lo || p[1] > hi)
    return 0;
  for (guint i = 2; i < n; i++)
    {
      if ((p[i] & 0xC0) != 0x80)
        return 0;
    }
  return n;
}

void        atlas_json_fail_at            (Scanner      *s,
                                           const guchar *at,
                                           const char   *format,
                                           ...) G_GNUC_PRINTF (3, 4);
void        atlas_json_fail_unexpected    (Scanner      *s,
                                           const char   *expected);
char       *atlas_json_describe_char      (const guchar *p,
                                           const guchar *end);
const char *atlas_json_describe_top_level (guchar        c);
const char *atlas_json_wide_encoding      (const guchar *p,
                                           gsize         length);

G_END_DECLS
