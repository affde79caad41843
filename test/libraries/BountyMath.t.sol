// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {BountyMath} from "../../contracts/libraries/BountyMath.sol";
import {Test} from "../utils/Test.sol";

/// @title BountyMathTest
/// @notice `refund` replayed over whole sequences of reclaims, in any order: every refund but the
/// last is exactly `floor(contribution * leftover / funded)` (checked with plain 256-bit arithmetic
/// on values whose product fits), the last takes the rest — its own floor plus less than one unit
/// of dust per other funder — and the refunds add up to the leftover exactly. Without an award,
/// everyone gets back exactly what it put in. `sum` saturates instead of overflowing.
contract BountyMathTest is Test {
    uint256 private constant MAX_FUNDERS = 8;
    /// @dev Contributions up to 1e36 each: 8 of them and the leftover keep `c * leftover` below 2^256.
    uint256 private constant MAX_CONTRIBUTION = 1e36;

    /* REFUNDS ADD UP TO THE LEFTOVER */

    function testFuzz_refund_addsUpToLeftover(uint256 seed, uint256 count, uint256 awardSeed) public pure {
        uint256[] memory contributions = _contributions(seed, bound(count, 1, MAX_FUNDERS));
        uint256 funded = _sum(contributions);
        uint256 awarded = bound(awardSeed, 0, funded);
        _replay(contributions, awarded, _order(seed, contributions.length));
    }

    function test_refund_addsUpToLeftover() public pure {
        // Contributions 3 and 7, 1 awarded: the leftover 9 is shared 2.7 / 6.3.
        uint256[] memory contributions = new uint256[](2);
        contributions[0] = 3;
        contributions[1] = 7;
        uint256[] memory order = new uint256[](2);
        (order[0], order[1]) = (0, 1);
        uint256[] memory refunds = _replay(contributions, 1, order);
        assertEq(refunds[0], 2, "first reclaim: floor(3 * 9 / 10)");
        assertEq(refunds[1], 7, "last reclaim: 9 - 2 (6 and the dust)");
        (order[0], order[1]) = (1, 0);
        refunds = _replay(contributions, 1, order);
        assertEq(refunds[1], 6, "first reclaim: floor(7 * 9 / 10)");
        assertEq(refunds[0], 3, "last reclaim: 9 - 6 (2 and the dust)");
    }

    /* WITHOUT AN AWARD, EVERYONE GETS ITS CONTRIBUTION */

    function testFuzz_refund_withoutAwardReturnsContributions(uint256 seed, uint256 count) public pure {
        uint256[] memory contributions = _contributions(seed, bound(count, 1, MAX_FUNDERS));
        uint256[] memory refunds = _replay(contributions, 0, _order(seed, contributions.length));
        for (uint256 i; i < contributions.length; ++i) assertEq(refunds[i], contributions[i], "refund");
    }

    function test_refund_withoutAwardReturnsContributions() public pure {
        assertEq(BountyMath.refund(1, 3, 0, 0, 0), 1, "first of three");
        assertEq(BountyMath.refund(1, 3, 0, 1, 1), 1, "second of three");
        assertEq(BountyMath.refund(1, 3, 0, 2, 2), 1, "last of three");
    }

    /* FULLY AWARDED: NOTHING TO REFUND */

    function testFuzz_refund_fullyAwardedRefundsNothing(uint256 seed, uint256 count) public pure {
        uint256[] memory contributions = _contributions(seed, bound(count, 1, MAX_FUNDERS));
        uint256[] memory refunds = _replay(contributions, _sum(contributions), _order(seed, contributions.length));
        for (uint256 i; i < contributions.length; ++i) assertEq(refunds[i], 0, "refund");
    }

    function test_refund_fullyAwardedRefundsNothing() public pure {
        assertEq(BountyMath.refund(5, 10, 10, 0, 0), 0, "first");
        assertEq(BountyMath.refund(5, 10, 10, 0, 5), 0, "last");
    }

    /* 512-BIT PRODUCT */

    function testFuzz_refund_noOverflowNearUint256Max(uint256 first, uint256 awardSeed) public pure {
        uint256 funded = type(uint256).max;
        first = bound(first, 1, funded - 1);
        uint256 awarded = bound(awardSeed, 0, funded);
        uint256 leftover = funded - awarded;
        uint256 firstRefund = BountyMath.refund(first, funded, awarded, 0, 0);
        assertEq(firstRefund, Math.mulDiv(first, leftover, funded), "first refund: 512-bit floor");
        assertLe(firstRefund, first, "first refund within its contribution");
        uint256 lastRefund = BountyMath.refund(funded - first, funded, awarded, firstRefund, first);
        assertEq(firstRefund + lastRefund, leftover, "refunds add up to the leftover");
        uint256 lastExact = Math.mulDiv(funded - first, leftover, funded);
        assertLe(lastExact, lastRefund, "last refund: at least its own floor");
        assertLe(lastRefund - lastExact, 1, "last refund: at most one unit of dust");
    }

    function test_refund_noOverflowNearUint256Max() public pure {
        uint256 funded = type(uint256).max;
        uint256 half = funded / 2;
        // Leftover 2^256 - 2, the first half of the contributions gets floor(half * (max - 1) / max) = half - 1.
        assertEq(BountyMath.refund(half, funded, 1, 0, 0), half - 1, "first refund");
        assertEq(BountyMath.refund(funded - half, funded, 1, half - 1, half), funded - half, "last refund");
    }

    /* SUM */

    function testFuzz_sum_exactWhenItFits(uint128 a, uint128 b, uint128 c) public view {
        uint256[] memory amounts = new uint256[](3);
        (amounts[0], amounts[1], amounts[2]) = (a, b, c);
        assertEq(this.sumOf(amounts), uint256(a) + b + c, "sum");
    }

    function test_sum_exactWhenItFits() public view {
        uint256[] memory amounts = new uint256[](3);
        (amounts[0], amounts[1], amounts[2]) = (500, 300, 200);
        assertEq(this.sumOf(amounts), 1_000, "sum");
        assertEq(this.sumOf(new uint256[](0)), 0, "empty sum");
    }

    function testFuzz_sum_saturates(uint256 a, uint256 b) public view {
        a = bound(a, 1, type(uint256).max);
        b = bound(b, type(uint256).max - a + 1, type(uint256).max);
        uint256[] memory amounts = new uint256[](2);
        (amounts[0], amounts[1]) = (a, b);
        assertEq(this.sumOf(amounts), type(uint256).max, "saturated sum");
    }

    function test_sum_saturates() public view {
        uint256[] memory amounts = new uint256[](3);
        (amounts[0], amounts[1], amounts[2]) = (type(uint256).max, 1, 5);
        assertEq(this.sumOf(amounts), type(uint256).max, "saturated sum");
    }

    /// @dev `sum` takes calldata: called through this external wrapper.
    function sumOf(uint256[] calldata amounts) external pure returns (uint256) {
        return BountyMath.sum(amounts);
    }

    /* HELPERS */

    /// @dev Reclaims every contribution in `order`, checking each refund; returns refunds by funder.
    function _replay(
        uint256[] memory contributions,
        uint256 awarded,
        uint256[] memory order
    ) private pure returns (uint256[] memory refunds) {
        uint256 funded = _sum(contributions);
        uint256 leftover = funded - awarded;
        refunds = new uint256[](contributions.length);
        uint256 refunded;
        uint256 reclaimed;
        for (uint256 k; k < order.length; ++k) {
            uint256 i = order[k];
            uint256 refund = BountyMath.refund(contributions[i], funded, awarded, refunded, reclaimed);
            uint256 exact = (contributions[i] * leftover) / funded;
            if (k + 1 < order.length) {
                assertEq(refund, exact, "refund: floor(c * leftover / funded)");
            } else {
                assertLe(exact, refund, "last refund: at least its own floor");
                assertLe(refund - exact, order.length - 1, "last refund: dust below one unit per other funder");
            }
            refunds[i] = refund;
            refunded += refund;
            reclaimed += contributions[i];
        }
        assertEq(refunded, leftover, "refunds add up to the leftover");
    }

    /// @dev `count` contributions from `seed`: a quarter 1, a quarter MAX_CONTRIBUTION, the rest uniform.
    function _contributions(uint256 seed, uint256 count) private pure returns (uint256[] memory contributions) {
        contributions = new uint256[](count);
        for (uint256 i; i < count; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            uint256 mode = r % 4;
            if (mode == 0) contributions[i] = 1;
            else if (mode == 1) contributions[i] = MAX_CONTRIBUTION;
            else contributions[i] = bound(r >> 8, 1, MAX_CONTRIBUTION);
        }
    }

    /// @dev A permutation of 0..count-1 from `seed` (Fisher–Yates).
    function _order(uint256 seed, uint256 count) private pure returns (uint256[] memory order) {
        order = new uint256[](count);
        for (uint256 i; i < count; ++i) order[i] = i;
        for (uint256 i = count; i > 1; --i) {
            uint256 j = uint256(keccak256(abi.encode(seed, "order", i))) % i;
            (order[i - 1], order[j]) = (order[j], order[i - 1]);
        }
    }

    function _sum(uint256[] memory values) private pure returns (uint256 total) {
        for (uint256 i; i < values.length; ++i) total += values[i];
    }
}
