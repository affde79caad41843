/**
 * The indexed tables. Amounts and timepoints are bigints (numeric(78) in the database); addresses
 * and hashes are lower-case hex, as Ponder stores them. Event rows are keyed by Ponder's event id,
 * unique per log and stable across restarts, so a replay never duplicates a row.
 */
import { index, onchainTable, primaryKey, relations } from "ponder";

/** One governor proposal, from ProposalCreated, updated by votes, extension, queue, execute and cancel. */
export const proposal = onchainTable(
  "proposal",
  (t) => ({
    id: t.bigint().primaryKey(),
    proposer: t.hex().notNull(),
    targets: t.hex().array().notNull(),
    values: t.bigint().array().notNull(),
    calldatas: t.hex().array().notNull(),
    signatures: t.text().array().notNull(),
    description: t.text().notNull(),
    /** Snapshot timepoint: voting power counts as of it; voting opens just after it. */
    voteStart: t.bigint().notNull(),
    /** Original voting deadline, as created. */
    voteEnd: t.bigint().notNull(),
    /** Current deadline: `voteEnd`, or the late-quorum extension's deadline. */
    deadline: t.bigint().notNull(),
    extended: t.boolean().notNull(),
    againstVotes: t.bigint().notNull(),
    forVotes: t.bigint().notNull(),
    abstainVotes: t.bigint().notNull(),
    voteCount: t.integer().notNull(),
    /** Timelock eta once queued, else null. */
    eta: t.bigint(),
    queuedBlock: t.bigint(),
    queuedTransaction: t.hex(),
    executed: t.boolean().notNull(),
    executedBlock: t.bigint(),
    executedTransaction: t.hex(),
    canceled: t.boolean().notNull(),
    canceledBlock: t.bigint(),
    canceledTransaction: t.hex(),
    createdBlock: t.bigint().notNull(),
    createdTimestamp: t.bigint().notNull(),
    createdTransaction: t.hex().notNull(),
  }),
  (table) => ({
    proposerIndex: index().on(table.proposer),
  }),
);

/** One ballot (VoteCast or VoteCastWithParams): the governor accepts one per voter and proposal. */
export const vote = onchainTable(
  "vote",
  (t) => ({
    proposalId: t.bigint().notNull(),
    voter: t.hex().notNull(),
    /** 0 against, 1 for, 2 abstain. */
    support: t.integer().notNull(),
    weight: t.bigint().notNull(),
    reason: t.text().notNull(),
    /** VoteCastWithParams' params; null for VoteCast. */
    params: t.hex(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.proposalId, table.voter] }),
    voterIndex: index().on(table.voter),
  }),
);

/** One DelegateChanged: `delegator` moved its votes from `fromDelegate` to `toDelegate`. */
export const delegation = onchainTable(
  "delegation",
  (t) => ({
    id: t.text().primaryKey(),
    delegator: t.hex().notNull(),
    fromDelegate: t.hex().notNull(),
    toDelegate: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    delegatorIndex: index().on(table.delegator),
    toDelegateIndex: index().on(table.toDelegate),
  }),
);

/** Voting power history: one DelegateVotesChanged. */
export const votingPower = onchainTable(
  "voting_power",
  (t) => ({
    id: t.text().primaryKey(),
    account: t.hex().notNull(),
    previousVotes: t.bigint().notNull(),
    newVotes: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    accountIndex: index().on(table.account),
  }),
);

/** One token Transfer (mints from, burns to the zero address). */
export const transfer = onchainTable(
  "transfer",
  (t) => ({
    id: t.text().primaryKey(),
    from: t.hex().notNull(),
    to: t.hex().notNull(),
    value: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    fromIndex: index().on(table.from),
    toIndex: index().on(table.to),
  }),
);

/** Every address the token has seen: its balance, delegate and current voting power. */
export const account = onchainTable("account", (t) => ({
  address: t.hex().primaryKey(),
  /** Null until the account delegates (AtlasToken has no default delegate). */
  delegate: t.hex(),
  votingPower: t.bigint().notNull(),
  balance: t.bigint().notNull(),
}));

/** Governor settings changes (voting delay and period, threshold, quorum, extension, guardian, timelock). */
export const governorSetting = onchainTable("governor_setting", (t) => ({
  id: t.text().primaryKey(),
  /** The event's name, e.g. "VotingDelaySet". */
  name: t.text().notNull(),
  oldValue: t.text().notNull(),
  newValue: t.text().notNull(),
  blockNumber: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
}));

export const proposalRelations = relations(proposal, ({ many }) => ({ votes: many(vote) }));
export const voteRelations = relations(vote, ({ one }) => ({
  proposal: one(proposal, { fields: [vote.proposalId], references: [proposal.id] }),
}));
