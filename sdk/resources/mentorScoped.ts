import type { Transport } from "../transport";
import { ValidationError } from "../errors";
import { MentorId } from "../schemas/common";
import { MentorAgentConfigApi } from "./agentConfigs";
import { MentorClawConfigApi } from "./mentorBindings";
import { MentorSkillsApi } from "./skillAssignments";

/**
 * The current guide's routes of one mentor, all under `mentors/{mentor}/`: its binding
 * (`claw-config/`, with `push-config/`), its agent config (`agent-config/`) and its skills
 * (`skills/`). The older guide's collection routes (`client.mentorBindings`,
 * `client.agentConfigs`, `client.skillAssignments`) stay beside them; which one a service
 * speaks is `client.mentorBindings.servesCollection()`. The mentor must be a UUID (the
 * service answers 404 for anything else), checked here before any request.
 *
 * @example
 * ```ts
 * const ada = client.mentorScoped("3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10");
 * await ada.binding.create({ server: 42, enabled: true });
 * await ada.agentConfig.update({ identity: "# Ada" });
 * await ada.skills.create({ skill: weather.unique_id!, enabled: true });
 * await ada.binding.pushConfigAndWait();
 * ```
 */
export class MentorScoped {
    /** The mentor's UUID. */
    readonly mentor: string;
    /** `mentors/{mentor}/claw-config/`: the binding, and its push. */
    readonly binding: MentorClawConfigApi;
    /** `mentors/{mentor}/agent-config/`: the workspace files and config patch. */
    readonly agentConfig: MentorAgentConfigApi;
    /** `mentors/{mentor}/skills/`: the skills assigned to the mentor. */
    readonly skills: MentorSkillsApi;

    constructor(client: Transport, mentor: string) {
        const r = MentorId.safeParse(mentor);
        if (!r.success) {
            throw new ValidationError("invalid mentor, nothing sent", {
                fieldErrors: { mentor: [r.error.issues[0]?.message ?? "must be a mentor UUID"] },
                hint: "the mentor-scoped routes take the mentor's UUID (its unique_id)",
            });
        }
        this.mentor = r.data;
        this.binding = new MentorClawConfigApi(client, this.mentor);
        this.agentConfig = new MentorAgentConfigApi(client, this.mentor);
        this.skills = new MentorSkillsApi(client, this.mentor);
    }
}
