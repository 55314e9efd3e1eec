#!/usr/bin/env python3
"""Writes the bilingual example article as XLIFF 1.2, XLIFF 2.1, PO and TMX 1.4b.

Usage (from the repository root, after `swift build`):

    python3 Examples/bilingual/make-formats.py [--termlint .build/debug/termlint]

For each translation (`article.en.md` -> `article.*`, `article-planted.en.md` ->
`article-planted.*`) the script asks `termlint align --format json` for the sentence beads of the
pair with `article.ru.md` and writes one translation unit per bead:

- `.xlf`   XLIFF 1.2: a `group` per paragraph (`id="p<N>"`), a `trans-unit` per bead
           (`id="p<N>-b<M>"`);
- `.xliff` XLIFF 2.1: a `unit` per paragraph, a `segment` per bead, the space between two beads
           of a paragraph as an `ignorable`;
- `.po`    gettext PO: msgid = Russian, msgstr = English, `#:` = the Russian line, one entry per
           bead, strings not wrapped (as `msgcat --no-wrap` writes them);
- `.tmx`   TMX 1.4b: a `tu` per bead (`tuid="p<N>-b<M>"`), Russian `tuv` first.

The text of a bead side is the original text of the article from its first sentence's start to
its last sentence's end (sentences of one bead are in one paragraph, so on one line), headings
without their `# `. A bead with no English side (`1-0`, the omitted sentence of the planted
translation) becomes a unit with an empty target (`<target/>`, `<seg/>`, `msgstr ""`); the
script refuses other beads with an empty side, which the example article does not have.

Output is deterministic: no dates, no tool versions, LF line ends, UTF-8 without BOM.
"""

import argparse
import json
import os
import subprocess
import sys
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = "article.ru.md"
TRANSLATIONS = {"article.en.md": "article", "article-planted.en.md": "article-planted"}


def read_lines(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return f.read().split("\n")


def side_text(sentences, lines):
    """The original text from the first sentence's start to the last one's end (columns are
    1-based code points, end exclusive, as `termlint align` reports them)."""
    if not sentences:
        return ""
    first, last = sentences[0], sentences[-1]
    if first["line"] != last["endLine"]:
        sys.exit("make-formats: a bead spans lines %d-%d" % (first["line"], last["endLine"]))
    line = lines[first["line"] - 1]
    return line[first["column"] - 1:last["endColumn"] - 1]


def beads(termlint, target):
    out = subprocess.run(
        [termlint, "align", "--source", os.path.join(HERE, SOURCE),
         "--target", os.path.join(HERE, target), "--format", "json"],
        check=True, capture_output=True, text=True).stdout
    return json.loads(out)["beads"]


def paragraphs(termlint, target):
    """[(paragraph index, [(bead id, ru text, en text, ru line)])] in document order."""
    ru, en = read_lines(SOURCE), read_lines(target)
    result = []
    for bead in beads(termlint, target):
        p = bead["paragraph"]
        if not result or result[-1][0] != p:
            result.append((p, []))
        units = result[-1][1]
        source, target_text = side_text(bead["source"], ru), side_text(bead["target"], en)
        if not source or (not target_text and not bead["bead"].endswith("-0")):
            sys.exit("make-formats: unexpected bead %s in paragraph %d" % (bead["bead"], p))
        line = bead["source"][0]["line"]
        units.append(("p%d-b%d" % (p, len(units) + 1), source, target_text, line))
    return result


def xliff12(paras):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
           '  <file original="%s" source-language="ru" target-language="en" datatype="plaintext">' % SOURCE,
           '    <body>']
    for p, units in paras:
        out.append('      <group id="p%d">' % p)
        for uid, ru, en, _ in units:
            out.append('        <trans-unit id="%s">' % uid)
            out.append('          <source>%s</source>' % escape(ru))
            if en:
                out.append('          <target state="translated">%s</target>' % escape(en))
            else:
                out.append('          <target state="needs-translation"/>')
            out.append('        </trans-unit>')
        out.append('      </group>')
    out += ['    </body>', '  </file>', '</xliff>', '']
    return "\n".join(out)


def xliff21(paras):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="ru" trgLang="en">',
           '  <file id="f1" original="%s">' % SOURCE]
    for p, units in paras:
        out.append('    <unit id="p%d">' % p)
        for n, (uid, ru, en, _) in enumerate(units):
            if n > 0:
                out.append('      <ignorable><source> </source><target> </target></ignorable>')
            state = "translated" if en else "initial"
            out.append('      <segment id="%s" state="%s">' % (uid, state))
            out.append('        <source>%s</source>' % escape(ru))
            out.append('        <target>%s</target>' % escape(en) if en else '        <target/>')
            out.append('      </segment>')
        out.append('    </unit>')
    out += ['  </file>', '</xliff>', '']
    return "\n".join(out)


def po_string(text):
    return '"%s"' % text.replace("\\", "\\\\").replace('"', '\\"')


def po(paras):
    out = ['msgid ""', 'msgstr ""',
           '"Project-Id-Version: Termlint example article\\n"',
           '"Language: en\\n"',
           '"X-Source-Language: ru\\n"',
           '"MIME-Version: 1.0\\n"',
           '"Content-Type: text/plain; charset=UTF-8\\n"',
           '"Content-Transfer-Encoding: 8bit\\n"']
    for _, units in paras:
        for uid, ru, en, line in units:
            out += ['', '#. %s' % uid, '#: %s:%d' % (SOURCE, line),
                    'msgid %s' % po_string(ru), 'msgstr %s' % po_string(en)]
    out.append('')
    return "\n".join(out)


def tmx(paras):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<tmx version="1.4">',
           '  <header creationtool="make-formats.py" creationtoolversion="1" segtype="sentence"'
           ' o-tmf="termlint" adminlang="en" srclang="ru" datatype="plaintext"/>',
           '  <body>']
    for _, units in paras:
        for uid, ru, en, _ in units:
            out.append('    <tu tuid="%s">' % uid)
            out.append('      <tuv xml:lang="ru"><seg>%s</seg></tuv>' % escape(ru))
            out.append('      <tuv xml:lang="en"><seg>%s</seg></tuv>' % escape(en) if en
                       else '      <tuv xml:lang="en"><seg/></tuv>')
            out.append('    </tu>')
    out += ['  </body>', '</tmx>', '']
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--termlint", default=".build/debug/termlint",
                        help="the termlint binary (default: .build/debug/termlint)")
    args = parser.parse_args()
    writers = {".xlf": xliff12, ".xliff": xliff21, ".po": po, ".tmx": tmx}
    for target, stem in sorted(TRANSLATIONS.items()):
        paras = paragraphs(args.termlint, target)
        for ext, write in writers.items():
            with open(os.path.join(HERE, stem + ext), "w", encoding="utf-8", newline="\n") as f:
                f.write(write(paras))
            print("wrote Examples/bilingual/%s%s" % (stem, ext))


if __name__ == "__main__":
    main()
