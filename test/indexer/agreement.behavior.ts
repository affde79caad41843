/**
 * Shared by the PGlite and PostgreSQL suites: the world's indexer on that database (test/e2e/
 * world.ts: the recorded world, the whole scenario), synced, must answer what the chain answers,
 * follow what happens after its backfill, and refuse malformed requests (the graph's checks are
 * in graph.behavior.ts). Each suite writes to the world only through objects of its own (a
 * proposal to vote on, a credential to revoke), so neither depends on the other having run.
 */
import { expect } from "chai";

import { useWorld, worldIndexer, type IndexerKind, type World } from "../e2e/world.ts";
import { expectIndexerAgreesWithChain, type ApiProposal } from "./agreement.ts";
import { shouldIndexTheGraph } from "./graph.behavior.ts";
import { getJson, waitUntilSynced, type Indexer } from "./harness.ts";

export function shouldAgreeWithTheChain(kind: IndexerKind): void {
  let world: World;
  let indexer: Indexer;

  before(async function () {
    const suite = this.test?.parent?.fullTitle() ?? kind;
    world = await useWorld(suite);
    ({ indexer } = await worldIndexer(kind, suite));
    await waitUntilSynced(indexer, world.url);
    expect(indexer.output(), "the database Ponder connected to").to.match(
      new RegExp(`Connected to database type=${kind}`),
    );
  });

  it("lists every proposal, vote, delegation, transfer and account the chain has, as the SDK reads them", async function () {
    await expectIndexerAgreesWithChain(indexer.url, world);
  });

  it("reports each proposal's state as the governor's state() does", async function () {
    const { body } = await getJson<{ proposals: ApiProposal[] }>(`${indexer.url}/proposals`);
    const states = Object.fromEntries(body.proposals.map((p) => [p.id, p.state]));
    const { ids } = world;
    expect(states).to.deep.equal({
      // The main job's: executed, and the page's, never voted on before its deadline.
      [String(ids.executedProposal)]: "Executed",
      [String(ids.openProposal)]: "Defeated",
      // The edge cases'.
      [String(ids.paidAudit)]: "Executed",
      [String(ids.withdrawn)]: "Canceled",
      [String(ids.lastMinute)]: "Succeeded",
      [String(ids.liveVote.pglite)]: "Active",
      [String(ids.liveVote.postgres)]: "Active",
      [String(ids.pending)]: "Pending",
    });
  });

  it("follows the chain after the backfill: a new vote shows up", async function () {
    const { alice } = world.accounts;
    const proposalId = world.ids.liveVote[kind];
    expect(await world.reader.governance.getProposalState({ proposalId })).to.equal("Active");
    await world.as(alice).governance.castVote({ proposalId, support: "for", reason: "live" });
    await waitUntilSynced(indexer, world.url);
    await expectIndexerAgreesWithChain(indexer.url, world);
    const { body } = await getJson<{ proposal: ApiProposal; votes: { reason: string }[] }>(
      `${indexer.url}/proposals/${proposalId}`,
    );
    expect(body.proposal.state).to.equal("Active");
    expect(body.votes.map((v) => v.reason)).to.deep.equal(["live"]);
  });

  it("answers 400 to a non-numeric proposal id or a malformed address, 404 to an unknown proposal", async function () {
    const cases: [string, number, RegExp][] = [
      ["/proposals/abc", 400, /decimal integer/],
      ["/proposals/-1", 400, /decimal integer/],
      ["/proposals/0x10", 400, /decimal integer/],
      ["/proposals/12345", 404, /No proposal 12345/],
      ["/accounts/0x1234", 400, /not an address/],
      ["/accounts/alice", 400, /not an address/],
    ];
    for (const [route, status, message] of cases) {
      const answer = await getJson<{ error: string; retryable: boolean }>(`${indexer.url}${route}`);
      expect(answer.status, route).to.equal(status);
      expect(answer.body.error, route).to.match(message);
      expect(answer.body.retryable, route).to.equal(false);
    }
    const nobody = "0x000000000000000000000000000000000000dEaD";
    expect((await getJson(`${indexer.url}/accounts/${nobody}`)).body, "an address the token never saw").to.deep.equal({
      address: nobody,
      votingPower: "0",
      delegate: null,
      balance: "0",
      votes: [],
      memberships: [],
      reputation: [],
      contributions: [],
    });
  });

  shouldIndexTheGraph(() => ({ chain: world, indexer, kind }));
}
