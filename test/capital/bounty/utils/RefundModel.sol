// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title RefundModel
/// @notice The reference model of issue 11, rule 10, independent of the board's shares: each
/// funder's stake is what it still has in a bounty. A deposit adds what arrived; an award of `x`
/// from a bounty holding `R` takes `stake * x / R` from every stake (so the stakes always add up
/// to `R`), which charges the award to the funders present, pro rata to what each still had in.
/// A funder that deposits after an award pays nothing for it.
/// @dev Exact rationals do not fit a word, so each stake is kept as a pair of bounds in fixed
/// point (units times 2^64, products in 512 bits by `Math.mulDiv`): `low` always rounds down,
/// `high` always rounds up, so the exact stake lies in [low, high] / 2^64 whatever the sequence.
/// Each award widens the pair by less than 2^-64 units; deposits are exact. Amounts below 2^128
/// keep every scaled stake below 2^192.
library RefundModel {
    /// @notice One unit in the model's fixed point.
    uint256 internal constant ONE = 2 ** 64;

    /// @notice A funder's stake in one bounty, in units times {ONE}, bounded below and above.
    struct Stake {
        uint256 low;
        uint256 high;
    }

    /// @notice Adds a deposit of `amount` (what arrived) to `stake`.
    function deposit(Stake storage stake, uint256 amount) internal {
        stake.low += amount * ONE;
        stake.high += amount * ONE;
    }

    /// @notice Charges `stake` its part of an award of `award` from a bounty that held `remaining`.
    function charge(Stake storage stake, uint256 award, uint256 remaining) internal {
        stake.low = Math.mulDiv(stake.low, remaining - award, remaining);
        stake.high = Math.mulDiv(stake.high, remaining - award, remaining, Math.Rounding.Ceil);
    }

    /// @notice The stake rounded down to units.
    function floorUnits(Stake storage stake) internal view returns (uint256) {
        return stake.low / ONE;
    }

    /// @notice The stake rounded up to units.
    function ceilUnits(Stake storage stake) internal view returns (uint256) {
        return Math.ceilDiv(stake.high, ONE);
    }
}
