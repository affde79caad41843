import { expect } from "chai";
import { ZeroAddress, ZeroHash, getAddress, toBeHex, zeroPadValue } from "ethers";

import {
  ETH,
  MAX_DISTRIBUTOR_FEE,
  MAX_RECIPIENTS,
  TOTAL_ALLOCATION,
  configOf,
  createSplit,
  ethers,
  evenConfig,
  networkHelpers,
  predictedAddress,
  sendEther,
  splitFixture,
  splitHashOf,
  type SplitConfig,
} from "./fixtures.ts";

const { loadFixture } = networkHelpers;

const SALT = ethers.id("mission revenue");

/** An address from a small number, for hand-made (un)sorted recipient lists. */
const addr = (n: number) => getAddress(zeroPadValue(toBeHex(n), 20));

describe("RevenueSplitFactory", function () {
  describe("createSplit", function () {
    it("creates the split at the predicted address and records the whole configuration", async function () {
      const { factory, implementation, owner, stranger, alice, bob } = await loadFixture(splitFixture);
      const config = configOf([alice.address, bob.address], [600_000n, 400_000n], 5_000n);
      const predicted = await factory.predictSplitAddress(config, owner.address, SALT);

      await expect(factory.connect(stranger).createSplit(config, owner.address, SALT))
        .to.emit(factory, "SplitCreated")
        .withArgs(
          predicted,
          owner.address,
          stranger.address,
          splitHashOf(config),
          config.recipients,
          config.allocations,
          5_000n,
          SALT,
        );

      const split = await ethers.getContractAt("RevenueSplit", predicted);
      expect(await ethers.provider.getCode(predicted), "clone code").to.equal(
        `0x363d3d373d3d3d363d73${implementation.slice(2).toLowerCase()}5af43d82803e903d91602b57fd5bf3`,
      );
      expect(await split.splitHash(), "splitHash").to.equal(splitHashOf(config));
      expect(await split.controller(), "controller").to.equal(owner.address);
      expect(await split.factory(), "factory").to.equal(await factory.getAddress());
    });

    it("returns the address it created", async function () {
      const { factory, owner, alice } = await loadFixture(splitFixture);
      const config = configOf([alice.address], [TOTAL_ALLOCATION]);
      const returned = await factory.createSplit.staticCall(config, owner.address, SALT);
      expect(returned).to.equal(await factory.predictSplitAddress(config, owner.address, SALT));
    });

    it("creates an immutable split when the controller is zero", async function () {
      const { factory, alice } = await loadFixture(splitFixture);
      const config = configOf([alice.address], [TOTAL_ALLOCATION]);
      const split = await createSplit(factory, config, ZeroAddress, SALT);
      expect(await split.controller()).to.equal(ZeroAddress);
      await expect(split.connect(alice).transferControl(alice.address))
        .to.be.revertedWithCustomError(split, "SplitNotController")
        .withArgs(alice.address);
    });

    it("lets anyone create a split whose controller is someone else", async function () {
      const { factory, owner, stranger, alice } = await loadFixture(splitFixture);
      const config = configOf([alice.address], [TOTAL_ALLOCATION]);
      await factory.connect(stranger).createSplit(config, owner.address, SALT);
      const split = await ethers.getContractAt(
        "RevenueSplit",
        await factory.predictSplitAddress(config, owner.address, SALT),
      );
      expect(await split.controller()).to.equal(owner.address);
    });

    it("accepts the bounds: 500 recipients with 1-part allocations and a 10% fee, and distributes to them", async function () {
      const { factory, token, deployer, keeper } = await loadFixture(splitFixture);
      const config = evenConfig(Number(MAX_RECIPIENTS), MAX_DISTRIBUTOR_FEE, "bounds");
      config.allocations = config.recipients.map((_, i) => (i === 0 ? TOTAL_ALLOCATION - (MAX_RECIPIENTS - 1n) : 1n));
      const split = await createSplit(factory, config, ZeroAddress, SALT);
      expect(await split.splitHash()).to.equal(splitHashOf(config));

      await token.connect(deployer).transfer(split, 10n ** 18n);
      const tx = await split.connect(keeper).distribute(token, config, ZeroAddress);
      // 10% to the keeper; 9e17 shared: 9e11 per part, 999,501 parts to the first recipient.
      await expect(tx).to.changeTokenBalances(
        ethers,
        token,
        [keeper, config.recipients[0], config.recipients[1], config.recipients[499]],
        [10n ** 17n, 999_501n * 9n * 10n ** 11n, 9n * 10n ** 11n, 9n * 10n ** 11n],
      );
      const { gasUsed } = (await tx.wait())!;
      expect(gasUsed, "500 transfers to new holders: under half a 30M-gas block").to.be.lessThan(15_000_000n);
    });

    it("reverts with SplitFactorySplitExists for the same configuration, controller and salt", async function () {
      const { factory, split, config, owner } = await loadFixture(splitFixture);
      await expect(factory.createSplit(config, owner.address, ethers.id("controlled")))
        .to.be.revertedWithCustomError(factory, "SplitFactorySplitExists")
        .withArgs(await split.getAddress());
    });

    it("shares what was sent to the address before the split existed", async function () {
      const { factory, token, deployer, owner, alice, bob, keeper } = await loadFixture(splitFixture);
      const config = configOf([alice.address, bob.address], [700_000n, 300_000n]);
      const predicted = await factory.predictSplitAddress(config, owner.address, SALT);
      await sendEther(predicted, 1_000n);
      await token.connect(deployer).transfer(predicted, 2_000n);

      const split = await createSplit(factory, config, owner.address, SALT);
      expect(await split.distributableBalance(ETH), "ETH held before creation").to.equal(1_000n);
      await expect(split.connect(keeper).distribute(ETH, config, ZeroAddress)).to.changeEtherBalances(
        ethers,
        [split, alice, bob],
        [-1_000n, 700n, 300n],
      );
      await expect(split.connect(keeper).distribute(token, config, ZeroAddress)).to.changeTokenBalances(
        ethers,
        token,
        [split, alice, bob],
        [-2_000n, 1_400n, 600n],
      );
    });

    describe("configuration errors (raised by the new clone)", function () {
      const cases: { name: string; config: () => SplitConfig; error: string; args: () => unknown[] }[] = [
        {
          name: "no recipient",
          config: () => ({ recipients: [], allocations: [], distributorFee: 0n }),
          error: "SplitRecipientCountInvalid",
          args: () => [0n, MAX_RECIPIENTS],
        },
        {
          name: "501 recipients",
          config: () => evenConfig(Number(MAX_RECIPIENTS) + 1, 0n, "too many"),
          error: "SplitRecipientCountInvalid",
          args: () => [MAX_RECIPIENTS + 1n, MAX_RECIPIENTS],
        },
        {
          name: "more allocations than recipients",
          config: () => ({
            recipients: [addr(1), addr(2)],
            allocations: [500_000n, 400_000n, 100_000n],
            distributorFee: 0n,
          }),
          error: "SplitLengthMismatch",
          args: () => [2n, 3n],
        },
        {
          name: "the zero address first",
          config: () => ({ recipients: [ZeroAddress, addr(2)], allocations: [500_000n, 500_000n], distributorFee: 0n }),
          error: "SplitZeroRecipient",
          args: () => [],
        },
        {
          name: "recipients out of order",
          config: () => ({
            recipients: [addr(1), addr(3), addr(2)],
            allocations: [400_000n, 300_000n, 300_000n],
            distributorFee: 0n,
          }),
          error: "SplitRecipientsNotSorted",
          args: () => [2n, addr(2)],
        },
        {
          name: "the zero address after another (out of order)",
          config: () => ({ recipients: [addr(1), ZeroAddress], allocations: [500_000n, 500_000n], distributorFee: 0n }),
          error: "SplitRecipientsNotSorted",
          args: () => [1n, ZeroAddress],
        },
        {
          name: "a duplicate recipient",
          config: () => ({
            recipients: [addr(1), addr(2), addr(2)],
            allocations: [400_000n, 300_000n, 300_000n],
            distributorFee: 0n,
          }),
          error: "SplitDuplicateRecipient",
          args: () => [2n, addr(2)],
        },
        {
          name: "a zero allocation",
          config: () => ({ recipients: [addr(1), addr(2)], allocations: [TOTAL_ALLOCATION, 0n], distributorFee: 0n }),
          error: "SplitZeroAllocation",
          args: () => [1n],
        },
        {
          name: "allocations summing below 100%",
          config: () => ({ recipients: [addr(1), addr(2)], allocations: [500_000n, 499_999n], distributorFee: 0n }),
          error: "SplitAllocationSumInvalid",
          args: () => [999_999n, TOTAL_ALLOCATION],
        },
        {
          name: "allocations summing above 100%",
          config: () => ({ recipients: [addr(1), addr(2)], allocations: [500_000n, 500_001n], distributorFee: 0n }),
          error: "SplitAllocationSumInvalid",
          args: () => [1_000_001n, TOTAL_ALLOCATION],
        },
        {
          name: "a distributor fee above 10%",
          config: () => ({
            recipients: [addr(1)],
            allocations: [TOTAL_ALLOCATION],
            distributorFee: MAX_DISTRIBUTOR_FEE + 1n,
          }),
          error: "SplitDistributorFeeTooHigh",
          args: () => [MAX_DISTRIBUTOR_FEE + 1n, MAX_DISTRIBUTOR_FEE],
        },
      ];

      for (const { name, config, error, args } of cases) {
        it(`reverts with ${error} for ${name}`, async function () {
          const { factory, implementation, owner } = await loadFixture(splitFixture);
          const splitInterface = await ethers.getContractAt("RevenueSplit", implementation);
          await expect(factory.createSplit(config(), owner.address, SALT))
            .to.be.revertedWithCustomError(splitInterface, error)
            .withArgs(...args());
        });
      }
    });
  });

  describe("predictSplitAddress", function () {
    it("equals the formula of IRevenueSplitFactory recomputed with ethers.getCreate2Address", async function () {
      const { factory, implementation, owner, alice, bob, carol } = await loadFixture(splitFixture);
      const config = configOf([alice.address, bob.address, carol.address], [1n, 2n, TOTAL_ALLOCATION - 3n], 7n);
      const factoryAddress = await factory.getAddress();
      for (const [controller, salt] of [
        [owner.address, SALT],
        [ZeroAddress, ZeroHash],
        [carol.address, ethers.id("another")],
      ]) {
        const want = predictedAddress(factoryAddress, implementation, config, controller, salt);
        expect(await factory.predictSplitAddress(config, controller, salt), `${controller} ${salt}`).to.equal(want);
      }
      const split = await createSplit(factory, config, owner.address, SALT);
      expect(await split.getAddress(), "deployed").to.equal(
        predictedAddress(factoryAddress, implementation, config, owner.address, SALT),
      );
    });

    it("gives another address for another salt, controller, recipient, allocation or fee", async function () {
      const { factory, owner, alice, bob } = await loadFixture(splitFixture);
      const base = configOf([alice.address, bob.address], [500_000n, 500_000n], 1n);
      const variants: [SplitConfig, string, string][] = [
        [base, owner.address, SALT],
        [base, owner.address, ethers.id("other salt")],
        [base, alice.address, SALT],
        [base, ZeroAddress, SALT],
        [configOf([alice.address, owner.address], [500_000n, 500_000n], 1n), owner.address, SALT],
        [configOf([alice.address, bob.address], [500_001n, 499_999n], 1n), owner.address, SALT],
        [configOf([alice.address, bob.address], [500_000n, 500_000n], 2n), owner.address, SALT],
      ];
      const addresses = await Promise.all(variants.map(([c, ctl, s]) => factory.predictSplitAddress(c, ctl, s)));
      expect(new Set(addresses).size).to.equal(variants.length);
    });

    it("predicts without checking the configuration", async function () {
      const { factory, implementation } = await loadFixture(splitFixture);
      const factoryAddress = await factory.getAddress();
      const invalid = { recipients: [addr(2), addr(1)], allocations: [1n, 1n], distributorFee: 0n };
      expect(await factory.predictSplitAddress(invalid, ZeroAddress, SALT)).to.equal(
        predictedAddress(factoryAddress, implementation, invalid, ZeroAddress, SALT),
      );
    });
  });

  describe("implementation", function () {
    it("is a RevenueSplit made by the factory, never initialized, that shares nothing", async function () {
      const { factory, implementation, config, keeper } = await loadFixture(splitFixture);
      const split = await ethers.getContractAt("RevenueSplit", implementation);
      expect(await split.factory(), "factory").to.equal(await factory.getAddress());
      expect(await split.splitHash(), "splitHash").to.equal(ZeroHash);
      expect(await split.controller(), "controller").to.equal(ZeroAddress);
      await sendEther(implementation, 1n);
      await expect(split.connect(keeper).distribute(ETH, config, ZeroAddress))
        .to.be.revertedWithCustomError(split, "SplitConfigMismatch")
        .withArgs(splitHashOf(config), ZeroHash);
    });
  });
});

describe("RevenueSplit: initialize", function () {
  it("reverts with SplitNotFactory for anyone but the factory", async function () {
    const { split, implementation, config, stranger } = await loadFixture(splitFixture);
    const direct = await ethers.getContractAt("RevenueSplit", implementation);
    for (const target of [split, direct]) {
      await expect(target.connect(stranger).initialize(config, stranger.address))
        .to.be.revertedWithCustomError(target, "SplitNotFactory")
        .withArgs(stranger.address);
    }
  });

  it("reverts with SplitAlreadyInitialized when the factory initializes a split twice", async function () {
    const { factory, split, config } = await loadFixture(splitFixture);
    const factoryAddress = await factory.getAddress();
    await networkHelpers.impersonateAccount(factoryAddress);
    await networkHelpers.setBalance(factoryAddress, ethers.parseEther("1"));
    const asFactory = await ethers.getSigner(factoryAddress);
    await expect(split.connect(asFactory).initialize(config, asFactory.address)).to.be.revertedWithCustomError(
      split,
      "SplitAlreadyInitialized",
    );
  });
});
