/**
 * The whole Atlas OS stack as one Ignition module. Each layer adds its module here (through
 * `m.useModule`) and its contracts to the address book (scripts/deploy.ts).
 */
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { governanceModule, type GovernanceConfig } from "./governance.ts";

/** Everything the stack is deployed with. */
export interface AtlasConfig {
  readonly governance: GovernanceConfig;
}

export function atlasModule(config: AtlasConfig) {
  return buildModule("Atlas", (m) => {
    const { token, timelock, governor } = m.useModule(governanceModule(config.governance));
    return { token, timelock, governor };
  });
}
