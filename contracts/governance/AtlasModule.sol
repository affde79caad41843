// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";

import {IAtlasModule} from "./IAtlasModule.sol";

/// @title AtlasModule
/// @notice Base of every upgradeable Atlas OS module: governance ownership, a guardian that may
/// pause, and UUPS upgrades that only governance can authorize. State lives in ERC-7201
/// namespaces, so a module's own storage never collides with this base's or OpenZeppelin's.
abstract contract AtlasModule is IAtlasModule, Initializable, UUPSUpgradeable, PausableUpgradeable {
    /// @custom:storage-location erc7201:atlas.storage.AtlasModule
    struct AtlasModuleStorage {
        address governance;
        address guardian;
    }

    // keccak256(abi.encode(uint256(keccak256("atlas.storage.AtlasModule")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant _MODULE_STORAGE = 0x979ca844546541bf2e70378ce679081fe4d87e83050f00c0b479bea0a28b9c00;

    modifier onlyGovernance() {
        if (msg.sender != _moduleStorage().governance) revert ModuleOnlyGovernance(msg.sender);
        _;
    }

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    // solhint-disable-next-line func-name-mixedcase
    function __AtlasModule_init(address governance_, address guardian_) internal onlyInitializing {
        if (governance_ == address(0)) revert ModuleZeroGovernance();
        __Pausable_init();
        AtlasModuleStorage storage $ = _moduleStorage();
        $.governance = governance_;
        $.guardian = guardian_;
        emit GuardianChanged(address(0), guardian_);
    }

    /// @inheritdoc IAtlasModule
    function governance() public view returns (address) {
        return _moduleStorage().governance;
    }

    /// @inheritdoc IAtlasModule
    function guardian() external view returns (address) {
        return _moduleStorage().guardian;
    }

    /// @inheritdoc IAtlasModule
    function setGuardian(address newGuardian) external onlyGovernance {
        AtlasModuleStorage storage $ = _moduleStorage();
        address previous = $.guardian;
        $.guardian = newGuardian;
        emit GuardianChanged(previous, newGuardian);
    }

    /// @inheritdoc IAtlasModule
    function pause() external {
        AtlasModuleStorage storage $ = _moduleStorage();
        if (msg.sender != $.guardian && msg.sender != $.governance) revert ModuleOnlyGuardian(msg.sender);
        _pause();
    }

    /// @inheritdoc IAtlasModule
    function unpause() external onlyGovernance {
        _unpause();
    }

    /// @dev Upgrades go through governance only: a proposal, a vote, the timelock's delay.
    function _authorizeUpgrade(address) internal view override onlyGovernance {
        // The modifier is the whole check.
        return;
    }

    function _moduleStorage() private pure returns (AtlasModuleStorage storage $) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            // The ERC-7201 slot of this base's namespace.
            $.slot := _MODULE_STORAGE
        }
    }
}
