import { backendEngineEnv, fleetEngineEnv } from "./runner";

describe("the engines' environment for a fleet's backend", () => {
    it("bounds the PostgreSQL backend's list workers by the CPUs (its pool is 2 connections per CPU)", () => {
        expect(backendEngineEnv("postgres://claw@127.0.0.1:5432/pulumi?sslmode=disable", {}, 2)).toEqual({ PULUMI_DIY_BACKEND_PARALLEL: "2" });
        expect(backendEngineEnv("postgresql://claw@db/pulumi", {}, 64)).toEqual({ PULUMI_DIY_BACKEND_PARALLEL: "10" });
        expect(backendEngineEnv("postgres://claw@db/pulumi", { GOMAXPROCS: "3" }, 2)).toEqual({ PULUMI_DIY_BACKEND_PARALLEL: "3" });
    });

    it("leaves a value the user set, and every other backend, alone", () => {
        expect(backendEngineEnv("postgres://claw@db/pulumi", { PULUMI_DIY_BACKEND_PARALLEL: "1" }, 2)).toEqual({});
        expect(backendEngineEnv("file:///tmp/state", {}, 2)).toEqual({});
        expect(backendEngineEnv(undefined, {}, 2)).toEqual({});
    });
});

describe("the engines' environment of every fleet", () => {
    it("skips the per-step checkpoints and keeps a compile cache in the workDir, unless told otherwise", () => {
        expect(fleetEngineEnv("/f/.iblai-fleet", {}, false)).toEqual({ PULUMI_SKIP_CHECKPOINTS: "true", NODE_COMPILE_CACHE: "/f/.iblai-fleet/.cache/node" });
        expect(fleetEngineEnv("/f/.iblai-fleet", {}, true)).toEqual({ NODE_COMPILE_CACHE: "/f/.iblai-fleet/.cache/node" });
        expect(fleetEngineEnv("/f/.iblai-fleet", { PULUMI_SKIP_CHECKPOINTS: "false", NODE_DISABLE_COMPILE_CACHE: "1" }, false)).toEqual({});
    });
});
