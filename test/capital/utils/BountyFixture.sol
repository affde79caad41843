// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";

import {BountyBoard} from "../../../contracts/capital/BountyBoard.sol";
import {ContributionLedger} from "../../../contracts/graph/ContributionLedger.sol";
import {SovereignRegistry} from "../../../contracts/graph/SovereignRegistry.sol";
import {GraphFixture} from "../../graph/utils/GraphFixture.sol";

/// @title BountyFixture
/// @notice The bounty board as production deploys and wires it: behind an ERC1967Proxy initialized
/// in the proxy's constructor, named a funding module of the registry and a recorder of the
/// ledger by governance. Shared by the board's invariant and reference-model suites.
abstract contract BountyFixture is GraphFixture {
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
}
