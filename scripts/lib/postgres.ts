/**
 * A throw-away PostgreSQL cluster from Debian's server binaries, for the indexer's end-to-end tests
 * and its benchmarks.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { freePort } from "./processes.ts";

const run = promisify(execFile);

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

/**
 * initdb + pg_ctl start in a fresh temporary folder (as `postgres` or `nobody` when we are root);
 * `stop()` runs pg_ctl stop and removes it. `fsync: false` trades durability for speed (tests);
 * the default keeps PostgreSQL's (benchmarks measure what a deployment would see).
 */
export async function startPostgres({ fsync = true }: { readonly fsync?: boolean } = {}): Promise<PostgresCluster> {
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
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c max_connections=200${fsync ? "" : " -c fsync=off"}`;
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
