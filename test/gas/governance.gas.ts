/**
 * The gas scenario behind snapshots/gas.json (`npm run gas`): each hot path of the governance
 * layer called once, with fixed data, so the snapshot moves only when the contracts do.
 * Adding a call here moves the snapshot too: update it in the same commit.
 */
import { expect } from "chai";

import {
  ATLAS,
  ProposalState,
  Support,
  descriptionHash,
  endVoting,
  ethers,
  governanceFixture,
  networkHelpers,
  propose,
  proposal,
  signBallot,
  signDelegation,
  startVoting,
} from "../helpers/governance.ts";

describe("gas scenario: governance", function () {
  it("delegates, transfers, proposes, votes three ways, queues, executes and cancels", async function () {
    const f = await networkHelpers.loadFixture(governanceFixture);
    const { token, governor, guardian, alice, bob, carol, dave, eve, wallet } = f;

    await token.connect(alice).delegate(alice.address);
    await token.connect(bob).delegate(bob.address);
    await token.connect(dave).transfer(wallet.address, 30_000n * ATLAS);
    // A fixed expiry (2100-01-01): calldata bytes, and so gas, must not depend on the wall clock.
    const expiry = 4_102_444_800n;
    const sig = await signDelegation(await token.getAddress(), "Atlas", wallet, wallet.address, 0n, expiry);
    await token.connect(carol).delegateBySig(wallet.address, 0n, expiry, sig.v, sig.r, sig.s);
    await token.connect(carol).approve(eve.address, ATLAS);
    await token.connect(eve).transferFrom(carol.address, eve.address, ATLAS);

    const pay = proposal(
      [
        {
          target: await token.getAddress(),
          data: token.interface.encodeFunctionData("transfer", [eve.address, 10_000n * ATLAS]),
        },
      ],
      "Gas scenario: pay eve",
    );
    const proposalId = await propose(governor, alice, pay);
    const withdrawn = proposal([{ target: eve.address, data: "0x" }], "Gas scenario: withdrawn");
    await propose(governor, alice, withdrawn);
    await governor
      .connect(alice)
      .cancel(withdrawn.targets, withdrawn.values, withdrawn.calldatas, descriptionHash(withdrawn));
    // The proposal guardian cancels one it may: the calls are not only unpauses or guardian changes.
    const stopped = proposal([{ target: eve.address, data: "0x" }], "Gas scenario: stopped by the guardian");
    await propose(governor, alice, stopped);
    await governor
      .connect(guardian)
      .cancel(stopped.targets, stopped.values, stopped.calldatas, descriptionHash(stopped));

    await startVoting(governor, proposalId);
    await governor.connect(alice).castVote(proposalId, Support.For);
    await governor.connect(bob).castVoteWithReason(proposalId, Support.Against, "gas scenario");
    const ballot = await signBallot(governor, wallet, proposalId, Support.For, 0n);
    await governor.connect(carol).castVoteBySig(proposalId, Support.For, wallet.address, ballot);
    await endVoting(governor, proposalId);

    const args = [pay.targets, pay.values, pay.calldatas, descriptionHash(pay)] as const;
    await governor.queue(...args);
    await networkHelpers.time.increaseTo(await governor.proposalEta(proposalId));
    await governor.execute(...args);

    expect(await governor.state(proposalId)).to.equal(ProposalState.Executed);
    expect(await token.balanceOf(eve.address)).to.equal(10_001n * ATLAS);
    expect(await ethers.provider.getBalance(await f.timelock.getAddress())).to.equal(0n);
  });
});
