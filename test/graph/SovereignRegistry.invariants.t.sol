// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ISovereignRegistry} from "../../contracts/graph/ISovereignRegistry.sol";
import {SovereignRegistry} from "../../contracts/graph/SovereignRegistry.sol";
import {Test} from "../utils/Test.sol";
import {MockEAS} from "./mocks/MockEAS.sol";
import {GraphFixture} from "./utils/GraphFixture.sol";

/// @title SovereignRegistryHandler
/// @notice Drives the SovereignRegistry for the invariant fuzzer with membership, role and
/// adminship moves that never revert, and keeps a ghost ledger of who holds what and why.
/// @dev Actors are a fixed set of 6 accounts, sovereigns the 3 registered in setUp (founded by
/// actors 0, 1 and 2). Each seed picks a starting index and the handler walks the actors from
/// there to the first one the move is valid for; a move with no valid actor is skipped. Admin
/// moves are made only by accounts the ghost knows to be admins at that moment, so a role bit in
/// `ghostRoles` means: the last event touching it was a grant (or a join) by an admin, and
/// nothing removed it since. Non-admin attempts run inside try/catch and are counted.
contract SovereignRegistryHandler is Test {
    uint256 public constant ACTORS = 6;
    uint64 public constant SOVEREIGNS = 3;
    uint8 private constant MEMBER = 1;
    uint8 private constant AGENT = 64;
    /// @dev Contributor..Operator: the roles {grantRole} hands out.
    uint256 private constant FIRST_GRANTABLE = 1;
    uint256 private constant GRANTABLE = 5;

    /// @dev What a picked actor must be in the sovereign.
    enum Want {
        Admin,
        NonAdmin,
        Member,
        Inviteable,
        Invited,
        Applicable,
        Applicant,
        NotAgent,
        AcceptableOffer
    }

    struct Offer {
        address offeredBy;
        bool handOver;
        uint256 term;
    }

    SovereignRegistry public registry;
    address[ACTORS] private _actors;

    /* GHOST LEDGER */

    mapping(uint64 sovereignId => mapping(address account => uint8 roles)) public ghostRoles;
    mapping(uint64 sovereignId => mapping(address account => bool)) public ghostIsAdmin;
    mapping(uint64 sovereignId => mapping(address account => address operator)) public ghostOperator;
    mapping(uint64 sovereignId => mapping(address account => address admin)) public ghostInvitedBy;
    /// @dev The inviter's admin term at the invitation; an invitation stands only in that term.
    mapping(uint64 sovereignId => mapping(address account => uint256 term)) public ghostInvitedTerm;
    /// @dev How many times each account became an admin of each sovereign.
    mapping(uint64 sovereignId => mapping(address account => uint256 term)) public ghostAdminTerm;
    mapping(uint64 sovereignId => mapping(address account => bool)) public ghostApplied;
    mapping(uint64 sovereignId => mapping(address candidate => Offer)) private _ghostOffers;
    /// @dev Admin-only calls by non-admins that succeeded (must stay 0).
    uint256 public ghostUnauthorizedSuccesses;
    /// @dev Admin-only calls by non-admins that failed with anything but RegistryNotSovereignAdmin.
    uint256 public ghostUnexpectedErrors;
    /// @dev Invitations accepted after the admin term of their inviter ended (must stay 0).
    uint256 public ghostStaleInvitationJoins;
    mapping(bytes32 action => uint256 count) public calls;

    constructor(SovereignRegistry registry_, address[ACTORS] memory actors_) {
        registry = registry_;
        _actors = actors_;
        for (uint64 s = 1; s <= SOVEREIGNS; ++s) {
            address founder = actors_[s - 1];
            ghostIsAdmin[s][founder] = true;
            ghostAdminTerm[s][founder] = 1;
            ghostRoles[s][founder] = MEMBER;
        }
    }

    /* ACTIONS: JOINING */

    function invite(uint256 sovereignSeed, uint256 adminSeed, uint256 accountSeed) external {
        uint64 s = _sovereign(sovereignSeed);
        address admin = _pick(s, adminSeed, Want.Admin);
        address account = _pick(s, accountSeed, Want.Inviteable);
        if (account == address(0)) return;

        vm.prank(admin);
        registry.invite(s, account);
        ghostInvitedBy[s][account] = admin;
        ghostInvitedTerm[s][account] = ghostAdminTerm[s][admin];
        ++calls["invite"];
    }

    function cancelInvitation(uint256 sovereignSeed, uint256 adminSeed, uint256 accountSeed) external {
        uint64 s = _sovereign(sovereignSeed);
        address admin = _pick(s, adminSeed, Want.Admin);
        address account = _pick(s, accountSeed, Want.Invited);
        if (account == address(0)) return;

        vm.prank(admin);
        registry.cancelInvitation(s, account);
        ghostInvitedBy[s][account] = address(0);
        ++calls["cancelInvitation"];
    }

    function acceptInvitation(uint256 sovereignSeed, uint256 accountSeed) external {
        uint64 s = _sovereign(sovereignSeed);
        address account = _pick(s, accountSeed, Want.Invited);
        if (account == address(0)) return;

        // An invitation lapses with its inviter's admin term: accepting it then must fail.
        if (!_stands(s, ghostInvitedBy[s][account], ghostInvitedTerm[s][account])) {
            vm.prank(account);
            try registry.acceptInvitation(s) {
                ++ghostStaleInvitationJoins;
            } catch (bytes memory reason) {
                assertTrue(
                    keccak256(reason) ==
                        keccak256(abi.encodeWithSelector(ISovereignRegistry.RegistryNoInvitation.selector, s, account)),
                    "stale invitation refused with RegistryNoInvitation"
                );
            }
            return;
        }
        vm.prank(account);
        registry.acceptInvitation(s);
        _ghostAdmit(s, account);
        ++calls["acceptInvitation"];
    }

    function applyForMembership(uint256 sovereignSeed, uint256 accountSeed) external {
        uint64 s = _sovereign(sovereignSeed);
        address account = _pick(s, accountSeed, Want.Applicable);
        if (account == address(0)) return;

        vm.prank(account);
        registry.applyForMembership(s);
        ghostApplied[s][account] = true;
        ++calls["applyForMembership"];
    }

    function approveApplication(uint256 sovereignSeed, uint256 adminSeed, uint256 accountSeed) external {
        uint64 s = _sovereign(sovereignSeed);
        address admin = _pick(s, adminSeed, Want.Admin);
        address account = _pick(s, accountSeed, Want.Applicant);
        if (account == address(0)) return;

        vm.prank(admin);
        registry.approveApplication(s, account);
        _ghostAdmit(s, account);
        ++calls["approveApplication"];
    }

    function rejectApplication(uint256 sovereignSeed, uint256 adminSeed, uint256 accountSeed) external {
        uint64 s = _sovereign(sovereignSeed);
        address admin = _pick(s, adminSeed, Want.Admin);
        address account = _pick(s, accountSeed, Want.Applicant);
        if (account == address(0)) return;

        vm.prank(admin);
        registry.rejectApplication(s, account);
        ghostApplied[s][account] = false;
        ++calls["rejectApplication"];
    }

    /* ACTIONS: ROLES */

    function grantRole(uint256 sovereignSeed, uint256 adminSeed, uint256 accountSeed, uint256 roleSeed) external {
        uint64 s = _sovereign(sovereignSeed);
        address admin = _pick(s, adminSeed, Want.Admin);
        address account = _pick(s, accountSeed, Want.Member);
        if (account == address(0)) return;
        // The first grantable role, from the seed's, that the account does not hold yet.
        uint8 roles = ghostRoles[s][account];
        roleSeed %= GRANTABLE;
        for (uint256 i = 0; i < GRANTABLE; ++i) {
            ISovereignRegistry.Role role = ISovereignRegistry.Role(FIRST_GRANTABLE + ((roleSeed + i) % GRANTABLE));
            if (roles & _bit(role) != 0) continue;

            vm.prank(admin);
            registry.grantRole(s, account, role);
            ghostRoles[s][account] = roles | _bit(role);
            ++calls["grantRole"];
            return;
        }
    }

    function revokeRole(uint256 sovereignSeed, uint256 adminSeed, uint256 accountSeed, uint256 roleSeed) external {
        uint64 s = _sovereign(sovereignSeed);
        address admin = _pick(s, adminSeed, Want.Admin);
        address account = _pick(s, accountSeed, Want.Member);
        if (account == address(0)) return;
        // The first held role other than Member (Agent included), from the seed's.
        uint8 roles = ghostRoles[s][account];
        roleSeed %= GRANTABLE + 1;
        for (uint256 i = 0; i < GRANTABLE + 1; ++i) {
            ISovereignRegistry.Role role = ISovereignRegistry.Role(1 + ((roleSeed + i) % (GRANTABLE + 1)));
            if (roles & _bit(role) == 0) continue;

            vm.prank(admin);
            registry.revokeRole(s, account, role);
            ghostRoles[s][account] = roles & ~_bit(role);
            if (role == ISovereignRegistry.Role.Agent) ghostOperator[s][account] = address(0);
            ++calls["revokeRole"];
            return;
        }
    }

    function registerAgent(uint256 sovereignSeed, uint256 adminSeed, uint256 agentSeed, uint256 operatorSeed) external {
        uint64 s = _sovereign(sovereignSeed);
        address admin = _pick(s, adminSeed, Want.Admin);
        address operator = _pick(s, operatorSeed, Want.Member);
        address agent = _pick(s, agentSeed, Want.NotAgent);
        // An agent is never its own operator (RegistryAgentIsOwnOperator, a unit-tested refusal).
        if (operator == address(0) || agent == address(0) || agent == operator) return;

        vm.prank(admin);
        registry.registerAgent(s, agent, operator);
        if (ghostRoles[s][agent] & MEMBER == 0) _ghostAdmit(s, agent);
        ghostRoles[s][agent] |= AGENT;
        ghostOperator[s][agent] = operator;
        ++calls["registerAgent"];
    }

    function leave(uint256 sovereignSeed, uint256 accountSeed) external {
        uint64 s = _sovereign(sovereignSeed);
        address account = _pick(s, accountSeed, Want.Member);
        if (account == address(0)) return;

        vm.prank(account);
        registry.leave(s);
        _ghostDrop(s, account);
        ++calls["leave"];
    }

    function removeMember(uint256 sovereignSeed, uint256 adminSeed, uint256 accountSeed) external {
        uint64 s = _sovereign(sovereignSeed);
        address admin = _pick(s, adminSeed, Want.Admin);
        address account = _pick(s, accountSeed, Want.Member);
        if (account == address(0)) return;

        vm.prank(admin);
        registry.removeMember(s, account);
        _ghostDrop(s, account);
        ++calls["removeMember"];
    }

    /* ACTIONS: ADMINS */

    function offerAdmin(uint256 sovereignSeed, uint256 adminSeed, uint256 candidateSeed, bool handOver) external {
        uint64 s = _sovereign(sovereignSeed);
        address admin = _pick(s, adminSeed, Want.Admin);
        address candidate = _pick(s, candidateSeed, Want.NonAdmin);
        if (candidate == address(0)) return;

        vm.prank(admin);
        registry.offerAdmin(s, candidate, handOver);
        _ghostOffers[s][candidate] = Offer({offeredBy: admin, handOver: handOver, term: ghostAdminTerm[s][admin]});
        ++calls["offerAdmin"];
    }

    function acceptAdmin(uint256 sovereignSeed, uint256 candidateSeed) external {
        uint64 s = _sovereign(sovereignSeed);
        address candidate = _pick(s, candidateSeed, Want.AcceptableOffer);
        if (candidate == address(0)) return;
        Offer memory offer = _ghostOffers[s][candidate];

        vm.prank(candidate);
        registry.acceptAdmin(s);
        delete _ghostOffers[s][candidate];
        ghostIsAdmin[s][candidate] = true;
        ++ghostAdminTerm[s][candidate];
        if (offer.handOver) ghostIsAdmin[s][offer.offeredBy] = false;
        ++calls[offer.handOver ? bytes32("acceptAdmin(handOver)") : bytes32("acceptAdmin")];
    }

    function removeAdmin(uint256 sovereignSeed, uint256 adminSeed, uint256 targetSeed) external {
        uint64 s = _sovereign(sovereignSeed);
        if (ghostAdminCount(s) == 1) return;
        address admin = _pick(s, adminSeed, Want.Admin);
        address target = _pick(s, targetSeed, Want.Admin);

        vm.prank(admin);
        registry.removeAdmin(s, target);
        ghostIsAdmin[s][target] = false;
        ++calls["removeAdmin"];
    }

    /* ACTIONS: NON-ADMINS */

    /// @notice A non-admin tries to grant any role (Member and Agent included) to any actor.
    function grantRoleAsNonAdmin(
        uint256 sovereignSeed,
        uint256 callerSeed,
        uint256 accountSeed,
        uint256 roleSeed
    ) external {
        uint64 s = _sovereign(sovereignSeed);
        address caller = _pick(s, callerSeed, Want.NonAdmin);
        if (caller == address(0)) return;
        address account = _actors[accountSeed % ACTORS];
        ISovereignRegistry.Role role = ISovereignRegistry.Role(roleSeed % 7);

        vm.prank(caller);
        try registry.grantRole(s, account, role) {
            ++ghostUnauthorizedSuccesses;
        } catch (bytes memory reason) {
            _expectNotAdmin(reason, s, caller);
        }
        ++calls["grantRoleAsNonAdmin"];
    }

    /// @notice A non-admin tries another admin-only move: invite, approve, revoke, register an
    /// agent, remove a member, offer adminship or remove an admin.
    function adminMoveAsNonAdmin(
        uint256 kindSeed,
        uint256 sovereignSeed,
        uint256 callerSeed,
        uint256 accountSeed,
        uint256 roleSeed
    ) external {
        uint64 s = _sovereign(sovereignSeed);
        address caller = _pick(s, callerSeed, Want.NonAdmin);
        if (caller == address(0)) return;
        address account = _actors[accountSeed % ACTORS];
        bytes memory move;
        uint256 kind = kindSeed % 7;
        if (kind == 0) move = abi.encodeCall(ISovereignRegistry.invite, (s, account));
        else if (kind == 1) move = abi.encodeCall(ISovereignRegistry.approveApplication, (s, account));
        else if (kind == 2) {
            move = abi.encodeCall(ISovereignRegistry.revokeRole, (s, account, ISovereignRegistry.Role(roleSeed % 7)));
        } else if (kind == 3) move = abi.encodeCall(ISovereignRegistry.registerAgent, (s, account, caller));
        else if (kind == 4) move = abi.encodeCall(ISovereignRegistry.removeMember, (s, account));
        else if (kind == 5) move = abi.encodeCall(ISovereignRegistry.offerAdmin, (s, account, roleSeed % 2 == 0));
        else move = abi.encodeCall(ISovereignRegistry.removeAdmin, (s, account));

        vm.prank(caller);
        // One call site for the seven encoded moves; a revert is the expected outcome.
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, bytes memory reason) = address(registry).call(move);
        if (ok) ++ghostUnauthorizedSuccesses;
        else _expectNotAdmin(reason, s, caller);
        ++calls["adminMoveAsNonAdmin"];
    }

    /* VIEWS FOR THE INVARIANTS */

    function actors() external view returns (address[ACTORS] memory) {
        return _actors;
    }

    /// @notice How many actors the ghost holds to be admins of `sovereignId`.
    function ghostAdminCount(uint64 sovereignId) public view returns (uint256 count) {
        for (uint256 i = 0; i < ACTORS; ++i) {
            if (ghostIsAdmin[sovereignId][_actors[i]]) ++count;
        }
    }

    /// @notice The standing offer to `candidate` (a lapsed one reads as none, as in the registry).
    function ghostOffer(uint64 sovereignId, address candidate) external view returns (address, bool) {
        Offer memory offer = _ghostOffers[sovereignId][candidate];
        if (!_stands(sovereignId, offer.offeredBy, offer.term)) return (address(0), false);
        return (offer.offeredBy, offer.handOver);
    }

    /// @notice The inviter of `account`'s standing invitation (a lapsed one reads as none).
    function ghostPendingInviter(uint64 sovereignId, address account) external view returns (address) {
        address inviter = ghostInvitedBy[sovereignId][account];
        return _stands(sovereignId, inviter, ghostInvitedTerm[sovereignId][account]) ? inviter : address(0);
    }

    /* INTERNALS */

    function _sovereign(uint256 seed) private pure returns (uint64) {
        return uint64(1 + (seed % SOVEREIGNS));
    }

    /// @dev The first actor from `seed % ACTORS` on that is `want` in `s`; address(0) if none.
    /// There is always an admin, so `Want.Admin` never returns address(0).
    function _pick(uint64 s, uint256 seed, Want want) private view returns (address) {
        uint256 start = seed % ACTORS;
        for (uint256 i = 0; i < ACTORS; ++i) {
            address actor = _actors[(start + i) % ACTORS];
            if (_is(s, actor, want)) return actor;
        }
        return address(0);
    }

    function _is(uint64 s, address actor, Want want) private view returns (bool) {
        bool member = ghostRoles[s][actor] & MEMBER != 0;
        if (want == Want.Admin) return ghostIsAdmin[s][actor];
        if (want == Want.NonAdmin) return !ghostIsAdmin[s][actor];
        if (want == Want.Member) return member;
        if (want == Want.Inviteable) {
            return !member && !_stands(s, ghostInvitedBy[s][actor], ghostInvitedTerm[s][actor]);
        }
        if (want == Want.Invited) return ghostInvitedBy[s][actor] != address(0);
        if (want == Want.Applicable) return !member && !ghostApplied[s][actor];
        if (want == Want.Applicant) return ghostApplied[s][actor];
        if (want == Want.NotAgent) return ghostRoles[s][actor] & AGENT == 0;
        // An offer dies with the admin term of whoever made it.
        Offer memory offer = _ghostOffers[s][actor];
        return _stands(s, offer.offeredBy, offer.term);
    }

    function _stands(uint64 s, address maker, uint256 term) private view returns (bool) {
        return maker != address(0) && ghostIsAdmin[s][maker] && ghostAdminTerm[s][maker] == term;
    }

    function _ghostAdmit(uint64 s, address account) private {
        ghostRoles[s][account] |= MEMBER;
        ghostInvitedBy[s][account] = address(0);
        ghostApplied[s][account] = false;
    }

    function _ghostDrop(uint64 s, address account) private {
        ghostRoles[s][account] = 0;
        ghostOperator[s][account] = address(0);
    }

    function _expectNotAdmin(bytes memory reason, uint64 s, address caller) private {
        bytes memory want = abi.encodeWithSelector(ISovereignRegistry.RegistryNotSovereignAdmin.selector, s, caller);
        if (keccak256(reason) != keccak256(want)) ++ghostUnexpectedErrors;
    }

    function _bit(ISovereignRegistry.Role role) private pure returns (uint8) {
        return uint8(1) << uint8(role);
    }
}

/// @title SovereignRegistryInvariantsTest
/// @notice Invariants of the SovereignRegistry under random joins, grants, revocations, agent
/// registrations, departures, removals and adminship changes: every role held was granted by an
/// admin and not removed since, the admin count is the number of admins (never 0), agents and
/// operators go together, pending invitations and applications match, and non-admins never
/// succeed at an admin move.
contract SovereignRegistryInvariantsTest is GraphFixture {
    uint256 private constant ACTORS = 6;
    uint64 private constant SOVEREIGNS = 3;

    SovereignRegistry private registry;
    SovereignRegistryHandler private handler;
    address[ACTORS] private actors;

    function setUp() public {
        registry = _deployRegistry(new MockEAS(), _account("governance"), _account("guardian"));
        string[ACTORS] memory names = ["alice", "bob", "carol", "dave", "erin", "frank"];
        for (uint256 i = 0; i < ACTORS; ++i) actors[i] = _account(names[i]);
        string[SOVEREIGNS] memory handles = ["atlantis", "free-city", "coop-42"];
        for (uint256 i = 0; i < SOVEREIGNS; ++i) {
            vm.prank(actors[i]);
            registry.register(handles[i], METADATA_URI, METADATA_HASH);
        }

        handler = new SovereignRegistryHandler(registry, actors);
        vm.label(address(handler), "handler");
        targetContract(address(handler));
    }

    /* INVARIANTS */

    function invariant_rolesOnlyFromAdmins() public view {
        for (uint64 s = 1; s <= SOVEREIGNS; ++s) {
            for (uint256 i = 0; i < ACTORS; ++i) {
                uint8 roles = registry.rolesOf(s, actors[i]);
                uint8 granted = handler.ghostRoles(s, actors[i]);
                assertEq(roles & ~granted, 0, "roles held that no admin granted");
                assertEq(roles, granted, "rolesOf vs ghost roles");
            }
        }
    }

    function invariant_adminCountMatches() public view {
        for (uint64 s = 1; s <= SOVEREIGNS; ++s) {
            uint256 admins = handler.ghostAdminCount(s);
            assertEq(registry.getSovereign(s).adminCount, admins, "adminCount vs ghost admins");
            assertTrue(admins >= 1, "at least one admin");
            for (uint256 i = 0; i < ACTORS; ++i) {
                assertTrue(registry.isAdmin(s, actors[i]) == handler.ghostIsAdmin(s, actors[i]), "isAdmin vs ghost");
                (address offeredBy, bool handOver) = registry.adminOffer(s, actors[i]);
                (address ghostOfferedBy, bool ghostHandOver) = handler.ghostOffer(s, actors[i]);
                assertEq(offeredBy, ghostOfferedBy, "adminOffer offeredBy vs ghost");
                assertTrue(handOver == ghostHandOver, "adminOffer handOver vs ghost");
            }
        }
    }

    function invariant_agentsHaveOperators() public view {
        for (uint64 s = 1; s <= SOVEREIGNS; ++s) {
            for (uint256 i = 0; i < ACTORS; ++i) {
                bool agent = registry.hasRole(s, actors[i], ISovereignRegistry.Role.Agent);
                address operator = registry.agentOperator(s, actors[i]);
                assertTrue(agent == (operator != address(0)), "Agent role iff an operator");
                assertEq(operator, handler.ghostOperator(s, actors[i]), "agentOperator vs ghost");
            }
        }
    }

    function invariant_pendingMembershipMatches() public view {
        for (uint64 s = 1; s <= SOVEREIGNS; ++s) {
            for (uint256 i = 0; i < ACTORS; ++i) {
                (address invitedBy, bool applied) = registry.pendingMembership(s, actors[i]);
                assertEq(invitedBy, handler.ghostPendingInviter(s, actors[i]), "invitedBy vs ghost");
                assertTrue(applied == handler.ghostApplied(s, actors[i]), "applied vs ghost");
                if (registry.isMember(s, actors[i])) {
                    assertTrue(invitedBy == address(0) && !applied, "a member has nothing pending");
                }
            }
        }
    }

    function invariant_nonAdminsNeverSucceed() public view {
        assertEq(handler.ghostUnauthorizedSuccesses(), 0, "admin moves by non-admins that succeeded");
        assertEq(handler.ghostUnexpectedErrors(), 0, "non-admin failures with another error");
    }

    function invariant_staleInvitationsNeverJoin() public view {
        assertEq(handler.ghostStaleInvitationJoins(), 0, "invitations accepted after the inviter lost adminship");
    }
}
