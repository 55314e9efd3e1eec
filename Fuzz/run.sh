#!/usr/bin/env bash
# Builds one libFuzzer harness from Fuzz/Targets/TARGET.swift and runs it for SECONDS.
#   Fuzz/run.sh TARGET SECONDS        e.g. Fuzz/run.sh TBXLoader 600
# TermlintCore (and Yams) are compiled by SwiftPM with coverage instrumentation and ASan into
# .build/fuzz; the harness is linked with swiftc -sanitize=fuzzer,address. The corpus is seeded
# from ../shared/corpus and the test fixtures; crashers land in Fuzz/crashers/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: Fuzz/run.sh TARGET SECONDS}; seconds=${2:-60}
[ -f "Fuzz/Targets/$target.swift" ] || { echo "no harness Fuzz/Targets/$target.swift" >&2; exit 2; }

build=.build/fuzz
swift build -c release --build-path "$build" --target TermlintCore \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
bin=$(swift build -c release --build-path "$build" --show-bin-path)
objects=$(find "$bin/TermlintCore.build" "$bin/Yams.build" "$bin/CYaml.build" "$bin/CICUShim.build" -name '*.o')
maps=()
for m in $(find "$bin" -name module.modulemap); do maps+=(-Xcc "-fmodule-map-file=$m"); done
swiftc -sanitize=fuzzer,address -parse-as-library -O -I "$bin/Modules" "${maps[@]}" \
  -Xcc -ISources/CICUShim/include "Fuzz/Targets/$target.swift" $objects -licuuc -licui18n -lstdc++ \
  -o "$build/fuzz-$target"

# Seeds: files of the reader's formats.
case $target in
  TBXLoader) exts="tbx" ;; CSVGlossary) exts="csv tsv" ;; YAMLGlossary|Pipeline) exts="yml yaml" ;;
  XLIFFReader) exts="xlf xliff" ;; POReader) exts="po pot" ;; TMXReader) exts="tmx" ;; *) exts="" ;;
esac
seeds="$build/seeds-$target"; mkdir -p "$seeds" "Fuzz/crashers/$target"
for e in $exts; do
  find ../shared/corpus Tests Examples Glossaries Pipelines -name "*.$e" -size -1M -exec cp -n {} "$seeds/" \; 2>/dev/null || true
done
work="$build/corpus-$target"; mkdir -p "$work"
"$build/fuzz-$target" "$work" "$seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 -artifact_prefix="Fuzz/crashers/$target/" -print_final_stats=1
