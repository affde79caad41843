// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IRevenueSplit
/// @notice A revenue split: a wallet that shares whatever it holds of a token (or of ETH) between
/// fixed recipients by allocation, paying whoever triggers the distribution a small fee. Created
/// by the RevenueSplitFactory as an EIP-1167 clone.
/// @dev The configuration (recipients, allocations, distributor fee) is stored as its hash
/// {splitHash} = `keccak256(abi.encode(config))` and passed back in full as calldata to
/// {distribute}, as 0xSplits v2 does: calldata costs about 520 gas per recipient where storing it
/// would cost two cold reads (4,200 gas) per recipient. The configuration itself is published in
/// the factory's `SplitCreated` and in {SplitUpdated}. {distribute} hashes the configuration's
/// calldata bytes as they were sent, so it must be ABI-encoded canonically (as viem, ethers and
/// Solidity always do); a non-canonical encoding is rejected with {SplitConfigMismatch}.
///
/// Assumptions:
/// - Balance-based: {distribute} shares the split's current balance minus what it already owes
///   ({totalPendingWithdrawals}), so fee-on-transfer and rebasing tokens are shared as they are
///   held, and funds sent before the split existed (to its predicted address) are shared too.
///   A negative rebase below what the split owes leaves pending withdrawals underfunded: they
///   fail until the balance covers them again.
/// - Rounding: the distributor's reward and each recipient's share are rounded down
///   (`SplitMath`); the dust (less than one unit per recipient) stays in the split and is shared
///   by the next distribution of that token.
/// - Pushes: each recipient is paid in the distribution itself, with no storage write. A
///   recipient that cannot be paid (a reverting or gas-hungry contract, a token transfer that
///   reverts or returns false) is credited a pending withdrawal instead, which it pulls with
///   {withdraw} (or anyone for it, to it, with {withdrawFor}); the others are paid as usual. ETH pushes forward at most
///   {PUSH_GAS_LIMIT} gas and copy no return data; ERC-20 pushes follow SafeERC20's
///   `trySafeTransfer` (missing return values accepted, `false` is a failure).
/// - A deferred share is never stranded: a recipient that cannot receive at its own address (it
///   refuses ETH, the token blocklists it) withdraws to another one with {withdraw}.
/// - A controller's update never races a distribution: {updateSplit} distributes first, in the
///   same call, the tokens the controller lists, so what came in under the old recipients is paid
///   to them.
/// - Gas: a failed push that leaves less than 1/63 of the gas the distribution had before it
///   reverts the whole distribution ({SplitOutOfGas}, or out of gas when too little is left even
///   for that): a distributor who gives too little gas cannot turn payments into pending
///   withdrawals.
/// - A token with receiver hooks (ERC-777 style) lets a recipient spend all the gas of a
///   distribution of that token, which then reverts; the controller (if any) can remove it.
/// - Sending ETH to a split needs more than the 2,300 gas of Solidity's `transfer`/`send`: the
///   clone delegates to a cold implementation. Use a plain call.
/// - Read-only reentrancy: during a distribution, {pendingWithdrawal} and
///   {distributableBalance} may not yet reflect the payments deferred later in the same call.
interface IRevenueSplit {
    /* TYPES */

    /// @notice A split's configuration. Allocations and the fee are parts per million
    /// ({TOTAL_ALLOCATION} = 1,000,000 = 100%).
    /// @param recipients Who is paid, sorted ascending with no duplicates and no zero address;
    /// 1 to {MAX_RECIPIENTS} of them.
    /// @param allocations Each recipient's part, non-zero, summing to exactly {TOTAL_ALLOCATION}.
    /// @param distributorFee The distributor's part of each distribution, taken before the
    /// recipients' shares; at most {MAX_DISTRIBUTOR_FEE} (10%).
    struct SplitConfig {
        address[] recipients;
        uint32[] allocations;
        uint32 distributorFee;
    }

    /* EVENTS */

    /// @notice The split's configuration is now `recipients` / `allocations` / `distributorFee`,
    /// whose hash is `splitHash` (after {updateSplit}; the initial one is in the factory's
    /// `SplitCreated`).
    event SplitUpdated(bytes32 indexed splitHash, address[] recipients, uint32[] allocations, uint32 distributorFee);
    /// @notice Control passed from `previousController` to `newController` (zero: nobody, and the
    /// split is immutable from then on).
    event ControlTransferred(address indexed previousController, address indexed newController);
    /// @notice `amount` of `token` (address(0): ETH) was distributed: `distributorReward` to
    /// `distributor`, and `SplitMath.shareOf(amount - distributorReward, allocation)` to each
    /// recipient of the configuration `splitHash`; the rounding dust stayed in the split.
    event SplitDistributed(
        address indexed token,
        address indexed distributor,
        bytes32 indexed splitHash,
        uint256 amount,
        uint256 distributorReward
    );
    /// @notice Pushing `amount` of `token` to `account` in a distribution failed: it was credited to
    /// `account`, added to what it was owed before, to withdraw with {withdraw} or {withdrawFor}
    /// ({pendingWithdrawal} reads what it is owed).
    // Amounts are read, never filtered on: not indexed.
    // solhint-disable-next-line gas-indexed-events
    event PaymentDeferred(address indexed account, address indexed token, uint256 amount);
    /// @notice `account`'s pending `amount` of `token` was paid out to `to`: where it asked with
    /// {withdraw}, or the account itself with {withdrawFor}.
    event Withdrawn(address indexed account, address indexed token, address indexed to, uint256 amount);
    /// @notice The split received `amount` wei from `from` through a plain ETH transfer.
    // solhint-disable-next-line gas-indexed-events
    event EtherReceived(address indexed from, uint256 amount);

    /* ERRORS */

    /// @dev `caller` is not the factory.
    error SplitNotFactory(address caller);
    /// @dev The split is already initialized.
    error SplitAlreadyInitialized();
    /// @dev `caller` does not control the split.
    error SplitNotController(address caller);
    /// @dev A split has 1 to `max` recipients, not `count`.
    error SplitRecipientCountInvalid(uint256 count, uint256 max);
    /// @dev `recipients` recipients were given with `allocations` allocations: one each.
    error SplitLengthMismatch(uint256 recipients, uint256 allocations);
    /// @dev The zero address cannot be a recipient.
    error SplitZeroRecipient();
    /// @dev Recipients must be sorted ascending: `recipient` (at `index`) is out of order.
    error SplitRecipientsNotSorted(uint256 index, address recipient);
    /// @dev `recipient` appears twice (at `index`).
    error SplitDuplicateRecipient(uint256 index, address recipient);
    /// @dev Allocation `index` is zero.
    error SplitZeroAllocation(uint256 index);
    /// @dev Allocations sum to `sum`, not `total`.
    error SplitAllocationSumInvalid(uint256 sum, uint256 total);
    /// @dev A distributor fee is at most `max`, not `fee`.
    error SplitDistributorFeeTooHigh(uint256 fee, uint256 max);
    /// @dev The configuration hashes to `given`, not to the split's `expected`.
    error SplitConfigMismatch(bytes32 given, bytes32 expected);
    /// @dev `token:plain` is neither ETH (the zero address) nor a token contract.
    error SplitNotAToken(address token);
    /// @dev The split holds no `token` beyond what it owes: nothing to distribute.
    error SplitNothingToDistribute(address token);
    /// @dev The split owes `account` no `token`.
    error SplitNothingToWithdraw(address token, address account);
    /// @dev A payment failed with `gasLeft` gas left: send more gas.
    error SplitOutOfGas(uint256 gasLeft);
    /// @dev A withdrawal cannot go to the zero address.
    error SplitZeroWithdrawalRecipient();

    /* CONFIGURATION */

    /// @notice Sets the configuration and controller of a fresh clone; called by the factory in
    /// the transaction that creates it.
    /// @param config The configuration (checked as {updateSplit} checks it).
    /// @param controller_ Who may update the split and hand over control (zero: immutable).
    function initialize(SplitConfig calldata config, address controller_) external;

    /// @notice Replaces the configuration. Only the controller. First, in the same call, it
    /// distributes what the split holds of each token in `distributeFirst` under the current
    /// configuration (the controller is the distributor; a token with nothing to distribute is
    /// skipped), so an update never races a distribution: what came in under the old recipients
    /// is paid to them. What the split holds of any other token is shared by the new
    /// configuration. Pending withdrawals stay owed.
    /// @dev Reverts with the first configuration error found ({SplitRecipientCountInvalid},
    /// {SplitLengthMismatch}, {SplitZeroRecipient}, {SplitRecipientsNotSorted},
    /// {SplitDuplicateRecipient}, {SplitZeroAllocation}, {SplitAllocationSumInvalid},
    /// {SplitDistributorFeeTooHigh}), or as {distribute} does. Emits {SplitDistributed} for each
    /// token distributed, then {SplitUpdated}.
    /// @param config The new configuration.
    /// @param distributeFirst The tokens (address(0): ETH) to distribute first; may be empty.
    /// @param current The current configuration, canonically ABI-encoded (checked against
    /// {splitHash} when `distributeFirst` is not empty; ignored otherwise).
    function updateSplit(
        SplitConfig calldata config,
        address[] calldata distributeFirst,
        SplitConfig calldata current
    ) external;

    /// @notice Hands control to `newController`, at once. Only the controller. Zero makes the
    /// split immutable for good. Emits {ControlTransferred}.
    /// @param newController The new controller.
    function transferControl(address newController) external;

    /* MONEY */

    /// @notice Distributes what the split holds of `token` beyond what it owes: each recipient's
    /// share, then the distributor's reward to `distributor`; the rounding dust stays. Anyone may
    /// call it. Shares of zero are skipped (no zero transfers); payments that fail are deferred.
    /// @dev Reverts with {SplitConfigMismatch}, {SplitNotAToken}, {SplitNothingToDistribute} or
    /// {SplitOutOfGas}. Emits {SplitDistributed}, then {PaymentDeferred} for each failed payment.
    /// @param token The ERC-20 token, or address(0) for ETH.
    /// @param config The split's current configuration, canonically ABI-encoded, whose hash must
    /// be {splitHash}.
    /// @param distributor Who receives the distributor's reward (address(0): the caller).
    function distribute(address token, SplitConfig calldata config, address distributor) external;

    /// @notice Pays the caller's whole pending withdrawal of `token` to `to`: a recipient that
    /// cannot receive (it refuses ETH, the token blocklists it) takes its share elsewhere.
    /// Emits {Withdrawn}.
    /// @param token The ERC-20 token, or address(0) for ETH.
    /// @param to Where to send it (not zero).
    /// @return amount What was paid.
    function withdraw(address token, address to) external returns (uint256 amount);

    /// @notice Pays `account` its whole pending withdrawal of `token`, to `account` itself. Anyone
    /// may call it (a keeper paying recipients out); the funds go to `account` only, with all the
    /// gas left (ETH) or as a plain transfer (ERC-20). Emits {Withdrawn}.
    /// @param token The ERC-20 token, or address(0) for ETH.
    /// @param account Whose pending withdrawal to pay.
    /// @return amount What was paid.
    function withdrawFor(address token, address account) external returns (uint256 amount);

    /* VIEWS */

    /// @notice The factory that created the split.
    function factory() external view returns (address);

    /// @notice `keccak256(abi.encode(config))` of the current configuration (zero before
    /// initialization: the implementation itself never distributes).
    function splitHash() external view returns (bytes32);

    /// @notice Who may update the split; zero when it is immutable.
    function controller() external view returns (address);

    /// @notice What the split owes `account` in `token` from deferred payments, to withdraw with
    /// {withdraw} or {withdrawFor}.
    function pendingWithdrawal(address account, address token) external view returns (uint256);

    /// @notice What the split owes in `token` to every account together.
    function totalPendingWithdrawals(address token) external view returns (uint256);

    /// @notice What the next distribution of `token` would share: the balance minus
    /// {totalPendingWithdrawals} (zero if the balance is below it).
    function distributableBalance(address token) external view returns (uint256);

    /// @notice 1,000,000: allocations sum to this, and fees are counted in the same parts.
    function TOTAL_ALLOCATION() external view returns (uint256);

    /// @notice The highest distributor fee, 100,000 (10%).
    function MAX_DISTRIBUTOR_FEE() external view returns (uint256);

    /// @notice The most recipients a split may have.
    function MAX_RECIPIENTS() external view returns (uint256);

    /// @notice The gas an ETH push forwards to a recipient (ERC-20 pushes forward all gas).
    function PUSH_GAS_LIMIT() external view returns (uint256);
}
