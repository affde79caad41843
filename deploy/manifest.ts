/**
 * The contract manifest: every contract Atlas OS deploys, talks to or decodes, one entry each.
 * Everything that used to be a hand-kept list of contracts is generated from it by
 * `npm run sdk:generate` (scripts/generate-sdk.ts), and `npm run sdk:check` fails when a generated
 * file is stale or when a contract of contracts/ that has an artifact is neither here nor excluded:
 *
 *   sdk/src/abi/<Name>.ts        its ABI (typed, one export per item), its custom errors with a
 *                                sentence each (from the `@dev` line of each error in contracts/,
 *                                or {@link EXTERNAL_ERROR_SENTENCES}), and its error catalog
 *   sdk/src/abi/enums.ts         the enums of every ABI, by name, from the contracts' source
 *   sdk/src/abi/index.ts         every ABI and catalog (`@atlas-os/sdk/abi`)
 *   sdk/src/abi/addressBook.ts   the address book's keys and their types
 *   indexer/contracts.generated.ts  the Ponder config's contracts
 *
 * The address book (sdk/src/addressBook.ts) enumerates its contracts from the generated keys. The
 * deployment (deploy/atlas.ts, scripts/deploy.ts) still names them by hand, but is typed by them:
 * scripts/deploy.ts builds an `AddressBook`, so a new key without its deployed contract fails the
 * typecheck.
 *
 * Adding a contract: write it (interface with NatSpec, one `@dev` line per error), deploy it in its
 * layer's Ignition module under its address-book key, add one line here, `npm run sdk:generate`.
 */

/** The SDK's layers; a contract's actions live in its layer's module. */
export type Layer = "governance" | "graph" | "capital" | "interstate";

/** How the indexer finds a contract's logs. */
export type Indexed =
  /** At its address-book address, from its deployment block. */
  | "address"
  /** Only these events at its address-book address, and only for Atlas OS's EAS schemas (their `schemaUID` topic). */
  | { readonly atlasSchemaEvents: readonly string[] }
  /** At every address another contract's event announces: `factory`'s `event`, parameter `parameter`. */
  | { readonly factory: string; readonly event: string; readonly parameter: string };

export interface ContractEntry {
  /** The contract's name, as in its artifact. */
  readonly name: string;
  /** Its source, as the build names it (a path in contracts/, or a package's). */
  readonly source: string;
  /** The layer whose actions call it. */
  readonly layer: Layer;
  /**
   * Deployed behind an ERC-1967 proxy (UUPS, governance/AtlasModule): its address-book address is
   * the proxy's.
   */
  readonly proxied: boolean;
  /** Its key in the address book (`deployments/<chainId>.json`), when it has one address per chain. */
  readonly addressBook?: string;
  /** What the address book says of it (one line). */
  readonly description?: string;
  /** Whether and how the indexer reads its events. */
  readonly indexed?: Indexed;
  /**
   * The custom errors of other contracts that its calls let through (a revert bubbling up from a
   * contract it calls), by contract: the names, or `"all"`. Its actions decode these too.
   */
  readonly letsThrough?: { readonly [contract: string]: readonly string[] | "all" };
}

export const MANIFEST: readonly ContractEntry[] = [
  /* GOVERNANCE */
  {
    name: "AtlasGovernor",
    source: "contracts/governance/AtlasGovernor.sol",
    layer: "governance",
    proxied: false,
    addressBook: "governor",
    indexed: "address",
    // Votes and quorums read the token's checkpoints; queue, execute and cancel go through the timelock.
    letsThrough: { AtlasToken: ["ERC5805FutureLookup"], TimelockController: "all" },
  },
  {
    name: "AtlasToken",
    source: "contracts/governance/AtlasToken.sol",
    layer: "governance",
    proxied: false,
    addressBook: "token",
    indexed: "address",
  },
  {
    name: "TimelockController",
    source: "@openzeppelin/contracts/governance/TimelockController.sol",
    layer: "governance",
    proxied: false,
    addressBook: "timelock",
    description: "OpenZeppelin's TimelockController: the treasury, and governance's executor.",
  },
  {
    // What every module shares (guardian, bounded pause, module clock): the governance layer reads
    // any module's pause state with it. An interface: no address of its own.
    name: "IAtlasModule",
    source: "contracts/governance/IAtlasModule.sol",
    layer: "governance",
    proxied: false,
  },

  /* SOVEREIGN GRAPH */
  {
    name: "SovereignRegistry",
    source: "contracts/graph/SovereignRegistry.sol",
    layer: "graph",
    proxied: true,
    addressBook: "registry",
    indexed: "address",
  },
  {
    name: "ContributionLedger",
    source: "contracts/graph/ContributionLedger.sol",
    layer: "graph",
    proxied: true,
    addressBook: "ledger",
    indexed: "address",
  },
  {
    name: "EAS",
    source: "@ethereum-attestation-service/eas-contracts/contracts/EAS.sol",
    layer: "graph",
    proxied: false,
    addressBook: "eas",
    description: "EAS: deployed with the stack on a local chain, the canonical one on public networks.",
    // EAS is shared with everyone: only the logs of the Atlas OS schemas.
    indexed: { atlasSchemaEvents: ["Attested", "Revoked"] },
  },
  {
    name: "SchemaRegistry",
    source: "@ethereum-attestation-service/eas-contracts/contracts/SchemaRegistry.sol",
    layer: "graph",
    proxied: false,
    addressBook: "schemaRegistry",
    description: "EAS's SchemaRegistry, where the Atlas OS schemas are registered.",
  },

  /* CAPITAL */
  {
    name: "BountyBoard",
    source: "contracts/capital/BountyBoard.sol",
    layer: "capital",
    proxied: true,
    addressBook: "bountyBoard",
    indexed: "address",
    // createBounty checks and links the mission; deposits and payouts move ERC-20 tokens (SafeERC20
    // bubbles a token's ERC-6093 error, such as a missing approval).
    letsThrough: {
      SovereignRegistry: [
        "RegistryUnknownMission",
        "RegistryMissionClosed",
        "RegistrySovereignSuspended",
        "RegistryNotFundingModule",
      ],
      IERC20Errors: "all",
    },
  },
  {
    name: "MilestoneEscrow",
    source: "contracts/capital/MilestoneEscrow.sol",
    layer: "capital",
    proxied: true,
    addressBook: "escrow",
    indexed: "address",
    // createEscrow checks and links the mission; dispute opens Arbitration's disputes.
    letsThrough: {
      SovereignRegistry: [
        "RegistryUnknownMission",
        "RegistryMissionClosed",
        "RegistrySovereignSuspended",
        "RegistryNotFundingModule",
      ],
      Arbitration: [
        "ArbitrationNotArbitrable",
        "ArbitrationInvalidParties",
        "ArbitrationZeroAmount",
        "ArbitrationArbiterIsParty",
        "ArbitrationMissingEvidence",
      ],
      IERC20Errors: "all",
    },
  },
  {
    name: "RevenueSplitFactory",
    source: "contracts/capital/RevenueSplitFactory.sol",
    layer: "capital",
    proxied: false,
    addressBook: "splitFactory",
    indexed: "address",
    // createSplit initializes the new split, which checks the configuration.
    letsThrough: { RevenueSplit: "all" },
  },
  {
    // One per split, created by the factory at an address the SDK predicts: no address-book entry.
    name: "RevenueSplit",
    source: "contracts/capital/RevenueSplit.sol",
    layer: "capital",
    proxied: false,
    indexed: { factory: "RevenueSplitFactory", event: "SplitCreated", parameter: "split" },
    letsThrough: { IERC20Errors: "all" },
  },
  {
    // ERC-6093's ERC-20 errors: those of the tokens the capital contracts move. Errors only.
    name: "IERC20Errors",
    source: "@openzeppelin/contracts/interfaces/draft-IERC6093.sol",
    layer: "capital",
    proxied: false,
  },

  /* INTERSTATE */
  {
    name: "Arbitration",
    source: "contracts/interstate/Arbitration.sol",
    layer: "interstate",
    proxied: true,
    addressBook: "arbitration",
    description: "Arbitration, the interstate dispute module the escrow settles disputes through.",
    indexed: "address",
    // finalize enforces the ruling through the escrow's onRuling.
    letsThrough: { MilestoneEscrow: ["EscrowUnknownDispute", "EscrowInvalidShare"] },
  },
];

/**
 * Contracts of contracts/ with an artifact that are deliberately not in the manifest, and why.
 * (An interface `I<Name>` beside a manifest contract `<Name>` needs no entry: its ABI is part of
 * `<Name>`'s.)
 */
export const EXCLUDED: Readonly<Record<string, string>> = {
  AtlasModule: "abstract base of the modules; its interface IAtlasModule is in the manifest",
  IArbitrable: "the callback Arbitration calls on an arbitrable (MilestoneEscrow implements it)",
  BountyMath: "library inlined into BountyBoard",
  ContributionMath: "library inlined into ContributionLedger",
  SplitMath: "library inlined into RevenueSplit",
  StreamMath: "library inlined into MilestoneEscrow",
};

/**
 * SDK names of the enums whose default (the enum's name in SCREAMING_SNAKE_CASE, plural) does not
 * fit, by canonical name; `keepCase` keeps the members' names as the contract spells them
 * (`"Pending"`), where the default is lowerCamelCase (`"inProgress"`).
 */
export const ENUM_NAMES: Readonly<Record<string, { readonly name?: string; readonly keepCase?: true }>> = {
  "IGovernor.ProposalState": { keepCase: true },
  "IArbitration.Drawer": { name: "ARBITER_DRAWERS" },
  "TimelockController.OperationState": { keepCase: true },
};

/**
 * Sentences of the custom errors declared outside contracts/ (OpenZeppelin, EAS), whose own
 * NatSpec speaks to developers: by signature. The same template language as the `@dev` lines of
 * contracts/: `` `name` `` is the argument (an address, a number, a time for a timestamp's name, a
 * token — "ETH" for the zero address — for `token`, an enum's member by name), `` `name:kind` ``
 * forces a rendering (`time`; `asset`; `plain`; `units18`: an 18-decimal amount; `bits <Enum>`: a
 * bitmap of an enum's members), `` `name ? if true : if false` `` picks a phrase (in double quotes to keep its spaces; `%` in it
 * stands for the value).
 */
export const EXTERNAL_ERROR_SENTENCES: Readonly<Record<string, string>> = {
  // OpenZeppelin: Governor
  "GovernorAlreadyCastVote(address)": "`voter` has already voted on this proposal.",
  "GovernorAlreadyQueuedProposal(uint256)": "Proposal `proposalId` is already queued.",
  "GovernorDisabledDeposit()": "The governor does not accept deposits; send funds to the timelock (the treasury).",
  "GovernorInsufficientProposerVotes(address,uint256,uint256)":
    "`proposer` has `votes:units18` tokens of voting power; proposing needs `threshold:units18` tokens.",
  "GovernorInvalidProposalLength(uint256,uint256,uint256)":
    "A proposal needs as many targets (`targets`), calldatas (`calldatas`) and values (`values`), and at least one.",
  "GovernorInvalidQuorumFraction(uint256,uint256)":
    "A quorum of `quorumNumerator`/`quorumDenominator` is not a valid fraction.",
  "GovernorInvalidSignature(address)":
    "The signature is not a valid, unused signature by `voter` (already used, or signed for other data).",
  "GovernorInvalidVoteParams()": "The vote parameters are not valid for this governor.",
  "GovernorInvalidVoteType()": "The vote must be 0 (against), 1 (for) or 2 (abstain).",
  "GovernorInvalidVotingPeriod(uint256)": "A voting period of `votingPeriod` is not allowed (it must be above 0).",
  "GovernorNonexistentProposal(uint256)": "No proposal `proposalId` exists.",
  "GovernorOnlyExecutor(address)":
    "`account` cannot do this: only governance (an executed proposal, through the timelock) can.",
  "GovernorPreventLateQuorumVoteExtensionTooLarge(uint256,uint256)":
    "A late-quorum extension of `newVoteExtension` s is above the maximum of `maxVoteExtension` s.",
  "GovernorProposalQueueingFailed(uint256)": "Queueing proposal `proposalId` in the timelock failed.",
  "GovernorProposalQueueingNotRequired(uint256)": "Proposal `proposalId` does not need queueing.",
  "GovernorRestrictedProposer(address)": "`proposer` is not allowed to submit this proposal.",
  "GovernorUnableToCancel(uint256,address)":
    "`account` cannot cancel proposal `proposalId`: only the proposal guardian, or the proposer while it is pending, can.",
  "GovernorUnexpectedProposalState(uint256,uint8,bytes32)":
    "Proposal `proposalId` is `current`; this needs it to be `expectedStates:bits IGovernor.ProposalState`.",
  // OpenZeppelin: ERC-20, permits, votes, nonces, checkpoints, signatures, EIP-712
  "ERC20ExceededSafeSupply(uint256,uint256)":
    "A supply of `increasedSupply` would exceed the voting-safe cap of `cap`.",
  "ERC2612ExpiredSignature(uint256)": "The permit signature expired at `deadline:plain`.",
  "ERC2612InvalidSigner(address,address)": "The permit was signed by `signer`, not by the owner `owner`.",
  "ERC5805FutureLookup(uint256,uint48)": "Timepoint `timepoint` is not in the past (the clock is at `clock`).",
  "ERC6372InconsistentClock()": "The token's clock is inconsistent.",
  "VotesExpiredSignature(uint256)": "The delegation signature expired at `expiry:plain`.",
  "InvalidAccountNonce(address,uint256)":
    "The signature's nonce is not the next one of `account` (`currentNonce`): it was already used or is out of order.",
  "CheckpointUnorderedInsertion()": "A voting checkpoint would be written out of order.",
  "ECDSAInvalidSignature()": "The signature is not valid.",
  "ECDSAInvalidSignatureLength(uint256)": "The signature has `length` bytes; 65 are expected.",
  "ECDSAInvalidSignatureS(bytes32)": "The signature's s value `s` is not in the lower half order.",
  "InvalidShortString()": "A short string is malformed.",
  "StringTooLong(string)": "The string `str` is too long.",
  "SafeCastOverflowedUintDowncast(uint8,uint256)": "`value` does not fit in `bits` bits.",
  "ERC20InsufficientBalance(address,uint256,uint256)":
    "`sender` holds `balance` of the token (in its smallest unit); the transfer needs `needed`.",
  "ERC20InsufficientAllowance(address,uint256,uint256)":
    "`spender` may spend `allowance` of the token (in its smallest unit); the transfer needs `needed`: approve it first.",
  "ERC20InvalidApprover(address)": "`approver` cannot approve.",
  "ERC20InvalidReceiver(address)": "`receiver` cannot receive tokens.",
  "ERC20InvalidSender(address)": "`sender` cannot send tokens.",
  "ERC20InvalidSpender(address)": "`spender` cannot be approved as a spender.",
  // OpenZeppelin: TimelockController, AccessControl
  "TimelockInsufficientDelay(uint256,uint256)": "A delay of `delay` s is below the timelock's minimum of `minDelay` s.",
  "TimelockInvalidOperationLength(uint256,uint256,uint256)":
    "A timelock operation needs as many targets (`targets`), payloads (`payloads`) and values (`values`).",
  "TimelockUnauthorizedCaller(address)": "`caller` cannot do this: only the timelock itself can.",
  "TimelockUnexecutedPredecessor(bytes32)": "The predecessor operation `predecessorId` has not run yet.",
  "TimelockUnexpectedOperationState(bytes32,bytes32)":
    "Timelock operation `operationId` is not in the expected state (`expectedStates:bits TimelockController.OperationState`); before its delay has passed it is only waiting.",
  "AccessControlBadConfirmation()": "An account can only renounce its own roles.",
  "AccessControlUnauthorizedAccount(address,bytes32)": "`account` lacks the role `neededRole`.",
  // OpenZeppelin: the upgradeable base of the modules, proxies, calls, reentrancy, tokens
  "EnforcedPause()": "The contract is paused.",
  "ExpectedPause()": "The contract is not paused.",
  "InvalidInitialization()": "The contract is already initialized.",
  "NotInitializing()": "The contract is not being initialized.",
  "AddressEmptyCode(address)": "`target` has no code.",
  "ERC1967InvalidImplementation(address)": "`implementation` is not a valid implementation.",
  "ERC1967NonPayable()": "This upgrade does not accept ETH.",
  "UUPSUnauthorizedCallContext()": "Upgrades go through the proxy.",
  "UUPSUnsupportedProxiableUUID(bytes32)": "The new implementation's proxiable UUID `slot` is not supported.",
  "FailedCall()": "A call made by the contract failed.",
  "FailedDeployment()": "Deploying the split failed.",
  "InsufficientBalance(uint256,uint256)": "The contract holds `balance` wei; `needed` are needed.",
  "ReentrancyGuardReentrantCall()": "The contract was re-entered.",
  "SafeERC20FailedOperation(address)": "A transfer of `token` failed.",
  // EAS and its SchemaRegistry
  "AccessDenied()": "Only the attester can revoke its attestation.",
  "AlreadyExists()": "The schema is already registered.",
  "AlreadyRevoked()": "The attestation is already revoked.",
  "AlreadyRevokedOffchain()": "The off-chain attestation is already revoked.",
  "AlreadyTimestamped()": "The data is already timestamped.",
  "DeadlineExpired()": "The signed request expired.",
  "InsufficientValue()": "Not enough ETH was sent.",
  "InvalidAttestation()": "The schema's resolver rejected the attestation.",
  "InvalidAttestations()": "The schema's resolver rejected the attestations.",
  "InvalidExpirationTime()": "The expiration time is in the past.",
  "InvalidLength()": "The request's lists are empty or differ in length.",
  "InvalidNonce()": "The nonce is not above the current one.",
  "InvalidOffset()": "The offset is out of range.",
  "InvalidRegistry()": "The schema registry is not valid.",
  "InvalidRevocation()": "The schema's resolver rejected the revocation.",
  "InvalidRevocations()": "The schema's resolver rejected the revocations.",
  "InvalidSchema()": "The schema is not registered, or is not the attestation's.",
  "InvalidSignature()": "The signature is not valid.",
  "InvalidVerifier()": "The verifier is not valid.",
  "Irrevocable()": "The attestation is not revocable.",
  "NotFound()": "No attestation with this UID (or the referenced UID) exists.",
  "NotPayable()": "The schema's resolver does not accept ETH.",
  "WrongSchema()": "The attestation has another schema.",
};
