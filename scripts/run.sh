#!/usr/bin/env bash
# Runs a command with the toolchain that scripts/setup.sh prepared (Node >= 22, the
# pinned Pulumi engine, no update checks, a local passphrase).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ -f "$ROOT/.toolchain/env" ] || { echo "run.sh: run scripts/setup.sh first" >&2; exit 1; }
# shellcheck disable=SC1091
source "$ROOT/.toolchain/env"
exec "$@"
