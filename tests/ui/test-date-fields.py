#!/usr/bin/env python3
# test-date-fields.py: dates typed wrong in the filter sidebar say what is wrong
# under their field, each field on its own, and a click into a filled date field
# selects its text so typing replaces it. Real clicks and keys; read back
# through AT-SPI.
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later

from atlasui import App, description, extents, fail, name, role, text


def message_under(app, entry):
    """The text of the visible label right under @entry, or None."""
    ex, ey, ew, eh = extents(entry)
    for label in app.find_all(role='label'):
        box = extents(label)
        if box is None or box[2] <= 0 or not name(label):
            continue
        lx, ly, lw, lh = box
        if ey + eh <= ly <= ey + eh + 10 and ex - 20 <= lx < ex + ew:
            return name(label)
    return None


clicks = 0


def typed(app, entry, string, finish='Tab'):
    # Never twice at the same point: xdotool's mousemove --sync waits for a move.
    global clicks
    clicks += 1
    x, y, w, h = extents(entry)
    app.click(app.origin[0] + x + w // 3 + clicks % 7, app.origin[1] + y + h // 2)
    app.type_text(string)
    app.key(finish)


with App(size=(1280, 820)) as app:
    app.wait_find(role='check box', name_startswith='Biomedicine', what='the bundled dataset')
    start = app.wait_find(name='From Date', what='the From field')
    end = app.wait_find(name='To Date', what='the To field')

    # A wrong From: a message under it, also for a screen reader.
    typed(app, start, '2020-13-01')
    said = app.wait_for(lambda: message_under(app, start), 10, 'a message under the From field')
    if 'month' not in said:
        fail(f'the message under From does not say what is wrong: {said!r}')
    if said not in description(start):
        fail(f'the From field\'s accessible description {description(start)!r} lacks {said!r}')

    # A wrong To while From is still wrong: To is checked too.
    typed(app, end, '2021-1x')
    said_to = app.wait_for(lambda: message_under(app, end), 10, 'a message under the To field')
    if message_under(app, start) is None:
        fail('the message under From went away though From is still wrong')

    # Clicking into a filled field selects its text: typing replaces it.
    typed(app, start, '2020', finish='Return')
    typed(app, end, '2021-12', finish='Return')
    app.wait_for(lambda: message_under(app, start) is None and message_under(app, end) is None, 10,
                 'both messages gone once both dates are right')
    # (From now has the focus: the click into To comes from another field.)
    typed(app, start, '2019', finish='Return')
    app.wait_for(lambda: text(start) == '2019', 10, 'the From field to read "2019" after a click and typing')
    typed(app, end, '2020-06', finish='Return')
    app.wait_for(lambda: text(end) == '2020-06', 10, 'the To field to read "2020-06" after a click and typing')
print('ok')
