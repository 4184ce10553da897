#!/usr/bin/env bash
# Prints what a Go program on the native provider costs: the build of examples/go (warm Go
# caches), then preview, up, an empty preview and destroy against a local emulator, with the
# prebuilt binary named in Pulumi.yaml (as test/e2e/go-native.test.ts runs it) and, for the
# preview, with plain `runtime: go` (the Go host runs `go build` first).
# Needs scripts/setup.sh (the Go host, plugin iblai); `source .toolchain/env` first.
#   bash bench/go-native.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$ROOT/.e2e"
# Two levels below the root, as examples/go is, so its `replace => ../../sdks/go` holds.
WORK="$(mktemp -d "$ROOT/.e2e/bench-go-XXXXXX")"
EMU_PID=""
cleanup() { [ -z "$EMU_PID" ] || kill "$EMU_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
cp "$ROOT"/examples/go/{main.go,go.mod,go.sum,Pulumi.yaml} "$WORK/"
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
timed() { # label, command...: runs it quietly, prints the label and the wall time
  local label="$1" t; shift; t=$(date +%s%N)
  "$@" > "$WORK/.last.log" 2>&1 || { cat "$WORK/.last.log" >&2; exit 1; }
  printf '%-34s %6s ms\n' "$label" "$(ms "$t")"
}

node "$ROOT/dist/emulator/cli.js" --port 0 --host 127.0.0.1 --org acme --token bench-token > "$WORK/.emu" 2>&1 &
EMU_PID=$!
until grep -q listening "$WORK/.emu" 2>/dev/null; do sleep 0.1; done
URL="$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/.emu")"

cd "$WORK"
export PULUMI_BACKEND_URL="file://$WORK/.state" PULUMI_CONFIG_PASSPHRASE=bench
mkdir -p .state
timed "go build (warm caches)" nice -n 10 go build -trimpath -o quickstart .
pulumi stack init bench --non-interactive >/dev/null 2>&1
pulumi config set iblai:baseUrl "$URL" >/dev/null
pulumi config set iblai:org acme >/dev/null
pulumi config set --secret iblai:apiToken bench-token >/dev/null
pulumi config set --secret gatewayToken bench-gw >/dev/null
timed "preview, runtime: go (host builds)" pulumi preview --non-interactive
sed -i 's/^runtime: go$/runtime:\n  name: go\n  options:\n    binary: .\/quickstart/' Pulumi.yaml
timed "preview, prebuilt binary" pulumi preview --non-interactive
timed "up (12 created)" pulumi up --yes --skip-preview --non-interactive
timed "preview --expect-no-changes" pulumi preview --expect-no-changes --non-interactive
timed "destroy" pulumi destroy --yes --skip-preview --non-interactive
pulumi stack rm bench --yes --force --non-interactive >/dev/null
