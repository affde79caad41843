/**
 * Crash recovery: the indexer is killed (SIGKILL, no shutdown) in the middle of its backfill of a
 * busy chain and started again on the same database; it ends with exactly the chain's events.
 */
import { rm } from "node:fs/promises";

import { expect } from "chai";

import { fillWithTransfers } from "./busyChain.ts";
import { deployChain, type DeployedChain } from "./chain.ts";
import {
  eventually,
  getJson,
  sqlQuery,
  startIndexer,
  stopIndexers,
  tempDir,
  waitUntilSynced,
  type IndexerStatus,
} from "./harness.ts";
import { expectIndexerAgreesWithChain } from "./scenario.ts";

describe("indexer killed mid-backfill and restarted", function () {
  this.timeout(900_000);

  let chain: DeployedChain;
  let dataDir: string;

  before(async function () {
    dataDir = await tempDir("atlas-indexer-");
    chain = await deployChain();
  });

  after(async function () {
    await stopIndexers();
    await chain?.dispose();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("resumes from its checkpoint: same final state, no duplicates, nothing missing", async function () {
    const head = await fillWithTransfers(chain, 120, 40);
    const options = { rpcUrl: chain.url, deploymentsDir: chain.deploymentsDir, dataDir, schema: "atlas_restart" };

    const first = await startIndexer(options);
    // Kill it once part of the backfill is indexed: a checkpoint past the start, well short of the head.
    const start = chain.book.contracts.token.blockNumber;
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
    expect(reached, "killed before the head").to.be.lessThan(Number(head));
    expect(readyBeforeKill, "killed during the backfill (/ready was 503)").to.equal(503);

    const second = await startIndexer(options);
    await waitUntilSynced(second, chain.url, 300_000);
    expect(second.output(), "the second run recovered the first one's work").to.match(/Detected crash recovery/);

    for (const table of ["transfer", "voting_power", "delegation"]) {
      const [counts] = await sqlQuery<Record<string, unknown>>(
        second.url,
        `SELECT count(*) AS rows, count(DISTINCT (transaction_hash, log_index)) AS distinct_logs FROM ${table}`,
      );
      expect(String(counts.rows), `${table}: no duplicates`).to.equal(String(counts.distinct_logs));
    }
    const [transfers] = await sqlQuery<Record<string, unknown>>(second.url, "SELECT count(*) AS n FROM transfer");
    expect(Number(transfers.n), "transfers indexed").to.be.greaterThan(120 * 40);
    await expectIndexerAgreesWithChain(second.url, chain);
  });
});
