/**
 * The README's test command: every test (Solidity unit, fuzz and invariant tests, the mocha
 * TypeScript tests, the gas scenarios and the end-to-end suites), closed by the plain line
 * `N passed, N failed` that CI reads.
 *
 * With no arguments, after the plain build (cached after the first run; the TypeScript tests read
 * its typechain types), two parts run at the same time, so that no suite runs twice and neither
 * waits for the other's build:
 *   A. the in-process suites, instrumented: they also measure coverage of contracts/ and fail the
 *      run below the floor (COVERAGE_MIN_LINES, default 95% of lines; scripts/lib/coverage.ts).
 *      The instrumented build has folders of its own (coverage-build/).
 *   B. uninstrumented, one after the other: the gas scenarios, which are also the gas snapshot's
 *      check (scripts/lib/gas.ts), then the suites coverage cannot see or must not instrument
 *      (end-to-end suites running other processes, exact-gas suites).
 * B prints as it runs; A's output is printed when A ends, so the two never interleave.
 * The end-to-end suites record every chain and indexer they start (scripts/lib/e2eStarts.ts): the
 * record is cleared before they run, and the closing lines count them (chains, indexers, each with
 * the suite that started it and where); more than 3 of either fails the run.
 * ATLAS_TEST_PARALLEL=0 runs A, then B. With arguments it is `hardhat test <arguments>`,
 * uninstrumented (e.g. `npm test -- test/graph/ledger.test.ts`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";

import { checkCoverage, coverageFloor, runInstrumented, testFiles } from "./lib/coverage.ts";
import { E2E_BUDGET, formatStarts, readStarts, reset, summarizeStarts } from "./lib/e2eStarts.ts";
import { runGasScenarios } from "./lib/gas.ts";
import { runHardhat, type HardhatRun } from "./lib/hardhat.ts";

// Hardhat closes with "N passing (x solidity, y mocha)" and, on failures, "N failing (...)".
const count = (run: HardhatRun, re: RegExp) => {
  const matches = [...stripVTControlCharacters(run.output).matchAll(re)];
  return matches.length === 0 ? 0 : Number(matches[matches.length - 1][1]);
};
const passedIn = (run: HardhatRun) => count(run, /^\s*(\d+) passing/gm);
const failedIn = (run: HardhatRun) => count(run, /^\s*(\d+) failing/gm);

interface Part {
  readonly name: string;
  readonly run: HardhatRun;
  readonly ok: boolean;
}

/** The newest modification time of the files under `dir`. */
const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const file = path.join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(file) : statSync(file).mtimeMs);
  }, 0);

/**
 * The indexer and the main job import `@atlas-os/sdk` from its build (sdk/dist), which `npm ci`
 * makes (`prepare`) but nothing remakes after the SDK's sources change: a stale build makes every
 * indexer start fail on an event the old ABIs lack. Rebuilt here when older than its sources.
 */
function freshSdkBuild(): boolean {
  const built = "sdk/dist/index.js";
  if (existsSync(built) && statSync(built).mtimeMs >= newest("sdk/src")) return true;
  console.log("\n==> the SDK's build is older than its sources: npm run sdk:build\n");
  return spawnSync("npm", ["run", "sdk:build"], { stdio: "inherit" }).status === 0;
}

/** One id for every process of this run's end-to-end suites (main jobs started by a test included). */
const E2E_RUN_ENV = { ATLAS_E2E_RUN: `npm-test-${process.pid}` } as const;

const parts: Part[] = [];
if (process.argv.length > 2) {
  reset();
  const run = await runHardhat(["test", ...process.argv.slice(2)], { env: E2E_RUN_ENV });
  parts.push({ name: "hardhat test", run, ok: run.code === 0 });
} else {
  const build = await runHardhat(["build", "--quiet"]);
  const sdkBuilt = build.code === 0 && freshSdkBuild();
  parts.push({ name: "plain build (and the SDK's when stale)", run: build, ok: sdkBuilt });
  if (sdkBuilt) {
    const { inProcess, uninstrumented } = testFiles();
    const parallel = process.env.ATLAS_TEST_PARALLEL !== "0";

    const instrumentedPart = async (): Promise<Part> => {
      const run = await runInstrumented(inProcess, !parallel);
      if (parallel) {
        console.log("\n==> in-process suites, instrumented (printed when they ended)\n");
        process.stdout.write(run.output);
      }
      const ok = run.code === 0 && checkCoverage(run, coverageFloor());
      return { name: "in-process suites, instrumented (coverage)", run, ok };
    };
    const plainParts = async (): Promise<Part[]> => {
      console.log("\n==> gas scenarios (the gas snapshot check)\n");
      const gas = await runGasScenarios("check");
      (gas.ok ? console.log : console.error)(gas.report);
      console.log("\n==> end-to-end and exact-gas suites, uninstrumented\n");
      reset();
      const rest = await runHardhat(["test", ...uninstrumented], { env: E2E_RUN_ENV });
      return [
        { name: "gas scenarios and snapshot check", run: gas.run, ok: gas.ok },
        { name: "end-to-end and exact-gas suites", run: rest, ok: rest.code === 0 },
      ];
    };

    if (parallel) {
      const [instrumented, plain] = await Promise.all([instrumentedPart(), plainParts()]);
      parts.push(instrumented, ...plain);
    } else {
      parts.push(await instrumentedPart(), ...(await plainParts()));
    }
  }
}

const passed = parts.reduce((sum, part) => sum + passedIn(part.run), 0);
const failed = parts.reduce((sum, part) => sum + failedIn(part.run), 0);
console.log("\nnpm test, by part:");
console.table(
  parts.map((part) => ({
    part: part.name,
    seconds: Math.round(part.run.seconds),
    passed: passedIn(part.run),
    failed: failedIn(part.run),
    result: part.ok ? "ok" : "FAILED",
  })),
);

// What the end-to-end suites started: a chain is a node on a new genesis (a replayed chain is a
// restart), an indexer is a new database (a process on an existing database is a restart).
const starts = readStarts();
const counted = summarizeStarts(starts);
const withinBudget = counted.chains <= E2E_BUDGET.chain && counted.indexers <= E2E_BUDGET.indexer;
console.log(`\nEnd-to-end starts (at most ${E2E_BUDGET.chain} chains and ${E2E_BUDGET.indexer} indexers a run):`);
if (starts.length > 0)
  console.table(starts.map((s) => ({ kind: s.kind, start: s.start, what: s.id, suite: s.suite, reason: s.reason })));
console.log(`chains ${counted.chains}, indexers ${counted.indexers}  (${formatStarts(counted)})`);
if (!withinBudget)
  console.error(
    `FAILED: the end-to-end suites started ${counted.chains} chains and ${counted.indexers} indexers; ` +
      `the budget is ${E2E_BUDGET.chain} and ${E2E_BUDGET.indexer}`,
  );

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = parts.some((part) => !part.ok) || !withinBudget || failed > 0 || passed === 0 ? 1 : 0;
