import { matches, sameValue } from "./entity";

describe("natural-key matching", () => {
    it("treats ids and their string forms as equal, and UUIDs by value", () => {
        expect(sameValue(5, "5")).toBe(true);
        expect(sameValue("3F1C2A9E-0B6D-4C1E-9A57-2F8D6B3E4C10", "3f1c2a9e0b6d4c1e9a572f8d6b3e4c10")).toBe(true);
        expect(sameValue("Weather", "weather")).toBe(false);
        expect(sameValue(5, 6)).toBe(false);
        expect(sameValue({}, {})).toBe(false);
    });
    it("matches every given field and skips undefined ones", () => {
        expect(matches({ mentor: "a", server: 2 }, { server: "2", mentor: "a" })).toBe(true);
        expect(matches({ mentor: "a", server: 2 }, { server: 3 })).toBe(false);
        expect(matches({ mentor: "a" }, { mentor: "a", skill: undefined })).toBe(true);
    });
});
