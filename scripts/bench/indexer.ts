/**
 * The indexer benchmark (`npm run bench:indexer`): how fast Ponder indexes a busy governance
 * chain, against what a plain client reads from the same node.
 *
 *   npm run bench:indexer [-- --transfers 90000 --proposals 500 --per-block 300 --databases pglite,postgres]
 *
 * (ATLAS_BENCH_TRANSFERS and ATLAS_BENCH_PROPOSALS set the first two as well: a smaller run on a
 * busy machine.)
 *
 * One Hardhat node with the stack deployed by the project's deploy command; a load of governance
 * transactions in blocks of many (governanceLoad.ts: by default 90,000 token transfers and 10,000
 * votes on 500 proposals, 300 transactions a block); then, measured in this one run on this node:
 *
 *   - raw: viem `getLogs` over the load's blocks (the token's and the governor's logs, in ranges of
 *     the block range the indexer uses on a local chain), decoded with the ABIs: best of three passes;
 *   - cold sync: `ponder start` on an empty database, from the node (fetch, store, decode, index);
 *   - warm re-index: `ponder start` with a new schema on the same database, which re-indexes from
 *     Ponder's own RPC cache (`ponder_sync`) without fetching the blocks again;
 *
 * on PGlite and on PostgreSQL (a throw-away cluster, default durability). Rates are events per
 * second; a Ponder rate is the events it indexed over its own backfill duration ("Completed
 * backfill indexing", from the start of the backfill to its last event); the wall-clock time from
 * `ponder start` to /ready (startup, index creation) is printed beside it. Goals (issue 12): cold
 * sync on PostgreSQL at least 50% of the raw rate, warm at least 100%. It prints and never fails on
 * a figure. The load average is printed before and after: quiet machines only.
 */
import { rm } from "node:fs/promises";
import { parseArgs } from "node:util";

import { createPublicClient, http, parseEventLogs, type Address } from "viem";
import { hardhat } from "viem/chains";

import { atlasGovernorAbi, atlasTokenAbi } from "../../sdk/src/abi/index.ts";
import { stopAll } from "../lib/processes.ts";
import { generateGovernanceLoad, type LoadSummary } from "./governanceLoad.ts";
import {
  deployedNode,
  startPonder,
  startPostgres,
  tempDir,
  waitUntilIndexed,
  type BenchChain,
  type PonderProcess,
  type PostgresCluster,
} from "./processes.ts";
import { duration, figure, log, machineLoad, table } from "./report.ts";
import { LOCAL_RPC } from "../../indexer/rpcSettings.ts";

const { values: flags } = parseArgs({
  options: {
    transfers: { type: "string", default: process.env.ATLAS_BENCH_TRANSFERS ?? "90000" },
    proposals: { type: "string", default: process.env.ATLAS_BENCH_PROPOSALS ?? "500" },
    "per-block": { type: "string", default: "300" },
    databases: { type: "string", default: "pglite,postgres" },
  },
});
const plan = {
  transfers: Number(flags.transfers),
  proposals: Number(flags.proposals),
  perBlock: Number(flags["per-block"]),
};
const databases = flags.databases.split(",").map((d) => d.trim()) as ("pglite" | "postgres")[];

interface PonderRate {
  readonly label: string;
  readonly database: "pglite" | "postgres";
  readonly events: number;
  readonly backfillMs: number;
  readonly wallMs: number;
}

let chain: BenchChain | undefined;
let cluster: PostgresCluster | undefined;
const folders: string[] = [];

async function cleanup(): Promise<void> {
  await stopAll();
  await cluster?.stop().catch(() => undefined);
  await chain?.dispose().catch(() => undefined);
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
}
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));

try {
  await main();
} finally {
  await cleanup();
}

async function main(): Promise<void> {
  log("Indexer benchmark: Ponder 0.16.10 against raw eth_getLogs + decode (viem), one Hardhat node");
  log(`Before: ${machineLoad()}\n`);

  chain = await deployedNode("bench-indexer");
  log(`Node ${chain.url}, stack deployed (npm run deploy -- --network localhost)`);
  log(
    `Load: ${figure(plan.transfers)} transfers and ${figure(plan.proposals * 20)} votes on ` +
      `${figure(plan.proposals)} proposals, ${plan.perBlock} transactions a block...`,
  );
  const load = await generateGovernanceLoad(chain.url, chain.book, plan, log);
  log(
    `  mined ${figure(load.transfers + load.votes + load.proposals + load.setup)} transactions in ` +
      `${figure(load.blocks)} blocks (${load.firstBlock}–${load.lastBlock}) in ${load.seconds.toFixed(0)} s; head ${load.head}\n`,
  );

  const raw = await rawRate(chain, load);
  log(
    `Raw: ${figure(raw.events)} events (${Object.entries(raw.byName)
      .map(([name, n]) => `${figure(n)} ${name}`)
      .join(", ")}) in ${duration(raw.bestMs)}: ${figure(raw.rate)} events/s (best of 3: ${raw.passes
      .map((ms) => duration(ms))
      .join(", ")})\n`,
  );

  const results: PonderRate[] = [];
  for (const database of databases) {
    const dataDir = await tempDir(`atlas-bench-${database}-`);
    folders.push(dataDir);
    let databaseUrl: string | undefined;
    if (database === "postgres") {
      cluster = await startPostgres();
      databaseUrl = cluster.url;
    }
    for (const label of ["cold sync", "warm re-index"] as const) {
      const schema = label === "cold sync" ? "bench_cold" : "bench_warm";
      log(`${database}, ${label} (schema ${schema})...`);
      const ponder = await startPonder({
        rpcUrl: chain.url,
        deploymentsDir: chain.deploymentsDir,
        dataDir,
        schema,
        databaseUrl,
      });
      try {
        await waitUntilIndexed(ponder, load.head);
        const rate = ponderRate(ponder, label, database);
        results.push(rate);
        log(
          `  ${figure(rate.events)} events, backfill ${duration(rate.backfillMs)}: ` +
            `${figure(rate.events / (rate.backfillMs / 1_000))} events/s (ready ${duration(rate.wallMs)} after start)`,
        );
      } finally {
        await ponder.stop();
      }
    }
    if (cluster) {
      await cluster.stop();
      cluster = undefined;
    }
  }

  log("\nResults (events per second; raw = viem getLogs + decode on the same node)\n");
  log(
    table(
      ["run", "events", "time", "events/s", "of raw", "start → /ready"],
      [
        ["raw getLogs + decode", figure(raw.events), duration(raw.bestMs), figure(raw.rate), "100%", "-"],
        ...results.map((r) => {
          const rate = r.events / (r.backfillMs / 1_000);
          return [
            `${r.database} ${r.label}`,
            figure(r.events),
            duration(r.backfillMs),
            figure(rate),
            `${Math.round((rate / raw.rate) * 100)}%`,
            duration(r.wallMs),
          ];
        }),
      ],
    ),
  );
  const rateOf = (database: string, label: string) => {
    const r = results.find((x) => x.database === database && x.label === label);
    return r === undefined ? undefined : r.events / (r.backfillMs / 1_000);
  };
  log("\nGoals (issue 12)");
  for (const [label, goal] of [
    ["cold sync", 0.5],
    ["warm re-index", 1],
  ] as const) {
    const rate = rateOf("postgres", label);
    log(
      rate === undefined
        ? `  PostgreSQL ${label} ≥ ${goal * 100}% of raw: not measured`
        : `  PostgreSQL ${label} ≥ ${goal * 100}% of raw: ${Math.round((rate / raw.rate) * 100)}% ${rate >= goal * raw.rate ? "HOLDS" : "MISSED"}`,
    );
  }
  log(
    `\nIndexer RPC settings for a local chain (indexer/rpcSettings.ts): the node's URL as ${process.env.ATLAS_RPC_LOCAL_ENDPOINTS || LOCAL_RPC.endpoints} ` +
      `endpoints of Ponder's request limiter, eth_getLogs block range ${process.env.ATLAS_RPC_GETLOGS_RANGE || LOCAL_RPC.ethGetLogsBlockRange}, polling every ${LOCAL_RPC.pollingInterval} ms`,
  );
  log(`After: ${machineLoad()}`);
  log(`Run: ${duration(performance.now())} in all`);
}

/** viem getLogs + decode of the token's and the governor's logs over the load's blocks: best of three passes. */
async function rawRate(chain: BenchChain, load: LoadSummary) {
  // A range of a busy chain answers ~150 MB; viem reads at most 10 MB in at most 10 s by default,
  // Ponder's client any size (and a loaded machine may take longer than 10 s to send it).
  const client = createPublicClient({
    chain: hardhat,
    transport: http(chain.url, { retryCount: 0, maxResponseBodySize: false, timeout: 300_000 }),
  });
  const addresses: Address[] = [chain.book.contracts.token.address, chain.book.contracts.governor.address];
  const abi = [...atlasTokenAbi, ...atlasGovernorAbi];
  const from = BigInt(Math.min(chain.book.contracts.token.blockNumber, chain.book.contracts.governor.blockNumber));
  const range = BigInt(LOCAL_RPC.ethGetLogsBlockRange);
  const passes: number[] = [];
  let events = 0;
  let byName: Record<string, number> = {};
  for (let pass = 0; pass < 3; pass++) {
    const began = performance.now();
    let count = 0;
    const names: Record<string, number> = {};
    for (let start = from; start <= load.head; start += range) {
      const end = start + range - 1n < load.head ? start + range - 1n : load.head;
      const logs = await client.getLogs({ address: addresses, fromBlock: start, toBlock: end });
      const decoded = parseEventLogs({ abi, logs, strict: true });
      count += decoded.length;
      for (const event of decoded) names[event.eventName] = (names[event.eventName] ?? 0) + 1;
    }
    passes.push(performance.now() - began);
    events = count;
    byName = names;
  }
  const bestMs = Math.min(...passes);
  return { events, byName, passes, bestMs, rate: events / (bestMs / 1_000) };
}

/** Ponder's own figures from its JSON log: events indexed and the backfill's duration. */
function ponderRate(ponder: PonderProcess, label: string, database: "pglite" | "postgres"): PonderRate {
  const logs = ponder.logs();
  const completed = logs.find((l) => l.msg === "Completed backfill indexing across all chains");
  // Ponder logs this line for /health (server up) and later for /ready (backfill indexed, indexes built).
  const ready = logs.find((l) => l.msg === "Started returning 200 responses" && l.endpoint === "/ready");
  if (completed === undefined || ready === undefined) {
    throw new Error(`Ponder's log lacks the backfill's end:\n${ponder.output().slice(-4_000)}`);
  }
  const events = logs
    .filter((l) => l.msg === "Indexed block range")
    .reduce((sum, l) => sum + Number(l.event_count ?? 0), 0);
  return { label, database, events, backfillMs: Number(completed.duration), wallMs: ready.time - ponder.startedAt };
}
