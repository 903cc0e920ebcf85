#!/usr/bin/env python3
# test-import-formats.py: every format the importer reads, made by ogr2ogr from
# the bundled dataset, converted with `chengyu-atlas --convert` and compared event
# by event with the dataset it came from: the same titles, dates at the same
# precision, and places where they were.
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import json
import os
import subprocess
import sys
import tempfile
import zipfile

binary, srcroot = sys.argv[1], sys.argv[2]
failures = []


def fail(message):
    print('not ok:', message)
    failures.append(message)


def bundled_rows():
    with open(os.path.join(srcroot, 'data', 'chengdu-chongqing.atlas.json'), encoding='utf-8') as f:
        ds = json.load(f)
    places = {loc['id']: loc for loc in ds['locations']}
    sectors = {s['id']: s['name'] for s in ds['sectors']}
    rows = []
    for ev in ds['events']:
        where = ev['location'] if isinstance(ev['location'], str) else ev['location'][0]
        loc = places[where]
        rows.append({
            'title': ev['title'], 'date': ev['date'], 'end': ev.get('end', ''),
            'latitude': repr(loc['point'][1]), 'longitude': repr(loc['point'][0]),
            'place': loc['name'], 'sector': sectors[ev['sectors'][0]] if ev['sectors'] else '',
        })
    return rows


def key(title, date, end):
    return (title, date, end or '')


def convert(source, output, extra=()):
    result = subprocess.run([binary, '--convert', source, output, *extra],
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        fail(f'{os.path.basename(source)}: exit {result.returncode}: {result.stderr[:2000]}')
        return None
    with open(output, encoding='utf-8') as f:
        return json.load(f)


def compare(name, converted, rows, check_points=True):
    expected = sorted(key(r['title'], r['date'], r['end']) for r in rows)
    got = sorted(key(e['title'], e['date'], e.get('end')) for e in converted['events'])
    if got != expected:
        missing = [k for k in expected if k not in got][:3]
        extra = [k for k in got if k not in expected][:3]
        fail(f'{name}: events differ; missing {missing}, unexpected {extra}')
        return
    if not check_points:
        return
    places = {loc['id']: loc for loc in converted['locations']}
    by_title = {r['title']: r for r in rows}
    for ev in converted['events']:
        point = places[ev['location'][0]]['point']
        want = by_title[ev['title']]
        if abs(point[0] - float(want['longitude'])) > 1e-5 or abs(point[1] - float(want['latitude'])) > 1e-5:
            fail(f'{name}: “{ev["title"]}” at {point}, not at {want["longitude"]}, {want["latitude"]}')
            return
    print(f'ok: {name}: {len(got)} events')


def ogr2ogr(*args):
    result = subprocess.run(['ogr2ogr', *args], capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        fail(f'ogr2ogr {" ".join(args)}: {result.stderr}')
        return False
    return True


def main():
    rows = bundled_rows()
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, 'events.csv')
        with open(source, 'w', newline='', encoding='utf-8') as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)

        points = ['-oo', 'X_POSSIBLE_NAMES=longitude', '-oo', 'Y_POSSIBLE_NAMES=latitude', '-a_srs', 'EPSG:4326']
        formats = [
            ('events.csv', None),
            ('events.xlsx', ['-f', 'XLSX']),
            ('events.ods', ['-f', 'ODS']),
            ('events.gpkg', ['-f', 'GPKG', *points]),
            ('events.shp', ['-f', 'ESRI Shapefile', '-lco', 'ENCODING=UTF-8', *points]),
            ('events.fgb', ['-f', 'FlatGeobuf', *points]),
            ('events.geojsonl', ['-f', 'GeoJSONSeq', *points]),
        ]
        for name, args in formats:
            path = os.path.join(tmp, name)
            if args is not None and not ogr2ogr(*args, path, source):
                continue
            converted = convert(path, path + '.json')
            if converted is not None:
                compare(name, converted, rows)
                check_validate(path)

        # A GeoPackage in Web Mercator with no coordinate columns: the geometry
        # alone places the events, turned back into longitude and latitude.
        mercator = os.path.join(tmp, 'mercator.gpkg')
        if ogr2ogr('-f', 'GPKG', '-t_srs', 'EPSG:3857', '-select', 'title,date,end,place,sector',
                   *points, mercator, source):
            converted = convert(mercator, mercator + '.json')
            if converted is not None:
                compare('mercator.gpkg', converted, rows)

        # A KMZ, as Google Earth saves one: the KML zipped as doc.kml. Its
        # TimeStamp and TimeSpan keep their precision.
        kmz = os.path.join(tmp, 'trip.kmz')
        with zipfile.ZipFile(kmz, 'w') as z:
            z.write(os.path.join(srcroot, 'tests', 'data', 'import', 'google-earth.kml'), 'doc.kml')
        converted = convert(kmz, kmz + '.json')
        if converted is not None:
            got = sorted(key(e['title'], e['date'], e.get('end')) for e in converted['events'])
            want = sorted([key('Guoyuan Port', '2021-04', None), key('Expo season', '2020', '2021-04-05'),
                           key('Site visit', '2020-06-05', None)])
            if got != want:
                fail(f'trip.kmz: {got}')
            else:
                print('ok: trip.kmz: times at their precision')

    if failures:
        sys.exit(1)


def check_validate(path):
    result = subprocess.run([binary, '--validate', path], capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or ': valid — ' not in result.stdout:
        fail(f'--validate {os.path.basename(path)}: exit {result.returncode}: {result.stdout} {result.stderr}')


main()
