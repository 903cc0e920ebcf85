#!/usr/bin/env python3
# make-corpus.py: writes the bad-input corpus of tests/bad-input from the small
# valid dataset of tests/data, one broken file per case. The expected output of
# each case (NAME.expected: "exit N", then the exact standard error of
# `chengyu-atlas --validate NAME.json`) is written by hand and reviewed; rerun
# this only to add cases.
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later

import copy
import json
import os

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, '..', 'data', 'two-ports.atlas.json'), encoding='utf-8') as f:
    base = json.load(f)


def write(name, data):
    if isinstance(data, str):
        data = data.encode('utf-8')
    with open(os.path.join(here, name + '.json'), 'wb') as f:
        f.write(data)


def case(name, change):
    dataset = copy.deepcopy(base)
    change(dataset)
    write(name, json.dumps(dataset, ensure_ascii=False, indent=1))


def dumps(dataset):
    return json.dumps(dataset, ensure_ascii=False, indent=1)


# Not a dataset at all.
write('empty', b'')
write('not-json', b'This is a text file, not a dataset.\n')
write('truncated', json.dumps(base, indent=2).encode()[:400])
write('wrong-top-level', b'[{"atlas": 1}]\n')
write('invalid-utf8', dumps(base).replace('Guoyuan Port', 'Guoyuan \udcff Port', 1).encode('utf-8', 'surrogateescape'))
write('nul-byte', dumps(base).replace('Two ports', 'Two\x00ports', 1).encode())
write('bom', b'\xef\xbb\xbf' + dumps(base).encode())
write('extreme-nesting', b'{"atlas": 1, "extra": ' + b'[' * 100000 + b']' * 100000 + b'}')
write('long-string', '{"atlas": 1, "title": "' + 'x' * (2 * 1024 * 1024) + '"}')
write('huge-number', dumps(base).replace('"atlas": 1', '"atlas": 100000000000000000000000000000', 1))
write('huge-coordinate', dumps(base).replace('106.68', '1e999', 1))

# Each required key missing.
for key in ('atlas', 'title', 'sources', 'sectors', 'locations', 'events'):
    case(f'missing-{key}', lambda d, key=key: d.pop(key))
for key in ('id', 'title', 'publisher', 'date'):
    case(f'missing-source-{key}', lambda d, key=key: d['sources'][0].pop(key))
for key in ('id', 'name', 'color'):
    case(f'missing-sector-{key}', lambda d, key=key: d['sectors'][0].pop(key))
for key in ('id', 'name'):
    case(f'missing-district-{key}', lambda d, key=key: d['districts'][0].pop(key))
for key in ('id', 'name', 'kind', 'sectors', 'point'):
    case(f'missing-location-{key}', lambda d, key=key: d['locations'][0].pop(key))
for key in ('id', 'date', 'title', 'location', 'sectors', 'source'):
    case(f'missing-event-{key}', lambda d, key=key: d['events'][0].pop(key))

# Each key of the wrong type.
case('wrong-type-atlas', lambda d: d.update(atlas='1'))
case('wrong-type-title', lambda d: d.update(title=7))
case('wrong-type-events', lambda d: d.update(events={}))
case('wrong-type-source-url', lambda d: d['sources'][0].update(url=['https://example.org']))
case('wrong-type-sector-color', lambda d: d['sectors'][0].update(color=0x1c71d8))
case('wrong-type-district-geometry', lambda d: d['districts'][0].update(geometry='Polygon'))
case('wrong-type-location-point', lambda d: d['locations'][0].update(point='106.68, 29.63'))
case('wrong-type-location-sectors', lambda d: d['locations'][0].update(sectors='logistics'))
case('wrong-type-location-facts', lambda d: d['locations'][0].update(facts={'label': 'a', 'value': 'b'}))
case('wrong-type-location-approximate', lambda d: d['locations'][1].update(approximate='yes'))
case('wrong-type-event-date', lambda d: d['events'][0].update(date=2021))
case('wrong-type-event-location', lambda d: d['events'][0].update(location=3))
case('wrong-type-event-element', lambda d: d['events'].append('not an event'))

# Dates.
case('date-leap', lambda d: d['events'][0].update(date='2021-02-29'))
case('date-month-13', lambda d: d['events'][0].update(date='2020-13-01'))
case('date-day-0', lambda d: d['events'][0].update(date='2020-06-00'))
case('date-text', lambda d: d['events'][0].update(date='June 2020'))
case('end-before-date', lambda d: d['events'][0].update(date='2021-05', end='2020'))

# Coordinates.
case('latitude-out-of-range', lambda d: d['locations'][0].update(point=[106.68, 95]))
case('longitude-out-of-range', lambda d: d['locations'][0].update(point=[-190, 29.6]))

# Unknown references.
case('unknown-location', lambda d: d['events'][0].update(location=['guangan-route', 'guoyan-port']))
case('unknown-sector', lambda d: d['events'][0].update(sectors=['logistic']))
case('unknown-district', lambda d: d['locations'][0].update(district='yubie'))
case('unknown-source', lambda d: d['events'][0].update(source='port-new'))

# Duplicate ids.
case('duplicate-location-id', lambda d: d['locations'].append(copy.deepcopy(d['locations'][0])))
case('duplicate-event-id', lambda d: d['events'].append(copy.deepcopy(d['events'][0])))
case('duplicate-sector-id', lambda d: d['sectors'].append(copy.deepcopy(d['sectors'][0])))

# Geometry.
case('polygon-two-points', lambda d: d['districts'][0].update(
    geometry={'type': 'Polygon', 'coordinates': [[[106.4, 29.6], [106.9, 29.6]]]}))
case('polygon-unclosed', lambda d: d['districts'][0].update(
    geometry={'type': 'Polygon', 'coordinates': [[[106.4, 29.6], [106.9, 29.6], [106.9, 30.1], [106.4, 30.1]]]}))
case('polygon-empty', lambda d: d['districts'][0].update(geometry={'type': 'Polygon', 'coordinates': []}))
case('line-one-point', lambda d: d['locations'][1].update(
    geometry={'type': 'LineString', 'coordinates': [[106.63, 30.47]]}))
case('geometry-point', lambda d: d['locations'][1].update(geometry={'type': 'Point', 'coordinates': [106, 30]}))

# Text that a terminal would act on: an OSC that retitles it, BEL, a CSI that
# clears it. Every message quotes it escaped.
HOSTILE = 'x\x1b]0;PWNED\x07\x1b[2J'
case('terminal-escapes', lambda d: (d['events'][0].update(location=HOSTILE),
                                    d['locations'][1].update({HOSTILE: 1}),
                                    d['sectors'][0].update(color=HOSTILE)))

# A key twice in one element, as at the top level.
write('duplicate-key-in-element', dumps(base).replace('"title": "Container', '"title": "E", "title": "Container', 1))

# Other encodings than UTF-8, with and without a byte-order mark.
write('utf16-le', '\ufeff'.encode('utf-16-le') + dumps(base).encode('utf-16-le'))
write('utf16-be-no-bom', dumps(base).encode('utf-16-be'))
write('utf32-le', '\ufeff'.encode('utf-32-le') + dumps(base).encode('utf-32-le'))

# A coordinate just out of range, and a MultiPolygon with a Polygon's nesting.
case('longitude-just-over', lambda d: d['locations'][0].update(point=[180.0000001, 29.6]))
case('multipolygon-too-shallow', lambda d: d['districts'][0].update(
    geometry={'type': 'MultiPolygon',
              'coordinates': [[[106.4, 29.6], [106.9, 29.6], [106.9, 30.1], [106.4, 29.6]]]}))
