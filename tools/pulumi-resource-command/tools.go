//go:build tools

// Package tools pins the @pulumi/command resource plugin, built locally because
// nothing may download a plugin at run time.
package tools

import _ "github.com/pulumi/pulumi-command/provider/cmd/pulumi-resource-command"
