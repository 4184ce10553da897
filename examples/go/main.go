// The quickstart's objects as a Pulumi Go program on the native provider and its generated
// Go SDK (sdks/go; docs/native-provider.md), the same objects as examples/yaml.
//
// Needs: bash scripts/setup.sh (the Go language host and resource plugin iblai), then
//
//	pulumi config set iblai:baseUrl https://platform.ibl.ai; pulumi config set iblai:org <org>
//	pulumi config set --secret iblai:apiToken <token>; pulumi config set --secret gatewayToken <token>
package main

import (
	"github.com/iblai/pulumi-iblai-claw/sdks/go/iblai"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(quickstart)
}

func quickstart(ctx *pulumi.Context) error {
	cfg := config.New(ctx, "")
	serverURL := cfg.Get("serverUrl")
	if serverURL == "" {
		serverURL = "https://claw.example.com"
	}

	// The platform's device key for the server (OpenClaw pushes need it), generated here.
	device, err := iblai.NewDeviceIdentity(ctx, "device", &iblai.DeviceIdentityArgs{})
	if err != nil {
		return err
	}
	claw, err := iblai.NewClawInstance(ctx, "claw", &iblai.ClawInstanceArgs{
		Name:             pulumi.String("quickstart-claw"),
		ClawType:         pulumi.String("openclaw"),
		ServerUrl:        pulumi.String(serverURL),
		GatewayToken:     cfg.RequireSecret("gatewayToken"),
		ConnectionParams: device.ConnectionParams,
	})
	if err != nil {
		return err
	}
	openrouter, err := iblai.NewModelProvider(ctx, "openrouter", &iblai.ModelProviderArgs{
		Server:         claw.ID(),
		Name:           pulumi.String("openrouter"),
		BaseUrl:        pulumi.String("https://openrouter.ai/api/v1"),
		ApiType:        pulumi.String("openai-completions"),
		CredentialName: pulumi.String("openrouter"),
		ModelCatalog: pulumi.Array{pulumi.Map{
			"id":   pulumi.String("anthropic/claude-sonnet-4-6"),
			"name": pulumi.String("Claude Sonnet 4.6"),
		}},
	})
	if err != nil {
		return err
	}
	providers, err := iblai.NewProviderPush(ctx, "providers", &iblai.ProviderPushArgs{
		Server:   claw.ID(),
		Triggers: pulumi.Array{openrouter.ContentHash},
	})
	if err != nil {
		return err
	}
	ada, err := iblai.NewMentor(ctx, "ada", &iblai.MentorArgs{
		Name:        pulumi.String("Ada"),
		DisplayName: pulumi.String("Ada"),
		Description: pulumi.String("A patient maths tutor for first-year students."),
	})
	if err != nil {
		return err
	}
	weather, err := iblai.NewSkill(ctx, "weather", &iblai.SkillArgs{
		Name:        pulumi.String("Weather"),
		Slug:        pulumi.String("weather"),
		Description: pulumi.String("Current weather for a city"),
		Instruction: pulumi.String("Run scripts/wttr.sh <city> and quote its one-line answer."),
		Metadata: pulumi.Map{"openclaw": pulumi.Map{
			"requires": pulumi.Map{"bins": pulumi.StringArray{pulumi.String("curl")}},
		}},
	})
	if err != nil {
		return err
	}
	weatherScript, err := iblai.NewSkillResource(ctx, "weatherScript", &iblai.SkillResourceArgs{
		Skill:    weather.ID(),
		FileType: pulumi.String("script"),
		Filename: pulumi.String("wttr.sh"),
		Content:  pulumi.String("#!/bin/sh\ncurl -s \"wttr.in/$1?format=3\"\n"),
	})
	if err != nil {
		return err
	}
	binding, err := iblai.NewMentorBinding(ctx, "binding", &iblai.MentorBindingArgs{
		Mentor: ada.ID().ToStringOutput(),
		Server: claw.ID(),
	})
	if err != nil {
		return err
	}
	// The agent's files and skills go to the mentor once it is bound to the server.
	afterBinding := pulumi.DependsOn([]pulumi.Resource{binding})
	agentConfig, err := iblai.NewAgentConfig(ctx, "agentConfig", &iblai.AgentConfigArgs{
		Mentor:   ada.ID().ToStringOutput(),
		Identity: pulumi.String("# Ada\nA patient maths tutor for first-year students."),
		Soul:     pulumi.String("Curious, kind, exact. Shows the steps, never just the answer."),
		Model:    pulumi.String("anthropic/claude-sonnet-4-6"),
	}, afterBinding)
	if err != nil {
		return err
	}
	weatherForAda, err := iblai.NewSkillAssignment(ctx, "weatherForAda", &iblai.SkillAssignmentArgs{
		Mentor: ada.ID().ToStringOutput(),
		Skill:  weather.ID(),
	}, afterBinding)
	if err != nil {
		return err
	}
	push, err := iblai.NewConfigPush(ctx, "push", &iblai.ConfigPushArgs{
		Binding: binding.ID(),
		Triggers: pulumi.Array{
			agentConfig.ContentHash, weather.ContentHash, weatherScript.ContentHash, weatherForAda.ContentHash,
		},
	})
	if err != nil {
		return err
	}

	// Invokes: a lookup by id and the instance's health check (provider functions).
	looked := iblai.LookupSkillOutput(ctx, iblai.LookupSkillOutputArgs{Id: weather.ID()})
	health := iblai.HealthCheckOutput(ctx, iblai.HealthCheckOutputArgs{Instance: claw.ID()})

	ctx.Export("instanceId", claw.ID())
	ctx.Export("serverStatus", claw.Status)
	ctx.Export("mentorId", ada.ID())
	ctx.Export("deviceFingerprint", device.Fingerprint)
	ctx.Export("skillBySlug", looked.Slug())
	ctx.Export("health", health.Result())
	ctx.Export("providerPush", providers.PushStatus)
	ctx.Export("configPush", push.PushStatus)
	return nil
}
