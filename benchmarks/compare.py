#!/usr/bin/env python3
# compare.py
#
# Copyright 2026 The Chengyu Atlas authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Compares two `atlas-bench --json` files, e.g. before and after a commit.

Usage: compare.py BEFORE.json AFTER.json [--threshold PERCENT]

Prints every (task, size) found in both with the two medians and the change, and
marks changes beyond the threshold (default 10 %) that lie outside the spread of
the earlier run, so that noise is not taken for a regression.
"""

import argparse
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if data.get("format") != "atlas-bench/1":
        sys.exit("%s: not an atlas-bench JSON file" % path)
    return data, {(row["task"], row["size"]): row for row in data["rows"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--threshold", type=float, default=10.0)
    args = parser.parse_args()

    before_data, before = load(args.before)
    after_data, after = load(args.after)
    for label, data in (("before", before_data), ("after", after_data)):
        machine = data["machine"]
        print("%-6s %s  %s, %d cores, %s" % (label, data["date"], machine["cpu"],
                                              machine["cores"], machine["os"]))
    print()

    width = max((len(task) for task, _ in after), default=4)
    print("%-*s  %-7s  %10s  %10s  %8s" % (width, "task", "size", "before", "after", "change"))
    worse = 0
    for key, row in after.items():
        if key not in before:
            continue
        old = before[key]
        if old["median"] == 0:
            continue
        change = (row["median"] - old["median"]) / old["median"] * 100
        mark = ""
        outside = row["median"] > old["max"] or row["median"] < old["min"]
        if abs(change) >= args.threshold and (outside or old["min"] == old["max"]):
            # Smaller is better for every unit the benchmark records.
            mark = "  worse" if change > 0 else "  better"
            worse += change > 0
        print("%-*s  %-7s  %10.4g  %10.4g  %+7.1f%%%s" % (
            width, key[0], key[1], old["median"], row["median"], change, mark))
    return 1 if worse else 0


if __name__ == "__main__":
    sys.exit(main())
