#!/usr/bin/env python3
# test-dataset-wording.py — the bundled dataset says things in its own words
#
# Copyright 2026 The Chengyu Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Facts and figures of the bundled dataset come from five articles kept in
# ../shared/seeds/ beside the source tree; their sentences must not.  Fails when
# any English string of the dataset shares a run of RUN or more words with any
# article, and names the string, the article and the run.  Skipped (exit 77) with
# a message when the articles are not there.
#
# Usage: test-dataset-wording.py SOURCE_ROOT [DATASET]
# (ATLAS_SEEDS_DIR, when set, names another folder of articles.)

import json
import os
import re
import sys

RUN = 12
WORD = re.compile(r"[0-9a-z]+(?:['’][a-z]+)*")


def words(text):
    return WORD.findall(text.lower().replace("’", "'"))


def english_strings(node, path="$"):
    """Every string value except Chinese text, ids, references, dates, colours,
    addresses, and names: a place's name and an article's title are the ones the
    articles use, as a citation must."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("_zh") or key in ("id", "date", "end", "color", "url", "source",
                                              "location", "district", "kind", "license", "name"):
                continue
            if key == "title" and path.startswith("$.sources["):
                continue
            yield from english_strings(value, "%s.%s" % (path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from english_strings(value, "%s[%d]" % (path, i))
    elif isinstance(node, str):
        yield path, node


def runs(seq):
    return {tuple(seq[i:i + RUN]) for i in range(len(seq) - RUN + 1)}


def main():
    root = sys.argv[1]
    dataset = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "data", "chengdu-chongqing.atlas.json")
    seeds = os.environ.get("ATLAS_SEEDS_DIR") or os.path.join(os.path.abspath(root), "..", "shared", "seeds")
    seeds = os.path.normpath(seeds)
    if not os.path.isdir(seeds):
        print("SKIP: the articles are not in %s; nothing to compare the dataset's wording with" % seeds)
        return 77
    articles = {}
    for name in sorted(os.listdir(seeds)):
        if name.endswith(".txt"):
            with open(os.path.join(seeds, name), encoding="utf-8") as f:
                articles[name] = runs(words(f.read()))
    if not articles:
        print("SKIP: no articles (*.txt) in %s" % seeds)
        return 77
    with open(dataset, encoding="utf-8") as f:
        data = json.load(f)

    copied = 0
    checked = 0
    for path, text in english_strings(data):
        checked += 1
        mine = runs(words(text))
        for name, theirs in articles.items():
            shared = mine & theirs
            if shared:
                copied += 1
                print("%s shares %d run(s) of %d words with %s, e.g. “%s”"
                      % (path, len(shared), RUN, name, " ".join(sorted(shared)[0])))
                break
    print("%d English strings checked against %d articles: %d share a run of %d or more words"
          % (checked, len(articles), copied, RUN))
    return 1 if copied else 0


if __name__ == "__main__":
    sys.exit(main())
