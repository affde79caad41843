/**
 * Gas snapshot of the contracts' state-changing functions: the median gas of the calls made by the
 * gas scenarios in test/gas/ (Hardhat's `--gas-stats-json`), plus deployment gas, per contract,
 * plus the figures a scenario names because a median cannot tell its cases apart
 * (`<function> (<case>)`, recorded with test/gas/named.ts).
 *
 *   node scripts/gas.ts --write   rewrites snapshots/gas.json (commit it with the change)
 *   node scripts/gas.ts --check   fails when anything costs more than the committed snapshot, or
 *                                 when the set of measured functions differs from it
 *
 * Only the fixed scenarios are measured: fuzz and invariant runs would move medians from run to
 * run, and so would every new unit test. View functions are left out (they cost users nothing).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { NamedGas } from "../test/gas/named.ts";
import { runHardhat } from "./lib/hardhat.ts";

type Snapshot = Record<string, Record<string, number>>;

interface GasStats {
  contracts: Record<
    string,
    {
      sourceName: string;
      contractName: string;
      deployment: { median: number } | null;
      functions: Record<string, { median: number }> | null;
    }
  >;
}

interface AbiFunction {
  type: string;
  name?: string;
  stateMutability?: string;
}

const SNAPSHOT = "snapshots/gas.json";
/**
 * Sources whose contracts are snapshotted: the project's, the OpenZeppelin contracts it deploys,
 * and the probe that measures view functions other modules pay for (the credential check beside
 * EAS `getAttestation`).
 */
const MEASURED_SOURCES = ["contracts/", "@openzeppelin/", "test/bench/CredentialCheckProbe.sol"];
const STATS = ".gas/stats.json";
/** Named figures the scenarios record (test/gas/named.ts), one JSON object per line. */
const NAMED = ".gas/named.jsonl";

const mode = process.argv[2];
if (mode !== "--write" && mode !== "--check") {
  console.error("usage: node scripts/gas.ts --write | --check");
  process.exit(2);
}

mkdirSync(path.dirname(STATS), { recursive: true });
rmSync(NAMED, { force: true });
const scenarios = readdirSync("test/gas")
  .filter((file) => file.endsWith(".gas.ts"))
  .map((file) => path.join("test/gas", file));
process.env.ATLAS_GAS_NAMED = path.resolve(NAMED);
const run = await runHardhat(["test", "mocha", "--gas-stats-json", STATS, ...scenarios]);
if (run.code !== 0) {
  console.error("gas: a gas scenario failed; no snapshot taken");
  process.exit(run.code);
}

const measured = withNamed(toSnapshot(JSON.parse(readFileSync(STATS, "utf8")) as GasStats));

if (mode === "--write") {
  mkdirSync(path.dirname(SNAPSHOT), { recursive: true });
  writeFileSync(SNAPSHOT, `${JSON.stringify(measured, null, 2)}\n`);
  console.log(`gas: wrote ${SNAPSHOT} (${count(measured)} entries)`);
} else {
  const committed = JSON.parse(readFileSync(SNAPSHOT, "utf8")) as Snapshot;
  const problems: string[] = [];
  const cheaper: string[] = [];
  for (const [contract, entries] of Object.entries(measured)) {
    for (const [fn, gas] of Object.entries(entries)) {
      const want = committed[contract]?.[fn];
      if (want === undefined) problems.push(`${contract}.${fn}: ${gas} gas, not in the snapshot`);
      else if (gas > want) problems.push(`${contract}.${fn}: ${gas} gas, snapshot says ${want} (+${gas - want})`);
      else if (gas < want) cheaper.push(`${contract}.${fn}: ${gas} gas, snapshot says ${want} (${gas - want})`);
    }
  }
  for (const [contract, entries] of Object.entries(committed)) {
    for (const fn of Object.keys(entries)) {
      if (measured[contract]?.[fn] === undefined)
        problems.push(`${contract}.${fn}: in the snapshot, no longer measured`);
    }
  }
  for (const line of cheaper) console.log(`gas: cheaper than the snapshot: ${line}`);
  if (problems.length > 0) {
    console.error(
      `gas: ${problems.length} difference(s) from ${SNAPSHOT}; run \`npm run gas\` and commit it, explaining increases:`,
    );
    for (const line of problems) console.error(`  ${line}`);
    process.exit(1);
  }
  console.log(`gas: ${count(measured)} entries within ${SNAPSHOT}`);
}

/** Keeps the project's contracts (and the timelock it deploys), without view functions. */
function toSnapshot(stats: GasStats): Snapshot {
  const snapshot: Snapshot = {};
  for (const entry of Object.values(stats.contracts)) {
    const { sourceName, contractName } = entry;
    if (!MEASURED_SOURCES.some((prefix) => sourceName.startsWith(prefix))) continue;
    const writes = stateChangingFunctions(sourceName, contractName);
    const row: Record<string, number> = {};
    if (entry.deployment) row["(deployment)"] = entry.deployment.median;
    for (const [fn, gas] of Object.entries(entry.functions ?? {})) {
      if (writes.has(fn.split("(")[0])) row[fn] = gas.median;
    }
    snapshot[contractName] = row;
  }
  return Object.fromEntries(Object.entries(snapshot).sort(([a], [b]) => a.localeCompare(b)));
}

/** Adds the scenarios' named figures; a name recorded twice must have one figure. */
function withNamed(snapshot: Snapshot): Snapshot {
  const lines = existsSync(NAMED)
    ? readFileSync(NAMED, "utf8")
        .split("\n")
        .filter((line) => line !== "")
    : [];
  for (const line of lines) {
    const { contract, name, gas } = JSON.parse(line) as NamedGas;
    const row = (snapshot[contract] ??= {});
    if (row[name] !== undefined && row[name] !== gas) {
      throw new Error(`gas: ${contract} "${name}" recorded twice with different figures (${row[name]}, ${gas})`);
    }
    row[name] = gas;
  }
  for (const [contract, row] of Object.entries(snapshot)) {
    snapshot[contract] = Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)));
  }
  return Object.fromEntries(Object.entries(snapshot).sort(([a], [b]) => a.localeCompare(b)));
}

function stateChangingFunctions(sourceName: string, contractName: string): Set<string> {
  const artifact = JSON.parse(readFileSync(path.join("artifacts", sourceName, `${contractName}.json`), "utf8")) as {
    abi: AbiFunction[];
  };
  return new Set(
    artifact.abi
      .filter((item) => item.type === "function" && item.stateMutability !== "view" && item.stateMutability !== "pure")
      .map((item) => item.name!),
  );
}

function count(snapshot: Snapshot): number {
  return Object.values(snapshot).reduce((n, row) => n + Object.keys(row).length, 0);
}
