// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Attestation} from "@ethereum-attestation-service/eas-contracts/contracts/Common.sol";
import {IEAS} from "@ethereum-attestation-service/eas-contracts/contracts/IEAS.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";

import {IMilestoneEscrow} from "../../../contracts/capital/IMilestoneEscrow.sol";
import {MilestoneEscrow} from "../../../contracts/capital/MilestoneEscrow.sol";
import {ContributionLedger} from "../../../contracts/graph/ContributionLedger.sol";
import {IContributionLedger} from "../../../contracts/graph/IContributionLedger.sol";
import {ISovereignRegistry} from "../../../contracts/graph/ISovereignRegistry.sol";
import {SovereignRegistry} from "../../../contracts/graph/SovereignRegistry.sol";
import {Arbitration} from "../../../contracts/interstate/Arbitration.sol";
import {IArbitration} from "../../../contracts/interstate/IArbitration.sol";
import {MockEAS} from "../../graph/mocks/MockEAS.sol";
import {GraphFixture} from "../../graph/utils/GraphFixture.sol";
import {MockToken} from "../../mocks/tokens/WeirdTokens.sol";
import {Test} from "../../utils/Test.sol";

/// @title MilestoneEscrowHandler
/// @notice Drives the escrow and Arbitration at random: creates escrows (ETH or token, funded
/// now or later, lump and streaming milestones), funds, submits, approves (by the funder or a
/// verifier's attestation), releases optimistically, claims streams, reclaims after deadlines,
/// disputes, draws arbiters, rules, appeals, finalizes, withdraws credits, collects fees, changes
/// the fee and moves time. Every action checks its preconditions first and does nothing when they
/// do not hold, so no call reverts. The ghost ledger counts what came into the escrow and what
/// left it, per token.
contract MilestoneEscrowHandler is Test {
    uint64 public constant NORTH = 1;
    uint64 public constant SOUTH = 2;
    uint64 public constant WEST = 3;

    MilestoneEscrow public escrow;
    Arbitration public arbitration;
    MockEAS public eas;
    MockToken public token;
    address public governance;
    uint64 public missionId;
    address public verifier;
    address public arbiter;
    address public arbiter2;
    address[4] private _parties;

    /* GHOST LEDGER */

    mapping(address token => uint256 amount) public ghostFunded;
    mapping(address token => uint256 amount) public ghostPaidOut;
    uint256[] private _disputes;
    uint256 private _nonce;
    mapping(bytes32 action => uint256 count) public calls;

    constructor(
        MilestoneEscrow escrow_,
        Arbitration arbitration_,
        MockEAS eas_,
        MockToken token_,
        address governance_,
        uint64 missionId_,
        address[4] memory parties_,
        address[3] memory officials
    ) {
        escrow = escrow_;
        arbitration = arbitration_;
        eas = eas_;
        token = token_;
        governance = governance_;
        missionId = missionId_;
        _parties = parties_;
        verifier = officials[0];
        arbiter = officials[1];
        arbiter2 = officials[2];
        for (uint256 i = 0; i < 2; ++i) {
            vm.prank(parties_[i]);
            token_.approve(address(escrow_), type(uint256).max);
        }
    }

    /// @notice Funders are parties 0 and 1, contributors parties 2 and 3.
    function party(uint256 i) external view returns (address) {
        return _parties[i];
    }

    /* ACTIONS */

    function create(uint256 seed, uint256 count, bool fundNow, bool useEth, uint32 reviewWindow) external {
        count = bound(count, 1, 3);
        address funder = _parties[seed % 2];
        address tokenAddress = useEth ? address(0) : address(token);
        IMilestoneEscrow.MilestoneParams[] memory milestones = new IMilestoneEscrow.MilestoneParams[](count);
        uint256 total;
        for (uint256 i = 0; i < count; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            uint128 amount = uint128(bound(r, 1, 1e24));
            total += amount;
            if ((r >> 200) % 2 == 0) {
                uint40 deadline = uint40(block.timestamp + bound(r >> 100, 1 hours, 30 days));
                milestones[i] = IMilestoneEscrow.MilestoneParams(
                    amount,
                    IMilestoneEscrow.MilestoneKind.Lump,
                    deadline,
                    0,
                    0
                );
            } else {
                uint40 start = uint40(block.timestamp + bound(r >> 100, 0, 10 days));
                uint40 end = uint40(start + bound(r >> 150, 1 hours, 60 days));
                milestones[i] = IMilestoneEscrow.MilestoneParams(
                    amount,
                    IMilestoneEscrow.MilestoneKind.Streaming,
                    0,
                    start,
                    end
                );
            }
        }
        IMilestoneEscrow.EscrowParams memory params = IMilestoneEscrow.EscrowParams({
            missionId: missionId,
            funder: funder,
            contributor: _parties[2 + ((seed >> 1) % 2)],
            token: tokenAddress,
            verifier: verifier,
            arbiter: address(0),
            funderSovereign: NORTH,
            contributorSovereign: SOUTH,
            reviewWindow: uint32(bound(reviewWindow, 1 hours, 7 days)),
            fund: fundNow
        });
        uint256 value;
        if (fundNow) {
            value = _provide(funder, tokenAddress, total);
            ghostFunded[tokenAddress] += total;
        }
        vm.prank(funder);
        escrow.createEscrow{value: value}(params, milestones);
        ++calls["create"];
    }

    function fund(uint256 escrowSeed, uint256 indexSeed) external {
        (
            bool found,
            uint256 escrowId,
            uint256 index,
            IMilestoneEscrow.Escrow memory e,
            IMilestoneEscrow.Milestone memory m
        ) = _pick(escrowSeed, indexSeed);
        if (!found || m.state != IMilestoneEscrow.MilestoneState.Unfunded) return;
        if (m.kind == IMilestoneEscrow.MilestoneKind.Lump && block.timestamp > m.deadline) return;
        uint256 value = _provide(e.funder, e.token, m.amount);
        ghostFunded[e.token] += m.amount;
        vm.prank(e.funder);
        escrow.fundMilestone{value: value}(escrowId, index);
        ++calls["fund"];
    }

    function submit(uint256 escrowSeed, uint256 indexSeed) external {
        (
            bool found,
            uint256 escrowId,
            uint256 index,
            IMilestoneEscrow.Escrow memory e,
            IMilestoneEscrow.Milestone memory m
        ) = _pick(escrowSeed, indexSeed);
        if (!found || !_isLump(m) || m.state != IMilestoneEscrow.MilestoneState.Funded) return;
        if (block.timestamp > m.deadline) return;
        vm.prank(e.contributor);
        escrow.submitMilestone(escrowId, index, "ipfs://work", keccak256("work"));
        ++calls["submit"];
    }

    function approve(uint256 escrowSeed, uint256 indexSeed, bool byAttestation) external {
        (
            bool found,
            uint256 escrowId,
            uint256 index,
            IMilestoneEscrow.Escrow memory e,
            IMilestoneEscrow.Milestone memory m
        ) = _pick(escrowSeed, indexSeed);
        if (!found || !_isLump(m)) return;
        if (m.state != IMilestoneEscrow.MilestoneState.Funded && m.state != IMilestoneEscrow.MilestoneState.Submitted) {
            return;
        }
        uint256 before = _held(e.token);
        if (byAttestation) {
            bytes32 uid = _attest(escrowId, index, e.contributor);
            escrow.approveWithAttestation(escrowId, index, uid);
            ++calls["approveWithAttestation"];
        } else {
            vm.prank(e.funder);
            escrow.approveMilestone(escrowId, index);
            ++calls["approveMilestone"];
        }
        ghostPaidOut[e.token] += before - _held(e.token);
    }

    function releaseOptimistic(uint256 escrowSeed, uint256 indexSeed) external {
        (
            bool found,
            uint256 escrowId,
            uint256 index,
            IMilestoneEscrow.Escrow memory e,
            IMilestoneEscrow.Milestone memory m
        ) = _pick(escrowSeed, indexSeed);
        if (!found || m.state != IMilestoneEscrow.MilestoneState.Submitted) return;
        if (block.timestamp < uint256(m.submittedAt) + e.reviewWindow) return;
        uint256 before = _held(e.token);
        vm.prank(e.contributor);
        escrow.releaseOptimistic(escrowId, index);
        ghostPaidOut[e.token] += before - _held(e.token);
        ++calls["releaseOptimistic"];
    }

    function claim(uint256 escrowSeed, uint256 indexSeed) external {
        (
            bool found,
            uint256 escrowId,
            uint256 index,
            IMilestoneEscrow.Escrow memory e,
            IMilestoneEscrow.Milestone memory m
        ) = _pick(escrowSeed, indexSeed);
        if (!found || _isLump(m) || m.state != IMilestoneEscrow.MilestoneState.Funded) return;
        if (block.timestamp <= m.start || escrow.claimable(escrowId, index) == 0) return;
        uint256 before = _held(e.token);
        vm.prank(e.contributor);
        escrow.claim(escrowId, index);
        ghostPaidOut[e.token] += before - _held(e.token);
        ++calls["claim"];
    }

    function reclaim(uint256 escrowSeed, uint256 indexSeed) external {
        (
            bool found,
            uint256 escrowId,
            uint256 index,
            IMilestoneEscrow.Escrow memory e,
            IMilestoneEscrow.Milestone memory m
        ) = _pick(escrowSeed, indexSeed);
        if (!found || !_isLump(m) || m.state != IMilestoneEscrow.MilestoneState.Funded) return;
        if (block.timestamp <= m.deadline) return;
        uint256 before = _held(e.token);
        vm.prank(e.funder);
        escrow.reclaimMilestone(escrowId, index);
        ghostPaidOut[e.token] += before - _held(e.token);
        ++calls["reclaim"];
    }

    function dispute(uint256 escrowSeed, uint256 indexSeed, bool byFunder) external {
        (
            bool found,
            uint256 escrowId,
            uint256 index,
            IMilestoneEscrow.Escrow memory e,
            IMilestoneEscrow.Milestone memory m
        ) = _pick(escrowSeed, indexSeed);
        if (!found || m.state != IMilestoneEscrow.MilestoneState.Submitted) return;
        if (block.timestamp >= uint256(m.submittedAt) + e.reviewWindow) return;
        vm.prank(byFunder ? e.funder : e.contributor);
        uint256 disputeId = escrow.dispute(escrowId, index, "ipfs://claim", keccak256("claim"));
        arbitration.proposeArbiter(disputeId, arbiter, WEST);
        _disputes.push(disputeId);
        ++calls["dispute"];
    }

    function rule(uint256 disputeSeed, uint256 share) external {
        (bool found, uint256 disputeId, IArbitration.Dispute memory d) = _pickDispute(disputeSeed);
        if (!found || d.status == IArbitration.DisputeStatus.Finalized) return;
        IArbitration.Round memory round = arbitration.getRound(disputeId, d.round);
        if (round.arbiter == address(0) || round.ruled) return;
        if (d.round == 2 && block.timestamp > uint256(d.appealedAt) + arbitration.rulingPeriod()) return;
        vm.prank(round.arbiter);
        arbitration.rule(disputeId, bound(share, 0, 1e6));
        ++calls["rule"];
    }

    function appeal(uint256 disputeSeed, bool byClaimant) external {
        (bool found, uint256 disputeId, IArbitration.Dispute memory d) = _pickDispute(disputeSeed);
        if (!found || d.status != IArbitration.DisputeStatus.Open) return;
        IArbitration.Round memory first = arbitration.getRound(disputeId, 1);
        if (!first.ruled || block.timestamp > uint256(first.ruledAt) + arbitration.appealWindow()) return;
        vm.prank(byClaimant ? d.claimant : d.respondent);
        arbitration.appeal(disputeId);
        arbitration.proposeArbiter(disputeId, arbiter2, WEST);
        ++calls["appeal"];
    }

    function finalize(uint256 disputeSeed) external {
        (bool found, uint256 disputeId, IArbitration.Dispute memory d) = _pickDispute(disputeSeed);
        if (!found || d.status == IArbitration.DisputeStatus.Finalized) return;
        IArbitration.Round memory first = arbitration.getRound(disputeId, 1);
        bool ready;
        if (d.status == IArbitration.DisputeStatus.Open && first.ruled) {
            ready = block.timestamp > uint256(first.ruledAt) + arbitration.appealWindow();
        } else if (d.status == IArbitration.DisputeStatus.Open) {
            // Dismissal: no ruling within the ruling period after the arbiter's assignment.
            ready = block.timestamp > uint256(first.assignedAt) + arbitration.rulingPeriod();
        } else {
            ready =
                arbitration.getRound(disputeId, 2).ruled ||
                block.timestamp > uint256(d.appealedAt) + arbitration.rulingPeriod();
        }
        if (!ready) return;
        arbitration.finalize(disputeId);
        ++calls["finalize"];
    }

    function withdraw(uint256 partySeed, bool useEth) external {
        address account = _parties[partySeed % 4];
        address tokenAddress = useEth ? address(0) : address(token);
        uint256 amount = escrow.pendingWithdrawal(account, tokenAddress);
        if (amount == 0) return;
        vm.prank(account);
        escrow.withdraw(tokenAddress, account);
        ghostPaidOut[tokenAddress] += amount;
        ++calls["withdraw"];
    }

    function collectFees(bool useEth) external {
        address tokenAddress = useEth ? address(0) : address(token);
        uint256 amount = escrow.accruedFees(tokenAddress);
        if (amount == 0) return;
        escrow.collectFees(tokenAddress);
        ghostPaidOut[tokenAddress] += amount;
        ++calls["collectFees"];
    }

    function setProtocolFee(uint256 bps) external {
        vm.prank(governance);
        escrow.setProtocolFee(uint16(bound(bps, 0, 500)));
        ++calls["setProtocolFee"];
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 20 days));
        ++calls["warp"];
    }

    /* HELPERS */

    function _pick(
        uint256 escrowSeed,
        uint256 indexSeed
    )
        private
        view
        returns (
            bool found,
            uint256 escrowId,
            uint256 index,
            IMilestoneEscrow.Escrow memory e,
            IMilestoneEscrow.Milestone memory m
        )
    {
        uint256 count = escrow.escrowCount();
        if (count == 0) return (false, 0, 0, e, m);
        escrowId = bound(escrowSeed, 1, count);
        e = escrow.getEscrow(escrowId);
        index = bound(indexSeed, 0, e.milestoneCount - 1);
        m = escrow.getMilestone(escrowId, index);
        found = true;
    }

    function _pickDispute(
        uint256 seed
    ) private view returns (bool found, uint256 disputeId, IArbitration.Dispute memory d) {
        if (_disputes.length == 0) return (false, 0, d);
        disputeId = _disputes[seed % _disputes.length];
        d = arbitration.getDispute(disputeId);
        found = true;
    }

    function _isLump(IMilestoneEscrow.Milestone memory m) private pure returns (bool) {
        return m.kind == IMilestoneEscrow.MilestoneKind.Lump;
    }

    /// @dev Gives `funder` `amount` of `tokenAddress` to fund with; returns the ETH to send.
    function _provide(address funder, address tokenAddress, uint256 amount) private returns (uint256 value) {
        if (tokenAddress == address(0)) {
            vm.deal(funder, funder.balance + amount);
            return amount;
        }
        token.mint(funder, amount);
        return 0;
    }

    function _held(address tokenAddress) private view returns (uint256) {
        return tokenAddress == address(0) ? address(escrow).balance : token.balanceOf(address(escrow));
    }

    /// @dev A live, approving milestone verification by the verifier, stored in the MockEAS.
    function _attest(uint256 escrowId, uint256 index, address contributor) private returns (bytes32 uid) {
        uid = keccak256(abi.encode("verification", ++_nonce));
        eas.setAttestation(
            Attestation({
                uid: uid,
                schema: escrow.MILESTONE_VERIFICATION_SCHEMA(),
                time: uint64(block.timestamp),
                expirationTime: 0,
                revocationTime: 0,
                refUID: bytes32(0),
                recipient: contributor,
                attester: verifier,
                revocable: true,
                data: abi.encode(escrowId, index, true, "ipfs://check")
            })
        );
    }
}

/// @title MilestoneEscrowInvariantsTest
/// @notice Conservation of the escrow under random use: per token (ETH and an ERC-20), what the
/// escrow holds equals what it owes (the unreleased part of every funded, submitted or disputed
/// milestone, the credits waiting to be withdrawn and the protocol fees not collected) and equals
/// what the ghost ledger saw come in minus what it saw leave; nothing pays out more than was
/// funded; no milestone pays out more than its amount.
contract MilestoneEscrowInvariantsTest is GraphFixture {
    MilestoneEscrow private escrow;
    MockToken private token;
    MilestoneEscrowHandler private handler;

    function setUp() public {
        MockEAS eas = new MockEAS();
        address governance = _account("governance");
        address guardian = _account("guardian");
        SovereignRegistry registry = _deployRegistry(eas, governance, guardian);
        ContributionLedger ledger = _deployLedger(eas, registry, governance, guardian);
        Arbitration arbitration = _deployArbitration(registry, governance, guardian);
        escrow = _deployEscrow(registry, ledger, arbitration, eas, governance, guardian);
        vm.startPrank(governance);
        registry.setFundingModule(address(escrow), true);
        ledger.setRecorder(address(escrow), true);
        arbitration.setArbitrable(address(escrow), true);
        vm.stopPrank();

        (uint64 missionId, address arbiter, address arbiter2) = _populate(registry);
        token = new MockToken();
        address[4] memory parties = [
            _account("funder one"),
            _account("funder two"),
            _account("contributor one"),
            _account("contributor two")
        ];
        handler = new MilestoneEscrowHandler(
            escrow,
            arbitration,
            eas,
            token,
            governance,
            missionId,
            parties,
            [_account("verifier"), arbiter, arbiter2]
        );
        vm.label(address(handler), "handler");
        targetContract(address(handler));
    }

    /* INVARIANTS */

    function invariant_heldEqualsOwed() public view {
        _checkHeld(address(0), address(escrow).balance, "ETH");
        _checkHeld(address(token), token.balanceOf(address(escrow)), "token");
    }

    function invariant_paidNotAboveFunded() public view {
        for (uint256 t = 0; t < 2; ++t) {
            address tokenAddress = t == 0 ? address(0) : address(token);
            assertLe(handler.ghostPaidOut(tokenAddress), handler.ghostFunded(tokenAddress), "paid out vs funded");
        }
    }

    function invariant_milestonePaysAtMostItsAmount() public view {
        uint256 count = escrow.escrowCount();
        for (uint256 id = 1; id <= count; ++id) {
            uint256 milestones = escrow.getEscrow(id).milestoneCount;
            for (uint256 i = 0; i < milestones; ++i) {
                IMilestoneEscrow.Milestone memory m = escrow.getMilestone(id, i);
                assertLe(m.released, m.amount, "milestone paid vs its amount");
            }
        }
    }

    /* HELPERS */

    function _checkHeld(address tokenAddress, uint256 held, string memory label) private view {
        uint256 owed;
        uint256 count = escrow.escrowCount();
        for (uint256 id = 1; id <= count; ++id) {
            IMilestoneEscrow.Escrow memory e = escrow.getEscrow(id);
            if (e.token != tokenAddress) continue;
            for (uint256 i = 0; i < e.milestoneCount; ++i) {
                IMilestoneEscrow.Milestone memory m = escrow.getMilestone(id, i);
                if (
                    m.state == IMilestoneEscrow.MilestoneState.Funded ||
                    m.state == IMilestoneEscrow.MilestoneState.Submitted ||
                    m.state == IMilestoneEscrow.MilestoneState.Disputed
                ) owed += m.amount - m.released;
            }
        }
        for (uint256 p = 0; p < 4; ++p) owed += escrow.pendingWithdrawal(handler.party(p), tokenAddress);
        owed += escrow.accruedFees(tokenAddress);
        assertEq(held, owed, string.concat(label, ": held vs unreleased + credits + fees"));
        assertEq(
            held,
            handler.ghostFunded(tokenAddress) - handler.ghostPaidOut(tokenAddress),
            string.concat(label, ": held vs ghost funded - paid out")
        );
    }

    function _deployArbitration(
        SovereignRegistry registry,
        address governance,
        address guardian
    ) private returns (Arbitration) {
        Arbitration implementation = new Arbitration(ISovereignRegistry(address(registry)));
        ERC1967Proxy proxy = new ERC1967Proxy(
            address(implementation),
            abi.encodeCall(Arbitration.initialize, (governance, guardian, 3 days, 7 days, _fallbackArbiters()))
        );
        return Arbitration(address(proxy));
    }

    function _deployEscrow(
        SovereignRegistry registry,
        ContributionLedger ledger,
        Arbitration arbitration,
        MockEAS eas,
        address governance,
        address guardian
    ) private returns (MilestoneEscrow) {
        MilestoneEscrow implementation = new MilestoneEscrow(
            ISovereignRegistry(address(registry)),
            IContributionLedger(address(ledger)),
            IArbitration(address(arbitration)),
            IEAS(address(eas))
        );
        ERC1967Proxy proxy = new ERC1967Proxy(
            address(implementation),
            abi.encodeCall(MilestoneEscrow.initialize, (governance, guardian))
        );
        return MilestoneEscrow(address(proxy));
    }

    /// @dev North (the mission's and funders' sovereign), south (the contributors'), west
    /// (recognized by both, with two arbiters); mission 1 of north.
    function _populate(
        SovereignRegistry registry
    ) private returns (uint64 missionId, address arbiter, address arbiter2) {
        address northAdmin = _account("north admin");
        address southAdmin = _account("south admin");
        address westAdmin = _account("west admin");
        vm.prank(northAdmin);
        registry.register("north", METADATA_URI, METADATA_HASH);
        vm.prank(southAdmin);
        registry.register("south", METADATA_URI, METADATA_HASH);
        vm.prank(westAdmin);
        registry.register("west", METADATA_URI, METADATA_HASH);
        vm.startPrank(westAdmin);
        registry.recognize(3, 1);
        registry.recognize(3, 2);
        vm.stopPrank();
        vm.prank(northAdmin);
        registry.recognize(1, 3);
        vm.prank(southAdmin);
        registry.recognize(2, 3);

        arbiter = _account("arbiter");
        arbiter2 = _account("second arbiter");
        for (uint256 i = 0; i < 2; ++i) {
            address account = i == 0 ? arbiter : arbiter2;
            vm.prank(westAdmin);
            registry.invite(3, account);
            vm.prank(account);
            registry.acceptInvitation(3);
            vm.prank(westAdmin);
            registry.grantRole(3, account, ISovereignRegistry.Role.Arbiter);
        }
        vm.prank(northAdmin);
        missionId = registry.createMission(1, 0, METADATA_URI, METADATA_HASH);
    }
}

/// @dev Two fallback arbiters, as Arbitration requires.
function _fallbackArbiters() pure returns (address[] memory arbiters) {
    arbiters = new address[](2);
    arbiters[0] = address(0xFA11);
    arbiters[1] = address(0xFA12);
}
