/**
 * Fixture and helpers for the milestone escrow and Arbitration tests: the whole stack from
 * `graphFixture` (governance, real EAS, registry, ledger, schemas, and the escrow and Arbitration
 * that `deployAtlas` deploys and its hand-over wires: the escrow a funding module, a recorder and
 * an arbitrable), the timelock impersonated as `governance`, and a populated graph:
 * - sovereign 1 "north" (admin alice): the mission's and the funder's sovereign; `northArbiter`
 *   holds its Arbiter role;
 * - sovereign 2 "south" (admin bob): the contributor's sovereign;
 * - sovereign 3 "west" (admin carol), mutually recognized by north and south: `arbiter` and
 *   `arbiter2` hold its Arbiter role, `westMember` is a plain member;
 * - sovereign 4 "east" (admin dave), mutually recognized by north only: `eastArbiter` is its Arbiter;
 * - mission 1 of north, Open, managed by alice;
 * - a well-behaved token, `funder` holding 10^24 of it and having approved the escrow;
 * - Arbitration's fallback arbiters `fallbackArbiter` and `fallbackArbiter2` (dev accounts 18, 19).
 */
import { ZeroAddress, type BigNumberish, type ContractTransactionResponse, type Signer } from "ethers";

import { DEFAULT_ARBITRATION_PERIODS } from "../../../deploy/capital.ts";
import { LOCAL_ACCOUNTS } from "../../../deploy/config.ts";
import type { AtlasDeployment } from "../../../deploy/deployAtlas.ts";
import {
  MilestoneEscrow__factory,
  type IMilestoneEscrow,
  type MilestoneEscrow,
} from "../../../types/ethers-contracts/index.js";
import {
  MissionStatus,
  Role,
  attest,
  ethers,
  graphFixture,
  impersonate,
  metadata,
  networkHelpers,
} from "../../helpers/graph.ts";

export { ethers, networkHelpers };

/** Arbitration's periods in the local deployment (deploy/capital.ts), in seconds. */
export const { appealWindow: APPEAL_WINDOW, rulingPeriod: RULING_PERIOD } = DEFAULT_ARBITRATION_PERIODS;
export const DAY = 86_400n;
export const REVIEW_WINDOW = 3n * DAY;
export const MILESTONE_POINTS = 100n;
export const MILESTONE_KIND = ethers.encodeBytes32String("milestone");
export const NORTH = 1n;
export const SOUTH = 2n;
export const WEST = 3n;
export const EAST = 4n;
export const MISSION = 1n;

/** IMilestoneEscrow.MilestoneKind, by name. */
export const Kind = { Lump: 0, Streaming: 1 } as const;
/** IMilestoneEscrow.MilestoneState, by name. */
export const State = {
  Unfunded: 0n,
  Funded: 1n,
  Submitted: 2n,
  Released: 3n,
  Disputed: 4n,
  Resolved: 5n,
  Reclaimed: 6n,
  Cancelled: 7n,
} as const;
/** IMilestoneEscrow.ReleaseReason, by name. */
export const Reason = { Approved: 0n, Attested: 1n, Optimistic: 2n } as const;
/** IArbitration.DisputeStatus, by name. */
export const DisputeStatus = { None: 0n, Open: 1n, Appealed: 2n, Finalized: 3n } as const;

const coder = ethers.AbiCoder.defaultAbiCoder();

export async function escrowFixture() {
  const f = await graphFixture();
  const { registry, escrow, alice, bob, carol, dave, signers } = f;
  const [funder, contributor, verifier, arbiter, arbiter2, eastArbiter, northArbiter, westMember, stranger] =
    signers.slice(6, 15);
  const [fallbackArbiter, fallbackArbiter2] = LOCAL_ACCOUNTS.fallbackArbiters.map((index) => signers[index]);
  const governance = await impersonate(await f.timelock.getAddress());

  for (const [admin, handle] of [
    [alice, "north"],
    [bob, "south"],
    [carol, "west"],
    [dave, "east"],
  ] as const) {
    await registry.connect(admin).register(handle, metadata(handle).uri, metadata(handle).hash);
  }
  const join = async (admin: Signer, sovereignId: bigint, account: Signer, role?: number) => {
    await registry.connect(admin).invite(sovereignId, account);
    await registry.connect(account).acceptInvitation(sovereignId);
    if (role !== undefined) await registry.connect(admin).grantRole(sovereignId, account, role);
  };
  const recognize = async (a: Signer, aId: bigint, b: Signer, bId: bigint) => {
    await registry.connect(a).recognize(aId, bId);
    await registry.connect(b).recognize(bId, aId);
  };
  await recognize(carol, WEST, alice, NORTH);
  await recognize(carol, WEST, bob, SOUTH);
  await recognize(dave, EAST, alice, NORTH);

  await join(alice, NORTH, funder);
  await join(alice, NORTH, northArbiter, Role.Arbiter);
  await join(bob, SOUTH, contributor);
  await join(carol, WEST, arbiter, Role.Arbiter);
  await join(carol, WEST, arbiter2, Role.Arbiter);
  await join(carol, WEST, westMember);
  await join(dave, EAST, eastArbiter, Role.Arbiter);

  const mission = metadata("mission: river survey");
  await registry.connect(alice).createMission(NORTH, 0n, mission.uri, mission.hash);
  await registry.connect(alice).transitionMission(MISSION, MissionStatus.Open);

  const token = await ethers.deployContract("MockToken");
  await token.getFunction("mint")(funder.address, 10n ** 24n);
  await token.connect(funder).getFunction("approve")(await escrow.getAddress(), ethers.MaxUint256);

  return {
    ...f,
    governance,
    token,
    tokenAddress: await token.getAddress(),
    manager: alice,
    funder,
    contributor,
    verifier,
    arbiter,
    arbiter2,
    eastArbiter,
    northArbiter,
    westMember,
    stranger,
    fallbackArbiter,
    fallbackArbiter2,
  };
}

export type EscrowFixture = Awaited<ReturnType<typeof escrowFixture>>;

/**
 * A second MilestoneEscrow behind its own ERC-1967 proxy, beside the stack's, for the tests and
 * the benchmark whose subject is another escrow contract: on the stack's registry, Arbitration and
 * EAS, recording in `ledger` (the stack's unless given), governed by the timelock with the
 * stack's `guardian`, and named a funding module of the registry by `governance` (the
 * impersonated timelock). Neither a recorder nor an arbitrable: no test needs it to be.
 */
export async function deployAnotherEscrow(
  stack: Pick<AtlasDeployment, "registry" | "ledger" | "arbitration" | "eas" | "timelock">,
  governance: Signer,
  guardian: string,
  ledger: string | Promise<string> = stack.ledger.getAddress(),
): Promise<MilestoneEscrow> {
  const implementation = await ethers.deployContract("MilestoneEscrow", [
    await stack.registry.getAddress(),
    await ledger,
    await stack.arbitration.getAddress(),
    await stack.eas.getAddress(),
  ]);
  const proxy = await ethers.deployContract("ERC1967Proxy", [
    await implementation.getAddress(),
    MilestoneEscrow__factory.createInterface().encodeFunctionData("initialize", [
      await stack.timelock.getAddress(),
      guardian,
    ]),
  ]);
  const escrow = MilestoneEscrow__factory.connect(await proxy.getAddress(), governance);
  await (await stack.registry.connect(governance).setFundingModule(await escrow.getAddress(), true)).wait();
  return escrow;
}

/** The chain's latest block time. */
export async function now(): Promise<bigint> {
  return BigInt(await networkHelpers.time.latest());
}

/** A lump milestone. */
export function lump(amount: bigint, deadline: bigint): IMilestoneEscrow.MilestoneParamsStruct {
  return { amount, kind: Kind.Lump, deadline, start: 0n, end: 0n };
}

/** A streaming milestone. */
export function stream(amount: bigint, start: bigint, end: bigint): IMilestoneEscrow.MilestoneParamsStruct {
  return { amount, kind: Kind.Streaming, deadline: 0n, start, end };
}

/** Default escrow terms: mission 1, `funder` pays `contributor` in the fixture's token, verifier
 * named, no named arbiter, the parties' sovereigns north and south, a 3-day review, funded now. */
export function terms(
  f: EscrowFixture,
  overrides: Partial<IMilestoneEscrow.EscrowParamsStruct> = {},
): IMilestoneEscrow.EscrowParamsStruct {
  return {
    missionId: MISSION,
    funder: f.funder.address,
    contributor: f.contributor.address,
    token: f.tokenAddress,
    verifier: f.verifier.address,
    arbiter: ZeroAddress,
    funderSovereign: NORTH,
    contributorSovereign: SOUTH,
    reviewWindow: REVIEW_WINDOW,
    fund: true,
    ...overrides,
  };
}

/** Creates an escrow from `from` (default the funder) and returns its id and the transaction. */
export async function createEscrow(
  f: EscrowFixture,
  params: IMilestoneEscrow.EscrowParamsStruct,
  milestones: IMilestoneEscrow.MilestoneParamsStruct[],
  options: { from?: Signer; value?: BigNumberish } = {},
): Promise<{ escrowId: bigint; tx: ContractTransactionResponse }> {
  const tx = await f.escrow
    .connect(options.from ?? f.funder)
    .createEscrow(params, milestones, { value: options.value ?? 0n });
  await tx.wait();
  return { escrowId: await f.escrow.escrowCount(), tx };
}

/** Escrow 1: a funded lump milestone of 1,000 (deadline in 10 days) and a funded stream of 600
 * running from 1 day to 61 days from now; the contributor accepted its terms. */
export async function withEscrow() {
  const f = await networkHelpers.loadFixture(escrowFixture);
  const t = await now();
  const lumpDeadline = t + 10n * DAY;
  const streamStart = t + DAY;
  const streamEnd = t + 61n * DAY;
  const { escrowId } = await createEscrow(f, terms(f), [
    lump(1_000n, lumpDeadline),
    stream(600n, streamStart, streamEnd),
  ]);
  await (await f.escrow.connect(f.contributor).acceptEscrow(escrowId)).wait();
  return { ...f, escrowId, lumpDeadline, streamStart, streamEnd };
}

/** The chain id of the tests' in-process chain. */
export const CHAIN_ID = 31_337n;

/**
 * The milestone verification's data: the schema's fields, in order (chain id, escrow contract,
 * escrow id, milestone index, approval, evidence URI).
 */
export function verificationData(
  escrow: string,
  escrowId: bigint,
  index: bigint,
  approved: boolean,
  options: { evidenceURI?: string; chainId?: bigint } = {},
): string {
  return coder.encode(
    ["uint256", "address", "uint256", "uint256", "bool", "string"],
    [options.chainId ?? CHAIN_ID, escrow, escrowId, index, approved, options.evidenceURI ?? "ipfs://check"],
  );
}

/** An EAS milestone verification by `attester` (the verifier by default). */
export async function attestMilestone(
  f: EscrowFixture,
  escrowId: bigint,
  index: bigint,
  approved = true,
  options: { attester?: Signer; expirationTime?: bigint; schema?: string } = {},
): Promise<string> {
  return attest(
    f.eas,
    options.attester ?? f.verifier,
    options.schema ?? f.schemas.milestoneVerification,
    f.contributor.address,
    verificationData(await f.escrow.getAddress(), escrowId, index, approved),
    { expirationTime: options.expirationTime },
  );
}

/** Moves the chain to `time` (the next block is mined at it). */
export async function at(time: bigint): Promise<void> {
  await networkHelpers.time.setNextBlockTimestamp(time);
}
