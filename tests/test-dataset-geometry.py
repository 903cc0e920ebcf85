#!/usr/bin/env python3
# test-dataset-geometry.py — the bundled dataset is drawn where the base map is
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Measures the bundled dataset against the offline base map, whose rivers are
# GSHHG's, in WGS 84:
#
#   * the district outlines that follow a river in Chongqing's main city must not be
#     offset from it: the best constant shift that moves them onto the river is under
#     MAX_OFFSET_M[river] (outlines left in China's GCJ-02 datum sit about 670 m off,
#     to the south-east);
#   * the water routes lie on their rivers (every point within 200 m of the base
#     map's Qu, Jialing or Yangtze);
#   * the expressway is drawn with more than six points and ends on Tongnan's
#     outline (the Sichuan–Chongqing boundary);
#   * every source carries its ichongqing.info address, and its date is the one the
#     address carries;
#   * the base map labels Mingyue Lake, the Zhongliang and Jinyun mountains, and the
#     Yangtze and the Jialing at their confluence, on their rivers.
#
# Usage: test-dataset-geometry.py SOURCE_ROOT

import importlib.util
import json
import math
import os
import re
import statistics
import sys

sys.dont_write_bytecode = True  # importing dump-basemap.py must leave the source tree clean

MAIN_CITY = (106.25, 29.35, 106.85, 29.90)
# Where the base map draws the Yangtze and the Jialing along Yuzhong's outline
# (basemap_tables.RIVER_FIXES): outlines there meet the river by construction.
YUZHONG = (106.49, 29.52, 106.60, 29.58)
NEAR_RIVER_M = 1000.0
PARALLEL_DEG = 30.0
# The outlines as published (GCJ-02) measure about 670 m off (380 m east, 550 m
# south) from both rivers together. Converted to WGS 84 they sit 157 m from the
# Yangtze, with district by district shifts of 50-250 m in every direction: no
# datum error is left. Along the Jialing 567 m remain, but there the outlines of
# both banks (Jiangbei and Shapingba, Beibei and Yubei) put the river 0.4-1 km
# south of GSHHG's line, and a datum error would have shown on the Yangtze too:
# that is the accuracy of GSHHG's WDBII rivers (1:1-3 million), not of the
# outlines, so the Jialing's bound only catches a datum error (670 m and more).
MAX_OFFSET_M = {"Yangtze River": 250.0, "Jialing River": 650.0}
MAX_ROUTE_M = 200.0
CHAOTIANMEN = (106.585, 29.566)

failures = []


def check(ok, message):
    print(("ok: " if ok else "FAIL: ") + message)
    if not ok:
        failures.append(message)


def in_box(p, box):
    return box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]


class Metres:
    """A local equirectangular frame in metres around Chongqing."""

    def __init__(self, lat0=29.6):
        self.kx = 111200.0 * math.cos(math.radians(lat0))
        self.ky = 111200.0

    def xy(self, p):
        return (p[0] * self.kx, p[1] * self.ky)


class SegmentGrid:
    """Nearest point on a set of polylines, with a grid of 0.02° cells."""

    def __init__(self, lines, frame, cell=0.02):
        self.frame, self.cell, self.grid = frame, cell, {}
        for line in lines:
            for a, b in zip(line, line[1:]):
                x0, x1 = sorted((a[0], b[0]))
                y0, y1 = sorted((a[1], b[1]))
                for i in range(int(x0 // cell), int(x1 // cell) + 1):
                    for j in range(int(y0 // cell), int(y1 // cell) + 1):
                        self.grid.setdefault((i, j), []).append((frame.xy(a), frame.xy(b)))

    def nearest(self, p, reach=1, with_heading=False):
        """(distance in m, vector to the nearest point[, heading of its segment]) or
        None beyond about one cell."""
        px, py = self.frame.xy(p)
        i0, j0 = int(p[0] // self.cell), int(p[1] // self.cell)
        best = None
        for i in range(i0 - reach, i0 + reach + 1):
            for j in range(j0 - reach, j0 + reach + 1):
                for (ax, ay), (bx, by) in self.grid.get((i, j), ()):
                    dx, dy = bx - ax, by - ay
                    l2 = dx * dx + dy * dy
                    t = 0.0 if l2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / l2))
                    vx, vy = ax + t * dx - px, ay + t * dy - py
                    d = math.hypot(vx, vy)
                    if best is None or d < best[0]:
                        best = (d, vx, vy, math.atan2(dy, dx)) if with_heading else (d, vx, vy)
        return best


def densify(line, step_m, frame):
    out = []
    for a, b in zip(line, line[1:]):
        ax, ay = frame.xy(a)
        bx, by = frame.xy(b)
        n = max(1, int(math.hypot(bx - ax, by - ay) // step_m))
        out += [(a[0] + (b[0] - a[0]) * k / n, a[1] + (b[1] - a[1]) * k / n) for k in range(n)]
    return out + [tuple(line[-1])]


def load_basemap(root):
    path = os.path.join(root, "build-aux", "basemap", "dump-basemap.py")
    spec = importlib.util.spec_from_file_location("dump_basemap", path)
    dump = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dump)
    features, labels = dump.read_basemap(os.path.join(root, "data", "basemap", "chengyu-basemap.bin"))
    rivers = {}
    for f in features:
        if f["kind"] == 6 and f["max_zoom"] == 255:
            rivers.setdefault(f["name"], []).extend([dump.unmerc(x, y) for x, y in part] for part in f["parts"])
    for label in labels:
        label["lon"], label["lat"] = dump.unmerc(label["x"], label["y"])
    return rivers, labels


def rings_of(geometry):
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [ring for polygon in polygons for ring in polygon]


def best_shift(points, grid, rounds=30):
    """The constant shift (east, north, in m) that best moves the points onto the
    lines: translation-only ICP, each round on the three quarters of the points
    nearest a line, so that outline stretches away from a river do not pull."""
    sx = sy = 0.0
    for _ in range(rounds):
        hits = []
        for lon, lat in points:
            q = (lon + sx / grid.frame.kx, lat + sy / grid.frame.ky)
            hit = grid.nearest(q)
            if hit:
                hits.append(hit)
        hits.sort()
        kept = hits[:max(1, len(hits) * 3 // 4)]
        dx = statistics.fmean(h[1] for h in kept)
        dy = statistics.fmean(h[2] for h in kept)
        sx, sy = sx + dx, sy + dy
        if math.hypot(dx, dy) < 1.0:
            break
    return sx, sy, statistics.median(h[0] for h in hits)


def river_following_points(rings, grid, frame):
    """Points every 50 m along the outline edges that follow a river: within
    NEAR_RIVER_M of it and within PARALLEL_DEG of its direction, in the main city."""
    points = []
    for ring in rings:
        for a, b in zip(ring, ring[1:]):
            ax, ay = frame.xy(a)
            bx, by = frame.xy(b)
            heading = math.atan2(by - ay, bx - ax)
            for p in densify([a, b], 50.0, frame)[:-1]:
                if not in_box(p, MAIN_CITY) or in_box(p, YUZHONG):
                    continue
                hit = grid.nearest(p, with_heading=True)
                if hit is None or hit[0] > NEAR_RIVER_M:
                    continue
                turn = abs((heading - hit[3] + math.pi / 2) % math.pi - math.pi / 2)
                if math.degrees(turn) < PARALLEL_DEG:
                    points.append(p)
    return points


def check_outlines(root, rivers, frame):
    with open(os.path.join(root, "data", "geo", "districts.geojson"), encoding="utf-8") as f:
        outlines = json.load(f)
    rings = [ring for feature in outlines["features"]
             if feature["properties"].get("level") in ("district", "county")
             and feature["properties"].get("name_zh") != "渝中区"
             for ring in rings_of(feature["geometry"])]
    for river, max_offset in MAX_OFFSET_M.items():
        lines = SegmentGrid(rivers[river], frame)
        points = river_following_points(rings, lines, frame)
        check(len(points) > 400, "%.0f km of district outline follow the %s in the main city"
              % (len(points) * 0.05, river))
        if not points:
            continue
        median_before = statistics.median(lines.nearest(p)[0] for p in points)
        sx, sy, median_after = best_shift(points, lines)
        offset = math.hypot(sx, sy)
        print("   outlines -> %s: median distance %.0f m; the best constant shift is %+.0f m east, "
              "%+.0f m north (median distance after it %.0f m)" % (river, median_before, sx, sy, median_after))
        check(offset < max_offset, "outlines along the %s are offset %.0f m from the base map's river "
              "(must be under %.0f m)" % (river, offset, max_offset))


def check_routes(data, rivers, frame):
    water = SegmentGrid([l for name in ("Qu River", "Jialing River", "Yangtze River") for l in rivers[name]], frame)
    locations = {l["id"]: l for l in data["locations"]}
    for lid in ("guangan-guoyuan-route", "guangyuan-guoyuan-route"):
        line = locations[lid]["geometry"]["coordinates"]
        d = [(water.nearest(p, reach=3) or (math.inf,))[0] for p in densify(line, 100.0, frame)]
        far = sum(1 for x in d if x > 2000.0) / len(d)
        print("   %s: %d points, median %.0f m, max %.0f m from its rivers, %.0f %% more than 2 km off"
              % (lid, len(line), statistics.median(d), max(d), 100 * far))
        check(max(d) < MAX_ROUTE_M, "%s lies on its rivers (max %.0f m, must be under %.0f m)"
              % (lid, max(d), MAX_ROUTE_M))
    road = locations["hechuan-tongnan-anyue-expressway"]["geometry"]["coordinates"]
    check(len(road) > 6, "the expressway has %d points (more than six)" % len(road))
    tongnan = [d for d in data["districts"] if d["id"] == "tongnan"][0]["geometry"]
    end = SegmentGrid(rings_of(tongnan), frame).nearest(road[-1])
    check(end is not None and end[0] < 100.0, "the expressway ends on Tongnan's outline, the "
          "Sichuan–Chongqing boundary (%.0f m)" % (end[0] if end else math.inf))


def check_sources(data):
    for s in data["sources"]:
        url = s.get("url", "")
        m = re.match(r"https://www\.ichongqing\.info/(\d{4})/(\d{2})/(\d{2})/[a-z0-9-]+/$", url)
        check(m is not None, "source %s has an ichongqing.info address (%s)" % (s["id"], url or "none"))
        if m:
            check(s["date"] == "-".join(m.groups()),
                  "source %s is dated %s, as its address says" % (s["id"], s["date"]))


def check_labels(labels, rivers, frame):
    def find(name, kind):
        return [l for l in labels if l["name"] == name and l["kind"] == kind]

    for name, zh in (("Mingyue Lake", "明月湖"), ("Zhongliang Shan", "中梁山"), ("Jinyun Shan", "缙云山")):
        found = [l for l in find(name, 6) if l["name_zh"] == zh and in_box((l["lon"], l["lat"]), MAIN_CITY)]
        check(len(found) == 1, "the base map labels %s (%s) in Chongqing's main city" % (name, zh))
    for name in ("Yangtze River", "Jialing River"):
        grid = SegmentGrid(rivers[name], frame)
        at = [l for l in find(name, 5) if frame_distance(frame, (l["lon"], l["lat"]), CHAOTIANMEN) < 3000.0]
        check(len(at) >= 1, "the base map labels the %s within 3 km of the confluence" % name)
        for l in at:
            d = grid.nearest((l["lon"], l["lat"]))[0]
            check(d < 50.0, "the %s label at the confluence lies on its river (%.0f m)" % (name, d))


def frame_distance(frame, a, b):
    ax, ay = frame.xy(a)
    bx, by = frame.xy(b)
    return math.hypot(ax - bx, ay - by)


def main():
    root = sys.argv[1]
    with open(os.path.join(root, "data", "chengdu-chongqing.atlas.json"), encoding="utf-8") as f:
        data = json.load(f)
    rivers, labels = load_basemap(root)
    frame = Metres()
    check_outlines(root, rivers, frame)
    check_routes(data, rivers, frame)
    check_sources(data)
    check_labels(labels, rivers, frame)
    print("%d check(s) failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
