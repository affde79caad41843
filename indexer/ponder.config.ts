/**
 * Ponder configuration: one chain (ATLAS_CHAIN_ID over ATLAS_RPC_URL), the contracts of that
 * chain's address book (governor, token, SovereignRegistry, ContributionLedger, EAS, BountyBoard,
 * MilestoneEscrow, Arbitration, RevenueSplitFactory, and every RevenueSplit the factory creates),
 * and the database: PGlite in ATLAS_INDEXER_DATA_DIR by default, PostgreSQL when DATABASE_URL is
 * set. See settings.ts for the variables and their defaults.
 */
import path from "node:path";

import {
  arbitrationAbi,
  atlasGovernorAbi,
  atlasTokenAbi,
  bountyBoardAbi,
  contributionLedgerAbi,
  easAbi,
  milestoneEscrowAbi,
  revenueSplitAbi,
  revenueSplitFactoryAbi,
  sovereignRegistryAbi,
} from "@atlas-os/sdk";
import { createConfig, factory } from "ponder";
import { getAbiItem } from "viem";

import { atlasSchemas, book, settings } from "./settings.ts";

const atlasSchemaUids = Object.values(atlasSchemas);

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
    SovereignRegistry: {
      chain: "chain",
      abi: sovereignRegistryAbi,
      address: book.contracts.registry.address,
      startBlock: book.contracts.registry.blockNumber,
    },
    ContributionLedger: {
      chain: "chain",
      abi: contributionLedgerAbi,
      address: book.contracts.ledger.address,
      startBlock: book.contracts.ledger.blockNumber,
    },
    // EAS is shared with everyone (the canonical instance on public chains): fetch only the logs of
    // the Atlas schemas, filtered by the indexed schemaUID topic.
    EAS: {
      chain: "chain",
      abi: easAbi,
      address: book.contracts.eas.address,
      startBlock: book.contracts.eas.blockNumber,
      filter: [
        { event: "Attested", args: { schemaUID: atlasSchemaUids } },
        { event: "Revoked", args: { schemaUID: atlasSchemaUids } },
      ],
    },
    BountyBoard: {
      chain: "chain",
      abi: bountyBoardAbi,
      address: book.contracts.bountyBoard.address,
      startBlock: book.contracts.bountyBoard.blockNumber,
    },
    MilestoneEscrow: {
      chain: "chain",
      abi: milestoneEscrowAbi,
      address: book.contracts.escrow.address,
      startBlock: book.contracts.escrow.blockNumber,
    },
    Arbitration: {
      chain: "chain",
      abi: arbitrationAbi,
      address: book.contracts.arbitration.address,
      startBlock: book.contracts.arbitration.blockNumber,
    },
    RevenueSplitFactory: {
      chain: "chain",
      abi: revenueSplitFactoryAbi,
      address: book.contracts.splitFactory.address,
      startBlock: book.contracts.splitFactory.blockNumber,
    },
    // Every split the factory creates: the addresses come from its SplitCreated logs.
    RevenueSplit: {
      chain: "chain",
      abi: revenueSplitAbi,
      address: factory({
        address: book.contracts.splitFactory.address,
        event: getAbiItem({ abi: revenueSplitFactoryAbi, name: "SplitCreated" }),
        parameter: "split",
      }),
      startBlock: book.contracts.splitFactory.blockNumber,
    },
  },
});
