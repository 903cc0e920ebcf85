/* test-text-sort.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "model/atlas-text-sort.h"

/*
 * The event list's text sort (keys of eight bytes, radix passes, groups refined
 * by the next eight bytes, small groups compared in full) against a plain
 * comparison sort of the same items, on texts made to stress each step: long
 * shared beginnings, case variants, equal texts, texts that end inside a key,
 * non-ASCII text, empty texts and none.
 */

static const char *stems[] = {
  "", "a", "A", "port", "Port", "PORT", "Guoyuan Port", "guoyuan port", "Guoyuan Port Phase",
  "Liangjiang Collaborative Innovation Zone", "Liangjiang Collaborative Innovation Zone opens",
  "Liangjiang Collaborative Innovation Zonf", "两江新区", "两江新区协同创新区", "Éc", "éc", "z",
};

typedef struct
{
  char **texts;
} Texts;

static const char *
text_of (gpointer data,
         guint    item)
{
  Texts *texts = data;

  return texts->texts[item];
}

static Texts *
random_texts (GRand *rand,
              guint  n)
{
  Texts *texts = g_new (Texts, 1);

  texts->texts = g_new0 (char *, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      guint kind = g_rand_int_range (rand, 0, 10);

      if (kind == 0)
        texts->texts[i] = NULL;
      else if (kind < 6)
        texts->texts[i] = g_strdup (stems[g_rand_int_range (rand, 0, G_N_ELEMENTS (stems))]);
      else
        {
          /* A stem and a tail that differs late, in case or in length. */
          GString *text = g_string_new (stems[g_rand_int_range (rand, 0, G_N_ELEMENTS (stems))]);
          guint tail = g_rand_int_range (rand, 0, 40);

          for (guint k = 0; k < tail; k++)
            g_string_append_c (text, "abAB -"[g_rand_int_range (rand, 0, 6)]);
          texts->texts[i] = g_string_free (text, FALSE);
        }
    }
  return texts;
}

static void
texts_free (Texts *texts,
            guint  n)
{
  for (guint i = 0; i < n; i++)
    g_free (texts->texts[i]);
  g_free (texts->texts);
  g_free (texts);
}

static int
compare_reference (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  guint32 ia = *(const guint32 *) a;
  guint32 ib = *(const guint32 *) b;
  int result = atlas_text_compare (text_of (data, ia), text_of (data, ib));

  if (result != 0)
    return result;
  return ia < ib ? -1 : ia > ib;
}

static void
test_against_comparison_sort (void)
{
  /* Sizes on both sides of the small groups (32) and of the radix's switch to
   * sixteen-bit digits (65,536). */
  static const guint sizes[] = { 0, 1, 2, 31, 33, 1000, 20000, 70000 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      guint n = sizes[s];
      Texts *texts = random_texts (rand, n);
      g_autofree guint32 *order = atlas_text_sort (n, text_of, texts);
      g_autofree guint32 *expected = g_new (guint32, MAX (n, 1));
      g_autofree guint32 *ranks = NULL;
      guint n_ranks = G_MAXUINT;

      for (guint i = 0; i < n; i++)
        expected[i] = i;
      g_qsort_with_data (expected, n, sizeof (guint32), compare_reference, texts);
      for (guint i = 0; i < n; i++)
        g_assert_cmpuint (order[i], ==, expected[i]);

      /* Ranks: equal exactly for equal texts, rising with the order. */
      ranks = atlas_text_ranks (n, text_of, texts, &n_ranks);
      for (guint i = 1; i < n; i++)
        {
          int compared = atlas_text_compare (text_of (texts, expected[i - 1]), text_of (texts, expected[i]));

          if (compared == 0)
            g_assert_cmpuint (ranks[expected[i]], ==, ranks[expected[i - 1]]);
          else
            g_assert_cmpuint (ranks[expected[i]], ==, ranks[expected[i - 1]] + 1);
        }
      if (n > 0)
        {
          g_assert_cmpuint (ranks[expected[0]], ==, 0);
          g_assert_cmpuint (n_ranks, ==, ranks[expected[n - 1]] + 1);
        }
      else
        g_assert_cmpuint (n_ranks, ==, 0);

      texts_free (texts, n);
    }
}

/* Texts that agree to their last byte: the sort goes a key deeper for every
 * eight bytes, here 131,072 keys deep, which a recursive sort would take on the
 * call stack (a dataset may hold strings of a megabyte, the loader's limit). */
static void
test_deep (void)
{
  const guint n = 40;
  const gsize length = 1024 * 1024;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  Texts *texts = g_new (Texts, 1);
  g_autofree guint32 *order = NULL;
  g_autofree guint32 *expected = g_new (guint32, n);

  texts->texts = g_new0 (char *, n);
  for (guint i = 0; i < n; i++)
    {
      texts->texts[i] = g_malloc (length + 1);
      memset (texts->texts[i], 'a', length);
      texts->texts[i][length - 1] = (char) g_rand_int_range (rand, 'a', 'z' + 1);
      texts->texts[i][length] = '\0';
      expected[i] = i;
    }

  order = atlas_text_sort (n, text_of, texts);
  g_qsort_with_data (expected, n, sizeof (guint32), compare_reference, texts);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (order[i], ==, expected[i]);

  texts_free (texts, n);
}

static void
test_compare (void)
{
  g_assert_cmpint (atlas_text_compare ("port", "Port"), >, 0);
  g_assert_cmpint (atlas_text_compare ("Port", "port"), <, 0);
  g_assert_cmpint (atlas_text_compare ("Port", "Port"), ==, 0);
  g_assert_cmpint (atlas_text_compare ("port", "PORTS"), <, 0);
  g_assert_cmpint (atlas_text_compare ("b", "A"), >, 0);
  g_assert_cmpint (atlas_text_compare ("z", "两江"), <, 0);
  g_assert_cmpint (atlas_text_compare ("z", NULL), <, 0);
  g_assert_cmpint (atlas_text_compare (NULL, NULL), ==, 0);
  g_assert_cmpint (atlas_text_compare ("", "a"), <, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-sort/compare", test_compare);
  g_test_add_func ("/text-sort/against-comparison-sort", test_against_comparison_sort);
  g_test_add_func ("/text-sort/deep", test_deep);

  return g_test_run ();
}
