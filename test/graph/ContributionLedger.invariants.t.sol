// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {ContributionLedger} from "../../contracts/graph/ContributionLedger.sol";
import {IContributionLedger} from "../../contracts/graph/IContributionLedger.sol";
import {SovereignRegistry} from "../../contracts/graph/SovereignRegistry.sol";
import {Test} from "../utils/Test.sol";
import {MockEAS} from "./mocks/MockEAS.sol";
import {GraphFixture} from "./utils/GraphFixture.sol";

/// @title ContributionLedgerHandler
/// @notice Records random outcomes through the authorized recorder, and keeps a ghost ledger of
/// each account's expected reputation, each sovereign's recorded points and the outcome count.
/// @dev Outcomes go to one of the 3 sovereigns (with or without its mission), shared between 1 to
/// 16 picks from 6 actors (repeats allowed: a repeated account is credited once per entry), with
/// non-zero weights. Points are bounded by 2^128 so reputations never overflow within a run. The
/// expected shares come from OpenZeppelin's 512-bit `Math.mulDiv`, not from ContributionMath.
contract ContributionLedgerHandler is Test {
    uint256 public constant ACTORS = 6;
    uint64 public constant SOVEREIGNS = 3;
    uint256 private constant MAX_ENTRIES = 16;
    uint256 private constant MAX_AMOUNT = 1e36;
    uint256 private constant MAX_POINTS = 2 ** 128;

    ContributionLedger public ledger;
    address public recorder;
    address[ACTORS] private _actors;
    /// @dev missions[s] is a mission of sovereign `s` (index 0 unused).
    uint64[SOVEREIGNS + 1] private _missions;

    /* GHOST LEDGER */

    mapping(uint64 sovereignId => mapping(address account => uint256 points)) public ghostReputation;
    mapping(uint64 sovereignId => uint256 points) public ghostPointsRecorded;
    uint256 public ghostOutcomeCount;
    /// @dev Recordings by non-recorders that succeeded (must stay 0).
    uint256 public ghostUnauthorizedSuccesses;
    /// @dev Recordings by non-recorders that failed with anything but LedgerNotRecorder.
    uint256 public ghostUnexpectedErrors;
    mapping(bytes32 action => uint256 count) public calls;

    constructor(
        ContributionLedger ledger_,
        address recorder_,
        address[ACTORS] memory actors_,
        uint64[SOVEREIGNS + 1] memory missions_
    ) {
        ledger = ledger_;
        recorder = recorder_;
        _actors = actors_;
        _missions = missions_;
    }

    /* ACTIONS */

    function recordContribution(
        uint256 sovereignSeed,
        uint256 entrySeed,
        uint256 count,
        uint256 amount,
        uint256 points,
        bool withMission
    ) external {
        (IContributionLedger.Outcome memory outcome, address[] memory accounts, uint32[] memory weights) = _outcome(
            sovereignSeed,
            entrySeed,
            count,
            amount,
            points,
            withMission
        );

        vm.prank(recorder);
        uint256 outcomeId = ledger.recordContribution(outcome, accounts, weights);

        assertEq(outcomeId, ++ghostOutcomeCount, "outcome id");
        uint256[] memory shares = _expectedShares(outcome.points, weights);
        for (uint256 i = 0; i < accounts.length; ++i) {
            ghostReputation[outcome.sovereignId][accounts[i]] += shares[i];
        }
        ghostPointsRecorded[outcome.sovereignId] += outcome.points;
        ++calls[outcome.points == 0 ? bytes32("recordContribution(amount only)") : bytes32("recordContribution")];
    }

    /// @notice An actor that is not a recorder tries to record a valid outcome.
    function recordAsNonRecorder(
        uint256 callerSeed,
        uint256 sovereignSeed,
        uint256 entrySeed,
        uint256 points
    ) external {
        address caller = _actors[callerSeed % ACTORS];
        (IContributionLedger.Outcome memory outcome, address[] memory accounts, uint32[] memory weights) = _outcome(
            sovereignSeed,
            entrySeed,
            entrySeed,
            0,
            points,
            false
        );

        vm.prank(caller);
        try ledger.recordContribution(outcome, accounts, weights) {
            ++ghostUnauthorizedSuccesses;
        } catch (bytes memory reason) {
            bytes memory want = abi.encodeWithSelector(IContributionLedger.LedgerNotRecorder.selector, caller);
            if (keccak256(reason) != keccak256(want)) ++ghostUnexpectedErrors;
        }
        ++calls["recordAsNonRecorder"];
    }

    /* VIEWS FOR THE INVARIANTS */

    function actors() external view returns (address[ACTORS] memory) {
        return _actors;
    }

    /* INTERNALS */

    /// @dev A valid outcome: an active sovereign, its own mission or none, 1..16 entries of actors
    /// with non-zero weights (a quarter 2^32 - 1, a quarter 1), and an amount or points.
    function _outcome(
        uint256 sovereignSeed,
        uint256 entrySeed,
        uint256 count,
        uint256 amount,
        uint256 points,
        bool withMission
    )
        private
        view
        returns (IContributionLedger.Outcome memory outcome, address[] memory accounts, uint32[] memory weights)
    {
        uint64 s = uint64(1 + (sovereignSeed % SOVEREIGNS));
        count = bound(count, 1, MAX_ENTRIES);
        accounts = new address[](count);
        weights = new uint32[](count);
        for (uint256 i = 0; i < count; ++i) {
            uint256 r = uint256(keccak256(abi.encode(entrySeed, i)));
            accounts[i] = _actors[r % ACTORS];
            uint256 mode = (r >> 8) % 4;
            if (mode == 0) weights[i] = type(uint32).max;
            else if (mode == 1) weights[i] = 1;
            else weights[i] = uint32(bound(r >> 16, 1, type(uint32).max));
        }
        amount = bound(amount, 0, MAX_AMOUNT);
        points = bound(points, 0, MAX_POINTS);
        if (amount == 0 && points == 0) points = 1;
        outcome = IContributionLedger.Outcome({
            sovereignId: s,
            missionId: withMission ? _missions[s] : 0,
            kind: "bounty",
            token: address(0xA71A5),
            amount: amount,
            points: points,
            evidence: keccak256(abi.encode(entrySeed))
        });
    }

    /// @dev floor(points * weight / sum) each, the rounding dust to the first entry.
    function _expectedShares(uint256 total, uint32[] memory weights) private pure returns (uint256[] memory shares) {
        uint256 sum;
        for (uint256 i = 0; i < weights.length; ++i) sum += weights[i];
        shares = new uint256[](weights.length);
        uint256 given;
        for (uint256 i = 0; i < weights.length; ++i) {
            shares[i] = Math.mulDiv(total, weights[i], sum);
            given += shares[i];
        }
        shares[0] += total - given;
    }
}

/// @title ContributionLedgerInvariantsTest
/// @notice Invariants of the ContributionLedger under random outcomes: each reputation equals the
/// ghost sum of its points shares, sharing neither creates nor loses points (per sovereign, the
/// reputations add up to the points recorded), the outcome count matches, and only recorders
/// record.
contract ContributionLedgerInvariantsTest is GraphFixture {
    uint256 private constant ACTORS = 6;
    uint64 private constant SOVEREIGNS = 3;

    ContributionLedger private ledger;
    ContributionLedgerHandler private handler;
    address[ACTORS] private actors;

    function setUp() public {
        MockEAS eas = new MockEAS();
        address governance = _account("governance");
        SovereignRegistry registry = _deployRegistry(eas, governance, _account("guardian"));
        ledger = _deployLedger(eas, registry, governance, _account("guardian"));
        address recorder = _account("bounty board");
        vm.prank(governance);
        ledger.setRecorder(recorder, true);

        string[ACTORS] memory names = ["alice", "bob", "carol", "dave", "erin", "frank"];
        for (uint256 i = 0; i < ACTORS; ++i) actors[i] = _account(names[i]);
        string[SOVEREIGNS] memory handles = ["atlantis", "free-city", "coop-42"];
        uint64[SOVEREIGNS + 1] memory missions;
        for (uint64 s = 1; s <= SOVEREIGNS; ++s) {
            vm.startPrank(actors[s - 1]);
            registry.register(handles[s - 1], METADATA_URI, METADATA_HASH);
            missions[s] = registry.createMission(s, 0, METADATA_URI, METADATA_HASH);
            vm.stopPrank();
        }

        handler = new ContributionLedgerHandler(ledger, recorder, actors, missions);
        vm.label(address(handler), "handler");
        targetContract(address(handler));
    }

    /* INVARIANTS */

    function invariant_reputationMatchesGhost() public view {
        for (uint64 s = 1; s <= SOVEREIGNS; ++s) {
            for (uint256 i = 0; i < ACTORS; ++i) {
                assertEq(
                    ledger.reputationOf(s, actors[i]),
                    handler.ghostReputation(s, actors[i]),
                    "reputationOf vs ghost sum of points shares"
                );
            }
        }
    }

    function invariant_pointsConserved() public view {
        for (uint64 s = 1; s <= SOVEREIGNS; ++s) {
            uint256 held;
            for (uint256 i = 0; i < ACTORS; ++i) held += ledger.reputationOf(s, actors[i]);
            assertEq(held, handler.ghostPointsRecorded(s), "sum of reputations vs points recorded");
        }
    }

    function invariant_outcomeCountMatches() public view {
        assertEq(ledger.outcomeCount(), handler.ghostOutcomeCount(), "outcomeCount vs ghost count");
    }

    function invariant_onlyRecordersRecord() public view {
        assertEq(handler.ghostUnauthorizedSuccesses(), 0, "recordings by non-recorders that succeeded");
        assertEq(handler.ghostUnexpectedErrors(), 0, "non-recorder failures with another error");
    }
}
