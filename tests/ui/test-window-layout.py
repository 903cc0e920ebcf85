#!/usr/bin/env python3
# test-window-layout.py: at 700x600 the sidebar folds and the timeline keeps
# at least 40 % of the width; at the default 1280x820 the event list shows at
# least 8 rows; the divider between map and timeline is a handle of its own,
# dragged with the mouse, and where it was left comes back in a new start.
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import tempfile

from atlasui import App, extents, fail, role

config = tempfile.mkdtemp(prefix='atlas-layout-')
# Settings kept on disk, so the second start sees what the first left.
env = {'GSETTINGS_BACKEND': 'keyfile', 'XDG_CONFIG_HOME': config}


def ready(app):
    app.wait_find(role='check box', name_startswith='Biomedicine', what='the bundled dataset', showing=False)


def full_rows(app):
    table = app.wait_find(role='tree table', name='Events', what='the event list')
    top, bottom = extents(table)[1], extents(table)[1] + extents(table)[3]
    rows = [extents(n) for n in app.find_all(role='table row', root=table)]
    return sum(1 for x, y, w, h in rows[1:] if h > 0 and y >= top and y + h <= bottom)


with App(size=(700, 600), env=env) as app:
    ready(app)
    timeline = app.wait_find(role='slider', name_startswith='Timeline', what='the timeline')
    map_panel = app.wait_find(role='panel', name='Map', what='the map')
    app.wait_for(lambda: extents(map_panel)[0] < 20, 10,
                 f'the sidebar to fold at 700 wide (the map starts at x = {extents(map_panel)[0]})')
    app.wait_for(lambda: extents(timeline)[2] >= 0.4 * 700, 10,
                 f'the timeline to keep 40 % of 700 pixels (it has {extents(timeline)[2]})')

with App(size=(1280, 820), env=env) as app:
    ready(app)
    app.wait_for(lambda: full_rows(app) >= 8, 10, 'at least 8 whole rows in the event list at 1280x820')

    # The handle: a gap of its own between map and timeline, dragged by mouse.
    map_panel = app.wait_find(role='panel', name='Map', what='the map')
    timeline = app.wait_find(role='slider', name_startswith='Timeline', what='the timeline')
    mx, my, mw, mh = extents(map_panel)
    gap = extents(timeline)[1] - (my + mh)
    if gap < 4:
        fail(f'the divider under the map is {gap} pixels: no handle of its own to grab')
    # Under the details panel: no tooltip there to meet the pointer (GTK 4.8 warns
    # when one shows up under a held button).
    details = app.wait_find(role='panel', name='Details', what='the details panel')
    x = app.origin[0] + extents(details)[0] + extents(details)[2] // 2
    # The handle's first line, found in the pixels under the details panel.
    top = app.origin[1] + my + mh - 10
    column = app.grab(x, top, 1, 30)
    edge = next((i for i in range(30) if column.get(0, i) != column.get(0, 0)), None)
    if edge is None:
        fail('no handle drawn under the map')
    y = top + edge + 2
    app.drag(x, y, x, y - 120, steps=12)
    app.wait_for(lambda: abs(extents(map_panel)[3] - (mh - 120)) <= 4, 10,
                 f'the map to be 120 pixels lower after dragging the handle (it was {mh})')
    dragged = extents(map_panel)[3]
    # (The split is written when it changes: ending the app here loses nothing.)

with App(size=(1280, 820), env=env) as app:
    ready(app)
    map_panel = app.wait_find(role='panel', name='Map', what='the map')
    app.wait_for(lambda: abs(extents(map_panel)[3] - dragged) <= 4, 10,
                 f'the map to come back {dragged} pixels high (it is {extents(map_panel)[3]})')
print('ok')
