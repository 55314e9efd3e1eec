#!/usr/bin/env bash
# Checks the release tarball scripts/release.sh wrote (run by .ci/run after it):
#
#   Tests/release/check-tarball.sh [dist/termlint-VERSION-linux-ARCH.tar.gz]
#
# - its SHA-256 file verifies;
# - it unpacks to one folder with bin/termlint, the man page, bash/zsh/fish completions, README,
#   and the licences of the Swift runtime, of ICU and of cmark-gfm;
# - ldd of the binary lists no Swift (libswift*, Foundation, dispatch, BlocksRuntime), ICU or
#   libxml2 or cmark-gfm library;
# - the unpacked binary, with no library path, prints its version, and runs the README's first
#   command (exit status 1 and the planted mistakes of Examples/article.en.expected).
# Exits 1 naming every check that fails.
set -euo pipefail
cd "$(dirname "$0")/../.."

case "$(uname -m)" in x86_64|amd64) arch=x86_64 ;; aarch64|arm64) arch=arm64 ;; *) arch="$(uname -m)" ;; esac
tarball="${1:-}"
if [[ -z "$tarball" ]]; then
  tarball="$(ls -t dist/termlint-*-linux-"$arch".tar.gz 2>/dev/null | head -1 || true)"
  [[ -n "$tarball" ]] || { echo "check-tarball: no dist/termlint-*-linux-$arch.tar.gz; run scripts/release.sh first" >&2; exit 2; }
fi
failures=0
check() { # check DESCRIPTION COMMAND...
  local what="$1"; shift
  if "$@" >/dev/null 2>&1; then echo "  ok   $what"; else echo "  FAIL $what"; failures=$((failures + 1)); fi
}

name="$(basename "$tarball" .tar.gz)"
echo "check-tarball: $tarball"
check "the checksum file verifies" bash -c "cd '$(dirname "$tarball")' && sha256sum -c '$name.tar.gz.sha256'"
check "the name is termlint-VERSION-linux-$arch" bash -c "[[ '$name' =~ ^termlint-[0-9]+\.[0-9]+\.[0-9]+[^/]*-linux-$arch\$ ]]"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$tarball"
root="$work/$name"
check "it unpacks to one folder named like the tarball" bash -c "[[ \$(ls '$work') == '$name' ]]"
for f in bin/termlint share/man/man1/termlint.1 share/bash-completion/completions/termlint \
  share/zsh/site-functions/_termlint share/fish/vendor_completions.d/termlint.fish README.md \
  share/licenses/swift-runtime.txt share/licenses/libicuuc.txt share/licenses/libcmark-gfm.txt \
  share/licenses/libcmark-gfm-extensions.txt; do
  check "it holds $f" test -s "$root/$f"
done
check "the binary is executable" test -x "$root/bin/termlint"
check "the man page is roff with every subcommand" bash -c "head -1 '$root/share/man/man1/termlint.1' | grep -q '^\.TH TERMLINT 1' && for c in lint fix align rules glossary; do grep -q \"^\.SS termlint \$c\" '$root/share/man/man1/termlint.1' || exit 1; done"
check "the bash completion parses" bash -n "$root/share/bash-completion/completions/termlint"

libs="$(ldd "$root/bin/termlint" 2>&1 || true)"
echo "$libs" | sed 's/^/       /'
check "ldd lists no Swift library" bash -c "! grep -Eq 'libswift|libFoundation|libdispatch|libBlocksRuntime' <<<'$libs'"
check "ldd lists no ICU library" bash -c "! grep -q 'libicu' <<<'$libs'"
check "ldd lists no libxml2 (it would bring ICU back)" bash -c "! grep -q 'libxml2' <<<'$libs'"
check "ldd lists no cmark-gfm library (its archives are linked in)" bash -c "! grep -q 'libcmark' <<<'$libs'"

version="$(env -i "$root/bin/termlint" --version 2>&1 || true)"
check "it prints its version and ICU's with an empty environment ($version)" bash -c "[[ '$version' =~ ^termlint\ [0-9.]+.*\(ICU\ [0-9.]+\)\$ ]]"

# The README's first command, with the unpacked binary for 'swift run termlint'.
first="$(sed -n '/^```sh$/,/^```$/p' README.md | grep -m1 '^swift run termlint ')"
args="${first#swift run termlint }"
set +e
out="$(env -i PATH=/usr/bin:/bin "$root/bin/termlint" $args 2>&1)"
status=$?
set -e
echo "       README's first command: termlint $args -> exit $status"
check "the README's first command exits 1 (planted mistakes)" test "$status" -eq 1
missing=0
while IFS=$'\t' read -r location rule _; do
  [[ -z "$location" || "$location" == \#* ]] && continue
  grep -qF "Examples/article.en.md:$location:" <<<"$out" || missing=$((missing + 1))
done < Examples/article.en.expected
check "and reports every planted mistake of Examples/article.en.expected" test "$missing" -eq 0

if (( failures )); then echo "check-tarball: $failures checks failed"; exit 1; fi
echo "check-tarball: all checks passed"
