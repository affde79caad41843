import {
  BaseError,
  ChainMismatchError,
  HttpRequestError,
  TimeoutError,
  UserRejectedRequestError,
  WebSocketRequestError,
  decodeErrorResult,
  formatUnits,
  type Abi,
  type ContractErrorName,
  type Hex,
} from "viem";

import type { atlasGovernorAbi } from "./abi/AtlasGovernor.ts";
import type { atlasModuleAbi } from "./abi/IAtlasModule.ts";
import type { atlasTokenAbi } from "./abi/AtlasToken.ts";
import type { contributionLedgerAbi } from "./abi/ContributionLedger.ts";
import type { easAbi } from "./abi/EAS.ts";
import type { erc20ErrorsAbi } from "./abi/IERC20Errors.ts";
import type { sovereignRegistryAbi } from "./abi/SovereignRegistry.ts";
import type { timelockControllerAbi } from "./abi/TimelockController.ts";
import { capitalErrorsAbi, governanceErrorsAbi, graphErrorsAbi, interstateErrorsAbi } from "./abi/errors.ts";
import { BOUNTY_STATUSES, MILESTONE_KINDS, MILESTONE_STATES } from "./capital/enums.ts";
import { CREDENTIAL_STATUSES, MISSION_STATUSES, ROLES } from "./graph/enums.ts";

/** Base of every error the SDK throws. `shortMessage` is a sentence a person can read. */
export class AtlasError extends BaseError {
  constructor(shortMessage: string, options: { cause?: unknown; details?: string; metaMessages?: string[] } = {}) {
    super(shortMessage, {
      ...(options.cause instanceof Error ? { cause: options.cause } : {}),
      ...(options.details !== undefined ? { details: options.details } : {}),
      ...(options.metaMessages !== undefined ? { metaMessages: options.metaMessages } : {}),
      name: "AtlasError",
    });
  }
}

/** An address book is missing or malformed, or no addresses are known for the client's chain. */
export class AtlasAddressBookError extends AtlasError {
  override name = "AtlasAddressBookError";
}

/** A write was called on a client created without a wallet client. */
export class AtlasMissingWalletError extends AtlasError {
  override name = "AtlasMissingWalletError";
  constructor(action: string) {
    super(`${action} needs a wallet: create the Atlas client with a walletClient.`);
  }
}

/** The user declined the request in their wallet. */
export class AtlasUserRejectedError extends AtlasError {
  override name = "AtlasUserRejectedError";
  constructor(cause: unknown) {
    super("The request was rejected in the wallet.", { cause });
  }
}

/** The wallet is connected to another chain than the one the client reads. */
export class AtlasWrongChainError extends AtlasError {
  override name = "AtlasWrongChainError";
  readonly expectedChainId: number;
  readonly walletChainId: number | undefined;
  constructor(expectedChainId: number, walletChainId: number | undefined, cause?: unknown) {
    super(
      `The wallet is on chain ${walletChainId ?? "unknown"}, but Atlas OS is read from chain ${expectedChainId}: switch the wallet's network.`,
      { cause },
    );
    this.expectedChainId = expectedChainId;
    this.walletChainId = walletChainId;
  }
}

/** The RPC endpoint could not be reached or did not answer in time. */
export class AtlasNetworkError extends AtlasError {
  override name = "AtlasNetworkError";
  constructor(cause: unknown) {
    super("The network request failed: the RPC endpoint could not be reached or did not answer in time.", {
      cause,
    });
  }
}

/**
 * An action's parameter is not valid (not an address, a split's allocations not summing to
 * 1,000,000…): found by the SDK before anything is signed or sent.
 */
export class AtlasInputError extends AtlasError {
  override name = "AtlasInputError";
  /** The parameter at fault, as the action names it (e.g. `recipients[2]`). */
  readonly parameter: string;
  constructor(parameter: string, shortMessage: string) {
    super(shortMessage);
    this.parameter = parameter;
  }
}

/** A metadata document does not match its JSON Schema, or is not JSON. */
export class AtlasMetadataError extends AtlasError {
  override name = "AtlasMetadataError";
  /** One sentence per problem, naming where it is. */
  readonly problems: readonly string[];
  constructor(kind: string, problems: readonly string[]) {
    super(`The ${kind} is not valid: ${problems.join("; ")}.`);
    this.problems = problems;
  }
}

/**
 * Name of a custom error of a contract the governance layer calls: `AtlasGovernor`, `AtlasToken`,
 * `TimelockController`, and every module's `IAtlasModule`.
 */
export type GovernanceErrorName =
  | ContractErrorName<typeof atlasGovernorAbi>
  | ContractErrorName<typeof atlasTokenAbi>
  | ContractErrorName<typeof timelockControllerAbi>
  | ContractErrorName<typeof atlasModuleAbi>;

/** Name of a custom error of a contract the graph layer calls: `SovereignRegistry`, `ContributionLedger`, `EAS`. */
export type GraphErrorName =
  | ContractErrorName<typeof sovereignRegistryAbi>
  | ContractErrorName<typeof contributionLedgerAbi>
  | ContractErrorName<typeof easAbi>;

/**
 * Name of a custom error a capital layer's action can revert with: those of `BountyBoard`,
 * `MilestoneEscrow`, `RevenueSplitFactory` and `RevenueSplit`, and those their calls let
 * through: the ERC-20 errors of ERC-6093, and a few of `SovereignRegistry` (checking and linking
 * a mission) and of `Arbitration` (opening a dispute).
 */
export type CapitalErrorName = ContractErrorName<typeof capitalErrorsAbi>;

/**
 * Name of a custom error an interstate layer's action can revert with: those of `Arbitration`,
 * and those of `MilestoneEscrow` that enforcing a ruling lets through.
 */
export type InterstateErrorName = ContractErrorName<typeof interstateErrorsAbi>;

/** Name of a custom error of any Atlas OS contract. */
export type AtlasContractErrorName = GovernanceErrorName | GraphErrorName | CapitalErrorName | InterstateErrorName;

export { capitalErrorsAbi, governanceErrorsAbi, graphErrorsAbi, interstateErrorsAbi };

/**
 * Every custom error of the Atlas OS contracts, deduplicated: the union of
 * {@link governanceErrorsAbi}, {@link graphErrorsAbi}, {@link capitalErrorsAbi} and
 * {@link interstateErrorsAbi}, built at run time so that a bundle using one layer carries that
 * layer's errors only.
 */
export const atlasErrorsAbi: readonly (
  | (typeof governanceErrorsAbi)[number]
  | (typeof graphErrorsAbi)[number]
  | (typeof capitalErrorsAbi)[number]
  | (typeof interstateErrorsAbi)[number]
)[] = /* @__PURE__ */ mergeAbis(governanceErrorsAbi, graphErrorsAbi, capitalErrorsAbi, interstateErrorsAbi);

/** `abis` concatenated, without repeating an item (the generator writes equal items equally). */
function mergeAbis<const TAbis extends readonly Abi[]>(...abis: TAbis): readonly TAbis[number][number][] {
  return [...new Map(abis.flat().map((item) => [JSON.stringify(item), item])).values()];
}

const STATES = ["Pending", "Active", "Canceled", "Defeated", "Succeeded", "Queued", "Expired", "Executed"];
const str = (value: unknown): string => String(value);
const tokens = (value: unknown): string => `${formatUnits(value as bigint, 18)} tokens`;
const states = (bitmap: unknown): string => {
  const bits = BigInt(bitmap as bigint);
  const names = STATES.filter((_, i) => (bits >> BigInt(i)) & 1n);
  return names.length === 0 ? "none" : names.join(" or ");
};
const proposalState = (value: unknown): string => STATES[Number(value)] ?? str(value);
const role = (value: unknown): string => ROLES[Number(value)] ?? `#${str(value)}`;
const missionStatus = (value: unknown): string =>
  (MISSION_STATUSES[Number(value)] ?? `#${str(value)}`).replace("inProgress", "in progress");
const credentialStatus = (value: unknown): string => CREDENTIAL_STATUSES[Number(value)] ?? `#${str(value)}`;
const bountyStatus = (value: unknown): string => BOUNTY_STATUSES[Number(value)] ?? `#${str(value)}`;
const milestoneKind = (value: unknown): string => MILESTONE_KINDS[Number(value)] ?? `#${str(value)}`;
const milestoneState = (value: unknown): string => MILESTONE_STATES[Number(value)] ?? `#${str(value)}`;
/** The zero address is ETH in the capital contracts. */
const asset = (token: unknown): string => (BigInt(token as string) === 0n ? "ETH" : `token ${str(token)}`);
/** A unix time (seconds) in UTC, ISO 8601. */
const time = (seconds: unknown): string => {
  const date = new Date(Number(seconds) * 1000);
  return Number.isNaN(date.getTime()) ? `unix time ${str(seconds)}` : date.toISOString().replace(".000Z", "Z");
};

/** Renders a custom error's decoded arguments as a sentence a person can read. */
export type ContractErrorFormatter = (args: readonly unknown[]) => string;
type Formatter = ContractErrorFormatter;

/**
 * What decoding a layer's errors needs: the ABI of the custom errors its contracts can revert
 * with, and a readable sentence for each of them ({@link governanceErrors}, {@link graphErrors},
 * {@link capitalErrors}, or {@link atlasErrors} for all).
 */
export interface AtlasErrorCatalog {
  /** The custom errors, as an ABI. */
  readonly abi: Abi;
  /** A sentence for each custom error of {@link AtlasErrorCatalog.abi | abi}, by name. */
  readonly messages: Readonly<Partial<Record<AtlasContractErrorName, ContractErrorFormatter>>>;
}

/** OpenZeppelin's SafeCast, in the token's checkpoints and the bounty board's shares. */
const safeCastErrorMessages = {
  SafeCastOverflowedUintDowncast: ([bits, value]) => `${str(value)} does not fit in ${str(bits)} bits.`,
} as const satisfies Partial<Record<AtlasContractErrorName, Formatter>>;

/** Sentences of the OpenZeppelin errors that contracts of every layer have. */
const callErrorMessages = {
  FailedCall: () => "A call made by the contract failed.",
} as const satisfies Partial<Record<AtlasContractErrorName, Formatter>>;

/** Sentences of the EIP-712 errors of the governance and graph contracts. */
const eip712ErrorMessages = {
  InvalidShortString: () => "A short string is malformed.",
  StringTooLong: ([value]) => `The string ${str(value)} is too long.`,
} as const satisfies Partial<Record<AtlasContractErrorName, Formatter>>;

/**
 * Sentences of the ERC-20 errors of ERC-6093: AtlasToken's, and those of the tokens the capital
 * contracts move (SafeERC20 lets them through). Amounts are in the token's smallest unit: the
 * error does not say which token it is, nor its decimals.
 */
const erc20ErrorMessages = {
  ERC20InsufficientBalance: ([sender, balance, needed]) =>
    `${str(sender)} holds ${str(balance)} of the token (in its smallest unit); the transfer needs ${str(needed)}.`,
  ERC20InsufficientAllowance: ([spender, allowance, needed]) =>
    `${str(spender)} may spend ${str(allowance)} of the token (in its smallest unit); the transfer needs ${str(needed)}: approve it first.`,
  ERC20InvalidApprover: ([approver]) => `${str(approver)} cannot approve.`,
  ERC20InvalidReceiver: ([receiver]) => `${str(receiver)} cannot receive tokens.`,
  ERC20InvalidSender: ([sender]) => `${str(sender)} cannot send tokens.`,
  ERC20InvalidSpender: ([spender]) => `${str(spender)} cannot be approved as a spender.`,
} as const satisfies Record<ContractErrorName<typeof erc20ErrorsAbi>, Formatter>;

/** Sentence of EAS's and OpenZeppelin's `InsufficientBalance` (same signature, same meaning). */
const balanceErrorMessages = {
  InsufficientBalance: ([balance, needed]) => `The contract holds ${str(balance)} wei; ${str(needed)} are needed.`,
} as const satisfies Partial<Record<AtlasContractErrorName, Formatter>>;

/**
 * Sentences of the SovereignRegistry's errors that checking and linking a mission raises: the
 * graph layer's, and the capital layer's too (the bounty board and the escrow let them through).
 */
const missionFundingErrorMessages = {
  RegistrySovereignSuspended: ([id]) => `Sovereign ${str(id)} is suspended by governance.`,
  RegistryUnknownMission: ([id]) => `No mission ${str(id)} exists.`,
  RegistryMissionClosed: ([id, status]) => `Mission ${str(id)} is ${missionStatus(status)}: it is frozen.`,
  RegistryNotFundingModule: ([caller]) => `${str(caller)} is not a funding module named by governance.`,
} as const satisfies Partial<Record<GraphErrorName, Formatter>>;

/** Sentences of the SovereignRegistry's other errors. */
const registryErrorMessages = {
  RegistryInvalidHandle: ([handle]) =>
    `"${str(handle)}" is not a valid handle: 3 to 32 of a-z, 0-9 and "-", with no "-" at either end.`,
  RegistryHandleTaken: ([handle, id]) => `The handle "${str(handle)}" is taken by sovereign ${str(id)}.`,
  RegistryMissingMetadata: () => "Metadata needs a URI and a non-zero hash.",
  RegistryUnknownSovereign: ([id]) => `No sovereign ${str(id)} exists.`,
  RegistrySovereignNotSuspended: ([id]) => `Sovereign ${str(id)} is not suspended.`,
  RegistryNotSovereignAdmin: ([id, account]) => `${str(account)} is not an admin of sovereign ${str(id)}.`,
  RegistryAlreadyAdmin: ([id, account]) => `${str(account)} is already an admin of sovereign ${str(id)}.`,
  RegistryNoAdminOffer: ([id, account]) => `${str(account)} holds no valid adminship offer of sovereign ${str(id)}.`,
  RegistryLastAdmin: ([id, account]) =>
    `${str(account)} is the last admin of sovereign ${str(id)}: hand adminship over instead.`,
  RegistryZeroAccount: () => "The zero address cannot be a member, admin, operator or issuer.",
  RegistryAlreadyMember: ([id, account]) => `${str(account)} is already a member of sovereign ${str(id)}.`,
  RegistryNotMember: ([id, account]) => `${str(account)} is not a member of sovereign ${str(id)}.`,
  RegistryAlreadyInvited: ([id, account]) => `${str(account)} is already invited to sovereign ${str(id)}.`,
  RegistryNoInvitation: ([id, account]) =>
    `${str(account)} has no pending invitation to sovereign ${str(id)} (or its inviter is no longer an admin).`,
  RegistryAlreadyApplied: ([id, account]) => `${str(account)} has already applied to sovereign ${str(id)}.`,
  RegistryNoApplication: ([id, account]) => `${str(account)} has no pending application to sovereign ${str(id)}.`,
  RegistryRoleNotGrantable: ([value]) =>
    `The ${role(value)} role is not granted or revoked directly: members join, agents are registered.`,
  RegistryRoleAlreadyGranted: ([id, account, value]) =>
    `${str(account)} already holds the ${role(value)} role in sovereign ${str(id)}.`,
  RegistryRoleNotHeld: ([id, account, value]) =>
    `${str(account)} does not hold the ${role(value)} role in sovereign ${str(id)}.`,
  RegistryAgentIsOwnOperator: ([id, agent]) =>
    `${str(agent)} cannot operate itself as an agent of sovereign ${str(id)}: another member must answer for it.`,
  RegistryAgentOperatorNotMember: ([id, operator]) =>
    `An agent's operator must be a member; ${str(operator)} is not one of sovereign ${str(id)}.`,
  RegistryUnknownOrganization: ([id]) => `No organization ${str(id)} exists.`,
  RegistryNotOrganizationAdmin: ([id, account]) =>
    `${str(account)} is neither an admin of organization ${str(id)} nor of its sovereign.`,
  RegistryOrganizationUnchanged: ([id, account]) =>
    `${str(account)} already is (or is not) what this asks in organization ${str(id)}.`,
  RegistryOrganizationNotInSovereign: ([organizationId, id]) =>
    `Organization ${str(organizationId)} is not in sovereign ${str(id)}.`,
  RegistryCannotCreateMission: ([id, organizationId, account]) =>
    `${str(account)} cannot create missions in sovereign ${str(id)}${organizationId ? ` (organization ${str(organizationId)})` : ""}: that needs an admin or the operator role.`,
  RegistryNotMissionManager: ([id, account]) =>
    `${str(account)} is neither the owner of mission ${str(id)} nor an admin of its sovereign or organization.`,
  RegistryInvalidMissionTransition: ([id, from, to]) =>
    `Mission ${str(id)} cannot move from ${missionStatus(from)} to ${missionStatus(to)}.`,
  RegistryZeroSchema: () => "The schema UID cannot be zero.",
  RegistryIssuerAlreadyTrusted: ([id, schema, issuer]) =>
    `Sovereign ${str(id)} already trusts ${str(issuer)} for schema ${str(schema)}.`,
  RegistryIssuerNotTrusted: ([id, schema, issuer]) =>
    `Sovereign ${str(id)} does not trust ${str(issuer)} for schema ${str(schema)}.`,
  RegistrySelfRecognition: ([id]) => `Sovereign ${str(id)} cannot recognize itself.`,
  RegistryAlreadyRecognized: ([id, otherId]) => `Sovereign ${str(id)} already recognizes sovereign ${str(otherId)}.`,
  RegistryNotRecognized: ([id, otherId]) =>
    `Sovereigns ${str(id)} and ${str(otherId)} do not recognize each other, even one way.`,
} as const satisfies Partial<Record<GraphErrorName, Formatter>>;

/**
 * Sentences of the errors of IAtlasModule (guardian, bounded pause): every module's, and the
 * governance layer's too (it reads modules' pause state).
 */
const atlasModuleErrorMessages = {
  ModuleOnlyGovernance: ([caller]) => `${str(caller)} cannot do this: only governance (the timelock) can.`,
  ModuleOnlyGuardian: ([caller]) => `${str(caller)} cannot do this: only the guardian or governance can.`,
  ModuleZeroGovernance: () => "Governance cannot be the zero address.",
  ModuleGuardianCoolingDown: ([readyAt]) =>
    `The guardian paused recently: it may pause again from ${time(readyAt)} on (governance may pause at any time).`,
  ModuleInvalidPauseEnd: ([endsAt]) => `A pause's end must be in the future; ${time(endsAt)} is not.`,
  ModuleInvalidPauseDuration: ([duration, min, max]) =>
    `The longest a pause lasts without governance is ${str(min)} s to ${str(max)} s, not ${str(duration)} s.`,
} as const satisfies Partial<Record<AtlasContractErrorName, Formatter>>;

/** Sentences of the errors of the OpenZeppelin upgradeable base AtlasModule builds on. */
const moduleErrorMessages = {
  EnforcedPause: () => "The contract is paused.",
  ExpectedPause: () => "The contract is not paused.",
  InvalidInitialization: () => "The contract is already initialized.",
  NotInitializing: () => "The contract is not being initialized.",
  AddressEmptyCode: ([target]) => `${str(target)} has no code.`,
  ERC1967InvalidImplementation: ([implementation]) => `${str(implementation)} is not a valid implementation.`,
  ERC1967NonPayable: () => "This upgrade does not accept ETH.",
  UUPSUnauthorizedCallContext: () => "Upgrades go through the proxy.",
  UUPSUnsupportedProxiableUUID: ([slot]) => `The new implementation's proxiable UUID ${str(slot)} is not supported.`,
} as const satisfies Partial<Record<GraphErrorName, Formatter>>;

/** Sentences of the ContributionLedger's errors. */
const ledgerErrorMessages = {
  LedgerNotRecorder: ([caller]) => `${str(caller)} is not a recorder named by governance.`,
  LedgerInvalidAccountCount: ([count, max]) => `An outcome needs 1 to ${str(max)} accounts, not ${str(count)}.`,
  LedgerLengthMismatch: ([accounts, weights]) => `${str(accounts)} accounts were given with ${str(weights)} weights.`,
  LedgerZeroAccount: ([index]) => `Account ${str(index)} is the zero address.`,
  LedgerZeroWeight: ([index]) => `Weight ${str(index)} is zero.`,
  LedgerEmptyOutcome: () => "An outcome must carry an amount or points.",
  LedgerInactiveSovereign: ([id]) => `Sovereign ${str(id)} does not exist or is suspended.`,
  LedgerMissionNotInSovereign: ([missionId, id]) => `Mission ${str(missionId)} is not in sovereign ${str(id)}.`,
  LedgerInvalidAttestation: ([uid, schema]) =>
    `${str(uid)} is not a live attestation of schema ${str(schema)} (missing, other schema, revoked or expired).`,
  LedgerActorNotAttester: ([actor, attester]) =>
    `The record's actor ${str(actor)} did not attest it (${str(attester)} did).`,
  LedgerActorNotMember: ([id, actor]) => `The actor ${str(actor)} is not a member of sovereign ${str(id)}.`,
  LedgerVerificationMismatch: ([verificationUID, executionUID]) =>
    `Verification ${str(verificationUID)} does not refer to execution record ${str(executionUID)}.`,
  LedgerNotVerifier: ([id, verifier]) =>
    `${str(verifier)} is not a verifier of sovereign ${str(id)}, or verified its own record.`,
  LedgerExecutionRejected: ([uid]) => `The verification rejected execution record ${str(uid)}.`,
  LedgerExecutionAlreadyRecorded: ([uid]) => `Execution record ${str(uid)} is already recorded.`,
  LedgerZeroRecorder: () => "The zero address cannot be a recorder.",
  LedgerAttestationForOtherLedger: ([uid, chainId, ledger]) =>
    `${str(uid)} names ledger ${str(ledger)} on chain ${str(chainId)}, not this ledger on this chain.`,
  LedgerPointsAboveCap: ([points, cap]) =>
    `The verification grants ${str(points)} points; the ledger records at most ${str(cap)} per record.`,
  LedgerInvalidPointsCap: ([cap, max]) => `The cap on a verification's points is 1 to ${str(max)}, not ${str(cap)}.`,
} as const satisfies Partial<Record<GraphErrorName, Formatter>>;

// Each layer's table is assembled by a pure call (not an object spread), so that a bundler drops
// the table of a layer a bundle does not use. Its `satisfies` makes a missing entry a compile
// error, and a test checks it against the ABIs at run time.

/** The intersection of the members of a union. */
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/**
 * `tables` merged into one, typed as all of them (`Object.assign` types at most three sources,
 * and anything beyond as `any`, which would void the `satisfies` checks below).
 */
function merged<const T extends readonly object[]>(...tables: T): Intersection<T[number]> {
  return Object.assign({}, ...tables) as Intersection<T[number]>;
}

/**
 * Sentences of Arbitration's errors that opening a dispute raises: the interstate layer's, and
 * the capital layer's too (the escrow's `dispute` lets them through).
 */
const disputeOpeningErrorMessages = {
  ArbitrationNotArbitrable: ([caller]) => `${str(caller)} may not open disputes.`,
  ArbitrationInvalidParties: ([claimant, respondent]) =>
    `The parties ${str(claimant)} and ${str(respondent)} are zero or the same.`,
  ArbitrationArbiterIsParty: ([arbiter]) => `${str(arbiter)} is a party (or the zero address): it cannot arbitrate.`,
  ArbitrationZeroAmount: () => "A dispute must be over a non-zero amount.",
  ArbitrationMissingEvidence: () => "Evidence needs a URI and a content hash.",
} as const satisfies Partial<Record<AtlasContractErrorName, Formatter>>;

/**
 * Sentences of the escrow's errors that enforcing a ruling raises: the capital layer's, and the
 * interstate layer's too (Arbitration's `finalize` lets them through).
 */
const rulingErrorMessages = {
  EscrowUnknownDispute: ([disputeId]) => `Dispute ${str(disputeId)} is not an open dispute of the escrow.`,
  EscrowInvalidShare: ([share, max]) => `A share is at most ${str(max)}, not ${str(share)}.`,
} as const satisfies Partial<Record<AtlasContractErrorName, Formatter>>;

/** A readable sentence for every custom error of the governance layer's contracts. */
export const governanceErrorMessages = /* @__PURE__ */ merged(
  {
    // AtlasGovernor
    AtlasGovernorZeroVotingPower: ([proposalId, voter, timepoint]) =>
      `${str(voter)} had no voting power at the snapshot (${str(timepoint)}) of proposal ${str(proposalId)}; tokens or delegations received later do not count.`,
    AtlasGovernorProposalGuardianProof: ([proposalId]) =>
      `Proposal ${str(proposalId)} only unpauses modules or replaces guardians: the proposal guardian cannot cancel it.`,
    GovernorAlreadyCastVote: ([voter]) => `${str(voter)} has already voted on this proposal.`,
    GovernorAlreadyQueuedProposal: ([proposalId]) => `Proposal ${str(proposalId)} is already queued.`,
    GovernorDisabledDeposit: () => "The governor does not accept deposits; send funds to the timelock (the treasury).",
    GovernorInsufficientProposerVotes: ([proposer, votes, threshold]) =>
      `${str(proposer)} has ${tokens(votes)} of voting power; proposing needs ${tokens(threshold)}.`,
    GovernorInvalidProposalLength: ([targets, calldatas, values]) =>
      `A proposal needs as many targets (${str(targets)}), calldatas (${str(calldatas)}) and values (${str(values)}), and at least one.`,
    GovernorInvalidQuorumFraction: ([numerator, denominator]) =>
      `A quorum of ${str(numerator)}/${str(denominator)} is not a valid fraction.`,
    GovernorInvalidSignature: ([voter]) =>
      `The signature is not a valid, unused signature by ${str(voter)} (already used, or signed for other data).`,
    GovernorInvalidVoteParams: () => "The vote parameters are not valid for this governor.",
    GovernorInvalidVoteType: () => "The vote must be 0 (against), 1 (for) or 2 (abstain).",
    GovernorInvalidVotingPeriod: ([period]) => `A voting period of ${str(period)} is not allowed (it must be above 0).`,
    GovernorNonexistentProposal: ([proposalId]) => `No proposal ${str(proposalId)} exists.`,
    GovernorOnlyExecutor: ([account]) =>
      `${str(account)} cannot do this: only governance (an executed proposal, through the timelock) can.`,
    GovernorPreventLateQuorumVoteExtensionTooLarge: ([extension, max]) =>
      `A late-quorum extension of ${str(extension)} s is above the maximum of ${str(max)} s.`,
    GovernorProposalQueueingFailed: ([proposalId]) => `Queueing proposal ${str(proposalId)} in the timelock failed.`,
    GovernorProposalQueueingNotRequired: ([proposalId]) => `Proposal ${str(proposalId)} does not need queueing.`,
    GovernorRestrictedProposer: ([proposer]) => `${str(proposer)} is not allowed to submit this proposal.`,
    GovernorUnableToCancel: ([proposalId, account]) =>
      `${str(account)} cannot cancel proposal ${str(proposalId)}: only the proposal guardian, or the proposer while it is pending, can.`,
    GovernorUnexpectedProposalState: ([proposalId, current, expected]) =>
      `Proposal ${str(proposalId)} is ${proposalState(current)}; this needs it to be ${states(expected)}.`,
    // AtlasToken (ERC-20, permits, votes)
    AtlasTokenGenesisEmpty: () => "The genesis allocation names no recipient.",
    AtlasTokenGenesisLengthMismatch: ([recipients, amounts]) =>
      `The genesis allocation has ${str(recipients)} recipients but ${str(amounts)} amounts.`,
    AtlasTokenGenesisZeroAmount: ([index, recipient]) =>
      `The genesis allocation gives ${str(recipient)} (position ${str(index)}) nothing.`,
    ERC20ExceededSafeSupply: ([increasedSupply, cap]) =>
      `A supply of ${str(increasedSupply)} would exceed the voting-safe cap of ${str(cap)}.`,
    ERC2612ExpiredSignature: ([deadline]) => `The permit signature expired at ${str(deadline)}.`,
    ERC2612InvalidSigner: ([signer, owner]) =>
      `The permit was signed by ${str(signer)}, not by the owner ${str(owner)}.`,
    ERC5805FutureLookup: ([timepoint, clock]) =>
      `Timepoint ${str(timepoint)} is not in the past (the clock is at ${str(clock)}).`,
    ERC6372InconsistentClock: () => "The token's clock is inconsistent.",
    VotesExpiredSignature: ([expiry]) => `The delegation signature expired at ${str(expiry)}.`,
    InvalidAccountNonce: ([account, currentNonce]) =>
      `The signature's nonce is not the next one of ${str(account)} (${str(currentNonce)}): it was already used or is out of order.`,
    CheckpointUnorderedInsertion: () => "A voting checkpoint would be written out of order.",
    ECDSAInvalidSignature: () => "The signature is not valid.",
    ECDSAInvalidSignatureLength: ([length]) => `The signature has ${str(length)} bytes; 65 are expected.`,
    ECDSAInvalidSignatureS: ([s]) => `The signature's s value ${str(s)} is not in the lower half order.`,
    // TimelockController
    TimelockInsufficientDelay: ([delay, minDelay]) =>
      `A delay of ${str(delay)} s is below the timelock's minimum of ${str(minDelay)} s.`,
    TimelockInvalidOperationLength: ([targets, payloads, values]) =>
      `A timelock operation needs as many targets (${str(targets)}), payloads (${str(payloads)}) and values (${str(values)}).`,
    TimelockUnauthorizedCaller: ([caller]) => `${str(caller)} cannot do this: only the timelock itself can.`,
    TimelockUnexecutedPredecessor: ([predecessorId]) =>
      `The predecessor operation ${str(predecessorId)} has not run yet.`,
    TimelockUnexpectedOperationState: ([operationId, expectedStates]) =>
      `Timelock operation ${str(operationId)} is not in the expected state (${timelockStates(expectedStates)}); before its delay has passed it is only waiting.`,
    AccessControlBadConfirmation: () => "An account can only renounce its own roles.",
    AccessControlUnauthorizedAccount: ([account, role]) => `${str(account)} lacks the role ${str(role)}.`,
  } as const satisfies Partial<Record<GovernanceErrorName, Formatter>>,
  erc20ErrorMessages,
  eip712ErrorMessages,
  safeCastErrorMessages,
  atlasModuleErrorMessages,
  callErrorMessages,
) satisfies Record<GovernanceErrorName, Formatter>;

/** A readable sentence for every custom error of the graph layer's contracts. */
export const graphErrorMessages = /* @__PURE__ */ merged(
  {
    // EAS
    AccessDenied: () => "Only the attester can revoke its attestation.",
    AlreadyRevoked: () => "The attestation is already revoked.",
    AlreadyRevokedOffchain: () => "The off-chain attestation is already revoked.",
    AlreadyTimestamped: () => "The data is already timestamped.",
    DeadlineExpired: () => "The signed request expired.",
    InsufficientValue: () => "Not enough ETH was sent.",
    InvalidAttestation: () => "The schema's resolver rejected the attestation.",
    InvalidAttestations: () => "The schema's resolver rejected the attestations.",
    InvalidExpirationTime: () => "The expiration time is in the past.",
    InvalidLength: () => "The request's lists are empty or differ in length.",
    InvalidNonce: () => "The nonce is not above the current one.",
    InvalidOffset: () => "The offset is out of range.",
    InvalidRegistry: () => "The schema registry is not valid.",
    InvalidRevocation: () => "The schema's resolver rejected the revocation.",
    InvalidRevocations: () => "The schema's resolver rejected the revocations.",
    InvalidSchema: () => "The schema is not registered, or is not the attestation's.",
    InvalidSignature: () => "The signature is not valid.",
    InvalidVerifier: () => "The verifier is not valid.",
    Irrevocable: () => "The attestation is not revocable.",
    NotFound: () => "No attestation with this UID (or the referenced UID) exists.",
    NotPayable: () => "The schema's resolver does not accept ETH.",
    WrongSchema: () => "The attestation has another schema.",
  } as const satisfies Partial<Record<GraphErrorName, Formatter>>,
  registryErrorMessages,
  missionFundingErrorMessages,
  atlasModuleErrorMessages,
  moduleErrorMessages,
  ledgerErrorMessages,
  balanceErrorMessages,
  eip712ErrorMessages,
  callErrorMessages,
) satisfies Record<GraphErrorName, Formatter>;

/** A readable sentence for every custom error of the capital layer's contracts. */
export const capitalErrorMessages = /* @__PURE__ */ merged(
  {
    // BountyBoard
    BountyZeroAddress: () => "The board needs a registry and a ledger.",
    BountyUnknown: ([id]) => `No bounty ${str(id)} exists.`,
    BountyZeroAmount: () => "A deposit cannot be zero.",
    BountyValueMismatch: ([value, amount]) =>
      `${str(value)} wei were sent for an amount of ${str(amount)}: ETH bounties send the amount, ERC-20 ones no ETH.`,
    BountyNothingReceived: ([token, sent]) => `${str(sent)} of token ${str(token)} were sent but none arrived.`,
    BountyInvalidToken: ([token]) => `${str(token)} is neither ETH (zero) nor a token contract.`,
    BountyDeadlineNotInFuture: ([deadline, now]) => `The deadline ${time(deadline)} is not after ${time(now)}.`,
    BountyDeadlineTooFar: ([deadline, latest]) =>
      `The deadline ${time(deadline)} is after the latest, ${time(latest)}.`,
    BountyMissionNotOpen: ([missionId, status]) =>
      `Mission ${str(missionId)} is ${missionStatus(status)}: bounties fund open or in-progress missions.`,
    BountyInvalidCredentialRequirement: ([schema, trustedBy]) =>
      `A credential requirement needs a schema and a trusting sovereign, or neither (${str(schema)}, ${str(trustedBy)}).`,
    BountyMissingMetadata: () => "A bounty needs a metadata URI and hash.",
    BountyNotOpen: ([id, status]) => `Bounty ${str(id)} is ${bountyStatus(status)}, not open.`,
    BountyNotMissionManager: ([id, missionId, account]) =>
      `${str(account)} does not manage mission ${str(missionId)} of bounty ${str(id)}.`,
    BountyMissingEvidence: () => "Work needs an evidence URI and a content hash.",
    BountyAlreadySubmitted: ([id, account]) => `${str(account)} already submitted to bounty ${str(id)}.`,
    BountyCredentialInvalid: ([id, account, uid, status]) =>
      `${str(uid)} is not a credential of ${str(account)} that bounty ${str(id)} accepts (${credentialStatus(status)}).`,
    BountyInvalidWinnerCount: ([count, max]) => `An award names 1 to ${str(max)} winners, not ${str(count)}.`,
    BountyLengthMismatch: ([winners, amounts]) => `${str(winners)} winners, ${str(amounts)} amounts.`,
    BountyZeroAward: ([id, winner]) => `The award to ${str(winner)} from bounty ${str(id)} is zero.`,
    BountyNoSubmission: ([id, winner]) => `${str(winner)} submitted nothing to bounty ${str(id)}.`,
    BountyAlreadyAwarded: ([id, winner]) => `${str(winner)} was already awarded from bounty ${str(id)}.`,
    BountyAwardExceedsRemaining: ([id, total, remaining]) =>
      `The awards (${str(total)}) exceed what is left in bounty ${str(id)} (${str(remaining)}).`,
    BountyHasAwards: ([id, awarded]) =>
      `Bounty ${str(id)} has already awarded ${str(awarded)}: it can no longer be cancelled.`,
    BountyFundingTooLarge: ([id, funded, max]) =>
      `Bounty ${str(id)} would hold ${str(funded)} in all, above the most a bounty holds (${str(max)}).`,
    BountyReclaimBeforeDeadline: ([id, deadline]) =>
      `Bounty ${str(id)} is open until ${time(deadline)}: no refunds yet.`,
    BountyNoContribution: ([id, funder]) => `${str(funder)} did not fund bounty ${str(id)}.`,
    BountyAlreadyReclaimed: ([id, funder]) => `${str(funder)} already reclaimed from bounty ${str(id)}.`,
    BountyFullyAwarded: ([id]) => `Bounty ${str(id)} was fully awarded: nothing to refund.`,
    BountyNothingToWithdraw: ([account, token]) => `${str(account)} has no deferred payouts in ${asset(token)}.`,
    BountyZeroRecipient: () => "The recipient cannot be the zero address.",
    BountyNativeTransferFailed: ([to, amount]) => `Sending ${str(amount)} wei to ${str(to)} failed.`,
    // MilestoneEscrow
    EscrowInvalidMilestoneCount: ([count, max]) => `An escrow has 1 to ${str(max)} milestones, not ${str(count)}.`,
    EscrowZeroParty: () => "The funder and the contributor cannot be the zero address.",
    EscrowFunderIsContributor: ([account]) => `${str(account)} cannot be both funder and contributor.`,
    EscrowVerifierIsContributor: ([verifier]) => `The verifier ${str(verifier)} is the contributor.`,
    EscrowArbiterIsParty: ([arbiter]) => `The arbiter ${str(arbiter)} is a party.`,
    EscrowInvalidReviewWindow: ([window, min, max]) =>
      `A review window is ${str(min)} s to ${str(max)} s, not ${str(window)} s.`,
    EscrowNotCreator: ([missionId, caller]) =>
      `${str(caller)} is neither the funder nor a manager of mission ${str(missionId)}.`,
    EscrowFundingNotByFunder: ([caller, funder]) =>
      `Only the funder ${str(funder)} funds at creation, not ${str(caller)}.`,
    EscrowZeroAmount: ([index]) => `Milestone ${str(index)} has a zero amount.`,
    EscrowAmountTooLarge: ([index, amount, max]) =>
      `Milestone ${str(index)}'s amount ${str(amount)} is above ${str(max)}: split it into several milestones.`,
    EscrowTimeTooLate: ([index, at, max]) =>
      `Milestone ${str(index)}'s deadline or end ${str(at)} is after ${str(max)} (the year 2106).`,
    EscrowDeadlineInPast: ([index, deadline]) => `Milestone ${str(index)}'s deadline ${time(deadline)} is past.`,
    EscrowInvalidStream: ([index, start, end]) =>
      `Stream ${str(index)} runs ${time(start)} to ${time(end)}: its end must follow its start and be ahead.`,
    EscrowTimesNotForKind: ([index, kind]) =>
      `Milestone ${str(index)} sets times a ${milestoneKind(kind)} milestone does not use.`,
    EscrowWrongValue: ([expected, sent]) => `${str(sent)} wei were sent; ${str(expected)} were due.`,
    EscrowTokenShortfall: ([token, expected, received]) =>
      `Token ${str(token)} delivered ${str(received)} of ${str(expected)}: fee-on-transfer tokens are refused.`,
    EscrowTokenNotContract: ([token]) => `${str(token)} is not a token contract.`,
    EscrowUnknownEscrow: ([id]) => `No escrow ${str(id)} exists.`,
    EscrowUnknownMilestone: ([id, index]) => `Escrow ${str(id)} has no milestone ${str(index)}.`,
    EscrowOnlyFunder: ([id, caller]) => `${str(caller)} is not the funder of escrow ${str(id)}.`,
    EscrowOnlyContributor: ([id, caller]) => `${str(caller)} is not the contributor of escrow ${str(id)}.`,
    EscrowOnlyParty: ([id, caller]) => `${str(caller)} is not a party of escrow ${str(id)}.`,
    EscrowOnlyArbitration: ([caller]) => `${str(caller)} is not the Arbitration module.`,
    EscrowWrongKind: ([id, index, kind]) =>
      `Milestone ${str(index)} of escrow ${str(id)} is ${milestoneKind(kind)}: not for this action.`,
    EscrowMilestoneNotFunded: ([id, index]) => `Milestone ${str(index)} of escrow ${str(id)} is not funded.`,
    EscrowMilestoneAlreadyFunded: ([id, index]) => `Milestone ${str(index)} of escrow ${str(id)} is already funded.`,
    EscrowMilestoneAlreadyReleased: ([id, index]) =>
      `Milestone ${str(index)} of escrow ${str(id)} is already released.`,
    EscrowMilestoneAlreadyDisputed: ([id, index, disputeId]) =>
      `Milestone ${str(index)} of escrow ${str(id)} is in dispute ${str(disputeId)}.`,
    EscrowMilestoneAlreadySubmitted: ([id, index]) =>
      `Milestone ${str(index)} of escrow ${str(id)} is already submitted.`,
    EscrowMilestoneNotSubmitted: ([id, index, state]) =>
      `Milestone ${str(index)} of escrow ${str(id)} is ${milestoneState(state)}, not submitted.`,
    EscrowMilestoneClosed: ([id, index, state]) =>
      `Milestone ${str(index)} of escrow ${str(id)} is settled or ended (${milestoneState(state)}).`,
    EscrowDeadlinePassed: ([id, index, deadline]) =>
      `Milestone ${str(index)} of escrow ${str(id)} was due by ${time(deadline)}.`,
    EscrowDeadlineNotPassed: ([id, index, deadline]) =>
      `Milestone ${str(index)} of escrow ${str(id)} is due by ${time(deadline)}: not yet reclaimable.`,
    EscrowReviewWindowOpen: ([id, index, endsAt]) =>
      `The funder reviews milestone ${str(index)} of escrow ${str(id)} until ${time(endsAt)}.`,
    EscrowReviewWindowClosed: ([id, index, endedAt]) =>
      `The review of milestone ${str(index)} of escrow ${str(id)} ended at ${time(endedAt)}.`,
    EscrowStreamNotStarted: ([id, index, start]) =>
      `Stream ${str(index)} of escrow ${str(id)} starts at ${time(start)}.`,
    EscrowNothingToClaim: ([id, index]) => `Stream ${str(index)} of escrow ${str(id)} has nothing to claim.`,
    EscrowStreamRunning: ([id, index]) =>
      `Stream ${str(index)} of escrow ${str(id)} is running: only a cancelled stream's rest is disputed or reclaimed.`,
    EscrowNoVerifier: ([id]) => `Escrow ${str(id)} has no verifier.`,
    EscrowInvalidAttestation: ([uid]) => `${str(uid)} is not a live milestone verification.`,
    EscrowAttesterNotVerifier: ([uid, attester, verifier]) =>
      `${str(uid)} was attested by ${str(attester)}, not by the verifier ${str(verifier)}.`,
    EscrowAttestationMismatch: ([uid, escrowId, index]) =>
      `${str(uid)} is about milestone ${str(index)} of escrow ${str(escrowId)}.`,
    EscrowAttestationNotApproving: ([uid]) => `${str(uid)} does not approve the milestone.`,
    EscrowNothingToWithdraw: ([account, token]) => `${str(account)} has no ${asset(token)} to withdraw.`,
    EscrowZeroRecipient: () => "The recipient cannot be the zero address.",
    EscrowNoFees: ([token]) => `No fees in ${asset(token)} have accrued.`,
    EscrowFeeAboveCap: ([bps, cap]) => `A fee is at most ${str(cap)} basis points, not ${str(bps)}.`,
    EscrowPartyNotInSovereign: ([id, account]) =>
      `${str(account)} is not a member of sovereign ${str(id)}, which the terms name for it.`,
    EscrowNotMissionManager: ([missionId, caller]) => `${str(caller)} is not a manager of mission ${str(missionId)}.`,
    EscrowAlreadyEndorsed: ([id]) => `Escrow ${str(id)} is already endorsed as its mission's own deal.`,
    EscrowAlreadyAccepted: ([id]) => `The contributor already accepted the terms of escrow ${str(id)}.`,
    EscrowTermsNotAccepted: ([id]) =>
      `The contributor has not accepted the terms of escrow ${str(id)} yet: it accepts them before submitting work.`,
    EscrowStreamStartTooEarly: ([index, start, earliest]) =>
      `Stream ${str(index)} starts at ${time(start)}, before the earliest allowed start, ${time(earliest)}.`,
    EscrowAttestationWrongEscrowContract: ([uid, chainId, escrow]) =>
      `${str(uid)} names escrow contract ${str(escrow)} on chain ${str(chainId)}, not this escrow on this chain.`,
    EscrowAttestationBeforeEscrow: ([uid, attestedAt, createdAt]) =>
      `${str(uid)} was attested at ${time(attestedAt)}, not after the escrow was created (${time(createdAt)}).`,
    // RevenueSplitFactory and RevenueSplit
    SplitFactorySplitExists: ([split]) => `This split exists already, at ${str(split)}.`,
    FailedDeployment: () => "Deploying the split failed.",
    SplitNotFactory: ([caller]) => `${str(caller)} is not the factory.`,
    SplitAlreadyInitialized: () => "The split is already initialized.",
    SplitNotController: ([caller]) => `${str(caller)} does not control the split.`,
    SplitRecipientCountInvalid: ([count, max]) => `A split has 1 to ${str(max)} recipients, not ${str(count)}.`,
    SplitLengthMismatch: ([recipients, allocations]) =>
      `${str(recipients)} recipients, ${str(allocations)} allocations.`,
    SplitZeroRecipient: () => "The zero address cannot be a recipient.",
    SplitRecipientsNotSorted: ([index, recipient]) =>
      `Recipients must be sorted ascending: ${str(recipient)} (at ${str(index)}) is out of order.`,
    SplitDuplicateRecipient: ([index, recipient]) => `${str(recipient)} appears twice (at ${str(index)}).`,
    SplitZeroAllocation: ([index]) => `Allocation ${str(index)} is zero.`,
    SplitAllocationSumInvalid: ([sum, total]) => `Allocations sum to ${str(sum)}, not ${str(total)}.`,
    SplitDistributorFeeTooHigh: ([fee, max]) => `A distributor fee is at most ${str(max)}, not ${str(fee)}.`,
    SplitConfigMismatch: ([given, expected]) =>
      `The configuration hashes to ${str(given)}, not to the split's ${str(expected)}.`,
    SplitNotAToken: ([token]) => `${str(token)} is neither ETH (zero) nor a token contract.`,
    SplitNothingToDistribute: ([token]) => `The split has no ${asset(token)} to distribute.`,
    SplitNothingToWithdraw: ([token, account]) => `The split owes ${str(account)} no ${asset(token)}.`,
    SplitOutOfGas: ([gasLeft]) => `A payment failed with ${str(gasLeft)} gas left: send more gas.`,
    SplitZeroWithdrawalRecipient: () => "A withdrawal cannot go to the zero address.",
    // OpenZeppelin, in the capital contracts
    ReentrancyGuardReentrantCall: () => "The contract was re-entered.",
    SafeERC20FailedOperation: ([token]) => `A transfer of token ${str(token)} failed.`,
  } as const satisfies Partial<Record<CapitalErrorName, Formatter>>,
  disputeOpeningErrorMessages,
  rulingErrorMessages,
  missionFundingErrorMessages,
  atlasModuleErrorMessages,
  moduleErrorMessages,
  erc20ErrorMessages,
  balanceErrorMessages,
  safeCastErrorMessages,
  callErrorMessages,
) satisfies Record<CapitalErrorName, Formatter>;

/** A readable sentence for every custom error of the interstate layer's contracts. */
export const interstateErrorMessages = /* @__PURE__ */ merged(
  {
    // Arbitration
    ArbitrationZeroArbitrable: () => "The zero address cannot open disputes.",
    ArbitrationUnknownDispute: ([id]) => `No dispute ${str(id)} exists.`,
    ArbitrationUnknownRound: ([id, round]) => `Dispute ${str(id)} has no round ${str(round)}.`,
    ArbitrationDisputeClosed: ([id]) => `Dispute ${str(id)} is finalized.`,
    ArbitrationArbiterAlreadyAssigned: ([id, arbiter]) =>
      `Dispute ${str(id)} has an arbiter, ${str(arbiter)}, who may still rule.`,
    ArbitrationArbiterAlreadyServed: ([id, arbiter]) => `${str(arbiter)} already served in dispute ${str(id)}.`,
    ArbitrationSovereignInactive: ([id]) => `Sovereign ${str(id)} is unknown or suspended.`,
    ArbitrationArbiterSovereignIsParty: ([id]) =>
      `Sovereign ${str(id)} is a party's own, or a party administers it: drawn arbiters come from a neutral one.`,
    ArbitrationSovereignNotRecognized: ([arbiterSovereign, partySovereign]) =>
      `Sovereigns ${str(arbiterSovereign)} and ${str(partySovereign)} do not recognize each other.`,
    ArbitrationNotSovereignArbiter: ([id, account]) => `${str(account)} is not an arbiter of sovereign ${str(id)}.`,
    ArbitrationNotArbiter: ([id, caller]) => `${str(caller)} is not the arbiter of dispute ${str(id)}.`,
    ArbitrationNotFallbackArbiter: ([account]) =>
      `${str(account)} is not a fallback arbiter: without a sovereign, only governance's fallback arbiters can be drawn.`,
    ArbitrationArbiterIneligible: ([id, arbiter]) =>
      `${str(arbiter)} is no longer eligible to arbitrate dispute ${str(id)} (its sovereign suspended or administered by a party, its role lost, or no longer a fallback arbiter): anyone may replace it.`,
    ArbitrationAlreadyRuled: ([id, round]) => `Round ${str(round)} of dispute ${str(id)} is ruled.`,
    ArbitrationInvalidShare: ([share, max]) => `A share is at most ${str(max)} millionths, not ${str(share)}.`,
    ArbitrationNotParty: ([id, caller]) => `${str(caller)} is not a party of dispute ${str(id)}.`,
    ArbitrationNotRuled: ([id]) => `Dispute ${str(id)} has no ruling to appeal yet.`,
    ArbitrationAlreadyAppealed: ([id, party]) => `${str(party)} already appealed dispute ${str(id)}.`,
    ArbitrationNothingToAppeal: ([id, party]) =>
      `The first ruling of dispute ${str(id)} gave ${str(party)} the whole disputed amount: it has nothing to appeal.`,
    ArbitrationAppealWindowClosed: ([id, closedAt]) => `Appeals of dispute ${str(id)} closed at ${time(closedAt)}.`,
    ArbitrationAppealLapsed: ([id, lapsedAt]) =>
      `The appeal of dispute ${str(id)} lapsed at ${time(lapsedAt)}: the first ruling stands.`,
    ArbitrationRulingPeriodOver: ([id, endedAt]) =>
      `Round 1 of dispute ${str(id)} ended unruled at ${time(endedAt)}: the claim can only be dismissed (finalize it).`,
    ArbitrationNotFinalizable: ([id, finalizableAt]) =>
      `Dispute ${str(id)} has no final ruling yet: it can be finalized from ${time(finalizableAt)} on.`,
    ArbitrationInvalidPeriod: ([period, min, max]) =>
      `A period is ${str(min)} s to ${str(max)} s, not ${str(period)} s.`,
    ArbitrationTooFewFallbackArbiters: ([count, min]) =>
      `Arbitration keeps at least ${str(min)} fallback arbiters; this would leave ${str(count)}.`,
    ArbitrationFallbackArbiterUnchanged: ([arbiter, allowed]) =>
      `${str(arbiter)} ${allowed ? "is already" : "is not"} a fallback arbiter.`,
    ArbitrationZeroFallbackArbiter: () => "The zero address cannot be a fallback arbiter.",
  } as const satisfies Partial<Record<InterstateErrorName, Formatter>>,
  disputeOpeningErrorMessages,
  rulingErrorMessages,
  atlasModuleErrorMessages,
  moduleErrorMessages,
  callErrorMessages,
) satisfies Record<InterstateErrorName, Formatter>;

/**
 * A readable sentence for every custom error of the Atlas OS contracts: every layer's table
 * ({@link governanceErrorMessages}, {@link graphErrorMessages}, {@link capitalErrorMessages},
 * {@link interstateErrorMessages}) in one.
 */
export const contractErrorMessages = /* @__PURE__ */ merged(
  governanceErrorMessages,
  graphErrorMessages,
  capitalErrorMessages,
  interstateErrorMessages,
) satisfies Record<AtlasContractErrorName, Formatter>;

/** The governance layer's error catalog: what its actions decode reverts with. */
export const governanceErrors = {
  abi: governanceErrorsAbi,
  messages: governanceErrorMessages,
} as const satisfies AtlasErrorCatalog;

/** The graph layer's error catalog: what its actions decode reverts with. */
export const graphErrors = {
  abi: graphErrorsAbi,
  messages: graphErrorMessages,
} as const satisfies AtlasErrorCatalog;

/**
 * The capital layer's error catalog: what its actions decode reverts with. Besides the errors
 * of BountyBoard, MilestoneEscrow and the revenue splits, it has those their calls let through:
 * the ERC-20 tokens' (a missing approval), and a few of the registry's and Arbitration's.
 */
export const capitalErrors = {
  abi: capitalErrorsAbi,
  messages: capitalErrorMessages,
} as const satisfies AtlasErrorCatalog;

/**
 * The interstate layer's error catalog: what its actions decode reverts with. Arbitration's
 * errors, and the escrow's that enforcing a ruling lets through.
 */
export const interstateErrors = {
  abi: interstateErrorsAbi,
  messages: interstateErrorMessages,
} as const satisfies AtlasErrorCatalog;

/** Every layer's error catalog in one: what {@link toAtlasError} decodes with. */
export const atlasErrors = {
  abi: atlasErrorsAbi,
  messages: contractErrorMessages,
} as const satisfies AtlasErrorCatalog;

function timelockStates(bitmap: unknown): string {
  const names = ["Unset", "Waiting", "Ready", "Done"];
  const bits = BigInt(bitmap as string);
  return names.filter((_, i) => (bits >> BigInt(i)) & 1n).join(" or ") || "none";
}

/**
 * A contract reverted with one of its custom errors, decoded by name and arguments. Its
 * `shortMessage` is the error's sentence in the catalog it was decoded with.
 */
export class AtlasContractError extends AtlasError {
  override name = "AtlasContractError";
  /** The custom error's name, as in the contract. */
  readonly errorName: AtlasContractErrorName;
  /** The custom error's arguments, decoded. */
  readonly args: readonly unknown[];
  /**
   * @param catalog Where the sentence comes from, e.g. {@link atlasErrors} (every layer) or
   * {@link governanceErrors}; without one the message only names the error.
   */
  constructor(
    errorName: AtlasContractErrorName,
    args: readonly unknown[],
    cause?: unknown,
    catalog?: AtlasErrorCatalog,
  ) {
    const format = catalog?.messages[errorName];
    super(format ? format(args) : `The contract reverted with ${errorName}.`, {
      cause,
      metaMessages: [`Contract error: ${errorName}(${args.map((a) => str(a)).join(", ")})`],
    });
    this.errorName = errorName;
    this.args = args;
  }
}

/** The contract reverted without a custom error the SDK knows (a string, a panic, or raw data). */
export class AtlasRevertError extends AtlasError {
  override name = "AtlasRevertError";
  constructor(reason: string, cause?: unknown) {
    super(`The transaction would revert: ${reason}.`, { cause });
  }
}

function revertData(error: BaseError): Hex | undefined {
  let data: Hex | undefined;
  error.walk((e) => {
    const candidate = (e as { data?: unknown; raw?: unknown }).raw ?? (e as { data?: unknown }).data;
    if (typeof candidate === "string" && candidate.startsWith("0x") && candidate.length >= 10) {
      data = candidate as Hex;
      return true;
    }
    const nested = (e as { data?: { data?: unknown } }).data?.data;
    if (typeof nested === "string" && nested.startsWith("0x") && nested.length >= 10) {
      data = nested as Hex;
      return true;
    }
    return false;
  });
  return data;
}

/**
 * Turns anything a viem call throws into an {@link AtlasError}: a decoded contract error, a user
 * rejection, a wrong chain, a network failure, or (last) a generic AtlasError keeping the cause.
 * Decodes the custom errors of every Atlas OS contract ({@link atlasErrors}); see
 * {@link decodeAtlasError} for one layer's.
 */
export function toAtlasError(error: unknown): AtlasError {
  return decodeAtlasError(error, atlasErrors);
}

/**
 * {@link toAtlasError} with the custom errors of `catalog` only: what a layer's actions use, so
 * that a bundle carries the errors and sentences of the layers it uses and no other
 * ({@link governanceErrors}, {@link graphErrors}). A custom error the catalog does not have is
 * not decoded by name: it becomes an {@link AtlasRevertError} as viem reads it.
 */
export function decodeAtlasError(error: unknown, catalog: AtlasErrorCatalog): AtlasError {
  if (error instanceof AtlasError) return error;
  if (!(error instanceof BaseError)) {
    return new AtlasError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (error.walk((e) => e instanceof UserRejectedRequestError)) return new AtlasUserRejectedError(error);
  const mismatch = error.walk((e) => e instanceof ChainMismatchError);
  if (mismatch) {
    const message = (mismatch as BaseError).shortMessage;
    const ids = [...message.matchAll(/id: (\d+)/g)].map((m) => Number(m[1]));
    return new AtlasWrongChainError(ids[1] ?? 0, ids[0], error);
  }
  const data = revertData(error);
  if (data) {
    try {
      // Widened: viem's types omit the built-in errors it decodes as well.
      const decoded = decodeErrorResult({ abi: catalog.abi, data }) as {
        errorName: AtlasContractErrorName | "Error" | "Panic";
        args: readonly unknown[] | undefined;
      };
      // viem also decodes the built-in Error(string) and Panic(uint256): those are plain reverts.
      if (decoded.errorName === "Error") return new AtlasRevertError(`"${String(decoded.args?.[0])}"`, error);
      if (decoded.errorName === "Panic") return new AtlasRevertError(`panic code ${String(decoded.args?.[0])}`, error);
      return new AtlasContractError(decoded.errorName, decoded.args ?? [], error, catalog);
    } catch {
      // Not one of ours: fall through to viem's own reading of it.
    }
  }
  if (
    error.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError || e instanceof WebSocketRequestError)
  ) {
    return new AtlasNetworkError(error);
  }
  const reverted = error.walk((e) => (e as { name?: string }).name === "ContractFunctionRevertedError");
  if (reverted) return new AtlasRevertError((reverted as BaseError).shortMessage, error);
  return new AtlasError(error.shortMessage, { cause: error });
}
