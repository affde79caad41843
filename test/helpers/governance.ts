/**
 * Shared fixture and helpers for governance tests: one in-process chain per test process, the
 * governance layer deployed by the same routine the main job uses, and a proposal driver.
 */
import { network } from "hardhat";
import { Wallet, id, type BigNumberish, type BytesLike, type Signer } from "ethers";

import { deployGovernance } from "../../deploy/deployGovernance.ts";
import { BALLOT_TYPES, DELEGATION_TYPES } from "../../scripts/lib/eip712.ts";
import { ATLAS, localGovernanceConfig } from "../../deploy/governance.ts";
import type { AtlasGovernor } from "../../types/ethers-contracts/index.js";

export const connection = await network.create();
export const { ethers, networkHelpers } = connection;

/** Vote support values of GovernorCountingSimple. */
export const Support = { Against: 0, For: 1, Abstain: 2 } as const;

/** IGovernor.ProposalState, by name. */
export const ProposalState = {
  Pending: 0n,
  Active: 1n,
  Canceled: 2n,
  Defeated: 3n,
  Succeeded: 4n,
  Queued: 5n,
  Expired: 6n,
  Executed: 7n,
} as const;

/** A wallet key (not a node account) that signs votes and delegations off-chain. */
export const signerKey = id("atlas-os test voter");

export async function governanceFixture() {
  const [deployer, guardian, alice, bob, carol, dave, eve] = await ethers.getSigners();
  const config = localGovernanceConfig([alice.address, bob.address, carol.address, dave.address], guardian.address);
  const deployment = await deployGovernance(connection, config);
  const wallet = new Wallet(signerKey, ethers.provider);
  return { ...deployment, config, deployer, guardian, alice, bob, carol, dave, eve, wallet };
}

/** A proposal as the Governor identifies it: its calls and its description. */
export interface Proposal {
  readonly targets: string[];
  readonly values: bigint[];
  readonly calldatas: string[];
  readonly description: string;
}

export function proposal(
  calls: readonly { target: string; value?: bigint; data: BytesLike }[],
  description: string,
): Proposal {
  return {
    targets: calls.map((c) => c.target),
    values: calls.map((c) => c.value ?? 0n),
    calldatas: calls.map((c) => ethers.hexlify(c.data)),
    description,
  };
}

export function descriptionHash(p: Proposal): string {
  return id(p.description);
}

/** Submits `p` from `proposer` and returns its id. */
export async function propose(governor: AtlasGovernor, proposer: Signer, p: Proposal): Promise<bigint> {
  await governor.connect(proposer).propose(p.targets, p.values, p.calldatas, p.description);
  return governor.getProposalId(p.targets, p.values, p.calldatas, descriptionHash(p));
}

/** Moves the chain to the first second at which `proposalId` accepts votes. */
export async function startVoting(governor: AtlasGovernor, proposalId: bigint): Promise<void> {
  const snapshot = await governor.proposalSnapshot(proposalId);
  await networkHelpers.time.increaseTo(snapshot + 1n);
}

/** Moves the chain past the (possibly extended) voting deadline of `proposalId`. */
export async function endVoting(governor: AtlasGovernor, proposalId: bigint): Promise<void> {
  const deadline = await governor.proposalDeadline(proposalId);
  await networkHelpers.time.increaseTo(deadline + 1n);
}

/** Drives `p` from proposal to execution with `voters` voting For; returns the proposal id. */
export async function passAndExecute(
  governor: AtlasGovernor,
  proposer: Signer,
  voters: readonly Signer[],
  p: Proposal,
): Promise<bigint> {
  const proposalId = await propose(governor, proposer, p);
  await startVoting(governor, proposalId);
  for (const voter of voters) await governor.connect(voter).castVote(proposalId, Support.For);
  await endVoting(governor, proposalId);
  await governor.queue(p.targets, p.values, p.calldatas, descriptionHash(p));
  const eta = await governor.proposalEta(proposalId);
  await networkHelpers.time.increaseTo(eta);
  await governor.execute(p.targets, p.values, p.calldatas, descriptionHash(p));
  return proposalId;
}

/** EIP-712 signature of a Governor Ballot by `wallet`. */
export async function signBallot(
  governor: AtlasGovernor,
  wallet: Wallet,
  proposalId: bigint,
  support: number,
  nonce: BigNumberish,
): Promise<string> {
  const { chainId } = await ethers.provider.getNetwork();
  return wallet.signTypedData(
    {
      name: await governor.name(),
      version: await governor.version(),
      chainId,
      verifyingContract: await governor.getAddress(),
    },
    BALLOT_TYPES,
    { proposalId, support, voter: wallet.address, nonce },
  );
}

/** EIP-712 signature of an ERC-5805 Delegation by `wallet`, split for `delegateBySig`. */
export async function signDelegation(
  tokenAddress: string,
  tokenName: string,
  wallet: Wallet,
  delegatee: string,
  nonce: BigNumberish,
  expiry: BigNumberish,
) {
  const { chainId } = await ethers.provider.getNetwork();
  const signature = await wallet.signTypedData(
    { name: tokenName, version: "1", chainId, verifyingContract: tokenAddress },
    DELEGATION_TYPES,
    { delegatee, nonce, expiry },
  );
  return ethers.Signature.from(signature);
}

export { ATLAS };
