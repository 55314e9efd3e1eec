#!/usr/bin/env bash
# Measures wall time and peak memory of a release build on the inputs of issue 8 that are too
# large for `swift test`: single-line files of 10 MB and 200 MB, 10,000 glossary terms sharing
# one long prefix, and a term of 200 tokens. Documentation/Security.md records the figures.
#
#   scripts/measure-limits.sh [--skip-build]
#
# Prints one row per case: wall seconds, user seconds, peak resident memory and exit status.
# Needs GNU time (/usr/bin/time) and python3. Run it on a quiet machine (or under `nice` and
# read the user seconds); the 200 MB case needs about 4 GB of free memory.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ "${1:-}" == "--skip-build" ]] || swift build -q -c release --static-swift-stdlib --product termlint
bin="$(swift build -c release --show-bin-path)/termlint"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
glossary=Glossaries/security-ru-en.tbx

python3 - "$dir" <<'EOF'
import sys, os
d = sys.argv[1]
clean = "The ministry confirmed the talks and the guarantees again. "
finding = "The ministry confirmed the talks and the security assurances again. "
def line(name, sentence, size):
    with open(os.path.join(d, name), "w") as f:
        f.write(sentence * (size // len(sentence)) + "\n")
line("clean-10mb.md", clean, 10 * 1000 * 1000)
line("findings-10mb.md", finding, 10 * 1000 * 1000)
line("clean-200mb.md", clean, 200 * 1000 * 1000)
line("findings-200mb.md", finding, 200 * 1000 * 1000)
# 10,000 terms sharing 16 words; words of consonants so that no two stem alike.
letters = "bcdfghjklmnpqrtvwxz"
def word(n):
    out = ""
    for _ in range(4):
        out += letters[n % len(letters)]
        n //= len(letters)
    return "k" + out
prefix = "joint commission on strategic stability and verification of the treaty on conventional armed forces in europe"
with open(os.path.join(d, "prefix.csv"), "w") as f:
    f.write("concept,lang,term,status\n")
    for n in range(10000):
        f.write(f"c{n},en,approved {word(n)},preferred\nc{n},en,{prefix} {word(n)},deprecated\n")
with open(os.path.join(d, "prefix-article.md"), "w") as f:
    for n in range(0, 10000, 1):
        f.write(f"The {prefix} {word(n)} met and the {prefix} alone did not.\n\n")
words = ["security", "council", "resolution", "on", "the", "nuclear", "test", "ban", "verification", "regime"]
term = " ".join(words[k % 10] for k in range(200))
with open(os.path.join(d, "long-term.csv"), "w") as f:
    f.write(f"concept,lang,term,status\nlong,en,the short name,preferred\nlong,en,{term},deprecated\n")
with open(os.path.join(d, "long-term-article.md"), "w") as f:
    for n in range(2000):
        f.write(f"Quoted: {term}.\n\n")
EOF

printf '%-52s %8s %8s %10s %5s %12s\n' case wall-s user-s max-rss-MB exit output-bytes
run() {
  local label="$1"
  shift
  local status=0
  /usr/bin/time -o "$dir/time" -f '%e %U %M' "$@" >"$dir/out" 2>"$dir/err" || status=$?
  read -r wall user rss < <(tail -n 1 "$dir/time")
  printf '%-52s %8s %8s %10d %5s %12d\n' "$label" "$wall" "$user" "$((rss / 1024))" "$status" "$(wc -c <"$dir/out")"
  if [[ $status -gt 1 ]]; then sed 's/^/    /' "$dir/err" | head -n 5; fi
}
run "10 MB line, no findings (all rules, text)" "$bin" lint --glossary "$glossary" "$dir/clean-10mb.md"
run "10 MB line, 147k findings (all rules, json)" "$bin" lint --glossary "$glossary" --format json "$dir/findings-10mb.md"
run "10 MB line, 147k findings (all rules, text)" "$bin" lint --glossary "$glossary" "$dir/findings-10mb.md"
run "200 MB line, no findings (all rules, text)" "$bin" lint --glossary "$glossary" "$dir/clean-200mb.md"
run "200 MB line, 2.9M findings (term-forbidden, jsonl)" "$bin" lint --glossary "$glossary" --rule term-forbidden --format jsonl "$dir/findings-200mb.md"
run "10,000 prefix terms: glossary check" "$bin" glossary check "$dir/prefix.csv"
run "10,000 prefix terms: 10,000 paragraphs (all rules)" "$bin" lint --glossary "$dir/prefix.csv" --format json "$dir/prefix-article.md"
run "200-token term: 2,000 paragraphs (all rules)" "$bin" lint --glossary "$dir/long-term.csv" --format json "$dir/long-term-article.md"
