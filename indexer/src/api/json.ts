/**
 * The JSON the REST routes answer: bigints as decimal strings, addresses checksummed, hashes and
 * calldata as lower-case hex, support by name as in the SDK (`"against" | "for" | "abstain"`).
 */
import type { ProposalState } from "@atlas-os/sdk";
import type { account, proposal, vote } from "ponder:schema";
import { getAddress, type Address, type Hex } from "viem";

type ProposalRow = typeof proposal.$inferSelect;
type VoteRow = typeof vote.$inferSelect;
type AccountRow = typeof account.$inferSelect;

const SUPPORT = ["against", "for", "abstain"] as const;

const decimal = (value: bigint | null): string | null => (value === null ? null : value.toString());

export interface ProposalJson {
  readonly id: string;
  readonly proposer: Address;
  readonly targets: readonly Address[];
  readonly values: readonly string[];
  readonly calldatas: readonly Hex[];
  readonly signatures: readonly string[];
  readonly description: string;
  /** The governor's `state()`, read from the chain at the response's `blockNumber`. */
  readonly state: ProposalState;
  readonly voteStart: string;
  readonly voteEnd: string;
  readonly deadline: string;
  readonly extended: boolean;
  readonly tally: { readonly against: string; readonly for: string; readonly abstain: string };
  readonly voteCount: number;
  readonly eta: string | null;
  readonly queuedBlock: string | null;
  readonly queuedTransaction: Hex | null;
  readonly executed: boolean;
  readonly executedBlock: string | null;
  readonly executedTransaction: Hex | null;
  readonly canceled: boolean;
  readonly canceledBlock: string | null;
  readonly canceledTransaction: Hex | null;
  readonly createdBlock: string;
  readonly createdTimestamp: string;
  readonly createdTransaction: Hex;
}

export function proposalJson(row: ProposalRow, state: ProposalState): ProposalJson {
  return {
    id: row.id.toString(),
    proposer: getAddress(row.proposer),
    targets: row.targets.map((target) => getAddress(target)),
    values: row.values.map((value) => value.toString()),
    calldatas: row.calldatas,
    signatures: row.signatures,
    description: row.description,
    state,
    voteStart: row.voteStart.toString(),
    voteEnd: row.voteEnd.toString(),
    deadline: row.deadline.toString(),
    extended: row.extended,
    tally: {
      against: row.againstVotes.toString(),
      for: row.forVotes.toString(),
      abstain: row.abstainVotes.toString(),
    },
    voteCount: row.voteCount,
    eta: decimal(row.eta),
    queuedBlock: decimal(row.queuedBlock),
    queuedTransaction: row.queuedTransaction,
    executed: row.executed,
    executedBlock: decimal(row.executedBlock),
    executedTransaction: row.executedTransaction,
    canceled: row.canceled,
    canceledBlock: decimal(row.canceledBlock),
    canceledTransaction: row.canceledTransaction,
    createdBlock: row.createdBlock.toString(),
    createdTimestamp: row.createdTimestamp.toString(),
    createdTransaction: row.createdTransaction,
  };
}

export interface VoteJson {
  readonly proposalId: string;
  readonly voter: Address;
  readonly support: (typeof SUPPORT)[number];
  readonly weight: string;
  readonly reason: string;
  readonly params: Hex | null;
  readonly blockNumber: string;
  readonly timestamp: string;
  readonly transactionHash: Hex;
  readonly logIndex: number;
}

export function voteJson(row: VoteRow): VoteJson {
  return {
    proposalId: row.proposalId.toString(),
    voter: getAddress(row.voter),
    // GovernorCountingSimple rejects any other value, so the fallback never shows.
    support: SUPPORT[row.support] ?? "abstain",
    weight: row.weight.toString(),
    reason: row.reason,
    params: row.params,
    blockNumber: row.blockNumber.toString(),
    timestamp: row.timestamp.toString(),
    transactionHash: row.transactionHash,
    logIndex: row.logIndex,
  };
}

export interface AccountJson {
  readonly address: Address;
  readonly votingPower: string;
  readonly delegate: Address | null;
  readonly balance: string;
  readonly votes: readonly VoteJson[];
}

export function accountJson(address: Address, row: AccountRow | undefined, votes: readonly VoteRow[]): AccountJson {
  return {
    address: getAddress(address),
    votingPower: (row?.votingPower ?? 0n).toString(),
    delegate: row?.delegate ? getAddress(row.delegate) : null,
    balance: (row?.balance ?? 0n).toString(),
    votes: votes.map(voteJson),
  };
}
