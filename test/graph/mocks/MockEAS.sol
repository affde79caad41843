// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation} from "@ethereum-attestation-service/eas-contracts/contracts/Common.sol";

/// @title MockEAS
/// @notice The one EAS read the Sovereign Graph makes (`getAttestation`), answered from
/// attestations a test stores itself.
/// @dev EAS.sol pins `pragma solidity 0.8.29`, so tests compiled with 0.8.30 cannot import it.
/// This mock does not inherit IEAS: tests cast its address to IEAS when constructing a module.
contract MockEAS {
    mapping(bytes32 uid => Attestation) private _attestations;

    /// @notice Stores `attestation` under its own `uid` (replacing any earlier one).
    function setAttestation(Attestation calldata attestation) external {
        _attestations[attestation.uid] = attestation;
    }

    /// @notice Marks attestation `uid` revoked at `revocationTime`.
    function setRevocationTime(bytes32 uid, uint64 revocationTime) external {
        _attestations[uid].revocationTime = revocationTime;
    }

    /// @notice The attestation stored under `uid`, or an empty one (uid 0) as EAS returns.
    function getAttestation(bytes32 uid) external view returns (Attestation memory) {
        return _attestations[uid];
    }
}
