#!/usr/bin/env bash
# The demo: `pulumi up` of the root quickstart (Pulumi.yaml, quickstart/) against the
# embedded emulator, then its outputs. Sets up the toolchain first (idempotent).
#
# State lives in .toolchain/demo/ (file backend + emulator data), so running it again
# shows an empty update. `scripts/demo.sh destroy` tears it down.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Without --with-openclaw: the demo talks to the emulator and its stand-in, not to a real gateway.
bash "$ROOT/scripts/setup.sh"
# shellcheck disable=SC1091
source "$ROOT/.toolchain/env"
cd "$ROOT"

DEMO_DIR="$ROOT/.toolchain/demo"
PORT="${IBLAI_EMULATOR_PORT:-18787}"
GW_PORT="${IBLAI_GATEWAY_PORT:-18788}"
ORG=demo-org
STACK=demo
mkdir -p "$DEMO_DIR/state"
export PULUMI_BACKEND_URL="file://$DEMO_DIR/state"

# A killed pulumi can leave the backend's <stack>.json.attrs empty, after which every
# command fails with "failed to load checkpoint: EOF" (docs/operations.md). This script owns
# the backend: detect it and repair it (an absent .attrs is fine, an empty one is not).
find "$DEMO_DIR/state/.pulumi" -name '*.attrs' -size 0 -print -delete 2>/dev/null |
  sed 's/^/[demo] removed the empty file a killed pulumi left: /' || true

# The demo's API token is random per checkout and lives only in the emulator and in the
# stack's encrypted config, never on the command line.
[ -f "$DEMO_DIR/api-token" ] || node -e 'process.stdout.write(require("crypto").randomBytes(18).toString("base64url"))' > "$DEMO_DIR/api-token"
API_TOKEN="$(cat "$DEMO_DIR/api-token")"

# The emulator, and a claw gateway stand-in for the instance's connectivity test to reach.
node dist/emulator/cli.js --port "$PORT" --org "$ORG" --token "$API_TOKEN" --data "$DEMO_DIR/emulator.json" \
  --gateway-port "$GW_PORT" > "$DEMO_DIR/emulator.log" 2>&1 &
EMU_PID=$!
trap 'kill $EMU_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do grep -q "gateway stand-in listening" "$DEMO_DIR/emulator.log" 2>/dev/null && break; sleep 0.1; done
grep -q "gateway stand-in listening" "$DEMO_DIR/emulator.log" || {
  cat "$DEMO_DIR/emulator.log" >&2
  echo "demo: the emulator did not start (ports $PORT/$GW_PORT taken? set IBLAI_EMULATOR_PORT / IBLAI_GATEWAY_PORT)" >&2
  exit 1
}
sed 's/^/[demo] /' "$DEMO_DIR/emulator.log"

if ! pulumi stack select "$STACK" >/dev/null 2>&1; then
  pulumi stack init "$STACK" >/dev/null
fi
pulumi config set -s "$STACK" iblai:baseUrl "http://127.0.0.1:$PORT"
pulumi config set -s "$STACK" iblai:org "$ORG"
printf '%s' "$API_TOKEN" | pulumi config set -s "$STACK" --secret iblai:apiToken
pulumi config set -s "$STACK" serverUrl "http://127.0.0.1:$GW_PORT"
pulumi config set -s "$STACK" verifyConnectivity true

# After an interrupted demo (Ctrl-C twice, a kill, a closed laptop): remove a lock whose
# pulumi is gone and settle pending creates, so this run converges (docs/operations.md).
node dist/provider/recovery/cli.js -s "$STACK" | sed 's/^\[recover\]/[demo]/'

if [ "${1:-}" = "destroy" ]; then
  pulumi destroy -s "$STACK" --yes --skip-preview
  exit 0
fi
pulumi up -s "$STACK" --yes --skip-preview
echo
echo "[demo] stack outputs:"
pulumi stack output -s "$STACK"
echo
echo "[demo] objects on the emulator: $(node -e "fetch(process.argv[1]).then(r => r.text()).then(t => console.log(t))" "http://127.0.0.1:$PORT/__emulator/counts")"
