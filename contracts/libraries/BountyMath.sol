// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title BountyMath
/// @notice How a bounty's awards are charged to its funders and what each funder gets back: the
/// money a bounty holds is shared by its funders in *shares*, as a vault shares its assets. A
/// deposit mints shares at the current value of a share (what the bounty holds over the shares
/// outstanding); an award lowers that value for every share outstanding, so it is charged to the
/// funders whose money was in at the time, pro rata to what each still had in; a refund pays a
/// funder's shares at their value. A funder who tops up after an award pays nothing for it.
/// @dev Precision. A share is always worth more than 2^-{SCALE_BITS} units: when an award leaves
/// it worth less, the shares are rescaled (divided by 2^{SCALE_BITS}) by advancing the bounty's
/// *share epoch*, and a position minted `k` epochs ago counts `shares >> (k * SCALE_BITS)`. An
/// award of everything that is left makes every share worthless: the epoch jumps by
/// {RESET_EPOCHS}, after which old positions count 0. So the shares outstanding stay below 2^32
/// times what the bounty holds (below 2^160 for a bounty below 2^128), and a rescale costs a
/// position less than one unit of value.
///
/// Rounding. Mints and refunds round down, in favour of the funders who stay; the last funder to
/// reclaim takes what is left. So a refund can exceed the funder's exact part by the rounding
/// that others left behind: at most about one unit per deposit and award the bounty saw, and only
/// when it made awards (without one, every funder gets back exactly its contribution).
library BountyMath {
    /// @notice Bits a rescale divides shares by.
    uint256 internal constant SCALE_BITS = 32;
    /// @notice Epochs that make every older position worthless (8 * 32 = 256 bits).
    uint256 internal constant RESET_EPOCHS = 8;

    /// @notice The shares a deposit of `amount` mints in a bounty holding `remaining` with
    /// `totalShares` outstanding: `amount` when there are none, else `amount * totalShares /
    /// remaining` rounded down (in the other funders' favour).
    /// @dev Expects `remaining > 0` whenever `totalShares > 0` (see {afterAward}).
    /// @param amount The deposit.
    /// @param totalShares The shares outstanding.
    /// @param remaining What the bounty holds for its funders.
    /// @return shares The shares minted.
    function sharesFor(uint256 amount, uint256 totalShares, uint256 remaining) internal pure returns (uint256 shares) {
        if (totalShares == 0) return amount;
        return Math.mulDiv(amount, totalShares, remaining);
    }

    /// @notice What a position of `shares` minted at share epoch `epoch` counts at `currentEpoch`.
    /// @param shares The position's shares, as minted.
    /// @param epoch The epoch they were minted (or last converted) at.
    /// @param currentEpoch The bounty's epoch now (at least `epoch`).
    /// @return effective The shares it counts now.
    function effectiveShares(
        uint256 shares,
        uint256 epoch,
        uint256 currentEpoch
    ) internal pure returns (uint256 effective) {
        uint256 behind = currentEpoch - epoch;
        if (behind >= RESET_EPOCHS) return 0;
        return shares >> (behind * SCALE_BITS);
    }

    /// @notice The shares outstanding and the epoch after an award left `remaining`: every share
    /// worthless (reset) when nothing remains, else rescaled until a share is worth more than
    /// 2^-{SCALE_BITS} (`totalShares < remaining * 2^SCALE_BITS`).
    /// @param totalShares The shares outstanding before.
    /// @param epoch The epoch before.
    /// @param remaining What the bounty holds after the award.
    /// @return newTotalShares The shares outstanding after.
    /// @return newEpoch The epoch after.
    function afterAward(
        uint256 totalShares,
        uint256 epoch,
        uint256 remaining
    ) internal pure returns (uint256 newTotalShares, uint256 newEpoch) {
        if (remaining == 0) return (0, epoch + RESET_EPOCHS);
        // `totalShares >> SCALE_BITS >= remaining` exactly when `totalShares >= remaining << SCALE_BITS`
        // (remaining is whole), without the shift of `remaining` that could overflow.
        while (totalShares >> SCALE_BITS >= remaining) {
            totalShares >>= SCALE_BITS;
            ++epoch;
        }
        return (totalShares, epoch);
    }

    /// @notice The refund of a funder whose position counts `shares` of `totalShares`, in a bounty
    /// holding `remaining`: their value rounded down, or everything left for the `last` funder to
    /// reclaim (who so collects the rounding dust, see the contract's note on rounding).
    /// @param shares The funder's effective shares (at most `totalShares`).
    /// @param totalShares The shares outstanding.
    /// @param remaining What the bounty holds.
    /// @param last Whether every other funder has reclaimed.
    /// @return amount The refund.
    function refund(
        uint256 shares,
        uint256 totalShares,
        uint256 remaining,
        bool last
    ) internal pure returns (uint256 amount) {
        if (last) return remaining;
        if (shares == 0) return 0;
        return Math.mulDiv(shares, remaining, totalShares);
    }

    /// @notice The sum of an award's amounts, saturating at `type(uint256).max`: a sum that would
    /// overflow exceeds any bounty's remaining and is reported as such instead of panicking.
    /// @param amounts The awards.
    /// @return total Their sum, or `type(uint256).max` if it does not fit.
    function sum(uint256[] calldata amounts) internal pure returns (uint256 total) {
        for (uint256 i; i < amounts.length; ++i) total = Math.saturatingAdd(total, amounts[i]);
    }
}
