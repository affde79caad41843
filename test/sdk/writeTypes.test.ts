import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { expect } from "chai";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TYPE_TEST = "test/sdk/writeTypes.types.ts";

/** The SDK's write actions: the exported actions of a layer that send through `simulateAndSend`. */
function writeActions(): string[] {
  const index = readFileSync(path.join(ROOT, "sdk/src/index.ts"), "utf8");
  return ["governance", "graph", "capital", "interstate"].flatMap((layer) =>
    readdirSync(path.join(ROOT, "sdk/src", layer))
      .filter((file) => readFileSync(path.join(ROOT, "sdk/src", layer, file), "utf8").includes("simulateAndSend("))
      .map((file) => file.replace(/\.ts$/, ""))
      .filter((name) => new RegExp(`\\b${name}\\b,`).test(index)),
  );
}

describe("write actions' type test", function () {
  it("has a line that must not compile for every write action", function () {
    const actions = writeActions();
    expect(actions.length, "write actions found").to.be.greaterThan(60);
    const source = readFileSync(path.join(ROOT, TYPE_TEST), "utf8");
    const missing = actions.filter(
      (name) => !new RegExp(`// @ts-expect-error [^\\n]*\\n\\s*await ${name}\\(context, `).test(source),
    );
    expect(missing, `write actions without a @ts-expect-error line in ${TYPE_TEST}`).to.deep.equal([]);
  });

  it("is compiled by the typecheck", function () {
    const tsconfig = JSON.parse(readFileSync(path.join(ROOT, "tsconfig.json"), "utf8")) as { include: string[] };
    expect(tsconfig.include, "the root tsconfig compiles test/").to.include("test/**/*.ts");
    const scripts = (
      JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts.typecheck, "npm run typecheck").to.match(/&& tsc --noEmit &&/);
  });
});
