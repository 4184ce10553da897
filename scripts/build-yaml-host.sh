#!/usr/bin/env bash
# Builds the Pulumi YAML language host (pulumi-language-yaml) from the Go module proxy and
# puts it beside the pulumi CLI, where the engine finds it without the
# "using pulumi-language-yaml from $PATH" warning (docs/native-provider-research.md, Q1).
# `pulumi plugin install language yaml` refuses it: "the yaml language plugin is bundled with
# Pulumi, and cannot be directly installed with this command".
#
#   bash scripts/build-yaml-host.sh [DIR]     # DIR: default, the directory of `pulumi` on PATH
#
# Measured here: about 2 minutes wall on 2 cores (1m59s with a cold module cache, 2m06s with
# these flags and a warm one); 32 MB with -s -w. Idempotent: skips a DIR that already holds
# this version (a stamp file beside the binary says which).
set -euo pipefail
VERSION="${PULUMI_YAML_VERSION:-1.25.0}"
DIR="${1:-}"
if [ -z "$DIR" ]; then
  command -v pulumi >/dev/null || { echo "build-yaml-host: no pulumi on PATH; source .toolchain/env or give DIR" >&2; exit 1; }
  DIR="$(dirname "$(command -v pulumi)")"
fi
command -v go >/dev/null || { echo "build-yaml-host: needs Go (go install from the module proxy)" >&2; exit 1; }
STAMP="$DIR/.pulumi-language-yaml.version"
if [ -x "$DIR/pulumi-language-yaml" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$VERSION" ]; then
  echo "build-yaml-host: $DIR/pulumi-language-yaml v$VERSION already there"
  exit 0
fi
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
# go install pkg@version: builds the module at that tag with its own go.mod/go.sum (checked
# against the checksum database), outside any module of ours.
GOBIN="$TMP" nice -n 10 go install -trimpath \
  -ldflags "-s -w -X github.com/pulumi/pulumi-yaml/pkg/version.Version=v$VERSION" \
  "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@v$VERSION"
install -m 0755 "$TMP/pulumi-language-yaml" "$DIR/pulumi-language-yaml"
echo "$VERSION" > "$STAMP"
echo "build-yaml-host: built $DIR/pulumi-language-yaml v$VERSION"
