// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {BountyMath} from "../../contracts/libraries/BountyMath.sol";
import {Test} from "../utils/Test.sol";

/// @title BountyMathTest
/// @notice The share accounting of a bounty, function by function: `sharesFor` buys shares at
/// their current value rounding down, `effectiveShares` counts a position through rescales and
/// resets, `afterAward` rescales by the fewest 32-bit steps (or resets when nothing is left),
/// `refund` pays shares at their value rounding down and gives the last funder what is left, so
/// refunds add up to what the bounty holds. Roundings are checked against 512-bit products
/// (`Math.mul512`), never against the function under test. `sum` saturates instead of overflowing.
/// @dev The ranges follow what the board can reach: deposits below 2^128 (MAX_FUNDING), shares
/// below 2^161, a share worth more than 2^-33 after every award.
contract BountyMathTest is Test {
    uint256 private constant MAX_AMOUNT = type(uint128).max;
    uint256 private constant MAX_FUNDERS = 8;
    uint256 private constant SCALE_BITS = 32;
    uint256 private constant RESET_EPOCHS = 8;

    /* SHARES FOR A DEPOSIT */

    function testFuzz_sharesFor_mintsOnePerUnitWhenNoneOutstanding(uint256 amount, uint256 remaining) public pure {
        amount = bound(amount, 1, MAX_AMOUNT);
        assertEq(BountyMath.sharesFor(amount, 0, remaining), amount, "shares of a first deposit");
    }

    function test_sharesFor_mintsOnePerUnitWhenNoneOutstanding() public pure {
        assertEq(BountyMath.sharesFor(1_000, 0, 0), 1_000, "first deposit");
        // After a reset (nothing outstanding), whatever the bounty held before.
        assertEq(BountyMath.sharesFor(100, 0, 7), 100, "first deposit after a reset");
    }

    function testFuzz_sharesFor_withoutAwardMintsOnePerUnit(uint256 amount, uint256 remaining) public pure {
        amount = bound(amount, 1, MAX_AMOUNT);
        remaining = bound(remaining, 1, MAX_AMOUNT);
        assertEq(BountyMath.sharesFor(amount, remaining, remaining), amount, "a share is worth one unit");
    }

    function test_sharesFor_withoutAwardMintsOnePerUnit() public pure {
        assertEq(BountyMath.sharesFor(3 ether, 1 ether, 1 ether), 3 ether, "top-up of 3 into 1");
    }

    function testFuzz_sharesFor_buysAtCurrentValueRoundingDown(
        uint256 amount,
        uint256 totalShares,
        uint256 remaining
    ) public pure {
        amount = bound(amount, 1, MAX_AMOUNT);
        remaining = bound(remaining, 1, MAX_AMOUNT);
        // A share is worth more than 2^-33 units (see afterAward): totalShares < (remaining + 1) << 32.
        totalShares = bound(totalShares, 1, ((remaining + 1) << SCALE_BITS) - 1);
        uint256 shares = BountyMath.sharesFor(amount, totalShares, remaining);
        // shares * remaining <= amount * totalShares < (shares + 1) * remaining.
        assertTrue(_le512(shares, remaining, amount, totalShares), "the shares are worth at most the deposit");
        assertTrue(
            _lt512(amount, totalShares, shares + 1, remaining),
            "one more share would be worth more than the deposit"
        );
    }

    function test_sharesFor_buysAtCurrentValueRoundingDown() public pure {
        // 1,000 shares hold 600 after an award of 400: a share is worth 0.6, 300 buys 500.
        assertEq(BountyMath.sharesFor(300, 1_000, 600), 500, "exact");
        // 10 shares hold 7: 5 buys 7.14..., rounded down to 7 (in the other funders' favour).
        assertEq(BountyMath.sharesFor(5, 10, 7), 7, "rounded down");
        // 2^32 shares hold 1 unit (after a rescale): 2^96 buys 2^128.
        assertEq(BountyMath.sharesFor(2 ** 96, 2 ** 32, 1), 2 ** 128, "after a rescale");
    }

    /* EFFECTIVE SHARES OF A POSITION */

    function testFuzz_effectiveShares_shiftsBy32BitsPerEpochUntilReset(
        uint256 shares,
        uint256 epoch,
        uint256 behind
    ) public pure {
        epoch = bound(epoch, 0, type(uint32).max);
        behind = bound(behind, 0, 3 * RESET_EPOCHS);
        uint256 effective = BountyMath.effectiveShares(shares, epoch, epoch + behind);
        if (behind >= RESET_EPOCHS) {
            assertEq(effective, 0, "a reset leaves nothing");
        } else {
            assertEq(effective, shares / (2 ** (SCALE_BITS * behind)), "shares / 2^(32 * epochs behind)");
        }
    }

    function test_effectiveShares_shiftsBy32BitsPerEpochUntilReset() public pure {
        assertEq(BountyMath.effectiveShares(123, 5, 5), 123, "same epoch");
        assertEq(BountyMath.effectiveShares(2 ** 64 + 2 ** 32 + 7, 0, 1), 2 ** 32 + 1, "one epoch behind");
        assertEq(BountyMath.effectiveShares(2 ** 64 + 2 ** 32 + 7, 0, 2), 1, "two epochs behind");
        assertEq(BountyMath.effectiveShares(type(uint256).max, 0, 7), 2 ** 32 - 1, "seven epochs behind");
        assertEq(BountyMath.effectiveShares(type(uint256).max, 0, 8), 0, "a reset: eight epochs behind");
        assertEq(BountyMath.effectiveShares(1, 3, 100), 0, "far behind");
    }

    /// @dev The board converts a position when its owner tops up, and otherwise only when it is
    /// read: converting at every epoch or once at the end must count the same.
    function testFuzz_effectiveShares_convertingInStepsCountsTheSame(
        uint256 shares,
        uint256 epoch,
        uint256 first,
        uint256 second
    ) public pure {
        epoch = bound(epoch, 0, type(uint32).max);
        first = bound(first, 0, 2 * RESET_EPOCHS);
        second = bound(second, 0, 2 * RESET_EPOCHS);
        uint256 stepped = BountyMath.effectiveShares(
            BountyMath.effectiveShares(shares, epoch, epoch + first),
            epoch + first,
            epoch + first + second
        );
        assertEq(stepped, BountyMath.effectiveShares(shares, epoch, epoch + first + second), "in steps vs at once");
    }

    function test_effectiveShares_convertingInStepsCountsTheSame() public pure {
        // 2^100 + 2^96 + 12,345 shares, three epochs behind: 2^4 + 1.
        uint256 shares = 2 ** 100 + 2 ** 96 + 12_345;
        uint256 once = BountyMath.effectiveShares(shares, 2, 5);
        uint256 stepped = BountyMath.effectiveShares(BountyMath.effectiveShares(shares, 2, 3), 3, 5);
        assertEq(once, 17, "at once");
        assertEq(stepped, 17, "in steps");
    }

    /* AFTER AN AWARD */

    function testFuzz_afterAward_resetsWhenNothingRemains(uint256 totalShares, uint256 epoch) public pure {
        epoch = bound(epoch, 0, type(uint32).max - RESET_EPOCHS);
        (uint256 newTotalShares, uint256 newEpoch) = BountyMath.afterAward(totalShares, epoch, 0);
        assertEq(newTotalShares, 0, "shares outstanding after a reset");
        assertEq(newEpoch, epoch + RESET_EPOCHS, "epoch after a reset");
    }

    function test_afterAward_resetsWhenNothingRemains() public pure {
        (uint256 totalShares, uint256 epoch) = BountyMath.afterAward(12_345, 3, 0);
        assertEq(totalShares, 0, "shares outstanding");
        assertEq(epoch, 11, "epoch: 3 + 8");
    }

    /// @dev The rescale takes the fewest 32-bit steps after which a share is worth more than
    /// 2^-33 units (`newTotalShares >> 32 <= remaining`), and leaves shares outstanding.
    function testFuzz_afterAward_rescalesByTheFewest32BitSteps(
        uint256 totalShares,
        uint256 epoch,
        uint256 remaining
    ) public pure {
        totalShares = bound(totalShares, 1, 2 ** 161 - 1);
        epoch = bound(epoch, 0, type(uint32).max - RESET_EPOCHS);
        remaining = bound(remaining, 1, MAX_AMOUNT);
        (uint256 newTotalShares, uint256 newEpoch) = BountyMath.afterAward(totalShares, epoch, remaining);
        uint256 steps = newEpoch - epoch;
        assertEq(newTotalShares, totalShares >> (SCALE_BITS * steps), "shares: shifted by 32 bits per step");
        assertLt(newTotalShares >> SCALE_BITS, remaining, "a share is worth more than 2^-32 after");
        assertTrue(newTotalShares != 0, "shares outstanding after");
        if (steps != 0) {
            uint256 oneStepLess = totalShares >> (SCALE_BITS * (steps - 1));
            assertTrue(oneStepLess >> SCALE_BITS >= remaining, "one step less would not do");
        }
    }

    function test_afterAward_rescalesByTheFewest32BitSteps() public pure {
        uint256 totalShares;
        uint256 epoch;
        (totalShares, epoch) = BountyMath.afterAward(1_000, 0, 600);
        assertEq(totalShares, 1_000, "a share worth 0.6: unchanged");
        assertEq(epoch, 0, "a share worth 0.6: same epoch");
        (totalShares, epoch) = BountyMath.afterAward(2 ** 32 - 1, 4, 1);
        assertEq(totalShares, 2 ** 32 - 1, "a share worth just over 2^-32: unchanged");
        assertEq(epoch, 4, "a share worth just over 2^-32: same epoch");
        (totalShares, epoch) = BountyMath.afterAward(2 ** 32, 4, 1);
        assertEq(totalShares, 1, "a share worth exactly 2^-32: rescaled");
        assertEq(epoch, 5, "a share worth exactly 2^-32: next epoch");
        // 2^96 shares left with 1 unit: three steps, to 1 share.
        (totalShares, epoch) = BountyMath.afterAward(2 ** 96, 0, 1);
        assertEq(totalShares, 1, "2^96 shares for 1 unit");
        assertEq(epoch, 3, "2^96 shares for 1 unit: epoch");
        // 2^132 + 2^32 shares left with 1 unit: four steps, to 16 shares.
        (totalShares, epoch) = BountyMath.afterAward(2 ** 132 + 2 ** 32, 5, 1);
        assertEq(totalShares, 16, "2^132 + 2^32 shares for 1 unit");
        assertEq(epoch, 9, "2^132 + 2^32 shares for 1 unit: epoch");
    }

    /// @dev BountyMath promises "a share is always worth more than 2^-32 units" and the board
    /// relies on it for "shares stay below 2^160" (BountyBoard.MAX_FUNDING, the uint160 casts).
    /// A loop that stopped at `totalShares >> 32 <= remaining` let a share be worth about 2^-33
    /// (see BountyBoard.test.ts, "a top-up of 2^127 into a bounty left with 1 unit").
    function testFuzz_afterAward_keepsAShareWorthAtLeastTwoToTheMinus32(uint256 remaining, uint256 excess) public pure {
        // Awards that leave a few units are where a rescale matters.
        remaining = bound(remaining, 1, 1_000);
        excess = bound(excess, 1, 2 ** SCALE_BITS - 1);
        (uint256 totalShares, ) = BountyMath.afterAward((remaining << SCALE_BITS) + excess, 0, remaining);
        assertLt(totalShares, remaining << SCALE_BITS, "shares after the award vs remaining * 2^32");
    }

    function test_afterAward_keepsAShareWorthAtLeastTwoToTheMinus32() public pure {
        // 2^33 - 1 shares left with 1 unit: a share is worth 1 / (2^33 - 1) < 2^-32.
        (uint256 totalShares, ) = BountyMath.afterAward(2 ** 33 - 1, 0, 1);
        assertLt(totalShares, 2 ** 32, "shares for 1 unit");
    }

    /* REFUND OF A POSITION */

    function testFuzz_refund_paysSharesAtTheirValueRoundingDown(
        uint256 shares,
        uint256 totalShares,
        uint256 remaining
    ) public pure {
        totalShares = bound(totalShares, 1, 2 ** 161 - 1);
        shares = bound(shares, 0, totalShares);
        remaining = bound(remaining, 0, MAX_AMOUNT);
        uint256 amount = BountyMath.refund(shares, totalShares, remaining, false);
        // amount * totalShares <= shares * remaining < (amount + 1) * totalShares.
        assertTrue(_le512(amount, totalShares, shares, remaining), "the refund is worth at most the shares");
        assertTrue(_lt512(shares, remaining, amount + 1, totalShares), "one more unit would be worth more");
        assertLe(amount, remaining, "refund vs what the bounty holds");
    }

    function test_refund_paysSharesAtTheirValueRoundingDown() public pure {
        // Contributions 3 and 7, 1 awarded: 10 shares hold 9.
        assertEq(BountyMath.refund(3, 10, 9, false), 2, "3 shares: floor(2.7)");
        assertEq(BountyMath.refund(7, 10, 9, false), 6, "7 shares: floor(6.3)");
        assertEq(BountyMath.refund(800, 816, 51, false), 50, "800 of 816 shares holding 51");
    }

    function testFuzz_refund_worthlessPositionGetsNothing(uint256 totalShares, uint256 remaining) public pure {
        assertEq(BountyMath.refund(0, totalShares, remaining, false), 0, "refund of no shares");
    }

    function test_refund_worthlessPositionGetsNothing() public pure {
        // After a reset nothing is outstanding: no division by zero.
        assertEq(BountyMath.refund(0, 0, 100, false), 0, "nothing outstanding");
        assertEq(BountyMath.refund(0, 5, 100, false), 0, "shares of others outstanding");
    }

    function testFuzz_refund_lastFunderTakesEverythingLeft(
        uint256 shares,
        uint256 totalShares,
        uint256 remaining
    ) public pure {
        shares = bound(shares, 0, totalShares);
        assertEq(BountyMath.refund(shares, totalShares, remaining, true), remaining, "last refund");
    }

    function test_refund_lastFunderTakesEverythingLeft() public pure {
        assertEq(BountyMath.refund(7, 7, 7, true), 7, "its own shares");
        assertEq(BountyMath.refund(0, 0, 2, true), 2, "a worthless position collects the dust");
        assertEq(BountyMath.refund(5, 5, 0, true), 0, "nothing left");
    }

    /* REFUNDS ADD UP TO WHAT THE BOUNTY HOLDS */

    /// @dev Positions whose shares add up to at most `totalShares` (a rescale may leave shares
    /// owned by no position), reclaimed in any order: every refund but the last is its value
    /// rounded down, the last takes the rest, and the refunds add up to `remaining` exactly.
    function testFuzz_refund_addsUpToWhatTheBountyHolds(
        uint256 seed,
        uint256 count,
        uint256 orphans,
        uint256 remaining
    ) public pure {
        uint256[] memory shares = _positions(seed, bound(count, 1, MAX_FUNDERS));
        uint256 totalShares = _sum(shares) + bound(orphans, 0, MAX_FUNDERS);
        remaining = bound(remaining, 0, MAX_AMOUNT);
        _replay(shares, totalShares, remaining, _order(seed, shares.length));
    }

    function test_refund_addsUpToWhatTheBountyHolds() public pure {
        // Contributions 3 and 7, 1 awarded: 10 shares hold 9, shared 2.7 / 6.3.
        uint256[] memory shares = new uint256[](2);
        (shares[0], shares[1]) = (3, 7);
        uint256[] memory order = new uint256[](2);
        (order[0], order[1]) = (0, 1);
        uint256[] memory refunds = _replay(shares, 10, 9, order);
        assertEq(refunds[0], 2, "first reclaim: floor(3 * 9 / 10)");
        assertEq(refunds[1], 7, "last reclaim: 9 - 2 (6 and the dust)");
        (order[0], order[1]) = (1, 0);
        refunds = _replay(shares, 10, 9, order);
        assertEq(refunds[1], 6, "first reclaim: floor(7 * 9 / 10)");
        assertEq(refunds[0], 3, "last reclaim: 9 - 6 (2 and the dust)");
    }

    /* WITHOUT AN AWARD, EVERYONE GETS ITS CONTRIBUTION */

    /// @dev Deposits only (no award): each mints one share per unit, and each refund is exactly
    /// the deposit, in any order.
    function testFuzz_refund_withoutAwardReturnsContributions(uint256 seed, uint256 count) public pure {
        uint256[] memory deposits = _positions(seed, bound(count, 1, MAX_FUNDERS));
        uint256 totalShares;
        uint256 held;
        uint256[] memory shares = new uint256[](deposits.length);
        for (uint256 i; i < deposits.length; ++i) {
            shares[i] = BountyMath.sharesFor(deposits[i], totalShares, held);
            assertEq(shares[i], deposits[i], "shares of a deposit");
            totalShares += shares[i];
            held += deposits[i];
        }
        uint256[] memory refunds = _replay(shares, totalShares, held, _order(seed, shares.length));
        for (uint256 i; i < deposits.length; ++i) assertEq(refunds[i], deposits[i], "refund");
    }

    function test_refund_withoutAwardReturnsContributions() public pure {
        assertEq(BountyMath.sharesFor(1, 0, 0), 1, "first of three");
        assertEq(BountyMath.sharesFor(1, 1, 1), 1, "second of three");
        assertEq(BountyMath.sharesFor(1, 2, 2), 1, "third of three");
        assertEq(BountyMath.refund(1, 3, 3, false), 1, "first refund of three");
        assertEq(BountyMath.refund(1, 2, 2, false), 1, "second refund of three");
        assertEq(BountyMath.refund(1, 1, 1, true), 1, "last refund of three");
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

    /// @dev Reclaims every position in `order` as the board does (shares leave the outstanding
    /// total, refunds leave what the bounty holds), checking each refund; returns refunds by position.
    function _replay(
        uint256[] memory shares,
        uint256 totalShares,
        uint256 remaining,
        uint256[] memory order
    ) private pure returns (uint256[] memory refunds) {
        uint256 held = remaining;
        refunds = new uint256[](shares.length);
        for (uint256 k; k < order.length; ++k) {
            uint256 i = order[k];
            bool last = k + 1 == order.length;
            uint256 refund = BountyMath.refund(shares[i], totalShares, remaining, last);
            if (last) {
                assertEq(refund, remaining, "last refund: everything left");
            } else {
                assertTrue(_le512(refund, totalShares, shares[i], remaining), "refund at most its value");
                assertTrue(_lt512(shares[i], remaining, refund + 1, totalShares), "refund: its value rounded down");
            }
            refunds[i] = refund;
            remaining -= refund;
            totalShares -= shares[i];
        }
        assertEq(_sum(refunds), held, "refunds add up to what the bounty held");
    }

    /// @dev `count` share positions from `seed`: a quarter 1, a quarter 2^128, the rest uniform below.
    function _positions(uint256 seed, uint256 count) private pure returns (uint256[] memory positions) {
        positions = new uint256[](count);
        for (uint256 i; i < count; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            uint256 mode = r % 4;
            if (mode == 0) positions[i] = 1;
            else if (mode == 1) positions[i] = 2 ** 128;
            else positions[i] = bound(r >> 8, 1, 2 ** 128);
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

    /// @dev Whether a * b <= c * d, on the full 512-bit products.
    function _le512(uint256 a, uint256 b, uint256 c, uint256 d) private pure returns (bool) {
        (uint256 highAB, uint256 lowAB) = Math.mul512(a, b);
        (uint256 highCD, uint256 lowCD) = Math.mul512(c, d);
        return highAB < highCD || (highAB == highCD && lowAB <= lowCD);
    }

    /// @dev Whether a * b < c * d, on the full 512-bit products.
    function _lt512(uint256 a, uint256 b, uint256 c, uint256 d) private pure returns (bool) {
        return !_le512(c, d, a, b);
    }
}
