#!/usr/bin/env bash
# Installs code-server (VS Code served to a browser) from the npm registry
# into DIR, for the end-to-end test. The package's postinstall would
# download ripgrep from outside the package registries, so it is run by hand
# here with Debian's ripgrep instead; native modules are built from source,
# which needs Debian's build dependencies (installed with apt-get when
# missing, as root). Takes several minutes the first time; does nothing when
# DIR already holds a working code-server.
#
# usage: install-code-server.sh DIR [VERSION]
set -euo pipefail
DIR=${1:?usage: install-code-server.sh DIR [VERSION]}
VERSION=${2:-4.100.3}   # VS Code 1.100; runs on Node 20
bin="$DIR/node_modules/.bin/code-server"
# --config keeps code-server from writing ~/.config/code-server/config.yaml.
if [ -x "$bin" ] && "$bin" --config "$DIR/config.yaml" --version >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive npm_config_yes=true
missing=""
for p in build-essential pkg-config python3 libkrb5-dev libxkbfile-dev libsecret-1-dev ripgrep; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install-code-server: missing Debian packages:$missing (run as root or install them)" >&2
    exit 1
  fi
  apt-get update -qq && apt-get install -y -qq $missing >/dev/null
fi
echo "installing code-server $VERSION into $DIR (several minutes)" >&2
# Build in a scratch folder beside DIR and move it in place at the end, so
# that an interrupted install never leaves a half-built DIR behind.
mkdir -p "$(dirname "$DIR")"
work=$(mktemp -d "$DIR.partial.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
echo '{"name":"rscls-e2e-code-server","private":true}' > package.json
# 1. the package, without its postinstall
npm install --no-save --no-audit --no-fund --ignore-scripts "code-server@$VERSION" >/dev/null
npm rebuild --unsafe-perm --build-from-source argon2 >/dev/null
# 2. what the postinstall does, with ripgrep taken from Debian
cd node_modules/code-server/lib/vscode
npm install --unsafe-perm --omit=dev --no-audit --no-fund --ignore-scripts >/dev/null
mkdir -p node_modules/@vscode/ripgrep/bin && ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm rebuild --unsafe-perm >/dev/null
rm -rf node_modules.asar && ln -s node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm install --unsafe-perm --omit=dev --no-audit --no-fund >/dev/null)
cd /
rm -rf "$DIR"
mv "$work" "$DIR"
trap - EXIT
"$bin" --config "$DIR/config.yaml" --version >&2
