import { readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { AbiCoder } from "ethers";
import { keccak256, stringToBytes, type Address } from "viem";

import {
  AtlasContractError,
  AtlasError,
  allLayers,
  createAtlasClient,
  AtlasMetadataError,
  atlasSchemaUids,
  canonicalJson,
  decodeAttestationData,
  encodeAttestationData,
  hashMetadata,
  missionMetadataHash,
  missionMetadataSchema,
  sovereignMetadataHash,
  sovereignMetadataSchema,
  validateMissionMetadata,
  validateSovereignMetadata,
  type ExecutionRecordData,
  type MissionMetadata,
  type SovereignMetadata,
} from "../../sdk/src/index.ts";
import { networkHelpers } from "../helpers/governance.ts";
import { atlasFixture, publicClient, rejection, testbed, walletClientOf, type Testbed } from "./fixtures.ts";

const { loadFixture } = networkHelpers;

const SCHEMAS = atlasSchemaUids();

const LISBON: SovereignMetadata = {
  name: "Lisbon Commons",
  description: "A city co-operative running its budget on chain.",
  kind: "cooperative",
  governance: { model: "one-member-one-vote", constitutionURI: "ipfs://constitution" },
  geography: { presence: "hybrid", regions: ["PT", "PT-11"], coordinates: { latitude: 38.72, longitude: -9.14 } },
  stack: { chainIds: [31337], tools: ["Atlas OS", "EAS"] },
};

const ZUZALU: SovereignMetadata = {
  name: "Zuzalu",
  description: "A pop-up network state.",
  governance: { model: "council" },
  geography: { presence: "digital" },
};

const MISSION: MissionMetadata = {
  title: "Audit the treasury module",
  description: "Review the escrow and bounty contracts before launch.",
  requiredSkills: [{ schema: SCHEMAS.skillCredential, skill: "solidity", minLevel: 4 }],
  kpis: [{ name: "critical findings fixed", target: 100, unit: "%" }],
};

const ids = { lisbon: 1n, zuzalu: 2n } as const;

/** alice registered "lisbon" (1) with its validated document's hash, bob "zuzalu" (2) with a plain hash. */
async function sovereigns() {
  const t = await testbed(await atlasFixture());
  const { alice, bob } = t.accounts;
  const lisbon = await t.as(alice).graph.registerSovereign({
    handle: "lisbon",
    metadataURI: "ipfs://lisbon",
    metadataHash: sovereignMetadataHash(LISBON),
  });
  const zuzalu = await t
    .as(bob)
    .graph.registerSovereign({ handle: "zuzalu", metadataURI: "ipfs://zuzalu", metadataHash: hashMetadata(ZUZALU) });
  return { ...t, lisbon, zuzalu };
}

/**
 * On top of {@link sovereigns}: in lisbon, dave (invited) is a member and operator, eve (applied)
 * a verifier, frank an AI agent operated by dave.
 */
async function members() {
  const t = await sovereigns();
  const { alice, dave, eve, frank } = t.accounts;
  const admin = t.as(alice).graph;
  await admin.invite({ sovereignId: ids.lisbon, account: dave });
  await t.as(dave).graph.acceptInvitation({ sovereignId: ids.lisbon });
  await admin.grantRole({ sovereignId: ids.lisbon, account: dave, role: "operator" });
  await t.as(eve).graph.applyForMembership({ sovereignId: ids.lisbon });
  await admin.approveApplication({ sovereignId: ids.lisbon, account: eve });
  await admin.grantRole({ sovereignId: ids.lisbon, account: eve, role: "verifier" });
  await admin.registerAgent({ sovereignId: ids.lisbon, agent: frank, operator: dave });
  return t;
}

const member = (t: Testbed, account: Address) => t.reader.graph.getMember({ sovereignId: ids.lisbon, account });

describe("SDK Sovereign Graph", function () {
  describe("registerSovereign and getSovereign", function () {
    it("registers sovereigns and reads them by id and by handle", async function () {
      const t = await loadFixture(sovereigns);
      expect(t.lisbon.sovereignId, "lisbon's id").to.equal(ids.lisbon);
      expect(sovereignMetadataHash(LISBON), "validated hash of the document").to.equal(hashMetadata(LISBON));
      expect(t.zuzalu.sovereignId, "zuzalu's id").to.equal(ids.zuzalu);
      expect(t.lisbon.receipt.status).to.equal("success");

      const expected = {
        sovereignId: ids.lisbon,
        handle: "lisbon",
        metadataURI: "ipfs://lisbon",
        metadataHash: hashMetadata(LISBON),
        adminCount: 1,
        suspended: false,
      };
      expect(await t.reader.graph.getSovereign({ sovereignId: ids.lisbon })).to.deep.equal(expected);
      expect(await t.reader.graph.getSovereign({ handle: "lisbon" })).to.deep.equal(expected);
      expect(await t.reader.graph.getSovereignId({ handle: "zuzalu" })).to.equal(ids.zuzalu);
      expect(await t.reader.graph.getSovereignId({ handle: "atlantis" })).to.equal(undefined);

      const founder = await member(t, t.accounts.alice);
      expect(founder).to.deep.include({ isMember: true, isAdmin: true, roles: ["member"], applied: false });
    });

    it("rejects a taken handle with RegistryHandleTaken naming its holder", async function () {
      const t = await loadFixture(sovereigns);
      const error = await rejection(
        t.as(t.accounts.carol).graph.registerSovereign({
          handle: "lisbon",
          metadataURI: "ipfs://x",
          metadataHash: hashMetadata(ZUZALU),
        }),
        AtlasContractError,
      );
      expect(error.errorName).to.equal("RegistryHandleTaken");
      expect(error.args).to.deep.equal(["lisbon", ids.lisbon]);
      expect(error.shortMessage).to.equal('The handle "lisbon" is taken by sovereign 1.');
    });

    it("rejects an invalid handle with RegistryInvalidHandle", async function () {
      const t = await loadFixture(sovereigns);
      const error = await rejection(
        t.as(t.accounts.carol).graph.registerSovereign({
          handle: "-Bad",
          metadataURI: "ipfs://x",
          metadataHash: hashMetadata(ZUZALU),
        }),
        AtlasContractError,
      );
      expect(error.shortMessage).to.equal(
        '"-Bad" is not a valid handle: 3 to 32 of a-z, 0-9 and "-", with no "-" at either end.',
      );
    });

    it("sovereignMetadataHash refuses a document that does not match the schema, so nothing is sent", async function () {
      const t = await loadFixture(sovereigns);
      const carol = t.accounts.carol;
      const nonce = await publicClient.getTransactionCount({ address: carol });
      const invalid = { name: "", governance: { model: "monarchy" } } as unknown as SovereignMetadata;
      const register = () =>
        t.as(carol).graph.registerSovereign({
          handle: "kingdom",
          metadataURI: "ipfs://kingdom",
          metadataHash: sovereignMetadataHash(invalid),
        });
      expect(register)
        .to.throw(AtlasMetadataError, /^The sovereign metadata is not valid: description: is required; name: /)
        .with.property("problems")
        .that.deep.equals([
          "description: is required",
          "name: must have at least 1 character(s)",
          'governance.model: must be one of "token-voting", "one-member-one-vote", "delegated", "council", "consensus", "founder-led", "other"',
        ]);
      expect(await publicClient.getTransactionCount({ address: carol }), "carol's nonce").to.equal(nonce);
    });

    it("updates a sovereign's metadata, for its admins only", async function () {
      const t = await loadFixture(sovereigns);
      const moved = { ...LISBON, description: "Now with a harbour." };
      const updated = await t.as(t.accounts.alice).graph.updateSovereignMetadata({
        sovereignId: ids.lisbon,
        metadataURI: "ipfs://lisbon-2",
        metadataHash: sovereignMetadataHash(moved),
      });
      expect(updated.receipt.status).to.equal("success");
      expect(await t.reader.graph.getSovereign({ sovereignId: ids.lisbon })).to.deep.include({
        metadataURI: "ipfs://lisbon-2",
        metadataHash: hashMetadata(moved),
      });
      const error = await rejection(
        t.as(t.accounts.bob).graph.updateSovereignMetadata({
          sovereignId: ids.lisbon,
          metadataURI: "ipfs://hijack",
          metadataHash: hashMetadata({}),
        }),
        AtlasContractError,
      );
      expect(error.errorName).to.equal("RegistryNotSovereignAdmin");
      expect(error.shortMessage).to.equal(`${t.accounts.bob} is not an admin of sovereign 1.`);
    });

    it("hands adminship over: offerAdmin, acceptAdmin, and removeAdmin refusing the last admin", async function () {
      const t = await loadFixture(sovereigns);
      const { alice, carol } = t.accounts;
      await t.as(alice).graph.offerAdmin({ sovereignId: ids.lisbon, candidate: carol, handOver: true });
      expect((await member(t, carol)).adminOffer).to.deep.equal({ offeredBy: alice, handOver: true });
      await t.as(carol).graph.acceptAdmin({ sovereignId: ids.lisbon });
      expect((await member(t, carol)).isAdmin, "carol is admin").to.equal(true);
      expect((await member(t, alice)).isAdmin, "alice stepped down").to.equal(false);
      const error = await rejection(
        t.as(carol).graph.removeAdmin({ sovereignId: ids.lisbon, admin: carol }),
        AtlasContractError,
      );
      expect(error.shortMessage).to.equal(`${carol} is the last admin of sovereign 1: hand adminship over instead.`);
    });
  });

  describe("recognize, trustIssuer and verifyCredential", function () {
    it("honours a credential from an issuer trusted by a mutually recognizing sovereign, and stops when either side withdraws", async function () {
      const t = await loadFixture(sovereigns);
      const { alice, bob, carol, dave } = t.accounts;
      const read = t.reader.graph;

      const proposed = await t.as(alice).graph.recognize({ sovereignId: ids.lisbon, otherId: ids.zuzalu });
      expect(proposed.mutual, "one side").to.equal(false);
      expect(await read.isMutuallyRecognized({ sovereignId: ids.lisbon, otherId: ids.zuzalu })).to.equal(false);
      const accepted = await t.as(bob).graph.recognize({ sovereignId: ids.zuzalu, otherId: ids.lisbon });
      expect(accepted.mutual, "both sides").to.equal(true);
      expect(await read.isMutuallyRecognized({ sovereignId: ids.lisbon, otherId: ids.zuzalu })).to.equal(true);

      await t.as(bob).graph.trustIssuer({ sovereignId: ids.zuzalu, schema: "skillCredential", issuer: carol });
      expect(
        await read.isTrustedIssuer({ sovereignId: ids.zuzalu, schema: "skillCredential", issuer: carol }),
      ).to.equal(true);
      expect(
        await read.isTrustedIssuer({ sovereignId: ids.lisbon, schema: SCHEMAS.skillCredential, issuer: carol }),
        "lisbon's own list",
      ).to.equal(false);

      const { uid } = await t.as(carol).graph.attestSkillCredential({
        recipient: dave,
        skill: "solidity",
        level: 4,
        evidenceURI: "ipfs://audit-report",
      });

      const own = await read.verifyCredential({ sovereignId: ids.lisbon, uid });
      expect([own.valid, own.status], "through lisbon's own list").to.deep.equal([false, "untrustedIssuer"]);

      const viaZuzalu = await read.verifyCredential({ sovereignId: ids.lisbon, uid, trustedBy: ids.zuzalu });
      expect([viaZuzalu.valid, viaZuzalu.status]).to.deep.equal([true, "valid"]);
      expect(viaZuzalu.attestation).to.deep.include({
        uid,
        schema: SCHEMAS.skillCredential,
        schemaName: "skillCredential",
        attester: carol,
        recipient: dave,
        expirationTime: undefined,
        revocationTime: undefined,
        refUID: undefined,
        revocable: true,
        decoded: { skill: "solidity", level: 4, evidenceURI: "ipfs://audit-report" },
      });

      const someoneElse = await read.checkCredential({
        sovereignId: ids.lisbon,
        account: alice,
        schema: "skillCredential",
        uid,
        trustedBy: ids.zuzalu,
      });
      expect(someoneElse).to.deep.equal({ valid: false, status: "wrongRecipient" });

      await t.as(bob).graph.revokeRecognition({ sovereignId: ids.zuzalu, otherId: ids.lisbon });
      const withdrawn = await read.verifyCredential({ sovereignId: ids.lisbon, uid, trustedBy: ids.zuzalu });
      expect(withdrawn.status).to.equal("notRecognized");
      expect((await read.verifyCredential({ sovereignId: ids.zuzalu, uid })).status, "zuzalu itself").to.equal("valid");

      await t.as(carol).graph.revokeAttestation({ uid });
      const revoked = await read.verifyCredential({ sovereignId: ids.zuzalu, uid });
      expect(revoked.status).to.equal("revoked");
      expect(revoked.attestation?.revocationTime, "revocation time").to.be.a("bigint");

      await t.as(bob).graph.untrustIssuer({ sovereignId: ids.zuzalu, schema: "skillCredential", issuer: carol });
      expect(
        await read.isTrustedIssuer({ sovereignId: ids.zuzalu, schema: "skillCredential", issuer: carol }),
      ).to.equal(false);
    });

    it("reports an unknown attestation without throwing", async function () {
      const t = await loadFixture(sovereigns);
      const uid = keccak256(stringToBytes("nothing"));
      const result = await t.reader.graph.verifyCredential({ sovereignId: ids.lisbon, uid });
      expect(result).to.deep.include({ valid: false, status: "unknownAttestation", attestation: undefined });
      expect(await t.reader.graph.getAttestation({ uid })).to.equal(undefined);
    });

    it("rejects recognizing oneself and revoking an attestation made by someone else", async function () {
      const t = await loadFixture(sovereigns);
      const self = await rejection(
        t.as(t.accounts.alice).graph.recognize({ sovereignId: ids.lisbon, otherId: ids.lisbon }),
        AtlasContractError,
      );
      expect(self.shortMessage).to.equal("Sovereign 1 cannot recognize itself.");
      const { uid } = await t
        .as(t.accounts.carol)
        .graph.attestSkillCredential({ recipient: t.accounts.dave, skill: "design", level: 2, evidenceURI: "" });
      const denied = await rejection(t.as(t.accounts.dave).graph.revokeAttestation({ uid }), AtlasContractError);
      expect(denied.errorName).to.equal("AccessDenied");
      expect(denied.shortMessage).to.equal("Only the attester can revoke its attestation.");
    });
  });

  describe("members and roles", function () {
    it("admits by invitation and by application, grants roles and registers an agent", async function () {
      const t = await loadFixture(sovereigns);
      const { alice, dave, eve, frank } = t.accounts;
      const admin = t.as(alice).graph;

      await admin.invite({ sovereignId: ids.lisbon, account: dave });
      expect(await member(t, dave)).to.deep.include({ isMember: false, invitedBy: alice, roles: [] });
      await t.as(dave).graph.acceptInvitation({ sovereignId: ids.lisbon });
      expect(await member(t, dave)).to.deep.include({ isMember: true, invitedBy: undefined, roles: ["member"] });

      await t.as(eve).graph.applyForMembership({ sovereignId: ids.lisbon });
      expect((await member(t, eve)).applied, "eve applied").to.equal(true);
      await admin.approveApplication({ sovereignId: ids.lisbon, account: eve });
      await admin.grantRole({ sovereignId: ids.lisbon, account: eve, role: "verifier" });
      await admin.grantRole({ sovereignId: ids.lisbon, account: eve, role: "issuer" });
      expect(await member(t, eve)).to.deep.include({
        isMember: true,
        applied: false,
        isAdmin: false,
        roles: ["member", "issuer", "verifier"],
      });

      await admin.registerAgent({ sovereignId: ids.lisbon, agent: frank, operator: dave });
      expect(await member(t, frank)).to.deep.include({ roles: ["member", "agent"], agentOperator: dave });

      await admin.revokeRole({ sovereignId: ids.lisbon, account: eve, role: "issuer" });
      expect((await member(t, eve)).roles).to.deep.equal(["member", "verifier"]);
      await t.as(eve).graph.leave({ sovereignId: ids.lisbon });
      expect(await member(t, eve)).to.deep.include({ isMember: false, roles: [] });
      await admin.removeMember({ sovereignId: ids.lisbon, account: frank });
      expect(await member(t, frank)).to.deep.include({ isMember: false, agentOperator: undefined });
    });

    it("withdraws invitations and rejects applications", async function () {
      const t = await loadFixture(sovereigns);
      const { alice, carol, grace } = t.accounts;
      const admin = t.as(alice).graph;
      await admin.invite({ sovereignId: ids.lisbon, account: carol });
      await admin.cancelInvitation({ sovereignId: ids.lisbon, account: carol });
      const error = await rejection(
        t.as(carol).graph.acceptInvitation({ sovereignId: ids.lisbon }),
        AtlasContractError,
      );
      expect(error.shortMessage).to.equal(
        `${carol} has no pending invitation to sovereign 1 (or its inviter is no longer an admin).`,
      );
      await t.as(grace).graph.applyForMembership({ sovereignId: ids.lisbon });
      await admin.rejectApplication({ sovereignId: ids.lisbon, account: grace });
      expect(await member(t, grace)).to.deep.include({ isMember: false, applied: false });
    });

    it("names the role in RegistryRoleAlreadyGranted", async function () {
      const t = await loadFixture(members);
      const error = await rejection(
        t.as(t.accounts.alice).graph.grantRole({ sovereignId: ids.lisbon, account: t.accounts.eve, role: "verifier" }),
        AtlasContractError,
      );
      expect(error.args).to.deep.equal([ids.lisbon, t.accounts.eve, 3]);
      expect(error.shortMessage).to.equal(`${t.accounts.eve} already holds the verifier role in sovereign 1.`);
    });
  });

  describe("organizations and missions", function () {
    it("creates an organization and a mission, and moves the mission through its lifecycle", async function () {
      const t = await loadFixture(members);
      const { alice, dave, eve } = t.accounts;
      const read = t.reader.graph;

      const organization = await t.as(alice).graph.createOrganization({
        sovereignId: ids.lisbon,
        admin: dave,
        metadataURI: "ipfs://audit-guild",
        metadataHash: hashMetadata({ name: "Audit guild" }),
      });
      expect(organization.organizationId).to.equal(1n);
      expect(await read.getOrganization({ organizationId: 1n })).to.deep.equal({
        organizationId: 1n,
        sovereignId: ids.lisbon,
        metadataURI: "ipfs://audit-guild",
        metadataHash: hashMetadata({ name: "Audit guild" }),
      });
      await t.as(dave).graph.addOrganizationMember({ organizationId: 1n, account: eve });
      await t.as(dave).graph.setOrganizationAdmin({ organizationId: 1n, account: eve, isAdmin: true });
      await t.as(eve).graph.removeOrganizationMember({ organizationId: 1n, account: eve });

      const created = await t.as(dave).graph.createMission({
        sovereignId: ids.lisbon,
        organizationId: 1n,
        metadataURI: "ipfs://mission",
        metadataHash: missionMetadataHash(MISSION),
      });
      const { missionId } = created;
      expect(missionId).to.equal(1n);
      expect(await read.getMission({ missionId })).to.deep.equal({
        missionId,
        sovereignId: ids.lisbon,
        organizationId: 1n,
        status: "draft",
        owner: dave,
        metadataURI: "ipfs://mission",
        metadataHash: hashMetadata(MISSION),
      });

      const opened = await t.as(dave).graph.transitionMission({ missionId, to: "open" });
      expect([opened.from, opened.to]).to.deep.equal(["draft", "open"]);
      await t.as(alice).graph.transitionMission({ missionId, to: "inProgress" });
      expect((await read.getMission({ missionId })).status).to.equal("inProgress");

      const backwards = await rejection(
        t.as(dave).graph.transitionMission({ missionId, to: "open" }),
        AtlasContractError,
      );
      expect(backwards.errorName).to.equal("RegistryInvalidMissionTransition");
      expect(backwards.args).to.deep.equal([missionId, 3, 2]);
      expect(backwards.shortMessage).to.equal("Mission 1 cannot move from in progress to open.");

      const revised = { ...MISSION, kpis: [] };
      await t.as(dave).graph.updateMissionMetadata({
        missionId,
        metadataURI: "ipfs://mission-2",
        metadataHash: missionMetadataHash(revised),
      });
      expect((await read.getMission({ missionId })).metadataHash).to.equal(hashMetadata(revised));

      await t.as(dave).graph.transitionMission({ missionId, to: "completed" });
      const frozen = await rejection(
        t.as(dave).graph.updateMissionMetadata({
          missionId,
          metadataURI: "ipfs://late",
          metadataHash: missionMetadataHash(MISSION),
        }),
        AtlasContractError,
      );
      expect(frozen.shortMessage).to.equal("Mission 1 is completed: it is frozen.");
    });

    it("refuses a mission from a member without the operator role", async function () {
      const t = await loadFixture(members);
      const error = await rejection(
        t.as(t.accounts.eve).graph.createMission({
          sovereignId: ids.lisbon,
          metadataURI: "ipfs://m",
          metadataHash: hashMetadata(MISSION),
        }),
        AtlasContractError,
      );
      expect(error.errorName).to.equal("RegistryCannotCreateMission");
      expect(error.args).to.deep.equal([ids.lisbon, 0n, t.accounts.eve]);
    });
  });

  describe("execution records and reputation", function () {
    it("turns an agent's execution record, approved by a verifier, into reputation", async function () {
      const t = await loadFixture(members);
      const { carol, dave, eve, frank } = t.accounts;
      const { missionId } = await t.as(dave).graph.createMission({
        sovereignId: ids.lisbon,
        metadataURI: "ipfs://mission",
        metadataHash: missionMetadataHash(MISSION),
      });
      const hash = (text: string) => keccak256(stringToBytes(text));

      const record = await t.as(frank).graph.attestExecutionRecord({
        sovereignId: ids.lisbon,
        missionId,
        taskRef: hash("task 1"),
        inputHash: hash("input"),
        outputHash: hash("output"),
        evidenceURI: "ipfs://run-log",
        modelHash: hash("model: atlas-agent-1"),
      });
      const stored = await t.reader.graph.getAttestation({ uid: record.uid });
      expect(stored).to.deep.include({ schemaName: "executionRecord", attester: frank, recipient: frank });
      expect(stored?.decoded).to.deep.equal({
        chainId: 31_337n,
        ledger: t.addresses.ledger,
        actor: frank,
        sovereignId: ids.lisbon,
        missionId,
        taskRef: hash("task 1"),
        inputHash: hash("input"),
        outputHash: hash("output"),
        evidenceURI: "ipfs://run-log",
        modelHash: hash("model: atlas-agent-1"),
      });

      const verification = await t.as(eve).graph.attestExecutionVerification({
        executionUID: record.uid,
        approved: true,
        points: 40n,
        comment: "reproduced",
      });
      expect((await t.reader.graph.getAttestation({ uid: verification.uid }))?.refUID).to.equal(record.uid);

      expect(await t.reader.graph.getReputation({ sovereignId: ids.lisbon, account: frank }), "before").to.equal(0n);
      const recorded = await t.as(carol).graph.recordVerifiedExecution({
        executionUID: record.uid,
        verificationUID: verification.uid,
      });
      expect(recorded).to.deep.include({ outcomeId: 1n, actor: frank, verifier: eve, points: 40n, reputation: 40n });
      expect(await t.reader.graph.getReputation({ sovereignId: ids.lisbon, account: frank }), "after").to.equal(40n);

      const again = await rejection(
        t.as(carol).graph.recordVerifiedExecution({ executionUID: record.uid, verificationUID: verification.uid }),
        AtlasContractError,
      );
      expect(again.errorName).to.equal("LedgerExecutionAlreadyRecorded");
      expect(again.shortMessage).to.equal(`Execution record ${record.uid} is already recorded.`);
    });

    it("refuses a verification granting more points than the ledger's cap: LedgerPointsAboveCap", async function () {
      const t = await loadFixture(members);
      const { carol, eve, frank } = t.accounts;
      const cap = await t.reader.graph.getMaxExecutionPoints();
      expect(cap, "the default cap: a milestone's worth").to.equal(100n);
      const record = await t.as(frank).graph.attestExecutionRecord({
        sovereignId: ids.lisbon,
        taskRef: keccak256(stringToBytes("big task")),
        inputHash: keccak256(stringToBytes("in")),
        outputHash: keccak256(stringToBytes("out")),
        evidenceURI: "",
      });
      const verification = await t.as(eve).graph.attestExecutionVerification({
        executionUID: record.uid,
        approved: true,
        points: cap + 1n,
        comment: "",
      });
      const error = await rejection(
        t.as(carol).graph.recordVerifiedExecution({ executionUID: record.uid, verificationUID: verification.uid }),
        AtlasContractError,
      );
      expect(error.errorName).to.equal("LedgerPointsAboveCap");
      expect(error.args).to.deep.equal([101n, 100n]);
      expect(error.shortMessage).to.equal(
        "The verification grants 101 points; the ledger records at most 100 per record.",
      );
    });

    it("refuses an execution record attested for another ledger: LedgerAttestationForOtherLedger", async function () {
      const t = await loadFixture(members);
      const { carol, eve, frank } = t.accounts;
      // A client whose address book names another ledger: its attestations name that ledger.
      const elsewhere = "0x000000000000000000000000000000000000dEaD" as const;
      const other = (account: Address) =>
        createAtlasClient({
          publicClient,
          walletClient: walletClientOf(account),
          addresses: { ...t.addresses, ledger: elsewhere },
          layers: allLayers,
        });
      const record = await other(frank).graph.attestExecutionRecord({
        sovereignId: ids.lisbon,
        taskRef: keccak256(stringToBytes("replayed task")),
        inputHash: keccak256(stringToBytes("in")),
        outputHash: keccak256(stringToBytes("out")),
        evidenceURI: "",
      });
      const verification = await other(eve).graph.attestExecutionVerification({
        executionUID: record.uid,
        approved: true,
        points: 10n,
        comment: "",
      });
      const error = await rejection(
        t.as(carol).graph.recordVerifiedExecution({ executionUID: record.uid, verificationUID: verification.uid }),
        AtlasContractError,
      );
      expect(error.errorName).to.equal("LedgerAttestationForOtherLedger");
      expect(error.args).to.deep.equal([record.uid, 31_337n, elsewhere]);
      expect(error.shortMessage).to.equal(
        `${record.uid} names ledger ${elsewhere} on chain 31337, not this ledger on this chain.`,
      );
    });

    it("refuses a record verified by its own actor: LedgerNotVerifier", async function () {
      const t = await loadFixture(members);
      const { eve } = t.accounts;
      const record = await t.as(eve).graph.attestExecutionRecord({
        sovereignId: ids.lisbon,
        taskRef: keccak256(stringToBytes("self")),
        inputHash: keccak256(stringToBytes("in")),
        outputHash: keccak256(stringToBytes("out")),
        evidenceURI: "",
      });
      const verification = await t.as(eve).graph.attestExecutionVerification({
        executionUID: record.uid,
        approved: true,
        points: 5n,
        comment: "",
      });
      const error = await rejection(
        t.as(eve).graph.recordVerifiedExecution({ executionUID: record.uid, verificationUID: verification.uid }),
        AtlasContractError,
      );
      expect(error.args).to.deep.equal([ids.lisbon, eve]);
      expect(error.shortMessage).to.equal(`${eve} is not a verifier of sovereign 1, or verified its own record.`);
    });

    it("attests a milestone verification", async function () {
      const t = await loadFixture(members);
      const { uid } = await t.as(t.accounts.eve).graph.attestMilestoneVerification({
        escrowId: 7n,
        milestoneIndex: 0n,
        approved: true,
        evidenceURI: "ipfs://milestone",
        recipient: t.accounts.dave,
      });
      const attestation = await t.reader.graph.getAttestation({ uid });
      expect(attestation).to.deep.include({
        schemaName: "milestoneVerification",
        recipient: t.accounts.dave,
        decoded: {
          chainId: 31_337n,
          escrow: t.addresses.escrow,
          escrowId: 7n,
          milestoneIndex: 0n,
          approved: true,
          evidenceURI: "ipfs://milestone",
        },
      });
    });
  });

  describe("getSovereign", function () {
    it("throws AtlasError for a free handle and RegistryUnknownSovereign for an unknown id", async function () {
      const t = await loadFixture(sovereigns);
      const free = await rejection(t.reader.graph.getSovereign({ handle: "atlantis" }), AtlasError);
      expect(free.shortMessage).to.equal('No sovereign has the handle "atlantis".');
      const unknown = await rejection(t.reader.graph.getSovereign({ sovereignId: 9n }), AtlasContractError);
      expect(unknown.shortMessage).to.equal("No sovereign 9 exists.");
    });
  });
});

describe("SDK metadata and attestation data", function () {
  describe("validateSovereignMetadata and validateMissionMetadata", function () {
    it("accept complete and minimal documents", function () {
      expect(validateSovereignMetadata(LISBON)).to.deep.equal({ valid: true, errors: [] });
      expect(validateSovereignMetadata(ZUZALU)).to.deep.equal({ valid: true, errors: [] });
      expect(validateMissionMetadata(MISSION)).to.deep.equal({ valid: true, errors: [] });
      expect(validateMissionMetadata({ title: "t", description: "" })).to.deep.equal({ valid: true, errors: [] });
    });

    it("name every problem with its path", function () {
      const sovereign = validateSovereignMetadata({
        name: "x".repeat(101),
        description: "d",
        governance: { model: "council", votingToken: "0x12" },
        geography: { presence: "digital", regions: ["PT", "PT"], coordinates: { latitude: 91, longitude: 0 } },
        stack: { chainIds: [1.5], contracts: [{ name: "Registry" }] },
        flag: "🏴",
      });
      expect(sovereign.valid).to.equal(false);
      expect(sovereign.errors).to.deep.equal([
        "name: must have at most 100 characters",
        "governance.votingToken: must match ^0x[0-9a-fA-F]{40}$",
        "geography.regions: must not repeat an item",
        "geography.coordinates.latitude: must be ≤ 90",
        "stack.chainIds[0]: must be an integer",
        "stack.contracts[0].address: is required",
        "flag: is not a known property",
      ]);
      expect(validateMissionMetadata(null).errors).to.deep.equal(["(document): must be an object"]);
      expect(
        validateMissionMetadata({ title: "t", description: "d", requiredSkills: [{ schema: "skill", minLevel: 6 }] })
          .errors,
      ).to.deep.equal([
        "requiredSkills[0].schema: must match ^0x[0-9a-fA-F]{64}$",
        "requiredSkills[0].minLevel: must be ≤ 5",
      ]);
    });

    it("agree with the JSON Schema files in sdk/schemas (validation keywords)", async function () {
      const annotations = new Set(["$schema", "$id", "title", "description"]);
      /** The schema without annotations; `description` stays where it names a property. */
      const strip = (node: unknown, inProperties = false): unknown => {
        if (Array.isArray(node)) return node.map((item) => strip(item));
        if (typeof node !== "object" || node === null) return node;
        return Object.fromEntries(
          Object.entries(node)
            .filter(([key]) => inProperties || !annotations.has(key))
            .map(([key, value]) => [key, strip(value, key === "properties")]),
        );
      };
      const file = async (name: string) =>
        JSON.parse(await readFile(path.resolve(import.meta.dirname, "../../sdk/schemas", name), "utf8")) as unknown;
      expect(strip(await file("sovereign-metadata.schema.json"))).to.deep.equal(sovereignMetadataSchema);
      expect(strip(await file("mission-metadata.schema.json"))).to.deep.equal(missionMetadataSchema);
    });
  });

  describe("sovereignMetadataHash and missionMetadataHash", function () {
    it("hash a valid document as hashMetadata does", function () {
      expect(sovereignMetadataHash(ZUZALU)).to.equal(hashMetadata(ZUZALU));
      expect(missionMetadataHash(MISSION)).to.equal(hashMetadata(MISSION));
    });

    it("throw AtlasMetadataError naming every problem of an invalid document", function () {
      const invalid = { title: "", requiredSkills: [{ schema: "skill", minLevel: 6 }] } as unknown as MissionMetadata;
      expect(() => missionMetadataHash(invalid))
        .to.throw(AtlasMetadataError, /^The mission metadata is not valid: /)
        .with.property("problems")
        .that.deep.equals([
          "description: is required",
          "title: must have at least 1 character(s)",
          "requiredSkills[0].schema: must match ^0x[0-9a-fA-F]{64}$",
          "requiredSkills[0].minLevel: must be ≤ 5",
        ]);
    });
  });

  describe("hashMetadata", function () {
    it("hashes the canonical JSON: key order and undefined properties do not matter", function () {
      const document = { b: [1, "two", { d: null, c: true }], a: 0.5, skipped: undefined };
      expect(canonicalJson(document)).to.equal('{"a":0.5,"b":[1,"two",{"c":true,"d":null}]}');
      expect(hashMetadata(document)).to.equal(keccak256(stringToBytes('{"a":0.5,"b":[1,"two",{"c":true,"d":null}]}')));
      expect(hashMetadata({ a: 0.5, b: [1, "two", { c: true, d: null }] })).to.equal(hashMetadata(document));
      expect(hashMetadata({ a: 0.5, b: [1, "two"] })).not.to.equal(hashMetadata(document));
    });

    it("rejects values JSON cannot hold", function () {
      expect(() => hashMetadata({ x: Number.NaN })).to.throw(AtlasMetadataError, "NaN is not a JSON number");
      expect(() => hashMetadata({ x: 1n })).to.throw(AtlasMetadataError, "a bigint is not a JSON value");
    });
  });

  describe("encodeAttestationData and decodeAttestationData", function () {
    it("encode as the contracts decode (ethers' ABI coder agrees) and round-trip every schema", function () {
      const encoded = encodeAttestationData("skillCredential", {
        skill: "solidity",
        level: 4,
        evidenceURI: "ipfs://e",
      });
      expect(encoded).to.equal(
        AbiCoder.defaultAbiCoder().encode(["string", "uint8", "string"], ["solidity", 4, "ipfs://e"]),
      );
      const record: ExecutionRecordData = {
        chainId: 31_337n,
        ledger: "0x000000000000000000000000000000000000bEEF",
        actor: "0x000000000000000000000000000000000000A71A",
        sovereignId: 1n,
        missionId: 2n,
        taskRef: `0x${"11".repeat(32)}`,
        inputHash: `0x${"22".repeat(32)}`,
        outputHash: `0x${"33".repeat(32)}`,
        evidenceURI: "ipfs://r",
        modelHash: `0x${"00".repeat(32)}`,
      };
      expect(decodeAttestationData("executionRecord", encodeAttestationData("executionRecord", record))).to.deep.equal(
        record,
      );
      const verdict = {
        chainId: 1n,
        ledger: "0x000000000000000000000000000000000000bEEF",
        approved: false,
        points: 0n,
        comment: "no",
      } as const;
      expect(
        decodeAttestationData("executionVerification", encodeAttestationData("executionVerification", verdict)),
      ).to.deep.equal(verdict);
      const milestone = {
        chainId: 1n,
        escrow: "0x000000000000000000000000000000000000bEEF",
        escrowId: 1n,
        milestoneIndex: 2n,
        approved: true,
        evidenceURI: "",
      } as const;
      expect(
        decodeAttestationData("milestoneVerification", encodeAttestationData("milestoneVerification", milestone)),
      ).to.deep.equal(milestone);
    });
  });
});
