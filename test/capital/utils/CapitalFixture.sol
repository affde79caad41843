// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEAS} from "@ethereum-attestation-service/eas-contracts/contracts/IEAS.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";

import {BountyBoard} from "../../../contracts/capital/BountyBoard.sol";
import {MilestoneEscrow} from "../../../contracts/capital/MilestoneEscrow.sol";
import {ContributionLedger} from "../../../contracts/graph/ContributionLedger.sol";
import {IContributionLedger} from "../../../contracts/graph/IContributionLedger.sol";
import {ISovereignRegistry} from "../../../contracts/graph/ISovereignRegistry.sol";
import {SovereignRegistry} from "../../../contracts/graph/SovereignRegistry.sol";
import {Arbitration} from "../../../contracts/interstate/Arbitration.sol";
import {IArbitration} from "../../../contracts/interstate/IArbitration.sol";
import {MockEAS} from "../../graph/mocks/MockEAS.sol";
import {GraphFixture} from "../../graph/utils/GraphFixture.sol";

/// @title CapitalFixture
/// @notice The capital layer as production deploys and wires it (deploy/capital.ts), for the
/// Solidity suites, which cannot run the Ignition deployment: each module behind an ERC1967Proxy
/// initialized in the proxy's constructor, on a graph over a MockEAS; the board and the escrow
/// named funding modules of the registry and recorders of the ledger, and the escrow an
/// arbitrable of Arbitration, by governance. Shared by the board's, the escrow's and
/// Arbitration's invariant and reference-model suites.
abstract contract CapitalFixture is GraphFixture {
    /// @dev The graph the capital modules stand on: a MockEAS, the registry and the ledger.
    function _deployGraph(
        address governance,
        address guardian
    ) internal returns (MockEAS eas, SovereignRegistry registry, ContributionLedger ledger) {
        eas = new MockEAS();
        registry = _deployRegistry(eas, governance, guardian);
        ledger = _deployLedger(eas, registry, governance, guardian);
    }

    /// @dev Sovereign "atlantis" registered by `manager`, and its mission, Open, managed by it.
    function _openMission(
        SovereignRegistry registry,
        address manager
    ) internal returns (uint64 sovereignId, uint64 missionId) {
        vm.startPrank(manager);
        sovereignId = registry.register("atlantis", METADATA_URI, METADATA_HASH);
        missionId = registry.createMission(sovereignId, 0, METADATA_URI, METADATA_HASH);
        registry.transitionMission(missionId, ISovereignRegistry.MissionStatus.Open);
        vm.stopPrank();
    }

    function _deployWiredBoard(
        SovereignRegistry registry,
        ContributionLedger ledger,
        address governance,
        address guardian
    ) internal returns (BountyBoard board) {
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
    }

    function _deployArbitration(
        SovereignRegistry registry,
        address governance,
        address guardian,
        uint32 appealWindow,
        uint32 rulingPeriod,
        address[] memory fallbackArbiters
    ) internal returns (Arbitration) {
        Arbitration implementation = new Arbitration(ISovereignRegistry(address(registry)));
        ERC1967Proxy proxy = new ERC1967Proxy(
            address(implementation),
            abi.encodeCall(Arbitration.initialize, (governance, guardian, appealWindow, rulingPeriod, fallbackArbiters))
        );
        return Arbitration(address(proxy));
    }

    function _deployWiredEscrow(
        MockEAS eas,
        SovereignRegistry registry,
        ContributionLedger ledger,
        Arbitration arbitration,
        address governance,
        address guardian
    ) internal returns (MilestoneEscrow escrow) {
        MilestoneEscrow implementation = new MilestoneEscrow(
            ISovereignRegistry(address(registry)),
            IContributionLedger(address(ledger)),
            IArbitration(address(arbitration)),
            IEAS(address(eas))
        );
        escrow = MilestoneEscrow(
            address(
                new ERC1967Proxy(
                    address(implementation),
                    abi.encodeCall(MilestoneEscrow.initialize, (governance, guardian))
                )
            )
        );
        vm.startPrank(governance);
        registry.setFundingModule(address(escrow), true);
        ledger.setRecorder(address(escrow), true);
        arbitration.setArbitrable(address(escrow), true);
        vm.stopPrank();
    }
}
