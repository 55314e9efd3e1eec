#!/usr/bin/env bash
# Times every output format on the same batch: N copies of the example article (default 300).
#
#   scripts/bench-reporters.sh [N] [debug|release]
#
# Linting costs the same in every run, so the differences between formats are the reporters'
# cost; `jsonl` (one encoder call per finding) is the baseline. Prints seconds and output size.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-300}"
config="${2:-release}"
swift build -q -c "$config"
bin=".build/$config/termlint"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
for i in $(seq -w 1 "$n"); do cp Examples/article.en.md "$dir/article-$i.en.md"; done
printf '%-11s %8s %12s\n' format seconds bytes
for format in $("$bin" lint --help | awk '/--format <format>/{f=1;next} f&&/^ +[a-z]+ +- /{print $1} f&&/^  --/{exit}'); do
  start=$(date +%s.%N)
  status=0
  "$bin" lint --glossary Glossaries/security-ru-en.tbx --format "$format" "$dir"/*.md >"$dir/out" || status=$?
  end=$(date +%s.%N)
  [[ $status -le 1 ]] || { echo "bench-reporters: $format failed ($status)" >&2; exit 2; }
  printf '%-11s %8.2f %12d\n' "$format" "$(echo "$end - $start" | bc)" "$(wc -c <"$dir/out")"
done
