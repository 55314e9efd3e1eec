#!/usr/bin/env python3
"""A Termlint external rule: flags sentences longer than a limit.

Protocol 1 (Documentation/ExternalRules.md): Termlint writes JSON lines on standard input,
first a "document" line, then one "unit" line per paragraph; the rule writes one JSON line per
finding on standard output. Offsets are Unicode code points of the unit's "text" (Python string
indices), "end" exclusive.

Use it in a pipeline:

    external-rules:
      - id: house.long-sentences
        command: [python3, ../Examples/external-rules/long_sentences.py]
        options: {max-words: 40}

Standard library only; written for the Termlint project (MIT license).
"""
import json
import re
import sys

# A sentence ends at . ! ? (with closing quotes or brackets) followed by white space and a
# capital or an opening quote; abbreviations such as "U.S." and initials do not end one.
SENTENCE_END = re.compile(r"""[.!?][”’"')\]]*(?=\s+[“‘"'(\[]?[A-ZА-ЯЁ])""")
ABBREVIATION = re.compile(r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Rep|Sen|Gov|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|No|vs)\.)$")
WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")


def sentences(text):
    """Yields (start, end) of each sentence of a paragraph."""
    start = 0
    for match in SENTENCE_END.finditer(text):
        if ABBREVIATION.search(text[start:match.end()]):
            continue
        yield start, match.end()
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        yield start, len(text)


def main():
    max_words = 40
    for line in sys.stdin:
        message = json.loads(line)
        if message["type"] == "document":
            max_words = int(message.get("options", {}).get("max-words", max_words))
            continue
        target = message.get("target")
        if message.get("metadata", {}).get("kind") == "heading" or not target:
            continue
        text = target["text"]
        for start, end in sentences(text):
            words = len(WORD.findall(text[start:end]))
            if words > max_words:
                finding = {
                    "unit": message["id"],
                    "start": start,
                    "end": end,
                    "message": f"This sentence has {words} words (house limit {max_words}); split it",
                }
                print(json.dumps(finding, ensure_ascii=False))


if __name__ == "__main__":
    main()
