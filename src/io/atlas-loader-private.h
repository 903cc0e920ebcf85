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
  guint index;      /* of an element in its array, for the references it holds */
  guint position;   /* of the element in the dataset's array, once added */
} Reader;

typedef struct
{
  gboolean present;
  gint32 start;
  gint32 end;
  AtlasPrecision precision;
} DateValue;

/* The fields of an object, as a table: each is read and checked, in the table's
 * order, into a record at its offset. Tables end with a NULL key. */
typedef enum
{
  FIELD_ID,           /* const char *: at most ATLAS_MAX_ID_LENGTH bytes, kept by the element */
  FIELD_STRING,       /* const char *: NULL when missing or null */
  FIELD_DATE,         /* DateValue: a partial ISO date */
  FIELD_BOOLEAN,      /* gboolean: FALSE when missing */
  FIELD_KIND,         /* guint8: an AtlasKind by its name */
  FIELD_POINT,        /* AtlasPoint: [longitude, latitude] */
  FIELD_GEOMETRY,     /* guint32: a GeoJSON geometry in dataset->geometries, or ATLAS_NONE */
  FIELD_FACTS,        /* guint32 offset into dataset->facts, guint16 count */
  FIELD_REFERENCE,    /* guint32: the element another id names (see target), or ATLAS_NONE */
  FIELD_REFERENCES,   /* guint32 offset into dataset->indices, guint16 count: ids of elements */
  FIELD_SECTOR_NAMES, /* the same, from sector names, the sectors made on first use (GeoJSON) */
} FieldType;

typedef enum
{
  FIELD_REQUIRED = 1 << 0,     /* missing is a problem; a string must not be empty */
  FIELD_INTERN = 1 << 1,       /* a string is kept interned in the dataset */
  FIELD_STORE = 1 << 2,        /* a string is kept in the dataset's store */
  FIELD_LINES = 1 << 3,        /* a geometry may also be a line */
  FIELD_SINGLE = 1 << 4,       /* references: one id may stand for a list of one */
  FIELD_NOT_EMPTY = 1 << 5,    /* references: at least one */
  FIELD_OR_PREVIOUS = 1 << 6,  /* another name for the previous field, read when that
                                  gave no value */
} FieldFlags;

typedef struct
{
  const char *key;
  guint8 type;          /* FieldType */
  guint8 flags;         /* FieldFlags */
  guint8 target;        /* a Target, for references */
  gsize offset;         /* where the value goes in the record */
  gsize count_offset;   /* where a list's guint16 count goes */
} Field;

#define FIELD(key_, type_, flags_, record_, member_) \
  { (key_), (type_), (flags_), 0, G_STRUCT_OFFSET (record_, member_), 0 }
#define FIELD_LIST(key_, type_, flags_, target_, record_, member_, count_) \
  { (key_), (type_), (flags_), (target_), G_STRUCT_OFFSET (record_, member_), G_STRUCT_OFFSET (record_, count_) }

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
gboolean expect_array           (Loader      *loader,
                                 const AtlasJson *node,
                                 const Path  *path,
                                 const char  *expected);
void     report_type            (Reader      *r,
                                 const char  *key,
                                 const char  *expected,
                                 const AtlasJson *node);
gboolean read_string            (Reader      *r,
                                 const char  *key,
                                 gboolean     required,
                                 const char **out);
gboolean read_id                (Reader      *r,
                                 const char **out);
gboolean read_boolean           (Reader      *r,
                                 const char  *key,
                                 gboolean    *out);
gboolean read_date              (Reader      *r,
                                 const char  *key,
                                 gboolean     required,
                                 DateValue   *out);
gboolean read_fields            (Reader      *r,
                                 const Field *fields,
                                 gpointer     record);
void     warn_unknown_fields    (Reader      *r,
                                 const Field *fields);

gboolean loader_check_color     (Loader         *loader,
                                 const Path     *path,
                                 const char     *color,
                                 guint32        *value);

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

/* One element of a top-level array while it is read into a record that starts
 * with the dataset's struct, and so with its id; ok is cleared on a problem. */
typedef struct
{
  Loader *loader;
  Section section;
  const Path *path;
  Mark mark;
  Reader r;
  gboolean ok;
} Element;

/* How the elements of one top-level array are read: the table of their fields,
 * then what a table cannot say. */
typedef struct
{
  const Field *fields;
  gsize record_size;
  /* (nullable): checks that take several fields, once they are read; fills in
   * the rest of the dataset's struct */
  void (*check) (Element      *e,
                 gpointer      record);
  /* (nullable): adds a valid element; by default its struct is appended */
  void (*add)   (AtlasDataset *ds,
                 gpointer      record);
} SectionReader;

extern const SectionReader loader_period_reader;

void     loader_add_event       (AtlasDataset    *ds,
                                 AtlasEvent      *ev,
                                 const DateValue *date,
                                 const DateValue *end);

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
                                 const Field *field,
                                 guint32     *offset,
                                 guint16     *count);
gboolean read_sector_names      (Reader      *r,
                                 const char  *key,
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
