// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IArbitrable} from "../../../contracts/interstate/IArbitrable.sol";
import {IArbitration} from "../../../contracts/interstate/IArbitration.sol";

/// @title MockArbitrable
/// @notice Opens disputes on Arbitration for tests and records the rulings it is called back with.
/// It can be told to refuse rulings (as a paused arbitrable does) or to try to finalize the same
/// dispute again from inside the callback (a re-entry attempt whose revert data it records).
contract MockArbitrable is IArbitrable {
    IArbitration public arbitration;
    mapping(uint256 disputeId => uint256 share) public rulings;
    mapping(uint256 disputeId => uint256 count) public rulingCalls;
    bool public refusing;
    bool public reentering;
    bytes public reentryError;

    event RulingReceived(uint256 indexed disputeId, uint256 shareToClaimant);

    error RulingRefused(uint256 disputeId);

    constructor(IArbitration arbitration_) {
        arbitration = arbitration_;
    }

    /// @notice Opens a dispute with `params`.
    function open(IArbitration.DisputeParams calldata params) external returns (uint256) {
        return arbitration.openDispute(params);
    }

    /// @notice Whether `onRuling` reverts.
    function setRefusing(bool refusing_) external {
        refusing = refusing_;
    }

    /// @notice Whether `onRuling` tries `finalize` again first.
    function setReentering(bool reentering_) external {
        reentering = reentering_;
    }

    /// @inheritdoc IArbitrable
    function onRuling(uint256 disputeId, uint256 shareToClaimant) external {
        require(msg.sender == address(arbitration), "only arbitration");
        if (refusing) revert RulingRefused(disputeId);
        if (reentering) {
            try arbitration.finalize(disputeId) {
                reentryError = "";
            } catch (bytes memory reason) {
                reentryError = reason;
            }
        }
        rulings[disputeId] = shareToClaimant;
        ++rulingCalls[disputeId];
        emit RulingReceived(disputeId, shareToClaimant);
    }
}
