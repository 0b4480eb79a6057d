#!/usr/bin/env bash
# Cross-builds the rscls binary into OUT_DIR/<target>/rscls (rscls.exe on
# Windows), one folder per target. Targets are named as Node.js names
# platforms (process.platform-process.arch), as the VS Code extension's
# bin/ and the npm packages both need.
#
#   scripts/build-binaries.sh OUT_DIR                      every target the toolchains allow
#   TARGETS="linux-x64 win32-x64" scripts/build-binaries.sh OUT_DIR
#
# rscls needs cgo (tree-sitter is C), so each target needs a C compiler for
# it. The script picks, in this order:
#   CC_<TARGET> (e.g. CC_LINUX_ARM64="aarch64-linux-gnu-gcc")   an explicit compiler
#   the host C compiler                                           for the host's own target
#   a GNU cross compiler (aarch64-linux-gnu-gcc, x86_64-w64-mingw32-gcc)
#   zig cc (ZIG=/path/to/zig, default: zig on PATH)               for any target, darwin included
# Targets without a compiler are skipped and listed at the end. The script
# fails when a target that had a compiler fails to build, when a target
# named in TARGETS is unknown, and when one named in TARGETS is skipped.
#
# Other variables: VERSION (stamped into `rscls version`; default: git
# describe of the repository, if any), GO (default: go).
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: scripts/build-binaries.sh OUT_DIR" >&2
  exit 2
fi
mkdir -p "$1"
out_root=$(cd "$1" && pwd)
repo_dir=$(cd "$(dirname "$0")/.." && pwd)
# The Go package of the rscls command.
main_package=./cmd/lsp/rscls
all_targets="linux-x64 linux-arm64 darwin-x64 darwin-arm64 win32-x64"
targets=${TARGETS:-$all_targets}
go=${GO:-go}
zig=${ZIG:-zig}
version=${VERSION:-$(git -C "$repo_dir" describe --tags --always 2>/dev/null || true)}

host_os=$("$go" env GOHOSTOS)
host_arch=$("$go" env GOHOSTARCH)

# goos_goarch TARGET prints the Go platform of a target.
goos_goarch() {
  case $1 in
    linux-x64) echo "linux amd64" ;;
    linux-arm64) echo "linux arm64" ;;
    darwin-x64) echo "darwin amd64" ;;
    darwin-arm64) echo "darwin arm64" ;;
    win32-x64) echo "windows amd64" ;;
    *) return 1 ;;
  esac
}

# zig_target TARGET prints zig's name for the target. Linux binaries link
# musl statically: zig has no static glibc.
zig_target() {
  case $1 in
    linux-x64) echo "x86_64-linux-musl" ;;
    linux-arm64) echo "aarch64-linux-musl" ;;
    darwin-x64) echo "x86_64-macos" ;;
    darwin-arm64) echo "aarch64-macos" ;;
    win32-x64) echo "x86_64-windows-gnu" ;;
  esac
}

have() { command -v "$1" >/dev/null 2>&1; }

# pick_cc TARGET GOOS GOARCH prints the C compiler command for the target,
# or nothing (and the reason on fd 3) when there is none.
pick_cc() {
  local target=$1 goos=$2 goarch=$3
  local var
  var="CC_$(echo "$target" | tr 'a-z-' 'A-Z_')"
  if [[ -n ${!var:-} ]]; then
    echo "${!var}"
    return
  fi
  if [[ $goos == "$host_os" && $goarch == "$host_arch" ]]; then
    local cc
    cc=$("$go" env CC)
    if have "${cc%% *}"; then
      echo "$cc"
      return
    fi
  fi
  case $target in
    linux-arm64) have aarch64-linux-gnu-gcc && { echo aarch64-linux-gnu-gcc; return; } ;;
    linux-x64) [[ $host_arch != amd64 ]] && have x86_64-linux-gnu-gcc && { echo x86_64-linux-gnu-gcc; return; } ;;
    win32-x64) have x86_64-w64-mingw32-gcc && { echo x86_64-w64-mingw32-gcc; return; } ;;
    darwin-*) [[ $host_os == darwin ]] && have clang && {
      if [[ $goarch == arm64 ]]; then echo "clang -arch arm64"; else echo "clang -arch x86_64"; fi
      return
    } ;;
  esac
  if have "$zig"; then
    echo "$zig cc -target $(zig_target "$target")"
    return
  fi
  case $target in
    linux-arm64) echo "no C compiler for linux/arm64: install gcc-aarch64-linux-gnu (Debian/Ubuntu) or zig" >&3 ;;
    linux-x64) echo "no C compiler for linux/amd64: install gcc-x86-64-linux-gnu or zig" >&3 ;;
    win32-x64) echo "no C compiler for windows/amd64: install gcc-mingw-w64-x86-64 (Debian/Ubuntu) or zig" >&3 ;;
    darwin-*) echo "no C compiler for darwin/$goarch: build on macOS (Xcode command line tools) or install zig (ZIG=/path/to/zig)" >&3 ;;
  esac
}

# corefoundation_stub writes, once, a framework directory holding a text
# stub of CoreFoundation (its install name, no symbols) into $stub_dir.
stub_dir=""
corefoundation_stub() {
  if [[ -z $stub_dir ]]; then
    stub_dir=$(mktemp -d)
    mkdir -p "$stub_dir/CoreFoundation.framework"
    cat >"$stub_dir/CoreFoundation.framework/CoreFoundation.tbd" <<'TBD'
--- !tapi-tbd
tbd-version:     4
targets:         [ x86_64-macos, arm64-macos ]
install-name:    '/System/Library/Frameworks/CoreFoundation.framework/Versions/A/CoreFoundation'
current-version: 1
...
TBD
  fi
}
cleanup() { [[ -z $stub_dir ]] || rm -rf "$stub_dir"; }
trap cleanup EXIT

built=()
skipped=()
failed=()

for target in $targets; do
  if ! platform=$(goos_goarch "$target"); then
    echo "unknown target $target (known: $all_targets)" >&2
    exit 2
  fi
  read -r goos goarch <<<"$platform"
  reason_file=$(mktemp)
  cc=$(pick_cc "$target" "$goos" "$goarch" 3>"$reason_file")
  reason=$(cat "$reason_file")
  rm -f "$reason_file"
  if [[ -z $cc ]]; then
    skipped+=("$target: $reason")
    continue
  fi

  exe=""
  [[ $goos == windows ]] && exe=".exe"
  out_dir="$out_root/$target"
  mkdir -p "$out_dir"
  cgo_ldflags=${CGO_LDFLAGS:-$("$go" env CGO_LDFLAGS)}
  case $goos in
    linux | windows)
      # Linked statically, so that the binary needs neither a particular
      # glibc nor MinGW's DLLs; netgo and osusergo keep it from calling
      # into glibc's NSS.
      ldflags="-s -w -linkmode external -extldflags=-static"
      ;;
    darwin)
      # -w only: with -s the Go linker asks the C linker for -Wl,-x, which
      # zig's linker rejects.
      ldflags="-w"
      if [[ $cc == *zig* ]]; then
        # runtime/cgo links CoreFoundation on darwin/arm64 without using
        # it on macOS; zig has no macOS SDK, so it gets a stub to link to.
        corefoundation_stub
        cgo_ldflags+=" -F$stub_dir"
      fi
      ;;
  esac
  [[ -n $version ]] && ldflags+=" -X github.com/rscls/rscls/cmd/lsp.version=$version"

  echo "building $target ($goos/$goarch, CC=$cc)"
  if (cd "$repo_dir" && CGO_ENABLED=1 GOOS=$goos GOARCH=$goarch CC="$cc" CGO_LDFLAGS="$cgo_ldflags" \
    "$go" build -trimpath -tags netgo,osusergo -ldflags "$ldflags" -o "$out_dir/rscls$exe" "$main_package"); then
    built+=("$target")
  else
    failed+=("$target (CC=$cc)")
    rm -rf "$out_dir"
  fi
done

echo
[[ ${#built[@]} -gt 0 ]] && echo "built: ${built[*]}"
for s in "${skipped[@]+"${skipped[@]}"}"; do
  echo "skipped $s"
done
for f in "${failed[@]+"${failed[@]}"}"; do
  echo "FAILED $f" >&2
done
[[ ${#failed[@]} -eq 0 ]] || exit 1
if [[ -n ${TARGETS:-} && ${#skipped[@]} -gt 0 ]]; then
  echo "TARGETS named targets that could not be built" >&2
  exit 1
fi
