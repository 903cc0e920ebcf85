#!/usr/bin/env python3
# check-translations.py: every user-visible string is marked and listed, and the
# Simplified Chinese translation is complete and well-formed.
#
#   - every source file with a translatable string is in po/POTFILES.in, and every
#     file listed there exists;
#   - the strings extracted from those files now are all translated in
#     po/zh_CN.po (no missing, no fuzzy entries);
#   - msgfmt --check accepts the translation (formats, plural forms, header).
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile

srcdir = sys.argv[1]
failures = []

with open(os.path.join(srcdir, 'po', 'POTFILES.in'), encoding='utf-8') as f:
    listed = [line.strip() for line in f if line.strip() and not line.startswith('#')]

for path in listed:
    if not os.path.exists(os.path.join(srcdir, path)):
        failures.append(f'po/POTFILES.in lists {path}, which does not exist')

marker = re.compile(r'\b(_|N_|C_|NC_|g_dngettext)\s*\(')
for folder in ('src',):
    for directory, _, names in os.walk(os.path.join(srcdir, folder)):
        for name in names:
            if not name.endswith('.c'):
                continue
            path = os.path.relpath(os.path.join(directory, name), srcdir)
            with open(os.path.join(srcdir, path), encoding='utf-8') as f:
                if marker.search(f.read()) and path not in listed:
                    failures.append(f'{path} has translatable strings but is not in po/POTFILES.in')
for name in os.listdir(os.path.join(srcdir, 'ui')):
    path = f'ui/{name}'
    if name.endswith('.ui') and path not in listed:
        failures.append(f'{path} is not in po/POTFILES.in')

po = os.path.join(srcdir, 'po', 'zh_CN.po')
with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, 'chengyu-atlas.pot')
    merged = os.path.join(tmp, 'merged.po')
    # The keywords of meson's "glib" preset.
    subprocess.run(['xgettext', '--directory', srcdir, '--files-from', os.path.join(srcdir, 'po', 'POTFILES.in'),
                    '--from-code=UTF-8', '--add-comments', '--output', pot,
                    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
                    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
                    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
                    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
                    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
                    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format'],
                   check=True, capture_output=True)
    subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '--output-file', merged, po, pot],
                   check=True, capture_output=True)
    untranslated = subprocess.run(['msgattrib', '--untranslated', '--no-obsolete', merged],
                                  capture_output=True, text=True).stdout
    fuzzy = subprocess.run(['msgattrib', '--only-fuzzy', '--no-obsolete', merged],
                           capture_output=True, text=True).stdout
    missing = [m for m in re.findall(r'^msgid "(.+)"$', untranslated, re.M)]
    if missing:
        failures.append('untranslated in po/zh_CN.po: ' + '; '.join(missing[:20]))
    if re.search(r'^msgid "(.+)"$', fuzzy, re.M):
        failures.append('fuzzy entries in po/zh_CN.po: ' + '; '.join(re.findall(r'^msgid "(.+)"$', fuzzy, re.M)[:20]))

    result = subprocess.run(['msgfmt', '--check', '--statistics', '--output-file', os.path.join(tmp, 'zh.mo'), po],
                            capture_output=True, text=True)
    if result.returncode != 0:
        failures.append('msgfmt --check po/zh_CN.po:\n' + result.stderr)
    else:
        print(result.stderr.strip())

for failure in failures:
    print(failure, file=sys.stderr)
sys.exit(1 if failures else 0)
