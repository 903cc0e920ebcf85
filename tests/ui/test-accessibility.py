#!/usr/bin/env python3
# test-accessibility.py: drives the running app through its accessibility tree
# (AT-SPI), as a screen reader or a UI test would: every control has a name, the
# main ones can be found by name, typing a search and clicking a filter check box
# change what the app says it shows.
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later

import atlasui
from atlasui import App, fail, name, role, states

CONTROLS = ('push button', 'toggle button', 'check box', 'entry', 'text', 'slider', 'combo box',
            'radio button', 'spin button', 'menu item', 'tree table', 'table')


with App(deadline_s=240) as app:
    # The bundled dataset is loaded when its sectors appear as check boxes.
    app.wait_find(30, role='check box', name_startswith='Biomedicine')
    label = app.wait_find(10, role='label', name_startswith='39 of 39 events')

    def summary(app):
        return name(label)

    unnamed = [f'{role(n)} {name(n)!r}' for n in atlasui.walk(app.root, showing=True)
               if role(n) in CONTROLS
               and (not name(n).strip() or name(n).startswith(('Gtk', 'Atlas')) or '_' in name(n))]
    if unnamed:
        fail('controls without a proper accessible name: ' + ', '.join(unnamed))

    for wanted, prefix in [('push button', 'Open'), ('entry', 'Search places and events'),
                           ('slider', 'Timeline'), ('panel', 'Map'), ('tree table', 'Events'),
                           ('push button', 'Zoom In'), ('push button', 'Main Menu'),
                           ('push button', 'Play'), ('check box', 'Biomedicine')]:
        if app.find(role=wanted, name_startswith=prefix) is None:
            fail(f'no {wanted} named {prefix!r}:\n{atlasui.dump(app.root)}')

    # A keyboard user searches (Ctrl+F, then typing); the summary follows.
    app.key('ctrl+f')
    app.wait_for(lambda: 'focused' in states(app.find(role='entry',
                                                      name_startswith='Search places')),
                 10, 'the search entry to take the focus after Ctrl+F')
    app.type_text('EVAHEART')
    app.wait_value(lambda: summary(app), lambda s: s.startswith('1 of 39 events, 1 place'), 15,
                   'the summary to read "1 of 39 events, 1 place" after searching EVAHEART')

    # Clearing the search and clicking a sector's check box, with the pointer,
    # at the place the tree says it is.
    app.key('ctrl+a', 'BackSpace')
    app.wait_value(lambda: summary(app), lambda s: s.startswith('39 of 39'), 15,
                   'the summary to read "39 of 39 events" after clearing the search')
    box = app.find(role='check box', name_startswith='Biomedicine')
    was_checked = 'checked' in states(box)
    app.click_node(box)
    app.wait_for(lambda: ('checked' in states(box)) != was_checked, 10,
                 'the Biomedicine check box to change state when clicked')
    app.wait_value(lambda: summary(app), lambda s: not s.startswith('39 of 39'), 15,
                   'the summary to change after ticking Biomedicine')
