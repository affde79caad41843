// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title StreamMath
/// @notice The money math of milestone escrows: how much of a linear stream has vested at a
/// given time, how much of it is still claimable, the protocol fee on a payout, and how a ruling
/// splits a disputed amount. Pure functions that return amounts; the escrow only moves them.
/// @dev Amounts fit in 128 bits and times in 40 bits (as the escrow stores them), so every
/// product below stays under 2^168 and never overflows; the checked arithmetic would revert
/// rather than wrap if a caller broke that assumption.
library StreamMath {
    /// @notice The denominator of fees in basis points.
    uint256 internal constant BPS = 10_000;
    /// @notice The denominator of a ruling's share (1e6 = the whole amount).
    uint256 internal constant SHARE_SCALE = 1e6;

    /// @notice How much of `amount`, streamed linearly from `start` to `end`, has vested at `time`:
    /// nothing up to `start`, everything from `end`, and `amount * (time - start) / (end - start)`
    /// rounded down in between (so the recipient is never paid ahead of the stream).
    /// @param amount The stream's total.
    /// @param start When the stream starts.
    /// @param end When the stream ends (after `start`).
    /// @param time The time asked about.
    /// @return vested The amount vested at `time`.
    function streamed(uint256 amount, uint256 start, uint256 end, uint256 time) internal pure returns (uint256 vested) {
        if (time <= start) return 0;
        if (time >= end) return amount;
        // start < time < end here, so both differences are positive and the quotient is below `amount`.
        return (amount * (time - start)) / (end - start);
    }

    /// @notice What the recipient of a stream may claim at `time`, having claimed `claimed` already.
    /// @param amount The stream's total.
    /// @param start When the stream starts.
    /// @param end When the stream ends (after `start`).
    /// @param time The time asked about.
    /// @param claimed What was claimed before (never more than vested at any earlier time).
    /// @return available The vested amount not claimed yet (0 if `claimed` is ahead of the stream).
    function claimable(
        uint256 amount,
        uint256 start,
        uint256 end,
        uint256 time,
        uint256 claimed
    ) internal pure returns (uint256 available) {
        uint256 vested = streamed(amount, start, end, time);
        // `vested` never decreases over time, so `claimed` (vested at an earlier claim) is at most
        // `vested`; the guard keeps the function total for arbitrary inputs.
        unchecked {
            return vested > claimed ? vested - claimed : 0;
        }
    }

    /// @notice The protocol fee on a payout of `amount` at `feeBps` basis points, rounded down
    /// (in the payee's favour).
    /// @param amount The gross payout.
    /// @param feeBps The fee in basis points (at most `BPS`).
    /// @return fee The fee.
    function fee(uint256 amount, uint256 feeBps) internal pure returns (uint256) {
        return (amount * feeBps) / BPS;
    }

    /// @notice How a ruling giving `shareToClaimant` (in `SHARE_SCALE` units) splits `amount`: the
    /// claimant's part rounded down, the respondent's the rest, so the parts add up to `amount`.
    /// @param amount The disputed amount.
    /// @param shareToClaimant The claimant's share, at most `SHARE_SCALE`.
    /// @return toClaimant The claimant's part.
    /// @return toRespondent The respondent's part.
    function split(
        uint256 amount,
        uint256 shareToClaimant
    ) internal pure returns (uint256 toClaimant, uint256 toRespondent) {
        toClaimant = (amount * shareToClaimant) / SHARE_SCALE;
        toRespondent = amount - toClaimant;
    }

    /// @notice The reputation points a payout earns when a whole milestone of `amount` is worth
    /// `points`: the points of everything paid so far (`paidAfter`) minus those of what was paid
    /// before (`paidBefore`), each rounded down, so the payouts of one milestone add up to
    /// exactly `points` once it is fully paid, however it was split.
    /// @param points The points of the whole milestone.
    /// @param amount The milestone's amount (non-zero).
    /// @param paidBefore What was paid before this payout (gross).
    /// @param paidAfter What is paid including this payout (gross, at least `paidBefore`, at most `amount`).
    /// @return earned The payout's points.
    function pointsFor(
        uint256 points,
        uint256 amount,
        uint256 paidBefore,
        uint256 paidAfter
    ) internal pure returns (uint256 earned) {
        return (points * paidAfter) / amount - (points * paidBefore) / amount;
    }
}
