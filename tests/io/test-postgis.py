#!/usr/bin/env python3
# test-postgis.py: opening a PostGIS table and an SQL query through OGR's
# PostgreSQL driver, against a real PostgreSQL 15 + PostGIS 3 server that this
# test starts in a temporary directory (on a Unix socket only) and always stops.
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pgserver  # noqa: E402

binary, datadir = sys.argv[1], sys.argv[2]
SKIP = 77


def convert(args):
    return subprocess.run([binary, '--convert', *args], capture_output=True, text=True, timeout=120)


def check(server, tmp):
    conn = server.conn
    sockdir = server.sockdir
    failures = []

    # A table, named in the connection string.
    out = os.path.join(tmp, 'table.json')
    result = convert([conn + ' tables=events', out])
    # The two rows with bad dates are left out, said by row and column, exit 1.
    if result.returncode != 1 or 'feature 7, field “date”: “06/05/2020” could be day first or month first' \
            not in result.stderr or 'feature 8, field “date”: “soon” is not a date' not in result.stderr:
        failures.append('table: exit %d: %s' % (result.returncode, result.stderr))
    else:
        with open(out, encoding='utf-8') as f:
            ds = json.load(f)
        got = sorted((e['title'], e['date'], e.get('end')) for e in ds['events'])
        want = sorted([('Port opens, phase one', '2020-06-05', None), ('Expo', '2021-06-05', '2021-06-07'),
                       ('中欧班列 新线路', '2019-06', None), ('Park founded', '2018-06', None),
                       ('Plan approved', '2017', None), ('Bridge', '2020-06-05', None)])
        if got != want:
            failures.append('table: events %r, expected %r' % (got, want))

    # An SQL query, with the problems of rows left out on standard error.
    out = os.path.join(tmp, 'query.json')
    result = convert([conn, out, '--sql',
                      "SELECT title, date, latitude, longitude, place FROM events WHERE category = 'Parks'"])
    if result.returncode != 0:
        failures.append('query: exit %d: %s' % (result.returncode, result.stderr))
    else:
        with open(out, encoding='utf-8') as f:
            ds = json.load(f)
        if sorted(e['title'] for e in ds['events']) != ['Park founded', 'Plan approved'] or len(ds['locations']) != 1:
            failures.append('query: %r' % ds['events'])

    # A geometry column, as PostGIS keeps it, places rows without coordinates.
    psql_geometry(server)
    out = os.path.join(tmp, 'geometry.json')
    result = convert([conn, out, '--sql', 'SELECT title, date, geom FROM sites'])
    if result.returncode != 0:
        failures.append('geometry: exit %d: %s' % (result.returncode, result.stderr))
    else:
        with open(out, encoding='utf-8') as f:
            ds = json.load(f)
        if [l['point'] for l in ds['locations']] != [[106.55, 29.6]]:
            failures.append('geometry: %r' % ds['locations'])

    result = convert(['PG:host=%s port=5433 user=postgres dbname=missing' % sockdir, os.path.join(tmp, 'x.json')])
    if result.returncode != 2 or 'missing' not in result.stderr:
        failures.append('a missing database: exit %d: %s' % (result.returncode, result.stderr))
    return failures


def psql_geometry(server):
    server.psql("CREATE TABLE sites (id serial PRIMARY KEY, title text, date text, "
                "geom geometry(Point, 4326)); INSERT INTO sites (title, date, geom) VALUES "
                "('Opening', '2020-06-05', ST_SetSRID(ST_MakePoint(106.55, 29.6), 4326))")


def main():
    if not pgserver.available():
        print('PostgreSQL or gdal-bin is not installed (build-aux/quickstart installs them)')
        sys.exit(SKIP)

    with pgserver.PostGIS() as server, tempfile.TemporaryDirectory() as tmp:
        server.load(os.path.join(datadir, 'spreadsheet-bom-crlf.csv'), 'events')
        failures = check(server, tmp)

    for failure in failures:
        print('not ok:', failure)
    if failures:
        sys.exit(1)
    print('ok: a table, a query and a geometry column from a real PostGIS server')


main()
