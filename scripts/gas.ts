/**
 * The gas snapshot, snapshots/gas.json (scripts/lib/gas.ts says what it measures):
 *
 *   node scripts/gas.ts --write   rewrites snapshots/gas.json (commit it with the change)
 *   node scripts/gas.ts --check   fails when anything costs more than the committed snapshot, or
 *                                 when the set of measured functions differs from it
 *
 * `npm test` makes the same check with its run of the gas scenarios.
 */
import { runGasScenarios } from "./lib/gas.ts";

const mode = process.argv[2];
if (mode !== "--write" && mode !== "--check") {
  console.error("usage: node scripts/gas.ts --write | --check");
  process.exit(2);
}
const { ok, report } = await runGasScenarios(mode === "--write" ? "write" : "check");
(ok ? console.log : console.error)(report);
process.exitCode = ok ? 0 : 1;
