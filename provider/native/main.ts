#!/usr/bin/env node
/**
 * The native provider plugin `pulumi-resource-iblai` (the launcher in provider/native/bin
 * runs this file with the toolchain's Node.js). The engine gives the engine address as the
 * argument; we print our port.
 */
import { main } from "@pulumi/pulumi/provider";
import { useNativeTypes } from "../engine/resource";
import { useConfig } from "../engine/runtime";
import { hookConfigure } from "./configure";
import { nativeProvider } from "./provider";
import { packageVersion } from "./schema";

const version = packageVersion();

useNativeTypes();
hookConfigure(async (get, keys) => useConfig(get, keys));
void main(nativeProvider(version), process.argv.slice(2));
