#!/usr/bin/env python3
"""Precision per rule and direction from a run's findings and the judged verdicts.

    python3 Evaluation/precision.py [--findings Evaluation/out/findings.jsonl] [--judged Evaluation/judged.tsv]
    python3 Evaluation/precision.py --write-docs [--docs Documentation/Rules.md]
    python3 Evaluation/precision.py --check
    python3 Evaluation/precision.py --collect DIR --commit SHA     # judged sample files → judged.tsv

Per rule and direction: findings in this run, judged (verdicts whose key is among this run's
findings), true, precision = true / judged. Overall precision per direction is weighted by how
often each rule fires: sum(precision_r × findings_r) / sum(findings_r) over the rules with
verdicts (the share of findings this covers is printed); the error-severity rules separately.

--write-docs replaces the section between `<!-- precision:begin -->` and `<!-- precision:end -->`
in the docs file (created with the markers when missing).

--check exits 1 and lists every judged-false finding that came back and every judged-true finding
that disappeared (no finding of the same file, direction, rule and line whose text overlaps the
judged text). A false alarm is judged while it is still reported, so it is "open" until a change
removes it; `--ratchet --commit SHA` then writes SHA into its `fixed` column, and from then on
its key in a run is a regression ("came back"). --check lists the open false alarms that are gone
(to ratchet) and counts those still reported. Files that are absent (../shared) are skipped.

--collect reads RULE.tsv sample files (sample.py's columns) in DIR and appends every row with a
verdict of true or false to judged.tsv, with the commit the findings were judged at; a key already
judged is kept (a different verdict for it is reported).
"""
from __future__ import annotations

import argparse
import collections
import re
import datetime
import pathlib
import sys

from sample import cell, read_findings, read_tsv

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent
JUDGED_COLUMNS = ["key", "file", "direction", "rule", "line", "column", "text", "verdict", "reason",
                  "suggestion_ok", "commit", "fixed"]
BEGIN, END = "<!-- precision:begin -->", "<!-- precision:end -->"


def preview_rules() -> set[str]:
    """Rules off by default: the rule table of Documentation/Rules.md marks them '(preview)'."""
    path = REPO / "Documentation" / "Rules.md"
    if not path.exists():
        return set()
    return set(re.findall(r"^\| \[`([^`]+)`\]\([^)]*\) \|[^\n]*\(preview\) \|$", path.read_text(encoding="utf-8"), re.M))


PREVIEW = preview_rules()


def read_judged(path: pathlib.Path) -> list[dict]:
    rows = read_tsv(path) if path.exists() else []
    for r in rows:
        if r["verdict"] not in ("true", "false"):
            sys.exit(f"{path}: verdict must be true or false, not {r['verdict']!r} ({r['key']})")
    return rows


class Table:
    def __init__(self, findings: list[dict], judged: list[dict], exclude_rules=()):
        self.findings = [f for f in findings if f["rule"] not in exclude_rules]
        keys = {f["key"]: f for f in self.findings}
        self.count = collections.Counter((f["rule"], f["direction"]) for f in self.findings)
        self.severity = {}
        for f in self.findings:
            self.severity.setdefault(f["rule"], f["severity"])
        self.judged = collections.Counter()
        self.true = collections.Counter()
        self.stale = 0
        self.bad_suggestions = []
        self.given_up = collections.Counter()
        for j in judged:
            if j["rule"] in exclude_rules:
                continue
            if j["verdict"] == "true" and (j.get("fixed") or "").startswith("given-up"):
                self.given_up[(j["rule"], j["fixed"].split(":", 1)[-1].strip())] += 1
            if j["key"] not in keys:
                self.stale += 1
                continue
            g = (j["rule"], j["direction"])
            self.judged[g] += 1
            self.true[g] += j["verdict"] == "true"
            if j["verdict"] == "true" and j.get("suggestion_ok") == "no":
                self.bad_suggestions.append(j)
        self.directions = sorted({d for _, d in self.count})
        self.rules = sorted({r for r, _ in self.count})

    def precision(self, g):
        return self.true[g] / self.judged[g] if self.judged[g] else None

    def overall(self, direction, only_errors=False):
        """Precision of the rules on by default (preview rules left out), weighted by findings."""
        num = den = total = 0
        for (rule, d), n in self.count.items():
            if d != direction or rule in PREVIEW or (only_errors and self.severity.get(rule) != "error"):
                continue
            total += n
            p = self.precision((rule, d))
            if p is not None:
                num += p * n
                den += n
        return (num / den if den else None), den, total


def pct(p):
    return "–" if p is None else f"{100 * p:.1f} %"


def report(t: Table) -> list[str]:
    out = [f"{'rule':22} {'dir':6} {'severity':8} {'findings':>9} {'judged':>7} {'true':>5} {'precision':>10}"]
    for rule in t.rules:
        for d in t.directions:
            g = (rule, d)
            if t.count[g] == 0:
                continue
            out.append(f"{rule:22} {d:6} {t.severity[rule]:8} {t.count[g]:>9} {t.judged[g]:>7} {t.true[g]:>5} "
                       f"{pct(t.precision(g)):>10}")
    out.append("")
    for d in t.directions:
        for label, errors in (("all rules", False), ("error rules", True)):
            p, covered, total = t.overall(d, errors)
            out.append(f"overall {d} ({label}): {pct(p)} weighted by findings; rules with verdicts cover "
                       f"{covered} of {total} findings")
    if t.stale:
        out.append(f"\n{t.stale} verdicts are for findings that are not in this run (not counted)")
    if t.given_up:
        out.append("\ntrue findings given up deliberately (not counted):")
        out += [f"  {n} {rule}: {why}" for (rule, why), n in sorted(t.given_up.items())]
    if t.bad_suggestions:
        out.append(f"\n{len(t.bad_suggestions)} true findings with a wrong suggestion:")
        out += [f"  {j['key']} ({j['rule']}): {j['reason']}" for j in t.bad_suggestions]
    return out


def docs_section(t: Table, commit: str) -> str:
    lines = [BEGIN, "",
             f"Generated by `python3 Evaluation/precision.py --write-docs` from `Evaluation/judged.tsv` and a run of "
             f"the default rules over the real-world evaluation set (`Evaluation/`, findings of {commit}). Precision = "
             "true ÷ judged findings of a seeded random sample per rule and direction; see `Evaluation/README.md` and "
             "`../shared/EVALUATION.md` for how verdicts are made. – = no verdicts yet.", "",
             "| rule | direction | severity | findings | judged | true | precision |",
             "| --- | --- | --- | ---: | ---: | ---: | ---: |"]
    for rule in t.rules:
        for d in t.directions:
            g = (rule, d)
            if t.count[g]:
                sev = t.severity[rule] + (" (preview: off by default)" if rule in PREVIEW else "")
                lines.append(f"| `{rule}` | {d} | {sev} | {t.count[g]:,} | {t.judged[g]} | {t.true[g]} | "
                             f"{pct(t.precision(g))} |")
    lines += ["", "Overall: the rules on by default (preview rules left out), each rule's precision weighted by its findings.", "",
              "| direction | overall precision (weighted by findings) | error-severity rules | findings covered by verdicts |",
              "| --- | ---: | ---: | ---: |"]
    for d in t.directions:
        p, cov, tot = t.overall(d)
        pe, _, _ = t.overall(d, True)
        lines.append(f"| {d} | {pct(p)} | {pct(pe)} | {cov:,} of {tot:,} |")
    if t.given_up:
        lines += ["", "Judged-true findings the project chose not to report any more (they do not count above):", ""]
        lines += [f"- `{rule}`, {n}: {why}" for (rule, why), n in sorted(t.given_up.items())]
    lines += ["", END]
    return "\n".join(lines)


def write_docs(path: pathlib.Path, section: str):
    if path.exists():
        text = path.read_text(encoding="utf-8")
    else:
        text = ("# Precision on real translations\n\nHow often each rule's findings are right, measured on real "
                "bilingual files nobody on the project wrote (`Evaluation/`).\n\n" + BEGIN + "\n" + END + "\n")
    if BEGIN not in text or END not in text:
        sys.exit(f"{path}: no {BEGIN} … {END} markers")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    path.write_text(head + section + tail, encoding="utf-8")
    print(f"wrote the precision section of {path}")


def write_rule_figures(path: pathlib.Path, t: Table, commit: str):
    """Per rule, both directions together: findings, judged, true. `SeverityFromEvidenceTests`
    reads this file to hold each built-in rule's default severity, default status and safe
    fixes to its measured precision."""
    lines = [f"# Measured precision per rule on the evaluation set (findings of {commit}); written by",
             "# precision.py --write-docs. precision: each direction's true / judged, weighted by its findings.",
             "rule\tfindings\tjudged\ttrue\tprecision"]
    for rule in t.rules:
        n = sum(t.count[(rule, d)] for d in t.directions)
        j = sum(t.judged[(rule, d)] for d in t.directions)
        tr = sum(t.true[(rule, d)] for d in t.directions)
        num = sum(t.precision((rule, d)) * t.count[(rule, d)] for d in t.directions if t.judged[(rule, d)])
        den = sum(t.count[(rule, d)] for d in t.directions if t.judged[(rule, d)])
        lines.append(f"{rule}\t{n}\t{j}\t{tr}\t{num / den:.4f}" if den else f"{rule}\t{n}\t{j}\t{tr}\t")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {path}")


def overlaps(a: str, b: str) -> bool:
    return a == b or (a and b and (a in b or b in a))


def check(findings: list[dict], judged: list[dict], gone: list | None = None) -> list[str]:
    """Regressions; `gone` collects the open false alarms that are no longer reported."""
    keys = {f["key"] for f in findings}
    at = collections.defaultdict(list)
    for f in findings:
        at[(f["file"], f["direction"], f["rule"], f["line"])].append(f)
    problems, skipped, still_open = [], collections.Counter(), 0
    for j in judged:
        if not (REPO / j["file"]).exists():
            skipped[j["file"]] += 1
            continue
        if j["verdict"] == "false" and j.get("fixed"):
            if j["key"] in keys:
                problems.append(f"judged-false finding came back (fixed at {j['fixed']}): {j['key']} ({j['rule']}, "
                                f"{j['file']}:{j['line']}): {j['reason']}")
        elif j["verdict"] == "false":
            if j["key"] in keys:
                still_open += 1
            elif gone is not None:
                gone.append(j)
        elif j["verdict"] == "true" and (j.get("fixed") or "").startswith("given-up"):
            continue  # a true finding the project deliberately no longer reports (listed by the table)
        elif j["verdict"] == "true" and j["key"] not in keys:
            same = at.get((j["file"], j["direction"], j["rule"], int(j["line"])), [])
            if not any(overlaps(f["text"], j["text"]) for f in same):
                problems.append(f"judged-true finding disappeared: {j['key']} ({j['rule']}, {j['file']}:{j['line']}, "
                                f"text {j['text']!r}): {j['reason']}")
    for file, n in sorted(skipped.items()):
        print(f"skipped {n} verdicts: {file} is absent", file=sys.stderr)
    if still_open:
        print(f"{still_open} judged false alarms are still reported (open)")
    return problems


def ratchet(path: pathlib.Path, gone: list[dict], commit: str):
    """Writes `commit` into the `fixed` column of the open false alarms that are gone."""
    keys = {j["key"] for j in gone}
    lines = path.read_text(encoding="utf-8").split("\n")
    header = None
    for i, line in enumerate(lines):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            if "fixed" not in header:
                header.append("fixed")
                lines[i] = "\t".join(header)
            continue
        cols += [""] * (len(header) - len(cols))
        if cols[0] in keys:
            cols[header.index("fixed")] = commit
            lines[i] = "\t".join(cols)
    path.write_text("\n".join(lines), encoding="utf-8")
    print(f"marked {len(keys)} false alarms as fixed at {commit}: from now on they must not come back")


def collect(directory: pathlib.Path, judged_path: pathlib.Path, commit: str):
    judged = read_judged(judged_path)
    have = {j["key"]: j for j in judged}
    new, conflicts = [], []
    for tsv in sorted(directory.glob("*.tsv")):
        for r in read_tsv(tsv):
            v = r.get("verdict", "").strip().lower()
            if not v:
                continue
            if v not in ("true", "false"):
                sys.exit(f"{tsv}: verdict must be true or false, not {v!r} ({r['key']})")
            if not r.get("reason", "").strip():
                sys.exit(f"{tsv}: a verdict needs a one-line reason ({r['key']})")
            if r["key"] in have:
                if have[r["key"]]["verdict"] != v:
                    conflicts.append(f"{r['key']}: judged {have[r['key']]['verdict']} before, {v} in {tsv.name} (kept the first)")
                continue
            row = {"key": r["key"], "file": r["file"], "direction": r["direction"], "rule": r["rule"], "line": r["line"],
                   "column": r["column"], "text": r["text"], "verdict": v, "reason": r["reason"].strip(),
                   "suggestion_ok": (r.get("suggestion_ok") or "-").strip() or "-", "commit": commit, "fixed": ""}
            have[r["key"]] = row
            new.append(row)
    exists = judged_path.exists()
    with open(judged_path, "a", encoding="utf-8") as f:
        if not exists:
            f.write("# Judged findings of the real-world evaluation set: see Evaluation/README.md. One line per finding;\n"
                    "# cells escaped as in sample.py (\\\\ \\t \\n \\r). verdict: true | false; suggestion_ok: yes | no | -;\n"
                    "# fixed: the commit from which a judged-false finding is no longer reported (precision.py --ratchet).\n")
            f.write("\t".join(JUDGED_COLUMNS) + "\n")
        for r in new:
            f.write("\t".join(cell(r[c]) for c in JUDGED_COLUMNS) + "\n")
    print(f"added {len(new)} verdicts to {judged_path}")
    for c in conflicts:
        print("conflict: " + c)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--findings", type=pathlib.Path, default=HERE / "out" / "findings.jsonl")
    ap.add_argument("--judged", type=pathlib.Path, default=HERE / "judged.tsv")
    ap.add_argument("--exclude-rule", action="append", default=[], help="leave a rule out of the figures")
    ap.add_argument("--write-docs", action="store_true")
    ap.add_argument("--docs", type=pathlib.Path, default=REPO / "Documentation" / "Rules.md")
    ap.add_argument("--commit", help="the commit the findings come from (for --write-docs and --collect)")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--ratchet", action="store_true", help="with --commit: mark the open false alarms that are gone as fixed")
    ap.add_argument("--collect", type=pathlib.Path, metavar="DIR")
    a = ap.parse_args()
    if a.collect:
        if not a.commit:
            sys.exit("--collect needs --commit (the commit whose findings were judged)")
        collect(a.collect, a.judged, a.commit)
        return
    findings = read_findings(a.findings)
    judged = read_judged(a.judged)
    if a.check or a.ratchet:
        gone = []
        problems = check(findings, judged, gone)
        for p in problems:
            print(p)
        if a.ratchet:
            if not a.commit:
                sys.exit("--ratchet needs --commit (the commit that no longer reports them)")
            ratchet(a.judged, gone, a.commit)
        elif gone:
            print(f"{len(gone)} open false alarms are no longer reported; record them with --ratchet --commit SHA:")
            for j in gone:
                print(f"  {j['key']} ({j['rule']})")
        print(f"{len(problems)} regressions against {len(judged)} verdicts" if problems
              else f"all {len(judged)} verdicts hold")
        sys.exit(1 if problems else 0)
    t = Table(findings, judged, set(a.exclude_rule))
    print("\n".join(report(t)))
    if a.write_docs:
        commit = a.commit or "the current checkout"
        write_docs(a.docs, docs_section(t, commit))
        write_rule_figures(REPO / "Evaluation" / "precision.tsv", t, commit)


if __name__ == "__main__":
    main()
