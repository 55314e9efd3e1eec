#!/usr/bin/env bash
# Builds one libFuzzer harness from Fuzz/Targets/TARGET.swift and runs it for SECONDS.
#   Fuzz/run.sh TARGET SECONDS [extra libFuzzer flags...]    e.g. Fuzz/run.sh TBXLoader 600
#   Fuzz/run.sh all SECONDS                                   every target in turn
#
# The Termlint libraries (TermlintCore and the TermlintGlossary and TermlintText it uses), Yams,
# swift-algorithms (with the swift-numerics modules it brings) and the C shims are compiled by
# SwiftPM in release mode with `-sanitize=fuzzer,address` (coverage instrumentation + ASan, no
# libFuzzer main) into .build/fuzz; the harness is then linked against those objects with
# `swiftc -sanitize=fuzzer,address`, which adds libFuzzer's main.
#
# Corpus: Fuzz/corpus/TARGET/ (kept between runs, git-ignored), seeded on every run from
# ../shared/corpus (optional) and the repository's fixtures, examples and glossaries.
# Crashers, hangs, leaks and OOM inputs land in Fuzz/crashers/TARGET/ (git-ignored); each one
# found is fixed in Sources/ and kept as a regression test, not here.
# The log of the run is .build/fuzz/logs/TARGET.log.
#
# Environment: NICE (default 19) is the niceness of the fuzzing process; FUZZ_BUILD overrides
# the build directory.
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: Fuzz/run.sh TARGET|all SECONDS [libFuzzer flags...]"
target=${1:?$usage}; seconds=${2:?$usage}; shift 2
targets="TBXLoader CSVGlossary YAMLGlossary XLIFFReader POReader TMXReader Pipeline"

if [ "$target" = all ]; then
  failed=""
  for t in $targets; do "$0" "$t" "$seconds" "$@" || failed="$failed $t"; done
  [ -z "$failed" ] || { echo "targets that stopped on a finding:$failed" >&2; exit 1; }
  exit 0
fi
[ -f "Fuzz/Targets/$target.swift" ] || { echo "no harness Fuzz/Targets/$target.swift (known: $targets)" >&2; exit 2; }

build=${FUZZ_BUILD:-.build/fuzz}
nice=${NICE:-19}

# 1. The library, instrumented. Incremental: a no-op when nothing changed.
# FUZZ_PREBUILT=1 skips steps 1 and 2 and runs the harness linked last time.
exe="$build/fuzz-$target"
if [ "${FUZZ_PREBUILT:-0}" != 1 ] || [ ! -x "$exe" ]; then
# Not `swift build --sanitize=fuzzer --sanitize=address`: SwiftPM keeps sanitizers in a set and
# passes them as two `-sanitize=` flags in an order that changes from run to run; swiftc keeps
# only the last one, so TermlintCore came out either with ASan and no coverage (fuzzing blind)
# or the other way round, and every run rebuilt it. One comma-joined flag is deterministic.
swiftflags=(-Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address)
nice -n "$nice" swift build -c release --build-path "$build" --target TermlintCore "${swiftflags[@]}"
bin=$(swift build -c release --build-path "$build" "${swiftflags[@]}" --show-bin-path)

# 2. The harness, linked against the library's objects.
objects=()
while IFS= read -r o; do objects+=("$o"); done < <(
  find "$bin/TermlintCore.build" "$bin/TermlintGlossary.build" "$bin/TermlintText.build" "$bin/Yams.build" "$bin/CYaml.build" "$bin/CICUShim.build" "$bin/CHunspellShim.build" \
    "$bin/CCmarkShim.build" "$bin/ZIPFoundation.build" "$bin/Algorithms.build" "$bin/RealModule.build" \
    "$bin/_NumericsShims.build" -name '*.o' | sort | while IFS= read -r o; do
      # An object of a Termlint source file that has since moved or gone is left out.
      case $o in
        */Termlint*.build/*.swift.o)
          t=${o%/*}; t=${t##*/}; t=${t%.build}; f=${o##*/}; f=${f%.o}
          [ -n "$(find "Sources/$t" -name "$f" -print -quit)" ] || continue ;;
      esac
      echo "$o"
    done)
maps=()
while IFS= read -r m; do maps+=(-Xcc "-fmodule-map-file=$m"); done < <(
  find "$bin/CICUShim.build" "$bin/CHunspellShim.build" "$bin/CCmarkShim.build" "$build/checkouts/Yams/Sources/CYaml" \
    "$build/checkouts/ZIPFoundation/Sources/CZLib" "$build/checkouts/swift-numerics/Sources/_NumericsShims" \
    -name module.modulemap)
if [ ! -x "$exe" ] || [ -n "$(find "Fuzz/Targets/$target.swift" "$bin/TermlintCore.build" "$bin/TermlintGlossary.build" "$bin/TermlintText.build" -newer "$exe" -print -quit)" ]; then
  echo "linking $exe"
  nice -n "$nice" swiftc -sanitize=fuzzer,address -parse-as-library -O -g -use-ld=lld \
    -I "$bin/Modules" "${maps[@]}" "Fuzz/Targets/$target.swift" "${objects[@]}" \
    -licuuc -licui18n -lhunspell -lcmark-gfm-extensions -lcmark-gfm -lz -lstdc++ -o "$exe"
fi
fi
# A harness linked against objects built without coverage instrumentation still runs, blind,
# with a few thousand counters from the harness alone; TermlintCore brings about 65,000.
counters=$("$exe" -runs=0 2>&1 | sed -n 's/.*(\([0-9]*\) inline 8-bit counters).*/\1/p' | head -1)
if [ "${counters:-0}" -lt 20000 ]; then
  echo "$exe has ${counters:-no} coverage counters: TermlintCore is not instrumented; rm -rf $build and retry" >&2
  exit 2
fi

# 3. Seeds: files of the reader's formats from the shared corpus (if present) and the repository.
case $target in
  TBXLoader) exts="tbx" ;;
  CSVGlossary) exts="csv tsv" ;;
  YAMLGlossary) exts="yml yaml" ;;
  Pipeline) exts="yml yaml" ;;
  XLIFFReader) exts="xlf xliff xlf2" ;;
  POReader) exts="po pot" ;;
  TMXReader) exts="tmx" ;;
esac
seeds="$build/seeds-$target"; rm -rf "$seeds"; mkdir -p "$seeds"
roots=(Tests Examples Glossaries Pipelines Benchmarks)
[ -d ../shared/corpus ] && roots+=(../shared/corpus) || echo "note: ../shared/corpus is absent; seeding from the repository only"
for root in "${roots[@]}"; do
  [ -d "$root" ] || continue
  for e in $exts; do
    # Name seeds by content hash so files with the same name from different folders all count.
    find "$root" -type f -iname "*.$e" -size -1024k -print0 |
      while IFS= read -r -d '' f; do cp "$f" "$seeds/$(cksum < "$f" | tr ' ' _)"; done
  done
done
if [ "$target" = Pipeline ]; then
  find . ../shared/corpus -maxdepth 4 -name '.termlint*.yml' -size -1024k -print0 2>/dev/null |
    while IFS= read -r -d '' f; do cp "$f" "$seeds/$(cksum < "$f" | tr ' ' _)"; done
fi
echo "seeds: $(ls "$seeds" | wc -l) files"

# 4. Fuzz. A thrown error is the right answer to bad input; crashes, hangs (-timeout), leaks
#    and memory over -rss_limit_mb stop the run and leave the input in Fuzz/crashers/TARGET/.
corpus="Fuzz/corpus/$target"; crashers="Fuzz/crashers/$target"
mkdir -p "$corpus" "$crashers" "$build/logs"
log="$build/logs/$target.log"
echo "fuzzing $target for $seconds s; log: $log"
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
set +e
nice -n "$nice" "$exe" "$corpus" "$seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 -artifact_prefix="$crashers/" -print_final_stats=1 "$@" 2>&1 | tee "$log" | grep -v '^#[0-9]'
status=${PIPESTATUS[0]}
set -e
echo "exit status $status; corpus now $(ls "$corpus" | wc -l) files"
exit "$status"
