#!/usr/bin/env python3
# test-export-video.py: a person makes a video of the playback from the window,
# with real X input only. The main menu (pointer), Export, Playback as Video
# (the menu's mnemonics, as a keyboard user does), Animated GIF in the Format
# row, a length of 2 s typed in, Export…, the file's path typed into the file
# chooser. The dialog then says it saved the video, and GStreamer reads the
# file back as a 2 s animation at the GIF default size (640×360). On the way it
# reads what a screen reader reads: the chosen format (the Format row's
# description), the length's spin button by its row's name, once.
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import tempfile

import atlasui
from atlasui import App, fail
from dialogs import choose, click_in_dialog

TITLE = 'Export Video'
SECONDS = 2


def windows_called(title):
    return set(subprocess.run(['xdotool', 'search', '--name', f'^{title}$'], capture_output=True, text=True,
                              timeout=15).stdout.split())


def focus_window(window):
    subprocess.run(['xdotool', 'windowfocus', '--sync', window], capture_output=True, timeout=15)


def discover(path):
    return subprocess.run(['gst-discoverer-1.0', path], capture_output=True, text=True, timeout=60).stdout


def duration_of(info):
    match = re.search(r'Duration: (\d+):(\d+):([\d.]+)', info)
    if match is None:
        return None
    return int(match.group(1)) * 3600 + int(match.group(2)) * 60 + float(match.group(3))


with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, 'playback.gif')
    with App(deadline_s=150) as app:
        app.wait_find(30, role='check box', name_startswith='Biomedicine', what='the bundled dataset')

        # The main menu, then its Export submenu and the video item by their mnemonics.
        app.click_node(app.wait_find(10, name='Main Menu', what='the main menu button'))
        app.wait_find(10, role='menu item', name_startswith='Export', showing=False, what='the main menu')
        app.key('e')
        app.wait_find(10, name_startswith='Playback as Video', showing=False, what='the Export submenu')
        app.key('v')
        dialog = app.wait_find(20, role='frame', name=TITLE, what='the Export Video dialog')

        # WebM, MP4, Animated GIF: two down from the first.
        choose(app, dialog, 'Format', 'Animated GIF', 2, TITLE)
        length = app.wait_find(10, role='spin button', name='Length in seconds', root=dialog, showing=False)
        click_in_dialog(app, length, TITLE)
        app.key('ctrl+a')
        app.type_text(str(SECONDS))
        app.key('Tab')
        app.wait_for(lambda: atlasui.value(length) == SECONDS, 10, f'the length to read {SECONDS} s')

        # The file chooser has the dialog's title: it is the X window that was not there before.
        before = windows_called(TITLE)
        click_in_dialog(app, app.wait_find(10, role='push button', name='Export…', root=dialog), TITLE)
        app.wait_find(20, role='text', name='Name:', showing=False, what='the file chooser\'s Name field')
        chooser = app.wait_for(lambda: sorted(windows_called(TITLE) - before), 20, 'the file chooser\'s window')
        focus_window(chooser[-1])
        # The Name field holds "atlas-playback.gif" with the name before the
        # extension selected: select it all to type a whole path.
        app.key('ctrl+a')
        app.type_text(out)
        app.key('Return')

        saved = app.wait_find(120, name_startswith='Saved the video to', root=dialog,
                              what='the dialog to say the video was saved')
        print(f'the dialog says: {atlasui.name(saved)}')

    if not os.path.exists(out):
        fail(f'the dialog said it saved the video, but {out} does not exist')
    with open(out, 'rb') as f:
        if f.read(6) != b'GIF89a':
            fail(f'{out} is not a GIF89a file')
    info = discover(out)
    if 'Width: 640' not in info or 'Height: 360' not in info:
        fail(f'the GIF is not 640×360, the default size for a GIF:\n{info}')
    seconds = duration_of(info)
    if seconds is None or abs(seconds - SECONDS) > 0.15:
        fail(f'the GIF lasts {seconds} s, not the {SECONDS} s typed in:\n{info}')
    print(f'the video made from the window: {os.path.getsize(out)} bytes, {seconds:.2f} s, 640×360')
