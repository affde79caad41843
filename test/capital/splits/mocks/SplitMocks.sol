// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title Hostile tokens and receivers specific to revenue split tests (the shared ones are in
/// test/mocks/tokens/).

/// @notice A USDC-style token whose transfers to blocked accounts fail: they revert, or, with
/// `returnsFalse`, return false.
contract BlocklistToken is ERC20 {
    error Blocked(address account);

    bool public immutable RETURNS_FALSE;
    mapping(address account => bool) public blocked;

    constructor(bool returnsFalse_) ERC20("Blocklist", "BLOCK") {
        RETURNS_FALSE = returnsFalse_;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function setBlocked(address account, bool isBlocked) external {
        blocked[account] = isBlocked;
    }

    function transfer(address to, uint256 amount) public override returns (bool) {
        if (blocked[to]) {
            if (RETURNS_FALSE) return false;
            revert Blocked(to);
        }
        return super.transfer(to, amount);
    }
}

/// @notice A token whose balances move without transfers, as a rebasing token's do: `rebaseUp`
/// adds to a holder's balance, `rebaseDown` takes from it.
contract RebasingToken is ERC20 {
    constructor() ERC20("Rebasing", "REBASE") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function rebaseUp(address holder, uint256 amount) external {
        _mint(holder, amount);
    }

    function rebaseDown(address holder, uint256 amount) external {
        _burn(holder, amount);
    }
}

/// @notice Accepts ETH only after burning `NEED` gas: a contract wallet with an expensive receive.
/// With `NEED` of type(uint256).max it burns everything it is given (a griefer).
contract GasHungryReceiver {
    uint256 public immutable NEED;
    uint256 public received;

    constructor(uint256 need_) {
        NEED = need_;
    }

    // solhint-disable-next-line no-complex-fallback
    receive() external payable {
        uint256 start = gasleft();
        while (start - gasleft() < NEED) {}
        received += msg.value;
    }
}

/// @notice Refuses ETH until told to accept it (a receiver the invariant handler toggles).
contract ToggleReceiver {
    error Refused();

    bool public refusing;

    function setRefusing(bool refusing_) external {
        refusing = refusing_;
    }

    receive() external payable {
        if (refusing) revert Refused();
    }
}
