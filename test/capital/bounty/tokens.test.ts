/**
 * The BountyBoard's money paths against the hostile tokens and receivers of test/mocks: what a
 * fee-on-transfer token credits, tokens without return values or returning false, a token that
 * refuses a blocklisted winner, a token that reverts on zero transfers, and re-entry through
 * token hooks and ETH receivers.
 */
import { expect } from "chai";
import { MaxUint256, type ContractTransactionResponse } from "ethers";

import { ethers, impersonate, networkHelpers } from "../../helpers/graph.ts";
import {
  DAY,
  ETH,
  bountyFixture,
  createBounty,
  deployToken,
  fund,
  passDeadline,
  submit,
  work,
  type BountyWorld,
  type TestToken,
} from "./fixtures.ts";

const { loadFixture } = networkHelpers;

/** FeeOnTransferToken keeps 1% of every transfer. */
const afterFee = (amount: bigint) => amount - (amount * 100n) / 10_000n;

describe("BountyBoard with hostile tokens", function () {
  describe("fee-on-transfer token", function () {
    it("credits what arrived, on creation and on top-ups", async function () {
      const f = await loadFixture(bountyFixture);
      const token = f.tokens.fee;
      const { bountyId, tx } = await createBounty(f.board, f.funder, token.address, 10_000n);
      await expect(tx)
        .to.emit(f.board, "BountyFunded")
        .withArgs(bountyId, f.funder.address, token.address, 9_900n, 9_900n, 9_900n);
      expect(await f.board.connect(f.coFunder).fund.staticCall(bountyId, 1_000n)).to.equal(990n);
      await expect(fund(f.board, f.coFunder, bountyId, token.address, 1_000n))
        .to.emit(f.board, "BountyFunded")
        .withArgs(bountyId, f.coFunder.address, token.address, 990n, 990n, 10_890n);
      expect(await f.board.contributionOf(bountyId, f.funder.address)).to.deep.equal([9_900n, false]);
      expect(await f.board.contributionOf(bountyId, f.coFunder.address)).to.deep.equal([990n, false]);
      expect(await token.balanceOf(f.boardAddress)).to.equal(10_890n);
      expect(await f.board.remainingOf(bountyId)).to.equal(10_890n);
    });

    it("pays awards and refunds at their nominal amount, leaving the board exactly solvent", async function () {
      const f = await loadFixture(bountyFixture);
      const token = f.tokens.fee;
      const { bountyId } = await createBounty(f.board, f.funder, token.address, 10_000n);
      await fund(f.board, f.coFunder, bountyId, token.address, 1_000n);
      await submit(f.board, f.contributor, bountyId, "contributor");
      await f.board.connect(f.missionOwner).award(bountyId, [f.contributor.address], [9_900n]);
      // The board sends 9,900; the fee takes 99 on the way.
      expect(await token.balanceOf(f.contributor.address)).to.equal(afterFee(9_900n));
      expect(await token.balanceOf(f.boardAddress)).to.equal(990n);
      expect(await f.board.remainingOf(bountyId)).to.equal(990n);

      await passDeadline(f.board, bountyId);
      // Leftover 990 shared 9,900 : 990 → 900 and (last) 90.
      const before = await token.balanceOf(f.funder.address);
      await expect(f.board.connect(f.funder).reclaim(bountyId, f.funder.address))
        .to.emit(f.board, "FundsReclaimed")
        .withArgs(bountyId, f.funder.address, token.address, f.funder.address, 900n);
      expect((await token.balanceOf(f.funder.address)) - before).to.equal(afterFee(900n));
      await expect(f.board.connect(f.coFunder).reclaim(bountyId, f.coFunder.address))
        .to.emit(f.board, "FundsReclaimed")
        .withArgs(bountyId, f.coFunder.address, token.address, f.coFunder.address, 90n);
      expect(await token.balanceOf(f.boardAddress)).to.equal(0n);
      expect(await f.board.remainingOf(bountyId)).to.equal(0n);
    });

    it("credits a top-up after an award by what arrived, at the shares' current value", async function () {
      const f = await loadFixture(bountyFixture);
      const token = f.tokens.fee;
      const { bountyId } = await createBounty(f.board, f.funder, token.address, 10_000n);
      await submit(f.board, f.contributor, bountyId, "contributor");
      await f.board.connect(f.missionOwner).award(bountyId, [f.contributor.address], [4_950n]);
      // 9,900 shares hold 4,950: the 990 that arrive of 1,000 buy 1,980 shares.
      await expect(fund(f.board, f.coFunder, bountyId, token.address, 1_000n))
        .to.emit(f.board, "BountyFunded")
        .withArgs(bountyId, f.coFunder.address, token.address, 990n, 990n, 10_890n);
      const bounty = await f.board.getBounty(bountyId);
      expect([bounty.funded, bounty.awarded, bounty.totalShares]).to.deep.equal([10_890n, 4_950n, 11_880n]);
      expect(await token.balanceOf(f.boardAddress)).to.equal(5_940n);

      await passDeadline(f.board, bountyId);
      // The funder paid the whole award; the co-funder gets back all that arrived of its top-up.
      await expect(f.board.connect(f.coFunder).reclaim(bountyId, f.coFunder.address))
        .to.emit(f.board, "FundsReclaimed")
        .withArgs(bountyId, f.coFunder.address, token.address, f.coFunder.address, 990n);
      await expect(f.board.connect(f.funder).reclaim(bountyId, f.funder.address))
        .to.emit(f.board, "FundsReclaimed")
        .withArgs(bountyId, f.funder.address, token.address, f.funder.address, 4_950n);
      expect(await token.balanceOf(f.boardAddress)).to.equal(0n);
      expect(await f.board.remainingOf(bountyId)).to.equal(0n);
    });

    it("credits small deposits whole when the fee rounds to zero", async function () {
      const f = await loadFixture(bountyFixture);
      const token = f.tokens.fee;
      const { bountyId } = await createBounty(f.board, f.funder, token.address, 10_000n);
      // 1% of 99 rounds down to 0: all 99 arrive.
      await expect(fund(f.board, f.coFunder, bountyId, token.address, 99n))
        .to.emit(f.board, "BountyFunded")
        .withArgs(bountyId, f.coFunder.address, token.address, 99n, 99n, 9_999n);
    });

    it("rejects a deposit of which nothing arrives", async function () {
      const f = await loadFixture(bountyFixture);
      const swallower = await deployToken("SwallowingToken");
      await swallower.as(f.funder).mint(f.funder.address, 500n);
      await swallower.as(f.funder).approve(f.boardAddress, MaxUint256);
      await expect(createBounty(f.board, f.funder, swallower.address, 500n))
        .to.be.revertedWithCustomError(f.board, "BountyNothingReceived")
        .withArgs(swallower.address, 500n);
    });
  });

  describe("token without return values", function () {
    it("runs the whole lifecycle: create, top up, award, refund", async function () {
      const f = await loadFixture(bountyFixture);
      const token = f.tokens.noReturn;
      const { bountyId } = await createBounty(f.board, f.funder, token.address, 600n);
      await fund(f.board, f.coFunder, bountyId, token.address, 400n);
      await submit(f.board, f.contributor, bountyId, "contributor");
      await f.board.connect(f.missionOwner).award(bountyId, [f.contributor.address], [500n]);
      expect(await token.balanceOf(f.contributor.address)).to.equal(500n);
      await passDeadline(f.board, bountyId);
      await f.board.connect(f.funder).reclaim(bountyId, f.stranger.address);
      await f.board.connect(f.coFunder).reclaim(bountyId, f.stranger.address);
      // Leftover 500 shared 600 : 400.
      expect(await token.balanceOf(f.stranger.address)).to.equal(500n);
      expect(await token.balanceOf(f.boardAddress)).to.equal(0n);
    });

    it("bubbles up the token's own revert when the pull fails", async function () {
      const f = await loadFixture(bountyFixture);
      const token = f.tokens.noReturn;
      await expect(createBounty(f.board, f.stranger, token.address, 1n)).to.be.revertedWith("allowance");
    });
  });

  describe("token returning false", function () {
    it("reverts a deposit the token refuses with SafeERC20FailedOperation", async function () {
      const f = await loadFixture(bountyFixture);
      const token = f.tokens.returnsFalse;
      await expect(createBounty(f.board, f.stranger, token.address, 1n))
        .to.be.revertedWithCustomError(f.board, "SafeERC20FailedOperation")
        .withArgs(token.address);
      await token.as(f.stranger).approve(f.boardAddress, MaxUint256);
      await expect(createBounty(f.board, f.stranger, token.address, 1n))
        .to.be.revertedWithCustomError(f.board, "SafeERC20FailedOperation")
        .withArgs(token.address);
    });

    it("pays awards and refunds when the transfers succeed", async function () {
      const f = await loadFixture(bountyFixture);
      const token = f.tokens.returnsFalse;
      const { bountyId } = await createBounty(f.board, f.funder, token.address, 1_000n);
      await submit(f.board, f.contributor, bountyId, "contributor");
      await f.board.connect(f.missionOwner).award(bountyId, [f.contributor.address], [700n]);
      expect(await token.balanceOf(f.contributor.address)).to.equal(700n);
      await passDeadline(f.board, bountyId);
      await f.board.connect(f.funder).reclaim(bountyId, f.stranger.address);
      expect(await token.balanceOf(f.stranger.address)).to.equal(300n);
    });
  });

  describe("token refusing a winner (blocklist)", function () {
    /** The splits' hostile BlocklistToken: refuses transfers to blocklisted accounts. */
    const BLOCKLIST_TOKEN = "test/capital/splits/mocks/SplitMocks.sol:BlocklistToken";

    for (const returnsFalse of [false, true]) {
      const how = returnsFalse ? "returns false for" : "reverts for";
      it(`defers a winner the token ${how}, and pays the others`, async function () {
        const f = await loadFixture(bountyFixture);
        const token = await ethers.deployContract(BLOCKLIST_TOKEN, [returnsFalse]);
        const address = await token.getAddress();
        await token.getFunction("mint")(f.funder.address, 1_000n);
        await token.connect(f.funder).getFunction("approve")(f.boardAddress, MaxUint256);
        const { bountyId } = await createBounty(f.board, f.funder, address, 1_000n);
        await submit(f.board, f.contributor, bountyId, "contributor");
        await submit(f.board, f.member, bountyId, "member");
        await token.getFunction("setBlocked")(f.contributor.address, true);

        const tx = f.board
          .connect(f.missionOwner)
          .award(bountyId, [f.contributor.address, f.member.address], [600n, 400n]);
        await expect(tx).to.emit(f.board, "PaymentDeferred").withArgs(f.contributor.address, address, 600n);
        await expect(tx).to.changeTokenBalances(
          ethers,
          token,
          [f.member.address, f.contributor.address, f.boardAddress],
          [400n, 0n, -400n],
        );
        expect(await f.board.pendingWithdrawal(f.contributor.address, address)).to.equal(600n);

        // The winner's own address stays refused and keeps the credit; an address it names is paid.
        const own = f.board.connect(f.contributor).withdraw(address, f.contributor.address);
        if (returnsFalse) {
          await expect(own).to.be.revertedWithCustomError(f.board, "SafeERC20FailedOperation").withArgs(address);
        } else {
          await expect(own).to.be.revertedWithCustomError(token, "Blocked").withArgs(f.contributor.address);
        }
        expect(await f.board.pendingWithdrawal(f.contributor.address, address)).to.equal(600n);
        await expect(f.board.connect(f.contributor).withdraw(address, f.stranger.address))
          .to.emit(f.board, "Withdrawn")
          .withArgs(f.contributor.address, address, f.stranger.address, 600n);
        await expect(f.board.connect(f.contributor).withdraw(address, f.stranger.address))
          .to.be.revertedWithCustomError(f.board, "BountyNothingToWithdraw")
          .withArgs(f.contributor.address, address);
        expect(await token.getFunction("balanceOf")(f.boardAddress)).to.equal(0n);
      });
    }
  });

  describe("token reverting on zero transfers", function () {
    it("never sends zero: awards are non-zero, fully awarded bounties refund nothing", async function () {
      const f = await loadFixture(bountyFixture);
      const token = f.tokens.revertOnZero;
      await expect(createBounty(f.board, f.funder, token.address, 0n)).to.be.revertedWithCustomError(
        f.board,
        "BountyZeroAmount",
      );
      const { bountyId } = await createBounty(f.board, f.funder, token.address, 100n);
      await submit(f.board, f.contributor, bountyId, "contributor");
      await submit(f.board, f.member, bountyId, "member");
      await f.board.connect(f.missionOwner).award(bountyId, [f.contributor.address, f.member.address], [60n, 40n]);
      await passDeadline(f.board, bountyId);
      await expect(f.board.connect(f.funder).reclaim(bountyId, f.funder.address))
        .to.be.revertedWithCustomError(f.board, "BountyFullyAwarded")
        .withArgs(bountyId);
      expect(await token.balanceOf(f.boardAddress)).to.equal(0n);
    });

    it("refunds a funder whose money was all awarded 0 without a transfer, and a later top-up whole", async function () {
      const f = await loadFixture(bountyFixture);
      const token = f.tokens.revertOnZero;
      const { bountyId } = await createBounty(f.board, f.funder, token.address, 1_000n);
      await submit(f.board, f.contributor, bountyId, "contributor");
      await f.board.connect(f.missionOwner).award(bountyId, [f.contributor.address], [1_000n]);
      await fund(f.board, f.coFunder, bountyId, token.address, 100n);
      await passDeadline(f.board, bountyId);
      // The token would revert a zero transfer: the funder's reclaim sends nothing.
      await expect(f.board.connect(f.funder).reclaim(bountyId, f.funder.address))
        .to.emit(f.board, "FundsReclaimed")
        .withArgs(bountyId, f.funder.address, token.address, f.funder.address, 0n);
      await expect(f.board.connect(f.coFunder).reclaim(bountyId, f.coFunder.address))
        .to.emit(f.board, "FundsReclaimed")
        .withArgs(bountyId, f.coFunder.address, token.address, f.coFunder.address, 100n);
      expect(await token.balanceOf(f.boardAddress)).to.equal(0n);
    });
  });

  describe("re-entry", function () {
    /**
     * A ReentrantReceiver that funded two bounties in `token` (ETH when null), both now Expired so
     * that it is owed two refunds, and that submitted work to a third, Open bounty. Re-entering
     * `reclaim` of a refund it is owed would succeed on its own: when it fails inside a payout,
     * only the guard stopped it.
     */
    async function receiverFixture(f: BountyWorld, token: TestToken | null) {
      const receiver = await ethers.deployContract("ReentrantReceiver");
      const address = await receiver.getAddress();
      const signer = await impersonate(address);
      const tokenAddress = token?.address ?? ETH;
      if (token) {
        await token.as(signer).mint(address, 1_000n);
        await token.as(signer).approve(f.boardAddress, MaxUint256);
      }
      const { bountyId: owedA } = await createBounty(f.board, signer, tokenAddress, 100n);
      const { bountyId: owedB } = await createBounty(f.board, signer, tokenAddress, 200n);
      const { bountyId: open } = await createBounty(f.board, f.funder, tokenAddress, 500n, {
        deadline: BigInt(await networkHelpers.time.latest()) + 30n * DAY,
      });
      await submit(f.board, signer, open, "receiver");
      await passDeadline(f.board, owedB);
      const reclaimOf = (bountyId: bigint) => f.board.interface.encodeFunctionData("reclaim", [bountyId, address]);
      return { receiver, address, signer, tokenAddress, owedA, owedB, open, reclaimOf };
    }

    /** Asserts that `tx` moved exactly `amount` of `token` (ETH when null) to `account`, gas aside. */
    async function expectReceived(
      tx: Promise<ContractTransactionResponse>,
      token: TestToken | null,
      account: string,
      amount: bigint,
    ) {
      if (token) await expect(tx).to.changeTokenBalances(ethers, token.contract, [account], [amount]);
      else await expect(tx).to.changeEtherBalances(ethers, [account], [amount]);
    }

    for (const kind of ["ERC-777-style hook token", "ETH"] as const) {
      describe(kind, function () {
        const tokenOf = (f: BountyWorld) => (kind === "ETH" ? null : f.tokens.hook);

        it("cannot re-enter reclaim from an award payout", async function () {
          const f = await loadFixture(bountyFixture);
          const token = tokenOf(f);
          const r = await receiverFixture(f, token);
          await r.receiver.arm(f.boardAddress, r.reclaimOf(r.owedA));

          await expectReceived(
            f.board.connect(f.missionOwner).award(r.open, [r.address], [300n]),
            token,
            r.address,
            300n,
          );

          expect(await r.receiver.attempted()).to.equal(true);
          expect(await r.receiver.reentered()).to.equal(false);
          expect(await f.board.contributionOf(r.owedA, r.address)).to.deep.equal([100n, false]);
          expect(await f.board.remainingOf(r.open)).to.equal(200n);
          // On its own, the same call succeeds.
          await expect(f.board.connect(r.signer).reclaim(r.owedA, r.address))
            .to.emit(f.board, "FundsReclaimed")
            .withArgs(r.owedA, r.address, r.tokenAddress, r.address, 100n);
        });

        it("cannot re-enter reclaim from a refund, for another bounty or the same one", async function () {
          const f = await loadFixture(bountyFixture);
          const token = tokenOf(f);
          const r = await receiverFixture(f, token);

          await r.receiver.arm(f.boardAddress, r.reclaimOf(r.owedB));
          await expectReceived(f.board.connect(r.signer).reclaim(r.owedA, r.address), token, r.address, 100n);
          expect(await r.receiver.attempted()).to.equal(true);
          expect(await r.receiver.reentered()).to.equal(false);
          expect(await f.board.contributionOf(r.owedB, r.address)).to.deep.equal([200n, false]);

          await r.receiver.arm(f.boardAddress, r.reclaimOf(r.owedB));
          await expectReceived(f.board.connect(r.signer).reclaim(r.owedB, r.address), token, r.address, 200n);
          expect(await r.receiver.attempted()).to.equal(true);
          expect(await r.receiver.reentered()).to.equal(false);
          expect(await f.board.remainingOf(r.owedA)).to.equal(0n);
          expect(await f.board.remainingOf(r.owedB)).to.equal(0n);
        });
      });
    }

    it("cannot re-enter award from a payout", async function () {
      const f = await loadFixture(bountyFixture);
      const token = f.tokens.hook;
      const r = await receiverFixture(f, token);
      await submit(f.board, f.contributor, r.open, "contributor");
      await r.receiver.arm(
        f.boardAddress,
        f.board.interface.encodeFunctionData("award", [r.open, [f.contributor.address], [100n]]),
      );
      await f.board.connect(f.missionOwner).award(r.open, [r.address], [300n]);
      expect(await r.receiver.attempted()).to.equal(true);
      expect(await r.receiver.reentered()).to.equal(false);
      expect(await f.board.submissionOf(r.open, f.contributor.address)).to.deep.equal([work("contributor").hash, 0n]);
      expect(await f.board.remainingOf(r.open)).to.equal(200n);
      // Held: the two refunds owed (100 + 200) and what the open bounty has left (200).
      expect(await token.balanceOf(f.boardAddress)).to.equal(500n);
    });
  });
});
