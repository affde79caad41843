/**
 * Deploys the governance layer through Ignition on a Hardhat network connection and returns typed
 * (typechain) contract handles. Used by the tests, the main job and the benchmark.
 */
import type { ContractRunner } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import {
  AtlasGovernor__factory,
  AtlasToken__factory,
  TimelockController__factory,
  type AtlasGovernor,
  type AtlasToken,
  type TimelockController,
} from "../types/ethers-contracts/index.js";
import { governanceModule, type GovernanceConfig } from "./governance.ts";

/** The deployed governance layer. */
export interface GovernanceDeployment {
  readonly token: AtlasToken;
  readonly timelock: TimelockController;
  readonly governor: AtlasGovernor;
}

/** Deploys (or, with an Ignition journal, resumes) the governance layer for `config`. */
export async function deployGovernance(
  connection: NetworkConnection,
  config: GovernanceConfig,
): Promise<GovernanceDeployment> {
  const deployed = await connection.ignition.deploy(governanceModule(config));
  const [runner] = await connection.ethers.getSigners();
  return deployGovernanceHandles(deployed, runner);
}

/** Typed handles on the governance contracts of an Ignition result. */
export async function deployGovernanceHandles(
  deployed: Record<"token" | "timelock" | "governor", { getAddress(): Promise<string> }>,
  runner: ContractRunner,
): Promise<GovernanceDeployment> {
  return {
    token: AtlasToken__factory.connect(await deployed.token.getAddress(), runner),
    timelock: TimelockController__factory.connect(await deployed.timelock.getAddress(), runner),
    governor: AtlasGovernor__factory.connect(await deployed.governor.getAddress(), runner),
  };
}
