#!/usr/bin/env bash
# Writes the Go and Python SDKs of the native provider (sdks/go, sdks/python) from
# provider/native/schema.json with tools/pulumi-gen-iblai (Pulumi's own generators; `pulumi
# package gen-sdk` cannot, docs/native-provider.md). `npm run gen-sdks` runs it.
#
#   bash scripts/gen-sdks.sh [OUT]     # OUT: default sdks/ of this checkout
#   bash scripts/gen-sdks.sh --build   # only build the tool (setup.sh does)
#
# The tool is built once per source change into the cache (a hash of its go.mod, go.sum and
# .go files beside it): about 10 s when Go's caches hold the engine's packages, minutes fresh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${IBLAI_CLAW_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-iblai-claw}"
DIR="$CACHE/pulumi-gen-iblai"
SRC="$ROOT/tools/pulumi-gen-iblai"
stamp="$(cd "$SRC" && cat go.mod go.sum ./*.go | sha256sum | cut -c1-16)"
if [ ! -x "$DIR/pulumi-gen-iblai" ] || [ "$(cat "$DIR/.src-stamp" 2>/dev/null)" != "$stamp" ]; then
  command -v go >/dev/null || { echo "gen-sdks: needs Go to build tools/pulumi-gen-iblai" >&2; exit 1; }
  mkdir -p "$DIR"
  (cd "$SRC" && nice -n 10 go build -trimpath -ldflags "-s -w" -o "$DIR/pulumi-gen-iblai.partial.$$" .)
  mv "$DIR/pulumi-gen-iblai.partial.$$" "$DIR/pulumi-gen-iblai" && echo "$stamp" > "$DIR/.src-stamp"
fi
[ "${1:-}" = "--build" ] && exit 0
"$DIR/pulumi-gen-iblai" "$ROOT/provider/native/schema.json" "${1:-$ROOT/sdks}"
