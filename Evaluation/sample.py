#!/usr/bin/env python3
"""Draw a seeded random sample of findings for judging, per rule and direction.

    python3 Evaluation/sample.py --seed 1 [--per-rule 20] [--findings Evaluation/out/findings.jsonl]
                                 [--out DIR] [--exclude-judged] [--markdown]

Per rule and direction: every finding when the rule has fewer than --per-rule, otherwise
min(count, per-rule + floor(sqrt(count))) findings (at least 20, more for the rules that fire
most). Each group is drawn with its own generator seeded by (seed, rule, direction) from the
findings sorted by key, so one rule's sample does not change when another rule's findings do.
--exclude-judged leaves out findings whose key is already in Evaluation/judged.tsv (a fresh
sample after a change).

Writes DIR/RULE.tsv (default DIR: Evaluation/out/sample-seed-N/), one file per rule, columns:
key, direction, rule, file, line, column, source, target, flags (the PO entry's `#,` flags, such as
fuzzy), text, message, suggestion, verdict, reason, suggestion_ok. In cells, a backslash is written \\\\, a tab \\t, a line feed \\n and a
carriage return \\r, so each finding is one line. --markdown also writes DIR/RULE.md for reading.
"""
from __future__ import annotations

import argparse
import collections
import json
import math
import pathlib
import random

HERE = pathlib.Path(__file__).resolve().parent
COLUMNS = ["key", "direction", "rule", "file", "line", "column", "source", "target", "flags", "text", "message",
           "suggestion", "verdict", "reason", "suggestion_ok"]


def cell(value) -> str:
    if value is None:
        return ""
    s = str(value)
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def uncell(s: str) -> str:
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append({"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}.get(s[i + 1], "\\" + s[i + 1]))
            i += 2
        else:
            out.append(s[i]); i += 1
    return "".join(out)


def read_findings(path: pathlib.Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def read_tsv(path: pathlib.Path) -> list[dict]:
    """Rows of a TSV with a header line, cells unescaped; lines starting with # are comments."""
    rows, header = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        cols += [""] * (len(header) - len(cols))
        rows.append({h: uncell(c) for h, c in zip(header, cols)})
    return rows


def sample_size(count: int, per_rule: int) -> int:
    if count < per_rule:
        return count
    return min(count, per_rule + math.isqrt(count))


def draw(findings: list[dict], seed: int, per_rule: int, exclude: set[str] = frozenset()) -> dict:
    groups = collections.defaultdict(list)
    for r in findings:
        if r["key"] not in exclude:
            groups[(r["rule"], r["direction"])].append(r)
    out = {}
    for (rule, direction), rs in sorted(groups.items()):
        rs.sort(key=lambda r: r["key"])
        rng = random.Random(f"{seed}:{rule}:{direction}")
        picked = rng.sample(rs, sample_size(len(rs), per_rule))
        picked.sort(key=lambda r: (r["file"], r["line"], r["column"], r["key"]))
        out[(rule, direction)] = (len(rs), picked)
    return out


def row(r: dict) -> list[str]:
    sugg = " | ".join(r.get("suggestions") or [])
    return [r["key"], r["direction"], r["rule"], r["file"], str(r["line"]), str(r["column"]), cell(r.get("source")),
            cell(r.get("target")), cell(r.get("flags")), cell(r.get("text")), cell(r.get("message")), cell(sugg), "", "", ""]


def markdown(rule: str, groups: list) -> str:
    lines = [f"# {rule}: sample to judge", ""]
    for direction, count, picked in groups:
        lines += [f"## {direction}: {len(picked)} of {count} findings", ""]
        for n, r in enumerate(picked, 1):
            lines += [f"### {n}. `{r['file']}:{r['line']}:{r['column']}`", "",
                      f"- key: `{r['key']}`",
                      f"- finding: `{r.get('text')!r}` ({r.get('side')}) — {r.get('message')}",
                      f"- suggestion: {' | '.join(r.get('suggestions') or []) or '—'}",
                      f"- source: {r.get('source')!r}", f"- target: {r.get('target')!r}",
                      f"- flags: {r.get('flags') or '—'}", ""]
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--per-rule", type=int, default=20)
    ap.add_argument("--findings", type=pathlib.Path, default=HERE / "out" / "findings.jsonl")
    ap.add_argument("--judged", type=pathlib.Path, default=HERE / "judged.tsv")
    ap.add_argument("--exclude-judged", action="store_true")
    ap.add_argument("--out", type=pathlib.Path)
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args()
    out = a.out or HERE / "out" / f"sample-seed-{a.seed}"
    out.mkdir(parents=True, exist_ok=True)
    exclude = {r["key"] for r in read_tsv(a.judged)} if a.exclude_judged and a.judged.exists() else set()
    samples = draw(read_findings(a.findings), a.seed, a.per_rule, exclude)
    by_rule = collections.defaultdict(list)
    for (rule, direction), (count, picked) in samples.items():
        by_rule[rule].append((direction, count, picked))
    for rule, groups in sorted(by_rule.items()):
        with open(out / f"{rule}.tsv", "w", encoding="utf-8") as f:
            f.write("\t".join(COLUMNS) + "\n")
            for direction, count, picked in groups:
                for r in picked:
                    f.write("\t".join(row(r)) + "\n")
        if a.markdown:
            (out / f"{rule}.md").write_text(markdown(rule, groups), encoding="utf-8")
        print(f"{rule:22} " + ", ".join(f"{d}: {len(p)} of {c}" for d, c, p in groups))
    print(f"samples in {out}")


if __name__ == "__main__":
    main()
