// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AtlasModule} from "../governance/AtlasModule.sol";
import {ISovereignRegistry} from "../graph/ISovereignRegistry.sol";
import {IArbitrable} from "./IArbitrable.sol";
import {IArbitration} from "./IArbitration.sol";

/// @title Arbitration
/// @notice Disputes between the parties of deals held by arbitrable modules, ruled by arbiters
/// named at deal creation or drawn from sovereigns both parties' sovereigns recognize (or from
/// governance's fallback arbiters), with an appeal that belongs to the party the first ruling
/// disfavours; behind a UUPS proxy that only governance upgrades.
/// @dev A pause holds only {finalize}, the one call with an effect outside this module: the
/// rights that run on a clock (drawing, ruling, appealing, evidence) stay open so that a pause
/// never costs a party a window (see IArbitration).
contract Arbitration is IArbitration, AtlasModule {
    /// @inheritdoc IArbitration
    uint256 public constant SHARE_SCALE = 1e6;
    /// @notice Governance keeps at least this many fallback arbiters: an appeal needs one that did
    /// not rule round 1.
    uint256 public constant MIN_FALLBACK_ARBITERS = 2;
    uint32 private constant _MIN_PERIOD = 1 hours;
    uint32 private constant _MAX_PERIOD = 90 days;
    /// @dev Bits of {Dispute-appellants}.
    uint8 private constant _CLAIMANT_APPEALED = 1;
    uint8 private constant _RESPONDENT_APPEALED = 2;

    /// @custom:storage-location erc7201:atlas.storage.Arbitration
    struct ArbitrationStorage {
        uint64 disputeCount;
        uint32 appealWindow;
        uint32 rulingPeriod;
        mapping(address arbitrable => bool) arbitrables;
        mapping(uint256 disputeId => Dispute) disputes;
        mapping(uint256 disputeId => Round[2]) rounds;
        mapping(address account => bool) fallbackArbiters;
        uint256 fallbackArbiterCount;
    }

    // keccak256(abi.encode(uint256(keccak256("atlas.storage.Arbitration")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant _ARBITRATION_STORAGE = 0x95c91d13d8f8dc21c67b206a54fef088789581c1b2ca9b6146c43500712e7e00;

    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    ISovereignRegistry private immutable _REGISTRY;

    /// @param registry_ The SovereignRegistry (a proxy: its address never changes).
    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor(ISovereignRegistry registry_) {
        _REGISTRY = registry_;
    }

    /// @notice Sets up the proxy's state.
    /// @param governance_ The timelock.
    /// @param guardian_ May pause arbitration (zero: none).
    /// @param appealWindow_ How long after a first ruling a party may appeal, in seconds.
    /// @param rulingPeriod_ How long an arbiter has to rule, in seconds.
    /// @param fallbackArbiters_ The fallback arbiters (at least {MIN_FALLBACK_ARBITERS}, distinct).
    function initialize(
        address governance_,
        address guardian_,
        uint32 appealWindow_,
        uint32 rulingPeriod_,
        address[] calldata fallbackArbiters_
    ) external initializer {
        __AtlasModule_init(governance_, guardian_);
        _setPeriods(appealWindow_, rulingPeriod_);
        for (uint256 i; i < fallbackArbiters_.length; ++i) _setFallbackArbiter(fallbackArbiters_[i], true);
        uint256 count = _arbitration().fallbackArbiterCount;
        if (count < MIN_FALLBACK_ARBITERS) revert ArbitrationTooFewFallbackArbiters(count, MIN_FALLBACK_ARBITERS);
    }

    /* DISPUTES */

    /// @inheritdoc IArbitration
    function openDispute(DisputeParams calldata params) external returns (uint256 disputeId) {
        ArbitrationStorage storage $ = _arbitration();
        if (!$.arbitrables[msg.sender]) revert ArbitrationNotArbitrable(msg.sender);
        address claimant = params.claimant;
        address respondent = params.respondent;
        if (claimant == address(0) || respondent == address(0) || claimant == respondent) {
            revert ArbitrationInvalidParties(claimant, respondent);
        }
        if (params.amount == 0) revert ArbitrationZeroAmount();
        _requireEvidence(params.evidenceURI, params.evidenceHash);
        address named = params.namedArbiter;
        if (named == claimant || named == respondent) revert ArbitrationArbiterIsParty(named);

        disputeId = ++$.disputeCount;
        // The periods are copied into the dispute: governance's later changes never move its clock.
        $.disputes[disputeId] = Dispute({
            arbitrable: msg.sender,
            status: DisputeStatus.Open,
            round: 1,
            openedAt: uint40(block.timestamp),
            appealedAt: 0,
            claimant: claimant,
            claimantSovereign: params.claimantSovereign,
            respondent: respondent,
            respondentSovereign: params.respondentSovereign,
            token: params.token,
            amount: params.amount,
            appellant: address(0),
            drawnByMover: false,
            appealWindow: $.appealWindow,
            rulingPeriod: $.rulingPeriod,
            lastAppealAt: 0,
            appellants: 0
        });
        emit DisputeOpened(
            disputeId,
            msg.sender,
            claimant,
            respondent,
            params.token,
            params.amount,
            params.claimantSovereign,
            params.respondentSovereign
        );
        emit EvidenceSubmitted(disputeId, claimant, params.evidenceURI, params.evidenceHash);
        if (named != address(0)) {
            Round storage first = $.rounds[disputeId][0];
            first.arbiter = named;
            first.assignedAt = uint40(block.timestamp);
            emit ArbiterAssigned(disputeId, 1, named, 0, msg.sender);
        }
    }

    /// @inheritdoc IArbitration
    function proposeArbiter(uint256 disputeId, address arbiter, uint64 sovereignId) external {
        ArbitrationStorage storage $ = _arbitration();
        Dispute storage dispute = _liveDispute(disputeId);
        uint8 round = dispute.round;
        _requireRoundLive(disputeId, dispute);
        Round storage current = $.rounds[disputeId][round - 1];
        if (current.ruled) revert ArbitrationAlreadyRuled(disputeId, round);
        bool byMover = msg.sender == (round == 1 ? dispute.claimant : dispute.appellant);
        address incumbent = current.arbiter;
        if (incumbent != address(0)) {
            // The mover replaces at once a drawn arbiter someone else drew (the party that wins an
            // unruled round cannot draw a silent arbiter and wait out the clock). Otherwise the
            // incumbent keeps the round while its ruling period runs and it is eligible.
            bool drawn = current.sovereignId != 0 || current.fallbackArbiter;
            bool vetoed = byMover && drawn && !dispute.drawnByMover;
            if (
                !vetoed &&
                block.timestamp <= uint256(current.assignedAt) + dispute.rulingPeriod &&
                _mayRule(dispute, current)
            ) revert ArbitrationArbiterAlreadyAssigned(disputeId, incumbent);
            if (arbiter == incumbent) revert ArbitrationArbiterAlreadyServed(disputeId, arbiter);
        }
        if (round == 2 && arbiter == $.rounds[disputeId][0].arbiter) {
            revert ArbitrationArbiterAlreadyServed(disputeId, arbiter);
        }
        bool fallbackArbiter = sovereignId == 0;
        if (fallbackArbiter) _requireFallbackArbiter(dispute, arbiter);
        else _requireEligible(dispute, arbiter, sovereignId);

        current.arbiter = arbiter;
        current.sovereignId = sovereignId;
        current.assignedAt = uint40(block.timestamp);
        current.fallbackArbiter = fallbackArbiter;
        current.drawnBy = _drawer(dispute, msg.sender);
        if (dispute.drawnByMover != byMover) dispute.drawnByMover = byMover;
        emit ArbiterAssigned(disputeId, round, arbiter, sovereignId, msg.sender);
    }

    /// @inheritdoc IArbitration
    function rule(uint256 disputeId, uint256 shareToClaimant) external {
        Dispute storage dispute = _liveDispute(disputeId);
        uint8 round = dispute.round;
        Round storage current = _arbitration().rounds[disputeId][round - 1];
        if (msg.sender != current.arbiter) revert ArbitrationNotArbiter(disputeId, msg.sender);
        if (current.ruled) revert ArbitrationAlreadyRuled(disputeId, round);
        _requireRoundLive(disputeId, dispute);
        if (!_mayRule(dispute, current)) revert ArbitrationArbiterIneligible(disputeId, msg.sender);
        if (shareToClaimant > SHARE_SCALE) revert ArbitrationInvalidShare(shareToClaimant, SHARE_SCALE);

        current.ruled = true;
        // shareToClaimant <= 1e6 < 2^32 after the check above.
        current.shareToClaimant = uint32(shareToClaimant);
        current.ruledAt = uint40(block.timestamp);
        uint256 appealDeadline = round == 1 ? block.timestamp + dispute.appealWindow : 0;
        emit DisputeRuled(disputeId, round, msg.sender, shareToClaimant, appealDeadline);
    }

    /// @inheritdoc IArbitration
    function appeal(uint256 disputeId) external {
        ArbitrationStorage storage $ = _arbitration();
        Dispute storage dispute = _liveDispute(disputeId);
        uint8 bit;
        if (msg.sender == dispute.claimant) bit = _CLAIMANT_APPEALED;
        else if (msg.sender == dispute.respondent) bit = _RESPONDENT_APPEALED;
        else revert ArbitrationNotParty(disputeId, msg.sender);
        Round storage first = $.rounds[disputeId][0];
        if (!first.ruled) revert ArbitrationNotRuled(disputeId);
        uint256 share = first.shareToClaimant;
        if (bit == _CLAIMANT_APPEALED ? share == SHARE_SCALE : share == 0) {
            revert ArbitrationNothingToAppeal(disputeId, msg.sender);
        }
        if (dispute.appellants & bit != 0) revert ArbitrationAlreadyAppealed(disputeId, msg.sender);

        if (dispute.round == 1) {
            uint256 closesAt = uint256(first.ruledAt) + dispute.appealWindow;
            if (block.timestamp > closesAt) revert ArbitrationAppealWindowClosed(disputeId, closesAt);
            dispute.status = DisputeStatus.Appealed;
            dispute.round = 2;
            dispute.appealedAt = uint40(block.timestamp);
            // The first appellant moves round 2 until the party the ruling disfavours appeals too.
            // Round 2 starts without an arbiter.
            dispute.appellant = msg.sender;
            dispute.drawnByMover = false;
        } else {
            // The other party joins the appeal while it is live: one round 2 hears both.
            Round storage second = $.rounds[disputeId][1];
            if (second.ruled) revert ArbitrationAlreadyRuled(disputeId, 2);
            _requireRoundLive(disputeId, dispute);
            if (msg.sender == _disfavoured(dispute, share)) {
                // The loser of round 1 is the party an unruled appeal harms: it moves round 2, and
                // may replace at once an arbiter it did not draw.
                dispute.appellant = msg.sender;
                bool drewIt = second.arbiter != address(0) && second.drawnBy == _drawer(dispute, msg.sender);
                if (dispute.drawnByMover != drewIt) dispute.drawnByMover = drewIt;
            }
        }
        dispute.appellants |= bit;
        dispute.lastAppealAt = uint40(block.timestamp);
        emit DisputeAppealed(disputeId, msg.sender, dispute.appellant, block.timestamp + dispute.rulingPeriod);
    }

    /// @inheritdoc IArbitration
    function finalize(uint256 disputeId) external whenNotPaused {
        Dispute storage dispute = _liveDispute(disputeId);
        (uint256 readyAt, uint8 decidingRound) = _finalization(disputeId, dispute);
        if (block.timestamp < readyAt) revert ArbitrationNotFinalizable(disputeId, readyAt);
        uint256 share;
        if (decidingRound != 0) share = _arbitration().rounds[disputeId][decidingRound - 1].shareToClaimant;

        dispute.status = DisputeStatus.Finalized;
        emit DisputeFinalized(disputeId, share, decidingRound);
        // Not caught: if the arbitrable refuses the ruling (paused, say), finalize reverts whole,
        // the dispute stays final but unenforced, and anyone retries later. Marking it finalized
        // without enforcement would strand the disputed funds in the arbitrable.
        IArbitrable(dispute.arbitrable).onRuling(disputeId, share);
    }

    /// @inheritdoc IArbitration
    function submitEvidence(uint256 disputeId, string calldata uri, bytes32 hash) external {
        Dispute storage dispute = _liveDispute(disputeId);
        if (msg.sender != dispute.claimant && msg.sender != dispute.respondent) {
            revert ArbitrationNotParty(disputeId, msg.sender);
        }
        _requireEvidence(uri, hash);
        emit EvidenceSubmitted(disputeId, msg.sender, uri, hash);
    }

    /* GOVERNANCE */

    /// @inheritdoc IArbitration
    function setArbitrable(address arbitrable, bool allowed) external onlyGovernance {
        if (arbitrable == address(0)) revert ArbitrationZeroArbitrable();
        _arbitration().arbitrables[arbitrable] = allowed;
        emit ArbitrableSet(arbitrable, allowed);
    }

    /// @inheritdoc IArbitration
    function setPeriods(uint32 appealWindow_, uint32 rulingPeriod_) external onlyGovernance {
        _setPeriods(appealWindow_, rulingPeriod_);
    }

    /// @inheritdoc IArbitration
    function setFallbackArbiter(address arbiter, bool allowed) external onlyGovernance {
        _setFallbackArbiter(arbiter, allowed);
        uint256 count = _arbitration().fallbackArbiterCount;
        if (count < MIN_FALLBACK_ARBITERS) revert ArbitrationTooFewFallbackArbiters(count, MIN_FALLBACK_ARBITERS);
    }

    /* VIEWS */

    /// @inheritdoc IArbitration
    function getDispute(uint256 disputeId) external view returns (Dispute memory) {
        return _existingDispute(disputeId);
    }

    /// @inheritdoc IArbitration
    function getRound(uint256 disputeId, uint8 round) external view returns (Round memory) {
        _existingDispute(disputeId);
        if (round != 1 && round != 2) revert ArbitrationUnknownRound(disputeId, round);
        return _arbitration().rounds[disputeId][round - 1];
    }

    /// @inheritdoc IArbitration
    function finalizableAt(uint256 disputeId) external view returns (uint256 time) {
        (time, ) = _finalization(disputeId, _liveDispute(disputeId));
    }

    /// @inheritdoc IArbitration
    function disputeCount() external view returns (uint256) {
        return _arbitration().disputeCount;
    }

    /// @inheritdoc IArbitration
    function isArbitrable(address arbitrable) external view returns (bool) {
        return _arbitration().arbitrables[arbitrable];
    }

    /// @inheritdoc IArbitration
    function isFallbackArbiter(address account) external view returns (bool) {
        return _arbitration().fallbackArbiters[account];
    }

    /// @inheritdoc IArbitration
    function fallbackArbiterCount() external view returns (uint256) {
        return _arbitration().fallbackArbiterCount;
    }

    /// @inheritdoc IArbitration
    function appealWindow() external view returns (uint32) {
        return _arbitration().appealWindow;
    }

    /// @inheritdoc IArbitration
    function rulingPeriod() external view returns (uint32) {
        return _arbitration().rulingPeriod;
    }

    /// @inheritdoc IArbitration
    function registry() external view returns (address) {
        return address(_REGISTRY);
    }

    /* INTERNAL */

    /// @dev When `dispute` can be finalized as things stand, and which round decides (0: dismissed).
    /// Round 1 unruled: dismissed once twice the ruling period after the opening passed. Round 1
    /// ruled: its ruling once the appeal window passed. Round 2 ruled: its ruling at once.
    /// Round 2 unruled: the first ruling once the ruling period after the latest appeal passed.
    function _finalization(
        uint256 disputeId,
        Dispute storage dispute
    ) private view returns (uint256 readyAt, uint8 decidingRound) {
        Round[2] storage rounds = _arbitration().rounds[disputeId];
        if (dispute.status == DisputeStatus.Open) {
            if (rounds[0].ruled) return (uint256(rounds[0].ruledAt) + dispute.appealWindow + 1, 1);
            return (_roundEnd(dispute) + 1, 0);
        }
        if (rounds[1].ruled) return (rounds[1].ruledAt, 2);
        return (_roundEnd(dispute) + 1, 1);
    }

    /// @dev The last moment the current round can be drawn for or ruled: round 1, twice the ruling
    /// period after the opening; round 2, one ruling period after the latest appeal.
    function _roundEnd(Dispute storage dispute) private view returns (uint256) {
        uint256 period = dispute.rulingPeriod;
        return dispute.round == 1 ? uint256(dispute.openedAt) + 2 * period : uint256(dispute.lastAppealAt) + period;
    }

    /// @dev Reverts once the current round's time is over (see {_roundEnd}).
    function _requireRoundLive(uint256 disputeId, Dispute storage dispute) private view {
        uint256 end = _roundEnd(dispute);
        if (block.timestamp <= end) return;
        if (dispute.round == 1) revert ArbitrationRulingPeriodOver(disputeId, end);
        revert ArbitrationAppealLapsed(disputeId, end);
    }

    /// @dev The party a first ruling of `share` disfavours (the smaller share; none when even).
    function _disfavoured(Dispute storage dispute, uint256 share) private view returns (address) {
        if (share * 2 < SHARE_SCALE) return dispute.claimant;
        if (share * 2 > SHARE_SCALE) return dispute.respondent;
        return address(0);
    }

    function _drawer(Dispute storage dispute, address account) private view returns (Drawer) {
        if (account == dispute.claimant) return Drawer.Claimant;
        if (account == dispute.respondent) return Drawer.Respondent;
        return Drawer.Other;
    }

    /// @dev Reverts unless `arbiter` may be drawn from sovereign `sovereignId` for `dispute`: not a
    /// party, holding the Arbiter role in an active sovereign that is neither party's, that
    /// neither party administers, and that both parties' sovereigns mutually recognize.
    function _requireEligible(Dispute storage dispute, address arbiter, uint64 sovereignId) private view {
        _requireNotParty(dispute, arbiter);
        uint64 claimantSovereign = dispute.claimantSovereign;
        uint64 respondentSovereign = dispute.respondentSovereign;
        if (
            sovereignId == claimantSovereign ||
            sovereignId == respondentSovereign ||
            _administeredByParty(dispute, sovereignId)
        ) revert ArbitrationArbiterSovereignIsParty(sovereignId);
        if (!_REGISTRY.isActive(sovereignId)) revert ArbitrationSovereignInactive(sovereignId);
        if (!_REGISTRY.isMutuallyRecognized(sovereignId, claimantSovereign)) {
            revert ArbitrationSovereignNotRecognized(sovereignId, claimantSovereign);
        }
        if (!_REGISTRY.isMutuallyRecognized(sovereignId, respondentSovereign)) {
            revert ArbitrationSovereignNotRecognized(sovereignId, respondentSovereign);
        }
        if (!_REGISTRY.hasRole(sovereignId, arbiter, ISovereignRegistry.Role.Arbiter)) {
            revert ArbitrationNotSovereignArbiter(sovereignId, arbiter);
        }
    }

    function _requireFallbackArbiter(Dispute storage dispute, address arbiter) private view {
        _requireNotParty(dispute, arbiter);
        if (!_arbitration().fallbackArbiters[arbiter]) revert ArbitrationNotFallbackArbiter(arbiter);
    }

    function _requireNotParty(Dispute storage dispute, address arbiter) private view {
        if (arbiter == dispute.claimant || arbiter == dispute.respondent || arbiter == address(0)) {
            revert ArbitrationArbiterIsParty(arbiter);
        }
    }

    /// @dev Whether the round's arbiter may still rule: one named at deal creation always; a
    /// fallback arbiter while governance keeps it; a drawn one while its sovereign is active,
    /// administered by neither party, and it holds the Arbiter role there. Recognition is not
    /// checked again: it is a condition of the draw, so that a party's revocation cannot unseat
    /// an arbiter already drawn.
    function _mayRule(Dispute storage dispute, Round storage round) private view returns (bool) {
        if (round.fallbackArbiter) return _arbitration().fallbackArbiters[round.arbiter];
        uint64 sovereignId = round.sovereignId;
        if (sovereignId == 0) return true;
        return
            _REGISTRY.isActive(sovereignId) &&
            !_administeredByParty(dispute, sovereignId) &&
            _REGISTRY.hasRole(sovereignId, round.arbiter, ISovereignRegistry.Role.Arbiter);
    }

    function _administeredByParty(Dispute storage dispute, uint64 sovereignId) private view returns (bool) {
        return _REGISTRY.isAdmin(sovereignId, dispute.claimant) || _REGISTRY.isAdmin(sovereignId, dispute.respondent);
    }

    /// @dev Reverts unless evidence names where it lives and its content hash.
    function _requireEvidence(string calldata uri, bytes32 hash) private pure {
        if (bytes(uri).length == 0 || hash == bytes32(0)) revert ArbitrationMissingEvidence();
    }

    function _existingDispute(uint256 disputeId) private view returns (Dispute storage dispute) {
        dispute = _arbitration().disputes[disputeId];
        if (dispute.status == DisputeStatus.None) revert ArbitrationUnknownDispute(disputeId);
    }

    function _liveDispute(uint256 disputeId) private view returns (Dispute storage dispute) {
        dispute = _existingDispute(disputeId);
        if (dispute.status == DisputeStatus.Finalized) revert ArbitrationDisputeClosed(disputeId);
    }

    function _setPeriods(uint32 appealWindow_, uint32 rulingPeriod_) private {
        if (appealWindow_ < _MIN_PERIOD || appealWindow_ > _MAX_PERIOD) {
            revert ArbitrationInvalidPeriod(appealWindow_, _MIN_PERIOD, _MAX_PERIOD);
        }
        if (rulingPeriod_ < _MIN_PERIOD || rulingPeriod_ > _MAX_PERIOD) {
            revert ArbitrationInvalidPeriod(rulingPeriod_, _MIN_PERIOD, _MAX_PERIOD);
        }
        ArbitrationStorage storage $ = _arbitration();
        $.appealWindow = appealWindow_;
        $.rulingPeriod = rulingPeriod_;
        emit PeriodsSet(appealWindow_, rulingPeriod_);
    }

    function _setFallbackArbiter(address arbiter, bool allowed) private {
        if (arbiter == address(0)) revert ArbitrationZeroFallbackArbiter();
        ArbitrationStorage storage $ = _arbitration();
        if ($.fallbackArbiters[arbiter] == allowed) revert ArbitrationFallbackArbiterUnchanged(arbiter, allowed);
        $.fallbackArbiters[arbiter] = allowed;
        if (allowed) ++$.fallbackArbiterCount;
        else --$.fallbackArbiterCount;
        emit FallbackArbiterSet(arbiter, allowed);
    }

    function _arbitration() private pure returns (ArbitrationStorage storage $) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            // The ERC-7201 slot of this module's namespace.
            $.slot := _ARBITRATION_STORAGE
        }
    }
}
