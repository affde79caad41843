// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title SwallowingToken
/// @notice A fee-on-transfer token whose fee is everything: a transfer succeeds, takes the
/// sender's tokens and delivers none. The extreme case of balance-delta accounting.
contract SwallowingToken is ERC20 {
    constructor() ERC20("Swallowing", "SWALLOW") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) return super._update(from, to, value);
        super._update(from, address(0), value);
    }
}
