/**
 * Credential-gated bounties: a submitter names its EAS attestation, and the registry's credential
 * check (with the mission's sovereign asking and the bounty's trusting sovereign) decides, when
 * the work is submitted and again when it is awarded (issue 11, rule 11).
 */
import { expect } from "chai";
import { ZeroHash } from "ethers";

import { CredentialStatus, attest, ethers, networkHelpers, skillData } from "../../helpers/graph.ts";
import { BOREALIS_ID } from "../../graph/registry.behavior.ts";
import { ATLAS_ID, ETH, bountyFixture, createBounty, submit, work } from "./fixtures.ts";

const { loadFixture, time } = networkHelpers;

/**
 * The bounty world with a skill-credential bounty trusted by atlas itself (`ownBounty`) and one
 * trusted by borealis (`foreignBounty`); atlas's issuer attested the contributor's skill (`uid`),
 * borealis trusts its own issuer (the arbiter account), who attested the contributor too
 * (`foreignUid`). Atlas has not yet recognized borealis back.
 */
async function credentialFixture() {
  const f = await bountyFixture();
  const skill = f.schemas.skillCredential;
  const { bountyId: ownBounty } = await createBounty(f.board, f.funder, ETH, 1_000n, {
    credentialSchema: skill,
    credentialTrustedBy: ATLAS_ID,
  });
  const { bountyId: foreignBounty } = await createBounty(f.board, f.funder, ETH, 1_000n, {
    credentialSchema: skill,
    credentialTrustedBy: BOREALIS_ID,
  });
  const uid = await attest(f.eas, f.issuer, skill, f.contributor.address, skillData("hydrology", 3));
  await f.registry.connect(f.otherAdmin).trustIssuer(BOREALIS_ID, skill, f.arbiter.address);
  const foreignUid = await attest(f.eas, f.arbiter, skill, f.contributor.address, skillData("surveying", 4));
  return { ...f, skill, ownBounty, foreignBounty, uid, foreignUid };
}

type CredentialWorld = Awaited<ReturnType<typeof credentialFixture>>;

describe("BountyBoard credential-gated bounties", function () {
  it("accepts work from the holder of a credential by an issuer the sovereign trusts", async function () {
    const f = await loadFixture(credentialFixture);
    const w = work("contributor");
    await expect(f.board.connect(f.contributor).submitWork(f.ownBounty, w.uri, w.hash, f.uid))
      .to.emit(f.board, "WorkSubmitted")
      .withArgs(f.ownBounty, f.contributor.address, w.uri, w.hash, f.uid);
  });

  it("rejects a credential by an issuer the sovereign does not trust", async function () {
    const f = await loadFixture(credentialFixture);
    const untrusted = await attest(f.eas, f.stranger, f.skill, f.contributor.address, skillData("hydrology", 5));
    await expect(submit(f.board, f.contributor, f.ownBounty, "contributor", untrusted))
      .to.be.revertedWithCustomError(f.board, "BountyCredentialInvalid")
      .withArgs(f.ownBounty, f.contributor.address, untrusted, CredentialStatus.UntrustedIssuer);
  });

  it("rejects someone else's credential", async function () {
    const f = await loadFixture(credentialFixture);
    await expect(submit(f.board, f.member, f.ownBounty, "member", f.uid))
      .to.be.revertedWithCustomError(f.board, "BountyCredentialInvalid")
      .withArgs(f.ownBounty, f.member.address, f.uid, CredentialStatus.WrongRecipient);
  });

  it("rejects a missing credential", async function () {
    const f = await loadFixture(credentialFixture);
    await expect(submit(f.board, f.contributor, f.ownBounty, "contributor", ZeroHash))
      .to.be.revertedWithCustomError(f.board, "BountyCredentialInvalid")
      .withArgs(f.ownBounty, f.contributor.address, ZeroHash, CredentialStatus.UnknownAttestation);
  });

  it("rejects an attestation of another schema", async function () {
    const f = await loadFixture(credentialFixture);
    const other = await attest(f.eas, f.issuer, f.schemas.executionVerification, f.contributor.address, "0x");
    await expect(submit(f.board, f.contributor, f.ownBounty, "contributor", other))
      .to.be.revertedWithCustomError(f.board, "BountyCredentialInvalid")
      .withArgs(f.ownBounty, f.contributor.address, other, CredentialStatus.WrongSchema);
  });

  it("rejects a revoked credential", async function () {
    const f = await loadFixture(credentialFixture);
    await f.eas.connect(f.issuer).revoke({ schema: f.skill, data: { uid: f.uid, value: 0n } });
    await expect(submit(f.board, f.contributor, f.ownBounty, "contributor", f.uid))
      .to.be.revertedWithCustomError(f.board, "BountyCredentialInvalid")
      .withArgs(f.ownBounty, f.contributor.address, f.uid, CredentialStatus.Revoked);
  });

  it("rejects an expired credential", async function () {
    const f = await loadFixture(credentialFixture);
    const expiry = BigInt(await time.latest()) + 100n;
    const expiring = await attest(f.eas, f.issuer, f.skill, f.contributor.address, skillData("hydrology", 3), {
      expirationTime: expiry,
    });
    await time.increaseTo(expiry);
    await expect(submit(f.board, f.contributor, f.ownBounty, "contributor", expiring))
      .to.be.revertedWithCustomError(f.board, "BountyCredentialInvalid")
      .withArgs(f.ownBounty, f.contributor.address, expiring, CredentialStatus.Expired);
  });

  it("rejects every credential trusted by a suspended sovereign", async function () {
    const f = await loadFixture(credentialFixture);
    await f.registry.connect(f.admin).recognize(ATLAS_ID, BOREALIS_ID);
    await f.registry.connect(f.governance).suspendSovereign(BOREALIS_ID);
    await expect(submit(f.board, f.contributor, f.foreignBounty, "contributor", f.foreignUid))
      .to.be.revertedWithCustomError(f.board, "BountyCredentialInvalid")
      .withArgs(f.foreignBounty, f.contributor.address, f.foreignUid, CredentialStatus.SovereignInactive);
  });

  it("honours a foreign issuer only once the two sovereigns recognize each other", async function () {
    const f = await loadFixture(credentialFixture);
    await expect(submit(f.board, f.contributor, f.foreignBounty, "contributor", f.foreignUid))
      .to.be.revertedWithCustomError(f.board, "BountyCredentialInvalid")
      .withArgs(f.foreignBounty, f.contributor.address, f.foreignUid, CredentialStatus.NotRecognized);
    // Borealis proposed recognition in the fixture; atlas accepting makes it mutual.
    await f.registry.connect(f.admin).recognize(ATLAS_ID, BOREALIS_ID);
    await expect(submit(f.board, f.contributor, f.foreignBounty, "contributor", f.foreignUid))
      .to.emit(f.board, "WorkSubmitted")
      .withArgs(
        f.foreignBounty,
        f.contributor.address,
        work("contributor").uri,
        work("contributor").hash,
        f.foreignUid,
      );
  });

  it("does not take atlas's own issuer for a bounty trusting borealis", async function () {
    const f = await loadFixture(credentialFixture);
    await f.registry.connect(f.admin).recognize(ATLAS_ID, BOREALIS_ID);
    await expect(submit(f.board, f.contributor, f.foreignBounty, "contributor", f.uid))
      .to.be.revertedWithCustomError(f.board, "BountyCredentialInvalid")
      .withArgs(f.foreignBounty, f.contributor.address, f.uid, CredentialStatus.UntrustedIssuer);
  });

  describe("award: the credential is checked again", function () {
    /** The contributor's work on the own bounty, submitted with its valid credential. */
    async function submittedFixture() {
      const f = await credentialFixture();
      await submit(f.board, f.contributor, f.ownBounty, "contributor", f.uid);
      return f;
    }

    const invalidations = {
      "its issuer revokes it on EAS": {
        status: CredentialStatus.Revoked,
        invalidate: (f: CredentialWorld) =>
          f.eas.connect(f.issuer).revoke({ schema: f.skill, data: { uid: f.uid, value: 0n } }),
      },
      "the sovereign no longer trusts its issuer": {
        status: CredentialStatus.UntrustedIssuer,
        invalidate: (f: CredentialWorld) =>
          f.registry.connect(f.admin).untrustIssuer(ATLAS_ID, f.skill, f.issuer.address),
      },
    };

    for (const [how, { status, invalidate }] of Object.entries(invalidations)) {
      it(`a credential invalid since submission wins nothing: ${how}`, async function () {
        const f = await loadFixture(submittedFixture);
        await invalidate(f);
        await expect(f.board.connect(f.missionOwner).award(f.ownBounty, [f.contributor.address], [1_000n]))
          .to.be.revertedWithCustomError(f.board, "BountyCredentialInvalid")
          .withArgs(f.ownBounty, f.contributor.address, f.uid, status);
        expect(await f.board.submissionOf(f.ownBounty, f.contributor.address)).to.deep.equal([
          work("contributor").hash,
          0n,
        ]);
        expect(await f.board.remainingOf(f.ownBounty)).to.equal(1_000n);
        expect(await f.ledger.reputationOf(ATLAS_ID, f.contributor.address)).to.equal(0n);
      });
    }

    it("a credential that expired since submission wins nothing", async function () {
      const f = await loadFixture(credentialFixture);
      const expiry = BigInt(await time.latest()) + 100n;
      const expiring = await attest(f.eas, f.issuer, f.skill, f.contributor.address, skillData("hydrology", 3), {
        expirationTime: expiry,
      });
      await submit(f.board, f.contributor, f.ownBounty, "contributor", expiring);
      await time.increaseTo(expiry);
      await expect(f.board.connect(f.missionOwner).award(f.ownBounty, [f.contributor.address], [1_000n]))
        .to.be.revertedWithCustomError(f.board, "BountyCredentialInvalid")
        .withArgs(f.ownBounty, f.contributor.address, expiring, CredentialStatus.Expired);
    });

    it("one winner's invalid credential refuses the whole award; the others win without it", async function () {
      const f = await loadFixture(submittedFixture);
      const memberUid = await attest(f.eas, f.issuer, f.skill, f.member.address, skillData("surveying", 2));
      await submit(f.board, f.member, f.ownBounty, "member", memberUid);
      await f.eas.connect(f.issuer).revoke({ schema: f.skill, data: { uid: f.uid, value: 0n } });
      await expect(
        f.board.connect(f.missionOwner).award(f.ownBounty, [f.member.address, f.contributor.address], [600n, 400n]),
      )
        .to.be.revertedWithCustomError(f.board, "BountyCredentialInvalid")
        .withArgs(f.ownBounty, f.contributor.address, f.uid, CredentialStatus.Revoked);
      const tx = f.board.connect(f.missionOwner).award(f.ownBounty, [f.member.address], [600n]);
      await expect(tx)
        .to.emit(f.board, "BountyAwarded")
        .withArgs(f.ownBounty, f.member.address, f.missionOwner.address, ETH, 600n, 400n);
      await expect(tx).to.changeEtherBalances(ethers, [f.member, f.board], [600n, -600n]);
    });

    it("with its credential still valid, the winner is paid", async function () {
      const f = await loadFixture(submittedFixture);
      await expect(f.board.connect(f.missionOwner).award(f.ownBounty, [f.contributor.address], [1_000n]))
        .to.emit(f.board, "BountyAwarded")
        .withArgs(f.ownBounty, f.contributor.address, f.missionOwner.address, ETH, 1_000n, 0n);
    });
  });

  it("pays a credentialed winner and records the award in the mission's sovereign", async function () {
    const f = await loadFixture(credentialFixture);
    await submit(f.board, f.contributor, f.ownBounty, "contributor", f.uid);
    const tx = await f.board.connect(f.missionOwner).award(f.ownBounty, [f.contributor.address], [1_000n]);
    const timestamp = BigInt(await time.latest());
    await expect(tx)
      .to.emit(f.ledger, "ContributionRecorded")
      .withArgs(1n, f.contributor.address, ATLAS_ID, 1_000n, 100n, 1n, 100n, timestamp);
    expect(await f.ledger.reputationOf(ATLAS_ID, f.contributor.address)).to.equal(100n);
  });
});
