#!/usr/bin/env bash
# Installs the package as a user gets it: `npm pack` (honouring "files"), then the
# tarball unpacked as node_modules/pulumi-iblai-claw. npm refuses to install a package
# into itself, and the programs at the root (quickstart, e2e fixtures) must import it
# by name, so we unpack it. Its runtime dependencies are the root's own.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mkdir -p .toolchain
rm -f .toolchain/pulumi-iblai-claw-*.tgz
# --ignore-scripts: the `prepare` build (for git installs) already ran as setup's build step.
tgz="$(npm pack --silent --ignore-scripts --pack-destination .toolchain | tail -1)"
rm -rf node_modules/pulumi-iblai-claw
mkdir -p node_modules/pulumi-iblai-claw
tar xzf ".toolchain/$tgz" -C node_modules/pulumi-iblai-claw --strip-components=1
ln -sf "$tgz" .toolchain/pulumi-iblai-claw.tgz
