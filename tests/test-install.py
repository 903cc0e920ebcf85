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
    env['CHENGYU_ATLAS_BENCH_STARTUP'] = '1'
    env.pop('ATLAS_BINARY', None)
    try:
        result = subprocess.run([os.path.join(root, 'bin', 'chengyu-atlas')], env=env,
                                capture_output=True, text=True, timeout=60)
        if result.returncode != 0 or 'first-frame-ms:' not in result.stdout:
            failures.append(f'the installed app did not draw its first frame (exit {result.returncode}):\n'
                            f'{result.stdout}{result.stderr}')
    except subprocess.TimeoutExpired:
        failures.append('the installed app did not draw its first frame within 60 s')

    # --validate from the install, on the installed dataset.
    result = subprocess.run([os.path.join(root, 'bin', 'chengyu-atlas'), '--validate',
                             os.path.join(share, 'chengyu-atlas', 'chengdu-chongqing.atlas.json')],
                            capture_output=True, text=True, env=env)
    if result.returncode != 0:
        failures.append(f'--validate on the installed dataset: exit {result.returncode}\n{result.stderr}')

for failure in failures:
    print(failure, file=sys.stderr)
sys.exit(1 if failures else 0)
