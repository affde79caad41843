/**
 * Shared by the PGlite and PostgreSQL suites: the Sovereign Graph and governance scenarios on a
 * node, then `ponder start` from scratch, synced, must answer what the chain answers, and refuse
 * malformed requests (the graph's checks are in graph.behavior.ts).
 */
import { rm } from "node:fs/promises";

import { expect } from "chai";

import { deployChain, type DeployedChain } from "./chain.ts";
import { shouldIndexTheGraph } from "./graph.behavior.ts";
import { runGraphScenario, type GraphScenario } from "./graphScenario.ts";
import { getJson, startIndexer, stopIndexers, tempDir, waitUntilSynced, type Indexer } from "./harness.ts";
import {
  expectIndexerAgreesWithChain,
  runGovernanceScenario,
  type ApiProposal,
  type ScenarioResult,
} from "./scenario.ts";

export interface DatabaseUnderTest {
  readonly kind: "pglite" | "postgres";
  /** A database URL for PostgreSQL, undefined for PGlite. */
  start(): Promise<string | undefined>;
  stop(): Promise<void>;
}

export function shouldAgreeWithTheChain(database: DatabaseUnderTest): void {
  let chain: DeployedChain;
  let scenario: ScenarioResult;
  let graph: GraphScenario;
  let indexer: Indexer;
  let dataDir: string;

  before(async function () {
    dataDir = await tempDir("atlas-indexer-");
    chain = await deployChain();
    // The graph first: the governance scenario ends with a pending proposal the tests below vote on.
    graph = await runGraphScenario(chain);
    scenario = await runGovernanceScenario(chain);
    const databaseUrl = await database.start();
    indexer = await startIndexer({
      rpcUrl: chain.url,
      deploymentsDir: chain.deploymentsDir,
      dataDir,
      schema: "atlas_agreement",
      databaseUrl,
    });
    await waitUntilSynced(indexer, chain.url);
    expect(indexer.output(), "the database Ponder connected to").to.match(
      new RegExp(`Connected to database type=${database.kind}`),
    );
  });

  after(async function () {
    await stopIndexers();
    await database.stop();
    await chain?.dispose();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("lists every proposal, vote, delegation, transfer and account the chain has, as the SDK reads them", async function () {
    await expectIndexerAgreesWithChain(indexer.url, chain);
  });

  it("reports each proposal's state as the governor's state() does", async function () {
    const { body } = await getJson<{ proposals: ApiProposal[] }>(`${indexer.url}/proposals`);
    const states = Object.fromEntries(body.proposals.map((p) => [p.description, p.state]));
    expect(states).to.deep.equal({
      [scenario.executed.description]: "Executed",
      [scenario.canceled.description]: "Canceled",
      [scenario.extended.description]: "Succeeded",
      [scenario.pending.description]: "Pending",
    });
  });

  it("follows the chain after the backfill: a new vote shows up", async function () {
    const { alice } = chain.accounts;
    const proposal = await chain.reader.governance.getProposal({ proposalId: scenario.pending.proposalId });
    await chain.increaseTo(proposal.snapshot + 1n);
    await chain.as(alice).governance.castVote({ proposalId: proposal.proposalId, support: "for", reason: "live" });
    await waitUntilSynced(indexer, chain.url);
    await expectIndexerAgreesWithChain(indexer.url, chain);
    const { body } = await getJson<{ proposal: ApiProposal; votes: { reason: string }[] }>(
      `${indexer.url}/proposals/${proposal.proposalId}`,
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

  shouldIndexTheGraph(() => ({ chain, indexer, graph }));
}
