/**
 * Line and statement coverage of contracts/ over the in-process suites (Solidity and mocha tests),
 * with a floor: the routine behind `npm run coverage` and the instrumented part of `npm test`.
 *
 * Branch coverage: Hardhat 3.18's EDR instruments statements only (its lcov writer says "EDR does
 * not provide branch coverage information"), so statement coverage, which counts each side of an
 * `if` whose body is a statement, is the closest figure it can give; this reports it.
 *
 * Hardhat records coverage metadata only while it compiles the instrumented contracts; a run that
 * finds them already compiled reports 0%. So the instrumented build's own cache is cleared first
 * (`hardhat clean` with ATLAS_COVERAGE_BUILD=1, which touches coverage-build/ only): the plain build
 * in artifacts/ and cache/ stays, and the uninstrumented suites never wait for a recompile.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";

import { runHardhat, type HardhatRun } from "./hardhat.ts";

/**
 * Suites that run contracts in other processes (Hardhat nodes, the indexer, the main job), whose
 * execution coverage cannot see: they run uninstrumented.
 */
export const OUT_OF_PROCESS = ["test/app", "test/deploy", "test/indexer", "test/main"];
/**
 * Suites whose subject is exact gas behaviour (how a split meets a distributor that gives too little
 * gas): coverage instrumentation spends gas on every statement, so their thresholds do not hold
 * there. They run uninstrumented.
 */
export const GAS_EXACT = ["test/capital/splits/hostile.test.ts"];

const TEST_FILE = /\.test\.ts$|\.t\.sol$/;

/**
 * Every test file under `dir`, split into the in-process suites (instrumented for coverage) and
 * the others. The gas scenarios (test/gas/*.gas.ts) are neither: they run on their own, as the gas
 * snapshot's measurement (scripts/lib/gas.ts), since instrumentation would distort what they measure.
 */
export function testFiles(dir = "test"): { inProcess: string[]; uninstrumented: string[] } {
  const inProcess: string[] = [];
  const uninstrumented: string[] = [];
  const visit = (current: string, outside: boolean): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const file = path.join(current, entry.name);
      if (entry.isDirectory()) visit(file, outside || OUT_OF_PROCESS.includes(file));
      else if (TEST_FILE.test(entry.name))
        (outside || GAS_EXACT.includes(file) ? uninstrumented : inProcess).push(file);
    }
  };
  visit(dir, false);
  return { inProcess, uninstrumented };
}

/** The environment of the instrumented build (its own folders, see hardhat.config.ts). */
export const COVERAGE_BUILD_ENV = { ATLAS_COVERAGE_BUILD: "1" } as const;

/** Clears the instrumented build, runs `files` instrumented, and writes coverage/lcov.info. */
export async function runInstrumented(files: readonly string[], echo = true): Promise<HardhatRun> {
  const clean = await runHardhat(["clean"], { env: COVERAGE_BUILD_ENV, echo });
  if (clean.code !== 0) return clean;
  const run = await runHardhat(["test", "--coverage", ...files], { env: COVERAGE_BUILD_ENV, echo });
  return { ...run, seconds: run.seconds + clean.seconds };
}

/**
 * Reads coverage/lcov.info after `run`, prints the per-file table and the totals, and says whether
 * line coverage of contracts/ reaches `minimum` percent.
 */
export function checkCoverage(run: HardhatRun, minimum: number): boolean {
  const covered: { file: string; lines: [hit: number, found: number] }[] = [];
  for (const record of readFileSync("coverage/lcov.info", "utf8").split("end_of_record")) {
    const file = /^SF:(.*)$/m.exec(record)?.[1]?.trim();
    if (!file || !file.includes("contracts/") || file.includes("node_modules")) continue;
    const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)$`, "m").exec(record)?.[1] ?? "0");
    covered.push({ file: file.slice(file.indexOf("contracts/")), lines: [field("LH"), field("LF")] });
  }
  const percent = ([hit, found]: [number, number]) => (found === 0 ? 100 : (100 * hit) / found);
  const lines = covered.reduce<[number, number]>((acc, f) => [acc[0] + f.lines[0], acc[1] + f.lines[1]], [0, 0]);

  console.log("\ncontracts/ coverage");
  console.table(
    Object.fromEntries(
      covered.map((f) => [f.file, { lines: `${percent(f.lines).toFixed(1)}% (${f.lines[0]}/${f.lines[1]})` }]),
    ),
  );
  // Hardhat's own table closes with "Total | <line %> | <statement %>".
  const statements = /Total\s*│\s*[\d.]+\s*│\s*([\d.]+)/.exec(stripVTControlCharacters(run.output))?.[1] ?? "?";
  console.log(`total: lines ${percent(lines).toFixed(2)}%, statements ${statements}% (floor: ${minimum}% of lines)`);
  if (covered.length === 0 || percent(lines) < minimum) {
    console.error(`coverage: line coverage of contracts/ is below ${minimum}%`);
    return false;
  }
  return true;
}

/** The coverage floor: COVERAGE_MIN_LINES, default 95 (% of lines of contracts/). */
export const coverageFloor = (): number => Number(process.env.COVERAGE_MIN_LINES ?? "95");
