/**
 * Type test, checked by `tsc` (`npm run typecheck`; never run): every SDK write action rejects a
 * wrong argument type at compile time. Each line passes an action its parameters, complete and
 * well typed but for one, and must fail to compile (`@ts-expect-error` fails the typecheck when
 * it does not); the actions' own calls to their contracts are checked against the ABI by
 * `simulateAndSend` (sdk/src/write.ts), whose wrong uses close the file.
 * test/sdk/writeTypes.test.ts checks that every write action has its line here.
 */
import { zeroAddress } from "viem";

import * as MilestoneEscrow from "../../sdk/src/abi/MilestoneEscrow.ts";
import { milestoneEscrowErrors } from "../../sdk/src/abi/MilestoneEscrow.ts";
import {
  acceptAdmin,
  acceptEscrow,
  acceptInvitation,
  addOrganizationMember,
  appealRuling,
  applyForMembership,
  approveApplication,
  approveMilestone,
  approveWithAttestation,
  awardBounty,
  cancel,
  cancelBounty,
  cancelInvitation,
  cancelStream,
  castVote,
  castVoteBySig,
  claimStream,
  createBounty,
  createEscrow,
  createMission,
  createOrganization,
  createSplit,
  delegate,
  delegateBySig,
  disputeMilestone,
  distributeSplit,
  endorseEscrow,
  execute,
  finalizeDispute,
  fundBounty,
  fundMilestone,
  grantRole,
  invite,
  leave,
  offerAdmin,
  propose,
  proposeArbiter,
  queue,
  reclaimBountyFunds,
  reclaimMilestone,
  recognize,
  recordVerifiedExecution,
  registerAgent,
  registerSovereign,
  rejectApplication,
  releaseOptimistic,
  removeAdmin,
  removeMember,
  removeOrganizationMember,
  revokeAttestation,
  revokeRecognition,
  revokeRole,
  ruleDispute,
  setOrganizationAdmin,
  submitEvidence,
  submitMilestone,
  submitWork,
  transferSplitControl,
  transitionMission,
  trustIssuer,
  untrustIssuer,
  updateMissionMetadata,
  updateSovereignMetadata,
  updateSplit,
  withdrawFromBountyBoard,
  withdrawFromEscrow,
  withdrawFromSplit,
  type AcceptAdminParameters,
  type AcceptEscrowParameters,
  type AcceptInvitationParameters,
  type AddOrganizationMemberParameters,
  type AppealRulingParameters,
  type ApplyForMembershipParameters,
  type ApproveApplicationParameters,
  type ApproveMilestoneParameters,
  type ApproveWithAttestationParameters,
  type AwardBountyParameters,
  type CancelBountyParameters,
  type CancelInvitationParameters,
  type CancelParameters,
  type CancelStreamParameters,
  type CastVoteBySigParameters,
  type CastVoteParameters,
  type ClaimStreamParameters,
  type CreateBountyParameters,
  type CreateEscrowParameters,
  type CreateMissionParameters,
  type CreateOrganizationParameters,
  type CreateSplitParameters,
  type DelegateBySigParameters,
  type DelegateParameters,
  type DisputeMilestoneParameters,
  type DistributeSplitParameters,
  type EndorseEscrowParameters,
  type ExecuteParameters,
  type FinalizeDisputeParameters,
  type FundBountyParameters,
  type FundMilestoneParameters,
  type GrantRoleParameters,
  type InviteParameters,
  type LeaveParameters,
  type OfferAdminParameters,
  type ProposeArbiterParameters,
  type ProposeParameters,
  type QueueParameters,
  type ReclaimBountyFundsParameters,
  type ReclaimMilestoneParameters,
  type RecognizeParameters,
  type RecordVerifiedExecutionParameters,
  type RegisterAgentParameters,
  type RegisterSovereignParameters,
  type RejectApplicationParameters,
  type ReleaseOptimisticParameters,
  type RemoveAdminParameters,
  type RemoveMemberParameters,
  type RemoveOrganizationMemberParameters,
  type RevokeAttestationParameters,
  type RevokeRecognitionParameters,
  type RevokeRoleParameters,
  type RuleDisputeParameters,
  type SetOrganizationAdminParameters,
  type SubmitEvidenceParameters,
  type SubmitMilestoneParameters,
  type SubmitWorkParameters,
  type TransferSplitControlParameters,
  type TransitionMissionParameters,
  type TrustIssuerParameters,
  type UntrustIssuerParameters,
  type UpdateMissionMetadataParameters,
  type UpdateSovereignMetadataParameters,
  type UpdateSplitParameters,
  type WithdrawFromBountyBoardParameters,
  type WithdrawFromEscrowParameters,
  type WithdrawFromSplitParameters,
  type AtlasContext,
} from "../../sdk/src/index.ts";
import { simulateAndSend } from "../../sdk/src/write.ts";

/** A value no parameter of an action accepts. */
declare const wrong: symbol;

/** The parameters of an action, all present and well typed (never built: only their type counts). */
declare function valid<T>(): T;

/** Never called: its body only has to compile. */
export async function writeActionsRejectWrongArguments(context: AtlasContext): Promise<void> {
  // @ts-expect-error `escrowId` is not a symbol
  await acceptEscrow(context, { ...valid<AcceptEscrowParameters>(), escrowId: wrong });
  // @ts-expect-error `escrowId` is not a symbol
  await approveMilestone(context, { ...valid<ApproveMilestoneParameters>(), escrowId: wrong });
  // @ts-expect-error `escrowId` is not a symbol
  await approveWithAttestation(context, { ...valid<ApproveWithAttestationParameters>(), escrowId: wrong });
  // @ts-expect-error `bountyId` is not a symbol
  await awardBounty(context, { ...valid<AwardBountyParameters>(), bountyId: wrong });
  // @ts-expect-error `bountyId` is not a symbol
  await cancelBounty(context, { ...valid<CancelBountyParameters>(), bountyId: wrong });
  // @ts-expect-error `escrowId` is not a symbol
  await cancelStream(context, { ...valid<CancelStreamParameters>(), escrowId: wrong });
  // @ts-expect-error `escrowId` is not a symbol
  await claimStream(context, { ...valid<ClaimStreamParameters>(), escrowId: wrong });
  // @ts-expect-error `missionId` is not a symbol
  await createBounty(context, { ...valid<CreateBountyParameters>(), missionId: wrong });
  // @ts-expect-error `missionId` is not a symbol
  await createEscrow(context, { ...valid<CreateEscrowParameters>(), missionId: wrong });
  // @ts-expect-error `config` is not a symbol
  await createSplit(context, { ...valid<CreateSplitParameters>(), config: wrong });
  // @ts-expect-error `escrowId` is not a symbol
  await disputeMilestone(context, { ...valid<DisputeMilestoneParameters>(), escrowId: wrong });
  // @ts-expect-error `split` is not a symbol
  await distributeSplit(context, { ...valid<DistributeSplitParameters>(), split: wrong });
  // @ts-expect-error `escrowId` is not a symbol
  await endorseEscrow(context, { ...valid<EndorseEscrowParameters>(), escrowId: wrong });
  // @ts-expect-error `bountyId` is not a symbol
  await fundBounty(context, { ...valid<FundBountyParameters>(), bountyId: wrong });
  // @ts-expect-error `escrowId` is not a symbol
  await fundMilestone(context, { ...valid<FundMilestoneParameters>(), escrowId: wrong });
  // @ts-expect-error `bountyId` is not a symbol
  await reclaimBountyFunds(context, { ...valid<ReclaimBountyFundsParameters>(), bountyId: wrong });
  // @ts-expect-error `escrowId` is not a symbol
  await reclaimMilestone(context, { ...valid<ReclaimMilestoneParameters>(), escrowId: wrong });
  // @ts-expect-error `escrowId` is not a symbol
  await releaseOptimistic(context, { ...valid<ReleaseOptimisticParameters>(), escrowId: wrong });
  // @ts-expect-error `escrowId` is not a symbol
  await submitMilestone(context, { ...valid<SubmitMilestoneParameters>(), escrowId: wrong });
  // @ts-expect-error `bountyId` is not a symbol
  await submitWork(context, { ...valid<SubmitWorkParameters>(), bountyId: wrong });
  // @ts-expect-error `split` is not a symbol
  await transferSplitControl(context, { ...valid<TransferSplitControlParameters>(), split: wrong });
  // @ts-expect-error `split` is not a symbol
  await updateSplit(context, { ...valid<UpdateSplitParameters>(), split: wrong });
  // @ts-expect-error `token` is not a symbol
  await withdrawFromBountyBoard(context, { ...valid<WithdrawFromBountyBoardParameters>(), token: wrong });
  // @ts-expect-error `token` is not a symbol
  await withdrawFromEscrow(context, { ...valid<WithdrawFromEscrowParameters>(), token: wrong });
  // @ts-expect-error `split` is not a symbol
  await withdrawFromSplit(context, { ...valid<WithdrawFromSplitParameters>(), split: wrong });
  // @ts-expect-error `proposalId` is not a symbol
  await cancel(context, { ...valid<CancelParameters>(), proposalId: wrong });
  // @ts-expect-error `proposalId` is not a symbol
  await castVote(context, { ...valid<CastVoteParameters>(), proposalId: wrong });
  // @ts-expect-error `proposalId` is not a symbol
  await castVoteBySig(context, { ...valid<CastVoteBySigParameters>(), proposalId: wrong });
  // @ts-expect-error `delegatee` is not a symbol
  await delegate(context, { ...valid<DelegateParameters>(), delegatee: wrong });
  // @ts-expect-error `delegatee` is not a symbol
  await delegateBySig(context, { ...valid<DelegateBySigParameters>(), delegatee: wrong });
  // @ts-expect-error `errors` is not a symbol
  await execute(context, { ...valid<ExecuteParameters>(), errors: wrong });
  // @ts-expect-error `description` is not a symbol
  await propose(context, { ...valid<ProposeParameters>(), description: wrong });
  // @ts-expect-error `proposalId` is not a symbol
  await queue(context, { ...valid<QueueParameters>(), proposalId: wrong });
  // @ts-expect-error `sovereignId` is not a symbol
  await acceptAdmin(context, { ...valid<AcceptAdminParameters>(), sovereignId: wrong });
  // @ts-expect-error `sovereignId` is not a symbol
  await acceptInvitation(context, { ...valid<AcceptInvitationParameters>(), sovereignId: wrong });
  // @ts-expect-error `organizationId` is not a symbol
  await addOrganizationMember(context, { ...valid<AddOrganizationMemberParameters>(), organizationId: wrong });
  // @ts-expect-error `sovereignId` is not a symbol
  await applyForMembership(context, { ...valid<ApplyForMembershipParameters>(), sovereignId: wrong });
  // @ts-expect-error `sovereignId` is not a symbol
  await approveApplication(context, { ...valid<ApproveApplicationParameters>(), sovereignId: wrong });
  // @ts-expect-error `sovereignId` is not a symbol
  await cancelInvitation(context, { ...valid<CancelInvitationParameters>(), sovereignId: wrong });
  // @ts-expect-error `sovereignId` is not a symbol
  await createMission(context, { ...valid<CreateMissionParameters>(), sovereignId: wrong });
  // @ts-expect-error `sovereignId` is not a symbol
  await createOrganization(context, { ...valid<CreateOrganizationParameters>(), sovereignId: wrong });
  // @ts-expect-error `sovereignId` is not a symbol
  await grantRole(context, { ...valid<GrantRoleParameters>(), sovereignId: wrong });
  // @ts-expect-error `sovereignId` is not a symbol
  await invite(context, { ...valid<InviteParameters>(), sovereignId: wrong });
  // @ts-expect-error `sovereignId` is not a symbol
  await leave(context, { ...valid<LeaveParameters>(), sovereignId: wrong });
  // @ts-expect-error `sovereignId` is not a symbol
  await offerAdmin(context, { ...valid<OfferAdminParameters>(), sovereignId: wrong });
  // @ts-expect-error `sovereignId` is not a symbol
  await recognize(context, { ...valid<RecognizeParameters>(), sovereignId: wrong });
  // @ts-expect-error `executionUID` is not a symbol
  await recordVerifiedExecution(context, { ...valid<RecordVerifiedExecutionParameters>(), executionUID: wrong });
  // @ts-expect-error `sovereignId` is not a symbol
  await registerAgent(context, { ...valid<RegisterAgentParameters>(), sovereignId: wrong });
  // @ts-expect-error `handle` is not a symbol
  await registerSovereign(context, { ...valid<RegisterSovereignParameters>(), handle: wrong });
  // @ts-expect-error `sovereignId` is not a symbol
  await rejectApplication(context, { ...valid<RejectApplicationParameters>(), sovereignId: wrong });
  // @ts-expect-error `sovereignId` is not a symbol
  await removeAdmin(context, { ...valid<RemoveAdminParameters>(), sovereignId: wrong });
  // @ts-expect-error `sovereignId` is not a symbol
  await removeMember(context, { ...valid<RemoveMemberParameters>(), sovereignId: wrong });
  // @ts-expect-error `organizationId` is not a symbol
  await removeOrganizationMember(context, { ...valid<RemoveOrganizationMemberParameters>(), organizationId: wrong });
  // @ts-expect-error `uid` is not a symbol
  await revokeAttestation(context, { ...valid<RevokeAttestationParameters>(), uid: wrong });
  // @ts-expect-error `sovereignId` is not a symbol
  await revokeRecognition(context, { ...valid<RevokeRecognitionParameters>(), sovereignId: wrong });
  // @ts-expect-error `sovereignId` is not a symbol
  await revokeRole(context, { ...valid<RevokeRoleParameters>(), sovereignId: wrong });
  // @ts-expect-error `organizationId` is not a symbol
  await setOrganizationAdmin(context, { ...valid<SetOrganizationAdminParameters>(), organizationId: wrong });
  // @ts-expect-error `missionId` is not a symbol
  await transitionMission(context, { ...valid<TransitionMissionParameters>(), missionId: wrong });
  // @ts-expect-error `sovereignId` is not a symbol
  await trustIssuer(context, { ...valid<TrustIssuerParameters>(), sovereignId: wrong });
  // @ts-expect-error `sovereignId` is not a symbol
  await untrustIssuer(context, { ...valid<UntrustIssuerParameters>(), sovereignId: wrong });
  // @ts-expect-error `missionId` is not a symbol
  await updateMissionMetadata(context, { ...valid<UpdateMissionMetadataParameters>(), missionId: wrong });
  // @ts-expect-error `sovereignId` is not a symbol
  await updateSovereignMetadata(context, { ...valid<UpdateSovereignMetadataParameters>(), sovereignId: wrong });
  // @ts-expect-error `disputeId` is not a symbol
  await appealRuling(context, { ...valid<AppealRulingParameters>(), disputeId: wrong });
  // @ts-expect-error `disputeId` is not a symbol
  await finalizeDispute(context, { ...valid<FinalizeDisputeParameters>(), disputeId: wrong });
  // @ts-expect-error `disputeId` is not a symbol
  await proposeArbiter(context, { ...valid<ProposeArbiterParameters>(), disputeId: wrong });
  // @ts-expect-error `disputeId` is not a symbol
  await ruleDispute(context, { ...valid<RuleDisputeParameters>(), disputeId: wrong });
  // @ts-expect-error `disputeId` is not a symbol
  await submitEvidence(context, { ...valid<SubmitEvidenceParameters>(), disputeId: wrong });
}

/** The one write path checks a call against the ABI items it is given. */
export async function theWritePathChecksTheAbi(context: AtlasContext): Promise<void> {
  const abi = [MilestoneEscrow.acceptEscrow] as const;
  const address = zeroAddress;
  // Well typed: compiles.
  await simulateAndSend(context, milestoneEscrowErrors, "acceptEscrow", {
    address,
    abi,
    functionName: "acceptEscrow",
    args: [1n],
  });
  await simulateAndSend(context, milestoneEscrowErrors, "acceptEscrow", {
    address,
    abi,
    functionName: "acceptEscrow",
    // @ts-expect-error an escrow id is a uint256 (a bigint), not a string
    args: ["1"],
  });
  await simulateAndSend(context, milestoneEscrowErrors, "acceptEscrow", {
    address,
    abi,
    functionName: "acceptEscrow",
    // @ts-expect-error acceptEscrow takes one argument
    args: [1n, 2n],
  });
  await simulateAndSend(context, milestoneEscrowErrors, "withdraw", {
    address,
    abi,
    // @ts-expect-error the ABI items given have no function `withdraw`
    functionName: "withdraw",
    args: [1n],
  });
}
