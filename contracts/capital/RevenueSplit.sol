// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {SplitMath} from "../libraries/SplitMath.sol";
import {IRevenueSplit} from "./IRevenueSplit.sol";

/// @title RevenueSplit
/// @notice The implementation behind every revenue split clone: shares ETH and ERC-20 balances
/// between recipients by allocation, pushing each payment and deferring those that fail.
contract RevenueSplit is IRevenueSplit, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @inheritdoc IRevenueSplit
    uint256 public constant TOTAL_ALLOCATION = SplitMath.TOTAL_ALLOCATION;
    /// @inheritdoc IRevenueSplit
    uint256 public constant MAX_DISTRIBUTOR_FEE = SplitMath.MAX_DISTRIBUTOR_FEE;
    /// @inheritdoc IRevenueSplit
    uint256 public constant MAX_RECIPIENTS = 500;
    /// @inheritdoc IRevenueSplit
    /// @dev Enough for a Safe, a smart account or another split to accept ETH; a recipient that
    /// needs more withdraws its pending payment with all the gas it wants.
    uint256 public constant PUSH_GAS_LIMIT = 100_000;

    /// @dev In the implementation's code, so every clone reads the same factory.
    address private immutable _FACTORY;

    bytes32 private _splitHash;
    address private _controller;
    mapping(address token => uint256 amount) private _totalPending;
    mapping(address token => mapping(address account => uint256 amount)) private _pending;

    constructor() {
        _FACTORY = msg.sender;
    }

    /// @notice Accepts ETH from anyone; it is shared by the next ETH distribution.
    receive() external payable {
        emit EtherReceived(msg.sender, msg.value);
    }

    /* CONFIGURATION */

    /// @inheritdoc IRevenueSplit
    function initialize(SplitConfig calldata config, address controller_) external {
        if (msg.sender != _FACTORY) revert SplitNotFactory(msg.sender);
        if (_splitHash != bytes32(0)) revert SplitAlreadyInitialized();
        _splitHash = _checkedHash(config);
        if (controller_ != address(0)) _controller = controller_;
        // No event here: the factory's SplitCreated, in the same transaction, records all of it.
    }

    /// @inheritdoc IRevenueSplit
    function updateSplit(
        SplitConfig calldata config,
        address[] calldata distributeFirst,
        SplitConfig calldata current
    ) external nonReentrant {
        _checkController();
        bytes32 hash = _checkedHash(config);
        if (distributeFirst.length != 0) {
            bytes32 currentHash = _checkedConfig(current);
            for (uint256 i; i < distributeFirst.length; ++i) {
                address token = distributeFirst[i];
                uint256 amount = _distributable(token);
                if (amount != 0) _distribute(token, current, currentHash, amount, msg.sender);
            }
        }
        _splitHash = hash;
        emit SplitUpdated(hash, config.recipients, config.allocations, config.distributorFee);
    }

    /// @inheritdoc IRevenueSplit
    function transferControl(address newController) external nonReentrant {
        address previous = _checkController();
        _controller = newController;
        emit ControlTransferred(previous, newController);
    }

    /* MONEY */

    /// @inheritdoc IRevenueSplit
    function distribute(address token, SplitConfig calldata config, address distributor) external nonReentrant {
        bytes32 hash = _checkedConfig(config);
        uint256 amount = _distributable(token);
        if (amount == 0) revert SplitNothingToDistribute(token);
        _distribute(token, config, hash, amount, distributor == address(0) ? msg.sender : distributor);
    }

    /// @inheritdoc IRevenueSplit
    function withdraw(address token, address to) external nonReentrant returns (uint256 amount) {
        if (to == address(0)) revert SplitZeroWithdrawalRecipient();
        return _withdraw(token, msg.sender, to);
    }

    /// @inheritdoc IRevenueSplit
    function withdrawFor(address token, address account) external nonReentrant returns (uint256 amount) {
        return _withdraw(token, account, account);
    }

    /* VIEWS */

    /// @inheritdoc IRevenueSplit
    function factory() external view returns (address) {
        return _FACTORY;
    }

    /// @inheritdoc IRevenueSplit
    function splitHash() external view returns (bytes32) {
        return _splitHash;
    }

    /// @inheritdoc IRevenueSplit
    function controller() external view returns (address) {
        return _controller;
    }

    /// @inheritdoc IRevenueSplit
    function pendingWithdrawal(address account, address token) external view returns (uint256) {
        return _pending[token][account];
    }

    /// @inheritdoc IRevenueSplit
    function totalPendingWithdrawals(address token) external view returns (uint256) {
        return _totalPending[token];
    }

    /// @inheritdoc IRevenueSplit
    function distributableBalance(address token) external view returns (uint256) {
        return _distributable(token);
    }

    /* INTERNAL */

    /// @dev Shares `amount` of `token` by `config` (whose hash `hash` is the split's): each
    /// recipient's share, then `distributor`'s reward.
    function _distribute(
        address token,
        SplitConfig calldata config,
        bytes32 hash,
        uint256 amount,
        address distributor
    ) private {
        (uint256 reward, uint256[] memory shares, ) = SplitMath.distribution(
            amount,
            config.distributorFee,
            config.allocations
        );

        // Nothing is written on the happy path: the amounts follow from the configuration and
        // `amount`, which the event carries. Deferred payments are recorded as they fail.
        emit SplitDistributed(token, distributor, hash, amount, reward);

        address[] calldata recipients = config.recipients;
        if (token == address(0)) {
            for (uint256 i; i < shares.length; ++i) {
                if (shares[i] != 0) _pushEther(recipients[i], shares[i]);
            }
            if (reward != 0) _pushEther(distributor, reward);
        } else {
            _pushTokenShares(token, recipients, shares);
            if (reward != 0) _pushToken(token, distributor, reward);
        }
    }

    /// @dev Pays `account`'s whole pending withdrawal of `token` to `to`.
    function _withdraw(address token, address account, address to) private returns (uint256 amount) {
        amount = _pending[token][account];
        if (amount == 0) revert SplitNothingToWithdraw(token, account);
        delete _pending[token][account];
        _totalPending[token] -= amount;
        emit Withdrawn(account, token, to, amount);
        if (token == address(0)) Address.sendValue(payable(to), amount);
        else IERC20(token).safeTransfer(to, amount);
    }

    /// @dev The hash of `config`, reverting unless it is the split's configuration.
    function _checkedConfig(SplitConfig calldata config) private view returns (bytes32 hash) {
        hash = _calldataHash(config);
        bytes32 expected = _splitHash;
        if (hash != expected) revert SplitConfigMismatch(hash, expected);
    }

    /// @dev Sends `amount` wei to `to`, or owes it to `to` when the payment fails.
    function _pushEther(address to, uint256 amount) private {
        uint256 gasBefore = gasleft();
        bool paid;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            // Sends `amount` wei with at most PUSH_GAS_LIMIT gas and copies no return data, so a
            // recipient can neither spend the distribution's gas nor make it pay for memory.
            paid := call(PUSH_GAS_LIMIT, to, amount, 0, 0, 0, 0)
        }
        if (!paid) _defer(address(0), to, amount, gasBefore);
    }

    /// @dev Transfers `amount` of `token` to `to`, or owes it to `to` when the transfer fails.
    function _pushToken(address token, address to, uint256 amount) private {
        uint256 gasBefore = gasleft();
        if (!IERC20(token).trySafeTransfer(to, amount)) _defer(token, to, amount, gasBefore);
    }

    /// @dev Transfers each recipient its non-zero share of `token`, deferring failed transfers.
    function _pushTokenShares(address token, address[] calldata recipients, uint256[] memory shares) private {
        uint256 next;
        while (next < shares.length) {
            (uint256 failed, uint256 gasBefore) = _tryTransfers(token, recipients, shares, next);
            if (failed == shares.length) return;
            _defer(token, recipients[failed], shares[failed], gasBefore);
            next = failed + 1;
        }
    }

    /// @dev From index `from` on, transfers `shares[i]` of `token` to `recipients[i]`, skipping
    /// zero shares, until one transfer fails. Each transfer is SafeERC20's `trySafeTransfer` (same
    /// call, same success rule), written out in the loop: the same loop in Solidity (a
    /// `trySafeTransfer` per share) costs 380 gas more per recipient, measured with
    /// scripts/bench/splits.ts, and would miss the 9,500-gas target. `recipients` needs no check:
    /// its bytes are among those the split's hash was taken over.
    /// @return failed The index of the failed transfer, or `shares.length` if none failed.
    /// @return gasBefore The gas left just before the failed transfer (when one failed).
    function _tryTransfers(
        address token,
        address[] calldata recipients,
        uint256[] memory shares,
        uint256 from
    ) private returns (uint256 failed, uint256 gasBefore) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            // The call data below overwrites the free memory pointer at 0x40: keep it.
            let freeMemory := mload(0x40)
            // No failure yet: `failed` is the length of `shares`.
            failed := mload(shares)
            for {
                let i := from
            } lt(i, failed) {
                i := add(i, 1)
            } {
                // shares[i] (after the length word); a zero share is never transferred.
                let share := mload(add(shares, shl(5, add(i, 1))))
                if share {
                    // transfer(address,uint256): the selector in the first 4 bytes of 0x00...
                    mstore(0x00, 0xa9059cbb00000000000000000000000000000000000000000000000000000000)
                    // ...then recipients[i], read straight from calldata...
                    mstore(0x04, calldataload(add(recipients.offset, shl(5, i))))
                    // ...and the amount: 0x44 bytes of call data from 0x00.
                    mstore(0x24, share)
                    // The gas before the call, for the caller's out-of-gas check.
                    gasBefore := gas()
                    // The call, with all the gas left; the first return word (if any) lands at 0x00.
                    let ok := call(gas(), token, 0, 0x00, 0x44, 0x00, 0x20)
                    // SafeERC20's rule: success if the call returned true, or returned nothing...
                    if iszero(and(ok, eq(mload(0x00), 1))) {
                        // ...from an account with code.
                        ok := and(ok, and(iszero(returndatasize()), gt(extcodesize(token), 0)))
                    }
                    // A failed transfer ends the loop: the caller defers it and resumes after it.
                    if iszero(ok) {
                        failed := i
                        break
                    }
                }
            }
            // Restores the free memory pointer.
            mstore(0x40, freeMemory)
        }
    }

    /// @dev Records `amount` of `token` as owed to `to` after a push that failed having started
    /// with `gasBefore` gas.
    function _defer(address token, address to, uint256 amount, uint256 gasBefore) private {
        // A call that failed for lack of gas leaves about 1/64 of `gasBefore`: the distributor
        // gave too little, and must not turn payments into pending withdrawals that way.
        uint256 gasLeft = gasleft();
        if (gasLeft < gasBefore / 63) revert SplitOutOfGas(gasLeft);
        _pending[token][to] += amount;
        _totalPending[token] += amount;
        emit PaymentDeferred(to, token, amount);
    }

    /// @dev `keccak256(abi.encode(config))` without re-encoding `config`: the hash of the word
    /// 0x20 (abi.encode's offset of a dynamic tuple) and the bytes of `config` as sent, over the
    /// length of its canonical encoding. It equals the split's hash only if those bytes are the
    /// canonical encoding of the split's configuration; then `config` decodes to exactly that
    /// configuration, since the offsets and lengths Solidity reads it by are among the bytes hashed.
    function _calldataHash(SplitConfig calldata config) private pure returns (bytes32 hash) {
        // Head (2 offsets, the fee), then each array's length word and elements.
        uint256 length = 0x60 + 0x20 * (2 + config.recipients.length + config.allocations.length);
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            // Free memory, used as scratch space and not claimed.
            let buffer := mload(0x40)
            // abi.encode of a dynamic tuple starts with its offset, 0x20.
            mstore(buffer, 0x20)
            // Then the tuple's bytes: `config` is their calldata offset.
            calldatacopy(add(buffer, 0x20), config, length)
            hash := keccak256(buffer, add(length, 0x20))
        }
    }

    /// @dev The balance of `token` the split does not owe.
    function _distributable(address token) private view returns (uint256) {
        uint256 held;
        if (token == address(0)) {
            held = address(this).balance;
        } else {
            if (token.code.length == 0) revert SplitNotAToken(token);
            held = IERC20(token).balanceOf(address(this));
        }
        uint256 owed = _totalPending[token];
        // A negative rebase can take the balance below what the split owes.
        return held > owed ? held - owed : 0;
    }

    /// @dev The hash of `config`, after checking it is a valid configuration.
    function _checkedHash(SplitConfig calldata config) private pure returns (bytes32) {
        address[] calldata recipients = config.recipients;
        uint32[] calldata allocations = config.allocations;
        uint256 count = recipients.length;
        if (count == 0 || count > MAX_RECIPIENTS) revert SplitRecipientCountInvalid(count, MAX_RECIPIENTS);
        if (allocations.length != count) revert SplitLengthMismatch(count, allocations.length);
        if (recipients[0] == address(0)) revert SplitZeroRecipient();
        uint256 sum;
        for (uint256 i; i < count; ++i) {
            // Strictly ascending from a non-zero first recipient: no zero address, no duplicate.
            if (i != 0 && recipients[i] <= recipients[i - 1]) {
                if (recipients[i] == recipients[i - 1]) revert SplitDuplicateRecipient(i, recipients[i]);
                revert SplitRecipientsNotSorted(i, recipients[i]);
            }
            if (allocations[i] == 0) revert SplitZeroAllocation(i);
            sum += allocations[i];
        }
        if (sum != TOTAL_ALLOCATION) revert SplitAllocationSumInvalid(sum, TOTAL_ALLOCATION);
        if (config.distributorFee > MAX_DISTRIBUTOR_FEE) {
            revert SplitDistributorFeeTooHigh(config.distributorFee, MAX_DISTRIBUTOR_FEE);
        }
        return keccak256(abi.encode(config));
    }

    /// @dev Reverts unless the caller is the controller (never true when there is none).
    function _checkController() private view returns (address current) {
        current = _controller;
        if (msg.sender != current) revert SplitNotController(msg.sender);
    }
}
