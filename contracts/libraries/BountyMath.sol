// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title BountyMath
/// @notice How a bounty's leftover (what was funded and not awarded) is refunded to its funders,
/// pro rata to their contributions, without a loop over the funders.
library BountyMath {
    /// @notice The refund of a funder reclaiming `contribution` from a bounty that credited
    /// `funded` in all and awarded `awarded`, after other funders whose contributions add up to
    /// `reclaimedContributions` were refunded `refunded` in all.
    /// @dev `contribution * (funded - awarded) / funded` rounded down (512-bit product), except
    /// for the last funder to reclaim (its contribution completes `funded`), who gets everything
    /// the others left: so refunds add up to the leftover exactly, whatever the order of reclaims.
    /// The last refund exceeds its exact share by the others' rounding dust, less than one unit
    /// per other funder; without an award there is no dust and every refund is its contribution.
    /// Expects `awarded <= funded`, `contribution > 0` and `reclaimedContributions + contribution
    /// <= funded`, with `refunded` the sum of earlier refunds computed by this function.
    /// @param contribution The reclaiming funder's contribution.
    /// @param funded The bounty's total contributions.
    /// @param awarded What the bounty awarded.
    /// @param refunded What earlier reclaims refunded.
    /// @param reclaimedContributions The contributions of the funders who reclaimed earlier.
    /// @return amount The refund.
    function refund(
        uint256 contribution,
        uint256 funded,
        uint256 awarded,
        uint256 refunded,
        uint256 reclaimedContributions
    ) internal pure returns (uint256 amount) {
        uint256 leftover = funded - awarded;
        if (reclaimedContributions + contribution == funded) return leftover - refunded;
        return Math.mulDiv(contribution, leftover, funded);
    }

    /// @notice The sum of an award's amounts, saturating at `type(uint256).max`: a sum that would
    /// overflow exceeds any bounty's remaining and is reported as such instead of panicking.
    /// @param amounts The awards.
    /// @return total Their sum, or `type(uint256).max` if it does not fit.
    function sum(uint256[] calldata amounts) internal pure returns (uint256 total) {
        for (uint256 i; i < amounts.length; ++i) total = Math.saturatingAdd(total, amounts[i]);
    }
}
