// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IArbitrable
/// @notice What a module whose deals can be disputed implements so that the Arbitration module
/// can enforce a final ruling on it.
/// @dev A ruling is the share of the disputed amount that goes to the claimant (who opened the
/// dispute), in millionths: 1e6 gives the claimant everything, 0 gives the respondent everything,
/// 700_000 is 70/30. The arbitrable module moves the money; Arbitration only decides.
interface IArbitrable {
    /// @notice Enforces the final ruling of `disputeId`. Called once, by the Arbitration module
    /// that opened the dispute, when the ruling can no longer be appealed.
    /// @param disputeId The dispute, as returned by {IArbitration-openDispute}.
    /// @param shareToClaimant The claimant's share of the disputed amount, in millionths (≤ 1e6).
    function onRuling(uint256 disputeId, uint256 shareToClaimant) external;
}
