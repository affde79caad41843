// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {BountyBoard} from "../../../contracts/capital/BountyBoard.sol";
import {IBountyBoard} from "../../../contracts/capital/IBountyBoard.sol";
import {ContributionLedger} from "../../../contracts/graph/ContributionLedger.sol";
import {SovereignRegistry} from "../../../contracts/graph/SovereignRegistry.sol";
import {CapitalFixture} from "../utils/CapitalFixture.sol";
import {MockToken} from "../../mocks/tokens/WeirdTokens.sol";
import {Test} from "../../utils/Test.sol";
import {RefundModel} from "./utils/RefundModel.sol";

/// @title BountyModelHandler
/// @notice Plays rounds against the real BountyBoard: in each round one bounty takes deposits
/// from 4 funders (creation, then top-ups) and awards in any order — awards of everything (the
/// reset path), awards that leave 1 unit or a few (the rescale path), any amount — while the
/// {RefundModel} tracks each funder's stake. Settling a round moves to the deadline and has every
/// funder reclaim, in a seeded order, asserting each refund against the model and the refunds'
/// sum against what the bounty held. Every action bounds its inputs, so no call reverts.
/// @dev Tolerance: a refund may differ from the model by at most `operations + 1` units, where
/// `operations` counts the round's deposits and awards. Each rounding the board makes moves less
/// than one unit between funders (a share is worth at most one unit): the shares a deposit
/// mints round down, a rescale drops less than one share per position, a refund rounds down and
/// the last funder collects what the others' roundings left. The model itself is exact to 2^-64
/// units per award (see {RefundModel}).
contract BountyModelHandler is Test {
    using RefundModel for RefundModel.Stake;

    uint256 public constant FUNDERS = 4;
    /// @dev Total funding per round reaches MAX_FUNDING (2^128 - 1): shares stay below 2^160
    /// (see "a top-up of 2^127 into a bounty left with 1 unit" in BountyBoard.test.ts).
    uint256 public constant MAX_MODEL_FUNDING = 2 ** 128 - 1;
    uint256 private constant DURATION = 30 days;

    BountyBoard public board;
    MockToken public token;
    uint64 public missionId;
    address public manager;
    address[FUNDERS] private _funders;

    /// @notice The round's bounty, 0 between rounds.
    uint256 public bountyId;
    /// @notice Deposits and awards in the round.
    uint256 public operations;
    /// @notice Rounds settled.
    uint256 public rounds;
    /// @notice The largest difference seen between a refund and the model, in units.
    uint256 public largestDeviation;
    uint256 private _winnerCount;

    mapping(uint256 bountyId => address[]) private _bountyFunders;
    mapping(uint256 bountyId => mapping(address funder => RefundModel.Stake)) private _stakes;
    /// @notice Refunds paid when a round settled.
    mapping(uint256 bountyId => mapping(address funder => uint256 amount)) public refundPaid;

    constructor(
        BountyBoard board_,
        MockToken token_,
        uint64 missionId_,
        address manager_,
        address[FUNDERS] memory funders_
    ) {
        board = board_;
        token = token_;
        missionId = missionId_;
        manager = manager_;
        _funders = funders_;
    }

    /* ACTIONS */

    /// @notice Funder `funderSeed % 4` deposits `amount` if it fits the round's room, else an
    /// amount below 10^(magnitude % 39): creates the round's bounty, or tops it up.
    function deposit(uint256 funderSeed, uint256 amount, uint256 magnitude) external {
        address funder = _funders[funderSeed % FUNDERS];
        uint256 room = MAX_MODEL_FUNDING - (bountyId == 0 ? 0 : board.getBounty(bountyId).funded);
        if (room == 0) return;
        if (amount == 0 || amount > room) amount = 1 + (amount % Math.min(room, 10 ** (magnitude % 39)));
        token.mint(funder, amount);
        vm.prank(funder);
        token.approve(address(board), amount);
        vm.prank(funder);
        if (bountyId == 0) {
            bountyId = board.createBounty(_terms(), amount);
        } else {
            assertEq(board.fund(bountyId, amount), amount, "credited");
        }
        if (!_hasFunded(funder)) _bountyFunders[bountyId].push(funder);
        _stakes[bountyId][funder].deposit(amount);
        ++operations;
    }

    /// @notice Awards a fresh winner: everything (mode 0: the reset path), all but 1 unit (mode 1:
    /// the rescale path), all but 1 to 3 units (mode 2), `amount` if it fits else a seeded amount
    /// (mode 3), or 1 unit (mode 4); charges the award to the model's stakes.
    function award(uint256 amount, uint256 mode) external {
        if (bountyId == 0) return;
        IBountyBoard.Bounty memory bounty = board.getBounty(bountyId);
        uint256 remaining = bounty.funded - bounty.awarded;
        if (remaining == 0) return;
        mode %= 5;
        if (mode == 0) amount = remaining;
        else if (mode == 1) amount = remaining > 1 ? remaining - 1 : remaining;
        else if (mode == 2) amount = remaining > 3 ? remaining - 1 - (amount % 3) : remaining;
        else if (mode == 3) amount = amount != 0 && amount <= remaining ? amount : 1 + (amount % remaining);
        else amount = 1;

        address winner = address(uint160(uint256(keccak256(abi.encode("winner", ++_winnerCount)))));
        vm.prank(winner);
        board.submitWork(bountyId, "ipfs://work", keccak256(abi.encode(winner)), bytes32(0));
        address[] memory winners = new address[](1);
        uint256[] memory amounts = new uint256[](1);
        (winners[0], amounts[0]) = (winner, amount);
        vm.prank(manager);
        board.award(bountyId, winners, amounts);

        address[] storage holders = _bountyFunders[bountyId];
        for (uint256 i; i < holders.length; ++i) _stakes[bountyId][holders[i]].charge(amount, remaining);
        ++operations;
    }

    /// @notice Ends the round: moves to the deadline, has every funder reclaim in a seeded order
    /// and checks each refund against the model and its preview, and the sum against what the
    /// bounty held.
    function settle(uint256 orderSeed) external {
        if (bountyId == 0) return;
        IBountyBoard.Bounty memory bounty = board.getBounty(bountyId);
        if (block.timestamp < bounty.deadline) vm.warp(bounty.deadline);
        uint256 held = bounty.funded - bounty.awarded;
        address[] memory order = _order(_bountyFunders[bountyId], orderSeed);
        uint256 tolerance = operations + 1;
        uint256 refunded;
        for (uint256 k; k < order.length; ++k) {
            address funder = order[k];
            RefundModel.Stake storage stake = _stakes[bountyId][funder];
            // Everything awarded: nothing to reclaim (the board refuses), and the model agrees.
            if (held == 0) {
                assertEq(stake.ceilUnits(), 0, "model stake of a fully awarded bounty");
                continue;
            }
            uint256 preview = board.refundOf(bountyId, funder);
            vm.prank(funder);
            uint256 refund = board.reclaim(bountyId, funder);
            assertEq(refund, preview, "refund vs refundOf");
            _noteDeviation(stake, refund);
            assertLe(stake.floorUnits(), refund + tolerance, "model (rounded down) vs refund + tolerance");
            assertLe(refund, stake.ceilUnits() + tolerance, "refund vs model (rounded up) + tolerance");
            refundPaid[bountyId][funder] = refund;
            refunded += refund;
        }
        assertEq(refunded, held, "refunds vs what the bounty held");
        assertEq(token.balanceOf(address(board)), 0, "board balance after every round settled");
        (bountyId, operations) = (0, 0);
        ++rounds;
    }

    /* VIEWS */

    function funders() external view returns (address[FUNDERS] memory) {
        return _funders;
    }

    function bountyFunders() external view returns (address[] memory) {
        return _bountyFunders[bountyId];
    }

    /// @notice The model's bounds on `funder`'s stake in the round's bounty, in units times 2^64.
    function stakeOf(address funder) external view returns (uint256 low, uint256 high) {
        RefundModel.Stake storage stake = _stakes[bountyId][funder];
        return (stake.low, stake.high);
    }

    /* HELPERS */

    function _terms() private view returns (IBountyBoard.BountyTerms memory) {
        return
            IBountyBoard.BountyTerms({
                missionId: missionId,
                token: address(token),
                deadline: uint64(block.timestamp + DURATION),
                credentialSchema: bytes32(0),
                credentialTrustedBy: 0,
                metadataURI: "ipfs://bounty",
                metadataHash: keccak256("bounty")
            });
    }

    function _hasFunded(address funder) private view returns (bool) {
        address[] storage list = _bountyFunders[bountyId];
        for (uint256 i; i < list.length; ++i) if (list[i] == funder) return true;
        return false;
    }

    function _noteDeviation(RefundModel.Stake storage stake, uint256 refund) private {
        uint256 floor = stake.floorUnits();
        uint256 ceil = stake.ceilUnits();
        uint256 deviation = refund < floor ? floor - refund : (refund > ceil ? refund - ceil : 0);
        if (deviation > largestDeviation) largestDeviation = deviation;
    }

    /// @dev `list` in a seeded order (Fisher–Yates).
    function _order(address[] memory list, uint256 seed) private pure returns (address[] memory order) {
        order = list;
        for (uint256 i = order.length; i > 1; --i) {
            uint256 j = uint256(keccak256(abi.encode(seed, i))) % i;
            (order[i - 1], order[j]) = (order[j], order[i - 1]);
        }
    }
}

/// @title BountyBoardModelTest
/// @notice Issue 11, rule 10: refunds follow the reference model. A funder pays only for awards
/// made while its money was in, pro rata to what it still had in; refunds match the model within
/// the rounding tolerance and add up exactly to what the bounty held — under random sequences of
/// deposits, top-ups and awards (invariant runs and a seeded fuzz), and in pinned cases.
contract BountyBoardModelTest is CapitalFixture {
    BountyBoard private board;
    MockToken private token;
    BountyModelHandler private handler;

    function setUp() public {
        address governance = _account("governance");
        address guardian = _account("guardian");
        (, SovereignRegistry registry, ContributionLedger ledger) = _deployGraph(governance, guardian);
        board = _deployWiredBoard(registry, ledger, governance, guardian);

        address manager = _account("mission manager");
        (, uint64 missionId) = _openMission(registry, manager);

        token = new MockToken();
        address[4] memory funders = [_account("alice"), _account("bob"), _account("carol"), _account("dave")];
        handler = new BountyModelHandler(board, token, missionId, manager, funders);
        vm.label(address(handler), "model handler");
        targetContract(address(handler));
    }

    /* INVARIANTS */

    /// @dev Between settlements the model's stakes add up to what the open bounty holds (the
    /// exact sum lies within the bounds), and the board holds exactly that.
    function invariant_refundsFollowReferenceModel() public view {
        uint256 bountyId = handler.bountyId();
        if (bountyId == 0) {
            assertEq(token.balanceOf(address(board)), 0, "board balance between rounds");
            return;
        }
        uint256 remaining = board.remainingOf(bountyId);
        address[] memory funders = handler.bountyFunders();
        uint256 low;
        uint256 high;
        for (uint256 i; i < funders.length; ++i) {
            (uint256 stakeLow, uint256 stakeHigh) = handler.stakeOf(funders[i]);
            (low, high) = (low + stakeLow, high + stakeHigh);
        }
        assertLe(low, remaining * RefundModel.ONE, "model stakes (rounded down) vs remaining");
        assertLe(remaining * RefundModel.ONE, high, "remaining vs model stakes (rounded up)");
        assertEq(token.balanceOf(address(board)), remaining, "board balance vs remaining");
    }

    /* RANDOM SEQUENCES */

    /// @dev 24 seeded steps (deposits and awards, deposits twice as likely), then expiry and
    /// every reclaim; the handler asserts each refund.
    function testFuzz_reclaim_refundsFollowReferenceModel(uint256 seed) public {
        for (uint256 i; i < 24; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            if (r % 3 == 0) handler.award(r >> 8, r >> 128);
            else handler.deposit(r >> 8, r >> 16, r >> 128);
        }
        handler.settle(seed);
        assertEq(handler.rounds(), 1, "rounds settled");
    }

    /// @dev Pinned twin of the fuzz test: partial awards with top-ups in between. Alice 1,000;
    /// award 400 (all hers); Bob tops up 300; award 300 of 900 (Alice 600 → 400, Bob 300 → 200);
    /// Carol tops up 200; award 400 of 800 (Alice 200, Bob 100, Carol 100).
    function test_reclaim_refundsFollowReferenceModel() public {
        address[4] memory funders = handler.funders();
        handler.deposit(0, 1_000, 0);
        handler.award(400, 3);
        handler.deposit(1, 300, 0);
        handler.award(300, 3);
        handler.deposit(2, 200, 0);
        handler.award(400, 3);
        uint256 bountyId = handler.bountyId();
        _assertStake(funders[0], 200, "alice's stake");
        _assertStake(funders[1], 100, "bob's stake");
        _assertStake(funders[2], 100, "carol's stake");
        handler.settle(7);
        assertEq(handler.refundPaid(bountyId, funders[0]), 200, "alice's refund");
        assertEq(handler.refundPaid(bountyId, funders[1]), 100, "bob's refund");
        assertEq(handler.refundPaid(bountyId, funders[2]), 100, "carol's refund");
        assertEq(handler.largestDeviation(), 0, "deviation from the model");
    }

    /// @dev The rescale path: three times an award leaves 1 unit of a large bounty, with a large
    /// top-up in between; the top-ups keep working, each later funder pays for nothing before it,
    /// refunds add up to what the bounty holds. Alice 2^96, award all but 1 (shares 2^96 → 2^32,
    /// epoch 2); Bob 2^96 (2^128 shares); award all but 1 (→ 2^32 shares, epoch 5, Alice's count
    /// 0); Carol 2^100 (2^132 shares); award all but 1 (→ 16 shares, epoch 9, Bob's count 0);
    /// Dave 50 (800 shares of 816 holding 51).
    function test_reclaim_refundsFollowReferenceModelThroughRescales() public {
        address[4] memory funders = handler.funders();
        handler.deposit(0, 2 ** 96, 0);
        handler.award(0, 1);
        handler.deposit(1, 2 ** 96, 0);
        handler.award(0, 1);
        handler.deposit(2, 2 ** 100, 0);
        handler.award(0, 1);
        handler.deposit(3, 50, 0);
        uint256 bountyId = handler.bountyId();
        IBountyBoard.Bounty memory bounty = board.getBounty(bountyId);
        assertEq(bounty.totalShares, 816, "shares outstanding");
        assertEq(bounty.shareEpoch, 9, "share epoch");
        assertEq(board.remainingOf(bountyId), 51, "remaining");
        handler.settle(3);
        assertEq(handler.refundPaid(bountyId, funders[0]), 0, "alice's refund (model: 2^-96)");
        assertEq(handler.refundPaid(bountyId, funders[1]), 0, "bob's refund (model: 2^-100)");
        assertEq(handler.refundPaid(bountyId, funders[2]), 1, "carol's refund (model: 1 - 2^-100)");
        assertEq(handler.refundPaid(bountyId, funders[3]), 50, "dave's refund");
        assertEq(handler.largestDeviation(), 0, "deviation from the model");
    }

    function _assertStake(address funder, uint256 units, string memory label) private view {
        (uint256 low, uint256 high) = handler.stakeOf(funder);
        assertEq(low, units * RefundModel.ONE, label);
        assertEq(high, units * RefundModel.ONE, label);
    }
}
