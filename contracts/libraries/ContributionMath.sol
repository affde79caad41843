// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ContributionMath
/// @notice How one outcome's amount and points are shared between several accounts by weight.
library ContributionMath {
    /// @notice `total` shared by `weights`: each share is `total * weight / sum(weights)` rounded
    /// down, and the rounding dust goes to the first account, so the shares always add up to
    /// `total` exactly.
    /// @param total The amount (or points) to share.
    /// @param weights Each account's weight; their sum must be non-zero and fit in 256 bits.
    /// @return shares Each account's share, in the order of `weights`.
    function share(uint256 total, uint32[] memory weights) internal pure returns (uint256[] memory shares) {
        uint256 weightSum;
        for (uint256 i; i < weights.length; ++i) weightSum += weights[i];
        shares = new uint256[](weights.length);
        uint256 given;
        for (uint256 i; i < weights.length; ++i) {
            shares[i] = mulDivDown(total, weights[i], weightSum);
            given += shares[i];
        }
        // Each share is rounded down, so `given <= total`.
        unchecked {
            shares[0] += total - given;
        }
    }

    /// @notice `x * y / d` rounded down, without overflow in the product for `y` below 2^32.
    function mulDivDown(uint256 x, uint256 y, uint256 d) internal pure returns (uint256) {
        // x * y overflows only if x is above 2^224; split x so each product fits.
        return (x / d) * y + ((x % d) * y) / d;
    }
}
