#!/usr/bin/env python3
"""Run Termlint with its default rules over the real-world evaluation set.

    swift build -c release
    python3 Evaluation/evaluate.py [--binary .build/release/termlint] [--jobs 2]

Every file of Evaluation/manifest.tsv is linted in the direction the manifest gives
(`--source-lang/--target-lang`), with Evaluation/pipeline.yml (built-in defaults, no glossary,
fail-on never) and `--format jsonl`. Files under ../shared that are absent are skipped with a
message. The findings, each with a stable key and the source and target text of its unit, go to
Evaluation/out/findings.jsonl; the units counted per direction and origin to
Evaluation/out/units.json. Standard library only (Python 3.11).
"""
from __future__ import annotations

import argparse
import bisect
import collections
import json
import os
import pathlib
import subprocess
import sys
import xml.parsers.expat

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_BINARY = REPO / ".build" / "release" / "termlint"


# ---------------------------------------------------------------- manifest

class Entry:
    def __init__(self, path: str, source: str, target: str, origin: str):
        self.path, self.source, self.target, self.origin = path, source, target, origin

    @property
    def direction(self) -> str:
        return f"{self.source}-{self.target}"


def read_manifest(path: pathlib.Path = HERE / "manifest.tsv") -> list[Entry]:
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("path\t"):
            continue
        cols = line.split("\t")
        if len(cols) != 4:
            sys.exit(f"{path}: bad line (want 4 tab-separated columns): {line!r}")
        entries.append(Entry(*cols))
    return entries


# ---------------------------------------------------------------- stable keys

def text_hash(text: str) -> str:
    """FNV-1a (32 bits) of the UTF-8 text, 8 hex digits: simple enough to compute the same way
    in the Swift regression test (Tests/TermlintCLITests/EvaluationRegressionTests.swift)."""
    h = 0x811C9DC5
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return f"{h:08x}"


def finding_key(file: str, direction: str, rule: str, line: int, column: int, text: str) -> str:
    """file|direction|rule|line:column|hash of the finding's text. Messages are not part of it,
    so a verdict still matches after a message is reworded."""
    return f"{file}|{direction}|{rule}|{line}:{column}|{text_hash(text)}"


# ---------------------------------------------------------------- units of the files

class Unit:
    __slots__ = ("key", "start", "end", "source", "target", "translated", "flags")

    def __init__(self, key, start, end, source, target, flags=""):
        self.key, self.start, self.end, self.source, self.target = key, start, end, source, target
        self.translated = bool(target)
        self.flags = flags  # PO: the `#,` flags as written ("fuzzy, python-format")


PO_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b",
              "f": "\f", "v": "\v", "'": "'", "?": "?"}


def po_string(s: str) -> str:
    """The text of one quoted PO string (the part after the keyword)."""
    s = s.strip()
    if len(s) < 2 or s[0] != '"' or s[-1] != '"':
        return s
    s, out, i = s[1:-1], [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            out.append(PO_ESCAPES.get(s[i + 1], "\\" + s[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def read_po(path: pathlib.Path) -> list[Unit]:
    """One unit per entry, one per msgstr[n] of a plural entry (as Termlint reads PO); the
    header and obsolete (#~) entries are not units. A unit spans from its first comment line to
    its last msgstr line (1-based)."""
    raw = path.read_bytes()
    charset = "utf-8"
    head = raw[:20000].decode("ascii", "replace")
    if "charset=" in head:
        cs = head.split("charset=", 1)[1].split("\\", 1)[0].strip()
        if cs and cs.upper() != "CHARSET":
            charset = cs
    text = raw.decode(charset, "replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines()
    units: list[Unit] = []
    entry: dict | None = None
    field = None

    def flush():
        nonlocal entry
        if entry and "msgid" in entry and not entry.get("obsolete"):
            msgid, ctxt = entry["msgid"], entry.get("msgctxt")
            key = f"{ctxt}|{msgid}" if ctxt is not None else msgid
            if msgid == "" and ctxt is None:
                pass  # the header
            elif "msgid_plural" in entry:
                for n in sorted(entry.get("plural", {})):
                    src = msgid if n == 0 else entry["msgid_plural"]
                    units.append(Unit(f"{key}[{n}]", entry["start"], entry["end"], src, entry["plural"][n],
                                      entry.get("flags", "")))
            else:
                units.append(Unit(key, entry["start"], entry["end"], msgid, entry.get("msgstr", ""),
                                  entry.get("flags", "")))
        entry = None

    for no, line in enumerate(lines, 1):
        s = line.strip()
        if not s:
            flush(); field = None
            continue
        if s.startswith("#~"):
            if entry is None:
                entry = {"start": no}
            entry["obsolete"] = True
            entry["end"] = no
            continue
        if s.startswith("#"):
            if entry is not None and "msgstr" in entry or entry is not None and "plural" in entry:
                flush()
            if entry is None:
                entry = {"start": no}
            entry["end"] = no
            if s.startswith("#,"):
                flags = [x.strip() for x in s[2:].split(",") if x.strip()]
                entry["flags"] = ", ".join(filter(None, [entry.get("flags", "")] + flags))
            continue
        if s.startswith('"'):
            if entry is not None and field:
                if isinstance(field, tuple):
                    entry["plural"][field[1]] += po_string(s)
                else:
                    entry[field] += po_string(s)
                entry["end"] = no
            continue
        kw, _, rest = s.partition(" ")
        if kw in ("msgctxt", "msgid") and entry is not None and ("msgstr" in entry or "plural" in entry):
            flush()
        if entry is None:
            entry = {"start": no}
        entry["end"] = no
        if kw.startswith("msgstr["):
            n = int(kw[7:-1])
            entry.setdefault("plural", {})[n] = po_string(rest)
            field = ("plural", n)
        elif kw in ("msgctxt", "msgid", "msgid_plural", "msgstr"):
            entry[kw] = po_string(rest)
            field = kw
    flush()
    return units


class XMLUnits:
    """TMX `tu`s and XLIFF 1.2 `trans-unit`s with their line ranges; inline codes are left out
    of the text (Termlint reads each as U+FFFC)."""

    CODES = {"bpt", "ept", "it", "ph", "ut", "x", "bx", "ex", "sub"}

    def __init__(self, path: pathlib.Path):
        self.units: list[dict] = []
        self.cur = None
        self.capture = None  # (lang or "source"/"target", list)
        self.skip = 0
        self.lang = None
        p = xml.parsers.expat.ParserCreate()
        p.StartElementHandler = self.start
        p.EndElementHandler = self.end
        p.CharacterDataHandler = self.chars
        self.p = p
        with open(path, "rb") as f:
            p.ParseFile(f)

    def start(self, name, attrs):
        name = name.split(":")[-1] if ":" in name and not name.startswith("xml") else name
        if name in ("tu", "trans-unit"):
            self.cur = {"key": attrs.get("tuid") or attrs.get("id"), "start": self.p.CurrentLineNumber,
                        "segs": {}, "srclang": attrs.get("srclang")}
        elif self.cur is not None and name == "tuv":
            self.lang = (attrs.get("xml:lang") or attrs.get("lang") or "").lower()
        elif self.cur is not None and name == "seg" and self.lang is not None:
            self.capture = (self.lang, [])
        elif self.cur is not None and name in ("source", "target") and self.capture is None:
            self.capture = (name, [])
        elif self.capture is not None and name in self.CODES:
            self.skip += 1

    def end(self, name):
        if self.capture is not None and name in self.CODES:
            self.skip -= 1
        elif name in ("seg", "source", "target") and self.capture is not None:
            lang, parts = self.capture
            self.cur["segs"].setdefault(lang, "".join(parts))
            self.capture = None
        elif name in ("tu", "trans-unit") and self.cur is not None:
            self.cur["end"] = self.p.CurrentLineNumber
            self.units.append(self.cur)
            self.cur = None

    def chars(self, data):
        if self.capture is not None and self.skip == 0:
            self.capture[1].append(data)


def read_xml(path: pathlib.Path, source: str, target: str) -> list[Unit]:
    units = []
    for n, u in enumerate(XMLUnits(path).units, 1):
        segs = u["segs"]
        if "source" in segs or "target" in segs:  # XLIFF
            src, tgt = segs.get("source", ""), segs.get("target", "")
        else:  # TMX: by language, primary subtag
            def by(lang):
                for k, v in segs.items():
                    if k.split("-")[0] == lang:
                        return v
                return ""
            src, tgt = by(source), by(target)
        units.append(Unit(u["key"] or f"tu{n}", u["start"], u["end"], src, tgt))
    return units


def read_units(path: pathlib.Path, source: str, target: str) -> list[Unit]:
    if path.suffix in (".po", ".pot"):
        return read_po(path)
    if path.suffix in (".tmx", ".xlf", ".xliff"):
        return read_xml(path, source, target)
    return []


class UnitIndex:
    def __init__(self, units: list[Unit]):
        self.units = units
        self.by_key = {}
        for u in units:
            self.by_key.setdefault(u.key, u)
        self.starts = [u.start for u in units]

    def find(self, key: str | None, line: int) -> Unit | None:
        u = self.by_key.get(key) if key is not None else None
        if u is not None:
            return u
        i = bisect.bisect_right(self.starts, line) - 1
        if i >= 0 and self.units[i].start <= line <= self.units[i].end:
            return self.units[i]
        return None


# ---------------------------------------------------------------- running termlint

def run_termlint(binary: pathlib.Path, files: list[str], source: str, target: str, jobs: int) -> list[dict]:
    cmd = [str(binary), "lint", "--pipeline", str(HERE / "pipeline.yml"), "--source-lang", source,
           "--target-lang", target, "--format", "jsonl", "--fail-on", "never", "--color", "never",
           "--jobs", str(jobs), *files]
    env = dict(os.environ, NO_COLOR="1")
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, env=env)
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        sys.exit(f"termlint exited with status {proc.returncode}: {' '.join(cmd[:12])} …")
    if proc.stderr.strip():
        sys.stderr.write("termlint says: " + proc.stderr.decode("utf-8", "replace"))
    return [json.loads(l) for l in proc.stdout.decode("utf-8").splitlines() if l.strip()]


def record(f: dict, entry: Entry, unit: Unit | None) -> dict:
    text = f.get("text", "")
    return {
        "key": finding_key(f["path"], entry.direction, f["ruleId"], f["line"], f["column"], text),
        "file": f["path"],
        "direction": entry.direction,
        "origin": entry.origin,
        "rule": f["ruleId"],
        "severity": f["severity"],
        "line": f["line"], "column": f["column"], "endLine": f.get("endLine"), "endColumn": f.get("endColumn"),
        "side": f.get("side"),
        "message": f.get("message", ""),
        "text": text,
        "suggestions": f.get("suggestions", []),
        "fixable": bool(f.get("fixable", False)),
        "unit": f.get("unit"),
        "related": f.get("related", []),
        "source": unit.source if unit else None,
        "target": unit.target if unit else None,
        "flags": unit.flags if unit else "",
    }


def lint_entries(binary: pathlib.Path, entries: list[Entry], jobs: int = 2, quiet=False):
    """Lints every present entry in its direction. Returns (findings, units per entry path,
    skipped entries)."""
    present, skipped = [], []
    for e in entries:
        (present if (REPO / e.path).exists() else skipped).append(e)
    for e in skipped:
        if not quiet:
            print(f"skipped (absent): {e.path} ({e.origin}, {e.direction})", file=sys.stderr)
    groups = collections.defaultdict(list)
    for e in present:
        groups[(e.source, e.target)].append(e)
    out, units = [], {}
    for (source, target), group in groups.items():
        raw = run_termlint(binary, [e.path for e in group], source, target, jobs)
        by_path = collections.defaultdict(list)
        for f in raw:
            by_path[f["path"]].append(f)
        for e in group:
            us = read_units(REPO / e.path, source, target)
            units[(e.path, e.direction)] = us
            index = UnitIndex(us)
            seen = collections.Counter()
            for f in by_path.get(e.path, []):
                r = record(f, e, index.find(f.get("unit"), f["line"]))
                seen[r["key"]] += 1
                if seen[r["key"]] > 1:  # same place, same text, another message
                    r["key"] += f"#{seen[r['key']]}"
                out.append(r)
    return out, units, skipped


def direction_check(findings: list[dict]) -> collections.Counter:
    """Findings on the target side whose text is in the unit's source (as the manifest gives the
    direction) but not in its target: the file was read in another direction than asked."""
    c = collections.Counter()
    for r in findings:
        t = r["text"]
        if r["side"] == "target" and t and r["source"] and r["target"] is not None:
            if t in r["source"] and t not in r["target"]:
                c[(r["file"], r["direction"])] += 1
    return c


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", type=pathlib.Path, default=DEFAULT_BINARY)
    ap.add_argument("--manifest", type=pathlib.Path, default=HERE / "manifest.tsv")
    ap.add_argument("--out", type=pathlib.Path, default=HERE / "out")
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    if not a.binary.exists():
        sys.exit(f"no termlint binary at {a.binary}: run 'swift build -c release' or pass --binary")
    entries = read_manifest(a.manifest)
    findings, units, skipped = lint_entries(a.binary.resolve(), entries, a.jobs)
    a.out.mkdir(parents=True, exist_ok=True)
    findings.sort(key=lambda r: (r["file"], r["direction"], r["line"], r["column"], r["rule"], r["key"]))
    with open(a.out / "findings.jsonl", "w", encoding="utf-8") as f:
        for r in findings:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")

    origin = {(e.path, e.direction): e.origin for e in entries}
    per_dir, per_origin = collections.Counter(), collections.Counter()
    per_dir_tr, per_origin_tr = collections.Counter(), collections.Counter()
    for (path, d), us in units.items():
        per_dir[d] += len(us); per_dir_tr[d] += sum(u.translated for u in us)
        per_origin[(origin[(path, d)], d)] += len(us); per_origin_tr[(origin[(path, d)], d)] += sum(u.translated for u in us)
    summary = {
        "binary": str(a.binary), "files": len(units), "skipped": [e.path for e in skipped],
        "units": dict(per_dir), "translated_units": dict(per_dir_tr),
        "units_by_origin": {f"{o}\t{d}": n for (o, d), n in sorted(per_origin.items())},
        "translated_units_by_origin": {f"{o}\t{d}": n for (o, d), n in sorted(per_origin_tr.items())},
    }
    (a.out / "units.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    print(f"{len(units)} files linted, {len(skipped)} skipped; findings in {a.out / 'findings.jsonl'}")
    print("\nunits (translated) per direction:")
    for d in sorted(per_dir):
        print(f"  {d}: {per_dir[d]} ({per_dir_tr[d]})")
    print("\nunits (translated) per origin:")
    for (o, d), n in sorted(per_origin.items()):
        print(f"  {o:28} {d}: {n} ({per_origin_tr[(o, d)]})")
    counts = collections.Counter((r["rule"], r["direction"]) for r in findings)
    dirs = sorted({d for _, d in counts} | set(per_dir))
    print("\nfindings per rule and direction:")
    print(f"  {'rule':22}" + "".join(f"{d:>9}" for d in dirs))
    for rule in sorted({r for r, _ in counts}):
        print(f"  {rule:22}" + "".join(f"{counts[(rule, d)]:>9}" for d in dirs))
    print(f"  {'total':22}" + "".join(f"{sum(n for (r, dd), n in counts.items() if dd == d):>9}" for d in dirs))
    unmatched = sum(1 for r in findings if r["source"] is None and r["target"] is None)
    if unmatched:
        print(f"\nnote: {unmatched} findings could not be matched to a unit of their file")
    wrong = direction_check(findings)
    for (file, d), n in sorted(wrong.items()):
        if n >= 10:
            print(f"\nwarning: {file} ({d}): {n} target-side findings quote text of the source "
                  f"language: the file seems to have been read in another direction than {d}")


if __name__ == "__main__":
    main()
