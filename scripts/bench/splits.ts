/**
 * Gas benchmark of revenue split distributions against the target of at most 9,500 gas per extra
 * recipient for an ERC-20 whose recipients already hold the token, beside OpenZeppelin 4.9.6's
 * PaymentSplitter measured in the same run.
 *
 *   npx hardhat run scripts/bench/splits.ts
 *
 * One in-process chain, the stack deployed by `deployAtlas` (its RevenueSplitFactory). For 2, 10
 * and 50 recipients (equal allocations, 1% distributor fee, the keeper and every recipient
 * already holding the token, or some ETH), a split is created and funded, and one `distribute`
 * transaction is measured (receipt gas: 21,000 base and calldata included). The slope is the extra gas per extra recipient between 2 and 50. PaymentSplitter
 * (test/bench/PaymentSplitterV4.sol) is pull-based: every payee sends its own `release`
 * transaction, so its figure is the sum of those transactions and their average per payee.
 * 0xSplits v2 is quoted, not measured: about 9.4k gas per recipient pulling from its warehouse,
 * about 10.5k pushing (issue 7). It prints the figures and never fails on them.
 */
import hre from "hardhat";
import type { AddressLike, BaseContract, ContractRunner, ContractTransactionResponse } from "ethers";

import { deployAtlas } from "../../deploy/deployAtlas.ts";
import { localAtlasConfig } from "../../deploy/config.ts";

const TARGET_PER_RECIPIENT = 9_500n;
const SIZES = [2, 10, 50] as const;
const TOTAL_ALLOCATION = 1_000_000n;
const FEE = 10_000n;
/**
 * 10^24 + 1: after the 1% reward, 99 * 10^22 + 1 is shared, which leaves exactly 1 unit of dust
 * for 2, 10 and 50 equal recipients. A split emptied to zero would get a 4,800-gas storage refund
 * in some runs and not others, and skew the slope.
 */
const AMOUNT = 10n ** 24n + 1n;
const WEI = 10n ** 18n + 1n;

interface MintableToken extends BaseContract {
  mint(to: AddressLike, amount: bigint): Promise<ContractTransactionResponse>;
}
/** PaymentSplitterV4 (test/bench/, so typechain does not type it): the calls the benchmark makes. */
interface PaymentSplitter extends BaseContract {
  connect(runner: ContractRunner | null): PaymentSplitter;
  "release(address)"(account: AddressLike): Promise<ContractTransactionResponse>;
  "release(address,address)"(token: AddressLike, account: AddressLike): Promise<ContractTransactionResponse>;
}

const connection = await hre.network.create();
const { ethers, networkHelpers } = connection;
const signers = await ethers.getSigners();
const [deployer, keeper] = signers;
const { splitFactory: factory } = await deployAtlas(connection, localAtlasConfig(signers.map((s) => s.address)));
const token = (await ethers.deployContract("MockToken")) as unknown as MintableToken;

const gasOf = async (sent: Promise<ContractTransactionResponse>): Promise<bigint> =>
  (await (await sent).wait())!.gasUsed;

/** `count` fresh addresses, sorted, each holding 1 token unit and 1 wei already. */
async function recipients(count: number, label: string): Promise<string[]> {
  const addresses = Array.from({ length: count }, (_, i) =>
    ethers.getAddress(ethers.dataSlice(ethers.id(`${label} ${i}`), 12)),
  ).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  for (const account of addresses) {
    await (await token.mint(account, 1n)).wait();
    await networkHelpers.setBalance(account, 1n);
  }
  return addresses;
}

function evenAllocations(count: number): bigint[] {
  const each = TOTAL_ALLOCATION / BigInt(count);
  return Array.from({ length: count }, (_, i) => (i === 0 ? TOTAL_ALLOCATION - each * BigInt(count - 1) : each));
}

await (await token.mint(keeper.address, 1n)).wait();
const rows: { recipients: number; createSplit: bigint; erc20: bigint; eth: bigint; psErc20: bigint; psEth: bigint }[] =
  [];
for (const count of SIZES) {
  const payees = await recipients(count, `bench ${count}`);
  const config = { recipients: payees, allocations: evenAllocations(count), distributorFee: FEE };
  const salt = ethers.id(`bench ${count}`);
  const address = await factory.predictSplitAddress(config, ethers.ZeroAddress, salt);
  const createSplit = await gasOf(factory.createSplit(config, ethers.ZeroAddress, salt));
  const split = await ethers.getContractAt("RevenueSplit", address);

  await (await token.mint(address, AMOUNT)).wait();
  const erc20 = await gasOf(split.connect(keeper).distribute(token, config, ethers.ZeroAddress));
  await (await deployer.sendTransaction({ to: address, value: WEI })).wait();
  const eth = await gasOf(split.connect(keeper).distribute(ethers.ZeroAddress, config, ethers.ZeroAddress));

  const splitter = (await ethers.deployContract("PaymentSplitterV4", [
    payees,
    config.allocations,
  ])) as unknown as PaymentSplitter;
  await (await token.mint(splitter, AMOUNT)).wait();
  await (await deployer.sendTransaction({ to: splitter, value: WEI })).wait();
  let psErc20 = 0n;
  let psEth = 0n;
  for (const payee of payees) {
    psErc20 += await gasOf(splitter.connect(keeper)["release(address,address)"](token, payee));
    psEth += await gasOf(splitter.connect(keeper)["release(address)"](payee));
  }
  rows.push({ recipients: count, createSplit, erc20, eth, psErc20, psEth });
}

const slope = (pick: (row: (typeof rows)[number]) => bigint, from = 0, to = rows.length - 1) =>
  (pick(rows[to]) - pick(rows[from])) / BigInt(rows[to].recipients - rows[from].recipients);
const erc20Slope = slope((r) => r.erc20);
const ethSlope = slope((r) => r.eth);

console.log(
  `\nRevenueSplit.distribute gas (one transaction, recipients already holding; 1% distributor fee)\n` +
    `target: at most ${TARGET_PER_RECIPIENT} gas per extra recipient for an ERC-20\n`,
);
console.table(
  rows.map((r) => ({
    recipients: r.recipients,
    createSplit: Number(r.createSplit),
    "distribute ERC-20": Number(r.erc20),
    "distribute ETH": Number(r.eth),
    "PaymentSplitter v4 ERC-20 (all releases)": Number(r.psErc20),
    "  per payee": Number(r.psErc20 / BigInt(r.recipients)),
    "PaymentSplitter v4 ETH (all releases)": Number(r.psEth),
    "  per payee ": Number(r.psEth / BigInt(r.recipients)),
  })),
);
console.table([
  {
    "per extra recipient": "RevenueSplit ERC-20 (2 → 50)",
    gas: Number(erc20Slope),
    target: erc20Slope <= TARGET_PER_RECIPIENT ? "met" : `missed by ${erc20Slope - TARGET_PER_RECIPIENT}`,
  },
  { "per extra recipient": "RevenueSplit ERC-20 (2 → 10)", gas: Number(slope((r) => r.erc20, 0, 1)), target: "" },
  { "per extra recipient": "RevenueSplit ETH (2 → 50)", gas: Number(ethSlope), target: "" },
  {
    "per extra recipient": "PaymentSplitter v4 ERC-20, one release tx per payee",
    gas: Number(rows[rows.length - 1].psErc20 / BigInt(rows[rows.length - 1].recipients)),
    target: "",
  },
  { "per extra recipient": "0xSplits v2, pull (quoted)", gas: 9_400, target: "" },
  { "per extra recipient": "0xSplits v2, push (quoted)", gas: 10_500, target: "" },
]);
console.log(
  "A PaymentSplitter release is a transaction of its own (21,000 base gas each) that also writes the payee's\n" +
    "released total; a split distribution pays everyone in one transaction and writes nothing per recipient\n" +
    "unless a payment fails. Per recipient it costs the token transfer (a warm token call, the recipient's\n" +
    "balance slot: 2,100 cold + 2,900 update, the Transfer log), about 520 gas of calldata for the\n" +
    "configuration, and the share arithmetic.",
);
