// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEAS} from "@ethereum-attestation-service/eas-contracts/contracts/IEAS.sol";

import {AtlasModule} from "../governance/AtlasModule.sol";
import {ISovereignRegistry} from "./ISovereignRegistry.sol";

/// @title SovereignRegistry
/// @notice The Sovereign Graph: sovereigns, admins, members and roles, organizations, missions,
/// trusted issuers and mutual recognition, behind a UUPS proxy that only governance upgrades.
contract SovereignRegistry is ISovereignRegistry, AtlasModule {
    /// @dev Bit of the recognition pair slot: the lower id recognizes the higher one.
    uint8 private constant _LOW_RECOGNIZES_HIGH = 1;
    /// @dev Bit of the recognition pair slot: the higher id recognizes the lower one.
    uint8 private constant _HIGH_RECOGNIZES_LOW = 2;
    uint8 private constant _MEMBER_BIT = uint8(1) << uint8(Role.Member);
    uint8 private constant _ORG_MEMBER = 1;
    uint8 private constant _ORG_ADMIN = 2;

    /// @dev What the registry keeps per (sovereign, account).
    struct Membership {
        uint8 roles;
        bool applied;
        bool isAdmin;
        address invitedBy;
        // The inviter's admin term when it invited: the invitation lapses with that term.
        uint32 invitedInTerm;
        address agentOperator;
        // Incremented each time the account becomes an admin of the sovereign.
        uint32 adminTerm;
    }

    /// @dev What the credential check reads of an EAS attestation ({_credentialFields}).
    struct CredentialFields {
        bytes32 uid;
        bytes32 schema;
        uint64 expirationTime;
        uint64 revocationTime;
        address recipient;
        address attester;
    }

    struct AdminOffer {
        address offeredBy;
        bool handOver;
        // The offerer's admin term when it offered.
        uint32 offeredInTerm;
    }

    /// @custom:storage-location erc7201:atlas.storage.SovereignRegistry
    struct RegistryStorage {
        uint64 sovereignCount;
        uint64 organizationCount;
        uint64 missionCount;
        mapping(uint64 sovereignId => Sovereign) sovereigns;
        mapping(bytes32 handleHash => uint64 sovereignId) sovereignByHandle;
        mapping(uint64 sovereignId => mapping(address account => Membership)) memberships;
        mapping(uint64 sovereignId => mapping(address candidate => AdminOffer)) adminOffers;
        mapping(uint64 organizationId => Organization) organizations;
        mapping(uint64 organizationId => mapping(address account => uint8 flags)) organizationMembers;
        mapping(uint64 missionId => Mission) missions;
        mapping(address module => bool) fundingModules;
        mapping(uint64 sovereignId => mapping(bytes32 schema => mapping(address issuer => bool))) trustedIssuers;
        // One slot per unordered pair (low id, high id): both directions, so a mutual check is one read.
        mapping(uint64 low => mapping(uint64 high => uint8 directions)) recognitions;
    }

    // keccak256(abi.encode(uint256(keccak256("atlas.storage.SovereignRegistry")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant _REGISTRY_STORAGE = 0x106195464e68002f4219fd3fc2230d97f4c729a73afeeddb09094a91fe7b0600;

    /// @dev Immutable in the implementation: a credential check saves a storage read. An upgrade
    /// passes the same EAS address to the new implementation's constructor.
    /// @custom:oz-upgrades-unsafe-allow state-variable-immutable
    IEAS private immutable _EAS;

    /// @param eas_ The EAS instance attestations are read from.
    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor(IEAS eas_) {
        _EAS = eas_;
    }

    /// @notice Sets up the proxy's state.
    /// @param governance_ The timelock: suspends sovereigns, names funding modules, upgrades.
    /// @param guardian_ May pause the registry (zero: none).
    function initialize(address governance_, address guardian_) external initializer {
        __AtlasModule_init(governance_, guardian_);
    }

    /* SOVEREIGNS AND ADMINS */

    /// @inheritdoc ISovereignRegistry
    function register(
        string calldata handle,
        string calldata metadataURI,
        bytes32 metadataHash
    ) external whenNotPaused returns (uint64 sovereignId) {
        _requireValidHandle(handle);
        _requireMetadata(metadataURI, metadataHash);
        RegistryStorage storage $ = _registry();
        bytes32 handleHash = keccak256(bytes(handle));
        uint64 holder = $.sovereignByHandle[handleHash];
        if (holder != 0) revert RegistryHandleTaken(handle, holder);

        sovereignId = ++$.sovereignCount;
        $.sovereignByHandle[handleHash] = sovereignId;
        Sovereign storage sovereign = $.sovereigns[sovereignId];
        sovereign.handle = handle;
        sovereign.metadataURI = metadataURI;
        sovereign.metadataHash = metadataHash;
        sovereign.adminCount = 1;
        Membership storage founder = $.memberships[sovereignId][msg.sender];
        founder.isAdmin = true;
        founder.adminTerm = 1;
        founder.roles = _MEMBER_BIT;
        emit SovereignRegistered(sovereignId, handle, msg.sender, metadataURI, metadataHash);
        emit AdminAdded(sovereignId, msg.sender);
        emit MemberJoined(sovereignId, msg.sender, msg.sender);
    }

    /// @inheritdoc ISovereignRegistry
    function updateSovereignMetadata(
        uint64 sovereignId,
        string calldata metadataURI,
        bytes32 metadataHash
    ) external whenNotPaused {
        Sovereign storage sovereign = _activeSovereignOfAdmin(sovereignId);
        _requireMetadata(metadataURI, metadataHash);
        sovereign.metadataURI = metadataURI;
        sovereign.metadataHash = metadataHash;
        emit SovereignMetadataUpdated(sovereignId, metadataURI, metadataHash);
    }

    /// @inheritdoc ISovereignRegistry
    function suspendSovereign(uint64 sovereignId) external onlyGovernance {
        Sovereign storage sovereign = _existingSovereign(sovereignId);
        if (sovereign.suspended) revert RegistrySovereignSuspended(sovereignId);
        sovereign.suspended = true;
        emit SovereignSuspended(sovereignId);
    }

    /// @inheritdoc ISovereignRegistry
    function reactivateSovereign(uint64 sovereignId) external onlyGovernance {
        Sovereign storage sovereign = _existingSovereign(sovereignId);
        if (!sovereign.suspended) revert RegistrySovereignNotSuspended(sovereignId);
        sovereign.suspended = false;
        emit SovereignReactivated(sovereignId);
    }

    /// @inheritdoc ISovereignRegistry
    function offerAdmin(uint64 sovereignId, address candidate, bool handOver) external whenNotPaused {
        _activeSovereignOfAdmin(sovereignId);
        if (candidate == address(0)) revert RegistryZeroAccount();
        RegistryStorage storage $ = _registry();
        if ($.memberships[sovereignId][candidate].isAdmin) revert RegistryAlreadyAdmin(sovereignId, candidate);
        $.adminOffers[sovereignId][candidate] = AdminOffer({
            offeredBy: msg.sender,
            handOver: handOver,
            offeredInTerm: $.memberships[sovereignId][msg.sender].adminTerm
        });
        emit AdminOffered(sovereignId, candidate, msg.sender, handOver);
    }

    /// @inheritdoc ISovereignRegistry
    function acceptAdmin(uint64 sovereignId) external whenNotPaused {
        Sovereign storage sovereign = _activeSovereign(sovereignId);
        RegistryStorage storage $ = _registry();
        AdminOffer memory offer = $.adminOffers[sovereignId][msg.sender];
        if (offer.offeredBy == address(0)) revert RegistryNoAdminOffer(sovereignId, msg.sender);
        Membership storage offerer = $.memberships[sovereignId][offer.offeredBy];
        // An offer dies with the admin term of whoever made it.
        if (!_inTerm(offerer, offer.offeredInTerm)) revert RegistryNoAdminOffer(sovereignId, msg.sender);
        delete $.adminOffers[sovereignId][msg.sender];

        Membership storage candidate = $.memberships[sovereignId][msg.sender];
        candidate.isAdmin = true;
        ++candidate.adminTerm;
        emit AdminAdded(sovereignId, msg.sender);
        if (offer.handOver) {
            offerer.isAdmin = false;
            emit AdminRemoved(sovereignId, offer.offeredBy, offer.offeredBy);
        } else {
            ++sovereign.adminCount;
        }
    }

    /// @inheritdoc ISovereignRegistry
    function removeAdmin(uint64 sovereignId, address admin) external whenNotPaused {
        Sovereign storage sovereign = _activeSovereignOfAdmin(sovereignId);
        Membership storage target = _registry().memberships[sovereignId][admin];
        if (!target.isAdmin) revert RegistryNotSovereignAdmin(sovereignId, admin);
        if (sovereign.adminCount == 1) revert RegistryLastAdmin(sovereignId, admin);
        target.isAdmin = false;
        --sovereign.adminCount;
        emit AdminRemoved(sovereignId, admin, msg.sender);
    }

    /* MEMBERS AND ROLES */

    /// @inheritdoc ISovereignRegistry
    function invite(uint64 sovereignId, address account) external whenNotPaused {
        _activeSovereignOfAdmin(sovereignId);
        if (account == address(0)) revert RegistryZeroAccount();
        Membership storage membership = _registry().memberships[sovereignId][account];
        if (membership.roles & _MEMBER_BIT != 0) revert RegistryAlreadyMember(sovereignId, account);
        if (_invitationStands(sovereignId, membership)) revert RegistryAlreadyInvited(sovereignId, account);
        membership.invitedBy = msg.sender;
        membership.invitedInTerm = _registry().memberships[sovereignId][msg.sender].adminTerm;
        emit MemberInvited(sovereignId, account, msg.sender);
    }

    /// @inheritdoc ISovereignRegistry
    function cancelInvitation(uint64 sovereignId, address account) external whenNotPaused {
        _activeSovereignOfAdmin(sovereignId);
        Membership storage membership = _registry().memberships[sovereignId][account];
        if (membership.invitedBy == address(0)) revert RegistryNoInvitation(sovereignId, account);
        membership.invitedBy = address(0);
        emit InvitationCancelled(sovereignId, account, msg.sender);
    }

    /// @inheritdoc ISovereignRegistry
    function acceptInvitation(uint64 sovereignId) external whenNotPaused {
        _activeSovereign(sovereignId);
        Membership storage membership = _registry().memberships[sovereignId][msg.sender];
        // An invitation, like an admin offer, lapses with the admin term of whoever made it.
        if (!_invitationStands(sovereignId, membership)) revert RegistryNoInvitation(sovereignId, msg.sender);
        _admit(sovereignId, msg.sender, membership, membership.invitedBy);
    }

    /// @inheritdoc ISovereignRegistry
    function applyForMembership(uint64 sovereignId) external whenNotPaused {
        _activeSovereign(sovereignId);
        Membership storage membership = _registry().memberships[sovereignId][msg.sender];
        if (membership.roles & _MEMBER_BIT != 0) revert RegistryAlreadyMember(sovereignId, msg.sender);
        if (membership.applied) revert RegistryAlreadyApplied(sovereignId, msg.sender);
        membership.applied = true;
        emit MembershipApplied(sovereignId, msg.sender);
    }

    /// @inheritdoc ISovereignRegistry
    function approveApplication(uint64 sovereignId, address account) external whenNotPaused {
        _activeSovereignOfAdmin(sovereignId);
        Membership storage membership = _registry().memberships[sovereignId][account];
        if (!membership.applied) revert RegistryNoApplication(sovereignId, account);
        _admit(sovereignId, account, membership, msg.sender);
    }

    /// @inheritdoc ISovereignRegistry
    function rejectApplication(uint64 sovereignId, address account) external whenNotPaused {
        _activeSovereignOfAdmin(sovereignId);
        Membership storage membership = _registry().memberships[sovereignId][account];
        if (!membership.applied) revert RegistryNoApplication(sovereignId, account);
        membership.applied = false;
        emit ApplicationRejected(sovereignId, account, msg.sender);
    }

    /// @inheritdoc ISovereignRegistry
    function leave(uint64 sovereignId) external whenNotPaused {
        _activeSovereign(sovereignId);
        _dropMember(sovereignId, msg.sender);
        emit MemberLeft(sovereignId, msg.sender);
    }

    /// @inheritdoc ISovereignRegistry
    function removeMember(uint64 sovereignId, address account) external whenNotPaused {
        _activeSovereignOfAdmin(sovereignId);
        _dropMember(sovereignId, account);
        emit MemberRemoved(sovereignId, account, msg.sender);
    }

    /// @inheritdoc ISovereignRegistry
    function grantRole(uint64 sovereignId, address account, Role role) external whenNotPaused {
        _activeSovereignOfAdmin(sovereignId);
        if (role == Role.Member || role == Role.Agent) revert RegistryRoleNotGrantable(role);
        Membership storage membership = _memberOf(sovereignId, account);
        uint8 bit = _bit(role);
        if (membership.roles & bit != 0) revert RegistryRoleAlreadyGranted(sovereignId, account, role);
        membership.roles |= bit;
        emit RoleGranted(sovereignId, account, role, msg.sender);
    }

    /// @inheritdoc ISovereignRegistry
    function revokeRole(uint64 sovereignId, address account, Role role) external whenNotPaused {
        _activeSovereignOfAdmin(sovereignId);
        if (role == Role.Member) revert RegistryRoleNotGrantable(role);
        Membership storage membership = _registry().memberships[sovereignId][account];
        uint8 bit = _bit(role);
        if (membership.roles & bit == 0) revert RegistryRoleNotHeld(sovereignId, account, role);
        membership.roles &= ~bit;
        if (role == Role.Agent) membership.agentOperator = address(0);
        emit RoleRevoked(sovereignId, account, role, msg.sender);
    }

    /// @inheritdoc ISovereignRegistry
    function registerAgent(uint64 sovereignId, address agent, address operator) external whenNotPaused {
        _activeSovereignOfAdmin(sovereignId);
        if (agent == address(0)) revert RegistryZeroAccount();
        if (agent == operator) revert RegistryAgentIsOwnOperator(sovereignId, agent);
        RegistryStorage storage $ = _registry();
        if ($.memberships[sovereignId][operator].roles & _MEMBER_BIT == 0) {
            revert RegistryAgentOperatorNotMember(sovereignId, operator);
        }
        Membership storage membership = $.memberships[sovereignId][agent];
        if (membership.roles & _bit(Role.Agent) != 0) {
            revert RegistryRoleAlreadyGranted(sovereignId, agent, Role.Agent);
        }
        if (membership.roles & _MEMBER_BIT == 0) _admit(sovereignId, agent, membership, msg.sender);
        membership.roles |= _bit(Role.Agent);
        membership.agentOperator = operator;
        emit AgentRegistered(sovereignId, agent, operator, msg.sender);
        emit RoleGranted(sovereignId, agent, Role.Agent, msg.sender);
    }

    /* ORGANIZATIONS */

    /// @inheritdoc ISovereignRegistry
    function createOrganization(
        uint64 sovereignId,
        address admin,
        string calldata metadataURI,
        bytes32 metadataHash
    ) external whenNotPaused returns (uint64 organizationId) {
        _activeSovereignOfAdmin(sovereignId);
        _requireMetadata(metadataURI, metadataHash);
        _memberOf(sovereignId, admin);
        RegistryStorage storage $ = _registry();
        organizationId = ++$.organizationCount;
        $.organizations[organizationId] = Organization({
            sovereignId: sovereignId,
            metadataURI: metadataURI,
            metadataHash: metadataHash
        });
        $.organizationMembers[organizationId][admin] = _ORG_ADMIN | _ORG_MEMBER;
        emit OrganizationCreated(organizationId, sovereignId, admin, metadataURI, metadataHash);
        emit OrganizationAdminSet(organizationId, admin, true, msg.sender);
        emit OrganizationMemberAdded(organizationId, admin, msg.sender);
    }

    /// @inheritdoc ISovereignRegistry
    function setOrganizationAdmin(uint64 organizationId, address account, bool isAdmin_) external whenNotPaused {
        uint64 sovereignId = _organizationOfAdmin(organizationId);
        mapping(address => uint8) storage members = _registry().organizationMembers[organizationId];
        uint8 flags = members[account];
        if (((flags & _ORG_ADMIN) != 0) == isAdmin_) revert RegistryOrganizationUnchanged(organizationId, account);
        if (isAdmin_) {
            _memberOf(sovereignId, account);
            members[account] = flags | _ORG_ADMIN | _ORG_MEMBER;
            emit OrganizationAdminSet(organizationId, account, true, msg.sender);
            if (flags & _ORG_MEMBER == 0) emit OrganizationMemberAdded(organizationId, account, msg.sender);
        } else {
            members[account] = flags & ~_ORG_ADMIN;
            emit OrganizationAdminSet(organizationId, account, false, msg.sender);
        }
    }

    /// @inheritdoc ISovereignRegistry
    function addOrganizationMember(uint64 organizationId, address account) external whenNotPaused {
        uint64 sovereignId = _organizationOfAdmin(organizationId);
        _memberOf(sovereignId, account);
        mapping(address => uint8) storage members = _registry().organizationMembers[organizationId];
        if (members[account] & _ORG_MEMBER != 0) revert RegistryOrganizationUnchanged(organizationId, account);
        members[account] |= _ORG_MEMBER;
        emit OrganizationMemberAdded(organizationId, account, msg.sender);
    }

    /// @inheritdoc ISovereignRegistry
    function removeOrganizationMember(uint64 organizationId, address account) external whenNotPaused {
        // A member may always leave; anyone else needs to be an admin.
        if (msg.sender == account) _activeSovereign(_existingOrganization(organizationId).sovereignId);
        else _organizationOfAdmin(organizationId);
        mapping(address => uint8) storage members = _registry().organizationMembers[organizationId];
        if (members[account] & _ORG_MEMBER == 0) revert RegistryOrganizationUnchanged(organizationId, account);
        bool wasAdmin = members[account] & _ORG_ADMIN != 0;
        delete members[account];
        if (wasAdmin) emit OrganizationAdminSet(organizationId, account, false, msg.sender);
        emit OrganizationMemberRemoved(organizationId, account, msg.sender);
    }

    /* MISSIONS */

    /// @inheritdoc ISovereignRegistry
    function createMission(
        uint64 sovereignId,
        uint64 organizationId,
        string calldata metadataURI,
        bytes32 metadataHash
    ) external whenNotPaused returns (uint64 missionId) {
        _activeSovereign(sovereignId);
        _requireMetadata(metadataURI, metadataHash);
        RegistryStorage storage $ = _registry();
        if (organizationId != 0) {
            uint64 orgSovereign = _existingOrganization(organizationId).sovereignId;
            if (orgSovereign != sovereignId) revert RegistryOrganizationNotInSovereign(organizationId, sovereignId);
        }
        Membership storage caller = $.memberships[sovereignId][msg.sender];
        bool allowed =
            caller.isAdmin ||
                (caller.roles & _bit(Role.Operator) != 0) ||
                (organizationId != 0 && _isOrganizationAdmin(organizationId, sovereignId, msg.sender));
        if (!allowed) revert RegistryCannotCreateMission(sovereignId, organizationId, msg.sender);

        missionId = ++$.missionCount;
        $.missions[missionId] = Mission({
            sovereignId: sovereignId,
            organizationId: organizationId,
            status: MissionStatus.Draft,
            owner: msg.sender,
            metadataURI: metadataURI,
            metadataHash: metadataHash
        });
        emit MissionCreated(missionId, sovereignId, organizationId, msg.sender, metadataURI, metadataHash);
    }

    /// @inheritdoc ISovereignRegistry
    function transitionMission(uint64 missionId, MissionStatus to) external whenNotPaused {
        Mission storage mission = _managedMission(missionId);
        MissionStatus from = mission.status;
        if (!_isValidTransition(from, to)) revert RegistryInvalidMissionTransition(missionId, from, to);
        mission.status = to;
        emit MissionStatusChanged(missionId, from, to, msg.sender);
    }

    /// @inheritdoc ISovereignRegistry
    function updateMissionMetadata(
        uint64 missionId,
        string calldata metadataURI,
        bytes32 metadataHash
    ) external whenNotPaused {
        Mission storage mission = _managedMission(missionId);
        _requireOpenMission(missionId, mission.status);
        _requireMetadata(metadataURI, metadataHash);
        mission.metadataURI = metadataURI;
        mission.metadataHash = metadataHash;
        emit MissionMetadataUpdated(missionId, metadataURI, metadataHash);
    }

    /// @inheritdoc ISovereignRegistry
    function linkMissionFunding(uint64 missionId, uint256 fundingId) external whenNotPaused {
        RegistryStorage storage $ = _registry();
        if (!$.fundingModules[msg.sender]) revert RegistryNotFundingModule(msg.sender);
        Mission storage mission = _existingMission(missionId);
        _activeSovereign(mission.sovereignId);
        _requireOpenMission(missionId, mission.status);
        emit MissionFundingLinked(missionId, msg.sender, fundingId);
    }

    /// @inheritdoc ISovereignRegistry
    function setFundingModule(address module, bool allowed) external onlyGovernance {
        if (module == address(0)) revert RegistryZeroAccount();
        _registry().fundingModules[module] = allowed;
        emit FundingModuleSet(module, allowed);
    }

    /* TRUST AND RECOGNITION */

    /// @inheritdoc ISovereignRegistry
    function trustIssuer(uint64 sovereignId, bytes32 schema, address issuer) external whenNotPaused {
        _activeSovereignOfAdmin(sovereignId);
        if (schema == bytes32(0)) revert RegistryZeroSchema();
        if (issuer == address(0)) revert RegistryZeroAccount();
        mapping(address => bool) storage issuers = _registry().trustedIssuers[sovereignId][schema];
        if (issuers[issuer]) revert RegistryIssuerAlreadyTrusted(sovereignId, schema, issuer);
        issuers[issuer] = true;
        emit IssuerTrusted(sovereignId, schema, issuer, msg.sender);
    }

    /// @inheritdoc ISovereignRegistry
    function untrustIssuer(uint64 sovereignId, bytes32 schema, address issuer) external whenNotPaused {
        _activeSovereignOfAdmin(sovereignId);
        mapping(address => bool) storage issuers = _registry().trustedIssuers[sovereignId][schema];
        if (!issuers[issuer]) revert RegistryIssuerNotTrusted(sovereignId, schema, issuer);
        issuers[issuer] = false;
        emit IssuerUntrusted(sovereignId, schema, issuer, msg.sender);
    }

    /// @inheritdoc ISovereignRegistry
    function recognize(uint64 sovereignId, uint64 otherId) external whenNotPaused {
        _activeSovereignOfAdmin(sovereignId);
        if (sovereignId == otherId) revert RegistrySelfRecognition(sovereignId);
        _activeSovereign(otherId);
        (uint64 low, uint64 high, uint8 mine, uint8 theirs) = _pair(sovereignId, otherId);
        mapping(uint64 => uint8) storage row = _registry().recognitions[low];
        uint8 directions = row[high];
        if (directions & mine != 0) revert RegistryAlreadyRecognized(sovereignId, otherId);
        row[high] = directions | mine;
        if (directions & theirs != 0) emit RecognitionEstablished(sovereignId, otherId, msg.sender);
        else emit RecognitionProposed(sovereignId, otherId, msg.sender);
    }

    /// @inheritdoc ISovereignRegistry
    function revokeRecognition(uint64 sovereignId, uint64 otherId) external whenNotPaused {
        _activeSovereignOfAdmin(sovereignId);
        (uint64 low, uint64 high, , ) = _pair(sovereignId, otherId);
        mapping(uint64 => uint8) storage row = _registry().recognitions[low];
        if (row[high] == 0) revert RegistryNotRecognized(sovereignId, otherId);
        delete row[high];
        emit RecognitionRevoked(sovereignId, otherId, msg.sender);
    }

    /* CREDENTIALS */

    /// @inheritdoc ISovereignRegistry
    function isCredentialValid(
        uint64 sovereignId,
        address account,
        bytes32 schema,
        bytes32 uid,
        uint64 trustedBy
    ) external view returns (bool) {
        return _checkCredential(sovereignId, account, schema, uid, trustedBy) == CredentialStatus.Valid;
    }

    /// @inheritdoc ISovereignRegistry
    function checkCredential(
        uint64 sovereignId,
        address account,
        bytes32 schema,
        bytes32 uid,
        uint64 trustedBy
    ) external view returns (CredentialStatus) {
        return _checkCredential(sovereignId, account, schema, uid, trustedBy);
    }

    /// @dev Constant cost: one EAS read and one trust slot; when the trust comes from another
    /// sovereign, also that sovereign's status slot and the pair's recognition slot. No loops.
    function _checkCredential(
        uint64 sovereignId,
        address account,
        bytes32 schema,
        bytes32 uid,
        uint64 trustedBy
    ) private view returns (CredentialStatus) {
        CredentialFields memory attestation = _credentialFields(uid);
        if (attestation.uid == bytes32(0)) return CredentialStatus.UnknownAttestation;
        if (attestation.schema != schema) return CredentialStatus.WrongSchema;
        if (attestation.recipient != account) return CredentialStatus.WrongRecipient;
        if (attestation.revocationTime != 0) return CredentialStatus.Revoked;
        if (attestation.expirationTime != 0 && attestation.expirationTime <= block.timestamp) {
            return CredentialStatus.Expired;
        }
        RegistryStorage storage $ = _registry();
        // The asking sovereign's own status is not read (see ISovereignRegistry): a suspended
        // sovereign's trust list is frozen, and it still answers for itself by it.
        if (trustedBy != sovereignId) {
            if (!_isActive($, trustedBy)) return CredentialStatus.SovereignInactive;
            (uint64 low, uint64 high, , ) = _pair(sovereignId, trustedBy);
            if ($.recognitions[low][high] != _LOW_RECOGNIZES_HIGH | _HIGH_RECOGNIZES_LOW) {
                return CredentialStatus.NotRecognized;
            }
        }
        if (!$.trustedIssuers[trustedBy][schema][attestation.attester]) return CredentialStatus.UntrustedIssuer;
        return CredentialStatus.Valid;
    }

    /// @dev The six fields of EAS `getAttestation(uid)` the check needs, copied straight from the
    /// return data instead of ABI-decoding the whole `Attestation` (its `data` can be any length:
    /// decoding it costs memory and copying the check never uses). The return data is the ABI
    /// encoding of one dynamic tuple: a head offset, then the fields in declaration order, one word
    /// each (uid, schema, time, expirationTime, revocationTime, refUID, recipient, attester, ...).
    /// `_EAS` is fixed at construction and its encoding is the compiler's, so the offsets hold.
    function _credentialFields(bytes32 uid) private view returns (CredentialFields memory fields) {
        address eas_ = address(_EAS);
        bytes4 selector = IEAS.getAttestation.selector;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(0x00, selector)
            mstore(0x04, uid)
            if iszero(staticcall(gas(), eas_, 0x00, 0x24, 0x00, 0x00)) {
                returndatacopy(0x00, 0x00, returndatasize())
                revert(0x00, returndatasize())
            }
            // Head offset of the tuple; the fields the check reads end 0x100 bytes after it.
            returndatacopy(0x00, 0x00, 0x20)
            let head := mload(0x00)
            if gt(add(head, 0x100), returndatasize()) {
                revert(0x00, 0x00)
            }
            returndatacopy(fields, head, 0x40) // uid, schema
            returndatacopy(add(fields, 0x40), add(head, 0x60), 0x40) // expirationTime, revocationTime
            returndatacopy(add(fields, 0x80), add(head, 0xc0), 0x40) // recipient, attester
        }
    }

    /* VIEWS */

    /// @inheritdoc ISovereignRegistry
    function eas() external view returns (address) {
        return address(_EAS);
    }

    /// @inheritdoc ISovereignRegistry
    function sovereignCount() external view returns (uint64) {
        return _registry().sovereignCount;
    }

    /// @inheritdoc ISovereignRegistry
    function getSovereign(uint64 sovereignId) external view returns (Sovereign memory) {
        return _existingSovereign(sovereignId);
    }

    /// @inheritdoc ISovereignRegistry
    function sovereignIdOf(string calldata handle) external view returns (uint64) {
        return _registry().sovereignByHandle[keccak256(bytes(handle))];
    }

    /// @inheritdoc ISovereignRegistry
    function isActive(uint64 sovereignId) external view returns (bool) {
        return _isActive(_registry(), sovereignId);
    }

    /// @inheritdoc ISovereignRegistry
    function isAdmin(uint64 sovereignId, address account) external view returns (bool) {
        return _registry().memberships[sovereignId][account].isAdmin;
    }

    /// @inheritdoc ISovereignRegistry
    function adminOffer(uint64 sovereignId, address candidate) external view returns (address, bool) {
        RegistryStorage storage $ = _registry();
        AdminOffer memory offer = $.adminOffers[sovereignId][candidate];
        if (!_inTerm($.memberships[sovereignId][offer.offeredBy], offer.offeredInTerm)) return (address(0), false);
        return (offer.offeredBy, offer.handOver);
    }

    /// @inheritdoc ISovereignRegistry
    function isMember(uint64 sovereignId, address account) external view returns (bool) {
        return _registry().memberships[sovereignId][account].roles & _MEMBER_BIT != 0;
    }

    /// @inheritdoc ISovereignRegistry
    function hasRole(uint64 sovereignId, address account, Role role) external view returns (bool) {
        return _registry().memberships[sovereignId][account].roles & _bit(role) != 0;
    }

    /// @inheritdoc ISovereignRegistry
    function rolesOf(uint64 sovereignId, address account) external view returns (uint8) {
        return _registry().memberships[sovereignId][account].roles;
    }

    /// @inheritdoc ISovereignRegistry
    function pendingMembership(uint64 sovereignId, address account) external view returns (address, bool) {
        Membership storage membership = _registry().memberships[sovereignId][account];
        return (_invitationStands(sovereignId, membership) ? membership.invitedBy : address(0), membership.applied);
    }

    /// @inheritdoc ISovereignRegistry
    function agentOperator(uint64 sovereignId, address agent) external view returns (address) {
        return _registry().memberships[sovereignId][agent].agentOperator;
    }

    /// @inheritdoc ISovereignRegistry
    function organizationCount() external view returns (uint64) {
        return _registry().organizationCount;
    }

    /// @inheritdoc ISovereignRegistry
    function getOrganization(uint64 organizationId) external view returns (Organization memory) {
        return _existingOrganization(organizationId);
    }

    /// @inheritdoc ISovereignRegistry
    function isOrganizationAdmin(uint64 organizationId, address account) external view returns (bool) {
        return _isOrganizationAdmin(organizationId, _registry().organizations[organizationId].sovereignId, account);
    }

    /// @inheritdoc ISovereignRegistry
    function isOrganizationMember(uint64 organizationId, address account) external view returns (bool) {
        RegistryStorage storage $ = _registry();
        uint64 sovereignId = $.organizations[organizationId].sovereignId;
        return
            $.organizationMembers[organizationId][account] & _ORG_MEMBER != 0 &&
            $.memberships[sovereignId][account].roles & _MEMBER_BIT != 0;
    }

    /// @inheritdoc ISovereignRegistry
    function missionCount() external view returns (uint64) {
        return _registry().missionCount;
    }

    /// @inheritdoc ISovereignRegistry
    function getMission(uint64 missionId) external view returns (Mission memory) {
        return _existingMission(missionId);
    }

    /// @inheritdoc ISovereignRegistry
    function isMissionManager(uint64 missionId, address account) public view returns (bool) {
        RegistryStorage storage $ = _registry();
        Mission storage mission = $.missions[missionId];
        if (mission.status == MissionStatus.None) return false;
        Membership storage membership = $.memberships[mission.sovereignId][account];
        // An owner who left the sovereign no longer manages its mission; its admins still do.
        return
            (mission.owner == account && membership.roles & _MEMBER_BIT != 0) ||
            membership.isAdmin ||
            (mission.organizationId != 0 && _isOrganizationAdmin(mission.organizationId, mission.sovereignId, account));
    }

    /// @inheritdoc ISovereignRegistry
    function isFundingModule(address module) external view returns (bool) {
        return _registry().fundingModules[module];
    }

    /// @inheritdoc ISovereignRegistry
    function isTrustedIssuer(uint64 sovereignId, bytes32 schema, address issuer) external view returns (bool) {
        return _registry().trustedIssuers[sovereignId][schema][issuer];
    }

    /// @inheritdoc ISovereignRegistry
    function recognizes(uint64 sovereignId, uint64 otherId) external view returns (bool) {
        (uint64 low, uint64 high, uint8 mine, ) = _pair(sovereignId, otherId);
        return _registry().recognitions[low][high] & mine != 0;
    }

    /// @inheritdoc ISovereignRegistry
    function isMutuallyRecognized(uint64 a, uint64 b) external view returns (bool) {
        (uint64 low, uint64 high, , ) = _pair(a, b);
        return a != b && _registry().recognitions[low][high] == _LOW_RECOGNIZES_HIGH | _HIGH_RECOGNIZES_LOW;
    }

    /* INTERNAL */

    function _admit(uint64 sovereignId, address account, Membership storage membership, address admittedBy) private {
        membership.roles |= _MEMBER_BIT;
        membership.invitedBy = address(0);
        membership.applied = false;
        emit MemberJoined(sovereignId, account, admittedBy);
    }

    /// @dev Ends a membership with every role. Adminship is separate and survives (an admin is
    /// removed with {removeAdmin}); organization flags stay but count only for members.
    function _dropMember(uint64 sovereignId, address account) private {
        Membership storage membership = _registry().memberships[sovereignId][account];
        if (membership.roles & _MEMBER_BIT == 0) revert RegistryNotMember(sovereignId, account);
        membership.roles = 0;
        membership.agentOperator = address(0);
    }

    /// @dev Whether `account` is still an admin in the term `term` it had when it made an offer or invitation.
    function _inTerm(Membership storage account, uint32 term) private view returns (bool) {
        return account.isAdmin && account.adminTerm == term;
    }

    function _invitationStands(uint64 sovereignId, Membership storage membership) private view returns (bool) {
        address invitedBy = membership.invitedBy;
        return
            invitedBy != address(0) &&
            _inTerm(_registry().memberships[sovereignId][invitedBy], membership.invitedInTerm);
    }

    function _registry() private pure returns (RegistryStorage storage $) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            // The ERC-7201 slot of the registry's namespace.
            $.slot := _REGISTRY_STORAGE
        }
    }

    function _existingSovereign(uint64 sovereignId) private view returns (Sovereign storage sovereign) {
        sovereign = _registry().sovereigns[sovereignId];
        if (sovereign.adminCount == 0) revert RegistryUnknownSovereign(sovereignId);
    }

    function _activeSovereign(uint64 sovereignId) private view returns (Sovereign storage sovereign) {
        sovereign = _existingSovereign(sovereignId);
        if (sovereign.suspended) revert RegistrySovereignSuspended(sovereignId);
    }

    function _activeSovereignOfAdmin(uint64 sovereignId) private view returns (Sovereign storage sovereign) {
        sovereign = _activeSovereign(sovereignId);
        if (!_registry().memberships[sovereignId][msg.sender].isAdmin) {
            revert RegistryNotSovereignAdmin(sovereignId, msg.sender);
        }
    }

    /// @dev A sovereign exists while it has an admin (never fewer than one after registration).
    function _isActive(RegistryStorage storage $, uint64 sovereignId) private view returns (bool) {
        Sovereign storage sovereign = $.sovereigns[sovereignId];
        return sovereign.adminCount != 0 && !sovereign.suspended;
    }

    function _memberOf(uint64 sovereignId, address account) private view returns (Membership storage membership) {
        membership = _registry().memberships[sovereignId][account];
        if (membership.roles & _MEMBER_BIT == 0) revert RegistryNotMember(sovereignId, account);
    }

    function _existingOrganization(uint64 organizationId) private view returns (Organization storage organization) {
        organization = _registry().organizations[organizationId];
        if (organization.sovereignId == 0) revert RegistryUnknownOrganization(organizationId);
    }

    /// @dev The organization's sovereign, after checking it is active and the caller administers
    /// the organization or the sovereign.
    function _organizationOfAdmin(uint64 organizationId) private view returns (uint64 sovereignId) {
        sovereignId = _existingOrganization(organizationId).sovereignId;
        _activeSovereign(sovereignId);
        if (
            !_registry().memberships[sovereignId][msg.sender].isAdmin &&
            !_isOrganizationAdmin(organizationId, sovereignId, msg.sender)
        ) revert RegistryNotOrganizationAdmin(organizationId, msg.sender);
    }

    function _isOrganizationAdmin(
        uint64 organizationId,
        uint64 sovereignId,
        address account
    ) private view returns (bool) {
        RegistryStorage storage $ = _registry();
        return
            $.organizationMembers[organizationId][account] & _ORG_ADMIN != 0 &&
            $.memberships[sovereignId][account].roles & _MEMBER_BIT != 0;
    }

    function _existingMission(uint64 missionId) private view returns (Mission storage mission) {
        mission = _registry().missions[missionId];
        if (mission.status == MissionStatus.None) revert RegistryUnknownMission(missionId);
    }

    function _managedMission(uint64 missionId) private view returns (Mission storage mission) {
        mission = _existingMission(missionId);
        _activeSovereign(mission.sovereignId);
        if (!isMissionManager(missionId, msg.sender)) revert RegistryNotMissionManager(missionId, msg.sender);
    }

    function _requireOpenMission(uint64 missionId, MissionStatus status) private pure {
        if (status == MissionStatus.Completed || status == MissionStatus.Cancelled) {
            revert RegistryMissionClosed(missionId, status);
        }
    }

    function _isValidTransition(MissionStatus from, MissionStatus to) private pure returns (bool) {
        if (to == MissionStatus.Cancelled) {
            return from == MissionStatus.Draft || from == MissionStatus.Open || from == MissionStatus.InProgress;
        }
        return
            (from == MissionStatus.Draft && to == MissionStatus.Open) ||
            (from == MissionStatus.Open && to == MissionStatus.InProgress) ||
            (from == MissionStatus.InProgress && to == MissionStatus.Completed);
    }

    /// @dev The pair's slot coordinates and which bit stands for each side's recognition.
    function _pair(
        uint64 sovereignId,
        uint64 otherId
    ) private pure returns (uint64 low, uint64 high, uint8 mine, uint8 theirs) {
        return
            sovereignId < otherId
                ? (sovereignId, otherId, _LOW_RECOGNIZES_HIGH, _HIGH_RECOGNIZES_LOW)
                : (otherId, sovereignId, _HIGH_RECOGNIZES_LOW, _LOW_RECOGNIZES_HIGH);
    }

    function _bit(Role role) private pure returns (uint8) {
        return uint8(1) << uint8(role);
    }

    function _requireMetadata(string calldata metadataURI, bytes32 metadataHash) private pure {
        if (bytes(metadataURI).length == 0 || metadataHash == bytes32(0)) revert RegistryMissingMetadata();
    }

    /// @dev 3–32 bytes of [a-z0-9-], not starting or ending with '-'.
    function _requireValidHandle(string calldata handle) private pure {
        bytes calldata raw = bytes(handle);
        uint256 length = raw.length;
        if (length < 3 || length > 32 || raw[0] == "-" || raw[length - 1] == "-") revert RegistryInvalidHandle(handle);
        for (uint256 i; i < length; ++i) {
            bytes1 c = raw[i];
            bool ok = (c >= "a" && c <= "z") || (c >= "0" && c <= "9") || c == "-";
            if (!ok) revert RegistryInvalidHandle(handle);
        }
    }
}
