"""Length ratios of real translations, counted as Termlint's LengthModel counts them.

Letters and digits of the words the two sides do not share (a word the translation has only in
a parenthesis, a gloss, still counts on the source side); white space and punctuation never
count. For each material and direction: the number of pairs with at least N source letters, the
ratio of total target to total source letters, the median ratio, the variance per letter
(robustly, from the median squared deviation), and percentiles of the ratio to the expected
length, which is where `omission` and `addition` put their thresholds (LengthModel.swift).

    python3 Benchmarks/length-ratios/length_ratios.py [--po DIR]... [--xliff FILE]... [--tmx FILE]

Python 3 standard library only. Defaults: the gettext catalogues of ../shared/corpus/po and
Evaluation/corpus/po (when present; fuzzy, plural and untranslated entries left out), the
Symfony and ORCID XLIFF files of ../shared/corpus/xliff, and TICO-19 (the 30 prose documents,
read with each language as the source). Catalogues and XLIFF are English→Russian only.
"""
import argparse, os, re, sys, glob, math, unicodedata, statistics
import xml.etree.ElementTree as ET
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "corpus")
WORD = re.compile(r"\w+(?:[-'’]\w+)*")
def words(s):
    return [unicodedata.normalize('NFKC', w).casefold() for w in WORD.findall(s)]
def count(ws, shared):
    return sum(sum(1 for ch in w if ch.isalnum()) for w in ws if w not in shared)
def bracketed(text):
    """Words with whether they stand in a parenthesis: a "(" after white space or at the start
    (not a placeholder such as %(name)s)."""
    out, stack, depth, pos = [], [], 0, 0
    for m in WORD.finditer(text):
        for k in range(pos, m.start()):
            ch = text[k]
            if ch == "(":
                parenthesis = k == 0 or text[k - 1].isspace()
                stack.append(parenthesis)
                depth += parenthesis
            elif ch == ")" and stack:
                depth -= stack.pop()
        pos = m.end()
        out.append((unicodedata.normalize("NFKC", m.group()).casefold(), depth > 0))
    return out


def lengths(src, tgt):
    s, t = bracketed(src), bracketed(tgt)
    shared = set(w for w, _ in s) & set(w for w, _ in t)
    glossed = {w for w in shared if any(w == x and not b for x, b in s) and not any(w == x and not b for x, b in t) and any(c.isalpha() for c in w)}
    sw, tw = [w for w, _ in s], [w for w, _ in t]
    return count(sw, set()), count(tw, set()), count(sw, shared - glossed), count(tw, shared)

def unq(x):
    x = x.strip()[1:-1]
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), x)

def po_pairs(path):
    """Non-fuzzy, non-plural, translated entries of a PO file."""
    out = []
    for block in open(path, encoding='utf-8', errors='replace').read().split('\n\n'):
        lines = block.strip().split('\n')
        flags, fields, cur = '', {}, None
        for l in lines:
            if l.startswith('#,'): flags += l
            elif l.startswith('#'): continue
            elif l.startswith('"') and cur: fields[cur] += unq(l)
            else:
                m = re.match(r'(msgid_plural|msgid|msgstr(?:\[\d+\])?|msgctxt)\s+(".*")$', l)
                if m: cur = m.group(1); fields[cur] = unq(m.group(2))
        if 'fuzzy' in flags or 'msgid_plural' in fields or not fields.get('msgid') or not fields.get('msgstr'): continue
        out.append((fields['msgid'], fields['msgstr']))
    return out

def tmx_pairs(path):
    out = []
    X = '{http://www.w3.org/XML/1998/namespace}lang'
    for _, tu in ET.iterparse(path):
        if tu.tag != 'tu': continue
        if tu.get('tuid','').startswith('CMU'): tu.clear(); continue
        segs = {tuv.get(X)[:2]: ''.join(tuv.find('seg').itertext()) for tuv in tu.findall('tuv')}
        out.append((segs['en'], segs['ru'])); tu.clear()
    return out

def xliff_pairs(path):
    out = []
    for tu in ET.parse(path).iter():
        if tu.tag.endswith('trans-unit'):
            s = t = None
            for c in tu:
                if c.tag.endswith('source'): s = ''.join(c.itertext())
                if c.tag.endswith('target'): t = ''.join(c.itertext())
            if s and t: out.append((s, t))
    return out

def stats(name, pairs, minsrc=40):
    # pairs: (source, target)
    rows = []
    for s, t in pairs:
        rs, rt, cs, ct = lengths(s, t)
        if rs >= minsrc and cs > 0 and rt > 0:
            rows.append((cs, ct))
    if not rows: return
    c = sum(t for _, t in rows) / sum(s for s, _ in rows)
    logs = sorted(math.log(max(t, 0.5) / (c * s)) for s, t in rows)
    # variance per char: Var(t - c s) / s
    v = statistics.median([(t - c * s) ** 2 / s for s, t in rows]) / 0.455
    med = statistics.median(t / s for s, t in rows)
    def pct(p): return math.exp(logs[min(len(logs) - 1, int(p * len(logs)))])
    print(f"{name:40s} n={len(rows):6d} ratio(total)={c:.3f} median={med:.3f} var/char={v:.2f} "
          f"p0.1%={pct(.001):.2f} p0.5%={pct(.005):.2f} p1%={pct(.01):.2f} p99%={pct(.99):.2f} p99.5%={pct(.995):.2f} p99.9%={pct(.999):.2f}")
    return rows

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--po", action="append", help="a folder of PO files (searched recursively)")
    parser.add_argument("--xliff", action="append", help="an XLIFF 1.2 file")
    parser.add_argument("--tmx", default=os.path.join(SHARED, "tmx", "tico19_all.en-ru.tmx"))
    args = parser.parse_args()
    po_dirs = args.po or [d for d in (os.path.join(SHARED, "po"), os.path.join(ROOT, "Evaluation", "corpus", "po")) if os.path.isdir(d)]
    po = []
    for d in po_dirs:
        # edge-cases/ holds deliberately broken files, not translations
        po += sorted(p for p in glob.glob(os.path.join(d, "**", "*.po"), recursive=True) if "edge-cases" not in p)
    allpo = []
    for p in po:
        allpo += po_pairs(p)
    xliff = args.xliff or sorted(glob.glob(os.path.join(SHARED, "xliff", "symfony_*.xlf"))) + [os.path.join(SHARED, "xliff", "orcid_angular_messages.ru.xlf")]
    xl = []
    for p in xliff:
        if os.path.exists(p):
            xl += xliff_pairs(p)
    tico = tmx_pairs(args.tmx) if os.path.exists(args.tmx) else []
    for minsrc in (30, 40, 80):
        print("--- at least", minsrc, "source letters")
        stats("PO en->ru", allpo, minsrc)
        stats("PO read backwards (ru->en)", [(t, s) for s, t in allpo], minsrc)
        stats("XLIFF en->ru", xl, minsrc)
        stats("TICO-19 en->ru", tico, minsrc)
        stats("TICO-19 ru->en", [(r, e) for e, r in tico], minsrc)
        stats("all en->ru", allpo + xl + tico, minsrc)


if __name__ == "__main__":
    main()
