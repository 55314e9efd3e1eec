#!/usr/bin/env bash
# Termlint benchmarks: builds termlint in release mode, generates inputs into Benchmarks/out/
# and prints one Markdown table comparing termlint with grep and pofilter.
#
#   bash Benchmarks/run.sh                 # 10 MB corpus, glossaries of 1,000 / 10,000 / 100,000
#   BENCH_LARGE=1 bash Benchmarks/run.sh   # also the 100 MB corpus
#   BENCH_REAL_ONLY=1 BENCH_CONCEPTS=1000 bash Benchmarks/run.sh   # up to the real catalogues only
#
# Environment: BENCH_CONCEPTS (default "1000 10000 100000"), BENCH_UNITS (XLIFF/PO units,
# default 5000), BENCH_TIMEOUT (seconds per command, default 900), BENCH_REPEAT (cold-start
# repetitions, default 5), BENCH_OUT (default Benchmarks/out). Progress goes to standard error,
# the table to standard output. Nothing here runs inside `swift test`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="${BENCH_OUT:-Benchmarks/out}"
CONCEPTS="${BENCH_CONCEPTS:-1000 10000 100000}"
UNITS="${BENCH_UNITS:-5000}"
TIMEOUT="${BENCH_TIMEOUT:-900}"
REPEAT="${BENCH_REPEAT:-5}"
SIZES="10"
[[ "${BENCH_LARGE:-0}" == "1" ]] && SIZES="10 100"
MID=10000  # glossary size for the XLIFF, PO, pair and folder rows
MINK=""; for k in $CONCEPTS; do MAXK=$k; MINK=${MINK:-$k}; done
[[ " $CONCEPTS " == *" $MID "* ]] || MID=$MAXK

log() { echo "bench: $*" >&2; }

# --- build --------------------------------------------------------------------------------------
log "building termlint (release)"
swift build -c release --static-swift-stdlib --product termlint >&2
BIN="$(swift build -c release --show-bin-path)/termlint"

# --- inputs -------------------------------------------------------------------------------------
mkdir -p "$OUT"
GEN_ARGS="--out $OUT --mb $(echo $SIZES | tr ' ' ,) --concepts $(echo $CONCEPTS | tr ' ' ,) --units $UNITS"
STAMP="$GEN_ARGS $(sha1sum Benchmarks/generate.py | cut -c1-40)"
if [[ "$(cat "$OUT/.stamp" 2>/dev/null)" != "$STAMP" ]]; then
  log "generating inputs: $GEN_ARGS"
  rm -rf "$OUT/articles"
  python3 Benchmarks/generate.py $GEN_ARGS
  echo "$STAMP" > "$OUT/.stamp"
else
  log "inputs up to date in $OUT"
fi

if ! command -v pofilter > /dev/null; then
  log "installing translate-toolkit for pofilter"
  python3 -m pip install --quiet translate-toolkit >&2 || true
fi

# --- measuring ----------------------------------------------------------------------------------
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
# Every row but the cache rows loads and compiles its glossary: no glossary cache (and nothing
# written into the user's ~/.cache).
export TERMLINT_NO_CACHE=1

# measure CMD... : runs CMD once and sets WALL (seconds), RSS (MB) and STATUS (exit status;
# 124 = timed out). Standard output goes to a real file, not /dev/null: GNU grep notices
# /dev/null and stops at the first match (as with -q), which made it look 10-20x faster.
measure() {
  local start end
  start=$(date +%s%N)
  set +e
  /usr/bin/time -v -o "$TMP/time" timeout "$TIMEOUT" "$@" > "$TMP/stdout" 2> "$TMP/stderr"
  STATUS=$?
  set -e
  end=$(date +%s%N)
  WALL=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$TMP/time")
  if grep -q "Command exited with non-zero status" "$TMP/time"; then
    STATUS=$(awk -F'status ' '/Command exited with non-zero status/ { print $2 }' "$TMP/time")
  fi
}

# ok MAXSTATUS: whether the last run succeeded (termlint exits 1 when it finds problems).
ok() { [[ "$STATUS" -le "$1" ]]; }

# cell: "time s" or the failure, for the table.
cell_time() { if ok "$1"; then seconds "$WALL"; else failure; fi; }
seconds() { awk -v t="$1" 'BEGIN { printf (t < 1 ? "%.3f s" : "%.2f s"), t }'; }
# rate_if MAXSTATUS N UNIT: N per second of the last run, or a dash when it failed.
rate_if() { if ok "$1"; then rate "$2" "$WALL" "$3"; else echo "—"; fi; }
failure() {
  if [[ "$STATUS" == 124 ]]; then echo "timed out (${TIMEOUT} s)"
  else echo "failed (exit $STATUS: $(head -c 80 "$TMP/stderr" | tr '\n|' '  '))"; fi
}
rate() { awk -v n="$1" -v t="$2" -v u="$3" 'BEGIN { if (t > 0) printf "%.1f %s", n / t, u; else print "—" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else print "—" }'; }
mb_of() { awk -v s="$(stat -c %s "$1")" 'BEGIN { printf "%.2f", s / 1048576 }'; }

ROWS=()
row() { ROWS+=("| $(IFS='|'; echo "$*" | sed 's/|/ | /g') |"); }

TERM_RULES=(--rule term-forbidden --rule term-case --rule term-inconsistent)

# The TBX glossary of each size, or its TSV twin when termlint cannot read the TBX (TBX files
# over about 10 MB are rejected by the XML parser: see RESULTS.md).
declare -A GLOSS GNAME
for k in $CONCEPTS; do
  if "$BIN" glossary stats "$OUT/glossary-$k.tbx" > /dev/null 2>&1; then
    GLOSS[$k]="$OUT/glossary-$k.tbx"; GNAME[$k]="K = $k"
  else
    log "glossary-$k.tbx does not load; using glossary-$k.tsv"
    GLOSS[$k]="$OUT/glossary-$k.tsv"; GNAME[$k]="K = $k (TSV: the TBX does not load)"
  fi
done

# --- terminology lint vs grep -------------------------------------------------------------------
for mb in $SIZES; do
  corpus="$OUT/corpus-${mb}mb.md"
  size=$(mb_of "$corpus")
  for k in $CONCEPTS; do
    log "lint ${mb} MB, K=$k"
    measure "$BIN" lint "${TERM_RULES[@]}" --glossary "${GLOSS[$k]}" --format sarif "$corpus"
    ok 1 && { t_cell=$(cell_time 1); t_rate=$(rate "$size" "$WALL" MB/s); t_rss="$RSS MB"; t_wall=$WALL; } \
         || { t_cell=$(failure); t_rate="—"; t_rss="—"; t_wall=0; }
    log "grep ${mb} MB, K=$k"
    measure env LC_ALL=C grep -F -i -o -f "$OUT/terms-$k.txt" "$corpus"
    g_cell=$(cell_time 1); g_rate=$(rate "$size" "$WALL" MB/s)
    row "terminology lint, $size MB, ${GNAME[$k]} (grep terms: $(wc -l < "$OUT/terms-$k.txt"))" \
        "$t_cell" "$t_rate" "$t_rss" "\`grep -F -i -o -f terms\`" "$g_cell" "$g_rate" "$RSS MB" \
        "$(ratio "$t_wall" "$WALL")"
    if python3 -c 'import icu, snowballstemmer, ahocorasick' 2> /dev/null; then
      log "semantic baseline (Python) ${mb} MB, K=$k"
      measure python3 Benchmarks/semantic_baseline.py "$OUT/glossary-$k.tsv" "$corpus"
      row "terminology lint, $size MB, ${GNAME[$k]}" "$t_cell" "$t_rate" "$t_rss" \
          "Python: ICU NFKC_Casefold + Snowball + Aho–Corasick (\`semantic_baseline.py\`)" "$(cell_time 0)" \
          "$(rate_if 0 "$size" MB/s)" "$RSS MB" "$(ratio "$t_wall" "$WALL")"
    else
      log "semantic baseline skipped: pip install pyicu snowballstemmer pyahocorasick"
    fi
  done
done

# --- bilingual files vs pofilter ----------------------------------------------------------------
log "pofilter on $UNITS units"
if command -v pofilter > /dev/null; then
  measure pofilter --progress=none "$OUT/units.po" "$TMP/pofilter.po"
  p_ok=$STATUS; p_wall=$WALL; p_rss=$RSS
  p_cell=$(cell_time 0); p_rate=$(rate "$UNITS" "$WALL" units/s)
else
  p_ok=127; p_wall=0; p_rss="—"; p_cell="not installed"; p_rate="—"
fi
for f in units.xlf units.po; do
  log "lint $f (all default rules), K=$MID"
  measure "$BIN" lint --glossary "${GLOSS[$MID]}" --source-lang ru --target-lang en \
    --format sarif "$OUT/$f"
  ok 1 && { t_cell=$(cell_time 1); t_rate=$(rate "$UNITS" "$WALL" units/s); t_rss="$RSS MB"; r=$(ratio "$WALL" "$p_wall"); } \
       || { t_cell=$(failure); t_rate="—"; t_rss="—"; r="—"; }
  [[ "$p_ok" == 0 ]] || r="—"
  row "bilingual lint, $f, $UNITS units, all default rules, ${GNAME[$MID]}" "$t_cell" "$t_rate" "$t_rss" \
      "\`pofilter\` (all tests) on units.po" "$p_cell" "$p_rate" "$p_rss MB" "$r"
done

# --- real catalogues vs pofilter ----------------------------------------------------------------
# The 52 Russian catalogues of the evaluation set (Evaluation/corpus/po, real unit lengths: a
# generator's units are several times shorter). pofilter gets the same folder.
REAL="Evaluation/corpus/po"
real_files=$(find "$REAL" -name '*.po' | wc -l)
real_units=$(cat $(find "$REAL" -name '*.po') | grep -c '^msgid ' || true)
log "real catalogues: $real_files files, $real_units entries"
if command -v pofilter > /dev/null; then
  measure pofilter --progress=none "$REAL" "$TMP/pofilter-real"
  rp_ok=$STATUS; rp_wall=$WALL; rp_rss=$RSS; rp_cell=$(cell_time 0); rp_rate=$(rate "$real_units" "$WALL" units/s)
else
  rp_ok=127; rp_wall=0; rp_rss="—"; rp_cell="not installed"; rp_rate="—"
fi
for jobs in 1 2; do
  log "lint real catalogues --jobs $jobs"
  # The built-in default rules (no .termlint.yml above the repository's root is assumed).
  measure "$BIN" lint --jobs "$jobs" --source-lang en --target-lang ru --format sarif "$REAL"
  ok 1 && { t_cell=$(cell_time 1); t_rate=$(rate "$real_units" "$WALL" units/s); t_rss="$RSS MB"; r=$(ratio "$WALL" "$rp_wall"); } \
       || { t_cell=$(failure); t_rate="—"; t_rss="—"; r="—"; }
  [[ "$rp_ok" == 0 ]] || r="—"
  row "real PO catalogues ($real_files files, $real_units entries), all default rules, \`--jobs $jobs\`" "$t_cell" "$t_rate" "$t_rss" \
      "\`pofilter\` (all tests), same folder" "$rp_cell" "$rp_rate" "$rp_rss MB" "$r"
done
[[ "${BENCH_REAL_ONLY:-0}" == "1" ]] && {
  echo "| benchmark | termlint | termlint rate | termlint peak RSS | baseline | baseline | baseline rate | baseline peak RSS | termlint ÷ baseline (time) |"
  echo "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${ROWS[@]}"
  exit 0
}

# --- glossary load and compile ------------------------------------------------------------------
for ext in tbx tsv; do
  g="$OUT/glossary-$MAXK.$ext"
  log "glossary stats $g"
  measure "$BIN" glossary stats "$g"
  row "glossary load (\`glossary stats\`), K = $MAXK, $(mb_of "$g") MB ${ext^^}" \
      "$(cell_time 0)" "$(rate_if 0 "$MAXK" concepts/s)" "$RSS MB" "" "" "" "" ""
done
log "glossary load + compile K=$MAXK"
measure "$BIN" lint "${TERM_RULES[@]}" --glossary "${GLOSS[$MAXK]}" "$OUT/one-sentence.md"
row "glossary load + compile (lint of one sentence), ${GNAME[$MAXK]}" \
    "$(cell_time 1)" "$(rate_if 1 "$MAXK" concepts/s)" "$RSS MB" "" "" "" "" ""
log "glossary cache K=$MAXK: first run (writes it), then $REPEAT runs from it"
cached=(env -u TERMLINT_NO_CACHE TERMLINT_CACHE_DIR="$TMP/cache")
rm -rf "$TMP/cache"
measure "${cached[@]}" "$BIN" lint "${TERM_RULES[@]}" --glossary "${GLOSS[$MAXK]}" "$OUT/one-sentence.md"
first_cell=$(cell_time 1); first_rss=$RSS; first_wall=$WALL
: > "$TMP/warm"
for _ in $(seq "$REPEAT"); do
  measure "${cached[@]}" "$BIN" lint "${TERM_RULES[@]}" --glossary "${GLOSS[$MAXK]}" "$OUT/one-sentence.md"
  echo "$WALL" >> "$TMP/warm"; warm_rss=$RSS; warm_status=$STATUS
done
warm=$(sort -n "$TMP/warm" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'); STATUS=$warm_status
row "glossary from the cache (lint of one sentence), ${GNAME[$MAXK]} (median of $REPEAT)" \
    "$( ok 1 && seconds "$warm" || failure)" "" "$warm_rss MB" "first run: load + compile + write the cache" \
    "$first_cell" "" "$first_rss MB" "$(ratio "$warm" "$first_wall")"

# --- article pair -------------------------------------------------------------------------------
log "article pair"
measure "$BIN" lint --glossary "${GLOSS[$MID]}" --format sarif \
  --source "$OUT/pair.ru.md" --target "$OUT/pair.en.md"
row "article pair (align + all default rules), $(wc -w < "$OUT/pair.en.md") English words, ${GNAME[$MID]}" \
    "$(cell_time 1)" "$(rate_if 1 "$(wc -w < "$OUT/pair.en.md")" words/s)" "$RSS MB" "" "" "" "" ""

# --- folder of articles, --jobs 1 vs --jobs 2 ---------------------------------------------------
nfiles=$(ls "$OUT/articles" | wc -l)
dsize=$(du -sm --apparent-size "$OUT/articles" | cut -f1)
log "folder --jobs 1"
# --no-gitignore: Benchmarks/out/ is in .gitignore, which folder walks honour.
measure "$BIN" lint --jobs 1 --no-gitignore --glossary "${GLOSS[$MID]}" --format sarif "$OUT/articles"
j1_cell=$(cell_time 1); j1_rate=$(rate_if 1 "$nfiles" files/s); j1_rss=$RSS; j1_wall=$WALL
log "folder --jobs 2"
measure "$BIN" lint --jobs 2 --no-gitignore --glossary "${GLOSS[$MID]}" --format sarif "$OUT/articles"
row "folder of $nfiles articles (${dsize} MB), all default rules, ${GNAME[$MID]}, \`--jobs 2\`" \
    "$(cell_time 1)" "$(rate_if 1 "$nfiles" files/s)" "$RSS MB" "termlint \`--jobs 1\`" \
    "$j1_cell" "$j1_rate" "$j1_rss MB" "$(ratio "$WALL" "$j1_wall")"

# --- cold start ---------------------------------------------------------------------------------
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
log "cold start x$REPEAT"
: > "$TMP/cold"; : > "$TMP/version"
for _ in $(seq "$REPEAT"); do
  measure "$BIN" lint --glossary "$OUT/glossary-$MINK.tbx" "$OUT/one-sentence.md"
  echo "$WALL" >> "$TMP/cold"; cold_rss=$RSS; cold_status=$STATUS
  measure "$BIN" --version
  echo "$WALL" >> "$TMP/version"; ver_rss=$RSS
done
cold=$(median < "$TMP/cold"); ver=$(median < "$TMP/version")
STATUS=$cold_status
row "cold start: lint one sentence, all default rules, K = $MINK (median of $REPEAT)" \
    "$( ok 1 && seconds "$cold" || failure)" "" "$cold_rss MB" "\`termlint --version\`" \
    "$(seconds "$ver")" "" "$ver_rss MB" "$(ratio "$cold" "$ver")"

# --- table --------------------------------------------------------------------------------------
echo "| benchmark | termlint | termlint rate | termlint peak RSS | baseline | baseline | baseline rate | baseline peak RSS | termlint ÷ baseline (time) |"
echo "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |"
printf '%s\n' "${ROWS[@]}"
