// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";

import {IRevenueSplit} from "./IRevenueSplit.sol";
import {IRevenueSplitFactory} from "./IRevenueSplitFactory.sol";
import {RevenueSplit} from "./RevenueSplit.sol";

/// @title RevenueSplitFactory
/// @notice Creates revenue splits as EIP-1167 clones of one RevenueSplit implementation, at
/// CREATE2 addresses derived from their configuration, controller and salt.
/// @dev Plain `cloneDeterministic`, not the immutable-args variant: a controlled split's
/// configuration changes, so nothing of it can live in the clone's code, and reading args would
/// cost every call an EXTCODECOPY.
contract RevenueSplitFactory is IRevenueSplitFactory {
    address private immutable _IMPLEMENTATION;

    constructor() {
        // The implementation records this factory as the only initializer of its clones.
        _IMPLEMENTATION = address(new RevenueSplit());
    }

    /// @inheritdoc IRevenueSplitFactory
    function createSplit(
        IRevenueSplit.SplitConfig calldata config,
        address controller,
        bytes32 salt
    ) external returns (address split) {
        bytes32 splitHash = keccak256(abi.encode(config));
        bytes32 createSalt = _createSalt(splitHash, controller, salt);
        split = Clones.predictDeterministicAddress(_IMPLEMENTATION, createSalt);
        if (split.code.length != 0) revert SplitFactorySplitExists(split);

        Clones.cloneDeterministic(_IMPLEMENTATION, createSalt);
        // The clone checks the configuration and reverts the creation when it is invalid.
        IRevenueSplit(split).initialize(config, controller);
        emit SplitCreated(
            split,
            controller,
            msg.sender,
            splitHash,
            config.recipients,
            config.allocations,
            config.distributorFee,
            salt
        );
    }

    /// @inheritdoc IRevenueSplitFactory
    function predictSplitAddress(
        IRevenueSplit.SplitConfig calldata config,
        address controller,
        bytes32 salt
    ) external view returns (address) {
        return
            Clones.predictDeterministicAddress(
                _IMPLEMENTATION,
                _createSalt(keccak256(abi.encode(config)), controller, salt)
            );
    }

    /// @inheritdoc IRevenueSplitFactory
    function implementation() external view returns (address) {
        return _IMPLEMENTATION;
    }

    /// @dev The CREATE2 salt: commits to the configuration and the controller besides `salt`.
    function _createSalt(bytes32 splitHash, address controller, bytes32 salt) private pure returns (bytes32) {
        return keccak256(abi.encode(splitHash, controller, salt));
    }
}
