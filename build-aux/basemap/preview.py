#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Render chengyu-basemap.bin to an SVG (and a PNG if rsvg-convert or
ImageMagick's convert is installed), the way the app would at one zoom level.

    build-aux/basemap/preview.py --zoom 7 --bbox 101.5,27.5,110.5,33.5 -o /tmp/region.png
    build-aux/basemap/preview.py --zoom 11 --bbox 106.35,29.40,106.75,29.70 -o /tmp/cq.png

--scale enlarges the picture without changing which features are drawn.
"""

import argparse
import math
import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import importlib.util  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "dump_basemap", os.path.join(os.path.dirname(os.path.abspath(__file__)), "dump-basemap.py"))
dump = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dump)

STYLE = {  # kind: (stroke, base width, fill, dash)
    1: ("#4a7fb0", 1.0, None, None),
    2: ("#7a2e7a", 2.2, None, "8,3,2,3"),
    3: ("#8a4f8a", 1.6, None, "7,3"),
    4: ("#a07aa0", 1.0, None, "4,3"),
    5: ("#b9a3b9", 0.6, None, "2,2"),
    6: ("#5b8fc7", 0.5, None, None),
    7: ("#5b8fc7", 0.5, "#b5d0ea", None),
    8: (None, 0, "#f1eee6", None),
    9: ("none", 0, None, None),
}
LABEL = {1: (15, "bold", "#222"), 2: (12, "bold", "#333"), 3: (10, "normal", "#555"),
         4: (9, "normal", "#555"), 5: (10, "italic", "#2f5f9a"), 6: (10, "normal", "#7a5a2a")}


def merc(lon, lat):
    r = math.radians(lat)
    return (lon + 180.0) / 360.0, (1.0 - math.log(math.tan(r) + 1.0 / math.cos(r)) / math.pi) / 2.0


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--file", default=os.path.join(here, "..", "..", "data", "basemap", "chengyu-basemap.bin"))
    ap.add_argument("--zoom", type=int, default=7)
    ap.add_argument("--bbox", default="101.5,27.5,110.5,33.5", help="lon0,lat0,lon1,lat1")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--zh", action="store_true", help="also print the Chinese names (needs a CJK font)")
    ap.add_argument("--no-labels", action="store_true")
    ap.add_argument("-o", "--output", default="/tmp/basemap-preview.png")
    a = ap.parse_args()
    feats, labels = dump.read_basemap(a.file)
    lon0, lat0, lon1, lat1 = [float(v) for v in a.bbox.split(",")]
    x0, y0 = merc(lon0, lat1)
    x1, y1 = merc(lon1, lat0)
    k = 256.0 * (1 << a.zoom) * a.scale
    W, H = int((x1 - x0) * k), int((y1 - y0) * k)

    def P(x, y):
        return "%.1f,%.1f" % ((x - x0) * k, (y - y0) * k)

    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="DejaVu Sans, sans-serif">' % (W, H),
           '<rect width="100%" height="100%" fill="#fbfaf7"/>']
    z = a.zoom
    vis = [f for f in feats if f["min_zoom"] <= z <= f["max_zoom"]]
    for f in vis:  # file order is drawing order
        stroke, bw, fill, dash = STYLE[f["kind"]]
        if f["kind"] == 9:
            continue
        if f["kind"] in (7, 8):
            d = " ".join("M" + " L".join(P(*q) for q in p) + " Z" for p in f["parts"])
            out.append('<path d="%s" fill="%s" fill-rule="evenodd" stroke="%s" stroke-width="%.1f"/>' % (
                d, fill, stroke or "none", bw * a.scale))
            continue
        w = bw * a.scale
        if f["kind"] == 6:
            w = (0.5 + 0.8 * f["width"]) * a.scale * (1.0 if z < 9 else 1.5)
        for p in f["parts"]:
            out.append('<polyline fill="none" stroke="%s" stroke-width="%.2f" stroke-linejoin="round"%s points="%s"/>' % (
                stroke, w, ' stroke-dasharray="%s"' % dash if dash else "", " ".join(P(*q) for q in p)))
    for l in ([] if a.no_labels else labels):
        if l["min_zoom"] > z or not (x0 <= l["x"] <= x1 and y0 <= l["y"] <= y1):
            continue
        size, weight, col = LABEL[l["kind"]]
        size *= a.scale
        text = l["name"] + (" " + l["name_zh"] if a.zh else "")
        style = 'font-style="italic"' if weight == "italic" else 'font-weight="%s"' % weight
        cx, cy = P(l["x"], l["y"]).split(",")
        if l["kind"] in (1, 2, 3, 4):
            out.append('<circle cx="%s" cy="%s" r="%.1f" fill="%s"/>' % (cx, cy, 2.5 * a.scale if l["kind"] < 3 else 1.2 * a.scale, col))
        out.append('<text x="%s" y="%.1f" font-size="%.1f" %s fill="%s" text-anchor="middle" '
                   'stroke="#fbfaf7" stroke-width="%.1f" paint-order="stroke">%s</text>' % (
                       cx, float(cy) - 4 * a.scale, size, style, col, 2.5 * a.scale, esc(text)))
    out.append("</svg>")
    svg = os.path.splitext(a.output)[0] + ".svg"
    with open(svg, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    if a.output.endswith(".png"):
        if shutil.which("rsvg-convert"):
            subprocess.run(["rsvg-convert", svg, "-o", a.output], check=True)
        elif os.path.exists("/usr/bin/convert"):
            subprocess.run(["/usr/bin/convert", svg, a.output], check=True)
        else:
            print("no SVG renderer (apt-get install librsvg2-bin or imagemagick); wrote %s" % svg)
            return
    print("%s: %dx%d px, zoom %d, %d features drawn" % (a.output, W, H, z, len(vis)))


if __name__ == "__main__":
    main()
