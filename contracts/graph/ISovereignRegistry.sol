// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ISovereignRegistry
/// @notice The Sovereign Graph: sovereigns (network states, DAOs, cities, co-operatives), their
/// admins, members and roles, organizations, missions, the credential issuers each sovereign
/// trusts, and mutual recognition between sovereigns. Every other Atlas OS module asks this one
/// "who is this, what may they do, whom do we trust" — credentials through {isCredentialValid}.
/// @dev Assumptions:
/// - Attestations are EAS attestations on the EAS instance fixed at construction (immutable in
///   the implementation, so an upgrade names it again). The registry trusts EAS to report
///   schema, recipient, attester, expiration and revocation truthfully.
/// - Ids (sovereigns, organizations, missions) start at 1 and are never reused; 0 means "none".
/// - Adminship and membership are separate: an admin need not be a member, and a member who
///   leaves keeps adminship until removed with {removeAdmin}.
/// - Invitations and admin offers lapse for good when whoever made them stops being an admin,
///   even if that account becomes an admin again later.
/// - Sovereign admins act for their sovereign alone; governance (the timelock) only suspends and
///   reactivates sovereigns, names funding modules, pauses and upgrades.
/// - A suspended sovereign cannot change anything, and its trust list counts for no other
///   sovereign until governance reactivates it. Its own credential checks still answer by its
///   (frozen) trust list: the check does not read the asking sovereign's status, which keeps
///   the common check (own issuer) within one storage read of EAS `getAttestation`; a module
///   that must stop work in a suspended sovereign asks {isActive}.
interface ISovereignRegistry {
    /* TYPES */

    /// @notice Roles an admin grants inside a sovereign. `Member` comes from an accepted invitation
    /// or an approved application, `Agent` from {registerAgent}; the others from {grantRole}.
    enum Role {
        Member,
        Contributor,
        Issuer,
        Verifier,
        Arbiter,
        Operator,
        Agent
    }

    /// @notice A mission's lifecycle: Draft → Open → InProgress → Completed, and Cancelled from
    /// any state that is not final.
    enum MissionStatus {
        None,
        Draft,
        Open,
        InProgress,
        Completed,
        Cancelled
    }

    /// @notice Why a credential check passed or failed ({checkCredential}).
    enum CredentialStatus {
        Valid,
        UnknownAttestation,
        WrongSchema,
        WrongRecipient,
        Revoked,
        Expired,
        SovereignInactive,
        NotRecognized,
        UntrustedIssuer
    }

    /// @notice A sovereign as stored.
    struct Sovereign {
        string handle;
        string metadataURI;
        bytes32 metadataHash;
        uint32 adminCount;
        bool suspended;
    }

    /// @notice An organization inside a sovereign.
    struct Organization {
        uint64 sovereignId;
        string metadataURI;
        bytes32 metadataHash;
    }

    /// @notice A mission under a sovereign (and optionally one of its organizations).
    struct Mission {
        uint64 sovereignId;
        uint64 organizationId;
        MissionStatus status;
        address owner;
        string metadataURI;
        bytes32 metadataHash;
    }

    /* EVENTS: SOVEREIGNS AND ADMINS */

    /// @notice `admin` registered sovereign `sovereignId` under `handle`.
    event SovereignRegistered(
        uint64 indexed sovereignId,
        string handle,
        address indexed admin,
        string metadataURI,
        bytes32 metadataHash
    );
    /// @notice The metadata of `sovereignId` now lives at `metadataURI` with content hash `metadataHash`.
    event SovereignMetadataUpdated(uint64 indexed sovereignId, string metadataURI, bytes32 metadataHash);
    /// @notice Governance suspended `sovereignId`.
    event SovereignSuspended(uint64 indexed sovereignId);
    /// @notice Governance reactivated `sovereignId`.
    event SovereignReactivated(uint64 indexed sovereignId);
    /// @notice Admin `by` offered adminship of `sovereignId` to `candidate`; with `handOver` the
    /// offering admin steps down when the candidate accepts.
    event AdminOffered(uint64 indexed sovereignId, address indexed candidate, address indexed by, bool handOver);
    /// @notice `account` became an admin of `sovereignId`.
    event AdminAdded(uint64 indexed sovereignId, address indexed account);
    /// @notice `account` is no longer an admin of `sovereignId` (removed by `by`, or handed over).
    event AdminRemoved(uint64 indexed sovereignId, address indexed account, address indexed by);

    /* EVENTS: MEMBERS AND ROLES */

    /// @notice Admin `by` invited `account` to join `sovereignId`.
    event MemberInvited(uint64 indexed sovereignId, address indexed account, address indexed by);
    /// @notice Admin `by` withdrew the invitation of `account`.
    event InvitationCancelled(uint64 indexed sovereignId, address indexed account, address indexed by);
    /// @notice `account` applied to join `sovereignId`.
    event MembershipApplied(uint64 indexed sovereignId, address indexed account);
    /// @notice Admin `by` rejected the application of `account`.
    event ApplicationRejected(uint64 indexed sovereignId, address indexed account, address indexed by);
    /// @notice `account` became a member of `sovereignId`, admitted by admin `admittedBy` (the
    /// inviting or approving admin).
    event MemberJoined(uint64 indexed sovereignId, address indexed account, address indexed admittedBy);
    /// @notice `account` left `sovereignId`, losing every role.
    event MemberLeft(uint64 indexed sovereignId, address indexed account);
    /// @notice Admin `by` removed `account` from `sovereignId`, with every role.
    event MemberRemoved(uint64 indexed sovereignId, address indexed account, address indexed by);
    /// @notice Admin `by` granted `role` in `sovereignId` to `account`.
    event RoleGranted(uint64 indexed sovereignId, address indexed account, Role role, address indexed by);
    /// @notice Admin `by` revoked `role` in `sovereignId` from `account`.
    event RoleRevoked(uint64 indexed sovereignId, address indexed account, Role role, address indexed by);
    /// @notice Admin `by` registered `agent` as an AI agent member of `sovereignId`, operated by `operator`.
    event AgentRegistered(uint64 indexed sovereignId, address indexed agent, address indexed operator, address by);

    /* EVENTS: ORGANIZATIONS */

    /// @notice Organization `organizationId` was created inside `sovereignId` with first admin `admin`.
    event OrganizationCreated(
        uint64 indexed organizationId,
        uint64 indexed sovereignId,
        address indexed admin,
        string metadataURI,
        bytes32 metadataHash
    );
    /// @notice `by` made `account` an admin of `organizationId` (`isAdmin`) or removed it.
    event OrganizationAdminSet(
        uint64 indexed organizationId,
        address indexed account,
        bool isAdmin,
        address indexed by
    );
    /// @notice `by` added `account` to `organizationId`.
    event OrganizationMemberAdded(uint64 indexed organizationId, address indexed account, address indexed by);
    /// @notice `by` (an admin, or `account` itself) removed `account` from `organizationId`.
    event OrganizationMemberRemoved(uint64 indexed organizationId, address indexed account, address indexed by);

    /* EVENTS: MISSIONS */

    /// @notice `owner` created mission `missionId` (Draft) under `sovereignId` / `organizationId` (0: none).
    event MissionCreated(
        uint64 indexed missionId,
        uint64 indexed sovereignId,
        uint64 indexed organizationId,
        address owner,
        string metadataURI,
        bytes32 metadataHash
    );
    /// @notice `by` moved `missionId` from `from` to `to`.
    event MissionStatusChanged(uint64 indexed missionId, MissionStatus from, MissionStatus to, address indexed by);
    /// @notice The metadata of `missionId` now lives at `metadataURI` with content hash `metadataHash`.
    event MissionMetadataUpdated(uint64 indexed missionId, string metadataURI, bytes32 metadataHash);
    /// @notice Funding module `module` linked its bounty or escrow `fundingId` to `missionId`.
    event MissionFundingLinked(uint64 indexed missionId, address indexed module, uint256 indexed fundingId);
    /// @notice Governance allowed (`allowed`) or disallowed `module` to link funding to missions.
    event FundingModuleSet(address indexed module, bool indexed allowed);

    /* EVENTS: TRUST AND RECOGNITION */

    /// @notice Admin `by` made `sovereignId` trust `issuer`'s attestations of EAS schema `schema`.
    event IssuerTrusted(uint64 indexed sovereignId, bytes32 indexed schema, address indexed issuer, address by);
    /// @notice Admin `by` made `sovereignId` stop trusting `issuer` for `schema`.
    event IssuerUntrusted(uint64 indexed sovereignId, bytes32 indexed schema, address indexed issuer, address by);
    /// @notice `sovereignId` recognizes `otherId` (one side; mutual once `otherId` recognizes it back).
    event RecognitionProposed(uint64 indexed sovereignId, uint64 indexed otherId, address indexed by);
    /// @notice `sovereignId` and `otherId` now recognize each other; `otherId` proposed, `sovereignId` accepted.
    event RecognitionEstablished(uint64 indexed sovereignId, uint64 indexed otherId, address indexed by);
    /// @notice `sovereignId` withdrew from its recognition with `otherId` (both directions end).
    event RecognitionRevoked(uint64 indexed sovereignId, uint64 indexed otherId, address indexed by);

    /* ERRORS */

    /// @dev "`handle`" is not a valid handle: 3 to 32 of a-z, 0-9 and "-", with no "-" at either
    /// end.
    error RegistryInvalidHandle(string handle);
    /// @dev The handle "`handle`" is taken by sovereign `sovereignId`.
    error RegistryHandleTaken(string handle, uint64 sovereignId);
    /// @dev Metadata needs a URI and a non-zero hash.
    error RegistryMissingMetadata();
    /// @dev No sovereign `sovereignId` exists.
    error RegistryUnknownSovereign(uint64 sovereignId);
    /// @dev Sovereign `sovereignId` is suspended by governance.
    error RegistrySovereignSuspended(uint64 sovereignId);
    /// @dev Sovereign `sovereignId` is not suspended.
    error RegistrySovereignNotSuspended(uint64 sovereignId);
    /// @dev `account` is not an admin of sovereign `sovereignId`.
    error RegistryNotSovereignAdmin(uint64 sovereignId, address account);
    /// @dev `account` is already an admin of sovereign `sovereignId`.
    error RegistryAlreadyAdmin(uint64 sovereignId, address account);
    /// @dev `account` holds no valid adminship offer of sovereign `sovereignId`.
    error RegistryNoAdminOffer(uint64 sovereignId, address account);
    /// @dev `account` is the last admin of sovereign `sovereignId`: hand adminship over instead.
    error RegistryLastAdmin(uint64 sovereignId, address account);
    /// @dev The zero address cannot be a member, admin, operator or issuer.
    error RegistryZeroAccount();
    /// @dev `account` is already a member of sovereign `sovereignId`.
    error RegistryAlreadyMember(uint64 sovereignId, address account);
    /// @dev `account` is not a member of sovereign `sovereignId`.
    error RegistryNotMember(uint64 sovereignId, address account);
    /// @dev `account` is already invited to sovereign `sovereignId`.
    error RegistryAlreadyInvited(uint64 sovereignId, address account);
    /// @dev `account` has no pending invitation to sovereign `sovereignId` (or its inviter is no
    /// longer an admin).
    error RegistryNoInvitation(uint64 sovereignId, address account);
    /// @dev `account` has already applied to sovereign `sovereignId`.
    error RegistryAlreadyApplied(uint64 sovereignId, address account);
    /// @dev `account` has no pending application to sovereign `sovereignId`.
    error RegistryNoApplication(uint64 sovereignId, address account);
    /// @dev The `role` role is not granted or revoked directly: members join, agents are
    /// registered.
    error RegistryRoleNotGrantable(Role role);
    /// @dev `account` already holds the `role` role in sovereign `sovereignId`.
    error RegistryRoleAlreadyGranted(uint64 sovereignId, address account, Role role);
    /// @dev `account` does not hold the `role` role in sovereign `sovereignId`.
    error RegistryRoleNotHeld(uint64 sovereignId, address account, Role role);
    /// @dev An agent's operator must be a member; `operator` is not one of sovereign `sovereignId`.
    error RegistryAgentOperatorNotMember(uint64 sovereignId, address operator);
    /// @dev `agent` cannot operate itself as an agent of sovereign `sovereignId`: another member
    /// must answer for it.
    error RegistryAgentIsOwnOperator(uint64 sovereignId, address agent);
    /// @dev No organization `organizationId` exists.
    error RegistryUnknownOrganization(uint64 organizationId);
    /// @dev `account` is neither an admin of organization `organizationId` nor of its sovereign.
    error RegistryNotOrganizationAdmin(uint64 organizationId, address account);
    /// @dev `account` already is (or is not) what this asks in organization `organizationId`.
    error RegistryOrganizationUnchanged(uint64 organizationId, address account);
    /// @dev Organization `organizationId` is not in sovereign `sovereignId`.
    error RegistryOrganizationNotInSovereign(uint64 organizationId, uint64 sovereignId);
    /// @dev No mission `missionId` exists.
    error RegistryUnknownMission(uint64 missionId);
    /// @dev `account` cannot create missions in sovereign `sovereignId``organizationId ?
    /// " (organization %)" : ""`: that needs an admin or the operator role.
    error RegistryCannotCreateMission(uint64 sovereignId, uint64 organizationId, address account);
    /// @dev `account` is neither the owner of mission `missionId` nor an admin of its sovereign or
    /// organization.
    error RegistryNotMissionManager(uint64 missionId, address account);
    /// @dev Mission `missionId` cannot move from `from` to `to`.
    error RegistryInvalidMissionTransition(uint64 missionId, MissionStatus from, MissionStatus to);
    /// @dev Mission `missionId` is `status`: it is frozen.
    error RegistryMissionClosed(uint64 missionId, MissionStatus status);
    /// @dev `caller` is not a funding module named by governance.
    error RegistryNotFundingModule(address caller);
    /// @dev The schema UID cannot be zero.
    error RegistryZeroSchema();
    /// @dev Sovereign `sovereignId` already trusts `issuer` for schema `schema`.
    error RegistryIssuerAlreadyTrusted(uint64 sovereignId, bytes32 schema, address issuer);
    /// @dev Sovereign `sovereignId` does not trust `issuer` for schema `schema`.
    error RegistryIssuerNotTrusted(uint64 sovereignId, bytes32 schema, address issuer);
    /// @dev Sovereign `sovereignId` cannot recognize itself.
    error RegistrySelfRecognition(uint64 sovereignId);
    /// @dev Sovereign `sovereignId` already recognizes sovereign `otherId`.
    error RegistryAlreadyRecognized(uint64 sovereignId, uint64 otherId);
    /// @dev Sovereigns `sovereignId` and `otherId` do not recognize each other, even one way.
    error RegistryNotRecognized(uint64 sovereignId, uint64 otherId);

    /* SOVEREIGNS AND ADMINS */

    /// @notice Registers a sovereign; the caller becomes its first admin and a member.
    /// @param handle Unique handle (see {RegistryInvalidHandle} for the rules).
    /// @param metadataURI Where the metadata JSON lives (schema: sdk/schemas/sovereign-metadata.schema.json).
    /// @param metadataHash keccak256 of the metadata document.
    /// @return sovereignId The new sovereign's id.
    function register(
        string calldata handle,
        string calldata metadataURI,
        bytes32 metadataHash
    ) external returns (uint64 sovereignId);

    /// @notice Points the sovereign's metadata at a new document. Sovereign admin.
    /// @param sovereignId The sovereign.
    /// @param metadataURI New metadata URI.
    /// @param metadataHash keccak256 of the new document.
    function updateSovereignMetadata(uint64 sovereignId, string calldata metadataURI, bytes32 metadataHash) external;

    /// @notice Suspends a sovereign: its admins can change nothing, and its trust list counts in no
    /// other sovereign's credential checks. Governance only.
    /// @param sovereignId The sovereign.
    function suspendSovereign(uint64 sovereignId) external;

    /// @notice Lifts a suspension. Governance only.
    /// @param sovereignId The sovereign.
    function reactivateSovereign(uint64 sovereignId) external;

    /// @notice Offers adminship to `candidate`, who becomes admin by {acceptAdmin}. With
    /// `handOver`, the caller stops being admin at that moment. Sovereign admin.
    /// @param sovereignId The sovereign.
    /// @param candidate The future admin.
    /// @param handOver Whether the caller steps down when the candidate accepts.
    function offerAdmin(uint64 sovereignId, address candidate, bool handOver) external;

    /// @notice Accepts an adminship offer made to the caller.
    /// @param sovereignId The sovereign.
    function acceptAdmin(uint64 sovereignId) external;

    /// @notice Removes an admin (the caller itself to step down); never the last one. Sovereign admin.
    /// @param sovereignId The sovereign.
    /// @param admin The admin to remove.
    function removeAdmin(uint64 sovereignId, address admin) external;

    /* MEMBERS AND ROLES */

    /// @notice Invites `account`; it becomes a member by {acceptInvitation}. Sovereign admin. A
    /// lapsed invitation (its inviter is no longer an admin) is replaced.
    /// @param sovereignId The sovereign.
    /// @param account The invited account.
    function invite(uint64 sovereignId, address account) external;

    /// @notice Withdraws a pending invitation. Sovereign admin.
    /// @param sovereignId The sovereign.
    /// @param account The invited account.
    function cancelInvitation(uint64 sovereignId, address account) external;

    /// @notice Accepts the caller's invitation: the caller becomes a member. An invitation lapses
    /// when its inviter is no longer an admin.
    /// @param sovereignId The sovereign.
    function acceptInvitation(uint64 sovereignId) external;

    /// @notice Applies to join; an admin admits the caller by {approveApplication}.
    /// @param sovereignId The sovereign.
    function applyForMembership(uint64 sovereignId) external;

    /// @notice Admits an applicant as a member. Sovereign admin.
    /// @param sovereignId The sovereign.
    /// @param account The applicant.
    function approveApplication(uint64 sovereignId, address account) external;

    /// @notice Rejects an application. Sovereign admin.
    /// @param sovereignId The sovereign.
    /// @param account The applicant.
    function rejectApplication(uint64 sovereignId, address account) external;

    /// @notice The caller leaves the sovereign and loses every role in it.
    /// @param sovereignId The sovereign.
    function leave(uint64 sovereignId) external;

    /// @notice Removes a member with every role. Sovereign admin.
    /// @param sovereignId The sovereign.
    /// @param account The member.
    function removeMember(uint64 sovereignId, address account) external;

    /// @notice Grants `role` to a member. Sovereign admin. Not for Member (join) or Agent ({registerAgent}).
    /// @param sovereignId The sovereign.
    /// @param account The member.
    /// @param role The role.
    function grantRole(uint64 sovereignId, address account, Role role) external;

    /// @notice Revokes `role` from a member (Agent included). Sovereign admin. Not for Member
    /// ({removeMember}).
    /// @param sovereignId The sovereign.
    /// @param account The member.
    /// @param role The role.
    function revokeRole(uint64 sovereignId, address account, Role role) external;

    /// @notice Registers an AI agent: `agent` becomes a member holding the Agent role, operated
    /// (and answered for) by `operator`, a member. Sovereign admin.
    /// @param sovereignId The sovereign.
    /// @param agent The agent's account.
    /// @param operator The member who runs the agent.
    function registerAgent(uint64 sovereignId, address agent, address operator) external;

    /* ORGANIZATIONS */

    /// @notice Creates an organization inside a sovereign. Sovereign admin.
    /// @param sovereignId The sovereign.
    /// @param admin The organization's first admin, a member of the sovereign.
    /// @param metadataURI Where the organization's metadata lives.
    /// @param metadataHash keccak256 of that document.
    /// @return organizationId The new organization's id.
    function createOrganization(
        uint64 sovereignId,
        address admin,
        string calldata metadataURI,
        bytes32 metadataHash
    ) external returns (uint64 organizationId);

    /// @notice Makes a sovereign member an organization admin, or removes one. Organization or sovereign admin.
    /// @param organizationId The organization.
    /// @param account The account.
    /// @param isAdmin Whether `account` is to be an admin.
    function setOrganizationAdmin(uint64 organizationId, address account, bool isAdmin) external;

    /// @notice Adds a sovereign member to the organization. Organization or sovereign admin.
    /// @param organizationId The organization.
    /// @param account The member.
    function addOrganizationMember(uint64 organizationId, address account) external;

    /// @notice Removes a member from the organization. Organization or sovereign admin, or the member itself.
    /// @param organizationId The organization.
    /// @param account The member.
    function removeOrganizationMember(uint64 organizationId, address account) external;

    /* MISSIONS */

    /// @notice Creates a mission in Draft; the caller owns it. Sovereign admin, admin of
    /// `organizationId`, or a member with the Operator role.
    /// @param sovereignId The sovereign.
    /// @param organizationId An organization of that sovereign, or 0.
    /// @param metadataURI Where the mission's metadata lives (title, description, required skills
    /// as credential schema UIDs, KPIs; schema: sdk/schemas/mission-metadata.schema.json).
    /// @param metadataHash keccak256 of that document.
    /// @return missionId The new mission's id.
    function createMission(
        uint64 sovereignId,
        uint64 organizationId,
        string calldata metadataURI,
        bytes32 metadataHash
    ) external returns (uint64 missionId);

    /// @notice Moves a mission along its lifecycle. Mission owner, or an admin of its sovereign or organization.
    /// @param missionId The mission.
    /// @param to The next status: Open from Draft, InProgress from Open, Completed from
    /// InProgress, Cancelled from Draft, Open or InProgress.
    function transitionMission(uint64 missionId, MissionStatus to) external;

    /// @notice Points a Draft, Open or InProgress mission's metadata at a new document. Mission manager.
    /// @param missionId The mission.
    /// @param metadataURI New metadata URI.
    /// @param metadataHash keccak256 of the new document.
    function updateMissionMetadata(uint64 missionId, string calldata metadataURI, bytes32 metadataHash) external;

    /// @notice Announces that the calling funding module's bounty or escrow `fundingId` funds the
    /// mission ({MissionFundingLinked}), after checking that the caller is a funding module named
    /// by governance, the mission exists and is not final, and its sovereign is active. The
    /// registry stores nothing: the link's record is the module's own (each bounty and escrow
    /// names its mission, and a module links each of its ids once, when it creates it), and
    /// indexers follow the event. So funding a mission costs no storage write here.
    /// @param missionId The mission.
    /// @param fundingId The module's own id of the bounty or escrow.
    function linkMissionFunding(uint64 missionId, uint256 fundingId) external;

    /// @notice Allows or disallows a module to link funding to missions. Governance only.
    /// @param module The funding module (bounty board, escrow).
    /// @param allowed Whether it may.
    function setFundingModule(address module, bool allowed) external;

    /* TRUST AND RECOGNITION */

    /// @notice Makes the sovereign trust `issuer`'s attestations of `schema`. Sovereign admin.
    /// @param sovereignId The sovereign.
    /// @param schema The EAS schema UID.
    /// @param issuer The attester.
    function trustIssuer(uint64 sovereignId, bytes32 schema, address issuer) external;

    /// @notice Stops trusting `issuer` for `schema`. Sovereign admin.
    /// @param sovereignId The sovereign.
    /// @param schema The EAS schema UID.
    /// @param issuer The attester.
    function untrustIssuer(uint64 sovereignId, bytes32 schema, address issuer) external;

    /// @notice `sovereignId` recognizes `otherId`. If `otherId` already recognizes `sovereignId`,
    /// this accepts its proposal and the recognition becomes mutual; otherwise it is a proposal
    /// that `otherId` accepts by recognizing back. Admin of `sovereignId`; both must be active.
    /// @param sovereignId The recognizing sovereign.
    /// @param otherId The recognized sovereign.
    function recognize(uint64 sovereignId, uint64 otherId) external;

    /// @notice Ends the recognition between `sovereignId` and `otherId` in both directions
    /// (withdraws a proposal, or breaks a mutual recognition). Admin of `sovereignId`.
    /// @param sovereignId The revoking sovereign.
    /// @param otherId The other sovereign.
    function revokeRecognition(uint64 sovereignId, uint64 otherId) external;

    /* VIEWS */

    /// @notice Whether `account` holds a credential `sovereignId` honours: EAS attestation `uid`
    /// exists, has schema `schema` and recipient `account`, is neither revoked nor expired, and
    /// was made by an issuer trusted for `schema` by `trustedBy`, which is `sovereignId` itself
    /// or an active (not suspended) sovereign mutually recognizing it. The asking sovereign's own
    /// status is not read (see the assumptions above). Constant cost.
    /// @param sovereignId The sovereign asking.
    /// @param account The holder.
    /// @param schema The credential's EAS schema UID.
    /// @param uid The attestation's UID.
    /// @param trustedBy The sovereign whose trust list names the issuer (`sovereignId` for its own).
    /// @return valid Whether the credential is honoured.
    function isCredentialValid(
        uint64 sovereignId,
        address account,
        bytes32 schema,
        bytes32 uid,
        uint64 trustedBy
    ) external view returns (bool valid);

    /// @notice {isCredentialValid}, with the first reason a credential fails.
    /// @param sovereignId The sovereign asking.
    /// @param account The holder.
    /// @param schema The credential's EAS schema UID.
    /// @param uid The attestation's UID.
    /// @param trustedBy The sovereign whose trust list names the issuer.
    /// @return status Valid, or why not.
    function checkCredential(
        uint64 sovereignId,
        address account,
        bytes32 schema,
        bytes32 uid,
        uint64 trustedBy
    ) external view returns (CredentialStatus status);

    /// @notice The EAS instance attestations are read from.
    /// @return easAddress The EAS contract.
    function eas() external view returns (address easAddress);

    /// @notice Number of sovereigns registered (the highest id).
    /// @return count The count.
    function sovereignCount() external view returns (uint64 count);

    /// @notice A sovereign. Reverts for an unknown id.
    /// @param sovereignId The sovereign.
    /// @return sovereign Its record.
    function getSovereign(uint64 sovereignId) external view returns (Sovereign memory sovereign);

    /// @notice The sovereign holding `handle`, or 0.
    /// @param handle The handle.
    /// @return sovereignId Its id.
    function sovereignIdOf(string calldata handle) external view returns (uint64 sovereignId);

    /// @notice Whether `sovereignId` exists and is not suspended.
    /// @param sovereignId The sovereign.
    /// @return active Whether it is active.
    function isActive(uint64 sovereignId) external view returns (bool active);

    /// @notice Whether `account` is an admin of `sovereignId`.
    /// @param sovereignId The sovereign.
    /// @param account The account.
    /// @return admin Whether it is.
    function isAdmin(uint64 sovereignId, address account) external view returns (bool admin);

    /// @notice The pending adminship offer to `candidate`, if any (a lapsed one reads as none).
    /// @param sovereignId The sovereign.
    /// @param candidate The candidate.
    /// @return offeredBy The offering admin (zero: no offer).
    /// @return handOver Whether the offering admin steps down on acceptance.
    function adminOffer(uint64 sovereignId, address candidate) external view returns (address offeredBy, bool handOver);

    /// @notice Whether `account` is a member of `sovereignId`.
    /// @param sovereignId The sovereign.
    /// @param account The account.
    /// @return member Whether it is.
    function isMember(uint64 sovereignId, address account) external view returns (bool member);

    /// @notice Whether `account` holds `role` in `sovereignId`.
    /// @param sovereignId The sovereign.
    /// @param account The account.
    /// @param role The role.
    /// @return held Whether it does.
    function hasRole(uint64 sovereignId, address account, Role role) external view returns (bool held);

    /// @notice Every role `account` holds in `sovereignId`, as a bitmap (bit `uint8(role)`).
    /// @param sovereignId The sovereign.
    /// @param account The account.
    /// @return roles The bitmap.
    function rolesOf(uint64 sovereignId, address account) external view returns (uint8 roles);

    /// @notice Pending invitation (a lapsed one reads as none) and application of `account` to `sovereignId`.
    /// @param sovereignId The sovereign.
    /// @param account The account.
    /// @return invitedBy The inviting admin (zero: none).
    /// @return applied Whether it applied.
    function pendingMembership(
        uint64 sovereignId,
        address account
    ) external view returns (address invitedBy, bool applied);

    /// @notice The member who operated agent `agent` in `sovereignId` when it was registered
    /// (zero: not an agent). The operator may have left since: the agent keeps its role until an
    /// admin revokes it or registers it again with a new operator after revoking.
    /// @param sovereignId The sovereign.
    /// @param agent The agent.
    /// @return operator Its operator.
    function agentOperator(uint64 sovereignId, address agent) external view returns (address operator);

    /// @notice Number of organizations created (the highest id).
    /// @return count The count.
    function organizationCount() external view returns (uint64 count);

    /// @notice An organization. Reverts for an unknown id.
    /// @param organizationId The organization.
    /// @return organization Its record.
    function getOrganization(uint64 organizationId) external view returns (Organization memory organization);

    /// @notice Whether `account` is an admin of `organizationId` (and still a member of its sovereign).
    /// @param organizationId The organization.
    /// @param account The account.
    /// @return admin Whether it is.
    function isOrganizationAdmin(uint64 organizationId, address account) external view returns (bool admin);

    /// @notice Whether `account` is a member of `organizationId` (and still of its sovereign).
    /// @param organizationId The organization.
    /// @param account The account.
    /// @return member Whether it is.
    function isOrganizationMember(uint64 organizationId, address account) external view returns (bool member);

    /// @notice Number of missions created (the highest id).
    /// @return count The count.
    function missionCount() external view returns (uint64 count);

    /// @notice A mission. Reverts for an unknown id.
    /// @param missionId The mission.
    /// @return mission Its record.
    function getMission(uint64 missionId) external view returns (Mission memory mission);

    /// @notice Whether `account` may manage `missionId`: its owner while a member of the sovereign,
    /// or an admin of its sovereign or organization.
    /// @param missionId The mission.
    /// @param account The account.
    /// @return manager Whether it may.
    function isMissionManager(uint64 missionId, address account) external view returns (bool manager);

    /// @notice Whether governance named `module` a funding module.
    /// @param module The module.
    /// @return allowed Whether it is one.
    function isFundingModule(address module) external view returns (bool allowed);

    /// @notice Whether `sovereignId` trusts `issuer` for `schema`.
    /// @param sovereignId The sovereign.
    /// @param schema The EAS schema UID.
    /// @param issuer The attester.
    /// @return trusted Whether it does.
    function isTrustedIssuer(uint64 sovereignId, bytes32 schema, address issuer) external view returns (bool trusted);

    /// @notice Whether `sovereignId` recognizes `otherId` (one direction).
    /// @param sovereignId The recognizing sovereign.
    /// @param otherId The recognized sovereign.
    /// @return recognizes Whether it does.
    function recognizes(uint64 sovereignId, uint64 otherId) external view returns (bool recognizes);

    /// @notice Whether `a` and `b` recognize each other.
    /// @param a One sovereign.
    /// @param b The other.
    /// @return mutual Whether both directions hold.
    function isMutuallyRecognized(uint64 a, uint64 b) external view returns (bool mutual);
}
