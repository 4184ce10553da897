import { PlatformUserPage } from "../schemas/mentor";
import { settingsFor } from "./mentors";

describe("settingsFor", () => {
    it("at create: claw on unless told otherwise, the description under the settings' name", () => {
        expect(settingsFor({ new_mentor_name: "ada", display_name: "Ada", description: "tutor" })).toEqual({ enable_claw: true, mentor_description: "tutor" });
        expect(settingsFor({ new_mentor_name: "ada", enable_claw: false, allow_anonymous: true })).toEqual({ enable_claw: false, allow_anonymous: true });
    });

    it("at update: only the fields given, display name and visibility included", () => {
        expect(settingsFor({ display_name: "Ada L.", mentor_visibility: "viewable_by_tenant_admins" }, false)).toEqual({ display_name: "Ada L.", mentor_visibility: "viewable_by_tenant_admins" });
        expect(settingsFor({ new_mentor_name: "ada" }, false)).toEqual({});
    });
});

describe("the platform's user list, in each shape a source shows", () => {
    it("reads the generated client's envelope, a `data` list and a bare array", () => {
        expect(PlatformUserPage.parse({ count: 1, next_page: null, results: [{ username: "admin", is_admin: true }] }).results).toHaveLength(1);
        expect(PlatformUserPage.parse({ data: [{ username: "admin", is_admin: true }] }).data?.[0]?.username).toBe("admin");
        expect(PlatformUserPage.parse([{ username: "admin", is_admin: true }]).results?.[0]?.is_admin).toBe(true);
    });
});
