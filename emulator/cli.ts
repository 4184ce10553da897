#!/usr/bin/env node
import { parseArgs } from "node:util";
import { startEmulator } from "./server";

const USAGE = `usage: iblai-claw-emulator [--port P] [--host H] --org O --token T [--org O2 --token T2 ...] [--data FILE]

Runs a local emulator of the ibl.ai claw API. Point a stack at it with
  pulumi config set iblai:baseUrl http://127.0.0.1:P
  pulumi config set iblai:org O
  pulumi config set --secret iblai:apiToken T
Each --org pairs with the --token at the same position. State lives in memory unless
--data FILE is given (atomic writes; survives restarts and kill -9).`;

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            port: { type: "string", default: "8787" },
            host: { type: "string", default: "127.0.0.1" },
            org: { type: "string", multiple: true },
            token: { type: "string", multiple: true },
            data: { type: "string" },
            help: { type: "boolean", short: "h" },
        },
    });
    if (values.help) {
        console.log(USAGE);
        return;
    }
    const orgs = values.org ?? ["acme"];
    const tokens = values.token ?? [];
    if (tokens.length !== orgs.length) {
        console.error(`iblai-claw-emulator: give one --token per --org (got ${orgs.length} org(s), ${tokens.length} token(s))\n\n${USAGE}`);
        process.exit(2);
    }
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        console.error(`iblai-claw-emulator: --port must be an integer 0-65535, not ${JSON.stringify(values.port)}`);
        process.exit(2);
    }
    const emu = await startEmulator({
        port,
        host: values.host,
        orgs: Object.fromEntries(orgs.map((o, i) => [o, tokens[i]])),
        dataFile: values.data,
    });
    // One parseable line for scripts that start it in the background. Tokens are not printed.
    console.log(`iblai-claw-emulator listening on ${emu.url} (orgs: ${orgs.join(", ")}${values.data ? `; data: ${values.data}` : ""})`);
    const stop = () => void emu.close().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
}

main().catch((e) => {
    console.error(`iblai-claw-emulator: ${(e as Error).message}`);
    process.exit(1);
});
