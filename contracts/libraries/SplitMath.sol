// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title SplitMath
/// @notice How a revenue split shares an amount: the distributor's reward first, then each
/// recipient's share of the rest by allocation, every figure rounded down. Allocations and the
/// fee are parts per million.
/// @dev The rounding dust (`toRecipients` minus the sum of the shares) is at most one unit less
/// than the number of recipients, because each share loses less than one unit; the split keeps it.
library SplitMath {
    /// @notice 100%, in the parts allocations and fees are counted in.
    uint256 internal constant TOTAL_ALLOCATION = 1_000_000;
    /// @notice The highest distributor fee: 10%.
    uint256 internal constant MAX_DISTRIBUTOR_FEE = 100_000;

    /// @notice `amount` split between the distributor and the recipients.
    /// @param amount What is distributed.
    /// @param distributorFee The distributor's part, at most {TOTAL_ALLOCATION}.
    /// @return reward `floor(amount * distributorFee / TOTAL_ALLOCATION)`.
    /// @return toRecipients `amount - reward`.
    function distributorReward(
        uint256 amount,
        uint256 distributorFee
    ) internal pure returns (uint256 reward, uint256 toRecipients) {
        reward = shareOf(amount, distributorFee);
        // shareOf(amount, part) <= amount for part <= TOTAL_ALLOCATION.
        unchecked {
            toRecipients = amount - reward;
        }
    }

    /// @notice `floor(amount * allocation / TOTAL_ALLOCATION)`, exact for any `amount` and without
    /// overflow for `allocation` up to {TOTAL_ALLOCATION}.
    /// @param amount What is shared.
    /// @param allocation The part, in parts per million.
    /// @return share The part of `amount`, rounded down.
    function shareOf(uint256 amount, uint256 allocation) internal pure returns (uint256 share) {
        // amount = q * T + r, so amount * a / T = q * a + r * a / T with r * a < T * T = 1e12:
        // neither product overflows, and q * a <= amount.
        unchecked {
            share =
                (amount / TOTAL_ALLOCATION) * allocation +
                ((amount % TOTAL_ALLOCATION) * allocation) / TOTAL_ALLOCATION;
        }
    }

    /// @notice A whole distribution of `amount`: what {RevenueSplit-distribute} pays.
    /// @param amount What is distributed.
    /// @param distributorFee The distributor's part, at most {TOTAL_ALLOCATION}.
    /// @param allocations Each recipient's part; their sum at most {TOTAL_ALLOCATION}.
    /// @return reward The distributor's reward.
    /// @return shares Each recipient's share, `shareOf(amount - reward, allocation)`, in the order
    /// of `allocations`.
    /// @return dust What stays undistributed: `amount - reward - sum(shares)`.
    function distribution(
        uint256 amount,
        uint256 distributorFee,
        uint32[] memory allocations
    ) internal pure returns (uint256 reward, uint256[] memory shares, uint256 dust) {
        uint256 toRecipients;
        (reward, toRecipients) = distributorReward(amount, distributorFee);
        shares = new uint256[](allocations.length);
        dust = toRecipients;
        for (uint256 i; i < allocations.length; ++i) {
            uint256 share = shareOf(toRecipients, allocations[i]);
            shares[i] = share;
            // Shares of allocations summing to at most 100% add up to at most toRecipients.
            unchecked {
                dust -= share;
            }
        }
    }
}
