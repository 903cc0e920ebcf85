#!/usr/bin/env python3
# test-map-labels.py: the offline base map's names stay on the map once drawn.
#
# The app is started several times (the names used to vanish one to four
# seconds after the first frame in about half of the starts, when the view
# fitted to the dataset landed just under zoom 7). Each time the names the base
# map draws are read back through AT-SPI, from the base map's accessible
# description ("Names on the map: Chengdu, Deyang, …"), for several seconds
# from the first frame on: the prefecture cities between Chengdu and Chongqing
# are there once the dataset is in, and a name drawn once is never dropped
# while the view stays. After a click on "Show All Places" the view moves (and
# names may make room for markers); once it is still, its names stay too.
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later

import time

from atlasui import App, description, fail, name, states

STARTS = 3
WATCH_S = 5.0
POLL_S = 0.1
PREFIX = 'Names on the map: '
# Cities of the region's heart, none of them a place of the bundled dataset (so
# no place's own label takes over their names): wherever the view is fitted,
# they are on screen with room for their names.
HEART = {'Deyang', 'Suining', 'Leshan', 'Zigong', 'Neijiang', 'Meishan'}


def names_on_map(layer):
    text = description(layer)
    if not text.startswith(PREFIX):
        return None
    return set(text[len(PREFIX):].split(', '))


def loaded(app):
    """The bundled dataset is in: its sectors are check boxes and the progress
    bar is gone."""
    if app.find(role='check box', name_startswith='Biomedicine') is None:
        return False
    bar = app.find(role='progress bar', showing=False)
    return bar is None or 'showing' not in states(bar)


def watch(app, layer, start, drawn, since, heart=True):
    """Reads the names for WATCH_S seconds; fails when one that was drawn
    goes, or (with @heart) one of the heart's is missing with the dataset in."""
    deadline = time.monotonic() + WATCH_S
    drawn = set(drawn)
    while time.monotonic() < deadline:
        names = names_on_map(layer) or set()
        gone = drawn - names
        if gone:
            fail(f'start {start}: {", ".join(sorted(gone))} vanished from the map '
                 f'{time.monotonic() - since:.1f} s after the first frame; the map shows '
                 f'{sorted(names)}; screenshot: {app.screenshot()}')
        if heart and loaded(app) and not HEART <= names:
            fail(f'start {start}: with the dataset in, the map does not show '
                 f'{", ".join(sorted(HEART - names))}; it shows {sorted(names)}; '
                 f'screenshot: {app.screenshot()}')
        if heart:
            drawn |= names & HEART
        time.sleep(POLL_S)


def still(layer, state, quiet_s=3.5):
    """True once the names have not changed for @quiet_s seconds: the view has
    stopped moving (Show All Places animates for 1.75 s at zoom 7)."""
    names = names_on_map(layer)
    now = time.monotonic()
    if names != state.get('names'):
        state.update(names=names, since=now)
    return names if now - state['since'] >= quiet_s else None


for start in range(1, STARTS + 1):
    with App(deadline_s=90) as app:
        layer = app.wait_find(30, role='image', name='Base map', showing=False)
        first = app.wait_for(lambda: names_on_map(layer), 30, 'the first names on the base map')
        since = time.monotonic()
        watch(app, layer, start, first & HEART, since)
        app.wait_for(lambda: loaded(app), 30, 'the bundled dataset')

        # Real input: the map's own "Show All Places" button.
        button = app.wait_find(10, role='push button', name='Show All Places')
        app.click_node(button)
        state = {}
        settled = app.wait_for(lambda: still(layer, state), 30, 'the map to stop moving')
        watch(app, layer, start, settled, since, heart=False)
        print(f'start {start}: the map shows {", ".join(sorted(names_on_map(layer)))}')
