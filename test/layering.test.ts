/**
 * Layering rules of the repository, checked on every import specifier (TypeScript through the
 * compiler's own scanner, Solidity through its import statements):
 *   - the SDK imports neither the indexer nor the app (they build on it, not the reverse);
 *   - indexer handlers never import the API server (handlers run in the sync engine);
 *   - contracts' tests (Solidity tests, test/governance, test/gas) import no app or indexer code;
 *   - the app talks to the indexer over HTTP only: it imports no indexer code.
 * (test/sdk/layering.test.ts adds the SDK's browser-safety rules.)
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import ts from "typescript";

const ROOT = path.resolve(import.meta.dirname, "..");

interface Rule {
  readonly name: string;
  /** Files the rule applies to (relative paths, "/" separated). */
  readonly applies: (file: string) => boolean;
  /** True when `target` (a repo-relative path, or a bare specifier) is forbidden. */
  readonly forbids: (target: string) => boolean;
}

const under = (dir: string) => (file: string) => file === dir || file.startsWith(`${dir}/`);
const packageName = (specifier: string) =>
  specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0];

const RULES: readonly Rule[] = [
  {
    name: "the SDK imports neither the indexer nor the app",
    applies: under("sdk/src"),
    forbids: (t) =>
      under("indexer")(t) || under("app")(t) || ["@atlas-os/indexer", "@atlas-os/app"].includes(packageName(t)),
  },
  {
    name: "indexer handlers never import the API server",
    applies: (f) => under("indexer/src")(f) && !under("indexer/src/api")(f),
    forbids: (t) =>
      under("indexer/src/api")(t) || t === "ponder:api" || ["hono", "@hono/node-server"].includes(packageName(t)),
  },
  {
    name: "contracts' tests import no app or indexer code",
    applies: (f) =>
      f.endsWith(".t.sol") || under("test/governance")(f) || under("test/gas")(f) || under("test/utils")(f),
    forbids: (t) =>
      under("app")(t) || under("indexer")(t) || ["@atlas-os/app", "@atlas-os/indexer"].includes(packageName(t)),
  },
  {
    name: "the app reaches the indexer over HTTP only",
    applies: under("app/src"),
    forbids: (t) => under("indexer")(t) || packageName(t) === "@atlas-os/indexer",
  },
];

/** Import specifiers of a TypeScript or Solidity source. */
function specifiers(file: string, text: string): string[] {
  if (file.endsWith(".sol"))
    return [...text.matchAll(/^\s*import\s+(?:[^"']*from\s+)?["']([^"']+)["']/gm)].map((m) => m[1]);
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** `file: specifier (rule)` for every import that breaks a rule. */
function violations(sources: readonly { file: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { file, text } of sources) {
    for (const specifier of specifiers(file, text)) {
      const target = specifier.startsWith(".")
        ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
        : specifier;
      for (const rule of RULES) {
        if (rule.applies(file) && rule.forbids(target)) found.push(`${file}: ${specifier} (${rule.name})`);
      }
    }
  }
  return found;
}

async function sources(): Promise<{ file: string; text: string }[]> {
  const result: { file: string; text: string }[] = [];
  for (const dir of ["sdk/src", "indexer/src", "app/src", "test", "contracts"]) {
    let entries;
    try {
      entries = await readdir(path.join(ROOT, dir), { recursive: true, withFileTypes: true });
    } catch {
      continue; // a layer that does not exist yet
    }
    for (const entry of entries) {
      if (!entry.isFile() || !/\.(ts|tsx|sol)$/.test(entry.name)) continue;
      const absolute = path.join(entry.parentPath, entry.name);
      result.push({
        file: path.relative(ROOT, absolute).split(path.sep).join("/"),
        text: await readFile(absolute, "utf8"),
      });
    }
  }
  return result;
}

describe("layering", function () {
  it("every import in the repository respects the layering rules", async function () {
    const all = await sources();
    expect(all.length).to.be.greaterThan(20);
    expect(violations(all)).to.deep.equal([]);
  });

  it("the rules catch each forbidden import", function () {
    expect(
      violations([
        { file: "sdk/src/governance/x.ts", text: `import { a } from "../../../indexer/src/api/index.ts";` },
        {
          file: "indexer/src/Governor.ts",
          text: `import { app } from "./api/index.ts";\nimport { db } from "ponder:api";`,
        },
        { file: "test/governance/x.test.ts", text: `import "../../app/src/main.ts";` },
        { file: "test/governance/X.t.sol", text: `import {Y} from "../../app/Y.sol";` },
        { file: "app/src/main.ts", text: `import "@atlas-os/indexer";` },
      ]),
    ).to.deep.equal([
      "sdk/src/governance/x.ts: ../../../indexer/src/api/index.ts (the SDK imports neither the indexer nor the app)",
      "indexer/src/Governor.ts: ./api/index.ts (indexer handlers never import the API server)",
      "indexer/src/Governor.ts: ponder:api (indexer handlers never import the API server)",
      "test/governance/x.test.ts: ../../app/src/main.ts (contracts' tests import no app or indexer code)",
      "test/governance/X.t.sol: ../../app/Y.sol (contracts' tests import no app or indexer code)",
      "app/src/main.ts: @atlas-os/indexer (the app reaches the indexer over HTTP only)",
    ]);
  });
});
