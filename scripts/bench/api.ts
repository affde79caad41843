/**
 * The API benchmark (`npm run bench:api`): every REST route of the indexer under 50 concurrent
 * connections (autocannon), on PGlite and on PostgreSQL, in one run.
 *
 *   npm run bench:api [-- --duration 5 --connections 50 --databases pglite,postgres]
 *
 * The world is the main job's: `npm start -- --fresh` on free ports and temporary folders (its
 * chain, deployment, scenario, and its indexer on PGlite). For PostgreSQL a second `ponder start`
 * indexes the same node into a throw-away cluster. The routes come from indexer/src/api (every
 * `.get("…")`; the run fails if one has no sample URL below), each with ids the world has (read
 * from the indexer's GraphQL). For each route and database, autocannon runs `--duration` seconds
 * after a 1-second warm-up:
 *
 *   - default: as clients call it (answers cached per indexed head: the steady state between blocks);
 *   - uncached: with `Cache-Control: no-cache`, which the API answers afresh (its database queries,
 *     and its chain reads, which stay once per head): the cost of the first request after a block.
 *
 * It prints requests/s, p50 and p99 latency and errors (connection errors, timeouts, non-2xx) per
 * route, and whether each goal holds (issue 12: every route ≥ 1,000 requests/s with p99 ≤ 100 ms and
 * no error on PostgreSQL, ≥ 300 requests/s on PGlite). It never fails on a figure. The load average
 * is printed before and after: quiet machines only.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { createPublicClient, createWalletClient, http, type Address } from "viem";
import { hardhat } from "viem/chains";

import { addressesOf, createAtlasClient, graph, hashMetadata } from "../../sdk/src/index.ts";
import { readAddressBook } from "../../sdk/src/node/index.ts";
import { freePort, stopAll } from "../lib/processes.ts";
import {
  ROOT,
  rpc,
  sleep,
  startPonder,
  startPostgres,
  tempDir,
  waitUntilIndexed,
  type PostgresCluster,
} from "./processes.ts";
import { duration, figure, log, machineLoad, table } from "./report.ts";

const { values: flags } = parseArgs({
  options: {
    duration: { type: "string", default: "5" },
    connections: { type: "string", default: "50" },
    databases: { type: "string", default: "pglite,postgres" },
    /** Skip the uncached column (half the run). */
    "no-uncached": { type: "boolean", default: false },
  },
});
const DURATION = Number(flags.duration);
const CONNECTIONS = Number(flags.connections);
const databases = flags.databases.split(",").map((d) => d.trim()) as ("pglite" | "postgres")[];
const measureUncached = !flags["no-uncached"];
const AUTOCANNON = path.join(ROOT, "node_modules", "autocannon", "autocannon.js");

/* THE ROUTES */

/** Route patterns of indexer/src/api (`<app>.get("…"`), in file order. */
function apiRoutes(): string[] {
  const dir = path.join(ROOT, "indexer", "src", "api");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".ts"))
    .sort()
    .flatMap((file) =>
      [...readFileSync(path.join(dir, file), "utf8").matchAll(/^\w+\.get\(\s*"([^"]+)"/gm)].map((match) => match[1]),
    );
}

/** What the world has, for the sample URLs. */
interface World {
  readonly proposalId: string;
  readonly account: string;
  readonly earner: string;
  readonly handle: string;
  readonly credentialUid: string;
  readonly organizationId: string;
  readonly missionId: string;
  readonly fundedMissionId: string;
  readonly executionRecordUid: string;
  readonly bountyId: string;
  readonly escrowId: string;
  readonly disputeId: string;
  readonly split: string;
}

/** One sample URL per route pattern; Ponder's own /health as the baseline. */
function sampleUrls(world: World): Record<string, string> {
  return {
    "/proposals": "/proposals",
    "/proposals/:id": `/proposals/${world.proposalId}`,
    "/accounts/:address": `/accounts/${world.account}`,
    "/sovereigns": "/sovereigns",
    "/sovereigns/:idOrHandle": `/sovereigns/${world.handle}`,
    "/sovereigns/:idOrHandle/members": `/sovereigns/${world.handle}/members`,
    "/sovereigns/:idOrHandle/credentials/:uid": `/sovereigns/${world.handle}/credentials/${world.credentialUid}`,
    "/organizations/:id": `/organizations/${world.organizationId}`,
    "/missions": "/missions",
    "/missions/:id": `/missions/${world.missionId}`,
    "/credentials/:uid": `/credentials/${world.credentialUid}`,
    "/accounts/:address/credentials": `/accounts/${world.account}/credentials`,
    "/execution-records/:uid": `/execution-records/${world.executionRecordUid}`,
    "/contributions": "/contributions",
    "/accounts/:address/reputation": `/accounts/${world.account}/reputation`,
    "/missions/:id/funding": `/missions/${world.fundedMissionId}/funding`,
    "/bounties/:id": `/bounties/${world.bountyId}`,
    "/escrows/:id": `/escrows/${world.escrowId}`,
    "/disputes/:id": `/disputes/${world.disputeId}`,
    "/arbitration": "/arbitration",
    "/modules": "/modules",
    "/splits/:address": `/splits/${world.split}`,
    "/accounts/:address/earnings": `/accounts/${world.earner}/earnings`,
  };
}

async function graphql<T>(indexerUrl: string, query: string): Promise<T> {
  const response = await fetch(`${indexerUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.data === undefined || body.errors !== undefined) throw new Error(`GraphQL: ${JSON.stringify(body)}`);
  return body.data;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Ids of the world's richest rows (most votes, most members…), read from the indexer. */
async function readWorld(indexerUrl: string): Promise<World> {
  type Items<T> = { items: T[] };
  const lacking: string[] = [];
  const first = <T>(items: Items<T>, what: string): T => {
    const item = items.items[0];
    if (item === undefined) lacking.push(what);
    return item;
  };
  const data = await graphql<{
    proposals: Items<{ id: string }>;
    votes: Items<{ voter: string }>;
    earnings: Items<{ account: string }>;
    credentials: Items<{ uid: string }>;
    organizations: Items<{ id: string }>;
    contributions: Items<{ missionId: string }>;
    executionRecords: Items<{ uid: string }>;
    bountys: Items<{ id: string; missionId: string }>;
    escrows: Items<{ id: string }>;
    disputes: Items<{ id: string }>;
    splits: Items<{ address: string }>;
  }>(
    indexerUrl,
    `
      {
        proposals(limit: 1, orderBy: "voteCount", orderDirection: "desc") {
          items {
            id
          }
        }
        votes(limit: 1) {
          items {
            voter
          }
        }
        earnings(limit: 1, orderBy: "amount", orderDirection: "desc") {
          items {
            account
          }
        }
        credentials(limit: 1) {
          items {
            uid
          }
        }
        organizations(limit: 1) {
          items {
            id
          }
        }
        contributions(limit: 1, where: { missionId_gt: "0" }) {
          items {
            missionId
          }
        }
        executionRecords(limit: 1) {
          items {
            uid
          }
        }
        bountys(limit: 1, orderBy: "submissionCount", orderDirection: "desc") {
          items {
            id
            missionId
          }
        }
        escrows(limit: 1, orderBy: "milestoneCount", orderDirection: "desc") {
          items {
            id
          }
        }
        disputes(limit: 1, orderBy: "round", orderDirection: "desc") {
          items {
            id
          }
        }
        splits(limit: 1, orderBy: "distributionCount", orderDirection: "desc") {
          items {
            address
          }
        }
      }
    `,
  );
  const sovereigns = await getJson<{ sovereigns: { id: string; handle: string }[] }>(`${indexerUrl}/sovereigns`);
  const members = await Promise.all(
    sovereigns.sovereigns.map(async (s) => ({
      handle: s.handle,
      count: (await getJson<{ members: unknown[] }>(`${indexerUrl}/sovereigns/${s.handle}/members`)).members.length,
    })),
  );
  const bounty = first(data.bountys, "bounty") ?? { id: "", missionId: "" };
  const world: World = {
    proposalId: first(data.proposals, "proposal").id,
    account: first(data.votes, "vote").voter,
    earner: first(data.earnings, "earning").account,
    handle: members.sort((a, b) => b.count - a.count)[0]?.handle ?? "north",
    credentialUid: first(data.credentials, "credential").uid,
    organizationId: first(data.organizations, "organization").id,
    missionId: first(data.contributions, "contribution to a mission").missionId,
    fundedMissionId: bounty.missionId,
    executionRecordUid: first(data.executionRecords, "execution record").uid,
    bountyId: bounty.id,
    escrowId: first(data.escrows, "escrow").id,
    disputeId: first(data.disputes, "dispute").id,
    split: first(data.splits, "split")?.address,
  };
  if (lacking.length > 0) throw new Error(`the main job's world has no ${lacking.join(", ")}`);
  return world;
}

/**
 * The main job's world has no organization (its scenario does not need one): one in the most
 * populous sovereign, created through the SDK by that sovereign's admin (a dev account the node
 * signs for) with a member as its admin; resolves once indexed.
 */
async function addOrganization(job: MainJob): Promise<void> {
  const existing = await graphql<{ organizations: { items: unknown[] } }>(
    job.indexerUrl,
    "{ organizations(limit: 1) { items { id } } }",
  );
  if (existing.organizations.items.length > 0) return;
  const { sovereigns } = await getJson<{ sovereigns: { id: string; handle: string }[] }>(
    `${job.indexerUrl}/sovereigns`,
  );
  const populous = await Promise.all(
    sovereigns.map((s) =>
      getJson<{ sovereign: { id: string }; admins: { account: Address }[]; members: { account: Address }[] }>(
        `${job.indexerUrl}/sovereigns/${s.handle}`,
      ),
    ),
  );
  const sovereign = populous.sort((a, b) => b.members.length - a.members.length)[0];
  const [admin] = sovereign?.admins ?? [];
  const [member] = sovereign?.members ?? [];
  if (sovereign === undefined || admin === undefined || member === undefined) {
    throw new Error("the main job's world has no sovereign with an admin and a member");
  }
  const publicClient = createPublicClient({ chain: hardhat, transport: http(job.rpcUrl) });
  const book = await readAddressBook(31337, job.deploymentsDir);
  const client = createAtlasClient({
    publicClient,
    walletClient: createWalletClient({ chain: hardhat, transport: http(job.rpcUrl), account: admin.account }),
    addresses: addressesOf(book),
    layers: { graph },
  });
  const document = { name: "Bench guild", description: "An organization for the API benchmark." };
  await client.graph.createOrganization({
    sovereignId: BigInt(sovereign.sovereign.id),
    admin: member.account,
    metadataURI: `data:application/json,${encodeURIComponent(JSON.stringify(document))}`,
    metadataHash: hashMetadata(document),
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const indexed = await graphql<{ organizations: { items: unknown[] } }>(
      job.indexerUrl,
      "{ organizations(limit: 1) { items { id } } }",
    );
    if (indexed.organizations.items.length > 0) return;
    if (Date.now() > deadline) throw new Error("the indexer did not index the bench organization within 60 s");
    await sleep(250);
  }
}

/* MEASUREMENT */

interface Figures {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly requests: number;
}

/** autocannon (its own process) against `url`: a 1-second warm-up, then `DURATION` seconds measured. */
async function cannon(url: string, headers: readonly string[] = []): Promise<Figures> {
  const args = [
    AUTOCANNON,
    "-c",
    String(CONNECTIONS),
    "-d",
    String(DURATION),
    "--warmup",
    "[",
    "-c",
    String(CONNECTIONS),
    "-d",
    "1",
    "]",
    "-j",
    ...headers.flatMap((h) => ["-H", h]),
    url,
  ];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const line = stdout.trim().split("\n").at(-1);
  if (code !== 0 || line === undefined || !line.startsWith("{")) {
    throw new Error(`autocannon ${url} exited ${code}:\n${stderr.slice(-2_000)}`);
  }
  const result = JSON.parse(line) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    errors: number;
    timeouts: number;
    non2xx: number;
  };
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  };
}

interface RouteFigures {
  readonly route: string;
  readonly url: string;
  readonly cached: Figures;
  readonly uncached: Figures | undefined;
}

async function measureRoutes(indexerUrl: string, urls: Record<string, string>): Promise<RouteFigures[]> {
  const results: RouteFigures[] = [];
  for (const [route, url] of [["/health (Ponder's, baseline)", "/health"], ...Object.entries(urls)] as const) {
    const check = await fetch(`${indexerUrl}${url}`);
    if (check.status !== 200) throw new Error(`GET ${url}: ${check.status} ${await check.text()}`);
    await check.arrayBuffer();
    const cached = await cannon(`${indexerUrl}${url}`);
    const uncached =
      measureUncached && url !== "/health"
        ? await cannon(`${indexerUrl}${url}`, ["cache-control=no-cache"])
        : undefined;
    results.push({ route, url, cached, uncached });
    log(
      `  ${route.padEnd(42)} ${figure(cached.requestsPerSecond).padStart(7)} req/s  p50 ${cached.p50} ms  p99 ${cached.p99} ms  errors ${cached.errors}` +
        (uncached === undefined
          ? ""
          : ` | uncached ${figure(uncached.requestsPerSecond)} req/s  p50 ${uncached.p50} ms  p99 ${uncached.p99} ms  errors ${uncached.errors}`),
    );
  }
  return results;
}

/* THE WORLD */

interface MainJob {
  readonly child: ChildProcess;
  readonly rpcUrl: string;
  readonly indexerUrl: string;
  readonly deploymentsDir: string;
  readonly folders: string[];
  readonly deploymentId: string;
  output(): string;
}

/** `npm start -- --fresh` on free ports and temporary folders, in its own process group. */
async function startMainJob(): Promise<MainJob> {
  const ports = { chain: await freePort(), indexer: await freePort(), app: await freePort() };
  const dataDir = await tempDir("atlas-bench-api-data-");
  const deploymentsDir = await tempDir("atlas-bench-api-books-");
  const deploymentId = `atlas-31337-bench-api-${process.pid}`;
  const child = spawn("npm", ["start", "--", "--fresh"], {
    cwd: ROOT,
    env: {
      ...process.env,
      ATLAS_CHAIN_PORT: String(ports.chain),
      ATLAS_INDEXER_PORT: String(ports.indexer),
      ATLAS_APP_PORT: String(ports.app),
      ATLAS_DATA_DIR: dataDir,
      ATLAS_DEPLOYMENTS_DIR: deploymentsDir,
      ATLAS_DEPLOYMENT_ID: deploymentId,
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const job: MainJob = {
    child,
    rpcUrl: `http://127.0.0.1:${ports.chain}`,
    indexerUrl: `http://127.0.0.1:${ports.indexer}`,
    deploymentsDir,
    folders: [dataDir, deploymentsDir],
    deploymentId,
    output: () => output,
  };
  mainJob = job;
  const deadline = Date.now() + 1_200_000;
  while (!output.includes("Atlas OS is running")) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output.slice(-6_000)}`);
    if (Date.now() > deadline) throw new Error(`npm start did not get running:\n${output.slice(-6_000)}`);
    await sleep(500);
  }
  return job;
}

/** Ctrl-C to the main job's process group; waits until the group is gone. */
async function stopMainJob(job: MainJob): Promise<void> {
  const alive = () => {
    try {
      process.kill(-job.child.pid!, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (alive()) process.kill(-job.child.pid!, "SIGINT");
  const deadline = Date.now() + 60_000;
  while (alive() && Date.now() < deadline) await sleep(250);
  if (alive()) process.kill(-job.child.pid!, "SIGKILL");
  for (const folder of job.folders) rmSync(folder, { recursive: true, force: true });
  rmSync(path.join(ROOT, "ignition", "deployments", job.deploymentId), { recursive: true, force: true });
}

/* RUN */

let mainJob: MainJob | undefined;
let cluster: PostgresCluster | undefined;
const folders: string[] = [];

async function cleanup(): Promise<void> {
  await stopAll();
  await cluster?.stop().catch(() => undefined);
  if (mainJob) await stopMainJob(mainJob);
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));

try {
  await main();
} finally {
  await cleanup();
}

async function main(): Promise<void> {
  log(`API benchmark: every REST route, ${CONNECTIONS} connections, ${DURATION} s each after a 1-second warm-up`);
  log(`Before: ${machineLoad()}\n`);
  const routes = apiRoutes();
  log("The main job's world (npm start -- --fresh on free ports)...");
  const began = Date.now();
  const job = await startMainJob();
  log(`  running after ${duration(Date.now() - began)}: chain ${job.rpcUrl}, indexer (PGlite) ${job.indexerUrl}`);
  await addOrganization(job);
  const world = await readWorld(job.indexerUrl);
  const urls = sampleUrls(world);
  const missing = routes.filter((route) => urls[route] === undefined);
  if (missing.length > 0) throw new Error(`routes without a sample URL in scripts/bench/api.ts: ${missing.join(", ")}`);
  const extra = Object.keys(urls).filter((route) => !routes.includes(route));
  if (extra.length > 0) throw new Error(`sample URLs for routes indexer/src/api no longer has: ${extra.join(", ")}`);
  log(`  ${routes.length} REST routes in indexer/src/api\n`);

  const results = new Map<string, RouteFigures[]>();
  for (const database of databases) {
    if (database === "pglite") {
      log(`PGlite (the main job's indexer), ${machineLoad()}`);
      results.set(database, await measureRoutes(job.indexerUrl, urls));
    } else {
      cluster = await startPostgres();
      const dataDir = await tempDir("atlas-bench-api-pg-");
      folders.push(dataDir);
      const ponder = await startPonder({
        rpcUrl: job.rpcUrl,
        deploymentsDir: job.deploymentsDir,
        dataDir,
        schema: "bench_api",
        databaseUrl: cluster.url,
      });
      const head = BigInt(await rpc<string>(job.rpcUrl, "eth_blockNumber"));
      await waitUntilIndexed(ponder, head);
      log(`\nPostgreSQL (a second indexer of the same node), ${machineLoad()}`);
      results.set(database, await measureRoutes(ponder.url, urls));
      await ponder.stop();
      await cluster.stop();
      cluster = undefined;
    }
  }

  for (const [database, figures] of results) {
    log(`\n${database === "pglite" ? "PGlite" : "PostgreSQL"}: ${CONNECTIONS} connections, ${DURATION} s per route\n`);
    log(
      table(
        [
          "route",
          "req/s",
          "p50 ms",
          "p99 ms",
          "errors",
          ...(measureUncached ? ["uncached req/s", "p50 ms", "p99 ms", "errors"] : []),
        ],
        figures.map(({ route, cached, uncached }) => [
          route,
          figure(cached.requestsPerSecond),
          String(cached.p50),
          String(cached.p99),
          String(cached.errors),
          ...(uncached === undefined
            ? measureUncached
              ? ["-", "-", "-", "-"]
              : []
            : [
                figure(uncached.requestsPerSecond),
                String(uncached.p50),
                String(uncached.p99),
                String(uncached.errors),
              ]),
        ]),
      ),
    );
  }

  log("\nGoals (issue 12), REST routes as clients call them");
  for (const [database, figures] of results) {
    const rest = figures.filter((f) => f.url !== "/health");
    const [minRate, maxP99] = database === "postgres" ? [1_000, 100] : [300, Infinity];
    const failing = rest.filter(
      (f) => f.cached.requestsPerSecond < minRate || f.cached.p99 > maxP99 || f.cached.errors > 0,
    );
    const goal =
      database === "postgres"
        ? "every route ≥ 1,000 req/s, p99 ≤ 100 ms, no error"
        : "every route ≥ 300 req/s (and no error)";
    log(
      `  ${database === "postgres" ? "PostgreSQL" : "PGlite"}: ${goal}: ${
        failing.length === 0 ? "HOLDS" : `MISSED by ${failing.map((f) => f.route).join(", ")}`
      } (slowest ${figure(Math.min(...rest.map((f) => f.cached.requestsPerSecond)))} req/s, worst p99 ${Math.max(...rest.map((f) => f.cached.p99))} ms)`,
    );
  }
  log(`After: ${machineLoad()}`);
  log(`Run: ${duration(performance.now())} in all`);
}
