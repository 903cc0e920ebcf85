/* atlas-loader-refs.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-loader-private.h"

/* Ids and the references between arrays, resolved at once when the array they point
 * into has been read and after the whole file otherwise. */

typedef struct
{
  guint64 hash;
  const char *id;   /* NULL: empty slot */
  guint32 value;
} IdSlot;

struct _IdSet
{
  IdSlot *slots;
  gsize mask;
  gsize count;
};

IdSet *
id_set_new (void)
{
  IdSet *set = g_new0 (IdSet, 1);

  set->mask = 1023;
  set->slots = g_new0 (IdSlot, set->mask + 1);
  return set;
}

void
id_set_free (IdSet *set)
{
  if (set == NULL)
    return;
  g_free (set->slots);
  g_free (set);
}

static guint64
hash_id (const char *id)
{
  guint64 hash = 0xcbf29ce484222325ull;   /* FNV-1a */

  for (const guchar *p = (const guchar *) id; *p; p++)
    hash = (hash ^ *p) * 0x100000001b3ull;
  return hash;
}

static void
id_set_grow (IdSet *set)
{
  IdSlot *old = set->slots;
  gsize old_size = set->mask + 1;

  set->mask = old_size * 2 - 1;
  set->slots = g_new0 (IdSlot, set->mask + 1);
  for (gsize i = 0; i < old_size; i++)
    {
      gsize j;

      if (old[i].id == NULL)
        continue;
      for (j = old[i].hash & set->mask; set->slots[j].id != NULL; j = (j + 1) & set->mask)
        ;
      set->slots[j] = old[i];
    }
  g_free (old);
}

/**
 * id_set_add:
 * @id: an id; the set keeps the pointer, which must outlive it
 * @value: what to remember for it
 * @previous: (out): the value of the earlier equal id, when there is one
 *
 * Returns: %FALSE when @id was there already
 */
gboolean
id_set_add (IdSet      *set,
            const char *id,
            guint32     value,
            guint32    *previous)
{
  guint64 hash = hash_id (id);
  gsize i;

  if ((set->count + 1) * 4 > (set->mask + 1) * 3)
    id_set_grow (set);

  for (i = hash & set->mask; set->slots[i].id != NULL; i = (i + 1) & set->mask)
    {
      if (set->slots[i].hash == hash && strcmp (set->slots[i].id, id) == 0)
        {
          *previous = set->slots[i].value;
          return FALSE;
        }
    }

  set->slots[i].hash = hash;
  set->slots[i].id = id;
  set->slots[i].value = value;
  set->count++;
  return TRUE;
}

/* The table of ids of a section: id → dataset index + 1 for the valid elements
 * (events: id → file index + 1, only to find duplicates). */
static GHashTable *
section_ids (Loader  *loader,
             Section  section)
{
  switch (section)
    {
    case SECTION_SOURCES:
      return loader->dataset->source_ids;
    case SECTION_SECTORS:
      return loader->dataset->sector_ids;
    case SECTION_DISTRICTS:
      return loader->dataset->district_ids;
    case SECTION_LOCATIONS:
      return loader->dataset->location_ids;
    case SECTION_EVENTS:
    case SECTION_IGNORED:
    default:
      return NULL;
    }
}

/* Registers an element's id. An element with problems of its own registers its id
 * too (as failed), so that references to it do not add "unknown" errors on top of
 * the real one. Returns FALSE for a duplicate. */
gboolean
add_id (Loader     *loader,
        Section     section,
        const char *id,
        const char *stored,
        guint       dataset_index,
        guint       file_index,
        const Path *path)
{
  GHashTable *ids = section_ids (loader, section);
  GHashTable *failed = loader->failed_ids[MIN (section, N_SECTIONS - 1)];
  gpointer previous;
  guint first = G_MAXUINT;

  if (ids == NULL)
    {
      guint32 earlier;

      if (id_set_add (loader->event_ids, stored, file_index, &earlier))
        return TRUE;
      first = earlier;
    }
  else if (g_hash_table_lookup_extended (ids, id, NULL, &previous))
    {
      first = GPOINTER_TO_UINT (previous) - 1;
      first = g_array_index (loader->file_index[section], guint32, first);
    }
  else if (g_hash_table_lookup_extended (failed, id, NULL, &previous))
    first = GPOINTER_TO_UINT (previous) - 1;

  if (first != G_MAXUINT)
    {
      Path p = PATH_KEY (path, "id");

      /* Translators: %1$s is an id, %2$s[%3$u] a place in the file such as locations[2] */
      loader_error (loader, &p, _("duplicate id “%1$s” (first used by %2$s[%3$u])"), id,
                    section_name (section), first);
      return FALSE;
    }

  if (dataset_index == ATLAS_FAILED)
    g_hash_table_insert (failed, g_string_chunk_insert_const (loader->pending_ids, id),
                         GUINT_TO_POINTER (file_index + 1));
  else
    {
      guint32 position = file_index;

      g_hash_table_insert (ids, (gpointer) stored, GUINT_TO_POINTER (dataset_index + 1));
      g_array_append_val (loader->file_index[section], position);
    }
  return TRUE;
}

/* References ---------------------------------------------------------------- */

static GHashTable *
target_ids (Loader *loader,
            Target  target)
{
  switch (target)
    {
    case TARGET_EVENT_LOCATION:
      return loader->dataset->location_ids;
    case TARGET_EVENT_SECTOR:
    case TARGET_LOCATION_SECTOR:
      return loader->dataset->sector_ids;
    case TARGET_EVENT_SOURCE:
      return loader->dataset->source_ids;
    case TARGET_LOCATION_DISTRICT:
    default:
      return loader->dataset->district_ids;
    }
}

Section
target_section (Target target)
{
  switch (target)
    {
    case TARGET_EVENT_LOCATION:
      return SECTION_LOCATIONS;
    case TARGET_EVENT_SECTOR:
    case TARGET_LOCATION_SECTOR:
      return SECTION_SECTORS;
    case TARGET_EVENT_SOURCE:
      return SECTION_SOURCES;
    case TARGET_LOCATION_DISTRICT:
    default:
      return SECTION_DISTRICTS;
    }
}

static void
report_unknown_reference (Loader     *loader,
                          Target      target,
                          const char *id,
                          const Path *path)
{
  GHashTable *ids = target_ids (loader, target);
  g_autofree const char **candidates = (const char **) g_hash_table_get_keys_as_array (ids, NULL);
  g_autofree char *guess = closest_id (loader, id, candidates, g_hash_table_size (ids));
  const char *what;

  switch (target)
    {
    case TARGET_EVENT_LOCATION:
      what = _("location");
      break;
    case TARGET_EVENT_SECTOR:
    case TARGET_LOCATION_SECTOR:
      what = _("sector");
      break;
    case TARGET_EVENT_SOURCE:
      what = _("source");
      break;
    case TARGET_LOCATION_DISTRICT:
    default:
      what = _("district");
      break;
    }

  if (guess != NULL)
    /* Translators: %1$s is "location", "sector", …; %2$s the id; %3$s a close id */
    loader_error (loader, path, _("unknown %1$s “%2$s” (did you mean “%3$s”?)"), what, id, guess);
  else
    loader_error (loader, path, _("unknown %1$s “%2$s”"), what, id);
}

/* Resolves a reference now if its array has been read, or records it for later. */
guint32
resolve (Loader     *loader,
         Target      target,
         const char *id,
         guint32     position,
         guint32     owner,
         gint32      sub,
         const Path *path)
{
  gpointer value;

  if (g_hash_table_lookup_extended (target_ids (loader, target), id, NULL, &value))
    return GPOINTER_TO_UINT (value) - 1;
  if (g_hash_table_contains (loader->failed_ids[target_section (target)], id))
    return ATLAS_FAILED;

  if (loader->done[target_section (target)])
    report_unknown_reference (loader, target, id, path);
  else
    {
      Pending pending = {
        .id = g_string_chunk_insert_const (loader->pending_ids, id),
        .position = position,
        .owner = owner,
        .sub = sub,
        .target = target,
      };

      g_array_append_val (loader->pending, pending);
    }
  return ATLAS_NONE;
}

static void
pending_path (const Pending *pending,
              Path          *base,
              Path          *element,
              Path          *key,
              Path          *leaf)
{
  const char *field;
  Section section;

  switch (pending->target)
    {
    case TARGET_EVENT_LOCATION:
      section = SECTION_EVENTS, field = "location";
      break;
    case TARGET_EVENT_SECTOR:
      section = SECTION_EVENTS, field = "sectors";
      break;
    case TARGET_EVENT_SOURCE:
      section = SECTION_EVENTS, field = "source";
      break;
    case TARGET_LOCATION_SECTOR:
      section = SECTION_LOCATIONS, field = "sectors";
      break;
    case TARGET_LOCATION_DISTRICT:
    default:
      section = SECTION_LOCATIONS, field = "district";
      break;
    }

  *base = PATH_KEY (NULL, section_name (section));
  *element = PATH_INDEX (base, pending->owner);
  *key = PATH_KEY (element, field);
  *leaf = PATH_INDEX (key, pending->sub);
}

/**
 * loader_resolve_pending:
 *
 * Resolves the references to arrays that came later in the file than the
 * elements referring to them.
 */
void
loader_resolve_pending (Loader *loader)
{
  AtlasDataset *ds = loader->dataset;

  for (guint i = 0; i < loader->pending->len; i++)
    {
      const Pending *pending = &g_array_index (loader->pending, Pending, i);
      gpointer value;

      if (g_hash_table_lookup_extended (target_ids (loader, pending->target), pending->id,
                                        NULL, &value))
        {
          guint32 index = GPOINTER_TO_UINT (value) - 1;

          switch (pending->target)
            {
            case TARGET_EVENT_LOCATION:
            case TARGET_EVENT_SECTOR:
            case TARGET_LOCATION_SECTOR:
              g_array_index (ds->indices, guint32, pending->position) = index;
              break;
            case TARGET_EVENT_SOURCE:
              g_array_index (ds->events, AtlasEvent, pending->position).source = index;
              break;
            case TARGET_LOCATION_DISTRICT:
            default:
              g_array_index (ds->locations, AtlasLocation, pending->position).district = index;
              break;
            }
        }
      else if (!g_hash_table_contains (loader->failed_ids[target_section (pending->target)], pending->id))
        {
          Path base, element, key, leaf;

          pending_path (pending, &base, &element, &key, &leaf);
          report_unknown_reference (loader, pending->target, pending->id,
                                    pending->sub >= 0 ? &leaf : &key);
        }
    }
  g_array_set_size (loader->pending, 0);
}

/* Reads an array of ids ("sectors", "location") into dataset->indices, as a
 * FIELD_REFERENCES field says. Returns FALSE on a problem. */
gboolean
read_id_list (Reader      *r,
              const Field *field,
              guint32     *offset,
              guint16     *count)
{
  Loader *loader = r->loader;
  GArray *indices = loader->dataset->indices;
  const char *key = field->key;
  Target target = field->target;
  guint32 owner = r->index;
  gboolean allow_single = (field->flags & FIELD_SINGLE) != 0;
  const AtlasJson *node = take_member (r, key);
  Path key_path = PATH_KEY (r->path, key);
  gboolean ok = TRUE;
  const AtlasJson *array;
  guint n;

  *offset = indices->len;
  *count = 0;

  if (node == NULL)
    {
      report_missing (r, key);
      return FALSE;
    }

  if (allow_single && is_string (node))
    {
      guint32 index = resolve (loader, target, (node)->string, indices->len, owner,
                               -1, &key_path);

      g_array_append_val (indices, index);
      *count = 1;
      return index != ATLAS_NONE || !loader->done[target_section (target)];
    }

  if (!atlas_json_is_array (node))
    {
      report_type (r, key, allow_single ? _("an id or an array of ids") : _("an array of ids"), node);
      return FALSE;
    }

  array = node;
  n = atlas_json_size (array);
  if (n == 0 && (field->flags & FIELD_NOT_EMPTY))
    {
      loader_error (loader, &key_path, _("must name at least one id"));
      return FALSE;
    }
  if (n > MAX_LIST)
    {
      loader_error (loader, &key_path, _("more than %d ids"), MAX_LIST);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      const AtlasJson *item = atlas_json_element (array, i);
      Path item_path = PATH_INDEX (&key_path, i);
      const char *id;
      gboolean repeated = FALSE;
      guint32 index;

      if (!is_string (item))
        {
          loader_error (loader, &item_path, _("expected an id (a string), found %s"),
                        node_type_name (item));
          ok = FALSE;
          continue;
        }

      id = (item)->string;
      for (guint j = 0; j < i && !repeated; j++)
        {
          const AtlasJson *before = atlas_json_element (array, j);

          repeated = is_string (before) && strcmp ((before)->string, id) == 0;
        }
      if (repeated)
        {
          loader_warning (loader, &item_path, _("“%s” is listed twice; the second is ignored"), id);
          continue;
        }

      index = resolve (loader, target, id, indices->len, owner, (gint32) i, &item_path);
      if (index == ATLAS_NONE && loader->done[target_section (target)])
        ok = FALSE;
      g_array_append_val (indices, index);
      (*count)++;
    }

  return ok;
}
