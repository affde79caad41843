// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation} from "@ethereum-attestation-service/eas-contracts/contracts/Common.sol";
import {IEAS} from "@ethereum-attestation-service/eas-contracts/contracts/IEAS.sol";

import {AtlasModule} from "../governance/AtlasModule.sol";
import {ContributionMath} from "../libraries/ContributionMath.sol";
import {IContributionLedger} from "./IContributionLedger.sol";
import {ISovereignRegistry} from "./ISovereignRegistry.sol";

/// @title ContributionLedger
/// @notice Contributions recorded per outcome and reputation per (sovereign, account), behind a
/// UUPS proxy that only governance upgrades.
contract ContributionLedger is IContributionLedger, AtlasModule {
    /// @notice The kind of contributions made from verified execution records.
    bytes32 public constant EXECUTION_KIND = "execution";
    /// @notice What {maxExecutionPoints} is until governance sets it: a milestone's worth.
    uint64 public constant DEFAULT_MAX_EXECUTION_POINTS = 100;
    uint256 private constant _MAX_ACCOUNTS = 64;
    uint64 private constant _MAX_POINTS_CAP = 1_000_000;

    /// @custom:storage-location erc7201:atlas.storage.ContributionLedger
    struct LedgerStorage {
        ISovereignRegistry registry;
        uint256 outcomeCount;
        bytes32 executionRecordSchema;
        bytes32 executionVerificationSchema;
        mapping(address recorder => bool) recorders;
        mapping(uint64 sovereignId => mapping(address account => uint256 points)) reputation;
        mapping(bytes32 executionUID => uint256 outcomeId) executionOutcomes;
        uint64 maxExecutionPoints;
    }

    // keccak256(abi.encode(uint256(keccak256("atlas.storage.ContributionLedger")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant _LEDGER_STORAGE = 0x23afc36c8b3b5ddf84654a3bd50d3eb7630a1d1905b72cc22e7a6620fd901600;

    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    IEAS private immutable _EAS;

    /// @param eas_ The EAS instance execution records are read from.
    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor(IEAS eas_) {
        _EAS = eas_;
    }

    /// @notice Sets up the proxy's state.
    /// @param governance_ The timelock.
    /// @param guardian_ May pause the ledger (zero: none).
    /// @param registry_ The SovereignRegistry.
    /// @param executionRecordSchema The EAS schema of execution records.
    /// @param executionVerificationSchema The EAS schema of their verifications.
    function initialize(
        address governance_,
        address guardian_,
        ISovereignRegistry registry_,
        bytes32 executionRecordSchema,
        bytes32 executionVerificationSchema
    ) external initializer {
        __AtlasModule_init(governance_, guardian_);
        _ledger().registry = registry_;
        _setExecutionSchemas(executionRecordSchema, executionVerificationSchema);
    }

    /// @inheritdoc IContributionLedger
    function recordContribution(
        Outcome calldata outcome,
        address[] calldata accounts,
        uint32[] calldata weights
    ) external whenNotPaused returns (uint256) {
        if (!_ledger().recorders[msg.sender]) revert LedgerNotRecorder(msg.sender);
        return _record(outcome, accounts, weights);
    }

    /// @inheritdoc IContributionLedger
    function recordVerifiedExecution(
        bytes32 executionUID,
        bytes32 verificationUID
    ) external whenNotPaused returns (uint256 outcomeId) {
        LedgerStorage storage $ = _ledger();
        if ($.executionOutcomes[executionUID] != 0) revert LedgerExecutionAlreadyRecorded(executionUID);
        (address actor, uint64 sovereignId, uint64 missionId) = _executionRecord(executionUID);
        (address verifier, uint64 points) = _verification(executionUID, verificationUID, actor, sovereignId);

        address[] memory accounts = new address[](1);
        accounts[0] = actor;
        uint32[] memory weights = new uint32[](1);
        weights[0] = 1;
        outcomeId = _record(
            Outcome({
                sovereignId: sovereignId,
                missionId: missionId,
                kind: EXECUTION_KIND,
                token: address(0),
                amount: 0,
                points: points,
                evidence: verificationUID
            }),
            accounts,
            weights
        );
        $.executionOutcomes[executionUID] = outcomeId;
        emit ExecutionRecorded(executionUID, verificationUID, outcomeId, actor, verifier);
    }

    /// @inheritdoc IContributionLedger
    function setRecorder(address recorder, bool allowed) external onlyGovernance {
        if (recorder == address(0)) revert LedgerZeroRecorder();
        _ledger().recorders[recorder] = allowed;
        emit RecorderSet(recorder, allowed);
    }

    /// @inheritdoc IContributionLedger
    function setExecutionSchemas(
        bytes32 executionRecordSchema,
        bytes32 executionVerificationSchema
    ) external onlyGovernance {
        _setExecutionSchemas(executionRecordSchema, executionVerificationSchema);
    }

    /// @inheritdoc IContributionLedger
    function setMaxExecutionPoints(uint64 cap) external onlyGovernance {
        if (cap == 0 || cap > _MAX_POINTS_CAP) revert LedgerInvalidPointsCap(cap, _MAX_POINTS_CAP);
        LedgerStorage storage $ = _ledger();
        uint256 previous = _maxExecutionPoints($);
        $.maxExecutionPoints = cap;
        emit MaxExecutionPointsSet(previous, cap);
    }

    /* VIEWS */

    /// @inheritdoc IContributionLedger
    function maxExecutionPoints() external view returns (uint256) {
        return _maxExecutionPoints(_ledger());
    }

    /// @inheritdoc IContributionLedger
    function reputationOf(uint64 sovereignId, address account) external view returns (uint256) {
        return _ledger().reputation[sovereignId][account];
    }

    /// @inheritdoc IContributionLedger
    function outcomeCount() external view returns (uint256) {
        return _ledger().outcomeCount;
    }

    /// @inheritdoc IContributionLedger
    function isRecorder(address recorder) external view returns (bool) {
        return _ledger().recorders[recorder];
    }

    /// @inheritdoc IContributionLedger
    function executionOutcome(bytes32 executionUID) external view returns (uint256) {
        return _ledger().executionOutcomes[executionUID];
    }

    /// @inheritdoc IContributionLedger
    function executionSchemas() external view returns (bytes32, bytes32) {
        LedgerStorage storage $ = _ledger();
        return ($.executionRecordSchema, $.executionVerificationSchema);
    }

    /// @inheritdoc IContributionLedger
    function registry() external view returns (address) {
        return address(_ledger().registry);
    }

    /// @inheritdoc IContributionLedger
    function maxAccountsPerOutcome() external pure returns (uint256) {
        return _MAX_ACCOUNTS;
    }

    /* INTERNAL */

    function _record(
        Outcome memory outcome,
        address[] memory accounts,
        uint32[] memory weights
    ) private returns (uint256 outcomeId) {
        uint256 count = accounts.length;
        if (count == 0 || count > _MAX_ACCOUNTS) revert LedgerInvalidAccountCount(count, _MAX_ACCOUNTS);
        if (weights.length != count) revert LedgerLengthMismatch(count, weights.length);
        if (outcome.amount == 0 && outcome.points == 0) revert LedgerEmptyOutcome();
        LedgerStorage storage $ = _ledger();
        ISovereignRegistry registry_ = $.registry;
        if (!registry_.isActive(outcome.sovereignId)) revert LedgerInactiveSovereign(outcome.sovereignId);
        if (outcome.missionId != 0 && registry_.getMission(outcome.missionId).sovereignId != outcome.sovereignId) {
            revert LedgerMissionNotInSovereign(outcome.missionId, outcome.sovereignId);
        }
        for (uint256 i; i < count; ++i) {
            if (accounts[i] == address(0)) revert LedgerZeroAccount(i);
            if (weights[i] == 0) revert LedgerZeroWeight(i);
        }

        outcomeId = ++$.outcomeCount;
        emit OutcomeRecorded(
            outcomeId,
            outcome.sovereignId,
            outcome.missionId,
            outcome.kind,
            outcome.token,
            outcome.amount,
            outcome.points,
            outcome.evidence,
            msg.sender,
            count
        );
        uint256[] memory amounts = ContributionMath.share(outcome.amount, weights);
        uint256[] memory points = ContributionMath.share(outcome.points, weights);
        mapping(address => uint256) storage reputation = $.reputation[outcome.sovereignId];
        for (uint256 i; i < count; ++i) {
            uint256 total = reputation[accounts[i]] + points[i];
            reputation[accounts[i]] = total;
            emit ContributionRecorded(
                outcomeId,
                accounts[i],
                outcome.sovereignId,
                amounts[i],
                points[i],
                weights[i],
                total,
                uint64(block.timestamp)
            );
        }
    }

    /// @dev The actor, sovereign and mission of a live execution record made by its actor, a member.
    function _executionRecord(
        bytes32 executionUID
    ) private view returns (address actor, uint64 sovereignId, uint64 missionId) {
        bytes32 schema = _ledger().executionRecordSchema;
        Attestation memory execution = _liveAttestation(executionUID, schema);
        // EAS data is the schema's fields encoded as a flat parameter list:
        // (uint256 chainId, address ledger, address actor, uint64 sovereignId, uint64 missionId,
        //  bytes32 taskRef, bytes32 inputHash, bytes32 outputHash, string evidenceURI,
        //  bytes32 modelHash): 10 head words and the string's length. EAS does not check data
        // against the schema, so the five words read are checked here.
        (uint256 actorWord, uint256 sovereignWord, uint256 missionWord) = _headWords(
            execution.data,
            0x160,
            executionUID,
            schema
        );
        if (actorWord > type(uint160).max || sovereignWord > type(uint64).max || missionWord > type(uint64).max) {
            revert LedgerInvalidAttestation(executionUID, schema);
        }
        actor = address(uint160(actorWord));
        sovereignId = uint64(sovereignWord);
        missionId = uint64(missionWord);
        if (actor != execution.attester) revert LedgerActorNotAttester(actor, execution.attester);
        if (!_ledger().registry.isMember(sovereignId, actor)) revert LedgerActorNotMember(sovereignId, actor);
    }

    /// @dev The verifier and points of a live, approving verification of `executionUID` by a
    /// Verifier of `sovereignId` other than the actor.
    function _verification(
        bytes32 executionUID,
        bytes32 verificationUID,
        address actor,
        uint64 sovereignId
    ) private view returns (address verifier, uint64 points) {
        bytes32 schema = _ledger().executionVerificationSchema;
        Attestation memory verification = _liveAttestation(verificationUID, schema);
        if (verification.refUID != executionUID) revert LedgerVerificationMismatch(verificationUID, executionUID);
        verifier = verification.attester;
        if (verifier == actor || !_ledger().registry.hasRole(sovereignId, verifier, ISovereignRegistry.Role.Verifier)) {
            revert LedgerNotVerifier(sovereignId, verifier);
        }
        // (uint256 chainId, address ledger, bool approved, uint64 points, string comment): 5 head
        // words and the string's length.
        (uint256 approved, uint256 pointsWord, ) = _headWords(verification.data, 0xc0, verificationUID, schema);
        if (approved > 1 || pointsWord > type(uint64).max) revert LedgerInvalidAttestation(verificationUID, schema);
        if (approved == 0) revert LedgerExecutionRejected(executionUID);
        uint256 cap = _maxExecutionPoints(_ledger());
        if (pointsWord > cap) revert LedgerPointsAboveCap(pointsWord, cap);
        points = uint64(pointsWord);
    }

    /// @dev The three words after the chain id and ledger address that begin attestation `uid`'s
    /// data, which must be at least `minLength` bytes long (else {LedgerInvalidAttestation}) and
    /// name this chain and this ledger (else {LedgerAttestationForOtherLedger}): read as plain
    /// words, so that no data can make the decoder revert without a reason.
    function _headWords(
        bytes memory data,
        uint256 minLength,
        bytes32 uid,
        bytes32 schema
    ) private view returns (uint256, uint256, uint256) {
        if (data.length < minLength) revert LedgerInvalidAttestation(uid, schema);
        (uint256 chainId, uint256 ledger, uint256 a, uint256 b, uint256 c) = abi.decode(
            data,
            (uint256, uint256, uint256, uint256, uint256)
        );
        if (chainId != block.chainid || ledger != uint256(uint160(address(this)))) {
            // A word above 160 bits names no contract: shown truncated, refused all the same.
            revert LedgerAttestationForOtherLedger(uid, chainId, address(uint160(ledger)));
        }
        return (a, b, c);
    }

    /// @dev The stored cap, or the default where none was ever set.
    function _maxExecutionPoints(LedgerStorage storage $) private view returns (uint256) {
        uint256 cap = $.maxExecutionPoints;
        return cap == 0 ? DEFAULT_MAX_EXECUTION_POINTS : cap;
    }

    /// @dev The attestation `uid`, checked to exist with `schema`, unrevoked and unexpired.
    function _liveAttestation(bytes32 uid, bytes32 schema) private view returns (Attestation memory attestation) {
        attestation = _EAS.getAttestation(uid);
        if (
            attestation.uid == bytes32(0) ||
            attestation.schema != schema ||
            attestation.revocationTime != 0 ||
            (attestation.expirationTime != 0 && attestation.expirationTime <= block.timestamp)
        ) revert LedgerInvalidAttestation(uid, schema);
    }

    function _setExecutionSchemas(bytes32 executionRecordSchema, bytes32 executionVerificationSchema) private {
        LedgerStorage storage $ = _ledger();
        $.executionRecordSchema = executionRecordSchema;
        $.executionVerificationSchema = executionVerificationSchema;
        emit ExecutionSchemasSet(executionRecordSchema, executionVerificationSchema);
    }

    function _ledger() private pure returns (LedgerStorage storage $) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            // The ERC-7201 slot of the ledger's namespace.
            $.slot := _LEDGER_STORAGE
        }
    }
}
