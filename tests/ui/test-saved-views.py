#!/usr/bin/env python3
# test-saved-views.py: a view is saved from the popover by typing its name,
# restored, renamed and deleted, first by mouse and then by keyboard alone.
# Real clicks and keys; read back through AT-SPI.
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later

import subprocess

from atlasui import App, extents, fail, name


def click_in_popover(app, node):
    """Clicks @node inside the open popover. GTK 4.8 reports a popover's widgets
    as if the popover sat at its button; the popover's own X window says where
    it really is."""
    popover = app.wait_find(name='GtkPopover', what='the open popover')
    px, py, pw, ph = extents(popover)
    found = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(app.proc.pid)],
                           capture_output=True, text=True).stdout.split()
    for window in found:
        if window == app.window_id:
            continue
        geometry = subprocess.run(['xdotool', 'getwindowgeometry', '--shell', window],
                                  capture_output=True, text=True).stdout
        values = dict(line.split('=', 1) for line in geometry.split())
        if (int(values['WIDTH']), int(values['HEIGHT'])) == (pw, ph):
            x, y, w, h = extents(node)
            app.click(int(values['X']) + x - px + w // 2, int(values['Y']) + y - py + h // 2)
            return
    fail('no X window for the open popover')


def summary(app):
    for label in app.find_all(role='label'):
        if ' of 39 events' in name(label):
            return name(label)
    return None


def wait_summary(app, start, what):
    return app.wait_for(lambda: (summary(app) or '').startswith(start), 10, what)


opened = 0


def open_views(app):
    # Never twice at the same point: xdotool's mousemove --sync waits for a move.
    global opened
    opened += 1
    x, y = app.point(app.wait_find(role='push button', name='Saved Views', what='the Saved Views button'))
    app.click(x + opened % 5 - 2, y)
    app.wait_find(role='text', name='Name of This View', what='the popover\'s name field')


def clear_search(app):
    """Closes the popover and empties the search: everything shows again."""
    app.key('Escape')
    app.wait_for(lambda: app.find(name='GtkPopover') is None, 10, 'the popover to close')
    app.key('ctrl+f')
    app.key('ctrl+a', 'BackSpace')
    wait_summary(app, '39 of 39', 'the summary after clearing the search')


def retype(app, string):
    app.key('ctrl+a')
    app.type_text(string)
    app.key('Return')


def row_button(app, action, view):
    return app.wait_find(role='push button', name=f'{action} View “{view}”', what=f'{action} View “{view}”')


def gone(app, action, view):
    app.wait_for(lambda: app.find(role='push button', name=f'{action} View “{view}”') is None, 10,
                 f'the row of “{view}” to go')


with App(size=(1280, 820)) as app:
    app.wait_find(role='check box', name_startswith='Biomedicine', what='the bundled dataset')
    wait_summary(app, '39 of 39', 'the summary of everything')

    # By mouse: filter, open the popover, type a name, click Save.
    app.key('ctrl+f')
    app.type_text('EVAHEART')
    wait_summary(app, '1 of 39', 'the search to narrow the summary')
    open_views(app)
    app.type_text('Heart')
    click_in_popover(app, app.wait_find(role='push button', name='Save', what='the Save button'))
    row_button(app, 'Show', 'Heart')

    # Restored: clear the filters, then click the row.
    clear_search(app)
    open_views(app)
    click_in_popover(app, row_button(app, 'Show', 'Heart'))
    wait_summary(app, '1 of 39', 'the saved view to come back')

    # Renamed and deleted by mouse.
    open_views(app)
    click_in_popover(app, row_button(app, 'Rename', 'Heart'))
    retype(app, 'Medicine')
    row_button(app, 'Show', 'Medicine')
    gone(app, 'Show', 'Heart')
    click_in_popover(app, row_button(app, 'Delete', 'Medicine'))
    gone(app, 'Show', 'Medicine')

    # By keyboard: the name field has the focus; Enter saves.
    app.type_text('Keys')
    app.key('Return')
    row_button(app, 'Show', 'Keys')
    # Back from the name field: the row's Delete, Rename and Show buttons.
    app.key('shift+Tab', 'shift+Tab', 'Return')
    app.wait_find(role='text', name='Rename View “Keys”', what='the rename field')
    retype(app, 'Typed')
    row_button(app, 'Show', 'Typed')
    clear_search(app)
    open_views(app)
    app.key('shift+Tab', 'shift+Tab', 'shift+Tab', 'Return')
    wait_summary(app, '1 of 39', 'the view restored by keyboard')
    open_views(app)
    app.key('shift+Tab', 'Return')
    gone(app, 'Show', 'Typed')
print('ok')
