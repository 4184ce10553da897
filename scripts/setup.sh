#!/usr/bin/env bash
# Idempotent toolchain setup. Makes sure that this machine has:
#   - Node.js >= 22 (the system one, or Node 24 from the npm registry in a user cache),
#   - the Pulumi CLI, the Node.js language host and our pulumi-resource-pulumi-nodejs shim
#     (a `pulumi` on PATH if recent enough, else built with `go build` from tools/*, cached by version),
#   - the YAML language host beside the CLI (built from the Go module proxy, cached by version),
#   - the Go language host beside the CLI (tools/pulumi-language-go, cached by version) and our SDK
#     generator tools/pulumi-gen-iblai (cached by source),
#   - the project's npm dependencies, a compiled build, and the packed package installed
#     as node_modules/pulumi-iblai-claw (so programs consume it exactly as users do), and the
#     native provider plugin `pulumi-resource-iblai` installed as resource plugin iblai.
#   - with --with-openclaw (or IBLAI_CLAW_WITH_OPENCLAW=1; scripts/test.sh passes it): the pinned
#     npm `openclaw` (~650 MB) for the test tier that runs a real gateway. The demo does not need it.
#   - with --with-postgres (or IBLAI_CLAW_WITH_POSTGRES=1; scripts/test.sh passes it): Debian's
#     `postgresql` binaries for the team-backend test. The demo does not need them.
# Writes .toolchain/env, which scripts/run.sh sources. Prints a timing line per step.
set -euo pipefail
WITH_OPENCLAW="${IBLAI_CLAW_WITH_OPENCLAW:-0}"
WITH_POSTGRES="${IBLAI_CLAW_WITH_POSTGRES:-0}"
for arg in "$@"; do
  case "$arg" in
    --with-openclaw) WITH_OPENCLAW=1 ;;
    --with-postgres) WITH_POSTGRES=1 ;;
    *) echo "setup: unknown argument $arg (known: --with-openclaw, --with-postgres)" >&2; exit 2 ;;
  esac
done
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=toolchain.env
source "$ROOT/scripts/toolchain.env"
CACHE="${IBLAI_CLAW_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-iblai-claw}"
mkdir -p "$CACHE" "$ROOT/.toolchain"
t0=$(date +%s)
step() { printf '[setup] %-34s %4ss\n' "$1" "$(( $(date +%s) - t0 ))"; }
# Tools' own output (hundreds of `go: downloading` lines on a fresh machine) goes to a log;
# the terminal gets one line per step, and the log's tail when a step fails.
LOG="$ROOT/.toolchain/setup.log"
: > "$LOG"
quiet() {
  if ! "$@" >>"$LOG" 2>&1; then
    echo "[setup] failed: $*" >&2
    tail -n 40 "$LOG" | sed 's/^/  | /' >&2
    echo "[setup] full log: $LOG" >&2
    exit 1
  fi
}

# --- Node.js ---------------------------------------------------------------
node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
# Node $NODE_VERSION from the npm registry's per-platform package, unpacked into the cache once; prints its bin dir.
cached_node() {
  local dir="$CACHE/node-v$NODE_VERSION" arch tmp
  if [ ! -x "$dir/bin/node" ]; then
    case "$(uname -m)" in x86_64) arch=x64 ;; aarch64) arch=arm64 ;; *) echo "unsupported arch $(uname -m)" >&2; exit 1 ;; esac
    tmp="$(mktemp -d)"
    (cd "$tmp" && quiet npm pack --silent "node-linux-$arch@$NODE_VERSION")
    mkdir -p "$dir.partial"
    tar xzf "$tmp"/node-linux-*.tgz -C "$dir.partial" --strip-components=1 package/bin package/LICENSE
    rm -rf "$tmp" "$dir"
    mv "$dir.partial" "$dir"
  fi
  echo "$dir/bin"
}
NODE_BIN_DIR=""
if command -v node >/dev/null && [ "$(node_major node)" -ge "$NODE_MIN_MAJOR" ]; then
  NODE_BIN_DIR="$(dirname "$(command -v node)")"
else
  NODE_BIN_DIR="$(cached_node)"
fi
export PATH="$NODE_BIN_DIR:$PATH"
step "node $(node --version)"

# --- Pulumi engine ---------------------------------------------------------
pulumi_ok() { # a pulumi on PATH at least as new as the pin, with a language host beside it
  local v; v="$("$1" version 2>/dev/null | sed 's/^v//')" || return 1
  [ -n "$v" ] && [ "$(printf '%s\n%s\n' "$PULUMI_VERSION" "$v" | sort -V | head -1)" = "$PULUMI_VERSION" ] &&
    [ -x "$(dirname "$1")/pulumi-language-nodejs" ]
}
PULUMI_BIN_DIR="$CACHE/pulumi-v$PULUMI_VERSION/bin"
if [ -z "${IBLAI_CLAW_BUILD_PULUMI:-}" ] && command -v pulumi >/dev/null && pulumi_ok "$(command -v pulumi)"; then
  PULUMI_BIN_DIR="$(dirname "$(command -v pulumi)")"
else
  command -v go >/dev/null || { echo "setup: no recent pulumi on PATH and no Go toolchain to build it" >&2; exit 1; }
  mkdir -p "$PULUMI_BIN_DIR"
  if [ ! -x "$PULUMI_BIN_DIR/pulumi" ]; then
    echo "[setup] building the pulumi CLI v$PULUMI_VERSION with Go (minutes on a fresh machine; log: $LOG)"
    (cd "$ROOT/tools/pulumi-engine" && quiet go build -trimpath -o "$PULUMI_BIN_DIR/pulumi.partial" \
      -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_VERSION" \
      github.com/pulumi/pulumi/pkg/v3/cmd/pulumi)
    mv "$PULUMI_BIN_DIR/pulumi.partial" "$PULUMI_BIN_DIR/pulumi"
  fi
  step "pulumi CLI"
  if [ ! -x "$PULUMI_BIN_DIR/pulumi-language-nodejs" ]; then
    (cd "$ROOT/tools/pulumi-language-nodejs" && quiet go build -trimpath -o "$PULUMI_BIN_DIR/pulumi-language-nodejs.partial" \
      -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_LANGUAGE_HOST_VERSION" \
      github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs)
    mv "$PULUMI_BIN_DIR/pulumi-language-nodejs.partial" "$PULUMI_BIN_DIR/pulumi-language-nodejs"
  fi
  step "pulumi-language-nodejs"
fi
# Our own shims beside the CLI (the engine looks for plugins next to its binary).
for shim in "$ROOT"/tools/shims/*; do
  install -m 0755 "$shim" "$PULUMI_BIN_DIR/$(basename "$shim")" 2>/dev/null ||
    { mkdir -p "$CACHE/shims"; install -m 0755 "$shim" "$CACHE/shims/$(basename "$shim")"; }
done
export PATH="$PULUMI_BIN_DIR:$CACHE/shims:$PATH"
step "pulumi $(pulumi version)"

# --- The YAML language host, beside the CLI (docs/toolchain.md; the engine refuses to install it) ---
# Built once per version (a stamp file beside it); about 2 minutes on a fresh machine, a stamp check after.
if [ -x "$PULUMI_BIN_DIR/pulumi-language-yaml" ] && [ "$(cat "$PULUMI_BIN_DIR/.pulumi-language-yaml.version" 2>/dev/null)" = "$PULUMI_YAML_VERSION" ]; then :
else
  command -v go >/dev/null || { echo "setup: no Go toolchain to build pulumi-language-yaml" >&2; exit 1; }
  echo "[setup] building pulumi-language-yaml v$PULUMI_YAML_VERSION with Go (about 2 minutes on a fresh machine; log: $LOG)"
  PULUMI_YAML_VERSION="$PULUMI_YAML_VERSION" quiet bash "$ROOT/scripts/build-yaml-host.sh" "$PULUMI_BIN_DIR"
fi
step "pulumi-language-yaml v$PULUMI_YAML_VERSION"

# --- The Go language host, beside the CLI (docs/toolchain.md: its own module is refused) ---
# Built from tools/pulumi-language-go (sdk/v3 v$PULUMI_GO_HOST_VERSION) once per version; ~30 s fresh.
if [ -x "$PULUMI_BIN_DIR/pulumi-language-go" ] && [ "$(cat "$PULUMI_BIN_DIR/.pulumi-language-go.version" 2>/dev/null)" = "$PULUMI_GO_HOST_VERSION" ]; then :
else
  command -v go >/dev/null || { echo "setup: no Go toolchain to build pulumi-language-go" >&2; exit 1; }
  (cd "$ROOT/tools/pulumi-language-go" && quiet nice -n 10 go build -trimpath -o "$PULUMI_BIN_DIR/pulumi-language-go.partial" \
    -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_GO_HOST_VERSION" \
    github.com/pulumi/pulumi/sdk/v3/go/pulumi-language-go)
  mv "$PULUMI_BIN_DIR/pulumi-language-go.partial" "$PULUMI_BIN_DIR/pulumi-language-go"
  echo "$PULUMI_GO_HOST_VERSION" > "$PULUMI_BIN_DIR/.pulumi-language-go.version"
fi
step "pulumi-language-go v$PULUMI_GO_HOST_VERSION"
# Our SDK generator (npm run gen-sdks; the e2e tier checks sdks/ with it): cached by source.
quiet bash "$ROOT/scripts/gen-sdks.sh" --build
step "pulumi-gen-iblai"

# --- @pulumi/command's plugin: our own build (tools/pulumi-resource-command, docs/toolchain.md) ---
# Built once per source change, installed as `command` 1.2.1 unless that very binary already is.
CMD_DIR="$CACHE/pulumi-resource-command-v1.2.1"
CMD_SRC="$(cd "$ROOT/tools/pulumi-resource-command" && cat go.mod go.sum ./*.go | sha256sum | cut -c1-16)"
if [ ! -x "$CMD_DIR/pulumi-resource-command" ] || [ "$(cat "$CMD_DIR/.src-stamp" 2>/dev/null)" != "$CMD_SRC" ]; then
  command -v go >/dev/null || { echo "setup: no Go toolchain to build pulumi-resource-command" >&2; exit 1; }
  mkdir -p "$CMD_DIR"
  (cd "$ROOT/tools/pulumi-resource-command" && quiet go build -trimpath -buildvcs=false -ldflags "-s -w" -o "$CMD_DIR/pulumi-resource-command.partial" .)
  mv "$CMD_DIR/pulumi-resource-command.partial" "$CMD_DIR/pulumi-resource-command" && echo "$CMD_SRC" > "$CMD_DIR/.src-stamp"
fi
if ! pulumi plugin ls | awk '$1=="command" && $2=="resource" && $3=="1.2.1" {f=1} END {exit !f}' ||
   ! cmp -s "$CMD_DIR/pulumi-resource-command" "${PULUMI_HOME:-$HOME/.pulumi}/plugins/resource-command-v1.2.1/pulumi-resource-command"; then
  quiet pulumi plugin install resource command v1.2.1 --file "$CMD_DIR/pulumi-resource-command" --reinstall
fi
step "pulumi-resource-command v1.2.1"

# --- A real OpenClaw gateway for the openclaw test tier (docs/emulator.md) -------
# npm `openclaw`, pinned, installed once per version into the cache (never a dependency of
# our package; nothing is fetched at run time), only with --with-openclaw: the tests need it,
# the demo does not. It needs Node >= 24.16: installed with setup's Node 24 (the cached one
# when the system Node is older). .toolchain/env points the tests at it either way.
OC_DIR="$CACHE/openclaw-v$OPENCLAW_VERSION"
OC_NODE_DIR="$NODE_BIN_DIR"
if [ "$WITH_OPENCLAW" = 1 ]; then
  [ "$(node_major "$OC_NODE_DIR/node")" -ge 24 ] || OC_NODE_DIR="$(cached_node)"
  if [ ! -x "$OC_DIR/node_modules/.bin/openclaw" ]; then
    # A finished install of the pinned version left in .partial is kept (moved into place).
    if [ ! -x "$OC_DIR.partial/node_modules/.bin/openclaw" ] ||
       [ "$(PATH="$OC_NODE_DIR:$PATH" node -p "require('$OC_DIR.partial/node_modules/openclaw/package.json').version" 2>/dev/null)" != "$OPENCLAW_VERSION" ]; then
      rm -rf "$OC_DIR.partial"
      mkdir -p "$OC_DIR.partial"
      printf '{"name":"openclaw-fixture","private":true,"dependencies":{"openclaw":"%s"}}\n' "$OPENCLAW_VERSION" > "$OC_DIR.partial/package.json"
      echo "[setup] installing openclaw@$OPENCLAW_VERSION for the openclaw test tier (~650 MB, about 90 s; log: $LOG)"
      (cd "$OC_DIR.partial" && PATH="$OC_NODE_DIR:$PATH" quiet npm install --no-audit --no-fund --loglevel=error)
    fi
    rm -rf "$OC_DIR"
    mv "$OC_DIR.partial" "$OC_DIR"
  fi
  PATH="$OC_NODE_DIR:$PATH" "$OC_DIR/node_modules/.bin/openclaw" --version >/dev/null ||
    { echo "setup: $OC_DIR/node_modules/.bin/openclaw does not run" >&2; exit 1; }
  step "openclaw $OPENCLAW_VERSION"
else
  # Where the test tier's setup puts the Node that runs OpenClaw (not fetched here).
  [ "$(node_major "$OC_NODE_DIR/node")" -ge 24 ] || OC_NODE_DIR="$CACHE/node-v$NODE_VERSION/bin"
  if [ -x "$OC_DIR/node_modules/.bin/openclaw" ]; then step "openclaw $OPENCLAW_VERSION (installed before)"
  else step "openclaw: not installed (tests only)"; fi
fi

# --- PostgreSQL for the test tier's team-backend test (issue 22; docs/fleet.md) ---
# Only with --with-postgres (scripts/test.sh passes it): the e2e test starts its own
# throwaway cluster from these binaries (initdb, pg_ctl); the distro's own cluster is not made.
if [ "$WITH_POSTGRES" = 1 ] && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "setup: the test tier needs Debian's \"postgresql\" package (apt-get install -y postgresql)" >&2; exit 1
  fi
  mkdir -p /etc/postgresql-common
  [ -f /etc/postgresql-common/createcluster.conf ] || echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
  quiet apt-get update
  DEBIAN_FRONTEND=noninteractive quiet apt-get install -y --no-install-recommends postgresql
fi
[ "$WITH_POSTGRES" != 1 ] || step "postgresql (test tier)"

# --- npm dependencies, build, installed copy --------------------------------
cd "$ROOT"
stamp="$(cat package-lock.json package.json | sha256sum | cut -c1-16)-$(node --version)"
if [ ! -d node_modules ] || [ "$(cat node_modules/.setup-stamp 2>/dev/null)" != "$stamp" ]; then
  quiet npm ci --no-audit --no-fund --loglevel=error
  echo "$stamp" > node_modules/.setup-stamp
fi
step "npm dependencies"
# The policy pack is its own npm package (docs/policy.md); it links the root package ("file:..").
pstamp="$(cat policy/package-lock.json policy/package.json | sha256sum | cut -c1-16)-$(node --version)"
if [ ! -d policy/node_modules ] || [ "$(cat policy/node_modules/.setup-stamp 2>/dev/null)" != "$pstamp" ]; then
  (cd policy && quiet npm ci --no-audit --no-fund --loglevel=error)
  echo "$pstamp" > policy/node_modules/.setup-stamp
fi
step "policy pack npm dependencies"
quiet npm run --silent build
step "tsc build"
quiet bash "$ROOT/scripts/install-self.sh"
step "installed node_modules/pulumi-iblai-claw"
# The native provider plugin (YAML and other languages' programs): a launcher of the installed copy.
quiet bash "$ROOT/scripts/install-native-provider.sh"
step "resource plugin iblai (native provider)"

cat > "$ROOT/.toolchain/env" <<ENV
# Written by scripts/setup.sh; sourced by scripts/run.sh.
export PATH="$PULUMI_BIN_DIR:$CACHE/shims:$NODE_BIN_DIR:\$PATH"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DIY_BACKEND_DISABLE_CHECKPOINT_BACKUPS=true
export PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_CONFIG_PASSPHRASE="\${PULUMI_CONFIG_PASSPHRASE-iblai-claw-local}"
export IBLAI_OPENCLAW_BIN="$OC_DIR/node_modules/.bin/openclaw"
export IBLAI_OPENCLAW_NODE="$OC_NODE_DIR"
ENV
step "done"
