import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import ts from "typescript";

const ROOT = path.resolve(import.meta.dirname, "../..");
const INDEXER = path.join(ROOT, "indexer");
const SRC = path.join(INDEXER, "src");
const API = path.join(SRC, "api");

interface SourceFile {
  /** Absolute path. */
  readonly file: string;
  readonly text: string;
}

const inside = (dir: string, file: string) => file === dir || file.startsWith(dir + path.sep);

function specifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/**
 * The indexer's layers, lowest first: settings and config (env, address book); the schema; the
 * handlers (src/, outside src/api); the HTTP API (src/api). Handlers never import the API (nor
 * `ponder:api`, nor an HTTP framework); the API never imports handlers; config, settings and
 * schema import no part of src/; nothing reaches the app, or the SDK's sources instead of its package.
 */
function importViolations(files: readonly SourceFile[]): string[] {
  const violations: string[] = [];
  for (const { file, text } of files) {
    const where = path.relative(ROOT, file);
    const isApi = inside(API, file);
    const isHandler = inside(SRC, file) && !isApi;
    for (const specifier of specifiers(text)) {
      const flag = (reason: string) => violations.push(`${where}: ${specifier} (${reason})`);
      if (specifier.startsWith(".") || specifier.startsWith("/")) {
        const target = path.resolve(path.dirname(file), specifier);
        if (!inside(INDEXER, target)) flag("leaves indexer/ (use the @atlas-os/sdk package)");
        else if (isHandler && inside(API, target)) flag("a handler imports the API server");
        else if (isApi && inside(SRC, target) && !inside(API, target)) flag("the API imports a handler");
        else if (!inside(SRC, file) && inside(SRC, target)) flag("config or schema imports src/");
        continue;
      }
      if (isHandler && (specifier === "ponder:api" || specifier === "hono" || specifier.startsWith("hono/"))) {
        flag("a handler imports the API server");
      } else if (!inside(SRC, file) && specifier.startsWith("ponder:")) {
        flag("config or schema imports a Ponder virtual module");
      }
    }
  }
  return violations;
}

async function indexerSources(): Promise<SourceFile[]> {
  const entries = await readdir(INDEXER, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && /\.(m|c)?[jt]sx?$/.test(e.name) && !e.name.endsWith(".d.ts"))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => !/[/\\](node_modules|\.ponder|generated)[/\\]/.test(path.relative(ROOT, file)))
    .sort();
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(file, "utf8") })));
}

describe("indexer layering", function () {
  it("keeps handlers off the API, the API off handlers, and config and schema off src/", async function () {
    const files = await indexerSources();
    const names = files.map((f) => path.relative(INDEXER, f.file));
    expect(names, "files scanned").to.include.members([
      "ponder.config.ts",
      "ponder.schema.ts",
      path.join("src", "AtlasGovernor.ts"),
      path.join("src", "AtlasToken.ts"),
      path.join("src", "SovereignRegistry.ts"),
      path.join("src", "ContributionLedger.ts"),
      path.join("src", "EAS.ts"),
      path.join("src", "api", "index.ts"),
      path.join("src", "api", "graph.ts"),
    ]);
    expect(importViolations(files)).to.deep.equal([]);
  });

  it("the check flags each kind of forbidden import", function () {
    const file = (relative: string, text: string): SourceFile => ({ file: path.join(INDEXER, relative), text });
    const violations = importViolations([
      file(
        "src/AtlasGovernor.ts",
        [
          'import app from "./api/index.ts";',
          'import { db } from "ponder:api";',
          'import { Hono } from "hono";',
          'import { proposal } from "ponder:schema";',
          'import { eventRef } from "./eventRef.ts";',
        ].join("\n"),
      ),
      file("src/api/index.ts", 'import "../AtlasToken.ts";\nimport { book } from "../../settings.ts";'),
      file(
        "ponder.config.ts",
        'import { x } from "./src/eventRef.ts";\nimport { getVotes } from "../sdk/src/index.ts";',
      ),
      file("ponder.schema.ts", 'import { ponder } from "ponder:registry";'),
    ]);
    expect(violations).to.deep.equal([
      "indexer/src/AtlasGovernor.ts: ./api/index.ts (a handler imports the API server)",
      "indexer/src/AtlasGovernor.ts: ponder:api (a handler imports the API server)",
      "indexer/src/AtlasGovernor.ts: hono (a handler imports the API server)",
      "indexer/src/api/index.ts: ../AtlasToken.ts (the API imports a handler)",
      "indexer/ponder.config.ts: ./src/eventRef.ts (config or schema imports src/)",
      "indexer/ponder.config.ts: ../sdk/src/index.ts (leaves indexer/ (use the @atlas-os/sdk package))",
      "indexer/ponder.schema.ts: ponder:registry (config or schema imports a Ponder virtual module)",
    ]);
  });
});
