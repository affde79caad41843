/**
 * The README's main-job command as a new user runs it: `npm start -- --fresh` brings up the
 * chain, the deployment, the scenario, the indexer and the page; Ctrl-C (SIGINT to the terminal's
 * process group) stops every process it started; `npm start` again reuses the recorded chain and
 * the indexer's data.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";

import { freePort } from "../../scripts/lib/processes.ts";
import { runNpm, startHardhatNode, stopAll } from "../helpers/processes.ts";

interface Run {
  readonly child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

describe("main job (npm start)", function () {
  this.timeout(600_000);

  let env: NodeJS.ProcessEnv;
  let ports: { chain: number; indexer: number; app: number };
  let dataDir: string;
  let booksDir: string;
  const deploymentId = `atlas-31337-main-${process.pid}`;

  before(async function () {
    ports = { chain: await freePort(), indexer: await freePort(), app: await freePort() };
    dataDir = await mkdtemp(path.join(tmpdir(), "atlas-main-"));
    booksDir = await mkdtemp(path.join(tmpdir(), "atlas-books-"));
    env = {
      ...process.env,
      ATLAS_CHAIN_PORT: String(ports.chain),
      ATLAS_INDEXER_PORT: String(ports.indexer),
      ATLAS_APP_PORT: String(ports.app),
      ATLAS_DATA_DIR: dataDir,
      ATLAS_DEPLOYMENTS_DIR: booksDir,
      ATLAS_DEPLOYMENT_ID: deploymentId,
    };
  });

  const runs: Run[] = [];

  after(function () {
    // A failed test may leave a main job running: stop its group so `hardhat test` can exit.
    for (const run of runs) {
      if (run.child.exitCode === null) {
        try {
          process.kill(-run.child.pid!, "SIGKILL");
        } catch {
          // already gone
        }
      }
    }
    for (const line of leftovers()) {
      try {
        process.kill(Number(line.trim().split(/\s+/)[0]), "SIGKILL");
      } catch {
        // already gone
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(booksDir, { recursive: true, force: true });
    rmSync(path.join("ignition", "deployments", deploymentId), { recursive: true, force: true });
  });

  /** `npm start [args]` in its own process group, as a terminal runs a foreground job. */
  function npmStart(args: string[]): Run {
    const child = spawn("npm", ["start", "--", ...args], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const run = { child, output: () => output, exited };
    runs.push(run);
    return run;
  }

  async function untilRunning(run: Run): Promise<void> {
    const deadline = Date.now() + 480_000;
    while (!run.output().includes("Atlas OS is running")) {
      if (run.child.exitCode !== null) throw new Error(`npm start exited early:\n${run.output().slice(-6_000)}`);
      if (Date.now() > deadline) throw new Error(`npm start did not get running:\n${run.output().slice(-6_000)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  /**
   * Ctrl-C: SIGINT to the whole foreground process group (npm, its shell and the main job), as a
   * terminal sends it; then wait until no process of that group is left (npm itself dies of the
   * signal at once, the main job stops its children first).
   */
  async function ctrlC(run: Run): Promise<void> {
    process.kill(-run.child.pid!, "SIGINT");
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        process.kill(-run.child.pid!, 0);
      } catch {
        return; // ESRCH: the group is empty
      }
      if (Date.now() > deadline) throw new Error(`processes left after Ctrl-C:\n${run.output().slice(-3_000)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async function listening(port: number): Promise<boolean> {
    try {
      await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) });
      return true;
    } catch {
      return false;
    }
  }

  /** Command lines of every process still running that mentions one of our ports. */
  function leftovers(): string[] {
    const lines = execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" }).split("\n");
    return lines.filter((line) => Object.values(ports).some((port) => line.includes(`--port ${port}`)));
  }

  interface ProposalRow {
    id: string;
    state: string;
    tally: Record<string, string>;
    createdBlock: string;
    createdTransaction: string;
  }

  /** The indexer's proposals, reduced to what identifies them on the chain and their outcome. */
  async function proposals(): Promise<ProposalRow[]> {
    const response = await fetch(`http://127.0.0.1:${ports.indexer}/proposals`);
    expect(response.status).to.equal(200);
    const body = (await response.json()) as { proposals: ProposalRow[] };
    return body.proposals.map(({ id, state, tally, createdBlock, createdTransaction }) => ({
      id,
      state,
      tally,
      createdBlock,
      createdTransaction,
    }));
  }

  let firstProposals: ProposalRow[];

  it("runs the scenario, answers on the API, serves the page, and Ctrl-C leaves no process behind", async function () {
    const run = npmStart(["--fresh"]);
    await untilRunning(run);
    const output = run.output();
    expect(output).to.include("✓ execute");
    expect(output).to.include(`http://127.0.0.1:${ports.app}`);

    firstProposals = await proposals();
    expect(firstProposals.map((p) => p.state).sort()).to.deep.equal(["Active", "Executed"]);
    const page = await fetch(`http://127.0.0.1:${ports.app}/`);
    expect(page.status).to.equal(200);
    expect(page.headers.get("content-type")).to.include("text/html");
    const config = (await (await fetch(`http://127.0.0.1:${ports.app}/atlas.config.json`)).json()) as {
      chainId: number;
    };
    expect(config.chainId).to.equal(31337);

    await ctrlC(run);
    expect(run.output()).to.include("every process stopped");
    for (const port of Object.values(ports)) expect(await listening(port), `port ${port} after Ctrl-C`).to.equal(false);
    expect(leftovers()).to.deep.equal([]);
  });

  it("reuses the chain and the indexer's data when started again", async function () {
    const run = npmStart([]);
    await untilRunning(run);
    expect(run.output()).to.match(/\(\d+ blocks replayed\)/);
    expect(run.output()).to.include("Scenario: already on the replayed chain");
    expect(await proposals()).to.deep.equal(firstProposals);
    await ctrlC(run);
    expect(run.output()).to.include("every process stopped");
    expect(leftovers()).to.deep.equal([]);
  });

  it("with --network, serves the indexer and the page for an existing deployment, without a local chain", async function () {
    const nodePort = await freePort();
    const nodeUrl = `http://127.0.0.1:${nodePort}`;
    await startHardhatNode(nodePort);
    try {
      const networkEnv = { ...env, ATLAS_LOCALHOST_URL: nodeUrl, ATLAS_DEPLOYMENT_ID: `${deploymentId}-network` };
      const deployed = await runNpm(["run", "deploy", "--", "--network", "localhost"], networkEnv);
      expect(deployed.code, deployed.output).to.equal(0);
      env = networkEnv;
      const run = npmStart(["--network", "localhost"]);
      await untilRunning(run);
      expect(run.output()).to.include("Network localhost (chain 31337): using its existing deployment");
      expect(run.output()).to.not.include("Governance scenario");
      expect(await proposals()).to.deep.equal([]);
      const config = (await (await fetch(`http://127.0.0.1:${ports.app}/atlas.config.json`)).json()) as {
        rpcUrl: string;
      };
      expect(config.rpcUrl).to.equal(nodeUrl);
      await ctrlC(run);
      expect(leftovers()).to.deep.equal([]);
      expect(await listening(nodePort), "the main job leaves a chain it did not start running").to.equal(true);
    } finally {
      await stopAll();
      rmSync(path.join("ignition", "deployments", `${deploymentId}-network`), { recursive: true, force: true });
    }
  });
});
