# dialogs.py: choosing in the app's dialogs (windows of their own) with real X
# input, for UI tests.
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import subprocess

import atlasui
from atlasui import description, fail, name, role


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


def in_popover_showing(app, choice):
    return any(in_popover(n) for n in app.find_all(role='label', name=choice))


def fresh_description(node):
    # GTK 4.8 does not announce a changed description; ask again.
    node.clear_cache()
    return description(node)


def focus_dialog(title):
    # With no window manager, keys go where X's focus is.
    subprocess.run(['xdotool', 'search', '--name', f'^{title}$', 'windowfocus', '--sync'],
                   capture_output=True, timeout=15)


def click_in_dialog(app, node, title):
    # The dialog is a window of its own: its nodes' extents are relative to it,
    # not to the main window the harness knows the origin of.
    geometry = subprocess.run(['xdotool', 'search', '--name', f'^{title}$', 'getwindowgeometry'],
                              capture_output=True, text=True, timeout=15).stdout
    found = re.search(r'Position: (-?\d+),(-?\d+)', geometry)
    if found is None:
        fail(f'no X window for the dialog {title!r}: {geometry!r}')
    x, y, width, height = app.wait_for(lambda: atlasui.extents(node), 10, f'{name(node)!r} to have a place on screen')
    app.click(int(found.group(1)) + x + width // 2, int(found.group(2)) + y + height // 2)


def choose(app, dialog, row, choice, position, title='Map the Columns'):
    """Picks @choice in the combo row @row: the row opens its list with the
    pointer, the choice is made with @position presses of Down from the choice
    now selected (a popover is a window of its own, which AT-SPI places wrongly
    under X). Keys sent before the list has the focus are lost: then the row
    still holds its old choice and the user tries again, as a person would."""
    combo = app.wait_find(10, role='combo box', name=row, root=dialog)
    for attempt in range(3):
        click_in_dialog(app, combo, title)
        app.wait_for(lambda: in_popover_showing(app, choice), 10,
                     f'the choice {choice!r} to show after clicking the {row!r} row')
        app.wait_for(lambda: popover_has_focus(app), 10, f'the list of the {row!r} row to take the focus')
        focus_dialog(title)
        app.key(*(['Down'] * position), 'Return')
        try:
            app.wait_for(lambda: fresh_description(combo) == choice, 5,
                         f'the {row!r} row to say it holds {choice!r}')
            return
        except atlasui.UIError:
            if attempt == 2:
                raise
