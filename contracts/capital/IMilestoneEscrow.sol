// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IArbitrable} from "../interstate/IArbitrable.sol";

/// @title IMilestoneEscrow
/// @notice Milestone escrows ("outcome-linked unlocks"): a funder pays a contributor for a
/// mission's work in milestones. A lump milestone is released when the funder approves it, when
/// the named verifier attests it on EAS, or when the funder stays silent past the review window
/// after the contributor submits it; a streaming milestone vests linearly between its start and
/// end, the contributor claims it at any time, and either side may end it early (the funder's
/// cancellation leaves the contributor a review window to dispute the unvested rest). A missed
/// deadline without submission gives the lump back to the funder; a submitted lump can be
/// disputed, and the Arbitration module's final ruling splits it. Every payout is recorded as a
/// contribution in the ledger; reputation points come only with the mission's own deals.
/// @dev Promises (each has a regression test named after it) and the assumptions they rest on:
/// - Tokens: ETH (the zero address) or an ERC-20 that moves exactly the amounts it is asked to.
///   Funding is checked by balance delta and a token that delivers less (fee-on-transfer) is
///   rejected with {EscrowTokenShortfall}; rebasing tokens are not supported (a negative rebase
///   would leave the escrow short, a positive one strands the surplus).
/// - Payouts are pushed, and fall back to a credit the payee withdraws ({withdraw}) when the push
///   fails (a reverting receiver, a blocklisted address); rulings are always credited. No payee
///   can block another party's action.
/// - A milestone verification names its escrow: the EAS attestation (schema
///   {MILESTONE_VERIFICATION_SCHEMA}: `uint256 chainId,address escrow,uint256 escrowId,uint256
///   milestoneIndex,bool approved,string evidenceURI`, no resolver, revocable) must name this
///   chain and this contract, be made by the escrow's verifier after the escrow was created
///   (in a later second), be unrevoked and unexpired. A lump that was never submitted cannot be
///   released by attestation once its deadline passed: a missed deadline belongs to the funder's
///   reclaim.
/// - Reputation cannot be bought. A payout earns reputation points only when the deal is the
///   mission's own — created by a manager of the mission (its owner, an admin of its sovereign
///   or of its organization), endorsed by one ({endorseEscrow}), or funded by one — and the
///   contributor is a member of the sovereign the deal names for it. Other deals pay the same and
///   record the payout with no points. A sovereign named for a party must contain that party
///   (checked at creation), and the contributor accepts the terms ({acceptEscrow}) before it
///   submits work.
/// - A pause moves no money between parties. Every time of an escrow (lump deadlines, review
///   windows, stream schedules) is on the module's clock ({IAtlasModule-moduleTime}), which
///   stands still while the escrow is paused: a pause extends each of them by its length, so it
///   never hands a submitted milestone to the contributor, an unsubmitted one to the funder, or
///   a stream's vesting to either side of a cancellation. Times given at creation are on that
///   clock too (it equals `block.timestamp` until the escrow is first paused).
/// - Pause (guardian; only governance unpauses; a pause ends by itself) stops every action but
///   {withdraw}: a credit is a fixed sum already owed, so a payee whose payout was deferred is
///   never held by a pause.
/// - Streams can end early. The contributor may end its stream: the vested part is paid, the
///   rest goes back to the funder. The funder may cancel it: the vested part is paid to the
///   contributor, who then has the review window to dispute the rest (Arbitration splits it);
///   without a dispute the funder reclaims the rest after the window. A stream starts at most
///   {STREAM_START_TOLERANCE} before its creation.
/// - The ledger record of a payout never blocks the payout: if the ledger refuses it (paused,
///   sovereign suspended), {EscrowContributionNotRecorded} says so and the money still moves.
///   Records carry the amount the contributor received; a whole milestone is worth
///   {MILESTONE_POINTS} whatever its amount (amounts in different tokens do not compare), a part
///   of it its pro-rata share. A stream is recorded once, by the claim that completes it or by
///   its cancellation, with what was paid net of fees: a ledger record costs more than a claim,
///   and a stream is claimed many times. Until then its {StreamClaimed} events are the record.
/// - The registry, ledger, Arbitration and EAS addresses are fixed in the implementation (they
///   are proxies or singletons); an upgrade names them again.
/// - A milestone's amount is below 2^88 (309 million tokens of 18 decimals; larger sums take
///   several milestones) and its deadline or end before 2^32 seconds (the year 2106): the escrow
///   packs a milestone's terms and progress in one slot ({EscrowAmountTooLarge}, {EscrowTimeTooLate}).
/// - A streaming milestone cannot be reclaimed before it ends unless cancelled; only its
///   cancellation can be disputed. Deadlines and submissions are for lump milestones.
/// - The protocol fee (0 by default, at most 5%) is fixed for each escrow when it is created (a
///   later change by governance applies to new escrows only), is taken from each payout to the
///   contributor and accrues to the treasury (governance), which {collectFees} pays out; refunds
///   to the funder bear no fee.
interface IMilestoneEscrow is IArbitrable {
    /* TYPES */

    /// @notice Lump: paid at once when released. Streaming: vests linearly from start to end.
    enum MilestoneKind {
        Lump,
        Streaming
    }

    /// @notice A milestone's lifecycle. Lump: Unfunded → Funded → (Submitted →) Released, or
    /// Submitted → Disputed → Resolved, or Funded → Reclaimed after its deadline. Streaming:
    /// Unfunded → Funded → Released once fully claimed (or fully vested when cancelled); ended by
    /// the contributor: → Reclaimed; cancelled by the funder: → Cancelled → Reclaimed after the
    /// review window, or → Disputed → Resolved.
    enum MilestoneState {
        Unfunded,
        Funded,
        Submitted,
        Released,
        Disputed,
        Resolved,
        Reclaimed,
        Cancelled
    }

    /// @notice How a lump milestone was released.
    enum ReleaseReason {
        Approved,
        Attested,
        Optimistic
    }

    /// @notice The terms of a new escrow.
    /// @param missionId The mission funded (any Draft, Open or InProgress mission).
    /// @param funder Who pays and approves; the caller, or any account when a mission manager
    /// creates the escrow unfunded.
    /// @param contributor Who is paid.
    /// @param token The ERC-20 paid, or the zero address for ETH.
    /// @param verifier Whose milestone-verification attestations release lump milestones (zero: none).
    /// @param arbiter The arbiter of disputes, named now (zero: drawn when a dispute opens).
    /// @param funderSovereign The funder's sovereign, for drawing arbiters (0: none).
    /// @param contributorSovereign The contributor's sovereign, for drawing arbiters (0: none).
    /// @param reviewWindow How long the funder has after a submission before the contributor may
    /// release it, in seconds (1 hour to 90 days).
    /// @param fund Whether the caller (the funder) funds every milestone now.
    struct EscrowParams {
        uint64 missionId;
        address funder;
        address contributor;
        address token;
        address verifier;
        address arbiter;
        uint64 funderSovereign;
        uint64 contributorSovereign;
        uint32 reviewWindow;
        bool fund;
    }

    /// @notice One milestone of a new escrow, its times on the escrow's clock ({moduleTime}).
    /// Lump: `deadline` (in the future) is the last moment to submit, `start` and `end` are 0.
    /// Streaming: vests from `start` (at most {STREAM_START_TOLERANCE} ago) to `end` (after
    /// `start` and in the future), `deadline` is 0. (Calldata only: one word, whatever the rule
    /// below thinks.)
    // solhint-disable-next-line gas-struct-packing
    struct MilestoneParams {
        uint128 amount;
        MilestoneKind kind;
        uint40 deadline;
        uint40 start;
        uint40 end;
    }

    /// @notice An escrow as the getter returns it. `feeBps` is the protocol fee in force when it
    /// was created, which applies to all its payouts. `endorsed`: created or endorsed by a manager
    /// of the mission. `accepted`: the contributor accepted the terms.
    struct Escrow {
        uint64 missionId;
        address funder;
        address contributor;
        address token;
        address verifier;
        address arbiter;
        uint64 funderSovereign;
        uint64 contributorSovereign;
        uint32 reviewWindow;
        uint16 feeBps;
        uint8 milestoneCount;
        bool endorsed;
        bool accepted;
    }

    /// @notice A milestone as the getter returns it, its times on the escrow's clock. `released` is
    /// what the contributor was paid (gross of fee) so far; `submittedAt` when a lump was submitted
    /// or a stream cancelled by its funder (the review window runs from then); `disputeId` the
    /// Arbitration dispute, if any, opened by the funder when `disputedByFunder`. (Returned in
    /// memory, never stored: fields in reading order.)
    // solhint-disable-next-line gas-struct-packing
    struct Milestone {
        uint128 amount;
        MilestoneKind kind;
        MilestoneState state;
        uint40 deadline;
        uint40 start;
        uint40 end;
        uint128 released;
        uint40 submittedAt;
        uint64 disputeId;
        bool disputedByFunder;
    }

    /* EVENTS */

    /// @notice `creator` created escrow `escrowId` for `missionId`: `funder` pays `contributor` in
    /// `token` (zero: ETH) over `milestoneCount` milestones, less a protocol fee of `feeBps`.
    event EscrowCreated(
        uint256 indexed escrowId,
        uint64 indexed missionId,
        address indexed funder,
        address contributor,
        address token,
        address verifier,
        address arbiter,
        uint64 funderSovereign,
        uint64 contributorSovereign,
        uint32 reviewWindow,
        uint16 feeBps,
        uint8 milestoneCount,
        address creator
    );
    /// @notice Milestone `index` of `escrowId`: `amount` of kind `kind` with its times (see
    /// {MilestoneParams}); `funded` when the creation funded it.
    event MilestoneAdded(
        uint256 indexed escrowId,
        uint256 index,
        MilestoneKind kind,
        uint256 amount,
        uint40 deadline,
        uint40 start,
        uint40 end,
        bool funded
    );
    /// @notice `funder` funded milestone `index` of `escrowId` with `amount`.
    event MilestoneFunded(uint256 indexed escrowId, uint256 indexed index, address indexed funder, uint256 amount);
    /// @notice `contributor` submitted milestone `index` of `escrowId` with evidence at
    /// `evidenceURI` (content hash `evidenceHash`); the funder reviews it until `reviewEndsAt`.
    event MilestoneSubmitted(
        uint256 indexed escrowId,
        uint256 indexed index,
        address indexed contributor,
        string evidenceURI,
        bytes32 evidenceHash,
        uint256 reviewEndsAt
    );
    /// @notice `by` released lump milestone `index` of `escrowId` (`reason`; `attestationUID` when
    /// attested): `contributor` got `amount` after a protocol fee of `fee`.
    event MilestoneReleased(
        uint256 indexed escrowId,
        uint256 index,
        address indexed by,
        ReleaseReason reason,
        bytes32 attestationUID,
        address indexed contributor,
        uint256 amount,
        uint256 fee
    );
    /// @notice `contributor` claimed `amount` (after a fee of `fee`) from streaming milestone
    /// `index` of `escrowId`; `claimedTotal` (gross) of it is paid out now.
    event StreamClaimed(
        uint256 indexed escrowId,
        uint256 indexed index,
        address indexed contributor,
        uint256 amount,
        uint256 fee,
        uint256 claimedTotal
    );
    /// @notice `funder` took back `amount` of milestone `index` of `escrowId`: a lump unsubmitted
    /// past its deadline, or the unvested rest of a cancelled or ended stream.
    event MilestoneReclaimed(uint256 indexed escrowId, uint256 indexed index, address indexed funder, uint256 amount);
    /// @notice `claimant` disputed milestone `index` of `escrowId`: Arbitration dispute `disputeId`.
    event MilestoneDisputed(
        uint256 indexed escrowId,
        uint256 index,
        uint256 indexed disputeId,
        address indexed claimant
    );
    /// @notice The final ruling of `disputeId` (`shareToClaimant` millionths to the claimant)
    /// split milestone `index` of `escrowId`: `toContributor` after a fee of `fee`, `toFunder` back.
    event MilestoneResolved(
        uint256 indexed escrowId,
        uint256 indexed index,
        uint256 indexed disputeId,
        uint256 shareToClaimant,
        uint256 toContributor,
        uint256 fee,
        uint256 toFunder
    );
    /// @notice `contributor` accepted the terms of `escrowId` (at creation when it created the escrow).
    event EscrowAccepted(uint256 indexed escrowId, address indexed contributor);
    /// @notice Mission manager `by` endorsed `escrowId` as the mission's own deal (its payouts earn
    /// reputation points when the contributor is a member of its named sovereign); at creation when
    /// a manager created the escrow for its funder.
    event EscrowEndorsed(uint256 indexed escrowId, address indexed by);
    /// @notice `by` ended streaming milestone `index` of `escrowId` early: `vested` (gross) of it
    /// is the contributor's, of which `amount` (after a fee of `fee`) was paid now; `rest` is
    /// unvested. Ended by the contributor, the rest went back to the funder; cancelled by the
    /// funder, the contributor may dispute the rest until `disputableUntil` (module time, 0 when
    /// not disputable).
    event StreamCancelled(
        uint256 indexed escrowId,
        uint256 indexed index,
        address indexed by,
        uint256 amount,
        uint256 fee,
        uint256 vested,
        uint256 rest,
        uint256 disputableUntil
    );
    /// @notice Pushing `amount` of `token` to `account` failed: it was credited to `account`, which
    /// withdraws it with {withdraw} ({pendingWithdrawal} reads what it is owed).
    // solhint-disable-next-line gas-indexed-events
    event PaymentDeferred(address indexed account, address indexed token, uint256 amount);
    /// @notice `account` withdrew `amount` of `token` to `to`.
    event Withdrawn(address indexed account, address indexed token, address indexed to, uint256 amount);
    /// @notice `amount` of accrued protocol fees in `token` went to `treasury`.
    // solhint-disable-next-line gas-indexed-events
    event FeesCollected(address indexed token, address indexed treasury, uint256 amount);
    /// @notice Governance changed the protocol fee from `previousBps` to `newBps` basis points.
    // solhint-disable-next-line gas-indexed-events
    event ProtocolFeeSet(uint256 previousBps, uint256 newBps);
    /// @notice The ledger refused to record the payout of `amount` for milestone `index` of
    /// `escrowId`; the payout happened anyway.
    // solhint-disable-next-line gas-indexed-events
    event EscrowContributionNotRecorded(uint256 indexed escrowId, uint256 indexed index, uint256 amount);

    /* ERRORS */

    /// @dev An escrow has 1 to `max` milestones, not `count`.
    error EscrowInvalidMilestoneCount(uint256 count, uint256 max);
    /// @dev The funder and the contributor cannot be the zero address.
    error EscrowZeroParty();
    /// @dev `account` cannot be both funder and contributor.
    error EscrowFunderIsContributor(address account);
    /// @dev The verifier `verifier` is the contributor.
    error EscrowVerifierIsContributor(address verifier);
    /// @dev The arbiter `arbiter` is a party.
    error EscrowArbiterIsParty(address arbiter);
    /// @dev A review window is `min` s to `max` s, not `window` s.
    error EscrowInvalidReviewWindow(uint256 window, uint256 min, uint256 max);
    /// @dev `caller` is neither the funder nor a manager of mission `missionId`.
    error EscrowNotCreator(uint64 missionId, address caller);
    /// @dev Only the funder `funder` funds at creation, not `caller`.
    error EscrowFundingNotByFunder(address caller, address funder);
    /// @dev Milestone `index` has a zero amount.
    error EscrowZeroAmount(uint256 index);
    /// @dev Milestone `index`'s amount `amount` is above `max` (2^88 - 1): split it into several
    /// milestones.
    error EscrowAmountTooLarge(uint256 index, uint256 amount, uint256 max);
    /// @dev Milestone `index`'s deadline or end `time` is after `max` (2^32 - 1 seconds, in the
    /// year 2106).
    error EscrowTimeTooLate(uint256 index, uint256 time, uint256 max);
    /// @dev Milestone `index`'s deadline `deadline` is past.
    error EscrowDeadlineInPast(uint256 index, uint256 deadline);
    /// @dev Stream `index` runs from `start` to `end`: its end must come after its start and lie in
    /// the future.
    error EscrowInvalidStream(uint256 index, uint256 start, uint256 end);
    /// @dev Milestone `index` sets times a `kind` milestone does not use (a lump milestone has a
    /// deadline, a streaming one a start and an end).
    error EscrowTimesNotForKind(uint256 index, MilestoneKind kind);
    /// @dev `sent` wei were sent; `expected` were due (none for an ERC-20 escrow or an unfunded
    /// creation).
    error EscrowWrongValue(uint256 expected, uint256 sent);
    /// @dev `token` delivered `received` of `expected`: fee-on-transfer tokens are refused.
    error EscrowTokenShortfall(address token, uint256 expected, uint256 received);
    /// @dev `token:plain` is not a token contract: an ERC-20 escrow needs one.
    error EscrowTokenNotContract(address token);
    /// @dev No escrow `escrowId` exists.
    error EscrowUnknownEscrow(uint256 escrowId);
    /// @dev Escrow `escrowId` has no milestone `index`.
    error EscrowUnknownMilestone(uint256 escrowId, uint256 index);
    /// @dev `caller` is not the funder of escrow `escrowId`.
    error EscrowOnlyFunder(uint256 escrowId, address caller);
    /// @dev `caller` is not the contributor of escrow `escrowId`.
    error EscrowOnlyContributor(uint256 escrowId, address caller);
    /// @dev `caller` is not a party of escrow `escrowId`.
    error EscrowOnlyParty(uint256 escrowId, address caller);
    /// @dev `caller` is not the Arbitration module.
    error EscrowOnlyArbitration(address caller);
    /// @dev Milestone `index` of escrow `escrowId` is `kind`: not for this action.
    error EscrowWrongKind(uint256 escrowId, uint256 index, MilestoneKind kind);
    /// @dev Milestone `index` of escrow `escrowId` is not funded.
    error EscrowMilestoneNotFunded(uint256 escrowId, uint256 index);
    /// @dev Milestone `index` of escrow `escrowId` is already funded.
    error EscrowMilestoneAlreadyFunded(uint256 escrowId, uint256 index);
    /// @dev Milestone `index` of escrow `escrowId` is already released.
    error EscrowMilestoneAlreadyReleased(uint256 escrowId, uint256 index);
    /// @dev Milestone `index` of escrow `escrowId` is in dispute `disputeId`.
    error EscrowMilestoneAlreadyDisputed(uint256 escrowId, uint256 index, uint256 disputeId);
    /// @dev Milestone `index` of escrow `escrowId` is already submitted.
    error EscrowMilestoneAlreadySubmitted(uint256 escrowId, uint256 index);
    /// @dev Milestone `index` of escrow `escrowId` is `state`, not submitted.
    error EscrowMilestoneNotSubmitted(uint256 escrowId, uint256 index, MilestoneState state);
    /// @dev Milestone `index` of escrow `escrowId` is settled or ended (`state`).
    error EscrowMilestoneClosed(uint256 escrowId, uint256 index, MilestoneState state);
    /// @dev Milestone `index` of escrow `escrowId` was due by `deadline`.
    error EscrowDeadlinePassed(uint256 escrowId, uint256 index, uint256 deadline);
    /// @dev Milestone `index` of escrow `escrowId` is due by `deadline`: not yet reclaimable.
    error EscrowDeadlineNotPassed(uint256 escrowId, uint256 index, uint256 deadline);
    /// @dev The funder reviews milestone `index` of escrow `escrowId` until `endsAt`.
    error EscrowReviewWindowOpen(uint256 escrowId, uint256 index, uint256 endsAt);
    /// @dev The review of milestone `index` of escrow `escrowId` ended at `endedAt`.
    error EscrowReviewWindowClosed(uint256 escrowId, uint256 index, uint256 endedAt);
    /// @dev Stream `index` of escrow `escrowId` starts at `start`.
    error EscrowStreamNotStarted(uint256 escrowId, uint256 index, uint256 start);
    /// @dev Stream `index` of escrow `escrowId` has nothing to claim.
    error EscrowNothingToClaim(uint256 escrowId, uint256 index);
    /// @dev Stream `index` of escrow `escrowId` is running: only a cancelled stream's rest is
    /// disputed or reclaimed.
    error EscrowStreamRunning(uint256 escrowId, uint256 index);
    /// @dev Escrow `escrowId` has no verifier.
    error EscrowNoVerifier(uint256 escrowId);
    /// @dev `uid` is not a live milestone verification.
    error EscrowInvalidAttestation(bytes32 uid);
    /// @dev `uid` was attested by `attester`, not by the verifier `verifier`.
    error EscrowAttesterNotVerifier(bytes32 uid, address attester, address verifier);
    /// @dev `uid` is about milestone `attestedIndex` of escrow `attestedEscrowId`.
    error EscrowAttestationMismatch(bytes32 uid, uint256 attestedEscrowId, uint256 attestedIndex);
    /// @dev `uid` does not approve the milestone.
    error EscrowAttestationNotApproving(bytes32 uid);
    /// @dev Dispute `disputeId` is not an open dispute of the escrow.
    error EscrowUnknownDispute(uint256 disputeId);
    /// @dev A share is at most `max`, not `share`.
    error EscrowInvalidShare(uint256 share, uint256 max);
    /// @dev `account` has no `token` to withdraw.
    error EscrowNothingToWithdraw(address account, address token);
    /// @dev The recipient cannot be the zero address.
    error EscrowZeroRecipient();
    /// @dev No fees in `token` have accrued.
    error EscrowNoFees(address token);
    /// @dev A fee is at most `cap` basis points, not `bps`.
    error EscrowFeeAboveCap(uint256 bps, uint256 cap);

    /// @dev `account` is not a member of sovereign `sovereignId`, which the terms name for it.
    error EscrowPartyNotInSovereign(uint64 sovereignId, address account);
    /// @dev `caller` is not a manager of mission `missionId`.
    error EscrowNotMissionManager(uint64 missionId, address caller);
    /// @dev Escrow `escrowId` is already endorsed as its mission's own deal.
    error EscrowAlreadyEndorsed(uint256 escrowId);
    /// @dev The contributor already accepted the terms of escrow `escrowId`.
    error EscrowAlreadyAccepted(uint256 escrowId);
    /// @dev The contributor has not accepted the terms of escrow `escrowId` yet: it accepts them
    /// before submitting work.
    error EscrowTermsNotAccepted(uint256 escrowId);
    /// @dev Stream `index` starts at `start`, before the earliest allowed start, `earliest`.
    error EscrowStreamStartTooEarly(uint256 index, uint256 start, uint256 earliest);
    /// @dev `uid` names escrow contract `escrow` on chain `chainId`, not this escrow on this chain.
    error EscrowAttestationWrongEscrowContract(bytes32 uid, uint256 chainId, address escrow);
    /// @dev `uid` was attested at `attestedAt`, not after the escrow was created (`createdAt`).
    error EscrowAttestationBeforeEscrow(bytes32 uid, uint256 attestedAt, uint256 createdAt);

    /* ESCROWS */

    /// @notice Creates an escrow for a mission and links it to the mission in the registry. The
    /// funder, or a manager of the mission (unfunded only; the escrow is then endorsed). With
    /// `params.fund`, pulls the sum of the milestones from the funder (ERC-20: approved
    /// beforehand; ETH: sent with the call). A sovereign named for a party must contain it.
    /// @param params The deal (see {EscrowParams}).
    /// @param milestones Its milestones, 1 to 32, in order (see {MilestoneParams}).
    /// @return escrowId The new escrow's id (ids start at 1).
    function createEscrow(
        EscrowParams calldata params,
        MilestoneParams[] calldata milestones
    ) external payable returns (uint256 escrowId);

    /// @notice Accepts the escrow's terms, which lets the contributor submit work. Contributor only.
    /// @param escrowId The escrow.
    function acceptEscrow(uint256 escrowId) external;

    /// @notice Endorses the escrow as its mission's own deal (see the reputation rule above).
    /// A manager of the mission only.
    /// @param escrowId The escrow.
    function endorseEscrow(uint256 escrowId) external;

    /// @notice Funds one milestone with its amount (ERC-20 approved beforehand; ETH sent with the
    /// call). Funder only; a lump milestone before its deadline.
    /// @param escrowId The escrow.
    /// @param index The milestone.
    function fundMilestone(uint256 escrowId, uint256 index) external payable;

    /// @notice Submits a funded lump milestone's work for review, by its deadline. Contributor
    /// only, once it accepted the terms.
    /// @param escrowId The escrow.
    /// @param index The milestone.
    /// @param evidenceURI Where the evidence of the work lives.
    /// @param evidenceHash keccak256 of that evidence.
    function submitMilestone(
        uint256 escrowId,
        uint256 index,
        string calldata evidenceURI,
        bytes32 evidenceHash
    ) external;

    /// @notice Approves a funded lump milestone (submitted or not) and releases it to the
    /// contributor. Funder only.
    /// @param escrowId The escrow.
    /// @param index The milestone.
    function approveMilestone(uint256 escrowId, uint256 index) external;

    /// @notice Releases a funded lump milestone on the verifier's approving milestone-verification
    /// attestation `uid` (schema checked, attester the escrow's verifier, data naming this chain,
    /// this contract, this escrow and milestone, made after the escrow's creation, unrevoked,
    /// unexpired). Anyone; for a milestone never submitted, only until its deadline.
    /// @param escrowId The escrow.
    /// @param index The milestone.
    /// @param uid The EAS attestation.
    function approveWithAttestation(uint256 escrowId, uint256 index, bytes32 uid) external;

    /// @notice Releases a submitted lump milestone the funder neither approved nor disputed within
    /// the review window. Contributor only.
    /// @param escrowId The escrow.
    /// @param index The milestone.
    function releaseOptimistic(uint256 escrowId, uint256 index) external;

    /// @notice Takes back a funded lump milestone that was not submitted by its deadline, or the
    /// unvested rest of a stream the funder cancelled once the contributor's review window passed
    /// without a dispute. Funder only.
    /// @param escrowId The escrow.
    /// @param index The milestone.
    function reclaimMilestone(uint256 escrowId, uint256 index) external;

    /// @notice Pays the contributor what a funded streaming milestone has vested and it has not
    /// claimed yet. Contributor only. The protocol fee of a claim is the fee of everything claimed
    /// so far minus that of what was claimed before, so a stream's fees add up to the fee of its
    /// whole amount however it is claimed. The claim that completes the stream records it in the
    /// ledger (see the assumptions above).
    /// @param escrowId The escrow.
    /// @param index The milestone.
    /// @return amount What the contributor received (after the protocol fee).
    function claim(uint256 escrowId, uint256 index) external returns (uint256 amount);

    /// @notice Disputes a submitted lump milestone within its review window (funder or
    /// contributor), or the unvested rest of a stream its funder cancelled, within the review
    /// window after the cancellation (contributor only): opens an Arbitration dispute over what is
    /// still held, with the caller as claimant. The milestone stays locked until the final ruling
    /// is enforced ({onRuling}), which credits both sides.
    /// @param escrowId The escrow.
    /// @param index The milestone.
    /// @param evidenceURI Where the claimant's evidence lives.
    /// @param evidenceHash keccak256 of that evidence.
    /// @return disputeId The Arbitration dispute.
    function dispute(
        uint256 escrowId,
        uint256 index,
        string calldata evidenceURI,
        bytes32 evidenceHash
    ) external returns (uint256 disputeId);

    /// @notice Ends a funded streaming milestone early: what has vested is paid to the contributor.
    /// By the contributor, the rest goes back to the funder at once; by the funder, the contributor
    /// has the review window to dispute the rest ({dispute}), after which the funder reclaims it
    /// ({reclaimMilestone}). The stream is recorded in the ledger with what vested.
    /// @param escrowId The escrow.
    /// @param index The milestone.
    /// @return amount What the contributor received now (after the protocol fee).
    function cancelStream(uint256 escrowId, uint256 index) external returns (uint256 amount);

    /// @notice Withdraws the caller's credited `token` (zero: ETH) to `to`. Works while the escrow is paused.
    /// @param token The token.
    /// @param to The recipient.
    /// @return amount What was withdrawn.
    function withdraw(address token, address to) external returns (uint256 amount);

    /// @notice Pays the protocol fees accrued in `token` to the treasury (governance). Anyone.
    /// @param token The token (zero: ETH).
    /// @return amount What was paid.
    function collectFees(address token) external returns (uint256 amount);

    /// @notice Sets the protocol fee taken from payouts to contributors of escrows created from now
    /// on, in basis points (at most 500). Governance only.
    /// @param bps The fee.
    function setProtocolFee(uint16 bps) external;

    /* VIEWS */

    /// @notice How long before its creation a stream may start (a transaction's time in the mempool).
    /// @return tolerance The tolerance, in seconds.
    // solhint-disable-next-line func-name-mixedcase
    function STREAM_START_TOLERANCE() external view returns (uint256 tolerance);

    /// @notice The reputation points a whole milestone earns its contributor.
    /// @return points The points.
    // solhint-disable-next-line func-name-mixedcase
    function MILESTONE_POINTS() external view returns (uint256 points);

    /// @notice An escrow. Reverts for an unknown id.
    /// @param escrowId The escrow.
    /// @return escrow Its terms.
    function getEscrow(uint256 escrowId) external view returns (Escrow memory escrow);

    /// @notice A milestone. Reverts for an unknown escrow or index.
    /// @param escrowId The escrow.
    /// @param index The milestone.
    /// @return milestone Its terms and progress.
    function getMilestone(uint256 escrowId, uint256 index) external view returns (Milestone memory milestone);

    /// @notice What the contributor could claim now from a streaming milestone, gross of fee (0 if
    /// unfunded, not started, ended or not streaming).
    /// @param escrowId The escrow.
    /// @param index The milestone.
    /// @return amount The claimable amount.
    function claimable(uint256 escrowId, uint256 index) external view returns (uint256 amount);

    /// @notice The escrow and milestone a dispute of this escrow is about.
    /// @param disputeId The Arbitration dispute.
    /// @return escrowId The escrow (0: not a dispute of this escrow).
    /// @return index The milestone.
    function disputedMilestone(uint256 disputeId) external view returns (uint256 escrowId, uint256 index);

    /// @notice What `account` may withdraw in `token` with {withdraw}: its deferred payments.
    /// @param account The account.
    /// @param token The token (zero: ETH).
    /// @return amount The credit.
    function pendingWithdrawal(address account, address token) external view returns (uint256 amount);

    /// @notice Protocol fees accrued in `token` and not collected yet.
    /// @param token The token (zero: ETH).
    /// @return amount The fees.
    function accruedFees(address token) external view returns (uint256 amount);

    /// @notice The protocol fee, in basis points.
    /// @return bps The fee.
    function protocolFee() external view returns (uint16 bps);

    /// @notice Number of escrows created (the highest id).
    /// @return count The count.
    function escrowCount() external view returns (uint256 count);

    /// @notice The registry missions are checked and linked in.
    /// @return registryAddress The SovereignRegistry.
    function registry() external view returns (address registryAddress);

    /// @notice The ledger payouts are recorded in.
    /// @return ledgerAddress The ContributionLedger.
    function ledger() external view returns (address ledgerAddress);

    /// @notice The Arbitration module disputes go to.
    /// @return arbitrationAddress The Arbitration module.
    function arbitration() external view returns (address arbitrationAddress);

    /// @notice The EAS instance milestone verifications are read from.
    /// @return easAddress The EAS contract.
    function eas() external view returns (address easAddress);
}
