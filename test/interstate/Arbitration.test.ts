import { expect } from "chai";
import { ZeroAddress, ZeroHash, id, type BaseContract, type ContractTransactionResponse } from "ethers";

import type { IArbitration } from "../../types/ethers-contracts/index.js";
import { Role } from "../helpers/graph.ts";
import {
  APPEAL_WINDOW,
  DAY,
  DisputeStatus,
  EAST,
  NORTH,
  RULING_PERIOD,
  SOUTH,
  WEST,
  at,
  escrowFixture,
  ethers,
  networkHelpers,
  now,
} from "../capital/escrow/fixture.ts";

const { loadFixture } = networkHelpers;
const EVIDENCE = { uri: "ipfs://claim", hash: id("claim") };

/** MockArbitrable (test/interstate/mocks/, so typechain does not type it). */
interface MockArbitrable extends BaseContract {
  open(params: IArbitration.DisputeParamsStruct): Promise<ContractTransactionResponse>;
  rulings(disputeId: bigint): Promise<bigint>;
  rulingCalls(disputeId: bigint): Promise<bigint>;
  setRefusing(refusing: boolean): Promise<ContractTransactionResponse>;
  setReentering(reentering: boolean): Promise<ContractTransactionResponse>;
  reentryError(): Promise<string>;
}

/** The escrow fixture plus a MockArbitrable named by governance. */
async function arbitrationFixture() {
  const f = await escrowFixture();
  const arbitrable = (await ethers.deployContract("MockArbitrable", [
    await f.arbitration.getAddress(),
  ])) as unknown as MockArbitrable;
  await f.arbitration.connect(f.governance).setArbitrable(await arbitrable.getAddress(), true);
  return { ...f, arbitrable, arbitrableAddress: await arbitrable.getAddress() };
}

type Fixture = Awaited<ReturnType<typeof arbitrationFixture>>;

/** Dispute terms: funder (north) against contributor (south) over 1,000 of the token, no named arbiter. */
function params(
  f: Fixture,
  overrides: Partial<IArbitration.DisputeParamsStruct> = {},
): IArbitration.DisputeParamsStruct {
  return {
    claimant: f.funder.address,
    respondent: f.contributor.address,
    token: f.tokenAddress,
    amount: 1_000n,
    claimantSovereign: NORTH,
    respondentSovereign: SOUTH,
    namedArbiter: ZeroAddress,
    evidenceURI: EVIDENCE.uri,
    evidenceHash: EVIDENCE.hash,
    ...overrides,
  };
}

/** Dispute 1 opened, with a west arbiter drawn for round 1. */
async function withArbiter() {
  const f = await loadFixture(arbitrationFixture);
  await f.arbitrable.open(params(f));
  await f.arbitration.proposeArbiter(1n, f.arbiter.address, WEST);
  return f;
}

/** Dispute 1 ruled 700,000 to the claimant in round 1; `ruledAt` the ruling's time. */
async function ruled() {
  const f = await withArbiter();
  await f.arbitration.connect(f.arbiter).rule(1n, 700_000n);
  return { ...f, ruledAt: await now() };
}

describe("Arbitration", function () {
  describe("openDispute", function () {
    it("records the dispute and the claimant's evidence", async function () {
      const f = await loadFixture(arbitrationFixture);
      const tx = f.arbitrable.open(params(f));
      await expect(tx)
        .to.emit(f.arbitration, "DisputeOpened")
        .withArgs(
          1n,
          f.arbitrableAddress,
          f.funder.address,
          f.contributor.address,
          f.tokenAddress,
          1_000n,
          NORTH,
          SOUTH,
        );
      await expect(tx)
        .to.emit(f.arbitration, "EvidenceSubmitted")
        .withArgs(1n, f.funder.address, EVIDENCE.uri, EVIDENCE.hash);
      await expect(tx).not.to.emit(f.arbitration, "ArbiterAssigned");
      expect(await f.arbitration.disputeCount()).to.equal(1n);
      const dispute = await f.arbitration.getDispute(1n);
      expect(dispute.arbitrable).to.equal(f.arbitrableAddress);
      expect(dispute.status).to.equal(DisputeStatus.Open);
      expect(dispute.round).to.equal(1n);
      expect([dispute.claimant, dispute.respondent]).to.deep.equal([f.funder.address, f.contributor.address]);
      expect([dispute.claimantSovereign, dispute.respondentSovereign]).to.deep.equal([NORTH, SOUTH]);
      expect([dispute.token, dispute.amount]).to.deep.equal([f.tokenAddress, 1_000n]);
      expect((await f.arbitration.getRound(1n, 1)).arbiter).to.equal(ZeroAddress);
    });

    it("assigns the arbiter named at deal creation to round 1", async function () {
      const f = await loadFixture(arbitrationFixture);
      const tx = f.arbitrable.open(params(f, { namedArbiter: f.stranger.address, claimantSovereign: 0n }));
      await expect(tx)
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 1n, f.stranger.address, 0n, f.arbitrableAddress);
      const round = await f.arbitration.getRound(1n, 1);
      expect([round.arbiter, round.sovereignId, round.assignedAt]).to.deep.equal([f.stranger.address, 0n, await now()]);
    });

    it("rejects callers that are not arbitrables, bad parties, a party as arbiter and no arbiter pool", async function () {
      const f = await loadFixture(arbitrationFixture);
      await expect(f.arbitration.connect(f.funder).openDispute(params(f)))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotArbitrable")
        .withArgs(f.funder.address);
      await expect(f.arbitrable.open(params(f, { respondent: ZeroAddress })))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationInvalidParties")
        .withArgs(f.funder.address, ZeroAddress);
      await expect(f.arbitrable.open(params(f, { respondent: f.funder.address })))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationInvalidParties")
        .withArgs(f.funder.address, f.funder.address);
      await expect(f.arbitrable.open(params(f, { namedArbiter: f.contributor.address })))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterIsParty")
        .withArgs(f.contributor.address);
      await expect(f.arbitrable.open(params(f, { respondentSovereign: 0n })))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNoArbiterPool")
        .withArgs(NORTH, 0n);
    });

    it("rejects a zero amount and missing evidence", async function () {
      const f = await loadFixture(arbitrationFixture);
      await expect(f.arbitrable.open(params(f, { amount: 0n }))).to.be.revertedWithCustomError(
        f.arbitration,
        "ArbitrationZeroAmount",
      );
      await expect(f.arbitrable.open(params(f, { evidenceURI: "" }))).to.be.revertedWithCustomError(
        f.arbitration,
        "ArbitrationMissingEvidence",
      );
      await expect(f.arbitrable.open(params(f, { evidenceHash: ZeroHash }))).to.be.revertedWithCustomError(
        f.arbitration,
        "ArbitrationMissingEvidence",
      );
      expect(await f.arbitration.disputeCount()).to.equal(0n);
    });
  });

  describe("proposeArbiter", function () {
    it("draws an Arbiter of a sovereign both parties' sovereigns recognize, from anyone", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f));
      await expect(f.arbitration.connect(f.stranger).proposeArbiter(1n, f.arbiter.address, WEST))
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 1n, f.arbiter.address, WEST, f.stranger.address);
      const round = await f.arbitration.getRound(1n, 1);
      expect([round.arbiter, round.sovereignId, round.ruled]).to.deep.equal([f.arbiter.address, WEST, false]);
      expect((await f.arbitration.getDispute(1n)).drawnByMover).to.equal(false);
    });

    it("rejects an arbiter from a sovereign one party's sovereign does not recognize", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f));
      // East recognizes north (the claimant's) but not south (the respondent's).
      await expect(f.arbitration.proposeArbiter(1n, f.eastArbiter.address, EAST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationSovereignNotRecognized")
        .withArgs(EAST, SOUTH);
      await f.arbitrable.open(params(f, { claimantSovereign: SOUTH, respondentSovereign: NORTH }));
      await expect(f.arbitration.proposeArbiter(2n, f.eastArbiter.address, EAST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationSovereignNotRecognized")
        .withArgs(EAST, SOUTH);
    });

    it("rejects a party's own sovereign, an inactive sovereign, parties and accounts without the role", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f));
      await expect(f.arbitration.proposeArbiter(1n, f.northArbiter.address, NORTH))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterSovereignIsParty")
        .withArgs(NORTH);
      await expect(f.arbitration.proposeArbiter(1n, f.arbiter.address, 9n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationSovereignInactive")
        .withArgs(9n);
      await expect(f.arbitration.proposeArbiter(1n, f.contributor.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterIsParty")
        .withArgs(f.contributor.address);
      await expect(f.arbitration.proposeArbiter(1n, ZeroAddress, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterIsParty")
        .withArgs(ZeroAddress);
      await expect(f.arbitration.proposeArbiter(1n, f.westMember.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotSovereignArbiter")
        .withArgs(WEST, f.westMember.address);
      await f.registry.connect(f.governance).suspendSovereign(WEST);
      await expect(f.arbitration.proposeArbiter(1n, f.arbiter.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationSovereignInactive")
        .withArgs(WEST);
    });

    it("keeps an assigned arbiter for the ruling period, then lets a different one replace it", async function () {
      const f = await withArbiter();
      const assignedAt = (await f.arbitration.getRound(1n, 1)).assignedAt;
      await expect(f.arbitration.proposeArbiter(1n, f.arbiter2.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterAlreadyAssigned")
        .withArgs(1n, f.arbiter.address);
      await at(assignedAt + RULING_PERIOD);
      await expect(f.arbitration.proposeArbiter(1n, f.arbiter2.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterAlreadyAssigned")
        .withArgs(1n, f.arbiter.address);
      await at(assignedAt + RULING_PERIOD + 1n);
      await expect(f.arbitration.proposeArbiter(1n, f.arbiter.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterAlreadyServed")
        .withArgs(1n, f.arbiter.address);
      await expect(f.arbitration.proposeArbiter(1n, f.arbiter2.address, WEST))
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 1n, f.arbiter2.address, WEST, f.deployer.address);
      await expect(f.arbitration.connect(f.arbiter).rule(1n, 0n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotArbiter")
        .withArgs(1n, f.arbiter.address);
    });

    it("lets an arbiter whose sovereign revoked its role be replaced at once", async function () {
      const f = await withArbiter();
      await f.registry.connect(f.carol).revokeRole(WEST, f.arbiter.address, Role.Arbiter);
      await expect(f.arbitration.proposeArbiter(1n, f.arbiter2.address, WEST))
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 1n, f.arbiter2.address, WEST, f.deployer.address);
    });

    it("lets the claimant replace at once an arbiter someone else drew, restarting the ruling period", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f));
      await f.arbitration.connect(f.contributor).proposeArbiter(1n, f.arbiter.address, WEST);
      await at((await now()) + DAY);
      await expect(f.arbitration.connect(f.funder).proposeArbiter(1n, f.arbiter2.address, WEST))
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 1n, f.arbiter2.address, WEST, f.funder.address);
      const vetoedAt = await now();
      const round = await f.arbitration.getRound(1n, 1);
      expect([round.arbiter, round.assignedAt]).to.deep.equal([f.arbiter2.address, vetoedAt]);
      expect((await f.arbitration.getDispute(1n)).drawnByMover).to.equal(true);
      await expect(f.arbitration.connect(f.arbiter).rule(1n, 0n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotArbiter")
        .withArgs(1n, f.arbiter.address);
      // The respondent cannot replace the claimant's arbiter, nor can the claimant replace its own.
      await expect(f.arbitration.connect(f.contributor).proposeArbiter(1n, f.arbiter.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterAlreadyAssigned")
        .withArgs(1n, f.arbiter2.address);
      await expect(f.arbitration.connect(f.funder).proposeArbiter(1n, f.arbiter.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterAlreadyAssigned")
        .withArgs(1n, f.arbiter2.address);
      // The dismissal clock runs from the replacement.
      await at(vetoedAt + RULING_PERIOD);
      await expect(f.arbitration.finalize(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotFinalizable")
        .withArgs(1n);
      await expect(f.arbitration.connect(f.arbiter2).rule(1n, 800_000n))
        .to.emit(f.arbitration, "DisputeRuled")
        .withArgs(1n, 1n, f.arbiter2.address, 800_000n, vetoedAt + RULING_PERIOD + APPEAL_WINDOW);
    });

    it("defeats a respondent's silent arbiter: without the veto the clock would dismiss the claim", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f));
      // The respondent draws an Arbiter who will never rule (a dormant account holding the role).
      await f.arbitration.connect(f.contributor).proposeArbiter(1n, f.arbiter.address, WEST);
      const silentAt = await now();
      // What the respondent plays for: at the first second a replacement is allowed to anyone, the
      // dismissal is too, and the respondent calls it first.
      const snapshot = await networkHelpers.takeSnapshot();
      await at(silentAt + RULING_PERIOD + 1n);
      await expect(f.arbitration.connect(f.contributor).finalize(1n))
        .to.emit(f.arbitration, "DisputeFinalized")
        .withArgs(1n, 0n, 0n);
      await snapshot.restore();
      // The claimant does not wait for the clock.
      await f.arbitration.connect(f.funder).proposeArbiter(1n, f.arbiter2.address, WEST);
      await f.arbitration.connect(f.arbiter2).rule(1n, 1_000_000n);
      await at((await now()) + APPEAL_WINDOW + 1n);
      await expect(f.arbitration.finalize(1n)).to.emit(f.arbitrable, "RulingReceived").withArgs(1n, 1_000_000n);
    });

    it("never lets the claimant replace an arbiter named at deal creation before its period ends", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f, { namedArbiter: f.stranger.address }));
      const round = await f.arbitration.getRound(1n, 1);
      expect(round.arbiter).to.equal(f.stranger.address);
      await expect(f.arbitration.connect(f.funder).proposeArbiter(1n, f.arbiter.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterAlreadyAssigned")
        .withArgs(1n, f.stranger.address);
      await at(round.assignedAt + RULING_PERIOD + 1n);
      await expect(f.arbitration.connect(f.funder).proposeArbiter(1n, f.arbiter.address, WEST))
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 1n, f.arbiter.address, WEST, f.funder.address);
    });

    it("rejects a veto that names the same arbiter again", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f));
      await f.arbitration.connect(f.stranger).proposeArbiter(1n, f.arbiter.address, WEST);
      await expect(f.arbitration.connect(f.funder).proposeArbiter(1n, f.arbiter.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterAlreadyServed")
        .withArgs(1n, f.arbiter.address);
    });

    it("rejects proposals for unknown, ruled or finalized disputes", async function () {
      const f = await ruled();
      await expect(f.arbitration.proposeArbiter(9n, f.arbiter2.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationUnknownDispute")
        .withArgs(9n);
      await expect(f.arbitration.proposeArbiter(1n, f.arbiter2.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationAlreadyRuled")
        .withArgs(1n, 1n);
      await at(f.ruledAt + APPEAL_WINDOW + 1n);
      await f.arbitration.finalize(1n);
      await expect(f.arbitration.proposeArbiter(1n, f.arbiter2.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationDisputeClosed")
        .withArgs(1n);
    });
  });

  describe("rule", function () {
    it("records the round's ruling and opens the appeal window", async function () {
      const f = await withArbiter();
      const t = (await now()) + 10n;
      await at(t);
      await expect(f.arbitration.connect(f.arbiter).rule(1n, 700_000n))
        .to.emit(f.arbitration, "DisputeRuled")
        .withArgs(1n, 1n, f.arbiter.address, 700_000n, t + APPEAL_WINDOW);
      const round = await f.arbitration.getRound(1n, 1);
      expect([round.ruled, round.shareToClaimant, round.ruledAt]).to.deep.equal([true, 700_000n, t]);
    });

    it("rejects a ruling by anyone but the round's arbiter", async function () {
      const f = await withArbiter();
      for (const account of [f.arbiter2, f.funder, f.contributor, f.governance]) {
        await expect(f.arbitration.connect(account).rule(1n, 500_000n))
          .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotArbiter")
          .withArgs(1n, await account.getAddress());
      }
    });

    it("rules once per round, with a share of at most 1e6, while the arbiter holds its role", async function () {
      const f = await withArbiter();
      await expect(f.arbitration.connect(f.arbiter).rule(1n, 1_000_001n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationInvalidShare")
        .withArgs(1_000_001n, 1_000_000n);
      await f.registry.connect(f.carol).revokeRole(WEST, f.arbiter.address, Role.Arbiter);
      await expect(f.arbitration.connect(f.arbiter).rule(1n, 1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotSovereignArbiter")
        .withArgs(WEST, f.arbiter.address);
      await f.registry.connect(f.carol).grantRole(WEST, f.arbiter.address, Role.Arbiter);
      await f.arbitration.connect(f.arbiter).rule(1n, 1_000_000n);
      await expect(f.arbitration.connect(f.arbiter).rule(1n, 0n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationAlreadyRuled")
        .withArgs(1n, 1n);
    });
  });

  describe("appeal", function () {
    it("sends the dispute to a different arbiter whose ruling is final", async function () {
      const f = await ruled();
      const t = f.ruledAt + APPEAL_WINDOW;
      await at(t);
      await expect(f.arbitration.connect(f.contributor).appeal(1n))
        .to.emit(f.arbitration, "DisputeAppealed")
        .withArgs(1n, f.contributor.address, t + RULING_PERIOD);
      const dispute = await f.arbitration.getDispute(1n);
      expect([dispute.status, dispute.round, dispute.appealedAt, dispute.appellant]).to.deep.equal([
        DisputeStatus.Appealed,
        2n,
        t,
        f.contributor.address,
      ]);

      await expect(f.arbitration.proposeArbiter(1n, f.arbiter.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterAlreadyServed")
        .withArgs(1n, f.arbiter.address);
      await expect(f.arbitration.connect(f.arbiter).rule(1n, 0n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotArbiter")
        .withArgs(1n, f.arbiter.address);
      await f.arbitration.proposeArbiter(1n, f.arbiter2.address, WEST);
      await expect(f.arbitration.connect(f.arbiter2).rule(1n, 400_000n))
        .to.emit(f.arbitration, "DisputeRuled")
        .withArgs(1n, 2n, f.arbiter2.address, 400_000n, 0n);
      await expect(f.arbitration.connect(f.funder).appeal(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationAlreadyAppealed")
        .withArgs(1n);
      const tx = f.arbitration.finalize(1n);
      await expect(tx).to.emit(f.arbitration, "DisputeFinalized").withArgs(1n, 400_000n, 2n);
      await expect(tx).to.emit(f.arbitrable, "RulingReceived").withArgs(1n, 400_000n);
    });

    it("rejects outsiders, unruled disputes and appeals after the window", async function () {
      const f = await withArbiter();
      await expect(f.arbitration.connect(f.funder).appeal(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotRuled")
        .withArgs(1n);
      await f.arbitration.connect(f.arbiter).rule(1n, 1n);
      const ruledAt = await now();
      await expect(f.arbitration.connect(f.arbiter).appeal(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotParty")
        .withArgs(1n, f.arbiter.address);
      await at(ruledAt + APPEAL_WINDOW + 1n);
      await expect(f.arbitration.connect(f.funder).appeal(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationAppealWindowClosed")
        .withArgs(1n, ruledAt + APPEAL_WINDOW);
    });

    it("lets the appellant replace at once an arbiter the other party drew, within the same lapse time", async function () {
      const f = await ruled();
      await f.arbitration.connect(f.contributor).appeal(1n);
      const lapsesAt = (await f.arbitration.getDispute(1n)).appealedAt + RULING_PERIOD;
      // The first ruling's winner (the funder, 70%) draws for round 2, hoping for silence.
      await f.arbitration.connect(f.funder).proposeArbiter(1n, f.arbiter2.address, WEST);
      expect((await f.arbitration.getDispute(1n)).drawnByMover).to.equal(false);
      await expect(f.arbitration.connect(f.contributor).proposeArbiter(1n, f.arbiter.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterAlreadyServed")
        .withArgs(1n, f.arbiter.address);
      await f.registry.connect(f.carol).invite(WEST, f.stranger.address);
      await f.registry.connect(f.stranger).acceptInvitation(WEST);
      await f.registry.connect(f.carol).grantRole(WEST, f.stranger.address, Role.Arbiter);
      await expect(f.arbitration.connect(f.contributor).proposeArbiter(1n, f.stranger.address, WEST))
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 2n, f.stranger.address, WEST, f.contributor.address);
      expect((await f.arbitration.getDispute(1n)).drawnByMover).to.equal(true);
      // The funder cannot take it back, and the appeal lapses when it always would have.
      await expect(f.arbitration.connect(f.funder).proposeArbiter(1n, f.arbiter2.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterAlreadyAssigned")
        .withArgs(1n, f.stranger.address);
      await at(lapsesAt);
      await expect(f.arbitration.connect(f.stranger).rule(1n, 100_000n))
        .to.emit(f.arbitration, "DisputeRuled")
        .withArgs(1n, 2n, f.stranger.address, 100_000n, 0n);
      await expect(f.arbitration.finalize(1n)).to.emit(f.arbitration, "DisputeFinalized").withArgs(1n, 100_000n, 2n);
    });

    it("rejects an appeal nobody could hear: without both parties' sovereigns", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f, { namedArbiter: f.stranger.address, respondentSovereign: 0n }));
      await f.arbitration.connect(f.stranger).rule(1n, 600_000n);
      await expect(f.arbitration.connect(f.contributor).appeal(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNoArbiterPool")
        .withArgs(NORTH, 0n);
      expect((await f.arbitration.getDispute(1n)).status).to.equal(DisputeStatus.Open);
    });

    it("lapses without a second ruling within the ruling period: the first ruling stands", async function () {
      const f = await ruled();
      await f.arbitration.connect(f.funder).appeal(1n);
      const lapsesAt = (await f.arbitration.getDispute(1n)).appealedAt + RULING_PERIOD;
      await expect(f.arbitration.finalize(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotFinalizable")
        .withArgs(1n);
      await f.arbitration.proposeArbiter(1n, f.arbiter2.address, WEST);
      await at(lapsesAt + 1n);
      await expect(f.arbitration.connect(f.arbiter2).rule(1n, 0n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationAppealLapsed")
        .withArgs(1n, lapsesAt);
      await expect(f.arbitration.proposeArbiter(1n, f.arbiter2.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationAppealLapsed")
        .withArgs(1n, lapsesAt);
      await expect(f.arbitration.finalize(1n)).to.emit(f.arbitration, "DisputeFinalized").withArgs(1n, 700_000n, 1n);
      expect(await f.arbitrable.rulings(1n)).to.equal(700_000n);
    });
  });

  describe("finalize", function () {
    it("enforces the first ruling once the appeal window closed, once", async function () {
      const f = await ruled();
      await at(f.ruledAt + APPEAL_WINDOW);
      await expect(f.arbitration.finalize(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotFinalizable")
        .withArgs(1n);
      await at(f.ruledAt + APPEAL_WINDOW + 1n);
      const tx = f.arbitration.connect(f.stranger).finalize(1n);
      await expect(tx).to.emit(f.arbitration, "DisputeFinalized").withArgs(1n, 700_000n, 1n);
      await expect(tx).to.emit(f.arbitrable, "RulingReceived").withArgs(1n, 700_000n);
      expect((await f.arbitration.getDispute(1n)).status).to.equal(DisputeStatus.Finalized);
      await expect(f.arbitration.finalize(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationDisputeClosed")
        .withArgs(1n);
      expect(await f.arbitrable.rulingCalls(1n)).to.equal(1n);
    });

    it("dismisses a claim no arbiter was drawn for within the ruling period", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f));
      const openedAt = (await f.arbitration.getDispute(1n)).openedAt;
      expect(openedAt).to.equal(await now());
      await at(openedAt + RULING_PERIOD);
      await expect(f.arbitration.finalize(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotFinalizable")
        .withArgs(1n);
      await at(openedAt + RULING_PERIOD + 1n);
      const tx = f.arbitration.finalize(1n);
      await expect(tx).to.emit(f.arbitration, "DisputeFinalized").withArgs(1n, 0n, 0n);
      await expect(tx).to.emit(f.arbitrable, "RulingReceived").withArgs(1n, 0n);
    });

    it("dismisses a claim whose arbiter stayed silent and was not replaced", async function () {
      const f = await withArbiter();
      const assignedAt = (await f.arbitration.getRound(1n, 1)).assignedAt;
      await at(assignedAt + RULING_PERIOD);
      await expect(f.arbitration.finalize(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotFinalizable")
        .withArgs(1n);
      await at(assignedAt + RULING_PERIOD + 1n);
      await expect(f.arbitration.finalize(1n)).to.emit(f.arbitration, "DisputeFinalized").withArgs(1n, 0n, 0n);
    });
  });

  describe("submitEvidence", function () {
    it("records either party's evidence until the dispute is finalized", async function () {
      const f = await ruled();
      await expect(f.arbitration.connect(f.contributor).submitEvidence(1n, "ipfs://reply", id("reply")))
        .to.emit(f.arbitration, "EvidenceSubmitted")
        .withArgs(1n, f.contributor.address, "ipfs://reply", id("reply"));
      await expect(f.arbitration.connect(f.arbiter).submitEvidence(1n, "ipfs://x", id("x")))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotParty")
        .withArgs(1n, f.arbiter.address);
      await expect(f.arbitration.connect(f.funder).submitEvidence(1n, "", id("x"))).to.be.revertedWithCustomError(
        f.arbitration,
        "ArbitrationMissingEvidence",
      );
      await expect(
        f.arbitration.connect(f.funder).submitEvidence(1n, "ipfs://x", ZeroHash),
      ).to.be.revertedWithCustomError(f.arbitration, "ArbitrationMissingEvidence");
      await at(f.ruledAt + APPEAL_WINDOW + 1n);
      await f.arbitration.finalize(1n);
      await expect(f.arbitration.connect(f.funder).submitEvidence(1n, "ipfs://late", id("late")))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationDisputeClosed")
        .withArgs(1n);
    });
  });

  describe("governance", function () {
    it("names arbitrables and sets the periods within bounds", async function () {
      const f = await loadFixture(arbitrationFixture);
      await expect(f.arbitration.connect(f.governance).setArbitrable(f.stranger.address, true))
        .to.emit(f.arbitration, "ArbitrableSet")
        .withArgs(f.stranger.address, true);
      expect(await f.arbitration.isArbitrable(f.stranger.address)).to.equal(true);
      await expect(f.arbitration.connect(f.governance).setArbitrable(ZeroAddress, true)).to.be.revertedWithCustomError(
        f.arbitration,
        "ArbitrationZeroArbitrable",
      );
      await expect(f.arbitration.connect(f.governance).setPeriods(3_600, 90 * 86_400))
        .to.emit(f.arbitration, "PeriodsSet")
        .withArgs(3_600n, 90n * DAY);
      expect([await f.arbitration.appealWindow(), await f.arbitration.rulingPeriod()]).to.deep.equal([
        3_600n,
        90n * DAY,
      ]);
      await expect(f.arbitration.connect(f.governance).setPeriods(3_599, DAY))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationInvalidPeriod")
        .withArgs(3_599n, 3_600n, 90n * DAY);
      await expect(f.arbitration.connect(f.governance).setPeriods(DAY, 90n * DAY + 1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationInvalidPeriod")
        .withArgs(90n * DAY + 1n, 3_600n, 90n * DAY);
      await expect(f.arbitration.connect(f.funder).setPeriods(DAY, DAY))
        .to.be.revertedWithCustomError(f.arbitration, "ModuleOnlyGovernance")
        .withArgs(f.funder.address);
    });

    it("holds only enforcement while paused: every window stays usable", async function () {
      const f = await withArbiter();
      await f.arbitration.connect(f.guardian).pause();
      // Opening, drawing, ruling, evidence and appeals go on.
      await expect(f.arbitrable.open(params(f))).to.emit(f.arbitration, "DisputeOpened");
      await expect(f.arbitration.proposeArbiter(2n, f.arbiter2.address, WEST)).to.emit(
        f.arbitration,
        "ArbiterAssigned",
      );
      await expect(f.arbitration.connect(f.arbiter).rule(1n, 700_000n)).to.emit(f.arbitration, "DisputeRuled");
      const ruledAt = await now();
      await expect(f.arbitration.connect(f.funder).submitEvidence(1n, EVIDENCE.uri, EVIDENCE.hash)).to.emit(
        f.arbitration,
        "EvidenceSubmitted",
      );
      // The appeal window would close during the pause: the party appeals all the same.
      await at(ruledAt + APPEAL_WINDOW);
      await expect(f.arbitration.connect(f.contributor).appeal(1n)).to.emit(f.arbitration, "DisputeAppealed");
      await f.arbitration.connect(f.contributor).proposeArbiter(1n, f.arbiter2.address, WEST);
      await expect(f.arbitration.connect(f.arbiter2).rule(1n, 0n)).to.emit(f.arbitration, "DisputeRuled");
      // Enforcement waits.
      await expect(f.arbitration.finalize(1n)).to.be.revertedWithCustomError(f.arbitration, "EnforcedPause");
      await f.arbitration.connect(f.governance).unpause();
      await expect(f.arbitration.finalize(1n)).to.emit(f.arbitrable, "RulingReceived").withArgs(1n, 0n);
    });
  });

  describe("finalize: the arbitrable's callback", function () {
    it("reverts whole when the arbitrable refuses the ruling, and succeeds on a retry", async function () {
      const f = await ruled();
      await at(f.ruledAt + APPEAL_WINDOW + 1n);
      await f.arbitrable.setRefusing(true);
      await expect(f.arbitration.finalize(1n))
        .to.be.revertedWithCustomError(f.arbitrable, "RulingRefused")
        .withArgs(1n);
      expect((await f.arbitration.getDispute(1n)).status).to.equal(DisputeStatus.Open);
      // Nothing lapsed meanwhile: the same ruling is enforced later.
      await at(f.ruledAt + APPEAL_WINDOW + 30n * DAY);
      await f.arbitrable.setRefusing(false);
      await expect(f.arbitration.finalize(1n)).to.emit(f.arbitrable, "RulingReceived").withArgs(1n, 700_000n);
      expect((await f.arbitration.getDispute(1n)).status).to.equal(DisputeStatus.Finalized);
    });

    it("cannot be re-entered from the callback: the ruling is delivered once", async function () {
      const f = await ruled();
      await at(f.ruledAt + APPEAL_WINDOW + 1n);
      await f.arbitrable.setReentering(true);
      await expect(f.arbitration.finalize(1n)).to.emit(f.arbitration, "DisputeFinalized").withArgs(1n, 700_000n, 1n);
      expect(await f.arbitrable.rulingCalls(1n)).to.equal(1n);
      expect(await f.arbitrable.reentryError()).to.equal(
        f.arbitration.interface.encodeErrorResult("ArbitrationDisputeClosed", [1n]),
      );
    });
  });

  describe("views", function () {
    it("reject unknown disputes and rounds", async function () {
      const f = await withArbiter();
      expect(await f.arbitration.registry()).to.equal(await f.registry.getAddress());
      expect(await f.arbitration.SHARE_SCALE()).to.equal(1_000_000n);
      expect((await f.arbitration.getDispute(1n)).appellant).to.equal(ZeroAddress);
      await expect(f.arbitration.getDispute(2n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationUnknownDispute")
        .withArgs(2n);
      await expect(f.arbitration.getRound(1n, 3))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationUnknownRound")
        .withArgs(1n, 3n);
      await expect(f.arbitration.initialize(f.funder.address, ZeroAddress, DAY, DAY)).to.be.revertedWithCustomError(
        f.arbitration,
        "InvalidInitialization",
      );
    });
  });
});
