/**
 * Revenue splits against hostile recipients and tokens: payments that fail become pending
 * withdrawals, gas griefing is bounded, re-entry is blocked, and every weird token of
 * test/mocks/tokens is shared by balance.
 */
import { expect } from "chai";
import { ZeroAddress, type BaseContract, type ContractTransactionResponse } from "ethers";

import type { RevenueSplit } from "../../../types/ethers-contracts/index.js";

import {
  ETH,
  PUSH_GAS_LIMIT,
  configOf,
  createSplit,
  deployToggleReceiver,
  deployToken,
  ethers,
  networkHelpers,
  sendEther,
  splitFixture,
  splitHashOf,
  type BlocklistToken,
  type RebasingToken,
  type ReentrantReceiver,
} from "./fixtures.ts";
import { impersonate } from "../../helpers/graph.ts";

const { loadFixture } = networkHelpers;

/**
 * The fixture, then a split of 50% / 30% / 20% between `first` (a hostile contract deployed
 * after the fixture is loaded, or an address) and alice and bob, with `fee`, controlled by
 * nobody, by the hostile recipient or by `owner`.
 */
async function hostileSplit<T extends BaseContract | string>(
  first: (f: Awaited<ReturnType<typeof splitFixture>>) => Promise<T>,
  fee = 0n,
  controlledBy: "nobody" | "hostile" | "owner" = "nobody",
) {
  const f = await loadFixture(splitFixture);
  const receiver = await first(f);
  const hostile = typeof receiver === "string" ? receiver : await receiver.getAddress();
  const controller = { nobody: ZeroAddress, hostile, owner: f.owner.address }[controlledBy];
  const config = configOf([hostile, f.alice.address, f.bob.address], [500_000n, 300_000n, 200_000n], fee);
  const split = await createSplit(f.factory, config, controller, ethers.id(`hostile ${hostile}`));
  return { ...f, split, config, hostile, receiver };
}

/**
 * Sends `send(gasLimit)` for every limit of [from, to] by `step`, each from the same state (a
 * reverted transaction is mined, so the chain is restored after each), and sorts the outcomes:
 * paid without deferral, paid with a deferral, SplitOutOfGas, or another revert (out of gas).
 */
async function scanGasLimits(
  split: RevenueSplit,
  send: (gasLimit: bigint) => Promise<ContractTransactionResponse>,
  from: bigint,
  to: bigint,
  step: bigint,
) {
  const outcomes = { paid: 0, deferred: 0, outOfGas: 0, otherRevert: 0 };
  let firstOutOfGas: bigint | undefined;
  for (let gasLimit = from; gasLimit <= to; gasLimit += step) {
    const snapshot = await networkHelpers.takeSnapshot();
    try {
      const receipt = (await (await send(gasLimit)).wait())!;
      const deferred = receipt.logs.some((log) => split.interface.parseLog(log)?.name === "PaymentDeferred");
      outcomes[deferred ? "deferred" : "paid"] += 1;
    } catch (error) {
      const data = (error as { data?: string | null }).data;
      const parsed = data && data !== "0x" ? split.interface.parseError(data) : null;
      if (parsed?.name === "SplitOutOfGas") {
        outcomes.outOfGas += 1;
        firstOutOfGas ??= gasLimit;
      } else {
        outcomes.otherRevert += 1;
      }
    }
    await snapshot.restore();
  }
  return { outcomes, firstOutOfGas };
}

describe("RevenueSplit: hostile recipients", function () {
  describe("payments that fail are deferred", function () {
    it("owes a reverting recipient its ETH share and pays the others", async function () {
      const { split, config, hostile, alice, bob, keeper } = await hostileSplit(() =>
        ethers.deployContract("RevertingReceiver"),
      );
      await sendEther(split, 1_000_000n);

      const tx = split.connect(keeper).distribute(ETH, config, ZeroAddress);
      await expect(tx).to.changeEtherBalances(
        ethers,
        [split, hostile, alice, bob],
        [-500_000n, 0n, 300_000n, 200_000n],
      );
      await expect(tx).to.emit(split, "PaymentDeferred").withArgs(hostile, ETH, 500_000n);
      expect(await split.pendingWithdrawal(hostile, ETH), "owed to the receiver").to.equal(500_000n);
      expect(await split.totalPendingWithdrawals(ETH), "owed in all").to.equal(500_000n);
      expect(await split.distributableBalance(ETH), "nothing else to share").to.equal(0n);
      await expect(split.distribute(ETH, config, ZeroAddress))
        .to.be.revertedWithCustomError(split, "SplitNothingToDistribute")
        .withArgs(ETH);
    });

    it("does not share what it owes again: the next distribution shares only new funds", async function () {
      const { split, config, hostile, alice, bob, keeper } = await hostileSplit(() =>
        ethers.deployContract("RevertingReceiver"),
      );
      await sendEther(split, 1_000_000n);
      await split.connect(keeper).distribute(ETH, config, ZeroAddress);
      await sendEther(split, 1_000n);

      const tx = split.connect(keeper).distribute(ETH, config, ZeroAddress);
      await expect(tx)
        .to.emit(split, "SplitDistributed")
        .withArgs(ETH, keeper.address, splitHashOf(config), 1_000n, 0n);
      await expect(tx).to.changeEtherBalances(ethers, [alice, bob], [300n, 200n]);
      expect(await split.pendingWithdrawal(hostile, ETH), "owed, added up").to.equal(500_500n);
      expect(await ethers.provider.getBalance(split), "held = owed").to.equal(500_500n);
    });

    it("keeps the debt when the recipient still refuses to withdraw", async function () {
      const { split, config, hostile, keeper, receiver } = await hostileSplit(() =>
        ethers.deployContract("RevertingReceiver"),
      );
      await sendEther(split, 1_000n);
      await split.connect(keeper).distribute(ETH, config, ZeroAddress);
      await expect(split.withdrawFor(ETH, hostile)).to.be.revertedWithCustomError(receiver, "Refused");
      expect(await split.pendingWithdrawal(hostile, ETH)).to.equal(500n);
    });

    it("pays a deferred ETH share on withdrawFor, called by anyone, once the recipient accepts", async function () {
      const { split, config, hostile, keeper, stranger, receiver } = await hostileSplit(deployToggleReceiver);
      await receiver.setRefusing(true);
      await sendEther(split, 1_000n);
      await split.connect(keeper).distribute(ETH, config, ZeroAddress);
      await receiver.setRefusing(false);

      const tx = split.connect(stranger).withdrawFor(ETH, hostile);
      await expect(tx).to.emit(split, "Withdrawn").withArgs(hostile, ETH, hostile, 500n);
      await expect(tx).to.changeEtherBalances(ethers, [split, hostile, stranger], [-500n, 500n, 0n]);
      expect(await split.pendingWithdrawal(hostile, ETH), "paid").to.equal(0n);
      expect(await split.totalPendingWithdrawals(ETH), "nothing owed").to.equal(0n);
      await expect(split.withdrawFor(ETH, hostile))
        .to.be.revertedWithCustomError(split, "SplitNothingToWithdraw")
        .withArgs(ETH, hostile);
    });

    for (const returnsFalse of [false, true]) {
      const how = returnsFalse ? "returns false" : "reverts";
      it(`owes a recipient whose token transfer ${how} (blocklisted), until it is unblocked`, async function () {
        const { split, config, alice, bob, carol, keeper, stranger } = await hostileSplit((f) =>
          Promise.resolve(f.carol.address),
        );
        const token = await deployToken<BlocklistToken>("BlocklistToken", returnsFalse);
        await token.mint(split, 1_000n);
        await token.setBlocked(carol.address, true);

        const tx = split.connect(keeper).distribute(token, config, ZeroAddress);
        await expect(tx).to.changeTokenBalances(ethers, token, [split, carol, alice, bob], [-500n, 0n, 300n, 200n]);
        await expect(tx)
          .to.emit(split, "PaymentDeferred")
          .withArgs(carol.address, await token.getAddress(), 500n);

        const blocked = split.withdrawFor(token, carol.address);
        if (returnsFalse) {
          await expect(blocked)
            .to.be.revertedWithCustomError(split, "SafeERC20FailedOperation")
            .withArgs(await token.getAddress());
        } else {
          await expect(blocked).to.be.revertedWithCustomError(token, "Blocked").withArgs(carol.address);
        }
        await token.setBlocked(carol.address, false);
        await expect(split.connect(stranger).withdrawFor(token, carol.address)).to.changeTokenBalances(
          ethers,
          token,
          [split, carol],
          [-500n, 500n],
        );
      });
    }

    it("defers every failed token transfer and pays the recipients after each one", async function () {
      const f = await loadFixture(splitFixture);
      const token = await deployToken<BlocklistToken>("BlocklistToken", false);
      const [x, y, z] = [f.alice, f.bob, f.carol]
        .map((s) => s.address)
        .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
      const d = f.dave.address;
      const config = configOf([x, y, z, d], [100_000n, 200_000n, 300_000n, 400_000n]);
      const split = await createSplit(f.factory, config, ZeroAddress, ethers.id("two failures"));
      await token.mint(split, 1_000n);
      // Block the first and the third recipient in address order.
      const [first, , third] = config.recipients as string[];
      await token.setBlocked(first, true);
      await token.setBlocked(third, true);
      const shareOf = (account: string) =>
        (config.allocations[(config.recipients as string[]).indexOf(account)] as bigint) / 1_000n;

      const tx = split.connect(f.keeper).distribute(token, config, ZeroAddress);
      const recipients = config.recipients as string[];
      await expect(tx).to.changeTokenBalances(
        ethers,
        token,
        recipients,
        recipients.map((r) => (r === first || r === third ? 0n : shareOf(r))),
      );
      await expect(tx)
        .to.emit(split, "PaymentDeferred")
        .withArgs(first, await token.getAddress(), shareOf(first));
      await expect(tx)
        .to.emit(split, "PaymentDeferred")
        .withArgs(third, await token.getAddress(), shareOf(third));
      expect(await split.totalPendingWithdrawals(token)).to.equal(shareOf(first) + shareOf(third));
    });

    it("defers the distributor's reward when it cannot be paid", async function () {
      const { split, config, keeper } = await loadFixture(splitFixture);
      const receiver = await ethers.deployContract("RevertingReceiver");
      await sendEther(split, 1_000n);
      const tx = split.connect(keeper).distribute(ETH, config, receiver);
      await expect(tx)
        .to.emit(split, "SplitDistributed")
        .withArgs(ETH, await receiver.getAddress(), splitHashOf(config), 1_000n, 10n);
      await expect(tx)
        .to.emit(split, "PaymentDeferred")
        .withArgs(await receiver.getAddress(), ETH, 10n);
      expect(await split.pendingWithdrawal(receiver, ETH)).to.equal(10n);
    });

    it("keeps debts when a negative rebase takes the balance below them, and pays once refilled", async function () {
      const { split, config, hostile, keeper, receiver } = await hostileSplit(deployToggleReceiver);
      await receiver.setRefusing(true);
      await sendEther(split, 1_000n);
      await split.connect(keeper).distribute(ETH, config, ZeroAddress);
      await receiver.setRefusing(false);
      // ETH cannot be rebased; setting the balance stands in for a token's negative rebase.
      await networkHelpers.setBalance(await split.getAddress(), 200n);

      expect(await split.distributableBalance(ETH), "held below owed").to.equal(0n);
      await expect(split.distribute(ETH, config, ZeroAddress))
        .to.be.revertedWithCustomError(split, "SplitNothingToDistribute")
        .withArgs(ETH);
      await expect(split.withdrawFor(ETH, hostile))
        .to.be.revertedWithCustomError(split, "InsufficientBalance")
        .withArgs(200n, 500n);
      await networkHelpers.setBalance(await split.getAddress(), 600n);
      await expect(split.withdrawFor(ETH, hostile)).to.changeEtherBalances(ethers, [hostile], [500n]);
      expect(await split.distributableBalance(ETH), "the surplus is shared next").to.equal(100n);
    });
  });

  describe("withdraw: a recipient that cannot receive takes its share elsewhere", function () {
    it("a recipient that refuses ETH still gets its share through withdraw", async function () {
      const { split, config, hostile, receiver, alice, bob, dave, keeper } = await hostileSplit(() =>
        ethers.deployContract("RevertingReceiver"),
      );
      await sendEther(split, 1_000_000n);
      await split.connect(keeper).distribute(ETH, config, ZeroAddress);
      // The push failed and the recipient can never take the ETH itself: its share is stuck...
      await expect(split.withdrawFor(ETH, hostile)).to.be.revertedWithCustomError(receiver, "Refused");

      // ...until the contract wallet (impersonated: a Safe would execute the same call) sends it elsewhere.
      const wallet = await impersonate(hostile);
      const tx = split.connect(wallet).withdraw(ETH, dave.address);
      await expect(tx).to.emit(split, "Withdrawn").withArgs(hostile, ETH, dave.address, 500_000n);
      await expect(tx).to.changeEtherBalances(
        ethers,
        [split, hostile, dave, alice, bob],
        [-500_000n, 0n, 500_000n, 0n, 0n],
      );
      expect(await split.pendingWithdrawal(hostile, ETH), "paid").to.equal(0n);
      expect(await split.totalPendingWithdrawals(ETH), "nothing owed").to.equal(0n);
      expect(await ethers.provider.getBalance(split), "nothing held").to.equal(0n);
      await expect(split.connect(wallet).withdraw(ETH, dave.address))
        .to.be.revertedWithCustomError(split, "SplitNothingToWithdraw")
        .withArgs(ETH, hostile);
    });

    for (const returnsFalse of [false, true]) {
      const how = returnsFalse ? "returns false" : "reverts";
      it(`a blocklisted recipient (the transfer ${how}) still gets its token share through withdraw`, async function () {
        const { split, config, alice, bob, carol, dave, keeper } = await hostileSplit((f) =>
          Promise.resolve(f.carol.address),
        );
        const token = await deployToken<BlocklistToken>("BlocklistToken", returnsFalse);
        await token.mint(split, 1_000n);
        await token.setBlocked(carol.address, true);
        await split.connect(keeper).distribute(token, config, ZeroAddress);
        expect(await split.pendingWithdrawal(carol.address, token), "deferred").to.equal(500n);

        // Blocked for good: carol has the share sent to another address of hers.
        const tx = split.connect(carol).withdraw(token, dave.address);
        await expect(tx)
          .to.emit(split, "Withdrawn")
          .withArgs(carol.address, await token.getAddress(), dave.address, 500n);
        await expect(tx).to.changeTokenBalances(
          ethers,
          token,
          [split, carol, dave, alice, bob],
          [-500n, 0n, 500n, 0n, 0n],
        );
        expect(await split.pendingWithdrawal(carol.address, token), "paid").to.equal(0n);
        expect(await split.totalPendingWithdrawals(token), "nothing owed").to.equal(0n);
      });
    }

    it("pays only the caller's own pending balance: no one withdraws another's share elsewhere", async function () {
      const { split, config, alice, carol, stranger, keeper } = await hostileSplit((f) =>
        Promise.resolve(f.carol.address),
      );
      const token = await deployToken<BlocklistToken>("BlocklistToken", false);
      await token.mint(split, 1_000n);
      await token.setBlocked(carol.address, true);
      await split.connect(keeper).distribute(token, config, ZeroAddress);

      for (const thief of [stranger, alice, keeper]) {
        await expect(split.connect(thief).withdraw(token, thief.address))
          .to.be.revertedWithCustomError(split, "SplitNothingToWithdraw")
          .withArgs(await token.getAddress(), thief.address);
      }
      expect(await split.pendingWithdrawal(carol.address, token), "still carol's").to.equal(500n);
      expect(await token.balanceOf(split), "still held").to.equal(500n);
    });

    it("reverts with SplitZeroWithdrawalRecipient for the zero address and keeps the debt", async function () {
      const { split, config, hostile, keeper } = await hostileSplit(() => ethers.deployContract("RevertingReceiver"));
      await sendEther(split, 1_000n);
      await split.connect(keeper).distribute(ETH, config, ZeroAddress);
      await expect(split.connect(await impersonate(hostile)).withdraw(ETH, ZeroAddress)).to.be.revertedWithCustomError(
        split,
        "SplitZeroWithdrawalRecipient",
      );
      expect(await split.pendingWithdrawal(hostile, ETH), "still owed").to.equal(500n);
    });

    it("keeps the debt when the destination refuses too", async function () {
      const { split, config, hostile, keeper } = await hostileSplit(() => ethers.deployContract("RevertingReceiver"));
      await sendEther(split, 1_000n);
      await split.connect(keeper).distribute(ETH, config, ZeroAddress);
      const alsoRefusing = await ethers.deployContract("RevertingReceiver");
      await expect(
        split.connect(await impersonate(hostile)).withdraw(ETH, await alsoRefusing.getAddress()),
      ).to.be.revertedWithCustomError(alsoRefusing, "Refused");
      expect(await split.pendingWithdrawal(hostile, ETH), "still owed").to.equal(500n);
      expect(await split.totalPendingWithdrawals(ETH), "owed in all").to.equal(500n);
    });

    it("blocks a destination re-entering the split while it is paid", async function () {
      const { split, config, hostile, keeper } = await hostileSplit(() => ethers.deployContract("RevertingReceiver"));
      await sendEther(split, 2_000n);
      await split.connect(keeper).distribute(ETH, config, ZeroAddress);
      // 1,000 more wei wait to be distributed when the hostile's deferred 1,000 are withdrawn to a
      // destination that tries to distribute them to itself from its receive.
      await sendEther(split, 1_000n);
      const destination = (await ethers.deployContract("ReentrantReceiver")) as unknown as ReentrantReceiver;
      await destination.arm(
        split,
        split.interface.encodeFunctionData("distribute", [ETH, config, await destination.getAddress()]),
      );
      const wallet = await impersonate(hostile);
      await expect(split.connect(wallet).withdraw(ETH, destination)).to.changeEtherBalances(
        ethers,
        [split, destination],
        [-1_000n, 1_000n],
      );
      expect(await destination.attempted(), "re-entry attempted").to.equal(true);
      expect(await destination.reentered(), "re-entry succeeded").to.equal(false);
      expect(await split.totalPendingWithdrawals(ETH), "nothing owed").to.equal(0n);
      expect(await split.distributableBalance(ETH), "still to distribute").to.equal(1_000n);
    });
  });

  describe("updateSplit distributing first, against hostile recipients", function () {
    it("defers a refusing recipient's share as distribute does, and the old recipient withdraws it elsewhere", async function () {
      const { split, config, hostile, owner, alice, bob, dave } = await hostileSplit(
        () => ethers.deployContract("RevertingReceiver"),
        0n,
        "owner",
      );
      await sendEther(split, 1_000n);
      const next = configOf([dave.address], [1_000_000n]);
      const tx = split.connect(owner).updateSplit(next, [ETH], config);
      await expect(tx).to.changeEtherBalances(ethers, [split, hostile, alice, bob, dave], [-500n, 0n, 300n, 200n, 0n]);
      await expect(tx).to.emit(split, "PaymentDeferred").withArgs(hostile, ETH, 500n);
      expect(await split.splitHash(), "updated").to.equal(splitHashOf(next));
      // The deferred share is the old recipient's, not the new configuration's.
      expect(await split.pendingWithdrawal(hostile, ETH), "owed to the old recipient").to.equal(500n);
      expect(await split.distributableBalance(ETH), "nothing for the new recipients").to.equal(0n);
      await expect(split.connect(await impersonate(hostile)).withdraw(ETH, alice.address)).to.changeEtherBalances(
        ethers,
        [split, alice],
        [-500n, 500n],
      );
    });

    it("skips a token whose whole balance is owed: nothing to distribute, no revert", async function () {
      const { split, config, keeper, owner, dave } = await hostileSplit(
        () => ethers.deployContract("RevertingReceiver"),
        0n,
        "owner",
      );
      await sendEther(split, 1_000n);
      await split.connect(keeper).distribute(ETH, config, ZeroAddress);
      const next = configOf([dave.address], [1_000_000n]);
      const tx = split.connect(owner).updateSplit(next, [ETH], config);
      await expect(tx).to.not.emit(split, "SplitDistributed");
      await expect(tx)
        .to.emit(split, "SplitUpdated")
        .withArgs(splitHashOf(next), next.recipients, next.allocations, 0n);
      expect(await ethers.provider.getBalance(split), "held = owed").to.equal(await split.totalPendingWithdrawals(ETH));
    });

    it("blocks a recipient re-entering the split during the update's distribution (ETH and hook token)", async function () {
      const f = await hostileSplit(
        async () => (await ethers.deployContract("ReentrantReceiver")) as unknown as ReentrantReceiver,
        0n,
        "owner",
      );
      const { split, config, receiver, hostile, owner, alice, bob, dave, keeper } = f;
      // The receiver is owed 500 of a blocklist token: a withdrawal it could make, except by re-entry.
      const owed = await deployToken<BlocklistToken>("BlocklistToken", false);
      await owed.mint(split, 1_000n);
      await owed.setBlocked(hostile, true);
      await split.connect(keeper).distribute(owed, config, ZeroAddress);
      await owed.setBlocked(hostile, false);
      const hook = await deployToken("HookToken");
      const next = configOf([dave.address], [1_000_000n]);

      for (const token of [ETH, await hook.getAddress()]) {
        const snapshot = await networkHelpers.takeSnapshot();
        if (token === ETH) await sendEther(split, 1_000n);
        else await hook.mint(split, 1_000n);
        await receiver.arm(split, split.interface.encodeFunctionData("withdraw", [await owed.getAddress(), hostile]));
        const tx = split.connect(owner).updateSplit(next, [token], config);
        if (token === ETH) {
          await expect(tx).to.changeEtherBalances(ethers, [split, hostile, alice, bob], [-1_000n, 500n, 300n, 200n]);
        } else {
          await expect(tx).to.changeTokenBalances(
            ethers,
            hook,
            [split, hostile, alice, bob],
            [-1_000n, 500n, 300n, 200n],
          );
        }
        expect(await receiver.attempted(), `${token}: re-entry attempted`).to.equal(true);
        expect(await receiver.reentered(), `${token}: re-entry succeeded`).to.equal(false);
        expect(await split.pendingWithdrawal(hostile, owed), `${token}: still owed`).to.equal(500n);
        expect(await split.splitHash(), `${token}: updated`).to.equal(splitHashOf(next));
        await snapshot.restore();
      }

      // The same withdrawal made on its own goes through: re-entry is blocked, not the recipient.
      await receiver.arm(split, split.interface.encodeFunctionData("withdraw", [await owed.getAddress(), hostile]));
      await sendEther(receiver, 1n);
      expect(await receiver.reentered(), "withdrawal outside a distribution").to.equal(true);
      expect(await owed.balanceOf(hostile), "paid").to.equal(500n);
    });
  });

  describe("gas", function () {
    it("gives an ETH push at most PUSH_GAS_LIMIT gas: a recipient burning everything is deferred", async function () {
      const { factory, split, config, hostile, alice, bob, keeper } = await hostileSplit(() =>
        ethers.deployContract("GasHungryReceiver", [ethers.MaxUint256]),
      );
      await sendEther(split, 1_000n);
      const tx = await split.connect(keeper).distribute(ETH, config, ZeroAddress, { gasLimit: 5_000_000n });
      await expect(tx).to.emit(split, "PaymentDeferred").withArgs(hostile, ETH, 500n);
      await expect(tx).to.changeEtherBalances(ethers, [split, alice, bob], [-500n, 300n, 200n]);

      // The same distribution with a recipient that refuses at once: the burner costs the push budget
      // more, plus at most the 2,300 gas stipend every call carrying value grants.
      const refuser = await ethers.deployContract("RevertingReceiver");
      const refuserConfig = configOf(
        [await refuser.getAddress(), alice.address, bob.address],
        [500_000n, 300_000n, 200_000n],
      );
      const other = await createSplit(factory, refuserConfig, ZeroAddress, ethers.id("refuser"));
      await sendEther(other, 1_000n);
      const baseline = (await (await other.connect(keeper).distribute(ETH, refuserConfig, ZeroAddress)).wait())!;
      const burnt = (await tx.wait())!.gasUsed - baseline.gasUsed;
      expect(burnt, "gas the burner took beyond a refusal").to.be.within(PUSH_GAS_LIMIT, PUSH_GAS_LIMIT + 2_300n);
    });

    it("pushes to a contract needing 40,000 gas, defers one needing 150,000, which then withdraws", async function () {
      const f = await loadFixture(splitFixture);
      const modest = await ethers.deployContract("GasHungryReceiver", [40_000n]);
      const thirsty = await ethers.deployContract("GasHungryReceiver", [150_000n]);
      const config = configOf([await modest.getAddress(), await thirsty.getAddress()], [500_000n, 500_000n]);
      const split = await createSplit(f.factory, config, ZeroAddress, ethers.id("thirsty"));
      await sendEther(split, 1_000n);

      const tx = split.connect(f.keeper).distribute(ETH, config, ZeroAddress);
      await expect(tx).to.changeEtherBalances(ethers, [modest, thirsty], [500n, 0n]);
      await expect(tx)
        .to.emit(split, "PaymentDeferred")
        .withArgs(await thirsty.getAddress(), ETH, 500n);
      await expect(split.withdrawFor(ETH, thirsty)).to.changeEtherBalances(ethers, [thirsty], [500n]);
    });

    it("reverts with SplitOutOfGas, and never defers, when the distributor gives too little gas", async function () {
      const f = await loadFixture(splitFixture);
      const modest = await ethers.deployContract("GasHungryReceiver", [40_000n]);
      const config = configOf([await modest.getAddress()], [1_000_000n]);
      const split = await createSplit(f.factory, config, ZeroAddress, ethers.id("modest"));
      await sendEther(split, 1_000n);

      const send = (gasLimit: bigint) => split.connect(f.keeper).distribute(ETH, config, ZeroAddress, { gasLimit });
      // The window scanned follows what a paying distribution uses here (coverage instrumentation,
      // for one, makes every call dearer): from well below it to a little above.
      const paid = await split.connect(f.keeper).distribute.estimateGas(ETH, config, ZeroAddress);
      const step = paid / 100n;
      const { outcomes, firstOutOfGas } = await scanGasLimits(
        split,
        send,
        (paid * 55n) / 100n,
        (paid * 125n) / 100n,
        step,
      );
      expect(outcomes.deferred, "payments deferred for lack of gas").to.equal(0);
      expect(outcomes.paid, "limits that paid the recipient").to.be.greaterThan(0);
      expect(firstOutOfGas, "a limit that ended in SplitOutOfGas").to.be.a("bigint");
      await expect(send(firstOutOfGas!))
        .to.be.revertedWithCustomError(split, "SplitOutOfGas")
        .withArgs((gasLeft: bigint) => gasLeft < firstOutOfGas! / 63n);
    });

    it("never defers a token transfer starved of gas: the distribution reverts instead", async function () {
      const f = await loadFixture(splitFixture);
      await f.token.connect(f.deployer).transfer(f.split, 1_000n);
      const send = (gasLimit: bigint) =>
        f.split.connect(f.keeper).distribute(f.token, f.config, ZeroAddress, { gasLimit });
      const { outcomes } = await scanGasLimits(f.split, send, 60_000n, 260_000n, 2_000n);
      // A starved token call leaves 1/64 of ~30,000 gas: too little even to reach the
      // SplitOutOfGas check, so these end out of gas, which reverts all the same.
      expect(outcomes.deferred, "transfers deferred for lack of gas").to.equal(0);
      expect(outcomes.outOfGas + outcomes.otherRevert, "limits that reverted").to.be.greaterThan(0);
      expect(outcomes.paid, "limits that paid everyone").to.be.greaterThan(0);
    });
  });

  describe("re-entry", function () {
    /** A split whose 50% recipient, and controller, is a ReentrantReceiver. */
    async function armedSplit() {
      return hostileSplit(
        async () => (await ethers.deployContract("ReentrantReceiver")) as unknown as ReentrantReceiver,
        0n,
        "hostile",
      );
    }

    it("blocks a recipient re-entering distribute from its ETH receive", async function () {
      const { split, config, receiver, hostile, alice, bob, keeper } = await armedSplit();
      await sendEther(split, 1_000n);
      await receiver.arm(split, split.interface.encodeFunctionData("distribute", [ETH, config, hostile]));

      const tx = split.connect(keeper).distribute(ETH, config, ZeroAddress);
      await expect(tx).to.changeEtherBalances(ethers, [split, hostile, alice, bob], [-1_000n, 500n, 300n, 200n]);
      await expect(tx).to.not.emit(split, "PaymentDeferred");
      expect(await receiver.attempted(), "re-entry attempted").to.equal(true);
      expect(await receiver.reentered(), "re-entry succeeded").to.equal(false);
    });

    it("blocks a controller recipient re-entering updateSplit and withdrawFor from a hook token transfer", async function () {
      const { split, config, receiver, hostile, alice, bob, keeper } = await armedSplit();
      const token = await deployToken("HookToken");
      const takeAll = configOf([hostile], [1_000_000n]);
      for (const data of [
        split.interface.encodeFunctionData("updateSplit", [takeAll, [], config]),
        split.interface.encodeFunctionData("updateSplit", [takeAll, [await token.getAddress()], config]),
        split.interface.encodeFunctionData("withdrawFor", [await token.getAddress(), hostile]),
        split.interface.encodeFunctionData("distribute", [await token.getAddress(), config, hostile]),
      ]) {
        await token.mint(split, 1_000n);
        await receiver.arm(split, data);
        await expect(split.connect(keeper).distribute(token, config, ZeroAddress)).to.changeTokenBalances(
          ethers,
          token,
          [hostile, alice, bob],
          [500n, 300n, 200n],
        );
        expect(await receiver.attempted(), "re-entry attempted").to.equal(true);
        expect(await receiver.reentered(), "re-entry succeeded").to.equal(false);
      }
      expect(await split.splitHash(), "configuration unchanged").to.equal(splitHashOf(config));
    });

    it("lets the controller recipient update the split outside a distribution", async function () {
      const { split, config, receiver, hostile } = await armedSplit();
      const takeAll = configOf([hostile], [1_000_000n]);
      // Re-entry is blocked, not control: the same call made on its own goes through.
      await receiver.arm(split, split.interface.encodeFunctionData("updateSplit", [takeAll, [], config]));
      await sendEther(receiver, 1n);
      expect(await receiver.reentered()).to.equal(true);
      expect(await split.splitHash()).to.equal(splitHashOf(takeAll));
    });
  });
});

describe("RevenueSplit: hostile tokens", function () {
  /** Deposits 1,000,000 of `name` into the fixture split (50/30/20, 1% fee) and distributes it. */
  async function distributeToken(name: string) {
    const f = await loadFixture(splitFixture);
    const token = await deployToken(name);
    await token.mint(f.split, 1_000_000n);
    return { ...f, token, tx: f.split.connect(f.keeper).distribute(token, f.config, ZeroAddress) };
  }

  it("shares a fee-on-transfer token by what the split holds, each payment losing the token's fee", async function () {
    const f = await loadFixture(splitFixture);
    const token = await deployToken("FeeOnTransferToken");
    await token.mint(f.deployer, 1_000_000n);
    await token.connect(f.deployer).transfer(f.split, 1_000_000n);
    expect(await f.split.distributableBalance(token), "1% burnt on the way in").to.equal(990_000n);

    const tx = f.split.connect(f.keeper).distribute(token, f.config, ZeroAddress);
    // Reward 9,900; 980,100 shared: 490,050 / 294,030 / 196,020; each payment then loses 1%.
    await expect(tx).to.changeTokenBalances(
      ethers,
      token,
      [f.split, f.alice, f.bob, f.carol, f.keeper],
      [-990_000n, 490_050n - 4_900n, 294_030n - 2_940n, 196_020n - 1_960n, 9_900n - 99n],
    );
    await expect(tx)
      .to.emit(f.split, "SplitDistributed")
      .withArgs(await token.getAddress(), f.keeper.address, splitHashOf(f.config), 990_000n, 9_900n);
    await expect(tx).to.not.emit(f.split, "PaymentDeferred");
  });

  for (const name of ["NoReturnToken", "ReturnsFalseToken", "MockToken"]) {
    it(`pays exact shares of ${name}`, async function () {
      const { split, token, tx, alice, bob, carol, keeper } = await distributeToken(name);
      await expect(tx).to.changeTokenBalances(
        ethers,
        token,
        [split, alice, bob, carol, keeper],
        [-1_000_000n, 495_000n, 297_000n, 198_000n, 10_000n],
      );
      await expect(tx).to.not.emit(split, "PaymentDeferred");
    });
  }

  it("never transfers a zero share of a token that reverts on zero transfers", async function () {
    const f = await loadFixture(splitFixture);
    const token = await deployToken("RevertOnZeroToken");
    await token.mint(f.split, 3n);
    // Reward 0 (1% of 3); 3 shared: 1 (1.5), 0 (0.9), 0 (0.6); 2 of dust.
    const tx = f.split.connect(f.keeper).distribute(token, f.config, ZeroAddress);
    await expect(tx).to.changeTokenBalances(ethers, token, [f.split, f.alice, f.bob, f.carol], [-1n, 1n, 0n, 0n]);
    await expect(tx).to.not.emit(f.split, "PaymentDeferred");
    expect(await f.split.distributableBalance(token), "dust").to.equal(2n);
  });

  it("shares a rebasing token's balance as it is at distribution time", async function () {
    const f = await loadFixture(splitFixture);
    const token = await deployToken<RebasingToken>("RebasingToken");
    await token.mint(f.split, 1_000_000n);
    await token.rebaseUp(f.split, 500_000n);
    await token.rebaseDown(f.split, 100_000n);
    await expect(f.split.connect(f.keeper).distribute(token, f.config, ZeroAddress)).to.changeTokenBalances(
      ethers,
      token,
      [f.split, f.alice, f.bob, f.carol, f.keeper],
      [-1_400_000n, 693_000n, 415_800n, 277_200n, 14_000n],
    );
  });
});
