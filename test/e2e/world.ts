/**
 * The recorded world every end-to-end reader shares: the whole scenario (scripts/scenario: the
 * main job's steps and the test-only edge cases) run once per contract build on a fresh node,
 * recorded (signed transactions, block times and balance edits, scripts/main/chain.ts) with its
 * address book and ids under test-output/world/<fingerprint>/, and replayed into one node for a
 * whole `hardhat test` run. The fingerprint hashes the contracts' bytecode and the sources the
 * world is made from (scenario, deployment, SDK, recording).
 *
 * Within one test process the suites share, through this module: the world's node (chain 1 of
 * the run), its indexer on PGlite (whose database `npm start -- --network localhost` reuses) and
 * its indexer on PostgreSQL (killed during its backfill and restarted on its own database, once).
 * A root hook stops all of it after the last suite; test/e2e/order.ts orders the suites.
 *
 * Each start is recorded in test-output/e2e-starts.jsonl (scripts/lib/e2eStarts.ts).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  type Account,
  type Address,
  type PublicClient,
  type TestClient,
  type Transport,
} from "viem";
import { hardhat } from "viem/chains";

import { addressesOf, allLayers, createAtlasClient, type AddressBook, type AtlasClient } from "../../sdk/src/index.ts";
import { readAddressBook } from "../../sdk/src/node/index.ts";
import { recordStart } from "../../scripts/lib/e2eStarts.ts";
import { HARDHAT_CLI, freePort, run, stop } from "../../scripts/lib/processes.ts";
import { contractsFingerprint, recordChain, startLocalChain, type LocalChain } from "../../scripts/main/chain.ts";
import { createScenarioContext, type ScenarioAccounts } from "../../scripts/scenario/context.ts";
import { idsFromJson, idsToJson, type ScenarioIds } from "../../scripts/scenario/ids.ts";
import { runScenario } from "../../scripts/scenario/index.ts";
import "./order.ts";
import {
  eventually,
  getJson,
  startIndexer,
  startPostgres,
  waitUntilSynced,
  type Indexer,
  type IndexerStatus,
  type PostgresCluster,
} from "../indexer/harness.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The world's people: the scenario's accounts. */
export type WorldAccounts = ScenarioAccounts;

export interface World {
  readonly url: string;
  /** The folder holding the world's address book (31337.json). */
  readonly deploymentsDir: string;
  readonly book: AddressBook;
  readonly publicClient: PublicClient<Transport, typeof hardhat>;
  readonly testClient: TestClient<"hardhat", Transport, typeof hardhat>;
  readonly accounts: WorldAccounts;
  /** What the scenario's steps produced, by name. */
  readonly ids: ScenarioIds;
  /** A read-only Atlas client. */
  readonly reader: AtlasClient;
  /** An Atlas client whose wallet is `account`. */
  as(account: Address | Account): AtlasClient;
  /** Moves the chain's clock to `timestamp` and mines a block there. */
  increaseTo(timestamp: bigint): Promise<void>;
  /** Where this run keeps the world's indexer data (`npm start -- --network localhost` reads it as ATLAS_DATA_DIR). */
  readonly dataDir: string;
}

let world: Promise<World> | undefined;
let node: LocalChain | undefined;
let dataDir: string | undefined;

/** The world, replayed (or built, the first time for this build) into a node for this run. */
export function useWorld(suite: string): Promise<World> {
  world ??= openWorld(suite);
  return world;
}

/** The world's folder: test-output/world/<fingerprint>/. */
export function worldDir(): string {
  return path.join(ROOT, "test-output", "world", worldFingerprint().slice(0, 16));
}

async function openWorld(suite: string): Promise<World> {
  const dir = worldDir();
  const recorded = ["chain.json", "ids.json", path.join("deployments", "31337.json")].every((file) =>
    existsSync(path.join(dir, file)),
  );
  dataDir = await mkdtemp(path.join(tmpdir(), "atlas-world-"));
  const port = await freePort();
  const chainName = `world ${path.basename(dir)}`;
  if (recorded) {
    recordStart({ kind: "chain", id: chainName, start: "restart", suite, reason: "the recorded world, replayed" });
    node = await startLocalChain(port, path.join(dir, "chain.json"), () => {});
    return worldOn(
      node.url,
      path.join(dir, "deployments"),
      idsFromJson(readFileSync(path.join(dir, "ids.json"), "utf8")),
    );
  }
  recordStart({ kind: "chain", id: chainName, start: "new", suite, reason: "no recorded world for this build yet" });
  node = await startLocalChain(port, path.join(dir, "none.json"), () => {});
  const building = `${dir}.${process.pid}.tmp`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const deploymentsDir = path.join(building, "deployments");
  const deploymentId = `atlas-31337-world-${process.pid}`;
  try {
    const deployed = await run(process.execPath, [HARDHAT_CLI, "run", "scripts/deploy.ts", "--network", "localhost"], {
      cwd: ROOT,
      env: {
        ...process.env,
        ATLAS_LOCALHOST_URL: node.url,
        ATLAS_DEPLOYMENTS_DIR: deploymentsDir,
        ATLAS_DEPLOYMENT_ID: deploymentId,
      },
    });
    if (deployed.code !== 0) throw new Error(`the world's deployment failed:\n${deployed.output.slice(-4_000)}`);
    const ctx = await createScenarioContext(node.url, await readAddressBook(31337, deploymentsDir));
    const lines: string[] = [];
    const { ids } = await runScenario(ctx, { testOnly: true, log: (line) => lines.push(line) });
    writeFileSync(path.join(building, "scenario.log"), `${lines.join("\n")}\n`);
    writeFileSync(path.join(building, "ids.json"), `${idsToJson(ids)}\n`);
    await recordChain(node.url, path.join(building, "chain.json"), ctx.edits);
    rmSync(dir, { recursive: true, force: true });
    renameSync(building, dir);
  } finally {
    rmSync(building, { recursive: true, force: true });
    rmSync(path.join(ROOT, "ignition", "deployments", deploymentId), { recursive: true, force: true });
  }
  return worldOn(
    node.url,
    path.join(dir, "deployments"),
    idsFromJson(readFileSync(path.join(dir, "ids.json"), "utf8")),
  );
}

async function worldOn(url: string, deploymentsDir: string, ids: Partial<ScenarioIds>): Promise<World> {
  const book = await readAddressBook(31337, deploymentsDir);
  const ctx = await createScenarioContext(url, book);
  const addresses = addressesOf(book);
  const transport = http(url, { retryCount: 0 });
  const publicClient = createPublicClient({ chain: hardhat, transport, pollingInterval: 50 });
  const testClient = createTestClient({ chain: hardhat, mode: "hardhat", transport });
  return {
    url,
    deploymentsDir,
    book,
    publicClient,
    testClient,
    accounts: ctx.accounts,
    ids: ids as ScenarioIds,
    reader: createAtlasClient({ publicClient, addresses, layers: allLayers }),
    as: (account: Address | Account) =>
      createAtlasClient({
        publicClient,
        walletClient: createWalletClient({ account, chain: hardhat, transport }),
        addresses,
        layers: allLayers,
      }),
    async increaseTo(timestamp) {
      await testClient.setNextBlockTimestamp({ timestamp });
      await testClient.mine({ blocks: 1 });
    },
    dataDir: dataDir!,
  };
}

/**
 * The fingerprint of the world this code makes: the contracts' bytecode and the sources of the
 * scenario, the deployment, the SDK and the recording.
 */
let fingerprint: string | undefined;
export function worldFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash("sha256").update(contractsFingerprint(ROOT));
  const sources = [
    "scripts/scenario",
    "scripts/main/chain.ts",
    "scripts/deploy.ts",
    "deploy",
    "sdk/src",
    "hardhat.config.ts",
  ].flatMap((entry) => {
    const full = path.join(ROOT, entry);
    if (!existsSync(full)) return [];
    if (!full.endsWith(".ts")) {
      return readdirSync(full, { recursive: true, encoding: "utf8" })
        .filter((file) => /\.(ts|json)$/.test(file))
        .map((file) => path.join(entry, file));
    }
    return [entry];
  });
  for (const file of sources.sort())
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(ROOT, file)))
      .update("\0");
  fingerprint = hash.digest("hex");
  return fingerprint;
}

/* THE WORLD'S INDEXERS */

export type IndexerKind = "pglite" | "postgres";

/** What the PostgreSQL indexer's first process reached before it was killed during its backfill. */
export interface CrashRecovery {
  /** The block its /status showed when it was killed. */
  readonly reached: number;
  /** The world's head then. */
  readonly head: number;
  /** Its /ready status when it was killed: 503 during the backfill. */
  readonly readyBeforeKill: number;
  /** The block the indexed contracts start at. */
  readonly start: number;
}

export interface WorldIndexer {
  readonly kind: IndexerKind;
  readonly indexer: Indexer;
  /** PostgreSQL only: its first process was killed mid-backfill; `indexer` is the second. */
  readonly crash?: CrashRecovery;
}

const indexers = new Map<IndexerKind, Promise<WorldIndexer>>();
let postgres: PostgresCluster | undefined;

/** The PGlite indexer's data folder (`npm start -- --network localhost` with ATLAS_DATA_DIR = world.dataDir). */
export const pgliteDir = (w: World) => path.join(w.dataDir, "indexer-localhost");
/** PGlite: the main job's schema, so that the main job's --network mode continues the same database. */
const SCHEMA = { pglite: "atlas", postgres: "atlas_world" } as const;

/** The world's indexer on `kind`, synced to the world's head; started once per run. */
export function worldIndexer(kind: IndexerKind, suite: string): Promise<WorldIndexer> {
  let found = indexers.get(kind);
  if (found === undefined) {
    found = kind === "pglite" ? startPglite(suite) : startPostgresIndexer(suite);
    indexers.set(kind, found);
    // A failed start is reported to every suite that asks; nothing is left unhandled meanwhile.
    found.catch(() => {});
  }
  return found;
}

/** Stops the PGlite indexer's process (its database stays): a later request restarts it. */
export async function releasePgliteIndexer(): Promise<void> {
  const found = indexers.get("pglite");
  indexers.delete("pglite");
  if (found) await (await found.catch(() => undefined))?.indexer.stop();
}

async function startPglite(suite: string): Promise<WorldIndexer> {
  const w = await useWorld(suite);
  const dir = pgliteDir(w);
  recordStart({
    kind: "indexer",
    id: path.join(dir, "pglite"),
    start: existsSync(path.join(dir, "pglite")) ? "restart" : "new",
    suite,
    reason: "the world's indexer on PGlite",
  });
  const indexer = await startIndexer({
    rpcUrl: w.url,
    deploymentsDir: w.deploymentsDir,
    dataDir: dir,
    schema: SCHEMA.pglite,
  });
  await waitUntilSynced(indexer, w.url);
  return { kind: "pglite", indexer };
}

/**
 * PostgreSQL: a cluster of its own; the indexer is killed (SIGKILL, no shutdown) once part of its
 * backfill is indexed, and started again on the same database, which it must recover.
 */
async function startPostgresIndexer(suite: string): Promise<WorldIndexer> {
  const w = await useWorld(suite);
  postgres = await startPostgres();
  const options = {
    rpcUrl: w.url,
    deploymentsDir: w.deploymentsDir,
    dataDir: path.join(w.dataDir, "indexer-postgres"),
    schema: SCHEMA.postgres,
    databaseUrl: postgres.url,
  };
  const id = `PostgreSQL ${postgres.url} schema ${SCHEMA.postgres}`;
  recordStart({ kind: "indexer", id, start: "new", suite, reason: "the world's indexer on PostgreSQL" });
  const first = await startIndexer(options);
  const head = Number(await w.publicClient.getBlockNumber({ cacheTime: 0 }));
  const start = w.book.contracts.token.blockNumber;
  const reached = await eventually(
    async () => {
      const { body } = await getJson<IndexerStatus>(`${first.url}/status`);
      const block = body.chain?.block.number ?? 0;
      if (block <= start) throw new Error(`not started yet (block ${block})`);
      return block;
    },
    120_000,
    20,
  );
  const readyBeforeKill = (await fetch(`${first.url}/ready`)).status;
  await first.kill();
  recordStart({
    kind: "indexer",
    id,
    start: "restart",
    suite,
    reason: "crash recovery: the same database after a SIGKILL mid-backfill",
  });
  const second = await startIndexer(options);
  await waitUntilSynced(second, w.url, 300_000);
  return { kind: "postgres", indexer: second, crash: { reached, head, readyBeforeKill, start } };
}

/* AFTER THE LAST SUITE: everything stopped */

after(async function () {
  this.timeout(120_000);
  for (const found of indexers.values()) await (await found.catch(() => undefined))?.indexer.stop();
  indexers.clear();
  await postgres?.stop();
  postgres = undefined;
  if (node) await stop(node.node.child);
  node = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});
