// Command pulumi-resource-command is this project's own build of the resource plugin that
// the @pulumi/command SDK (1.2.1) talks to. Upstream's plugin cannot be built from the
// registries we reach (docs/toolchain.md, "The command plugin"), so this one is written
// from Pulumi's public provider protocol (pulumirpc) and implements `command:local:Command`
// only. Everything else in the upstream schema fails with a "not supported by this build"
// error.
//
// The engine starts a resource plugin with its own address as the last argument (after
// optional logging and tracing flags); the plugin serves the ResourceProvider gRPC
// service on a free loopback port and prints that port on stdout.
package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

const (
	// pluginVersion is the version @pulumi/command 1.2.1 asks the engine for.
	pluginVersion = "1.2.1"
	// buildTag names this build in messages, so nobody mistakes it for upstream's plugin.
	buildTag = "pulumi-iblai-claw build"
	// maxMessage matches the engine's own limit for gRPC payloads.
	maxMessage = 400 * 1024 * 1024
)

func main() {
	if err := serve(os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-resource-command: %v\n", err)
		os.Exit(1)
	}
}

// engineAddress picks the engine's address out of the plugin arguments: the engine may put
// `-v=N`, `--logtostderr`, `--logflow` and `--tracing <endpoint>` before it.
func engineAddress(args []string) string {
	addr := ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--tracing" || a == "-tracing":
			i++ // its value
		case strings.HasPrefix(a, "-"):
			// another flag; ignored
		default:
			addr = a
		}
	}
	return addr
}

func serve(args []string) error {
	if len(args) == 1 && (args[0] == "--version" || args[0] == "-version") {
		fmt.Printf("pulumi-resource-command %s (%s; command:local:Command only)\n", pluginVersion, buildTag)
		return nil
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	var engine pulumirpc.EngineClient
	if addr := engineAddress(args); addr != "" {
		conn, err := grpc.NewClient(addr,
			grpc.WithTransportCredentials(insecure.NewCredentials()),
			grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(maxMessage)))
		if err != nil {
			return fmt.Errorf("could not connect to the engine at %s: %w", addr, err)
		}
		defer conn.Close()
		engine = pulumirpc.NewEngineClient(conn)
		// Go away when the engine does (it normally stops us with SIGINT first).
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx)
		defer cancel()
		if err := rpcutil.Healthcheck(ctx, addr, 5*time.Minute, cancel); err != nil {
			return fmt.Errorf("could not start the engine health check: %w", err)
		}
	}

	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	prov := newProvider(engine)
	srv := grpc.NewServer(grpc.MaxRecvMsgSize(maxMessage), grpc.MaxSendMsgSize(maxMessage))
	pulumirpc.RegisterResourceProviderServer(srv, prov)

	// The protocol: the first line on stdout is the port we listen on.
	fmt.Printf("%d\n", lis.Addr().(*net.TCPAddr).Port)

	go func() {
		<-ctx.Done()
		prov.cancelAll() // running commands are killed, so that GracefulStop does not wait on them
		srv.GracefulStop()
	}()
	if err := srv.Serve(lis); err != nil && !rpcutil.IsBenignCloseErr(err) {
		return err
	}
	return nil
}
