#!/usr/bin/env python3
# test-linked-views-input.py: the linked views, driven as a person drives them,
# with real pointer and key events through the X server, and read back through
# the accessibility tree and the rendered pixels. Each check is one of the rules
# of src/atlas-coordinator.c:
#
#   - a press, a move beyond the drag threshold and a release on the map pan
#     it and select nothing;
#   - a place picked on the map or in the details panel selects the rows of its
#     events in the event list;
#   - an event at several places rings every one of them on the map;
#   - clicking the timeline's axis moves the playhead, and then the counts say
#     what the map draws ("12 of 39 events by 25 April 2020");
#   - selecting an event never moves the playhead;
#   - the timeline's accessible name carries the playhead's date;
#   - a plain drag in the timeline's brush strip brushes dates and leaves the
#     pane divider where it was.
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import sys

from atlasui import (App, UIError, description, extents, fail, name, role, states, text, value,
                     walk)

ALL_SHOWN = re.compile(r'^(\d+) of \1 events?, \d+ places?$')
BY_DATE = re.compile(r'^(\d+) of (\d+) events? by (.+), (\d+) places?$')


def summary(app):
    for node in walk(app.root):
        if role(node) == 'label' and re.match(r'^\d+ of \d+ event', name(node)):
            return name(node)
    return None


def wait_loaded(app):
    app.wait_for(lambda: ALL_SHOWN.match(summary(app) or ''), 30,
                 'the bundled dataset to load (the summary to read "N of N events, M places")')


def map_view(app):
    return app.wait_find(10, role='panel', name='Map')


def timeline(app):
    return app.wait_find(10, role='slider', name_startswith='Timeline')


def screen_rect(app, node):
    x, y, w, h = extents(node)
    return app.origin[0] + x, app.origin[1] + y, w, h


def event_rows(app):
    table = app.wait_find(10, role='tree table', name='Events')
    rows = []
    for node in walk(table):
        if role(node) != 'table row':
            continue
        cells = [name(c) for c in walk(node) if role(c) == 'label']
        if len(cells) >= 3 and cells[0] not in ('Date',):
            rows.append((node, cells))
    return rows


def on_screen(node):
    x, y, w, h = extents(node)
    return w > 0 and h > 0


def selected_rows(app):
    return [(node, cells) for node, cells in event_rows(app) if 'selected' in states(node)]


def click_axis(app, fraction):
    """Clicks the timeline's date axis, which moves the playhead there."""
    x, y, w, h = screen_rect(app, timeline(app))
    app.click(x + fraction * w, y + h - 8)


def map_selected(app):
    match = re.search(r'selected: (.*)$', description(map_view(app)))
    return match.group(1) if match else None


def test_map_drag_pans_without_clicking():
    with App() as app:
        wait_loaded(app)
        m = map_view(app)
        mx, my, mw, mh = screen_rect(app, m)

        # A point where a plain click selects something (a place or a district
        # around Chongqing): found by clicking, so the test does not depend on
        # where the dataset puts its places.
        point = None
        for fx, fy in [(0.62, 0.62), (0.58, 0.66), (0.66, 0.58), (0.55, 0.72), (0.7, 0.7), (0.5, 0.55)]:
            px, py = int(mx + fx * mw), int(my + fy * mh)
            app.click(px, py)
            try:
                app.wait_for(lambda: map_selected(app), 3, f'a click at {px},{py} to select something',
                             dump_tree=False)
                point = (px, py)
                break
            except UIError:
                continue
        if point is None:
            fail('no click on the map around Chongqing selected anything')

        app.key('Escape')
        app.wait_for(lambda: map_selected(app) is None, 5, 'Escape on the map to clear the selection')

        px, py = point
        region = (int(mx + 20), int(my + 20), int(mw - 200), int(mh - 80))
        before = app.grab(*region)
        app.drag(px, py, px - 160, py - 90, steps=12)
        app.wait_for(lambda: differs(app.grab(*region), before), 10, 'the drag to pan the map')

        # Events are handled in order: once a later click has shown its effect,
        # the drag's release has been handled too.
        old_name = name(timeline(app))
        click_axis(app, 0.5)
        app.wait_for(lambda: name(timeline(app)) != old_name, 10,
                     'a click on the timeline axis after the drag to move the playhead')
        if map_selected(app) is not None:
            fail(f'dragging the map selected {map_selected(app)!r}; a drag must only pan')


def test_place_reaches_event_list():
    with App() as app:
        wait_loaded(app)
        rows = event_rows(app)
        row, cells = next(((r, c) for r, c in rows if c[1].startswith('EVAHEART')), (None, None))
        if row is None:
            fail(f'no EVAHEART row among {[c[1] for _, c in rows]}')
        place = cells[2]
        app.click_node(row)
        app.wait_for(lambda: 'selected' in states(row), 10, 'the EVAHEART row to be selected')

        # The details panel links to the event's place: pick it there.
        details = app.wait_find(10, role='panel', name='Details')
        button = app.wait_for(lambda: next((n for n in walk(details)
                                            if role(n) == 'push button' and name(n) == place), None),
                              10, f'a button for {place!r} in the details panel')
        app.click_node(button)
        app.wait_for(lambda: map_selected(app) == place, 10, f'the map to say {place!r} is selected')
        picked = app.wait_for(lambda: selected_rows(app), 10,
                              f'the event list to select the rows of {place!r}')
        wrong = [c[1] for _, c in picked if place not in c[2]]
        if wrong:
            fail(f'rows selected for {place!r} include events elsewhere: {wrong}')

        # And a place picked on the map with the keyboard (Enter picks the place
        # nearest the centre) selects its rows too, or none when it has no
        # visible event.
        m = map_view(app)
        app.click_node(m)
        app.key('Escape')
        app.wait_for(lambda: map_selected(app) is None and not selected_rows(app), 10,
                     'Escape on the map to clear the selection and the rows')
        app.key('Return')
        chosen = app.wait_for(lambda: map_selected(app), 10, 'Enter on the map to select a place')
        expected = [c[1] for _, c in event_rows(app) if chosen in c[2]]
        if expected:
            got = app.wait_for(lambda: [c[1] for _, c in selected_rows(app)], 10,
                               f'the rows of {chosen!r} to be selected')
            if not set(got) <= set(expected):
                fail(f'{chosen!r} picked on the map selected rows {got}, expected among {expected}')


def test_event_at_several_places_rings_all():
    with App() as app:
        wait_loaded(app)
        m = map_view(app)
        mx, my, mw, mh = screen_rect(app, m)
        region = (int(mx), int(my), int(mw - 60), int(mh - 40))

        search = app.wait_for(lambda: next((n for n in walk(app.root) if role(n) in ('entry', 'text')
                                           and name(n).startswith('Search places')), None),
                          10, 'the search field')
        app.click_node(search)
        app.type_text('Yibin and Meishan')
        row = app.wait_for(lambda: next((r for r, c in event_rows(app)
                                         if c[1].startswith('Strategic cooperation agreements')), None),
                           10, 'the row of the agreements with Guang\'an, Yibin and Meishan')
        before = app.grab(*region)
        app.click_node(row)
        app.wait_for(lambda: (map_selected(app) or '').endswith('at 4 places'), 10,
                     'the map to say the selected event is at 4 places')
        after = app.wait_for(lambda: _changed(app, region, before), 10, 'the rings to be drawn')
        rings = count_rings(before, after)
        if rings < 4:
            shot = app.screenshot()
            fail(f'the event at 4 places is ringed at {rings} (screenshot {shot})')


def differs(a, b, step=3):
    return any(a.get(x, y) != b.get(x, y)
               for y in range(0, min(a.height, b.height), step) for x in range(0, min(a.width, b.width), step))


def _changed(app, region, before):
    after = app.grab(*region)
    return after if differs(after, before) else None


SELECTION = (0x1c, 0x71, 0xd8)


def count_rings(before, after):
    """Blobs of pixels that turned the selection colour, 8 pixels apart (a ring
    is one blob; the selected place's label may make one more)."""
    cells = set()
    for y in range(after.height):
        for x in range(after.width):
            if after.get(x, y) == SELECTION and before.get(x, y) != SELECTION:
                cells.add((x // 8, y // 8))
    blobs = 0
    seen = set()
    for cell in cells:
        if cell in seen:
            continue
        blobs += 1
        stack = [cell]
        while stack:
            cx, cy = stack.pop()
            if (cx, cy) in seen or (cx, cy) not in cells:
                continue
            seen.add((cx, cy))
            stack.extend((cx + dx, cy + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1))
    return blobs


def test_playhead_counts_and_selection():
    with App() as app:
        wait_loaded(app)
        t = timeline(app)
        start_name = name(t)
        click_axis(app, 0.45)
        moved = app.wait_for(lambda: name(timeline(app)) != start_name and name(timeline(app)), 10,
                             'a click on the timeline axis to move the playhead, and the timeline\'s '
                             'accessible name to say where')
        date = re.search(r'Playhead (.+?), \d+ events? in range', moved)
        if not date:
            fail(f'the timeline\'s name does not carry the date: {moved!r}')

        counts = app.wait_for(lambda: BY_DATE.match(summary(app) or ''), 10,
                              'the summary to count what the map draws at the playhead '
                              '("N of M events by DATE, K places")')
        if counts.group(3) != date.group(1):
            fail(f'the summary says {summary(app)!r} but the playhead is at {date.group(1)!r}')
        shown, total = int(counts.group(1)), int(counts.group(2))
        if not 0 < shown < total:
            fail(f'halfway along the timeline the summary counts {shown} of {total} events')
        if 'with events by' not in description(map_view(app)):
            fail(f'the map\'s description ignores the playhead: {description(map_view(app))!r}')

        # Selecting an event, even one after the playhead, never moves it.
        before = summary(app)
        rows = [(r, c) for r, c in event_rows(app) if on_screen(r)]
        row, cells = rows[-1]
        app.click_node(row)
        app.wait_for(lambda: map_selected(app), 10, f'the row {cells[1]!r} to select its event')
        if name(timeline(app)) != moved:
            fail(f'selecting {cells[1]!r} moved the playhead: {name(timeline(app))!r}, was {moved!r}')
        if summary(app) != before:
            fail(f'selecting an event changed the counts: {summary(app)!r}, was {before!r}')

        # The keyboard moves it, and the name follows.
        app.click_node(timeline(app))
        previous = name(timeline(app))
        app.key('Right')
        app.wait_for(lambda: name(timeline(app)) != previous, 10,
                     'the Right key on the timeline to move the playhead and change its name')


def test_brush_strip_brushes():
    with App() as app:
        wait_loaded(app)
        paned = app.wait_find(10, role='filler', name='GtkPaned')
        position = value(paned)
        x, y, w, h = screen_rect(app, timeline(app))
        # The strip is the top 16 pixels of the timeline, just under the divider
        # (whose old grab area reached over all of it).
        app.drag(int(x + 0.3 * w), int(y + 10), int(x + 0.6 * w), int(y + 10), steps=12)
        entries = [n for n in walk(app.root)
                   if role(n) in ('text', 'entry') and name(n) in ('From Date', 'To Date')]
        if len(entries) != 2:
            fail(f'expected the From Date and To Date fields, found {[name(n) for n in entries]}')
        app.wait_for(lambda: all(text(n) for n in entries), 10,
                     'a plain drag in the brush strip to fill in the From and To dates')
        app.wait_for(lambda: BY_DATE.match(summary(app) or '') or not ALL_SHOWN.match(summary(app) or ''),
                     10, 'the brushed range to filter the events')
        if value(paned) != position:
            fail(f'the drag in the brush strip moved the pane divider from {position} to {value(paned)}')


TESTS = [
    test_map_drag_pans_without_clicking,
    test_place_reaches_event_list,
    test_event_at_several_places_rings_all,
    test_playhead_counts_and_selection,
    test_brush_strip_brushes,
]

if __name__ == '__main__':
    failures = 0
    print(f'1..{len(TESTS)}')
    for number, test in enumerate(TESTS, 1):
        try:
            test()
            print(f'ok {number} {test.__name__}', flush=True)
        except Exception as error:  # one test's failure does not hide the others'
            failures += 1
            print(f'not ok {number} {test.__name__}', flush=True)
            for line in str(error).splitlines():
                print(f'# {line}', flush=True)
    sys.exit(1 if failures else 0)
