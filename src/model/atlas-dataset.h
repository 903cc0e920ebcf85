/* atlas-dataset.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-date.h"

G_BEGIN_DECLS

/* "No index": a location without a district, an event without a sector, … */
#define ATLAS_NONE G_MAXUINT32

/* Set in atlas_dataset_get_first_locations() for an event with more places. */
#define ATLAS_MORE_PLACES 0x80000000u

/* Events are at most this many days long, except the few that
 * atlas_dataset_get_long_events() lists: the events overlapping a date window
 * are found by binary search plus a scan of this many days before it. */
#define ATLAS_BAND_DAYS 400

typedef enum
{
  ATLAS_KIND_NEW_AREA,
  ATLAS_KIND_ZONE,
  ATLAS_KIND_PARK,
  ATLAS_KIND_PORT,
  ATLAS_KIND_SCIENCE_CITY,
  ATLAS_KIND_DISTRICT,
  ATLAS_KIND_HI_TECH_ZONE,
  ATLAS_KIND_INSTITUTE,
  ATLAS_KIND_COMPANY,
  ATLAS_KIND_VENUE,
  ATLAS_KIND_CITY,
  ATLAS_KIND_ROUTE,
  ATLAS_N_KINDS
} AtlasKind;

typedef enum
{
  ATLAS_GEOMETRY_POLYGON,
  ATLAS_GEOMETRY_MULTI_POLYGON,
  ATLAS_GEOMETRY_LINE_STRING,
  ATLAS_GEOMETRY_MULTI_LINE_STRING,
} AtlasGeometryType;

typedef struct
{
  const char *label;
  const char *value;
  const char *label_zh;
  const char *value_zh;
} AtlasFact;

typedef struct
{
  const char *id;
  const char *title;
  const char *publisher;
  const char *author;
  const char *url;
  const char *note;
  gint32 date;
  guint8 date_precision;
} AtlasSource;

typedef struct
{
  const char *id;
  const char *name;
  const char *name_zh;
  guint32 color; /* 0xRRGGBB */
} AtlasSector;

/* A named span of time drawn as a band behind the timeline; periods may overlap. */
typedef struct
{
  const char *id;
  const char *name;
  const char *name_zh;
  gint32 start;        /* first day */
  gint32 end;          /* the day after the last */
  guint8 start_precision;
  guint8 end_precision;
  guint32 color;       /* 0xRRGGBB */
} AtlasPeriod;

typedef struct
{
  double lon;
  double lat;
} AtlasPoint;

/* A ring of a polygon, or one line of a (multi) line string. */
typedef struct
{
  guint32 first_point;
  guint32 n_points;
  guint32 part;     /* which polygon of a MultiPolygon, which line of a MultiLineString */
  gboolean is_hole;
} AtlasRing;

typedef struct
{
  AtlasGeometryType type;
  guint32 first_ring;
  guint32 n_rings;
  double min_lon, min_lat, max_lon, max_lat;
} AtlasGeometry;

typedef struct
{
  const char *id;
  const char *name;
  const char *name_zh;
  const char *description;
  guint32 geometry;   /* or ATLAS_NONE */
  gboolean approximate;
} AtlasDistrict;

typedef struct
{
  const char *id;
  const char *name;
  const char *name_zh;
  const char *description;
  const char *description_zh;
  const char *note;
  double lon;
  double lat;
  guint32 district;   /* or ATLAS_NONE */
  guint32 geometry;   /* or ATLAS_NONE */
  guint32 sectors;    /* see atlas_dataset_location_sectors() */
  guint32 facts;
  guint32 events;
  guint32 n_events;
  guint16 n_sectors;
  guint16 n_facts;
  guint8 kind;        /* AtlasKind */
  guint8 approximate;
} AtlasLocation;

typedef struct
{
  const char *id;
  const char *title;
  const char *title_zh;
  const char *description;
  const char *description_zh;
  const char *note;
  guint32 locations;  /* see atlas_dataset_event_locations() */
  guint32 sectors;
  guint32 source;
  guint16 n_locations;
  guint16 n_sectors;
  guint8 precision;     /* AtlasPrecision of the start */
  guint8 end_precision; /* AtlasPrecision of the end, when has_end */
  guint8 has_end;
} AtlasEvent;

#define ATLAS_TYPE_DATASET (atlas_dataset_get_type ())

G_DECLARE_FINAL_TYPE (AtlasDataset, atlas_dataset, ATLAS, DATASET, GObject)

const char          *atlas_dataset_get_title             (AtlasDataset *self);
const char          *atlas_dataset_get_title_zh          (AtlasDataset *self);
const char          *atlas_dataset_get_description       (AtlasDataset *self);
const char          *atlas_dataset_get_license           (AtlasDataset *self);

guint                atlas_dataset_get_n_sources         (AtlasDataset *self);
guint                atlas_dataset_get_n_sectors         (AtlasDataset *self);
guint                atlas_dataset_get_n_districts       (AtlasDataset *self);
guint                atlas_dataset_get_n_locations       (AtlasDataset *self);
guint                atlas_dataset_get_n_events          (AtlasDataset *self);
guint                atlas_dataset_get_n_periods         (AtlasDataset *self);
const AtlasPeriod   *atlas_dataset_get_period            (AtlasDataset *self,
                                                          guint         index);

const AtlasSource   *atlas_dataset_get_source            (AtlasDataset *self,
                                                          guint         index);
const AtlasSector   *atlas_dataset_get_sector            (AtlasDataset *self,
                                                          guint         index);
const AtlasDistrict *atlas_dataset_get_district          (AtlasDataset *self,
                                                          guint         index);
const AtlasLocation *atlas_dataset_get_location          (AtlasDataset *self,
                                                          guint         index);
const AtlasEvent    *atlas_dataset_get_event             (AtlasDataset *self,
                                                          guint         index);
const AtlasGeometry *atlas_dataset_get_geometry          (AtlasDataset *self,
                                                          guint         index);
const AtlasRing     *atlas_dataset_get_ring              (AtlasDataset *self,
                                                          guint         index);
const AtlasPoint    *atlas_dataset_get_points            (AtlasDataset *self,
                                                          const AtlasRing *ring);

const gint32        *atlas_dataset_get_starts            (AtlasDataset *self);
const gint32        *atlas_dataset_get_ends              (AtlasDataset *self);
gint32               atlas_dataset_get_event_start       (AtlasDataset *self,
                                                          guint         event);
gint32               atlas_dataset_get_event_end         (AtlasDataset *self,
                                                          guint         event);
guint32              atlas_dataset_get_event_color       (AtlasDataset *self,
                                                          guint         event);
guint                atlas_dataset_find_start            (AtlasDataset *self,
                                                          gint64        day);
const guint32       *atlas_dataset_get_long_events       (AtlasDataset *self,
                                                          guint        *n);
gboolean             atlas_dataset_get_date_range        (AtlasDataset *self,
                                                          gint32       *first_day,
                                                          gint32       *end_day);
gboolean             atlas_dataset_get_bounds            (AtlasDataset *self,
                                                          double       *min_lon,
                                                          double       *min_lat,
                                                          double       *max_lon,
                                                          double       *max_lat);

const guint32       *atlas_dataset_event_locations       (AtlasDataset *self,
                                                          guint         event,
                                                          guint        *n);
const guint32       *atlas_dataset_event_sectors         (AtlasDataset *self,
                                                          guint         event,
                                                          guint        *n);
const guint32       *atlas_dataset_location_sectors      (AtlasDataset *self,
                                                          guint         location,
                                                          guint        *n);
const guint32       *atlas_dataset_location_events       (AtlasDataset *self,
                                                          guint         location,
                                                          guint        *n);
const guint32       *atlas_dataset_get_first_locations   (AtlasDataset *self);
const AtlasFact     *atlas_dataset_location_facts        (AtlasDataset *self,
                                                          guint         location,
                                                          guint        *n);

GtkBitset           *atlas_dataset_get_sector_events     (AtlasDataset *self,
                                                          guint         sector);
GtkBitset           *atlas_dataset_get_district_events   (AtlasDataset *self,
                                                          guint         district);
GtkBitset           *atlas_dataset_get_kind_events       (AtlasDataset *self,
                                                          AtlasKind     kind);
GtkBitset           *atlas_dataset_get_sector_locations  (AtlasDataset *self,
                                                          guint         sector);
GtkBitset           *atlas_dataset_get_district_locations (AtlasDataset *self,
                                                          guint         district);
GtkBitset           *atlas_dataset_get_kind_locations    (AtlasDataset *self,
                                                          AtlasKind     kind);

guint                atlas_dataset_find_source           (AtlasDataset *self,
                                                          const char   *id);
guint                atlas_dataset_find_sector           (AtlasDataset *self,
                                                          const char   *id);
guint                atlas_dataset_find_district         (AtlasDataset *self,
                                                          const char   *id);
guint                atlas_dataset_find_location         (AtlasDataset *self,
                                                          const char   *id);
guint                atlas_dataset_find_event            (AtlasDataset *self,
                                                          const char   *id);

const char          *atlas_kind_to_string                (AtlasKind     kind);
gboolean             atlas_kind_from_string              (const char   *text,
                                                          AtlasKind    *kind);
const char          *atlas_kind_get_label                (AtlasKind     kind);
const char          *atlas_kind_get_plural_label         (AtlasKind     kind);

G_END_DECLS
