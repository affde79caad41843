/**
 * The whole Atlas OS stack as one Ignition module. Each layer adds its module here (through
 * `m.useModule`) and its contracts to the address book (scripts/deploy.ts).
 */
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { governanceModule, type GovernanceConfig } from "./governance.ts";
import { graphModule, type GraphConfig } from "./graph.ts";

/** Everything the stack is deployed with. */
export interface AtlasConfig {
  readonly governance: GovernanceConfig;
  readonly graph: GraphConfig;
}

export function atlasModule(config: AtlasConfig) {
  return buildModule("Atlas", (m) => {
    const { token, timelock, governor } = m.useModule(governanceModule(config.governance));
    const { eas, schemaRegistry, registry, ledger } = m.useModule(graphModule(config.governance, config.graph));
    return { token, timelock, governor, eas, schemaRegistry, registry, ledger };
  });
}
