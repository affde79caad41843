import { expect } from "chai";
import {
  erc20Abi,
  getAddress,
  getContractAddress,
  keccak256,
  parseEther,
  stringToBytes,
  zeroAddress,
  type Address,
  type Hex,
} from "viem";

import { AtlasContractError, AtlasInputError, predictSplitAddress, type SplitConfig } from "../../sdk/src/index.ts";
import { revenueSplitFactoryAbi } from "../../sdk/src/abi/index.ts";
import { networkHelpers } from "../helpers/governance.ts";
import { atlasFixture, publicClient, rejection, testbed, walletClientOf } from "./fixtures.ts";

const { loadFixture, time } = networkHelpers;

const DAY = 86_400n;
const ids = { north: 1n, south: 2n, west: 3n } as const;
const hash = (text: string): Hex => keccak256(stringToBytes(text));
/** The Arbitration periods of the default deployment (deploy/capital.ts). */
const APPEAL_WINDOW = 3n * DAY;
const RULING_PERIOD = 7n * DAY;
/** A unix time as the SDK's sentences write it (ISO 8601, UTC). */
const iso = (seconds: bigint) => new Date(Number(seconds) * 1000).toISOString().replace(".000Z", "Z");

async function send(hashPromise: Promise<Hex>): Promise<void> {
  await publicClient.waitForTransactionReceipt({ hash: await hashPromise });
}

async function now(): Promise<bigint> {
  return BigInt(await time.latest());
}

async function blockTime(receipt: { blockNumber: bigint }): Promise<bigint> {
  return (await publicClient.getBlock({ blockNumber: receipt.blockNumber })).timestamp;
}

/**
 * The stack with three sovereigns: north (alice, the mission's), south (bob) and west (carol),
 * which both others recognize and where frank holds the arbiter role; mission 1 of north, open,
 * managed by alice. Each sovereign's admin is its first member.
 */
async function world() {
  const t = await testbed(await atlasFixture());
  const { alice, bob, carol, frank } = t.accounts;
  for (const [admin, handle] of [
    [alice, "north"],
    [bob, "south"],
    [carol, "west"],
  ] as const) {
    await t.as(admin).graph.registerSovereign({ handle, metadataURI: `ipfs://${handle}`, metadataHash: hash(handle) });
  }
  for (const [admin, sovereignId] of [
    [alice, ids.north],
    [bob, ids.south],
  ] as const) {
    await t.as(carol).graph.recognize({ sovereignId: ids.west, otherId: sovereignId });
    await t.as(admin).graph.recognize({ sovereignId, otherId: ids.west });
  }
  await t.as(carol).graph.invite({ sovereignId: ids.west, account: frank });
  await t.as(frank).graph.acceptInvitation({ sovereignId: ids.west });
  await t.as(carol).graph.grantRole({ sovereignId: ids.west, account: frank, role: "arbiter" });
  const { missionId } = await t
    .as(alice)
    .graph.createMission({ sovereignId: ids.north, metadataURI: "ipfs://survey", metadataHash: hash("survey") });
  await t.as(alice).graph.transitionMission({ missionId, to: "open" });
  // The ERC-20 of the bounties, escrows and splits below: ATLAS, of which alice, bob, carol and dave
  // hold the genesis allocation.
  return { ...t, missionId, token: t.addresses.token };
}

type World = Awaited<ReturnType<typeof world>>;

const balanceOf = (w: World, account: Address) =>
  publicClient.readContract({ address: w.token, abi: erc20Abi, functionName: "balanceOf", args: [account] });

const approve = (w: World, owner: Address, spender: Address, amount: bigint) =>
  send(
    walletClientOf(owner).writeContract({
      address: w.token,
      abi: erc20Abi,
      functionName: "approve",
      args: [spender, amount],
    }),
  );

describe("SDK capital and interstate", function () {
  describe("bounties", function () {
    /** Bounty 1: 1,000 tokens from alice on mission 1 for 7 days; bob approved the board too. */
    async function bounty() {
      const w = await loadFixture(world);
      const { alice, bob } = w.accounts;
      await approve(w, alice, w.addresses.bountyBoard, 1_000n);
      await approve(w, bob, w.addresses.bountyBoard, 500n);
      const deadline = (await now()) + 7n * DAY;
      const created = await w.as(alice).capital.createBounty({
        missionId: w.missionId,
        token: w.token,
        amount: 1_000n,
        deadline,
        metadataURI: "ipfs://bounty",
        metadataHash: hash("bounty"),
      });
      return { ...w, bountyId: created.bountyId, created, deadline };
    }

    it("creates an ERC-20 bounty, tops it up, takes submissions, awards two winners and refunds the rest pro rata", async function () {
      const w = await loadFixture(bounty);
      const { alice, bob, eve, frank } = w.accounts;
      expect(w.bountyId, "bounty id").to.equal(1n);
      expect(w.created.credited, "credited at creation").to.equal(1_000n);

      const topUp = await w.as(bob).capital.fundBounty({ bountyId: w.bountyId, amount: 500n });
      expect([topUp.credited, topUp.contribution, topUp.funded], "top-up").to.deep.equal([500n, 500n, 1_500n]);

      await w.as(eve).capital.submitWork({ bountyId: w.bountyId, evidenceURI: "ipfs://eve", contentHash: hash("eve") });
      await w
        .as(frank)
        .capital.submitWork({ bountyId: w.bountyId, evidenceURI: "ipfs://frank", contentHash: hash("frank") });

      const [eveBefore, frankBefore] = [await balanceOf(w, eve), await balanceOf(w, frank)];
      const awarded = await w.as(alice).capital.awardBounty({
        bountyId: w.bountyId,
        awards: [
          { winner: eve, amount: 900n },
          { winner: frank, amount: 300n },
        ],
      });
      expect(awarded.remaining, "left to award").to.equal(300n);
      expect(awarded.deferred, "deferred payouts").to.deep.equal([]);
      expect(awarded.unrecorded, "awards the ledger refused").to.deep.equal([]);
      expect((await balanceOf(w, eve)) - eveBefore, "eve's award").to.equal(900n);
      expect((await balanceOf(w, frank)) - frankBefore, "frank's award").to.equal(300n);

      const read = await w.reader.capital.getBounty({ bountyId: w.bountyId });
      expect(read).to.deep.include({
        status: "open",
        token: w.token,
        missionId: w.missionId,
        sovereignId: ids.north,
        deadline: w.deadline,
        credential: undefined,
        submissionCount: 2,
        funded: 1_500n,
        awarded: 1_200n,
        refunded: 0n,
        remaining: 300n,
      });
      expect(await w.reader.capital.getBountySubmission({ bountyId: w.bountyId, account: eve })).to.deep.equal({
        contentHash: hash("eve"),
        awarded: 900n,
      });
      expect(await w.reader.capital.getBountySubmission({ bountyId: w.bountyId, account: bob })).to.equal(undefined);

      // After the deadline the 300 left go back pro rata: 1,000/1,500 to alice, 500/1,500 to bob.
      await time.increaseTo(w.deadline + 1n);
      expect((await w.reader.capital.getBounty({ bountyId: w.bountyId })).status, "status").to.equal("expired");
      expect(await w.reader.capital.getBountyContribution({ bountyId: w.bountyId, funder: alice })).to.deep.equal({
        amount: 1_000n,
        reclaimed: false,
        refund: 200n,
      });
      const aliceBefore = await balanceOf(w, alice);
      expect(
        (await w.as(alice).capital.reclaimBountyFunds({ bountyId: w.bountyId })).amount,
        "alice's refund",
      ).to.equal(200n);
      expect((await balanceOf(w, alice)) - aliceBefore, "alice's balance").to.equal(200n);
      const refund = await w.as(bob).capital.reclaimBountyFunds({ bountyId: w.bountyId, to: w.accounts.grace });
      expect(refund.amount, "bob's refund, sent to grace").to.equal(100n);
      expect(await balanceOf(w, w.accounts.grace), "grace's balance").to.equal(100n);
      expect((await w.reader.capital.getBounty({ bountyId: w.bountyId })).remaining, "left in the board").to.equal(0n);
    });

    it("rejects an award by an account that does not manage the mission with the contract's sentence", async function () {
      const w = await loadFixture(bounty);
      const { bob, eve } = w.accounts;
      await w.as(eve).capital.submitWork({ bountyId: w.bountyId, evidenceURI: "ipfs://eve", contentHash: hash("eve") });
      const error = await rejection(
        w.as(bob).capital.awardBounty({ bountyId: w.bountyId, awards: [{ winner: eve, amount: 1n }] }),
        AtlasContractError,
      );
      expect(error.errorName).to.equal("BountyNotMissionManager");
      expect(error.args).to.deep.equal([w.bountyId, w.missionId, bob]);
      expect(error.shortMessage).to.equal(`${bob} does not manage mission ${w.missionId} of bounty ${w.bountyId}.`);
    });

    it("decodes a missing approval (the token's ERC20InsufficientAllowance) and a registry error the board lets through", async function () {
      const w = await loadFixture(bounty);
      const board = w.addresses.bountyBoard;
      const dave = w.accounts.dave;
      const terms = {
        token: w.token,
        amount: 10n,
        deadline: w.deadline,
        metadataURI: "ipfs://b",
        metadataHash: hash("b"),
      };
      const allowance = await rejection(
        w.as(dave).capital.createBounty({ ...terms, missionId: w.missionId }),
        AtlasContractError,
      );
      expect(allowance.errorName).to.equal("ERC20InsufficientAllowance");
      expect(allowance.shortMessage).to.equal(
        `${board} may spend 0 of the token (in its smallest unit); the transfer needs 10: approve it first.`,
      );
      const unknown = await rejection(w.as(dave).capital.createBounty({ ...terms, missionId: 9n }), AtlasContractError);
      expect(unknown.errorName).to.equal("RegistryUnknownMission");
      expect(unknown.shortMessage).to.equal("No mission 9 exists.");
    });

    it("cancels a bounty with a submission until its first award, then no longer: BountyHasAwards", async function () {
      const w = await loadFixture(bounty);
      const { alice, dave, eve } = w.accounts;
      await w
        .as(eve)
        .capital.submitWork({ bountyId: w.bountyId, evidenceURI: "ipfs://junk", contentHash: hash("junk") });
      const { bountyId } = await w.as(dave).capital.createBounty({
        missionId: w.missionId,
        amount: parseEther("1"),
        deadline: w.deadline,
        metadataURI: "ipfs://eth",
        metadataHash: hash("eth"),
      });
      await w.as(eve).capital.submitWork({ bountyId, evidenceURI: "ipfs://junk", contentHash: hash("junk") });
      // One junk submission does not lock the funds: the manager cancels while nothing was awarded.
      await w.as(alice).capital.cancelBounty({ bountyId });
      expect(await w.reader.capital.getBounty({ bountyId })).to.deep.include({
        status: "cancelled",
        submissionCount: 1,
        funderCount: 1,
        reclaimCount: 0,
      });

      await w.as(alice).capital.awardBounty({ bountyId: w.bountyId, awards: [{ winner: eve, amount: 250n }] });
      const error = await rejection(w.as(alice).capital.cancelBounty({ bountyId: w.bountyId }), AtlasContractError);
      expect(error.errorName).to.equal("BountyHasAwards");
      expect(error.args).to.deep.equal([w.bountyId, 250n]);
      expect(error.shortMessage).to.equal(
        `Bounty ${w.bountyId} has already awarded 250: it can no longer be cancelled.`,
      );
    });

    it("creates an ETH bounty, cancels it before any submission and refunds its funder", async function () {
      const w = await loadFixture(bounty);
      const { alice, dave } = w.accounts;
      const { bountyId, credited } = await w.as(dave).capital.createBounty({
        missionId: w.missionId,
        amount: parseEther("1"),
        deadline: w.deadline,
        metadataURI: "ipfs://eth",
        metadataHash: hash("eth"),
      });
      expect(credited, "credited").to.equal(parseEther("1"));
      expect((await w.reader.capital.getBounty({ bountyId })).token, "ETH").to.equal(zeroAddress);
      await w.as(alice).capital.cancelBounty({ bountyId });
      const before = await publicClient.getBalance({ address: w.accounts.grace });
      const { amount } = await w.as(dave).capital.reclaimBountyFunds({ bountyId, to: w.accounts.grace });
      expect(amount, "refund").to.equal(parseEther("1"));
      expect((await publicClient.getBalance({ address: w.accounts.grace })) - before, "grace's ETH").to.equal(
        parseEther("1"),
      );
      expect(await w.reader.capital.getBountyWithdrawable({ account: dave })).to.equal(0n);
      const error = await rejection(w.as(dave).capital.withdrawFromBountyBoard(), AtlasContractError);
      expect(error.shortMessage).to.equal(`${dave} has no deferred payouts in ETH.`);
    });
  });

  describe("escrows and disputes", function () {
    /**
     * Escrow 1 in ETH, funded by alice (north; the mission's manager, so the deal is the mission's
     * own) for bob (south), verifier eve, no named arbiter: milestone 0 a 1 ETH lump, 1 a 0.6 ETH
     * stream over 60 days from tomorrow, 2 a 2 ETH lump. Bob has not accepted its terms yet.
     */
    async function offered() {
      const w = await loadFixture(world);
      const { alice, bob, eve } = w.accounts;
      const t = await now();
      const start = t + DAY;
      const end = start + 60n * DAY;
      const deadline = t + 10n * DAY;
      const created = await w.as(alice).capital.createEscrow({
        missionId: w.missionId,
        contributor: bob,
        verifier: eve,
        funderSovereign: ids.north,
        contributorSovereign: ids.south,
        reviewWindow: Number(3n * DAY),
        milestones: [
          { kind: "lump", amount: parseEther("1"), deadline },
          { kind: "streaming", amount: parseEther("0.6"), start, end },
          { kind: "lump", amount: parseEther("2"), deadline },
        ],
      });
      return { ...w, escrowId: created.escrowId, created, start, end, deadline };
    }

    /** {@link offered}, its terms accepted by bob. */
    async function escrow() {
      const w = await loadFixture(offered);
      await w.as(w.accounts.bob).capital.acceptEscrow({ escrowId: w.escrowId });
      return w;
    }

    /** On top of {@link escrow}: bob submitted milestone 2, alice disputed it, frank (west) was drawn and ruled 25% for alice. */
    async function ruled() {
      const w = await loadFixture(escrow);
      const { alice, bob, frank } = w.accounts;
      await w.as(bob).capital.submitMilestone({
        escrowId: w.escrowId,
        index: 2n,
        evidenceURI: "ipfs://m2",
        evidenceHash: hash("m2"),
      });
      const { disputeId } = await w.as(alice).capital.disputeMilestone({
        escrowId: w.escrowId,
        index: 2n,
        evidenceURI: "ipfs://claim",
        evidenceHash: hash("claim"),
      });
      const proposed = await w
        .as(w.accounts.dave)
        .interstate.proposeArbiter({ disputeId, arbiter: frank, sovereignId: ids.west });
      await w.as(bob).interstate.submitEvidence({ disputeId, uri: "ipfs://defence", hash: hash("defence") });
      const ruling = await w.as(frank).interstate.ruleDispute({ disputeId, shareToClaimant: 250_000 });
      return { ...w, disputeId, proposed, ruling };
    }

    it("releases a lump on the verifier's attestation, and claims a stream mid-way", async function () {
      const w = await loadFixture(escrow);
      const { alice, bob, carol, eve } = w.accounts;
      expect(w.created.escrowId, "escrow id").to.equal(1n);
      expect(w.created.feeBps, "protocol fee").to.equal(0);
      expect(await w.reader.capital.getEscrow({ escrowId: w.escrowId })).to.deep.equal({
        escrowId: 1n,
        missionId: w.missionId,
        funder: alice,
        contributor: bob,
        token: zeroAddress,
        verifier: eve,
        arbiter: undefined,
        funderSovereign: ids.north,
        contributorSovereign: ids.south,
        reviewWindow: Number(3n * DAY),
        feeBps: 0,
        milestoneCount: 3,
        endorsed: false,
        accepted: true,
      });

      // Milestone 0: submitted, attested by the verifier (graph action), released by anyone on that attestation.
      const { reviewEndsAt } = await w.as(bob).capital.submitMilestone({
        escrowId: w.escrowId,
        index: 0n,
        evidenceURI: "ipfs://m0",
        evidenceHash: hash("m0"),
      });
      const { uid } = await w.as(eve).graph.attestMilestoneVerification({
        escrowId: w.escrowId,
        milestoneIndex: 0n,
        approved: true,
        evidenceURI: "ipfs://check",
      });
      const bobBefore = await publicClient.getBalance({ address: bob });
      const released = await w.as(carol).capital.approveWithAttestation({ escrowId: w.escrowId, index: 0n, uid });
      expect([released.amount, released.fee], "release").to.deep.equal([parseEther("1"), 0n]);
      expect((await publicClient.getBalance({ address: bob })) - bobBefore, "bob's ETH").to.equal(parseEther("1"));
      const lump = await w.reader.capital.getMilestone({ escrowId: w.escrowId, index: 0n });
      expect(lump).to.deep.include({ kind: "lump", state: "released", released: parseEther("1"), dispute: undefined });
      expect(lump.kind === "lump" && lump.submittedAt, "submitted at").to.equal(reviewEndsAt - 3n * DAY);
      // The mission's own deal (its funder manages the mission) and bob a member of south, the
      // sovereign the deal names for him: the payout earns a whole milestone's points in north.
      expect(await w.reader.graph.getReputation({ sovereignId: ids.north, account: bob }), "bob's reputation").to.equal(
        100n,
      );

      // Halfway through the stream: what is claimable at the latest block, then a claim one block later.
      await time.increaseTo(w.start + 30n * DAY);
      expect(await w.reader.capital.getClaimable({ escrowId: w.escrowId, index: 1n }), "claimable").to.equal(
        parseEther("0.3"),
      );
      const claim = await w.as(bob).capital.claimStream({ escrowId: w.escrowId, index: 1n });
      const { timestamp } = await publicClient.getBlock({ blockNumber: claim.receipt.blockNumber });
      const vested = (parseEther("0.6") * (timestamp - w.start)) / (w.end - w.start);
      expect([claim.amount, claim.fee, claim.claimedTotal], "claim").to.deep.equal([vested, 0n, vested]);
      expect(await w.reader.capital.getMilestone({ escrowId: w.escrowId, index: 1n })).to.deep.equal({
        escrowId: w.escrowId,
        index: 1n,
        kind: "streaming",
        state: "funded",
        amount: parseEther("0.6"),
        released: vested,
        start: w.start,
        end: w.end,
        cancelledAt: undefined,
        dispute: undefined,
      });
      const stranger = await rejection(
        w.as(carol).capital.claimStream({ escrowId: w.escrowId, index: 1n }),
        AtlasContractError,
      );
      expect(stranger.shortMessage).to.equal(`${carol} is not the contributor of escrow ${w.escrowId}.`);
    });

    it("rules a dispute 25/75, finalizes it after the appeal window and lets both sides withdraw their shares", async function () {
      const w = await loadFixture(ruled);
      const { alice, bob, dave, frank, grace } = w.accounts;
      expect(w.proposed.round, "round of the drawn arbiter").to.equal(1);
      expect(w.ruling.round, "round ruled").to.equal(1);
      const dispute = await w.reader.interstate.getDispute({ disputeId: w.disputeId });
      expect(dispute).to.deep.include({
        disputeId: w.disputeId,
        status: "open",
        arbitrable: w.addresses.escrow,
        claimant: alice,
        respondent: bob,
        claimantSovereign: ids.north,
        respondentSovereign: ids.south,
        token: zeroAddress,
        amount: parseEther("2"),
        appealWindow: Number(APPEAL_WINDOW),
        rulingPeriod: Number(RULING_PERIOD),
        appealedAt: undefined,
        lastAppealAt: undefined,
        appellants: [],
        mover: alice,
        drawnByMover: false,
        appealDeadline: w.ruling.appealDeadline,
        appealLapsesAt: undefined,
        milestone: { escrowId: w.escrowId, index: 2n },
      });
      expect(dispute.rounds).to.have.length(1);
      expect(dispute.rounds[0]).to.deep.include({
        arbiter: frank,
        sovereignId: ids.west,
        fallbackArbiter: false,
        drawnBy: "other",
        ruling: { shareToClaimant: 250_000, ruledAt: w.ruling.appealDeadline! - APPEAL_WINDOW },
      });
      const milestone = await w.reader.capital.getMilestone({ escrowId: w.escrowId, index: 2n });
      expect(milestone).to.deep.include({ state: "disputed", dispute: { disputeId: w.disputeId, byFunder: true } });

      // Finalizable the second after the appeal window.
      const { finalizableAt } = await w.reader.interstate.getFinalizableAt({ disputeId: w.disputeId });
      expect(finalizableAt, "finalizable at").to.equal(w.ruling.appealDeadline! + 1n);
      const early = await rejection(
        w.as(dave).interstate.finalizeDispute({ disputeId: w.disputeId }),
        AtlasContractError,
      );
      expect(early.args).to.deep.equal([w.disputeId, finalizableAt]);
      expect(early.shortMessage).to.equal(
        `Dispute ${w.disputeId} has no final ruling yet: it can be finalized from ${iso(finalizableAt)} on.`,
      );
      await time.increaseTo(w.ruling.appealDeadline! + 1n);
      const finalized = await w.as(dave).interstate.finalizeDispute({ disputeId: w.disputeId });
      expect([finalized.shareToClaimant, finalized.decidingRound], "final ruling").to.deep.equal([250_000n, 1]);
      expect((await w.reader.interstate.getDispute({ disputeId: w.disputeId })).status).to.equal("finalized");
      const closed = await rejection(
        w.reader.interstate.getFinalizableAt({ disputeId: w.disputeId }),
        AtlasContractError,
      );
      expect(closed.shortMessage).to.equal(`Dispute ${w.disputeId} is finalized.`);
      expect((await w.reader.capital.getMilestone({ escrowId: w.escrowId, index: 2n })).state).to.equal("resolved");

      expect(await w.reader.capital.getEscrowWithdrawable({ account: alice }), "alice's credit").to.equal(
        parseEther("0.5"),
      );
      expect(await w.reader.capital.getEscrowWithdrawable({ account: bob }), "bob's credit").to.equal(
        parseEther("1.5"),
      );
      const graceBefore = await publicClient.getBalance({ address: grace });
      expect((await w.as(bob).capital.withdrawFromEscrow({ to: grace })).amount, "bob's withdrawal").to.equal(
        parseEther("1.5"),
      );
      expect((await publicClient.getBalance({ address: grace })) - graceBefore, "grace's ETH").to.equal(
        parseEther("1.5"),
      );
      expect((await w.as(alice).capital.withdrawFromEscrow()).amount, "alice's withdrawal").to.equal(parseEther("0.5"));
      expect(await w.reader.capital.getEscrowWithdrawable({ account: alice })).to.equal(0n);
    });

    it("appeals a first ruling: the dispute moves to round 2, which needs another arbiter", async function () {
      const w = await loadFixture(ruled);
      const { bob, frank } = w.accounts;
      // bob won 75%: the favoured party may appeal, and moves round 2 until the loser appeals too.
      const appealed = await w.as(bob).interstate.appealRuling({ disputeId: w.disputeId });
      const timestamp = await blockTime(appealed.receipt);
      expect([appealed.mover, appealed.lapsesAt], "mover and lapse").to.deep.equal([bob, timestamp + RULING_PERIOD]);
      const dispute = await w.reader.interstate.getDispute({ disputeId: w.disputeId });
      expect(dispute).to.deep.include({
        status: "appealed",
        appealedAt: timestamp,
        lastAppealAt: timestamp,
        appellants: [bob],
        mover: bob,
        appealDeadline: undefined,
        appealLapsesAt: timestamp + RULING_PERIOD,
      });
      expect(dispute.rounds).to.have.length(2);
      expect(dispute.rounds[1]).to.deep.equal({
        arbiter: undefined,
        sovereignId: undefined,
        fallbackArbiter: false,
        drawnBy: undefined,
        assignedAt: undefined,
        ruling: undefined,
      });
      const twice = await rejection(w.as(bob).interstate.appealRuling({ disputeId: w.disputeId }), AtlasContractError);
      expect(twice.args).to.deep.equal([w.disputeId, bob]);
      expect(twice.shortMessage).to.equal(`${bob} already appealed dispute ${w.disputeId}.`);
      const error = await rejection(
        w.as(bob).interstate.proposeArbiter({ disputeId: w.disputeId, arbiter: frank, sovereignId: ids.west }),
        AtlasContractError,
      );
      expect(error.errorName).to.equal("ArbitrationArbiterAlreadyServed");
      expect(error.shortMessage).to.equal(`${frank} already served in dispute ${w.disputeId}.`);
    });

    it("the round-1 winner cannot appeal away the loser's appeal: the loser joins and moves round 2", async function () {
      const w = await loadFixture(ruled);
      const { alice, bob, dave } = w.accounts;
      const [fallbackArbiter] = w.deployment.fallbackArbiters.map((signer) => getAddress(signer.address));
      await w.as(bob).interstate.appealRuling({ disputeId: w.disputeId });
      // Without a sovereign, only governance's fallback arbiters can be drawn.
      const notFallback = await rejection(
        w.as(bob).interstate.proposeArbiter({ disputeId: w.disputeId, arbiter: dave }),
        AtlasContractError,
      );
      expect(notFallback.errorName).to.equal("ArbitrationNotFallbackArbiter");
      expect(notFallback.shortMessage).to.equal(
        `${dave} is not a fallback arbiter: without a sovereign, only governance's fallback arbiters can be drawn.`,
      );
      // bob (the winner) draws a fallback arbiter for round 2.
      await w.as(bob).interstate.proposeArbiter({ disputeId: w.disputeId, arbiter: fallbackArbiter });
      const joined = await w.as(alice).interstate.appealRuling({ disputeId: w.disputeId });
      const timestamp = await blockTime(joined.receipt);
      expect([joined.mover, joined.lapsesAt], "alice, the loser, moves round 2").to.deep.equal([
        alice,
        timestamp + RULING_PERIOD,
      ]);
      const dispute = await w.reader.interstate.getDispute({ disputeId: w.disputeId });
      expect(dispute).to.deep.include({ appellants: [alice, bob], mover: alice, drawnByMover: false });
      expect(dispute.rounds[1]).to.deep.include({
        arbiter: fallbackArbiter,
        sovereignId: undefined,
        fallbackArbiter: true,
        drawnBy: "respondent",
      });
      // alice vetoes bob's arbiter at once with the other fallback arbiter; no one else may.
      const [, otherFallback] = w.deployment.fallbackArbiters.map((signer) => getAddress(signer.address));
      const keeper = await rejection(
        w.as(dave).interstate.proposeArbiter({ disputeId: w.disputeId, arbiter: otherFallback }),
        AtlasContractError,
      );
      expect(keeper.errorName).to.equal("ArbitrationArbiterAlreadyAssigned");
      expect(
        (await w.as(alice).interstate.proposeArbiter({ disputeId: w.disputeId, arbiter: otherFallback })).round,
      ).to.equal(2);
      expect(
        await w.reader.interstate.isFallbackArbiter({ account: otherFallback }),
        "a fallback arbiter",
      ).to.deep.equal({ fallbackArbiter: true, fallbackArbiterCount: 2n });
      expect(await w.reader.interstate.isFallbackArbiter({ account: dave })).to.deep.equal({
        fallbackArbiter: false,
        fallbackArbiterCount: 2n,
      });
    });

    it("has the contributor accept the terms before it submits work, once", async function () {
      const w = await loadFixture(offered);
      const { bob, carol } = w.accounts;
      const submission = { escrowId: w.escrowId, index: 0n, evidenceURI: "ipfs://m0", evidenceHash: hash("m0") };
      expect((await w.reader.capital.getEscrow({ escrowId: w.escrowId })).accepted, "accepted before").to.equal(false);
      const early = await rejection(w.as(bob).capital.submitMilestone(submission), AtlasContractError);
      expect(early.errorName).to.equal("EscrowTermsNotAccepted");
      expect(early.shortMessage).to.equal(
        `The contributor has not accepted the terms of escrow ${w.escrowId} yet: it accepts them before submitting work.`,
      );
      const stranger = await rejection(w.as(carol).capital.acceptEscrow({ escrowId: w.escrowId }), AtlasContractError);
      expect(stranger.shortMessage).to.equal(`${carol} is not the contributor of escrow ${w.escrowId}.`);

      await w.as(bob).capital.acceptEscrow({ escrowId: w.escrowId });
      expect((await w.reader.capital.getEscrow({ escrowId: w.escrowId })).accepted, "accepted after").to.equal(true);
      const again = await rejection(w.as(bob).capital.acceptEscrow({ escrowId: w.escrowId }), AtlasContractError);
      expect(again.shortMessage).to.equal(`The contributor already accepted the terms of escrow ${w.escrowId}.`);
      expect((await w.as(bob).capital.submitMilestone(submission)).reviewEndsAt, "submitted").to.be.a("bigint");
    });

    it("earns reputation only on the mission's own deal: a stranger's escrow pays but records no points until a manager endorses it", async function () {
      const w = await loadFixture(escrow);
      const { alice, bob, dave } = w.accounts;
      const notMember = await rejection(
        w.as(dave).capital.createEscrow({
          missionId: w.missionId,
          contributor: bob,
          funderSovereign: ids.north,
          reviewWindow: Number(DAY),
          milestones: [{ kind: "lump", amount: 1n, deadline: w.deadline }],
        }),
        AtlasContractError,
      );
      expect(notMember.args).to.deep.equal([ids.north, dave]);
      expect(notMember.shortMessage).to.equal(
        `${dave} is not a member of sovereign ${ids.north}, which the terms name for it.`,
      );

      // dave, no manager of the mission, pays bob (a member of south, which the deal names).
      const { escrowId } = await w.as(dave).capital.createEscrow({
        missionId: w.missionId,
        contributor: bob,
        contributorSovereign: ids.south,
        reviewWindow: Number(DAY),
        milestones: [
          { kind: "lump", amount: parseEther("0.1"), deadline: w.deadline },
          { kind: "lump", amount: parseEther("0.1"), deadline: w.deadline },
        ],
      });
      await w.as(bob).capital.acceptEscrow({ escrowId });
      const reputation = () => w.reader.graph.getReputation({ sovereignId: ids.north, account: bob });
      expect((await w.as(dave).capital.approveMilestone({ escrowId, index: 0n })).amount, "paid").to.equal(
        parseEther("0.1"),
      );
      expect(await reputation(), "no points for a bought deal").to.equal(0n);

      const byContributor = await rejection(w.as(bob).capital.endorseEscrow({ escrowId }), AtlasContractError);
      expect(byContributor.errorName).to.equal("EscrowNotMissionManager");
      expect(byContributor.shortMessage).to.equal(`${bob} is not a manager of mission ${w.missionId}.`);
      await w.as(alice).capital.endorseEscrow({ escrowId });
      expect(await w.reader.capital.getEscrow({ escrowId })).to.deep.include({ endorsed: true, accepted: true });
      const twice = await rejection(w.as(alice).capital.endorseEscrow({ escrowId }), AtlasContractError);
      expect(twice.shortMessage).to.equal(`Escrow ${escrowId} is already endorsed as its mission's own deal.`);
      await w.as(dave).capital.approveMilestone({ escrowId, index: 1n });
      expect(await reputation(), "a whole milestone's points once endorsed").to.equal(100n);
    });

    it("lets the funder cancel a stream mid-way: the contributor gets what vested and may dispute the rest; the funder reclaims it after the review window", async function () {
      const w = await loadFixture(escrow);
      const { alice, bob } = w.accounts;
      await time.increaseTo(w.start + 30n * DAY);
      const bobBefore = await publicClient.getBalance({ address: bob });
      const cancelled = await w.as(alice).capital.cancelStream({ escrowId: w.escrowId, index: 1n });
      const at = await blockTime(cancelled.receipt);
      const vested = (parseEther("0.6") * (at - w.start)) / (w.end - w.start);
      const rest = parseEther("0.6") - vested;
      expect(
        [cancelled.amount, cancelled.fee, cancelled.vested, cancelled.rest, cancelled.disputableUntil],
        "cancellation",
      ).to.deep.equal([vested, 0n, vested, rest, at + 3n * DAY]);
      expect((await publicClient.getBalance({ address: bob })) - bobBefore, "bob's ETH").to.equal(vested);
      expect(await w.reader.capital.getMilestone({ escrowId: w.escrowId, index: 1n })).to.deep.include({
        kind: "streaming",
        state: "cancelled",
        released: vested,
        cancelledAt: at,
        dispute: undefined,
      });

      const early = await rejection(
        w.as(alice).capital.reclaimMilestone({ escrowId: w.escrowId, index: 1n }),
        AtlasContractError,
      );
      expect(early.args).to.deep.equal([w.escrowId, 1n, at + 3n * DAY]);
      expect(early.shortMessage).to.equal(
        `The funder reviews milestone 1 of escrow ${w.escrowId} until ${iso(at + 3n * DAY)}.`,
      );
      const byFunder = await rejection(
        w.as(alice).capital.disputeMilestone({
          escrowId: w.escrowId,
          index: 1n,
          evidenceURI: "ipfs://mine",
          evidenceHash: hash("mine"),
        }),
        AtlasContractError,
      );
      expect(byFunder.errorName, "only the contributor disputes a cancellation").to.equal("EscrowOnlyContributor");

      await time.increaseTo(at + 3n * DAY);
      const aliceBefore = await publicClient.getBalance({ address: alice });
      const reclaimed = await w.as(alice).capital.reclaimMilestone({ escrowId: w.escrowId, index: 1n });
      const gas = reclaimed.receipt.gasUsed * reclaimed.receipt.effectiveGasPrice;
      expect(reclaimed.amount, "the unvested rest").to.equal(rest);
      expect((await publicClient.getBalance({ address: alice })) - aliceBefore + gas, "alice's ETH").to.equal(rest);
      expect((await w.reader.capital.getMilestone({ escrowId: w.escrowId, index: 1n })).state).to.equal("reclaimed");
      // The stream was recorded with its pro-rata points: 100 × vested / amount.
      expect(await w.reader.graph.getReputation({ sovereignId: ids.north, account: bob }), "bob's reputation").to.equal(
        (100n * vested) / parseEther("0.6"),
      );
    });

    it("lets the contributor dispute the unvested rest of a stream its funder cancelled", async function () {
      const w = await loadFixture(escrow);
      const { alice, bob } = w.accounts;
      await time.increaseTo(w.start + 15n * DAY);
      const { rest } = await w.as(alice).capital.cancelStream({ escrowId: w.escrowId, index: 1n });
      const { disputeId } = await w.as(bob).capital.disputeMilestone({
        escrowId: w.escrowId,
        index: 1n,
        evidenceURI: "ipfs://unfair",
        evidenceHash: hash("unfair"),
      });
      expect(await w.reader.interstate.getDispute({ disputeId })).to.deep.include({
        claimant: bob,
        respondent: alice,
        amount: rest,
        mover: bob,
        milestone: { escrowId: w.escrowId, index: 1n },
      });
      expect(await w.reader.capital.getMilestone({ escrowId: w.escrowId, index: 1n })).to.deep.include({
        state: "disputed",
        dispute: { disputeId, byFunder: false },
      });
    });

    it("lets the contributor end a stream early: the rest goes back to the funder at once", async function () {
      const w = await loadFixture(escrow);
      const { alice, bob } = w.accounts;
      await time.increaseTo(w.start + 6n * DAY);
      const claim = await w.as(bob).capital.claimStream({ escrowId: w.escrowId, index: 1n });
      const aliceBefore = await publicClient.getBalance({ address: alice });
      const ended = await w.as(bob).capital.cancelStream({ escrowId: w.escrowId, index: 1n });
      const at = await blockTime(ended.receipt);
      const vested = (parseEther("0.6") * (at - w.start)) / (w.end - w.start);
      expect([ended.amount, ended.vested, ended.rest, ended.disputableUntil], "ended").to.deep.equal([
        vested - claim.claimedTotal,
        vested,
        parseEther("0.6") - vested,
        undefined,
      ]);
      expect((await publicClient.getBalance({ address: alice })) - aliceBefore, "alice's ETH").to.equal(
        parseEther("0.6") - vested,
      );
      expect((await w.reader.capital.getMilestone({ escrowId: w.escrowId, index: 1n })).state).to.equal("reclaimed");
      const lump = await rejection(
        w.as(bob).capital.cancelStream({ escrowId: w.escrowId, index: 0n }),
        AtlasContractError,
      );
      expect(lump.shortMessage).to.equal(`Milestone 0 of escrow ${w.escrowId} is lump: not for this action.`);
    });

    it("refuses a stream that starts more than an hour before its creation", async function () {
      const w = await loadFixture(escrow);
      const start = (await now()) - 2n * 3_600n;
      const error = await rejection(
        w.as(w.accounts.alice).capital.createEscrow({
          missionId: w.missionId,
          contributor: w.accounts.bob,
          reviewWindow: Number(DAY),
          milestones: [{ kind: "streaming", amount: 1n, start, end: start + 10n * DAY }],
        }),
        AtlasContractError,
      );
      expect(error.errorName).to.equal("EscrowStreamStartTooEarly");
      const [index, given, earliest] = error.args as [bigint, bigint, bigint];
      expect([index, given], "milestone and start").to.deep.equal([0n, start]);
      expect(earliest - start, "an hour late at most").to.be.within(3_600n, 3_602n);
    });

    it("surfaces the escrow's sentence for a wrong caller, and reclaims a lump past its deadline", async function () {
      const w = await loadFixture(escrow);
      const { alice, carol } = w.accounts;
      const error = await rejection(
        w.as(carol).capital.approveMilestone({ escrowId: w.escrowId, index: 0n }),
        AtlasContractError,
      );
      expect(error.errorName).to.equal("EscrowOnlyFunder");
      expect(error.args).to.deep.equal([w.escrowId, carol]);
      expect(error.shortMessage).to.equal(`${carol} is not the funder of escrow ${w.escrowId}.`);
      const early = await rejection(
        w.as(alice).capital.reclaimMilestone({ escrowId: w.escrowId, index: 0n }),
        AtlasContractError,
      );
      expect(early.errorName).to.equal("EscrowDeadlineNotPassed");
      await time.increaseTo(w.deadline + 1n);
      expect((await w.as(alice).capital.reclaimMilestone({ escrowId: w.escrowId, index: 0n })).amount).to.equal(
        parseEther("1"),
      );
    });

    it("approves a lump as the funder, and funds a milestone of an escrow created unfunded", async function () {
      const w = await loadFixture(escrow);
      const { alice, bob } = w.accounts;
      expect((await w.as(alice).capital.approveMilestone({ escrowId: w.escrowId, index: 0n })).amount).to.equal(
        parseEther("1"),
      );
      await approve(w, alice, w.addresses.escrow, 700n);
      const { escrowId } = await w.as(alice).capital.createEscrow({
        missionId: w.missionId,
        contributor: bob,
        token: w.token,
        reviewWindow: Number(DAY),
        fund: false,
        milestones: [{ kind: "lump", amount: 700n, deadline: w.deadline }],
      });
      expect((await w.reader.capital.getMilestone({ escrowId, index: 0n })).state).to.equal("unfunded");
      expect((await w.as(alice).capital.fundMilestone({ escrowId, index: 0n })).amount).to.equal(700n);
      expect((await w.reader.capital.getMilestone({ escrowId, index: 0n })).state).to.equal("funded");
    });
  });

  describe("revenue splits", function () {
    function splitConfig(w: World): SplitConfig {
      const recipients = [w.accounts.alice, w.accounts.bob, w.accounts.carol].sort((a, b) =>
        BigInt(a) < BigInt(b) ? -1 : 1,
      );
      return { recipients, allocations: [500_000, 300_000, 200_000], distributorFee: 10_000 };
    }

    it("predicts a split's address off chain, as the factory does, creates it there, and distributes ETH and a token sent before", async function () {
      const w = await loadFixture(world);
      const { alice, dave, grace } = w.accounts;
      const config = splitConfig(w);
      const salt = hash("survey revenue");
      const predicted = w.reader.capital.predictSplitAddress({ config, controller: alice, salt });

      // The same address from the factory's own view, and from the standalone function.
      const [onChain, implementation] = await Promise.all([
        publicClient.readContract({
          address: w.addresses.splitFactory,
          abi: revenueSplitFactoryAbi,
          functionName: "predictSplitAddress",
          args: [config, alice, salt],
        }),
        publicClient.readContract({
          address: w.addresses.splitFactory,
          abi: revenueSplitFactoryAbi,
          functionName: "implementation",
        }),
      ]);
      expect(predicted.split, "the factory's prediction").to.equal(onChain);
      expect(getContractAddress({ from: w.addresses.splitFactory, nonce: 1n }), "implementation").to.equal(
        implementation,
      );
      expect(
        predictSplitAddress({ factory: w.addresses.splitFactory, implementation, config, controller: alice, salt }),
      ).to.deep.equal(predicted);
      expect(predicted.split, "another salt").not.to.equal(
        w.reader.capital.predictSplitAddress({ config, controller: alice }).split,
      );

      // Revenue arrives before the split exists.
      await send(walletClientOf(dave).sendTransaction({ to: predicted.split, value: parseEther("1") }));
      await send(
        walletClientOf(dave).writeContract({
          address: w.token,
          abi: erc20Abi,
          functionName: "transfer",
          args: [predicted.split, 1_000_001n],
        }),
      );

      const created = await w.as(dave).capital.createSplit({ config, controller: alice, salt });
      expect(created.split, "created at the predicted address").to.equal(predicted.split);
      expect(created.splitHash).to.equal(predicted.splitHash);
      expect(await w.reader.capital.getSplit({ split: created.split })).to.deep.equal({
        split: created.split,
        factory: w.addresses.splitFactory,
        controller: alice,
        splitHash: predicted.splitHash,
        config: { ...config, recipients: [...config.recipients] },
      });

      // ETH: 1% to grace (the distributor), the rest 50/30/20.
      const shares = (amount: bigint) => {
        const reward = (amount * 10_000n) / 1_000_000n;
        return { reward, shares: config.allocations.map((a) => ((amount - reward) * BigInt(a)) / 1_000_000n) };
      };
      const eth = shares(parseEther("1"));
      const ethBefore = await Promise.all(config.recipients.map((address) => publicClient.getBalance({ address })));
      const distributed = await w.as(grace).capital.distributeSplit({ split: created.split, config });
      expect([distributed.amount, distributed.distributorReward], "ETH distribution").to.deep.equal([
        parseEther("1"),
        eth.reward,
      ]);
      expect(distributed.deferred).to.deep.equal([]);
      const ethAfter = await Promise.all(config.recipients.map((address) => publicClient.getBalance({ address })));
      expect(
        ethAfter.map((after, i) => after - ethBefore[i]),
        "ETH shares",
      ).to.deep.equal(eth.shares);

      // The token, with the configuration read back from the split's events; the dust stays.
      const token = shares(1_000_001n);
      const tokenBefore = await Promise.all(config.recipients.map((a) => balanceOf(w, a)));
      const tokenDistribution = await w.as(grace).capital.distributeSplit({ split: created.split, token: w.token });
      expect(tokenDistribution.distributorReward, "token reward").to.equal(token.reward);
      const tokenAfter = await Promise.all(config.recipients.map((a) => balanceOf(w, a)));
      expect(
        tokenAfter.map((after, i) => after - tokenBefore[i]),
        "token shares",
      ).to.deep.equal(token.shares);
      const dust = 1_000_001n - token.reward - token.shares.reduce((sum, s) => sum + s, 0n);
      expect(
        await w.reader.capital.getSplitBalances({ split: created.split, token: w.token, account: alice }),
      ).to.deep.equal({ distributable: dust, totalPending: 0n, pending: 0n });
    });

    it("lets the controller update the split, and no one else", async function () {
      const w = await loadFixture(world);
      const { alice, bob, dave } = w.accounts;
      const config = splitConfig(w);
      const { split } = await w.as(dave).capital.createSplit({ config, controller: alice });
      const update: SplitConfig = { ...config, allocations: [400_000, 400_000, 200_000], distributorFee: 0 };
      const error = await rejection(w.as(bob).capital.updateSplit({ split, config: update }), AtlasContractError);
      expect(error.errorName).to.equal("SplitNotController");
      expect(error.shortMessage).to.equal(`${bob} does not control the split.`);
      const { splitHash } = await w.as(alice).capital.updateSplit({ split, config: update });
      const read = await w.reader.capital.getSplit({ split });
      expect(read.splitHash).to.equal(splitHash);
      expect(read.config, "the updated configuration, from its event").to.deep.equal({
        ...update,
        recipients: [...update.recipients],
      });
      await w.as(alice).capital.transferSplitControl({ split, newController: zeroAddress });
      expect((await w.reader.capital.getSplit({ split })).controller, "immutable now").to.equal(undefined);
      const nothing = await rejection(w.as(bob).capital.withdrawFromSplit({ split }), AtlasContractError);
      expect(nothing.shortMessage).to.equal(`The split owes ${bob} no ETH.`);
    });

    it("distributes under the current configuration before updating it, in one transaction", async function () {
      const w = await loadFixture(world);
      const { alice, dave } = w.accounts;
      const config = splitConfig(w);
      const { split } = await w.as(dave).capital.createSplit({ config, controller: alice });
      await send(walletClientOf(dave).sendTransaction({ to: split, value: parseEther("1") }));
      const update: SplitConfig = { ...config, allocations: [100_000, 100_000, 800_000], distributorFee: 0 };
      const before = await Promise.all(config.recipients.map((address) => publicClient.getBalance({ address })));
      // The current configuration is read back from the split's events.
      const updated = await w.as(alice).capital.updateSplit({ split, config: update, distributeFirst: [zeroAddress] });
      const reward = (parseEther("1") * 10_000n) / 1_000_000n;
      expect(updated.distributions, "the ETH distributed under the old configuration").to.deep.equal([
        { token: zeroAddress, amount: parseEther("1"), distributorReward: reward, deferred: [] },
      ]);
      const after = await Promise.all(config.recipients.map((address) => publicClient.getBalance({ address })));
      const gas = updated.receipt.gasUsed * updated.receipt.effectiveGasPrice;
      expect(
        config.recipients.map((recipient, i) => after[i] - before[i] + (recipient === alice ? gas : 0n)),
        "old shares (alice, the controller, also took the distributor's reward)",
      ).to.deep.equal(
        config.recipients.map(
          (recipient, i) =>
            ((parseEther("1") - reward) * BigInt(config.allocations[i])) / 1_000_000n +
            (recipient === alice ? reward : 0n),
        ),
      );
      expect((await w.reader.capital.getSplit({ split })).splitHash).to.equal(updated.splitHash);
      // A wrong current configuration is refused; the token has nothing to distribute and is skipped.
      const mismatch = await rejection(
        w.as(alice).capital.updateSplit({ split, config, distributeFirst: [zeroAddress], current: config }),
        AtlasContractError,
      );
      expect(mismatch.errorName).to.equal("SplitConfigMismatch");
      const skipped = await w
        .as(alice)
        .capital.updateSplit({ split, config, distributeFirst: [w.token], current: update });
      expect(skipped.distributions, "nothing to distribute").to.deep.equal([]);
    });

    it("lets a recipient that refused a payment withdraw its deferred share to another address", async function () {
      const w = await loadFixture(world);
      const { bob, dave, frank, grace } = w.accounts;
      const recipients = [bob, grace].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
      const config: SplitConfig = { recipients, allocations: [500_000, 500_000], distributorFee: 0 };
      const { split } = await w.as(dave).capital.createSplit({ config });
      await send(walletClientOf(dave).sendTransaction({ to: split, value: parseEther("1") }));
      // grace refuses ETH while the split distributes (code that reverts on any call), then is an account again.
      await networkHelpers.setCode(grace, "0x60006000fd");
      const distributed = await w.as(dave).capital.distributeSplit({ split, config });
      await networkHelpers.setCode(grace, "0x");
      expect(distributed.deferred).to.deep.equal([{ account: grace, amount: parseEther("0.5") }]);

      const forAnother = await rejection(
        w.as(dave).capital.withdrawFromSplit({ split, account: grace, to: frank }),
        AtlasInputError,
      );
      expect([forAnother.parameter, forAnother.shortMessage]).to.deep.equal([
        "to",
        `Only ${grace} itself can send its deferred payments elsewhere; the wallet account is ${dave}.`,
      ]);
      const nowhere = await rejection(
        w.as(grace).capital.withdrawFromSplit({ split, to: zeroAddress }),
        AtlasContractError,
      );
      expect(nowhere.shortMessage).to.equal("A withdrawal cannot go to the zero address.");

      const frankBefore = await publicClient.getBalance({ address: frank });
      const withdrawn = await w.as(grace).capital.withdrawFromSplit({ split, to: frank });
      expect([withdrawn.account, withdrawn.to, withdrawn.amount], "withdrawal").to.deep.equal([
        grace,
        frank,
        parseEther("0.5"),
      ]);
      expect((await publicClient.getBalance({ address: frank })) - frankBefore, "frank's ETH").to.equal(
        parseEther("0.5"),
      );
      expect(await w.reader.capital.getSplitBalances({ split, account: grace })).to.deep.include({ pending: 0n });
    });
  });

  describe("input validation", function () {
    async function nonce(account: Address) {
      return publicClient.getTransactionCount({ address: account, blockTag: "pending" });
    }

    it("refuses a split configuration the contract would refuse, before anything is sent", async function () {
      const w = await loadFixture(world);
      const { alice, dave } = w.accounts;
      const before = await nonce(dave);
      const config: SplitConfig = {
        recipients: [alice, w.accounts.bob].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)),
        allocations: [600_000, 400_000],
        distributorFee: 0,
      };

      const sum = await rejection(
        w.as(dave).capital.createSplit({ config: { ...config, allocations: [600_000, 300_000] } }),
        AtlasInputError,
      );
      expect([sum.parameter, sum.shortMessage]).to.deep.equal([
        "allocations",
        "Allocations sum to 900000, not to 1000000.",
      ]);

      const unsorted = await rejection(
        w.as(dave).capital.createSplit({ config: { ...config, recipients: [...config.recipients].reverse() } }),
        AtlasInputError,
      );
      expect(unsorted.parameter).to.equal("recipients[1]");
      expect(unsorted.shortMessage).to.equal(
        `Recipients must be sorted ascending: ${config.recipients[0]} (at 1) is below the one before it.`,
      );

      const duplicate = await rejection(
        w.as(dave).capital.createSplit({ config: { ...config, recipients: [alice, alice] } }),
        AtlasInputError,
      );
      expect(duplicate.shortMessage).to.equal(`${alice} appears twice (again at 1).`);

      const fee = await rejection(
        w.as(dave).capital.createSplit({ config: { ...config, distributorFee: 100_001 } }),
        AtlasInputError,
      );
      expect(fee.parameter).to.equal("distributorFee");

      expect(() => w.reader.capital.predictSplitAddress({ config: { ...config, allocations: [1, 2] } })).to.throw(
        AtlasInputError,
        "Allocations sum to 3, not to 1000000.",
      );
      expect(await nonce(dave), "nothing was sent").to.equal(before);
    });

    it("refuses addresses that are not addresses and out-of-range shares, before anything is sent", async function () {
      const w = await loadFixture(world);
      const { alice } = w.accounts;
      const before = await nonce(alice);
      const contributor = await rejection(
        w.as(alice).capital.createEscrow({
          missionId: w.missionId,
          contributor: "0x1234",
          reviewWindow: Number(DAY),
          milestones: [{ kind: "lump", amount: 1n, deadline: (await now()) + DAY }],
        }),
        AtlasInputError,
      );
      expect(contributor.parameter).to.equal("contributor");
      expect(contributor.shortMessage).to.equal(
        "contributor (0x1234) is not an address: 0x and 40 hexadecimal digits, with a valid checksum if it mixes cases.",
      );
      // Mixed case with a wrong checksum.
      const award = await rejection(
        w.as(alice).capital.awardBounty({
          bountyId: 1n,
          awards: [{ winner: `0x${"aB".repeat(20)}`, amount: 1n }],
        }),
        AtlasInputError,
      );
      expect(award.parameter).to.equal("awards[0].winner");
      const share = await rejection(
        w.as(alice).interstate.ruleDispute({ disputeId: 1n, shareToClaimant: 1_000_001 }),
        AtlasInputError,
      );
      expect(share.shortMessage).to.equal("shareToClaimant is 1000001; it must be 0 to 1000000.");
      const evidence = await rejection(
        w.as(alice).capital.submitWork({ bountyId: 1n, evidenceURI: "ipfs://x", contentHash: "0x12" }),
        AtlasInputError,
      );
      expect(evidence.parameter).to.equal("contentHash");
      expect(await nonce(alice), "nothing was sent").to.equal(before);
    });
  });
});
