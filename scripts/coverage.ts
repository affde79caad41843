/**
 * `npm run coverage [files...]`: line and statement coverage of contracts/ over the in-process
 * suites (or the files given), with a floor: exits non-zero when line coverage of contracts/ is
 * below COVERAGE_MIN_LINES (default 95). `npm test` runs the same instrumented suites and check
 * (scripts/lib/coverage.ts), so CI does not run this separately.
 */
import { checkCoverage, coverageFloor, runInstrumented, testFiles } from "./lib/coverage.ts";

const files = process.argv.length > 2 ? process.argv.slice(2) : testFiles().inProcess;
const run = await runInstrumented(files);
if (run.code !== 0) process.exit(run.code);
if (!checkCoverage(run, coverageFloor())) process.exit(1);
