// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEAS} from "@ethereum-attestation-service/eas-contracts/contracts/IEAS.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";

import {ContributionLedger} from "../../../contracts/graph/ContributionLedger.sol";
import {ISovereignRegistry} from "../../../contracts/graph/ISovereignRegistry.sol";
import {SovereignRegistry} from "../../../contracts/graph/SovereignRegistry.sol";
import {Test} from "../../utils/Test.sol";
import {MockEAS} from "../mocks/MockEAS.sol";

/// @title GraphFixture
/// @notice Deploys the Sovereign Graph as production does: each module's implementation behind an
/// ERC1967Proxy, initialized in the proxy's constructor, reading a MockEAS.
abstract contract GraphFixture is Test {
    string internal constant METADATA_URI = "ipfs://sovereign-metadata";
    bytes32 internal constant METADATA_HASH = keccak256("sovereign metadata");
    bytes32 internal constant EXECUTION_RECORD_SCHEMA = keccak256("execution record schema");
    bytes32 internal constant EXECUTION_VERIFICATION_SCHEMA = keccak256("execution verification schema");

    /// @dev The role bitmap bit of `role`, as {ISovereignRegistry-rolesOf} reports it.
    function _bit(ISovereignRegistry.Role role) internal pure returns (uint8) {
        return uint8(1) << uint8(role);
    }

    /// @dev A labelled account derived from `name`.
    function _account(string memory name) internal returns (address account) {
        account = address(uint160(uint256(keccak256(bytes(name)))));
        vm.label(account, name);
    }

    function _deployRegistry(MockEAS eas, address governance, address guardian) internal returns (SovereignRegistry) {
        SovereignRegistry implementation = new SovereignRegistry(IEAS(address(eas)));
        ERC1967Proxy proxy = new ERC1967Proxy(
            address(implementation),
            abi.encodeCall(SovereignRegistry.initialize, (governance, guardian))
        );
        return SovereignRegistry(address(proxy));
    }

    function _deployLedger(
        MockEAS eas,
        SovereignRegistry registry,
        address governance,
        address guardian
    ) internal returns (ContributionLedger) {
        ContributionLedger implementation = new ContributionLedger(IEAS(address(eas)));
        ERC1967Proxy proxy = new ERC1967Proxy(
            address(implementation),
            abi.encodeCall(
                ContributionLedger.initialize,
                (governance, guardian, registry, EXECUTION_RECORD_SCHEMA, EXECUTION_VERIFICATION_SCHEMA)
            )
        );
        return ContributionLedger(address(proxy));
    }
}
