#!/usr/bin/env python3
# test-panes-keyboard.py: F6 and Shift+F6 move the focus from pane to pane
# (sidebar, map, timeline, event list, details), and each facet row of the
# sidebar is one Tab stop. Real keys; the focus read back through AT-SPI.
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later

from atlasui import App, fail, name, role, states, walk

PANES = {'Filters': 'sidebar', 'Map': 'map', 'AtlasTimeline': 'timeline', 'Timeline': 'timeline',
         'Events': 'event list', 'Details': 'details'}


def focused(app, root=None):
    for node in walk(root or app.root, showing=True):
        if 'focused' in states(node) and role(node) not in ('frame', 'application'):
            return node
    return None


def pane_of(node):
    while node is not None:
        if name(node) in PANES and role(node) in ('panel', 'filler', 'slider', 'tree table'):
            return PANES[name(node)]
        try:
            node = node.parent
        except Exception:
            return None
    return None


def press_until(app, key, pane, what):
    app.key(key)
    return app.wait_for(lambda: pane_of(focused(app)) == pane, 5, what)


with App(size=(1280, 820), deadline_s=150) as app:
    app.wait_find(role='check box', name_startswith='Biomedicine', what='the bundled dataset')

    # Something selected, so the details panel has something to focus.
    app.key('ctrl+f')
    app.type_text('EVAHEART')
    app.wait_for(lambda: app.find(role='label', name_startswith='1 of 39 events') is not None, 10,
                 'the search to narrow the list')
    row = app.wait_find(role='label', name='EVAHEART I approved for registration and sale', what='the row')
    app.click_node(row)
    app.wait_find(role='label', name='Source', what='the event in the details panel')
    app.key('ctrl+f')
    app.wait_for(lambda: pane_of(focused(app)) == 'sidebar', 5, 'the focus in the sidebar')

    order = ['map', 'timeline', 'event list', 'details', 'sidebar']
    for pane in order:
        press_until(app, 'F6', pane, f'F6 to move the focus to the {pane}')
    for pane in reversed(order[:-1]):
        press_until(app, 'shift+F6', pane, f'Shift+F6 to move the focus back to the {pane}')

    # One Tab stop a facet row: from the first sector to the next, one Tab.
    app.key('ctrl+f', 'ctrl+a', 'BackSpace')
    app.wait_for(lambda: app.find(role='label', name_startswith='39 of 39 events') is not None, 10,
                 'the search cleared')
    sidebar = app.wait_find(role='panel', name='Filters', what='the sidebar')
    sectors = [name(n) for n in app.find_all(role='list item', root=app.wait_find(role='list', name='Sectors'))]
    if len(sectors) < 3:
        fail(f'the sector rows are not list items with names: {sectors!r}')
    for presses in range(1, 16):
        app.key('Tab')
        now = app.wait_for(lambda: focused(app, sidebar), 5, 'a focused control in the sidebar')
        if name(now) == sectors[0]:
            break
    else:
        fail(f'the first sector row {sectors[0]!r} was not reached by Tab')
    for expected in sectors[1:4]:
        app.key('Tab')
        app.wait_for(lambda: name(focused(app, sidebar)) == expected, 5,
                     f'one Tab to move from row to row, to {expected!r}')
print('ok')
