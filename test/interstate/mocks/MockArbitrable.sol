// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IArbitrable} from "../../../contracts/interstate/IArbitrable.sol";
import {IArbitration} from "../../../contracts/interstate/IArbitration.sol";

/// @title MockArbitrable
/// @notice Opens disputes on Arbitration for tests and records the rulings it is called back with.
contract MockArbitrable is IArbitrable {
    IArbitration public arbitration;
    mapping(uint256 disputeId => uint256 share) public rulings;
    mapping(uint256 disputeId => uint256 count) public rulingCalls;

    event RulingReceived(uint256 indexed disputeId, uint256 shareToClaimant);

    constructor(IArbitration arbitration_) {
        arbitration = arbitration_;
    }

    /// @notice Opens a dispute with `params`.
    function open(IArbitration.DisputeParams calldata params) external returns (uint256) {
        return arbitration.openDispute(params);
    }

    /// @inheritdoc IArbitrable
    function onRuling(uint256 disputeId, uint256 shareToClaimant) external {
        require(msg.sender == address(arbitration), "only arbitration");
        rulings[disputeId] = shareToClaimant;
        ++rulingCalls[disputeId];
        emit RulingReceived(disputeId, shareToClaimant);
    }
}
