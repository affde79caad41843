/**
 * The governance layer's deployment: AtlasToken, TimelockController and AtlasGovernor, wired so
 * that no deployer privilege survives. One routine serves the tests, the main job and (through
 * Ignition's journal) resumable deployments to public networks.
 *
 * How a deployment wires the layers through governance. The modules' setters (a registry's
 * funding modules, a ledger's recorders, arbitration's arbitrables) answer only to the timelock,
 * and the timelock has a multi-day delay. So the timelock is deployed with delay 0 and the
 * deployer as its temporary admin; the layer modules deploy their contracts; then the root module
 * (`governanceModule` for the governance layer alone, `atlasModule` for the stack) ends with
 * `handOverToGovernance`: the deployer grants itself the proposer role, schedules and executes
 * (delay 0) one batch holding every wiring call and, last, `timelock.updateDelay(timelockDelay)`,
 * then renounces its proposer and admin roles. Every wiring call is thus made by the timelock
 * itself, exactly as a governance proposal would make it, so the contracts need no deployer
 * role, no one-shot initializer for wiring and no other special path; and the deployer's window
 * is the one it always had (until it renounces, the timelock's admin can grant itself anything).
 * Afterwards: the delay is the configured one, the governor is the only proposer and canceller,
 * anyone may execute, the timelock administers itself, and the deployer holds no role.
 *
 * The alternatives were worse: a governance proposal after deployment leaves the stack unusable
 * for the voting delay, the vote and the timelock delay (and needs delegated votes); modules
 * initialized with the deployer as governance and handed to the timelock later would need a
 * governance-transfer path in every contract.
 *
 * Until the hand-over the timelock has no delay: an interrupted deployment is resumed at once
 * (run the deploy command again; Ignition's journal continues where it stopped). The hand-over
 * runs once per timelock: a layer added to a stack that is already deployed is wired by a
 * governance proposal, not by the deployment.
 */
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type {
  CallableContractFuture,
  ContractFuture,
  EncodeFunctionCallFuture,
  Future,
  IgnitionModule,
  IgnitionModuleBuilder,
} from "@nomicfoundation/ignition-core";
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
 * The governance contracts, for composing into a root module that ends with
 * `handOverToGovernance`: deployed alone it would leave the deployer the timelock's admin and
 * the timelock without delay. The timelock is deployed first so the token can mint the
 * treasury's share to it; the governor gets the proposer and canceller roles.
 */
export function governanceContractsModule(config: GovernanceConfig) {
  return buildModule("AtlasGovernanceContracts", (m) => {
    const deployer = m.getAccount(0);

    const timelock = m.contract("TimelockController", [0n, [], [ZeroAddress], deployer]);

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

    m.call(timelock, "grantRole", [TIMELOCK_ROLES.proposer, governor], { id: "grantProposerToGovernor" });
    m.call(timelock, "grantRole", [TIMELOCK_ROLES.canceller, governor], { id: "grantCancellerToGovernor" });

    return { token, timelock, governor };
  });
}

/**
 * The governance layer alone (what `deployGovernance` deploys): the contracts, handed over with
 * no wiring. After this module: the timelock's delay is `config.timelockDelay`, the governor is
 * the only proposer and canceller, anyone may execute, and the timelock administers itself.
 */
export function governanceModule(config: GovernanceConfig) {
  return buildModule("AtlasGovernance", (m) => {
    const contracts = governanceContractsModule(config);
    const { token, timelock, governor } = m.useModule(contracts);
    handOverToGovernance(m, { timelock, delay: config.timelockDelay, calls: [], after: [contracts] });
    return { token, timelock, governor };
  });
}

/** A call the timelock makes during the hand-over: `target.call(data)`. */
export interface GovernanceCall {
  readonly target: ContractFuture<string>;
  readonly data: EncodeFunctionCallFuture<string, string>;
}

/** The salt of the hand-over's timelock operation. */
export const HANDOVER_SALT = id("atlas-os: deployment hand-over to governance");

/**
 * Ends a root module: the timelock (deployed by `governanceContractsModule`, delay 0, the
 * deployer its admin) makes `calls` and then sets its delay to `delay`, in one operation the
 * deployer schedules and executes; the deployer then renounces its proposer and admin roles.
 * `after` names what must be deployed first (the modules whose contracts `calls` wire).
 */
export function handOverToGovernance(
  m: IgnitionModuleBuilder,
  handOver: {
    readonly timelock: CallableContractFuture<"TimelockController">;
    readonly delay: bigint;
    readonly calls: readonly GovernanceCall[];
    readonly after: readonly (Future | IgnitionModule)[];
  },
): void {
  const { timelock, delay, calls } = handOver;
  const deployer = m.getAccount(0);
  const targets = [...calls.map((c) => c.target), timelock];
  const values = targets.map(() => 0n);
  const payloads = [...calls.map((c) => c.data), m.encodeFunctionCall(timelock, "updateDelay", [delay])];

  const proposer = m.call(timelock, "grantRole", [TIMELOCK_ROLES.proposer, deployer], {
    id: "grantProposerToDeployer",
    after: [...handOver.after],
  });
  const scheduled = m.call(timelock, "scheduleBatch", [targets, values, payloads, ZeroHash, HANDOVER_SALT, 0n], {
    id: "scheduleHandOver",
    after: [proposer],
  });
  const executed = m.call(timelock, "executeBatch", [targets, values, payloads, ZeroHash, HANDOVER_SALT], {
    id: "executeHandOver",
    after: [scheduled],
  });
  const renounced = m.call(timelock, "renounceRole", [TIMELOCK_ROLES.proposer, deployer], {
    id: "renounceDeployerProposer",
    after: [executed],
  });
  m.call(timelock, "renounceRole", [TIMELOCK_ROLES.admin, deployer], {
    id: "renounceDeployerAdmin",
    after: [renounced],
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
