#!/usr/bin/env python3
# test-video-export.py: `chengyu-atlas --export-video` on the bundled dataset, as a
# user runs it: a real file written (WebM, MP4 and an animated GIF), read back
# with GStreamer's own tools (gst-discoverer-1.0 for the streams, gst-launch-1.0
# to decode frames), and the clear failures (an unknown extension, a folder that
# cannot be written) that leave an existing file untouched.
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


def export(out, *extra, sized=True):
    size = ['--fps', str(FPS), '--size', '%dx%d' % (WIDTH, HEIGHT)] if sized else []
    return subprocess.run([binary, '--export-video', out, '--duration', str(SECONDS)] + size + list(extra),
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


def check_video(path, codec, stream=None):
    result = export(path)
    check(result.returncode == 0, '%s: exit status 0 (stderr: %s)' % (codec, result.stderr.strip()[-300:]))
    info = discover(path)
    check(re.search(stream or r'video #\d+: ' + codec, info) is not None, '%s: a %s video stream' % (path, codec))
    check('Width: %d' % WIDTH in info and 'Height: %d' % HEIGHT in info,
          '%s: the size asked for, %dx%d' % (path, WIDTH, HEIGHT))
    duration = duration_of(info)
    check(duration is not None and abs(duration - SECONDS) < 0.2,
          '%s: lasts %s s, asked for %d s' % (path, duration, SECONDS))
    leftovers = [f for f in os.listdir(os.path.dirname(path)) if f.startswith('.')]
    check(leftovers == [], 'no temporary file left behind: %s' % leftovers)


def check_frames(path, folder):
    """The first frame shows the first day, the last the last: the places that
    gained events change the map; the legend, the same in every frame, does not."""
    os.mkdir(folder)
    frames = decode_frames(path, folder)
    check(len(frames) == SECONDS * FPS, '%s: %d frames decoded, %d expected' % (path, len(frames), SECONDS * FPS))
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


with tempfile.TemporaryDirectory() as tmp:
    webm = os.path.join(tmp, 'playback.webm')
    check_video(webm, 'VP8')
    check_video(os.path.join(tmp, 'playback.mp4'), 'H.264')
    check_frames(webm, os.path.join(tmp, 'frames'))

    # An animated GIF, by the app's own encoder (Debian 12's GStreamer has none).
    gif = os.path.join(tmp, 'playback.gif')
    check_video(gif, 'GIF', r'container #\d+: GIF')
    check(open(gif, 'rb').read(6) == b'GIF89a', 'an animated GIF (GIF89a)')
    check_frames(gif, os.path.join(tmp, 'gif-frames'))

    # Unless asked otherwise a GIF is 640x360 at 10 frames a second.
    result = export(os.path.join(tmp, 'default.gif'), sized=False)
    info = discover(os.path.join(tmp, 'default.gif'))
    check(result.returncode == 0 and 'Width: 640' in info and 'Height: 360' in info and 'Frame rate: 10/1' in info,
          'a GIF is 640x360 at 10 fps by default: %r' % info[-400:])
    # At 30 fps the delays are 3 and 4 hundredths, spread to last the time asked for.
    result = export(os.path.join(tmp, 'thirty.gif'), '--fps', '30', '--size', '320x180')
    duration = duration_of(discover(os.path.join(tmp, 'thirty.gif')))
    check(result.returncode == 0 and duration is not None and abs(duration - SECONDS) < 0.015,
          'a GIF at 30 fps lasts %s s, asked for %d s' % (duration, SECONDS))
    result = export(os.path.join(tmp, 'fast.gif'), '--fps', '60')
    check(result.returncode == 1 and 'at most 50 frames a second' in result.stderr,
          'a GIF faster than 50 fps is refused clearly: %r' % result.stderr.strip())
    check(not os.path.exists(os.path.join(tmp, 'fast.gif')), 'and no file is written')

    # Failures say what is wrong and never touch the file that is there.
    kept = os.path.join(tmp, 'kept.avi')
    with open(kept, 'w') as f:
        f.write('keep me')
    result = export(kept)
    check(result.returncode == 1 and '.webm, .mp4 or .gif' in result.stderr,
          'an unknown extension is refused clearly: %r' % result.stderr.strip())
    check(open(kept).read() == 'keep me', 'the existing file is untouched')

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
