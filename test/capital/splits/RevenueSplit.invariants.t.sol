// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {IRevenueSplit} from "../../../contracts/capital/IRevenueSplit.sol";
import {RevenueSplit} from "../../../contracts/capital/RevenueSplit.sol";
import {RevenueSplitFactory} from "../../../contracts/capital/RevenueSplitFactory.sol";
import {FeeOnTransferToken, MockToken} from "../../mocks/tokens/WeirdTokens.sol";
import {Test} from "../../utils/Test.sol";
import {BlocklistToken, ToggleReceiver} from "./mocks/SplitMocks.sol";

/// @title RevenueSplitHandler
/// @notice Drives one split, which it controls, with random deposits (ETH, a plain token, a
/// fee-on-transfer token, a blocklist token), distributions by a keeper or by a contract that may
/// refuse its reward, withdrawals to the account itself (`withdrawFor`) or (`withdraw`) to another address,
/// updates of the allocations and fee that distribute a random set of tokens first, and a
/// recipient that refuses ETH or is blocked by the token, toggled at random. Keeps a ghost ledger
/// per token: what came in, what went out, and what each account was credited, with every share
/// computed by OpenZeppelin's 512-bit `Math.mulDiv`, not SplitMath, under the configuration in
/// force when it was distributed.
/// @dev Actions are bounded so they never revert: a distribution with nothing to share, and a
/// withdrawal the account cannot receive, are skipped (and counted). The recipients never change
/// (an update permutes the allocations and picks a fee), so every account owed is known.
contract RevenueSplitHandler is Test {
    uint256 public constant TOKENS = 4;
    uint256 public constant RECIPIENTS = 4;
    uint256 private constant TOTAL = 1_000_000;
    uint256 private constant MAX_ETH = 1e24;
    uint256 private constant MAX_TOKENS = 1e30;
    /// @dev Where `withdraw` sends: an address without code, never blocked.
    address public constant SINK = address(0x5151);

    /// @dev What the split, the distributor and each recipient hold and are owed of one token.
    struct Balances {
        uint256 split;
        uint256 distributorOwed;
        uint256 distributorHeld;
        uint256[RECIPIENTS] owed;
        uint256[RECIPIENTS] held;
    }

    RevenueSplit public split;
    /// @dev tokens[0] is ETH (address(0)), then the plain, fee-on-transfer and blocklist tokens.
    address[TOKENS] public tokens;
    IRevenueSplit.SplitConfig private _config;
    ToggleReceiver public refusingRecipient;
    ToggleReceiver public refusingKeeper;
    address public blockedRecipient;
    address public keeper;

    /* GHOST LEDGER */

    mapping(address token => uint256 amount) public ghostIn;
    mapping(address token => uint256 amount) public ghostOut;
    mapping(address token => mapping(address account => uint256 amount)) public ghostCredited;
    mapping(address token => uint256 amount) public ghostRewards;
    /// @dev What each recipient's allocation entitled it to of every distribution (fee included),
    /// under the configuration then in force; and the same for the distributors' fee.
    mapping(address token => mapping(address account => uint256 amount)) public ghostEntitled;
    mapping(address token => uint256 amount) public ghostFeeBound;
    /// @dev The amounts distributions shared, in all: a distribution shares the dust earlier ones
    /// left, so this may exceed what came in by that dust.
    mapping(address token => uint256 amount) public ghostDistributed;
    /// @dev Distributions whose per-account outcome differed from the oracle (must stay 0).
    uint256 public ghostMismatches;
    /// @dev Distributions that left more than `RECIPIENTS - 1` units undistributed (must stay 0).
    uint256 public ghostExcessDust;
    mapping(bytes32 action => uint256 count) public calls;

    constructor(
        RevenueSplit split_,
        address[TOKENS] memory tokens_,
        IRevenueSplit.SplitConfig memory config_,
        ToggleReceiver refusingRecipient_,
        ToggleReceiver refusingKeeper_,
        address blockedRecipient_,
        address keeper_
    ) {
        split = split_;
        tokens = tokens_;
        _config = config_;
        refusingRecipient = refusingRecipient_;
        refusingKeeper = refusingKeeper_;
        blockedRecipient = blockedRecipient_;
        keeper = keeper_;
    }

    /* ACTIONS */

    function depositEther(uint256 amount) external {
        amount = bound(amount, 1, MAX_ETH);
        vm.deal(address(this), amount);
        // solhint-disable-next-line avoid-low-level-calls
        (bool sent, ) = address(split).call{value: amount}("");
        assertTrue(sent, "ETH deposit");
        ghostIn[address(0)] += amount;
        ++calls["depositEther"];
    }

    function depositToken(uint256 tokenSeed, uint256 amount) external {
        address token = tokens[1 + (tokenSeed % (TOKENS - 1))];
        amount = bound(amount, 1, MAX_TOKENS);
        MockToken(token).mint(address(this), amount);
        uint256 before = _held(token);
        assertTrue(IERC20(token).transfer(address(split), amount), "token deposit");
        // A fee-on-transfer token delivers less than sent: count what arrived. (The test's own
        // tokens: no re-entry.)
        // solhint-disable-next-line reentrancy
        ghostIn[token] += _held(token) - before;
        ++calls["depositToken"];
    }

    function distribute(uint256 tokenSeed, bool byRefusingKeeper) external {
        address token = tokens[tokenSeed % TOKENS];
        uint256 amount = split.distributableBalance(token);
        if (amount == 0) {
            ++calls["distribute (nothing to share)"];
            return;
        }
        address distributor = byRefusingKeeper ? address(refusingKeeper) : keeper;
        Balances memory before = _balances(token, distributor);

        split.distribute(token, _config, distributor);

        _checkDistribution(token, amount, _config, distributor, before);
        ++calls[token == address(0) ? bytes32("distribute ETH") : bytes32("distribute token")];
    }

    /// @dev The controller (this handler) rotates the allocations by `rotation`, picks one of three
    /// fees, and distributes first the tokens whose bit is set in `tokenMask`, under the
    /// configuration being replaced: each one listed with something to share is distributed
    /// exactly as {distribute} would, the others are skipped untouched.
    function updateSplit(uint256 rotation, uint256 feeSeed, uint256 tokenMask) external {
        IRevenueSplit.SplitConfig memory current = _config;
        IRevenueSplit.SplitConfig memory next = _rotated(current, rotation % RECIPIENTS, feeSeed);
        uint256 count;
        for (uint256 t = 0; t < TOKENS; ++t) if (tokenMask & (1 << t) != 0) ++count;
        address[] memory distributeFirst = new address[](count);
        uint256[] memory amounts = new uint256[](count);
        Balances[] memory before = new Balances[](count);
        count = 0;
        for (uint256 t = 0; t < TOKENS; ++t) {
            if (tokenMask & (1 << t) == 0) continue;
            distributeFirst[count] = tokens[t];
            amounts[count] = split.distributableBalance(tokens[t]);
            before[count] = _balances(tokens[t], address(this));
            ++count;
        }

        split.updateSplit(next, distributeFirst, current);

        for (uint256 i = 0; i < count; ++i) {
            if (amounts[i] == 0) {
                assertEq(_held(distributeFirst[i]), before[i].split, "skipped token untouched");
                ++calls["update: token skipped"];
            } else {
                _checkDistribution(distributeFirst[i], amounts[i], current, address(this), before[i]);
                ++calls["update: token distributed first"];
            }
        }
        assertEq(uint256(split.splitHash()), uint256(keccak256(abi.encode(next))), "updated configuration");
        _config = next;
        ++calls["updateSplit"];
    }

    function withdrawFor(uint256 tokenSeed, uint256 accountSeed) external {
        address token = tokens[tokenSeed % TOKENS];
        address account = _account(accountSeed);
        uint256 owed = split.pendingWithdrawal(account, token);
        bool refuses =
            (token == address(0) && _refusing(account)) ||
                (token == tokens[3] && BlocklistToken(token).blocked(account));
        if (owed == 0 || refuses) {
            ++calls["withdrawFor (skipped)"];
            return;
        }
        uint256 before = _held(token);
        uint256 paid = split.withdrawFor(token, account);
        assertEq(paid, owed, "withdrawn = owed");
        assertEq(split.pendingWithdrawal(account, token), 0, "owed after withdrawal");
        ghostOut[token] += before - _held(token);
        ++calls["withdrawFor"];
    }

    /// @dev The account withdraws its whole pending balance to SINK, whether or not it could
    /// receive it itself (a refusing or blocked recipient included).
    function withdraw(uint256 tokenSeed, uint256 accountSeed) external {
        address token = tokens[tokenSeed % TOKENS];
        address account = _account(accountSeed);
        uint256 owed = split.pendingWithdrawal(account, token);
        if (owed == 0) {
            ++calls["withdraw (nothing owed)"];
            return;
        }
        uint256 before = _held(token);
        uint256 sinkBefore = _balanceOf(token, SINK);
        vm.prank(account);
        uint256 paid = split.withdraw(token, SINK);
        assertEq(paid, owed, "withdrawn to another address = owed");
        assertEq(split.pendingWithdrawal(account, token), 0, "owed after withdraw");
        assertEq(_balanceOf(token, SINK) - sinkBefore, _delivered(token, owed), "received by the destination");
        ghostOut[token] += before - _held(token);
        ++calls["withdraw"];
    }

    function toggleRefusals(bool recipientRefuses, bool keeperRefuses, bool recipientBlocked) external {
        refusingRecipient.setRefusing(recipientRefuses);
        refusingKeeper.setRefusing(keeperRefuses);
        BlocklistToken(tokens[3]).setBlocked(blockedRecipient, recipientBlocked);
        ++calls["toggleRefusals"];
    }

    /* VIEWS FOR THE INVARIANTS */

    function config() external view returns (IRevenueSplit.SplitConfig memory) {
        return _config;
    }

    /// @notice Accepts the distributor's reward of the distributions its updates make.
    receive() external payable {}

    /* INTERNALS */

    /// @dev Checks the distribution of `amount` of `token` under `terms` to `distributor` that
    /// moved the balances from `before` against the oracle, and books it in the ghost ledger.
    function _checkDistribution(
        address token,
        uint256 amount,
        IRevenueSplit.SplitConfig memory terms,
        address distributor,
        Balances memory before
    ) private {
        Balances memory after_ = _balances(token, distributor);
        ghostOut[token] += before.split - after_.split;
        uint256 reward = Math.mulDiv(amount, terms.distributorFee, TOTAL);
        ghostDistributed[token] += amount;
        ghostRewards[token] += reward;
        ghostFeeBound[token] += reward;
        ghostCredited[token][distributor] += reward;
        _checkPaidOrOwed(
            token,
            reward,
            after_.distributorOwed - before.distributorOwed,
            after_.distributorHeld - before.distributorHeld
        );
        for (uint256 i = 0; i < RECIPIENTS; ++i) {
            address recipient = terms.recipients[i];
            uint256 share = Math.mulDiv(amount - reward, terms.allocations[i], TOTAL);
            ghostCredited[token][recipient] += share;
            ghostEntitled[token][recipient] += Math.mulDiv(amount, terms.allocations[i], TOTAL);
            _checkPaidOrOwed(token, share, after_.owed[i] - before.owed[i], after_.held[i] - before.held[i]);
        }
        if (split.distributableBalance(token) > RECIPIENTS - 1) ++ghostExcessDust;
    }

    /// @dev `terms` with its allocations rotated by `by` places and one of three fees.
    function _rotated(
        IRevenueSplit.SplitConfig memory terms,
        uint256 by,
        uint256 feeSeed
    ) private pure returns (IRevenueSplit.SplitConfig memory next) {
        uint32[3] memory fees = [uint32(0), 20_000, 100_000];
        uint32[] memory allocations = new uint32[](RECIPIENTS);
        for (uint256 i = 0; i < RECIPIENTS; ++i) allocations[i] = terms.allocations[(i + by) % RECIPIENTS];
        next = IRevenueSplit.SplitConfig(terms.recipients, allocations, fees[feeSeed % 3]);
    }

    /// @dev A recipient or the refusing keeper, by `seed`.
    function _account(uint256 seed) private view returns (address) {
        uint256 index = seed % (RECIPIENTS + 1);
        return index == RECIPIENTS ? address(refusingKeeper) : _config.recipients[index];
    }

    /// @dev What arrives of `amount` sent: the fee-on-transfer token keeps 1%.
    function _delivered(address token, uint256 amount) private view returns (uint256) {
        return token == tokens[2] ? amount - (amount * 100) / 10_000 : amount;
    }

    /// @dev An account's outcome of one distribution: owed the whole `credit`, or paid it (less the
    /// token's fee for the fee-on-transfer token), or neither when the credit is zero.
    function _checkPaidOrOwed(address token, uint256 credit, uint256 owedDelta, uint256 receivedDelta) private {
        uint256 delivered = _delivered(token, credit);
        bool owed = owedDelta == credit && receivedDelta == 0;
        bool paid = owedDelta == 0 && receivedDelta == delivered;
        if (!(owed || paid)) ++ghostMismatches;
        else if (owed && credit != 0) ++calls["payment deferred"];
    }

    function _balances(address token, address distributor) private view returns (Balances memory b) {
        b.split = _held(token);
        b.distributorOwed = split.pendingWithdrawal(distributor, token);
        b.distributorHeld = _balanceOf(token, distributor);
        for (uint256 i = 0; i < RECIPIENTS; ++i) {
            b.owed[i] = split.pendingWithdrawal(_config.recipients[i], token);
            b.held[i] = _balanceOf(token, _config.recipients[i]);
        }
    }

    function _refusing(address account) private view returns (bool) {
        if (account == address(refusingRecipient)) return refusingRecipient.refusing();
        if (account == address(refusingKeeper)) return refusingKeeper.refusing();
        return false;
    }

    function _held(address token) private view returns (uint256) {
        return _balanceOf(token, address(split));
    }

    function _balanceOf(address token, address account) private view returns (uint256) {
        return token == address(0) ? account.balance : IERC20(token).balanceOf(account);
    }
}

/// @title RevenueSplitInvariantsTest
/// @notice Invariants of a revenue split under random deposits, distributions, withdrawals (to the
/// account or elsewhere), updates that distribute first, and refusals: for every token the split
/// holds exactly what came in minus what went out, which is what it owes plus what it has not
/// distributed; what it owes is the sum of each account's debt; every distribution, an update's
/// included, paid or owed each account exactly its oracle share under the configuration then in
/// force; no recipient was ever credited more than its allocation of each distribution, nor the
/// distributors more than the fee; and a distribution leaves less than one unit per recipient
/// behind.
contract RevenueSplitInvariantsTest is Test {
    uint256 private constant TOTAL = 1_000_000;
    uint32 private constant FEE = 20_000;
    /// @dev The highest fee an update picks (RevenueSplitHandler._rotated).
    uint256 private constant MAX_FEE = 100_000;

    RevenueSplit private split;
    RevenueSplitHandler private handler;
    address[4] private tokens;

    function setUp() public {
        RevenueSplitFactory factory = new RevenueSplitFactory();
        ToggleReceiver refusingRecipient = new ToggleReceiver();
        ToggleReceiver refusingKeeper = new ToggleReceiver();
        address blockedRecipient = address(0xB10C);
        tokens = [
            address(0),
            address(new MockToken()),
            address(new FeeOnTransferToken()),
            address(new BlocklistToken(false))
        ];

        address[] memory recipients = new address[](4);
        recipients[0] = address(0xA11CE);
        recipients[1] = blockedRecipient;
        recipients[2] = address(0xCA201);
        recipients[3] = address(refusingRecipient);
        uint32[] memory allocations = new uint32[](4);
        allocations[0] = 400_000;
        allocations[1] = 300_000;
        allocations[2] = 200_001;
        allocations[3] = 99_999;
        _sortByRecipient(recipients, allocations);
        IRevenueSplit.SplitConfig memory config = IRevenueSplit.SplitConfig(recipients, allocations, FEE);
        split = RevenueSplit(payable(factory.createSplit(config, address(this), "invariants")));

        handler = new RevenueSplitHandler(
            split,
            tokens,
            config,
            refusingRecipient,
            refusingKeeper,
            blockedRecipient,
            address(0xBEEF)
        );
        split.transferControl(address(handler));
        vm.label(address(handler), "handler");
        vm.label(address(split), "split");
        targetContract(address(handler));
    }

    /* INVARIANTS */

    function invariant_heldEqualsInMinusOut() public view {
        for (uint256 t = 0; t < tokens.length; ++t) {
            assertEq(_held(tokens[t]), handler.ghostIn(tokens[t]) - handler.ghostOut(tokens[t]), "held vs in - out");
        }
    }

    function invariant_heldEqualsOwedPlusUndistributed() public view {
        IRevenueSplit.SplitConfig memory config = handler.config();
        for (uint256 t = 0; t < tokens.length; ++t) {
            address token = tokens[t];
            uint256 owed = split.totalPendingWithdrawals(token);
            assertEq(_held(token), owed + split.distributableBalance(token), "held vs owed + undistributed");
            uint256 sum =
                split.pendingWithdrawal(address(handler.refusingKeeper()), token) +
                    split.pendingWithdrawal(handler.keeper(), token) +
                    split.pendingWithdrawal(address(handler), token);
            for (uint256 i = 0; i < config.recipients.length; ++i) {
                sum += split.pendingWithdrawal(config.recipients[i], token);
            }
            assertEq(sum, owed, "sum of debts vs totalPendingWithdrawals");
        }
    }

    function invariant_everyDistributionMatchesOracle() public view {
        assertEq(handler.ghostMismatches(), 0, "distributions that paid or owed another amount");
        assertEq(handler.ghostExcessDust(), 0, "distributions that left a unit per recipient or more");
    }

    function invariant_noRecipientCreditedBeyondItsAllocation() public view {
        IRevenueSplit.SplitConfig memory config = handler.config();
        for (uint256 t = 0; t < tokens.length; ++t) {
            address token = tokens[t];
            uint256 totalIn = handler.ghostIn(token);
            uint256 credited;
            for (uint256 i = 0; i < config.recipients.length; ++i) {
                address recipient = config.recipients[i];
                uint256 share = handler.ghostCredited(token, recipient);
                assertLe(share, handler.ghostEntitled(token, recipient), "recipient credit vs its allocations");
                credited += share;
            }
            uint256 rewards = handler.ghostRewards(token);
            assertLe(rewards, handler.ghostFeeBound(token), "rewards vs the fees in force");
            // Each fee rounds down from what its distribution shared, which counts again the dust
            // of earlier distributions: the bound is the highest fee of all that was shared.
            uint256 shared = handler.ghostDistributed(token);
            assertLe(handler.ghostFeeBound(token), Math.mulDiv(shared, MAX_FEE, TOTAL), "fees vs the highest fee");
            assertLe(credited + rewards, totalIn, "credited vs what came in");
        }
    }

    /* HELPERS */

    function _held(address token) private view returns (uint256) {
        return token == address(0) ? address(split).balance : IERC20(token).balanceOf(address(split));
    }

    /// @dev Insertion sort of `recipients` ascending, carrying `allocations` along.
    function _sortByRecipient(address[] memory recipients, uint32[] memory allocations) private pure {
        for (uint256 i = 1; i < recipients.length; ++i) {
            for (uint256 j = i; j > 0 && recipients[j] < recipients[j - 1]; --j) {
                (recipients[j], recipients[j - 1]) = (recipients[j - 1], recipients[j]);
                (allocations[j], allocations[j - 1]) = (allocations[j - 1], allocations[j]);
            }
        }
    }
}
