import { type EntitySpec, present, UploadedFile, validateBody } from "./validate";

const spec: EntitySpec = {
    fields: {
        name: { kind: "string", maxLength: 5, required: true },
        kind: { kind: "choice", choices: ["a", "b"], default: "a" },
        n: { kind: "int", nullable: true },
        on: { kind: "bool", default: true },
        who: { kind: "uuid" },
        secret: { kind: "string", writeOnly: true },
        ref: { kind: "ref", to: "things" },
        file: { kind: "file" },
    },
    readOnly: ["id", "created_at"],
};

describe("validateBody", () => {
    it("fills defaults on create only", () => {
        expect(validateBody(spec, { name: "x" }, "create")).toEqual({ ok: true, values: { name: "x", kind: "a", on: true } });
        expect(validateBody(spec, { name: "x" }, "put")).toEqual({ ok: true, values: { name: "x" } });
        expect(validateBody(spec, {}, "patch")).toEqual({ ok: true, values: {} });
    });

    it("needs required fields on create and put, not on patch", () => {
        expect(validateBody(spec, {}, "create")).toEqual({ ok: false, errors: { name: ["This field is required."] } });
        expect(validateBody(spec, {}, "put")).toEqual({ ok: false, errors: { name: ["This field is required."] } });
    });

    it("ignores read-only and unknown keys", () => {
        expect(validateBody(spec, { name: "x", id: 9, created_at: "t", extra: 1 }, "patch")).toEqual({ ok: true, values: { name: "x" } });
    });

    it("coerces as DRF does: numbers to strings, numeric strings to ints, yes/no to booleans", () => {
        expect(validateBody(spec, { name: 12, n: "7", on: "no" }, "patch")).toEqual({ ok: true, values: { name: "12", n: 7, on: false } });
        expect(validateBody(spec, { n: "7.0" }, "patch")).toEqual({ ok: true, values: { n: 7 } });
    });

    it("reports every bad field with DRF's wording", () => {
        const r = validateBody(spec, { name: "toolong", kind: "c", n: 1.5, on: "perhaps", who: "x", ref: true, file: "str" }, "patch");
        expect(r).toEqual({
            ok: false,
            errors: {
                name: ["Ensure this field has no more than 5 characters."],
                kind: ['"c" is not a valid choice.'],
                n: ["A valid integer is required."],
                on: ["Must be a valid boolean."],
                who: ["Must be a valid UUID."],
                ref: ["Incorrect type. Expected pk value, received bool."],
                file: ["The submitted data was not a file. Check the encoding type on the form."],
            },
        });
    });

    it("checks references through the given lookup", () => {
        const exists = (col: string, id: number) => col === "things" && id === 1;
        expect(validateBody(spec, { ref: 1 }, "patch", exists)).toEqual({ ok: true, values: { ref: 1 } });
        expect(validateBody(spec, { ref: "2" }, "patch", exists)).toEqual({ ok: false, errors: { ref: ['Invalid pk "2" - object does not exist.'] } });
    });

    it("takes uploaded files only for file fields", () => {
        const f = new UploadedFile("a.txt", "text/plain", Buffer.from("x"));
        expect(validateBody(spec, { file: f }, "patch")).toEqual({ ok: true, values: { file: f } });
        expect(validateBody(spec, { name: f }, "patch")).toEqual({ ok: false, errors: { name: ["Not a valid string."] } });
    });

    it("refuses a body that is not an object", () => {
        expect(validateBody(spec, "x", "create")).toEqual({ ok: false, errors: { non_field_errors: ["Invalid data. Expected a dictionary, but got str."] } });
    });
});

describe("present", () => {
    it("puts id first, keeps spec order, and drops write-only and _bookkeeping fields", () => {
        const out = present(spec, { created_at: "t", secret: "s", _internal: 1, on: true, name: "x", id: 3 });
        expect(Object.keys(out)).toEqual(["id", "name", "on", "created_at"]);
    });
});
