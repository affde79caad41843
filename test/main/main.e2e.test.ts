/**
 * The README's main-job command as a new user runs it: `npm start` finds a chain recorded with
 * other contracts than the build's and starts fresh by itself (as `--fresh` would), bringing up
 * the chain, the deployment, the scenario, the indexer and the page; Ctrl-C (SIGINT to the
 * terminal's process group) stops every process it started; `npm start` again reuses the recorded
 * chain and the indexer's data; `npm start -- --network <name>` serves an existing deployment.
 *
 * The first run is the one the page's test used (test/helpers/mainJob.ts: one main job run, the
 * run's chain 2); `--network localhost` serves the end-to-end world (chain 1) with its PGlite
 * indexer's database (test/e2e/world.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import { expect } from "chai";
import { createPublicClient, erc20Abi, http, type Address } from "viem";

import { addressesOf, allLayers, createAtlasClient } from "../../sdk/src/index.ts";
import { readAddressBook } from "../../sdk/src/node/index.ts";
import { idsFromJson, type ScenarioIds } from "../../scripts/scenario/ids.ts";

import { releasePgliteIndexer, useWorld } from "../e2e/world.ts";
import { leftovers, sharedMainJob, startMainJob, type MainJob, type MainJobHome } from "../helpers/mainJob.ts";

interface ProposalRow {
  id: string;
  state: string;
  tally: Record<string, string>;
  createdBlock: string;
  createdTransaction: string;
}

describe("main job (npm start)", function () {
  this.timeout(600_000);

  let suite: string;
  let home: MainJobHome;
  /** The first run, shared with the page's test. */
  let first: MainJob;
  const jobs: MainJob[] = [];
  const start = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const job = startMainJob(home, suite, args, env);
    jobs.push(job);
    return job;
  };

  before(async function () {
    suite = this.test?.parent?.fullTitle() ?? "main job";
    ({ home, job: first } = await sharedMainJob(suite));
  });

  // A failed test may leave a main job running: stop it, so the next test and `hardhat test` can go on.
  afterEach(function () {
    for (const job of jobs) job.kill();
  });

  async function listening(port: number): Promise<boolean> {
    try {
      await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) });
      return true;
    } catch {
      return false;
    }
  }

  /** The indexer's proposals, reduced to what identifies them on the chain and their outcome. */
  async function proposals(): Promise<ProposalRow[]> {
    const response = await fetch(`${home.indexerUrl}/proposals`);
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

  it("starts fresh when the contracts changed since the recorded chain was deployed", function () {
    // Its data folder held a chain recorded with other contracts (test/helpers/mainJob.ts).
    expect(first.output()).to.include("The contracts changed since the recorded chain was deployed: starting fresh");
    expect(first.output()).to.not.match(/\(\d+ blocks replayed\)/);
    expect(first.output()).to.include("✓ stream completed");
    expect(first.output()).to.include("✓ execute");
  });

  it("runs the scenario, answers on the API, serves the page, and Ctrl-C leaves no process behind", async function () {
    const job = first;
    expect(job.output()).to.include("✓ execute");
    expect(job.output()).to.include("✓ credential across sovereigns");
    expect(job.output()).to.include("✓ contribution recorded");
    for (const step of [
      "✓ escrow endorsed",
      "✓ terms accepted",
      "✓ bounty awarded",
      "✓ milestone unlocked",
      "✓ ruling enforced",
      "✓ stream completed",
    ]) {
      expect(job.output()).to.include(step);
    }
    expect(job.output()).to.include("✓ split distributed");
    expect(job.output()).to.include(home.pageUrl);

    // North honours south's credential: the indexer's API and the SDK (the chain) say the same.
    const { ids, accounts } = idsFromJson<{ ids: ScenarioIds; accounts: { citizen: Address } }>(
      readFileSync(path.join(home.dataDir, "scenario.json"), "utf8"),
    );
    const graph = {
      north: String(ids.north),
      south: String(ids.south),
      citizen: accounts.citizen,
      foreignCredential: ids.foreignCredential,
    };
    const capital = {
      token: ids.stablecoin,
      missionId: String(ids.mission),
      escrowId: String(ids.escrow),
      bountyId: String(ids.bounty),
      citizen: accounts.citizen,
      citizenReputation: String(ids.citizenReputation),
    };
    const book = await readAddressBook(31337, home.deploymentsDir);
    const sdk = createAtlasClient({
      publicClient: createPublicClient({ transport: http(home.rpcUrl) }),
      chainId: 31337,
      addresses: addressesOf(book),
      layers: allLayers,
    });
    const onChain = await sdk.graph.verifyCredential({
      sovereignId: BigInt(graph.north),
      uid: graph.foreignCredential,
      account: graph.citizen,
      schema: "skillCredential",
      trustedBy: BigInt(graph.south),
    });
    const response = await fetch(
      `${home.indexerUrl}/sovereigns/${graph.north}/credentials/${graph.foreignCredential}?trustedBy=${graph.south}`,
    );
    expect(response.status).to.equal(200);
    const indexed = (await response.json()) as { honoured: boolean; status: string; account: string };
    expect(onChain.valid, "the SDK: north honours south's credential").to.equal(true);
    expect({ honoured: indexed.honoured, status: indexed.status, account: indexed.account }).to.deep.equal({
      honoured: onChain.valid,
      status: onChain.status,
      account: graph.citizen,
    });

    // The mission's funding and the citizen's earnings: the indexer's API and the chain agree.
    const funding = (await (await fetch(`${home.indexerUrl}/missions/${capital.missionId}/funding`)).json()) as {
      escrows: {
        id: string;
        endorsed: boolean;
        accepted: boolean;
        milestones: { index: number; state: string; released: string }[];
      }[];
      bounties: { id: string; funded: string; awarded: string }[];
    };
    const [escrow] = funding.escrows;
    expect(escrow.id).to.equal(capital.escrowId);
    // The mission's own deal, accepted by the citizen: the API and the chain say so.
    const terms = await sdk.capital.getEscrow({ escrowId: BigInt(capital.escrowId) });
    expect({ endorsed: escrow.endorsed, accepted: escrow.accepted }).to.deep.equal({
      endorsed: terms.endorsed,
      accepted: terms.accepted,
    });
    expect(terms.endorsed && terms.accepted, "endorsed and accepted").to.equal(true);
    for (const indexed of escrow.milestones) {
      const onChainMilestone = await sdk.capital.getMilestone({
        escrowId: BigInt(capital.escrowId),
        index: BigInt(indexed.index),
      });
      expect(
        { state: indexed.state, released: indexed.released },
        `milestone ${indexed.index}: the API and the chain`,
      ).to.deep.equal({ state: onChainMilestone.state, released: onChainMilestone.released.toString() });
    }
    expect(escrow.milestones.map((m) => m.state)).to.deep.equal(["released", "released", "resolved"]);
    const bounty = await sdk.capital.getBounty({ bountyId: BigInt(capital.bountyId) });
    expect(funding.bounties.map((b) => [b.id, b.funded, b.awarded])).to.deep.equal([
      [capital.bountyId, bounty.funded.toString(), bounty.awarded.toString()],
    ]);
    // Everything the citizen holds of the stablecoin, it earned in the scenario (bounty, stream,
    // attested milestone, ruling share, split share): the API's total is its balance on chain.
    const earnings = (await (
      await fetch(`${home.indexerUrl}/accounts/${capital.citizen}/earnings?token=${capital.token}`)
    ).json()) as { totals: { token: string; amount: string }[] };
    const balance = await createPublicClient({ transport: http(home.rpcUrl) }).readContract({
      address: capital.token,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [capital.citizen],
    });
    expect(earnings.totals.map((t) => ({ token: t.token, amount: t.amount }))).to.deep.equal([
      { token: capital.token, amount: balance.toString() },
    ]);
    expect(balance).to.equal(12_175n * 10n ** 6n);
    // Its payouts earned the citizen reputation in north (the deal is the mission's own, the
    // citizen a member of north): the API's all-time points are the ledger's.
    const reputation = await sdk.graph.getReputation({ sovereignId: BigInt(graph.north), account: capital.citizen });
    expect(reputation.toString(), "the reputation the main job printed").to.equal(capital.citizenReputation);
    expect(reputation > 0n, "reputation earned").to.equal(true);
    const account = (await (await fetch(`${home.indexerUrl}/accounts/${capital.citizen}`)).json()) as {
      reputation: { sovereignId: string; points: string }[];
    };
    expect(account.reputation).to.deep.include({ sovereignId: graph.north, points: reputation.toString() });

    firstProposals = await proposals();
    expect(firstProposals.map((p) => p.state).sort()).to.deep.equal(["Active", "Executed"]);
    const page = await fetch(`${home.pageUrl}/`);
    expect(page.status).to.equal(200);
    expect(page.headers.get("content-type")).to.include("text/html");
    const config = (await (await fetch(`${home.pageUrl}/atlas.config.json`)).json()) as { chainId: number };
    expect(config.chainId).to.equal(31337);

    await job.stop();
    expect(job.output()).to.include("every process stopped");
    for (const port of Object.values(home.ports))
      expect(await listening(port), `port ${port} after Ctrl-C`).to.equal(false);
    expect(leftovers(home)).to.deep.equal([]);
  });

  it("reuses the chain and the indexer's data when started again", async function () {
    const job = start([]);
    await job.untilRunning();
    expect(job.output()).to.match(/\(\d+ blocks replayed\)/);
    expect(job.output()).to.include("Scenario: already on the replayed chain");
    expect(await proposals()).to.deep.equal(firstProposals);
    await job.stop();
    expect(job.output()).to.include("every process stopped");
  });

  it("with --network, serves the indexer and the page for an existing deployment, without a local chain", async function () {
    // The world's node and address book, and its PGlite indexer's database: its process, if an
    // earlier suite started it, stops first, and the main job's indexer continues that database.
    const world = await useWorld(suite);
    await releasePgliteIndexer();
    const job = start(["--network", "localhost"], {
      ATLAS_LOCALHOST_URL: world.url,
      ATLAS_DEPLOYMENTS_DIR: world.deploymentsDir,
      ATLAS_DATA_DIR: world.dataDir,
    });
    await job.untilRunning();
    expect(job.output()).to.include("Network localhost (chain 31337): using its existing deployment");
    expect(job.output()).to.not.include("Governance scenario");
    const onChain = await world.reader.governance.getProposals({
      fromBlock: BigInt(world.book.contracts.governor.blockNumber),
    });
    expect(
      (await proposals()).map((p) => [p.id, p.createdBlock, p.createdTransaction]),
      "the world's proposals",
    ).to.deep.equal(onChain.map((p) => [p.proposalId.toString(), p.blockNumber.toString(), p.transactionHash]));
    const config = (await (await fetch(`${home.pageUrl}/atlas.config.json`)).json()) as { rpcUrl: string };
    expect(config.rpcUrl).to.equal(world.url);
    await job.stop();
    expect(await world.publicClient.getChainId(), "the main job leaves a chain it did not start running").to.equal(
      31337,
    );
  });
});
