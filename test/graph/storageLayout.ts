/**
 * Storage layouts of the upgradeable modules, computed by OpenZeppelin's upgrades-core (the engine
 * behind hardhat-upgrades' `validateUpgrade`) from Hardhat 3's build-info, offline:
 *
 * 1. the build-info's solc input is compiled again by the `solc` npm package (wasm, the same
 *    version) asking only for the AST and the storage layout — no code generation, ~1.5 s;
 * 2. `makeNamespacedInput` turns every ERC-7201 struct into a state variable and that input is
 *    compiled too, so solc reports the namespaced structs' layout (solc alone reports only
 *    state variables, and the modules have none outside their namespaces);
 * 3. `validate` produces upgrades-core's validation data, from which come the layout (with its
 *    namespaces) and the upgrade-safety errors.
 *
 * The committed reference is snapshots/storage-layout.json. After an intended, compatible change
 * (e.g. a field appended to a namespace), refresh it with `node test/graph/storageLayout.ts --write`
 * (after `npx hardhat build`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import core, {
  type SolcInput,
  type SolcOutput,
  type StorageItem,
  type StorageLayout,
  type TypeItem,
  type ValidationRunData,
} from "@openzeppelin/upgrades-core";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ARTIFACTS = path.join(ROOT, "artifacts");
export const SNAPSHOT_PATH = path.join(ROOT, "snapshots", "storage-layout.json");

/** The upgradeable modules whose layout the snapshot pins, by `<source>:<contract>`. */
export const UPGRADEABLE_MODULES = [
  "contracts/graph/SovereignRegistry.sol:SovereignRegistry",
  "contracts/graph/ContributionLedger.sol:ContributionLedger",
  "contracts/capital/BountyBoard.sol:BountyBoard",
  "contracts/capital/MilestoneEscrow.sol:MilestoneEscrow",
  "contracts/interstate/Arbitration.sol:Arbitration",
] as const;

/** One Hardhat 3 compilation job: solc input, its output, and the compiler version. */
export interface Build {
  readonly id: string;
  readonly solcVersion: string;
  readonly solcLongVersion: string;
  readonly input: SolcInput;
  readonly output: SolcOutput;
}

interface Artifact {
  readonly inputSourceName: string;
  readonly contractName: string;
  readonly buildInfoId: string;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;

function artifactOf(contract: string): Artifact {
  const [source, name] = contract.split(":");
  return readJson<Artifact>(path.join(ARTIFACTS, source, `${name}.json`));
}

/** The fully qualified name upgrades-core uses for `contract` (`project/<source>:<name>`). */
export function qualifiedName(contract: string): string {
  const artifact = artifactOf(contract);
  return `${artifact.inputSourceName}:${artifact.contractName}`;
}

/** The Hardhat build that compiled `contract` (`<source>:<name>`), from `artifacts/build-info`. */
export function buildOf(contract: string): Build {
  const { buildInfoId } = artifactOf(contract);
  const info = readJson<Omit<Build, "output">>(path.join(ARTIFACTS, "build-info", `${buildInfoId}.json`));
  const { output } = readJson<{ output: SolcOutput }>(path.join(ARTIFACTS, "build-info", `${buildInfoId}.output.json`));
  return { ...info, output };
}

/** The `solc` npm package's wasm compiler (its typings leave these two untyped). */
interface SolcCompiler {
  version(): string;
  compile(input: string): string;
}
let solc: SolcCompiler | undefined;

/** Loads the wasm compiler on first use only: every test file is imported by the whole suite. */
const compiler = (): SolcCompiler => (solc ??= createRequire(import.meta.url)("solc") as SolcCompiler);

function compile(input: SolcInput, expectedVersion: string): SolcOutput {
  const version = compiler().version();
  if (!version.startsWith(expectedVersion)) {
    throw new Error(`the solc npm package is ${version}; the build used ${expectedVersion}`);
  }
  const output = JSON.parse(compiler().compile(JSON.stringify(input))) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  return output;
}

/**
 * upgrades-core's validation of `build`, optionally after `edit` changed its sources (the tests
 * use that to prove the check fails on an incompatible change).
 */
export function validateBuild(build: Build, edit?: (sources: Record<string, { content: string }>) => void) {
  const input = structuredClone(build.input);
  edit?.(input.sources as Record<string, { content: string }>);
  const layoutInput: SolcInput = {
    ...input,
    settings: { ...input.settings, outputSelection: { "*": { "*": ["storageLayout"], "": ["ast"] } } },
  };
  const output = compile(layoutInput, build.solcLongVersion);
  // upgrades-core keys each contract by a hash of its bytecode. The layout does not depend on the
  // bytecode, so the Hardhat build's stands in instead of generating code again.
  for (const [source, contracts] of Object.entries(output.contracts)) {
    for (const [name, contract] of Object.entries(contracts)) {
      contract.evm = build.output.contracts[source][name].evm;
    }
  }
  const namespaced = compile(core.makeNamespacedInput(layoutInput, output, build.solcVersion), build.solcLongVersion);
  return core.validate(
    output,
    core.solcInputOutputDecoder(layoutInput, output),
    build.solcVersion,
    layoutInput,
    namespaced,
  );
}

/** The layout of `contract` (`<source>:<name>`) in `run`, namespaces included. */
export function layoutOf(run: ValidationRunData, contract: string): StorageLayout {
  return core.getStorageLayout([run], core.getContractVersion(run, qualifiedName(contract)));
}

/** upgrades-core's upgrade-safety errors of `contract` in `run` (UUPS). */
export function safetyErrorsOf(run: ValidationRunData, contract: string) {
  return core.getErrors([run], core.getContractVersion(run, qualifiedName(contract)), { kind: "uups" });
}

/** Whether `updated` may replace `original` behind a proxy, with upgrades-core's explanation. */
export function compareLayouts(original: StorageLayout, updated: StorageLayout) {
  const report = core.getStorageUpgradeReport(original, updated, core.withValidationDefaults({}));
  return { pass: report.pass, explanation: report.explain(false) };
}

/**
 * A layout as committed: type ids without AST ids (`t_struct(Membership)storage`) and sources
 * without line numbers, so that moving code or editing comments leaves the snapshot unchanged.
 */
export function normalizeLayout(layout: StorageLayout): StorageLayout {
  const item = (i: StorageItem): StorageItem => ({
    contract: i.contract,
    label: i.label,
    type: core.stabilizeTypeIdentifier(i.type),
    src: i.src.replace(/^project\//, "").replace(/:\d+$/, ""),
    offset: i.offset,
    slot: i.slot,
  });
  const type = (t: TypeItem): TypeItem =>
    t.members === undefined || t.members.every((m) => typeof m === "string")
      ? t
      : { ...t, members: t.members.map((m) => ({ ...m, type: core.stabilizeTypeIdentifier(m.type) })) };
  return {
    storage: layout.storage.map(item),
    namespaces: Object.fromEntries(
      Object.entries(layout.namespaces ?? {})
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, items]) => [id, items.map(item)]),
    ),
    types: Object.fromEntries(
      Object.entries(layout.types)
        .map(([id, t]) => [core.stabilizeTypeIdentifier(id), type(t)] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
  };
}

/** The committed layouts, by module. */
export function readSnapshot(): Record<string, StorageLayout> {
  return readJson<Record<string, StorageLayout>>(SNAPSHOT_PATH);
}

/** The current layouts of every upgradeable module, normalized, by module. */
export function currentLayouts(): Record<string, StorageLayout> {
  const runs = new Map<string, ValidationRunData>();
  const layouts: Record<string, StorageLayout> = {};
  for (const contract of UPGRADEABLE_MODULES) {
    const build = buildOf(contract);
    if (!runs.has(build.id)) runs.set(build.id, validateBuild(build));
    layouts[contract] = normalizeLayout(layoutOf(runs.get(build.id)!, contract));
  }
  return layouts;
}

if (import.meta.main && process.argv.includes("--write")) {
  // Formatted as `prettier --check` expects; prettier is loaded only here, never by the tests.
  const prettier = await import("prettier");
  const options = await prettier.resolveConfig(SNAPSHOT_PATH);
  const text = await prettier.format(JSON.stringify(currentLayouts()), { ...options, filepath: SNAPSHOT_PATH });
  writeFileSync(SNAPSHOT_PATH, text);
  console.log(`wrote ${path.relative(ROOT, SNAPSHOT_PATH)}`);
}
