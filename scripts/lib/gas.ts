/**
 * Gas snapshot of the contracts' state-changing functions: the median gas of the calls made by the
 * gas scenarios in test/gas/ (Hardhat's `--gas-stats-json`), plus deployment gas, per contract,
 * plus the figures a scenario names because a median cannot tell its cases apart
 * (`<function> (<case>)`, recorded with test/gas/named.ts). Used by scripts/gas.ts (`npm run gas`,
 * `npm run gas:check`) and by `npm test`, whose run of the scenarios is also the snapshot check.
 *
 * Only the fixed scenarios are measured: fuzz and invariant runs would move medians from run to
 * run, and so would every new unit test. View functions are left out (they cost users nothing).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { NamedGas } from "../../test/gas/named.ts";
import { runHardhat, type HardhatRun } from "./hardhat.ts";

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

/** The gas scenarios, test/gas/*.gas.ts. */
export function gasScenarios(): string[] {
  return readdirSync("test/gas")
    .filter((file) => file.endsWith(".gas.ts"))
    .map((file) => path.join("test/gas", file));
}

/**
 * Runs the gas scenarios and writes the snapshot (`write`) or compares it with the committed one
 * (`check`: fails on any increase, and when the set of measured functions differs). `echo` prints
 * Hardhat's output as it comes (otherwise the run keeps it for the caller).
 */
export async function runGasScenarios(
  mode: "write" | "check",
  echo = true,
): Promise<{ readonly run: HardhatRun; readonly ok: boolean; readonly report: string }> {
  mkdirSync(path.dirname(STATS), { recursive: true });
  rmSync(NAMED, { force: true });
  const run = await runHardhat(["test", "mocha", "--gas-stats-json", STATS, ...gasScenarios()], {
    env: { ATLAS_GAS_NAMED: path.resolve(NAMED) },
    echo,
  });
  if (run.code !== 0) return { run, ok: false, report: "gas: a gas scenario failed; no snapshot taken" };

  const measured = withNamed(toSnapshot(JSON.parse(readFileSync(STATS, "utf8")) as GasStats));
  if (mode === "write") {
    mkdirSync(path.dirname(SNAPSHOT), { recursive: true });
    writeFileSync(SNAPSHOT, `${JSON.stringify(measured, null, 2)}\n`);
    return { run, ok: true, report: `gas: wrote ${SNAPSHOT} (${count(measured)} entries)` };
  }
  const committed = JSON.parse(readFileSync(SNAPSHOT, "utf8")) as Snapshot;
  const problems: string[] = [];
  const lines: string[] = [];
  for (const [contract, entries] of Object.entries(measured)) {
    for (const [fn, gas] of Object.entries(entries)) {
      const want = committed[contract]?.[fn];
      if (want === undefined) problems.push(`${contract}.${fn}: ${gas} gas, not in the snapshot`);
      else if (gas > want) problems.push(`${contract}.${fn}: ${gas} gas, snapshot says ${want} (+${gas - want})`);
      else if (gas < want)
        lines.push(
          `gas: cheaper than the snapshot: ${contract}.${fn}: ${gas} gas, snapshot says ${want} (${gas - want})`,
        );
    }
  }
  for (const [contract, entries] of Object.entries(committed)) {
    for (const fn of Object.keys(entries)) {
      if (measured[contract]?.[fn] === undefined)
        problems.push(`${contract}.${fn}: in the snapshot, no longer measured`);
    }
  }
  if (problems.length > 0) {
    lines.push(
      `gas: ${problems.length} difference(s) from ${SNAPSHOT}; run \`npm run gas\` and commit it, explaining increases:`,
    );
    for (const line of problems) lines.push(`  ${line}`);
    return { run, ok: false, report: lines.join("\n") };
  }
  lines.push(`gas: ${count(measured)} entries within ${SNAPSHOT}`);
  return { run, ok: true, report: lines.join("\n") };
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
