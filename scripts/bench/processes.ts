/**
 * Processes the indexer and API benchmarks run: a Hardhat node with the stack deployed by the
 * project's deploy command, `ponder start` (JSON logs, so the benchmark reads Ponder's own
 * timings), and a throw-away PostgreSQL cluster run by a non-root user. Everything started here
 * is tracked by scripts/lib/processes.ts and stopped by its `stopAll` (and killed if we die).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import type { AddressBook } from "../../sdk/src/index.ts";
import { readAddressBook } from "../../sdk/src/node/index.ts";
import { HARDHAT_CLI, freePort, rpc, rpcAnswers, run, start, stop, waitFor, type Started } from "../lib/processes.ts";

export { rpc };
export { startPostgres, type PostgresCluster } from "../lib/postgres.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const INDEXER_DIR = path.join(ROOT, "indexer");
const PONDER_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.resolve("ponder"))), "bin/ponder.js");

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A temporary folder, removed by the caller. */
export const tempDir = (prefix: string) => mkdtemp(path.join(tmpdir(), prefix));

/* CHAIN */

export interface BenchChain {
  readonly url: string;
  readonly node: Started;
  readonly deploymentsDir: string;
  readonly book: AddressBook;
  dispose(): Promise<void>;
}

/** `hardhat node` on a free port, then `npm run deploy -- --network localhost` into a temporary address book. */
export async function deployedNode(name: string): Promise<BenchChain> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const node = start(process.execPath, [HARDHAT_CLI, "node", "--hostname", "127.0.0.1", "--port", String(port)]);
  await waitFor(`hardhat node on ${url}`, () => rpcAnswers(url), { started: node });
  const deploymentsDir = await tempDir(`atlas-${name}-books-`);
  const deploymentId = `atlas-31337-${name}-${process.pid}`;
  const dispose = async () => {
    await stop(node.child);
    await rm(path.join(ROOT, "ignition", "deployments", deploymentId), { recursive: true, force: true });
    await rm(deploymentsDir, { recursive: true, force: true });
  };
  const deployed = await run(process.execPath, [HARDHAT_CLI, "run", "scripts/deploy.ts", "--network", "localhost"], {
    cwd: ROOT,
    env: {
      ...process.env,
      ATLAS_LOCALHOST_URL: url,
      ATLAS_DEPLOYMENTS_DIR: deploymentsDir,
      ATLAS_DEPLOYMENT_ID: deploymentId,
    },
  });
  if (deployed.code !== 0) {
    await dispose();
    throw new Error(`the deployment failed:\n${deployed.output.slice(-4_000)}`);
  }
  return { url, node, deploymentsDir, book: await readAddressBook(31337, deploymentsDir), dispose };
}

/* PONDER */

/** One line of Ponder's JSON log (pino). */
export interface PonderLog {
  readonly time: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

export interface PonderOptions {
  readonly rpcUrl: string;
  readonly deploymentsDir: string;
  /** PGlite's folder (`<dataDir>/pglite`), ignored with `databaseUrl`. */
  readonly dataDir: string;
  readonly schema: string;
  readonly databaseUrl?: string;
  /** More environment (e.g. the RPC settings of indexer/settings.ts). */
  readonly env?: NodeJS.ProcessEnv;
}

export interface PonderProcess {
  readonly url: string;
  /** When the process was spawned (ms since the epoch). */
  readonly startedAt: number;
  /** Ponder's log so far. */
  logs(): PonderLog[];
  output(): string;
  stop(): Promise<void>;
}

/** `ponder start` in indexer/ on a free port, with JSON logs; resolves once /health answers. */
export async function startPonder(options: PonderOptions): Promise<PonderProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const name of ["DATABASE_URL", "DATABASE_PRIVATE_URL", "DATABASE_SCHEMA"]) delete env[name];
  Object.assign(env, {
    PONDER_TELEMETRY_DISABLED: "true",
    ATLAS_CHAIN_ID: "31337",
    ATLAS_RPC_URL: options.rpcUrl,
    ATLAS_DEPLOYMENTS_DIR: options.deploymentsDir,
    ATLAS_INDEXER_DATA_DIR: options.dataDir,
    ...(options.databaseUrl === undefined ? {} : { DATABASE_URL: options.databaseUrl }),
  });
  const startedAt = Date.now();
  const started = start(
    process.execPath,
    [
      PONDER_BIN,
      "start",
      "--log-format",
      "json",
      "--schema",
      options.schema,
      "--port",
      String(port),
      "--hostname",
      "127.0.0.1",
    ],
    { cwd: INDEXER_DIR, env },
  );
  const url = `http://127.0.0.1:${port}`;
  const logs = () =>
    started
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as PonderLog];
        } catch {
          return [];
        }
      });
  await waitFor("ponder start", async () => (await fetch(`${url}/health`)).ok, { timeoutMs: 180_000, started });
  return { url, startedAt, logs, output: () => started.output(), stop: () => stop(started.child, 30_000) };
}

/** Resolves once Ponder's /ready answers 200 and /status has reached `block`; fails with Ponder's log after `timeoutMs`. */
export async function waitUntilIndexed(ponder: PonderProcess, block: bigint, timeoutMs = 1_800_000): Promise<void> {
  try {
    await waitFor(
      `the indexer at block ${block}`,
      async () => {
        if (!(await fetch(`${ponder.url}/ready`)).ok) return false;
        const status = (await (await fetch(`${ponder.url}/status`)).json()) as {
          chain?: { block: { number: number } };
        };
        return BigInt(status.chain?.block.number ?? -1) >= block;
      },
      { timeoutMs },
    );
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${ponder.output().slice(-4_000)}`, {
      cause: error,
    });
  }
}
