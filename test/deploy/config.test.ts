/**
 * The deployment configuration (deploy/config.ts, deploy/config/*.json) against rule 13 of issue 11:
 * the pauser of the modules and the governor's proposal guardian are different accounts in every
 * configuration, the deployment refuses one where they are the same, and a deployed local stack
 * keeps them apart.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

import { expect } from "chai";
import { ZeroAddress, getAddress } from "ethers";

import { atlasModule, checkSeparateGuardians, type AtlasConfig } from "../../deploy/atlas.ts";
import { DEFAULT_ARBITRATION_PERIODS } from "../../deploy/capital.ts";
import { LOCAL_ACCOUNTS, atlasConfigFor, localAtlasConfig } from "../../deploy/config.ts";
import { connection, ethers, graphFixture, networkHelpers } from "../helpers/graph.ts";

const { loadFixture } = networkHelpers;

const CONFIG_DIR = path.resolve(import.meta.dirname, "../../deploy/config");
/** A public testnet's chain id (Sepolia): atlasConfigFor then reads a configuration file. */
const SEPOLIA = 11_155_111;

/** The raw fields of a configuration file that name the two guardians and the fallback arbiters. */
interface GuardianFields {
  readonly proposalGuardian: string;
  readonly pauseGuardian: string;
  readonly arbitrationFallbackArbiters: string[];
}

const readConfigFile = (file: string) =>
  JSON.parse(readFileSync(path.join(CONFIG_DIR, file), "utf8")) as GuardianFields;

/** The message checkSeparateGuardians gives when `layer`'s pauser is the proposal guardian `account`. */
const sameAccountMessage = (layer: "graph" | "capital", account: string) =>
  `The ${layer} layer's pause guardian is the governor's proposal guardian (${account}): ` +
  "one key could pause every module and cancel the proposals that would unpause it. Name two different accounts.";

async function devAccounts(): Promise<string[]> {
  return (await ethers.getSigners()).map((signer) => signer.address);
}

/** The local configuration with both layers' pauser and the proposal guardian set as given. */
async function configWith(guardians: { graph?: string; capital?: string; proposalGuardian?: string }) {
  const config = localAtlasConfig(await devAccounts());
  return {
    governance: {
      ...config.governance,
      proposalGuardian: guardians.proposalGuardian ?? config.governance.proposalGuardian,
    },
    graph: { ...config.graph, guardian: guardians.graph ?? config.graph.guardian },
    capital: { ...config.capital, guardian: guardians.capital ?? config.capital.guardian },
  } satisfies AtlasConfig;
}

describe("deployment configuration: the pauser and the proposal guardian", function () {
  describe("localAtlasConfig", function () {
    it("makes dev account 1 the pauser of every layer and dev account 17 the proposal guardian", async function () {
      const accounts = await devAccounts();
      expect(LOCAL_ACCOUNTS).to.deep.equal({
        pauseGuardian: 1,
        holders: [2, 3, 4, 5],
        proposalGuardian: 17,
        fallbackArbiters: [18, 19],
      });
      const config = localAtlasConfig(accounts);
      expect(config.graph.guardian, "the graph's pauser").to.equal(accounts[1]);
      expect(config.capital.guardian, "the capital layer's pauser").to.equal(accounts[1]);
      expect(config.governance.proposalGuardian, "the proposal guardian").to.equal(accounts[17]);
      expect(config.graph.guardian).to.not.equal(config.governance.proposalGuardian);
      expect(config.capital.fallbackArbiters, "Arbitration's fallback arbiters").to.deep.equal([
        accounts[18],
        accounts[19],
      ]);
      expect(
        config.governance.genesis.map((g) => g.recipient),
        "token holders",
      ).to.deep.equal(accounts.slice(2, 6));
      expect(config.graph.eas).to.deep.equal({ kind: "deploy" });
      expect(config.capital.appealWindow).to.equal(DEFAULT_ARBITRATION_PERIODS.appealWindow);
      expect(config.capital.rulingPeriod).to.equal(DEFAULT_ARBITRATION_PERIODS.rulingPeriod);
      expect(() => checkSeparateGuardians(config)).to.not.throw();
    });

    it("refuses a list of dev accounts without the ones it names", async function () {
      const accounts = await devAccounts();
      expect(() => localAtlasConfig(accounts.slice(0, 17))).to.throw("The local configuration needs dev account 17.");
      expect(() => localAtlasConfig(accounts.slice(0, 19))).to.throw("The local configuration needs dev account 19.");
    });
  });

  describe("configuration files", function () {
    it("deploy/config/testnet.json, parsed by atlasConfigFor, names no account both pauser and proposal guardian", async function () {
      const raw = readConfigFile("testnet.json");
      const { chainId } = await ethers.provider.getNetwork();
      expect(chainId, "the in-process chain is local").to.equal(31_337n);
      // The test connection's network has no file of its own: a testnet falls back to testnet.json.
      const config = await atlasConfigFor(connection, SEPOLIA);
      expect(config.governance.proposalGuardian).to.equal(getAddress(raw.proposalGuardian));
      expect(config.graph.guardian, "the graph's pauser is pauseGuardian").to.equal(getAddress(raw.pauseGuardian));
      expect(config.capital.guardian, "the capital layer's pauser is pauseGuardian").to.equal(
        getAddress(raw.pauseGuardian),
      );
      // Both roles are left empty on the testnets: no key holds either, let alone both.
      expect(config.governance.proposalGuardian).to.equal(ZeroAddress);
      expect(config.graph.guardian).to.equal(ZeroAddress);
      expect(config.capital.fallbackArbiters).to.deep.equal(raw.arbitrationFallbackArbiters.map((a) => getAddress(a)));
      expect(config.capital.fallbackArbiters).to.have.length(2);
      expect(() => checkSeparateGuardians(config)).to.not.throw();
    });

    it("every file in deploy/config names a pause guardian distinct from the proposal guardian (or neither)", function () {
      const files = readdirSync(CONFIG_DIR).filter((file) => file.endsWith(".json"));
      expect(files).to.include("testnet.json");
      for (const file of files) {
        const { proposalGuardian, pauseGuardian } = readConfigFile(file);
        expect(pauseGuardian, `${file}: pauseGuardian`).to.be.a("string");
        const none = BigInt(proposalGuardian) === 0n;
        if (!none) expect(pauseGuardian.toLowerCase(), file).to.not.equal(proposalGuardian.toLowerCase());
      }
    });
  });

  describe("checkSeparateGuardians", function () {
    it("throws, with a readable message, when a layer's pauser is the proposal guardian", async function () {
      const proposalGuardian = (await devAccounts())[17];
      const graph = await configWith({ graph: proposalGuardian });
      expect(() => checkSeparateGuardians(graph)).to.throw(sameAccountMessage("graph", proposalGuardian));
      const capital = await configWith({ capital: proposalGuardian });
      expect(() => checkSeparateGuardians(capital)).to.throw(sameAccountMessage("capital", proposalGuardian));
    });

    it("compares the addresses whatever their case", async function () {
      const accounts = await devAccounts();
      const config = await configWith({ proposalGuardian: accounts[1].toLowerCase() });
      expect(() => checkSeparateGuardians(config)).to.throw(sameAccountMessage("graph", accounts[1].toLowerCase()));
    });

    it("accepts two different accounts, and no proposal guardian at all", async function () {
      const accounts = await devAccounts();
      expect(() => checkSeparateGuardians(localAtlasConfig(accounts))).to.not.throw();
      const none = await configWith({ proposalGuardian: ZeroAddress, graph: ZeroAddress, capital: ZeroAddress });
      expect(() => checkSeparateGuardians(none)).to.not.throw();
    });

    it("is applied by atlasModule before anything is deployed", async function () {
      const accounts = await devAccounts();
      const config = await configWith({ proposalGuardian: accounts[1] });
      expect(() => atlasModule(config)).to.throw(sameAccountMessage("graph", accounts[1]));
    });
  });

  describe("a deployed local stack", function () {
    it("every module's guardian() differs from the governor's proposalGuardian()", async function () {
      const f = await loadFixture(graphFixture);
      const accounts = await devAccounts();
      const proposalGuardian = await f.governor.proposalGuardian();
      expect(proposalGuardian, "dev account 17").to.equal(accounts[17]);
      for (const [name, module] of Object.entries({
        SovereignRegistry: f.registry,
        ContributionLedger: f.ledger,
        BountyBoard: f.bountyBoard,
        MilestoneEscrow: f.escrow,
        Arbitration: f.arbitration,
      })) {
        const guardian = await module.guardian();
        expect(guardian, `${name}'s pauser: dev account 1`).to.equal(accounts[1]);
        expect(guardian, name).to.not.equal(proposalGuardian);
      }
      for (const arbiter of [accounts[18], accounts[19]]) {
        expect(await f.arbitration.isFallbackArbiter(arbiter), arbiter).to.equal(true);
      }
      expect(await f.arbitration.fallbackArbiterCount()).to.equal(2n);
    });
  });
});
