/* atlas-json.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <math.h>

#include "atlas-json-private.h"

/*
 * The dataset loader's JSON reader: a strict, streaming parser over the file's
 * bytes (usually mapped, not copied).
 *
 * It hands each element of the top-level object's arrays to the loader as soon as
 * it is read, as a small tree in an arena that is then reused for the next
 * element, so the tree of a whole file never exists: a million events need the
 * memory of one. The top-level object's other members (title, …) are kept.
 *
 * It is strict where a dataset author benefits: it bounds the nesting, validates
 * UTF-8, refuses comments, NUL characters and integers too large to be exact, and
 * names the first problem by line and column in words an author understands.
 *
 * (An earlier version checked the syntax and then let json-glib build the tree,
 * dropping each element as it was read. Measured on a million events, that took
 * 1.8 times as long as json-glib building the whole tree, most of it in
 * json-glib's signal emission; this parser takes about a third of it.)
 */

#define PROGRESS_STEP (4 * 1024 * 1024)

#define ARENA_BLOCK (64 * 1024)

struct _AtlasJsonDocument
{
  Arena arena;
  AtlasJson root;
};

static void
arena_init (Arena *arena)
{
  arena->blocks = g_ptr_array_new_with_free_func (g_free);
  arena->next = NULL;
  arena->left = 0;
}

static gpointer
arena_alloc (Arena *arena,
             gsize  size)
{
  gpointer result;

  size = (size + 7) & ~(gsize) 7;
  if (size > arena->left)
    {
      gsize block = MAX (ARENA_BLOCK, size);

      arena->next = g_malloc (block);
      arena->left = block;
      g_ptr_array_add (arena->blocks, arena->next);
    }
  result = arena->next;
  arena->next += size;
  arena->left -= size;
  return result;
}

/* Frees all but the first block, and reuses that. */
static void
arena_reset (Arena *arena)
{
  if (arena->blocks->len == 0)
    return;
  if (arena->blocks->len > 1)
    g_ptr_array_remove_range (arena->blocks, 1, arena->blocks->len - 1);
  arena->next = g_ptr_array_index (arena->blocks, 0);
  arena->left = ARENA_BLOCK;
}

static void
arena_clear (Arena *arena)
{
  g_clear_pointer (&arena->blocks, g_ptr_array_unref);
}

static void
check_progress (Scanner *s)
{
  if (G_LIKELY (s->p < s->next_check))
    return;

  s->next_check = s->p + PROGRESS_STEP;
  if (g_cancellable_is_cancelled (s->cancellable))
    {
      /* Stop quietly: the caller reports the cancellation. */
      s->failed = TRUE;
      return;
    }
  if (s->progress != NULL)
    s->progress ((double) (s->p - s->base) / (double) (s->end - s->base), s->progress_data);
}

static void
skip_whitespace (Scanner *s)
{
  while (s->p < s->end)
    {
      switch (*s->p)
        {
        case '\n':
          s->line++;
          s->line_start = s->p + 1;
          G_GNUC_FALLTHROUGH;
        case ' ':
        case '\t':
        case '\r':
          s->p++;
          break;
        default:
          return;
        }
    }
}

static gboolean
read_hex4 (Scanner *s,
           guint   *value)
{
  guint v = 0;

  for (guint i = 0; i < 4; i++)
    {
      if (s->p + i >= s->end || !g_ascii_isxdigit (s->p[i]))
        {
          atlas_json_fail_at (s, s->p - 2, _("\\u must be followed by four hexadecimal digits"));
          return FALSE;
        }
      v = v * 16 + g_ascii_xdigit_value (s->p[i]);
    }
  s->p += 4;
  *value = v;
  return TRUE;
}

/* After "\\u": one code point, a surrogate pair joined, appended to out. */
static gboolean
scan_unicode_escape (Scanner *s,
                     GString *out)
{
  guint u, low;

  if (!read_hex4 (s, &u))
    return FALSE;
  if (u == 0)
    {
      atlas_json_fail_at (s, s->p - 6, _("\\u0000 (a NUL character) is not allowed in a string"));
      return FALSE;
    }
  if (u >= 0xDC00 && u <= 0xDFFF)
    {
      atlas_json_fail_at (s, s->p - 6, _("\\u%04X is half of a surrogate pair without its first half"), u);
      return FALSE;
    }
  if (u >= 0xD800 && u <= 0xDBFF)
    {
      if (s->end - s->p < 6 || s->p[0] != '\\' || s->p[1] != 'u')
        {
          atlas_json_fail_at (s, s->p - 6, _("\\u%04X is half of a surrogate pair without its second half"), u);
          return FALSE;
        }
      s->p += 2;
      if (!read_hex4 (s, &low))
        return FALSE;
      if (low < 0xDC00 || low > 0xDFFF)
        {
          atlas_json_fail_at (s, s->p - 12, _("\\u%04X is half of a surrogate pair without its second half"), u);
          return FALSE;
        }
      u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
    }
  g_string_append_unichar (out, u);
  return TRUE;
}

/* At a backslash inside a string. A backslash that ends the file is left for
 * the caller, which says the file ends inside the string. */
static gboolean
scan_escape (Scanner *s,
             GString *out)
{
  guchar c;

  s->p++;
  if (s->p >= s->end)
    return TRUE;
  c = *s->p++;
  switch (c)
    {
    case '"': case '\\': case '/':
      g_string_append_c (out, c);
      return TRUE;
    case 'b': case 'f': case 'n': case 'r': case 't':
      g_string_append_c (out, c == 'b' ? '\b' : c == 'f' ? '\f' : c == 'n' ? '\n' :
                           c == 'r' ? '\r' : '\t');
      return TRUE;
    case 'u':
      return scan_unicode_escape (s, out);
    default:
      {
        g_autofree char *what = atlas_json_describe_char (s->p - 1, s->end);

        atlas_json_fail_at (s, s->p - 2, _("a backslash followed by %s is not a valid escape in a JSON string"), what);
        return FALSE;
      }
    }
}

/* At a byte that cannot be in a string as it is: says why. */
static void
fail_in_string (Scanner      *s,
                const guchar *open)
{
  if (*s->p == 0)
    atlas_json_fail_at (s, s->p, _("a NUL byte (0x00) is not allowed in JSON"));
  else if (*s->p == '\n')
    atlas_json_fail_at (s, open, _("this string is not closed before the end of the line"));
  else if (*s->p < 0x20)
    atlas_json_fail_at (s, s->p, _("control character 0x%02X in a string; write it as an escape such as \\n"), *s->p);
  else
    atlas_json_fail_at (s, s->p, _("invalid UTF-8 (byte 0x%02X): a dataset must be UTF-8 text"), *s->p);
}

/* At the opening quote. Appends the decoded text to out. */
static gboolean
scan_string (Scanner *s,
             GString *out)
{
  const guchar *open = s->p;

  s->p++;
  for (;;)
    {
      const guchar *run = s->p;

      /* The plain run up to a quote, an escape or a problem, multi-byte
       * characters included, appended at once. */
      while (s->p < s->end && *s->p != '"' && *s->p != '\\')
        {
          if (*s->p < 0x20)
            break;
          if (*s->p < 0x80)
            s->p++;
          else
            {
              guint n = utf8_sequence_length (s->p, s->end);

              if (n == 0)
                break;
              s->p += n;
            }
        }
      g_string_append_len (out, (const char *) run, s->p - run);

      if (s->p - open > ATLAS_JSON_MAX_STRING)
        {
          atlas_json_fail_at (s, open, _("a string longer than the limit of 1 MiB"));
          return FALSE;
        }
      if (s->p >= s->end)
        {
          atlas_json_fail_at (s, open, _("the file ends inside this string; is it truncated?"));
          return FALSE;
        }

      if (*s->p == '"')
        {
          s->p++;
          return TRUE;
        }
      if (*s->p != '\\')
        {
          /* The run stopped at a control character or at bytes that are not
           * UTF-8. */
          fail_in_string (s, open);
          return FALSE;
        }
      if (!scan_escape (s, out))
        return FALSE;
    }
}

static gboolean
scan_number (Scanner   *s,
             AtlasJson *out)
{
  const guchar *start = s->p;
  guint int_digits = 0;
  gboolean is_integer = TRUE;

  if (*s->p == '-')
    s->p++;

  if (s->p >= s->end || !g_ascii_isdigit (*s->p))
    {
      atlas_json_fail_at (s, start, _("invalid number: a digit must follow '-'"));
      return FALSE;
    }
  if (*s->p == '0' && s->p + 1 < s->end && g_ascii_isdigit (s->p[1]))
    {
      atlas_json_fail_at (s, start, _("invalid number: numbers may not start with 0"));
      return FALSE;
    }
  while (s->p < s->end && g_ascii_isdigit (*s->p))
    {
      s->p++;
      int_digits++;
    }

  if (s->p < s->end && *s->p == '.')
    {
      is_integer = FALSE;
      s->p++;
      if (s->p >= s->end || !g_ascii_isdigit (*s->p))
        {
          atlas_json_fail_at (s, start, _("invalid number: a digit must follow '.'"));
          return FALSE;
        }
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }

  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      is_integer = FALSE;
      s->p++;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (s->p >= s->end || !g_ascii_isdigit (*s->p))
        {
          atlas_json_fail_at (s, start, _("invalid number: a digit must follow the exponent"));
          return FALSE;
        }
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }

  /* json-glib reads integers into 64 bits and silently saturates beyond. */
  if (is_integer && int_digits > 18)
    {
      atlas_json_fail_at (s, start, _("the number %.24s… is too large"), (const char *) start);
      return FALSE;
    }

  /* The character after the number is not part of one, so strtod stops here too. */
  out->type = ATLAS_JSON_NUMBER;
  out->number = g_ascii_strtod ((const char *) start, NULL);
  return TRUE;
}

static gboolean
scan_literal (Scanner    *s,
              const char *word,
              AtlasJson  *out)
{
  gsize n = strlen (word);

  if ((gsize) (s->end - s->p) < n || memcmp (s->p, word, n) != 0 ||
      (s->p + n < s->end && g_ascii_isalnum (s->p[n])))
    {
      atlas_json_fail_unexpected (s, _("expected a value"));
      return FALSE;
    }
  s->p += n;
  out->type = word[0] == 'n' ? ATLAS_JSON_NULL : ATLAS_JSON_BOOLEAN;
  out->boolean = word[0] == 't';
  return TRUE;
}

static gboolean scan_value   (Scanner    *s,
                              guint       depth,
                              AtlasJson  *out);
static gboolean stream_array (Scanner    *s,
                              const char *member);

/* Reads a string into the arena. Most strings have no escapes: those are copied
 * straight from the file; the others are decoded. */
static const char *
read_string_copy (Scanner *s,
                  gsize   *length)
{
  const guchar *q = s->p + 1;
  char *copy;

  while (q < s->end && *q != '"')
    {
      if (*q == '\\' || *q < 0x20)
        break;
      if (*q < 0x80)
        q++;
      else
        {
          guint n = utf8_sequence_length (q, s->end);

          if (n == 0)
            break;
          q += n;
        }
    }

  if (q < s->end && *q == '"' && q - s->p <= ATLAS_JSON_MAX_STRING)
    {
      *length = q - s->p - 1;
      copy = arena_alloc (s->arena, *length + 1);
      memcpy (copy, s->p + 1, *length);
      copy[*length] = '\0';
      s->p = q + 1;
      return copy;
    }

  g_string_truncate (s->text, 0);
  if (!scan_string (s, s->text))
    return NULL;
  *length = s->text->len;
  copy = arena_alloc (s->arena, s->text->len + 1);
  memcpy (copy, s->text->str, s->text->len + 1);
  return copy;
}

static gboolean
scan_string_value (Scanner   *s,
                   AtlasJson *out)
{
  gsize length;

  out->string = read_string_copy (s, &length);
  out->type = ATLAS_JSON_STRING;
  out->size = (guint32) length;
  return out->string != NULL;
}

/* Moves the items read at this depth into the arena. */
static void
finish_items (Scanner   *s,
              guint      depth,
              AtlasJson *out)
{
  GArray *items = s->stack[depth];
  AtlasJson *copy = NULL;

  if (items->len > 0)
    {
      copy = arena_alloc (s->arena, sizeof (AtlasJson) * items->len);
      memcpy (copy, items->data, sizeof (AtlasJson) * items->len);
    }
  out->items = copy;
  out->size = items->len;
  g_array_set_size (items, 0);
}

static GArray *
items_at (Scanner *s,
          guint    depth)
{
  if (s->stack[depth] == NULL)
    s->stack[depth] = g_array_new (FALSE, FALSE, sizeof (AtlasJson));
  return s->stack[depth];
}

static gboolean
enter (Scanner *s,
       guint    depth)
{
  if (depth > ATLAS_JSON_MAX_DEPTH)
    {
      atlas_json_fail_at (s, s->p, _("nested deeper than %d levels"), ATLAS_JSON_MAX_DEPTH);
      return FALSE;
    }
  return TRUE;
}

/* One member of an object, at its name; @depth is the member's. */
static gboolean
scan_member (Scanner   *s,
             guint      depth,
             AtlasJson *member)
{
  gsize key_length;
  char *key;

  if (s->p >= s->end || *s->p != '"')
    {
      atlas_json_fail_unexpected (s, _("expected a member name in double quotes"));
      return FALSE;
    }

  key = (char *) read_string_copy (s, &key_length);
  if (key == NULL)
    return FALSE;

  skip_whitespace (s);
  if (s->p >= s->end || *s->p != ':')
    {
      atlas_json_fail_unexpected (s, _("expected ':' after the member name"));
      return FALSE;
    }
  s->p++;
  skip_whitespace (s);

  if (depth == 2 && s->p < s->end && *s->p == '[')
    {
      /* The top level keeps the member, as an empty array, for its checks. */
      if (!stream_array (s, key))
        return FALSE;
      member->type = ATLAS_JSON_ARRAY;
    }
  else if (!scan_value (s, depth, member))
    return FALSE;

  member->key = key;
  member->key_length = (guint32) key_length;
  return TRUE;
}

/* An object or an array, as scan_items() reads it. */
typedef struct
{
  AtlasJsonType type;
  char close;
  gboolean (*scan_item) (Scanner *s, guint depth, AtlasJson *item);
  const char *after_comma;  /* untranslated: at the close right after a comma */
  const char *after_item;   /* untranslated: neither a comma nor the close after an item */
} Container;

static const Container object_container = {
  ATLAS_JSON_OBJECT, '}', scan_member,
  N_("a comma before '}' must be followed by another member"),
  N_("expected ',' or '}' after an object member"),
};

static const Container array_container = {
  ATLAS_JSON_ARRAY, ']', scan_value,
  N_("a comma before ']' must be followed by another element"),
  N_("expected ',' or ']' after an array element"),
};

/* At the opening bracket: TRUE, past the close, when the container is empty. */
static gboolean
open_empty (Scanner         *s,
            const Container *c)
{
  s->p++;
  skip_whitespace (s);
  if (s->p < s->end && *s->p == c->close)
    {
      s->p++;
      return TRUE;
    }
  return FALSE;
}

/* Before an item: the close here would follow a comma. */
static gboolean
begin_item (Scanner         *s,
            const Container *c)
{
  skip_whitespace (s);
  if (s->p < s->end && *s->p == c->close)
    {
      atlas_json_fail_at (s, s->p, "%s", _(c->after_comma));
      return FALSE;
    }
  return TRUE;
}

typedef enum
{
  NEXT_ITEM,
  CLOSED,
  SYNTAX_ERROR,
} Separator;

/* After an item: a comma, the close, or an error. */
static Separator
read_separator (Scanner         *s,
                const Container *c)
{
  skip_whitespace (s);
  if (s->p < s->end && *s->p == ',')
    {
      s->p++;
      return NEXT_ITEM;
    }
  if (s->p < s->end && *s->p == c->close)
    {
      s->p++;
      return CLOSED;
    }
  atlas_json_fail_unexpected (s, _(c->after_item));
  return SYNTAX_ERROR;
}

/* An object or an array, at its opening bracket: its items, kept in the arena. */
static gboolean
scan_items (Scanner         *s,
            guint            depth,
            AtlasJson       *out,
            const Container *c)
{
  GArray *items = items_at (s, depth);
  Separator separator = CLOSED;

  out->type = c->type;
  if (!open_empty (s, c))
    do
      {
        AtlasJson item = { 0 };

        if (!begin_item (s, c) || !c->scan_item (s, depth + 1, &item))
          return FALSE;
        g_array_append_val (items, item);
        separator = read_separator (s, c);
      }
    while (separator == NEXT_ITEM);

  if (separator == SYNTAX_ERROR)
    return FALSE;
  finish_items (s, depth, out);
  return TRUE;
}

/* Streams an array that is a member of the top-level object: each element goes
 * to the callback, then its arena is reused. */
static gboolean
stream_array (Scanner    *s,
              const char *member)
{
  guint index = 0;
  Separator separator;

  if (open_empty (s, &array_container))
    return TRUE;

  s->arena = &s->element_arena;
  do
    {
      AtlasJson element = { 0 };

      if (!begin_item (s, &array_container) || !scan_value (s, 3, &element))
        return FALSE;
      s->element_func (member, &element, index++, s->element_data);
      arena_reset (&s->element_arena);
      separator = read_separator (s, &array_container);
    }
  while (separator == NEXT_ITEM);

  if (separator == SYNTAX_ERROR)
    return FALSE;
  s->arena = s->root_arena;
  return TRUE;
}

static gboolean
scan_value (Scanner   *s,
            guint      depth,
            AtlasJson *out)
{
  check_progress (s);
  if (s->failed)
    return FALSE;

  skip_whitespace (s);
  if (s->p >= s->end)
    {
      atlas_json_fail_unexpected (s, _("expected a value"));
      return FALSE;
    }

  switch (*s->p)
    {
    case '{':
      return enter (s, depth) && scan_items (s, depth, out, &object_container);
    case '[':
      return enter (s, depth) && scan_items (s, depth, out, &array_container);
    case '"':
      return scan_string_value (s, out);
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return scan_number (s, out);
    case 't':
      return scan_literal (s, "true", out);
    case 'f':
      return scan_literal (s, "false", out);
    case 'n':
      return scan_literal (s, "null", out);
    default:
      atlas_json_fail_unexpected (s, _("expected a value"));
      return FALSE;
    }
}

/**
 * atlas_json_stream:
 * @data: the file's bytes
 * @length: how many
 * @report: where the first syntax error goes, and a warning for a byte-order mark
 * @element_func: called with each element of the top-level object's arrays
 *
 * Reads one JSON object, streaming the elements of its arrays.
 *
 * Returns: (transfer full) (nullable): the top-level object with its other
 *   members (its arrays are there, empty); %NULL on a syntax error (added to
 *   @report) or when @cancellable was cancelled
 */
AtlasJsonDocument *
atlas_json_stream (const char           *data,
                   gsize                 length,
                   AtlasReport          *report,
                   GCancellable         *cancellable,
                   AtlasProgressFunc     progress,
                   gpointer              progress_data,
                   AtlasJsonElementFunc  element_func,
                   gpointer              element_data)
{
  g_autoptr(AtlasJsonDocument) document = g_new0 (AtlasJsonDocument, 1);
  Scanner s = { 0 };
  gboolean ok = FALSE;

  arena_init (&document->arena);
  arena_init (&s.element_arena);
  s.base = (const guchar *) data;
  s.p = s.base;
  s.end = s.base + length;
  s.line_start = s.base;
  s.line = 1;
  s.report = report;
  s.cancellable = cancellable;
  s.progress = progress;
  s.progress_data = progress_data;
  s.next_check = s.base;
  s.root_arena = &document->arena;
  s.arena = s.root_arena;
  s.text = g_string_sized_new (256);
  s.element_func = element_func;
  s.element_data = element_data;

  if (length == 0)
    {
      atlas_report_add_literal (report, ATLAS_SEVERITY_ERROR, NULL,
                                _("the file is empty; a dataset is a JSON object"));
      goto out;
    }

  if (atlas_json_wide_encoding (s.p, length) != NULL)
    {
      /* Translators: %s is the name of an encoding, such as UTF-16LE */
      atlas_report_add (report, ATLAS_SEVERITY_ERROR, NULL,
                        _("the file is %s text; a dataset must be UTF-8: save it again as UTF-8"),
                        atlas_json_wide_encoding (s.p, length));
      goto out;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      atlas_report_add_literal (report, ATLAS_SEVERITY_WARNING, _("line 1, column 1"),
                                _("the file starts with a byte-order mark, which JSON does not allow; it was ignored"));
      s.p += 3;
      s.line_start = s.p;
    }

  skip_whitespace (&s);
  if (s.p >= s.end)
    {
      atlas_report_add_literal (report, ATLAS_SEVERITY_ERROR, NULL,
                                _("the file holds only white space; a dataset is a JSON object"));
      goto out;
    }

  if (*s.p != '{')
    {
      if (*s.p == '[' || *s.p == '"' || *s.p == '-' || g_ascii_isdigit (*s.p) ||
          (*s.p == 't' && length - (s.p - s.base) >= 4 && memcmp (s.p, "true", 4) == 0) ||
          (*s.p == 'f' && length - (s.p - s.base) >= 5 && memcmp (s.p, "false", 5) == 0) ||
          (*s.p == 'n' && length - (s.p - s.base) >= 4 && memcmp (s.p, "null", 4) == 0))
        atlas_json_fail_at (&s, s.p, _("a dataset is a JSON object, but this file holds %s"), atlas_json_describe_top_level (*s.p));
      else
        atlas_json_fail_unexpected (&s, _("this is not JSON: a dataset starts with '{'"));
      goto out;
    }

  if (!scan_value (&s, 1, &document->root))
    goto out;

  skip_whitespace (&s);
  if (s.p < s.end)
    {
      atlas_json_fail_unexpected (&s, _("expected the end of the file after the dataset's closing '}'"));
      goto out;
    }

  ok = TRUE;

out:
  for (guint i = 0; i < G_N_ELEMENTS (s.stack); i++)
    g_clear_pointer (&s.stack[i], g_array_unref);
  g_string_free (s.text, TRUE);
  arena_clear (&s.element_arena);

  return ok ? g_steal_pointer (&document) : NULL;
}

const AtlasJson *
atlas_json_document_root (AtlasJsonDocument *document)
{
  return &document->root;
}

void
atlas_json_document_free (AtlasJsonDocument *document)
{
  if (document == NULL)
    return;
  arena_clear (&document->arena);
  g_free (document);
}

/**
 * atlas_json_empty_object:
 *
 * Returns: an object without members, for readers that treat a missing object
 *   as an empty one
 */
const AtlasJson *
atlas_json_empty_object (void)
{
  static const AtlasJson empty = { .type = ATLAS_JSON_OBJECT };

  return &empty;
}

/**
 * atlas_json_format_number:
 * @value: a number
 * @buffer: where to write it, %G_ASCII_DTOSTR_BUF_SIZE bytes
 *
 * Writes the shortest decimal text that reads back as exactly @value, whatever
 * the locale: 29.6 as `29.6` (not `29.600000000000001`), 180.0000001 as
 * `180.0000001` (not `180`).
 *
 * Returns: @buffer
 */
char *
atlas_json_format_number (double value,
                          char   buffer[G_ASCII_DTOSTR_BUF_SIZE])
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value || !isfinite (value))
        break;
    }
  return buffer;
}
