#!/usr/bin/env bash
# Prints how long the native provider plugin takes from exec to its port on stdout (the
# engine waits for that, twice per YAML preview/up). Needs scripts/install-native-provider.sh.
#   bash bench/native-plugin-start.sh [runs]
set -euo pipefail
PLUGIN="${PULUMI_HOME:-$HOME/.pulumi}/plugins/resource-iblai-v$(node -p 'require("./package.json").version')/pulumi-resource-iblai"
for i in $(seq "${1:-5}"); do
  start=$(date +%s%N)
  coproc P { exec "$PLUGIN"; }
  read -r port <&"${P[0]}"
  end=$(date +%s%N)
  kill "$P_PID"; wait "$P_PID" 2>/dev/null || true
  echo "run $i: port $port after $(( (end - start) / 1000000 )) ms"
done
