import type { AtlasContext } from "../client.ts";
import { acceptAdmin, type AcceptAdminParameters, type AcceptAdminReturnType } from "./acceptAdmin.ts";
import {
  acceptInvitation,
  type AcceptInvitationParameters,
  type AcceptInvitationReturnType,
} from "./acceptInvitation.ts";
import {
  addOrganizationMember,
  type AddOrganizationMemberParameters,
  type AddOrganizationMemberReturnType,
} from "./addOrganizationMember.ts";
import {
  applyForMembership,
  type ApplyForMembershipParameters,
  type ApplyForMembershipReturnType,
} from "./applyForMembership.ts";
import {
  approveApplication,
  type ApproveApplicationParameters,
  type ApproveApplicationReturnType,
} from "./approveApplication.ts";
import {
  attestExecutionRecord,
  type AttestExecutionRecordParameters,
  type AttestExecutionRecordReturnType,
} from "./attestExecutionRecord.ts";
import {
  attestExecutionVerification,
  type AttestExecutionVerificationParameters,
  type AttestExecutionVerificationReturnType,
} from "./attestExecutionVerification.ts";
import {
  attestMilestoneVerification,
  type AttestMilestoneVerificationParameters,
  type AttestMilestoneVerificationReturnType,
} from "./attestMilestoneVerification.ts";
import {
  attestSkillCredential,
  type AttestSkillCredentialParameters,
  type AttestSkillCredentialReturnType,
} from "./attestSkillCredential.ts";
import {
  cancelInvitation,
  type CancelInvitationParameters,
  type CancelInvitationReturnType,
} from "./cancelInvitation.ts";
import { checkCredential, type CheckCredentialParameters, type CheckCredentialReturnType } from "./checkCredential.ts";
import { createMission, type CreateMissionParameters, type CreateMissionReturnType } from "./createMission.ts";
import {
  createOrganization,
  type CreateOrganizationParameters,
  type CreateOrganizationReturnType,
} from "./createOrganization.ts";
import { getAttestation, type GetAttestationParameters, type GetAttestationReturnType } from "./getAttestation.ts";
import { getMember, type GetMemberParameters, type GetMemberReturnType } from "./getMember.ts";
import { getMission, type GetMissionParameters, type GetMissionReturnType } from "./getMission.ts";
import { getOrganization, type GetOrganizationParameters, type GetOrganizationReturnType } from "./getOrganization.ts";
import { getMaxExecutionPoints, type GetMaxExecutionPointsReturnType } from "./getMaxExecutionPoints.ts";
import { getReputation, type GetReputationParameters, type GetReputationReturnType } from "./getReputation.ts";
import { getSovereign, type GetSovereignParameters, type GetSovereignReturnType } from "./getSovereign.ts";
import { getSovereignId, type GetSovereignIdParameters, type GetSovereignIdReturnType } from "./getSovereignId.ts";
import { grantRole, type GrantRoleParameters, type GrantRoleReturnType } from "./grantRole.ts";
import { invite, type InviteParameters, type InviteReturnType } from "./invite.ts";
import {
  isMutuallyRecognized,
  type IsMutuallyRecognizedParameters,
  type IsMutuallyRecognizedReturnType,
} from "./isMutuallyRecognized.ts";
import { isTrustedIssuer, type IsTrustedIssuerParameters, type IsTrustedIssuerReturnType } from "./isTrustedIssuer.ts";
import { leave, type LeaveParameters, type LeaveReturnType } from "./leave.ts";
import { offerAdmin, type OfferAdminParameters, type OfferAdminReturnType } from "./offerAdmin.ts";
import { recognize, type RecognizeParameters, type RecognizeReturnType } from "./recognize.ts";
import {
  recordVerifiedExecution,
  type RecordVerifiedExecutionParameters,
  type RecordVerifiedExecutionReturnType,
} from "./recordVerifiedExecution.ts";
import { registerAgent, type RegisterAgentParameters, type RegisterAgentReturnType } from "./registerAgent.ts";
import {
  registerSovereign,
  type RegisterSovereignParameters,
  type RegisterSovereignReturnType,
} from "./registerSovereign.ts";
import {
  rejectApplication,
  type RejectApplicationParameters,
  type RejectApplicationReturnType,
} from "./rejectApplication.ts";
import { removeAdmin, type RemoveAdminParameters, type RemoveAdminReturnType } from "./removeAdmin.ts";
import { removeMember, type RemoveMemberParameters, type RemoveMemberReturnType } from "./removeMember.ts";
import {
  removeOrganizationMember,
  type RemoveOrganizationMemberParameters,
  type RemoveOrganizationMemberReturnType,
} from "./removeOrganizationMember.ts";
import {
  revokeAttestation,
  type RevokeAttestationParameters,
  type RevokeAttestationReturnType,
} from "./revokeAttestation.ts";
import {
  revokeRecognition,
  type RevokeRecognitionParameters,
  type RevokeRecognitionReturnType,
} from "./revokeRecognition.ts";
import { revokeRole, type RevokeRoleParameters, type RevokeRoleReturnType } from "./revokeRole.ts";
import {
  setOrganizationAdmin,
  type SetOrganizationAdminParameters,
  type SetOrganizationAdminReturnType,
} from "./setOrganizationAdmin.ts";
import {
  transitionMission,
  type TransitionMissionParameters,
  type TransitionMissionReturnType,
} from "./transitionMission.ts";
import { trustIssuer, type TrustIssuerParameters, type TrustIssuerReturnType } from "./trustIssuer.ts";
import { untrustIssuer, type UntrustIssuerParameters, type UntrustIssuerReturnType } from "./untrustIssuer.ts";
import {
  updateMissionMetadata,
  type UpdateMissionMetadataParameters,
  type UpdateMissionMetadataReturnType,
} from "./updateMissionMetadata.ts";
import {
  updateSovereignMetadata,
  type UpdateSovereignMetadataParameters,
  type UpdateSovereignMetadataReturnType,
} from "./updateSovereignMetadata.ts";
import {
  verifyCredential,
  type VerifyCredentialParameters,
  type VerifyCredentialReturnType,
} from "./verifyCredential.ts";

/** The Sovereign Graph actions, bound to a client (see each action's own documentation). */
export interface GraphActions {
  // Reads: sovereigns, members, organizations, missions
  getSovereign(parameters: GetSovereignParameters): Promise<GetSovereignReturnType>;
  getSovereignId(parameters: GetSovereignIdParameters): Promise<GetSovereignIdReturnType>;
  getMember(parameters: GetMemberParameters): Promise<GetMemberReturnType>;
  getOrganization(parameters: GetOrganizationParameters): Promise<GetOrganizationReturnType>;
  getMission(parameters: GetMissionParameters): Promise<GetMissionReturnType>;
  // Reads: trust, recognition, credentials, reputation
  isMutuallyRecognized(parameters: IsMutuallyRecognizedParameters): Promise<IsMutuallyRecognizedReturnType>;
  isTrustedIssuer(parameters: IsTrustedIssuerParameters): Promise<IsTrustedIssuerReturnType>;
  checkCredential(parameters: CheckCredentialParameters): Promise<CheckCredentialReturnType>;
  getAttestation(parameters: GetAttestationParameters): Promise<GetAttestationReturnType>;
  verifyCredential(parameters: VerifyCredentialParameters): Promise<VerifyCredentialReturnType>;
  getReputation(parameters: GetReputationParameters): Promise<GetReputationReturnType>;
  getMaxExecutionPoints(): Promise<GetMaxExecutionPointsReturnType>;
  // Writes: sovereigns and admins
  registerSovereign(parameters: RegisterSovereignParameters): Promise<RegisterSovereignReturnType>;
  updateSovereignMetadata(parameters: UpdateSovereignMetadataParameters): Promise<UpdateSovereignMetadataReturnType>;
  offerAdmin(parameters: OfferAdminParameters): Promise<OfferAdminReturnType>;
  acceptAdmin(parameters: AcceptAdminParameters): Promise<AcceptAdminReturnType>;
  removeAdmin(parameters: RemoveAdminParameters): Promise<RemoveAdminReturnType>;
  // Writes: members and roles
  invite(parameters: InviteParameters): Promise<InviteReturnType>;
  cancelInvitation(parameters: CancelInvitationParameters): Promise<CancelInvitationReturnType>;
  acceptInvitation(parameters: AcceptInvitationParameters): Promise<AcceptInvitationReturnType>;
  applyForMembership(parameters: ApplyForMembershipParameters): Promise<ApplyForMembershipReturnType>;
  approveApplication(parameters: ApproveApplicationParameters): Promise<ApproveApplicationReturnType>;
  rejectApplication(parameters: RejectApplicationParameters): Promise<RejectApplicationReturnType>;
  leave(parameters: LeaveParameters): Promise<LeaveReturnType>;
  removeMember(parameters: RemoveMemberParameters): Promise<RemoveMemberReturnType>;
  grantRole(parameters: GrantRoleParameters): Promise<GrantRoleReturnType>;
  revokeRole(parameters: RevokeRoleParameters): Promise<RevokeRoleReturnType>;
  registerAgent(parameters: RegisterAgentParameters): Promise<RegisterAgentReturnType>;
  // Writes: organizations
  createOrganization(parameters: CreateOrganizationParameters): Promise<CreateOrganizationReturnType>;
  setOrganizationAdmin(parameters: SetOrganizationAdminParameters): Promise<SetOrganizationAdminReturnType>;
  addOrganizationMember(parameters: AddOrganizationMemberParameters): Promise<AddOrganizationMemberReturnType>;
  removeOrganizationMember(parameters: RemoveOrganizationMemberParameters): Promise<RemoveOrganizationMemberReturnType>;
  // Writes: missions
  createMission(parameters: CreateMissionParameters): Promise<CreateMissionReturnType>;
  transitionMission(parameters: TransitionMissionParameters): Promise<TransitionMissionReturnType>;
  updateMissionMetadata(parameters: UpdateMissionMetadataParameters): Promise<UpdateMissionMetadataReturnType>;
  // Writes: trust and recognition
  trustIssuer(parameters: TrustIssuerParameters): Promise<TrustIssuerReturnType>;
  untrustIssuer(parameters: UntrustIssuerParameters): Promise<UntrustIssuerReturnType>;
  recognize(parameters: RecognizeParameters): Promise<RecognizeReturnType>;
  revokeRecognition(parameters: RevokeRecognitionParameters): Promise<RevokeRecognitionReturnType>;
  // Writes: attestations (EAS) and the contribution ledger
  attestSkillCredential(parameters: AttestSkillCredentialParameters): Promise<AttestSkillCredentialReturnType>;
  attestExecutionRecord(parameters: AttestExecutionRecordParameters): Promise<AttestExecutionRecordReturnType>;
  attestExecutionVerification(
    parameters: AttestExecutionVerificationParameters,
  ): Promise<AttestExecutionVerificationReturnType>;
  attestMilestoneVerification(
    parameters: AttestMilestoneVerificationParameters,
  ): Promise<AttestMilestoneVerificationReturnType>;
  revokeAttestation(parameters: RevokeAttestationParameters): Promise<RevokeAttestationReturnType>;
  recordVerifiedExecution(parameters: RecordVerifiedExecutionParameters): Promise<RecordVerifiedExecutionReturnType>;
}

/**
 * The Sovereign Graph layer: binds every Sovereign Graph action to `context`. Given to
 * `createAtlasClient` as `layers: { graph }`, it becomes the client's `graph` property.
 */
export function graph(context: AtlasContext): GraphActions {
  return {
    getSovereign: (parameters) => getSovereign(context, parameters),
    getSovereignId: (parameters) => getSovereignId(context, parameters),
    getMember: (parameters) => getMember(context, parameters),
    getOrganization: (parameters) => getOrganization(context, parameters),
    getMission: (parameters) => getMission(context, parameters),
    isMutuallyRecognized: (parameters) => isMutuallyRecognized(context, parameters),
    isTrustedIssuer: (parameters) => isTrustedIssuer(context, parameters),
    checkCredential: (parameters) => checkCredential(context, parameters),
    getAttestation: (parameters) => getAttestation(context, parameters),
    verifyCredential: (parameters) => verifyCredential(context, parameters),
    getReputation: (parameters) => getReputation(context, parameters),
    getMaxExecutionPoints: () => getMaxExecutionPoints(context),
    registerSovereign: (parameters) => registerSovereign(context, parameters),
    updateSovereignMetadata: (parameters) => updateSovereignMetadata(context, parameters),
    offerAdmin: (parameters) => offerAdmin(context, parameters),
    acceptAdmin: (parameters) => acceptAdmin(context, parameters),
    removeAdmin: (parameters) => removeAdmin(context, parameters),
    invite: (parameters) => invite(context, parameters),
    cancelInvitation: (parameters) => cancelInvitation(context, parameters),
    acceptInvitation: (parameters) => acceptInvitation(context, parameters),
    applyForMembership: (parameters) => applyForMembership(context, parameters),
    approveApplication: (parameters) => approveApplication(context, parameters),
    rejectApplication: (parameters) => rejectApplication(context, parameters),
    leave: (parameters) => leave(context, parameters),
    removeMember: (parameters) => removeMember(context, parameters),
    grantRole: (parameters) => grantRole(context, parameters),
    revokeRole: (parameters) => revokeRole(context, parameters),
    registerAgent: (parameters) => registerAgent(context, parameters),
    createOrganization: (parameters) => createOrganization(context, parameters),
    setOrganizationAdmin: (parameters) => setOrganizationAdmin(context, parameters),
    addOrganizationMember: (parameters) => addOrganizationMember(context, parameters),
    removeOrganizationMember: (parameters) => removeOrganizationMember(context, parameters),
    createMission: (parameters) => createMission(context, parameters),
    transitionMission: (parameters) => transitionMission(context, parameters),
    updateMissionMetadata: (parameters) => updateMissionMetadata(context, parameters),
    trustIssuer: (parameters) => trustIssuer(context, parameters),
    untrustIssuer: (parameters) => untrustIssuer(context, parameters),
    recognize: (parameters) => recognize(context, parameters),
    revokeRecognition: (parameters) => revokeRecognition(context, parameters),
    attestSkillCredential: (parameters) => attestSkillCredential(context, parameters),
    attestExecutionRecord: (parameters) => attestExecutionRecord(context, parameters),
    attestExecutionVerification: (parameters) => attestExecutionVerification(context, parameters),
    attestMilestoneVerification: (parameters) => attestMilestoneVerification(context, parameters),
    revokeAttestation: (parameters) => revokeAttestation(context, parameters),
    recordVerifiedExecution: (parameters) => recordVerifiedExecution(context, parameters),
  };
}
