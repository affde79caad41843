import { expect } from "chai";
import { AbiCoder, ZeroAddress, ZeroHash, id } from "ethers";
import { anyValue } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";

import {
  CHAIN_ID,
  DAY,
  Kind,
  MILESTONE_KIND,
  MILESTONE_POINTS,
  MISSION,
  NORTH,
  REVIEW_WINDOW,
  RULING_PERIOD,
  Reason,
  SOUTH,
  State,
  WEST,
  at,
  attestMilestone,
  createEscrow,
  deployAnotherEscrow,
  escrowFixture,
  ethers,
  lump,
  networkHelpers,
  now,
  stream,
  terms,
  verificationData,
  withEscrow,
  type EscrowFixture,
} from "./fixtures.ts";
import { attest } from "../../helpers/graph.ts";

const { loadFixture } = networkHelpers;
const EVIDENCE = { uri: "ipfs://work", hash: id("work") };

describe("MilestoneEscrow", function () {
  describe("createEscrow", function () {
    it("stores a funded escrow, links it to the mission and pulls the sum of its milestones", async function () {
      const f = await loadFixture(escrowFixture);
      const t = await now();
      const milestones = [lump(1_000n, t + 10n * DAY), stream(600n, t + DAY, t + 61n * DAY)];
      const escrowAddress = await f.escrow.getAddress();
      const tx = f.escrow.connect(f.funder).createEscrow(terms(f), milestones);

      await expect(tx)
        .to.emit(f.escrow, "EscrowCreated")
        .withArgs(
          1n,
          MISSION,
          f.funder.address,
          f.contributor.address,
          f.tokenAddress,
          f.verifier.address,
          ZeroAddress,
          NORTH,
          SOUTH,
          REVIEW_WINDOW,
          0n,
          2n,
          f.funder.address,
        );
      await expect(tx)
        .to.emit(f.escrow, "MilestoneAdded")
        .withArgs(1n, 0n, Kind.Lump, 1_000n, t + 10n * DAY, 0n, 0n, true);
      await expect(tx)
        .to.emit(f.escrow, "MilestoneAdded")
        .withArgs(1n, 1n, Kind.Streaming, 600n, 0n, t + DAY, t + 61n * DAY, true);
      await expect(tx).to.emit(f.registry, "MissionFundingLinked").withArgs(MISSION, escrowAddress, 1n);
      await expect(tx).to.changeTokenBalances(ethers, f.token, [f.funder, f.escrow], [-1_600n, 1_600n]);

      expect(await f.escrow.escrowCount()).to.equal(1n);
      const escrow = await f.escrow.getEscrow(1n);
      expect(escrow.missionId).to.equal(MISSION);
      expect(escrow.funder).to.equal(f.funder.address);
      expect(escrow.contributor).to.equal(f.contributor.address);
      expect(escrow.token).to.equal(f.tokenAddress);
      expect(escrow.verifier).to.equal(f.verifier.address);
      expect(escrow.arbiter).to.equal(ZeroAddress);
      expect(escrow.funderSovereign).to.equal(NORTH);
      expect(escrow.contributorSovereign).to.equal(SOUTH);
      expect(escrow.reviewWindow).to.equal(REVIEW_WINDOW);
      expect(escrow.feeBps).to.equal(0n);
      expect(escrow.milestoneCount).to.equal(2n);
      // The funder's own deal: not the mission's (no manager made it), not accepted yet.
      expect(escrow.endorsed).to.equal(false);
      expect(escrow.accepted).to.equal(false);
      const first = await f.escrow.getMilestone(1n, 0n);
      expect([first.amount, first.kind, first.state, first.deadline, first.start, first.end]).to.deep.equal([
        1_000n,
        BigInt(Kind.Lump),
        State.Funded,
        t + 10n * DAY,
        0n,
        0n,
      ]);
      const second = await f.escrow.getMilestone(1n, 1n);
      expect([second.amount, second.kind, second.state, second.deadline, second.start, second.end]).to.deep.equal([
        600n,
        BigInt(Kind.Streaming),
        State.Funded,
        0n,
        t + DAY,
        t + 61n * DAY,
      ]);
    });

    it("lets a mission manager create an unfunded escrow for another funder", async function () {
      const f = await loadFixture(escrowFixture);
      const t = await now();
      const tx = f.escrow
        .connect(f.manager)
        .createEscrow(terms(f, { fund: false, verifier: ZeroAddress, arbiter: f.arbiter.address }), [
          lump(500n, t + DAY),
        ]);
      await expect(tx)
        .to.emit(f.escrow, "EscrowCreated")
        .withArgs(
          1n,
          MISSION,
          f.funder.address,
          f.contributor.address,
          f.tokenAddress,
          ZeroAddress,
          f.arbiter.address,
          NORTH,
          SOUTH,
          REVIEW_WINDOW,
          0n,
          1n,
          f.manager.address,
        );
      await expect(tx)
        .to.emit(f.escrow, "MilestoneAdded")
        .withArgs(1n, 0n, Kind.Lump, 500n, t + DAY, 0n, 0n, false);
      await expect(tx).to.changeTokenBalances(ethers, f.token, [f.funder, f.escrow], [0n, 0n]);
      expect((await f.escrow.getMilestone(1n, 0n)).state).to.equal(State.Unfunded);
      const escrow = await f.escrow.getEscrow(1n);
      expect(escrow.arbiter).to.equal(f.arbiter.address);
      // A manager's deal is the mission's own; the contributor still has to accept it.
      expect(escrow.endorsed).to.equal(true);
      expect(escrow.accepted).to.equal(false);
    });

    it("takes ETH sent with the call for an ETH escrow", async function () {
      const f = await loadFixture(escrowFixture);
      const t = await now();
      const tx = f.escrow
        .connect(f.funder)
        .createEscrow(terms(f, { token: ZeroAddress }), [lump(7n, t + DAY), lump(3n, t + DAY)], { value: 10n });
      await expect(tx).to.changeEtherBalances(ethers, [f.funder, f.escrow], [-10n, 10n]);
    });

    it("rejects an escrow without milestones or with more than 32", async function () {
      const f = await loadFixture(escrowFixture);
      const t = await now();
      await expect(f.escrow.connect(f.funder).createEscrow(terms(f), []))
        .to.be.revertedWithCustomError(f.escrow, "EscrowInvalidMilestoneCount")
        .withArgs(0n, 32n);
      const many = Array.from({ length: 33 }, () => lump(1n, t + DAY));
      await expect(f.escrow.connect(f.funder).createEscrow(terms(f), many))
        .to.be.revertedWithCustomError(f.escrow, "EscrowInvalidMilestoneCount")
        .withArgs(33n, 32n);
    });

    it("rejects missing, identical or conflicted parties", async function () {
      const f = await loadFixture(escrowFixture);
      const m = [lump(1n, (await now()) + DAY)];
      const create = (overrides: Parameters<typeof terms>[1]) =>
        f.escrow.connect(f.funder).createEscrow(terms(f, overrides), m);
      await expect(create({ contributor: ZeroAddress })).to.be.revertedWithCustomError(f.escrow, "EscrowZeroParty");
      await expect(create({ funder: ZeroAddress, fund: false })).to.be.revertedWithCustomError(
        f.escrow,
        "EscrowZeroParty",
      );
      await expect(create({ contributor: f.funder.address }))
        .to.be.revertedWithCustomError(f.escrow, "EscrowFunderIsContributor")
        .withArgs(f.funder.address);
      await expect(create({ verifier: f.contributor.address }))
        .to.be.revertedWithCustomError(f.escrow, "EscrowVerifierIsContributor")
        .withArgs(f.contributor.address);
      await expect(create({ arbiter: f.funder.address }))
        .to.be.revertedWithCustomError(f.escrow, "EscrowArbiterIsParty")
        .withArgs(f.funder.address);
      await expect(create({ arbiter: f.contributor.address }))
        .to.be.revertedWithCustomError(f.escrow, "EscrowArbiterIsParty")
        .withArgs(f.contributor.address);
    });

    it("rejects a review window outside 1 hour to 90 days and a token without code", async function () {
      const f = await loadFixture(escrowFixture);
      const m = [lump(1n, (await now()) + DAY)];
      const create = (overrides: Parameters<typeof terms>[1]) =>
        f.escrow.connect(f.funder).createEscrow(terms(f, overrides), m);
      await expect(create({ reviewWindow: 3_599n }))
        .to.be.revertedWithCustomError(f.escrow, "EscrowInvalidReviewWindow")
        .withArgs(3_599n, 3_600n, 90n * DAY);
      await expect(create({ reviewWindow: 90n * DAY + 1n }))
        .to.be.revertedWithCustomError(f.escrow, "EscrowInvalidReviewWindow")
        .withArgs(90n * DAY + 1n, 3_600n, 90n * DAY);
      await expect(create({ token: f.stranger.address }))
        .to.be.revertedWithCustomError(f.escrow, "EscrowTokenNotContract")
        .withArgs(f.stranger.address);
    });

    it("lets only the funder or a mission manager create, and only the funder fund", async function () {
      const f = await loadFixture(escrowFixture);
      const m = [lump(1n, (await now()) + DAY)];
      await expect(f.escrow.connect(f.stranger).createEscrow(terms(f, { fund: false }), m))
        .to.be.revertedWithCustomError(f.escrow, "EscrowNotCreator")
        .withArgs(MISSION, f.stranger.address);
      await expect(f.escrow.connect(f.manager).createEscrow(terms(f), m))
        .to.be.revertedWithCustomError(f.escrow, "EscrowFundingNotByFunder")
        .withArgs(f.manager.address, f.funder.address);
    });

    it("rejects zero amounts, past deadlines, bad streams and times of the other kind", async function () {
      const f = await loadFixture(escrowFixture);
      const t = await now();
      const create = (milestones: ReturnType<typeof lump>[]) =>
        f.escrow.connect(f.funder).createEscrow(terms(f), milestones);
      await expect(create([lump(1n, t + DAY), lump(0n, t + DAY)]))
        .to.be.revertedWithCustomError(f.escrow, "EscrowZeroAmount")
        .withArgs(1n);
      await expect(create([lump(1n, t + 1n)]))
        .to.be.revertedWithCustomError(f.escrow, "EscrowDeadlineInPast")
        .withArgs(0n, t + 1n);
      await expect(create([stream(1n, t + DAY, t + DAY)]))
        .to.be.revertedWithCustomError(f.escrow, "EscrowInvalidStream")
        .withArgs(0n, t + DAY, t + DAY);
      await expect(create([stream(1n, t - DAY, t + 1n)]))
        .to.be.revertedWithCustomError(f.escrow, "EscrowInvalidStream")
        .withArgs(0n, t - DAY, t + 1n);
      await expect(create([{ ...lump(1n, t + DAY), end: t + 2n * DAY }]))
        .to.be.revertedWithCustomError(f.escrow, "EscrowTimesNotForKind")
        .withArgs(0n, Kind.Lump);
      await expect(create([{ ...stream(1n, t + DAY, t + 2n * DAY), deadline: t + DAY }]))
        .to.be.revertedWithCustomError(f.escrow, "EscrowTimesNotForKind")
        .withArgs(0n, Kind.Streaming);
    });

    it("rejects amounts from 2^88 and times after 2^32 - 1 (one packed slot per milestone), and takes the limits", async function () {
      const f = await loadFixture(escrowFixture);
      const t = await now();
      const create = (milestones: ReturnType<typeof lump>[]) =>
        f.escrow.connect(f.funder).createEscrow(terms(f, { fund: false }), milestones);
      const maxAmount = 2n ** 88n - 1n;
      const maxTime = 2n ** 32n - 1n;
      await expect(create([lump(1n, t + DAY), lump(maxAmount + 1n, t + DAY)]))
        .to.be.revertedWithCustomError(f.escrow, "EscrowAmountTooLarge")
        .withArgs(1n, maxAmount + 1n, maxAmount);
      await expect(create([lump(1n, maxTime + 1n)]))
        .to.be.revertedWithCustomError(f.escrow, "EscrowTimeTooLate")
        .withArgs(0n, maxTime + 1n, maxTime);
      await expect(create([stream(1n, t + DAY, maxTime + 1n)]))
        .to.be.revertedWithCustomError(f.escrow, "EscrowTimeTooLate")
        .withArgs(0n, maxTime + 1n, maxTime);
      await create([lump(maxAmount, maxTime), stream(maxAmount, maxTime - 1n, maxTime)]);
      const id = await f.escrow.escrowCount();
      const [lumpMilestone, streamMilestone] = [
        await f.escrow.getMilestone(id, 0n),
        await f.escrow.getMilestone(id, 1n),
      ];
      expect([lumpMilestone.amount, lumpMilestone.deadline]).to.deep.equal([maxAmount, maxTime]);
      expect([streamMilestone.amount, streamMilestone.start, streamMilestone.end]).to.deep.equal([
        maxAmount,
        maxTime - 1n,
        maxTime,
      ]);
    });

    it("rejects ETH that does not match what is due", async function () {
      const f = await loadFixture(escrowFixture);
      const m = [lump(10n, (await now()) + DAY)];
      await expect(f.escrow.connect(f.funder).createEscrow(terms(f, { token: ZeroAddress }), m, { value: 9n }))
        .to.be.revertedWithCustomError(f.escrow, "EscrowWrongValue")
        .withArgs(10n, 9n);
      await expect(f.escrow.connect(f.funder).createEscrow(terms(f), m, { value: 1n }))
        .to.be.revertedWithCustomError(f.escrow, "EscrowWrongValue")
        .withArgs(0n, 1n);
      await expect(f.escrow.connect(f.funder).createEscrow(terms(f, { fund: false }), m, { value: 1n }))
        .to.be.revertedWithCustomError(f.escrow, "EscrowWrongValue")
        .withArgs(0n, 1n);
    });

    it("rejects a mission that is closed or unknown (the registry's errors)", async function () {
      const f = await loadFixture(escrowFixture);
      const m = [lump(1n, (await now()) + DAY)];
      await expect(f.escrow.connect(f.funder).createEscrow(terms(f, { missionId: 9n }), m))
        .to.be.revertedWithCustomError(f.registry, "RegistryUnknownMission")
        .withArgs(9n);
      await f.registry.connect(f.manager).transitionMission(MISSION, 5);
      await expect(f.escrow.connect(f.funder).createEscrow(terms(f), m))
        .to.be.revertedWithCustomError(f.registry, "RegistryMissionClosed")
        .withArgs(MISSION, 5n);
    });

    it("does nothing while paused", async function () {
      const f = await loadFixture(escrowFixture);
      await f.escrow.connect(f.guardian).pause();
      await expect(
        f.escrow.connect(f.funder).createEscrow(terms(f), [lump(1n, (await now()) + DAY)]),
      ).to.be.revertedWithCustomError(f.escrow, "EnforcedPause");
    });

    it("a sovereign named for a party must contain it", async function () {
      const f = await loadFixture(escrowFixture);
      const m = [lump(1n, (await now()) + DAY)];
      const create = (overrides: Parameters<typeof terms>[1]) =>
        f.escrow.connect(f.funder).createEscrow(terms(f, overrides), m);
      // The funder is of north, the contributor of south: each named for the other is refused.
      await expect(create({ funderSovereign: SOUTH }))
        .to.be.revertedWithCustomError(f.escrow, "EscrowPartyNotInSovereign")
        .withArgs(SOUTH, f.funder.address);
      await expect(create({ contributorSovereign: NORTH }))
        .to.be.revertedWithCustomError(f.escrow, "EscrowPartyNotInSovereign")
        .withArgs(NORTH, f.contributor.address);
      await expect(create({ contributorSovereign: WEST }))
        .to.be.revertedWithCustomError(f.escrow, "EscrowPartyNotInSovereign")
        .withArgs(WEST, f.contributor.address);
      // A manager creating the deal is held to the same rule for the funder it names.
      await expect(f.escrow.connect(f.manager).createEscrow(terms(f, { funder: f.westMember.address, fund: false }), m))
        .to.be.revertedWithCustomError(f.escrow, "EscrowPartyNotInSovereign")
        .withArgs(NORTH, f.westMember.address);
      // Naming no sovereign (0) names nobody's.
      await create({ funderSovereign: 0n, contributorSovereign: 0n });
      expect(await f.escrow.escrowCount()).to.equal(1n);
    });

    it("a stream cannot start in the past beyond the tolerance", async function () {
      const f = await loadFixture(escrowFixture);
      expect(await f.escrow.STREAM_START_TOLERANCE()).to.equal(3_600n);
      const t = (await now()) + 100n;
      await at(t);
      await expect(f.escrow.connect(f.funder).createEscrow(terms(f), [stream(2_400n, t - 3_601n, t + 3_600n)]))
        .to.be.revertedWithCustomError(f.escrow, "EscrowStreamStartTooEarly")
        .withArgs(0n, t - 3_601n, t - 3_600n);
      // Exactly the tolerance before the creation's block (the refused call mined none) is accepted.
      await expect(f.escrow.connect(f.funder).createEscrow(terms(f), [stream(2_400n, t - 3_600n, t + 3_600n)]))
        .to.emit(f.escrow, "MilestoneAdded")
        .withArgs(1n, 0n, Kind.Streaming, 2_400n, 0n, t - 3_600n, t + 3_600n, true);
      expect(await now()).to.equal(t);
      // It vests from its start: half of it at once.
      expect(await f.escrow.claimable(1n, 0n)).to.equal(1_200n);
    });

    it("records a contributor who creates the deal as a mission manager as having accepted it", async function () {
      const f = await loadFixture(escrowFixture);
      // alice manages the mission and is a member of north, which the deal names for her.
      const tx = f.escrow
        .connect(f.manager)
        .createEscrow(terms(f, { contributor: f.manager.address, contributorSovereign: NORTH, fund: false }), [
          lump(10n, (await now()) + DAY),
        ]);
      await expect(tx).to.emit(f.escrow, "EscrowEndorsed").withArgs(1n, f.manager.address);
      await expect(tx).to.emit(f.escrow, "EscrowAccepted").withArgs(1n, f.manager.address);
      const escrow = await f.escrow.getEscrow(1n);
      expect([escrow.endorsed, escrow.accepted]).to.deep.equal([true, true]);
      await f.escrow.connect(f.funder).fundMilestone(1n, 0n);
      await expect(f.escrow.connect(f.manager).submitMilestone(1n, 0n, EVIDENCE.uri, EVIDENCE.hash)).to.emit(
        f.escrow,
        "MilestoneSubmitted",
      );
    });
  });

  describe("acceptEscrow", function () {
    it("the contributor accepts the terms before its first submission", async function () {
      const f = await loadFixture(escrowFixture);
      const { escrowId } = await createEscrow(f, terms(f), [lump(1_000n, (await now()) + DAY)]);
      await expect(f.escrow.connect(f.contributor).submitMilestone(escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash))
        .to.be.revertedWithCustomError(f.escrow, "EscrowTermsNotAccepted")
        .withArgs(escrowId);
      await expect(f.escrow.connect(f.contributor).acceptEscrow(escrowId))
        .to.emit(f.escrow, "EscrowAccepted")
        .withArgs(escrowId, f.contributor.address);
      expect((await f.escrow.getEscrow(escrowId)).accepted).to.equal(true);
      await expect(f.escrow.connect(f.contributor).submitMilestone(escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash)).to.emit(
        f.escrow,
        "MilestoneSubmitted",
      );
    });

    it("rejects a second acceptance, anyone but the contributor, unknown escrows and a pause", async function () {
      const f = await withEscrow();
      await expect(f.escrow.connect(f.contributor).acceptEscrow(f.escrowId))
        .to.be.revertedWithCustomError(f.escrow, "EscrowAlreadyAccepted")
        .withArgs(f.escrowId);
      const { escrowId } = await createEscrow(f, terms(f), [lump(1n, (await now()) + DAY)]);
      for (const caller of [f.funder, f.verifier, f.manager, f.stranger]) {
        await expect(f.escrow.connect(caller).acceptEscrow(escrowId))
          .to.be.revertedWithCustomError(f.escrow, "EscrowOnlyContributor")
          .withArgs(escrowId, caller.address);
      }
      await expect(f.escrow.connect(f.contributor).acceptEscrow(9n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowUnknownEscrow")
        .withArgs(9n);
      await f.escrow.connect(f.guardian).pause();
      await expect(f.escrow.connect(f.contributor).acceptEscrow(escrowId)).to.be.revertedWithCustomError(
        f.escrow,
        "EnforcedPause",
      );
      expect((await f.escrow.getEscrow(escrowId)).accepted).to.equal(false);
    });

    it("is not needed for payouts the funder or the verifier makes without a submission", async function () {
      const f = await loadFixture(escrowFixture);
      const t = await now();
      const { escrowId } = await createEscrow(f, terms(f), [lump(1_000n, t + DAY), lump(500n, t + DAY)]);
      await expect(f.escrow.connect(f.funder).approveMilestone(escrowId, 0n)).to.changeTokenBalances(
        ethers,
        f.token,
        [f.contributor],
        [1_000n],
      );
      const uid = await attestMilestone(f, escrowId, 1n);
      await expect(f.escrow.approveWithAttestation(escrowId, 1n, uid)).to.changeTokenBalances(
        ethers,
        f.token,
        [f.contributor],
        [500n],
      );
      expect((await f.escrow.getEscrow(escrowId)).accepted).to.equal(false);
    });
  });

  describe("endorseEscrow", function () {
    it("makes a funder's deal the mission's own: its payouts then earn reputation", async function () {
      const f = await withEscrow();
      await expect(f.escrow.connect(f.manager).endorseEscrow(f.escrowId))
        .to.emit(f.escrow, "EscrowEndorsed")
        .withArgs(f.escrowId, f.manager.address);
      expect((await f.escrow.getEscrow(f.escrowId)).endorsed).to.equal(true);
      await expect(f.escrow.connect(f.funder).approveMilestone(f.escrowId, 0n))
        .to.emit(f.ledger, "ContributionRecorded")
        .withArgs(anyValue, f.contributor.address, NORTH, 1_000n, MILESTONE_POINTS, 1n, MILESTONE_POINTS, anyValue);
      expect(await f.ledger.reputationOf(NORTH, f.contributor.address)).to.equal(MILESTONE_POINTS);
    });

    it("rejects anyone but a mission manager, a second endorsement, unknown escrows and a pause", async function () {
      const f = await withEscrow();
      // The funder, a member of north, does not manage its mission; neither do the others.
      for (const caller of [f.funder, f.contributor, f.verifier, f.northArbiter, f.stranger, f.bob]) {
        await expect(f.escrow.connect(caller).endorseEscrow(f.escrowId))
          .to.be.revertedWithCustomError(f.escrow, "EscrowNotMissionManager")
          .withArgs(MISSION, caller.address);
      }
      await expect(f.escrow.connect(f.manager).endorseEscrow(9n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowUnknownEscrow")
        .withArgs(9n);
      await f.escrow.connect(f.manager).endorseEscrow(f.escrowId);
      await expect(f.escrow.connect(f.manager).endorseEscrow(f.escrowId))
        .to.be.revertedWithCustomError(f.escrow, "EscrowAlreadyEndorsed")
        .withArgs(f.escrowId);
      // A deal a manager created is endorsed already, and says so when it is created.
      const { escrowId, tx } = await createEscrow(f, terms(f, { fund: false }), [lump(1n, (await now()) + DAY)], {
        from: f.manager,
      });
      await expect(tx).to.emit(f.escrow, "EscrowEndorsed").withArgs(escrowId, f.manager.address);
      await expect(tx).not.to.emit(f.escrow, "EscrowAccepted");
      await expect(f.escrow.connect(f.manager).endorseEscrow(escrowId))
        .to.be.revertedWithCustomError(f.escrow, "EscrowAlreadyEndorsed")
        .withArgs(escrowId);
      const { escrowId: third } = await createEscrow(f, terms(f), [lump(1n, (await now()) + DAY)]);
      await f.escrow.connect(f.guardian).pause();
      await expect(f.escrow.connect(f.manager).endorseEscrow(third)).to.be.revertedWithCustomError(
        f.escrow,
        "EnforcedPause",
      );
    });
  });

  describe("fundMilestone", function () {
    async function unfunded() {
      const f = await loadFixture(escrowFixture);
      const t = await now();
      const { escrowId } = await createEscrow(
        f,
        terms(f, { fund: false }),
        [lump(1_000n, t + 10n * DAY), stream(600n, t + DAY, t + 61n * DAY)],
        { from: f.manager },
      );
      return { ...f, escrowId, deadline: t + 10n * DAY };
    }

    it("funds one milestone with its exact amount", async function () {
      const f = await unfunded();
      const tx = f.escrow.connect(f.funder).fundMilestone(f.escrowId, 1n);
      await expect(tx).to.emit(f.escrow, "MilestoneFunded").withArgs(f.escrowId, 1n, f.funder.address, 600n);
      await expect(tx).to.changeTokenBalances(ethers, f.token, [f.funder, f.escrow], [-600n, 600n]);
      expect((await f.escrow.getMilestone(f.escrowId, 1n)).state).to.equal(State.Funded);
      expect((await f.escrow.getMilestone(f.escrowId, 0n)).state).to.equal(State.Unfunded);
    });

    it("rejects anyone but the funder, a funded milestone, a passed deadline and unknown ids", async function () {
      const f = await unfunded();
      await expect(f.escrow.connect(f.manager).fundMilestone(f.escrowId, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowOnlyFunder")
        .withArgs(f.escrowId, f.manager.address);
      await f.escrow.connect(f.funder).fundMilestone(f.escrowId, 0n);
      await expect(f.escrow.connect(f.funder).fundMilestone(f.escrowId, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneAlreadyFunded")
        .withArgs(f.escrowId, 0n);
      await expect(f.escrow.connect(f.funder).fundMilestone(9n, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowUnknownEscrow")
        .withArgs(9n);
      await expect(f.escrow.connect(f.funder).fundMilestone(f.escrowId, 2n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowUnknownMilestone")
        .withArgs(f.escrowId, 2n);

      const g = await unfunded();
      await at(g.deadline + 1n);
      await expect(g.escrow.connect(g.funder).fundMilestone(g.escrowId, 0n))
        .to.be.revertedWithCustomError(g.escrow, "EscrowDeadlinePassed")
        .withArgs(g.escrowId, 0n, g.deadline);
    });

    it("takes exactly the amount in ETH for an ETH escrow", async function () {
      const f = await loadFixture(escrowFixture);
      const { escrowId } = await createEscrow(f, terms(f, { token: ZeroAddress, fund: false }), [
        lump(5n, (await now()) + DAY),
      ]);
      await expect(f.escrow.connect(f.funder).fundMilestone(escrowId, 0n, { value: 4n }))
        .to.be.revertedWithCustomError(f.escrow, "EscrowWrongValue")
        .withArgs(5n, 4n);
      await expect(f.escrow.connect(f.funder).fundMilestone(escrowId, 0n, { value: 5n })).to.changeEtherBalances(
        ethers,
        [f.funder, f.escrow],
        [-5n, 5n],
      );
    });
  });

  describe("submitMilestone", function () {
    it("marks a funded lump submitted and opens the review window", async function () {
      const f = await withEscrow();
      const t = (await now()) + 100n;
      await at(t);
      await expect(f.escrow.connect(f.contributor).submitMilestone(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash))
        .to.emit(f.escrow, "MilestoneSubmitted")
        .withArgs(f.escrowId, 0n, f.contributor.address, EVIDENCE.uri, EVIDENCE.hash, t + REVIEW_WINDOW);
      const milestone = await f.escrow.getMilestone(f.escrowId, 0n);
      expect(milestone.state).to.equal(State.Submitted);
      expect(milestone.submittedAt).to.equal(t);
    });

    it("accepts a submission at the deadline itself, not after", async function () {
      const f = await withEscrow();
      await at(f.lumpDeadline);
      await f.escrow.connect(f.contributor).submitMilestone(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      const g = await withEscrow();
      await at(g.lumpDeadline + 1n);
      await expect(g.escrow.connect(g.contributor).submitMilestone(g.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash))
        .to.be.revertedWithCustomError(g.escrow, "EscrowDeadlinePassed")
        .withArgs(g.escrowId, 0n, g.lumpDeadline);
    });

    it("rejects anyone but the contributor, streams, unfunded and already submitted milestones", async function () {
      const f = await withEscrow();
      await expect(f.escrow.connect(f.funder).submitMilestone(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash))
        .to.be.revertedWithCustomError(f.escrow, "EscrowOnlyContributor")
        .withArgs(f.escrowId, f.funder.address);
      await expect(f.escrow.connect(f.contributor).submitMilestone(f.escrowId, 1n, EVIDENCE.uri, EVIDENCE.hash))
        .to.be.revertedWithCustomError(f.escrow, "EscrowWrongKind")
        .withArgs(f.escrowId, 1n, Kind.Streaming);
      await f.escrow.connect(f.contributor).submitMilestone(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      await expect(f.escrow.connect(f.contributor).submitMilestone(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneAlreadySubmitted")
        .withArgs(f.escrowId, 0n);
      const { escrowId } = await createEscrow(f, terms(f, { fund: false }), [lump(1n, (await now()) + DAY)]);
      await f.escrow.connect(f.contributor).acceptEscrow(escrowId);
      await expect(f.escrow.connect(f.contributor).submitMilestone(escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneNotFunded")
        .withArgs(escrowId, 0n);
    });
  });

  describe("approveMilestone", function () {
    it("releases a submitted lump to the contributor and records the contribution", async function () {
      const f = await withEscrow();
      // The mission's own deal (its manager endorsed it), so the payout earns reputation.
      await f.escrow.connect(f.manager).endorseEscrow(f.escrowId);
      await f.escrow.connect(f.contributor).submitMilestone(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      const escrowAddress = await f.escrow.getAddress();
      const tx = f.escrow.connect(f.funder).approveMilestone(f.escrowId, 0n);
      await expect(tx)
        .to.emit(f.escrow, "MilestoneReleased")
        .withArgs(f.escrowId, 0n, f.funder.address, Reason.Approved, ZeroHash, f.contributor.address, 1_000n, 0n);
      await expect(tx)
        .to.emit(f.ledger, "OutcomeRecorded")
        .withArgs(
          anyValue,
          NORTH,
          MISSION,
          MILESTONE_KIND,
          f.tokenAddress,
          1_000n,
          MILESTONE_POINTS,
          ZeroHash,
          escrowAddress,
          1n,
        );
      await expect(tx)
        .to.emit(f.ledger, "ContributionRecorded")
        .withArgs(anyValue, f.contributor.address, NORTH, 1_000n, MILESTONE_POINTS, 1n, MILESTONE_POINTS, anyValue);
      await expect(tx).to.changeTokenBalances(ethers, f.token, [f.escrow, f.contributor], [-1_000n, 1_000n]);
      const milestone = await f.escrow.getMilestone(f.escrowId, 0n);
      expect(milestone.state).to.equal(State.Released);
      expect(milestone.released).to.equal(1_000n);
      expect(await f.ledger.reputationOf(NORTH, f.contributor.address)).to.equal(MILESTONE_POINTS);
    });

    it("releases a funded lump the funder approves without a submission", async function () {
      const f = await withEscrow();
      await expect(f.escrow.connect(f.funder).approveMilestone(f.escrowId, 0n)).to.changeTokenBalances(
        ethers,
        f.token,
        [f.contributor],
        [1_000n],
      );
    });

    it("rejects a double release, anyone but the funder, streams and unfunded milestones", async function () {
      const f = await withEscrow();
      await expect(f.escrow.connect(f.contributor).approveMilestone(f.escrowId, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowOnlyFunder")
        .withArgs(f.escrowId, f.contributor.address);
      await expect(f.escrow.connect(f.funder).approveMilestone(f.escrowId, 1n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowWrongKind")
        .withArgs(f.escrowId, 1n, Kind.Streaming);
      await f.escrow.connect(f.funder).approveMilestone(f.escrowId, 0n);
      await expect(f.escrow.connect(f.funder).approveMilestone(f.escrowId, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneAlreadyReleased")
        .withArgs(f.escrowId, 0n);
      const { escrowId } = await createEscrow(f, terms(f, { fund: false }), [lump(1n, (await now()) + DAY)]);
      await expect(f.escrow.connect(f.funder).approveMilestone(escrowId, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneNotFunded")
        .withArgs(escrowId, 0n);
    });

    it("rejects a disputed or reclaimed milestone", async function () {
      const f = await withEscrow();
      await f.escrow.connect(f.contributor).submitMilestone(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      await f.escrow.connect(f.funder).dispute(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      await expect(f.escrow.connect(f.funder).approveMilestone(f.escrowId, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneAlreadyDisputed")
        .withArgs(f.escrowId, 0n, 1n);
      const g = await withEscrow();
      await at(g.lumpDeadline + 1n);
      await g.escrow.connect(g.funder).reclaimMilestone(g.escrowId, 0n);
      await expect(g.escrow.connect(g.funder).approveMilestone(g.escrowId, 0n))
        .to.be.revertedWithCustomError(g.escrow, "EscrowMilestoneClosed")
        .withArgs(g.escrowId, 0n, State.Reclaimed);
    });
  });

  describe("approveWithAttestation", function () {
    it("releases a lump on the verifier's approving attestation, from anyone", async function () {
      const f = await withEscrow();
      await f.escrow.connect(f.manager).endorseEscrow(f.escrowId);
      const uid = await attestMilestone(f, f.escrowId, 0n);
      const tx = f.escrow.connect(f.stranger).approveWithAttestation(f.escrowId, 0n, uid);
      await expect(tx)
        .to.emit(f.escrow, "MilestoneReleased")
        .withArgs(f.escrowId, 0n, f.stranger.address, Reason.Attested, uid, f.contributor.address, 1_000n, 0n);
      await expect(tx)
        .to.emit(f.ledger, "OutcomeRecorded")
        .withArgs(
          anyValue,
          NORTH,
          MISSION,
          MILESTONE_KIND,
          f.tokenAddress,
          1_000n,
          MILESTONE_POINTS,
          uid,
          await f.escrow.getAddress(),
          1n,
        );
      await expect(tx).to.changeTokenBalances(ethers, f.token, [f.contributor], [1_000n]);
    });

    it("rejects an escrow without a verifier", async function () {
      const f = await loadFixture(escrowFixture);
      const { escrowId } = await createEscrow(f, terms(f, { verifier: ZeroAddress }), [lump(1n, (await now()) + DAY)]);
      const uid = await attestMilestone(f, escrowId, 0n);
      await expect(f.escrow.approveWithAttestation(escrowId, 0n, uid))
        .to.be.revertedWithCustomError(f.escrow, "EscrowNoVerifier")
        .withArgs(escrowId);
    });

    it("rejects unknown, wrong-schema, revoked and expired attestations", async function () {
      const f = await withEscrow();
      const unknown = id("no such attestation");
      await expect(f.escrow.approveWithAttestation(f.escrowId, 0n, unknown))
        .to.be.revertedWithCustomError(f.escrow, "EscrowInvalidAttestation")
        .withArgs(unknown);
      const wrongSchema = await attestMilestone(f, f.escrowId, 0n, true, { schema: f.schemas.executionVerification });
      await expect(f.escrow.approveWithAttestation(f.escrowId, 0n, wrongSchema))
        .to.be.revertedWithCustomError(f.escrow, "EscrowInvalidAttestation")
        .withArgs(wrongSchema);
      const revoked = await attestMilestone(f, f.escrowId, 0n);
      await f.eas
        .connect(f.verifier)
        .revoke({ schema: f.schemas.milestoneVerification, data: { uid: revoked, value: 0n } });
      await expect(f.escrow.approveWithAttestation(f.escrowId, 0n, revoked))
        .to.be.revertedWithCustomError(f.escrow, "EscrowInvalidAttestation")
        .withArgs(revoked);
      const expiring = await attestMilestone(f, f.escrowId, 0n, true, { expirationTime: (await now()) + 100n });
      await at((await now()) + 100n);
      await expect(f.escrow.approveWithAttestation(f.escrowId, 0n, expiring))
        .to.be.revertedWithCustomError(f.escrow, "EscrowInvalidAttestation")
        .withArgs(expiring);
    });

    it("names malformed attestation data (EAS does not check data against the schema)", async function () {
      const f = await withEscrow();
      const coder = AbiCoder.defaultAbiCoder();
      const short = await attest(
        f.eas,
        f.verifier,
        f.schemas.milestoneVerification,
        f.contributor.address,
        coder.encode(["uint256", "uint256"], [f.escrowId, 0n]),
      );
      await expect(f.escrow.approveWithAttestation(f.escrowId, 0n, short))
        .to.be.revertedWithCustomError(f.escrow, "EscrowInvalidAttestation")
        .withArgs(short);
      // The schema before verifications named their escrow contract: (escrowId, index, approved,
      // evidenceURI) is six words, too short for the new head (six words and the URI's length).
      const oldSchema = await attest(
        f.eas,
        f.verifier,
        f.schemas.milestoneVerification,
        f.contributor.address,
        coder.encode(["uint256", "uint256", "bool", "string"], [f.escrowId, 0n, true, "ipfs://check"]),
      );
      await expect(f.escrow.approveWithAttestation(f.escrowId, 0n, oldSchema))
        .to.be.revertedWithCustomError(f.escrow, "EscrowInvalidAttestation")
        .withArgs(oldSchema);
      const escrowAddress = await f.escrow.getAddress();
      const headOnly = await attest(
        f.eas,
        f.verifier,
        f.schemas.milestoneVerification,
        f.contributor.address,
        coder.encode(
          ["uint256", "address", "uint256", "uint256", "bool", "uint256"],
          [CHAIN_ID, escrowAddress, f.escrowId, 0n, true, 0xc0n],
        ),
      );
      await expect(f.escrow.approveWithAttestation(f.escrowId, 0n, headOnly))
        .to.be.revertedWithCustomError(f.escrow, "EscrowInvalidAttestation")
        .withArgs(headOnly);
      // A bool word that is neither 0 nor 1, and an evidence URI that does not decode: not an approval.
      const dirty = await attest(
        f.eas,
        f.verifier,
        f.schemas.milestoneVerification,
        f.contributor.address,
        coder.encode(
          ["uint256", "address", "uint256", "uint256", "uint256", "uint256", "uint256"],
          [CHAIN_ID, escrowAddress, f.escrowId, 0n, 2n, 2n ** 64n, 0n],
        ),
      );
      await expect(f.escrow.approveWithAttestation(f.escrowId, 0n, dirty))
        .to.be.revertedWithCustomError(f.escrow, "EscrowAttestationNotApproving")
        .withArgs(dirty);
    });

    it("rejects another attester, another milestone's attestation and a rejection", async function () {
      const f = await withEscrow();
      const byStranger = await attestMilestone(f, f.escrowId, 0n, true, { attester: f.stranger });
      await expect(f.escrow.approveWithAttestation(f.escrowId, 0n, byStranger))
        .to.be.revertedWithCustomError(f.escrow, "EscrowAttesterNotVerifier")
        .withArgs(byStranger, f.stranger.address, f.verifier.address);
      const otherIndex = await attestMilestone(f, f.escrowId, 1n);
      await expect(f.escrow.approveWithAttestation(f.escrowId, 0n, otherIndex))
        .to.be.revertedWithCustomError(f.escrow, "EscrowAttestationMismatch")
        .withArgs(otherIndex, f.escrowId, 1n);
      const otherEscrow = await attestMilestone(f, 7n, 0n);
      await expect(f.escrow.approveWithAttestation(f.escrowId, 0n, otherEscrow))
        .to.be.revertedWithCustomError(f.escrow, "EscrowAttestationMismatch")
        .withArgs(otherEscrow, 7n, 0n);
      const rejected = await attestMilestone(f, f.escrowId, 0n, false);
      await expect(f.escrow.approveWithAttestation(f.escrowId, 0n, rejected))
        .to.be.revertedWithCustomError(f.escrow, "EscrowAttestationNotApproving")
        .withArgs(rejected);
    });

    it("cannot release the same milestone twice", async function () {
      const f = await withEscrow();
      const uid = await attestMilestone(f, f.escrowId, 0n);
      await f.escrow.approveWithAttestation(f.escrowId, 0n, uid);
      await expect(f.escrow.approveWithAttestation(f.escrowId, 0n, uid))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneAlreadyReleased")
        .withArgs(f.escrowId, 0n);
    });

    it("a verification made for another escrow contract does not release this one", async function () {
      const f = await withEscrow();
      // The subject is a second escrow contract, so one is deployed beside the stack's on purpose:
      // on the same chain, EAS and registry (same schema UID), its escrow 1 with the same
      // parties, verifier and milestones as this one's.
      const other = await deployAnotherEscrow(f, f.governance, f.guardian.address);
      const otherAddress = await other.getAddress();
      await f.token.connect(f.funder).getFunction("approve")(otherAddress, ethers.MaxUint256);
      await other.connect(f.funder).createEscrow(terms(f), [lump(1_000n, f.lumpDeadline)]);
      expect(await other.escrowCount()).to.equal(1n);
      expect(await other.MILESTONE_VERIFICATION_SCHEMA()).to.equal(f.schemas.milestoneVerification);

      // The verifier approves milestone 0 of escrow 1 of this deployment...
      const uid = await attestMilestone(f, f.escrowId, 0n);
      const escrowAddress = await f.escrow.getAddress();
      // ...which does not release escrow 1 of the other one,
      await expect(other.connect(f.stranger).approveWithAttestation(1n, 0n, uid))
        .to.be.revertedWithCustomError(other, "EscrowAttestationWrongEscrowContract")
        .withArgs(uid, CHAIN_ID, escrowAddress);
      expect((await other.getMilestone(1n, 0n)).state).to.equal(State.Funded);
      // and still releases the one it names.
      await expect(f.escrow.connect(f.stranger).approveWithAttestation(f.escrowId, 0n, uid)).to.changeTokenBalances(
        ethers,
        f.token,
        [f.escrow, other, f.contributor],
        [-1_000n, 0n, 1_000n],
      );
    });

    it("a verification made for another chain does not release this escrow", async function () {
      const f = await withEscrow();
      const escrowAddress = await f.escrow.getAddress();
      const verify = (data: string) =>
        attest(f.eas, f.verifier, f.schemas.milestoneVerification, f.contributor.address, data);
      const mainnet = await verify(verificationData(escrowAddress, f.escrowId, 0n, true, { chainId: 1n }));
      await expect(f.escrow.approveWithAttestation(f.escrowId, 0n, mainnet))
        .to.be.revertedWithCustomError(f.escrow, "EscrowAttestationWrongEscrowContract")
        .withArgs(mainnet, 1n, escrowAddress);
      // An address word with bits above 160 names no contract, even if its low bits are this one.
      const dirtyAddress = await verify(
        AbiCoder.defaultAbiCoder().encode(
          ["uint256", "uint256", "uint256", "uint256", "bool", "string"],
          [CHAIN_ID, (1n << 160n) + BigInt(escrowAddress), f.escrowId, 0n, true, "ipfs://check"],
        ),
      );
      await expect(f.escrow.approveWithAttestation(f.escrowId, 0n, dirtyAddress))
        .to.be.revertedWithCustomError(f.escrow, "EscrowAttestationWrongEscrowContract")
        .withArgs(dirtyAddress, CHAIN_ID, escrowAddress);
      expect((await f.escrow.getMilestone(f.escrowId, 0n)).state).to.equal(State.Funded);
    });

    it("an attestation made before the escrow existed is refused", async function () {
      const f = await loadFixture(escrowFixture);
      const escrowAddress = await f.escrow.getAddress();
      const schema = f.schemas.milestoneVerification;
      // The verifier attests escrow 1 before anyone created it.
      const early = await attest(
        f.eas,
        f.verifier,
        schema,
        f.contributor.address,
        verificationData(escrowAddress, 1n, 0n, true),
      );
      const attestedAt = await now();
      const { escrowId } = await createEscrow(f, terms(f), [
        lump(1_000n, attestedAt + DAY),
        lump(10n, attestedAt + DAY),
      ]);
      const createdAt = await now();
      await expect(f.escrow.approveWithAttestation(escrowId, 0n, early))
        .to.be.revertedWithCustomError(f.escrow, "EscrowAttestationBeforeEscrow")
        .withArgs(early, attestedAt, createdAt);

      // The same second as the creation is not after it either: both in one block.
      await ethers.provider.send("evm_setAutomine", [false]);
      const sameSecondTx = await f.eas.connect(f.verifier).attest({
        schema,
        data: {
          recipient: f.contributor.address,
          expirationTime: 0n,
          revocable: true,
          refUID: ZeroHash,
          data: verificationData(escrowAddress, 2n, 0n, true),
          value: 0n,
        },
      });
      const creationTx = await f.escrow
        .connect(f.funder)
        .createEscrow(terms(f), [lump(1_000n, createdAt + DAY)], { gasLimit: 2_000_000n });
      await networkHelpers.mine();
      await ethers.provider.send("evm_setAutomine", [true]);
      const [attestation, creation] = [await sameSecondTx.wait(), await creationTx.wait()];
      expect(attestation!.blockNumber).to.equal(creation!.blockNumber);
      const sameSecond = f.eas.interface.parseLog(attestation!.logs[0])!.args.uid as string;
      const blockTime = BigInt((await ethers.provider.getBlock(creation!.blockNumber))!.timestamp);
      await expect(f.escrow.approveWithAttestation(2n, 0n, sameSecond))
        .to.be.revertedWithCustomError(f.escrow, "EscrowAttestationBeforeEscrow")
        .withArgs(sameSecond, blockTime, blockTime);

      // An attestation of a later second releases it.
      const later = await attestMilestone(f, 2n, 0n);
      await expect(f.escrow.approveWithAttestation(2n, 0n, later)).to.changeTokenBalances(
        ethers,
        f.token,
        [f.contributor],
        [1_000n],
      );
    });

    it("a lump never submitted cannot be released by attestation after its deadline", async function () {
      const f = await withEscrow();
      // Attested in time, used too late: the missed deadline belongs to the funder's reclaim.
      const uid = await attestMilestone(f, f.escrowId, 0n);
      await at(f.lumpDeadline + 1n);
      await expect(f.escrow.approveWithAttestation(f.escrowId, 0n, uid))
        .to.be.revertedWithCustomError(f.escrow, "EscrowDeadlinePassed")
        .withArgs(f.escrowId, 0n, f.lumpDeadline);
      const reclaim = f.escrow.connect(f.funder).reclaimMilestone(f.escrowId, 0n);
      await expect(reclaim).to.emit(f.escrow, "MilestoneReclaimed").withArgs(f.escrowId, 0n, f.funder.address, 1_000n);
      await expect(reclaim).to.changeTokenBalances(ethers, f.token, [f.escrow, f.funder], [-1_000n, 1_000n]);
    });

    it("releases an unsubmitted lump at its deadline itself, and a submitted one after it", async function () {
      const f = await withEscrow();
      const uid = await attestMilestone(f, f.escrowId, 0n);
      await at(f.lumpDeadline);
      await expect(f.escrow.approveWithAttestation(f.escrowId, 0n, uid)).to.changeTokenBalances(
        ethers,
        f.token,
        [f.contributor],
        [1_000n],
      );

      const g = await withEscrow();
      await g.escrow.connect(g.contributor).submitMilestone(g.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      const submitted = await attestMilestone(g, g.escrowId, 0n);
      await at(g.lumpDeadline + DAY);
      await expect(g.escrow.approveWithAttestation(g.escrowId, 0n, submitted)).to.changeTokenBalances(
        ethers,
        g.token,
        [g.contributor],
        [1_000n],
      );
    });
  });

  describe("releaseOptimistic", function () {
    it("releases a submission the funder left unanswered for the review window", async function () {
      const f = await withEscrow();
      await f.escrow.connect(f.contributor).submitMilestone(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      const endsAt = (await f.escrow.getMilestone(f.escrowId, 0n)).submittedAt + REVIEW_WINDOW;
      await at(endsAt - 1n);
      await expect(f.escrow.connect(f.contributor).releaseOptimistic(f.escrowId, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowReviewWindowOpen")
        .withArgs(f.escrowId, 0n, endsAt);
      await at(endsAt);
      const tx = f.escrow.connect(f.contributor).releaseOptimistic(f.escrowId, 0n);
      await expect(tx)
        .to.emit(f.escrow, "MilestoneReleased")
        .withArgs(
          f.escrowId,
          0n,
          f.contributor.address,
          Reason.Optimistic,
          ZeroHash,
          f.contributor.address,
          1_000n,
          0n,
        );
      await expect(tx).to.changeTokenBalances(ethers, f.token, [f.contributor], [1_000n]);
    });

    it("rejects unsubmitted milestones and anyone but the contributor", async function () {
      const f = await withEscrow();
      await expect(f.escrow.connect(f.contributor).releaseOptimistic(f.escrowId, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneNotSubmitted")
        .withArgs(f.escrowId, 0n, State.Funded);
      await expect(f.escrow.connect(f.funder).releaseOptimistic(f.escrowId, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowOnlyContributor")
        .withArgs(f.escrowId, f.funder.address);
    });
  });

  describe("reclaimMilestone", function () {
    it("gives an unsubmitted lump back to the funder after its deadline", async function () {
      const f = await withEscrow();
      await at(f.lumpDeadline);
      await expect(f.escrow.connect(f.funder).reclaimMilestone(f.escrowId, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowDeadlineNotPassed")
        .withArgs(f.escrowId, 0n, f.lumpDeadline);
      await at(f.lumpDeadline + 1n);
      const tx = f.escrow.connect(f.funder).reclaimMilestone(f.escrowId, 0n);
      await expect(tx).to.emit(f.escrow, "MilestoneReclaimed").withArgs(f.escrowId, 0n, f.funder.address, 1_000n);
      await expect(tx).to.changeTokenBalances(ethers, f.token, [f.escrow, f.funder], [-1_000n, 1_000n]);
      await expect(f.escrow.connect(f.funder).reclaimMilestone(f.escrowId, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneClosed")
        .withArgs(f.escrowId, 0n, State.Reclaimed);
    });

    it("rejects submitted milestones, running streams and anyone but the funder", async function () {
      const f = await withEscrow();
      await f.escrow.connect(f.contributor).submitMilestone(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      await at(f.lumpDeadline + 1n);
      await expect(f.escrow.connect(f.funder).reclaimMilestone(f.escrowId, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneAlreadySubmitted")
        .withArgs(f.escrowId, 0n);
      // A stream is reclaimed only once its funder cancelled it and the review window passed.
      await expect(f.escrow.connect(f.funder).reclaimMilestone(f.escrowId, 1n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowStreamRunning")
        .withArgs(f.escrowId, 1n);
      await expect(f.escrow.connect(f.contributor).reclaimMilestone(f.escrowId, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowOnlyFunder")
        .withArgs(f.escrowId, f.contributor.address);
    });
  });

  describe("claim", function () {
    it("pays what has vested, twice mid-stream and the rest at the end, recording the stream once, whole, at the end", async function () {
      const f = await withEscrow();
      await f.escrow.connect(f.manager).endorseEscrow(f.escrowId);
      // 600 over 60 days: 10 a day.
      await at(f.streamStart + 15n * DAY);
      const first = f.escrow.connect(f.contributor).claim(f.escrowId, 1n);
      await expect(first)
        .to.emit(f.escrow, "StreamClaimed")
        .withArgs(f.escrowId, 1n, f.contributor.address, 150n, 0n, 150n);
      await expect(first).to.changeTokenBalances(ethers, f.token, [f.escrow, f.contributor], [-150n, 150n]);
      await expect(first).not.to.emit(f.ledger, "ContributionRecorded");

      await networkHelpers.time.increaseTo(f.streamStart + 40n * DAY);
      expect(await f.escrow.claimable(f.escrowId, 1n)).to.equal(250n);
      // One second later 400.0001 have vested: still 250 to claim.
      const second = f.escrow.connect(f.contributor).claim(f.escrowId, 1n);
      await expect(second)
        .to.emit(f.escrow, "StreamClaimed")
        .withArgs(f.escrowId, 1n, f.contributor.address, 250n, 0n, 400n);
      await expect(second).not.to.emit(f.ledger, "ContributionRecorded");

      await at(f.streamEnd + 5n);
      const last = f.escrow.connect(f.contributor).claim(f.escrowId, 1n);
      await expect(last)
        .to.emit(f.escrow, "StreamClaimed")
        .withArgs(f.escrowId, 1n, f.contributor.address, 200n, 0n, 600n);
      await expect(last)
        .to.emit(f.ledger, "ContributionRecorded")
        .withArgs(anyValue, f.contributor.address, NORTH, 600n, MILESTONE_POINTS, 1n, MILESTONE_POINTS, anyValue);
      const milestone = await f.escrow.getMilestone(f.escrowId, 1n);
      expect(milestone.state).to.equal(State.Released);
      expect(milestone.released).to.equal(600n);
      expect(await f.escrow.claimable(f.escrowId, 1n)).to.equal(0n);
      await expect(f.escrow.connect(f.contributor).claim(f.escrowId, 1n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneAlreadyReleased")
        .withArgs(f.escrowId, 1n);
    });

    it("rejects a claim before the stream starts, or with nothing vested", async function () {
      const f = await withEscrow();
      await at(f.streamStart);
      await expect(f.escrow.connect(f.contributor).claim(f.escrowId, 1n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowStreamNotStarted")
        .withArgs(f.escrowId, 1n, f.streamStart);
      // 1 unit over 100 days vests nothing for the first 100 days (created at the stream's start:
      // the refused claim mined no block).
      const { escrowId } = await createEscrow(f, terms(f), [stream(1n, f.streamStart, f.streamStart + 100n * DAY)]);
      await expect(f.escrow.connect(f.contributor).claim(escrowId, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowNothingToClaim")
        .withArgs(escrowId, 0n);
    });

    it("rejects lumps, unfunded streams and anyone but the contributor", async function () {
      const f = await withEscrow();
      await expect(f.escrow.connect(f.contributor).claim(f.escrowId, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowWrongKind")
        .withArgs(f.escrowId, 0n, Kind.Lump);
      await expect(f.escrow.connect(f.funder).claim(f.escrowId, 1n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowOnlyContributor")
        .withArgs(f.escrowId, f.funder.address);
      const t = await now();
      const { escrowId } = await createEscrow(f, terms(f, { fund: false }), [stream(1n, t, t + DAY)]);
      expect(await f.escrow.claimable(escrowId, 0n)).to.equal(0n);
      await expect(f.escrow.connect(f.contributor).claim(escrowId, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneNotFunded")
        .withArgs(escrowId, 0n);
    });
  });

  describe("cancelStream", function () {
    /** Escrow 1 of the mission's own (endorsed, accepted): a lump of 1,000 and a stream of 600
     * vesting 10 a day from `start` (1 day from now) over 60 days, with a protocol fee of 2.5%. */
    async function cancellable() {
      const f = await loadFixture(escrowFixture);
      await f.escrow.connect(f.governance).setProtocolFee(250);
      const t = await now();
      const start = t + DAY;
      const end = start + 60n * DAY;
      const { escrowId } = await createEscrow(f, terms(f), [lump(1_000n, t + 10n * DAY), stream(600n, start, end)]);
      await f.escrow.connect(f.contributor).acceptEscrow(escrowId);
      await f.escrow.connect(f.manager).endorseEscrow(escrowId);
      return { ...f, escrowId, start, end, escrowAddress: await f.escrow.getAddress() };
    }

    /** The funder cancels the stream at `start + 15 days`: 150 vested (fee 3), 450 left. */
    async function cancelledByFunder() {
      const f = await cancellable();
      const cancelledAt = f.start + 15n * DAY;
      await at(cancelledAt);
      await f.escrow.connect(f.funder).cancelStream(f.escrowId, 1n);
      return { ...f, cancelledAt, reviewEndsAt: cancelledAt + REVIEW_WINDOW };
    }

    it("by the funder pays the vested part to the contributor and leaves the rest to its review", async function () {
      const f = await cancellable();
      const cancelledAt = f.start + 15n * DAY;
      await at(cancelledAt);
      const tx = f.escrow.connect(f.funder).cancelStream(f.escrowId, 1n);
      // 150 vested; 2.5% of it is 3.75, rounded down to 3 in the contributor's favour.
      await expect(tx)
        .to.emit(f.escrow, "StreamCancelled")
        .withArgs(f.escrowId, 1n, f.funder.address, 147n, 3n, 150n, 450n, cancelledAt + REVIEW_WINDOW);
      await expect(tx).not.to.emit(f.escrow, "MilestoneReclaimed");
      await expect(tx).to.changeTokenBalances(ethers, f.token, [f.escrow, f.contributor, f.funder], [-147n, 147n, 0n]);
      // Recorded once, now, with what vested net of fee and its pro-rata points (150/600 of 100).
      await expect(tx)
        .to.emit(f.ledger, "OutcomeRecorded")
        .withArgs(anyValue, NORTH, MISSION, MILESTONE_KIND, f.tokenAddress, 147n, 25n, ZeroHash, f.escrowAddress, 1n);
      await expect(tx)
        .to.emit(f.ledger, "ContributionRecorded")
        .withArgs(anyValue, f.contributor.address, NORTH, 147n, 25n, 1n, 25n, anyValue);
      const milestone = await f.escrow.getMilestone(f.escrowId, 1n);
      expect([milestone.state, milestone.released, milestone.submittedAt, milestone.disputeId]).to.deep.equal([
        State.Cancelled,
        150n,
        cancelledAt,
        0n,
      ]);
      expect(await f.escrow.accruedFees(f.tokenAddress)).to.equal(3n);
      expect(await f.escrow.claimable(f.escrowId, 1n)).to.equal(0n);
      await networkHelpers.time.increase(DAY);
      expect(await f.escrow.claimable(f.escrowId, 1n)).to.equal(0n);
    });

    it("stops a cancelled stream: no more claims, no second cancellation, no dispute by the funder", async function () {
      const f = await cancelledByFunder();
      await expect(f.escrow.connect(f.contributor).claim(f.escrowId, 1n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneClosed")
        .withArgs(f.escrowId, 1n, State.Cancelled);
      await expect(f.escrow.connect(f.contributor).cancelStream(f.escrowId, 1n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneClosed")
        .withArgs(f.escrowId, 1n, State.Cancelled);
      await expect(f.escrow.connect(f.funder).dispute(f.escrowId, 1n, EVIDENCE.uri, EVIDENCE.hash))
        .to.be.revertedWithCustomError(f.escrow, "EscrowOnlyContributor")
        .withArgs(f.escrowId, f.funder.address);
      await expect(f.escrow.connect(f.stranger).dispute(f.escrowId, 1n, EVIDENCE.uri, EVIDENCE.hash))
        .to.be.revertedWithCustomError(f.escrow, "EscrowOnlyParty")
        .withArgs(f.escrowId, f.stranger.address);
    });

    it("lets the funder reclaim the rest once the contributor's review window passed without a dispute", async function () {
      const f = await cancelledByFunder();
      await at(f.reviewEndsAt - 1n);
      await expect(f.escrow.connect(f.funder).reclaimMilestone(f.escrowId, 1n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowReviewWindowOpen")
        .withArgs(f.escrowId, 1n, f.reviewEndsAt);
      await at(f.reviewEndsAt);
      await expect(f.escrow.connect(f.contributor).dispute(f.escrowId, 1n, EVIDENCE.uri, EVIDENCE.hash))
        .to.be.revertedWithCustomError(f.escrow, "EscrowReviewWindowClosed")
        .withArgs(f.escrowId, 1n, f.reviewEndsAt);
      await expect(f.escrow.connect(f.contributor).reclaimMilestone(f.escrowId, 1n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowOnlyFunder")
        .withArgs(f.escrowId, f.contributor.address);
      const reclaim = f.escrow.connect(f.funder).reclaimMilestone(f.escrowId, 1n);
      await expect(reclaim).to.emit(f.escrow, "MilestoneReclaimed").withArgs(f.escrowId, 1n, f.funder.address, 450n);
      await expect(reclaim).to.changeTokenBalances(ethers, f.token, [f.escrow, f.funder], [-450n, 450n]);
      await expect(reclaim).not.to.emit(f.ledger, "ContributionRecorded");
      const milestone = await f.escrow.getMilestone(f.escrowId, 1n);
      expect([milestone.state, milestone.released]).to.deep.equal([State.Reclaimed, 150n]);
      await expect(f.escrow.connect(f.funder).reclaimMilestone(f.escrowId, 1n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneClosed")
        .withArgs(f.escrowId, 1n, State.Reclaimed);
      // What the escrow holds: the lump, and the fee of the vested part.
      expect(await f.token.getFunction("balanceOf")(f.escrowAddress)).to.equal(1_003n);
    });

    it("lets the contributor dispute the rest, and the ruling splits the rest only", async function () {
      const f = await cancelledByFunder();
      await at(f.reviewEndsAt - 1n);
      const opened = f.escrow.connect(f.contributor).dispute(f.escrowId, 1n, EVIDENCE.uri, EVIDENCE.hash);
      await expect(opened).to.emit(f.escrow, "MilestoneDisputed").withArgs(f.escrowId, 1n, 1n, f.contributor.address);
      // Disputed: the unvested 450, the contributor as claimant and its sovereign first.
      await expect(opened)
        .to.emit(f.arbitration, "DisputeOpened")
        .withArgs(1n, f.escrowAddress, f.contributor.address, f.funder.address, f.tokenAddress, 450n, SOUTH, NORTH);
      const disputed = await f.escrow.getMilestone(f.escrowId, 1n);
      expect([disputed.state, disputed.disputeId, disputed.disputedByFunder]).to.deep.equal([
        State.Disputed,
        1n,
        false,
      ]);
      expect(await f.escrow.disputedMilestone(1n)).to.deep.equal([f.escrowId, 1n]);
      await expect(f.escrow.connect(f.funder).reclaimMilestone(f.escrowId, 1n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneAlreadyDisputed")
        .withArgs(f.escrowId, 1n, 1n);

      await f.arbitration.proposeArbiter(1n, f.arbiter.address, WEST);
      await f.arbitration.connect(f.arbiter).rule(1n, 400_000n);
      await networkHelpers.time.increase(4n * DAY);
      const finalized = f.arbitration.finalize(1n);
      // 40% of the rest (180) to the contributor: its fee is that of 330 paid in all (8) minus
      // that of the 150 paid at the cancellation (3); 270 back to the funder.
      await expect(finalized)
        .to.emit(f.escrow, "MilestoneResolved")
        .withArgs(f.escrowId, 1n, 1n, 400_000n, 175n, 5n, 270n);
      await expect(finalized)
        .to.emit(f.escrow, "PaymentDeferred")
        .withArgs(f.contributor.address, f.tokenAddress, 175n);
      await expect(finalized).to.emit(f.escrow, "PaymentDeferred").withArgs(f.funder.address, f.tokenAddress, 270n);
      // Recorded again: the ruled part's points, 330/600 of 100 minus the 25 already recorded.
      await expect(finalized)
        .to.emit(f.ledger, "ContributionRecorded")
        .withArgs(anyValue, f.contributor.address, NORTH, 175n, 30n, 1n, 55n, anyValue);
      const resolved = await f.escrow.getMilestone(f.escrowId, 1n);
      expect([resolved.state, resolved.released]).to.deep.equal([State.Resolved, 330n]);
      expect(await f.escrow.pendingWithdrawal(f.contributor.address, f.tokenAddress)).to.equal(175n);
      expect(await f.escrow.pendingWithdrawal(f.funder.address, f.tokenAddress)).to.equal(270n);
      expect(await f.escrow.accruedFees(f.tokenAddress)).to.equal(8n);
      // The lump, both credits and the fees: 1,000 + 175 + 270 + 8.
      expect(await f.token.getFunction("balanceOf")(f.escrowAddress)).to.equal(1_453n);
      expect(await f.ledger.reputationOf(NORTH, f.contributor.address)).to.equal(55n);
    });

    it("by the contributor pays the vested part and gives the rest back to the funder at once", async function () {
      const f = await cancellable();
      const endedAt = f.start + 15n * DAY;
      await at(endedAt);
      const tx = f.escrow.connect(f.contributor).cancelStream(f.escrowId, 1n);
      await expect(tx)
        .to.emit(f.escrow, "StreamCancelled")
        .withArgs(f.escrowId, 1n, f.contributor.address, 147n, 3n, 150n, 450n, 0n);
      await expect(tx).to.emit(f.escrow, "MilestoneReclaimed").withArgs(f.escrowId, 1n, f.funder.address, 450n);
      await expect(tx).to.changeTokenBalances(
        ethers,
        f.token,
        [f.escrow, f.contributor, f.funder],
        [-597n, 147n, 450n],
      );
      await expect(tx)
        .to.emit(f.ledger, "ContributionRecorded")
        .withArgs(anyValue, f.contributor.address, NORTH, 147n, 25n, 1n, 25n, anyValue);
      const milestone = await f.escrow.getMilestone(f.escrowId, 1n);
      expect([milestone.state, milestone.released, milestone.submittedAt]).to.deep.equal([State.Reclaimed, 150n, 0n]);
      await expect(f.escrow.connect(f.contributor).dispute(f.escrowId, 1n, EVIDENCE.uri, EVIDENCE.hash))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneClosed")
        .withArgs(f.escrowId, 1n, State.Reclaimed);
      await expect(f.escrow.connect(f.funder).reclaimMilestone(f.escrowId, 1n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneClosed")
        .withArgs(f.escrowId, 1n, State.Reclaimed);
    });

    it("pays the rest of what vested and ends a fully vested stream Released, with no rest to review", async function () {
      const f = await cancellable();
      await at(f.start + 15n * DAY);
      await f.escrow.connect(f.contributor).claim(f.escrowId, 1n);
      await at(f.end + 1n);
      const tx = f.escrow.connect(f.funder).cancelStream(f.escrowId, 1n);
      // 450 left to pay; the fees add up to that of the whole stream (15): 12 now.
      await expect(tx)
        .to.emit(f.escrow, "StreamCancelled")
        .withArgs(f.escrowId, 1n, f.funder.address, 438n, 12n, 600n, 0n, 0n);
      await expect(tx).not.to.emit(f.escrow, "MilestoneReclaimed");
      await expect(tx).to.changeTokenBalances(ethers, f.token, [f.escrow, f.contributor], [-438n, 438n]);
      await expect(tx)
        .to.emit(f.ledger, "ContributionRecorded")
        .withArgs(anyValue, f.contributor.address, NORTH, 585n, MILESTONE_POINTS, 1n, MILESTONE_POINTS, anyValue);
      const milestone = await f.escrow.getMilestone(f.escrowId, 1n);
      expect([milestone.state, milestone.released, milestone.submittedAt]).to.deep.equal([State.Released, 600n, 0n]);
      expect(await f.escrow.accruedFees(f.tokenAddress)).to.equal(15n);
    });

    it("before the start leaves the whole stream to the contributor's review, and records nothing", async function () {
      const f = await cancellable();
      const cancelledAt = f.start - 1n;
      await at(cancelledAt);
      const tx = f.escrow.connect(f.funder).cancelStream(f.escrowId, 1n);
      await expect(tx)
        .to.emit(f.escrow, "StreamCancelled")
        .withArgs(f.escrowId, 1n, f.funder.address, 0n, 0n, 0n, 600n, cancelledAt + REVIEW_WINDOW);
      await expect(tx).to.changeTokenBalances(ethers, f.token, [f.escrow, f.contributor], [0n, 0n]);
      await expect(tx).not.to.emit(f.ledger, "OutcomeRecorded");
      await at(cancelledAt + REVIEW_WINDOW);
      await expect(f.escrow.connect(f.funder).reclaimMilestone(f.escrowId, 1n))
        .to.emit(f.escrow, "MilestoneReclaimed")
        .withArgs(f.escrowId, 1n, f.funder.address, 600n);
    });

    it("records a cancelled stream of a deal that is not the mission's own with no points", async function () {
      const f = await withEscrow();
      await at(f.streamStart + 15n * DAY);
      await expect(f.escrow.connect(f.funder).cancelStream(f.escrowId, 1n))
        .to.emit(f.ledger, "ContributionRecorded")
        .withArgs(anyValue, f.contributor.address, NORTH, 150n, 0n, 1n, 0n, anyValue);
    });

    it("rejects outsiders, lumps, unfunded streams and a pause", async function () {
      const f = await cancellable();
      for (const caller of [f.stranger, f.verifier, f.manager]) {
        await expect(f.escrow.connect(caller).cancelStream(f.escrowId, 1n))
          .to.be.revertedWithCustomError(f.escrow, "EscrowOnlyParty")
          .withArgs(f.escrowId, caller.address);
      }
      await expect(f.escrow.connect(f.funder).cancelStream(f.escrowId, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowWrongKind")
        .withArgs(f.escrowId, 0n, Kind.Lump);
      await expect(f.escrow.connect(f.funder).cancelStream(f.escrowId, 2n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowUnknownMilestone")
        .withArgs(f.escrowId, 2n);
      const t = await now();
      const { escrowId } = await createEscrow(f, terms(f, { fund: false }), [stream(60n, t + DAY, t + 2n * DAY)]);
      await expect(f.escrow.connect(f.funder).cancelStream(escrowId, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneNotFunded")
        .withArgs(escrowId, 0n);
      await f.escrow.connect(f.guardian).pause();
      await expect(f.escrow.connect(f.funder).cancelStream(f.escrowId, 1n)).to.be.revertedWithCustomError(
        f.escrow,
        "EnforcedPause",
      );
    });
  });

  describe("dispute", function () {
    it("opens an Arbitration dispute over a submitted lump, the caller as claimant", async function () {
      const f = await withEscrow();
      await f.escrow.connect(f.contributor).submitMilestone(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      const tx = f.escrow.connect(f.funder).dispute(f.escrowId, 0n, "ipfs://complaint", id("complaint"));
      await expect(tx).to.emit(f.escrow, "MilestoneDisputed").withArgs(f.escrowId, 0n, 1n, f.funder.address);
      await expect(tx)
        .to.emit(f.arbitration, "DisputeOpened")
        .withArgs(
          1n,
          await f.escrow.getAddress(),
          f.funder.address,
          f.contributor.address,
          f.tokenAddress,
          1_000n,
          NORTH,
          SOUTH,
        );
      await expect(tx)
        .to.emit(f.arbitration, "EvidenceSubmitted")
        .withArgs(1n, f.funder.address, "ipfs://complaint", id("complaint"));
      const milestone = await f.escrow.getMilestone(f.escrowId, 0n);
      expect(milestone.state).to.equal(State.Disputed);
      expect(milestone.disputeId).to.equal(1n);
      expect(milestone.disputedByFunder).to.equal(true);
      expect(await f.escrow.disputedMilestone(1n)).to.deep.equal([f.escrowId, 0n]);
    });

    it("passes the contributor's sovereign first when the contributor disputes, and the named arbiter", async function () {
      const f = await loadFixture(escrowFixture);
      const { escrowId } = await createEscrow(f, terms(f, { arbiter: f.arbiter.address }), [
        lump(10n, (await now()) + DAY),
      ]);
      await f.escrow.connect(f.contributor).acceptEscrow(escrowId);
      await f.escrow.connect(f.contributor).submitMilestone(escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      const tx = f.escrow.connect(f.contributor).dispute(escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      await expect(tx)
        .to.emit(f.arbitration, "DisputeOpened")
        .withArgs(
          1n,
          await f.escrow.getAddress(),
          f.contributor.address,
          f.funder.address,
          f.tokenAddress,
          10n,
          SOUTH,
          NORTH,
        );
      await expect(tx)
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 1n, f.arbiter.address, 0n, await f.escrow.getAddress());
      expect((await f.escrow.getMilestone(escrowId, 0n)).disputedByFunder).to.equal(false);
    });

    it("rejects a double dispute, an unsubmitted milestone, a closed window and outsiders", async function () {
      const f = await withEscrow();
      await expect(f.escrow.connect(f.funder).dispute(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneNotSubmitted")
        .withArgs(f.escrowId, 0n, State.Funded);
      await f.escrow.connect(f.contributor).submitMilestone(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      await expect(f.escrow.connect(f.stranger).dispute(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash))
        .to.be.revertedWithCustomError(f.escrow, "EscrowOnlyParty")
        .withArgs(f.escrowId, f.stranger.address);
      // A running stream is not disputed (only the rest of a stream its funder cancelled is).
      await expect(f.escrow.connect(f.funder).dispute(f.escrowId, 1n, EVIDENCE.uri, EVIDENCE.hash))
        .to.be.revertedWithCustomError(f.escrow, "EscrowStreamRunning")
        .withArgs(f.escrowId, 1n);
      await f.escrow.connect(f.funder).dispute(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      await expect(f.escrow.connect(f.contributor).dispute(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneAlreadyDisputed")
        .withArgs(f.escrowId, 0n, 1n);

      const g = await withEscrow();
      await g.escrow.connect(g.contributor).submitMilestone(g.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      const endsAt = (await g.escrow.getMilestone(g.escrowId, 0n)).submittedAt + REVIEW_WINDOW;
      await at(endsAt);
      await expect(g.escrow.connect(g.funder).dispute(g.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash))
        .to.be.revertedWithCustomError(g.escrow, "EscrowReviewWindowClosed")
        .withArgs(g.escrowId, 0n, endsAt);
    });

    it("is heard by a fallback arbiter when the deal names no sovereign for the contributor", async function () {
      const f = await loadFixture(escrowFixture);
      const { escrowId } = await createEscrow(f, terms(f, { contributorSovereign: 0n }), [
        lump(10n, (await now()) + DAY),
      ]);
      await f.escrow.connect(f.contributor).acceptEscrow(escrowId);
      await f.escrow.connect(f.contributor).submitMilestone(escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      await f.escrow.connect(f.funder).dispute(escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      // No sovereign recognizes "none": a west arbiter cannot be drawn, a fallback arbiter can.
      await expect(f.arbitration.proposeArbiter(1n, f.arbiter.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationSovereignNotRecognized")
        .withArgs(WEST, 0n);
      await f.arbitration.connect(f.funder).proposeArbiter(1n, f.fallbackArbiter.address, 0n);
      await f.arbitration.connect(f.fallbackArbiter).rule(1n, 1_000_000n);
      await networkHelpers.time.increase(4n * DAY);
      await expect(f.arbitration.finalize(1n))
        .to.emit(f.escrow, "MilestoneResolved")
        .withArgs(escrowId, 0n, 1n, 1_000_000n, 0n, 0n, 10n);
      expect(await f.escrow.pendingWithdrawal(f.funder.address, f.tokenAddress)).to.equal(10n);
    });
  });

  describe("onRuling", function () {
    async function disputed(byFunder: boolean) {
      const f = await withEscrow();
      await f.escrow.connect(f.contributor).submitMilestone(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      await f.escrow.connect(byFunder ? f.funder : f.contributor).dispute(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      await f.arbitration.proposeArbiter(1n, f.arbiter.address, 3n);
      return f;
    }

    it("splits a funder's dispute: the claimant's share to the funder, the rest to the contributor", async function () {
      const f = await disputed(true);
      await f.escrow.connect(f.manager).endorseEscrow(f.escrowId);
      await f.arbitration.connect(f.arbiter).rule(1n, 300_000n);
      await networkHelpers.time.increase(4n * DAY);
      const tx = f.arbitration.finalize(1n);
      await expect(tx).to.emit(f.escrow, "MilestoneResolved").withArgs(f.escrowId, 0n, 1n, 300_000n, 700n, 0n, 300n);
      await expect(tx).to.emit(f.escrow, "PaymentDeferred").withArgs(f.contributor.address, f.tokenAddress, 700n);
      await expect(tx).to.emit(f.escrow, "PaymentDeferred").withArgs(f.funder.address, f.tokenAddress, 300n);
      await expect(tx)
        .to.emit(f.ledger, "ContributionRecorded")
        .withArgs(anyValue, f.contributor.address, NORTH, 700n, 70n, 1n, 70n, anyValue);
      const milestone = await f.escrow.getMilestone(f.escrowId, 0n);
      expect(milestone.state).to.equal(State.Resolved);
      expect(milestone.released).to.equal(700n);
      expect(await f.escrow.pendingWithdrawal(f.contributor.address, f.tokenAddress)).to.equal(700n);
      expect(await f.escrow.pendingWithdrawal(f.funder.address, f.tokenAddress)).to.equal(300n);
    });

    it("gives a contributor's dispute the claimant's share, and records nothing when it gets nothing", async function () {
      const f = await disputed(false);
      await f.arbitration.connect(f.arbiter).rule(1n, 0n);
      await networkHelpers.time.increase(4n * DAY);
      const tx = f.arbitration.finalize(1n);
      await expect(tx).to.emit(f.escrow, "MilestoneResolved").withArgs(f.escrowId, 0n, 1n, 0n, 0n, 0n, 1_000n);
      await expect(tx).not.to.emit(f.ledger, "ContributionRecorded");
      expect(await f.escrow.pendingWithdrawal(f.funder.address, f.tokenAddress)).to.equal(1_000n);
      expect(await f.escrow.pendingWithdrawal(f.contributor.address, f.tokenAddress)).to.equal(0n);
    });

    it("gives the whole milestone to the contributor when the funder's claim is dismissed", async function () {
      const f = await withEscrow();
      await f.escrow.connect(f.contributor).submitMilestone(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      await f.escrow.connect(f.funder).dispute(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      // Nobody draws an arbiter: round 1 ends unruled twice the ruling period after the opening.
      const { openedAt } = await f.arbitration.getDispute(1n);
      const dismissedAt = openedAt + 2n * RULING_PERIOD + 1n;
      expect(await f.arbitration.finalizableAt(1n)).to.equal(dismissedAt);
      await at(dismissedAt - 1n);
      await expect(f.arbitration.finalize(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotFinalizable")
        .withArgs(1n, dismissedAt);
      await at(dismissedAt);
      await expect(f.arbitration.finalize(1n))
        .to.emit(f.escrow, "MilestoneResolved")
        .withArgs(f.escrowId, 0n, 1n, 0n, 1_000n, 0n, 0n);
      expect(await f.escrow.pendingWithdrawal(f.contributor.address, f.tokenAddress)).to.equal(1_000n);
    });

    it("takes only calls from Arbitration, for disputes of this escrow", async function () {
      const f = await disputed(true);
      await expect(f.escrow.connect(f.funder).onRuling(1n, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowOnlyArbitration")
        .withArgs(f.funder.address);
      const arbitration = await ethers.getSigner(await f.arbitration.getAddress());
      await networkHelpers.impersonateAccount(arbitration.address);
      await networkHelpers.setBalance(arbitration.address, ethers.parseEther("1"));
      await expect(f.escrow.connect(arbitration).onRuling(2n, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowUnknownDispute")
        .withArgs(2n);
      await expect(f.escrow.connect(arbitration).onRuling(1n, 1_000_001n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowInvalidShare")
        .withArgs(1_000_001n, 1_000_000n);
      await f.escrow.connect(arbitration).onRuling(1n, 500_000n);
      await expect(f.escrow.connect(arbitration).onRuling(1n, 500_000n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowUnknownDispute")
        .withArgs(1n);
    });
  });

  describe("withdraw", function () {
    it("pays a credit to the address the owner names, once", async function () {
      const f = await withEscrow();
      await f.escrow.connect(f.contributor).submitMilestone(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      await f.escrow.connect(f.funder).dispute(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      await f.arbitration.proposeArbiter(1n, f.arbiter.address, 3n);
      await f.arbitration.connect(f.arbiter).rule(1n, 250_000n);
      await networkHelpers.time.increase(4n * DAY);
      await f.arbitration.finalize(1n);

      await expect(f.escrow.connect(f.contributor).withdraw(f.tokenAddress, ZeroAddress)).to.be.revertedWithCustomError(
        f.escrow,
        "EscrowZeroRecipient",
      );
      const tx = f.escrow.connect(f.contributor).withdraw(f.tokenAddress, f.stranger.address);
      await expect(tx)
        .to.emit(f.escrow, "Withdrawn")
        .withArgs(f.contributor.address, f.tokenAddress, f.stranger.address, 750n);
      await expect(tx).to.changeTokenBalances(ethers, f.token, [f.escrow, f.stranger], [-750n, 750n]);
      await expect(f.escrow.connect(f.contributor).withdraw(f.tokenAddress, f.contributor.address))
        .to.be.revertedWithCustomError(f.escrow, "EscrowNothingToWithdraw")
        .withArgs(f.contributor.address, f.tokenAddress);
      await expect(f.escrow.connect(f.funder).withdraw(f.tokenAddress, f.funder.address)).to.changeTokenBalances(
        ethers,
        f.token,
        [f.funder],
        [250n],
      );
    });

    it("works while the escrow is paused: a credit is a sum already owed", async function () {
      const f = await withEscrow();
      await f.escrow.connect(f.contributor).submitMilestone(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      await f.escrow.connect(f.funder).dispute(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      await f.arbitration.proposeArbiter(1n, f.arbiter.address, 3n);
      await f.arbitration.connect(f.arbiter).rule(1n, 250_000n);
      await networkHelpers.time.increase(4n * DAY);
      await f.arbitration.finalize(1n);
      await f.escrow.connect(f.guardian).pause();
      await expect(
        f.escrow.connect(f.contributor).withdraw(f.tokenAddress, f.contributor.address),
      ).to.changeTokenBalances(ethers, f.token, [f.contributor], [750n]);
      await expect(f.escrow.connect(f.contributor).claim(f.escrowId, 1n)).to.be.revertedWithCustomError(
        f.escrow,
        "EnforcedPause",
      );
    });
  });

  describe("protocol fee", function () {
    it("is fixed per escrow at creation, taken from contributor payouts and collected for the treasury", async function () {
      const f = await loadFixture(escrowFixture);
      await expect(f.escrow.connect(f.governance).setProtocolFee(250))
        .to.emit(f.escrow, "ProtocolFeeSet")
        .withArgs(0n, 250n);
      expect(await f.escrow.protocolFee()).to.equal(250n);
      const t = await now();
      const { escrowId } = await createEscrow(f, terms(f), [lump(1_000n, t + DAY), stream(400n, t, t + 40n * DAY)]);
      expect((await f.escrow.getEscrow(escrowId)).feeBps).to.equal(250n);
      await f.escrow.connect(f.governance).setProtocolFee(500);

      const release = f.escrow.connect(f.funder).approveMilestone(escrowId, 0n);
      await expect(release)
        .to.emit(f.escrow, "MilestoneReleased")
        .withArgs(escrowId, 0n, f.funder.address, Reason.Approved, ZeroHash, f.contributor.address, 975n, 25n);
      await expect(release).to.changeTokenBalances(ethers, f.token, [f.escrow, f.contributor], [-975n, 975n]);
      await at(t + 10n * DAY);
      // 100 vested; 2.5% of it is 2.5, rounded down to 2 in the contributor's favour.
      await expect(f.escrow.connect(f.contributor).claim(escrowId, 1n))
        .to.emit(f.escrow, "StreamClaimed")
        .withArgs(escrowId, 1n, f.contributor.address, 98n, 2n, 100n);
      expect(await f.escrow.accruedFees(f.tokenAddress)).to.equal(27n);

      const treasury = await f.timelock.getAddress();
      const collect = f.escrow.connect(f.stranger).collectFees(f.tokenAddress);
      await expect(collect).to.emit(f.escrow, "FeesCollected").withArgs(f.tokenAddress, treasury, 27n);
      await expect(collect).to.changeTokenBalances(ethers, f.token, [f.escrow, f.timelock], [-27n, 27n]);
      await expect(f.escrow.collectFees(f.tokenAddress))
        .to.be.revertedWithCustomError(f.escrow, "EscrowNoFees")
        .withArgs(f.tokenAddress);
    });

    it("is capped at 5% and set by governance only", async function () {
      const f = await loadFixture(escrowFixture);
      await expect(f.escrow.connect(f.governance).setProtocolFee(501))
        .to.be.revertedWithCustomError(f.escrow, "EscrowFeeAboveCap")
        .withArgs(501n, 500n);
      await expect(f.escrow.connect(f.funder).setProtocolFee(1))
        .to.be.revertedWithCustomError(f.escrow, "ModuleOnlyGovernance")
        .withArgs(f.funder.address);
      await f.escrow.connect(f.governance).setProtocolFee(500);
      expect(await f.escrow.protocolFee()).to.equal(500n);
    });
  });

  describe("ledger refusals", function () {
    it("never block a payout: the escrow reports the contribution it could not record", async function () {
      const f = await withEscrow();
      await f.ledger.connect(f.guardian).pause();
      const tx = f.escrow.connect(f.funder).approveMilestone(f.escrowId, 0n);
      await expect(tx).to.emit(f.escrow, "EscrowContributionNotRecorded").withArgs(f.escrowId, 0n, 1_000n);
      await expect(tx).to.changeTokenBalances(ethers, f.token, [f.contributor], [1_000n]);
      await expect(tx).not.to.emit(f.ledger, "ContributionRecorded");
    });
  });

  describe("reputation", function () {
    it("reputation cannot be bought: a stranger's deal on another sovereign's mission pays but records no points", async function () {
      const f = await loadFixture(escrowFixture);
      const escrowAddress = await f.escrow.getAddress();
      const puppet = f.signers[15];
      // A stranger (no manager of north's mission) founds a sovereign and brings in a sock puppet.
      await f.registry.connect(f.stranger).register("puppets", "ipfs://puppets", id("puppets"));
      const PUPPETS = 5n;
      await f.registry.connect(f.stranger).invite(PUPPETS, puppet.address);
      await f.registry.connect(puppet).acceptInvitation(PUPPETS);
      // Then pays the puppet 1 wei per milestone on north's open mission, as its own verifier.
      const milestones = Array.from({ length: 32 }, () => lump(1n, 0n));
      const deadline = (await now()) + DAY;
      const { escrowId } = await createEscrow(
        f,
        terms(f, {
          funder: f.stranger.address,
          contributor: puppet.address,
          token: ZeroAddress,
          verifier: f.stranger.address,
          funderSovereign: PUPPETS,
          contributorSovereign: PUPPETS,
        }),
        milestones.map(() => lump(1n, deadline)),
        { from: f.stranger, value: 32n },
      );
      await f.escrow.connect(puppet).acceptEscrow(escrowId);
      const before = await ethers.provider.getBalance(puppet.address);
      for (let index = 0n; index < 32n; index++) {
        const uid = await attest(
          f.eas,
          f.stranger,
          f.schemas.milestoneVerification,
          puppet.address,
          verificationData(escrowAddress, escrowId, index, true),
        );
        const release = f.escrow.connect(f.stranger).approveWithAttestation(escrowId, index, uid);
        // The payout happens and is recorded, with no points.
        await expect(release)
          .to.emit(f.escrow, "MilestoneReleased")
          .withArgs(escrowId, index, f.stranger.address, Reason.Attested, uid, puppet.address, 1n, 0n);
        await expect(release)
          .to.emit(f.ledger, "OutcomeRecorded")
          .withArgs(anyValue, NORTH, MISSION, MILESTONE_KIND, ZeroAddress, 1n, 0n, uid, escrowAddress, 1n);
        await expect(release)
          .to.emit(f.ledger, "ContributionRecorded")
          .withArgs(anyValue, puppet.address, NORTH, 1n, 0n, 1n, 0n, anyValue);
      }
      expect((await ethers.provider.getBalance(puppet.address)) - before).to.equal(32n);
      expect(await ethers.provider.getBalance(escrowAddress)).to.equal(0n);
      expect(await f.ledger.reputationOf(NORTH, puppet.address)).to.equal(0n);
      expect(await f.ledger.reputationOf(PUPPETS, puppet.address)).to.equal(0n);
    });

    it("pays a funder's own deal the same and records it with no points", async function () {
      const f = await withEscrow();
      await expect(f.escrow.connect(f.funder).approveMilestone(f.escrowId, 0n))
        .to.emit(f.ledger, "OutcomeRecorded")
        .withArgs(
          anyValue,
          NORTH,
          MISSION,
          MILESTONE_KIND,
          f.tokenAddress,
          1_000n,
          0n,
          ZeroHash,
          await f.escrow.getAddress(),
          1n,
        );
      expect(await f.ledger.reputationOf(NORTH, f.contributor.address)).to.equal(0n);
    });

    it("gives points to a deal a mission manager created for a funder", async function () {
      const f = await loadFixture(escrowFixture);
      const { escrowId } = await createEscrow(f, terms(f, { fund: false }), [lump(1_000n, (await now()) + DAY)], {
        from: f.manager,
      });
      await f.escrow.connect(f.funder).fundMilestone(escrowId, 0n);
      await expect(f.escrow.connect(f.funder).approveMilestone(escrowId, 0n))
        .to.emit(f.ledger, "ContributionRecorded")
        .withArgs(anyValue, f.contributor.address, NORTH, 1_000n, MILESTONE_POINTS, 1n, MILESTONE_POINTS, anyValue);
    });

    it("gives points to a deal a mission manager funds", async function () {
      const f = await loadFixture(escrowFixture);
      await f.token.getFunction("mint")(f.manager.address, 1_000n);
      await f.token.connect(f.manager).getFunction("approve")(await f.escrow.getAddress(), 1_000n);
      const { escrowId } = await createEscrow(
        f,
        terms(f, { funder: f.manager.address }),
        [lump(1_000n, (await now()) + DAY)],
        { from: f.manager },
      );
      // Not endorsed (the manager is the funder), but the mission's own all the same.
      expect((await f.escrow.getEscrow(escrowId)).endorsed).to.equal(false);
      await expect(f.escrow.connect(f.manager).approveMilestone(escrowId, 0n))
        .to.emit(f.ledger, "ContributionRecorded")
        .withArgs(anyValue, f.contributor.address, NORTH, 1_000n, MILESTONE_POINTS, 1n, MILESTONE_POINTS, anyValue);
    });

    it("gives no points when the deal names no sovereign for the contributor", async function () {
      const f = await loadFixture(escrowFixture);
      const { escrowId } = await createEscrow(
        f,
        terms(f, { fund: false, contributorSovereign: 0n }),
        [lump(1_000n, (await now()) + DAY)],
        { from: f.manager },
      );
      await f.escrow.connect(f.funder).fundMilestone(escrowId, 0n);
      await expect(f.escrow.connect(f.funder).approveMilestone(escrowId, 0n))
        .to.emit(f.ledger, "ContributionRecorded")
        .withArgs(anyValue, f.contributor.address, NORTH, 1_000n, 0n, 1n, 0n, anyValue);
    });

    it("gives no points once the contributor left the sovereign the deal names for it", async function () {
      const f = await withEscrow();
      await f.escrow.connect(f.manager).endorseEscrow(f.escrowId);
      await f.registry.connect(f.contributor).leave(SOUTH);
      const release = f.escrow.connect(f.funder).approveMilestone(f.escrowId, 0n);
      await expect(release)
        .to.emit(f.ledger, "ContributionRecorded")
        .withArgs(anyValue, f.contributor.address, NORTH, 1_000n, 0n, 1n, 0n, anyValue);
      await expect(release).to.changeTokenBalances(ethers, f.token, [f.contributor], [1_000n]);
    });
  });

  describe("pause", function () {
    const MAX_PAUSE = 14n * DAY;

    async function clock(f: EscrowFixture) {
      const s = await f.escrow.pauseState();
      return [s.pauseEndsAt, s.guardianReadyAt, s.maxPauseDuration, s.pausedDuration, s.moduleTime];
    }

    /**
     * The two ways a guardian's pause of `length` seconds started at `pausedAt` ends: by itself
     * (governance set the longest pause to `length` beforehand), or lifted by governance.
     */
    const PAUSE_ENDINGS = {
      "ends by itself": {
        async start(f: EscrowFixture, pausedAt: bigint, length: bigint) {
          // Governance's call is mined at a set time too (the second before the pause), never at
          // the wall clock's: on a busy machine that could pass `pausedAt` first.
          await at(pausedAt - 1n);
          await f.escrow.connect(f.governance).setMaxPauseDuration(length);
          await at(pausedAt);
          await f.escrow.connect(f.guardian).pause();
        },
        async end(_f: EscrowFixture, endsAt: bigint) {
          await networkHelpers.time.increaseTo(endsAt);
        },
      },
      "is lifted by governance": {
        async start(f: EscrowFixture, pausedAt: bigint) {
          await at(pausedAt);
          await f.escrow.connect(f.guardian).pause();
        },
        async end(f: EscrowFixture, endsAt: bigint) {
          await at(endsAt);
          await f.escrow.connect(f.governance).unpause();
        },
      },
    } as const;

    it("keeps a module clock that stands still while paused (pauseState)", async function () {
      const f = await loadFixture(escrowFixture);
      const t = (await now()) + 10n;
      await networkHelpers.time.increaseTo(t);
      expect(await clock(f)).to.deep.equal([0n, 0n, MAX_PAUSE, 0n, t]);
      const pausedAt = t + DAY;
      await at(pausedAt);
      await expect(f.escrow.connect(f.guardian).pause())
        .to.emit(f.escrow, "PauseEndSet")
        .withArgs(pausedAt + MAX_PAUSE);
      await networkHelpers.time.increaseTo(pausedAt + 5n * DAY);
      expect(await f.escrow.paused()).to.equal(true);
      expect(await clock(f)).to.deep.equal([
        pausedAt + MAX_PAUSE,
        pausedAt + 2n * MAX_PAUSE,
        MAX_PAUSE,
        5n * DAY,
        pausedAt,
      ]);
      await networkHelpers.time.increaseTo(pausedAt + MAX_PAUSE + DAY);
      expect(await f.escrow.paused()).to.equal(false);
      expect(await clock(f)).to.deep.equal([
        pausedAt + MAX_PAUSE,
        pausedAt + 2n * MAX_PAUSE,
        MAX_PAUSE,
        MAX_PAUSE,
        pausedAt + DAY,
      ]);
    });

    it("lets governance lift a pause at once (unpause), and the clock resumes", async function () {
      const f = await loadFixture(escrowFixture);
      const pausedAt = (await now()) + 10n;
      await at(pausedAt);
      await f.escrow.connect(f.guardian).pause();
      await at(pausedAt + 6n * DAY);
      await expect(f.escrow.connect(f.governance).unpause())
        .to.emit(f.escrow, "Unpaused")
        .withArgs(await f.governance.getAddress());
      expect(await f.escrow.paused()).to.equal(false);
      expect(await clock(f)).to.deep.equal([
        pausedAt + 6n * DAY,
        pausedAt + 2n * MAX_PAUSE,
        MAX_PAUSE,
        6n * DAY,
        pausedAt,
      ]);
      await networkHelpers.time.increaseTo(pausedAt + 7n * DAY);
      expect((await clock(f))[4]).to.equal(pausedAt + DAY);
      await expect(f.escrow.connect(f.governance).unpause()).not.to.emit(f.escrow, "Unpaused");
    });

    for (const [ending, pause] of Object.entries(PAUSE_ENDINGS)) {
      describe(`when the pause ${ending}`, function () {
        it("a pause does not run out a review window: the funder can still dispute after it", async function () {
          const f = await withEscrow();
          const submittedAt = (await now()) + 10n;
          await at(submittedAt);
          await f.escrow.connect(f.contributor).submitMilestone(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
          // A day into the 3-day window the guardian pauses, for 10 days.
          const pausedAt = submittedAt + DAY;
          await pause.start(f, pausedAt, 10n * DAY);
          await at(pausedAt + 5n * DAY);
          await expect(
            f.escrow.connect(f.funder).dispute(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash),
          ).to.be.revertedWithCustomError(f.escrow, "EnforcedPause");
          await pause.end(f, pausedAt + 10n * DAY);
          // The window is three days of the escrow's clock: the contributor cannot take the milestone,
          await at(pausedAt + 10n * DAY + 1n);
          await expect(f.escrow.connect(f.contributor).releaseOptimistic(f.escrowId, 0n))
            .to.be.revertedWithCustomError(f.escrow, "EscrowReviewWindowOpen")
            .withArgs(f.escrowId, 0n, submittedAt + REVIEW_WINDOW);
          // and the funder still has the last two days of it, shifted by the pause.
          await at(submittedAt + REVIEW_WINDOW + 10n * DAY - 1n);
          await expect(f.escrow.connect(f.funder).dispute(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash))
            .to.emit(f.escrow, "MilestoneDisputed")
            .withArgs(f.escrowId, 0n, 1n, f.funder.address);
        });

        it("a pause does not run out a review window: the contributor releases once it has run on the escrow's clock", async function () {
          const f = await withEscrow();
          const submittedAt = (await now()) + 10n;
          await at(submittedAt);
          await f.escrow.connect(f.contributor).submitMilestone(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
          const pausedAt = submittedAt + DAY;
          await pause.start(f, pausedAt, 10n * DAY);
          await pause.end(f, pausedAt + 10n * DAY);
          const reviewEndsAt = submittedAt + REVIEW_WINDOW + 10n * DAY;
          await at(reviewEndsAt - 1n);
          await expect(f.escrow.connect(f.contributor).releaseOptimistic(f.escrowId, 0n))
            .to.be.revertedWithCustomError(f.escrow, "EscrowReviewWindowOpen")
            .withArgs(f.escrowId, 0n, submittedAt + REVIEW_WINDOW);
          await at(reviewEndsAt);
          await expect(f.escrow.connect(f.contributor).releaseOptimistic(f.escrowId, 0n)).to.changeTokenBalances(
            ethers,
            f.token,
            [f.contributor],
            [1_000n],
          );
        });

        it("a pause does not hand an unsubmitted lump to the funder's reclaim", async function () {
          const f = await withEscrow();
          // The pause spans the deadline: from a day before it to four days after.
          const pausedAt = f.lumpDeadline - DAY;
          await pause.start(f, pausedAt, 5n * DAY);
          await pause.end(f, pausedAt + 5n * DAY);
          // On the escrow's clock the deadline is a day away.
          await at(f.lumpDeadline + 4n * DAY + 1n);
          await expect(f.escrow.connect(f.funder).reclaimMilestone(f.escrowId, 0n))
            .to.be.revertedWithCustomError(f.escrow, "EscrowDeadlineNotPassed")
            .withArgs(f.escrowId, 0n, f.lumpDeadline);
          const submittedAt = f.lumpDeadline + 4n * DAY + 10n;
          await at(submittedAt);
          await expect(f.escrow.connect(f.contributor).submitMilestone(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash))
            .to.emit(f.escrow, "MilestoneSubmitted")
            .withArgs(
              f.escrowId,
              0n,
              f.contributor.address,
              EVIDENCE.uri,
              EVIDENCE.hash,
              submittedAt - 5n * DAY + REVIEW_WINDOW,
            );
          expect((await f.escrow.getMilestone(f.escrowId, 0n)).submittedAt).to.equal(submittedAt - 5n * DAY);
          await expect(f.escrow.connect(f.funder).reclaimMilestone(f.escrowId, 0n))
            .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneAlreadySubmitted")
            .withArgs(f.escrowId, 0n);
        });

        it("a stream stands still while paused, and a cancellation right after splits as if the pause never happened", async function () {
          const f = await withEscrow();
          // 600 over 60 days: 10 a day. Paused when 100 have vested, for 5 days.
          const pausedAt = f.streamStart + 10n * DAY;
          await pause.start(f, pausedAt, 5n * DAY);
          expect(await f.escrow.claimable(f.escrowId, 1n)).to.equal(100n);
          await networkHelpers.time.increaseTo(pausedAt + 3n * DAY);
          expect(await f.escrow.claimable(f.escrowId, 1n)).to.equal(100n);
          await expect(f.escrow.connect(f.contributor).claim(f.escrowId, 1n)).to.be.revertedWithCustomError(
            f.escrow,
            "EnforcedPause",
          );
          const endedAt = pausedAt + 5n * DAY;
          await pause.end(f, endedAt);
          expect(await f.escrow.claimable(f.escrowId, 1n)).to.equal(100n);
          // A second later on the escrow's clock, still 100 (600 * (10 days + 1 s) / 60 days),
          // where the wall clock says 150.
          await at(endedAt + 1n);
          const tx = f.escrow.connect(f.funder).cancelStream(f.escrowId, 1n);
          await expect(tx)
            .to.emit(f.escrow, "StreamCancelled")
            .withArgs(f.escrowId, 1n, f.funder.address, 100n, 0n, 100n, 500n, pausedAt + 1n + REVIEW_WINDOW);
          await expect(tx).to.changeTokenBalances(ethers, f.token, [f.contributor], [100n]);
        });
      });
    }

    it("a stream resumes after a pause: 5 days of pause are 5 days more of vesting", async function () {
      const f = await withEscrow();
      const pausedAt = f.streamStart + 10n * DAY;
      await PAUSE_ENDINGS["ends by itself"].start(f, pausedAt, 5n * DAY);
      await networkHelpers.time.increaseTo(pausedAt + 6n * DAY);
      expect(await f.escrow.claimable(f.escrowId, 1n)).to.equal(110n);
      // The stream ends 5 days late on the wall clock: at its end + 5 days less a second, 599.
      await networkHelpers.time.increaseTo(f.streamEnd + 5n * DAY - 1n);
      expect(await f.escrow.claimable(f.escrowId, 1n)).to.equal(599n);
      await at(f.streamEnd + 5n * DAY);
      await expect(f.escrow.connect(f.contributor).claim(f.escrowId, 1n))
        .to.emit(f.escrow, "StreamClaimed")
        .withArgs(f.escrowId, 1n, f.contributor.address, 600n, 0n, 600n);
    });

    it("a pause moves a lump's deadline by its length: the funder reclaims once that has passed", async function () {
      const f = await withEscrow();
      await PAUSE_ENDINGS["ends by itself"].start(f, f.lumpDeadline - DAY, 5n * DAY);
      await at(f.lumpDeadline + 5n * DAY);
      await expect(
        f.escrow.connect(f.contributor).submitMilestone(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash),
      ).to.emit(f.escrow, "MilestoneSubmitted");

      const g = await withEscrow();
      await PAUSE_ENDINGS["ends by itself"].start(g, g.lumpDeadline - DAY, 5n * DAY);
      await at(g.lumpDeadline + 5n * DAY + 1n);
      await expect(g.escrow.connect(g.contributor).submitMilestone(g.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash))
        .to.be.revertedWithCustomError(g.escrow, "EscrowDeadlinePassed")
        .withArgs(g.escrowId, 0n, g.lumpDeadline);
      await expect(g.escrow.connect(g.funder).reclaimMilestone(g.escrowId, 0n))
        .to.emit(g.escrow, "MilestoneReclaimed")
        .withArgs(g.escrowId, 0n, g.funder.address, 1_000n);
    });

    it("a pause that expires by itself resumes the clock, and the guardian cools down", async function () {
      const f = await withEscrow();
      const pausedAt = f.streamStart + 10n * DAY;
      await at(pausedAt);
      await f.escrow.connect(f.guardian).pause();
      await networkHelpers.time.increaseTo(pausedAt + MAX_PAUSE - 1n);
      expect(await f.escrow.paused()).to.equal(true);
      await networkHelpers.time.increaseTo(pausedAt + MAX_PAUSE);
      expect(await f.escrow.paused()).to.equal(false);
      // Six days after the pause ended, six days more have vested (no one unpaused).
      const claimedAt = pausedAt + 20n * DAY;
      await at(claimedAt);
      await expect(f.escrow.connect(f.contributor).claim(f.escrowId, 1n))
        .to.emit(f.escrow, "StreamClaimed")
        .withArgs(f.escrowId, 1n, f.contributor.address, 160n, 0n, 160n);
      expect(await clock(f)).to.deep.equal([
        pausedAt + MAX_PAUSE,
        pausedAt + 2n * MAX_PAUSE,
        MAX_PAUSE,
        MAX_PAUSE,
        claimedAt - MAX_PAUSE,
      ]);
      // Governance has nothing to unpause; the guardian may pause again only after its cooldown.
      await expect(f.escrow.connect(f.governance).unpause()).not.to.emit(f.escrow, "Unpaused");
      await expect(f.escrow.connect(f.guardian).pause())
        .to.be.revertedWithCustomError(f.escrow, "ModuleGuardianCoolingDown")
        .withArgs(pausedAt + 2n * MAX_PAUSE);
      // Naming a guardian (setGuardian) resets the cooldown.
      await f.escrow.connect(f.governance).setGuardian(f.stranger.address);
      expect((await clock(f))[1]).to.equal(0n);
    });

    it("can be paused again after a pause that ended by itself: by the guardian after its cooldown, by governance at once", async function () {
      const f = await withEscrow();
      const pausedAt = f.streamStart + 10n * DAY;
      await at(pausedAt);
      await f.escrow.connect(f.guardian).pause();
      // The pause ends by itself; governance may pause again at once,
      await at(pausedAt + MAX_PAUSE + DAY);
      await expect(f.escrow.connect(f.governance).pause())
        .to.emit(f.escrow, "PauseEndSet")
        .withArgs(pausedAt + 2n * MAX_PAUSE + DAY);
      expect(await f.escrow.paused()).to.equal(true);

      // and the guardian once its cooldown has passed.
      const g = await withEscrow();
      await at(pausedAt);
      await g.escrow.connect(g.guardian).pause();
      const repausedAt = pausedAt + 2n * MAX_PAUSE;
      await at(repausedAt);
      await expect(g.escrow.connect(g.guardian).pause())
        .to.emit(g.escrow, "PauseEndSet")
        .withArgs(repausedAt + MAX_PAUSE);
      await networkHelpers.time.increaseTo(repausedAt + DAY);
      expect(await clock(g)).to.deep.equal([
        repausedAt + MAX_PAUSE,
        repausedAt + 2n * MAX_PAUSE,
        MAX_PAUSE,
        MAX_PAUSE + DAY,
        repausedAt - MAX_PAUSE,
      ]);
    });

    it("lasts as governance sets it (setMaxPauseDuration) or extends it (extendPause)", async function () {
      const f = await withEscrow();
      await expect(f.escrow.connect(f.governance).setMaxPauseDuration(2n * DAY))
        .to.emit(f.escrow, "MaxPauseDurationSet")
        .withArgs(MAX_PAUSE, 2n * DAY);
      for (const duration of [DAY - 1n, 90n * DAY + 1n]) {
        await expect(f.escrow.connect(f.governance).setMaxPauseDuration(duration))
          .to.be.revertedWithCustomError(f.escrow, "ModuleInvalidPauseDuration")
          .withArgs(duration, DAY, 90n * DAY);
      }
      await expect(f.escrow.connect(f.governance).extendPause((await now()) + DAY)).to.be.revertedWithCustomError(
        f.escrow,
        "ExpectedPause",
      );
      const pausedAt = f.streamStart + 10n * DAY;
      await at(pausedAt);
      await expect(f.escrow.connect(f.guardian).pause())
        .to.emit(f.escrow, "PauseEndSet")
        .withArgs(pausedAt + 2n * DAY);
      await at(pausedAt + DAY);
      await expect(f.escrow.connect(f.governance).extendPause(pausedAt + DAY))
        .to.be.revertedWithCustomError(f.escrow, "ModuleInvalidPauseEnd")
        .withArgs(pausedAt + DAY);
      await expect(f.escrow.connect(f.governance).extendPause(pausedAt + 30n * DAY))
        .to.emit(f.escrow, "PauseEndSet")
        .withArgs(pausedAt + 30n * DAY);
      await networkHelpers.time.increaseTo(pausedAt + 20n * DAY);
      expect(await f.escrow.paused()).to.equal(true);
      expect(await f.escrow.claimable(f.escrowId, 1n)).to.equal(100n);
      await networkHelpers.time.increaseTo(pausedAt + 30n * DAY);
      expect(await f.escrow.paused()).to.equal(false);
      expect(await clock(f)).to.deep.equal([pausedAt + 30n * DAY, pausedAt + 4n * DAY, 2n * DAY, 30n * DAY, pausedAt]);
    });

    it("takes the times given at creation on the escrow's clock", async function () {
      const f = await loadFixture(escrowFixture);
      const pausedAt = (await now()) + 10n;
      await PAUSE_ENDINGS["ends by itself"].start(f, pausedAt, 5n * DAY);
      // Created at wall time pausedAt + 5 days + 1 s, escrow time pausedAt + 1 s.
      const createdAt = pausedAt + 5n * DAY + 1n;
      await at(createdAt);
      await expect(f.escrow.connect(f.funder).createEscrow(terms(f), [lump(1n, pausedAt + 1n)]))
        .to.be.revertedWithCustomError(f.escrow, "EscrowDeadlineInPast")
        .withArgs(0n, pausedAt + 1n);
      await expect(f.escrow.connect(f.funder).createEscrow(terms(f), [stream(1n, pausedAt - 3_600n, pausedAt + 1n)]))
        .to.be.revertedWithCustomError(f.escrow, "EscrowInvalidStream")
        .withArgs(0n, pausedAt - 3_600n, pausedAt + 1n);
      await expect(f.escrow.connect(f.funder).createEscrow(terms(f), [stream(1n, pausedAt - 3_601n, pausedAt + DAY)]))
        .to.be.revertedWithCustomError(f.escrow, "EscrowStreamStartTooEarly")
        .withArgs(0n, pausedAt - 3_601n, pausedAt - 3_599n);
      await expect(f.escrow.connect(f.funder).createEscrow(terms(f), [stream(1n, pausedAt - 3_599n, pausedAt + 2n)]))
        .to.emit(f.escrow, "MilestoneAdded")
        .withArgs(1n, 0n, Kind.Streaming, 1n, 0n, pausedAt - 3_599n, pausedAt + 2n, true);
      expect(await now()).to.equal(createdAt);
    });
  });

  describe("views", function () {
    it("report the contracts the escrow is wired to and reject unknown ids", async function () {
      const f = await loadFixture(escrowFixture);
      expect(await f.escrow.registry()).to.equal(await f.registry.getAddress());
      expect(await f.escrow.ledger()).to.equal(await f.ledger.getAddress());
      expect(await f.escrow.arbitration()).to.equal(await f.arbitration.getAddress());
      expect(await f.escrow.eas()).to.equal(await f.eas.getAddress());
      expect(await f.escrow.MILESTONE_VERIFICATION_SCHEMA()).to.equal(f.schemas.milestoneVerification);
      expect(await f.escrow.MILESTONE_POINTS()).to.equal(MILESTONE_POINTS);
      expect(await f.escrow.governance()).to.equal(await f.timelock.getAddress());
      expect(await f.escrow.disputedMilestone(1n)).to.deep.equal([0n, 0n]);
      await expect(f.escrow.getEscrow(1n)).to.be.revertedWithCustomError(f.escrow, "EscrowUnknownEscrow").withArgs(1n);
      await expect(f.escrow.getMilestone(1n, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowUnknownEscrow")
        .withArgs(1n);
      await expect(f.escrow.claimable(1n, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowUnknownEscrow")
        .withArgs(1n);
    });

    it("cannot be initialized twice", async function () {
      const f = await loadFixture(escrowFixture);
      await expect(f.escrow.initialize(f.funder.address, f.funder.address)).to.be.revertedWithCustomError(
        f.escrow,
        "InvalidInitialization",
      );
    });
  });
});
