#!/usr/bin/env python3
# test-video-export.py: `chengyu-atlas --export-video` on the bundled dataset, as a
# user runs it: a real file written, read back with GStreamer's own tools
# (gst-discoverer-1.0 for the streams, gst-launch-1.0 to decode frames), and the
# clear failures (an unknown extension, a folder that cannot be written) that
# leave an existing file untouched.
#
# Needs a display (the README's test command runs the suite under xvfb-run).
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os
import re
import subprocess
import sys
import tempfile

binary = sys.argv[1]
failures = []
WIDTH, HEIGHT, FPS, SECONDS = 640, 360, 10, 2


def check(condition, message):
    print(('ok' if condition else 'FAIL') + ': ' + message)
    if not condition:
        failures.append(message)


def export(out, *extra):
    return subprocess.run([binary, '--export-video', out, '--duration', str(SECONDS), '--fps', str(FPS),
                           '--size', '%dx%d' % (WIDTH, HEIGHT)] + list(extra),
                          capture_output=True, text=True, timeout=300)


def discover(path):
    result = subprocess.run(['gst-discoverer-1.0', path], capture_output=True, text=True, timeout=60)
    return result.stdout


def duration_of(info):
    match = re.search(r'Duration: (\d+):(\d+):([\d.]+)', info)
    if match is None:
        return None
    return int(match.group(1)) * 3600 + int(match.group(2)) * 60 + float(match.group(3))


def decode_frames(path, folder):
    """Every frame as raw RGB, one file each, in order."""
    subprocess.run(['gst-launch-1.0', '-q', 'filesrc', 'location=' + path, '!', 'decodebin', '!',
                    'videoconvert', '!', 'video/x-raw,format=RGB', '!', 'multifilesink',
                    'location=' + os.path.join(folder, 'frame-%05d.rgb')],
                   check=True, timeout=120)
    return sorted(glob.glob(os.path.join(folder, 'frame-*.rgb')))


def changed_pixels(a, b, x0, y0, x1, y1):
    """Pixels in the box whose colour differs by more than codec noise."""
    n = 0
    for y in range(y0, y1):
        row = y * WIDTH * 3
        for x in range(x0, x1):
            i = row + x * 3
            if abs(a[i] - b[i]) + abs(a[i + 1] - b[i + 1]) + abs(a[i + 2] - b[i + 2]) > 60:
                n += 1
    return n


def check_video(path, codec):
    result = export(path)
    check(result.returncode == 0, '%s: exit status 0 (stderr: %s)' % (codec, result.stderr.strip()[-300:]))
    info = discover(path)
    check(re.search(r'video #\d+: ' + codec, info) is not None, '%s: a %s video stream' % (path, codec))
    check('Width: %d' % WIDTH in info and 'Height: %d' % HEIGHT in info,
          '%s: the size asked for, %dx%d' % (path, WIDTH, HEIGHT))
    duration = duration_of(info)
    check(duration is not None and abs(duration - SECONDS) < 0.2,
          '%s: lasts %s s, asked for %d s' % (path, duration, SECONDS))
    leftovers = [f for f in os.listdir(os.path.dirname(path)) if f.startswith('.')]
    check(leftovers == [], 'no temporary file left behind: %s' % leftovers)


with tempfile.TemporaryDirectory() as tmp:
    webm = os.path.join(tmp, 'playback.webm')
    check_video(webm, 'VP8')
    check_video(os.path.join(tmp, 'playback.mp4'), 'H.264')

    # The first frame shows the first day, the last the last: the places that
    # gained events change the map; the legend, the same in every frame, does not.
    frames_dir = os.path.join(tmp, 'frames')
    os.mkdir(frames_dir)
    frames = decode_frames(webm, frames_dir)
    check(len(frames) == SECONDS * FPS, '%d frames decoded, %d expected' % (len(frames), SECONDS * FPS))
    if len(frames) >= 2:
        first = open(frames[0], 'rb').read()
        last = open(frames[-1], 'rb').read()
        scale = HEIGHT / 720
        map_bottom = int((720 - 116) * scale)
        # The map below the date's plate and left of the legend.
        changed = changed_pixels(first, last, 0, int(130 * scale), int(WIDTH - 260 * scale), map_bottom)
        check(changed > 200, 'the map changed between the first and last frames (%d pixels)' % changed)
        legend = changed_pixels(first, last, int(WIDTH - 230 * scale), int(30 * scale), WIDTH - 10,
                                int(120 * scale))
        check(legend < 40, 'the legend stayed the same (%d pixels changed)' % legend)

    # Failures say what is wrong and never touch the file that is there.
    kept = os.path.join(tmp, 'kept.avi')
    with open(kept, 'w') as f:
        f.write('keep me')
    result = export(kept)
    check(result.returncode == 1 and '.webm, .mp4 or .gif' in result.stderr,
          'an unknown extension is refused clearly: %r' % result.stderr.strip())
    check(open(kept).read() == 'keep me', 'the existing file is untouched')

    # Debian 12 has no GIF encoder for GStreamer (gifenc is in gst-plugins-rs):
    # then .gif says so and suggests the formats that work.
    if subprocess.run(['gst-inspect-1.0', 'gifenc'], capture_output=True).returncode != 0:
        result = export(os.path.join(tmp, 'playback.gif'))
        check(result.returncode == 1 and 'gifenc' in result.stderr and '.webm or .mp4' in result.stderr,
              'GIF without gifenc is refused clearly: %r' % result.stderr.strip())
    else:
        result = export(os.path.join(tmp, 'playback.gif'))
        check(result.returncode == 0 and 'GIF' in discover(os.path.join(tmp, 'playback.gif')),
              'a GIF is written')

    locked = os.path.join(tmp, 'locked')
    os.mkdir(locked, 0o500)
    result = export(os.path.join(locked, 'x.webm'))
    check(result.returncode == 1 and 'Cannot write a video in' in result.stderr or os.geteuid() == 0,
          'an unwritable folder is refused clearly: %r' % result.stderr.strip())

    result = export(os.path.join(tmp, 'bad.webm'), '--from', '2021', '--to', '2020')
    check(result.returncode == 1 and 'ends before it starts' in result.stderr,
          'a range that ends before it starts is refused: %r' % result.stderr.strip())
    check(not os.path.exists(os.path.join(tmp, 'bad.webm')), 'and no file is written')

if failures:
    print('%d failure(s)' % len(failures))
    sys.exit(1)
