import { readdir, readFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import path from "node:path";

import { expect } from "chai";
import ts from "typescript";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SDK = path.join(ROOT, "sdk");
const SDK_SRC = path.join(SDK, "src");
const NODE_ONLY = path.join(SDK_SRC, "node");
/** Layers the SDK must never import: the indexer and the app build on the SDK, not the reverse. */
const FORBIDDEN_LAYERS = ["indexer", "app"].map((dir) => path.join(ROOT, dir));

interface SourceFile {
  /** Absolute path. */
  readonly file: string;
  readonly text: string;
}

const inside = (dir: string, file: string) => file === dir || file.startsWith(dir + path.sep);

/** Every module specifier a file imports or re-exports, statically or with `import()`/`require()`. */
function specifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/**
 * The import rules of the SDK, as `file: specifier (reason)` lines: browser code (all of
 * sdk/src but sdk/src/node) imports no Node built-in and nothing from sdk/src/node; relative
 * imports stay inside sdk/; bare imports name only the SDK's peer dependencies; nothing reaches
 * the indexer or the app.
 */
function importViolations(files: readonly SourceFile[], packages: readonly string[]): string[] {
  const violations: string[] = [];
  for (const { file, text } of files) {
    const browser = !inside(NODE_ONLY, file);
    const where = path.relative(ROOT, file);
    for (const specifier of specifiers(text)) {
      const flag = (reason: string) => violations.push(`${where}: ${specifier} (${reason})`);
      if (specifier.startsWith(".") || specifier.startsWith("/")) {
        const target = path.resolve(path.dirname(file), specifier);
        if (FORBIDDEN_LAYERS.some((layer) => inside(layer, target))) flag("imports another layer");
        else if (!inside(SDK, target)) flag("leaves sdk/");
        else if (browser && inside(NODE_ONLY, target)) flag("browser code imports Node-only code");
        continue;
      }
      const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0];
      if (specifier.startsWith("node:") || builtinModules.includes(name)) {
        if (browser) flag("Node built-in in browser code");
        continue;
      }
      if (!packages.includes(name)) flag("not a dependency of the SDK");
    }
  }
  return violations;
}

async function sdkSources(): Promise<SourceFile[]> {
  const entries = await readdir(SDK_SRC, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && /\.(m|c)?[jt]sx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(file, "utf8") })));
}

async function sdkPackages(): Promise<string[]> {
  const manifest = JSON.parse(await readFile(path.join(SDK, "package.json"), "utf8")) as Record<string, unknown>;
  const names = (field: string) => Object.keys((manifest[field] as Record<string, string> | undefined) ?? {});
  return [...names("dependencies"), ...names("peerDependencies")];
}

describe("SDK layering", function () {
  it("keeps sdk/src browser-safe, inside sdk/, and off the indexer and the app", async function () {
    const files = await sdkSources();
    expect(files.length, "SDK files scanned").to.be.greaterThan(20);
    expect(
      files.some((f) => inside(NODE_ONLY, f.file) && specifiers(f.text).some((s) => s.startsWith("node:"))),
      "the scan sees sdk/src/node's Node imports",
    ).to.equal(true);
    expect(importViolations(files, await sdkPackages())).to.deep.equal([]);
  });

  it("the check flags each kind of forbidden import", function () {
    const file = (relative: string, text: string): SourceFile => ({ file: path.join(ROOT, relative), text });
    const violations = importViolations(
      [
        file(
          "sdk/src/governance/bad.ts",
          [
            'import { readFile } from "node:fs/promises";',
            'import path from "path";',
            'export { handler } from "../../../indexer/src/handlers.ts";',
            'import type { Page } from "../../../app/src/page.ts";',
            'import { readAddressBook } from "../node/index.ts";',
            'import { Contract } from "ethers";',
            'const lazy = await import("node:crypto");',
            'import { parseAbi } from "viem";',
            'import { hardhat } from "viem/chains";',
            'import { atlasGovernorAbi } from "../abi/AtlasGovernor.ts";',
          ].join("\n"),
        ),
        file("sdk/src/node/good.ts", 'import { readFile } from "node:fs/promises";\nimport "../errors.ts";'),
      ],
      ["viem"],
    );
    expect(violations).to.deep.equal([
      "sdk/src/governance/bad.ts: node:fs/promises (Node built-in in browser code)",
      "sdk/src/governance/bad.ts: path (Node built-in in browser code)",
      "sdk/src/governance/bad.ts: ../../../indexer/src/handlers.ts (imports another layer)",
      "sdk/src/governance/bad.ts: ../../../app/src/page.ts (imports another layer)",
      "sdk/src/governance/bad.ts: ../node/index.ts (browser code imports Node-only code)",
      "sdk/src/governance/bad.ts: ethers (not a dependency of the SDK)",
      "sdk/src/governance/bad.ts: node:crypto (Node built-in in browser code)",
    ]);
  });
});
