/**
 * The main job (README's first command). Today it deploys the governance layer to a local chain
 * with the same routine the tests use and prints what it deployed; later issues grow it into the
 * whole coordination loop (DESIGN.md).
 */
import { network } from "hardhat";

import { deployGovernance } from "../deploy/deployGovernance.ts";
import { ATLAS, TIMELOCK_ROLES, localGovernanceConfig } from "../deploy/governance.ts";

const connection = await network.create();
const { ethers } = connection;
const [deployer, guardian, ...holders] = await ethers.getSigners();
const { chainId } = await ethers.provider.getNetwork();

console.log(`Atlas OS: deploying the governance layer to ${connection.networkName} (chain ${chainId})`);
const config = localGovernanceConfig(
  holders.slice(0, 4).map((h) => h.address),
  guardian.address,
);
const { token, timelock, governor } = await deployGovernance(connection, config);

const days = (seconds: bigint) => `${Number(seconds) / 86_400} d`;
const leftover = await Promise.all(
  Object.values(TIMELOCK_ROLES).map((role) => timelock.hasRole(role, deployer.address)),
);
if (leftover.some(Boolean)) throw new Error("the deployer kept a timelock role");

console.log("\nContracts");
console.table({
  AtlasToken: { address: await token.getAddress() },
  TimelockController: { address: await timelock.getAddress() },
  AtlasGovernor: { address: await governor.getAddress() },
});
console.log("Parameters");
console.table({
  "total supply": `${(await token.totalSupply()) / ATLAS} ATLAS`,
  treasury: `${(await token.balanceOf(await timelock.getAddress())) / ATLAS} ATLAS (held by the timelock)`,
  "voting delay": days(await governor.votingDelay()),
  "voting period": days(await governor.votingPeriod()),
  "timelock delay": days(await timelock.getMinDelay()),
  quorum: `${await governor["quorumNumerator()"]()}% of supply`,
  "proposal threshold": `${(await governor.proposalThreshold()) / ATLAS} ATLAS`,
  "late-quorum extension": days(await governor.lateQuorumVoteExtension()),
  "proposal guardian": await governor.proposalGuardian(),
  "deployer privileges left": "none",
});
