import type { AtlasContext } from "../client.ts";

import { acceptEscrow, type AcceptEscrowParameters, type AcceptEscrowReturnType } from "./acceptEscrow.ts";
import {
  approveMilestone,
  type ApproveMilestoneParameters,
  type ApproveMilestoneReturnType,
} from "./approveMilestone.ts";
import {
  approveWithAttestation,
  type ApproveWithAttestationParameters,
  type ApproveWithAttestationReturnType,
} from "./approveWithAttestation.ts";
import { awardBounty, type AwardBountyParameters, type AwardBountyReturnType } from "./awardBounty.ts";
import { cancelBounty, type CancelBountyParameters, type CancelBountyReturnType } from "./cancelBounty.ts";
import { cancelStream, type CancelStreamParameters, type CancelStreamReturnType } from "./cancelStream.ts";
import { claimStream, type ClaimStreamParameters, type ClaimStreamReturnType } from "./claimStream.ts";
import { createBounty, type CreateBountyParameters, type CreateBountyReturnType } from "./createBounty.ts";
import { createEscrow, type CreateEscrowParameters, type CreateEscrowReturnType } from "./createEscrow.ts";
import { createSplit, type CreateSplitParameters, type CreateSplitReturnType } from "./createSplit.ts";
import {
  disputeMilestone,
  type DisputeMilestoneParameters,
  type DisputeMilestoneReturnType,
} from "./disputeMilestone.ts";
import { distributeSplit, type DistributeSplitParameters, type DistributeSplitReturnType } from "./distributeSplit.ts";
import { endorseEscrow, type EndorseEscrowParameters, type EndorseEscrowReturnType } from "./endorseEscrow.ts";
import { fundBounty, type FundBountyParameters, type FundBountyReturnType } from "./fundBounty.ts";
import { fundMilestone, type FundMilestoneParameters, type FundMilestoneReturnType } from "./fundMilestone.ts";
import { getBounty, type GetBountyParameters, type GetBountyReturnType } from "./getBounty.ts";
import {
  getBountyContribution,
  type GetBountyContributionParameters,
  type GetBountyContributionReturnType,
} from "./getBountyContribution.ts";
import {
  getBountySubmission,
  type GetBountySubmissionParameters,
  type GetBountySubmissionReturnType,
} from "./getBountySubmission.ts";
import {
  getBountyWithdrawable,
  type GetBountyWithdrawableParameters,
  type GetBountyWithdrawableReturnType,
} from "./getBountyWithdrawable.ts";
import { getClaimable, type GetClaimableParameters, type GetClaimableReturnType } from "./getClaimable.ts";
import { getEscrow, type GetEscrowParameters, type GetEscrowReturnType } from "./getEscrow.ts";
import {
  getEscrowWithdrawable,
  type GetEscrowWithdrawableParameters,
  type GetEscrowWithdrawableReturnType,
} from "./getEscrowWithdrawable.ts";
import { getMilestone, type GetMilestoneParameters, type GetMilestoneReturnType } from "./getMilestone.ts";
import { getSplit, type GetSplitParameters, type GetSplitReturnType } from "./getSplit.ts";
import {
  getSplitBalances,
  type GetSplitBalancesParameters,
  type GetSplitBalancesReturnType,
} from "./getSplitBalances.ts";
import {
  predictSplitAddress,
  type PredictSplitAddressParameters,
  type PredictSplitAddressReturnType,
} from "./predictSplitAddress.ts";
import {
  reclaimBountyFunds,
  type ReclaimBountyFundsParameters,
  type ReclaimBountyFundsReturnType,
} from "./reclaimBountyFunds.ts";
import {
  reclaimMilestone,
  type ReclaimMilestoneParameters,
  type ReclaimMilestoneReturnType,
} from "./reclaimMilestone.ts";
import {
  releaseOptimistic,
  type ReleaseOptimisticParameters,
  type ReleaseOptimisticReturnType,
} from "./releaseOptimistic.ts";
import { submitMilestone, type SubmitMilestoneParameters, type SubmitMilestoneReturnType } from "./submitMilestone.ts";
import { submitWork, type SubmitWorkParameters, type SubmitWorkReturnType } from "./submitWork.ts";
import {
  transferSplitControl,
  type TransferSplitControlParameters,
  type TransferSplitControlReturnType,
} from "./transferSplitControl.ts";
import { updateSplit, type UpdateSplitParameters, type UpdateSplitReturnType } from "./updateSplit.ts";
import {
  withdrawFromBountyBoard,
  type WithdrawFromBountyBoardParameters,
  type WithdrawFromBountyBoardReturnType,
} from "./withdrawFromBountyBoard.ts";
import {
  withdrawFromEscrow,
  type WithdrawFromEscrowParameters,
  type WithdrawFromEscrowReturnType,
} from "./withdrawFromEscrow.ts";
import {
  withdrawFromSplit,
  type WithdrawFromSplitParameters,
  type WithdrawFromSplitReturnType,
} from "./withdrawFromSplit.ts";

/**
 * The capital layer's actions, bound to a client (see each action's own documentation): bounties
 * (BountyBoard), milestone escrows (MilestoneEscrow) and revenue splits (RevenueSplitFactory and
 * its splits). An escrow's disputes are settled through Arbitration: the interstate actions.
 */
export interface CapitalActions {
  // Bounties: reads
  getBounty(parameters: GetBountyParameters): Promise<GetBountyReturnType>;
  getBountyContribution(parameters: GetBountyContributionParameters): Promise<GetBountyContributionReturnType>;
  getBountySubmission(parameters: GetBountySubmissionParameters): Promise<GetBountySubmissionReturnType>;
  getBountyWithdrawable(parameters: GetBountyWithdrawableParameters): Promise<GetBountyWithdrawableReturnType>;
  // Bounties: writes
  createBounty(parameters: CreateBountyParameters): Promise<CreateBountyReturnType>;
  fundBounty(parameters: FundBountyParameters): Promise<FundBountyReturnType>;
  submitWork(parameters: SubmitWorkParameters): Promise<SubmitWorkReturnType>;
  awardBounty(parameters: AwardBountyParameters): Promise<AwardBountyReturnType>;
  cancelBounty(parameters: CancelBountyParameters): Promise<CancelBountyReturnType>;
  reclaimBountyFunds(parameters: ReclaimBountyFundsParameters): Promise<ReclaimBountyFundsReturnType>;
  withdrawFromBountyBoard(parameters?: WithdrawFromBountyBoardParameters): Promise<WithdrawFromBountyBoardReturnType>;
  // Escrows: reads
  getEscrow(parameters: GetEscrowParameters): Promise<GetEscrowReturnType>;
  getMilestone(parameters: GetMilestoneParameters): Promise<GetMilestoneReturnType>;
  getClaimable(parameters: GetClaimableParameters): Promise<GetClaimableReturnType>;
  getEscrowWithdrawable(parameters: GetEscrowWithdrawableParameters): Promise<GetEscrowWithdrawableReturnType>;
  // Escrows: writes
  createEscrow(parameters: CreateEscrowParameters): Promise<CreateEscrowReturnType>;
  acceptEscrow(parameters: AcceptEscrowParameters): Promise<AcceptEscrowReturnType>;
  endorseEscrow(parameters: EndorseEscrowParameters): Promise<EndorseEscrowReturnType>;
  fundMilestone(parameters: FundMilestoneParameters): Promise<FundMilestoneReturnType>;
  submitMilestone(parameters: SubmitMilestoneParameters): Promise<SubmitMilestoneReturnType>;
  approveMilestone(parameters: ApproveMilestoneParameters): Promise<ApproveMilestoneReturnType>;
  approveWithAttestation(parameters: ApproveWithAttestationParameters): Promise<ApproveWithAttestationReturnType>;
  releaseOptimistic(parameters: ReleaseOptimisticParameters): Promise<ReleaseOptimisticReturnType>;
  reclaimMilestone(parameters: ReclaimMilestoneParameters): Promise<ReclaimMilestoneReturnType>;
  claimStream(parameters: ClaimStreamParameters): Promise<ClaimStreamReturnType>;
  cancelStream(parameters: CancelStreamParameters): Promise<CancelStreamReturnType>;
  disputeMilestone(parameters: DisputeMilestoneParameters): Promise<DisputeMilestoneReturnType>;
  withdrawFromEscrow(parameters?: WithdrawFromEscrowParameters): Promise<WithdrawFromEscrowReturnType>;
  // Revenue splits
  /** {@link predictSplitAddress} with the client's factory: off chain, no RPC call. */
  predictSplitAddress(parameters: Omit<PredictSplitAddressParameters, "factory">): PredictSplitAddressReturnType;
  getSplit(parameters: GetSplitParameters): Promise<GetSplitReturnType>;
  getSplitBalances(parameters: GetSplitBalancesParameters): Promise<GetSplitBalancesReturnType>;
  createSplit(parameters: CreateSplitParameters): Promise<CreateSplitReturnType>;
  distributeSplit(parameters: DistributeSplitParameters): Promise<DistributeSplitReturnType>;
  withdrawFromSplit(parameters: WithdrawFromSplitParameters): Promise<WithdrawFromSplitReturnType>;
  updateSplit(parameters: UpdateSplitParameters): Promise<UpdateSplitReturnType>;
  transferSplitControl(parameters: TransferSplitControlParameters): Promise<TransferSplitControlReturnType>;
}

/**
 * The capital layer: binds every capital action to `context`. Given to
 * `createAtlasClient` as `layers: { capital }`, it becomes the client's `capital` property.
 */
export function capital(context: AtlasContext): CapitalActions {
  return {
    getBounty: (parameters) => getBounty(context, parameters),
    getBountyContribution: (parameters) => getBountyContribution(context, parameters),
    getBountySubmission: (parameters) => getBountySubmission(context, parameters),
    getBountyWithdrawable: (parameters) => getBountyWithdrawable(context, parameters),
    createBounty: (parameters) => createBounty(context, parameters),
    fundBounty: (parameters) => fundBounty(context, parameters),
    submitWork: (parameters) => submitWork(context, parameters),
    awardBounty: (parameters) => awardBounty(context, parameters),
    cancelBounty: (parameters) => cancelBounty(context, parameters),
    reclaimBountyFunds: (parameters) => reclaimBountyFunds(context, parameters),
    withdrawFromBountyBoard: (parameters) => withdrawFromBountyBoard(context, parameters),
    getEscrow: (parameters) => getEscrow(context, parameters),
    getMilestone: (parameters) => getMilestone(context, parameters),
    getClaimable: (parameters) => getClaimable(context, parameters),
    getEscrowWithdrawable: (parameters) => getEscrowWithdrawable(context, parameters),
    createEscrow: (parameters) => createEscrow(context, parameters),
    acceptEscrow: (parameters) => acceptEscrow(context, parameters),
    endorseEscrow: (parameters) => endorseEscrow(context, parameters),
    fundMilestone: (parameters) => fundMilestone(context, parameters),
    submitMilestone: (parameters) => submitMilestone(context, parameters),
    approveMilestone: (parameters) => approveMilestone(context, parameters),
    approveWithAttestation: (parameters) => approveWithAttestation(context, parameters),
    releaseOptimistic: (parameters) => releaseOptimistic(context, parameters),
    reclaimMilestone: (parameters) => reclaimMilestone(context, parameters),
    claimStream: (parameters) => claimStream(context, parameters),
    cancelStream: (parameters) => cancelStream(context, parameters),
    disputeMilestone: (parameters) => disputeMilestone(context, parameters),
    withdrawFromEscrow: (parameters) => withdrawFromEscrow(context, parameters),
    getSplit: (parameters) => getSplit(context, parameters),
    getSplitBalances: (parameters) => getSplitBalances(context, parameters),
    createSplit: (parameters) => createSplit(context, parameters),
    distributeSplit: (parameters) => distributeSplit(context, parameters),
    withdrawFromSplit: (parameters) => withdrawFromSplit(context, parameters),
    updateSplit: (parameters) => updateSplit(context, parameters),
    transferSplitControl: (parameters) => transferSplitControl(context, parameters),
    predictSplitAddress: (parameters) =>
      predictSplitAddress({ ...parameters, factory: context.addresses.splitFactory }),
  };
}
