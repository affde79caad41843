import { expect } from "chai";
import {
  erc20Abi,
  getContractAddress,
  keccak256,
  parseEther,
  stringToBytes,
  zeroAddress,
  type Address,
  type Hex,
} from "viem";

import {
  AtlasContractError,
  AtlasInputError,
  predictSplitAddress,
  revenueSplitFactoryAbi,
  type SplitConfig,
} from "../../sdk/src/index.ts";
import { networkHelpers } from "../helpers/governance.ts";
import { atlasFixture, publicClient, rejection, testbed, walletClientOf } from "./fixtures.ts";

const { loadFixture, time } = networkHelpers;

const DAY = 86_400n;
const ids = { north: 1n, south: 2n, west: 3n } as const;
const hash = (text: string): Hex => keccak256(stringToBytes(text));
/** The Arbitration appeal window of the default deployment (deploy/capital.ts). */
const APPEAL_WINDOW = 3n * DAY;

async function send(hashPromise: Promise<Hex>): Promise<void> {
  await publicClient.waitForTransactionReceipt({ hash: await hashPromise });
}

async function now(): Promise<bigint> {
  return BigInt(await time.latest());
}

/**
 * The stack with three sovereigns: north (alice, the mission's), south (bob) and west (carol),
 * which both others recognize and where frank holds the arbiter role; mission 1 of north, open,
 * managed by alice.
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
     * Escrow 1 in ETH, funded by alice (north) for bob (south), verifier eve, no named arbiter:
     * milestone 0 a 1 ETH lump, 1 a 0.6 ETH stream over 60 days from tomorrow, 2 a 2 ETH lump.
     */
    async function escrow() {
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
        appealedAt: undefined,
        appellant: undefined,
        appealDeadline: w.ruling.appealDeadline,
        milestone: { escrowId: w.escrowId, index: 2n },
      });
      expect(dispute.rounds).to.have.length(1);
      expect(dispute.rounds[0]).to.deep.include({
        arbiter: frank,
        sovereignId: ids.west,
        ruling: { shareToClaimant: 250_000, ruledAt: w.ruling.appealDeadline! - APPEAL_WINDOW },
      });
      const milestone = await w.reader.capital.getMilestone({ escrowId: w.escrowId, index: 2n });
      expect(milestone).to.deep.include({ state: "disputed", dispute: { disputeId: w.disputeId, byFunder: true } });

      const early = await rejection(
        w.as(dave).interstate.finalizeDispute({ disputeId: w.disputeId }),
        AtlasContractError,
      );
      expect(early.shortMessage).to.equal(`Dispute ${w.disputeId} has no final ruling yet.`);
      await time.increaseTo(w.ruling.appealDeadline! + 1n);
      const finalized = await w.as(dave).interstate.finalizeDispute({ disputeId: w.disputeId });
      expect([finalized.shareToClaimant, finalized.decidingRound], "final ruling").to.deep.equal([250_000n, 1]);
      expect((await w.reader.interstate.getDispute({ disputeId: w.disputeId })).status).to.equal("finalized");
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
      const { lapsesAt, receipt } = await w.as(bob).interstate.appealRuling({ disputeId: w.disputeId });
      const { timestamp } = await publicClient.getBlock({ blockNumber: receipt.blockNumber });
      const dispute = await w.reader.interstate.getDispute({ disputeId: w.disputeId });
      expect(dispute).to.deep.include({
        status: "appealed",
        appealedAt: timestamp,
        appellant: bob,
        appealDeadline: undefined,
      });
      expect(dispute.rounds).to.have.length(2);
      expect(dispute.rounds[1]).to.deep.equal({
        arbiter: undefined,
        sovereignId: undefined,
        assignedAt: undefined,
        ruling: undefined,
      });
      expect(lapsesAt, "lapses a ruling period later").to.be.greaterThan(timestamp);
      const error = await rejection(
        w.as(bob).interstate.proposeArbiter({ disputeId: w.disputeId, arbiter: frank, sovereignId: ids.west }),
        AtlasContractError,
      );
      expect(error.errorName).to.equal("ArbitrationArbiterAlreadyServed");
      expect(error.shortMessage).to.equal(`${frank} already served in dispute ${w.disputeId}.`);
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
