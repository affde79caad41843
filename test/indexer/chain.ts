/**
 * A Hardhat node on a free port with Atlas OS deployed by `npm run deploy -- --network localhost`,
 * seen through viem and the SDK. `dispose()` stops the node and removes the deployment's files.
 */
import { rm } from "node:fs/promises";
import path from "node:path";

import { addressesOf, allLayers, createAtlasClient, type AddressBook, type AtlasClient } from "@atlas-os/sdk";
import { readAddressBook } from "@atlas-os/sdk/node";
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  getAddress,
  http,
  keccak256,
  toHex,
  type Account,
  type Address,
  type LocalAccount,
  type PublicClient,
  type TestClient,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";

import { freePort, runNpm, startHardhatNode, stopAll } from "../helpers/processes.ts";
import { tempDir } from "./harness.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

export const ATLAS = 10n ** 18n;

export interface DevAccounts {
  readonly deployer: Address;
  readonly guardian: Address;
  readonly alice: Address;
  readonly bob: Address;
  readonly carol: Address;
  readonly dave: Address;
  readonly eve: Address;
}

export interface DeployedChain {
  readonly url: string;
  readonly deploymentsDir: string;
  readonly book: AddressBook;
  readonly publicClient: PublicClient;
  readonly testClient: TestClient<"hardhat">;
  readonly accounts: DevAccounts;
  /** A viem local account (its key never reaches the node) that signs ballots and delegations. */
  readonly voter: LocalAccount;
  /** A read-only Atlas client. */
  readonly reader: AtlasClient;
  /** An Atlas client whose wallet is `account`. */
  as(account: Address | Account): AtlasClient;
  /** Moves the chain's clock to `timestamp` and mines a block there. */
  increaseTo(timestamp: bigint): Promise<void>;
  dispose(): Promise<void>;
}

/** Starts a node, deploys with the deploy command, and reads the address book it wrote. */
export async function deployChain(): Promise<DeployedChain> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const deploymentsDir = await tempDir("atlas-books-");
  const deploymentId = `atlas-31337-indexer-${process.pid}-${port}`;
  const dispose = async () => {
    await stopAll();
    await rm(path.join(ROOT, "ignition", "deployments", deploymentId), { recursive: true, force: true });
    await rm(deploymentsDir, { recursive: true, force: true });
  };
  try {
    await startHardhatNode(port);
    const deployed = await runNpm(["run", "deploy", "--", "--network", "localhost"], {
      ATLAS_LOCALHOST_URL: url,
      ATLAS_DEPLOYMENTS_DIR: deploymentsDir,
      ATLAS_DEPLOYMENT_ID: deploymentId,
    });
    if (deployed.code !== 0) throw new Error(`npm run deploy failed:\n${deployed.output}`);
  } catch (error) {
    await dispose();
    throw error;
  }
  const book = await readAddressBook(31337, deploymentsDir);
  const transport = http(url, { retryCount: 0 });
  const publicClient = createPublicClient({ chain: hardhat, transport, pollingInterval: 50 });
  const testClient = createTestClient({ chain: hardhat, mode: "hardhat", transport });
  const [deployer, guardian, alice, bob, carol, dave, eve] = (
    await createWalletClient({ chain: hardhat, transport }).getAddresses()
  ).map((a) => getAddress(a));
  const addresses = addressesOf(book);
  const as = (account: Address | Account) =>
    createAtlasClient({
      publicClient,
      walletClient: createWalletClient({ account, chain: hardhat, transport }),
      addresses,
      layers: allLayers,
    });
  return {
    url,
    deploymentsDir,
    book,
    publicClient,
    testClient,
    accounts: {
      deployer: deployer,
      guardian: guardian,
      alice: alice,
      bob: bob,
      carol: carol,
      dave: dave,
      eve: eve,
    },
    voter: privateKeyToAccount(keccak256(toHex("atlas-os indexer test voter"))),
    reader: createAtlasClient({ publicClient, addresses, layers: allLayers }),
    as,
    async increaseTo(timestamp) {
      await testClient.setNextBlockTimestamp({ timestamp });
      await testClient.mine({ blocks: 1 });
    },
    dispose,
  };
}
