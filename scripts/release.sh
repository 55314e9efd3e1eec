#!/usr/bin/env bash
# Builds a release tarball that runs on a Linux machine without Swift or ICU installed:
#
#   scripts/release.sh            # -> dist/termlint-VERSION-linux-ARCH.tar.gz and .sha256
#   scripts/release.sh --no-build # package the release binary built by an earlier run
#
# The binary links the Swift runtime in (--static-swift-stdlib) and every system library the
# package or the runtime links by name (ICU for CICUShim, cmark-gfm for CCmarkShim, libxml2 for
# FoundationXML, their own dependencies such as libicudata, zlib, liblzma, libstdc++, and any
# library a target adds later) from its static archive (lib*.a) when the machine has one. Only glibc's libraries
# may stay dynamic; the script lists whatever else remains and fails when it is Swift or ICU.
#
# Swift's Foundation carries its own ICU (_FoundationICU, with swift_-prefixed C functions), but
# a few C++ symbols of ICU's C API structs (UCaseMap's constructor, CollatorSpec's destructor) have
# the same names in both copies and different layouts. The system archives are therefore copied
# and every global symbol they share with the Swift static libraries is renamed in the copies
# (objcopy --redefine-syms), so each copy of ICU keeps calling its own code.
#
# The tarball holds bin/termlint, the man page (generated from the binary's help), bash, zsh and
# fish completions, README, the licence and the licences of the libraries linked in.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "release.sh: unknown argument '$arg'" >&2; exit 2 ;;
  esac
done

case "$(uname -m)" in
  x86_64|amd64) arch=x86_64 ;;
  aarch64|arm64) arch=arm64 ;;
  *) arch="$(uname -m)" ;;
esac

swift_static="$(dirname "$(dirname "$(command -v swiftc)")")/lib/swift_static/linux"
[[ -d "$swift_static" ]] || { echo "release.sh: no static Swift runtime at $swift_static" >&2; exit 2; }

# glibc's own libraries stay dynamic (a static glibc breaks NSS and dlopen); so does libgcc_s.
is_libc() {
  case "$1" in c|m|dl|pthread|rt|util|resolv|gcc_s|gcc|anl) return 0 ;; *) return 1 ;; esac
}

# The static archive of library NAME (libNAME.a) the compiler would find, or nothing.
static_archive() {
  local path
  path="$(cc -print-file-name="lib$1.a" 2>/dev/null || true)"
  if [[ "$path" == /* && -f "$path" ]]; then printf '%s\n' "$path"; fi
}

# The libraries the shared library NAME needs (its DT_NEEDED entries), as names for -l.
needed_by() {
  local so
  so="$(cc -print-file-name="lib$1.so" 2>/dev/null || true)"
  [[ "$so" == /* && -e "$so" ]] || return 0
  readelf -d "$(readlink -f "$so")" 2>/dev/null |
    sed -n 's/.*(NEEDED).*\[lib\([^].]*\)\.so.*\]/\1/p'
}

staticdir=".build/release-static-libs"
if (( build )); then
  # The libraries linked by name: the package's linkerSettings (ICU, Hunspell, cmark-gfm), the runtime's FoundationXML
  # (libxml2), and C++'s runtime, which ICU needs; then everything they need, transitively.
  # (Every linkedLibrary of a line: cmark-gfm's target names two on one line.)
  roots=($(grep -o 'linkedLibrary("[^"]*")' Package.swift | sed 's/linkedLibrary("\(.*\)")/\1/') xml2 stdc++)
  declare -A seen=()
  queue=("${roots[@]}")
  libs=()
  while (( ${#queue[@]} )); do
    lib="${queue[0]}"; queue=("${queue[@]:1}")
    [[ -n "${seen[$lib]:-}" ]] && continue
    seen[$lib]=1
    is_libc "$lib" && continue
    libs+=("$lib")
    for dep in $(needed_by "$lib"); do queue+=("$dep"); done
  done

  rm -rf "$staticdir"; mkdir -p "$staticdir"
  # SwiftPM reads the .pc file of a system-library dependency itself (ZIPFoundation's zlib) and
  # passes its `-L${libdir}` (/usr/lib/<triple>) ahead of -L flags given here, so the linker
  # would meet the system's shared ICU and libxml2 before the archives copied below. A zlib.pc
  # without -L takes the system one's place for this build.
  mkdir -p "$staticdir/pkgconfig"
  printf 'Name: zlib\nDescription: zlib, linked from the archive of %s\nVersion: %s\nLibs: -lz\nCflags:\n' \
    "$staticdir" "$(pkg-config --modversion zlib 2>/dev/null || echo 1)" >"$staticdir/pkgconfig/zlib.pc"
  export PKG_CONFIG_PATH="$PWD/$staticdir/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
  static_libs=()
  for lib in "${libs[@]}"; do
    archive="$(static_archive "$lib")"
    if [[ -n "$archive" ]]; then
      cp "$archive" "$staticdir/lib$lib.a"
      static_libs+=("$lib")
    else
      echo "release.sh: no static archive for lib$lib; it stays a shared library" >&2
    fi
  done

  # Rename, in the copies, the global symbols the Swift static libraries define too.
  nm -g --defined-only "$swift_static"/*.a 2>/dev/null | awk 'NF==3 {print $3}' | sort -u >"$staticdir/swift.syms"
  : >"$staticdir/redefine.map"
  for lib in "${static_libs[@]}"; do
    nm -g --defined-only "$staticdir/lib$lib.a" 2>/dev/null | awk 'NF==3 {print $3}' | sort -u |
      comm -12 - "$staticdir/swift.syms" | grep -v '^DW\.ref\.' |
      awk -v lib="$lib" '{print $1, $1 "_termlint_" lib}' >>"$staticdir/redefine.map" || true
  done
  if [[ -s "$staticdir/redefine.map" ]]; then
    # A symbol defined in one system archive and used in another must get one name everywhere.
    sort -u -k1,1 "$staticdir/redefine.map" -o "$staticdir/redefine.map"
    echo "release.sh: renaming $(wc -l <"$staticdir/redefine.map") symbols shared with the Swift runtime" >&2
    for lib in "${static_libs[@]}"; do
      objcopy --redefine-syms="$staticdir/redefine.map" "$staticdir/lib$lib.a"
    done
  fi

  # The linker searches -L folders before its default ones, so every -l of a library copied
  # here (the package's, the runtime's autolinked ones) takes the archive. The group at the end
  # resolves what the archives need from each other, whatever order they were named in.
  link=(-Xlinker -L"$PWD/$staticdir" -Xlinker --start-group)
  for lib in "${static_libs[@]}"; do link+=(-Xlinker "-l$lib"); done
  link+=(-Xlinker --end-group)
  swift build -c release --static-swift-stdlib --product termlint "${link[@]}"
fi

bin="$(swift build -c release --show-bin-path)/termlint"
[[ -x "$bin" ]] || { echo "release.sh: no release binary at $bin" >&2; exit 2; }

version="$("$bin" --version | sed -n 's/^termlint \([^ ]*\).*/\1/p')"
[[ -n "$version" ]] || { echo "release.sh: could not read the version from '$bin --version'" >&2; exit 2; }

# Nothing of Swift or ICU may remain dynamic; list what does beyond glibc.
dynamic="$(ldd "$bin" | awk '{print $1}')"
if grep -Eq 'libswift|libFoundation|libdispatch|libBlocksRuntime|libicu' <<<"$dynamic"; then
  echo "release.sh: the binary still links Swift or ICU dynamically:" >&2
  ldd "$bin" >&2
  exit 1
fi
others="$(grep -Ev '^(linux-vdso|/lib.*/ld-linux|ld-linux|libc\.so|libm\.so|libdl\.so|libpthread\.so|librt\.so|libutil\.so|libresolv\.so|libgcc_s\.so)' <<<"$dynamic" || true)"

name="termlint-$version-linux-$arch"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
root="$stage/$name"
mkdir -p "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" \
  "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d" "$root/share/licenses"
install -m 755 "$bin" "$root/bin/termlint"
strip "$root/bin/termlint" 2>/dev/null || true
"$root/bin/termlint" --generate-completion-script bash >"$root/share/bash-completion/completions/termlint"
"$root/bin/termlint" --generate-completion-script zsh >"$root/share/zsh/site-functions/_termlint"
"$root/bin/termlint" --generate-completion-script fish >"$root/share/fish/vendor_completions.d/termlint.fish"
python3 scripts/manpage.py "$root/bin/termlint" >"$root/share/man/man1/termlint.1"
cp README.md "$root/README.md"
if [[ -f LICENSE ]]; then
  cp LICENSE "$root/LICENSE"
else
  echo "release.sh: warning: the repository has no LICENSE file; the tarball has none for Termlint" >&2
fi
# The licences of what is linked in: the Swift runtime, and each system archive's Debian copyright.
swift_licence="$(dirname "$swift_static")/../../share/swift/LICENSE.txt"
[[ -f "$swift_licence" ]] && cp "$swift_licence" "$root/share/licenses/swift-runtime.txt"
if [[ -d "$staticdir" ]]; then
  for archive in "$staticdir"/lib*.a; do
    [[ -e "$archive" ]] || continue
    lib="$(basename "$archive" .a)"; lib="${lib#lib}"
    pkg="$(dpkg -S "$(readlink -f "$(static_archive "$lib")")" 2>/dev/null | head -1 | cut -d: -f1 || true)"
    # The copyright lives with the runtime package (libicu72 for libicu-dev, and so on).
    for candidate in $(dpkg-query -W -f='${Depends}' "$pkg" 2>/dev/null | tr ',|' '\n\n' | awk '{print $1}') "$pkg"; do
      if [[ -f "/usr/share/doc/$candidate/copyright" ]]; then
        cp "/usr/share/doc/$candidate/copyright" "$root/share/licenses/lib$lib.txt"
        break
      fi
    done
  done
fi

mkdir -p dist
tarball="dist/$name.tar.gz"
tar -C "$stage" --owner=0 --group=0 --numeric-owner -czf "$tarball.tmp" "$name"
mv "$tarball.tmp" "$tarball"
(cd dist && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")

echo "release.sh: wrote $tarball ($(du -h "$tarball" | cut -f1)) and $tarball.sha256"
if [[ -n "$others" ]]; then
  echo "release.sh: shared libraries it needs beyond glibc: $(tr '\n' ' ' <<<"$others")"
else
  echo "release.sh: shared libraries it needs beyond glibc: none"
fi
