// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEAS} from "@ethereum-attestation-service/eas-contracts/contracts/IEAS.sol";

import {SovereignRegistry} from "../../../contracts/graph/SovereignRegistry.sol";

/// @title SovereignRegistryV2
/// @notice A second implementation of the registry for the upgrade tests: the same storage and
/// behaviour plus a `version` view, so a test can tell which code the proxy runs.
contract SovereignRegistryV2 is SovereignRegistry {
    /// @param eas_ The EAS instance, named again as the registry's immutable requires.
    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor(IEAS eas_) SovereignRegistry(eas_) {}

    /// @notice The implementation's version.
    /// @return The version number.
    function version() external pure returns (uint256) {
        return 2;
    }
}
