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

/* THE SOVEREIGN GRAPH (SovereignRegistry) */

/** One sovereign, from SovereignRegistered, updated by metadata, suspension and admin changes. */
export const sovereign = onchainTable(
  "sovereign",
  (t) => ({
    id: t.bigint().primaryKey(),
    handle: t.text().notNull(),
    metadataUri: t.text().notNull(),
    metadataHash: t.hex().notNull(),
    suspended: t.boolean().notNull(),
    /** Current admins: +1 per AdminAdded, -1 per AdminRemoved (as the registry's adminCount). */
    adminCount: t.integer().notNull(),
    /** The registering account (its first admin). */
    founder: t.hex().notNull(),
    createdBlock: t.bigint().notNull(),
    createdTimestamp: t.bigint().notNull(),
    createdTransaction: t.hex().notNull(),
  }),
  (table) => ({
    handleIndex: index().on(table.handle),
  }),
);

/** Adminship of an account in a sovereign; `active` false once removed or handed over. */
export const sovereignAdmin = onchainTable(
  "sovereign_admin",
  (t) => ({
    sovereignId: t.bigint().notNull(),
    account: t.hex().notNull(),
    active: t.boolean().notNull(),
    addedBlock: t.bigint().notNull(),
    addedTimestamp: t.bigint().notNull(),
    removedBlock: t.bigint(),
    removedBy: t.hex(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.sovereignId, table.account] }),
    accountIndex: index().on(table.account),
  }),
);

/** A pending adminship offer (AdminOffered), deleted when the candidate becomes admin. */
export const adminOffer = onchainTable(
  "admin_offer",
  (t) => ({
    sovereignId: t.bigint().notNull(),
    candidate: t.hex().notNull(),
    offeredBy: t.hex().notNull(),
    handOver: t.boolean().notNull(),
    blockNumber: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.sovereignId, table.candidate] }),
  }),
);

/**
 * What the registry keeps per (sovereign, account): the role bitmap (bit `uint8(Role)`, Member is
 * bit 0), the pending invitation and application, the agent's operator, and the membership's
 * history (joined, left or removed).
 */
export const member = onchainTable(
  "member",
  (t) => ({
    sovereignId: t.bigint().notNull(),
    account: t.hex().notNull(),
    /** Role bitmap, as `rolesOf`: 0 once the account left or was removed. */
    roles: t.integer().notNull(),
    /** The inviting admin of a pending invitation, else null. */
    invitedBy: t.hex(),
    /** A pending application. */
    applied: t.boolean().notNull(),
    /** The member operating this agent (Agent role), else null. */
    agentOperator: t.hex(),
    /** The admin who admitted the account last (inviting or approving; itself for a founder). */
    admittedBy: t.hex(),
    joinedBlock: t.bigint(),
    joinedTimestamp: t.bigint(),
    /** "left" (MemberLeft) or "removed" (MemberRemoved) once the membership ended, else null. */
    exit: t.text(),
    exitBlock: t.bigint(),
    exitTimestamp: t.bigint(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.sovereignId, table.account] }),
    accountIndex: index().on(table.account),
  }),
);

/** An organization inside a sovereign. */
export const organization = onchainTable(
  "organization",
  (t) => ({
    id: t.bigint().primaryKey(),
    sovereignId: t.bigint().notNull(),
    metadataUri: t.text().notNull(),
    metadataHash: t.hex().notNull(),
    /** Its first admin. */
    creator: t.hex().notNull(),
    createdBlock: t.bigint().notNull(),
    createdTimestamp: t.bigint().notNull(),
  }),
  (table) => ({
    sovereignIndex: index().on(table.sovereignId),
  }),
);

/**
 * An account in an organization, as the registry stores it. Like the registry's views, the API
 * counts it only while the account is still a member of the organization's sovereign.
 */
export const organizationMember = onchainTable(
  "organization_member",
  (t) => ({
    organizationId: t.bigint().notNull(),
    account: t.hex().notNull(),
    sovereignId: t.bigint().notNull(),
    isAdmin: t.boolean().notNull(),
    addedBlock: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.organizationId, table.account] }),
    accountIndex: index().on(table.account),
  }),
);

/** A mission: status 1 Draft, 2 Open, 3 InProgress, 4 Completed, 5 Cancelled. */
export const mission = onchainTable(
  "mission",
  (t) => ({
    id: t.bigint().primaryKey(),
    sovereignId: t.bigint().notNull(),
    /** 0: no organization. */
    organizationId: t.bigint().notNull(),
    owner: t.hex().notNull(),
    status: t.integer().notNull(),
    metadataUri: t.text().notNull(),
    metadataHash: t.hex().notNull(),
    createdBlock: t.bigint().notNull(),
    createdTimestamp: t.bigint().notNull(),
    createdTransaction: t.hex().notNull(),
  }),
  (table) => ({
    sovereignIndex: index().on(table.sovereignId),
  }),
);

/** One MissionStatusChanged. */
export const missionTransition = onchainTable(
  "mission_transition",
  (t) => ({
    id: t.text().primaryKey(),
    missionId: t.bigint().notNull(),
    from: t.integer().notNull(),
    to: t.integer().notNull(),
    by: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    missionIndex: index().on(table.missionId),
  }),
);

/** A funding module's bounty or escrow linked to a mission (MissionFundingLinked). */
export const missionFunding = onchainTable(
  "mission_funding",
  (t) => ({
    missionId: t.bigint().notNull(),
    module: t.hex().notNull(),
    fundingId: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.missionId, table.module, table.fundingId] }),
  }),
);

/** Modules governance allowed (or disallowed) to link funding to missions. */
export const fundingModule = onchainTable("funding_module", (t) => ({
  module: t.hex().primaryKey(),
  allowed: t.boolean().notNull(),
  blockNumber: t.bigint().notNull(),
}));

/** A sovereign's trust in an issuer for an EAS schema; `active` false once untrusted. */
export const trustedIssuer = onchainTable(
  "trusted_issuer",
  (t) => ({
    sovereignId: t.bigint().notNull(),
    schema: t.hex().notNull(),
    issuer: t.hex().notNull(),
    active: t.boolean().notNull(),
    blockNumber: t.bigint().notNull(),
    by: t.hex().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.sovereignId, table.schema, table.issuer] }),
  }),
);

/**
 * Recognition between two sovereigns, one row per unordered pair (`lowId` < `highId`) with both
 * directions, as the registry stores it. A revocation ends both directions.
 */
export const recognition = onchainTable(
  "recognition",
  (t) => ({
    lowId: t.bigint().notNull(),
    highId: t.bigint().notNull(),
    lowRecognizesHigh: t.boolean().notNull(),
    highRecognizesLow: t.boolean().notNull(),
    /** The last change was a RecognitionRevoked. */
    revoked: t.boolean().notNull(),
    blockNumber: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.lowId, table.highId] }),
    highIndex: index().on(table.highId),
  }),
);

/* ATTESTATIONS (EAS, Atlas schemas only) */

/** Every EAS attestation of an Atlas schema, as `getAttestation` returned it when it was made. */
export const attestation = onchainTable(
  "attestation",
  (t) => ({
    uid: t.hex().primaryKey(),
    schema: t.hex().notNull(),
    /** The Atlas schema's name (ATLAS_SCHEMAS), e.g. "skillCredential". */
    schemaName: t.text().notNull(),
    recipient: t.hex().notNull(),
    attester: t.hex().notNull(),
    refUid: t.hex().notNull(),
    /** EAS `time` (seconds). */
    time: t.bigint().notNull(),
    /** 0: never expires. */
    expirationTime: t.bigint().notNull(),
    revocable: t.boolean().notNull(),
    revoked: t.boolean().notNull(),
    /** 0 until revoked. */
    revocationTime: t.bigint().notNull(),
    data: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    recipientIndex: index().on(table.recipient),
    attesterIndex: index().on(table.attester),
  }),
);

/**
 * A skill credential (an attestation of the skillCredential schema), decoded. EAS does not check
 * data against its schema: fields that do not decode are null, and the credential still counts
 * where the registry counts it (checkCredential reads no data).
 */
export const credential = onchainTable(
  "credential",
  (t) => ({
    uid: t.hex().primaryKey(),
    schema: t.hex().notNull(),
    recipient: t.hex().notNull(),
    attester: t.hex().notNull(),
    skill: t.text(),
    level: t.integer(),
    evidenceUri: t.text(),
    time: t.bigint().notNull(),
    expirationTime: t.bigint().notNull(),
    revoked: t.boolean().notNull(),
    revocationTime: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    recipientIndex: index().on(table.recipient),
    attesterIndex: index().on(table.attester),
  }),
);

/**
 * An execution record (executionRecord schema), decoded (null fields when its data does not
 * decode), and its verification once the ledger recorded it (ExecutionRecorded).
 */
export const executionRecord = onchainTable(
  "execution_record",
  (t) => ({
    uid: t.hex().primaryKey(),
    attester: t.hex().notNull(),
    recipient: t.hex().notNull(),
    actor: t.hex(),
    sovereignId: t.bigint(),
    missionId: t.bigint(),
    taskRef: t.hex(),
    inputHash: t.hex(),
    outputHash: t.hex(),
    evidenceUri: t.text(),
    modelHash: t.hex(),
    time: t.bigint().notNull(),
    revoked: t.boolean().notNull(),
    blockNumber: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    verificationUid: t.hex(),
    verifier: t.hex(),
    /** The verification's points, as the ledger credited them. */
    points: t.bigint(),
    outcomeId: t.bigint(),
    recordedBlock: t.bigint(),
    recordedTransaction: t.hex(),
  }),
  (table) => ({
    actorIndex: index().on(table.actor),
  }),
);

/* CONTRIBUTIONS AND REPUTATION (ContributionLedger) */

/** One OutcomeRecorded: what was recorded before it was shared between accounts. */
export const outcome = onchainTable(
  "outcome",
  (t) => ({
    id: t.bigint().primaryKey(),
    sovereignId: t.bigint().notNull(),
    /** 0: no mission. */
    missionId: t.bigint().notNull(),
    kind: t.hex().notNull(),
    token: t.hex().notNull(),
    amount: t.bigint().notNull(),
    points: t.bigint().notNull(),
    evidence: t.hex().notNull(),
    recorder: t.hex().notNull(),
    accountCount: t.integer().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    sovereignIndex: index().on(table.sovereignId),
  }),
);

/** One ContributionRecorded: an account's share of an outcome, with the outcome's fields. */
export const contribution = onchainTable(
  "contribution",
  (t) => ({
    id: t.text().primaryKey(),
    outcomeId: t.bigint().notNull(),
    account: t.hex().notNull(),
    sovereignId: t.bigint().notNull(),
    missionId: t.bigint().notNull(),
    kind: t.hex().notNull(),
    token: t.hex().notNull(),
    amount: t.bigint().notNull(),
    points: t.bigint().notNull(),
    weight: t.integer().notNull(),
    /** The account's reputation in the sovereign after this contribution. */
    reputation: t.bigint().notNull(),
    /** The event's timestamp (the block's). */
    timestamp: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    accountIndex: index().on(table.account),
    sovereignIndex: index().on(table.sovereignId),
    missionIndex: index().on(table.missionId),
  }),
);

/** All-time reputation points per (sovereign, account), as `reputationOf`. */
export const reputation = onchainTable(
  "reputation",
  (t) => ({
    sovereignId: t.bigint().notNull(),
    account: t.hex().notNull(),
    points: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.sovereignId, table.account] }),
    accountIndex: index().on(table.account),
  }),
);

/** Modules governance allowed (or disallowed) to record contributions. */
export const recorder = onchainTable("recorder", (t) => ({
  address: t.hex().primaryKey(),
  allowed: t.boolean().notNull(),
  blockNumber: t.bigint().notNull(),
}));

/** The ledger's execution schemas (ExecutionSchemasSet): one row, id "ledger". */
export const executionSchemas = onchainTable("execution_schemas", (t) => ({
  id: t.text().primaryKey(),
  executionRecordSchema: t.hex().notNull(),
  executionVerificationSchema: t.hex().notNull(),
  blockNumber: t.bigint().notNull(),
}));
