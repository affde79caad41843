/**
 * The README's test command: every test (Solidity unit, fuzz and invariant tests, and the mocha
 * TypeScript tests) in one `hardhat test` run, closed by the plain line `N passed, N failed` that
 * CI reads. Extra arguments go to `hardhat test` (e.g. `npm test -- --coverage`).
 */
import { stripVTControlCharacters } from "node:util";

import { runHardhat } from "./lib/hardhat.ts";

const { code, output } = await runHardhat(["test", ...process.argv.slice(2)]);

// Hardhat closes with "N passing (x solidity, y mocha)" and, on failures, "N failing (...)".
const clean = stripVTControlCharacters(output);
const last = (re: RegExp) => {
  const matches = [...clean.matchAll(re)];
  return matches.length === 0 ? 0 : Number(matches[matches.length - 1][1]);
};
const passed = last(/^\s*(\d+) passing/gm);
const failed = last(/^\s*(\d+) failing/gm);

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = code !== 0 ? code : failed > 0 || passed === 0 ? 1 : 0;
