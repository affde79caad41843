/**
 * The escrow's money paths against hostile tokens and receivers (test/mocks/tokens): a
 * fee-on-transfer token is refused by balance delta, tokens without return values and tokens
 * that revert on zero transfers work, a receiver re-entering on a token hook or an ETH payment
 * is stopped, and an ETH receiver that refuses payment is credited instead of blocking the payer.
 * Stream cancellations (both ways), the reclaim of a cancelled stream's rest and a ruling on it
 * run against each hostile token that can fund an escrow.
 */
import { expect } from "chai";
import { ZeroAddress, id, type BaseContract } from "ethers";

import {
  DAY,
  REVIEW_WINDOW,
  State,
  WEST,
  at,
  createEscrow,
  escrowFixture,
  ethers,
  lump,
  networkHelpers,
  now,
  stream,
  terms,
  type EscrowFixture,
} from "./fixtures.ts";
import { impersonate } from "../../helpers/graph.ts";

const { loadFixture } = networkHelpers;
const EVIDENCE = { uri: "ipfs://work", hash: id("work") };

/** Deploys hostile token `name`, mints 10^24 to the funder and approves the escrow. */
async function hostileToken(f: EscrowFixture, name: string): Promise<{ token: BaseContract; address: string }> {
  const token = await ethers.deployContract(name);
  await token.getFunction("mint")(f.funder.address, 10n ** 24n);
  await token.connect(f.funder).getFunction("approve")(await f.escrow.getAddress(), ethers.MaxUint256);
  return { token, address: await token.getAddress() };
}

describe("MilestoneEscrow with hostile tokens and receivers", function () {
  it("refuses a fee-on-transfer token by balance delta, at creation and per milestone", async function () {
    const f = await loadFixture(escrowFixture);
    const { address } = await hostileToken(f, "FeeOnTransferToken");
    const deadline = (await now()) + DAY;
    await expect(f.escrow.connect(f.funder).createEscrow(terms(f, { token: address }), [lump(1_000n, deadline)]))
      .to.be.revertedWithCustomError(f.escrow, "EscrowTokenShortfall")
      .withArgs(address, 1_000n, 990n);
    const { escrowId } = await createEscrow(f, terms(f, { token: address, fund: false }), [lump(1_000n, deadline)]);
    await expect(f.escrow.connect(f.funder).fundMilestone(escrowId, 0n))
      .to.be.revertedWithCustomError(f.escrow, "EscrowTokenShortfall")
      .withArgs(address, 1_000n, 990n);
  });

  it("works with a token whose transfers return nothing", async function () {
    const f = await loadFixture(escrowFixture);
    const { token, address } = await hostileToken(f, "NoReturnToken");
    const t = await now();
    const { escrowId } = await createEscrow(f, terms(f, { token: address }), [
      lump(1_000n, t + DAY),
      stream(600n, t, t + 60n * DAY),
      lump(50n, t + DAY),
    ]);
    await f.escrow.connect(f.funder).approveMilestone(escrowId, 0n);
    await at(t + 30n * DAY);
    await f.escrow.connect(f.contributor).claim(escrowId, 1n);
    await f.escrow.connect(f.funder).reclaimMilestone(escrowId, 2n);
    expect(await token.getFunction("balanceOf")(f.contributor.address)).to.equal(1_300n);
    expect(await token.getFunction("balanceOf")(await f.escrow.getAddress())).to.equal(300n);
  });

  it("never sends zero, so a token that reverts on zero transfers works, rulings included", async function () {
    const f = await loadFixture(escrowFixture);
    const { token, address } = await hostileToken(f, "RevertOnZeroToken");
    const { escrowId } = await createEscrow(f, terms(f, { token: address }), [lump(1_000n, (await now()) + DAY)]);
    await f.escrow.connect(f.contributor).acceptEscrow(escrowId);
    await f.escrow.connect(f.contributor).submitMilestone(escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
    await f.escrow.connect(f.funder).dispute(escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
    await f.arbitration.proposeArbiter(1n, f.arbiter.address, WEST);
    await f.arbitration.connect(f.arbiter).rule(1n, 1_000_000n);
    await networkHelpers.time.increase(4n * DAY);
    await expect(f.arbitration.finalize(1n))
      .to.emit(f.escrow, "MilestoneResolved")
      .withArgs(escrowId, 0n, 1n, 1_000_000n, 0n, 0n, 1_000n);
    await f.escrow.connect(f.funder).withdraw(address, f.funder.address);
    expect(await token.getFunction("balanceOf")(await f.escrow.getAddress())).to.equal(0n);
  });

  it("refuses funding when a token returns false instead of moving funds", async function () {
    const f = await loadFixture(escrowFixture);
    const { token, address } = await hostileToken(f, "ReturnsFalseToken");
    await token.connect(f.funder).getFunction("approve")(await f.escrow.getAddress(), 10n);
    await expect(
      f.escrow.connect(f.funder).createEscrow(terms(f, { token: address }), [lump(11n, (await now()) + DAY)]),
    )
      .to.be.revertedWithCustomError(f.escrow, "SafeERC20FailedOperation")
      .withArgs(address);
  });

  it("stops a contributor re-entering from a token hook, and still pays it", async function () {
    const f = await loadFixture(escrowFixture);
    const { token, address } = await hostileToken(f, "HookToken");
    const receiver = await ethers.deployContract("ReentrantReceiver");
    const receiverAddress = await receiver.getAddress();
    const t = await now();
    const { escrowId } = await createEscrow(
      f,
      terms(f, { token: address, contributor: receiverAddress, contributorSovereign: 0n }),
      [lump(1_000n, t + DAY), stream(600n, t, t + 60n * DAY)],
    );
    await receiver.getFunction("arm")(
      await f.escrow.getAddress(),
      f.escrow.interface.encodeFunctionData("claim", [escrowId, 1n]),
    );
    await f.escrow.connect(f.funder).approveMilestone(escrowId, 0n);
    expect(await receiver.getFunction("attempted")()).to.equal(true);
    expect(await receiver.getFunction("reentered")()).to.equal(false);
    expect(await token.getFunction("balanceOf")(receiverAddress)).to.equal(1_000n);
    expect((await f.escrow.getMilestone(escrowId, 1n)).released).to.equal(0n);
  });

  it("works in ETH: funds, releases, streams and reclaims", async function () {
    const f = await loadFixture(escrowFixture);
    const t = await now();
    const { escrowId } = await createEscrow(
      f,
      terms(f, { token: ZeroAddress }),
      [lump(1_000n, t + DAY), stream(600n, t, t + 60n * DAY), lump(50n, t + DAY)],
      { value: 1_650n },
    );
    await expect(f.escrow.connect(f.funder).approveMilestone(escrowId, 0n)).to.changeEtherBalances(
      ethers,
      [f.escrow, f.contributor],
      [-1_000n, 1_000n],
    );
    await at(t + 30n * DAY);
    await expect(f.escrow.connect(f.contributor).claim(escrowId, 1n)).to.changeEtherBalances(
      ethers,
      [f.escrow, f.contributor],
      [-300n, 300n],
      { includeFee: false },
    );
    await expect(f.escrow.connect(f.funder).reclaimMilestone(escrowId, 2n)).to.changeEtherBalances(
      ethers,
      [f.escrow, f.funder],
      [-50n, 50n],
      { includeFee: false },
    );
    expect(await ethers.provider.getBalance(await f.escrow.getAddress())).to.equal(300n);
  });

  it("credits an ETH receiver that refuses payment instead of blocking the funder", async function () {
    const f = await loadFixture(escrowFixture);
    const receiver = await ethers.deployContract("RevertingReceiver");
    const receiverAddress = await receiver.getAddress();
    const { escrowId } = await createEscrow(
      f,
      terms(f, { token: ZeroAddress, contributor: receiverAddress, contributorSovereign: 0n }),
      [lump(1_000n, (await now()) + DAY)],
      { value: 1_000n },
    );
    await expect(f.escrow.connect(f.funder).approveMilestone(escrowId, 0n))
      .to.emit(f.escrow, "PaymentDeferred")
      .withArgs(receiverAddress, ZeroAddress, 1_000n);
    expect((await f.escrow.getMilestone(escrowId, 0n)).state).to.equal(State.Released);
    expect(await f.escrow.pendingWithdrawal(receiverAddress, ZeroAddress)).to.equal(1_000n);
    const contributor = await impersonate(receiverAddress);
    // Withdrawing to itself bubbles up the receiver's refusal; to another address it works.
    await expect(f.escrow.connect(contributor).withdraw(ZeroAddress, receiverAddress)).to.be.revertedWithCustomError(
      receiver,
      "Refused",
    );
    await expect(f.escrow.connect(contributor).withdraw(ZeroAddress, f.stranger.address)).to.changeEtherBalances(
      ethers,
      [f.escrow, f.stranger],
      [-1_000n, 1_000n],
    );
  });

  it("stops an ETH receiver re-entering on payment, and still pays it", async function () {
    const f = await loadFixture(escrowFixture);
    const receiver = await ethers.deployContract("ReentrantReceiver");
    const receiverAddress = await receiver.getAddress();
    const t = await now();
    const { escrowId } = await createEscrow(
      f,
      terms(f, { token: ZeroAddress, contributor: receiverAddress, contributorSovereign: 0n }),
      [lump(1_000n, t + DAY), stream(600n, t, t + 60n * DAY)],
      { value: 1_600n },
    );
    await receiver.getFunction("arm")(
      await f.escrow.getAddress(),
      f.escrow.interface.encodeFunctionData("claim", [escrowId, 1n]),
    );
    await expect(f.escrow.connect(f.funder).approveMilestone(escrowId, 0n)).to.changeEtherBalances(
      ethers,
      [f.escrow, receiverAddress],
      [-1_000n, 1_000n],
    );
    expect(await receiver.getFunction("attempted")()).to.equal(true);
    expect(await receiver.getFunction("reentered")()).to.equal(false);
  });

  describe("stream cancellations, reclaims of their rest and rulings on it", function () {
    /**
     * Three streams of 600 from `start` over 60 days, with a 2.5% protocol fee, in `token`. At
     * 15 days (150 vested each, fee 3): the funder cancels stream 0 and reclaims its rest after
     * the review window; the contributor ends stream 1 (its rest back to the funder at once); the
     * funder cancels stream 2 and the contributor disputes its rest, ruled 40% to it (180 gross,
     * fee 5). Every balance is checked to the unit.
     */
    async function cancelEveryWay(f: EscrowFixture, token: BaseContract, address: string) {
      await f.escrow.connect(f.governance).setProtocolFee(250);
      const start = (await now()) + DAY;
      const { escrowId } = await createEscrow(f, terms(f, { token: address }), [
        stream(600n, start, start + 60n * DAY),
        stream(600n, start, start + 60n * DAY),
        stream(600n, start, start + 60n * DAY),
      ]);
      const escrowAddress = await f.escrow.getAddress();
      const balance = async (account: string) => (await token.getFunction("balanceOf")(account)) as bigint;
      const contributorBefore = await balance(f.contributor.address);
      const funderBefore = await balance(f.funder.address);

      await at(start + 15n * DAY);
      await expect(f.escrow.connect(f.funder).cancelStream(escrowId, 0n))
        .to.emit(f.escrow, "StreamCancelled")
        .withArgs(escrowId, 0n, f.funder.address, 147n, 3n, 150n, 450n, start + 15n * DAY + REVIEW_WINDOW);
      await expect(f.escrow.connect(f.contributor).cancelStream(escrowId, 1n))
        .to.emit(f.escrow, "MilestoneReclaimed")
        .withArgs(escrowId, 1n, f.funder.address, 450n);
      await f.escrow.connect(f.funder).cancelStream(escrowId, 2n);
      expect(await balance(f.contributor.address)).to.equal(contributorBefore + 3n * 147n);
      expect(await balance(f.funder.address)).to.equal(funderBefore + 450n);

      await f.escrow.connect(f.contributor).dispute(escrowId, 2n, EVIDENCE.uri, EVIDENCE.hash);
      await f.arbitration.proposeArbiter(1n, f.arbiter.address, WEST);
      await f.arbitration.connect(f.arbiter).rule(1n, 400_000n);
      await networkHelpers.time.increase(4n * DAY);
      await expect(f.escrow.connect(f.funder).reclaimMilestone(escrowId, 0n))
        .to.emit(f.escrow, "MilestoneReclaimed")
        .withArgs(escrowId, 0n, f.funder.address, 450n);
      await expect(f.arbitration.finalize(1n))
        .to.emit(f.escrow, "MilestoneResolved")
        .withArgs(escrowId, 2n, 1n, 400_000n, 175n, 5n, 270n);
      await f.escrow.connect(f.contributor).withdraw(address, f.contributor.address);
      await f.escrow.connect(f.funder).withdraw(address, f.funder.address);
      await expect(f.escrow.collectFees(address))
        .to.emit(f.escrow, "FeesCollected")
        .withArgs(address, await f.timelock.getAddress(), 14n);

      // 3 x 147 + 175 to the contributor, 450 + 450 + 270 back to the funder, 14 in fees: 1,800.
      expect(await balance(f.contributor.address)).to.equal(contributorBefore + 616n);
      expect(await balance(f.funder.address)).to.equal(funderBefore + 1_170n);
      expect(await balance(escrowAddress)).to.equal(0n);
      expect((await f.escrow.getMilestone(escrowId, 0n)).state).to.equal(State.Reclaimed);
      expect((await f.escrow.getMilestone(escrowId, 1n)).state).to.equal(State.Reclaimed);
      expect((await f.escrow.getMilestone(escrowId, 2n)).state).to.equal(State.Resolved);
    }

    for (const name of ["NoReturnToken", "RevertOnZeroToken", "ReturnsFalseToken", "HookToken"]) {
      it(`move exact amounts with ${name}`, async function () {
        const f = await loadFixture(escrowFixture);
        const { token, address } = await hostileToken(f, name);
        await cancelEveryWay(f, token, address);
      });
    }

    it("move exact amounts with the well-behaved token", async function () {
      const f = await loadFixture(escrowFixture);
      await cancelEveryWay(f, f.token, f.tokenAddress);
    });

    it("never send zero: a cancellation before the start and a ruling giving the contributor the whole rest", async function () {
      const f = await loadFixture(escrowFixture);
      const { token, address } = await hostileToken(f, "RevertOnZeroToken");
      const start = (await now()) + DAY;
      const { escrowId } = await createEscrow(f, terms(f, { token: address }), [
        stream(600n, start, start + 60n * DAY),
        stream(600n, start, start + 60n * DAY),
      ]);
      // Ended by the contributor before it starts: nothing vested, all 600 back to the funder.
      await expect(f.escrow.connect(f.contributor).cancelStream(escrowId, 0n))
        .to.emit(f.escrow, "StreamCancelled")
        .withArgs(escrowId, 0n, f.contributor.address, 0n, 0n, 0n, 600n, 0n);
      // Cancelled by the funder before it starts, disputed, and ruled wholly for the contributor.
      await f.escrow.connect(f.funder).cancelStream(escrowId, 1n);
      await f.escrow.connect(f.contributor).dispute(escrowId, 1n, EVIDENCE.uri, EVIDENCE.hash);
      await f.arbitration.proposeArbiter(1n, f.arbiter.address, WEST);
      await f.arbitration.connect(f.arbiter).rule(1n, 1_000_000n);
      await networkHelpers.time.increase(4n * DAY);
      await expect(f.arbitration.finalize(1n))
        .to.emit(f.escrow, "MilestoneResolved")
        .withArgs(escrowId, 1n, 1n, 1_000_000n, 600n, 0n, 0n);
      expect(await f.escrow.pendingWithdrawal(f.funder.address, address)).to.equal(0n);
      await f.escrow.connect(f.contributor).withdraw(address, f.contributor.address);
      expect(await token.getFunction("balanceOf")(await f.escrow.getAddress())).to.equal(0n);
    });

    it("stop a contributor re-entering from a token hook when its stream is cancelled, and still pay it", async function () {
      const f = await loadFixture(escrowFixture);
      const { token, address } = await hostileToken(f, "HookToken");
      const receiver = await ethers.deployContract("ReentrantReceiver");
      const receiverAddress = await receiver.getAddress();
      const start = (await now()) + DAY;
      const { escrowId } = await createEscrow(
        f,
        terms(f, { token: address, contributor: receiverAddress, contributorSovereign: 0n }),
        [stream(600n, start, start + 60n * DAY), stream(600n, start, start + 60n * DAY)],
      );
      // On payment it tries to end its other stream, which would pay it again mid-payment.
      await receiver.getFunction("arm")(
        await f.escrow.getAddress(),
        f.escrow.interface.encodeFunctionData("cancelStream", [escrowId, 1n]),
      );
      await at(start + 15n * DAY);
      await f.escrow.connect(f.funder).cancelStream(escrowId, 0n);
      expect(await receiver.getFunction("attempted")()).to.equal(true);
      expect(await receiver.getFunction("reentered")()).to.equal(false);
      expect(await token.getFunction("balanceOf")(receiverAddress)).to.equal(150n);
      expect((await f.escrow.getMilestone(escrowId, 1n)).state).to.equal(State.Funded);
    });

    it("credit an ETH contributor that refuses payment instead of blocking the funder's cancellation", async function () {
      const f = await loadFixture(escrowFixture);
      const receiver = await ethers.deployContract("RevertingReceiver");
      const receiverAddress = await receiver.getAddress();
      const start = (await now()) + DAY;
      const { escrowId } = await createEscrow(
        f,
        terms(f, { token: ZeroAddress, contributor: receiverAddress, contributorSovereign: 0n }),
        [stream(600n, start, start + 60n * DAY)],
        { value: 600n },
      );
      await at(start + 15n * DAY);
      const tx = f.escrow.connect(f.funder).cancelStream(escrowId, 0n);
      await expect(tx).to.emit(f.escrow, "PaymentDeferred").withArgs(receiverAddress, ZeroAddress, 150n);
      await expect(tx).to.changeEtherBalances(ethers, [f.escrow, receiverAddress], [0n, 0n]);
      expect((await f.escrow.getMilestone(escrowId, 0n)).state).to.equal(State.Cancelled);
      await expect(
        f.escrow.connect(await impersonate(receiverAddress)).withdraw(ZeroAddress, f.stranger.address),
      ).to.changeEtherBalances(ethers, [f.escrow, f.stranger], [-150n, 150n]);
    });

    it("credit an ETH funder that refuses payment the rest of a stream the contributor ended, without blocking it", async function () {
      const f = await loadFixture(escrowFixture);
      const receiver = await ethers.deployContract("RevertingReceiver");
      const funderAddress = await receiver.getAddress();
      const funder = await impersonate(funderAddress);
      const start = (await now()) + DAY;
      const { escrowId } = await createEscrow(
        f,
        terms(f, { token: ZeroAddress, funder: funderAddress, funderSovereign: 0n }),
        [stream(600n, start, start + 60n * DAY)],
        { from: funder, value: 600n },
      );
      await at(start + 15n * DAY);
      const tx = f.escrow.connect(f.contributor).cancelStream(escrowId, 0n);
      await expect(tx).to.emit(f.escrow, "PaymentDeferred").withArgs(funderAddress, ZeroAddress, 450n);
      await expect(tx).to.changeEtherBalances(ethers, [f.escrow, f.contributor, funderAddress], [-150n, 150n, 0n], {
        includeFee: false,
      });
      expect(await f.escrow.pendingWithdrawal(funderAddress, ZeroAddress)).to.equal(450n);
      expect(await ethers.provider.getBalance(await f.escrow.getAddress())).to.equal(450n);
    });
  });
});
