/**
 * The README's test command: every test (Solidity unit, fuzz and invariant tests, the mocha
 * TypeScript tests, and the end-to-end suites), closed by the plain line `N passed, N failed`
 * that CI reads.
 *
 * With no arguments it runs in two halves, so that no suite runs twice:
 *   1. the in-process suites, instrumented: they also measure coverage of contracts/ and fail the
 *      run below the floor (COVERAGE_MIN_LINES, default 95% of lines; scripts/lib/coverage.ts);
 *   2. the suites coverage cannot see or must not instrument (end-to-end suites running other
 *      processes, exact-gas suites), uninstrumented.
 * With arguments it is `hardhat test <arguments>`, uninstrumented (e.g. `npm test -- test/graph`).
 */
import { stripVTControlCharacters } from "node:util";

import { checkCoverage, coverageFloor, runInstrumented, testFiles } from "./lib/coverage.ts";
import { runHardhat, type HardhatRun } from "./lib/hardhat.ts";

// Hardhat closes with "N passing (x solidity, y mocha)" and, on failures, "N failing (...)".
const count = (run: HardhatRun, re: RegExp) => {
  const matches = [...stripVTControlCharacters(run.output).matchAll(re)];
  return matches.length === 0 ? 0 : Number(matches[matches.length - 1][1]);
};

const runs: HardhatRun[] = [];
let ok = true;
if (process.argv.length > 2) {
  runs.push(await runHardhat(["test", ...process.argv.slice(2)]));
} else {
  const { inProcess, uninstrumented } = testFiles();
  const instrumented = await runInstrumented(inProcess);
  runs.push(instrumented);
  ok = instrumented.code === 0 && checkCoverage(instrumented, coverageFloor());
  runs.push(await runHardhat(["test", ...uninstrumented]));
}

const passed = runs.reduce((sum, run) => sum + count(run, /^\s*(\d+) passing/gm), 0);
const failed = runs.reduce((sum, run) => sum + count(run, /^\s*(\d+) failing/gm), 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = !ok || runs.some((run) => run.code !== 0) || failed > 0 || passed === 0 ? 1 : 0;
