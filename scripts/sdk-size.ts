/**
 * Size budget of @atlas-os/sdk as a browser app ships it: esbuild bundles, minifies and
 * tree-shakes the built package (viem left external: the app has its own), for the whole main
 * entry, for each layer's module and for a single action, and prints the bytes (raw and gzip),
 * then the governance page's production bundle.
 *
 * Two figures per entry, as the gas snapshot works: the committed sizes (snapshots/sdk-size.json),
 * which no change may exceed (the run exits non-zero on any increase; `--write` records new sizes,
 * to commit with the reason for any increase), and issue 12's targets, printed as met or missed
 * by how much (a performance target is a figure a script prints, not a failing test: a missed
 * one keeps its issue open). Run with `npm run sdk:size` (builds the SDK first).
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

import { build } from "esbuild";

const SNAPSHOT = path.join("snapshots", "sdk-size.json");
const write = process.argv.includes("--write");
const snapshot = JSON.parse(readFileSync(SNAPSHOT, "utf8")) as Record<string, number>;
const measured: Record<string, number> = {};
const increases: string[] = [];

/** Records an entry's gzip size and compares it with the committed one. */
function compare(name: string, gzip: number): string {
  measured[name] = gzip;
  const committed = snapshot[name];
  if (committed === undefined) {
    increases.push(`${name}: ${gzip} B gzip, not in ${SNAPSHOT}`);
    return "new";
  }
  if (gzip > committed) increases.push(`${name}: ${gzip} B gzip, snapshot says ${committed} (+${gzip - committed})`);
  return gzip === committed ? "= snapshot" : `${gzip > committed ? "+" : ""}${gzip - committed} vs snapshot`;
}

/**
 * Targets in gzip bytes (issue 12): the whole main entry (every layer, every contract's error
 * sentences for `toAtlasError`), each layer's module (all its actions, bound by its decorator),
 * and a single action (one of each layer is measured). The contracts' whole ABIs are not in the
 * main entry: they have their own, `@atlas-os/sdk/abi`.
 */
const MAIN_BUDGET = 30_000;
const LAYER_BUDGET = 8_000;
const ACTION_BUDGET = 4_000;
const BUDGETS = {
  "whole main entry": MAIN_BUDGET,
  "governance module": LAYER_BUDGET,
  "graph module": LAYER_BUDGET,
  "capital module": LAYER_BUDGET,
  "interstate module": LAYER_BUDGET,
  "one action (castVote)": ACTION_BUDGET,
  "one action (registerSovereign)": ACTION_BUDGET,
  "one action (createEscrow)": ACTION_BUDGET,
} as const;

const entries: Record<keyof typeof BUDGETS, string> = {
  "whole main entry": `export * from "@atlas-os/sdk";`,
  "governance module": `export { governance } from "@atlas-os/sdk";`,
  "graph module": `export { graph } from "@atlas-os/sdk";`,
  "capital module": `export { capital } from "@atlas-os/sdk";`,
  "interstate module": `export { interstate } from "@atlas-os/sdk";`,
  "one action (castVote)": `export { castVote } from "@atlas-os/sdk";`,
  "one action (registerSovereign)": `export { registerSovereign } from "@atlas-os/sdk";`,
  "one action (createEscrow)": `export { createEscrow } from "@atlas-os/sdk";`,
};

for (const [name, contents] of Object.entries(entries) as [keyof typeof BUDGETS, string][]) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    external: ["viem", "viem/*"],
    write: false,
    logLevel: "error",
  });
  const code = result.outputFiles[0].contents;
  const gzip = gzipSync(code).length;
  const target = BUDGETS[name];
  const verdict = gzip <= target ? "met" : `missed by ${gzip - target}`;
  console.log(
    `${name.padEnd(32)} ${String(code.length).padStart(8)} B  ${String(gzip).padStart(7)} B gzip  ${compare(name, gzip).padEnd(16)}  target ${target}: ${verdict}`,
  );
}

// The governance page (app/) as it ships: its production build (`vite build`, viem included),
// in the snapshot like the SDK's entries.
const app = spawnSync("npm", ["run", "build", "--workspace", "@atlas-os/app"], { encoding: "utf8" });
if (app.status !== 0) {
  console.error(app.stdout, app.stderr);
  process.exit(1);
}
const assets = path.join("app", "dist", "assets");
const scripts = readdirSync(assets).filter((file) => file.endsWith(".js"));
const page = scripts.map((file) => readFileSync(path.join(assets, file)));
const raw = page.reduce((sum, code) => sum + code.length, 0);
const gzip = page.reduce((sum, code) => sum + gzipSync(code).length, 0);
const pageName = "governance page (app, with viem)";
console.log(
  `${pageName.padEnd(32)} ${String(raw).padStart(8)} B  ${String(gzip).padStart(7)} B gzip  ${compare(pageName, gzip).padEnd(16)}  (${scripts.length} scripts; 134536 B gzip before issue 12)`,
);

if (write) {
  writeFileSync(SNAPSHOT, `${JSON.stringify(measured, null, 2)}\n`);
  console.log(`sdk-size: wrote ${SNAPSHOT}`);
} else if (increases.length > 0) {
  console.error(
    `sdk-size: larger than ${SNAPSHOT}; make it smaller, or run \`npm run sdk:size -- --write\` and commit it, explaining the increase:`,
  );
  for (const line of increases) console.error(`  ${line}`);
  process.exit(1);
} else {
  console.log(`sdk-size: no entry larger than ${SNAPSHOT}`);
}
