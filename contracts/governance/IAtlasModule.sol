// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IAtlasModule
/// @notice What every long-lived Atlas OS module shares: it is owned by governance (the timelock
/// the governor drives), a guardian may pause it, and only governance may unpause, change its
/// guardian or upgrade it (UUPS).
/// @dev Assumption: `governance` is the TimelockController of the governance layer; nothing in a
/// module grants anyone else a way around it.
interface IAtlasModule {
    /// @notice The guardian changed from `previousGuardian` to `newGuardian` (zero: none).
    event GuardianChanged(address indexed previousGuardian, address indexed newGuardian);

    /// @dev `caller` is not governance (the timelock).
    error ModuleOnlyGovernance(address caller);
    /// @dev `caller` is neither the guardian nor governance.
    error ModuleOnlyGuardian(address caller);
    /// @dev Governance cannot be the zero address.
    error ModuleZeroGovernance();

    /// @notice The account that owns the module: the timelock.
    /// @return governanceAddress The governance (timelock) address.
    function governance() external view returns (address governanceAddress);

    /// @notice The account that may pause the module in an emergency (zero: none).
    /// @return guardianAddress The guardian.
    function guardian() external view returns (address guardianAddress);

    /// @notice Names a new guardian, or removes it with the zero address. Governance only.
    /// @param newGuardian The new guardian.
    function setGuardian(address newGuardian) external;

    /// @notice Stops every state change made by users of the module until governance unpauses
    /// it; governance's own functions (parameters, upgrades, unpausing) keep working. Guardian or
    /// governance.
    function pause() external;

    /// @notice Lets the module change state again. Governance only.
    function unpause() external;
}
