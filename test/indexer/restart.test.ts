/**
 * Crash recovery: the world's indexer on PostgreSQL is killed (SIGKILL, no shutdown) in the middle
 * of its backfill and started again on the same database (test/e2e/world.ts does it once, when a
 * suite first asks for that indexer); it ends with exactly the chain's events.
 */
import { expect } from "chai";

import { atlasTokenAbi } from "../../sdk/src/abi/index.ts";
import { useWorld, worldIndexer, type World, type WorldIndexer } from "../e2e/world.ts";
import { expectIndexerAgreesWithChain } from "./agreement.ts";
import { sqlQuery } from "./harness.ts";

describe("indexer killed mid-backfill and restarted", function () {
  this.timeout(900_000);

  let world: World;
  let postgres: WorldIndexer;

  before(async function () {
    const suite = this.test?.parent?.fullTitle() ?? "restart";
    world = await useWorld(suite);
    postgres = await worldIndexer("postgres", suite);
  });

  it("resumes from its checkpoint: same final state, no duplicates, nothing missing", async function () {
    const { crash, indexer } = postgres;
    expect(crash, "the first process was killed").to.not.equal(undefined);
    const { reached, head, readyBeforeKill, start } = crash!;
    expect(reached, "killed past the start").to.be.greaterThan(start);
    expect(reached, "killed before the head").to.be.lessThan(head);
    expect(readyBeforeKill, "killed during the backfill (/ready was 503)").to.equal(503);
    expect(indexer.output(), "the second run recovered the first one's work").to.match(/Detected crash recovery/);

    for (const table of ["transfer", "voting_power", "delegation"]) {
      const [counts] = await sqlQuery<Record<string, unknown>>(
        indexer.url,
        `SELECT count(*) AS rows, count(DISTINCT (transaction_hash, log_index)) AS distinct_logs FROM ${table}`,
      );
      expect(String(counts.rows), `${table}: no duplicates`).to.equal(String(counts.distinct_logs));
    }
    // Every transfer the token logged, the busy blocks' included.
    const logged = await world.publicClient.getContractEvents({
      address: world.book.contracts.token.address,
      abi: atlasTokenAbi,
      eventName: "Transfer",
      fromBlock: BigInt(world.book.contracts.token.blockNumber),
      toBlock: BigInt(head),
      strict: true,
    });
    expect(logged.length, "transfers on chain").to.be.greaterThan(world.ids.busy.transfers);
    const [transfers] = await sqlQuery<Record<string, unknown>>(
      indexer.url,
      `SELECT count(*) AS n FROM transfer WHERE block_number <= ${head}`,
    );
    expect(Number(transfers.n), "transfers indexed").to.equal(logged.length);
    await expectIndexerAgreesWithChain(indexer.url, world);
  });
});
