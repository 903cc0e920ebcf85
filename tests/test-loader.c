/* test-loader.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "model/atlas-dataset-private.h"
#include "model/atlas-error.h"
#include "io/atlas-loader.h"
#include "io/atlas-loader-private.h"
#include "test-wait.h"

#define SOURCES "[{\"id\":\"news\",\"title\":\"T\",\"publisher\":\"P\",\"date\":\"2020-04\"}]"
#define SECTORS "[{\"id\":\"ports\",\"name\":\"Ports\",\"color\":\"#1c71d8\"},{\"id\":\"cars\",\"name\":\"Cars\",\"color\":\"#c01c28\"}]"
#define DISTRICTS "[{\"id\":\"yubei\",\"name\":\"Yubei\"}]"
#define LOCATIONS "[{\"id\":\"guoyuan-port\",\"name\":\"Guoyuan Port\",\"kind\":\"port\",\"district\":\"yubei\",\"sectors\":[\"ports\"],\"point\":[106.77,29.62]}]"
#define EVENTS "[{\"id\":\"e1\",\"date\":\"2020-06-05\",\"title\":\"Opened\",\"location\":\"guoyuan-port\",\"sectors\":[\"ports\"],\"source\":\"news\"}]"

static char *
make_dataset (const char *sources,
              const char *sectors,
              const char *districts,
              const char *locations,
              const char *events)
{
  return g_strdup_printf ("{\"atlas\":1,\"title\":\"Test\",\"sources\":%s,\"sectors\":%s,"
                          "\"districts\":%s,\"locations\":%s,\"events\":%s}",
                          sources ? sources : SOURCES, sectors ? sectors : SECTORS,
                          districts ? districts : DISTRICTS, locations ? locations : LOCATIONS,
                          events ? events : EVENTS);
}

static AtlasDataset *
load_string (const char   *json,
             AtlasReport **report_out,
             GError      **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(AtlasReport) report = atlas_report_new ();
  AtlasDataset *dataset = atlas_loader_load_bytes (bytes, report, NULL, NULL, NULL, error);

  if (report_out != NULL)
    *report_out = g_steal_pointer (&report);
  return dataset;
}

/* All problems of the report, one per line, in the order found. */
static char *
report_text (AtlasReport *report)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < atlas_report_get_n_kept (report); i++)
    {
      g_autofree char *line = atlas_report_format_problem (atlas_report_get_problem (report, i));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  return g_string_free (text, FALSE);
}

static void
test_valid (void)
{
  g_autofree char *json = make_dataset (NULL, NULL, NULL, NULL, NULL);
  g_autoptr(AtlasReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = load_string (json, &report, &error);
  const AtlasEvent *ev;
  const AtlasLocation *loc;
  guint n;
  const guint32 *list;

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (atlas_report_get_n_errors (report), ==, 0);
  g_assert_cmpuint (atlas_report_get_n_warnings (report), ==, 0);
  g_assert_cmpstr (atlas_dataset_get_title (dataset), ==, "Test");
  g_assert_cmpuint (atlas_dataset_get_n_events (dataset), ==, 1);
  g_assert_cmpuint (atlas_dataset_get_n_locations (dataset), ==, 1);

  ev = atlas_dataset_get_event (dataset, 0);
  g_assert_cmpstr (ev->title, ==, "Opened");
  g_assert_cmpint (ev->precision, ==, ATLAS_PRECISION_DAY);
  g_assert_cmpint (atlas_dataset_get_event_start (dataset, 0), ==, atlas_date_from_civil (2020, 6, 5));
  g_assert_cmpint (atlas_dataset_get_event_end (dataset, 0), ==, atlas_date_from_civil (2020, 6, 6));
  list = atlas_dataset_event_locations (dataset, 0, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (list[0], ==, 0);
  g_assert_cmpuint (ev->source, ==, 0);

  loc = atlas_dataset_get_location (dataset, 0);
  g_assert_cmpstr (loc->id, ==, "guoyuan-port");
  g_assert_cmpint (loc->kind, ==, ATLAS_KIND_PORT);
  g_assert_cmpuint (loc->district, ==, 0);
  g_assert_cmpfloat_with_epsilon (loc->lon, 106.77, 1e-9);
  g_assert_cmpfloat_with_epsilon (loc->lat, 29.62, 1e-9);
  g_assert_cmpuint (atlas_dataset_get_event_color (dataset, 0), ==, 0x1c71d8);
  g_assert_cmpuint (atlas_dataset_find_location (dataset, "guoyuan-port"), ==, 0);
  g_assert_cmpuint (atlas_dataset_find_location (dataset, "nowhere"), ==, ATLAS_NONE);
  g_assert_cmpuint (atlas_dataset_find_event (dataset, "e1"), ==, 0);
}

/* The arrays may come in any order: references to later arrays resolve at the end. */
static void
test_any_order (void)
{
  const char *json =
    "{\"events\":" EVENTS ",\"locations\":" LOCATIONS ",\"atlas\":1,\"sectors\":" SECTORS ","
    "\"title\":\"Reversed\",\"districts\":" DISTRICTS ",\"sources\":" SOURCES "}";
  g_autoptr(AtlasReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = load_string (json, &report, &error);
  guint n;
  const guint32 *list;

  g_assert_no_error (error);
  list = atlas_dataset_event_locations (dataset, 0, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (list[0], ==, 0);
  list = atlas_dataset_event_sectors (dataset, 0, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (list[0], ==, 0);
  g_assert_cmpuint (atlas_dataset_get_location (dataset, 0)->district, ==, 0);
  g_assert_cmpuint (atlas_dataset_get_event (dataset, 0)->source, ==, 0);
}

typedef struct
{
  const char *name;
  const char *sources, *sectors, *districts, *locations, *events;
  const char *expected;
} Case;

static const Case cases[] = {
  { "unknown-location", NULL, NULL, NULL, NULL,
    "[{\"id\":\"e1\",\"date\":\"2020\",\"title\":\"T\",\"location\":\"guoyan-port\",\"sectors\":[],\"source\":\"news\"}]",
    "events[0].location: unknown location “guoyan-port” (did you mean “guoyuan-port”?)" },
  { "unknown-location-in-array", NULL, NULL, NULL, NULL,
    "[{\"id\":\"e1\",\"date\":\"2020\",\"title\":\"T\",\"location\":[\"guoyuan-port\",\"nowhere\"],\"sectors\":[],\"source\":\"news\"}]",
    "events[0].location[1]: unknown location “nowhere”" },
  { "bad-month", NULL, NULL, NULL, NULL,
    "[{\"id\":\"e1\",\"date\":\"2020-13-01\",\"title\":\"T\",\"location\":\"guoyuan-port\",\"sectors\":[],\"source\":\"news\"}]",
    "events[0].date: “2020-13-01” is not a valid date (month 13)" },
  { "leap-day", NULL, NULL, NULL, NULL,
    "[{\"id\":\"e1\",\"date\":\"2021-02-29\",\"title\":\"T\",\"location\":\"guoyuan-port\",\"sectors\":[],\"source\":\"news\"}]",
    "events[0].date: “2021-02-29” is not a valid date (February 2021 has 28 days)" },
  { "end-before-date", NULL, NULL, NULL, NULL,
    "[{\"id\":\"e1\",\"date\":\"2020-05\",\"end\":\"2019\",\"title\":\"T\",\"location\":\"guoyuan-port\",\"sectors\":[],\"source\":\"news\"}]",
    "events[0].end: “2019” is before the event's date “2020-05”" },
  { "missing-title", NULL, NULL, NULL, NULL,
    "[{\"id\":\"e1\",\"date\":\"2020\",\"location\":\"guoyuan-port\",\"sectors\":[],\"source\":\"news\"}]",
    "events[0]: the required key “title” is missing" },
  { "wrong-type", NULL, NULL, NULL, NULL,
    "[{\"id\":\"e1\",\"date\":2020,\"title\":\"T\",\"location\":\"guoyuan-port\",\"sectors\":[],\"source\":\"news\"}]",
    "events[0].date: expected a string, found a number" },
  { "unknown-key", NULL, NULL, NULL, NULL,
    "[{\"id\":\"e1\",\"date\":\"2020\",\"title\":\"T\",\"location\":\"guoyuan-port\",\"sectors\":[],\"source\":\"news\",\"nott\":1}]",
    "events[0].nott: warning: unknown key, ignored (did you mean “note”?)" },
  { "duplicate-id", NULL, NULL, NULL,
    "[{\"id\":\"a\",\"name\":\"A\",\"kind\":\"port\",\"sectors\":[],\"point\":[106,29]},"
    "{\"id\":\"guoyuan-port\",\"name\":\"G\",\"kind\":\"port\",\"sectors\":[],\"point\":[106,29]},"
    "{\"id\":\"a\",\"name\":\"B\",\"kind\":\"port\",\"sectors\":[],\"point\":[106,29]}]", NULL,
    "locations[2].id: duplicate id “a” (first used by locations[0])" },
  { "latitude-range", NULL, NULL, NULL,
    "[{\"id\":\"guoyuan-port\",\"name\":\"G\",\"kind\":\"port\",\"sectors\":[],\"point\":[106,95]}]", NULL,
    "locations[0].point[1]: latitude 95 is out of range (−90 to 90)" },
  { "infinite", NULL, NULL, NULL,
    "[{\"id\":\"guoyuan-port\",\"name\":\"G\",\"kind\":\"port\",\"sectors\":[],\"point\":[1e999,29]}]", NULL,
    "locations[0].point[0]: the longitude is not a finite number" },
  { "unknown-kind", NULL, NULL, NULL,
    "[{\"id\":\"guoyuan-port\",\"name\":\"G\",\"kind\":\"prot\",\"sectors\":[],\"point\":[106,29]}]", NULL,
    "locations[0].kind: unknown kind “prot” (did you mean “port”?)" },
  { "bad-colour", NULL, "[{\"id\":\"ports\",\"name\":\"P\",\"color\":\"blue\"}]", NULL, NULL, NULL,
    "sectors[0].color: “blue” is not a colour in the form #rrggbb" },
  { "unknown-district", NULL, NULL, "[]", NULL, NULL,
    "locations[0].district: unknown district “yubei”" },
  { "unknown-source", "[]", NULL, NULL, NULL, NULL,
    "events[0].source: unknown source “news”" },
  { "url-scheme", "[{\"id\":\"news\",\"title\":\"T\",\"publisher\":\"P\",\"date\":\"2020\",\"url\":\"file:///etc/passwd\"}]",
    NULL, NULL, NULL, NULL,
    "sources[0].url: only http and https addresses are allowed, found “file:///etc/passwd”" },
  { "open-ring", NULL, NULL,
    "[{\"id\":\"yubei\",\"name\":\"Y\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[106,29],[107,29],[107,30],[106,30]]]}}]",
    NULL, NULL,
    "districts[0].geometry.coordinates[0]: the ring is not closed: its last position must repeat its first" },
  { "two-point-polygon", NULL, NULL,
    "[{\"id\":\"yubei\",\"name\":\"Y\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[106,29],[106,29]]]}}]",
    NULL, NULL,
    "districts[0].geometry.coordinates[0]: a polygon ring needs at least 4 positions, found 2" },
  { "line-in-district", NULL, NULL,
    "[{\"id\":\"yubei\",\"name\":\"Y\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[106,29],[107,29]]}}]",
    NULL, NULL,
    "districts[0].geometry.type: “LineString” is not allowed here (expected Polygon or MultiPolygon)" },
  { "longitude-just-over", NULL, NULL, NULL,
    "[{\"id\":\"guoyuan-port\",\"name\":\"G\",\"kind\":\"port\",\"sectors\":[],\"point\":[180.0000001,29.6]}]", NULL,
    "locations[0].point[0]: longitude 180.0000001 is out of range (−180 to 180)" },
  { "multipolygon-too-shallow", NULL, NULL,
    "[{\"id\":\"yubei\",\"name\":\"Y\",\"geometry\":{\"type\":\"MultiPolygon\","
    "\"coordinates\":[[[106,29],[107,29],[107,30],[106,29]]]}}]",
    NULL, NULL,
    "districts[0].geometry.coordinates[0][0]: expected an array of positions, found a number: "
    "the coordinates of a MultiPolygon are nested one level too shallow" },
  { "duplicate-key-in-event", NULL, NULL, NULL, NULL,
    "[{\"id\":\"e1\",\"date\":\"2020\",\"title\":\"E\",\"title\":\"F\",\"location\":\"guoyuan-port\",\"sectors\":[],\"source\":\"news\"}]",
    "events[0]: the key “title” appears more than once" },
  { "duplicate-key-in-geometry", NULL, NULL,
    "[{\"id\":\"yubei\",\"name\":\"Y\",\"geometry\":{\"type\":\"Polygon\",\"type\":\"Polygon\","
    "\"coordinates\":[[[106,29],[107,29],[107,30],[106,29]]]}}]",
    NULL, NULL,
    "districts[0].geometry: the key “type” appears more than once" },
};

/* Text from the file with a terminal's escape sequences in it: an OSC that
 * retitles the terminal, BEL, and a CSI that clears it. */
#define HOSTILE "x\\u001b]0;PWNED\\u0007\\u001b[2J"
#define HOSTILE_SHOWN "x\\u001b]0;PWNED\\u0007\\u001b[2J"

typedef struct
{
  const char *name;
  const char *json;      /* a whole file, or NULL for a dataset with events below */
  const char *events;
  const char *expected;  /* a line of the report */
} Quoted;

#define EVENT_WITH(key_value) \
  "[{\"id\":\"e1\",\"date\":\"2020\",\"title\":\"T\",\"location\":\"guoyuan-port\"," \
  "\"sectors\":[],\"source\":\"news\"," key_value "}]"
#define DATASET_WITH(sectors, locations, districts) \
  "{\"atlas\":1,\"title\":\"Test\",\"sources\":" SOURCES ",\"sectors\":" sectors "," \
  "\"districts\":" districts ",\"locations\":" locations ",\"events\":[]}"
#define LOCATION_WITH(key_value) \
  "[{\"id\":\"guoyuan-port\",\"name\":\"G\",\"sectors\":[],\"point\":[106,29]," key_value "}]"

/* Every message that quotes text from the file. */
static const Quoted quoted_cases[] = {
  { "unknown-reference", NULL, "[{\"id\":\"e1\",\"date\":\"2020\",\"title\":\"T\",\"location\":\"" HOSTILE "\","
    "\"sectors\":[],\"source\":\"news\"}]",
    "events[0].location: unknown location “" HOSTILE_SHOWN "”" },
  { "unknown-reference-guess", NULL, "[{\"id\":\"e1\",\"date\":\"2020\",\"title\":\"T\",\"location\":\"guoyuan-por\\u0007\","
    "\"sectors\":[],\"source\":\"news\"}]",
    "events[0].location: unknown location “guoyuan-por\\u0007” (did you mean “guoyuan-port”?)" },
  { "date", NULL, "[{\"id\":\"e1\",\"date\":\"" HOSTILE "\",\"title\":\"T\",\"location\":\"guoyuan-port\","
    "\"sectors\":[],\"source\":\"news\"}]",
    "events[0].date: “" HOSTILE_SHOWN "” is not a valid date" },
  { "unknown-key", NULL, EVENT_WITH ("\"" HOSTILE "\":1"),
    "events[0]." HOSTILE_SHOWN ": warning: unknown key, ignored" },
  { "duplicate-key", NULL, EVENT_WITH ("\"" HOSTILE "\":1,\"" HOSTILE "\":2"),
    "events[0]: the key “" HOSTILE_SHOWN "” appears more than once" },
  { "duplicate-top-key", "{\"" HOSTILE "\":1,\"" HOSTILE "\":2}", NULL,
    "the key “" HOSTILE_SHOWN "” appears more than once at the top level" },
  { "duplicate-id", DATASET_WITH (SECTORS, "[{\"id\":\"" HOSTILE "\",\"name\":\"A\",\"kind\":\"port\",\"sectors\":[],\"point\":[106,29]},"
                                  "{\"id\":\"" HOSTILE "\",\"name\":\"B\",\"kind\":\"port\",\"sectors\":[],\"point\":[106,29]}]", "[]"), NULL,
    "locations[1].id: duplicate id “" HOSTILE_SHOWN "” (first used by locations[0])" },
  { "listed-twice", DATASET_WITH ("[{\"id\":\"" HOSTILE "\",\"name\":\"S\",\"color\":\"#1c71d8\"}]",
                                  "[{\"id\":\"a\",\"name\":\"A\",\"kind\":\"port\",\"sectors\":[\"" HOSTILE "\",\"" HOSTILE "\"],\"point\":[106,29]}]",
                                  "[]"), NULL,
    "locations[0].sectors[1]: warning: “" HOSTILE_SHOWN "” is listed twice; the second is ignored" },
  { "colour", DATASET_WITH ("[{\"id\":\"s\",\"name\":\"S\",\"color\":\"" HOSTILE "\"}]", "[]", "[]"), NULL,
    "sectors[0].color: “" HOSTILE_SHOWN "” is not a colour in the form #rrggbb" },
  { "url", "{\"atlas\":1,\"title\":\"Test\",\"sources\":[{\"id\":\"news\",\"title\":\"T\",\"publisher\":\"P\","
    "\"date\":\"2020\",\"url\":\"" HOSTILE "\"}],\"sectors\":[],\"locations\":[],\"events\":[]}", NULL,
    "sources[0].url: only http and https addresses are allowed, found “" HOSTILE_SHOWN "”" },
  { "kind", DATASET_WITH (SECTORS, LOCATION_WITH ("\"kind\":\"" HOSTILE "\""), "[]"), NULL,
    "locations[0].kind: unknown kind “" HOSTILE_SHOWN "” (see the list of kinds in docs/dataset-format.md)" },
  { "kind-guess", DATASET_WITH (SECTORS, LOCATION_WITH ("\"kind\":\"por\\u001b\""), "[]"), NULL,
    "locations[0].kind: unknown kind “por\\u001b” (did you mean “port”?)" },
  { "geometry-type", DATASET_WITH (SECTORS, LOCATION_WITH ("\"kind\":\"port\",\"geometry\":{\"type\":\"" HOSTILE "\",\"coordinates\":[]}"), "[]"), NULL,
    "locations[0].geometry.type: “" HOSTILE_SHOWN "” is not allowed here (expected Polygon, MultiPolygon, LineString or MultiLineString)" },
  { "district-geometry-type", DATASET_WITH (SECTORS, "[]", "[{\"id\":\"d\",\"name\":\"D\",\"geometry\":{\"type\":\"" HOSTILE "\",\"coordinates\":[]}}]"), NULL,
    "districts[0].geometry.type: “" HOSTILE_SHOWN "” is not allowed here (expected Polygon or MultiPolygon)" },
  { "geojson-kind", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
    "\"coordinates\":[106,29]},\"properties\":{\"name\":\"P\",\"kind\":\"" HOSTILE "\"}}]}", NULL,
    "features[0].properties.kind: warning: unknown kind “" HOSTILE_SHOWN "”; the place is shown as a venue" },
  /* A C1 control written as itself (U+009B, a one-character CSI). */
  { "syntax", "{\"atlas\":1,\xc2\x9b}", NULL,
    "line 1, column 12: unexpected '\\u009b': expected a member name in double quotes" },
};

static void
test_quoted (gconstpointer data)
{
  const Quoted *c = data;
  g_autofree char *json = c->json != NULL ? g_strdup (c->json) : make_dataset (NULL, NULL, NULL, NULL, c->events);
  g_autoptr(AtlasReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = load_string (json, &report, &error);
  g_autofree char *text = report_text (report);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean found = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 && *p != '\n')
        g_error ("control character 0x%02X in the report: %s", *p, text);
      if ((guchar) p[0] == 0xC2 && (guchar) p[1] >= 0x80 && (guchar) p[1] <= 0x9F)
        g_error ("C1 control character in the report: %s", text);
    }
  for (guint i = 0; lines[i] != NULL && !found; i++)
    found = g_str_has_prefix (lines[i], c->expected);
  if (!found)
    g_error ("no line starts with\n%s\nin\n%s", c->expected, text);
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *json = make_dataset (c->sources, c->sectors, c->districts, c->locations, c->events);
  g_autoptr(AtlasReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = load_string (json, &report, &error);
  g_autofree char *text = report_text (report);

  g_assert_cmpstr (text, ==, c->expected);
  if (atlas_report_get_n_errors (report) > 0)
    {
      g_assert_error (error, ATLAS_ERROR, ATLAS_ERROR_INVALID);
      g_assert_null (dataset);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_nonnull (dataset);
    }
}

typedef struct
{
  const char *name;
  const char *json;
  const char *expected;
} Syntax;

static const Syntax syntax_cases[] = {
  { "empty", "", "the file is empty; a dataset is a JSON object" },
  { "blank", "  \n ", "the file holds only white space; a dataset is a JSON object" },
  { "array", "[1, 2]", "line 1, column 1: a dataset is a JSON object, but this file holds an array" },
  { "not-json", "hello", "line 1, column 1: unexpected 'h': this is not JSON: a dataset starts with '{'" },
  { "truncated", "{\"atlas\": 1,\n \"title\": \"x", "line 2, column 11: the file ends inside this string; is it truncated?" },
  { "truncated-object", "{\"atlas\": 1,\n", "line 2, column 1: the file ends too early: expected a member name in double quotes; is it truncated?" },
  { "missing-comma", "{\"atlas\": 1 \"title\": \"x\"}", "line 1, column 13: unexpected '\"': expected ',' or '}' after an object member" },
  { "trailing-comma", "{\"atlas\": [1, 2,]}", "line 1, column 17: a comma before ']' must be followed by another element" },
  { "comment", "{\"atlas\": 1 // one\n}", "line 1, column 13: comments are not allowed in JSON" },
  { "single-quotes", "{'atlas': 1}", "line 1, column 2: unexpected ''': expected a member name in double quotes" },
  { "leading-zero", "{\"atlas\": 01}", "line 1, column 11: invalid number: numbers may not start with 0" },
  { "huge-integer", "{\"atlas\": 123456789012345678901234567890}", "line 1, column 11: the number 123456789012345678901234… is too large" },
  { "nul-byte", "{\"title\": \"a\0b\"}", "line 1, column 13: a NUL byte (0x00) is not allowed in JSON" },
  { "invalid-utf8", "{\"title\": \"caf\xe9\"}", "line 1, column 15: invalid UTF-8 (byte 0xE9): a dataset must be UTF-8 text" },
  { "overlong-utf8", "{\"title\": \"\xc0\xaf\"}", "line 1, column 12: invalid UTF-8 (byte 0xC0): a dataset must be UTF-8 text" },
  { "escaped-nul", "{\"title\": \"a\\u0000\"}", "line 1, column 13: \\u0000 (a NUL character) is not allowed in a string" },
  { "lone-surrogate", "{\"title\": \"\\ud800x\"}", "line 1, column 12: \\uD800 is half of a surrogate pair without its second half" },
  { "bad-escape", "{\"title\": \"\\q\"}", "line 1, column 12: a backslash followed by 'q' is not a valid escape in a JSON string" },
  { "after-end", "{} {}", "line 1, column 4: unexpected '{': expected the end of the file after the dataset's closing '}'" },
  { "raw-newline", "{\"title\": \"a\nb\"}", "line 1, column 11: this string is not closed before the end of the line" },
  { "duplicate-top-key", "{\"atlas\":1,\"title\":\"a\",\"title\":\"b\",\"sources\":[],\"sectors\":[],\"locations\":[],\"events\":[]}",
    "the key “title” appears more than once at the top level" },
  { "missing-everything", "{}",
    "the required key “atlas” is missing; a dataset starts with \"atlas\": 1\n"
    "the required key “title” is missing\n"
    "the required key “sources” is missing\n"
    "the required key “sectors” is missing\n"
    "the required key “locations” is missing\n"
    "the required key “events” is missing" },
  { "wrong-version", "{\"atlas\":2,\"title\":\"a\",\"sources\":[],\"sectors\":[],\"locations\":[],\"events\":[]}",
    "atlas: unsupported format version 2 (this version of Chengyu Atlas reads version 1)" },
  { "events-not-array", "{\"atlas\":1,\"title\":\"a\",\"sources\":[],\"sectors\":[],\"locations\":[],\"events\":{}}",
    "events: expected an array, found an object" },
  { "bom", "\xef\xbb\xbf{\"atlas\":1,\"title\":\"a\",\"sources\":[],\"sectors\":[],\"locations\":[],\"events\":[]}",
    "line 1, column 1: warning: the file starts with a byte-order mark, which JSON does not allow; it was ignored" },
};

static void
test_syntax (gconstpointer data)
{
  const Syntax *c = data;
  gsize length = strcmp (c->name, "nul-byte") == 0 ? 17 : strlen (c->json);
  g_autoptr(GBytes) bytes = g_bytes_new (c->json, length);
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_loader_load_bytes (bytes, report, NULL, NULL, NULL, &error);
  g_autofree char *text = report_text (report);

  g_assert_cmpstr (text, ==, c->expected);
  g_assert_true ((dataset == NULL) == (atlas_report_get_n_errors (report) > 0));
}

/* json-glib recurses once per level; the scan must refuse deep files before it. */
static void
test_deep_nesting (void)
{
  GString *json = g_string_new ("{\"a\":");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (json, '[');
  bytes = g_string_free_to_bytes (json);
  dataset = atlas_loader_load_bytes (bytes, report, NULL, NULL, NULL, &error);
  text = report_text (report);

  g_assert_null (dataset);
  g_assert_error (error, ATLAS_ERROR, ATLAS_ERROR_INVALID);
  g_assert_cmpstr (text, ==, "line 1, column 69: nested deeper than 64 levels");
}

static void
test_every_problem (void)
{
  /* One file with many problems reports all of them, not just the first. */
  g_autofree char *json = make_dataset (NULL, NULL, NULL, NULL,
    "[{\"id\":\"e1\",\"date\":\"x\",\"title\":\"T\",\"location\":\"nowhere\",\"sectors\":[\"nope\"],\"source\":\"nada\"},"
    "{\"id\":\"e1\",\"date\":\"2020-00\",\"title\":5,\"location\":[],\"sectors\":[],\"source\":\"news\"}]");
  g_autoptr(AtlasReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = load_string (json, &report, &error);
  g_autofree char *text = report_text (report);

  /* A broken file yields no dataset, only the report. */
  g_assert_null (dataset);
  g_assert_error (error, ATLAS_ERROR, ATLAS_ERROR_INVALID);
  g_assert_cmpstr (text, ==,
                   "events[0].date: “x” is not a valid date (expected YYYY, YYYY-MM or YYYY-MM-DD)\n"
                   "events[0].location: unknown location “nowhere”\n"
                   "events[0].sectors[0]: unknown sector “nope”\n"
                   "events[0].source: unknown source “nada”\n"
                   "events[1].date: “2020-00” is not a valid date (month 0)\n"
                   "events[1].title: expected a string, found a number\n"
                   "events[1].location: must name at least one id\n"
                   "events[1].id: duplicate id “e1” (first used by events[0])");
  g_assert_cmpuint (atlas_report_get_n_errors (report), ==, 8);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

/* A dataset large enough for several progress steps, with every event precision. */
static char *
make_large (guint n_events)
{
  GString *events = g_string_new ("[");
  g_autofree char *locations = NULL;
  char *json;

  for (guint i = 0; i < n_events; i++)
    {
      const char *dates[] = { "2020-06-05", "2019-11", "2018", "2021-01-31" };

      g_string_append_printf (events, "%s\n{\"id\":\"e%u\",\"date\":\"%s\",\"title\":\"Event %u\","
                              "\"location\":\"guoyuan-port\",\"sectors\":[\"%s\"],\"source\":\"news\"}",
                              i ? "," : "", i, dates[(i * 7) % 4], i, i % 2 ? "ports" : "cars");
    }
  g_string_append (events, "]");
  json = make_dataset (NULL, NULL, NULL, NULL, events->str);
  g_string_free (events, TRUE);
  return json;
}

static void
test_progress_and_sorting (void)
{
  g_autofree char *json = make_large (20000);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  double last = 0.0;
  const gint32 *starts;
  guint n;

  dataset = atlas_loader_load_bytes (bytes, report, NULL, on_progress, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);

  n = atlas_dataset_get_n_events (dataset);
  g_assert_cmpuint (n, ==, 20000);
  starts = atlas_dataset_get_starts (dataset);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (starts[i - 1], <=, starts[i]);

  /* Every event of the one place is listed for it, in date order. */
  {
    guint count;
    const guint32 *events = atlas_dataset_location_events (dataset, 0, &count);

    g_assert_cmpuint (count, ==, n);
    for (guint i = 0; i < count; i++)
      g_assert_cmpuint (events[i], ==, i);
  }
  g_assert_cmpuint (gtk_bitset_get_size (atlas_dataset_get_sector_events (dataset, 0)) +
                    gtk_bitset_get_size (atlas_dataset_get_sector_events (dataset, 1)), ==, n);
  g_assert_cmpuint (gtk_bitset_get_size (atlas_dataset_get_kind_events (dataset, ATLAS_KIND_PORT)), ==, n);
  g_assert_cmpuint (gtk_bitset_get_size (atlas_dataset_get_district_events (dataset, 0)), ==, n);
}

static void
test_cancel (void)
{
  g_autofree char *json = make_large (2000);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;

  g_cancellable_cancel (cancellable);
  dataset = atlas_loader_load_bytes (bytes, report, cancellable, NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_unreadable (void)
{
  g_autoptr(GFile) dir = g_file_new_for_path (g_get_tmp_dir ());
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/dataset.json");
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset;

  dataset = atlas_loader_load_file (dir, report, NULL, NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE);
  g_assert_cmpstr (error->message, ==, "This is a folder; choose a dataset file (.json) inside it");
  g_clear_error (&error);

  dataset = atlas_loader_load_file (missing, report, NULL, NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE);
  g_assert_cmpstr (error->message, ==, "No such file or directory");
}

/* g_format_size() puts a no-break space between a number and its unit. */
#define NBSP "\xc2\xa0"

/* A sparse file of @size bytes (no disk used), loaded: the size checks come
 * before any reading. */
static AtlasDataset *
load_sparse_file (guint64   size,
                  GError  **error)
{
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  AtlasDataset *dataset;
  int fd = g_file_open_tmp ("sparse-XXXXXX.json", &path, &local_error);

  g_assert_no_error (local_error);
  g_assert_cmpint (ftruncate (fd, (off_t) size), ==, 0);
  close (fd);
  file = g_file_new_for_path (path);
  dataset = atlas_loader_load_file (file, report, NULL, NULL, NULL, error);
  g_unlink (path);
  return dataset;
}

/* The size limit is 4 GiB less a byte: a 10,000,000-event dataset (2.2 GB) is
 * under it, and a file over it is refused with both sizes, before reading. */
static void
test_size_limit (void)
{
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset;

  g_assert_cmpuint (ATLAS_MAX_FILE_SIZE, ==, G_GUINT64_CONSTANT (4294967295));

  /* Past the size check (which the 2 GB limit failed), a 3 GiB file is refused
   * by the memory check instead, still without being read. */
  atlas_loader_set_available_memory (1000);
  dataset = load_sparse_file (G_GUINT64_CONSTANT (3) << 30, &error);
  atlas_loader_set_available_memory (0);
  g_assert_null (dataset);
  g_assert_error (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE);
  g_assert_cmpstr (error->message, ==, "Opening this 3.2" NBSP "GB file would need about 8.1" NBSP "GB of memory, "
                                       "more than is free; close other programs and try again");
  g_clear_error (&error);

  /* One byte over: the size in bytes too, as both round to 4.0 GiB. */
  dataset = load_sparse_file (ATLAS_MAX_FILE_SIZE + 1, &error);
  g_assert_null (dataset);
  g_assert_error (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE);
  g_assert_cmpstr (error->message, ==, "The file is 4.0" NBSP "GiB (4294967296 bytes), more than the "
                                       "limit of 4.0" NBSP "GiB for a dataset");
  g_clear_error (&error);

  dataset = load_sparse_file (G_GUINT64_CONSTANT (5) << 30, &error);
  g_assert_null (dataset);
  g_assert_error (error, ATLAS_ERROR, ATLAS_ERROR_UNREADABLE);
  g_assert_cmpstr (error->message, ==, "The file is 5.0" NBSP "GiB, more than the limit of 4.0" NBSP
                                       "GiB for a dataset");
}

/* A file of /proc says it has no bytes and has some: it is read to its end, not
 * called empty. /proc/self/status starts with "Name:". */
static void
test_size_zero_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/proc/self/status");
  g_autoptr(AtlasReport) report = atlas_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autofree char *text = NULL;
  GStatBuf st;

  if (g_stat ("/proc/self/status", &st) != 0 || st.st_size != 0)
    {
      g_test_skip ("no /proc/self/status of size 0 here");
      return;
    }
  dataset = atlas_loader_load_file (file, report, NULL, NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, ATLAS_ERROR, ATLAS_ERROR_INVALID);
  text = report_text (report);
  g_assert_cmpstr (text, ==, "line 1, column 1: unexpected 'N': this is not JSON: a dataset starts with '{'");
}

static void
on_async_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AtlasDataset **out = user_data;
  g_autoptr(AtlasReport) report = NULL;
  g_autoptr(GError) error = NULL;

  *out = atlas_loader_load_finish (result, &report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
}

static gboolean
is_set (gpointer pointer)
{
  return *(gpointer *) pointer != NULL;
}

static void
test_async (void)
{
  g_autofree char *json = make_large (20000);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = NULL;
  AtlasTestProgress progress = { 0 };
  int fd;

  fd = g_file_open_tmp ("atlas-test-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  atlas_loader_load_async (file, NULL, atlas_test_count_progress, &progress, NULL, on_async_loaded_cb, &dataset);
  atlas_test_wait_until (is_set, &dataset, 60, "the dataset loaded on a worker thread");

  g_assert_cmpuint (atlas_dataset_get_n_events (dataset), ==, 20000);
  /* The progress was reported on the way, and reached the whole. */
  g_test_message ("%u progress reports, the last %.3f", progress.calls, progress.last);
  g_assert_cmpuint (progress.calls, >=, 2);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_object_unref (dataset);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loader/valid", test_valid);
  g_test_add_func ("/loader/any-order", test_any_order);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/loader/problem/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (syntax_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/loader/syntax/%s", syntax_cases[i].name);

      g_test_add_data_func (path, &syntax_cases[i], test_syntax);
    }
  for (guint i = 0; i < G_N_ELEMENTS (quoted_cases); i++)
    {
      g_autofree char *name = g_strconcat ("/loader/quoted/", quoted_cases[i].name, NULL);

      g_test_add_data_func (name, &quoted_cases[i], test_quoted);
    }
  g_test_add_func ("/loader/deep-nesting", test_deep_nesting);
  g_test_add_func ("/loader/every-problem", test_every_problem);
  g_test_add_func ("/loader/progress-and-sorting", test_progress_and_sorting);
  g_test_add_func ("/loader/cancel", test_cancel);
  g_test_add_func ("/loader/unreadable", test_unreadable);
  g_test_add_func ("/loader/size-zero-file", test_size_zero_file);
  g_test_add_func ("/loader/size-limit", test_size_limit);
  g_test_add_func ("/loader/async", test_async);

  return g_test_run ();
}
