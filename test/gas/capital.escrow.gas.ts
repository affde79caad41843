/**
 * The gas scenario of the milestone escrow and Arbitration behind snapshots/gas.json (`npm run
 * gas`): each hot path called with fixed data — create a funded two-milestone escrow (a lump and
 * a stream), create an unfunded one and fund its milestone, accept the terms, endorse a deal as
 * the mission's own, submit, approve, release optimistically after the review window, claim a
 * stream mid-way, cancel a stream and dispute its rest, and a lump's dispute through both rounds
 * (a drawn arbiter, the loser's appeal, a fallback arbiter) to its enforcement and the
 * withdrawals; then the module's bounded pause (the guardian's pause, governance's extension and
 * maximum), a governance change of Arbitration's fallback arbiters, and governance wiring a next
 * deal-holding module — on the escrow and Arbitration that `deployAtlas` deploys and wires.
 */
import { expect } from "chai";
import { dataSlice, getAddress, id } from "ethers";

import {
  DAY,
  DisputeStatus,
  REVIEW_WINDOW,
  State,
  WEST,
  at,
  escrowFixture,
  lump,
  networkHelpers,
  now,
  stream,
  terms,
} from "../capital/escrow/fixtures.ts";

const UNIT = 10n ** 18n;

describe("gas scenario: milestone escrow", function () {
  it("creates, funds, accepts, endorses, submits, approves, releases, claims, cancels, disputes and pauses", async function () {
    const f = await networkHelpers.loadFixture(escrowFixture);
    const { escrow, arbitration, governance } = f;
    const t = await now();

    // Escrows 1 and 2: the funder (a member of north, not the mission's manager) pays the contributor.
    await escrow
      .connect(f.funder)
      .createEscrow(terms(f), [lump(1_000n * UNIT, t + 30n * DAY), stream(600n * UNIT, t, t + 60n * DAY)]);
    await escrow.connect(f.funder).createEscrow(terms(f, { fund: false }), [lump(500n * UNIT, t + 30n * DAY)]);
    await escrow.connect(f.funder).fundMilestone(2n, 0n);
    await escrow.connect(f.contributor).acceptEscrow(1n);
    await escrow.connect(f.contributor).acceptEscrow(2n);
    await escrow.connect(f.manager).endorseEscrow(1n);

    await escrow.connect(f.contributor).submitMilestone(1n, 0n, "ipfs://survey", id("survey"));
    await escrow.connect(f.funder).approveMilestone(1n, 0n);
    await escrow.connect(f.contributor).submitMilestone(2n, 0n, "ipfs://maps", id("maps"));
    await at((await escrow.getMilestone(2n, 0n)).submittedAt + REVIEW_WINDOW);
    await escrow.connect(f.contributor).releaseOptimistic(2n, 0n);

    await at(t + 30n * DAY);
    await escrow.connect(f.contributor).claim(1n, 1n);

    expect((await escrow.getMilestone(1n, 0n)).state).to.equal(State.Released);
    expect((await escrow.getMilestone(2n, 0n)).state).to.equal(State.Released);
    expect((await escrow.getMilestone(1n, 1n)).released).to.equal(300n * UNIT);

    // Escrow 3: the funder cancels its stream half-way and the contributor disputes the rest
    // (dispute 1); the funder disputes its submitted lump (dispute 2).
    const u = t + 30n * DAY + 1n;
    await at(u);
    await escrow
      .connect(f.funder)
      .createEscrow(terms(f), [lump(800n * UNIT, u + 30n * DAY), stream(400n * UNIT, u, u + 40n * DAY)]);
    await escrow.connect(f.contributor).acceptEscrow(3n);
    await at(u + 20n * DAY);
    await escrow.connect(f.funder).cancelStream(3n, 1n);
    expect((await escrow.getMilestone(3n, 1n)).released, "half of the stream vested").to.equal(200n * UNIT);
    await escrow.connect(f.contributor).dispute(3n, 1n, "ipfs://stream claim", id("stream claim"));
    await escrow.connect(f.contributor).submitMilestone(3n, 0n, "ipfs://report", id("report"));
    await escrow.connect(f.funder).dispute(3n, 0n, "ipfs://lump claim", id("lump claim"));

    // Dispute 2: a west arbiter rules 25% for the funder; the funder (the loser) appeals and draws
    // a fallback arbiter, who rules 40%; enforced, both sides withdraw their credits.
    await arbitration.connect(f.stranger).proposeArbiter(2n, f.arbiter.address, WEST);
    await arbitration.connect(f.contributor).submitEvidence(2n, "ipfs://defence", id("defence"));
    await arbitration.connect(f.arbiter).rule(2n, 250_000n);
    await arbitration.connect(f.funder).appeal(2n);
    await arbitration.connect(f.funder).proposeArbiter(2n, f.fallbackArbiter.address, 0n);
    await arbitration.connect(f.fallbackArbiter).rule(2n, 400_000n);
    await arbitration.connect(f.stranger).finalize(2n);
    expect((await arbitration.getDispute(2n)).status).to.equal(DisputeStatus.Finalized);
    await escrow.connect(f.contributor).withdraw(f.tokenAddress, f.contributor.address);
    await escrow.connect(f.funder).withdraw(f.tokenAddress, f.funder.address);
    expect((await escrow.getMilestone(3n, 0n)).state).to.equal(State.Resolved);

    // The bounded pause: the guardian pauses, governance extends it, the pause ends by itself, and
    // governance sets the maximum; governance pauses again and lifts it.
    const pausedAt = BigInt(await networkHelpers.time.latest()) + 1n;
    await at(pausedAt);
    await escrow.connect(f.guardian).pause();
    await escrow.connect(governance).extendPause(pausedAt + 20n * DAY);
    await at(pausedAt + 20n * DAY);
    await escrow.connect(governance).setMaxPauseDuration(Number(7n * DAY));
    await escrow.connect(governance).pause();
    await escrow.connect(governance).unpause();
    await arbitration.connect(governance).setFallbackArbiter(f.stranger.address, true);
    expect(await arbitration.fallbackArbiterCount()).to.equal(3n);
    expect(await escrow.paused()).to.equal(false);

    // The deployment's hand-over wired the escrow inside the timelock's batch, where the gas
    // statistics do not see the calls: governance wiring a next deal-holding module (an address
    // stands for it) is what measures the two setters.
    const nextModule = getAddress(dataSlice(id("next deal-holding module"), 12));
    await f.registry.connect(governance).setFundingModule(nextModule, true);
    await arbitration.connect(governance).setArbitrable(nextModule, true);
    expect(await f.registry.isFundingModule(nextModule)).to.equal(true);
    expect(await arbitration.isArbitrable(nextModule)).to.equal(true);
  });
});
