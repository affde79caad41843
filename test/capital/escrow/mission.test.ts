/**
 * The escrow part of the coordination loop (docs/ARCHITECTURE.md, steps 3, 5 and 6), end to end on one chain:
 * a mission funded by an escrow that its manager endorses as the mission's own and whose
 * contributor accepts its terms, a streaming milestone claimed twice mid-stream, a lump milestone
 * approved by a verifier's EAS attestation, and a disputed milestone ruled 70/30 by an arbiter
 * drawn from a sovereign both parties' sovereigns recognize — every payout recorded as a
 * contribution in the ledger, with the reputation the mission's own deals earn.
 */
import { expect } from "chai";
import { ZeroHash, id } from "ethers";

import {
  APPEAL_WINDOW,
  DAY,
  EAST,
  MILESTONE_KIND,
  MISSION,
  NORTH,
  SOUTH,
  State,
  WEST,
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
} from "./fixtures.ts";

describe("a mission funded by a milestone escrow", function () {
  it("streams, unlocks on an attestation, resolves a 70/30 dispute and records every payout", async function () {
    const f = await networkHelpers.loadFixture(escrowFixture);
    const { escrow, arbitration, ledger, registry, token } = f;
    const escrowAddress = await escrow.getAddress();
    const t = await now();
    const start = t + DAY;

    // The funder (a citizen of north) funds the contributor (of south): a stream of 6,000 over
    // 60 days, a lump of 2,000 its verifier attests, and a lump of 1,000 the parties will dispute.
    const { escrowId, tx: created } = await createEscrow(f, terms(f), [
      stream(6_000n, start, start + 60n * DAY),
      lump(2_000n, t + 90n * DAY),
      lump(1_000n, t + 90n * DAY),
    ]);
    await expect(created).to.emit(registry, "MissionFundingLinked").withArgs(MISSION, escrowAddress, escrowId);
    expect(await token.getFunction("balanceOf")(escrowAddress)).to.equal(9_000n);
    // The mission's manager (alice, north's admin) makes the deal the mission's own, and the
    // contributor accepts its terms, which it must do before it submits work.
    await expect(escrow.connect(f.manager).endorseEscrow(escrowId))
      .to.emit(escrow, "EscrowEndorsed")
      .withArgs(escrowId, f.manager.address);
    await expect(escrow.connect(f.contributor).acceptEscrow(escrowId))
      .to.emit(escrow, "EscrowAccepted")
      .withArgs(escrowId, f.contributor.address);

    // Streaming milestone: claimed twice mid-stream (100 a day).
    await at(start + 12n * DAY);
    await expect(escrow.connect(f.contributor).claim(escrowId, 0n))
      .to.emit(escrow, "StreamClaimed")
      .withArgs(escrowId, 0n, f.contributor.address, 1_200n, 0n, 1_200n);
    await at(start + 45n * DAY);
    await expect(escrow.connect(f.contributor).claim(escrowId, 0n))
      .to.emit(escrow, "StreamClaimed")
      .withArgs(escrowId, 0n, f.contributor.address, 3_300n, 0n, 4_500n);

    // Lump milestone unlocked by the verifier's milestone-verification attestation.
    await escrow.connect(f.contributor).submitMilestone(escrowId, 1n, "ipfs://survey-report", id("survey report"));
    const uid = await attestMilestone(f, escrowId, 1n);
    await expect(escrow.connect(f.stranger).approveWithAttestation(escrowId, 1n, uid)).to.changeTokenBalances(
      ethers,
      token,
      [f.contributor],
      [2_000n],
    );

    // Disputed milestone: the funder disputes, an arbiter from west (recognized by north and
    // south) is drawn, one from east (not recognized by south) is refused, the ruling gives the
    // funder (the claimant) 30%, nobody appeals, and the ruling is enforced.
    await escrow.connect(f.contributor).submitMilestone(escrowId, 2n, "ipfs://maps", id("maps"));
    await escrow.connect(f.funder).dispute(escrowId, 2n, "ipfs://maps-incomplete", id("maps incomplete"));
    const disputeId = (await escrow.getMilestone(escrowId, 2n)).disputeId;
    await expect(arbitration.proposeArbiter(disputeId, f.eastArbiter.address, EAST))
      .to.be.revertedWithCustomError(arbitration, "ArbitrationSovereignNotRecognized")
      .withArgs(EAST, SOUTH);
    await arbitration.connect(f.contributor).proposeArbiter(disputeId, f.arbiter.address, WEST);
    await arbitration.connect(f.contributor).submitEvidence(disputeId, "ipfs://maps-v2", id("maps v2"));
    await arbitration.connect(f.arbiter).rule(disputeId, 300_000n);
    await networkHelpers.time.increase(APPEAL_WINDOW + 1n);
    await expect(arbitration.finalize(disputeId))
      .to.emit(escrow, "MilestoneResolved")
      .withArgs(escrowId, 2n, disputeId, 300_000n, 700n, 0n, 300n);
    await expect(escrow.connect(f.contributor).withdraw(f.tokenAddress, f.contributor.address)).to.changeTokenBalances(
      ethers,
      token,
      [f.contributor],
      [700n],
    );
    await expect(escrow.connect(f.funder).withdraw(f.tokenAddress, f.funder.address)).to.changeTokenBalances(
      ethers,
      token,
      [f.funder],
      [300n],
    );

    // The stream's last claim, after its end, completes it and records it.
    await at(start + 60n * DAY);
    await expect(escrow.connect(f.contributor).claim(escrowId, 0n))
      .to.emit(escrow, "StreamClaimed")
      .withArgs(escrowId, 0n, f.contributor.address, 1_500n, 0n, 6_000n);

    // Every milestone is a contribution of the contributor to the mission, in north (the
    // mission's sovereign), in the order they were settled: 2,000 attested (100 points), 700
    // ruled (70), and the stream's 6,000, recorded once, whole, by the claim that completed it
    // (100); its two mid-stream claims recorded nothing (their StreamClaimed events say what
    // was paid).
    const outcomes = await ledger.queryFilter(ledger.filters.OutcomeRecorded());
    const recorded = outcomes
      .filter((e) => e.args.recorder === escrowAddress)
      .map((e) => [e.args.sovereignId, e.args.missionId, e.args.kind, e.args.amount, e.args.points, e.args.evidence]);
    expect(recorded).to.deep.equal([
      [NORTH, MISSION, MILESTONE_KIND, 2_000n, 100n, uid],
      [NORTH, MISSION, MILESTONE_KIND, 700n, 70n, ZeroHash],
      [NORTH, MISSION, MILESTONE_KIND, 6_000n, 100n, ZeroHash],
    ]);
    expect(await ledger.reputationOf(NORTH, f.contributor.address)).to.equal(270n);

    // Everything the escrow held has been paid out.
    expect(await token.getFunction("balanceOf")(escrowAddress)).to.equal(0n);
    expect((await escrow.getMilestone(escrowId, 0n)).state).to.equal(State.Released);
    expect((await escrow.getMilestone(escrowId, 1n)).state).to.equal(State.Released);
    expect((await escrow.getMilestone(escrowId, 2n)).state).to.equal(State.Resolved);
  });
});
