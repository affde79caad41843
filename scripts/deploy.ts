/**
 * `npm run deploy -- --network <name>`: deploys the Atlas OS stack with Ignition, writes the
 * address book `deployments/<chainId>.json`, and verifies the contracts when an explorer API key
 * is configured. The same command serves a local node and a public testnet; run again, it resumes
 * an interrupted deployment or, when everything is deployed, changes nothing.
 *
 * Environment (optional): ATLAS_DEPLOYMENTS_DIR (address books, default `deployments`),
 * ATLAS_DEPLOYMENT_ID (Ignition journal name, default `atlas-<chainId>`).
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

import hre, { network } from "hardhat";

import { isLocalChain } from "../sdk/src/chains.ts";
import type { AddressBook } from "../sdk/src/addressBook.ts";
import { writeAddressBook } from "../sdk/src/node/index.ts";
import { atlasModule } from "../deploy/atlas.ts";
import { atlasConfigFor } from "../deploy/config.ts";
import { registerSchemas } from "../deploy/graph.ts";

const connection = await network.create();
const { ethers } = connection;
const chainId = Number((await ethers.provider.getNetwork()).chainId);
const deploymentId = process.env.ATLAS_DEPLOYMENT_ID ?? `atlas-${chainId}`;
const journalDir = path.join(hre.config.paths.ignition, "deployments", deploymentId);

console.log(`Atlas OS: deploying to ${connection.networkName} (chain ${chainId}), deployment ${deploymentId}`);

// A local node restarted from scratch no longer has what the journal recorded: start over.
if (isLocalChain(chainId) && existsSync(path.join(journalDir, "deployed_addresses.json"))) {
  const recorded = Object.values(
    JSON.parse(readFileSync(path.join(journalDir, "deployed_addresses.json"), "utf8")) as Record<string, string>,
  );
  const codes = await Promise.all(recorded.map((address) => ethers.provider.getCode(address)));
  if (codes.some((code) => code === "0x")) {
    console.log("The local chain no longer holds the journal's contracts (a fresh node): deploying anew.");
    rmSync(journalDir, { recursive: true, force: true });
  }
}

const config = await atlasConfigFor(connection, chainId);
const {
  token,
  timelock,
  governor,
  eas,
  schemaRegistry,
  registry,
  ledger,
  bountyBoard,
  escrow,
  arbitration,
  splitFactory,
} = await connection.ignition.deploy(atlasModule(config), { deploymentId, displayUi: true });
const schemas = await registerSchemas(connection, await schemaRegistry.getAddress());
const registryLocation = await located(registry);
// An existing EAS (canonical on public networks) matters to Atlas OS from the registry's block on.
const existingEas = config.graph.eas.kind === "existing";

const book: AddressBook = {
  chainId,
  contracts: {
    governor: await located(governor),
    token: await located(token),
    timelock: await located(timelock),
    registry: registryLocation,
    ledger: await located(ledger),
    eas: existingEas
      ? { address: (await eas.getAddress()) as `0x${string}`, blockNumber: registryLocation.blockNumber }
      : await located(eas),
    schemaRegistry: existingEas
      ? { address: (await schemaRegistry.getAddress()) as `0x${string}`, blockNumber: registryLocation.blockNumber }
      : await located(schemaRegistry),
    bountyBoard: await located(bountyBoard),
    escrow: await located(escrow),
    arbitration: await located(arbitration),
    splitFactory: await located(splitFactory),
  },
  schemas,
};
const file = await writeAddressBook(book, process.env.ATLAS_DEPLOYMENTS_DIR ?? "deployments");
console.log(`Address book: ${file}`);
console.table(Object.fromEntries(Object.entries(book.contracts).map(([name, c]) => [name, c])));

await verifyAll();

/** The address of a deployed contract and the block of its deployment transaction. */
async function located(contract: { getAddress(): Promise<string> }) {
  const address = (await contract.getAddress()) as `0x${string}`;
  return { address, blockNumber: await deploymentBlock(address) };
}

/**
 * The block of `address`'s deployment: read from Ignition's journal (the confirmed deployment
 * transaction), so it is exact on any network without an archive node.
 */
async function deploymentBlock(address: string): Promise<number> {
  const journal = path.join(journalDir, "journal.jsonl");
  if (existsSync(journal)) {
    let block: number | undefined;
    for (const line of readFileSync(journal, "utf8").split("\n")) {
      if (line.trim() === "") continue;
      const entry = JSON.parse(line) as {
        type: string;
        receipt?: { blockNumber?: number; contractAddress?: string };
      };
      if (
        entry.type === "TRANSACTION_CONFIRM" &&
        entry.receipt?.contractAddress?.toLowerCase() === address.toLowerCase()
      ) {
        block = entry.receipt.blockNumber;
      }
    }
    if (block !== undefined) return block;
  }
  // In-process chains keep no journal: fall back to the earliest block holding the code.
  let low = 0;
  let high = await ethers.provider.getBlockNumber();
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if ((await ethers.provider.getCode(address, mid)) === "0x") low = mid + 1;
    else high = mid;
  }
  return low;
}

async function verifyAll(): Promise<void> {
  if (isLocalChain(chainId)) return;
  try {
    await hre.config.verify.etherscan.apiKey.get();
  } catch {
    console.log("Verification skipped: no ETHERSCAN_API_KEY configured (npx hardhat keystore set ETHERSCAN_API_KEY).");
    return;
  }
  // Ignition's own verification reads every contract's constructor arguments from the journal.
  await hre.tasks.getTask(["ignition", "verify"]).run({ deploymentId });
}
