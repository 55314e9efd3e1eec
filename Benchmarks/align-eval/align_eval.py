#!/usr/bin/env python3
"""Precision and recall of Termlint's sentence alignment on the TICO-19 en-ru documents.

Data: ../shared/corpus/tmx/tico19_all.en-ru.tmx (TICO-19 benchmark, CC0): 3,071 gold 1-1
sentence pairs in 31 documents (tuid "DOC:N"). The CMU fragments (CMU_1, one utterance per
unit, no prose) are left out, which leaves the 30 prose documents.

For every document and setting, the script writes the Russian and the English side as two plain
text files, runs `termlint align --format json` on them (Termlint does its own sentence
segmentation from paragraphs), maps every aligned sentence back to the gold units it overlaps,
and counts sentence links: a bead links every gold unit on its Russian side with every gold
unit on its English side. Precision and recall are micro-averaged over all documents.

Rebuilding the documents:
  * units are grouped into paragraphs of 5 consecutive units (blank line between paragraphs),
    the units of a paragraph joined by one space;
  * a unit pair where either side does not end with sentence punctuation (. ! ? … possibly
    followed by a closing quote or bracket) or starts with a lower-case letter was a heading,
    list item or table cell in the original document (156 of the 2,930 pairs); it is written as
    its own block (blank lines around it) on both sides, as it would stand in a Markdown
    article. `--strict` joins them into the paragraph like every other unit instead (text no
    real article has: "… a daily highest Yesterday, Bangladesh …").

Settings:
  plain   the gold alignment is 1-1.
  merged  in every 5-unit paragraph the 2nd and 3rd Russian units are merged into ONE sentence
          in the text itself: the 2nd unit's final punctuation is replaced by a semicolon
          ("…, сообщил он; Это …"), so Termlint's segmenter sees one sentence. The gold links of
          the merged unit are both English units (a 1-2 bead).

Reference (hunalign, given the gold segmentation, one sentence per line):
  plain  P 1.000 R 0.999;  merged  P 0.943 R 0.932.

Usage: Benchmarks/align-eval/align_eval.py [--termlint PATH] [--tmx PATH] [--strict] [--verbose]
(build first: `swift build -c release`; the script uses .build/release/termlint when present,
else .build/debug/termlint).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FINAL = re.compile(r"[.!?…][\"'»”’)\]]*$")
HUNALIGN = {"plain": (1.000, 0.999), "merged": (0.943, 0.932)}


def read_tmx(path):
    """Returns {doc: [(n, en, ru)]} in unit order."""
    docs = {}
    for _, tu in ET.iterparse(path):
        if tu.tag != "tu":
            continue
        doc, n = tu.get("tuid").rsplit(":", 1)
        segs = {}
        for tuv in tu.findall("tuv"):
            lang = (tuv.get(XML_LANG) or tuv.get("lang") or "").lower()[:2]
            segs[lang] = " ".join("".join(tuv.find("seg").itertext()).split())
        docs.setdefault(doc, []).append((int(n), segs["en"], segs["ru"]))
        tu.clear()
    for units in docs.values():
        units.sort()
    return docs


def merge_into_one_sentence(first, second):
    """Joins two sentences into one: the first loses its final . ! ? … and gains a semicolon."""
    stripped = re.sub(r"[.!?…]+$", "", first)
    return stripped + "; " + second


def build_side(paragraphs, strict):
    """paragraphs: lists of (unit ids, text, standalone). Returns (text, {unit id: (start, end)})."""
    blocks = []
    for paragraph in paragraphs:
        current = []
        for ids, sentence, standalone in paragraph:
            if standalone and not strict:
                if current:
                    blocks.append(current)
                blocks.append([(ids, sentence)])
                current = []
            else:
                current.append((ids, sentence))
        if current:
            blocks.append(current)
    text = ""
    ranges = {}
    for b, block in enumerate(blocks):
        if b > 0:
            text += "\n\n"
        for k, (ids, sentence) in enumerate(block):
            if k > 0:
                text += " "
            start = len(text)
            text += sentence
            for unit in ids:
                ranges[unit] = (start, len(text))
    return text + "\n", ranges


def build_document(units, setting, strict, size=5):
    """Returns (ru text, ru ranges by ru unit id, en text, en ranges, gold links)."""
    en_paragraphs, ru_paragraphs, gold = [], [], set()
    for p in range(0, len(units), size):
        group = units[p:p + size]
        # A unit is a heading or list item when either side lacks final punctuation or starts
        # in lower case.
        standalone = [not (FINAL.search(en) and FINAL.search(ru)) or en[:1].islower() or ru[:1].islower()
                      for (_, en, ru) in group]
        en_paragraphs.append([((k,), en, standalone[k - p]) for k, (_, en, _) in enumerate(group, start=p)])
        ru = [((k,), ru, standalone[k - p]) for k, (_, _, ru) in enumerate(group, start=p)]
        if setting == "merged":
            ru = merge_every_five(ru)
        ru_paragraphs.append(ru)
        for k in range(p, p + len(group)):
            gold.add((k, k))
    ru_text, ru_ranges = build_side(ru_paragraphs, strict)
    en_text, en_ranges = build_side(en_paragraphs, strict)
    # A merged Russian unit is one sentence: both its gold units share its range, so links to
    # either English unit count once per English unit (the gold 1-2 bead).
    return ru_text, ru_ranges, en_text, en_ranges, gold


def merge_every_five(ru):
    """Merges the 2nd and 3rd unit of every 5 units (ids 5k+1 and 5k+2) into one sentence."""
    result = []
    k = 0
    while k < len(ru):
        ids, text, standalone = ru[k]
        unit = ids[0]
        if unit % 5 == 1 and k + 1 < len(ru) and ru[k + 1][0][0] == unit + 1:
            following = ru[k + 1]
            result.append(((unit, unit + 1), merge_into_one_sentence(text, following[1]), standalone or following[2]))
            k += 2
        else:
            result.append(ru[k])
            k += 1
    return result


def offsets(text):
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def units_of(sentence, starts, ranges):
    a = starts[sentence["line"] - 1] + sentence["column"] - 1
    b = starts[sentence["endLine"] - 1] + sentence["endColumn"] - 1
    return {u for u, (s, e) in ranges.items() if a < e and s < b}


def evaluate(termlint, docs, setting, strict, verbose, workdir, size=5):
    tp = fp = gold_total = 0
    for doc, units in docs.items():
        ru_text, ru_ranges, en_text, en_ranges, gold = build_document(units, setting, strict, size)
        ru_path = os.path.join(workdir, "%s.%s.ru.txt" % (doc, setting))
        en_path = os.path.join(workdir, "%s.%s.en.txt" % (doc, setting))
        with open(ru_path, "w", encoding="utf-8") as f:
            f.write(ru_text)
        with open(en_path, "w", encoding="utf-8") as f:
            f.write(en_text)
        run = subprocess.run(
            [termlint, "align", "--source", ru_path, "--target", en_path, "--format", "json",
             "--source-lang", "ru", "--target-lang", "en"],
            capture_output=True, text=True, cwd=workdir)
        if run.returncode != 0:
            sys.exit("termlint align failed on %s: %s" % (doc, run.stderr))
        alignment = json.loads(run.stdout)
        ru_starts, en_starts = offsets(ru_text), offsets(en_text)
        links = set()
        for bead in alignment["beads"]:
            s = set().union(*[units_of(x, ru_starts, ru_ranges) for x in bead["source"]]) if bead["source"] else set()
            t = set().union(*[units_of(x, en_starts, en_ranges) for x in bead["target"]]) if bead["target"] else set()
            links |= {(a, b) for a in s for b in t}
        # A merged Russian unit stands for two gold ids; its links are counted once per English unit.
        if setting == "merged":
            gold = {(min(group_ids(a, units)), b) for a, b in gold}
            links = {(min(group_ids(a, units)), b) for a, b in links}
        good = links & gold
        tp += len(good)
        fp += len(links - gold)
        gold_total += len(gold)
        if verbose and (links != gold):
            print("%s (%s): %d wrong, %d missing" % (doc, setting, len(links - gold), len(gold - links)))
            for a, b in sorted(links - gold)[:10]:
                print("   wrong  ru[%d] %s\n          en[%d] %s" % (a, units[a][2][:90], b, units[b][1][:90]))
            for a, b in sorted(gold - links)[:10]:
                print("   missed ru[%d] %s\n          en[%d] %s" % (a, units[a][2][:90], b, units[b][1][:90]))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / gold_total if gold_total else 0.0
    return precision, recall, tp, fp, gold_total


def group_ids(unit, units):
    """The Russian unit ids that were merged with `unit` (itself when not merged)."""
    first = unit - unit % 5 + 1
    if unit % 5 in (1, 2) and first + 1 < len(units):
        return (first, first + 1)
    return (unit,)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--termlint", help="path of the termlint binary")
    parser.add_argument("--tmx", default=os.path.join(os.path.dirname(ROOT), "shared/corpus/tmx/tico19_all.en-ru.tmx"))
    parser.add_argument("--strict", action="store_true", help="join units without final punctuation into paragraphs too")
    parser.add_argument("--verbose", action="store_true", help="list wrong and missing links per document")
    parser.add_argument("--keep", metavar="DIR", help="write the rebuilt documents into DIR and keep them")
    parser.add_argument("--paragraph-size", type=int, default=5, metavar="N",
                        help="units per paragraph, a multiple of 5 (default 5; 0: one paragraph per document)")
    args = parser.parse_args()
    termlint = os.path.abspath(args.termlint) if args.termlint else None
    if termlint is None:
        for build in ("release", "debug"):
            candidate = os.path.join(ROOT, ".build", build, "termlint")
            if os.access(candidate, os.X_OK):
                termlint = candidate
                break
    if termlint is None or not os.path.exists(args.tmx):
        sys.exit("needs a built termlint (swift build -c release) and %s" % args.tmx)
    docs = {d: u for d, u in read_tmx(args.tmx).items() if not d.startswith("CMU")}
    if args.paragraph_size < 0 or args.paragraph_size % 5:
        sys.exit("--paragraph-size must be 0 or a multiple of 5")
    size = args.paragraph_size or 10 ** 6
    print("TICO-19 en-ru: %d prose documents, %d gold sentence pairs (termlint: %s)%s%s"
          % (len(docs), sum(len(u) for u in docs.values()), os.path.relpath(termlint, ROOT),
             ", strict rebuild" if args.strict else "",
             ", paragraphs of %d units" % size if size != 5 else ""))
    print("%-8s %9s %7s   %s" % ("setting", "precision", "recall", "hunalign (gold segmentation)"))
    with tempfile.TemporaryDirectory() as temporary:
        workdir = args.keep or temporary
        os.makedirs(workdir, exist_ok=True)
        for setting in ("plain", "merged"):
            p, r, tp, fp, total = evaluate(termlint, docs, setting, args.strict, args.verbose, workdir, size)
            hp, hr = HUNALIGN[setting]
            print("%-8s %9.3f %7.3f   P %.3f R %.3f   (%d correct, %d wrong, %d gold links)"
                  % (setting, p, r, hp, hr, tp, fp, total))


if __name__ == "__main__":
    main()
