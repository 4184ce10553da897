package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

var defaultInterpreter = []string{"/bin/sh", "-c"}

// spec is a local.Command's inputs, known and validated, as the runner needs them.
type spec struct {
	create, update, delete string
	hasUpdate, hasDelete   bool
	dir                    string
	env                    []string // NAME=value, sorted by name
	interpreter            []string
	stdin                  *string
	logStdout, logStderr   bool
	addPrevious            bool
	secret                 bool // some input holds a secret: output is not logged
}

type prevOutput struct{ stdout, stderr string }

type result struct{ stdout, stderr string }

func specOf(in resource.PropertyMap) (spec, error) {
	if f := validate(in); len(f) > 0 {
		return spec{}, fmt.Errorf("invalid %s: %s", f[0].Property, f[0].Reason)
	}
	if in.ContainsUnknowns() {
		return spec{}, errors.New("the command's inputs are not all known (this is a bug: the engine sends known values outside previews)")
	}
	s := spec{interpreter: defaultInterpreter, logStdout: true, logStderr: true, addPrevious: true, secret: in.ContainsSecrets()}
	str := func(k resource.PropertyKey) (string, bool) {
		if v := plain(in[k]); v.IsString() {
			return v.StringValue(), true
		}
		return "", false
	}
	s.create, _ = str(keyCreate)
	s.update, s.hasUpdate = str(keyUpdate)
	s.hasUpdate = s.hasUpdate && s.update != "" // upstream: "if empty, the create command will be executed instead"
	s.delete, s.hasDelete = str(keyDelete)
	s.hasDelete = s.hasDelete && s.delete != ""
	s.dir, _ = str(keyDir)
	if v, ok := str(keyStdin); ok {
		s.stdin = &v
	}
	if v := plain(in[keyInterpreter]); v.IsArray() {
		s.interpreter = nil
		for _, e := range v.ArrayValue() {
			s.interpreter = append(s.interpreter, plain(e).StringValue())
		}
	}
	if v := plain(in[keyEnvironment]); v.IsObject() {
		for k, e := range v.ObjectValue() {
			s.env = append(s.env, string(k)+"="+plain(e).StringValue())
		}
		sort.Strings(s.env)
	}
	if v := plain(in[keyAddPrevious]); v.IsBool() {
		s.addPrevious = v.BoolValue()
	}
	if v, ok := str(keyLogging); ok {
		s.logStdout = v == "stdout" || v == "stdoutAndStderr"
		s.logStderr = v == "stderr" || v == "stdoutAndStderr"
	}
	return s, nil
}

// run runs one of the commands (`create`, `update` or `delete`) with the interpreter, in
// dir, with the environment (ours plus the command's, plus PULUMI_COMMAND_STDOUT/STDERR of
// the previous run unless addPreviousOutputInEnv is false). A non-zero exit fails the step
// with the command's stderr. An empty command does nothing and outputs empty strings.
func (p *provider) run(ctx context.Context, urn, which, script string, s spec, prev *prevOutput, timeoutSecs float64) (result, error) {
	if script == "" {
		return result{}, nil
	}
	if err := p.runCtx.Err(); err != nil {
		return result{}, fmt.Errorf("%s command not run: the operation was cancelled", which)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stop := context.AfterFunc(p.runCtx, cancel) // Cancel from the engine kills the command
	defer stop()
	if timeoutSecs > 0 {
		var c context.CancelFunc
		ctx, c = context.WithTimeout(ctx, time.Duration(timeoutSecs*float64(time.Second)))
		defer c()
	}

	if s.dir != "" {
		if st, err := os.Stat(s.dir); err != nil || !st.IsDir() {
			return result{}, fmt.Errorf("%s command not run: dir %q is not a directory", which, s.dir)
		}
	}

	args := append(append([]string{}, s.interpreter[1:]...), script)
	cmd := exec.CommandContext(ctx, s.interpreter[0], args...)
	cmd.Dir = s.dir
	cmd.Env = append(os.Environ(), s.env...)
	if prev != nil && s.addPrevious {
		cmd.Env = append(cmd.Env, "PULUMI_COMMAND_STDOUT="+prev.stdout, "PULUMI_COMMAND_STDERR="+prev.stderr)
	}
	if s.stdin != nil {
		cmd.Stdin = strings.NewReader(*s.stdin)
	}
	// Its own process group, so that cancelling kills what the shell started too.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second

	logging := p.engine != nil && !s.secret
	if p.engine != nil && s.secret && (s.logStdout || s.logStderr) {
		p.status(urn, which+": output not logged, the command's inputs hold secrets")
	}
	var stdout, stderr lineWriter
	if logging && s.logStdout {
		stdout.emit = func(line string) { p.status(urn, line) }
	}
	if logging && s.logStderr {
		stderr.emit = func(line string) { p.status(urn, line) }
	}
	cmd.Stdout, cmd.Stderr = &stdout, &stderr

	err := cmd.Run()
	stdout.flush()
	stderr.flush()
	res := result{
		stdout: strings.TrimSuffix(stdout.buf.String(), "\n"),
		stderr: strings.TrimSuffix(stderr.buf.String(), "\n"),
	}
	if err == nil {
		return res, nil
	}
	var exitErr *exec.ExitError
	var pathErr *fs.PathError
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return res, fmt.Errorf("%s command timed out after %gs%s", which, timeoutSecs, tail(res))
	case p.runCtx.Err() != nil || errors.Is(ctx.Err(), context.Canceled):
		return res, fmt.Errorf("%s command cancelled%s", which, tail(res))
	case errors.As(err, &exitErr):
		return res, fmt.Errorf("%s command failed: %v%s", which, exitErr, tail(res))
	case errors.As(err, &pathErr):
		return res, fmt.Errorf("%s command not run: interpreter %q: %v", which, s.interpreter[0], pathErr.Err)
	default:
		return res, fmt.Errorf("%s command not run: %w", which, err)
	}
}

// tail is what the error shows of the command's output: its stderr, else its stdout (the
// last 8 KiB).
func tail(r result) string {
	label, out := "stderr", r.stderr
	if strings.TrimSpace(out) == "" {
		label, out = "stdout", r.stdout
	}
	if strings.TrimSpace(out) == "" {
		return " (no output)"
	}
	const max = 8 << 10
	if len(out) > max {
		out = "..." + out[len(out)-max:]
	}
	return "\n" + label + ":\n" + out
}

// status shows a line beside the resource in the engine's progress display.
func (p *provider) status(urn, msg string) {
	if p.engine == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, _ = p.engine.Log(ctx, &pulumirpc.LogRequest{
		Severity: pulumirpc.LogSeverity_INFO, Message: msg, Urn: urn, Ephemeral: true,
	})
}

// lineWriter keeps all it is given, and hands each complete line to emit (if set).
type lineWriter struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	partial []byte
	emit    func(string)
}

func (w *lineWriter) Write(b []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(b)
	if w.emit == nil {
		return len(b), nil
	}
	w.partial = append(w.partial, b...)
	for {
		i := bytes.IndexByte(w.partial, '\n')
		if i < 0 {
			break
		}
		w.emit(strings.TrimSuffix(string(w.partial[:i]), "\r"))
		w.partial = w.partial[i+1:]
	}
	return len(b), nil
}

func (w *lineWriter) flush() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.emit != nil && len(w.partial) > 0 {
		w.emit(string(w.partial))
	}
	w.partial = nil
}
