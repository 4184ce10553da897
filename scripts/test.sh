#!/usr/bin/env bash
# The tests: sets up the toolchain (idempotent), then runs every tier, unit, integration
# and e2e (the real pulumi CLI). Extra arguments go to jest, e.g. `scripts/test.sh --selectProjects unit`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# --with-openclaw: the openclaw tier runs a real gateway (npm openclaw, installed once per version);
# --with-postgres: the team-backend test runs a throwaway PostgreSQL cluster (Debian's binaries).
bash "$ROOT/scripts/setup.sh" --with-openclaw --with-postgres
# shellcheck disable=SC1091
source "$ROOT/.toolchain/env"
cd "$ROOT"
mkdir -p .e2e
# Two cores: run suites one at a time so pulumi runs do not starve each other.
exec npx jest --runInBand "$@"
