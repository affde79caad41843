/**
 * Ponder configuration: one chain (ATLAS_CHAIN_ID over ATLAS_RPC_URL), the governor and the token
 * of that chain's address book, and the database: PGlite in ATLAS_INDEXER_DATA_DIR by default,
 * PostgreSQL when DATABASE_URL is set. See settings.ts for the variables and their defaults.
 */
import path from "node:path";

import { atlasGovernorAbi, atlasTokenAbi, isLocalChain } from "@atlas-os/sdk";
import { createConfig } from "ponder";

import { book, settings } from "./settings.ts";

export default createConfig({
  database:
    settings.databaseUrl === undefined
      ? { kind: "pglite", directory: path.join(settings.dataDir, "pglite") }
      : { kind: "postgres", connectionString: settings.databaseUrl },
  chains: {
    // A local node mines on demand: poll often so the API follows it within a fraction of a second.
    chain: {
      id: settings.chainId,
      rpc: settings.rpcUrl,
      pollingInterval: isLocalChain(settings.chainId) ? 100 : 1_000,
    },
  },
  contracts: {
    AtlasGovernor: {
      chain: "chain",
      abi: atlasGovernorAbi,
      address: book.contracts.governor.address,
      startBlock: book.contracts.governor.blockNumber,
    },
    AtlasToken: {
      chain: "chain",
      abi: atlasTokenAbi,
      address: book.contracts.token.address,
      startBlock: book.contracts.token.blockNumber,
    },
  },
});
