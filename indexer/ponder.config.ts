/**
 * Ponder configuration: one chain (ATLAS_CHAIN_ID over ATLAS_RPC_URL), the contracts of that
 * chain's address book (generated from the contract manifest, deploy/manifest.ts, into
 * contracts.generated.ts: every indexed contract, and every RevenueSplit the factory creates),
 * and the database: PGlite in ATLAS_INDEXER_DATA_DIR by default, PostgreSQL when DATABASE_URL is
 * set. See settings.ts for the variables and their defaults.
 */
import path from "node:path";

import { createConfig } from "ponder";

import { contracts } from "./contracts.generated.ts";
import { settings } from "./settings.ts";

export default createConfig({
  database:
    settings.databaseUrl === undefined
      ? { kind: "pglite", directory: path.join(settings.dataDir, "pglite") }
      : { kind: "postgres", connectionString: settings.databaseUrl },
  chains: {
    // Endpoints, polling and eth_getLogs range for a local node or a provider: rpcSettings.ts.
    chain: { id: settings.chainId, ...settings.rpc },
  },
  contracts: {
    ...contracts,
  },
});
