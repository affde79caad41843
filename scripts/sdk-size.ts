/**
 * Size budget of @atlas-os/sdk as a browser app ships it: esbuild bundles, minifies and
 * tree-shakes the built package (viem left external: the app has its own), once for the whole
 * main entry and once for a single action, and prints the bytes (raw and gzip). Exits non-zero
 * over budget. Run with `npm run sdk:size` (builds the SDK first).
 */
import { gzipSync } from "node:zlib";

import { build } from "esbuild";

/** Budgets in gzip bytes. A single action must stay a small fraction of the whole. */
const BUDGETS = {
  "whole main entry": 12_000,
  "one action (castVote)": 8_000,
} as const;

const entries: Record<keyof typeof BUDGETS, string> = {
  "whole main entry": `export * from "@atlas-os/sdk";`,
  "one action (castVote)": `export { castVote } from "@atlas-os/sdk";`,
};

let over = false;
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
  const budget = BUDGETS[name];
  const verdict = gzip <= budget ? "within" : "OVER";
  if (gzip > budget) over = true;
  console.log(
    `${name.padEnd(24)} ${String(code.length).padStart(8)} B  ${String(gzip).padStart(7)} B gzip  budget ${budget} B gzip  ${verdict}`,
  );
}
if (over) process.exit(1);
