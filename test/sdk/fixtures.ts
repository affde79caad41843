/**
 * The whole Atlas OS stack (governance, EAS, the Sovereign Graph) deployed by the routine the
 * deploy command uses, viem clients over the Hardhat in-process chain, and an Atlas client per
 * account, for the SDK tests. Dev accounts sign as JSON-RPC accounts (the node holds their keys);
 * `voter` is a viem local account whose key never reaches the node.
 */
import { expect } from "chai";
import { Wallet } from "ethers";
import {
  createPublicClient,
  createWalletClient,
  custom,
  encodeFunctionData,
  getAddress,
  parseEther,
  type Account,
  type Address,
  type EIP1193RequestFn,
  type Hex,
  type LocalAccount,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";

import {
  allLayers,
  createAtlasClient,
  type AtlasAddresses,
  type AtlasClient,
  type ProposeParameters,
} from "../../sdk/src/index.ts";
import { atlasTokenAbi } from "../../sdk/src/abi/index.ts";
import { deployAtlas } from "../../deploy/deployAtlas.ts";
import { LOCAL_ACCOUNTS, localAtlasConfig } from "../../deploy/config.ts";
import { ATLAS, connection, ethers, signerKey } from "../helpers/governance.ts";

export { ATLAS };

/** EIP-1193 `request` of the in-process chain. */
export const chainRequest = connection.provider.request.bind(connection.provider) as EIP1193RequestFn;

/**
 * No retries: through an EIP-1193 transport viem wraps a revert (JSON-RPC code 3) as
 * UnknownRpcError, which it retries three times (about a second) before failing.
 */
export const publicClient = createPublicClient({
  chain: hardhat,
  transport: custom({ request: chainRequest }, { retryCount: 0 }),
});

/** The viem local account (key in the test, not in the node) that signs ballots and delegations. */
export const voter: LocalAccount = privateKeyToAccount(signerKey as Hex);

/** A wallet client for `account` over `request` (default: straight to the chain). */
export function walletClientOf(account: Address | Account, request: EIP1193RequestFn = chainRequest) {
  return createWalletClient({ account, chain: hardhat, transport: custom({ request }, { retryCount: 0 }) });
}

/**
 * The whole stack on the in-process chain, deployed with the local configuration
 * (`localAtlasConfig`): governance with alice, bob, carol and dave holding the genesis tokens,
 * `pauser` the guardian that pauses every module, `proposalGuardian` (another account, as every
 * configuration must have it) the governor's proposal guardian, `fallbackArbiters` Arbitration's
 * fallback arbiters; EAS deployed with it.
 */
export async function atlasFixture() {
  const signers = await ethers.getSigners();
  const [deployer, pauser, alice, bob, carol, dave, eve, frank, grace] = signers;
  const atlasConfig = localAtlasConfig(signers.map((signer) => signer.address));
  const at = (index: number) => {
    const signer = signers[index];
    if (signer === undefined) throw new Error(`The SDK tests need dev account ${index}.`);
    return signer;
  };
  const proposalGuardian = at(LOCAL_ACCOUNTS.proposalGuardian);
  const fallbackArbiters = LOCAL_ACCOUNTS.fallbackArbiters.map(at);
  const config = atlasConfig.governance;
  const deployment = await deployAtlas(connection, atlasConfig);
  const wallet = new Wallet(signerKey, ethers.provider);
  return {
    ...deployment,
    config,
    deployer,
    pauser,
    proposalGuardian,
    fallbackArbiters,
    alice,
    bob,
    carol,
    dave,
    eve,
    frank,
    grace,
    wallet,
  };
}

export type AtlasDeployment = Awaited<ReturnType<typeof atlasFixture>>;

type AccountName =
  "deployer" | "pauser" | "proposalGuardian" | "alice" | "bob" | "carol" | "dave" | "eve" | "frank" | "grace";

/** A fresh deployment seen through the SDK. */
export interface Testbed {
  readonly deployment: AtlasDeployment;
  readonly addresses: AtlasAddresses;
  readonly accounts: Readonly<Record<AccountName, Address>>;
  /** A read-only Atlas client. */
  readonly reader: AtlasClient;
  /** An Atlas client whose wallet is `account` (a dev account's address or a local account). */
  as(account: Address | Account): AtlasClient;
}

export async function testbed(deployment: AtlasDeployment): Promise<Testbed> {
  const address = async (contract: { getAddress(): Promise<string> }) => getAddress(await contract.getAddress());
  const addresses: AtlasAddresses = {
    governor: await address(deployment.governor),
    token: await address(deployment.token),
    timelock: await address(deployment.timelock),
    registry: await address(deployment.registry),
    ledger: await address(deployment.ledger),
    eas: await address(deployment.eas),
    schemaRegistry: await address(deployment.schemaRegistry),
    bountyBoard: await address(deployment.bountyBoard),
    escrow: await address(deployment.escrow),
    arbitration: await address(deployment.arbitration),
    splitFactory: await address(deployment.splitFactory),
  };
  const names: AccountName[] = [
    "deployer",
    "pauser",
    "proposalGuardian",
    "alice",
    "bob",
    "carol",
    "dave",
    "eve",
    "frank",
    "grace",
  ];
  const accounts = Object.fromEntries(names.map((name) => [name, getAddress(deployment[name].address)])) as Record<
    AccountName,
    Address
  >;
  return {
    deployment,
    addresses,
    accounts,
    reader: createAtlasClient({ publicClient, addresses, layers: allLayers }),
    as: (account) =>
      createAtlasClient({ publicClient, walletClient: walletClientOf(account), addresses, layers: allLayers }),
  };
}

/** Setup, not governance: dave gives the local voter 1 ETH and 30,000 ATLAS; the treasury gets 10 ETH. */
export async function fundAccounts(t: Testbed): Promise<void> {
  const dave = walletClientOf(t.accounts.dave);
  await publicClient.waitForTransactionReceipt({
    hash: await dave.sendTransaction({ to: voter.address, value: parseEther("1") }),
  });
  await publicClient.waitForTransactionReceipt({
    hash: await dave.writeContract({
      address: t.addresses.token,
      abi: atlasTokenAbi,
      functionName: "transfer",
      args: [voter.address, 30_000n * ATLAS],
    }),
  });
  const deployer = walletClientOf(t.accounts.deployer);
  await publicClient.waitForTransactionReceipt({
    hash: await deployer.sendTransaction({ to: t.addresses.timelock, value: parseEther("10") }),
  });
}

/** A proposal paying eve 10,000 ATLAS and 1 ETH from the treasury (the timelock). */
export function treasuryTransfer(t: Testbed, description: string): ProposeParameters {
  return {
    targets: [t.addresses.token, t.accounts.eve],
    values: [0n, parseEther("1")],
    calldatas: [
      encodeFunctionData({ abi: atlasTokenAbi, functionName: "transfer", args: [t.accounts.eve, 10_000n * ATLAS] }),
      "0x",
    ],
    description,
  };
}

/** Awaits `promise`, expects it to reject with an instance of `type`, and returns the error. */
export async function rejection<E extends Error>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  let error: unknown;
  try {
    await promise;
  } catch (caught) {
    error = caught;
  }
  expect(error, "the call should have failed").to.be.instanceOf(Error);
  expect(error, `${String(error)}`).to.be.instanceOf(type);
  return error as E;
}
