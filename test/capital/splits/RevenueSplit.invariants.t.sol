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
/// @notice Drives one immutable split with random deposits (ETH, a plain token, a fee-on-transfer
/// token, a blocklist token), distributions by a keeper or by a contract that may refuse its
/// reward, withdrawals, and a recipient that refuses ETH or is blocked by the token, toggled at
/// random. Keeps a ghost ledger per token: what came in, what went out, and what each account was
/// credited, with every share computed by OpenZeppelin's 512-bit `Math.mulDiv`, not SplitMath.
/// @dev Actions are bounded so they never revert: a distribution with nothing to share, and a
/// withdrawal the account cannot receive, are skipped (and counted).
contract RevenueSplitHandler is Test {
    uint256 public constant TOKENS = 4;
    uint256 public constant RECIPIENTS = 4;
    uint256 private constant TOTAL = 1_000_000;
    uint256 private constant MAX_ETH = 1e24;
    uint256 private constant MAX_TOKENS = 1e30;

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

        Balances memory after_ = _balances(token, distributor);
        ghostOut[token] += before.split - after_.split;
        uint256 reward = Math.mulDiv(amount, _config.distributorFee, TOTAL);
        ghostRewards[token] += reward;
        ghostCredited[token][distributor] += reward;
        _checkPaidOrOwed(
            token,
            reward,
            after_.distributorOwed - before.distributorOwed,
            after_.distributorHeld - before.distributorHeld
        );
        for (uint256 i = 0; i < RECIPIENTS; ++i) {
            uint256 share = Math.mulDiv(amount - reward, _config.allocations[i], TOTAL);
            ghostCredited[token][_config.recipients[i]] += share;
            _checkPaidOrOwed(token, share, after_.owed[i] - before.owed[i], after_.held[i] - before.held[i]);
        }
        if (split.distributableBalance(token) > RECIPIENTS - 1) ++ghostExcessDust;
        ++calls[token == address(0) ? bytes32("distribute ETH") : bytes32("distribute token")];
    }

    function withdraw(uint256 tokenSeed, uint256 accountSeed) external {
        address token = tokens[tokenSeed % TOKENS];
        address account =
            accountSeed % (RECIPIENTS + 1) == RECIPIENTS
                ? address(refusingKeeper)
                : _config.recipients[accountSeed % (RECIPIENTS + 1)];
        uint256 owed = split.pendingWithdrawals(token, account);
        bool refuses =
            (token == address(0) && _refusing(account)) ||
                (token == tokens[3] && BlocklistToken(token).blocked(account));
        if (owed == 0 || refuses) {
            ++calls["withdraw (skipped)"];
            return;
        }
        uint256 before = _held(token);
        uint256 paid = split.withdraw(token, account);
        assertEq(paid, owed, "withdrawn = owed");
        assertEq(split.pendingWithdrawals(token, account), 0, "owed after withdrawal");
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

    /* INTERNALS */

    /// @dev An account's outcome of one distribution: owed the whole `credit`, or paid it (less the
    /// token's fee for the fee-on-transfer token), or neither when the credit is zero.
    function _checkPaidOrOwed(address token, uint256 credit, uint256 owedDelta, uint256 receivedDelta) private {
        uint256 delivered = token == tokens[2] ? credit - (credit * 100) / 10_000 : credit;
        bool owed = owedDelta == credit && receivedDelta == 0;
        bool paid = owedDelta == 0 && receivedDelta == delivered;
        if (!(owed || paid)) ++ghostMismatches;
        else if (owed && credit != 0) ++calls["payment deferred"];
    }

    function _balances(address token, address distributor) private view returns (Balances memory b) {
        b.split = _held(token);
        b.distributorOwed = split.pendingWithdrawals(token, distributor);
        b.distributorHeld = _balanceOf(token, distributor);
        for (uint256 i = 0; i < RECIPIENTS; ++i) {
            b.owed[i] = split.pendingWithdrawals(token, _config.recipients[i]);
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
/// @notice Invariants of a revenue split under random deposits, distributions, withdrawals and
/// refusals: for every token the split holds exactly what came in minus what went out, which is
/// what it owes plus what it has not distributed; what it owes is the sum of each account's debt;
/// every distribution paid or owed each account exactly its oracle share; no recipient was ever
/// credited more than its allocation of what came in, nor the distributors more than the fee; and
/// a distribution leaves less than one unit per recipient behind.
contract RevenueSplitInvariantsTest is Test {
    uint256 private constant TOTAL = 1_000_000;
    uint32 private constant FEE = 20_000;

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
        split = RevenueSplit(payable(factory.createSplit(config, address(0), "invariants")));

        handler = new RevenueSplitHandler(
            split,
            tokens,
            config,
            refusingRecipient,
            refusingKeeper,
            blockedRecipient,
            address(0xBEEF)
        );
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
                split.pendingWithdrawals(token, address(handler.refusingKeeper())) +
                    split.pendingWithdrawals(token, handler.keeper());
            for (uint256 i = 0; i < config.recipients.length; ++i) {
                sum += split.pendingWithdrawals(token, config.recipients[i]);
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
                uint256 share = handler.ghostCredited(token, config.recipients[i]);
                assertLe(share, Math.mulDiv(totalIn, config.allocations[i], TOTAL), "recipient credit vs allocation");
                credited += share;
            }
            uint256 rewards = handler.ghostRewards(token);
            assertLe(rewards, Math.mulDiv(totalIn, FEE, TOTAL), "rewards vs fee of what came in");
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
