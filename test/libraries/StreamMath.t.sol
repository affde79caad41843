// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {StreamMath} from "../../contracts/libraries/StreamMath.sol";
import {Test} from "../utils/Test.sol";

/// @title StreamMathTest
/// @notice The escrow's money math against independent oracles (OpenZeppelin's 512-bit
/// `Math.mulDiv`): a stream vests nothing before its start, everything from its end, exactly
/// `floor(amount * elapsed / duration)` in between, never decreasing; successive claims add up to
/// what has vested; the fee rounds down and stays within its rate; a ruling's split adds up to the
/// disputed amount; payouts' points add up to the milestone's points. Amounts fit in 128 bits and
/// times in 40 bits, as the escrow stores them.
contract StreamMathTest is Test {
    uint256 private constant MAX_TIME = type(uint40).max;

    /* STREAMED */

    function testFuzz_streamed_matchesOracle(uint128 amount, uint256 start, uint256 end, uint256 time) public pure {
        (start, end) = _times(start, end);
        time = bound(time, 0, MAX_TIME);
        uint256 want;
        if (time <= start) want = 0;
        else if (time >= end) want = amount;
        else want = Math.mulDiv(amount, time - start, end - start);
        assertEq(StreamMath.streamed(amount, start, end, time), want, "streamed vs mulDiv oracle");
    }

    function test_streamed_matchesOracle() public pure {
        // 600 over 60 days, 10 a day.
        uint256 start = 1_000;
        uint256 end = start + 60 days;
        assertEq(StreamMath.streamed(600, start, end, start), 0, "at start");
        assertEq(StreamMath.streamed(600, start, end, start + 15 days), 150, "after 15 days");
        assertEq(StreamMath.streamed(600, start, end, start + 15 days + 1), 150, "rounded down");
        assertEq(StreamMath.streamed(600, start, end, end), 600, "at end");
        assertEq(StreamMath.streamed(600, start, end, end + 1 days), 600, "after end");
        assertEq(StreamMath.streamed(600, start, end, 0), 0, "before start");
    }

    function testFuzz_streamed_neverDecreases(
        uint128 amount,
        uint256 start,
        uint256 end,
        uint256 t1,
        uint256 t2
    ) public pure {
        (start, end) = _times(start, end);
        t1 = bound(t1, 0, MAX_TIME);
        t2 = bound(t2, t1, MAX_TIME);
        uint256 earlier = StreamMath.streamed(amount, start, end, t1);
        uint256 later = StreamMath.streamed(amount, start, end, t2);
        assertLe(earlier, later, "vested at t1 vs at t2 >= t1");
        assertLe(later, amount, "vested vs amount");
    }

    function test_streamed_neverDecreases() public pure {
        uint256 last;
        for (uint256 t = 0; t <= 12; ++t) {
            uint256 vested = StreamMath.streamed(7, 2, 11, t);
            assertLe(last, vested, "vested one second later");
            last = vested;
        }
        assertEq(last, 7, "whole stream");
    }

    /* CLAIMABLE */

    function testFuzz_claimable_claimsAddUpToVested(
        uint128 amount,
        uint256 start,
        uint256 end,
        uint256[4] memory steps
    ) public pure {
        (start, end) = _times(start, end);
        uint256 time = start;
        uint256 claimed;
        for (uint256 i = 0; i < steps.length; ++i) {
            time = bound(steps[i], time, MAX_TIME);
            uint256 available = StreamMath.claimable(amount, start, end, time, claimed);
            claimed += available;
            assertEq(claimed, StreamMath.streamed(amount, start, end, time), "claimed so far vs vested");
        }
        assertLe(claimed, amount, "claimed vs amount");
    }

    function test_claimable_claimsAddUpToVested() public pure {
        uint256 start = 100;
        uint256 end = 100 + 60 days;
        uint256 first = StreamMath.claimable(6_000, start, end, start + 12 days, 0);
        assertEq(first, 1_200, "first claim after 12 days");
        uint256 second = StreamMath.claimable(6_000, start, end, start + 45 days, first);
        assertEq(second, 3_300, "second claim after 45 days");
        assertEq(StreamMath.claimable(6_000, start, end, end, first + second), 1_500, "the rest at the end");
    }

    function testFuzz_claimable_zeroWhenAheadOfStream(uint128 amount, uint256 claimed, uint256 time) public pure {
        time = bound(time, 0, 100);
        uint256 vested = StreamMath.streamed(amount, 0, 100, time);
        claimed = bound(claimed, vested, type(uint256).max);
        assertEq(StreamMath.claimable(amount, 0, 100, time, claimed), 0, "claimable once claimed >= vested");
    }

    function test_claimable_zeroWhenAheadOfStream() public pure {
        assertEq(StreamMath.claimable(100, 0, 100, 50, 60), 0, "claimed 60 of 50 vested");
        assertEq(StreamMath.claimable(100, 0, 100, 50, 50), 0, "claimed exactly what vested");
    }

    /* FEE */

    function testFuzz_fee_roundsDownWithinRate(uint128 amount, uint256 feeBps) public pure {
        feeBps = bound(feeBps, 0, 500);
        uint256 fee = StreamMath.fee(amount, feeBps);
        assertEq(fee, Math.mulDiv(amount, feeBps, 10_000), "fee vs mulDiv oracle");
        assertLe(fee * 10_000, uint256(amount) * feeBps, "fee within its rate");
        assertLe(fee, amount, "fee vs amount");
    }

    function test_fee_roundsDownWithinRate() public pure {
        assertEq(StreamMath.fee(1_000, 250), 25, "2.5% of 1,000");
        assertEq(StreamMath.fee(100, 250), 2, "2.5% of 100, rounded down");
        assertEq(StreamMath.fee(39, 250), 0, "2.5% of 39 rounds to 0");
        assertEq(StreamMath.fee(1_000, 0), 0, "no fee");
    }

    /* SPLIT */

    function testFuzz_split_addsUp(uint128 amount, uint256 share) public pure {
        share = bound(share, 0, StreamMath.SHARE_SCALE);
        (uint256 toClaimant, uint256 toRespondent) = StreamMath.split(amount, share);
        assertEq(toClaimant + toRespondent, amount, "parts add up to the amount");
        assertEq(toClaimant, Math.mulDiv(amount, share, StreamMath.SHARE_SCALE), "claimant part vs oracle");
    }

    function test_split_addsUp() public pure {
        (uint256 toClaimant, uint256 toRespondent) = StreamMath.split(1_000, 700_000);
        assertEq(toClaimant, 700, "70% to the claimant");
        assertEq(toRespondent, 300, "30% to the respondent");
        (toClaimant, toRespondent) = StreamMath.split(3, 500_000);
        assertEq(toClaimant, 1, "claimant's half of 3, rounded down");
        assertEq(toRespondent, 2, "respondent gets the dust");
        (toClaimant, toRespondent) = StreamMath.split(3, StreamMath.SHARE_SCALE);
        assertEq(toClaimant, 3, "all to the claimant");
        assertEq(toRespondent, 0, "nothing to the respondent");
    }

    /* POINTS */

    function testFuzz_pointsFor_addUpToMilestonePoints(uint128 amount, uint256[3] memory cuts) public pure {
        vm.assume(amount > 0);
        uint256 points = 100;
        uint256 paid;
        uint256 earned;
        for (uint256 i = 0; i < cuts.length; ++i) {
            uint256 next = bound(cuts[i], paid, amount);
            earned += StreamMath.pointsFor(points, amount, paid, next);
            paid = next;
            assertEq(earned, (points * paid) / amount, "points so far vs points of what is paid");
        }
        earned += StreamMath.pointsFor(points, amount, paid, amount);
        assertEq(earned, points, "a fully paid milestone earns its points");
    }

    function test_pointsFor_addUpToMilestonePoints() public pure {
        assertEq(StreamMath.pointsFor(100, 6_000, 0, 1_200), 20, "first fifth");
        assertEq(StreamMath.pointsFor(100, 600, 0, 150), 25, "a quarter");
        assertEq(StreamMath.pointsFor(100, 600, 150, 400), 41, "66 - 25");
        assertEq(StreamMath.pointsFor(100, 600, 400, 600), 34, "100 - 66");
        assertEq(StreamMath.pointsFor(100, 1_000, 0, 700), 70, "a 70% ruling");
    }

    /* HELPERS */

    /// @dev A stream with start < end, both within 40 bits.
    function _times(uint256 start, uint256 end) private pure returns (uint256, uint256) {
        start = bound(start, 0, MAX_TIME - 1);
        end = bound(end, start + 1, MAX_TIME);
        return (start, end);
    }
}
