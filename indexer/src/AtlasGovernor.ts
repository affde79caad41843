/**
 * Governor handlers: proposals and their lifecycle, ballots and tallies, settings changes.
 * Events of the ABI without a handler here are not fetched by Ponder, so they cannot fail.
 */
import { ponder, type Context } from "ponder:registry";
import { governorSetting, proposal, vote } from "ponder:schema";
import type { Hex } from "viem";

import { eventRef } from "./eventRef.ts";

ponder.on("AtlasGovernor:ProposalCreated", async ({ event, context }) => {
  const { args } = event;
  await context.db.insert(proposal).values({
    id: args.proposalId,
    proposer: args.proposer,
    targets: [...args.targets],
    values: [...args.values],
    calldatas: [...args.calldatas],
    signatures: [...args.signatures],
    description: args.description,
    voteStart: args.voteStart,
    voteEnd: args.voteEnd,
    deadline: args.voteEnd,
    extended: false,
    againstVotes: 0n,
    forVotes: 0n,
    abstainVotes: 0n,
    voteCount: 0,
    executed: false,
    canceled: false,
    createdBlock: event.block.number,
    createdTimestamp: event.block.timestamp,
    createdTransaction: event.transaction.hash,
  });
});

interface Ballot {
  readonly proposalId: bigint;
  readonly voter: Hex;
  readonly support: number;
  readonly weight: bigint;
  readonly reason: string;
  readonly params: Hex | null;
}

/** Records a ballot and adds its weight to the proposal's tally (GovernorCountingSimple: 0/1/2). */
async function recordBallot(
  context: Context<"AtlasGovernor:VoteCast"> | Context<"AtlasGovernor:VoteCastWithParams">,
  ref: ReturnType<typeof eventRef>,
  ballot: Ballot,
): Promise<void> {
  await context.db.insert(vote).values({
    ...ballot,
    blockNumber: ref.blockNumber,
    timestamp: ref.timestamp,
    transactionHash: ref.transactionHash,
    logIndex: ref.logIndex,
  });
  // A ballot for a proposal created before the start block has no row to tally into.
  if ((await context.db.find(proposal, { id: ballot.proposalId })) === null) return;
  const { weight, support } = ballot;
  await context.db.update(proposal, { id: ballot.proposalId }).set((row) => ({
    againstVotes: support === 0 ? row.againstVotes + weight : row.againstVotes,
    forVotes: support === 1 ? row.forVotes + weight : row.forVotes,
    abstainVotes: support === 2 ? row.abstainVotes + weight : row.abstainVotes,
    voteCount: row.voteCount + 1,
  }));
}

ponder.on("AtlasGovernor:VoteCast", async ({ event, context }) => {
  await recordBallot(context, eventRef(event), { ...event.args, params: null });
});

ponder.on("AtlasGovernor:VoteCastWithParams", async ({ event, context }) => {
  await recordBallot(context, eventRef(event), event.args);
});

ponder.on("AtlasGovernor:ProposalExtended", async ({ event, context }) => {
  const { proposalId, extendedDeadline } = event.args;
  if ((await context.db.find(proposal, { id: proposalId })) === null) return;
  await context.db.update(proposal, { id: proposalId }).set({ deadline: extendedDeadline, extended: true });
});

ponder.on("AtlasGovernor:ProposalQueued", async ({ event, context }) => {
  const { proposalId, etaSeconds } = event.args;
  if ((await context.db.find(proposal, { id: proposalId })) === null) return;
  await context.db.update(proposal, { id: proposalId }).set({
    eta: etaSeconds,
    queuedBlock: event.block.number,
    queuedTransaction: event.transaction.hash,
  });
});

ponder.on("AtlasGovernor:ProposalExecuted", async ({ event, context }) => {
  const { proposalId } = event.args;
  if ((await context.db.find(proposal, { id: proposalId })) === null) return;
  await context.db.update(proposal, { id: proposalId }).set({
    executed: true,
    executedBlock: event.block.number,
    executedTransaction: event.transaction.hash,
  });
});

ponder.on("AtlasGovernor:ProposalCanceled", async ({ event, context }) => {
  const { proposalId } = event.args;
  if ((await context.db.find(proposal, { id: proposalId })) === null) return;
  await context.db.update(proposal, { id: proposalId }).set({
    canceled: true,
    canceledBlock: event.block.number,
    canceledTransaction: event.transaction.hash,
  });
});

/** Settings events all carry an old and a new value: one row each, values as decimal strings or addresses. */
const SETTINGS = [
  ["VotingDelaySet", "oldVotingDelay", "newVotingDelay"],
  ["VotingPeriodSet", "oldVotingPeriod", "newVotingPeriod"],
  ["ProposalThresholdSet", "oldProposalThreshold", "newProposalThreshold"],
  ["QuorumNumeratorUpdated", "oldQuorumNumerator", "newQuorumNumerator"],
  ["LateQuorumVoteExtensionSet", "oldVoteExtension", "newVoteExtension"],
  ["ProposalGuardianSet", "oldProposalGuardian", "newProposalGuardian"],
  ["TimelockChange", "oldTimelock", "newTimelock"],
] as const;

for (const [name, oldKey, newKey] of SETTINGS) {
  ponder.on(`AtlasGovernor:${name}`, async ({ event, context }) => {
    const args = event.args as Record<string, bigint | Hex>;
    await context.db.insert(governorSetting).values({
      id: event.id,
      name,
      oldValue: String(args[oldKey]),
      newValue: String(args[newKey]),
      blockNumber: event.block.number,
      transactionHash: event.transaction.hash,
    });
  });
}
