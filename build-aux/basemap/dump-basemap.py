#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Read data/basemap/chengyu-basemap.bin back and print what it holds:
features, parts and points per kind, zoom ranges, labels per kind and the
bounding box (normalised Web-Mercator and lon/lat).

    build-aux/basemap/dump-basemap.py [FILE] [--names] [--features]
"""

import argparse
import collections
import math
import os
import struct
import sys

KINDS = {1: "coast", 2: "national border", 3: "province border", 4: "prefecture border",
         5: "district border", 6: "river", 7: "lake/reservoir", 8: "province area",
         9: "district area"}
LABEL_KINDS = {1: "capital/municipality", 2: "prefecture city", 3: "district/county",
               4: "town", 5: "river", 6: "mountain/other"}


class Reader:
    def __init__(self, data):
        self.d, self.o = data, 0

    def take(self, fmt):
        v = struct.unpack_from("<" + fmt, self.d, self.o)
        self.o += struct.calcsize("<" + fmt)
        return v

    def string(self):
        (n,) = self.take("H")
        s = self.d[self.o:self.o + n].decode("utf-8")
        self.o += n
        return s


def read_basemap(path):
    """Returns (features, labels).  A feature is a dict with kind, min_zoom,
    max_zoom, width, name, name_zh, parts (lists of (x, y)); a label is a
    dict with x, y, kind, min_zoom, name, name_zh."""
    with open(path, "rb") as f:
        r = Reader(f.read())
    if r.d[:8] != b"CYBASE01":
        raise SystemExit("%s: bad magic %r" % (path, r.d[:8]))
    r.o = 8
    (n,) = r.take("I")
    feats = []
    for _ in range(n):
        kind, z0, z1, w = r.take("BBBB")
        name, name_zh = r.string(), r.string()
        (np_,) = r.take("I")
        parts = []
        for _ in range(np_):
            (k,) = r.take("I")
            flat = r.take("%df" % (2 * k))
            parts.append(list(zip(flat[0::2], flat[1::2])))
        feats.append(dict(kind=kind, min_zoom=z0, max_zoom=z1, width=w, name=name,
                          name_zh=name_zh, parts=parts))
    (nl,) = r.take("I")
    labels = []
    for _ in range(nl):
        x, y, kind, z0 = r.take("ffBB")
        name, name_zh = r.string(), r.string()
        labels.append(dict(x=x, y=y, kind=kind, min_zoom=z0, name=name, name_zh=name_zh))
    if r.o != len(r.d):
        raise SystemExit("%s: %d trailing bytes" % (path, len(r.d) - r.o))
    return feats, labels


def unmerc(x, y):
    lon = x * 360.0 - 180.0
    lat = math.degrees(math.atan(math.sinh(math.pi * (1.0 - 2.0 * y))))
    return lon, lat


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("file", nargs="?", default=os.path.join(here, "..", "..", "data", "basemap", "chengyu-basemap.bin"))
    ap.add_argument("--names", action="store_true", help="list the named features and all labels")
    ap.add_argument("--features", action="store_true", help="list every feature")
    a = ap.parse_args()
    feats, labels = read_basemap(a.file)
    print("%s: %d bytes, %d features, %d labels" % (a.file, os.path.getsize(a.file), len(feats), len(labels)))
    st = collections.OrderedDict()
    x0 = y0 = 1e9
    x1 = y1 = -1e9
    bad = 0
    for f in feats:
        s = st.setdefault(f["kind"], [0, 0, 0, set(), set()])
        s[0] += 1
        s[1] += len(f["parts"])
        s[2] += sum(len(p) for p in f["parts"])
        s[3].add((f["min_zoom"], f["max_zoom"]))
        if f["name"]:
            s[4].add(f["name"])
        for p in f["parts"]:
            if f["kind"] in (7, 8, 9) and p[0] != p[-1]:
                bad += 1
            for x, y in p:
                x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
    print("kind  what                 features  parts  points  zoom ranges")
    for k in sorted(st):
        s = st[k]
        zr = " ".join("%d-%s" % (a_, "" if b == 255 else b) for a_, b in sorted(s[3]))
        print("%4d  %-19s %9d %6d %7d  %s" % (k, KINDS.get(k, "?"), s[0], s[1], s[2], zr))
    if bad:
        print("WARNING: %d polygon rings are not closed" % bad)
    lc = collections.Counter(l["kind"] for l in labels)
    print("labels: " + ", ".join("%d %s: %d" % (k, LABEL_KINDS.get(k, "?"), lc[k]) for k in sorted(lc)))
    for l in labels:
        x0, y0, x1, y1 = min(x0, l["x"]), min(y0, l["y"]), max(x1, l["x"]), max(y1, l["y"])
    lo0, la1 = unmerc(x0, y0)
    lo1, la0 = unmerc(x1, y1)
    print("bbox (normalised): x %.6f .. %.6f, y %.6f .. %.6f" % (x0, x1, y0, y1))
    print("bbox (lon/lat):    lon %.4f .. %.4f, lat %.4f .. %.4f" % (lo0, lo1, la0, la1))
    if a.features:
        for f in feats:
            print("  kind %d z %d-%d w %d %-20s %s parts=%d points=%d" % (
                f["kind"], f["min_zoom"], f["max_zoom"], f["width"], f["name"], f["name_zh"],
                len(f["parts"]), sum(len(p) for p in f["parts"])))
    if a.names:
        names = sorted({(f["kind"], f["name"], f["name_zh"]) for f in feats if f["name"]})
        for k, n, z in names:
            print("  feature kind %d: %s %s" % (k, n, z))
        for l in sorted(labels, key=lambda l: (l["kind"], l["min_zoom"], l["name"])):
            lon, lat = unmerc(l["x"], l["y"])
            print("  label kind %d z>=%-2d %-28s %-12s %.3f %.3f" % (l["kind"], l["min_zoom"], l["name"], l["name_zh"], lon, lat))


if __name__ == "__main__":
    sys.exit(main())
