import { expect } from "chai";
import { ZeroAddress, ZeroHash, id, type BaseContract, type ContractTransactionResponse, type Signer } from "ethers";

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
} from "../capital/escrow/fixtures.ts";

const { loadFixture } = networkHelpers;
const EVIDENCE = { uri: "ipfs://claim", hash: id("claim") };
/** IArbitration.Drawer, by name. */
const Drawer = { Other: 0n, Claimant: 1n, Respondent: 2n } as const;
/** The default pause length of an Atlas module (AtlasModule.DEFAULT_MAX_PAUSE_DURATION). */
const MAX_PAUSE = 14n * DAY;

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

/** Dispute 1 ruled `share` to the claimant in round 1 (700,000 by default: the respondent is
 * disfavoured); `ruledAt` the ruling's time. */
async function ruled(share = 700_000n) {
  const f = await withArbiter();
  await f.arbitration.connect(f.arbiter).rule(1n, share);
  return { ...f, ruledAt: await now() };
}

/** Pins the next block one second after the latest and returns its time. */
async function nextSecond(): Promise<bigint> {
  const t = (await now()) + 1n;
  await at(t);
  return t;
}

/** Makes `account` an admin of `sovereignId`, on the offer of its admin `admin`. */
async function makeAdmin(f: Fixture, sovereignId: bigint, admin: Signer, account: Signer) {
  await f.registry.connect(admin).offerAdmin(sovereignId, await account.getAddress(), false);
  await f.registry.connect(account).acceptAdmin(sovereignId);
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
      expect([dispute.openedAt, dispute.appealedAt, dispute.lastAppealAt]).to.deep.equal([await now(), 0n, 0n]);
      expect([dispute.appellant, dispute.appellants, dispute.drawnByMover]).to.deep.equal([ZeroAddress, 0n, false]);
      // The dispute keeps the periods in force when it opened.
      expect([dispute.appealWindow, dispute.rulingPeriod]).to.deep.equal([APPEAL_WINDOW, RULING_PERIOD]);
      const round = await f.arbitration.getRound(1n, 1);
      expect([round.arbiter, round.sovereignId, round.assignedAt, round.fallbackArbiter, round.drawnBy]).to.deep.equal([
        ZeroAddress,
        0n,
        0n,
        false,
        Drawer.Other,
      ]);
    });

    it("assigns the arbiter named at deal creation to round 1", async function () {
      const f = await loadFixture(arbitrationFixture);
      const tx = f.arbitrable.open(params(f, { namedArbiter: f.stranger.address, claimantSovereign: 0n }));
      await expect(tx)
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 1n, f.stranger.address, 0n, f.arbitrableAddress);
      const round = await f.arbitration.getRound(1n, 1);
      expect([round.arbiter, round.sovereignId, round.assignedAt]).to.deep.equal([f.stranger.address, 0n, await now()]);
      expect([round.fallbackArbiter, round.drawnBy]).to.deep.equal([false, Drawer.Other]);
    });

    it("opens a dispute without the parties' sovereigns: the fallback arbiters hear it", async function () {
      const f = await loadFixture(arbitrationFixture);
      await expect(f.arbitrable.open(params(f, { respondentSovereign: 0n })))
        .to.emit(f.arbitration, "DisputeOpened")
        .withArgs(1n, f.arbitrableAddress, f.funder.address, f.contributor.address, f.tokenAddress, 1_000n, NORTH, 0n);
      await expect(f.arbitration.proposeArbiter(1n, f.arbiter.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationSovereignNotRecognized")
        .withArgs(WEST, 0n);
      await expect(f.arbitration.proposeArbiter(1n, f.fallbackArbiter.address, 0n))
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 1n, f.fallbackArbiter.address, 0n, f.deployer.address);
      const t = await nextSecond();
      await expect(f.arbitration.connect(f.fallbackArbiter).rule(1n, 250_000n))
        .to.emit(f.arbitration, "DisputeRuled")
        .withArgs(1n, 1n, f.fallbackArbiter.address, 250_000n, t + APPEAL_WINDOW);
    });

    it("rejects callers that are not arbitrables, bad parties and a party as arbiter", async function () {
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
      expect(await f.arbitration.disputeCount()).to.equal(0n);
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
      expect([round.assignedAt, round.fallbackArbiter, round.drawnBy]).to.deep.equal([
        await now(),
        false,
        Drawer.Other,
      ]);
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
      const openedAt = await now();
      await f.arbitration.connect(f.contributor).proposeArbiter(1n, f.arbiter.address, WEST);
      expect((await f.arbitration.getRound(1n, 1)).drawnBy).to.equal(Drawer.Respondent);
      await at((await now()) + DAY);
      await expect(f.arbitration.connect(f.funder).proposeArbiter(1n, f.arbiter2.address, WEST))
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 1n, f.arbiter2.address, WEST, f.funder.address);
      const vetoedAt = await now();
      const round = await f.arbitration.getRound(1n, 1);
      expect([round.arbiter, round.assignedAt, round.drawnBy]).to.deep.equal([
        f.arbiter2.address,
        vetoedAt,
        Drawer.Claimant,
      ]);
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
      // The new arbiter has a full ruling period; the dismissal waits for the round's end, which
      // no draw moves (twice the ruling period after the opening).
      await at(vetoedAt + RULING_PERIOD);
      await expect(f.arbitration.finalize(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotFinalizable")
        .withArgs(1n, openedAt + 2n * RULING_PERIOD + 1n);
      await expect(f.arbitration.connect(f.arbiter2).rule(1n, 800_000n))
        .to.emit(f.arbitration, "DisputeRuled")
        .withArgs(1n, 1n, f.arbiter2.address, 800_000n, vetoedAt + RULING_PERIOD + APPEAL_WINDOW);
    });

    it("defeats a respondent's silent arbiter: without the veto the clock would dismiss the claim", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f));
      const openedAt = await now();
      // The respondent draws an Arbiter who will never rule (a dormant account holding the role).
      await f.arbitration.connect(f.contributor).proposeArbiter(1n, f.arbiter.address, WEST);
      const silentAt = await now();
      // What the respondent plays for: at the first second a replacement is allowed to anyone, it
      // draws a second silent arbiter, and the round ends unruled: the claim is dismissed.
      const snapshot = await networkHelpers.takeSnapshot();
      await at(silentAt + RULING_PERIOD + 1n);
      await f.arbitration.connect(f.contributor).proposeArbiter(1n, f.fallbackArbiter.address, 0n);
      await at(openedAt + 2n * RULING_PERIOD + 1n);
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

    it("draws a fallback arbiter without a sovereign in any dispute, and lets the claimant veto it", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f));
      await expect(f.arbitration.connect(f.contributor).proposeArbiter(1n, f.fallbackArbiter.address, 0n))
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 1n, f.fallbackArbiter.address, 0n, f.contributor.address);
      let round = await f.arbitration.getRound(1n, 1);
      expect([round.arbiter, round.sovereignId, round.fallbackArbiter, round.drawnBy]).to.deep.equal([
        f.fallbackArbiter.address,
        0n,
        true,
        Drawer.Respondent,
      ]);
      // A fallback arbiter is drawn, not named: the claimant replaces the respondent's at once.
      await expect(f.arbitration.connect(f.funder).proposeArbiter(1n, f.fallbackArbiter2.address, 0n))
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 1n, f.fallbackArbiter2.address, 0n, f.funder.address);
      round = await f.arbitration.getRound(1n, 1);
      expect([round.arbiter, round.fallbackArbiter, round.drawnBy]).to.deep.equal([
        f.fallbackArbiter2.address,
        true,
        Drawer.Claimant,
      ]);
      expect((await f.arbitration.getDispute(1n)).drawnByMover).to.equal(true);
      await expect(f.arbitration.connect(f.contributor).proposeArbiter(1n, f.fallbackArbiter.address, 0n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterAlreadyAssigned")
        .withArgs(1n, f.fallbackArbiter2.address);
    });

    it("refuses, without a sovereign, an account governance did not name a fallback arbiter", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f));
      await expect(f.arbitration.proposeArbiter(1n, f.arbiter.address, 0n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotFallbackArbiter")
        .withArgs(f.arbiter.address);
      await expect(f.arbitration.proposeArbiter(1n, f.stranger.address, 0n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotFallbackArbiter")
        .withArgs(f.stranger.address);
      // A fallback arbiter is no Arbiter of a sovereign.
      await expect(f.arbitration.proposeArbiter(1n, f.fallbackArbiter.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotSovereignArbiter")
        .withArgs(WEST, f.fallbackArbiter.address);
    });

    it("refuses a fallback arbiter who is a party to the dispute", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitration.connect(f.governance).setFallbackArbiter(f.contributor.address, true);
      await f.arbitrable.open(params(f));
      await expect(f.arbitration.proposeArbiter(1n, f.contributor.address, 0n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterIsParty")
        .withArgs(f.contributor.address);
      await expect(f.arbitration.proposeArbiter(1n, ZeroAddress, 0n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterIsParty")
        .withArgs(ZeroAddress);
    });
  });

  describe("proposeArbiter: no party can empty the pool", function () {
    it("a party whose sovereign revokes every recognition cannot empty the pool", async function () {
      const f = await loadFixture(arbitrationFixture);
      // The respondent administers its own sovereign.
      await makeAdmin(f, SOUTH, f.bob, f.contributor);
      await f.arbitrable.open(params(f));
      // West is the only sovereign both parties' sovereigns recognize: the respondent revokes it.
      await f.registry.connect(f.contributor).revokeRecognition(SOUTH, WEST);
      await expect(f.arbitration.connect(f.funder).proposeArbiter(1n, f.arbiter.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationSovereignNotRecognized")
        .withArgs(WEST, SOUTH);
      await expect(f.arbitration.connect(f.funder).proposeArbiter(1n, f.eastArbiter.address, EAST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationSovereignNotRecognized")
        .withArgs(EAST, SOUTH);
      // The claim is not dismissed for want of an arbiter: the claimant draws a fallback arbiter.
      await expect(f.arbitration.connect(f.funder).proposeArbiter(1n, f.fallbackArbiter.address, 0n))
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 1n, f.fallbackArbiter.address, 0n, f.funder.address);
      await f.arbitration.connect(f.fallbackArbiter).rule(1n, 900_000n);
      await at((await now()) + APPEAL_WINDOW + 1n);
      const tx = f.arbitration.finalize(1n);
      await expect(tx).to.emit(f.arbitration, "DisputeFinalized").withArgs(1n, 900_000n, 1n);
      await expect(tx).to.emit(f.arbitrable, "RulingReceived").withArgs(1n, 900_000n);
    });

    it("a party whose sovereign revokes every recognition cannot leave the loser's appeal unheard", async function () {
      const f = await ruled();
      // The winner of round 1 (the claimant) administers its sovereign and revokes west.
      await makeAdmin(f, NORTH, f.alice, f.funder);
      await f.registry.connect(f.funder).revokeRecognition(NORTH, WEST);
      await f.arbitration.connect(f.contributor).appeal(1n);
      await expect(f.arbitration.connect(f.contributor).proposeArbiter(1n, f.arbiter2.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationSovereignNotRecognized")
        .withArgs(WEST, NORTH);
      await expect(f.arbitration.connect(f.contributor).proposeArbiter(1n, f.fallbackArbiter.address, 0n))
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 2n, f.fallbackArbiter.address, 0n, f.contributor.address);
      await expect(f.arbitration.connect(f.fallbackArbiter).rule(1n, 100_000n))
        .to.emit(f.arbitration, "DisputeRuled")
        .withArgs(1n, 2n, f.fallbackArbiter.address, 100_000n, 0n);
      const tx = f.arbitration.finalize(1n);
      await expect(tx).to.emit(f.arbitration, "DisputeFinalized").withArgs(1n, 100_000n, 2n);
      await expect(tx).to.emit(f.arbitrable, "RulingReceived").withArgs(1n, 100_000n);
    });

    it("a revocation does not unseat an arbiter already drawn", async function () {
      const f = await loadFixture(arbitrationFixture);
      await makeAdmin(f, SOUTH, f.bob, f.contributor);
      await f.arbitrable.open(params(f));
      await f.arbitration.connect(f.funder).proposeArbiter(1n, f.arbiter.address, WEST);
      await f.registry.connect(f.contributor).revokeRecognition(SOUTH, WEST);
      expect(await f.registry.isMutuallyRecognized(WEST, SOUTH)).to.equal(false);
      // The arbiter keeps the round: the respondent cannot replace it...
      await expect(f.arbitration.connect(f.contributor).proposeArbiter(1n, f.fallbackArbiter.address, 0n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterAlreadyAssigned")
        .withArgs(1n, f.arbiter.address);
      // ...and it rules.
      const t = await nextSecond();
      await expect(f.arbitration.connect(f.arbiter).rule(1n, 600_000n))
        .to.emit(f.arbitration, "DisputeRuled")
        .withArgs(1n, 1n, f.arbiter.address, 600_000n, t + APPEAL_WINDOW);
    });

    it("refuses an arbiter from a sovereign a party administers", async function () {
      const f = await loadFixture(arbitrationFixture);
      await makeAdmin(f, WEST, f.carol, f.contributor);
      await f.arbitrable.open(params(f));
      await expect(f.arbitration.proposeArbiter(1n, f.arbiter.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterSovereignIsParty")
        .withArgs(WEST);
      // The claimant administering it is refused the same way.
      await makeAdmin(f, EAST, f.dave, f.funder);
      await f.arbitrable.open(params(f, { respondentSovereign: NORTH, claimantSovereign: 0n }));
      await expect(f.arbitration.proposeArbiter(2n, f.eastArbiter.address, EAST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterSovereignIsParty")
        .withArgs(EAST);
    });

    it("stops an arbiter whose sovereign a party comes to administer, and lets anyone replace it at once", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f));
      await f.arbitration.connect(f.funder).proposeArbiter(1n, f.arbiter.address, WEST);
      await makeAdmin(f, WEST, f.carol, f.contributor);
      await expect(f.arbitration.connect(f.arbiter).rule(1n, 0n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterIneligible")
        .withArgs(1n, f.arbiter.address);
      await expect(f.arbitration.connect(f.stranger).proposeArbiter(1n, f.arbiter2.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterSovereignIsParty")
        .withArgs(WEST);
      await expect(f.arbitration.connect(f.stranger).proposeArbiter(1n, f.fallbackArbiter.address, 0n))
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 1n, f.fallbackArbiter.address, 0n, f.stranger.address);
      await expect(f.arbitration.connect(f.fallbackArbiter).rule(1n, 500_000n)).to.emit(f.arbitration, "DisputeRuled");
    });

    it("hears an appeal by the second fallback arbiter when the first ruled round 1", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f, { claimantSovereign: 0n, respondentSovereign: 0n }));
      await f.arbitration.proposeArbiter(1n, f.fallbackArbiter.address, 0n);
      await f.arbitration.connect(f.fallbackArbiter).rule(1n, 600_000n);
      await f.arbitration.connect(f.contributor).appeal(1n);
      await expect(f.arbitration.connect(f.contributor).proposeArbiter(1n, f.fallbackArbiter.address, 0n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterAlreadyServed")
        .withArgs(1n, f.fallbackArbiter.address);
      await expect(f.arbitration.connect(f.contributor).proposeArbiter(1n, f.arbiter.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationSovereignNotRecognized")
        .withArgs(WEST, 0n);
      await expect(f.arbitration.connect(f.contributor).proposeArbiter(1n, f.fallbackArbiter2.address, 0n))
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 2n, f.fallbackArbiter2.address, 0n, f.contributor.address);
      await f.arbitration.connect(f.fallbackArbiter2).rule(1n, 300_000n);
      await expect(f.arbitration.finalize(1n)).to.emit(f.arbitration, "DisputeFinalized").withArgs(1n, 300_000n, 2n);
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
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterIneligible")
        .withArgs(1n, f.arbiter.address);
      await f.registry.connect(f.carol).grantRole(WEST, f.arbiter.address, Role.Arbiter);
      await f.arbitration.connect(f.arbiter).rule(1n, 1_000_000n);
      await expect(f.arbitration.connect(f.arbiter).rule(1n, 0n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationAlreadyRuled")
        .withArgs(1n, 1n);
    });
  });

  describe("rule: eligibility holds while the arbiter acts", function () {
    it("an arbiter whose sovereign was suspended cannot rule and can be replaced at once", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f));
      // Drawn by the claimant: the respondent could not replace it while it may rule.
      await f.arbitration.connect(f.funder).proposeArbiter(1n, f.arbiter.address, WEST);
      await expect(f.arbitration.connect(f.contributor).proposeArbiter(1n, f.fallbackArbiter.address, 0n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterAlreadyAssigned")
        .withArgs(1n, f.arbiter.address);
      await expect(f.registry.connect(f.governance).suspendSovereign(WEST))
        .to.emit(f.registry, "SovereignSuspended")
        .withArgs(WEST);
      await expect(f.arbitration.connect(f.arbiter).rule(1n, 700_000n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterIneligible")
        .withArgs(1n, f.arbiter.address);
      await expect(f.arbitration.connect(f.contributor).proposeArbiter(1n, f.fallbackArbiter.address, 0n))
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 1n, f.fallbackArbiter.address, 0n, f.contributor.address);
      // Reactivation does not give the round back to the replaced arbiter.
      await f.registry.connect(f.governance).reactivateSovereign(WEST);
      await expect(f.arbitration.connect(f.arbiter).rule(1n, 700_000n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotArbiter")
        .withArgs(1n, f.arbiter.address);
      await expect(f.arbitration.connect(f.fallbackArbiter).rule(1n, 400_000n)).to.emit(f.arbitration, "DisputeRuled");
    });

    it("an arbiter whose sovereign was suspended cannot rule the appeal and can be replaced at once", async function () {
      const f = await ruled();
      await f.arbitration.connect(f.contributor).appeal(1n);
      await f.arbitration.connect(f.contributor).proposeArbiter(1n, f.arbiter2.address, WEST);
      await f.registry.connect(f.governance).suspendSovereign(WEST);
      await expect(f.arbitration.connect(f.arbiter2).rule(1n, 0n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterIneligible")
        .withArgs(1n, f.arbiter2.address);
      // The appellant drew it, yet the other party replaces it at once.
      await expect(f.arbitration.connect(f.funder).proposeArbiter(1n, f.fallbackArbiter.address, 0n))
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 2n, f.fallbackArbiter.address, 0n, f.funder.address);
    });

    it("an arbiter who lost its Arbiter role cannot rule and can be replaced at once", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f));
      await f.arbitration.connect(f.funder).proposeArbiter(1n, f.arbiter.address, WEST);
      await f.registry.connect(f.carol).revokeRole(WEST, f.arbiter.address, Role.Arbiter);
      await expect(f.arbitration.connect(f.arbiter).rule(1n, 700_000n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterIneligible")
        .withArgs(1n, f.arbiter.address);
      await expect(f.arbitration.connect(f.contributor).proposeArbiter(1n, f.arbiter2.address, WEST))
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 1n, f.arbiter2.address, WEST, f.contributor.address);
    });

    it("a fallback arbiter governance removed cannot rule and can be replaced at once", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitration.connect(f.governance).setFallbackArbiter(f.stranger.address, true);
      await f.arbitrable.open(params(f));
      await f.arbitration.connect(f.funder).proposeArbiter(1n, f.fallbackArbiter.address, 0n);
      await f.arbitration.connect(f.governance).setFallbackArbiter(f.fallbackArbiter.address, false);
      await expect(f.arbitration.connect(f.fallbackArbiter).rule(1n, 700_000n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterIneligible")
        .withArgs(1n, f.fallbackArbiter.address);
      await expect(f.arbitration.connect(f.contributor).proposeArbiter(1n, f.stranger.address, 0n))
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 1n, f.stranger.address, 0n, f.contributor.address);
      await expect(f.arbitration.connect(f.stranger).rule(1n, 300_000n)).to.emit(f.arbitration, "DisputeRuled");
    });

    it("an arbiter named at deal creation stays eligible whatever happens in the registry", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f, { namedArbiter: f.arbiter.address }));
      // The parties agreed on this account, not on its sovereign.
      await makeAdmin(f, WEST, f.carol, f.contributor);
      await f.registry.connect(f.carol).revokeRole(WEST, f.arbiter.address, Role.Arbiter);
      await f.registry.connect(f.governance).suspendSovereign(WEST);
      await expect(f.arbitration.connect(f.stranger).proposeArbiter(1n, f.fallbackArbiter.address, 0n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterAlreadyAssigned")
        .withArgs(1n, f.arbiter.address);
      await expect(f.arbitration.connect(f.arbiter).rule(1n, 700_000n)).to.emit(f.arbitration, "DisputeRuled");
    });
  });

  describe("appeal", function () {
    it("sends the dispute to a different arbiter whose ruling is final", async function () {
      const f = await ruled();
      const t = f.ruledAt + APPEAL_WINDOW;
      await at(t);
      await expect(f.arbitration.connect(f.contributor).appeal(1n))
        .to.emit(f.arbitration, "DisputeAppealed")
        .withArgs(1n, f.contributor.address, f.contributor.address, t + RULING_PERIOD);
      const dispute = await f.arbitration.getDispute(1n);
      expect([dispute.status, dispute.round, dispute.appealedAt, dispute.appellant]).to.deep.equal([
        DisputeStatus.Appealed,
        2n,
        t,
        f.contributor.address,
      ]);
      // Bit 1 the claimant, bit 2 the respondent.
      expect([dispute.appellants, dispute.lastAppealAt, dispute.drawnByMover]).to.deep.equal([2n, t, false]);
      expect(await f.arbitration.finalizableAt(1n)).to.equal(t + RULING_PERIOD + 1n);

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
      expect(await f.arbitration.finalizableAt(1n)).to.equal(await now());
      // The ruling of round 2 is final: nobody appeals it.
      await expect(f.arbitration.connect(f.funder).appeal(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationAlreadyRuled")
        .withArgs(1n, 2n);
      await expect(f.arbitration.connect(f.contributor).appeal(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationAlreadyAppealed")
        .withArgs(1n, f.contributor.address);
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

    it("hears an appeal without both parties' sovereigns: a fallback arbiter rules it", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f, { namedArbiter: f.stranger.address, respondentSovereign: 0n }));
      await f.arbitration.connect(f.stranger).rule(1n, 600_000n);
      await expect(f.arbitration.connect(f.contributor).appeal(1n)).to.emit(f.arbitration, "DisputeAppealed");
      expect((await f.arbitration.getDispute(1n)).status).to.equal(DisputeStatus.Appealed);
      await expect(f.arbitration.connect(f.contributor).proposeArbiter(1n, f.arbiter.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationSovereignNotRecognized")
        .withArgs(WEST, 0n);
      await f.arbitration.connect(f.contributor).proposeArbiter(1n, f.fallbackArbiter.address, 0n);
      await f.arbitration.connect(f.fallbackArbiter).rule(1n, 500_000n);
      await expect(f.arbitration.finalize(1n)).to.emit(f.arbitration, "DisputeFinalized").withArgs(1n, 500_000n, 2n);
    });

    it("lapses without a second ruling within the ruling period: the first ruling stands", async function () {
      const f = await ruled();
      await f.arbitration.connect(f.funder).appeal(1n);
      const lapsesAt = (await f.arbitration.getDispute(1n)).appealedAt + RULING_PERIOD;
      await expect(f.arbitration.finalize(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotFinalizable")
        .withArgs(1n, lapsesAt + 1n);
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

  describe("appeal: the appeal belongs to the disfavoured party", function () {
    it("the round-1 winner cannot appeal away the loser's appeal", async function () {
      // 700,000 to the claimant: the respondent lost round 1.
      const f = await ruled();
      // The winner appeals first (it moves round 2 for now) and draws an arbiter who stays silent.
      const first = await nextSecond();
      await expect(f.arbitration.connect(f.funder).appeal(1n))
        .to.emit(f.arbitration, "DisputeAppealed")
        .withArgs(1n, f.funder.address, f.funder.address, first + RULING_PERIOD);
      await f.arbitration.connect(f.funder).proposeArbiter(1n, f.arbiter2.address, WEST);
      // The loser still appeals, and moves round 2 from now on.
      const second = first + DAY;
      await at(second);
      await expect(f.arbitration.connect(f.contributor).appeal(1n))
        .to.emit(f.arbitration, "DisputeAppealed")
        .withArgs(1n, f.contributor.address, f.contributor.address, second + RULING_PERIOD);
      const dispute = await f.arbitration.getDispute(1n);
      expect([dispute.appellant, dispute.appellants, dispute.drawnByMover]).to.deep.equal([
        f.contributor.address,
        3n,
        false,
      ]);
      expect([dispute.appealedAt, dispute.lastAppealAt]).to.deep.equal([first, second]);
      // It replaces the winner's silent arbiter at once; the winner cannot take the round back.
      await expect(f.arbitration.connect(f.contributor).proposeArbiter(1n, f.fallbackArbiter.address, 0n))
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 2n, f.fallbackArbiter.address, 0n, f.contributor.address);
      await expect(f.arbitration.connect(f.funder).proposeArbiter(1n, f.arbiter2.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterAlreadyAssigned")
        .withArgs(1n, f.fallbackArbiter.address);
      await expect(f.arbitration.connect(f.arbiter2).rule(1n, 1_000_000n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotArbiter")
        .withArgs(1n, f.arbiter2.address);
      // The loser's arbiter rules, and that ruling is enforced.
      await expect(f.arbitration.connect(f.fallbackArbiter).rule(1n, 200_000n))
        .to.emit(f.arbitration, "DisputeRuled")
        .withArgs(1n, 2n, f.fallbackArbiter.address, 200_000n, 0n);
      const tx = f.arbitration.finalize(1n);
      await expect(tx).to.emit(f.arbitration, "DisputeFinalized").withArgs(1n, 200_000n, 2n);
      await expect(tx).to.emit(f.arbitrable, "RulingReceived").withArgs(1n, 200_000n);
    });

    it("a party the first ruling gave the whole amount cannot appeal", async function () {
      // Everything to the claimant.
      const f = await ruled(1_000_000n);
      await expect(f.arbitration.connect(f.funder).appeal(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNothingToAppeal")
        .withArgs(1n, f.funder.address);
      expect((await f.arbitration.getDispute(1n)).status).to.equal(DisputeStatus.Open);
      let t = await nextSecond();
      await expect(f.arbitration.connect(f.contributor).appeal(1n))
        .to.emit(f.arbitration, "DisputeAppealed")
        .withArgs(1n, f.contributor.address, f.contributor.address, t + RULING_PERIOD);
      // Nor while the other party's appeal is live.
      await expect(f.arbitration.connect(f.funder).appeal(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNothingToAppeal")
        .withArgs(1n, f.funder.address);

      // Everything to the respondent.
      await f.arbitrable.open(params(f));
      await f.arbitration.proposeArbiter(2n, f.arbiter.address, WEST);
      await f.arbitration.connect(f.arbiter).rule(2n, 0n);
      await expect(f.arbitration.connect(f.contributor).appeal(2n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNothingToAppeal")
        .withArgs(2n, f.contributor.address);
      t = await nextSecond();
      await expect(f.arbitration.connect(f.funder).appeal(2n))
        .to.emit(f.arbitration, "DisputeAppealed")
        .withArgs(2n, f.funder.address, f.funder.address, t + RULING_PERIOD);
      await expect(f.arbitration.connect(f.contributor).appeal(2n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNothingToAppeal")
        .withArgs(2n, f.contributor.address);
    });

    it("the round-2 mover is the appellant the first ruling disfavours", async function () {
      const f = await loadFixture(arbitrationFixture);
      // Dispute 1: 700,000 to the claimant, the respondent disfavoured; dispute 2: 300,000, the
      // claimant disfavoured. In each the favoured party appeals first.
      for (const share of [700_000n, 300_000n]) {
        await f.arbitrable.open(params(f));
        const disputeId = await f.arbitration.disputeCount();
        await f.arbitration.proposeArbiter(disputeId, f.arbiter.address, WEST);
        await f.arbitration.connect(f.arbiter).rule(disputeId, share);
        const [favoured, disfavoured] = share > 500_000n ? [f.funder, f.contributor] : [f.contributor, f.funder];

        let t = await nextSecond();
        await expect(f.arbitration.connect(favoured).appeal(disputeId))
          .to.emit(f.arbitration, "DisputeAppealed")
          .withArgs(disputeId, favoured.address, favoured.address, t + RULING_PERIOD);
        expect((await f.arbitration.getDispute(disputeId)).appellant).to.equal(favoured.address);
        // While it moves, the favoured party vetoes an arbiter the other party drew.
        await f.arbitration.connect(disfavoured).proposeArbiter(disputeId, f.arbiter2.address, WEST);
        await expect(f.arbitration.connect(favoured).proposeArbiter(disputeId, f.fallbackArbiter.address, 0n))
          .to.emit(f.arbitration, "ArbiterAssigned")
          .withArgs(disputeId, 2n, f.fallbackArbiter.address, 0n, favoured.address);

        t = await nextSecond();
        await expect(f.arbitration.connect(disfavoured).appeal(disputeId))
          .to.emit(f.arbitration, "DisputeAppealed")
          .withArgs(disputeId, disfavoured.address, disfavoured.address, t + RULING_PERIOD);
        const dispute = await f.arbitration.getDispute(disputeId);
        expect([dispute.appellant, dispute.drawnByMover]).to.deep.equal([disfavoured.address, false]);
        // Now the disfavoured party vetoes the favoured party's arbiter...
        await expect(f.arbitration.connect(disfavoured).proposeArbiter(disputeId, f.fallbackArbiter2.address, 0n))
          .to.emit(f.arbitration, "ArbiterAssigned")
          .withArgs(disputeId, 2n, f.fallbackArbiter2.address, 0n, disfavoured.address);
        // ...and the favoured party can no longer veto.
        await expect(f.arbitration.connect(favoured).proposeArbiter(disputeId, f.arbiter2.address, WEST))
          .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterAlreadyAssigned")
          .withArgs(disputeId, f.fallbackArbiter2.address);
      }

      // Dispute 3: the disfavoured party appeals first, the favoured party second: the mover stays.
      await f.arbitrable.open(params(f));
      await f.arbitration.proposeArbiter(3n, f.arbiter.address, WEST);
      await f.arbitration.connect(f.arbiter).rule(3n, 700_000n);
      await f.arbitration.connect(f.contributor).appeal(3n);
      await f.arbitration.connect(f.contributor).proposeArbiter(3n, f.arbiter2.address, WEST);
      const t = await nextSecond();
      await expect(f.arbitration.connect(f.funder).appeal(3n))
        .to.emit(f.arbitration, "DisputeAppealed")
        .withArgs(3n, f.funder.address, f.contributor.address, t + RULING_PERIOD);
      const dispute = await f.arbitration.getDispute(3n);
      expect([dispute.appellant, dispute.appellants, dispute.drawnByMover]).to.deep.equal([
        f.contributor.address,
        3n,
        true,
      ]);
      await expect(f.arbitration.connect(f.funder).proposeArbiter(3n, f.fallbackArbiter.address, 0n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterAlreadyAssigned")
        .withArgs(3n, f.arbiter2.address);
    });

    it("a disfavoured appellant keeps, as mover, the arbiter it drew before it appealed", async function () {
      const f = await ruled();
      await f.arbitration.connect(f.funder).appeal(1n);
      // The loser draws round 2's arbiter before appealing: it is its own pick, not a veto target.
      await f.arbitration.connect(f.contributor).proposeArbiter(1n, f.arbiter2.address, WEST);
      await f.arbitration.connect(f.contributor).appeal(1n);
      expect((await f.arbitration.getDispute(1n)).drawnByMover).to.equal(true);
      await expect(f.arbitration.connect(f.contributor).proposeArbiter(1n, f.fallbackArbiter.address, 0n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterAlreadyAssigned")
        .withArgs(1n, f.arbiter2.address);
      await expect(f.arbitration.connect(f.funder).proposeArbiter(1n, f.fallbackArbiter.address, 0n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterAlreadyAssigned")
        .withArgs(1n, f.arbiter2.address);
    });

    it("an even ruling favours nobody: the first appellant moves", async function () {
      const f = await ruled(500_000n);
      let t = await nextSecond();
      await expect(f.arbitration.connect(f.contributor).appeal(1n))
        .to.emit(f.arbitration, "DisputeAppealed")
        .withArgs(1n, f.contributor.address, f.contributor.address, t + RULING_PERIOD);
      t = await nextSecond();
      await expect(f.arbitration.connect(f.funder).appeal(1n))
        .to.emit(f.arbitration, "DisputeAppealed")
        .withArgs(1n, f.funder.address, f.contributor.address, t + RULING_PERIOD);
      expect((await f.arbitration.getDispute(1n)).appellant).to.equal(f.contributor.address);
      // The first appellant vetoes the other party's arbiter; the other party cannot veto.
      await f.arbitration.connect(f.funder).proposeArbiter(1n, f.arbiter2.address, WEST);
      await expect(f.arbitration.connect(f.contributor).proposeArbiter(1n, f.fallbackArbiter.address, 0n))
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 2n, f.fallbackArbiter.address, 0n, f.contributor.address);
      await expect(f.arbitration.connect(f.funder).proposeArbiter(1n, f.arbiter2.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationArbiterAlreadyAssigned")
        .withArgs(1n, f.fallbackArbiter.address);
    });

    it("each party appeals at most once", async function () {
      const f = await ruled();
      await f.arbitration.connect(f.contributor).appeal(1n);
      await expect(f.arbitration.connect(f.contributor).appeal(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationAlreadyAppealed")
        .withArgs(1n, f.contributor.address);
      await f.arbitration.connect(f.funder).appeal(1n);
      for (const party of [f.funder, f.contributor]) {
        await expect(f.arbitration.connect(party).appeal(1n))
          .to.be.revertedWithCustomError(f.arbitration, "ArbitrationAlreadyAppealed")
          .withArgs(1n, party.address);
      }
      expect((await f.arbitration.getDispute(1n)).appellants).to.equal(3n);
    });

    it("the other party may still appeal after the appeal window while round 2 is live, extending the lapse", async function () {
      const f = await ruled();
      const first = f.ruledAt + 1n;
      await at(first);
      await f.arbitration.connect(f.contributor).appeal(1n);
      // The appeal window closed; round 2 is live until first + rulingPeriod.
      const second = f.ruledAt + APPEAL_WINDOW + DAY;
      expect(second).to.be.lessThan(first + RULING_PERIOD);
      await at(second);
      await expect(f.arbitration.connect(f.funder).appeal(1n))
        .to.emit(f.arbitration, "DisputeAppealed")
        .withArgs(1n, f.funder.address, f.contributor.address, second + RULING_PERIOD);
      const dispute = await f.arbitration.getDispute(1n);
      expect([dispute.appealedAt, dispute.lastAppealAt, dispute.appellants]).to.deep.equal([first, second, 3n]);
      expect(await f.arbitration.finalizableAt(1n)).to.equal(second + RULING_PERIOD + 1n);
      // Past the first appeal's lapse, round 2 is still live.
      await at(first + RULING_PERIOD + 1n);
      await expect(f.arbitration.finalize(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotFinalizable")
        .withArgs(1n, second + RULING_PERIOD + 1n);
      await expect(f.arbitration.connect(f.contributor).proposeArbiter(1n, f.arbiter2.address, WEST))
        .to.emit(f.arbitration, "ArbiterAssigned")
        .withArgs(1n, 2n, f.arbiter2.address, WEST, f.contributor.address);
      // Until the second appeal's lapse.
      await at(second + RULING_PERIOD + 1n);
      await expect(f.arbitration.connect(f.arbiter2).rule(1n, 0n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationAppealLapsed")
        .withArgs(1n, second + RULING_PERIOD);
      await expect(f.arbitration.finalize(1n)).to.emit(f.arbitration, "DisputeFinalized").withArgs(1n, 700_000n, 1n);
    });

    it("refuses the other party's appeal once round 2 lapsed or was ruled", async function () {
      const f = await ruled();
      await f.arbitration.connect(f.contributor).appeal(1n);
      const lapsesAt = (await now()) + RULING_PERIOD;
      const snapshot = await networkHelpers.takeSnapshot();
      await at(lapsesAt + 1n);
      await expect(f.arbitration.connect(f.funder).appeal(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationAppealLapsed")
        .withArgs(1n, lapsesAt);
      await snapshot.restore();
      await f.arbitration.connect(f.contributor).proposeArbiter(1n, f.arbiter2.address, WEST);
      await f.arbitration.connect(f.arbiter2).rule(1n, 650_000n);
      await expect(f.arbitration.connect(f.funder).appeal(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationAlreadyRuled")
        .withArgs(1n, 2n);
    });
  });

  describe("finalize", function () {
    it("enforces the first ruling once the appeal window closed, once", async function () {
      const f = await ruled();
      await at(f.ruledAt + APPEAL_WINDOW);
      await expect(f.arbitration.finalize(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotFinalizable")
        .withArgs(1n, f.ruledAt + APPEAL_WINDOW + 1n);
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

    it("dismisses a claim no arbiter was drawn for within twice the ruling period", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f));
      const openedAt = (await f.arbitration.getDispute(1n)).openedAt;
      expect(openedAt).to.equal(await now());
      const endsAt = openedAt + 2n * RULING_PERIOD;
      // One ruling period without an arbiter no longer ends round 1.
      await at(openedAt + RULING_PERIOD + 1n);
      await expect(f.arbitration.finalize(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotFinalizable")
        .withArgs(1n, endsAt + 1n);
      await at(endsAt);
      await expect(f.arbitration.finalize(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotFinalizable")
        .withArgs(1n, endsAt + 1n);
      await at(endsAt + 1n);
      const tx = f.arbitration.finalize(1n);
      await expect(tx).to.emit(f.arbitration, "DisputeFinalized").withArgs(1n, 0n, 0n);
      await expect(tx).to.emit(f.arbitrable, "RulingReceived").withArgs(1n, 0n);
    });

    it("dismisses a claim whose arbiter stayed silent and was not replaced", async function () {
      const f = await withArbiter();
      const endsAt = (await f.arbitration.getDispute(1n)).openedAt + 2n * RULING_PERIOD;
      await at(endsAt);
      await expect(f.arbitration.finalize(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotFinalizable")
        .withArgs(1n, endsAt + 1n);
      await at(endsAt + 1n);
      await expect(f.arbitration.connect(f.arbiter).rule(1n, 1_000_000n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationRulingPeriodOver")
        .withArgs(1n, endsAt);
      await expect(f.arbitration.finalize(1n)).to.emit(f.arbitration, "DisputeFinalized").withArgs(1n, 0n, 0n);
    });
  });

  describe("finalizableAt: every dispute ends within a bounded time", function () {
    it("a claimant cannot keep round 1 open by redrawing at the end of each ruling period", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f));
      const openedAt = await now();
      const endsAt = openedAt + 2n * RULING_PERIOD;
      expect(await f.arbitration.finalizableAt(1n)).to.equal(endsAt + 1n);
      // The claimant draws arbiters who never rule, each at the first second the previous one
      // may be replaced, hoping to restart the clock each time.
      const silent = [
        [f.arbiter, WEST],
        [f.arbiter2, WEST],
        [f.fallbackArbiter, 0n],
        [f.fallbackArbiter2, 0n],
      ] as const;
      let drawAt = openedAt + 1n;
      let draws = 0;
      for (const [arbiter, sovereignId] of silent) {
        await at(drawAt);
        if (drawAt > endsAt) {
          await expect(f.arbitration.connect(f.funder).proposeArbiter(1n, arbiter.address, sovereignId))
            .to.be.revertedWithCustomError(f.arbitration, "ArbitrationRulingPeriodOver")
            .withArgs(1n, endsAt);
          break;
        }
        await expect(f.arbitration.connect(f.funder).proposeArbiter(1n, arbiter.address, sovereignId))
          .to.emit(f.arbitration, "ArbiterAssigned")
          .withArgs(1n, 1n, arbiter.address, sovereignId, f.funder.address);
        ++draws;
        // No draw moves the end of the round.
        expect(await f.arbitration.finalizableAt(1n)).to.equal(endsAt + 1n);
        drawAt += RULING_PERIOD + 1n;
      }
      expect(draws).to.equal(2);
      // The last arbiter drawn cannot rule past the round's end either, and the claim is dismissed.
      await expect(f.arbitration.connect(f.arbiter2).rule(1n, 1_000_000n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationRulingPeriodOver")
        .withArgs(1n, endsAt);
      const tx = f.arbitration.connect(f.contributor).finalize(1n);
      await expect(tx).to.emit(f.arbitration, "DisputeFinalized").withArgs(1n, 0n, 0n);
      await expect(tx).to.emit(f.arbitrable, "RulingReceived").withArgs(1n, 0n);
    });

    it("says when finalize succeeds, in every state of a dispute", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f));
      const openedAt = await now();
      // Round 1 unruled, with or without an arbiter: the round's end.
      expect(await f.arbitration.finalizableAt(1n)).to.equal(openedAt + 2n * RULING_PERIOD + 1n);
      await f.arbitration.proposeArbiter(1n, f.arbiter.address, WEST);
      expect(await f.arbitration.finalizableAt(1n)).to.equal(openedAt + 2n * RULING_PERIOD + 1n);
      // Ruled: the appeal window's close.
      await f.arbitration.connect(f.arbiter).rule(1n, 700_000n);
      const ruledAt = await now();
      expect(await f.arbitration.finalizableAt(1n)).to.equal(ruledAt + APPEAL_WINDOW + 1n);
      // Appealed: the lapse of the latest appeal.
      await f.arbitration.connect(f.contributor).appeal(1n);
      const appealedAt = await now();
      expect(await f.arbitration.finalizableAt(1n)).to.equal(appealedAt + RULING_PERIOD + 1n);
      await at(appealedAt + DAY);
      await f.arbitration.connect(f.funder).appeal(1n);
      expect(await f.arbitration.finalizableAt(1n)).to.equal(appealedAt + DAY + RULING_PERIOD + 1n);
      // Round 2 ruled: at once.
      await f.arbitration.connect(f.contributor).proposeArbiter(1n, f.arbiter2.address, WEST);
      await f.arbitration.connect(f.arbiter2).rule(1n, 450_000n);
      const secondRuledAt = await now();
      expect(await f.arbitration.finalizableAt(1n)).to.equal(secondRuledAt);
      await expect(f.arbitration.finalize(1n)).to.emit(f.arbitration, "DisputeFinalized").withArgs(1n, 450_000n, 2n);
      // Finalized or unknown: no time.
      await expect(f.arbitration.finalizableAt(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationDisputeClosed")
        .withArgs(1n);
      await expect(f.arbitration.finalizableAt(2n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationUnknownDispute")
        .withArgs(2n);
    });

    it("the longest dispute is finalizable at openedAt + 4 x rulingPeriod + appealWindow + 1", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitrable.open(params(f));
      const openedAt = await now();
      const bound = openedAt + 4n * RULING_PERIOD + APPEAL_WINDOW + 1n;
      await f.arbitration.connect(f.funder).proposeArbiter(1n, f.arbiter.address, WEST);
      // Every step at its last allowed second: the ruling at the round's end...
      await at(openedAt + 2n * RULING_PERIOD);
      await f.arbitration.connect(f.arbiter).rule(1n, 300_000n);
      // ...the first appeal as the window closes...
      await at(openedAt + 2n * RULING_PERIOD + APPEAL_WINDOW);
      await f.arbitration.connect(f.funder).appeal(1n);
      // ...the other party's appeal as the first lapses.
      await at(openedAt + 3n * RULING_PERIOD + APPEAL_WINDOW);
      await f.arbitration.connect(f.contributor).appeal(1n);
      expect(await f.arbitration.finalizableAt(1n)).to.equal(bound);
      await f.arbitration.connect(f.funder).proposeArbiter(1n, f.arbiter2.address, WEST);
      await at(bound - 1n);
      await expect(f.arbitration.finalize(1n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationNotFinalizable")
        .withArgs(1n, bound);
      await at(bound);
      await expect(f.arbitration.connect(f.arbiter2).rule(1n, 1_000_000n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationAppealLapsed")
        .withArgs(1n, bound - 1n);
      await expect(f.arbitration.finalize(1n)).to.emit(f.arbitration, "DisputeFinalized").withArgs(1n, 300_000n, 1n);
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

    it("governance's new periods do not move a live dispute's clock", async function () {
      const f = await withArbiter();
      const openedAt = (await f.arbitration.getDispute(1n)).openedAt;
      await expect(f.arbitration.connect(f.governance).setPeriods(DAY, 2n * DAY))
        .to.emit(f.arbitration, "PeriodsSet")
        .withArgs(DAY, 2n * DAY);
      // Dispute 1 keeps the periods it opened with.
      let dispute = await f.arbitration.getDispute(1n);
      expect([dispute.appealWindow, dispute.rulingPeriod]).to.deep.equal([APPEAL_WINDOW, RULING_PERIOD]);
      expect(await f.arbitration.finalizableAt(1n)).to.equal(openedAt + 2n * RULING_PERIOD + 1n);
      // Dispute 2 takes the new ones.
      await f.arbitrable.open(params(f));
      const secondOpenedAt = await now();
      dispute = await f.arbitration.getDispute(2n);
      expect([dispute.appealWindow, dispute.rulingPeriod]).to.deep.equal([DAY, 2n * DAY]);
      expect(await f.arbitration.finalizableAt(2n)).to.equal(secondOpenedAt + 4n * DAY + 1n);

      // Dispute 1: its own appeal window and ruling period.
      let t = await nextSecond();
      await expect(f.arbitration.connect(f.arbiter).rule(1n, 700_000n))
        .to.emit(f.arbitration, "DisputeRuled")
        .withArgs(1n, 1n, f.arbiter.address, 700_000n, t + APPEAL_WINDOW);
      // Past the new, shorter window, the appeal is still open.
      await at(t + 2n * DAY);
      await expect(f.arbitration.connect(f.contributor).appeal(1n))
        .to.emit(f.arbitration, "DisputeAppealed")
        .withArgs(1n, f.contributor.address, f.contributor.address, t + 2n * DAY + RULING_PERIOD);
      // Governance changes the periods again: dispute 1's lapse does not move.
      await f.arbitration.connect(f.governance).setPeriods(90n * DAY, 90n * DAY);
      expect(await f.arbitration.finalizableAt(1n)).to.equal(t + 2n * DAY + RULING_PERIOD + 1n);
      dispute = await f.arbitration.getDispute(1n);
      expect([dispute.appealWindow, dispute.rulingPeriod]).to.deep.equal([APPEAL_WINDOW, RULING_PERIOD]);

      // Dispute 2: the periods in force when it opened; its round 1 ended 4 days after.
      await at(secondOpenedAt + 4n * DAY + 1n);
      await expect(f.arbitration.proposeArbiter(2n, f.arbiter2.address, WEST))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationRulingPeriodOver")
        .withArgs(2n, secondOpenedAt + 4n * DAY);
      await expect(f.arbitration.finalize(2n)).to.emit(f.arbitration, "DisputeFinalized").withArgs(2n, 0n, 0n);
      // A dispute opened now takes the latest periods.
      await f.arbitrable.open(params(f));
      t = await now();
      dispute = await f.arbitration.getDispute(3n);
      expect([dispute.appealWindow, dispute.rulingPeriod]).to.deep.equal([90n * DAY, 90n * DAY]);
      expect(await f.arbitration.finalizableAt(3n)).to.equal(t + 180n * DAY + 1n);
    });

    it("ends a guardian's pause by itself: enforcement resumes without governance", async function () {
      const f = await ruled();
      await f.arbitration.connect(f.guardian).pause();
      const pausedAt = await now();
      const state = await f.arbitration.pauseState();
      expect([state.pauseEndsAt, state.guardianReadyAt, state.maxPauseDuration]).to.deep.equal([
        pausedAt + MAX_PAUSE,
        pausedAt + 2n * MAX_PAUSE,
        MAX_PAUSE,
      ]);
      await at(pausedAt + MAX_PAUSE - 1n);
      await expect(f.arbitration.finalize(1n)).to.be.revertedWithCustomError(f.arbitration, "EnforcedPause");
      await at(pausedAt + MAX_PAUSE);
      await expect(f.arbitration.finalize(1n)).to.emit(f.arbitrable, "RulingReceived").withArgs(1n, 700_000n);
      expect(await f.arbitration.paused()).to.equal(false);
    });

    it("lets governance extend a pause: enforcement waits for the new end", async function () {
      const f = await ruled();
      await f.arbitration.connect(f.guardian).pause();
      const pausedAt = await now();
      const endsAt = pausedAt + 30n * DAY;
      await expect(f.arbitration.connect(f.governance).extendPause(endsAt))
        .to.emit(f.arbitration, "PauseEndSet")
        .withArgs(endsAt);
      await at(endsAt - 1n);
      await expect(f.arbitration.finalize(1n)).to.be.revertedWithCustomError(f.arbitration, "EnforcedPause");
      await at(endsAt);
      await expect(f.arbitration.finalize(1n)).to.emit(f.arbitrable, "RulingReceived").withArgs(1n, 700_000n);
    });

    it("makes the guardian wait twice the longest pause between its pauses", async function () {
      const f = await loadFixture(arbitrationFixture);
      await f.arbitration.connect(f.guardian).pause();
      const pausedAt = await now();
      await at(pausedAt + 2n * MAX_PAUSE - 1n);
      await expect(f.arbitration.connect(f.guardian).pause())
        .to.be.revertedWithCustomError(f.arbitration, "ModuleGuardianCoolingDown")
        .withArgs(pausedAt + 2n * MAX_PAUSE);
      await at(pausedAt + 2n * MAX_PAUSE);
      await expect(f.arbitration.connect(f.guardian).pause())
        .to.emit(f.arbitration, "PauseEndSet")
        .withArgs(pausedAt + 3n * MAX_PAUSE);
      expect(await f.arbitration.paused()).to.equal(true);
    });

    it("lets governance pause again once a pause ended by itself", async function () {
      const f = await ruled();
      await f.arbitration.connect(f.guardian).pause();
      const pausedAt = await now();
      await at(pausedAt + MAX_PAUSE);
      await expect(f.arbitration.connect(f.governance).pause())
        .to.emit(f.arbitration, "PauseEndSet")
        .withArgs(pausedAt + 2n * MAX_PAUSE);
      await expect(f.arbitration.finalize(1n)).to.be.revertedWithCustomError(f.arbitration, "EnforcedPause");
      expect((await f.arbitration.pauseState()).pausedDuration).to.equal(MAX_PAUSE);
    });
  });

  describe("setFallbackArbiter", function () {
    it("adds and removes fallback arbiters", async function () {
      const f = await loadFixture(arbitrationFixture);
      expect(await f.arbitration.MIN_FALLBACK_ARBITERS()).to.equal(2n);
      expect(await f.arbitration.fallbackArbiterCount()).to.equal(2n);
      await expect(f.arbitration.connect(f.governance).setFallbackArbiter(f.stranger.address, true))
        .to.emit(f.arbitration, "FallbackArbiterSet")
        .withArgs(f.stranger.address, true);
      expect(await f.arbitration.isFallbackArbiter(f.stranger.address)).to.equal(true);
      expect(await f.arbitration.fallbackArbiterCount()).to.equal(3n);
      await expect(f.arbitration.connect(f.governance).setFallbackArbiter(f.fallbackArbiter.address, false))
        .to.emit(f.arbitration, "FallbackArbiterSet")
        .withArgs(f.fallbackArbiter.address, false);
      expect(await f.arbitration.isFallbackArbiter(f.fallbackArbiter.address)).to.equal(false);
      expect(await f.arbitration.fallbackArbiterCount()).to.equal(2n);
    });

    it("keeps at least two fallback arbiters", async function () {
      const f = await loadFixture(arbitrationFixture);
      await expect(f.arbitration.connect(f.governance).setFallbackArbiter(f.fallbackArbiter.address, false))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationTooFewFallbackArbiters")
        .withArgs(1n, 2n);
      expect(await f.arbitration.isFallbackArbiter(f.fallbackArbiter.address)).to.equal(true);
    });

    it("rejects a change that changes nothing and the zero address", async function () {
      const f = await loadFixture(arbitrationFixture);
      await expect(f.arbitration.connect(f.governance).setFallbackArbiter(f.fallbackArbiter.address, true))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationFallbackArbiterUnchanged")
        .withArgs(f.fallbackArbiter.address, true);
      await expect(f.arbitration.connect(f.governance).setFallbackArbiter(f.stranger.address, false))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationFallbackArbiterUnchanged")
        .withArgs(f.stranger.address, false);
      for (const allowed of [true, false]) {
        await expect(
          f.arbitration.connect(f.governance).setFallbackArbiter(ZeroAddress, allowed),
        ).to.be.revertedWithCustomError(f.arbitration, "ArbitrationZeroFallbackArbiter");
      }
    });

    it("is governance's alone", async function () {
      const f = await loadFixture(arbitrationFixture);
      for (const caller of [f.funder, f.guardian, f.fallbackArbiter]) {
        await expect(f.arbitration.connect(caller).setFallbackArbiter(f.stranger.address, true))
          .to.be.revertedWithCustomError(f.arbitration, "ModuleOnlyGovernance")
          .withArgs(caller.address);
      }
    });

    it("starts an Arbitration only with at least two distinct fallback arbiters", async function () {
      const f = await loadFixture(arbitrationFixture);
      // The initializer is the subject: fresh proxies beside the stack's Arbitration, on purpose.
      const implementation = await ethers.deployContract("Arbitration", [await f.registry.getAddress()]);
      const deploy = (fallbackArbiters: string[]) =>
        ethers.deployContract("ERC1967Proxy", [
          implementation,
          f.arbitration.interface.encodeFunctionData("initialize", [
            f.deployer.address,
            ZeroAddress,
            DAY,
            DAY,
            fallbackArbiters,
          ]),
        ]);
      const [a, b] = [f.fallbackArbiter.address, f.fallbackArbiter2.address];
      await expect(deploy([a]))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationTooFewFallbackArbiters")
        .withArgs(1n, 2n);
      await expect(deploy([a, a]))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationFallbackArbiterUnchanged")
        .withArgs(a, true);
      await expect(deploy([a, ZeroAddress])).to.be.revertedWithCustomError(
        f.arbitration,
        "ArbitrationZeroFallbackArbiter",
      );
      const proxy = await deploy([a, b]);
      const fresh = f.arbitration.attach(await proxy.getAddress()) as typeof f.arbitration;
      expect(await fresh.fallbackArbiterCount()).to.equal(2n);
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
      expect(await f.arbitration.isFallbackArbiter(f.fallbackArbiter.address)).to.equal(true);
      expect(await f.arbitration.isFallbackArbiter(f.fallbackArbiter2.address)).to.equal(true);
      expect(await f.arbitration.isFallbackArbiter(f.arbiter.address)).to.equal(false);
      await expect(f.arbitration.finalizableAt(2n))
        .to.be.revertedWithCustomError(f.arbitration, "ArbitrationUnknownDispute")
        .withArgs(2n);
      await expect(
        f.arbitration.initialize(f.funder.address, ZeroAddress, DAY, DAY, [
          f.fallbackArbiter.address,
          f.fallbackArbiter2.address,
        ]),
      ).to.be.revertedWithCustomError(f.arbitration, "InvalidInitialization");
    });
  });
});
