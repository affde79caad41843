// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";

import {Arbitration} from "../../contracts/interstate/Arbitration.sol";
import {IArbitration} from "../../contracts/interstate/IArbitration.sol";
import {ISovereignRegistry} from "../../contracts/graph/ISovereignRegistry.sol";
import {SovereignRegistry} from "../../contracts/graph/SovereignRegistry.sol";
import {MockEAS} from "../graph/mocks/MockEAS.sol";
import {GraphFixture} from "../graph/utils/GraphFixture.sol";
import {MockArbitrable} from "./mocks/MockArbitrable.sol";

/// @title ArbitrationHandler
/// @notice Drives Arbitration with random actions — open (drawn or named arbiter), draw (by the
/// claimant, the respondent, a keeper; a draw may be a veto or a replacement), rule (the silent
/// arbiter never does), appeal, finalize, pause and unpause, time warps — and checks every call
/// against the rules of IArbitration: the handler predicts whether a call succeeds, makes it, and
/// asserts that the contract agreed. Finalizing records the share the rules say must be enforced.
/// @dev Actions catch reverts (the prediction is the assertion), so the fuzzer never sees one
/// unless an assertion fails.
contract ArbitrationHandler is GraphFixture {
    uint64 private constant NORTH = 1;
    uint64 private constant SOUTH = 2;
    uint64 private constant WEST = 3;
    uint256 private constant ARBITERS = 3;

    Arbitration public arbitration;
    MockArbitrable public arbitrable;
    address public governance;
    address public guardian;
    address public keeper;
    address public named;
    address[2] private _parties;
    /// @dev West's Arbiters; the last one never rules.
    address[ARBITERS] private _arbiters;

    uint256[] private _disputes;
    /// @dev The share each finalized dispute had to deliver, by the rules.
    mapping(uint256 disputeId => uint256 share) public ghostExpectedShare;
    uint256 public ghostFinalized;
    uint256 public ghostVetoes;
    mapping(bytes32 action => uint256 count) public calls;

    constructor(
        Arbitration arbitration_,
        MockArbitrable arbitrable_,
        address governance_,
        address guardian_,
        address[2] memory parties_,
        address[ARBITERS] memory arbiters_
    ) {
        arbitration = arbitration_;
        arbitrable = arbitrable_;
        governance = governance_;
        guardian = guardian_;
        _parties = parties_;
        _arbiters = arbiters_;
        keeper = _account("keeper");
        named = _account("named arbiter");
    }

    /* ACTIONS */

    function open(uint256 seed) external {
        bool flipped = seed % 2 == 1;
        bool withNamed = (seed >> 1) % 3 == 0;
        // A deal with a named arbiter may leave a sovereign out: nobody can be drawn for it then.
        bool noPool = withNamed && (seed >> 3) % 2 == 0;
        uint256 id = arbitrable.open(
            IArbitration.DisputeParams({
                claimant: _parties[flipped ? 1 : 0],
                respondent: _parties[flipped ? 0 : 1],
                token: address(0),
                amount: 1 + (seed % 1e24),
                claimantSovereign: flipped ? SOUTH : NORTH,
                respondentSovereign: noPool ? 0 : (flipped ? NORTH : SOUTH),
                namedArbiter: withNamed ? named : address(0),
                evidenceURI: "ipfs://claim",
                evidenceHash: keccak256("claim")
            })
        );
        _disputes.push(id);
        ++calls["open"];
    }

    function propose(uint256 disputeSeed, uint256 proposerSeed, uint256 arbiterSeed) external {
        (bool found, uint256 id, IArbitration.Dispute memory d) = _pick(disputeSeed);
        if (!found) return;
        address proposer = [d.claimant, d.respondent, keeper][proposerSeed % 3];
        address arbiter = _arbiters[arbiterSeed % ARBITERS];
        bool expected = _mayPropose(id, d, proposer, arbiter);
        bool veto = expected && _isVeto(id, d, proposer);
        vm.prank(proposer);
        try arbitration.proposeArbiter(id, arbiter, WEST) {
            assertTrue(expected, "proposeArbiter succeeded against the rules");
            if (veto) ++ghostVetoes;
        } catch {
            assertTrue(!expected, "proposeArbiter refused against the rules");
        }
        ++calls[expected ? bytes32("propose") : bytes32("propose (refused)")];
    }

    function rule(uint256 disputeSeed, uint256 share) external {
        (bool found, uint256 id, IArbitration.Dispute memory d) = _pick(disputeSeed);
        if (!found) return;
        IArbitration.Round memory r = arbitration.getRound(id, d.round);
        // The silent arbiter never rules; a vacant round has nobody to rule.
        if (r.arbiter == address(0) || r.arbiter == _arbiters[ARBITERS - 1]) return;
        share = bound(share, 0, 1e6);
        bool expected = d.status != IArbitration.DisputeStatus.Finalized && !r.ruled && _roundLive(d);
        vm.prank(r.arbiter);
        try arbitration.rule(id, share) {
            assertTrue(expected, "rule succeeded against the rules");
        } catch {
            assertTrue(!expected, "rule refused against the rules");
        }
        ++calls[expected ? bytes32("rule") : bytes32("rule (refused)")];
    }

    function appeal(uint256 disputeSeed, bool byClaimant) external {
        (bool found, uint256 id, IArbitration.Dispute memory d) = _pick(disputeSeed);
        if (!found) return;
        IArbitration.Round memory first = arbitration.getRound(id, 1);
        bool expected =
            d.status == IArbitration.DisputeStatus.Open &&
                first.ruled &&
                // solhint-disable-next-line gas-strict-inequalities
                block.timestamp <= uint256(first.ruledAt) + arbitration.appealWindow() &&
                _hasPool(d);
        vm.prank(byClaimant ? d.claimant : d.respondent);
        try arbitration.appeal(id) {
            assertTrue(expected, "appeal succeeded against the rules");
        } catch {
            assertTrue(!expected, "appeal refused against the rules");
        }
        ++calls[expected ? bytes32("appeal") : bytes32("appeal (refused)")];
    }

    function finalize(uint256 disputeSeed) external {
        (bool found, uint256 id, IArbitration.Dispute memory d) = _pick(disputeSeed);
        if (!found) return;
        (bool ready, uint256 share) = _finality(id, d);
        bool expected = ready && !arbitration.paused();
        try arbitration.finalize(id) {
            assertTrue(expected, "finalize succeeded against the rules");
            _recordFinalized(id, share);
        } catch {
            assertTrue(!expected, "finalize refused against the rules");
        }
        ++calls[expected ? bytes32("finalize") : bytes32("finalize (refused)")];
    }

    /// @dev Liveness: whatever happened, a live dispute is final once more than
    /// max(ruling period, appeal window) passed, and anyone enforces it.
    function finalizeAfterWait(uint256 disputeSeed) external {
        (bool found, uint256 id, IArbitration.Dispute memory d) = _pick(disputeSeed);
        if (!found || d.status == IArbitration.DisputeStatus.Finalized) return;
        if (arbitration.paused()) {
            vm.prank(governance);
            arbitration.unpause();
        }
        uint256 wait = _max(arbitration.rulingPeriod(), arbitration.appealWindow()) + 1;
        vm.warp(block.timestamp + wait);
        (bool ready, uint256 share) = _finality(id, d);
        assertTrue(ready, "a dispute is final after the longest period");
        arbitration.finalize(id);
        _recordFinalized(id, share);
        ++calls["finalizeAfterWait"];
    }

    function togglePause() external {
        bool paused = arbitration.paused();
        vm.prank(paused ? governance : guardian);
        if (paused) arbitration.unpause();
        else arbitration.pause();
        ++calls["togglePause"];
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 10 days));
        ++calls["warp"];
    }

    /* VIEWS FOR THE INVARIANTS */

    function disputes() external view returns (uint256[] memory) {
        return _disputes;
    }

    /* RULES (as IArbitration states them) */

    function _mayPropose(
        uint256 id,
        IArbitration.Dispute memory d,
        address proposer,
        address arbiter
    ) private view returns (bool) {
        if (d.status == IArbitration.DisputeStatus.Finalized || !_roundLive(d) || !_hasPool(d)) return false;
        IArbitration.Round memory r = arbitration.getRound(id, d.round);
        if (r.ruled) return false;
        if (r.arbiter != address(0)) {
            bool lapsed = block.timestamp > uint256(r.assignedAt) + arbitration.rulingPeriod();
            if (!lapsed && !_isVeto(id, d, proposer)) return false;
            if (arbiter == r.arbiter) return false;
        }
        return d.round == 1 || arbiter != arbitration.getRound(id, 1).arbiter;
    }

    /// @dev Whether `proposer` is the round's mover replacing an arbiter someone else drew.
    function _isVeto(uint256 id, IArbitration.Dispute memory d, address proposer) private view returns (bool) {
        IArbitration.Round memory r = arbitration.getRound(id, d.round);
        address mover = d.round == 1 ? d.claimant : d.appellant;
        return r.arbiter != address(0) && proposer == mover && !d.drawnByMover && r.sovereignId != 0;
    }

    /// @dev Round 1 is live until finalized; round 2 until its appeal lapses.
    function _roundLive(IArbitration.Dispute memory d) private view returns (bool) {
        // solhint-disable-next-line gas-strict-inequalities
        return d.round == 1 || block.timestamp <= uint256(d.appealedAt) + arbitration.rulingPeriod();
    }

    function _hasPool(IArbitration.Dispute memory d) private pure returns (bool) {
        return d.claimantSovereign != 0 && d.respondentSovereign != 0;
    }

    /// @dev Whether `d` may be finalized now, and the share the rules say it enforces.
    function _finality(uint256 id, IArbitration.Dispute memory d) private view returns (bool ready, uint256 share) {
        if (d.status == IArbitration.DisputeStatus.Finalized) return (false, 0);
        IArbitration.Round memory first = arbitration.getRound(id, 1);
        if (d.status == IArbitration.DisputeStatus.Open) {
            if (first.ruled)
                return (block.timestamp > uint256(first.ruledAt) + arbitration.appealWindow(), first.shareToClaimant);
            uint256 since = first.arbiter == address(0) ? d.openedAt : first.assignedAt;
            return (block.timestamp > since + arbitration.rulingPeriod(), 0);
        }
        IArbitration.Round memory second = arbitration.getRound(id, 2);
        if (second.ruled) return (true, second.shareToClaimant);
        return (block.timestamp > uint256(d.appealedAt) + arbitration.rulingPeriod(), first.shareToClaimant);
    }

    /* HELPERS */

    function _recordFinalized(uint256 id, uint256 share) private {
        ghostExpectedShare[id] = share;
        ++ghostFinalized;
    }

    function _pick(uint256 seed) private view returns (bool found, uint256 id, IArbitration.Dispute memory d) {
        if (_disputes.length == 0) return (false, 0, d);
        id = _disputes[seed % _disputes.length];
        d = arbitration.getDispute(id);
        found = true;
    }

    function _max(uint256 a, uint256 b) private pure returns (uint256) {
        return a > b ? a : b;
    }
}

/// @title ArbitrationInvariantsTest
/// @notice Invariants of Arbitration under random disputes: it never holds funds; every finalized
/// dispute delivered its ruling to the arbitrable exactly once, with the share the rules give;
/// no live dispute was delivered anything; and (in the handler) every call succeeds exactly when
/// the rules say it may, including the mover's veto and liveness after the longest period.
contract ArbitrationInvariantsTest is GraphFixture {
    Arbitration private arbitration;
    MockArbitrable private arbitrable;
    ArbitrationHandler private handler;

    function setUp() public {
        MockEAS eas = new MockEAS();
        address governance = _account("governance");
        address guardian = _account("guardian");
        SovereignRegistry registry = _deployRegistry(eas, governance, guardian);
        Arbitration implementation = new Arbitration(ISovereignRegistry(address(registry)));
        arbitration = Arbitration(
            address(
                new ERC1967Proxy(
                    address(implementation),
                    abi.encodeCall(Arbitration.initialize, (governance, guardian, 3 days, 7 days, _fallbackArbiters()))
                )
            )
        );
        arbitrable = new MockArbitrable(IArbitration(address(arbitration)));
        vm.prank(governance);
        arbitration.setArbitrable(address(arbitrable), true);

        address[3] memory arbiters = [_account("arbiter"), _account("second arbiter"), _account("silent arbiter")];
        _populate(registry, arbiters);
        handler = new ArbitrationHandler(
            arbitration,
            arbitrable,
            governance,
            guardian,
            [_account("north party"), _account("south party")],
            arbiters
        );
        vm.label(address(handler), "handler");
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

    /* HELPERS */

    /// @dev North (1) and south (2), the parties' sovereigns; west (3), recognized by both, whose
    /// three members hold the Arbiter role.
    function _populate(SovereignRegistry registry, address[3] memory arbiters) private {
        address northAdmin = _account("north admin");
        address southAdmin = _account("south admin");
        address westAdmin = _account("west admin");
        vm.prank(northAdmin);
        registry.register("north", METADATA_URI, METADATA_HASH);
        vm.prank(southAdmin);
        registry.register("south", METADATA_URI, METADATA_HASH);
        vm.startPrank(westAdmin);
        registry.register("west", METADATA_URI, METADATA_HASH);
        registry.recognize(3, 1);
        registry.recognize(3, 2);
        vm.stopPrank();
        vm.prank(northAdmin);
        registry.recognize(1, 3);
        vm.prank(southAdmin);
        registry.recognize(2, 3);
        for (uint256 i; i < arbiters.length; ++i) {
            vm.prank(westAdmin);
            registry.invite(3, arbiters[i]);
            vm.prank(arbiters[i]);
            registry.acceptInvitation(3);
            vm.prank(westAdmin);
            registry.grantRole(3, arbiters[i], ISovereignRegistry.Role.Arbiter);
        }
    }
}

/// @dev Two fallback arbiters, as Arbitration requires.
function _fallbackArbiters() pure returns (address[] memory arbiters) {
    arbiters = new address[](2);
    arbiters[0] = address(0xFA11);
    arbiters[1] = address(0xFA12);
}
