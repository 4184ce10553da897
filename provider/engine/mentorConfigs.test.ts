import { ClawClient } from "../../sdk";
import { agentConfigDeleted, knownAgentConfig, noteAgentConfigDeleted, rememberBinding, takeFreshPushState } from "./mentorConfigs";

// What one provider process learns from bindings' answers (issue 14): each fact saves a request.
const client = new ClawClient({ baseUrl: "https://platform.example", org: "acme", token: "tok-1234567" });
const other = new ClawClient({ baseUrl: "https://platform.example", org: "globex", token: "tok-1234567" });
const MENTOR = "5e2d9c41-7a3b-4f6e-9d21-3c8b7a6e5f40";
const binding = (id: number) => ({ id, mentor: MENTOR, agent_config: { id: 17 }, last_config_push: "2026-12-01T10:00:00Z", last_config_push_status: "success", last_push_warnings: [] });

afterAll(() => Promise.all([client.close(), other.close()]));

describe("facts learnt from bindings' answers", () => {
    it("knows the mentor's agent config per org, whatever the UUID's case", () => {
        rememberBinding(client, binding(7));
        expect(knownAgentConfig(client, MENTOR.toUpperCase())).toBe("17");
        expect(knownAgentConfig(other, MENTOR)).toBeUndefined();
    });

    it("gives a binding's push fields once, and only while they are young", () => {
        jest.useFakeTimers({ now: Date.parse("2026-12-02T08:00:00Z") });
        try {
            rememberBinding(client, binding(8));
            expect(takeFreshPushState(other, "8")).toBeUndefined();
            expect(takeFreshPushState(client, "8")).toEqual({ at: "2026-12-01T10:00:00Z", status: "success", warnings: [] });
            expect(takeFreshPushState(client, "8")).toBeUndefined(); // used up by the push it served
            rememberBinding(client, binding(9));
            jest.advanceTimersByTime(61_000);
            expect(takeFreshPushState(client, "9")).toBeUndefined(); // too old: read the binding again
        } finally {
            jest.useRealTimers();
        }
    });

    it("remembers the agent configs it deleted, per org", () => {
        noteAgentConfigDeleted(client, "17");
        expect(agentConfigDeleted(client, "17")).toBe(true);
        expect(agentConfigDeleted(client, "18")).toBe(false);
        expect(agentConfigDeleted(other, "17")).toBe(false);
    });
});
