// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IArbitration
/// @notice Dispute resolution between the parties of a deal held by another module (an escrow,
/// a bounty): an arbiter rules which share of the disputed amount goes to each side, a party the
/// ruling did not give everything may appeal to a different arbiter, and the final ruling is
/// enforced by calling the deal's module back ({IArbitrable-onRuling}).
/// @dev Promises (each has a regression test named after it) and the assumptions they rest on:
/// - Only modules named by governance ("arbitrables") open disputes; each one moves its own money
///   and trusts this module's final ruling. This module holds no funds.
/// - The pool. Round 1's arbiter is the one named at deal creation, if any. Otherwise, and for
///   the appeal, the arbiter is *drawn*: anyone (a party, the arbitrable, a keeper) proposes an
///   account, accepted if it is not a party and either (a) holds the Arbiter role in a sovereign
///   that is active, is neither party's sovereign, is administered by neither party, and that
///   both parties' sovereigns mutually recognize, or (b) is one of the fallback arbiters
///   governance names (at least two, {fallbackArbiterCount}). No party can empty the pool alone:
///   a party whose sovereign revokes every recognition still faces the fallback arbiters, and
///   recognition is checked when an arbiter is drawn, never after, so a revocation cannot unseat
///   an arbiter already drawn. No on-chain randomness is involved (the registry does not
///   enumerate role holders): the proposer chooses within the pool.
/// - Trust assumption: every arbiter of that pool is acceptable to both parties; that is what a
///   mutual recognition (and governance's choice of fallbacks) means here. Within the pool a party
///   may pick the arbiter it likes best, and an arbiter who rules at once cannot be replaced.
///   Parties who do not accept that name an arbiter at deal creation.
/// - Eligibility holds while the arbiter acts: a drawn arbiter whose sovereign is suspended, who
///   lost its Arbiter role, whose sovereign a party now administers, or (fallback) whom
///   governance removed, cannot rule and may be replaced by anyone at once.
/// - The mover of a round is the party an unruled round would harm: the claimant in round 1 (an
///   unruled claim is dismissed), in round 2 the appellant the first ruling disfavours (an
///   unruled appeal leaves the first ruling standing). The mover may replace at once a drawn
///   arbiter it did not draw (a veto): otherwise the other party could draw a silent arbiter (a
///   dormant account holding the role is enough) and win by the clock. An arbiter the mover
///   drew, or one named at deal creation, keeps the round until its ruling period passes or it
///   stops being eligible; then anyone may replace it (never by the same account).
/// - The appeal belongs to the disfavoured party. A party the first ruling gave the whole
///   disputed amount cannot appeal. Each other party may appeal once: the first appeal within
///   the appeal window after the first ruling, the other party's at any time before the appeal
///   is ruled or lapses (one round 2 hears both). When the party the first ruling disfavours
///   (the one with the smaller share) appeals, it becomes the mover of round 2 whoever appealed
///   first, so the winner cannot appeal first to take the loser's appeal away. An even ruling
///   favours nobody: the first appellant moves.
/// - Every dispute ends within a bounded time from its opening. Round 1 must be ruled within
///   twice the ruling period after the opening, whatever is drawn or replaced (time for one silent
///   arbiter and its replacement); after that an unruled claim is dismissed, giving the respondent
///   everything. An appeal lapses one ruling period after the latest appeal (each party appeals
///   at most once), and the first ruling stands. So a dispute can always be finalized once
///   `openedAt + 4 * rulingPeriod + appealWindow` has passed; {finalizableAt} says when, for its state.
/// - The clock of a live dispute does not change: its appeal window and ruling period are copied
///   into it when it opens ({Dispute}); governance's {setPeriods} applies to new disputes only.
/// - Rulings are shares of the disputed amount in millionths to the claimant; the rest goes to the
///   respondent. Anyone finalizes a ruling once it is final, which calls the arbitrable back. If
///   the callback reverts, finalize reverts whole: nothing is lost, anyone retries later.
/// - Pause (guardian; only governance unpauses; a pause ends by itself, see {IAtlasModule}) holds
///   {finalize} only: enforcement waits while opening, drawing, ruling, appealing and evidence go
///   on, so a pause never eats a party's window. Governance fixes what the pause was for before
///   enforcement resumes.
interface IArbitration {
    /* TYPES */

    /// @notice Where a dispute stands: Open (round 1, ruled or not), Appealed (round 2), Finalized
    /// (the final ruling was enforced on the arbitrable).
    enum DisputeStatus {
        None,
        Open,
        Appealed,
        Finalized
    }

    /// @notice Who drew a round's arbiter, as far as the mover rule cares: a party, or anyone
    /// else (the arbitrable at opening, a keeper).
    enum Drawer {
        Other,
        Claimant,
        Respondent
    }

    /// @notice What an arbitrable passes to {openDispute}.
    struct DisputeParams {
        address claimant;
        address respondent;
        address token;
        uint256 amount;
        uint64 claimantSovereign;
        uint64 respondentSovereign;
        address namedArbiter;
        string evidenceURI;
        bytes32 evidenceHash;
    }

    /// @notice A dispute as stored. `token` and `amount` describe what is disputed (zero token:
    /// ETH); the arbitrable holds it. `round` is 1, or 2 once appealed. `appellant` is the mover of
    /// round 2 (zero before any appeal); `appellants` says who appealed (bit 1 the claimant, bit 2
    /// the respondent); `appealedAt` is the first appeal's time and `lastAppealAt` the latest's.
    /// `drawnByMover`: the current round's arbiter was drawn by that round's mover (if not, the
    /// mover may replace it at once). `appealWindow` and `rulingPeriod` are this dispute's, fixed
    /// when it opened.
    struct Dispute {
        address arbitrable;
        DisputeStatus status;
        uint8 round;
        uint40 openedAt;
        uint40 appealedAt;
        address claimant;
        uint64 claimantSovereign;
        address respondent;
        uint64 respondentSovereign;
        address token;
        uint256 amount;
        address appellant;
        bool drawnByMover;
        uint32 appealWindow;
        uint32 rulingPeriod;
        uint40 lastAppealAt;
        uint8 appellants;
    }

    /// @notice One round of a dispute: its arbiter (zero: none yet), the arbiter's sovereign (0 for
    /// an arbiter named at deal creation or a fallback arbiter), when it was assigned, its ruling,
    /// whether the arbiter is one of governance's fallback arbiters, and who drew it.
    struct Round {
        address arbiter;
        uint64 sovereignId;
        uint40 assignedAt;
        bool ruled;
        uint32 shareToClaimant;
        uint40 ruledAt;
        bool fallbackArbiter;
        Drawer drawnBy;
    }

    /* EVENTS */

    /// @notice Arbitrable `arbitrable` opened dispute `disputeId` of `claimant` against
    /// `respondent` over `amount` of `token` (zero: ETH).
    event DisputeOpened(
        uint256 indexed disputeId,
        address indexed arbitrable,
        address indexed claimant,
        address respondent,
        address token,
        uint256 amount,
        uint64 claimantSovereign,
        uint64 respondentSovereign
    );
    /// @notice `by` made `arbiter` (of `sovereignId`; 0 when named at deal creation or a fallback
    /// arbiter) the arbiter of round `round` of `disputeId`.
    event ArbiterAssigned(
        uint256 indexed disputeId,
        uint8 round,
        address indexed arbiter,
        uint64 sovereignId,
        address indexed by
    );
    /// @notice `party` submitted evidence at `uri` with content hash `hash` in `disputeId`.
    event EvidenceSubmitted(uint256 indexed disputeId, address indexed party, string uri, bytes32 hash);
    /// @notice `arbiter` ruled round `round` of `disputeId`: `shareToClaimant` millionths to the
    /// claimant; appealable until `appealDeadline` (0: final).
    // solhint-disable-next-line gas-indexed-events
    event DisputeRuled(
        uint256 indexed disputeId,
        uint8 round,
        address indexed arbiter,
        uint256 shareToClaimant,
        uint256 appealDeadline
    );
    /// @notice `appellant` appealed the first ruling of `disputeId`; `mover` moves round 2 (may
    /// replace an arbiter it did not draw); an arbiter must rule by `lapsesAt`, or the first
    /// ruling stands.
    // solhint-disable-next-line gas-indexed-events
    event DisputeAppealed(
        uint256 indexed disputeId,
        address indexed appellant,
        address indexed mover,
        uint256 lapsesAt
    );
    /// @notice The ruling of round `decidingRound` of `disputeId` (`shareToClaimant` millionths to
    /// the claimant) became final and was enforced on the arbitrable; round 0 means the claim was
    /// dismissed for want of a ruling in time (share 0).
    // solhint-disable-next-line gas-indexed-events
    event DisputeFinalized(uint256 indexed disputeId, uint256 shareToClaimant, uint8 decidingRound);
    /// @notice Governance allowed (`allowed`) or disallowed `arbitrable` to open disputes.
    event ArbitrableSet(address indexed arbitrable, bool indexed allowed);
    /// @notice Governance set the appeal window and the ruling period of disputes opened from now
    /// on, in seconds.
    // solhint-disable-next-line gas-indexed-events
    event PeriodsSet(uint32 appealWindow, uint32 rulingPeriod);
    /// @notice Governance added (`allowed`) or removed `arbiter` as a fallback arbiter.
    event FallbackArbiterSet(address indexed arbiter, bool indexed allowed);

    /* ERRORS */

    /// @dev `caller` may not open disputes.
    error ArbitrationNotArbitrable(address caller);
    /// @dev The zero address cannot open disputes.
    error ArbitrationZeroArbitrable();
    /// @dev The parties `claimant` and `respondent` are zero or the same.
    error ArbitrationInvalidParties(address claimant, address respondent);
    /// @dev A dispute must be over a non-zero amount.
    error ArbitrationZeroAmount();
    /// @dev Evidence needs a URI and a content hash.
    error ArbitrationMissingEvidence();
    /// @dev No dispute `disputeId` exists.
    error ArbitrationUnknownDispute(uint256 disputeId);
    /// @dev Dispute `disputeId` has no round `round`.
    error ArbitrationUnknownRound(uint256 disputeId, uint8 round);
    /// @dev Dispute `disputeId` is finalized.
    error ArbitrationDisputeClosed(uint256 disputeId);
    /// @dev Dispute `disputeId` has an arbiter, `arbiter`, who may still rule.
    error ArbitrationArbiterAlreadyAssigned(uint256 disputeId, address arbiter);
    /// @dev `arbiter` is a party (or the zero address): it cannot arbitrate.
    error ArbitrationArbiterIsParty(address arbiter);
    /// @dev `arbiter` already served in dispute `disputeId`.
    error ArbitrationArbiterAlreadyServed(uint256 disputeId, address arbiter);
    /// @dev Sovereign `sovereignId` is unknown or suspended.
    error ArbitrationSovereignInactive(uint64 sovereignId);
    /// @dev Sovereign `sovereignId` is a party's own, or a party administers it: drawn arbiters
    /// come from a neutral one.
    error ArbitrationArbiterSovereignIsParty(uint64 sovereignId);
    /// @dev Sovereigns `arbiterSovereign` and `partySovereign` do not recognize each other.
    error ArbitrationSovereignNotRecognized(uint64 arbiterSovereign, uint64 partySovereign);
    /// @dev `account` is not an arbiter of sovereign `sovereignId`.
    error ArbitrationNotSovereignArbiter(uint64 sovereignId, address account);
    /// @dev `account` is not a fallback arbiter: without a sovereign, only governance's fallback
    /// arbiters can be drawn.
    error ArbitrationNotFallbackArbiter(address account);
    /// @dev `caller` is not the arbiter of dispute `disputeId`.
    error ArbitrationNotArbiter(uint256 disputeId, address caller);
    /// @dev `arbiter` is no longer eligible to arbitrate dispute `disputeId` (its sovereign
    /// suspended or administered by a party, its role lost, or no longer a fallback arbiter):
    /// anyone may replace it.
    error ArbitrationArbiterIneligible(uint256 disputeId, address arbiter);
    /// @dev Round `round` of dispute `disputeId` is ruled.
    error ArbitrationAlreadyRuled(uint256 disputeId, uint8 round);
    /// @dev A share is at most `max` millionths, not `share`.
    error ArbitrationInvalidShare(uint256 share, uint256 max);
    /// @dev `caller` is not a party of dispute `disputeId`.
    error ArbitrationNotParty(uint256 disputeId, address caller);
    /// @dev Dispute `disputeId` has no ruling to appeal yet.
    error ArbitrationNotRuled(uint256 disputeId);
    /// @dev `party` already appealed dispute `disputeId`.
    error ArbitrationAlreadyAppealed(uint256 disputeId, address party);
    /// @dev The first ruling of dispute `disputeId` gave `party` the whole disputed amount: it has
    /// nothing to appeal.
    error ArbitrationNothingToAppeal(uint256 disputeId, address party);
    /// @dev Appeals of dispute `disputeId` closed at `closedAt`.
    error ArbitrationAppealWindowClosed(uint256 disputeId, uint256 closedAt);
    /// @dev The appeal of dispute `disputeId` lapsed at `lapsedAt`: the first ruling stands.
    error ArbitrationAppealLapsed(uint256 disputeId, uint256 lapsedAt);
    /// @dev Round 1 of dispute `disputeId` ended unruled at `endedAt`: the claim can only be
    /// dismissed (finalize it).
    error ArbitrationRulingPeriodOver(uint256 disputeId, uint256 endedAt);
    /// @dev Dispute `disputeId` has no final ruling yet: it can be finalized from `finalizableAt`
    /// on.
    error ArbitrationNotFinalizable(uint256 disputeId, uint256 finalizableAt);
    /// @dev A period is `min` s to `max` s, not `period` s.
    error ArbitrationInvalidPeriod(uint256 period, uint256 min, uint256 max);
    /// @dev Arbitration keeps at least `min` fallback arbiters; this would leave `count`.
    error ArbitrationTooFewFallbackArbiters(uint256 count, uint256 min);
    /// @dev `arbiter` `allowed ? is already : is not` a fallback arbiter.
    error ArbitrationFallbackArbiterUnchanged(address arbiter, bool allowed);
    /// @dev The zero address cannot be a fallback arbiter.
    error ArbitrationZeroFallbackArbiter();

    /* DISPUTES */

    /// @notice The scale of a ruling's share: 1e6 gives the claimant the whole disputed amount.
    /// @return scale 1e6.
    // solhint-disable-next-line func-name-mixedcase
    function SHARE_SCALE() external view returns (uint256 scale);

    /// @notice Opens a dispute over a deal the calling arbitrable holds, with the current appeal
    /// window and ruling period. Round 1 starts with the named arbiter if there is one; otherwise
    /// an arbiter is drawn with {proposeArbiter}. Arbitrables only.
    /// @param params The parties, what is disputed (a non-zero amount), the parties' sovereigns
    /// (0: none; without them only fallback arbiters can be drawn), the arbiter named at deal
    /// creation (zero: none) and the claimant's opening evidence (a URI and a content hash).
    /// @return disputeId The new dispute's id (ids start at 1).
    function openDispute(DisputeParams calldata params) external returns (uint256 disputeId);

    /// @notice Draws the arbiter of the current round: `arbiter` of `sovereignId` (a sovereign of
    /// the pool, see above), or with `sovereignId` 0 a fallback arbiter. Allowed while the round
    /// is live (round 1: until twice the ruling period after the opening; round 2: until the appeal
    /// lapses) and unruled, and either it has no arbiter, or its arbiter let its ruling period pass
    /// or is no longer eligible (anyone), or its arbiter was drawn by someone other than the
    /// round's mover (the mover: the claimant in round 1, {Dispute-appellant} in round 2).
    /// A new assignment gives the new arbiter a ruling period, within the round's limit.
    /// @param disputeId The dispute.
    /// @param arbiter The proposed arbiter (not a party, not the round's or round 1's arbiter).
    /// @param sovereignId The arbiter's sovereign, or 0 for a fallback arbiter.
    function proposeArbiter(uint256 disputeId, address arbiter, uint64 sovereignId) external;

    /// @notice Rules the current round: `shareToClaimant` millionths of the disputed amount to the
    /// claimant, the rest to the respondent. The current round's arbiter only, once per round,
    /// while it is eligible and the round is live (see {proposeArbiter}).
    /// @param disputeId The dispute.
    /// @param shareToClaimant The claimant's share, 0 to 1e6.
    function rule(uint256 disputeId, uint256 shareToClaimant) external;

    /// @notice Appeals the first ruling: a new arbiter (drawn, different from the first) rules
    /// again, and that ruling is final. A party the first ruling did not give the whole amount,
    /// once: the first appeal within the appeal window, the other party's while the appeal is
    /// live. The appellant the first ruling disfavours moves round 2.
    /// @param disputeId The dispute.
    function appeal(uint256 disputeId) external;

    /// @notice Enforces the final ruling on the arbitrable ({IArbitrable-onRuling}): the first
    /// ruling once the appeal window closed without appeal, the second once given, or the first
    /// again once the appeal lapsed; or a dismissal (share 0) once round 1 ended unruled. Anyone,
    /// after {finalizableAt}; held while paused. Reverts whole if the arbitrable's callback reverts
    /// (retry later).
    /// @param disputeId The dispute.
    function finalize(uint256 disputeId) external;

    /// @notice Records evidence for the arbiter in an event. Either party, until finalized.
    /// Both a URI and a content hash ({ArbitrationMissingEvidence} otherwise).
    /// @param disputeId The dispute.
    /// @param uri Where the evidence lives.
    /// @param hash keccak256 of the evidence document.
    function submitEvidence(uint256 disputeId, string calldata uri, bytes32 hash) external;

    /* GOVERNANCE */

    /// @notice Allows or disallows a module to open disputes. Governance only.
    /// @param arbitrable The module (an escrow, a bounty board).
    /// @param allowed Whether it may.
    function setArbitrable(address arbitrable, bool allowed) external;

    /// @notice Sets the appeal window and the ruling period (each 1 hour to 90 days) of disputes
    /// opened from now on; open disputes keep theirs. Governance only.
    /// @param appealWindow How long after a first ruling a party may appeal.
    /// @param rulingPeriod How long an arbiter has to rule before being replaceable, and an
    /// appeal before it lapses (round 1 lasts at most twice as long).
    function setPeriods(uint32 appealWindow, uint32 rulingPeriod) external;

    /// @notice Adds or removes a fallback arbiter, drawable in every dispute whatever the parties'
    /// sovereigns recognize. At least two remain. Governance only.
    /// @param arbiter The account.
    /// @param allowed Whether it is a fallback arbiter.
    function setFallbackArbiter(address arbiter, bool allowed) external;

    /* VIEWS */

    /// @notice A dispute. Reverts for an unknown id.
    /// @param disputeId The dispute.
    /// @return dispute Its record.
    function getDispute(uint256 disputeId) external view returns (Dispute memory dispute);

    /// @notice Round `round` (1 or 2) of a dispute. Reverts for an unknown id.
    /// @param disputeId The dispute.
    /// @param round The round.
    /// @return record Its arbiter and ruling.
    function getRound(uint256 disputeId, uint8 round) external view returns (Round memory record);

    /// @notice The earliest time {finalize} succeeds if nothing else happens in the dispute (an
    /// appeal may move it, never past `openedAt + 4 * rulingPeriod + appealWindow + 1`). Reverts
    /// for an unknown or finalized dispute.
    /// @param disputeId The dispute.
    /// @return time The time; finalize works once `block.timestamp` reaches it.
    function finalizableAt(uint256 disputeId) external view returns (uint256 time);

    /// @notice Number of disputes opened (the highest id).
    /// @return count The count.
    function disputeCount() external view returns (uint256 count);

    /// @notice Whether `arbitrable` may open disputes.
    /// @param arbitrable The module.
    /// @return allowed Whether it may.
    function isArbitrable(address arbitrable) external view returns (bool allowed);

    /// @notice Whether `account` is a fallback arbiter.
    /// @param account The account.
    /// @return allowed Whether it is.
    function isFallbackArbiter(address account) external view returns (bool allowed);

    /// @notice How many fallback arbiters there are.
    /// @return count The count.
    function fallbackArbiterCount() external view returns (uint256 count);

    /// @notice How long after a first ruling a party may appeal, in seconds, for new disputes.
    /// @return window The appeal window.
    function appealWindow() external view returns (uint32 window);

    /// @notice How long an arbiter has to rule, in seconds, for new disputes.
    /// @return period The ruling period.
    function rulingPeriod() external view returns (uint32 period);

    /// @notice The registry arbiters' roles and sovereigns' recognitions are read from.
    /// @return registryAddress The SovereignRegistry.
    function registry() external view returns (address registryAddress);
}
