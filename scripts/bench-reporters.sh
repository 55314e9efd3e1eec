#!/usr/bin/env bash
# Times every output format on the same batch: N copies of the example article (default 300).
#
#   scripts/bench-reporters.sh [N] [debug|release]
#
# Linting costs the same in every run, so the differences between formats are the reporters'
# cost; `jsonl` (one encoder call per finding) is the baseline. Prints wall and user seconds
# (user time is steadier on a busy machine), peak memory and output size. Needs GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-300}"
config="${2:-release}"
swift build -q -c "$config"
bin=".build/$config/termlint"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
for i in $(seq -w 1 "$n"); do cp Examples/article.en.md "$dir/article-$i.en.md"; done
printf '%-11s %8s %8s %10s %12s\n' format wall-s user-s max-rss-KB bytes
for format in $("$bin" lint --help | awk '/^  --format <format>/{f=1;next} f&&/^ +[a-z]+ +- /{print $1} f&&/^  --/{exit}'); do
  status=0
  /usr/bin/time -o "$dir/time" -f '%e %U %M' \
    "$bin" lint --glossary Glossaries/security-ru-en.tbx --format "$format" "$dir"/*.md >"$dir/out" || status=$?
  [[ $status -le 1 ]] || { echo "bench-reporters: $format failed ($status)" >&2; exit 2; }
  read -r wall user rss < <(tail -n 1 "$dir/time")
  printf '%-11s %8s %8s %10s %12d\n' "$format" "$wall" "$user" "$rss" "$(wc -c <"$dir/out")"
done
