// gcj02-to-wgs84.js — convert [lon, lat] pairs from GCJ-02 to WGS 84 with gcoord
//
// Copyright 2026 The Chengyu Atlas authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage: node gcj02-to-wgs84.js GCOORD_PACKAGE_DIR < points.json > converted.json
//
// Reads a JSON array of [lon, lat] pairs on standard input and writes the same
// pairs converted by the npm package gcoord (MIT licence, by Jiulong Hu), which
// inverts China's GCJ-02 obfuscation.  Used by make-basemap.py and by
// build-aux/dataset/ so that every outline and every line traced along one is in
// the WGS 84 of the base map's GSHHG rivers and of the map tiles.
'use strict';

const path = require('path');
const gcoord = require(path.resolve(process.argv[2]));

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const points = JSON.parse(input);
  const out = points.map((p) => gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.WGS84));
  process.stdout.write(JSON.stringify(out));
});
