#!/usr/bin/env python3
# validate-cli.py: checks `chengyu-atlas --validate` on the bad-input corpus and on
# the bundled dataset, the way a user or a script runs it: no display, no session
# bus, exact messages and exit codes.
#
# Each tests/bad-input/NAME.json (or NAME.json made at run time, see SPECIAL) has a
# NAME.expected: its first line "exit N", the rest the exact standard error.
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import stat
import subprocess
import sys
import tempfile

binary, srcdir = sys.argv[1], sys.argv[2]
corpus = os.path.join(srcdir, 'bad-input')

env = dict(os.environ)
for key in ('DISPLAY', 'WAYLAND_DISPLAY', 'DBUS_SESSION_BUS_ADDRESS'):
    env.pop(key, None)
env['LC_ALL'] = 'C.UTF-8'
env['LANGUAGE'] = ''

failures = []


def run(args, cwd):
    try:
        return subprocess.run([binary, '--validate'] + args, cwd=cwd, env=env,
                              capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return None


def check(name, cwd, filename, expected_exit, expected_stderr):
    result = run([filename], cwd)
    if result is None:
        failures.append(f'{name}: hung (more than 60 s)')
        return
    if result.returncode != expected_exit:
        failures.append(f'{name}: exit {result.returncode}, expected {expected_exit}\n{result.stderr}')
    if expected_stderr is not None and result.stderr != expected_stderr:
        failures.append(f'{name}: stderr differs\n--- expected\n{expected_stderr}--- got\n{result.stderr}')
    verdict = {0: 'valid', 1: 'invalid', 2: 'unreadable'}[expected_exit]
    if not result.stdout.startswith(f'{filename}: {verdict}'):
        failures.append(f'{name}: summary line is {result.stdout!r}')


def read_expected(path):
    with open(path, encoding='utf-8') as f:
        first, _, rest = f.read().partition('\n')
    assert first.startswith('exit '), path
    return int(first[5:]), rest


# The corpus stored in the repository.
names = sorted(n[:-len('.expected')] for n in os.listdir(corpus) if n.endswith('.expected'))
SPECIAL = {'directory', 'fifo', 'symlink-loop', 'missing', 'too-large'}
for name in names:
    if name in SPECIAL:
        continue
    expected_exit, expected_stderr = read_expected(os.path.join(corpus, name + '.expected'))
    check(name, corpus, name + '.json', expected_exit, expected_stderr)

# Inputs that cannot live in git: made in a temporary folder.
with tempfile.TemporaryDirectory() as tmp:
    os.mkdir(os.path.join(tmp, 'directory.json'))
    os.mkfifo(os.path.join(tmp, 'fifo.json'))
    os.symlink('symlink-loop.json', os.path.join(tmp, 'symlink-loop.json'))
    with open(os.path.join(tmp, 'too-large.json'), 'wb') as f:
        f.truncate(5 * 1024 * 1024 * 1024)   # sparse: no disk used
    for name in sorted(SPECIAL):
        expected_exit, expected_stderr = read_expected(os.path.join(corpus, name + '.expected'))
        check(name, tmp, name + '.json', expected_exit, expected_stderr)

    if os.geteuid() != 0:
        path = os.path.join(tmp, 'unreadable.json')
        shutil.copy(os.path.join(corpus, '..', 'data', 'two-ports.atlas.json'), path)
        os.chmod(path, 0)
        check('unreadable', tmp, 'unreadable.json', 2,
              'unreadable.json: Permission denied\n')

# A file cut short while it is being read: never a crash (a memory-mapped file
# that shrinks kills its reader with SIGBUS), only "valid" if the whole file was
# read first or a message that it is truncated.
def make_large(path, n_events):
    with open(path, 'w', encoding='utf-8') as f:
        f.write('{"atlas":1,"title":"Large","sources":[{"id":"n","title":"T","publisher":"P","date":"2020"}],'
                '"sectors":[{"id":"s","name":"S","color":"#1c71d8"}],'
                '"locations":[{"id":"p","name":"P","kind":"port","sectors":["s"],"point":[106.5,29.5]}],'
                '"events":[')
        f.write(','.join('{"id":"e%d","date":"2020-01-01","title":"Event number %d, with a longer title",'
                         '"location":"p","sectors":["s"],"source":"n"}' % (i, i) for i in range(n_events)))
        f.write(']}\n')


def truncated_while_read(tmp, rounds):
    import random
    import time
    source = os.path.join(tmp, 'large-source.json')
    path = os.path.join(tmp, 'shrinking.json')
    make_large(source, 150000)
    size = os.path.getsize(source)
    rng = random.Random(13)
    for i in range(rounds):
        shutil.copyfile(source, path)
        proc = subprocess.Popen([binary, '--validate', path], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        # A random instant of the read, on purpose: no condition to wait for.
        time.sleep(rng.uniform(0.0, 0.4))
        # Cut it in place, as an editor that truncates before writing does.
        with open(path, 'r+b') as f:
            f.truncate(rng.randrange(0, size // 2))
        try:
            out, err = proc.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            failures.append(f'truncated while read (round {i}): hung')
            return
        if proc.returncode < 0:
            failures.append(f'truncated while read (round {i}): killed by signal {-proc.returncode}\n{err}')
            return
        if proc.returncode == 1 and 'is it truncated?' not in err and 'empty' not in err:
            failures.append(f'truncated while read (round {i}): {err}')
        elif proc.returncode not in (0, 1):
            failures.append(f'truncated while read (round {i}): exit {proc.returncode}\n{err}')


with tempfile.TemporaryDirectory() as tmp:
    truncated_while_read(tmp, 10)

# The bundled dataset and the format document's example are valid, silently.
example = os.path.join(srcdir, 'data', 'two-ports.atlas.json')
result = run([example, os.path.join(srcdir, '..', 'data', 'chengdu-chongqing.atlas.json')], srcdir)
if result is None or result.returncode != 0 or result.stderr != '':
    failures.append(f'valid datasets: {result and result.returncode} {result and result.stderr}')

# Several files at once: the worst status wins.
result = run([os.path.join(corpus, 'not-json.json'), example, '/nonexistent.json'], srcdir)
if result is None or result.returncode != 2 or result.stdout.count('\n') != 3:
    failures.append(f'several files: {result and result.returncode} {result and result.stdout}')

for failure in failures:
    print(failure, file=sys.stderr)
print(f'{len(names) + 3} checks, {len(failures)} failed')
sys.exit(1 if failures else 0)
