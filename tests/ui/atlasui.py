# atlasui.py: drive the real Chengyu Atlas window as a user does, for UI tests.
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drive the real app under Xvfb: real X input (xdotool), read back through
AT-SPI (pyatspi) or pixels (ImageMagick's import). Every wait has a deadline
and says, when it runs out, what it waited for, what it last saw, the
accessible subtree and a screenshot path.

The suite runs inside dbus-run-session and xvfb-run (see README); the binary
comes from $ATLAS_BINARY, which tests/meson.build sets.

    with App(args=[], env={}, size=(1280, 820), deadline_s=90) as app:
        app.proc, app.window_id, app.origin, app.root    # Popen, X id, (x, y), AT-SPI app
        app.find(role=, name=, name_startswith=, showing=True, root=None) -> node | None
        app.find_all(...same...) -> [node]
        app.wait_find(deadline_s, what=None, **same) -> node, or UIError
        app.wait_for(predicate, deadline_s, what, root=None) -> predicate's value
        app.wait_value(get, accept, deadline_s, what) -> get()'s value once accept()s
        app.click(x, y, button=1); app.drag(x0, y0, x1, y1, steps=8)
        app.key('F6', 'ctrl+f'); app.type_text('EVAHEART')
        app.point(node) -> (x, y) screen centre; app.click_node(node)
        app.screenshot(path=None) -> path; app.pixel(x, y) -> (r, g, b)
        app.grab(x, y, w, h) -> Image with .get(x, y), .width, .height
    name(n), role(n), description(n), value(n), text(n), states(n) -> set of
    state names ('checked', 'selected', 'focused', 'visible', ...), extents(n)
    -> (x, y, w, h) in window coordinates, dump(n) -> str, fail(message).

Deadlines are multiplied by $ATLAS_TEST_SLOWDOWN (default 1; the sanitizer
build sets more). Screen coordinates are X root coordinates: window
coordinates from AT-SPI plus app.origin. (GTK 4.8 warns, fatally under
G_DEBUG=fatal-warnings, when asked for screen coordinates, so they are never
asked for.) A failed test leaves its screenshot in $ATLAS_TEST_ARTIFACTS, or
in $G_TEST_BUILDDIR/ui-failures.
"""

import ctypes
import ctypes.util
import faulthandler
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time

# The app runs with the suite's G_DEBUG=fatal-warnings; this process does not:
# libatspi warns about things GTK does not implement (its cache interface).
_APP_ENV = dict(os.environ)
os.environ.pop('G_DEBUG', None)

import gi  # noqa: E402

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, GLib  # noqa: E402
import pyatspi  # noqa: E402

GLib.log_set_always_fatal(GLib.LogLevelFlags.LEVEL_ERROR)

SLOWDOWN = float(os.environ.get('ATLAS_TEST_SLOWDOWN', '1') or 1)
CALL_TIMEOUT_MS = 3000          # the longest any single AT-SPI call may block
MAX_DEPTH = 40                  # tree walks stop this deep ...
MAX_NODES = 4000                # ... and after this many nodes
MAX_CHILDREN = 500              # ... and read at most this many children of one node
POLL_S = 0.15

# No AT-SPI call blocks longer than CALL_TIMEOUT_MS, also in the first
# seconds of an app's life (libatspi's default lets those block for 15 s).
Atspi.set_timeout(CALL_TIMEOUT_MS, 0)


class UIError(AssertionError):
    """A UI test failed: what it waited for and what it saw are in the message."""


def fail(message):
    raise UIError(message)


def _scaled(seconds):
    return seconds * SLOWDOWN


_T0 = time.monotonic()


def _log(message):
    # On standard output, which meson keeps in its test log.
    print(f'[{time.monotonic() - _T0:6.1f} s] {message}', flush=True)


def _xdotool(*args, timeout=15):
    try:
        result = subprocess.run(['xdotool', *map(str, args)], capture_output=True, text=True,
                                timeout=_scaled(timeout))
    except subprocess.TimeoutExpired:
        fail(f'xdotool {" ".join(map(str, args))} took more than {_scaled(timeout):.0f} s')
    if result.returncode != 0:
        fail(f'xdotool {" ".join(map(str, args))} failed: {result.stderr.strip()}')
    return result.stdout


def _hold_display(deadline_s=20):
    """Opens an X connection that this process keeps until it exits. An X server
    started without -noreset (plain `xvfb-run`) resets itself whenever its last
    client leaves, as it does whenever a test ends its app, and a client that
    connects during the reset gets "cannot open display": 1 connection in 20 on
    a busy machine. With this one held, the server never resets while the test
    runs; the first connection waits out a reset the previous test caused."""
    libx11 = ctypes.CDLL(ctypes.util.find_library('X11') or 'libX11.so.6')
    libx11.XOpenDisplay.restype = ctypes.c_void_p
    libx11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    deadline = time.monotonic() + _scaled(deadline_s)
    while True:
        display = libx11.XOpenDisplay(None)
        if display:
            return display
        if time.monotonic() > deadline:
            fail(f'cannot open the X display {os.environ.get("DISPLAY")!r} within '
                 f'{_scaled(deadline_s):.0f} s: run UI tests under xvfb-run (see README)')
        time.sleep(0.1)


_DISPLAY = _hold_display()


# Reading a node. Every reader returns a neutral value when the node has
# vanished (rows of the event list come and go while a test reads them).

def name(node):
    try:
        return node.name or ''
    except Exception:
        return ''


def role(node):
    try:
        return node.getRoleName()
    except Exception:
        return ''


def description(node):
    try:
        return node.description or ''
    except Exception:
        return ''


def states(node):
    try:
        return {s.value_nick for s in node.getState().getStates()}
    except Exception:
        return set()


def value(node):
    """The current value of a slider, spin button or progress bar, or None."""
    try:
        return node.queryValue().currentValue
    except Exception:
        return None


def text(node):
    """The text of an entry or label through the Text interface, or None."""
    try:
        t = node.queryText()
        return t.getText(0, t.characterCount)
    except Exception:
        return None


def extents(node):
    """(x, y, width, height) of @node relative to its window, or None."""
    try:
        box = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return (box.x, box.y, box.width, box.height)
    except Exception:
        return None


def children(node):
    try:
        count = node.childCount
    except Exception:
        return []
    result = []
    for i in range(min(count, MAX_CHILDREN)):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            result.append(child)
    return result


class _Visibility:
    """Whether a node and all its ancestors are visible, read only when asked
    (reading states costs a D-Bus call a node) and then remembered."""

    def __init__(self, node, parent):
        self.node, self.parent, self.known = node, parent, None

    def __bool__(self):
        if self.known is None:
            self.known = ((self.parent is None or bool(self.parent))
                          and (self.parent is None or 'visible' in states(self.node)))
        return self.known


def _walk(root, max_depth=MAX_DEPTH, max_nodes=MAX_NODES):
    stack = [(root, 0, None)]
    seen = 0
    while stack and seen < max_nodes:
        node, depth, parent = stack.pop()
        visibility = _Visibility(node, parent)
        seen += 1
        yield node, visibility
        if depth < max_depth:
            stack.extend((child, depth + 1, visibility) for child in reversed(children(node)))


def walk(root, showing=False, max_depth=MAX_DEPTH, max_nodes=MAX_NODES):
    """The nodes under @root (itself included), depth first, at most
    @max_depth deep and @max_nodes in all. With @showing, only those that
    are not inside a hidden widget. (GTK 4.8 sets the state 'showing' on
    windows only; 'visible', which it sets on every widget not hidden, is what
    is read.)"""
    for node, visible in _walk(root, max_depth, max_nodes):
        if not showing or visible:
            yield node


def _matches(node, role_, name_, name_startswith, description_):
    if role_ is not None and role(node) != role_:
        return False
    if name_ is not None and name(node) != name_:
        return False
    if name_startswith is not None and not name(node).startswith(name_startswith):
        return False
    if description_ is not None and description_ not in description(node):
        return False
    return True


def _find(root, showing, criteria):
    # Criteria first: most nodes fail them on the role alone, which libatspi
    # keeps; visibility only for those that pass.
    for node, visible in _walk(root):
        if _matches(node, *criteria) and (not showing or visible):
            yield node


def dump(root, max_depth=12, max_nodes=400, showing=True):
    """The subtree under @root, one node a line: role, name, states, value."""
    if root is None:
        return '  (no node)'
    lines = []
    base = _depth_of(root)
    for node in walk(root, showing=showing, max_depth=max_depth, max_nodes=max_nodes):
        line = f'{"  " * (_depth_of(node) - base + 1)}{role(node)} {name(node)!r}'
        interesting = sorted(states(node) & {'checked', 'selected', 'focused', 'pressed',
                                            'expanded', 'sensitive', 'editable'})
        if interesting:
            line += f' [{", ".join(interesting)}]'
        if description(node):
            line += f' desc={description(node)!r}'
        v = value(node)
        if v is not None:
            line += f' value={v}'
        lines.append(line)
    if len(lines) >= max_nodes:
        lines.append('  … (cut)')
    return '\n'.join(lines)


def _depth_of(node):
    depth = 0
    try:
        parent = node.parent
        while parent is not None and depth < MAX_DEPTH:
            depth += 1
            parent = parent.parent
    except Exception:
        pass
    return depth


class Image:
    """Pixels read back from the X server, as RGB triples."""

    def __init__(self, width, height, data):
        self.width, self.height, self._data = width, height, data

    def get(self, x, y):
        i = 3 * (y * self.width + x)
        return tuple(self._data[i:i + 3])


def _parse_ppm(blob):
    # P6\n<w> <h>\n<max>\n<bytes>; header fields may be separated by any
    # whitespace.
    fields = []
    pos = 0
    while len(fields) < 4:
        while blob[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not blob[pos:pos + 1].isspace():
            pos += 1
        fields.append(blob[start:pos])
    if fields[0] != b'P6' or fields[3] != b'255':
        fail(f'unexpected image header {fields!r} from import')
    return Image(int(fields[1]), int(fields[2]), blob[pos + 1:])


def artifacts_dir():
    path = os.environ.get('ATLAS_TEST_ARTIFACTS') or os.path.join(
        os.environ.get('G_TEST_BUILDDIR', tempfile.gettempdir()), 'ui-failures')
    os.makedirs(path, exist_ok=True)
    return path


class App:
    """The real app, started on enter and always ended on exit."""

    def __init__(self, args=(), env=None, size=(1280, 820), deadline_s=90, startup_s=60):
        self.args = list(args)
        self.extra_env = dict(env or {})
        self.size = size
        self.deadline_s = _scaled(deadline_s)
        self.startup_s = _scaled(startup_s)
        self.proc = None
        self.window_id = None
        self.origin = (0, 0)
        self.root = None
        self._log = None
        self._watchdog = None
        self._doing = 'starting the app'

    # Starting and ending.

    def __enter__(self):
        binary = os.environ.get('ATLAS_BINARY')
        if not binary:
            fail('ATLAS_BINARY is not set: run UI tests through meson test, or set it to '
                 'the built src/chengyu-atlas')
        self._log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([binary, *self.args], env={**_APP_ENV, 'GTK_A11Y': 'atspi', **self.extra_env},
                                     stdout=self._log, stderr=subprocess.STDOUT)
        self._watchdog = threading.Timer(self.deadline_s, self._on_deadline)
        self._watchdog.daemon = True
        self._watchdog.start()
        try:
            self._place_window()
            self.root = self.wait_for(self._find_app, self.startup_s,
                                      'the app on the accessibility bus', dump_tree=False)
        except BaseException:
            self._end()
            print(f'--- the app\'s output:\n{self.log_tail()}', file=sys.stderr)
            raise
        return self

    def __exit__(self, kind, error, trace):
        exited = self.proc.poll()
        self._end()
        if kind is None and exited is not None:
            fail(f'the app exited by itself with status {exited}:\n{self.log_tail()}')
        if kind is not None and self._log is not None:
            print(f'--- the app\'s output:\n{self.log_tail()}', file=sys.stderr)
        return False

    def _end(self):
        if self._watchdog is not None:
            self._watchdog.cancel()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def _on_deadline(self):
        # Runs on the watchdog thread: the main thread may be blocked anywhere.
        print(f'FAIL: the test passed its deadline of {self.deadline_s:.0f} s while '
              f'{self._doing}; screenshot: {self.screenshot()}', file=sys.stderr, flush=True)
        faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
        print(f'--- the app\'s output:\n{self.log_tail()}', file=sys.stderr, flush=True)
        try:
            os.kill(self.proc.pid, signal.SIGKILL)
        except OSError:
            pass
        os._exit(1)

    def log_tail(self, lines=40):
        if self._log is None:
            return ''
        self._log.seek(0)
        return '\n'.join(self._log.read().decode('utf-8', 'replace').splitlines()[-lines:])

    def _place_window(self):
        def window():
            if self.proc.poll() is not None:
                fail(f'the app exited with status {self.proc.returncode}')
            found = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(self.proc.pid)],
                                   capture_output=True, text=True, timeout=_scaled(15))
            return found.stdout.split()[-1] if found.stdout.split() else None

        self.window_id = self.wait_for(window, self.startup_s / SLOWDOWN, 'the app\'s X window',
                                       dump_tree=False)
        width, height = self.size
        screen_w, screen_h = (int(v) for v in _xdotool('getdisplaygeometry').split())
        # Off the screen's corner, so that window and screen coordinates differ.
        self.origin = (min(40, max(0, screen_w - width)), min(30, max(0, screen_h - height)))
        _xdotool('windowmove', '--sync', self.window_id, *self.origin)
        _xdotool('windowsize', '--sync', self.window_id, width, height)
        _xdotool('windowfocus', '--sync', self.window_id)

    def _find_app(self):
        if self.proc.poll() is not None:
            fail(f'the app exited with status {self.proc.returncode}:\n{self.log_tail()}')
        desktop = pyatspi.Registry.getDesktop(0)
        for candidate in children(desktop):
            try:
                if candidate.get_process_id() == self.proc.pid:
                    return candidate
            except Exception:
                continue
        return None

    # Finding and waiting.

    def find_all(self, role=None, name=None, name_startswith=None, description=None,
                 showing=True, root=None):
        """Every node under @root (default: the app) that matches all the
        criteria given: its role name ('push button', 'check box', 'label'),
        its whole name, the start of its name, a part of its description; with
        @showing, only nodes not inside a hidden widget."""
        return list(_find(root or self.root, showing, (role, name, name_startswith, description)))

    def find(self, role=None, name=None, name_startswith=None, description=None,
             showing=True, root=None):
        """The first node find_all() would return, or None."""
        return next(_find(root or self.root, showing, (role, name, name_startswith, description)),
                    None)

    def wait_find(self, deadline_s=20, what=None, **criteria):
        what = what or 'a node with ' + ', '.join(f'{k}={v!r}' for k, v in criteria.items())
        return self.wait_for(lambda: self.find(**criteria), deadline_s, what,
                             root=criteria.get('root'))

    def wait_value(self, get, accept, deadline_s, what, root=None):
        """Polls get() until accept(value) holds, and returns that value; on
        time-out the last value is reported (where wait_for would say False)."""
        seen = []

        def check():
            seen[:] = [get()]
            return accept(seen[0])

        try:
            self.wait_for(check, deadline_s, what, root=root)
        except UIError as error:
            raise UIError(str(error).replace('last seen: False', f'last seen: {seen[0]!r}' if seen else
                                             'last seen: nothing')) from None
        return seen[0]

    def wait_for(self, predicate, deadline_s, what, root=None, dump_tree=True):
        """Polls @predicate until it returns something true, and returns that.
        A predicate that raises counts as false (the node it read vanished)."""
        self._doing = f'waiting for {what}'
        started = time.monotonic()
        deadline = started + _scaled(deadline_s)
        last = None
        while True:
            try:
                last = predicate()
                if last:
                    self._doing = 'running the test'
                    _log(f'{what}: after {time.monotonic() - started:.1f} s')
                    return last
            except UIError:
                raise
            except Exception as error:
                last = f'{type(error).__name__}: {error}'
            if self.proc.poll() is not None:
                fail(f'while waiting for {what}, the app exited with status '
                     f'{self.proc.returncode}:\n{self.log_tail()}')
            if time.monotonic() >= deadline:
                break
            time.sleep(POLL_S)
        message = (f'timed out after {_scaled(deadline_s):.1f} s waiting for {what}\n'
                   f'  last seen: {last!r}\n  screenshot: {self.screenshot()}')
        if dump_tree and (root or self.root) is not None:
            message += f'\n  accessible tree:\n{dump(root or self.root)}'
        fail(message)

    # Input, through the X server.

    def _move(self, x, y):
        # xdotool's --sync waits for the pointer to move, which it never does
        # when it is there already.
        here = _xdotool('getmouselocation', '--shell')
        if f'X={int(x)}\nY={int(y)}\n' in here:
            return
        _xdotool('mousemove', '--sync', int(x), int(y))

    def click(self, x, y, button=1):
        self._move(x, y)
        _xdotool('click', button)

    def drag(self, x0, y0, x1, y1, steps=8, button=1):
        """Press, move in @steps motions (well beyond GTK's 8 px drag
        threshold for any real drag), release."""
        self._move(x0, y0)
        _xdotool('mousedown', button)
        try:
            for i in range(1, steps + 1):
                self._move(round(x0 + (x1 - x0) * i / steps), round(y0 + (y1 - y0) * i / steps))
        finally:
            _xdotool('mouseup', button)

    def key(self, *keys):
        """Key presses in xdotool's names: 'F6', 'shift+F6', 'ctrl+f', 'Return'."""
        _xdotool('key', *keys)

    def type_text(self, string, delay_ms=30):
        _xdotool('type', '--delay', delay_ms, '--', string, timeout=15 + len(string) * delay_ms / 250)

    def point(self, node):
        """The screen point at the centre of @node."""
        box = extents(node)
        if box is None or box[2] <= 0 or box[3] <= 0:
            fail(f'{role(node)} {name(node)!r} has no extents on screen: {box}')
        return (self.origin[0] + box[0] + box[2] // 2, self.origin[1] + box[1] + box[3] // 2)

    def click_node(self, node, button=1):
        self.click(*self.point(node), button=button)

    # Pixels.

    def screenshot(self, path=None):
        if path is None:
            test = os.path.splitext(os.path.basename(sys.argv[0]))[0] or 'ui-test'
            path = os.path.join(artifacts_dir(), f'{test}-{time.strftime("%H%M%S")}-{os.getpid()}.png')
        try:
            subprocess.run(['import', '-window', 'root', path], timeout=_scaled(20), check=True,
                           capture_output=True)
        except Exception as error:
            return f'(no screenshot: {error})'
        return path

    def grab(self, x, y, width, height):
        """The screen rectangle at (@x, @y), in screen coordinates."""
        result = subprocess.run(['import', '-window', 'root', '-crop', f'{width}x{height}+{x}+{y}',
                                 '-depth', '8', 'ppm:-'], capture_output=True, timeout=_scaled(20))
        if result.returncode != 0:
            fail(f'import could not read the screen: {result.stderr.decode(errors="replace")}')
        return _parse_ppm(result.stdout)

    def pixel(self, x, y):
        return self.grab(x, y, 1, 1).get(0, 0)
