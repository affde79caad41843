// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";

/// @title IAtlasToken
/// @notice The Atlas OS governance token: an ERC-20 with EIP-2612 permits and ERC-5805 votes on a
/// timestamp clock (ERC-6372 `mode=timestamp`).
/// @dev The whole supply is minted once, at deployment, to the genesis recipients; no function can
/// mint or burn afterwards, so `totalSupply()` is constant for the token's life. Holders must
/// delegate (to themselves or to someone else) before their balance counts as voting power.
/// Timepoints passed to `getPastVotes` and `getPastTotalSupply` are Unix timestamps in seconds.
/// Assumptions: none about other contracts; the token holds no funds of its own.
interface IAtlasToken is IERC20, IERC20Permit, IERC5805 {
    /// @dev The genesis allocation names no recipient.
    error AtlasTokenGenesisEmpty();

    /// @dev The genesis allocation has `recipients` recipients but `amounts` amounts.
    error AtlasTokenGenesisLengthMismatch(uint256 recipients, uint256 amounts);

    /// @dev The genesis allocation gives `recipient` (position `index`) nothing.
    error AtlasTokenGenesisZeroAmount(uint256 index, address recipient);
}
