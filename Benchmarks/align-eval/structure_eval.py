"""Splits, merges and drops on TICO-19: what `omission` and `addition` report.

Rebuilds the 30 prose documents of TICO-19 as article pairs (five units to a paragraph, as
align_eval.py does; paragraphs with a heading or list item are left as they are) in both
directions, changes one thing in every full paragraph, and runs
`termlint lint --source --target --rule addition --rule omission` on each document:

- plain: nothing changed (every finding is false);
- merge-src-mid / merge-src-end: the 2nd and 3rd (4th and 5th) source sentences made one
  sentence, so the translation splits it in two (1-2): every finding is false;
- merge-tgt-mid / merge-tgt-end: the same on the translation side (2-1): every finding is false;
- drop-tgt-mid / drop-tgt-end: the 3rd (5th) translated sentence deleted: an omission of that
  source sentence is expected (recall);
- add-tgt-end: the paragraph's first translated sentence repeated at its end: an addition is
  expected.

Prints, per setting and source language, the expected findings and the findings found, `+`
when a finding quotes the changed sentence, `-` otherwise.

    python3 Benchmarks/align-eval/structure_eval.py .build/release/termlint [SETTINGS] [DETAIL.json]
"""
import sys, os, json, subprocess, re, collections, tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from align_eval import read_tmx, merge_into_one_sentence, FINAL, ROOT
WORK = tempfile.mkdtemp(prefix="structure-eval-")
from concurrent.futures import ThreadPoolExecutor

def paragraphs(units, size=5):
    for p in range(0, len(units), size):
        yield units[p:p+size]

def prose(s): return bool(FINAL.search(s)) and not s[:1].islower()

def build(units, setting, srclang):
    """Returns (src text, tgt text, expected list of (kind, text))."""
    S, T, expect = [], [], []
    for group in paragraphs(units):
        src = [(ru if srclang == 'ru' else en) for (_, en, ru) in group]
        tgt = [(en if srclang == 'ru' else ru) for (_, en, ru) in group]
        ok = all(prose(e) and prose(r) for (_, e, r) in group) and len(group) == 5
        if ok:
            if setting == 'merge-src-mid': src[1:3] = [merge_into_one_sentence(src[1], src[2])]
            if setting == 'merge-src-end': src[3:5] = [merge_into_one_sentence(src[3], src[4])]
            if setting == 'merge-tgt-mid': tgt[1:3] = [merge_into_one_sentence(tgt[1], tgt[2])]
            if setting == 'merge-tgt-end': tgt[3:5] = [merge_into_one_sentence(tgt[3], tgt[4])]
            if setting == 'drop-tgt-end': expect.append(('omission', src[4])); tgt = tgt[:4]
            if setting == 'drop-tgt-mid': expect.append(('omission', src[2])); tgt = tgt[:2] + tgt[3:]
            if setting == 'add-tgt-end': expect.append(('addition', tgt[0])); tgt = tgt + [tgt[0]]
        if ok:
            S.append(' '.join(src)); T.append(' '.join(tgt))
        else:
            for s, t in zip(src, tgt): S.append(s); T.append(t)
    return '\n\n'.join(S) + '\n', '\n\n'.join(T) + '\n', expect

def run(args):
    binary, doc, units, setting, srclang, glossary = args
    tgtlang = 'en' if srclang == 'ru' else 'ru'
    d = f'{WORK}/{srclang}{tgtlang}-{setting}'
    os.makedirs(d, exist_ok=True)
    s, t, expect = build(units, setting, srclang)
    sp, tp = f'{d}/{doc}.{srclang}.txt', f'{d}/{doc}.{tgtlang}.txt'
    open(sp, 'w').write(s); open(tp, 'w').write(t)
    cmd = [binary, 'lint', '--source', sp, '--target', tp, '--source-lang', srclang, '--target-lang', tgtlang,
           '--rule', 'addition', '--rule', 'omission', '--format', 'json', '--fail-on', 'never']
    out = subprocess.run(cmd, capture_output=True, text=True)
    findings = json.loads(out.stdout)['findings'] if out.stdout else []
    return doc, setting, srclang, findings, expect, out.stderr

def main():
    binary = sys.argv[1]
    settings = sys.argv[2].split(',') if len(sys.argv) > 2 else ['plain','merge-src-mid','merge-src-end','merge-tgt-mid','merge-tgt-end','drop-tgt-end','drop-tgt-mid','add-tgt-end']
    docs = read_tmx(os.path.join(os.path.dirname(ROOT), 'shared/corpus/tmx/tico19_all.en-ru.tmx'))
    docs = {k: v for k, v in docs.items() if not k.startswith('CMU')}
    jobs = [(binary, doc, units, st, sl, None) for st in settings for sl in ('ru','en') for doc, units in docs.items()]
    res = collections.defaultdict(lambda: collections.Counter())
    detail = collections.defaultdict(list)
    with ThreadPoolExecutor(2) as ex:
        for doc, st, sl, findings, expect, err in ex.map(run, jobs):
            if err.strip(): print('ERR', doc, st, sl, err[:300])
            key = (st, sl)
            exp = {(k, text[:30]) for k, text in expect}
            res[key]['expected'] += len(expect)
            for f in findings:
                r = f['ruleId']
                # the finding's sentence: message quotes an excerpt
                m = re.search(r"'(.*?)(…)?'", f['message'])
                ex_ = m.group(1)[:30] if m else ''
                hit = any(k == r and (text.startswith(ex_[:25]) or ex_[:25] in text) for k, text in expect)
                res[key][r + ('+' if hit else '-')] += 1
                detail[key].append((doc, r, hit, f['message'][:160]))
    for key in sorted(res):
        print(key, dict(sorted(res[key].items())))
    if len(sys.argv) > 3:
        json.dump({f'{k[0]}|{k[1]}': v for k, v in detail.items()}, open(sys.argv[3], 'w'), ensure_ascii=False, indent=1)


if __name__ == '__main__':
    main()
