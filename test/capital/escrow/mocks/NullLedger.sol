// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IContributionLedger} from "../../../../contracts/graph/IContributionLedger.sol";

/// @title NullLedger
/// @notice Accepts every contribution record and keeps nothing: the benchmark measures the
/// escrow's own cost with it, apart from the ledger's.
contract NullLedger {
    /// @notice Does nothing and returns outcome 0.
    function recordContribution(
        IContributionLedger.Outcome calldata,
        address[] calldata,
        uint32[] calldata
    ) external pure returns (uint256) {
        return 0;
    }
}
