import { expect } from "chai";
import { AbiCoder, ZeroAddress, ZeroHash, id } from "ethers";
import { anyValue } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";

import {
  DAY,
  Kind,
  MILESTONE_KIND,
  MILESTONE_POINTS,
  MISSION,
  NORTH,
  REVIEW_WINDOW,
  Reason,
  SOUTH,
  State,
  at,
  attestMilestone,
  createEscrow,
  escrowFixture,
  ethers,
  lump,
  networkHelpers,
  now,
  stream,
  terms,
  withEscrow,
} from "./fixture.ts";
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
      expect((await f.escrow.getEscrow(1n)).arbiter).to.equal(f.arbiter.address);
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
      await expect(f.escrow.connect(f.contributor).submitMilestone(escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneNotFunded")
        .withArgs(escrowId, 0n);
    });
  });

  describe("approveMilestone", function () {
    it("releases a submitted lump to the contributor and records the contribution", async function () {
      const f = await withEscrow();
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
      // A bool word that is neither 0 nor 1, and an evidence URI that does not decode: not an approval.
      const dirty = await attest(
        f.eas,
        f.verifier,
        f.schemas.milestoneVerification,
        f.contributor.address,
        coder.encode(["uint256", "uint256", "uint256", "uint256", "uint256"], [f.escrowId, 0n, 2n, 2n ** 64n, 0n]),
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

    it("rejects submitted milestones, streams and anyone but the funder", async function () {
      const f = await withEscrow();
      await f.escrow.connect(f.contributor).submitMilestone(f.escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      await at(f.lumpDeadline + 1n);
      await expect(f.escrow.connect(f.funder).reclaimMilestone(f.escrowId, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowMilestoneAlreadySubmitted")
        .withArgs(f.escrowId, 0n);
      await expect(f.escrow.connect(f.funder).reclaimMilestone(f.escrowId, 1n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowWrongKind")
        .withArgs(f.escrowId, 1n, Kind.Streaming);
      await expect(f.escrow.connect(f.contributor).reclaimMilestone(f.escrowId, 0n))
        .to.be.revertedWithCustomError(f.escrow, "EscrowOnlyFunder")
        .withArgs(f.escrowId, f.contributor.address);
    });
  });

  describe("claim", function () {
    it("pays what has vested, twice mid-stream and the rest at the end, recording the stream once, whole, at the end", async function () {
      const f = await withEscrow();
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
      const t = await now();
      // 1 unit over 100 days vests nothing for the first 100 days.
      const { escrowId } = await createEscrow(f, terms(f), [stream(1n, t, t + 100n * DAY)]);
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
      await expect(f.escrow.connect(f.funder).dispute(f.escrowId, 1n, EVIDENCE.uri, EVIDENCE.hash))
        .to.be.revertedWithCustomError(f.escrow, "EscrowWrongKind")
        .withArgs(f.escrowId, 1n, Kind.Streaming);
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

    it("cannot dispute without a named arbiter or both parties' sovereigns", async function () {
      const f = await loadFixture(escrowFixture);
      const { escrowId } = await createEscrow(f, terms(f, { contributorSovereign: 0n }), [
        lump(10n, (await now()) + DAY),
      ]);
      await f.escrow.connect(f.contributor).submitMilestone(escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
      await expect(f.escrow.connect(f.funder).dispute(escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNoArbiterPool")
        .withArgs(NORTH, 0n);
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
      await f.arbitration.connect(f.arbiter).rule(1n, 300_000n);
      await networkHelpers.time.increase(4n * DAY);
      const tx = f.arbitration.finalize(1n);
      await expect(tx).to.emit(f.escrow, "MilestoneResolved").withArgs(f.escrowId, 0n, 1n, 300_000n, 700n, 0n, 300n);
      await expect(tx).to.emit(f.escrow, "WithdrawalCredited").withArgs(f.contributor.address, f.tokenAddress, 700n);
      await expect(tx).to.emit(f.escrow, "WithdrawalCredited").withArgs(f.funder.address, f.tokenAddress, 300n);
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
      // Nobody draws an arbiter within the ruling period (7 days).
      await networkHelpers.time.increase(7n * DAY + 1n);
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
