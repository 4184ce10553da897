import { NameBook, identifier, mentorName, slug } from "./names";

describe("generated names", () => {
    it("slugs names readably", () => {
        expect(slug("Prod EU #2")).toBe("prod-eu-2");
        expect(slug("  Café Olé  ")).toBe("cafe-ole");
        expect(slug("%%%")).toBe("");
    });

    it("makes TypeScript identifiers, never starting with a digit", () => {
        expect(identifier("prod-eu-2", "instance")).toBe("prodEu2Instance");
        expect(identifier("2fa", "skill")).toBe("_2faSkill");
    });

    it("names a mentor after its IDENTITY.md heading, else after its UUID", () => {
        expect(mentorName("3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", "# Ada Lovelace\nA patient maths tutor.")).toBe("ada-lovelace");
        expect(mentorName("3F1C2A9E-0b6d-4c1e-9a57-2f8d6b3e4c10", "")).toBe("mentor-3f1c2a9e");
        expect(mentorName("3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", null)).toBe("mentor-3f1c2a9e");
    });

    it("gives the first taker a name and later ones the id, the same way every time", () => {
        const book = new NameBook();
        expect(book.take("ada", "1")).toBe("ada");
        expect(book.take("ada", "7")).toBe("ada-7");
        expect(book.take("", "9")).toBe("object-9");
    });
});
