#!/usr/bin/env python3
"""A semantic baseline for terminology lint: what a careful Python script does.

    python3 Benchmarks/semantic_baseline.py GLOSSARY.tsv CORPUS.md > hits.tsv

The English terms of a glossary in Termlint's TSV layout (generate.py's glossary-K.tsv) are
normalized with ICU's NFKC_Casefold, split into words, and each word stemmed with Snowball's
English stemmer; the text is read line by line and treated the same way, and one Aho-Corasick
automaton over the stemmed words finds every term (all statuses), longest match first. It
prints one line per deprecated term found: line, column (code points of the folded line,
1-based), term.

It is the baseline issue 13 sets for Termlint's matcher (ICU normalization, stems, one
automaton), without what Termlint adds: exact UTF-16 positions through normalization, name
inflections, case-sensitive terms, glued punctuation, consistency state, SARIF. Needs PyICU,
snowballstemmer and pyahocorasick (`pip install pyicu snowballstemmer pyahocorasick`).
"""

import re
import sys

import ahocorasick
import icu
import snowballstemmer

# Words, and each other non-space character as a token of its own (a hyphenated variant is
# not its open spelling).
WORD = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    glossary_path, corpus_path = sys.argv[1], sys.argv[2]
    fold = icu.Normalizer2.getNFKCCasefoldInstance()
    stemmer = snowballstemmer.stemmer("english")
    cache = {}

    def stems(text):
        out = []
        for m in WORD.finditer(text):
            w = m.group()
            s = cache.get(w)
            if s is None:
                s = cache[w] = stemmer.stemWord(w)
            out.append((s, m.start()))
        return out

    automaton = ahocorasick.Automaton()
    with open(glossary_path, encoding="utf-8") as f:
        next(f)  # header
        for row in f:
            cols = row.rstrip("\n").split("\t")
            if len(cols) < 5 or cols[2] != "en":
                continue
            key = " " + " ".join(s for s, _ in stems(fold.normalize(cols[3]))) + " "
            if key.strip():
                automaton.add_word(key, (cols[3], cols[4], key.count(" ") - 1))
    automaton.make_automaton()

    out = sys.stdout
    found = 0
    with open(corpus_path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            folded = fold.normalize(line)
            words = stems(folded)
            if not words:
                continue
            stemmed = " " + " ".join(s for s, _ in words) + " "
            # Each match ends on the space after its last word: its word index is the number of
            # spaces before that one, less one.
            matches = []
            for end, (term, status, length) in automaton.iter(stemmed):
                last = stemmed.count(" ", 0, end) - 1
                matches.append((last - length + 1, last, term, status))
            # Longest match first, no overlaps (as Termlint's matcher).
            chosen = []
            for first, last, term, status in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
                if any(first <= b and a <= last for a, b in chosen):
                    continue
                chosen.append((first, last))
                if status == "deprecated":
                    found += 1
                    out.write(f"{n}\t{words[first][1] + 1}\t{term}\n")
    print(f"{found} deprecated terms found", file=sys.stderr)


if __name__ == "__main__":
    main()
