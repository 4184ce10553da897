//go:build tools

// Package tools pins the Pulumi CLI so that `go build` of it is reproducible
// from go.mod/go.sum alone.
package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
