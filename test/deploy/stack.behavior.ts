/**
 * What a freshly deployed stack must satisfy, whoever deployed it (`deployAtlas` on the in-process
 * chain, `npm run deploy` against a node): the capital modules behind their proxies, initialized
 * with the timelock as governance and wired by it, Arbitration's fallback arbiters, one pauser
 * for every module that is never the governor's proposal guardian, and the timelock handed over
 * to governance with its configured delay and no deployer role left.
 */
import { expect } from "chai";
import { ZeroAddress, getAddress, type Interface, type Provider } from "ethers";

import { TIMELOCK_ROLES } from "../../deploy/governance.ts";
import {
  Arbitration__factory,
  AtlasGovernor__factory,
  AtlasModule__factory,
  BountyBoard__factory,
  ContributionLedger__factory,
  MilestoneEscrow__factory,
  RevenueSplitFactory__factory,
  SovereignRegistry__factory,
  TimelockController__factory,
} from "../../types/ethers-contracts/index.js";

/** ERC-1967's implementation slot: `keccak256("eip1967.proxy.implementation") - 1`. */
export const IMPLEMENTATION_SLOT = "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc";

/** The addresses of a deployed stack that the checks read. */
export interface StackAddresses {
  readonly timelock: string;
  readonly governor: string;
  readonly registry: string;
  readonly ledger: string;
  readonly bountyBoard: string;
  readonly escrow: string;
  readonly arbitration: string;
  readonly splitFactory: string;
}

/** What the stack was deployed with. */
export interface StackExpectations {
  readonly deployer: string;
  /** The pauser of every module (zero: none). */
  readonly guardian: string;
  /** The governor's proposal guardian (zero: none); never the pauser. */
  readonly proposalGuardian: string;
  /** Arbitration's fallback arbiters, all of them. */
  readonly fallbackArbiters: readonly string[];
  readonly timelockDelay: bigint;
  readonly appealWindow: bigint;
  readonly rulingPeriod: bigint;
  /** The implementations the deployment recorded for each capital proxy, when known (a journal). */
  readonly implementations?: { readonly bountyBoard: string; readonly escrow: string; readonly arbitration: string };
}

/**
 * The name of the custom error `call` reverts with, decoded by `iface`. Plain ethers rather than
 * the chai matchers: those are registered only with a Hardhat network connection, and the
 * end-to-end test talks to a node over HTTP. The revert data is the error's `data` both for
 * ethers' CALL_EXCEPTION (over HTTP) and for Hardhat's SolidityError (in process), and `data.data`
 * for the ProviderError Hardhat throws (in process) when it cannot map the reverting code to its
 * sources (a contract compiled with viaIR, as MilestoneEscrow is).
 */
export async function revertNameOf(call: Promise<unknown>, iface: Interface): Promise<string> {
  try {
    await call;
  } catch (error) {
    const outer = (error as { data?: unknown }).data;
    const data = typeof outer === "object" && outer !== null ? (outer as { data?: unknown }).data : outer;
    if (typeof data !== "string") throw error;
    return iface.parseError(data)?.name ?? `undecoded revert ${data}`;
  }
  return "no revert";
}

/** The implementation an ERC-1967 proxy delegates to. */
export async function implementationOf(provider: Provider, proxy: string): Promise<string> {
  const word = await provider.getStorage(proxy, IMPLEMENTATION_SLOT);
  return getAddress(`0x${word.slice(26)}`);
}

/** A pause's default longest duration without governance (AtlasModule.DEFAULT_MAX_PAUSE_DURATION). */
const DEFAULT_MAX_PAUSE_DURATION = 14n * 86_400n;

/**
 * Checks each capital proxy: its implementation (the recorded one when given; in any case a
 * contract whose own initializer is disabled), governance the timelock, the guardian, a bounded
 * pause never used, no second initialization, Arbitration's periods and fallback arbiters; and the
 * split factory's RevenueSplit implementation.
 */
export async function expectCapitalDeployed(
  provider: Provider,
  stack: StackAddresses,
  expected: StackExpectations,
): Promise<void> {
  const runner = provider;
  const board = BountyBoard__factory.connect(stack.bountyBoard, runner);
  const escrow = MilestoneEscrow__factory.connect(stack.escrow, runner);
  const arbitration = Arbitration__factory.connect(stack.arbitration, runner);

  for (const name of ["bountyBoard", "escrow", "arbitration"] as const) {
    const proxy = AtlasModule__factory.connect(stack[name], runner);
    const implementation = await implementationOf(provider, stack[name]);
    if (expected.implementations !== undefined) {
      expect(implementation, `${name} implementation`).to.equal(getAddress(expected.implementations[name]));
    }
    expect(await provider.getCode(implementation), `${name} implementation code`).to.not.equal("0x");
    expect(await proxy.governance(), `${name} governance`).to.equal(getAddress(stack.timelock));
    expect(await proxy.guardian(), `${name} guardian`).to.equal(getAddress(expected.guardian));
    expect(await proxy.paused(), `${name} paused`).to.equal(false);
    const pause = await proxy.pauseState();
    expect(
      [pause.pauseEndsAt, pause.guardianReadyAt, pause.maxPauseDuration, pause.pausedDuration],
      `${name} pause state`,
    ).to.deep.equal([0n, 0n, DEFAULT_MAX_PAUSE_DURATION, 0n]);
    // The implementation itself holds no state: its constructor disabled its initializers.
    const bare = AtlasModule__factory.connect(implementation, runner);
    expect(await bare.governance(), `${name} implementation governance`).to.equal(ZeroAddress);
  }

  // Initialized once: a second initialization reverts (the check runs before any argument is read).
  const deployer = expected.deployer;
  const reinitializations = [
    [board, () => board.initialize.staticCall(deployer, deployer, stack.registry, stack.ledger)],
    [escrow, () => escrow.initialize.staticCall(deployer, deployer)],
    [arbitration, () => arbitration.initialize.staticCall(deployer, deployer, 3_600n, 3_600n, [deployer, deployer])],
  ] as const;
  for (const [module, call] of reinitializations) {
    expect(await revertNameOf(call(), module.interface), `${await module.getAddress()} initialized again`).to.equal(
      "InvalidInitialization",
    );
  }

  expect(await arbitration.appealWindow(), "appeal window").to.equal(expected.appealWindow);
  expect(await arbitration.rulingPeriod(), "ruling period").to.equal(expected.rulingPeriod);
  expect(await arbitration.fallbackArbiterCount(), "fallback arbiter count").to.equal(
    BigInt(expected.fallbackArbiters.length),
  );
  for (const [i, account] of expected.fallbackArbiters.entries()) {
    expect(await arbitration.isFallbackArbiter(account), `fallback arbiter ${i}`).to.equal(true);
  }
  expect(await arbitration.isFallbackArbiter(deployer), "the deployer is no fallback arbiter").to.equal(false);

  const factory = RevenueSplitFactory__factory.connect(stack.splitFactory, runner);
  expect(await provider.getCode(await factory.implementation()), "RevenueSplit implementation code").to.not.equal("0x");
}

/**
 * Checks that one key cannot hold the protocol hostage: every module (the graph's and the capital
 * layer's) has the configured pauser as guardian, the governor the configured proposal guardian,
 * and the two are different accounts unless there is none.
 */
export async function expectSeparateGuardians(
  runner: Provider,
  stack: StackAddresses,
  expected: StackExpectations,
): Promise<void> {
  const governor = AtlasGovernor__factory.connect(stack.governor, runner);
  const proposalGuardian = await governor.proposalGuardian();
  expect(proposalGuardian, "proposal guardian").to.equal(getAddress(expected.proposalGuardian));
  for (const name of ["registry", "ledger", "bountyBoard", "escrow", "arbitration"] as const) {
    const guardian = await AtlasModule__factory.connect(stack[name], runner).guardian();
    expect(guardian, `${name} guardian`).to.equal(getAddress(expected.guardian));
    if (proposalGuardian !== ZeroAddress) {
      expect(guardian, `${name} is not paused by the proposal guardian`).to.not.equal(proposalGuardian);
    }
  }
}

/** Checks that governance named the board and the escrow funding modules and recorders, and the escrow an arbitrable. */
export async function expectCapitalWired(runner: Provider, stack: StackAddresses): Promise<void> {
  const registry = SovereignRegistry__factory.connect(stack.registry, runner);
  const ledger = ContributionLedger__factory.connect(stack.ledger, runner);
  const arbitration = Arbitration__factory.connect(stack.arbitration, runner);
  for (const [name, module] of [
    ["bountyBoard", stack.bountyBoard],
    ["escrow", stack.escrow],
  ] as const) {
    expect(await registry.isFundingModule(module), `${name} is a funding module`).to.equal(true);
    expect(await ledger.isRecorder(module), `${name} is a recorder`).to.equal(true);
  }
  expect(await arbitration.isArbitrable(stack.escrow), "escrow is an arbitrable").to.equal(true);
  expect(await arbitration.isArbitrable(stack.bountyBoard), "bounty board is an arbitrable").to.equal(false);
}

/**
 * Checks the hand-over: the configured delay, the governor the proposer and canceller, execution
 * open to anyone, the timelock its own admin, and no role left to the deployer.
 */
export async function expectHandedOver(
  runner: Provider,
  stack: StackAddresses,
  expected: StackExpectations,
): Promise<void> {
  const timelock = TimelockController__factory.connect(stack.timelock, runner);
  expect(await timelock.getMinDelay(), "timelock delay").to.equal(expected.timelockDelay);
  expect(await timelock.hasRole(TIMELOCK_ROLES.proposer, stack.governor), "governor proposes").to.equal(true);
  expect(await timelock.hasRole(TIMELOCK_ROLES.canceller, stack.governor), "governor cancels").to.equal(true);
  expect(await timelock.hasRole(TIMELOCK_ROLES.executor, ZeroAddress), "anyone executes").to.equal(true);
  expect(await timelock.hasRole(TIMELOCK_ROLES.admin, stack.timelock), "timelock administers itself").to.equal(true);
  for (const [name, role] of Object.entries(TIMELOCK_ROLES)) {
    expect(await timelock.hasRole(role, expected.deployer), `deployer ${name} role`).to.equal(false);
  }
  const governor = AtlasGovernor__factory.connect(stack.governor, runner);
  expect(await governor.timelock(), "governor's timelock").to.equal(getAddress(stack.timelock));
}
