/**
 * Which configuration a network is deployed with: on a local chain, the dev accounts
 * (`localAtlasConfig`); elsewhere `deploy/config/<network>.json`, else `deploy/config/testnet.json`.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { getAddress, isAddress } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { isLocalChain } from "../sdk/src/chains.ts";
import { checkSeparateGuardians, type AtlasConfig } from "./atlas.ts";
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
  /** Pauses the modules; never the proposal guardian (zero address: none). */
  pauseGuardian: string;
  /** Arbitration's fallback arbiters, at least two. */
  arbitrationFallbackArbiters: string[];
  /** Optional: Arbitration's periods, `DEFAULT_ARBITRATION_PERIODS` when absent. */
  arbitrationAppealWindow?: string;
  arbitrationRulingPeriod?: string;
}

/**
 * Who does what on a local chain, by dev account index: 0 deploys (and keeps no role), 1 pauses
 * every module, 2–5 hold the governance token, 6 and 7–16 are the main job's scenario accounts,
 * 17 is the governor's proposal guardian, 18 and 19 are Arbitration's fallback arbiters. The
 * pauser and the proposal guardian are different accounts on purpose (IAtlasModule).
 */
export const LOCAL_ACCOUNTS = {
  pauseGuardian: 1,
  holders: [2, 3, 4, 5],
  proposalGuardian: 17,
  fallbackArbiters: [18, 19],
};

/** The local-chain configuration for the dev `accounts` (addresses in Hardhat's order, 20 of them). */
export function localAtlasConfig(accounts: readonly string[]): AtlasConfig {
  const at = (index: number) => {
    const account = accounts[index];
    if (account === undefined) throw new Error(`The local configuration needs dev account ${index}.`);
    return account;
  };
  const pauseGuardian = at(LOCAL_ACCOUNTS.pauseGuardian);
  return {
    governance: localGovernanceConfig(LOCAL_ACCOUNTS.holders.map(at), at(LOCAL_ACCOUNTS.proposalGuardian)),
    graph: { eas: { kind: "deploy" }, guardian: pauseGuardian },
    capital: defaultCapitalConfig(pauseGuardian, LOCAL_ACCOUNTS.fallbackArbiters.map(at)),
  };
}

export async function atlasConfigFor(connection: NetworkConnection, chainId: number): Promise<AtlasConfig> {
  const signers = await connection.ethers.getSigners();
  if (isLocalChain(chainId)) return localAtlasConfig(signers.map((signer) => signer.address));
  const named = path.join(CONFIG_DIR, `${connection.networkName}.json`);
  const file = existsSync(named) ? named : path.join(CONFIG_DIR, "testnet.json");
  const { governance, capital } = parseConfigFile(file, signers[0].address);
  const config = {
    governance,
    graph: { eas: await easSourceFor(connection, chainId), guardian: capital.guardian },
    capital,
  };
  checkSeparateGuardians(config);
  return config;
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

/** A network's configuration file; the pause guardian of every layer is `pauseGuardian`. */
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
  if (!Array.isArray(raw.arbitrationFallbackArbiters) || raw.arbitrationFallbackArbiters.length < 2) {
    throw new Error(`${file}: arbitrationFallbackArbiters must list at least two accounts`);
  }
  const capital: CapitalConfig = {
    guardian: account(raw.pauseGuardian, "pauseGuardian"),
    fallbackArbiters: raw.arbitrationFallbackArbiters.map((a, i) => account(a, `arbitrationFallbackArbiters[${i}]`)),
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
