// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {SplitMath} from "../../contracts/libraries/SplitMath.sol";
import {Test} from "../utils/Test.sol";

/// @title SplitMathTest
/// @notice The split arithmetic against an independent 512-bit oracle (OpenZeppelin
/// `Math.mulDiv`): every figure is the exact floor, nothing is created (reward + shares + dust ==
/// amount), the dust is below the recipient count, and shares are monotonic in the amount.
/// @dev Allocations come from a seed: valid configurations of 1 to 500 recipients, each
/// allocation non-zero and all summing to 1,000,000; a third of them give one recipient almost
/// everything, so 1-part allocations show up in every campaign.
contract SplitMathTest is Test {
    uint256 private constant TOTAL = 1_000_000;
    uint256 private constant MAX_RECIPIENTS = 500;

    /* shareOf */

    function testFuzz_shareOf_isExactFloor(uint256 amount, uint256 allocation) public pure {
        allocation = bound(allocation, 0, TOTAL);
        assertEq(SplitMath.shareOf(amount, allocation), Math.mulDiv(amount, allocation, TOTAL), "shareOf vs mulDiv");
    }

    function test_shareOf_isExactFloor() public pure {
        assertEq(SplitMath.shareOf(99, 333_333), 32, "99 * 33.3333%");
        assertEq(SplitMath.shareOf(99, 333_334), 33, "99 * 33.3334%");
        assertEq(SplitMath.shareOf(999_999, 1), 0, "just under one unit");
        assertEq(SplitMath.shareOf(1_000_000, 1), 1, "exactly one unit");
        assertEq(SplitMath.shareOf(type(uint256).max, TOTAL), type(uint256).max, "100% of the largest amount");
        assertEq(
            SplitMath.shareOf(type(uint256).max, TOTAL - 1),
            Math.mulDiv(type(uint256).max, TOTAL - 1, TOTAL),
            "99.9999% of the largest amount"
        );
    }

    function testFuzz_shareOf_monotonicInAmount(uint256 amount, uint256 more, uint256 allocation) public pure {
        allocation = bound(allocation, 0, TOTAL);
        uint256 larger = amount + bound(more, 0, type(uint256).max - amount);
        assertLe(SplitMath.shareOf(amount, allocation), SplitMath.shareOf(larger, allocation), "share of more");
    }

    function test_shareOf_monotonicInAmount() public pure {
        assertLe(SplitMath.shareOf(1_999_999, 500_000), SplitMath.shareOf(2_000_000, 500_000), "share of more");
        assertEq(SplitMath.shareOf(1_999_999, 500_000), 999_999, "floor of 999,999.5");
    }

    /* distributorReward */

    function testFuzz_distributorReward_addsUpToAmount(uint256 amount, uint256 fee) public pure {
        fee = bound(fee, 0, SplitMath.MAX_DISTRIBUTOR_FEE);
        (uint256 reward, uint256 toRecipients) = SplitMath.distributorReward(amount, fee);
        assertEq(reward, Math.mulDiv(amount, fee, TOTAL), "reward vs mulDiv");
        assertEq(toRecipients, amount - reward, "toRecipients = amount - reward");
        assertLe(reward, amount / 10, "reward at most 10% of the amount");
    }

    function test_distributorReward_addsUpToAmount() public pure {
        (uint256 reward, uint256 toRecipients) = SplitMath.distributorReward(1_000, 10_000);
        assertEq(reward, 10, "1% of 1,000");
        assertEq(toRecipients, 990, "the rest");
        (reward, toRecipients) = SplitMath.distributorReward(99, 10_000);
        assertEq(reward, 0, "1% of 99 rounds to 0");
        assertEq(toRecipients, 99, "all to the recipients");
        (reward, toRecipients) = SplitMath.distributorReward(type(uint256).max, SplitMath.MAX_DISTRIBUTOR_FEE);
        assertEq(reward, type(uint256).max / 10, "10% of the largest amount");
        assertEq(toRecipients, type(uint256).max - type(uint256).max / 10, "90% of it");
    }

    /* distribution */

    function testFuzz_distribution_conservesAmount(
        uint256 amount,
        uint256 fee,
        uint256 seed,
        uint256 count
    ) public pure {
        fee = bound(fee, 0, SplitMath.MAX_DISTRIBUTOR_FEE);
        uint32[] memory allocations = _allocations(seed, bound(count, 1, MAX_RECIPIENTS));
        _checkDistribution(amount, fee, allocations);
    }

    function test_distribution_conservesAmount() public pure {
        uint32[] memory allocations = new uint32[](3);
        allocations[0] = 333_333;
        allocations[1] = 333_333;
        allocations[2] = 333_334;
        (uint256 reward, uint256[] memory shares, uint256 dust) = _checkDistribution(100, 10_000, allocations);
        // 1% of 100 = 1; 99 shared: 32, 32, 33 (97), 2 of dust.
        assertEq(reward, 1, "reward");
        assertEq(shares[0], 32, "first share");
        assertEq(shares[1], 32, "second share");
        assertEq(shares[2], 33, "third share");
        assertEq(dust, 2, "dust");
    }

    function testFuzz_distribution_smallAmountsStayAsDust(uint256 amount, uint256 seed, uint256 count) public pure {
        count = bound(count, 1, MAX_RECIPIENTS);
        uint32[] memory allocations = _allocations(seed, count);
        amount = bound(amount, 0, (2 * TOTAL) / MAX_RECIPIENTS);
        (, uint256[] memory shares, uint256 dust) = _checkDistribution(amount, 0, allocations);
        uint256 paid;
        for (uint256 i = 0; i < shares.length; ++i) {
            // A share is zero exactly when it is worth less than one unit; it then stays as dust.
            assertTrue((shares[i] == 0) == (amount * allocations[i] < TOTAL), "zero share iff below one unit");
            paid += shares[i];
        }
        assertEq(paid + dust, amount, "paid + dust");
    }

    function test_distribution_smallAmountsStayAsDust() public pure {
        uint32[] memory allocations = new uint32[](2);
        allocations[0] = 500_000;
        allocations[1] = 500_000;
        (, uint256[] memory shares, uint256 dust) = _checkDistribution(1, 0, allocations);
        assertEq(shares[0], 0, "half of 1 wei");
        assertEq(shares[1], 0, "the other half");
        assertEq(dust, 1, "the wei stays");
    }

    function testFuzz_distribution_singleRecipientTakesAllButReward(uint256 amount, uint256 fee) public pure {
        fee = bound(fee, 0, SplitMath.MAX_DISTRIBUTOR_FEE);
        uint32[] memory allocations = new uint32[](1);
        allocations[0] = uint32(TOTAL);
        (uint256 reward, uint256[] memory shares, uint256 dust) = SplitMath.distribution(amount, fee, allocations);
        assertEq(shares[0], amount - reward, "single share");
        assertEq(dust, 0, "no dust with one recipient");
    }

    function test_distribution_singleRecipientTakesAllButReward() public pure {
        uint32[] memory allocations = new uint32[](1);
        allocations[0] = uint32(TOTAL);
        (uint256 reward, uint256[] memory shares, uint256 dust) = SplitMath.distribution(
            type(uint256).max,
            100_000,
            allocations
        );
        assertEq(reward, type(uint256).max / 10, "reward");
        assertEq(shares[0], type(uint256).max - type(uint256).max / 10, "single share");
        assertEq(dust, 0, "no dust");
    }

    /* HELPERS */

    /// @dev Checks a distribution against the oracle and the conservation rules; returns it.
    function _checkDistribution(
        uint256 amount,
        uint256 fee,
        uint32[] memory allocations
    ) private pure returns (uint256 reward, uint256[] memory shares, uint256 dust) {
        (reward, shares, dust) = SplitMath.distribution(amount, fee, allocations);
        assertEq(reward, Math.mulDiv(amount, fee, TOTAL), "reward vs mulDiv");
        assertEq(shares.length, allocations.length, "one share per recipient");
        uint256 toRecipients = amount - reward;
        uint256 paid;
        for (uint256 i = 0; i < shares.length; ++i) {
            assertEq(shares[i], Math.mulDiv(toRecipients, allocations[i], TOTAL), "share vs mulDiv");
            paid += shares[i];
        }
        assertLe(paid, toRecipients, "shares sum at most what the recipients get");
        assertEq(reward + paid + dust, amount, "reward + shares + dust == amount");
        assertLe(dust + 1, allocations.length, "dust below the recipient count");
    }

    /// @dev `count` non-zero allocations summing to exactly 1,000,000.
    function _allocations(uint256 seed, uint256 count) private pure returns (uint32[] memory allocations) {
        allocations = new uint32[](count);
        uint256 spare = TOTAL - count;
        if (seed % 3 == 0) {
            // One recipient takes everything above 1 part each.
            for (uint256 i = 0; i < count; ++i) allocations[i] = 1;
            allocations[(seed >> 8) % count] += uint32(spare);
            return allocations;
        }
        uint256[] memory weights = new uint256[](count);
        uint256 weightSum;
        for (uint256 i = 0; i < count; ++i) {
            weights[i] = (uint256(keccak256(abi.encode(seed, i))) % 1_000) + 1;
            weightSum += weights[i];
        }
        uint256 given;
        for (uint256 i = 0; i < count; ++i) {
            uint256 extra = (spare * weights[i]) / weightSum;
            allocations[i] = uint32(1 + extra);
            given += extra;
        }
        allocations[count - 1] += uint32(spare - given);
    }
}
