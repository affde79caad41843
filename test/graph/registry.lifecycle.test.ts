import { expect } from "chai";
import { ZeroAddress, ZeroHash, type ContractTransactionResponse, type Signer } from "ethers";

import {
  CredentialStatus,
  MissionStatus,
  Role,
  attest,
  ethers,
  metadata,
  networkHelpers,
  skillData,
} from "../helpers/graph.ts";
import {
  ATLAS_ID,
  ATLAS_METADATA,
  BOREALIS_ID,
  MISSION_ID,
  MISSION_METADATA,
  ORGANIZATION_ID,
  ORGANIZATION_METADATA,
  sovereignGraphFixture,
  walletAddress,
  walletFor,
  type SovereignGraph,
} from "./registry.behavior.ts";

const { loadFixture, time } = networkHelpers;

const fixture = () => loadFixture(sovereignGraphFixture);
const NEW_METADATA = metadata("updated");
const UNKNOWN_ID = 99n;
const NEWCOMER = walletAddress("newcomer");
const GRANTABLE = [Role.Contributor, Role.Issuer, Role.Verifier, Role.Arbiter, Role.Operator] as const;
const roleName = (role: number) => Object.keys(Role).find((name) => Role[name as keyof typeof Role] === role)!;
const statusName = (status: number) =>
  Object.keys(MissionStatus).find((name) => MissionStatus[name as keyof typeof MissionStatus] === status)!;
const bit = (role: number) => 1n << BigInt(role);

/** The transitions that reach each status from Draft. */
const PATH_TO: Record<number, number[]> = {
  [MissionStatus.Draft]: [],
  [MissionStatus.Open]: [MissionStatus.Open],
  [MissionStatus.InProgress]: [MissionStatus.Open, MissionStatus.InProgress],
  [MissionStatus.Completed]: [MissionStatus.Open, MissionStatus.InProgress, MissionStatus.Completed],
  [MissionStatus.Cancelled]: [MissionStatus.Cancelled],
};
const VALID_TRANSITIONS = new Set([
  `${MissionStatus.Draft}->${MissionStatus.Open}`,
  `${MissionStatus.Open}->${MissionStatus.InProgress}`,
  `${MissionStatus.InProgress}->${MissionStatus.Completed}`,
  `${MissionStatus.Draft}->${MissionStatus.Cancelled}`,
  `${MissionStatus.Open}->${MissionStatus.Cancelled}`,
  `${MissionStatus.InProgress}->${MissionStatus.Cancelled}`,
]);
const EXISTING_STATUSES = [
  MissionStatus.Draft,
  MissionStatus.Open,
  MissionStatus.InProgress,
  MissionStatus.Completed,
  MissionStatus.Cancelled,
];

/** Moves mission 1 (Draft in the fixture) to `status`, as the sovereign admin. */
async function moveMissionTo(f: SovereignGraph, status: number): Promise<void> {
  for (const step of PATH_TO[status]) await f.registry.connect(f.admin).transitionMission(MISSION_ID, step);
}

/** Makes a fresh account a second admin of atlas (alice offers, it accepts). */
async function addCoAdmin(f: SovereignGraph) {
  const coAdmin = await walletFor("co-admin");
  await f.registry.connect(f.admin).offerAdmin(ATLAS_ID, coAdmin.address, false);
  await f.registry.connect(coAdmin).acceptAdmin(ATLAS_ID);
  return coAdmin;
}

describe("SovereignRegistry", function () {
  describe("initialize", function () {
    it("wires governance, guardian and EAS, and cannot run again", async function () {
      const f = await fixture();
      expect(await f.registry.governance()).to.equal(f.timelockAddress);
      expect(await f.registry.guardian()).to.equal(f.guardian.address);
      expect(await f.registry.eas()).to.equal(await f.eas.getAddress());
      await expect(f.registry.initialize(f.deployer.address, ZeroAddress)).to.be.revertedWithCustomError(
        f.registry,
        "InvalidInitialization",
      );
    });
  });

  describe("register", function () {
    it("creates a sovereign whose caller is its first admin and a member", async function () {
      const f = await fixture();
      const id = 3n;
      const tx = f.registry.connect(f.member).register("cascadia", NEW_METADATA.uri, NEW_METADATA.hash);
      await expect(tx)
        .to.emit(f.registry, "SovereignRegistered")
        .withArgs(id, "cascadia", f.member.address, NEW_METADATA.uri, NEW_METADATA.hash);
      await expect(tx).to.emit(f.registry, "AdminAdded").withArgs(id, f.member.address);
      await expect(tx).to.emit(f.registry, "MemberJoined").withArgs(id, f.member.address, f.member.address);
      const sovereign = await f.registry.getSovereign(id);
      expect(sovereign.handle).to.equal("cascadia");
      expect(sovereign.metadataURI).to.equal(NEW_METADATA.uri);
      expect(sovereign.metadataHash).to.equal(NEW_METADATA.hash);
      expect(sovereign.adminCount).to.equal(1n);
      expect(sovereign.suspended).to.equal(false);
      expect(await f.registry.sovereignCount()).to.equal(id);
      expect(await f.registry.sovereignIdOf("cascadia")).to.equal(id);
      expect(await f.registry.isActive(id)).to.equal(true);
      expect(await f.registry.isAdmin(id, f.member.address)).to.equal(true);
      expect(await f.registry.isMember(id, f.member.address)).to.equal(true);
      expect(await f.registry.rolesOf(id, f.member.address)).to.equal(bit(Role.Member));
    });

    const validHandles = ["abc", "a-b", "a--b", "123", "0-x", "z".repeat(32), "network-state-2030"];
    for (const handle of validHandles) {
      it(`accepts the handle "${handle}"`, async function () {
        const f = await fixture();
        await expect(f.registry.connect(f.stranger).register(handle, NEW_METADATA.uri, NEW_METADATA.hash))
          .to.emit(f.registry, "SovereignRegistered")
          .withArgs(3n, handle, f.stranger.address, NEW_METADATA.uri, NEW_METADATA.hash);
        expect(await f.registry.sovereignIdOf(handle)).to.equal(3n);
      });
    }

    const invalidHandles: [string, string][] = [
      ["", "empty"],
      ["ab", "too short (2)"],
      ["a".repeat(33), "too long (33)"],
      ["Atlas", "uppercase"],
      ["atlaS", "uppercase at the end"],
      ["-abc", "leading '-'"],
      ["abc-", "trailing '-'"],
      ["---", "only '-'"],
      ["a_b", "underscore"],
      ["a b", "space"],
      ["a.b", "dot"],
      ["abé", "non-ASCII"],
    ];
    for (const [handle, why] of invalidHandles) {
      it(`rejects a handle that is ${why}`, async function () {
        const f = await fixture();
        await expect(f.registry.connect(f.stranger).register(handle, NEW_METADATA.uri, NEW_METADATA.hash))
          .to.be.revertedWithCustomError(f.registry, "RegistryInvalidHandle")
          .withArgs(handle);
      });
    }

    it("rejects a handle another sovereign holds", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.stranger).register("borealis", NEW_METADATA.uri, NEW_METADATA.hash))
        .to.be.revertedWithCustomError(f.registry, "RegistryHandleTaken")
        .withArgs("borealis", BOREALIS_ID);
    });

    it("rejects an empty metadata URI or a zero metadata hash", async function () {
      const f = await fixture();
      await expect(
        f.registry.connect(f.stranger).register("cascadia", "", NEW_METADATA.hash),
      ).to.be.revertedWithCustomError(f.registry, "RegistryMissingMetadata");
      await expect(
        f.registry.connect(f.stranger).register("cascadia", NEW_METADATA.uri, ZeroHash),
      ).to.be.revertedWithCustomError(f.registry, "RegistryMissingMetadata");
    });
  });

  describe("updateSovereignMetadata", function () {
    it("points the sovereign at a new metadata document", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).updateSovereignMetadata(ATLAS_ID, NEW_METADATA.uri, NEW_METADATA.hash))
        .to.emit(f.registry, "SovereignMetadataUpdated")
        .withArgs(ATLAS_ID, NEW_METADATA.uri, NEW_METADATA.hash);
      const sovereign = await f.registry.getSovereign(ATLAS_ID);
      expect(sovereign.metadataURI).to.equal(NEW_METADATA.uri);
      expect(sovereign.metadataHash).to.equal(NEW_METADATA.hash);
    });

    it("rejects missing metadata", async function () {
      const f = await fixture();
      await expect(
        f.registry.connect(f.admin).updateSovereignMetadata(ATLAS_ID, "", NEW_METADATA.hash),
      ).to.be.revertedWithCustomError(f.registry, "RegistryMissingMetadata");
      await expect(
        f.registry.connect(f.admin).updateSovereignMetadata(ATLAS_ID, NEW_METADATA.uri, ZeroHash),
      ).to.be.revertedWithCustomError(f.registry, "RegistryMissingMetadata");
    });

    it("rejects an unknown sovereign", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).updateSovereignMetadata(UNKNOWN_ID, NEW_METADATA.uri, NEW_METADATA.hash))
        .to.be.revertedWithCustomError(f.registry, "RegistryUnknownSovereign")
        .withArgs(UNKNOWN_ID);
    });
  });

  describe("suspendSovereign", function () {
    it("suspends an active sovereign", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.governance).suspendSovereign(ATLAS_ID))
        .to.emit(f.registry, "SovereignSuspended")
        .withArgs(ATLAS_ID);
      expect(await f.registry.isActive(ATLAS_ID)).to.equal(false);
      expect((await f.registry.getSovereign(ATLAS_ID)).suspended).to.equal(true);
    });

    it("rejects a sovereign that is already suspended", async function () {
      const f = await fixture();
      await f.registry.connect(f.governance).suspendSovereign(ATLAS_ID);
      await expect(f.registry.connect(f.governance).suspendSovereign(ATLAS_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistrySovereignSuspended")
        .withArgs(ATLAS_ID);
    });

    it("rejects an unknown sovereign", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.governance).suspendSovereign(UNKNOWN_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistryUnknownSovereign")
        .withArgs(UNKNOWN_ID);
    });
  });

  describe("reactivateSovereign", function () {
    it("lifts a suspension", async function () {
      const f = await fixture();
      await f.registry.connect(f.governance).suspendSovereign(ATLAS_ID);
      await expect(f.registry.connect(f.governance).reactivateSovereign(ATLAS_ID))
        .to.emit(f.registry, "SovereignReactivated")
        .withArgs(ATLAS_ID);
      expect(await f.registry.isActive(ATLAS_ID)).to.equal(true);
      expect((await f.registry.getSovereign(ATLAS_ID)).suspended).to.equal(false);
    });

    it("rejects a sovereign that is not suspended", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.governance).reactivateSovereign(ATLAS_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistrySovereignNotSuspended")
        .withArgs(ATLAS_ID);
    });

    it("rejects an unknown sovereign", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.governance).reactivateSovereign(UNKNOWN_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistryUnknownSovereign")
        .withArgs(UNKNOWN_ID);
    });
  });

  describe("a suspended sovereign", function () {
    /** Every state change inside atlas, with the account that may make it while atlas is active. */
    const ACTIONS: [string, (f: SovereignGraph) => Promise<ContractTransactionResponse>][] = [
      [
        "updateSovereignMetadata",
        (f) => f.registry.connect(f.admin).updateSovereignMetadata(ATLAS_ID, NEW_METADATA.uri, NEW_METADATA.hash),
      ],
      ["offerAdmin", (f) => f.registry.connect(f.admin).offerAdmin(ATLAS_ID, NEWCOMER, false)],
      ["removeAdmin", (f) => f.registry.connect(f.admin).removeAdmin(ATLAS_ID, walletAddress("co-admin"))],
      ["acceptAdmin", async (f) => f.registry.connect(await walletFor("candidate")).acceptAdmin(ATLAS_ID)],
      ["invite", (f) => f.registry.connect(f.admin).invite(ATLAS_ID, NEWCOMER)],
      ["cancelInvitation", (f) => f.registry.connect(f.admin).cancelInvitation(ATLAS_ID, f.invitee.address)],
      ["acceptInvitation", (f) => f.registry.connect(f.invitee).acceptInvitation(ATLAS_ID)],
      ["applyForMembership", (f) => f.registry.connect(f.stranger).applyForMembership(ATLAS_ID)],
      ["approveApplication", (f) => f.registry.connect(f.admin).approveApplication(ATLAS_ID, f.applicant.address)],
      ["rejectApplication", (f) => f.registry.connect(f.admin).rejectApplication(ATLAS_ID, f.applicant.address)],
      ["leave", (f) => f.registry.connect(f.member).leave(ATLAS_ID)],
      ["removeMember", (f) => f.registry.connect(f.admin).removeMember(ATLAS_ID, f.bystander.address)],
      ["grantRole", (f) => f.registry.connect(f.admin).grantRole(ATLAS_ID, f.bystander.address, Role.Arbiter)],
      ["revokeRole", (f) => f.registry.connect(f.admin).revokeRole(ATLAS_ID, f.contributor.address, Role.Contributor)],
      ["registerAgent", (f) => f.registry.connect(f.admin).registerAgent(ATLAS_ID, NEWCOMER, f.agentOperator.address)],
      [
        "createOrganization",
        (f) =>
          f.registry
            .connect(f.admin)
            .createOrganization(ATLAS_ID, f.member.address, NEW_METADATA.uri, NEW_METADATA.hash),
      ],
      [
        "setOrganizationAdmin",
        (f) => f.registry.connect(f.orgAdmin).setOrganizationAdmin(ORGANIZATION_ID, f.bystander.address, true),
      ],
      [
        "addOrganizationMember",
        (f) => f.registry.connect(f.orgAdmin).addOrganizationMember(ORGANIZATION_ID, f.bystander.address),
      ],
      [
        "removeOrganizationMember (by an admin)",
        (f) => f.registry.connect(f.orgAdmin).removeOrganizationMember(ORGANIZATION_ID, f.orgMember.address),
      ],
      [
        "removeOrganizationMember (by the member)",
        (f) => f.registry.connect(f.orgMember).removeOrganizationMember(ORGANIZATION_ID, f.orgMember.address),
      ],
      [
        "createMission",
        (f) => f.registry.connect(f.operator).createMission(ATLAS_ID, 0n, NEW_METADATA.uri, NEW_METADATA.hash),
      ],
      [
        "transitionMission",
        (f) => f.registry.connect(f.missionOwner).transitionMission(MISSION_ID, MissionStatus.Open),
      ],
      [
        "updateMissionMetadata",
        (f) =>
          f.registry.connect(f.missionOwner).updateMissionMetadata(MISSION_ID, NEW_METADATA.uri, NEW_METADATA.hash),
      ],
      ["trustIssuer", (f) => f.registry.connect(f.admin).trustIssuer(ATLAS_ID, f.schemas.skillCredential, NEWCOMER)],
      [
        "untrustIssuer",
        (f) => f.registry.connect(f.admin).untrustIssuer(ATLAS_ID, f.schemas.skillCredential, f.issuer.address),
      ],
      ["recognize", (f) => f.registry.connect(f.admin).recognize(ATLAS_ID, BOREALIS_ID)],
      ["revokeRecognition", (f) => f.registry.connect(f.admin).revokeRecognition(ATLAS_ID, BOREALIS_ID)],
    ];

    /** Atlas with a second admin and a pending adminship offer, then suspended. */
    async function suspendedFixture() {
      const f = await sovereignGraphFixture();
      await addCoAdmin(f);
      await f.registry.connect(f.admin).offerAdmin(ATLAS_ID, walletAddress("candidate"), false);
      await f.registry.connect(f.governance).suspendSovereign(ATLAS_ID);
      return f;
    }

    for (const [name, action] of ACTIONS) {
      it(`rejects ${name} with RegistrySovereignSuspended`, async function () {
        const f = await loadFixture(suspendedFixture);
        await expect(action(f))
          .to.be.revertedWithCustomError(f.registry, "RegistrySovereignSuspended")
          .withArgs(ATLAS_ID);
      });
    }

    it("accepts every one of them again once governance reactivates it", async function () {
      const f = await loadFixture(suspendedFixture);
      await f.registry.connect(f.governance).reactivateSovereign(ATLAS_ID);
      for (const [name, action] of ACTIONS) {
        // A fresh snapshot per action: some of them undo the state another one needs.
        const snapshot = await networkHelpers.takeSnapshot();
        await expect(action(f), name).not.to.revert(ethers);
        await snapshot.restore();
      }
    });
  });

  describe("offerAdmin", function () {
    it("records an offer to the candidate", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).offerAdmin(ATLAS_ID, f.member.address, true))
        .to.emit(f.registry, "AdminOffered")
        .withArgs(ATLAS_ID, f.member.address, f.admin.address, true);
      const [offeredBy, handOver] = await f.registry.adminOffer(ATLAS_ID, f.member.address);
      expect(offeredBy).to.equal(f.admin.address);
      expect(handOver).to.equal(true);
    });

    it("replaces an earlier offer to the same candidate", async function () {
      const f = await fixture();
      const coAdmin = await addCoAdmin(f);
      await f.registry.connect(f.admin).offerAdmin(ATLAS_ID, f.member.address, true);
      await f.registry.connect(coAdmin).offerAdmin(ATLAS_ID, f.member.address, false);
      const [offeredBy, handOver] = await f.registry.adminOffer(ATLAS_ID, f.member.address);
      expect(offeredBy).to.equal(coAdmin.address);
      expect(handOver).to.equal(false);
    });

    it("rejects the zero address", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).offerAdmin(ATLAS_ID, ZeroAddress, false)).to.be.revertedWithCustomError(
        f.registry,
        "RegistryZeroAccount",
      );
    });

    it("rejects a candidate who is already an admin", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).offerAdmin(ATLAS_ID, f.admin.address, false))
        .to.be.revertedWithCustomError(f.registry, "RegistryAlreadyAdmin")
        .withArgs(ATLAS_ID, f.admin.address);
    });
  });

  describe("acceptAdmin", function () {
    it("adds the candidate as a further admin when the offer does not hand over", async function () {
      const f = await fixture();
      await f.registry.connect(f.admin).offerAdmin(ATLAS_ID, f.member.address, false);
      const tx = f.registry.connect(f.member).acceptAdmin(ATLAS_ID);
      await expect(tx).to.emit(f.registry, "AdminAdded").withArgs(ATLAS_ID, f.member.address);
      await expect(tx).not.to.emit(f.registry, "AdminRemoved");
      expect(await f.registry.isAdmin(ATLAS_ID, f.member.address)).to.equal(true);
      expect(await f.registry.isAdmin(ATLAS_ID, f.admin.address)).to.equal(true);
      expect((await f.registry.getSovereign(ATLAS_ID)).adminCount).to.equal(2n);
      const [offeredBy] = await f.registry.adminOffer(ATLAS_ID, f.member.address);
      expect(offeredBy).to.equal(ZeroAddress);
    });

    it("swaps the offering admin for the candidate when the offer hands over", async function () {
      const f = await fixture();
      await f.registry.connect(f.admin).offerAdmin(ATLAS_ID, f.member.address, true);
      const tx = f.registry.connect(f.member).acceptAdmin(ATLAS_ID);
      await expect(tx).to.emit(f.registry, "AdminAdded").withArgs(ATLAS_ID, f.member.address);
      await expect(tx).to.emit(f.registry, "AdminRemoved").withArgs(ATLAS_ID, f.admin.address, f.admin.address);
      expect(await f.registry.isAdmin(ATLAS_ID, f.member.address)).to.equal(true);
      expect(await f.registry.isAdmin(ATLAS_ID, f.admin.address)).to.equal(false);
      expect(await f.registry.isMember(ATLAS_ID, f.admin.address)).to.equal(true);
      expect((await f.registry.getSovereign(ATLAS_ID)).adminCount).to.equal(1n);
    });

    it("lets a non-member accept (adminship is separate from membership)", async function () {
      const f = await fixture();
      await f.registry.connect(f.admin).offerAdmin(ATLAS_ID, f.stranger.address, false);
      await expect(f.registry.connect(f.stranger).acceptAdmin(ATLAS_ID))
        .to.emit(f.registry, "AdminAdded")
        .withArgs(ATLAS_ID, f.stranger.address);
      expect(await f.registry.isMember(ATLAS_ID, f.stranger.address)).to.equal(false);
    });

    it("rejects an account holding no offer", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.member).acceptAdmin(ATLAS_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistryNoAdminOffer")
        .withArgs(ATLAS_ID, f.member.address);
    });

    it("rejects an offer whose offerer was removed as admin since", async function () {
      const f = await fixture();
      const coAdmin = await addCoAdmin(f);
      await f.registry.connect(coAdmin).offerAdmin(ATLAS_ID, f.member.address, false);
      await f.registry.connect(f.admin).removeAdmin(ATLAS_ID, coAdmin.address);
      await expect(f.registry.connect(f.member).acceptAdmin(ATLAS_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistryNoAdminOffer")
        .withArgs(ATLAS_ID, f.member.address);
    });

    it("rejects an offer whose offerer handed adminship over to someone else since", async function () {
      const f = await fixture();
      await f.registry.connect(f.admin).offerAdmin(ATLAS_ID, f.member.address, false);
      await f.registry.connect(f.admin).offerAdmin(ATLAS_ID, f.contributor.address, true);
      await f.registry.connect(f.contributor).acceptAdmin(ATLAS_ID);
      await expect(f.registry.connect(f.member).acceptAdmin(ATLAS_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistryNoAdminOffer")
        .withArgs(ATLAS_ID, f.member.address);
      expect((await f.registry.getSovereign(ATLAS_ID)).adminCount).to.equal(1n);
    });

    it("rejects an unknown sovereign", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.member).acceptAdmin(UNKNOWN_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistryUnknownSovereign")
        .withArgs(UNKNOWN_ID);
    });
  });

  describe("removeAdmin", function () {
    it("removes another admin", async function () {
      const f = await fixture();
      const coAdmin = await addCoAdmin(f);
      await expect(f.registry.connect(f.admin).removeAdmin(ATLAS_ID, coAdmin.address))
        .to.emit(f.registry, "AdminRemoved")
        .withArgs(ATLAS_ID, coAdmin.address, f.admin.address);
      expect(await f.registry.isAdmin(ATLAS_ID, coAdmin.address)).to.equal(false);
      expect((await f.registry.getSovereign(ATLAS_ID)).adminCount).to.equal(1n);
    });

    it("lets an admin step down while another admin remains", async function () {
      const f = await fixture();
      await addCoAdmin(f);
      await expect(f.registry.connect(f.admin).removeAdmin(ATLAS_ID, f.admin.address))
        .to.emit(f.registry, "AdminRemoved")
        .withArgs(ATLAS_ID, f.admin.address, f.admin.address);
      expect(await f.registry.isAdmin(ATLAS_ID, f.admin.address)).to.equal(false);
    });

    it("never removes the last admin", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).removeAdmin(ATLAS_ID, f.admin.address))
        .to.be.revertedWithCustomError(f.registry, "RegistryLastAdmin")
        .withArgs(ATLAS_ID, f.admin.address);
    });

    it("rejects a target that is not an admin", async function () {
      const f = await fixture();
      await addCoAdmin(f);
      await expect(f.registry.connect(f.admin).removeAdmin(ATLAS_ID, f.member.address))
        .to.be.revertedWithCustomError(f.registry, "RegistryNotSovereignAdmin")
        .withArgs(ATLAS_ID, f.member.address);
    });
  });

  describe("invite", function () {
    it("records a pending invitation", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).invite(ATLAS_ID, f.stranger.address))
        .to.emit(f.registry, "MemberInvited")
        .withArgs(ATLAS_ID, f.stranger.address, f.admin.address);
      const [invitedBy, applied] = await f.registry.pendingMembership(ATLAS_ID, f.stranger.address);
      expect(invitedBy).to.equal(f.admin.address);
      expect(applied).to.equal(false);
      expect(await f.registry.isMember(ATLAS_ID, f.stranger.address)).to.equal(false);
    });

    it("rejects the zero address", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).invite(ATLAS_ID, ZeroAddress)).to.be.revertedWithCustomError(
        f.registry,
        "RegistryZeroAccount",
      );
    });

    it("rejects a member", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).invite(ATLAS_ID, f.member.address))
        .to.be.revertedWithCustomError(f.registry, "RegistryAlreadyMember")
        .withArgs(ATLAS_ID, f.member.address);
    });

    it("rejects an account already invited", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).invite(ATLAS_ID, f.invitee.address))
        .to.be.revertedWithCustomError(f.registry, "RegistryAlreadyInvited")
        .withArgs(ATLAS_ID, f.invitee.address);
    });
  });

  describe("cancelInvitation", function () {
    it("withdraws a pending invitation, which can then not be accepted", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).cancelInvitation(ATLAS_ID, f.invitee.address))
        .to.emit(f.registry, "InvitationCancelled")
        .withArgs(ATLAS_ID, f.invitee.address, f.admin.address);
      const [invitedBy] = await f.registry.pendingMembership(ATLAS_ID, f.invitee.address);
      expect(invitedBy).to.equal(ZeroAddress);
      await expect(f.registry.connect(f.invitee).acceptInvitation(ATLAS_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistryNoInvitation")
        .withArgs(ATLAS_ID, f.invitee.address);
    });

    it("rejects an account with no invitation", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).cancelInvitation(ATLAS_ID, f.stranger.address))
        .to.be.revertedWithCustomError(f.registry, "RegistryNoInvitation")
        .withArgs(ATLAS_ID, f.stranger.address);
    });
  });

  describe("acceptInvitation", function () {
    it("makes the invited account a member, admitted by the inviting admin", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.invitee).acceptInvitation(ATLAS_ID))
        .to.emit(f.registry, "MemberJoined")
        .withArgs(ATLAS_ID, f.invitee.address, f.admin.address);
      expect(await f.registry.isMember(ATLAS_ID, f.invitee.address)).to.equal(true);
      expect(await f.registry.rolesOf(ATLAS_ID, f.invitee.address)).to.equal(bit(Role.Member));
      const [invitedBy, applied] = await f.registry.pendingMembership(ATLAS_ID, f.invitee.address);
      expect(invitedBy).to.equal(ZeroAddress);
      expect(applied).to.equal(false);
    });

    it("clears a pending application of the same account", async function () {
      const f = await fixture();
      await f.registry.connect(f.admin).invite(ATLAS_ID, f.applicant.address);
      await f.registry.connect(f.applicant).acceptInvitation(ATLAS_ID);
      const [, applied] = await f.registry.pendingMembership(ATLAS_ID, f.applicant.address);
      expect(applied).to.equal(false);
    });

    it("rejects an account with no invitation", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.stranger).acceptInvitation(ATLAS_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistryNoInvitation")
        .withArgs(ATLAS_ID, f.stranger.address);
    });

    it("rejects an unknown sovereign", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.invitee).acceptInvitation(UNKNOWN_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistryUnknownSovereign")
        .withArgs(UNKNOWN_ID);
    });

    it("rejects an invitation whose inviter is no longer an admin", async function () {
      const f = await fixture();
      const coAdmin = await addCoAdmin(f);
      await f.registry.connect(coAdmin).invite(ATLAS_ID, f.stranger.address);
      await f.registry.connect(f.admin).removeAdmin(ATLAS_ID, coAdmin.address);
      await expect(f.registry.connect(f.stranger).acceptInvitation(ATLAS_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistryNoInvitation")
        .withArgs(ATLAS_ID, f.stranger.address);
      expect(await f.registry.isMember(ATLAS_ID, f.stranger.address)).to.equal(false);
    });
  });

  describe("applyForMembership", function () {
    it("records a pending application", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.stranger).applyForMembership(ATLAS_ID))
        .to.emit(f.registry, "MembershipApplied")
        .withArgs(ATLAS_ID, f.stranger.address);
      const [invitedBy, applied] = await f.registry.pendingMembership(ATLAS_ID, f.stranger.address);
      expect(invitedBy).to.equal(ZeroAddress);
      expect(applied).to.equal(true);
    });

    it("rejects a second application", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.applicant).applyForMembership(ATLAS_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistryAlreadyApplied")
        .withArgs(ATLAS_ID, f.applicant.address);
    });

    it("rejects a member", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.member).applyForMembership(ATLAS_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistryAlreadyMember")
        .withArgs(ATLAS_ID, f.member.address);
    });

    it("rejects an unknown sovereign", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.stranger).applyForMembership(UNKNOWN_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistryUnknownSovereign")
        .withArgs(UNKNOWN_ID);
    });
  });

  describe("approveApplication", function () {
    it("makes the applicant a member, admitted by the approving admin", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).approveApplication(ATLAS_ID, f.applicant.address))
        .to.emit(f.registry, "MemberJoined")
        .withArgs(ATLAS_ID, f.applicant.address, f.admin.address);
      expect(await f.registry.isMember(ATLAS_ID, f.applicant.address)).to.equal(true);
      const [, applied] = await f.registry.pendingMembership(ATLAS_ID, f.applicant.address);
      expect(applied).to.equal(false);
    });

    it("rejects an account that did not apply", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).approveApplication(ATLAS_ID, f.stranger.address))
        .to.be.revertedWithCustomError(f.registry, "RegistryNoApplication")
        .withArgs(ATLAS_ID, f.stranger.address);
    });
  });

  describe("rejectApplication", function () {
    it("drops the application, after which the account may apply again", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).rejectApplication(ATLAS_ID, f.applicant.address))
        .to.emit(f.registry, "ApplicationRejected")
        .withArgs(ATLAS_ID, f.applicant.address, f.admin.address);
      const [, applied] = await f.registry.pendingMembership(ATLAS_ID, f.applicant.address);
      expect(applied).to.equal(false);
      expect(await f.registry.isMember(ATLAS_ID, f.applicant.address)).to.equal(false);
      await expect(f.registry.connect(f.applicant).applyForMembership(ATLAS_ID))
        .to.emit(f.registry, "MembershipApplied")
        .withArgs(ATLAS_ID, f.applicant.address);
    });

    it("rejects an account that did not apply", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).rejectApplication(ATLAS_ID, f.stranger.address))
        .to.be.revertedWithCustomError(f.registry, "RegistryNoApplication")
        .withArgs(ATLAS_ID, f.stranger.address);
    });
  });

  describe("leave", function () {
    it("ends the caller's membership with every role", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.contributor).leave(ATLAS_ID))
        .to.emit(f.registry, "MemberLeft")
        .withArgs(ATLAS_ID, f.contributor.address);
      expect(await f.registry.isMember(ATLAS_ID, f.contributor.address)).to.equal(false);
      expect(await f.registry.rolesOf(ATLAS_ID, f.contributor.address)).to.equal(0n);
    });

    it("clears an agent's operator", async function () {
      const f = await fixture();
      await f.registry.connect(f.agent).leave(ATLAS_ID);
      expect(await f.registry.agentOperator(ATLAS_ID, f.agent.address)).to.equal(ZeroAddress);
      expect(await f.registry.hasRole(ATLAS_ID, f.agent.address, Role.Agent)).to.equal(false);
    });

    it("leaves an agent its role and recorded operator when the operator leaves", async function () {
      const f = await fixture();
      await f.registry.connect(f.agentOperator).leave(ATLAS_ID);
      expect(await f.registry.hasRole(ATLAS_ID, f.agent.address, Role.Agent)).to.equal(true);
      expect(await f.registry.agentOperator(ATLAS_ID, f.agent.address)).to.equal(f.agentOperator.address);
    });

    it("leaves adminship alone (an admin is removed with removeAdmin)", async function () {
      const f = await fixture();
      await f.registry.connect(f.admin).leave(ATLAS_ID);
      expect(await f.registry.isMember(ATLAS_ID, f.admin.address)).to.equal(false);
      expect(await f.registry.isAdmin(ATLAS_ID, f.admin.address)).to.equal(true);
    });

    it("lets a former member be invited and join again", async function () {
      const f = await fixture();
      await f.registry.connect(f.member).leave(ATLAS_ID);
      await f.registry.connect(f.admin).invite(ATLAS_ID, f.member.address);
      await f.registry.connect(f.member).acceptInvitation(ATLAS_ID);
      expect(await f.registry.rolesOf(ATLAS_ID, f.member.address)).to.equal(bit(Role.Member));
    });

    it("rejects a non-member", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.stranger).leave(ATLAS_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistryNotMember")
        .withArgs(ATLAS_ID, f.stranger.address);
    });
  });

  describe("removeMember", function () {
    it("ends a membership with every role", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).removeMember(ATLAS_ID, f.operator.address))
        .to.emit(f.registry, "MemberRemoved")
        .withArgs(ATLAS_ID, f.operator.address, f.admin.address);
      expect(await f.registry.isMember(ATLAS_ID, f.operator.address)).to.equal(false);
      expect(await f.registry.rolesOf(ATLAS_ID, f.operator.address)).to.equal(0n);
    });

    it("clears a removed agent's operator", async function () {
      const f = await fixture();
      await f.registry.connect(f.admin).removeMember(ATLAS_ID, f.agent.address);
      expect(await f.registry.agentOperator(ATLAS_ID, f.agent.address)).to.equal(ZeroAddress);
    });

    it("rejects a non-member", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).removeMember(ATLAS_ID, f.stranger.address))
        .to.be.revertedWithCustomError(f.registry, "RegistryNotMember")
        .withArgs(ATLAS_ID, f.stranger.address);
    });
  });

  describe("grantRole", function () {
    for (const role of GRANTABLE) {
      it(`grants ${roleName(role)} to a member`, async function () {
        const f = await fixture();
        await expect(f.registry.connect(f.admin).grantRole(ATLAS_ID, f.member.address, role))
          .to.emit(f.registry, "RoleGranted")
          .withArgs(ATLAS_ID, f.member.address, role, f.admin.address);
        expect(await f.registry.hasRole(ATLAS_ID, f.member.address, role)).to.equal(true);
        expect(await f.registry.rolesOf(ATLAS_ID, f.member.address)).to.equal(bit(Role.Member) | bit(role));
      });

      it(`rejects granting ${roleName(role)} twice`, async function () {
        const f = await fixture();
        await f.registry.connect(f.admin).grantRole(ATLAS_ID, f.member.address, role);
        await expect(f.registry.connect(f.admin).grantRole(ATLAS_ID, f.member.address, role))
          .to.be.revertedWithCustomError(f.registry, "RegistryRoleAlreadyGranted")
          .withArgs(ATLAS_ID, f.member.address, role);
      });
    }

    for (const role of [Role.Member, Role.Agent]) {
      it(`rejects ${roleName(role)}, which grantRole does not give`, async function () {
        const f = await fixture();
        await expect(f.registry.connect(f.admin).grantRole(ATLAS_ID, f.member.address, role))
          .to.be.revertedWithCustomError(f.registry, "RegistryRoleNotGrantable")
          .withArgs(role);
      });
    }

    it("rejects a non-member", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).grantRole(ATLAS_ID, f.stranger.address, Role.Contributor))
        .to.be.revertedWithCustomError(f.registry, "RegistryNotMember")
        .withArgs(ATLAS_ID, f.stranger.address);
    });
  });

  describe("revokeRole", function () {
    const holders: [number, (f: SovereignGraph) => Signer][] = [
      [Role.Contributor, (f) => f.contributor],
      [Role.Issuer, (f) => f.issuer],
      [Role.Verifier, (f) => f.verifier],
      [Role.Arbiter, (f) => f.arbiter],
      [Role.Operator, (f) => f.operator],
      [Role.Agent, (f) => f.agent],
    ];
    for (const [role, holder] of holders) {
      it(`revokes ${roleName(role)}, leaving the account a member`, async function () {
        const f = await fixture();
        const account = await holder(f).getAddress();
        await expect(f.registry.connect(f.admin).revokeRole(ATLAS_ID, account, role))
          .to.emit(f.registry, "RoleRevoked")
          .withArgs(ATLAS_ID, account, role, f.admin.address);
        expect(await f.registry.hasRole(ATLAS_ID, account, role)).to.equal(false);
        expect(await f.registry.rolesOf(ATLAS_ID, account)).to.equal(bit(Role.Member));
      });

      it(`rejects revoking ${roleName(role)} from an account not holding it`, async function () {
        const f = await fixture();
        await expect(f.registry.connect(f.admin).revokeRole(ATLAS_ID, f.member.address, role))
          .to.be.revertedWithCustomError(f.registry, "RegistryRoleNotHeld")
          .withArgs(ATLAS_ID, f.member.address, role);
      });
    }

    it("clears the operator of a revoked agent", async function () {
      const f = await fixture();
      expect(await f.registry.agentOperator(ATLAS_ID, f.agent.address)).to.equal(f.agentOperator.address);
      await f.registry.connect(f.admin).revokeRole(ATLAS_ID, f.agent.address, Role.Agent);
      expect(await f.registry.agentOperator(ATLAS_ID, f.agent.address)).to.equal(ZeroAddress);
    });

    it("rejects Member, which only removeMember ends", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).revokeRole(ATLAS_ID, f.member.address, Role.Member))
        .to.be.revertedWithCustomError(f.registry, "RegistryRoleNotGrantable")
        .withArgs(Role.Member);
    });
  });

  describe("registerAgent", function () {
    it("admits a new account as a member holding the Agent role, with its operator", async function () {
      const f = await fixture();
      const tx = f.registry.connect(f.admin).registerAgent(ATLAS_ID, NEWCOMER, f.agentOperator.address);
      await expect(tx).to.emit(f.registry, "MemberJoined").withArgs(ATLAS_ID, NEWCOMER, f.admin.address);
      await expect(tx)
        .to.emit(f.registry, "AgentRegistered")
        .withArgs(ATLAS_ID, NEWCOMER, f.agentOperator.address, f.admin.address);
      await expect(tx).to.emit(f.registry, "RoleGranted").withArgs(ATLAS_ID, NEWCOMER, Role.Agent, f.admin.address);
      expect(await f.registry.rolesOf(ATLAS_ID, NEWCOMER)).to.equal(bit(Role.Member) | bit(Role.Agent));
      expect(await f.registry.agentOperator(ATLAS_ID, NEWCOMER)).to.equal(f.agentOperator.address);
    });

    it("gives an existing member the Agent role without admitting it again", async function () {
      const f = await fixture();
      const tx = f.registry.connect(f.admin).registerAgent(ATLAS_ID, f.contributor.address, f.member.address);
      await expect(tx).not.to.emit(f.registry, "MemberJoined");
      await expect(tx)
        .to.emit(f.registry, "AgentRegistered")
        .withArgs(ATLAS_ID, f.contributor.address, f.member.address, f.admin.address);
      expect(await f.registry.rolesOf(ATLAS_ID, f.contributor.address)).to.equal(
        bit(Role.Member) | bit(Role.Contributor) | bit(Role.Agent),
      );
    });

    it("rejects an operator who is not a member", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).registerAgent(ATLAS_ID, NEWCOMER, f.stranger.address))
        .to.be.revertedWithCustomError(f.registry, "RegistryAgentOperatorNotMember")
        .withArgs(ATLAS_ID, f.stranger.address);
    });

    it("rejects the zero address as agent", async function () {
      const f = await fixture();
      await expect(
        f.registry.connect(f.admin).registerAgent(ATLAS_ID, ZeroAddress, f.agentOperator.address),
      ).to.be.revertedWithCustomError(f.registry, "RegistryZeroAccount");
    });

    it("rejects an account that already is an agent", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).registerAgent(ATLAS_ID, f.agent.address, f.member.address))
        .to.be.revertedWithCustomError(f.registry, "RegistryRoleAlreadyGranted")
        .withArgs(ATLAS_ID, f.agent.address, Role.Agent);
    });
  });

  describe("createOrganization", function () {
    it("creates an organization whose first admin is a sovereign member", async function () {
      const f = await fixture();
      const id = ORGANIZATION_ID + 1n;
      const tx = f.registry
        .connect(f.admin)
        .createOrganization(ATLAS_ID, f.member.address, NEW_METADATA.uri, NEW_METADATA.hash);
      await expect(tx)
        .to.emit(f.registry, "OrganizationCreated")
        .withArgs(id, ATLAS_ID, f.member.address, NEW_METADATA.uri, NEW_METADATA.hash);
      await expect(tx)
        .to.emit(f.registry, "OrganizationAdminSet")
        .withArgs(id, f.member.address, true, f.admin.address);
      await expect(tx).to.emit(f.registry, "OrganizationMemberAdded").withArgs(id, f.member.address, f.admin.address);
      const organization = await f.registry.getOrganization(id);
      expect(organization.sovereignId).to.equal(ATLAS_ID);
      expect(organization.metadataURI).to.equal(NEW_METADATA.uri);
      expect(organization.metadataHash).to.equal(NEW_METADATA.hash);
      expect(await f.registry.organizationCount()).to.equal(id);
      expect(await f.registry.isOrganizationAdmin(id, f.member.address)).to.equal(true);
      expect(await f.registry.isOrganizationMember(id, f.member.address)).to.equal(true);
    });

    it("rejects a first admin who is not a member of the sovereign", async function () {
      const f = await fixture();
      await expect(
        f.registry
          .connect(f.admin)
          .createOrganization(ATLAS_ID, f.stranger.address, NEW_METADATA.uri, NEW_METADATA.hash),
      )
        .to.be.revertedWithCustomError(f.registry, "RegistryNotMember")
        .withArgs(ATLAS_ID, f.stranger.address);
    });

    it("rejects missing metadata", async function () {
      const f = await fixture();
      await expect(
        f.registry.connect(f.admin).createOrganization(ATLAS_ID, f.member.address, "", NEW_METADATA.hash),
      ).to.be.revertedWithCustomError(f.registry, "RegistryMissingMetadata");
      await expect(
        f.registry.connect(f.admin).createOrganization(ATLAS_ID, f.member.address, NEW_METADATA.uri, ZeroHash),
      ).to.be.revertedWithCustomError(f.registry, "RegistryMissingMetadata");
    });
  });

  describe("setOrganizationAdmin", function () {
    it("makes a sovereign member an organization admin and member", async function () {
      const f = await fixture();
      const tx = f.registry.connect(f.orgAdmin).setOrganizationAdmin(ORGANIZATION_ID, f.member.address, true);
      await expect(tx)
        .to.emit(f.registry, "OrganizationAdminSet")
        .withArgs(ORGANIZATION_ID, f.member.address, true, f.orgAdmin.address);
      await expect(tx)
        .to.emit(f.registry, "OrganizationMemberAdded")
        .withArgs(ORGANIZATION_ID, f.member.address, f.orgAdmin.address);
      expect(await f.registry.isOrganizationAdmin(ORGANIZATION_ID, f.member.address)).to.equal(true);
      expect(await f.registry.isOrganizationMember(ORGANIZATION_ID, f.member.address)).to.equal(true);
    });

    it("promotes an organization member without adding it again", async function () {
      const f = await fixture();
      const tx = f.registry.connect(f.admin).setOrganizationAdmin(ORGANIZATION_ID, f.orgMember.address, true);
      await expect(tx)
        .to.emit(f.registry, "OrganizationAdminSet")
        .withArgs(ORGANIZATION_ID, f.orgMember.address, true, f.admin.address);
      await expect(tx).not.to.emit(f.registry, "OrganizationMemberAdded");
    });

    it("demotes an organization admin, who stays an organization member", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).setOrganizationAdmin(ORGANIZATION_ID, f.orgAdmin.address, false))
        .to.emit(f.registry, "OrganizationAdminSet")
        .withArgs(ORGANIZATION_ID, f.orgAdmin.address, false, f.admin.address);
      expect(await f.registry.isOrganizationAdmin(ORGANIZATION_ID, f.orgAdmin.address)).to.equal(false);
      expect(await f.registry.isOrganizationMember(ORGANIZATION_ID, f.orgAdmin.address)).to.equal(true);
    });

    it("rejects a change that changes nothing", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).setOrganizationAdmin(ORGANIZATION_ID, f.orgAdmin.address, true))
        .to.be.revertedWithCustomError(f.registry, "RegistryOrganizationUnchanged")
        .withArgs(ORGANIZATION_ID, f.orgAdmin.address);
      await expect(f.registry.connect(f.admin).setOrganizationAdmin(ORGANIZATION_ID, f.orgMember.address, false))
        .to.be.revertedWithCustomError(f.registry, "RegistryOrganizationUnchanged")
        .withArgs(ORGANIZATION_ID, f.orgMember.address);
    });

    it("rejects an account that is not a member of the sovereign", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).setOrganizationAdmin(ORGANIZATION_ID, f.stranger.address, true))
        .to.be.revertedWithCustomError(f.registry, "RegistryNotMember")
        .withArgs(ATLAS_ID, f.stranger.address);
    });

    it("rejects an unknown organization", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).setOrganizationAdmin(UNKNOWN_ID, f.member.address, true))
        .to.be.revertedWithCustomError(f.registry, "RegistryUnknownOrganization")
        .withArgs(UNKNOWN_ID);
    });
  });

  describe("addOrganizationMember", function () {
    it("adds a sovereign member to the organization", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.orgAdmin).addOrganizationMember(ORGANIZATION_ID, f.member.address))
        .to.emit(f.registry, "OrganizationMemberAdded")
        .withArgs(ORGANIZATION_ID, f.member.address, f.orgAdmin.address);
      expect(await f.registry.isOrganizationMember(ORGANIZATION_ID, f.member.address)).to.equal(true);
      expect(await f.registry.isOrganizationAdmin(ORGANIZATION_ID, f.member.address)).to.equal(false);
    });

    it("rejects an organization member", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.orgAdmin).addOrganizationMember(ORGANIZATION_ID, f.orgMember.address))
        .to.be.revertedWithCustomError(f.registry, "RegistryOrganizationUnchanged")
        .withArgs(ORGANIZATION_ID, f.orgMember.address);
    });

    it("rejects an account that is not a member of the sovereign", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.orgAdmin).addOrganizationMember(ORGANIZATION_ID, f.stranger.address))
        .to.be.revertedWithCustomError(f.registry, "RegistryNotMember")
        .withArgs(ATLAS_ID, f.stranger.address);
    });

    it("rejects an unknown organization", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).addOrganizationMember(UNKNOWN_ID, f.member.address))
        .to.be.revertedWithCustomError(f.registry, "RegistryUnknownOrganization")
        .withArgs(UNKNOWN_ID);
    });
  });

  describe("removeOrganizationMember", function () {
    it("lets an organization admin remove a member", async function () {
      const f = await fixture();
      const tx = f.registry.connect(f.orgAdmin).removeOrganizationMember(ORGANIZATION_ID, f.orgMember.address);
      await expect(tx)
        .to.emit(f.registry, "OrganizationMemberRemoved")
        .withArgs(ORGANIZATION_ID, f.orgMember.address, f.orgAdmin.address);
      await expect(tx).not.to.emit(f.registry, "OrganizationAdminSet");
      expect(await f.registry.isOrganizationMember(ORGANIZATION_ID, f.orgMember.address)).to.equal(false);
    });

    it("removes an organization admin's adminship with its membership", async function () {
      const f = await fixture();
      const tx = f.registry.connect(f.admin).removeOrganizationMember(ORGANIZATION_ID, f.orgAdmin.address);
      await expect(tx)
        .to.emit(f.registry, "OrganizationAdminSet")
        .withArgs(ORGANIZATION_ID, f.orgAdmin.address, false, f.admin.address);
      await expect(tx)
        .to.emit(f.registry, "OrganizationMemberRemoved")
        .withArgs(ORGANIZATION_ID, f.orgAdmin.address, f.admin.address);
      expect(await f.registry.isOrganizationAdmin(ORGANIZATION_ID, f.orgAdmin.address)).to.equal(false);
      expect(await f.registry.isOrganizationMember(ORGANIZATION_ID, f.orgAdmin.address)).to.equal(false);
    });

    it("lets a member leave the organization itself", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.orgMember).removeOrganizationMember(ORGANIZATION_ID, f.orgMember.address))
        .to.emit(f.registry, "OrganizationMemberRemoved")
        .withArgs(ORGANIZATION_ID, f.orgMember.address, f.orgMember.address);
      expect(await f.registry.isOrganizationMember(ORGANIZATION_ID, f.orgMember.address)).to.equal(false);
    });

    it("rejects an account that is not in the organization", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.orgAdmin).removeOrganizationMember(ORGANIZATION_ID, f.member.address))
        .to.be.revertedWithCustomError(f.registry, "RegistryOrganizationUnchanged")
        .withArgs(ORGANIZATION_ID, f.member.address);
      await expect(f.registry.connect(f.member).removeOrganizationMember(ORGANIZATION_ID, f.member.address))
        .to.be.revertedWithCustomError(f.registry, "RegistryOrganizationUnchanged")
        .withArgs(ORGANIZATION_ID, f.member.address);
    });

    it("rejects an unknown organization, for a member leaving itself too", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.orgMember).removeOrganizationMember(UNKNOWN_ID, f.orgMember.address))
        .to.be.revertedWithCustomError(f.registry, "RegistryUnknownOrganization")
        .withArgs(UNKNOWN_ID);
    });
  });

  describe("organization flags after leaving the sovereign", function () {
    it("no longer count: the former organization admin administers nothing", async function () {
      const f = await fixture();
      await f.registry.connect(f.orgAdmin).leave(ATLAS_ID);
      await f.registry.connect(f.admin).removeMember(ATLAS_ID, f.orgMember.address);
      expect(await f.registry.isOrganizationAdmin(ORGANIZATION_ID, f.orgAdmin.address)).to.equal(false);
      expect(await f.registry.isOrganizationMember(ORGANIZATION_ID, f.orgAdmin.address)).to.equal(false);
      expect(await f.registry.isOrganizationMember(ORGANIZATION_ID, f.orgMember.address)).to.equal(false);
      await expect(f.registry.connect(f.orgAdmin).addOrganizationMember(ORGANIZATION_ID, f.member.address))
        .to.be.revertedWithCustomError(f.registry, "RegistryNotOrganizationAdmin")
        .withArgs(ORGANIZATION_ID, f.orgAdmin.address);
      await expect(
        f.registry.connect(f.orgAdmin).createMission(ATLAS_ID, ORGANIZATION_ID, NEW_METADATA.uri, NEW_METADATA.hash),
      )
        .to.be.revertedWithCustomError(f.registry, "RegistryCannotCreateMission")
        .withArgs(ATLAS_ID, ORGANIZATION_ID, f.orgAdmin.address);
    });
  });

  describe("createMission", function () {
    const creators: [string, (f: SovereignGraph) => Signer, bigint][] = [
      ["a sovereign admin", (f) => f.admin, 0n],
      ["a sovereign admin, in an organization", (f) => f.admin, ORGANIZATION_ID],
      ["a member with the Operator role", (f) => f.operator, 0n],
      ["a member with the Operator role, in an organization", (f) => f.operator, ORGANIZATION_ID],
      ["an organization admin, in its organization", (f) => f.orgAdmin, ORGANIZATION_ID],
    ];
    for (const [who, creator, organizationId] of creators) {
      it(`lets ${who} create a Draft mission it owns`, async function () {
        const f = await fixture();
        const owner = await creator(f).getAddress();
        const id = MISSION_ID + 1n;
        await expect(
          f.registry.connect(creator(f)).createMission(ATLAS_ID, organizationId, NEW_METADATA.uri, NEW_METADATA.hash),
        )
          .to.emit(f.registry, "MissionCreated")
          .withArgs(id, ATLAS_ID, organizationId, owner, NEW_METADATA.uri, NEW_METADATA.hash);
        const mission = await f.registry.getMission(id);
        expect(mission.sovereignId).to.equal(ATLAS_ID);
        expect(mission.organizationId).to.equal(organizationId);
        expect(mission.status).to.equal(BigInt(MissionStatus.Draft));
        expect(mission.owner).to.equal(owner);
        expect(mission.metadataURI).to.equal(NEW_METADATA.uri);
        expect(mission.metadataHash).to.equal(NEW_METADATA.hash);
        expect(await f.registry.missionCount()).to.equal(id);
      });
    }

    it("rejects an organization admin outside its organization", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.orgAdmin).createMission(ATLAS_ID, 0n, NEW_METADATA.uri, NEW_METADATA.hash))
        .to.be.revertedWithCustomError(f.registry, "RegistryCannotCreateMission")
        .withArgs(ATLAS_ID, 0n, f.orgAdmin.address);
    });

    it("rejects a plain member and an organization member", async function () {
      const f = await fixture();
      for (const account of [f.member, f.orgMember]) {
        await expect(
          f.registry.connect(account).createMission(ATLAS_ID, ORGANIZATION_ID, NEW_METADATA.uri, NEW_METADATA.hash),
        )
          .to.be.revertedWithCustomError(f.registry, "RegistryCannotCreateMission")
          .withArgs(ATLAS_ID, ORGANIZATION_ID, account.address);
      }
    });

    it("rejects an organization of another sovereign", async function () {
      const f = await fixture();
      await f.registry
        .connect(f.otherAdmin)
        .createOrganization(BOREALIS_ID, f.otherAdmin.address, NEW_METADATA.uri, NEW_METADATA.hash);
      const foreign = ORGANIZATION_ID + 1n;
      await expect(f.registry.connect(f.admin).createMission(ATLAS_ID, foreign, NEW_METADATA.uri, NEW_METADATA.hash))
        .to.be.revertedWithCustomError(f.registry, "RegistryOrganizationNotInSovereign")
        .withArgs(foreign, ATLAS_ID);
    });

    it("rejects an unknown organization", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).createMission(ATLAS_ID, UNKNOWN_ID, NEW_METADATA.uri, NEW_METADATA.hash))
        .to.be.revertedWithCustomError(f.registry, "RegistryUnknownOrganization")
        .withArgs(UNKNOWN_ID);
    });

    it("rejects an unknown sovereign", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).createMission(UNKNOWN_ID, 0n, NEW_METADATA.uri, NEW_METADATA.hash))
        .to.be.revertedWithCustomError(f.registry, "RegistryUnknownSovereign")
        .withArgs(UNKNOWN_ID);
    });

    it("rejects missing metadata", async function () {
      const f = await fixture();
      await expect(
        f.registry.connect(f.admin).createMission(ATLAS_ID, 0n, "", NEW_METADATA.hash),
      ).to.be.revertedWithCustomError(f.registry, "RegistryMissingMetadata");
      await expect(
        f.registry.connect(f.admin).createMission(ATLAS_ID, 0n, NEW_METADATA.uri, ZeroHash),
      ).to.be.revertedWithCustomError(f.registry, "RegistryMissingMetadata");
    });
  });

  describe("transitionMission", function () {
    const ALL_STATUSES = Object.values(MissionStatus);
    for (const from of EXISTING_STATUSES) {
      for (const to of ALL_STATUSES) {
        const valid = VALID_TRANSITIONS.has(`${from}->${to}`);
        const label = `${statusName(from)} → ${statusName(to)}`;
        it(valid ? `moves a mission ${label}` : `rejects ${label}`, async function () {
          const f = await fixture();
          await moveMissionTo(f, from);
          const call = f.registry.connect(f.missionOwner).transitionMission(MISSION_ID, to);
          if (valid) {
            await expect(call)
              .to.emit(f.registry, "MissionStatusChanged")
              .withArgs(MISSION_ID, from, to, f.missionOwner.address);
            expect((await f.registry.getMission(MISSION_ID)).status).to.equal(BigInt(to));
          } else {
            await expect(call)
              .to.be.revertedWithCustomError(f.registry, "RegistryInvalidMissionTransition")
              .withArgs(MISSION_ID, from, to);
            expect((await f.registry.getMission(MISSION_ID)).status).to.equal(BigInt(from));
          }
        });
      }
    }

    it("allows exactly six transitions", function () {
      const valid = EXISTING_STATUSES.flatMap((from) =>
        ALL_STATUSES.filter((to) => VALID_TRANSITIONS.has(`${from}->${to}`)),
      );
      expect(valid).to.have.length(6);
    });

    it("rejects an unknown mission", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).transitionMission(UNKNOWN_ID, MissionStatus.Open))
        .to.be.revertedWithCustomError(f.registry, "RegistryUnknownMission")
        .withArgs(UNKNOWN_ID);
    });
  });

  describe("updateMissionMetadata", function () {
    for (const status of [MissionStatus.Draft, MissionStatus.Open, MissionStatus.InProgress]) {
      it(`points a mission in ${statusName(status)} at a new document`, async function () {
        const f = await fixture();
        await moveMissionTo(f, status);
        await expect(
          f.registry.connect(f.missionOwner).updateMissionMetadata(MISSION_ID, NEW_METADATA.uri, NEW_METADATA.hash),
        )
          .to.emit(f.registry, "MissionMetadataUpdated")
          .withArgs(MISSION_ID, NEW_METADATA.uri, NEW_METADATA.hash);
        const mission = await f.registry.getMission(MISSION_ID);
        expect(mission.metadataURI).to.equal(NEW_METADATA.uri);
        expect(mission.metadataHash).to.equal(NEW_METADATA.hash);
      });
    }

    for (const status of [MissionStatus.Completed, MissionStatus.Cancelled]) {
      it(`freezes the metadata of a ${statusName(status)} mission`, async function () {
        const f = await fixture();
        await moveMissionTo(f, status);
        await expect(f.registry.connect(f.admin).updateMissionMetadata(MISSION_ID, NEW_METADATA.uri, NEW_METADATA.hash))
          .to.be.revertedWithCustomError(f.registry, "RegistryMissionClosed")
          .withArgs(MISSION_ID, status);
        expect((await f.registry.getMission(MISSION_ID)).metadataURI).to.equal(MISSION_METADATA.uri);
      });
    }

    it("rejects missing metadata", async function () {
      const f = await fixture();
      await expect(
        f.registry.connect(f.missionOwner).updateMissionMetadata(MISSION_ID, "", NEW_METADATA.hash),
      ).to.be.revertedWithCustomError(f.registry, "RegistryMissingMetadata");
      await expect(
        f.registry.connect(f.missionOwner).updateMissionMetadata(MISSION_ID, NEW_METADATA.uri, ZeroHash),
      ).to.be.revertedWithCustomError(f.registry, "RegistryMissingMetadata");
    });

    it("rejects an unknown mission", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).updateMissionMetadata(UNKNOWN_ID, NEW_METADATA.uri, NEW_METADATA.hash))
        .to.be.revertedWithCustomError(f.registry, "RegistryUnknownMission")
        .withArgs(UNKNOWN_ID);
    });
  });

  describe("linkMissionFunding", function () {
    for (const status of [MissionStatus.Draft, MissionStatus.Open, MissionStatus.InProgress]) {
      it(`links a funding module's bounty to a mission in ${statusName(status)}`, async function () {
        const f = await fixture();
        await moveMissionTo(f, status);
        await expect(f.registry.connect(f.fundingModule).linkMissionFunding(MISSION_ID, 7n))
          .to.emit(f.registry, "MissionFundingLinked")
          .withArgs(MISSION_ID, f.fundingModule.address, 7n);
      });
    }

    it("announces each module's links apart, and stores nothing (the module's own record is the link)", async function () {
      const f = await fixture();
      await f.registry.connect(f.governance).setFundingModule(NEWCOMER, true);
      const otherModule = await walletFor("newcomer");
      await expect(f.registry.connect(f.fundingModule).linkMissionFunding(MISSION_ID, 7n))
        .to.emit(f.registry, "MissionFundingLinked")
        .withArgs(MISSION_ID, f.fundingModule.address, 7n);
      await expect(f.registry.connect(otherModule).linkMissionFunding(MISSION_ID, 7n))
        .to.emit(f.registry, "MissionFundingLinked")
        .withArgs(MISSION_ID, NEWCOMER, 7n);
    });

    for (const status of [MissionStatus.Completed, MissionStatus.Cancelled]) {
      it(`rejects a ${statusName(status)} mission`, async function () {
        const f = await fixture();
        await moveMissionTo(f, status);
        await expect(f.registry.connect(f.fundingModule).linkMissionFunding(MISSION_ID, 7n))
          .to.be.revertedWithCustomError(f.registry, "RegistryMissionClosed")
          .withArgs(MISSION_ID, status);
      });
    }

    it("rejects an unknown mission", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.fundingModule).linkMissionFunding(UNKNOWN_ID, 7n))
        .to.be.revertedWithCustomError(f.registry, "RegistryUnknownMission")
        .withArgs(UNKNOWN_ID);
    });

    it("rejects a module governance has disallowed", async function () {
      const f = await fixture();
      await f.registry.connect(f.governance).setFundingModule(f.fundingModule.address, false);
      await expect(f.registry.connect(f.fundingModule).linkMissionFunding(MISSION_ID, 7n))
        .to.be.revertedWithCustomError(f.registry, "RegistryNotFundingModule")
        .withArgs(f.fundingModule.address);
    });
  });

  describe("setFundingModule", function () {
    it("allows and disallows a module", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.governance).setFundingModule(NEWCOMER, true))
        .to.emit(f.registry, "FundingModuleSet")
        .withArgs(NEWCOMER, true);
      expect(await f.registry.isFundingModule(NEWCOMER)).to.equal(true);
      await expect(f.registry.connect(f.governance).setFundingModule(NEWCOMER, false))
        .to.emit(f.registry, "FundingModuleSet")
        .withArgs(NEWCOMER, false);
      expect(await f.registry.isFundingModule(NEWCOMER)).to.equal(false);
    });

    it("rejects the zero address", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.governance).setFundingModule(ZeroAddress, true)).to.be.revertedWithCustomError(
        f.registry,
        "RegistryZeroAccount",
      );
    });
  });

  describe("trustIssuer", function () {
    it("trusts an issuer for one schema in one sovereign", async function () {
      const f = await fixture();
      const schema = f.schemas.skillCredential;
      await expect(f.registry.connect(f.admin).trustIssuer(ATLAS_ID, schema, NEWCOMER))
        .to.emit(f.registry, "IssuerTrusted")
        .withArgs(ATLAS_ID, schema, NEWCOMER, f.admin.address);
      expect(await f.registry.isTrustedIssuer(ATLAS_ID, schema, NEWCOMER)).to.equal(true);
      expect(await f.registry.isTrustedIssuer(ATLAS_ID, f.schemas.executionRecord, NEWCOMER)).to.equal(false);
      expect(await f.registry.isTrustedIssuer(BOREALIS_ID, schema, NEWCOMER)).to.equal(false);
    });

    it("rejects the zero schema", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).trustIssuer(ATLAS_ID, ZeroHash, NEWCOMER)).to.be.revertedWithCustomError(
        f.registry,
        "RegistryZeroSchema",
      );
    });

    it("rejects the zero address", async function () {
      const f = await fixture();
      await expect(
        f.registry.connect(f.admin).trustIssuer(ATLAS_ID, f.schemas.skillCredential, ZeroAddress),
      ).to.be.revertedWithCustomError(f.registry, "RegistryZeroAccount");
    });

    it("rejects an issuer already trusted", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).trustIssuer(ATLAS_ID, f.schemas.skillCredential, f.issuer.address))
        .to.be.revertedWithCustomError(f.registry, "RegistryIssuerAlreadyTrusted")
        .withArgs(ATLAS_ID, f.schemas.skillCredential, f.issuer.address);
    });
  });

  describe("untrustIssuer", function () {
    it("stops trusting an issuer", async function () {
      const f = await fixture();
      const schema = f.schemas.skillCredential;
      await expect(f.registry.connect(f.admin).untrustIssuer(ATLAS_ID, schema, f.issuer.address))
        .to.emit(f.registry, "IssuerUntrusted")
        .withArgs(ATLAS_ID, schema, f.issuer.address, f.admin.address);
      expect(await f.registry.isTrustedIssuer(ATLAS_ID, schema, f.issuer.address)).to.equal(false);
    });

    it("rejects an issuer not trusted", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).untrustIssuer(ATLAS_ID, f.schemas.executionRecord, f.issuer.address))
        .to.be.revertedWithCustomError(f.registry, "RegistryIssuerNotTrusted")
        .withArgs(ATLAS_ID, f.schemas.executionRecord, f.issuer.address);
    });
  });

  describe("recognize", function () {
    /** The fixture plus sovereign 3 "cascadia" (admin carol). */
    async function threeSovereigns() {
      const f = await sovereignGraphFixture();
      await f.registry.connect(f.member).register("cascadia", NEW_METADATA.uri, NEW_METADATA.hash);
      return { ...f, cascadiaId: 3n };
    }

    it("proposes a recognition the other sovereign has not made", async function () {
      const f = await loadFixture(threeSovereigns);
      await expect(f.registry.connect(f.admin).recognize(ATLAS_ID, f.cascadiaId))
        .to.emit(f.registry, "RecognitionProposed")
        .withArgs(ATLAS_ID, f.cascadiaId, f.admin.address);
      expect(await f.registry.recognizes(ATLAS_ID, f.cascadiaId)).to.equal(true);
      expect(await f.registry.recognizes(f.cascadiaId, ATLAS_ID)).to.equal(false);
      expect(await f.registry.isMutuallyRecognized(ATLAS_ID, f.cascadiaId)).to.equal(false);
    });

    it("accepts the other sovereign's proposal, making the recognition mutual", async function () {
      const f = await fixture();
      expect(await f.registry.recognizes(BOREALIS_ID, ATLAS_ID)).to.equal(true);
      expect(await f.registry.isMutuallyRecognized(ATLAS_ID, BOREALIS_ID)).to.equal(false);
      const tx = f.registry.connect(f.admin).recognize(ATLAS_ID, BOREALIS_ID);
      await expect(tx).to.emit(f.registry, "RecognitionEstablished").withArgs(ATLAS_ID, BOREALIS_ID, f.admin.address);
      await expect(tx).not.to.emit(f.registry, "RecognitionProposed");
      expect(await f.registry.recognizes(ATLAS_ID, BOREALIS_ID)).to.equal(true);
      expect(await f.registry.isMutuallyRecognized(ATLAS_ID, BOREALIS_ID)).to.equal(true);
      expect(await f.registry.isMutuallyRecognized(BOREALIS_ID, ATLAS_ID)).to.equal(true);
    });

    it("works the same from the higher id towards the lower one", async function () {
      const f = await loadFixture(threeSovereigns);
      await expect(f.registry.connect(f.member).recognize(f.cascadiaId, ATLAS_ID))
        .to.emit(f.registry, "RecognitionProposed")
        .withArgs(f.cascadiaId, ATLAS_ID, f.member.address);
      expect(await f.registry.recognizes(f.cascadiaId, ATLAS_ID)).to.equal(true);
      expect(await f.registry.recognizes(ATLAS_ID, f.cascadiaId)).to.equal(false);
      await expect(f.registry.connect(f.admin).recognize(ATLAS_ID, f.cascadiaId))
        .to.emit(f.registry, "RecognitionEstablished")
        .withArgs(ATLAS_ID, f.cascadiaId, f.admin.address);
      expect(await f.registry.isMutuallyRecognized(f.cascadiaId, ATLAS_ID)).to.equal(true);
      expect(await f.registry.isMutuallyRecognized(BOREALIS_ID, f.cascadiaId)).to.equal(false);
    });

    it("rejects recognizing itself", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).recognize(ATLAS_ID, ATLAS_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistrySelfRecognition")
        .withArgs(ATLAS_ID);
    });

    it("rejects a recognition already made", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.otherAdmin).recognize(BOREALIS_ID, ATLAS_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistryAlreadyRecognized")
        .withArgs(BOREALIS_ID, ATLAS_ID);
    });

    it("rejects an unknown other sovereign", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).recognize(ATLAS_ID, UNKNOWN_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistryUnknownSovereign")
        .withArgs(UNKNOWN_ID);
    });
  });

  describe("revokeRecognition", function () {
    it("withdraws the caller's own proposal", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.otherAdmin).revokeRecognition(BOREALIS_ID, ATLAS_ID))
        .to.emit(f.registry, "RecognitionRevoked")
        .withArgs(BOREALIS_ID, ATLAS_ID, f.otherAdmin.address);
      expect(await f.registry.recognizes(BOREALIS_ID, ATLAS_ID)).to.equal(false);
    });

    it("declines a proposal made to the caller's sovereign", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).revokeRecognition(ATLAS_ID, BOREALIS_ID))
        .to.emit(f.registry, "RecognitionRevoked")
        .withArgs(ATLAS_ID, BOREALIS_ID, f.admin.address);
      expect(await f.registry.recognizes(BOREALIS_ID, ATLAS_ID)).to.equal(false);
    });

    for (const side of ["lower", "higher"] as const) {
      it(`ends a mutual recognition in both directions when the ${side} id revokes`, async function () {
        const f = await fixture();
        await f.registry.connect(f.admin).recognize(ATLAS_ID, BOREALIS_ID);
        const [revoker, id, other] =
          side === "lower" ? [f.admin, ATLAS_ID, BOREALIS_ID] : [f.otherAdmin, BOREALIS_ID, ATLAS_ID];
        await expect(f.registry.connect(revoker).revokeRecognition(id, other))
          .to.emit(f.registry, "RecognitionRevoked")
          .withArgs(id, other, revoker.address);
        expect(await f.registry.recognizes(ATLAS_ID, BOREALIS_ID)).to.equal(false);
        expect(await f.registry.recognizes(BOREALIS_ID, ATLAS_ID)).to.equal(false);
        expect(await f.registry.isMutuallyRecognized(ATLAS_ID, BOREALIS_ID)).to.equal(false);
      });
    }

    it("rejects a pair with no recognition either way", async function () {
      const f = await fixture();
      await f.registry.connect(f.otherAdmin).revokeRecognition(BOREALIS_ID, ATLAS_ID);
      await expect(f.registry.connect(f.admin).revokeRecognition(ATLAS_ID, BOREALIS_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistryNotRecognized")
        .withArgs(ATLAS_ID, BOREALIS_ID);
      await expect(f.registry.connect(f.admin).revokeRecognition(ATLAS_ID, UNKNOWN_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistryNotRecognized")
        .withArgs(ATLAS_ID, UNKNOWN_ID);
    });
  });

  describe("checkCredential and isCredentialValid", function () {
    /** A skill credential from the trusted issuer to the member; borealis trusts bob's attestations too. */
    async function credentialFixture() {
      const f = await sovereignGraphFixture();
      const schema = f.schemas.skillCredential;
      const uid = await attest(f.eas, f.issuer, schema, f.member.address, skillData("solidity", 4));
      return { ...f, schema, uid };
    }

    const check = async (f: Awaited<ReturnType<typeof credentialFixture>>, uid: string, trustedBy = ATLAS_ID) => {
      const status = await f.registry.checkCredential(ATLAS_ID, f.member.address, f.schema, uid, trustedBy);
      const valid = await f.registry.isCredentialValid(ATLAS_ID, f.member.address, f.schema, uid, trustedBy);
      expect(valid).to.equal(status === BigInt(CredentialStatus.Valid));
      return status;
    };

    it("honours a live attestation from an issuer the sovereign trusts", async function () {
      const f = await loadFixture(credentialFixture);
      expect(await check(f, f.uid)).to.equal(BigInt(CredentialStatus.Valid));
    });

    it("honours an issuer trusted by a mutually recognizing sovereign, and only while mutual", async function () {
      const f = await loadFixture(credentialFixture);
      const uid = await attest(f.eas, f.otherAdmin, f.schema, f.member.address, skillData("rust", 3));
      await f.registry.connect(f.otherAdmin).trustIssuer(BOREALIS_ID, f.schema, f.otherAdmin.address);
      expect(await check(f, uid, BOREALIS_ID)).to.equal(BigInt(CredentialStatus.NotRecognized));
      await f.registry.connect(f.admin).recognize(ATLAS_ID, BOREALIS_ID);
      expect(await check(f, uid, BOREALIS_ID)).to.equal(BigInt(CredentialStatus.Valid));
      expect(await check(f, uid, ATLAS_ID)).to.equal(BigInt(CredentialStatus.UntrustedIssuer));
      await f.registry.connect(f.governance).suspendSovereign(BOREALIS_ID);
      expect(await check(f, uid, BOREALIS_ID)).to.equal(BigInt(CredentialStatus.SovereignInactive));
    });

    it("names the first reason a credential fails", async function () {
      const f = await loadFixture(credentialFixture);
      expect(await check(f, ethers.id("no such attestation"))).to.equal(BigInt(CredentialStatus.UnknownAttestation));
      const wrongSchema = await attest(
        f.eas,
        f.issuer,
        f.schemas.executionVerification,
        f.member.address,
        ethers.AbiCoder.defaultAbiCoder().encode(["bool", "uint64", "string"], [true, 1n, ""]),
      );
      expect(await check(f, wrongSchema)).to.equal(BigInt(CredentialStatus.WrongSchema));
      const wrongRecipient = await attest(f.eas, f.issuer, f.schema, f.contributor.address, skillData("go", 2));
      expect(await check(f, wrongRecipient)).to.equal(BigInt(CredentialStatus.WrongRecipient));
      const untrusted = await attest(f.eas, f.verifier, f.schema, f.member.address, skillData("go", 2));
      expect(await check(f, untrusted)).to.equal(BigInt(CredentialStatus.UntrustedIssuer));
      const expiring = await attest(f.eas, f.issuer, f.schema, f.member.address, skillData("go", 2), {
        expirationTime: BigInt(await time.latest()) + 100n,
      });
      expect(await check(f, expiring)).to.equal(BigInt(CredentialStatus.Valid));
      await time.increase(100);
      expect(await check(f, expiring)).to.equal(BigInt(CredentialStatus.Expired));
      await f.eas.connect(f.issuer).revoke({ schema: f.schema, data: { uid: f.uid, value: 0n } });
      expect(await check(f, f.uid)).to.equal(BigInt(CredentialStatus.Revoked));
    });

    it("answers by its frozen trust list while the asking sovereign is suspended (isActive says it is not)", async function () {
      const f = await loadFixture(credentialFixture);
      await f.registry.connect(f.governance).suspendSovereign(ATLAS_ID);
      expect(await check(f, f.uid)).to.equal(BigInt(CredentialStatus.Valid));
      expect(await f.registry.isActive(ATLAS_ID)).to.equal(false);
    });
  });

  describe("views", function () {
    it("count sovereigns, organizations and missions", async function () {
      const f = await fixture();
      expect(await f.registry.sovereignCount()).to.equal(2n);
      expect(await f.registry.organizationCount()).to.equal(1n);
      expect(await f.registry.missionCount()).to.equal(1n);
    });

    it("getSovereign returns the record and reverts for an unknown id", async function () {
      const f = await fixture();
      const sovereign = await f.registry.getSovereign(ATLAS_ID);
      expect(sovereign.handle).to.equal("atlas");
      expect(sovereign.metadataURI).to.equal(ATLAS_METADATA.uri);
      expect(sovereign.metadataHash).to.equal(ATLAS_METADATA.hash);
      expect(sovereign.adminCount).to.equal(1n);
      expect(sovereign.suspended).to.equal(false);
      for (const id of [0n, 3n]) {
        await expect(f.registry.getSovereign(id))
          .to.be.revertedWithCustomError(f.registry, "RegistryUnknownSovereign")
          .withArgs(id);
      }
    });

    it("sovereignIdOf maps handles to ids, 0 for an unknown handle", async function () {
      const f = await fixture();
      expect(await f.registry.sovereignIdOf("atlas")).to.equal(ATLAS_ID);
      expect(await f.registry.sovereignIdOf("borealis")).to.equal(BOREALIS_ID);
      expect(await f.registry.sovereignIdOf("cascadia")).to.equal(0n);
      expect(await f.registry.sovereignIdOf("Atlas")).to.equal(0n);
    });

    it("isActive is false for unknown and suspended sovereigns", async function () {
      const f = await fixture();
      expect(await f.registry.isActive(ATLAS_ID)).to.equal(true);
      expect(await f.registry.isActive(0n)).to.equal(false);
      expect(await f.registry.isActive(UNKNOWN_ID)).to.equal(false);
      await f.registry.connect(f.governance).suspendSovereign(BOREALIS_ID);
      expect(await f.registry.isActive(BOREALIS_ID)).to.equal(false);
    });

    it("isAdmin is per sovereign", async function () {
      const f = await fixture();
      expect(await f.registry.isAdmin(ATLAS_ID, f.admin.address)).to.equal(true);
      expect(await f.registry.isAdmin(BOREALIS_ID, f.admin.address)).to.equal(false);
      expect(await f.registry.isAdmin(BOREALIS_ID, f.otherAdmin.address)).to.equal(true);
      expect(await f.registry.isAdmin(ATLAS_ID, f.member.address)).to.equal(false);
    });

    it("adminOffer is empty without an offer", async function () {
      const f = await fixture();
      const [offeredBy, handOver] = await f.registry.adminOffer(ATLAS_ID, f.member.address);
      expect(offeredBy).to.equal(ZeroAddress);
      expect(handOver).to.equal(false);
    });

    it("rolesOf returns each actor's bitmap, hasRole and isMember read it", async function () {
      const f = await fixture();
      const expected: [Signer, bigint][] = [
        [f.admin, bit(Role.Member)],
        [f.member, bit(Role.Member)],
        [f.contributor, bit(Role.Member) | bit(Role.Contributor)],
        [f.issuer, bit(Role.Member) | bit(Role.Issuer)],
        [f.verifier, bit(Role.Member) | bit(Role.Verifier)],
        [f.arbiter, bit(Role.Member) | bit(Role.Arbiter)],
        [f.operator, bit(Role.Member) | bit(Role.Operator)],
        [f.agent, bit(Role.Member) | bit(Role.Agent)],
        [f.missionOwner, bit(Role.Member)],
        [f.stranger, 0n],
        [f.invitee, 0n],
        [f.applicant, 0n],
      ];
      for (const [signer, roles] of expected) {
        const account = await signer.getAddress();
        expect(await f.registry.rolesOf(ATLAS_ID, account), account).to.equal(roles);
        expect(await f.registry.isMember(ATLAS_ID, account), account).to.equal(roles !== 0n);
        for (const role of Object.values(Role)) {
          expect(await f.registry.hasRole(ATLAS_ID, account, role), `${account} ${roleName(role)}`).to.equal(
            (roles & bit(role)) !== 0n,
          );
        }
      }
      expect(await f.registry.rolesOf(BOREALIS_ID, f.contributor.address)).to.equal(0n);
    });

    it("pendingMembership shows invitations and applications", async function () {
      const f = await fixture();
      const [invitedBy, invitedApplied] = await f.registry.pendingMembership(ATLAS_ID, f.invitee.address);
      expect(invitedBy).to.equal(f.admin.address);
      expect(invitedApplied).to.equal(false);
      const [noInviter, applied] = await f.registry.pendingMembership(ATLAS_ID, f.applicant.address);
      expect(noInviter).to.equal(ZeroAddress);
      expect(applied).to.equal(true);
    });

    it("agentOperator names an agent's operator, zero for others", async function () {
      const f = await fixture();
      expect(await f.registry.agentOperator(ATLAS_ID, f.agent.address)).to.equal(f.agentOperator.address);
      expect(await f.registry.agentOperator(ATLAS_ID, f.agentOperator.address)).to.equal(ZeroAddress);
      expect(await f.registry.agentOperator(BOREALIS_ID, f.agent.address)).to.equal(ZeroAddress);
    });

    it("getOrganization returns the record and reverts for an unknown id", async function () {
      const f = await fixture();
      const organization = await f.registry.getOrganization(ORGANIZATION_ID);
      expect(organization.sovereignId).to.equal(ATLAS_ID);
      expect(organization.metadataURI).to.equal(ORGANIZATION_METADATA.uri);
      expect(organization.metadataHash).to.equal(ORGANIZATION_METADATA.hash);
      for (const id of [0n, UNKNOWN_ID]) {
        await expect(f.registry.getOrganization(id))
          .to.be.revertedWithCustomError(f.registry, "RegistryUnknownOrganization")
          .withArgs(id);
      }
    });

    it("isOrganizationAdmin and isOrganizationMember", async function () {
      const f = await fixture();
      const cases: [Signer, boolean, boolean][] = [
        [f.orgAdmin, true, true],
        [f.orgMember, false, true],
        [f.admin, false, false],
        [f.member, false, false],
        [f.stranger, false, false],
      ];
      for (const [signer, admin, member] of cases) {
        const account = await signer.getAddress();
        expect(await f.registry.isOrganizationAdmin(ORGANIZATION_ID, account), account).to.equal(admin);
        expect(await f.registry.isOrganizationMember(ORGANIZATION_ID, account), account).to.equal(member);
      }
      expect(await f.registry.isOrganizationAdmin(UNKNOWN_ID, f.orgAdmin.address)).to.equal(false);
      expect(await f.registry.isOrganizationMember(UNKNOWN_ID, f.orgAdmin.address)).to.equal(false);
    });

    it("getMission returns the record and reverts for an unknown id", async function () {
      const f = await fixture();
      const mission = await f.registry.getMission(MISSION_ID);
      expect(mission.sovereignId).to.equal(ATLAS_ID);
      expect(mission.organizationId).to.equal(ORGANIZATION_ID);
      expect(mission.status).to.equal(BigInt(MissionStatus.Draft));
      expect(mission.owner).to.equal(f.missionOwner.address);
      expect(mission.metadataURI).to.equal(MISSION_METADATA.uri);
      expect(mission.metadataHash).to.equal(MISSION_METADATA.hash);
      for (const id of [0n, UNKNOWN_ID]) {
        await expect(f.registry.getMission(id))
          .to.be.revertedWithCustomError(f.registry, "RegistryUnknownMission")
          .withArgs(id);
      }
    });

    it("isMissionManager: owner, sovereign admin and organization admin, nobody else", async function () {
      const f = await fixture();
      const cases: [Signer, boolean][] = [
        [f.missionOwner, true],
        [f.admin, true],
        [f.orgAdmin, true],
        [f.orgMember, false],
        [f.operator, false],
        [f.otherAdmin, false],
        [f.stranger, false],
      ];
      for (const [signer, manager] of cases) {
        const account = await signer.getAddress();
        expect(await f.registry.isMissionManager(MISSION_ID, account), account).to.equal(manager);
      }
      expect(await f.registry.isMissionManager(UNKNOWN_ID, f.admin.address)).to.equal(false);
    });

    it("isFundingModule", async function () {
      const f = await fixture();
      expect(await f.registry.isFundingModule(f.fundingModule.address)).to.equal(true);
      expect(await f.registry.isFundingModule(f.stranger.address)).to.equal(false);
    });

    it("isTrustedIssuer, recognizes and isMutuallyRecognized", async function () {
      const f = await fixture();
      expect(await f.registry.isTrustedIssuer(ATLAS_ID, f.schemas.skillCredential, f.issuer.address)).to.equal(true);
      expect(await f.registry.isTrustedIssuer(ATLAS_ID, f.schemas.skillCredential, f.verifier.address)).to.equal(false);
      expect(await f.registry.recognizes(BOREALIS_ID, ATLAS_ID)).to.equal(true);
      expect(await f.registry.recognizes(ATLAS_ID, BOREALIS_ID)).to.equal(false);
      expect(await f.registry.recognizes(ATLAS_ID, ATLAS_ID)).to.equal(false);
      expect(await f.registry.isMutuallyRecognized(ATLAS_ID, BOREALIS_ID)).to.equal(false);
      expect(await f.registry.isMutuallyRecognized(ATLAS_ID, ATLAS_ID)).to.equal(false);
    });
  });

  describe("pause", function () {
    const USER_ACTIONS: [string, (f: SovereignGraph) => Promise<ContractTransactionResponse>][] = [
      ["register", (f) => f.registry.connect(f.stranger).register("cascadia", NEW_METADATA.uri, NEW_METADATA.hash)],
      [
        "updateSovereignMetadata",
        (f) => f.registry.connect(f.admin).updateSovereignMetadata(ATLAS_ID, NEW_METADATA.uri, NEW_METADATA.hash),
      ],
      ["invite", (f) => f.registry.connect(f.admin).invite(ATLAS_ID, NEWCOMER)],
      ["acceptInvitation", (f) => f.registry.connect(f.invitee).acceptInvitation(ATLAS_ID)],
      ["applyForMembership", (f) => f.registry.connect(f.stranger).applyForMembership(ATLAS_ID)],
      ["leave", (f) => f.registry.connect(f.member).leave(ATLAS_ID)],
      ["grantRole", (f) => f.registry.connect(f.admin).grantRole(ATLAS_ID, f.member.address, Role.Issuer)],
      [
        "removeOrganizationMember",
        (f) => f.registry.connect(f.orgMember).removeOrganizationMember(ORGANIZATION_ID, f.orgMember.address),
      ],
      [
        "createMission",
        (f) => f.registry.connect(f.operator).createMission(ATLAS_ID, 0n, NEW_METADATA.uri, NEW_METADATA.hash),
      ],
      [
        "transitionMission",
        (f) => f.registry.connect(f.missionOwner).transitionMission(MISSION_ID, MissionStatus.Open),
      ],
      ["linkMissionFunding", (f) => f.registry.connect(f.fundingModule).linkMissionFunding(MISSION_ID, 7n)],
      ["trustIssuer", (f) => f.registry.connect(f.admin).trustIssuer(ATLAS_ID, f.schemas.skillCredential, NEWCOMER)],
      ["recognize", (f) => f.registry.connect(f.admin).recognize(ATLAS_ID, BOREALIS_ID)],
    ];

    async function pausedFixture() {
      const f = await sovereignGraphFixture();
      await f.registry.connect(f.guardian).pause();
      return f;
    }

    it("is recorded by Paused and paused()", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.guardian).pause()).to.emit(f.registry, "Paused").withArgs(f.guardian.address);
      expect(await f.registry.paused()).to.equal(true);
    });

    for (const [name, action] of USER_ACTIONS) {
      it(`stops ${name} with EnforcedPause`, async function () {
        const f = await loadFixture(pausedFixture);
        await expect(action(f)).to.be.revertedWithCustomError(f.registry, "EnforcedPause");
      });
    }

    it("rejects pausing twice", async function () {
      const f = await loadFixture(pausedFixture);
      await expect(f.registry.connect(f.guardian).pause()).to.be.revertedWithCustomError(f.registry, "EnforcedPause");
    });

    it("lifts on unpause, after which every action goes through", async function () {
      const f = await loadFixture(pausedFixture);
      await expect(f.registry.connect(f.governance).unpause())
        .to.emit(f.registry, "Unpaused")
        .withArgs(f.timelockAddress);
      expect(await f.registry.paused()).to.equal(false);
      for (const [name, action] of USER_ACTIONS) {
        const snapshot = await networkHelpers.takeSnapshot();
        await expect(action(f), name).not.to.revert(ethers);
        await snapshot.restore();
      }
    });

    it("does nothing when asked to unpause a module that is not paused (a queued proposal still executes)", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.governance).unpause()).not.to.emit(f.registry, "Unpaused");
      expect(await f.registry.paused()).to.equal(false);
    });
  });

  describe("setGuardian", function () {
    it("names a new guardian, who may pause, and the old one may not", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.governance).setGuardian(f.stranger.address))
        .to.emit(f.registry, "GuardianChanged")
        .withArgs(f.guardian.address, f.stranger.address);
      expect(await f.registry.guardian()).to.equal(f.stranger.address);
      await expect(f.registry.connect(f.guardian).pause())
        .to.be.revertedWithCustomError(f.registry, "ModuleOnlyGuardian")
        .withArgs(f.guardian.address);
      await expect(f.registry.connect(f.stranger).pause()).to.emit(f.registry, "Paused").withArgs(f.stranger.address);
    });

    it("removes the guardian with the zero address", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.governance).setGuardian(ZeroAddress))
        .to.emit(f.registry, "GuardianChanged")
        .withArgs(f.guardian.address, ZeroAddress);
      expect(await f.registry.guardian()).to.equal(ZeroAddress);
    });
  });

  describe("upgradeToAndCall", function () {
    it("moves the proxy to a new implementation and keeps every record", async function () {
      const f = await fixture();
      const implementation = await ethers.deployContract("SovereignRegistry", [await f.eas.getAddress()]);
      await expect(f.registry.connect(f.governance).upgradeToAndCall(await implementation.getAddress(), "0x"))
        .to.emit(f.registry, "Upgraded")
        .withArgs(await implementation.getAddress());
      expect((await f.registry.getSovereign(ATLAS_ID)).handle).to.equal("atlas");
      expect(await f.registry.rolesOf(ATLAS_ID, f.agent.address)).to.equal(bit(Role.Member) | bit(Role.Agent));
      expect((await f.registry.getMission(MISSION_ID)).owner).to.equal(f.missionOwner.address);
      expect(await f.registry.governance()).to.equal(f.timelockAddress);
    });

    it("rejects an implementation that is not UUPS", async function () {
      const f = await fixture();
      const eas = await f.eas.getAddress();
      await expect(f.registry.connect(f.governance).upgradeToAndCall(eas, "0x"))
        .to.be.revertedWithCustomError(f.registry, "ERC1967InvalidImplementation")
        .withArgs(eas);
    });

    it("cannot be called on the implementation itself", async function () {
      const f = await fixture();
      const implementation = await ethers.deployContract("SovereignRegistry", [await f.eas.getAddress()]);
      await expect(
        implementation.connect(f.governance).upgradeToAndCall(await implementation.getAddress(), "0x"),
      ).to.be.revertedWithCustomError(implementation, "UUPSUnauthorizedCallContext");
    });
  });

  describe("admin terms: offers and invitations lapse for good", function () {
    it("keeps an invitation dead when its inviter becomes an admin again", async function () {
      const f = await fixture();
      const coAdmin = await addCoAdmin(f);
      await f.registry.connect(coAdmin).invite(ATLAS_ID, f.stranger.address);
      await f.registry.connect(f.admin).removeAdmin(ATLAS_ID, coAdmin.address);
      await f.registry.connect(f.admin).offerAdmin(ATLAS_ID, coAdmin.address, false);
      await f.registry.connect(coAdmin).acceptAdmin(ATLAS_ID);
      const [invitedBy] = await f.registry.pendingMembership(ATLAS_ID, f.stranger.address);
      expect(invitedBy, "a lapsed invitation reads as none").to.equal(ZeroAddress);
      await expect(f.registry.connect(f.stranger).acceptInvitation(ATLAS_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistryNoInvitation")
        .withArgs(ATLAS_ID, f.stranger.address);
    });

    it("keeps an admin offer dead when its offerer becomes an admin again", async function () {
      const f = await fixture();
      const coAdmin = await addCoAdmin(f);
      await f.registry.connect(coAdmin).offerAdmin(ATLAS_ID, f.member.address, false);
      await f.registry.connect(f.admin).removeAdmin(ATLAS_ID, coAdmin.address);
      await f.registry.connect(f.admin).offerAdmin(ATLAS_ID, coAdmin.address, false);
      await f.registry.connect(coAdmin).acceptAdmin(ATLAS_ID);
      const [offeredBy] = await f.registry.adminOffer(ATLAS_ID, f.member.address);
      expect(offeredBy, "a lapsed offer reads as none").to.equal(ZeroAddress);
      await expect(f.registry.connect(f.member).acceptAdmin(ATLAS_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistryNoAdminOffer")
        .withArgs(ATLAS_ID, f.member.address);
    });

    it("lets an admin invite again over a lapsed invitation", async function () {
      const f = await fixture();
      const coAdmin = await addCoAdmin(f);
      await f.registry.connect(coAdmin).invite(ATLAS_ID, f.stranger.address);
      await f.registry.connect(f.admin).removeAdmin(ATLAS_ID, coAdmin.address);
      await expect(f.registry.connect(f.admin).invite(ATLAS_ID, f.stranger.address))
        .to.emit(f.registry, "MemberInvited")
        .withArgs(ATLAS_ID, f.stranger.address, f.admin.address);
      await expect(f.registry.connect(f.stranger).acceptInvitation(ATLAS_ID))
        .to.emit(f.registry, "MemberJoined")
        .withArgs(ATLAS_ID, f.stranger.address, f.admin.address);
    });
  });

  describe("rules that follow membership and suspension", function () {
    it("takes a mission from an owner who left the sovereign, and leaves it to the admins", async function () {
      const f = await fixture();
      await f.registry.connect(f.missionOwner).leave(ATLAS_ID);
      expect(await f.registry.isMissionManager(MISSION_ID, f.missionOwner.address)).to.equal(false);
      await expect(f.registry.connect(f.missionOwner).transitionMission(MISSION_ID, MissionStatus.Cancelled))
        .to.be.revertedWithCustomError(f.registry, "RegistryNotMissionManager")
        .withArgs(MISSION_ID, f.missionOwner.address);
      await expect(f.registry.connect(f.admin).transitionMission(MISSION_ID, MissionStatus.Open)).to.emit(
        f.registry,
        "MissionStatusChanged",
      );
    });

    it("refuses an agent that would operate itself", async function () {
      const f = await fixture();
      await expect(f.registry.connect(f.admin).registerAgent(ATLAS_ID, f.member.address, f.member.address))
        .to.be.revertedWithCustomError(f.registry, "RegistryAgentIsOwnOperator")
        .withArgs(ATLAS_ID, f.member.address);
    });

    it("refuses funding links to a suspended sovereign's missions", async function () {
      const f = await fixture();
      await f.registry.connect(f.governance).suspendSovereign(ATLAS_ID);
      await expect(f.registry.connect(f.fundingModule).linkMissionFunding(MISSION_ID, 7n))
        .to.be.revertedWithCustomError(f.registry, "RegistrySovereignSuspended")
        .withArgs(ATLAS_ID);
    });

    it("refuses to recognize a suspended sovereign", async function () {
      const f = await fixture();
      await f.registry.connect(f.governance).suspendSovereign(BOREALIS_ID);
      await expect(f.registry.connect(f.admin).recognize(ATLAS_ID, BOREALIS_ID))
        .to.be.revertedWithCustomError(f.registry, "RegistrySovereignSuspended")
        .withArgs(BOREALIS_ID);
    });
  });
});
