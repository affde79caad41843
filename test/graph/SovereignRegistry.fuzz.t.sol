// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ISovereignRegistry} from "../../contracts/graph/ISovereignRegistry.sol";
import {SovereignRegistry} from "../../contracts/graph/SovereignRegistry.sol";
import {MockEAS} from "./mocks/MockEAS.sol";
import {GraphFixture} from "./utils/GraphFixture.sol";

/// @title SovereignRegistryFuzzTest
/// @notice Fuzz tests of the SovereignRegistry against models the test keeps itself: role grants
/// and revocations (one at a time and in random sequences with agents and removals), the handle
/// rule, and recognition between sovereigns. Every expected failure is asserted with its error
/// and arguments.
/// @dev Sequences are 20 steps, each derived from `keccak256(seed, step)`.
contract SovereignRegistryFuzzTest is GraphFixture {
    uint256 private constant STEPS = 20;
    /// @dev accounts[0..2] join in setUp; accounts[3] is an outsider until made an agent.
    uint256 private constant ACCOUNTS = 4;
    uint256 private constant JOINED = 3;
    /// @dev Operator index meaning the founder (a member that no step changes).
    uint256 private constant FOUNDER = ACCOUNTS;
    uint256 private constant ROLES = 7;

    uint256 private constant GRANT = 0;
    uint256 private constant REVOKE = 1;
    uint256 private constant REGISTER_AGENT = 2;
    uint256 private constant REMOVE_MEMBER = 3;
    uint256 private constant ROLE_KINDS = 4;

    uint256 private constant RECOGNIZE = 0;
    uint256 private constant REVOKE_RECOGNITION = 1;
    uint64 private constant SOVEREIGNS = 4;
    /// @dev An id no sovereign has.
    uint64 private constant UNKNOWN = SOVEREIGNS + 1;

    uint8 private constant MEMBER = 1;
    uint8 private constant CONTRIBUTOR = 2;
    uint8 private constant ARBITER = 16;
    uint8 private constant OPERATOR = 32;
    uint8 private constant AGENT = 64;

    /// @dev One grant, revoke, agent registration or removal by the founder.
    struct RoleStep {
        uint256 kind;
        uint256 account;
        uint256 operator;
        ISovereignRegistry.Role role;
    }

    /// @dev Expected roles and agent operators of accounts[0..3].
    struct RoleModel {
        uint8[ACCOUNTS] roles;
        address[ACCOUNTS] operators;
    }

    /// @dev One recognition or revocation by the founder of `sovereignId`.
    struct RecognitionStep {
        uint256 kind;
        uint64 sovereignId;
        uint64 otherId;
    }

    SovereignRegistry private registry;
    uint64 private sovereignId;
    address private founder;
    address[ACCOUNTS] private accounts;
    /// @dev founders[id] registered sovereign `id` (index 0 unused).
    address[SOVEREIGNS + 1] private founders;

    function setUp() public {
        registry = _deployRegistry(new MockEAS(), _account("governance"), _account("guardian"));
        founder = _account("founder");
        vm.prank(founder);
        sovereignId = registry.register("atlas-os", METADATA_URI, METADATA_HASH);
        founders[1] = founder;

        string[ACCOUNTS] memory names = ["alice", "bob", "carol", "outsider"];
        for (uint256 i = 0; i < ACCOUNTS; ++i) {
            accounts[i] = _account(names[i]);
            if (i < JOINED) _join(accounts[i]);
        }
    }

    /* GRANT ROLE */

    function testFuzz_grantRole_setsOnlyThatBit(address account, uint256 roleSeed) public {
        _assumeFresh(account);
        _join(account);
        _checkGrant(account, ISovereignRegistry.Role(bound(roleSeed, 0, ROLES - 1)));
    }

    function test_grantRole_setsOnlyThatBit() public {
        _checkGrant(accounts[0], ISovereignRegistry.Role.Arbiter);
        assertEq(registry.rolesOf(sovereignId, accounts[0]), MEMBER | ARBITER, "rolesOf after granting Arbiter");
        _checkGrant(accounts[1], ISovereignRegistry.Role.Agent);
        assertEq(registry.rolesOf(sovereignId, accounts[1]), MEMBER, "rolesOf after a refused Agent grant");
    }

    /* REVOKE ROLE */

    function testFuzz_revokeRole_clearsOnlyThatBit(address account, uint8 heldSeed, uint256 roleSeed) public {
        _assumeFresh(account);
        _join(account);
        _checkRevoke(account, heldSeed, ISovereignRegistry.Role(bound(roleSeed, 0, ROLES - 1)));
    }

    function test_revokeRole_clearsOnlyThatBit() public {
        uint8 held = CONTRIBUTOR | _bit(ISovereignRegistry.Role.Verifier);
        _checkRevoke(accounts[0], held, ISovereignRegistry.Role.Verifier);
        assertEq(registry.rolesOf(sovereignId, accounts[0]), MEMBER | CONTRIBUTOR, "rolesOf after revoking Verifier");
        _checkRevoke(accounts[1], held, ISovereignRegistry.Role.Issuer);
        _checkRevoke(accounts[2], held, ISovereignRegistry.Role.Member);
    }

    /* RANDOM ROLE SEQUENCES */

    function testFuzz_grantRole_revokeRole_randomSequenceMatchesModel(uint256 seed) public {
        RoleModel memory model = _initialRoleModel();
        for (uint256 i = 0; i < STEPS; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            RoleStep memory step = RoleStep({
                kind: r % ROLE_KINDS,
                account: (r >> 8) % ACCOUNTS,
                operator: (r >> 16) % (ACCOUNTS + 1),
                role: ISovereignRegistry.Role((r >> 24) % ROLES)
            });
            _applyRoleStep(step, model);
        }
    }

    function test_grantRole_revokeRole_randomSequenceMatchesModel() public {
        ISovereignRegistry.Role none = ISovereignRegistry.Role.Member;
        RoleStep[16] memory steps = [
            RoleStep(GRANT, 0, 0, ISovereignRegistry.Role.Contributor), // alice: granted
            RoleStep(GRANT, 0, 0, ISovereignRegistry.Role.Contributor), // RoleAlreadyGranted
            RoleStep(GRANT, 1, 0, ISovereignRegistry.Role.Member), // RoleNotGrantable(Member)
            RoleStep(GRANT, 3, 0, ISovereignRegistry.Role.Verifier), // outsider: NotMember
            RoleStep(GRANT, 2, 0, ISovereignRegistry.Role.Agent), // RoleNotGrantable(Agent)
            RoleStep(REVOKE, 1, 0, ISovereignRegistry.Role.Issuer), // RoleNotHeld
            RoleStep(REVOKE, 0, 0, ISovereignRegistry.Role.Member), // RoleNotGrantable(Member)
            RoleStep(REGISTER_AGENT, 3, 1, none), // outsider joins as an agent run by bob
            RoleStep(REGISTER_AGENT, 3, FOUNDER, none), // RoleAlreadyGranted(Agent)
            RoleStep(GRANT, 3, 0, ISovereignRegistry.Role.Operator), // the agent gets Operator
            RoleStep(REVOKE, 3, 0, ISovereignRegistry.Role.Agent), // Agent revoked, operator cleared
            RoleStep(REMOVE_MEMBER, 1, 0, none), // bob removed
            RoleStep(REGISTER_AGENT, 2, 1, none), // AgentOperatorNotMember(bob)
            RoleStep(REVOKE, 0, 0, ISovereignRegistry.Role.Contributor), // alice: revoked
            RoleStep(REMOVE_MEMBER, 1, 0, none), // NotMember(bob)
            RoleStep(GRANT, 0, 0, ISovereignRegistry.Role.Arbiter) // alice: granted
        ];
        RoleModel memory model = _initialRoleModel();
        for (uint256 i = 0; i < steps.length; ++i) _applyRoleStep(steps[i], model);

        assertEq(registry.rolesOf(sovereignId, accounts[0]), MEMBER | ARBITER, "alice's roles");
        assertEq(registry.rolesOf(sovereignId, accounts[1]), 0, "bob's roles");
        assertEq(registry.rolesOf(sovereignId, accounts[2]), MEMBER, "carol's roles");
        assertEq(registry.rolesOf(sovereignId, accounts[3]), MEMBER | OPERATOR, "outsider's roles");
        assertEq(registry.agentOperator(sovereignId, accounts[3]), address(0), "outsider's operator");
    }

    /* HANDLES */

    function testFuzz_register_acceptsHandleIffValid(bytes calldata handle) public {
        _checkHandle(handle);
    }

    /// @dev Random bytes are almost never valid handles: this variant draws from an alphabet of
    /// valid characters and the characters just outside each valid range, so both outcomes occur.
    function testFuzz_register_acceptsHandleIffValidFromAlphabet(uint256 seed, uint256 length) public {
        bytes memory valid = "abmz0189-";
        bytes memory mixed = "az09-/:`{A_ .\x00\xff";
        length = bound(length, 0, 36);
        // Half the handles use valid characters only, so only their length and dashes decide.
        bytes memory alphabet = seed % 2 == 0 ? valid : mixed;
        bytes memory handle = new bytes(length);
        for (uint256 i = 0; i < length; ++i) {
            handle[i] = alphabet[uint256(keccak256(abi.encode(seed, i))) % alphabet.length];
        }
        _checkHandle(handle);
    }

    function test_register_acceptsHandleIffValid() public {
        string[6] memory accepted = ["abc", "a-b", "0x0", "9-9", "a--b", "abcdefghijklmnopqrstuvwxyz012345"];
        string[12] memory refused = [
            "",
            "ab",
            "-ab",
            "ab-",
            "aBc",
            "a_b",
            "a b",
            "a.b",
            "abc/",
            "abc:",
            "abcdefghijklmnopqrstuvwxyz0123456",
            "caf\xc3\xa9"
        ];
        for (uint256 i = 0; i < accepted.length; ++i) {
            assertTrue(_isValidHandle(bytes(accepted[i])), "model accepts");
            _checkHandle(bytes(accepted[i]));
        }
        for (uint256 i = 0; i < refused.length; ++i) {
            assertTrue(!_isValidHandle(bytes(refused[i])), "model refuses");
            _checkHandle(bytes(refused[i]));
        }
        _checkHandle("atlas-os"); // RegistryHandleTaken(atlas-os, 1)
    }

    /* RECOGNITION */

    function testFuzz_recognize_mutualRecognitionMatchesModel(uint256 seed) public {
        _registerSovereigns();
        bool[UNKNOWN + 1][UNKNOWN + 1] memory model;
        for (uint256 i = 0; i < STEPS; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            RecognitionStep memory step = RecognitionStep({
                kind: r % 2,
                sovereignId: uint64(1 + ((r >> 8) % SOVEREIGNS)),
                otherId: uint64(1 + ((r >> 16) % UNKNOWN))
            });
            _applyRecognitionStep(step, model);
        }
    }

    function test_recognize_mutualRecognitionMatchesModel() public {
        _registerSovereigns();
        RecognitionStep[12] memory steps = [
            RecognitionStep(RECOGNIZE, 1, 2), // proposed
            RecognitionStep(RECOGNIZE, 1, 2), // RegistryAlreadyRecognized(1, 2)
            RecognitionStep(RECOGNIZE, 2, 1), // established: 1 <-> 2
            RecognitionStep(RECOGNIZE, 3, 3), // RegistrySelfRecognition(3)
            RecognitionStep(RECOGNIZE, 3, UNKNOWN), // RegistryUnknownSovereign(5)
            RecognitionStep(RECOGNIZE, 4, 3), // proposed, high id first
            RecognitionStep(REVOKE_RECOGNITION, 1, 3), // RegistryNotRecognized(1, 3)
            RecognitionStep(RECOGNIZE, 3, 4), // established: 3 <-> 4
            RecognitionStep(REVOKE_RECOGNITION, 3, 4), // both directions end
            RecognitionStep(REVOKE_RECOGNITION, 4, 3), // RegistryNotRecognized(4, 3)
            RecognitionStep(RECOGNIZE, 4, 2), // proposed
            RecognitionStep(REVOKE_RECOGNITION, 2, 4) // the side that did not propose withdraws it
        ];
        bool[UNKNOWN + 1][UNKNOWN + 1] memory model;
        for (uint256 i = 0; i < steps.length; ++i) _applyRecognitionStep(steps[i], model);

        assertTrue(registry.isMutuallyRecognized(1, 2), "1 and 2 recognize each other");
        assertTrue(!registry.isMutuallyRecognized(3, 4), "3 and 4 no longer do");
        assertTrue(!registry.recognizes(4, 2), "4's proposal to 2 withdrawn by 2");
    }

    /* HELPERS: ROLES */

    function _join(address account) private {
        vm.prank(founder);
        registry.invite(sovereignId, account);
        vm.prank(account);
        registry.acceptInvitation(sovereignId);
    }

    /// @dev A fuzzed account that can be invited: not zero, no roles yet, not the cheatcode handle.
    function _assumeFresh(address account) private view {
        vm.assume(account != address(0) && account != address(vm));
        vm.assume(registry.rolesOf(sovereignId, account) == 0);
    }

    function _checkGrant(address account, ISovereignRegistry.Role role) private {
        uint8 before = registry.rolesOf(sovereignId, account);
        bool grantable = role != ISovereignRegistry.Role.Member && role != ISovereignRegistry.Role.Agent;
        if (!grantable) {
            vm.expectRevert(abi.encodeWithSelector(ISovereignRegistry.RegistryRoleNotGrantable.selector, role));
        }
        vm.prank(founder);
        registry.grantRole(sovereignId, account, role);

        uint8 want = grantable ? before | _bit(role) : before;
        assertEq(registry.rolesOf(sovereignId, account), want, "rolesOf after grantRole");
        for (uint256 r = 0; r < ROLES; ++r) {
            ISovereignRegistry.Role each = ISovereignRegistry.Role(r);
            bool held = registry.hasRole(sovereignId, account, each);
            assertTrue(held == (want & _bit(each) != 0), "hasRole agrees with rolesOf");
        }
    }

    /// @dev Grants the grantable roles in `heldSeed` (bits 1..5), then revokes `role`.
    function _checkRevoke(address account, uint8 heldSeed, ISovereignRegistry.Role role) private {
        uint8 held = MEMBER;
        for (uint256 r = 1; r <= uint8(ISovereignRegistry.Role.Operator); ++r) {
            ISovereignRegistry.Role each = ISovereignRegistry.Role(r);
            if (heldSeed & _bit(each) == 0) continue;
            vm.prank(founder);
            registry.grantRole(sovereignId, account, each);
            held |= _bit(each);
        }
        assertEq(registry.rolesOf(sovereignId, account), held, "rolesOf after the grants");

        uint8 want = held;
        if (role == ISovereignRegistry.Role.Member) {
            vm.expectRevert(abi.encodeWithSelector(ISovereignRegistry.RegistryRoleNotGrantable.selector, role));
        } else if (held & _bit(role) == 0) {
            vm.expectRevert(
                abi.encodeWithSelector(ISovereignRegistry.RegistryRoleNotHeld.selector, sovereignId, account, role)
            );
        } else {
            want = held & ~_bit(role);
        }
        vm.prank(founder);
        registry.revokeRole(sovereignId, account, role);
        assertEq(registry.rolesOf(sovereignId, account), want, "rolesOf after revokeRole");
    }

    function _initialRoleModel() private pure returns (RoleModel memory model) {
        for (uint256 i = 0; i < JOINED; ++i) model.roles[i] = MEMBER;
    }

    /// @dev Applies `step` as the founder, expecting the exact error the model predicts, then
    /// checks every account's roles and operator against the model.
    function _applyRoleStep(RoleStep memory step, RoleModel memory model) private {
        if (step.kind == GRANT) _grantStep(step, model);
        else if (step.kind == REVOKE) _revokeStep(step, model);
        else if (step.kind == REGISTER_AGENT) _registerAgentStep(step, model);
        else _removeMemberStep(step, model);

        for (uint256 i = 0; i < ACCOUNTS; ++i) {
            assertEq(registry.rolesOf(sovereignId, accounts[i]), model.roles[i], "rolesOf vs model");
            assertEq(registry.agentOperator(sovereignId, accounts[i]), model.operators[i], "agentOperator vs model");
            bool isAgent = model.roles[i] & AGENT != 0;
            assertTrue(isAgent == (model.operators[i] != address(0)), "model: Agent iff operator");
        }
        assertEq(registry.rolesOf(sovereignId, founder), MEMBER, "founder's roles never change");
    }

    function _grantStep(RoleStep memory step, RoleModel memory model) private {
        address account = accounts[step.account];
        uint8 roles = model.roles[step.account];
        if (step.role == ISovereignRegistry.Role.Member || step.role == ISovereignRegistry.Role.Agent) {
            vm.expectRevert(abi.encodeWithSelector(ISovereignRegistry.RegistryRoleNotGrantable.selector, step.role));
        } else if (roles & MEMBER == 0) {
            vm.expectRevert(
                abi.encodeWithSelector(ISovereignRegistry.RegistryNotMember.selector, sovereignId, account)
            );
        } else if (roles & _bit(step.role) != 0) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    ISovereignRegistry.RegistryRoleAlreadyGranted.selector,
                    sovereignId,
                    account,
                    step.role
                )
            );
        } else {
            model.roles[step.account] = roles | _bit(step.role);
        }
        vm.prank(founder);
        registry.grantRole(sovereignId, account, step.role);
    }

    function _revokeStep(RoleStep memory step, RoleModel memory model) private {
        address account = accounts[step.account];
        uint8 roles = model.roles[step.account];
        if (step.role == ISovereignRegistry.Role.Member) {
            vm.expectRevert(abi.encodeWithSelector(ISovereignRegistry.RegistryRoleNotGrantable.selector, step.role));
        } else if (roles & _bit(step.role) == 0) {
            vm.expectRevert(
                abi.encodeWithSelector(ISovereignRegistry.RegistryRoleNotHeld.selector, sovereignId, account, step.role)
            );
        } else {
            model.roles[step.account] = roles & ~_bit(step.role);
            if (step.role == ISovereignRegistry.Role.Agent) model.operators[step.account] = address(0);
        }
        vm.prank(founder);
        registry.revokeRole(sovereignId, account, step.role);
    }

    function _registerAgentStep(RoleStep memory step, RoleModel memory model) private {
        address agent = accounts[step.account];
        uint8 roles = model.roles[step.account];
        bool operatorIsMember = step.operator == FOUNDER || model.roles[step.operator] & MEMBER != 0;
        address operator = step.operator == FOUNDER ? founder : accounts[step.operator];
        if (agent == operator) {
            vm.expectRevert(
                abi.encodeWithSelector(ISovereignRegistry.RegistryAgentIsOwnOperator.selector, sovereignId, agent)
            );
        } else if (!operatorIsMember) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    ISovereignRegistry.RegistryAgentOperatorNotMember.selector,
                    sovereignId,
                    operator
                )
            );
        } else if (roles & AGENT != 0) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    ISovereignRegistry.RegistryRoleAlreadyGranted.selector,
                    sovereignId,
                    agent,
                    ISovereignRegistry.Role.Agent
                )
            );
        } else {
            model.roles[step.account] = roles | MEMBER | AGENT;
            model.operators[step.account] = operator;
        }
        vm.prank(founder);
        registry.registerAgent(sovereignId, agent, operator);
    }

    function _removeMemberStep(RoleStep memory step, RoleModel memory model) private {
        address account = accounts[step.account];
        if (model.roles[step.account] & MEMBER == 0) {
            vm.expectRevert(
                abi.encodeWithSelector(ISovereignRegistry.RegistryNotMember.selector, sovereignId, account)
            );
        } else {
            model.roles[step.account] = 0;
            model.operators[step.account] = address(0);
        }
        vm.prank(founder);
        registry.removeMember(sovereignId, account);
    }

    /* HELPERS: HANDLES */

    /// @dev Registers `handle` as a fresh founder, expecting success iff the model accepts it.
    function _checkHandle(bytes memory handle) private {
        string memory asString = string(handle);
        uint64 holder = registry.sovereignIdOf(asString);
        uint64 count = registry.sovereignCount();
        bool valid = _isValidHandle(handle);
        if (!valid) {
            vm.expectRevert(abi.encodeWithSelector(ISovereignRegistry.RegistryInvalidHandle.selector, asString));
        } else if (holder != 0) {
            vm.expectRevert(abi.encodeWithSelector(ISovereignRegistry.RegistryHandleTaken.selector, asString, holder));
        }
        vm.prank(_account("handle founder"));
        uint64 id = registry.register(asString, METADATA_URI, METADATA_HASH);

        if (valid && holder == 0) {
            assertEq(id, count + 1, "new sovereign id");
            assertEq(registry.sovereignIdOf(asString), id, "sovereignIdOf(handle)");
            assertEq(registry.getSovereign(id).handle, asString, "stored handle");
        } else {
            assertEq(registry.sovereignCount(), count, "no sovereign registered");
        }
    }

    /// @dev The rule, written per character class: 3 to 32 bytes, each a lowercase ASCII letter,
    /// an ASCII digit or a dash, and neither the first nor the last a dash.
    function _isValidHandle(bytes memory handle) private pure returns (bool) {
        if (handle.length < 3 || handle.length > 32) return false;
        if (handle[0] == "-" || handle[handle.length - 1] == "-") return false;
        for (uint256 i = 0; i < handle.length; ++i) {
            uint8 c = uint8(handle[i]);
            bool letter = c >= 0x61 && c <= 0x7a;
            bool digit = c >= 0x30 && c <= 0x39;
            if (!letter && !digit && c != 0x2d) return false;
        }
        return true;
    }

    /* HELPERS: RECOGNITION */

    /// @dev Sovereigns 2..4, each with its own founder (sovereign 1 comes from setUp).
    function _registerSovereigns() private {
        string[SOVEREIGNS + 1] memory handles = ["", "", "atlantis", "free-city-2", "coop-42"];
        for (uint64 id = 2; id <= SOVEREIGNS; ++id) {
            founders[id] = _account(string.concat("founder of ", handles[id]));
            vm.prank(founders[id]);
            assertEq(registry.register(handles[id], METADATA_URI, METADATA_HASH), id, "sovereign id");
        }
    }

    /// @dev Applies `step` as the sovereign's founder, expecting the error the model predicts,
    /// then checks every pair (the unknown id included) against the model, in both orders.
    function _applyRecognitionStep(RecognitionStep memory step, bool[UNKNOWN + 1][UNKNOWN + 1] memory model) private {
        uint64 a = step.sovereignId;
        uint64 b = step.otherId;
        if (step.kind == RECOGNIZE) {
            if (a == b) {
                vm.expectRevert(abi.encodeWithSelector(ISovereignRegistry.RegistrySelfRecognition.selector, a));
            } else if (b == UNKNOWN) {
                vm.expectRevert(abi.encodeWithSelector(ISovereignRegistry.RegistryUnknownSovereign.selector, b));
            } else if (model[a][b]) {
                vm.expectRevert(abi.encodeWithSelector(ISovereignRegistry.RegistryAlreadyRecognized.selector, a, b));
            } else {
                model[a][b] = true;
            }
            vm.prank(founders[a]);
            registry.recognize(a, b);
        } else {
            if (!model[a][b] && !model[b][a]) {
                vm.expectRevert(abi.encodeWithSelector(ISovereignRegistry.RegistryNotRecognized.selector, a, b));
            } else {
                model[a][b] = false;
                model[b][a] = false;
            }
            vm.prank(founders[a]);
            registry.revokeRecognition(a, b);
        }

        for (uint64 x = 1; x <= UNKNOWN; ++x) {
            assertTrue(!registry.isMutuallyRecognized(x, x), "no sovereign recognizes itself");
            for (uint64 y = x + 1; y <= UNKNOWN; ++y) {
                bool mutual = registry.isMutuallyRecognized(x, y);
                assertTrue(mutual == registry.isMutuallyRecognized(y, x), "isMutuallyRecognized is symmetric");
                assertTrue(mutual == (model[x][y] && model[y][x]), "isMutuallyRecognized vs model");
                assertTrue(registry.recognizes(x, y) == model[x][y], "recognizes(low, high) vs model");
                assertTrue(registry.recognizes(y, x) == model[y][x], "recognizes(high, low) vs model");
            }
        }
    }
}
