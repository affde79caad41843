/**
 * @atlas-os/sdk: typed viem actions for Atlas OS. Browser-safe (no Node built-ins here); Node-only
 * helpers live in "@atlas-os/sdk/node".
 * @packageDocumentation
 */
export { atlasGovernorAbi } from "./abi/AtlasGovernor.ts";
export { atlasTokenAbi } from "./abi/AtlasToken.ts";
export { timelockControllerAbi } from "./abi/TimelockController.ts";
export {
  ADDRESS_BOOK_CONTRACTS,
  addressesOf,
  parseAddressBook,
  type AddressBook,
  type AtlasAddresses,
  type ContractDeployment,
} from "./addressBook.ts";
export { isLocalChain } from "./chains.ts";
export { createAtlasClient, type AtlasClient, type AtlasContext, type CreateAtlasClientParameters } from "./client.ts";
export { deployments } from "./deployments.ts";
export {
  AtlasAddressBookError,
  AtlasContractError,
  AtlasError,
  AtlasMissingWalletError,
  AtlasNetworkError,
  AtlasRevertError,
  AtlasUserRejectedError,
  AtlasWrongChainError,
  atlasErrorsAbi,
  contractErrorMessages,
  toAtlasError,
  type AtlasContractErrorName,
} from "./errors.ts";
export { governanceActions, type GovernanceActions } from "./governance/actions.ts";
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
export type { WriteResult } from "./write.ts";
