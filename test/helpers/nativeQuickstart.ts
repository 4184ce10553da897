import { TOKEN, type useEmulator } from "./emulator";
import { type CliResult, type PulumiProject, summary } from "./pulumi";

/** The objects examples/yaml and examples/go declare (the quickstart's). */
export const QUICKSTART_OBJECTS = 12;

/**
 * The checks shared by the quickstart examples on the native provider (YAML, Go): one
 * program, one emulator; every command's output is kept so that the secrets check covers it.
 *
 * @example
 * ```ts
 * const q = new NativeQuickstart(emulator, "gw-token");
 * await q.deploys(app);
 * await q.keepsSecretsOut(app);
 * await q.destroys(app);
 * ```
 */
export class NativeQuickstart {
    private readonly outputs: string[] = [];

    constructor(
        private readonly emulator: ReturnType<typeof useEmulator>,
        readonly gatewayToken: string,
    ) {}

    /** Keeps a command's output for the secrets check. */
    track<T extends CliResult>(r: T): T {
        this.outputs.push(r.stdout, r.stderr);
        return r;
    }

    /** Preview, up, the outputs (pushes, the getSkill and healthCheck invokes), an empty preview. */
    async deploys(app: PulumiProject): Promise<void> {
        const preview = this.track(await app.preview());
        expect(summary(preview.stdout)).toMatchObject({ "to create": QUICKSTART_OBJECTS });
        const up = this.track(await app.up());
        expect(summary(up.stdout)).toMatchObject({ created: QUICKSTART_OBJECTS });
        const out = await app.outputs();
        expect(out).toMatchObject({ providerPush: "succeeded", configPush: "succeeded", skillBySlug: "weather", serverStatus: "active" });
        // healthCheck, an invoke: the service's answer (the example server does not exist, so unhealthy).
        expect(out.health).toMatchObject({ status: expect.any(String) });
        this.track(await app.preview(["--expect-no-changes"]));
    }

    /** The API token and the gateway token: not in `stack export`, not in any output kept. */
    async keepsSecretsOut(app: PulumiProject): Promise<void> {
        const state = await app.exportState();
        expect(state).toContain("iblai:index:ClawInstance");
        for (const secret of [TOKEN, this.gatewayToken]) {
            expect(state).not.toContain(secret);
            for (const o of this.outputs) expect(o).not.toContain(secret);
        }
    }

    /** Destroy deletes every object, and the emulator holds no skill after. */
    async destroys(app: PulumiProject): Promise<void> {
        const r = this.track(await app.destroy());
        expect(summary(r.stdout)).toMatchObject({ deleted: QUICKSTART_OBJECTS });
        const left: unknown[] = [];
        for await (const s of this.emulator.client().skills.list({})) left.push(s);
        expect(left).toEqual([]);
    }
}
