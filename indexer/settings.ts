/**
 * The indexer's settings, from the environment, and the address book they point to. Read by the
 * Ponder config, the handlers (the Atlas EAS schemas) and the API (the governor's and the
 * registry's addresses); imports nothing from src/.
 */
import path from "node:path";

import {
  ATLAS_SCHEMA_NAMES,
  atlasSchemaUids,
  isLocalChain,
  type AddressBook,
  type AtlasSchemaName,
} from "@atlas-os/sdk";
import { readAddressBook } from "@atlas-os/sdk/node";
import type { Hex } from "viem";

import { rpcOptions, type RpcOptions } from "./rpcSettings.ts";

const INDEXER_DIR = import.meta.dirname;

export interface IndexerSettings {
  /** ATLAS_CHAIN_ID, default 31337 (a local Hardhat node). */
  readonly chainId: number;
  /** ATLAS_RPC_URL, default http://127.0.0.1:8545: one endpoint, or several separated by commas. */
  readonly rpcUrl: string;
  /** Ponder's RPC options for the chain (rpcSettings.ts), with ATLAS_RPC_GETLOGS_RANGE and ATLAS_RPC_LOCAL_ENDPOINTS. */
  readonly rpc: RpcOptions;
  /** ATLAS_DEPLOYMENTS_DIR, default ../deployments relative to indexer/. */
  readonly deploymentsDir: string;
  /** ATLAS_INDEXER_DATA_DIR, default indexer/.ponder; PGlite keeps its files in `<dir>/pglite`. */
  readonly dataDir: string;
  /** DATABASE_URL: PostgreSQL instead of PGlite when set. */
  readonly databaseUrl: string | undefined;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): IndexerSettings {
  const chainId = Number(env.ATLAS_CHAIN_ID ?? 31337);
  if (!Number.isSafeInteger(chainId) || chainId <= 0) {
    throw new Error(`ATLAS_CHAIN_ID must be a positive integer, got "${env.ATLAS_CHAIN_ID}"`);
  }
  const rpcUrl = env.ATLAS_RPC_URL || "http://127.0.0.1:8545";
  return {
    chainId,
    rpcUrl,
    rpc: rpcOptions({
      urls: rpcUrl
        .split(",")
        .map((url) => url.trim())
        .filter((url) => url !== ""),
      local: isLocalChain(chainId),
      ethGetLogsBlockRange: positiveInteger(env, "ATLAS_RPC_GETLOGS_RANGE"),
      localEndpoints: positiveInteger(env, "ATLAS_RPC_LOCAL_ENDPOINTS"),
    }),
    deploymentsDir: path.resolve(INDEXER_DIR, env.ATLAS_DEPLOYMENTS_DIR || "../deployments"),
    dataDir: path.resolve(INDEXER_DIR, env.ATLAS_INDEXER_DATA_DIR || ".ponder"),
    databaseUrl: env.DATABASE_URL || undefined,
  };
}

/** An optional positive integer variable. */
function positiveInteger(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export const settings: IndexerSettings = readSettings();

/** The deployment indexed: `<deploymentsDir>/<chainId>.json`. */
export const book: AddressBook = await readAddressBook(settings.chainId, settings.deploymentsDir);

/**
 * The EAS schema UIDs of the Atlas schemas, by name, as the address book lists them. A book written
 * before a schema was registered lacks its entry: the UID is then the one the SchemaRegistry gives
 * the definition (no resolver, revocable), which is what the deployment registers.
 */
export const atlasSchemas: Readonly<Record<AtlasSchemaName, Hex>> = (() => {
  const computed = atlasSchemaUids();
  return Object.fromEntries(
    ATLAS_SCHEMA_NAMES.map((name) => [name, (book.schemas[name] ?? computed[name]).toLowerCase() as Hex]),
  ) as Record<AtlasSchemaName, Hex>;
})();

/** The Atlas schema a UID names, if any. */
export function atlasSchemaName(uid: Hex): AtlasSchemaName | undefined {
  const key = uid.toLowerCase();
  return ATLAS_SCHEMA_NAMES.find((name) => atlasSchemas[name] === key);
}
