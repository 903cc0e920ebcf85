# atlasjson.py — write a Chengyu Atlas dataset in the layout the repository uses
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Python 3 standard library only.  The layout is deterministic: the same data always
# gives the same bytes, so scripts that rewrite the dataset can be re-run safely.
#
#   * objects and arrays of objects are indented by two spaces;
#   * arrays of numbers (a point, a position) and short arrays of strings stay on
#     one line;
#   * arrays of positions (geometry rings and lines) are wrapped at about 100
#     columns, several positions to a line.

import json

WIDTH = 100


def _scalar(value):
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("NaN and infinities are not JSON")
        if value == int(value) and abs(value) < 1e15:
            return repr(float(value))  # keep a float a float: 106.0
        return repr(value)
    return json.dumps(value, ensure_ascii=False)


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_position(value):
    return isinstance(value, list) and 2 <= len(value) <= 3 and all(_is_number(v) for v in value)


def _inline(value):
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(_scalar(k) + ": " + _inline(v) for k, v in value.items()) + "}"
    return _scalar(value)


def _emit(value, indent, out):
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        out.append("{\n")
        items = list(value.items())
        for i, (key, item) in enumerate(items):
            out.append(pad + "  " + _scalar(key) + ": ")
            _emit(item, indent + 1, out)
            out.append(",\n" if i + 1 < len(items) else "\n")
        out.append(pad + "}")
    elif isinstance(value, list):
        if not value:
            out.append("[]")
        elif all(_is_number(v) for v in value):
            out.append(_inline(value))
        elif all(_is_position(v) for v in value):
            # A ring or a line: positions wrapped to the width.
            parts = [_inline(v) for v in value]
            lines, line = [], ""
            for part in parts:
                candidate = part if not line else line + ", " + part
                if line and len(pad) + 2 + len(candidate) > WIDTH:
                    lines.append(line + ",")
                    line = part
                else:
                    line = candidate
            lines.append(line)
            out.append("[\n" + "".join(pad + "  " + l + "\n" for l in lines) + pad + "]")
        elif all(isinstance(v, str) for v in value) and len(pad) + len(_inline(value)) < WIDTH - 20:
            out.append(_inline(value))
        else:
            out.append("[\n")
            for i, item in enumerate(value):
                out.append(pad + "  ")
                _emit(item, indent + 1, out)
                out.append(",\n" if i + 1 < len(value) else "\n")
            out.append(pad + "]")
    else:
        out.append(_scalar(value))


def dumps(data):
    """The dataset as text, ending with a newline."""
    out = []
    _emit(data, 0, out)
    return "".join(out) + "\n"


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def save(path, data):
    text = dumps(data)
    json.loads(text)  # never write something that does not parse
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
