#!/bin/sh
# Installs what `npm test` needs besides the npm packages, on Debian or Ubuntu, and says what it did:
# - from Debian's packages: nats-server (2.9.10 on bookworm, the oldest server we support), Chromium for the browser
#   tests, openssl (the local target's certs.sh and the TLS tests make throwaway certificates with it), iproute2 and
#   curl (the multi-site boot test puts each site in a network namespace), and kubectl
#   (package kubernetes-client) when no kubectl is on the PATH;
# - built from their Go modules into a cache, never downloaded as binaries: the nats-server release that bundles
#   deploy (NATS_SERVER_VERSION in src/core/defaults.ts) and natscli (test/tools/versions.env).
# Runs as root (where there is no sudo) or as a user with sudo. Run it again at will: it skips what is in place.
# Without Go the two builds are skipped with a warning, and the tests that need them report themselves skipped
# (under CI=true they fail instead).
set -eu
cd "$(dirname "$0")/.."

if [ "$(id -u)" -eq 0 ]; then SUDO=''; else SUDO='sudo'; fi

# --- Debian packages
need=''
[ -x /usr/sbin/nats-server ] || need="$need nats-server"
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need="$need chromium"
command -v openssl >/dev/null 2>&1 || need="$need openssl"
# The multi-site boot test: a network namespace per site (ip netns), and curl to read each server's monitoring port.
command -v ip >/dev/null 2>&1 || need="$need iproute2"
command -v curl >/dev/null 2>&1 || need="$need curl"
# Only when missing: Debian's kubectl would clash with one installed another way.
command -v kubectl >/dev/null 2>&1 || need="$need kubernetes-client"
if [ -n "$need" ]; then
  echo "install-test-tools: installing from Debian:$need"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need
fi

# --- Go-built tools
. test/tools/versions.env
server_version=$(sed -n "s/^export const NATS_SERVER_VERSION = '\([0-9][0-9.]*\)';$/\1/p" src/core/defaults.ts)
[ -n "$server_version" ] || { echo "install-test-tools: cannot read NATS_SERVER_VERSION from src/core/defaults.ts" >&2; exit 1; }
cache="${NATS_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/nats-topology-designer}"

# build <name> <module> <version> <binary>: `go install` into $cache/<name>-v<version>/ unless it is there already.
build() {
  dir="$cache/$1-v$3"
  if [ -x "$dir/$4" ]; then
    echo "install-test-tools: $1 v$3 already built ($dir/$4)"
    return 0
  fi
  echo "install-test-tools: building $2@v$3 (about a minute)"
  rm -rf "$dir.partial"
  mkdir -p "$cache"
  GOBIN="$dir.partial" GOFLAGS=-trimpath go install "$2@v$3"
  mv "$dir.partial" "$dir"
}

if command -v go >/dev/null 2>&1; then
  build nats-server "$NATS_SERVER_MODULE" "$server_version" nats-server
  build natscli "$NATSCLI_MODULE" "$NATSCLI_VERSION" nats
else
  echo "install-test-tools: WARNING: no Go toolchain, so nats-server v$server_version and natscli v$NATSCLI_VERSION are not built;" >&2
  echo "install-test-tools: the tests that need them will be skipped (install Go 1.24 or later and run this again)." >&2
  [ "${CI:-}" != "true" ] || exit 1
fi

echo "install-test-tools: ready:"
echo "  oldest server:  $(/usr/sbin/nats-server --version 2>/dev/null || echo missing)"
echo "  current server: $("$cache/nats-server-v$server_version/nats-server" --version 2>/dev/null || echo missing)"
echo "  natscli:        $("$cache/natscli-v$NATSCLI_VERSION/nats" --version 2>/dev/null || echo missing)"
echo "  chromium:       $("${CHROMIUM_PATH:-/usr/bin/chromium}" --version 2>/dev/null || echo missing)"
echo "  kubectl:        $(kubectl version --client 2>/dev/null | head -n 1 || echo missing)"
