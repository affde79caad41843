import { readFileSync } from "node:fs";
import path from "node:path";

import type { StorageLayout, ValidationRunData } from "@openzeppelin/upgrades-core";
import { expect } from "chai";
import { AbiCoder, ZeroAddress, getAddress, keccak256, toBeHex, toUtf8Bytes, zeroPadValue } from "ethers";

import { ethers, graphFixture, metadata, networkHelpers } from "../helpers/graph.ts";
import {
  UPGRADEABLE_MODULES,
  buildOf,
  compareLayouts,
  currentLayouts,
  layoutOf,
  normalizeLayout,
  readSnapshot,
  safetyErrorsOf,
  validateBuild,
  type Build,
} from "./storageLayout.ts";

const { loadFixture } = networkHelpers;

const REGISTRY = "contracts/graph/SovereignRegistry.sol:SovereignRegistry";
const LEDGER = "contracts/graph/ContributionLedger.sol:ContributionLedger";
const REGISTRY_SOURCE = "project/contracts/graph/SovereignRegistry.sol";
const LEDGER_SOURCE = "project/contracts/graph/ContributionLedger.sol";
const MODULE_SOURCE = "project/contracts/governance/AtlasModule.sol";
const ARBITRATION = "contracts/interstate/Arbitration.sol:Arbitration";
const REGISTRY_NS = "erc7201:atlas.storage.SovereignRegistry";
const LEDGER_NS = "erc7201:atlas.storage.ContributionLedger";
const MODULE_NS = "erc7201:atlas.storage.AtlasModule";
const ARBITRATION_NS = "erc7201:atlas.storage.Arbitration";

/** `slot:offset label type` of each field of namespace `ns` in `layout`. */
const fields = (layout: StorageLayout, ns: string) =>
  layout.namespaces![ns].map((i) => `${i.slot}:${i.offset} ${i.label} ${i.type}`);

/** ERC-7201: `keccak256(abi.encode(uint256(keccak256(id)) - 1)) & ~bytes32(uint256(0xff))`. */
function erc7201Slot(id: string): bigint {
  const inner = BigInt(keccak256(toUtf8Bytes(id))) - 1n;
  return BigInt(keccak256(AbiCoder.defaultAbiCoder().encode(["uint256"], [inner]))) & ~0xffn;
}

/** `from` replaced by `to` in `source`; throws when `from` is absent, so an edit never silently does nothing. */
function replaceIn(sources: Record<string, { content: string }>, source: string, from: string | RegExp, to: string) {
  const before = sources[source].content;
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${String(from)} not found in ${source}`);
  sources[source].content = after;
}

describe("storage layout", function () {
  let snapshot: Record<string, StorageLayout>;
  let current: Record<string, StorageLayout>;
  let registryBuild: Build;
  let ledgerBuild: Build;
  let registryRun: ValidationRunData;
  let ledgerRun: ValidationRunData;

  before(function () {
    snapshot = readSnapshot();
    current = currentLayouts();
    registryBuild = buildOf(REGISTRY);
    ledgerBuild = buildOf(LEDGER);
    registryRun = validateBuild(registryBuild);
    ledgerRun = registryBuild.id === ledgerBuild.id ? registryRun : validateBuild(ledgerBuild);
  });

  /** The layout of `contract` once `edit` changed the sources of `build`, against the snapshot. */
  function compareEdited(build: Build, contract: string, edit: (sources: Record<string, { content: string }>) => void) {
    const layout = normalizeLayout(layoutOf(validateBuild(build, edit), contract));
    return { layout, ...compareLayouts(snapshot[contract], layout) };
  }

  describe("snapshot", function () {
    for (const contract of UPGRADEABLE_MODULES) {
      it(`${contract.split(":")[1]} can replace the committed layout behind its proxy`, function () {
        const { pass, explanation } = compareLayouts(snapshot[contract], current[contract]);
        expect(pass, explanation).to.equal(true);
      });
    }

    it("covers every upgradeable module and nothing else", function () {
      expect(Object.keys(snapshot).sort()).to.deep.equal([...UPGRADEABLE_MODULES].sort());
    });

    it("holds every variable in an ERC-7201 namespace: no plain state variable", function () {
      expect(Object.keys(current[REGISTRY].namespaces!)).to.deep.equal([
        "erc7201:atlas.storage.AtlasModule",
        REGISTRY_NS,
        "erc7201:openzeppelin.storage.Initializable",
        "erc7201:openzeppelin.storage.Pausable",
      ]);
      expect(Object.keys(current[LEDGER].namespaces!)).to.deep.equal([
        "erc7201:atlas.storage.AtlasModule",
        LEDGER_NS,
        "erc7201:openzeppelin.storage.Initializable",
        "erc7201:openzeppelin.storage.Pausable",
      ]);
      expect(current[REGISTRY].storage, "registry plain storage").to.deep.equal([]);
      expect(current[LEDGER].storage, "ledger plain storage").to.deep.equal([]);
    });

    it("pins the registry's and the ledger's fields in order, with their slots and offsets", function () {
      expect(fields(snapshot[REGISTRY], REGISTRY_NS)).to.deep.equal([
        "0:0 sovereignCount t_uint64",
        "0:8 organizationCount t_uint64",
        "0:16 missionCount t_uint64",
        "1:0 sovereigns t_mapping(t_uint64,t_struct(Sovereign)storage)",
        "2:0 sovereignByHandle t_mapping(t_bytes32,t_uint64)",
        "3:0 memberships t_mapping(t_uint64,t_mapping(t_address,t_struct(Membership)storage))",
        "4:0 adminOffers t_mapping(t_uint64,t_mapping(t_address,t_struct(AdminOffer)storage))",
        "5:0 organizations t_mapping(t_uint64,t_struct(Organization)storage)",
        "6:0 organizationMembers t_mapping(t_uint64,t_mapping(t_address,t_uint8))",
        "7:0 missions t_mapping(t_uint64,t_struct(Mission)storage)",
        "8:0 fundingModules t_mapping(t_address,t_bool)",
        "9:0 trustedIssuers t_mapping(t_uint64,t_mapping(t_bytes32,t_mapping(t_address,t_bool)))",
        "10:0 recognitions t_mapping(t_uint64,t_mapping(t_uint64,t_uint8))",
      ]);
      expect(fields(snapshot[LEDGER], LEDGER_NS)).to.deep.equal([
        "0:0 registry t_contract(ISovereignRegistry)",
        "1:0 outcomeCount t_uint256",
        "2:0 executionRecordSchema t_bytes32",
        "3:0 executionVerificationSchema t_bytes32",
        "4:0 recorders t_mapping(t_address,t_bool)",
        "5:0 reputation t_mapping(t_uint64,t_mapping(t_address,t_uint256))",
        "6:0 executionOutcomes t_mapping(t_bytes32,t_uint256)",
        "7:0 maxExecutionPoints t_uint64",
      ]);
    });

    it("pins AtlasModule's fields: the pause's bounds appended after the guardian, packed into two slots", function () {
      for (const contract of UPGRADEABLE_MODULES) {
        expect(fields(snapshot[contract], MODULE_NS), contract).to.deep.equal([
          "0:0 governance t_address",
          "1:0 guardian t_address",
          "1:20 pausedBefore t_uint64",
          "1:28 maxPauseDuration t_uint32",
          "2:0 pausedAt t_uint40",
          "2:5 pauseEndsAt t_uint40",
          "2:10 guardianReadyAt t_uint40",
        ]);
      }
    });

    // upgrades-core refuses any struct that grows inside a fixed-size array (Round[2] per dispute),
    // so it cannot compare Arbitration's layout before issue 11 with this one; the fields it added
    // to Round fill unused bytes of Round's second slot, so no round of a live dispute moves.
    it("Arbitration's Round keeps its two slots: the fields added fill unused bytes of the second", function () {
      const types = snapshot[ARBITRATION].types;
      const round = types["t_struct(Round)storage"];
      expect(round.numberOfBytes, "Round").to.equal("64");
      expect(types["t_array(t_struct(Round)storage)2_storage"].numberOfBytes, "Round[2]").to.equal("128");
      expect(
        round.members!.map((m) => (typeof m === "string" ? m : `${m.slot}:${m.offset} ${m.label} ${m.type}`)),
      ).to.deep.equal([
        "0:0 arbiter t_address",
        "0:20 sovereignId t_uint64",
        "1:0 assignedAt t_uint40",
        "1:5 ruled t_bool",
        "1:6 shareToClaimant t_uint32",
        "1:10 ruledAt t_uint40",
        "1:15 fallbackArbiter t_bool",
        "1:16 drawnBy t_enum(Drawer)",
      ]);
      expect(fields(snapshot[ARBITRATION], ARBITRATION_NS)).to.deep.equal([
        "0:0 disputeCount t_uint64",
        "0:8 appealWindow t_uint32",
        "0:12 rulingPeriod t_uint32",
        "1:0 arbitrables t_mapping(t_address,t_bool)",
        "2:0 disputes t_mapping(t_uint256,t_struct(Dispute)storage)",
        "3:0 rounds t_mapping(t_uint256,t_array(t_struct(Round)storage)2_storage)",
        "4:0 fallbackArbiters t_mapping(t_address,t_bool)",
        "5:0 fallbackArbiterCount t_uint256",
      ]);
    });
  });

  describe("upgrade safety", function () {
    it("every upgradeable module passes upgrades-core's UUPS validation", function () {
      // The EAS address is immutable on purpose (ISovereignRegistry's assumptions): every new
      // implementation names it again, and `_EAS` carries upgrades-core's allowance for that.
      expect(safetyErrorsOf(registryRun, REGISTRY)).to.deep.equal([]);
      expect(safetyErrorsOf(ledgerRun, LEDGER)).to.deep.equal([]);
      const runs = new Map([
        [registryBuild.id, registryRun],
        [ledgerBuild.id, ledgerRun],
      ]);
      for (const contract of UPGRADEABLE_MODULES) {
        const build = buildOf(contract);
        if (!runs.has(build.id)) runs.set(build.id, validateBuild(build));
        expect(safetyErrorsOf(runs.get(build.id)!, contract), contract).to.deep.equal([]);
      }
    });

    it("the V2 implementations the upgrade test deploys are storage-compatible with V1", function () {
      for (const [v2, v1] of [
        ["test/graph/upgrades/SovereignRegistryV2.sol:SovereignRegistryV2", REGISTRY],
        ["test/graph/upgrades/ContributionLedgerV2.sol:ContributionLedgerV2", LEDGER],
      ]) {
        const build = buildOf(v2);
        const { pass, explanation } = compareLayouts(snapshot[v1], normalizeLayout(layoutOf(validateBuild(build), v2)));
        expect(pass, `${v2}: ${explanation}`).to.equal(true);
      }
    });
  });

  // Each case edits the sources of the real build, compiles them again and compares the result
  // with the snapshot: the check must reject what would corrupt a live proxy's storage.
  describe("an incompatible change fails the check", function () {
    it("reordering two registry fields", function () {
      const { pass, explanation } = compareEdited(registryBuild, REGISTRY, (s) =>
        replaceIn(
          s,
          REGISTRY_SOURCE,
          /(\n\s*mapping\(uint64 sovereignId => Sovereign\) sovereigns;)(\n\s*mapping\(bytes32 handleHash => uint64 sovereignId\) sovereignByHandle;)/,
          "$2$1",
        ),
      );
      expect(pass).to.equal(false);
      expect(explanation).to.contain("Deleted `sovereigns`");
      expect(explanation).to.contain("Inserted `sovereigns`");
    });

    it("retyping a registry counter (uint64 → uint32)", function () {
      const { pass, explanation } = compareEdited(registryBuild, REGISTRY, (s) =>
        replaceIn(s, REGISTRY_SOURCE, "uint64 missionCount;", "uint32 missionCount;"),
      );
      expect(pass).to.equal(false);
      expect(explanation).to.contain("Upgraded `missionCount` to an incompatible type");
      expect(explanation).to.contain("Bad upgrade from uint64 to uint32");
    });

    it("reordering the fields of a struct stored in a mapping (Membership)", function () {
      const { pass, explanation } = compareEdited(registryBuild, REGISTRY, (s) =>
        replaceIn(
          s,
          REGISTRY_SOURCE,
          /(\n\s*uint8 roles;)(\s*bool applied;\s*bool isAdmin;)(\n\s*address invitedBy;)/,
          "$3$1$2",
        ),
      );
      expect(pass).to.equal(false);
      expect(explanation).to.contain("Upgraded `memberships` to an incompatible type");
      expect(explanation).to.contain("Inserted `invitedBy`");
    });

    it("inserting a field before the ledger's first field", function () {
      const { pass, explanation } = compareEdited(ledgerBuild, LEDGER, (s) =>
        replaceIn(s, LEDGER_SOURCE, /(struct LedgerStorage \{)/, "$1\n        uint256 insertedField;"),
      );
      expect(pass).to.equal(false);
      expect(explanation).to.contain("Inserted `insertedField`");
    });

    it("swapping AtlasModule's governance and guardian", function () {
      const { pass, explanation } = compareEdited(registryBuild, REGISTRY, (s) =>
        replaceIn(
          s,
          MODULE_SOURCE,
          /address governance;(\s*)address guardian;/,
          "address guardian;$1address governance;",
        ),
      );
      expect(pass).to.equal(false);
      expect(explanation).to.contain("Deleted `governance`");
    });

    it("moving the registry to another namespace id", function () {
      const { pass, explanation } = compareEdited(registryBuild, REGISTRY, (s) =>
        replaceIn(
          s,
          REGISTRY_SOURCE,
          `@custom:storage-location ${REGISTRY_NS}\n`,
          `@custom:storage-location ${REGISTRY_NS}V2\n`,
        ),
      );
      expect(pass).to.equal(false);
      expect(explanation).to.contain(`Deleted namespace \`${REGISTRY_NS}\``);
    });
  });

  describe("a compatible change passes the check", function () {
    it("appending a field to the registry's namespace", function () {
      const { pass, explanation, layout } = compareEdited(registryBuild, REGISTRY, (s) =>
        replaceIn(
          s,
          REGISTRY_SOURCE,
          /(mapping\(uint64 low => mapping\(uint64 high => uint8 directions\)\) recognitions;)/,
          "$1\n        mapping(address account => uint256) appendedField;",
        ),
      );
      expect(pass, explanation).to.equal(true);
      expect(layout.namespaces![REGISTRY_NS].map((i) => i.label).at(-1)).to.equal("appendedField");
      expect(layout.namespaces![REGISTRY_NS]).to.have.length(snapshot[REGISTRY].namespaces![REGISTRY_NS].length + 1);
    });

    it("appending a field to the ledger's namespace", function () {
      const { pass, explanation, layout } = compareEdited(ledgerBuild, LEDGER, (s) =>
        replaceIn(s, LEDGER_SOURCE, /(uint64 maxExecutionPoints;)/, "$1\n        uint64 appendedField;"),
      );
      expect(pass, explanation).to.equal(true);
      expect(layout.namespaces![LEDGER_NS].map((i) => i.label).at(-1)).to.equal("appendedField");
    });
  });
});

describe("ERC-7201 namespaces", function () {
  const NAMESPACES = [
    {
      file: "contracts/graph/SovereignRegistry.sol",
      constant: "_REGISTRY_STORAGE",
      id: "atlas.storage.SovereignRegistry",
    },
    {
      file: "contracts/graph/ContributionLedger.sol",
      constant: "_LEDGER_STORAGE",
      id: "atlas.storage.ContributionLedger",
    },
    { file: "contracts/governance/AtlasModule.sol", constant: "_MODULE_STORAGE", id: "atlas.storage.AtlasModule" },
  ] as const;

  /** The value of `constant` in `file`, read from the source. */
  function sourceConstant(file: string, constant: string): bigint {
    const source = readFileSync(path.resolve(import.meta.dirname, "../..", file), "utf8");
    const match = new RegExp(`bytes32 private constant ${constant} = (0x[0-9a-fA-F]{64});`).exec(source);
    if (match === null) throw new Error(`${constant} not found in ${file}`);
    return BigInt(match[1]);
  }

  for (const { file, constant, id } of NAMESPACES) {
    it(`${constant} in ${path.basename(file)} is the ERC-7201 slot of "${id}"`, function () {
      expect(toBeHex(sourceConstant(file, constant), 32)).to.equal(toBeHex(erc7201Slot(id), 32));
      const source = readFileSync(path.resolve(import.meta.dirname, "../..", file), "utf8");
      expect(source).to.contain(`@custom:storage-location erc7201:${id}\n`);
    });
  }

  it("the proxies write their state at those slots", async function () {
    const { registry, ledger, timelock, guardian, alice, schemas } = await loadFixture(graphFixture);
    const word = async (contract: { getAddress(): Promise<string> }, slot: bigint) =>
      ethers.provider.getStorage(await contract.getAddress(), slot);
    const registrySlot = erc7201Slot("atlas.storage.SovereignRegistry");
    const ledgerSlot = erc7201Slot("atlas.storage.ContributionLedger");
    const moduleSlot = erc7201Slot("atlas.storage.AtlasModule");

    await registry.connect(alice).register("atlas", metadata("atlas").uri, metadata("atlas").hash);
    const { hash } = metadata("mission");
    await registry.connect(alice).createMission(1n, 0n, "ipfs://mission", hash);
    // Slot 0 of the registry's namespace packs sovereignCount (bytes 0-7), organizationCount
    // (8-15) and missionCount (16-23).
    expect(await word(registry, registrySlot), "registry counters").to.equal(
      zeroPadValue(toBeHex((1n << 128n) | 1n), 32),
    );
    expect(await word(registry, moduleSlot), "registry governance").to.equal(
      zeroPadValue(await timelock.getAddress(), 32).toLowerCase(),
    );
    expect(getAddress(`0x${(await word(registry, moduleSlot + 1n)).slice(26)}`), "registry guardian").to.equal(
      guardian.address,
    );
    expect(getAddress(`0x${(await word(ledger, ledgerSlot)).slice(26)}`), "ledger registry").to.equal(
      await registry.getAddress(),
    );
    expect(await word(ledger, ledgerSlot + 2n), "ledger execution record schema").to.equal(schemas.executionRecord);
    expect(await word(ledger, ledgerSlot + 3n), "ledger verification schema").to.equal(schemas.executionVerification);
    expect(await word(ledger, moduleSlot), "ledger governance").to.equal(
      zeroPadValue(await timelock.getAddress(), 32).toLowerCase(),
    );
    // Nothing at the slots a non-namespaced layout would use.
    expect(await word(registry, 0n)).to.equal(zeroPadValue(ZeroAddress, 32));
    expect(await word(ledger, 0n)).to.equal(zeroPadValue(ZeroAddress, 32));
  });

  it("the pause's fields sit where the snapshot packs them, after the guardian", async function () {
    const { ledger, timelock, guardian } = await loadFixture(graphFixture);
    const word = async (slot: bigint) => BigInt(await ethers.provider.getStorage(await ledger.getAddress(), slot));
    const moduleSlot = erc7201Slot("atlas.storage.AtlasModule");
    const day = 86_400n;
    const timelockAddress = await timelock.getAddress();
    await networkHelpers.impersonateAccount(timelockAddress);
    await networkHelpers.setBalance(timelockAddress, ethers.parseEther("1"));
    await ledger.connect(await ethers.getSigner(timelockAddress)).setMaxPauseDuration(3n * day);
    const receipt = (await (await ledger.connect(guardian).pause()).wait())!;
    const t0 = BigInt((await receipt.getBlock()).timestamp);
    // Slot 1: guardian (bytes 0-19), pausedBefore (20-27), maxPauseDuration (28-31).
    expect(await word(moduleSlot + 1n), "guardian, pausedBefore, maxPauseDuration").to.equal(
      BigInt(guardian.address) | (0n << 160n) | ((3n * day) << 224n),
    );
    // Slot 2: pausedAt (bytes 0-4), pauseEndsAt (5-9), guardianReadyAt (10-14).
    expect(await word(moduleSlot + 2n), "pausedAt, pauseEndsAt, guardianReadyAt").to.equal(
      t0 | ((t0 + 3n * day) << 40n) | ((t0 + 6n * day) << 80n),
    );
  });
});
