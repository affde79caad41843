// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEAS} from "@ethereum-attestation-service/eas-contracts/contracts/IEAS.sol";

import {ISovereignRegistry} from "../../contracts/graph/ISovereignRegistry.sol";

/// @title CredentialCheckProbe
/// @notice Measures, in separate transactions of the same run, what a module pays for EAS
/// `getAttestation` alone and for the registry's credential check, each with the gas left before
/// and after the one external call, so calldata and the probe's own work are left out.
contract CredentialCheckProbe {
    /// @notice `operation` used `gasUsed` gas and answered `valid` (true for a found attestation).
    event Measured(string operation, uint256 gasUsed, bool valid);

    /// @notice Reads `uid` from `eas` and reports the gas of that call alone.
    function measureGetAttestation(IEAS eas, bytes32 uid) external returns (uint256 gasUsed) {
        uint256 before = gasleft();
        bool found = eas.getAttestation(uid).uid != bytes32(0);
        gasUsed = before - gasleft();
        emit Measured("getAttestation", gasUsed, found);
    }

    /// @notice Runs `registry.isCredentialValid` and reports the gas of that call alone.
    function measureCredentialCheck(
        ISovereignRegistry registry,
        uint64 sovereignId,
        address account,
        bytes32 schema,
        bytes32 uid,
        uint64 trustedBy
    ) external returns (uint256 gasUsed) {
        uint256 before = gasleft();
        bool valid = registry.isCredentialValid(sovereignId, account, schema, uid, trustedBy);
        gasUsed = before - gasleft();
        emit Measured("isCredentialValid", gasUsed, valid);
    }

    /// @notice {measureCredentialCheck} as a module usually makes it: after another read of the
    /// registry in the same transaction (a mission, a role), so the proxy and its implementation
    /// are already warm.
    function measureCredentialCheckWarm(
        ISovereignRegistry registry,
        uint64 sovereignId,
        address account,
        bytes32 schema,
        bytes32 uid,
        uint64 trustedBy
    ) external returns (uint256 gasUsed) {
        registry.missionCount();
        uint256 before = gasleft();
        bool valid = registry.isCredentialValid(sovereignId, account, schema, uid, trustedBy);
        gasUsed = before - gasleft();
        emit Measured("isCredentialValid (registry warm)", gasUsed, valid);
    }
}
