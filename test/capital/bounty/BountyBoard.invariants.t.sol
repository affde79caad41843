// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {BountyBoard} from "../../../contracts/capital/BountyBoard.sol";
import {IBountyBoard} from "../../../contracts/capital/IBountyBoard.sol";
import {ContributionLedger} from "../../../contracts/graph/ContributionLedger.sol";
import {ISovereignRegistry} from "../../../contracts/graph/ISovereignRegistry.sol";
import {SovereignRegistry} from "../../../contracts/graph/SovereignRegistry.sol";
import {MockEAS} from "../../graph/mocks/MockEAS.sol";
import {GraphFixture} from "../../graph/utils/GraphFixture.sol";
import {RevertingReceiver} from "../../mocks/tokens/Receivers.sol";
import {FeeOnTransferToken, MockToken} from "../../mocks/tokens/WeirdTokens.sol";
import {Test} from "../../utils/Test.sol";

/// @dev The test tokens' mint.
interface IMintable {
    function mint(address to, uint256 amount) external;
}

/// @title BountyBoardHandler
/// @notice Drives the board with random bounded actions — create (ETH, a plain token, a
/// fee-on-transfer token), top up, submit, award, cancel, reclaim, withdraw, time warps, and the
/// ledger paused and unpaused (awards are then paid unrecorded) — and keeps
/// a ghost ledger of what the board must hold per token, and of each bounty's funding, awards and
/// refunds. Every action checks its own preconditions and skips when none holds, so no call reverts.
/// @dev Deposits are measured by the handler as the board's balance change (independently of the
/// board's own accounting). One contributor is a RevertingReceiver: its ETH awards are deferred
/// and it withdraws them to a sink.
contract BountyBoardHandler is Test {
    uint256 public constant FUNDERS = 4;
    uint256 public constant TOKENS = 3;
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
    mapping(address account => mapping(address token => uint256 amount)) public ghostWithdrawable;
    uint256 public ghostAwardCount;
    /// @dev Awards made while the ledger refused them: paid, reported, not recorded.
    uint256 public ghostUnrecordedCount;
    /// @dev Refunds above the funder's contribution, beyond the last funder's dust (must stay 0).
    uint256 public ghostRefundsAboveContribution;
    /// @dev Refunds other than the exact pro-rata share (plus less than one unit of dust per other
    /// funder for the last one) (must stay 0).
    uint256 public ghostRefundsOffShare;
    /// @dev Refunds that differ from `refundOf` just before (must stay 0).
    uint256 public ghostRefundPreviewMismatches;
    /// @dev Bounties whose funders all reclaimed but whose refunds miss the leftover (must stay 0).
    uint256 public ghostLeftoverMismatches;
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

    /* ACTIONS */

    function createBounty(uint256 funderSeed, uint256 tokenSeed, uint256 amount, uint256 duration) external {
        address funder = _funders[funderSeed % FUNDERS];
        address token = _tokens[tokenSeed % TOKENS];
        amount = bound(amount, 1, MAX_DEPOSIT);
        IBountyBoard.BountyTerms memory terms = IBountyBoard.BountyTerms({
            missionId: missionId,
            token: token,
            deadline: uint64(block.timestamp + bound(duration, 1, MAX_DURATION)),
            credentialSchema: bytes32(0),
            credentialTrustedBy: 0,
            metadataURI: "ipfs://bounty",
            metadataHash: keccak256("bounty")
        });
        _provide(funder, token, amount);
        uint256 before = _balanceOf(token, address(board));
        vm.prank(funder);
        uint256 bountyId = board.createBounty{value: token == address(0) ? amount : 0}(terms, amount);
        _credit(bountyId, funder, token, _balanceOf(token, address(board)) - before);
        ++calls[token == _tokens[2] ? bytes32("createBounty(fee token)") : bytes32("createBounty")];
    }

    function fund(uint256 bountySeed, uint256 funderSeed, uint256 amount) external {
        (bool found, uint256 bountyId) = _find(bountySeed, _isOpen);
        if (!found) {
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
        ++calls["fund"];
    }

    function submitWork(uint256 bountySeed, uint256 contributorSeed) external {
        (bool found, uint256 bountyId) = _find(bountySeed, _isOpen);
        if (!found) {
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

    function award(uint256 bountySeed, uint256 countSeed, uint256 totalSeed) external {
        (bool found, uint256 bountyId) = _find(bountySeed, _isAwardable);
        if (!found) {
            _skip("award");
            return;
        }
        address[] memory candidates = _unawardedSubmitters(bountyId);
        uint256 remaining = board.remainingOf(bountyId);
        uint256 count = bound(countSeed, 1, _min(_min(candidates.length, MAX_WINNERS), remaining));
        uint256 total = bound(totalSeed, count, remaining);
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
        ghostAwarded[bountyId] += total;
        ghostAwardCount += count;
        if (ledger.paused()) ghostUnrecordedCount += count;
        for (uint256 i; i < count; ++i) {
            // Only the RevertingReceiver refuses, and only ETH: its award waits for a withdrawal.
            if (token == address(0) && winners[i] == refuser) ghostWithdrawable[refuser][token] += amounts[i];
            else ghostHeld[token] -= amounts[i];
        }
        ++calls["award"];
    }

    function cancel(uint256 bountySeed) external {
        (bool found, uint256 bountyId) = _find(bountySeed, _isCancellable);
        if (!found) {
            _skip("cancel");
            return;
        }
        vm.prank(manager);
        board.cancel(bountyId);
        ++calls["cancel"];
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
        (uint256 contribution, ) = board.contributionOf(bountyId, funder);
        uint256 preview = board.refundOf(bountyId, funder);
        address token = board.getBounty(bountyId).token;
        // Its exact share, from the ghost ledger: floor(contribution * leftover / funded).
        uint256 share = Math.mulDiv(
            contribution,
            ghostFunded[bountyId] - ghostAwarded[bountyId],
            ghostFunded[bountyId]
        );
        bool last = _reclaims[bountyId] + 1 == list.length;

        vm.prank(funder);
        uint256 refund = board.reclaim(bountyId, funder);

        if (refund != preview) ++ghostRefundPreviewMismatches;
        if (refund > contribution + (last ? list.length - 1 : 0)) ++ghostRefundsAboveContribution;
        if (last ? refund < share || refund - share >= list.length : refund != share) ++ghostRefundsOffShare;
        ghostRefunded[bountyId] += refund;
        ghostHeld[token] -= refund;
        if (++_reclaims[bountyId] == list.length) {
            if (ghostRefunded[bountyId] != ghostFunded[bountyId] - ghostAwarded[bountyId]) ++ghostLeftoverMismatches;
        }
        ++calls["reclaim"];
    }

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
        ++calls["withdraw"];
    }

    /// @dev Pauses the ledger (guardian) or unpauses it (governance): awards never stop.
    function toggleLedger() external {
        bool paused = ledger.paused();
        vm.prank(paused ? governance : guardian);
        if (paused) ledger.unpause();
        else ledger.pause();
        ++calls["toggleLedger"];
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, MAX_WARP));
        ++calls["warp"];
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

    /* PREDICATES */

    function _isOpen(uint256 bountyId) private view returns (bool) {
        return board.statusOf(bountyId) == IBountyBoard.BountyStatus.Open;
    }

    function _isAwardable(uint256 bountyId) private view returns (bool) {
        return _isOpen(bountyId) && board.remainingOf(bountyId) != 0 && _unawardedSubmitters(bountyId).length != 0;
    }

    function _isCancellable(uint256 bountyId) private view returns (bool) {
        return _isOpen(bountyId) && _submitters[bountyId].length == 0;
    }

    function _isReclaimable(uint256 bountyId) private view returns (bool) {
        IBountyBoard.BountyStatus status = board.statusOf(bountyId);
        if (status != IBountyBoard.BountyStatus.Expired && status != IBountyBoard.BountyStatus.Cancelled) return false;
        IBountyBoard.Bounty memory bounty = board.getBounty(bountyId);
        return bounty.awarded != bounty.funded && _reclaims[bountyId] < _bountyFunders[bountyId].length;
    }

    /* HELPERS */

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
/// fee-on-transfer token: per token, what the board holds equals what it owes (open bounties'
/// remaining, unreclaimed refunds, pending withdrawals) and the ghost ledger; per bounty, awards
/// and refunds never exceed funding and the contributions add up to it; refunds are fair (never
/// above a contribution, as previewed, adding up to the leftover); every award made while the
/// ledger accepts is in it, and a paused ledger never stops an award.
contract BountyBoardInvariantsTest is GraphFixture {
    uint256 private constant FUNDERS = 4;
    uint256 private constant TOKENS = 3;

    BountyBoard private board;
    ContributionLedger private ledger;
    BountyBoardHandler private handler;
    uint64 private sovereignId;

    function setUp() public {
        MockEAS eas = new MockEAS();
        address governance = _account("governance");
        address guardian = _account("guardian");
        SovereignRegistry registry = _deployRegistry(eas, governance, guardian);
        ledger = _deployLedger(eas, registry, governance, guardian);
        BountyBoard implementation = new BountyBoard();
        board = BountyBoard(
            address(
                new ERC1967Proxy(
                    address(implementation),
                    abi.encodeCall(BountyBoard.initialize, (governance, guardian, registry, ledger))
                )
            )
        );
        vm.startPrank(governance);
        registry.setFundingModule(address(board), true);
        ledger.setRecorder(address(board), true);
        vm.stopPrank();

        address manager = _account("mission manager");
        vm.startPrank(manager);
        sovereignId = registry.register("atlantis", METADATA_URI, METADATA_HASH);
        uint64 missionId = registry.createMission(sovereignId, 0, METADATA_URI, METADATA_HASH);
        registry.transitionMission(missionId, ISovereignRegistry.MissionStatus.Open);
        vm.stopPrank();

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
            for (uint256 i; i < FUNDERS; ++i) owed += board.withdrawableOf(funders[i], tokens[t]);
            owed += board.withdrawableOf(handler.refuser(), tokens[t]);
            uint256 held =
                tokens[t] == address(0) ? address(board).balance : IERC20(tokens[t]).balanceOf(address(board));
            assertEq(held, owed, "board balance vs remaining + refunds owed + withdrawals owed");
            assertEq(held, handler.ghostHeld(tokens[t]), "board balance vs ghost ledger");
            assertEq(
                board.withdrawableOf(handler.refuser(), tokens[t]),
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
            assertEq(bounty.funded, handler.ghostFunded(b), "funded vs ghost");
            assertEq(bounty.awarded, handler.ghostAwarded(b), "awarded vs ghost");
            assertEq(bounty.refunded, handler.ghostRefunded(b), "refunded vs ghost");
            address[] memory funders = handler.bountyFunders(b);
            uint256 contributions;
            for (uint256 i; i < funders.length; ++i) {
                (uint256 amount, ) = board.contributionOf(b, funders[i]);
                contributions += amount;
            }
            assertEq(contributions, bounty.funded, "sum of contributions vs funded");
        }
    }

    function invariant_refundsAreFair() public view {
        assertEq(handler.ghostRefundsAboveContribution(), 0, "refunds above a contribution (beyond dust)");
        assertEq(handler.ghostRefundsOffShare(), 0, "refunds off their pro-rata share");
        assertEq(handler.ghostRefundPreviewMismatches(), 0, "refunds differing from refundOf");
        assertEq(handler.ghostLeftoverMismatches(), 0, "fully reclaimed bounties whose refunds miss the leftover");
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
