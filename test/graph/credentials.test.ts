import { expect } from "chai";
import { getAddress, id, toBeHex, type Signer } from "ethers";

import {
  CredentialStatus,
  attest,
  ethers,
  graphFixture,
  metadata,
  networkHelpers,
  skillData,
} from "../helpers/graph.ts";
import type { SovereignRegistry } from "../../types/ethers-contracts/index.js";

const { loadFixture, time } = networkHelpers;

/** Sovereigns the fixture registers. */
const A = 1n;
const B = 2n;
const C = 3n;

type Status = (typeof CredentialStatus)[keyof typeof CredentialStatus];

/** A signer for a contract's address (the timelock, for governance-only calls). */
async function impersonate(address: string): Promise<Signer> {
  await networkHelpers.impersonateAccount(address);
  await networkHelpers.setBalance(address, ethers.parseEther("10"));
  return ethers.getSigner(address);
}

/**
 * Sovereigns A (admin alice), B (bob) and C (carol), none trusting anyone or recognizing anyone;
 * `uid`: a skill credential of `holder` attested by `issuer`.
 */
async function credentialsFixture() {
  const f = await graphFixture();
  const { registry, eas, schemas, alice, bob, carol, signers } = f;
  const [issuer, holder, stranger, rogueIssuer] = signers.slice(6, 10);
  for (const [admin, handle] of [
    [alice, "alpha"],
    [bob, "beta"],
    [carol, "gamma"],
  ] as const) {
    await registry.connect(admin).register(handle, metadata(handle).uri, metadata(handle).hash);
  }
  const skill = schemas.skillCredential;
  const uid = await attest(eas, issuer, skill, holder.address, skillData("solidity", 4));
  const governance = await impersonate(await f.timelock.getAddress());
  return { ...f, issuer, holder, stranger, rogueIssuer, skill, uid, governance };
}

/** `checkCredential` reports `status`, and `isCredentialValid` agrees (true only for Valid). */
async function expectCredential(
  registry: SovereignRegistry,
  [sovereignId, account, schema, uid, trustedBy]: [bigint, string, string, string, bigint],
  status: Status,
) {
  expect(await registry.checkCredential(sovereignId, account, schema, uid, trustedBy), "checkCredential").to.equal(
    BigInt(status),
  );
  expect(await registry.isCredentialValid(sovereignId, account, schema, uid, trustedBy), "isCredentialValid").to.equal(
    status === CredentialStatus.Valid,
  );
}

describe("SovereignRegistry credentials", function () {
  describe("issuer trusted by the sovereign itself", function () {
    async function trustedByA() {
      const f = await loadFixture(credentialsFixture);
      await f.registry.connect(f.alice).trustIssuer(A, f.skill, f.issuer.address);
      return f;
    }

    it("a live credential of a trusted issuer is valid with trustedBy = the sovereign", async function () {
      const { registry, holder, skill, uid } = await trustedByA();
      await expectCredential(registry, [A, holder.address, skill, uid, A], CredentialStatus.Valid);
    });

    it("a revoked credential is Revoked", async function () {
      const { registry, eas, issuer, holder, skill, uid } = await trustedByA();
      await eas.connect(issuer).revoke({ schema: skill, data: { uid, value: 0n } });
      await expectCredential(registry, [A, holder.address, skill, uid, A], CredentialStatus.Revoked);
    });

    it("a credential is valid until its expiration time and Expired from then on", async function () {
      const { registry, eas, issuer, holder, skill } = await trustedByA();
      const expiration = BigInt(await time.latest()) + 86_400n;
      const uid = await attest(eas, issuer, skill, holder.address, skillData("rust", 2), {
        expirationTime: expiration,
      });
      await time.increaseTo(expiration - 10n);
      await expectCredential(registry, [A, holder.address, skill, uid, A], CredentialStatus.Valid);
      await time.increaseTo(expiration);
      await expectCredential(registry, [A, holder.address, skill, uid, A], CredentialStatus.Expired);
    });

    it("an attestation of another schema is WrongSchema", async function () {
      const { registry, eas, schemas, issuer, holder, skill } = await trustedByA();
      const data = ethers.AbiCoder.defaultAbiCoder().encode(["bool", "uint64", "string"], [true, 5n, "ok"]);
      const other = await attest(eas, issuer, schemas.executionVerification, holder.address, data);
      await expectCredential(registry, [A, holder.address, skill, other, A], CredentialStatus.WrongSchema);
    });

    it("a credential asked for another account is WrongRecipient", async function () {
      const { registry, stranger, skill, uid } = await trustedByA();
      await expectCredential(registry, [A, stranger.address, skill, uid, A], CredentialStatus.WrongRecipient);
    });

    it("an unknown uid is UnknownAttestation", async function () {
      const { registry, holder, skill } = await trustedByA();
      await expectCredential(
        registry,
        [A, holder.address, skill, id("no such attestation"), A],
        CredentialStatus.UnknownAttestation,
      );
    });

    it("a credential from an issuer the sovereign does not trust is UntrustedIssuer", async function () {
      const { registry, eas, rogueIssuer, holder, skill } = await trustedByA();
      const uid = await attest(eas, rogueIssuer, skill, holder.address, skillData("solidity", 5));
      await expectCredential(registry, [A, holder.address, skill, uid, A], CredentialStatus.UntrustedIssuer);
    });

    it("trust is per schema: the same issuer's attestation of an untrusted schema is UntrustedIssuer", async function () {
      const { registry, eas, schemas, issuer, holder } = await trustedByA();
      const schema = schemas.milestoneVerification;
      const data = ethers.AbiCoder.defaultAbiCoder().encode(
        ["uint256", "uint256", "bool", "string"],
        [1n, 0n, true, "ipfs://milestone"],
      );
      const uid = await attest(eas, issuer, schema, holder.address, data);
      await expectCredential(registry, [A, holder.address, schema, uid, A], CredentialStatus.UntrustedIssuer);
    });

    it("untrusting the issuer makes its credential UntrustedIssuer; trusting it again restores it", async function () {
      const { registry, alice, issuer, holder, skill, uid } = await trustedByA();
      await registry.connect(alice).untrustIssuer(A, skill, issuer.address);
      await expectCredential(registry, [A, holder.address, skill, uid, A], CredentialStatus.UntrustedIssuer);
      await registry.connect(alice).trustIssuer(A, skill, issuer.address);
      await expectCredential(registry, [A, holder.address, skill, uid, A], CredentialStatus.Valid);
    });

    it("reports the first failing check: the recipient before revocation, revocation before the sovereigns", async function () {
      const { registry, eas, issuer, stranger, holder, skill, uid } = await trustedByA();
      await eas.connect(issuer).revoke({ schema: skill, data: { uid, value: 0n } });
      // Revoked and asked for the wrong account: the recipient check comes first.
      await expectCredential(registry, [A, stranger.address, skill, uid, A], CredentialStatus.WrongRecipient);
      // Revoked and asked in an unknown sovereign: revocation comes first.
      await expectCredential(registry, [99n, holder.address, skill, uid, 99n], CredentialStatus.Revoked);
    });

    it("an unknown sovereign, or the id 0, trusts no issuer; as the trusting sovereign it is SovereignInactive", async function () {
      const { registry, holder, skill, uid } = await trustedByA();
      await expectCredential(registry, [99n, holder.address, skill, uid, 99n], CredentialStatus.UntrustedIssuer);
      await expectCredential(registry, [0n, holder.address, skill, uid, 0n], CredentialStatus.UntrustedIssuer);
      await expectCredential(registry, [A, holder.address, skill, uid, 99n], CredentialStatus.SovereignInactive);
    });
  });

  describe("issuer trusted by another sovereign", function () {
    /** B trusts the issuer; A does not. */
    async function trustedByB() {
      const f = await loadFixture(credentialsFixture);
      await f.registry.connect(f.bob).trustIssuer(B, f.skill, f.issuer.address);
      return f;
    }

    async function mutualAB() {
      const f = await trustedByB();
      await f.registry.connect(f.alice).recognize(A, B);
      await f.registry.connect(f.bob).recognize(B, A);
      return f;
    }

    it("with A and B recognizing each other, A honours it with trustedBy = B", async function () {
      const { registry, holder, skill, uid } = await mutualAB();
      expect(await registry.isMutuallyRecognized(A, B)).to.equal(true);
      await expectCredential(registry, [A, holder.address, skill, uid, B], CredentialStatus.Valid);
      // ...but not as its own trust: A itself does not trust the issuer.
      await expectCredential(registry, [A, holder.address, skill, uid, A], CredentialStatus.UntrustedIssuer);
    });

    it("recognition is symmetric once mutual: B honours A's issuers with trustedBy = A", async function () {
      const { registry, alice, issuer, holder, skill, uid } = await mutualAB();
      await registry.connect(alice).trustIssuer(A, skill, issuer.address);
      await expectCredential(registry, [B, holder.address, skill, uid, A], CredentialStatus.Valid);
    });

    it("when only A recognizes B, it is NotRecognized", async function () {
      const { registry, alice, holder, skill, uid } = await trustedByB();
      await registry.connect(alice).recognize(A, B);
      expect(await registry.recognizes(A, B)).to.equal(true);
      await expectCredential(registry, [A, holder.address, skill, uid, B], CredentialStatus.NotRecognized);
    });

    it("when only B recognizes A, it is NotRecognized", async function () {
      const { registry, bob, holder, skill, uid } = await trustedByB();
      await registry.connect(bob).recognize(B, A);
      expect(await registry.recognizes(B, A)).to.equal(true);
      await expectCredential(registry, [A, holder.address, skill, uid, B], CredentialStatus.NotRecognized);
    });

    it("recognition does not chain: A↔C and C↔B do not make B's issuer valid for A", async function () {
      const { registry, alice, bob, carol, holder, skill, uid } = await trustedByB();
      await registry.connect(alice).recognize(A, C);
      await registry.connect(carol).recognize(C, A);
      await registry.connect(carol).recognize(C, B);
      await registry.connect(bob).recognize(B, C);
      expect(await registry.isMutuallyRecognized(A, C)).to.equal(true);
      expect(await registry.isMutuallyRecognized(C, B)).to.equal(true);
      expect(await registry.isMutuallyRecognized(A, B)).to.equal(false);
      await expectCredential(registry, [A, holder.address, skill, uid, B], CredentialStatus.NotRecognized);
      // Through C, the intermediary: C recognizes both but does not trust the issuer itself.
      await expectCredential(registry, [A, holder.address, skill, uid, C], CredentialStatus.UntrustedIssuer);
      // C's own view of B's issuer is valid: C and B do recognize each other.
      await expectCredential(registry, [C, holder.address, skill, uid, B], CredentialStatus.Valid);
    });

    it("after either side revokes the recognition, it is NotRecognized", async function () {
      for (const revoke of ["A", "B"] as const) {
        const { registry, alice, bob, holder, skill, uid } = await mutualAB();
        await expectCredential(registry, [A, holder.address, skill, uid, B], CredentialStatus.Valid);
        if (revoke === "A") await registry.connect(alice).revokeRecognition(A, B);
        else await registry.connect(bob).revokeRecognition(B, A);
        expect(await registry.recognizes(A, B), `A recognizes B after ${revoke} revoked`).to.equal(false);
        expect(await registry.recognizes(B, A), `B recognizes A after ${revoke} revoked`).to.equal(false);
        await expectCredential(registry, [A, holder.address, skill, uid, B], CredentialStatus.NotRecognized);
      }
    });

    it("when B stops trusting the issuer, it is UntrustedIssuer", async function () {
      const { registry, bob, issuer, holder, skill, uid } = await mutualAB();
      await registry.connect(bob).untrustIssuer(B, skill, issuer.address);
      await expectCredential(registry, [A, holder.address, skill, uid, B], CredentialStatus.UntrustedIssuer);
    });
  });

  describe("suspended sovereigns", function () {
    /** A and B recognize each other and both trust the issuer. */
    async function bothTrust() {
      const f = await loadFixture(credentialsFixture);
      const { registry, alice, bob, issuer, skill } = f;
      await registry.connect(alice).trustIssuer(A, skill, issuer.address);
      await registry.connect(bob).trustIssuer(B, skill, issuer.address);
      await registry.connect(alice).recognize(A, B);
      await registry.connect(bob).recognize(B, A);
      return f;
    }

    it("a suspended asking sovereign still answers by its frozen trust list and its recognitions", async function () {
      const { registry, governance, alice, holder, skill, uid, issuer } = await bothTrust();
      await registry.connect(governance).suspendSovereign(A);
      await expectCredential(registry, [A, holder.address, skill, uid, A], CredentialStatus.Valid);
      await expectCredential(registry, [A, holder.address, skill, uid, B], CredentialStatus.Valid);
      // Its trust list is frozen: its admin cannot change it while it is suspended.
      await expect(registry.connect(alice).untrustIssuer(A, skill, issuer.address))
        .to.be.revertedWithCustomError(registry, "RegistrySovereignSuspended")
        .withArgs(A);
      expect(await registry.isActive(A)).to.equal(false);
    });

    it("a suspended trusting sovereign is SovereignInactive; the asking sovereign's own trust still counts", async function () {
      const { registry, governance, holder, skill, uid } = await bothTrust();
      await registry.connect(governance).suspendSovereign(B);
      await expectCredential(registry, [A, holder.address, skill, uid, B], CredentialStatus.SovereignInactive);
      await expectCredential(registry, [A, holder.address, skill, uid, A], CredentialStatus.Valid);
    });

    it("reactivation restores the credential", async function () {
      const { registry, governance, holder, skill, uid } = await bothTrust();
      await registry.connect(governance).suspendSovereign(B);
      await registry.connect(governance).reactivateSovereign(B);
      await expectCredential(registry, [A, holder.address, skill, uid, B], CredentialStatus.Valid);
    });
  });

  describe("gas", function () {
    it("a check costs the same with 1 or 50 trusted issuers, recognitions and attestations", async function () {
      const f = await loadFixture(credentialsFixture);
      const { registry, eas, alice, bob, deployer, issuer, holder, skill, uid } = f;
      await registry.connect(alice).trustIssuer(A, skill, issuer.address);
      await registry.connect(bob).trustIssuer(B, skill, issuer.address);
      await registry.connect(alice).recognize(A, B);
      await registry.connect(bob).recognize(B, A);

      const gas = async () => ({
        own: await registry.isCredentialValid.estimateGas(A, holder.address, skill, uid, A),
        recognized: await registry.isCredentialValid.estimateGas(A, holder.address, skill, uid, B),
        unrecognized: await registry.isCredentialValid.estimateGas(A, holder.address, skill, uid, C),
      });
      expect(await registry.isCredentialValid(A, holder.address, skill, uid, A)).to.equal(true);
      expect(await registry.isCredentialValid(A, holder.address, skill, uid, B)).to.equal(true);
      const withOne = await gas();
      // The measure sees the work: a recognized trust reads two more slots than the sovereign's own.
      expect(withOne.recognized).to.be.greaterThan(withOne.own);

      for (let i = 1; i < 50; i++) {
        const other = getAddress(toBeHex(0x1000 + i, 20));
        await registry.connect(alice).trustIssuer(A, skill, other);
        await registry.connect(bob).trustIssuer(B, skill, other);
        const handle = `peer-${i}`;
        await registry.connect(deployer).register(handle, metadata(handle).uri, metadata(handle).hash);
        const peer = await registry.sovereignCount();
        await registry.connect(deployer).recognize(peer, A);
        await registry.connect(alice).recognize(A, peer);
        await attest(eas, issuer, skill, holder.address, skillData("solidity", 4));
      }
      expect(await registry.sovereignCount()).to.equal(52n);
      expect(await registry.isMutuallyRecognized(A, 52n)).to.equal(true);

      expect(await gas()).to.deep.equal(withOne);
    });
  });
});
