// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice Refuses every ETH payment.
contract RevertingReceiver {
    error Refused();

    receive() external payable {
        revert Refused();
    }
}

/// @notice On every ETH payment (or HookToken transfer), calls `target` with `data` once: a
/// re-entry attempt whose outcome it records.
contract ReentrantReceiver {
    address public target;
    bytes public data;
    bool public attempted;
    bool public reentered;

    function arm(address target_, bytes calldata data_) external {
        target = target_;
        data = data_;
        attempted = false;
    }

    receive() external payable {
        _reenter();
    }

    function onTokenReceived(address, uint256) external {
        _reenter();
    }

    function _reenter() private {
        if (attempted || target == address(0)) return;
        attempted = true;
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, ) = target.call(data);
        reentered = ok;
    }
}
