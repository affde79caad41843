/**
 * The whole Atlas OS stack as one Ignition module. Each layer adds its module here (through
 * `m.useModule`), the governance calls that wire it to the hand-over's batch, and its contracts
 * to the address book (scripts/deploy.ts). The layer modules are never deployed alone: this root
 * module ends with the hand-over (deploy/governance.ts), which leaves no deployer privilege.
 */
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { capitalModule, capitalWiring, type CapitalConfig } from "./capital.ts";
import { governanceContractsModule, handOverToGovernance, type GovernanceConfig } from "./governance.ts";
import { graphModule, type GraphConfig } from "./graph.ts";

/** Everything the stack is deployed with. */
export interface AtlasConfig {
  readonly governance: GovernanceConfig;
  readonly graph: GraphConfig;
  readonly capital: CapitalConfig;
}

/**
 * Refuses a configuration where one account would both pause modules and cancel proposals: it
 * could freeze the stack and cancel every proposal that would unfreeze it or replace it.
 */
export function checkSeparateGuardians(config: AtlasConfig): void {
  const proposalGuardian = config.governance.proposalGuardian.toLowerCase();
  if (BigInt(proposalGuardian) === 0n) return;
  for (const [layer, guardian] of [
    ["graph", config.graph.guardian],
    ["capital", config.capital.guardian],
  ] as const) {
    if (guardian.toLowerCase() === proposalGuardian) {
      throw new Error(
        `The ${layer} layer's pause guardian is the governor's proposal guardian (${config.governance.proposalGuardian}): ` +
          "one key could pause every module and cancel the proposals that would unpause it. Name two different accounts.",
      );
    }
  }
}

export function atlasModule(config: AtlasConfig) {
  checkSeparateGuardians(config);
  return buildModule("Atlas", (m) => {
    const governance = governanceContractsModule(config.governance);
    const graph = graphModule(config.governance, config.graph);
    const capital = capitalModule(config.governance, config.graph, config.capital);
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
