import { expect } from "chai";
import { ZeroAddress, ZeroHash, encodeBytes32String, type ContractTransactionResponse, type Signer } from "ethers";

import { MissionStatus, Role, ethers, impersonate, metadata, networkHelpers } from "../helpers/graph.ts";
import {
  ATLAS_ID,
  BOREALIS_ID,
  MISSION_ID,
  ORGANIZATION_ID,
  sovereignGraphFixture,
  walletAddress,
  walletFor,
  type SovereignGraph,
} from "./registry.behavior.ts";

const { loadFixture } = networkHelpers;

/** The populated graph plus fresh implementations for the upgrade cells. */
async function matrixFixture() {
  const f = await sovereignGraphFixture();
  const easAddress = await f.eas.getAddress();
  const registryImplementation = await ethers.deployContract("SovereignRegistry", [easAddress]);
  const ledgerImplementation = await ethers.deployContract("ContributionLedger", [easAddress]);
  return {
    ...f,
    registryImplementation: await registryImplementation.getAddress(),
    ledgerImplementation: await ledgerImplementation.getAddress(),
  };
}

type Fixture = Awaited<ReturnType<typeof matrixFixture>>;

/** Every kind of account the matrix calls from. */
const ACTORS = {
  "random account": (f: SovereignGraph) => f.stranger,
  member: (f: SovereignGraph) => f.member,
  contributor: (f: SovereignGraph) => f.contributor,
  issuer: (f: SovereignGraph) => f.issuer,
  verifier: (f: SovereignGraph) => f.verifier,
  arbiter: (f: SovereignGraph) => f.arbiter,
  operator: (f: SovereignGraph) => f.operator,
  agent: (f: SovereignGraph) => f.agent,
  "agent operator": (f: SovereignGraph) => f.agentOperator,
  "admin of another sovereign": (f: SovereignGraph) => f.otherAdmin,
  "sovereign admin": (f: SovereignGraph) => f.admin,
  "organization admin": (f: SovereignGraph) => f.orgAdmin,
  "mission owner": (f: SovereignGraph) => f.missionOwner,
  "funding module": (f: SovereignGraph) => f.fundingModule,
  "ledger recorder": (f: SovereignGraph) => f.recorder,
  guardian: (f: SovereignGraph) => f.guardian,
  governance: (f: SovereignGraph) => f.governance,
  deployer: (f: SovereignGraph) => f.deployer,
} as const satisfies Record<string, (f: SovereignGraph) => Signer>;

type Actor = keyof typeof ACTORS;

/** An address no actor holds: a new member, agent, issuer, funding module, recorder or guardian. */
const NEWCOMER = walletAddress("newcomer");
const NEW_METADATA = metadata("updated");
const EXECUTION_SCHEMAS = [encodeBytes32String("record v2"), encodeBytes32String("verification v2")] as const;
/** A pause end governance may set: far in the future, within uint40. */
const PAUSE_END = 2n ** 39n;
const DAY = 86_400n;
const DEFAULT_MAX_PAUSE_DURATION = 14n * DAY;

/** A privileged function: how to call it, who may, what it emits then, and how it rejects the others. */
interface Privileged {
  readonly contract: "registry" | "ledger";
  readonly name: string;
  readonly allowed: readonly Actor[];
  /** Runs after the snapshot is restored, before the call (for every actor alike). */
  readonly setup?: (f: Fixture) => Promise<unknown>;
  readonly call: (f: Fixture, caller: Signer) => Promise<ContractTransactionResponse>;
  readonly emits: (f: Fixture, caller: string) => { event: string; args: unknown[] };
  readonly rejection: (f: Fixture, caller: string) => { error: string; args: unknown[] };
}

type Row = Omit<Privileged, "contract" | "allowed" | "rejection">;

const sovereignAdminOnly = (row: Row): Privileged => ({
  contract: "registry",
  allowed: ["sovereign admin"],
  rejection: (_f, caller) => ({ error: "RegistryNotSovereignAdmin", args: [ATLAS_ID, caller] }),
  ...row,
});

const organizationAdmins = (row: Row): Privileged => ({
  contract: "registry",
  allowed: ["sovereign admin", "organization admin"],
  rejection: (_f, caller) => ({ error: "RegistryNotOrganizationAdmin", args: [ORGANIZATION_ID, caller] }),
  ...row,
});

const missionManagers = (row: Row): Privileged => ({
  contract: "registry",
  allowed: ["sovereign admin", "organization admin", "mission owner"],
  rejection: (_f, caller) => ({ error: "RegistryNotMissionManager", args: [MISSION_ID, caller] }),
  ...row,
});

const governanceOnly = (contract: Privileged["contract"], row: Row): Privileged => ({
  contract,
  allowed: ["governance"],
  rejection: (_f, caller) => ({ error: "ModuleOnlyGovernance", args: [caller] }),
  ...row,
});

/**
 * setGuardian, pause, unpause, extendPause, setMaxPauseDuration and upgradeToAndCall of the
 * AtlasModule base, on either proxy.
 */
function moduleRows(contract: Privileged["contract"]): Privileged[] {
  const module = (f: Fixture) => (contract === "registry" ? f.registry : f.ledger);
  const implementation = (f: Fixture) => (contract === "registry" ? f.registryImplementation : f.ledgerImplementation);
  return [
    governanceOnly(contract, {
      name: "setGuardian",
      call: (f, s) => module(f).connect(s).setGuardian(NEWCOMER),
      emits: (f) => ({ event: "GuardianChanged", args: [f.guardian.address, NEWCOMER] }),
    }),
    {
      contract,
      name: "pause",
      allowed: ["guardian", "governance"],
      call: (f, s) => module(f).connect(s).pause(),
      emits: (_f, caller) => ({ event: "Paused", args: [caller] }),
      rejection: (_f, caller) => ({ error: "ModuleOnlyGuardian", args: [caller] }),
    },
    governanceOnly(contract, {
      name: "unpause",
      setup: (f) => module(f).connect(f.guardian).pause(),
      call: (f, s) => module(f).connect(s).unpause(),
      emits: (_f, caller) => ({ event: "Unpaused", args: [caller] }),
    }),
    governanceOnly(contract, {
      name: "extendPause",
      setup: (f) => module(f).connect(f.guardian).pause(),
      call: (f, s) => module(f).connect(s).extendPause(PAUSE_END),
      emits: () => ({ event: "PauseEndSet", args: [PAUSE_END] }),
    }),
    governanceOnly(contract, {
      name: "setMaxPauseDuration",
      call: (f, s) =>
        module(f)
          .connect(s)
          .setMaxPauseDuration(2n * DAY),
      emits: () => ({ event: "MaxPauseDurationSet", args: [DEFAULT_MAX_PAUSE_DURATION, 2n * DAY] }),
    }),
    governanceOnly(contract, {
      name: "upgradeToAndCall",
      call: (f, s) => module(f).connect(s).upgradeToAndCall(implementation(f), "0x"),
      emits: (f) => ({ event: "Upgraded", args: [implementation(f)] }),
    }),
  ];
}

const PRIVILEGED: readonly Privileged[] = [
  sovereignAdminOnly({
    name: "updateSovereignMetadata",
    call: (f, s) => f.registry.connect(s).updateSovereignMetadata(ATLAS_ID, NEW_METADATA.uri, NEW_METADATA.hash),
    emits: () => ({ event: "SovereignMetadataUpdated", args: [ATLAS_ID, NEW_METADATA.uri, NEW_METADATA.hash] }),
  }),
  governanceOnly("registry", {
    name: "suspendSovereign",
    call: (f, s) => f.registry.connect(s).suspendSovereign(ATLAS_ID),
    emits: () => ({ event: "SovereignSuspended", args: [ATLAS_ID] }),
  }),
  governanceOnly("registry", {
    name: "reactivateSovereign",
    setup: (f) => f.registry.connect(f.governance).suspendSovereign(ATLAS_ID),
    call: (f, s) => f.registry.connect(s).reactivateSovereign(ATLAS_ID),
    emits: () => ({ event: "SovereignReactivated", args: [ATLAS_ID] }),
  }),
  sovereignAdminOnly({
    name: "offerAdmin",
    call: (f, s) => f.registry.connect(s).offerAdmin(ATLAS_ID, NEWCOMER, false),
    emits: (_f, caller) => ({ event: "AdminOffered", args: [ATLAS_ID, NEWCOMER, caller, false] }),
  }),
  sovereignAdminOnly({
    name: "removeAdmin",
    setup: async (f) => {
      const coAdmin = await walletFor("co-admin");
      await f.registry.connect(f.admin).offerAdmin(ATLAS_ID, coAdmin.address, false);
      await f.registry.connect(coAdmin).acceptAdmin(ATLAS_ID);
    },
    call: (f, s) => f.registry.connect(s).removeAdmin(ATLAS_ID, walletAddress("co-admin")),
    emits: (_f, caller) => ({ event: "AdminRemoved", args: [ATLAS_ID, walletAddress("co-admin"), caller] }),
  }),
  sovereignAdminOnly({
    name: "invite",
    call: (f, s) => f.registry.connect(s).invite(ATLAS_ID, NEWCOMER),
    emits: (_f, caller) => ({ event: "MemberInvited", args: [ATLAS_ID, NEWCOMER, caller] }),
  }),
  sovereignAdminOnly({
    name: "cancelInvitation",
    call: (f, s) => f.registry.connect(s).cancelInvitation(ATLAS_ID, f.invitee.address),
    emits: (f, caller) => ({ event: "InvitationCancelled", args: [ATLAS_ID, f.invitee.address, caller] }),
  }),
  sovereignAdminOnly({
    name: "approveApplication",
    call: (f, s) => f.registry.connect(s).approveApplication(ATLAS_ID, f.applicant.address),
    emits: (f, caller) => ({ event: "MemberJoined", args: [ATLAS_ID, f.applicant.address, caller] }),
  }),
  sovereignAdminOnly({
    name: "rejectApplication",
    call: (f, s) => f.registry.connect(s).rejectApplication(ATLAS_ID, f.applicant.address),
    emits: (f, caller) => ({ event: "ApplicationRejected", args: [ATLAS_ID, f.applicant.address, caller] }),
  }),
  sovereignAdminOnly({
    name: "removeMember",
    call: (f, s) => f.registry.connect(s).removeMember(ATLAS_ID, f.bystander.address),
    emits: (f, caller) => ({ event: "MemberRemoved", args: [ATLAS_ID, f.bystander.address, caller] }),
  }),
  sovereignAdminOnly({
    name: "grantRole",
    call: (f, s) => f.registry.connect(s).grantRole(ATLAS_ID, f.bystander.address, Role.Arbiter),
    emits: (f, caller) => ({ event: "RoleGranted", args: [ATLAS_ID, f.bystander.address, Role.Arbiter, caller] }),
  }),
  sovereignAdminOnly({
    name: "revokeRole",
    call: (f, s) => f.registry.connect(s).revokeRole(ATLAS_ID, f.contributor.address, Role.Contributor),
    emits: (f, caller) => ({
      event: "RoleRevoked",
      args: [ATLAS_ID, f.contributor.address, Role.Contributor, caller],
    }),
  }),
  sovereignAdminOnly({
    name: "registerAgent",
    call: (f, s) => f.registry.connect(s).registerAgent(ATLAS_ID, NEWCOMER, f.agentOperator.address),
    emits: (f, caller) => ({ event: "AgentRegistered", args: [ATLAS_ID, NEWCOMER, f.agentOperator.address, caller] }),
  }),
  sovereignAdminOnly({
    name: "createOrganization",
    call: (f, s) =>
      f.registry.connect(s).createOrganization(ATLAS_ID, f.member.address, NEW_METADATA.uri, NEW_METADATA.hash),
    emits: (f) => ({
      event: "OrganizationCreated",
      args: [ORGANIZATION_ID + 1n, ATLAS_ID, f.member.address, NEW_METADATA.uri, NEW_METADATA.hash],
    }),
  }),
  organizationAdmins({
    name: "setOrganizationAdmin",
    call: (f, s) => f.registry.connect(s).setOrganizationAdmin(ORGANIZATION_ID, f.bystander.address, true),
    emits: (f, caller) => ({
      event: "OrganizationAdminSet",
      args: [ORGANIZATION_ID, f.bystander.address, true, caller],
    }),
  }),
  organizationAdmins({
    name: "addOrganizationMember",
    call: (f, s) => f.registry.connect(s).addOrganizationMember(ORGANIZATION_ID, f.bystander.address),
    emits: (f, caller) => ({ event: "OrganizationMemberAdded", args: [ORGANIZATION_ID, f.bystander.address, caller] }),
  }),
  organizationAdmins({
    name: "removeOrganizationMember (another member)",
    call: (f, s) => f.registry.connect(s).removeOrganizationMember(ORGANIZATION_ID, f.orgMember.address),
    emits: (f, caller) => ({
      event: "OrganizationMemberRemoved",
      args: [ORGANIZATION_ID, f.orgMember.address, caller],
    }),
  }),
  {
    contract: "registry",
    name: "createMission (no organization)",
    allowed: ["sovereign admin", "operator"],
    call: (f, s) => f.registry.connect(s).createMission(ATLAS_ID, 0n, NEW_METADATA.uri, NEW_METADATA.hash),
    emits: (_f, caller) => ({
      event: "MissionCreated",
      args: [MISSION_ID + 1n, ATLAS_ID, 0n, caller, NEW_METADATA.uri, NEW_METADATA.hash],
    }),
    rejection: (_f, caller) => ({ error: "RegistryCannotCreateMission", args: [ATLAS_ID, 0n, caller] }),
  },
  {
    contract: "registry",
    name: "createMission (in an organization)",
    allowed: ["sovereign admin", "operator", "organization admin"],
    call: (f, s) => f.registry.connect(s).createMission(ATLAS_ID, ORGANIZATION_ID, NEW_METADATA.uri, NEW_METADATA.hash),
    emits: (_f, caller) => ({
      event: "MissionCreated",
      args: [MISSION_ID + 1n, ATLAS_ID, ORGANIZATION_ID, caller, NEW_METADATA.uri, NEW_METADATA.hash],
    }),
    rejection: (_f, caller) => ({
      error: "RegistryCannotCreateMission",
      args: [ATLAS_ID, ORGANIZATION_ID, caller],
    }),
  },
  missionManagers({
    name: "transitionMission",
    call: (f, s) => f.registry.connect(s).transitionMission(MISSION_ID, MissionStatus.Open),
    emits: (_f, caller) => ({
      event: "MissionStatusChanged",
      args: [MISSION_ID, MissionStatus.Draft, MissionStatus.Open, caller],
    }),
  }),
  missionManagers({
    name: "updateMissionMetadata",
    call: (f, s) => f.registry.connect(s).updateMissionMetadata(MISSION_ID, NEW_METADATA.uri, NEW_METADATA.hash),
    emits: () => ({ event: "MissionMetadataUpdated", args: [MISSION_ID, NEW_METADATA.uri, NEW_METADATA.hash] }),
  }),
  {
    contract: "registry",
    name: "linkMissionFunding",
    allowed: ["funding module"],
    call: (f, s) => f.registry.connect(s).linkMissionFunding(MISSION_ID, 7n),
    emits: (_f, caller) => ({ event: "MissionFundingLinked", args: [MISSION_ID, caller, 7n] }),
    rejection: (_f, caller) => ({ error: "RegistryNotFundingModule", args: [caller] }),
  },
  governanceOnly("registry", {
    name: "setFundingModule",
    call: (f, s) => f.registry.connect(s).setFundingModule(NEWCOMER, true),
    emits: () => ({ event: "FundingModuleSet", args: [NEWCOMER, true] }),
  }),
  sovereignAdminOnly({
    name: "trustIssuer",
    call: (f, s) => f.registry.connect(s).trustIssuer(ATLAS_ID, f.schemas.skillCredential, NEWCOMER),
    emits: (f, caller) => ({ event: "IssuerTrusted", args: [ATLAS_ID, f.schemas.skillCredential, NEWCOMER, caller] }),
  }),
  sovereignAdminOnly({
    name: "untrustIssuer",
    call: (f, s) => f.registry.connect(s).untrustIssuer(ATLAS_ID, f.schemas.skillCredential, f.issuer.address),
    emits: (f, caller) => ({
      event: "IssuerUntrusted",
      args: [ATLAS_ID, f.schemas.skillCredential, f.issuer.address, caller],
    }),
  }),
  sovereignAdminOnly({
    name: "recognize",
    call: (f, s) => f.registry.connect(s).recognize(ATLAS_ID, BOREALIS_ID),
    emits: (_f, caller) => ({ event: "RecognitionEstablished", args: [ATLAS_ID, BOREALIS_ID, caller] }),
  }),
  sovereignAdminOnly({
    name: "revokeRecognition",
    call: (f, s) => f.registry.connect(s).revokeRecognition(ATLAS_ID, BOREALIS_ID),
    emits: (_f, caller) => ({ event: "RecognitionRevoked", args: [ATLAS_ID, BOREALIS_ID, caller] }),
  }),
  ...moduleRows("registry"),
  {
    contract: "ledger",
    name: "recordContribution",
    allowed: ["ledger recorder"],
    call: (f, s) =>
      f.ledger.connect(s).recordContribution(
        {
          sovereignId: ATLAS_ID,
          missionId: 0n,
          kind: encodeBytes32String("review"),
          token: ZeroAddress,
          amount: 0n,
          points: 10n,
          evidence: ZeroHash,
        },
        [f.member.address],
        [1],
      ),
    emits: (_f, caller) => ({
      event: "OutcomeRecorded",
      args: [1n, ATLAS_ID, 0n, encodeBytes32String("review"), ZeroAddress, 0n, 10n, ZeroHash, caller, 1n],
    }),
    rejection: (_f, caller) => ({ error: "LedgerNotRecorder", args: [caller] }),
  },
  governanceOnly("ledger", {
    name: "setRecorder",
    call: (f, s) => f.ledger.connect(s).setRecorder(NEWCOMER, true),
    emits: () => ({ event: "RecorderSet", args: [NEWCOMER, true] }),
  }),
  governanceOnly("ledger", {
    name: "setExecutionSchemas",
    call: (f, s) => f.ledger.connect(s).setExecutionSchemas(...EXECUTION_SCHEMAS),
    emits: () => ({ event: "ExecutionSchemasSet", args: [...EXECUTION_SCHEMAS] }),
  }),
  governanceOnly("ledger", {
    name: "setMaxExecutionPoints",
    call: (f, s) => f.ledger.connect(s).setMaxExecutionPoints(250n),
    emits: () => ({ event: "MaxExecutionPointsSet", args: [100n, 250n] }),
  }),
  ...moduleRows("ledger"),
];

/** The actor's signer; the timelock is impersonated again, in case a snapshot revert forgot it. */
async function signerOf(f: Fixture, actor: Actor): Promise<Signer> {
  return actor === "governance" ? impersonate(f.timelockAddress) : ACTORS[actor](f);
}

describe("permission matrix", function () {
  it("every actor is a distinct account", async function () {
    const f = await loadFixture(matrixFixture);
    const addresses = await Promise.all(Object.values(ACTORS).map((actor) => actor(f).getAddress()));
    expect(new Set(addresses).size).to.equal(Object.keys(ACTORS).length);
  });

  for (const fn of PRIVILEGED) {
    describe(`${fn.contract === "registry" ? "SovereignRegistry" : "ContributionLedger"}.${fn.name}`, function () {
      for (const actor of Object.keys(ACTORS) as Actor[]) {
        const allowed = fn.allowed.includes(actor);
        it(allowed ? `succeeds for the ${actor}` : `rejects the ${actor}`, async function () {
          const f = await loadFixture(matrixFixture);
          const contract = fn.contract === "registry" ? f.registry : f.ledger;
          if (fn.setup) await fn.setup(f);
          const signer = await signerOf(f, actor);
          const caller = await signer.getAddress();
          if (allowed) {
            const { event, args } = fn.emits(f, caller);
            await expect(fn.call(f, signer))
              .to.emit(contract, event)
              .withArgs(...args);
          } else {
            const { error, args } = fn.rejection(f, caller);
            await expect(fn.call(f, signer))
              .to.be.revertedWithCustomError(contract, error)
              .withArgs(...args);
          }
        });
      }
    });
  }
});
