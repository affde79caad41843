// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AtlasModule} from "../governance/AtlasModule.sol";
import {ISovereignRegistry} from "../graph/ISovereignRegistry.sol";
import {IArbitrable} from "./IArbitrable.sol";
import {IArbitration} from "./IArbitration.sol";

/// @title Arbitration
/// @notice Disputes between the parties of deals held by arbitrable modules, ruled by arbiters
/// named at deal creation or drawn from sovereigns both parties' sovereigns recognize, with one
/// appeal; behind a UUPS proxy that only governance upgrades.
/// @dev A pause holds only {finalize}, the one call with an effect outside this module: the
/// rights that run on a clock (drawing, ruling, appealing, evidence) stay open so that a pause
/// never costs a party a window (see IArbitration).
contract Arbitration is IArbitration, AtlasModule {
    /// @inheritdoc IArbitration
    uint256 public constant SHARE_SCALE = 1e6;
    uint32 private constant _MIN_PERIOD = 1 hours;
    uint32 private constant _MAX_PERIOD = 90 days;

    /// @custom:storage-location erc7201:atlas.storage.Arbitration
    struct ArbitrationStorage {
        uint64 disputeCount;
        uint32 appealWindow;
        uint32 rulingPeriod;
        mapping(address arbitrable => bool) arbitrables;
        mapping(uint256 disputeId => Dispute) disputes;
        mapping(uint256 disputeId => Round[2]) rounds;
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
    function initialize(
        address governance_,
        address guardian_,
        uint32 appealWindow_,
        uint32 rulingPeriod_
    ) external initializer {
        __AtlasModule_init(governance_, guardian_);
        _setPeriods(appealWindow_, rulingPeriod_);
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
        if (named == address(0) && (params.claimantSovereign == 0 || params.respondentSovereign == 0)) {
            revert ArbitrationNoArbiterPool(params.claimantSovereign, params.respondentSovereign);
        }

        disputeId = ++$.disputeCount;
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
            drawnByMover: false
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
        if (round == 2) _requireAppealLive(disputeId, dispute);
        Round storage current = $.rounds[disputeId][round - 1];
        if (current.ruled) revert ArbitrationAlreadyRuled(disputeId, round);
        bool byMover = msg.sender == (round == 1 ? dispute.claimant : dispute.appellant);
        address incumbent = current.arbiter;
        if (incumbent != address(0)) {
            // The mover replaces at once an arbiter someone else drew (the party that wins an
            // unruled round cannot draw a silent arbiter and wait out the clock). Otherwise the
            // incumbent keeps the round while its ruling period runs and it holds the role.
            bool vetoed = byMover && !dispute.drawnByMover && current.sovereignId != 0;
            if (
                !vetoed &&
                // solhint-disable-next-line gas-strict-inequalities
                block.timestamp <= uint256(current.assignedAt) + $.rulingPeriod &&
                _holdsArbiterRole(current.sovereignId, incumbent)
            ) revert ArbitrationArbiterAlreadyAssigned(disputeId, incumbent);
            if (arbiter == incumbent) revert ArbitrationArbiterAlreadyServed(disputeId, arbiter);
        }
        if (round == 2 && arbiter == $.rounds[disputeId][0].arbiter) {
            revert ArbitrationArbiterAlreadyServed(disputeId, arbiter);
        }
        _requireEligible(dispute, arbiter, sovereignId);

        current.arbiter = arbiter;
        current.sovereignId = sovereignId;
        current.assignedAt = uint40(block.timestamp);
        if (dispute.drawnByMover != byMover) dispute.drawnByMover = byMover;
        emit ArbiterAssigned(disputeId, round, arbiter, sovereignId, msg.sender);
    }

    /// @inheritdoc IArbitration
    function rule(uint256 disputeId, uint256 shareToClaimant) external {
        ArbitrationStorage storage $ = _arbitration();
        Dispute storage dispute = _liveDispute(disputeId);
        uint8 round = dispute.round;
        Round storage current = $.rounds[disputeId][round - 1];
        if (msg.sender != current.arbiter) revert ArbitrationNotArbiter(disputeId, msg.sender);
        if (current.ruled) revert ArbitrationAlreadyRuled(disputeId, round);
        if (!_holdsArbiterRole(current.sovereignId, msg.sender)) {
            revert ArbitrationNotSovereignArbiter(current.sovereignId, msg.sender);
        }
        if (round == 2) _requireAppealLive(disputeId, dispute);
        if (shareToClaimant > SHARE_SCALE) revert ArbitrationInvalidShare(shareToClaimant, SHARE_SCALE);

        current.ruled = true;
        // shareToClaimant <= 1e6 < 2^32 after the check above.
        current.shareToClaimant = uint32(shareToClaimant);
        current.ruledAt = uint40(block.timestamp);
        uint256 appealDeadline = round == 1 ? block.timestamp + $.appealWindow : 0;
        emit DisputeRuled(disputeId, round, msg.sender, shareToClaimant, appealDeadline);
    }

    /// @inheritdoc IArbitration
    function appeal(uint256 disputeId) external {
        ArbitrationStorage storage $ = _arbitration();
        Dispute storage dispute = _liveDispute(disputeId);
        if (msg.sender != dispute.claimant && msg.sender != dispute.respondent) {
            revert ArbitrationNotParty(disputeId, msg.sender);
        }
        if (dispute.round != 1) revert ArbitrationAlreadyAppealed(disputeId);
        Round storage first = $.rounds[disputeId][0];
        if (!first.ruled) revert ArbitrationNotRuled(disputeId);
        uint256 closesAt = uint256(first.ruledAt) + $.appealWindow;
        if (block.timestamp > closesAt) revert ArbitrationAppealWindowClosed(disputeId, closesAt);
        // A second arbiter is always drawn: without both parties' sovereigns, nobody could hear
        // the appeal, which would only delay the enforcement of the first ruling.
        if (dispute.claimantSovereign == 0 || dispute.respondentSovereign == 0) {
            revert ArbitrationNoArbiterPool(dispute.claimantSovereign, dispute.respondentSovereign);
        }

        dispute.status = DisputeStatus.Appealed;
        dispute.round = 2;
        dispute.appealedAt = uint40(block.timestamp);
        dispute.appellant = msg.sender;
        // Round 2 starts without an arbiter.
        dispute.drawnByMover = false;
        emit DisputeAppealed(disputeId, msg.sender, block.timestamp + $.rulingPeriod);
    }

    /// @inheritdoc IArbitration
    function finalize(uint256 disputeId) external whenNotPaused {
        ArbitrationStorage storage $ = _arbitration();
        Dispute storage dispute = _liveDispute(disputeId);
        Round storage first = $.rounds[disputeId][0];
        Round storage second = $.rounds[disputeId][1];
        bool ready;
        uint8 decidingRound;
        if (dispute.status == DisputeStatus.Open) {
            if (first.ruled) {
                ready = block.timestamp > uint256(first.ruledAt) + $.appealWindow;
                decidingRound = 1;
            } else {
                // No ruling in time since the opening (nobody drawn) or the assignment (arbiter
                // silent, not replaced): the claim is dismissed, decidingRound stays 0.
                uint256 since = first.arbiter == address(0) ? dispute.openedAt : first.assignedAt;
                ready = block.timestamp > since + $.rulingPeriod;
            }
        } else if (second.ruled) {
            ready = true;
            decidingRound = 2;
        } else {
            // An appeal that lapsed without a ruling leaves the first ruling standing.
            ready = block.timestamp > uint256(dispute.appealedAt) + $.rulingPeriod;
            decidingRound = 1;
        }
        if (!ready) revert ArbitrationNotFinalizable(disputeId);
        uint256 share;
        if (decidingRound == 1) share = first.shareToClaimant;
        else if (decidingRound == 2) share = second.shareToClaimant;

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
    function disputeCount() external view returns (uint256) {
        return _arbitration().disputeCount;
    }

    /// @inheritdoc IArbitration
    function isArbitrable(address arbitrable) external view returns (bool) {
        return _arbitration().arbitrables[arbitrable];
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

    /// @dev Reverts unless `arbiter` may be drawn for `dispute`: not a party, holding the Arbiter
    /// role in `sovereignId`, an active sovereign that is neither party's and that both parties'
    /// sovereigns mutually recognize.
    function _requireEligible(Dispute storage dispute, address arbiter, uint64 sovereignId) private view {
        if (arbiter == dispute.claimant || arbiter == dispute.respondent || arbiter == address(0)) {
            revert ArbitrationArbiterIsParty(arbiter);
        }
        uint64 claimantSovereign = dispute.claimantSovereign;
        uint64 respondentSovereign = dispute.respondentSovereign;
        if (sovereignId == claimantSovereign || sovereignId == respondentSovereign) {
            revert ArbitrationArbiterSovereignIsParty(sovereignId);
        }
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

    /// @dev Whether an arbiter still may rule: one named at deal creation (sovereign 0) always, a
    /// drawn one while it holds the Arbiter role in its sovereign.
    function _holdsArbiterRole(uint64 sovereignId, address arbiter) private view returns (bool) {
        return sovereignId == 0 || _REGISTRY.hasRole(sovereignId, arbiter, ISovereignRegistry.Role.Arbiter);
    }

    /// @dev Reverts unless evidence names where it lives and its content hash.
    function _requireEvidence(string calldata uri, bytes32 hash) private pure {
        if (bytes(uri).length == 0 || hash == bytes32(0)) revert ArbitrationMissingEvidence();
    }

    /// @dev Reverts once an appeal has gone unruled for the ruling period.
    function _requireAppealLive(uint256 disputeId, Dispute storage dispute) private view {
        uint256 lapsesAt = uint256(dispute.appealedAt) + _arbitration().rulingPeriod;
        if (block.timestamp > lapsesAt) revert ArbitrationAppealLapsed(disputeId, lapsesAt);
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

    function _arbitration() private pure returns (ArbitrationStorage storage $) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            // The ERC-7201 slot of this module's namespace.
            $.slot := _ARBITRATION_STORAGE
        }
    }
}
