/**
 * The Sovereign Graph's deployment: SovereignRegistry and ContributionLedger behind ERC-1967
 * proxies (UUPS, upgradeable only by the timelock), on EAS — deployed from its npm package on a
 * local chain, the canonical instance on public networks. EAS schemas are registered by
 * `registerSchemas` (idempotent: on a public network someone may have registered them already).
 * A layer module, composed into `atlasModule`, which hands the timelock over at the end.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { NetworkConnection } from "hardhat/types/network";

import { ATLAS_SCHEMAS, ATLAS_SCHEMA_NAMES, atlasSchemaUids } from "../sdk/src/graph/schemas.ts";
import { governanceContractsModule, type GovernanceConfig } from "./governance.ts";

/** Where EAS comes from: deployed with the stack, or an existing instance. */
export type EasSource =
  { readonly kind: "deploy" } | { readonly kind: "existing"; readonly eas: string; readonly schemaRegistry: string };

export interface GraphConfig {
  readonly eas: EasSource;
  /** May pause the registry and the ledger; the zero address for none. */
  readonly guardian: string;
}

/** The canonical EAS of `chainId`, read from the EAS npm package's deployment records, if any. */
export function canonicalEas(chainId: number): { eas: string; schemaRegistry: string } | undefined {
  const require = createRequire(import.meta.url);
  const root = path.join(
    path.dirname(require.resolve("@ethereum-attestation-service/eas-contracts/package.json")),
    "deployments",
  );
  for (const network of readdirSync(root)) {
    const dir = path.join(root, network);
    let id: string;
    try {
      id = readFileSync(path.join(dir, ".chainId"), "utf8").trim();
    } catch {
      continue;
    }
    if (Number(id) !== chainId) continue;
    const address = (file: string) =>
      (JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { address: string }).address;
    return { eas: address("EAS.json"), schemaRegistry: address("SchemaRegistry.json") };
  }
  return undefined;
}

export function graphModule(governance: GovernanceConfig, config: GraphConfig) {
  return buildModule("AtlasGraph", (m) => {
    const { timelock } = m.useModule(governanceContractsModule(governance));

    const schemaRegistry =
      config.eas.kind === "deploy"
        ? m.contract("SchemaRegistry", [])
        : m.contractAt("SchemaRegistry", config.eas.schemaRegistry);
    const eas =
      config.eas.kind === "deploy" ? m.contract("EAS", [schemaRegistry]) : m.contractAt("EAS", config.eas.eas);

    const registryImplementation = m.contract("SovereignRegistry", [eas], { id: "SovereignRegistryImplementation" });
    const registryProxy = m.contract(
      "ERC1967Proxy",
      [registryImplementation, m.encodeFunctionCall(registryImplementation, "initialize", [timelock, config.guardian])],
      { id: "SovereignRegistryProxy" },
    );
    const registry = m.contractAt("SovereignRegistry", registryProxy, { id: "SovereignRegistry" });

    const uids = atlasSchemaUids();
    const ledgerImplementation = m.contract("ContributionLedger", [eas], { id: "ContributionLedgerImplementation" });
    const ledgerProxy = m.contract(
      "ERC1967Proxy",
      [
        ledgerImplementation,
        m.encodeFunctionCall(ledgerImplementation, "initialize", [
          timelock,
          config.guardian,
          registry,
          uids.executionRecord,
          uids.executionVerification,
        ]),
      ],
      { id: "ContributionLedgerProxy" },
    );
    const ledger = m.contractAt("ContributionLedger", ledgerProxy, { id: "ContributionLedger" });

    return { eas, schemaRegistry, registry, ledger, registryImplementation, ledgerImplementation };
  });
}

/**
 * Registers every Atlas OS schema that `schemaRegistry` does not hold yet (no resolver,
 * revocable) and returns the UIDs by name. Running it again sends nothing.
 */
export async function registerSchemas(
  connection: NetworkConnection,
  schemaRegistry: string,
): Promise<Record<string, `0x${string}`>> {
  const registry = await connection.ethers.getContractAt("SchemaRegistry", schemaRegistry);
  const uids = atlasSchemaUids();
  for (const name of ATLAS_SCHEMA_NAMES) {
    const existing = await registry.getSchema(uids[name]);
    if (existing.uid !== uids[name]) {
      await (await registry.register(ATLAS_SCHEMAS[name], "0x0000000000000000000000000000000000000000", true)).wait();
    }
  }
  return uids;
}
