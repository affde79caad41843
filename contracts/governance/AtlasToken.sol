// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {IERC6372} from "@openzeppelin/contracts/interfaces/IERC6372.sol";
import {Votes} from "@openzeppelin/contracts/governance/utils/Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

import {IAtlasToken} from "./IAtlasToken.sol";

/// @title AtlasToken
/// @notice Fixed-supply governance token of Atlas OS, with permits and timestamp-clocked votes.
/// @dev OpenZeppelin ERC20 + ERC20Permit + ERC20Votes. The only mint is in the constructor.
contract AtlasToken is ERC20, ERC20Permit, ERC20Votes, IAtlasToken {
    /// @notice Deploys the token and mints the genesis supply.
    /// @param name_ ERC-20 name, also the EIP-712 domain name used by permits and vote delegation.
    /// @param symbol_ ERC-20 symbol.
    /// @param recipients Genesis holders, in any order; a recipient may appear more than once.
    /// @param amounts Tokens (18 decimals) minted to the recipient at the same position.
    constructor(
        string memory name_,
        string memory symbol_,
        address[] memory recipients,
        uint256[] memory amounts
    ) ERC20(name_, symbol_) ERC20Permit(name_) {
        uint256 count = recipients.length;
        if (count == 0) revert AtlasTokenGenesisEmpty();
        if (count != amounts.length) revert AtlasTokenGenesisLengthMismatch(count, amounts.length);
        for (uint256 i = 0; i < count; ++i) {
            if (amounts[i] == 0) revert AtlasTokenGenesisZeroAmount(i, recipients[i]);
            // `_mint` rejects the zero address (ERC20InvalidReceiver) and a supply above
            // type(uint208).max (ERC20ExceededSafeSupply).
            _mint(recipients[i], amounts[i]);
        }
    }

    /* CLOCK (ERC-6372) */

    /// @inheritdoc IERC6372
    /// @dev Votes are checkpointed by timestamp, so governance periods are in seconds on every chain.
    function clock() public view override(Votes, IERC6372) returns (uint48) {
        return Time.timestamp();
    }

    /// @inheritdoc IERC6372
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override(Votes, IERC6372) returns (string memory) {
        return "mode=timestamp";
    }

    /* RESOLUTION OF INHERITED HOOKS */

    /// @inheritdoc ERC20Permit
    function nonces(address owner) public view override(ERC20Permit, Nonces, IERC20Permit) returns (uint256) {
        return super.nonces(owner);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }
}
