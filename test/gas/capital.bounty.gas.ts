/**
 * The gas scenario of the BountyBoard behind snapshots/gas.json (`npm run gas`): each hot path
 * called once with fixed data — create (ETH), top up, submit work, award one winner (paid and
 * recorded in the ledger, charged to both funders' shares), and reclaim the leftover after the
 * deadline; and a second bounty cancelled despite a submission (nothing awarded yet) and refunded
 * — on the board `deployAtlas` deploys (its ERC1967Proxy), named funding module and recorder by
 * the deployment's governance hand-over.
 */
import { expect } from "chai";
import { ZeroAddress, ZeroHash } from "ethers";

import { MissionStatus, ethers, graphFixture, metadata, networkHelpers } from "../helpers/graph.ts";

describe("gas scenario: bounty board", function () {
  it("creates, funds, takes work, awards and refunds a bounty", async function () {
    const f = await networkHelpers.loadFixture(graphFixture);
    const { registry, ledger, alice, bob, carol, dave } = f;
    const board = f.bountyBoard.connect(alice);

    const sovereign = metadata("sovereign north");
    await registry.connect(alice).register("north", sovereign.uri, sovereign.hash);
    const mission = metadata("mission: map the river");
    await registry.connect(alice).createMission(1n, 0n, mission.uri, mission.hash);
    await registry.connect(alice).transitionMission(1n, MissionStatus.Open);

    const reward = ethers.parseEther("1");
    const deadline = BigInt(await networkHelpers.time.latest()) + 7n * 86_400n;
    const terms = {
      missionId: 1n,
      token: ZeroAddress,
      deadline,
      credentialSchema: ZeroHash,
      credentialTrustedBy: 0n,
      metadataURI: "ipfs://bounty: river gauges",
      metadataHash: ethers.id("bounty: river gauges"),
    };
    await board.connect(bob).createBounty(terms, reward, { value: reward });
    await board.connect(carol).fund(1n, reward, { value: reward });
    await board.connect(dave).submitWork(1n, "ipfs://work: gauges", ethers.id("work: gauges"), ZeroHash);
    await board.connect(alice).award(1n, [dave.address], [reward]);
    // A second bounty: one junk submission does not lock it; its manager cancels it.
    await board.connect(bob).createBounty({ ...terms, metadataURI: "ipfs://bounty: 2" }, reward, { value: reward });
    await board.connect(carol).submitWork(2n, "ipfs://work: junk", ethers.id("work: junk"), ZeroHash);
    await board.connect(alice).cancel(2n);
    await board.connect(bob).reclaim(2n, bob.address);
    await networkHelpers.time.increaseTo(deadline);
    await board.connect(carol).reclaim(1n, carol.address);

    expect(await ledger.reputationOf(1n, dave.address)).to.equal(100n);
    expect(await board.remainingOf(1n)).to.equal(reward / 2n);
    expect(await board.remainingOf(2n)).to.equal(0n);
  });
});
