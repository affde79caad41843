/**
 * Which configuration a network is deployed with: on a local chain, the dev accounts
 * (`localGovernanceConfig`, dev account 1 the guardian of every layer, the default arbitration
 * periods); elsewhere `deploy/config/<network>.json`, else `deploy/config/testnet.json`.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { getAddress, isAddress } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { isLocalChain } from "../sdk/src/chains.ts";
import type { AtlasConfig } from "./atlas.ts";
import { DEFAULT_ARBITRATION_PERIODS, defaultCapitalConfig, type CapitalConfig } from "./capital.ts";
import { localGovernanceConfig, type GovernanceConfig } from "./governance.ts";
import { canonicalEas, type GraphConfig } from "./graph.ts";

const CONFIG_DIR = path.join(import.meta.dirname, "config");

interface ConfigFile {
  tokenName: string;
  tokenSymbol: string;
  treasuryAllocation: string;
  genesis: { recipient: string; amount: string }[];
  timelockDelay: string;
  votingDelay: string;
  votingPeriod: string;
  proposalThreshold: string;
  quorumPercent: string;
  voteExtension: string;
  proposalGuardian: string;
  /** Optional: Arbitration's periods, `DEFAULT_ARBITRATION_PERIODS` when absent. */
  arbitrationAppealWindow?: string;
  arbitrationRulingPeriod?: string;
}

export async function atlasConfigFor(connection: NetworkConnection, chainId: number): Promise<AtlasConfig> {
  const signers = await connection.ethers.getSigners();
  if (isLocalChain(chainId)) {
    const [, guardian, ...holders] = signers;
    return {
      governance: localGovernanceConfig(
        holders.slice(0, 4).map((h) => h.address),
        guardian.address,
      ),
      graph: { eas: { kind: "deploy" }, guardian: guardian.address },
      capital: defaultCapitalConfig(guardian.address),
    };
  }
  const named = path.join(CONFIG_DIR, `${connection.networkName}.json`);
  const file = existsSync(named) ? named : path.join(CONFIG_DIR, "testnet.json");
  const { governance, capital } = parseConfigFile(file, signers[0].address);
  return {
    governance,
    graph: { eas: await easSourceFor(connection, chainId), guardian: governance.proposalGuardian },
    capital,
  };
}

/**
 * The canonical EAS of the chain when it is there; otherwise (a new chain, or a local node posing
 * as a public one) EAS deployed from its npm package, said in one line.
 */
async function easSourceFor(connection: NetworkConnection, chainId: number): Promise<GraphConfig["eas"]> {
  const canonical = canonicalEas(chainId);
  if (canonical !== undefined && (await connection.ethers.provider.getCode(canonical.eas)) !== "0x") {
    return { kind: "existing", ...canonical };
  }
  console.log(`No canonical EAS with code on chain ${chainId}: deploying EAS from its npm package.`);
  return { kind: "deploy" };
}

/** A network's configuration file; the guardian of every layer is the proposal guardian. */
function parseConfigFile(file: string, deployer: string): { governance: GovernanceConfig; capital: CapitalConfig } {
  const raw = JSON.parse(readFileSync(file, "utf8")) as ConfigFile;
  const account = (value: string, field: string) => {
    const resolved = value === "deployer" ? deployer : value;
    if (!isAddress(resolved)) throw new Error(`${file}: ${field} is not an address or "deployer"`);
    return getAddress(resolved);
  };
  const amount = (value: string, field: string) => {
    if (!/^\d+$/.test(value)) throw new Error(`${file}: ${field} must be a decimal integer string`);
    return BigInt(value);
  };
  const governance: GovernanceConfig = {
    tokenName: raw.tokenName,
    tokenSymbol: raw.tokenSymbol,
    treasuryAllocation: amount(raw.treasuryAllocation, "treasuryAllocation"),
    genesis: raw.genesis.map((g, i) => ({
      recipient: account(g.recipient, `genesis[${i}].recipient`),
      amount: amount(g.amount, `genesis[${i}].amount`),
    })),
    timelockDelay: amount(raw.timelockDelay, "timelockDelay"),
    votingDelay: amount(raw.votingDelay, "votingDelay"),
    votingPeriod: amount(raw.votingPeriod, "votingPeriod"),
    proposalThreshold: amount(raw.proposalThreshold, "proposalThreshold"),
    quorumPercent: amount(raw.quorumPercent, "quorumPercent"),
    voteExtension: amount(raw.voteExtension, "voteExtension"),
    proposalGuardian: account(raw.proposalGuardian, "proposalGuardian"),
  };
  const capital: CapitalConfig = {
    guardian: governance.proposalGuardian,
    appealWindow:
      raw.arbitrationAppealWindow === undefined
        ? DEFAULT_ARBITRATION_PERIODS.appealWindow
        : amount(raw.arbitrationAppealWindow, "arbitrationAppealWindow"),
    rulingPeriod:
      raw.arbitrationRulingPeriod === undefined
        ? DEFAULT_ARBITRATION_PERIODS.rulingPeriod
        : amount(raw.arbitrationRulingPeriod, "arbitrationRulingPeriod"),
  };
  return { governance, capital };
}
