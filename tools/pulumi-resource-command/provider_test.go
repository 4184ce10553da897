package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// The end-to-end behaviour (with the engine and @pulumi/command) is in
// test/e2e/command-plugin.test.ts; these check the pieces: `go test ./...`.

func props(m map[string]any) resource.PropertyMap { return resource.NewPropertyMapFromMap(m) }

func TestPluginInfoIs121(t *testing.T) {
	info, err := newProvider(nil).GetPluginInfo(context.Background(), &emptypb.Empty{})
	if err != nil || info.Version != "1.2.1" {
		t.Fatalf("GetPluginInfo = %v, %v; want 1.2.1", info, err)
	}
}

func TestDiff(t *testing.T) {
	base := map[string]any{"create": "echo a", "triggers": []any{"x"}, "environment": map[string]any{"A": "1"}}
	with := func(k string, v any) resource.PropertyMap {
		m := props(base).Copy()
		if v == nil {
			delete(m, resource.PropertyKey(k))
		} else {
			m[resource.PropertyKey(k)] = resource.NewPropertyValue(v)
		}
		return m
	}
	cases := []struct {
		name     string
		news     resource.PropertyMap
		changes  pulumirpc.DiffResponse_DiffChanges
		replaces []string
		kind     pulumirpc.PropertyDiff_Kind
		key      string
	}{
		{"nothing", props(base), pulumirpc.DiffResponse_DIFF_NONE, nil, 0, ""},
		{"triggers", with("triggers", []any{"y"}), pulumirpc.DiffResponse_DIFF_SOME, []string{"triggers"}, pulumirpc.PropertyDiff_UPDATE_REPLACE, "triggers"},
		{"triggers gone", with("triggers", nil), pulumirpc.DiffResponse_DIFF_SOME, []string{"triggers"}, pulumirpc.PropertyDiff_DELETE_REPLACE, "triggers"},
		{"environment", with("environment", map[string]any{"A": "2"}), pulumirpc.DiffResponse_DIFF_SOME, nil, pulumirpc.PropertyDiff_UPDATE, "environment"},
		{"delete added", with("delete", "echo bye"), pulumirpc.DiffResponse_DIFF_SOME, nil, pulumirpc.PropertyDiff_ADD, "delete"},
		{"unknown create", func() resource.PropertyMap {
			m := props(base).Copy()
			m["create"] = unknownString()
			return m
		}(), pulumirpc.DiffResponse_DIFF_SOME, nil, pulumirpc.PropertyDiff_UPDATE, "create"},
	}
	for _, c := range cases {
		d := diff(props(base), c.news, nil)
		if d.Changes != c.changes || strings.Join(d.Replaces, ",") != strings.Join(c.replaces, ",") {
			t.Errorf("%s: changes %v replaces %v; want %v %v", c.name, d.Changes, d.Replaces, c.changes, c.replaces)
		}
		if c.key != "" && (d.DetailedDiff[c.key] == nil || d.DetailedDiff[c.key].Kind != c.kind) {
			t.Errorf("%s: detailed diff %v; want %s %v", c.name, d.DetailedDiff, c.key, c.kind)
		}
	}
	// A value that became secret is a change (its outputs must become secret too).
	s := props(base).Copy()
	s["environment"] = resource.MakeSecret(s["environment"])
	if d := diff(props(base), s, nil); d.Changes != pulumirpc.DiffResponse_DIFF_SOME {
		t.Errorf("secretness change: %v", d.Changes)
	}
}

func TestValidate(t *testing.T) {
	bad := map[string]map[string]any{
		"assetPaths":   {"assetPaths": []any{"*.txt"}},
		"archivePaths": {"archivePaths": []any{"*.txt"}},
		"logging":      {"logging": "loud"},
		"interpreter":  {"interpreter": []any{}},
		"environment":  {"environment": map[string]any{"A": 1.0}},
		"connection":   {"connection": map[string]any{"host": "h"}},
	}
	for prop, m := range bad {
		f := validate(props(m))
		if len(f) == 0 || !strings.HasPrefix(f[0].Property, prop) {
			t.Errorf("%s: failures %v", prop, f)
		}
	}
	if f := validate(props(map[string]any{"create": "x", "logging": "none", "interpreter": []any{"/bin/bash", "-c"}, "triggers": []any{1.0, "a"}})); len(f) != 0 {
		t.Errorf("valid inputs failed: %v", f)
	}
}

func TestOtherTypesAreRefused(t *testing.T) {
	p := newProvider(nil)
	for _, typ := range []string{"command:remote:Command", "command:remote:CopyToRemote", "command:remote:CopyFile"} {
		_, err := p.Check(context.Background(), &pulumirpc.CheckRequest{Urn: "urn:pulumi:s::p::" + typ + "::x", Type: typ})
		if status.Code(err) != codes.Unimplemented || !strings.Contains(err.Error(), "not supported by this build") {
			t.Errorf("%s: %v", typ, err)
		}
	}
	if _, err := p.Invoke(context.Background(), &pulumirpc.InvokeRequest{Tok: "command:local:run"}); err == nil ||
		!strings.Contains(err.Error(), "command:local:run is not supported by this build") {
		t.Errorf("invoke: %v", err)
	}
}

func TestOutputsAreSecretWhenAnInputIs(t *testing.T) {
	in := props(map[string]any{"create": "echo"})
	in["environment"] = resource.NewObjectProperty(resource.PropertyMap{"T": resource.MakeSecret(resource.NewProperty("x"))})
	out := outputs(in, resource.NewProperty("o"), resource.NewProperty("e"))
	if !out["stdout"].IsSecret() || !out["stderr"].IsSecret() || !out["environment"].ContainsSecrets() {
		t.Errorf("outputs %v", out)
	}
	if plainOut := outputs(props(map[string]any{"create": "echo"}), resource.NewProperty("o"), resource.NewProperty("e")); plainOut["stdout"].IsSecret() {
		t.Errorf("stdout secret without secret inputs")
	}
}

func mustSpec(t *testing.T, m map[string]any) spec {
	t.Helper()
	s, err := specOf(props(m))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRun(t *testing.T) {
	p := newProvider(nil)
	ctx := context.Background()
	dir := t.TempDir()

	s := mustSpec(t, map[string]any{"environment": map[string]any{"WHO": "claw"}, "stdin": "from stdin", "dir": dir})
	res, err := p.run(ctx, "", "create", `printf 'hi %s\n' "$WHO"; cat; echo; pwd; echo warn >&2`, s, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := "hi claw\nfrom stdin\n" + dir; res.stdout != want || res.stderr != "warn" {
		t.Errorf("stdout %q stderr %q; want %q, %q", res.stdout, res.stderr, want, "warn")
	}

	prev := &prevOutput{stdout: "old out", stderr: "old err"}
	res, _ = p.run(ctx, "", "update", `echo "$PULUMI_COMMAND_STDOUT/$PULUMI_COMMAND_STDERR"`, mustSpec(t, map[string]any{}), prev, 0)
	if res.stdout != "old out/old err" {
		t.Errorf("previous output: %q", res.stdout)
	}
	res, _ = p.run(ctx, "", "update", `echo "[${PULUMI_COMMAND_STDOUT-unset}]"`, mustSpec(t, map[string]any{"addPreviousOutputInEnv": false}), prev, 0)
	if res.stdout != "[unset]" {
		t.Errorf("addPreviousOutputInEnv false: %q", res.stdout)
	}

	_, err = p.run(ctx, "", "create", "echo out; echo 'it broke' >&2; exit 4", mustSpec(t, map[string]any{}), nil, 0)
	if err == nil || !strings.Contains(err.Error(), "create command failed: exit status 4") || !strings.Contains(err.Error(), "it broke") {
		t.Errorf("failure: %v", err)
	}

	_, err = p.run(ctx, "", "create", "true", mustSpec(t, map[string]any{"dir": filepath.Join(dir, "nope")}), nil, 0)
	if err == nil || !strings.Contains(err.Error(), "is not a directory") {
		t.Errorf("missing dir: %v", err)
	}

	res, err = p.run(ctx, "", "create", "print('py')", mustSpec(t, map[string]any{"interpreter": []any{"/bin/sh", "-c", "echo interp \"$0\""}}), nil, 0)
	if err != nil || res.stdout != "interp print('py')" {
		t.Errorf("interpreter: %q %v", res.stdout, err)
	}

	_, err = p.run(ctx, "", "create", "sleep 5", mustSpec(t, map[string]any{}), nil, 0.2)
	if err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Errorf("timeout: %v", err)
	}

	if _, err := os.Stat(dir); err != nil {
		t.Fatal(err)
	}
	p.cancelAll()
	if _, err := p.run(ctx, "", "create", "true", mustSpec(t, map[string]any{}), nil, 0); err == nil {
		t.Error("ran after Cancel")
	}
}
