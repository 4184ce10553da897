#!/usr/bin/env bash
# Installs the native provider plugin `pulumi-resource-iblai` (provider/native/, docs/native-provider.md)
# as resource plugin `iblai <package version>`, as setup installs our `command` plugin: a
# folder holding the launcher, given to `pulumi plugin install ... --file`. Nothing is downloaded.
# The launcher runs the installed copy (node_modules/pulumi-iblai-claw, scripts/install-self.sh)
# with the Node.js setup chose; both paths are written into it here.
#
#   bash scripts/install-native-provider.sh      # after the build and install-self.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="$(node -p 'require(process.argv[1]).version' "$ROOT/package.json")"
ENTRY="$ROOT/node_modules/pulumi-iblai-claw/dist/provider/native/main.js"
[ -f "$ENTRY" ] || { echo "install-native-provider: $ENTRY missing; run npm run build && bash scripts/install-self.sh" >&2; exit 1; }
DIR="$ROOT/.toolchain/plugin-iblai"
rm -rf "$DIR" && mkdir -p "$DIR"
cat > "$DIR/pulumi-resource-iblai" <<LAUNCHER
#!/bin/sh
# pulumi-resource-iblai $VERSION, written by scripts/install-native-provider.sh
exec "$(command -v node)" "$ENTRY" "\$@"
LAUNCHER
chmod 0755 "$DIR/pulumi-resource-iblai"
home="${PULUMI_HOME:-$HOME/.pulumi}/plugins/resource-iblai-v$VERSION"
# Reinstall only when the launcher differs (a fresh clone, another worktree, a new Node).
if ! cmp -s "$DIR/pulumi-resource-iblai" "$home/pulumi-resource-iblai"; then
  pulumi plugin install resource iblai "$VERSION" --file "$DIR" --reinstall >/dev/null
fi
echo "install-native-provider: resource plugin iblai $VERSION -> $ENTRY"
