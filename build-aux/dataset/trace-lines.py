#!/usr/bin/env python3
# trace-lines.py — draw the bundled dataset's routes and Liangjiang's outline along the base map
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Python 3 standard library only.
#
# The water routes of the bundled dataset run on rivers, and Liangjiang New Area's
# hand-drawn outline follows the Jialing and the Yangtze; both are traced here along
# the named river lines of the offline base map (data/basemap/chengyu-basemap.bin,
# GSHHG rivers in WGS 84), so that they lie on the rivers the map draws:
#
#   guangan-guoyuan-route    down the Qu from Guang'an to Hechuan, the Jialing to
#                            Chaotianmen and the Yangtze to Guoyuan Port;
#   guangyuan-guoyuan-route  down the Jialing from Guangyuan, then the Yangtze;
#   liangjiang-new-area      (district) the Jialing from north of Lijia down to
#                            Chaotianmen and the Yangtze down past Guoyuan, closed
#                            by hand-placed points along the hills to the east and
#                            north (good to a few kilometres there);
#   hechuan-tongnan-anyue-expressway  a smooth curve through hand-placed waypoints
#                            from Shuangjiang to Chongkan, ending on Tongnan's
#                            outline (the Sichuan–Chongqing boundary).
#
# Each path is the shortest way through the river network between the points nearest
# its ends, simplified to TOLERANCE_M metres.  Rerun after the base map or
# data/geo/districts.geojson changes; running it twice gives the same file.
#
# Usage:  build-aux/dataset/trace-lines.py [DATASET]

import heapq
import importlib.util
import math
import os
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import atlasjson  # noqa: E402

ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DATASET = os.path.join(ROOT, "data", "chengdu-chongqing.atlas.json")
BASEMAP = os.path.join(ROOT, "data", "basemap", "chengyu-basemap.bin")
OUTLINES = os.path.join(ROOT, "data", "geo", "districts.geojson")
TOLERANCE_M = 60.0
JOIN_M = 400.0  # river lines closer than this at a confluence are joined
DIGITS = 5

RIVERS = ("Qu River", "Jialing River", "Yangtze River")
GUANGAN = (106.633, 30.456)
GUANGYUAN = (105.843, 32.435)
GUOYUAN = (106.775, 29.620)
LIANGJIANG_NORTH_ON_JIALING = (106.462, 29.800)
LIANGJIANG_EAST_ON_YANGTZE = (106.800, 29.596)
# Counter-clockwise from the Yangtze east of Guoyuan round to the Jialing north of
# Lijia: the hills east of Longxing and a line north of Shuitu and Fuxing.
LIANGJIANG_HAND = [(106.860, 29.640), (106.900, 29.700), (106.880, 29.760), (106.800, 29.805),
                   (106.680, 29.845), (106.580, 29.860), (106.500, 29.840)]
# Shuangjiang interchange (west of Tongnan town) to Chongkan, from the town names.
EXPRESSWAY = [(105.775, 30.190), (105.740, 30.183), (105.700, 30.172), (105.660, 30.160),
              (105.620, 30.150), (105.585, 30.140)]
TONGNAN_ADCODE = "500152"
# Each line's marker goes to the vertex of the line nearest this point.
MARKERS = {
    "guangan-guoyuan-route": (106.52, 30.28),     # on the Qu below Guang'an
    "guangyuan-guoyuan-route": (106.09, 30.79),   # on the Jialing at Nanchong
    "hechuan-tongnan-anyue-expressway": (105.68, 30.168),
}


def load_dump_module():
    path = os.path.join(ROOT, "build-aux", "basemap", "dump-basemap.py")
    spec = importlib.util.spec_from_file_location("dump_basemap", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def km(a, b):
    c = math.cos(math.radians((a[1] + b[1]) / 2))
    return math.hypot((a[0] - b[0]) * c, a[1] - b[1]) * 111.2


def river_lines(path=BASEMAP):
    """{name: [[(lon, lat)…]…]}: the finest version of each named river in RIVERS."""
    dump = load_dump_module()
    features, _ = dump.read_basemap(path)
    best = {}
    for f in features:
        if f["kind"] == 6 and f["name"] in RIVERS and f["max_zoom"] == 255:
            if f["name"] not in best or f["min_zoom"] > best[f["name"]]["min_zoom"]:
                best[f["name"]] = f
    missing = [n for n in RIVERS if n not in best]
    if missing:
        raise SystemExit("trace-lines: the base map has no line for %s" % ", ".join(missing))
    return {n: [[dump.unmerc(x, y) for x, y in part] for part in f["parts"]] for n, f in best.items()}


class Network:
    """The river lines as a graph; confluences joined within JOIN_M."""

    def __init__(self, lines):
        self.nodes, self.index, self.edges = [], {}, {}
        for parts in lines.values():
            for part in parts:
                prev = None
                for p in part:
                    q = self.node(p)
                    if prev is not None and prev != q:
                        self.link(prev, q)
                    prev = q
        ends = [self.node(part[i]) for parts in lines.values() for part in parts for i in (0, -1)]
        for a in ends:
            near = min((b for b in range(len(self.nodes)) if b != a and b not in self.edges.get(a, {})),
                       key=lambda b: km(self.nodes[a], self.nodes[b]))
            if km(self.nodes[a], self.nodes[near]) * 1000 < JOIN_M:
                self.link(a, near)

    def node(self, p):
        key = (round(p[0], 6), round(p[1], 6))
        if key not in self.index:
            self.index[key] = len(self.nodes)
            self.nodes.append(key)
        return self.index[key]

    def link(self, a, b):
        d = km(self.nodes[a], self.nodes[b])
        self.edges.setdefault(a, {})[b] = d
        self.edges.setdefault(b, {})[a] = d

    def nearest(self, p):
        return min(range(len(self.nodes)), key=lambda i: km(self.nodes[i], p))

    def path(self, a, b):
        start, goal = self.nearest(a), self.nearest(b)
        dist, prev, heap = {start: 0.0}, {}, [(0.0, start)]
        while heap:
            d, u = heapq.heappop(heap)
            if u == goal:
                break
            if d > dist[u]:
                continue
            for v, w in self.edges.get(u, {}).items():
                if d + w < dist.get(v, math.inf):
                    dist[v], prev[v] = d + w, u
                    heapq.heappush(heap, (d + w, v))
        if goal not in dist:
            raise SystemExit("trace-lines: no river path from %s to %s" % (a, b))
        out = [goal]
        while out[-1] != start:
            out.append(prev[out[-1]])
        return [self.nodes[i] for i in reversed(out)]


def simplify(points, tol_m=TOLERANCE_M):
    """Douglas–Peucker in local metres."""
    if len(points) < 3:
        return list(points)
    c = math.cos(math.radians(sum(p[1] for p in points) / len(points)))
    xy = [(p[0] * c * 111200.0, p[1] * 111200.0) for p in points]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        (ax, ay), (bx, by) = xy[i], xy[j]
        dx, dy = bx - ax, by - ay
        length2 = dx * dx + dy * dy
        worst, at = 0.0, -1
        for k in range(i + 1, j):
            px, py = xy[k]
            t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
            d = math.hypot(px - ax - t * dx, py - ay - t * dy)
            if d > worst:
                worst, at = d, k
        if worst > tol_m:
            keep[at] = True
            stack += [(i, at), (at, j)]
    return [p for p, k in zip(points, keep) if k]


def rounded(points):
    out = []
    for p in points:
        q = [round(p[0], DIGITS), round(p[1], DIGITS)]
        if not out or out[-1] != q:
            out.append(q)
    return out


def catmull_rom(points, steps=4):
    """A smooth curve through every waypoint, `steps` segments between two."""
    pts = [points[0]] + list(points) + [points[-1]]
    out = []
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        for s in range(steps):
            t = s / steps
            out.append(tuple(0.5 * (2 * p1[k] + (-p0[k] + p2[k]) * t + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t * t
                                    + (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * t ** 3) for k in (0, 1)))
    out.append(points[-1])
    return out


def tongnan_boundary_point(near):
    outlines = atlasjson.load(OUTLINES)
    for f in outlines["features"]:
        if str(f["properties"].get("adcode")) == TONGNAN_ADCODE:
            g = f["geometry"]
            polygons = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
            return min((tuple(p) for poly in polygons for p in poly[0]), key=lambda p: km(p, near))
    raise SystemExit("trace-lines: no outline for Tongnan (%s)" % TONGNAN_ADCODE)


def main(argv):
    dataset_path = argv[0] if argv else DATASET
    data = atlasjson.load(dataset_path)
    net = Network(river_lines())
    locations = {l["id"]: l for l in data["locations"]}
    districts = {d["id"]: d for d in data["districts"]}

    for lid, start in (("guangan-guoyuan-route", GUANGAN), ("guangyuan-guoyuan-route", GUANGYUAN)):
        line = rounded(simplify(net.path(start, GUOYUAN)))
        locations[lid]["geometry"] = {"type": "LineString", "coordinates": line}
        print("trace-lines: %s: %d points" % (lid, len(line)))

    river = simplify(net.path(LIANGJIANG_NORTH_ON_JIALING, LIANGJIANG_EAST_ON_YANGTZE))
    ring = rounded(river + LIANGJIANG_HAND)
    ring.append(list(ring[0]))
    districts["liangjiang-new-area"]["geometry"] = {"type": "Polygon", "coordinates": [ring]}
    print("trace-lines: liangjiang-new-area: %d points, %d of them on the rivers" % (len(ring), len(river)))

    waypoints = EXPRESSWAY[:-1] + [tongnan_boundary_point(EXPRESSWAY[-1])]
    line = rounded(catmull_rom(waypoints))
    locations["hechuan-tongnan-anyue-expressway"]["geometry"] = {"type": "LineString", "coordinates": line}
    print("trace-lines: hechuan-tongnan-anyue-expressway: %d points" % len(line))

    for lid, near in MARKERS.items():
        line = locations[lid]["geometry"]["coordinates"]
        locations[lid]["point"] = list(min(line, key=lambda p: km(p, near)))

    atlasjson.save(dataset_path, data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
