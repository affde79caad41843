import type { AtlasContext } from "../client.ts";
import { cancel, type CancelParameters, type CancelReturnType } from "./cancel.ts";
import { castVote, type CastVoteParameters, type CastVoteReturnType } from "./castVote.ts";
import { castVoteBySig, type CastVoteBySigParameters, type CastVoteBySigReturnType } from "./castVoteBySig.ts";
import { delegate, type DelegateParameters, type DelegateReturnType } from "./delegate.ts";
import { delegateBySig, type DelegateBySigParameters, type DelegateBySigReturnType } from "./delegateBySig.ts";
import { execute, type ExecuteParameters, type ExecuteReturnType } from "./execute.ts";
import { getDelegate, type GetDelegateParameters, type GetDelegateReturnType } from "./getDelegate.ts";
import { getGovernanceSettings, type GetGovernanceSettingsReturnType } from "./getGovernanceSettings.ts";
import { getPauseState, type GetPauseStateParameters, type GetPauseStateReturnType } from "./getPauseState.ts";
import { getProposal, type GetProposalParameters, type GetProposalReturnType } from "./getProposal.ts";
import { getProposals, type GetProposalsParameters, type GetProposalsReturnType } from "./getProposals.ts";
import {
  getProposalState,
  type GetProposalStateParameters,
  type GetProposalStateReturnType,
} from "./getProposalState.ts";
import {
  getProposalVotes,
  type GetProposalVotesParameters,
  type GetProposalVotesReturnType,
} from "./getProposalVotes.ts";
import { getQuorum, type GetQuorumParameters, type GetQuorumReturnType } from "./getQuorum.ts";
import { getVotes, type GetVotesParameters, type GetVotesReturnType } from "./getVotes.ts";
import { hasVoted, type HasVotedParameters, type HasVotedReturnType } from "./hasVoted.ts";
import { propose, type ProposeParameters, type ProposeReturnType } from "./propose.ts";
import { queue, type QueueParameters, type QueueReturnType } from "./queue.ts";
import { signBallot, type SignBallotParameters, type SignBallotReturnType } from "./signBallot.ts";
import { signDelegation, type SignDelegationParameters, type SignDelegationReturnType } from "./signDelegation.ts";

/** The governance actions, bound to a client (see each action's own documentation). */
export interface GovernanceActions {
  // Reads
  getProposals(parameters?: GetProposalsParameters): Promise<GetProposalsReturnType>;
  getProposal(parameters: GetProposalParameters): Promise<GetProposalReturnType>;
  getProposalState(parameters: GetProposalStateParameters): Promise<GetProposalStateReturnType>;
  getProposalVotes(parameters: GetProposalVotesParameters): Promise<GetProposalVotesReturnType>;
  getQuorum(parameters: GetQuorumParameters): Promise<GetQuorumReturnType>;
  getVotes(parameters: GetVotesParameters): Promise<GetVotesReturnType>;
  getDelegate(parameters: GetDelegateParameters): Promise<GetDelegateReturnType>;
  hasVoted(parameters: HasVotedParameters): Promise<HasVotedReturnType>;
  getGovernanceSettings(): Promise<GetGovernanceSettingsReturnType>;
  getPauseState(parameters: GetPauseStateParameters): Promise<GetPauseStateReturnType>;
  // Writes
  propose(parameters: ProposeParameters): Promise<ProposeReturnType>;
  delegate(parameters: DelegateParameters): Promise<DelegateReturnType>;
  castVote(parameters: CastVoteParameters): Promise<CastVoteReturnType>;
  queue(parameters: QueueParameters): Promise<QueueReturnType>;
  execute(parameters: ExecuteParameters): Promise<ExecuteReturnType>;
  cancel(parameters: CancelParameters): Promise<CancelReturnType>;
  // Signatures (EIP-712) and their submission by any wallet
  signDelegation(parameters: SignDelegationParameters): Promise<SignDelegationReturnType>;
  delegateBySig(parameters: DelegateBySigParameters): Promise<DelegateBySigReturnType>;
  signBallot(parameters: SignBallotParameters): Promise<SignBallotReturnType>;
  castVoteBySig(parameters: CastVoteBySigParameters): Promise<CastVoteBySigReturnType>;
}

/**
 * The governance layer: binds every governance action to `context`. Given to
 * `createAtlasClient` as `layers: { governance }`, it becomes the client's `governance` property.
 */
export function governance(context: AtlasContext): GovernanceActions {
  return {
    getProposals: (parameters) => getProposals(context, parameters),
    getProposal: (parameters) => getProposal(context, parameters),
    getProposalState: (parameters) => getProposalState(context, parameters),
    getProposalVotes: (parameters) => getProposalVotes(context, parameters),
    getQuorum: (parameters) => getQuorum(context, parameters),
    getVotes: (parameters) => getVotes(context, parameters),
    getDelegate: (parameters) => getDelegate(context, parameters),
    hasVoted: (parameters) => hasVoted(context, parameters),
    getGovernanceSettings: () => getGovernanceSettings(context),
    getPauseState: (parameters) => getPauseState(context, parameters),
    propose: (parameters) => propose(context, parameters),
    delegate: (parameters) => delegate(context, parameters),
    castVote: (parameters) => castVote(context, parameters),
    queue: (parameters) => queue(context, parameters),
    execute: (parameters) => execute(context, parameters),
    cancel: (parameters) => cancel(context, parameters),
    signDelegation: (parameters) => signDelegation(context, parameters),
    delegateBySig: (parameters) => delegateBySig(context, parameters),
    signBallot: (parameters) => signBallot(context, parameters),
    castVoteBySig: (parameters) => castVoteBySig(context, parameters),
  };
}
