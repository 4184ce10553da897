//go:build tools

// Package tools pins the Go language host. Its current home, the module
// github.com/pulumi/pulumi/sdk/go/pulumi-language-go/v3, is refused by the module proxy
// here ("This module version is not available."), so we build the last release that
// still shipped it inside sdk/v3, v3.66.0 (see docs/toolchain.md). The host only runs
// `go build` on the program and starts it; the program itself uses its own sdk/v3.
package tools

import _ "github.com/pulumi/pulumi/sdk/v3/go/pulumi-language-go"
