// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AtlasToken} from "../../contracts/governance/AtlasToken.sol";
import {Test} from "../utils/Test.sol";

/// @title AtlasTokenVotesHandler
/// @notice Drives AtlasToken for the invariant fuzzer with actions that never revert, and keeps a
/// ghost ledger of balances, delegates and the votes expected at each past second.
/// @dev Every actor index is reduced modulo the actor count, every amount is bounded by the
/// sender's balance, and the spender is approved before `transferFrom`.
contract AtlasTokenVotesHandler is Test {
    uint256 public constant ACTORS = 4;
    uint256 private constant MAX_WAIT = 30 days;

    AtlasToken public token;
    address[ACTORS] private _actors;

    /* GHOST LEDGER */

    mapping(address actor => uint256 balance) public ghostBalanceOf;
    mapping(address actor => address delegatee) public ghostDelegateOf;
    /// @dev Seconds at which an action ran, oldest first, each once.
    uint256[] private _ghostTimepoints;
    mapping(uint256 timepoint => mapping(address actor => uint256 votes)) private _ghostVotesAt;
    mapping(bytes32 action => uint256 count) public calls;

    constructor(AtlasToken token_, address[ACTORS] memory actors_) {
        token = token_;
        _actors = actors_;
        for (uint256 i = 0; i < ACTORS; ++i) {
            ghostBalanceOf[actors_[i]] = token_.balanceOf(actors_[i]);
            ghostDelegateOf[actors_[i]] = token_.delegates(actors_[i]);
        }
        _record();
    }

    /* ACTIONS */

    function transfer(uint256 fromSeed, uint256 toSeed, uint256 amount) external {
        address from = _actor(fromSeed);
        address to = _actor(toSeed);
        amount = bound(amount, 0, ghostBalanceOf[from]);

        ghostBalanceOf[from] -= amount;
        ghostBalanceOf[to] += amount;

        vm.prank(from);
        token.transfer(to, amount);
        _record();
        ++calls["transfer"];
    }

    function approveAndTransferFrom(
        uint256 ownerSeed,
        uint256 spenderSeed,
        uint256 toSeed,
        uint256 amount,
        uint256 extraAllowance
    ) external {
        address owner = _actor(ownerSeed);
        address spender = _actor(spenderSeed);
        address to = _actor(toSeed);
        amount = bound(amount, 0, ghostBalanceOf[owner]);
        extraAllowance = bound(extraAllowance, 0, 1e30);

        vm.prank(owner);
        token.approve(spender, amount + extraAllowance);
        vm.prank(spender);
        token.transferFrom(owner, to, amount);
        assertEq(token.allowance(owner, spender), extraAllowance, "allowance left after transferFrom");

        ghostBalanceOf[owner] -= amount;
        ghostBalanceOf[to] += amount;
        _record();
        ++calls["approveAndTransferFrom"];
    }

    function delegate(uint256 fromSeed, uint256 toSeed) external {
        address from = _actor(fromSeed);
        address delegatee = _actor(toSeed);

        vm.prank(from);
        token.delegate(delegatee);

        ghostDelegateOf[from] = delegatee;
        _record();
        ++calls["delegate"];
    }

    function delegateToZero(uint256 fromSeed) external {
        address from = _actor(fromSeed);

        vm.prank(from);
        token.delegate(address(0));

        ghostDelegateOf[from] = address(0);
        _record();
        ++calls["delegateToZero"];
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, MAX_WAIT));
        ++calls["warp"];
    }

    /* VIEWS FOR THE INVARIANTS */

    function actors() external view returns (address[ACTORS] memory) {
        return _actors;
    }

    /// @notice Votes the ledger expects `actor` to hold now: balances of actors delegating to it.
    function expectedVotes(address actor) public view returns (uint256 votes) {
        for (uint256 i = 0; i < ACTORS; ++i) {
            if (ghostDelegateOf[_actors[i]] == actor) votes += ghostBalanceOf[_actors[i]];
        }
    }

    function ghostTimepoints() external view returns (uint256[] memory) {
        return _ghostTimepoints;
    }

    function ghostVotesAt(uint256 timepoint, address actor) external view returns (uint256) {
        return _ghostVotesAt[timepoint][actor];
    }

    /* INTERNALS */

    function _actor(uint256 seed) private view returns (address) {
        return _actors[seed % ACTORS];
    }

    /// @dev Stores the expected votes at the current second; a later action in the same second
    /// overwrites them, as the token's checkpoint does.
    function _record() private {
        uint256 length = _ghostTimepoints.length;
        if (length == 0 || _ghostTimepoints[length - 1] != block.timestamp) _ghostTimepoints.push(block.timestamp);
        for (uint256 i = 0; i < ACTORS; ++i) {
            _ghostVotesAt[block.timestamp][_actors[i]] = expectedVotes(_actors[i]);
        }
    }
}

/// @title AtlasTokenVotesInvariantsTest
/// @notice Invariants of AtlasToken voting power under random transfers, `transferFrom`,
/// delegations, undelegations and time: votes never exceed the supply, they equal the delegated
/// balances, the supply never changes, and past votes match the ghost history.
contract AtlasTokenVotesInvariantsTest is Test {
    uint256 private constant ATLAS = 1e18;
    uint256 private constant GENESIS_SUPPLY = 10_000 * ATLAS;
    uint256 private constant GENESIS_TIME = 1_800_000_000;

    AtlasToken private token;
    AtlasTokenVotesHandler private handler;
    address[4] private actors;

    function setUp() public {
        string[4] memory names = ["alice", "bob", "carol", "dave"];
        uint256[4] memory genesis = [uint256(5_000 * ATLAS), 3_000 * ATLAS, 1_500 * ATLAS, 500 * ATLAS];
        address[] memory recipients = new address[](4);
        uint256[] memory amounts = new uint256[](4);
        for (uint256 i = 0; i < 4; ++i) {
            actors[i] = address(uint160(uint256(keccak256(bytes(names[i])))));
            vm.label(actors[i], names[i]);
            recipients[i] = actors[i];
            amounts[i] = genesis[i];
        }
        vm.warp(GENESIS_TIME);
        token = new AtlasToken("Atlas", "ATLAS", recipients, amounts);

        // Two holders start with voting power so early call sequences already move votes.
        vm.prank(actors[0]);
        token.delegate(actors[0]);
        vm.prank(actors[2]);
        token.delegate(actors[0]);

        handler = new AtlasTokenVotesHandler(token, actors);
        vm.label(address(handler), "handler");
        targetContract(address(handler));
    }

    /* INVARIANTS */

    function invariant_sumOfVotesNeverExceedsTotalSupply() public view {
        assertLe(_sumOfVotes(), token.totalSupply(), "sum of getVotes vs totalSupply");
    }

    function invariant_sumOfVotesEqualsDelegatedBalances() public view {
        uint256 delegated = 0;
        for (uint256 i = 0; i < 4; ++i) {
            if (token.delegates(actors[i]) != address(0)) delegated += token.balanceOf(actors[i]);
        }
        assertEq(_sumOfVotes(), delegated, "sum of getVotes vs balances of delegating actors");
    }

    function invariant_votesOfEachActorMatchGhostLedger() public view {
        for (uint256 i = 0; i < 4; ++i) {
            assertEq(token.getVotes(actors[i]), handler.expectedVotes(actors[i]), "getVotes vs ghost votes");
            assertEq(token.delegates(actors[i]), handler.ghostDelegateOf(actors[i]), "delegates vs ghost");
            assertEq(token.balanceOf(actors[i]), handler.ghostBalanceOf(actors[i]), "balance vs ghost");
        }
    }

    function invariant_totalSupplyNeverChanges() public view {
        assertEq(token.totalSupply(), GENESIS_SUPPLY, "totalSupply");
        uint256 held = 0;
        for (uint256 i = 0; i < 4; ++i) held += token.balanceOf(actors[i]);
        assertEq(held, GENESIS_SUPPLY, "sum of actor balances (nothing leaves the actors)");
    }

    function invariant_pastVotesAndSupplyMatchGhostHistory() public view {
        uint256[] memory timepoints = handler.ghostTimepoints();
        uint256 now_ = token.clock();
        for (uint256 t = 0; t < timepoints.length; ++t) {
            uint256 timepoint = timepoints[t];
            if (timepoint >= now_) break; // the current second is not final yet
            for (uint256 i = 0; i < 4; ++i) {
                assertEq(
                    token.getPastVotes(actors[i], timepoint),
                    handler.ghostVotesAt(timepoint, actors[i]),
                    "getPastVotes vs ghost history"
                );
            }
            assertEq(token.getPastTotalSupply(timepoint), GENESIS_SUPPLY, "getPastTotalSupply");
        }
    }

    /* HELPERS */

    function _sumOfVotes() private view returns (uint256 sum) {
        for (uint256 i = 0; i < 4; ++i) sum += token.getVotes(actors[i]);
    }
}
