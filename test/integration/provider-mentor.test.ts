import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as crud from "../../provider/engine/crud";
import { journalFor } from "../../provider/engine/journal";
import { mentorFacts } from "../../provider/resources/mentor";
import { ConfigError, NotFoundError, ValidationError } from "../../sdk";
import { ORG, TOKEN, useEmulator } from "../helpers/emulator";

// The mentors API (sdk) and the Mentor resource (provider) against a real emulator, in its
// default mode and in hosted mode (Api-Token only, mentor routes, bare lists): made through
// mentor-with-settings + settings with enable_claw, read, edited, "destroyed" (claw off, the
// mentor kept), and never made twice by a retried create.
const journalDir = fs.mkdtempSync(path.join(os.tmpdir(), "iblai-mentor-journal-"));
process.env.IBLAI_CLAW_JOURNAL_DIR = journalDir;
afterAll(() => fs.rmSync(journalDir, { recursive: true, force: true }));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const urn = (mode: string, name: string) => `urn:pulumi:${mode}::mentors::pulumi-nodejs:dynamic/iblai:Mentor::${name}`;

for (const mode of ["default", "hosted"] as const) {
    describe(`mentors (${mode} emulator)`, () => {
        const env = useEmulator(mode === "hosted" ? { hosted: true } : {});
        const conn = () => ({ baseUrl: env.emu.url, org: ORG, apiToken: TOKEN, authScheme: "Api-Token" as const });
        const named = (name: string) => env.emu.store.list(ORG, "mentors").filter((m) => m.name === name);
        const checked = (args: Record<string, unknown>, owner: string) => {
            const r = crud.check(mentorFacts, conn(), {}, { ...args, [crud.OWNER]: owner });
            expect(r.failures).toEqual([]);
            return r.inputs as Record<string, unknown>;
        };

        it("sdk: finds the org admin as the guide does, makes a mentor with claw enabled, reads and edits it", async () => {
            const client = env.client({ authScheme: "Api-Token" });
            const admin = await client.mentors.adminUser();
            expect(admin).toEqual(expect.any(String));
            const m = await client.mentors.create({ new_mentor_name: `sdk-${mode}`, display_name: "Sdk", description: "made by the sdk" });
            expect(m.unique_id).toMatch(UUID);
            const read = await client.mentors.get(m.unique_id);
            expect(read).toMatchObject({ unique_id: m.unique_id, name: `sdk-${mode}`, display_name: "Sdk", enable_claw: true });
            const edited = await client.mentors.update(m.unique_id, { display_name: "Sdk 2", mentor_visibility: "viewable_by_tenant_admins" });
            expect(edited.unique_id).toBe(m.unique_id);
            expect(await client.mentors.get(m.unique_id)).toMatchObject({ display_name: "Sdk 2", mentor_visibility: "viewable_by_tenant_admins" });
            // Found again by its name (what a retried create does), also a name with spaces.
            expect((await client.mentors.findByName(`sdk-${mode}`))?.unique_id).toBe(m.unique_id);
            const spaced = await client.mentors.create({ new_mentor_name: `Sdk Two ${mode}`, display_name: "Sdk Two" });
            expect((await client.mentors.findByName(`Sdk Two ${mode}`))?.unique_id).toBe(spaced.unique_id);
            expect(await client.mentors.findByName(`Sdk Three ${mode}`)).toBeUndefined();
        });

        it("sdk: an unknown mentor is NotFoundError, a non-UUID is refused before sending, an unknown admin says how to name one", async () => {
            const client = env.client({ authScheme: "Api-Token" });
            const caught = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
            expect(NotFoundError.isInstance(await caught(client.mentors.get("0b6d3f1c-2a9e-4c1e-9a57-2f8d6b3e4c10")))).toBe(true);
            const notUuid = await caught(client.mentors.get("ada"));
            expect(ValidationError.isInstance(notUuid) && notUuid.status === undefined).toBe(true);
            expect(ValidationError.isInstance(await caught(client.mentors.create({ new_mentor_name: "" })))).toBe(true);
            const other = env.client({ authScheme: "Api-Token", adminUser: "no-such-admin-7" });
            const err = await other.mentors.create({ new_mentor_name: `nobody-${mode}` }).catch((e: unknown) => e);
            expect(err).toBeInstanceOf(Error);
            expect(ConfigError.isInstance(err)).toBe(false); // the service's own answer, named with its route
            expect((err as Error).message).toMatch(/users\/no-such-admin-7\/mentor-with-settings\//);
        });

        it("resource: create, read, update in place, and destroy that keeps the mentor with claw off", async () => {
            const inputs = checked({ name: `res-${mode}`, displayName: "Res", description: "a resource" }, urn(mode, "res"));
            const made = await crud.create(mentorFacts, conn(), inputs);
            expect(made.id).toMatch(UUID);
            expect(made.outs).toMatchObject({ name: `res-${mode}`, displayName: "Res", uniqueId: made.id, enableClaw: true });
            const read = await crud.read(mentorFacts, conn(), made.id, made.outs as Record<string, unknown>);
            expect(read.id).toBe(made.id);
            expect(crud.diff(mentorFacts, made.id, read.props as Record<string, unknown>, inputs)).toMatchObject({ changes: false });
            const news = { ...inputs, displayName: "Res 2" };
            expect(crud.diff(mentorFacts, made.id, made.outs as Record<string, unknown>, news)).toMatchObject({ changes: true, replaces: [] });
            const upd = await crud.update(mentorFacts, conn(), made.id, made.outs as Record<string, unknown>, news);
            expect(upd.outs).toMatchObject({ displayName: "Res 2" });
            const said: string[] = [];
            const spy = jest.spyOn(process.stderr, "write").mockImplementation((t: string | Uint8Array) => said.push(String(t)) > 0);
            try {
                await crud.remove(mentorFacts, conn(), made.id, upd.outs as Record<string, unknown>);
                // Twice: a retried destroy is safe.
                await crud.remove(mentorFacts, conn(), made.id, upd.outs as Record<string, unknown>);
            } finally {
                spy.mockRestore();
            }
            // One warning, also when the destroy is retried in the same run (outside the provider host it goes to stderr).
            expect(said.filter((t) => t.includes("no DELETE of a mentor"))).toHaveLength(1);
            expect(named(`res-${mode}`)).toHaveLength(1);
            expect(await env.client({ authScheme: "Api-Token" }).mentors.get(made.id)).toMatchObject({ enable_claw: false, display_name: "Res 2" });
        });

        it("resource: adopts an existing mentor by its UUID and edits only what differs", async () => {
            const client = env.client({ authScheme: "Api-Token" });
            const theirs = await client.mentors.create({ new_mentor_name: `adopt-${mode}`, display_name: "Before" });
            const inputs = checked({ name: `adopt-${mode}`, displayName: "After", adoptId: theirs.unique_id }, urn(mode, "adopted"));
            const r = await crud.create(mentorFacts, conn(), inputs);
            expect(r.id).toBe(theirs.unique_id);
            expect(await client.mentors.get(theirs.unique_id)).toMatchObject({ display_name: "After" });
        });

        it("resource: a retried create finds the mentor its interrupted create made, never a second one", async () => {
            const client = env.client({ authScheme: "Api-Token" });
            // The answer came back and was journaled, but the run died before the settings PUT.
            const owner1 = urn(mode, "half-answered");
            const inputs1 = checked({ name: `half1-${mode}`, displayName: "Half" }, owner1);
            journalFor(owner1)?.intent(owner1, "Mentor");
            const half1 = await client.mentors.create({ new_mentor_name: `half1-${mode}`, enable_claw: false });
            journalFor(owner1)?.made(owner1, "Mentor", half1.unique_id);
            const r1 = await crud.create(mentorFacts, conn(), inputs1);
            expect(r1.id).toBe(half1.unique_id);
            expect(named(`half1-${mode}`)).toEqual([expect.objectContaining({ unique_id: half1.unique_id, enable_claw: true })]);
            // The program's values were applied to it, enable_claw included (its default, true).
            expect(await client.mentors.get(half1.unique_id)).toMatchObject({ display_name: "Half" });

            // The answer never came back: only the intent is journaled; the mentor is found by its name.
            const owner2 = urn(mode, "half-lost");
            const inputs2 = checked({ name: `half2-${mode}` }, owner2);
            journalFor(owner2)?.intent(owner2, "Mentor");
            const half2 = await client.mentors.create({ new_mentor_name: `half2-${mode}` });
            const r2 = await crud.create(mentorFacts, conn(), inputs2);
            expect(r2.id).toBe(half2.unique_id);
            expect(named(`half2-${mode}`)).toHaveLength(1);

            // Another stack's resource of the same name has no journal proof: it is refused, not taken.
            const other = checked({ name: `half2-${mode}` }, `urn:pulumi:other-${mode}::mentors::pulumi-nodejs:dynamic/iblai:Mentor::x`);
            const err = await crud.create(mentorFacts, conn(), other).catch((e: Error) => e);
            expect((err as Error).message).toMatch(/already exists/);
            expect((err as Error).message).toMatch(/adoptId/);
            expect(named(`half2-${mode}`)).toHaveLength(1);
        });
    });
}
