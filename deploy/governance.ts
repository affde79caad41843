/**
 * The governance layer's deployment: AtlasToken, TimelockController and AtlasGovernor, wired so
 * that no deployer privilege survives. One routine serves the tests, the main job and (through
 * Ignition's journal) resumable deployments to public networks.
 */
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { id, ZeroAddress, ZeroHash } from "ethers";

/** Timelock roles (OpenZeppelin TimelockController), as `keccak256(name)`. */
export const TIMELOCK_ROLES = {
  admin: ZeroHash,
  proposer: id("PROPOSER_ROLE"),
  canceller: id("CANCELLER_ROLE"),
  executor: id("EXECUTOR_ROLE"),
} as const;

/** One genesis allocation of the governance token. */
export interface GenesisAllocation {
  /** Receiving account. */
  readonly recipient: string;
  /** Amount in the token's smallest unit (18 decimals). */
  readonly amount: bigint;
}

/** Everything the governance layer is deployed with. Durations are in seconds (timestamp clock). */
export interface GovernanceConfig {
  readonly tokenName: string;
  readonly tokenSymbol: string;
  /** Tokens minted to the timelock, which holds the treasury. May be 0. */
  readonly treasuryAllocation: bigint;
  /** Tokens minted to other accounts at genesis. */
  readonly genesis: readonly GenesisAllocation[];
  /** Minimum delay between queueing and executing a proposal. */
  readonly timelockDelay: bigint;
  readonly votingDelay: bigint;
  readonly votingPeriod: bigint;
  /** Votes needed to propose, in the token's smallest unit. */
  readonly proposalThreshold: bigint;
  /** Quorum in percent of the supply at the proposal's snapshot. */
  readonly quorumPercent: bigint;
  /** Late-quorum protection: minimum voting time left once quorum is reached. */
  readonly voteExtension: bigint;
  /** Account that can cancel proposals; the zero address for none. */
  readonly proposalGuardian: string;
}

/** Seconds in a day, for configurations. */
export const DAY = 86_400n;

/**
 * The Ignition module for a configuration. The timelock is deployed first so the token can mint
 * the treasury's share to it; the deployer is the timelock's temporary admin only long enough to
 * grant the governor its roles, then renounces. After this module: the governor is the only
 * proposer and canceller, anyone may execute, and the timelock administers itself.
 */
export function governanceModule(config: GovernanceConfig) {
  return buildModule("AtlasGovernance", (m) => {
    const deployer = m.getAccount(0);

    const timelock = m.contract("TimelockController", [config.timelockDelay, [], [ZeroAddress], deployer]);

    const recipients = [...config.genesis.map((a) => a.recipient)];
    const amounts = [...config.genesis.map((a) => a.amount)];
    const token = m.contract("AtlasToken", [
      config.tokenName,
      config.tokenSymbol,
      config.treasuryAllocation > 0n ? [timelock, ...recipients] : recipients,
      config.treasuryAllocation > 0n ? [config.treasuryAllocation, ...amounts] : amounts,
    ]);

    const governor = m.contract("AtlasGovernor", [
      {
        token,
        timelock,
        votingDelay: config.votingDelay,
        votingPeriod: config.votingPeriod,
        proposalThreshold: config.proposalThreshold,
        quorumNumerator: config.quorumPercent,
        voteExtension: config.voteExtension,
        proposalGuardian: config.proposalGuardian,
      },
    ]);

    const grantProposer = m.call(timelock, "grantRole", [TIMELOCK_ROLES.proposer, governor], {
      id: "grantProposerToGovernor",
    });
    const grantCanceller = m.call(timelock, "grantRole", [TIMELOCK_ROLES.canceller, governor], {
      id: "grantCancellerToGovernor",
    });
    m.call(timelock, "renounceRole", [TIMELOCK_ROLES.admin, deployer], {
      id: "renounceDeployerAdmin",
      after: [grantProposer, grantCanceller],
    });

    return { token, timelock, governor };
  });
}

/** One ATLAS in the token's smallest unit. */
export const ATLAS = 10n ** 18n;

/**
 * The configuration used on local chains: 1,000,000 ATLAS, 40% to the treasury, the rest to
 * `holders`; one-day voting delay, one-week vote, two-day timelock, 4% quorum, one-day late-quorum
 * extension, and a 1,000 ATLAS proposal threshold.
 */
export function localGovernanceConfig(holders: readonly string[], proposalGuardian: string): GovernanceConfig {
  const holderShare = (600_000n * ATLAS) / BigInt(holders.length);
  return {
    tokenName: "Atlas",
    tokenSymbol: "ATLAS",
    treasuryAllocation: 400_000n * ATLAS,
    genesis: holders.map((recipient) => ({ recipient, amount: holderShare })),
    timelockDelay: 2n * DAY,
    votingDelay: DAY,
    votingPeriod: 7n * DAY,
    proposalThreshold: 1_000n * ATLAS,
    quorumPercent: 4n,
    voteExtension: DAY,
    proposalGuardian,
  };
}
