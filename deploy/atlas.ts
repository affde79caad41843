/**
 * The whole Atlas OS stack as one Ignition module. Each layer adds its module here (through
 * `m.useModule`), the governance calls that wire it to the hand-over's batch, and its contracts
 * to the address book (scripts/deploy.ts). The layer modules are never deployed alone: this root
 * module ends with the hand-over (deploy/governance.ts), which leaves no deployer privilege.
 */
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { capitalModule, capitalWiring, defaultCapitalConfig, type CapitalConfig } from "./capital.ts";
import { governanceContractsModule, handOverToGovernance, type GovernanceConfig } from "./governance.ts";
import { graphModule, type GraphConfig } from "./graph.ts";

/** Everything the stack is deployed with. */
export interface AtlasConfig {
  readonly governance: GovernanceConfig;
  readonly graph: GraphConfig;
  /** The capital layer; by default the graph's guardian and the default arbitration periods. */
  readonly capital?: CapitalConfig;
}

export function atlasModule(config: AtlasConfig) {
  return buildModule("Atlas", (m) => {
    const governance = governanceContractsModule(config.governance);
    const graph = graphModule(config.governance, config.graph);
    const capital = capitalModule(
      config.governance,
      config.graph,
      config.capital ?? defaultCapitalConfig(config.graph.guardian),
    );
    const { token, timelock, governor } = m.useModule(governance);
    const { eas, schemaRegistry, registry, ledger } = m.useModule(graph);
    const { bountyBoard, escrow, arbitration, splitFactory } = m.useModule(capital);

    handOverToGovernance(m, {
      timelock,
      delay: config.governance.timelockDelay,
      calls: capitalWiring(m, { registry, ledger, arbitration, escrow, bountyBoard }),
      after: [governance, graph, capital],
    });

    return {
      token,
      timelock,
      governor,
      eas,
      schemaRegistry,
      registry,
      ledger,
      bountyBoard,
      escrow,
      arbitration,
      splitFactory,
    };
  });
}
