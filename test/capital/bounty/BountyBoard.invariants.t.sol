// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";

import {BountyBoard} from "../../../contracts/capital/BountyBoard.sol";
import {IBountyBoard} from "../../../contracts/capital/IBountyBoard.sol";
import {IAtlasModule} from "../../../contracts/governance/IAtlasModule.sol";
import {ContributionLedger} from "../../../contracts/graph/ContributionLedger.sol";
import {SovereignRegistry} from "../../../contracts/graph/SovereignRegistry.sol";
import {CapitalFixture} from "../utils/CapitalFixture.sol";
import {RevertingReceiver} from "../../mocks/tokens/Receivers.sol";
import {FeeOnTransferToken, MockToken} from "../../mocks/tokens/WeirdTokens.sol";
import {Test} from "../../utils/Test.sol";
import {RefundModel} from "./utils/RefundModel.sol";

/// @dev The test tokens' mint.
interface IMintable {
    function mint(address to, uint256 amount) external;
}

/// @title BountyBoardHandler
/// @notice Drives the board with random bounded actions — create (ETH, a plain token, a
/// fee-on-transfer token), top up (also after awards), submit, award (also leaving 1 unit: the
/// rescale path), cancel before any award (also with submissions), a refused cancel after an
/// award, reclaim, withdraw (also while paused), guardian and governance pauses (the guardian's
/// cooldown predicted), unpauses, pause extensions, pauses that end by themselves, time warps,
/// and the ledger paused and unpaused (awards are then paid unrecorded) — and keeps a ghost
/// ledger of what the board must hold per token, of each bounty's funding, awards and refunds,
/// of the module clock, and of each funder's stake in the reference model ({RefundModel}).
/// Every action checks its own preconditions and skips when none holds, so no call reverts.
/// @dev Deposits are measured by the handler as the board's balance change (independently of the
/// board's own accounting). One contributor is a RevertingReceiver: its ETH awards are deferred
/// and it withdraws them to a sink.
contract BountyBoardHandler is Test {
    using RefundModel for RefundModel.Stake;

    uint256 public constant FUNDERS = 4;
    uint256 public constant TOKENS = 3;
    /// @notice AtlasModule.DEFAULT_MAX_PAUSE_DURATION: governance never changes it here.
    uint256 public constant MAX_PAUSE = 14 days;
    uint256 private constant MAX_DEPOSIT = 1e21;
    uint256 private constant MAX_DURATION = 30 days;
    uint256 private constant MAX_WARP = 10 days;
    uint256 private constant MAX_WINNERS = 3;

    BountyBoard public board;
    ContributionLedger public ledger;
    address public governance;
    address public guardian;
    uint64 public missionId;
    address public manager;
    address public refuser;
    address public sink;
    address[FUNDERS] private _funders;
    /// @dev [0] ETH (the zero address), [1] a plain token, [2] a fee-on-transfer token.
    address[TOKENS] private _tokens;

    mapping(uint256 bountyId => address[]) private _submitters;
    mapping(uint256 bountyId => address[]) private _bountyFunders;
    mapping(uint256 bountyId => mapping(address funder => bool)) private _hasFunded;
    mapping(uint256 bountyId => uint256 count) private _reclaims;

    /* GHOST LEDGER */

    /// @dev What the board must hold per token: deposits that arrived, minus payouts sent,
    /// refunds and withdrawals.
    mapping(address token => uint256 amount) public ghostHeld;
    mapping(uint256 bountyId => uint256 amount) public ghostFunded;
    mapping(uint256 bountyId => uint256 amount) public ghostAwarded;
    mapping(uint256 bountyId => uint256 amount) public ghostRefunded;
    /// @dev Each bounty's deadline, on the module clock.
    mapping(uint256 bountyId => uint256 deadline) public ghostDeadline;
    mapping(uint256 bountyId => bool) public ghostCancelled;
    /// @dev Deposits and awards per bounty: the model's rounding tolerance is this plus one.
    mapping(uint256 bountyId => uint256 count) public ghostOperations;
    mapping(uint256 bountyId => mapping(address funder => RefundModel.Stake)) private _stakes;
    mapping(uint256 bountyId => mapping(address funder => uint256 amount)) public ghostRefundOf;
    mapping(address account => mapping(address token => uint256 amount)) public ghostWithdrawable;
    uint256 public ghostAwardCount;
    /// @dev Awards made while the ledger refused them: paid, reported, not recorded.
    uint256 public ghostUnrecordedCount;
    /// @dev Refunds above the funder's contribution: exactly, for a bounty that awarded nothing;
    /// beyond the rounding tolerance otherwise (must stay 0).
    uint256 public ghostRefundsAboveContribution;
    /// @dev Refunds of a bounty that awarded nothing that differ from the contribution (must stay 0).
    uint256 public ghostRefundsOffContribution;
    /// @dev Refunds outside the reference model's stake plus or minus the tolerance (must stay 0).
    uint256 public ghostRefundsOffModel;
    /// @dev Refunds that differ from `refundOf` just before (must stay 0).
    uint256 public ghostRefundPreviewMismatches;
    /// @dev Bounties whose funders all reclaimed but whose refunds miss the leftover (must stay 0).
    uint256 public ghostLeftoverMismatches;
    /// @dev Calls refused other than as predicted (pause cooldown, pause, cancel after award) (must stay 0).
    uint256 public ghostUnexpectedRefusals;
    /// @dev Governance unpauses (of the board or the ledger) refused with ExpectedPause while the
    /// module was paused (must stay 0; AtlasModule.unpause ends the pause before `_unpause`
    /// checks it, so every one is refused: a contract bug, left failing).
    uint256 public ghostUnpausesRefused;
    /// @dev Pauses (of the board or the ledger) refused with EnforcedPause after the previous
    /// pause ended by itself (must stay 0; AtlasModule.pause sets the new end before `_pause`
    /// checks `paused()`, which the still-set flag then makes true: a contract bug, left failing).
    uint256 public ghostRepausesRefused;

    /* GHOST MODULE CLOCK (AtlasModule, replayed) */

    /// @dev Time spent paused before the current or last pause.
    uint256 public ghostPausedBefore;
    uint256 public ghostPausedAt;
    uint256 public ghostPauseEndsAt;
    /// @dev OpenZeppelin's flag: a pause began and governance did not lift it.
    bool public ghostPauseStarted;
    uint256 public ghostGuardianReadyAt;

    mapping(bytes32 action => uint256 count) public calls;

    constructor(
        BountyBoard board_,
        ContributionLedger ledger_,
        address governance_,
        address guardian_,
        uint64 missionId_,
        address manager_,
        address[FUNDERS] memory funders_,
        address[TOKENS] memory tokens_
    ) {
        board = board_;
        ledger = ledger_;
        governance = governance_;
        guardian = guardian_;
        missionId = missionId_;
        manager = manager_;
        _funders = funders_;
        _tokens = tokens_;
        refuser = address(new RevertingReceiver());
        sink = address(uint160(uint256(keccak256("bounty sink"))));
    }

    /* ACTIONS: MONEY */

    function createBounty(uint256 funderSeed, uint256 tokenSeed, uint256 amount, uint256 duration) external {
        if (board.paused()) {
            _skip("createBounty (paused)");
            return;
        }
        address funder = _funders[funderSeed % FUNDERS];
        address token = _tokens[tokenSeed % TOKENS];
        amount = bound(amount, 1, MAX_DEPOSIT);
        // Deadlines are on the module clock, which a pause holds still.
        uint256 deadline = ghostModuleTime() + bound(duration, 1, MAX_DURATION);
        IBountyBoard.BountyTerms memory terms = IBountyBoard.BountyTerms({
            missionId: missionId,
            token: token,
            deadline: uint64(deadline),
            credentialSchema: bytes32(0),
            credentialTrustedBy: 0,
            metadataURI: "ipfs://bounty",
            metadataHash: keccak256("bounty")
        });
        _provide(funder, token, amount);
        uint256 before = _balanceOf(token, address(board));
        vm.prank(funder);
        uint256 bountyId = board.createBounty{value: token == address(0) ? amount : 0}(terms, amount);
        ghostDeadline[bountyId] = deadline;
        _credit(bountyId, funder, token, _balanceOf(token, address(board)) - before);
        ++calls[token == _tokens[2] ? bytes32("createBounty(fee token)") : bytes32("createBounty")];
    }

    function fund(uint256 bountySeed, uint256 funderSeed, uint256 amount) external {
        (bool found, uint256 bountyId) = _find(bountySeed, _isOpen);
        if (!found || board.paused()) {
            _skip("fund");
            return;
        }
        address funder = _funders[funderSeed % FUNDERS];
        address token = board.getBounty(bountyId).token;
        amount = bound(amount, 1, MAX_DEPOSIT);
        _provide(funder, token, amount);
        uint256 before = _balanceOf(token, address(board));
        vm.prank(funder);
        uint256 credited = board.fund{value: token == address(0) ? amount : 0}(bountyId, amount);
        uint256 arrived = _balanceOf(token, address(board)) - before;
        assertEq(credited, arrived, "fund: credited vs arrived");
        _credit(bountyId, funder, token, arrived);
        ++calls[ghostAwarded[bountyId] != 0 ? bytes32("fund (after an award)") : bytes32("fund")];
    }

    function submitWork(uint256 bountySeed, uint256 contributorSeed) external {
        (bool found, uint256 bountyId) = _find(bountySeed, _isOpen);
        if (!found || board.paused()) {
            _skip("submitWork");
            return;
        }
        for (uint256 k; k <= FUNDERS; ++k) {
            uint256 index = ((contributorSeed % (FUNDERS + 1)) + k) % (FUNDERS + 1);
            address contributor = index == FUNDERS ? refuser : _funders[index];
            (bytes32 contentHash, ) = board.submissionOf(bountyId, contributor);
            if (contentHash != bytes32(0)) continue;
            vm.prank(contributor);
            board.submitWork(bountyId, "ipfs://work", keccak256(abi.encode(bountyId, contributor)), bytes32(0));
            _submitters[bountyId].push(contributor);
            ++calls["submitWork"];
            return;
        }
        _skip("submitWork");
    }

    /// @dev A quarter of the awards leave exactly 1 unit (when the winners allow it): with
    /// deposits up to 1e21, the shares are then rescaled.
    function award(uint256 bountySeed, uint256 countSeed, uint256 totalSeed) external {
        (bool found, uint256 bountyId) = _find(bountySeed, _isAwardable);
        if (!found) {
            _skip("award");
            return;
        }
        if (board.paused()) {
            _expectPaused(abi.encodeCall(board.award, (bountyId, new address[](1), new uint256[](1))), manager);
            return;
        }
        address[] memory candidates = _unawardedSubmitters(bountyId);
        uint256 remaining = board.remainingOf(bountyId);
        uint256 count = bound(countSeed, 1, _min(_min(candidates.length, MAX_WINNERS), remaining));
        uint256 total =
            totalSeed % 4 == 0 && remaining - 1 >= count ? remaining - 1 : bound(totalSeed, count, remaining);
        address[] memory winners = new address[](count);
        uint256[] memory amounts = new uint256[](count);
        for (uint256 i; i < count; ++i) {
            winners[i] = candidates[((countSeed % candidates.length) + i) % candidates.length];
            amounts[i] = total / count;
        }
        amounts[0] += total % count;

        vm.prank(manager);
        board.award(bountyId, winners, amounts);

        address token = board.getBounty(bountyId).token;
        address[] storage holders = _bountyFunders[bountyId];
        for (uint256 i; i < holders.length; ++i) _stakes[bountyId][holders[i]].charge(total, remaining);
        ++ghostOperations[bountyId];
        ghostAwarded[bountyId] += total;
        ghostAwardCount += count;
        if (ledger.paused()) ghostUnrecordedCount += count;
        for (uint256 i; i < count; ++i) {
            // Only the RevertingReceiver refuses, and only ETH: its award waits for a withdrawal.
            if (token == address(0) && winners[i] == refuser) ghostWithdrawable[refuser][token] += amounts[i];
            else ghostHeld[token] -= amounts[i];
        }
        ++calls[total == remaining - 1 ? bytes32("award (leaving 1 unit)") : bytes32("award")];
    }

    /// @dev Cancels an Open bounty that awarded nothing yet, whatever was submitted.
    function cancel(uint256 bountySeed) external {
        (bool found, uint256 bountyId) = _find(bountySeed, _isCancellable);
        if (!found || board.paused()) {
            _skip("cancel");
            return;
        }
        vm.prank(manager);
        board.cancel(bountyId);
        ghostCancelled[bountyId] = true;
        ++calls[_submitters[bountyId].length != 0 ? bytes32("cancel (with submissions)") : bytes32("cancel")];
    }

    /// @dev The manager tries to cancel an Open bounty that already awarded: refused, with its awards.
    function cancelAfterAward(uint256 bountySeed) external {
        (bool found, uint256 bountyId) = _find(bountySeed, _isOpenWithAwards);
        if (!found || board.paused()) {
            _skip("cancelAfterAward");
            return;
        }
        vm.prank(manager);
        try board.cancel(bountyId) {
            ++ghostUnexpectedRefusals;
        } catch (bytes memory reason) {
            bytes memory expected = abi.encodeWithSelector(
                IBountyBoard.BountyHasAwards.selector,
                bountyId,
                ghostAwarded[bountyId]
            );
            if (keccak256(reason) != keccak256(expected)) ++ghostUnexpectedRefusals;
        }
        ++calls["cancelAfterAward (refused)"];
    }

    function reclaim(uint256 bountySeed, uint256 funderSeed) external {
        (bool found, uint256 bountyId) = _find(bountySeed, _isReclaimable);
        if (!found) {
            _skip("reclaim");
            return;
        }
        address[] storage list = _bountyFunders[bountyId];
        address funder;
        for (uint256 k; k < list.length; ++k) {
            address candidate = list[((funderSeed % list.length) + k) % list.length];
            (, bool reclaimed) = board.contributionOf(bountyId, candidate);
            if (!reclaimed) {
                funder = candidate;
                break;
            }
        }
        if (board.paused()) {
            _expectPaused(abi.encodeCall(board.reclaim, (bountyId, funder)), funder);
            return;
        }
        (uint256 contribution, ) = board.contributionOf(bountyId, funder);
        uint256 preview = board.refundOf(bountyId, funder);
        address token = board.getBounty(bountyId).token;

        vm.prank(funder);
        uint256 refund = board.reclaim(bountyId, funder);

        _checkRefund(bountyId, funder, contribution, refund, preview);
        ghostRefundOf[bountyId][funder] = refund;
        ghostRefunded[bountyId] += refund;
        ghostHeld[token] -= refund;
        if (++_reclaims[bountyId] == list.length) {
            if (ghostRefunded[bountyId] != ghostFunded[bountyId] - ghostAwarded[bountyId]) ++ghostLeftoverMismatches;
        }
        ++calls["reclaim"];
    }

    /// @dev Not stopped by a pause: a credit is a fixed sum already owed.
    function withdraw(uint256 tokenSeed) external {
        address token = _tokens[tokenSeed % TOKENS];
        uint256 owed = ghostWithdrawable[refuser][token];
        if (owed == 0) {
            _skip("withdraw");
            return;
        }
        vm.prank(refuser);
        uint256 amount = board.withdraw(token, sink);
        assertEq(amount, owed, "withdraw: amount vs ghost");
        ghostWithdrawable[refuser][token] = 0;
        ghostHeld[token] -= amount;
        ++calls[board.paused() ? bytes32("withdraw (paused)") : bytes32("withdraw")];
    }

    /* ACTIONS: PAUSE AND TIME */

    /// @dev The guardian pauses when its cooldown allows, and is refused with the predicted
    /// `readyAt` otherwise; governance pauses at any time.
    function pause(uint256 seed) external {
        if (ghostPaused()) {
            _skip("pause");
            return;
        }
        bool byGuardian = seed % 2 == 0;
        if (byGuardian && block.timestamp < ghostGuardianReadyAt) {
            vm.prank(guardian);
            try board.pause() {
                ++ghostUnexpectedRefusals;
            } catch (bytes memory reason) {
                bytes memory expected = abi.encodeWithSelector(
                    IAtlasModule.ModuleGuardianCoolingDown.selector,
                    ghostGuardianReadyAt
                );
                if (keccak256(reason) != keccak256(expected)) ++ghostUnexpectedRefusals;
            }
            ++calls["pause (guardian cooling down)"];
            return;
        }
        vm.prank(byGuardian ? guardian : governance);
        try board.pause() {
            // Paused as predicted.
        } catch (bytes memory reason) {
            // The contract refuses a pause that follows one that ended by itself (a bug): the
            // board stays unpaused, as the ghost does.
            if (ghostPauseStarted && _isError(reason, PausableUpgradeable.EnforcedPause.selector))
                ++ghostRepausesRefused;
            else ++ghostUnexpectedRefusals;
            ++calls["pause (refused after one ended)"];
            return;
        }
        if (byGuardian) ghostGuardianReadyAt = block.timestamp + 2 * MAX_PAUSE;
        // A pause that ended by itself is settled in full.
        if (ghostPauseStarted) ghostPausedBefore += ghostPauseEndsAt - ghostPausedAt;
        (ghostPausedAt, ghostPauseEndsAt, ghostPauseStarted) = (block.timestamp, block.timestamp + MAX_PAUSE, true);
        ++calls[byGuardian ? bytes32("pause (guardian)") : bytes32("pause (governance)")];
    }

    function unpause() external {
        if (!ghostPaused()) {
            _skip("unpause");
            return;
        }
        vm.prank(governance);
        try board.unpause() {
            // Unpaused as predicted.
        } catch (bytes memory reason) {
            // The contract refuses every unpause (a bug): the pause goes on, as the ghost's does.
            if (_isError(reason, PausableUpgradeable.ExpectedPause.selector)) ++ghostUnpausesRefused;
            else ++ghostUnexpectedRefusals;
            ++calls["unpause (refused)"];
            return;
        }
        ghostPausedBefore += block.timestamp - ghostPausedAt;
        (ghostPauseEndsAt, ghostPauseStarted) = (block.timestamp, false);
        ++calls["unpause"];
    }

    function extendPause(uint256 extension) external {
        if (!ghostPaused()) {
            _skip("extendPause");
            return;
        }
        uint256 endsAt = block.timestamp + bound(extension, 1, 30 days);
        vm.prank(governance);
        board.extendPause(endsAt);
        ghostPauseEndsAt = endsAt;
        ++calls["extendPause"];
    }

    /// @dev Pauses the ledger or unpauses it (governance: no cooldown): awards never stop. The
    /// AtlasModule bugs that refuse unpauses and pauses after a pause ended are counted as on the board.
    function toggleLedger() external {
        bool paused = ledger.paused();
        bytes memory call = paused ? abi.encodeCall(ledger.unpause, ()) : abi.encodeCall(ledger.pause, ());
        vm.prank(governance);
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, bytes memory reason) = address(ledger).call(call);
        if (ok) {
            ++calls["toggleLedger"];
            return;
        }
        if (paused && _isError(reason, PausableUpgradeable.ExpectedPause.selector)) ++ghostUnpausesRefused;
        else if (!paused && _isError(reason, PausableUpgradeable.EnforcedPause.selector)) ++ghostRepausesRefused;
        else ++ghostUnexpectedRefusals;
        ++calls["toggleLedger (refused)"];
    }

    function warp(uint256 seconds_) external {
        bool wasPaused = ghostPaused();
        vm.warp(block.timestamp + bound(seconds_, 1, MAX_WARP));
        ++calls[wasPaused && !ghostPaused() ? bytes32("warp (a pause ended by itself)") : bytes32("warp")];
    }

    /* VIEWS FOR THE INVARIANTS */

    function funders() external view returns (address[FUNDERS] memory) {
        return _funders;
    }

    function tokens() external view returns (address[TOKENS] memory) {
        return _tokens;
    }

    function bountyFunders(uint256 bountyId) external view returns (address[] memory) {
        return _bountyFunders[bountyId];
    }

    /// @notice Whether the board should be paused now, by the replayed AtlasModule rules.
    function ghostPaused() public view returns (bool) {
        return ghostPauseStarted && block.timestamp < ghostPauseEndsAt;
    }

    /// @notice Seconds the board should have spent paused.
    function ghostPausedDuration() public view returns (uint256 duration) {
        duration = ghostPausedBefore;
        if (ghostPauseStarted) {
            duration += (block.timestamp < ghostPauseEndsAt ? block.timestamp : ghostPauseEndsAt) - ghostPausedAt;
        }
    }

    /// @notice The board's clock, as it should read.
    function ghostModuleTime() public view returns (uint256) {
        return block.timestamp - ghostPausedDuration();
    }

    /* PREDICATES */

    function _isOpen(uint256 bountyId) private view returns (bool) {
        return board.statusOf(bountyId) == IBountyBoard.BountyStatus.Open;
    }

    function _isAwardable(uint256 bountyId) private view returns (bool) {
        return _isOpen(bountyId) && board.remainingOf(bountyId) != 0 && _unawardedSubmitters(bountyId).length != 0;
    }

    function _isCancellable(uint256 bountyId) private view returns (bool) {
        return _isOpen(bountyId) && ghostAwarded[bountyId] == 0;
    }

    function _isOpenWithAwards(uint256 bountyId) private view returns (bool) {
        return _isOpen(bountyId) && ghostAwarded[bountyId] != 0;
    }

    function _isReclaimable(uint256 bountyId) private view returns (bool) {
        IBountyBoard.BountyStatus status = board.statusOf(bountyId);
        if (status != IBountyBoard.BountyStatus.Expired && status != IBountyBoard.BountyStatus.Cancelled) return false;
        IBountyBoard.Bounty memory bounty = board.getBounty(bountyId);
        return bounty.awarded != bounty.funded && _reclaims[bountyId] < _bountyFunders[bountyId].length;
    }

    /* HELPERS */

    /// @dev A refund is its preview; without any award it is the contribution exactly; with
    /// awards it is the funder's stake in the reference model within the rounding tolerance
    /// (deposits and awards of the bounty, plus one), and so at most its contribution plus that.
    function _checkRefund(
        uint256 bountyId,
        address funder,
        uint256 contribution,
        uint256 refund,
        uint256 preview
    ) private {
        if (refund != preview) ++ghostRefundPreviewMismatches;
        if (ghostAwarded[bountyId] == 0) {
            if (refund != contribution) ++ghostRefundsOffContribution;
            if (refund > contribution) ++ghostRefundsAboveContribution;
            return;
        }
        uint256 tolerance = ghostOperations[bountyId] + 1;
        RefundModel.Stake storage stake = _stakes[bountyId][funder];
        if (refund + tolerance < stake.floorUnits() || refund > stake.ceilUnits() + tolerance) ++ghostRefundsOffModel;
        if (refund > contribution + tolerance) ++ghostRefundsAboveContribution;
    }

    /// @dev While paused, `call` from `caller` is refused with EnforcedPause.
    function _expectPaused(bytes memory call, address caller) private {
        vm.prank(caller);
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, bytes memory reason) = address(board).call(call);
        if (ok || !_isError(reason, PausableUpgradeable.EnforcedPause.selector)) ++ghostUnexpectedRefusals;
        ++calls["refused while paused"];
    }

    function _isError(bytes memory reason, bytes4 selector) private pure returns (bool) {
        return keccak256(reason) == keccak256(abi.encodeWithSelector(selector));
    }

    /// @dev The first bounty from a seeded start that satisfies `predicate`.
    function _find(
        uint256 seed,
        function(uint256) view returns (bool) predicate
    ) private view returns (bool found, uint256 bountyId) {
        uint256 count = board.bountyCount();
        for (uint256 k; k < count; ++k) {
            bountyId = 1 + (((seed % count) + k) % count);
            if (predicate(bountyId)) return (true, bountyId);
        }
        return (false, 0);
    }

    function _unawardedSubmitters(uint256 bountyId) private view returns (address[] memory candidates) {
        address[] storage submitters = _submitters[bountyId];
        bool[] memory open = new bool[](submitters.length);
        uint256 n;
        for (uint256 i; i < submitters.length; ++i) {
            (, uint256 awarded) = board.submissionOf(bountyId, submitters[i]);
            if (awarded == 0) (open[i], n) = (true, n + 1);
        }
        candidates = new address[](n);
        n = 0;
        for (uint256 i; i < submitters.length; ++i) if (open[i]) candidates[n++] = submitters[i];
    }

    /// @dev Gives `funder` `amount` to deposit: ETH, or minted tokens approved to the board.
    function _provide(address funder, address token, uint256 amount) private {
        if (token == address(0)) {
            vm.deal(funder, funder.balance + amount);
            return;
        }
        IMintable(token).mint(funder, amount);
        vm.prank(funder);
        IERC20(token).approve(address(board), amount);
    }

    function _credit(uint256 bountyId, address funder, address token, uint256 arrived) private {
        ghostHeld[token] += arrived;
        ghostFunded[bountyId] += arrived;
        _stakes[bountyId][funder].deposit(arrived);
        ++ghostOperations[bountyId];
        if (!_hasFunded[bountyId][funder]) {
            _hasFunded[bountyId][funder] = true;
            _bountyFunders[bountyId].push(funder);
        }
    }

    function _balanceOf(address token, address account) private view returns (uint256) {
        return token == address(0) ? account.balance : IERC20(token).balanceOf(account);
    }

    function _skip(bytes32 action) private {
        ++calls[keccak256(abi.encode(action, "skipped"))];
    }

    function _min(uint256 a, uint256 b) private pure returns (uint256) {
        return a < b ? a : b;
    }
}

/// @title BountyBoardInvariantsTest
/// @notice Invariants of the BountyBoard under random bounties in ETH, a plain token and a
/// fee-on-transfer token, with top-ups after awards, cancels before awards, pauses (guardian and
/// governance, lifted, extended or ending by themselves) and time warps: per token, what the
/// board holds equals what it owes (open bounties' remaining, unreclaimed refunds, pending
/// withdrawals) and the ghost ledger; per bounty, awards and refunds never exceed funding, the
/// refunds never exceed what was funded and not awarded, and the contributions add up to the
/// funding; refunds are fair (as previewed, the contribution exactly without awards, the
/// reference model's stake within the rounding tolerance with awards, never above the
/// contribution beyond it, adding up to the leftover); the module clock and the guardian's
/// cooldown follow the AtlasModule rules and every deadline is on that clock; every award made
/// while the ledger accepts is in it, and a paused ledger never stops an award.
contract BountyBoardInvariantsTest is CapitalFixture {
    uint256 private constant FUNDERS = 4;
    uint256 private constant TOKENS = 3;

    BountyBoard private board;
    ContributionLedger private ledger;
    BountyBoardHandler private handler;
    uint64 private sovereignId;

    function setUp() public {
        address governance = _account("governance");
        address guardian = _account("guardian");
        SovereignRegistry registry;
        (, registry, ledger) = _deployGraph(governance, guardian);
        board = _deployWiredBoard(registry, ledger, governance, guardian);

        address manager = _account("mission manager");
        uint64 missionId;
        (sovereignId, missionId) = _openMission(registry, manager);

        address[FUNDERS] memory funders = [_account("alice"), _account("bob"), _account("carol"), _account("dave")];
        address[TOKENS] memory tokens = [address(0), address(new MockToken()), address(new FeeOnTransferToken())];
        handler = new BountyBoardHandler(board, ledger, governance, guardian, missionId, manager, funders, tokens);
        vm.label(address(handler), "handler");
        targetContract(address(handler));
    }

    /* INVARIANTS */

    function invariant_boardHoldsWhatItOwes() public view {
        address[TOKENS] memory tokens = handler.tokens();
        address[FUNDERS] memory funders = handler.funders();
        uint256 count = board.bountyCount();
        for (uint256 t; t < TOKENS; ++t) {
            uint256 owed;
            for (uint256 b = 1; b <= count; ++b) {
                if (board.getBounty(b).token == tokens[t]) owed += board.remainingOf(b);
            }
            for (uint256 i; i < FUNDERS; ++i) owed += board.pendingWithdrawal(funders[i], tokens[t]);
            owed += board.pendingWithdrawal(handler.refuser(), tokens[t]);
            uint256 held =
                tokens[t] == address(0) ? address(board).balance : IERC20(tokens[t]).balanceOf(address(board));
            assertEq(held, owed, "board balance vs remaining + refunds owed + withdrawals owed");
            assertEq(held, handler.ghostHeld(tokens[t]), "board balance vs ghost ledger");
            assertEq(
                board.pendingWithdrawal(handler.refuser(), tokens[t]),
                handler.ghostWithdrawable(handler.refuser(), tokens[t]),
                "deferred payouts vs ghost"
            );
        }
    }

    function invariant_paidNeverExceedsFunded() public view {
        uint256 count = board.bountyCount();
        for (uint256 b = 1; b <= count; ++b) {
            IBountyBoard.Bounty memory bounty = board.getBounty(b);
            assertLe(bounty.awarded + bounty.refunded, bounty.funded, "awarded + refunded vs funded");
            assertLe(bounty.refunded, bounty.funded - bounty.awarded, "refunds vs funded - awarded");
            assertEq(bounty.funded, handler.ghostFunded(b), "funded vs ghost");
            assertEq(bounty.awarded, handler.ghostAwarded(b), "awarded vs ghost");
            assertEq(bounty.refunded, handler.ghostRefunded(b), "refunded vs ghost");
            address[] memory funders = handler.bountyFunders(b);
            assertEq(bounty.funderCount, funders.length, "funder count vs ghost");
            uint256 contributions;
            uint256 reclaims;
            for (uint256 i; i < funders.length; ++i) {
                (uint256 amount, bool reclaimed) = board.contributionOf(b, funders[i]);
                contributions += amount;
                if (reclaimed) {
                    ++reclaims;
                    assertLe(
                        handler.ghostRefundOf(b, funders[i]),
                        amount + (bounty.awarded == 0 ? 0 : handler.ghostOperations(b) + 1),
                        "a funder's refund vs its deposits (+ rounding tolerance after awards)"
                    );
                }
            }
            assertEq(contributions, bounty.funded, "sum of contributions vs funded");
            assertEq(bounty.reclaimCount, reclaims, "reclaim count vs funders reclaimed");
        }
    }

    function invariant_refundsAreFair() public view {
        assertEq(handler.ghostRefundsAboveContribution(), 0, "refunds above a contribution (beyond rounding)");
        assertEq(handler.ghostRefundsOffContribution(), 0, "refunds of a bounty without awards off the contribution");
        assertEq(handler.ghostRefundsOffModel(), 0, "refunds off the reference model (beyond rounding)");
        assertEq(handler.ghostRefundPreviewMismatches(), 0, "refunds differing from refundOf");
        assertEq(handler.ghostLeftoverMismatches(), 0, "fully reclaimed bounties whose refunds miss the leftover");
    }

    /// @dev The board's clock and pause follow the AtlasModule rules replayed by the handler, and
    /// each bounty is Open exactly while the module clock is before its deadline: a pause
    /// extends every deadline by its length.
    function invariant_deadlinesFollowTheModuleClock() public view {
        IAtlasModule.PauseState memory state = board.pauseState();
        assertEq(state.pausedDuration, handler.ghostPausedDuration(), "paused duration vs ghost");
        assertEq(state.moduleTime, handler.ghostModuleTime(), "module time vs ghost");
        assertEq(state.guardianReadyAt, handler.ghostGuardianReadyAt(), "guardian ready at vs ghost");
        assertEq(state.pauseEndsAt, handler.ghostPauseEndsAt(), "pause end vs ghost");
        assertTrue(board.paused() == handler.ghostPaused(), "paused vs ghost");
        assertEq(handler.ghostUnexpectedRefusals(), 0, "calls refused other than as predicted");
        uint256 count = board.bountyCount();
        for (uint256 b = 1; b <= count; ++b) {
            IBountyBoard.BountyStatus status = board.statusOf(b);
            if (handler.ghostCancelled(b)) {
                assertTrue(status == IBountyBoard.BountyStatus.Cancelled, "cancelled bounty's status");
            } else if (state.moduleTime < handler.ghostDeadline(b)) {
                assertTrue(status == IBountyBoard.BountyStatus.Open, "status before the deadline (module clock)");
            } else {
                assertTrue(status == IBountyBoard.BountyStatus.Expired, "status at the deadline (module clock)");
            }
        }
    }

    /// @dev Governance lifts a pause whenever it wants (IAtlasModule: "only governance may
    /// unpause"). Found by this invariant: unpause once moved the pause's end to now before
    /// OpenZeppelin's `_unpause` checked `whenPaused`, and reverted ExpectedPause.
    function invariant_governanceCanUnpause() public view {
        assertEq(handler.ghostUnpausesRefused(), 0, "governance unpauses refused while paused");
    }

    /// @dev A pause that ended by itself does not stop the next one (governance at once, the
    /// guardian after its cooldown). Found by this invariant: pause once wrote the new end before
    /// OpenZeppelin's `_pause` checked `whenNotPaused`, so the flag an ended pause left set
    /// refused every later pause.
    function invariant_aPauseCanFollowOneThatEnded() public view {
        assertEq(handler.ghostRepausesRefused(), 0, "pauses refused after a pause ended by itself");
    }

    /// @dev Every award made while the ledger accepted records is recorded, once; the others
    /// (ledger paused) were paid all the same (the conservation invariants hold through them).
    function invariant_everyAwardRecorded() public view {
        uint256 recorded = handler.ghostAwardCount() - handler.ghostUnrecordedCount();
        assertEq(ledger.outcomeCount(), recorded, "ledger outcomes vs awards made while it accepted");
        address[FUNDERS] memory funders = handler.funders();
        uint256 reputation = ledger.reputationOf(sovereignId, handler.refuser());
        for (uint256 i; i < FUNDERS; ++i) reputation += ledger.reputationOf(sovereignId, funders[i]);
        assertEq(reputation, recorded * board.AWARD_POINTS(), "reputation vs recorded awards");
    }
}
