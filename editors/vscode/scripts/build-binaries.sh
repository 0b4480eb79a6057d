#!/usr/bin/env bash
# Cross-builds the rscls binary into bin/<target>/ of the extension, where
# the extension looks for a bundled server and where `npm run package`
# finds the targets to package. The repository's scripts/build-binaries.sh
# does the work (and says which C compilers it uses); TARGETS, VERSION, GO,
# ZIG and CC_<TARGET> go through to it.
#
#   scripts/build-binaries.sh                       every target the toolchains allow
#   TARGETS="linux-x64 win32-x64" scripts/build-binaries.sh
set -euo pipefail
ext_dir=$(cd "$(dirname "$0")/.." && pwd)
exec "$ext_dir/../../scripts/build-binaries.sh" "$ext_dir/bin"
