/**
 * The main job (`npm start`): a Hardhat node on 127.0.0.1, the stack deployed with the deploy
 * command, the scenario (scripts/scenario: the steps that are not test-only, Sovereign Graph,
 * capital, then governance), the indexer and its API, and the governance page; then it prints the
 * URLs and a summary, and runs until Ctrl-C, which stops every process it started.
 *
 *   npm start                       reuse the chain and indexer data of the last run (replayed),
 *                                   unless the contracts changed since: then as --fresh
 *   npm start -- --fresh            start clean: new chain, new deployment, new indexer data
 *   npm start -- --network sepolia  use the existing deployment on that network (no local chain)
 *
 * Ports and folders: ATLAS_CHAIN_PORT (8545), ATLAS_INDEXER_PORT (42069), ATLAS_APP_PORT (5173),
 * ATLAS_DATA_DIR (.atlas), ATLAS_DEPLOYMENTS_DIR (deployments), ATLAS_DEPLOYMENT_ID (atlas-<chainId>).
 * Started by an end-to-end test (ATLAS_E2E_SUITE set), it records its chain and indexer starts
 * (scripts/lib/e2eStarts.ts).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";

import { createPublicClient, formatUnits, http } from "viem";

import { addressesOf, createAtlasClient, governance, type AddressBook } from "../sdk/src/index.ts";
import { readAddressBook } from "../sdk/src/node/index.ts";
import { recordStart, type E2eStart } from "./lib/e2eStarts.ts";
import { HARDHAT_CLI, run, start, stop, stopAll, waitFor, type Started } from "./lib/processes.ts";
import { contractsFingerprint, recordChain, startLocalChain, type LocalChain } from "./main/chain.ts";
import { servePage } from "./main/server.ts";
import { createScenarioContext } from "./scenario/context.ts";
import { idsToJson, type ProducedIds } from "./scenario/ids.ts";
import { runScenario, type ScenarioRun } from "./scenario/index.ts";

const { values: flags } = parseArgs({
  options: { fresh: { type: "boolean", default: false }, network: { type: "string" } },
});
const root = path.resolve(import.meta.dirname, "..");
const env = process.env;
const chainPort = Number(env.ATLAS_CHAIN_PORT ?? 8545);
const indexerPort = Number(env.ATLAS_INDEXER_PORT ?? 42069);
const appPort = Number(env.ATLAS_APP_PORT ?? 5173);
const dataDir = path.resolve(root, env.ATLAS_DATA_DIR ?? ".atlas");
const deploymentsDir = path.resolve(root, env.ATLAS_DEPLOYMENTS_DIR ?? "deployments");
const log = (line = "") => console.log(line);
/** Records a chain or indexer start when an end-to-end test started this job. */
const recordE2eStart = (entry: Omit<E2eStart, "run" | "at" | "suite">) => {
  if (env.ATLAS_E2E_SUITE !== undefined) recordStart({ ...entry, suite: env.ATLAS_E2E_SUITE });
};

let chain: LocalChain | undefined;
let indexer: Started | undefined;
let page: Server | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (stopping) return new Promise<never>(() => {});
  stopping = true;
  log("\nStopping Atlas OS...");
  if (chain) {
    try {
      const blocks = await recordChain(chain.url, path.join(dataDir, "chain.json"));
      log(`  chain recorded (${blocks} blocks) for the next run`);
    } catch (error) {
      log(`  could not record the chain: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  await new Promise<void>((resolve) => (page ? page.close(() => resolve()) : resolve()));
  if (indexer) await stop(indexer.child);
  if (chain) await stop(chain.node.child);
  await stopAll();
  log("  every process stopped");
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  await main();
} catch (error) {
  console.error(`\nAtlas OS failed: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}

async function main(): Promise<void> {
  log("Atlas OS: starting the coordination stack\n");
  let rpcUrl: string;
  let chainId: number;
  let scenario: ScenarioRun | undefined;

  if (flags.network === undefined) {
    const deploymentId = env.ATLAS_DEPLOYMENT_ID ?? "atlas-31337";
    const built = await run(process.execPath, [HARDHAT_CLI, "build", "--quiet"], { cwd: root });
    if (built.code !== 0) throw new Error(`the contracts did not compile:\n${built.output.slice(-4_000)}`);
    const contracts = contractsFingerprint(root);
    const recorded = path.join(dataDir, "contracts.sha256");
    const stale = !flags.fresh && existsSync(recorded) && readFileSync(recorded, "utf8").trim() !== contracts;
    if (flags.fresh || stale) {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(path.join(deploymentsDir, "31337.json"), { force: true });
      rmSync(path.join(root, "ignition", "deployments", deploymentId), { recursive: true, force: true });
      log(
        stale
          ? "The contracts changed since the recorded chain was deployed: starting fresh (as --fresh)"
          : "--fresh: cleared the chain record, the local address book and the indexer data",
      );
    }
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(recorded, `${contracts}\n`);
    const chainRecord = path.join(dataDir, "chain.json");
    recordE2eStart({
      kind: "chain",
      id: `the main job's chain (${dataDir})`,
      start: existsSync(chainRecord) ? "restart" : "new",
      reason: existsSync(chainRecord) ? "npm start: the recorded chain, replayed" : "npm start: a new chain",
    });
    chain = await startLocalChain(chainPort, chainRecord, log);
    rpcUrl = chain.url;
    chainId = 31337;
    log(
      `Chain: Hardhat node at ${rpcUrl}${chain.replayedBlocks > 0 ? ` (${chain.replayedBlocks} blocks replayed)` : ""}`,
    );

    log("\nDeploying (npm run deploy -- --network localhost)...");
    const deployed = await run(process.execPath, [HARDHAT_CLI, "run", "scripts/deploy.ts", "--network", "localhost"], {
      cwd: root,
      env: {
        ...env,
        ATLAS_LOCALHOST_URL: rpcUrl,
        ATLAS_DEPLOYMENTS_DIR: deploymentsDir,
        ATLAS_DEPLOYMENT_ID: deploymentId,
      },
    });
    if (deployed.code !== 0) throw new Error(`deployment failed:\n${deployed.output.slice(-4_000)}`);
    log("  deployed (or already deployed: Ignition changed nothing)");

    const book = await readAddressBook(chainId, deploymentsDir);
    const marker = path.join(dataDir, "scenario.json");
    if (existsSync(marker) && chain.replayedBlocks > 0) {
      log("\nScenario: already on the replayed chain (run with --fresh to play it again)");
    } else {
      const ctx = await createScenarioContext(rpcUrl, book);
      scenario = await runScenario(ctx, { testOnly: false, log });
      const { accounts } = ctx;
      writeFileSync(
        marker,
        `${idsToJson({
          ids: scenario.ids,
          accounts: { citizen: accounts.citizen, grantee: accounts.eve, agent: accounts.agent },
          steps: scenario.steps,
        })}\n`,
      );
      await recordChain(rpcUrl, chainRecord); // kept even if this run dies
    }
  } else {
    const info = await run(
      process.execPath,
      [HARDHAT_CLI, "run", "scripts/main/networkInfo.ts", "--network", flags.network],
      {
        cwd: root,
      },
    );
    if (info.code !== 0) throw new Error(`cannot reach network ${flags.network}:\n${info.output.slice(-2_000)}`);
    const parsed = JSON.parse(info.output.trim().split("\n").at(-1) ?? "{}") as { chainId: number; url?: string };
    if (!parsed.url) throw new Error(`network ${flags.network} has no RPC URL`);
    rpcUrl = parsed.url;
    chainId = parsed.chainId;
    log(`Network ${flags.network} (chain ${chainId}): using its existing deployment`);
  }

  const book = await readAddressBook(chainId, deploymentsDir);
  log("\nStarting the indexer (Ponder)...");
  // One database per chain source: a local chain and a network with the same chain id never share one.
  const indexerData = path.join(dataDir, flags.network === undefined ? "indexer-local" : `indexer-${flags.network}`);
  recordE2eStart({
    kind: "indexer",
    id: path.join(indexerData, "pglite"),
    start: existsSync(path.join(indexerData, "pglite")) ? "restart" : "new",
    reason: `npm start${flags.network === undefined ? "" : ` --network ${flags.network}`}: the indexer on PGlite`,
  });
  indexer = start(
    process.execPath,
    [
      path.join(root, "node_modules", "ponder", "dist", "esm", "bin", "ponder.js"),
      "start",
      "--schema",
      "atlas",
      "--port",
      String(indexerPort),
    ],
    {
      cwd: path.join(root, "indexer"),
      detached: true,
      env: {
        ...env,
        PONDER_TELEMETRY_DISABLED: "true",
        ATLAS_CHAIN_ID: String(chainId),
        ATLAS_RPC_URL: rpcUrl,
        ATLAS_DEPLOYMENTS_DIR: deploymentsDir,
        ATLAS_INDEXER_DATA_DIR: indexerData,
      },
    },
  );
  const indexerUrl = `http://127.0.0.1:${indexerPort}`;
  await waitFor("indexer", async () => (await fetch(`${indexerUrl}/ready`)).ok, {
    timeoutMs: 180_000,
    started: indexer,
  });
  indexer.child.on("exit", (code) => {
    if (!stopping) {
      console.error(`The indexer exited (${code}):\n${indexer?.output().slice(-2_000)}`);
      void shutdown(1);
    }
  });
  // /ready means the backfill is done; the newest blocks (not yet final) follow in realtime.
  const head = await createPublicClient({ transport: http(rpcUrl) }).getBlockNumber();
  await waitFor(
    `indexer at block ${head}`,
    async () => {
      const status = (await (await fetch(`${indexerUrl}/status`)).json()) as Record<
        string,
        { block?: { number?: number | string } }
      >;
      return Object.values(status).some((chainStatus) => BigInt(chainStatus.block?.number ?? 0) >= head);
    },
    { timeoutMs: 120_000, started: indexer },
  );
  // On a restart Ponder re-indexes the blocks it had not finalized, and /status may already show
  // the head meanwhile: wait until the API lists every proposal the chain has.
  const onChain = await createAtlasClient({
    publicClient: createPublicClient({ transport: http(rpcUrl) }),
    chainId,
    addresses: addressesOf(book),
    layers: { governance },
  }).governance.getProposals({ fromBlock: BigInt(book.contracts.governor.blockNumber) });
  await waitFor(
    `indexer lists the chain's ${onChain.length} proposals`,
    async () => {
      const body = (await (await fetch(`${indexerUrl}/proposals`)).json()) as { proposals?: unknown[] };
      return body.proposals?.length === onChain.length;
    },
    { timeoutMs: 120_000, started: indexer },
  );
  log(`  synced to block ${head}: ${indexerUrl}`);

  log("\nBuilding and serving the governance page...");
  const built = await run(process.execPath, [path.join(root, "node_modules", "vite", "bin", "vite.js"), "build"], {
    cwd: path.join(root, "app"),
  });
  if (built.code !== 0) throw new Error(`the page did not build:\n${built.output.slice(-4_000)}`);
  page = await servePage(
    path.join(root, "app", "dist"),
    { chainId, rpcUrl, indexerUrl, addresses: addressesOf(book) },
    appPort,
  );
  const pageUrl = `http://127.0.0.1:${appPort}`;

  await printSummary(book, rpcUrl, indexerUrl, pageUrl, chainId, scenario);
  log("\nAtlas OS is running. Press Ctrl-C to stop every process it started.");
}

async function printSummary(
  book: AddressBook,
  rpcUrl: string,
  indexerUrl: string,
  pageUrl: string,
  chainId: number,
  scenario: ScenarioRun | undefined,
): Promise<void> {
  log("\nURLs");
  console.table({
    "chain (JSON-RPC)": rpcUrl,
    "indexer REST": `${indexerUrl}/proposals`,
    "indexer REST (graph)": `${indexerUrl}/sovereigns`,
    "indexer GraphQL": `${indexerUrl}/graphql`,
    "indexer SQL over HTTP": `${indexerUrl}/sql`,
    "governance page": pageUrl,
  });
  log("Contracts");
  console.table(Object.fromEntries(Object.entries(book.contracts).map(([name, c]) => [name, c.address])));
  const atlas = createAtlasClient({
    publicClient: createPublicClient({ transport: http(rpcUrl) }),
    chainId,
    addresses: addressesOf(book),
    layers: { governance },
  });
  const proposals = await atlas.governance.getProposals({ fromBlock: BigInt(book.contracts.governor.blockNumber) });
  const rows: Record<string, Record<string, string>> = {};
  for (const p of proposals) {
    const detail = await atlas.governance.getProposal({ proposalId: p.proposalId });
    rows[`${String(p.proposalId).slice(0, 10)}…`] = {
      description: p.description.length > 48 ? `${p.description.slice(0, 47)}…` : p.description,
      state: detail.state,
      for: formatUnits(detail.votes.for, 18),
      against: formatUnits(detail.votes.against, 18),
      abstain: formatUnits(detail.votes.abstain, 18),
    };
  }
  log("Proposals (read through the SDK)");
  console.table(rows);
  const sovereigns = await fetchJson<{ sovereigns?: { id: string; handle: string; members?: number }[] }>(
    `${indexerUrl}/sovereigns`,
  );
  if (sovereigns.sovereigns !== undefined) {
    log("Sovereigns (read from the indexer)");
    console.table(Object.fromEntries(sovereigns.sovereigns.map((s) => [s.handle, { id: s.id }])));
  }
  if (scenario) {
    const ids: ProducedIds = scenario.ids;
    log(
      `Scenario: ${scenario.steps.length} steps; north honours south's credential ${ids.foreignCredential?.slice(0, 10)}…; ` +
        `the agent's reputation in north is ${ids.agentReputation}, the citizen's ${ids.citizenReputation}; ` +
        `mission ${ids.mission} funded by escrow ${ids.escrow} and bounty ${ids.bounty} ` +
        `(${indexerUrl}/missions/${ids.mission}/funding); revenue split ${ids.split}; ` +
        `the grantee holds ${formatUnits(ids.granteeBalance ?? 0n, 18)} ATLAS`,
    );
  }
}

/** A JSON body, or an empty object when the route answers otherwise (the summary never fails on it). */
async function fetchJson<T extends object>(url: string): Promise<Partial<T>> {
  try {
    const response = await fetch(url);
    return response.ok ? ((await response.json()) as T) : {};
  } catch {
    return {};
  }
}
