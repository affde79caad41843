/**
 * Shared fixture and helpers for revenue split tests: the factory that `deployAtlas` deploys, a
 * controlled split of three recipients, the hostile tokens and receivers, and the documented
 * address formula recomputed independently with ethers.
 */
import {
  concat,
  dataSlice,
  getAddress,
  getCreate2Address,
  keccak256,
  type AddressLike,
  type BaseContract,
  type ContractRunner,
  type ContractTransactionResponse,
} from "ethers";

import { ethers, graphFixture, networkHelpers } from "../../helpers/graph.ts";
import type { IRevenueSplit, RevenueSplit, RevenueSplitFactory } from "../../../types/ethers-contracts/index.js";

export { ethers, networkHelpers };

export type SplitConfig = IRevenueSplit.SplitConfigStruct;

export const TOTAL_ALLOCATION = 1_000_000n;
export const MAX_DISTRIBUTOR_FEE = 100_000n;
export const MAX_RECIPIENTS = 500n;
export const PUSH_GAS_LIMIT = 100_000n;
export const ETH = ethers.ZeroAddress;

const coder = ethers.AbiCoder.defaultAbiCoder();
const CONFIG_TUPLE = "tuple(address[] recipients,uint32[] allocations,uint32 distributorFee)";
/** OpenZeppelin Clones' EIP-1167 creation code, around the implementation address. */
const CLONE_PREFIX = "0x3d602d80600a3d3981f3363d3d373d3d3d363d73";
const CLONE_SUFFIX = "0x5af43d82803e903d91602b57fd5bf3";

/** `keccak256(abi.encode(config))`, as IRevenueSplit documents it. */
export function splitHashOf(config: SplitConfig): string {
  return keccak256(coder.encode([CONFIG_TUPLE], [[config.recipients, config.allocations, config.distributorFee]]));
}

/** The split address by IRevenueSplitFactory's formula, computed without the factory. */
export function predictedAddress(
  factory: string,
  implementation: string,
  config: SplitConfig,
  controller: string,
  salt: string,
): string {
  const createSalt = keccak256(
    coder.encode(["bytes32", "address", "bytes32"], [splitHashOf(config), controller, salt]),
  );
  const initCode = concat([CLONE_PREFIX, implementation, CLONE_SUFFIX]);
  return getCreate2Address(factory, createSalt, keccak256(initCode));
}

/** `addresses` sorted ascending, as a split requires. */
export function sorted(addresses: readonly string[]): string[] {
  return [...addresses].map((a) => getAddress(a)).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
}

/** A configuration of `recipients` (sorted here) with `allocations` in the order given. */
export function configOf(
  recipients: readonly string[],
  allocations: readonly bigint[],
  distributorFee = 0n,
): SplitConfig {
  const order = recipients.map((r, i) => ({ r: getAddress(r), a: allocations[i] }));
  order.sort((x, y) => (BigInt(x.r) < BigInt(y.r) ? -1 : 1));
  return { recipients: order.map((o) => o.r), allocations: order.map((o) => o.a), distributorFee };
}

/** `count` deterministic fresh addresses (not node accounts), sorted, with equal allocations (the last takes the rest). */
export function evenConfig(count: number, distributorFee = 0n, seed = "split"): SplitConfig {
  const recipients = sorted(Array.from({ length: count }, (_, i) => dataSlice(ethers.id(`${seed} ${i}`), 12)));
  const each = TOTAL_ALLOCATION / BigInt(count);
  const allocations = recipients.map((_, i) => (i === count - 1 ? TOTAL_ALLOCATION - each * BigInt(count - 1) : each));
  return { recipients, allocations, distributorFee };
}

/** A token of test/mocks/tokens or test/capital/splits/mocks (not typed by typechain). */
export interface TestToken extends BaseContract {
  connect(runner: ContractRunner | null): TestToken;
  mint(to: AddressLike, amount: bigint): Promise<ContractTransactionResponse>;
  balanceOf(account: AddressLike): Promise<bigint>;
  transfer(to: AddressLike, amount: bigint): Promise<ContractTransactionResponse>;
}

export interface BlocklistToken extends TestToken {
  setBlocked(account: AddressLike, blocked: boolean): Promise<ContractTransactionResponse>;
}

export interface RebasingToken extends TestToken {
  rebaseUp(holder: AddressLike, amount: bigint): Promise<ContractTransactionResponse>;
  rebaseDown(holder: AddressLike, amount: bigint): Promise<ContractTransactionResponse>;
}

export interface ReentrantReceiver extends BaseContract {
  arm(target: AddressLike, data: string): Promise<ContractTransactionResponse>;
  attempted(): Promise<boolean>;
  reentered(): Promise<boolean>;
}

export interface ToggleReceiver extends BaseContract {
  setRefusing(refusing: boolean): Promise<ContractTransactionResponse>;
}

export async function deployToggleReceiver(): Promise<ToggleReceiver> {
  return (await ethers.deployContract("ToggleReceiver")) as unknown as ToggleReceiver;
}

export async function deployToken<T extends BaseContract = TestToken>(name: string, ...args: unknown[]): Promise<T> {
  return (await ethers.deployContract(name, args)) as unknown as T;
}

/**
 * The stack's factory; a split of alice 50%, bob 30%, carol 20% with a 1% distributor fee and
 * `owner` as controller; an immutable split of alice and bob, 50% each, without fee; and a funded
 * MockToken.
 */
export async function splitFixture() {
  const { splitFactory: factory, signers } = await graphFixture();
  const [deployer, owner, alice, bob, carol, dave, keeper, stranger] = signers;
  const implementation = await factory.implementation();
  const token = await deployToken("MockToken");

  const config = configOf([alice.address, bob.address, carol.address], [500_000n, 300_000n, 200_000n], 10_000n);
  const split = await createSplit(factory, config, owner.address, ethers.id("controlled"));
  const fixedConfig = configOf([alice.address, bob.address], [500_000n, 500_000n]);
  const fixed = await createSplit(factory, fixedConfig, ethers.ZeroAddress, ethers.id("immutable"));
  await token.mint(deployer.address, 10n ** 30n);

  return {
    factory,
    implementation,
    token,
    split,
    config,
    fixed,
    fixedConfig,
    deployer,
    owner,
    alice,
    bob,
    carol,
    dave,
    keeper,
    stranger,
  };
}

/** Creates the split of `config` / `controller` / `salt` and returns it typed. */
export async function createSplit(
  factory: RevenueSplitFactory,
  config: SplitConfig,
  controller: string,
  salt: string,
): Promise<RevenueSplit> {
  const address = await factory.predictSplitAddress(config, controller, salt);
  await (await factory.createSplit(config, controller, salt)).wait();
  return ethers.getContractAt("RevenueSplit", address);
}

/** Sends `amount` wei from the first node account to `to` with a plain call. */
export async function sendEther(to: AddressLike, amount: bigint): Promise<void> {
  const [deployer] = await ethers.getSigners();
  await (await deployer.sendTransaction({ to: await ethers.resolveAddress(to), value: amount })).wait();
}
