/**
 * @atlas-os/sdk: typed viem actions for Atlas OS. Browser-safe (no Node built-ins here); Node-only
 * helpers live in "@atlas-os/sdk/node".
 * @packageDocumentation
 */
export {
  ATLAS_SCHEMAS,
  ATLAS_SCHEMA_NAMES,
  atlasSchemaUids,
  schemaUid,
  type AtlasSchemaName,
} from "./graph/schemas.ts";
export {
  ADDRESS_BOOK_CONTRACTS,
  addressesOf,
  parseAddressBook,
  type AddressBook,
  type AtlasAddresses,
  type ContractDeployment,
} from "./addressBook.ts";
export { isLocalChain } from "./chains.ts";
export {
  createAtlasClient,
  type AllLayers,
  type AtlasClient,
  type AtlasContext,
  type AtlasLayer,
  type AtlasLayers,
  type CreateAtlasClientParameters,
} from "./client.ts";
export { allLayers } from "./layers.ts";
export { deployments } from "./deployments.ts";
export {
  AtlasAddressBookError,
  AtlasContractError,
  AtlasError,
  AtlasInputError,
  AtlasMetadataError,
  AtlasMissingWalletError,
  AtlasNetworkError,
  AtlasRevertError,
  AtlasUserRejectedError,
  AtlasWrongChainError,
  decodeAtlasError,
  toAtlasError,
  type AtlasErrorCatalog,
  type ContractErrorFormatter,
} from "./errors.ts";
export {
  atlasErrors,
  capitalErrors,
  governanceErrors,
  graphErrors,
  interstateErrors,
  type AtlasContractErrorName,
  type CapitalErrorName,
  type GovernanceErrorName,
  type GraphErrorName,
  type InterstateErrorName,
} from "./abi/catalogs.ts";
export { mergeCatalogs } from "./errorCatalog.ts";
export { arbitrationErrors } from "./abi/Arbitration.ts";
export { atlasGovernorErrors } from "./abi/AtlasGovernor.ts";
export { atlasModuleErrors } from "./abi/IAtlasModule.ts";
export { atlasTokenErrors } from "./abi/AtlasToken.ts";
export { bountyBoardErrors } from "./abi/BountyBoard.ts";
export { contributionLedgerErrors } from "./abi/ContributionLedger.ts";
export { easErrors } from "./abi/EAS.ts";
export { erc20ErrorsErrors } from "./abi/IERC20Errors.ts";
export { milestoneEscrowErrors } from "./abi/MilestoneEscrow.ts";
export { revenueSplitErrors } from "./abi/RevenueSplit.ts";
export { revenueSplitFactoryErrors } from "./abi/RevenueSplitFactory.ts";
export { sovereignRegistryErrors } from "./abi/SovereignRegistry.ts";
export { timelockControllerErrors } from "./abi/TimelockController.ts";
export { governance, type GovernanceActions } from "./governance/actions.ts";
export { cancel, type CancelErrorType, type CancelParameters, type CancelReturnType } from "./governance/cancel.ts";
export {
  castVote,
  VoteSupport,
  type CastVoteErrorType,
  type CastVoteParameters,
  type CastVoteReturnType,
} from "./governance/castVote.ts";
export {
  castVoteBySig,
  type CastVoteBySigErrorType,
  type CastVoteBySigParameters,
  type CastVoteBySigReturnType,
} from "./governance/castVoteBySig.ts";
export {
  delegate,
  type DelegateErrorType,
  type DelegateParameters,
  type DelegateReturnType,
} from "./governance/delegate.ts";
export {
  delegateBySig,
  type DelegateBySigErrorType,
  type DelegateBySigParameters,
  type DelegateBySigReturnType,
} from "./governance/delegateBySig.ts";
export {
  execute,
  type ExecuteErrorType,
  type ExecuteParameters,
  type ExecuteReturnType,
} from "./governance/execute.ts";
export {
  getDelegate,
  type GetDelegateErrorType,
  type GetDelegateParameters,
  type GetDelegateReturnType,
} from "./governance/getDelegate.ts";
export {
  getGovernanceSettings,
  type GetGovernanceSettingsErrorType,
  type GetGovernanceSettingsReturnType,
} from "./governance/getGovernanceSettings.ts";
export {
  ATLAS_MODULES,
  getPauseState,
  type AtlasModuleName,
  type GetPauseStateErrorType,
  type GetPauseStateParameters,
  type GetPauseStateReturnType,
} from "./governance/getPauseState.ts";
export {
  getProposal,
  type GetProposalErrorType,
  type GetProposalParameters,
  type GetProposalReturnType,
} from "./governance/getProposal.ts";
export {
  getProposals,
  type CreatedProposal,
  type GetProposalsErrorType,
  type GetProposalsParameters,
  type GetProposalsReturnType,
} from "./governance/getProposals.ts";
export {
  getProposalState,
  PROPOSAL_STATES,
  type GetProposalStateErrorType,
  type GetProposalStateParameters,
  type GetProposalStateReturnType,
  type ProposalState,
} from "./governance/getProposalState.ts";
export {
  getProposalVotes,
  type GetProposalVotesErrorType,
  type GetProposalVotesParameters,
  type GetProposalVotesReturnType,
} from "./governance/getProposalVotes.ts";
export {
  getQuorum,
  type GetQuorumErrorType,
  type GetQuorumParameters,
  type GetQuorumReturnType,
} from "./governance/getQuorum.ts";
export {
  getVotes,
  type GetVotesErrorType,
  type GetVotesParameters,
  type GetVotesReturnType,
} from "./governance/getVotes.ts";
export {
  hasVoted,
  type HasVotedErrorType,
  type HasVotedParameters,
  type HasVotedReturnType,
} from "./governance/hasVoted.ts";
export { hashDescription, type ProposalCalls, type ProposalReference } from "./governance/proposalCalls.ts";
export {
  propose,
  type ProposeErrorType,
  type ProposeParameters,
  type ProposeReturnType,
} from "./governance/propose.ts";
export { queue, type QueueErrorType, type QueueParameters, type QueueReturnType } from "./governance/queue.ts";
export {
  signBallot,
  type SignBallotErrorType,
  type SignBallotParameters,
  type SignBallotReturnType,
} from "./governance/signBallot.ts";
export {
  signDelegation,
  type SignDelegationErrorType,
  type SignDelegationParameters,
  type SignDelegationReturnType,
} from "./governance/signDelegation.ts";
export { graph, type GraphActions } from "./graph/actions.ts";
export {
  decodeAttestationData,
  encodeAttestationData,
  schemaUidOf,
  type AtlasAttestationData,
  type ExecutionRecordData,
  type ExecutionVerificationData,
  type MilestoneVerificationData,
  type SchemaReference,
  type SkillCredentialData,
} from "./graph/attestationData.ts";
export type { AttestationOptions, AttestReturnType } from "./graph/attest.ts";
export {
  CREDENTIAL_STATUSES,
  MISSION_STATUSES,
  ROLES,
  type CredentialStatus,
  type GrantableRole,
  type MissionStatus,
  type Role,
} from "./graph/enums.ts";
export { type AtlasAttestation } from "./graph/getAttestation.ts";
export { canonicalJson, hashMetadata, type JsonValue, type MetadataReference } from "./graph/metadata.ts";
export {
  missionMetadataSchema,
  sovereignMetadataSchema,
  type MetadataSchema,
  type MissionKpi,
  type MissionMetadata,
  type MissionRequiredSkill,
  type SovereignGeography,
  type SovereignGovernance,
  type SovereignMetadata,
  type SovereignStack,
} from "./graph/metadataSchemas.ts";
export {
  missionMetadataHash,
  sovereignMetadataHash,
  validateMissionMetadata,
  validateSovereignMetadata,
  type ValidateMetadataReturnType,
} from "./graph/validateMetadata.ts";
export {
  acceptAdmin,
  type AcceptAdminErrorType,
  type AcceptAdminParameters,
  type AcceptAdminReturnType,
} from "./graph/acceptAdmin.ts";
export {
  acceptInvitation,
  type AcceptInvitationErrorType,
  type AcceptInvitationParameters,
  type AcceptInvitationReturnType,
} from "./graph/acceptInvitation.ts";
export {
  addOrganizationMember,
  type AddOrganizationMemberErrorType,
  type AddOrganizationMemberParameters,
  type AddOrganizationMemberReturnType,
} from "./graph/addOrganizationMember.ts";
export {
  applyForMembership,
  type ApplyForMembershipErrorType,
  type ApplyForMembershipParameters,
  type ApplyForMembershipReturnType,
} from "./graph/applyForMembership.ts";
export {
  approveApplication,
  type ApproveApplicationErrorType,
  type ApproveApplicationParameters,
  type ApproveApplicationReturnType,
} from "./graph/approveApplication.ts";
export {
  attestExecutionRecord,
  type AttestExecutionRecordErrorType,
  type AttestExecutionRecordParameters,
  type AttestExecutionRecordReturnType,
} from "./graph/attestExecutionRecord.ts";
export {
  attestExecutionVerification,
  type AttestExecutionVerificationErrorType,
  type AttestExecutionVerificationParameters,
  type AttestExecutionVerificationReturnType,
} from "./graph/attestExecutionVerification.ts";
export {
  attestMilestoneVerification,
  type AttestMilestoneVerificationErrorType,
  type AttestMilestoneVerificationParameters,
  type AttestMilestoneVerificationReturnType,
} from "./graph/attestMilestoneVerification.ts";
export {
  attestSkillCredential,
  type AttestSkillCredentialErrorType,
  type AttestSkillCredentialParameters,
  type AttestSkillCredentialReturnType,
} from "./graph/attestSkillCredential.ts";
export {
  cancelInvitation,
  type CancelInvitationErrorType,
  type CancelInvitationParameters,
  type CancelInvitationReturnType,
} from "./graph/cancelInvitation.ts";
export {
  checkCredential,
  type CheckCredentialErrorType,
  type CheckCredentialParameters,
  type CheckCredentialReturnType,
} from "./graph/checkCredential.ts";
export {
  createMission,
  type CreateMissionErrorType,
  type CreateMissionParameters,
  type CreateMissionReturnType,
} from "./graph/createMission.ts";
export {
  createOrganization,
  type CreateOrganizationErrorType,
  type CreateOrganizationParameters,
  type CreateOrganizationReturnType,
} from "./graph/createOrganization.ts";
export {
  getAttestation,
  type GetAttestationErrorType,
  type GetAttestationParameters,
  type GetAttestationReturnType,
} from "./graph/getAttestation.ts";
export {
  getMember,
  type GetMemberErrorType,
  type GetMemberParameters,
  type GetMemberReturnType,
} from "./graph/getMember.ts";
export {
  getMission,
  type GetMissionErrorType,
  type GetMissionParameters,
  type GetMissionReturnType,
} from "./graph/getMission.ts";
export {
  getOrganization,
  type GetOrganizationErrorType,
  type GetOrganizationParameters,
  type GetOrganizationReturnType,
} from "./graph/getOrganization.ts";
export {
  getMaxExecutionPoints,
  type GetMaxExecutionPointsErrorType,
  type GetMaxExecutionPointsReturnType,
} from "./graph/getMaxExecutionPoints.ts";
export {
  getReputation,
  type GetReputationErrorType,
  type GetReputationParameters,
  type GetReputationReturnType,
} from "./graph/getReputation.ts";
export {
  getSovereign,
  type GetSovereignErrorType,
  type GetSovereignParameters,
  type GetSovereignReturnType,
} from "./graph/getSovereign.ts";
export {
  getSovereignId,
  type GetSovereignIdErrorType,
  type GetSovereignIdParameters,
  type GetSovereignIdReturnType,
} from "./graph/getSovereignId.ts";
export {
  grantRole,
  type GrantRoleErrorType,
  type GrantRoleParameters,
  type GrantRoleReturnType,
} from "./graph/grantRole.ts";
export { invite, type InviteErrorType, type InviteParameters, type InviteReturnType } from "./graph/invite.ts";
export {
  isMutuallyRecognized,
  type IsMutuallyRecognizedErrorType,
  type IsMutuallyRecognizedParameters,
  type IsMutuallyRecognizedReturnType,
} from "./graph/isMutuallyRecognized.ts";
export {
  isTrustedIssuer,
  type IsTrustedIssuerErrorType,
  type IsTrustedIssuerParameters,
  type IsTrustedIssuerReturnType,
} from "./graph/isTrustedIssuer.ts";
export { leave, type LeaveErrorType, type LeaveParameters, type LeaveReturnType } from "./graph/leave.ts";
export {
  offerAdmin,
  type OfferAdminErrorType,
  type OfferAdminParameters,
  type OfferAdminReturnType,
} from "./graph/offerAdmin.ts";
export {
  recognize,
  type RecognizeErrorType,
  type RecognizeParameters,
  type RecognizeReturnType,
} from "./graph/recognize.ts";
export {
  recordVerifiedExecution,
  type RecordVerifiedExecutionErrorType,
  type RecordVerifiedExecutionParameters,
  type RecordVerifiedExecutionReturnType,
} from "./graph/recordVerifiedExecution.ts";
export {
  registerAgent,
  type RegisterAgentErrorType,
  type RegisterAgentParameters,
  type RegisterAgentReturnType,
} from "./graph/registerAgent.ts";
export {
  registerSovereign,
  type RegisterSovereignErrorType,
  type RegisterSovereignParameters,
  type RegisterSovereignReturnType,
} from "./graph/registerSovereign.ts";
export {
  rejectApplication,
  type RejectApplicationErrorType,
  type RejectApplicationParameters,
  type RejectApplicationReturnType,
} from "./graph/rejectApplication.ts";
export {
  removeAdmin,
  type RemoveAdminErrorType,
  type RemoveAdminParameters,
  type RemoveAdminReturnType,
} from "./graph/removeAdmin.ts";
export {
  removeMember,
  type RemoveMemberErrorType,
  type RemoveMemberParameters,
  type RemoveMemberReturnType,
} from "./graph/removeMember.ts";
export {
  removeOrganizationMember,
  type RemoveOrganizationMemberErrorType,
  type RemoveOrganizationMemberParameters,
  type RemoveOrganizationMemberReturnType,
} from "./graph/removeOrganizationMember.ts";
export {
  revokeAttestation,
  type RevokeAttestationErrorType,
  type RevokeAttestationParameters,
  type RevokeAttestationReturnType,
} from "./graph/revokeAttestation.ts";
export {
  revokeRecognition,
  type RevokeRecognitionErrorType,
  type RevokeRecognitionParameters,
  type RevokeRecognitionReturnType,
} from "./graph/revokeRecognition.ts";
export {
  revokeRole,
  type RevokeRoleErrorType,
  type RevokeRoleParameters,
  type RevokeRoleReturnType,
} from "./graph/revokeRole.ts";
export {
  setOrganizationAdmin,
  type SetOrganizationAdminErrorType,
  type SetOrganizationAdminParameters,
  type SetOrganizationAdminReturnType,
} from "./graph/setOrganizationAdmin.ts";
export {
  transitionMission,
  type TransitionMissionErrorType,
  type TransitionMissionParameters,
  type TransitionMissionReturnType,
} from "./graph/transitionMission.ts";
export {
  trustIssuer,
  type TrustIssuerErrorType,
  type TrustIssuerParameters,
  type TrustIssuerReturnType,
} from "./graph/trustIssuer.ts";
export {
  untrustIssuer,
  type UntrustIssuerErrorType,
  type UntrustIssuerParameters,
  type UntrustIssuerReturnType,
} from "./graph/untrustIssuer.ts";
export {
  updateMissionMetadata,
  type UpdateMissionMetadataErrorType,
  type UpdateMissionMetadataParameters,
  type UpdateMissionMetadataReturnType,
} from "./graph/updateMissionMetadata.ts";
export {
  updateSovereignMetadata,
  type UpdateSovereignMetadataErrorType,
  type UpdateSovereignMetadataParameters,
  type UpdateSovereignMetadataReturnType,
} from "./graph/updateSovereignMetadata.ts";
export {
  verifyCredential,
  type VerifyCredentialErrorType,
  type VerifyCredentialParameters,
  type VerifyCredentialReturnType,
} from "./graph/verifyCredential.ts";
export { capital, type CapitalActions } from "./capital/actions.ts";
export {
  BOUNTY_STATUSES,
  MILESTONE_KINDS,
  MILESTONE_STATES,
  RELEASE_REASONS,
  type BountyStatus,
  type MilestoneKind,
  type MilestoneState,
  type ReleaseReason,
} from "./capital/enums.ts";
export {
  hashSplitConfig,
  SPLIT_MAX_DISTRIBUTOR_FEE,
  SPLIT_MAX_RECIPIENTS,
  SPLIT_TOTAL_ALLOCATION,
  type SplitConfig,
} from "./capital/splitConfig.ts";
export {
  acceptEscrow,
  type AcceptEscrowErrorType,
  type AcceptEscrowParameters,
  type AcceptEscrowReturnType,
} from "./capital/acceptEscrow.ts";
export {
  approveMilestone,
  type ApproveMilestoneErrorType,
  type ApproveMilestoneParameters,
  type ApproveMilestoneReturnType,
  type MilestoneReleaseReturnType,
} from "./capital/approveMilestone.ts";
export {
  approveWithAttestation,
  type ApproveWithAttestationErrorType,
  type ApproveWithAttestationParameters,
  type ApproveWithAttestationReturnType,
} from "./capital/approveWithAttestation.ts";
export {
  awardBounty,
  type AwardBountyErrorType,
  type AwardBountyParameters,
  type AwardBountyReturnType,
  type BountyAward,
} from "./capital/awardBounty.ts";
export {
  cancelBounty,
  type CancelBountyErrorType,
  type CancelBountyParameters,
  type CancelBountyReturnType,
} from "./capital/cancelBounty.ts";
export {
  cancelStream,
  type CancelStreamErrorType,
  type CancelStreamParameters,
  type CancelStreamReturnType,
} from "./capital/cancelStream.ts";
export {
  claimStream,
  type ClaimStreamErrorType,
  type ClaimStreamParameters,
  type ClaimStreamReturnType,
} from "./capital/claimStream.ts";
export {
  createBounty,
  type CreateBountyErrorType,
  type CreateBountyParameters,
  type CreateBountyReturnType,
} from "./capital/createBounty.ts";
export {
  createEscrow,
  type CreateEscrowErrorType,
  type CreateEscrowParameters,
  type CreateEscrowReturnType,
  type EscrowMilestoneTerms,
} from "./capital/createEscrow.ts";
export {
  createSplit,
  type CreateSplitErrorType,
  type CreateSplitParameters,
  type CreateSplitReturnType,
} from "./capital/createSplit.ts";
export {
  disputeMilestone,
  type DisputeMilestoneErrorType,
  type DisputeMilestoneParameters,
  type DisputeMilestoneReturnType,
} from "./capital/disputeMilestone.ts";
export {
  distributeSplit,
  type DistributeSplitErrorType,
  type DistributeSplitParameters,
  type DistributeSplitReturnType,
  type DeferredPayment,
} from "./capital/distributeSplit.ts";
export {
  endorseEscrow,
  type EndorseEscrowErrorType,
  type EndorseEscrowParameters,
  type EndorseEscrowReturnType,
} from "./capital/endorseEscrow.ts";
export {
  fundBounty,
  type FundBountyErrorType,
  type FundBountyParameters,
  type FundBountyReturnType,
} from "./capital/fundBounty.ts";
export {
  fundMilestone,
  type FundMilestoneErrorType,
  type FundMilestoneParameters,
  type FundMilestoneReturnType,
} from "./capital/fundMilestone.ts";
export {
  getBounty,
  type GetBountyErrorType,
  type GetBountyParameters,
  type GetBountyReturnType,
} from "./capital/getBounty.ts";
export {
  getBountyContribution,
  type GetBountyContributionErrorType,
  type GetBountyContributionParameters,
  type GetBountyContributionReturnType,
} from "./capital/getBountyContribution.ts";
export {
  getBountySubmission,
  type GetBountySubmissionErrorType,
  type GetBountySubmissionParameters,
  type GetBountySubmissionReturnType,
} from "./capital/getBountySubmission.ts";
export {
  getBountyWithdrawable,
  type GetBountyWithdrawableErrorType,
  type GetBountyWithdrawableParameters,
  type GetBountyWithdrawableReturnType,
} from "./capital/getBountyWithdrawable.ts";
export {
  getClaimable,
  type GetClaimableErrorType,
  type GetClaimableParameters,
  type GetClaimableReturnType,
} from "./capital/getClaimable.ts";
export {
  getEscrow,
  type GetEscrowErrorType,
  type GetEscrowParameters,
  type GetEscrowReturnType,
} from "./capital/getEscrow.ts";
export {
  getEscrowWithdrawable,
  type GetEscrowWithdrawableErrorType,
  type GetEscrowWithdrawableParameters,
  type GetEscrowWithdrawableReturnType,
} from "./capital/getEscrowWithdrawable.ts";
export {
  getMilestone,
  type GetMilestoneErrorType,
  type GetMilestoneParameters,
  type GetMilestoneReturnType,
} from "./capital/getMilestone.ts";
export {
  getSplit,
  type GetSplitErrorType,
  type GetSplitParameters,
  type GetSplitReturnType,
} from "./capital/getSplit.ts";
export {
  getSplitBalances,
  type GetSplitBalancesErrorType,
  type GetSplitBalancesParameters,
  type GetSplitBalancesReturnType,
} from "./capital/getSplitBalances.ts";
export {
  predictSplitAddress,
  type PredictSplitAddressErrorType,
  type PredictSplitAddressParameters,
  type PredictSplitAddressReturnType,
} from "./capital/predictSplitAddress.ts";
export {
  reclaimBountyFunds,
  type ReclaimBountyFundsErrorType,
  type ReclaimBountyFundsParameters,
  type ReclaimBountyFundsReturnType,
} from "./capital/reclaimBountyFunds.ts";
export {
  reclaimMilestone,
  type ReclaimMilestoneErrorType,
  type ReclaimMilestoneParameters,
  type ReclaimMilestoneReturnType,
} from "./capital/reclaimMilestone.ts";
export {
  releaseOptimistic,
  type ReleaseOptimisticErrorType,
  type ReleaseOptimisticParameters,
  type ReleaseOptimisticReturnType,
} from "./capital/releaseOptimistic.ts";
export {
  submitMilestone,
  type SubmitMilestoneErrorType,
  type SubmitMilestoneParameters,
  type SubmitMilestoneReturnType,
} from "./capital/submitMilestone.ts";
export {
  submitWork,
  type SubmitWorkErrorType,
  type SubmitWorkParameters,
  type SubmitWorkReturnType,
} from "./capital/submitWork.ts";
export {
  transferSplitControl,
  type TransferSplitControlErrorType,
  type TransferSplitControlParameters,
  type TransferSplitControlReturnType,
} from "./capital/transferSplitControl.ts";
export {
  updateSplit,
  type UpdateSplitErrorType,
  type UpdateSplitParameters,
  type UpdateSplitReturnType,
  type SplitDistribution,
} from "./capital/updateSplit.ts";
export {
  withdrawFromBountyBoard,
  type WithdrawFromBountyBoardErrorType,
  type WithdrawFromBountyBoardParameters,
  type WithdrawFromBountyBoardReturnType,
} from "./capital/withdrawFromBountyBoard.ts";
export {
  withdrawFromEscrow,
  type WithdrawFromEscrowErrorType,
  type WithdrawFromEscrowParameters,
  type WithdrawFromEscrowReturnType,
} from "./capital/withdrawFromEscrow.ts";
export {
  withdrawFromSplit,
  type WithdrawFromSplitErrorType,
  type WithdrawFromSplitParameters,
  type WithdrawFromSplitReturnType,
} from "./capital/withdrawFromSplit.ts";
export { interstate, type InterstateActions } from "./interstate/actions.ts";
export { ARBITER_DRAWERS, DISPUTE_STATUSES, type ArbiterDrawer, type DisputeStatus } from "./interstate/enums.ts";
export {
  appealRuling,
  type AppealRulingErrorType,
  type AppealRulingParameters,
  type AppealRulingReturnType,
} from "./interstate/appealRuling.ts";
export {
  finalizeDispute,
  type FinalizeDisputeErrorType,
  type FinalizeDisputeParameters,
  type FinalizeDisputeReturnType,
} from "./interstate/finalizeDispute.ts";
export {
  getDispute,
  type GetDisputeErrorType,
  type GetDisputeParameters,
  type GetDisputeReturnType,
  type DisputeRound,
} from "./interstate/getDispute.ts";
export {
  getFinalizableAt,
  type GetFinalizableAtErrorType,
  type GetFinalizableAtParameters,
  type GetFinalizableAtReturnType,
} from "./interstate/getFinalizableAt.ts";
export {
  isFallbackArbiter,
  type IsFallbackArbiterErrorType,
  type IsFallbackArbiterParameters,
  type IsFallbackArbiterReturnType,
} from "./interstate/isFallbackArbiter.ts";
export {
  proposeArbiter,
  type ProposeArbiterErrorType,
  type ProposeArbiterParameters,
  type ProposeArbiterReturnType,
} from "./interstate/proposeArbiter.ts";
export {
  ruleDispute,
  SHARE_SCALE,
  type RuleDisputeErrorType,
  type RuleDisputeParameters,
  type RuleDisputeReturnType,
} from "./interstate/ruleDispute.ts";
export {
  submitEvidence,
  type SubmitEvidenceErrorType,
  type SubmitEvidenceParameters,
  type SubmitEvidenceReturnType,
} from "./interstate/submitEvidence.ts";
export type { WriteResult } from "./write.ts";
