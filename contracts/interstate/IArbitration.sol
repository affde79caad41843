// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IArbitration
/// @notice Dispute resolution between the parties of a deal held by another module (an escrow,
/// a bounty): an arbiter rules which share of the disputed amount goes to each side, either
/// party may appeal once to a different arbiter, and the final ruling is enforced by calling
/// the deal's module back ({IArbitrable-onRuling}).
/// @dev Assumptions and choices:
/// - Only modules named by governance ("arbitrables") open disputes; each one moves its own money
///   and trusts this module's final ruling. This module holds no funds.
/// - Round 1's arbiter is the one named at deal creation, if any. Otherwise, and for every
///   appeal, the arbiter is *drawn*: anyone (a party, the arbitrable, a keeper) proposes an
///   account and its sovereign, and the proposal is accepted only if that sovereign is active,
///   is neither party's sovereign, is mutually recognized by BOTH parties' sovereigns, and the
///   account holds its Arbiter role and is not a party. No on-chain randomness is involved (the
///   registry does not enumerate role holders): the proposer chooses within that pool.
/// - Trust assumption: every Arbiter of every sovereign that both parties' sovereigns mutually
///   recognize is acceptable to both parties; that is what the recognition means here. Neither
///   party can widen the pool alone (its sovereign's recognition is one of two needed, and a
///   party's own sovereign never supplies a drawn arbiter), but within the pool a party may pick
///   the arbiter it likes best, and an arbiter who rules at once cannot be replaced. Parties who
///   do not accept that name an arbiter at deal creation.
/// - The "mover" of a round is the party that loses if the round goes unruled: the claimant in
///   round 1 (an unruled claim is dismissed), the appellant in round 2 (an unruled appeal leaves
///   the first ruling standing). The mover may replace at once a drawn arbiter that it did not
///   draw itself (a veto): otherwise the other party could draw a silent arbiter — a dormant
///   account holding the role is enough — and win by the clock. An arbiter the mover drew, or one
///   named at deal creation, keeps the round until its ruling period passes or its sovereign
///   revokes its Arbiter role; then anyone may replace it (never by the same account).
/// - Every dispute ends: a first round with no ruling within the ruling period after the opening
///   (no arbiter drawn) or after its arbiter's assignment (arbiter silent, not replaced) can be
///   finalized as dismissed, which gives the respondent everything. After a first-round ruling,
///   either party may appeal once within the appeal window, if both parties have a sovereign to
///   draw from; a different arbiter then rules, and that ruling is final. An appeal that gets no
///   ruling within the ruling period after it lapses, and the first ruling stands. So once more than
///   `max(rulingPeriod, appealWindow)` passed since its last change, a dispute can be finalized.
/// - Rulings are shares of the disputed amount in millionths to the claimant; the rest goes to the
///   respondent. Anyone finalizes a ruling once it is final, which calls the arbitrable back. If
///   the callback reverts, finalize reverts whole: nothing is lost, anyone retries later.
/// - Pause (guardian; only governance unpauses) holds {finalize} only: enforcement waits while
///   opening, drawing, ruling, appealing and evidence go on, so a pause never eats a party's
///   window (an appeal window or a ruling period that ran out during a pause would otherwise
///   decide the dispute). Governance fixes what the pause was for before enforcement resumes.
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
    /// ETH); the arbitrable holds it. `round` is 1, or 2 once appealed by `appellant` (zero
    /// before), the mover of round 2. `drawnByMover`: the current round's arbiter was drawn by
    /// that round's mover (if not, the mover may replace it at once).
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
    }

    /// @notice One round of a dispute: its arbiter (zero: none yet), the arbiter's sovereign (0 for
    /// an arbiter named at deal creation), when it was assigned, and its ruling.
    struct Round {
        address arbiter;
        uint64 sovereignId;
        uint40 assignedAt;
        bool ruled;
        uint32 shareToClaimant;
        uint40 ruledAt;
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
    /// @notice `by` made `arbiter` (of `sovereignId`, 0 when named at deal creation) the arbiter of
    /// round `round` of `disputeId`.
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
    /// @notice `appellant` appealed the first ruling of `disputeId`; a new arbiter must rule by
    /// `lapsesAt`, or the first ruling stands.
    // solhint-disable-next-line gas-indexed-events
    event DisputeAppealed(uint256 indexed disputeId, address indexed appellant, uint256 lapsesAt);
    /// @notice The ruling of round `decidingRound` of `disputeId` (`shareToClaimant` millionths to
    /// the claimant) became final and was enforced on the arbitrable; round 0 means the claim was
    /// dismissed for want of a ruling in time (share 0).
    // solhint-disable-next-line gas-indexed-events
    event DisputeFinalized(uint256 indexed disputeId, uint256 shareToClaimant, uint8 decidingRound);
    /// @notice Governance allowed (`allowed`) or disallowed `arbitrable` to open disputes.
    event ArbitrableSet(address indexed arbitrable, bool indexed allowed);
    /// @notice Governance set the appeal window and the ruling period, in seconds.
    // solhint-disable-next-line gas-indexed-events
    event PeriodsSet(uint32 appealWindow, uint32 rulingPeriod);

    /* ERRORS */

    /// @dev `caller` is not an arbitrable named by governance.
    error ArbitrationNotArbitrable(address caller);
    /// @dev The zero address cannot be an arbitrable.
    error ArbitrationZeroArbitrable();
    /// @dev The parties are the zero address or the same account.
    error ArbitrationInvalidParties(address claimant, address respondent);
    /// @dev A dispute over a zero amount.
    error ArbitrationZeroAmount();
    /// @dev Evidence without a URI or without a content hash.
    error ArbitrationMissingEvidence();
    /// @dev Without a named arbiter, and for any appeal, both parties need a sovereign to draw an
    /// arbiter from.
    error ArbitrationNoArbiterPool(uint64 claimantSovereign, uint64 respondentSovereign);
    /// @dev `disputeId` does not exist.
    error ArbitrationUnknownDispute(uint256 disputeId);
    /// @dev `disputeId` has no round `round` (rounds are 1 and 2).
    error ArbitrationUnknownRound(uint256 disputeId, uint8 round);
    /// @dev `disputeId` is finalized: nothing more happens in it.
    error ArbitrationDisputeClosed(uint256 disputeId);
    /// @dev The current round of `disputeId` already has `arbiter`, who may still rule and whom
    /// the caller may not replace.
    error ArbitrationArbiterAlreadyAssigned(uint256 disputeId, address arbiter);
    /// @dev `arbiter` is a party of the dispute.
    error ArbitrationArbiterIsParty(address arbiter);
    /// @dev `arbiter` already served in `disputeId` (ruled round 1, or is being replaced).
    error ArbitrationArbiterAlreadyServed(uint256 disputeId, address arbiter);
    /// @dev Sovereign `sovereignId` does not exist or is suspended.
    error ArbitrationSovereignInactive(uint64 sovereignId);
    /// @dev Sovereign `sovereignId` is a party's own sovereign: drawn arbiters come from a third one.
    error ArbitrationArbiterSovereignIsParty(uint64 sovereignId);
    /// @dev Sovereign `arbiterSovereign` and party sovereign `partySovereign` do not recognize each other.
    error ArbitrationSovereignNotRecognized(uint64 arbiterSovereign, uint64 partySovereign);
    /// @dev `account` does not hold the Arbiter role in `sovereignId`.
    error ArbitrationNotSovereignArbiter(uint64 sovereignId, address account);
    /// @dev `caller` is not the arbiter of the current round of `disputeId`.
    error ArbitrationNotArbiter(uint256 disputeId, address caller);
    /// @dev Round `round` of `disputeId` is already ruled.
    error ArbitrationAlreadyRuled(uint256 disputeId, uint8 round);
    /// @dev A share is at most `max` (1e6); `share` was given.
    error ArbitrationInvalidShare(uint256 share, uint256 max);
    /// @dev `caller` is neither the claimant nor the respondent of `disputeId`.
    error ArbitrationNotParty(uint256 disputeId, address caller);
    /// @dev Round 1 of `disputeId` has no ruling to appeal yet.
    error ArbitrationNotRuled(uint256 disputeId);
    /// @dev `disputeId` was already appealed (one appeal per dispute).
    error ArbitrationAlreadyAppealed(uint256 disputeId);
    /// @dev The appeal window of `disputeId` closed at `closedAt`.
    error ArbitrationAppealWindowClosed(uint256 disputeId, uint256 closedAt);
    /// @dev The appeal of `disputeId` lapsed at `lapsedAt`: the first ruling stands.
    error ArbitrationAppealLapsed(uint256 disputeId, uint256 lapsedAt);
    /// @dev `disputeId` has no final ruling yet.
    error ArbitrationNotFinalizable(uint256 disputeId);
    /// @dev A period is between `min` and `max` seconds; `period` was given.
    error ArbitrationInvalidPeriod(uint256 period, uint256 min, uint256 max);

    /* DISPUTES */

    /// @notice The scale of a ruling's share: 1e6 gives the claimant the whole disputed amount.
    /// @return scale 1e6.
    // solhint-disable-next-line func-name-mixedcase
    function SHARE_SCALE() external view returns (uint256 scale);

    /// @notice Opens a dispute over a deal the calling arbitrable holds. Round 1 starts with the
    /// named arbiter if there is one; otherwise an arbiter is drawn with {proposeArbiter}.
    /// Arbitrables only.
    /// @param params The parties, what is disputed (a non-zero amount), the parties' sovereigns
    /// (0: none), the arbiter named at deal creation (zero: none) and the claimant's opening
    /// evidence (a URI and a content hash, both required).
    /// @return disputeId The new dispute's id (ids start at 1).
    function openDispute(DisputeParams calldata params) external returns (uint256 disputeId);

    /// @notice Draws the arbiter of the current round: `arbiter`, holding the Arbiter role in
    /// `sovereignId`, an active sovereign other than the parties' that both parties' sovereigns
    /// mutually recognize. Allowed while the round has no arbiter, or its arbiter let the ruling
    /// period pass or lost the role: anyone. Also allowed to the round's mover (the claimant in
    /// round 1, the appellant in round 2) at any time before the ruling when the arbiter was
    /// drawn by someone else (not named at deal creation). A new assignment restarts the ruling
    /// period of round 1; an appeal lapses at the same time whoever is drawn.
    /// @param disputeId The dispute.
    /// @param arbiter The proposed arbiter (not a party, not the round's or round 1's arbiter).
    /// @param sovereignId The arbiter's sovereign.
    function proposeArbiter(uint256 disputeId, address arbiter, uint64 sovereignId) external;

    /// @notice Rules the current round: `shareToClaimant` millionths of the disputed amount to the
    /// claimant, the rest to the respondent. The current round's arbiter only, once per round; a
    /// drawn arbiter must still hold its Arbiter role. Round 1 may be ruled late, until it is
    /// finalized as dismissed or its arbiter replaced; round 2 only before the appeal lapses.
    /// @param disputeId The dispute.
    /// @param shareToClaimant The claimant's share, 0 to 1e6.
    function rule(uint256 disputeId, uint256 shareToClaimant) external;

    /// @notice Appeals the first ruling: a new arbiter (drawn, different from the first) rules
    /// again, and that ruling is final. Either party, once, within the appeal window, when both
    /// parties have a sovereign ({ArbitrationNoArbiterPool} otherwise).
    /// @param disputeId The dispute.
    function appeal(uint256 disputeId) external;

    /// @notice Enforces the final ruling on the arbitrable ({IArbitrable-onRuling}): the first
    /// ruling once the appeal window closed without appeal, the second once given, or the first
    /// again if the appeal lapsed; or a dismissal (share 0) when round 1 got no ruling within the
    /// ruling period after the opening or after its arbiter's assignment. Anyone; held while
    /// paused. Reverts whole if the arbitrable's callback reverts (retry later).
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

    /// @notice Sets the appeal window and the ruling period (each 1 hour to 90 days). Governance
    /// only; open disputes are measured against the new periods from then on.
    /// @param appealWindow How long after a first ruling a party may appeal.
    /// @param rulingPeriod How long an arbiter has to rule before being replaceable, and an
    /// appeal before it lapses.
    function setPeriods(uint32 appealWindow, uint32 rulingPeriod) external;

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

    /// @notice Number of disputes opened (the highest id).
    /// @return count The count.
    function disputeCount() external view returns (uint256 count);

    /// @notice Whether `arbitrable` may open disputes.
    /// @param arbitrable The module.
    /// @return allowed Whether it may.
    function isArbitrable(address arbitrable) external view returns (bool allowed);

    /// @notice How long after a first ruling a party may appeal, in seconds.
    /// @return window The appeal window.
    function appealWindow() external view returns (uint32 window);

    /// @notice How long an arbiter has to rule, in seconds.
    /// @return period The ruling period.
    function rulingPeriod() external view returns (uint32 period);

    /// @notice The registry arbiters' roles and sovereigns' recognitions are read from.
    /// @return registryAddress The SovereignRegistry.
    function registry() external view returns (address registryAddress);
}
