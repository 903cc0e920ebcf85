#!/usr/bin/env python3
# test-open-layers.py: a GeoPackage with two layers, made here with ogr2ogr, is
# opened with Open… (Ctrl+O, the path typed into the file chooser). The import
# dialog asks which layer: the user picks the second, whose date field has a
# name the importer does not know, picks that field as the date (pointer and
# keys), imports, and sees that layer's rows as events, and none of the first's.
# When the file changes on disk it is read again with that choice, without asking.
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import subprocess
import tempfile

import atlasui
from atlasui import App, fail
from dialogs import choose, click_in_dialog, focus_dialog

TITLE = 'Map the Columns'


def write_layer(path, properties, rows):
    features = [{'type': 'Feature', 'geometry': {'type': 'Point', 'coordinates': point},
                 'properties': dict(zip(properties, values))} for *values, point in rows]
    with open(path, 'w', encoding='utf-8') as f:
        json.dump({'type': 'FeatureCollection', 'features': features}, f)


def make_geopackage(tmp):
    # The first layer's columns are recognised; the second's date is not.
    plans = os.path.join(tmp, 'plans.geojson')
    write_layer(plans, ['title', 'date'], [('Plan Alpha', '2019-03-01', [106.5, 29.6]),
                                           ('Plan Beta', '2019-04-01', [104.1, 30.6])])
    sites = os.path.join(tmp, 'sites.geojson')
    write_layer(sites, ['title', 'ouverture'], [('Dock opened', '2021-05-02', [106.55, 29.6]),
                                                ('Crane raised', '2022-07', [104.07, 30.57])])
    path = os.path.join(tmp, 'two layers.gpkg')
    subprocess.run(['ogr2ogr', '-f', 'GPKG', path, plans, '-nln', 'plans'], check=True, timeout=60)
    subprocess.run(['ogr2ogr', '-update', '-f', 'GPKG', path, sites, '-nln', 'sites'], check=True, timeout=60)
    listed = subprocess.run(['ogrinfo', '-q', '-ro', path], capture_output=True, text=True, check=True, timeout=60)
    if listed.stdout.find('plans') > listed.stdout.find('sites'):
        fail(f'the GeoPackage lists its layers in another order: {listed.stdout}')
    return path


with tempfile.TemporaryDirectory() as tmp:
    path = make_geopackage(tmp)
    with App(deadline_s=100) as app:
        app.wait_find(30, role='check box', name_startswith='Biomedicine', what='the bundled dataset')
        app.key('ctrl+o')
        app.wait_find(30, name='Open Dataset', what='the file chooser')
        focus_dialog('Open Dataset')
        app.type_text(path)
        app.key('Return')

        dialog = app.wait_find(30, name=TITLE, what='the import dialog for the two-layer GeoPackage')
        app.wait_find(10, role='label', name_startswith='warning: this file has 2 layers with rows', root=dialog)
        choose(app, dialog, 'Layer', 'sites', 1, TITLE)
        # The second layer's columns, in the preview and in the rows' lists.
        preview = app.wait_find(10, name='Preview of the first rows', root=dialog)
        app.wait_find(10, role='label', name='Dock opened', root=preview, what='the rows of the layer “sites”')
        import_button = app.wait_find(10, role='push button', name='Import', root=dialog)
        if 'sensitive' in atlasui.states(import_button):
            fail('Import is available before a date field is chosen')
        # The choices: None, title, ouverture.
        choose(app, dialog, 'Date', 'ouverture', 2, TITLE)
        app.wait_for(lambda: 'sensitive' in atlasui.states(import_button), 10,
                     'Import to become available once the date field is chosen')
        click_in_dialog(app, import_button, TITLE)

        app.wait_find(30, role='label', name_startswith='2 of 2 events',
                      what='the two features of the layer “sites” shown as events')
        for title in ('Dock opened', 'Crane raised'):
            if app.find(name_startswith=title) is None:
                fail(f'the event {title!r} is not shown')
        if app.find(name_startswith='Plan Alpha') is not None:
            fail('the first layer was read too')

        # The layer gets a row on disk: the window reads it again with the
        # layer and date field remembered, without asking.
        more = os.path.join(tmp, 'more.geojson')
        write_layer(more, ['title', 'ouverture'], [('Quay extended', '2023', [106.6, 29.5])])
        subprocess.run(['ogr2ogr', '-append', '-update', path, more, '-nln', 'sites'], check=True, timeout=60)
        # (A reload keeps the view, playhead included: "N of 3 events".)
        app.wait_for(lambda: any(re.match(r'\d+ of 3 events', atlasui.name(n)) for n in app.find_all(role='label')),
                     30, 'the changed GeoPackage read again with the layer remembered')
        if app.find(name=TITLE) is not None:
            fail('the import dialog came back although the layer and date field were remembered')
print('ok')
