// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";

import {IAtlasModule} from "./IAtlasModule.sol";

/// @title AtlasModule
/// @notice Base of every upgradeable Atlas OS module: governance ownership, a guardian that may
/// pause for a bounded time, a clock that stands still while paused, and UUPS upgrades that only
/// governance can authorize. State lives in ERC-7201 namespaces, so a module's own storage never
/// collides with this base's or OpenZeppelin's.
abstract contract AtlasModule is IAtlasModule, Initializable, UUPSUpgradeable, PausableUpgradeable {
    /// @notice What {maxPauseDuration} is until governance sets it (also for proxies initialized
    /// before the pause had an end): longer than a governance round trip (vote and timelock).
    uint32 public constant DEFAULT_MAX_PAUSE_DURATION = 14 days;
    uint32 private constant _MIN_PAUSE_DURATION = 1 days;
    uint32 private constant _MAX_PAUSE_DURATION = 90 days;

    /// @dev `pausedAt`/`pauseEndsAt` bound the current or last pause; `pausedBefore` is the time
    /// spent paused before `pausedAt`. OpenZeppelin's flag says whether a pause was started and
    /// not lifted by {unpause}; {paused} also ends it at `pauseEndsAt`. `pausedBefore` shares the
    /// guardian's slot: the clock of an unpaused module costs one storage read.
    /// @custom:storage-location erc7201:atlas.storage.AtlasModule
    struct AtlasModuleStorage {
        address governance;
        address guardian;
        uint64 pausedBefore;
        uint32 maxPauseDuration;
        uint40 pausedAt;
        uint40 pauseEndsAt;
        uint40 guardianReadyAt;
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

    /* GUARDIAN AND PAUSE */

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
        $.guardianReadyAt = 0;
        emit GuardianChanged(previous, newGuardian);
    }

    /// @inheritdoc IAtlasModule
    function pause() external {
        _requireNotPaused();
        AtlasModuleStorage storage $ = _moduleStorage();
        bool byGovernance = msg.sender == $.governance;
        if (!byGovernance && msg.sender != $.guardian) revert ModuleOnlyGuardian(msg.sender);
        uint256 maxDuration = _maxPauseDuration($);
        if (!byGovernance) {
            uint256 readyAt = $.guardianReadyAt;
            if (block.timestamp < readyAt) revert ModuleGuardianCoolingDown(readyAt);
            // The pause, then as long again before the guardian may pause anew.
            $.guardianReadyAt = uint40(block.timestamp + 2 * maxDuration);
        }
        // A pause that ended by itself (OpenZeppelin's flag still set) is settled in full.
        if (PausableUpgradeable.paused()) $.pausedBefore += $.pauseEndsAt - $.pausedAt;
        // Before the new end is written: `whenNotPaused` inside reads the old one, which has passed.
        _pause();
        $.pausedAt = uint40(block.timestamp);
        uint256 endsAt = block.timestamp + maxDuration;
        $.pauseEndsAt = uint40(endsAt);
        emit PauseEndSet(endsAt);
    }

    /// @inheritdoc IAtlasModule
    function extendPause(uint256 endsAt) external onlyGovernance whenPaused {
        if (endsAt <= block.timestamp || endsAt > type(uint40).max) revert ModuleInvalidPauseEnd(endsAt);
        _moduleStorage().pauseEndsAt = uint40(endsAt);
        emit PauseEndSet(endsAt);
    }

    /// @inheritdoc IAtlasModule
    function unpause() external onlyGovernance {
        // Nothing to lift (never paused, lifted already, or ended by itself): a queued proposal
        // that unpauses still executes after the pause ran out.
        if (!paused()) return;
        // Before the end moves to now: `whenPaused` inside reads the running pause's end.
        _unpause();
        AtlasModuleStorage storage $ = _moduleStorage();
        $.pausedBefore += uint64(block.timestamp) - $.pausedAt;
        $.pauseEndsAt = uint40(block.timestamp);
    }

    /// @inheritdoc IAtlasModule
    function setMaxPauseDuration(uint32 duration) external onlyGovernance {
        if (duration < _MIN_PAUSE_DURATION || duration > _MAX_PAUSE_DURATION) {
            revert ModuleInvalidPauseDuration(duration, _MIN_PAUSE_DURATION, _MAX_PAUSE_DURATION);
        }
        AtlasModuleStorage storage $ = _moduleStorage();
        uint256 previous = _maxPauseDuration($);
        $.maxPauseDuration = duration;
        emit MaxPauseDurationSet(previous, duration);
    }

    /* VIEWS */

    /// @inheritdoc IAtlasModule
    /// @dev OpenZeppelin's flag, ended at the pause's end: every `whenNotPaused` reads this.
    function paused() public view override(IAtlasModule, PausableUpgradeable) returns (bool) {
        return PausableUpgradeable.paused() && block.timestamp < _moduleStorage().pauseEndsAt;
    }

    /// @inheritdoc IAtlasModule
    function pauseState() external view returns (PauseState memory state) {
        AtlasModuleStorage storage $ = _moduleStorage();
        uint256 pausedFor = _pausedDuration();
        return
            PauseState({
                pauseEndsAt: $.pauseEndsAt,
                guardianReadyAt: $.guardianReadyAt,
                maxPauseDuration: _maxPauseDuration($),
                pausedDuration: pausedFor,
                moduleTime: block.timestamp - pausedFor
            });
    }

    /* INTERNAL */

    /// @dev The module's clock (see {PauseState-moduleTime}), for modules whose deadlines must not run while paused.
    function _moduleTime() internal view returns (uint256) {
        return block.timestamp - _pausedDuration();
    }

    /// @dev Upgrades go through governance only: a proposal, a vote, the timelock's delay.
    function _authorizeUpgrade(address) internal view override onlyGovernance {
        // The modifier is the whole check.
        return;
    }

    function _pausedDuration() private view returns (uint256 duration) {
        AtlasModuleStorage storage $ = _moduleStorage();
        duration = $.pausedBefore;
        if (PausableUpgradeable.paused()) {
            // The current pause, or the last one if it ended by itself.
            uint256 endsAt = $.pauseEndsAt;
            duration += (block.timestamp < endsAt ? block.timestamp : endsAt) - $.pausedAt;
        }
    }

    /// @dev The stored maximum, or the default where none was ever set.
    function _maxPauseDuration(AtlasModuleStorage storage $) private view returns (uint256) {
        uint256 duration = $.maxPauseDuration;
        return duration == 0 ? DEFAULT_MAX_PAUSE_DURATION : duration;
    }

    function _moduleStorage() private pure returns (AtlasModuleStorage storage $) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            // The ERC-7201 slot of this base's namespace.
            $.slot := _MODULE_STORAGE
        }
    }
}
