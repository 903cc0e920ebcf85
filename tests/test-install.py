#!/usr/bin/env python3
# test-install.py: installs the build into a temporary folder (meson install
# --destdir), checks that everything a desktop needs is there and valid, and
# starts the installed app under the test's display until it has drawn the
# bundled dataset.
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import threading
import tempfile

build_dir, prefix = sys.argv[1], sys.argv[2]
app_id = 'io.github.chengyu.Atlas'
failures = []

with tempfile.TemporaryDirectory() as destdir:
    subprocess.run(['meson', 'install', '-C', build_dir, '--destdir', destdir, '--quiet',
                    '--no-rebuild'], check=True, stdout=subprocess.DEVNULL)
    root = destdir + prefix
    share = os.path.join(root, 'share')

    expected = [
        'bin/chengyu-atlas',
        f'share/applications/{app_id}.desktop',
        f'share/metainfo/{app_id}.metainfo.xml',
        f'share/glib-2.0/schemas/{app_id}.gschema.xml',
        f'share/icons/hicolor/scalable/apps/{app_id}.svg',
        f'share/icons/hicolor/symbolic/apps/{app_id}-symbolic.svg',
        'share/chengyu-atlas/chengdu-chongqing.atlas.json',
        'share/locale/zh_CN/LC_MESSAGES/chengyu-atlas.mo',
    ]
    for path in expected:
        if not os.path.exists(os.path.join(root, path)):
            failures.append(f'not installed: {path}')

    checks = [
        ['desktop-file-validate', os.path.join(share, 'applications', f'{app_id}.desktop')],
        ['appstreamcli', 'validate', '--no-net', os.path.join(share, 'metainfo', f'{app_id}.metainfo.xml')],
        ['glib-compile-schemas', '--strict', os.path.join(share, 'glib-2.0', 'schemas')],
    ]
    for command in checks:
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            failures.append(f'{command[0]} failed:\n{result.stdout}{result.stderr}')

    # The installed app opens the bundled dataset and draws it.
    env = dict(os.environ)
    env['GSETTINGS_SCHEMA_DIR'] = os.path.join(share, 'glib-2.0', 'schemas')
    env['XDG_DATA_DIRS'] = share + ':' + env.get('XDG_DATA_DIRS', '/usr/local/share:/usr/share')
    env['CHENGYU_ATLAS_LOCALEDIR'] = os.path.join(share, 'locale')
    # The app logs when its first frame with the dataset is drawn (GLib writes
    # debug messages to standard output).
    env['G_MESSAGES_DEBUG'] = 'Atlas-app'
    env.pop('ATLAS_BINARY', None)
    app = subprocess.Popen([os.path.join(root, 'bin', 'chengyu-atlas')], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seen = []
    drawn = threading.Event()

    def read_log():
        for line in app.stdout:
            seen.append(line)
            if 'first frame with the dataset:' in line:
                drawn.set()

    reader = threading.Thread(target=read_log, daemon=True)
    reader.start()
    try:
        if not drawn.wait(timeout=60):
            failures.append(f'the installed app did not draw its first frame with the dataset within 60 s '
                            f'(exit {app.poll()}):\n' + ''.join(seen[-40:]))
    finally:
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()

    # --validate from the install, on the installed dataset.
    result = subprocess.run([os.path.join(root, 'bin', 'chengyu-atlas'), '--validate',
                             os.path.join(share, 'chengyu-atlas', 'chengdu-chongqing.atlas.json')],
                            capture_output=True, text=True, env=env)
    if result.returncode != 0:
        failures.append(f'--validate on the installed dataset: exit {result.returncode}\n{result.stderr}')

for failure in failures:
    print(failure, file=sys.stderr)
sys.exit(1 if failures else 0)
