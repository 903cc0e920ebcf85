/* atlas-locale.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "atlas-locale.h"

/* -1: not decided yet; 0: no; 1: yes. */
static int chinese = -1;

/**
 * atlas_locale_is_chinese:
 *
 * Returns: whether the user's language for messages is Chinese, in which case the
 *   dataset's `name_zh`, `title_zh` and `description_zh` are shown
 */
gboolean
atlas_locale_is_chinese (void)
{
  if (chinese < 0)
    {
      const char * const *languages = g_get_language_names_with_category ("LC_MESSAGES");

      chinese = languages[0] != NULL && g_str_has_prefix (languages[0], "zh");
    }
  return chinese;
}

/**
 * atlas_locale_set_chinese:
 * @value: whether to show Chinese texts
 *
 * Overrides the locale; for tests.
 */
void
atlas_locale_set_chinese (gboolean value)
{
  chinese = !!value;
}

/**
 * atlas_localized:
 * @text: the English text
 * @text_zh: (nullable): the Chinese text
 *
 * Returns: the text to show: the Chinese one in a Chinese locale when there is
 *   one, the English one otherwise
 */
const char *
atlas_localized (const char *text,
                 const char *text_zh)
{
  if (text_zh != NULL && *text_zh != '\0' && (atlas_locale_is_chinese () || text == NULL))
    return text_zh;
  return text;
}

/**
 * atlas_localized_other:
 * @text: the English text
 * @text_zh: (nullable): the Chinese text
 *
 * Returns: (nullable): the text in the other language, shown as a subtitle; %NULL
 *   when there is none
 */
const char *
atlas_localized_other (const char *text,
                       const char *text_zh)
{
  const char *shown = atlas_localized (text, text_zh);

  if (shown == text)
    return text_zh != NULL && *text_zh != '\0' ? text_zh : NULL;
  return text;
}
