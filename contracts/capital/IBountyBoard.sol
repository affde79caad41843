// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IContributionLedger} from "../graph/IContributionLedger.sol";
import {ISovereignRegistry} from "../graph/ISovereignRegistry.sol";

/// @title IBountyBoard
/// @notice Bounties on missions of the Sovereign Graph: a reward in ETH or an ERC-20 token that
/// anyone may top up, work submitted by contributors (optionally only by holders of a credential
/// the mission's sovereign honours), winners chosen by the mission's manager and paid at once,
/// and funders refunded when the bounty is cancelled or its deadline passes. Every award is
/// recorded as a contribution in the ContributionLedger, so reputation follows payouts.
/// @dev Lifecycle. A bounty is Open from creation until its deadline; then it is Expired. While
/// Open it takes top-ups, submissions and awards (several award calls may pay several winners);
/// once Expired it takes none of these, and funders reclaim what was not awarded. Until its first
/// award the mission's manager may cancel an Open bounty, whatever was submitted (one junk
/// submission cannot lock the funds); funders then reclaim their whole contributions.
///
/// Decisions:
/// - One submission per account per bounty, never replaced: the manager awards exactly the work
///   it reviewed, and a submitter cannot swap its evidence under a pending award.
/// - The deadline closes submissions and awards together, and opens refunds: a bounty is never
///   both awardable and refundable, so funders and the manager never race. A manager who needs
///   review time sets a later deadline (at most {MAX_DURATION} ahead).
/// - Each funder pays only for awards made while its money was in. Funders hold shares of what the
///   bounty holds ({BountyMath}): a deposit buys shares at their current value, an award lowers the
///   value of every share outstanding, a refund pays a funder's shares at their value. So an award
///   is charged to the funders present at award time, pro rata to what each still had in, and a
///   top-up made after an award pays nothing for it (a funder whose 1,000 was fully awarded gets
///   nothing back from a later funder's 100). Mints and refunds round down and the last funder to
///   reclaim gets what is left, so refunds add up to what the bounty holds exactly; a refund may
///   exceed the funder's exact part by the rounding others left (about one unit per deposit and
///   award, see {BountyMath}). Without any award every funder gets back exactly its contribution.
/// - Each award records one ledger outcome of kind {BOUNTY_KIND} for its winner, worth
///   {AWARD_POINTS} points whatever the amount (amounts in different tokens do not compare), with
///   the winner's submission content hash as evidence. The record never blocks the payout (as in
///   the milestone escrow): if the ledger refuses it (paused, the board not a recorder, the
///   sovereign suspended), {BountyContributionNotRecorded} says so and the winner is paid anyway.
///   Every record is made before any payout, so a caller cannot starve a record of gas and still
///   complete the award (what a failed call leaves, 1/64 of its gas, cannot pay a winner).
/// - Payouts are pushed; a winner that cannot receive (ETH call or token transfer fails) gets a
///   withdrawable balance instead, so one winner never blocks the others. ETH pushes forward all
///   the gas left (smart wallets may need it) and ignore return data: a receiver that burns all
///   its gas only makes the award naming it run out of gas, and the manager awards the others
///   without it. Refunds and withdrawals are pulled by their owner, to an address it names.
/// - The mission's status is checked when the bounty is created; a bounty lives on if its mission
///   is completed or cancelled later (its manager may cancel it while nothing was submitted).
/// - Anyone may create a bounty on an Open or InProgress mission (it comes funded, and only the
///   mission's manager decides who is paid); the registry records the link.
/// - The credential a submission was made with is checked again when it is awarded: a credential
///   revoked or expired since, or an issuer no longer trusted, wins nothing.
/// - A pause moves no money between parties. Pause (guardian; only governance unpauses; a pause
///   ends by itself) stops every action but {withdraw}: creation, top-ups, submissions, awards,
///   cancellation and refunds. A bounty's deadline is on the module's clock
///   ({IAtlasModule-moduleTime}), which stands still while paused, so a pause extends every
///   deadline by its length: it never turns what the manager could still award into refunds.
///   Deadlines given at creation are on that clock (it equals `block.timestamp` until the board
///   is first paused). A credit waiting in {withdraw} is a fixed sum already owed to its owner,
///   so paying it out cannot make a bug worse, and a winner whose payout was deferred is never
///   held by a pause.
///
/// Assumptions:
/// - Tokens: any ERC-20, with or without return values (SafeERC20). Deposits are credited by the
///   board's balance change, so fee-on-transfer tokens credit what arrived; payouts and refunds
///   send their nominal amount (a fee is taken out of it: the receiver's loss). Not supported:
///   rebasing tokens (the board's balance must change only through its own transfers) and tokens
///   that take more than the amount from the sender. Tokens with transfer hooks cannot re-enter
///   (every money path is `nonReentrant`).
/// - Trust: the mission's manager decides alone who wins and how much (it may award itself if it
///   submitted work); funders trust it as they trust the mission.
/// - ETH is the zero token address, sent as `msg.value` equal to the stated amount; the board
///   refuses ETH sent any other way.
/// - The registry answers mission, manager and credential questions truthfully, names the board
///   a funding module ({ISovereignRegistry-setFundingModule}), and the ledger names it a recorder
///   ({IContributionLedger-setRecorder}); both are set by governance.
interface IBountyBoard {
    /* TYPES */

    /// @notice Where a bounty stands: Open (takes top-ups, submissions and awards), Expired (past
    /// its deadline: funders reclaim the leftover), Cancelled (by its manager before any
    /// submission: funders reclaim their contributions). None: no such bounty.
    enum BountyStatus {
        None,
        Open,
        Expired,
        Cancelled
    }

    /// @notice What a creator chooses for a new bounty.
    /// @param missionId The registry mission it funds (Open or InProgress).
    /// @param token The reward token, the zero address for ETH.
    /// @param deadline When submissions and awards close and refunds open (on the board's clock,
    /// {IAtlasModule-moduleTime}).
    /// @param credentialTrustedBy The sovereign whose trust list names the credential's issuer:
    /// the mission's sovereign or one recognizing it mutually (0 exactly when no credential).
    /// @param credentialSchema The EAS schema of the credential submitters must hold, 0 for none.
    /// @param metadataURI Where the bounty's description lives.
    /// @param metadataHash keccak256 of that document.
    struct BountyTerms {
        uint64 missionId;
        address token;
        uint64 deadline;
        uint64 credentialTrustedBy;
        bytes32 credentialSchema;
        string metadataURI;
        bytes32 metadataHash;
    }

    /// @notice A bounty as stored. What the board holds for it is `funded - awarded - refunded`,
    /// shared by its funders' `totalShares` (counted at share epoch `shareEpoch`, see {BountyMath});
    /// `funderCount` funders deposited, `reclaimCount` of them reclaimed.
    /// @param token The reward token (zero: ETH).
    /// @param missionId Its mission.
    /// @param sovereignId The mission's sovereign (contributions are recorded there).
    /// @param credentialTrustedBy See {BountyTerms}.
    /// @param deadline See {BountyTerms}.
    /// @param submissionCount Number of submissions.
    /// @param cancelled Whether its manager cancelled it.
    /// @param credentialSchema See {BountyTerms}.
    /// @param funded Total credited by deposits (what arrived).
    /// @param awarded Total awarded to winners.
    /// @param refunded Total refunded to funders.
    /// @param reclaimedContributions Sum of the contributions of the funders who reclaimed.
    /// @param totalShares Shares outstanding.
    /// @param shareEpoch The epoch shares are counted at.
    /// @param funderCount Number of distinct funders.
    /// @param reclaimCount Number of funders who reclaimed.
    struct Bounty {
        address token;
        uint64 missionId;
        uint64 sovereignId;
        uint64 credentialTrustedBy;
        uint64 deadline;
        uint32 submissionCount;
        bool cancelled;
        bytes32 credentialSchema;
        uint256 funded;
        uint256 awarded;
        uint256 refunded;
        uint256 reclaimedContributions;
        uint160 totalShares;
        uint32 shareEpoch;
        uint32 funderCount;
        uint32 reclaimCount;
    }

    /* EVENTS */

    /// @notice `creator` created bounty `bountyId` on `missionId` of `sovereignId`, paying in
    /// `token` (zero: ETH) until `deadline`; submitters need a `credentialSchema` credential
    /// trusted by `credentialTrustedBy` (0, 0: none). Its first deposit follows as {BountyFunded}.
    event BountyCreated(
        uint256 indexed bountyId,
        uint64 indexed missionId,
        uint64 indexed sovereignId,
        address creator,
        address token,
        uint64 deadline,
        bytes32 credentialSchema,
        uint64 credentialTrustedBy,
        string metadataURI,
        bytes32 metadataHash
    );

    /// @notice `funder` deposited into `bountyId`: `amount` of `token` arrived (and is credited);
    /// its contribution is now `contribution` and the bounty's total `funded`.
    event BountyFunded(
        uint256 indexed bountyId,
        address indexed funder,
        address indexed token,
        uint256 amount,
        uint256 contribution,
        uint256 funded
    );

    /// @notice `contributor` submitted work to `bountyId`: evidence at `evidenceURI` with content
    /// hash `contentHash`, holding credential attestation `credentialUID` (0 when none was given).
    event WorkSubmitted(
        uint256 indexed bountyId,
        address indexed contributor,
        string evidenceURI,
        bytes32 contentHash,
        bytes32 credentialUID
    );

    /// @notice Mission manager `by` awarded `amount` of `token` from `bountyId` to `winner`;
    /// `remaining` is left to award. The payout follows (or {PaymentDeferred}).
    event BountyAwarded(
        uint256 indexed bountyId,
        address indexed winner,
        address indexed by,
        address token,
        uint256 amount,
        uint256 remaining
    );

    /// @notice Pushing `amount` of `token` to `account` failed: it was credited to `account`, which
    /// withdraws it with {withdraw} ({pendingWithdrawal} reads what it is owed). Emitted right
    /// after the {BountyAwarded} of that payout.
    // Amounts are read, never filtered on: not indexed.
    // solhint-disable-next-line gas-indexed-events
    event PaymentDeferred(address indexed account, address indexed token, uint256 amount);

    /// @notice The ledger refused to record the award of `amount` from `bountyId` to `winner`;
    /// the award was paid (or deferred) all the same.
    // solhint-disable-next-line gas-indexed-events
    event BountyContributionNotRecorded(uint256 indexed bountyId, address indexed winner, uint256 amount);

    /// @notice Mission manager `by` cancelled `bountyId`; its funders may reclaim their contributions.
    event BountyCancelled(uint256 indexed bountyId, address indexed by);

    /// @notice `funder` reclaimed `amount` of `token` from `bountyId`, sent to `to`.
    event FundsReclaimed(
        uint256 indexed bountyId,
        address indexed funder,
        address indexed token,
        address to,
        uint256 amount
    );

    /// @notice `account` withdrew its deferred payouts: `amount` of `token`, sent to `to`.
    event Withdrawn(address indexed account, address indexed token, address indexed to, uint256 amount);

    /* ERRORS */

    /// @dev The board needs a registry and a ledger.
    error BountyZeroAddress();
    /// @dev No bounty `bountyId` exists.
    error BountyUnknown(uint256 bountyId);
    /// @dev A deposit cannot be zero.
    error BountyZeroAmount();
    /// @dev `value` wei were sent for an amount of `amount`: ETH bounties send the amount, ERC-20
    /// ones no ETH.
    error BountyValueMismatch(uint256 value, uint256 amount);
    /// @dev `sent` of `token` were sent but none arrived.
    error BountyNothingReceived(address token, uint256 sent);
    /// @dev `token:plain` is neither ETH (the zero address) nor a token contract.
    error BountyInvalidToken(address token);
    /// @dev The deadline `deadline` is not after `timestamp`.
    error BountyDeadlineNotInFuture(uint64 deadline, uint256 timestamp);
    /// @dev The deadline `deadline` is after `latest`, the furthest a bounty may run (MAX_DURATION
    /// from now).
    error BountyDeadlineTooFar(uint64 deadline, uint256 latest);
    /// @dev Mission `missionId` is `status`: bounties fund open or in-progress missions.
    error BountyMissionNotOpen(uint64 missionId, ISovereignRegistry.MissionStatus status);
    /// @dev A credential requirement needs a schema and a trusting sovereign, or neither (`schema`,
    /// `trustedBy`).
    error BountyInvalidCredentialRequirement(bytes32 schema, uint64 trustedBy);
    /// @dev A bounty needs a metadata URI and hash.
    error BountyMissingMetadata();
    /// @dev Bounty `bountyId` is `status`, not open.
    error BountyNotOpen(uint256 bountyId, BountyStatus status);
    /// @dev `account` does not manage mission `missionId` of bounty `bountyId`.
    error BountyNotMissionManager(uint256 bountyId, uint64 missionId, address account);
    /// @dev Work needs an evidence URI and a content hash.
    error BountyMissingEvidence();
    /// @dev `account` already submitted to bounty `bountyId`.
    error BountyAlreadySubmitted(uint256 bountyId, address account);
    /// @dev `uid` is not a credential of `account` that bounty `bountyId` accepts (`status`).
    error BountyCredentialInvalid(
        uint256 bountyId,
        address account,
        bytes32 uid,
        ISovereignRegistry.CredentialStatus status
    );
    /// @dev An award names 1 to `max` winners, not `count`.
    error BountyInvalidWinnerCount(uint256 count, uint256 max);
    /// @dev `winners` winners were given with `amounts` amounts: one each.
    error BountyLengthMismatch(uint256 winners, uint256 amounts);
    /// @dev The award to `winner` from bounty `bountyId` is zero.
    error BountyZeroAward(uint256 bountyId, address winner);
    /// @dev `winner` submitted nothing to bounty `bountyId`.
    error BountyNoSubmission(uint256 bountyId, address winner);
    /// @dev `winner` was already awarded from bounty `bountyId`.
    error BountyAlreadyAwarded(uint256 bountyId, address winner);
    /// @dev The awards (`total`) exceed what is left in bounty `bountyId` (`remaining`).
    error BountyAwardExceedsRemaining(uint256 bountyId, uint256 total, uint256 remaining);
    /// @dev Bounty `bountyId` has already awarded `awarded`: it can no longer be cancelled.
    error BountyHasAwards(uint256 bountyId, uint256 awarded);
    /// @dev Bounty `bountyId` would hold `funded` in all, above the most a bounty holds (`max`).
    error BountyFundingTooLarge(uint256 bountyId, uint256 funded, uint256 max);
    /// @dev Bounty `bountyId` is open until `deadline`: no refunds yet.
    error BountyReclaimBeforeDeadline(uint256 bountyId, uint64 deadline);
    /// @dev `funder` did not fund bounty `bountyId`.
    error BountyNoContribution(uint256 bountyId, address funder);
    /// @dev `funder` already reclaimed from bounty `bountyId`.
    error BountyAlreadyReclaimed(uint256 bountyId, address funder);
    /// @dev Bounty `bountyId` was fully awarded: nothing to refund.
    error BountyFullyAwarded(uint256 bountyId);
    /// @dev `account` has no deferred payouts in `token`.
    error BountyNothingToWithdraw(address account, address token);
    /// @dev The recipient cannot be the zero address.
    error BountyZeroRecipient();
    /// @dev Sending `amount` wei to `to` failed.
    error BountyNativeTransferFailed(address to, uint256 amount);

    /* FUNCTIONS */

    /// @notice Creates a bounty on an Open or InProgress mission, funded by the caller with
    /// `amount` (for ETH, sent as `msg.value`), and links it to the mission in the registry.
    /// @dev The registry's own errors surface unchanged: `RegistryUnknownMission` for an unknown
    /// mission, `RegistryNotFundingModule` if governance has not named the board, and
    /// `RegistrySovereignSuspended` while the mission's sovereign is suspended.
    /// @param terms The bounty's mission, token, deadline, credential requirement and metadata.
    /// @param amount The first deposit (for a fee-on-transfer token, what arrives is credited).
    /// @return bountyId The new bounty's id (from 1).
    function createBounty(BountyTerms calldata terms, uint256 amount) external payable returns (uint256 bountyId);

    /// @notice Tops up an Open bounty; anyone may. For ETH, `amount` is sent as `msg.value`. The
    /// deposit buys shares at their current value: it pays for no award made before it.
    /// @param bountyId The bounty.
    /// @param amount The deposit.
    /// @return credited What arrived and was credited to the caller's contribution.
    function fund(uint256 bountyId, uint256 amount) external payable returns (uint256 credited);

    /// @notice Submits the caller's work to an Open bounty, once. If the bounty requires a
    /// credential, `credentialUID` must be an attestation the registry honours for the caller
    /// ({ISovereignRegistry-checkCredential} with the mission's sovereign); otherwise it is only logged.
    /// @param bountyId The bounty.
    /// @param evidenceURI Where the work lives.
    /// @param contentHash keccak256 of the work (the evidence recorded with an award).
    /// @param credentialUID The caller's credential attestation, or 0.
    function submitWork(
        uint256 bountyId,
        string calldata evidenceURI,
        bytes32 contentHash,
        bytes32 credentialUID
    ) external;

    /// @notice Awards winners of an Open bounty and pays them at once (a winner that cannot
    /// receive gets a withdrawable balance), recording each award in the ledger (a refusal is
    /// reported by {BountyContributionNotRecorded}, never blocks the payout). Mission manager
    /// only. May be called again while the bounty is Open; each submission wins at most once, and
    /// only with its credential still valid when the bounty asks for one. The award is charged to
    /// the funders in now, pro rata to what each still has in.
    /// @param bountyId The bounty.
    /// @param winners Accounts that submitted work, 1 to {MAX_WINNERS}, each awarded once.
    /// @param amounts Their awards, non-zero, adding up to at most {remainingOf}.
    function award(uint256 bountyId, address[] calldata winners, uint256[] calldata amounts) external;

    /// @notice Cancels an Open bounty that has awarded nothing yet (submissions or not); funders may
    /// then reclaim their contributions. Mission manager only.
    /// @param bountyId The bounty.
    function cancel(uint256 bountyId) external;

    /// @notice Refunds the caller's share of an Expired or Cancelled bounty: what its shares are
    /// worth (its deposits less its part of the awards made while they were in), and the rounding
    /// dust if it is the last funder to reclaim. Once per funder; may refund 0 when its money was
    /// all awarded.
    /// @param bountyId The bounty.
    /// @param to Where to send the refund.
    /// @return amount The refund.
    function reclaim(uint256 bountyId, address to) external returns (uint256 amount);

    /// @notice Withdraws the caller's deferred payouts of `token` (zero: ETH), across bounties.
    /// Works while the board is paused.
    /// @param token The token.
    /// @param to Where to send them.
    /// @return amount The amount withdrawn.
    function withdraw(address token, address to) external returns (uint256 amount);

    /* VIEWS */

    /// @notice A bounty. Reverts for an unknown id.
    /// @param bountyId The bounty.
    /// @return bounty Its record.
    function getBounty(uint256 bountyId) external view returns (Bounty memory bounty);

    /// @notice Where a bounty stands (None for an unknown id).
    /// @param bountyId The bounty.
    /// @return status Its status.
    function statusOf(uint256 bountyId) external view returns (BountyStatus status);

    /// @notice What the board holds for a bounty: while Open, what is left to award; afterwards,
    /// what is left to refund. Reverts for an unknown id.
    /// @param bountyId The bounty.
    /// @return remaining `funded - awarded - refunded`.
    function remainingOf(uint256 bountyId) external view returns (uint256 remaining);

    /// @notice A funder's contribution to a bounty (what its deposits credited) and whether it reclaimed.
    /// @param bountyId The bounty.
    /// @param funder The funder.
    /// @return amount Its contribution.
    /// @return reclaimed Whether it reclaimed.
    function contributionOf(uint256 bountyId, address funder) external view returns (uint256 amount, bool reclaimed);

    /// @notice What {reclaim} would refund `funder` now (0 while the bounty is Open, or when
    /// nothing is owed to it).
    /// @param bountyId The bounty.
    /// @param funder The funder.
    /// @return amount The refund.
    function refundOf(uint256 bountyId, address funder) external view returns (uint256 amount);

    /// @notice An account's submission to a bounty.
    /// @param bountyId The bounty.
    /// @param account The submitter.
    /// @return contentHash Its work's content hash (0: no submission).
    /// @return awarded What it was awarded (0: nothing yet).
    function submissionOf(
        uint256 bountyId,
        address account
    ) external view returns (bytes32 contentHash, uint256 awarded);

    /// @notice Deferred payouts `account` may withdraw in `token` (zero: ETH) with {withdraw}.
    /// @param account The account.
    /// @param token The token.
    /// @return amount The amount.
    function pendingWithdrawal(address account, address token) external view returns (uint256 amount);

    /// @notice Number of bounties created (the highest id).
    /// @return count The count.
    function bountyCount() external view returns (uint256 count);

    /// @notice The registry missions, managers and credentials are checked against.
    /// @return registryAddress The SovereignRegistry.
    function registry() external view returns (ISovereignRegistry registryAddress);

    /// @notice The ledger awards are recorded in.
    /// @return ledgerAddress The ContributionLedger.
    function ledger() external view returns (IContributionLedger ledgerAddress);

    /// @notice The ledger kind of bounty awards: `bytes32("bounty")`.
    /// @return kind The kind.
    // solhint-disable-next-line func-name-mixedcase
    function BOUNTY_KIND() external view returns (bytes32 kind);

    /// @notice Reputation points each award records for its winner, whatever the amount.
    /// @return points The points.
    // solhint-disable-next-line func-name-mixedcase
    function AWARD_POINTS() external view returns (uint256 points);

    /// @notice The most winners one {award} call pays.
    /// @return max The limit.
    // solhint-disable-next-line func-name-mixedcase
    function MAX_WINNERS() external view returns (uint256 max);

    /// @notice How far after its creation a bounty's deadline may be.
    /// @return duration The limit in seconds.
    // solhint-disable-next-line func-name-mixedcase
    function MAX_DURATION() external view returns (uint256 duration);
}
