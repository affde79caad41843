// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation} from "@ethereum-attestation-service/eas-contracts/contracts/Common.sol";
import {IEAS} from "@ethereum-attestation-service/eas-contracts/contracts/IEAS.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {LowLevelCall} from "@openzeppelin/contracts/utils/LowLevelCall.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {AtlasModule} from "../governance/AtlasModule.sol";
import {IContributionLedger} from "../graph/IContributionLedger.sol";
import {ISovereignRegistry} from "../graph/ISovereignRegistry.sol";
import {IArbitrable} from "../interstate/IArbitrable.sol";
import {IArbitration} from "../interstate/IArbitration.sol";
import {StreamMath} from "../libraries/StreamMath.sol";
import {IMilestoneEscrow} from "./IMilestoneEscrow.sol";

/// @title MilestoneEscrow
/// @notice Milestone escrows between funders and contributors of missions, in ETH or ERC-20,
/// with lump and streaming milestones, verifier attestations, optimistic release, reclaims after
/// missed deadlines, streams ended early and disputes ruled by the Arbitration module; behind a
/// UUPS proxy that only governance upgrades.
/// @dev Storage is packed for the two hot paths: an escrow's header takes 3 slots (5 when it names
/// a verifier and an arbiter), a milestone's terms, state and progress 1 slot (so a stream's
/// claims rewrite a slot creation wrote), and a second slot holds a lump's submission and dispute
/// (or a cancelled stream's review start). Every time is on the module's clock (see IAtlasModule).
contract MilestoneEscrow is IMilestoneEscrow, AtlasModule, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice The ledger kind of every contribution the escrow records.
    bytes32 public constant MILESTONE_KIND = "milestone";
    /// @inheritdoc IMilestoneEscrow
    uint256 public constant MILESTONE_POINTS = 100;
    /// @inheritdoc IMilestoneEscrow
    uint256 public constant STREAM_START_TOLERANCE = 1 hours;
    /// @notice The EAS UID of the milestone verification schema (no resolver, revocable).
    // The schema string is folded into the constant at compile time: no storage, no runtime cost.
    // solhint-disable gas-small-strings
    bytes32 public constant MILESTONE_VERIFICATION_SCHEMA = keccak256(
        abi.encodePacked(
            "uint256 chainId,address escrow,uint256 escrowId,uint256 milestoneIndex,bool approved,string evidenceURI",
            address(0),
            true
        )
    );
    // solhint-enable gas-small-strings
    /// @notice The highest protocol fee governance may set, in basis points (5%).
    uint16 public constant MAX_PROTOCOL_FEE_BPS = 500;
    /// @notice The most milestones one escrow may have.
    uint256 public constant MAX_MILESTONES = 32;
    uint32 private constant _MIN_REVIEW_WINDOW = 1 hours;
    uint32 private constant _MAX_REVIEW_WINDOW = 90 days;
    /// @dev Bits of {EscrowRecord-flags}.
    uint8 private constant _ENDORSED = 1;
    uint8 private constant _ACCEPTED = 2;

    /// @dev An escrow's terms. Slot 0 is what every contributor action reads, slot 1 what every
    /// payout reads; slots 3 and 4 stay empty (and unwritten) without a verifier, an arbiter, an
    /// endorsement at creation or an acceptance. `feeBps` is the protocol fee when the escrow was
    /// created: a deal's fee never changes. `sovereignId` (the mission's) is looked up at the
    /// first payout, where the ledger reads the same mission right after, and cached. `createdAt`
    /// (wall-clock) is stored only with a verifier, whose attestations it dates; `flags` holds
    /// {_ENDORSED} and {_ACCEPTED}.
    struct EscrowRecord {
        address contributor;
        uint64 missionId;
        uint8 milestoneCount;
        uint16 feeBps;
        address token;
        uint64 sovereignId;
        uint32 reviewWindow;
        address funder;
        uint64 funderSovereign;
        address verifier;
        uint64 contributorSovereign;
        address arbiter;
        uint32 createdAt;
        uint8 flags;
    }

    /// @dev A milestone. Slot A (terms, state and progress): for a lump milestone `end` is its
    /// deadline and `start` is 0; `released` is the gross amount paid to the contributor (streams
    /// and rulings). A claim reads and rewrites this one slot, which creation already wrote, so no
    /// claim writes a slot from zero. Hence the widths: amounts below 2^88 (309 million tokens of
    /// 18 decimals per milestone) and times below 2^32 (the year 2106), both checked at creation.
    /// Slot B: the submission (or a stream's cancellation) time and the dispute, written only for a
    /// submitted lump or a cancelled stream.
    struct MilestoneRecord {
        uint88 amount;
        uint88 released;
        uint32 start;
        uint32 end;
        MilestoneKind kind;
        MilestoneState state;
        uint40 submittedAt;
        uint64 disputeId;
        bool disputedByFunder;
    }

    /// @custom:storage-location erc7201:atlas.storage.MilestoneEscrow
    struct EscrowStorage {
        uint64 escrowCount;
        uint16 feeBps;
        mapping(uint256 escrowId => EscrowRecord) escrows;
        mapping(uint256 escrowId => mapping(uint256 index => MilestoneRecord)) milestones;
        /// @dev `escrowId << 8 | index` of each dispute this escrow opened.
        mapping(uint256 disputeId => uint256 milestoneRef) disputes;
        mapping(address account => mapping(address token => uint256 amount)) pending;
        mapping(address token => uint256 amount) fees;
    }

    // keccak256(abi.encode(uint256(keccak256("atlas.storage.MilestoneEscrow")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant _ESCROW_STORAGE = 0x6d3bafefe2d79c1455ec0379672dbc47f6ddc5dfc4f6163973094f3f6e700600;

    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    ISovereignRegistry private immutable _REGISTRY;
    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    IContributionLedger private immutable _LEDGER;
    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    IArbitration private immutable _ARBITRATION;
    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    IEAS private immutable _EAS;

    /// @param registry_ The SovereignRegistry (missions, funding links).
    /// @param ledger_ The ContributionLedger (payouts recorded).
    /// @param arbitration_ The Arbitration module (disputes).
    /// @param eas_ The EAS instance milestone verifications are read from.
    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor(ISovereignRegistry registry_, IContributionLedger ledger_, IArbitration arbitration_, IEAS eas_) {
        _REGISTRY = registry_;
        _LEDGER = ledger_;
        _ARBITRATION = arbitration_;
        _EAS = eas_;
    }

    /// @notice Sets up the proxy's state (protocol fee 0).
    /// @param governance_ The timelock (also the treasury fees go to).
    /// @param guardian_ May pause the escrow (zero: none).
    function initialize(address governance_, address guardian_) external initializer {
        __AtlasModule_init(governance_, guardian_);
    }

    /* ESCROWS */

    /// @inheritdoc IMilestoneEscrow
    function createEscrow(
        EscrowParams calldata params,
        MilestoneParams[] calldata milestones
    ) external payable whenNotPaused nonReentrant returns (uint256 escrowId) {
        uint256 count = milestones.length;
        if (count == 0 || count > MAX_MILESTONES) revert EscrowInvalidMilestoneCount(count, MAX_MILESTONES);
        _checkTerms(params);
        uint64 missionId = params.missionId;
        address funder = params.funder;
        // A manager creating the deal for a funder makes it the mission's own (endorsed).
        bool byManager = msg.sender != funder;
        if (byManager && !_REGISTRY.isMissionManager(missionId, msg.sender)) {
            revert EscrowNotCreator(missionId, msg.sender);
        }
        if (params.fund && byManager) revert EscrowFundingNotByFunder(msg.sender, funder);
        _requireInSovereign(params.funderSovereign, funder);
        _requireInSovereign(params.contributorSovereign, params.contributor);

        EscrowStorage storage $ = _escrowStorage();
        escrowId = ++$.escrowCount;
        uint8 flags = byManager ? _ENDORSED : 0;
        if (msg.sender == params.contributor) flags |= _ACCEPTED;
        _storeEscrow($.escrows[escrowId], escrowId, params, $.feeBps, uint8(count), flags);
        if (byManager) emit EscrowEndorsed(escrowId, msg.sender);
        if (flags & _ACCEPTED != 0) emit EscrowAccepted(escrowId, msg.sender);
        uint256 total = _storeMilestones($.milestones[escrowId], escrowId, milestones, params.fund);

        _REGISTRY.linkMissionFunding(missionId, escrowId);
        if (params.fund) _pull(params.token, total);
        else if (msg.value != 0) revert EscrowWrongValue(0, msg.value);
    }

    /// @inheritdoc IMilestoneEscrow
    function acceptEscrow(uint256 escrowId) external whenNotPaused {
        EscrowRecord storage escrow = _escrow(escrowId);
        if (msg.sender != escrow.contributor) revert EscrowOnlyContributor(escrowId, msg.sender);
        uint8 flags = escrow.flags;
        if (flags & _ACCEPTED != 0) revert EscrowAlreadyAccepted(escrowId);
        escrow.flags = flags | _ACCEPTED;
        emit EscrowAccepted(escrowId, msg.sender);
    }

    /// @inheritdoc IMilestoneEscrow
    function endorseEscrow(uint256 escrowId) external whenNotPaused {
        EscrowRecord storage escrow = _escrow(escrowId);
        uint64 missionId = escrow.missionId;
        if (!_REGISTRY.isMissionManager(missionId, msg.sender)) revert EscrowNotMissionManager(missionId, msg.sender);
        uint8 flags = escrow.flags;
        if (flags & _ENDORSED != 0) revert EscrowAlreadyEndorsed(escrowId);
        escrow.flags = flags | _ENDORSED;
        emit EscrowEndorsed(escrowId, msg.sender);
    }

    /// @inheritdoc IMilestoneEscrow
    function fundMilestone(uint256 escrowId, uint256 index) external payable whenNotPaused nonReentrant {
        EscrowRecord storage escrow = _escrow(escrowId);
        if (msg.sender != escrow.funder) revert EscrowOnlyFunder(escrowId, msg.sender);
        MilestoneRecord storage milestone = _milestone(escrow, escrowId, index);
        if (milestone.state != MilestoneState.Unfunded) revert EscrowMilestoneAlreadyFunded(escrowId, index);
        if (milestone.kind == MilestoneKind.Lump && _moduleTime() > milestone.end) {
            revert EscrowDeadlinePassed(escrowId, index, milestone.end);
        }

        milestone.state = MilestoneState.Funded;
        uint256 amount = milestone.amount;
        emit MilestoneFunded(escrowId, index, msg.sender, amount);
        _pull(escrow.token, amount);
    }

    /// @inheritdoc IMilestoneEscrow
    function submitMilestone(
        uint256 escrowId,
        uint256 index,
        string calldata evidenceURI,
        bytes32 evidenceHash
    ) external whenNotPaused {
        EscrowRecord storage escrow = _escrow(escrowId);
        if (msg.sender != escrow.contributor) revert EscrowOnlyContributor(escrowId, msg.sender);
        if (escrow.flags & _ACCEPTED == 0) revert EscrowTermsNotAccepted(escrowId);
        MilestoneRecord storage milestone = _lumpMilestone(escrow, escrowId, index);
        if (milestone.state != MilestoneState.Funded) _revertForState(escrowId, index, milestone);
        uint256 time = _moduleTime();
        if (time > milestone.end) revert EscrowDeadlinePassed(escrowId, index, milestone.end);

        milestone.state = MilestoneState.Submitted;
        milestone.submittedAt = uint40(time);
        emit MilestoneSubmitted(escrowId, index, msg.sender, evidenceURI, evidenceHash, time + escrow.reviewWindow);
    }

    /// @inheritdoc IMilestoneEscrow
    function approveMilestone(uint256 escrowId, uint256 index) external whenNotPaused nonReentrant {
        EscrowRecord storage escrow = _escrow(escrowId);
        if (msg.sender != escrow.funder) revert EscrowOnlyFunder(escrowId, msg.sender);
        MilestoneRecord storage milestone = _releasableMilestone(escrow, escrowId, index);
        _release(escrow, milestone, escrowId, index, ReleaseReason.Approved, bytes32(0));
    }

    /// @inheritdoc IMilestoneEscrow
    function approveWithAttestation(uint256 escrowId, uint256 index, bytes32 uid) external whenNotPaused nonReentrant {
        EscrowRecord storage escrow = _escrow(escrowId);
        MilestoneRecord storage milestone = _releasableMilestone(escrow, escrowId, index);
        address verifier = escrow.verifier;
        if (verifier == address(0)) revert EscrowNoVerifier(escrowId);
        // A lump never submitted by its deadline belongs to the funder's reclaim.
        if (milestone.state == MilestoneState.Funded && _moduleTime() > milestone.end) {
            revert EscrowDeadlinePassed(escrowId, index, milestone.end);
        }
        _checkVerification(uid, verifier, escrowId, index, escrow.createdAt);
        _release(escrow, milestone, escrowId, index, ReleaseReason.Attested, uid);
    }

    /// @inheritdoc IMilestoneEscrow
    function releaseOptimistic(uint256 escrowId, uint256 index) external whenNotPaused nonReentrant {
        EscrowRecord storage escrow = _escrow(escrowId);
        if (msg.sender != escrow.contributor) revert EscrowOnlyContributor(escrowId, msg.sender);
        MilestoneRecord storage milestone = _lumpMilestone(escrow, escrowId, index);
        if (milestone.state != MilestoneState.Submitted) _revertForState(escrowId, index, milestone);
        uint256 reviewEndsAt = uint256(milestone.submittedAt) + escrow.reviewWindow;
        if (_moduleTime() < reviewEndsAt) revert EscrowReviewWindowOpen(escrowId, index, reviewEndsAt);
        _release(escrow, milestone, escrowId, index, ReleaseReason.Optimistic, bytes32(0));
    }

    /// @inheritdoc IMilestoneEscrow
    function reclaimMilestone(uint256 escrowId, uint256 index) external whenNotPaused nonReentrant {
        EscrowRecord storage escrow = _escrow(escrowId);
        address funder = escrow.funder;
        if (msg.sender != funder) revert EscrowOnlyFunder(escrowId, msg.sender);
        MilestoneRecord storage milestone = _milestone(escrow, escrowId, index);
        uint256 time = _moduleTime();
        if (milestone.kind == MilestoneKind.Lump) {
            if (milestone.state != MilestoneState.Funded) _revertForState(escrowId, index, milestone);
            if (time <= milestone.end) revert EscrowDeadlineNotPassed(escrowId, index, milestone.end);
        } else {
            // The unvested rest of a stream its funder cancelled, once the contributor let its
            // review window pass without a dispute.
            if (milestone.state != MilestoneState.Cancelled) _revertForStreamState(escrowId, index, milestone);
            uint256 reviewEndsAt = uint256(milestone.submittedAt) + escrow.reviewWindow;
            if (time < reviewEndsAt) revert EscrowReviewWindowOpen(escrowId, index, reviewEndsAt);
        }

        milestone.state = MilestoneState.Reclaimed;
        // A lump's `released` is 0; a cancelled stream's is what vested before the cancellation.
        uint256 amount = uint256(milestone.amount) - milestone.released;
        emit MilestoneReclaimed(escrowId, index, funder, amount);
        _send(escrow.token, funder, amount);
    }

    /// @inheritdoc IMilestoneEscrow
    function claim(uint256 escrowId, uint256 index) external whenNotPaused nonReentrant returns (uint256 amount) {
        EscrowRecord storage escrow = _escrow(escrowId);
        address contributor = escrow.contributor;
        if (msg.sender != contributor) revert EscrowOnlyContributor(escrowId, msg.sender);
        MilestoneRecord storage milestone = _milestone(escrow, escrowId, index);
        if (milestone.kind != MilestoneKind.Streaming) {
            revert EscrowWrongKind(escrowId, index, MilestoneKind.Lump);
        }
        if (milestone.state != MilestoneState.Funded) _revertForState(escrowId, index, milestone);
        (uint256 releasedBefore, uint256 released) = _vest(milestone, escrowId, index);
        address token = escrow.token;
        uint256 fee;
        (amount, fee) = _takeFee(escrow, token, releasedBefore, released);
        emit StreamClaimed(escrowId, index, contributor, amount, fee, released);
        // The stream is recorded once, whole, by the claim that completes it: a ledger record per
        // claim would cost more than the claim itself (see IMilestoneEscrow).
        if (milestone.state == MilestoneState.Released) {
            uint256 total = milestone.amount;
            uint256 netTotal = total - StreamMath.fee(total, escrow.feeBps);
            _recordContribution(escrow, escrowId, index, netTotal, MILESTONE_POINTS, bytes32(0));
        }
        _send(token, contributor, amount);
    }

    /// @inheritdoc IMilestoneEscrow
    function cancelStream(
        uint256 escrowId,
        uint256 index
    ) external whenNotPaused nonReentrant returns (uint256 amount) {
        EscrowRecord storage escrow = _escrow(escrowId);
        bool byFunder = msg.sender == escrow.funder;
        if (!byFunder && msg.sender != escrow.contributor) revert EscrowOnlyParty(escrowId, msg.sender);
        MilestoneRecord storage milestone = _milestone(escrow, escrowId, index);
        if (milestone.kind != MilestoneKind.Streaming) {
            revert EscrowWrongKind(escrowId, index, MilestoneKind.Lump);
        }
        if (milestone.state != MilestoneState.Funded) _revertForState(escrowId, index, milestone);
        uint256 vested;
        uint256 rest;
        (amount, vested, rest) = _endStream(escrow, milestone, escrowId, index, byFunder);
        // The stream is recorded once, now, with what vested: its pro-rata points.
        if (vested != 0) {
            uint256 netVested = vested - StreamMath.fee(vested, escrow.feeBps);
            uint256 points = StreamMath.pointsFor(MILESTONE_POINTS, milestone.amount, 0, vested);
            _recordContribution(escrow, escrowId, index, netVested, points, bytes32(0));
        }
        address token = escrow.token;
        if (amount != 0) _send(token, escrow.contributor, amount);
        if (rest != 0 && !byFunder) _send(token, escrow.funder, rest);
    }

    /// @inheritdoc IMilestoneEscrow
    function dispute(
        uint256 escrowId,
        uint256 index,
        string calldata evidenceURI,
        bytes32 evidenceHash
    ) external whenNotPaused nonReentrant returns (uint256 disputeId) {
        EscrowRecord storage escrow = _escrow(escrowId);
        address funder = escrow.funder;
        address contributor = escrow.contributor;
        bool byFunder = msg.sender == funder;
        if (!byFunder && msg.sender != contributor) revert EscrowOnlyParty(escrowId, msg.sender);
        MilestoneRecord storage milestone = _milestone(escrow, escrowId, index);
        if (milestone.kind == MilestoneKind.Lump) {
            if (milestone.state != MilestoneState.Submitted) _revertForState(escrowId, index, milestone);
        } else {
            // Only the rest of a stream its funder cancelled is disputed, by the contributor.
            if (milestone.state != MilestoneState.Cancelled) _revertForStreamState(escrowId, index, milestone);
            if (byFunder) revert EscrowOnlyContributor(escrowId, msg.sender);
        }
        uint256 reviewEndsAt = uint256(milestone.submittedAt) + escrow.reviewWindow;
        if (_moduleTime() >= reviewEndsAt) revert EscrowReviewWindowClosed(escrowId, index, reviewEndsAt);

        milestone.state = MilestoneState.Disputed;
        milestone.disputedByFunder = byFunder;
        disputeId = _ARBITRATION.openDispute(
            IArbitration.DisputeParams({
                claimant: msg.sender,
                respondent: byFunder ? contributor : funder,
                token: escrow.token,
                // What is still held: a lump's amount, a cancelled stream's unvested rest.
                amount: uint256(milestone.amount) - milestone.released,
                claimantSovereign: byFunder ? escrow.funderSovereign : escrow.contributorSovereign,
                respondentSovereign: byFunder ? escrow.contributorSovereign : escrow.funderSovereign,
                namedArbiter: escrow.arbiter,
                evidenceURI: evidenceURI,
                evidenceHash: evidenceHash
            })
        );
        // The dispute id exists only once Arbitration returns it. Arbitration is a fixed module
        // that calls nothing back while opening a dispute, and the state is already Disputed, so
        // writing the id after the call leaves nothing to re-enter. Ids are below 2^64.
        milestone.disputeId = uint64(disputeId);
        _escrowStorage().disputes[disputeId] = (escrowId << 8) | index;
        emit MilestoneDisputed(escrowId, index, disputeId, msg.sender);
    }

    /// @inheritdoc IArbitrable
    function onRuling(uint256 disputeId, uint256 shareToClaimant) external whenNotPaused nonReentrant {
        if (msg.sender != address(_ARBITRATION)) revert EscrowOnlyArbitration(msg.sender);
        EscrowStorage storage $ = _escrowStorage();
        uint256 ref = $.disputes[disputeId];
        uint256 escrowId = ref >> 8;
        uint256 index = ref & 0xff;
        MilestoneRecord storage milestone = $.milestones[escrowId][index];
        if (ref == 0 || milestone.state != MilestoneState.Disputed) revert EscrowUnknownDispute(disputeId);
        if (shareToClaimant > StreamMath.SHARE_SCALE) {
            revert EscrowInvalidShare(shareToClaimant, StreamMath.SHARE_SCALE);
        }
        _resolve($.escrows[escrowId], milestone, escrowId, index, disputeId, shareToClaimant);
    }

    /// @inheritdoc IMilestoneEscrow
    function withdraw(address token, address to) external nonReentrant returns (uint256 amount) {
        if (to == address(0)) revert EscrowZeroRecipient();
        mapping(address => uint256) storage credits = _escrowStorage().pending[msg.sender];
        amount = credits[token];
        if (amount == 0) revert EscrowNothingToWithdraw(msg.sender, token);
        credits[token] = 0;
        emit Withdrawn(msg.sender, token, to, amount);
        _transferOut(token, to, amount);
    }

    /// @inheritdoc IMilestoneEscrow
    function collectFees(address token) external whenNotPaused nonReentrant returns (uint256 amount) {
        EscrowStorage storage $ = _escrowStorage();
        amount = $.fees[token];
        if (amount == 0) revert EscrowNoFees(token);
        $.fees[token] = 0;
        address treasury = governance();
        emit FeesCollected(token, treasury, amount);
        _transferOut(token, treasury, amount);
    }

    /// @inheritdoc IMilestoneEscrow
    function setProtocolFee(uint16 bps) external onlyGovernance {
        if (bps > MAX_PROTOCOL_FEE_BPS) revert EscrowFeeAboveCap(bps, MAX_PROTOCOL_FEE_BPS);
        EscrowStorage storage $ = _escrowStorage();
        uint256 previous = $.feeBps;
        $.feeBps = bps;
        emit ProtocolFeeSet(previous, bps);
    }

    /* VIEWS */

    /// @inheritdoc IMilestoneEscrow
    function getEscrow(uint256 escrowId) external view returns (Escrow memory) {
        EscrowRecord storage escrow = _escrow(escrowId);
        return
            Escrow({
                missionId: escrow.missionId,
                funder: escrow.funder,
                contributor: escrow.contributor,
                token: escrow.token,
                verifier: escrow.verifier,
                arbiter: escrow.arbiter,
                funderSovereign: escrow.funderSovereign,
                contributorSovereign: escrow.contributorSovereign,
                reviewWindow: escrow.reviewWindow,
                feeBps: escrow.feeBps,
                milestoneCount: escrow.milestoneCount,
                endorsed: escrow.flags & _ENDORSED != 0,
                accepted: escrow.flags & _ACCEPTED != 0
            });
    }

    /// @inheritdoc IMilestoneEscrow
    function getMilestone(uint256 escrowId, uint256 index) external view returns (Milestone memory) {
        MilestoneRecord storage milestone = _milestone(_escrow(escrowId), escrowId, index);
        bool lump = milestone.kind == MilestoneKind.Lump;
        MilestoneState state = milestone.state;
        return
            Milestone({
                amount: milestone.amount,
                kind: milestone.kind,
                state: state,
                deadline: lump ? milestone.end : 0,
                start: milestone.start,
                end: lump ? 0 : milestone.end,
                // A released lump pays its whole amount; the record is not written for it.
                released: lump && state == MilestoneState.Released ? milestone.amount : milestone.released,
                submittedAt: milestone.submittedAt,
                disputeId: milestone.disputeId,
                disputedByFunder: milestone.disputedByFunder
            });
    }

    /// @inheritdoc IMilestoneEscrow
    function claimable(uint256 escrowId, uint256 index) external view returns (uint256) {
        MilestoneRecord storage milestone = _milestone(_escrow(escrowId), escrowId, index);
        if (milestone.kind != MilestoneKind.Streaming || milestone.state != MilestoneState.Funded) return 0;
        return
            StreamMath.claimable(milestone.amount, milestone.start, milestone.end, _moduleTime(), milestone.released);
    }

    /// @inheritdoc IMilestoneEscrow
    function disputedMilestone(uint256 disputeId) external view returns (uint256 escrowId, uint256 index) {
        uint256 ref = _escrowStorage().disputes[disputeId];
        return (ref >> 8, ref & 0xff);
    }

    /// @inheritdoc IMilestoneEscrow
    function pendingWithdrawal(address account, address token) external view returns (uint256) {
        return _escrowStorage().pending[account][token];
    }

    /// @inheritdoc IMilestoneEscrow
    function accruedFees(address token) external view returns (uint256) {
        return _escrowStorage().fees[token];
    }

    /// @inheritdoc IMilestoneEscrow
    function protocolFee() external view returns (uint16) {
        return _escrowStorage().feeBps;
    }

    /// @inheritdoc IMilestoneEscrow
    function escrowCount() external view returns (uint256) {
        return _escrowStorage().escrowCount;
    }

    /// @inheritdoc IMilestoneEscrow
    function registry() external view returns (address) {
        return address(_REGISTRY);
    }

    /// @inheritdoc IMilestoneEscrow
    function ledger() external view returns (address) {
        return address(_LEDGER);
    }

    /// @inheritdoc IMilestoneEscrow
    function arbitration() external view returns (address) {
        return address(_ARBITRATION);
    }

    /// @inheritdoc IMilestoneEscrow
    function eas() external view returns (address) {
        return address(_EAS);
    }

    /* INTERNAL: CREATION */

    /// @dev Reverts unless `account` is a member of `sovereignId`, when the terms name one for it.
    function _requireInSovereign(uint64 sovereignId, address account) private view {
        if (sovereignId != 0 && !_REGISTRY.isMember(sovereignId, account)) {
            revert EscrowPartyNotInSovereign(sovereignId, account);
        }
    }

    /// @dev Reverts on terms no careful funder would sign: missing or identical parties, a
    /// verifier who is the contributor, an arbiter who is a party, an out-of-range review window,
    /// or a token address without code.
    function _checkTerms(EscrowParams calldata params) private view {
        address funder = params.funder;
        address contributor = params.contributor;
        if (funder == address(0) || contributor == address(0)) revert EscrowZeroParty();
        if (funder == contributor) revert EscrowFunderIsContributor(funder);
        if (params.verifier == contributor) revert EscrowVerifierIsContributor(contributor);
        address arbiter = params.arbiter;
        if (arbiter == funder || arbiter == contributor) revert EscrowArbiterIsParty(arbiter);
        uint32 window = params.reviewWindow;
        if (window < _MIN_REVIEW_WINDOW || window > _MAX_REVIEW_WINDOW) {
            revert EscrowInvalidReviewWindow(window, _MIN_REVIEW_WINDOW, _MAX_REVIEW_WINDOW);
        }
        address token = params.token;
        if (token != address(0) && token.code.length == 0) revert EscrowTokenNotContract(token);
    }

    /// @dev Stores an escrow's terms and announces them.
    function _storeEscrow(
        EscrowRecord storage escrow,
        uint256 escrowId,
        EscrowParams calldata params,
        uint16 feeBps,
        uint8 count,
        uint8 flags
    ) private {
        escrow.contributor = params.contributor;
        escrow.missionId = params.missionId;
        escrow.milestoneCount = count;
        escrow.feeBps = feeBps;
        escrow.token = params.token;
        escrow.reviewWindow = params.reviewWindow;
        escrow.funder = params.funder;
        escrow.funderSovereign = params.funderSovereign;
        // Optional terms: their slots are written only when set.
        if (params.verifier != address(0) || params.contributorSovereign != 0) {
            escrow.verifier = params.verifier;
            escrow.contributorSovereign = params.contributorSovereign;
        }
        // Slot 4: the arbiter; the creation time, which only dates a verifier's attestations; the
        // flags. Written only when one of them is set.
        if (params.arbiter != address(0)) escrow.arbiter = params.arbiter;
        if (params.verifier != address(0)) escrow.createdAt = uint32(block.timestamp);
        if (flags != 0) escrow.flags = flags;
        emit EscrowCreated(
            escrowId,
            params.missionId,
            params.funder,
            params.contributor,
            params.token,
            params.verifier,
            params.arbiter,
            params.funderSovereign,
            params.contributorSovereign,
            params.reviewWindow,
            feeBps,
            count,
            msg.sender
        );
    }

    /// @dev Checks and stores each milestone; returns their total.
    function _storeMilestones(
        mapping(uint256 => MilestoneRecord) storage records,
        uint256 escrowId,
        MilestoneParams[] calldata milestones,
        bool funded
    ) private returns (uint256 total) {
        MilestoneState state = funded ? MilestoneState.Funded : MilestoneState.Unfunded;
        uint256 time = _moduleTime();
        for (uint256 i; i < milestones.length; ++i) {
            total += _storeMilestone(records[i], escrowId, i, milestones[i], state, time);
        }
    }

    function _storeMilestone(
        MilestoneRecord storage record,
        uint256 escrowId,
        uint256 index,
        MilestoneParams calldata params,
        MilestoneState state,
        uint256 time
    ) private returns (uint128 amount) {
        amount = params.amount;
        if (amount == 0) revert EscrowZeroAmount(index);
        if (amount > type(uint88).max) revert EscrowAmountTooLarge(index, amount, type(uint88).max);
        (uint40 start, uint40 end) = _checkTimes(index, params, time);
        if (end > type(uint32).max) revert EscrowTimeTooLate(index, end, type(uint32).max);
        // Both fit: checked just above (start < end for a stream, 0 for a lump).
        record.amount = uint88(amount);
        record.start = uint32(start);
        record.end = uint32(end);
        record.kind = params.kind;
        record.state = state;
        emit MilestoneAdded(
            escrowId,
            index,
            params.kind,
            amount,
            params.deadline,
            params.start,
            params.end,
            state == MilestoneState.Funded
        );
    }

    /// @dev A milestone's stored times, checked against the module's clock `time`: (0, deadline)
    /// for a lump, (start, end) for a stream.
    function _checkTimes(
        uint256 index,
        MilestoneParams calldata params,
        uint256 time
    ) private pure returns (uint40, uint40) {
        if (params.kind == MilestoneKind.Lump) {
            if (params.start != 0 || params.end != 0) revert EscrowTimesNotForKind(index, MilestoneKind.Lump);
            if (params.deadline <= time) revert EscrowDeadlineInPast(index, params.deadline);
            return (0, params.deadline);
        }
        if (params.deadline != 0) revert EscrowTimesNotForKind(index, MilestoneKind.Streaming);
        if (params.start >= params.end || params.end <= time) {
            revert EscrowInvalidStream(index, params.start, params.end);
        }
        // A stream may start a little before its creation (the transaction's wait), not more.
        uint256 earliest = time > STREAM_START_TOLERANCE ? time - STREAM_START_TOLERANCE : 0;
        if (params.start < earliest) revert EscrowStreamStartTooEarly(index, params.start, earliest);
        return (params.start, params.end);
    }

    /* INTERNAL: MILESTONES */

    function _escrow(uint256 escrowId) private view returns (EscrowRecord storage escrow) {
        escrow = _escrowStorage().escrows[escrowId];
        if (escrow.milestoneCount == 0) revert EscrowUnknownEscrow(escrowId);
    }

    function _milestone(
        EscrowRecord storage escrow,
        uint256 escrowId,
        uint256 index
    ) private view returns (MilestoneRecord storage) {
        if (index >= escrow.milestoneCount) revert EscrowUnknownMilestone(escrowId, index);
        return _escrowStorage().milestones[escrowId][index];
    }

    function _lumpMilestone(
        EscrowRecord storage escrow,
        uint256 escrowId,
        uint256 index
    ) private view returns (MilestoneRecord storage milestone) {
        milestone = _milestone(escrow, escrowId, index);
        if (milestone.kind != MilestoneKind.Lump) revert EscrowWrongKind(escrowId, index, MilestoneKind.Streaming);
    }

    /// @dev A lump milestone that approval may release: funded, submitted or not.
    function _releasableMilestone(
        EscrowRecord storage escrow,
        uint256 escrowId,
        uint256 index
    ) private view returns (MilestoneRecord storage milestone) {
        milestone = _lumpMilestone(escrow, escrowId, index);
        MilestoneState state = milestone.state;
        if (state != MilestoneState.Funded && state != MilestoneState.Submitted) {
            _revertForState(escrowId, index, milestone);
        }
    }

    /// @dev Ends a funded stream now (see {cancelStream}): pays the contributor's part up to what
    /// has vested (fee accrued), and leaves the rest to the funder (ended by the contributor,
    /// `rest` to send) or to the contributor's review (cancelled by the funder). Returns the
    /// contributor's net payout, what vested in all and the unvested rest.
    function _endStream(
        EscrowRecord storage escrow,
        MilestoneRecord storage milestone,
        uint256 escrowId,
        uint256 index,
        bool byFunder
    ) private returns (uint256 amount, uint256 vested, uint256 rest) {
        uint256 time = _moduleTime();
        uint256 releasedBefore = milestone.released;
        // `releasedBefore <= vested <= amount`: claims never run ahead of the stream.
        vested = StreamMath.streamed(milestone.amount, milestone.start, milestone.end, time);
        rest = milestone.amount - vested;
        uint256 fee;
        if (vested > releasedBefore) (amount, fee) = _takeFee(escrow, escrow.token, releasedBefore, vested);
        // vested <= amount < 2^88.
        milestone.released = uint88(vested);
        uint256 disputableUntil;
        if (rest == 0) {
            milestone.state = MilestoneState.Released;
        } else if (byFunder) {
            // The contributor has the review window to dispute the rest; the funder reclaims it after.
            milestone.state = MilestoneState.Cancelled;
            milestone.submittedAt = uint40(time);
            disputableUntil = time + escrow.reviewWindow;
        } else {
            // The contributor gave the rest up: it goes back to the funder now.
            milestone.state = MilestoneState.Reclaimed;
        }
        emit StreamCancelled(escrowId, index, msg.sender, amount, fee, vested, rest, disputableUntil);
        if (rest != 0 && !byFunder) emit MilestoneReclaimed(escrowId, index, escrow.funder, rest);
    }

    /// @dev Moves a funded stream's claimed total up to what has vested now (marking the stream
    /// Released when that is all of it) and returns the totals before and after. Reverts before
    /// the start and when nothing new has vested.
    function _vest(
        MilestoneRecord storage milestone,
        uint256 escrowId,
        uint256 index
    ) private returns (uint256 releasedBefore, uint256 released) {
        uint256 start = milestone.start;
        uint256 time = _moduleTime();
        if (time <= start) revert EscrowStreamNotStarted(escrowId, index, start);
        uint256 total = milestone.amount;
        releasedBefore = milestone.released;
        uint256 gross = StreamMath.claimable(total, start, milestone.end, time, releasedBefore);
        if (gross == 0) revert EscrowNothingToClaim(escrowId, index);
        // releasedBefore + gross <= total < 2^88: claimable never exceeds what is left of the stream.
        released = releasedBefore + gross;
        milestone.released = uint88(released);
        if (released == total) milestone.state = MilestoneState.Released;
    }

    /// @dev Reverts with the error that says why a milestone in its current state cannot take the
    /// action asked for.
    function _revertForState(uint256 escrowId, uint256 index, MilestoneRecord storage milestone) private view {
        MilestoneState state = milestone.state;
        if (state == MilestoneState.Unfunded) revert EscrowMilestoneNotFunded(escrowId, index);
        if (state == MilestoneState.Funded) revert EscrowMilestoneNotSubmitted(escrowId, index, state);
        if (state == MilestoneState.Submitted) revert EscrowMilestoneAlreadySubmitted(escrowId, index);
        if (state == MilestoneState.Released) revert EscrowMilestoneAlreadyReleased(escrowId, index);
        if (state == MilestoneState.Disputed) {
            revert EscrowMilestoneAlreadyDisputed(escrowId, index, milestone.disputeId);
        }
        revert EscrowMilestoneClosed(escrowId, index, state);
    }

    /// @dev {_revertForState} for a stream asked to be disputed or reclaimed: a running one says so.
    function _revertForStreamState(uint256 escrowId, uint256 index, MilestoneRecord storage milestone) private view {
        if (milestone.state == MilestoneState.Funded) revert EscrowStreamRunning(escrowId, index);
        _revertForState(escrowId, index, milestone);
    }

    /// @dev Checks that `uid` is a live milestone verification by `verifier`, made after the escrow's
    /// creation at `createdAt`, approving milestone `index` of `escrowId` of this contract on this chain.
    function _checkVerification(
        bytes32 uid,
        address verifier,
        uint256 escrowId,
        uint256 index,
        uint256 createdAt
    ) private view {
        Attestation memory attestation = _EAS.getAttestation(uid);
        if (
            attestation.uid == bytes32(0) ||
            attestation.schema != MILESTONE_VERIFICATION_SCHEMA ||
            attestation.revocationTime != 0 ||
            (attestation.expirationTime != 0 && attestation.expirationTime <= block.timestamp)
        ) revert EscrowInvalidAttestation(uid);
        if (attestation.attester != verifier) revert EscrowAttesterNotVerifier(uid, attestation.attester, verifier);
        if (attestation.time <= createdAt) revert EscrowAttestationBeforeEscrow(uid, attestation.time, createdAt);
        // EAS data is the schema's fields as a flat parameter list, but EAS does not check it against
        // the schema: data too short for (uint256, address, uint256, uint256, bool, string) is
        // refused by name, and only the five head words are read (the evidence URI is never
        // needed), so no data the verifier attested can make the decoder revert without a reason.
        // An `approved` word other than 1 is not an approval.
        bytes memory data = attestation.data;
        if (data.length < 0xe0) revert EscrowInvalidAttestation(uid);
        (
            uint256 attestedChainId,
            uint256 attestedEscrow,
            uint256 attestedEscrowId,
            uint256 attestedIndex,
            uint256 approved
        ) = abi.decode(data, (uint256, uint256, uint256, uint256, uint256));
        if (attestedChainId != block.chainid || attestedEscrow != uint256(uint160(address(this)))) {
            // A word above 160 bits names no contract: shown truncated, refused all the same.
            revert EscrowAttestationWrongEscrowContract(uid, attestedChainId, address(uint160(attestedEscrow)));
        }
        if (attestedEscrowId != escrowId || attestedIndex != index) {
            revert EscrowAttestationMismatch(uid, attestedEscrowId, attestedIndex);
        }
        if (approved != 1) revert EscrowAttestationNotApproving(uid);
    }

    /* INTERNAL: MONEY */

    /// @dev Releases a whole lump milestone to the contributor.
    function _release(
        EscrowRecord storage escrow,
        MilestoneRecord storage milestone,
        uint256 escrowId,
        uint256 index,
        ReleaseReason reason,
        bytes32 attestationUID
    ) private {
        milestone.state = MilestoneState.Released;
        address token = escrow.token;
        address contributor = escrow.contributor;
        (uint256 amount, uint256 fee) = _takeFee(escrow, token, 0, milestone.amount);
        emit MilestoneReleased(escrowId, index, msg.sender, reason, attestationUID, contributor, amount, fee);
        _recordContribution(escrow, escrowId, index, amount, MILESTONE_POINTS, attestationUID);
        _send(token, contributor, amount);
    }

    /// @dev Splits a disputed milestone as the final ruling says and credits both sides: neither
    /// party's receiver can block a ruling.
    function _resolve(
        EscrowRecord storage escrow,
        MilestoneRecord storage milestone,
        uint256 escrowId,
        uint256 index,
        uint256 disputeId,
        uint256 shareToClaimant
    ) private {
        uint256 releasedBefore = milestone.released;
        (uint256 toContributor, uint256 toFunder) = _rulingSplit(milestone, releasedBefore, shareToClaimant);

        milestone.state = MilestoneState.Resolved;
        uint256 releasedAfter = releasedBefore + toContributor;
        // releasedAfter <= amount < 2^88.
        milestone.released = uint88(releasedAfter);
        address token = escrow.token;
        (uint256 net, uint256 fee) = _takeFee(escrow, token, releasedBefore, releasedAfter);
        emit MilestoneResolved(escrowId, index, disputeId, shareToClaimant, net, fee, toFunder);
        if (net != 0) _credit(escrow.contributor, token, net);
        if (toFunder != 0) _credit(escrow.funder, token, toFunder);
        if (net != 0) {
            uint256 points = StreamMath.pointsFor(MILESTONE_POINTS, milestone.amount, releasedBefore, releasedAfter);
            _recordContribution(escrow, escrowId, index, net, points, bytes32(0));
        }
    }

    /// @dev How a ruling giving the claimant `shareToClaimant` splits what the escrow still holds of
    /// a disputed milestone (a lump's amount, a cancelled stream's unvested rest: its vested part,
    /// `released`, was paid at the cancellation) between the contributor and the funder.
    function _rulingSplit(
        MilestoneRecord storage milestone,
        uint256 released,
        uint256 shareToClaimant
    ) private view returns (uint256 toContributor, uint256 toFunder) {
        (uint256 toClaimant, uint256 toRespondent) = StreamMath.split(milestone.amount - released, shareToClaimant);
        return milestone.disputedByFunder ? (toRespondent, toClaimant) : (toClaimant, toRespondent);
    }

    /// @dev The contributor's part and the protocol fee of a payout that takes what the contributor
    /// was paid of a milestone from `paidBefore` to `paidAfter` (gross), accruing the fee. The fee
    /// is that of the running total minus that of what was paid before, so the fees of a stream's
    /// claims add up to exactly the fee of its whole amount, however it is claimed.
    function _takeFee(
        EscrowRecord storage escrow,
        address token,
        uint256 paidBefore,
        uint256 paidAfter
    ) private returns (uint256 net, uint256 fee) {
        uint256 feeBps = escrow.feeBps;
        fee = StreamMath.fee(paidAfter, feeBps) - StreamMath.fee(paidBefore, feeBps);
        if (fee != 0) _escrowStorage().fees[token] += fee;
        // fee <= ceil(gross * 5%) <= gross for a non-zero gross (the fee rate is at most 5%).
        unchecked {
            net = paidAfter - paidBefore - fee;
        }
    }

    /// @dev Records a payout of `amount` to the contributor in the ledger, with `points` when the
    /// deal earns reputation (see {_earnsReputation}) and none otherwise. A refusal (ledger paused,
    /// sovereign suspended, escrow not a recorder) is reported and never blocks the payout. The
    /// payout's transfer comes after this call, so a caller cannot starve the ledger of gas and
    /// still complete the transaction.
    function _recordContribution(
        EscrowRecord storage escrow,
        uint256 escrowId,
        uint256 index,
        uint256 amount,
        uint256 points,
        bytes32 evidence
    ) private {
        address[] memory accounts = new address[](1);
        accounts[0] = escrow.contributor;
        uint32[] memory weights = new uint32[](1);
        weights[0] = 1;
        uint64 missionId = escrow.missionId;
        if (points != 0 && !_earnsReputation(escrow, missionId)) points = 0;
        uint64 sovereignId = escrow.sovereignId;
        if (sovereignId == 0) {
            // First payout: the ledger reads this mission right after, so the lookup warms it.
            sovereignId = _REGISTRY.getMission(missionId).sovereignId;
            escrow.sovereignId = sovereignId;
        }
        IContributionLedger.Outcome memory outcome = IContributionLedger.Outcome({
            sovereignId: sovereignId,
            missionId: missionId,
            kind: MILESTONE_KIND,
            token: escrow.token,
            amount: amount,
            points: points,
            evidence: evidence
        });
        try _LEDGER.recordContribution(outcome, accounts, weights) returns (uint256) {
            // Recorded: the ledger's events carry the outcome.
            return;
        } catch {
            emit EscrowContributionNotRecorded(escrowId, index, amount);
        }
    }

    /// @dev Whether the deal's payouts earn reputation: the mission's own deal (endorsed — created
    /// or endorsed by a mission manager — or funded by a manager of the mission) and a contributor
    /// who is a member of the sovereign the deal names for it.
    function _earnsReputation(EscrowRecord storage escrow, uint64 missionId) private view returns (bool) {
        uint64 contributorSovereign = escrow.contributorSovereign;
        if (contributorSovereign == 0 || !_REGISTRY.isMember(contributorSovereign, escrow.contributor)) return false;
        return escrow.flags & _ENDORSED != 0 || _REGISTRY.isMissionManager(missionId, escrow.funder);
    }

    /// @dev Takes `amount` of `token` from the caller: exactly `amount` wei with the call for ETH;
    /// for an ERC-20 no wei, and a balance increase of exactly `amount` (fee-on-transfer tokens
    /// are refused).
    function _pull(address token, uint256 amount) private {
        if (token == address(0)) {
            if (msg.value != amount) revert EscrowWrongValue(amount, msg.value);
            return;
        }
        if (msg.value != 0) revert EscrowWrongValue(0, msg.value);
        IERC20 erc20 = IERC20(token);
        uint256 before = erc20.balanceOf(address(this));
        erc20.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = erc20.balanceOf(address(this)) - before;
        if (received != amount) revert EscrowTokenShortfall(token, amount, received);
    }

    /// @dev Pays `to`, or credits it when the payment fails (a reverting receiver, a blocklisted
    /// address, a token that returns false), so that no payee can block the action paying it.
    function _send(address token, address to, uint256 amount) private {
        bool paid =
            token == address(0) ? LowLevelCall.callNoReturn(to, amount, "") : IERC20(token).trySafeTransfer(to, amount);
        if (!paid) _credit(to, token, amount);
    }

    function _credit(address account, address token, uint256 amount) private {
        _escrowStorage().pending[account][token] += amount;
        emit PaymentDeferred(account, token, amount);
    }

    /// @dev Pays `to` or reverts (withdrawals and fees, where the caller chose the recipient).
    function _transferOut(address token, address to, uint256 amount) private {
        if (token == address(0)) Address.sendValue(payable(to), amount);
        else IERC20(token).safeTransfer(to, amount);
    }

    function _escrowStorage() private pure returns (EscrowStorage storage $) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            // The ERC-7201 slot of this module's namespace.
            $.slot := _ESCROW_STORAGE
        }
    }
}
