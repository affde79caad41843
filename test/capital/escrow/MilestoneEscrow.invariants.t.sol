// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation} from "@ethereum-attestation-service/eas-contracts/contracts/Common.sol";

import {IAtlasModule} from "../../../contracts/governance/IAtlasModule.sol";
import {IMilestoneEscrow} from "../../../contracts/capital/IMilestoneEscrow.sol";
import {MilestoneEscrow} from "../../../contracts/capital/MilestoneEscrow.sol";
import {ContributionLedger} from "../../../contracts/graph/ContributionLedger.sol";
import {ISovereignRegistry} from "../../../contracts/graph/ISovereignRegistry.sol";
import {SovereignRegistry} from "../../../contracts/graph/SovereignRegistry.sol";
import {Arbitration} from "../../../contracts/interstate/Arbitration.sol";
import {IArbitration} from "../../../contracts/interstate/IArbitration.sol";
import {MockEAS} from "../../graph/mocks/MockEAS.sol";
import {CapitalFixture} from "../utils/CapitalFixture.sol";
import {RevertingReceiver} from "../../mocks/tokens/Receivers.sol";
import {MockToken} from "../../mocks/tokens/WeirdTokens.sol";
import {Test} from "../../utils/Test.sol";

/// @dev Who the handler acts as, besides the parties.
struct Officials {
    address governance;
    address guardian;
    address manager;
    address verifier;
    address arbiter;
    address arbiter2;
}

/// @title MilestoneEscrowHandler
/// @notice Drives the escrow and Arbitration at random: creates escrows (ETH or token, funded
/// now or later, by the funder or, unfunded, by the mission's manager, naming the parties'
/// sovereigns or not, lump and streaming milestones, streams that started up to the tolerance
/// ago), the contributor accepts, the manager endorses, funds, submits, approves (by the funder or
/// a verifier's attestation), releases optimistically, claims streams, cancels them (either
/// party), reclaims after deadlines and after a cancelled stream's review window, disputes (lumps,
/// and the rest of cancelled streams), draws arbiters (of a recognized sovereign or fallback),
/// rules, appeals, finalizes, withdraws credits, collects fees, changes the fee; the guardian
/// pauses (after its cooldown), governance extends pauses, sets their longest duration and names
/// the guardian again, pauses run out, and time moves. Every time the escrow decides on is read
/// on its module clock. Every action checks its preconditions first and does nothing when they do
/// not hold, so no call reverts. The ghost ledger counts what came into the escrow and what left
/// it, per token, and the seconds the escrow spent paused. Governance's unpause and a pause after
/// one ran out by itself are actions too (this handler found that AtlasModule once refused both).
contract MilestoneEscrowHandler is Test {
    uint64 public constant NORTH = 1;
    uint64 public constant SOUTH = 2;
    uint64 public constant WEST = 3;
    address public constant FALLBACK_ARBITER = address(0xFA11);
    address public constant FALLBACK_ARBITER_2 = address(0xFA12);
    /// @notice Where parties withdraw their credits to.
    address public constant WITHDRAWALS = address(0x5111C);
    uint256 private constant _SHARE_SCALE = 1e6;

    MilestoneEscrow public escrow;
    Arbitration public arbitration;
    MockEAS public eas;
    MockToken public token;
    uint64 public missionId;
    Officials private _officials;
    address[4] private _parties;

    /* GHOST LEDGER */

    mapping(address token => uint256 amount) public ghostFunded;
    mapping(address token => uint256 amount) public ghostPaidOut;
    /// @notice Seconds the escrow spent paused, counted by the handler as time moves.
    uint256 public ghostPausedSeconds;
    /// @notice A pause was started and not lifted by governance (it may have run out since).
    bool public ghostPauseStarted;
    /// @notice When the started pause ends by itself.
    uint256 public ghostPauseEndsAt;
    /// @notice When each escrow was created (wall clock): verifications must come later.
    mapping(uint256 escrowId => uint256 time) public createdAt;
    uint256[] private _disputes;
    uint256 private _nonce;
    mapping(bytes32 action => uint256 count) public calls;

    constructor(
        MilestoneEscrow escrow_,
        Arbitration arbitration_,
        MockEAS eas_,
        MockToken token_,
        uint64 missionId_,
        address[4] memory parties_,
        Officials memory officials_
    ) {
        escrow = escrow_;
        arbitration = arbitration_;
        eas = eas_;
        token = token_;
        missionId = missionId_;
        _parties = parties_;
        _officials = officials_;
        for (uint256 i = 0; i < 2; ++i) {
            vm.prank(parties_[i]);
            token_.approve(address(escrow_), type(uint256).max);
        }
    }

    /// @notice Funders are parties 0 and 1, contributors parties 2 and 3. Party 3 is paid only by
    /// deals no manager made or endorsed, and refuses ETH (its ETH payouts are credited).
    function party(uint256 i) external view returns (address) {
        return _parties[i];
    }

    /* ACTIONS: ESCROWS */

    function create(uint256 seed, uint256 count, bool fundNow, bool useEth, uint32 reviewWindow) external {
        if (escrow.paused()) return;
        count = bound(count, 1, 3);
        // One deal in four is created, unfunded, by the mission's manager (endorsed), for party 2.
        bool byManager = (seed >> 3) % 4 == 0;
        if (byManager) fundNow = false;
        address funder = _parties[seed % 2];
        address tokenAddress = useEth ? address(0) : address(token);
        (IMilestoneEscrow.MilestoneParams[] memory milestones, uint256 total) = _milestones(seed, count);
        IMilestoneEscrow.EscrowParams memory params = IMilestoneEscrow.EscrowParams({
            missionId: missionId,
            funder: funder,
            contributor: byManager ? _parties[2] : _parties[2 + ((seed >> 1) % 2)],
            token: tokenAddress,
            verifier: _officials.verifier,
            arbiter: address(0),
            funderSovereign: (seed >> 5) % 3 == 0 ? 0 : NORTH,
            contributorSovereign: (seed >> 7) % 3 == 0 ? 0 : SOUTH,
            reviewWindow: uint32(bound(reviewWindow, 1 hours, 3 days)),
            fund: fundNow
        });
        uint256 value;
        if (fundNow) {
            value = _provide(funder, tokenAddress, total);
            ghostFunded[tokenAddress] += total;
        }
        vm.prank(byManager ? _officials.manager : funder);
        uint256 escrowId = escrow.createEscrow{value: value}(params, milestones);
        createdAt[escrowId] = block.timestamp;
        ++calls["create"];
        // Most contributors accept the terms at once; the others may later (accept).
        if ((seed >> 9) % 4 != 0) {
            vm.prank(params.contributor);
            escrow.acceptEscrow(escrowId);
        }
    }

    function accept(uint256 escrowSeed) external {
        (bool found, uint256 escrowId, , IMilestoneEscrow.Escrow memory e, ) = _pick(escrowSeed, 0);
        if (!found || e.accepted || escrow.paused()) return;
        vm.prank(e.contributor);
        escrow.acceptEscrow(escrowId);
        ++calls["accept"];
    }

    function endorse(uint256 escrowSeed) external {
        (bool found, uint256 escrowId, , IMilestoneEscrow.Escrow memory e, ) = _pick(escrowSeed, 0);
        if (!found || e.endorsed || e.contributor == _parties[3] || escrow.paused()) return;
        vm.prank(_officials.manager);
        escrow.endorseEscrow(escrowId);
        ++calls["endorse"];
    }

    function fund(uint256 escrowSeed, uint256 indexSeed) external {
        (
            bool found,
            uint256 escrowId,
            uint256 index,
            IMilestoneEscrow.Escrow memory e,
            IMilestoneEscrow.Milestone memory m
        ) = _pick(escrowSeed, indexSeed);
        if (!found || m.state != IMilestoneEscrow.MilestoneState.Unfunded || escrow.paused()) return;
        if (_isLump(m) && _moduleTime() > m.deadline) return;
        uint256 value = _provide(e.funder, e.token, m.amount);
        ghostFunded[e.token] += m.amount;
        vm.prank(e.funder);
        escrow.fundMilestone{value: value}(escrowId, index);
        ++calls["fund"];
    }

    function submit(uint256 escrowSeed, uint256 indexSeed) external {
        (
            bool found,
            uint256 escrowId,
            uint256 index,
            IMilestoneEscrow.Escrow memory e,
            IMilestoneEscrow.Milestone memory m
        ) = _pick(escrowSeed, indexSeed);
        if (!found || !_isLump(m) || m.state != IMilestoneEscrow.MilestoneState.Funded) return;
        if (!e.accepted || escrow.paused() || _moduleTime() > m.deadline) return;
        vm.prank(e.contributor);
        escrow.submitMilestone(escrowId, index, "ipfs://work", keccak256("work"));
        ++calls["submit"];
    }

    function approve(uint256 escrowSeed, uint256 indexSeed, bool byAttestation) external {
        (
            bool found,
            uint256 escrowId,
            uint256 index,
            IMilestoneEscrow.Escrow memory e,
            IMilestoneEscrow.Milestone memory m
        ) = _pick(escrowSeed, indexSeed);
        if (!found || !_isLump(m) || escrow.paused()) return;
        bool submitted = m.state == IMilestoneEscrow.MilestoneState.Submitted;
        if (m.state != IMilestoneEscrow.MilestoneState.Funded && !submitted) return;
        uint256 before = _held(e.token);
        if (byAttestation) {
            // Made after the escrow (a later second), and for a lump never submitted, by its deadline.
            if (block.timestamp <= createdAt[escrowId]) return;
            if (!submitted && _moduleTime() > m.deadline) return;
            bytes32 uid = _attest(escrowId, index, e.contributor);
            escrow.approveWithAttestation(escrowId, index, uid);
            ++calls["approveWithAttestation"];
        } else {
            vm.prank(e.funder);
            escrow.approveMilestone(escrowId, index);
            ++calls["approveMilestone"];
        }
        ghostPaidOut[e.token] += before - _held(e.token);
    }

    function releaseOptimistic(uint256 escrowSeed, uint256 indexSeed) external {
        (
            bool found,
            uint256 escrowId,
            uint256 index,
            IMilestoneEscrow.Escrow memory e,
            IMilestoneEscrow.Milestone memory m
        ) = _pick(escrowSeed, indexSeed);
        if (!found || !_isLump(m) || m.state != IMilestoneEscrow.MilestoneState.Submitted) return;
        if (escrow.paused() || _moduleTime() < uint256(m.submittedAt) + e.reviewWindow) return;
        uint256 before = _held(e.token);
        vm.prank(e.contributor);
        escrow.releaseOptimistic(escrowId, index);
        ghostPaidOut[e.token] += before - _held(e.token);
        ++calls["releaseOptimistic"];
    }

    function claim(uint256 escrowSeed, uint256 indexSeed) external {
        (
            bool found,
            uint256 escrowId,
            uint256 index,
            IMilestoneEscrow.Escrow memory e,
            IMilestoneEscrow.Milestone memory m
        ) = _pick(escrowSeed, indexSeed);
        if (!found || _isLump(m) || m.state != IMilestoneEscrow.MilestoneState.Funded || escrow.paused()) return;
        if (_moduleTime() <= m.start || escrow.claimable(escrowId, index) == 0) return;
        uint256 before = _held(e.token);
        vm.prank(e.contributor);
        escrow.claim(escrowId, index);
        ghostPaidOut[e.token] += before - _held(e.token);
        ++calls["claim"];
    }

    function cancelStream(uint256 escrowSeed, uint256 indexSeed, bool byFunder) external {
        (
            bool found,
            uint256 escrowId,
            uint256 index,
            IMilestoneEscrow.Escrow memory e,
            IMilestoneEscrow.Milestone memory m
        ) = _pick(escrowSeed, indexSeed);
        if (!found || _isLump(m) || m.state != IMilestoneEscrow.MilestoneState.Funded || escrow.paused()) return;
        uint256 before = _held(e.token);
        vm.prank(byFunder ? e.funder : e.contributor);
        escrow.cancelStream(escrowId, index);
        ghostPaidOut[e.token] += before - _held(e.token);
        ++calls[byFunder ? bytes32("cancelStream by funder") : bytes32("cancelStream by contributor")];
    }

    function reclaim(uint256 escrowSeed, uint256 indexSeed) external {
        (
            bool found,
            uint256 escrowId,
            uint256 index,
            IMilestoneEscrow.Escrow memory e,
            IMilestoneEscrow.Milestone memory m
        ) = _pick(escrowSeed, indexSeed);
        if (!found || escrow.paused()) return;
        uint256 time = _moduleTime();
        if (_isLump(m)) {
            if (m.state != IMilestoneEscrow.MilestoneState.Funded || time <= m.deadline) return;
        } else {
            if (m.state != IMilestoneEscrow.MilestoneState.Cancelled) return;
            if (time < uint256(m.submittedAt) + e.reviewWindow) return;
        }
        uint256 before = _held(e.token);
        vm.prank(e.funder);
        escrow.reclaimMilestone(escrowId, index);
        ghostPaidOut[e.token] += before - _held(e.token);
        ++calls[_isLump(m) ? bytes32("reclaim lump") : bytes32("reclaim cancelled stream")];
    }

    function dispute(uint256 escrowSeed, uint256 indexSeed, bool byFunder) external {
        (
            bool found,
            uint256 escrowId,
            uint256 index,
            IMilestoneEscrow.Escrow memory e,
            IMilestoneEscrow.Milestone memory m
        ) = _pick(escrowSeed, indexSeed);
        if (!found || escrow.paused()) return;
        if (_isLump(m)) {
            if (m.state != IMilestoneEscrow.MilestoneState.Submitted) return;
        } else {
            // Only the contributor disputes the rest of a stream its funder cancelled.
            if (m.state != IMilestoneEscrow.MilestoneState.Cancelled) return;
            byFunder = false;
        }
        if (_moduleTime() >= uint256(m.submittedAt) + e.reviewWindow) return;
        vm.prank(byFunder ? e.funder : e.contributor);
        uint256 disputeId = escrow.dispute(escrowId, index, "ipfs://claim", keccak256("claim"));
        // A sovereign's arbiter when both parties name theirs (west recognizes both), else a fallback.
        if (e.funderSovereign != 0 && e.contributorSovereign != 0) {
            arbitration.proposeArbiter(disputeId, _officials.arbiter, WEST);
        } else {
            arbitration.proposeArbiter(disputeId, FALLBACK_ARBITER, 0);
        }
        _disputes.push(disputeId);
        ++calls[_isLump(m) ? bytes32("dispute lump") : bytes32("dispute cancelled stream")];
    }

    /* ACTIONS: ARBITRATION */

    function rule(uint256 disputeSeed, uint256 share) external {
        (bool found, uint256 disputeId, IArbitration.Dispute memory d) = _pickDispute(disputeSeed);
        if (!found || d.status == IArbitration.DisputeStatus.Finalized) return;
        IArbitration.Round memory round = arbitration.getRound(disputeId, d.round);
        if (round.arbiter == address(0) || round.ruled) return;
        // The round is live: round 1 until twice the ruling period after the opening, the appeal
        // until a ruling period after the latest appeal.
        uint256 roundEnd =
            d.round == 1 ? uint256(d.openedAt) + 2 * uint256(d.rulingPeriod) : uint256(d.lastAppealAt) + d.rulingPeriod;
        if (block.timestamp > roundEnd) return;
        vm.prank(round.arbiter);
        arbitration.rule(disputeId, bound(share, 0, _SHARE_SCALE));
        ++calls["rule"];
    }

    function appeal(uint256 disputeSeed, bool byClaimant) external {
        (bool found, uint256 disputeId, IArbitration.Dispute memory d) = _pickDispute(disputeSeed);
        if (!found || d.status != IArbitration.DisputeStatus.Open) return;
        IArbitration.Round memory first = arbitration.getRound(disputeId, 1);
        if (!first.ruled || block.timestamp > uint256(first.ruledAt) + d.appealWindow) return;
        // A party the ruling gave the whole amount has nothing to appeal: the other one appeals.
        if (first.shareToClaimant == _SHARE_SCALE) byClaimant = false;
        else if (first.shareToClaimant == 0) byClaimant = true;
        vm.prank(byClaimant ? d.claimant : d.respondent);
        arbitration.appeal(disputeId);
        // Round 2 needs another arbiter than round 1's, from the same kind of pool.
        if (first.fallbackArbiter) arbitration.proposeArbiter(disputeId, FALLBACK_ARBITER_2, 0);
        else arbitration.proposeArbiter(disputeId, _officials.arbiter2, WEST);
        ++calls["appeal"];
    }

    function finalize(uint256 disputeSeed) external {
        (bool found, uint256 disputeId, IArbitration.Dispute memory d) = _pickDispute(disputeSeed);
        // The escrow takes rulings only while it is not paused (finalize would revert whole).
        if (!found || d.status == IArbitration.DisputeStatus.Finalized || escrow.paused()) return;
        if (block.timestamp < arbitration.finalizableAt(disputeId)) return;
        arbitration.finalize(disputeId);
        ++calls["finalize"];
    }

    /* ACTIONS: MONEY OUT, FEES */

    function withdraw(uint256 seed) external {
        // Works while paused: a credit is a sum already owed. The first credit from `seed` on, among
        // the parties' ETH and token credits, to another address (party 3 refuses ETH).
        for (uint256 k = 0; k < 8; ++k) {
            uint256 pick = ((seed % 8) + k) % 8;
            address account = _parties[pick % 4];
            address tokenAddress = pick < 4 ? address(0) : address(token);
            uint256 amount = escrow.pendingWithdrawal(account, tokenAddress);
            if (amount == 0) continue;
            vm.prank(account);
            escrow.withdraw(tokenAddress, WITHDRAWALS);
            ghostPaidOut[tokenAddress] += amount;
            ++calls[escrow.paused() ? bytes32("withdraw while paused") : bytes32("withdraw")];
            return;
        }
    }

    function collectFees(bool useEth) external {
        address tokenAddress = useEth ? address(0) : address(token);
        uint256 amount = escrow.accruedFees(tokenAddress);
        if (amount == 0 || escrow.paused()) return;
        escrow.collectFees(tokenAddress);
        ghostPaidOut[tokenAddress] += amount;
        ++calls["collectFees"];
    }

    function setProtocolFee(uint256 bps) external {
        vm.prank(_officials.governance);
        escrow.setProtocolFee(uint16(bound(bps, 0, 500)));
        ++calls["setProtocolFee"];
    }

    /* ACTIONS: PAUSE AND TIME */

    function guardianPause(uint256 seed) external {
        // One call in three: a pause holds most actions, so it should not fill the runs.
        if (seed % 3 != 0) return;
        if (escrow.paused()) return;
        IAtlasModule.PauseState memory state = escrow.pauseState();
        if (block.timestamp < state.guardianReadyAt) return;
        vm.prank(_officials.guardian);
        escrow.pause();
        _startGhostPause(block.timestamp + state.maxPauseDuration);
        ++calls["guardianPause"];
    }

    /// @notice The guardian pauses again after its last pause ran out by itself, once its cooldown
    /// passed.
    function pauseAgainAfterExpiry() external {
        if (!ghostPauseStarted || escrow.paused()) return;
        IAtlasModule.PauseState memory state = escrow.pauseState();
        if (block.timestamp < state.guardianReadyAt) return;
        vm.prank(_officials.guardian);
        escrow.pause();
        _startGhostPause(block.timestamp + state.maxPauseDuration);
        ++calls["pauseAgainAfterExpiry"];
    }

    /// @notice Governance lifts the pause.
    function unpause() external {
        if (!escrow.paused()) return;
        vm.prank(_officials.governance);
        escrow.unpause();
        ghostPauseStarted = false;
        ++calls["unpause"];
    }

    function extendPause(uint256 seconds_) external {
        if (!escrow.paused()) return;
        // Moves the end later, or (half the time, within a day) earlier: governance ending the pause.
        uint256 endsAt =
            block.timestamp + (seconds_ % 2 == 0 ? bound(seconds_ >> 1, 1, 1 days) : bound(seconds_ >> 1, 1, 30 days));
        vm.prank(_officials.governance);
        escrow.extendPause(endsAt);
        ghostPauseEndsAt = endsAt;
        ++calls["extendPause"];
    }

    function setMaxPauseDuration(uint256 duration) external {
        vm.prank(_officials.governance);
        escrow.setMaxPauseDuration(uint32(bound(duration, 1 days, 90 days)));
        ++calls["setMaxPauseDuration"];
    }

    function renameGuardian() external {
        // Naming the guardian again resets its cooldown.
        vm.prank(_officials.governance);
        escrow.setGuardian(_officials.guardian);
        ++calls["renameGuardian"];
    }

    function warpPastPause() external {
        // Time runs until the pause ends by itself.
        if (!escrow.paused()) return;
        ghostPausedSeconds += ghostPauseEndsAt - block.timestamp;
        vm.warp(ghostPauseEndsAt);
        ++calls["warpPastPause"];
    }

    function warp(uint256 seconds_) external {
        uint256 from = block.timestamp;
        // Mostly within a review window (at least an hour), sometimes past deadlines and pauses.
        uint256 to = from + (seconds_ % 4 == 0 ? bound(seconds_ >> 2, 1, 20 days) : bound(seconds_ >> 2, 1, 12 hours));
        // The escrow is paused from the pause's start (at or before `from`) until its end.
        if (ghostPauseStarted && from < ghostPauseEndsAt) {
            ghostPausedSeconds += (to < ghostPauseEndsAt ? to : ghostPauseEndsAt) - from;
        }
        vm.warp(to);
        ++calls[escrow.paused() ? bytes32("warp into a pause") : bytes32("warp")];
    }

    /* VIEWS */

    /// @notice Whether the handler expects the escrow paused now.
    function ghostPaused() external view returns (bool) {
        return ghostPauseStarted && block.timestamp < ghostPauseEndsAt;
    }

    /* HELPERS */

    function _startGhostPause(uint256 endsAt) private {
        ghostPauseStarted = true;
        ghostPauseEndsAt = endsAt;
    }

    /// @dev `count` milestones from `seed`, their times on the escrow's clock: lumps due within 5
    /// days, streams starting up to the tolerance ago or within 2 days, lasting up to 10 days
    /// (short, so that a run's few warps reach deadlines, window ends and stream ends).
    function _milestones(
        uint256 seed,
        uint256 count
    ) private view returns (IMilestoneEscrow.MilestoneParams[] memory milestones, uint256 total) {
        uint256 time = _moduleTime();
        milestones = new IMilestoneEscrow.MilestoneParams[](count);
        for (uint256 i = 0; i < count; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            uint128 amount = uint128(bound(r, 1, 1e24));
            total += amount;
            if ((r >> 200) % 2 == 0) {
                uint40 deadline = uint40(time + bound(r >> 100, 1 hours, 5 days));
                milestones[i] = IMilestoneEscrow.MilestoneParams(
                    amount,
                    IMilestoneEscrow.MilestoneKind.Lump,
                    deadline,
                    0,
                    0
                );
            } else {
                uint256 start =
                    (r >> 90) % 3 == 0
                        ? time - bound(r >> 100, 0, escrow.STREAM_START_TOLERANCE())
                        : time + bound(r >> 100, 0, 2 days);
                // At least the tolerance and a second long, so it ends in the future.
                uint256 end = start + bound(r >> 150, 1 hours + 1, 10 days);
                milestones[i] = IMilestoneEscrow.MilestoneParams(
                    amount,
                    IMilestoneEscrow.MilestoneKind.Streaming,
                    0,
                    uint40(start),
                    uint40(end)
                );
            }
        }
    }

    function _moduleTime() private view returns (uint256) {
        return escrow.pauseState().moduleTime;
    }

    function _pick(
        uint256 escrowSeed,
        uint256 indexSeed
    )
        private
        view
        returns (
            bool found,
            uint256 escrowId,
            uint256 index,
            IMilestoneEscrow.Escrow memory e,
            IMilestoneEscrow.Milestone memory m
        )
    {
        uint256 count = escrow.escrowCount();
        if (count == 0) return (false, 0, 0, e, m);
        escrowId = bound(escrowSeed, 1, count);
        e = escrow.getEscrow(escrowId);
        index = bound(indexSeed, 0, e.milestoneCount - 1);
        m = escrow.getMilestone(escrowId, index);
        found = true;
    }

    function _pickDispute(
        uint256 seed
    ) private view returns (bool found, uint256 disputeId, IArbitration.Dispute memory d) {
        if (_disputes.length == 0) return (false, 0, d);
        disputeId = _disputes[seed % _disputes.length];
        d = arbitration.getDispute(disputeId);
        found = true;
    }

    function _isLump(IMilestoneEscrow.Milestone memory m) private pure returns (bool) {
        return m.kind == IMilestoneEscrow.MilestoneKind.Lump;
    }

    /// @dev Gives `funder` `amount` of `tokenAddress` to fund with; returns the ETH to send.
    function _provide(address funder, address tokenAddress, uint256 amount) private returns (uint256 value) {
        if (tokenAddress == address(0)) {
            vm.deal(funder, funder.balance + amount);
            return amount;
        }
        token.mint(funder, amount);
        return 0;
    }

    function _held(address tokenAddress) private view returns (uint256) {
        return tokenAddress == address(0) ? address(escrow).balance : token.balanceOf(address(escrow));
    }

    /// @dev A live, approving milestone verification by the verifier, naming this chain and this
    /// escrow contract, stored in the MockEAS.
    function _attest(uint256 escrowId, uint256 index, address contributor) private returns (bytes32 uid) {
        uid = keccak256(abi.encode("verification", ++_nonce));
        eas.setAttestation(
            Attestation({
                uid: uid,
                schema: escrow.MILESTONE_VERIFICATION_SCHEMA(),
                time: uint64(block.timestamp),
                expirationTime: 0,
                revocationTime: 0,
                refUID: bytes32(0),
                recipient: contributor,
                attester: _officials.verifier,
                revocable: true,
                data: abi.encode(block.chainid, address(escrow), escrowId, index, true, "ipfs://check")
            })
        );
    }
}

/// @title MilestoneEscrowInvariantsTest
/// @notice Conservation of the escrow under random use, pauses, cancellations and appeals: per
/// token (ETH and an ERC-20), what the escrow holds equals what it owes (the unreleased part of
/// every funded, submitted, disputed or cancelled milestone, the credits waiting to be withdrawn
/// and the protocol fees not collected) and equals what the ghost ledger saw come in minus what it
/// saw leave; nothing pays out more than was funded; no milestone pays out more than its amount.
/// The module clock stands still exactly while the escrow is paused. Reputation comes only from
/// the mission's own deals.
contract MilestoneEscrowInvariantsTest is CapitalFixture {
    MilestoneEscrow private escrow;
    ContributionLedger private ledger;
    MockToken private token;
    MilestoneEscrowHandler private handler;

    function setUp() public {
        // A realistic clock: streams may start up to an hour before their creation.
        vm.warp(1_767_225_600);
        address governance = _account("governance");
        address guardian = _account("guardian");
        MockEAS eas;
        SovereignRegistry registry;
        (eas, registry, ledger) = _deployGraph(governance, guardian);
        // A 1-day appeal window and a 2-day ruling period: short, like the handler's deadlines, so
        // that disputes reach their end within a run.
        Arbitration arbitration = _deployArbitration(
            registry,
            governance,
            guardian,
            1 days,
            2 days,
            _fallbackArbiters()
        );
        escrow = _deployWiredEscrow(eas, registry, ledger, arbitration, governance, guardian);

        token = new MockToken();
        handler = _deployHandler(registry, arbitration, eas, governance, guardian);
        vm.label(address(handler), "handler");
        targetContract(address(handler));
    }

    /* INVARIANTS */

    /// hardhat-config: invariant.depth = 128
    function invariant_heldEqualsOwed() public view {
        _checkHeld(address(0), address(escrow).balance, "ETH");
        _checkHeld(address(token), token.balanceOf(address(escrow)), "token");
    }

    /// hardhat-config: invariant.depth = 128
    function invariant_paidNotAboveFunded() public view {
        for (uint256 t = 0; t < 2; ++t) {
            address tokenAddress = t == 0 ? address(0) : address(token);
            assertLe(handler.ghostPaidOut(tokenAddress), handler.ghostFunded(tokenAddress), "paid out vs funded");
        }
    }

    /// hardhat-config: invariant.depth = 128
    function invariant_milestonePaysAtMostItsAmount() public view {
        uint256 count = escrow.escrowCount();
        for (uint256 id = 1; id <= count; ++id) {
            uint256 milestones = escrow.getEscrow(id).milestoneCount;
            for (uint256 i = 0; i < milestones; ++i) {
                IMilestoneEscrow.Milestone memory m = escrow.getMilestone(id, i);
                assertLe(m.released, m.amount, "milestone paid vs its amount");
            }
        }
    }

    /// hardhat-config: invariant.depth = 128
    function invariant_moduleClockStandsStillExactlyWhilePaused() public view {
        IAtlasModule.PauseState memory state = escrow.pauseState();
        assertEq(state.pausedDuration, handler.ghostPausedSeconds(), "seconds paused");
        assertEq(state.moduleTime, block.timestamp - handler.ghostPausedSeconds(), "module time");
        assertTrue(escrow.paused() == handler.ghostPaused(), "paused as the handler expects");
    }

    /// @dev Party 3 is paid only by deals no manager made, endorsed or funded; party 2 earns at
    /// most a milestone's points per milestone of the mission's own deals that pay it.
    /// hardhat-config: invariant.depth = 128
    function invariant_reputationComesOnlyFromTheMissionsOwnDeals() public view {
        assertEq(ledger.reputationOf(handler.NORTH(), handler.party(3)), 0, "reputation of an unendorsed contributor");
        uint256 ownMilestones;
        uint256 count = escrow.escrowCount();
        for (uint256 id = 1; id <= count; ++id) {
            IMilestoneEscrow.Escrow memory e = escrow.getEscrow(id);
            if (e.endorsed && e.contributor == handler.party(2)) ownMilestones += e.milestoneCount;
        }
        assertLe(
            ledger.reputationOf(handler.NORTH(), handler.party(2)),
            ownMilestones * escrow.MILESTONE_POINTS(),
            "reputation vs the mission's own milestones"
        );
    }

    /* HELPERS */

    function _deployHandler(
        SovereignRegistry registry,
        Arbitration arbitration,
        MockEAS eas,
        address governance,
        address guardian
    ) private returns (MilestoneEscrowHandler) {
        address[4] memory parties = [
            _account("funder one"),
            _account("funder two"),
            _account("contributor one"),
            address(new RevertingReceiver())
        ];
        vm.label(parties[3], "contributor two (refuses ETH)");
        Officials memory officials = Officials({
            governance: governance,
            guardian: guardian,
            manager: address(0),
            verifier: _account("verifier"),
            arbiter: address(0),
            arbiter2: address(0)
        });
        uint64 missionId;
        (missionId, officials.manager, officials.arbiter, officials.arbiter2) = _populate(registry, parties);
        return new MilestoneEscrowHandler(escrow, arbitration, eas, token, missionId, parties, officials);
    }

    function _checkHeld(address tokenAddress, uint256 held, string memory label) private view {
        uint256 owed;
        uint256 count = escrow.escrowCount();
        for (uint256 id = 1; id <= count; ++id) {
            IMilestoneEscrow.Escrow memory e = escrow.getEscrow(id);
            if (e.token != tokenAddress) continue;
            for (uint256 i = 0; i < e.milestoneCount; ++i) {
                IMilestoneEscrow.Milestone memory m = escrow.getMilestone(id, i);
                if (
                    m.state == IMilestoneEscrow.MilestoneState.Funded ||
                    m.state == IMilestoneEscrow.MilestoneState.Submitted ||
                    m.state == IMilestoneEscrow.MilestoneState.Disputed ||
                    m.state == IMilestoneEscrow.MilestoneState.Cancelled
                ) owed += m.amount - m.released;
            }
        }
        for (uint256 p = 0; p < 4; ++p) owed += escrow.pendingWithdrawal(handler.party(p), tokenAddress);
        owed += escrow.accruedFees(tokenAddress);
        assertEq(held, owed, string.concat(label, ": held vs unreleased + credits + fees"));
        assertEq(
            held,
            handler.ghostFunded(tokenAddress) - handler.ghostPaidOut(tokenAddress),
            string.concat(label, ": held vs ghost funded - paid out")
        );
    }

    /// @dev North (the mission's and the funders' sovereign, its admin the mission's manager),
    /// south (the contributors'), west (recognized by both, with two arbiters); mission 1 of north.
    function _populate(
        SovereignRegistry registry,
        address[4] memory parties
    ) private returns (uint64 missionId, address northAdmin, address arbiter, address arbiter2) {
        northAdmin = _account("north admin");
        address southAdmin = _account("south admin");
        address westAdmin = _account("west admin");
        vm.prank(northAdmin);
        registry.register("north", METADATA_URI, METADATA_HASH);
        vm.prank(southAdmin);
        registry.register("south", METADATA_URI, METADATA_HASH);
        vm.prank(westAdmin);
        registry.register("west", METADATA_URI, METADATA_HASH);
        vm.startPrank(westAdmin);
        registry.recognize(3, 1);
        registry.recognize(3, 2);
        vm.stopPrank();
        vm.prank(northAdmin);
        registry.recognize(1, 3);
        vm.prank(southAdmin);
        registry.recognize(2, 3);

        for (uint256 i = 0; i < 4; ++i) _join(registry, i < 2 ? northAdmin : southAdmin, i < 2 ? 1 : 2, parties[i]);
        arbiter = _account("arbiter");
        arbiter2 = _account("second arbiter");
        for (uint256 i = 0; i < 2; ++i) {
            address account = i == 0 ? arbiter : arbiter2;
            _join(registry, westAdmin, 3, account);
            vm.prank(westAdmin);
            registry.grantRole(3, account, ISovereignRegistry.Role.Arbiter);
        }
        vm.prank(northAdmin);
        missionId = registry.createMission(1, 0, METADATA_URI, METADATA_HASH);
    }

    function _join(SovereignRegistry registry, address admin, uint64 sovereignId, address account) private {
        vm.prank(admin);
        registry.invite(sovereignId, account);
        vm.prank(account);
        registry.acceptInvitation(sovereignId);
    }
}

/// @dev Two fallback arbiters, as Arbitration requires.
function _fallbackArbiters() pure returns (address[] memory arbiters) {
    arbiters = new address[](2);
    arbiters[0] = address(0xFA11);
    arbiters[1] = address(0xFA12);
}
