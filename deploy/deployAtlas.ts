/**
 * Deploys the whole Atlas OS stack (governance, the Sovereign Graph on EAS, the capital layer with
 * arbitration, wired and handed over to governance) through Ignition on a Hardhat network
 * connection, registers the EAS schemas, and returns typed (typechain) contract handles. Used by the tests and the benchmarks; `scripts/deploy.ts` runs the same
 * module and writes the address book.
 */
import type { NetworkConnection } from "hardhat/types/network";

import type { AtlasSchemaName } from "../sdk/src/graph/schemas.ts";
import {
  Arbitration__factory,
  BountyBoard__factory,
  ContributionLedger__factory,
  EAS__factory,
  MilestoneEscrow__factory,
  RevenueSplitFactory__factory,
  SchemaRegistry__factory,
  SovereignRegistry__factory,
  type Arbitration,
  type BountyBoard,
  type ContributionLedger,
  type EAS,
  type MilestoneEscrow,
  type RevenueSplitFactory,
  type SchemaRegistry,
  type SovereignRegistry,
} from "../types/ethers-contracts/index.js";
import { atlasModule, type AtlasConfig } from "./atlas.ts";
import { deployGovernanceHandles, type GovernanceDeployment } from "./deployGovernance.ts";
import { registerSchemas } from "./graph.ts";

/** The deployed stack. */
export interface AtlasDeployment extends GovernanceDeployment {
  readonly registry: SovereignRegistry;
  readonly ledger: ContributionLedger;
  readonly eas: EAS;
  readonly schemaRegistry: SchemaRegistry;
  /** EAS schema UIDs by name. */
  readonly schemas: Readonly<Record<AtlasSchemaName, string>>;
  /** BountyBoard (its ERC-1967 proxy), a funding module of the registry and a recorder of the ledger. */
  readonly bountyBoard: BountyBoard;
  /** MilestoneEscrow (its ERC-1967 proxy), a funding module, a recorder and an arbitrable. */
  readonly escrow: MilestoneEscrow;
  /** Arbitration (its ERC-1967 proxy). */
  readonly arbitration: Arbitration;
  readonly splitFactory: RevenueSplitFactory;
}

/** Deploys (or, with an Ignition journal, resumes) the stack for `config`. */
export async function deployAtlas(connection: NetworkConnection, config: AtlasConfig): Promise<AtlasDeployment> {
  const deployed = await connection.ignition.deploy(atlasModule(config));
  const [runner] = await connection.ethers.getSigners();
  const schemaRegistryAddress = await deployed.schemaRegistry.getAddress();
  const schemas = await registerSchemas(connection, schemaRegistryAddress);
  return {
    ...(await deployGovernanceHandles(deployed, runner)),
    registry: SovereignRegistry__factory.connect(await deployed.registry.getAddress(), runner),
    ledger: ContributionLedger__factory.connect(await deployed.ledger.getAddress(), runner),
    eas: EAS__factory.connect(await deployed.eas.getAddress(), runner),
    schemaRegistry: SchemaRegistry__factory.connect(schemaRegistryAddress, runner),
    schemas: schemas as Record<AtlasSchemaName, string>,
    bountyBoard: BountyBoard__factory.connect(await deployed.bountyBoard.getAddress(), runner),
    escrow: MilestoneEscrow__factory.connect(await deployed.escrow.getAddress(), runner),
    arbitration: Arbitration__factory.connect(await deployed.arbitration.getAddress(), runner),
    splitFactory: RevenueSplitFactory__factory.connect(await deployed.splitFactory.getAddress(), runner),
  };
}
