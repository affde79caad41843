// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {PaymentSplitter} from "@openzeppelin/contracts-v4/finance/PaymentSplitter.sol";

/// @title PaymentSplitterV4
/// @notice OpenZeppelin Contracts 4.9.6's PaymentSplitter (removed in 5.0), compiled only as the
/// pull-payment reference of the revenue split benchmark (scripts/bench/splits.ts).
contract PaymentSplitterV4 is PaymentSplitter {
    constructor(address[] memory payees, uint256[] memory shares) payable PaymentSplitter(payees, shares) {}
}
