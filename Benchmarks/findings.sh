#!/usr/bin/env bash
# Reporting cost per finding: time and peak RSS of `termlint lint` on inputs with very many
# findings, per output format. A one-term glossary makes every "security assurances" a
# term-forbidden finding (error, with a suggestion).
#
#   bash Benchmarks/findings.sh                          # builds the release binary, all cases
#   BIN=/path/to/termlint bash Benchmarks/findings.sh    # measure another binary (e.g. before)
#
# Environment: FINDINGS_CASES (default "lines line4 line40"): `lines` is 5,000 lines with 10
# findings each (50,000), `line4` one 4 MB line (200,000 findings), `line40` one 40 MB line
# (2,000,000 findings); FINDINGS_FORMATS (default "text json sarif jsonl"); FINDINGS_OUTPUT=file
# writes with --output instead of standard output (to a file either way); FINDINGS_TIMEOUT
# (seconds per command, default 300); FINDINGS_OUT (default Benchmarks/out/findings).
# Needs GNU time (/usr/bin/time). Nothing here runs inside `swift test`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="${FINDINGS_OUT:-Benchmarks/out/findings}"
CASES="${FINDINGS_CASES:-lines line4 line40}"
FORMATS="${FINDINGS_FORMATS:-text json sarif jsonl}"
TIMEOUT="${FINDINGS_TIMEOUT:-300}"
log() { echo "findings: $*" >&2; }

if [[ -z "${BIN:-}" ]]; then
  log "building termlint (release)"
  swift build -c release --product termlint >&2
  BIN="$(swift build -c release --show-bin-path)/termlint"
fi

mkdir -p "$OUT"
cat > "$OUT/glossary.csv" <<'CSV'
concept,subject,concept_note,lang,term,status,pos,type,case,match,note
security-guarantees,,,ru,гарантии безопасности,preferred,noun,,,,
security-guarantees,,,en,security guarantees,preferred,noun,,,,
security-guarantees,,,en,security assurances,deprecated,noun,,,,
CSV
# "security assurances, " is 21 bytes: 10 per line, or N on one line.
phrase() { awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "security assurances, " }'; }
[[ -s "$OUT/lines.md" ]] || { line="$(phrase 10)"; for _ in $(seq 5000); do echo "$line"; done > "$OUT/lines.md"; }
[[ -s "$OUT/line4.md" ]] || { phrase 200000; echo; } > "$OUT/line4.md"
[[ -s "$OUT/line40.md" ]] || { phrase 2000000; echo; } > "$OUT/line40.md"

echo "| input | findings | format | wall | peak RSS | output |"
echo "| --- | ---: | --- | ---: | ---: | ---: |"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
for c in $CASES; do
  for f in $FORMATS; do
    report="$TMP/report.$f"
    rm -f "$report"
    args=(lint --glossary "$OUT/glossary.csv" --rule term-forbidden --format "$f" "$OUT/$c.md")
    status=0
    if [[ "${FINDINGS_OUTPUT:-}" == "file" ]]; then
      timeout "$TIMEOUT" /usr/bin/time -v -o "$TMP/time" "$BIN" "${args[@]}" --output "$report" > /dev/null 2> "$TMP/err" || status=$?
    else
      timeout "$TIMEOUT" /usr/bin/time -v -o "$TMP/time" "$BIN" "${args[@]}" > "$report" 2> "$TMP/err" || status=$?
    fi
    if [[ $status -gt 1 ]]; then
      log "$c $f: exit status $status: $(tail -2 "$TMP/err")"
      echo "| $c | — | $f | failed ($status) | — | — |"
      continue
    fi
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$TMP/time")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f MB", $2 / 1024 }' "$TMP/time")
    size=$(awk -v s="$(stat -c %s "$report")" 'BEGIN { printf "%.1f MB", s / 1048576 }')
    n=$(grep -c 'term-forbidden' "$report" || true)
    [[ "$f" == "sarif" || "$f" == "json" ]] && n=$(grep -c '"ruleId" : "term-forbidden"' "$report" || true)
    echo "| $c | $n | $f | ${wall} s | $rss | $size |"
  done
done
