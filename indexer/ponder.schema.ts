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
    /** GET /organizations/:id lists the organization's missions. */
    organizationIndex: index().on(table.organizationId),
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
 * decode), and its verification once the ledger recorded it (ExecutionRecorded). `chainId` and
 * `ledger` name the only ledger that records it.
 */
export const executionRecord = onchainTable(
  "execution_record",
  (t) => ({
    uid: t.hex().primaryKey(),
    attester: t.hex().notNull(),
    recipient: t.hex().notNull(),
    chainId: t.bigint(),
    ledger: t.hex(),
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

/* MODULE PAUSES AND CLOCKS (every AtlasModule: registry, ledger, board, escrow, arbitration) */

/**
 * Where a module's pause stands, as AtlasModule keeps it (Paused, Unpaused, PauseEndSet,
 * MaxPauseDurationSet, GuardianChanged): `pauseFlag` is OpenZeppelin's flag (set by a pause, cleared
 * only by `unpause`: a pause that ended by itself leaves it set), the current or last pause runs
 * from `pausedAt` to `pauseEndsAt`, and `pausedBefore` is the time spent paused before `pausedAt`.
 * The module's clock (`moduleTime`) is the block time minus the time spent paused; `pauseState()`
 * is computed from this row and a block time (src/api/capitalTime.ts).
 */
export const moduleClock = onchainTable("module_clock", (t) => ({
  address: t.hex().primaryKey(),
  /** The contract's name in the address book's terms: "SovereignRegistry", "BountyBoard"… */
  name: t.text().notNull(),
  pauseFlag: t.boolean().notNull(),
  pausedAt: t.bigint().notNull(),
  pauseEndsAt: t.bigint().notNull(),
  pausedBefore: t.bigint().notNull(),
  /** 0: never set (the contract's default applies). */
  maxPauseDuration: t.bigint().notNull(),
  guardianReadyAt: t.bigint().notNull(),
  pauseCount: t.integer().notNull(),
  blockNumber: t.bigint().notNull(),
}));

/* THE CAPITAL LAYER (BountyBoard, MilestoneEscrow, Arbitration, RevenueSplitFactory and its splits) */

/**
 * A bounty, from BountyCreated, updated by deposits, submissions, awards, cancellation and
 * refunds. `remaining` is `funded - awarded - refunded` (`remainingOf`). Its status depends on the
 * time (Open until `deadline`, then Expired; Cancelled once cancelled): the API computes it on the
 * board's clock (`module_clock`) at the last indexed block.
 */
export const bounty = onchainTable(
  "bounty",
  (t) => ({
    id: t.bigint().primaryKey(),
    missionId: t.bigint().notNull(),
    sovereignId: t.bigint().notNull(),
    creator: t.hex().notNull(),
    /** The zero address: ETH. */
    token: t.hex().notNull(),
    deadline: t.bigint().notNull(),
    /** The credential submitters must hold (zero schema and 0: none). */
    credentialSchema: t.hex().notNull(),
    credentialTrustedBy: t.bigint().notNull(),
    metadataUri: t.text().notNull(),
    metadataHash: t.hex().notNull(),
    funded: t.bigint().notNull(),
    awarded: t.bigint().notNull(),
    refunded: t.bigint().notNull(),
    remaining: t.bigint().notNull(),
    funderCount: t.integer().notNull(),
    submissionCount: t.integer().notNull(),
    winnerCount: t.integer().notNull(),
    cancelled: t.boolean().notNull(),
    cancelledBy: t.hex(),
    cancelledBlock: t.bigint(),
    createdBlock: t.bigint().notNull(),
    createdTimestamp: t.bigint().notNull(),
    createdTransaction: t.hex().notNull(),
  }),
  (table) => ({
    missionIndex: index().on(table.missionId),
  }),
);

/** A funder's contribution to a bounty (`contributionOf`) and its refund once reclaimed. */
export const bountyFunding = onchainTable(
  "bounty_funding",
  (t) => ({
    bountyId: t.bigint().notNull(),
    funder: t.hex().notNull(),
    /** What its deposits credited (BountyFunded's `contribution`). */
    contribution: t.bigint().notNull(),
    depositCount: t.integer().notNull(),
    reclaimed: t.boolean().notNull(),
    /** FundsReclaimed: the refund and where it went. */
    refund: t.bigint(),
    refundedTo: t.hex(),
    reclaimedBlock: t.bigint(),
    reclaimedTransaction: t.hex(),
    firstBlock: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.bountyId, table.funder] }),
    funderIndex: index().on(table.funder),
  }),
);

/** One submission per account and bounty (WorkSubmitted), with what it was awarded (`submissionOf`). */
export const bountySubmission = onchainTable(
  "bounty_submission",
  (t) => ({
    bountyId: t.bigint().notNull(),
    contributor: t.hex().notNull(),
    evidenceUri: t.text().notNull(),
    contentHash: t.hex().notNull(),
    /** The credential attestation given (zero: none). */
    credentialUid: t.hex().notNull(),
    awarded: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.bountyId, table.contributor] }),
    contributorIndex: index().on(table.contributor),
  }),
);

/**
 * One BountyAwarded: whether its push failed and became a withdrawal (PaymentDeferred), and whether
 * the ledger refused to record it (BountyContributionNotRecorded; the winner is paid all the same).
 */
export const bountyAward = onchainTable(
  "bounty_award",
  (t) => ({
    id: t.text().primaryKey(),
    bountyId: t.bigint().notNull(),
    winner: t.hex().notNull(),
    by: t.hex().notNull(),
    token: t.hex().notNull(),
    amount: t.bigint().notNull(),
    /** Left to award after it. */
    remaining: t.bigint().notNull(),
    deferred: t.boolean().notNull(),
    recorded: t.boolean().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    bountyIndex: index().on(table.bountyId),
    winnerIndex: index().on(table.winner),
  }),
);

/**
 * An escrow (EscrowCreated) and its running totals: `funded` (milestones funded), `released`
 * (paid to the contributor, gross of the protocol fee), `fees` (the protocol's part of it) and
 * `refunded` (back to the funder: reclaims and rulings' shares). `endorsed`: the mission's own
 * deal (created by a mission manager for another funder, or EscrowEndorsed); `accepted`: the
 * contributor accepted the terms (EscrowAccepted, or it created the escrow itself).
 */
export const escrow = onchainTable(
  "escrow",
  (t) => ({
    id: t.bigint().primaryKey(),
    missionId: t.bigint().notNull(),
    funder: t.hex().notNull(),
    contributor: t.hex().notNull(),
    /** The zero address: ETH. */
    token: t.hex().notNull(),
    verifier: t.hex().notNull(),
    arbiter: t.hex().notNull(),
    funderSovereign: t.bigint().notNull(),
    contributorSovereign: t.bigint().notNull(),
    reviewWindow: t.integer().notNull(),
    feeBps: t.integer().notNull(),
    milestoneCount: t.integer().notNull(),
    creator: t.hex().notNull(),
    endorsed: t.boolean().notNull(),
    /** The manager who endorsed it (the creator when created by a manager for another funder). */
    endorsedBy: t.hex(),
    endorsedBlock: t.bigint(),
    accepted: t.boolean().notNull(),
    acceptedBlock: t.bigint(),
    acceptedTransaction: t.hex(),
    funded: t.bigint().notNull(),
    released: t.bigint().notNull(),
    fees: t.bigint().notNull(),
    refunded: t.bigint().notNull(),
    createdBlock: t.bigint().notNull(),
    createdTimestamp: t.bigint().notNull(),
    createdTransaction: t.hex().notNull(),
  }),
  (table) => ({
    missionIndex: index().on(table.missionId),
    funderIndex: index().on(table.funder),
    contributorIndex: index().on(table.contributor),
  }),
);

/**
 * A milestone of an escrow, as `getMilestone` reads it: kind 0 Lump, 1 Streaming; state 0
 * Unfunded, 1 Funded, 2 Submitted, 3 Released, 4 Disputed, 5 Resolved, 6 Reclaimed, 7 Cancelled;
 * `released` paid to the contributor so far, gross of fee. Plus how it got there: the submission,
 * the release, a stream's early end (StreamCancelled), the reclaim, the dispute and its
 * resolution. Times (`deadline`, `start`, `end`, `submittedAt`, `reviewEndsAt`) are on the
 * escrow's clock (`module_clock`), as the contract keeps them.
 */
export const milestone = onchainTable(
  "milestone",
  (t) => ({
    escrowId: t.bigint().notNull(),
    index: t.integer().notNull(),
    kind: t.integer().notNull(),
    amount: t.bigint().notNull(),
    state: t.integer().notNull(),
    /** Lump: the last moment to submit (0 for a stream). */
    deadline: t.bigint().notNull(),
    /** Streaming: vests linearly from `start` to `end` (0 for a lump). */
    start: t.bigint().notNull(),
    end: t.bigint().notNull(),
    released: t.bigint().notNull(),
    /** Protocol fees taken from its payouts. */
    fees: t.bigint().notNull(),
    fundedBlock: t.bigint(),
    /** A lump's submission, or a stream's cancellation by its funder (the review window runs from then). */
    submittedAt: t.bigint().notNull(),
    evidenceUri: t.text(),
    evidenceHash: t.hex(),
    /** The end of the funder's review (a lump) or of the contributor's right to dispute (a cancelled stream). */
    reviewEndsAt: t.bigint(),
    /** StreamCancelled: who ended the stream early, what had vested then (gross), the unvested rest. */
    cancelledBy: t.hex(),
    cancelledVested: t.bigint(),
    cancelledRest: t.bigint(),
    cancelledBlock: t.bigint(),
    cancelledTransaction: t.hex(),
    /** MilestoneReleased: 0 Approved, 1 Attested, 2 Optimistic. */
    releaseReason: t.integer(),
    releasedBy: t.hex(),
    attestationUid: t.hex(),
    /** Back to the funder: a reclaim's amount, or a ruling's share. */
    refunded: t.bigint().notNull(),
    disputeId: t.bigint().notNull(),
    disputedByFunder: t.boolean().notNull(),
    shareToClaimant: t.bigint(),
    /** Payouts the ledger refused to record (EscrowContributionNotRecorded), summed. */
    unrecorded: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.escrowId, table.index] }),
  }),
);

/** One StreamClaimed. */
export const streamClaim = onchainTable(
  "stream_claim",
  (t) => ({
    id: t.text().primaryKey(),
    escrowId: t.bigint().notNull(),
    index: t.integer().notNull(),
    contributor: t.hex().notNull(),
    /** Received, after the fee. */
    amount: t.bigint().notNull(),
    fee: t.bigint().notNull(),
    /** Claimed of the stream so far, gross. */
    claimedTotal: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    escrowIndex: index().on(table.escrowId),
  }),
);

/**
 * Money out of an escrow's milestone, one row per event: a lump release (MilestoneReleased), a
 * stream's early end (StreamCancelled: its vested part to the contributor), a reclaim by the
 * funder (MilestoneReclaimed) or a ruling's split (MilestoneResolved).
 */
export const milestonePayment = onchainTable(
  "milestone_payment",
  (t) => ({
    id: t.text().primaryKey(),
    escrowId: t.bigint().notNull(),
    index: t.integer().notNull(),
    /** "release" | "cancellation" | "reclaim" | "ruling". */
    kind: t.text().notNull(),
    /** Who triggered it (release, cancellation), the funder for a reclaim. */
    by: t.hex(),
    /** To the contributor, after the fee (0 for a reclaim). */
    toContributor: t.bigint().notNull(),
    fee: t.bigint().notNull(),
    /** Back to the funder. */
    toFunder: t.bigint().notNull(),
    /** The Arbitration dispute of a ruling. */
    disputeId: t.bigint(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    escrowIndex: index().on(table.escrowId),
    /** GET /disputes/:id finds the ruling's payment. */
    disputeIndex: index().on(table.disputeId),
  }),
);

/**
 * An Arbitration dispute (DisputeOpened), as `getDispute` reads it (status 1 Open, 2 Appealed,
 * 3 Finalized): its own appeal window and ruling period (copied when it opened), the appeals
 * (`appellant` the mover of round 2, `appellants` bit 1 the claimant, bit 2 the respondent), the
 * final ruling, and the escrow milestone it is about.
 */
export const dispute = onchainTable(
  "dispute",
  (t) => ({
    id: t.bigint().primaryKey(),
    arbitrable: t.hex().notNull(),
    status: t.integer().notNull(),
    round: t.integer().notNull(),
    claimant: t.hex().notNull(),
    respondent: t.hex().notNull(),
    claimantSovereign: t.bigint().notNull(),
    respondentSovereign: t.bigint().notNull(),
    token: t.hex().notNull(),
    amount: t.bigint().notNull(),
    openedAt: t.bigint().notNull(),
    appealWindow: t.bigint().notNull(),
    rulingPeriod: t.bigint().notNull(),
    /** The first appeal's time (0: none). */
    appealedAt: t.bigint().notNull(),
    /** The latest appeal's time (0: none). */
    lastAppealAt: t.bigint().notNull(),
    /** The mover of round 2 (null before any appeal). */
    appellant: t.hex(),
    appellants: t.integer().notNull(),
    /** The current round's arbiter was drawn by that round's mover (else the mover may replace it). */
    drawnByMover: t.boolean().notNull(),
    /** The appeal's ruling is due by then, or the first ruling stands. */
    appealLapsesAt: t.bigint(),
    /** DisputeFinalized: the share enforced and the round that decided (0: dismissed). */
    finalShare: t.bigint(),
    decidingRound: t.integer(),
    finalizedBlock: t.bigint(),
    finalizedTransaction: t.hex(),
    /** MilestoneDisputed: the escrow milestone in dispute (null for another arbitrable). */
    escrowId: t.bigint(),
    milestoneIndex: t.integer(),
    openedBlock: t.bigint().notNull(),
    openedTransaction: t.hex().notNull(),
  }),
  (table) => ({
    claimantIndex: index().on(table.claimant),
    respondentIndex: index().on(table.respondent),
  }),
);

/** A round of a dispute (1, or 2 once appealed), as `getRound` reads it. */
export const disputeRound = onchainTable(
  "dispute_round",
  (t) => ({
    disputeId: t.bigint().notNull(),
    round: t.integer().notNull(),
    arbiter: t.hex().notNull(),
    /** The arbiter's sovereign (0: named at deal creation, or a fallback arbiter). */
    sovereignId: t.bigint().notNull(),
    /** One of governance's fallback arbiters, drawn with sovereign 0. */
    fallbackArbiter: t.boolean().notNull(),
    assignedAt: t.bigint().notNull(),
    assignedBy: t.hex().notNull(),
    ruled: t.boolean().notNull(),
    shareToClaimant: t.bigint().notNull(),
    ruledAt: t.bigint().notNull(),
    /** Round 1: the appeal window's end; 0 for a final ruling. */
    appealDeadline: t.bigint(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.disputeId, table.round] }),
  }),
);

/** One EvidenceSubmitted (the claimant's opening evidence included). */
export const disputeEvidence = onchainTable(
  "dispute_evidence",
  (t) => ({
    id: t.text().primaryKey(),
    disputeId: t.bigint().notNull(),
    party: t.hex().notNull(),
    uri: t.text().notNull(),
    hash: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    disputeIndex: index().on(table.disputeId),
  }),
);

/** One DisputeAppealed: a party's appeal, who moves round 2 after it, and when the appeal lapses. */
export const disputeAppeal = onchainTable(
  "dispute_appeal",
  (t) => ({
    id: t.text().primaryKey(),
    disputeId: t.bigint().notNull(),
    appellant: t.hex().notNull(),
    mover: t.hex().notNull(),
    lapsesAt: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    disputeIndex: index().on(table.disputeId),
  }),
);

/** Modules governance allowed (or disallowed) to open disputes (ArbitrableSet). */
export const arbitrable = onchainTable("arbitrable", (t) => ({
  address: t.hex().primaryKey(),
  allowed: t.boolean().notNull(),
  blockNumber: t.bigint().notNull(),
}));

/** Governance's fallback arbiters (FallbackArbiterSet), drawable in every dispute with sovereign 0. */
export const fallbackArbiter = onchainTable("fallback_arbiter", (t) => ({
  address: t.hex().primaryKey(),
  allowed: t.boolean().notNull(),
  blockNumber: t.bigint().notNull(),
}));

/** Arbitration's periods for new disputes (PeriodsSet): one row, id "arbitration". */
export const arbitrationPeriods = onchainTable("arbitration_periods", (t) => ({
  id: t.text().primaryKey(),
  appealWindow: t.bigint().notNull(),
  rulingPeriod: t.bigint().notNull(),
  blockNumber: t.bigint().notNull(),
}));

/**
 * A revenue split created by the factory (SplitCreated), with its current configuration
 * (SplitUpdated) and controller (ControlTransferred; zero: immutable). Allocations and the fee are
 * parts per million.
 */
export const split = onchainTable(
  "split",
  (t) => ({
    address: t.hex().primaryKey(),
    controller: t.hex().notNull(),
    creator: t.hex().notNull(),
    splitHash: t.hex().notNull(),
    recipients: t.hex().array().notNull(),
    allocations: t.integer().array().notNull(),
    distributorFee: t.integer().notNull(),
    salt: t.hex().notNull(),
    distributionCount: t.integer().notNull(),
    createdBlock: t.bigint().notNull(),
    createdTimestamp: t.bigint().notNull(),
    createdTransaction: t.hex().notNull(),
  }),
  (table) => ({
    controllerIndex: index().on(table.controller),
  }),
);

/** One SplitDistributed. */
export const splitDistribution = onchainTable(
  "split_distribution",
  (t) => ({
    id: t.text().primaryKey(),
    split: t.hex().notNull(),
    token: t.hex().notNull(),
    distributor: t.hex().notNull(),
    splitHash: t.hex().notNull(),
    amount: t.bigint().notNull(),
    distributorReward: t.bigint().notNull(),
    /** Left in the split by rounding: `amount - reward - Σ shares`. */
    dust: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    splitIndex: index().on(table.split),
  }),
);

/**
 * What one account got from one distribution: a recipient's share (`SplitMath.shareOf` of its
 * allocation, zero shares skipped, as the split skips them) or the distributor's reward;
 * `deferred` once its push failed (PaymentDeferred).
 */
export const splitPayout = onchainTable(
  "split_payout",
  (t) => ({
    id: t.text().primaryKey(),
    distributionId: t.text().notNull(),
    split: t.hex().notNull(),
    token: t.hex().notNull(),
    account: t.hex().notNull(),
    /** "recipient" | "distributor". */
    role: t.text().notNull(),
    amount: t.bigint().notNull(),
    deferred: t.boolean().notNull(),
    blockNumber: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    distributionIndex: index().on(table.distributionId),
    /** GET /splits/:address reads every payout of the split. */
    splitIndex: index().on(table.split),
    accountIndex: index().on(table.account),
  }),
);

/**
 * What a module owes an account in a token from failed pushes, to withdraw: the
 * `pendingWithdrawal` of the bounty board, the escrow, or a split (`module` is the split's address).
 */
export const pendingWithdrawal = onchainTable(
  "pending_withdrawal",
  (t) => ({
    module: t.hex().notNull(),
    /** "bounty" | "escrow" | "split". */
    moduleKind: t.text().notNull(),
    account: t.hex().notNull(),
    token: t.hex().notNull(),
    amount: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.module, table.account, table.token] }),
    accountIndex: index().on(table.account),
  }),
);

/**
 * One credit to a pending withdrawal (`kind` "credit": the modules' PaymentDeferred) or one withdrawal (`kind` "withdrawal": the modules' Withdrawn).
 */
export const withdrawalEvent = onchainTable(
  "withdrawal_event",
  (t) => ({
    id: t.text().primaryKey(),
    module: t.hex().notNull(),
    moduleKind: t.text().notNull(),
    kind: t.text().notNull(),
    account: t.hex().notNull(),
    token: t.hex().notNull(),
    amount: t.bigint().notNull(),
    /** A withdrawal's destination. */
    to: t.hex(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    moduleIndex: index().on(table.module),
    accountIndex: index().on(table.account),
  }),
);

/**
 * Every payout to an account for work or revenue, from any capital module: a bounty award
 * (`sourceKind` "bounty", `sourceId` the bounty), a lump milestone's release ("milestone",
 * "<escrowId>:<index>"), a stream claim ("stream", same), a ruling's share to the contributor
 * ("ruling", the dispute), a split's share to a recipient ("split", the split's address) or its
 * distributor reward ("distributor", same). Amounts are what the account received or was credited
 * (net of the escrow's protocol fee). Refunds to funders are not earnings.
 */
export const earning = onchainTable(
  "earning",
  (t) => ({
    id: t.text().primaryKey(),
    account: t.hex().notNull(),
    token: t.hex().notNull(),
    sourceKind: t.text().notNull(),
    sourceId: t.text().notNull(),
    /** The contract that paid: the bounty board, the escrow, or the split. */
    module: t.hex().notNull(),
    amount: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    accountIndex: index().on(table.account),
  }),
);
