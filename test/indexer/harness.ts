/**
 * Processes for the indexer's end-to-end tests: `ponder start` on a free port against a node, and
 * a throw-away PostgreSQL cluster. Everything started here is stopped by `stopIndexers` /
 * `PostgresCluster.stop`; the tests call them in `after`.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify, stripVTControlCharacters } from "node:util";

import { freePort } from "../helpers/processes.ts";

const run = promisify(execFile);

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

/** JSON-RPC call to a node. */
export async function rpc<T = unknown>(url: string, method: string, params: readonly unknown[] = []): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
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
export interface PostgresCluster {
  readonly url: string;
  stop(): Promise<void>;
}

const POSTGRES_ROOT = "/usr/lib/postgresql";

function postgresBinDir(): string {
  const versions = existsSync(POSTGRES_ROOT)
    ? readdirSync(POSTGRES_ROOT)
        .filter((v) => existsSync(path.join(POSTGRES_ROOT, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      `PostgreSQL server binaries (initdb, pg_ctl) are missing from ${POSTGRES_ROOT}/*/bin: ` +
        "install them with `apt-get update && apt-get install -y postgresql`.",
    );
  }
  return path.join(POSTGRES_ROOT, versions[0], "bin");
}

/** initdb + pg_ctl start in a fresh temporary folder; `stop()` runs pg_ctl stop and removes it. */
export async function startPostgres(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const root = await mkdtemp(path.join(tmpdir(), "atlas-pg-"));
  const data = path.join(root, "data");
  const log = path.join(root, "server.log");
  // PostgreSQL refuses to run as root: run it as `postgres` (or `nobody`) when we are root.
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? await systemUser(["postgres", "nobody"]) : undefined;
  if (user !== undefined) {
    await run("chown", [`${user}:`, root]);
    await chmod(root, 0o700);
  }
  const as = (file: string, args: readonly string[]) =>
    user === undefined ? run(file, [...args]) : run("runuser", ["-u", user, "--", file, ...args]);
  const port = await freePort();
  await as(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const pgCtl = path.join(bin, "pg_ctl");
  try {
    await as(pgCtl, ["-D", data, "-l", log, "-o", options, "-w", "-t", "60", "start"]);
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      try {
        await as(pgCtl, ["-D", data, "-m", "fast", "-w", "-t", "60", "stop"]);
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    },
  };
}

async function systemUser(candidates: readonly string[]): Promise<string> {
  for (const name of candidates) {
    try {
      await run("id", ["-u", name]);
      return name;
    } catch {
      // no such user
    }
  }
  throw new Error(`PostgreSQL cannot run as root and none of ${candidates.join(", ")} exists.`);
}

/** A fresh temporary folder. */
export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}
