#!/usr/bin/env bash
# Renders an HTML report to a PNG with headless Chromium, to look at it as a reviewer would.
#
#   scripts/render-html.sh [REPORT.html] [OUT.png] [WIDTHxHEIGHT]
#
# Without a report, lints Examples/article.en.md with the shipped pipeline and renders that.
# Needs Debian's `chromium` package (apt-get install -y chromium). Not part of `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."

report="${1:-}"
out="${2:-/tmp/termlint-report.png}"
size="${3:-1400x1000}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$browser" ]]; then
  echo "render-html: no Chromium found; install it with 'apt-get install -y chromium'" >&2
  exit 2
fi
if [[ -z "$report" ]]; then
  report="$(mktemp -d)/report.html"
  swift build -q
  status=0
  .build/debug/termlint lint --pipeline Pipelines/default.yml --format html Examples/article.en.md >"$report" || status=$?
  if [[ $status -ne 0 && $status -ne 1 ]]; then echo "render-html: termlint failed ($status)" >&2; exit 2; fi
fi
abs="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$out" \
  --window-size="${size/x/,}" "file://$abs" 2>/dev/null
echo "render-html: $abs -> $out"
