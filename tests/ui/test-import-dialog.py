#!/usr/bin/env python3
# test-import-dialog.py: a spreadsheet whose columns say nothing the importer
# knows (French names) is opened from the command line; the mapping dialog shows
# its first rows and the problem, the user picks the date, place and coordinate
# columns (pointer and keys), imports, and sees the rows as events. When the file
# changes on disk it is read again with the remembered mapping, without asking.
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import tempfile

import atlasui
from atlasui import App, fail, name, role
from dialogs import choose, click_in_dialog

SOURCE = os.path.join(os.environ['G_TEST_SRCDIR'], 'data', 'import', 'unmapped.csv')
# The row, and the column to choose in its list (after "None"), by position.
CHOICES = [('Date', 'Quand', 1), ('Latitude', 'Y', 4), ('Longitude', 'X', 3), ('Place name', 'Où', 2),
           ('Title', 'Quoi', 5)]


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, 'unmapped.csv')
    shutil.copy(SOURCE, path)
    with App(args=[path], deadline_s=170) as app:
        dialog = app.wait_find(30, name='Map the Columns', what='the mapping dialog for unmapped.csv')
        app.wait_find(10, role='label', name_startswith='no column is recognised as the date', root=dialog)
        preview = app.wait_find(10, name='Preview of the first rows', root=dialog)
        cells = [name(n) for n in atlasui.walk(preview) if role(n) == 'label']
        if cells[:5] != ['Quand', 'Où', 'X', 'Y', 'Quoi'] or 'Founding' not in cells:
            fail(f'the preview shows {cells}')

        import_button = app.wait_find(10, role='push button', name='Import', root=dialog)
        for row, choice, position in CHOICES:
            choose(app, dialog, row, choice, position)
        app.wait_for(lambda: 'sensitive' in atlasui.states(import_button), 10,
                     'Import to become available once a date and coordinates are chosen')
        click_in_dialog(app, import_button, 'Map the Columns')

        summary = app.wait_find(30, role='label', name_startswith='2 of 2 events',
                                what='the two rows of unmapped.csv shown as events')
        if app.find(role='label', name='Founding') is None and app.find(name_startswith='Founding') is None:
            fail('the event “Founding” is not shown:\n' + atlasui.dump(app.root))

        # The file changes on disk: the window reads it again with the remembered
        # mapping, without asking for the columns again.
        with open(path, 'a', encoding='utf-8') as f:
            f.write('2022-03-01,Bridge,106.50,29.50,Opened\n')
        # (A reload keeps the view, playhead included: "N of 3 events".)
        app.wait_for(lambda: any(re.match(r'\d+ of 3 events', name(n)) for n in app.find_all(role='label')), 30,
                     'the changed file read again with the remembered mapping')
        if app.find(name='Map the Columns') is not None:
            fail('the mapping dialog came back although the mapping was remembered')
