// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {LowLevelCall} from "@openzeppelin/contracts/utils/LowLevelCall.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {AtlasModule} from "../governance/AtlasModule.sol";
import {IContributionLedger} from "../graph/IContributionLedger.sol";
import {ISovereignRegistry} from "../graph/ISovereignRegistry.sol";
import {BountyMath} from "../libraries/BountyMath.sol";
import {IBountyBoard} from "./IBountyBoard.sol";

/// @title BountyBoard
/// @notice Bounties on Sovereign Graph missions, in ETH or any ERC-20, behind a UUPS proxy that
/// only governance upgrades. Awards are pushed (deferred to a withdrawal when a winner cannot
/// receive) and recorded in the ContributionLedger; each award is charged to the funders whose
/// money was in at the time (shares, {BountyMath}), and refunds are pulled without loops.
contract BountyBoard is IBountyBoard, AtlasModule, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @inheritdoc IBountyBoard
    bytes32 public constant BOUNTY_KIND = "bounty";
    /// @inheritdoc IBountyBoard
    uint256 public constant AWARD_POINTS = 100;
    /// @inheritdoc IBountyBoard
    uint256 public constant MAX_WINNERS = 32;
    /// @inheritdoc IBountyBoard
    uint256 public constant MAX_DURATION = 730 days;

    /// @notice The most a bounty may hold in all: shares stay below 2^160 (see {BountyMath}).
    uint256 public constant MAX_FUNDING = type(uint128).max;

    /// @dev One account's work on one bounty; `credentialUID` is checked again at award time.
    struct Submission {
        bytes32 contentHash;
        uint256 awarded;
        bytes32 credentialUID;
    }

    /// @dev A funder's shares of a bounty, as of share epoch `epoch` (see {BountyMath}).
    struct Position {
        uint160 shares;
        uint32 epoch;
    }

    /// @custom:storage-location erc7201:atlas.storage.BountyBoard
    struct BountyBoardStorage {
        ISovereignRegistry registry;
        IContributionLedger ledger;
        uint256 bountyCount;
        mapping(uint256 bountyId => Bounty) bounties;
        mapping(uint256 bountyId => mapping(address funder => uint256 amount)) contributions;
        mapping(uint256 bountyId => mapping(address funder => bool)) reclaimed;
        mapping(uint256 bountyId => mapping(address account => Submission)) submissions;
        mapping(address account => mapping(address token => uint256 amount)) withdrawable;
        mapping(uint256 bountyId => mapping(address funder => Position)) positions;
    }

    // keccak256(abi.encode(uint256(keccak256("atlas.storage.BountyBoard")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant _BOARD_STORAGE = 0xb20e1e21c5feaf4379f07f0507a3aab661762f011b2c62e8ca0d9007ca233300;

    /// @notice Sets up the proxy's state.
    /// @param governance_ The timelock.
    /// @param guardian_ May pause the board (zero: none).
    /// @param registry_ The SovereignRegistry (which must name the board a funding module).
    /// @param ledger_ The ContributionLedger (which must name the board a recorder).
    function initialize(
        address governance_,
        address guardian_,
        ISovereignRegistry registry_,
        IContributionLedger ledger_
    ) external initializer {
        if (address(registry_) == address(0) || address(ledger_) == address(0)) revert BountyZeroAddress();
        __AtlasModule_init(governance_, guardian_);
        BountyBoardStorage storage $ = _board();
        $.registry = registry_;
        $.ledger = ledger_;
    }

    /* FUNDING */

    /// @inheritdoc IBountyBoard
    function createBounty(
        BountyTerms calldata terms,
        uint256 amount
    ) external payable whenNotPaused nonReentrant returns (uint256 bountyId) {
        BountyBoardStorage storage $ = _board();
        uint64 sovereignId = _checkTerms($.registry, terms);
        // The deposit comes before the effects: only the balance change says what to credit.
        uint256 credited = _deposit(terms.token, amount);

        bountyId = ++$.bountyCount;
        Bounty storage bounty = $.bounties[bountyId];
        bounty.token = terms.token;
        bounty.missionId = terms.missionId;
        bounty.sovereignId = sovereignId;
        bounty.credentialTrustedBy = terms.credentialTrustedBy;
        bounty.deadline = terms.deadline;
        if (terms.credentialSchema != bytes32(0)) bounty.credentialSchema = terms.credentialSchema;
        if (credited > MAX_FUNDING) revert BountyFundingTooLarge(bountyId, credited, MAX_FUNDING);
        bounty.funded = credited;
        // The first deposit mints one share per unit: credited < 2^128 fits.
        bounty.totalShares = uint160(credited);
        bounty.funderCount = 1;
        $.contributions[bountyId][msg.sender] = credited;
        $.positions[bountyId][msg.sender].shares = uint160(credited);
        _emitCreated(bountyId, sovereignId, terms);
        emit BountyFunded(bountyId, msg.sender, terms.token, credited, credited, credited);

        $.registry.linkMissionFunding(terms.missionId, bountyId);
    }

    /// @inheritdoc IBountyBoard
    function fund(
        uint256 bountyId,
        uint256 amount
    ) external payable whenNotPaused nonReentrant returns (uint256 credited) {
        BountyBoardStorage storage $ = _board();
        Bounty storage bounty = _openBounty(bountyId);
        address token = bounty.token;
        // The deposit comes before the effects: only the balance change says what to credit.
        credited = _deposit(token, amount);

        uint256 before = $.contributions[bountyId][msg.sender];
        uint256 funded = bounty.funded + credited;
        if (funded > MAX_FUNDING) revert BountyFundingTooLarge(bountyId, funded, MAX_FUNDING);
        // The deposit buys shares at their current value: it pays for no award made before it.
        // While a bounty is Open nothing is refunded, so it holds funded - awarded.
        uint256 totalShares = bounty.totalShares;
        uint256 minted = BountyMath.sharesFor(credited, totalShares, bounty.funded - bounty.awarded);
        uint32 epoch = bounty.shareEpoch;
        Position storage position = $.positions[bountyId][msg.sender];
        // Shares stay below 2^160 (a share is worth more than 2^-32 units and funded < 2^128, see
        // BountyMath); SafeCast makes a broken assumption revert instead of truncating.
        position.shares = SafeCast.toUint160(
            BountyMath.effectiveShares(position.shares, position.epoch, epoch) + minted
        );
        if (position.epoch != epoch) position.epoch = epoch;
        bounty.totalShares = SafeCast.toUint160(totalShares + minted);
        if (before == 0) ++bounty.funderCount;
        uint256 contribution = before + credited;
        $.contributions[bountyId][msg.sender] = contribution;
        bounty.funded = funded;
        emit BountyFunded(bountyId, msg.sender, token, credited, contribution, funded);
    }

    /* WORK AND AWARDS */

    /// @inheritdoc IBountyBoard
    function submitWork(
        uint256 bountyId,
        string calldata evidenceURI,
        bytes32 contentHash,
        bytes32 credentialUID
    ) external whenNotPaused nonReentrant {
        BountyBoardStorage storage $ = _board();
        Bounty storage bounty = _openBounty(bountyId);
        if (bytes(evidenceURI).length == 0 || contentHash == bytes32(0)) revert BountyMissingEvidence();
        Submission storage submission = $.submissions[bountyId][msg.sender];
        if (submission.contentHash != bytes32(0)) revert BountyAlreadySubmitted(bountyId, msg.sender);
        bytes32 schema = bounty.credentialSchema;
        if (schema != bytes32(0)) _requireCredential($.registry, bounty, bountyId, msg.sender, credentialUID);

        submission.contentHash = contentHash;
        if (schema != bytes32(0)) submission.credentialUID = credentialUID;
        ++bounty.submissionCount;
        emit WorkSubmitted(bountyId, msg.sender, evidenceURI, contentHash, credentialUID);
    }

    /// @inheritdoc IBountyBoard
    function award(
        uint256 bountyId,
        address[] calldata winners,
        uint256[] calldata amounts
    ) external whenNotPaused nonReentrant {
        BountyBoardStorage storage $ = _board();
        Bounty storage bounty = _openBounty(bountyId);
        _requireManager($.registry, bountyId, bounty.missionId);
        uint256 count = winners.length;
        if (count == 0 || count > MAX_WINNERS) revert BountyInvalidWinnerCount(count, MAX_WINNERS);
        if (amounts.length != count) revert BountyLengthMismatch(count, amounts.length);
        // While a bounty is Open nothing is refunded, so what is left to award is funded - awarded.
        uint256 remaining = bounty.funded - bounty.awarded;
        uint256 total = BountyMath.sum(amounts);
        if (total > remaining) revert BountyAwardExceedsRemaining(bountyId, total, remaining);

        _chargeAward(bounty, total);
        if (bounty.credentialSchema != bytes32(0)) _requireWinnerCredentials($, bounty, bountyId, winners);
        address token = bounty.token;
        bytes32[] memory evidence = _markWinners($, bountyId, token, winners, amounts, remaining);

        // The ledger (trusted, named by governance) records every award before any untrusted
        // receiver runs, and before any transfer: a caller who starves a record of gas is left
        // with too little (1/64 of it) to make the payouts, so the award cannot complete unrecorded.
        _recordAwards($.ledger, bountyId, bounty, winners, amounts, evidence);
        for (uint256 i; i < count; ++i) _push($, token, winners[i], amounts[i]);
    }

    /// @inheritdoc IBountyBoard
    function cancel(uint256 bountyId) external whenNotPaused nonReentrant {
        BountyBoardStorage storage $ = _board();
        Bounty storage bounty = _openBounty(bountyId);
        _requireManager($.registry, bountyId, bounty.missionId);
        // Submissions do not lock the funds: until the first award the manager may call it off.
        uint256 awarded = bounty.awarded;
        if (awarded != 0) revert BountyHasAwards(bountyId, awarded);

        bounty.cancelled = true;
        emit BountyCancelled(bountyId, msg.sender);
    }

    /* REFUNDS AND WITHDRAWALS */

    /// @inheritdoc IBountyBoard
    function reclaim(uint256 bountyId, address to) external whenNotPaused nonReentrant returns (uint256 amount) {
        if (to == address(0)) revert BountyZeroRecipient();
        BountyBoardStorage storage $ = _board();
        Bounty storage bounty = _existingBounty(bountyId);
        if (_status(bounty) == BountyStatus.Open) revert BountyReclaimBeforeDeadline(bountyId, bounty.deadline);
        uint256 contribution = $.contributions[bountyId][msg.sender];
        if (contribution == 0) revert BountyNoContribution(bountyId, msg.sender);
        if ($.reclaimed[bountyId][msg.sender]) revert BountyAlreadyReclaimed(bountyId, msg.sender);
        (uint256 funded, uint256 awarded) = (bounty.funded, bounty.awarded);
        if (awarded == funded) revert BountyFullyAwarded(bountyId);
        uint256 shares;
        (amount, shares) = _refund($, bounty, bountyId, msg.sender);

        $.reclaimed[bountyId][msg.sender] = true;
        bounty.refunded += amount;
        bounty.reclaimedContributions += contribution;
        // shares <= totalShares: the effective shares of the funders who have not reclaimed add
        // up to at most the shares outstanding.
        bounty.totalShares -= uint160(shares);
        ++bounty.reclaimCount;
        address token = bounty.token;
        emit FundsReclaimed(bountyId, msg.sender, token, to, amount);

        // A share that rounds down to zero is marked reclaimed (so the last funder gets the dust)
        // but nothing is sent: some tokens revert on zero transfers.
        if (amount != 0) _send(token, to, amount);
    }

    /// @inheritdoc IBountyBoard
    /// @dev Not paused with the rest: a credit is a fixed sum already owed to its owner.
    function withdraw(address token, address to) external nonReentrant returns (uint256 amount) {
        if (to == address(0)) revert BountyZeroRecipient();
        BountyBoardStorage storage $ = _board();
        amount = $.withdrawable[msg.sender][token];
        if (amount == 0) revert BountyNothingToWithdraw(msg.sender, token);

        $.withdrawable[msg.sender][token] = 0;
        emit Withdrawn(msg.sender, token, to, amount);

        _send(token, to, amount);
    }

    /* VIEWS */

    /// @inheritdoc IBountyBoard
    function getBounty(uint256 bountyId) external view returns (Bounty memory) {
        return _existingBounty(bountyId);
    }

    /// @inheritdoc IBountyBoard
    function statusOf(uint256 bountyId) external view returns (BountyStatus) {
        return _status(_board().bounties[bountyId]);
    }

    /// @inheritdoc IBountyBoard
    function remainingOf(uint256 bountyId) external view returns (uint256) {
        Bounty storage bounty = _existingBounty(bountyId);
        return bounty.funded - bounty.awarded - bounty.refunded;
    }

    /// @inheritdoc IBountyBoard
    function contributionOf(uint256 bountyId, address funder) external view returns (uint256, bool) {
        BountyBoardStorage storage $ = _board();
        return ($.contributions[bountyId][funder], $.reclaimed[bountyId][funder]);
    }

    /// @inheritdoc IBountyBoard
    function refundOf(uint256 bountyId, address funder) external view returns (uint256) {
        BountyBoardStorage storage $ = _board();
        Bounty storage bounty = $.bounties[bountyId];
        BountyStatus status = _status(bounty);
        uint256 contribution = $.contributions[bountyId][funder];
        if (
            status == BountyStatus.None ||
            status == BountyStatus.Open ||
            contribution == 0 ||
            $.reclaimed[bountyId][funder]
        ) return 0;
        if (bounty.awarded == bounty.funded) return 0;
        (uint256 amount, ) = _refund($, bounty, bountyId, funder);
        return amount;
    }

    /// @inheritdoc IBountyBoard
    function submissionOf(uint256 bountyId, address account) external view returns (bytes32, uint256) {
        Submission storage submission = _board().submissions[bountyId][account];
        return (submission.contentHash, submission.awarded);
    }

    /// @inheritdoc IBountyBoard
    function pendingWithdrawal(address account, address token) external view returns (uint256) {
        return _board().withdrawable[account][token];
    }

    /// @inheritdoc IBountyBoard
    function bountyCount() external view returns (uint256) {
        return _board().bountyCount;
    }

    /// @inheritdoc IBountyBoard
    function registry() external view returns (ISovereignRegistry) {
        return _board().registry;
    }

    /// @inheritdoc IBountyBoard
    function ledger() external view returns (IContributionLedger) {
        return _board().ledger;
    }

    /* INTERNAL */

    /// @dev Checks a new bounty's terms; returns its mission's sovereign. An unknown mission makes
    /// the registry revert (`RegistryUnknownMission`).
    function _checkTerms(ISovereignRegistry registry_, BountyTerms calldata terms) private view returns (uint64) {
        ISovereignRegistry.Mission memory mission = registry_.getMission(terms.missionId);
        if (
            mission.status != ISovereignRegistry.MissionStatus.Open &&
            mission.status != ISovereignRegistry.MissionStatus.InProgress
        ) revert BountyMissionNotOpen(terms.missionId, mission.status);
        uint256 time = _moduleTime();
        if (terms.deadline <= time) revert BountyDeadlineNotInFuture(terms.deadline, time);
        uint256 latest = time + MAX_DURATION;
        if (terms.deadline > latest) revert BountyDeadlineTooFar(terms.deadline, latest);
        if ((terms.credentialSchema == bytes32(0)) != (terms.credentialTrustedBy == 0)) {
            revert BountyInvalidCredentialRequirement(terms.credentialSchema, terms.credentialTrustedBy);
        }
        if (bytes(terms.metadataURI).length == 0 || terms.metadataHash == bytes32(0)) revert BountyMissingMetadata();
        if (terms.token != address(0) && terms.token.code.length == 0) revert BountyInvalidToken(terms.token);
        return mission.sovereignId;
    }

    /// @dev Emits {BountyCreated} (its own frame: the event has more fields than the stack reaches).
    function _emitCreated(uint256 bountyId, uint64 sovereignId, BountyTerms calldata terms) private {
        emit BountyCreated(
            bountyId,
            terms.missionId,
            sovereignId,
            msg.sender,
            terms.token,
            terms.deadline,
            terms.credentialSchema,
            terms.credentialTrustedBy,
            terms.metadataURI,
            terms.metadataHash
        );
    }

    /// @dev Takes `amount` of `token` from the caller (ETH: `msg.value`); returns what arrived.
    function _deposit(address token, uint256 amount) private returns (uint256 credited) {
        if (amount == 0) revert BountyZeroAmount();
        if (token == address(0)) {
            if (msg.value != amount) revert BountyValueMismatch(msg.value, amount);
            return amount;
        }
        if (msg.value != 0) revert BountyValueMismatch(msg.value, 0);
        uint256 balanceBefore = IERC20(token).balanceOf(address(this));
        IERC20(token).safeTransferFrom(msg.sender, address(this), amount);
        uint256 balanceAfter = IERC20(token).balanceOf(address(this));
        if (balanceAfter <= balanceBefore) revert BountyNothingReceived(token, amount);
        return balanceAfter - balanceBefore;
    }

    /// @dev Adds an award of `total` to the bounty and charges it to the shares outstanding: each
    /// funder in now pays its part (see {BountyMath-afterAward}).
    function _chargeAward(Bounty storage bounty, uint256 total) private {
        uint256 awarded = bounty.awarded + total;
        bounty.awarded = awarded;
        uint256 epoch = bounty.shareEpoch;
        (uint256 totalShares, uint256 newEpoch) = BountyMath.afterAward(
            bounty.totalShares,
            epoch,
            bounty.funded - awarded
        );
        // Both fit: shares only shrink, and the epoch grows by at most 8 per award.
        if (newEpoch != epoch) (bounty.totalShares, bounty.shareEpoch) = (uint160(totalShares), uint32(newEpoch));
    }

    /// @dev Reverts unless each winner's credential, given with its submission, is still valid.
    function _requireWinnerCredentials(
        BountyBoardStorage storage $,
        Bounty storage bounty,
        uint256 bountyId,
        address[] calldata winners
    ) private view {
        ISovereignRegistry registry_ = $.registry;
        for (uint256 i; i < winners.length; ++i) {
            address winner = winners[i];
            _requireCredential(registry_, bounty, bountyId, winner, $.submissions[bountyId][winner].credentialUID);
        }
    }

    /// @dev Checks each winner (a non-zero award, a submission, not yet awarded), marks it
    /// awarded and emits {BountyAwarded}; returns the winners' content hashes. `remaining` is what
    /// was left to award before this award, which adds up to at most that.
    function _markWinners(
        BountyBoardStorage storage $,
        uint256 bountyId,
        address token,
        address[] calldata winners,
        uint256[] calldata amounts,
        uint256 remaining
    ) private returns (bytes32[] memory evidence) {
        evidence = new bytes32[](winners.length);
        for (uint256 i; i < winners.length; ++i) {
            (address winner, uint256 amount) = (winners[i], amounts[i]);
            if (amount == 0) revert BountyZeroAward(bountyId, winner);
            Submission storage submission = $.submissions[bountyId][winner];
            evidence[i] = submission.contentHash;
            if (evidence[i] == bytes32(0)) revert BountyNoSubmission(bountyId, winner);
            if (submission.awarded != 0) revert BountyAlreadyAwarded(bountyId, winner);
            submission.awarded = amount;
            // The amounts add up to at most `remaining` (checked by the caller): no underflow.
            unchecked {
                remaining -= amount;
            }
            emit BountyAwarded(bountyId, winner, msg.sender, token, amount, remaining);
        }
    }

    /// @dev One ledger outcome per winner: kind "bounty", the amount, {AWARD_POINTS}, and the
    /// winner's submission content hash as evidence. A refusal (ledger paused, sovereign
    /// suspended, board not a recorder) is reported with {BountyContributionNotRecorded} and never
    /// blocks the payout (the escrow's policy).
    function _recordAwards(
        IContributionLedger ledger_,
        uint256 bountyId,
        Bounty storage bounty,
        address[] calldata winners,
        uint256[] calldata amounts,
        bytes32[] memory evidence
    ) private {
        IContributionLedger.Outcome memory outcome = IContributionLedger.Outcome({
            sovereignId: bounty.sovereignId,
            missionId: bounty.missionId,
            kind: BOUNTY_KIND,
            token: bounty.token,
            amount: 0,
            points: AWARD_POINTS,
            evidence: bytes32(0)
        });
        address[] memory accounts = new address[](1);
        uint32[] memory weights = new uint32[](1);
        weights[0] = 1;
        for (uint256 i; i < winners.length; ++i) {
            outcome.amount = amounts[i];
            outcome.evidence = evidence[i];
            accounts[0] = winners[i];
            try ledger_.recordContribution(outcome, accounts, weights) returns (uint256) {
                // Recorded: the ledger's events carry the outcome.
                continue;
            } catch {
                emit BountyContributionNotRecorded(bountyId, winners[i], amounts[i]);
            }
        }
    }

    /// @dev Reverts unless `uid` is a credential of `account` the bounty accepts (its schema,
    /// trusted by its sovereign or the sovereign named in its terms, live).
    function _requireCredential(
        ISovereignRegistry registry_,
        Bounty storage bounty,
        uint256 bountyId,
        address account,
        bytes32 uid
    ) private view {
        ISovereignRegistry.CredentialStatus status = registry_.checkCredential(
            bounty.sovereignId,
            account,
            bounty.credentialSchema,
            uid,
            bounty.credentialTrustedBy
        );
        if (status != ISovereignRegistry.CredentialStatus.Valid) {
            revert BountyCredentialInvalid(bountyId, account, uid, status);
        }
    }

    /// @dev What {reclaim} refunds `funder` now, and the shares its position counts.
    function _refund(
        BountyBoardStorage storage $,
        Bounty storage bounty,
        uint256 bountyId,
        address funder
    ) private view returns (uint256 amount, uint256 shares) {
        Position storage position = $.positions[bountyId][funder];
        shares = BountyMath.effectiveShares(position.shares, position.epoch, bounty.shareEpoch);
        amount = BountyMath.refund(
            shares,
            bounty.totalShares,
            bounty.funded - bounty.awarded - bounty.refunded,
            bounty.reclaimCount + 1 == bounty.funderCount
        );
    }

    /// @dev Pays `amount` of `token` to `to`, or, if it cannot receive, credits it a withdrawal.
    function _push(BountyBoardStorage storage $, address token, address to, uint256 amount) private {
        // Return data is ignored (no copy): a receiver cannot make the board pay for a huge one.
        bool sent =
            token == address(0) ? LowLevelCall.callNoReturn(to, amount, "") : IERC20(token).trySafeTransfer(to, amount);
        if (sent) return;
        // The one write after an external call: the failed payout, credited to its winner. Every
        // entry point is nonReentrant, so nothing ran in between that could read stale state.
        $.withdrawable[to][token] += amount;
        emit PaymentDeferred(to, token, amount);
    }

    /// @dev Sends `amount` of `token` to `to`, reverting if it cannot be sent.
    function _send(address token, address to, uint256 amount) private {
        if (token == address(0)) {
            if (!LowLevelCall.callNoReturn(to, amount, "")) revert BountyNativeTransferFailed(to, amount);
        } else {
            IERC20(token).safeTransfer(to, amount);
        }
    }

    function _requireManager(ISovereignRegistry registry_, uint256 bountyId, uint64 missionId) private view {
        if (!registry_.isMissionManager(missionId, msg.sender)) {
            revert BountyNotMissionManager(bountyId, missionId, msg.sender);
        }
    }

    function _existingBounty(uint256 bountyId) private view returns (Bounty storage bounty) {
        bounty = _board().bounties[bountyId];
        if (bounty.missionId == 0) revert BountyUnknown(bountyId);
    }

    function _openBounty(uint256 bountyId) private view returns (Bounty storage bounty) {
        bounty = _existingBounty(bountyId);
        BountyStatus status = _status(bounty);
        if (status != BountyStatus.Open) revert BountyNotOpen(bountyId, status);
    }

    function _status(Bounty storage bounty) private view returns (BountyStatus) {
        if (bounty.missionId == 0) return BountyStatus.None;
        if (bounty.cancelled) return BountyStatus.Cancelled;
        // The deadline is on the module's clock: a pause extends it by its length.
        if (_moduleTime() >= bounty.deadline) return BountyStatus.Expired;
        return BountyStatus.Open;
    }

    function _board() private pure returns (BountyBoardStorage storage $) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            // The ERC-7201 slot of the board's namespace.
            $.slot := _BOARD_STORAGE
        }
    }
}
