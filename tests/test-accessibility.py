#!/usr/bin/env python3
# test-accessibility.py: drives the running app through its accessibility tree
# (AT-SPI, with pyatspi), as a screen reader or a UI test would: every control
# has a name, the main ones can be found by name, and ticking a filter by its
# accessible name changes what the app says it shows.
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import time

binary = sys.argv[1]
env = dict(os.environ)
app = subprocess.Popen([binary], env=env, stderr=subprocess.PIPE, text=True)
failures = []

try:
    import pyatspi  # after the app started the accessibility bus

    def find_app():
        deadline = time.time() + 30
        while time.time() < deadline:
            for candidate in pyatspi.Registry.getDesktop(0):
                if candidate is not None and candidate.name == 'chengyu-atlas':
                    return candidate
            time.sleep(0.5)
        return None

    def walk(node, depth=0):
        # The tree changes while it is read (list rows come and go): a node that
        # vanished is skipped, not an error.
        if node is None or depth > 60:
            return
        yield node
        try:
            children = list(node)
        except Exception:
            return
        for child in children:
            yield from walk(child, depth + 1)

    def role(node):
        try:
            return node.getRoleName()
        except Exception:
            return None

    def showing(node):
        try:
            return node.getState().contains(pyatspi.STATE_SHOWING)
        except Exception:
            return False

    root = find_app()
    if root is None:
        failures.append('the app did not appear on the accessibility bus')
    else:
        # Wait for the bundled dataset: its sectors appear as check boxes.
        deadline = time.time() + 30
        while time.time() < deadline:
            names = [n.name for n in walk(root) if role(n) == 'check box']
            if any(name.startswith('Biomedicine') for name in names):
                break
            time.sleep(0.5)

        controls = ('push button', 'toggle button', 'check box', 'entry', 'text', 'slider', 'combo box',
                    'radio button', 'spin button', 'menu item', 'tree table', 'table')
        unnamed = []
        for node in walk(root):
            kind = role(node)
            if kind in controls and showing(node):
                name = node.name or ''
                if not name.strip() or name.startswith('Gtk') or name.startswith('Atlas') or '_' in name:
                    unnamed.append(f'{kind} {name!r}')
        if unnamed:
            failures.append('controls without a proper accessible name: ' + ', '.join(unnamed))

        def find(wanted, name):
            for node in walk(root):
                if role(node) == wanted and (node.name or '').startswith(name):
                    return node
            return None

        for wanted, name in [('push button', 'Open'), ('entry', 'Search places and events'),
                           ('slider', 'Timeline'), ('panel', 'Map'), ('tree table', 'Events'),
                           ('push button', 'Zoom In'), ('push button', 'Main Menu'),
                           ('push button', 'Play'), ('check box', 'Biomedicine')]:
            if find(wanted, name) is None:
                failures.append(f'no {wanted} named {name!r}')

        # A keyboard user searches (Ctrl+F, then typing); the summary the tree
        # exposes follows. (GTK 4.8 exposes no AT-SPI actions to click with.)
        windows = subprocess.run(['xdotool', 'search', '--name', 'Chengdu'], capture_output=True,
                                 text=True).stdout.split()
        if not windows:
            failures.append('no window to type into')
        else:
            subprocess.run(['xdotool', 'windowfocus', '--sync', windows[0]], check=True)
            subprocess.run(['xdotool', 'key', '--window', windows[0], 'ctrl+f'], check=True)
            time.sleep(0.5)
            subprocess.run(['xdotool', 'type', '--delay', '50', 'EVAHEART'], check=True)
            deadline = time.time() + 10
            summary = None
            while time.time() < deadline:
                labels = [n.name or '' for n in walk(root) if role(n) == 'label']
                summary = next((l for l in labels if ' of 39 events' in l), None)
                if summary is not None and not summary.startswith('39 of'):
                    break
                time.sleep(0.3)
            if summary is None or not summary.startswith('1 of 39 events, 1 place'):
                failures.append(f'after searching EVAHEART the summary reads {summary!r}')
finally:
    if app.poll() is not None:
        failures.append(f'the app exited with {app.returncode}:\n{app.stderr.read()}')
    app.terminate()
    try:
        app.wait(timeout=10)
    except subprocess.TimeoutExpired:
        app.kill()

for failure in failures:
    print(failure, file=sys.stderr)
sys.exit(1 if failures else 0)
