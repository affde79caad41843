// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IContributionLedger
/// @notice The Contribution and Execution layers: who contributed what to which outcome, and
/// the reputation points each account accrues per sovereign. Modules named by governance (the
/// bounty board, the escrow, ...) record contributions for their payouts; anyone may turn a
/// verified execution record (two EAS attestations) into a contribution.
/// @dev Assumptions:
/// - Recorders are trusted to report what they paid: the ledger checks the shape of a record,
///   not the payment behind it.
/// - Execution records and their verifications are EAS attestations of the two schemas set by
///   governance; the verifier holds the Verifier role in the record's sovereign at the time of
///   recording, and the actor is a member of it.
/// - Execution records and verifications name the ledger: each begins with the chain id and this
///   ledger's address, both checked, so a pair attested for one deployment cannot be recorded in
///   another ({LedgerAttestationForOtherLedger}).
/// - A verifier's points per record are capped by governance ({maxExecutionPoints}): one verifier
///   cannot mint unbounded reputation with one attestation ({LedgerPointsAboveCap}).
/// - Events carry everything an indexer needs to compute time-decayed scores: the account, the
///   sovereign, the points and the time of each contribution.
interface IContributionLedger {
    /// @notice What one outcome records before it is shared between accounts.
    struct Outcome {
        uint64 sovereignId;
        uint64 missionId;
        bytes32 kind;
        address token;
        uint256 amount;
        uint256 points;
        bytes32 evidence;
    }

    /// @notice `recorder` recorded outcome `outcomeId` of `kind` for `sovereignId` / `missionId`,
    /// shared between `accountCount` accounts.
    event OutcomeRecorded(
        uint256 indexed outcomeId,
        uint64 indexed sovereignId,
        uint64 indexed missionId,
        bytes32 kind,
        address token,
        uint256 amount,
        uint256 points,
        bytes32 evidence,
        address recorder,
        uint256 accountCount
    );
    /// @notice `account` was credited `amount` of `token` and `points` (its `weight` of the
    /// outcome) at `timestamp`; its reputation in `sovereignId` is now `reputation`.
    event ContributionRecorded(
        uint256 indexed outcomeId,
        address indexed account,
        uint64 indexed sovereignId,
        uint256 amount,
        uint256 points,
        uint32 weight,
        uint256 reputation,
        uint64 timestamp
    );
    /// @notice Execution record `executionUID`, verified by `verifier` in `verificationUID`,
    /// became outcome `outcomeId` for `actor`.
    event ExecutionRecorded(
        bytes32 indexed executionUID,
        bytes32 indexed verificationUID,
        uint256 indexed outcomeId,
        address actor,
        address verifier
    );
    /// @notice Governance allowed (`allowed`) or disallowed `recorder` to record contributions.
    event RecorderSet(address indexed recorder, bool indexed allowed);
    /// @notice Governance set the EAS schemas of execution records and their verifications.
    event ExecutionSchemasSet(bytes32 executionRecordSchema, bytes32 executionVerificationSchema);
    /// @notice Governance capped a verification's points at `cap` (was `previousCap`).
    // solhint-disable-next-line gas-indexed-events
    event MaxExecutionPointsSet(uint256 previousCap, uint256 cap);

    /// @dev `caller` is not a recorder named by governance.
    error LedgerNotRecorder(address caller);
    /// @dev An outcome needs 1 to `max` accounts, not `count`.
    error LedgerInvalidAccountCount(uint256 count, uint256 max);
    /// @dev `accounts` accounts were given with `weights` weights: one each.
    error LedgerLengthMismatch(uint256 accounts, uint256 weights);
    /// @dev Account `index` is the zero address.
    error LedgerZeroAccount(uint256 index);
    /// @dev Weight `index` is zero.
    error LedgerZeroWeight(uint256 index);
    /// @dev An outcome must carry an amount or points.
    error LedgerEmptyOutcome();
    /// @dev Sovereign `sovereignId` does not exist or is suspended.
    error LedgerInactiveSovereign(uint64 sovereignId);
    /// @dev Mission `missionId` is not in sovereign `sovereignId`.
    error LedgerMissionNotInSovereign(uint64 missionId, uint64 sovereignId);
    /// @dev `uid` is not a live attestation of schema `schema` (missing, other schema, revoked or
    /// expired).
    error LedgerInvalidAttestation(bytes32 uid, bytes32 schema);
    /// @dev The record's actor `actor` did not attest it (`attester` did).
    error LedgerActorNotAttester(address actor, address attester);
    /// @dev The actor `actor` is not a member of sovereign `sovereignId`.
    error LedgerActorNotMember(uint64 sovereignId, address actor);
    /// @dev Verification `verificationUID` does not refer to execution record `executionUID`.
    error LedgerVerificationMismatch(bytes32 verificationUID, bytes32 executionUID);
    /// @dev `verifier` is not a verifier of sovereign `sovereignId`, or verified its own record.
    error LedgerNotVerifier(uint64 sovereignId, address verifier);
    /// @dev The verification rejected execution record `executionUID`.
    error LedgerExecutionRejected(bytes32 executionUID);
    /// @dev Execution record `executionUID` is already recorded.
    error LedgerExecutionAlreadyRecorded(bytes32 executionUID);
    /// @dev The zero address cannot be a recorder.
    error LedgerZeroRecorder();
    /// @dev `uid` names ledger `ledger` on chain `chainId`, not this ledger on this chain.
    error LedgerAttestationForOtherLedger(bytes32 uid, uint256 chainId, address ledger);
    /// @dev The verification grants `points` points; the ledger records at most `cap` per record.
    error LedgerPointsAboveCap(uint256 points, uint256 cap);
    /// @dev The cap on a verification's points is 1 to `max`, not `cap`.
    error LedgerInvalidPointsCap(uint256 cap, uint256 max);

    /// @notice Records one outcome shared between `accounts` by `weights`: each account gets
    /// `amount * weight / sum` and `points * weight / sum` (rounding dust to the first account),
    /// and its reputation in the sovereign grows by its points. Recorders only.
    /// @param outcome What happened (`amount` in `token`'s units, 0 and the zero address when no
    /// money moved; `evidence` an EAS attestation UID or 0).
    /// @param accounts Who shares it (1 to 64).
    /// @param weights Their weights, positive.
    /// @return outcomeId The outcome's id.
    function recordContribution(
        Outcome calldata outcome,
        address[] calldata accounts,
        uint32[] calldata weights
    ) external returns (uint256 outcomeId);

    /// @notice Turns an execution record, verified by a verifier of its sovereign, into a
    /// contribution of its actor: `points` from the verification (at most {maxExecutionPoints}),
    /// kind `execution`, evidence the verification's UID. Both attestations must name this chain
    /// and this ledger. Anyone may call; each record counts once.
    /// @param executionUID The execution record attestation (made by its actor).
    /// @param verificationUID The verifier's attestation referring to it (`refUID`).
    /// @return outcomeId The outcome's id.
    function recordVerifiedExecution(
        bytes32 executionUID,
        bytes32 verificationUID
    ) external returns (uint256 outcomeId);

    /// @notice Allows or disallows a module to record contributions. Governance only.
    /// @param recorder The module.
    /// @param allowed Whether it may.
    function setRecorder(address recorder, bool allowed) external;

    /// @notice Sets the EAS schemas of execution records and of their verifications. Governance only.
    /// @param executionRecordSchema The execution record schema UID.
    /// @param executionVerificationSchema The verification schema UID.
    function setExecutionSchemas(bytes32 executionRecordSchema, bytes32 executionVerificationSchema) external;

    /// @notice Caps the points one verification grants. Governance only.
    /// @param cap The cap (1 to 1,000,000).
    function setMaxExecutionPoints(uint64 cap) external;

    /// @notice The most points one verification grants.
    /// @return cap The cap.
    function maxExecutionPoints() external view returns (uint256 cap);

    /// @notice Reputation points of `account` in `sovereignId`, all time (decay is the indexer's view).
    /// @param sovereignId The sovereign.
    /// @param account The account.
    /// @return points The points.
    function reputationOf(uint64 sovereignId, address account) external view returns (uint256 points);

    /// @notice Number of outcomes recorded (the highest id).
    /// @return count The count.
    function outcomeCount() external view returns (uint256 count);

    /// @notice Whether `recorder` may record contributions.
    /// @param recorder The module.
    /// @return allowed Whether it may.
    function isRecorder(address recorder) external view returns (bool allowed);

    /// @notice The outcome recorded for execution record `executionUID` (0: none).
    /// @param executionUID The record.
    /// @return outcomeId The outcome.
    function executionOutcome(bytes32 executionUID) external view returns (uint256 outcomeId);

    /// @notice The schemas of execution records and of their verifications.
    /// @return executionRecordSchema The execution record schema UID.
    /// @return executionVerificationSchema The verification schema UID.
    function executionSchemas()
        external
        view
        returns (bytes32 executionRecordSchema, bytes32 executionVerificationSchema);

    /// @notice The registry sovereigns, members and missions are checked against.
    /// @return registryAddress The SovereignRegistry.
    function registry() external view returns (address registryAddress);

    /// @notice The most accounts one outcome may be shared between.
    /// @return max The limit.
    function maxAccountsPerOutcome() external pure returns (uint256 max);
}
