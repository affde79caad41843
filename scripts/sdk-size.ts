/**
 * Size budget of @atlas-os/sdk as a browser app ships it: esbuild bundles, minifies and
 * tree-shakes the built package (viem left external: the app has its own), for the whole main
 * entry, for each layer's module and for a single action, and prints the bytes (raw and gzip). Exits non-zero
 * over budget. Run with `npm run sdk:size` (builds the SDK first).
 */
import { gzipSync } from "node:zlib";

import { build } from "esbuild";

/**
 * Budgets in gzip bytes. Each layer's module (all its actions, bound by its decorator) gets
 * 12,000 B; the whole main entry, which carries every layer (and `createAtlasClient`, which binds
 * them all), gets 12,000 B per layer it carries. A single action (one of each layer is measured)
 * stays a small fraction of that.
 */
const LAYER_BUDGET = 12_000;
const LAYERS = ["governance", "graph", "capital", "interstate"] as const;
const ACTION_BUDGET = 8_000;
const BUDGETS = {
  "whole main entry": LAYER_BUDGET * LAYERS.length,
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
    `${name.padEnd(32)} ${String(code.length).padStart(8)} B  ${String(gzip).padStart(7)} B gzip  budget ${budget} B gzip  ${verdict}`,
  );
}
if (over) process.exit(1);
