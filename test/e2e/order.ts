/**
 * The order the end-to-end suites run in, whatever order their files were given. They share one
 * world (test/e2e/world.ts) and one main job run (test/helpers/mainJob.ts), and some write to
 * them: the world's readers come first (the PostgreSQL indexer's crash recovery, the agreement
 * suites, whose writes move no clock), then capital (its writes move the clock by days), the
 * deployment onto the world's node, the reorganisation (it rewrites the newest blocks); then the
 * main job's chain: the page, then the main job's own test (which stops the run the page used).
 *
 * A root hook reorders the root suites before any runs; suites of other files keep their order,
 * ahead of these.
 */
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export const E2E_ORDER = [
  "test/indexer/restart.test.ts",
  "test/indexer/api.pglite.test.ts",
  "test/indexer/api.postgres.test.ts",
  "test/indexer/capital.test.ts",
  "test/deploy/deploy.e2e.test.ts",
  "test/indexer/reorg.test.ts",
  "test/app/governance.browser.test.ts",
  "test/main/main.e2e.test.ts",
];

before(function () {
  const root = this.test?.parent;
  if (root === undefined) return;
  const rank = (file: string | undefined) =>
    file === undefined ? -1 : E2E_ORDER.indexOf(path.relative(ROOT, file).split(path.sep).join("/"));
  const ranked = root.suites.map((suite, position) => ({ suite, position, rank: rank(suite.file) }));
  ranked.sort((a, b) => a.rank - b.rank || a.position - b.position);
  root.suites.splice(0, root.suites.length, ...ranked.map((entry) => entry.suite));
});
