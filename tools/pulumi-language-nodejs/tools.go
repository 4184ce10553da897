//go:build tools

// Package tools pins the Node.js language host. Its current home, the module
// github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3, is untagged and
// the module proxy here refuses every pseudo-version of it, so we build the last
// release that still shipped it inside sdk/v3 (see docs/toolchain.md).
package tools

import _ "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs"
