// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Arbitration} from "../../contracts/interstate/Arbitration.sol";
import {IArbitration} from "../../contracts/interstate/IArbitration.sol";
import {ISovereignRegistry} from "../../contracts/graph/ISovereignRegistry.sol";
import {SovereignRegistry} from "../../contracts/graph/SovereignRegistry.sol";
import {MockEAS} from "../graph/mocks/MockEAS.sol";
import {CapitalFixture} from "../capital/utils/CapitalFixture.sol";
import {Test} from "../utils/Test.sol";
import {MockArbitrable} from "./mocks/MockArbitrable.sol";

/// @dev The accounts and sovereigns of the invariant test, derived from names so that the test
/// (which deploys and populates the registry) and the handler (which models it) agree.
/// Parties: `north party` administers north (1), `south party` administers south (2). Pool
/// sovereigns west (3) and east (4) are each mutually recognized by north and south; west's
/// Arbiters are `arbiter`, `second arbiter` and `silent arbiter` (never rules), east's is
/// `east arbiter`. Fallback arbiters: `fallback arbiter` and `silent fallback arbiter` (never
/// rules) from the start; governance may add `third fallback arbiter` (or a party).
abstract contract ArbitrationCast is CapitalFixture {
    uint64 internal constant NORTH = 1;
    uint64 internal constant SOUTH = 2;
    uint64 internal constant WEST = 3;
    uint64 internal constant EAST = 4;
    uint32 internal constant APPEAL_WINDOW = 3 days;
    uint32 internal constant RULING_PERIOD = 7 days;

    function _parties() internal returns (address[2] memory) {
        return [_account("north party"), _account("south party")];
    }

    /// @dev Pool arbiters: three of west, one of east.
    function _poolArbiters() internal returns (address[4] memory) {
        return [_account("arbiter"), _account("second arbiter"), _account("silent arbiter"), _account("east arbiter")];
    }

    function _poolSovereignOf(uint256 index) internal pure returns (uint64) {
        return index == 3 ? EAST : WEST;
    }

    function _fallbacks() internal returns (address[3] memory) {
        return [_account("fallback arbiter"), _account("silent fallback arbiter"), _account("third fallback arbiter")];
    }

    function _poolAdmin(uint64 sovereignId) internal returns (address) {
        return sovereignId == WEST ? _account("west admin") : _account("east admin");
    }
}

/// @title ArbitrationHandler
/// @notice Drives Arbitration with random actions and checks every call against the rules of
/// IArbitration, as an independent model of each dispute and of the pool: open (drawn, named or
/// refused arbiter; with or without the parties' sovereigns), draw (by either party or a keeper:
/// pool arbiters, fallback arbiters, ineligible accounts; a draw may be a veto or a replacement),
/// rule (the silent arbiters never do), appeals by either party (cross-appeals included),
/// finalize, governance's period and fallback-arbiter changes, recognition revocations and
/// re-establishments by the parties' sovereigns, a party becoming admin of a pool sovereign,
/// role revocations, sovereign suspension and reactivation, pauses (by the guardian, with its
/// cooldown, or by governance; extended, lifted, or ending by themselves), a refusing arbitrable,
/// and time warps (random, or to the edges the rules name). The handler predicts whether each
/// Arbitration call succeeds, makes it, and asserts the contract agreed; it then applies the
/// rules' effect to its model, which the invariants compare with the contract's records.
/// @dev Calls of the pause module (AtlasModule, shared by every module and tested with it) are
/// predicted the same way, but a disagreement is counted (`ghostPauseDisagreements`) and the model
/// follows the contract, so that a fault there fails `invariant_pausesFollowTheRules` without
/// masking what the other invariants say about Arbitration.
contract ArbitrationHandler is ArbitrationCast {
    struct DisputeModel {
        address claimant;
        address respondent;
        uint64 claimantSovereign;
        uint64 respondentSovereign;
        uint256 openedAt;
        uint256 appealWindow;
        uint256 rulingPeriod;
        uint8 round;
        bool finalized;
        uint8 appellants;
        address mover;
        uint256 appealedAt;
        uint256 lastAppealAt;
    }

    /// @dev Which disputes an action prefers (see {_is}).
    enum Want {
        Live,
        InPlay,
        Unruled,
        Appealable
    }

    struct RoundModel {
        address arbiter;
        uint64 sovereignId;
        bool fallbackArbiter;
        address drawer;
        uint256 assignedAt;
        bool ruled;
        uint256 share;
        uint256 ruledAt;
    }

    uint256 private constant SCALE = 1e6;
    /// @dev At most this many live disputes (and this many in all), to keep the invariants cheap.
    uint256 private constant MAX_LIVE_DISPUTES = 4;
    uint256 private constant MAX_DISPUTES = 24;

    Arbitration public arbitration;
    MockArbitrable public arbitrable;
    SovereignRegistry public registry;
    address public governance;
    address public guardian;
    address public keeper;
    address public stranger;
    address public named;
    address[2] private _party;
    address[4] private _pool;
    address[3] private _fallback;

    uint256[] private _disputes;
    mapping(uint256 disputeId => DisputeModel) private _model;
    mapping(uint256 disputeId => RoundModel[2]) private _rounds;

    // The pool, as the handler's own actions left it.
    mapping(uint64 sovereignId => bool) private _suspended;
    mapping(uint64 partySovereign => mapping(uint64 poolSovereign => bool)) private _mutual;
    mapping(address arbiter => bool) private _roleHeld;
    mapping(address party => mapping(uint64 poolSovereign => bool)) private _adminOf;
    mapping(address account => bool) private _isFallback;
    uint256 private _fallbackCount;
    uint256 private _appealWindow;
    uint256 private _rulingPeriod;
    bool private _refusing;

    // The pause, as the rules of IAtlasModule say it stands.
    bool private _pauseFlag;
    uint256 private _pauseEndsAt;
    uint256 private _guardianReadyAt;
    uint256 private _maxPause;

    /// @dev The share each finalized dispute had to deliver, by the rules.
    mapping(uint256 disputeId => uint256 share) public ghostExpectedShare;
    uint256 public ghostFinalized;
    uint256 public ghostVetoes;
    uint256 public ghostCrossAppeals;
    uint256 public ghostPauseDisagreements;
    mapping(bytes32 action => uint256 count) public calls;

    constructor(
        Arbitration arbitration_,
        MockArbitrable arbitrable_,
        SovereignRegistry registry_,
        address governance_,
        address guardian_
    ) {
        arbitration = arbitration_;
        arbitrable = arbitrable_;
        registry = registry_;
        governance = governance_;
        guardian = guardian_;
        keeper = _account("keeper");
        stranger = _account("stranger");
        named = _account("named arbiter");
        _party = _parties();
        _pool = _poolArbiters();
        _fallback = _fallbacks();
        for (uint256 i; i < 2; ++i) {
            uint64 partySovereign = i == 0 ? NORTH : SOUTH;
            _mutual[partySovereign][WEST] = true;
            _mutual[partySovereign][EAST] = true;
        }
        for (uint256 i; i < _pool.length; ++i) _roleHeld[_pool[i]] = true;
        _isFallback[_fallback[0]] = true;
        _isFallback[_fallback[1]] = true;
        _fallbackCount = 2;
        _appealWindow = APPEAL_WINDOW;
        _rulingPeriod = RULING_PERIOD;
        _maxPause = 14 days;
    }

    /* ARBITRATION */

    function open(uint256 seed) external {
        if (_disputes.length >= MAX_DISPUTES || _liveCount() >= MAX_LIVE_DISPUTES) return;
        IArbitration.DisputeParams memory params = _disputeParams(seed);
        bool expected = params.namedArbiter != params.claimant;
        try arbitrable.open(params) returns (uint256 id) {
            assertTrue(expected, "openDispute succeeded against the rules");
            assertEq(id, _disputes.length + 1, "dispute id");
            _disputes.push(id);
            DisputeModel storage d = _model[id];
            d.claimant = params.claimant;
            d.respondent = params.respondent;
            d.claimantSovereign = params.claimantSovereign;
            d.respondentSovereign = params.respondentSovereign;
            d.openedAt = block.timestamp;
            d.appealWindow = _appealWindow;
            d.rulingPeriod = _rulingPeriod;
            d.round = 1;
            if (params.namedArbiter != address(0)) {
                RoundModel storage first = _rounds[id][0];
                first.arbiter = params.namedArbiter;
                first.drawer = address(arbitrable);
                first.assignedAt = block.timestamp;
            }
        } catch {
            assertTrue(!expected, "openDispute refused against the rules");
        }
        ++calls[expected ? bytes32("open") : bytes32("open (refused)")];
    }

    function propose(uint256 disputeSeed, uint256 proposerSeed, uint256 candidateSeed) external {
        (bool found, uint256 id) = _pick(disputeSeed, Want.InPlay);
        if (!found) return;
        DisputeModel storage d = _model[id];
        address proposer = [d.claimant, d.respondent, keeper][proposerSeed % 3];
        (address arbiter, uint64 sovereignId) = _candidate(d, candidateSeed >> 1);
        // Half the time, the first candidate the rules accept, if any (the pool is often thin).
        if (candidateSeed % 2 == 1) {
            for (uint256 i; i < 16; ++i) {
                (address other, uint64 otherSovereign) = _candidate(d, (candidateSeed >> 1) + i);
                (bool allowed, ) = _mayPropose(id, proposer, other, otherSovereign);
                if (!allowed) continue;
                (arbiter, sovereignId) = (other, otherSovereign);
                break;
            }
        }
        (bool expected, bool veto) = _mayPropose(id, proposer, arbiter, sovereignId);
        vm.prank(proposer);
        try arbitration.proposeArbiter(id, arbiter, sovereignId) {
            assertTrue(expected, "proposeArbiter succeeded against the rules");
            RoundModel storage r = _rounds[id][d.round - 1];
            r.arbiter = arbiter;
            r.sovereignId = sovereignId;
            r.fallbackArbiter = sovereignId == 0;
            r.drawer = proposer;
            r.assignedAt = block.timestamp;
            if (veto) ++ghostVetoes;
        } catch {
            assertTrue(!expected, "proposeArbiter refused against the rules");
        }
        ++calls[expected ? bytes32("propose") : bytes32("propose (refused)")];
    }

    function rule(uint256 disputeSeed, uint256 shareSeed, uint256 callerSeed) external {
        (bool found, uint256 id) = _pick(disputeSeed, Want.Unruled);
        if (!found) return;
        DisputeModel storage d = _model[id];
        RoundModel storage r = _rounds[id][d.round - 1];
        // Now and then someone else tries: round 1's arbiter in round 2, or a keeper.
        address caller = callerSeed % 5 == 0 ? (d.round == 2 ? _rounds[id][0].arbiter : keeper) : r.arbiter;
        if (caller == address(0) || _isSilent(caller)) return;
        uint256 share = _share(shareSeed);
        bool expected =
            !d.finalized &&
                caller == r.arbiter &&
                !r.ruled &&
                block.timestamp <= _roundEnd(d) &&
                _mayRule(d, r) &&
                share <= SCALE;
        vm.prank(caller);
        try arbitration.rule(id, share) {
            assertTrue(expected, "rule succeeded against the rules");
            r.ruled = true;
            r.share = share;
            r.ruledAt = block.timestamp;
        } catch {
            assertTrue(!expected, "rule refused against the rules");
        }
        ++calls[expected ? bytes32("rule") : bytes32("rule (refused)")];
    }

    function appeal(uint256 disputeSeed, uint256 callerSeed) external {
        (bool found, uint256 id) = _pick(disputeSeed, Want.Appealable);
        if (!found) return;
        DisputeModel storage d = _model[id];
        address caller = [d.claimant, d.respondent, stranger][callerSeed % 3];
        uint8 bit =
            caller == d.claimant
                ? 1
                : caller == d.respondent
                    ? 2
                    : 0;
        RoundModel storage first = _rounds[id][0];
        bool expected =
            !d.finalized &&
                bit != 0 &&
                first.ruled &&
                // The whole amount leaves nothing to appeal.
                (bit == 1 ? first.share != SCALE : first.share != 0) &&
                d.appellants & bit == 0 &&
                (
                    d.round == 1
                        ? block.timestamp <= first.ruledAt + d.appealWindow
                        : !_rounds[id][1].ruled && block.timestamp <= _roundEnd(d)
                );
        vm.prank(caller);
        try arbitration.appeal(id) {
            assertTrue(expected, "appeal succeeded against the rules");
            if (d.round == 1) {
                d.round = 2;
                d.appealedAt = block.timestamp;
                d.mover = caller;
            } else {
                ++ghostCrossAppeals;
                if (caller == _disfavoured(d, first.share)) d.mover = caller;
            }
            d.appellants |= bit;
            d.lastAppealAt = block.timestamp;
        } catch {
            assertTrue(!expected, "appeal refused against the rules");
        }
        ++calls[expected ? bytes32("appeal") : bytes32("appeal (refused)")];
    }

    function finalize(uint256 disputeSeed) external {
        (bool found, uint256 id) = _pick(disputeSeed, Want.Live);
        if (!found) return;
        (uint256 readyAt, uint256 share) = finalization(id);
        bool expected = !_model[id].finalized && !pausedAt(block.timestamp) && !_refusing && block.timestamp >= readyAt;
        try arbitration.finalize(id) {
            assertTrue(expected, "finalize succeeded against the rules");
            _model[id].finalized = true;
            ghostExpectedShare[id] = share;
            ++ghostFinalized;
        } catch {
            assertTrue(!expected, "finalize refused against the rules");
        }
        ++calls[expected ? bytes32("finalize") : bytes32("finalize (refused)")];
    }

    /* EVERYTHING ELSE (one entry point per kind, so that the disputes' own actions get most calls) */

    /// @dev Governance of Arbitration (periods, fallback arbiters), or the arbitrable starting or
    /// stopping to refuse rulings (as a paused module does).
    function govern(uint256 kind, uint256 seed, uint256 value) external {
        kind %= 3;
        if (kind == 0) _setPeriods(seed, value);
        else if (kind == 1) _setFallbackArbiter(seed, value % 2 == 0);
        else _toggleRefusing();
    }

    /// @dev A change of the arbiter pool in the registry: one thing breaks, or one is mended
    /// (so that the pool is not left broken for good after a few calls).
    function changePool(uint256 kind, uint256 seed, uint256 value) external {
        kind %= 8;
        if (kind == 0) _toggleSuspension(seed);
        else if (kind == 1) _toggleRecognition(seed, value);
        else if (kind == 2) _toggleRole(seed);
        else if (kind == 3) _togglePartyAdmin(seed, value);
        else _mendPool();
    }

    /// @dev A call of the pause module.
    function changePause(uint256 kind, uint256 seed) external {
        kind %= 6;
        if (kind == 0) _pauseByGuardian();
        else if (kind == 1) _pauseByGovernance();
        else if (kind == 2) _unpause();
        else if (kind == 3) _extendPause(seed);
        else if (kind == 4) _setMaxPauseDuration(seed);
        else _renameGuardian();
    }

    /// @dev Time passes: a little (up to an hour), more (up to a day), or to an edge the rules name.
    function warp(uint256 kind, uint256 seed, uint256 value) external {
        kind %= 3;
        if (kind == 0) _warp(bound(seed, 1, 1 hours));
        else if (kind == 1) _warp(bound(seed, 1 hours, 1 days));
        else _warpToEdge(seed, value);
    }

    /* GOVERNANCE OF ARBITRATION */

    function _setPeriods(uint256 windowSeed, uint256 periodSeed) private {
        uint256 window = bound(windowSeed, 30 minutes, 10 days);
        uint256 period = bound(periodSeed, 30 minutes, 10 days);
        bool expected = window >= 1 hours && period >= 1 hours;
        vm.prank(governance);
        try arbitration.setPeriods(uint32(window), uint32(period)) {
            assertTrue(expected, "setPeriods succeeded against the rules");
            _appealWindow = window;
            _rulingPeriod = period;
        } catch {
            assertTrue(!expected, "setPeriods refused against the rules");
        }
        ++calls[expected ? bytes32("setPeriods") : bytes32("setPeriods (refused)")];
    }

    function _setFallbackArbiter(uint256 candidateSeed, bool allowed) private {
        uint256 pick = candidateSeed % 5;
        address account =
            pick < 3
                ? _fallback[pick]
                : pick == 3
                    ? _party[0]
                    : address(0);
        bool expected = account != address(0) && _isFallback[account] != allowed && (allowed || _fallbackCount > 2);
        vm.prank(governance);
        try arbitration.setFallbackArbiter(account, allowed) {
            assertTrue(expected, "setFallbackArbiter succeeded against the rules");
            _isFallback[account] = allowed;
            if (allowed) ++_fallbackCount;
            else --_fallbackCount;
        } catch {
            assertTrue(!expected, "setFallbackArbiter refused against the rules");
        }
        ++calls[expected ? bytes32("setFallbackArbiter") : bytes32("setFallbackArbiter (refused)")];
    }

    function _toggleRefusing() private {
        _refusing = !_refusing;
        arbitrable.setRefusing(_refusing);
        ++calls["toggleRefusing"];
    }

    /* THE POOL (registry moves; they are set up to succeed) */

    /// @dev Governance suspends or reactivates a pool sovereign.
    function _toggleSuspension(uint256 poolSeed) private {
        uint64 sovereignId = poolSeed % 2 == 0 ? WEST : EAST;
        vm.prank(governance);
        if (_suspended[sovereignId]) registry.reactivateSovereign(sovereignId);
        else registry.suspendSovereign(sovereignId);
        _suspended[sovereignId] = !_suspended[sovereignId];
        ++calls["toggleSuspension"];
    }

    /// @dev A party, admin of its sovereign, revokes its recognition of a pool sovereign, or both
    /// recognize each other again.
    function _toggleRecognition(uint256 partySeed, uint256 poolSeed) private {
        uint256 index = partySeed % 2;
        uint64 partySovereign = index == 0 ? NORTH : SOUTH;
        uint64 poolSovereign = poolSeed % 2 == 0 ? WEST : EAST;
        if (_mutual[partySovereign][poolSovereign]) {
            vm.prank(_party[index]);
            registry.revokeRecognition(partySovereign, poolSovereign);
        } else {
            // A suspended sovereign recognizes nobody.
            if (_suspended[poolSovereign]) return;
            vm.prank(_party[index]);
            registry.recognize(partySovereign, poolSovereign);
            vm.prank(_poolAdmin(poolSovereign));
            registry.recognize(poolSovereign, partySovereign);
        }
        _mutual[partySovereign][poolSovereign] = !_mutual[partySovereign][poolSovereign];
        ++calls["toggleRecognition"];
    }

    /// @dev A pool sovereign's admin revokes or grants back a pool arbiter's Arbiter role.
    function _toggleRole(uint256 arbiterSeed) private {
        uint256 index = arbiterSeed % _pool.length;
        uint64 sovereignId = _poolSovereignOf(index);
        if (_suspended[sovereignId]) return;
        address arbiter = _pool[index];
        vm.prank(_poolAdmin(sovereignId));
        if (_roleHeld[arbiter]) registry.revokeRole(sovereignId, arbiter, ISovereignRegistry.Role.Arbiter);
        else registry.grantRole(sovereignId, arbiter, ISovereignRegistry.Role.Arbiter);
        _roleHeld[arbiter] = !_roleHeld[arbiter];
        ++calls["toggleRole"];
    }

    /// @dev A party becomes, or stops being, an admin of a pool sovereign.
    function _togglePartyAdmin(uint256 partySeed, uint256 poolSeed) private {
        address party = _party[partySeed % 2];
        uint64 sovereignId = poolSeed % 2 == 0 ? WEST : EAST;
        if (_suspended[sovereignId]) return;
        address admin = _poolAdmin(sovereignId);
        if (_adminOf[party][sovereignId]) {
            vm.prank(admin);
            registry.removeAdmin(sovereignId, party);
        } else {
            vm.prank(admin);
            registry.offerAdmin(sovereignId, party, false);
            vm.prank(party);
            registry.acceptAdmin(sovereignId);
        }
        _adminOf[party][sovereignId] = !_adminOf[party][sovereignId];
        ++calls["togglePartyAdmin"];
    }

    /// @dev Undoes the first change to the pool it finds (suspensions first: they block the rest).
    function _mendPool() private {
        for (uint64 pool = WEST; pool <= EAST; ++pool) {
            if (_suspended[pool]) return _toggleSuspension(pool == WEST ? 0 : 1);
        }
        for (uint256 i; i < 2; ++i) {
            for (uint64 pool = WEST; pool <= EAST; ++pool) {
                if (!_mutual[i == 0 ? NORTH : SOUTH][pool]) return _toggleRecognition(i, pool == WEST ? 0 : 1);
                if (_adminOf[_party[i]][pool]) return _togglePartyAdmin(i, pool == WEST ? 0 : 1);
            }
        }
        for (uint256 i; i < _pool.length; ++i) {
            if (!_roleHeld[_pool[i]]) return _toggleRole(i);
        }
    }

    /* PAUSES (AtlasModule) */

    function _pauseByGuardian() private {
        bool expected = !pausedAt(block.timestamp) && block.timestamp >= _guardianReadyAt;
        vm.prank(guardian);
        try arbitration.pause() {
            _checkPause(expected, true);
            _guardianReadyAt = block.timestamp + 2 * _maxPause;
            _pauseStarted();
        } catch {
            _checkPause(expected, false);
        }
        ++calls["pauseByGuardian"];
    }

    function _pauseByGovernance() private {
        bool expected = !pausedAt(block.timestamp);
        vm.prank(governance);
        try arbitration.pause() {
            _checkPause(expected, true);
            _pauseStarted();
        } catch {
            _checkPause(expected, false);
        }
        ++calls["pauseByGovernance"];
    }

    /// @dev Governance's unpause always succeeds: it lifts a running pause, and does nothing when
    /// none runs (a pause that ended by itself stays settled as it was).
    function _unpause() private {
        bool running = pausedAt(block.timestamp);
        vm.prank(governance);
        try arbitration.unpause() {
            _checkPause(true, true);
            if (running) {
                _pauseFlag = false;
                _pauseEndsAt = block.timestamp;
            }
        } catch {
            _checkPause(true, false);
        }
        ++calls[running ? bytes32("unpause") : bytes32("unpause (nothing to lift)")];
    }

    function _extendPause(uint256 seed) private {
        uint256 endsAt = block.timestamp + bound(seed, 0, 30 days);
        bool expected = pausedAt(block.timestamp) && endsAt > block.timestamp;
        vm.prank(governance);
        try arbitration.extendPause(endsAt) {
            _checkPause(expected, true);
            _pauseEndsAt = endsAt;
        } catch {
            _checkPause(expected, false);
        }
        ++calls["extendPause"];
    }

    function _setMaxPauseDuration(uint256 seed) private {
        uint256 duration = bound(seed, 12 hours, 20 days);
        bool expected = duration >= 1 days;
        vm.prank(governance);
        try arbitration.setMaxPauseDuration(uint32(duration)) {
            _checkPause(expected, true);
            _maxPause = duration;
        } catch {
            _checkPause(expected, false);
        }
        ++calls["setMaxPauseDuration"];
    }

    /// @dev Governance names the guardian again, which ends its cooldown.
    function _renameGuardian() private {
        vm.prank(governance);
        arbitration.setGuardian(guardian);
        _guardianReadyAt = 0;
        ++calls["renameGuardian"];
    }

    /* TIME */

    function _warp(uint256 seconds_) private {
        vm.warp(block.timestamp + seconds_);
        ++calls["warp"];
    }

    /// @dev Warps to one of the moments the rules name for a dispute (its round's end, its
    /// arbiter's ruling period, its appeal window, its finalization), a second before or after,
    /// or to the end of the pause or of the guardian's cooldown, if that is ahead.
    function _warpToEdge(uint256 disputeSeed, uint256 edgeSeed) private {
        uint256[7] memory edges;
        edges[0] = _pauseEndsAt;
        edges[1] = _guardianReadyAt;
        (bool found, uint256 id) = _pick(disputeSeed, Want.InPlay);
        if (found) {
            DisputeModel storage d = _model[id];
            RoundModel storage r = _rounds[id][d.round - 1];
            (uint256 readyAt, ) = finalization(id);
            edges[2] = _roundEnd(d);
            edges[3] = r.assignedAt + d.rulingPeriod;
            edges[4] = _rounds[id][0].ruledAt + d.appealWindow;
            edges[5] = readyAt;
            edges[6] = readyAt - 1;
        }
        uint256 target = edges[edgeSeed % 7] + ((edgeSeed >> 3) % 2);
        if (target > block.timestamp) vm.warp(target);
        ++calls["warpToEdge"];
    }

    /* THE MODEL, FOR THE INVARIANTS */

    function disputes() external view returns (uint256[] memory) {
        return _disputes;
    }

    function model(uint256 id) external view returns (DisputeModel memory) {
        return _model[id];
    }

    function roundModel(uint256 id, uint8 round) external view returns (RoundModel memory) {
        return _rounds[id][round == 2 ? 1 : 0];
    }

    /// @notice When `id` becomes finalizable by the rules, and the share it then delivers.
    function finalization(uint256 id) public view returns (uint256 readyAt, uint256 share) {
        DisputeModel storage d = _model[id];
        RoundModel storage first = _rounds[id][0];
        if (d.round == 1) {
            if (first.ruled) return (first.ruledAt + d.appealWindow + 1, first.share);
            return (_roundEnd(d) + 1, 0);
        }
        RoundModel storage second = _rounds[id][1];
        if (second.ruled) return (second.ruledAt, second.share);
        return (_roundEnd(d) + 1, first.share);
    }

    /// @notice Whether the module is paused at `time`, as things stand (a pause ends by itself).
    function pausedAt(uint256 time) public view returns (bool) {
        return _pauseFlag && time < _pauseEndsAt;
    }

    function pauseEndsAt() external view returns (uint256) {
        return _pauseEndsAt;
    }

    function pauseModel() external view returns (uint256 guardianReadyAt, uint256 maxPauseDuration) {
        return (_guardianReadyAt, _maxPause);
    }

    /// @notice Whether the current round's arbiter was drawn by the round's mover.
    function drawnByMover(uint256 id) external view returns (bool) {
        DisputeModel storage d = _model[id];
        RoundModel storage r = _rounds[id][d.round - 1];
        return r.arbiter != address(0) && r.drawer == _mover(d);
    }

    /* RULES (as IArbitration states them) */

    /// @dev Whether `proposer` may make `arbiter` (of `sovereignId`, 0: fallback) the arbiter of
    /// the current round, and whether that replaces, by the mover's veto, one that could still rule.
    function _mayPropose(
        uint256 id,
        address proposer,
        address arbiter,
        uint64 sovereignId
    ) private view returns (bool allowed, bool veto) {
        DisputeModel storage d = _model[id];
        if (d.finalized || block.timestamp > _roundEnd(d)) return (false, false);
        RoundModel storage r = _rounds[id][d.round - 1];
        if (r.ruled) return (false, false);
        if (r.arbiter != address(0)) {
            address mover = _mover(d);
            bool drawn = r.sovereignId != 0 || r.fallbackArbiter;
            bool vetoed = proposer == mover && drawn && r.drawer != mover;
            bool holds = block.timestamp <= r.assignedAt + d.rulingPeriod && _mayRule(d, r);
            if (holds && !vetoed) return (false, false);
            if (arbiter == r.arbiter) return (false, false);
            veto = holds;
        }
        if (d.round == 2 && arbiter == _rounds[id][0].arbiter) return (false, false);
        if (arbiter == d.claimant || arbiter == d.respondent || arbiter == address(0)) return (false, false);
        if (sovereignId == 0) return (_isFallback[arbiter], veto);
        allowed =
            sovereignId != d.claimantSovereign &&
            sovereignId != d.respondentSovereign &&
            !_adminOf[d.claimant][sovereignId] &&
            !_adminOf[d.respondent][sovereignId] &&
            !_suspended[sovereignId] &&
            _recognizes(sovereignId, d.claimantSovereign) &&
            _recognizes(sovereignId, d.respondentSovereign) &&
            _holdsRole(arbiter, sovereignId);
        return (allowed, veto);
    }

    /// @dev Whether the round's arbiter may still rule: named, always; fallback, while governance
    /// keeps it; drawn, while its sovereign is active, administered by neither party, and it holds
    /// the role (recognition is not checked again).
    function _mayRule(DisputeModel storage d, RoundModel storage r) private view returns (bool) {
        if (r.fallbackArbiter) return _isFallback[r.arbiter];
        if (r.sovereignId == 0) return true;
        return
            !_suspended[r.sovereignId] &&
            !_adminOf[d.claimant][r.sovereignId] &&
            !_adminOf[d.respondent][r.sovereignId] &&
            _holdsRole(r.arbiter, r.sovereignId);
    }

    /// @dev Round 1 ends twice the ruling period after the opening; round 2 one ruling period
    /// after the latest appeal.
    function _roundEnd(DisputeModel storage d) private view returns (uint256) {
        return d.round == 1 ? d.openedAt + 2 * d.rulingPeriod : d.lastAppealAt + d.rulingPeriod;
    }

    function _mover(DisputeModel storage d) private view returns (address) {
        return d.round == 1 ? d.claimant : d.mover;
    }

    function _disfavoured(DisputeModel storage d, uint256 share) private view returns (address) {
        if (share * 2 < SCALE) return d.claimant;
        if (share * 2 > SCALE) return d.respondent;
        return address(0);
    }

    function _recognizes(uint64 poolSovereign, uint64 partySovereign) private view returns (bool) {
        return partySovereign != 0 && _mutual[partySovereign][poolSovereign];
    }

    function _holdsRole(address arbiter, uint64 sovereignId) private view returns (bool) {
        for (uint256 i; i < _pool.length; ++i) {
            if (_pool[i] == arbiter) return _poolSovereignOf(i) == sovereignId && _roleHeld[arbiter];
        }
        return false;
    }

    /* HELPERS */

    /// @dev Dispute terms: either party claims; mostly with both parties' sovereigns, sometimes one
    /// or none (then only fallback arbiters can be drawn); now and then a named arbiter, or a
    /// party named as arbiter (refused).
    function _disputeParams(uint256 seed) private view returns (IArbitration.DisputeParams memory params) {
        bool flipped = seed % 2 == 1;
        params.claimant = _party[flipped ? 1 : 0];
        params.respondent = _party[flipped ? 0 : 1];
        uint256 sovereigns = (seed >> 1) % 8;
        params.claimantSovereign = sovereigns == 6 || sovereigns == 7 ? 0 : (flipped ? SOUTH : NORTH);
        params.respondentSovereign = sovereigns == 5 || sovereigns == 7 ? 0 : (flipped ? NORTH : SOUTH);
        uint256 naming = (seed >> 4) % 8;
        if (naming == 0) params.namedArbiter = named;
        else if (naming == 1) params.namedArbiter = params.claimant;
        params.amount = 1 + ((seed >> 7) % 1e24);
        params.evidenceURI = "ipfs://claim";
        params.evidenceHash = keccak256("claim");
    }

    /// @dev A proposal: a pool arbiter of its sovereign, a fallback arbiter, or an account that is
    /// not eligible that way (the named arbiter or a pool arbiter without a sovereign, a pool
    /// arbiter of the other sovereign, a fallback arbiter of a sovereign, a party).
    function _candidate(DisputeModel storage d, uint256 seed) private view returns (address, uint64) {
        uint256 pick = seed % 16;
        if (pick < 8) return (_pool[pick % 4], _poolSovereignOf(pick % 4));
        if (pick < 11) return (_fallback[pick - 8], 0);
        if (pick == 11) return (named, 0);
        if (pick == 12) return (_pool[0], 0);
        if (pick == 13) return (_pool[0], EAST);
        if (pick == 14) return (_fallback[0], WEST);
        return ((seed >> 8) % 2 == 0 ? d.claimant : d.respondent, (seed >> 9) % 2 == 0 ? WEST : 0);
    }

    function _isSilent(address account) private view returns (bool) {
        return account == _pool[2] || account == _fallback[1];
    }

    /// @dev Shares with the edges the appeal rules turn on: 0, even, the whole amount, or any.
    function _share(uint256 seed) private pure returns (uint256) {
        uint256 kind = seed % 8;
        if (kind == 0) return 0;
        if (kind == 1) return SCALE / 2;
        if (kind == 2) return SCALE;
        if (kind == 3) return SCALE + 1;
        return bound(seed >> 3, 0, SCALE);
    }

    function _pauseStarted() private {
        _pauseFlag = true;
        _pauseEndsAt = block.timestamp + _maxPause;
    }

    function _checkPause(bool expected, bool succeeded) private {
        if (expected != succeeded) ++ghostPauseDisagreements;
    }

    /// @dev Whether `id` is of the kind an action wants: not finalized (Live); live and not yet
    /// finalizable (InPlay); with an arbiter who may rule the current round (Unruled); ruled in
    /// round 1 and not finalized (Appealable).
    function _is(uint256 id, Want want) private view returns (bool) {
        DisputeModel storage d = _model[id];
        if (d.finalized) return false;
        if (want == Want.Live) return true;
        if (want == Want.Appealable) return _rounds[id][0].ruled;
        (uint256 readyAt, ) = finalization(id);
        if (block.timestamp >= readyAt) return false;
        if (want == Want.InPlay) return true;
        RoundModel storage r = _rounds[id][d.round - 1];
        return r.arbiter != address(0) && !r.ruled && !_isSilent(r.arbiter);
    }

    function _liveCount() private view returns (uint256 live) {
        for (uint256 i; i < _disputes.length; ++i) if (_is(_disputes[i], Want.InPlay)) ++live;
    }

    /// @dev A dispute: seven times in eight one of the kind wanted if there is any, else any.
    function _pick(uint256 seed, Want want) private view returns (bool found, uint256 id) {
        uint256 count = _disputes.length;
        if (count == 0) return (false, 0);
        uint256 wanted;
        for (uint256 i; i < count; ++i) if (_is(_disputes[i], want)) ++wanted;
        if (wanted == 0 || seed % 8 == 0) return (true, _disputes[(seed >> 3) % count]);
        uint256 nth = (seed >> 3) % wanted;
        for (uint256 i; i < count; ++i) {
            if (!_is(_disputes[i], want)) continue;
            if (nth == 0) return (true, _disputes[i]);
            --nth;
        }
    }
}

/// @title FinalizationProbe
/// @notice Asks Arbitration, without changing anything, whether a dispute can be finalized at the
/// time its rules say: it tries finalize a second before (optional) and at that time, then warps
/// back and reverts with what happened ({ProbeOutcome}), which undoes every other effect.
contract FinalizationProbe is Test {
    /// @dev `early`: the revert data of the early attempt ("finalized" if it succeeded, empty if
    /// none); `finalized`: whether the attempt on time succeeded, `failure` its revert data if not,
    /// `delivered` the share the arbitrable then received.
    error ProbeOutcome(bytes early, bool finalized, bytes failure, uint256 delivered);

    Arbitration private immutable _ARBITRATION;
    MockArbitrable private immutable _ARBITRABLE;

    constructor(Arbitration arbitration_, MockArbitrable arbitrable_) {
        _ARBITRATION = arbitration_;
        _ARBITRABLE = arbitrable_;
    }

    /// @notice Tries to finalize `disputeId` at `earlyAt` (0: skip) and at `onTime`, with an
    /// arbitrable that accepts rulings; always reverts with {ProbeOutcome}.
    function run(uint256 disputeId, uint256 earlyAt, uint256 onTime) external {
        uint256 start = block.timestamp;
        _ARBITRABLE.setRefusing(false);
        bytes memory early;
        if (earlyAt != 0) {
            vm.warp(earlyAt);
            try _ARBITRATION.finalize(disputeId) {
                early = "finalized";
            } catch (bytes memory reason) {
                early = reason;
            }
        }
        vm.warp(onTime);
        bool finalized;
        bytes memory failure;
        uint256 delivered;
        try _ARBITRATION.finalize(disputeId) {
            finalized = true;
            delivered = _ARBITRABLE.rulings(disputeId);
        } catch (bytes memory reason) {
            failure = reason;
        }
        // A revert does not undo a warp.
        vm.warp(start);
        revert ProbeOutcome(early, finalized, failure, delivered);
    }

    /// @notice Decodes {run}'s revert data.
    function decode(
        bytes calldata outcome
    ) external pure returns (bytes memory early, bool finalized, bytes memory failure, uint256 delivered) {
        require(bytes4(outcome) == ProbeOutcome.selector, "probe: not an outcome");
        return abi.decode(outcome[4:], (bytes, bool, bytes, uint256));
    }
}

/// @title ArbitrationInvariantsTest
/// @notice Invariants of Arbitration under random disputes: it never holds funds; every finalized
/// dispute delivered its ruling to the arbitrable exactly once, with the share the rules give; no
/// live dispute was delivered anything; every dispute's record agrees with the rules' model; every
/// live dispute is finalizable by `openedAt + 4 * rulingPeriod + appealWindow + 1` (its own
/// periods), and finalize does succeed once `finalizableAt` is reached (when not paused); and (in
/// the handler) every call succeeds exactly when the rules say it may, including the mover's
/// veto, cross-appeals and the fallback arbiters.
/// hardhat-config: invariant.depth = 150
contract ArbitrationInvariantsTest is ArbitrationCast {
    Arbitration private arbitration;
    MockArbitrable private arbitrable;
    ArbitrationHandler private handler;
    FinalizationProbe private probe;

    function setUp() public {
        MockEAS eas = new MockEAS();
        address governance = _account("governance");
        address guardian = _account("guardian");
        SovereignRegistry registry = _deployRegistry(eas, governance, guardian);
        address[3] memory fallbacks = _fallbacks();
        address[] memory initialFallbacks = new address[](2);
        initialFallbacks[0] = fallbacks[0];
        initialFallbacks[1] = fallbacks[1];
        arbitration = _deployArbitration(
            registry,
            governance,
            guardian,
            APPEAL_WINDOW,
            RULING_PERIOD,
            initialFallbacks
        );
        arbitrable = new MockArbitrable(IArbitration(address(arbitration)));
        vm.prank(governance);
        arbitration.setArbitrable(address(arbitrable), true);

        _populate(registry);
        handler = new ArbitrationHandler(arbitration, arbitrable, registry, governance, guardian);
        probe = new FinalizationProbe(arbitration, arbitrable);
        vm.label(address(handler), "handler");
        vm.label(address(probe), "probe");
        targetContract(address(handler));
    }

    /* INVARIANTS */

    function invariant_holdsNothing() public view {
        assertEq(address(arbitration).balance, 0, "Arbitration's ETH balance");
    }

    function invariant_eachRulingDeliveredOnceAsRuled() public view {
        uint256[] memory ids = handler.disputes();
        uint256 finalized;
        for (uint256 i; i < ids.length; ++i) {
            uint256 id = ids[i];
            bool isFinal = arbitration.getDispute(id).status == IArbitration.DisputeStatus.Finalized;
            assertEq(arbitrable.rulingCalls(id), isFinal ? 1 : 0, "rulings delivered");
            if (!isFinal) continue;
            ++finalized;
            assertEq(arbitrable.rulings(id), handler.ghostExpectedShare(id), "share delivered vs the rules");
            assertLe(arbitrable.rulings(id), arbitration.SHARE_SCALE(), "share within scale");
        }
        assertEq(finalized, handler.ghostFinalized(), "finalized disputes vs ghost");
    }

    function invariant_disputesMatchTheModel() public view {
        uint256[] memory ids = handler.disputes();
        for (uint256 i; i < ids.length; ++i) {
            uint256 id = ids[i];
            IArbitration.Dispute memory got = arbitration.getDispute(id);
            ArbitrationHandler.DisputeModel memory want = handler.model(id);
            IArbitration.DisputeStatus status =
                want.finalized
                    ? IArbitration.DisputeStatus.Finalized
                    : want.round == 1
                        ? IArbitration.DisputeStatus.Open
                        : IArbitration.DisputeStatus.Appealed;
            assertEq(uint256(got.status), uint256(status), "status");
            assertEq(got.round, want.round, "round");
            assertEq(got.claimant, want.claimant, "claimant");
            assertEq(got.respondent, want.respondent, "respondent");
            assertEq(got.claimantSovereign, want.claimantSovereign, "claimant's sovereign");
            assertEq(got.respondentSovereign, want.respondentSovereign, "respondent's sovereign");
            assertEq(got.openedAt, want.openedAt, "openedAt");
            assertEq(got.appealWindow, want.appealWindow, "the dispute's appeal window");
            assertEq(got.rulingPeriod, want.rulingPeriod, "the dispute's ruling period");
            assertEq(got.appellant, want.mover, "round 2's mover");
            assertEq(got.appellants, want.appellants, "appellants");
            assertEq(got.appealedAt, want.appealedAt, "appealedAt");
            assertEq(got.lastAppealAt, want.lastAppealAt, "lastAppealAt");
            if (!want.finalized) {
                assertTrue(got.drawnByMover == handler.drawnByMover(id), "drawnByMover");
            }
            for (uint8 round = 1; round <= 2; ++round) _assertRound(id, round, want);
        }
    }

    function invariant_everyDisputeFinalizableByItsLimit() public {
        uint256[] memory ids = handler.disputes();
        for (uint256 i; i < ids.length; ++i) {
            uint256 id = ids[i];
            IArbitration.Dispute memory d = arbitration.getDispute(id);
            if (d.status == IArbitration.DisputeStatus.Finalized) continue;
            uint256 readyAt = arbitration.finalizableAt(id);
            (uint256 modelReadyAt, uint256 share) = handler.finalization(id);
            assertEq(readyAt, modelReadyAt, "finalizableAt vs the rules");
            assertLe(
                readyAt,
                uint256(d.openedAt) + 4 * uint256(d.rulingPeriod) + d.appealWindow + 1,
                "finalizableAt within the absolute bound"
            );
            _probe(id, readyAt, share);
        }
    }

    /// @dev The pause module's calls agreed with IAtlasModule's rules (see ArbitrationHandler).
    function invariant_pausesFollowTheRules() public view {
        assertEq(handler.ghostPauseDisagreements(), 0, "pause calls that disagreed with the rules");
        assertTrue(arbitration.paused() == handler.pausedAt(block.timestamp), "paused vs the rules");
        (uint256 guardianReadyAt, uint256 maxPauseDuration) = handler.pauseModel();
        assertEq(arbitration.pauseState().guardianReadyAt, guardianReadyAt, "guardianReadyAt");
        assertEq(arbitration.pauseState().maxPauseDuration, maxPauseDuration, "maxPauseDuration");
    }

    /* HELPERS */

    function _assertRound(uint256 id, uint8 round, ArbitrationHandler.DisputeModel memory d) private view {
        IArbitration.Round memory got = arbitration.getRound(id, round);
        ArbitrationHandler.RoundModel memory want = handler.roundModel(id, round);
        assertEq(got.arbiter, want.arbiter, "round's arbiter");
        assertEq(got.sovereignId, want.sovereignId, "round's arbiter's sovereign");
        assertTrue(got.fallbackArbiter == want.fallbackArbiter, "round's arbiter is a fallback arbiter");
        assertEq(got.assignedAt, want.assignedAt, "round's assignedAt");
        assertTrue(got.ruled == want.ruled, "round ruled");
        assertEq(got.shareToClaimant, want.share, "round's share");
        assertEq(got.ruledAt, want.ruledAt, "round's ruledAt");
        IArbitration.Drawer drawer =
            want.arbiter == address(0) || want.drawer == address(arbitrable)
                ? IArbitration.Drawer.Other
                : want.drawer == d.claimant
                    ? IArbitration.Drawer.Claimant
                    : want.drawer == d.respondent
                        ? IArbitration.Drawer.Respondent
                        : IArbitration.Drawer.Other;
        assertEq(uint256(got.drawnBy), uint256(drawer), "round's drawer");
    }

    /// @dev Finalize fails a second before `readyAt` and succeeds at it (or, if a pause holds it
    /// then, once the pause ends by itself), delivering `share`; nothing of it remains.
    function _probe(uint256 id, uint256 readyAt, uint256 share) private {
        uint256 earlyAt = readyAt > block.timestamp ? readyAt - 1 : 0;
        uint256 onTime = readyAt > block.timestamp ? readyAt : block.timestamp;
        if (handler.pausedAt(onTime)) onTime = handler.pauseEndsAt();
        try probe.run(id, earlyAt, onTime) {
            assertTrue(false, "the probe returned");
        } catch (bytes memory outcome) {
            (bytes memory early, bool finalized, bytes memory failure, uint256 delivered) = probe.decode(outcome);
            if (earlyAt != 0) {
                bytes memory wantEarly =
                    handler.pausedAt(earlyAt)
                        ? abi.encodeWithSignature("EnforcedPause()")
                        : abi.encodeWithSelector(IArbitration.ArbitrationNotFinalizable.selector, id, readyAt);
                assertTrue(keccak256(early) == keccak256(wantEarly), "finalize a second before finalizableAt");
            }
            assertTrue(finalized, string.concat("finalize at finalizableAt failed with ", _hex(failure)));
            assertEq(delivered, share, "share delivered at finalizableAt");
        }
        assertEq(arbitrable.rulingCalls(id), 0, "the probe left nothing");
    }

    /// @dev `data` in hexadecimal, for failure messages.
    function _hex(bytes memory data) private pure returns (string memory) {
        bytes memory digits = "0123456789abcdef";
        bytes memory text = new bytes(2 + 2 * data.length);
        text[0] = "0";
        text[1] = "x";
        for (uint256 i; i < data.length; ++i) {
            text[2 + 2 * i] = digits[uint8(data[i]) >> 4];
            text[3 + 2 * i] = digits[uint8(data[i]) & 0x0f];
        }
        return string(text);
    }

    /// @dev North (1) and south (2), administered by the parties; west (3) and east (4), each
    /// mutually recognized by both, whose pool arbiters hold the Arbiter role.
    function _populate(SovereignRegistry registry) private {
        address[2] memory parties = _parties();
        address westAdmin = _poolAdmin(WEST);
        address eastAdmin = _poolAdmin(EAST);
        vm.prank(parties[0]);
        registry.register("north", METADATA_URI, METADATA_HASH);
        vm.prank(parties[1]);
        registry.register("south", METADATA_URI, METADATA_HASH);
        vm.prank(westAdmin);
        registry.register("west", METADATA_URI, METADATA_HASH);
        vm.prank(eastAdmin);
        registry.register("east", METADATA_URI, METADATA_HASH);
        for (uint64 pool = WEST; pool <= EAST; ++pool) {
            for (uint64 party = NORTH; party <= SOUTH; ++party) {
                vm.prank(_poolAdmin(pool));
                registry.recognize(pool, party);
                vm.prank(parties[party - 1]);
                registry.recognize(party, pool);
            }
        }
        address[4] memory arbiters = _poolArbiters();
        for (uint256 i; i < arbiters.length; ++i) {
            uint64 sovereignId = _poolSovereignOf(i);
            address admin = _poolAdmin(sovereignId);
            vm.prank(admin);
            registry.invite(sovereignId, arbiters[i]);
            vm.prank(arbiters[i]);
            registry.acceptInvitation(sovereignId);
            vm.prank(admin);
            registry.grantRole(sovereignId, arbiters[i], ISovereignRegistry.Role.Arbiter);
        }
    }
}
