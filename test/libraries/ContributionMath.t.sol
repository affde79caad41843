// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {ContributionMath} from "../../contracts/libraries/ContributionMath.sol";
import {Test} from "../utils/Test.sol";

/// @title ContributionMathTest
/// @notice `share` against an independent 512-bit oracle (OpenZeppelin `Math.mulDiv`): the shares
/// add up to the total exactly for any total, every share but the first is exactly
/// `floor(total * weight / sum)`, the first carries the dust (less than one unit per account), and
/// shares are monotonic in weight and in total.
/// @dev Weights come from a seed: a quarter are `type(uint32).max`, a quarter 1, the rest uniform,
/// so extreme weights and extreme sums (64 * (2^32 - 1)) show up in every campaign.
contract ContributionMathTest is Test {
    uint256 private constant MAX_ACCOUNTS = 64;

    /* SHARES ADD UP */

    function testFuzz_share_sumsToTotal(uint256 total, uint256 seed, uint256 count) public pure {
        uint32[] memory weights = _weights(seed, bound(count, 1, MAX_ACCOUNTS));
        _checkShares(total, weights);
    }

    function test_share_sumsToTotal() public pure {
        uint32[] memory weights = new uint32[](3);
        weights[0] = 1;
        weights[1] = 1;
        weights[2] = 1;
        uint256[] memory shares = _checkShares(100, weights);
        assertEq(shares[0], 34, "first share (33 + dust 1)");
        assertEq(shares[1], 33, "second share");
        assertEq(shares[2], 33, "third share");
    }

    function testFuzz_share_sumsToTotalNearUint256Max(uint256 below, uint256 seed, uint256 count) public pure {
        uint256 total = type(uint256).max - bound(below, 0, 1e6);
        uint32[] memory weights = _weights(seed, bound(count, 1, MAX_ACCOUNTS));
        _checkShares(total, weights);
    }

    function test_share_sumsToTotalNearUint256Max() public pure {
        uint32[] memory weights = new uint32[](2);
        weights[0] = 1;
        weights[1] = type(uint32).max;
        uint256 total = type(uint256).max;
        uint256[] memory shares = _checkShares(total, weights);
        // sum = 2^32: the second share is floor(total * (2^32 - 1) / 2^32) = 2^256 - 2^224 - 1, and the
        // first is its floor 2^224 - 1 plus one unit of dust.
        uint256 second = Math.mulDiv(total, type(uint32).max, uint256(type(uint32).max) + 1);
        assertEq(shares[1], second, "second share");
        assertEq(shares[0], total - second, "first share takes the rest");
        assertEq(shares[0], (type(uint256).max >> 32) + 1, "first share: floor + dust");
    }

    function testFuzz_share_singleAccountTakesAll(uint256 total, uint32 weight) public pure {
        uint32[] memory weights = new uint32[](1);
        weights[0] = uint32(bound(weight, 1, type(uint32).max));
        uint256[] memory shares = ContributionMath.share(total, weights);
        assertEq(shares.length, 1, "share count");
        assertEq(shares[0], total, "single share");
    }

    function test_share_singleAccountTakesAll() public pure {
        uint32[] memory weights = new uint32[](1);
        weights[0] = 7;
        assertEq(ContributionMath.share(type(uint256).max, weights)[0], type(uint256).max, "single share");
    }

    /* MONOTONIC */

    function testFuzz_share_monotonicInWeight(uint256 total, uint256 seed, uint256 count) public pure {
        uint32[] memory weights = _weights(seed, bound(count, 2, MAX_ACCOUNTS));
        uint256[] memory shares = ContributionMath.share(total, weights);
        _checkMonotonicInWeight(weights, shares);
    }

    function test_share_monotonicInWeight() public pure {
        uint32[] memory weights = new uint32[](4);
        weights[0] = 1;
        weights[1] = 2;
        weights[2] = 2;
        weights[3] = 5;
        uint256[] memory shares = ContributionMath.share(1_000, weights);
        _checkMonotonicInWeight(weights, shares);
        assertEq(shares[0], 100, "weight 1 of 10");
        assertEq(shares[1], 200, "weight 2 of 10");
        assertEq(shares[2], 200, "weight 2 of 10, again");
        assertEq(shares[3], 500, "weight 5 of 10");
    }

    function testFuzz_share_monotonicInTotal(uint256 total, uint256 more, uint256 seed, uint256 count) public pure {
        more = bound(more, 0, type(uint256).max - total);
        uint32[] memory weights = _weights(seed, bound(count, 1, MAX_ACCOUNTS));
        uint256[] memory low = ContributionMath.share(total, weights);
        uint256[] memory high = ContributionMath.share(total + more, weights);
        // Only floors are monotonic: the first share's dust may shrink when the total grows.
        for (uint256 i = 1; i < weights.length; ++i) {
            assertLe(low[i], high[i], "a larger total never lowers a non-first share");
        }
        assertLe(Math.mulDiv(total, weights[0], _sum(weights)), high[0], "first share at least its floor");
    }

    function test_share_monotonicInTotal() public pure {
        uint32[] memory weights = new uint32[](3);
        weights[0] = 1;
        weights[1] = 1;
        weights[2] = 1;
        uint256[] memory low = ContributionMath.share(101, weights);
        uint256[] memory high = ContributionMath.share(102, weights);
        // 101 → [35, 33, 33]; 102 → [34, 34, 34]: the first share drops as its dust becomes floor.
        assertEq(low[0], 35, "first share of 101");
        assertEq(high[0], 34, "first share of 102");
        assertEq(low[1], 33, "second share of 101");
        assertEq(high[1], 34, "second share of 102");
    }

    /* MULDIVDOWN */

    function testFuzz_mulDivDown_equalsFloorOfFullProduct(uint256 x, uint32 y, uint256 d) public pure {
        d = bound(d, y == 0 ? 1 : y, uint256(type(uint32).max) * MAX_ACCOUNTS);
        assertEq(ContributionMath.mulDivDown(x, y, d), Math.mulDiv(x, y, d), "mulDivDown vs 512-bit mulDiv");
    }

    function test_mulDivDown_equalsFloorOfFullProduct() public pure {
        uint256 x = type(uint256).max;
        uint256 y = type(uint32).max;
        uint256 d = uint256(type(uint32).max) * MAX_ACCOUNTS;
        // x * y / (64 * y) = x / 64: the product overflows 256 bits, the split form does not.
        assertEq(ContributionMath.mulDivDown(x, y, d), type(uint256).max / 64, "max * max32 / (64 * max32)");
    }

    /* HELPERS */

    /// @dev Checks the shares of `total` against the oracle and returns them.
    function _checkShares(uint256 total, uint32[] memory weights) private pure returns (uint256[] memory shares) {
        shares = ContributionMath.share(total, weights);
        assertEq(shares.length, weights.length, "one share per weight");
        uint256 sum = _sum(weights);
        uint256 given;
        for (uint256 i = 0; i < weights.length; ++i) {
            uint256 exact = Math.mulDiv(total, weights[i], sum);
            if (i != 0) assertEq(shares[i], exact, "non-first share is exactly floor(total * weight / sum)");
            given += shares[i];
        }
        assertEq(given, total, "shares add up to the total");
        uint256 firstFloor = Math.mulDiv(total, weights[0], sum);
        assertLe(firstFloor, shares[0], "first share at least its floor");
        // Each of the n floors loses less than one unit, so the dust is at most n - 1.
        assertLe(shares[0] - firstFloor, weights.length - 1, "dust below one unit per account");
    }

    /// @dev Pairwise: a larger weight never gets a smaller share (the first share only gains dust).
    function _checkMonotonicInWeight(uint32[] memory weights, uint256[] memory shares) private pure {
        for (uint256 i = 0; i < weights.length; ++i) {
            for (uint256 j = 1; j < weights.length; ++j) {
                if (weights[j] <= weights[i]) assertLe(shares[j], shares[i], "share vs weight order");
            }
        }
    }

    function _weights(uint256 seed, uint256 count) private pure returns (uint32[] memory weights) {
        weights = new uint32[](count);
        for (uint256 i = 0; i < count; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            uint256 mode = r % 4;
            if (mode == 0) weights[i] = type(uint32).max;
            else if (mode == 1) weights[i] = 1;
            else weights[i] = uint32(bound(r >> 2, 1, type(uint32).max));
        }
    }

    function _sum(uint32[] memory weights) private pure returns (uint256 sum) {
        for (uint256 i = 0; i < weights.length; ++i) sum += weights[i];
    }
}
