// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Vm} from "./Vm.sol";

/// @title Test
/// @notice Minimal base for Solidity tests: the cheatcode handle, labelled assertions, `bound`.
/// @dev A failed assertion reverts with a message that names the label and both values, which the
/// Hardhat runner prints with the shrunk counterexample.
abstract contract Test {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    /// @dev Marks this contract as a test contract for the runner.
    bool public IS_TEST = true;

    address[] private _targetContracts;

    /// @notice Contracts the invariant fuzzer calls (read by the runner).
    function targetContracts() public view returns (address[] memory) {
        return _targetContracts;
    }

    function targetContract(address target) internal {
        _targetContracts.push(target);
    }

    function assertEq(uint256 got, uint256 want, string memory label) internal pure {
        if (got != want) {
            revert(string.concat(label, ": got ", _toString(got), ", want ", _toString(want)));
        }
    }

    function assertEq(address got, address want, string memory label) internal pure {
        if (got != want) revert(string.concat(label, ": addresses differ"));
    }

    function assertEq(string memory got, string memory want, string memory label) internal pure {
        if (keccak256(bytes(got)) != keccak256(bytes(want))) {
            revert(string.concat(label, ": got ", got, ", want ", want));
        }
    }

    function assertLe(uint256 got, uint256 bound_, string memory label) internal pure {
        if (got > bound_) {
            revert(string.concat(label, ": ", _toString(got), " exceeds ", _toString(bound_)));
        }
    }

    function assertLt(uint256 got, uint256 bound_, string memory label) internal pure {
        if (got >= bound_) {
            revert(string.concat(label, ": ", _toString(got), " is not below ", _toString(bound_)));
        }
    }

    function assertTrue(bool condition, string memory label) internal pure {
        if (!condition) revert(string.concat(label, ": expected true"));
    }

    /// @dev Maps any `x` into [min, max] without discarding fuzz inputs (Foundry's `bound`).
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        require(min <= max, "bound: min > max");
        uint256 size = max - min;
        if (size == type(uint256).max) return x;
        return min + (x % (size + 1));
    }

    function _toString(uint256 value) private pure returns (string memory) {
        if (value == 0) return "0";
        uint256 digits;
        for (uint256 v = value; v != 0; v /= 10) ++digits;
        bytes memory buffer = new bytes(digits);
        while (value != 0) {
            --digits;
            buffer[digits] = bytes1(uint8(48 + (value % 10)));
            value /= 10;
        }
        return string(buffer);
    }
}
