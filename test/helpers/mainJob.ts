/**
 * The main job (`npm start`) for end-to-end tests, started as a terminal starts a foreground job:
 * npm in its own process group, on free ports, with temporary data and address-book folders and
 * a deployment id of its own. `stop` is Ctrl-C: SIGINT to the group, then it waits until the
 * group is empty and nothing serves our ports; `kill` removes whatever a failed test left.
 *
 * The page's test and the main job's test share one main job run ({@link sharedMainJob}): the
 * main job's own chain, chain 2 of a test run (test/e2e/world.ts holds chain 1). It starts in a
 * data folder holding a recording of other contracts, so it starts fresh by itself, as after a
 * code change. The main job records its chain and indexer starts (scripts/lib/e2eStarts.ts).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { currentRun } from "../../scripts/lib/e2eStarts.ts";
import { freePort } from "../../scripts/lib/processes.ts";
import "../e2e/order.ts";

/** Where a main job lives: its ports and folders, kept across restarts. */
export interface MainJobHome {
  readonly ports: { readonly chain: number; readonly indexer: number; readonly app: number };
  readonly dataDir: string;
  /** The address-book folder the job deploys into (ATLAS_DEPLOYMENTS_DIR). */
  readonly deploymentsDir: string;
  readonly deploymentId: string;
  readonly rpcUrl: string;
  readonly indexerUrl: string;
  readonly pageUrl: string;
}

export interface MainJob {
  readonly child: ChildProcess;
  /** Everything npm and the main job printed so far. */
  output(): string;
  /** Resolves once the job prints "Atlas OS is running"; fails if it exits first or takes too long. */
  untilRunning(timeoutMs?: number): Promise<void>;
  /** Ctrl-C: SIGINT to the process group, then waits until no process of the group is left. */
  stop(timeoutMs?: number): Promise<void>;
  /** After a failure: SIGKILL to the group and to every process still serving one of our ports. */
  kill(): void;
}

export async function mainJobHome(name: string): Promise<MainJobHome> {
  const ports = { chain: await freePort(), indexer: await freePort(), app: await freePort() };
  return {
    ports,
    dataDir: await mkdtemp(path.join(tmpdir(), `atlas-${name}-data-`)),
    deploymentsDir: await mkdtemp(path.join(tmpdir(), `atlas-${name}-books-`)),
    deploymentId: `atlas-31337-${name}-${process.pid}`,
    rpcUrl: `http://127.0.0.1:${ports.chain}`,
    indexerUrl: `http://127.0.0.1:${ports.indexer}`,
    pageUrl: `http://127.0.0.1:${ports.app}`,
  };
}

/** Removes a home's folders and its Ignition journal. */
export function removeMainJobHome(home: MainJobHome): void {
  rmSync(home.dataDir, { recursive: true, force: true });
  rmSync(home.deploymentsDir, { recursive: true, force: true });
  rmSync(path.join("ignition", "deployments", home.deploymentId), { recursive: true, force: true });
}

/** Processes still running that serve one of `home`'s ports (the chain and the indexer lead groups of their own). */
export function leftovers(home: MainJobHome): string[] {
  return execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" })
    .split("\n")
    .filter((line) => Object.values(home.ports).some((port) => line.includes(`--port ${port}`)));
}

/**
 * `npm start -- <args>` in `home`, with `env` added to the environment. `suite` names the suite
 * that starts it, in the record of end-to-end starts.
 */
export function startMainJob(
  home: MainJobHome,
  suite: string,
  args: readonly string[] = ["--fresh"],
  env: NodeJS.ProcessEnv = {},
): MainJob {
  const child = spawn("npm", ["start", "--", ...args], {
    env: {
      ...process.env,
      ATLAS_E2E_RUN: currentRun(),
      ATLAS_E2E_SUITE: suite,
      ATLAS_CHAIN_PORT: String(home.ports.chain),
      ATLAS_INDEXER_PORT: String(home.ports.indexer),
      ATLAS_APP_PORT: String(home.ports.app),
      ATLAS_DATA_DIR: home.dataDir,
      ATLAS_DEPLOYMENTS_DIR: home.deploymentsDir,
      ATLAS_DEPLOYMENT_ID: home.deploymentId,
      ...env,
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const groupAlive = () => {
    try {
      process.kill(-child.pid!, 0);
      return true;
    } catch {
      return false; // ESRCH: the group is empty
    }
  };

  return {
    child,
    output: () => output,
    async untilRunning(timeoutMs = 480_000) {
      const deadline = Date.now() + timeoutMs;
      while (!output.includes("Atlas OS is running")) {
        if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output.slice(-6_000)}`);
        if (Date.now() > deadline) throw new Error(`npm start did not get running:\n${output.slice(-6_000)}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    },
    async stop(timeoutMs = 60_000) {
      if (!groupAlive()) return;
      process.kill(-child.pid!, "SIGINT");
      const deadline = Date.now() + timeoutMs;
      while (groupAlive()) {
        if (Date.now() > deadline) throw new Error(`processes left after Ctrl-C:\n${output.slice(-3_000)}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      const left = leftovers(home);
      if (left.length > 0) throw new Error(`processes left after Ctrl-C:\n${left.join("\n")}`);
    },
    kill() {
      if (groupAlive()) process.kill(-child.pid!, "SIGKILL");
      for (const line of leftovers(home)) {
        try {
          process.kill(Number(line.trim().split(/\s+/)[0]), "SIGKILL");
        } catch {
          // already gone
        }
      }
    },
  };
}

/** The fingerprint a data folder records when its chain holds other contracts than the build's. */
export const STALE_FINGERPRINT = "0".repeat(64);

export interface SharedMainJob {
  readonly home: MainJobHome;
  /** The first run: it found a recording of other contracts and started fresh. */
  readonly job: MainJob;
}

let shared: Promise<SharedMainJob> | undefined;

/**
 * The run of `npm start` the page's test and the main job's test share, started once (by the
 * first suite that asks) in a home whose data folder holds a chain recorded with other contracts.
 */
export function sharedMainJob(suite: string): Promise<SharedMainJob> {
  shared ??= (async () => {
    const home = await mainJobHome("main");
    mkdirSync(home.dataDir, { recursive: true });
    writeFileSync(path.join(home.dataDir, "contracts.sha256"), `${STALE_FINGERPRINT}\n`);
    writeFileSync(path.join(home.dataDir, "chain.json"), "[]\n");
    const job = startMainJob(home, suite, []);
    try {
      await job.untilRunning();
    } catch (error) {
      job.kill();
      removeMainJobHome(home);
      throw error;
    }
    return { home, job };
  })();
  return shared;
}

// After the last suite: the shared main job stopped (if a test has not), its folders removed.
after(async function () {
  this.timeout(120_000);
  const found = await shared?.catch(() => undefined);
  if (found === undefined) return;
  try {
    await found.job.stop();
  } finally {
    found.job.kill();
    removeMainJobHome(found.home);
  }
});
