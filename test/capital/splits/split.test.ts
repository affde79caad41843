import { expect } from "chai";
import { ZeroAddress, type ContractTransactionResponse } from "ethers";

import type { RevenueSplit } from "../../../types/ethers-contracts/index.js";

import {
  ETH,
  MAX_DISTRIBUTOR_FEE,
  MAX_RECIPIENTS,
  PUSH_GAS_LIMIT,
  TOTAL_ALLOCATION,
  configOf,
  deployToken,
  ethers,
  networkHelpers,
  sendEther,
  splitFixture,
  splitHashOf,
} from "./fixtures.ts";

const { loadFixture } = networkHelpers;

describe("RevenueSplit", function () {
  describe("updateSplit", function () {
    it("lets the controller replace the configuration and records it", async function () {
      const { split, config, owner, alice, dave } = await loadFixture(splitFixture);
      const next = configOf([alice.address, dave.address], [250_000n, 750_000n], 20_000n);
      await expect(split.connect(owner).updateSplit(next, [], config))
        .to.emit(split, "SplitUpdated")
        .withArgs(splitHashOf(next), next.recipients, next.allocations, 20_000n);
      expect(await split.splitHash()).to.equal(splitHashOf(next));
      await sendEther(split, 1_000n);
      await expect(split.distribute(ETH, config, ZeroAddress))
        .to.be.revertedWithCustomError(split, "SplitConfigMismatch")
        .withArgs(splitHashOf(config), splitHashOf(next));
    });

    it("shares what was not distributed yet by the new configuration", async function () {
      const { split, config, owner, alice, dave, keeper } = await loadFixture(splitFixture);
      await sendEther(split, 1_000n);
      const next = configOf([alice.address, dave.address], [250_000n, 750_000n]);
      await split.connect(owner).updateSplit(next, [], config);
      await expect(split.connect(keeper).distribute(ETH, next, ZeroAddress)).to.changeEtherBalances(
        ethers,
        [split, alice, dave, keeper],
        [-1_000n, 250n, 750n, 0n],
      );
    });

    it("checks the new configuration as creation does", async function () {
      const { split, config, owner, alice, bob } = await loadFixture(splitFixture);
      const [low, high] = BigInt(alice.address) < BigInt(bob.address) ? [alice, bob] : [bob, alice];
      await expect(
        split.connect(owner).updateSplit(
          {
            recipients: [high.address, low.address],
            allocations: [1n, TOTAL_ALLOCATION - 1n],
            distributorFee: 0n,
          },
          [],
          config,
        ),
      )
        .to.be.revertedWithCustomError(split, "SplitRecipientsNotSorted")
        .withArgs(1n, low.address);
      await expect(
        split.connect(owner).updateSplit(
          {
            recipients: [low.address],
            allocations: [TOTAL_ALLOCATION],
            distributorFee: MAX_DISTRIBUTOR_FEE + 1n,
          },
          [],
          config,
        ),
      )
        .to.be.revertedWithCustomError(split, "SplitDistributorFeeTooHigh")
        .withArgs(MAX_DISTRIBUTOR_FEE + 1n, MAX_DISTRIBUTOR_FEE);
      await expect(
        split.connect(owner).updateSplit({ recipients: [], allocations: [], distributorFee: 0n }, [], config),
      )
        .to.be.revertedWithCustomError(split, "SplitRecipientCountInvalid")
        .withArgs(0n, MAX_RECIPIENTS);
    });

    it("reverts with SplitNotController for anyone else, recipients included", async function () {
      const { split, config, alice, stranger } = await loadFixture(splitFixture);
      for (const caller of [alice, stranger]) {
        await expect(split.connect(caller).updateSplit(config, [], config))
          .to.be.revertedWithCustomError(split, "SplitNotController")
          .withArgs(caller.address);
      }
    });

    it("reverts with SplitNotController on an immutable split, whoever calls", async function () {
      const { fixed, fixedConfig, alice, owner } = await loadFixture(splitFixture);
      for (const caller of [alice, owner]) {
        await expect(fixed.connect(caller).updateSplit(fixedConfig, [], fixedConfig))
          .to.be.revertedWithCustomError(fixed, "SplitNotController")
          .withArgs(caller.address);
      }
    });
  });

  describe("updateSplit: distributing first", function () {
    /** The names of the split's events in `tx`, in the order emitted. */
    async function splitEvents(split: RevenueSplit, tx: ContractTransactionResponse): Promise<string[]> {
      const receipt = (await tx.wait())!;
      const address = await split.getAddress();
      return receipt.logs.filter((log) => log.address === address).map((log) => split.interface.parseLog(log)!.name);
    }

    it("a controller's update never races a distribution: ETH received under the old recipients is paid to them", async function () {
      const { split, config, owner, alice, bob, carol, dave, keeper } = await loadFixture(splitFixture);
      await sendEther(split, 1_000_000n);
      // The controller replaces alice / bob / carol by alice and dave while 1,000,000 wei wait.
      const next = configOf([alice.address, dave.address], [250_000n, 750_000n], 20_000n);
      const tx = split.connect(owner).updateSplit(next, [ETH], config);
      // Paid under the old configuration: 1% to the controller as distributor, 990,000 shared 50 / 30 / 20.
      await expect(tx).to.changeEtherBalances(
        ethers,
        [split, alice, bob, carol, dave, owner],
        [-1_000_000n, 495_000n, 297_000n, 198_000n, 0n, 10_000n],
      );
      await expect(tx)
        .to.emit(split, "SplitDistributed")
        .withArgs(ETH, owner.address, splitHashOf(config), 1_000_000n, 10_000n);
      await expect(tx)
        .to.emit(split, "SplitUpdated")
        .withArgs(splitHashOf(next), next.recipients, next.allocations, 20_000n);
      expect(await splitEvents(split, await tx), "distributed, then updated").to.deep.equal([
        "SplitDistributed",
        "SplitUpdated",
      ]);
      expect(await split.splitHash(), "the new configuration").to.equal(splitHashOf(next));
      expect(await split.distributableBalance(ETH), "nothing left for the new recipients").to.equal(0n);

      // What arrives afterwards is the new recipients'.
      await sendEther(split, 1_000n);
      await expect(split.connect(keeper).distribute(ETH, next, ZeroAddress)).to.changeEtherBalances(
        ethers,
        [split, alice, bob, carol, dave, keeper],
        [-1_000n, 245n, 0n, 0n, 735n, 20n],
      );
    });

    it("pays an ERC-20 balance to the old recipients the same way", async function () {
      const { split, config, token, deployer, owner, alice, bob, carol, dave } = await loadFixture(splitFixture);
      await token.connect(deployer).transfer(split, 1_000_000n);
      const next = configOf([dave.address], [TOTAL_ALLOCATION]);
      const tx = split.connect(owner).updateSplit(next, [await token.getAddress()], config);
      await expect(tx).to.changeTokenBalances(
        ethers,
        token,
        [split, alice, bob, carol, dave, owner],
        [-1_000_000n, 495_000n, 297_000n, 198_000n, 0n, 10_000n],
      );
      await expect(tx)
        .to.emit(split, "SplitDistributed")
        .withArgs(await token.getAddress(), owner.address, splitHashOf(config), 1_000_000n, 10_000n);
      expect(await split.distributableBalance(token), "nothing left").to.equal(0n);
      expect(await split.splitHash()).to.equal(splitHashOf(next));
    });

    it("distributes ETH and every token listed, skipping a token with nothing to distribute", async function () {
      const { split, config, token, deployer, owner, alice, bob, carol, dave } = await loadFixture(splitFixture);
      const empty = await deployToken("MockToken");
      await sendEther(split, 2_000n);
      await token.connect(deployer).transfer(split, 3_000n);
      const next = configOf([dave.address], [TOTAL_ALLOCATION]);
      const tx = split
        .connect(owner)
        .updateSplit(next, [ETH, await empty.getAddress(), await token.getAddress()], config);
      await expect(tx).to.changeEtherBalances(
        ethers,
        [split, alice, bob, carol, owner],
        [-2_000n, 990n, 594n, 396n, 20n],
      );
      await expect(tx).to.changeTokenBalances(
        ethers,
        token,
        [split, alice, bob, carol, owner],
        [-3_000n, 1_485n, 891n, 594n, 30n],
      );
      await expect(tx).to.not.emit(empty, "Transfer");
      // Two distributions (ETH and the funded token), none for the empty token, then the update.
      expect(await splitEvents(split, await tx)).to.deep.equal([
        "SplitDistributed",
        "SplitDistributed",
        "SplitUpdated",
      ]);
      await expect(tx)
        .to.emit(split, "SplitDistributed")
        .withArgs(ETH, owner.address, splitHashOf(config), 2_000n, 20n);
      await expect(tx)
        .to.emit(split, "SplitDistributed")
        .withArgs(await token.getAddress(), owner.address, splitHashOf(config), 3_000n, 30n);
    });

    it("updates without distributing when every token listed has nothing to distribute", async function () {
      const { split, config, token, owner, dave } = await loadFixture(splitFixture);
      const next = configOf([dave.address], [TOTAL_ALLOCATION]);
      const tx = split.connect(owner).updateSplit(next, [ETH, await token.getAddress()], config);
      expect(await splitEvents(split, await tx)).to.deep.equal(["SplitUpdated"]);
      expect(await split.splitHash()).to.equal(splitHashOf(next));
    });

    it("reverts with SplitConfigMismatch when `current` is not the split's configuration, paying nothing", async function () {
      const { split, config, owner, alice, bob, carol, dave } = await loadFixture(splitFixture);
      await sendEther(split, 1_000n);
      // A controller naming a forged "current" configuration to pay itself first.
      const forged = configOf([alice.address, bob.address, carol.address], [100_000n, 100_000n, 800_000n], 10_000n);
      const next = configOf([dave.address], [TOTAL_ALLOCATION]);
      await expect(split.connect(owner).updateSplit(next, [ETH], forged))
        .to.be.revertedWithCustomError(split, "SplitConfigMismatch")
        .withArgs(splitHashOf(forged), splitHashOf(config));
      expect(await split.splitHash(), "configuration unchanged").to.equal(splitHashOf(config));
      expect(await split.distributableBalance(ETH), "nothing paid").to.equal(1_000n);
    });

    it("ignores `current` when nothing is to be distributed first: what the split holds goes to the new recipients", async function () {
      const { split, owner, alice, dave, keeper } = await loadFixture(splitFixture);
      await sendEther(split, 1_000n);
      const unrelated = configOf([alice.address], [TOTAL_ALLOCATION]);
      const next = configOf([dave.address], [TOTAL_ALLOCATION]);
      await expect(split.connect(owner).updateSplit(next, [], unrelated))
        .to.emit(split, "SplitUpdated")
        .withArgs(splitHashOf(next), next.recipients, next.allocations, 0n);
      expect(await split.splitHash()).to.equal(splitHashOf(next));
      await expect(split.connect(keeper).distribute(ETH, next, ZeroAddress)).to.changeEtherBalances(
        ethers,
        [split, alice, dave],
        [-1_000n, 0n, 1_000n],
      );
    });

    it("checks the new configuration before distributing anything", async function () {
      const { split, config, owner } = await loadFixture(splitFixture);
      await sendEther(split, 1_000n);
      const invalid = { recipients: [], allocations: [], distributorFee: 0n };
      await expect(split.connect(owner).updateSplit(invalid, [ETH], config))
        .to.be.revertedWithCustomError(split, "SplitRecipientCountInvalid")
        .withArgs(0n, MAX_RECIPIENTS);
      expect(await split.distributableBalance(ETH), "nothing paid").to.equal(1_000n);
    });

    it("reverts with SplitNotController before distributing, for anyone else", async function () {
      const { split, config, keeper } = await loadFixture(splitFixture);
      await sendEther(split, 1_000n);
      await expect(split.connect(keeper).updateSplit(config, [ETH], config))
        .to.be.revertedWithCustomError(split, "SplitNotController")
        .withArgs(keeper.address);
      expect(await split.distributableBalance(ETH), "nothing paid").to.equal(1_000n);
    });
  });

  describe("transferControl", function () {
    it("hands control over at once", async function () {
      const { split, config, owner, dave } = await loadFixture(splitFixture);
      await expect(split.connect(owner).transferControl(dave.address))
        .to.emit(split, "ControlTransferred")
        .withArgs(owner.address, dave.address);
      expect(await split.controller()).to.equal(dave.address);
      await expect(split.connect(owner).updateSplit(config, [], config))
        .to.be.revertedWithCustomError(split, "SplitNotController")
        .withArgs(owner.address);
      await expect(split.connect(dave).updateSplit(config, [], config)).to.emit(split, "SplitUpdated");
    });

    it("makes the split immutable for good when handed to nobody", async function () {
      const { split, config, owner } = await loadFixture(splitFixture);
      await expect(split.connect(owner).transferControl(ZeroAddress))
        .to.emit(split, "ControlTransferred")
        .withArgs(owner.address, ZeroAddress);
      expect(await split.controller()).to.equal(ZeroAddress);
      await expect(split.connect(owner).updateSplit(config, [], config))
        .to.be.revertedWithCustomError(split, "SplitNotController")
        .withArgs(owner.address);
      await expect(split.connect(owner).transferControl(owner.address))
        .to.be.revertedWithCustomError(split, "SplitNotController")
        .withArgs(owner.address);
    });

    it("reverts with SplitNotController for anyone but the controller", async function () {
      const { split, stranger } = await loadFixture(splitFixture);
      await expect(split.connect(stranger).transferControl(stranger.address))
        .to.be.revertedWithCustomError(split, "SplitNotController")
        .withArgs(stranger.address);
    });
  });

  describe("distribute", function () {
    it("pays each recipient its share of an ERC-20 balance and the caller its 1% reward", async function () {
      const { split, config, token, deployer, alice, bob, carol, keeper } = await loadFixture(splitFixture);
      await token.connect(deployer).transfer(split, 1_000_000n);
      const tx = split.connect(keeper).distribute(token, config, ZeroAddress);
      // 1% = 10,000 to the keeper; 990,000 shared 50 / 30 / 20.
      await expect(tx).to.changeTokenBalances(
        ethers,
        token,
        [split, alice, bob, carol, keeper],
        [-1_000_000n, 495_000n, 297_000n, 198_000n, 10_000n],
      );
      await expect(tx)
        .to.emit(split, "SplitDistributed")
        .withArgs(await token.getAddress(), keeper.address, splitHashOf(config), 1_000_000n, 10_000n);
      await expect(tx).to.not.emit(split, "PaymentDeferred");
      expect(await split.distributableBalance(token), "nothing left").to.equal(0n);
    });

    it("pays ETH the same way", async function () {
      const { split, config, alice, bob, carol, keeper } = await loadFixture(splitFixture);
      await sendEther(split, 1_000_000n);
      const tx = split.connect(keeper).distribute(ETH, config, ZeroAddress);
      await expect(tx).to.changeEtherBalances(
        ethers,
        [split, alice, bob, carol, keeper],
        [-1_000_000n, 495_000n, 297_000n, 198_000n, 10_000n],
      );
      await expect(tx)
        .to.emit(split, "SplitDistributed")
        .withArgs(ETH, keeper.address, splitHashOf(config), 1_000_000n, 10_000n);
    });

    it("pays the reward to the named distributor, not the caller", async function () {
      const { split, config, token, deployer, dave, keeper } = await loadFixture(splitFixture);
      await token.connect(deployer).transfer(split, 500n);
      const tx = split.connect(keeper).distribute(token, config, dave.address);
      await expect(tx).to.changeTokenBalances(ethers, token, [dave, keeper], [5n, 0n]);
      await expect(tx)
        .to.emit(split, "SplitDistributed")
        .withArgs(await token.getAddress(), dave.address, splitHashOf(config), 500n, 5n);
    });

    it("pays no reward on a split without fee", async function () {
      const { fixed, fixedConfig, token, deployer, alice, bob, keeper } = await loadFixture(splitFixture);
      await token.connect(deployer).transfer(fixed, 1_001n);
      const tx = fixed.connect(keeper).distribute(token, fixedConfig, ZeroAddress);
      await expect(tx).to.changeTokenBalances(ethers, token, [fixed, alice, bob, keeper], [-1_000n, 500n, 500n, 0n]);
      await expect(tx)
        .to.emit(fixed, "SplitDistributed")
        .withArgs(await token.getAddress(), keeper.address, splitHashOf(fixedConfig), 1_001n, 0n);
      expect(await fixed.distributableBalance(token), "1 unit of dust stays").to.equal(1n);
    });

    it("keeps the rounding dust for the next distribution", async function () {
      const { split, config, token, deployer, alice, bob, carol, keeper } = await loadFixture(splitFixture);
      await token.connect(deployer).transfer(split, 100n);
      // Reward 1; 99 shared: 49 (49.5), 29 (29.7), 19 (19.8) = 97; 2 of dust.
      await expect(split.connect(keeper).distribute(token, config, ZeroAddress)).to.changeTokenBalances(
        ethers,
        token,
        [split, alice, bob, carol, keeper],
        [-98n, 49n, 29n, 19n, 1n],
      );
      expect(await split.distributableBalance(token), "dust").to.equal(2n);
      await token.connect(deployer).transfer(split, 98n);
      await expect(split.connect(keeper).distribute(token, config, ZeroAddress))
        .to.emit(split, "SplitDistributed")
        .withArgs(await token.getAddress(), keeper.address, splitHashOf(config), 100n, 1n);
      expect(await split.distributableBalance(token), "dust again").to.equal(2n);
    });

    it("transfers nothing when every share rounds to zero", async function () {
      const { split, config, token, deployer, keeper } = await loadFixture(splitFixture);
      await token.connect(deployer).transfer(split, 1n);
      const tx = split.connect(keeper).distribute(token, config, ZeroAddress);
      await expect(tx)
        .to.emit(split, "SplitDistributed")
        .withArgs(await token.getAddress(), keeper.address, splitHashOf(config), 1n, 0n);
      await expect(tx).to.not.emit(token, "Transfer");
      expect(await split.distributableBalance(token)).to.equal(1n);
    });

    it("reverts with SplitConfigMismatch for any other configuration", async function () {
      const { split, config, token, deployer, alice, bob, carol } = await loadFixture(splitFixture);
      await token.connect(deployer).transfer(split, 100n);
      const forged = configOf([alice.address, bob.address, carol.address], [800_000n, 100_000n, 100_000n], 10_000n);
      await expect(split.distribute(token, forged, ZeroAddress))
        .to.be.revertedWithCustomError(split, "SplitConfigMismatch")
        .withArgs(splitHashOf(forged), splitHashOf(config));
    });

    it("reverts with SplitNothingToDistribute when the split holds nothing", async function () {
      const { split, config, token } = await loadFixture(splitFixture);
      await expect(split.distribute(token, config, ZeroAddress))
        .to.be.revertedWithCustomError(split, "SplitNothingToDistribute")
        .withArgs(await token.getAddress());
      await expect(split.distribute(ETH, config, ZeroAddress))
        .to.be.revertedWithCustomError(split, "SplitNothingToDistribute")
        .withArgs(ETH);
    });

    it("reverts with SplitNotAToken for an address without code", async function () {
      const { split, config, stranger } = await loadFixture(splitFixture);
      await expect(split.distribute(stranger.address, config, ZeroAddress))
        .to.be.revertedWithCustomError(split, "SplitNotAToken")
        .withArgs(stranger.address);
      await expect(split.distributableBalance(stranger.address))
        .to.be.revertedWithCustomError(split, "SplitNotAToken")
        .withArgs(stranger.address);
    });
  });

  describe("distribute: the configuration as calldata", function () {
    const word = (value: bigint | string) => ethers.zeroPadValue(ethers.toBeHex(value), 32);
    const selector = ethers.id("distribute(address,(address[],uint32[],uint32),address)").slice(0, 10);
    /** distribute(token, config, caller as distributor) with the configuration's bytes given as `tuple`. */
    function calldata(token: string, tuple: string[]): string {
      return ethers.concat([selector, word(token), word(0x60n), word(ZeroAddress), ...tuple]);
    }

    /** The canonical tuple encoding of (recipients, allocations, fee), word by word. */
    function canonical(recipients: string[], allocations: bigint[], fee: bigint): string[] {
      const n = BigInt(recipients.length);
      return [
        word(0x60n),
        word(0x60n + 32n * (n + 1n)),
        word(fee),
        word(n),
        ...recipients.map(word),
        word(BigInt(allocations.length)),
        ...allocations.map(word),
      ];
    }

    it("accepts the canonical encoding followed by extra bytes", async function () {
      const { split, config, token, deployer, alice, bob, carol, keeper } = await loadFixture(splitFixture);
      await token.connect(deployer).transfer(split, 1_000n);
      const tuple = canonical(config.recipients as string[], config.allocations as bigint[], 10_000n);
      const data = calldata(await token.getAddress(), [...tuple, word(0xdeadn)]);
      await expect(keeper.sendTransaction({ to: split, data })).to.changeTokenBalances(
        ethers,
        token,
        [alice, bob, carol, keeper],
        [495n, 297n, 198n, 10n],
      );
    });

    it("reverts with SplitConfigMismatch for a non-canonical encoding of the same configuration", async function () {
      const { split, config, token, deployer, keeper } = await loadFixture(splitFixture);
      await token.connect(deployer).transfer(split, 1_000n);
      const recipients = config.recipients as string[];
      const allocations = config.allocations as bigint[];
      // The allocations array first, then the recipients: the same values once decoded.
      const m = BigInt(allocations.length);
      const swapped = [
        word(0x60n + 32n * (m + 1n)),
        word(0x60n),
        word(10_000n),
        word(m),
        ...allocations.map(word),
        word(BigInt(recipients.length)),
        ...recipients.map(word),
      ];
      const given = ethers.keccak256(ethers.concat([word(0x20n), ...swapped]));
      await expect(keeper.sendTransaction({ to: split, data: calldata(await token.getAddress(), swapped) }))
        .to.be.revertedWithCustomError(split, "SplitConfigMismatch")
        .withArgs(given, splitHashOf(config));
    });
  });

  describe("withdrawFor", function () {
    it("reverts with SplitNothingToWithdraw for an account owed nothing", async function () {
      const { split, token, alice } = await loadFixture(splitFixture);
      await expect(split.withdrawFor(token, alice.address))
        .to.be.revertedWithCustomError(split, "SplitNothingToWithdraw")
        .withArgs(await token.getAddress(), alice.address);
      await expect(split.withdrawFor(ETH, alice.address))
        .to.be.revertedWithCustomError(split, "SplitNothingToWithdraw")
        .withArgs(ETH, alice.address);
    });
  });

  describe("withdraw", function () {
    it("reverts with SplitNothingToWithdraw for a caller owed nothing", async function () {
      const { split, token, alice, dave } = await loadFixture(splitFixture);
      await expect(split.connect(alice).withdraw(token, dave.address))
        .to.be.revertedWithCustomError(split, "SplitNothingToWithdraw")
        .withArgs(await token.getAddress(), alice.address);
      await expect(split.connect(alice).withdraw(ETH, dave.address))
        .to.be.revertedWithCustomError(split, "SplitNothingToWithdraw")
        .withArgs(ETH, alice.address);
    });

    it("reverts with SplitZeroWithdrawalRecipient for the zero address", async function () {
      const { split, token, alice } = await loadFixture(splitFixture);
      await expect(split.connect(alice).withdraw(token, ZeroAddress)).to.be.revertedWithCustomError(
        split,
        "SplitZeroWithdrawalRecipient",
      );
      await expect(split.connect(alice).withdraw(ETH, ZeroAddress)).to.be.revertedWithCustomError(
        split,
        "SplitZeroWithdrawalRecipient",
      );
    });
  });

  describe("receive", function () {
    it("accepts ETH from anyone and records it", async function () {
      const { split, stranger } = await loadFixture(splitFixture);
      await expect(stranger.sendTransaction({ to: split, value: 123n }))
        .to.emit(split, "EtherReceived")
        .withArgs(stranger.address, 123n);
      expect(await split.distributableBalance(ETH)).to.equal(123n);
    });

    it("runs out of gas with the 2,300 gas of Solidity's transfer (the clone's implementation is cold)", async function () {
      const { split, stranger } = await loadFixture(splitFixture);
      await expect(stranger.sendTransaction({ to: split, value: 1n, gasLimit: 21_000n + 2_300n })).to.be.revert(ethers);
    });
  });

  describe("views", function () {
    it("publishes the limits", async function () {
      const { split } = await loadFixture(splitFixture);
      expect(await split.TOTAL_ALLOCATION(), "TOTAL_ALLOCATION").to.equal(TOTAL_ALLOCATION);
      expect(await split.MAX_DISTRIBUTOR_FEE(), "MAX_DISTRIBUTOR_FEE").to.equal(MAX_DISTRIBUTOR_FEE);
      expect(await split.MAX_RECIPIENTS(), "MAX_RECIPIENTS").to.equal(MAX_RECIPIENTS);
      expect(await split.PUSH_GAS_LIMIT(), "PUSH_GAS_LIMIT").to.equal(PUSH_GAS_LIMIT);
    });

    it("reports the distributable balance of ETH and tokens, zero when empty", async function () {
      const { split, token, deployer } = await loadFixture(splitFixture);
      expect(await split.distributableBalance(ETH), "ETH").to.equal(0n);
      expect(await split.distributableBalance(token), "token").to.equal(0n);
      expect(await split.totalPendingWithdrawals(token), "owed").to.equal(0n);
      await token.connect(deployer).transfer(split, 77n);
      expect(await split.distributableBalance(token), "token after a deposit").to.equal(77n);
    });
  });
});
