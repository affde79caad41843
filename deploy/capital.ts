/**
 * The capital layer's deployment, with the interstate Arbitration it settles disputes through:
 * Arbitration, MilestoneEscrow and BountyBoard behind ERC-1967 proxies (UUPS, upgradeable only by
 * the timelock, each initialized in its proxy's constructor with the timelock as governance), and
 * the RevenueSplitFactory (immutable; it deploys its own RevenueSplit implementation).
 *
 * The contracts only work once governance has named the board and the escrow funding modules of
 * the registry and recorders of the ledger, and the escrow an arbitrable of Arbitration. Those
 * setters answer only to the timelock, so `capitalWiring` describes the calls and the root module
 * (`atlasModule`) has the timelock make them in its hand-over (`handOverToGovernance` in
 * deploy/governance.ts explains the mechanism): the timelock, still without delay while the
 * deployer is its admin, executes the wiring and then sets its configured delay, and the deployer
 * renounces every role. No contract needs a deployment-only path, and no deployer privilege
 * survives the deployment.
 */
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { CallableContractFuture, ContractFuture, IgnitionModuleBuilder } from "@nomicfoundation/ignition-core";

import { DAY, governanceContractsModule, type GovernanceCall, type GovernanceConfig } from "./governance.ts";
import { graphModule, type GraphConfig } from "./graph.ts";

/** Everything the capital layer is deployed with. Durations are in seconds. */
export interface CapitalConfig {
  /** May pause the bounty board, the escrow and arbitration; the zero address for none. */
  readonly guardian: string;
  /** How long after a first ruling a party may appeal (Arbitration: 1 hour to 90 days). */
  readonly appealWindow: bigint;
  /** How long an arbiter has to rule (Arbitration: 1 hour to 90 days). */
  readonly rulingPeriod: bigint;
  /**
   * Arbitration's fallback arbiters (at least two): drawable in every dispute whatever the parties'
   * sovereigns recognize, so that no party can empty the arbiter pool alone.
   */
  readonly fallbackArbiters: readonly string[];
}

/** Arbitration's periods unless configured otherwise: a 3-day appeal window, a 7-day ruling period. */
export const DEFAULT_ARBITRATION_PERIODS = { appealWindow: 3n * DAY, rulingPeriod: 7n * DAY } as const;

/** The capital configuration with the default arbitration periods, `guardian` and `fallbackArbiters`. */
export function defaultCapitalConfig(guardian: string, fallbackArbiters: readonly string[]): CapitalConfig {
  return { guardian, ...DEFAULT_ARBITRATION_PERIODS, fallbackArbiters };
}

export function capitalModule(governance: GovernanceConfig, graph: GraphConfig, config: CapitalConfig) {
  return buildModule("AtlasCapital", (m) => {
    const { timelock } = m.useModule(governanceContractsModule(governance));
    const { eas, registry, ledger } = m.useModule(graphModule(governance, graph));

    const arbitrationImplementation = m.contract("Arbitration", [registry], { id: "ArbitrationImplementation" });
    const arbitrationProxy = m.contract(
      "ERC1967Proxy",
      [
        arbitrationImplementation,
        m.encodeFunctionCall(arbitrationImplementation, "initialize", [
          timelock,
          config.guardian,
          config.appealWindow,
          config.rulingPeriod,
          [...config.fallbackArbiters],
        ]),
      ],
      { id: "ArbitrationProxy" },
    );
    const arbitration = m.contractAt("Arbitration", arbitrationProxy, { id: "Arbitration" });

    const escrowImplementation = m.contract("MilestoneEscrow", [registry, ledger, arbitration, eas], {
      id: "MilestoneEscrowImplementation",
    });
    const escrowProxy = m.contract(
      "ERC1967Proxy",
      [escrowImplementation, m.encodeFunctionCall(escrowImplementation, "initialize", [timelock, config.guardian])],
      { id: "MilestoneEscrowProxy" },
    );
    const escrow = m.contractAt("MilestoneEscrow", escrowProxy, { id: "MilestoneEscrow" });

    const bountyBoardImplementation = m.contract("BountyBoard", [], { id: "BountyBoardImplementation" });
    const bountyBoardProxy = m.contract(
      "ERC1967Proxy",
      [
        bountyBoardImplementation,
        m.encodeFunctionCall(bountyBoardImplementation, "initialize", [timelock, config.guardian, registry, ledger]),
      ],
      { id: "BountyBoardProxy" },
    );
    const bountyBoard = m.contractAt("BountyBoard", bountyBoardProxy, { id: "BountyBoard" });

    const splitFactory = m.contract("RevenueSplitFactory", []);

    return {
      arbitration,
      escrow,
      bountyBoard,
      splitFactory,
      arbitrationImplementation,
      escrowImplementation,
      bountyBoardImplementation,
    };
  });
}

/**
 * The governance calls that make the capital layer usable, for the root module's hand-over: the
 * bounty board and the escrow become funding modules of the registry and recorders of the
 * ledger, and the escrow an arbitrable of Arbitration.
 */
export function capitalWiring(
  m: IgnitionModuleBuilder,
  contracts: {
    readonly registry: CallableContractFuture<string>;
    readonly ledger: CallableContractFuture<string>;
    readonly arbitration: CallableContractFuture<string>;
    readonly escrow: ContractFuture<string>;
    readonly bountyBoard: ContractFuture<string>;
  },
): GovernanceCall[] {
  const { registry, ledger, arbitration, escrow, bountyBoard } = contracts;
  const call = (
    target: CallableContractFuture<string>,
    fn: string,
    args: [ContractFuture<string>, boolean],
    id: string,
  ) => ({ target, data: m.encodeFunctionCall(target, fn, args, { id }) }) satisfies GovernanceCall;
  return [
    call(registry, "setFundingModule", [bountyBoard, true], "wireBountyBoardFunding"),
    call(ledger, "setRecorder", [bountyBoard, true], "wireBountyBoardRecorder"),
    call(registry, "setFundingModule", [escrow, true], "wireEscrowFunding"),
    call(ledger, "setRecorder", [escrow, true], "wireEscrowRecorder"),
    call(arbitration, "setArbitrable", [escrow, true], "wireEscrowArbitrable"),
  ];
}
