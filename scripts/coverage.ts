/**
 * Line and statement coverage of contracts/ over the in-process suites (Solidity and mocha tests), with a
 * floor: exits non-zero when line coverage of contracts/ is below COVERAGE_MIN_LINES (default 95).
 *
 * Branch coverage: Hardhat 3.18's EDR instruments statements only (its lcov writer says "EDR does
 * not provide branch coverage information"), so statement coverage, which counts each side of an
 * `if` whose body is a statement, is the closest figure it can give; this script reports it.
 *
 * Hardhat records coverage metadata only while it compiles the instrumented contracts; a run that
 * finds them already compiled reports 0%. So the build cache is cleared first (`hardhat clean`).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";

import { runHardhat } from "./lib/hardhat.ts";

const minimum = Number(process.env.COVERAGE_MIN_LINES ?? "95");

/**
 * The suites that run contracts in this process's instrumented EVM. The end-to-end suites start
 * Hardhat nodes, the indexer and the main job as other processes, whose execution coverage cannot
 * see; they run in `npm test` and would only double CI's time here.
 */
const OUT_OF_PROCESS = ["test/app", "test/deploy", "test/indexer", "test/main"];
/**
 * Suites whose subject is exact gas behaviour (how a split meets a distributor that gives too little
 * gas): coverage instrumentation spends gas on every statement, so their thresholds do not hold
 * there. They run in `npm test`, uninstrumented.
 */
const GAS_EXACT = ["test/capital/splits/hostile.test.ts"];

function inProcessTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return OUT_OF_PROCESS.includes(file) ? [] : inProcessTests(file);
    return /\.(test|gas)\.ts$|\.t\.sol$/.test(entry.name) && !GAS_EXACT.includes(file) ? [file] : [];
  });
}

const clean = await runHardhat(["clean"]);
if (clean.code !== 0) process.exit(clean.code);
const files = process.argv.length > 2 ? process.argv.slice(2) : inProcessTests("test");
const run = await runHardhat(["test", "--coverage", ...files]);
if (run.code !== 0) process.exit(run.code);

interface FileCoverage {
  file: string;
  lines: [hit: number, found: number];
}

const covered: FileCoverage[] = [];
for (const record of readFileSync("coverage/lcov.info", "utf8").split("end_of_record")) {
  const file = /^SF:(.*)$/m.exec(record)?.[1]?.trim();
  if (!file) continue;
  const relative = file.slice(file.indexOf("contracts/"));
  if (!file.includes("contracts/") || file.includes("node_modules")) continue;
  const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)$`, "m").exec(record)?.[1] ?? "0");
  covered.push({ file: relative, lines: [field("LH"), field("LF")] });
}

const percent = ([hit, found]: [number, number]) => (found === 0 ? 100 : (100 * hit) / found);
const total = (pick: (f: FileCoverage) => [number, number]): [number, number] =>
  covered.reduce<[number, number]>((acc, f) => [acc[0] + pick(f)[0], acc[1] + pick(f)[1]], [0, 0]);

console.log("\ncontracts/ coverage");
console.table(
  Object.fromEntries(
    covered.map((f) => [f.file, { lines: `${percent(f.lines).toFixed(1)}% (${f.lines[0]}/${f.lines[1]})` }]),
  ),
);
const lines = total((f) => f.lines);
// Hardhat's own table closes with "Total | <line %> | <statement %>".
const statements = /Total\s*│\s*[\d.]+\s*│\s*([\d.]+)/.exec(stripVTControlCharacters(run.output))?.[1] ?? "?";
console.log(`total: lines ${percent(lines).toFixed(2)}%, statements ${statements}% (floor: ${minimum}% of lines)`);
if (covered.length === 0 || percent(lines) < minimum) {
  console.error(`coverage: line coverage of contracts/ is below ${minimum}%`);
  process.exit(1);
}
