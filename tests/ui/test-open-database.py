#!/usr/bin/env python3
# test-open-database.py: opening a table of a real PostgreSQL + PostGIS server,
# started here (tests/io/pgserver.py), from the window: Open Database… (Ctrl+Shift+O),
# a wrong password's server first (a clear message in the dialog, no password
# in it, the dataset on screen kept), then the right connection string, Connect,
# the table picked from the list, Open, and its rows seen as events. Then a
# table whose date column is not recognised: its columns are mapped in the
# import dialog, and its row opens.
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys

import atlasui
from atlasui import App, fail, name
from dialogs import choose, click_in_dialog, focus_dialog

sys.path.insert(0, os.path.join(os.environ['G_TEST_SRCDIR'], 'io'))
import pgserver  # noqa: E402

TITLE = 'Open Database'
SECRET = 'hunter2-secret'

if not pgserver.available():
    print('PostgreSQL or gdal-bin is not installed (build-aux/quickstart installs them)')
    sys.exit(77)


def status(app, dialog, start):
    """The dialog's message starting with @start: a label is named by its text."""
    label = app.find(role='label', name_startswith=start, root=dialog)
    return name(label) if label is not None else None


def type_into(app, dialog, row, string):
    entry = app.wait_find(10, name=row, root=dialog)
    click_in_dialog(app, entry, TITLE)
    focus_dialog(TITLE)
    app.key('ctrl+a', 'BackSpace')
    app.type_text(string, delay_ms=10)


with pgserver.PostGIS() as server:
    server.psql("CREATE TABLE aaa_empty (id serial PRIMARY KEY, note text)")
    server.load(os.path.join(os.environ['G_TEST_SRCDIR'], 'data', 'import', 'spreadsheet-bom-crlf.csv'), 'events')
    server.psql("CREATE TABLE sites (id serial PRIMARY KEY, title text, ouverture text, geom geometry(Point, 4326)); "
                "INSERT INTO sites (title, ouverture, geom) VALUES "
                "('Quay opened', '2022-05-01', ST_SetSRID(ST_MakePoint(106.55, 29.6), 4326))")
    with App(deadline_s=130) as app:
        app.wait_find(30, role='check box', name_startswith='Biomedicine', what='the bundled dataset')
        app.key('ctrl+shift+o')
        dialog = app.wait_find(30, name=TITLE, what='the Open Database dialog')

        # A database that is not there, with a password: said in the dialog, the
        # password never shown.
        type_into(app, dialog, 'Connection string', server.conn.replace('dbname=atlas', 'dbname=missing'))
        type_into(app, dialog, 'Password', SECRET)
        click_in_dialog(app, app.wait_find(10, role='push button', name='Connect', root=dialog), TITLE)
        said = app.wait_value(lambda: status(app, dialog, 'Could not connect'), bool, 60,
                              'the dialog to say it could not connect')
        if 'missing' not in said or SECRET in said:
            fail(f'the message does not name the database, or shows the password: {said!r}')
        if app.find(role='check box', name_startswith='Biomedicine') is None:
            fail('the dataset on screen went away after a failed connection')

        type_into(app, dialog, 'Connection string', server.conn)
        type_into(app, dialog, 'Password', '')
        click_in_dialog(app, app.wait_find(10, role='push button', name='Connect', root=dialog), TITLE)
        app.wait_value(lambda: status(app, dialog, 'Connected'), bool, 60, 'the dialog to list the tables')
        tables = app.wait_find(10, role='combo box', name='Table', root=dialog)
        first = atlasui.description(tables)
        if first == 'events':
            fail('the first table listed is "events": the test would not pick a table')
        choose(app, dialog, 'Table', 'events', 1, TITLE)
        click_in_dialog(app, app.wait_find(10, role='push button', name='Open', root=dialog), TITLE)

        # Six rows with dates; two with bad dates are said by row and column.
        app.wait_find(60, role='label', name_startswith='6 of 6 events', what='the table\'s rows shown as events')
        app.wait_find(10, name_startswith='The file opened with 2 rows left out',
                      what='the rows left out, said in the window')
        if app.find(name_startswith='Port opens, phase one') is None:
            fail('the event “Port opens, phase one” is not shown')
        if any(SECRET in name(n) for n in atlasui.walk(app.root)):
            fail('the password is shown in the window')

        # A table whose date column has a name the importer does not know: the
        # import dialog asks, and the table's row opens once it is mapped.
        # (With no window manager, the closed dialog leaves X's focus nowhere.)
        subprocess.run(['xdotool', 'windowfocus', '--sync', app.window_id], capture_output=True, timeout=15)
        app.key('ctrl+shift+o')
        dialog = app.wait_find(30, name=TITLE, what='the Open Database dialog, again')
        type_into(app, dialog, 'Connection string', server.conn)
        click_in_dialog(app, app.wait_find(10, role='push button', name='Connect', root=dialog), TITLE)
        app.wait_value(lambda: status(app, dialog, 'Connected'), bool, 60, 'the dialog to list the tables again')
        choose(app, dialog, 'Table', 'sites', 2, TITLE)
        click_in_dialog(app, app.wait_find(10, role='push button', name='Open', root=dialog), TITLE)
        mapping = app.wait_find(30, name='Map the Columns', what='the import dialog for the table “sites”')
        # The choices: None, title, ouverture.
        choose(app, mapping, 'Date', 'ouverture', 2, 'Map the Columns')
        click_in_dialog(app, app.wait_find(10, role='push button', name='Import', root=mapping), 'Map the Columns')
        app.wait_find(60, role='label', name_startswith='1 of 1 event', what='the row of the table “sites” as an event')
        if app.find(name_startswith='Quay opened') is None:
            fail('the event “Quay opened” is not shown')
print('ok')
