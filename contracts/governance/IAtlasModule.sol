// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IAtlasModule
/// @notice What every long-lived Atlas OS module shares: it is owned by governance (the timelock
/// the governor drives), a guardian may pause it for a bounded time, and only governance may
/// unpause it, extend a pause, change its guardian or upgrade it (UUPS).
/// @dev Assumptions and promises:
/// - `governance` is the TimelockController of the governance layer; nothing in a module grants
///   anyone else a way around it.
/// - The guardian (the pauser) is not the governor's proposal guardian: no single key can both
///   freeze the modules and cancel the proposals that would unfreeze them (the deployment refuses
///   a configuration where they are the same account).
/// - A pause ends by itself {maxPauseDuration} after it began unless governance extends it
///   ({extendPause}); the guardian may pause again only once as long again has passed since its
///   pause could last ({PauseState-guardianReadyAt}). So a guardian alone holds a module at most half the time,
///   and governance, whose proposals it cannot cancel, replaces it in the meantime.
/// - The module's clock ({PauseState-moduleTime}) is `block.timestamp` minus the total time the module has
///   spent paused: it stands still while the module is paused. Modules whose deadlines decide
///   who gets money (escrows, bounties) keep them on this clock, so a pause never runs a
///   deadline, a review window or a stream out from under a party.
interface IAtlasModule {
    /// @notice Where the module's pause and clock stand.
    /// @param pauseEndsAt When the current pause ends by itself (0 if the module was never paused;
    /// in the past when it is not paused).
    /// @param guardianReadyAt From when on the guardian may pause (again); 0: at once.
    /// @param maxPauseDuration The longest a pause lasts without governance, in seconds.
    /// @param pausedDuration Seconds the module has spent paused, in all.
    /// @param moduleTime The module's clock: `block.timestamp` minus `pausedDuration`. It stands
    /// still while the module is paused, and equals `block.timestamp` until it is first paused.
    struct PauseState {
        uint256 pauseEndsAt;
        uint256 guardianReadyAt;
        uint256 maxPauseDuration;
        uint256 pausedDuration;
        uint256 moduleTime;
    }

    /// @notice The guardian changed from `previousGuardian` to `newGuardian` (zero: none).
    event GuardianChanged(address indexed previousGuardian, address indexed newGuardian);
    /// @notice The current pause ends by itself at `endsAt` (set when it began or by {extendPause}).
    // solhint-disable-next-line gas-indexed-events
    event PauseEndSet(uint256 endsAt);
    /// @notice Governance changed the longest a pause lasts without it from `previousDuration` to
    /// `newDuration` seconds.
    // solhint-disable-next-line gas-indexed-events
    event MaxPauseDurationSet(uint256 previousDuration, uint256 newDuration);

    /// @dev `caller` cannot do this: only governance (the timelock) can.
    error ModuleOnlyGovernance(address caller);
    /// @dev `caller` cannot do this: only the guardian or governance can.
    error ModuleOnlyGuardian(address caller);
    /// @dev Governance cannot be the zero address.
    error ModuleZeroGovernance();
    /// @dev The guardian paused recently: it may pause again from `readyAt` on (governance may
    /// pause at any time).
    error ModuleGuardianCoolingDown(uint256 readyAt);
    /// @dev A pause's end must be in the future; `endsAt` is not.
    error ModuleInvalidPauseEnd(uint256 endsAt);
    /// @dev The longest a pause lasts without governance is `min` s to `max` s, not `duration` s.
    error ModuleInvalidPauseDuration(uint256 duration, uint256 min, uint256 max);

    /// @notice The account that owns the module: the timelock.
    /// @return governanceAddress The governance (timelock) address.
    function governance() external view returns (address governanceAddress);

    /// @notice The account that may pause the module in an emergency (zero: none).
    /// @return guardianAddress The guardian.
    function guardian() external view returns (address guardianAddress);

    /// @notice Names a new guardian, or removes it with the zero address; the new guardian may
    /// pause at once. Governance only.
    /// @param newGuardian The new guardian.
    function setGuardian(address newGuardian) external;

    /// @notice Stops every state change made by users of the module (each module says which
    /// calls stay open) for at most {PauseState-maxPauseDuration}; governance's own functions keep
    /// working. Guardian (once per cooldown, see {PauseState-guardianReadyAt}) or governance.
    function pause() external;

    /// @notice Moves the end of the current pause to `endsAt` (in the future). Governance only.
    /// @param endsAt When the pause ends by itself.
    function extendPause(uint256 endsAt) external;

    /// @notice Lets the module change state again. Governance only. Does nothing when the module
    /// is not paused (a pause may have ended by itself while a proposal to lift it waited).
    function unpause() external;

    /// @notice Sets the longest a pause lasts without governance, for pauses that begin from now on
    /// (1 to 90 days). Governance only.
    /// @param duration The duration, in seconds.
    function setMaxPauseDuration(uint32 duration) external;

    /// @notice Whether the module is paused now (a pause past its end is over).
    /// @return isPaused Whether it is.
    function paused() external view returns (bool isPaused);

    /// @notice Where the module's pause and clock stand.
    /// @return state See {PauseState}.
    function pauseState() external view returns (PauseState memory state);
}
