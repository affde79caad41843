// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IRevenueSplit} from "./IRevenueSplit.sol";

/// @title IRevenueSplitFactory
/// @notice Creates revenue splits ({IRevenueSplit}) as EIP-1167 clones at addresses a client can
/// compute before they exist, so revenue can be pointed at a split before anyone deploys it.
/// Immutable: no owner, no upgrade, no parameters.
/// @dev The address of a split, from its configuration `config`, its `controller` and a `salt`
/// of the creator's choosing (all ABI-encoded as Solidity does, `‖` is concatenation):
///
///     splitHash      = keccak256(abi.encode(config))
///                      // config as the tuple (address[] recipients, uint32[] allocations,
///                      // uint32 distributorFee): viem encodeAbiParameters([{ type: "tuple",
///                      // components: [...] }], [config]); the encoding starts with offset 0x20
///     createSalt     = keccak256(abi.encode(splitHash, controller, salt))
///                      // (bytes32, address, bytes32)
///     initCode       = 0x3d602d80600a3d3981f3363d3d373d3d3d363d73 ‖ implementation (20 bytes)
///                      ‖ 0x5af43d82803e903d91602b57fd5bf3
///                      // OpenZeppelin Clones' EIP-1167 creation code; implementation() below
///     split          = address(keccak256(0xff ‖ factory ‖ createSalt ‖ keccak256(initCode))[12:])
///                      // CREATE2: viem getContractAddress({ opcode: "CREATE2", from: factory,
///                      // salt: createSalt, bytecode: initCode })
///
/// The address commits to the whole configuration and the controller, so whoever creates the
/// split (anyone may) cannot change what it pays or who controls it; the same factory address on
/// another chain gives the same split address. Funds sent to the address before creation are
/// shared by the first distribution.
interface IRevenueSplitFactory {
    /// @notice `creator` created `split` with `controller` (zero: immutable) and the configuration
    /// `recipients` / `allocations` / `distributorFee` (hash `splitHash`), from `salt`.
    event SplitCreated(
        address indexed split,
        address indexed controller,
        address indexed creator,
        bytes32 splitHash,
        address[] recipients,
        uint32[] allocations,
        uint32 distributorFee,
        bytes32 salt
    );

    /// @dev This split exists already, at `split`.
    error SplitFactorySplitExists(address split);

    /// @notice Creates the split of `config`, `controller` and `salt` at
    /// {predictSplitAddress}(config, controller, salt) and initializes it. Anyone may call it.
    /// @dev Reverts with {SplitFactorySplitExists}, or with the configuration errors of
    /// {IRevenueSplit-updateSplit} raised by the new clone. Emits {SplitCreated}.
    /// @param config Recipients (sorted ascending, unique), allocations (non-zero, summing to
    /// 1,000,000) and distributor fee (at most 100,000).
    /// @param controller Who may update the split later; zero for an immutable split.
    /// @param salt Any value; a different salt gives another split with the same configuration.
    /// @return split The new split.
    function createSplit(
        IRevenueSplit.SplitConfig calldata config,
        address controller,
        bytes32 salt
    ) external returns (address split);

    /// @notice Where {createSplit} puts the split of `config`, `controller` and `salt` (whether or
    /// not it exists yet), by the formula above.
    /// @param config The split's configuration (not checked here).
    /// @param controller Its controller.
    /// @param salt The creator's salt.
    /// @return split The address.
    function predictSplitAddress(
        IRevenueSplit.SplitConfig calldata config,
        address controller,
        bytes32 salt
    ) external view returns (address split);

    /// @notice The RevenueSplit implementation every split delegates to, deployed by the factory.
    function implementation() external view returns (address);
}
