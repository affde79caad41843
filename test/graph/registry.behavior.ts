/**
 * A populated Sovereign Graph shared by the registry's lifecycle tests and the permission matrix:
 * two sovereigns, one account per kind of actor, an organization, a mission, a pending
 * invitation and a pending application, a trusted issuer and a recognition proposal.
 */
import { Wallet, id, type Signer } from "ethers";

import { Role, ethers, graphFixture, impersonate, metadata, networkHelpers } from "../helpers/graph.ts";

/** Ids the populated graph creates. */
export const ATLAS_ID = 1n;
export const BOREALIS_ID = 2n;
export const ORGANIZATION_ID = 1n;
export const MISSION_ID = 1n;

export const ATLAS_METADATA = metadata("atlas");
export const BOREALIS_METADATA = metadata("borealis");
export const ORGANIZATION_METADATA = metadata("guild");
export const MISSION_METADATA = metadata("mission");

/** The address of `walletFor(label)`, without funding it. */
export const walletAddress = (label: string): string => new Wallet(id(`atlas-os graph ${label}`)).address;

/** An account the node does not hold: a deterministic wallet with ETH for gas. */
export async function walletFor(label: string): Promise<Wallet> {
  const wallet = new Wallet(id(`atlas-os graph ${label}`), ethers.provider);
  await networkHelpers.setBalance(wallet.address, ethers.parseEther("10"));
  return wallet;
}

/** A signer for a contract's address (the timelock, for governance-only calls). */
/**
 * The stack from `graphFixture` plus:
 * - sovereign 1 "atlas" (admin alice) and sovereign 2 "borealis" (admin bob, proposing recognition to atlas);
 * - atlas members: carol (plain member), dave (Contributor), issuer, verifier, arbiter, operator,
 *   agent (operated by agentOperator), orgAdmin, missionOwner, orgMember, bystander;
 * - organization 1 of atlas (admin orgAdmin, member orgMember);
 * - mission 1 of atlas / organization 1 in Draft, owned by missionOwner (whose Operator role was revoked after);
 * - invitee invited, applicant applied; the issuer trusted for the skill credential schema;
 * - governance (the timelock) named fundingModule a funding module and recorder a ledger recorder.
 */
export async function sovereignGraphFixture() {
  const f = await graphFixture();
  const signers = f.signers;
  const { registry, ledger, alice, bob, carol, dave } = f;
  const [issuer, verifier, arbiter, operator, agent, agentOperator] = signers.slice(6, 12);
  const [orgAdmin, missionOwner, fundingModule, recorder, stranger, invitee, applicant] = signers.slice(12, 19);
  const orgMember = await walletFor("organization member");
  const bystander = await walletFor("bystander");

  const timelockAddress = await f.timelock.getAddress();
  await networkHelpers.setBalance(timelockAddress, ethers.parseEther("10"));
  const governance = await impersonate(timelockAddress);

  await registry.connect(alice).register("atlas", ATLAS_METADATA.uri, ATLAS_METADATA.hash);
  await registry.connect(bob).register("borealis", BOREALIS_METADATA.uri, BOREALIS_METADATA.hash);
  await registry.connect(bob).recognize(BOREALIS_ID, ATLAS_ID);

  const members = [carol, dave, issuer, verifier, arbiter, operator, agentOperator, orgAdmin, missionOwner];
  for (const member of [...members, orgMember, bystander]) {
    await registry.connect(alice).invite(ATLAS_ID, member.address);
    await registry.connect(member).acceptInvitation(ATLAS_ID);
  }
  const grants: [Signer, number][] = [
    [dave, Role.Contributor],
    [issuer, Role.Issuer],
    [verifier, Role.Verifier],
    [arbiter, Role.Arbiter],
    [operator, Role.Operator],
    [missionOwner, Role.Operator],
  ];
  for (const [account, role] of grants) await registry.connect(alice).grantRole(ATLAS_ID, account, role);
  await registry.connect(alice).registerAgent(ATLAS_ID, agent.address, agentOperator.address);

  await registry
    .connect(alice)
    .createOrganization(ATLAS_ID, orgAdmin.address, ORGANIZATION_METADATA.uri, ORGANIZATION_METADATA.hash);
  await registry.connect(orgAdmin).addOrganizationMember(ORGANIZATION_ID, orgMember.address);
  await registry
    .connect(missionOwner)
    .createMission(ATLAS_ID, ORGANIZATION_ID, MISSION_METADATA.uri, MISSION_METADATA.hash);
  await registry.connect(alice).revokeRole(ATLAS_ID, missionOwner.address, Role.Operator);

  await registry.connect(alice).invite(ATLAS_ID, invitee.address);
  await registry.connect(applicant).applyForMembership(ATLAS_ID);
  await registry.connect(alice).trustIssuer(ATLAS_ID, f.schemas.skillCredential, issuer.address);

  await registry.connect(governance).setFundingModule(fundingModule.address, true);
  await ledger.connect(governance).setRecorder(recorder.address, true);

  return {
    ...f,
    governance,
    timelockAddress,
    admin: alice,
    otherAdmin: bob,
    member: carol,
    contributor: dave,
    issuer,
    verifier,
    arbiter,
    operator,
    agent,
    agentOperator,
    orgAdmin,
    orgMember,
    missionOwner,
    fundingModule,
    recorder,
    stranger,
    invitee,
    applicant,
    bystander,
  };
}

export type SovereignGraph = Awaited<ReturnType<typeof sovereignGraphFixture>>;
