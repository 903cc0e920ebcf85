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
import subprocess
import tempfile

import atlasui
from atlasui import App, description, fail, name, role

SOURCE = os.path.join(os.environ['G_TEST_SRCDIR'], 'data', 'import', 'unmapped.csv')
# The row, and the column to choose in its list (after "None"), by position.
CHOICES = [('Date', 'Quand', 1), ('Latitude', 'Y', 4), ('Longitude', 'X', 3), ('Place name', 'Où', 2),
           ('Title', 'Quoi', 5)]


def in_popover(node):
    # A choice of an open combo row: a label in a list item of a list view
    # (the preview's labels with the same text are in a plain grid).
    parent = node.parent
    return parent is not None and parent.parent is not None and role(parent.parent) == 'list item'


def popover_has_focus(app):
    # An item of the open list has the keyboard focus (not one of the main
    # window's event list).
    items = [n.parent.parent for n in app.find_all(role='label') if in_popover(n)]
    return any('focused' in atlasui.states(item) for item in items)


def choose(app, dialog, row, choice, position):
    # The row opens its list with the pointer; the choice is made with the keys
    # (a popover is a window of its own, which AT-SPI places wrongly under X).
    # Keys sent before the list has the focus are lost: then the row still holds
    # "None" and the user tries again, as a person would.
    combo = app.wait_find(10, role='combo box', name=row, root=dialog)
    for attempt in range(3):
        click_in_dialog(app, combo)
        app.wait_for(lambda: in_popover_showing(app, choice), 10,
                     f'the choice {choice!r} to show after clicking the {row!r} row')
        app.wait_for(lambda: popover_has_focus(app), 10, f'the list of the {row!r} row to take the focus')
        # With no window manager, keys go where X's focus is: on the dialog,
        # which hands them to its open list.
        subprocess.run(['xdotool', 'search', '--name', '^Map the Columns$', 'windowfocus', '--sync'],
                       capture_output=True, timeout=15)
        app.key(*(['Down'] * position), 'Return')
        try:
            app.wait_for(lambda: fresh_description(combo) == choice, 5,
                         f'the {row!r} row to say it holds {choice!r}')
            return
        except atlasui.UIError:
            if attempt == 2:
                raise


def click_in_dialog(app, node):
    # The dialog is a window of its own: its nodes' extents are relative to it,
    # not to the main window the harness knows the origin of.
    geometry = subprocess.run(['xdotool', 'search', '--name', '^Map the Columns$', 'getwindowgeometry'],
                              capture_output=True, text=True, timeout=15).stdout
    found = re.search(r'Position: (-?\d+),(-?\d+)', geometry)
    if found is None:
        fail(f'no X window for the mapping dialog: {geometry!r}')
    x, y, width, height = app.wait_for(lambda: atlasui.extents(node), 10, f'{name(node)!r} to have a place on screen')
    app.click(int(found.group(1)) + x + width // 2, int(found.group(2)) + y + height // 2)


def fresh_description(node):
    # GTK 4.8 does not announce a changed description; ask again.
    node.clear_cache()
    return description(node)


def in_popover_showing(app, choice):
    return any(in_popover(n) for n in app.find_all(role='label', name=choice))


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
        click_in_dialog(app, import_button)

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
