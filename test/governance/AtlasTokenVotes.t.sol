// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AtlasToken} from "../../contracts/governance/AtlasToken.sol";
import {Test} from "../utils/Test.sol";

/// @title AtlasTokenVotesTest
/// @notice Fuzz test: after any sequence of transfers and delegations, current and past voting
/// power and past total supply match a ledger the test keeps itself.
/// @dev Each operation is one `uint256` seed: byte 0 picks the kind, bytes 1 and 2 the actors,
/// bytes 3..6 the seconds to wait before it, bits 64.. the amount (bounded by the sender's balance).
contract AtlasTokenVotesTest is Test {
    uint256 private constant ATLAS = 1e18;
    uint256 private constant ACTORS = 4;
    uint256 private constant OPS = 16;
    /// @dev Index in `_delegateOf` meaning "no delegate" (address(0)).
    uint256 private constant NONE = ACTORS;
    uint256 private constant GENESIS_TIME = 1_800_000_000;
    uint256 private constant MAX_WAIT = 7 days;

    uint256 private constant TRANSFER = 0;
    uint256 private constant DELEGATE = 1;
    uint256 private constant UNDELEGATE = 2;
    uint256 private constant KINDS = 3;

    /// @dev Expected state at the end of one timestamp.
    struct Snapshot {
        uint256 timepoint;
        uint256[ACTORS] votes;
        uint256 totalSupply;
    }

    AtlasToken private token;
    address[ACTORS] private actors;
    uint256[ACTORS] private genesisAmounts = [4_000 * ATLAS, 2_000 * ATLAS, 1_000 * ATLAS, 500 * ATLAS];

    function setUp() public {
        string[ACTORS] memory names = ["alice", "bob", "carol", "dave"];
        address[] memory recipients = new address[](ACTORS);
        uint256[] memory amounts = new uint256[](ACTORS);
        for (uint256 i = 0; i < ACTORS; ++i) {
            actors[i] = address(uint160(uint256(keccak256(bytes(names[i])))));
            vm.label(actors[i], names[i]);
            recipients[i] = actors[i];
            amounts[i] = genesisAmounts[i];
        }
        vm.warp(GENESIS_TIME);
        token = new AtlasToken("Atlas", "ATLAS", recipients, amounts);
    }

    /* VOTES MATCH BALANCES */

    function testFuzz_getVotes_matchesDelegatedBalancesAfterTransfersAndDelegations(uint256[OPS] memory seeds) public {
        _runAndCheck(seeds);
    }

    function test_getVotes_matchesDelegatedBalancesAfterTransfersAndDelegations() public {
        uint256[OPS] memory seeds = [
            _op(DELEGATE, 0, 0, 0, 1), // alice -> alice
            _op(DELEGATE, 1, 0, 0, 0), // bob -> alice, same second: the checkpoint is overwritten
            _op(TRANSFER, 0, 2, 1_500 * ATLAS, 60), // alice -> carol (undelegated): alice loses votes
            _op(DELEGATE, 2, 3, 0, 12), // carol -> dave
            _op(TRANSFER, 1, 2, 2_000 * ATLAS, 1), // bob's whole balance: alice -> dave votes
            _op(TRANSFER, 3, 3, 500 * ATLAS, 0), // self-transfer: no change
            _op(TRANSFER, 2, 0, 0, 1 days), // zero transfer
            _op(UNDELEGATE, 0, 0, 0, 5), // alice delegates to address(0)
            _op(DELEGATE, 3, 3, 0, 7 days), // dave -> dave
            _op(TRANSFER, 2, 3, 4_500 * ATLAS, 1), // carol -> dave, both delegate to dave
            _op(DELEGATE, 2, 2, 0, 0), // carol -> carol with a zero balance
            _op(UNDELEGATE, 3, 0, 0, 3), // dave undelegates, dave's own votes drop to zero
            _op(DELEGATE, 1, 1, 0, 2), // bob re-delegates with a zero balance
            _op(TRANSFER, 3, 1, 5_000 * ATLAS, 1), // dave -> bob: bob's votes rise
            _op(DELEGATE, 0, 1, 0, 0), // alice (2,500) -> bob
            _op(TRANSFER, 0, 0, 2_500 * ATLAS, 9) // alice self-transfer of everything
        ];
        _runAndCheck(seeds);
        assertEq(token.getVotes(actors[1]), 7_500 * ATLAS, "bob's final votes");
        assertEq(token.getVotes(actors[0]), 0, "alice's final votes");
    }

    /* SCENARIO */

    /// @dev Applies the operations, checks current votes after each, then every recorded past
    /// timepoint (including the genesis second, before any delegation).
    function _runAndCheck(uint256[OPS] memory seeds) private {
        uint256[ACTORS] memory balances = genesisAmounts;
        uint256[ACTORS] memory delegateOf = [NONE, NONE, NONE, NONE];
        Snapshot[] memory history = new Snapshot[](OPS + 1);
        uint256 recorded = 0;
        history[recorded++] = _snapshot(balances, delegateOf);

        for (uint256 k = 0; k < OPS; ++k) {
            uint256 seed = seeds[k];
            uint256 kind = uint8(seed) % KINDS;
            uint256 from = uint8(seed >> 8) % ACTORS;
            uint256 to = uint8(seed >> 16) % ACTORS;
            vm.warp(block.timestamp + (uint32(seed >> 24) % (MAX_WAIT + 1)));

            if (kind == TRANSFER) {
                uint256 amount = bound(seed >> 64, 0, balances[from]);
                vm.prank(actors[from]);
                assertTrue(token.transfer(actors[to], amount), "transfer returned true");
                balances[from] -= amount;
                balances[to] += amount;
            } else {
                uint256 delegatee = kind == DELEGATE ? to : NONE;
                vm.prank(actors[from]);
                token.delegate(delegatee == NONE ? address(0) : actors[delegatee]);
                delegateOf[from] = delegatee;
            }

            _assertCurrent(balances, delegateOf);
            Snapshot memory snap = _snapshot(balances, delegateOf);
            // Several operations in one second leave one checkpoint: the last state wins.
            if (history[recorded - 1].timepoint == snap.timepoint) history[recorded - 1] = snap;
            else history[recorded++] = snap;
        }

        vm.warp(block.timestamp + 1);
        for (uint256 s = 0; s < recorded; ++s) {
            Snapshot memory snap = history[s];
            for (uint256 a = 0; a < ACTORS; ++a) {
                assertEq(token.getPastVotes(actors[a], snap.timepoint), snap.votes[a], "past votes");
            }
            assertEq(token.getPastTotalSupply(snap.timepoint), snap.totalSupply, "past total supply");
        }
    }

    function _assertCurrent(uint256[ACTORS] memory balances, uint256[ACTORS] memory delegateOf) private view {
        uint256[ACTORS] memory votes = _expectedVotes(balances, delegateOf);
        for (uint256 a = 0; a < ACTORS; ++a) {
            assertEq(token.balanceOf(actors[a]), balances[a], "balance");
            assertEq(
                token.delegates(actors[a]),
                delegateOf[a] == NONE ? address(0) : actors[delegateOf[a]],
                "delegate"
            );
            assertEq(token.getVotes(actors[a]), votes[a], "votes == balances delegated to the actor");
        }
        assertEq(token.totalSupply(), 7_500 * ATLAS, "total supply");
    }

    function _snapshot(
        uint256[ACTORS] memory balances,
        uint256[ACTORS] memory delegateOf
    ) private view returns (Snapshot memory) {
        return Snapshot(block.timestamp, _expectedVotes(balances, delegateOf), token.totalSupply());
    }

    function _expectedVotes(
        uint256[ACTORS] memory balances,
        uint256[ACTORS] memory delegateOf
    ) private pure returns (uint256[ACTORS] memory votes) {
        for (uint256 a = 0; a < ACTORS; ++a) {
            if (delegateOf[a] != NONE) votes[delegateOf[a]] += balances[a];
        }
    }

    /// @dev Encodes one operation the way `_runAndCheck` decodes it (`amount` is below 2^192).
    function _op(uint256 kind, uint256 from, uint256 to, uint256 amount, uint256 wait) private pure returns (uint256) {
        return kind | (from << 8) | (to << 16) | (wait << 24) | (amount << 64);
    }
}
