/**
 * The capital layer on PGlite: on the recorded world (the main job's funding of north's mission
 * and capital's edge cases, scripts/scenario), the world's indexer must answer what the bounty
 * board's, the escrow's, Arbitration's, the modules' (pauses and clocks) and the splits' views say
 * (and, where no view keeps it, what the chain moved: token transfers, balance changes, deferred
 * payments, the events of streams ended early and of appeals), refuse malformed requests (400) and
 * not invent what was never indexed (404).
 */
import { expect } from "chai";
import {
  createWalletClient,
  encodeAbiParameters,
  getAbiItem,
  getAddress,
  getContract,
  http,
  keccak256,
  parseEther,
  parseEventLogs,
  toHex,
  zeroAddress,
  type Address,
  type Hex,
} from "viem";
import { hardhat } from "viem/chains";

import { type SplitConfig } from "../../sdk/src/index.ts";
import {
  arbitrationAbi,
  atlasTokenAbi,
  bountyBoardAbi,
  milestoneEscrowAbi,
  revenueSplitAbi,
  revenueSplitFactoryAbi,
} from "../../sdk/src/abi/index.ts";
import { sortAddresses } from "../../scripts/scenario/contracts.ts";
import { useWorld, worldIndexer, type World } from "../e2e/world.ts";
import { getJson, waitUntilSynced, type Indexer } from "./harness.ts";

/* THE API'S SHAPES, as documented in indexer/README.md (written out again on purpose). */

interface Answer {
  blockNumber: string;
  timestamp: string;
}

/** A bounty's or an escrow's answer: the module's clock at that block. */
interface ModuleAnswer extends Answer {
  moduleTime: string;
}

interface ApiBounty {
  id: string;
  missionId: string;
  sovereignId: string;
  creator: Address;
  token: Address;
  deadline: string;
  status: string;
  credential: { schema: Hex; trustedBy: string } | null;
  funded: string;
  awarded: string;
  refunded: string;
  remaining: string;
  funderCount: number;
  submissionCount: number;
  winnerCount: number;
}

interface ApiBountyDetail extends ModuleAnswer {
  bounty: ApiBounty;
  fundings: {
    funder: Address;
    contribution: string;
    reclaimed: boolean;
    refundable: string;
    refund: string | null;
    refundedTo: Address | null;
  }[];
  submissions: { contributor: Address; contentHash: Hex; credentialUID: Hex | null; awarded: string }[];
  awards: { winner: Address; token: Address; amount: string; deferred: boolean; recorded: boolean }[];
}

interface ApiEscrow {
  id: string;
  missionId: string;
  funder: Address;
  contributor: Address;
  token: Address;
  verifier: Address | null;
  arbiter: Address | null;
  funderSovereign: string | null;
  contributorSovereign: string | null;
  reviewWindow: number;
  feeBps: number;
  milestoneCount: number;
  creator: Address;
  endorsed: boolean;
  endorsedBy: Address | null;
  accepted: boolean;
  funded: string;
  released: string;
  fees: string;
  refunded: string;
  remaining: string;
}

interface ApiMilestone {
  escrowId: string;
  index: number;
  kind: string;
  amount: string;
  state: string;
  deadline: string | null;
  start: string | null;
  end: string | null;
  released: string;
  submittedAt: string;
  reviewEndsAt: string | null;
  disputeId: string | null;
  disputedByFunder: boolean;
  release: { reason: string; by: Address; attestationUID: Hex | null } | null;
  cancellation: { by: Address; vested: string; rest: string; transactionHash: Hex } | null;
  stream: { vested: string; claimed: string; claimable: string } | null;
}

interface ApiDispute {
  dispute: {
    id: string;
    arbitrable: Address;
    status: string;
    round: number;
    claimant: Address;
    respondent: Address;
    claimantSovereign: string | null;
    respondentSovereign: string | null;
    token: Address;
    amount: string;
    openedAt: string;
    appealWindow: string;
    rulingPeriod: string;
    appealedAt: string;
    lastAppealAt: string;
    appellant: Address | null;
    appellants: Address[];
    drawnByMover: boolean;
    appealLapsesAt: string | null;
    finalizableAt: string | null;
    final: { shareToClaimant: string; decidingRound: number } | null;
    escrowId: string | null;
    milestoneIndex: number | null;
  };
  rounds: {
    round: number;
    arbiter: Address;
    sovereignId: string | null;
    fallbackArbiter: boolean;
    assignedAt: string;
    assignedBy: Address;
    drawnBy: string;
    ruled: boolean;
    shareToClaimant: string | null;
    ruledAt: string | null;
  }[];
  appeals: { appellant: Address; mover: Address; lapsesAt: string; transactionHash: Hex }[];
  evidence: { party: Address; uri: string; hash: Hex }[];
  resolution: { toContributor: string; fee: string; toFunder: string } | null;
}

interface ApiSplit {
  split: { address: Address; controller: Address | null; splitHash: Hex; distributorFee: number };
  recipients: { account: Address; allocation: number; received: { token: Address; amount: string }[] }[];
  distributions: {
    token: Address;
    distributor: Address;
    amount: string;
    distributorReward: string;
    dust: string;
    transactionHash: Hex;
    payouts: { account: Address; role: string; amount: string; deferred: boolean }[];
  }[];
  pendingWithdrawals: { account: Address; token: Address; amount: string }[];
  withdrawals: { account: Address; token: Address; amount: string; to: Address }[];
}

interface ApiModules extends Answer {
  modules: {
    name: string;
    address: Address;
    paused: boolean;
    pauseEndsAt: string;
    guardianReadyAt: string;
    maxPauseDuration: string;
    pausedDuration: string;
    moduleTime: string;
  }[];
}

interface ApiArbitration {
  appealWindow: string | null;
  rulingPeriod: string | null;
  fallbackArbiters: Address[];
  arbitrables: Address[];
}

interface ApiEarnings {
  address: Address;
  totals: { token: Address; amount: string; count: number }[];
  earnings: { sourceKind: string; sourceId: string; module: Address; token: Address; amount: string }[];
  pendingWithdrawals: { module: Address; moduleKind: string; token: Address; amount: string }[];
}

interface ApiFunding extends Answer {
  moduleTimes: { bountyBoard: string; escrow: string };
  mission: { id: string };
  totals: { token: Address; funded: string; paid: string; fees: string; refunded: string; remaining: string }[];
  progress: {
    milestones: Record<string, number>;
    streams: { escrowId: string; index: number; amount: string; vested: string; claimed: string }[];
    bounties: Record<string, number>;
  };
  bounties: ApiBounty[];
  escrows: (ApiEscrow & { milestones: ApiMilestone[] })[];
}

const BOUNTY_STATUSES = ["none", "open", "expired", "cancelled"];
const MILESTONE_KINDS = ["lump", "streaming"];
const MILESTONE_STATES = [
  "unfunded",
  "funded",
  "submitted",
  "released",
  "disputed",
  "resolved",
  "reclaimed",
  "cancelled",
];
/** IMilestoneEscrow.MilestoneState. */
const State = { Unfunded: 0, Funded: 1, Resolved: 5, Reclaimed: 6 } as const;
const DISPUTE_STATUSES = ["none", "open", "appealed", "finalized"];

/** MilestoneEscrow's protocol fee: rounded down (StreamMath.fee). */
const feeOf = (amount: bigint, bps: number) => (amount * BigInt(bps)) / 10_000n;
/** StreamMath.streamed. */
const streamed = (amount: bigint, start: bigint, end: bigint, now: bigint) =>
  now <= start ? 0n : now >= end ? amount : (amount * (now - start)) / (end - start);

/** Back to the funder of a milestone, as getMilestone shows it: a reclaim's or a ruling's, what the contributor was not paid. */
const refundedOf = (m: { state: number; amount: bigint; released: bigint }) =>
  m.state === State.Reclaimed || m.state === State.Resolved ? m.amount - m.released : 0n;

/** Adds `amount` under `key` (amounts as bigints, by "<account>/<token>" or any string). */
function tally(map: Map<string, bigint>, key: string, amount: bigint) {
  if (amount !== 0n) map.set(key, (map.get(key) ?? 0n) + amount);
}

/** The world's capital, by the names the checks use: every bounty, escrow, dispute and split on chain. */
interface CapitalWorld {
  /** The edge cases' people (dev accounts, the ETH-refusing receiver, the fallback arbiters). */
  readonly accounts: Readonly<Record<string, Address>>;
  /** The edge cases' tokens: ETH (the zero address) and ATLAS. */
  readonly tokens: readonly Address[];
  /** The edge cases' missions: one holds all their funding, one none. */
  readonly missions: { readonly funded: bigint; readonly unfunded: bigint };
  /** The main job's, then the edge cases'. */
  readonly bounties: readonly bigint[];
  readonly escrows: readonly bigint[];
  readonly disputes: readonly bigint[];
  /** Governance's fallback arbiters: the deployment's two, and the deployer added by the scenario. */
  readonly fallbackArbiters: readonly Address[];
  /** Every split, with its current configuration: the main job's, then the edge cases' two. */
  readonly splits: readonly { readonly address: Address; readonly config: SplitConfig }[];
}

function capitalOf(world: World): CapitalWorld {
  const { accounts: a, ids } = world;
  return {
    accounts: {
      deployer: a.deployer,
      guardian: a.guardian,
      alice: a.alice,
      bob: a.bob,
      carol: a.carol,
      dave: a.dave,
      eve: a.eve,
      refuser: ids.refuser,
      fallbackOne: a.fallbackOne,
      fallbackTwo: a.fallbackTwo,
    },
    tokens: [zeroAddress, world.book.contracts.token.address],
    missions: { funded: ids.fundedMission, unfunded: ids.unfundedMission },
    bounties: [ids.bounty, ...Object.values(ids.bounties)],
    escrows: [ids.escrow, ...Object.values(ids.escrows)],
    disputes: [ids.dispute, ...Object.values(ids.disputes)],
    fallbackArbiters: [a.fallbackOne, a.fallbackTwo, a.deployer],
    splits: [{ address: ids.split, config: ids.splitConfig }, ids.revenueSplit, ids.quietSplit],
  };
}

const ascending = (list: readonly bigint[]) => [...list].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));

describe("indexer: the capital layer agrees with the chain", function () {
  this.timeout(900_000);
  let chain: World;
  let scenario: CapitalWorld;
  let indexer: Indexer;

  before(async function () {
    const suite = this.test?.parent?.fullTitle() ?? "capital";
    chain = await useWorld(suite);
    scenario = capitalOf(chain);
    ({ indexer } = await worldIndexer("pglite", suite));
    await waitUntilSynced(indexer, chain.url);
  });

  /** GET, expecting 200. */
  const get = async <T>(route: string): Promise<T> => {
    const { status, body } = await getJson<T>(`${indexer.url}${route}`);
    expect(status, `GET ${route}: ${JSON.stringify(body)}`).to.equal(200);
    return body;
  };
  const views = () => {
    const client = chain.publicClient;
    const { contracts } = chain.book;
    return {
      board: getContract({ address: contracts.bountyBoard.address, abi: bountyBoardAbi, client }),
      escrow: getContract({ address: contracts.escrow.address, abi: milestoneEscrowAbi, client }),
      arbitration: getContract({ address: contracts.arbitration.address, abi: arbitrationAbi, client }),
      split: (address: Address) => getContract({ address, abi: revenueSplitAbi, client }),
    };
  };
  const accounts = () => Object.values(scenario.accounts);
  const tokenOf = (token: Address) => getAddress(token);
  /** Every split the factory created, from its SplitCreated logs. */
  const splitsOnChain = async (): Promise<Address[]> => {
    const logs = await chain.publicClient.getContractEvents({
      address: chain.book.contracts.splitFactory.address,
      abi: revenueSplitFactoryAbi,
      eventName: "SplitCreated",
      fromBlock: BigInt(chain.book.contracts.splitFactory.blockNumber),
      strict: true,
    });
    return logs.map((log) => getAddress(log.args.split));
  };

  /** The streams ended early, by "<escrowId>:<index>", from the escrow's StreamCancelled logs. */
  async function cancellationsOnChain() {
    const logs = await chain.publicClient.getContractEvents({
      address: chain.book.contracts.escrow.address,
      abi: milestoneEscrowAbi,
      eventName: "StreamCancelled",
      fromBlock: BigInt(chain.book.contracts.escrow.blockNumber),
      strict: true,
    });
    return new Map(logs.map((log) => [`${log.args.escrowId}:${log.args.index}`, log]));
  }

  /**
   * What a stream has vested at the escrow's clock `moduleTime` (StreamMath.streamed), or, ended
   * early, what had vested then (the StreamCancelled log).
   */
  async function vestedOnChain(
    id: bigint,
    index: number,
    m: { state: number; amount: bigint; start: number | bigint; end: number | bigint },
    moduleTime: bigint,
  ): Promise<bigint> {
    if (m.state === State.Unfunded) return 0n;
    const cancelled = (await cancellationsOnChain()).get(`${id}:${index}`);
    return cancelled?.args.vested ?? streamed(m.amount, BigInt(m.start), BigInt(m.end), moduleTime);
  }

  /* EXPECTATIONS FROM THE CHAIN */

  /** Each escrow's terms and milestones as getEscrow and getMilestone read them at `blockNumber`. */
  async function escrowsOnChain(blockNumber: bigint) {
    const { escrow } = views();
    const count = await escrow.read.escrowCount({ blockNumber });
    return Promise.all(
      Array.from({ length: Number(count) }, async (_, i) => {
        const id = BigInt(i + 1);
        const terms = await escrow.read.getEscrow([id], { blockNumber });
        const milestones = await Promise.all(
          Array.from({ length: terms.milestoneCount }, (_, index) =>
            escrow.read.getMilestone([id, BigInt(index)], { blockNumber }),
          ),
        );
        return { id, terms, milestones };
      }),
    );
  }

  /**
   * What each split distribution paid whom, from the chain alone: ERC-20 transfers out of the split
   * in the distribution's transaction, ETH balance changes of the scenario's accounts in its block
   * (each distribution is alone in its block), and the payments it deferred.
   */
  async function splitPayoutsOnChain() {
    const payouts: { split: Address; token: Address; tx: Hex; account: Address; amount: bigint; deferred: boolean }[] =
      [];
    for (const address of await splitsOnChain()) {
      const distributed = await chain.publicClient.getContractEvents({
        address,
        abi: revenueSplitAbi,
        eventName: "SplitDistributed",
        fromBlock: BigInt(chain.book.contracts.splitFactory.blockNumber),
        strict: true,
      });
      for (const log of distributed) {
        const receipt = await chain.publicClient.getTransactionReceipt({ hash: log.transactionHash });
        const deferred = parseEventLogs({ abi: revenueSplitAbi, eventName: "PaymentDeferred", logs: receipt.logs });
        for (const d of deferred) {
          payouts.push({
            split: address,
            token: tokenOf(d.args.token),
            tx: log.transactionHash,
            account: getAddress(d.args.account),
            amount: d.args.amount,
            deferred: true,
          });
        }
        const token = tokenOf(log.args.token);
        if (token === zeroAddress) {
          const sender = getAddress(receipt.from);
          for (const account of accounts().filter((a) => a !== sender)) {
            const after = await chain.publicClient.getBalance({ address: account, blockNumber: log.blockNumber });
            const before = await chain.publicClient.getBalance({ address: account, blockNumber: log.blockNumber - 1n });
            if (after !== before) {
              payouts.push({
                split: address,
                token,
                tx: log.transactionHash,
                account,
                amount: after - before,
                deferred: false,
              });
            }
          }
        } else {
          const transfers = parseEventLogs({ abi: atlasTokenAbi, eventName: "Transfer", logs: receipt.logs });
          for (const t of transfers.filter((t) => getAddress(t.args.from) === address)) {
            payouts.push({
              split: address,
              token,
              tx: log.transactionHash,
              account: getAddress(t.args.to),
              amount: t.args.value,
              deferred: false,
            });
          }
        }
      }
    }
    return payouts;
  }

  /** Every account's earnings per token ("<account>/<token>") from the views and the chain's payouts. */
  async function earningsOnChain(blockNumber: bigint): Promise<Map<string, bigint>> {
    const { board } = views();
    const earned = new Map<string, bigint>();
    const bountyCount = await board.read.bountyCount({ blockNumber });
    for (let id = 1n; id <= bountyCount; id++) {
      const { token } = await board.read.getBounty([id], { blockNumber });
      for (const account of accounts()) {
        const [, awarded] = await board.read.submissionOf([id, account], { blockNumber });
        tally(earned, `${account}/${tokenOf(token)}`, awarded);
      }
    }
    for (const { terms, milestones } of await escrowsOnChain(blockNumber)) {
      for (const m of milestones) {
        // Releases, claims and rulings pay the contributor `released` less the fee on it.
        tally(
          earned,
          `${getAddress(terms.contributor)}/${tokenOf(terms.token)}`,
          m.released - feeOf(m.released, terms.feeBps),
        );
      }
    }
    for (const payout of await splitPayoutsOnChain()) tally(earned, `${payout.account}/${payout.token}`, payout.amount);
    return earned;
  }

  /** What each module owes each account, as each module's pendingWithdrawal says. */
  async function pendingOnChain(account: Address, blockNumber: bigint) {
    const { board, escrow, split } = views();
    const owed: { module: Address; moduleKind: string; token: Address; amount: string }[] = [];
    const add = (module: Address, moduleKind: string, token: Address, amount: bigint) => {
      if (amount !== 0n)
        owed.push({ module: getAddress(module), moduleKind, token: tokenOf(token), amount: amount.toString() });
    };
    for (const token of scenario.tokens) {
      add(board.address, "bounty", token, await board.read.pendingWithdrawal([account, token], { blockNumber }));
      add(escrow.address, "escrow", token, await escrow.read.pendingWithdrawal([account, token], { blockNumber }));
      for (const address of await splitsOnChain()) {
        add(address, "split", token, await split(address).read.pendingWithdrawal([account, token], { blockNumber }));
      }
    }
    const key = (o: { module: Address; token: Address }) => `${o.module.toLowerCase()}/${o.token.toLowerCase()}`;
    return owed.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }

  async function expectEarningsAgreeWithChain() {
    const { blockNumber } = await get<Answer>(`/bounties/${chain.ids.bounties.topped}`);
    const earned = await earningsOnChain(BigInt(blockNumber));
    for (const account of accounts()) {
      const body = await get<ApiEarnings>(`/accounts/${account}/earnings`);
      const expected = scenario.tokens
        .map((token) => ({ token, amount: earned.get(`${account}/${token}`) ?? 0n }))
        .filter((t) => t.amount !== 0n)
        .sort((a, b) => (a.token.toLowerCase() < b.token.toLowerCase() ? -1 : 1));
      expect(
        body.totals.map(({ token, amount }) => ({ token, amount })),
        `${account}: earnings per token`,
      ).to.deep.equal(expected.map(({ token, amount }) => ({ token, amount: amount.toString() })));
      for (const total of body.totals) {
        const listed = body.earnings.filter((e) => e.token === total.token);
        expect(listed.length, `${account}: ${total.token} payouts`).to.equal(total.count);
        expect(listed.reduce((sum, e) => sum + BigInt(e.amount), 0n).toString()).to.equal(total.amount);
      }
      expect(body.pendingWithdrawals, `${account}: pending withdrawals`).to.deep.equal(
        await pendingOnChain(account, BigInt(blockNumber)),
      );
    }
  }

  /** Each module of the answer reads as its `pauseState()` and `paused()` at the answer's block. */
  async function expectModulesAgreeWithChain(body: ApiModules) {
    const blockNumber = BigInt(body.blockNumber);
    const { contracts } = chain.book;
    const expected = [];
    for (const [name, address] of [
      ["SovereignRegistry", contracts.registry.address],
      ["ContributionLedger", contracts.ledger.address],
      ["BountyBoard", contracts.bountyBoard.address],
      ["MilestoneEscrow", contracts.escrow.address],
      ["Arbitration", contracts.arbitration.address],
    ] as const) {
      // Every module shares AtlasModule's pause views: the board's ABI reads them all.
      const module = getContract({ address, abi: bountyBoardAbi, client: chain.publicClient });
      const [state, paused] = await Promise.all([
        module.read.pauseState({ blockNumber }),
        module.read.paused({ blockNumber }),
      ]);
      expected.push({
        name,
        address: getAddress(address),
        paused,
        pauseEndsAt: state.pauseEndsAt.toString(),
        guardianReadyAt: state.guardianReadyAt.toString(),
        maxPauseDuration: state.maxPauseDuration.toString(),
        pausedDuration: state.pausedDuration.toString(),
        moduleTime: state.moduleTime.toString(),
      });
    }
    expect(body.modules, "modules").to.deep.equal(expected);
  }

  /* THE ROUTES */

  it("answers each bounty as getBounty, statusOf, remainingOf, contributionOf, refundOf and submissionOf do, on the board's clock", async function () {
    const { board } = views();
    const count = await board.read.bountyCount();
    expect(count).to.equal(BigInt(scenario.bounties.length));
    expect(ascending(scenario.bounties), "every bounty on chain").to.deep.equal(
      Array.from({ length: Number(count) }, (_, i) => BigInt(i + 1)),
    );
    for (const id of scenario.bounties) {
      const body = await get<ApiBountyDetail>(`/bounties/${id}`);
      const blockNumber = BigInt(body.blockNumber);
      const [stored, status, remaining, clock] = await Promise.all([
        board.read.getBounty([id], { blockNumber }),
        board.read.statusOf([id], { blockNumber }),
        board.read.remainingOf([id], { blockNumber }),
        board.read.pauseState({ blockNumber }),
      ]);
      expect(body.moduleTime, `bounty ${id}: the board's clock`).to.equal(clock.moduleTime.toString());
      expect(body.bounty, `bounty ${id}`).to.include({
        id: id.toString(),
        missionId: stored.missionId.toString(),
        sovereignId: stored.sovereignId.toString(),
        token: tokenOf(stored.token),
        deadline: stored.deadline.toString(),
        status: BOUNTY_STATUSES[status],
        funded: stored.funded.toString(),
        awarded: stored.awarded.toString(),
        refunded: stored.refunded.toString(),
        remaining: remaining.toString(),
        funderCount: stored.funderCount,
        submissionCount: stored.submissionCount,
      });
      expect(body.bounty.credential, `bounty ${id}: credential`).to.deep.equal(
        stored.credentialTrustedBy === 0n
          ? null
          : { schema: stored.credentialSchema, trustedBy: stored.credentialTrustedBy.toString() },
      );
      const fundings = new Map(body.fundings.map((f) => [f.funder, f]));
      const submissions = new Map(body.submissions.map((s) => [s.contributor, s]));
      let reclaimedContributions = 0n;
      for (const account of accounts()) {
        const [[contribution, reclaimed], [contentHash, awarded], refundable] = await Promise.all([
          board.read.contributionOf([id, account], { blockNumber }),
          board.read.submissionOf([id, account], { blockNumber }),
          board.read.refundOf([id, account], { blockNumber }),
        ]);
        const funding = fundings.get(account);
        expect(
          funding === undefined
            ? null
            : { contribution: funding.contribution, reclaimed: funding.reclaimed, refundable: funding.refundable },
          `bounty ${id}, funder ${account}`,
        ).to.deep.equal(
          contribution === 0n
            ? null
            : { contribution: contribution.toString(), reclaimed, refundable: refundable.toString() },
        );
        if (reclaimed) reclaimedContributions += contribution;
        const submission = submissions.get(account);
        expect(
          submission === undefined ? null : { contentHash: submission.contentHash, awarded: submission.awarded },
          `bounty ${id}, submitter ${account}`,
        ).to.deep.equal(BigInt(contentHash) === 0n ? null : { contentHash, awarded: awarded.toString() });
      }
      expect(body.bounty.funderCount, `bounty ${id}: funders`).to.equal(fundings.size);
      expect(reclaimedContributions, `bounty ${id}: reclaimed contributions`).to.equal(stored.reclaimedContributions);
      expect(
        body.fundings.reduce((sum, f) => sum + BigInt(f.refund ?? 0), 0n),
        `bounty ${id}: refunds`,
      ).to.equal(stored.refunded);
      expect(
        body.awards.reduce((sum, a) => sum + BigInt(a.amount), 0n),
        `bounty ${id}: awards`,
      ).to.equal(stored.awarded);
    }
    const named = chain.ids.bounties;
    const statuses = await Promise.all(
      [named.topped, named.gated, named.cancelled, named.unrecorded].map(
        async (id) => (await get<ApiBountyDetail>(`/bounties/${id}`)).bounty.status,
      ),
    );
    expect(statuses, "the edge cases' bounties").to.deep.equal(["expired", "open", "cancelled", "open"]);
    // The unrecorded bounty is past its deadline in block time, not on the board's clock, which its
    // pause held back.
    const held = await get<ApiBountyDetail>(`/bounties/${named.unrecorded}`);
    expect(BigInt(held.timestamp) > BigInt(held.bounty.deadline), "past the deadline in block time").to.equal(true);
    expect(BigInt(held.moduleTime) < BigInt(held.bounty.deadline), "before it on the board's clock").to.equal(true);
    // The topped-up bounty: each funder pays for the award in proportion to what it had in then;
    // carol's top-up came after the award and comes back whole.
    const { alice, bob, carol } = scenario.accounts;
    const topped = await get<ApiBountyDetail>(`/bounties/${named.topped}`);
    expect(
      topped.fundings.map((f) => [f.funder, f.contribution, f.refund, f.refundedTo, f.refundable]),
      "the topped-up bounty: refunds",
    ).to.deep.equal([
      [alice, parseEther("1").toString(), parseEther("0.4").toString(), alice, "0"],
      [bob, parseEther("0.5").toString(), parseEther("0.2").toString(), carol, "0"],
      [carol, parseEther("0.3").toString(), null, null, parseEther("0.3").toString()],
    ]);
    // The awards the ledger refused to record, as the board reported them.
    const refused = await chain.publicClient.getContractEvents({
      address: chain.book.contracts.bountyBoard.address,
      abi: bountyBoardAbi,
      eventName: "BountyContributionNotRecorded",
      fromBlock: BigInt(chain.book.contracts.bountyBoard.blockNumber),
      strict: true,
    });
    expect(refused.map((l) => [l.args.bountyId, getAddress(l.args.winner)])).to.deep.equal([
      [named.unrecorded, scenario.accounts.eve],
    ]);
    for (const id of scenario.bounties) {
      const { awards } = await get<ApiBountyDetail>(`/bounties/${id}`);
      expect(
        awards.map((a) => [a.winner, a.recorded]),
        `bounty ${id}: awards recorded in the ledger`,
      ).to.deep.equal(
        awards.map((a) => [
          a.winner,
          !refused.some((l) => l.args.bountyId === id && getAddress(l.args.winner) === a.winner),
        ]),
      );
    }
    const gated = await get<ApiBountyDetail>(`/bounties/${named.gated}`);
    expect(gated.submissions[0]?.credentialUID, "the credential given").to.match(/^0x[0-9a-f]{64}$/);
    const main = await get<ApiBountyDetail>(`/bounties/${chain.ids.bounty}`);
    expect(main.submissions[0]?.credentialUID, "the main job's citizen's credential, from south").to.equal(
      chain.ids.foreignCredential,
    );
    const cancelled = await get<ApiBountyDetail>(`/bounties/${named.cancelled}`);
    expect(
      [cancelled.bounty.submissionCount, cancelled.bounty.status],
      "the cancelled bounty: cancelled after a submission",
    ).to.deep.equal([1, "cancelled"]);
  });

  it("answers each escrow and its milestones as getEscrow, getMilestone and claimable do, on the escrow's clock", async function () {
    const { escrow } = views();
    const named = chain.ids.escrows;
    const { blockNumber, moduleTime } = await get<ModuleAnswer>(`/escrows/${named.atlas}`);
    const clock = await escrow.read.pauseState({ blockNumber: BigInt(blockNumber) });
    expect(moduleTime, "the escrow's clock").to.equal(clock.moduleTime.toString());
    expect(clock.pausedDuration > 0n, "the escrow was paused").to.equal(true);
    const onChain = await escrowsOnChain(BigInt(blockNumber));
    const cancellations = await cancellationsOnChain();
    expect(onChain.map((e) => e.id)).to.deep.equal(ascending(scenario.escrows));
    for (const { id, terms, milestones } of onChain) {
      const body = await get<ModuleAnswer & { escrow: ApiEscrow; milestones: ApiMilestone[] }>(`/escrows/${id}`);
      expect(body.blockNumber, "the same block").to.equal(blockNumber);
      const optional = (a: Address) => (a === zeroAddress ? null : getAddress(a));
      const sum = (f: (m: (typeof milestones)[number]) => bigint) => milestones.reduce((s, m) => s + f(m), 0n);
      const funded = sum((m) => (m.state === State.Unfunded ? 0n : m.amount));
      const released = sum((m) => m.released);
      const refunded = sum(refundedOf);
      expect(body.escrow, `escrow ${id}`).to.include({
        id: id.toString(),
        missionId: terms.missionId.toString(),
        funder: getAddress(terms.funder),
        contributor: getAddress(terms.contributor),
        token: tokenOf(terms.token),
        verifier: optional(terms.verifier),
        arbiter: optional(terms.arbiter),
        funderSovereign: terms.funderSovereign === 0n ? null : terms.funderSovereign.toString(),
        contributorSovereign: terms.contributorSovereign === 0n ? null : terms.contributorSovereign.toString(),
        reviewWindow: terms.reviewWindow,
        feeBps: terms.feeBps,
        milestoneCount: terms.milestoneCount,
        endorsed: terms.endorsed,
        accepted: terms.accepted,
        funded: funded.toString(),
        released: released.toString(),
        fees: sum((m) => feeOf(m.released, terms.feeBps)).toString(),
        refunded: refunded.toString(),
        remaining: (funded - released - refunded).toString(),
      });
      expect(body.milestones.length).to.equal(milestones.length);
      for (const [index, m] of milestones.entries()) {
        const got = body.milestones[index];
        const lump = m.kind === 0;
        expect(got, `escrow ${id}, milestone ${index}`).to.include({
          index,
          kind: MILESTONE_KINDS[m.kind],
          amount: m.amount.toString(),
          state: MILESTONE_STATES[m.state],
          deadline: lump ? m.deadline.toString() : null,
          start: lump ? null : m.start.toString(),
          end: lump ? null : m.end.toString(),
          released: m.released.toString(),
          submittedAt: m.submittedAt.toString(),
          disputeId: m.disputeId === 0n ? null : m.disputeId.toString(),
          disputedByFunder: m.disputedByFunder,
        });
        // The review (or a cancelled stream's right to dispute) ends a review window after the
        // submission (or the cancellation), both on the escrow's clock.
        expect(got.reviewEndsAt, `escrow ${id}, milestone ${index}: review`).to.equal(
          m.submittedAt === 0 ? null : (BigInt(m.submittedAt) + BigInt(terms.reviewWindow)).toString(),
        );
        const cancelled = cancellations.get(`${id}:${index}`);
        expect(got.cancellation, `escrow ${id}, milestone ${index}: cancellation`).to.deep.equal(
          cancelled === undefined
            ? null
            : {
                by: getAddress(cancelled.args.by),
                vested: cancelled.args.vested.toString(),
                rest: cancelled.args.rest.toString(),
                blockNumber: cancelled.blockNumber.toString(),
                transactionHash: cancelled.transactionHash,
              },
        );
        if (lump) {
          expect(got.stream).to.equal(null);
          continue;
        }
        // The stream's progress on the escrow's clock, by the contract's formula and its claimable().
        const vested = await vestedOnChain(id, index, m, clock.moduleTime);
        const claimable = await escrow.read.claimable([id, BigInt(index)], { blockNumber: BigInt(blockNumber) });
        expect(got.stream, `escrow ${id}, stream ${index}`).to.deep.equal({
          vested: vested.toString(),
          claimed: m.released.toString(),
          claimable: (m.state === State.Funded ? vested - m.released : 0n).toString(),
        });
        expect(BigInt(got.stream!.claimable), `escrow ${id}, stream ${index}: claimable()`).to.equal(claimable);
      }
    }
    const states = (await get<{ milestones: ApiMilestone[] }>(`/escrows/${named.atlas}`)).milestones.map((m) => [
      m.state,
      m.release?.reason ?? null,
    ]);
    expect(states, "the ATLAS escrow").to.deep.equal([
      ["released", "approved"],
      ["released", "attested"],
      ["resolved", null],
      ["funded", null],
      ["reclaimed", null],
    ]);
    const other = (await get<{ milestones: ApiMilestone[] }>(`/escrows/${named.eth}`)).milestones.map((m) => m.state);
    expect(other, "the ETH escrow").to.deep.equal(["released", "unfunded", "released", "resolved"]);
    const main = (await get<{ milestones: ApiMilestone[] }>(`/escrows/${chain.ids.escrow}`)).milestones;
    expect(
      main.map((m) => m.state),
      "the main job's escrow: its stream claimed whole, a lump attested, a lump ruled",
    ).to.deep.equal(["released", "released", "resolved"]);
    expect(main[1].release?.reason, "the main job's attested lump").to.equal("attested");
    const { alice, bob, eve } = scenario.accounts;
    const third = await get<{ escrow: ApiEscrow; milestones: ApiMilestone[] }>(`/escrows/${named.outsider}`);
    expect(
      third.milestones.map((m) => [m.state, m.cancellation?.by ?? null]),
      "the outsider's escrow: streams ended early",
    ).to.deep.equal([
      ["resolved", bob],
      ["reclaimed", eve],
      ["reclaimed", bob],
      ["disputed", null],
    ]);
    // Endorsed by the mission's manager (north's by its admin; the ATLAS one by its funder, the ETH
    // one at creation by a manager for another funder, the outsider's for an outsider), accepted by
    // each contributor.
    const deals = await Promise.all(
      [chain.ids.escrow, named.atlas, named.eth, named.outsider].map(
        async (id) => (await get<{ escrow: ApiEscrow }>(`/escrows/${id}`)).escrow,
      ),
    );
    expect(deals.map((e) => [e.endorsed, e.endorsedBy, e.accepted])).to.deep.equal([
      [true, chain.accounts.northAdmin, true],
      [true, alice, true],
      [true, alice, true],
      [true, alice, true],
    ]);
  });

  it("answers each dispute, ruled, appealed and cross-appealed, as getDispute, getRound, finalizableAt and disputedMilestone do", async function () {
    const { arbitration, escrow } = views();
    expect(await arbitration.read.disputeCount()).to.equal(BigInt(scenario.disputes.length));
    const appealed = await chain.publicClient.getContractEvents({
      address: chain.book.contracts.arbitration.address,
      abi: arbitrationAbi,
      eventName: "DisputeAppealed",
      fromBlock: BigInt(chain.book.contracts.arbitration.blockNumber),
      strict: true,
    });
    const cancellations = await cancellationsOnChain();
    for (const id of scenario.disputes) {
      const body = await get<ApiDispute>(`/disputes/${id}`);
      const stored = await arbitration.read.getDispute([id]);
      const [escrowId, index] = await escrow.read.disputedMilestone([id]);
      const party = (account: Address) =>
        account === getAddress(stored.claimant)
          ? "claimant"
          : account === getAddress(stored.respondent)
            ? "respondent"
            : "other";
      expect(body.dispute, `dispute ${id}`).to.include({
        id: id.toString(),
        arbitrable: getAddress(stored.arbitrable),
        status: DISPUTE_STATUSES[stored.status],
        round: stored.round,
        claimant: getAddress(stored.claimant),
        respondent: getAddress(stored.respondent),
        claimantSovereign: stored.claimantSovereign.toString(),
        respondentSovereign: stored.respondentSovereign.toString(),
        token: tokenOf(stored.token),
        amount: stored.amount.toString(),
        openedAt: stored.openedAt.toString(),
        appealWindow: stored.appealWindow.toString(),
        rulingPeriod: stored.rulingPeriod.toString(),
        appealedAt: stored.appealedAt.toString(),
        lastAppealAt: stored.lastAppealAt.toString(),
        appellant: stored.appellant === zeroAddress ? null : getAddress(stored.appellant),
        drawnByMover: stored.drawnByMover,
        escrowId: escrowId.toString(),
        milestoneIndex: Number(index),
      });
      expect(body.dispute.appellants, `dispute ${id}: appellants`).to.deep.equal(
        [
          [1, stored.claimant],
          [2, stored.respondent],
        ]
          .filter(([bit]) => (stored.appellants & Number(bit)) !== 0)
          .map(([, account]) => getAddress(account as Address)),
      );
      // finalizableAt reverts once the dispute is finalized; the API answers null.
      expect(body.dispute.finalizableAt, `dispute ${id}: finalizable at`).to.equal(
        stored.status === 3 ? null : (await arbitration.read.finalizableAt([id])).toString(),
      );
      expect(
        body.appeals.map((a) => [a.appellant, a.mover, a.lapsesAt, a.transactionHash]),
        `dispute ${id}: appeals`,
      ).to.deep.equal(
        appealed
          .filter((l) => l.args.disputeId === id)
          .map((l) => [
            getAddress(l.args.appellant),
            getAddress(l.args.mover),
            l.args.lapsesAt.toString(),
            l.transactionHash,
          ]),
      );
      expect(body.dispute.appealLapsesAt, `dispute ${id}: appeal lapses at`).to.equal(
        body.appeals.at(-1)?.lapsesAt ?? null,
      );
      const rounds = [];
      for (const round of [1, 2]) {
        const r = await arbitration.read.getRound([id, round]);
        if (r.arbiter === zeroAddress && !r.ruled) continue;
        rounds.push({
          round,
          arbiter: getAddress(r.arbiter),
          sovereignId: r.sovereignId === 0n ? null : r.sovereignId.toString(),
          fallbackArbiter: r.fallbackArbiter,
          assignedAt: r.assignedAt.toString(),
          drawnBy: ["other", "claimant", "respondent"][r.drawnBy],
          ruled: r.ruled,
          shareToClaimant: r.ruled ? r.shareToClaimant.toString() : null,
          ruledAt: r.ruled ? r.ruledAt.toString() : null,
        });
      }
      expect(
        body.rounds.map(
          ({
            round,
            arbiter,
            sovereignId,
            fallbackArbiter,
            assignedAt,
            assignedBy,
            ruled,
            shareToClaimant,
            ruledAt,
          }) => ({
            round,
            arbiter,
            sovereignId,
            fallbackArbiter,
            assignedAt,
            drawnBy: party(assignedBy),
            ruled,
            shareToClaimant,
            ruledAt,
          }),
        ),
        `dispute ${id}: rounds`,
      ).to.deep.equal(rounds);
      if (stored.status !== 3) {
        expect([body.dispute.final, body.resolution], `dispute ${id}: not finalized`).to.deep.equal([null, null]);
        continue;
      }
      // Finalized: the deciding round's ruling was enforced, and the escrow split what it held by it
      // (a lump's amount, or the rest of a stream its funder cancelled: its vested part was paid then).
      const deciding = rounds.at(-1)!;
      expect(body.dispute.final, `dispute ${id}: final`).to.deep.include({
        shareToClaimant: deciding.shareToClaimant,
        decidingRound: deciding.round,
      });
      const [terms, m] = await Promise.all([
        escrow.read.getEscrow([escrowId]),
        escrow.read.getMilestone([escrowId, index]),
      ]);
      const paidBefore = cancellations.get(`${escrowId}:${index}`)?.args.vested ?? 0n;
      const fee = feeOf(m.released, terms.feeBps) - feeOf(paidBefore, terms.feeBps);
      expect(stored.amount, `dispute ${id}: what the escrow held`).to.equal(m.amount - paidBefore);
      expect(body.resolution, `dispute ${id}: resolution`).to.deep.include({
        toContributor: (m.released - paidBefore - fee).toString(),
        fee: fee.toString(),
        toFunder: (m.amount - m.released).toString(),
      });
    }
    const { alice, bob, dave, eve, guardian, deployer, fallbackOne, fallbackTwo } = scenario.accounts;
    const named = chain.ids.disputes;
    const first = await get<ApiDispute>(`/disputes/${named.appealed}`);
    expect(first.rounds.map((r) => [r.arbiter, r.sovereignId, r.shareToClaimant])).to.deep.equal([
      [guardian, null, "600000"],
      [eve, String(chain.ids.lyonesse), "250000"],
    ]);
    expect(
      first.evidence.map((e) => e.party),
      "evidence",
    ).to.deep.equal([alice, dave]);
    expect(first.dispute.status).to.equal("finalized");
    // Dispute 3: bob (favoured by round 1) appealed first and drew round 2's arbiter; eve, whom
    // round 1 disfavoured, appealed too, moved round 2 from then on and replaced his arbiter.
    const crossed = await get<ApiDispute>(`/disputes/${named.crossAppealed}`);
    expect(crossed.appeals.map((a) => [a.appellant, a.mover])).to.deep.equal([
      [bob, bob],
      [eve, eve],
    ]);
    expect([crossed.dispute.appellant, crossed.dispute.appellants]).to.deep.equal([eve, [eve, bob]]);
    expect(
      crossed.rounds.map((r) => [r.arbiter, r.sovereignId, r.fallbackArbiter, r.drawnBy, r.shareToClaimant]),
    ).to.deep.equal([
      [fallbackOne, null, true, "claimant", "400000"],
      [deployer, null, true, "claimant", "800000"],
    ]);
    expect(crossed.dispute.final).to.deep.include({ shareToClaimant: "800000", decidingRound: 2 });
    expect(fallbackTwo, "round 2's vetoed arbiter").to.not.equal(deployer);
    const open = await get<ApiDispute>(`/disputes/${named.unfinalized}`);
    expect([open.dispute.status, open.rounds.map((r) => r.shareToClaimant)]).to.deep.equal(["open", ["1000000"]]);
  });

  it("answers Arbitration's periods, fallback arbiters and arbitrables as its views say", async function () {
    const { arbitration } = views();
    const body = await get<ApiArbitration>("/arbitration");
    expect(body).to.deep.equal({
      appealWindow: (await arbitration.read.appealWindow()).toString(),
      rulingPeriod: (await arbitration.read.rulingPeriod()).toString(),
      fallbackArbiters: sortAddresses(scenario.fallbackArbiters),
      arbitrables: [getAddress(chain.book.contracts.escrow.address)],
    });
    for (const account of accounts()) {
      expect(body.fallbackArbiters.includes(account), `fallback arbiter ${account}`).to.equal(
        await arbitration.read.isFallbackArbiter([account]),
      );
    }
    expect(BigInt(body.fallbackArbiters.length)).to.equal(await arbitration.read.fallbackArbiterCount());
    expect(await arbitration.read.isArbitrable([chain.book.contracts.escrow.address])).to.equal(true);
  });

  it("answers each module's pause and clock as pauseState and paused do", async function () {
    const body = await get<ApiModules>("/modules");
    await expectModulesAgreeWithChain(body);
    const byName = Object.fromEntries(body.modules.map((m) => [m.name, m]));
    // The escrow's one-day pause and the board's ten-day pause ended by themselves.
    expect([
      byName.MilestoneEscrow.paused,
      byName.MilestoneEscrow.pausedDuration,
      byName.MilestoneEscrow.maxPauseDuration,
    ]).to.deep.equal([false, "86400", "86400"]);
    expect([
      byName.BountyBoard.paused,
      byName.BountyBoard.pausedDuration,
      byName.BountyBoard.maxPauseDuration,
    ]).to.deep.equal([false, (10 * 86_400).toString(), (10 * 86_400).toString()]);
    expect(byName.SovereignRegistry.pausedDuration).to.equal("0");
  });

  it("answers each split as splitHash, controller and pendingWithdrawal do, with the payouts the chain made", async function () {
    const { split } = views();
    const created = await splitsOnChain();
    expect(created).to.deep.equal(scenario.splits.map((s) => getAddress(s.address)));
    const payouts = await splitPayoutsOnChain();
    const configParameter = getAbiItem({ abi: revenueSplitFactoryAbi, name: "createSplit" }).inputs[0];
    for (const address of created) {
      const body = await get<ApiSplit>(`/splits/${address.toLowerCase()}`);
      const [splitHash, controller] = await Promise.all([
        split(address).read.splitHash(),
        split(address).read.controller(),
      ]);
      const config: SplitConfig = {
        recipients: body.recipients.map((r) => r.account),
        allocations: body.recipients.map((r) => r.allocation),
        distributorFee: body.split.distributorFee,
      };
      expect(
        keccak256(encodeAbiParameters([configParameter], [config])),
        `split ${address}: configuration hash`,
      ).to.equal(splitHash);
      expect(body.split.splitHash).to.equal(splitHash);
      expect(body.split.controller, `split ${address}: controller`).to.equal(
        controller === zeroAddress ? null : controller,
      );
      // Each distribution paid (or deferred) exactly what the chain moved.
      const distributed = await chain.publicClient.getContractEvents({
        address,
        abi: revenueSplitAbi,
        eventName: "SplitDistributed",
        fromBlock: BigInt(chain.book.contracts.splitFactory.blockNumber),
        strict: true,
      });
      expect(
        body.distributions.map((d) => [d.token, d.distributor, d.amount, d.distributorReward, d.transactionHash]),
        `split ${address}: distributions`,
      ).to.deep.equal(
        distributed.map((l) => [
          tokenOf(l.args.token),
          getAddress(l.args.distributor),
          l.args.amount.toString(),
          l.args.distributorReward.toString(),
          l.transactionHash,
        ]),
      );
      for (const d of body.distributions) {
        const moved = payouts.filter((p) => p.tx === d.transactionHash);
        const sum = (list: { account: Address; amount: bigint | string; deferred: boolean }[]) => {
          const map = new Map<string, bigint>();
          for (const p of list) tally(map, `${p.account}/${p.deferred}`, BigInt(p.amount));
          return [...map.entries()].map(([k, v]) => [k, v.toString()]).sort();
        };
        expect(sum(d.payouts), `split ${address}: payouts of ${d.transactionHash}`).to.deep.equal(sum(moved));
        const paid = d.payouts.reduce((s, p) => s + BigInt(p.amount), 0n);
        expect((BigInt(d.amount) - paid).toString(), "dust").to.equal(d.dust);
      }
      const pending = [];
      for (const account of accounts()) {
        for (const token of scenario.tokens) {
          const amount = await split(address).read.pendingWithdrawal([account, token]);
          if (amount !== 0n) pending.push({ account, token: tokenOf(token), amount: amount.toString() });
        }
      }
      expect(body.pendingWithdrawals, `split ${address}: pending withdrawals`).to.deep.equal(pending);
    }
    const revenue = await get<ApiSplit>(`/splits/${chain.ids.revenueSplit.address}`);
    // ETH (the refuser's share deferred), ATLAS, ATLAS again by the update under the old
    // configuration, ETH under the new one.
    expect(
      revenue.distributions.map((d) => [d.token, d.payouts.filter((p) => p.deferred).map((p) => p.account)]),
    ).to.deep.equal([
      [zeroAddress, [scenario.accounts.refuser]],
      [tokenOf(chain.book.contracts.token.address), []],
      [tokenOf(chain.book.contracts.token.address), []],
      [zeroAddress, []],
    ]);
    expect(
      revenue.distributions[2].payouts.map((p) => p.account).sort(),
      "the update's distribution: the old recipients and the controller",
    ).to.deep.equal(
      [
        ...sortAddresses([scenario.accounts.alice, scenario.accounts.bob, scenario.accounts.refuser]),
        scenario.accounts.alice,
      ].sort(),
    );
    expect(revenue.split.controller, "made immutable").to.equal(null);
    // The refuser, which cannot take ETH, withdrew its deferred share to carol: as the chain's Withdrawn says.
    const withdrawn = await chain.publicClient.getContractEvents({
      address: chain.ids.revenueSplit.address,
      abi: revenueSplitAbi,
      eventName: "Withdrawn",
      fromBlock: BigInt(chain.book.contracts.splitFactory.blockNumber),
      strict: true,
    });
    expect(revenue.withdrawals.map((w) => [w.account, w.token, w.amount, w.to])).to.deep.equal(
      withdrawn.map((l) => [
        getAddress(l.args.account),
        tokenOf(l.args.token),
        l.args.amount.toString(),
        getAddress(l.args.to),
      ]),
    );
    expect(revenue.withdrawals.map((w) => [w.account, w.to])).to.deep.equal([
      [scenario.accounts.refuser, scenario.accounts.carol],
    ]);
  });

  it("sums each account's earnings as the modules' views and the chain's payouts say, with what is still owed", async function () {
    await expectEarningsAgreeWithChain();
    const { dave } = scenario.accounts;
    const body = await get<ApiEarnings>(`/accounts/${dave}/earnings`);
    expect([...new Set(body.earnings.map((e) => e.sourceKind))].sort(), "dave's sources").to.deep.equal([
      "bounty",
      "distributor",
      "milestone",
      "ruling",
      "stream",
    ]);
    const atlas = tokenOf(chain.book.contracts.token.address);
    const filtered = await get<ApiEarnings>(`/accounts/${dave.toLowerCase()}/earnings?token=${atlas}&kind=stream`);
    expect(filtered.earnings.map((e) => [e.sourceKind, e.sourceId, e.token])).to.deep.equal([
      ["stream", `${chain.ids.escrows.atlas}:3`, atlas],
    ]);
    const nobody = "0x000000000000000000000000000000000000dEaD";
    expect(await get(`/accounts/${nobody}/earnings`)).to.deep.equal({
      address: nobody,
      totals: [],
      earnings: [],
      pendingWithdrawals: [],
    });
  });

  it("reports a mission's funding, per token and in progress, as the modules' views say", async function () {
    const { board, escrow } = views();
    const body = await get<ApiFunding>(`/missions/${scenario.missions.funded}/funding`);
    const blockNumber = BigInt(body.blockNumber);
    const totals = new Map<string, bigint>();
    const bountyStatuses: Record<string, number> = { open: 0, expired: 0, cancelled: 0 };
    const ids: string[] = [];
    for (let id = 1n; id <= (await board.read.bountyCount({ blockNumber })); id++) {
      const b = await board.read.getBounty([id], { blockNumber });
      if (b.missionId !== scenario.missions.funded) continue;
      ids.push(id.toString());
      const token = tokenOf(b.token);
      tally(totals, `${token}/funded`, b.funded);
      tally(totals, `${token}/paid`, b.awarded);
      tally(totals, `${token}/refunded`, b.refunded);
      bountyStatuses[BOUNTY_STATUSES[await board.read.statusOf([id], { blockNumber })]] += 1;
    }
    const states = Object.fromEntries(MILESTONE_STATES.map((s) => [s, 0]));
    const streams = [];
    const [boardClock, escrowClock] = await Promise.all([
      board.read.pauseState({ blockNumber }),
      escrow.read.pauseState({ blockNumber }),
    ]);
    expect(body.moduleTimes, "the modules' clocks").to.deep.equal({
      bountyBoard: boardClock.moduleTime.toString(),
      escrow: escrowClock.moduleTime.toString(),
    });
    for (const { id, terms, milestones } of await escrowsOnChain(blockNumber)) {
      if (terms.missionId !== scenario.missions.funded) continue;
      const token = tokenOf(terms.token);
      for (const [index, m] of milestones.entries()) {
        tally(totals, `${token}/funded`, m.state === State.Unfunded ? 0n : m.amount);
        tally(totals, `${token}/paid`, m.released);
        tally(totals, `${token}/fees`, feeOf(m.released, terms.feeBps));
        tally(totals, `${token}/refunded`, refundedOf(m));
        states[MILESTONE_STATES[m.state]] += 1;
        if (m.kind === 1) {
          const claimable = await escrow.read.claimable([id, BigInt(index)], { blockNumber });
          const vested = await vestedOnChain(id, index, m, escrowClock.moduleTime);
          if (m.state === State.Funded)
            expect(vested, `stream ${id}:${index}: claimable()`).to.equal(m.released + claimable);
          streams.push({
            escrowId: id.toString(),
            index,
            amount: m.amount.toString(),
            vested: vested.toString(),
            claimed: m.released.toString(),
          });
        }
      }
    }
    const amount = (key: string) => totals.get(key) ?? 0n;
    expect(body.totals, "per token").to.deep.equal(
      scenario.tokens
        .map(tokenOf)
        .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))
        .map((token) => ({
          token,
          funded: amount(`${token}/funded`).toString(),
          paid: amount(`${token}/paid`).toString(),
          fees: amount(`${token}/fees`).toString(),
          refunded: amount(`${token}/refunded`).toString(),
          remaining: (amount(`${token}/funded`) - amount(`${token}/paid`) - amount(`${token}/refunded`)).toString(),
        })),
    );
    expect(body.progress.milestones, "milestones by state").to.deep.equal(states);
    expect(body.progress.bounties, "bounties by status").to.deep.equal(bountyStatuses);
    expect(
      body.progress.streams.map(({ escrowId, index, amount, vested, claimed }) => ({
        escrowId,
        index,
        amount,
        vested,
        claimed,
      })),
      "streams",
    ).to.deep.equal(streams);
    expect(body.bounties.map((b) => b.id)).to.deep.equal(ids);
    const named = chain.ids.escrows;
    expect(body.escrows.map((e) => [e.id, e.milestones.length])).to.deep.equal([
      [String(named.atlas), 5],
      [String(named.eth), 4],
      [String(named.outsider), 4],
    ]);
    const empty = await get<ApiFunding>(`/missions/${scenario.missions.unfunded}/funding`);
    expect([empty.totals, empty.bounties, empty.escrows, empty.progress.streams]).to.deep.equal([[], [], [], []]);
  });

  it("follows the chain after the backfill: a split created and distributed, a withdrawal, a refund, a pause extended and lifted", async function () {
    const { bob, carol, eve, deployer, dave } = scenario.accounts;
    const transport = http(chain.url, { retryCount: 0 });
    const wallet = (account: Address) => createWalletClient({ account, chain: hardhat, transport });
    const mined = async (hash: Promise<Hex>) =>
      expect((await chain.publicClient.waitForTransactionReceipt({ hash: await hash })).status).to.equal("success");
    const recipients = sortAddresses([bob, eve]);
    const config: SplitConfig = { recipients, allocations: [500_000, 500_000], distributorFee: 0 };
    const factory = getContract({
      address: chain.book.contracts.splitFactory.address,
      abi: revenueSplitFactoryAbi,
      client: { public: chain.publicClient, wallet: wallet(eve) },
    });
    const salt = keccak256(toHex("live"));
    const address = await factory.read.predictSplitAddress([config, zeroAddress, salt]);
    await mined(factory.write.createSplit([config, zeroAddress, salt]));
    await mined(
      wallet(deployer).sendTransaction({ account: deployer, chain: null, to: address, value: parseEther("0.2") }),
    );
    await mined(
      wallet(deployer).writeContract({
        account: deployer,
        chain: null,
        address,
        abi: revenueSplitAbi,
        functionName: "distribute",
        args: [zeroAddress, config, deployer],
      }),
    );
    await mined(
      wallet(dave).writeContract({
        account: dave,
        chain: null,
        address: chain.book.contracts.escrow.address,
        abi: milestoneEscrowAbi,
        functionName: "withdraw",
        args: [chain.book.contracts.token.address, dave],
      }),
    );
    // Carol, who topped the first bounty up after its award, takes her whole deposit back.
    await mined(
      wallet(carol).writeContract({
        account: carol,
        chain: null,
        address: chain.book.contracts.bountyBoard.address,
        abi: bountyBoardAbi,
        functionName: "reclaim",
        args: [chain.ids.bounties.topped, carol],
      }),
    );
    // Governance pauses Arbitration and extends the pause: its clock stands still.
    const timelock = chain.book.contracts.timelock.address;
    await chain.testClient.impersonateAccount({ address: timelock });
    await chain.testClient.setBalance({ address: timelock, value: parseEther("1") });
    const arbitrationByGovernance = getContract({
      address: chain.book.contracts.arbitration.address,
      abi: arbitrationAbi,
      client: { public: chain.publicClient, wallet: wallet(timelock) },
    });
    await mined(arbitrationByGovernance.write.pause());
    const pausedAt = (await chain.publicClient.getBlock()).timestamp;
    await mined(arbitrationByGovernance.write.extendPause([pausedAt + 30n * 86_400n]));
    await chain.testClient.stopImpersonatingAccount({ address: timelock });
    await chain.increaseTo(pausedAt + 3n * 86_400n);

    await waitUntilSynced(indexer, chain.url);
    const live = await get<ApiSplit>(`/splits/${address}`);
    expect(live.distributions.map((d) => d.payouts.map((p) => [p.account, p.amount]))).to.deep.equal([
      recipients.map((r) => [r, parseEther("0.1").toString()]),
    ]);
    const refunded = await get<ApiBountyDetail>(`/bounties/${chain.ids.bounties.topped}`);
    expect(
      refunded.fundings.filter((f) => f.funder === carol).map((f) => [f.refund, f.refundedTo, f.refundable]),
      "carol's refund",
    ).to.deep.equal([[parseEther("0.3").toString(), carol, "0"]]);
    const modules = await get<ApiModules>("/modules");
    await expectModulesAgreeWithChain(modules);
    const paused = modules.modules.find((m) => m.name === "Arbitration")!;
    expect([paused.paused, paused.pauseEndsAt, paused.moduleTime]).to.deep.equal([
      true,
      (pausedAt + 30n * 86_400n).toString(),
      pausedAt.toString(),
    ]);
    // Governance lifts the pause after three days: the clock runs again, three days behind.
    await chain.testClient.impersonateAccount({ address: timelock });
    await mined(arbitrationByGovernance.write.unpause());
    await chain.testClient.stopImpersonatingAccount({ address: timelock });
    const unpausedAt = (await chain.publicClient.getBlock()).timestamp;
    await chain.increaseTo(unpausedAt + 86_400n);
    await waitUntilSynced(indexer, chain.url);
    const lifted = await get<ApiModules>("/modules");
    await expectModulesAgreeWithChain(lifted);
    const running = lifted.modules.find((m) => m.name === "Arbitration")!;
    const now = (await chain.publicClient.getBlock()).timestamp;
    expect([running.paused, running.pauseEndsAt, running.moduleTime]).to.deep.equal([
      false,
      unpausedAt.toString(),
      (now - (unpausedAt - pausedAt)).toString(),
    ]);
    // The stream still vesting goes on with the escrow's clock.
    const { blockNumber, moduleTime, milestones } = await get<ModuleAnswer & { milestones: ApiMilestone[] }>(
      `/escrows/${chain.ids.escrows.atlas}`,
    );
    expect(moduleTime, "the escrow's clock").to.equal(
      (await views().escrow.read.pauseState({ blockNumber: BigInt(blockNumber) })).moduleTime.toString(),
    );
    const claimable = await views().escrow.read.claimable([chain.ids.escrows.atlas, 3n], {
      blockNumber: BigInt(blockNumber),
    });
    expect(milestones[3].stream!.claimable, "claimable()").to.equal(claimable.toString());
    scenario = { ...scenario, splits: [...scenario.splits, { address, config }] };
    await expectEarningsAgreeWithChain();
  });

  it("answers 400 to malformed ids, addresses and filters, 404 to what was never indexed", async function () {
    const { deployer, alice } = scenario.accounts;
    const cases: [string, number, RegExp][] = [
      ["/bounties/one", 400, /Bounty id must be a decimal integer/],
      ["/bounties/-1", 400, /Bounty id must be a decimal integer/],
      [`/bounties/${2n ** 256n}`, 400, /below 2\^256/],
      ["/bounties/99", 404, /No bounty 99/],
      ["/escrows/1.5", 400, /Escrow id must be a decimal integer/],
      ["/escrows/99", 404, /No escrow 99/],
      ["/disputes/0x01", 400, /Dispute id must be a decimal integer/],
      ["/disputes/99", 404, /No dispute 99/],
      ["/splits/0x1234", 400, /not an address/],
      [`/splits/${deployer}`, 404, /No split at/],
      ["/missions/first/funding", 400, /Mission id must be a decimal integer/],
      ["/missions/99/funding", 404, /No mission 99/],
      ["/accounts/alice/earnings", 400, /not an address/],
      [`/accounts/${alice}/earnings?token=eth`, 400, /not an address/],
      [`/accounts/${alice}/earnings?kind=salary`, 400, /kind must be one of bounty, milestone/],
    ];
    for (const [route, status, message] of cases) {
      const answer = await getJson<{ error: string; retryable: boolean }>(`${indexer.url}${route}`);
      expect(answer.status, route).to.equal(status);
      expect(answer.body.error, route).to.match(message);
      expect(answer.body.retryable, route).to.equal(false);
    }
  });
});
