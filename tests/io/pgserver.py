# pgserver.py: a real PostgreSQL 15 + PostGIS 3 server for a test, started in a
# temporary directory (on a Unix socket only, no TCP) and always stopped.
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""
    with PostGIS() as server:       # database "atlas" with the postgis extension
        server.conn                 # 'PG:host=/tmp/… port=5433 user=postgres dbname=atlas'
        server.psql('CREATE TABLE …')
        server.load(path, 'events') # a file into a table, with ogr2ogr
"""

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time

PORT = '5433'


def pg_bin():
    found = sorted(glob.glob('/usr/lib/postgresql/*/bin/initdb'))
    return os.path.dirname(found[-1]) if found else None


def available():
    """Whether PostgreSQL and gdal-bin are installed (build-aux/quickstart installs them)."""
    return pg_bin() is not None and shutil.which('ogr2ogr') is not None


def _as_server_user(args):
    # initdb and postgres refuse to run as root: run them as postgres then.
    if os.geteuid() == 0:
        args = ['runuser', '-u', 'postgres', '--', *args]
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=120)


class PostGIS:
    def __init__(self):
        self.bindir = pg_bin()
        self.sockdir = None
        self.conn = None
        self._started = False

    def _bin(self, name):
        return os.path.join(self.bindir, name)

    def __enter__(self):
        self.sockdir = tempfile.mkdtemp(prefix='atlas-postgis-')
        try:
            self._start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _start(self):
        tmp = self.sockdir
        data = os.path.join(tmp, 'pgdata')
        if os.geteuid() == 0:
            pw = pwd.getpwnam('postgres')
            os.chown(tmp, pw.pw_uid, pw.pw_gid)
        os.chmod(tmp, 0o755)
        _as_server_user([self._bin('initdb'), '-D', data, '-U', 'postgres', '--auth=trust',
                         '--encoding=UTF8', '--locale=C.UTF-8'])
        _as_server_user([self._bin('pg_ctl'), '-D', data, '-w', '-t', '60', '-l', os.path.join(tmp, 'server.log'),
                         '-o', "-c listen_addresses='' -c unix_socket_directories=%s -p %s -c fsync=off"
                         % (tmp, PORT), 'start'])
        self._started = True
        self._wait_ready()
        subprocess.run([self._bin('createdb'), '-h', tmp, '-p', PORT, '-U', 'postgres', 'atlas'],
                       check=True, capture_output=True, timeout=60)
        self.psql('CREATE EXTENSION postgis')
        self.conn = 'PG:host=%s port=%s user=postgres dbname=atlas' % (tmp, PORT)

    def _wait_ready(self, deadline_s=60):
        end = time.monotonic() + deadline_s
        while time.monotonic() < end:
            if subprocess.run([self._bin('pg_isready'), '-h', self.sockdir, '-p', PORT],
                              capture_output=True).returncode == 0:
                return
            time.sleep(0.1)
        raise RuntimeError('the PostgreSQL server did not accept connections within %d s' % deadline_s)

    def psql(self, sql):
        subprocess.run([self._bin('psql'), '-h', self.sockdir, '-p', PORT, '-U', 'postgres', '-d', 'atlas',
                        '-v', 'ON_ERROR_STOP=1', '-c', sql], check=True, capture_output=True, text=True, timeout=60)

    def load(self, path, table):
        subprocess.run(['ogr2ogr', '-f', 'PostgreSQL', self.conn, path, '-nln', table, '-lco', 'LAUNDER=YES'],
                       check=True, capture_output=True, timeout=120)

    def __exit__(self, kind, error, trace):
        try:
            if self._started:
                _as_server_user([self._bin('pg_ctl'), '-D', os.path.join(self.sockdir, 'pgdata'), '-m', 'immediate',
                                 '-w', 'stop'])
        finally:
            shutil.rmtree(self.sockdir, ignore_errors=True)
        return False
