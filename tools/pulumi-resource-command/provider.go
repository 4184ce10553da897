package main

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// localCommand is the one resource type this build implements.
const localCommand = "command:local:Command"

// What the @pulumi/command 1.2.1 SDK sends for a local.Command (its args, all optional).
const (
	keyAddPrevious  resource.PropertyKey = "addPreviousOutputInEnv"
	keyArchivePaths resource.PropertyKey = "archivePaths"
	keyAssetPaths   resource.PropertyKey = "assetPaths"
	keyCreate       resource.PropertyKey = "create"
	keyDelete       resource.PropertyKey = "delete"
	keyDir          resource.PropertyKey = "dir"
	keyEnvironment  resource.PropertyKey = "environment"
	keyInterpreter  resource.PropertyKey = "interpreter"
	keyLogging      resource.PropertyKey = "logging"
	keyStdin        resource.PropertyKey = "stdin"
	keyTriggers     resource.PropertyKey = "triggers"
	keyUpdate       resource.PropertyKey = "update"
	// outputs of our own
	keyStdout resource.PropertyKey = "stdout"
	keyStderr resource.PropertyKey = "stderr"
)

var inputKeys = []resource.PropertyKey{
	keyAddPrevious, keyArchivePaths, keyAssetPaths, keyCreate, keyDelete, keyDir,
	keyEnvironment, keyInterpreter, keyLogging, keyStdin, keyTriggers, keyUpdate,
}

// Upstream outputs this build never produces (they come with assetPaths/archivePaths).
var unsupportedOutputs = []resource.PropertyKey{"archive", "assets"}

var loggingModes = []string{"stdout", "stderr", "stdoutAndStderr", "none"}

func notSupported(what string) error {
	return status.Errorf(codes.Unimplemented,
		"%s is not supported by this build of pulumi-resource-command (%s %s), which implements %s only; "+
			"see docs/toolchain.md, \"The command plugin\"", what, buildTag, pluginVersion, localCommand)
}

type provider struct {
	pulumirpc.UnimplementedResourceProviderServer

	engine pulumirpc.EngineClient // nil when started without an engine (attach mode)

	mu          sync.Mutex
	sendSecrets bool // the engine accepts secret values in our responses

	runCtx    context.Context // cancelled by Cancel: kills running commands, refuses new ones
	runCancel context.CancelFunc
}

func newProvider(engine pulumirpc.EngineClient) *provider {
	ctx, cancel := context.WithCancel(context.Background())
	return &provider{engine: engine, sendSecrets: true, runCtx: ctx, runCancel: cancel}
}

func (p *provider) cancelAll() { p.runCancel() }

// --- properties ---------------------------------------------------------------

func unmarshal(s *structpb.Struct) (resource.PropertyMap, error) {
	m, err := plugin.UnmarshalProperties(s, plugin.MarshalOptions{
		KeepUnknowns: true, KeepSecrets: true, KeepResources: false,
	})
	if err != nil {
		return nil, err
	}
	if m == nil {
		m = resource.PropertyMap{}
	}
	return m, nil
}

func (p *provider) marshal(m resource.PropertyMap) (*structpb.Struct, error) {
	p.mu.Lock()
	keepSecrets := p.sendSecrets
	p.mu.Unlock()
	return plugin.MarshalProperties(m, plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: keepSecrets})
}

// plain strips secret wrappers (at the top of the value only).
func plain(v resource.PropertyValue) resource.PropertyValue {
	for v.IsSecret() {
		v = v.SecretValue().Element
	}
	return v
}

// present tells whether a key holds something (absent and null are the same to us).
func present(m resource.PropertyMap, k resource.PropertyKey) bool {
	v, ok := m[k]
	return ok && !plain(v).IsNull()
}

// inputsOf takes the input properties out of a state (old states carry inputs and outputs).
func inputsOf(state resource.PropertyMap) resource.PropertyMap {
	in := resource.PropertyMap{}
	for _, k := range inputKeys {
		if v, ok := state[k]; ok {
			in[k] = v
		}
	}
	return in
}

func checkType(urn, typ string) error {
	if typ == "" {
		typ = string(resource.URN(urn).Type())
	}
	if typ != localCommand {
		return notSupported("resource type " + typ)
	}
	return nil
}

// --- protocol -------------------------------------------------------------------

func (p *provider) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: pluginVersion}, nil
}

func (p *provider) Handshake(context.Context, *pulumirpc.ProviderHandshakeRequest) (*pulumirpc.ProviderHandshakeResponse, error) {
	// Resource references are taken as their ID (or URN); outputs as plain values.
	return &pulumirpc.ProviderHandshakeResponse{AcceptSecrets: true}, nil
}

func (p *provider) GetSchema(_ context.Context, req *pulumirpc.GetSchemaRequest) (*pulumirpc.GetSchemaResponse, error) {
	if req.SubpackageName != "" {
		return nil, notSupported("parameterization")
	}
	return &pulumirpc.GetSchemaResponse{Schema: schemaJSON}, nil
}

func (p *provider) Parameterize(context.Context, *pulumirpc.ParameterizeRequest) (*pulumirpc.ParameterizeResponse, error) {
	return nil, notSupported("parameterization")
}

func (p *provider) CheckConfig(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	// The provider has no configuration (upstream's has none either); `version` is the engine's.
	return &pulumirpc.CheckResponse{Inputs: req.News}, nil
}

func (p *provider) DiffConfig(context.Context, *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE}, nil
}

func (p *provider) Configure(_ context.Context, req *pulumirpc.ConfigureRequest) (*pulumirpc.ConfigureResponse, error) {
	p.mu.Lock()
	p.sendSecrets = req.AcceptSecrets
	p.mu.Unlock()
	return &pulumirpc.ConfigureResponse{AcceptSecrets: true, SupportsPreview: true}, nil
}

func (p *provider) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	p.cancelAll()
	return &emptypb.Empty{}, nil
}

func (p *provider) Invoke(_ context.Context, req *pulumirpc.InvokeRequest) (*pulumirpc.InvokeResponse, error) {
	return nil, notSupported("function " + req.Tok)
}

func (p *provider) Call(_ context.Context, req *pulumirpc.CallRequest) (*pulumirpc.CallResponse, error) {
	return nil, notSupported("method " + req.Tok)
}

func (p *provider) Construct(_ context.Context, req *pulumirpc.ConstructRequest) (*pulumirpc.ConstructResponse, error) {
	return nil, notSupported("component " + req.Type)
}

func (p *provider) Check(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	if err := checkType(req.Urn, req.Type); err != nil {
		return nil, err
	}
	news, err := unmarshal(req.News)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.CheckResponse{Inputs: req.News, Failures: validate(news)}, nil
}

// validate checks the inputs' shapes where they are known (unknown values pass: they are
// checked again, known, before anything runs).
func validate(news resource.PropertyMap) []*pulumirpc.CheckFailure {
	var failures []*pulumirpc.CheckFailure
	fail := func(prop, format string, args ...any) {
		failures = append(failures, &pulumirpc.CheckFailure{Property: prop, Reason: fmt.Sprintf(format, args...)})
	}
	keys := make([]string, 0, len(news))
	for k := range news {
		keys = append(keys, string(k))
	}
	sort.Strings(keys)
	for _, name := range keys {
		k := resource.PropertyKey(name)
		v := plain(news[k])
		if v.IsNull() || strings.HasPrefix(name, "__") { // "__" keys are the engine's
			continue
		}
		switch k {
		case keyAssetPaths, keyArchivePaths:
			fail(name, "%s (and the %q output) is not supported by this build of pulumi-resource-command (%s); "+
				"read the files in a later step of your program instead", name, map[resource.PropertyKey]string{
				keyAssetPaths: "assets", keyArchivePaths: "archive"}[k], buildTag)
		case keyCreate, keyUpdate, keyDelete, keyDir, keyStdin:
			if !v.IsComputed() && !v.IsString() {
				fail(name, "%s must be a string", name)
			}
		case keyAddPrevious:
			if !v.IsComputed() && !v.IsBool() {
				fail(name, "%s must be a boolean", name)
			}
		case keyLogging:
			if !v.IsComputed() && (!v.IsString() || !slices.Contains(loggingModes, v.StringValue())) {
				fail(name, "logging must be one of %s", strings.Join(loggingModes, ", "))
			}
		case keyInterpreter:
			if v.IsComputed() {
				continue
			}
			if !v.IsArray() {
				fail(name, "interpreter must be a list of strings")
				continue
			}
			if len(v.ArrayValue()) == 0 {
				fail(name, "interpreter must not be empty (leave it out for [\"/bin/sh\", \"-c\"])")
			}
			for i, e := range v.ArrayValue() {
				if e = plain(e); !e.IsComputed() && !e.IsString() {
					fail(fmt.Sprintf("interpreter[%d]", i), "interpreter[%d] must be a string", i)
				}
			}
		case keyEnvironment:
			if v.IsComputed() {
				continue
			}
			if !v.IsObject() {
				fail(name, "environment must be a map of strings")
				continue
			}
			for ek, ev := range v.ObjectValue() {
				path := "environment." + string(ek)
				if string(ek) == "" || strings.ContainsAny(string(ek), "=\x00") {
					fail(path, "environment variable name %q is not valid", string(ek))
				}
				if ev = plain(ev); !ev.IsComputed() && !ev.IsString() {
					fail(path, "%s must be a string", path)
				}
			}
		case keyTriggers:
			if !v.IsComputed() && !v.IsArray() {
				fail(name, "triggers must be a list")
			}
		default:
			fail(name, "unknown property %q of %s", name, localCommand)
		}
	}
	return failures
}

func (p *provider) Diff(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	if err := checkType(req.Urn, req.Type); err != nil {
		return nil, err
	}
	var olds resource.PropertyMap
	var err error
	if req.OldInputs != nil {
		olds, err = unmarshal(req.OldInputs)
	} else {
		var state resource.PropertyMap
		state, err = unmarshal(req.Olds)
		olds = inputsOf(state)
	}
	if err != nil {
		return nil, err
	}
	news, err := unmarshal(req.News)
	if err != nil {
		return nil, err
	}
	return diff(olds, news, req.IgnoreChanges), nil
}

// diff: a change to `triggers` replaces (the SDK also asks for it with
// replaceOnChanges: ["triggers[*]"]); a change to any other input is an update, which runs
// `update` (or `create` when there is no `update`).
func diff(olds, news resource.PropertyMap, ignore []string) *pulumirpc.DiffResponse {
	resp := &pulumirpc.DiffResponse{
		Changes:         pulumirpc.DiffResponse_DIFF_NONE,
		DetailedDiff:    map[string]*pulumirpc.PropertyDiff{},
		HasDetailedDiff: true,
	}
	for _, k := range inputKeys {
		if slices.Contains(ignore, string(k)) {
			continue
		}
		had, has := present(olds, k), present(news, k)
		if !had && !has {
			continue
		}
		var kind pulumirpc.PropertyDiff_Kind
		switch {
		case !had:
			kind = pulumirpc.PropertyDiff_ADD
		case !has:
			kind = pulumirpc.PropertyDiff_DELETE
		case news[k].ContainsUnknowns() || !olds[k].DeepEquals(news[k]):
			kind = pulumirpc.PropertyDiff_UPDATE
		default:
			continue
		}
		if k == keyTriggers {
			kind = map[pulumirpc.PropertyDiff_Kind]pulumirpc.PropertyDiff_Kind{
				pulumirpc.PropertyDiff_ADD:    pulumirpc.PropertyDiff_ADD_REPLACE,
				pulumirpc.PropertyDiff_DELETE: pulumirpc.PropertyDiff_DELETE_REPLACE,
				pulumirpc.PropertyDiff_UPDATE: pulumirpc.PropertyDiff_UPDATE_REPLACE,
			}[kind]
			resp.Replaces = append(resp.Replaces, string(k))
		}
		resp.Changes = pulumirpc.DiffResponse_DIFF_SOME
		resp.Diffs = append(resp.Diffs, string(k))
		resp.DetailedDiff[string(k)] = &pulumirpc.PropertyDiff{Kind: kind, InputDiff: true}
	}
	return resp
}

// outputs are the inputs echoed, plus stdout and stderr. Those two are secret as soon as any
// input holds a secret: a command given a secret may well print it.
func outputs(inputs resource.PropertyMap, stdout, stderr resource.PropertyValue) resource.PropertyMap {
	out := inputs.Copy()
	if inputs.ContainsSecrets() {
		stdout, stderr = resource.MakeSecret(stdout), resource.MakeSecret(stderr)
	}
	out[keyStdout], out[keyStderr] = stdout, stderr
	return out
}

func unknownString() resource.PropertyValue { return resource.MakeComputed(resource.NewProperty("")) }

func (p *provider) Create(ctx context.Context, req *pulumirpc.CreateRequest) (*pulumirpc.CreateResponse, error) {
	if err := checkType(req.Urn, req.Type); err != nil {
		return nil, err
	}
	inputs, err := unmarshal(req.Properties)
	if err != nil {
		return nil, err
	}
	if req.Preview {
		props, err := p.marshal(outputs(inputs, unknownString(), unknownString()))
		if err != nil {
			return nil, err
		}
		return &pulumirpc.CreateResponse{Properties: props}, nil
	}
	spec, err := specOf(inputs)
	if err != nil {
		return nil, err
	}
	res, err := p.run(ctx, req.Urn, "create", spec.create, spec, nil, req.Timeout)
	if err != nil {
		return nil, err
	}
	name := req.Name
	if name == "" {
		name = resource.URN(req.Urn).Name()
	}
	id, err := resource.NewUniqueHex(name+"-", 8, 0)
	if err != nil {
		return nil, err
	}
	props, err := p.marshal(outputs(inputs, resource.NewProperty(res.stdout), resource.NewProperty(res.stderr)))
	if err != nil {
		return nil, err
	}
	return &pulumirpc.CreateResponse{Id: id, Properties: props}, nil
}

func (p *provider) Update(ctx context.Context, req *pulumirpc.UpdateRequest) (*pulumirpc.UpdateResponse, error) {
	if err := checkType(req.Urn, req.Type); err != nil {
		return nil, err
	}
	olds, err := unmarshal(req.Olds)
	if err != nil {
		return nil, err
	}
	news, err := unmarshal(req.News)
	if err != nil {
		return nil, err
	}
	if req.Preview {
		props, err := p.marshal(outputs(news, unknownString(), unknownString()))
		if err != nil {
			return nil, err
		}
		return &pulumirpc.UpdateResponse{Properties: props}, nil
	}
	spec, err := specOf(news)
	if err != nil {
		return nil, err
	}
	which, script := "update", spec.update
	if !spec.hasUpdate {
		which, script = "create", spec.create // upstream: without `update`, `create` runs again
	}
	res, err := p.run(ctx, req.Urn, which, script, spec, previousOutput(olds), req.Timeout)
	if err != nil {
		return nil, err
	}
	props, err := p.marshal(outputs(news, resource.NewProperty(res.stdout), resource.NewProperty(res.stderr)))
	if err != nil {
		return nil, err
	}
	return &pulumirpc.UpdateResponse{Properties: props}, nil
}

func (p *provider) Delete(ctx context.Context, req *pulumirpc.DeleteRequest) (*emptypb.Empty, error) {
	if err := checkType(req.Urn, req.Type); err != nil {
		return nil, err
	}
	state, err := unmarshal(req.Properties)
	if err != nil {
		return nil, err
	}
	spec, err := specOf(inputsOf(state))
	if err != nil {
		return nil, err
	}
	if spec.hasDelete {
		if _, err := p.run(ctx, req.Urn, "delete", spec.delete, spec, previousOutput(state), req.Timeout); err != nil {
			return nil, err
		}
	}
	return &emptypb.Empty{}, nil
}

// Read (refresh) has nothing to look at: a command leaves no object behind to read back, so
// the state stays as it is (as upstream's does).
func (p *provider) Read(_ context.Context, req *pulumirpc.ReadRequest) (*pulumirpc.ReadResponse, error) {
	if err := checkType(req.Urn, req.Type); err != nil {
		return nil, err
	}
	if req.Properties == nil {
		return nil, notSupported("importing or reading a command without its state (pulumi import, Command.get)")
	}
	inputs := req.Inputs
	if inputs == nil {
		state, err := unmarshal(req.Properties)
		if err != nil {
			return nil, err
		}
		if inputs, err = p.marshal(inputsOf(state)); err != nil {
			return nil, err
		}
	}
	return &pulumirpc.ReadResponse{Id: req.Id, Properties: req.Properties, Inputs: inputs}, nil
}

// previousOutput is the stdout/stderr of the last create or update, from a state.
func previousOutput(state resource.PropertyMap) *prevOutput {
	get := func(k resource.PropertyKey) string {
		if v := plain(state[k]); v.IsString() {
			return v.StringValue()
		}
		return ""
	}
	return &prevOutput{stdout: get(keyStdout), stderr: get(keyStderr)}
}

// GetMapping(s): nothing to map (this is not a bridged provider).
func (p *provider) GetMapping(context.Context, *pulumirpc.GetMappingRequest) (*pulumirpc.GetMappingResponse, error) {
	return &pulumirpc.GetMappingResponse{}, nil
}

func (p *provider) GetMappings(context.Context, *pulumirpc.GetMappingsRequest) (*pulumirpc.GetMappingsResponse, error) {
	return &pulumirpc.GetMappingsResponse{}, nil
}
