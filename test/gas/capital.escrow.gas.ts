/**
 * The gas scenario of the milestone escrow behind snapshots/gas.json (`npm run gas`): each hot
 * path called once with fixed data — create a funded two-milestone escrow (a lump and a stream),
 * create an unfunded one and fund its milestone, submit, approve, release optimistically after
 * the review window, and claim a stream mid-way.
 */
import { expect } from "chai";
import { id } from "ethers";

import {
  DAY,
  REVIEW_WINDOW,
  State,
  at,
  escrowFixture,
  lump,
  networkHelpers,
  now,
  stream,
  terms,
} from "../capital/escrow/fixture.ts";

describe("gas scenario: milestone escrow", function () {
  it("creates, funds, submits, approves, releases and claims", async function () {
    const f = await networkHelpers.loadFixture(escrowFixture);
    const { escrow } = f;
    const t = await now();

    await escrow
      .connect(f.funder)
      .createEscrow(terms(f), [lump(1_000n * 10n ** 18n, t + 30n * DAY), stream(600n * 10n ** 18n, t, t + 60n * DAY)]);
    await escrow.connect(f.funder).createEscrow(terms(f, { fund: false }), [lump(500n * 10n ** 18n, t + 30n * DAY)]);
    await escrow.connect(f.funder).fundMilestone(2n, 0n);

    await escrow.connect(f.contributor).submitMilestone(1n, 0n, "ipfs://survey", id("survey"));
    await escrow.connect(f.funder).approveMilestone(1n, 0n);
    await escrow.connect(f.contributor).submitMilestone(2n, 0n, "ipfs://maps", id("maps"));
    await at((await escrow.getMilestone(2n, 0n)).submittedAt + REVIEW_WINDOW);
    await escrow.connect(f.contributor).releaseOptimistic(2n, 0n);

    await at(t + 30n * DAY);
    await escrow.connect(f.contributor).claim(1n, 1n);

    expect((await escrow.getMilestone(1n, 0n)).state).to.equal(State.Released);
    expect((await escrow.getMilestone(2n, 0n)).state).to.equal(State.Released);
    expect((await escrow.getMilestone(1n, 1n)).released).to.equal(300n * 10n ** 18n);
  });
});
