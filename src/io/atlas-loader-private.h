/* atlas-loader-private.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-json.h"

#include "model/atlas-dataset-private.h"
#include "atlas-loader.h"

G_BEGIN_DECLS

typedef enum
{
  SECTION_SOURCES,
  SECTION_SECTORS,
  SECTION_DISTRICTS,
  SECTION_LOCATIONS,
  SECTION_EVENTS,
  SECTION_FEATURES,   /* a GeoJSON FeatureCollection's features */
  SECTION_PERIODS,
  N_SECTIONS,
  SECTION_IGNORED = N_SECTIONS,
} Section;

/* A place in the file, built on the stack as the reader descends and turned into
 * text ("events[12].location[1]") only when there is something to report. */
typedef struct _Path Path;
struct _Path
{
  const Path *parent;
  const char *key;
  gint64 index;
};

#define PATH_KEY(parent_, key_) ((Path) { (parent_), (key_), -1 })
#define PATH_INDEX(parent_, index_) ((Path) { (parent_), NULL, (index_) })

/* What a reference that could not be resolved yet points at. */
typedef enum
{
  TARGET_EVENT_LOCATION,   /* position: slot in dataset->indices */
  TARGET_EVENT_SECTOR,     /* position: slot in dataset->indices */
  TARGET_EVENT_SOURCE,     /* position: event index */
  TARGET_LOCATION_SECTOR,  /* position: slot in dataset->indices */
  TARGET_LOCATION_DISTRICT,/* position: location index */
} Target;

typedef struct
{
  const char *id;
  guint32 position;
  guint32 owner;
  gint32 sub;
  guint8 target;
} Pending;

/* A set of ids with their file index, for the many events: open addressing on a
 * 64-bit hash, so that checking a million ids for duplicates compares strings
 * only when two hashes are equal. */
typedef struct _IdSet IdSet;

IdSet   *id_set_new             (void);
void     id_set_free            (IdSet       *set);
gboolean id_set_add             (IdSet       *set,
                                 const char  *id,
                                 guint32      value,
                                 guint32     *previous);

typedef struct
{
  AtlasDataset *dataset;
  AtlasReport *report;
  GCancellable *cancellable;

  gboolean done[N_SECTIONS];
  GArray *pending;           /* Pending */
  GStringChunk *pending_ids;
  IdSet *event_ids;          /* id → file index, for duplicates only */
  GArray *file_index[N_SECTIONS]; /* dataset index → file index, for messages */
  GHashTable *failed_ids[N_SECTIONS]; /* ids of elements with problems → file index + 1 */
  guint suggestions_left;

  /* GeoJSON import: places by name and position, sectors and districts made as
   * features name them. */
  gboolean geojson;
  GHashTable *geojson_places;  /* "name\x1flon\x1flat" → location index + 1 */
  guint n_features;
} Loader;

/* Reads the members of one JSON object, counting the known ones so that unknown
 * keys are looked for only when there are some. */
typedef struct
{
  Loader *loader;
  const AtlasJson *object;
  const Path *path;
  guint n_known;
} Reader;

/* The fields of an element that the loader reads the same way everywhere, as
 * tables: each is read, in the table's order, into a record at its offset.
 * Tables end with a NULL key. */
typedef enum
{
  FIELD_ID,             /* const char *: required, at most ATLAS_MAX_ID_LENGTH bytes */
  FIELD_STRING,         /* const char *: optional, NULL when missing */
  FIELD_REQUIRED,       /* const char *: required, not empty */
  FIELD_DATE,           /* DateValue: optional */
  FIELD_REQUIRED_DATE,  /* DateValue: required */
  FIELD_BOOLEAN,        /* gboolean: optional, FALSE when missing */
} FieldType;

typedef struct
{
  const char *key;
  FieldType type;
  gsize offset;
} Field;

#define FIELD(type_, record_, member_) { #member_, (type_), G_STRUCT_OFFSET (record_, member_) }

typedef struct
{
  gboolean present;
  gint32 start;
  gint32 end;
  AtlasPrecision precision;
} DateValue;

#define MAX_LIST 65535

/* What a reference to an element with problems of its own resolves to: not an
 * error for the referrer, and never sealed into a dataset (the load fails). */
#define ATLAS_FAILED (G_MAXUINT32 - 1)

char    *path_format            (const Path  *path);
void     loader_report          (Loader        *loader,
                                 AtlasSeverity  severity,
                                 const Path    *path,
                                 const char    *format,
                                 ...) G_GNUC_PRINTF (4, 5);
#define loader_error(loader, path, ...) loader_report ((loader), ATLAS_SEVERITY_ERROR, (path), __VA_ARGS__)
#define loader_warning(loader, path, ...) loader_report ((loader), ATLAS_SEVERITY_WARNING, (path), __VA_ARGS__)
const char *node_type_name      (const AtlasJson *node);
char    *closest_id             (Loader      *loader,
                                 const char  *id,
                                 const char * const *candidates,
                                 guint        n_candidates);

gboolean begin_element          (Loader      *loader,
                                 const AtlasJson *node,
                                 const Path  *path,
                                 Reader      *r);
const AtlasJson *take_member           (Reader      *r,
                                 const char  *key);
void     warn_unknown_keys      (Reader      *r,
                                 const char * const *known);
gboolean is_string              (const AtlasJson *node);
gboolean is_number              (const AtlasJson *node);
void     report_missing         (Reader      *r,
                                 const char  *key);
void     report_type            (Reader      *r,
                                 const char  *key,
                                 const char  *expected,
                                 const AtlasJson *node);
gboolean read_string            (Reader      *r,
                                 const char  *key,
                                 gboolean     required,
                                 const char **out);
gboolean read_fields            (Reader      *r,
                                 const Field *fields,
                                 gpointer     record);
gboolean read_id                (Reader      *r,
                                 const char **out);
gboolean read_boolean           (Reader      *r,
                                 const char  *key,
                                 gboolean    *out);
gboolean read_date              (Reader         *r,
                                 const char     *key,
                                 gboolean        required,
                                 gboolean       *present,
                                 gint32         *start,
                                 gint32         *end,
                                 AtlasPrecision *precision);

gboolean loader_check_color     (Loader         *loader,
                                 const Path     *path,
                                 const char     *color,
                                 guint32        *value);
void     loader_read_period     (Loader          *loader,
                                 const AtlasJson *node,
                                 const Path      *path,
                                 guint            index);

/* What an element adds to the dataset's shared arrays, so that an element
 * that turns out to have problems takes it back with the references it left
 * pending. */
typedef struct
{
  guint indices;
  guint facts;
  guint geometries;
  guint pending;
} Mark;

/* One element of a top-level array while it is read: element_begin() and
 * element_finish() around the reading of its fields, which clears ok on a
 * problem. */
typedef struct
{
  Loader *loader;
  Section section;
  const Path *path;
  guint index;       /* in the file's array */
  guint position;    /* in the dataset's array, once added */
  Mark mark;
  Reader r;
  gboolean ok;
} Element;

gboolean element_begin          (Element         *e,
                                 Loader          *loader,
                                 Section          section,
                                 const AtlasJson *node,
                                 const Path      *path,
                                 guint            index,
                                 guint            position,
                                 const Field     *fields,
                                 gpointer         record);
const char *element_finish      (Element         *e,
                                 const char      *id);

gboolean add_id                 (Loader      *loader,
                                 Section      section,
                                 const char  *id,
                                 const char  *stored,
                                 guint        dataset_index,
                                 guint        file_index,
                                 const Path  *path);
guint32  resolve                (Loader      *loader,
                                 Target       target,
                                 const char  *id,
                                 guint32      position,
                                 guint32      owner,
                                 gint32       sub,
                                 const Path  *path);
gboolean read_id_list           (Reader      *r,
                                 const char  *key,
                                 Target       target,
                                 guint32      owner,
                                 gboolean     allow_single,
                                 gboolean     allow_empty,
                                 guint32     *offset,
                                 guint16     *count);
Section  target_section         (Target       target);

gboolean read_position          (Loader      *loader,
                                 const AtlasJson *node,
                                 const Path  *path,
                                 AtlasPoint  *point);
guint32  read_geometry          (Reader      *r,
                                 gboolean     allow_lines);

void     loader_read_element    (Loader      *loader,
                                 Section      section,
                                 const AtlasJson *node,
                                 guint        index);
void     loader_resolve_pending (Loader      *loader);
void     loader_read_feature    (Loader      *loader,
                                 const AtlasJson *node,
                                 guint        index);
void     loader_begin_geojson   (Loader      *loader);
void     loader_finish_geojson  (Loader      *loader,
                                 const AtlasJson *root);
const char *section_name        (Section      section);

void     atlas_loader_set_available_memory (guint64 bytes);

G_END_DECLS
