// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title DemoStablecoin
/// @notice The main job's stand-in for a sovereign stablecoin on its local chain until the
/// monetary layer (contracts/monetary/) exists: a plain ERC-20 with 6 decimals that only its
/// deployer mints. Not for any public network.
contract DemoStablecoin is ERC20 {
    address private immutable _MINTER;

    /// @dev `caller` is not the deployer.
    error DemoStablecoinNotMinter(address caller);

    /// @param name_ The token's name.
    /// @param symbol_ The token's symbol.
    constructor(string memory name_, string memory symbol_) ERC20(name_, symbol_) {
        _MINTER = msg.sender;
    }

    /// @notice Mints `amount` to `to`. Deployer only.
    /// @param to The recipient.
    /// @param amount The amount, in units of 10^-6.
    function mint(address to, uint256 amount) external {
        if (msg.sender != _MINTER) revert DemoStablecoinNotMinter(msg.sender);
        _mint(to, amount);
    }

    /// @inheritdoc ERC20
    function decimals() public pure override returns (uint8) {
        return 6;
    }
}
