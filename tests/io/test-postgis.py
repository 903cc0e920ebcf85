#!/usr/bin/env python3
# test-postgis.py: opening a PostGIS table and an SQL query through OGR's
# PostgreSQL driver, against a real PostgreSQL 15 + PostGIS 3 server that this
# test starts in a temporary directory (on a Unix socket only) and always stops.
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time

binary, datadir = sys.argv[1], sys.argv[2]
SKIP = 77


def pg_bin():
    found = sorted(glob.glob('/usr/lib/postgresql/*/bin/initdb'))
    return os.path.dirname(found[-1]) if found else None


def as_server_user(args, **kwargs):
    # initdb and postgres refuse to run as root: run them as postgres then.
    if os.geteuid() == 0:
        args = ['runuser', '-u', 'postgres', '--', *args]
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=120, **kwargs)


def wait_ready(bindir, sockdir, deadline_s=60):
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if subprocess.run([os.path.join(bindir, 'pg_isready'), '-h', sockdir, '-p', '5433'],
                          capture_output=True).returncode == 0:
            return
        time.sleep(0.1)
    raise RuntimeError('the PostgreSQL server did not accept connections within %d s' % deadline_s)


def psql(bindir, sockdir, sql):
    subprocess.run([os.path.join(bindir, 'psql'), '-h', sockdir, '-p', '5433', '-U', 'postgres',
                    '-d', 'atlas', '-v', 'ON_ERROR_STOP=1', '-c', sql],
                   check=True, capture_output=True, text=True, timeout=60)


def convert(args):
    return subprocess.run([binary, '--convert', *args], capture_output=True, text=True, timeout=120)


def check(sockdir, tmp):
    conn = 'PG:host=%s port=5433 user=postgres dbname=atlas' % sockdir
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
    psql_geometry(sockdir)
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


def psql_geometry(sockdir):
    psql(PG_BIN, sockdir, "CREATE TABLE sites (id serial PRIMARY KEY, title text, date text, "
                          "geom geometry(Point, 4326)); INSERT INTO sites (title, date, geom) VALUES "
                          "('Opening', '2020-06-05', ST_SetSRID(ST_MakePoint(106.55, 29.6), 4326))")


PG_BIN = pg_bin()


def main():
    if PG_BIN is None or shutil.which('ogr2ogr') is None:
        print('PostgreSQL or gdal-bin is not installed (build-aux/quickstart installs them)')
        sys.exit(SKIP)

    tmp = tempfile.mkdtemp(prefix='atlas-postgis-')
    datadir_pg = os.path.join(tmp, 'pgdata')
    started = False
    try:
        if os.geteuid() == 0:
            pw = pwd.getpwnam('postgres')
            os.chown(tmp, pw.pw_uid, pw.pw_gid)
        os.chmod(tmp, 0o755)
        as_server_user([os.path.join(PG_BIN, 'initdb'), '-D', datadir_pg, '-U', 'postgres', '--auth=trust',
                        '--encoding=UTF8', '--locale=C.UTF-8'])
        as_server_user([os.path.join(PG_BIN, 'pg_ctl'), '-D', datadir_pg, '-w', '-t', '60', '-l',
                        os.path.join(tmp, 'server.log'), '-o',
                        "-c listen_addresses='' -c unix_socket_directories=%s -p 5433 -c fsync=off" % tmp,
                        'start'])
        started = True
        wait_ready(PG_BIN, tmp)
        subprocess.run([os.path.join(PG_BIN, 'createdb'), '-h', tmp, '-p', '5433', '-U', 'postgres', 'atlas'],
                       check=True, capture_output=True, timeout=60)
        psql(PG_BIN, tmp, 'CREATE EXTENSION postgis')
        subprocess.run(['ogr2ogr', '-f', 'PostgreSQL',
                        'PG:host=%s port=5433 user=postgres dbname=atlas' % tmp,
                        os.path.join(datadir, 'spreadsheet-bom-crlf.csv'), '-nln', 'events',
                        '-lco', 'LAUNDER=YES'], check=True, capture_output=True, timeout=120)
        failures = check(tmp, tmp)
    finally:
        if started:
            as_server_user([os.path.join(PG_BIN, 'pg_ctl'), '-D', datadir_pg, '-m', 'immediate', '-w', 'stop'])
        shutil.rmtree(tmp, ignore_errors=True)

    for failure in failures:
        print('not ok:', failure)
    if failures:
        sys.exit(1)
    print('ok: a table, a query and a geometry column from a real PostGIS server')


main()
