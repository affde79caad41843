import { expect } from "chai";

import { ATLAS, ethers, governanceFixture, networkHelpers, signDelegation } from "../helpers/governance.ts";

const { loadFixture, time } = networkHelpers;

describe("AtlasToken", function () {
  describe("genesis", function () {
    it("mints the treasury share to the timelock and the rest to the holders, and cannot mint again", async function () {
      const { token, timelock, alice, dave, config } = await loadFixture(governanceFixture);
      expect(await token.name()).to.equal("Atlas");
      expect(await token.symbol()).to.equal("ATLAS");
      expect(await token.totalSupply()).to.equal(1_000_000n * ATLAS);
      expect(await token.balanceOf(await timelock.getAddress())).to.equal(config.treasuryAllocation);
      expect(await token.balanceOf(alice.address)).to.equal(150_000n * ATLAS);
      expect(await token.balanceOf(dave.address)).to.equal(150_000n * ATLAS);
      const names: string[] = [];
      token.interface.forEachFunction((fn) => names.push(fn.name));
      expect(names.filter((n) => /mint|burn/i.test(n))).to.deep.equal([]);
    });

    it("uses the timestamp clock (ERC-6372)", async function () {
      const { token } = await loadFixture(governanceFixture);
      expect(await token.CLOCK_MODE()).to.equal("mode=timestamp");
      expect(await token.clock()).to.equal(await time.latest());
    });
  });

  describe("delegateBySig", function () {
    it("rejects a replayed delegation signature", async function () {
      const { token, wallet, carol } = await loadFixture(governanceFixture);
      const expiry = BigInt(await time.latest()) + 3_600n;
      const sig = await signDelegation(await token.getAddress(), "Atlas", wallet, carol.address, 0n, expiry);
      await token.delegateBySig(carol.address, 0n, expiry, sig.v, sig.r, sig.s);
      expect(await token.delegates(wallet.address)).to.equal(carol.address);
      await expect(token.delegateBySig(carol.address, 0n, expiry, sig.v, sig.r, sig.s))
        .to.be.revertedWithCustomError(token, "InvalidAccountNonce")
        .withArgs(wallet.address, 1n);
    });

    it("rejects an expired delegation signature", async function () {
      const { token, wallet, carol } = await loadFixture(governanceFixture);
      const expiry = BigInt(await time.latest()) + 60n;
      const sig = await signDelegation(await token.getAddress(), "Atlas", wallet, carol.address, 0n, expiry);
      await time.increaseTo(expiry + 1n);
      await expect(token.delegateBySig(carol.address, 0n, expiry, sig.v, sig.r, sig.s))
        .to.be.revertedWithCustomError(token, "VotesExpiredSignature")
        .withArgs(expiry);
    });
  });

  describe("permit", function () {
    it("sets an allowance from an EIP-2612 signature made by a wallet key", async function () {
      const { token, wallet, dave, eve } = await loadFixture(governanceFixture);
      await token.connect(dave).transfer(wallet.address, 100n * ATLAS);
      const { chainId } = await ethers.provider.getNetwork();
      const deadline = BigInt(await time.latest()) + 3_600n;
      const signature = ethers.Signature.from(
        await wallet.signTypedData(
          { name: "Atlas", version: "1", chainId, verifyingContract: await token.getAddress() },
          {
            Permit: [
              { name: "owner", type: "address" },
              { name: "spender", type: "address" },
              { name: "value", type: "uint256" },
              { name: "nonce", type: "uint256" },
              { name: "deadline", type: "uint256" },
            ],
          },
          { owner: wallet.address, spender: eve.address, value: 100n * ATLAS, nonce: 0n, deadline },
        ),
      );
      await expect(
        token.permit(wallet.address, eve.address, 100n * ATLAS, deadline, signature.v, signature.r, signature.s),
      )
        .to.emit(token, "Approval")
        .withArgs(wallet.address, eve.address, 100n * ATLAS);
      await token.connect(eve).transferFrom(wallet.address, eve.address, 100n * ATLAS);
      expect(await token.balanceOf(eve.address)).to.equal(100n * ATLAS);
      expect(await token.nonces(wallet.address)).to.equal(1n);
    });
  });
});
