/**
 * Processes for the indexer's end-to-end tests: `ponder start` on a free port against a node, and
 * a throw-away PostgreSQL cluster. Everything started here is stopped by `stopIndexers` /
 * `PostgresCluster.stop`; the tests call them in `after`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";

import { startPostgres as startCluster, type PostgresCluster } from "../../scripts/lib/postgres.ts";
import { rpc } from "../../scripts/lib/processes.ts";
import { freePort } from "../helpers/processes.ts";

export { rpc, type PostgresCluster };

export const INDEXER_DIR = path.resolve(import.meta.dirname, "../../indexer");
// ponder exports no "./package.json": find its folder from its main entry (dist/esm/index.js).
const PONDER_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.resolve("ponder"))), "bin/ponder.js");

const started = new Set<Indexer>();

export interface IndexerOptions {
  readonly rpcUrl: string;
  readonly deploymentsDir: string;
  /** Folder of the PGlite files (ignored with `databaseUrl`). */
  readonly dataDir: string;
  /** Database schema (`ponder start --schema`). */
  readonly schema: string;
  /** PostgreSQL instead of PGlite. */
  readonly databaseUrl?: string;
}

export interface Indexer {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGTERM (Ponder's graceful shutdown), SIGKILL after 20 s; resolves once the process is gone. */
  stop(): Promise<void>;
  /** SIGKILL: a crash, no shutdown at all. */
  kill(): Promise<void>;
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function waitForExit(child: ChildProcess): Promise<void> {
  return exited(child) ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Starts `ponder start` in indexer/ and resolves once its HTTP server answers /health. */
export async function startIndexer(options: IndexerOptions): Promise<Indexer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.DATABASE_PRIVATE_URL;
  delete env.DATABASE_SCHEMA;
  Object.assign(env, {
    PONDER_TELEMETRY_DISABLED: "true",
    ATLAS_CHAIN_ID: "31337",
    ATLAS_RPC_URL: options.rpcUrl,
    ATLAS_DEPLOYMENTS_DIR: options.deploymentsDir,
    ATLAS_INDEXER_DATA_DIR: options.dataDir,
    ...(options.databaseUrl === undefined ? {} : { DATABASE_URL: options.databaseUrl }),
  });
  const child = spawn(
    process.execPath,
    [PONDER_BIN, "start", "--schema", options.schema, "--port", String(port), "--hostname", "127.0.0.1"],
    { cwd: INDEXER_DIR, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const signal = async (name: NodeJS.Signals, graceMs: number) => {
    if (!exited(child)) {
      child.kill(name);
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await waitForExit(child);
      clearTimeout(timer);
    }
    started.delete(indexer);
  };
  const indexer: Indexer = {
    url: `http://127.0.0.1:${port}`,
    child,
    // Ponder colours its log when it thinks it is on CI (CI=true): compare plain text.
    output: () => stripVTControlCharacters(output),
    stop: () => signal("SIGTERM", 20_000),
    kill: () => signal("SIGKILL", 5_000),
  };
  started.add(indexer);

  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited(child)) throw new Error(`ponder start exited early (${child.exitCode ?? child.signalCode}):\n${output}`);
    try {
      if ((await fetch(`${indexer.url}/health`)).ok) return indexer;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await indexer.kill();
  throw new Error(`ponder start did not answer /health within 120 s:\n${output}`);
}

/** Stops every indexer still running. */
export async function stopIndexers(): Promise<void> {
  await Promise.all([...started].map((indexer) => indexer.stop()));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls `check` until it stops throwing; rethrows its last error after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 60_000, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await sleep(intervalMs);
  }
}

/**
 * Resolves once the indexer has finished its backfill (/ready answers 200) and has indexed the
 * node's latest block (/status), so its API reflects every block the chain has now.
 */
export async function waitUntilSynced(indexer: Indexer, rpcUrl: string, timeoutMs = 180_000): Promise<void> {
  const head = Number(BigInt(await rpc<string>(rpcUrl, "eth_blockNumber")));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited(indexer.child)) throw new Error(`the indexer exited:\n${indexer.output()}`);
    try {
      const ready = await fetch(`${indexer.url}/ready`);
      if (ready.ok) {
        const status = (await (await fetch(`${indexer.url}/status`)).json()) as IndexerStatus;
        if ((status.chain?.block.number ?? -1) >= head) return;
      }
    } catch {
      // the server is between states; ask again
    }
    await sleep(200);
  }
  throw new Error(`the indexer did not reach block ${head} within ${timeoutMs / 1000} s:\n${indexer.output()}`);
}

/** Ponder's /status: the last indexed block per chain (ours is named "chain"). */
export interface IndexerStatus {
  readonly chain?: { readonly id: number; readonly block: { readonly number: number; readonly timestamp: number } };
}

/** GET `url` and parse its JSON, with the status code. */
export async function getJson<T>(url: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as T };
}

/** Runs `query` through Ponder's SQL-over-HTTP endpoint (the protocol of @ponder/client). */
export async function sqlQuery<T>(indexerUrl: string, query: string): Promise<T[]> {
  // superjson's envelope for a plain object: { json: value }.
  const payload = JSON.stringify({ json: { sql: query, params: [] } });
  const response = await fetch(`${indexerUrl}/sql/db?sql=${encodeURIComponent(payload)}`);
  if (!response.ok) throw new Error(`/sql/db ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { rows: T[] };
  return body.rows;
}

/** Runs a GraphQL query and returns its data, failing on GraphQL errors. */
export async function graphqlQuery<T>(indexerUrl: string, query: string): Promise<T> {
  const response = await fetch(`${indexerUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors !== undefined || body.data === undefined) throw new Error(`GraphQL: ${JSON.stringify(body)}`);
  return body.data;
}

/** A PostgreSQL cluster in a temporary folder, run by a non-root user, on a free port. */
/** A throw-away PostgreSQL cluster for a test (fsync off: the tests need no durability). */
export const startPostgres = (): Promise<PostgresCluster> => startCluster({ fsync: false });

/** A fresh temporary folder. */
export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}
