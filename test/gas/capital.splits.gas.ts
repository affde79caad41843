/**
 * The gas scenario of revenue splits behind snapshots/gas.json (`npm run gas`): splits of 2, 10
 * and 50 recipients created and each given one ERC-20 distribution (recipients already holding
 * the token), an ETH distribution, a deferred payment withdrawn, configuration updates (one that
 * distributes ETH under the current configuration first), a blocklisted recipient's deferred
 * share withdrawn elsewhere (`withdraw`) and a hand-over of control. Besides the per-function
 * medians, each size's ERC-20 distribution and the update that distributes first are snapshotted
 * by name (`distribute (N recipients, ERC-20)`, `updateSplit (distributing ETH first, 3
 * recipients)`, test/gas/named.ts); `npx hardhat run scripts/bench/splits.ts` prints each size and
 * the slope per recipient.
 */
import { expect } from "chai";
import { ZeroAddress } from "ethers";

import { recordGas } from "./named.ts";
import {
  deployToggleReceiver,
  deployToken,
  ethers,
  evenConfig,
  networkHelpers,
  sendEther,
  splitFixture,
  type BlocklistToken,
  type SplitConfig,
} from "../capital/splits/fixtures.ts";

describe("gas scenario: revenue splits", function () {
  it("creates splits of 2, 10 and 50 recipients, distributes, defers, withdraws, updates and hands over", async function () {
    const { factory, token, fixed, fixedConfig, deployer, owner, alice, carol, keeper, dave } =
      await networkHelpers.loadFixture(splitFixture);
    await token.mint(keeper.address, 1n);

    const created: { config: SplitConfig; address: string }[] = [];
    for (const count of [2, 10, 50]) {
      const config = evenConfig(count, 10_000n, `gas ${count}`);
      for (const recipient of config.recipients as string[]) {
        await token.mint(recipient, 1n);
        await networkHelpers.setBalance(recipient, 1n);
      }
      const salt = ethers.id(`gas ${count}`);
      const address = await factory.predictSplitAddress(config, owner.address, salt);
      await factory.createSplit(config, owner.address, salt);
      created.push({ config, address });
    }
    for (const { config, address } of created) {
      const split = await ethers.getContractAt("RevenueSplit", address);
      await token.connect(deployer).transfer(address, 10n ** 24n + 12_345n);
      await recordGas(
        "RevenueSplit",
        `distribute (${config.recipients.length} recipients, ERC-20)`,
        split.connect(keeper).distribute(token, config, ZeroAddress),
      );
      expect(await split.distributableBalance(token), "dust only").to.be.lessThan(BigInt(config.recipients.length));
    }

    // ETH, with one recipient that refuses it: its share is deferred, then withdrawn.
    const [, ten] = created;
    const split = await ethers.getContractAt("RevenueSplit", ten.address);
    await sendEther(split, 10n ** 18n);
    await split.connect(keeper).distribute(ethers.ZeroAddress, ten.config, ZeroAddress);
    const toggle = await deployToggleReceiver();
    const withRefuser = evenConfig(3, 10_000n, "gas refuser");
    withRefuser.recipients = [...(withRefuser.recipients as string[]).slice(0, 2), await toggle.getAddress()].sort(
      (a, b) => (BigInt(a) < BigInt(b) ? -1 : 1),
    );
    await split.connect(owner).updateSplit(withRefuser, [], ten.config);
    await toggle.setRefusing(true);
    await sendEther(split, 10n ** 18n);
    await split.connect(keeper).distribute(ethers.ZeroAddress, withRefuser, ZeroAddress);
    await toggle.setRefusing(false);
    await split.connect(keeper).withdrawFor(ethers.ZeroAddress, toggle);
    expect(await split.totalPendingWithdrawals(ethers.ZeroAddress)).to.equal(0n);

    // The controller goes back to the ten recipients, first paying what came in under the three.
    await sendEther(split, 10n ** 18n);
    await recordGas(
      "RevenueSplit",
      "updateSplit (distributing ETH first, 3 recipients)",
      split.connect(owner).updateSplit(ten.config, [ethers.ZeroAddress], withRefuser),
    );
    expect(await split.distributableBalance(ethers.ZeroAddress), "dust only").to.be.lessThan(3n);

    // A recipient the token blocklists takes its deferred share to another address.
    const blocklist = await deployToken<BlocklistToken>("BlocklistToken", false);
    await blocklist.mint(await fixed.getAddress(), 10n ** 18n);
    await blocklist.setBlocked(alice.address, true);
    await fixed.connect(keeper).distribute(blocklist, fixedConfig, ZeroAddress);
    await fixed.connect(alice).withdraw(blocklist, carol.address);
    expect(await blocklist.balanceOf(carol.address)).to.equal(10n ** 18n / 2n);

    await split.connect(owner).transferControl(dave.address);
    expect(await split.controller()).to.equal(dave.address);
  });
});
