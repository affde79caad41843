/**
 * Gas benchmark: AtlasGovernor against the OpenZeppelin Contracts Wizard's default Governor, and
 * the price of each extension AtlasGovernor adds to it.
 *
 *   npx hardhat run scripts/bench/governor.ts      (npm run bench:governor)
 *
 * On one in-process chain with a fixed genesis date, it deploys five governance layers, each with
 * its own AtlasToken (same genesis) and TimelockController (same delay, same role wiring):
 * AtlasGovernor through `deployGovernance`, and the four `test/bench/` references (the Wizard's
 * default Governor, plus GovernorPreventLateQuorum, plus GovernorProposalGuardian, plus both). The
 * same voters then run the same proposal on each: delegate, propose, twenty votes in three styles,
 * queue, execute. Gas comes from the receipts. Everything is deterministic (fixed keys, fixed
 * proposal, fixed genesis date, RFC 6979 signatures), so every run prints the same figures. It
 * prints and never fails on a figure: the +10% vote target is reported, not enforced.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

import hre from "hardhat";
import { Wallet, ZeroAddress, id, type ContractTransactionResponse, type Signer } from "ethers";

import { deployGovernance } from "../../deploy/deployGovernance.ts";
import { ATLAS, TIMELOCK_ROLES, localGovernanceConfig, type GovernanceConfig } from "../../deploy/governance.ts";
import {
  AtlasGovernor__factory,
  AtlasToken__factory,
  TimelockController__factory,
  type AtlasGovernor,
  type AtlasToken,
} from "../../types/ethers-contracts/index.js";
import { BALLOT_TYPES } from "../lib/eip712.ts";

/* SCENARIO */

/** Genesis date of the benchmark chain: block timestamps, hence every stored time, repeat. */
const GENESIS_DATE = new Date("2026-01-01T00:00:00Z");

/** Votes for the proposal (GovernorCountingSimple's `For`); every vote in the scenario is one. */
const FOR = 1;

/** The reason string of every castVoteWithReason. */
const REASON = "Funds the audit of the escrow layer.";

type VoteStyle = "castVote" | "castVoteWithReason" | "castVoteBySig";

/**
 * One row of the vote table: `count` votes of one style. A `small` voter holds 1,000 ATLAS; the
 * one `large` voter holds the rest of the holders' 600,000 ATLAS and also makes the proposal.
 */
interface VoteStep {
  readonly operation: string;
  readonly style: VoteStyle;
  readonly count: number;
  readonly holder: "small" | "large";
}

/** Votes of small holders: ten of them stay below the 4% quorum (40,000 ATLAS). */
const SMALL = 1_000n * ATLAS;

/**
 * The votes, in order. The first vote initialises the tally's storage and the quorum-crossing vote
 * is where GovernorPreventLateQuorum records the extended deadline: both get a row of their own, so
 * the medians of the other rows show the steady cost of a vote.
 */
const VOTE_STEPS: readonly VoteStep[] = [
  { operation: "castVote, first vote on the proposal", style: "castVote", count: 1, holder: "small" },
  { operation: "castVote, below quorum", style: "castVote", count: 3, holder: "small" },
  { operation: "castVoteWithReason, below quorum", style: "castVoteWithReason", count: 3, holder: "small" },
  { operation: "castVoteBySig, below quorum", style: "castVoteBySig", count: 3, holder: "small" },
  { operation: "castVote, reaches quorum", style: "castVote", count: 1, holder: "large" },
  { operation: "castVote, after quorum", style: "castVote", count: 3, holder: "small" },
  { operation: "castVoteWithReason, after quorum", style: "castVoteWithReason", count: 3, holder: "small" },
  { operation: "castVoteBySig, after quorum", style: "castVoteBySig", count: 3, holder: "small" },
];

/** Rows whose Atlas/Wizard ratio the +10% target applies to. */
const TARGET = 0.1;
const TARGET_STYLES: readonly VoteStyle[] = ["castVote", "castVoteBySig"];

/* CHAIN */

const connection = await hre.network.create({ override: { initialDate: GENESIS_DATE } });
const { ethers, networkHelpers } = connection;
const [deployer, guardian] = await ethers.getSigners();
const { chainId } = await ethers.provider.getNetwork();

/** Voters are fixed-key wallets, so addresses, signatures and calldata repeat on every run. */
const voterCount = VOTE_STEPS.reduce((sum, step) => sum + step.count, 0);
const voters = Array.from({ length: voterCount }, (_, i) => new Wallet(id(`bench voter ${i}`), ethers.provider));
const largeStep = VOTE_STEPS.findIndex((step) => step.holder === "large");
const largeHolder = voters[VOTE_STEPS.slice(0, largeStep).reduce((sum, step) => sum + step.count, 0)];
const grantee = new Wallet(id("bench grantee")).address;

/** The local configuration (4% quorum, 1-day delay, 1-week vote, 2-day timelock) with the bench holders. */
const config: GovernanceConfig = (() => {
  const base = localGovernanceConfig([deployer.address], guardian.address);
  const holdersSupply = base.genesis.reduce((sum, a) => sum + a.amount, 0n);
  const smallSupply = SMALL * BigInt(voterCount - 1);
  return {
    ...base,
    genesis: voters.map((voter) => ({
      recipient: voter.address,
      amount: voter === largeHolder ? holdersSupply - smallSupply : SMALL,
    })),
  };
})();

for (const voter of voters) await deployer.sendTransaction({ to: voter.address, value: ethers.parseEther("1") });

/* DEPLOYMENT */

/**
 * The IGovernor surface the scenario uses. Every variant implements it with the same selectors, so
 * AtlasGovernor's typechain binding drives the `test/bench/` references too (they have artifacts
 * but no typechain types).
 */
type BenchGovernor = Pick<
  AtlasGovernor,
  | "connect"
  | "getAddress"
  | "name"
  | "version"
  | "nonces"
  | "propose"
  | "castVote"
  | "castVoteWithReason"
  | "castVoteBySig"
  | "queue"
  | "execute"
  | "getProposalId"
  | "proposalSnapshot"
  | "proposalDeadline"
  | "proposalEta"
  | "state"
>;

interface Contender {
  readonly label: string;
  readonly token: AtlasToken;
  readonly governor: BenchGovernor;
  readonly deploymentGas: bigint;
  readonly runtimeBytes: number;
}

async function runtimeBytes(address: string): Promise<number> {
  return (await ethers.provider.getCode(address)).length / 2 - 1;
}

/** AtlasGovernor through the project's own deployment routine (Ignition). */
async function deployAtlas(): Promise<Contender> {
  const { token, governor } = await deployGovernance(connection, config);
  const address = await governor.getAddress();
  // Ignition hides its receipts; on this automining chain, find the governor's creation.
  let deploymentGas: bigint | undefined;
  for (let n = await ethers.provider.getBlockNumber(); deploymentGas === undefined && n > 0; n--) {
    const block = await ethers.provider.getBlock(n, true);
    for (const tx of block?.prefetchedTransactions ?? []) {
      const receipt = await ethers.provider.getTransactionReceipt(tx.hash);
      if (receipt?.contractAddress === address) deploymentGas = receipt.gasUsed;
    }
  }
  if (deploymentGas === undefined) throw new Error(`no creation transaction for AtlasGovernor at ${address}`);
  return { label: "AtlasGovernor", token, governor, deploymentGas, runtimeBytes: await runtimeBytes(address) };
}

type ReferenceName =
  "WizardGovernor" | "WizardGovernorLateQuorum" | "WizardGovernorGuardian" | "WizardGovernorLateQuorumGuardian";

/**
 * A `test/bench/` reference governor with its own token and timelock, wired as `governanceModule`
 * wires AtlasGovernor: same genesis, governor proposer and canceller, anyone executes, deployer
 * admin renounced.
 */
async function deployReference(label: string, name: ReferenceName): Promise<Contender> {
  const timelock = await new TimelockController__factory(deployer).deploy(
    config.timelockDelay,
    [],
    [ZeroAddress],
    deployer.address,
  );
  const timelockAddress = await timelock.getAddress();
  const token = await new AtlasToken__factory(deployer).deploy(
    config.tokenName,
    config.tokenSymbol,
    [timelockAddress, ...config.genesis.map((a) => a.recipient)],
    [config.treasuryAllocation, ...config.genesis.map((a) => a.amount)],
  );
  const settings = [config.votingDelay, config.votingPeriod, config.proposalThreshold, config.quorumPercent];
  const lateQuorum = name.includes("LateQuorum") ? [config.voteExtension] : [];
  const guardianArg = name.includes("Guardian") ? [config.proposalGuardian] : [];
  const deployed = await ethers.deployContract(name, [
    await token.getAddress(),
    timelockAddress,
    ...settings,
    ...lateQuorum,
    ...guardianArg,
  ]);
  const receipt = await deployed.deploymentTransaction()?.wait();
  if (!receipt) throw new Error(`no receipt for the ${name} deployment`);
  const address = await deployed.getAddress();

  await (await timelock.grantRole(TIMELOCK_ROLES.proposer, address)).wait();
  await (await timelock.grantRole(TIMELOCK_ROLES.canceller, address)).wait();
  await (await timelock.renounceRole(TIMELOCK_ROLES.admin, deployer.address)).wait();

  return {
    label,
    token,
    governor: AtlasGovernor__factory.connect(address, deployer),
    deploymentGas: receipt.gasUsed,
    runtimeBytes: await runtimeBytes(address),
  };
}

/* MEASUREMENT */

/** Gas of every measured transaction, by operation. */
type Measurements = Map<string, bigint[]>;

async function measure(into: Measurements, operation: string, sent: Promise<ContractTransactionResponse>) {
  const receipt = await (await sent).wait();
  if (!receipt) throw new Error(`no receipt for ${operation}`);
  into.set(operation, [...(into.get(operation) ?? []), receipt.gasUsed]);
}

async function signBallot(governor: BenchGovernor, voter: Wallet, proposalId: bigint): Promise<string> {
  return voter.signTypedData(
    {
      name: await governor.name(),
      version: await governor.version(),
      chainId,
      verifyingContract: await governor.getAddress(),
    },
    BALLOT_TYPES,
    { proposalId, support: FOR, voter: voter.address, nonce: await governor.nonces(voter.address) },
  );
}

async function vote(into: Measurements, step: VoteStep, governor: BenchGovernor, voter: Wallet, proposalId: bigint) {
  // castVoteBySig is relayed: the deployer pays, the voter only signs.
  const relayer: Signer = deployer;
  switch (step.style) {
    case "castVote":
      return measure(into, step.operation, governor.connect(voter).castVote(proposalId, FOR));
    case "castVoteWithReason":
      return measure(into, step.operation, governor.connect(voter).castVoteWithReason(proposalId, FOR, REASON));
    case "castVoteBySig": {
      const signature = await signBallot(governor, voter, proposalId);
      return measure(
        into,
        step.operation,
        governor.connect(relayer).castVoteBySig(proposalId, FOR, voter.address, signature),
      );
    }
  }
}

/** Runs the whole scenario on one contender and returns its gas by operation. */
async function runScenario({ token, governor }: Contender): Promise<Measurements> {
  const gas: Measurements = new Map();
  for (const voter of voters) await measure(gas, "delegate (token)", token.connect(voter).delegate(voter.address));

  // A treasury transfer: the timelock sends 10,000 ATLAS of its own to the grantee.
  const targets = [await token.getAddress()];
  const values = [0n];
  const calldatas = [token.interface.encodeFunctionData("transfer", [grantee, 10_000n * ATLAS])];
  const description = "Treasury: pay 10,000 ATLAS to the grantee for the escrow audit";
  const descriptionHash = id(description);

  await measure(gas, "propose", governor.connect(largeHolder).propose(targets, values, calldatas, description));
  const proposalId = await governor.getProposalId(targets, values, calldatas, descriptionHash);
  await networkHelpers.time.increaseTo((await governor.proposalSnapshot(proposalId)) + 1n);

  let next = 0;
  for (const step of VOTE_STEPS) {
    for (let i = 0; i < step.count; i++) await vote(gas, step, governor, voters[next++], proposalId);
  }

  await networkHelpers.time.increaseTo((await governor.proposalDeadline(proposalId)) + 1n);
  await measure(gas, "queue", governor.queue(targets, values, calldatas, descriptionHash));
  await networkHelpers.time.increaseTo(await governor.proposalEta(proposalId));
  await measure(gas, "execute", governor.execute(targets, values, calldatas, descriptionHash));

  const executed = 7n; // IGovernor.ProposalState.Executed
  const state = await governor.state(proposalId);
  if (state !== executed) throw new Error(`proposal ended in state ${state}, not Executed`);
  if ((await token.balanceOf(grantee)) !== 10_000n * ATLAS) throw new Error("the grantee was not paid");
  return gas;
}

/* REPORT */

/** Median of the samples (the lower one of the middle two for an even count). */
function median(samples: readonly bigint[]): bigint {
  const sorted = [...samples].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function figure(value: bigint | number): string {
  return value.toLocaleString("en-US");
}

function percent(value: bigint, base: bigint): string {
  const change = (Number(value) / Number(base) - 1) * 100;
  return `${change < 0 ? "-" : "+"}${Math.abs(change).toFixed(1)}%`;
}

function delta(value: bigint, base: bigint): string {
  const d = value - base;
  return `${d < 0n ? "-" : "+"}${figure(d < 0n ? -d : d)}`;
}

/** A Markdown table with padded columns; the first column left-aligned, the others right. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(" | ")} |`;
  const rule = `|${widths.map((w, c) => (c === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

function operationLabel(operation: string, samples: readonly bigint[]): string {
  return samples.length > 1 ? `${operation} (median of ${samples.length})` : operation;
}

/* RUN */

const atlas = await deployAtlas();
const wizard = await deployReference("OZ wizard Governor", "WizardGovernor");
const lateQuorum = await deployReference("+PreventLateQuorum", "WizardGovernorLateQuorum");
const proposalGuardian = await deployReference("+ProposalGuardian", "WizardGovernorGuardian");
const both = await deployReference("+both", "WizardGovernorLateQuorumGuardian");
const contenders = [atlas, wizard, lateQuorum, proposalGuardian, both];

const results = new Map<Contender, Measurements>();
for (const contender of contenders) results.set(contender, await runScenario(contender));
const gasOf = (contender: Contender, operation: string) => median(results.get(contender)!.get(operation)!);
const operations = [...results.get(atlas)!.keys()];

/** What the figures depend on: compiler settings, the chain's hardfork and OpenZeppelin's release. */
function setup(): string {
  const compiler = hre.config.solidity.profiles.default?.compilers[0];
  const settings = compiler?.settings as { optimizer?: { enabled?: boolean; runs?: number }; evmVersion?: string };
  const optimizer = settings.optimizer?.enabled ? `optimizer ${settings.optimizer.runs ?? 200} runs` : "no optimizer";
  const hardfork = connection.networkConfig.type === "edr-simulated" ? connection.networkConfig.hardfork : "unknown";
  const ozManifest = createRequire(import.meta.url).resolve("@openzeppelin/contracts/package.json");
  const oz = JSON.parse(readFileSync(ozManifest, "utf8")) as { version: string };
  return (
    `solc ${compiler?.version ?? "unknown"}, ${optimizer}, EVM ${settings.evmVersion ?? "default"}; ` +
    `chain hardfork ${hardfork}; OpenZeppelin Contracts ${oz.version}`
  );
}

console.log(
  `\nAtlasGovernor vs the OpenZeppelin Contracts Wizard's default Governor: gas used from receipts\n(${setup()})\n`,
);
console.log(
  table(
    ["operation", "AtlasGovernor gas", "OZ wizard Governor gas", "ratio"],
    [
      ...operations.map((op) => {
        const samples = results.get(atlas)!.get(op)!;
        return [
          operationLabel(op, samples),
          figure(gasOf(atlas, op)),
          figure(gasOf(wizard, op)),
          percent(gasOf(atlas, op), gasOf(wizard, op)),
        ];
      }),
      [
        "governor deployment",
        figure(atlas.deploymentGas),
        figure(wizard.deploymentGas),
        percent(atlas.deploymentGas, wizard.deploymentGas),
      ],
      [
        "governor runtime bytecode (bytes)",
        figure(atlas.runtimeBytes),
        figure(wizard.runtimeBytes),
        percent(BigInt(atlas.runtimeBytes), BigInt(wizard.runtimeBytes)),
      ],
    ],
  ),
);

console.log(`\nTarget: castVote and castVoteBySig within +${TARGET * 100}% of the wizard Governor`);
for (const op of operations.filter((o) => TARGET_STYLES.some((style) => o.startsWith(`${style},`)))) {
  const ratio = Number(gasOf(atlas, op)) / Number(gasOf(wizard, op)) - 1;
  console.log(
    `  ${op.padEnd(40)} ${percent(gasOf(atlas, op), gasOf(wizard, op)).padStart(7)}  ${ratio <= TARGET ? "within" : "OVER"}`,
  );
}

console.log(
  `\nWhat each extension costs: gas, and in brackets the difference from the wizard Governor.\n` +
    `"Atlas rules" is AtlasGovernor minus wizard+both: its zero-weight vote check and its gated late-quorum hook (and, off these paths, its cancel rule).\n`,
);
const withDelta = (contender: Contender, op: string) =>
  `${figure(gasOf(contender, op))} (${delta(gasOf(contender, op), gasOf(wizard, op))})`;
console.log(
  table(
    ["operation", "wizard", "+PreventLateQuorum", "+ProposalGuardian", "+both", "AtlasGovernor", "Atlas rules"],
    [
      ...operations
        .filter((op) => !op.startsWith("delegate"))
        .map((op) => [
          op,
          figure(gasOf(wizard, op)),
          withDelta(lateQuorum, op),
          withDelta(proposalGuardian, op),
          withDelta(both, op),
          withDelta(atlas, op),
          delta(gasOf(atlas, op), gasOf(both, op)),
        ]),
      ...(
        [
          ["governor deployment", (c: Contender) => BigInt(c.deploymentGas)],
          ["runtime bytecode (bytes)", (c: Contender) => BigInt(c.runtimeBytes)],
        ] as const
      ).map(([op, value]) => [
        op,
        figure(value(wizard)),
        ...[lateQuorum, proposalGuardian, both, atlas].map(
          (c) => `${figure(value(c))} (${delta(value(c), value(wizard))})`,
        ),
        delta(value(atlas), value(both)),
      ]),
    ],
  ),
);

await connection.close();
